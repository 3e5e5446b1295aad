/* test-gui-directory.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Directory section and the call wizard's referral search through the
 * real application and its widgets under a virtual display: the search
 * is focused when the section opens, a search typed in Cyrillic finds a
 * service written in Latin (and the other way), filters narrow it, a
 * confidential phone is not copied without a confirmation, a CSV file
 * with bad rows imports nothing and says each line, a good one imports
 * after the preview's confirmation, and a service found from the wizard's
 * referral step with Enter lands in the saved call.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "lin-application.h"
#include "lin-call.h"
#include "lin-call-log-row.h"
#include "lin-call-wizard.h"
#include "lin-codes.h"
#include "lin-demo.h"
#include "lin-directory-csv.h"
#include "lin-directory-view.h"
#include "lin-i18n.h"
#include "lin-test-utils.h"
#include "lin-window.h"

#define PASSPHRASE "a passphrase for the directory tests"

static LinApplication *app;
static char *profile_dir;

/* Fictional services: no real phone or address */
static const char services_csv[] =
  "name,organisation,service_type,municipality,address,address_confidential,phones,hours,languages,verified\n"
  "Sigurna kuća Niš,Udruženje Primer,shelter,rs-nis-medijana,Izmišljena 1,yes,"
    "Dežurni: 000 100 100; Direktorka: 000 100 101 (confidential),24/7,sr;rom,2026-10-01\n"
  "Центар за социјални рад Краљево,,csw,rs-kraljevo,Измишљена 2,no,000 200 200,mon-fri 07:30-15:30,sr,2024-01-10\n"
  "Policijska stanica Kraljevo,,police,rs-kraljevo,Izmišljena 3,no,000 300 300,24/7,sr,2026-09-01\n"
  "Besplatna pravna pomoć Subotica,,legal-aid,rs-subotica,,,000 400 400,mon-fri 09:00-13:00,sr;hu,2026-08-01\n";

/* Helpers */

static LinWindow *
main_window (void)
{
  return LIN_WINDOW (lin_test_application_window (GTK_APPLICATION (app), LIN_TYPE_WINDOW));
}

static GtkWidget *
root (void)
{
  return GTK_WIDGET (main_window ());
}

static GtkWidget *
named (const char *name)
{
  return lin_test_named (root (), name);
}

static LinStore *
store (void)
{
  return lin_context_get_store (lin_application_get_context (app));
}

static LinDirectoryView *
view (void)
{
  return LIN_DIRECTORY_VIEW (lin_test_find_descendant (root (), LIN_TYPE_DIRECTORY_VIEW));
}

static void
key (const char *accelerator)
{
  lin_test_key (root (), accelerator);
}

static gboolean
focus_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (root ()));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
tab_to (GtkWidget *widget)
{
  for (guint i = 0; i < 300; i++)
    {
      if (focus_in (widget))
        return;
      key ("Tab");
    }

  g_error ("Tab never reached %s", gtk_widget_get_name (widget));
}

/* A drop-down answer of the wizard, set as the keyboard would */
static void
answer (const char *field,
        const char *list,
        const char *code)
{
  const LinCodeList *codes = lin_code_list_get (list);

  for (guint i = 0; i < lin_code_list_get_n_codes (codes); i++)
    if (g_str_equal (lin_code_list_get_code (codes, i)->code, code))
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (named (field)), i + 1);
        return;
      }

  g_error ("No code %s in %s", code, list);
}

static void
add_services (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) services = lin_directory_csv_read (services_csv, strlen (services_csv), &problems);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (lin_store_save_all (store (), services, &error));
  g_assert_no_error (error);
}

static void
delete_all (const char *kind)
{
  g_autoptr(GPtrArray) records = lin_store_list (store (), kind);

  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (lin_store_delete (store (), g_ptr_array_index (records, i), &error));
      g_assert_no_error (error);
    }
}

/* The names of the services the search shows, in order */
static GPtrArray *
result_names (LinServiceSearch *search)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < lin_service_search_get_n_results (search); i++)
    g_ptr_array_add (names, g_strdup (lin_record_get_string (lin_service_search_get_result (search, i), "name")));

  return names;
}

