/* lin-roster-templates.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shift templates: three 8-hour or two 12-hour shifts a day, at the same
 * wall-clock hours every day in Europe/Belgrade. A template's day becomes
 * shifts through GDateTime, so that the night the clocks go forward is an
 * hour shorter and the night they go back an hour longer, and hours the
 * line is closed (lin-hours.h) get no shift.
 */

#define G_LOG_DOMAIN "lin-roster"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call.h"
#include "lin-hours.h"
#include "lin-roster.h"
#include "lin-roster-private.h"

typedef struct
{
  const char *code;
  const char *label;
  guint       n;
  guint       starts[3];   /* hours */
  guint       hours;
} Template;

static const Template templates[] = {
  /* Translators: a shift template: three shifts of eight hours a day */
  { "3x8", N_("Three 8-hour shifts (06–14, 14–22, 22–06)"), 3, { 6, 14, 22 }, 8 },
  /* Translators: a shift template: two shifts of twelve hours a day */
  { "2x12", N_("Two 12-hour shifts (08–20, 20–08)"), 2, { 8, 20 }, 12 },
};

guint
lin_roster_get_n_templates (void)
{
  return G_N_ELEMENTS (templates);
}

const char *
lin_roster_get_template_code (guint i)
{
  g_return_val_if_fail (i < G_N_ELEMENTS (templates), NULL);

  return templates[i].code;
}

const char *
lin_roster_get_template_label (guint i)
{
  g_return_val_if_fail (i < G_N_ELEMENTS (templates), NULL);

  return _(templates[i].label);
}

static char *
format_instant (gint64 instant)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (instant);

  return lin_call_format_time (time);
}

/* Whether the line takes calls at some time of [start, end) */
static gboolean
line_open_during (LinHours *hours,
                  gint64    start,
                  gint64    end)
{
  if (hours == NULL || lin_hours_get_always (hours))
    return TRUE;

  for (gint64 t = start; t < end; t += 15 * 60)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (t);

      if (lin_hours_is_open_at (hours, time, lin_call_get_time_zone ()))
        return TRUE;
    }

  return FALSE;
}

/**
 * lin_roster_make_shifts:
 * @line: the line the shifts are for
 * @template_code: "3x8" or "2x12"
 * @first_day: the first day, in Europe/Belgrade
 * @n_days: how many days
 * @required: people on each shift
 * @error: return location for a #GError
 *
 * Makes the shifts of a template for a period, at wall-clock times: the
 * night of 28-29 March 2026 from 20:00 to 08:00 lasts 11 hours. Shifts
 * in which the line takes no calls (its hours) are left out.
 *
 * Returns: (transfer full) (element-type LinRecord): the new shifts, not
 *   saved yet; %NULL with @error set when the template is unknown
 */
GPtrArray *
lin_roster_make_shifts (LinRecord   *line,
                        const char  *template_code,
                        GDate       *first_day,
                        guint        n_days,
                        guint        required,
                        GError     **error)
{
  g_autoptr(GPtrArray) shifts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LinHours) hours = NULL;
  const Template *template = NULL;
  const char *hours_text;
  GDate day;

  g_return_val_if_fail (LIN_IS_RECORD (line), NULL);
  g_return_val_if_fail (first_day != NULL && g_date_valid (first_day), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    if (g_strcmp0 (templates[i].code, template_code) == 0)
      template = &templates[i];
  if (template == NULL)
    {
      g_set_error (error, LIN_ROSTER_ERROR, LIN_ROSTER_ERROR_INVALID,
                   "No shift template “%s”", template_code ? template_code : "");
      return NULL;
    }

  hours_text = lin_record_get_string (line, LIN_LINE_FIELD_HOURS);
  if (hours_text != NULL)
    hours = lin_hours_parse (hours_text, NULL);

  day = *first_day;
  for (guint d = 0; d < n_days; d++, g_date_add_days (&day, 1))
    for (guint i = 0; i < template->n; i++)
      {
        guint start_hour = template->starts[i];
        guint end_hour = start_hour + template->hours;
        GDate end_day = day;
        gint64 start, end;
        g_autoptr(LinRecord) shift = NULL;
        g_autofree char *start_text = NULL;
        g_autofree char *end_text = NULL;
        JsonObject *fields;

        g_date_add_days (&end_day, end_hour / 24);
        start = lin_roster_wall_clock (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day), start_hour * 60);
        end = lin_roster_wall_clock (g_date_get_year (&end_day), g_date_get_month (&end_day), g_date_get_day (&end_day),
                          (end_hour % 24) * 60);
        if (!line_open_during (hours, start, end))
          continue;

        start_text = format_instant (start);
        end_text = format_instant (end);
        shift = lin_record_new (LIN_SHIFT_KIND);
        fields = json_object_new ();
        json_object_set_string_member (fields, LIN_SHIFT_FIELD_LINE, lin_record_get_id_string (line));
        json_object_set_string_member (fields, LIN_SHIFT_FIELD_START, start_text);
        json_object_set_string_member (fields, LIN_SHIFT_FIELD_END, end_text);
        json_object_set_int_member (fields, LIN_SHIFT_FIELD_REQUIRED, MAX (required, 1));
        lin_record_set_fields (shift, fields);
        json_object_unref (fields);
        g_ptr_array_add (shifts, g_steal_pointer (&shift));
      }

  return g_steal_pointer (&shifts);
}
