/* lin-roster-fill.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Auto-fill: the gaps of a period filled without breaking a hard rule,
 * breaking as few soft ones as it can.
 *
 * First greedily, the most constrained gap first (the one the fewest
 * people could take): each gap gets the person it costs least. A person
 * who would break a hard rule (a skill the line needs, away, on another
 * shift then) cannot take it at all; nor can anyone without a skill the shift needs and
 * has no one for yet. The cost counts the soft rules she would break (rest,
 * week hours, month nights, an undesired day) and her share so far of
 * nights, weekends and hours, so that they spread; a day she wishes for
 * costs less. Then passes of local search: each new assignment goes to
 * another person when that costs less, and a gap left goes to anyone who
 * can take it now, until a pass changes nothing.
 * Ties are broken by a GRand of the seed: one seed, one answer.
 *
 * What stays empty is reported with its reason: no one has the line's
 * skills, everyone who has them is away, or everyone else free is on
 * another shift then.
 */

#define G_LOG_DOMAIN "lin-roster-fill"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-roster-fill.h"
#include "lin-roster-private.h"

#define MAX_PASSES 8

#define COST_REST        10.0
#define COST_WEEK_HOURS   8.0
#define COST_NIGHTS       8.0
#define COST_UNDESIRED    3.0
#define COST_DESIRED     -1.0
#define COST_SHIFT_SKILL -5.0
#define COST_NIGHT_SHARE  1.0
#define COST_WEEKEND_SHARE 1.0
#define COST_HOUR_SHARE   0.05
#define INFEASIBLE        G_MAXDOUBLE

typedef struct
{
  int     shift;
  int     person;      /* -1: not filled */
} Slot;

typedef struct
{
  LinRoster               *roster;
  const LinRosterSettings *settings;
  GArray                 **busy;     /* of int, a person: her shifts, by start */
  guint8                  *away;     /* person × shift: 0 not known yet, 1 free, 2 away */
  GRand                   *rand;
} Fill;

/* Away, once a person and shift: a weekly span is reckoned in dates */
static gboolean
is_away (Fill *fill,
         int   p,
         int   s)
{
  guint8 *known = &fill->away[(gsize)p * fill->roster->shifts->len + s];

  if (*known == 0)
    *known = lin_roster_is_away (LIN_ROSTER_PERSON (fill->roster, p), LIN_ROSTER_SHIFT (fill->roster, s)) ? 2 : 1;

  return *known == 2;
}

static gboolean
on_shift (Fill *fill,
          int   p,
          int   s)
{
  GArray *busy = fill->busy[p];

  for (guint i = 0; i < busy->len; i++)
    if (g_array_index (busy, int, i) == s)
      return TRUE;

  return FALSE;
}

static void
busy_add (Fill *fill,
          int   p,
          int   s)
{
  GArray *busy = fill->busy[p];
  Shift *shift = LIN_ROSTER_SHIFT (fill->roster, s);
  guint i = 0;

  while (i < busy->len && LIN_ROSTER_SHIFT (fill->roster, g_array_index (busy, int, i))->start <= shift->start)
    i++;
  g_array_insert_val (busy, i, s);
}

static void
busy_remove (Fill *fill,
             int   p,
             int   s)
{
  GArray *busy = fill->busy[p];

  for (guint i = 0; i < busy->len; i++)
    if (g_array_index (busy, int, i) == s)
      {
        g_array_remove_index (busy, i);
        return;
      }
}

/* The skills the people on @s have, and how many are on it, @skip aside */
static guint32
skills_on (Fill  *fill,
           Slot  *slots,
           guint  n_slots,
           int    s,
           int    skip_slot,
           guint *n_people)
{
  Shift *shift = LIN_ROSTER_SHIFT (fill->roster, s);
  guint32 skills = 0;

  *n_people = 0;
  for (guint a = 0; a < shift->people->len; a++)
    {
      skills |= LIN_ROSTER_PERSON (fill->roster, g_array_index (shift->people, int, a))->skills;
      (*n_people)++;
    }
  for (guint i = 0; i < n_slots; i++)
    if (slots[i].shift == s && (int)i != skip_slot && slots[i].person >= 0)
      {
        skills |= LIN_ROSTER_PERSON (fill->roster, slots[i].person)->skills;
        (*n_people)++;
      }

  return skills;
}

