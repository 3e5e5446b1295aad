/* test-gui-sync-status.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync button of the main window's header bar and the conflicts list,
 * under Xvfb, with the real linija-server on 127.0.0.1 and the real sync
 * engine of a real profile: hidden until the profile joins an
 * organisation; "Synced" after a sync, with today's time in the popover;
 * Sync Now syncs; "3 waiting" with the server stopped and three records
 * saved, and no "Syncing…" flashing up at a retry that fails at once; "Offline" when the engine's network monitor says so; a real
 * conflict, made by a second laptop that edited the same records, listed
 * with its review badge, Open Call showing the call (not while another
 * is being taken), each button doing what it says and the list
 * empty after; two laptops that put one counsellor on the same shift,
 * the collision listed with both assignments, one removed from its
 * button; the window gone at the lock; "Needs attention" and the
 * problem in words after `linija-server revoke`, the icon alone in a
 * narrow window. The time sentences and the names of kinds and fields
 * are checked on their own too.
 */

#include "config.h"

#include <string.h>

#include "lin-application.h"
#include "lin-call.h"
#include "lin-call-details.h"
#include "lin-call-wizard.h"
#include "lin-i18n.h"
#include "lin-roster.h"
#include "lin-sync-conflicts.h"
#include "lin-sync-indicator.h"
#include "lin-sync-gui-test-utils.h"
#include "lin-test-network.h"
#include "lin-test-utils.h"
#include "lin-window.h"

#define PASSPHRASE "a passphrase for the sync status tests"

static LinApplication *app;
static char *profile_dir;
static LinTestServer *server;
static char *data_dir;  /* for the second laptop */

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

static LinSync *
sync_ (void)
{
  return lin_context_get_sync (context ());
}

static GtkWidget *
main_window (void)
{
  return lin_test_application_window (GTK_APPLICATION (app), LIN_TYPE_WINDOW);
}

static LinSyncIndicator *
indicator (void)
{
  return LIN_SYNC_INDICATOR (lin_test_find_descendant (main_window (), LIN_TYPE_SYNC_INDICATOR));
}

static GtkWidget *
named (const char *name)
{
  return lin_test_named (GTK_WIDGET (indicator ()), name);
}

static const char *
label_text (GtkWidget *root,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (lin_test_named (root, name)));
}

static gboolean
label_is (gpointer data)
{
  return g_strcmp0 (lin_sync_indicator_get_label (indicator ()), data) == 0;
}

