/* lin-hours.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A service's opening hours, as the directory stores them and as its CSV
 * files write them: "24/7", or day groups separated by semicolons, each
 * one day or a range of days and its spans of time, or "closed":
 *
 *   mon-fri 08:00-16:00; sat 09:00-13:00
 *   mon-thu 08:00-20:00, 20:30-23:00; fri-sun 20:00-08:00
 *
 * Days are mon, tue, wed, thu, fri, sat and sun; a range may wrap (fri-mon).
 * A day not written is closed. A span whose end is not after its start
 * runs past midnight into the next day (20:00-08:00, a night line); 24:00
 * ends a day. The hours are wall-clock times in Europe/Belgrade: a night
 * span 20:00-08:00 is open at every local time between, also in the hour
 * that does not exist on the last Sunday of March and in the one that
 * comes twice on the last Sunday of October. GLib's time zones turn an
 * instant into that local time.
 *
 * lin_hours_to_string() writes the shortest form with the same meaning
 * (consecutive days with the same spans as one range, spans in order),
 * which lin_hours_parse() reads back to the same hours.
 *
 * Public holidays, for services closed on them (lin_hours_is_holiday):
 * the days off work of the Zakon o državnim i drugim praznicima u
 * Republici Srbiji (Službeni glasnik RS 43/2001, 101/2007, 92/2011):
 * 1-2 January, 7 January (Christmas), 15-16 February (Statehood Day), 1-2
 * May, 11 November (Armistice Day), and Orthodox Easter from Good Friday
 * to Easter Monday; a day of the state holidays that falls on a Sunday
 * moves its day off to the Monday after. Orthodox Easter is reckoned on
 * the Julian calendar (Meeus's algorithm) and moved to the Gregorian one.
 */

#define G_LOG_DOMAIN "lin-hours"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lin-hours.h"

#define N_DAYS LIN_HOURS_N_DAYS
#define DAY_MINUTES (24 * 60)

typedef struct
{
  guint16 start;  /* minutes after midnight */
  guint16 end;    /* after start; past DAY_MINUTES when it runs into the next day */
} Span;

struct _LinHours
{
  gboolean  always;
  GArray   *days[N_DAYS];  /* of Span, in order; Monday first */
};

static const char * const day_codes[N_DAYS] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

G_DEFINE_QUARK (lin-hours-error-quark, lin_hours_error)

static LinHours *
hours_new (void)
{
  LinHours *self = g_new0 (LinHours, 1);

  for (guint d = 0; d < N_DAYS; d++)
    self->days[d] = g_array_new (FALSE, FALSE, sizeof (Span));

  return self;
}

void
lin_hours_free (LinHours *self)
{
  if (self == NULL)
    return;

  for (guint d = 0; d < N_DAYS; d++)
    g_array_unref (self->days[d]);
  g_free (self);
}

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, LIN_HOURS_ERROR, LIN_HOURS_ERROR_INVALID, message);
  return FALSE;
}

static int
day_from_code (const char *code)
{
  for (guint d = 0; d < N_DAYS; d++)
    if (g_ascii_strcasecmp (code, day_codes[d]) == 0)
      return d;

  return -1;
}

/* "8:00", "08:00" or "24:00" (an end only) to minutes; -1 when not one */
static int
parse_time (const char *text,
            gboolean    end)
{
  guint hours = 0, minutes = 0;
  const char *p = text;
  guint n = 0;

  while (g_ascii_isdigit (*p) && n < 2)
    hours = hours * 10 + (*p++ - '0'), n++;
  if (n == 0 || *p++ != ':')
    return -1;
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || p[2] != '\0')
    return -1;
  minutes = (p[0] - '0') * 10 + (p[1] - '0');

  if (minutes > 59 || hours > 24 || (hours == 24 && (minutes != 0 || !end)))
    return -1;

  return hours * 60 + minutes;
}

static gboolean
parse_span (const char  *text,
            Span        *span,
            GError     **error)
{
  g_auto(GStrv) ends = g_strsplit (text, "-", -1);
  int start, end;

  if (g_strv_length (ends) != 2)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a span of time: write it as 08:00-16:00."), text);
      return invalid (error, message);
    }

  g_strstrip (ends[0]);
  g_strstrip (ends[1]);
  start = parse_time (ends[0], FALSE);
  end = parse_time (ends[1], TRUE);
  if (start < 0 || end < 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a time: write it as 08:00."),
                                                  start < 0 ? ends[0] : ends[1]);
      return invalid (error, message);
    }

  if (end == start)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is a span of no time."), text);
      return invalid (error, message);
    }

  span->start = start;
  span->end = end > start ? end : end + DAY_MINUTES;
  return TRUE;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  return (int)((const Span *)a)->start - (int)((const Span *)b)->start;
}

