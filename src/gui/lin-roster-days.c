/* lin-roster-days.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A shift belongs to the day its start falls in, where a day runs from
 * the day's start (08:00 unless told) to the next day's, as the week view
 * draws its columns: a 20:00-08:00 night is the evening's, also on the
 * nights the clocks change. The day's edges are wall-clock times in
 * Belgrade, so a day can last 23 or 25 hours.
 */

#define G_LOG_DOMAIN "lin-roster-days"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call.h"
#include "lin-roster-days.h"
#include "lin-roster-week.h"

static GDateTime *
local_time (gint64 instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, lin_call_get_time_zone ());
}

/**
 * lin_roster_days_start:
 * @day: a day
 * @day_start: the hour a day begins, 0 to 23
 *
 * Returns: when @day begins in Belgrade, in unix seconds
 */
gint64
lin_roster_days_start (const GDate *day,
                       guint        day_start)
{
  g_autoptr(GDateTime) start = g_date_time_new (lin_call_get_time_zone (), g_date_get_year (day),
                                                g_date_get_month (day), g_date_get_day (day), day_start, 0, 0);

  return g_date_time_to_unix (start);
}

/**
 * lin_roster_days_of_shift:
 * @roster: a roster
 * @shift: a shift's index
 * @day_start: the hour a day begins, 0 to 23
 *
 * Returns: the Julian day (g_date_get_julian()) the shift belongs to
 */
guint
lin_roster_days_of_shift (LinRoster *roster,
                          guint      shift,
                          guint      day_start)
{
  gint64 start = lin_roster_shift_get_start (roster, shift);
  g_autoptr(GDateTime) time = local_time (start);
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                  g_date_time_get_year (time));
  if (start < lin_roster_days_start (&day, day_start))
    g_date_subtract_days (&day, 1);

  return g_date_get_julian (&day);
}

/**
 * lin_roster_days_shift_rules:
 * @roster: a roster
 * @violations: (nullable): its rules broken
 *
 * Returns: (transfer full): a #LIN_ROSTER_DAYS_HARD and
 *   #LIN_ROSTER_DAYS_SOFT bits for each shift, of the rules it breaks
 *   that no one allowed; gaps are the shifts' own to tell
 */
guint8 *
lin_roster_days_shift_rules (LinRoster *roster,
                             GArray    *violations)
{
  guint n = lin_roster_get_n_shifts (roster);
  guint8 *rules = g_new0 (guint8, n + 1);

  for (guint i = 0; violations != NULL && i < violations->len; i++)
    {
      const LinRosterViolation *v = &g_array_index (violations, LinRosterViolation, i);

      if (v->shift < 0 || (guint)v->shift >= n || v->overridden || v->rule == LIN_ROSTER_RULE_GAP)
        continue;
      rules[v->shift] |= lin_roster_rule_is_hard (v->rule) ? LIN_ROSTER_DAYS_HARD : LIN_ROSTER_DAYS_SOFT;
    }

  return rules;
}

/**
 * lin_roster_days_format_day:
 * @day: a day
 *
 * Returns: (transfer full): "Tue 3/3", as lin_roster_week_format_day()
 */
char *
lin_roster_days_format_day (const GDate *day)
{
  /* noon: the same day whatever the clocks do */
  return lin_roster_week_format_day (lin_roster_days_start (day, 12));
}

/**
 * lin_roster_days_format_span:
 * @roster: a roster
 * @shift: a shift's index
 *
 * Returns: (transfer full): the shift's time span, "20:00–08:00"
 */
char *
lin_roster_days_format_span (LinRoster *roster,
                             guint      shift)
{
  g_autoptr(GDateTime) start = local_time (lin_roster_shift_get_start (roster, shift));
  g_autoptr(GDateTime) end = local_time (lin_roster_shift_get_end (roster, shift));
  g_autofree char *from = g_date_time_format (start, "%H:%M");
  g_autofree char *to = g_date_time_format (end, "%H:%M");

  /* Translators: a shift's time span in the roster's week, "20:00–08:00" */
  return g_strdup_printf (_("%1$s–%2$s"), from, to);
}

/**
 * lin_roster_days_start_hour:
 * @roster: a roster
 * @shift: a shift's index
 *
 * Returns: the hour the shift starts in Belgrade, 0 to 23
 */
int
lin_roster_days_start_hour (LinRoster *roster,
                            guint      shift)
{
  g_autoptr(GDateTime) start = local_time (lin_roster_shift_get_start (roster, shift));

  return g_date_time_get_hour (start);
}

