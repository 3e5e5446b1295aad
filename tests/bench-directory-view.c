/* bench-directory-view.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search as you type in the Directory section: the real application and
 * its real window on a virtual display, a profile with about 10,000
 * fictional services (the demo's directory made with 27 seeds), and
 * queries typed a letter at a time, as a counsellor types a town, a
 * type's usual word or a name, in either script. For each keystroke: the
 * time the entry's change takes before GTK can draw (the search, the
 * list's new model, the count), and the time from the keystroke to the
 * first frame painted after it (the frame clock's "after-paint"). Goal:
 * the results update within one frame (16.7 ms at 60 Hz).
 *
 * With the renderer Linija chooses (lin-renderer.c). A benchmark: it
 * prints a table and one line of JSON and never fails because something
 * is slow; with no display it says so and is skipped (exit status 77).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "lin-application.h"
#include "lin-bench-utils.h"
#include "lin-demo.h"
#include "lin-directory-view.h"
#include "lin-i18n.h"
#include "lin-profile.h"
#include "lin-renderer.h"
#include "lin-test-utils.h"
#include "lin-window.h"

#define SKIP 77
#define N_SEEDS 27
#define PASSPHRASE "bench directory view, fictional data"
#define TIMEOUT_US (10 * G_USEC_PER_SEC)

static LinApplication *app;
static gboolean        waiting;
static gint64          painted_at;

static double
ms (gint64 us)
{
  return us / 1000.0;
}

static void
after_paint_cb (void)
{
  if (waiting)
    {
      painted_at = g_get_monotonic_time ();
      waiting = FALSE;
    }
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  /* typed a letter at a time; fictional towns of the demo's directory */
  static const char * const queries[] = {
    "kraljevo", "ниш", "csr beograd", "sigurna kuća", "полиција нови сад", "cacak", "Šabac",
    "dom zdravlja", "сос", "pravna pomoć subotica", "кикинда", "zrenjanin centar",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sync = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) painted = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *home = NULL;
  g_autofree char *profile = NULL;
  LinKdfParams kdf;
  LinContext *context;
  LinDirectoryView *view;
  LinServiceSearch *search;
  GtkWidget *entry, *window;
  guint n_services, over_frame = 0, missed = 0;
  double setup_s;
  gint64 start;

  if (!gtk_init_check ())
    {
      printf ("bench-directory-view: skipped: no display (run it with build-aux/dev bench, which gives it Xvfb)\n");
      return SKIP;
    }

  /* a throw-away home, settings in memory: nothing of the user's */
  home = lin_bench_private_home ("linija-bench-directory-view");
  lin_i18n_init ("en");
  lin_renderer_choose ();
  if (!lin_secret_init (&error))
    lin_bench_die_on (error);

  app = lin_application_new (APP_ID ".BenchDirectoryView", G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    lin_bench_die_on (error);
  g_application_activate (G_APPLICATION (app));
  window = lin_test_application_window (GTK_APPLICATION (app), LIN_TYPE_WINDOW);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  lin_test_spin (500);
  g_timeout_add (100, wake_cb, NULL);

  /* the profile and its fictional services */
  start = g_get_monotonic_time ();
  context = lin_application_get_context (app);
  lin_kdf_params_floor (&kdf);
  profile = lin_profile_create (lin_context_get_data_dir (context), "Bench", PASSPHRASE, &kdf, &error);
  lin_bench_die_on (error);
  if (!lin_context_unlock (context, profile, PASSPHRASE, &error))
    lin_bench_die_on (error);
  for (guint seed = 1; seed <= N_SEEDS; seed++)
    if (!lin_demo_add_services (lin_context_get_store (context), seed, &error))
      lin_bench_die_on (error);
  setup_s = (g_get_monotonic_time () - start) / 1e6;

  lin_window_set_section (LIN_WINDOW (window), "directory");
  lin_test_spin (1000);
  view = LIN_DIRECTORY_VIEW (lin_test_find_descendant (window, LIN_TYPE_DIRECTORY_VIEW));
  search = lin_directory_view_get_search (view);
  entry = lin_service_search_get_entry (search);
  n_services = lin_service_search_get_n_results (search);
  gtk_widget_grab_focus (entry);

  g_signal_connect_after (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);

  for (guint round = 0; round < 3; round++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        const char *query = queries[q];

        gtk_editable_set_text (GTK_EDITABLE (entry), "");
        lin_test_spin (100);

        for (const char *p = query; *p != '\0'; p = g_utf8_next_char (p))
          {
            g_autofree char *typed = g_strndup (query, g_utf8_next_char (p) - query);
            gint64 end, typed_at;
            double sync_ms, painted_ms;

            /* a quiet start: no frame half done */
            lin_test_spin (30);
            waiting = TRUE;
            typed_at = g_get_monotonic_time ();
            gtk_editable_set_text (GTK_EDITABLE (entry), typed);
            sync_ms = ms (g_get_monotonic_time () - typed_at);

            end = g_get_monotonic_time () + TIMEOUT_US;
            while (waiting && g_get_monotonic_time () < end)
              g_main_context_iteration (NULL, TRUE);
            if (waiting)
              {
                waiting = FALSE;
                missed++;
                continue;
              }

            painted_ms = ms (painted_at - typed_at);
            over_frame += painted_ms > 16.7;
            g_array_append_val (sync, sync_ms);
            g_array_append_val (painted, painted_ms);
          }
      }

  printf ("Linija directory search as you type: the real window, %u services, %u processors, renderer %s\n",
          n_services, g_get_num_processors (),
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  printf ("   making the profile and its services: %.1f s\n", setup_s);
  printf ("   %u keystrokes in %u queries typed three times\n", painted->len, (guint)G_N_ELEMENTS (queries));
  printf ("   %-44s %8s %8s %8s %8s\n", "", "median", "p95", "p99", "max");
  printf ("   %-44s %8.2f %8.2f %8.2f %8.2f ms\n", "keystroke → results in the list (no frame)",
          lin_bench_percentile (sync, 50), lin_bench_percentile (sync, 95), lin_bench_percentile (sync, 99),
          lin_bench_maximum (sync));
  printf ("   %-44s %8.2f %8.2f %8.2f %8.2f ms  (goal: one frame, 16.7 ms)\n", "keystroke → frame painted",
          lin_bench_percentile (painted, 50), lin_bench_percentile (painted, 95),
          lin_bench_percentile (painted, 99), lin_bench_maximum (painted));
  printf ("   keystrokes painted after more than 16.7 ms: %u of %u; with no frame: %u\n",
          over_frame, painted->len, missed);
  printf ("   peak RSS: %.1f MiB\n", lin_bench_peak_rss_mib ());
  printf ("{\"benchmark\":\"directory-view\",\"services\":%u,\"keystrokes\":%u,"
          "\"sync_ms\":{\"median\":%.3f,\"p99\":%.3f,\"max\":%.3f},"
          "\"painted_ms\":{\"median\":%.3f,\"p95\":%.3f,\"p99\":%.3f,\"max\":%.3f},"
          "\"over_16_7\":%u,\"missed\":%u,\"peak_rss_mib\":%.1f}\n",
          n_services, painted->len,
          lin_bench_percentile (sync, 50), lin_bench_percentile (sync, 99), lin_bench_maximum (sync),
          lin_bench_percentile (painted, 50), lin_bench_percentile (painted, 95),
          lin_bench_percentile (painted, 99), lin_bench_maximum (painted),
          over_frame, missed, lin_bench_peak_rss_mib ());

  lin_context_lock (context);
  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  lin_bench_rm_rf (home);

  return 0;
}
