/* test-server.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * linija-server, the real binary ($LINIJA_SERVER), on 127.0.0.1 on a free
 * port, with its real SQLite, through libsoup's client over TLS pinned to
 * the server's own certificate: its commands, enrolment, push and pull
 * with compare-and-swap, duplicates, conflicts and paging, every refusal
 * of authentication and authorisation (with nothing changed after), hostile
 * bodies (with the server still serving after), and no plaintext in its
 * folder. The envelopes are real ones, sealed by lin_envelope_seal().
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>

#include "lin-envelope.h"
#include "lin-server-test-utils.h"
#include "lin-vault-test-utils.h"

#define CANARY "Kanarinac: Jelena Petrović, Novi Sad, 064 123 4567"

static void
test_init_run_stop (void)
{
  g_autoptr(LinTestServer) server = lin_test_server_new ();
  g_autoptr(LinTestServer) other = lin_test_server_new ();
  g_autofree char *key_path = g_build_filename (server->dir, "tls-key.pem", NULL);
  g_autofree char *err = NULL;
  g_autoptr(JsonObject) reply = NULL;
  GStatBuf st;

  /* a private folder, a private key */
  g_assert_cmpint (g_stat (server->dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* init does not overwrite */
  g_assert_cmpint (lin_test_server_cli (NULL, &err, "init", server->dir), ==, 1);

  lin_test_server_run (server);
  g_assert_cmpuint (lin_test_server_request (server, "GET", "/v1/status", NULL, NULL, 0, &reply), ==, 200);
  g_assert_cmpint (json_object_get_int_member (reply, "protocol"), ==, 1);

  /* pinned to another server's certificate, this one is refused */
  {
    g_autofree char *uri = g_strconcat (server->url, "/v1/status", NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
    g_autoptr(GBytes) answer = NULL;
    g_autoptr(GError) error = NULL;

    /* a session with no connection open to it yet: a new handshake */
    lin_test_server_pin (msg, other->pinned);
    answer = soup_session_send_and_read (other->session, msg, NULL, &error);
    g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
  }

  g_assert_cmpint (lin_test_server_stop (server), ==, 0);

  /* Ctrl+C stops it cleanly too */
  lin_test_server_run (server);
  g_assert_cmpuint (lin_test_server_request (server, "GET", "/v1/status", NULL, NULL, 0, NULL), ==, 200);
  g_assert_cmpint (lin_test_server_stop_by (server, SIGINT), ==, 0);

  /* a folder others can open is refused */
  g_assert_cmpint (g_chmod (server->dir, 0755), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (lin_test_server_cli (NULL, &err, "run", server->dir, "--listen", "127.0.0.1:0"), ==, 1);
  g_assert_nonnull (strstr (err, "chmod 700"));
  g_assert_cmpint (g_chmod (server->dir, 0700), ==, 0);

  /* wrong usage */
  g_assert_cmpint (lin_test_server_cli (NULL, NULL, "run", server->dir), ==, 2);
  g_assert_cmpint (lin_test_server_cli (NULL, NULL, "run", server->dir, "--listen", "localhost:1"), ==, 2);
  g_assert_cmpint (lin_test_server_cli (NULL, NULL, "frobnicate", server->dir), ==, 2);
  g_assert_cmpint (lin_test_server_cli (NULL, NULL, "init", server->root, "--cert", "x.pem"), ==, 2);
}

static void
test_init_own_certificate (void)
{
  g_autoptr(LinTestServer) server = lin_test_server_new ();
  g_autofree char *cert = g_build_filename (server->dir, "tls-cert.pem", NULL);
  g_autofree char *key = g_build_filename (server->dir, "tls-key.pem", NULL);
  g_autofree char *dir = g_build_filename (server->root, "own", NULL);
  g_autofree char *fingerprint = NULL;
  g_autofree char *copied = g_build_filename (dir, "tls-cert.pem", NULL);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;

  /* the organisation's PEM files, here the first folder's */
  g_assert_cmpint (lin_test_server_cli (&fingerprint, NULL, "init", dir, "--cert", cert, "--key", key), ==, 0);
  certificate = g_tls_certificate_new_from_file (copied, &error);
  g_assert_no_error (error);
  g_assert_true (g_tls_certificate_is_same (certificate, server->pinned));

  /* a self-signed certificate names the server as clients will */
  {
    g_autofree char *named = g_build_filename (server->root, "named", NULL);
    g_autofree char *named_cert = g_build_filename (named, "tls-cert.pem", NULL);
    g_autoptr(GTlsCertificate) made = NULL;
    g_autoptr(GPtrArray) names = NULL;
    g_autoptr(GPtrArray) addresses = NULL;
    gboolean found = FALSE;

    g_assert_cmpint (lin_test_server_cli (NULL, NULL, "init", named, "--hostname", "sync.example.org",
                                          "--hostname", "192.0.2.7"), ==, 0);
    made = g_tls_certificate_new_from_file (named_cert, &error);
    g_assert_no_error (error);
    names = g_tls_certificate_get_dns_names (made);
    addresses = g_tls_certificate_get_ip_addresses (made);
    for (guint i = 0; names != NULL && i < names->len; i++)
      found |= g_bytes_get_size (names->pdata[i]) == strlen ("sync.example.org") &&
               memcmp (g_bytes_get_data (names->pdata[i], NULL), "sync.example.org", 16) == 0;
    g_assert_true (found);
    found = FALSE;
    for (guint i = 0; addresses != NULL && i < addresses->len; i++)
      {
        g_autofree char *text = g_inet_address_to_string (addresses->pdata[i]);

        found |= g_str_equal (text, "192.0.2.7");
      }
    g_assert_true (found);
  }

  /* a key that is not the certificate's is refused */
  g_clear_pointer (&dir, g_free);
  dir = g_build_filename (server->root, "mismatch", NULL);
  g_assert_cmpint (lin_test_server_cli (NULL, NULL, "init", dir, "--cert", cert, "--key", cert), ==, 1);

  /* a renewed certificate replaces the old one, once it loads with its
   * key; a pair that does not load leaves the old one */
  {
    g_autoptr(LinTestServer) renewed = lin_test_server_new ();
    g_autofree char *new_cert = g_build_filename (renewed->dir, "tls-cert.pem", NULL);
    g_autofree char *new_key = g_build_filename (renewed->dir, "tls-key.pem", NULL);
    g_autofree char *printed = NULL;
    g_autoptr(GTlsCertificate) now = NULL;

    g_assert_cmpint (lin_test_server_cli (NULL, NULL, "certificate", server->dir, "--cert", new_cert,
                                          "--key", key), ==, 1);
    now = g_tls_certificate_new_from_file (cert, &error);
    g_assert_true (g_tls_certificate_is_same (now, server->pinned));
    g_clear_object (&now);

    g_assert_cmpint (lin_test_server_cli (&printed, NULL, "certificate", server->dir, "--cert", new_cert,
                                          "--key", new_key), ==, 0);
    g_assert_cmpstr (printed, !=, fingerprint);
    now = g_tls_certificate_new_from_file (cert, &error);
    g_assert_no_error (error);
    g_assert_true (g_tls_certificate_is_same (now, renewed->pinned));
    g_assert_cmpint (lin_test_server_cli (NULL, NULL, "certificate", server->dir, "--cert", new_cert), ==, 2);
  }
}

static void
test_enrol (void)
{
  g_autoptr(LinTestServer) server = lin_test_server_new ();
  g_auto(LinTestOrg) org = { NULL, };
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonBuilder) body = NULL;
  g_autoptr(JsonBuilder) again = NULL;
  g_autofree char *out = NULL;
  g_autofree char *code = NULL;
  g_autofree char *member = NULL;
  g_autofree char *member_id = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) lines = NULL;

  lin_test_server_run (server);

  /* no invite before the organisation is founded */
  g_assert_cmpint (lin_test_server_cli (&out, NULL, "org", "create", server->dir, "--name", "SOS Niš"), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpint (lin_test_server_cli (NULL, NULL, "invite", server->dir, "--org", lines[0]), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (lin_test_server_cli (&out, NULL, "org", "list", server->dir), ==, 0);
  g_assert_true (g_str_has_prefix (out, lines[0]));
  g_assert_nonnull (strstr (out, "\tunfounded\t"));
  g_assert_true (g_str_has_suffix (out, "\tSOS Niš\n"));

  /* a founding enrolment needs the organisation's key, and a refused
   * one leaves the code unused */
  body = lin_test_enrol_body (lines[1], "Coordinator", NULL);
  g_assert_cmpuint (lin_test_server_request_json (server, "POST", "/v1/enrol", NULL, body, NULL), ==, 400);
  g_clear_object (&body);
  body = lin_test_enrol_body (lines[1], "Coordinator", "AAAA");
  g_assert_cmpuint (lin_test_server_request_json (server, "POST", "/v1/enrol", NULL, body, NULL), ==, 201);
  /* once */
  again = lin_test_enrol_body (lines[1], "Coordinator", "AAAA");
  g_assert_cmpuint (lin_test_server_request_json (server, "POST", "/v1/enrol", NULL, again, &reply), ==, 403);
  g_assert_cmpstr (json_object_get_string_member (reply, "error"), ==, "bad_code");
  g_clear_pointer (&reply, json_object_unref);

  lin_test_org_found (server, "SOS Vojvodina", &org);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (lin_test_server_cli (&out, NULL, "org", "list", server->dir), ==, 0);
  g_assert_nonnull (strstr (out, "\tfounded\t"));
  g_assert_nonnull (strstr (out, org.org_id));

  /* a pending device sees itself, nothing else */
  code = lin_test_org_invite (server, &org);
  g_clear_object (&body);
  body = lin_test_enrol_body (code, "Laptop 2", NULL);
  g_assert_cmpuint (lin_test_server_request_json (server, "POST", "/v1/enrol", NULL, body, &reply), ==, 201);
  member = g_strdup (json_object_get_string_member (reply, "token"));
  member_id = g_strdup (json_object_get_string_member (reply, "device_id"));
  g_assert_cmpstr (json_object_get_string_member (reply, "org_key"), ==, org.org_key);
  g_clear_pointer (&reply, json_object_unref);

  g_assert_cmpuint (lin_test_server_request (server, "GET", "/v1/device", member, NULL, 0, &reply), ==, 200);
  g_assert_cmpstr (json_object_get_string_member (reply, "state"), ==, "pending");
  g_assert_true (json_object_get_null_member (reply, "certificate"));
  g_clear_pointer (&reply, json_object_unref);
  g_assert_cmpuint (lin_test_server_request (server, "GET", "/v1/devices", member, NULL, 0, &reply), ==, 403);
  g_assert_cmpstr (json_object_get_string_member (reply, "error"), ==, "not_approved");
  g_clear_pointer (&reply, json_object_unref);

  /* the coordinator lists it with its keys, and approves */
  g_assert_cmpuint (lin_test_server_request (server, "GET", "/v1/devices?state=pending", org.token,
                                             NULL, 0, &reply), ==, 200);
  {
    JsonArray *devices = json_object_get_array_member (reply, "devices");
    JsonObject *device = json_array_get_object_element (devices, 0);

    g_assert_cmpuint (json_array_get_length (devices), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (device, "device_id"), ==, member_id);
    g_assert_nonnull (json_object_get_string_member (device, "box_key"));
    g_assert_false (json_object_has_member (device, "sealed_keys"));
  }
  g_clear_pointer (&reply, json_object_unref);

  path = g_strdup_printf ("/v1/devices/%s/approve", member_id);
  g_assert_cmpuint (lin_test_server_request (server, "POST", path, org.token,
                                             "{\"certificate\": \"Q0VSVA==\", \"sealed_keys\": \"S0VZUw==\"}", -1,
                                             NULL), ==, 200);

  /* the device fetches its certificate and sealed keys */
  g_assert_cmpuint (lin_test_server_request (server, "GET", "/v1/device", member, NULL, 0, &reply), ==, 200);
  g_assert_cmpstr (json_object_get_string_member (reply, "state"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (reply, "certificate"), ==, "Q0VSVA==");
  g_assert_cmpstr (json_object_get_string_member (reply, "sealed_keys"), ==, "S0VZUw==");
  g_clear_pointer (&reply, json_object_unref);

  /* the coordinator's command on the server box lists both */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (lin_test_server_cli (&out, NULL, "devices", server->dir, "--org", org.org_id), ==, 0);
  g_assert_nonnull (strstr (out, org.device_id));
  g_assert_nonnull (strstr (out, member_id));
  g_assert_nonnull (strstr (out, "\tapproved\t"));
  g_assert_null (strstr (out, "pending"));

  /* a member may not approve or list */
  g_assert_cmpuint (lin_test_server_request (server, "GET", "/v1/devices", member, NULL, 0, NULL), ==, 403);

  /* the coordinator revokes it from her Linija; it cannot be approved again */
  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("/v1/devices/%s/revoke", member_id);
  g_assert_cmpuint (lin_test_server_request (server, "POST", path, org.token, NULL, 0, NULL), ==, 200);
  g_assert_cmpuint (lin_test_server_request (server, "GET", "/v1/device", member, NULL, 0, NULL), ==, 403);
  g_clear_pointer (&path, g_free);
  path = g_strdup_printf ("/v1/devices/%s/approve", member_id);
  g_assert_cmpuint (lin_test_server_request (server, "POST", path, org.token,
                                             "{\"certificate\": \"Q0VSVA==\", \"sealed_keys\": \"S0VZUw==\"}", -1,
                                             &reply), ==, 409);
  g_assert_cmpstr (json_object_get_string_member (reply, "error"), ==, "wrong_state");
  g_clear_pointer (&reply, json_object_unref);
  g_assert_cmpuint (lin_test_server_request (server, "GET", "/v1/device", member, NULL, 0, NULL), ==, 403);
}

static void
test_invite_codes (void)
{
  g_autoptr(LinTestServer) server = lin_test_server_new ();
  g_auto(LinTestOrg) org = { NULL, };
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *code = NULL;
  g_autofree char *wrong_pin = NULL;
  g_autofree char *db_path = g_build_filename (server->dir, "server.db", NULL);
  sqlite3 *db;

  lin_test_server_run (server);
  lin_test_org_found (server, "SOS Beograd", &org);

  /* single use; typed loosely (case, spaces) it is the same code */
  code = lin_test_org_invite (server, &org);
  {
    g_autofree char *typed = g_ascii_strup (code, -1);
    g_autoptr(JsonBuilder) first = lin_test_enrol_body (typed, "A", NULL);
    g_autoptr(JsonBuilder) second = lin_test_enrol_body (code, "B", NULL);

    g_strdelimit (typed, "-", ' ');
    g_clear_object (&first);
    first = lin_test_enrol_body (typed, "A", NULL);
    g_assert_cmpuint (lin_test_server_request_json (server, "POST", "/v1/enrol", NULL, first, NULL), ==, 201);
    g_assert_cmpuint (lin_test_server_request_json (server, "POST", "/v1/enrol", NULL, second, &reply), ==, 403);
    g_clear_pointer (&reply, json_object_unref);
  }

  /* a wrong organisation part is refused and does not use the code up */
  g_clear_pointer (&code, g_free);
  code = lin_test_org_invite (server, &org);
  wrong_pin = g_strdup (code);
  wrong_pin[38] = wrong_pin[38] == '0' ? '1' : '0';
  {
    g_autoptr(JsonBuilder) wrong = lin_test_enrol_body (wrong_pin, "C", NULL);
    g_autoptr(JsonBuilder) right = lin_test_enrol_body (code, "C", NULL);

    g_assert_cmpuint (lin_test_server_request_json (server, "POST", "/v1/enrol", NULL, wrong, NULL), ==, 403);
    g_assert_cmpuint (lin_test_server_request_json (server, "POST", "/v1/enrol", NULL, right, NULL), ==, 201);
  }

  /* expired: the server's clock is past it (set in the real database) */
  g_clear_pointer (&code, g_free);
  code = lin_test_org_invite (server, &org);
  db = lin_vault_test_sqlite_open (db_path);
  lin_vault_test_sqlite_exec (db, "UPDATE codes SET expires = strftime('%s', 'now') - 1 WHERE used IS NULL");
  sqlite3_close (db);
  {
    g_autoptr(JsonBuilder) late = lin_test_enrol_body (code, "D", NULL);

    g_assert_cmpuint (lin_test_server_request_json (server, "POST", "/v1/enrol", NULL, late, &reply), ==, 403);
    g_assert_cmpstr (json_object_get_string_member (reply, "error"), ==, "bad_code");
  }

  /* expiry bounds */
  g_assert_cmpint (lin_test_server_cli (NULL, NULL, "invite", server->dir, "--org", org.org_id,
                                        "--expires", "0"), ==, 2);
  g_assert_cmpint (lin_test_server_cli (NULL, NULL, "invite", server->dir, "--org", "nope"), ==, 1);
}

static void
test_push_pull (void)
{
  g_autoptr(LinTestServer) server = lin_test_server_new ();
  g_auto(LinTestOrg) org = { NULL, };
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonBuilder) page = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *member = NULL;
  g_autofree char *env_a2 = NULL;
  g_autofree char *env_other = NULL;
  g_autofree char *op_a2 = lin_test_random_id ();
  char *op_ids[3];
  guint8 records[3][16];
  guint n_pages;

  lin_test_server_run (server);
  lin_test_org_found (server, "SOS Kragujevac", &org);
  member = lin_test_org_enrol_member (server, &org, NULL);

  /* three new records */
  page = lin_test_page_new ();
  for (int i = 0; i < 3; i++)
    {
      lin_test_random_record (records[i]);
      op_ids[i] = lin_test_page_add_sealed (page, records[i], 0, "first");
    }
  g_assert_cmpuint (lin_test_push (server, org.token, org.org_id, page, &reply), ==, 200);
  for (int i = 0; i < 3; i++)
    lin_test_assert_result (reply, i, "applied", "seq", i + 1);
  g_clear_pointer (&reply, json_object_unref);

  /* the same page again (a lost answer): duplicates, nothing applied */
  g_assert_cmpuint (lin_test_server_request_json (server, "POST", "/v1/orgs/x/collections/main/push", org.token,
                                                  page, NULL), ==, 403);
  {
    g_autofree char *path = lin_test_collection_path (org.org_id, "main", "push");

    g_assert_cmpuint (lin_test_server_request_json (server, "POST", path, org.token, page, &reply), ==, 200);
    for (int i = 0; i < 3; i++)
      lin_test_assert_result (reply, i, "duplicate", "seq", i + 1);
    g_clear_pointer (&reply, json_object_unref);
  }
  g_clear_object (&page);

  /* the member edits record 0 (1 → 2) and, in the same page, again
   * (2 → 3); the coordinator's edit of 0 from revision 1 then conflicts */
  env_a2 = lin_test_seal_base64 (records[0], 2, 1, "second");
  page = lin_test_page_new ();
  lin_test_page_add (page, op_a2, records[0], 1, 2, env_a2);
  g_free (lin_test_page_add_sealed (page, records[0], 2, "third"));
  g_assert_cmpuint (lin_test_push (server, member, org.org_id, page, &reply), ==, 200);
  lin_test_assert_result (reply, 0, "applied", "seq", 4);
  lin_test_assert_result (reply, 1, "applied", "seq", 5);
  g_clear_pointer (&reply, json_object_unref);
  g_clear_object (&page);

  page = lin_test_page_new ();
  g_free (lin_test_page_add_sealed (page, records[0], 1, "concurrent"));
  /* a replayed op id with the same body: duplicate, even mid-page */
  lin_test_page_add (page, op_a2, records[0], 1, 2, env_a2);
  /* a replayed op id with another body: an error, never applied */
  env_other = lin_test_seal_base64 (records[1], 2, 1, "other");
  lin_test_page_add (page, op_ids[0], records[1], 1, 2, env_other);
  /* and a good one after them is applied */
  g_free (lin_test_page_add_sealed (page, records[2], 1, "second"));
  g_assert_cmpuint (lin_test_push (server, org.token, org.org_id, page, &reply), ==, 200);
  lin_test_assert_result (reply, 0, "conflict", "revision", 3);
  lin_test_assert_result (reply, 1, "duplicate", "seq", 4);
  lin_test_assert_result (reply, 2, "error", NULL, 0);
  g_assert_nonnull (json_object_get_string_member (lin_test_result (reply, 2), "reason"));
  lin_test_assert_result (reply, 3, "applied", "seq", 6);
  g_clear_pointer (&reply, json_object_unref);
  g_clear_object (&page);

  /* pull in pages of 2: six changes, in order, byte for byte */
  changes = lin_test_pull_all (server, member, org.org_id, 0, 2, &n_pages);
  g_assert_cmpuint (changes->len, ==, 6);
  g_assert_cmpuint (n_pages, ==, 3);
  g_assert_cmpstr (json_object_get_string_member (changes->pdata[3], "envelope"), ==, env_a2);
  g_assert_cmpstr (json_object_get_string_member (changes->pdata[3], "op_id"), ==, op_a2);
  g_assert_cmpint (json_object_get_int_member (changes->pdata[4], "revision"), ==, 3);
  for (guint i = 0; i < changes->len; i++)
    {
      JsonObject *change = changes->pdata[i];
      g_autofree guchar *bytes = NULL;
      g_autoptr(GBytes) envelope = NULL;
      g_autoptr(GBytes) plain = NULL;
      g_autoptr(GError) error = NULL;
      gsize len;

      /* the envelope, before the signature after it */
      bytes = g_base64_decode (json_object_get_string_member (change, "envelope"), &len);
      g_assert_cmpuint (len, >, LIN_ENVELOPE_SIGNATURE_BYTES);
      envelope = g_bytes_new (bytes, len - LIN_ENVELOPE_SIGNATURE_BYTES);
      plain = lin_envelope_open (envelope, lin_test_collection_key (), NULL,
                                 json_object_get_int_member (change, "revision"), NULL, &error);
      g_assert_no_error (error);
    }
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* from a cursor; at the end, nothing more */
  changes = lin_test_pull_all (server, org.token, org.org_id, 4, 200, &n_pages);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpuint (n_pages, ==, 1);
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = lin_test_pull_all (server, org.token, org.org_id, 6, 200, &n_pages);
  g_assert_cmpuint (changes->len, ==, 0);

  /* pages are bounded by bytes too: three envelopes of 300 KiB fit in
   * one, the fourth starts the next */
  {
    g_autofree char *payload = g_malloc (300 * 1024 + 1);
    g_autofree char *what = NULL;
    g_autofree char *path = NULL;
    g_autoptr(JsonObject) first = NULL;

    memset (payload, 'y', 300 * 1024);
    payload[300 * 1024] = '\0';
    for (int n = 0; n < 2; n++)
      {
        page = lin_test_page_new ();
        for (int i = 0; i < 2; i++)
          {
            guint8 big[16];

            lin_test_random_record (big);
            g_free (lin_test_page_add_sealed (page, big, 0, payload));
          }
        g_assert_cmpuint (lin_test_push (server, org.token, org.org_id, page, NULL), ==, 200);
        g_clear_object (&page);
      }

    what = g_strdup_printf ("changes?since=6");
    path = lin_test_collection_path (org.org_id, "main", what);
    g_assert_cmpuint (lin_test_server_request (server, "GET", path, member, NULL, 0, &first), ==, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "changes")), ==, 3);
    g_assert_true (json_object_get_boolean_member (first, "more"));
    g_assert_cmpint (json_object_get_int_member (first, "next"), ==, 9);
  }

  /* another collection is another log */
  {
    g_autofree char *path = lin_test_collection_path (org.org_id, "roster", "changes");

    g_assert_cmpuint (lin_test_server_request (server, "GET", path, member, NULL, 0, &reply), ==, 200);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply, "changes")), ==, 0);
  }

  for (int i = 0; i < 3; i++)
    g_free (op_ids[i]);
}

