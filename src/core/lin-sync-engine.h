/* lin-sync-engine.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LinSync's insides, shared by its files: lin-sync.c (the object, its
 * status, requests, signatures, when to sync), lin-sync-run.c (an attempt:
 * push and pull) and lin-sync-org.c (the coordinator's devices, invites,
 * revoking, conflicts).
 */

#pragma once

#include <libsoup/soup.h>

#include "lin-sync.h"

G_BEGIN_DECLS

struct _LinSync
{
  GObject          parent_instance;

  LinStore        *store;
  LinDeviceKeys   *keys;
  LinRecord       *account;
  SoupSession     *session;
  GHashTable      *trusted;     /* base64 public signing keys the organisation certified */

  LinSyncSchedule *schedule;
  GNetworkMonitor *monitor;
  GCancellable    *cancellable;
  gulong           network_handler;
  gulong           changed_handler;
  gulong           conflicts_handler;
  gboolean         conflicts_stale;  /* a conflict copy changed since they were counted */
  guint            pending_poll;
  guint            count_idle;
  gboolean         running;
  gboolean         writing;       /* the engine's own writes to the store: no poke */
  gint64           keys_checked;  /* monotonic µs of the last look for new keys */

  LinSyncStatus    status;
  LinSyncProblem   problem;
  guint            n_waiting;
  guint            n_conflicts;
  gint64           last_success;
};

typedef struct
{
  guint       status;
  JsonObject *answer;
} LinSyncAnswer;

typedef enum
{
  LIN_SYNC_VERIFY_OK,
  LIN_SYNC_VERIFY_BAD,        /* not signed, or not by the key it names */
  LIN_SYNC_VERIFY_UNKNOWN,    /* signed by a key no certificate here names (yet) */
} LinSyncVerified;

const char      *lin_sync_account_string    (LinSync              *self,
                                             const char           *field);
gboolean         lin_sync_account_pending   (LinSync              *self);
char            *lin_sync_own_key_base64    (LinSync              *self,
                                             gboolean              box);
void             lin_sync_set_problem       (LinSync              *self,
                                             LinSyncProblem        problem);
void             lin_sync_update_status     (LinSync              *self);
void             lin_sync_note_success      (LinSync              *self);
void             lin_sync_send              (LinSync              *self,
                                             const char           *method,
                                             const char           *path,
                                             GBytes               *body,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
void             lin_sync_send_full         (LinSync              *self,
                                             const char           *method,
                                             const char           *path,
                                             GBytes               *body,
                                             GCancellable         *cancellable,
                                             GCallback             wrote,
                                             gpointer              wrote_data,
                                             GDestroyNotify        wrote_destroy,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
LinSyncAnswer   *lin_sync_send_finish       (GAsyncResult         *result,
                                             GError              **error);
void             lin_sync_answer_free       (LinSyncAnswer        *answer);
GBytes          *lin_sync_json_bytes        (JsonBuilder          *builder);
char            *lin_sync_sign_envelope     (LinSync              *self,
                                             GBytes               *envelope);
LinSyncVerified  lin_sync_verify_envelope   (LinSync              *self,
                                             GBytes               *signed_envelope,
                                             GBytes              **envelope);
void             lin_sync_take_certificates (LinSync              *self,
                                             JsonObject           *answer);
void             lin_sync_answer_revocations_async  (LinSync             *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean         lin_sync_answer_revocations_finish (LinSync             *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
void             lin_sync_forget_keys_checked (LinSync            *self);
GBytes          *lin_sync_approval_body     (LinSync              *self,
                                             const char           *device_id,
                                             const char           *sign_key,
                                             const char           *box_key,
                                             const char           *role,
                                             char                **certificate_out,
                                             GError              **error);

G_END_DECLS
