/* linija-screenshots-sync.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sync screens of linija-screenshots, each in a real state: the
 * profile founds an organisation on a real linija-server started in a
 * throw-away folder, and then LANG-sync-synced.png (after a sync),
 * LANG-sync-conflicts.png (two real conflicts: a second laptop edited the
 * same follow-up and call; LANG-sync-conflicts-narrow.png at 360 px), LANG-sync-collision.png (both laptops put
 * one counsellor on the same night), LANG-sync-collision-overfull.png
 * (each put someone else on a night for one), LANG-sync-waiting.png and
 * LANG-sync-waiting-popover.png (three records saved with the server
 * stopped), LANG-sync-offline.png (the engine's network monitor has no
 * network) and LANG-sync-attention.png, LANG-sync-attention-popover.png,
 * LANG-sync-attention-narrow.png (the laptop revoked on the server; at
 * 360 px the button shows its icon alone).
 */

#include "config.h"

#include "lin-call.h"
#include "lin-sync-conflicts.h"
#include "lin-sync-indicator.h"
#include "lin-sync-gui-test-utils.h"
#include "lin-test-network.h"
#include "lin-test-utils.h"
#include "lin-window.h"
#include "linija-screenshots-private.h"

static LinContext *context;
static LinTestServer *server;
static LinScreenshotSave screenshots_save;
static LinScreenshotSaveOver screenshots_save_with_popover;

static LinSync *
sync_ (void)
{
  return lin_context_get_sync (context);
}

static LinSyncIndicator *
indicator (LinWindow *window)
{
  return LIN_SYNC_INDICATOR (lin_test_find_descendant (GTK_WIDGET (window), LIN_TYPE_SYNC_INDICATOR));
}

static gboolean
status_is (gpointer data)
{
  return sync_ () != NULL && lin_sync_get_status (sync_ ()) == (LinSyncStatus)GPOINTER_TO_INT (data);
}

static void
wait_status (LinSyncStatus status)
{
  if (!lin_test_wait_for (status_is, GINT_TO_POINTER (status), 60000))
    g_error ("screenshots: sync is in state %d, not %d", sync_ () ? (int)lin_sync_get_status (sync_ ()) : -1,
             status);
  lin_test_spin (100);
}

static void
wait_synced_after (gint64 after)
{
  if (!lin_test_context_synced_after (context, after, 60000))
    g_error ("screenshots: no sync ended well");
  lin_test_spin (100);
}

/* @root in @status, with the popover open if @popover: retries come and
 * go while the server is down, so again if one ran while it was drawn */
static void
save_in (GtkWidget     *root,
         GtkPopover    *popover,
         LinSyncStatus  status,
         const char    *screen)
{
  for (guint i = 0; i < 10; i++)
    {
      wait_status (status);
      if (popover != NULL)
        screenshots_save_with_popover (root, popover, screen);
      else
        screenshots_save (root, screen);
      if (lin_sync_get_status (sync_ ()) == status)
        return;
    }
  g_error ("screenshots: %s: the state kept changing", screen);
}

static LinRecord *
save_new (LinRecord *record)
{
  g_autoptr(GError) error = NULL;

  if (!lin_store_save (lin_context_get_store (context), record, &error))
    g_error ("screenshots: %s", error->message);

  return record;
}

static gboolean
is_unlocked (gpointer data)
{
  return !lin_context_get_locked (data);
}

/* A profile of its own, so that the screens before keep theirs as they
 * were (not in an organisation) */
static void
unlock_new_profile (LinApplication *app,
                    const char     *passphrase)
{
  g_autofree char *dir = lin_test_create_profile (context, "Dragana", passphrase);
  g_autoptr(GError) error = NULL;

  lin_application_lock (app);
  if (!lin_context_unlock (context, dir, passphrase, &error))
    g_error ("screenshots: %s", error->message);
  if (!lin_test_wait_for (is_unlocked, context, 30000))
    g_error ("screenshots: unlocking failed");
  lin_test_spin (300);
}

