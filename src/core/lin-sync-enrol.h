/* lin-sync-enrol.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lin-device-keys.h"
#include "lin-store.h"

G_BEGIN_DECLS

#define LIN_SYNC_ERROR (lin_sync_error_quark ())

typedef enum
{
  LIN_SYNC_ERROR_BAD_CODE,     /* not a code, or the server refused it */
  LIN_SYNC_ERROR_WRONG_ORG,    /* the server handed out another organisation's key */
  LIN_SYNC_ERROR_SERVER,       /* the server answered something else */
  LIN_SYNC_ERROR_NETWORK,      /* no answer, or a certificate not the one pinned */
} LinSyncError;

/* This device's place in the organisation (kind "sync-account", a local
 * record: it never syncs) */
#define LIN_SYNC_ACCOUNT_KIND              "sync-account"
#define LIN_SYNC_ACCOUNT_FIELD_SERVER      "server"       /* https://host:port */
#define LIN_SYNC_ACCOUNT_FIELD_FINGERPRINT "fingerprint"  /* SHA-256 of the pinned certificate, or missing */
#define LIN_SYNC_ACCOUNT_FIELD_ORG_ID      "org_id"
#define LIN_SYNC_ACCOUNT_FIELD_ORG_KEY     "org_key"      /* the organisation's public signing key, base64 */
#define LIN_SYNC_ACCOUNT_FIELD_ORG_SECRET  "org_secret"   /* its secret key, the coordinator's alone, base64 */
#define LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID   "device_id"
#define LIN_SYNC_ACCOUNT_FIELD_TOKEN       "token"
#define LIN_SYNC_ACCOUNT_FIELD_ROLE        "role"         /* coordinator, member */
#define LIN_SYNC_ACCOUNT_FIELD_STATE       "state"        /* pending, approved */
#define LIN_SYNC_ACCOUNT_FIELD_ROTATED_FOR "rotated_for"  /* the coordinator's: revoked devices a new key answered */

GQuark     lin_sync_error_quark    (void);

void       lin_sync_enrol_async    (LinStore            *store,
                                    LinDeviceKeys       *keys,
                                    const char          *server,
                                    const char          *fingerprint,
                                    const char          *code,
                                    const char          *name,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
LinRecord *lin_sync_enrol_finish   (GAsyncResult        *result,
                                    GError             **error);
LinRecord *lin_sync_find_account   (LinStore            *store);

G_END_DECLS
