/* bench-roster-week.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster's week view as a coordinator plans: a week with 200 shifts on
 * three lines in a real window on a virtual display, then 200 changes,
 * each a roster with one assignment more (and its rules checked, as the
 * context would give it). For each, the time from lin_roster_week_set_roster()
 * to the frame clock's "after-paint" of the frame that shows it. The
 * rosters are built and checked before the clock starts: only the view
 * is measured.
 *
 * With the renderer Linija chooses (lin-renderer.c). A benchmark: it
 * prints a table and one line of JSON and never fails because something
 * is slow; with no display it says so and is skipped (exit status 77).
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "lin-bench-utils.h"
#include "lin-call.h"
#include "lin-i18n.h"
#include "lin-renderer.h"
#include "lin-roster-test-utils.h"
#include "lin-roster-week.h"
#include "lin-test-utils.h"

#define SKIP       77
#define N_SHIFTS   200
#define N_LINES    3
#define N_PEOPLE   12
#define N_CHANGES  200
#define TIMEOUT_US (10 * G_USEC_PER_SEC)

static gboolean waiting;
static gint64   painted_at;

static void
after_paint_cb (void)
{
  if (waiting)
    {
      painted_at = g_get_monotonic_time ();
      waiting = FALSE;
    }
}

static char *
iso (GDateTime *start,
     double     hours)
{
  g_autoptr(GDateTime) time = g_date_time_add_seconds (start, hours * 3600);

  return lin_call_format_time (time);
}

/* 200 shifts of three hours, a line in turn, every 2.5 hours of the week
 * of Monday 23 March 2026 from 08:00 */
static GPtrArray *
make_records (GPtrArray **shifts,
              GPtrArray **people)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) monday = g_date_time_new (lin_call_get_time_zone (), 2026, 3, 23, 8, 0, 0);
  LinRecord *lines[N_LINES];

  *shifts = g_ptr_array_new ();
  *people = g_ptr_array_new ();

  for (guint i = 0; i < N_LINES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Line %u", i + 1);

      lines[i] = lin_roster_test_line (records, name, NULL);
    }

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autofree char *alias = g_strdup_printf ("Person %u", i + 1);

      g_ptr_array_add (*people, lin_roster_test_person (records, alias, NULL));
    }

  for (guint k = 0; k < N_SHIFTS; k++)
    {
      g_autofree char *start = iso (monday, (k / N_LINES) * 2.5);
      g_autofree char *end = iso (monday, (k / N_LINES) * 2.5 + 3);

      g_ptr_array_add (*shifts, lin_roster_test_shift (records, lines[k % N_LINES], start, end, 2));
    }

  return records;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) shifts = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) rosters = g_ptr_array_new_with_free_func ((GDestroyNotify)lin_roster_unref);
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_autoptr(GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkWidget *window, *scroller, *week;
  GdkFrameClock *clock;
  guint no_frame = 0;
  GDate monday;

  if (!gtk_init_check ())
    {
      printf ("bench-roster-week: skipped: no display (run it under Xvfb)\n");
      return SKIP;
    }
  adw_init ();
  lin_i18n_init ("en");
  lin_renderer_choose ();
  gtk_css_provider_load_from_resource (css, "/io/github/linija/Linija/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  /* a roster a change, each with one assignment more, checked beforehand */
  records = make_records (&shifts, &people);
  for (guint i = 0; i <= N_CHANGES; i++)
    {
      if (i > 0)
        g_ptr_array_add (records, lin_roster_new_assignment (g_ptr_array_index (shifts, (i * 7) % N_SHIFTS),
                                                             g_ptr_array_index (people, i % N_PEOPLE)));
      g_ptr_array_add (rosters, lin_roster_new (records));
      g_ptr_array_add (checks, lin_roster_check (g_ptr_array_index (rosters, i), NULL));
    }

  week = lin_roster_week_new ();
  g_date_set_dmy (&monday, 23, G_DATE_MARCH, 2026);
  lin_roster_week_set_week (LIN_ROSTER_WEEK (week), &monday);
  lin_roster_week_set_roster (LIN_ROSTER_WEEK (week), g_ptr_array_index (rosters, 0), g_ptr_array_index (checks, 0));

  window = gtk_window_new ();
  scroller = gtk_scrolled_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 880);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), week);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  lin_test_spin (1000);

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  for (guint i = 1; i <= N_CHANGES; i++)
    {
      gint64 changed_at, end;
      double value;

      lin_test_spin (20);
      waiting = TRUE;
      changed_at = g_get_monotonic_time ();
      lin_roster_week_set_roster (LIN_ROSTER_WEEK (week), g_ptr_array_index (rosters, i), g_ptr_array_index (checks, i));

      end = g_get_monotonic_time () + TIMEOUT_US;
      while (waiting && g_get_monotonic_time () < end)
        g_main_context_iteration (NULL, TRUE);
      if (waiting)
        {
          waiting = FALSE;
          no_frame++;
          continue;
        }
      value = (painted_at - changed_at) / 1000.0;
      g_array_append_val (frame, value);
    }

  printf ("bench-roster-week: %u shifts on %u lines in a week, %u changes of one assignment each\n",
          N_SHIFTS, N_LINES, N_CHANGES);
  printf ("   %-44s %8s %8s %8s\n", "", "median", "p95", "max");
  printf ("   %-44s %8.2f %8.2f %8.2f ms\n", "set_roster() → frame painted (after-paint)",
          lin_bench_percentile (frame, 50), lin_bench_percentile (frame, 95), lin_bench_maximum (frame));
  printf ("   changes with no frame within 10 s: %u\n", no_frame);
  printf ("{\"benchmark\":\"roster-week\",\"shifts\":%u,\"changes\":%u,"
          "\"frame_ms\":{\"median\":%.3f,\"p95\":%.3f,\"max\":%.3f},\"no_frame\":%u}\n",
          N_SHIFTS, N_CHANGES, lin_bench_percentile (frame, 50), lin_bench_percentile (frame, 95),
          lin_bench_maximum (frame), no_frame);

  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
