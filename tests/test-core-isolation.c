/* test-core-isolation.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * src/core is GLib/GIO only, so that the CLI, the server and the tests can
 * use it without a display: no file there may include a GTK, GDK, GSK or
 * libadwaita header, and its library may not depend on them.
 */

#include "config.h"

#include <gio/gio.h>

static GRegex *include_re;

static guint
scan_folder (const char *path,
             GString    *offenders)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_files = 0;

  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GMatchInfo) info = NULL;

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          n_files += scan_folder (child, offenders);
          continue;
        }

      if (!g_str_has_suffix (name, ".c") && !g_str_has_suffix (name, ".h"))
        continue;

      g_file_get_contents (child, &contents, NULL, &error);
      g_assert_no_error (error);
      n_files++;

      if (g_regex_match (include_re, contents, 0, &info))
        {
          g_autofree char *line = g_match_info_fetch (info, 0);
          g_string_append_printf (offenders, "%s: %s\n", child, line);
        }
    }

  return n_files;
}

static void
test_no_gtk_includes (void)
{
  g_autofree char *core = g_test_build_filename (G_TEST_DIST, "..", "src", "core", NULL);
  g_autoptr(GString) offenders = g_string_new (NULL);
  guint n_files;

  n_files = scan_folder (core, offenders);

  g_assert_cmpuint (n_files, >, 0);
  if (offenders->len > 0)
    g_error ("src/core must not use GTK or libadwaita:\n%s", offenders->str);
}

static void
test_no_gtk_dependency (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "src", "core", "meson.build", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  g_assert_null (strstr (contents, "gtk_dep"));
  g_assert_null (strstr (contents, "adw_dep"));
}

static void
test_regex_catches (void)
{
  /* the check itself must bite */
  g_assert_true (g_regex_match (include_re, "#include <gtk/gtk.h>\n", 0, NULL));
  g_assert_true (g_regex_match (include_re, "  #  include <adwaita.h>\n", 0, NULL));
  g_assert_true (g_regex_match (include_re, "#include \"gdk/gdk.h\"\n", 0, NULL));
  g_assert_false (g_regex_match (include_re, "#include <gio/gio.h>\n", 0, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  include_re = g_regex_new ("^[ \\t]*#[ \\t]*include[ \\t]*[<\"](gtk/|gdk/|gsk/|adwaita\\.h|adw-|libadwaita)[^>\"]*[>\"]",
                            G_REGEX_MULTILINE, 0, NULL);

  g_test_add_func ("/core-isolation/regex", test_regex_catches);
  g_test_add_func ("/core-isolation/includes", test_no_gtk_includes);
  g_test_add_func ("/core-isolation/dependencies", test_no_gtk_dependency);

  return g_test_run ();
}
