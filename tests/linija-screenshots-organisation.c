/* linija-screenshots-organisation.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences › Organisation for linija-screenshots, against the real
 * linija-server on 127.0.0.1 (a throw-away state folder): LANG-organisation
 * .png (not enrolled: create or join), LANG-organisation-join.png (the
 * join page filled in, with fictional values), LANG-organisation-pending
 * .png (a second profile joined: its safety number, waiting),
 * LANG-organisation-devices.png (the coordinator's list with that device
 * waiting), LANG-organisation-invite.png (the code for the next laptop),
 * LANG-organisation-approve-mismatch.png (she typed another number),
 * LANG-organisation-members.png (the device approved: her laptop and it
 * in the approved list, scrolled down to it) and
 * LANG-organisation-revoke.png (Revoke… pressed on it).
 */

#include "config.h"

#include "lin-preferences-window.h"
#include "lin-server-test-utils.h"
#include "lin-sync-devices-group.h"
#include "lin-sync-enrol-page.h"
#include "lin-sync-members-group.h"
#include "lin-sync-org-group.h"
#include "lin-test-utils.h"
#include "linija-screenshots-private.h"

/* what she would type, in place of what is there */
static void
set_text (GtkWidget  *root,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (lin_test_named (root, name)), "");
  lin_test_type (lin_test_named (root, name), text);
}

static gboolean
page_idle (gpointer data)
{
  return !lin_sync_enrol_page_get_busy (data);
}

static gboolean
has_device (gpointer data)
{
  return !lin_sync_device_list_get_busy (data) && lin_sync_device_list_get_n_devices (data) > 0;
}

static gboolean
has_member (gpointer data)
{
  return !lin_sync_device_list_get_busy (data) && lin_sync_device_list_get_n_devices (data) > 1;
}

static void
enrol (GtkWidget  *page,
       const char *url,
       const char *fingerprint,
       const char *code,
       const char *label)
{
  set_text (page, "server-entry", url);
  set_text (page, "fingerprint-entry", fingerprint);
  set_text (page, "code-entry", code);
  set_text (page, "label-entry", label);
  g_signal_emit_by_name (lin_test_named (page, "enrol-button"), "clicked");
  if (!lin_test_wait_for (page_idle, page, 60000))
    g_error ("screenshots: enrolling took too long");
  lin_test_spin (300);
}

static char *
nth_line (const char * const *args,
          guint               line,
          char              **next)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  if (lin_test_server_cli_v (&out, NULL, args) != 0)
    g_error ("screenshots: linija-server %s failed", args[0]);
  lines = g_strsplit (out, "\n", -1);
  if (g_strv_length (lines) <= line)
    g_error ("screenshots: linija-server %s printed too little", args[0]);
  if (next != NULL)
    *next = g_strdup (lines[line + 1]);

  return g_strdup (lines[line]);
}

static GtkWidget *
invite_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), "invite-dialog") == 0 && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static gboolean
invite_shown (gpointer data)
{
  return invite_dialog () != NULL;
}

