/* test-roster.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster's rules on hand-built rosters: every hard rule (an overlap,
 * a missing skill of the line or of the shift, someone away once or every
 * week, a gap) and every soft one (rest, week hours, month nights, an
 * undesired day, an uneven spread), overrides with a reason and with a
 * confirmation, cancelled shifts; and times on the two DST nights of 2026
 * in Europe/Belgrade: a 20:00-08:00 night lasts 11 hours on 28-29 March and
 * 13 on 24-25 October, and rest is counted in real hours across them.
 *
 * Auto-fill on generated problems: it never breaks a hard rule, every gap
 * it reports cannot be filled without breaking one, and a seed gives one
 * answer; on hand-built ones, its reasons and a soft rule it keeps.
 */

#include "config.h"

#include "lin-call.h"
#include "lin-codes.h"
#include "lin-roster.h"
#include "lin-roster-fill.h"
#include "lin-roster-test-utils.h"

/* Builders */

static LinRecord *
assign (GPtrArray *records,
        LinRecord *shift,
        LinRecord *person)
{
  LinRecord *assignment = lin_roster_new_assignment (shift, person);

  g_ptr_array_add (records, assignment);

  return assignment;
}

static void
override (LinRecord  *assignment,
          const char *rule,
          gboolean    confirmed)
{
  JsonObject *fields = lin_record_get_fields (assignment);
  JsonArray *overrides = json_array_new ();
  JsonObject *entry = json_object_new ();

  json_object_set_string_member (entry, "rule", rule);
  json_object_set_string_member (entry, "reason", "She asked for it");
  json_object_set_boolean_member (entry, "confirmed", confirmed);
  json_array_add_object_element (overrides, entry);
  json_object_set_array_member (fields, LIN_ASSIGNMENT_FIELD_OVERRIDES, overrides);
}

static void
add_all (GPtrArray *records,
         GPtrArray *more)
{
  for (guint i = 0; i < more->len; i++)
    g_ptr_array_add (records, g_object_ref (g_ptr_array_index (more, i)));
}

