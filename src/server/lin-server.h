/* lin-server.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lin-server-db.h"

G_BEGIN_DECLS

/* The protocol's version, in every path: /v1/… (src/server/PROTOCOL.md) */
#define LIN_SERVER_PROTOCOL_VERSION 1

#define LIN_TYPE_SERVER (lin_server_get_type ())

G_DECLARE_FINAL_TYPE (LinServer, lin_server, LIN, SERVER, GObject)

LinServer *lin_server_new        (LinServerDb      *db,
                                  GTlsCertificate  *certificate);
gboolean   lin_server_listen     (LinServer        *self,
                                  GSocketAddress   *address,
                                  GError          **error);
GSList    *lin_server_get_uris   (LinServer        *self);
void       lin_server_disconnect (LinServer        *self);

G_END_DECLS