void
lin_screenshots_organisation (LinApplication    *app,
                              const char        *passphrase,
                              LinScreenshotSave  save)
{
  g_autoptr(LinTestServer) server = NULL;
  g_autoptr(LinContext) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *org_id = NULL;
  g_autofree char *founding = NULL;
  g_autofree char *invite = NULL;
  g_autofree char *other_dir = NULL;
  g_autofree char *wrong = NULL;
  LinContext *context = lin_application_get_context (app);
  GtkWidget *window, *member_window, *group, *page, *dialog;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  server = lin_test_server_new ();
  lin_test_server_run (server);
  {
    g_autoptr(GByteArray) der = NULL;

    g_object_get (server->pinned, "certificate", &der, NULL);
    fingerprint = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
  }
  {
    const char *args[] = { "org", "create", server->dir, "--name", "SOS (izmišljena)", NULL };

    /* its id, then its founding code */
    org_id = nth_line (args, 0, &founding);
  }

  /* not enrolled: the two ways in */
  window = GTK_WIDGET (lin_application_show_preferences (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 640);
  group = lin_preferences_window_show_organisation (LIN_PREFERENCES_WINDOW (window));
  save (window, "organisation");

  /* joining, filled in with fictional values */
  page = lin_sync_org_group_show_enrol (LIN_SYNC_ORG_GROUP (group), LIN_SYNC_ENROL_JOIN);
  set_text (page, "server-entry", "https://sync.example.org");
  set_text (page, "code-entry", "K7DQ 3MXA P9TR WV2E 5YQ1 0C3H 8RND A2FZ");
  set_text (page, "label-entry", "Office laptop 2");
  save (window, "organisation-join");
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (window));
  lin_test_spin (500);

  /* this profile creates the organisation, for real */
  page = lin_sync_org_group_show_enrol (LIN_SYNC_ORG_GROUP (group), LIN_SYNC_ENROL_FOUND);
  enrol (page, server->url, fingerprint, founding, "Coordinator laptop");
  if (g_strcmp0 (lin_sync_enrol_page_get_state (LIN_SYNC_ENROL_PAGE (page)), "founded") != 0)
    g_error ("screenshots: the organisation was not created: %s %s %s", gtk_label_get_text (GTK_LABEL (lin_test_named (page, "server-error"))),
             gtk_label_get_text (GTK_LABEL (lin_test_named (page, "code-error"))), gtk_label_get_text (GTK_LABEL (lin_test_named (page, "enrol-status"))));
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (window));
  lin_test_spin (500);

  /* a second profile joins: its safety number, waiting */
  other = lin_context_new (lin_context_get_settings (context), FALSE, &error);
  if (other == NULL)
    g_error ("screenshots: %s", error->message);
  other_dir = lin_test_create_profile (other, "Druga", passphrase);
  if (!lin_context_unlock (other, other_dir, passphrase, &error))
    g_error ("screenshots: %s", error->message);
  {
    const char *args[] = { "invite", server->dir, "--org", org_id, NULL };

    invite = nth_line (args, 0, NULL);
  }
  member_window = GTK_WIDGET (lin_preferences_window_new (other, NULL));
  gtk_window_set_default_size (GTK_WINDOW (member_window), 600, 640);
  gtk_window_present (GTK_WINDOW (member_window));
  page = lin_sync_org_group_show_enrol (
    LIN_SYNC_ORG_GROUP (lin_preferences_window_show_organisation (LIN_PREFERENCES_WINDOW (member_window))),
    LIN_SYNC_ENROL_JOIN);
  enrol (page, server->url, fingerprint, invite, "Office laptop 2");
  save (member_window, "organisation-pending");

  /* the coordinator's list, the device waiting */
  group = lin_test_named (window, "devices-group");
  lin_sync_device_list_refresh (LIN_SYNC_DEVICE_LIST (group));
  if (!lin_test_wait_for (has_device, group, 30000))
    g_error ("screenshots: the waiting device did not show");
  gtk_window_present (GTK_WINDOW (window));
  save (window, "organisation-devices");

  /* the next laptop's invite, from her Linija */
  gtk_widget_activate (lin_test_named (window, "invite-row"));
  if (!lin_test_wait_for (invite_shown, NULL, 30000))
    g_error ("screenshots: no invite code");
  dialog = invite_dialog ();
  /* a fictional code in the picture, not the server's */
  gtk_label_set_text (GTK_LABEL (lin_test_named (dialog, "invite-code")), "k7dq-3mxa-p9tr-wv2e-5yq1-0c3h-8rnd-a2fz");
  save (dialog, "organisation-invite");
  gtk_window_destroy (GTK_WINDOW (dialog));
  lin_test_spin (100);

  /* she typed another number than the device's */
  dialog = lin_sync_devices_group_approve (LIN_SYNC_DEVICES_GROUP (group), 0);
  wrong = g_strdup (gtk_label_get_text (GTK_LABEL (lin_test_named (page, "safety-number"))));
  wrong[3] = wrong[3] == '7' ? '1' : '7';
  set_text (dialog, "safety-entry", wrong);
  save (dialog, "organisation-approve-mismatch");

  /* the right number: approved, in the list of approved devices with hers */
  set_text (dialog, "safety-entry", gtk_label_get_text (GTK_LABEL (lin_test_named (page, "safety-number"))));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "approve");
  gtk_window_destroy (GTK_WINDOW (dialog));
  group = lin_test_named (window, "members-group");
  if (!lin_test_wait_for (has_member, group, 30000))
    g_error ("screenshots: the approved device did not show");
  {
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (group, GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

    /* the toast "… is approved" gone first: it would cover the row */
    lin_test_spin (5500);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  }
  save (window, "organisation-members");

  /* Revoke… on it */
  dialog = NULL;
  for (guint i = 0; dialog == NULL && i < lin_sync_device_list_get_n_devices (LIN_SYNC_DEVICE_LIST (group)); i++)
    dialog = lin_sync_members_group_revoke (LIN_SYNC_MEMBERS_GROUP (group), i);
  if (dialog == NULL)
    g_error ("screenshots: no device to revoke");
  save (dialog, "organisation-revoke");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (member_window));
  gtk_window_destroy (GTK_WINDOW (window));
  lin_context_lock (other);
  lin_context_shutdown (other);
  lin_test_spin (300);
  lin_test_server_stop (server);
}
