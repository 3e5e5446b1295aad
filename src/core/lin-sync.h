/* lin-sync.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lin-device-keys.h"
#include "lin-store.h"
#include "lin-sync-enrol.h"
#include "lin-sync-schedule.h"

G_BEGIN_DECLS

/* The one collection every record of the organisation is in */
#define LIN_SYNC_COLLECTION "main"

typedef enum
{
  LIN_SYNC_STATUS_PENDING,    /* enrolled, waiting for the coordinator's approval */
  LIN_SYNC_STATUS_SYNCED,     /* nothing waiting */
  LIN_SYNC_STATUS_SYNCING,    /* an attempt is running */
  LIN_SYNC_STATUS_WAITING,    /* changes wait; the next attempt is planned */
  LIN_SYNC_STATUS_OFFLINE,    /* no network */
  LIN_SYNC_STATUS_ATTENTION,  /* refused, or something a person must look at */
} LinSyncStatus;

typedef enum
{
  LIN_SYNC_PROBLEM_NONE,
  LIN_SYNC_PROBLEM_REFUSED,   /* the server refused this device (revoked, 401/403) */
  LIN_SYNC_PROBLEM_REJECTED,  /* the server sent changes that failed their checks; left out */
  LIN_SYNC_PROBLEM_KEYS,      /* changes sealed with a key this laptop has not got yet */
  LIN_SYNC_PROBLEM_SERVER,    /* another answer that retrying will not change */
  LIN_SYNC_PROBLEM_DISK,      /* this laptop's store could not be written */
} LinSyncProblem;

typedef struct
{
  char   *device_id;
  char   *name;           /* the label it enrolled with */
  char   *safety_number;  /* computed here from its keys: compare it with the one it shows */
  gint64  enrolled;       /* seconds since 1970 */
  char   *sign_key;       /* base64 */
  char   *box_key;        /* base64 */
} LinSyncDevice;

LinSyncDevice *lin_sync_device_copy (const LinSyncDevice *device);
void           lin_sync_device_free (LinSyncDevice       *device);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinSyncDevice, lin_sync_device_free)

#define LIN_TYPE_SYNC (lin_sync_get_type ())

G_DECLARE_FINAL_TYPE (LinSync, lin_sync, LIN, SYNC, GObject)

LinSync        *lin_sync_new                (LinStore            *store,
                                             LinDeviceKeys       *keys,
                                             LinRecord           *account);
LinRecord      *lin_sync_get_account        (LinSync             *self);
LinStore       *lin_sync_get_store          (LinSync             *self);
gboolean        lin_sync_is_coordinator     (LinSync             *self);
gboolean        lin_sync_get_pending        (LinSync             *self);
char           *lin_sync_dup_safety_number  (LinSync             *self);

void            lin_sync_start              (LinSync             *self,
                                             GNetworkMonitor     *monitor);
void            lin_sync_stop               (LinSync             *self);
void            lin_sync_poke               (LinSync             *self,
                                             LinSyncReason        reason);

void            lin_sync_run_async          (LinSync             *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
LinSyncOutcome  lin_sync_run_finish         (LinSync             *self,
                                             GAsyncResult        *result,
                                             GError             **error);

LinSyncStatus   lin_sync_get_status         (LinSync             *self);
LinSyncProblem  lin_sync_get_problem        (LinSync             *self);
guint           lin_sync_get_n_waiting      (LinSync             *self);
guint           lin_sync_get_n_conflicts    (LinSync             *self);
gint64          lin_sync_get_last_success   (LinSync             *self);

void            lin_sync_list_pending_async (LinSync             *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray      *lin_sync_list_pending_finish (LinSync            *self,
                                             GAsyncResult        *result,
                                             GError             **error);
void            lin_sync_approve_async      (LinSync             *self,
                                             LinSyncDevice       *device,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        lin_sync_approve_finish     (LinSync             *self,
                                             GAsyncResult        *result,
                                             GError             **error);

void            lin_sync_invite_async       (LinSync             *self,
                                             guint                hours,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
char           *lin_sync_invite_finish      (LinSync             *self,
                                             GAsyncResult        *result,
                                             gint64              *expires,
                                             GError             **error);
void            lin_sync_list_approved_async (LinSync            *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
void            lin_sync_revoke_async       (LinSync             *self,
                                             const char          *device_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        lin_sync_revoke_finish      (LinSync             *self,
                                             GAsyncResult        *result,
                                             GError             **error);

gboolean        lin_sync_resolve_conflict   (LinSync             *self,
                                             LinRecord           *conflict,
                                             gboolean             use_value,
                                             GError             **error);
gboolean        lin_sync_resolve_collision  (LinSync             *self,
                                             LinRecord           *conflict,
                                             LinRecord           *unassign,
                                             GError             **error);

G_END_DECLS
