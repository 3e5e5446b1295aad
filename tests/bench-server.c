/* bench-server.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * linija-server's rates over loopback TLS, next to their floor:
 *
 *  a. 10,000 small records (one envelope each, 436 bytes) pushed by one
 *     device in pages of 200, and pulled by another in pages of 200:
 *     records per second each way;
 *  b. the floor: the same request bodies POSTed, and the same answer
 *     bodies fetched, from a trivial SoupServer handler over TLS in this
 *     process, on one connection as the requests of a. (goal: the server
 *     at least 50 % of it);
 *  c. one change end to end: a push of one operation, then a pull from
 *     the cursor by another device (goal: ≤ 50 ms);
 *  d. the server's peak resident memory;
 *  e. 50 devices syncing at once, each in a thread of its own: each
 *     pushes 200 new records in pages of 40, then pulls the collection
 *     from its start until it has everyone's: the wall time, the server's
 *     CPU time (user and system, from /proc) and its peak memory.
 *
 * The request bodies are made before the clock starts: sealing is the
 * client's work, not the server's. A benchmark, not a test: it prints a
 * table and one line of JSON and never fails because something is slow.
 */

#include "config.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lin-bench-floor.h"
#include "lin-bench-utils.h"
#include "lin-server-test-utils.h"
#include "lin-vault-test-utils.h"

#define N_RECORDS 10000
#define PAGE 200
#define N_SINGLE 50
#define RUNS 3
#define N_DEVICES 50
#define DEVICE_RECORDS 200
#define DEVICE_PAGE 40

/* A follow-up's worth of JSON: 436 bytes once sealed and padded */
static const char payload[] = "{\"kind\":\"follow-up\",\"due\":1795000000,\"method\":\"sms\","
                              "\"safe_times\":\"weekdays 10-12\",\"outcome\":null}";

/* @n new records, as pages of @page operations */
static GPtrArray *
make_pages (guint n,
            guint page)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);

  for (guint p = 0; p < n / page; p++)
    {
      GString *body = g_string_new ("{\"ops\":[");

      for (guint i = 0; i < page; i++)
        {
          guint8 record[16];
          char record_hex[33];
          g_autofree char *op_id = lin_test_random_id ();
          g_autofree char *envelope = NULL;

          randombytes_buf (record, sizeof record);
          sodium_bin2hex (record_hex, sizeof record_hex, record, sizeof record);
          envelope = lin_test_seal_base64 (record, 1, 0, payload);
          g_string_append_printf (body, "%s{\"op_id\":\"%s\",\"record_id\":\"%s\",\"base_revision\":0,"
                                  "\"revision\":1,\"envelope\":\"%s\"}",
                                  i > 0 ? "," : "", op_id, record_hex, envelope);
        }
      g_string_append (body, "]}");
      g_ptr_array_add (pages, g_string_free_to_bytes (body));
    }

  return pages;
}

/* One request; returns the answer's body */
/* e: a device of many, in its own thread with its own session */
typedef struct
{
  LinTestServer *server;
  const char    *org_id;
  char          *token;
  GPtrArray     *pages;
  gint64         pulled;
} Device;

static gpointer
device_thread (gpointer data)
{
  Device *device = data;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *push_uri = g_strdup_printf ("%s/v1/orgs/%s/collections/many/push", device->server->url,
                                               device->org_id);
  gint64 cursor = 0;

  for (guint i = 0; i < device->pages->len; i++)
    g_bytes_unref (lin_bench_send (session, device->server->pinned, "POST", push_uri, device->token, device->pages->pdata[i]));

  /* until it has everyone's: the others may still be pushing */
  while (cursor < N_DEVICES * DEVICE_RECORDS)
    {
      g_autofree char *uri = g_strdup_printf ("%s/v1/orgs/%s/collections/many/changes?since=%" G_GINT64_FORMAT
                                              "&limit=%d", device->server->url, device->org_id, cursor, PAGE);
      g_autoptr(GBytes) answer = lin_bench_send (session, device->server->pinned, "GET", uri, device->token, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), g_bytes_get_size (answer), &error);
      lin_bench_die_on (g_steal_pointer (&error));
      cursor = json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)), "next");
    }
  device->pulled = cursor;

  return NULL;
}