/* What person @p costs on the shift of @slot; INFEASIBLE: a hard rule */
static double
cost (Fill  *fill,
      Slot  *slots,
      guint  n_slots,
      int    slot,
      int    p)
{
  LinRoster *roster = fill->roster;
  int s = slots[slot].shift;
  Shift *shift = LIN_ROSTER_SHIFT (roster, s);
  Person *person = LIN_ROSTER_PERSON (roster, p);
  guint32 line_skills = g_array_index (roster->lines, Line, shift->line).skills;
  gint64 min_rest = (gint64)fill->settings->min_rest_hours * 3600;
  gint64 week_time = shift->end - shift->start, hours = 0;
  guint nights = 0, weekends = 0, month_nights = shift->night;
  guint32 present, missing;
  guint n_people;
  double total = 0;
  GArray *busy = fill->busy[p];

  if ((line_skills & ~person->skills) != 0 || on_shift (fill, p, s) || is_away (fill, p, s))
    return INFEASIBLE;

  /* the shift's own skills: while one is missing, only someone who
   * brings one; no one on a shift that then lacks it */
  present = skills_on (fill, slots, n_slots, s, slot, &n_people);
  missing = shift->skills & ~present;
  if (missing != 0)
    {
      if ((missing & person->skills) == 0)
        return INFEASIBLE;
      total += COST_SHIFT_SKILL;
    }

  for (guint i = 0; i < busy->len; i++)
    {
      Shift *other = LIN_ROSTER_SHIFT (roster, g_array_index (busy, int, i));

      if (lin_roster_spans_overlap (shift->start, shift->end, other->start, other->end))
        return INFEASIBLE;
      if (other->end <= shift->start && shift->start - other->end < min_rest)
        total += COST_REST;
      if (other->start >= shift->end && other->start - shift->end < min_rest)
        total += COST_REST;
      if (other->week == shift->week)
        week_time += other->end - other->start;
      if (other->month == shift->month)
        month_nights += other->night;
      nights += other->night;
      weekends += other->weekend;
      hours += other->end - other->start;
    }

  if (person->max_week > 0 && week_time > person->max_week)
    total += COST_WEEK_HOURS;
  if (shift->night && person->max_nights > 0 && month_nights > person->max_nights)
    total += COST_NIGHTS;
  if (person->undesired & (1u << shift->weekday))
    total += COST_UNDESIRED;
  if (person->desired & (1u << shift->weekday))
    total += COST_DESIRED;
  if (shift->night)
    total += COST_NIGHT_SHARE * nights;
  if (shift->weekend)
    total += COST_WEEKEND_SHARE * weekends;
  total += COST_HOUR_SHARE * (hours / 3600.0);

  /* ties go the seed's way */
  return total + g_rand_double (fill->rand) * 1e-3;
}

static int
best_person (Fill   *fill,
             Slot   *slots,
             guint   n_slots,
             int     slot,
             double *best_cost,
             guint  *n_feasible)
{
  int best = -1;

  *best_cost = INFEASIBLE;
  if (n_feasible != NULL)
    *n_feasible = 0;
  for (guint p = 0; p < fill->roster->people->len; p++)
    {
      double c = cost (fill, slots, n_slots, slot, p);

      if (c == INFEASIBLE)
        continue;
      if (n_feasible != NULL)
        (*n_feasible)++;
      if (c < *best_cost)
        {
          *best_cost = c;
          best = p;
        }
    }

  return best;
}

