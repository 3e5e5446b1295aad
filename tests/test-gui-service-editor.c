/* test-gui-service-editor.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The directory's service editor through its real widgets under a virtual
 * display, on a throw-away profile: a new service typed in (a confidential
 * phone and a public one, hours with a night past midnight) is saved with
 * what was typed and the district that follows from the municipality;
 * editing a service keeps the fields the editor does not show and saves a
 * new revision; a missing name or a bad time refuses to save, says where
 * and writes nothing, and closing then asks before it discards; a
 * service's hours load into the weekday rows and save back the same. The
 * services here are made up.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lin-context.h"
#include "lin-directory.h"
#include "lin-i18n.h"
#include "lin-place-entry.h"
#include "lin-places.h"
#include "lin-service-editor.h"
#include "lin-test-utils.h"

#define PASSPHRASE "seven lanterns over the river"

static LinContext *context;

/* Helpers */

static LinStore *
store (void)
{
  return lin_context_get_store (context);
}

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  return lin_test_named (root, name);
}

static void
collect_named (GtkWidget  *widget,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

static GtkWidget *
nth_named (GtkWidget  *root,
           const char *name,
           guint       n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_named (root, name, found);
  g_assert_cmpuint (found->len, >, n);

  return g_ptr_array_index (found, n);
}

static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  lin_test_spin (50);
}

static guint
n_services (void)
{
  g_autoptr(GPtrArray) services = lin_store_list (store (), LIN_SERVICE_KIND);

  return services->len;
}

static void
saved_cb (LinServiceEditor *editor,
          LinRecord        *service,
          LinRecord       **saved)
{
  g_set_object (saved, service);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static LinServiceEditor *
open_editor (LinRecord  *service,
             LinRecord **saved)
{
  LinServiceEditor *editor = lin_service_editor_new (NULL, store (), service);

  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), saved);
  gtk_window_present (GTK_WINDOW (editor));
  lin_test_spin (100);

  return editor;
}

/* Presses Save and waits for the editor to close */
static void
save_and_close (LinServiceEditor *editor)
{
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  click (named (GTK_WIDGET (editor), "service-save"));
  g_assert_true (lin_test_wait_for (is_gone, &editor, 5000));
}

static void
set_day (GtkWidget  *editor,
         const char *day,
         const char *from,
         const char *to)
{
  g_autofree char *name = g_strdup_printf ("service-day-%s", day);
  GtkWidget *row = named (editor, name);
  GtkWidget *from_entry, *to_entry;

  gtk_switch_set_active (GTK_SWITCH (named (row, "day-open")), TRUE);
  from_entry = named (row, "day-from");
  to_entry = named (row, "day-to");
  gtk_editable_set_text (GTK_EDITABLE (from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (to_entry), "");
  lin_test_type (from_entry, from);
  lin_test_type (to_entry, to);
}

static void
select_type (GtkWidget  *editor,
             const char *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (named (editor, "service-type"));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }

  g_error ("No service type %s", label);
}