static void
wait_for_label (const char *label)
{
  if (!lin_test_wait_for (label_is, (gpointer)label, 30000))
    g_error ("The sync button says “%s”, not “%s”", lin_sync_indicator_get_label (indicator ()), label);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
wait_synced_after (gint64 after)
{
  if (!lin_test_context_synced_after (context (), after, 30000))
    g_error ("No sync ended well (status %d)", sync_ () ? (int)lin_sync_get_status (sync_ ()) : -1);
}

static LinRecord *
save_new (const char *kind,
          const char *field,
          const char *value)
{
  g_autoptr(LinRecord) record = lin_record_new (kind);
  g_autoptr(GError) error = NULL;

  lin_record_set_string (record, field, value);
  g_assert_true (lin_store_save (store (), record, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&record);
}

/* The time sentences of the popover, against a fixed now */

static void
test_last_synced (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Belgrade");
  g_autoptr(GDateTime) now = g_date_time_new (zone, 2026, 3, 10, 9, 30, 0);
  g_autoptr(GDateTime) today = g_date_time_new (zone, 2026, 3, 10, 0, 5, 0);
  g_autoptr(GDateTime) yesterday = g_date_time_new (zone, 2026, 3, 9, 23, 59, 0);
  g_autoptr(GDateTime) older = g_date_time_new (zone, 2026, 2, 28, 14, 5, 0);
  g_autofree char *never = lin_sync_indicator_last_synced (0, now);
  g_autofree char *a = lin_sync_indicator_last_synced (g_date_time_to_unix (today) * G_USEC_PER_SEC, now);
  g_autofree char *b = lin_sync_indicator_last_synced (g_date_time_to_unix (yesterday) * G_USEC_PER_SEC, now);
  g_autofree char *c = lin_sync_indicator_last_synced (g_date_time_to_unix (older) * G_USEC_PER_SEC, now);

  g_assert_cmpstr (never, ==, "This laptop has not synced yet.");
  g_assert_cmpstr (a, ==, "Last synced today at 00:05");
  g_assert_cmpstr (b, ==, "Last synced yesterday at 23:59");
  g_assert_cmpstr (c, ==, "Last synced on 2026-02-28 at 14:05");
}

static void
test_names (void)
{
  g_autofree char *text = lin_sync_conflicts_dup_value ("\"weekdays, mornings\"");
  g_autofree char *object = lin_sync_conflicts_dup_value ("{\"final_level\":\"high\"}");
  g_autofree char *removed = lin_sync_conflicts_dup_value (NULL);
  g_autofree char *number = lin_sync_conflicts_dup_value ("3");

  g_assert_cmpstr (lin_sync_conflicts_kind_name ("call"), ==, "Call");
  g_assert_cmpstr (lin_sync_conflicts_kind_name ("follow-up"), ==, "Follow-up");
  g_assert_cmpstr (lin_sync_conflicts_kind_name ("shift"), ==, "Shift");
  g_assert_cmpstr (lin_sync_conflicts_kind_name ("service"), ==, "Directory entry");
  g_assert_cmpstr (lin_sync_conflicts_kind_name ("something-new"), ==, "Record");
  g_assert_cmpstr (lin_sync_conflicts_field_name ("risk"), ==, "Risk assessment");
  g_assert_cmpstr (lin_sync_conflicts_field_name ("safe_times"), ==, "Safe times to call");
  g_assert_cmpstr (lin_sync_conflicts_field_name ("some_new_field"), ==, "some_new_field");
  g_assert_cmpstr (text, ==, "weekdays, mornings");
  g_assert_cmpstr (object, ==, "{\"final_level\":\"high\"}");
  g_assert_cmpstr (removed, ==, "(removed)");
  g_assert_cmpstr (number, ==, "3");
}

/* Not in an organisation: no button at all */
static void
test_hidden (void)
{
  g_assert_null (sync_ ());
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (indicator ())));
}

/* The coordinator founds the organisation from Linija: the button
 * appears and says "Synced" once the first sync ended well */
