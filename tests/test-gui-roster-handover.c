/* test-gui-roster-handover.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The handover note on a real profile under Xvfb: a shift that has just
 * ended, with a high-risk call and its open follow-up, opens its dialog
 * with the call log's summary and none of the call's words; Save writes
 * the note, which the shift then shows and the next shift on the line
 * shows as the one from the shift before; editing saves the same record;
 * a lock closes the dialog, keeps a changed text as the note and nothing
 * of an unchanged one.
 */

#include "config.h"

#include <string.h>

#include "lin-application.h"
#include "lin-call.h"
#include "lin-i18n.h"
#include "lin-roster-handover.h"
#include "lin-roster-offer.h"
#include "lin-test-utils.h"
#include "lin-window.h"

#define PASSPHRASE  "a passphrase for the handover tests"
#define CALLER_CODE "ZV-TAJNA-17"
#define CALL_NOTE   "Milica (izmišljena) zove od sestre"
#define TYPED       "Pazite na ponovni poziv posle 22h."
#define AT_LOCK     "Tekst pri zaključavanju (izmišljen)"

static LinApplication *app;
static char *profile_dir;
static GtkWidget *holder;     /* a window for the widget */
static LinRosterHandover *handover;
static LinRecord *shift_a;    /* ended ten minutes ago */
static LinRecord *shift_b;    /* the next on the line */

static LinContext *
context (void)
{
  return lin_application_get_context (app);
}

static LinStore *
store (void)
{
  return lin_context_get_store (context ());
}

static char *
from_now (double hours)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, hours * 3600);

  return lin_call_format_time (then);
}

static void
save (LinRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lin_store_save (store (), record, &error));
  g_assert_no_error (error);
}

static LinRecord *
save_shift (LinRecord *line,
            double     from_hours,
            double     to_hours)
{
  LinRecord *shift = lin_record_new (LIN_SHIFT_KIND);
  g_autofree char *start = from_now (from_hours);
  g_autofree char *end = from_now (to_hours);

  lin_record_set_string (shift, LIN_SHIFT_FIELD_LINE, lin_record_get_id_string (line));
  lin_record_set_string (shift, LIN_SHIFT_FIELD_START, start);
  lin_record_set_string (shift, LIN_SHIFT_FIELD_END, end);
  save (shift);

  return shift;
}

/* A high-risk call three hours ago, by another organisation's checklist
 * (taken as it is), with a follow-up due in five hours and a note */
static void
save_call (void)
{
  g_autoptr(LinRecord) call = lin_record_new (LIN_CALL_KIND);
  g_autoptr(LinRecord) follow_up = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  g_autoptr(GDateTime) due = g_date_time_add_hours (now, 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *started = from_now (-3);
  JsonObject *fields = lin_record_get_fields (call);
  JsonObject *risk = json_object_new ();

  json_object_set_int_member (fields, LIN_CALL_FIELD_SCHEMA, LIN_CALL_SCHEMA);
  json_object_set_string_member (fields, LIN_CALL_FIELD_STARTED, started);
  json_object_set_string_member (fields, LIN_CALL_FIELD_CHANNEL, "phone");
  json_object_set_string_member (fields, LIN_CALL_FIELD_CALL_TYPE, "self");
  json_object_set_string_member (fields, LIN_CALL_FIELD_LANGUAGE, "sr");
  json_object_set_string_member (fields, LIN_CALL_FIELD_CALLER_CODE, CALLER_CODE);
  json_object_set_string_member (fields, LIN_CALL_FIELD_DISTRICT, "RS-20");
  json_object_set_boolean_member (fields, "consent_follow_up", TRUE);
  json_object_set_string_member (risk, LIN_RISK_FIELD_CHECKLIST, "other-organisation");
  json_object_set_int_member (risk, LIN_RISK_FIELD_VERSION, 1);
  json_object_set_object_member (risk, LIN_RISK_FIELD_ANSWERS, json_object_new ());
  json_object_set_int_member (risk, LIN_RISK_FIELD_SCORE, 0);
  json_object_set_string_member (risk, LIN_RISK_FIELD_LEVEL, "high");
  json_object_set_string_member (risk, LIN_RISK_FIELD_FINAL_LEVEL, "high");
  json_object_set_object_member (fields, LIN_CALL_FIELD_RISK, risk);
  json_object_set_boolean_member (fields, LIN_CALL_FIELD_FLAGGED, TRUE);

  follow_up = lin_follow_up_new (call, due, "phone-call", "posle 17h", NULL);
  g_assert_true (lin_call_save (store (), call, follow_up, CALL_NOTE, &error));
  g_assert_no_error (error);
}

static int
index_of (LinRecord *shift)
{
  return lin_roster_find_shift (lin_context_get_roster (context ()), lin_record_get_id_string (shift));
}

static void
show (LinRecord *shift)
{
  lin_roster_handover_set_shift (handover, context (), lin_context_get_roster (context ()), index_of (shift));
  lin_test_spin (50);
}

static const char *
label (const char *name)
{
  return gtk_label_get_text (GTK_LABEL (lin_test_named (GTK_WIDGET (handover), name)));
}

static GtkWidget *
dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), "roster-handover-dialog") == 0 &&
          gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static GtkWidget *
