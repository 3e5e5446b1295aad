/* lin-call.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calls, their notes and follow-ups: the record kinds "call", "note" and
 * "follow-up" (fields: docs of issue 4, "the call record"), the rules
 * that hold for them, and the helpers the wizard, the log and the
 * follow-up queue share. Times are ISO 8601 with an offset, local to
 * Europe/Belgrade.
 */

#pragma once

#include "lin-risk.h"
#include "lin-store.h"

G_BEGIN_DECLS

#define LIN_CALL_KIND            "call"
#define LIN_NOTE_KIND            "note"
#define LIN_FOLLOW_UP_KIND       "follow-up"
#define LIN_CALL_SCHEMA          1
#define LIN_CALL_TIME_ZONE       "Europe/Belgrade"

/* Fields of a call, by step */
#define LIN_CALL_FIELD_SCHEMA              "schema"
#define LIN_CALL_FIELD_STARTED             "started"
#define LIN_CALL_FIELD_DURATION            "duration_s"
#define LIN_CALL_FIELD_CHANNEL             "channel"
#define LIN_CALL_FIELD_CALL_TYPE           "call_type"
#define LIN_CALL_FIELD_LANGUAGE            "language"

#define LIN_CALL_FIELD_CALLER_CODE         "caller_code"
#define LIN_CALL_FIELD_CONTACT             "contact"
#define LIN_CALL_FIELD_AGE_GROUP           "age_group"
#define LIN_CALL_FIELD_MUNICIPALITY        "municipality"
#define LIN_CALL_FIELD_DISTRICT            "district"
#define LIN_CALL_FIELD_ROMA                "roma"
#define LIN_CALL_FIELD_DISABILITY          "disability"
#define LIN_CALL_FIELD_ACCESSIBILITY_NEEDS "accessibility_needs"
#define LIN_CALL_FIELD_CHILDREN_COUNT      "children_count"
#define LIN_CALL_FIELD_CHILDREN_WITNESS    "children_witness"
#define LIN_CALL_FIELD_PREGNANT            "pregnant"

#define LIN_CALL_FIELD_VIOLENCE_FORMS      "violence_forms"
#define LIN_CALL_FIELD_PERPETRATORS        "perpetrators"
#define LIN_CALL_FIELD_LIVING_TOGETHER     "living_together"
#define LIN_CALL_FIELD_VIOLENCE_DURATION   "violence_duration"
#define LIN_CALL_FIELD_LAST_INCIDENT       "last_incident"
#define LIN_CALL_FIELD_REPORTED_BEFORE     "reported_before"
#define LIN_CALL_FIELD_PROTECTION_MEASURES "protection_measures"

#define LIN_CALL_FIELD_RISK                "risk"
#define LIN_CALL_FIELD_FLAGGED             "flagged"

#define LIN_CALL_FIELD_SERVICES            "services"
#define LIN_CALL_FIELD_REFERRALS           "referrals"
#define LIN_CALL_FIELD_CONSENT_FOLLOW_UP   "consent_follow_up"
#define LIN_CALL_FIELD_CONSENT_STATISTICS  "consent_statistics"

#define LIN_CALL_FIELD_FOLLOW_UP_ID        "follow_up_id"

/* fictional data made by lin_demo_add_calls() */
#define LIN_CALL_FIELD_DEMO                "demo"

/* Members of "risk" */
#define LIN_RISK_FIELD_CHECKLIST           "checklist"
#define LIN_RISK_FIELD_VERSION             "version"
#define LIN_RISK_FIELD_ANSWERS             "answers"
#define LIN_RISK_FIELD_SCORE               "score"
#define LIN_RISK_FIELD_LEVEL               "level"
#define LIN_RISK_FIELD_JUDGED_LEVEL        "judged_level"
#define LIN_RISK_FIELD_JUDGEMENT_REASON    "judgement_reason"
#define LIN_RISK_FIELD_FINAL_LEVEL         "final_level"

/* Members of each element of "referrals" */
#define LIN_REFERRAL_FIELD_SERVICE_TYPE    "service_type"
#define LIN_REFERRAL_FIELD_SERVICE_ID      "service_id"
#define LIN_REFERRAL_FIELD_TEXT            "text"
#define LIN_REFERRAL_FIELD_STATUS          "status"

/* A note */
#define LIN_NOTE_FIELD_CALL_ID             "call_id"
#define LIN_NOTE_FIELD_TEXT                "text"
#define LIN_NOTE_FIELD_WRITTEN             "written"

/* A follow-up */
#define LIN_FOLLOW_UP_FIELD_CALL_ID        "call_id"
#define LIN_FOLLOW_UP_FIELD_DUE            "due"
#define LIN_FOLLOW_UP_FIELD_CONTACT_METHOD "contact_method"
#define LIN_FOLLOW_UP_FIELD_SAFE_TIMES     "safe_times"
#define LIN_FOLLOW_UP_FIELD_CODE_WORD      "code_word"
#define LIN_FOLLOW_UP_FIELD_DONE           "done"
#define LIN_FOLLOW_UP_FIELD_OUTCOME        "outcome"
#define LIN_FOLLOW_UP_FIELD_OUTCOME_NOTE   "outcome_note"
#define LIN_FOLLOW_UP_FIELD_DONE_AT        "done_at"

/* Flags of the call-type codes */
#define LIN_CALL_FLAG_ONE_STEP             "one-step"
#define LIN_CALL_FLAG_NO_STATISTICS        "no-statistics"

#define LIN_CALL_N_STEPS 6

