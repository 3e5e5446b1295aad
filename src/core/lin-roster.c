/* lin-roster.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster in memory: people, lines, shifts and who is on them, read
 * from their records, and the rules a coordinator plans by.
 *
 * Every time is an instant (seconds since the epoch) read from ISO 8601
 * with its offset, and every length of time is the real time between two
 * instants: a 20:00-08:00 night lasts 11 hours on 28-29 March 2026 and 13
 * on 24-25 October in Europe/Belgrade. Wall-clock times (a template's
 * 20:00, a weekly "away" 08:00-16:00) become instants through GDateTime
 * in Europe/Belgrade, which knows those nights.
 *
 * The hard rules (an overlap, a missing skill, someone away, a gap) are
 * never broken without an explicit confirmation; the soft ones (rest,
 * hours, nights, undesired days, an uneven spread) with a reason. Either
 * override is kept on the assignment and shown with the rule it breaks.
 *
 * A check reads arrays of plain structs, not JSON: a month of three 24-hour
 * lines with 40 people is checked in well under the 5 ms it may take
 * after each change (bench-roster).
 */

#define G_LOG_DOMAIN "lin-roster"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lin-call.h"
#include "lin-codes.h"
#include "lin-hours.h"
#include "lin-roster.h"
#include "lin-roster-private.h"

#define DAY_S      (24 * 3600)
#define NIGHT_END  5        /* a night shift runs between midnight and 05:00 */

static const char * const rule_codes[LIN_ROSTER_N_RULES] = {
  "overlap", "skill", "away", "gap", "rest", "week-hours", "month-nights", "undesired-day", "uneven",
};

G_DEFINE_QUARK (lin-roster-error-quark, lin_roster_error)

/**
 * lin_roster_settings_init:
 * @settings: settings to fill
 *
 * The rules' defaults: 12 hours of rest between two shifts.
 */
void
lin_roster_settings_init (LinRosterSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->min_rest_hours = 12;
}

gboolean
lin_roster_rule_is_hard (LinRosterRule rule)
{
  return rule <= LIN_ROSTER_RULE_GAP;
}

/**
 * lin_roster_rule_get_code:
 * @rule: a rule
 *
 * Returns: (transfer none): the rule as overrides name it: "rest"
 */
const char *
lin_roster_rule_get_code (LinRosterRule rule)
{
  g_return_val_if_fail (rule < LIN_ROSTER_N_RULES, NULL);

  return rule_codes[rule];
}

gboolean
lin_roster_rule_from_code (const char    *code,
                           LinRosterRule *rule)
{
  for (guint i = 0; code != NULL && i < LIN_ROSTER_N_RULES; i++)
    if (g_str_equal (code, rule_codes[i]))
      {
        *rule = i;
        return TRUE;
      }

  return FALSE;
}

/* Reading records */

static guint32
skills_of (JsonObject *fields,
           const char *member)
{
  const LinCodeList *list = lin_code_list_get ("skill");
  JsonArray *array;
  guint32 skills = 0;

  if (list == NULL || !json_object_has_member (fields, member) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (fields, member)))
    return 0;

  array = json_object_get_array_member (fields, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *code = json_node_get_string (json_array_get_element (array, i));

      for (guint c = 0; code != NULL && c < lin_code_list_get_n_codes (list) && c < 32; c++)
        if (g_str_equal (lin_code_list_get_code (list, c)->code, code))
          skills |= 1u << c;
    }

  return skills;
}

static int
day_of_code (const char *code)
{
  for (guint day = 0; code != NULL && day < 7; day++)
    if (g_str_equal (code, lin_hours_get_day_code (day)))
      return day;

  return -1;
}

static guint8
days_of (JsonObject *fields,
         const char *member)
{
  JsonArray *array;
  guint8 days = 0;

  if (!json_object_has_member (fields, member) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (fields, member)))
    return 0;

  array = json_object_get_array_member (fields, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      int day = day_of_code (json_node_get_string (json_array_get_element (array, i)));

      if (day >= 0)
        days |= 1u << day;
    }

  return days;
}

static gboolean
parse_minutes (const char *text,
               guint      *minutes)
{
  guint hours, mins;
  char extra;

  if (text == NULL || sscanf (text, "%2u:%2u%c", &hours, &mins, &extra) != 2 || hours > 24 || mins > 59 ||
      (hours == 24 && mins != 0))
    return FALSE;

  *minutes = hours * 60 + mins;
  return TRUE;
}

static gboolean
parse_instant (JsonObject *object,
               const char *member,
               gint64     *instant)
{
  g_autoptr(GDateTime) time = NULL;

  time = lin_call_parse_time (json_object_get_string_member_with_default (object, member, NULL));
  if (time == NULL)
    return FALSE;

  *instant = g_date_time_to_unix (time);
  return TRUE;
}

static JsonArray *
array_member (JsonObject *fields,
              const char *member)
{
  if (!json_object_has_member (fields, member) ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (fields, member)))
    return NULL;

  return json_object_get_array_member (fields, member);
}

