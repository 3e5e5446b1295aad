/* lin-sync-schedule.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When to sync. A counsellor's laptop is offline for hours or days; the
 * organisation's server may be down, slow or refusing. Sync is
 * opportunistic: an attempt starts after a save, when the network comes
 * back, at unlock, every five minutes while online, and when she asks;
 * it never blocks anything (the attempt itself runs elsewhere and says
 * how it ended with lin_sync_schedule_finished()).
 *
 * Pokes while an attempt runs make one more attempt after it, not one
 * each: fifty saves in a minute are two attempts. A failed attempt that
 * may succeed later (no network, a timeout, 5xx, 409, 429) is tried again
 * after an exponential backoff with full jitter: a random delay between
 * zero and min(10 minutes, 1 s × 2^(failures - 1)), so that fifty laptops
 * that lost the server together do not come back together. A save does not
 * cut a backoff short (the server is having a bad time); the network
 * coming back, an unlock and her own Sync Now do. Any other 4xx is not
 * retried: something needs a person (a revoked device, a bad request),
 * and only an unlock or Sync Now tries again. Offline, nothing is tried
 * until the network is back: its owner tells it what GNetworkMonitor says
 * (lin_sync_schedule_set_online()).
 *
 * The random delays come from a GRand with a seed, so that a test (or a
 * fault schedule) sees the same delays each run.
 */

#define G_LOG_DOMAIN "lin-sync"

#include "config.h"

#include "lin-sync-schedule.h"

struct _LinSyncSchedule
{
  GObject          parent_instance;

  GRand           *rand;
  gboolean         online;
  LinSyncState     state;
  LinSyncReason    reason;       /* of the attempt planned or running */
  gboolean         running;      /* between start() and stop() */
  gboolean         again;        /* poked while an attempt ran */
  guint            failures;     /* in a row */
  gint64           next_delay;   /* ms, of the retry planned */
  gint64           last_success; /* real time, µs; 0: never */
  guint            attempt_source;
  guint            period_source;
};

G_DEFINE_FINAL_TYPE (LinSyncSchedule, lin_sync_schedule, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ATTEMPT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * lin_sync_outcome_for_status:
 * @http_status: an HTTP status, or 0 for no answer at all
 *
 * Returns: whether an attempt that ended with @http_status is tried again
 */
LinSyncOutcome
lin_sync_outcome_for_status (guint http_status)
{
  if (http_status >= 200 && http_status < 300)
    return LIN_SYNC_OUTCOME_DONE;
  /* a conflict is merged and pushed again; too many requests, later */
  if (http_status == 409 || http_status == 429 || http_status == 408)
    return LIN_SYNC_OUTCOME_TRANSIENT;
  if (http_status >= 400 && http_status < 500)
    return LIN_SYNC_OUTCOME_PERMANENT;

  return LIN_SYNC_OUTCOME_TRANSIENT;
}

/**
 * lin_sync_backoff_ceiling:
 * @failures: failed attempts in a row, at least 1
 *
 * Returns: the longest wait before the next attempt, in ms: 1 s doubled
 *   for each failure after the first, at most 10 minutes
 */
guint
lin_sync_backoff_ceiling (guint failures)
{
  guint64 ceiling = LIN_SYNC_BACKOFF_BASE_MS;

  for (guint i = 1; i < failures && ceiling < LIN_SYNC_BACKOFF_CAP_MS; i++)
    ceiling *= 2;

  return (guint)MIN (ceiling, LIN_SYNC_BACKOFF_CAP_MS);
}

static void
set_state (LinSyncSchedule *self,
           LinSyncState     state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static gboolean
online (LinSyncSchedule *self)
{
  return self->online;
}

static gboolean
attempt_cb (gpointer data)
{
  LinSyncSchedule *self = data;

  self->attempt_source = 0;
  self->again = FALSE;
  self->next_delay = 0;
  set_state (self, LIN_SYNC_STATE_SYNCING);
  g_signal_emit (self, signals[ATTEMPT], 0, self->reason);

  return G_SOURCE_REMOVE;
}

/* An attempt after @delay ms (0: at the next turn of the main loop, which
 * gathers the pokes of one save into one attempt). At the default
 * priority, as a timeout: an idle of low priority never ran while an
 * animation (a spinner) kept GTK's frame clock busy. */
static void
plan (LinSyncSchedule *self,
      LinSyncReason    reason,
      gint64           delay)
{
  g_clear_handle_id (&self->attempt_source, g_source_remove);
  self->reason = reason;
  self->next_delay = delay;
  self->attempt_source = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint)delay, attempt_cb, self, NULL);
}

