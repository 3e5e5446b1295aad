/* bench-store.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's costs next to their floors, on this machine:
 *
 *  a. saving one 1 KiB call with fsync (lin_store_save), N = 300, against
 *     one raw SQLite insert per transaction of as many random bytes as the
 *     envelope has, into another database with the same pragmas (goal:
 *     at most 1.3 times the floor);
 *  b. decrypting and loading 100,000 such records at unlock
 *     (lin_store_open on an unlocked vault, so without Argon2id), against
 *     libsodium decrypting 100,000 ciphertexts of the envelope's size in
 *     memory (goal: at least half the floor's rate); both the median of
 *     several runs, and the first load of the process, shown beside them.
 *     Each run unlocks as lin_profile_unlock() does: the memory for the
 *     records is made ready on the other processor during Argon2id
 *     (lin_store_prepare_memory), and only lin_store_open is timed;
 *  c. unlocking with the default, calibrated Argon2id parameters.
 *
 * A benchmark, not a test: it prints a table and one line of JSON and
 * never fails because something is slow. The 100,000-record profile is
 * built once through lin_store_save() and kept in the build folder
 * (bench-store-cache-*), named by the store's format, for later runs.
 */

#include "config.h"

#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "lin-bench-utils.h"
#include "lin-profile.h"

#define N_SAVES 300
#define N_WARMUP 10
#define N_LOAD 100000
#define N_LOAD_RUNS 7
#define N_RAW_RUNS 5
#define N_UNLOCKS 3
#define RECORD_BYTES 1024
#define PASSPHRASE "benchmark passphrase, not a secret"
/* bump when what the cached profile holds changes */
#define CACHE_FORMAT 3

/* A call of RECORD_BYTES bytes of JSON */
static char *
call_json (guint n)
{
  GString *json = g_string_new (NULL);

  g_string_append_printf (json, "{\"n\":%u,\"minutes\":%u,\"line\":\"SOS\",\"caller\":{\"age\":%u},"
                          "\"summary\":\"", n, 5 + n % 50, 18 + n % 60);
  while (json->len < RECORD_BYTES - 2)
    g_string_append (json, "Позвала је због насиља; договорен план безбедности. ");
  g_string_truncate (json, RECORD_BYTES - 2);
  /* not in the middle of a UTF-8 sequence */
  while (!g_utf8_validate (json->str, -1, NULL))
    g_string_truncate (json, json->len - 1);
  while (json->len < RECORD_BYTES - 2)
    g_string_append_c (json, ' ');
  g_string_append (json, "\"}");

  return g_string_free (json, FALSE);
}

static LinRecord *
call_record (guint n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = call_json (n);
  LinRecord *record = lin_record_new ("call");

  if (!lin_record_set_fields_json (record, json, &error))
    g_error ("%s", error->message);

  return record;
}

/* a. Saving */

typedef struct
{
  double save_median, save_p99;
  double raw_median, raw_p99;
  gsize  envelope_bytes;
} SaveResult;

