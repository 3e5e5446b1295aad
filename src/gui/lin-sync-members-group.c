/* lin-sync-members-group.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences › Organisation, on the coordinator's laptop only: the
 * approved devices, each with its label and when it enrolled, hers marked
 * "This laptop". Revoke… on any other one asks first, saying what it
 * means: the server refuses that laptop from then on, what it already has
 * stays on it, and what is saved from then on gets a new key that only
 * the remaining laptops take (LinSync rotates and seals it). The row goes
 * once the server and the new key are done. What it shares with the list
 * of devices waiting is LinSyncDeviceList's.
 */

#define G_LOG_DOMAIN "lin-sync-members-group"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-sync-members-group.h"

struct _LinSyncMembersGroup
{
  LinSyncDeviceList parent_instance;
};

G_DEFINE_FINAL_TYPE (LinSyncMembersGroup, lin_sync_members_group, LIN_TYPE_SYNC_DEVICE_LIST)

#define LIST(self) LIN_SYNC_DEVICE_LIST (self)

static gboolean
is_own (LinSyncMembersGroup *self,
        const LinSyncDevice *device)
{
  LinSync *sync = lin_sync_device_list_get_sync (LIST (self));

  return sync != NULL &&
         g_strcmp0 (device->device_id,
                    lin_record_get_string (lin_sync_get_account (sync), LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID)) == 0;
}

static void
set_row_revoking (GtkWidget *row,
                  gboolean   revoking)
{
  GtkWidget *spinner = g_object_get_data (G_OBJECT (row), "lin-spinner");

  gtk_widget_set_sensitive (g_object_get_data (G_OBJECT (row), "lin-button"), !revoking);
  gtk_widget_set_visible (spinner, revoking);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), revoking);
}

typedef struct
{
  LinSyncMembersGroup *self;
  char                *device_id;
  char                *name;
} Revocation;

static void
revocation_free (Revocation *revocation)
{
  g_object_unref (revocation->self);
  g_free (revocation->device_id);
  g_free (revocation->name);
  g_free (revocation);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Revocation, revocation_free)

