/* lin-po-translit.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes sr@latin.po from sr.po: every msgstr goes through Linija's own
 * transliterator; msgids, comments and the rest are copied as they are,
 * and the header's language becomes sr@latin. sr@latin.po is never edited
 * by hand: `build-aux/dev po` writes it, and a test fails when it is stale.
 *
 *   lin-po-translit po/sr.po > po/sr@latin.po
 */

#define G_LOG_DOMAIN "lin-po-translit"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lin-translit.h"

static char *
translit_po (const char *contents)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  GString *out = g_string_new (NULL);
  gboolean in_msgstr = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, "msgstr"))
        in_msgstr = TRUE;
      else if (line[0] != '"')
        in_msgstr = FALSE;

      if (in_msgstr)
        {
          g_autofree char *latin = lin_translit_to_latin (line);

          if (g_str_equal (latin, "\"Language: sr\\n\""))
            g_string_append (out, "\"Language: sr@latin\\n\"");
          else
            g_string_append (out, latin);
        }
      else
        {
          g_string_append (out, line);
        }

      if (lines[i + 1] != NULL)
        g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *latin = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s sr.po > sr@latin.po\n", argv[0]);
      return 2;
    }

  if (!g_file_get_contents (argv[1], &contents, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (!g_utf8_validate (contents, -1, NULL))
    {
      g_printerr ("%s: not UTF-8\n", argv[1]);
      return 1;
    }

  latin = translit_po (contents);
  fwrite (latin, 1, strlen (latin), stdout);

  return 0;
}
