/* lin-bench-floor.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The floor of the sync benchmarks (bench-server, bench-sync).
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdlib.h>

#include "lin-bench-floor.h"
#include "lin-bench-utils.h"
#include "lin-server-test-utils.h"

GBytes *
lin_bench_send (SoupSession     *session,
                GTlsCertificate *pinned,
                const char      *method,
                const char      *uri,
                const char      *token,
                GBytes          *body)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GError) error = NULL;
  GBytes *answer;

  lin_test_server_pin (msg, pinned);
  if (token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", body);
  /* as LinSync's requests: on the connection already open. libsoup opens
   * a new one (a TLS handshake) for every POST otherwise, and a floor that
   * pays for that flatters what is measured against it. */
  soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);

  answer = soup_session_send_and_read (session, msg, NULL, &error);
  lin_bench_die_on (error);
  if (soup_message_get_status (msg) != 200)
    g_error ("%s %s: %u", method, uri, soup_message_get_status (msg));

  return answer;
}

static void
floor_handler (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  LinBenchFloor *floor = user_data;
  const char *page = query != NULL ? g_hash_table_lookup (query, "page") : NULL;
  GBytes *answer;

  soup_server_message_set_status (msg, 200, NULL);
  if (page == NULL)
    {
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, "{}", 2);
      return;
    }

  answer = g_ptr_array_index (floor->answers, atoi (page));
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
}

/* The trivial server, on its own thread and main context */
static gpointer
floor_thread (gpointer data)
{
  LinBenchFloor *floor = data;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  GSList *uris;

  g_main_context_push_thread_default (floor->context);
  server = soup_server_new ("tls-certificate", floor->certificate, NULL);
  soup_server_add_handler (server, NULL, floor_handler, floor, NULL);
  address = g_inet_socket_address_new (loopback, 0);
  soup_server_listen (server, address, SOUP_SERVER_LISTEN_HTTPS, &error);
  lin_bench_die_on (g_steal_pointer (&error));

  uris = soup_server_get_uris (server);
  g_mutex_lock (&floor->lock);
  floor->url = g_uri_to_string (uris->data);
  g_cond_signal (&floor->cond);
  g_mutex_unlock (&floor->lock);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_main_loop_run (floor->loop);
  soup_server_disconnect (server);
  g_main_context_pop_thread_default (floor->context);

  return NULL;
}

/**
 * lin_bench_floor_start:
 * @floor: zeroed
 * @server_dir: a linija-server state folder: its certificate and key serve
 * @answers: (element-type GBytes): what GET ?page=N answers
 */
void
lin_bench_floor_start (LinBenchFloor *floor,
                       const char    *server_dir,
                       GPtrArray     *answers)
{
  g_autofree char *cert = g_build_filename (server_dir, "tls-cert.pem", NULL);
  g_autofree char *key = g_build_filename (server_dir, "tls-key.pem", NULL);
  g_autoptr(GError) error = NULL;

  floor->context = g_main_context_new ();
  floor->loop = g_main_loop_new (floor->context, FALSE);
  floor->certificate = g_tls_certificate_new_from_files (cert, key, &error);
  lin_bench_die_on (g_steal_pointer (&error));
  floor->answers = answers;
  g_mutex_init (&floor->lock);
  g_cond_init (&floor->cond);
  g_mutex_lock (&floor->lock);
  floor->thread = g_thread_new ("floor", floor_thread, floor);
  while (floor->url == NULL)
    g_cond_wait (&floor->cond, &floor->lock);
  g_mutex_unlock (&floor->lock);
}

void
lin_bench_floor_stop (LinBenchFloor *floor)
{
  g_main_loop_quit (floor->loop);
  g_main_context_wakeup (floor->context);
  g_thread_join (floor->thread);
  g_clear_pointer (&floor->loop, g_main_loop_unref);
  g_clear_pointer (&floor->context, g_main_context_unref);
  g_clear_object (&floor->certificate);
  g_clear_pointer (&floor->url, g_free);
  g_mutex_clear (&floor->lock);
  g_cond_clear (&floor->cond);
}

/**
 * lin_bench_floor_measure:
 * @floor: a started floor
 * @url: (nullable): where to send the requests, a proxy in front of it;
 *   %NULL: the floor itself
 * @pinned: the certificate that serves @url
 * @bodies: (element-type GBytes): what to POST, one request each
 * @runs: how many times
 * @push_s: (out): the best time to POST @bodies
 * @pull_s: (out): the best time to GET every answer
 */
void
lin_bench_floor_measure (LinBenchFloor   *floor,
                         const char      *url,
                         GTlsCertificate *pinned,
                         GPtrArray       *bodies,
                         guint            runs,
                         double          *push_s,
                         double          *pull_s)
{
  *push_s = *pull_s = G_MAXDOUBLE;

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(SoupSession) session = soup_session_new ();
      double t = lin_bench_now ();

      for (guint i = 0; i < bodies->len; i++)
        g_bytes_unref (lin_bench_send (session, pinned, "POST", url != NULL ? url : floor->url, NULL,
                                       bodies->pdata[i]));
      *push_s = MIN (*push_s, lin_bench_now () - t);

      t = lin_bench_now ();
      for (guint i = 0; i < floor->answers->len; i++)
        {
          g_autofree char *uri = g_strdup_printf ("%s?page=%u", url != NULL ? url : floor->url, i);

          g_bytes_unref (lin_bench_send (session, pinned, "GET", uri, NULL, NULL));
        }
      *pull_s = MIN (*pull_s, lin_bench_now () - t);
    }
}

