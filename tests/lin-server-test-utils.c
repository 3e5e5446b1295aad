/* lin-server-test-utils.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real linija-server ($LINIJA_SERVER) for tests: a state folder made
 * with `init`, `run` on 127.0.0.1 on a port the kernel picks (the server
 * prints its address), and a SoupSession that accepts the self-signed
 * certificate only because it is the one in the state folder: the pin is
 * checked on each message, never turned off for the session. Also the
 * steps of enrolment as a client takes them.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sodium.h>
#include <signal.h>
#include <string.h>

#include "lin-envelope.h"
#include "lin-server-test-utils.h"
#include "lin-vault-test-utils.h"

static const char *
server_path (void)
{
  const char *path = g_getenv ("LINIJA_SERVER");

  g_assert_nonnull (path);
  return path;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize len = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;

  return g_strndup (data != NULL ? data : "", len);
}

/* Runs linija-server ARGS; returns its exit status */
int
lin_test_server_cli_v (char               **out,
                       char               **err,
                       const char * const  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) out_bytes = NULL;
  g_autoptr(GBytes) err_bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *)server_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *)argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &out_bytes, &err_bytes, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));

  if (out != NULL)
    *out = bytes_to_string (out_bytes);
  if (err != NULL)
    *err = bytes_to_string (err_bytes);

  return g_subprocess_get_exit_status (proc);
}

/* A state folder made by `linija-server init`, not running yet */
LinTestServer *
lin_test_server_new (void)
{
  LinTestServer *server = g_new0 (LinTestServer, 1);
  g_autofree char *cert_path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GProxyResolver) direct = NULL;

  server->root = lin_vault_test_make_tmp ("server");
  server->dir = g_build_filename (server->root, "state", NULL);
  server->log_path = g_build_filename (server->root, "server.log", NULL);

  g_assert_cmpint (lin_test_server_cli (&out, NULL, "init", server->dir), ==, 0);
  g_assert_cmpuint (strlen (out), ==, 65);  /* the fingerprint */

  cert_path = g_build_filename (server->dir, "tls-cert.pem", NULL);
  server->pinned = g_tls_certificate_new_from_file (cert_path, &error);
  g_assert_no_error (error);

  /* straight to 127.0.0.1: never through the system's proxy settings */
  direct = g_simple_proxy_resolver_new (NULL, NULL);
  server->session = soup_session_new_with_options ("timeout", 60, "proxy-resolver", direct, NULL);

  return server;
}

/* Starts `linija-server run` and waits for the address it prints */
void
lin_test_server_run (LinTestServer *server)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  g_assert_null (server->proc);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_stderr_file_path (launcher, server->log_path);
  server->proc = g_subprocess_launcher_spawn (launcher, &error, server_path (), "run", server->dir,
                                              "--listen", "127.0.0.1:0", NULL);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->proc));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "https://127.0.0.1:"));

  g_free (server->url);
  server->url = g_strndup (line, strlen (line) - (g_str_has_suffix (line, "/") ? 1 : 0));
}

/* SIGTERM; returns the exit status of a clean shutdown */
int
lin_test_server_stop (LinTestServer *server)
{
  return lin_test_server_stop_by (server, SIGTERM);
}

int
lin_test_server_stop_by (LinTestServer *server,
                         int            signum)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;
  int status;

  g_assert_nonnull (server->proc);
  g_subprocess_send_signal (server->proc, signum);
  g_subprocess_wait (server->proc, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (server->proc));
  status = g_subprocess_get_exit_status (server->proc);
  g_clear_object (&server->proc);

  /* whatever the tests sent, the server never warned */
  g_file_get_contents (server->log_path, &log, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (log, "WARNING"));
  g_assert_null (strstr (log, "CRITICAL"));
  g_assert_nonnull (strstr (log, "stopped"));

  return status;
}

void
lin_test_server_free (LinTestServer *server)
{
  if (server->proc != NULL)
    g_assert_cmpint (lin_test_server_stop (server), ==, 0);

  lin_vault_test_rm_rf (server->root);
  g_clear_object (&server->session);
  g_clear_object (&server->pinned);
  g_free (server->root);
  g_free (server->dir);
  g_free (server->log_path);
  g_free (server->url);
  g_free (server);
}

