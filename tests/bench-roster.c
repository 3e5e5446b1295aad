/* bench-roster.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster's rules on a month: March 2026 (the spring DST night in it)
 * for three lines, the main SOS line 24 hours a day in three 8-hour
 * shifts of two people, a Romani line and a line for women with
 * disabilities in two 12-hour shifts of one, and 40 fictional people with
 * skills, weekly limits, nights, days away and days they would rather not
 * work, every shift filled by the first person free (a plan with the
 * usual mix of rules broken). Then 500 changes, each one person swapped
 * on one shift, and after each the full rule check a coordinator sees:
 * the roster rebuilt from its records and every rule checked. Goal: ≤ 5 ms.
 * And auto-fill of the whole month from no one assigned, five times (one
 * seed: the same answer each time). Goal: ≤ 1 s; it reports the soft
 * rules left broken and the gaps it could not fill.
 *
 * A benchmark: it prints a table and one line of JSON and never fails
 * because something is slow.
 */

#include "config.h"

#include <stdio.h>

#include "lin-bench-utils.h"
#include "lin-call.h"
#include "lin-roster.h"
#include "lin-roster-fill.h"

#define N_PEOPLE  40
#define N_CHANGES 500
#define SEED      20260301

static LinRecord *
new_record (const char *kind,
            JsonObject *fields)
{
  LinRecord *record = lin_record_new (kind);

  lin_record_set_fields (record, fields);
  json_object_unref (fields);

  return record;
}

static JsonArray *
strings (const char * const *values)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);

  return array;
}

static LinRecord *
new_line (const char         *name,
          const char * const *skills)
{
  JsonObject *fields = json_object_new ();

  json_object_set_string_member (fields, LIN_LINE_FIELD_NAME, name);
  json_object_set_string_member (fields, LIN_LINE_FIELD_HOURS, "24/7");
  json_object_set_array_member (fields, LIN_LINE_FIELD_SKILLS, strings (skills));

  return new_record (LIN_LINE_KIND, fields);
}

static LinRecord *
new_person (GRand *rand,
            guint  i)
{
  static const char * const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  JsonObject *fields = json_object_new ();
  g_autofree char *alias = g_strdup_printf ("Volonterka %02u (izmišljena)", i + 1);
  g_autoptr(GPtrArray) skills = g_ptr_array_new ();
  JsonArray *weekly = json_array_new ();
  JsonArray *away = json_array_new ();
  JsonObject *span;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint day = g_rand_int_range (rand, 1, 28);

  json_object_set_string_member (fields, LIN_PERSON_FIELD_ALIAS, alias);
  json_object_set_string_member (fields, LIN_PERSON_FIELD_ROLE, i < 10 ? "counsellor" : "volunteer");
  if (i % 4 == 0)
    g_ptr_array_add (skills, "rom");
  if (i % 5 == 1)
    g_ptr_array_add (skills, "disability");
  if (i % 7 == 2)
    g_ptr_array_add (skills, "sign");
  g_ptr_array_add (skills, NULL);
  json_object_set_array_member (fields, LIN_PERSON_FIELD_SKILLS, strings ((const char * const *)skills->pdata));
  json_object_set_int_member (fields, LIN_PERSON_FIELD_MAX_WEEK_HOURS, g_rand_int_range (rand, 2, 5) * 8);
  json_object_set_int_member (fields, LIN_PERSON_FIELD_MAX_MONTH_NIGHTS, g_rand_int_range (rand, 2, 7));

  /* a weekly evening away, a week of holiday, a day she would rather not */
  span = json_object_new ();
  json_object_set_string_member (span, "day", days[i % 7]);
  json_object_set_string_member (span, "from", "17:00");
  json_object_set_string_member (span, "to", "21:00");
  json_array_add_object_element (weekly, span);
  json_object_set_array_member (fields, LIN_PERSON_FIELD_AWAY_WEEKLY, weekly);

  span = json_object_new ();
  from = g_strdup_printf ("2026-03-%02uT00:00:00+01:00", day);
  to = g_strdup_printf ("2026-03-%02uT00:00:00+0%d:00", day + 3, day + 3 >= 30 ? 2 : 1);
  json_object_set_string_member (span, "from", from);
  json_object_set_string_member (span, "to", to);
  json_array_add_object_element (away, span);
  json_object_set_array_member (fields, LIN_PERSON_FIELD_AWAY, away);
  json_object_set_array_member (fields, LIN_PERSON_FIELD_UNDESIRED_DAYS,
                                strings ((const char *[]){ days[(i * 3) % 7], NULL }));

  return new_record (LIN_PERSON_KIND, fields);
}