/* Every refused request leaves the log as it was */
static void
test_auth (void)
{
  g_autoptr(LinTestServer) server = lin_test_server_new ();
  g_auto(LinTestOrg) org = { NULL, };
  g_auto(LinTestOrg) other = { NULL, };
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonBuilder) page = NULL;
  g_autofree char *member = NULL;
  g_autofree char *member_id = NULL;
  g_autofree char *push_path = NULL;
  g_autofree char *pull_path = NULL;
  g_autofree char *body = NULL;
  g_autofree char *envelope = NULL;
  g_autofree char *revoke_path = NULL;
  g_autofree char *record_hex = NULL;
  guint8 record[16];

  lin_test_server_run (server);
  lin_test_org_found (server, "SOS Subotica", &org);
  lin_test_org_found (server, "SOS Zrenjanin", &other);
  member = lin_test_org_enrol_member (server, &org, &member_id);

  lin_test_random_record (record);
  page = lin_test_page_new ();
  g_free (lin_test_page_add_sealed (page, record, 0, "one"));
  g_assert_cmpuint (lin_test_push (server, member, org.org_id, page, NULL), ==, 200);
  g_clear_object (&page);

  push_path = lin_test_collection_path (org.org_id, "main", "push");
  pull_path = lin_test_collection_path (org.org_id, "main", "changes");
  envelope = lin_test_seal_base64 (record, 2, 1, "two");
  record_hex = lin_test_hex (record);
  body = g_strdup_printf ("{\"ops\": [{\"op_id\": \"%s\", \"record_id\": \"%s\", \"base_revision\": 1,"
                          " \"revision\": 2, \"envelope\": \"%s\"}]}",
                          "00112233445566778899aabbccddeeff", record_hex, envelope);

  /* no token, a wrong one, a malformed header */
  g_assert_cmpuint (lin_test_server_request (server, "POST", push_path, NULL, body, -1, &reply), ==, 401);
  g_assert_cmpstr (json_object_get_string_member (reply, "error"), ==, "unauthorized");
  g_clear_pointer (&reply, json_object_unref);
  g_assert_cmpuint (lin_test_server_request (server, "GET", pull_path, NULL, NULL, 0, NULL), ==, 401);
  g_assert_cmpuint (lin_test_server_request (server, "POST", push_path, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                             body, -1, NULL), ==, 401);
  g_assert_cmpuint (lin_test_server_request (server, "GET", pull_path, "wrong", NULL, 0, NULL), ==, 401);
  g_assert_cmpuint (lin_test_server_request (server, "GET", "/v1/device", "", NULL, 0, NULL), ==, 401);

  /* another organisation's device: not its collection, not its devices */
  g_assert_cmpuint (lin_test_server_request (server, "POST", push_path, other.token, body, -1, &reply), ==, 403);
  g_assert_cmpstr (json_object_get_string_member (reply, "error"), ==, "forbidden");
  g_clear_pointer (&reply, json_object_unref);
  g_assert_cmpuint (lin_test_server_request (server, "GET", pull_path, other.token, NULL, 0, NULL), ==, 403);
  revoke_path = g_strdup_printf ("/v1/devices/%s/revoke", member_id);
  g_assert_cmpuint (lin_test_server_request (server, "POST", revoke_path, other.token, NULL, 0, NULL), ==, 404);
  g_assert_cmpuint (lin_test_count_changes (server, &org), ==, 1);

  /* a revoked device */
  g_assert_cmpint (lin_test_server_cli (NULL, NULL, "revoke", server->dir, member_id), ==, 0);
  g_assert_cmpuint (lin_test_server_request (server, "POST", push_path, member, body, -1, &reply), ==, 403);
  g_assert_cmpstr (json_object_get_string_member (reply, "error"), ==, "revoked");
  g_clear_pointer (&reply, json_object_unref);
  g_assert_cmpuint (lin_test_server_request (server, "GET", pull_path, member, NULL, 0, NULL), ==, 403);
  g_assert_cmpuint (lin_test_server_request (server, "GET", "/v1/device", member, NULL, 0, NULL), ==, 403);
  g_assert_cmpint (lin_test_server_cli (NULL, NULL, "revoke", server->dir, member_id), ==, 1);
  g_assert_cmpuint (lin_test_count_changes (server, &org), ==, 1);

  /* the coordinator's token still works, and the same op then applies */
  g_assert_cmpuint (lin_test_server_request (server, "POST", push_path, org.token, body, -1, &reply), ==, 200);
  lin_test_assert_result (reply, 0, "applied", "seq", 2);
}

