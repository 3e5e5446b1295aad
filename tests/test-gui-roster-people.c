/* test-gui-roster-people.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "People and Lines" on a real profile under Xvfb: a person made through
 * the editor's widgets, whose record then holds the formats of
 * lin-roster.h and whose away spans the roster's rules see (one past
 * midnight, one on dates); an edit that keeps what the editor does not
 * show; what is refused, said next to its field, with nothing saved;
 * deleting a person with her assignments and a line with its shifts; a
 * line's hours checked by lin-hours' parser; the window gone at the lock.
 */

#include "config.h"

#include <string.h>

#include "lin-application.h"
#include "lin-i18n.h"
#include "lin-roster-people.h"
#include "lin-roster-test-utils.h"
#include "lin-test-utils.h"
#include "lin-window.h"

#define PASSPHRASE "a passphrase for the people tests"

static LinApplication *app;
static char *profile_dir;

static LinContext *
context (void)
{
  return lin_application_get_context (app);
}

static LinRoster *
roster (void)
{
  return lin_context_get_roster (context ());
}

static LinStore *
store (void)
{
  return lin_context_get_store (context ());
}

static LinRosterPeople *
open_window (void)
{
  GtkWidget *main_window = lin_test_application_window (GTK_APPLICATION (app), LIN_TYPE_WINDOW);
  GtkWidget *people = lin_roster_people_new (GTK_WINDOW (main_window), context ());

  gtk_window_present (GTK_WINDOW (people));
  lin_test_spin (200);

  return LIN_ROSTER_PEOPLE (people);
}

static GtkWidget *
named (LinRosterPeople *people,
       const char      *name)
{
  return lin_test_named (GTK_WIDGET (people), name);
}

static void
set_text (LinRosterPeople *people,
          const char      *name,
          const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (named (people, name)), text);
}

static void
toggle (LinRosterPeople *people,
        const char      *name,
        gboolean         active)
{
  GtkWidget *widget = named (people, name);

  if (GTK_IS_CHECK_BUTTON (widget))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), active);
  else
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (widget), active);
}

/* The error label @name shows something containing @needle */
static void
assert_error (LinRosterPeople *people,
              const char      *name,
              const char      *needle)
{
  GtkWidget *label = named (people, name);

  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), needle));
}

static int
find_person (const char *alias)
{
  for (guint p = 0; p < lin_roster_get_n_people (roster ()); p++)
    if (g_strcmp0 (lin_record_get_string (lin_roster_get_person (roster (), p), LIN_PERSON_FIELD_ALIAS), alias) == 0)
      return p;

  return -1;
}

static char *
member_json (LinRecord  *record,
             const char *member)
{
  JsonNode *node = json_object_get_member (lin_record_get_fields (record), member);

  return node != NULL ? json_to_string (node, FALSE) : NULL;
}

static void
assert_member (LinRecord  *record,
               const char *member,
               const char *json)
{
  g_autofree char *text = member_json (record, member);

  g_assert_cmpstr (text, ==, json);
}

static gboolean
breaks (int         shift,
        int         person,
        LinRosterRule rule)
{
  g_autoptr(GArray) violations = lin_roster_try_person (roster (), shift, person, NULL);

  for (guint i = 0; i < violations->len; i++)
    if (g_array_index (violations, LinRosterViolation, i).rule == rule)
      return TRUE;

  return FALSE;
}

/* A line and three shifts, saved as records */
static LinRecord *
save_line_with_shifts (const char *name,
                       LinRecord **shifts)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  LinRecord *line = lin_roster_test_line (records, name, NULL);

  /* Saturday after a Friday night away; a day away on dates; a free Wednesday */
  shifts[0] = lin_roster_test_shift (records, line, "2026-12-05T00:00:00+01:00", "2026-12-05T08:00:00+01:00", 1);
  shifts[1] = lin_roster_test_shift (records, line, "2026-12-08T08:00:00+01:00", "2026-12-08T20:00:00+01:00", 1);
  shifts[2] = lin_roster_test_shift (records, line, "2026-12-02T08:00:00+01:00", "2026-12-02T20:00:00+01:00", 1);
  g_assert_true (lin_store_save_all (store (), records, &error));
  g_assert_no_error (error);
  lin_test_spin (100);

  return g_object_ref (line);
}