/* The server's CPU time so far, in seconds (user and system) */
static double
server_cpu_s (LinTestServer *server)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", g_subprocess_get_identifier (server->proc));
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (path, &stat, NULL, NULL) || (after = strrchr (stat, ')')) == NULL)
    g_error ("bench-server: cannot read %s", path);
  /* after the command's name: state is field 3, utime 14, stime 15 */
  fields = g_strsplit (after + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    g_error ("bench-server: %s is short", path);

  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) / sysconf (_SC_CLK_TCK);
}

static char *
found_with_member (LinTestServer  *server,
                   LinTestOrg     *org)
{
  lin_test_org_found (server, "SOS Benchmark", org);
  return lin_test_org_enrol_member (server, org, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LinTestServer) server = NULL;
  g_auto(LinTestOrg) org = { NULL, };
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr(GArray) singles = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *member = NULL;
  g_autofree char *push_uri = NULL;
  g_autofree char *collection = NULL;
  LinBenchFloor floor = { NULL, };
  double push_s = G_MAXDOUBLE, pull_s = G_MAXDOUBLE, raw_push_s = G_MAXDOUBLE, raw_pull_s = G_MAXDOUBLE;
  double t;
  gint64 cursor = 0;
  gsize push_bytes = 0, pull_bytes = 0;
  guint64 rss;
  double many_s = 0, many_cpu_s = 0;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  lin_vault_test_init ();

  server = lin_test_server_new ();
  lin_test_server_run (server);
  member = found_with_member (server, &org);
  pages = make_pages (N_RECORDS, PAGE);
  for (guint i = 0; i < pages->len; i++)
    push_bytes += g_bytes_get_size (pages->pdata[i]);

  /* a: push once (the log is append-only: a second run would push
   * duplicates), pull several times */
  push_uri = g_strdup_printf ("%s/v1/orgs/%s/collections/main/push", server->url, org.org_id);
  t = lin_bench_now ();
  for (guint i = 0; i < pages->len; i++)
    g_bytes_unref (lin_bench_send (server->session, server->pinned, "POST", push_uri, org.token, pages->pdata[i]));
  push_s = lin_bench_now () - t;

  for (int run = 0; run < RUNS; run++)
    {
      g_ptr_array_set_size (answers, 0);
      cursor = 0;
      t = lin_bench_now ();
      for (guint i = 0; i < pages->len; i++)
        {
          g_autofree char *uri = g_strdup_printf ("%s/v1/orgs/%s/collections/main/changes?since=%" G_GINT64_FORMAT
                                                  "&limit=%d", server->url, org.org_id, cursor, PAGE);

          g_ptr_array_add (answers, lin_bench_send (server->session, server->pinned, "GET", uri, member, NULL));
          cursor += PAGE;
        }
      pull_s = MIN (pull_s, lin_bench_now () - t);
    }
  for (guint i = 0; i < answers->len; i++)
    pull_bytes += g_bytes_get_size (answers->pdata[i]);

  /* b: the floor */
  lin_bench_floor_start (&floor, server->dir, answers);

  lin_bench_floor_measure (&floor, NULL, server->pinned, pages, RUNS, &raw_push_s, &raw_pull_s);
  lin_bench_floor_stop (&floor);

  /* c: one change end to end, pushed by the coordinator, pulled by the member */
  collection = g_strdup_printf ("%s/v1/orgs/%s/collections/main", server->url, org.org_id);
  cursor = N_RECORDS;
  for (int i = 0; i < N_SINGLE; i++)
    {
      guint8 record[16];
      char record_hex[33];
      g_autofree char *op_id = lin_test_random_id ();
      g_autofree char *envelope = NULL;
      g_autofree char *body = NULL;
      g_autofree char *uri = NULL;
      g_autoptr(GBytes) bytes = NULL;

      randombytes_buf (record, sizeof record);
      sodium_bin2hex (record_hex, sizeof record_hex, record, sizeof record);
      envelope = lin_test_seal_base64 (record, 1, 0, payload);
      body = g_strdup_printf ("{\"ops\":[{\"op_id\":\"%s\",\"record_id\":\"%s\",\"base_revision\":0,"
                              "\"revision\":1,\"envelope\":\"%s\"}]}", op_id, record_hex, envelope);
      bytes = g_bytes_new (body, strlen (body));
      uri = g_strdup_printf ("%s/changes?since=%" G_GINT64_FORMAT, collection, cursor);

      t = lin_bench_now ();
      g_bytes_unref (lin_bench_send (server->session, server->pinned, "POST", push_uri, org.token, bytes));
      g_bytes_unref (lin_bench_send (server->session, server->pinned, "GET", uri, member, NULL));
      t = (lin_bench_now () - t) * 1000;
      g_array_append_val (singles, t);
      cursor++;
    }

  /* e: 50 devices at once */
  {
    Device devices[N_DEVICES];
    GThread *threads[N_DEVICES];
    double cpu;

    devices[0] = (Device) { server, org.org_id, g_strdup (org.token), NULL, 0 };
    for (guint d = 1; d < N_DEVICES; d++)
      devices[d] = (Device) { server, org.org_id, lin_test_org_enrol_member (server, &org, NULL), NULL, 0 };
    for (guint d = 0; d < N_DEVICES; d++)
      devices[d].pages = make_pages (DEVICE_RECORDS, DEVICE_PAGE);

    cpu = server_cpu_s (server);
    t = lin_bench_now ();
    for (guint d = 0; d < N_DEVICES; d++)
      threads[d] = g_thread_new ("device", device_thread, &devices[d]);
    for (guint d = 0; d < N_DEVICES; d++)
      g_thread_join (threads[d]);
    many_s = lin_bench_now () - t;
    many_cpu_s = server_cpu_s (server) - cpu;

    for (guint d = 0; d < N_DEVICES; d++)
      {
        if (devices[d].pulled != N_DEVICES * DEVICE_RECORDS)
          g_error ("bench-server: a device pulled %" G_GINT64_FORMAT " changes", devices[d].pulled);
        g_ptr_array_unref (devices[d].pages);
        g_free (devices[d].token);
      }
  }

  rss = lin_test_server_peak_rss_kib (server);

  printf ("linija-server over loopback TLS — %u records of %zu bytes of JSON each way, pages of %d\n\n",
          N_RECORDS, push_bytes / N_RECORDS, PAGE);
  printf ("%-34s %12s %12s %8s\n", "", "records/s", "floor/s", "of floor");
  printf ("%-34s %12.0f %12.0f %7.0f%%\n", "push (one device)", N_RECORDS / push_s, N_RECORDS / raw_push_s,
          100 * raw_push_s / push_s);
  printf ("%-34s %12.0f %12.0f %7.0f%%\n", "pull (another device)", N_RECORDS / pull_s, N_RECORDS / raw_pull_s,
          100 * raw_pull_s / pull_s);
  printf ("%-34s %9.1f ms (p95 %.1f ms, goal ≤ 50 ms)\n", "one change, push + pull, median",
          lin_bench_percentile (singles, 50), lin_bench_percentile (singles, 95));
  printf ("%-34s %9.1f s wall, %.1f s server CPU (%.0f %% of a core)\n",
          "50 devices at once", many_s, many_cpu_s, 100 * many_cpu_s / many_s);
  printf ("%-34s %9s %u records pushed, %u pulled by each\n", "", "",
          N_DEVICES * DEVICE_RECORDS, N_DEVICES * DEVICE_RECORDS);
  printf ("%-34s %9.1f MiB\n\n", "server peak RSS", rss / 1024.0);
  printf ("{\"records\": %u, \"push_per_s\": %.0f, \"push_floor_per_s\": %.0f, \"pull_per_s\": %.0f,"
          " \"pull_floor_per_s\": %.0f, \"single_ms_median\": %.2f, \"single_ms_p95\": %.2f,"
          " \"push_bytes\": %zu, \"pull_bytes\": %zu, \"server_peak_rss_kib\": %" G_GUINT64_FORMAT ","
          " \"devices\": %d, \"devices_wall_s\": %.2f, \"devices_server_cpu_s\": %.2f}\n",
          N_RECORDS, N_RECORDS / push_s, N_RECORDS / raw_push_s, N_RECORDS / pull_s, N_RECORDS / raw_pull_s,
          lin_bench_percentile (singles, 50), lin_bench_percentile (singles, 95), push_bytes, pull_bytes, rss,
          N_DEVICES, many_s, many_cpu_s);

  return 0;
}