static GPtrArray *
records_new (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

/* How many violations of @rule the roster has, for @person (-1: any) and
 * the shift @shift_record (NULL: any); @overridden counts those */
static guint
count (LinRoster     *roster,
       GArray        *violations,
       LinRosterRule  rule,
       LinRecord     *person_record,
       LinRecord     *shift_record,
       guint         *overridden)
{
  int p = person_record ? lin_roster_find_person (roster, lin_record_get_id_string (person_record)) : -1;
  int s = shift_record ? lin_roster_find_shift (roster, lin_record_get_id_string (shift_record)) : -1;
  guint n = 0;

  if (overridden != NULL)
    *overridden = 0;
  for (guint i = 0; i < violations->len; i++)
    {
      LinRosterViolation *v = &g_array_index (violations, LinRosterViolation, i);
      g_autofree char *text = lin_roster_describe (roster, v);

      /* every violation says what it is */
      g_assert_true (text != NULL && *text != '\0');
      if (v->rule != rule || (p >= 0 && v->person != p) || (s >= 0 && v->shift != s))
        continue;
      n++;
      if (overridden != NULL)
        *overridden += v->overridden;
    }

  return n;
}

static double
hours_of (LinRoster *roster,
          LinRecord *shift_record)
{
  int s = lin_roster_find_shift (roster, lin_record_get_id_string (shift_record));

  g_assert_cmpint (s, >=, 0);
  return (lin_roster_shift_get_end (roster, s) - lin_roster_shift_get_start (roster, s)) / 3600.0;
}

/* Tests */

static void
test_templates_dst (void)
{
  g_autoptr(GPtrArray) records = records_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) twelve = NULL;
  g_autoptr(GPtrArray) eight = NULL;
  g_autoptr(GPtrArray) october = NULL;
  LinRecord *main_line = lin_roster_test_line (records, "SOS", NULL);
  GDate day;

  /* 2×12 on 27-29 March: the night of 28-29 lasts 11 hours */
  g_date_set_dmy (&day, 27, G_DATE_MARCH, 2026);
  twelve = lin_roster_make_shifts (main_line, "2x12", &day, 3, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (twelve->len, ==, 6);
  g_assert_cmpstr (lin_record_get_string (g_ptr_array_index (twelve, 3), "start"), ==, "2026-03-28T20:00:00+01:00");
  g_assert_cmpstr (lin_record_get_string (g_ptr_array_index (twelve, 3), "end"), ==, "2026-03-29T08:00:00+02:00");
  add_all (records, twelve);

  /* 3×8 on 24 October: the night of 24-25 lasts 9 hours */
  g_date_set_dmy (&day, 24, G_DATE_OCTOBER, 2026);
  eight = lin_roster_make_shifts (main_line, "3x8", &day, 1, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (eight->len, ==, 3);
  g_assert_cmpint (json_object_get_int_member (lin_record_get_fields (g_ptr_array_index (eight, 0)), "required"), ==, 2);
  add_all (records, eight);

  g_date_set_dmy (&day, 24, G_DATE_OCTOBER, 2026);
  october = lin_roster_make_shifts (main_line, "2x12", &day, 1, 1, &error);
  g_assert_no_error (error);
  add_all (records, october);

  {
    g_autoptr(LinRoster) roster = lin_roster_new (records);

    g_assert_cmpfloat (hours_of (roster, g_ptr_array_index (twelve, 0)), ==, 12);
    g_assert_cmpfloat (hours_of (roster, g_ptr_array_index (twelve, 1)), ==, 12);
    g_assert_cmpfloat (hours_of (roster, g_ptr_array_index (twelve, 3)), ==, 11);
    g_assert_cmpfloat (hours_of (roster, g_ptr_array_index (twelve, 5)), ==, 12);
    g_assert_cmpfloat (hours_of (roster, g_ptr_array_index (eight, 0)), ==, 8);
    g_assert_cmpfloat (hours_of (roster, g_ptr_array_index (eight, 2)), ==, 9);
    g_assert_cmpfloat (hours_of (roster, g_ptr_array_index (october, 1)), ==, 13);

    /* nights: 20-08 and 22-06 are; 08-20 and 14-22 are not */
    g_assert_true (lin_roster_shift_is_night (roster, lin_roster_find_shift (roster, lin_record_get_id_string (g_ptr_array_index (twelve, 1)))));
    g_assert_true (lin_roster_shift_is_night (roster, lin_roster_find_shift (roster, lin_record_get_id_string (g_ptr_array_index (eight, 2)))));
    g_assert_false (lin_roster_shift_is_night (roster, lin_roster_find_shift (roster, lin_record_get_id_string (g_ptr_array_index (twelve, 0)))));
    g_assert_false (lin_roster_shift_is_night (roster, lin_roster_find_shift (roster, lin_record_get_id_string (g_ptr_array_index (eight, 1)))));

    /* in order of start */
    for (guint i = 1; i < lin_roster_get_n_shifts (roster); i++)
      g_assert_cmpint (lin_roster_shift_get_start (roster, i - 1), <=, lin_roster_shift_get_start (roster, i));
  }

  g_assert_null (lin_roster_make_shifts (main_line, "4x6", &day, 1, 1, &error));
  g_assert_error (error, LIN_ROSTER_ERROR, LIN_ROSTER_ERROR_INVALID);
}

/* A line open on weekdays gets no weekend shifts */
static void
test_templates_line_hours (void)
{
  g_autoptr(GPtrArray) records = records_new ();
  g_autoptr(GPtrArray) shifts = NULL;
  g_autoptr(GError) error = NULL;
  LinRecord *weekdays = lin_roster_test_line (records, "Romani line", (const char *[]){ "rom", NULL });
  GDate day;

  lin_record_set_string (weekdays, LIN_LINE_FIELD_HOURS, "mon-fri 10:00-18:00");
  /* Monday 23 November 2026, a week */
  g_date_set_dmy (&day, 23, G_DATE_NOVEMBER, 2026);
  shifts = lin_roster_make_shifts (weekdays, "2x12", &day, 7, 1, &error);
  g_assert_no_error (error);
  /* the day shifts (08-20) of five days; no night, no weekend */
  g_assert_cmpuint (shifts->len, ==, 5);
}

static void
test_hard_rules (void)
{
  g_autoptr(GPtrArray) records = records_new ();
  g_autoptr(LinRoster) roster = NULL;
  g_autoptr(GArray) violations = NULL;
  LinRecord *sos = lin_roster_test_line (records, "SOS", NULL);
  LinRecord *romani = lin_roster_test_line (records, "Romani line", (const char *[]){ "rom", NULL });
  LinRecord *ana = lin_roster_test_person (records, "Ana", (const char *[]){ "rom", NULL });
  LinRecord *bojana = lin_roster_test_person (records, "Bojana", NULL);
  LinRecord *vesna = lin_roster_test_person (records, "Vesna", (const char *[]){ "sign", NULL });
  LinRecord *day1 = lin_roster_test_shift (records, sos, "2026-12-01T08:00:00+01:00", "2026-12-01T20:00:00+01:00", 2);
  LinRecord *day1_romani = lin_roster_test_shift (records, romani, "2026-12-01T10:00:00+01:00", "2026-12-01T18:00:00+01:00", 1);
  LinRecord *day2 = lin_roster_test_shift (records, sos, "2026-12-02T08:00:00+01:00", "2026-12-02T20:00:00+01:00", 1);
  LinRecord *day3 = lin_roster_test_shift (records, sos, "2026-12-03T08:00:00+01:00", "2026-12-03T20:00:00+01:00", 1);
  LinRecord *night3 = lin_roster_test_shift (records, sos, "2026-12-03T20:00:00+01:00", "2026-12-04T08:00:00+01:00", 1);
  LinRecord *sign_shift = lin_roster_test_shift (records, sos, "2026-12-05T08:00:00+01:00", "2026-12-05T20:00:00+01:00", 1);
  LinRecord *empty = lin_roster_test_shift (records, sos, "2026-12-06T08:00:00+01:00", "2026-12-06T20:00:00+01:00", 1);
  LinRecord *overlapping, *away_assignment;
  guint overridden;

  /* overlap: Ana on the SOS day and the Romani line at once */
  assign (records, day1, ana);
  overlapping = assign (records, day1_romani, ana);
  /* a skill of the line: Vesna, on the Romani line, has no Romani */
  assign (records, day1, bojana);
  assign (records, day2, bojana);
  {
    LinRecord *wrong = lin_roster_test_shift (records, romani, "2026-12-02T10:00:00+01:00", "2026-12-02T18:00:00+01:00", 1);
    assign (records, wrong, vesna);
  }
  /* a skill of the shift: sign language, and no one has it */
  json_object_set_array_member (lin_record_get_fields (sign_shift), LIN_SHIFT_FIELD_SKILLS, json_array_new ());
  json_array_add_string_element (json_object_get_array_member (lin_record_get_fields (sign_shift), LIN_SHIFT_FIELD_SKILLS), "sign");
  assign (records, sign_shift, bojana);
  /* away: Vesna every Thursday from 18:00 to 02:00 (past midnight), Ana
   * once on 2 December */
  {
    JsonObject *fields = lin_record_get_fields (vesna);
    JsonArray *weekly = json_array_new ();
    JsonObject *span = json_object_new ();

    json_object_set_string_member (span, "day", "thu");
    json_object_set_string_member (span, "from", "18:00");
    json_object_set_string_member (span, "to", "02:00");
    json_array_add_object_element (weekly, span);
    json_object_set_array_member (fields, LIN_PERSON_FIELD_AWAY_WEEKLY, weekly);
  }
  {
    JsonObject *fields = lin_record_get_fields (ana);
    JsonArray *away = json_array_new ();
    JsonObject *span = json_object_new ();

    json_object_set_string_member (span, "from", "2026-12-03T00:00:00+01:00");
    json_object_set_string_member (span, "to", "2026-12-03T12:00:00+01:00");
    json_array_add_object_element (away, span);
    json_object_set_array_member (fields, LIN_PERSON_FIELD_AWAY, away);
  }
  away_assignment = assign (records, night3, vesna);   /* Thursday 3 December, 20:00: away */
  assign (records, day3, ana);                          /* 3 December 08:00: away until 12:00 */
  (void) empty;

  roster = lin_roster_new (records);
  violations = lin_roster_check (roster, NULL);

  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_OVERLAP, ana, day1_romani, &overridden), ==, 1);
  g_assert_cmpuint (overridden, ==, 0);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_OVERLAP, bojana, NULL, NULL), ==, 0);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_SKILL, ana, NULL, NULL), ==, 0);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_SKILL, vesna, NULL, NULL), ==, 1);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_SKILL, NULL, sign_shift, NULL), ==, 1);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_AWAY, vesna, night3, NULL), ==, 1);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_AWAY, ana, day3, NULL), ==, 1);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_AWAY, ana, day1, NULL), ==, 0);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_AWAY, NULL, NULL, NULL), ==, 2);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_GAP, NULL, empty, NULL), ==, 1);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_GAP, NULL, day1, NULL), ==, 0);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_GAP, NULL, NULL, NULL), ==, 1);
  for (guint i = 0; i < violations->len; i++)
    g_assert_true (lin_roster_rule_is_hard (g_array_index (violations, LinRosterViolation, i).rule) ||
                   g_array_index (violations, LinRosterViolation, i).rule == LIN_ROSTER_RULE_REST);
  g_clear_pointer (&violations, g_array_unref);
  g_clear_pointer (&roster, lin_roster_unref);

  /* a hard rule overridden with a reason only still counts; confirmed, it
   * is allowed and still shown */
  override (overlapping, "overlap", FALSE);
  override (away_assignment, "away", TRUE);
  roster = lin_roster_new (records);
  violations = lin_roster_check (roster, NULL);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_OVERLAP, ana, NULL, &overridden), ==, 1);
  g_assert_cmpuint (overridden, ==, 0);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_AWAY, vesna, NULL, &overridden), ==, 1);
  g_assert_cmpuint (overridden, ==, 1);
}