static void
search_for (LinServiceSearch *search,
            const char       *text)
{
  GtkWidget *entry = lin_service_search_get_entry (search);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (entry);
  lin_test_type_focused (root (), text);
  /* the details follow once the typing pauses */
  lin_test_spin (250);
}

static void
assert_results (LinServiceSearch   *search,
                const char * const *expected)
{
  g_autoptr(GPtrArray) names = result_names (search);

  for (guint i = 0; expected[i] != NULL; i++)
    {
      if (i >= names->len)
        g_error ("Only %u results, where “%s” was expected", names->len, expected[i]);
      g_assert_cmpstr (g_ptr_array_index (names, i), ==, expected[i]);
    }
  g_assert_cmpuint (names->len, ==, g_strv_length ((char **)expected));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  return (AdwMessageDialog *)lin_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static void
close_dialogs (void)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_message_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Tests */

static void
test_empty (void)
{
  lin_window_set_section (main_window (), "directory");
  lin_test_spin (50);
  g_assert_true (gtk_widget_get_mapped (named ("directory-empty-add")));
  lin_window_set_section (main_window (), "calls");
}

static void
test_search_scripts (void)
{
  LinServiceSearch *search;
  static const char * const nis[] = { "Sigurna kuća Niš", NULL };
  static const char * const kraljevo_csw[] = { "Центар за социјални рад Краљево", NULL };
  /* by name, folded: "centar" before "policijska" */
  static const char * const kraljevo[] = { "Центар за социјални рад Краљево", "Policijska stanica Kraljevo", NULL };
  static const char * const none[] = { NULL };

  add_services ();
  lin_window_set_section (main_window (), "directory");
  lin_test_spin (50);
  search = lin_directory_view_get_search (view ());

  /* the search has the keyboard as the section opens */
  g_assert_true (focus_in (lin_service_search_get_entry (search)));
  g_assert_cmpuint (lin_service_search_get_n_results (search), ==, 4);

  /* Cyrillic typed, a Latin name found; and every spelling of the town */
  search_for (search, "ниш");
  assert_results (search, nis);
  search_for (search, "НИШ");
  assert_results (search, nis);
  search_for (search, "Niš");
  assert_results (search, nis);
  search_for (search, "nis");
  assert_results (search, nis);

  /* Latin typed, a Cyrillic name found, by the words people use */
  search_for (search, "csr kraljevo");
  assert_results (search, kraljevo_csw);
  search_for (search, "kraljevo");
  assert_results (search, kraljevo);
  search_for (search, "краљево полиц");
  g_assert_cmpuint (lin_service_search_get_n_results (search), ==, 1);
  search_for (search, "zzz");
  assert_results (search, none);
  g_assert_true (gtk_widget_get_visible (lin_test_find_named (GTK_WIDGET (search), "service-count")));

  /* filters: the type, and the language */
  search_for (search, "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (lin_test_find_named (GTK_WIDGET (search), "service-filter-type")),
                              1 + 0 /* csw is the first type */);
  assert_results (search, kraljevo_csw);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (lin_test_find_named (GTK_WIDGET (search), "service-filter-type")), 0);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (lin_test_find_named (GTK_WIDGET (search), "service-filter-always")), TRUE);
  g_assert_cmpuint (lin_service_search_get_n_results (search), ==, 2);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (lin_test_find_named (GTK_WIDGET (search), "service-filter-always")), FALSE);

  /* Down and Enter from the entry choose and open a service */
  search_for (search, "kraljevo");
  g_assert_cmpstr (lin_record_get_string (lin_service_search_get_selected (search), "name"), ==,
                   "Центар за социјални рад Краљево");
  key ("Down");
  g_assert_cmpstr (lin_record_get_string (lin_service_search_get_selected (search), "name"), ==,
                   "Policijska stanica Kraljevo");
  key ("Up");
  g_assert_cmpstr (lin_record_get_string (lin_service_search_get_selected (search), "name"), ==,
                   "Центар за социјални рад Краљево");
  g_assert_true (focus_in (lin_service_search_get_entry (search)));
  key ("Return");
  /* the details: last checked in 2024, flagged */
  g_assert_true (gtk_widget_get_visible (named ("service-stale")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (named ("service-title"))), ==, "Центар за социјални рад Краљево");

  search_for (search, "niš");
  g_assert_null (lin_test_find_named (root (), "service-stale"));

  lin_window_set_section (main_window (), "calls");
}

