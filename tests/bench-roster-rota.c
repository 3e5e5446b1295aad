/* bench-roster-rota.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster's rota as a coordinator plans a month: 40 people, 31 days
 * (March 2026) of 2×12 shifts on three lines, 186 shifts of two people,
 * half of them filled, in a real window on a virtual display. Then 200
 * changes, each a roster with one assignment more (and its rules
 * checked, as the context would give it), and 20 unlocks, each a roster
 * after none (the profile locked): all 1,240 cells filled anew. For
 * each, the time from lin_roster_rota_set_roster() to the frame clock's
 * "after-paint" of the frame that shows it. The rosters are built and
 * checked before the clock starts: only the rota is measured.
 *
 * With the renderer Linija chooses (lin-renderer.c). A benchmark: it
 * prints a table and one line of JSON and never fails because something
 * is slow; with no display it says so and is skipped (exit status 77).
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "lin-bench-utils.h"
#include "lin-i18n.h"
#include "lin-renderer.h"
#include "lin-roster-rota.h"
#include "lin-roster-test-utils.h"
#include "lin-test-utils.h"

#define SKIP       77
#define N_LINES    3
#define N_PEOPLE   40
#define N_DAYS     31
#define N_CHANGES  200
#define N_UNLOCKS  20
#define TIMEOUT_US (10 * G_USEC_PER_SEC)

static gboolean waiting;
static gint64   painted_at;
static GArray  *returned;   /* of double: set_roster () alone, ms */

static void
after_paint_cb (void)
{
  if (waiting)
    {
      painted_at = g_get_monotonic_time ();
      waiting = FALSE;
    }
}

/* A month of 2×12 shifts on three lines, every other shift half filled */
static GPtrArray *
make_records (GPtrArray **shifts,
              GPtrArray **people)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  GDate first;

  *shifts = g_ptr_array_new ();
  *people = g_ptr_array_new ();
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_MARCH, 2026);

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autofree char *alias = g_strdup_printf ("Person %02u", i + 1);

      g_ptr_array_add (*people, lin_roster_test_person (records, alias, NULL));
    }

  for (guint i = 0; i < N_LINES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Line %u", i + 1);
      LinRecord *line = lin_roster_test_line (records, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) made = lin_roster_make_shifts (line, "2x12", &first, N_DAYS, 2, &error);

      lin_bench_die_on (error);
      for (guint k = 0; k < made->len; k++)
        {
          g_ptr_array_add (records, g_object_ref (g_ptr_array_index (made, k)));
          g_ptr_array_add (*shifts, g_ptr_array_index (made, k));
        }
    }

  for (guint k = 0; k < (*shifts)->len; k += 2)
    g_ptr_array_add (records, lin_roster_new_assignment (g_ptr_array_index (*shifts, k),
                                                         g_ptr_array_index (*people, (k * 3) % N_PEOPLE)));

  return records;
}

/* The milliseconds from setting @roster to the frame that shows it, or
 * -1 when no frame came */
static double
frame_after (GtkWidget *rota,
             LinRoster *roster,
             GArray    *violations)
{
  gint64 changed_at, end;

  lin_test_spin (20);
  waiting = TRUE;
  changed_at = g_get_monotonic_time ();
  lin_roster_rota_set_roster (LIN_ROSTER_ROTA (rota), roster, violations);
  if (roster != NULL)
    g_array_append_val (returned, ((double) { (g_get_monotonic_time () - changed_at) / 1000.0 }));

  end = g_get_monotonic_time () + TIMEOUT_US;
  while (waiting && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  if (waiting)
    {
      waiting = FALSE;
      return -1;
    }

  return (painted_at - changed_at) / 1000.0;
}

static void
print_row (const char *what,
           GArray     *values)
{
  printf ("   %-44s %8.2f %8.2f %8.2f ms\n", what,
          lin_bench_percentile (values, 50), lin_bench_percentile (values, 95), lin_bench_maximum (values));
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
  g_autoptr(GArray) change = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) unlock = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkWidget *window, *scroller, *rota;
  guint no_frame = 0;
  GDate month;

  returned = g_array_new (FALSE, FALSE, sizeof (double));
  if (!gtk_init_check ())
    {
      printf ("bench-roster-rota: skipped: no display (run it under Xvfb)\n");
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
        g_ptr_array_add (records, lin_roster_new_assignment (g_ptr_array_index (shifts, (i * 7) % shifts->len),
                                                             g_ptr_array_index (people, i % N_PEOPLE)));
      g_ptr_array_add (rosters, lin_roster_new (records));
      g_ptr_array_add (checks, lin_roster_check (g_ptr_array_index (rosters, i), NULL));
    }

  rota = lin_roster_rota_new ();
  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, G_DATE_MARCH, 2026);
  lin_roster_rota_set_month (LIN_ROSTER_ROTA (rota), &month);
  lin_roster_rota_set_roster (LIN_ROSTER_ROTA (rota), g_ptr_array_index (rosters, 0), g_ptr_array_index (checks, 0));

  window = gtk_window_new ();
  scroller = gtk_scrolled_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 880);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), rota);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  lin_test_spin (1000);

  g_signal_connect_after (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);

  for (guint i = 1; i <= N_CHANGES; i++)
    {
      double value = frame_after (rota, g_ptr_array_index (rosters, i), g_ptr_array_index (checks, i));

      if (value < 0)
        no_frame++;
      else
        g_array_append_val (change, value);
    }

  /* locked, then unlocked: every row made anew */
  for (guint i = 0; i < N_UNLOCKS; i++)
    {
      double value;

      frame_after (rota, NULL, NULL);
      value = frame_after (rota, g_ptr_array_index (rosters, N_CHANGES), g_ptr_array_index (checks, N_CHANGES));
      if (value < 0)
        no_frame++;
      else
        g_array_append_val (unlock, value);
    }

  printf ("bench-roster-rota: %u people, %u days, %u shifts on %u lines; %u changes of one assignment, %u unlocks\n",
          N_PEOPLE, N_DAYS, shifts->len, N_LINES, N_CHANGES, N_UNLOCKS);
  printf ("   %-44s %8s %8s %8s\n", "", "median", "p95", "max");
  print_row ("set_roster() returns (changes and unlocks)", returned);
  print_row ("set_roster() → frame painted, one more", change);
  print_row ("set_roster() → frame painted, after NULL", unlock);
  printf ("   changes with no frame within 10 s: %u\n", no_frame);
  printf ("{\"benchmark\":\"roster-rota\",\"people\":%u,\"days\":%u,\"shifts\":%u,\"changes\":%u,"
          "\"frame_ms\":{\"median\":%.3f,\"p95\":%.3f,\"max\":%.3f},"
          "\"unlock_ms\":{\"median\":%.3f,\"p95\":%.3f,\"max\":%.3f},\"no_frame\":%u}\n",
          N_PEOPLE, N_DAYS, shifts->len, N_CHANGES,
          lin_bench_percentile (change, 50), lin_bench_percentile (change, 95), lin_bench_maximum (change),
          lin_bench_percentile (unlock, 50), lin_bench_percentile (unlock, 95), lin_bench_maximum (unlock),
          no_frame);

  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
