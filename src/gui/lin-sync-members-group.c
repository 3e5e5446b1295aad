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
 * once the server and the new key are done.
 */

#define G_LOG_DOMAIN "lin-sync-members-group"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-sync-devices-group.h"
#include "lin-sync-members-group.h"

struct _LinSyncMembersGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Owned */
  LinContext          *context;
  LinSync             *sync;
  GPtrArray           *devices;     /* LinSyncDevice, as the rows */
  GPtrArray           *rows;        /* GtkWidget, borrowed from the group */
  GCancellable        *cancellable;

  /* Borrowed */
  GtkSpinner          *spinner;
  GtkLabel            *error_label;
  GtkWidget           *dialog;      /* while open */

  guint                n_listing;
  guint                n_revoking;
};

G_DEFINE_FINAL_TYPE (LinSyncMembersGroup, lin_sync_members_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_busy (LinSyncMembersGroup *self,
          guint               *counter,
          gboolean             busy)
{
  gboolean was = lin_sync_members_group_get_busy (self);

  if (busy)
    (*counter)++;
  else if (*counter > 0)
    (*counter)--;

  /* a revoke spins in its own row */
  gtk_spinner_set_spinning (self->spinner, self->n_listing > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->n_listing > 0);
  if (was != lin_sync_members_group_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (LinSyncMembersGroup *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
is_own (LinSyncMembersGroup *self,
        const LinSyncDevice *device)
{
  return g_strcmp0 (device->device_id,
                    lin_record_get_string (lin_sync_get_account (self->sync), LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID)) == 0;
}

static void
clear_rows (LinSyncMembersGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->devices, 0);
}

static void revoke_clicked_cb (LinSyncMembersGroup *self,
                               GtkButton           *button);

static void
add_row (LinSyncMembersGroup *self,
         LinSyncDevice       *device)
{
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

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  g_ptr_array_add (self->devices, device);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LinSyncMembersGroup) self = user_data;
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GError) error = NULL;

  devices = lin_sync_list_pending_finish (LIN_SYNC (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, &self->n_listing, FALSE);
  if (devices == NULL)
    {
      g_debug ("Could not list the approved devices (%s, %d)", g_quark_to_string (error->domain), error->code);
      show_error (self, lin_sync_describe_error (error));
      return;
    }

  /* a revoke under way keeps its row as it is */
  if (self->n_revoking > 0)
    return;

  show_error (self, NULL);
  clear_rows (self);
  g_ptr_array_set_free_func (devices, NULL);
  for (guint i = 0; i < devices->len; i++)
    add_row (self, devices->pdata[i]);
}

static gboolean
find_device (LinSyncMembersGroup *self,
             const char          *device_id,
             guint               *position)
{
  for (guint i = 0; i < self->devices->len; i++)
    if (g_strcmp0 (((LinSyncDevice *)self->devices->pdata[i])->device_id, device_id) == 0)
      {
        *position = i;
        return TRUE;
      }

  return FALSE;
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
  GtkRoot *root;
  guint i;

  if (!lin_sync_revoke_finish (LIN_SYNC (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, &self->n_revoking, FALSE);
  if (error != NULL)
    {
      g_debug ("Not revoked (%s, %d)", g_quark_to_string (error->domain), error->code);
      show_error (self, lin_sync_describe_error (error));
      if (find_device (self, revocation->device_id, &i))
        set_row_revoking (self->rows->pdata[i], FALSE);
      return;
    }

  if (find_device (self, revocation->device_id, &i))
    {
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->rows->pdata[i]);
      g_ptr_array_remove_index (self->rows, i);
      g_ptr_array_remove_index (self->devices, i);
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (ADW_IS_PREFERENCES_WINDOW (root))
    {
      /* Translators: a toast: %s is the label a device enrolled with */
      g_autofree char *title = g_strdup_printf (_("“%s” is revoked"), revocation->name);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (title));
    }
}

static void
dialog_response_cb (LinSyncMembersGroup *self,
                    const char          *response,
                    AdwMessageDialog    *dialog)
{
  const char *device_id = g_object_get_data (G_OBJECT (dialog), "lin-device-id");
  Revocation *revocation;
  guint i;

  if (!g_str_equal (response, "revoke") || self->sync == NULL || lin_context_get_locked (self->context) ||
      !find_device (self, device_id, &i))
    return;

  revocation = g_new0 (Revocation, 1);
  revocation->self = g_object_ref (self);
  revocation->device_id = g_strdup (device_id);
  revocation->name = g_strdup (((LinSyncDevice *)self->devices->pdata[i])->name);
  set_row_revoking (self->rows->pdata[i], TRUE);
  show_error (self, NULL);
  set_busy (self, &self->n_revoking, TRUE);
  lin_sync_revoke_async (self->sync, device_id, self->cancellable, revoke_cb, revocation);
}

static void
revoke_clicked_cb (LinSyncMembersGroup *self,
                   GtkButton           *button)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "lin-row");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  LinSyncDevice *device;
  GtkWidget *dialog;
  guint i;

  if (!g_ptr_array_find (self->rows, row, &i) || lin_context_get_locked (self->context))
    return;

  device = self->devices->pdata[i];
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
  g_clear_weak_pointer (&self->dialog);
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_clicked_cb (LinSyncMembersGroup *self)
{
  lin_sync_members_group_refresh (self);
}

static void
sync_changed_cb (LinSyncMembersGroup *self)
{
  LinSync *sync = lin_context_get_sync (self->context);
  gboolean locked = lin_context_get_locked (self->context);
  gboolean coordinator = sync != NULL && lin_sync_is_coordinator (sync);

  /* nothing of hers stays open on a locked screen */
  if (locked && self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));

  if (sync != self->sync)
    {
      gboolean was = lin_sync_members_group_get_busy (self);

      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      self->n_listing = self->n_revoking = 0;
      gtk_spinner_set_spinning (self->spinner, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
      if (was)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      clear_rows (self);
      show_error (self, NULL);
      g_set_object (&self->sync, sync);
    }

  gtk_widget_set_visible (GTK_WIDGET (self), coordinator && !locked);
  if (coordinator && self->rows->len == 0 && !lin_sync_members_group_get_busy (self))
    lin_sync_members_group_refresh (self);
}

static void
lin_sync_members_group_constructed (GObject *object)
{
  LinSyncMembersGroup *self = (LinSyncMembersGroup *)object;

  G_OBJECT_CLASS (lin_sync_members_group_parent_class)->constructed (object);

  g_assert (LIN_IS_CONTEXT (self->context));

  g_signal_connect_object (self->context, "notify::sync", G_CALLBACK (sync_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::locked", G_CALLBACK (sync_changed_cb), self, G_CONNECT_SWAPPED);
  sync_changed_cb (self);
}

static void
lin_sync_members_group_dispose (GObject *object)
{
  LinSyncMembersGroup *self = (LinSyncMembersGroup *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->dialog);
  g_clear_object (&self->sync);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lin_sync_members_group_parent_class)->dispose (object);
}

static void
lin_sync_members_group_finalize (GObject *object)
{
  LinSyncMembersGroup *self = (LinSyncMembersGroup *)object;

  g_clear_pointer (&self->devices, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lin_sync_members_group_parent_class)->finalize (object);
}

static void
lin_sync_members_group_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LinSyncMembersGroup *self = LIN_SYNC_MEMBERS_GROUP (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, lin_sync_members_group_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_sync_members_group_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LinSyncMembersGroup *self = LIN_SYNC_MEMBERS_GROUP (object);

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
lin_sync_members_group_class_init (LinSyncMembersGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lin_sync_members_group_constructed;
  object_class->dispose = lin_sync_members_group_dispose;
  object_class->finalize = lin_sync_members_group_finalize;
  object_class->get_property = lin_sync_members_group_get_property;
  object_class->set_property = lin_sync_members_group_set_property;

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
lin_sync_members_group_init (LinSyncMembersGroup *self)
{
  GtkWidget *refresh;

  self->devices = g_ptr_array_new_with_free_func ((GDestroyNotify)lin_sync_device_free);
  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();

  gtk_widget_set_name (GTK_WIDGET (self), "members-group");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Approved Devices"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("A laptop that is lost, stolen or no longer the organisation’s: revoke it, and it can no longer sync."));

  refresh = lin_sync_group_add_header (ADW_PREFERENCES_GROUP (self), "members-refresh-button", "members-error",
                                       &self->spinner, &self->error_label);
  g_signal_connect_swapped (refresh, "clicked", G_CALLBACK (refresh_clicked_cb), self);
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
 * lin_sync_members_group_refresh:
 * @self: a #LinSyncMembersGroup
 *
 * Asks the server for the approved devices; the rows change when it
 * answers.
 */
void
lin_sync_members_group_refresh (LinSyncMembersGroup *self)
{
  g_return_if_fail (LIN_IS_SYNC_MEMBERS_GROUP (self));

  if (self->sync == NULL || !lin_sync_is_coordinator (self->sync))
    return;

  set_busy (self, &self->n_listing, TRUE);
  lin_sync_list_approved_async (self->sync, self->cancellable, list_cb, g_object_ref (self));
}

gboolean
lin_sync_members_group_get_busy (LinSyncMembersGroup *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_MEMBERS_GROUP (self), FALSE);

  return self->n_listing + self->n_revoking > 0;
}

guint
lin_sync_members_group_get_n_devices (LinSyncMembersGroup *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_MEMBERS_GROUP (self), 0);

  return self->devices->len;
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
  GtkWidget *button;

  g_return_val_if_fail (LIN_IS_SYNC_MEMBERS_GROUP (self), NULL);

  if (position >= self->rows->len)
    return NULL;

  button = g_object_get_data (G_OBJECT (self->rows->pdata[position]), "lin-button");
  if (button == NULL)
    return NULL;
  g_signal_emit_by_name (button, "clicked");

  return self->dialog;
}