#define LIN_CALL_ERROR (lin_call_error_quark ())

typedef enum
{
  LIN_CALL_ERROR_INVALID,     /* a field of the wrong type, or missing */
  LIN_CALL_ERROR_UNKNOWN_CODE,/* a code its list does not have */
  LIN_CALL_ERROR_IMMUTABLE,   /* a saved note cannot change */
  LIN_CALL_ERROR_NOT_FOUND,   /* the call a note or follow-up is for */
} LinCallError;

typedef enum
{
  LIN_FIELD_INT,         /* a JSON integer, within min..max */
  LIN_FIELD_BOOL,
  LIN_FIELD_STRING,      /* free text */
  LIN_FIELD_TIME,        /* ISO 8601 with an offset */
  LIN_FIELD_CODE,        /* one code of @list */
  LIN_FIELD_CODES,       /* an array of codes of @list, no repeats */
  LIN_FIELD_PLACE,       /* a municipality code (data/places) */
  LIN_FIELD_DISTRICT,    /* an ISO 3166-2:RS code, derived */
  LIN_FIELD_ID,          /* a record id, 32 hex digits */
  LIN_FIELD_RISK,        /* the risk object */
  LIN_FIELD_REFERRALS,   /* an array of referral objects */
} LinCallFieldType;

typedef struct
{
  const char       *name;     /* LIN_CALL_FIELD_… */
  LinCallFieldType  type;
  const char       *list;     /* the code list of a CODE or CODES field, else NULL */
  guint             step;     /* 1 to LIN_CALL_N_STEPS */
  gint              min;      /* for INT */
  gint              max;
} LinCallField;

typedef enum
{
  LIN_FOLLOW_UP_NONE,         /* no follow-up, or no valid due time */
  LIN_FOLLOW_UP_OVERDUE,      /* open, due before now */
  LIN_FOLLOW_UP_TODAY,        /* open, due later today (Europe/Belgrade) */
  LIN_FOLLOW_UP_UPCOMING,     /* open, due after today */
  LIN_FOLLOW_UP_DONE,
} LinFollowUpState;

GQuark              lin_call_error_quark          (void);

/* The fields of a call in wizard order; the table lives as long as the
 * process */
const LinCallField *lin_call_get_fields           (guint             *n_fields);
const LinCallField *lin_call_lookup_field         (const char        *name);

gboolean            lin_call_validate             (LinRecord         *record,
                                                   GError           **error);

GTimeZone          *lin_call_get_time_zone        (void);
GDateTime          *lin_call_parse_time           (const char        *iso8601);
char               *lin_call_format_time          (GDateTime         *time);

/* Rules of the call types */
gboolean            lin_call_type_is_one_step     (const char        *call_type);
gboolean            lin_call_type_counts_in_statistics (const char   *call_type);
gboolean            lin_call_counts_in_statistics (LinRecord         *call);
LinRiskLevel        lin_call_get_risk_level       (LinRecord         *call);
GDateTime          *lin_call_dup_started          (LinRecord         *call);

/* Earlier calls with the same caller code (compared case-insensitively),
 * newest first; @except_id: a call to leave out (the one being edited) */
GPtrArray          *lin_call_find_by_caller_code  (LinStore          *store,
                                                   const char        *caller_code,
                                                   const char        *except_id);

/* Notes: immutable once saved */
GPtrArray          *lin_call_list_notes           (LinStore          *store,
                                                   const char        *call_id);
LinRecord          *lin_call_add_note             (LinStore          *store,
                                                   const char        *call_id,
                                                   const char        *text,
                                                   GDateTime         *written,
                                                   GError           **error);
gboolean            lin_call_save_note            (LinStore          *store,
                                                   LinRecord         *note,
                                                   GError           **error);

/* Saving a call from the wizard: validates @call (and @follow_up), saves
 * @follow_up first and links it, then the call, then a note of
 * @note_text when it is not blank */
gboolean            lin_call_save                 (LinStore          *store,
                                                   LinRecord         *call,
                                                   LinRecord         *follow_up,
                                                   const char        *note_text,
                                                   GError           **error);

/* Follow-ups */
LinRecord          *lin_follow_up_new             (LinRecord         *call,
                                                   GDateTime         *due,
                                                   const char        *contact_method,
                                                   const char        *safe_times,
                                                   const char        *code_word);
LinRecord          *lin_call_get_follow_up        (LinStore          *store,
                                                   LinRecord         *call);
gboolean            lin_follow_up_mark_done       (LinStore          *store,
                                                   LinRecord         *follow_up,
                                                   const char        *outcome,
                                                   const char        *outcome_note,
                                                   GDateTime         *done_at,
                                                   GError           **error);
LinFollowUpState    lin_follow_up_get_state       (LinRecord         *follow_up,
                                                   GDateTime         *now);
LinFollowUpState    lin_follow_up_state_for       (gint64             due,
                                                   gboolean           done,
                                                   GDateTime         *now);
GPtrArray          *lin_follow_up_list_open       (LinStore          *store);
void                lin_follow_up_list_open_async (LinStore          *store,
                                                   GCancellable      *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer           user_data);
GPtrArray          *lin_follow_up_list_open_finish (LinStore         *store,
                                                   GAsyncResult      *result,
                                                   GError           **error);
guint               lin_follow_up_count_overdue   (LinStore          *store,
                                                   GDateTime         *now);

/* Shift handover: translated plain text, with no identifying text */
char               *lin_call_handover_summary     (LinStore          *store,
                                                   GDateTime         *from,
                                                   GDateTime         *to);

G_END_DECLS