/* Rest across the spring night: wall clocks say 12 hours, real time 11 */
static void
test_rest_dst (void)
{
  g_autoptr(GPtrArray) records = records_new ();
  g_autoptr(LinRoster) roster = NULL;
  g_autoptr(GArray) violations = NULL;
  LinRecord *sos = lin_roster_test_line (records, "SOS", NULL);
  LinRecord *ana = lin_roster_test_person (records, "Ana", NULL);
  LinRecord *bojana = lin_roster_test_person (records, "Bojana", NULL);
  LinRecord *march_day = lin_roster_test_shift (records, sos, "2026-03-28T08:00:00+01:00", "2026-03-28T20:00:00+01:00", 1);
  LinRecord *march_next = lin_roster_test_shift (records, sos, "2026-03-29T08:00:00+02:00", "2026-03-29T20:00:00+02:00", 1);
  LinRecord *october_day = lin_roster_test_shift (records, sos, "2026-10-24T08:00:00+02:00", "2026-10-24T20:00:00+02:00", 1);
  LinRecord *october_next = lin_roster_test_shift (records, sos, "2026-10-25T08:00:00+01:00", "2026-10-25T20:00:00+01:00", 1);
  LinRecord *rest;
  LinRosterSettings settings;
  guint overridden;

  assign (records, march_day, ana);
  rest = assign (records, march_next, ana);
  assign (records, october_day, bojana);
  assign (records, october_next, bojana);

  lin_roster_settings_init (&settings);
  g_assert_cmpuint (settings.min_rest_hours, ==, 12);
  roster = lin_roster_new (records);
  violations = lin_roster_check (roster, &settings);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_REST, ana, march_next, &overridden), ==, 1);
  g_assert_cmpuint (overridden, ==, 0);
  for (guint i = 0; i < violations->len; i++)
    if (g_array_index (violations, LinRosterViolation, i).rule == LIN_ROSTER_RULE_REST)
      g_assert_cmpint (g_array_index (violations, LinRosterViolation, i).value, ==, 11 * 3600);
  /* 13 real hours in October: enough */
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_REST, bojana, NULL, NULL), ==, 0);
  g_clear_pointer (&violations, g_array_unref);

  /* with 10 hours the least, March is fine too */
  settings.min_rest_hours = 10;
  violations = lin_roster_check (roster, &settings);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_REST, NULL, NULL, NULL), ==, 0);
  g_clear_pointer (&violations, g_array_unref);
  g_clear_pointer (&roster, lin_roster_unref);

  /* a soft rule overridden with a reason: allowed, still shown */
  override (rest, "rest", FALSE);
  roster = lin_roster_new (records);
  violations = lin_roster_check (roster, NULL);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_REST, ana, NULL, &overridden), ==, 1);
  g_assert_cmpuint (overridden, ==, 1);
}

