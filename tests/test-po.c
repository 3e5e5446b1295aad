/* test-po.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every user-visible string is translated: each catalogue, merged with a
 * template made afresh from the sources, has no untranslated and no fuzzy
 * entry; sr@latin.po is exactly what the transliterator makes of sr.po;
 * data-strings.c is exactly what lin-data-strings makes of data/; the
 * headers carry the right plural rules and Romani's call for review.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

static char *tmpdir;
static char *pot_path;

static char *
po_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "po", name, NULL);
}

static char *
run (const char * const *argv,
     int                *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH,
                NULL, NULL, &out, &err, status, &error);
  g_assert_no_error (error);

  return g_strconcat (out, err, NULL);
}

static void
make_template (void)
{
  g_autofree char *srcdir = g_test_build_filename (G_TEST_DIST, "..", NULL);
  g_autofree char *potfiles = po_path ("POTFILES.in");
  g_autofree char *log = NULL;
  int status;
  const char *argv[] = {
    "xgettext", "--package-name=linija", "--from-code=UTF-8",
    "--add-comments=Translators",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dngettext:2,3", "--keyword=ngettext:1,2",
    "-D", srcdir, "-f", potfiles, "-o", pot_path, NULL,
  };

  log = run (argv, &status);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xgettext failed: %s", log);
}

static void
assert_complete (const char *lang)
{
  g_autofree char *po = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *log = NULL;
  g_autofree char *stats = NULL;
  int status;

  po = po_path (lang);
  merged = g_build_filename (tmpdir, lang, NULL);

  {
    const char *argv[] = { "msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, po, pot_path, NULL };
    log = run (argv, &status);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("msgmerge %s failed: %s", lang, log);
  }

  {
    const char *argv[] = { "msgfmt", "--check", "--statistics", "-o", "/dev/null", merged, NULL };
    stats = run (argv, &status);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("msgfmt --check %s failed: %s", lang, stats);
  }

  if (strstr (stats, "untranslated") != NULL || strstr (stats, "fuzzy") != NULL)
    g_error ("%s is incomplete against the sources: %s", lang, stats);
  g_assert_nonnull (strstr (stats, "translated message"));
}

static void
test_sr_complete (void)
{
  assert_complete ("sr.po");
}

static void
test_sr_latin_complete (void)
{
  assert_complete ("sr@latin.po");
}

static void
test_rom_complete (void)
{
  assert_complete ("rom.po");
}

static void
test_sr_latin_fresh (void)
{
  const char *tool = g_getenv ("LIN_PO_TRANSLIT");
  g_autofree char *sr = po_path ("sr.po");
  g_autofree char *latin = po_path ("sr@latin.po");
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { tool, sr, NULL };
  int status;

  g_assert_nonnull (tool);

  g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, &expected, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_file_get_contents (latin, &contents, NULL, &error);
  g_assert_no_error (error);

  if (!g_str_equal (expected, contents))
    g_error ("po/sr@latin.po is stale: run build-aux/dev po");
}

/* xgettext reads the data files' texts from po/data-strings.c: a label
 * added to data/ without `build-aux/dev po` would never be translated */
static void
test_data_strings_fresh (void)
{
  const char *tool = g_getenv ("LIN_DATA_STRINGS");
  g_autofree char *datadir = g_test_build_filename (G_TEST_DIST, "..", "data", NULL);
  g_autofree char *path = po_path ("data-strings.c");
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { tool, datadir, NULL };
  int status;

  g_assert_nonnull (tool);

  g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, &expected, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("lin-data-strings failed: %s", err);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  if (!g_str_equal (expected, contents))
    g_error ("po/data-strings.c is stale: run build-aux/dev po");
}

static char *
read_po (const char *name)
{
  g_autofree char *path = po_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* The header entry's msgstr, its wrapped lines joined (escapes kept) */
static char *
read_header (const char *name)
{
  g_autofree char *contents = read_po (name);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  GString *header = g_string_new (NULL);
  gboolean in_header = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!in_header)
        {
          in_header = g_str_equal (lines[i], "msgstr \"\"");
          continue;
        }

      if (lines[i][0] != '"')
        break;

      g_string_append_len (header, lines[i] + 1, strlen (lines[i]) - 2);
    }

  return g_string_free (header, FALSE);
}

static void
test_headers (void)
{
  g_autofree char *sr = read_header ("sr.po");
  g_autofree char *latin = read_header ("sr@latin.po");
  g_autofree char *rom_header = read_header ("rom.po");
  g_autofree char *rom = read_po ("rom.po");
  const char *serbian_plural =
    "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
    "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";

  g_assert_nonnull (strstr (sr, "Language: sr\\n"));
  g_assert_nonnull (strstr (sr, serbian_plural));
  g_assert_nonnull (strstr (latin, "Language: sr@latin\\n"));
  g_assert_nonnull (strstr (latin, serbian_plural));
  g_assert_nonnull (strstr (rom_header, "Language: rom\\n"));
  g_assert_nonnull (strstr (rom_header, "Plural-Forms: nplurals=2; plural=(n != 1);"));
  g_assert_nonnull (strstr (rom, "AWAITS REVIEW BY A NATIVE SPEAKER"));
}

static void
test_linguas (void)
{
  g_autofree char *linguas = read_po ("LINGUAS");

  g_assert_nonnull (strstr (linguas, "rom\n"));
  g_assert_nonnull (strstr (linguas, "sr\n"));
  g_assert_nonnull (strstr (linguas, "sr@latin\n"));
}

static void
test_template_bites (void)
{
  g_autofree char *pot = NULL;
  g_autoptr(GError) error = NULL;

  /* the template is made from the sources and holds their strings */
  g_file_get_contents (pot_path, &pot, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (pot, "msgid \"Calls\""));
  g_assert_nonnull (strstr (pot, "msgid \"Same as the System\""));
  g_assert_nonnull (strstr (pot, "msgid \"Calls, contacts and shift plans\""));
  g_assert_nonnull (strstr (pot, "msgid \"Window width\""));
  /* and the data files' texts, with their lists' names as context */
  g_assert_nonnull (strstr (pot, "msgctxt \"call-type\"\nmsgid \"Silent call\""));
  g_assert_nonnull (strstr (pot, "msgctxt \"risk\"\nmsgid \"Has he threatened to kill you?\""));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmpdir = g_dir_make_tmp ("linija-test-po-XXXXXX", &error);
  g_assert_no_error (error);
  pot_path = g_build_filename (tmpdir, "linija.pot", NULL);
  make_template ();

  g_test_add_func ("/po/template", test_template_bites);
  g_test_add_func ("/po/linguas", test_linguas);
  g_test_add_func ("/po/headers", test_headers);
  g_test_add_func ("/po/sr/complete", test_sr_complete);
  g_test_add_func ("/po/rom/complete", test_rom_complete);
  g_test_add_func ("/po/sr@latin/complete", test_sr_latin_complete);
  g_test_add_func ("/po/sr@latin/fresh", test_sr_latin_fresh);
  g_test_add_func ("/po/data-strings/fresh", test_data_strings_fresh);

  ret = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmpdir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (tmpdir);
  }

  return ret;
}
