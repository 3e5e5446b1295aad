/* test-context.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "lin-call.h"
#include "lin-context.h"
#include "lin-directory.h"

static GSettings *
memory_settings (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  g_assert_nonnull (schema);
  return g_settings_new_full (schema, backend, NULL);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_language (void)
{
  g_autoptr(GSettings) settings = memory_settings ();
  g_autoptr(LinContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  guint notified = 0;

  context = lin_context_new (settings, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (lin_context_get_settings (context) == settings);

  language = lin_context_dup_language (context);
  g_assert_cmpstr (language, ==, "");
  g_clear_pointer (&language, g_free);

  g_signal_connect (context, "notify::language", G_CALLBACK (notify_cb), &notified);
  lin_context_set_language (context, "sr@latin");
  g_assert_cmpuint (notified, ==, 1);
  language = lin_context_dup_language (context);
  g_assert_cmpstr (language, ==, "sr@latin");
  g_clear_pointer (&language, g_free);

  /* setting the same again notifies nothing */
  lin_context_set_language (context, "sr@latin");
  g_assert_cmpuint (notified, ==, 1);
}

static void
test_profile_folder (void)
{
  g_autoptr(GSettings) settings = memory_settings ();
  g_autoptr(LinContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "linija", NULL);

  context = lin_context_new (settings, FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (lin_context_get_demo (context));
  g_assert_cmpstr (lin_context_get_data_dir (context), ==, expected);
}

static void
test_demo_is_thrown_away (void)
{
  g_autoptr(GSettings) settings = memory_settings ();
  g_autoptr(LinContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *inner = NULL;
  g_autofree char *file = NULL;

  context = lin_context_new (settings, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (lin_context_get_demo (context));

  dir = g_strdup (lin_context_get_data_dir (context));
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));

  /* whatever the profile wrote goes with it */
  inner = g_build_filename (dir, "profile", NULL);
  g_assert_cmpint (g_mkdir (inner, 0700), ==, 0);
  file = g_build_filename (inner, "store.db", NULL);
  g_file_set_contents (file, "x", 1, &error);
  g_assert_no_error (error);

  lin_context_shutdown (context);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  /* and shutting down twice is harmless */
  lin_context_shutdown (context);
}

/* --demo opens on fictional calls and a fictional directory */
static void
test_demo_open (void)
{
  g_autoptr(GSettings) settings = memory_settings ();
  g_autoptr(LinContext) context = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GError) error = NULL;

  context = lin_context_new (settings, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (lin_context_open_demo (context, &error));
  g_assert_no_error (error);

  calls = lin_store_list (lin_context_get_store (context), LIN_CALL_KIND);
  services = lin_store_list (lin_context_get_store (context), LIN_SERVICE_KIND);
  g_assert_cmpuint (calls->len, >, 0);
  g_assert_cmpuint (services->len, >=, 300);
  /* a month of the made-up roster, planned but not done */
  {
    LinRoster *roster = lin_context_get_roster (context);
    g_autoptr(GArray) violations = lin_roster_check (roster, NULL);
    guint gaps = 0;

    g_assert_cmpuint (lin_roster_get_n_lines (roster), ==, 3);
    g_assert_cmpuint (lin_roster_get_n_people (roster), ==, 24);
    g_assert_cmpuint (lin_roster_get_n_shifts (roster), >=, 28 * 3 + 28 * 2);
    for (guint i = 0; i < violations->len; i++)
      gaps += g_array_index (violations, LinRosterViolation, i).rule == LIN_ROSTER_RULE_GAP;
    g_assert_cmpuint (gaps, >, 0);
    for (guint i = 0; i < lin_roster_get_n_people (roster); i++)
      g_assert_true (json_object_get_boolean_member (lin_record_get_fields (lin_roster_get_person (roster, i)), "demo"));
  }

  lin_context_shutdown (context);
}

static void
count_cb (LinContext *context,
          guint      *count)
{
  (*count)++;
}

/* The roster follows the store: a batch of saves is one rebuild and one
 * signal; locked, there is none */
static void
test_roster (void)
{
  g_autoptr(GSettings) settings = memory_settings ();
  g_autoptr(LinContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LinRecord) line = lin_record_new (LIN_LINE_KIND);
  g_autoptr(LinRecord) person = lin_record_new (LIN_PERSON_KIND);
  g_autoptr(GPtrArray) shifts = NULL;
  LinRoster *roster;
  guint changed = 0;
  GDate day;

  context = lin_context_new (settings, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (lin_context_open_demo (context, &error));
  g_assert_no_error (error);
  g_signal_connect (context, "roster-changed", G_CALLBACK (count_cb), &changed);

  roster = lin_context_get_roster (context);
  g_assert_nonnull (roster);
  /* the demo's own roster, then one more line */
  g_assert_cmpuint (lin_roster_get_n_lines (roster), ==, 3);

  lin_record_set_string (line, LIN_LINE_FIELD_NAME, "SOS (izmišljena)");
  lin_record_set_string (person, LIN_PERSON_FIELD_ALIAS, "Volonterka (izmišljena)");
  g_date_set_dmy (&day, 1, G_DATE_DECEMBER, 2026);
  shifts = lin_roster_make_shifts (line, "2x12", &day, 7, 1, &error);
  g_assert_no_error (error);
  g_ptr_array_add (shifts, g_object_ref (line));
  g_ptr_array_add (shifts, g_object_ref (person));
  g_ptr_array_add (shifts, lin_roster_new_assignment (g_ptr_array_index (shifts, 0), person));
  g_assert_true (lin_store_save_all (lin_context_get_store (context), shifts, &error));
  g_assert_no_error (error);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (changed, ==, 1);
  roster = lin_context_get_roster (context);
  g_assert_cmpuint (lin_roster_get_n_lines (roster), ==, 4);
  g_assert_cmpuint (lin_roster_get_n_people (roster), ==, 25);
  {
    int s = lin_roster_find_shift (roster, lin_record_get_id_string (g_ptr_array_index (shifts, 0)));

    g_assert_cmpint (s, >=, 0);
    g_assert_cmpuint (lin_roster_shift_get_n_assigned (roster, s), ==, 1);
  }

  lin_context_lock (context);
  g_assert_null (lin_context_get_roster (context));
  lin_context_shutdown (context);
}

static void
test_missing_schema (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSettings) settings = NULL;

      /* the child process has not looked for schemas yet */
      g_setenv ("GSETTINGS_SCHEMA_DIR", "/nonexistent", TRUE);
      g_setenv ("XDG_DATA_DIRS", "/nonexistent", TRUE);
      settings = lin_settings_new (&error);
      g_assert_null (settings);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/context/language", test_language);
  g_test_add_func ("/context/profile-folder", test_profile_folder);
  g_test_add_func ("/context/demo", test_demo_is_thrown_away);
  g_test_add_func ("/context/demo/open", test_demo_open);
  g_test_add_func ("/context/roster", test_roster);
  g_test_add_func ("/context/missing-schema", test_missing_schema);

  return g_test_run ();
}