static void
test_add_person (void)
{
  LinRecord *shifts[3];
  g_autoptr(LinRecord) line = save_line_with_shifts ("SOS (izmišljena)", shifts);
  LinRosterPeople *people = open_window ();
  LinRecord *person;
  int p;

  lin_roster_people_add_person (people);
  lin_test_spin (50);
  set_text (people, "person-alias", "Dragana (izmišljena)");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (people, "person-role")), 1);
  toggle (people, "person-skill-rom", TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (named (people, "person-max-week-hours")), 30);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (named (people, "person-max-month-nights")), 4);

  /* Friday 22:00 to Saturday 06:00: the row says it runs into the next day */
  gtk_widget_activate_action (GTK_WIDGET (people), "people.add-weekly", NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (people, "person-weekly-day")), 4);
  lin_test_type (named (people, "person-weekly-from"), "22:00");
  lin_test_type (named (people, "person-weekly-to"), "6:00");
  g_assert_nonnull (lin_test_any_text_contains ("the next day"));

  gtk_widget_activate_action (GTK_WIDGET (people), "people.add-away", NULL);
  set_text (people, "person-away-from-date", "7.12.2026.");
  set_text (people, "person-away-from-time", "08:00");
  set_text (people, "person-away-to-date", "2026-12-09");
  set_text (people, "person-away-to-time", "20:00");
  toggle (people, "person-desired-sat", TRUE);
  toggle (people, "person-undesired-mon", TRUE);

  g_assert_true (lin_roster_people_save (people));
  lin_test_spin (200);
  /* back on the list, which shows her with her role and skill */
  g_assert_nonnull (lin_test_any_text_contains ("Volunteer, Romani"));
  g_assert_nonnull (lin_test_any_text_contains ("Around the clock"));
  /* the search finds her whatever the case, and hides her when it does not */
  set_text (people, "people-search", "DRAG");
  lin_test_spin (300);
  g_assert_true (gtk_widget_get_child_visible (named (people, "people-person")));
  set_text (people, "people-search", "Mira");
  lin_test_spin (300);
  g_assert_false (gtk_widget_get_child_visible (named (people, "people-person")));
  set_text (people, "people-search", "");

  p = find_person ("Dragana (izmišljena)");
  g_assert_cmpint (p, >=, 0);
  person = lin_roster_get_person (roster (), p);
  g_assert_cmpstr (lin_record_get_string (person, LIN_PERSON_FIELD_ROLE), ==, "volunteer");
  assert_member (person, LIN_PERSON_FIELD_SKILLS, "[\"rom\"]");
  assert_member (person, LIN_PERSON_FIELD_MAX_WEEK_HOURS, "30");
  assert_member (person, LIN_PERSON_FIELD_MAX_MONTH_NIGHTS, "4");
  assert_member (person, LIN_PERSON_FIELD_AWAY_WEEKLY, "[{\"day\":\"fri\",\"from\":\"22:00\",\"to\":\"06:00\"}]");
  assert_member (person, LIN_PERSON_FIELD_AWAY,
                 "[{\"from\":\"2026-12-07T08:00:00+01:00\",\"to\":\"2026-12-09T20:00:00+01:00\"}]");
  assert_member (person, LIN_PERSON_FIELD_DESIRED_DAYS, "[\"sat\"]");
  assert_member (person, LIN_PERSON_FIELD_UNDESIRED_DAYS, "[\"mon\"]");

  /* the roster's rules read her as she was written */
  g_assert_true (breaks (lin_roster_find_shift (roster (), lin_record_get_id_string (shifts[0])), p,
                         LIN_ROSTER_RULE_AWAY));
  g_assert_true (breaks (lin_roster_find_shift (roster (), lin_record_get_id_string (shifts[1])), p,
                         LIN_ROSTER_RULE_AWAY));
  g_assert_false (breaks (lin_roster_find_shift (roster (), lin_record_get_id_string (shifts[2])), p,
                          LIN_ROSTER_RULE_AWAY));

  gtk_window_destroy (GTK_WINDOW (people));
  lin_test_spin (50);
}