static void
person_init (Person    *person,
             LinRecord *record)
{
  JsonObject *fields = lin_record_get_fields (record);
  JsonArray *array;

  person->record = g_object_ref (record);
  person->skills = skills_of (fields, LIN_PERSON_FIELD_SKILLS);
  person->max_week = MAX (0, json_object_get_int_member_with_default (fields, LIN_PERSON_FIELD_MAX_WEEK_HOURS, 0)) * 3600;
  person->max_nights = MAX (0, json_object_get_int_member_with_default (fields, LIN_PERSON_FIELD_MAX_MONTH_NIGHTS, 0));
  person->desired = days_of (fields, LIN_PERSON_FIELD_DESIRED_DAYS);
  person->undesired = days_of (fields, LIN_PERSON_FIELD_UNDESIRED_DAYS);
  person->away = g_array_new (FALSE, FALSE, sizeof (Span));
  person->away_weekly = g_array_new (FALSE, FALSE, sizeof (WeeklySpan));
  person->shifts = g_array_new (FALSE, FALSE, sizeof (int));

  if ((array = array_member (fields, LIN_PERSON_FIELD_AWAY)) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonNode *node = json_array_get_element (array, i);
        Span span;

        if (JSON_NODE_HOLDS_OBJECT (node) &&
            parse_instant (json_node_get_object (node), "from", &span.start) &&
            parse_instant (json_node_get_object (node), "to", &span.end) &&
            span.end > span.start)
          g_array_append_val (person->away, span);
      }

  if ((array = array_member (fields, LIN_PERSON_FIELD_AWAY_WEEKLY)) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonNode *node = json_array_get_element (array, i);
        JsonObject *object;
        WeeklySpan span;
        int day;

        if (!JSON_NODE_HOLDS_OBJECT (node))
          continue;
        object = json_node_get_object (node);
        day = day_of_code (json_object_get_string_member_with_default (object, "day", NULL));
        if (day >= 0 &&
            parse_minutes (json_object_get_string_member_with_default (object, "from", NULL), &span.from) &&
            parse_minutes (json_object_get_string_member_with_default (object, "to", NULL), &span.to))
          {
            span.day = day;
            g_array_append_val (person->away_weekly, span);
          }
      }
}

static void
person_clear (gpointer data)
{
  Person *person = data;

  g_clear_object (&person->record);
  g_clear_pointer (&person->away, g_array_unref);
  g_clear_pointer (&person->away_weekly, g_array_unref);
  g_clear_pointer (&person->shifts, g_array_unref);
}

static void
line_clear (gpointer data)
{
  g_clear_object (&((Line *)data)->record);
}

static void
shift_clear (gpointer data)
{
  Shift *shift = data;

  g_clear_object (&shift->record);
  g_clear_pointer (&shift->assignments, g_ptr_array_unref);
  g_clear_pointer (&shift->people, g_array_unref);
}

/* The instant of a wall-clock time (minutes after midnight; 24:00 is the
 * next day's midnight) on a day in Europe/Belgrade; a time the clocks skip
 * (02:30 on the spring night) is GLib's choice, an hour later */
gint64
lin_roster_wall_clock (int   year,
            int   month,
            int   day,
            guint minutes)
{
  g_autoptr(GDateTime) time = NULL;

  if (minutes >= 24 * 60)
    {
      GDate next;

      g_date_set_dmy (&next, day, month, year);
      g_date_add_days (&next, minutes / (24 * 60));
      return lin_roster_wall_clock (g_date_get_year (&next), g_date_get_month (&next), g_date_get_day (&next),
                         minutes % (24 * 60));
    }

  time = g_date_time_new (lin_call_get_time_zone (), year, month, day, minutes / 60, minutes % 60, 0);
  g_return_val_if_fail (time != NULL, 0);

  return g_date_time_to_unix (time);
}

gboolean
lin_roster_spans_overlap (gint64 a_start,
               gint64 a_end,
               gint64 b_start,
               gint64 b_end)
{
  return a_start < b_end && b_start < a_end;
}

static void
shift_compute_times (Shift *shift)
{
  g_autoptr(GDateTime) start = g_date_time_to_timezone (g_date_time_new_from_unix_utc (shift->start),
                                                        lin_call_get_time_zone ());
  g_autoptr(GDateTime) day = NULL;

  shift->weekday = g_date_time_get_day_of_week (start) - 1;
  shift->weekend = shift->weekday >= 5;
  shift->week = g_date_time_get_week_numbering_year (start) * 100 + g_date_time_get_week_of_year (start);
  shift->month = g_date_time_get_year (start) * 12 + g_date_time_get_month (start) - 1;

  /* a night shift runs between midnight and 05:00 on its first or next day */
  shift->night = FALSE;
  day = g_date_time_new (lin_call_get_time_zone (), g_date_time_get_year (start), g_date_time_get_month (start),
                         g_date_time_get_day_of_month (start), 0, 0, 0);
  for (guint i = 0; i < 2 && day != NULL; i++)
    {
      g_autoptr(GDateTime) next = NULL;
      gint64 midnight = g_date_time_to_unix (day);

      if (lin_roster_spans_overlap (shift->start, shift->end, midnight,
                         lin_roster_wall_clock (g_date_time_get_year (day), g_date_time_get_month (day),
                                     g_date_time_get_day_of_month (day), NIGHT_END * 60)))
        shift->night = TRUE;
      next = g_date_time_add_days (day, 1);
      g_date_time_unref (day);
      day = g_steal_pointer (&next);
    }
}