void
lin_screenshots_sync (LinApplication        *app,
                      const char            *passphrase,
                      LinScreenshotSave      save,
                      LinScreenshotSaveOver  save_over)
{
  /* fictional: what two counsellors wrote as a woman's safe times */
  static const char * const values[] = { "Radnim danima 10–12h", "Radnim danima posle 18h",
                                         "Samo pre podne, ne vikendom" };
  g_autofree char *other_dir = g_build_filename (g_get_user_data_dir (), "other-laptop", NULL);
  g_auto(LinTestConflicts) made = { NULL, };
  g_autoptr(LinTestDevice) other = NULL;
  g_autoptr(GNetworkMonitor) monitor = NULL;
  LinWindow *window = LIN_WINDOW (lin_test_application_window (GTK_APPLICATION (app), LIN_TYPE_WINDOW));
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *conflicts;
  GtkPopover *popover;
  const char *args[4] = { "revoke", NULL, NULL, NULL };

  screenshots_save = save;
  screenshots_save_with_popover = save_over;
  context = lin_application_get_context (app);
  unlock_new_profile (app, passphrase);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  server = lin_test_server_new ();
  lin_test_server_run (server);

  /* the coordinator founds the organisation */
  lin_test_context_found (context, server);
  lin_window_set_section (window, "calls");
  wait_synced_after (0);
  screenshots_save (root, "sync-synced");

  /* a second laptop edited the same follow-up and call */
  other = lin_test_context_conflicts (context, server, other_dir, values, &made);
  conflicts = lin_sync_conflicts_new (GTK_WINDOW (window), context);
  gtk_window_present (GTK_WINDOW (conflicts));
  screenshots_save (conflicts, "sync-conflicts");
  gtk_window_set_default_size (GTK_WINDOW (conflicts), 360, 640);
  screenshots_save (conflicts, "sync-conflicts-narrow");
  gtk_window_destroy (GTK_WINDOW (conflicts));

  /* looked at; then both laptops put one counsellor on the same night */
  {
    g_autoptr(GPtrArray) open = lin_store_list (lin_context_get_store (context), LIN_CONFLICT_KIND);
    char *ids[2] = { NULL, NULL };

    for (guint i = 0; i < open->len; i++)
      if (!lin_sync_resolve_conflict (sync_ (), open->pdata[i], FALSE, NULL))
        g_error ("screenshots: a conflict was not resolved");
    lin_test_context_collision (context, other, "Marija (izmišljena)", NULL, ids);
    g_free (ids[0]);
    g_free (ids[1]);
    conflicts = lin_sync_conflicts_new (GTK_WINDOW (window), context);
    gtk_window_present (GTK_WINDOW (conflicts));
    screenshots_save (conflicts, "sync-collision");
    gtk_window_destroy (GTK_WINDOW (conflicts));

    /* one taken off; then each laptop puts someone else on a night for one */
    g_clear_pointer (&open, g_ptr_array_unref);
    open = lin_store_list (lin_context_get_store (context), LIN_CONFLICT_KIND);
    for (guint i = 0; i < open->len; i++)
      if (lin_record_get_string (open->pdata[i], LIN_CONFLICT_FIELD_COLLIDES) != NULL &&
          !lin_sync_resolve_collision (sync_ (), open->pdata[i],
                                       lin_store_get (lin_context_get_store (context),
                                                      lin_record_get_string (open->pdata[i], LIN_CONFLICT_FIELD_RECORD)),
                                       NULL))
        g_error ("screenshots: a collision was not resolved");
    lin_test_context_collision (context, other, "Jelena (izmišljena)", "Vesna (izmišljena)", ids);
    g_free (ids[0]);
    g_free (ids[1]);
    conflicts = lin_sync_conflicts_new (GTK_WINDOW (window), context);
    gtk_window_present (GTK_WINDOW (conflicts));
    screenshots_save (conflicts, "sync-collision-overfull");
    gtk_window_destroy (GTK_WINDOW (conflicts));
  }

  /* three records saved with the server down */
  lin_test_server_stop (server);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(LinRecord) note = lin_record_new (LIN_NOTE_KIND);

      lin_record_set_string (note, LIN_NOTE_FIELD_TEXT, "Izmišljena beleška");
      save_new (note);
    }
  save_in (root, NULL, LIN_SYNC_STATUS_WAITING, "sync-waiting");
  popover = lin_sync_indicator_popup (indicator (window));
  save_in (root, popover, LIN_SYNC_STATUS_WAITING, "sync-waiting-popover");
  gtk_popover_popdown (popover);

  /* no network, as the engine's monitor says */
  monitor = lin_test_network_new (FALSE);
  lin_sync_stop (sync_ ());
  lin_sync_start (sync_ (), monitor);
  save_in (root, NULL, LIN_SYNC_STATUS_OFFLINE, "sync-offline");

  /* back, and then revoked */
  lin_test_server_run (server);
  lin_test_context_point_at (context, server);
  lin_test_network_set_available (LIN_TEST_NETWORK (monitor), TRUE);
  wait_synced_after (0);

  args[1] = server->dir;
  args[2] = lin_record_get_string (lin_sync_get_account (sync_ ()), LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID);
  if (lin_test_server_cli_v (NULL, NULL, args) != 0)
    g_error ("screenshots: the device was not revoked");
  lin_sync_poke (sync_ (), LIN_SYNC_REASON_USER);
  save_in (root, NULL, LIN_SYNC_STATUS_ATTENTION, "sync-attention");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  save_in (root, NULL, LIN_SYNC_STATUS_ATTENTION, "sync-attention-narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  lin_test_spin (300);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  save_in (root, NULL, LIN_SYNC_STATUS_ATTENTION, "sync-attention-narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  lin_test_spin (300);
  popover = lin_sync_indicator_popup (indicator (window));
  save_in (root, popover, LIN_SYNC_STATUS_ATTENTION, "sync-attention-popover");
  gtk_popover_popdown (popover);

  lin_sync_stop (sync_ ());
  lin_sync_start (sync_ (), g_network_monitor_get_default ());
  g_clear_pointer (&server, lin_test_server_free);
}