/* The pin: this certificate, and no other */
static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  return g_tls_certificate_is_same (certificate, G_TLS_CERTIFICATE (user_data));
}

/* Makes @msg accept @pinned, self-signed, and nothing else that fails
 * the usual checks: for this message, not for the session */
void
lin_test_server_pin (SoupMessage     *msg,
                     GTlsCertificate *pinned)
{
  g_signal_connect_object (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), pinned, 0);
}

/* A request to @url@path with the token and the JSON body: not pinned
 * to any certificate yet */
SoupMessage *
lin_test_message_new (const char *url,
                      const char *method,
                      const char *path,
                      const char *token,
                      const char *body,
                      gssize      body_len)
{
  g_autofree char *uri = g_strconcat (url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);

  g_assert_nonnull (msg);

  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg),
                                    "Authorization", authorization);
    }

  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, body_len >= 0 ? (gsize)body_len : strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  return g_steal_pointer (&msg);
}

static void
no_delay_cb (SoupMessage        *msg,
             GSocketClientEvent  event,
             GIOStream          *connection,
             gpointer            user_data)
{
  if (event == G_SOCKET_CLIENT_CONNECTED)
    g_socket_set_option (g_socket_connection_get_socket (G_SOCKET_CONNECTION (connection)),
                         IPPROTO_TCP, TCP_NODELAY, 1, NULL);
}

/* libsoup opens a new connection for each POST (it is not idempotent)
 * and writes the request's headers and body apart; with Nagle's
 * algorithm on, as GLib leaves it, the body may wait for the peer to
 * acknowledge the headers. This turns it off on the connection @msg
 * opens, for tests that send many pushes. */
void
lin_test_message_no_delay (SoupMessage *msg)
{
  g_signal_connect (msg, "network-event", G_CALLBACK (no_delay_cb), NULL);
}

/* The JSON object @answer holds, or %NULL when it holds none */
JsonObject *
lin_test_parse_object (GBytes *answer)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (answer != NULL &&
      json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), g_bytes_get_size (answer), NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    return json_object_ref (json_node_get_object (root));

  return NULL;
}

/* Sends a request; returns its status and, when it has one, the answer's
 * JSON object. A request that gets no answer fails the test. */
guint
lin_test_server_request (LinTestServer  *server,
                         const char     *method,
                         const char     *path,
                         const char     *token,
                         const char     *body,
                         gssize          body_len,
                         JsonObject    **reply)
{
  g_autoptr(SoupMessage) msg = lin_test_message_new (server->url, method, path, token, body, body_len);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  lin_test_server_pin (msg, server->pinned);
  answer = soup_session_send_and_read (server->session, msg, NULL, &error);
  g_assert_no_error (error);

  if (reply != NULL)
    *reply = lin_test_parse_object (answer);

  return soup_message_get_status (msg);
}

guint
lin_test_server_request_json (LinTestServer  *server,
                              const char     *method,
                              const char     *path,
                              const char     *token,
                              JsonBuilder    *body,
                              JsonObject    **reply)
{
  g_autoptr(JsonNode) root = json_builder_get_root (body);
  g_autofree char *text = json_to_string (root, FALSE);

  return lin_test_server_request (server, method, path, token, text, -1, reply);
}

char *
lin_test_random_base64 (gsize len)
{
  g_autofree guint8 *bytes = g_malloc (len);

  for (gsize i = 0; i < len; i++)
    bytes[i] = g_random_int_range (0, 256);

  return g_base64_encode (bytes, len);
}

char *
lin_test_random_id (void)
{
  GString *hex = g_string_new (NULL);

  for (int i = 0; i < 16; i++)
    g_string_append_printf (hex, "%02x", g_random_int_range (0, 256));

  return g_string_free (hex, FALSE);
}