static void
assert_refused (LinTestServer *server,
                const char    *token,
                const char    *path,
                const char    *body,
                gssize         len,
                guint          status)
{
  g_autoptr(JsonObject) reply = NULL;

  g_assert_cmpuint (lin_test_server_request (server, "POST", path, token, body, len, &reply), ==, status);
  /* a reason, in JSON */
  g_assert_nonnull (reply);
  g_assert_nonnull (json_object_get_string_member (reply, "reason"));
}

static void
test_hostile_bodies (void)
{
  g_autoptr(LinTestServer) server = lin_test_server_new ();
  g_auto(LinTestOrg) org = { NULL, };
  g_autoptr(JsonBuilder) page = NULL;
  g_autofree char *path = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *deep = NULL;
  g_autofree char *big_envelope = NULL;
  g_autofree char *wrong_record = NULL;
  g_autofree char *body = NULL;
  guint8 record[16];
  guint8 other[16];
  gsize huge_len = 2 * 1024 * 1024 + 1;

  lin_test_server_run (server);
  lin_test_org_found (server, "SOS Pančevo", &org);
  path = lin_test_collection_path (org.org_id, "main", "push");

  /* too large: the body, the page's count, the page's envelopes */
  huge = g_malloc (huge_len);
  memset (huge, ' ', huge_len);
  assert_refused (server, org.token, path, huge, huge_len, 413);

  /* a much larger one is read and dropped, never held */
  {
    gsize flood_len = 64 * 1024 * 1024;
    g_autofree char *flood = g_malloc (flood_len);

    memset (flood, '[', flood_len);
    assert_refused (server, org.token, path, flood, flood_len, 413);
    g_assert_cmpuint (lin_test_server_peak_rss_kib (server), <, 48 * 1024);
  }

  page = lin_test_page_new ();
  lin_test_random_record (record);
  for (int i = 0; i < 201; i++)
    g_free (lin_test_page_add_sealed (page, record, i, "x"));
  g_assert_cmpuint (lin_test_push (server, org.token, org.org_id, page, NULL), ==, 413);
  g_clear_object (&page);

  {
    g_autofree char *payload = g_malloc (300 * 1024 + 1);

    memset (payload, 'x', 300 * 1024);
    payload[300 * 1024] = '\0';
    page = lin_test_page_new ();
    for (int i = 0; i < 4; i++)
      {
        lin_test_random_record (other);
        g_free (lin_test_page_add_sealed (page, other, 0, payload));
      }
    g_assert_cmpuint (lin_test_push (server, org.token, org.org_id, page, NULL), ==, 413);
    g_clear_object (&page);
  }

  /* malformed */
  assert_refused (server, org.token, path, "{\"ops\": [", -1, 400);
  assert_refused (server, org.token, path, "[]", -1, 400);
  assert_refused (server, org.token, path, "{}", -1, 400);
  assert_refused (server, org.token, path, "{\"ops\": []}", -1, 400);
  assert_refused (server, org.token, path, "{\"ops\": [1]}", -1, 400);
  assert_refused (server, org.token, path, "{\"ops\": [{}]}", -1, 400);
  assert_refused (server, org.token, path, "{\"ops\": \"\xff\xfe\"}", -1, 400);
  assert_refused (server, org.token, path, "{\"ops\": [{\"op_id\": \"zz\", \"record_id\": 1}]}", -1, 400);
  assert_refused (server, "", "/v1/enrol", "{\"code\": 1.5}", -1, 400);
  assert_refused (server, NULL, "/v1/enrol", "{\"code\": \"abc\", \"name\": \"x\", \"sign_key\": \"!!\","
                                              " \"box_key\": \"AAAA\"}", -1, 400);
  assert_refused (server, NULL, "/v1/enrol", "null", -1, 400);
  assert_refused (server, NULL, "/v1/enrol", "", 0, 400);
  assert_refused (server, NULL, "/v1/enrol", "{\"a\": \"\\u0000\"}", -1, 400);
  deep = g_strnfill (100000, '[');
  assert_refused (server, org.token, path, deep, -1, 400);

  /* envelopes: not base64, not an envelope, another record's, negative
   * or backwards revisions */
  lin_test_random_record (record);
  big_envelope = lin_test_seal_base64 (record, 1, 0, "ok");
  lin_test_random_record (other);
  wrong_record = lin_test_hex (other);
  body = g_strdup_printf ("{\"ops\": [{\"op_id\": \"00112233445566778899aabbccddeeff\", \"record_id\": \"%s\","
                          " \"base_revision\": 0, \"revision\": 1, \"envelope\": \"%s\"}]}",
                          wrong_record, big_envelope);
  assert_refused (server, org.token, path, body, -1, 400);
  g_clear_pointer (&body, g_free);
  body = g_strdup_printf ("{\"ops\": [{\"op_id\": \"00112233445566778899aabbccddeeff\", \"record_id\": \"%s\","
                          " \"base_revision\": 0, \"revision\": 1, \"envelope\": \"QUJD\"}]}", wrong_record);
  assert_refused (server, org.token, path, body, -1, 400);
  g_clear_pointer (&body, g_free);
  body = g_strdup_printf ("{\"ops\": [{\"op_id\": \"00112233445566778899aabbccddeeff\", \"record_id\": \"%s\","
                          " \"base_revision\": -1, \"revision\": 1, \"envelope\": \"QUJD\"}]}", wrong_record);
  assert_refused (server, org.token, path, body, -1, 400);
  g_clear_pointer (&body, g_free);
  body = g_strdup_printf ("{\"ops\": [{\"op_id\": \"00112233445566778899aabbccddeeff\", \"record_id\": \"%s\","
                          " \"base_revision\": 3, \"revision\": 3, \"envelope\": \"QUJD\"}]}", wrong_record);
  assert_refused (server, org.token, path, body, -1, 400);

  /* bad cursors and paths */
  {
    g_autofree char *bad = lin_test_collection_path (org.org_id, "main", "changes?since=-1");
    g_autofree char *big = lin_test_collection_path (org.org_id, "main", "changes?limit=201");
    g_autofree char *name = lin_test_collection_path (org.org_id, "no%20such", "changes");

    g_assert_cmpuint (lin_test_server_request (server, "GET", bad, org.token, NULL, 0, NULL), ==, 400);
    g_assert_cmpuint (lin_test_server_request (server, "GET", big, org.token, NULL, 0, NULL), ==, 400);
    g_assert_cmpuint (lin_test_server_request (server, "GET", name, org.token, NULL, 0, NULL), ==, 400);
    g_assert_cmpuint (lin_test_server_request (server, "GET", "/v1/nothing/here", org.token, NULL, 0, NULL), ==, 404);
    g_assert_cmpuint (lin_test_server_request (server, "GET", "/v1/enrol", NULL, NULL, 0, NULL), ==, 405);
  }

  /* nothing was applied, and the server still serves */
  g_assert_cmpuint (lin_test_count_changes (server, &org), ==, 0);
  g_assert_cmpuint (lin_test_server_request (server, "GET", "/v1/status", NULL, NULL, 0, NULL), ==, 200);
  page = lin_test_page_new ();
  g_free (lin_test_page_add_sealed (page, record, 0, "ok"));
  g_assert_cmpuint (lin_test_push (server, org.token, org.org_id, page, NULL), ==, 200);
  g_assert_cmpuint (lin_test_count_changes (server, &org), ==, 1);
}