static void
test_soft_rules (void)
{
  g_autoptr(GPtrArray) records = records_new ();
  g_autoptr(LinRoster) roster = NULL;
  g_autoptr(GArray) violations = NULL;
  LinRecord *sos = lin_roster_test_line (records, "SOS", NULL);
  LinRecord *ana = lin_roster_test_person (records, "Ana", NULL);
  LinRecord *people[4];
  LinRecord *nights[8];
  LinRecord *cancelled;

  json_object_set_int_member (lin_record_get_fields (ana), LIN_PERSON_FIELD_MAX_WEEK_HOURS, 30);
  json_object_set_int_member (lin_record_get_fields (ana), LIN_PERSON_FIELD_MAX_MONTH_NIGHTS, 3);
  lin_roster_test_set_strings (lin_record_get_fields (ana), LIN_PERSON_FIELD_UNDESIRED_DAYS, (const char *[]){ "sun", NULL });
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *alias = g_strdup_printf ("Volunteer %u", i);

      people[i] = lin_roster_test_person (records, alias, NULL);
    }

  /* Ana: four nights a week apart in December (Tuesdays), 12 hours
   * each; then three nights in one week (Mon, Wed, Fri: 36 hours) */
  for (guint i = 0; i < 8; i++)
    {
      static const int days[] = { 1, 8, 15, 22, 28, 30, 2, 3 };
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      start = g_strdup_printf ("2026-12-%02dT20:00:00+01:00", days[i]);
      end = g_strdup_printf ("2026-12-%02dT08:00:00+01:00", days[i] + 1);
      nights[i] = lin_roster_test_shift (records, sos, start, end, 1);
    }
  assign (records, nights[0], ana);
  assign (records, nights[1], ana);
  assign (records, nights[2], ana);
  assign (records, nights[3], ana);   /* her 4th night of December: over 3 */
  assign (records, nights[4], ana);   /* Mon 28 */
  assign (records, nights[5], ana);   /* Wed 30: the week's 24th hour; Fri missing, a Sunday below */
  {
    LinRecord *sunday = lin_roster_test_shift (records, sos, "2026-12-27T08:00:00+01:00", "2026-12-27T20:00:00+01:00", 1);
    LinRecord *friday = lin_roster_test_shift (records, sos, "2027-01-01T08:00:00+01:00", "2027-01-01T20:00:00+01:00", 1);

    assign (records, sunday, ana);    /* undesired */
    assign (records, friday, ana);    /* Mon 28 + Wed 30 + Fri 1: 36 hours > 30 */
  }
  /* the others: one shift each, by day */
  assign (records, nights[6], people[0]);
  assign (records, nights[7], people[1]);
  /* a cancelled shift counts for nothing */
  cancelled = lin_roster_test_shift (records, sos, "2026-12-31T08:00:00+01:00", "2026-12-31T20:00:00+01:00", 1);
  json_object_set_boolean_member (lin_record_get_fields (cancelled), LIN_SHIFT_FIELD_CANCELLED, TRUE);
  assign (records, cancelled, ana);

  roster = lin_roster_new (records);
  violations = lin_roster_check (roster, NULL);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_MONTH_NIGHTS, ana, nights[3], NULL), ==, 1);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_MONTH_NIGHTS, NULL, NULL, NULL), ==, 1);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_WEEK_HOURS, ana, NULL, NULL), ==, 1);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_UNDESIRED_DAY, ana, NULL, NULL), ==, 1);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_UNEVEN, ana, NULL, NULL), ==, 1);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_UNEVEN, people[0], NULL, NULL), ==, 0);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_GAP, NULL, cancelled, NULL), ==, 0);
  g_assert_cmpuint (count (roster, violations, LIN_ROSTER_RULE_OVERLAP, NULL, NULL, NULL), ==, 0);
  for (guint i = 0; i < violations->len; i++)
    if (g_array_index (violations, LinRosterViolation, i).rule == LIN_ROSTER_RULE_WEEK_HOURS)
      g_assert_cmpint (g_array_index (violations, LinRosterViolation, i).value, ==, 36 * 3600);
  (void) people[2];
  (void) people[3];
}

/* A shift or assignment that points nowhere is left out, not fatal */
static void
test_broken_records (void)
{
  g_autoptr(GPtrArray) records = records_new ();
  g_autoptr(LinRoster) roster = NULL;
  g_autoptr(GArray) violations = NULL;
  LinRecord *sos = lin_roster_test_line (records, "SOS", NULL);
  LinRecord *ana = lin_roster_test_person (records, "Ana", NULL);
  LinRecord *good = lin_roster_test_shift (records, sos, "2026-12-01T08:00:00+01:00", "2026-12-01T20:00:00+01:00", 1);

  lin_roster_test_shift (records, sos, "2026-12-01T08:00:00", "2026-12-01T20:00:00+01:00", 1);    /* no offset */
  lin_roster_test_shift (records, sos, "2026-12-01T20:00:00+01:00", "2026-12-01T08:00:00+01:00", 1); /* ends first */
  {
    LinRecord *other = lin_record_new (LIN_LINE_KIND);

    lin_roster_test_shift (records, other, "2026-12-02T08:00:00+01:00", "2026-12-02T20:00:00+01:00", 1); /* no such line */
    g_object_unref (other);
  }
  {
    LinRecord *ghost = lin_record_new (LIN_PERSON_KIND);

    assign (records, good, ghost);
    g_object_unref (ghost);
  }
  assign (records, good, ana);

  roster = lin_roster_new (records);
  g_assert_cmpuint (lin_roster_get_n_shifts (roster), ==, 1);
  g_assert_cmpuint (lin_roster_shift_get_n_assigned (roster, 0), ==, 1);
  violations = lin_roster_check (roster, NULL);
  g_assert_cmpuint (violations->len, ==, 0);
}