/* What a device computes from the organisation key it is handed, to
 * compare with the invite code's second half (PROTOCOL.md): SHA-256,
 * its first 80 bits in Crockford's base32 */
char *
lin_test_pin_for_key (const char *org_key)
{
  static const char digits[] = "0123456789abcdefghjkmnpqrstvwxyz";
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *key = NULL;
  guint8 hash[32];
  gsize hash_len = sizeof hash;
  gsize key_len = 0;
  GString *pin = g_string_new (NULL);
  guint bits = 0;
  guint buffer = 0;

  key = g_base64_decode (org_key, &key_len);
  g_checksum_update (checksum, key, key_len);
  g_checksum_get_digest (checksum, hash, &hash_len);

  for (gsize i = 0; i < 10; i++)
    {
      buffer = (buffer << 8) | hash[i];
      bits += 8;
      while (bits >= 5)
        {
          g_string_append_c (pin, digits[(buffer >> (bits - 5)) & 31]);
          bits -= 5;
        }
    }

  return g_string_free (pin, FALSE);
}

/* An invite code's second half: the pin, without dashes */
char *
lin_test_code_pin (const char *code)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = code; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (digits, *p);
  g_assert_cmpuint (digits->len, ==, 32);
  g_string_erase (digits, 0, 16);

  return g_string_free (digits, FALSE);
}

JsonBuilder *
lin_test_enrol_body (const char *code,
                     const char *name,
                     const char *org_key)
{
  JsonBuilder *builder = json_builder_new ();
  g_autofree char *sign_key = lin_test_random_base64 (32);
  g_autofree char *box_key = lin_test_random_base64 (32);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "sign_key");
  json_builder_add_string_value (builder, sign_key);
  json_builder_set_member_name (builder, "box_key");
  json_builder_add_string_value (builder, box_key);
  if (org_key != NULL)
    {
      json_builder_set_member_name (builder, "org_key");
      json_builder_add_string_value (builder, org_key);
    }
  json_builder_end_object (builder);

  return builder;
}

