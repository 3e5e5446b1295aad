/* lin-sync-device-list.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the coordinator's two lists of devices in Preferences › Organisation
 * share (LinSyncDevicesGroup: waiting for approval; LinSyncMembersGroup:
 * approved): shown on her laptop alone and never while locked; the list
 * asked of the server when sync comes and on Refresh, with a spinner and
 * what went wrong in words; a row per device, whose button the subclass
 * makes; a dialog closed at the lock; what was asked of an old LinSync
 * dropped when the context's changes.
 */

#define G_LOG_DOMAIN "lin-sync-device-list"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-sync-device-list.h"

typedef struct
{
  /* Owned */
  LinContext   *context;
  LinSync      *sync;
  GPtrArray    *devices;     /* LinSyncDevice, as the rows */
  GPtrArray    *rows;        /* GtkWidget, borrowed from the group */
  GCancellable *cancellable;

  /* Borrowed */
  GtkSpinner   *spinner;
  GtkLabel     *error_label;
  GtkWidget    *dialog;      /* while open */

  guint         n_listing;
  guint         n_acting;
} LinSyncDeviceListPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LinSyncDeviceList, lin_sync_device_list, ADW_TYPE_PREFERENCES_GROUP)

#define PRIV(self) ((LinSyncDeviceListPrivate *)lin_sync_device_list_get_instance_private (self))

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Words */

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

/* Helpers */

static void
update_spinner (LinSyncDeviceList *self)
{
  LinSyncDeviceListPrivate *priv = PRIV (self);
  gboolean spinning = priv->n_listing > 0 ||
                      (LIN_SYNC_DEVICE_LIST_GET_CLASS (self)->header_spins_for_actions && priv->n_acting > 0);

  if (priv->spinner == NULL)
    return;
  gtk_spinner_set_spinning (priv->spinner, spinning);
  gtk_widget_set_visible (GTK_WIDGET (priv->spinner), spinning);
}

static void
set_busy (LinSyncDeviceList *self,
          guint             *counter,
          gboolean           busy)
{
  gboolean was = lin_sync_device_list_get_busy (self);

  if (busy)
    (*counter)++;
  else if (*counter > 0)
    (*counter)--;

  update_spinner (self);
  if (was != lin_sync_device_list_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_message (LinSyncDeviceList *self,
              const char        *message)
{
  LinSyncDeviceListPrivate *priv = PRIV (self);

  if (priv->error_label == NULL)
    return;
  gtk_label_set_text (priv->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), message != NULL);
}

static void
rows_changed (LinSyncDeviceList *self)
{
  if (LIN_SYNC_DEVICE_LIST_GET_CLASS (self)->rows_changed != NULL)
    LIN_SYNC_DEVICE_LIST_GET_CLASS (self)->rows_changed (self);
}

static void
clear_rows (LinSyncDeviceList *self)
{
  LinSyncDeviceListPrivate *priv = PRIV (self);

  for (guint i = 0; i < priv->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), priv->rows->pdata[i]);
  g_ptr_array_set_size (priv->rows, 0);
  g_ptr_array_set_size (priv->devices, 0);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LinSyncDeviceList) self = user_data;
  LinSyncDeviceListPrivate *priv = PRIV (self);
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GError) error = NULL;

  devices = lin_sync_list_pending_finish (LIN_SYNC (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, &priv->n_listing, FALSE);
  if (devices == NULL)
    {
      g_debug ("Could not list the devices (%s, %d)", g_quark_to_string (error->domain), error->code);
      lin_sync_device_list_show_error (self, error);
      return;
    }

  /* an action under way keeps its row as it is */
  if (priv->n_acting > 0)
    return;

  show_message (self, NULL);
  clear_rows (self);
  /* the rows own the devices now */
  g_ptr_array_set_free_func (devices, NULL);
  for (guint i = 0; i < devices->len; i++)
    {
      LinSyncDevice *device = devices->pdata[i];
      GtkWidget *row = LIN_SYNC_DEVICE_LIST_GET_CLASS (self)->make_row (self, device);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (priv->rows, row);
      g_ptr_array_add (priv->devices, device);
    }
  rows_changed (self);
}

/* Callbacks */

static void
refresh_clicked_cb (LinSyncDeviceList *self)
{
  lin_sync_device_list_refresh (self);
}