/**
 * lin_sync_schedule_poke:
 * @self: a #LinSyncSchedule
 * @reason: why a sync would be good now
 */
void
lin_sync_schedule_poke (LinSyncSchedule *self,
                        LinSyncReason    reason)
{
  gboolean urgent = reason != LIN_SYNC_REASON_SAVE && reason != LIN_SYNC_REASON_TIMER;

  g_return_if_fail (LIN_IS_SYNC_SCHEDULE (self));

  if (!self->running)
    return;

  switch (self->state)
    {
    case LIN_SYNC_STATE_SYNCING:
      self->again = TRUE;
      return;

    case LIN_SYNC_STATE_OFFLINE:
      /* Sync Now tries, whatever the monitor believes */
      if (reason != LIN_SYNC_REASON_USER && !online (self))
        return;
      break;

    case LIN_SYNC_STATE_BACKING_OFF:
      if (!urgent)
        return;
      break;

    case LIN_SYNC_STATE_ATTENTION:
      if (reason != LIN_SYNC_REASON_USER && reason != LIN_SYNC_REASON_UNLOCK)
        return;
      break;

    case LIN_SYNC_STATE_IDLE:
    default:
      /* one planned already gathers this one */
      if (self->attempt_source != 0 && self->next_delay == 0)
        return;
      break;
    }

  set_state (self, LIN_SYNC_STATE_IDLE);
  plan (self, reason, 0);
}

/**
 * lin_sync_schedule_finished:
 * @self: a #LinSyncSchedule
 * @outcome: how the attempt it asked for ended
 */
void
lin_sync_schedule_finished (LinSyncSchedule *self,
                            LinSyncOutcome   outcome)
{
  g_return_if_fail (LIN_IS_SYNC_SCHEDULE (self));

  if (self->state != LIN_SYNC_STATE_SYNCING)
    return;

  switch (outcome)
    {
    case LIN_SYNC_OUTCOME_DONE:
      self->failures = 0;
      self->last_success = g_get_real_time ();
      set_state (self, LIN_SYNC_STATE_IDLE);
      if (self->again && self->running)
        plan (self, LIN_SYNC_REASON_SAVE, 0);
      break;

    case LIN_SYNC_OUTCOME_TRANSIENT:
      self->failures++;
      if (!online (self))
        {
          set_state (self, LIN_SYNC_STATE_OFFLINE);
          break;
        }
      set_state (self, LIN_SYNC_STATE_BACKING_OFF);
      if (self->running)
        plan (self, LIN_SYNC_REASON_TIMER,
              g_rand_int_range (self->rand, 0, (gint32)lin_sync_backoff_ceiling (self->failures) + 1));
      break;

    case LIN_SYNC_OUTCOME_PERMANENT:
    default:
      self->failures++;
      set_state (self, LIN_SYNC_STATE_ATTENTION);
      break;
    }
  self->again = FALSE;
}

/**
 * lin_sync_schedule_set_online:
 * @self: a #LinSyncSchedule
 * @available: whether the network is there (#GNetworkMonitor:network-available)
 */
void
lin_sync_schedule_set_online (LinSyncSchedule *self,
                              gboolean         available)
{
  g_return_if_fail (LIN_IS_SYNC_SCHEDULE (self));

  if (self->online == !!available)
    return;

  self->online = !!available;
  if (!self->running)
    return;
  if (!available && self->state != LIN_SYNC_STATE_SYNCING && self->state != LIN_SYNC_STATE_ATTENTION)
    {
      g_clear_handle_id (&self->attempt_source, g_source_remove);
      self->next_delay = 0;
      set_state (self, LIN_SYNC_STATE_OFFLINE);
    }
  else if (available)
    lin_sync_schedule_poke (self, LIN_SYNC_REASON_NETWORK);
}

static gboolean
period_cb (gpointer data)
{
  lin_sync_schedule_poke (data, LIN_SYNC_REASON_TIMER);

  return G_SOURCE_CONTINUE;
}