/* `org create`, then the coordinator's Linija enrols with the founding code */
void
lin_test_org_found (LinTestServer *server,
                    const char    *name,
                    LinTestOrg    *org)
{
  g_autoptr(JsonBuilder) body = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (lin_test_server_cli (&out, NULL, "org", "create", server->dir, "--name", name), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpuint (strlen (lines[0]), ==, 32);
  g_assert_cmpuint (strlen (lines[1]), ==, 19);

  org->org_id = g_strdup (lines[0]);
  org->org_key = lin_test_random_base64 (32);
  body = lin_test_enrol_body (lines[1], "Coordinator", org->org_key);
  g_assert_cmpuint (lin_test_server_request_json (server, "POST", "/v1/enrol", NULL, body, &reply), ==, 201);
  g_assert_cmpstr (json_object_get_string_member (reply, "role"), ==, "coordinator");
  g_assert_cmpstr (json_object_get_string_member (reply, "state"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (reply, "org_id"), ==, org->org_id);
  g_assert_cmpstr (json_object_get_string_member (reply, "org_key"), ==, org->org_key);
  org->token = g_strdup (json_object_get_string_member (reply, "token"));
  org->device_id = g_strdup (json_object_get_string_member (reply, "device_id"));
}

/* `invite`; returns the code */
char *
lin_test_org_invite (LinTestServer *server,
                     LinTestOrg    *org)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (lin_test_server_cli (&out, NULL, "invite", server->dir, "--org", org->org_id), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpuint (strlen (lines[0]), ==, 39);

  return g_strdup (lines[0]);
}

/* An invited device enrols, checks the pin, and the coordinator approves
 * it; returns its token */
char *
lin_test_org_enrol_member (LinTestServer  *server,
                           LinTestOrg     *org,
                           char          **device_id)
{
  g_autofree char *code = lin_test_org_invite (server, org);
  g_autofree char *pin = NULL;
  g_autofree char *path = NULL;
  g_autofree char *digits = NULL;
  g_autoptr(JsonBuilder) body = lin_test_enrol_body (code, "Laptop", NULL);
  g_autoptr(JsonBuilder) approval = json_builder_new ();
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonObject) approved = NULL;

  g_assert_cmpuint (lin_test_server_request_json (server, "POST", "/v1/enrol", NULL, body, &reply), ==, 201);
  g_assert_cmpstr (json_object_get_string_member (reply, "state"), ==, "pending");

  /* the device pins the organisation key by the invite code */
  pin = lin_test_pin_for_key (json_object_get_string_member (reply, "org_key"));
  digits = lin_test_code_pin (code);
  g_assert_cmpstr (digits, ==, pin);

  path = g_strdup_printf ("/v1/devices/%s/approve", json_object_get_string_member (reply, "device_id"));
  json_builder_begin_object (approval);
  json_builder_set_member_name (approval, "certificate");
  json_builder_add_string_value (approval, "Y2VydGlmaWNhdGU=");
  json_builder_set_member_name (approval, "sealed_keys");
  json_builder_add_string_value (approval, "c2VhbGVkIGtleXM=");
  json_builder_end_object (approval);
  g_assert_cmpuint (lin_test_server_request_json (server, "POST", path, org->token, approval, &approved), ==, 200);

  if (device_id != NULL)
    *device_id = g_strdup (json_object_get_string_member (reply, "device_id"));

  return g_strdup (json_object_get_string_member (reply, "token"));
}

void
lin_test_org_clear (LinTestOrg *org)
{
  g_clear_pointer (&org->org_id, g_free);
  g_clear_pointer (&org->org_key, g_free);
  g_clear_pointer (&org->token, g_free);
  g_clear_pointer (&org->device_id, g_free);
}

/* Push and pull as a client does them, with real envelopes */

/* One collection key for every test of the process */
LinKey *
lin_test_collection_key (void)
{
  static LinKey *key;

  if (key == NULL)
    key = lin_key_new_random ();

  return key;
}

/* An envelope of @payload, base64, as a client would push it */
char *
lin_test_seal_base64 (const guint8 *record_id,
                      gint64        revision,
                      gint64        parent,
                      const char   *payload)
{
  LinEnvelopeHeader header = { 0, };
  g_autoptr(GBytes) envelope = NULL;
  g_autoptr(GError) error = NULL;

  memcpy (header.record_id, record_id, LIN_RECORD_ID_BYTES);
  header.revision = revision;
  header.parent_revision = parent;
  header.key_epoch = 1;
  header.hlc = (guint64)g_get_real_time () << 16;
  envelope = lin_envelope_seal (&header, lin_test_collection_key (), payload, strlen (payload), &error);
  g_assert_no_error (error);

  /* the server does not check the signature after it: any bytes do */
  {
    gsize len = g_bytes_get_size (envelope);
    g_autofree guint8 *signed_envelope = g_malloc (len + LIN_ENVELOPE_SIGNATURE_BYTES);

    memcpy (signed_envelope, g_bytes_get_data (envelope, NULL), len);
    randombytes_buf (signed_envelope + len, LIN_ENVELOPE_SIGNATURE_BYTES);
    return g_base64_encode (signed_envelope, len + LIN_ENVELOPE_SIGNATURE_BYTES);
  }
}

char *
lin_test_hex (const guint8 *id)
{
  char text[33];

  sodium_bin2hex (text, sizeof text, id, 16);
  return g_strdup (text);
}

void
lin_test_random_record (guint8 *id)
{
  randombytes_buf (id, 16);
}

JsonBuilder *
lin_test_page_new (void)
{
  JsonBuilder *page = json_builder_new ();

  json_builder_begin_object (page);
  json_builder_set_member_name (page, "ops");
  json_builder_begin_array (page);

  return page;
}

void
lin_test_page_add (JsonBuilder  *page,
                   const char   *op_id,
                   const guint8 *record_id,
                   gint64        base,
                   gint64        revision,
                   const char   *envelope)
{
  g_autofree char *record = lin_test_hex (record_id);

  json_builder_begin_object (page);
  json_builder_set_member_name (page, "op_id");
  json_builder_add_string_value (page, op_id);
  json_builder_set_member_name (page, "record_id");
  json_builder_add_string_value (page, record);
  json_builder_set_member_name (page, "base_revision");
  json_builder_add_int_value (page, base);
  json_builder_set_member_name (page, "revision");
  json_builder_add_int_value (page, revision);
  json_builder_set_member_name (page, "envelope");
  json_builder_add_string_value (page, envelope);
  json_builder_end_object (page);
}

/* Adds a new revision of @record_id sealed from @payload; returns its op id */
char *
lin_test_page_add_sealed (JsonBuilder  *page,
                          const guint8 *record_id,
                          gint64        base,
                          const char   *payload)
{
  g_autofree char *envelope = lin_test_seal_base64 (record_id, base + 1, base, payload);
  char *op_id = lin_test_random_id ();

  lin_test_page_add (page, op_id, record_id, base, base + 1, envelope);
  return op_id;
}

char *
lin_test_collection_path (const char *org_id,
                          const char *collection,
                          const char *what)
{
  return g_strdup_printf ("/v1/orgs/%s/collections/%s/%s", org_id, collection, what);
}

/* Pushes the page; returns the status and the answers */
guint
lin_test_push (LinTestServer  *server,
               const char     *token,
               const char     *org_id,
               JsonBuilder    *page,
               JsonObject    **reply)
{
  g_autofree char *path = lin_test_collection_path (org_id, "main", "push");

  json_builder_end_array (page);
  json_builder_end_object (page);

  return lin_test_server_request_json (server, "POST", path, token, page, reply);
}

JsonObject *
lin_test_result (JsonObject *reply,
                 guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (reply, "results"), i);
}

