/* test-gui-roster.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Roster section on the real window under Xvfb: a month of a line's
 * shifts made from a template through Make Shifts (twice: nothing made
 * twice), a person assigned to a gap that then closes, the same person on
 * the night after her day, which asks for a reason and then shows the
 * rest rule broken next to the shift, and Auto-Fill with its Undo.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lin-application.h"
#include "lin-i18n.h"
#include "lin-roster-export.h"
#include "lin-roster-people.h"
#include "lin-roster-view.h"
#include "lin-roster-week.h"
#include "lin-test-utils.h"
#include "lin-window.h"

#define PASSPHRASE "a passphrase for the roster tests"

static LinApplication *app;
static char *profile_dir;

static LinWindow *
main_window (void)
{
  return LIN_WINDOW (lin_test_application_window (GTK_APPLICATION (app), LIN_TYPE_WINDOW));
}

static LinContext *
context (void)
{
  return lin_application_get_context (app);
}

static LinRosterView *
view (void)
{
  return LIN_ROSTER_VIEW (lin_test_find_descendant (GTK_WIDGET (main_window ()), LIN_TYPE_ROSTER_VIEW));
}

static LinRecord *
save (const char *kind,
      const char *member,
      const char *value)
{
  LinRecord *record = lin_record_new (kind);
  g_autoptr(GError) error = NULL;

  lin_record_set_string (record, member, value);
  g_assert_true (lin_store_save (lin_context_get_store (context ()), record, &error));
  g_assert_no_error (error);

  return record;
}

static AdwMessageDialog *
dialog (void)
{
  return (AdwMessageDialog *)lin_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static int
find_shift (const char *start)
{
  LinRoster *roster = lin_context_get_roster (context ());

  for (guint s = 0; s < lin_roster_get_n_shifts (roster); s++)
    if (g_strcmp0 (lin_record_get_string (lin_roster_get_shift (roster, s), LIN_SHIFT_FIELD_START), start) == 0)
      return s;

  g_error ("No shift starts at %s", start);
}

static void
make_month (void)
{
  AdwMessageDialog *make;

  gtk_widget_activate_action (GTK_WIDGET (view ()), "roster.make-shifts", NULL);
  lin_test_spin (100);
  make = dialog ();
  g_assert_nonnull (make);
  /* 2×12, for the month, one person each */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (lin_test_named (GTK_WIDGET (make), "roster-make-template")), 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (lin_test_named (GTK_WIDGET (make), "roster-make-period")), 1);
  adw_message_dialog_response (make, "make");
  gtk_window_destroy (GTK_WINDOW (make));
  lin_test_spin (200);
}

/* An empty roster's first step: its lines and people */
static void
test_empty (void)
{
  GtkWindow *people;

  lin_window_set_section (main_window (), "roster");
  lin_test_spin (200);
  g_assert_nonnull (lin_test_any_text_contains ("No Shifts Yet"));
  g_signal_emit_by_name (lin_test_named (GTK_WIDGET (view ()), "roster-start"), "clicked");
  lin_test_spin (200);
  people = lin_test_find_toplevel (LIN_TYPE_ROSTER_PEOPLE);
  g_assert_nonnull (people);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (people)));
  gtk_window_destroy (people);
  lin_test_spin (100);
}

