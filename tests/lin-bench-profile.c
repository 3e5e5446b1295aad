/* lin-bench-profile.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The profile of 100,000 fictional calls that the benchmarks share. It is
 * built once (minutes: every save is fsynced) and kept in the build folder
 * beside the benchmark programs, in bench-calls-cache-*, for later runs
 * of any of them.
 */

#include "config.h"

#include "lin-bench-profile.h"
#include "lin-bench-utils.h"
#include "lin-demo.h"
#include "lin-profile.h"

/* bump when what the cached profile holds changes */
#define CACHE_FORMAT 1

/**
 * lin_bench_calls_until:
 *
 * Returns: the fixed time the demo calls of the benchmarks end at
 */
GDateTime *
lin_bench_calls_until (void)
{
  return lin_call_parse_time ("2026-11-25T19:00:00+01:00");
}

static char *
cache_dir (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : g_get_current_dir ();
  g_autofree char *name = g_strdup_printf ("bench-calls-cache-f%d-s%d-n%d", CACHE_FORMAT,
                                           LIN_STORE_SCHEMA_VERSION, LIN_BENCH_N_CALLS);

  return g_build_filename (dir, name, NULL);
}

/**
 * lin_bench_calls_profile:
 * @build_seconds: (out): how long building it took; < 0 when it came
 *   from the cache
 *
 * Returns: the folder of a profile of %LIN_BENCH_N_CALLS demo calls (with
 *   their follow-ups and notes), passphrase %LIN_BENCH_PASSPHRASE, built
 *   now if the cache has none. Aborts on failure.
 */
char *
lin_bench_calls_profile (double *build_seconds)
{
  g_autofree char *dir = cache_dir ();
  g_autofree char *done = g_build_filename (dir, "complete", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LinStore) store = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GDateTime) until = lin_bench_calls_until ();
  LinKdfParams floor;
  char *profile;
  gint64 start;

  if (g_file_test (done, G_FILE_TEST_EXISTS))
    {
      profiles = lin_profile_list (dir, NULL);
      if (profiles != NULL && profiles->len == 1)
        {
          *build_seconds = -1;
          return g_strdup (((LinProfileInfo *)profiles->pdata[0])->path);
        }
    }

  g_printerr ("Building a profile of %d demo calls in %s (once; later runs reuse it)\n",
              LIN_BENCH_N_CALLS, dir);

  lin_kdf_params_floor (&floor);
  profile = lin_profile_create (dir, "Bench calls", LIN_BENCH_PASSPHRASE, &floor, &error);
  lin_bench_die_on (error);
  store = lin_profile_unlock (profile, LIN_BENCH_PASSPHRASE, &error);
  lin_bench_die_on (error);

  start = g_get_monotonic_time ();
  /* in parts of 10,000 with seeds of their own, to show progress */
  for (guint part = 0; part < LIN_BENCH_N_CALLS / 10000; part++)
    {
      lin_demo_add_calls (store, 10000, LIN_BENCH_SEED + part, until, &error);
      lin_bench_die_on (error);
      g_printerr ("  %u calls saved, %.1f s\n", (part + 1) * 10000,
                  (g_get_monotonic_time () - start) / 1e6);
    }
  *build_seconds = (g_get_monotonic_time () - start) / 1e6;
  lin_store_close (store);

  g_file_set_contents (done, "", 0, &error);
  lin_bench_die_on (error);

  return profile;
}