open_dialog (const char *button_label)
{
  GtkWidget *button = lin_test_named (GTK_WIDGET (handover), "roster-handover-write");

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, button_label);
  g_signal_emit_by_name (button, "clicked");
  lin_test_spin (100);
  g_assert_nonnull (dialog ());

  return dialog ();
}

static GtkTextBuffer *
buffer (GtkWidget *window)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (lin_test_named (window, "roster-handover-text")));
}

static char *
text_of (GtkWidget *window)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer (window), &start, &end);
  return gtk_text_buffer_get_text (buffer (window), &start, &end, FALSE);
}

static void
click (GtkWidget  *window,
       const char *name)
{
  g_signal_emit_by_name (lin_test_named (window, name), "clicked");
  lin_test_spin (100);
}

static LinRecord *
note_of (LinRecord *shift)
{
  return lin_roster_find_handover (store (), lin_record_get_id_string (shift));
}

/* At her shift's end, a bar above the sections offers the note: to the
 * person she said she is, not before she said it, once */
static void
test_offer (void)
{
  GtkWidget *window = GTK_WIDGET (lin_test_application_window (GTK_APPLICATION (app), LIN_TYPE_WINDOW));
  LinRosterOffer *offer = LIN_ROSTER_OFFER (lin_test_find_descendant (window, LIN_TYPE_ROSTER_OFFER));
  g_autoptr(LinRecord) person = lin_record_new (LIN_PERSON_KIND);
  g_autoptr(LinRecord) assignment = NULL;
  g_autofree char *text = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GtkWidget *dialog_window;

  lin_record_set_string (person, LIN_PERSON_FIELD_ALIAS, "Vesna (izmišljena)");
  save (person);
  assignment = lin_roster_new_assignment (shift_a, person);
  save (assignment);
  lin_test_spin (300);

  /* she has not said who she is: nothing */
  lin_roster_offer_check (offer, now);
  g_assert_cmpint (lin_roster_offer_get_shift (offer), ==, -1);

  g_settings_set_string (lin_context_get_settings (context ()), "roster-me", lin_record_get_id_string (person));
  lin_test_spin (100);
  g_assert_cmpint (lin_roster_offer_get_shift (offer), ==, index_of (shift_a));
  g_assert_nonnull (lin_test_any_text_contains ("Your shift on SOS (izmišljena) ended at "));

  /* Write opens the note's window, pre-filled; Cancel keeps nothing */
  g_signal_emit_by_name (lin_test_named (window, "handover-offer-write"), "clicked");
  lin_test_spin (100);
  dialog_window = dialog ();
  g_assert_nonnull (dialog_window);
  text = text_of (dialog_window);
  g_assert_true (g_str_has_prefix (text, "Shift handover, "));
  click (dialog_window, "roster-handover-cancel");
  g_assert_null (note_of (shift_a));
  g_assert_cmpint (lin_roster_offer_get_shift (offer), ==, -1);

  /* offered once */
  lin_roster_offer_check (offer, now + 60);
  g_assert_cmpint (lin_roster_offer_get_shift (offer), ==, -1);
  g_assert_null (lin_test_any_text_contains ("Your shift on SOS (izmišljena)"));

  /* the others in this test are not hers */
  g_settings_set_string (lin_context_get_settings (context ()), "roster-me", "");
}

