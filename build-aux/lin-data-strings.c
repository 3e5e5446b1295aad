/* lin-data-strings.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes po/data-strings.c from the data files: xgettext cannot read JSON,
 * so every label of the code lists (data/codes) becomes C_("LIST", "Label")
 * and every text of the risk checklists (data/risk; unless one says
 * "translate": false) becomes C_("risk", "Text"), each with a comment for translators naming the file
 * and the code. Files in name order, entries in file order, so the output
 * changes only when the data does. Nothing compiles the result: xgettext
 * reads it (po/POTFILES.in). `build-aux/dev po` writes it, and a test fails
 * when it is stale.
 *
 *   lin-data-strings data > po/data-strings.c
 */

#define G_LOG_DOMAIN "lin-data-strings"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The .json files of @folder, sorted */
static GPtrArray *
list_json (const char  *folder,
           GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names);
  return g_steal_pointer (&names);
}

/* A C string literal; the texts are UTF-8 and stay readable */
static void
append_literal (GString    *out,
                const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_string (GString    *out,
               const char *comment,
               const char *context,
               const char *text)
{
  g_string_append_printf (out, "/* Translators: %s */\nC_(", comment);
  append_literal (out, context);
  g_string_append (out, ", ");
  append_literal (out, text);
  g_string_append (out, ");\n");
}

static JsonObject *
read_object (const char  *path,
             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: not a JSON object", path);
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

/* The members this tool needs; lin-codes.c and lin-risk.c check the rest */
static const char *
get_string (JsonObject  *object,
            const char  *member,
            const char  *path,
            GError     **error)
{
  const char *value = json_object_get_string_member_with_default (object, member, NULL);

  if (value == NULL || *value == '\0' || strstr (value, "*/") != NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 "%s: \"%s\" is missing or is not a plain string", path, member);

  return value;
}

static JsonArray *
get_array (JsonObject  *object,
           const char  *member,
           const char  *path,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: \"%s\" is not a list", path, member);
      return NULL;
    }

  return json_node_get_array (node);
}

static gboolean
add_entries (GString     *out,
             JsonArray   *entries,
             const char  *shown,
             const char  *context,
             const char  *text_member,
             const char  *what,
             const char  *note,
             GError     **error)
{
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *node = json_array_get_element (entries, i);
      g_autofree char *comment = NULL;
      const char *code;
      const char *text;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: entry %u is not an object", shown, i + 1);
          return FALSE;
        }

      if ((code = get_string (json_node_get_object (node), "code", shown, error)) == NULL ||
          (text = get_string (json_node_get_object (node), text_member, shown, error)) == NULL)
        return FALSE;

      comment = g_strdup_printf ("%s, %s \"%s\"%s", shown, what, code, note);
      append_string (out, comment, context, text);
    }

  return TRUE;
}

static gboolean
add_code_list (GString     *out,
               const char  *path,
               const char  *shown,
               GError     **error)
{
  g_autoptr(JsonObject) root = read_object (path, error);
  const char *list;
  JsonArray *codes;

  if (root == NULL ||
      (list = get_string (root, "list", shown, error)) == NULL ||
      (codes = get_array (root, "codes", shown, error)) == NULL)
    return FALSE;

  return add_entries (out, codes, shown, list, "label", "code", "", error);
}

static gboolean
add_checklist (GString     *out,
               const char  *path,
               const char  *shown,
               GError     **error)
{
  g_autoptr(JsonObject) root = read_object (path, error);
  g_autofree char *comment = NULL;
  const char *title;
  JsonArray *items;

  if (root == NULL)
    return FALSE;

  /* an instrument in its own language, shown as it is */
  if (!json_object_get_boolean_member_with_default (root, "translate", TRUE))
    return TRUE;

  if ((title = get_string (root, "title", shown, error)) == NULL ||
      (items = get_array (root, "items", shown, error)) == NULL)
    return FALSE;

  comment = g_strdup_printf ("%s, the title of a risk checklist", shown);
  append_string (out, comment, "risk", title);

  return add_entries (out, items, shown, "risk", "text", "item",
                      ": a question the counsellor reads aloud; \"you\" is the caller, "
                      "\"he\" the one who is violent", error);
}

static gboolean
add_folder (GString     *out,
            const char  *datadir,
            const char  *folder,
            gboolean   (*add) (GString *, const char *, const char *, GError **),
            GError     **error)
{
  g_autofree char *path = g_build_filename (datadir, folder, NULL);
  g_autoptr(GPtrArray) names = list_json (path, error);

  if (names == NULL)
    return FALSE;

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, names->pdata[i], NULL);
      g_autofree char *shown = g_strdup_printf ("data/%s/%s", folder, (char *)names->pdata[i]);

      g_string_append_c (out, '\n');
      if (!add (out, file, shown, error))
        return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (argc != 2)
    {
      g_printerr ("usage: %s DATADIR > po/data-strings.c\n", argv[0]);
      return 2;
    }

  g_string_append (out,
                   "/* data-strings.c: the translatable texts of data/codes and data/risk.\n"
                   " *\n"
                   " * Written by build-aux/lin-data-strings (build-aux/dev po); do not edit.\n"
                   " * xgettext reads it, nothing compiles it.\n"
                   " */\n");

  if (!add_folder (out, argv[1], "codes", add_code_list, &error) ||
      !add_folder (out, argv[1], "risk", add_checklist, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  fwrite (out->str, 1, out->len, stdout);
  return 0;
}
