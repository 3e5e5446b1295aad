/* lin-sync-devices-group.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences › Organisation, on the coordinator's laptop only: the
 * devices that enrolled with an invite and wait for her approval, each
 * with its label and when it enrolled. Approve… asks her to type the
 * safety number the device shows (LinSyncApproveDialog); only then does
 * LinSync approve it, and the row goes. What it shares with the list of
 * approved devices is LinSyncDeviceList's.
 */

#define G_LOG_DOMAIN "lin-sync-devices-group"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-sync-approve-dialog.h"
#include "lin-sync-devices-group.h"

struct _LinSyncDevicesGroup
{
  LinSyncDeviceList  parent_instance;

  /* Borrowed */
  GtkWidget         *empty_row;
};

G_DEFINE_FINAL_TYPE (LinSyncDevicesGroup, lin_sync_devices_group, LIN_TYPE_SYNC_DEVICE_LIST)

enum {
  APPROVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define LIST(self) LIN_SYNC_DEVICE_LIST (self)

/* A refresh may replace the rows meanwhile: the device is found again by
 * its id when the server answers */
typedef struct
{
  LinSyncDevicesGroup *self;
  char                *device_id;
  char                *name;
  GtkWidget           *button;
} Approval;

static void
approval_free (Approval *approval)
{
  g_object_unref (approval->self);
  g_object_unref (approval->button);
  g_free (approval->device_id);
  g_free (approval->name);
  g_free (approval);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Approval, approval_free)

static void
approve_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Approval) approval = user_data;
  LinSyncDevicesGroup *self = approval->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint i;

  if (!lin_sync_approve_finish (LIN_SYNC (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  lin_sync_device_list_set_acting (LIST (self), FALSE);
  gtk_widget_set_sensitive (approval->button, TRUE);

  if (error != NULL)
    {
      g_debug ("Not approved (%s, %d)", g_quark_to_string (error->domain), error->code);
      lin_sync_device_list_show_error (LIST (self), error);
      return;
    }

  /* Translators: %s is the label a device enrolled with */
  title = g_strdup_printf (_("“%s” is approved"), approval->name);
  lin_sync_device_list_toast (LIST (self), title);
  if (lin_sync_device_list_find (LIST (self), approval->device_id, &i))
    lin_sync_device_list_remove (LIST (self), i);
  g_signal_emit (self, signals[APPROVED], 0);
}

static void
dialog_response_cb (LinSyncDevicesGroup  *self,
                    const char           *response,
                    LinSyncApproveDialog *dialog)
{
  const LinSyncDevice *chosen = lin_sync_approve_dialog_get_device (dialog);
  LinSync *sync = lin_sync_device_list_get_sync (LIST (self));
  LinSyncDevice *device;
  Approval *approval;
  GtkWidget *button;
  guint i;

  if (!g_str_equal (response, "approve") || !lin_sync_approve_dialog_get_match (dialog) || sync == NULL ||
      !lin_sync_device_list_find (LIST (self), chosen->device_id, &i))
    return;

  device = lin_sync_device_list_get_device (LIST (self), i);
  button = g_object_get_data (G_OBJECT (lin_sync_device_list_get_row (LIST (self), i)), "lin-button");
  approval = g_new0 (Approval, 1);
  approval->self = g_object_ref (self);
  approval->device_id = g_strdup (device->device_id);
  approval->name = g_strdup (device->name);
  approval->button = g_object_ref (button);
  gtk_widget_set_sensitive (button, FALSE);
  lin_sync_device_list_show_error (LIST (self), NULL);
  lin_sync_device_list_set_acting (LIST (self), TRUE);
  lin_sync_approve_async (sync, device, lin_sync_device_list_get_cancellable (LIST (self)), approve_cb, approval);
}

static void
approve_clicked_cb (LinSyncDevicesGroup *self,
                    GtkButton           *button)
{
  LinContext *context = lin_sync_device_list_get_context (LIST (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  guint i;

  if (!lin_sync_device_list_find_row (LIST (self), g_object_get_data (G_OBJECT (button), "lin-row"), &i) ||
      lin_context_get_locked (context))
    return;

  dialog = lin_sync_approve_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, context,
                                        lin_sync_device_list_get_device (LIST (self), i));
  g_signal_connect_object (dialog, "response", G_CALLBACK (dialog_response_cb), self, G_CONNECT_SWAPPED);
  lin_sync_device_list_set_dialog (LIST (self), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides */

static GtkWidget *
lin_sync_devices_group_make_row (LinSyncDeviceList *list,
                                 LinSyncDevice     *device)
{
  g_autofree char *subtitle = lin_sync_device_dup_enrolled (device);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  gtk_widget_set_name (row, "pending-row");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), device->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button = gtk_button_new_with_mnemonic (_("_Approve…"));
  gtk_widget_set_name (button, "approve-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, row, NULL, -1);
  g_object_set_data (G_OBJECT (button), "lin-row", row);
  g_object_set_data (G_OBJECT (row), "lin-button", button);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (approve_clicked_cb), list);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
lin_sync_devices_group_rows_changed (LinSyncDeviceList *list)
{
  LinSyncDevicesGroup *self = LIN_SYNC_DEVICES_GROUP (list);

  gtk_widget_set_visible (self->empty_row, lin_sync_device_list_get_n_devices (list) == 0);
}

static void
lin_sync_devices_group_class_init (LinSyncDevicesGroupClass *klass)
{
  LinSyncDeviceListClass *list_class = LIN_SYNC_DEVICE_LIST_CLASS (klass);

  list_class->list_async = lin_sync_list_pending_async;
  list_class->make_row = lin_sync_devices_group_make_row;
  list_class->rows_changed = lin_sync_devices_group_rows_changed;
  /* an approval has no spinner of its own */
  list_class->header_spins_for_actions = TRUE;

  /**
   * LinSyncDevicesGroup::approved:
   *
   * A device was approved: the list of approved ones changed.
   */
  signals[APPROVED] =
    g_signal_new ("approved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
lin_sync_devices_group_init (LinSyncDevicesGroup *self)
{
  gtk_widget_set_name (GTK_WIDGET (self), "devices-group");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Devices Waiting for Approval"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Approve a device only after its safety number, read to you by phone or in person, matches."));
  lin_sync_device_list_add_header (LIST (self), "refresh-button", "devices-error");

  self->empty_row = adw_action_row_new ();
  gtk_widget_set_name (self->empty_row, "devices-empty");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _("No device is waiting"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->empty_row),
                               _("A device that joins with an invite code appears here."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->empty_row);
}

GtkWidget *
lin_sync_devices_group_new (LinContext *context)
{
  g_return_val_if_fail (LIN_IS_CONTEXT (context), NULL);

  return g_object_new (LIN_TYPE_SYNC_DEVICES_GROUP,
                       "context", context,
                       NULL);
}

/**
 * lin_sync_devices_group_approve:
 * @self: a #LinSyncDevicesGroup
 * @position: a waiting device's place in the list
 *
 * As if she pressed its Approve… button.
 *
 * Returns: (transfer none) (nullable): the #LinSyncApproveDialog
 */
GtkWidget *
lin_sync_devices_group_approve (LinSyncDevicesGroup *self,
                                guint                position)
{
  g_return_val_if_fail (LIN_IS_SYNC_DEVICES_GROUP (self), NULL);

  return lin_sync_device_list_press (LIST (self), position);
}
