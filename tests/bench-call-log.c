/* bench-call-log.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The call log as the counsellor sees it: the real application and its
 * real LinWindow on a virtual display, unlocking the profile of 100,000
 * fictional calls that bench-calls also uses (lin-bench-profile.c):
 *
 *  - unlock → working set loaded (the unlock thread is done), and working
 *    set loaded → the first rows shown: the first frame painted (the
 *    frame clock's "after-paint") after the list's factory has bound rows
 *    (goal ≤ 300 ms); then until the log's index is complete;
 *  - scrolling from the top to the bottom, one page per frame (the
 *    vertical adjustment moved on each frame-clock tick): the intervals
 *    between frames, from the frame clock's frame times, while the index
 *    is being built and with the index ready;
 *  - changing the risk filter and the date filter through their drop-downs
 *    until a frame shows the new rows;
 *  - the process's peak RSS (goal ≤ 250 MB).
 *
 *   bench-call-log [MAX_FRAMES]
 *
 * MAX_FRAMES (default: no limit; meson passes 1000) stops each scrolling
 * pass early. meson runs it twice: with the renderer Linija chooses
 * (lin-renderer.c: cairo on a software rasteriser such as Xvfb's
 * llvmpipe, else GTK's OpenGL) and with GSK_RENDERER=gl, OpenGL whatever
 * draws it (on llvmpipe it renders on the processor, which dominates the
 * frame times). A benchmark: it
 * prints a table and one line of JSON and never fails because something
 * is slow; with no display it says so and
 * is skipped (exit status 77).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "lin-application.h"
#include "lin-bench-profile.h"
#include "lin-bench-utils.h"
#include "lin-call-log-view.h"
#include "lin-call-log.h"
#include "lin-i18n.h"
#include "lin-renderer.h"
#include "lin-test-utils.h"
#include "lin-window.h"

#define SKIP 77
#define N_FILTER_ROUNDS 5
#define TIMEOUT_US (30 * G_USEC_PER_SEC)

static LinApplication *app;
static GtkListView    *list_view;

/* What the list and the frame clock did, counted as it happens */
static guint  n_binds;
static guint  n_paints;
static guint  shown_mark;          /* n_binds when the wait began */
static gint64 shown_at;            /* 0: waiting for the frame */
static gboolean waiting_shown;

static gint64 unlocked_at;         /* the working set loaded */

/* Helpers */

static double
ms (gint64 us)
{
  return us / 1000.0;
}

static guint
count_over (GArray *values,
            double  limit)
{
  guint n = 0;

  for (guint i = 0; i < values->len; i++)
    if (g_array_index (values, double, i) > limit)
      n++;

  return n;
}