/* What a person would break on a shift, before she is put there */
static void
test_try_person (void)
{
  g_autoptr(GPtrArray) records = records_new ();
  g_autoptr(LinRoster) roster = NULL;
  LinRecord *sos = lin_roster_test_line (records, "SOS", NULL);
  LinRecord *romani = lin_roster_test_line (records, "Romani line", (const char *[]){ "rom", NULL });
  LinRecord *bojana = lin_roster_test_person (records, "Bojana", NULL);
  LinRecord *ana = lin_roster_test_person (records, "Ana", (const char *[]){ "rom", NULL });
  LinRecord *day = lin_roster_test_shift (records, sos, "2026-12-01T08:00:00+01:00", "2026-12-01T20:00:00+01:00", 1);
  LinRecord *romani_day = lin_roster_test_shift (records, romani, "2026-12-01T10:00:00+01:00", "2026-12-01T18:00:00+01:00", 1);
  LinRecord *night = lin_roster_test_shift (records, sos, "2026-12-01T20:00:00+01:00", "2026-12-02T08:00:00+01:00", 1);
  int b, a;

  assign (records, day, bojana);
  roster = lin_roster_new (records);
  b = lin_roster_find_person (roster, lin_record_get_id_string (bojana));
  a = lin_roster_find_person (roster, lin_record_get_id_string (ana));

  {
    g_autoptr(GArray) tried = lin_roster_try_person (roster, lin_roster_find_shift (roster, lin_record_get_id_string (romani_day)), b, NULL);
    gboolean overlap = FALSE, skill = FALSE;

    for (guint i = 0; i < tried->len; i++)
      {
        overlap |= g_array_index (tried, LinRosterViolation, i).rule == LIN_ROSTER_RULE_OVERLAP;
        skill |= g_array_index (tried, LinRosterViolation, i).rule == LIN_ROSTER_RULE_SKILL;
      }
    g_assert_true (overlap && skill);
  }
  {
    g_autoptr(GArray) tried = lin_roster_try_person (roster, lin_roster_find_shift (roster, lin_record_get_id_string (night)), b, NULL);

    g_assert_cmpuint (tried->len, ==, 1);
    g_assert_cmpint (g_array_index (tried, LinRosterViolation, 0).rule, ==, LIN_ROSTER_RULE_REST);
  }
  {
    g_autoptr(GArray) tried = lin_roster_try_person (roster, lin_roster_find_shift (roster, lin_record_get_id_string (romani_day)), a, NULL);

    g_assert_cmpuint (tried->len, ==, 0);
  }
  g_assert_cmpint (lin_roster_get_week_time (roster, b, lin_roster_find_shift (roster, lin_record_get_id_string (night))), ==, 12 * 3600);
  g_assert_cmpint (lin_roster_get_week_time (roster, a, 0), ==, 0);
}

/* Auto-fill */

static guint
count_hard (LinRoster *roster,
            GArray    *violations)
{
  guint n = 0;

  for (guint i = 0; i < violations->len; i++)
    {
      LinRosterViolation *v = &g_array_index (violations, LinRosterViolation, i);

      n += lin_roster_rule_is_hard (v->rule) && v->rule != LIN_ROSTER_RULE_GAP && !v->overridden;
    }

  return n;
}

static gboolean
has_skill (LinRecord *person_record,
           gint64     skill)
{
  const char *code = lin_code_list_get_code (lin_code_list_get ("skill"), skill)->code;
  JsonArray *skills = json_object_get_array_member (lin_record_get_fields (person_record), LIN_PERSON_FIELD_SKILLS);

  for (guint i = 0; i < json_array_get_length (skills); i++)
    if (g_str_equal (json_array_get_string_element (skills, i), code))
      return TRUE;

  return FALSE;
}

/* Whether @person_record on @shift_record takes part in a hard rule
 * broken: hers on that shift (an overlap on the other shift too), or a
 * skill the shift lacks and she has not */
static gboolean
breaks_hard_rule (LinRoster *roster,
                  GArray    *violations,
                  LinRecord *person_record,
                  LinRecord *shift_record)
{
  int p = lin_roster_find_person (roster, lin_record_get_id_string (person_record));
  int s = lin_roster_find_shift (roster, lin_record_get_id_string (shift_record));

  for (guint i = 0; i < violations->len; i++)
    {
      LinRosterViolation *v = &g_array_index (violations, LinRosterViolation, i);

      if (!lin_roster_rule_is_hard (v->rule) || v->rule == LIN_ROSTER_RULE_GAP)
        continue;
      if (v->person == p && (v->shift == s || v->other_shift == s))
        return TRUE;
      if (v->person < 0 && v->shift == s && v->rule == LIN_ROSTER_RULE_SKILL && !has_skill (person_record, v->value))
        return TRUE;
    }

  return FALSE;
}

static GPtrArray *
with (GPtrArray *records,
      GPtrArray *more,
      LinRecord *one)
{
  GPtrArray *all = records_new ();

  add_all (all, records);
  if (more != NULL)
    add_all (all, more);
  if (one != NULL)
    g_ptr_array_add (all, g_object_ref (one));

  return all;
}

/* A week of three lines, people with random skills, away days and a few
 * assignments made by hand */