/* What the editor does not show stays as it was */
static void
test_keep_unknown (void)
{
  g_autoptr(LinRecord) record = lin_record_new (LIN_PERSON_KIND);
  g_autoptr(GError) error = NULL;
  LinRosterPeople *people;
  LinRecord *person;

  g_assert_true (lin_record_set_fields_json (record,
                                             "{\"alias\":\"Mira (izmišljena)\",\"role\":\"intern\",\"badge\":7,"
                                             "\"skills\":[\"rom\",\"klingon\"],"
                                             "\"away_weekly\":[{\"day\":\"tue\",\"from\":\"08:00\",\"to\":\"12:00\","
                                             "\"why\":\"school\"}],"
                                             "\"away\":[{\"from\":\"someday\"}],"
                                             "\"desired_days\":[\"holiday\"]}",
                                             &error));
  g_assert_no_error (error);
  g_assert_true (lin_store_save (store (), record, &error));
  g_assert_no_error (error);
  lin_test_spin (100);

  people = open_window ();
  lin_roster_people_edit_person (people, find_person ("Mira (izmišljena)"));
  lin_test_spin (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (people, "person-weekly-from"))), ==, "08:00");
  set_text (people, "person-alias", "Mira B. (izmišljena)");
  toggle (people, "person-skill-sign", TRUE);
  g_assert_true (lin_roster_people_save (people));
  lin_test_spin (200);

  person = lin_roster_get_person (roster (), find_person ("Mira B. (izmišljena)"));
  assert_member (person, "badge", "7");
  assert_member (person, LIN_PERSON_FIELD_ROLE, "\"intern\"");
  assert_member (person, LIN_PERSON_FIELD_SKILLS, "[\"rom\",\"sign\",\"klingon\"]");
  assert_member (person, LIN_PERSON_FIELD_AWAY_WEEKLY,
                 "[{\"day\":\"tue\",\"from\":\"08:00\",\"to\":\"12:00\",\"why\":\"school\"}]");
  assert_member (person, LIN_PERSON_FIELD_AWAY, "[{\"from\":\"someday\"}]");
  assert_member (person, LIN_PERSON_FIELD_DESIRED_DAYS, "[\"holiday\"]");

  gtk_window_destroy (GTK_WINDOW (people));
  lin_test_spin (50);
}

static void
test_refused (void)
{
  LinRosterPeople *people = open_window ();
  guint n_people = lin_roster_get_n_people (roster ());
  AdwMessageDialog *discard;

  lin_roster_people_add_person (people);
  lin_test_spin (50);

  /* no alias */
  g_assert_false (lin_roster_people_save (people));
  assert_error (people, "person-alias-error", "Write her alias");
  g_assert_true (gtk_widget_has_css_class (named (people, "person-alias"), "error"));

  /* a weekly time that is none */
  set_text (people, "person-alias", "Sanja (izmišljena)");
  gtk_widget_activate_action (GTK_WIDGET (people), "people.add-weekly", NULL);
  set_text (people, "person-weekly-from", "25:00");
  set_text (people, "person-weekly-to", "06:00");
  g_assert_false (lin_roster_people_save (people));
  g_assert_false (gtk_widget_get_visible (named (people, "person-alias-error")));
  assert_error (people, "person-weekly-error", "“25:00” is not a time");
  g_signal_emit_by_name (named (people, "person-weekly-remove"), "clicked");

  /* dates that end before they start */
  gtk_widget_activate_action (GTK_WIDGET (people), "people.add-away", NULL);
  set_text (people, "person-away-from-date", "9.12.2026");
  set_text (people, "person-away-from-time", "08:00");
  set_text (people, "person-away-to-date", "8.12.2026");
  set_text (people, "person-away-to-time", "20:00");
  g_assert_false (lin_roster_people_save (people));
  assert_error (people, "person-away-error", "ends before it starts");
  set_text (people, "person-away-to-date", "10.12.2026");

  /* a day both desired and undesired */
  toggle (people, "person-desired-wed", TRUE);
  toggle (people, "person-undesired-wed", TRUE);
  g_assert_false (lin_roster_people_save (people));
  assert_error (people, "person-days-error", "Wed is both a desired and an undesired day");

  lin_test_spin (200);
  g_assert_cmpuint (lin_roster_get_n_people (roster ()), ==, n_people);
  g_assert_cmpint (find_person ("Sanja (izmišljena)"), <, 0);

  /* going back asks before what was typed goes */
  gtk_widget_activate_action (GTK_WIDGET (people), "people.back", NULL);
  lin_test_spin (50);
  discard = (AdwMessageDialog *)lin_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (discard);
  adw_message_dialog_response (discard, "discard");
  gtk_window_destroy (GTK_WINDOW (discard));
  lin_test_spin (50);
  g_assert_null (lin_test_any_text_contains ("Sanja (izmišljena)"));

  gtk_window_destroy (GTK_WINDOW (people));
  lin_test_spin (50);
}

