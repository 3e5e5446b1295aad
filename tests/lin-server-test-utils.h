/* lin-server-test-utils.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "lin-secret.h"

G_BEGIN_DECLS

typedef struct
{
  char            *root;      /* a throw-away folder */
  char            *dir;       /* the state folder in it */
  char            *log_path;  /* the server's standard error */
  char            *url;       /* https://127.0.0.1:PORT */
  GSubprocess     *proc;
  GTlsCertificate *pinned;    /* the certificate in the state folder */
  SoupSession     *session;
} LinTestServer;

typedef struct
{
  char *org_id;
  char *org_key;        /* base64 */
  char *token;          /* the coordinator's device */
  char *device_id;
} LinTestOrg;

LinTestServer *lin_test_server_new          (void);
void           lin_test_server_run          (LinTestServer      *server);
int            lin_test_server_stop         (LinTestServer      *server);
int            lin_test_server_stop_by      (LinTestServer      *server,
                                             int                 signum);
void           lin_test_server_free         (LinTestServer      *server);
int            lin_test_server_cli_v        (char              **out,
                                             char              **err,
                                             const char * const *args);
void           lin_test_server_pin          (SoupMessage        *msg,
                                             GTlsCertificate    *pinned);
SoupMessage   *lin_test_message_new         (const char         *url,
                                             const char         *method,
                                             const char         *path,
                                             const char         *token,
                                             const char         *body,
                                             gssize              body_len);
void           lin_test_message_no_delay    (SoupMessage        *msg);
JsonObject    *lin_test_parse_object        (GBytes             *answer);
guint          lin_test_server_request      (LinTestServer      *server,
                                             const char         *method,
                                             const char         *path,
                                             const char         *token,
                                             const char         *body,
                                             gssize              body_len,
                                             JsonObject        **reply);
guint          lin_test_server_request_json (LinTestServer      *server,
                                             const char         *method,
                                             const char         *path,
                                             const char         *token,
                                             JsonBuilder        *body,
                                             JsonObject        **reply);
char          *lin_test_random_base64       (gsize               len);
char          *lin_test_random_id           (void);
char          *lin_test_pin_for_key         (const char         *org_key);
char          *lin_test_code_pin            (const char         *code);
JsonBuilder   *lin_test_enrol_body          (const char         *code,
                                             const char         *name,
                                             const char         *org_key);

void           lin_test_org_found           (LinTestServer      *server,
                                             const char         *name,
                                             LinTestOrg         *org);
char          *lin_test_org_invite          (LinTestServer      *server,
                                             LinTestOrg         *org);
char          *lin_test_org_enrol_member    (LinTestServer      *server,
                                             LinTestOrg         *org,
                                             char              **device_id);
void           lin_test_org_clear           (LinTestOrg         *org);

LinKey        *lin_test_collection_key      (void);
char          *lin_test_seal_base64         (const guint8       *record_id,
                                             gint64              revision,
                                             gint64              parent,
                                             const char         *payload);
char          *lin_test_hex                 (const guint8       *id);
void           lin_test_random_record       (guint8             *id);
JsonBuilder   *lin_test_page_new            (void);
void           lin_test_page_add            (JsonBuilder        *page,
                                             const char         *op_id,
                                             const guint8       *record_id,
                                             gint64              base,
                                             gint64              revision,
                                             const char         *envelope);
char          *lin_test_page_add_sealed     (JsonBuilder        *page,
                                             const guint8       *record_id,
                                             gint64              base,
                                             const char         *payload);
char          *lin_test_collection_path     (const char         *org_id,
                                             const char         *collection,
                                             const char         *what);
guint          lin_test_push                (LinTestServer      *server,
                                             const char         *token,
                                             const char         *org_id,
                                             JsonBuilder        *page,
                                             JsonObject        **reply);
JsonObject    *lin_test_result              (JsonObject         *reply,
                                             guint               i);
void           lin_test_assert_result       (JsonObject         *reply,
                                             guint               i,
                                             const char         *status,
                                             const char         *member,
                                             gint64              value);
GPtrArray     *lin_test_pull_all            (LinTestServer      *server,
                                             const char         *token,
                                             const char         *org_id,
                                             gint64              since,
                                             guint               limit,
                                             guint              *n_pages);
gint64         lin_test_count_changes       (LinTestServer      *server,
                                             LinTestOrg         *org);
guint64        lin_test_server_peak_rss_kib (LinTestServer      *server);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinTestServer, lin_test_server_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LinTestOrg, lin_test_org_clear)

#define lin_test_server_cli(out, err, ...) \
  lin_test_server_cli_v ((out), (err), (const char * const[]) { __VA_ARGS__, NULL })

G_END_DECLS