static GPtrArray *
generate (guint32 seed)
{
  static const char * const skills[] = { "rom", "sign", "disability" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GPtrArray *records = records_new ();
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GPtrArray) shifts = g_ptr_array_new_with_free_func (g_object_unref);
  LinRecord *lines[3];
  guint n_people = g_rand_int_range (rand, 4, 14);
  GDate day;

  lines[0] = lin_roster_test_line (records, "SOS", NULL);
  lines[1] = lin_roster_test_line (records, "Romani line", (const char *[]){ "rom", NULL });
  lines[2] = lin_roster_test_line (records, "Disability line", (const char *[]){ "disability", NULL });
  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *alias = g_strdup_printf ("Person %u", i);
      const char *mine[4] = { NULL, NULL, NULL, NULL };
      guint n = 0;
      LinRecord *someone;

      for (guint k = 0; k < G_N_ELEMENTS (skills); k++)
        if (g_rand_int_range (rand, 0, 3) == 0)
          mine[n++] = skills[k];
      someone = lin_roster_test_person (records, alias, mine);
      json_object_set_int_member (lin_record_get_fields (someone), LIN_PERSON_FIELD_MAX_WEEK_HOURS,
                                  g_rand_int_range (rand, 16, 48));
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          JsonArray *away = json_array_new ();
          JsonObject *span = json_object_new ();
          guint d = g_rand_int_range (rand, 1, 6);
          g_autofree char *from = g_strdup_printf ("2026-12-%02uT00:00:00+01:00", d);
          g_autofree char *to = g_strdup_printf ("2026-12-%02uT00:00:00+01:00", d + 2);

          json_object_set_string_member (span, "from", from);
          json_object_set_string_member (span, "to", to);
          json_array_add_object_element (away, span);
          json_object_set_array_member (lin_record_get_fields (someone), LIN_PERSON_FIELD_AWAY, away);
        }
      g_ptr_array_add (people, someone);
    }

  g_date_set_dmy (&day, 1, G_DATE_DECEMBER, 2026);
  for (guint l = 0; l < 3; l++)
    {
      g_autoptr(GPtrArray) some = lin_roster_make_shifts (lines[l], l == 0 ? "3x8" : "2x12", &day, 7,
                                                          l == 0 ? 2 : 1, NULL);

      add_all (records, some);
      add_all (shifts, some);
    }
  /* a shift that needs sign language; a few made by hand */
  lin_roster_test_set_strings (lin_record_get_fields (g_ptr_array_index (shifts, 3)), LIN_SHIFT_FIELD_SKILLS,
               (const char *[]){ "sign", NULL });
  for (guint i = 0; i < 6; i++)
    assign (records, g_ptr_array_index (shifts, g_rand_int_range (rand, 0, shifts->len)),
            g_ptr_array_index (people, g_rand_int_range (rand, 0, people->len)));

  return records;
}

static gint64
instant (const char *iso8601)
{
  g_autoptr(GDateTime) time = lin_call_parse_time (iso8601);

  return g_date_time_to_unix (time);
}

static void
test_fill_generated (void)
{
  gint64 from = instant ("2026-12-01T00:00:00+01:00"), to = instant ("2026-12-08T00:00:00+01:00");

  for (guint32 seed = 1; seed <= 25; seed++)
    {
      g_autoptr(GPtrArray) records = generate (seed);
      g_autoptr(LinRoster) before = lin_roster_new (records);
      g_autoptr(GArray) before_violations = lin_roster_check (before, NULL);
      g_autoptr(LinRosterFill) fill = lin_roster_fill (before, from, to, seed, NULL);
      g_autoptr(LinRosterFill) again = lin_roster_fill (before, from, to, seed, NULL);
      g_autoptr(GPtrArray) filled = with (records, fill->added, NULL);
      g_autoptr(LinRoster) after = lin_roster_new (filled);
      g_autoptr(GArray) after_violations = lin_roster_check (after, NULL);
      guint gaps = 0, missing = 0;

      /* no hard rule broken that was not broken before */
      g_assert_cmpuint (count_hard (after, after_violations), <=, count_hard (before, before_violations));
      for (guint i = 0; i < after_violations->len; i++)
        {
          LinRosterViolation *v = &g_array_index (after_violations, LinRosterViolation, i);

          if (v->rule == LIN_ROSTER_RULE_GAP)
            gaps += v->value;
          if (!lin_roster_rule_is_hard (v->rule) || v->person < 0)
            continue;
          for (guint a = 0; a < fill->added->len; a++)
            {
              LinRecord *added = g_ptr_array_index (fill->added, a);

              if (lin_roster_find_shift (after, lin_record_get_string (added, LIN_ASSIGNMENT_FIELD_SHIFT)) == v->shift &&
                  lin_roster_find_person (after, lin_record_get_string (added, LIN_ASSIGNMENT_FIELD_PERSON)) == v->person)
                g_error ("Seed %u: auto-fill broke a hard rule: %s", seed, lin_roster_describe (after, v));
            }
        }

      /* the gaps left are the ones it reports, and none can be filled */
      for (guint u = 0; u < fill->unfilled->len; u++)
        {
          LinRosterUnfilled *unfilled = &g_array_index (fill->unfilled, LinRosterUnfilled, u);
          LinRecord *shift_record = lin_roster_get_shift (before, unfilled->shift);
          g_autofree char *why = lin_roster_unfilled_describe (before, unfilled);

          g_assert_true (why != NULL && *why != '\0');
          missing += unfilled->missing;
          for (guint p = 0; p < lin_roster_get_n_people (before); p++)
            {
              g_autoptr(LinRecord) extra = lin_roster_new_assignment (shift_record, lin_roster_get_person (before, p));
              g_autoptr(GPtrArray) tried = with (filled, NULL, extra);
              g_autoptr(LinRoster) roster = lin_roster_new (tried);
              g_autoptr(GArray) violations = lin_roster_check (roster, NULL);

              if (!breaks_hard_rule (roster, violations, lin_roster_get_person (before, p), shift_record))
                g_error ("Seed %u: a reported gap could be filled by %s", seed,
                         lin_record_get_string (lin_roster_get_person (before, p), LIN_PERSON_FIELD_ALIAS));
            }
        }
      g_assert_cmpuint (gaps, ==, missing);

      /* one seed, one answer */
      g_assert_cmpuint (again->added->len, ==, fill->added->len);
      for (guint a = 0; a < fill->added->len; a++)
        {
          g_assert_cmpstr (lin_record_get_string (g_ptr_array_index (fill->added, a), LIN_ASSIGNMENT_FIELD_SHIFT), ==,
                           lin_record_get_string (g_ptr_array_index (again->added, a), LIN_ASSIGNMENT_FIELD_SHIFT));
          g_assert_cmpstr (lin_record_get_string (g_ptr_array_index (fill->added, a), LIN_ASSIGNMENT_FIELD_PERSON), ==,
                           lin_record_get_string (g_ptr_array_index (again->added, a), LIN_ASSIGNMENT_FIELD_PERSON));
        }
    }
}