static void
test_plan (void)
{
  g_autoptr(LinRecord) line = save (LIN_LINE_KIND, LIN_LINE_FIELD_NAME, "SOS (izmišljena)");
  g_autoptr(LinRecord) ana = save (LIN_PERSON_KIND, LIN_PERSON_FIELD_ALIAS, "Ana (izmišljena)");
  g_autoptr(LinRecord) bojana = save (LIN_PERSON_KIND, LIN_PERSON_FIELD_ALIAS, "Bojana (izmišljena)");
  LinRoster *roster;
  AdwMessageDialog *reason;
  GDate monday;
  int day, night, person;

  lin_window_set_section (main_window (), "roster");
  lin_test_spin (200);
  /* the week of Monday 7 December 2026 */
  g_date_set_dmy (&monday, 9, G_DATE_DECEMBER, 2026);
  lin_roster_view_show_week (view (), &monday);
  g_assert_nonnull (lin_test_any_text_contains ("Mon 7/12 – Sun 13/12, 2026"));

  /* a month of 2×12 shifts: 62, and the same again makes none */
  make_month ();
  g_assert_cmpuint (lin_roster_get_n_shifts (lin_context_get_roster (context ())), ==, 62);
  make_month ();
  roster = lin_context_get_roster (context ());
  g_assert_cmpuint (lin_roster_get_n_shifts (roster), ==, 62);

  /* the day shift of 7 December has a gap; Ana closes it */
  day = find_shift ("2026-12-07T08:00:00+01:00");
  lin_roster_view_select (view (), day);
  lin_test_spin (100);
  g_assert_nonnull (lin_test_any_text_contains ("0 of 1 people: 1 missing"));
  person = lin_roster_find_person (roster, lin_record_get_id_string (ana));
  lin_roster_view_assign (view (), person);
  lin_test_spin (300);
  g_assert_null (dialog ());
  roster = lin_context_get_roster (context ());
  g_assert_cmpuint (lin_roster_shift_get_n_assigned (roster, day), ==, 1);
  g_assert_nonnull (lin_test_any_text_contains ("1 of 1 person"));
  g_assert_null (lin_test_any_text_contains ("0 of 1 people: 1 missing"));

  /* Ana on the night after her day: no rest; a reason, then the rule
   * broken shown next to the shift */
  night = find_shift ("2026-12-07T20:00:00+01:00");
  lin_roster_view_select (view (), night);
  lin_test_spin (100);
  lin_roster_view_assign (view (), lin_roster_find_person (roster, lin_record_get_id_string (ana)));
  lin_test_spin (100);
  reason = dialog ();
  g_assert_nonnull (reason);
  gtk_editable_set_text (GTK_EDITABLE (lin_test_named (GTK_WIDGET (reason), "roster-override-reason")),
                         "Zamena (izmišljena)");
  adw_message_dialog_response (reason, "assign");
  gtk_window_destroy (GTK_WINDOW (reason));
  lin_test_spin (300);
  roster = lin_context_get_roster (context ());
  g_assert_cmpuint (lin_roster_shift_get_n_assigned (roster, night), ==, 1);
  g_assert_nonnull (lin_test_any_text_contains ("rests only 0 hours between two shifts (allowed)"));

  /* Auto-Fill fills the week's other gaps; Undo takes them back */
  lin_roster_view_auto_fill (view ());
  lin_test_spin (300);
  g_assert_nonnull (dialog ());
  gtk_window_destroy (GTK_WINDOW (dialog ()));
  roster = lin_context_get_roster (context ());
  {
    guint assigned = 0;

    for (guint s = 0; s < lin_roster_get_n_shifts (roster); s++)
      assigned += lin_roster_shift_get_n_assigned (roster, s);
    /* 14 shifts in the week: Ana's two and twelve more, Ana and Bojana
     * in turn where the rules let them */
    g_assert_cmpuint (assigned, >, 2);
    g_assert_cmpuint (assigned, <=, 14);
  }
  gtk_widget_activate_action (GTK_WIDGET (view ()), "roster.undo-fill", NULL);
  lin_test_spin (300);
  roster = lin_context_get_roster (context ());
  {
    guint assigned = 0;

    for (guint s = 0; s < lin_roster_get_n_shifts (roster); s++)
      assigned += lin_roster_shift_get_n_assigned (roster, s);
    g_assert_cmpuint (assigned, ==, 2);
  }
  (void) bojana;
}

/* With no shift chosen, the open places of the week, one click from
 * their details; My Shifts, once she said who she is; her shifts in a
 * calendar file */
