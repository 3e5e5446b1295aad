/* lin-context-sync.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The organisation, seen from LinContext: a profile that enrolled syncs
 * while it is unlocked (its LinSync lives from unlock to lock), and
 * enrolling starts it. The demo profile never syncs.
 */

#define G_LOG_DOMAIN "lin-context"

#include "config.h"

#include "lin-context-private.h"
#include "lin-store-sync.h"

/* Sync starts at unlock when the profile is in an organisation */
void
lin_context_start_sync (LinContext    *self,
                        LinSyncReason  reason)
{
  g_autoptr(GError) error = NULL;
  LinDeviceKeys *keys;
  LinRecord *account;

  if (self->store == NULL || self->sync != NULL || self->demo)
    return;

  account = lin_sync_find_account (self->store);
  if (account == NULL)
    return;

  keys = lin_device_keys_derive (lin_store_get_vault (self->store), &error);
  if (keys == NULL)
    {
      g_warning ("This laptop's keys for sync: %s", error->message);
      return;
    }

  self->sync = lin_sync_new (self->store, keys, account);
  lin_sync_start (self->sync, g_network_monitor_get_default ());
  lin_sync_poke (self->sync, reason);
  lin_context_notify_sync (self);
}

void
lin_context_stop_sync (LinContext *self)
{
  if (self->sync == NULL)
    return;

  lin_sync_stop (self->sync);
  g_clear_object (&self->sync);
  lin_context_notify_sync (self);
}

/**
 * lin_context_get_sync:
 * @self: a #LinContext
 *
 * Returns: (transfer none) (nullable): the profile's sync, or %NULL while
 *   locked or when it is not in an organisation
 */
LinSync *
lin_context_get_sync (LinContext *self)
{
  g_return_val_if_fail (LIN_IS_CONTEXT (self), NULL);

  return self->sync;
}

static void
enrolled_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GTask) task = data;
  LinContext *self = g_task_get_source_object (task);
  g_autoptr(LinRecord) account = NULL;
  g_autoptr(GError) error = NULL;

  account = lin_sync_enrol_finish (result, &error);
  if (account == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* the coordinator's keys are the organisation's first */
  if (self->store != NULL && g_strcmp0 (lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_ROLE),
                                        "coordinator") == 0 &&
      !lin_store_set_joined (self->store, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  lin_context_start_sync (self, LIN_SYNC_REASON_USER);
  g_task_return_boolean (task, TRUE);
}

/**
 * lin_context_enrol_async:
 * @self: an unlocked #LinContext
 * @server: the server's address, "https://…"
 * @fingerprint: (nullable): the SHA-256 of its self-signed certificate
 * @code: a founding code (the coordinator) or an invite code
 * @name: the label the coordinator will see
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Enrols this laptop (lin_sync_enrol_async()) and starts syncing: a
 * member waits for approval, which the sync fetches on its own.
 */
void
lin_context_enrol_async (LinContext          *self,
                         const char          *server,
                         const char          *fingerprint,
                         const char          *code,
                         const char          *name,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(LinDeviceKeys) keys = NULL;
  GError *error = NULL;

  g_return_if_fail (LIN_IS_CONTEXT (self));

  if (self->store == NULL || self->demo)
    {
      g_task_return_new_error (task, LIN_VAULT_ERROR, LIN_VAULT_ERROR_LOCKED, "The profile is locked");
      return;
    }
  if (self->sync != NULL)
    {
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_BAD_CODE,
                               "This profile is in an organisation already");
      return;
    }

  keys = lin_device_keys_derive (lin_store_get_vault (self->store), &error);
  if (keys == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  lin_sync_enrol_async (self->store, keys, server, fingerprint, code, name, cancellable, enrolled_cb,
                        g_steal_pointer (&task));
}

gboolean
lin_context_enrol_finish (LinContext    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