static void
test_write (void)
{
  GtkWidget *window;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  LinRecord *note;

  /* the ended shift, no note yet: the offer, no shift before */
  show (shift_a);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (handover)));
  g_assert_cmpstr (label ("roster-handover-note"), ==, "No handover note yet.");
  g_assert_false (gtk_widget_get_visible (lin_test_named (GTK_WIDGET (handover), "roster-handover-before")));

  /* pre-filled with the summary, and none of the call's words */
  window = open_dialog ("_Write Handover Note…");
  text = text_of (window);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Shift handover, "));
  g_assert_nonnull (strstr (text, "1 call during the shift."));
  g_assert_nonnull (strstr (text, "1 high-risk call:"));
  g_assert_nonnull (strstr (text, "1 open follow-up:"));
  g_assert_null (strstr (text, CALLER_CODE));
  g_assert_null (strstr (text, CALL_NOTE));
  g_assert_null (strstr (text, "posle 17h"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Handover Note");

  /* she adds a line and saves */
  {
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer (window), &end);
    gtk_text_buffer_insert (buffer (window), &end, "\n" TYPED, -1);
  }
  expected = text_of (window);
  click (window, "roster-handover-save");
  g_assert_null (dialog ());
  note = note_of (shift_a);
  g_assert_nonnull (note);
  g_assert_cmpstr (lin_record_get_string (note, LIN_HANDOVER_FIELD_TEXT), ==, expected);

  /* the shift shows it, the next one as the note from the shift before */
  g_assert_cmpstr (label ("roster-handover-note"), ==, expected);
  g_assert_true (g_str_has_prefix (label ("roster-handover-written"), "Written "));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (lin_test_named (GTK_WIDGET (handover), "roster-handover-write"))),
                   ==, "_Edit Handover Note…");
  show (shift_b);
  g_assert_true (gtk_widget_get_visible (lin_test_named (GTK_WIDGET (handover), "roster-handover-before")));
  g_assert_cmpstr (label ("roster-handover-before"), ==, expected);
  g_assert_nonnull (lin_test_any_text_contains ("From the Shift Before"));
  /* twelve hours to go: nothing to write yet */
  g_assert_false (gtk_widget_get_visible (lin_test_named (GTK_WIDGET (handover), "roster-handover-write")));
  g_assert_false (gtk_widget_get_visible (lin_test_named (GTK_WIDGET (handover), "roster-handover-note")));
}