void
lin_test_assert_result (JsonObject *reply,
                        guint       i,
                        const char *status,
                        const char *member,
                        gint64      value)
{
  JsonObject *answer = lin_test_result (reply, i);

  g_assert_cmpstr (json_object_get_string_member (answer, "status"), ==, status);
  if (member != NULL)
    g_assert_cmpint (json_object_get_int_member (answer, member), ==, value);
}

/* Pulls every change of "main" after @since, @limit a page; returns them
 * and checks the cursor never skips */
GPtrArray *
lin_test_pull_all (LinTestServer *server,
                   const char    *token,
                   const char    *org_id,
                   gint64         since,
                   guint          limit,
                   guint         *n_pages)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify)json_object_unref);
  gboolean more = TRUE;

  *n_pages = 0;
  while (more)
    {
      g_autofree char *what = g_strdup_printf ("changes?since=%" G_GINT64_FORMAT "&limit=%u", since, limit);
      g_autofree char *path = lin_test_collection_path (org_id, "main", what);
      g_autoptr(JsonObject) reply = NULL;
      JsonArray *page;

      g_assert_cmpuint (lin_test_server_request (server, "GET", path, token, NULL, 0, &reply), ==, 200);
      page = json_object_get_array_member (reply, "changes");
      g_assert_cmpuint (json_array_get_length (page), <=, limit);
      for (guint i = 0; i < json_array_get_length (page); i++)
        {
          JsonObject *change = json_array_get_object_element (page, i);

          g_assert_cmpint (json_object_get_int_member (change, "seq"), ==, since + 1);
          since++;
          g_ptr_array_add (changes, json_object_ref (change));
        }
      g_assert_cmpint (json_object_get_int_member (reply, "next"), ==, since);
      more = json_object_get_boolean_member (reply, "more");
      (*n_pages)++;
    }

  return changes;
}

gint64
lin_test_count_changes (LinTestServer *server,
                        LinTestOrg    *org)
{
  g_autoptr(GPtrArray) changes = NULL;
  guint n_pages;

  changes = lin_test_pull_all (server, org->token, org->org_id, 0, 200, &n_pages);
  return changes->len;
}

/* The server process's peak resident memory */
guint64
lin_test_server_peak_rss_kib (LinTestServer *server)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", g_subprocess_get_identifier (server->proc));
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &status, NULL, NULL));
  line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);

  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}
