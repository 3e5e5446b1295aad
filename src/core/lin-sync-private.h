/* lin-sync-private.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the sync client's files share.
 */

#pragma once

#include <libsoup/soup.h>

#include "lin-record.h"

G_BEGIN_DECLS

#define LIN_SYNC_MAX_ANSWER (4 * 1024 * 1024)

void lin_sync_message_pin (SoupMessage *msg,
                           const char  *fingerprint);

SoupMessage *lin_sync_message_new (LinRecord   *account,
                                   const char  *method,
                                   const char  *path,
                                   GBytes      *body);

void    lin_sync_read_async  (SoupSession          *session,
                              SoupMessage          *msg,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
GBytes *lin_sync_read_finish (GAsyncResult         *result,
                              SoupMessage         **msg,
                              GError              **error);

G_END_DECLS
