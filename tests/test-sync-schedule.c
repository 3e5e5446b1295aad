/* test-sync-schedule.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When sync is tried: pokes gathered into one attempt; a failure that may
 * pass retried after a backoff with full jitter under its ceiling (1 s,
 * doubled, at most 10 minutes), the same delays for the same seed; a save
 * does not cut a backoff short, Sync Now does; a refusal waits for a
 * person; offline, nothing until the network is back.
 */

#include "config.h"

#include <glib.h>

#include "lin-sync-schedule.h"

typedef struct
{
  LinSyncSchedule *schedule;
  guint            attempts;
  int              last_reason;
} Fixture;

static void
attempt_cb (LinSyncSchedule *schedule,
            int              reason,
            Fixture         *fixture)
{
  fixture->attempts++;
  fixture->last_reason = reason;
}

/* Runs the main loop until nothing is due in the next @ms */
static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->schedule = lin_sync_schedule_new (7);
  g_signal_connect (fixture->schedule, "attempt", G_CALLBACK (attempt_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->schedule);
}

static void
test_outcomes (void)
{
  guint transient[] = { 0, 408, 409, 429, 500, 502, 503 };
  guint permanent[] = { 400, 401, 403, 404, 413 };

  g_assert_cmpint (lin_sync_outcome_for_status (200), ==, LIN_SYNC_OUTCOME_DONE);
  for (guint i = 0; i < G_N_ELEMENTS (transient); i++)
    g_assert_cmpint (lin_sync_outcome_for_status (transient[i]), ==, LIN_SYNC_OUTCOME_TRANSIENT);
  for (guint i = 0; i < G_N_ELEMENTS (permanent); i++)
    g_assert_cmpint (lin_sync_outcome_for_status (permanent[i]), ==, LIN_SYNC_OUTCOME_PERMANENT);

  g_assert_cmpuint (lin_sync_backoff_ceiling (1), ==, 1000);
  g_assert_cmpuint (lin_sync_backoff_ceiling (2), ==, 2000);
  g_assert_cmpuint (lin_sync_backoff_ceiling (3), ==, 4000);
  g_assert_cmpuint (lin_sync_backoff_ceiling (10), ==, 512000);
  g_assert_cmpuint (lin_sync_backoff_ceiling (11), ==, 600000);
  g_assert_cmpuint (lin_sync_backoff_ceiling (1000), ==, 600000);
}

/* At start one attempt; saves while it runs make one more, not five */
static void
test_gathered (Fixture       *fixture,
               gconstpointer  data)
{
  lin_sync_schedule_start (fixture->schedule);
  lin_sync_schedule_poke (fixture->schedule, LIN_SYNC_REASON_SAVE);
  spin (50);
  g_assert_cmpuint (fixture->attempts, ==, 1);
  g_assert_cmpint (fixture->last_reason, ==, LIN_SYNC_REASON_UNLOCK);
  g_assert_cmpint (lin_sync_schedule_get_state (fixture->schedule), ==, LIN_SYNC_STATE_SYNCING);

  for (guint i = 0; i < 5; i++)
    lin_sync_schedule_poke (fixture->schedule, LIN_SYNC_REASON_SAVE);
  spin (50);
  g_assert_cmpuint (fixture->attempts, ==, 1);

  lin_sync_schedule_finished (fixture->schedule, LIN_SYNC_OUTCOME_DONE);
  g_assert_cmpint (lin_sync_schedule_get_last_success (fixture->schedule), >, 0);
  spin (50);
  g_assert_cmpuint (fixture->attempts, ==, 2);
  lin_sync_schedule_finished (fixture->schedule, LIN_SYNC_OUTCOME_DONE);
  spin (50);
  g_assert_cmpuint (fixture->attempts, ==, 2);
  g_assert_cmpint (lin_sync_schedule_get_state (fixture->schedule), ==, LIN_SYNC_STATE_IDLE);

  /* stopped (locked), nothing */
  lin_sync_schedule_stop (fixture->schedule);
  lin_sync_schedule_poke (fixture->schedule, LIN_SYNC_REASON_USER);
  spin (50);
  g_assert_cmpuint (fixture->attempts, ==, 2);
}

/* A failure that may pass: a retry under the ceiling; saves wait for it,
 * Sync Now does not */
static void
test_backoff (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 delay;

  lin_sync_schedule_start (fixture->schedule);
  spin (20);
  g_assert_cmpuint (fixture->attempts, ==, 1);
  lin_sync_schedule_finished (fixture->schedule, LIN_SYNC_OUTCOME_TRANSIENT);
  g_assert_cmpint (lin_sync_schedule_get_state (fixture->schedule), ==, LIN_SYNC_STATE_BACKING_OFF);
  delay = lin_sync_schedule_get_next_delay (fixture->schedule);
  g_assert_cmpint (delay, >=, 0);
  g_assert_cmpint (delay, <=, 1000);

  lin_sync_schedule_poke (fixture->schedule, LIN_SYNC_REASON_SAVE);
  spin (10);
  g_assert_cmpuint (fixture->attempts, ==, 1);

  /* the retry comes by itself */
  spin (delay + 100);
  g_assert_cmpuint (fixture->attempts, ==, 2);
  g_assert_cmpint (fixture->last_reason, ==, LIN_SYNC_REASON_TIMER);

  /* a second failure: a longer ceiling; Sync Now at once */
  lin_sync_schedule_finished (fixture->schedule, LIN_SYNC_OUTCOME_TRANSIENT);
  g_assert_cmpuint (lin_sync_schedule_get_failures (fixture->schedule), ==, 2);
  g_assert_cmpint (lin_sync_schedule_get_next_delay (fixture->schedule), <=, 2000);
  lin_sync_schedule_poke (fixture->schedule, LIN_SYNC_REASON_USER);
  spin (20);
  g_assert_cmpuint (fixture->attempts, ==, 3);
  lin_sync_schedule_finished (fixture->schedule, LIN_SYNC_OUTCOME_DONE);
  g_assert_cmpuint (lin_sync_schedule_get_failures (fixture->schedule), ==, 0);
}