/* "mon", "mon-fri" or "fri-mon" into @days; FALSE when not days */
static gboolean
parse_days (const char  *text,
            gboolean    *days,
            GError     **error)
{
  g_auto(GStrv) ends = g_strsplit (text, "-", -1);
  guint n = g_strv_length (ends);
  int first, last;

  first = n >= 1 ? day_from_code (g_strstrip (ends[0])) : -1;
  last = n == 2 ? day_from_code (g_strstrip (ends[1])) : first;
  if (n < 1 || n > 2 || first < 0 || last < 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a day: write mon, tue, wed, thu, fri, sat or sun."),
                                                  text);
      return invalid (error, message);
    }

  for (int d = first;; d = (d + 1) % N_DAYS)
    {
      days[d] = TRUE;
      if (d == last)
        break;
    }

  return TRUE;
}

static gboolean
parse_group (LinHours    *self,
             const char  *group,
             gboolean    *given,
             GError     **error)
{
  gboolean days[N_DAYS] = { FALSE, };
  g_autofree char *days_text = NULL;
  g_autofree char *spans_text = NULL;
  g_autoptr(GArray) parsed = g_array_new (FALSE, FALSE, sizeof (Span));
  const char *p = group;

  while (*p != '\0' && !g_ascii_isspace (*p))
    p++;
  days_text = g_strndup (group, p - group);
  spans_text = g_strstrip (g_strdup (p));

  if (!parse_days (days_text, days, error))
    return FALSE;

  if (*spans_text == '\0')
    {
      g_autofree char *message = g_strdup_printf (_("“%s” has no hours: write them as mon-fri 08:00-16:00, or closed."),
                                                  group);
      return invalid (error, message);
    }

  if (g_ascii_strcasecmp (spans_text, "closed") != 0)
    {
      g_auto(GStrv) spans = g_strsplit (spans_text, ",", -1);

      for (guint i = 0; spans[i] != NULL; i++)
        {
          Span span;

          if (!parse_span (g_strstrip (spans[i]), &span, error))
            return FALSE;
          g_array_append_val (parsed, span);
        }
      g_array_sort (parsed, compare_spans);
      for (guint i = 1; i < parsed->len; i++)
        if (g_array_index (parsed, Span, i).start < g_array_index (parsed, Span, i - 1).end)
          {
            g_autofree char *message = g_strdup_printf (_("The spans of “%s” overlap."), group);
            return invalid (error, message);
          }
    }

  for (guint d = 0; d < N_DAYS; d++)
    {
      if (!days[d])
        continue;
      if (given[d])
        {
          g_autofree char *message = g_strdup_printf (_("The day “%s” is given twice."), day_codes[d]);
          return invalid (error, message);
        }
      given[d] = TRUE;
      g_array_append_vals (self->days[d], parsed->data, parsed->len);
    }

  return TRUE;
}

/* every day open from 00:00 to 24:00: the same as 24/7 */
static gboolean
all_day_every_day (const LinHours *self)
{
  for (guint d = 0; d < N_DAYS; d++)
    {
      const GArray *spans = self->days[d];

      if (spans->len != 1 || g_array_index (spans, Span, 0).start != 0 ||
          g_array_index (spans, Span, 0).end < DAY_MINUTES)
        return FALSE;
    }

  return TRUE;
}

/**
 * lin_hours_parse:
 * @text: opening hours, as the top of the file writes them
 * @error: a location for a #GError (%LIN_HOURS_ERROR), its message
 *   translated, saying what is wrong
 *
 * Returns: (transfer full) (nullable): the hours, or %NULL
 */
LinHours *
lin_hours_parse (const char  *text,
                 GError     **error)
{
  g_autoptr(LinHours) self = hours_new ();
  g_autofree char *copy = NULL;
  g_auto(GStrv) groups = NULL;
  gboolean given[N_DAYS] = { FALSE, };

  g_return_val_if_fail (text != NULL, NULL);

  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    {
      invalid (error, _("The opening hours are empty: write 24/7, closed, or the days and their hours."));
      return NULL;
    }

  if (g_str_equal (copy, "24/7"))
    {
      self->always = TRUE;
      return g_steal_pointer (&self);
    }

  if (g_ascii_strcasecmp (copy, "closed") == 0)
    return g_steal_pointer (&self);

  groups = g_strsplit (copy, ";", -1);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_strstrip (groups[i]);
      if (*groups[i] == '\0')
        continue;
      if (!parse_group (self, groups[i], given, error))
        return NULL;
    }

  self->always = all_day_every_day (self);

  return g_steal_pointer (&self);
}

static void
append_time (GString *out,
             guint    minutes)
{
  if (minutes > DAY_MINUTES)
    minutes -= DAY_MINUTES;
  g_string_append_printf (out, "%02u:%02u", minutes / 60, minutes % 60);
}