static void
test_fill_reasons (void)
{
  g_autoptr(GPtrArray) records = records_new ();
  g_autoptr(LinRoster) roster = NULL;
  g_autoptr(LinRosterFill) fill = NULL;
  LinRecord *sos = lin_roster_test_line (records, "SOS", NULL);
  LinRecord *romani = lin_roster_test_line (records, "Romani line", (const char *[]){ "rom", NULL });
  LinRecord *deaf = lin_roster_test_line (records, "Sign line", (const char *[]){ "sign", NULL });
  LinRecord *ana = lin_roster_test_person (records, "Ana", (const char *[]){ "rom", NULL });
  LinRecord *bojana = lin_roster_test_person (records, "Bojana", NULL);
  LinRecord *day = lin_roster_test_shift (records, sos, "2026-12-01T08:00:00+01:00", "2026-12-01T20:00:00+01:00", 1);
  LinRecord *romani_day = lin_roster_test_shift (records, romani, "2026-12-01T10:00:00+01:00", "2026-12-01T18:00:00+01:00", 1);
  LinRecord *sign_day = lin_roster_test_shift (records, deaf, "2026-12-01T10:00:00+01:00", "2026-12-01T18:00:00+01:00", 1);
  LinRecord *night = lin_roster_test_shift (records, sos, "2026-12-01T20:00:00+01:00", "2026-12-02T08:00:00+01:00", 1);
  LinRecord *next_morning = lin_roster_test_shift (records, sos, "2026-12-02T08:00:00+01:00", "2026-12-02T20:00:00+01:00", 1);
  LinRecord *romani_away = lin_roster_test_shift (records, romani, "2026-12-05T10:00:00+01:00", "2026-12-05T18:00:00+01:00", 1);
  LinRosterUnfilledReason reasons[8];
  int expected_person[8];

  /* Ana is the only Romani speaker and is away on 5 December */
  {
    JsonArray *away = json_array_new ();
    JsonObject *span = json_object_new ();

    json_object_set_string_member (span, "from", "2026-12-05T00:00:00+01:00");
    json_object_set_string_member (span, "to", "2026-12-06T00:00:00+01:00");
    json_array_add_object_element (away, span);
    json_object_set_array_member (lin_record_get_fields (ana), LIN_PERSON_FIELD_AWAY, away);
  }
  /* Bojana worked the night: the next morning is Ana's, who rested */
  assign (records, night, bojana);

  roster = lin_roster_new (records);
  fill = lin_roster_fill (roster, instant ("2026-12-01T00:00:00+01:00"), instant ("2026-12-08T00:00:00+01:00"), 7, NULL);

  for (guint i = 0; i < 8; i++)
    {
      reasons[i] = -1;
      expected_person[i] = -2;
    }
  for (guint u = 0; u < fill->unfilled->len; u++)
    {
      LinRosterUnfilled *unfilled = &g_array_index (fill->unfilled, LinRosterUnfilled, u);

      g_assert_cmpuint (unfilled->shift, <, 8);
      reasons[unfilled->shift] = unfilled->reason;
    }
  for (guint a = 0; a < fill->added->len; a++)
    {
      LinRecord *added = g_ptr_array_index (fill->added, a);

      expected_person[lin_roster_find_shift (roster, lin_record_get_string (added, LIN_ASSIGNMENT_FIELD_SHIFT))] =
        lin_roster_find_person (roster, lin_record_get_string (added, LIN_ASSIGNMENT_FIELD_PERSON));
    }

  /* no one signs */
  g_assert_cmpint (reasons[lin_roster_find_shift (roster, lin_record_get_id_string (sign_day))], ==, LIN_ROSTER_UNFILLED_SKILL);
  /* the only Romani speaker is away */
  g_assert_cmpint (reasons[lin_roster_find_shift (roster, lin_record_get_id_string (romani_away))], ==, LIN_ROSTER_UNFILLED_AWAY);
  /* Ana takes the Romani day; the SOS day, at the same time, is Bojana's */
  g_assert_cmpint (expected_person[lin_roster_find_shift (roster, lin_record_get_id_string (romani_day))], ==,
                   lin_roster_find_person (roster, lin_record_get_id_string (ana)));
  g_assert_cmpint (expected_person[lin_roster_find_shift (roster, lin_record_get_id_string (day))], ==,
                   lin_roster_find_person (roster, lin_record_get_id_string (bojana)));
  /* after her night Bojana rests: the next morning is Ana's */
  g_assert_cmpint (expected_person[lin_roster_find_shift (roster, lin_record_get_id_string (next_morning))], ==,
                   lin_roster_find_person (roster, lin_record_get_id_string (ana)));
  /* the SOS day runs into Bojana's night with no rest, and no one else
   * is free then: the one soft rule left */
  g_assert_cmpuint (fill->soft_left, ==, 1);
}