static guint
count_assignments (void)
{
  guint n = 0;

  for (guint s = 0; s < lin_roster_get_n_shifts (roster ()); s++)
    n += lin_roster_shift_get_n_assigned (roster (), s);

  return n;
}

static void
delete_edited (LinRosterPeople *people,
               const char      *body)
{
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (people), "people.delete", NULL);
  lin_test_spin (50);
  dialog = (AdwMessageDialog *)lin_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  lin_test_spin (300);
}

static void
test_delete_person (void)
{
  LinRecord *shifts[3];
  g_autoptr(LinRecord) line = save_line_with_shifts ("Noćna (izmišljena)", shifts);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  LinRecord *person = lin_roster_test_person (records, "Vesna (izmišljena)", NULL);
  LinRosterPeople *people;
  guint before;

  g_ptr_array_add (records, lin_roster_new_assignment (shifts[0], person));
  g_ptr_array_add (records, lin_roster_new_assignment (shifts[2], person));
  g_assert_true (lin_store_save_all (store (), records, &error));
  g_assert_no_error (error);
  lin_test_spin (100);
  before = count_assignments ();

  people = open_window ();
  lin_roster_people_edit_person (people, find_person ("Vesna (izmišljena)"));
  lin_test_spin (50);
  delete_edited (people, "She is on 2 shifts. She is taken off them, and the roster shows the gaps.");

  g_assert_cmpint (find_person ("Vesna (izmišljena)"), <, 0);
  g_assert_cmpuint (count_assignments (), ==, before - 2);
  /* the shifts stay, with their gaps */
  g_assert_cmpint (lin_roster_find_shift (roster (), lin_record_get_id_string (shifts[0])), >=, 0);
  g_assert_null (lin_test_any_text_contains ("Vesna (izmišljena)"));

  gtk_window_destroy (GTK_WINDOW (people));
  lin_test_spin (50);
}

static int
find_line (const char *name)
{
  for (guint l = 0; l < lin_roster_get_n_lines (roster ()); l++)
    if (g_strcmp0 (lin_record_get_string (lin_roster_get_line (roster (), l), LIN_LINE_FIELD_NAME), name) == 0)
      return l;

  return -1;
}

