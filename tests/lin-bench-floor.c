/* lin-bench-floor.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The floor of the sync benchmarks (bench-server, bench-sync).
 */

#include "config.h"

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
 * @pinned: the certificate it serves
 * @bodies: (element-type GBytes): what to POST, one request each
 * @runs: how many times
 * @push_s: (out): the best time to POST @bodies
 * @pull_s: (out): the best time to GET every answer
 */
void
lin_bench_floor_measure (LinBenchFloor   *floor,
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
        g_bytes_unref (lin_bench_send (session, pinned, "POST", floor->url, NULL, bodies->pdata[i]));
      *push_s = MIN (*push_s, lin_bench_now () - t);

      t = lin_bench_now ();
      for (guint i = 0; i < floor->answers->len; i++)
        {
          g_autofree char *uri = g_strdup_printf ("%s?page=%u", floor->url, i);

          g_bytes_unref (lin_bench_send (session, pinned, "GET", uri, NULL, NULL));
        }
      *pull_s = MIN (*pull_s, lin_bench_now () - t);
    }
}
