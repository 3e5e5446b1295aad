/* lin-sync-approve.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "lin-device-keys.h"
#include "lin-record.h"

G_BEGIN_DECLS

char       *lin_sync_certificate_new    (const char     *org_secret,
                                         const char     *org_id,
                                         const char     *device_id,
                                         const char     *sign_key,
                                         const char     *box_key,
                                         const char     *role,
                                         GError        **error);
gboolean    lin_sync_certificate_check  (const char     *certificate,
                                         const char     *org_key,
                                         const char     *org_id,
                                         const char     *device_id,
                                         const char     *sign_key,
                                         const char     *box_key,
                                         GError        **error);

char       *lin_sync_seal_keys          (const guint32  *epochs,
                                         LinKey        **keys,
                                         guint           n_keys,
                                         const char     *box_key,
                                         GError        **error);
GPtrArray  *lin_sync_open_keys          (LinDeviceKeys  *device,
                                         const char     *sealed,
                                         GArray        **epochs,
                                         GError        **error);

void        lin_sync_request_async      (LinRecord           *account,
                                         const char          *method,
                                         const char          *path,
                                         JsonNode            *body,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
JsonObject *lin_sync_request_finish     (GAsyncResult        *result,
                                         guint               *status,
                                         GError             **error);

G_END_DECLS