static int
compare_shifts (gconstpointer a,
                gconstpointer b)
{
  const Shift *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return g_strcmp0 (lin_record_get_id_string (x->record), lin_record_get_id_string (y->record));
}

static int
find (GHashTable *ids,
      const char *id)
{
  if (id == NULL)
    return -1;

  return GPOINTER_TO_INT (g_hash_table_lookup (ids, id)) - 1;
}

static void
index_ids (GHashTable *ids,
           GArray     *array,
           gsize       stride)
{
  g_hash_table_remove_all (ids);
  for (guint i = 0; i < array->len; i++)
    {
      LinRecord *record = *(LinRecord **)(array->data + i * stride);

      g_hash_table_insert (ids, (gpointer)lin_record_get_id_string (record), GINT_TO_POINTER (i + 1));
    }
}

/**
 * lin_roster_takes_kind:
 * @kind: (nullable): a record's kind
 *
 * Returns: whether a roster reads records of @kind: people, lines,
 *   shifts and assignments
 */
gboolean
lin_roster_takes_kind (const char *kind)
{
  return g_strcmp0 (kind, LIN_PERSON_KIND) == 0 || g_strcmp0 (kind, LIN_LINE_KIND) == 0 ||
         g_strcmp0 (kind, LIN_SHIFT_KIND) == 0 || g_strcmp0 (kind, LIN_ASSIGNMENT_KIND) == 0;
}

/**
 * lin_roster_new:
 * @records: (element-type LinRecord): records of any kinds; the roster
 *   takes people, lines, shifts and assignments
 *
 * A shift without a valid start, end or line is left out, as is an
 * assignment to a shift or person not there: the rest of the roster still
 * plans.
 *
 * Returns: (transfer full): the roster
 */
LinRoster *
lin_roster_new (GPtrArray *records)
{
  LinRoster *self = g_new0 (LinRoster, 1);

  g_return_val_if_fail (records != NULL, NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->people = g_array_new (FALSE, TRUE, sizeof (Person));
  g_array_set_clear_func (self->people, person_clear);
  self->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (self->lines, line_clear);
  self->shifts = g_array_new (FALSE, TRUE, sizeof (Shift));
  g_array_set_clear_func (self->shifts, shift_clear);
  self->person_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->line_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->shift_ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < records->len; i++)
    {
      LinRecord *record = g_ptr_array_index (records, i);
      const char *kind = lin_record_get_kind (record);

      if (g_str_equal (kind, LIN_PERSON_KIND))
        {
          Person person = { 0 };

          person_init (&person, record);
          g_array_append_val (self->people, person);
        }
      else if (g_str_equal (kind, LIN_LINE_KIND))
        {
          Line line = { g_object_ref (record), skills_of (lin_record_get_fields (record), LIN_LINE_FIELD_SKILLS) };

          g_array_append_val (self->lines, line);
        }
    }
  index_ids (self->person_ids, self->people, sizeof (Person));
  index_ids (self->line_ids, self->lines, sizeof (Line));

  for (guint i = 0; i < records->len; i++)
    {
      LinRecord *record = g_ptr_array_index (records, i);
      JsonObject *fields = lin_record_get_fields (record);
      Shift shift = { 0 };

      if (!g_str_equal (lin_record_get_kind (record), LIN_SHIFT_KIND))
        continue;

      shift.line = find (self->line_ids, json_object_get_string_member_with_default (fields, LIN_SHIFT_FIELD_LINE, NULL));
      if (shift.line < 0 ||
          !parse_instant (fields, LIN_SHIFT_FIELD_START, &shift.start) ||
          !parse_instant (fields, LIN_SHIFT_FIELD_END, &shift.end) ||
          shift.end <= shift.start)
        continue;

      shift.record = g_object_ref (record);
      shift.required = MAX (1, json_object_get_int_member_with_default (fields, LIN_SHIFT_FIELD_REQUIRED, 1));
      shift.skills = skills_of (fields, LIN_SHIFT_FIELD_SKILLS);
      shift.cancelled = json_object_get_boolean_member_with_default (fields, LIN_SHIFT_FIELD_CANCELLED, FALSE);
      shift.assignments = g_ptr_array_new_with_free_func (g_object_unref);
      shift.people = g_array_new (FALSE, FALSE, sizeof (int));
      shift_compute_times (&shift);
      g_array_append_val (self->shifts, shift);
    }
  g_array_sort (self->shifts, compare_shifts);
  index_ids (self->shift_ids, self->shifts, sizeof (Shift));

  for (guint i = 0; i < records->len; i++)
    {
      LinRecord *record = g_ptr_array_index (records, i);
      JsonObject *fields = lin_record_get_fields (record);
      int s, p;

      if (!g_str_equal (lin_record_get_kind (record), LIN_ASSIGNMENT_KIND))
        continue;

      s = find (self->shift_ids, json_object_get_string_member_with_default (fields, LIN_ASSIGNMENT_FIELD_SHIFT, NULL));
      p = find (self->person_ids, json_object_get_string_member_with_default (fields, LIN_ASSIGNMENT_FIELD_PERSON, NULL));
      if (s < 0 || p < 0)
        continue;

      g_ptr_array_add (g_array_index (self->shifts, Shift, s).assignments, g_object_ref (record));
      g_array_append_val (g_array_index (self->shifts, Shift, s).people, p);
    }

  /* each person's shifts, by start (the shifts are in order) */
  for (guint s = 0; s < self->shifts->len; s++)
    {
      Shift *shift = &g_array_index (self->shifts, Shift, s);

      if (shift->cancelled)
        continue;
      for (guint a = 0; a < shift->people->len; a++)
        g_array_append_val (g_array_index (self->people, Person, g_array_index (shift->people, int, a)).shifts, s);
    }

  return self;
}