static void
sync_changed_cb (LinSyncDeviceList *self)
{
  LinSyncDeviceListPrivate *priv = PRIV (self);
  LinSync *sync = lin_context_get_sync (priv->context);
  gboolean locked = lin_context_get_locked (priv->context);
  gboolean coordinator = sync != NULL && lin_sync_is_coordinator (sync);

  /* nothing of hers stays open on a locked screen */
  if (locked && priv->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (priv->dialog));

  if (sync != priv->sync)
    {
      gboolean was = lin_sync_device_list_get_busy (self);

      /* what was asked of the old one is not this one's */
      g_cancellable_cancel (priv->cancellable);
      g_clear_object (&priv->cancellable);
      priv->cancellable = g_cancellable_new ();
      priv->n_listing = priv->n_acting = 0;
      update_spinner (self);
      if (was)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      clear_rows (self);
      show_message (self, NULL);
      rows_changed (self);
      g_set_object (&priv->sync, sync);
    }

  /* the coordinator's alone, and nothing while locked */
  gtk_widget_set_visible (GTK_WIDGET (self), coordinator && !locked);
  if (coordinator && priv->rows->len == 0 && !lin_sync_device_list_get_busy (self))
    lin_sync_device_list_refresh (self);
}

/* Overrides */

static void
lin_sync_device_list_constructed (GObject *object)
{
  LinSyncDeviceList *self = (LinSyncDeviceList *)object;
  LinSyncDeviceListPrivate *priv = PRIV (self);

  G_OBJECT_CLASS (lin_sync_device_list_parent_class)->constructed (object);

  g_assert (LIN_IS_CONTEXT (priv->context));

  g_signal_connect_object (priv->context, "notify::sync", G_CALLBACK (sync_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->context, "notify::locked", G_CALLBACK (sync_changed_cb), self, G_CONNECT_SWAPPED);
  sync_changed_cb (self);
}

static void
lin_sync_device_list_dispose (GObject *object)
{
  LinSyncDeviceListPrivate *priv = PRIV (LIN_SYNC_DEVICE_LIST (object));

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  g_clear_weak_pointer (&priv->dialog);
  g_clear_object (&priv->sync);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (lin_sync_device_list_parent_class)->dispose (object);
}

static void
lin_sync_device_list_finalize (GObject *object)
{
  LinSyncDeviceListPrivate *priv = PRIV (LIN_SYNC_DEVICE_LIST (object));

  g_clear_pointer (&priv->devices, g_ptr_array_unref);
  g_clear_pointer (&priv->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lin_sync_device_list_parent_class)->finalize (object);
}

static void
lin_sync_device_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LinSyncDeviceList *self = LIN_SYNC_DEVICE_LIST (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, PRIV (self)->context);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, lin_sync_device_list_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_sync_device_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LinSyncDeviceList *self = LIN_SYNC_DEVICE_LIST (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      PRIV (self)->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_sync_device_list_class_init (LinSyncDeviceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lin_sync_device_list_constructed;
  object_class->dispose = lin_sync_device_list_dispose;
  object_class->finalize = lin_sync_device_list_finalize;
  object_class->get_property = lin_sync_device_list_get_property;
  object_class->set_property = lin_sync_device_list_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LIN_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lin_sync_device_list_init (LinSyncDeviceList *self)
{
  LinSyncDeviceListPrivate *priv = PRIV (self);

  priv->devices = g_ptr_array_new_with_free_func ((GDestroyNotify)lin_sync_device_free);
  priv->rows = g_ptr_array_new ();
  priv->cancellable = g_cancellable_new ();
}

/* For the subclasses */

/**
 * lin_sync_device_list_add_header:
 * @self: a #LinSyncDeviceList, in its subclass's init
 * @refresh_name: the widget name of its Refresh button
 * @error_name: the widget name of its error label
 *
 * Refresh and a spinner beside the title, and a label for what went
 * wrong, first in the group and hidden.
 */
void
lin_sync_device_list_add_header (LinSyncDeviceList *self,
                                 const char        *refresh_name,
                                 const char        *error_name)
{
  LinSyncDeviceListPrivate *priv = PRIV (self);
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *refresh = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  priv->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (priv->spinner), FALSE);
  gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (priv->spinner));
  gtk_widget_set_name (refresh, refresh_name);
  gtk_widget_set_valign (refresh, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (refresh, "flat");
  gtk_widget_set_tooltip_text (refresh, _("Refresh"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (refresh), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Refresh"), -1);
  g_signal_connect_swapped (refresh, "clicked", G_CALLBACK (refresh_clicked_cb), self);
  gtk_box_append (GTK_BOX (suffix), refresh);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), suffix);

  gtk_widget_set_name (label, error_name);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), label);
  priv->error_label = GTK_LABEL (label);
}

/**
 * lin_sync_device_list_refresh:
 * @self: a #LinSyncDeviceList
 *
 * Asks the server for the devices; the rows change when it answers.
 */
