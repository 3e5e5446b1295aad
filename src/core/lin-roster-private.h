/* lin-roster-private.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster's arrays, for its rules (lin-roster.c) and its auto-fill
 * (lin-roster-fill.c) alone.
 */

#pragma once

#include "lin-roster.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 start;
  gint64 end;
} Span;

typedef struct
{
  guint day;       /* 0 (Monday) to 6 */
  guint from;      /* minutes after midnight */
  guint to;        /* to <= from: past midnight */
} WeeklySpan;

typedef struct
{
  LinRecord *record;
  guint32    skills;
  gint64     max_week;       /* seconds; 0: no limit */
  guint      max_nights;     /* 0: no limit */
  GArray    *away;           /* of Span */
  GArray    *away_weekly;    /* of WeeklySpan */
  guint8     desired;        /* a bit a weekday, Monday the lowest */
  guint8     undesired;
  GArray    *shifts;         /* of int: her shifts, by start */
} Person;

typedef struct
{
  LinRecord *record;
  guint32    skills;
} Line;

typedef struct
{
  LinRecord *record;
  int        line;
  gint64     start;
  gint64     end;
  guint      required;
  guint32    skills;
  gboolean   cancelled;
  gboolean   night;
  gboolean   weekend;
  guint      weekday;        /* of its start, 0 (Monday) to 6 */
  int        week;           /* ISO year × 100 + week, of its start */
  int        month;          /* year × 12 + month, of its start */
  GPtrArray *assignments;    /* of LinRecord, by person's alias */
  GArray    *people;         /* of int, as the assignments */
} Shift;

struct _LinRoster
{
  gatomicrefcount ref_count;
  GArray     *people;        /* of Person */
  GArray     *lines;         /* of Line */
  GArray     *shifts;        /* of Shift, by start */
  GHashTable *person_ids;    /* id string → index + 1 */
  GHashTable *line_ids;
  GHashTable *shift_ids;
};

#define LIN_ROSTER_SHIFT(self, i) (&g_array_index ((self)->shifts, Shift, (i)))
#define LIN_ROSTER_PERSON(self, i) (&g_array_index ((self)->people, Person, (i)))

gint64   lin_roster_wall_clock    (int     year,
                                   int     month,
                                   int     day,
                                   guint   minutes);
gboolean lin_roster_spans_overlap (gint64  a_start,
                                   gint64  a_end,
                                   gint64  b_start,
                                   gint64  b_end);
gboolean lin_roster_is_away       (Person *person,
                                   Shift  *shift);

G_END_DECLS