/**
 * lin_roster_ref:
 * @self: a roster
 *
 * A roster does not change once built: a widget keeps one it shows while
 * the context builds the next (#LinContext::roster-changed).
 *
 * Returns: (transfer full): @self
 */
LinRoster *
lin_roster_ref (LinRoster *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lin_roster_unref (LinRoster *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->people);
  g_array_unref (self->lines);
  g_array_unref (self->shifts);
  g_hash_table_unref (self->person_ids);
  g_hash_table_unref (self->line_ids);
  g_hash_table_unref (self->shift_ids);
  g_free (self);
}

/* Accessors */

guint
lin_roster_get_n_people (LinRoster *self)
{
  return self->people->len;
}

/**
 * lin_roster_get_person:
 * @self: a roster
 * @i: an index
 *
 * Returns: (transfer none): the person
 */
LinRecord *
lin_roster_get_person (LinRoster *self,
                       guint      i)
{
  g_return_val_if_fail (i < self->people->len, NULL);

  return g_array_index (self->people, Person, i).record;
}

guint
lin_roster_get_n_lines (LinRoster *self)
{
  return self->lines->len;
}

/**
 * lin_roster_get_line:
 * @self: a roster
 * @i: an index
 *
 * Returns: (transfer none): the line
 */
LinRecord *
lin_roster_get_line (LinRoster *self,
                     guint      i)
{
  g_return_val_if_fail (i < self->lines->len, NULL);

  return g_array_index (self->lines, Line, i).record;
}

guint
lin_roster_get_n_shifts (LinRoster *self)
{
  return self->shifts->len;
}

/**
 * lin_roster_get_shift:
 * @self: a roster
 * @i: an index; the shifts are in order of their start
 *
 * Returns: (transfer none): the shift
 */
LinRecord *
lin_roster_get_shift (LinRoster *self,
                      guint      i)
{
  g_return_val_if_fail (i < self->shifts->len, NULL);

  return g_array_index (self->shifts, Shift, i).record;
}

int
lin_roster_find_shift (LinRoster  *self,
                       const char *id)
{
  return find (self->shift_ids, id);
}

int
lin_roster_find_person (LinRoster  *self,
                        const char *id)
{
  return find (self->person_ids, id);
}

int
lin_roster_find_line (LinRoster  *self,
                      const char *id)
{
  return find (self->line_ids, id);
}

#define SHIFT(i) (&g_array_index (self->shifts, Shift, (i)))

gint64
lin_roster_shift_get_start (LinRoster *self,
                            guint      shift)
{
  g_return_val_if_fail (shift < self->shifts->len, 0);

  return SHIFT (shift)->start;
}

gint64
lin_roster_shift_get_end (LinRoster *self,
                          guint      shift)
{
  g_return_val_if_fail (shift < self->shifts->len, 0);

  return SHIFT (shift)->end;
}

int
lin_roster_shift_get_line (LinRoster *self,
                           guint      shift)
{
  g_return_val_if_fail (shift < self->shifts->len, -1);

  return SHIFT (shift)->line;
}

guint
lin_roster_shift_get_required (LinRoster *self,
                               guint      shift)
{
  g_return_val_if_fail (shift < self->shifts->len, 0);

  return SHIFT (shift)->required;
}

gboolean
lin_roster_shift_is_cancelled (LinRoster *self,
                               guint      shift)
{
  g_return_val_if_fail (shift < self->shifts->len, FALSE);

  return SHIFT (shift)->cancelled;
}

gboolean
lin_roster_shift_is_night (LinRoster *self,
                           guint      shift)
{
  g_return_val_if_fail (shift < self->shifts->len, FALSE);

  return SHIFT (shift)->night;
}

guint
lin_roster_shift_get_n_assigned (LinRoster *self,
                                 guint      shift)
{
  g_return_val_if_fail (shift < self->shifts->len, 0);

  return SHIFT (shift)->assignments->len;
}

