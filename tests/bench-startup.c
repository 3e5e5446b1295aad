/* bench-startup.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Time from exec to the first frame painted of the main window, and peak
 * RSS, for Linija and, in the same run and interleaved with it, for a
 * minimal libadwaita window (the floor). Both programs print
 * "first-frame USEC" on CLOCK_MONOTONIC when their first frame has been
 * painted, and quit; the parent takes the time just before the exec and
 * the peak RSS from wait4(). Prints a table with the medians, then JSON.
 *
 *   bench-startup LINIJA FLOOR [RUNS]
 *
 * A benchmark: it prints figures and never fails on a slow machine.
 */

#include "config.h"

#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct
{
  const char *name;
  const char *path;
  GArray     *ms;
  GArray     *rss_mib;
} Program;

static gboolean
run_once (Program *program,
          double  *ms,
          double  *rss_mib)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { program->path, NULL };
  struct rusage usage;
  gint64 start, first_frame = -1;
  GPid pid;
  int out_fd, status;
  FILE *out;
  char line[128];

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **)argv, NULL,
                                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      g_printerr ("bench-startup: %s\n", error->message);
      return FALSE;
    }

  out = fdopen (out_fd, "r");
  while (fgets (line, sizeof line, out) != NULL)
    if (g_str_has_prefix (line, "first-frame "))
      first_frame = g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10);
  fclose (out);

  while (wait4 (pid, &status, 0, &usage) < 0 && errno == EINTR)
    ;

  if (first_frame < 0 || !WIFEXITED (status))
    {
      g_printerr ("bench-startup: %s painted no frame\n", program->name);
      return FALSE;
    }

  *ms = (first_frame - start) / 1000.0;
  *rss_mib = usage.ru_maxrss / 1024.0; /* kilobytes on Linux */
  return TRUE;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint n = sorted->len;

  if (n == 0)
    return 0;

  g_array_sort (sorted, cmp_double);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);

  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

static double
extreme (GArray  *values,
         gboolean max)
{
  double v = values->len > 0 ? g_array_index (values, double, 0) : 0;

  for (guint i = 1; i < values->len; i++)
    {
      double x = g_array_index (values, double, i);
      v = max ? MAX (v, x) : MIN (v, x);
    }

  return v;
}

static double
measure (const char *renderer,
         const char *linija,
         const char *floor_path,
         guint       runs,
         GString    *json)
{
  Program programs[2];
  double ratio;

  if (renderer != NULL)
    g_setenv ("GSK_RENDERER", renderer, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");

  programs[0] = (Program) { "minimal libadwaita window (floor)", floor_path,
                            g_array_new (FALSE, FALSE, sizeof (double)),
                            g_array_new (FALSE, FALSE, sizeof (double)) };
  programs[1] = (Program) { "Linija", linija,
                            g_array_new (FALSE, FALSE, sizeof (double)),
                            g_array_new (FALSE, FALSE, sizeof (double)) };

  /* one warm-up each (page cache, font cache, shader cache), not counted */
  for (guint p = 0; p < 2; p++)
    {
      double ms, rss;
      run_once (&programs[p], &ms, &rss);
    }

  /* interleaved, so that whatever else the machine does falls on both */
  for (guint i = 0; i < runs; i++)
    for (guint p = 0; p < 2; p++)
      {
        double ms, rss;

        if (!run_once (&programs[p], &ms, &rss))
          return -1;
        g_array_append_val (programs[p].ms, ms);
        g_array_append_val (programs[p].rss_mib, rss);
      }

  g_print ("\nStartup: exec to first frame painted, %u runs each, interleaved; renderer: %s\n\n",
           runs, renderer ? renderer : "GTK's default");
  g_print ("%-36s %10s %10s %10s %16s\n", "program", "median ms", "min ms", "max ms", "peak RSS MiB");
  for (guint p = 0; p < 2; p++)
    g_print ("%-36s %10.1f %10.1f %10.1f %16.1f\n",
             programs[p].name,
             median (programs[p].ms),
             extreme (programs[p].ms, FALSE),
             extreme (programs[p].ms, TRUE),
             median (programs[p].rss_mib));

  ratio = median (programs[1].ms) / median (programs[0].ms);
  g_print ("\nLinija / floor, median time: %.2f x (goal <= 1.20 x)\n", ratio);
  g_print ("Linija / floor, median peak RSS: %.2f x\n",
           median (programs[1].rss_mib) / median (programs[0].rss_mib));

  g_string_append_printf (json,
                          "%s{\"renderer\": \"%s\", \"runs\": %u, "
                          "\"floor\": {\"median_ms\": %.1f, \"peak_rss_mib\": %.1f}, "
                          "\"linija\": {\"median_ms\": %.1f, \"peak_rss_mib\": %.1f}, "
                          "\"ratio\": %.3f}",
                          json->len > 0 ? ", " : "",
                          renderer ? renderer : "default", runs,
                          median (programs[0].ms), median (programs[0].rss_mib),
                          median (programs[1].ms), median (programs[1].rss_mib),
                          ratio);

  for (guint p = 0; p < 2; p++)
    {
      g_array_unref (programs[p].ms);
      g_array_unref (programs[p].rss_mib);
    }

  return ratio;
}

int
main (int   argc,
      char *argv[])
{
  static const char *renderers[] = { NULL, "cairo" };
  g_autoptr(GString) json = g_string_new (NULL);
  guint runs = 9;

  if (argc < 3)
    {
      g_printerr ("usage: %s LINIJA FLOOR [RUNS]\n", argv[0]);
      return 2;
    }
  if (argc > 3)
    runs = MAX (1, atoi (argv[3]));

  /* Linija on a memory settings backend, like the floor, which has none */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("LINIJA_BENCH_FIRST_FRAME", "1", TRUE);

  for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
    if (measure (renderers[r], argv[1], argv[2], runs, json) < 0)
      return 1;

  g_print ("\n{\"benchmark\": \"startup\", \"results\": [%s]}\n", json->str);

  return 0;
}