static void
bench_save (const char *work_dir,
            SaveResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinStore) store = NULL;
  g_autoptr(GArray) saves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raws = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *data_dir = g_build_filename (work_dir, "save", NULL);
  g_autofree char *raw_path = g_build_filename (work_dir, "raw.db", NULL);
  g_autofree char *profile = NULL;
  g_autofree guint8 *blob = NULL;
  sqlite3 *raw = NULL;
  sqlite3_stmt *insert = NULL;
  LinKdfParams floor;

  lin_kdf_params_floor (&floor);
  profile = lin_profile_create (data_dir, "Bench", PASSPHRASE, &floor, &error);
  lin_bench_die_on (error);
  store = lin_profile_unlock (profile, PASSPHRASE, &error);
  lin_bench_die_on (error);

  /* how large an envelope of such a record is */
  {
    g_autoptr(LinRecord) record = call_record (0);
    g_autoptr(GPtrArray) envelopes = NULL;

    lin_store_save (store, record, &error);
    lin_bench_die_on (error);
    envelopes = lin_store_dup_envelopes (store, lin_record_get_id_string (record));
    result->envelope_bytes = g_bytes_get_size (envelopes->pdata[0]);
  }

  /* the floor: the same pragmas, one insert per transaction */
  if (sqlite3_open_v2 (raw_path, &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK ||
      sqlite3_exec (raw,
                    "PRAGMA journal_mode = WAL;"
                    "PRAGMA synchronous = FULL;"
                    "PRAGMA secure_delete = ON;"
                    "PRAGMA temp_store = MEMORY;"
                    "CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL);",
                    NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (raw, "INSERT INTO blobs (data) VALUES (?)", -1, &insert, NULL) != SQLITE_OK)
    g_error ("SQLite: %s", sqlite3_errmsg (raw));
  blob = g_malloc (result->envelope_bytes);

  /* interleaved, so that whatever else the machine does hits both alike */
  for (guint i = 0; i < N_WARMUP + N_SAVES; i++)
    {
      g_autoptr(LinRecord) record = call_record (i + 1);
      double t0, t1, t2;

      randombytes_buf (blob, result->envelope_bytes);

      t0 = lin_bench_now ();
      if (!lin_store_save (store, record, &error))
        g_error ("%s", error->message);
      t1 = lin_bench_now ();

      if (sqlite3_exec (raw, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        g_error ("SQLite: %s", sqlite3_errmsg (raw));
      sqlite3_bind_blob (insert, 1, blob, (int)result->envelope_bytes, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("SQLite: %s", sqlite3_errmsg (raw));
      sqlite3_reset (insert);
      if (sqlite3_exec (raw, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        g_error ("SQLite: %s", sqlite3_errmsg (raw));
      t2 = lin_bench_now ();

      if (i >= N_WARMUP)
        {
          double save_ms = (t1 - t0) * 1000, raw_ms = (t2 - t1) * 1000;

          g_array_append_val (saves, save_ms);
          g_array_append_val (raws, raw_ms);
        }
    }

  sqlite3_finalize (insert);
  sqlite3_close_v2 (raw);
  lin_store_close (store);

  result->save_median = lin_bench_percentile (saves, 50);
  result->save_p99 = lin_bench_percentile (saves, 99);
  result->raw_median = lin_bench_percentile (raws, 50);
  result->raw_p99 = lin_bench_percentile (raws, 99);
}

/* b. Loading */

typedef struct
{
  double  build_seconds;   /* < 0: taken from the cache */
  double  load_seconds;    /* median */
  double  load_runs[N_LOAD_RUNS];
  guint   records;
  double  raw_seconds;
  gsize   envelope_bytes;
} LoadResult;

static char *
cache_dir (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : g_get_current_dir ();
  g_autofree char *name = g_strdup_printf ("bench-store-cache-f%d-s%d-n%d", CACHE_FORMAT,
                                           LIN_STORE_SCHEMA_VERSION, N_LOAD);

  return g_build_filename (dir, name, NULL);
}

/* The cached profile, or a new one: N_LOAD saves through lin_store_save() */
static char *
load_profile (LoadResult *result)
{
  g_autofree char *dir = cache_dir ();
  g_autofree char *done = g_build_filename (dir, "complete", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LinStore) store = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  LinKdfParams floor;
  char *profile;
  double start;

  if (g_file_test (done, G_FILE_TEST_EXISTS))
    {
      profiles = lin_profile_list (dir, NULL);
      if (profiles != NULL && profiles->len == 1)
        {
          result->build_seconds = -1;
          return g_strdup (((LinProfileInfo *)profiles->pdata[0])->path);
        }
    }

  lin_bench_rm_rf (dir);
  g_printerr ("Building a profile of %d records in %s (once; later runs reuse it)\n", N_LOAD, dir);

  lin_kdf_params_floor (&floor);
  profile = lin_profile_create (dir, "Bench 100k", PASSPHRASE, &floor, &error);
  lin_bench_die_on (error);
  store = lin_profile_unlock (profile, PASSPHRASE, &error);
  lin_bench_die_on (error);

  start = lin_bench_now ();
  for (guint i = 0; i < N_LOAD; i++)
    {
      g_autoptr(LinRecord) record = call_record (i);

      if (!lin_store_save (store, record, &error))
        g_error ("%s", error->message);
      if ((i + 1) % 10000 == 0)
        g_printerr ("  %u saved, %.1f s\n", i + 1, lin_bench_now () - start);
    }
  result->build_seconds = lin_bench_now () - start;
  lin_store_close (store);

  g_file_set_contents (done, "", 0, &error);
  lin_bench_die_on (error);

  return profile;
}

static void
bench_load (LoadResult *result)
{
  g_autofree char *profile = load_profile (result);
  g_autofree char *header = g_build_filename (profile, LIN_HEADER_FILE, NULL);
  g_autofree char *db = g_build_filename (profile, LIN_STORE_FILE, NULL);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;

  for (guint run = 0; run < N_LOAD_RUNS; run++)
    {
      g_autoptr(LinVault) vault = NULL;
      g_autoptr(LinStore) store = NULL;
      GThread *memory;
      double start, seconds;

      /* as lin_profile_unlock() does: the memory is made ready while
       * Argon2id runs */
      memory = lin_store_prepare_memory (db);
      vault = lin_vault_unlock (header, PASSPHRASE, &error);
      if (memory != NULL)
        g_thread_join (memory);
      lin_bench_die_on (error);
      start = lin_bench_now ();
      store = lin_store_open (vault, db, FALSE, &error);
      seconds = lin_bench_now () - start;
      lin_bench_die_on (error);

      result->records = lin_store_get_n_records (store);
      if (run == 0)
        {
          g_autoptr(GPtrArray) all = lin_store_list (store, "call");
          g_autoptr(GPtrArray) envelopes = lin_store_dup_envelopes (store, lin_record_get_id_string (all->pdata[0]));

          result->envelope_bytes = g_bytes_get_size (envelopes->pdata[0]);
        }
      lin_store_close (store);

      result->load_runs[run] = seconds;
      g_array_append_val (runs, seconds);
    }
  result->load_seconds = lin_bench_percentile (runs, 50);

  /* the floor: libsodium alone, the same number of ciphertexts of the
   * envelope's size in memory (the payload's ciphertext, its header as
   * associated data) */
  {
    gsize ad_len = LIN_ENVELOPE_HEADER_BYTES;
    gsize plain_len = result->envelope_bytes - ad_len - LIN_MAC_BYTES;
    gsize stride = result->envelope_bytes;
    guint8 *cipher = g_malloc ((gsize)N_LOAD * stride);
    guint8 *plain = g_malloc (plain_len);
    guint8 key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
    guint8 nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];

    randombytes_buf (key, sizeof key);
    randombytes_buf (nonce, sizeof nonce);
    for (guint i = 0; i < N_LOAD; i++)
      {
        guint8 *p = cipher + (gsize)i * stride;

        randombytes_buf (p, ad_len + plain_len);
        crypto_aead_xchacha20poly1305_ietf_encrypt (p + ad_len, NULL, p + ad_len, plain_len,
                                                    p, ad_len, NULL, nonce, key);
      }

    g_autoptr(GArray) raw_runs = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint run = 0; run < N_RAW_RUNS; run++)
      {
        double start = lin_bench_now (), seconds;

        for (guint i = 0; i < N_LOAD; i++)
          {
            guint8 *p = cipher + (gsize)i * stride;

            if (crypto_aead_xchacha20poly1305_ietf_decrypt (plain, NULL, NULL, p + ad_len,
                                                            plain_len + LIN_MAC_BYTES,
                                                            p, ad_len, nonce, key) != 0)
              g_error ("decrypt failed");
          }
        seconds = lin_bench_now () - start;
        g_array_append_val (raw_runs, seconds);
      }
    result->raw_seconds = lin_bench_percentile (raw_runs, 50);

    sodium_memzero (key, sizeof key);
    g_free (plain);
    g_free (cipher);
  }
}

/* c. Unlocking with the default parameters */

typedef struct
{
  LinKdfParams kdf;
  double       calibrate_seconds;
  double       unlock_runs[N_UNLOCKS];
  double       unlock_median;
} UnlockResult;

static void
bench_unlock (const char   *work_dir,
              UnlockResult *result)
{
  g_autofree char *path = g_build_filename (work_dir, "default.hdr", NULL);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(LinVault) created = NULL;
  double start;

  start = lin_bench_now ();
  lin_kdf_params_default (&result->kdf);
  result->calibrate_seconds = lin_bench_now () - start;

  created = lin_vault_create (path, "Bench", PASSPHRASE, &result->kdf, &error);
  lin_bench_die_on (error);

  for (guint i = 0; i < N_UNLOCKS; i++)
    {
      g_autoptr(LinVault) vault = NULL;
      double seconds;

      start = lin_bench_now ();
      vault = lin_vault_unlock (path, PASSPHRASE, &error);
      seconds = lin_bench_now () - start;
      lin_bench_die_on (error);

      result->unlock_runs[i] = seconds;
      g_array_append_val (runs, seconds);
    }
  result->unlock_median = lin_bench_percentile (runs, 50);
}

static char *
cpu_model (void)
{
  g_autofree char *info = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/cpuinfo", &info, NULL, NULL))
    return g_strdup ("unknown");

  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "model name"))
      {
        const char *colon = strchr (lines[i], ':');
        return g_strstrip (g_strdup (colon != NULL ? colon + 1 : lines[i]));
      }

  return g_strdup ("unknown");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *work_dir = NULL;
  g_autofree char *cpu = cpu_model ();
  g_autofree char *cpu_json = NULL;
  g_autofree char *build_json = NULL;
  SaveResult save = { 0 };
  LoadResult load = { 0 };
  UnlockResult unlock = { 0 };
  double save_ratio, load_rate, raw_rate, load_ratio;

  /* the default parameters are what (c) measures */
  g_unsetenv ("LINIJA_KDF");

  if (!lin_secret_init (&error))
    g_error ("%s", error->message);

  work_dir = g_dir_make_tmp ("linija-bench-XXXXXX", &error);
  lin_bench_die_on (error);

  bench_save (work_dir, &save);
  bench_load (&load);
  bench_unlock (work_dir, &unlock);
  lin_bench_rm_rf (work_dir);

  save_ratio = save.save_median / save.raw_median;
  load_rate = load.records / load.load_seconds;
  raw_rate = N_LOAD / load.raw_seconds;
  load_ratio = load_rate / raw_rate;

  printf ("Linija store benchmark — %u processors (%s); SQLite %s, libsodium %s\n\n",
          g_get_num_processors (), cpu, sqlite3_libversion (), sodium_version_string ());

  printf ("a. Save one %d-byte call with fsync, N = %d (envelope: %" G_GSIZE_FORMAT " bytes)\n",
          RECORD_BYTES, N_SAVES, save.envelope_bytes);
  printf ("   %-44s %10s %10s\n", "", "median ms", "p99 ms");
  printf ("   %-44s %10.3f %10.3f\n", "lin_store_save", save.save_median, save.save_p99);
  printf ("   %-44s %10.3f %10.3f\n", "raw SQLite insert, one per transaction", save.raw_median, save.raw_p99);
  printf ("   %-44s %10.2f× %9.2f×   (goal ≤ 1.3× at the median)\n", "ratio",
          save_ratio, save.save_p99 / save.raw_p99);

  printf ("\nb. Decrypt and load %u records at unlock (Argon2id excluded)\n", load.records);
  if (load.build_seconds >= 0)
    printf ("   building the profile: %d saves in %.1f s (%.3f ms each)\n",
            N_LOAD, load.build_seconds, load.build_seconds * 1000 / N_LOAD);
  else
    printf ("   profile taken from the cache in the build folder\n");
  printf ("   %-44s %10s %12s\n", "", "seconds", "records/s");
  printf ("   %-44s %10.3f %12.0f\n", "lin_store_open (median of " G_STRINGIFY (N_LOAD_RUNS) ")",
          load.load_seconds, load_rate);
  printf ("   %-44s %10.3f %12.0f\n", "  the first, in a fresh process",
          load.load_runs[0], load.records / load.load_runs[0]);
  printf ("   %-44s", "  all runs, s");
  for (guint run = 0; run < N_LOAD_RUNS; run++)
    printf (" %.3f", load.load_runs[run]);
  printf ("\n");
  printf ("   %-44s %10.3f %12.0f\n", "raw XChaCha20-Poly1305 decrypt (median of " G_STRINGIFY (N_RAW_RUNS) ")",
          load.raw_seconds, raw_rate);
  printf ("   %-44s %10.1f %%             (goal ≥ 50 %%)\n", "ratio at the median", load_ratio * 100);
  printf ("   %-44s %10.1f %%\n", "ratio of the first load", load.records / load.load_runs[0] / raw_rate * 100);

  printf ("\nc. Unlock with the default parameters (opslimit %" G_GUINT64_FORMAT ", %" G_GUINT64_FORMAT
          " MiB; calibrated in %.2f s)\n", unlock.kdf.opslimit, unlock.kdf.memlimit / (1024 * 1024),
          unlock.calibrate_seconds);
  printf ("   median of %d: %.3f s   (runs: %.3f, %.3f, %.3f s)\n\n", N_UNLOCKS, unlock.unlock_median,
          unlock.unlock_runs[0], unlock.unlock_runs[1], unlock.unlock_runs[2]);

  cpu_json = g_strescape (cpu, NULL);
  build_json = load.build_seconds < 0 ? g_strdup ("null") : g_strdup_printf ("%.2f", load.build_seconds);
  printf ("{\"benchmark\":\"store\",\"nproc\":%u,\"cpu\":\"%s\",\"sqlite\":\"%s\",\"libsodium\":\"%s\","
          "\"save\":{\"n\":%d,\"record_bytes\":%d,\"envelope_bytes\":%" G_GSIZE_FORMAT ","
          "\"median_ms\":%.4f,\"p99_ms\":%.4f,\"raw_median_ms\":%.4f,\"raw_p99_ms\":%.4f,\"ratio\":%.3f},"
          "\"load\":{\"records\":%u,\"seconds\":%.4f,\"first_seconds\":%.4f,\"records_per_s\":%.0f,\"raw_seconds\":%.4f,"
          "\"raw_records_per_s\":%.0f,\"ratio\":%.3f,\"build_seconds\":%s},"
          "\"unlock\":{\"opslimit\":%" G_GUINT64_FORMAT ",\"memlimit\":%" G_GUINT64_FORMAT ","
          "\"median_s\":%.4f}}\n",
          g_get_num_processors (), cpu_json, sqlite3_libversion (), sodium_version_string (),
          N_SAVES, RECORD_BYTES, save.envelope_bytes,
          save.save_median, save.save_p99, save.raw_median, save.raw_p99, save_ratio,
          load.records, load.load_seconds, load.load_runs[0], load_rate, load.raw_seconds, raw_rate, load_ratio,
          build_json,
          unlock.kdf.opslimit, unlock.kdf.memlimit, unlock.unlock_median);

  return 0;
}