static gboolean
same_spans (const GArray *a,
            const GArray *b)
{
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (Span)) == 0;
}

static const char * const day_names[N_DAYS] = {
  /* Translators: the days of the week, short, in the opening hours of a
   * service ("Mon–Fri 08:00–16:00") */
  NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"),
  NC_("weekday", "Fri"), NC_("weekday", "Sat"), NC_("weekday", "Sun"),
};

static const char * const month_names[12] = {
  /* Translators: the months' names, standing alone as in a printed
   * roster's title ("Roster, March 2026"): in Serbian the nominative,
   * "март" */
  NC_("month name", "January"), NC_("month name", "February"), NC_("month name", "March"),
  NC_("month name", "April"), NC_("month name", "May"), NC_("month name", "June"),
  NC_("month name", "July"), NC_("month name", "August"), NC_("month name", "September"),
  NC_("month name", "October"), NC_("month name", "November"), NC_("month name", "December"),
};

static const char *
day_label (guint    day,
           gboolean display)
{
  return display ? g_dpgettext2 (GETTEXT_PACKAGE, "weekday", day_names[day]) : day_codes[day];
}

/* The day groups of @self, each day range followed by its spans; for
 * people (@display: translated day names, en dashes, a line a group) or
 * for lin_hours_parse() */
static void
append_groups (const LinHours *self,
               gboolean        display,
               GString        *out)
{
  const char *range = display ? "–" : "-";
  guint d = 0;

  while (d < N_DAYS)
    {
      guint last = d;

      while (last + 1 < N_DAYS && same_spans (self->days[last + 1], self->days[d]))
        last++;

      if (self->days[d]->len > 0)
        {
          if (out->len > 0)
            g_string_append (out, display ? "\n" : "; ");
          g_string_append (out, day_label (d, display));
          if (last > d)
            g_string_append_printf (out, "%s%s", range, day_label (last, display));
          for (guint i = 0; i < self->days[d]->len; i++)
            {
              const Span *span = &g_array_index (self->days[d], Span, i);

              g_string_append (out, i == 0 ? " " : ", ");
              append_time (out, span->start);
              g_string_append (out, range);
              append_time (out, span->end);
            }
        }
      d = last + 1;
    }
}

/**
 * lin_hours_to_string:
 * @self: hours
 *
 * Returns: (transfer full): the shortest text that lin_hours_parse()
 *   reads back to the same hours
 */
char *
lin_hours_to_string (const LinHours *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->always)
    return g_strdup ("24/7");

  out = g_string_new (NULL);
  append_groups (self, FALSE, out);
  if (out->len == 0)
    g_string_append (out, "closed");

  return g_string_free (out, FALSE);
}

/* Orthodox Easter Sunday of @year, Gregorian */
static GDate *
orthodox_easter (int year)
{
  int a = year % 4, b = year % 7, c = year % 19;
  int d = (19 * c + 15) % 30;
  int e = (2 * a + 4 * b - d + 34) % 7;
  int month = (d + e + 114) / 31;
  int day = (d + e + 114) % 31 + 1;
  GDate *date = g_date_new_dmy (day, month, year);

  /* Julian to Gregorian: 13 days from 1900 to 2099 */
  g_date_add_days (date, 13);

  return date;
}

static const struct { int month, day; } state_holidays[] = {
  { 1, 1 }, { 1, 2 }, { 2, 15 }, { 2, 16 }, { 5, 1 }, { 5, 2 }, { 11, 11 },
};

/* A day off before the Sunday rule: a state holiday, Christmas, Easter */
static gboolean
is_fixed_day_off (const GDate *date,
                  const GDate *easter)
{
  int month = g_date_get_month (date), day = g_date_get_day (date);
  int from_easter = g_date_days_between (easter, date);

  for (guint i = 0; i < G_N_ELEMENTS (state_holidays); i++)
    if (state_holidays[i].month == month && state_holidays[i].day == day)
      return TRUE;

  return (month == 1 && day == 7) || (from_easter >= -2 && from_easter <= 1);
}

/**
 * lin_hours_is_holiday:
 * @year: a year from 1900 to 2099
 * @month: 1 to 12
 * @day: 1 to 31
 *
 * Returns: whether the day is off work in Serbia (the top of the file
 *   says which days and after which law)
 */