typedef struct
{
  SoupMessage *msg;
  JsonObject  *reply;
  gboolean     done;
} Pending;

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (pending->msg), ==, 200);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                             g_bytes_get_size (answer), NULL));
  pending->reply = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  pending->done = TRUE;
}

/* Four devices push at once, each over its own connection: every page is
 * one transaction, so of four creations of one record exactly one is
 * applied, and the sequence has no gap and no repeat */
static void
test_concurrent (void)
{
  g_autoptr(LinTestServer) server = lin_test_server_new ();
  g_auto(LinTestOrg) org = { NULL, };
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  enum { N_DEVICES = 4, N_PAGES = 5, N_OPS = 40 };
  char *tokens[N_DEVICES];
  SoupSession *sessions[N_DEVICES];
  Pending pending[N_DEVICES][N_PAGES] = { { { NULL, }, }, };
  guint8 shared[16];
  guint applied = 0;
  guint n_pages;

  lin_test_server_run (server);
  lin_test_org_found (server, "SOS Novi Pazar", &org);
  path = lin_test_collection_path (org.org_id, "main", "push");
  uri = g_strconcat (server->url, path, NULL);
  lin_test_random_record (shared);

  for (int d = 0; d < N_DEVICES; d++)
    {
      g_autoptr(GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);

      tokens[d] = d == 0 ? g_strdup (org.token) : lin_test_org_enrol_member (server, &org, NULL);
      sessions[d] = soup_session_new_with_options ("proxy-resolver", direct, "max-conns", 1, NULL);
    }

  for (int p = 0; p < N_PAGES; p++)
    for (int d = 0; d < N_DEVICES; d++)
      {
        g_autoptr(JsonBuilder) page = lin_test_page_new ();
        g_autoptr(JsonNode) root = NULL;
        g_autoptr(GBytes) body = NULL;
        g_autofree char *authorization = g_strconcat ("Bearer ", tokens[d], NULL);
        char *text;

        /* the first page of each device creates the shared record too */
        if (p == 0)
          g_free (lin_test_page_add_sealed (page, shared, 0, "everyone's"));
        for (int i = 0; i < N_OPS; i++)
          {
            guint8 record[16];

            lin_test_random_record (record);
            g_free (lin_test_page_add_sealed (page, record, 0, "mine"));
          }
        json_builder_end_array (page);
        json_builder_end_object (page);
        root = json_builder_get_root (page);
        text = json_to_string (root, FALSE);
        body = g_bytes_new_take (text, strlen (text));

        pending[d][p].msg = soup_message_new ("POST", uri);
        lin_test_server_pin (pending[d][p].msg, server->pinned);
        soup_message_headers_replace (soup_message_get_request_headers (pending[d][p].msg),
                                      "Authorization", authorization);
        soup_message_set_request_body_from_bytes (pending[d][p].msg, "application/json", body);
        soup_session_send_and_read_async (sessions[d], pending[d][p].msg, G_PRIORITY_DEFAULT, NULL,
                                          sent_cb, &pending[d][p]);
      }

  for (int d = 0; d < N_DEVICES; d++)
    for (int p = 0; p < N_PAGES; p++)
      {
        while (!pending[d][p].done)
          g_main_context_iteration (NULL, TRUE);
        if (p == 0)
          {
            const char *status = json_object_get_string_member (lin_test_result (pending[d][p].reply, 0), "status");

            applied += g_str_equal (status, "applied");
            g_assert_true (g_str_equal (status, "applied") || g_str_equal (status, "conflict"));
          }
        g_clear_pointer (&pending[d][p].reply, json_object_unref);
        g_clear_object (&pending[d][p].msg);
      }
  g_assert_cmpuint (applied, ==, 1);

  /* pull_all checks that the sequence runs 1, 2, 3, … */
  changes = lin_test_pull_all (server, org.token, org.org_id, 0, 200, &n_pages);
  g_assert_cmpuint (changes->len, ==, N_DEVICES * N_PAGES * N_OPS + 1);

  for (int d = 0; d < N_DEVICES; d++)
    {
      g_free (tokens[d]);
      g_object_unref (sessions[d]);
    }
}