/**
 * lin_roster_shift_get_assignment:
 * @self: a roster
 * @shift: a shift's index
 * @i: which of its assignments
 *
 * Returns: (transfer none): the assignment
 */
LinRecord *
lin_roster_shift_get_assignment (LinRoster *self,
                                 guint      shift,
                                 guint      i)
{
  g_return_val_if_fail (shift < self->shifts->len, NULL);
  g_return_val_if_fail (i < SHIFT (shift)->assignments->len, NULL);

  return g_ptr_array_index (SHIFT (shift)->assignments, i);
}

int
lin_roster_assignment_get_person (LinRoster *self,
                                  LinRecord *assignment)
{
  return find (self->person_ids, lin_record_get_string (assignment, LIN_ASSIGNMENT_FIELD_PERSON));
}

/* Rules */

/* Whether @assignment carries an override of @rule (a hard rule's
 * confirmed) */
static gboolean
is_overridden (LinRecord     *assignment,
               LinRosterRule  rule)
{
  JsonArray *overrides;

  if (assignment == NULL ||
      (overrides = array_member (lin_record_get_fields (assignment), LIN_ASSIGNMENT_FIELD_OVERRIDES)) == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (overrides); i++)
    {
      JsonNode *node = json_array_get_element (overrides, i);
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      if (g_strcmp0 (json_object_get_string_member_with_default (object, "rule", NULL), rule_codes[rule]) != 0)
        continue;
      if (lin_roster_rule_is_hard (rule) && !json_object_get_boolean_member_with_default (object, "confirmed", FALSE))
        continue;
      return TRUE;
    }

  return FALSE;
}

static LinRecord *
assignment_of (Shift *shift,
               int    person)
{
  for (guint a = 0; a < shift->people->len; a++)
    if (g_array_index (shift->people, int, a) == person)
      return g_ptr_array_index (shift->assignments, a);

  return NULL;
}

static void
add (GArray        *violations,
     LinRosterRule  rule,
     int            shift,
     int            person,
     int            other_shift,
     gint64         value,
     LinRecord     *assignment)
{
  LinRosterViolation violation = { rule, shift, person, other_shift, value, is_overridden (assignment, rule) };

  g_array_append_val (violations, violation);
}

gboolean
lin_roster_is_away (Person *person,
                    Shift  *shift)
{
  for (guint i = 0; i < person->away->len; i++)
    {
      Span *span = &g_array_index (person->away, Span, i);

      if (lin_roster_spans_overlap (shift->start, shift->end, span->start, span->end))
        return TRUE;
    }

  if (person->away_weekly->len == 0)
    return FALSE;

  /* the weekly spans of each day the shift touches, and of the day before
   * (a span past midnight) */
  {
    g_autoptr(GDateTime) start = g_date_time_to_timezone (g_date_time_new_from_unix_utc (shift->start - DAY_S),
                                                          lin_call_get_time_zone ());
    GDate day;

    g_date_set_dmy (&day, g_date_time_get_day_of_month (start), g_date_time_get_month (start),
                    g_date_time_get_year (start));
    for (guint d = 0; d < 32; d++, g_date_add_days (&day, 1))
      {
        guint weekday = g_date_get_weekday (&day) - 1;
        gint64 midnight = lin_roster_wall_clock (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day), 0);

        if (midnight >= shift->end)
          break;

        for (guint i = 0; i < person->away_weekly->len; i++)
          {
            WeeklySpan *span = &g_array_index (person->away_weekly, WeeklySpan, i);
            gint64 from, to;

            if (span->day != weekday)
              continue;
            from = lin_roster_wall_clock (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day), span->from);
            if (span->to > span->from)
              to = lin_roster_wall_clock (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day), span->to);
            else
              {
                GDate next = day;

                g_date_add_days (&next, 1);
                to = lin_roster_wall_clock (g_date_get_year (&next), g_date_get_month (&next), g_date_get_day (&next), span->to);
              }
            if (lin_roster_spans_overlap (shift->start, shift->end, from, to))
              return TRUE;
          }
      }
  }

  return FALSE;
}

static int
lowest_bit (guint32 bits)
{
  for (int i = 0; i < 32; i++)
    if (bits & (1u << i))
      return i;

  return -1;
}

static void
check_shift (LinRoster *self,
             int        s,
             GArray    *violations)
{
  Shift *shift = SHIFT (s);
  guint32 line_skills = g_array_index (self->lines, Line, shift->line).skills;
  guint32 present = 0;

  if (shift->people->len < shift->required)
    add (violations, LIN_ROSTER_RULE_GAP, s, -1, -1, shift->required - shift->people->len, NULL);

  for (guint a = 0; a < shift->people->len; a++)
    {
      int p = g_array_index (shift->people, int, a);
      Person *person = &g_array_index (self->people, Person, p);
      LinRecord *assignment = g_ptr_array_index (shift->assignments, a);

      present |= person->skills;
      if ((line_skills & ~person->skills) != 0)
        add (violations, LIN_ROSTER_RULE_SKILL, s, p, -1, lowest_bit (line_skills & ~person->skills), assignment);
      if (lin_roster_is_away (person, shift))
        add (violations, LIN_ROSTER_RULE_AWAY, s, p, -1, 0, assignment);
      if (person->undesired & (1u << shift->weekday))
        add (violations, LIN_ROSTER_RULE_UNDESIRED_DAY, s, p, -1, shift->weekday, assignment);
    }

  /* the shift's own skills: someone on it has each */
  if (shift->people->len > 0 && (shift->skills & ~present) != 0)
    add (violations, LIN_ROSTER_RULE_SKILL, s, -1, -1, lowest_bit (shift->skills & ~present), NULL);
}