/* What an assignment collides with: the same person again on its shift,
 * her shift at the same time (not one that ends as it starts), the
 * others on a shift past what it needs; a cancelled shift, nothing */
static guint
collisions_with (LinRoster          *roster,
                 LinRecord          *assignment,
                 LinRosterCollision  collision,
                 LinRecord          *other)
{
  g_autoptr(GArray) found = lin_roster_find_collisions (roster, assignment);
  guint n = 0;

  for (guint i = 0; i < found->len; i++)
    {
      LinRosterCollided *item = &g_array_index (found, LinRosterCollided, i);

      if (item->collision == collision && (other == NULL || item->other == other))
        n++;
    }

  return n;
}

static void
test_collisions (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LinRoster) roster = NULL;
  LinRecord *line = lin_roster_test_line (records, "SOS linija (izmišljena)", NULL);
  LinRecord *marija = lin_roster_test_person (records, "Marija", NULL);
  LinRecord *ana = lin_roster_test_person (records, "Ana", NULL);
  LinRecord *jelena = lin_roster_test_person (records, "Jelena", NULL);
  LinRecord *night = lin_roster_test_shift (records, line, "2026-11-28T20:00:00+01:00", "2026-11-29T08:00:00+01:00", 1);
  LinRecord *morning = lin_roster_test_shift (records, line, "2026-11-29T08:00:00+01:00", "2026-11-29T14:00:00+01:00", 1);
  LinRecord *late = lin_roster_test_shift (records, line, "2026-11-29T06:00:00+01:00", "2026-11-29T12:00:00+01:00", 2);
  LinRecord *gone = lin_roster_test_shift (records, line, "2026-12-01T08:00:00+01:00", "2026-12-01T14:00:00+01:00", 1);
  LinRecord *m1, *m2, *m3, *a1, *a2, *j1, *g1, *g2;
  const char *code;
  LinRosterCollision back;

  json_object_set_boolean_member (lin_record_get_fields (gone), LIN_SHIFT_FIELD_CANCELLED, TRUE);
  m1 = assign (records, night, marija);
  m2 = assign (records, night, marija);
  m3 = assign (records, morning, marija);    /* starts as the night ends */
  a1 = assign (records, morning, ana);
  a2 = assign (records, late, ana);
  j1 = assign (records, late, jelena);
  g1 = assign (records, gone, jelena);
  g2 = assign (records, gone, marija);
  roster = lin_roster_new (records);

  g_assert_cmpuint (collisions_with (roster, m1, LIN_ROSTER_COLLISION_TWICE, m2), ==, 1);
  g_assert_cmpuint (collisions_with (roster, m2, LIN_ROSTER_COLLISION_TWICE, m1), ==, 1);
  /* two on a shift for one, but she is the same person: twice, not overfull */
  g_assert_cmpuint (collisions_with (roster, m1, LIN_ROSTER_COLLISION_OVERFULL, NULL), ==, 0);
  g_assert_cmpuint (collisions_with (roster, m1, LIN_ROSTER_COLLISION_OVERLAP, NULL), ==, 0);
  g_assert_cmpuint (collisions_with (roster, m3, LIN_ROSTER_COLLISION_OVERLAP, NULL), ==, 0);

  /* Ana from 06:00 and from 08:00 */
  g_assert_cmpuint (collisions_with (roster, a1, LIN_ROSTER_COLLISION_OVERLAP, a2), ==, 1);
  g_assert_cmpuint (collisions_with (roster, a2, LIN_ROSTER_COLLISION_OVERLAP, a1), ==, 1);

  /* the morning needs one and has two; the late shift needs two and has two */
  g_assert_cmpuint (collisions_with (roster, a1, LIN_ROSTER_COLLISION_OVERFULL, m3), ==, 1);
  g_assert_cmpuint (collisions_with (roster, m3, LIN_ROSTER_COLLISION_OVERFULL, a1), ==, 1);
  g_assert_cmpuint (collisions_with (roster, j1, LIN_ROSTER_COLLISION_OVERFULL, NULL), ==, 0);

  /* a cancelled shift */
  g_assert_cmpuint (collisions_with (roster, g1, LIN_ROSTER_COLLISION_OVERFULL, NULL), ==, 0);
  g_assert_cmpuint (collisions_with (roster, g2, LIN_ROSTER_COLLISION_OVERFULL, NULL), ==, 0);

  for (guint c = 0; c < LIN_ROSTER_N_COLLISIONS; c++)
    {
      code = lin_roster_collision_get_code (c);
      g_assert_true (lin_roster_collision_from_code (code, &back));
      g_assert_cmpuint (back, ==, c);
    }
  g_assert_false (lin_roster_collision_from_code ("double", &back));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roster/templates-dst", test_templates_dst);
  g_test_add_func ("/roster/templates-line-hours", test_templates_line_hours);
  g_test_add_func ("/roster/hard-rules", test_hard_rules);
  g_test_add_func ("/roster/rest-dst", test_rest_dst);
  g_test_add_func ("/roster/soft-rules", test_soft_rules);
  g_test_add_func ("/roster/broken-records", test_broken_records);
  g_test_add_func ("/roster/try-person", test_try_person);
  g_test_add_func ("/roster/collisions", test_collisions);
  g_test_add_func ("/roster/fill/generated", test_fill_generated);
  g_test_add_func ("/roster/fill/reasons", test_fill_reasons);

  return g_test_run ();
}