/* The delays of a seed: the same each run, each under its ceiling, and
 * not all the same */
static void
test_jitter (void)
{
  gint64 first[14];
  gboolean differ = FALSE;

  for (guint run = 0; run < 2; run++)
    {
      g_autoptr(LinSyncSchedule) schedule = lin_sync_schedule_new (2026);

      lin_sync_schedule_start (schedule);
      for (guint i = 0; i < G_N_ELEMENTS (first); i++)
        {
          gint64 delay;

          spin (5);
          /* no waiting here: a retry planned is started by hand */
          if (lin_sync_schedule_get_state (schedule) == LIN_SYNC_STATE_BACKING_OFF)
            lin_sync_schedule_poke (schedule, LIN_SYNC_REASON_USER);
          spin (5);
          g_assert_cmpint (lin_sync_schedule_get_state (schedule), ==, LIN_SYNC_STATE_SYNCING);
          lin_sync_schedule_finished (schedule, LIN_SYNC_OUTCOME_TRANSIENT);
          delay = lin_sync_schedule_get_next_delay (schedule);
          g_assert_cmpint (delay, <=, lin_sync_backoff_ceiling (i + 1));
          if (run == 0)
            first[i] = delay;
          else
            g_assert_cmpint (delay, ==, first[i]);
          differ |= i > 0 && first[i] != first[i - 1];
        }
    }
  g_assert_true (differ);
  /* past the cap, still under ten minutes */
  g_assert_cmpint (first[13], <=, 600000);
}

/* Refused: only a person (unlock, Sync Now) tries again */
static void
test_attention (Fixture       *fixture,
                gconstpointer  data)
{
  LinSyncReason ignored[] = { LIN_SYNC_REASON_SAVE, LIN_SYNC_REASON_TIMER, LIN_SYNC_REASON_NETWORK };

  lin_sync_schedule_start (fixture->schedule);
  spin (20);
  lin_sync_schedule_finished (fixture->schedule, lin_sync_outcome_for_status (403));
  g_assert_cmpint (lin_sync_schedule_get_state (fixture->schedule), ==, LIN_SYNC_STATE_ATTENTION);
  for (guint i = 0; i < G_N_ELEMENTS (ignored); i++)
    lin_sync_schedule_poke (fixture->schedule, ignored[i]);
  spin (50);
  g_assert_cmpuint (fixture->attempts, ==, 1);
  lin_sync_schedule_poke (fixture->schedule, LIN_SYNC_REASON_USER);
  spin (20);
  g_assert_cmpuint (fixture->attempts, ==, 2);
}

/* Offline: nothing until the network is back, then at once */
static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  lin_sync_schedule_start (fixture->schedule);
  spin (20);
  g_assert_cmpuint (fixture->attempts, ==, 1);

  lin_sync_schedule_set_online (fixture->schedule, FALSE);
  lin_sync_schedule_finished (fixture->schedule, LIN_SYNC_OUTCOME_TRANSIENT);
  g_assert_cmpint (lin_sync_schedule_get_state (fixture->schedule), ==, LIN_SYNC_STATE_OFFLINE);
  lin_sync_schedule_poke (fixture->schedule, LIN_SYNC_REASON_SAVE);
  lin_sync_schedule_poke (fixture->schedule, LIN_SYNC_REASON_TIMER);
  spin (1200);
  g_assert_cmpuint (fixture->attempts, ==, 1);

  lin_sync_schedule_set_online (fixture->schedule, TRUE);
  spin (50);
  g_assert_cmpuint (fixture->attempts, ==, 2);
  g_assert_cmpint (fixture->last_reason, ==, LIN_SYNC_REASON_NETWORK);

  /* lost while idle: offline at once */
  lin_sync_schedule_finished (fixture->schedule, LIN_SYNC_OUTCOME_DONE);
  lin_sync_schedule_set_online (fixture->schedule, FALSE);
  g_assert_cmpint (lin_sync_schedule_get_state (fixture->schedule), ==, LIN_SYNC_STATE_OFFLINE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-schedule/outcomes", test_outcomes);
  g_test_add_func ("/sync-schedule/jitter", test_jitter);
  g_test_add ("/sync-schedule/gathered", Fixture, NULL, fixture_set_up, test_gathered, fixture_tear_down);
  g_test_add ("/sync-schedule/backoff", Fixture, NULL, fixture_set_up, test_backoff, fixture_tear_down);
  g_test_add ("/sync-schedule/attention", Fixture, NULL, fixture_set_up, test_attention, fixture_tear_down);
  g_test_add ("/sync-schedule/offline", Fixture, NULL, fixture_set_up, test_offline, fixture_tear_down);

  return g_test_run ();
}