static LinWindow *
main_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (LIN_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static LinCallLogView *
log_view (void)
{
  return LIN_CALL_LOG_VIEW (lin_test_find_descendant (GTK_WIDGET (main_window ()), LIN_TYPE_CALL_LOG_VIEW));
}

static GtkWidget *
named (const char *name)
{
  GtkWidget *widget = lin_test_find_named (GTK_WIDGET (main_window ()), name);

  if (widget == NULL)
    g_error ("No widget named %s", name);

  return widget;
}

static LinCallLog *
call_log (void)
{
  GListModel *model = lin_call_log_view_get_model (log_view ());

  return LIN_IS_CALL_LOG (model) ? LIN_CALL_LOG (model) : NULL;
}

static gboolean
index_ready (void)
{
  return call_log () != NULL && lin_call_log_get_index_ready (call_log ());
}

/* On standard error, where the benchmark is, for a run that seems stuck */
static void
progress (const char *what)
{
  static gint64 start;

  if (start == 0)
    start = g_get_monotonic_time ();
  g_printerr ("bench-call-log: %7.2f s  %7.1f MiB  binds %u, frames %u: %s\n",
              (g_get_monotonic_time () - start) / 1e6, lin_bench_peak_rss_mib (), n_binds, n_paints, what);
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main loop until *@flag or the time-out; FALSE on time-out */
static gboolean
spin_until (gboolean *flag)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;

  while (!*flag && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  return *flag;
}

/* Until a frame painted after rows were bound (see after_paint_cb) */
static gboolean
wait_shown (void)
{
  gint64 end = g_get_monotonic_time () + TIMEOUT_US;

  while (waiting_shown && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  return !waiting_shown;
}

/* Callbacks */

static gboolean
bind_hook_cb (GSignalInvocationHint *hint,
              guint                  n_values,
              const GValue          *values,
              gpointer               user_data)
{
  n_binds++;

  return TRUE;
}

static void
after_paint_cb (void)
{
  n_paints++;
  if (waiting_shown && n_binds > shown_mark)
    {
      shown_at = g_get_monotonic_time ();
      waiting_shown = FALSE;
    }
}

static void
unlocked_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  /* the unlock thread has opened the store: the working set is loaded;
   * finishing hands it to the window, which fills the call log */
  unlocked_at = g_get_monotonic_time ();
  shown_mark = n_binds;
  waiting_shown = TRUE;
  if (!lin_context_unlock_finish (LIN_CONTEXT (object), result, &error))
    g_error ("Unlocking the benchmark profile: %s", error->message);

  /* the window makes the log when the first unlock gives it a store,
   * within the finish above */
  list_view = GTK_LIST_VIEW (named ("call-list"));
  *done = TRUE;
}

static void
index_ready_cb (GObject    *log,
                GParamSpec *pspec,
                gint64     *at)
{
  if (lin_call_log_get_index_ready (LIN_CALL_LOG (log)) && *at == 0)
    *at = g_get_monotonic_time ();
}

/* Scrolling */

typedef struct
{
  GArray   *clock_ms;        /* frame-clock frame time to frame time */
  gint64    last_frame_time;
  guint     max_frames;
  guint     frames;
  gboolean  stop_at_index;   /* the pass before the index is ready */
  gboolean  reached_bottom;
  gboolean  done;
} Scroll;

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Scroll *scroll = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (widget));
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);
  double value, bottom;

  if (scroll->last_frame_time != 0)
    {
      double interval = ms (frame_time - scroll->last_frame_time);

      g_array_append_val (scroll->clock_ms, interval);
    }
  scroll->last_frame_time = frame_time;

  bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  value = gtk_adjustment_get_value (adjustment);
  scroll->reached_bottom = value >= bottom;

  if (scroll->reached_bottom ||
      (scroll->max_frames > 0 && scroll->frames >= scroll->max_frames) ||
      (scroll->stop_at_index && index_ready ()))
    {
      scroll->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  gtk_adjustment_set_value (adjustment, MIN (bottom, value + gtk_adjustment_get_page_size (adjustment)));
  scroll->frames++;

  return G_SOURCE_CONTINUE;
}

typedef struct
{
  guint    frames;
  gboolean reached_bottom;
  double   seconds;
  double   median, p95, p99, max;
  guint    over_16, over_33;
} ScrollResult;

static void
run_scroll (guint         max_frames,
            gboolean      stop_at_index,
            ScrollResult *result)
{
  g_autoptr(GArray) clock_ms = g_array_new (FALSE, FALSE, sizeof (double));
  Scroll scroll = { clock_ms, 0, max_frames, 0, stop_at_index, FALSE, FALSE };
  gint64 start = g_get_monotonic_time ();

  gtk_widget_add_tick_callback (GTK_WIDGET (list_view), scroll_tick_cb, &scroll, NULL);
  while (!scroll.done)
    g_main_context_iteration (NULL, TRUE);

  result->frames = scroll.frames;
  result->reached_bottom = scroll.reached_bottom;
  result->seconds = (g_get_monotonic_time () - start) / 1e6;
  /* frame times are whole refresh intervals (16.67 ms at 60 Hz): over
   * 16.7 ms is a frame missed, over 33.4 ms two or more */
  result->over_16 = count_over (clock_ms, 16.7);
  result->over_33 = count_over (clock_ms, 33.4);
  result->median = lin_bench_percentile (clock_ms, 50);
  result->p95 = lin_bench_percentile (clock_ms, 95);
  result->p99 = lin_bench_percentile (clock_ms, 99);
  result->max = lin_bench_percentile (clock_ms, 100);
}

static void
scroll_to_top (void)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));

  gtk_adjustment_set_value (adjustment, 0);
  lin_test_spin (300);
}

/* Filters: the time from choosing in the drop-down to the frame that
 * shows the new rows, and the part of it the choice itself takes (the
 * log's refilter and the view's count, before any frame) */

typedef struct
{
  double median, max;
  double sync_median, sync_max;
  guint  n;
} FilterResult;