static void
test_lines (void)
{
  LinRosterPeople *people = open_window ();
  guint n_shifts = lin_roster_get_n_shifts (roster ());
  LinRecord *line;
  int l;

  lin_roster_people_add_line (people);
  lin_test_spin (50);
  set_text (people, "line-name", "Romska linija (izmišljena)");
  set_text (people, "line-hours", "mon-fri 08:00-20:00");
  toggle (people, "line-skill-rom", TRUE);
  g_assert_true (lin_roster_people_save (people));
  lin_test_spin (200);

  l = find_line ("Romska linija (izmišljena)");
  g_assert_cmpint (l, >=, 0);
  line = lin_roster_get_line (roster (), l);
  g_assert_cmpstr (lin_record_get_string (line, LIN_LINE_FIELD_HOURS), ==, "mon-fri 08:00-20:00");
  assert_member (line, LIN_LINE_FIELD_SKILLS, "[\"rom\"]");
  g_assert_nonnull (lin_test_any_text_contains ("Mon–Fri 08:00–20:00"));

  /* hours the parser refuses: its error next to the field, nothing saved */
  lin_roster_people_edit_line (people, l);
  lin_test_spin (50);
  set_text (people, "line-hours", "mon-fri 08:00-25:00");
  g_assert_false (lin_roster_people_save (people));
  assert_error (people, "line-hours-error", "“25:00” is not a time");
  lin_test_spin (200);
  line = lin_roster_get_line (roster (), find_line ("Romska linija (izmišljena)"));
  g_assert_cmpstr (lin_record_get_string (line, LIN_LINE_FIELD_HOURS), ==, "mon-fri 08:00-20:00");

  /* no name */
  set_text (people, "line-hours", "24/7");
  set_text (people, "line-name", " ");
  g_assert_false (lin_roster_people_save (people));
  assert_error (people, "line-name-error", "Write the line’s name");

  /* a line with shifts and an assignment goes with them */
  {
    LinRecord *shifts[3];
    g_autoptr(LinRecord) doomed = save_line_with_shifts ("Stara linija (izmišljena)", shifts);
    g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GError) error = NULL;
    LinRecord *person = lin_roster_test_person (records, "Jelena (izmišljena)", NULL);
    guint assigned;

    g_ptr_array_add (records, lin_roster_new_assignment (shifts[1], person));
    g_assert_true (lin_store_save_all (store (), records, &error));
    lin_test_spin (100);
    assigned = count_assignments ();

    gtk_widget_activate_action (GTK_WIDGET (people), "people.back", NULL);
    lin_test_spin (50);
    if (lin_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL)
      {
        AdwMessageDialog *discard = (AdwMessageDialog *)lin_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

        adw_message_dialog_response (discard, "discard");
        gtk_window_destroy (GTK_WINDOW (discard));
      }
    lin_roster_people_edit_line (people, find_line ("Stara linija (izmišljena)"));
    lin_test_spin (50);
    delete_edited (people, "Its 3 shifts are deleted with it, and whoever is on them is taken off.");
    g_assert_cmpint (find_line ("Stara linija (izmišljena)"), <, 0);
    g_assert_cmpuint (lin_roster_get_n_shifts (roster ()), ==, n_shifts);
    g_assert_cmpuint (count_assignments (), ==, assigned - 1);
    g_assert_cmpint (find_person ("Jelena (izmišljena)"), >=, 0);
  }

  gtk_window_destroy (GTK_WINDOW (people));
  lin_test_spin (50);
}

/* Locked, the window goes by itself (not one of the application's) */
static void
test_lock_closes (void)
{
  GtkWidget *people = lin_roster_people_new (NULL, context ());
  g_autoptr(GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (people), (gpointer *)&people);
  gtk_window_present (GTK_WINDOW (people));
  lin_test_spin (100);
  lin_roster_people_edit_person (LIN_ROSTER_PEOPLE (people), find_person ("Dragana (izmišljena)"));
  lin_test_spin (50);
  g_assert_nonnull (lin_test_any_text_contains ("Dragana (izmišljena)"));

  lin_context_lock (context ());
  lin_test_spin (100);
  g_assert_null (people);
  g_assert_null (lin_test_any_text_contains ("Dragana (izmišljena)"));

  g_assert_true (lin_context_unlock (context (), profile_dir, PASSPHRASE, &error));
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

  profile_dir = lin_test_create_profile (context (), "Test", PASSPHRASE);
  g_assert_true (lin_context_unlock (context (), profile_dir, PASSPHRASE, &error));
  g_assert_no_error (error);
  lin_test_spin (300);

  g_test_add_func ("/gui/roster-people/add-person", test_add_person);
  g_test_add_func ("/gui/roster-people/keep-unknown", test_keep_unknown);
  g_test_add_func ("/gui/roster-people/refused", test_refused);
  g_test_add_func ("/gui/roster-people/delete-person", test_delete_person);
  g_test_add_func ("/gui/roster-people/lines", test_lines);
  g_test_add_func ("/gui/roster-people/lock-closes", test_lock_closes);

  ret = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_clear_pointer (&profile_dir, g_free);

  return ret;
}