static void
check_person (LinRoster               *self,
              int                      p,
              const LinRosterSettings *settings,
              GArray                  *violations)
{
  Person *person = &g_array_index (self->people, Person, p);
  gint64 min_rest = (gint64)settings->min_rest_hours * 3600;
  int latest = -1;      /* the shift of hers that ends last so far */
  int week = 0, month = 0;
  gint64 week_time = 0;
  guint nights = 0;

  for (guint i = 0; i < person->shifts->len; i++)
    {
      int s = g_array_index (person->shifts, int, i);
      Shift *shift = SHIFT (s);
      LinRecord *assignment = assignment_of (shift, p);

      if (latest >= 0)
        {
          Shift *before = SHIFT (latest);

          if (shift->start < before->end)
            add (violations, LIN_ROSTER_RULE_OVERLAP, s, p, latest, before->end - shift->start, assignment);
          else if (shift->start - before->end < min_rest)
            add (violations, LIN_ROSTER_RULE_REST, s, p, latest, shift->start - before->end, assignment);
        }
      if (latest < 0 || shift->end > SHIFT (latest)->end)
        latest = s;

      if (shift->week != week)
        {
          week = shift->week;
          week_time = 0;
        }
      week_time += shift->end - shift->start;
      /* once a week, at the shift that goes over */
      if (person->max_week > 0 && week_time > person->max_week &&
          week_time - (shift->end - shift->start) <= person->max_week)
        add (violations, LIN_ROSTER_RULE_WEEK_HOURS, s, p, -1, week_time, assignment);

      if (shift->month != month)
        {
          month = shift->month;
          nights = 0;
        }
      if (shift->night)
        {
          nights++;
          if (person->max_nights > 0 && nights == person->max_nights + 1)
            add (violations, LIN_ROSTER_RULE_MONTH_NIGHTS, s, p, -1, nights, assignment);
        }
    }
}

/* Far more nights or weekends than the others who work: more than half
 * again the average and at least two more */
static void
check_spread (LinRoster *self,
              GArray    *violations)
{
  g_autofree guint *nights = g_new0 (guint, self->people->len);
  g_autofree guint *weekends = g_new0 (guint, self->people->len);
  guint working = 0, all_nights = 0, all_weekends = 0;

  for (guint p = 0; p < self->people->len; p++)
    {
      Person *person = &g_array_index (self->people, Person, p);

      for (guint i = 0; i < person->shifts->len; i++)
        {
          Shift *shift = SHIFT (g_array_index (person->shifts, int, i));

          nights[p] += shift->night;
          weekends[p] += shift->weekend;
        }
      working += person->shifts->len > 0;
      all_nights += nights[p];
      all_weekends += weekends[p];
    }

  if (working < 2)
    return;

  for (guint p = 0; p < self->people->len; p++)
    {
      double night_mean = (double)all_nights / working, weekend_mean = (double)all_weekends / working;

      if (nights[p] >= night_mean + 2 && nights[p] > 1.5 * night_mean)
        add (violations, LIN_ROSTER_RULE_UNEVEN, -1, p, -1, nights[p], NULL);
      else if (weekends[p] >= weekend_mean + 2 && weekends[p] > 1.5 * weekend_mean)
        add (violations, LIN_ROSTER_RULE_UNEVEN, -1, p, -1, -(gint64)weekends[p], NULL);
    }
}

/**
 * lin_roster_check:
 * @self: a roster
 * @settings: (nullable): the rules' settings; %NULL: the defaults
 *
 * Checks every rule on every shift and person. Cancelled shifts count
 * for nothing.
 *
 * Returns: (transfer full) (element-type LinRosterViolation): what breaks
 *   a rule, by shift and then by person
 */
GArray *
lin_roster_check (LinRoster               *self,
                  const LinRosterSettings *settings)
{
  GArray *violations = g_array_new (FALSE, FALSE, sizeof (LinRosterViolation));
  LinRosterSettings defaults;

  g_return_val_if_fail (self != NULL, NULL);

  if (settings == NULL)
    {
      lin_roster_settings_init (&defaults);
      settings = &defaults;
    }

  for (guint s = 0; s < self->shifts->len; s++)
    if (!SHIFT (s)->cancelled)
      check_shift (self, s, violations);
  for (guint p = 0; p < self->people->len; p++)
    check_person (self, p, settings, violations);
  check_spread (self, violations);

  return violations;
}