static void
run_filter (GtkDropDown  *dropdown,
            const guint  *choices,
            guint         n_choices,
            FilterResult *result)
{
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sync = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint round = 0; round < N_FILTER_ROUNDS; round++)
    for (guint i = 0; i < n_choices; i++)
      {
        gint64 start;
        double shown_ms, sync_ms;

        /* a quiet start: no frame half done */
        lin_test_spin (50);

        shown_mark = n_binds;
        shown_at = 0;
        waiting_shown = TRUE;
        start = g_get_monotonic_time ();
        gtk_drop_down_set_selected (dropdown, choices[i]);
        sync_ms = ms (g_get_monotonic_time () - start);

        /* a filter that leaves no row binds none: then its first frame
         * shows the new (empty) list */
        if (g_list_model_get_n_items (lin_call_log_view_get_model (log_view ())) == 0)
          shown_mark = n_binds - 1;
        if (!wait_shown ())
          {
            progress ("no frame showed the filtered rows");
            waiting_shown = FALSE;
            continue;
          }

        shown_ms = ms (shown_at - start);
        g_array_append_val (shown, shown_ms);
        g_array_append_val (sync, sync_ms);
      }

  result->n = shown->len;
  result->median = lin_bench_percentile (shown, 50);
  result->max = lin_bench_percentile (shown, 100);
  result->sync_median = lin_bench_percentile (sync, 50);
  result->sync_max = lin_bench_percentile (sync, 100);
}

/* The benchmark */

static void
print_scroll (const char         *name,
              const ScrollResult *r)
{
  printf ("   %-34s %7u %8.1f %8.1f %8.1f %8.1f %8u %8u  %s\n",
          name, r->frames, r->median, r->p95, r->p99, r->max, r->over_16, r->over_33,
          r->reached_bottom ? "to the bottom" : "stopped early");
}

static void
json_scroll (GString            *json,
             const char         *name,
             const ScrollResult *r)
{
  g_string_append_printf (json,
                          "\"%s\":{\"frames\":%u,\"seconds\":%.2f,\"to_bottom\":%s,"
                          "\"median_ms\":%.2f,\"p95_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f,"
                          "\"over_16_7_ms\":%u,\"over_33_4_ms\":%u},",
                          name, r->frames, r->seconds, r->reached_bottom ? "true" : "false",
                          r->median, r->p95, r->p99, r->max, r->over_16, r->over_33);
}

