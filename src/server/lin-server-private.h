/* lin-server-private.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the server's request handlers share: answers, the JSON body's
 * members read without trusting them, and the limits.
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "lin-server-db.h"

G_BEGIN_DECLS

/* Every request body; a push page's envelopes, decoded; a page's
 * operations; the deepest JSON nesting a request may have */
#define LIN_SERVER_MAX_BODY (2 * 1024 * 1024)
#define LIN_SERVER_MAX_PAGE_BYTES (1024 * 1024)
#define LIN_SERVER_MAX_PAGE_OPS 200
#define LIN_SERVER_MAX_DEPTH 16

/* Opaque members: keys and certificates, sealed keys (base64 text) */
#define LIN_SERVER_MAX_KEY 1024
#define LIN_SERVER_MAX_CERTIFICATE (16 * 1024)
#define LIN_SERVER_MAX_SEALED_KEYS (256 * 1024)
#define LIN_SERVER_MAX_NAME 64

void        lin_server_reply_json   (SoupServerMessage  *msg,
                                     guint               status,
                                     JsonBuilder        *builder);
void        lin_server_reply_error  (SoupServerMessage  *msg,
                                     guint               status,
                                     const char         *error,
                                     const char         *reason);
JsonObject *lin_server_read_body    (SoupServerMessage  *msg);
const char *lin_server_get_string   (SoupServerMessage  *msg,
                                     JsonObject         *object,
                                     const char         *member,
                                     gsize               max_len,
                                     gboolean            optional);
gboolean    lin_server_get_int      (SoupServerMessage  *msg,
                                     JsonObject         *object,
                                     const char         *member,
                                     gint64             *value);
gboolean    lin_server_parse_id     (const char         *text,
                                     guint8             *id);
void        lin_server_add_id       (JsonBuilder        *builder,
                                     const char         *member,
                                     const guint8       *id);

void        lin_server_handle_push  (LinServerDb        *db,
                                     SoupServerMessage  *msg,
                                     LinServerDevice    *device,
                                     const char         *collection);
void        lin_server_handle_pull  (LinServerDb        *db,
                                     SoupServerMessage  *msg,
                                     LinServerDevice    *device,
                                     GHashTable         *query,
                                     const char         *collection);

G_END_DECLS