static void
test_edit (void)
{
  g_autofree char *id = g_strdup (lin_record_get_id_string (note_of (shift_a)));
  guint64 revision = lin_record_get_revision (note_of (shift_a));
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *text = NULL;
  GtkWidget *window;

  show (shift_a);
  window = open_dialog ("_Edit Handover Note…");
  text = text_of (window);
  g_assert_cmpstr (text, ==, lin_record_get_string (note_of (shift_a), LIN_HANDOVER_FIELD_TEXT));
  gtk_text_buffer_set_text (buffer (window), "Mirna noć. " TYPED, -1);
  click (window, "roster-handover-save");
  g_assert_null (dialog ());

  g_assert_cmpstr (lin_record_get_id_string (note_of (shift_a)), ==, id);
  g_assert_cmpuint (lin_record_get_revision (note_of (shift_a)), >, revision);
  g_assert_cmpstr (lin_record_get_string (note_of (shift_a), LIN_HANDOVER_FIELD_TEXT), ==, "Mirna noć. " TYPED);
  g_assert_cmpstr (label ("roster-handover-note"), ==, "Mirna noć. " TYPED);
  notes = lin_store_list (store (), LIN_HANDOVER_KIND);
  g_assert_cmpuint (notes->len, ==, 1);

  /* Cancel keeps nothing */
  window = open_dialog ("_Edit Handover Note…");
  gtk_text_buffer_set_text (buffer (window), "Ne čuvati.", -1);
  click (window, "roster-handover-cancel");
  g_assert_null (dialog ());
  g_assert_cmpstr (lin_record_get_string (note_of (shift_a), LIN_HANDOVER_FIELD_TEXT), ==, "Mirna noć. " TYPED);
}

static void
unlock (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lin_context_unlock (context (), profile_dir, PASSPHRASE, &error));
  g_assert_no_error (error);
  lin_test_spin (300);
}

static void
test_lock (void)
{
  g_autofree char *id = g_strdup (lin_record_get_id_string (note_of (shift_a)));
  guint64 revision;
  GtkWidget *window;

  /* unchanged: the lock closes it and saves nothing */
  show (shift_a);
  revision = lin_record_get_revision (note_of (shift_a));
  open_dialog ("_Edit Handover Note…");
  lin_application_lock (app);
  lin_test_spin (100);
  g_assert_null (dialog ());
  g_assert_null (lin_test_any_text_contains (TYPED));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (handover)));
  unlock ();
  g_assert_cmpuint (lin_record_get_revision (note_of (shift_a)), ==, revision);

  /* changed: the lock keeps it as the note */
  show (shift_a);
  window = open_dialog ("_Edit Handover Note…");
  gtk_text_buffer_set_text (buffer (window), AT_LOCK, -1);
  lin_application_lock (app);
  lin_test_spin (100);
  g_assert_null (dialog ());
  g_assert_null (lin_test_any_text_contains (AT_LOCK));
  g_assert_cmpstr (label ("roster-handover-note"), ==, "");
  unlock ();
  g_assert_cmpstr (lin_record_get_id_string (note_of (shift_a)), ==, id);
  g_assert_cmpstr (lin_record_get_string (note_of (shift_a), LIN_HANDOVER_FIELD_TEXT), ==, AT_LOCK);
  show (shift_a);
  g_assert_cmpstr (label ("roster-handover-note"), ==, AT_LOCK);
}

static void
setup (void)
{
  g_autoptr(LinRecord) line = lin_record_new (LIN_LINE_KIND);

  lin_record_set_string (line, LIN_LINE_FIELD_NAME, "SOS (izmišljena)");
  save (line);
  shift_a = save_shift (line, -12, -1.0 / 6);
  shift_b = save_shift (line, -1.0 / 6, 12);
  save_call ();
  lin_test_spin (300);
  g_assert_cmpuint (lin_roster_get_n_shifts (lin_context_get_roster (context ())), ==, 2);

  handover = g_object_new (LIN_TYPE_ROSTER_HANDOVER, NULL);
  holder = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (holder), 360, 600);
  gtk_window_set_child (GTK_WINDOW (holder), GTK_WIDGET (handover));
  gtk_window_present (GTK_WINDOW (holder));
  lin_test_spin (100);
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
  unlock ();
  setup ();

  g_test_add_func ("/gui/roster-handover/offer", test_offer);
  g_test_add_func ("/gui/roster-handover/write", test_write);
  g_test_add_func ("/gui/roster-handover/edit", test_edit);
  g_test_add_func ("/gui/roster-handover/lock", test_lock);

  ret = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (holder));
  g_clear_object (&shift_a);
  g_clear_object (&shift_b);
  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_clear_pointer (&profile_dir, g_free);

  return ret;
}