/**
 * lin_bench_floor_envelope_size:
 * @answer: a page of GET …/changes
 *
 * Returns: the size of its first envelope, in bytes
 */
gsize
lin_bench_floor_envelope_size (GBytes *answer)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *change;
  gsize size = 0;

  json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), g_bytes_get_size (answer), &error);
  lin_bench_die_on (g_steal_pointer (&error));
  change = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                                         "changes"), 0);
  g_free (g_base64_decode (json_object_get_string_member (change, "envelope"), &size));

  return size;
}

static void
store_exec (sqlite3    *db,
            const char *sql)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
}

/**
 * lin_bench_floor_store:
 * @dir: a folder for a scratch database
 * @n: how many records
 * @size: the size of each envelope
 *
 * A floor of another kind: the least a laptop does for each record it
 * takes in. It opens one sealed envelope of @size bytes and inserts it as
 * one row of a table like the store's `envelopes` (its unique index; WAL,
 * synchronous FULL and secure_delete as the store), all @n in one
 * transaction. The real pull also checks a signature, merges and keeps a
 * head and the sync base of each record.
 *
 * Returns: the best of three runs, in seconds
 */
double
lin_bench_floor_store (const char *dir,
                       guint       n,
                       gsize       size)
{
  unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
  unsigned char nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
  g_autofree unsigned char *plain = g_malloc (size);
  g_autofree unsigned char *sealed = g_malloc (size + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  unsigned long long sealed_len;
  double best = G_MAXDOUBLE;

  crypto_aead_xchacha20poly1305_ietf_keygen (key);
  randombytes_buf (nonce, sizeof nonce);
  randombytes_buf (plain, size);
  crypto_aead_xchacha20poly1305_ietf_encrypt (sealed, &sealed_len, plain, size, NULL, 0, NULL, nonce, key);

  for (guint run = 0; run < 3; run++)
    {
      g_autofree char *path = g_strdup_printf ("%s/floor-%u.db", dir, run);
      sqlite3 *db = NULL;
      sqlite3_stmt *insert = NULL;
      double t;

      if (sqlite3_open (path, &db) != SQLITE_OK)
        g_error ("%s: %s", path, sqlite3_errmsg (db));
      store_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;"
                      "CREATE TABLE envelopes (id INTEGER PRIMARY KEY, record_id BLOB NOT NULL,"
                      "  revision INTEGER NOT NULL, envelope BLOB NOT NULL);"
                      "CREATE UNIQUE INDEX envelopes_by_record ON envelopes (record_id, revision);");
      sqlite3_prepare_v2 (db, "INSERT INTO envelopes (record_id, revision, envelope) VALUES (?, 1, ?)", -1, &insert, NULL);

      t = lin_bench_now ();
      store_exec (db, "BEGIN");
      for (guint i = 0; i < n; i++)
        {
          unsigned char record_id[16];

          if (crypto_aead_xchacha20poly1305_ietf_decrypt (plain, NULL, NULL, sealed, sealed_len, NULL, 0, nonce, key) != 0)
            g_error ("lin_bench_floor_store: the envelope did not open");
          randombytes_buf (record_id, sizeof record_id);
          sqlite3_bind_blob (insert, 1, record_id, sizeof record_id, SQLITE_STATIC);
          sqlite3_bind_blob (insert, 2, sealed, sealed_len, SQLITE_STATIC);
          if (sqlite3_step (insert) != SQLITE_DONE)
            g_error ("lin_bench_floor_store: %s", sqlite3_errmsg (db));
          sqlite3_reset (insert);
        }
      store_exec (db, "COMMIT");
      best = MIN (best, lin_bench_now () - t);

      sqlite3_finalize (insert);
      sqlite3_close (db);
    }

  return best;
}

/**
 * lin_bench_floor_verify:
 * @n: how many
 * @size: the size of each envelope
 *
 * What the pull needs for each record before anything else: its
 * author's Ed25519 signature over the envelope checked, on one core
 * (crypto_sign_verify_detached(), nothing around it).
 *
 * Returns: the best of three runs, in seconds
 */
double
lin_bench_floor_verify (guint n,
                        gsize size)
{
  unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
  unsigned char secret_key[crypto_sign_SECRETKEYBYTES];
  unsigned char signature[crypto_sign_BYTES];
  g_autofree unsigned char *message = g_malloc (size);
  double best = G_MAXDOUBLE;

  crypto_sign_keypair (public_key, secret_key);
  randombytes_buf (message, size);
  crypto_sign_detached (signature, NULL, message, size, secret_key);
  sodium_memzero (secret_key, sizeof secret_key);

  for (guint run = 0; run < 3; run++)
    {
      double t = lin_bench_now ();

      for (guint i = 0; i < n; i++)
        if (crypto_sign_verify_detached (signature, message, size, public_key) != 0)
          g_error ("lin_bench_floor_verify: the signature did not verify");
      best = MIN (best, lin_bench_now () - t);
    }

  return best;
}