static const char *
alias_of (LinRoster *self,
          int        person)
{
  if (person < 0)
    return "";

  return json_object_get_string_member_with_default (lin_record_get_fields (g_array_index (self->people, Person, person).record),
                                                     LIN_PERSON_FIELD_ALIAS, "");
}

static char *
duration_text (gint64 seconds)
{
  gint64 minutes = seconds / 60;

  if (minutes % 60 == 0)
    /* Translators: a length of time in hours */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour", "%d hours", minutes / 60), (int)(minutes / 60));

  /* Translators: a length of time in hours and minutes, "7 h 30 min" */
  return g_strdup_printf (_("%d h %d min"), (int)(minutes / 60), (int)(minutes % 60));
}

/**
 * lin_roster_describe:
 * @self: a roster
 * @violation: a rule broken
 *
 * Returns: (transfer full): what breaks the rule, in a sentence of the
 *   user's language
 */
char *
lin_roster_describe (LinRoster                *self,
                     const LinRosterViolation *violation)
{
  const char *alias = alias_of (self, violation->person);
  g_autofree char *length = NULL;
  const char *skill = NULL;
  Person *person = violation->person >= 0 ? &g_array_index (self->people, Person, violation->person) : NULL;

  g_return_val_if_fail (violation != NULL, NULL);

  if (violation->rule == LIN_ROSTER_RULE_SKILL && lin_code_list_get ("skill") != NULL &&
      violation->value >= 0 && violation->value < lin_code_list_get_n_codes (lin_code_list_get ("skill")))
    skill = lin_code_list_get_label (lin_code_list_get ("skill"),
                                     lin_code_list_get_code (lin_code_list_get ("skill"), violation->value)->code);

  switch (violation->rule)
    {
    case LIN_ROSTER_RULE_OVERLAP:
      /* Translators: a roster rule broken; %s is a counsellor's alias */
      return g_strdup_printf (_("%s is on two shifts at once"), alias);
    case LIN_ROSTER_RULE_SKILL:
      if (violation->person >= 0)
        /* Translators: a roster rule broken; the first %s is a counsellor's
         * alias, the second a skill such as "Romani" */
        return g_strdup_printf (_("%s lacks a skill this line needs: %s"), alias, skill ? skill : "?");
      /* Translators: a roster rule broken; %s is a skill such as "Sign language" */
      return g_strdup_printf (_("No one on this shift has: %s"), skill ? skill : "?");
    case LIN_ROSTER_RULE_AWAY:
      /* Translators: a roster rule broken; %s is a counsellor's alias */
      return g_strdup_printf (_("%s is unavailable then"), alias);
    case LIN_ROSTER_RULE_GAP:
      /* Translators: a roster rule broken: a shift with too few people */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d more person needed", "%d more people needed",
                                           violation->value),
                              (int)violation->value);
    case LIN_ROSTER_RULE_REST:
      length = duration_text (violation->value);
      /* Translators: a roster rule broken; the first %s is a counsellor's
       * alias, the second a length of time, "9 hours" */
      return g_strdup_printf (_("%s rests only %s between two shifts"), alias, length);
    case LIN_ROSTER_RULE_WEEK_HOURS:
      length = duration_text (violation->value);
      /* Translators: a roster rule broken; the first %s is a counsellor's
       * alias, the second a length of time, %d her limit in hours */
      return g_strdup_printf (_("%s works %s this week, over her limit of %d"), alias, length,
                              person ? (int)(person->max_week / 3600) : 0);
    case LIN_ROSTER_RULE_MONTH_NIGHTS:
      /* Translators: a roster rule broken; %s is a counsellor's alias, the
       * first %d her nights this month, the second her limit */
      return g_strdup_printf (_("%s has %d nights this month, over her limit of %d"), alias,
                              (int)violation->value, person ? (int)person->max_nights : 0);
    case LIN_ROSTER_RULE_UNDESIRED_DAY:
      /* Translators: a roster rule broken; %s is a counsellor's alias */
      return g_strdup_printf (_("%s would rather not work on this day"), alias);
    case LIN_ROSTER_RULE_UNEVEN:
      if (violation->value >= 0)
        /* Translators: a roster rule broken; %s is a counsellor's alias, %d
         * a number of night shifts */
        return g_strdup_printf (_("%s has %d nights, far more than the others"), alias, (int)violation->value);
      /* Translators: a roster rule broken; %s is a counsellor's alias, %d
       * a number of weekend shifts */
      return g_strdup_printf (_("%s has %d weekend shifts, far more than the others"), alias,
                              (int)-violation->value);
    case LIN_ROSTER_N_RULES:
    default:
      break;
    }

  g_return_val_if_reached (NULL);
}

/**
 * lin_roster_new_assignment:
 * @shift: a shift
 * @person: a person
 *
 * Returns: (transfer full): a new assignment of @person to @shift, with a
 *   random iCalendar UID of its own, not saved yet
 */