static LinRosterUnfilledReason
reason_for (Fill *fill,
            int   s)
{
  LinRoster *roster = fill->roster;
  Shift *shift = LIN_ROSTER_SHIFT (roster, s);
  guint32 line_skills = g_array_index (roster->lines, Line, shift->line).skills;
  gboolean skilled = FALSE;

  for (guint p = 0; p < roster->people->len; p++)
    {
      Person *person = LIN_ROSTER_PERSON (roster, p);

      if ((line_skills & ~person->skills) != 0)
        continue;
      skilled = TRUE;
      if (!is_away (fill, p, s))
        return LIN_ROSTER_UNFILLED_BUSY;
    }

  return skilled ? LIN_ROSTER_UNFILLED_AWAY : LIN_ROSTER_UNFILLED_SKILL;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const guint *x = a, *y = b;

  /* (feasible people, slot index): fewest first, then in order */
  if (x[0] != y[0])
    return x[0] < y[0] ? -1 : 1;
  return x[1] < y[1] ? -1 : (x[1] > y[1]);
}

static guint
count_soft_left (LinRoster     *roster,
                 GPtrArray     *added,
                 gint64         from,
                 gint64         to,
                 const LinRosterSettings *settings)
{
  g_autoptr(GPtrArray) records = lin_roster_dup_records (roster);
  g_autoptr(LinRoster) after = NULL;
  g_autoptr(GArray) violations = NULL;
  guint n = 0;

  for (guint i = 0; i < added->len; i++)
    g_ptr_array_add (records, g_object_ref (g_ptr_array_index (added, i)));

  after = lin_roster_new (records);
  violations = lin_roster_check (after, settings);
  for (guint i = 0; i < violations->len; i++)
    {
      LinRosterViolation *v = &g_array_index (violations, LinRosterViolation, i);

      if (lin_roster_rule_is_hard (v->rule))
        continue;
      if (v->shift >= 0 &&
          (LIN_ROSTER_SHIFT (after, v->shift)->start < from || LIN_ROSTER_SHIFT (after, v->shift)->start >= to))
        continue;
      n++;
    }

  return n;
}

/**
 * lin_roster_fill:
 * @roster: a roster
 * @from: the period's start (an instant); shifts that start in it count
 * @to: its end
 * @seed: for ties: the same seed, the same answer
 * @settings: (nullable): the rules' settings; %NULL: the defaults
 *
 * Fills the gaps of the shifts that start in [@from, @to), cancelled ones
 * aside. Nothing is saved: the caller saves the new assignments, and
 * undoes the fill in one step by deleting them.
 *
 * Returns: (transfer full): the new assignments, what could not be
 *   filled and why, and how many soft rules the period breaks afterwards
 */