static LinRecord *
save_service (const char *fields_json)
{
  g_autoptr(LinRecord) service = lin_record_new (LIN_SERVICE_KIND);
  g_autoptr(GError) error = NULL;

  g_assert_true (lin_record_set_fields_json (service, fields_json, &error));
  g_assert_no_error (error);
  g_assert_true (lin_store_save (store (), service, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&service);
}

/* Tests */

static void
test_open_profile (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  settings = lin_settings_new (&error);
  g_assert_no_error (error);
  context = lin_context_new (settings, FALSE, &error);
  g_assert_no_error (error);

  path = lin_test_create_profile (context, "Ana", PASSPHRASE);
  if (lin_context_get_locked (context))
    {
      g_assert_true (lin_context_unlock (context, path, PASSPHRASE, &error));
      g_assert_no_error (error);
    }
  g_assert_false (lin_context_get_locked (context));
  g_assert_cmpuint (n_services (), ==, 0);
}

static void
test_new_service (void)
{
  g_autoptr(LinRecord) saved = NULL;
  LinServiceEditor *editor = open_editor (NULL, &saved);
  GtkWidget *root = GTK_WIDGET (editor);
  GtkWidget *place = named (root, "service-municipality");
  GtkWidget *phone;
  JsonObject *fields;
  JsonArray *phones, *languages;
  JsonObject *duty, *director;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Service");

  lin_test_type (named (root, "service-name"), "Test Shelter North");
  lin_test_type (named (root, "service-organisation"), "Test Women's Association");
  select_type (root, "Shelter");
  lin_test_type (lin_place_entry_get_entry (LIN_PLACE_ENTRY (place)), "Kraljevo");
  g_assert_cmpstr (lin_place_entry_get_code (LIN_PLACE_ENTRY (place)), ==, "rs-kraljevo");
  lin_test_type (named (root, "service-address"), "Test Street 1");
  gtk_switch_set_active (GTK_SWITCH (named (root, "service-address-confidential")), TRUE);
  g_assert_true (gtk_widget_has_css_class (named (root, "service-address"), "warning"));

  /* a public phone and a confidential one */
  click (named (root, "service-add-phone"));
  phone = nth_named (root, "service-phone", 0);
  lin_test_type (named (phone, "phone-label"), "Duty");
  lin_test_type (named (phone, "phone-number"), "011 000 0000");
  click (named (root, "service-add-phone"));
  phone = nth_named (root, "service-phone", 1);
  lin_test_type (named (phone, "phone-label"), "Director");
  lin_test_type (named (phone, "phone-number"), "011 000 0001");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (phone, "phone-confidential")), TRUE);
  g_assert_true (gtk_widget_has_css_class (named (phone, "phone-number"), "warning"));

  /* weekdays by day, Friday a night past midnight */
  set_day (root, "mon", "08:00", "16:00");
  set_day (root, "tue", "08:00", "16:00");
  set_day (root, "wed", "08:00", "16:00");
  set_day (root, "thu", "08:00", "16:00");
  set_day (root, "fri", "20:00", "02:00");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (named (root, "service-day-fri"))), ==,
                   "Open past midnight, into the next day");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (named (root, "service-day-sat"))), ==, "Closed");
  gtk_switch_set_active (GTK_SWITCH (named (root, "service-holidays-closed")), TRUE);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (root, "service-language-sr")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (root, "service-language-rom")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (root, "service-accessibility-step-free")), TRUE);
  lin_test_type (named (root, "service-verified"), "2026-03-02");
  lin_test_type (named (root, "service-verified-by"), "Coordinator");

  save_and_close (editor);

  g_assert_nonnull (saved);
  g_assert_cmpuint (n_services (), ==, 1);
  g_assert_true (lin_store_get (store (), lin_record_get_id_string (saved)) != NULL);
  fields = lin_record_get_fields (saved);
  g_assert_cmpstr (json_object_get_string_member (fields, "name"), ==, "Test Shelter North");
  g_assert_cmpstr (json_object_get_string_member (fields, "organisation"), ==, "Test Women's Association");
  g_assert_cmpstr (json_object_get_string_member (fields, "service_type"), ==, "shelter");
  g_assert_cmpstr (json_object_get_string_member (fields, "municipality"), ==, "rs-kraljevo");
  g_assert_cmpstr (json_object_get_string_member (fields, "district"), ==,
                   lin_place_get_district (lin_places_lookup ("rs-kraljevo")));
  g_assert_cmpstr (json_object_get_string_member (fields, "address"), ==, "Test Street 1");
  g_assert_true (json_object_get_boolean_member (fields, "address_confidential"));
  g_assert_cmpstr (json_object_get_string_member (fields, "hours"), ==,
                   "mon-thu 08:00-16:00; fri 20:00-02:00");
  g_assert_true (json_object_get_boolean_member (fields, "holidays_closed"));
  g_assert_cmpstr (json_object_get_string_member (fields, "verified"), ==, "2026-03-02");
  g_assert_cmpstr (json_object_get_string_member (fields, "verified_by"), ==, "Coordinator");
  g_assert_false (json_object_has_member (fields, "email"));

  phones = json_object_get_array_member (fields, "phones");
  g_assert_cmpuint (json_array_get_length (phones), ==, 2);
  duty = json_array_get_object_element (phones, 0);
  director = json_array_get_object_element (phones, 1);
  g_assert_cmpstr (json_object_get_string_member (duty, "label"), ==, "Duty");
  g_assert_cmpstr (json_object_get_string_member (duty, "number"), ==, "011 000 0000");
  g_assert_false (json_object_get_boolean_member (duty, "confidential"));
  g_assert_cmpstr (json_object_get_string_member (director, "label"), ==, "Director");
  g_assert_cmpstr (json_object_get_string_member (director, "number"), ==, "011 000 0001");
  g_assert_true (json_object_get_boolean_member (director, "confidential"));

  languages = json_object_get_array_member (fields, "languages");
  g_assert_cmpuint (json_array_get_length (languages), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (languages, 0), ==, "sr");
  g_assert_cmpstr (json_array_get_string_element (languages, 1), ==, "rom");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (fields, "accessibility")), ==, 1);
}