void
lin_sync_device_list_refresh (LinSyncDeviceList *self)
{
  LinSyncDeviceListPrivate *priv;

  g_return_if_fail (LIN_IS_SYNC_DEVICE_LIST (self));

  priv = PRIV (self);
  if (priv->sync == NULL || !lin_sync_is_coordinator (priv->sync))
    return;

  set_busy (self, &priv->n_listing, TRUE);
  LIN_SYNC_DEVICE_LIST_GET_CLASS (self)->list_async (priv->sync, priv->cancellable, list_cb, g_object_ref (self));
}

gboolean
lin_sync_device_list_get_busy (LinSyncDeviceList *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_DEVICE_LIST (self), FALSE);

  return PRIV (self)->n_listing + PRIV (self)->n_acting > 0;
}

guint
lin_sync_device_list_get_n_devices (LinSyncDeviceList *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_DEVICE_LIST (self), 0);

  return PRIV (self)->devices->len;
}

LinContext *
lin_sync_device_list_get_context (LinSyncDeviceList *self)
{
  return PRIV (self)->context;
}

/**
 * lin_sync_device_list_get_sync:
 *
 * Returns: (transfer none) (nullable): the LinSync the rows came from
 */
LinSync *
lin_sync_device_list_get_sync (LinSyncDeviceList *self)
{
  return PRIV (self)->sync;
}

GCancellable *
lin_sync_device_list_get_cancellable (LinSyncDeviceList *self)
{
  return PRIV (self)->cancellable;
}

LinSyncDevice *
lin_sync_device_list_get_device (LinSyncDeviceList *self,
                                 guint              position)
{
  g_return_val_if_fail (position < PRIV (self)->devices->len, NULL);

  return PRIV (self)->devices->pdata[position];
}

GtkWidget *
lin_sync_device_list_get_row (LinSyncDeviceList *self,
                              guint              position)
{
  g_return_val_if_fail (position < PRIV (self)->rows->len, NULL);

  return PRIV (self)->rows->pdata[position];
}

/* A refresh may replace the rows while a request runs: a device is found
 * again by its id when the server answers */
gboolean
lin_sync_device_list_find (LinSyncDeviceList *self,
                           const char        *device_id,
                           guint             *position)
{
  GPtrArray *devices = PRIV (self)->devices;

  for (guint i = 0; i < devices->len; i++)
    if (g_strcmp0 (((LinSyncDevice *)devices->pdata[i])->device_id, device_id) == 0)
      {
        *position = i;
        return TRUE;
      }

  return FALSE;
}

gboolean
lin_sync_device_list_find_row (LinSyncDeviceList *self,
                               GtkWidget         *row,
                               guint             *position)
{
  return g_ptr_array_find (PRIV (self)->rows, row, position);
}

void
lin_sync_device_list_remove (LinSyncDeviceList *self,
                             guint              position)
{
  LinSyncDeviceListPrivate *priv = PRIV (self);

  g_return_if_fail (position < priv->rows->len);

  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), priv->rows->pdata[position]);
  g_ptr_array_remove_index (priv->rows, position);
  g_ptr_array_remove_index (priv->devices, position);
  rows_changed (self);
}

/* An action of a row (approve, revoke) starts or ends */
void
lin_sync_device_list_set_acting (LinSyncDeviceList *self,
                                 gboolean           acting)
{
  set_busy (self, &PRIV (self)->n_acting, acting);
}

/* What went wrong, in words; %NULL hides the label */
void
lin_sync_device_list_show_error (LinSyncDeviceList *self,
                                 const GError      *error)
{
  show_message (self, error != NULL ? lin_sync_describe_error (error) : NULL);
}

void
lin_sync_device_list_toast (LinSyncDeviceList *self,
                            const char        *title)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (title));
}

/* The dialog a row's button opened: closed at the lock */
void
lin_sync_device_list_set_dialog (LinSyncDeviceList *self,
                                 GtkWidget         *dialog)
{
  g_clear_weak_pointer (&PRIV (self)->dialog);
  g_set_weak_pointer (&PRIV (self)->dialog, dialog);
}

/**
 * lin_sync_device_list_press:
 * @self: a #LinSyncDeviceList
 * @position: a device's place in the list
 *
 * As if she pressed its row's button.
 *
 * Returns: (transfer none) (nullable): the dialog it opened; %NULL for a
 *   row without a button
 */
GtkWidget *
lin_sync_device_list_press (LinSyncDeviceList *self,
                            guint              position)
{
  LinSyncDeviceListPrivate *priv;
  GtkWidget *button;

  g_return_val_if_fail (LIN_IS_SYNC_DEVICE_LIST (self), NULL);

  priv = PRIV (self);
  if (position >= priv->rows->len)
    return NULL;

  button = g_object_get_data (G_OBJECT (priv->rows->pdata[position]), "lin-button");
  if (button == NULL)
    return NULL;
  g_signal_emit_by_name (button, "clicked");

  return priv->dialog;
}