static void
test_open_places_and_mine (void)
{
  LinRoster *roster = lin_context_get_roster (context ());
  GtkWidget *places, *row, *ask;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *me = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *warning;
  GStatBuf info;
  int ana = -1;

  for (guint p = 0; p < lin_roster_get_n_people (roster); p++)
    if (g_strcmp0 (lin_record_get_string (lin_roster_get_person (roster, p), LIN_PERSON_FIELD_ALIAS),
                   "Ana (izmišljena)") == 0)
      ana = p;
  g_assert_cmpint (ana, >=, 0);

  /* the week of 7 December: 14 shifts, Ana on two of them */
  lin_roster_view_select (view (), -1);
  lin_test_spin (100);
  g_assert_nonnull (lin_test_any_text_contains ("12 shifts need people."));
  places = lin_test_named (GTK_WIDGET (view ()), "roster-open-places");
  row = lin_test_find_descendant (places, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  lin_test_spin (100);
  g_assert_cmpint (lin_roster_week_get_selected (LIN_ROSTER_WEEK (lin_roster_view_get_week (view ()))), ==,
                   find_shift ("2026-12-08T08:00:00+01:00"));
  g_assert_nonnull (lin_test_any_text_contains ("0 of 1 people: 1 missing"));

  /* My Shifts asks who she is, then lists her two shifts */
  lin_roster_view_show_mode (view (), "mine");
  lin_test_spin (100);
  g_assert_nonnull (lin_test_any_text_contains ("Who Are You?"));
  ask = lin_test_named (GTK_WIDGET (view ()), "roster-me-ask");
  /* "Choose…", then the people by alias: Ana first */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ask), 1);
  lin_test_spin (100);
  me = g_settings_get_string (lin_context_get_settings (context ()), "roster-me");
  g_assert_cmpstr (me, ==, lin_record_get_id_string (lin_roster_get_person (roster, ana)));
  g_assert_nonnull (lin_test_any_text_contains ("Mon 7/12, 08:00 – 20:00 (12 hours)"));
  g_assert_nonnull (lin_test_any_text_contains ("Mon 7/12, 20:00 – 08:00 (12 hours)"));

  /* her shifts to her calendar: a warning first, no choice of whose */
  gtk_widget_activate_action (GTK_WIDGET (view ()), "roster.export-mine", NULL);
  lin_test_spin (100);
  warning = dialog ();
  g_assert_nonnull (warning);
  g_assert_cmpstr (adw_message_dialog_get_heading (warning), ==, "Save Shifts as a Calendar File?");
  g_assert_null (lin_test_find_named (GTK_WIDGET (warning), "roster-export-which"));
  adw_message_dialog_response (warning, "cancel");
  gtk_window_destroy (GTK_WINDOW (warning));

  dir = g_dir_make_tmp ("linija-roster-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "shifts.ics", NULL);
  file = g_file_new_for_path (path);
  /* as GTK's file chooser does with the file it saves */
  {
    g_autofree char *uri = g_file_get_uri (file);

    g_assert_true (gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri));
    lin_test_spin (50);
    g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  }
  g_assert_true (lin_roster_export_calendar_to_file (roster, me, NULL, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &ics, NULL, &error));
  g_assert_nonnull (strstr (ics, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (ics, "DTSTART;TZID=Europe/Belgrade:20261207T080000"));
  g_assert_nonnull (strstr (ics, "DTSTART;TZID=Europe/Belgrade:20261207T200000"));
  g_assert_null (strstr (ics, "DTSTART;TZID=Europe/Belgrade:20261208T080000"));
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  {
    g_autofree char *uri = g_file_get_uri (file);

    g_assert_false (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  }
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  lin_roster_view_show_mode (view (), "week");
  lin_test_spin (100);
}

/* The month and the rota: a day of the month opens its week; a cell of
 * the rota, her shift that day */
static void
test_month_and_rota (void)
{
  LinRoster *roster = lin_context_get_roster (context ());
  GtkWidget *rota, *month;
  GDate day;
  int ana = lin_roster_assignment_get_person (roster, lin_roster_shift_get_assignment (roster,
                                                                                      find_shift ("2026-12-07T08:00:00+01:00"),
                                                                                      0));

  lin_roster_view_select (view (), -1);
  lin_roster_view_show_mode (view (), "month");
  lin_test_spin (200);
  g_assert_nonnull (lin_test_any_text_contains ("December 2026"));
  g_assert_nonnull (lin_test_any_text_contains ("Auto-Fill Month"));
  month = lin_test_named (GTK_WIDGET (view ()), "roster-month");
  g_assert_true (gtk_widget_get_mapped (month));
  g_date_set_dmy (&day, 17, G_DATE_DECEMBER, 2026);
  g_signal_emit_by_name (month, "day-activated", g_date_get_julian (&day));
  lin_test_spin (200);
  g_assert_nonnull (lin_test_any_text_contains ("Mon 14/12 – Sun 20/12, 2026"));
  g_assert_true (gtk_widget_get_mapped (lin_roster_view_get_week (view ())));

  /* the rota takes the whole width until a cell is chosen */
  lin_roster_view_show_mode (view (), "people");
  lin_test_spin (200);
  rota = lin_test_named (GTK_WIDGET (view ()), "roster-rota");
  g_assert_true (gtk_widget_get_mapped (rota));
  g_assert_false (gtk_widget_get_mapped (lin_test_named (GTK_WIDGET (view ()), "roster-details")));
  g_date_set_dmy (&day, 7, G_DATE_DECEMBER, 2026);
  g_signal_emit_by_name (rota, "cell-activated", ana, g_date_get_julian (&day));
  lin_test_spin (200);
  g_assert_cmpint (lin_roster_week_get_selected (LIN_ROSTER_WEEK (lin_roster_view_get_week (view ()))), ==,
                   find_shift ("2026-12-07T08:00:00+01:00"));
  g_assert_true (gtk_widget_get_mapped (lin_test_named (GTK_WIDGET (view ()), "roster-details")));

  /* the Missing row: the day's first shift short of people */
  g_date_set_dmy (&day, 8, G_DATE_DECEMBER, 2026);
  g_signal_emit_by_name (rota, "cell-activated", -1, g_date_get_julian (&day));
  lin_test_spin (200);
  g_assert_cmpint (lin_roster_week_get_selected (LIN_ROSTER_WEEK (lin_roster_view_get_week (view ()))), ==,
                   find_shift ("2026-12-08T08:00:00+01:00"));

  lin_roster_view_show_mode (view (), "week");
  lin_test_spin (100);
}

/* Locked, nothing of the roster stays in a widget */
static void
test_lock_clears (void)
{
  g_autoptr(GError) error = NULL;

  /* a print dialog open at the lock goes too */
  gtk_widget_activate_action (GTK_WIDGET (view ()), "roster.print-month", NULL);
  lin_test_spin (500);
  g_assert_nonnull (lin_test_find_toplevel (g_type_from_name ("GtkPrintUnixDialog")));

  lin_application_lock (app);
  lin_test_spin (100);
  g_assert_null (lin_test_find_toplevel (g_type_from_name ("GtkPrintUnixDialog")));
  g_assert_null (lin_test_any_text_contains ("Ana (izmišljena)"));
  g_assert_null (lin_test_any_text_contains ("SOS (izmišljena)"));

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
  gtk_window_set_default_size (GTK_WINDOW (main_window ()), 1280, 800);
  lin_test_spin (500);

  profile_dir = lin_test_create_profile (lin_application_get_context (app), "Test", PASSPHRASE);
  g_assert_true (lin_context_unlock (lin_application_get_context (app), profile_dir, PASSPHRASE, &error));
  g_assert_no_error (error);
  lin_test_spin (300);

  g_test_add_func ("/gui/roster/empty", test_empty);
  g_test_add_func ("/gui/roster/plan", test_plan);
  g_test_add_func ("/gui/roster/open-places-and-mine", test_open_places_and_mine);
  g_test_add_func ("/gui/roster/month-and-rota", test_month_and_rota);
  g_test_add_func ("/gui/roster/lock-clears", test_lock_clears);

  ret = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_clear_pointer (&profile_dir, g_free);

  return ret;
}