static void
test_confidential (void)
{
  LinServiceSearch *search = lin_directory_view_get_search (view ());
  GdkClipboard *clipboard = gtk_widget_get_clipboard (root ());
  GtkWidget *details = GTK_WIDGET (lin_directory_view_get_details (view ()));
  GtkWidget *copy = NULL;
  AdwMessageDialog *dialog;

  lin_window_set_section (main_window (), "directory");
  search_for (search, "sigurna");
  g_assert_cmpstr (lin_record_get_string (lin_service_search_get_selected (search), "name"), ==, "Sigurna kuća Niš");
  lin_test_spin (50);

  /* the confidential number is shown, marked */
  g_assert_nonnull (lin_test_any_text_contains ("000 100 101"));
  g_assert_nonnull (lin_test_any_text_contains ("confidential: never give it to a caller"));

  /* its Copy asks first, and Cancel copies nothing */
  gdk_clipboard_set_text (clipboard, "before");
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, details);
    while (stack->len > 0 && copy == NULL)
      {
        GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

        if (GTK_IS_BUTTON (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "text"), "000 100 101") == 0)
          copy = widget;
        for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
          g_ptr_array_add (stack, child);
      }
  }
  g_assert_nonnull (copy);

  g_signal_emit_by_name (copy, "clicked");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  lin_test_spin (50);
  close_dialogs ();
  {
    g_autofree char *text = lin_test_clipboard_text (clipboard);

    g_assert_cmpstr (text, ==, "before");
  }

  /* Copy Anyway copies */
  g_signal_emit_by_name (copy, "clicked");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "copy");
  lin_test_spin (50);
  close_dialogs ();
  {
    g_autofree char *text = lin_test_clipboard_text (clipboard);

    g_assert_cmpstr (text, ==, "000 100 101");
  }

  lin_window_set_section (main_window (), "calls");
}

static GFile *
write_file (const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (profile_dir, "..", "import.csv", NULL);
  GFile *file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);

  return file;
}

static void
test_import (void)
{
  static const char bad[] =
    "name,service_type,municipality,hours\n"
    "Savetovalište Primer,ngo,rs-cacak,mon-fri 09:00-17:00\n"
    "Pekara,bakery,rs-cacak,\n"
    "SOS Primer,sos-line,rs-cacak,mon 25:00-26:00\n"
    "Too few\n";
  static const char good[] =
    "name,service_type,municipality,hours\n"
    "Savetovalište Primer,ngo,rs-cacak,mon-fri 09:00-17:00\n"
    "SOS Primer Čačak,sos-line,rs-cacak,24/7\n";
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) before = lin_store_list (store (), LIN_SERVICE_KIND);
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *dialog;
  guint n = before->len;

  lin_window_set_section (main_window (), "directory");

  /* every bad line said, by its number; nothing imported */
  file = write_file (bad);
  dialog = lin_directory_view_import_file (view (), file);
  lin_test_spin (50);
  g_assert_nonnull (lin_test_any_text_contains ("Line 3"));
  g_assert_nonnull (lin_test_any_text_contains ("Line 4"));
  g_assert_nonnull (lin_test_any_text_contains ("Line 5"));
  g_assert_null (lin_test_any_text_contains ("Line 2"));
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "import"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  close_dialogs ();
  after = lin_store_list (store (), LIN_SERVICE_KIND);
  g_assert_cmpuint (after->len, ==, n);
  g_clear_pointer (&after, g_ptr_array_unref);
  g_clear_object (&file);

  /* a good file: shown first, saved only on Import */
  file = write_file (good);
  dialog = lin_directory_view_import_file (view (), file);
  lin_test_spin (50);
  g_assert_nonnull (lin_test_any_text_contains ("SOS Primer Čačak"));
  after = lin_store_list (store (), LIN_SERVICE_KIND);
  g_assert_cmpuint (after->len, ==, n);
  g_clear_pointer (&after, g_ptr_array_unref);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  lin_test_spin (50);
  close_dialogs ();
  after = lin_store_list (store (), LIN_SERVICE_KIND);
  g_assert_cmpuint (after->len, ==, n + 2);

  /* and the search has them at once */
  search_for (lin_directory_view_get_search (view ()), "чачак");
  g_assert_cmpuint (lin_service_search_get_n_results (lin_directory_view_get_search (view ())), ==, 2);

  lin_window_set_section (main_window (), "calls");
}