static void
revoke_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Revocation) revocation = user_data;
  LinSyncMembersGroup *self = revocation->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint i;

  if (!lin_sync_revoke_finish (LIN_SYNC (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  lin_sync_device_list_set_acting (LIST (self), FALSE);
  if (error != NULL)
    {
      g_debug ("Not revoked (%s, %d)", g_quark_to_string (error->domain), error->code);
      lin_sync_device_list_show_error (LIST (self), error);
      if (lin_sync_device_list_find (LIST (self), revocation->device_id, &i))
        set_row_revoking (lin_sync_device_list_get_row (LIST (self), i), FALSE);
      return;
    }

  if (lin_sync_device_list_find (LIST (self), revocation->device_id, &i))
    lin_sync_device_list_remove (LIST (self), i);
  /* Translators: a toast: %s is the label a device enrolled with */
  title = g_strdup_printf (_("“%s” is revoked"), revocation->name);
  lin_sync_device_list_toast (LIST (self), title);
}

static void
dialog_response_cb (LinSyncMembersGroup *self,
                    const char          *response,
                    AdwMessageDialog    *dialog)
{
  const char *device_id = g_object_get_data (G_OBJECT (dialog), "lin-device-id");
  LinSync *sync = lin_sync_device_list_get_sync (LIST (self));
  Revocation *revocation;
  guint i;

  if (!g_str_equal (response, "revoke") || sync == NULL ||
      lin_context_get_locked (lin_sync_device_list_get_context (LIST (self))) ||
      !lin_sync_device_list_find (LIST (self), device_id, &i))
    return;

  revocation = g_new0 (Revocation, 1);
  revocation->self = g_object_ref (self);
  revocation->device_id = g_strdup (device_id);
  revocation->name = g_strdup (lin_sync_device_list_get_device (LIST (self), i)->name);
  set_row_revoking (lin_sync_device_list_get_row (LIST (self), i), TRUE);
  lin_sync_device_list_show_error (LIST (self), NULL);
  lin_sync_device_list_set_acting (LIST (self), TRUE);
  lin_sync_revoke_async (sync, device_id, lin_sync_device_list_get_cancellable (LIST (self)), revoke_cb, revocation);
}

static void
revoke_clicked_cb (LinSyncMembersGroup *self,
                   GtkButton           *button)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  LinSyncDevice *device;
  GtkWidget *dialog;
  guint i;

  if (!lin_sync_device_list_find_row (LIST (self), g_object_get_data (G_OBJECT (button), "lin-row"), &i) ||
      lin_context_get_locked (lin_sync_device_list_get_context (LIST (self))))
    return;

  device = lin_sync_device_list_get_device (LIST (self), i);
  /* Translators: %s is the label a device enrolled with, e.g. "Office laptop 2" */
  heading = g_strdup_printf (_("Revoke “%s”?"), device->name != NULL ? device->name : "");
  /* Translators: %s is the label a device enrolled with */
  body = g_strdup_printf (_("“%s” will no longer sync. What it already has stays on it, encrypted with its profile’s passphrase. Everything saved from now on gets a new key it will never have. The other devices take the new key on their next sync."),
                          device->name != NULL ? device->name : "");
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  gtk_widget_set_name (dialog, "revoke-dialog");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "lin-device-id", g_strdup (device->device_id), g_free);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    /* Translators: the button that shuts a device out of the organisation */
                                    "revoke", C_("device", "_Revoke"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revoke", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (dialog_response_cb), self, G_CONNECT_SWAPPED);
  lin_sync_device_list_set_dialog (LIST (self), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides */

static GtkWidget *
lin_sync_members_group_make_row (LinSyncDeviceList *list,
                                 LinSyncDevice     *device)
{
  LinSyncMembersGroup *self = LIN_SYNC_MEMBERS_GROUP (list);
  g_autofree char *subtitle = lin_sync_device_dup_enrolled (device);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), device->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (is_own (self, device))
    {
      /* Translators: Preferences › Organisation › Approved Devices: the coordinator's own, which she cannot revoke */
      GtkWidget *label = gtk_label_new (_("This laptop"));

      gtk_widget_set_name (row, "own-device-row");
      gtk_widget_set_name (label, "own-device-label");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else
    {
      GtkWidget *spinner = gtk_spinner_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Revoke…"));

      gtk_widget_set_name (row, "member-row");
      gtk_widget_set_visible (spinner, FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spinner);
      gtk_widget_set_name (button, "revoke-button");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, row, NULL, -1);
      g_object_set_data (G_OBJECT (button), "lin-row", row);
      g_object_set_data (G_OBJECT (row), "lin-button", button);
      g_object_set_data (G_OBJECT (row), "lin-spinner", spinner);
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (revoke_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  return row;
}

static void
lin_sync_members_group_class_init (LinSyncMembersGroupClass *klass)
{
  LinSyncDeviceListClass *list_class = LIN_SYNC_DEVICE_LIST_CLASS (klass);

  list_class->list_async = lin_sync_list_approved_async;
  list_class->make_row = lin_sync_members_group_make_row;
  /* a revocation spins in its own row */
  list_class->header_spins_for_actions = FALSE;
}

static void
lin_sync_members_group_init (LinSyncMembersGroup *self)
{
  gtk_widget_set_name (GTK_WIDGET (self), "members-group");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Approved Devices"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("A laptop that is lost, stolen or no longer the organisation’s: revoke it, and it can no longer sync."));
  lin_sync_device_list_add_header (LIST (self), "members-refresh-button", "members-error");
}

GtkWidget *
lin_sync_members_group_new (LinContext *context)
{
  g_return_val_if_fail (LIN_IS_CONTEXT (context), NULL);

  return g_object_new (LIN_TYPE_SYNC_MEMBERS_GROUP,
                       "context", context,
                       NULL);
}

/**
 * lin_sync_members_group_revoke:
 * @self: a #LinSyncMembersGroup
 * @position: an approved device's place in the list
 *
 * As if she pressed its Revoke… button.
 *
 * Returns: (transfer none) (nullable): the #AdwMessageDialog that asks,
 *   or %NULL for her own laptop (it has no Revoke…)
 */
GtkWidget *
lin_sync_members_group_revoke (LinSyncMembersGroup *self,
                               guint                position)
{
  g_return_val_if_fail (LIN_IS_SYNC_MEMBERS_GROUP (self), NULL);

  return lin_sync_device_list_press (LIST (self), position);
}
