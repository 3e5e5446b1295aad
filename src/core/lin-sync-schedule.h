/* lin-sync-schedule.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIN_SYNC_BACKOFF_BASE_MS  1000
#define LIN_SYNC_BACKOFF_CAP_MS   (10 * 60 * 1000)
#define LIN_SYNC_PERIOD_MS        (5 * 60 * 1000)

typedef enum
{
  LIN_SYNC_REASON_SAVE,       /* a record was saved: push it */
  LIN_SYNC_REASON_NETWORK,    /* the network came back */
  LIN_SYNC_REASON_UNLOCK,     /* the profile was unlocked */
  LIN_SYNC_REASON_TIMER,      /* the periodic pull */
  LIN_SYNC_REASON_USER,       /* she asked for it (Sync Now) */
} LinSyncReason;

typedef enum
{
  LIN_SYNC_OUTCOME_DONE,       /* everything pushed and pulled */
  LIN_SYNC_OUTCOME_TRANSIENT,  /* no network, a timeout, 5xx, 409, 429: again later */
  LIN_SYNC_OUTCOME_PERMANENT,  /* another 4xx: a person has to look */
} LinSyncOutcome;

typedef enum
{
  LIN_SYNC_STATE_IDLE,         /* nothing waiting, or waiting for the next try */
  LIN_SYNC_STATE_SYNCING,      /* an attempt is running */
  LIN_SYNC_STATE_BACKING_OFF,  /* the last attempt failed; the next is planned */
  LIN_SYNC_STATE_OFFLINE,      /* no network: waiting for it */
  LIN_SYNC_STATE_ATTENTION,    /* refused for good: waiting for a person */
} LinSyncState;

#define LIN_TYPE_SYNC_SCHEDULE (lin_sync_schedule_get_type ())

G_DECLARE_FINAL_TYPE (LinSyncSchedule, lin_sync_schedule, LIN, SYNC_SCHEDULE, GObject)

LinSyncSchedule *lin_sync_schedule_new            (guint32          seed);
void             lin_sync_schedule_set_online     (LinSyncSchedule *self,
                                                   gboolean         available);
void             lin_sync_schedule_start          (LinSyncSchedule *self);
void             lin_sync_schedule_stop           (LinSyncSchedule *self);
void             lin_sync_schedule_poke           (LinSyncSchedule *self,
                                                   LinSyncReason    reason);
void             lin_sync_schedule_finished       (LinSyncSchedule *self,
                                                   LinSyncOutcome   outcome);
LinSyncState     lin_sync_schedule_get_state      (LinSyncSchedule *self);
guint            lin_sync_schedule_get_failures   (LinSyncSchedule *self);
gint64           lin_sync_schedule_get_next_delay (LinSyncSchedule *self);
gint64           lin_sync_schedule_get_last_success (LinSyncSchedule *self);

LinSyncOutcome   lin_sync_outcome_for_status      (guint            http_status);
guint            lin_sync_backoff_ceiling         (guint            failures);

G_END_DECLS