/* The server's folder holds ciphertext only: no canary, no token */
static void
test_canary (void)
{
  g_autoptr(LinTestServer) server = lin_test_server_new ();
  g_auto(LinTestOrg) org = { NULL, };
  g_autoptr(JsonBuilder) page = NULL;
  g_autoptr(GString) where = g_string_new (NULL);
  g_autofree char *member = NULL;
  guint8 record[16];

  lin_test_server_run (server);
  lin_test_org_found (server, "SOS Kraljevo", &org);
  member = lin_test_org_enrol_member (server, &org, NULL);

  page = lin_test_page_new ();
  for (int i = 0; i < 50; i++)
    {
      g_autofree char *payload = g_strdup_printf ("{\"caller\": \"%s\", \"n\": %d}", CANARY, i);

      lin_test_random_record (record);
      g_free (lin_test_page_add_sealed (page, record, 0, payload));
    }
  g_assert_cmpuint (lin_test_push (server, member, org.org_id, page, NULL), ==, 200);
  g_assert_cmpuint (lin_test_count_changes (server, &org), ==, 50);

  /* while it runs (the WAL) and after it stopped */
  for (int pass = 0; pass < 2; pass++)
    {
      g_assert_cmpuint (lin_vault_test_count_in_tree (server->root, (const guint8 *)CANARY,
                                                      strlen (CANARY), where), ==, 0);
      g_assert_cmpuint (lin_vault_test_count_in_tree (server->root, (const guint8 *)"Petrovi",
                                                      strlen ("Petrovi"), where), ==, 0);
      g_assert_cmpuint (lin_vault_test_count_in_tree (server->root, (const guint8 *)member,
                                                      strlen (member), where), ==, 0);
      g_assert_cmpuint (lin_vault_test_count_in_tree (server->root, (const guint8 *)org.token,
                                                      strlen (org.token), where), ==, 0);
      g_assert_cmpstr (where->str, ==, "");
      if (pass == 0)
        g_assert_cmpint (lin_test_server_stop (server), ==, 0);
    }
}