static void
test_edit_keeps (void)
{
  g_autoptr(LinRecord) service = save_service ("{\"name\": \"Test Police Station\", \"service_type\": \"police\","
                                               " \"municipality\": \"rs-kraljevo\", \"district\": \"RS-18\","
                                               " \"hours\": \"24/7\", \"demo\": true,"
                                               " \"languages\": [\"sr\", \"xx-newer\"]}");
  g_autoptr(LinRecord) saved = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  guint64 revision = lin_record_get_revision (service);
  guint n = n_services ();
  LinServiceEditor *editor = open_editor (service, &saved);
  GtkWidget *root = GTK_WIDGET (editor);
  JsonObject *fields;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Service");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (root, "service-name"))), ==, "Test Police Station");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (named (root, "service-always-open"))));
  g_assert_false (gtk_widget_get_visible (named (root, "service-day-mon")));

  lin_test_type (named (root, "service-organisation"), "Test Police Directorate");
  save_and_close (editor);

  g_assert_true (saved == service);
  g_assert_cmpuint (n_services (), ==, n);
  g_assert_cmpuint (lin_record_get_revision (service), >, revision);
  revisions = lin_store_list_revisions (store (), lin_record_get_id_string (service), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 2);

  fields = lin_record_get_fields (service);
  g_assert_cmpstr (json_object_get_string_member (fields, "organisation"), ==, "Test Police Directorate");
  g_assert_true (json_object_get_boolean_member (fields, "demo"));
  g_assert_cmpstr (json_object_get_string_member (fields, "hours"), ==, "24/7");
  g_assert_cmpstr (json_object_get_string_member (fields, "district"), ==, "RS-18");
  /* a code of a newer list stays */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (fields, "languages")), ==, 2);
  g_assert_false (json_object_has_member (fields, "address_confidential"));
  g_assert_false (json_object_has_member (fields, "phones"));
}

static GtkWindow *
discard_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) &&
        g_strcmp0 (gtk_widget_get_name (l->data), "service-discard-dialog") == 0)
      return l->data;

  return NULL;
}