static gboolean
has_skill (LinRecord  *person,
           const char *skill)
{
  JsonArray *skills = json_object_get_array_member (lin_record_get_fields (person), LIN_PERSON_FIELD_SKILLS);

  for (guint i = 0; i < json_array_get_length (skills); i++)
    if (g_str_equal (json_array_get_string_element (skills, i), skill))
      return TRUE;

  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GPtrArray) assignments = g_ptr_array_new ();
  g_autoptr(GArray) check_only = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rebuild_check = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(LinRoster) roster = NULL;
  g_autoptr(GArray) first = NULL;
  struct { const char *name; const char *skill; const char *template; guint required; } lines[] = {
    { "SOS (izmišljena)", NULL, "3x8", 2 },
    { "Romski SOS (izmišljena)", "rom", "2x12", 1 },
    { "SOS za žene sa invaliditetom (izmišljena)", "disability", "2x12", 1 },
  };
  g_autoptr(GPtrArray) unassigned = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) fill_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(LinRosterFill) fill = NULL;
  guint n_shifts = 0, next = 0, violations_hard = 0, violations_soft = 0, gaps_left = 0;
  GDate first_day;

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      LinRecord *person = new_person (rand, i);

      g_ptr_array_add (records, person);
      g_ptr_array_add (people, person);
    }

  g_date_set_dmy (&first_day, 1, G_DATE_MARCH, 2026);
  for (guint l = 0; l < G_N_ELEMENTS (lines); l++)
    {
      LinRecord *line = new_line (lines[l].name, (const char *[]){ lines[l].skill, NULL });
      g_autoptr(GPtrArray) shifts = NULL;
      g_autoptr(GError) error = NULL;

      g_ptr_array_add (records, line);
      shifts = lin_roster_make_shifts (line, lines[l].template, &first_day, 31, lines[l].required, &error);
      lin_bench_die_on (error);
      for (guint s = 0; s < shifts->len; s++)
        {
          LinRecord *shift = g_ptr_array_index (shifts, s);

          g_ptr_array_add (records, g_object_ref (shift));
          n_shifts++;
          /* the next people in turn who have the line's skill */
          for (guint r = 0; r < lines[l].required; r++)
            for (guint tries = 0; tries < N_PEOPLE; tries++)
              {
                LinRecord *person = g_ptr_array_index (people, next++ % N_PEOPLE);

                if (lines[l].skill == NULL || has_skill (person, lines[l].skill))
                  {
                    LinRecord *assignment = lin_roster_new_assignment (shift, person);

                    g_ptr_array_add (records, assignment);
                    g_ptr_array_add (assignments, assignment);
                    break;
                  }
              }
        }
    }

  /* auto-fill, from no one assigned */
  for (guint i = 0; i < records->len; i++)
    if (!g_str_equal (lin_record_get_kind (g_ptr_array_index (records, i)), LIN_ASSIGNMENT_KIND))
      g_ptr_array_add (unassigned, g_object_ref (g_ptr_array_index (records, i)));
  for (guint run = 0; run < 5; run++)
    {
      g_autoptr(LinRoster) empty = lin_roster_new (unassigned);
      g_autoptr(GDateTime) from = lin_call_parse_time ("2026-03-01T00:00:00+01:00");
      g_autoptr(GDateTime) to = lin_call_parse_time ("2026-04-01T00:00:00+02:00");
      double start = lin_bench_now ();

      g_clear_pointer (&fill, lin_roster_fill_free);
      fill = lin_roster_fill (empty, g_date_time_to_unix (from), g_date_time_to_unix (to), SEED, NULL);
      g_array_append_vals (fill_times, (double[]){ (lin_bench_now () - start) * 1000 }, 1);
    }
  for (guint i = 0; i < fill->unfilled->len; i++)
    gaps_left += g_array_index (fill->unfilled, LinRosterUnfilled, i).missing;

  roster = lin_roster_new (records);
  first = lin_roster_check (roster, NULL);
  for (guint i = 0; i < first->len; i++)
    {
      if (lin_roster_rule_is_hard (g_array_index (first, LinRosterViolation, i).rule))
        violations_hard++;
      else
        violations_soft++;
    }

  for (guint c = 0; c < N_CHANGES; c++)
    {
      LinRecord *assignment = g_ptr_array_index (assignments, g_rand_int_range (rand, 0, assignments->len));
      LinRecord *person = g_ptr_array_index (people, g_rand_int_range (rand, 0, N_PEOPLE));
      g_autoptr(GArray) violations = NULL;
      double start;

      /* one change: another person on a shift */
      lin_record_set_string (assignment, LIN_ASSIGNMENT_FIELD_PERSON, lin_record_get_id_string (person));

      start = lin_bench_now ();
      g_clear_pointer (&roster, lin_roster_unref);
      roster = lin_roster_new (records);
      violations = lin_roster_check (roster, NULL);
      g_array_append_vals (rebuild_check, (double[]){ (lin_bench_now () - start) * 1000 }, 1);
      g_clear_pointer (&violations, g_array_unref);

      start = lin_bench_now ();
      violations = lin_roster_check (roster, NULL);
      g_array_append_vals (check_only, (double[]){ (lin_bench_now () - start) * 1000 }, 1);
    }

  printf ("Linija roster rules: March 2026, %u lines, %u shifts, %u people, %u assignments, %u processors\n",
          (guint)G_N_ELEMENTS (lines), n_shifts, N_PEOPLE, assignments->len, g_get_num_processors ());
  printf ("   the plan as first filled breaks %u hard and %u soft rules\n", violations_hard, violations_soft);
  printf ("   %u changes, one person swapped on one shift; ms   median      p99      max\n", N_CHANGES);
  printf ("   full rule check after a change (rebuilt, checked)  %8.3f %8.3f %8.3f  (goal ≤ 5 ms)\n",
          lin_bench_percentile (rebuild_check, 50), lin_bench_percentile (rebuild_check, 99),
          lin_bench_maximum (rebuild_check));
  printf ("     of which the rules alone                          %8.3f %8.3f %8.3f\n",
          lin_bench_percentile (check_only, 50), lin_bench_percentile (check_only, 99),
          lin_bench_maximum (check_only));
  printf ("   auto-fill of the month, no one assigned: %.0f ms median, %.0f ms max of 5  (goal ≤ 1 s)\n",
          lin_bench_percentile (fill_times, 50), lin_bench_maximum (fill_times));
  printf ("     %u assignments made, %u places left empty, %u soft rules left broken\n",
          fill->added->len, gaps_left, fill->soft_left);
  printf ("{\"benchmark\":\"roster\",\"shifts\":%u,\"people\":%u,\"assignments\":%u,"
          "\"check_after_change_ms\":{\"median\":%.3f,\"p99\":%.3f,\"max\":%.3f},"
          "\"rules_only_ms\":{\"median\":%.3f,\"p99\":%.3f,\"max\":%.3f},"
          "\"fill_ms\":{\"median\":%.1f,\"max\":%.1f},\"fill_added\":%u,\"fill_gaps_left\":%u,"
          "\"fill_soft_left\":%u}\n",
          n_shifts, N_PEOPLE, assignments->len,
          lin_bench_percentile (rebuild_check, 50), lin_bench_percentile (rebuild_check, 99),
          lin_bench_maximum (rebuild_check),
          lin_bench_percentile (check_only, 50), lin_bench_percentile (check_only, 99),
          lin_bench_maximum (check_only),
          lin_bench_percentile (fill_times, 50), lin_bench_maximum (fill_times),
          fill->added->len, gaps_left, fill->soft_left);

  return 0;
}
