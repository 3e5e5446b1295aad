/* bench-calls.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The call screens' costs, on this machine:
 *
 *  a. saving a completed call as the wizard does (lin_call_save: its
 *     follow-up, the call, its note; three transactions with fsync), and
 *     the call alone, N = 300 (goal: p99 under 20 ms);
 *  b. with 100,000 fictional calls in a profile (lin_demo_add_calls, with
 *     their follow-ups and notes): the time from the working set loaded
 *     to the call log's first rows (goal ≤ 300 ms), until its index is
 *     complete, each change of the risk filter and of the date filter
 *     (goal ≤ 50 ms), and the process's peak RSS (goal ≤ 250 MB).
 *
 * A benchmark, not a test: it prints a table and one line of JSON and
 * never fails because something is slow. The 100,000-call profile is
 * built once and kept in the build folder (bench-calls-cache-*) for later
 * runs (lin-bench-profile.c, shared with bench-call-log); building it
 * takes minutes (every save is fsynced).
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lin-bench-profile.h"
#include "lin-bench-utils.h"
#include "lin-call-log.h"
#include "lin-demo.h"
#include "lin-profile.h"

#define N_SAVES 300
#define N_WARMUP 10
#define N_FILTER_ROUNDS 10
#define SEED LIN_BENCH_SEED
#define PASSPHRASE LIN_BENCH_PASSPHRASE

/* a. Saving */

typedef struct
{
  double full_median, full_p99, full_max;
  double call_median, call_p99;
} SaveResult;

static void
bench_save (const char *work_dir,
            SaveResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinStore) source = NULL;
  g_autoptr(LinStore) store = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) alone = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDateTime) until = lin_bench_calls_until ();
  g_autofree char *source_dir = g_build_filename (work_dir, "source", NULL);
  g_autofree char *data_dir = g_build_filename (work_dir, "save", NULL);
  g_autofree char *source_profile = NULL;
  g_autofree char *profile = NULL;
  LinKdfParams floor;
  guint n_full = 0;

  lin_kdf_params_floor (&floor);
  source_profile = lin_profile_create (source_dir, "Source", PASSPHRASE, &floor, &error);
  lin_bench_die_on (error);
  source = lin_profile_unlock (source_profile, PASSPHRASE, &error);
  lin_bench_die_on (error);
  profile = lin_profile_create (data_dir, "Bench", PASSPHRASE, &floor, &error);
  lin_bench_die_on (error);
  store = lin_profile_unlock (profile, PASSPHRASE, &error);
  lin_bench_die_on (error);

  /* the calls to save: demo calls, the completed ones (all steps) */
  lin_demo_add_calls (source, 2 * (N_SAVES + N_WARMUP), SEED, until, &error);
  lin_bench_die_on (error);
  calls = lin_store_list (source, LIN_CALL_KIND);

  for (guint i = 0; i < calls->len && n_full < N_WARMUP + N_SAVES; i++)
    {
      g_autofree char *json = NULL;
      g_autoptr(LinRecord) call = lin_record_new (LIN_CALL_KIND);
      g_autoptr(LinRecord) copy = lin_record_new (LIN_CALL_KIND);
      g_autoptr(LinRecord) follow_up = NULL;
      g_autoptr(GDateTime) due = NULL;
      double t0, t1, t2;

      if (!json_object_has_member (lin_record_get_fields (calls->pdata[i]), LIN_CALL_FIELD_RISK))
        continue;

      json = lin_record_dup_fields_json (calls->pdata[i]);
      if (!lin_record_set_fields_json (call, json, &error) || !lin_record_set_fields_json (copy, json, &error))
        lin_bench_die_on (error);
      json_object_remove_member (lin_record_get_fields (call), LIN_CALL_FIELD_FOLLOW_UP_ID);
      json_object_remove_member (lin_record_get_fields (copy), LIN_CALL_FIELD_FOLLOW_UP_ID);
      due = g_date_time_add_days (until, 2);
      follow_up = lin_follow_up_new (call, due, "phone-call", "радним данима 9–13", "ружа");

      t0 = lin_bench_now ();
      if (!lin_call_save (store, call, follow_up, "Позвала из продавнице; договорен безбедносни план.", &error))
        lin_bench_die_on (error);
      t1 = lin_bench_now ();
      if (!lin_call_save (store, copy, NULL, NULL, &error))
        lin_bench_die_on (error);
      t2 = lin_bench_now ();

      if (n_full++ >= N_WARMUP)
        {
          double full_ms = (t1 - t0) * 1000, alone_ms = (t2 - t1) * 1000;

          g_array_append_val (full, full_ms);
          g_array_append_val (alone, alone_ms);
        }
    }

  lin_store_close (source);
  lin_store_close (store);

  result->full_median = lin_bench_percentile (full, 50);
  result->full_p99 = lin_bench_percentile (full, 99);
  result->full_max = lin_bench_maximum (full);
  result->call_median = lin_bench_percentile (alone, 50);
  result->call_p99 = lin_bench_percentile (alone, 99);
}