static void
test_synced (void)
{
  GtkWidget *button;

  lin_test_context_found (context (), server);
  g_assert_nonnull (sync_ ());
  wait_synced_after (0);

  lin_test_spin (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (indicator ())));
  wait_for_label ("Synced");
  button = named ("sync-status-button");
  g_assert_false (gtk_widget_has_css_class (button, "lin-sync-attention"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Sync: Synced");

  lin_sync_indicator_popup (indicator ());
  lin_test_spin (100);
  g_assert_true (g_str_has_prefix (label_text (GTK_WIDGET (indicator ()), "sync-status-last"),
                                   "Last synced today at "));
  g_assert_nonnull (strstr (label_text (GTK_WIDGET (indicator ()), "sync-status-explanation"),
                            "reached the organisation’s server"));
  g_assert_false (gtk_widget_get_visible (named ("sync-status-problem")));
  g_assert_false (gtk_widget_get_visible (named ("sync-conflicts-button")));
}

/* Sync Now: a sync runs and ends */
static void
test_sync_now (void)
{
  gint64 before = lin_sync_get_last_success (sync_ ());

  /* a clock that moved on, so that a new success shows */
  g_usleep (2000);
  click (named ("sync-now-button"));
  wait_synced_after (before);
  wait_for_label ("Synced");
}

/* Saved while the server is down: "3 waiting", then Sync Now sends them */
static void
label_seen_cb (LinSyncIndicator *indicator,
               GParamSpec       *pspec,
               GPtrArray        *seen)
{
  g_ptr_array_add (seen, g_strdup (lin_sync_indicator_get_label (indicator)));
}

static void
test_waiting (void)
{
  g_autoptr(LinRecord) a = NULL;
  g_autoptr(LinRecord) b = NULL;
  g_autoptr(LinRecord) c = NULL;
  g_autoptr(GPtrArray) seen = NULL;
  gulong handler;
  gint64 before;

  g_assert_cmpint (lin_test_server_stop (server), ==, 0);
  a = save_new (LIN_NOTE_KIND, LIN_NOTE_FIELD_TEXT, "A note while the server is down (fictional)");
  b = save_new (LIN_NOTE_KIND, LIN_NOTE_FIELD_TEXT, "Another (fictional)");
  c = save_new (LIN_NOTE_KIND, LIN_NOTE_FIELD_TEXT, "And a third (fictional)");

  wait_for_label ("3 waiting");
  g_assert_cmpuint (lin_sync_get_n_waiting (sync_ ()), ==, 3);
  lin_sync_indicator_popup (indicator ());
  lin_test_spin (50);
  /* the engine retries now and then: read it while it waits */
  wait_for_label ("3 waiting");
  g_assert_nonnull (strstr (label_text (GTK_WIDGET (indicator ()), "sync-status-explanation"),
                            "3 changes are saved on this laptop"));
  g_assert_false (gtk_widget_has_css_class (named ("sync-status-button"), "lin-sync-attention"));

  /* a try that fails at once (the server still down) leaves the words as
   * they were: no "Syncing…" flashing up at each retry */
  seen = g_ptr_array_new_with_free_func (g_free);
  handler = g_signal_connect (indicator (), "notify::label", G_CALLBACK (label_seen_cb), seen);
  lin_sync_poke (sync_ (), LIN_SYNC_REASON_USER);
  lin_test_spin (1500);
  g_signal_handler_disconnect (indicator (), handler);
  for (guint i = 0; i < seen->len; i++)
    g_assert_cmpstr (seen->pdata[i], !=, "Syncing…");
  g_assert_cmpstr (lin_sync_indicator_get_label (indicator ()), ==, "3 waiting");

  /* the server is back (on another port): Sync Now sends them */
  lin_test_server_run (server);
  lin_test_context_point_at (context (), server);
  before = lin_sync_get_last_success (sync_ ());
  click (named ("sync-now-button"));
  wait_synced_after (before);
  wait_for_label ("Synced");
  g_assert_cmpuint (lin_sync_get_n_waiting (sync_ ()), ==, 0);
}

/* The engine's network monitor says there is no network: "Offline";
 * back, and it syncs */
static void
test_offline (void)
{
  g_autoptr(GNetworkMonitor) monitor = lin_test_network_new (FALSE);
  gint64 before;

  lin_test_spin (50);
  g_assert_false (g_network_monitor_get_network_available (monitor));

  lin_sync_stop (sync_ ());
  lin_sync_start (sync_ (), monitor);
  wait_for_label ("Offline");
  lin_sync_indicator_popup (indicator ());
  lin_test_spin (50);
  g_assert_nonnull (strstr (label_text (GTK_WIDGET (indicator ()), "sync-status-explanation"),
                            "no network"));

  before = lin_sync_get_last_success (sync_ ());
  lin_test_network_set_available (LIN_TEST_NETWORK (monitor), TRUE);
  wait_synced_after (before);
  wait_for_label ("Synced");

  /* the system's monitor again */
  lin_sync_stop (sync_ ());
  lin_sync_start (sync_ (), g_network_monitor_get_default ());
}

static LinSyncConflicts *
find_conflicts_window (void)
{
  return LIN_SYNC_CONFLICTS (lin_test_find_toplevel (LIN_TYPE_SYNC_CONFLICTS));
}

static GtkWidget *
conflict_row (LinSyncConflicts *window,
              guint             i)
{
  g_autofree char *name = g_strdup_printf ("conflict-%u", i);

  return lin_test_named (GTK_WIDGET (window), name);
}

/* The first item about @field */
static guint
find_row (LinSyncConflicts *window,
          const char       *field)
{
  for (guint i = 0; i < lin_sync_conflicts_get_n_items (window); i++)
    if (g_strcmp0 (label_text (conflict_row (window, i), "conflict-field"), field) == 0)
      return i;

  g_error ("No conflict about %s", field);
}

/* Two laptops edit the same follow-up and call before they sync: the
 * conflicts list shows what lost, the risk one marked for review, and
 * each button does what it says */
/* A conflict's buttons: each inside the window at its natural width at
 * least, and either all on one line or one above the other */
static void
assert_buttons (LinSyncConflicts *window,
                GtkWidget        *row,
                gboolean          stacked)
{
  static const char * const names[] = { "conflict-open-call", "conflict-keep", "conflict-use" };
  graphene_rect_t bounds[G_N_ELEMENTS (names)];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *button = lin_test_named (row, names[i]);
      int natural;

      gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds[i]));
      g_assert_cmpfloat (bounds[i].origin.x, >=, 0);
      g_assert_cmpfloat (bounds[i].origin.x + bounds[i].size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)));
      g_assert_cmpfloat (bounds[i].size.width, >=, natural);
      if (i > 0 && stacked)
        g_assert_cmpfloat (bounds[i].origin.y, >=, bounds[i - 1].origin.y + bounds[i - 1].size.height);
      else if (i > 0)
        {
          g_assert_cmpfloat (bounds[i].origin.y, ==, bounds[i - 1].origin.y);
          g_assert_cmpfloat (bounds[i].origin.x, >=, bounds[i - 1].origin.x + bounds[i - 1].size.width);
        }
    }
}

