/* lin-roster.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-record.h"

G_BEGIN_DECLS

#define LIN_ROSTER_ERROR (lin_roster_error_quark ())

typedef enum
{
  LIN_ROSTER_ERROR_INVALID,   /* a record or an argument that is not one */
} LinRosterError;

/* A person as the roster knows her (kind "person"): an alias, never a
 * legal name */
#define LIN_PERSON_KIND                  "person"
#define LIN_PERSON_FIELD_ALIAS           "alias"
#define LIN_PERSON_FIELD_ROLE            "role"             /* counsellor, volunteer, coordinator */
#define LIN_PERSON_FIELD_SKILLS          "skills"           /* codes of "skill" */
#define LIN_PERSON_FIELD_MAX_WEEK_HOURS  "max_week_hours"   /* 0 or missing: no limit */
#define LIN_PERSON_FIELD_MAX_MONTH_NIGHTS "max_month_nights"
#define LIN_PERSON_FIELD_AWAY_WEEKLY     "away_weekly"      /* [{ "day": "mon", "from": "08:00", "to": "16:00" }] */
#define LIN_PERSON_FIELD_AWAY            "away"             /* [{ "from": ISO 8601, "to": ISO 8601 }] */
#define LIN_PERSON_FIELD_DESIRED_DAYS    "desired_days"     /* ["sat", …] */
#define LIN_PERSON_FIELD_UNDESIRED_DAYS  "undesired_days"

/* A line, a programme with its own phone (kind "line") */
#define LIN_LINE_KIND                    "line"
#define LIN_LINE_FIELD_NAME              "name"
#define LIN_LINE_FIELD_HOURS             "hours"            /* lin-hours.h: "24/7", "mon-fri 08:00-20:00" */
#define LIN_LINE_FIELD_SKILLS            "skills"           /* everyone on its shifts has them */

/* A shift (kind "shift"): times in Europe/Belgrade with their offsets,
 * so that an hour of a DST night is never lost or counted twice */
#define LIN_SHIFT_KIND                   "shift"
#define LIN_SHIFT_FIELD_LINE             "line"             /* the line's record id */
#define LIN_SHIFT_FIELD_START            "start"
#define LIN_SHIFT_FIELD_END              "end"
#define LIN_SHIFT_FIELD_REQUIRED         "required"         /* people, at least 1 */
#define LIN_SHIFT_FIELD_SKILLS           "skills"           /* someone on the shift has each */
#define LIN_SHIFT_FIELD_CANCELLED        "cancelled"

/* A person on a shift (kind "assignment") */
#define LIN_ASSIGNMENT_KIND              "assignment"
#define LIN_ASSIGNMENT_FIELD_SHIFT       "shift"
#define LIN_ASSIGNMENT_FIELD_PERSON      "person"
#define LIN_ASSIGNMENT_FIELD_UID         "uid"              /* iCalendar, stable across exports */
#define LIN_ASSIGNMENT_FIELD_SEQUENCE    "sequence"
#define LIN_ASSIGNMENT_FIELD_OVERRIDES   "overrides"        /* [{ "rule": code, "reason": text, "confirmed": bool }] */

/* A handover note, written at a shift's end (kind "handover") */
#define LIN_HANDOVER_KIND                "handover"
#define LIN_HANDOVER_FIELD_SHIFT         "shift"
#define LIN_HANDOVER_FIELD_TEXT          "text"
#define LIN_HANDOVER_FIELD_WRITTEN       "written"          /* ISO 8601, its last edit */

typedef enum
{
  /* hard: never broken without an explicit confirmation */
  LIN_ROSTER_RULE_OVERLAP,        /* a person on two shifts at once */
  LIN_ROSTER_RULE_SKILL,          /* a skill the line or the shift needs is missing */
  LIN_ROSTER_RULE_AWAY,           /* assigned while unavailable */
  LIN_ROSTER_RULE_GAP,            /* fewer people than the shift needs */
  /* soft: broken with a reason */
  LIN_ROSTER_RULE_REST,           /* less rest than the least between two shifts */
  LIN_ROSTER_RULE_WEEK_HOURS,     /* more hours in a week than her limit */
  LIN_ROSTER_RULE_MONTH_NIGHTS,   /* more nights in a month than her limit */
  LIN_ROSTER_RULE_UNDESIRED_DAY,  /* a shift on a day she would rather not */
  LIN_ROSTER_RULE_UNEVEN,         /* far more nights or weekends than the others */
  LIN_ROSTER_N_RULES
} LinRosterRule;

typedef struct
{
  LinRosterRule rule;
  int           shift;        /* index, or -1 */
  int           person;       /* index, or -1 */
  int           other_shift;  /* the shift it collides with (overlap, rest), or -1 */
  gint64        value;        /* rest: seconds; week hours: seconds; nights: count;
                               * skill: the missing skill's index in "skill";
                               * gap: people missing; uneven: nights or weekends */
  gboolean      overridden;   /* the coordinator allowed it (a hard rule: confirmed) */
} LinRosterViolation;