int
main (int   argc,
      char *argv[])
{
  static const guint risks[] = { 3, 2, 1, 0 };  /* high, medium, standard, any */
  static const guint dates[] = { 1, 2, 3, 4, 0 }; /* today, 7 d, 30 d, 12 m, any */
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  g_autofree char *home = NULL;
  g_autofree char *profile = NULL;
  GdkFrameClock *clock;
  ScrollResult before = { 0 }, after = { 0 };
  FilterResult risk = { 0 }, date = { 0 };
  gboolean unlocked = FALSE;
  gint64 unlock_start, index_at = 0;
  double build_seconds, rss_loaded, first_rows_ms;
  guint max_frames = argc > 1 ? (guint)atoi (argv[1]) : 0;
  guint n_calls;

  if (!gtk_init_check ())
    {
      printf ("bench-call-log: skipped: no display (run it with build-aux/dev bench, which gives it Xvfb)\n");
      return SKIP;
    }

  /* a throw-away home, settings in memory: nothing of the user's */
  home = lin_bench_private_home ("linija-bench-call-log");
  lin_i18n_init ("en");
  /* the renderer Linija itself would take here (main.c) */
  lin_renderer_choose ();

  if (!lin_secret_init (&error))
    g_error ("%s", error->message);
  profile = lin_bench_calls_profile (&build_seconds);

  app = lin_application_new (APP_ID ".BenchCallLog", G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_application_activate (G_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (main_window ()), 1024, 768);
  lin_test_spin (1000);
  progress ("the window is up");
  /* wakes the waits below to look at the time */
  g_timeout_add (100, wake_cb, NULL);

  /* the log's rows, counted from their first bind: GTK 4.8's list view
   * binds some as soon as its model is set, within the unlock's finish,
   * before the view could be found to connect to its factory */
  g_signal_add_emission_hook (g_signal_lookup ("bind", GTK_TYPE_SIGNAL_LIST_ITEM_FACTORY), 0,
                              bind_hook_cb, NULL, NULL);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (main_window ()));
  g_signal_connect_after (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  /* unlock, as the unlock page does: in a thread */
  unlock_start = g_get_monotonic_time ();
  lin_context_unlock_async (lin_application_get_context (app), profile, LIN_BENCH_PASSPHRASE,
                            NULL, unlocked_cb, &unlocked);
  if (!spin_until (&unlocked))
    g_error ("The benchmark profile did not unlock");
  rss_loaded = lin_bench_peak_rss_mib ();
  progress ("unlocked");
  if (call_log () == NULL)
    g_error ("No call log after unlocking");
  g_signal_connect (call_log (), "notify::index-ready", G_CALLBACK (index_ready_cb), &index_at);
  if (index_ready ())
    index_at = g_get_monotonic_time ();

  if (!wait_shown ())
    g_error ("No frame showed the call log's rows");
  first_rows_ms = ms (shown_at - unlocked_at);
  n_calls = g_list_model_get_n_items (lin_call_log_view_get_model (log_view ()));
  progress ("first rows shown");

  /* scrolling while the index is built, then with it */
  run_scroll (max_frames, TRUE, &before);
  progress ("scrolled while the index is built");
  while (!index_ready ())
    g_main_context_iteration (NULL, TRUE);
  scroll_to_top ();
  progress ("the index is ready");
  run_scroll (max_frames, FALSE, &after);
  progress ("scrolled with the index ready");
  scroll_to_top ();

  /* the filters, through their drop-downs (they are in the revealer) */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named ("filters-button")), TRUE);
  lin_test_spin (500);
  run_filter (GTK_DROP_DOWN (named ("risk-filter")), risks, G_N_ELEMENTS (risks), &risk);
  progress ("risk filter");
  run_filter (GTK_DROP_DOWN (named ("date-filter")), dates, G_N_ELEMENTS (dates), &date);
  progress ("date filter");

  printf ("Linija call log benchmark: the real window, %u calls, %u processors, renderer %s\n",
          n_calls, g_get_num_processors (),
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (main_window ()))));
  if (build_seconds >= 0)
    printf ("   building the profile: %.1f s\n", build_seconds);
  printf ("   %-48s %10.3f s\n", "unlock → working set loaded", (unlocked_at - unlock_start) / 1e6);
  printf ("   %-48s %10.1f ms  (goal ≤ 300 ms)\n", "working set loaded → first rows painted", first_rows_ms);
  printf ("   %-48s %10.3f s\n", "working set loaded → index complete", index_at > 0 ? (index_at - unlocked_at) / 1e6 : -1);
  printf ("\n   Scrolling, one page per frame; frame-clock intervals in ms\n");
  printf ("   %-34s %7s %8s %8s %8s %8s %8s %8s\n", "", "frames", "median", "p95", "p99", "max", ">16.7", ">33.4");
  if (before.frames > 0)
    print_scroll ("while the index is built", &before);
  else
    printf ("   %-34s (the index was ready before the first rows)\n", "while the index is built");
  print_scroll ("with the index ready", &after);
  printf ("\n   Filters through the drop-downs, %d rounds; ms    median      max   (goal ≤ 50 ms)\n", N_FILTER_ROUNDS);
  printf ("   %-44s %10.1f %8.1f\n", "risk: choice → new rows painted", risk.median, risk.max);
  printf ("   %-44s %10.1f %8.1f\n", "  of which the choice itself (refilter)", risk.sync_median, risk.sync_max);
  printf ("   %-44s %10.1f %8.1f\n", "date: choice → new rows painted", date.median, date.max);
  printf ("   %-44s %10.1f %8.1f\n", "  of which the choice itself (refilter)", date.sync_median, date.sync_max);
  printf ("\n   %-48s %10.1f MiB\n", "peak RSS with the working set loaded", rss_loaded);
  printf ("   %-48s %10.1f MiB (goal ≤ 250 MB)\n\n", "peak RSS of the process", lin_bench_peak_rss_mib ());

  g_string_append_printf (json,
                          "{\"benchmark\":\"call-log\",\"nproc\":%u,\"calls\":%u,"
                          "\"unlock_to_loaded_s\":%.4f,\"loaded_to_first_rows_ms\":%.1f,"
                          "\"loaded_to_index_s\":%.3f,",
                          g_get_num_processors (), n_calls,
                          (unlocked_at - unlock_start) / 1e6, first_rows_ms,
                          index_at > 0 ? (index_at - unlocked_at) / 1e6 : -1);
  json_scroll (json, "scroll_before_index", &before);
  json_scroll (json, "scroll_index_ready", &after);
  g_string_append_printf (json,
                          "\"risk_filter_median_ms\":%.2f,\"risk_filter_max_ms\":%.2f,"
                          "\"date_filter_median_ms\":%.2f,\"date_filter_max_ms\":%.2f,"
                          "\"rss_loaded_mib\":%.1f,\"rss_peak_mib\":%.1f}",
                          risk.median, risk.max, date.median, date.max,
                          rss_loaded, lin_bench_peak_rss_mib ());
  printf ("%s\n", json->str);

  /* the process ends here: no need to take the window apart */
  lin_context_lock (lin_application_get_context (app));
  lin_bench_rm_rf (home);

  return 0;
}