static void
test_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (profile_dir, "..", "export.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GPtrArray) services = lin_store_list (store (), LIN_SERVICE_KIND);
  gsize length;

  g_assert_true (lin_directory_view_export_file (view (), file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  read = lin_directory_csv_read (contents, length, &problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (read->len, ==, services->len);
  g_unlink (path);
}

static void
test_referral_from_wizard (void)
{
  LinCallWizard *wizard = lin_window_get_call_wizard (main_window ());
  LinServiceSearch *search;
  g_autoptr(GPtrArray) calls = NULL;
  LinRecord *police = NULL;
  JsonObject *referral;
  JsonArray *referrals;
  g_autoptr(GPtrArray) services = lin_store_list (store (), LIN_SERVICE_KIND);

  for (guint i = 0; i < services->len; i++)
    if (g_strcmp0 (lin_record_get_string (g_ptr_array_index (services, i), "name"), "Policijska stanica Kraljevo") == 0)
      police = g_ptr_array_index (services, i);
  g_assert_nonnull (police);

  gtk_window_set_focus (GTK_WINDOW (root ()), NULL);
  key ("<Control>n");
  g_assert_true (lin_call_wizard_get_active (wizard));
  answer ("field-channel", "channel", "phone");
  answer ("field-call_type", "call-type", "self");

  /* the caller is in Kraljevo */
  key ("<Alt>Right");
  tab_to (named ("field-municipality"));
  lin_test_type_focused (root (), "Краљево");
  key ("Return");

  /* on the referral step, the search keeps to Kraljevo */
  key ("<Alt>Right");
  key ("<Alt>Right");
  key ("<Alt>Right");
  g_assert_cmpuint (lin_call_wizard_get_step (wizard), ==, 4);
  search = LIN_SERVICE_SEARCH (named ("referral-search"));
  g_assert_true (gtk_widget_is_visible (lin_test_find_named (GTK_WIDGET (search), "service-filter-town")));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (lin_test_find_named (GTK_WIDGET (search), "service-filter-town"))));
  g_assert_cmpuint (lin_service_search_get_n_results (search), ==, 2);

  /* typed in Cyrillic, the Latin-named station found; one Enter adds it */
  tab_to (lin_service_search_get_entry (search));
  lin_test_type_focused (root (), "полиц");
  lin_test_spin (50);
  g_assert_cmpuint (lin_service_search_get_n_results (search), ==, 1);
  key ("Return");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named ("field-text"))), ==, "Policijska stanica Kraljevo, Kraljevo");
  g_assert_true (focus_in (lin_service_search_get_entry (search)));

  /* Enter again on the same service adds nothing twice */
  lin_test_type_focused (root (), "полиц");
  key ("Return");

  tab_to (named ("field-consent_statistics"));
  key ("space");
  key ("<Control>Return");
  g_assert_false (lin_call_wizard_get_active (wizard));

  calls = lin_store_list (store (), LIN_CALL_KIND);
  g_assert_cmpuint (calls->len, ==, 1);
  referrals = json_object_get_array_member (lin_record_get_fields (g_ptr_array_index (calls, 0)), "referrals");
  g_assert_cmpuint (json_array_get_length (referrals), ==, 1);
  referral = json_array_get_object_element (referrals, 0);
  g_assert_cmpstr (json_object_get_string_member (referral, "service_id"), ==, lin_record_get_id_string (police));
  g_assert_cmpstr (json_object_get_string_member (referral, "service_type"), ==, "police");
  g_assert_cmpstr (json_object_get_string_member (referral, "status"), ==, "referred");
  g_assert_cmpstr (json_object_get_string_member (referral, "text"), ==, "Policijska stanica Kraljevo, Kraljevo");

  delete_all (LIN_CALL_KIND);
  delete_all ("follow-up");
  delete_all ("draft");
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (LIN_IS_CALL_LOG_ROW (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static void
count_fill_cb (LinCallLogRow *row,
               guint         *fills)
{
  (*fills)++;
}

/* The list keeps many more rows than the window shows: a new search
 * writes the words of the rows on screen, the others' when they are
 * drawn or read, and none shows a service of the search before */
static void
test_rows_drawn (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  LinServiceSearch *search;
  guint fills = 0;

  g_assert_true (lin_demo_add_services (store (), 1, &error));
  g_assert_no_error (error);
  lin_window_set_section (main_window (), "directory");
  lin_test_spin (50);
  search = lin_directory_view_get_search (view ());
  search_for (search, "b");
  g_assert_cmpuint (lin_service_search_get_n_results (search), >, 60);

  collect_rows (GTK_WIDGET (search), rows);
  g_assert_cmpuint (rows->len, >, 60);
  for (guint i = 0; i < rows->len; i++)
    g_signal_connect (g_ptr_array_index (rows, i), "fill", G_CALLBACK (count_fill_cb), &fills);

  search_for (search, "c");
  g_assert_cmpuint (lin_service_search_get_n_results (search), >=, rows->len);
  g_assert_cmpuint (fills, >, 0);
  g_assert_cmpuint (fills, <, rows->len / 2);

  /* every row, read, shows a service of the new search; the first rows
   * the first services */
  for (guint i = 0; i < lin_service_search_get_n_results (search); i++)
    g_hash_table_add (names, g_strdup (lin_record_get_string (lin_service_search_get_result (search, i), "name")));
  for (guint i = 0; i < rows->len; i++)
    {
      const char *text = lin_call_log_row_get_text (g_ptr_array_index (rows, i));
      g_autofree char *name = g_strndup (text, strcspn (text, "\n"));

      g_assert_true (strchr (text, '\n') != NULL);
      if (!g_hash_table_contains (names, name))
        g_error ("A row shows “%s”, not found by the search", text);
    }
  g_assert_nonnull (lin_test_any_text_contains (lin_record_get_string (lin_service_search_get_result (search, 0), "name")));

  /* the demo's services go; the tests' own stay */
  search_for (search, "");
  {
    g_autoptr(GPtrArray) services = lin_store_list (store (), LIN_SERVICE_KIND);

    for (guint i = 0; i < services->len; i++)
      if (json_object_get_boolean_member_with_default (lin_record_get_fields (g_ptr_array_index (services, i)),
                                                       "demo", FALSE))
        {
          g_assert_true (lin_store_delete (store (), g_ptr_array_index (services, i), &error));
          g_assert_no_error (error);
        }
  }
  lin_test_spin (50);
  lin_window_set_section (main_window (), "calls");
}

static void
test_lock_clears (void)
{
  g_autoptr(GError) error = NULL;

  lin_window_set_section (main_window (), "directory");
  search_for (lin_directory_view_get_search (view ()), "Marker-7781");
  lin_application_lock (app);
  lin_test_spin (50);
  g_assert_null (lin_test_any_text_contains ("Marker-7781"));
  g_assert_null (lin_test_any_text_contains ("Sigurna kuća Niš"));

  g_assert_true (lin_context_unlock (lin_application_get_context (app), profile_dir, PASSPHRASE, &error));
  g_assert_no_error (error);
  lin_test_spin (300);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  lin_test_init (&argc, &argv);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("LINIJA_KDF", "floor", TRUE);
  lin_i18n_init ("en");

  app = lin_application_new (APP_ID ".Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  lin_test_spin (500);

  profile_dir = lin_test_create_profile (lin_application_get_context (app), "Test", PASSPHRASE);
  g_assert_true (lin_context_unlock (lin_application_get_context (app), profile_dir, PASSPHRASE, &error));
  g_assert_no_error (error);
  lin_test_spin (300);

  g_test_add_func ("/gui/directory/empty", test_empty);
  g_test_add_func ("/gui/directory/search-scripts", test_search_scripts);
  g_test_add_func ("/gui/directory/confidential", test_confidential);
  g_test_add_func ("/gui/directory/import", test_import);
  g_test_add_func ("/gui/directory/export", test_export);
  g_test_add_func ("/gui/directory/referral-from-wizard", test_referral_from_wizard);
  g_test_add_func ("/gui/directory/rows-drawn", test_rows_drawn);
  g_test_add_func ("/gui/directory/lock-clears", test_lock_clears);

  ret = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_clear_pointer (&profile_dir, g_free);

  return ret;
}
