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
 * LinSync approve it, and the row goes.
 */

#define G_LOG_DOMAIN "lin-sync-devices-group"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-sync-approve-dialog.h"
#include "lin-sync-devices-group.h"

struct _LinSyncDevicesGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Owned */
  LinContext          *context;
  LinSync             *sync;
  GPtrArray           *devices;     /* LinSyncDevice, as the rows */
  GPtrArray           *rows;        /* GtkWidget, borrowed from the group */
  GCancellable        *cancellable;

  /* Borrowed */
  GtkWidget           *refresh_button;
  GtkSpinner          *spinner;
  GtkWidget           *empty_row;
  GtkLabel            *error_label;
  GtkWidget           *dialog;      /* while open */

  guint                n_busy;
};

G_DEFINE_FINAL_TYPE (LinSyncDevicesGroup, lin_sync_devices_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  APPROVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (LinSyncDevicesGroup *self,
          gboolean             busy)
{
  gboolean was = self->n_busy > 0;

  if (busy)
    self->n_busy++;
  else if (self->n_busy > 0)
    self->n_busy--;

  gtk_spinner_set_spinning (self->spinner, self->n_busy > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->n_busy > 0);
  if (was != (self->n_busy > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (LinSyncDevicesGroup *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/**
 * lin_sync_describe_error:
 * @error: what a request to the server ended with
 *
 * Returns: (transfer none): it in words, for the coordinator's lists
 */
const char *
lin_sync_describe_error (const GError *error)
{
  if (g_error_matches (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_NETWORK))
    return _("No answer from the server. Check the network and try again.");
  if (g_error_matches (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_BAD_CODE) ||
      g_error_matches (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_WRONG_ORG))
    return _("The server refused this device’s request. Tell whoever runs the server.");

  return _("The server could not do it just now. Try again later.");
}

/**
 * lin_sync_device_dup_enrolled:
 * @device: a device
 *
 * Returns: (transfer full): "Enrolled" and when, under its label
 */
char *
lin_sync_device_dup_enrolled (const LinSyncDevice *device)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (device->enrolled);
  /* Translators: a date and time, as in “29.11.2026. 10:15” */
  g_autofree char *date = when != NULL ? g_date_time_format (when, _("%d.%m.%Y. %H:%M")) : g_strdup ("");

  /* Translators: under a device's label: %s is a date and time */
  return g_strdup_printf (_("Enrolled %s"), date);
}

/**
 * lin_sync_group_add_header:
 * @group: the coordinator's list of devices
 * @refresh_name: the widget name of its Refresh button
 * @error_name: the widget name of its error label
 * @spinner: (out): the spinner beside Refresh, hidden
 * @error_label: (out): the label for what went wrong, first in the group, hidden
 *
 * Returns: (transfer none): the Refresh button
 */
GtkWidget *
lin_sync_group_add_header (AdwPreferencesGroup  *group,
                           const char           *refresh_name,
                           const char           *error_name,
                           GtkSpinner          **spinner,
                           GtkLabel            **error_label)
{
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *refresh = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  *spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (*spinner), FALSE);
  gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (*spinner));
  gtk_widget_set_name (refresh, refresh_name);
  gtk_widget_set_valign (refresh, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (refresh, "flat");
  gtk_widget_set_tooltip_text (refresh, _("Refresh"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (refresh), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Refresh"), -1);
  gtk_box_append (GTK_BOX (suffix), refresh);
  adw_preferences_group_set_header_suffix (group, suffix);

  gtk_widget_set_name (label, error_name);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  adw_preferences_group_add (group, label);
  *error_label = GTK_LABEL (label);

  return refresh;
}

static void
clear_rows (LinSyncDevicesGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->devices, 0);
}

static void approve_clicked_cb (LinSyncDevicesGroup *self,
                                GtkButton           *button);

static void
add_row (LinSyncDevicesGroup *self,
         LinSyncDevice       *device)
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
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (approve_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  g_ptr_array_add (self->devices, device);
}

static void
update_empty (LinSyncDevicesGroup *self)
{
  gtk_widget_set_visible (self->empty_row, self->rows->len == 0);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LinSyncDevicesGroup) self = user_data;
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GError) error = NULL;

  devices = lin_sync_list_pending_finish (LIN_SYNC (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (devices == NULL)
    {
      g_debug ("Could not list the waiting devices (%s, %d)", g_quark_to_string (error->domain), error->code);
      show_error (self, lin_sync_describe_error (error));
      return;
    }

  show_error (self, NULL);
  clear_rows (self);
  /* the rows own the devices now */
  g_ptr_array_set_free_func (devices, NULL);
  for (guint i = 0; i < devices->len; i++)
    add_row (self, devices->pdata[i]);
  update_empty (self);
}

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

static void
approve_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Approval *approval = user_data;
  LinSyncDevicesGroup *self = approval->self;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  if (!lin_sync_approve_finish (LIN_SYNC (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      approval_free (approval);
      return;
    }

  set_busy (self, FALSE);
  gtk_widget_set_sensitive (approval->button, TRUE);

  if (error != NULL)
    {
      g_debug ("Not approved (%s, %d)", g_quark_to_string (error->domain), error->code);
      show_error (self, lin_sync_describe_error (error));
      approval_free (approval);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (ADW_IS_PREFERENCES_WINDOW (root))
    {
      /* Translators: %s is the label a device enrolled with */
      g_autofree char *title = g_strdup_printf (_("“%s” is approved"), approval->name);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (title));
    }

  for (guint i = 0; i < self->devices->len; i++)
    if (g_strcmp0 (((LinSyncDevice *)self->devices->pdata[i])->device_id, approval->device_id) == 0)
      {
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[i]);
        g_ptr_array_remove_index (self->rows, i);
        g_ptr_array_remove_index (self->devices, i);
        break;
      }
  update_empty (self);
  g_signal_emit (self, signals[APPROVED], 0);
  approval_free (approval);
}

static void
dialog_response_cb (LinSyncDevicesGroup  *self,
                    const char           *response,
                    LinSyncApproveDialog *dialog)
{
  const LinSyncDevice *chosen = lin_sync_approve_dialog_get_device (dialog);
  Approval *approval;

  if (!g_str_equal (response, "approve") || !lin_sync_approve_dialog_get_match (dialog) || self->sync == NULL)
    return;

  for (guint i = 0; i < self->devices->len; i++)
    {
      LinSyncDevice *device = self->devices->pdata[i];
      GtkWidget *button;

      if (g_strcmp0 (device->device_id, chosen->device_id) != 0)
        continue;

      button = g_object_get_data (G_OBJECT (self->rows->pdata[i]), "lin-button");
      approval = g_new0 (Approval, 1);
      approval->self = g_object_ref (self);
      approval->device_id = g_strdup (device->device_id);
      approval->name = g_strdup (device->name);
      approval->button = g_object_ref (button);
      gtk_widget_set_sensitive (button, FALSE);
      show_error (self, NULL);
      set_busy (self, TRUE);
      lin_sync_approve_async (self->sync, device, self->cancellable, approve_cb, approval);
      return;
    }
}

static void
approve_clicked_cb (LinSyncDevicesGroup *self,
                    GtkButton           *button)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "lin-row");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  guint i;

  if (!g_ptr_array_find (self->rows, row, &i) || lin_context_get_locked (self->context))
    return;

  dialog = lin_sync_approve_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context,
                                        self->devices->pdata[i]);
  g_signal_connect_object (dialog, "response", G_CALLBACK (dialog_response_cb), self, G_CONNECT_SWAPPED);
  g_clear_weak_pointer (&self->dialog);
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_clicked_cb (LinSyncDevicesGroup *self)
{
  lin_sync_devices_group_refresh (self);
}

static void
sync_changed_cb (LinSyncDevicesGroup *self)
{
  LinSync *sync = lin_context_get_sync (self->context);
  gboolean coordinator = sync != NULL && lin_sync_is_coordinator (sync);

  if (sync != self->sync)
    {
      /* what was asked of the old one is not this one's */
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      if (self->n_busy > 0)
        {
          self->n_busy = 0;
          set_busy (self, FALSE);
        }
      clear_rows (self);
      show_error (self, NULL);
      update_empty (self);
      g_set_object (&self->sync, sync);
    }

  /* the coordinator's alone, and nothing while locked */
  gtk_widget_set_visible (GTK_WIDGET (self), coordinator && !lin_context_get_locked (self->context));
  if (coordinator && self->rows->len == 0 && self->n_busy == 0)
    lin_sync_devices_group_refresh (self);
}

static void
lin_sync_devices_group_constructed (GObject *object)
{
  LinSyncDevicesGroup *self = (LinSyncDevicesGroup *)object;

  G_OBJECT_CLASS (lin_sync_devices_group_parent_class)->constructed (object);

  g_assert (LIN_IS_CONTEXT (self->context));

  g_signal_connect_object (self->context, "notify::sync", G_CALLBACK (sync_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::locked", G_CALLBACK (sync_changed_cb), self, G_CONNECT_SWAPPED);
  sync_changed_cb (self);
}

static void
lin_sync_devices_group_dispose (GObject *object)
{
  LinSyncDevicesGroup *self = (LinSyncDevicesGroup *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->dialog);
  g_clear_object (&self->sync);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lin_sync_devices_group_parent_class)->dispose (object);
}

static void
lin_sync_devices_group_finalize (GObject *object)
{
  LinSyncDevicesGroup *self = (LinSyncDevicesGroup *)object;

  g_clear_pointer (&self->devices, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lin_sync_devices_group_parent_class)->finalize (object);
}

static void
lin_sync_devices_group_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LinSyncDevicesGroup *self = LIN_SYNC_DEVICES_GROUP (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, lin_sync_devices_group_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_sync_devices_group_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LinSyncDevicesGroup *self = LIN_SYNC_DEVICES_GROUP (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_sync_devices_group_class_init (LinSyncDevicesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lin_sync_devices_group_constructed;
  object_class->dispose = lin_sync_devices_group_dispose;
  object_class->finalize = lin_sync_devices_group_finalize;
  object_class->get_property = lin_sync_devices_group_get_property;
  object_class->set_property = lin_sync_devices_group_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LIN_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  self->devices = g_ptr_array_new_with_free_func ((GDestroyNotify)lin_sync_device_free);
  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  gtk_widget_set_name (GTK_WIDGET (self), "devices-group");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Devices Waiting for Approval"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Approve a device only after its safety number, read to you by phone or in person, matches."));

  self->refresh_button = lin_sync_group_add_header (ADW_PREFERENCES_GROUP (self), "refresh-button", "devices-error",
                                                    &self->spinner, &self->error_label);
  g_signal_connect_swapped (self->refresh_button, "clicked", G_CALLBACK (refresh_clicked_cb), self);

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
 * lin_sync_devices_group_refresh:
 * @self: a #LinSyncDevicesGroup
 *
 * Asks the server for the devices waiting; the rows change when it
 * answers.
 */
void
lin_sync_devices_group_refresh (LinSyncDevicesGroup *self)
{
  g_return_if_fail (LIN_IS_SYNC_DEVICES_GROUP (self));

  if (self->sync == NULL || !lin_sync_is_coordinator (self->sync))
    return;

  set_busy (self, TRUE);
  lin_sync_list_pending_async (self->sync, self->cancellable, list_cb, g_object_ref (self));
}

gboolean
lin_sync_devices_group_get_busy (LinSyncDevicesGroup *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_DEVICES_GROUP (self), FALSE);

  return self->n_busy > 0;
}

guint
lin_sync_devices_group_get_n_devices (LinSyncDevicesGroup *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_DEVICES_GROUP (self), 0);

  return self->devices->len;
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
  GtkWidget *button;

  g_return_val_if_fail (LIN_IS_SYNC_DEVICES_GROUP (self), NULL);

  if (position >= self->rows->len)
    return NULL;

  button = g_object_get_data (G_OBJECT (self->rows->pdata[position]), "lin-button");
  g_signal_emit_by_name (button, "clicked");

  return self->dialog;
}