typedef struct
{
  guint min_rest_hours;       /* 12 */
} LinRosterSettings;

typedef struct _LinRoster LinRoster;

/* Two assignments that collide (lin-roster-collisions.c) */
typedef enum
{
  LIN_ROSTER_COLLISION_TWICE,     /* the same person twice on one shift */
  LIN_ROSTER_COLLISION_OVERLAP,   /* the same person on two shifts at once */
  LIN_ROSTER_COLLISION_OVERFULL,  /* more people on a shift than it needs */
  LIN_ROSTER_N_COLLISIONS
} LinRosterCollision;

typedef struct
{
  LinRosterCollision  collision;
  LinRecord          *other;      /* the assignment it collides with */
} LinRosterCollided;

GQuark        lin_roster_error_quark     (void);

void          lin_roster_settings_init   (LinRosterSettings *settings);

gboolean      lin_roster_rule_is_hard    (LinRosterRule      rule);
const char   *lin_roster_rule_get_code   (LinRosterRule      rule);
gboolean      lin_roster_rule_from_code  (const char        *code,
                                          LinRosterRule     *rule);

gboolean      lin_roster_takes_kind      (const char        *kind);
LinRoster    *lin_roster_new             (GPtrArray         *records);
LinRoster    *lin_roster_ref             (LinRoster         *self);
void          lin_roster_unref           (LinRoster         *self);

guint         lin_roster_get_n_people    (LinRoster         *self);
LinRecord    *lin_roster_get_person      (LinRoster         *self,
                                          guint              i);
guint         lin_roster_get_n_lines     (LinRoster         *self);
LinRecord    *lin_roster_get_line        (LinRoster         *self,
                                          guint              i);
guint         lin_roster_get_n_shifts    (LinRoster         *self);
LinRecord    *lin_roster_get_shift       (LinRoster         *self,
                                          guint              i);
int           lin_roster_find_shift      (LinRoster         *self,
                                          const char        *id);
int           lin_roster_find_person     (LinRoster         *self,
                                          const char        *id);
int           lin_roster_find_line       (LinRoster         *self,
                                          const char        *id);

gint64        lin_roster_shift_get_start (LinRoster         *self,
                                          guint              shift);
gint64        lin_roster_shift_get_end   (LinRoster         *self,
                                          guint              shift);
int           lin_roster_shift_get_line  (LinRoster         *self,
                                          guint              shift);
guint         lin_roster_shift_get_required (LinRoster      *self,
                                          guint              shift);
gboolean      lin_roster_shift_is_cancelled (LinRoster      *self,
                                          guint              shift);
gboolean      lin_roster_shift_is_night  (LinRoster         *self,
                                          guint              shift);
guint         lin_roster_shift_get_n_assigned (LinRoster    *self,
                                          guint              shift);
LinRecord    *lin_roster_shift_get_assignment (LinRoster    *self,
                                          guint              shift,
                                          guint              i);
int           lin_roster_assignment_get_person (LinRoster   *self,
                                          LinRecord         *assignment);

GArray       *lin_roster_check           (LinRoster         *self,
                                          const LinRosterSettings *settings);
char         *lin_roster_describe        (LinRoster         *self,
                                          const LinRosterViolation *violation);

LinRecord    *lin_roster_new_assignment  (LinRecord         *shift,
                                          LinRecord         *person);
GPtrArray    *lin_roster_dup_records     (LinRoster         *self);
GArray       *lin_roster_try_person      (LinRoster         *self,
                                          guint              shift,
                                          guint              person,
                                          const LinRosterSettings *settings);
GArray       *lin_roster_person_get_shifts (LinRoster       *self,
                                          guint              person);
gint64        lin_roster_get_week_time   (LinRoster         *self,
                                          guint              person,
                                          guint              shift);

const char   *lin_roster_collision_get_code (LinRosterCollision collision);
gboolean      lin_roster_collision_from_code (const char    *code,
                                          LinRosterCollision *collision);
GArray       *lin_roster_find_collisions (LinRoster         *self,
                                          LinRecord         *assignment);

/* Shift templates: 3×8 h and 2×12 h, in Europe/Belgrade wall-clock time */
guint         lin_roster_get_n_templates (void);
const char   *lin_roster_get_template_code (guint            i);
const char   *lin_roster_get_template_label (guint           i);
GPtrArray    *lin_roster_make_shifts     (LinRecord         *line,
                                          const char        *template_code,
                                          GDate             *first_day,
                                          guint              n_days,
                                          guint              required,
                                          GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinRoster, lin_roster_unref)

G_END_DECLS