static void
test_conflicts (void)
{
  static const char * const values[] = { "mornings (fictional)", "evenings (fictional)",
                                         "afternoons (fictional)" };
  g_autofree char *other_dir = g_build_filename (data_dir, "other-laptop", NULL);
  g_auto(LinTestConflicts) made = { NULL, };
  g_autoptr(LinTestDevice) other = NULL;
  g_autofree char *toast = NULL;
  LinCallDetails *details;
  LinSyncConflicts *window;
  GtkWidget *row;
  gint64 before;
  guint n;

  other = lin_test_context_conflicts (context (), server, other_dir, values, &made);
  lin_test_spin (100);

  /* the popover offers them */
  lin_sync_indicator_popup (indicator ());
  lin_test_spin (50);
  g_assert_true (gtk_widget_get_visible (named ("sync-conflicts-button")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (named ("sync-conflicts-button"))), ==,
                   "Review Conflicts (2)");
  click (named ("sync-conflicts-button"));
  lin_test_spin (200);
  window = find_conflicts_window ();
  g_assert_nonnull (window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Conflicts");
  g_assert_cmpuint (lin_sync_conflicts_get_n_items (window), ==, 2);

  /* the review item first: the risk, the more restrictive kept */
  row = conflict_row (window, 0);
  g_assert_cmpstr (label_text (row, "conflict-field"), ==, "Risk assessment");
  g_assert_true (gtk_widget_get_visible (lin_test_named (row, "conflict-review")));
  g_assert_cmpstr (label_text (row, "conflict-review"), ==, "Risk assessment differed: check the call");
  g_assert_cmpstr (label_text (row, "conflict-value"), ==, "Standard risk");
  g_assert_cmpstr (label_text (row, "conflict-current"), ==, "High risk");

  /* its three buttons side by side; at 360 px one above the other, each
   * whole, inside the window */
  assert_buttons (window, row, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  lin_test_spin (300);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  assert_buttons (window, row, TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 680, 560);
  lin_test_spin (300);
  assert_buttons (window, row, FALSE);

  /* Open Call: the call's details in the main window; not while a call
   * is being taken, and that call stays in front */
  lin_window_new_call (LIN_WINDOW (main_window ()));
  lin_test_spin (50);
  click (lin_test_named (row, "conflict-open-call"));
  lin_test_spin (100);
  toast = lin_test_any_text_contains ("Finish the call you are taking");
  g_assert_nonnull (toast);
  g_assert_true (lin_call_wizard_get_active (lin_window_get_call_wizard (LIN_WINDOW (main_window ()))));
  lin_call_wizard_discard (lin_window_get_call_wizard (LIN_WINDOW (main_window ())));
  lin_test_spin (50);
  click (lin_test_named (row, "conflict-open-call"));
  lin_test_spin (100);
  g_assert_cmpstr (lin_window_get_section (LIN_WINDOW (main_window ())), ==, "calls");
  details = LIN_CALL_DETAILS (lin_test_find_descendant (main_window (), LIN_TYPE_CALL_DETAILS));
  g_assert_nonnull (lin_call_details_get_call (details));
  g_assert_cmpstr (lin_record_get_id_string (lin_call_details_get_call (details)), ==, made.call_id);

  row = conflict_row (window, find_row (window, "Safe times to call"));
  g_assert_null (lin_test_find_named (row, "conflict-review"));
  /* a follow-up of no call: nothing to open */
  g_assert_null (lin_test_find_named (row, "conflict-open-call"));
  /* the later writer won: this laptop's afternoons; the evenings lost */
  g_assert_cmpstr (label_text (row, "conflict-value"), ==, "evenings (fictional)");
  g_assert_cmpstr (label_text (row, "conflict-current"), ==, "afternoons (fictional)");
  g_assert_nonnull (strstr (label_text (row, "conflict-written"), "Written today at "));

  /* Use This Value: the evenings go into the follow-up, the item goes */
  before = lin_sync_get_last_success (sync_ ());
  n = lin_sync_conflicts_get_n_items (window);
  click (lin_test_named (row, "conflict-use"));
  lin_test_spin (100);
  g_assert_cmpuint (lin_sync_conflicts_get_n_items (window), ==, n - 1);
  g_assert_cmpstr (lin_record_get_string (lin_store_get (store (), made.follow_up_id),
                                          LIN_FOLLOW_UP_FIELD_SAFE_TIMES), ==, "evenings (fictional)");

  /* Keep Current: the call keeps its high risk; so for any copy left */
  while (lin_sync_conflicts_get_n_items (window) > 0)
    {
      n = lin_sync_conflicts_get_n_items (window);
      click (lin_test_named (conflict_row (window, 0), "conflict-keep"));
      lin_test_spin (100);
      g_assert_cmpuint (lin_sync_conflicts_get_n_items (window), ==, n - 1);
    }
  {
    JsonObject *fields = lin_record_get_fields (lin_store_get (store (), made.call_id));
    JsonObject *kept = json_object_get_object_member (fields, LIN_CALL_FIELD_RISK);

    g_assert_cmpstr (json_object_get_string_member (kept, LIN_RISK_FIELD_FINAL_LEVEL), ==, "high");
  }
  g_assert_cmpstr (lin_record_get_string (lin_store_get (store (), made.follow_up_id),
                                          LIN_FOLLOW_UP_FIELD_SAFE_TIMES), ==, "evenings (fictional)");
  g_assert_true (gtk_widget_get_visible (lin_test_named (GTK_WIDGET (window), "conflicts-empty")));
  g_assert_nonnull (lin_test_any_text_contains ("No conflicts"));

  /* the count follows */
  lin_test_spin (300);
  g_assert_cmpuint (lin_sync_get_n_conflicts (sync_ ()), ==, 0);
  g_assert_false (gtk_widget_get_visible (named ("sync-conflicts-button")));

  /* the other laptop is done with them too, once both synced */
  wait_synced_after (before);
  lin_test_device_sync_ok (other);
  g_assert_cmpstr (lin_record_get_string (lin_store_get (other->store, made.follow_up_id),
                                          LIN_FOLLOW_UP_FIELD_SAFE_TIMES), ==, "evenings (fictional)");

  gtk_window_destroy (GTK_WINDOW (window));
  lin_test_spin (50);
}

/* Two laptops put Marija on the same night: the list names her, shows
 * the assignment once, and Remove One takes one of the two off, here and
 * on the other laptop; the roster no longer double-books her. Then each
 * laptop puts someone else on a night for one: both are listed, each
 * with its own Remove From Shift, and Keep Both */
static void
test_collision (void)
{
  g_autofree char *other_dir = g_build_filename (data_dir, "collision-laptop", NULL);
  LinTestDevice coordinator = { .sync = sync_ () };
  g_autoptr(LinTestDevice) other = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *where = NULL;
  char *ids[2];
  LinSyncConflicts *window;
  GtkWidget *row, *held, *arrived;
  const char *removed;
  gint64 before;

  g_assert_cmpint (g_mkdir_with_parents (other_dir, 0700), ==, 0);
  other = lin_test_device_join (server, &coordinator, other_dir, "Branka");
  lin_test_context_collision (context (), other, "Marija (izmišljena)", NULL, ids);
  ours = ids[0];
  theirs = ids[1];
  lin_test_spin (100);

  lin_sync_indicator_popup (indicator ());
  lin_test_spin (50);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (named ("sync-conflicts-button"))), ==,
                   "Review Conflicts (1)");
  click (named ("sync-conflicts-button"));
  lin_test_spin (200);
  window = find_conflicts_window ();
  g_assert_nonnull (window);
  g_assert_cmpuint (lin_sync_conflicts_get_n_items (window), ==, 1);

  /* twice: the two are alike, shown once; no Keep Both */
  row = conflict_row (window, 0);
  g_assert_cmpstr (label_text (row, "conflict-field"), ==, "Marija (izmišljena) is on the same shift twice");
  held = lin_test_named (row, "collision-held");
  g_assert_null (lin_test_find_named (held, "collision-remove"));
  g_assert_null (lin_test_find_named (row, "collision-arrived"));
  g_assert_null (lin_test_find_named (row, "conflict-keep"));
  where = lin_test_any_text_contains ("SOS linija (izmišljena) · ");
  g_assert_nonnull (where);

  /* remove one: the one that arrived goes */
  before = lin_sync_get_last_success (sync_ ());
  removed = g_strcmp0 (lin_record_get_string (g_object_get_data (G_OBJECT (row), "lin-conflict"),
                                              LIN_CONFLICT_FIELD_RECORD), ours) == 0 ? ours : theirs;
  click (lin_test_named (row, "collision-remove-one"));
  lin_test_spin (100);
  g_assert_cmpuint (lin_sync_conflicts_get_n_items (window), ==, 0);
  g_assert_null (lin_store_get (store (), removed));
  g_assert_nonnull (lin_store_get (store (), removed == ours ? theirs : ours));
  {
    g_autoptr(GArray) found = lin_roster_find_collisions (lin_context_get_roster (context ()),
                                                          lin_store_get (store (), removed == ours ? theirs : ours));

    g_assert_cmpuint (found->len, ==, 0);
  }
  lin_test_spin (300);
  g_assert_cmpuint (lin_sync_get_n_conflicts (sync_ ()), ==, 0);

  /* and on the other laptop */
  wait_synced_after (before);
  lin_test_device_sync_ok (other);
  g_assert_null (lin_store_get (other->store, removed));

  /* one too many: two people, each with her own button */
  g_clear_pointer (&ours, g_free);
  g_clear_pointer (&theirs, g_free);
  lin_test_context_collision (context (), other, "Jelena (izmišljena)", "Vesna (izmišljena)", ids);
  ours = ids[0];
  theirs = ids[1];
  lin_test_spin (300);
  g_assert_cmpuint (lin_sync_get_n_conflicts (sync_ ()), ==, 1);
  g_assert_cmpuint (lin_sync_conflicts_get_n_items (window), ==, 1);
  row = conflict_row (window, 0);
  g_assert_cmpstr (label_text (row, "conflict-field"), ==, "More people on the shift than it needs");
  held = lin_test_named (row, "collision-held");
  arrived = lin_test_named (row, "collision-arrived");
  g_assert_nonnull (lin_test_find_named (held, "collision-remove"));
  g_assert_nonnull (lin_test_find_named (arrived, "collision-remove"));
  g_assert_null (lin_test_find_named (row, "collision-remove-one"));
  g_assert_true (gtk_widget_get_visible (lin_test_named (row, "conflict-keep")));

  /* keep both: nothing leaves the roster, the flag goes */
  click (lin_test_named (row, "conflict-keep"));
  lin_test_spin (100);
  g_assert_cmpuint (lin_sync_conflicts_get_n_items (window), ==, 0);
  g_assert_nonnull (lin_store_get (store (), ours));
  g_assert_nonnull (lin_store_get (store (), theirs));
  lin_test_spin (300);
  g_assert_cmpuint (lin_sync_get_n_conflicts (sync_ ()), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  lin_test_spin (50);
}

/* Locked: no button, no conflicts window; unlocked, both may come back */
static void
test_lock (void)
{
  GtkWidget *window = lin_sync_conflicts_new (GTK_WINDOW (main_window ()), context ());
  g_autoptr(GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_present (GTK_WINDOW (window));
  lin_test_spin (100);

  lin_application_lock (app);
  lin_test_spin (200);
  g_assert_null (window);
  g_assert_null (sync_ ());
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (indicator ())));

  g_assert_true (lin_context_unlock (context (), profile_dir, PASSPHRASE, &error));
  g_assert_no_error (error);
  lin_test_spin (300);
  g_assert_nonnull (sync_ ());
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (indicator ())));
  wait_synced_after (0);
  wait_for_label ("Synced");
}