/**
 * lin_sync_schedule_start:
 * @self: a #LinSyncSchedule
 *
 * Starts planning (at unlock): an attempt at once when online.
 */
void
lin_sync_schedule_start (LinSyncSchedule *self)
{
  g_return_if_fail (LIN_IS_SYNC_SCHEDULE (self));

  if (self->running)
    return;

  self->running = TRUE;
  self->period_source = g_timeout_add_seconds (LIN_SYNC_PERIOD_MS / 1000, period_cb, self);
  set_state (self, online (self) ? LIN_SYNC_STATE_IDLE : LIN_SYNC_STATE_OFFLINE);
  lin_sync_schedule_poke (self, LIN_SYNC_REASON_UNLOCK);
}

/**
 * lin_sync_schedule_stop:
 * @self: a #LinSyncSchedule
 *
 * Plans nothing more (at lock). An attempt that runs still reports its end.
 */
void
lin_sync_schedule_stop (LinSyncSchedule *self)
{
  g_return_if_fail (LIN_IS_SYNC_SCHEDULE (self));

  self->running = FALSE;
  self->again = FALSE;
  g_clear_handle_id (&self->attempt_source, g_source_remove);
  g_clear_handle_id (&self->period_source, g_source_remove);
  self->next_delay = 0;
  if (self->state != LIN_SYNC_STATE_SYNCING)
    set_state (self, LIN_SYNC_STATE_IDLE);
}

LinSyncState
lin_sync_schedule_get_state (LinSyncSchedule *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_SCHEDULE (self), LIN_SYNC_STATE_IDLE);

  return self->state;
}

guint
lin_sync_schedule_get_failures (LinSyncSchedule *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_SCHEDULE (self), 0);

  return self->failures;
}

/**
 * lin_sync_schedule_get_next_delay:
 * @self: a #LinSyncSchedule
 *
 * Returns: the wait, in ms, of the retry planned after a failure, or 0
 */
gint64
lin_sync_schedule_get_next_delay (LinSyncSchedule *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_SCHEDULE (self), 0);

  return self->attempt_source != 0 ? self->next_delay : 0;
}

/**
 * lin_sync_schedule_get_last_success:
 * @self: a #LinSyncSchedule
 *
 * Returns: when the last attempt that ended well ended (g_get_real_time()),
 *   or 0
 */
gint64
lin_sync_schedule_get_last_success (LinSyncSchedule *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_SCHEDULE (self), 0);

  return self->last_success;
}

static void
lin_sync_schedule_dispose (GObject *object)
{
  LinSyncSchedule *self = (LinSyncSchedule *)object;

  lin_sync_schedule_stop (self);

  G_OBJECT_CLASS (lin_sync_schedule_parent_class)->dispose (object);
}

static void
lin_sync_schedule_finalize (GObject *object)
{
  LinSyncSchedule *self = (LinSyncSchedule *)object;

  g_rand_free (self->rand);

  G_OBJECT_CLASS (lin_sync_schedule_parent_class)->finalize (object);
}

static void
lin_sync_schedule_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LinSyncSchedule *self = LIN_SYNC_SCHEDULE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_sync_schedule_class_init (LinSyncScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lin_sync_schedule_dispose;
  object_class->finalize = lin_sync_schedule_finalize;
  object_class->get_property = lin_sync_schedule_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, LIN_SYNC_STATE_IDLE, LIN_SYNC_STATE_ATTENTION, LIN_SYNC_STATE_IDLE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LinSyncSchedule::attempt:
   * @reason: a #LinSyncReason
   *
   * Time to sync: the handler starts it and, when it ends, calls
   * lin_sync_schedule_finished().
   */
  signals[ATTEMPT] = g_signal_new ("attempt", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
lin_sync_schedule_init (LinSyncSchedule *self)
{
  self->state = LIN_SYNC_STATE_IDLE;
  self->online = TRUE;
}

/**
 * lin_sync_schedule_new:
 * @seed: the seed of the random delays
 *
 * Returns: (transfer full): a schedule, not started, the network taken
 *   as there until told otherwise
 */
LinSyncSchedule *
lin_sync_schedule_new (guint32 seed)
{
  LinSyncSchedule *self = g_object_new (LIN_TYPE_SYNC_SCHEDULE, NULL);

  self->rand = g_rand_new_with_seed (seed);

  return self;
}
