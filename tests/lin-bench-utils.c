/* lin-bench-utils.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the benchmarks share: percentiles of their timings, the clock, the
 * process's peak RSS, and cleaning up their folders.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>

#include "lin-bench-utils.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

/**
 * lin_bench_percentile:
 * @values: (element-type double): timings; sorted by the call
 * @p: 1 to 100
 *
 * Nearest rank: the smallest value with at least @p % of them at or below
 * it.
 *
 * Returns: the value, 0 when there are none
 */
double
lin_bench_percentile (GArray *values,
                      guint   p)
{
  guint rank;

  if (values->len == 0)
    return 0;

  g_array_sort (values, compare_doubles);
  rank = MAX (1, (p * values->len + 99) / 100);

  return g_array_index (values, double, MIN (rank, values->len) - 1);
}

double
lin_bench_maximum (GArray *values)
{
  return lin_bench_percentile (values, 100);
}

/* seconds, monotonic */
double
lin_bench_now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* the process's peak resident memory so far */
double
lin_bench_peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

void
lin_bench_die_on (GError *error)
{
  if (error != NULL)
    g_error ("%s", error->message);
}

void
lin_bench_rm_rf (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          lin_bench_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

/**
 * lin_bench_private_home:
 * @prefix: the start of the folder's name
 *
 * Makes a throw-away home folder with its XDG folders and points HOME and
 * the XDG variables at them; settings in memory, English: nothing of the
 * user's is read or written. lin_bench_rm_rf() removes it.
 *
 * Returns: (transfer full): the folder
 */
char *
lin_bench_private_home (const char *prefix)
{
  static const char *variables[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", prefix);
  char *home = g_dir_make_tmp (template, &error);

  lin_bench_die_on (error);
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *dir = g_build_filename (home, variables[i], NULL);

      g_mkdir (dir, 0700);
      g_setenv (variables[i], dir, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("LANGUAGE", "en", TRUE);

  return home;
}