/* The coordinator's device revoked on the server: "Needs attention",
 * in the warning colours, and the problem in words */
static void
test_attention (void)
{
  LinRecord *account = lin_sync_get_account (sync_ ());
  const char *device_id = lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID);
  const char *args[] = { "revoke", server->dir, device_id, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_nonnull (device_id);
  g_assert_cmpint (lin_test_server_cli_v (&out, &err, args), ==, 0);

  lin_sync_indicator_popup (indicator ());
  lin_test_spin (50);
  click (named ("sync-now-button"));
  wait_for_label ("Needs attention");
  g_assert_cmpint (lin_sync_get_problem (sync_ ()), ==, LIN_SYNC_PROBLEM_REFUSED);
  g_assert_true (gtk_widget_has_css_class (named ("sync-status-button"), "lin-sync-attention"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (named ("sync-status-button")), ==, "Sync: Needs attention");
  g_assert_true (gtk_widget_get_visible (named ("sync-status-problem")));
  g_assert_cmpstr (label_text (GTK_WIDGET (indicator ()), "sync-status-problem"), ==,
                   "The server no longer accepts this laptop. Ask your coordinator.");

  /* in a narrow window the icon alone, the words in the tooltip */
  gtk_window_set_default_size (GTK_WINDOW (main_window ()), 360, 640);
  lin_test_spin (200);
  g_assert_false (gtk_widget_get_visible (named ("sync-status-label")));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (named ("sync-status-button")), ==, "Sync: Needs attention");
  gtk_window_set_default_size (GTK_WINDOW (main_window ()), 1000, 700);
  lin_test_spin (200);
  g_assert_true (gtk_widget_get_visible (named ("sync-status-label")));
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

  server = lin_test_server_new ();
  lin_test_server_run (server);
  /* the other laptop's, in the throw-away home */
  data_dir = g_strdup (g_get_home_dir ());

  g_test_add_func ("/gui/sync-status/last-synced", test_last_synced);
  g_test_add_func ("/gui/sync-status/names", test_names);
  g_test_add_func ("/gui/sync-status/hidden", test_hidden);
  g_test_add_func ("/gui/sync-status/synced", test_synced);
  g_test_add_func ("/gui/sync-status/sync-now", test_sync_now);
  g_test_add_func ("/gui/sync-status/waiting", test_waiting);
  g_test_add_func ("/gui/sync-status/offline", test_offline);
  g_test_add_func ("/gui/sync-status/conflicts", test_conflicts);
  g_test_add_func ("/gui/sync-status/collision", test_collision);
  g_test_add_func ("/gui/sync-status/lock", test_lock);
  g_test_add_func ("/gui/sync-status/attention", test_attention);

  ret = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_clear_pointer (&server, lin_test_server_free);
  g_clear_pointer (&profile_dir, g_free);
  g_clear_pointer (&data_dir, g_free);

  return ret;
}