LinRosterFill *
lin_roster_fill (LinRoster               *roster,
                 gint64                   from,
                 gint64                   to,
                 guint32                  seed,
                 const LinRosterSettings *settings)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  LinRosterFill *result = g_new0 (LinRosterFill, 1);
  LinRosterSettings defaults;
  Fill fill = { roster, NULL, NULL, NULL, NULL };
  guint n_people;

  g_return_val_if_fail (roster != NULL, NULL);

  if (settings == NULL)
    {
      lin_roster_settings_init (&defaults);
      settings = &defaults;
    }
  fill.settings = settings;
  fill.rand = g_rand_new_with_seed (seed);
  n_people = roster->people->len;
  fill.busy = g_new0 (GArray *, MAX (n_people, 1));
  fill.away = g_new0 (guint8, MAX ((gsize)n_people * roster->shifts->len, 1));
  for (guint p = 0; p < n_people; p++)
    {
      fill.busy[p] = g_array_copy (LIN_ROSTER_PERSON (roster, p)->shifts);
    }

  result->added = g_ptr_array_new_with_free_func (g_object_unref);
  result->unfilled = g_array_new (FALSE, FALSE, sizeof (LinRosterUnfilled));

  /* the open slots of the period */
  for (guint s = 0; s < roster->shifts->len; s++)
    {
      Shift *shift = LIN_ROSTER_SHIFT (roster, s);

      if (shift->cancelled || shift->start < from || shift->start >= to)
        continue;
      for (guint n = shift->people->len; n < shift->required; n++)
        {
          Slot slot = { s, -1 };

          g_array_append_val (slots, slot);
        }
    }

  /* the most constrained first */
  for (guint i = 0; i < slots->len; i++)
    {
      guint entry[2] = { 0, i };
      double c;

      best_person (&fill, (Slot *)slots->data, slots->len, i, &c, &entry[0]);
      g_array_append_vals (order, entry, 1);
    }
  g_array_sort (order, compare_candidates);

  for (guint k = 0; k < order->len; k++)
    {
      guint i = ((guint *)order->data)[2 * k + 1];
      Slot *slot = &g_array_index (slots, Slot, i);
      double c;
      int p = best_person (&fill, (Slot *)slots->data, slots->len, i, &c, NULL);

      if (p >= 0)
        {
          slot->person = p;
          busy_add (&fill, p, slot->shift);
        }
    }

  /* local search: another person where she costs less */
  for (guint pass = 0; pass < MAX_PASSES; pass++)
    {
      gboolean changed = FALSE;

      for (guint i = 0; i < slots->len; i++)
        {
          Slot *slot = &g_array_index (slots, Slot, i);
          int now = slot->person, p;
          double now_cost, c;

          /* a gap someone can take now that others moved */
          if (now < 0)
            {
              p = best_person (&fill, (Slot *)slots->data, slots->len, i, &c, NULL);
              if (p >= 0)
                {
                  slot->person = p;
                  busy_add (&fill, p, slot->shift);
                  changed = TRUE;
                }
              continue;
            }
          busy_remove (&fill, now, slot->shift);
          slot->person = -1;
          now_cost = cost (&fill, (Slot *)slots->data, slots->len, i, now);
          p = best_person (&fill, (Slot *)slots->data, slots->len, i, &c, NULL);
          if (p < 0 || c >= now_cost - 0.5)
            p = now;
          changed |= p != now;
          slot->person = p;
          busy_add (&fill, p, slot->shift);
        }

      if (!changed)
        break;
    }

  for (guint i = 0; i < slots->len; i++)
    {
      Slot *slot = &g_array_index (slots, Slot, i);

      if (slot->person >= 0)
        g_ptr_array_add (result->added,
                         lin_roster_new_assignment (LIN_ROSTER_SHIFT (roster, slot->shift)->record,
                                                    LIN_ROSTER_PERSON (roster, slot->person)->record));
      else if (result->unfilled->len > 0 &&
               g_array_index (result->unfilled, LinRosterUnfilled, result->unfilled->len - 1).shift == slot->shift)
        g_array_index (result->unfilled, LinRosterUnfilled, result->unfilled->len - 1).missing++;
      else
        {
          LinRosterUnfilled unfilled = { slot->shift, 1, reason_for (&fill, slot->shift) };

          g_array_append_val (result->unfilled, unfilled);
        }
    }

  result->soft_left = count_soft_left (roster, result->added, from, to, settings);

  for (guint p = 0; p < n_people; p++)
    g_array_unref (fill.busy[p]);
  g_free (fill.busy);
  g_free (fill.away);
  g_rand_free (fill.rand);

  return result;
}

void
lin_roster_fill_free (LinRosterFill *fill)
{
  if (fill == NULL)
    return;

  g_clear_pointer (&fill->added, g_ptr_array_unref);
  g_clear_pointer (&fill->unfilled, g_array_unref);
  g_free (fill);
}

/**
 * lin_roster_unfilled_describe:
 * @roster: the roster filled
 * @unfilled: a shift left with a gap
 *
 * Returns: (transfer full): why, in a sentence of the user's language
 */
char *
lin_roster_unfilled_describe (LinRoster               *roster,
                              const LinRosterUnfilled *unfilled)
{
  g_return_val_if_fail (unfilled != NULL, NULL);

  switch (unfilled->reason)
    {
    case LIN_ROSTER_UNFILLED_SKILL:
      /* Translators: why auto-fill left a shift with a gap */
      return g_strdup (_("No one has the skills this line needs"));
    case LIN_ROSTER_UNFILLED_AWAY:
      /* Translators: why auto-fill left a shift with a gap */
      return g_strdup (_("Everyone with the skills this line needs is unavailable then"));
    case LIN_ROSTER_UNFILLED_BUSY:
    default:
      /* Translators: why auto-fill left a shift with a gap */
      return g_strdup (_("Everyone who could is on another shift then, or lacks the skill this shift needs"));
    }
}
