/* lin-server-tls.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIN_SERVER_CERT_FILE "tls-cert.pem"
#define LIN_SERVER_KEY_FILE "tls-key.pem"

gboolean         lin_server_tls_make_self_signed (const char          *dir,
                                                  const char * const  *hostnames,
                                                  GError             **error);
gboolean         lin_server_tls_install          (const char          *dir,
                                                  const char          *cert_pem,
                                                  const char          *key_pem,
                                                  GError             **error);
GTlsCertificate *lin_server_tls_load             (const char          *dir,
                                                  GError             **error);
char            *lin_server_tls_fingerprint      (GTlsCertificate     *certificate);

G_END_DECLS