/* b. The call log over 100,000 calls */

typedef struct
{
  double build_seconds;   /* < 0: from the cache */
  guint  records;
  guint  calls;
  double load_seconds;
  double first_rows_ms;
  double index_ms;
  double risk_median_ms, risk_max_ms;
  double date_median_ms, date_max_ms;
  double rss_loaded_mib;
  double rss_peak_mib;
  guint  shown_high;
} LogResult;

static void
bench_log (LogResult *result)
{
  g_autofree char *profile = lin_bench_calls_profile (&result->build_seconds);
  g_autofree char *header = g_build_filename (profile, LIN_HEADER_FILE, NULL);
  g_autofree char *db = g_build_filename (profile, LIN_STORE_FILE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LinVault) vault = lin_vault_unlock (header, PASSPHRASE, &error);
  g_autoptr(LinStore) store = NULL;
  g_autoptr(LinCallLog) log = NULL;
  g_autoptr(GArray) risk = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) date = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDateTime) until = lin_bench_calls_until ();
  static const guint masks[] = {
    LIN_CALL_LOG_RISK (LIN_RISK_LEVEL_HIGH),
    LIN_CALL_LOG_RISK (LIN_RISK_LEVEL_MEDIUM) | LIN_CALL_LOG_RISK (LIN_RISK_LEVEL_HIGH),
    LIN_CALL_LOG_RISK (LIN_RISK_LEVEL_STANDARD),
    0,
  };
  static const int days[] = { 7, 30, 90, 0 };
  double start;

  lin_bench_die_on (error);
  start = lin_bench_now ();
  store = lin_store_open (vault, db, FALSE, &error);
  lin_bench_die_on (error);
  result->load_seconds = lin_bench_now () - start;
  result->records = lin_store_get_n_records (store);
  result->rss_loaded_mib = lin_bench_peak_rss_mib ();

  /* first rows: the log exists and has them */
  start = lin_bench_now ();
  log = lin_call_log_new (store);
  if (g_list_model_get_n_items (G_LIST_MODEL (log)) == 0)
    g_error ("The call log has no rows");
  {
    g_autoptr(LinRecord) first = g_list_model_get_item (G_LIST_MODEL (log), 0);

    (void)first;
  }
  result->first_rows_ms = (lin_bench_now () - start) * 1000;
  result->calls = g_list_model_get_n_items (G_LIST_MODEL (log));

  while (!lin_call_log_get_index_ready (log))
    g_main_context_iteration (NULL, TRUE);
  result->index_ms = (lin_bench_now () - start) * 1000;

  for (guint round = 0; round < N_FILTER_ROUNDS; round++)
    for (guint i = 0; i < G_N_ELEMENTS (masks); i++)
      {
        double ms;

        start = lin_bench_now ();
        lin_call_log_set_risk_levels (log, masks[i]);
        ms = (lin_bench_now () - start) * 1000;
        g_array_append_val (risk, ms);
        if (i == 0)
          result->shown_high = g_list_model_get_n_items (G_LIST_MODEL (log));
      }

  for (guint round = 0; round < N_FILTER_ROUNDS; round++)
    for (guint i = 0; i < G_N_ELEMENTS (days); i++)
      {
        g_autoptr(GDateTime) from = days[i] > 0 ? g_date_time_add_days (until, -days[i]) : NULL;
        double ms;

        start = lin_bench_now ();
        lin_call_log_set_date_range (log, from, days[i] > 0 ? until : NULL);
        ms = (lin_bench_now () - start) * 1000;
        g_array_append_val (date, ms);
      }

  result->risk_median_ms = lin_bench_percentile (risk, 50);
  result->risk_max_ms = lin_bench_maximum (risk);
  result->date_median_ms = lin_bench_percentile (date, 50);
  result->date_max_ms = lin_bench_maximum (date);
  result->rss_peak_mib = lin_bench_peak_rss_mib ();

  g_clear_object (&log);
  lin_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *work_dir = NULL;
  g_autofree char *build_json = NULL;
  SaveResult save = { 0 };
  LogResult log = { 0 };

  if (!lin_secret_init (&error))
    g_error ("%s", error->message);

  work_dir = g_dir_make_tmp ("linija-bench-calls-XXXXXX", &error);
  lin_bench_die_on (error);

  bench_save (work_dir, &save);
  lin_bench_rm_rf (work_dir);
  bench_log (&log);

  printf ("Linija call benchmark — %u processors\n\n", g_get_num_processors ());

  printf ("a. Save a completed call, N = %d\n", N_SAVES);
  printf ("   %-52s %10s %10s\n", "", "median ms", "p99 ms");
  printf ("   %-52s %10.3f %10.3f   (goal: p99 < 20 ms; max %.3f)\n",
          "lin_call_save: follow-up, call, note (3 fsyncs)", save.full_median, save.full_p99, save.full_max);
  printf ("   %-52s %10.3f %10.3f\n", "lin_call_save: the call alone", save.call_median, save.call_p99);

  printf ("\nb. The call log over %u calls (%u records in the profile)\n", log.calls, log.records);
  if (log.build_seconds >= 0)
    printf ("   building the profile: %.1f s\n", log.build_seconds);
  else
    printf ("   profile taken from the cache in the build folder\n");
  printf ("   %-52s %10.3f s\n", "working set loaded (lin_store_open, no Argon2id)", log.load_seconds);
  printf ("   %-52s %10.1f ms  (goal ≤ 300 ms)\n", "first rows after the working set is loaded", log.first_rows_ms);
  printf ("   %-52s %10.1f ms\n", "index complete (sorted by start, filters ready)", log.index_ms);
  printf ("   %-52s %10s %10s\n", "", "median ms", "max ms");
  printf ("   %-52s %10.2f %10.2f   (goal ≤ 50 ms)\n", "risk filter change", log.risk_median_ms, log.risk_max_ms);
  printf ("   %-52s %10.2f %10.2f   (goal ≤ 50 ms)\n", "date filter change", log.date_median_ms, log.date_max_ms);
  printf ("   %-52s %10u\n", "rows shown with high risk only", log.shown_high);
  printf ("   %-52s %10.1f MiB\n", "peak RSS with the working set loaded", log.rss_loaded_mib);
  printf ("   %-52s %10.1f MiB (goal ≤ 250 MB)\n\n", "peak RSS of the process", log.rss_peak_mib);

  build_json = log.build_seconds < 0 ? g_strdup ("null") : g_strdup_printf ("%.1f", log.build_seconds);
  printf ("{\"benchmark\":\"calls\",\"nproc\":%u,"
          "\"save\":{\"n\":%d,\"median_ms\":%.4f,\"p99_ms\":%.4f,\"max_ms\":%.4f,"
          "\"call_only_median_ms\":%.4f,\"call_only_p99_ms\":%.4f},"
          "\"log\":{\"calls\":%u,\"records\":%u,\"load_s\":%.4f,\"first_rows_ms\":%.2f,\"index_ms\":%.1f,"
          "\"risk_filter_median_ms\":%.3f,\"risk_filter_max_ms\":%.3f,"
          "\"date_filter_median_ms\":%.3f,\"date_filter_max_ms\":%.3f,"
          "\"rss_loaded_mib\":%.1f,\"rss_peak_mib\":%.1f,\"build_seconds\":%s}}\n",
          g_get_num_processors (), N_SAVES, save.full_median, save.full_p99, save.full_max,
          save.call_median, save.call_p99,
          log.calls, log.records, log.load_seconds, log.first_rows_ms, log.index_ms,
          log.risk_median_ms, log.risk_max_ms, log.date_median_ms, log.date_max_ms,
          log.rss_loaded_mib, log.rss_peak_mib, build_json);

  return 0;
}