static void
test_refuse (void)
{
  g_autoptr(LinRecord) saved = NULL;
  LinServiceEditor *editor = open_editor (NULL, &saved);
  GtkWidget *root = GTK_WIDGET (editor);
  GtkWidget *name = named (root, "service-name");
  GtkWidget *place = named (root, "service-municipality");
  GtkWidget *focus;
  guint n = n_services ();

  select_type (root, "Police");
  lin_test_type (lin_place_entry_get_entry (LIN_PLACE_ENTRY (place)), "Kraljevo");

  /* no name */
  click (named (root, "service-save"));
  g_assert_null (saved);
  g_assert_cmpuint (n_services (), ==, n);
  g_assert_true (gtk_widget_get_visible (root));
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  focus = gtk_window_get_focus (GTK_WINDOW (editor));
  g_assert_true (focus == name || gtk_widget_is_ancestor (focus, name));

  /* a time that is none */
  lin_test_type (name, "Test Station South");
  set_day (root, "tue", "25:00", "16:00");
  g_assert_true (lin_test_press (root, "<Control>s"));
  g_assert_null (saved);
  g_assert_cmpuint (n_services (), ==, n);
  g_assert_false (gtk_widget_has_css_class (name, "error"));
  g_assert_true (gtk_widget_has_css_class (named (root, "service-day-tue"), "error"));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (editor)) ==
                 named (named (root, "service-day-tue"), "day-from") ||
                 gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (editor)),
                                         named (named (root, "service-day-tue"), "day-from")));

  /* a phone without a number */
  gtk_switch_set_active (GTK_SWITCH (named (named (root, "service-day-tue"), "day-open")), FALSE);
  click (named (root, "service-add-phone"));
  lin_test_type (named (nth_named (root, "service-phone", 0), "phone-label"), "Duty");
  click (named (root, "service-save"));
  g_assert_null (saved);
  g_assert_true (gtk_widget_has_css_class (named (root, "phone-number"), "error"));

  /* closing asks first; discarding saves nothing */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  gtk_window_close (GTK_WINDOW (editor));
  lin_test_spin (100);
  g_assert_nonnull (editor);
  g_assert_nonnull (discard_dialog ());
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (discard_dialog ()), "discard");
  g_assert_true (lin_test_wait_for (is_gone, &editor, 5000));
  g_assert_null (saved);
  g_assert_cmpuint (n_services (), ==, n);
}

static void
test_hours_round_trip (void)
{
  g_autoptr(LinRecord) service = save_service ("{\"name\": \"Test Legal Aid\", \"service_type\": \"legal-aid\","
                                               " \"municipality\": \"rs-kraljevo\", \"district\": \"RS-18\","
                                               " \"hours\": \"mon-fri 08:00-16:00; sat 09:00-13:00\"}");
  g_autoptr(LinRecord) saved = NULL;
  LinServiceEditor *editor = open_editor (service, &saved);
  GtkWidget *root = GTK_WIDGET (editor);
  GtkWidget *mon = named (root, "service-day-mon");
  GtkWidget *sat = named (root, "service-day-sat");
  GtkWidget *sun = named (root, "service-day-sun");

  g_assert_false (gtk_switch_get_active (GTK_SWITCH (named (root, "service-always-open"))));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (named (mon, "day-open"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (mon, "day-from"))), ==, "08:00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (mon, "day-to"))), ==, "16:00");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (named (sat, "day-open"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (sat, "day-from"))), ==, "09:00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (sat, "day-to"))), ==, "13:00");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (named (sun, "day-open"))));

  /* saved as it was loaded, from the keyboard */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *)&editor);
  g_assert_true (lin_test_press (root, "<Control>s"));
  g_assert_true (lin_test_wait_for (is_gone, &editor, 5000));
  g_assert_true (saved == service);
  g_assert_cmpstr (lin_record_get_string (service, "hours"), ==, "mon-fri 08:00-16:00; sat 09:00-13:00");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  lin_test_init (&argc, &argv);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("LINIJA_KDF", "floor", TRUE);
  lin_i18n_init ("en");
  adw_init ();

  g_test_add_func ("/gui/service-editor/open", test_open_profile);
  g_test_add_func ("/gui/service-editor/new", test_new_service);
  g_test_add_func ("/gui/service-editor/edit-keeps", test_edit_keeps);
  g_test_add_func ("/gui/service-editor/refuse", test_refuse);
  g_test_add_func ("/gui/service-editor/hours-round-trip", test_hours_round_trip);

  ret = g_test_run ();
  if (context != NULL)
    lin_context_shutdown (context);
  g_clear_object (&context);

  return ret;
}