/**
 * lin_roster_days_line_name:
 * @roster: a roster
 * @line: a line's index, or -1
 *
 * Returns: (transfer none): its name, or ""
 */
const char *
lin_roster_days_line_name (LinRoster *roster,
                           int        line)
{
  const char *name = NULL;

  if (line >= 0 && (guint)line < lin_roster_get_n_lines (roster))
    name = lin_record_get_string (lin_roster_get_line (roster, line), LIN_LINE_FIELD_NAME);

  return name != NULL ? name : "";
}

/**
 * lin_roster_days_people:
 * @assigned: people on the shifts
 * @required: people they need
 *
 * Returns: (transfer full): "3 of 4 people", as the week says it
 */
char *
lin_roster_days_people (guint assigned,
                        guint required)
{
  /* Translators: people on a shift or a day of the roster; the first
   * number is those assigned, the second those required */
  return g_strdup_printf (ngettext ("%1$u of %2$u person", "%1$u of %2$u people", required),
                          assigned, required);
}

/**
 * lin_roster_days_missing:
 * @missing: people the shifts still need
 *
 * Returns: (transfer full): "1 missing", as the week says it
 */
char *
lin_roster_days_missing (guint missing)
{
  /* Translators: people a shift or a day of the roster still needs */
  return g_strdup_printf (ngettext ("%u missing", "%u missing", missing), missing);
}

/**
 * lin_roster_days_place:
 * @child: a child widget
 * @x: where it goes in its parent, in pixels that need not be whole
 * @y: as @x
 * @width: its width
 * @height: its height
 *
 * Allocates @child on whole pixels so that neighbours meet without a gap.
 */
void
lin_roster_days_place (GtkWidget *child,
                       double     x,
                       double     y,
                       double     width,
                       double     height)
{
  int left = (int)x, top = (int)y;

  gtk_widget_size_allocate (child,
                            &(GtkAllocation) { left, top, MAX (0, (int)(x + width) - left), MAX (0, (int)(y + height) - top) },
                            -1);
}

/**
 * lin_roster_days_set_classes:
 * @widget: a widget
 * @classes: (array length=n_classes): a CSS class a bit of the state
 * @n_classes: how many
 * @old_state: the bits it had
 * @state: the bits it has now
 *
 * Adds and removes only the classes whose bits changed.
 */
void
lin_roster_days_set_classes (GtkWidget          *widget,
                             const char * const *classes,
                             guint               n_classes,
                             guint               old_state,
                             guint               state)
{
  for (guint i = 0; i < n_classes; i++)
    if ((state ^ old_state) & (1u << i))
      {
        if (state & (1u << i))
          gtk_widget_add_css_class (widget, classes[i]);
        else
          gtk_widget_remove_css_class (widget, classes[i]);
      }
}

/**
 * lin_roster_days_replace:
 * @roster: (inout): a view's roster, or %NULL
 * @violations: (inout): its rules broken, or %NULL
 * @new_roster: (nullable): the roster to keep a reference to instead
 * @new_violations: (nullable): its rules broken; with no roster, none
 *
 * What a view's set_roster() does first: a %NULL roster (the profile is
 * locked) keeps nothing at all.
 */
void
lin_roster_days_replace (LinRoster **roster,
                         GArray    **violations,
                         LinRoster  *new_roster,
                         GArray     *new_violations)
{
  if (new_roster != NULL)
    lin_roster_ref (new_roster);
  if (new_roster != NULL && new_violations != NULL)
    g_array_ref (new_violations);
  g_clear_pointer (roster, lin_roster_unref);
  g_clear_pointer (violations, g_array_unref);
  *roster = new_roster;
  *violations = new_roster != NULL ? new_violations : NULL;
}

/**
 * lin_roster_days_set_label:
 * @widget: a widget
 * @label: (inout): the accessible label it has, or %NULL
 * @spoken: (transfer full) (nullable): the one it should have
 *
 * Tells assistive technologies only when the words changed: a new
 * roster leaves most cells as they were. No tooltip: GTK's tooltip
 * window keeps its words after the profile is locked.
 */
void
lin_roster_days_set_label (GtkWidget  *widget,
                           char      **label,
                           char       *spoken)
{
  if (g_strcmp0 (spoken, *label) == 0)
    {
      g_free (spoken);
      return;
    }

  if (spoken != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_free (*label);
  *label = spoken;
}