gboolean
lin_hours_is_holiday (int year,
                      int month,
                      int day)
{
  g_autoptr(GDate) easter = NULL;
  g_autoptr(GDate) date = NULL;

  g_return_val_if_fail (year >= 1900 && year <= 2099, FALSE);
  g_return_val_if_fail (g_date_valid_dmy (day, month, year), FALSE);

  easter = orthodox_easter (year);
  date = g_date_new_dmy (day, month, year);
  if (is_fixed_day_off (date, easter))
    return TRUE;

  /* a state holiday on a Sunday: the first working day after it is off
   * (15-16 February 2026, a Sunday and a Monday: Tuesday the 17th) */
  for (guint i = 0; i < G_N_ELEMENTS (state_holidays); i++)
    {
      g_autoptr(GDate) moved = g_date_new_dmy (state_holidays[i].day, state_holidays[i].month, year);

      if (g_date_get_weekday (moved) != G_DATE_SUNDAY)
        continue;
      do
        g_date_add_days (moved, 1);
      while (g_date_get_weekday (moved) >= G_DATE_SATURDAY || is_fixed_day_off (moved, easter));
      if (g_date_compare (moved, date) == 0)
        return TRUE;
    }

  return FALSE;
}

gboolean
lin_hours_get_always (const LinHours *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->always;
}

/**
 * lin_hours_get_day_name:
 * @day: 0 (Monday) to 6 (Sunday)
 *
 * Returns: (transfer none): the day's short name in the user's language,
 *   "Mon" (GLib's "%a" would give it in the C locale's English)
 */
const char *
lin_hours_get_day_name (guint day)
{
  g_return_val_if_fail (day < N_DAYS, NULL);

  return day_label (day, TRUE);
}

/**
 * lin_hours_get_month_name:
 * @month: 1 (January) to 12 (December), as #GDateMonth counts
 *
 * Returns: (transfer none): the month's name in the user's language,
 *   "March" (GLib's "%B" would give it in the C locale's English)
 */
const char *
lin_hours_get_month_name (guint month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "month name", month_names[month - 1]);
}

/**
 * lin_hours_get_day_code:
 * @day: 0 (Monday) to 6 (Sunday)
 *
 * Returns: (transfer none): the day as the hours' text writes it, "mon"
 */
const char *
lin_hours_get_day_code (guint day)
{
  g_return_val_if_fail (day < N_DAYS, NULL);

  return day_codes[day];
}

/**
 * lin_hours_get_span:
 * @self: hours
 * @day: 0 (Monday) to 6 (Sunday)
 * @i: which span of the day, from 0, in order
 * @start: (out) (optional): its start, in minutes after midnight
 * @end: (out) (optional): its end, in minutes after the day's midnight:
 *   past 1440 (24:00) when it runs into the next day
 *
 * The spans of one day, for an editor that shows the hours day by day;
 * 24/7 has none (lin_hours_get_always()).
 *
 * Returns: whether the day has an @i-th span
 */
gboolean
lin_hours_get_span (const LinHours *self,
                    guint           day,
                    guint           i,
                    guint          *start,
                    guint          *end)
{
  const Span *span;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (day < N_DAYS, FALSE);

  if (self->always || i >= self->days[day]->len)
    return FALSE;

  span = &g_array_index (self->days[day], Span, i);
  if (start != NULL)
    *start = span->start;
  if (end != NULL)
    *end = span->end;

  return TRUE;
}

/**
 * lin_hours_is_open_at:
 * @self: hours
 * @when: an instant
 * @zone: the time zone the hours are in (Europe/Belgrade)
 *
 * Returns: whether the service is open at @when: its local time in @zone
 *   falls in a span of that day, or in a span of the day before that runs
 *   past midnight
 */
gboolean
lin_hours_is_open_at (const LinHours *self,
                      GDateTime      *when,
                      GTimeZone      *zone)
{
  g_autoptr(GDateTime) local = NULL;
  guint day, minute;
  const GArray *today, *yesterday;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (when != NULL && zone != NULL, FALSE);

  if (self->always)
    return TRUE;

  local = g_date_time_to_timezone (when, zone);
  day = g_date_time_get_day_of_week (local) - 1;
  minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);

  today = self->days[day];
  for (guint i = 0; i < today->len; i++)
    if (g_array_index (today, Span, i).start <= minute && minute < g_array_index (today, Span, i).end)
      return TRUE;

  yesterday = self->days[(day + N_DAYS - 1) % N_DAYS];
  for (guint i = 0; i < yesterday->len; i++)
    if (minute + DAY_MINUTES < g_array_index (yesterday, Span, i).end)
      return TRUE;

  return FALSE;
}


/**
 * lin_hours_dup_display:
 * @self: hours
 *
 * Returns: (transfer full): the hours for people, translated, a line for
 *   each group of days with the same spans: "Mon–Fri 08:00–16:00"
 */
char *
lin_hours_dup_display (const LinHours *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->always)
    /* Translators: the opening hours of a service that never closes */
    return g_strdup (_("Open day and night, every day"));

  out = g_string_new (NULL);
  append_groups (self, TRUE, out);
  if (out->len == 0)
    /* Translators: the opening hours of a service that is never open */
    g_string_append (out, _("Closed"));

  return g_string_free (out, FALSE);
}
