/* test-flatpak-manifest.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Flatpak manifest parses, builds on the GNOME runtime, keeps all
 * locales together, asks for no more than it needs, pins libsodium to the
 * reviewed commit and builds Linija itself last.
 */

#include "config.h"

#include <json-glib/json-glib.h>

static JsonObject *manifest;

static gboolean
array_has_string (JsonArray  *array,
                  const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), value) == 0)
      return TRUE;

  return FALSE;
}

static void
test_runtime (void)
{
  g_assert_cmpstr (json_object_get_string_member (manifest, "id"), ==, APP_ID);
  g_assert_cmpstr (json_object_get_string_member (manifest, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (json_object_get_string_member (manifest, "sdk"), ==, "org.gnome.Sdk");
  g_assert_true (json_object_has_member (manifest, "runtime-version"));
  g_assert_cmpstr (json_object_get_string_member (manifest, "command"), ==, "linija");
  g_assert_true (json_object_has_member (manifest, "separate-locales"));
  g_assert_false (json_object_get_boolean_member (manifest, "separate-locales"));
}

static void
test_finish_args (void)
{
  static const char *allowed[] = {
    "--share=network", "--share=ipc", "--socket=wayland",
    "--socket=fallback-x11", "--device=dri",
  };
  JsonArray *args = json_object_get_array_member (manifest, "finish-args");

  g_assert_nonnull (args);
  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);
      gboolean ok = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (allowed); j++)
        ok |= g_strcmp0 (arg, allowed[j]) == 0;

      if (!ok)
        g_error ("finish-args asks for more than Linija needs: %s", arg);
    }

  g_assert_true (array_has_string (args, "--socket=wayland"));
  g_assert_true (array_has_string (args, "--socket=fallback-x11"));
}

static void
test_modules (void)
{
  JsonArray *modules = json_object_get_array_member (manifest, "modules");
  JsonObject *sodium = NULL;
  JsonObject *last;
  JsonObject *source;
  guint n;

  g_assert_nonnull (modules);
  n = json_array_get_length (modules);
  g_assert_cmpuint (n, >=, 2);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *module = json_array_get_object_element (modules, i);

      if (g_strcmp0 (json_object_get_string_member (module, "name"), "libsodium") == 0)
        sodium = module;
    }

  g_assert_nonnull (sodium);
  source = json_array_get_object_element (json_object_get_array_member (sodium, "sources"), 0);
  g_assert_cmpstr (json_object_get_string_member (source, "type"), ==, "git");
  g_assert_cmpstr (json_object_get_string_member (source, "url"), ==, "https://github.com/jedisct1/libsodium.git");
  g_assert_cmpstr (json_object_get_string_member (source, "tag"), ==, "1.0.22-RELEASE");
  g_assert_cmpstr (json_object_get_string_member (source, "commit"), ==, "77e1ce5d6dee871c49ef211222ba18ef0c486bda");

  last = json_array_get_object_element (modules, n - 1);
  g_assert_cmpstr (json_object_get_string_member (last, "name"), ==, "linija");
  g_assert_cmpstr (json_object_get_string_member (last, "buildsystem"), ==, "meson");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "..", "flatpak", APP_ID ".json", NULL);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  manifest = json_node_get_object (root);

  g_test_add_func ("/flatpak/runtime", test_runtime);
  g_test_add_func ("/flatpak/finish-args", test_finish_args);
  g_test_add_func ("/flatpak/modules", test_modules);

  return g_test_run ();
}