/* POST /v1/invites: the coordinator's Linija gets a code that works */
static void
test_invites (void)
{
  g_autoptr(LinTestServer) server = lin_test_server_new ();
  g_auto(LinTestOrg) org = { NULL, };
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(JsonBuilder) enrol = NULL;
  g_autofree char *member = NULL;
  g_autofree char *code = NULL;

  lin_test_server_run (server);
  lin_test_org_found (server, "SOS (izmišljena)", &org);
  member = lin_test_org_enrol_member (server, &org, NULL);

  g_assert_cmpuint (lin_test_server_request (server, "POST", "/v1/invites", member, "{}", 2, NULL), ==, 403);
  g_assert_cmpuint (lin_test_server_request (server, "POST", "/v1/invites", NULL, "{}", 2, NULL), ==, 401);
  g_assert_cmpuint (lin_test_server_request (server, "POST", "/v1/invites", org.token, "{\"hours\": 0}", -1, NULL),
                    ==, 400);
  g_assert_cmpuint (lin_test_server_request (server, "POST", "/v1/invites", org.token, "{\"hours\": 721}", -1,
                                             NULL), ==, 400);
  g_assert_cmpuint (lin_test_server_request (server, "POST", "/v1/invites", org.token, "[", -1, NULL), ==, 400);
  g_assert_cmpuint (lin_test_server_request (server, "GET", "/v1/invites", org.token, NULL, 0, NULL), ==, 405);

  g_assert_cmpuint (lin_test_server_request (server, "POST", "/v1/invites", org.token, "{\"hours\": 2}", -1,
                                             &reply), ==, 201);
  code = g_strdup (json_object_get_string_member (reply, "code"));
  g_assert_cmpint (json_object_get_int_member (reply, "expires"), >, g_get_real_time () / G_USEC_PER_SEC + 3500);
  g_clear_pointer (&reply, json_object_unref);

  /* it enrols a device, once */
  enrol = lin_test_enrol_body (code, "Laptop 4", NULL);
  g_assert_cmpuint (lin_test_server_request_json (server, "POST", "/v1/enrol", NULL, enrol, &reply), ==, 201);
  g_assert_cmpstr (json_object_get_string_member (reply, "state"), ==, "pending");
  g_clear_pointer (&reply, json_object_unref);
  g_clear_object (&enrol);
  enrol = lin_test_enrol_body (code, "Laptop 5", NULL);
  g_assert_cmpuint (lin_test_server_request_json (server, "POST", "/v1/enrol", NULL, enrol, NULL), ==, 403);
}

int
main (int   argc,
      char *argv[])
{
  /* the tests' own settings schemas lack GNOME's proxy settings, and
   * nothing here may go through a proxy anyway */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  lin_vault_test_init ();

  g_test_add_func ("/server/init-run-stop", test_init_run_stop);
  g_test_add_func ("/server/init-own-certificate", test_init_own_certificate);
  g_test_add_func ("/server/enrol", test_enrol);
  g_test_add_func ("/server/invite-codes", test_invite_codes);
  g_test_add_func ("/server/push-pull", test_push_pull);
  g_test_add_func ("/server/auth", test_auth);
  g_test_add_func ("/server/hostile-bodies", test_hostile_bodies);
  g_test_add_func ("/server/concurrent", test_concurrent);
  g_test_add_func ("/server/canary", test_canary);
  g_test_add_func ("/server/invites", test_invites);

  return g_test_run ();
}