LinRecord *
lin_roster_new_assignment (LinRecord *shift,
                           LinRecord *person)
{
  LinRecord *assignment = lin_record_new (LIN_ASSIGNMENT_KIND);
  JsonObject *fields = json_object_new ();
  g_autofree char *uuid = g_uuid_string_random ();

  json_object_set_string_member (fields, LIN_ASSIGNMENT_FIELD_SHIFT, lin_record_get_id_string (shift));
  json_object_set_string_member (fields, LIN_ASSIGNMENT_FIELD_PERSON, lin_record_get_id_string (person));
  json_object_set_string_member (fields, LIN_ASSIGNMENT_FIELD_UID, uuid);
  json_object_set_int_member (fields, LIN_ASSIGNMENT_FIELD_SEQUENCE, 0);
  lin_record_set_fields (assignment, fields);
  json_object_unref (fields);

  return assignment;
}

/**
 * lin_roster_dup_records:
 * @self: a roster
 *
 * Returns: (transfer container) (element-type LinRecord): the records the
 *   roster reads: people, lines, shifts and assignments
 */
GPtrArray *
lin_roster_dup_records (LinRoster *self)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->people->len; i++)
    g_ptr_array_add (records, g_object_ref (g_array_index (self->people, Person, i).record));
  for (guint i = 0; i < self->lines->len; i++)
    g_ptr_array_add (records, g_object_ref (g_array_index (self->lines, Line, i).record));
  for (guint i = 0; i < self->shifts->len; i++)
    {
      Shift *shift = SHIFT (i);

      g_ptr_array_add (records, g_object_ref (shift->record));
      for (guint a = 0; a < shift->assignments->len; a++)
        g_ptr_array_add (records, g_object_ref (g_ptr_array_index (shift->assignments, a)));
    }

  return records;
}

/**
 * lin_roster_try_person:
 * @self: a roster
 * @shift: a shift's index
 * @person: a person's index, not on the shift
 * @settings: (nullable): the rules' settings; %NULL: the defaults
 *
 * The rules @person would break on @shift: hers there (an overlap with
 * another shift of hers too), and a skill the shift would still lack.
 *
 * Returns: (transfer full) (element-type LinRosterViolation): the rules
 *   broken, their indices those of a roster with her on the shift
 */
GArray *
lin_roster_try_person (LinRoster               *self,
                       guint                    shift,
                       guint                    person,
                       const LinRosterSettings *settings)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(LinRoster) tried = NULL;
  g_autoptr(GArray) all = NULL;
  GArray *mine = g_array_new (FALSE, FALSE, sizeof (LinRosterViolation));
  int s, p;

  g_return_val_if_fail (shift < self->shifts->len && person < self->people->len, mine);

  records = lin_roster_dup_records (self);
  g_ptr_array_add (records, lin_roster_new_assignment (SHIFT (shift)->record,
                                                       g_array_index (self->people, Person, person).record));
  tried = lin_roster_new (records);
  all = lin_roster_check (tried, settings);
  s = find (tried->shift_ids, lin_record_get_id_string (SHIFT (shift)->record));
  p = find (tried->person_ids, lin_record_get_id_string (g_array_index (self->people, Person, person).record));

  for (guint i = 0; i < all->len; i++)
    {
      LinRosterViolation *v = &g_array_index (all, LinRosterViolation, i);

      if ((v->person == p && (v->shift == s || v->other_shift == s)) ||
          (v->person < 0 && v->shift == s && v->rule == LIN_ROSTER_RULE_SKILL &&
           !(g_array_index (tried->people, Person, p).skills & (1u << v->value))))
        g_array_append_val (mine, *v);
    }

  return mine;
}

/**
 * lin_roster_person_get_shifts:
 * @self: a roster
 * @person: a person's index
 *
 * Returns: (transfer full) (element-type int): the indices of the shifts
 *   she is on, by start
 */
GArray *
lin_roster_person_get_shifts (LinRoster *self,
                              guint      person)
{
  GArray *shifts;
  Person *her;

  g_return_val_if_fail (person < self->people->len, NULL);

  her = &g_array_index (self->people, Person, person);
  shifts = g_array_sized_new (FALSE, FALSE, sizeof (int), her->shifts->len);
  g_array_append_vals (shifts, her->shifts->data, her->shifts->len);

  return shifts;
}

/**
 * lin_roster_get_week_time:
 * @self: a roster
 * @person: a person's index
 * @shift: a shift's index
 *
 * Returns: the seconds @person is on shifts in the week (Monday to
 *   Sunday) of @shift's start
 */
gint64
lin_roster_get_week_time (LinRoster *self,
                          guint      person,
                          guint      shift)
{
  Person *her;
  gint64 total = 0;

  g_return_val_if_fail (person < self->people->len && shift < self->shifts->len, 0);

  her = &g_array_index (self->people, Person, person);
  for (guint i = 0; i < her->shifts->len; i++)
    {
      Shift *other = SHIFT (g_array_index (her->shifts, int, i));

      if (other->week == SHIFT (shift)->week)
        total += other->end - other->start;
    }

  return total;
}
