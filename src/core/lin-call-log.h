/* lin-call-log.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-call.h"

G_BEGIN_DECLS

#define LIN_TYPE_CALL_LOG (lin_call_log_get_type ())

G_DECLARE_FINAL_TYPE (LinCallLog, lin_call_log, LIN, CALL_LOG, GObject)

typedef enum
{
  LIN_CALL_LOG_FOLLOW_UP_ANY,       /* no filter */
  LIN_CALL_LOG_FOLLOW_UP_NONE,      /* no open follow-up */
  LIN_CALL_LOG_FOLLOW_UP_OVERDUE,
  LIN_CALL_LOG_FOLLOW_UP_TODAY,
  LIN_CALL_LOG_FOLLOW_UP_UPCOMING,
} LinCallLogFollowUp;

/* What the log knows of a call once its index is ready: enough for a row
 * without parsing the call again */
typedef struct
{
  LinRecord    *call;
  gint64        started;          /* Unix time; 0 when unknown */
  gint64        follow_up_due;    /* Unix time; 0: no follow-up */
  gboolean      follow_up_done;
  LinRiskLevel  risk;             /* final level */
  const char   *call_type;        /* codes, interned; NULL when absent */
  const char   *language;
  const char   *municipality;
  const char   *district;
} LinCallSummary;

/* risk levels as a mask: 1 << LinRiskLevel */
#define LIN_CALL_LOG_RISK(level) (1u << (level))

LinCallLog           *lin_call_log_new                   (LinStore            *store);
LinStore             *lin_call_log_get_store             (LinCallLog          *self);
gboolean              lin_call_log_get_index_ready       (LinCallLog          *self);
const LinCallSummary *lin_call_log_get_summary           (LinCallLog          *self,
                                                          guint                position);
void                  lin_call_log_summarize             (LinCallLog          *self,
                                                          LinRecord           *call,
                                                          LinCallSummary      *summary);

/* Filters: each change refilters at once (one items-changed) */
void                  lin_call_log_set_date_range        (LinCallLog          *self,
                                                          GDateTime           *from,
                                                          GDateTime           *to);
void                  lin_call_log_set_call_types        (LinCallLog          *self,
                                                          const char * const  *call_types);
void                  lin_call_log_set_risk_levels       (LinCallLog          *self,
                                                          guint                mask);
void                  lin_call_log_set_follow_up         (LinCallLog          *self,
                                                          LinCallLogFollowUp   follow_up);
void                  lin_call_log_set_language          (LinCallLog          *self,
                                                          const char          *language);
void                  lin_call_log_set_caller_code_search (LinCallLog         *self,
                                                          const char          *prefix);
void                  lin_call_log_set_now               (LinCallLog          *self,
                                                          GDateTime           *now);
gboolean              lin_call_log_get_filtered          (LinCallLog          *self);

GPtrArray            *lin_call_log_find_caller_code      (LinCallLog          *self,
                                                          const char          *caller_code,
                                                          const char          *except_id);

G_END_DECLS
