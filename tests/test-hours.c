/* test-hours.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening hours: the text form read and written back in its shortest
 * form; every kind of bad hours refused with its reason; "open now" in
 * Europe/Belgrade on ordinary days, across midnight, and on the nights of
 * 2026's two clock changes (29 March, 25 October), where a night line's
 * 20:00-08:00 lasts 11 and 13 hours; Serbia's public holidays, Orthodox
 * Easter and the days off moved from a Sunday included.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call.h"
#include "lin-hours.h"

static GTimeZone *belgrade;

/* Helpers */

static LinHours *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  LinHours *hours = lin_hours_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hours);

  return hours;
}

/* an instant given as UTC */
static GDateTime *
utc (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  return g_date_time_new_utc (year, month, day, hour, minute, 0);
}

static gboolean
open_at_utc (const LinHours *hours,
             int             month,
             int             day,
             int             hour,
             int             minute)
{
  g_autoptr(GDateTime) when = utc (2026, month, day, hour, minute);

  return lin_hours_is_open_at (hours, when, belgrade);
}

/* The minutes open from two hours before @from to two hours after @to,
 * minute by minute in real time */
static guint
open_minutes_between (const LinHours *hours,
                      GDateTime      *from,
                      GDateTime      *to)
{
  gint64 start = g_date_time_to_unix (from) - 2 * 3600;
  gint64 end = g_date_time_to_unix (to) + 2 * 3600;
  guint n = 0;

  for (gint64 s = start; s < end; s += 60)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (s);

      n += lin_hours_is_open_at (hours, when, belgrade);
    }

  return n;
}

/* Tests */

static void
test_round_trip (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "24/7", "24/7" },
    { "  24/7 ", "24/7" },
    { "closed", "closed" },
    { "mon-fri 08:00-16:00", "mon-fri 08:00-16:00" },
    { "mon 8:00-16:00; tue 08:00-16:00; wed-fri 08:00-16:00", "mon-fri 08:00-16:00" },
    { "sat 09:00-13:00; mon-fri 16:00-20:00, 08:00-12:00",
      "mon-fri 08:00-12:00, 16:00-20:00; sat 09:00-13:00" },
    { "fri-mon 20:00-08:00", "mon 20:00-08:00; fri-sun 20:00-08:00" },
    { "mon-sun 00:00-24:00", "24/7" },
    { "MON-FRI 08:00-16:00; sun Closed", "mon-fri 08:00-16:00" },
    { "mon-sun closed", "closed" },
    { "tue 22:00-02:00; thu 00:00-24:00", "tue 22:00-02:00; thu 00:00-24:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LinHours) hours = parse (cases[i].in);
      g_autofree char *text = lin_hours_to_string (hours);
      g_autoptr(LinHours) again = parse (text);
      g_autofree char *text_again = lin_hours_to_string (again);

      g_assert_cmpstr (text, ==, cases[i].out);
      g_assert_cmpstr (text_again, ==, text);
    }
}

/* day by day, as the directory's editor shows them */
static void
test_spans (void)
{
  g_autoptr(LinHours) hours = parse ("mon-fri 16:00-20:00, 08:00-12:00; sat 22:00-02:00");
  g_autoptr(LinHours) always = parse ("24/7");
  guint start = 0, end = 0;

  g_assert_true (lin_hours_get_span (hours, 0, 0, &start, &end));
  g_assert_cmpuint (start, ==, 8 * 60);
  g_assert_cmpuint (end, ==, 12 * 60);
  g_assert_true (lin_hours_get_span (hours, 4, 1, &start, &end));
  g_assert_cmpuint (start, ==, 16 * 60);
  g_assert_cmpuint (end, ==, 20 * 60);
  g_assert_false (lin_hours_get_span (hours, 4, 2, NULL, NULL));

  /* past midnight: the end runs into Sunday */
  g_assert_true (lin_hours_get_span (hours, 5, 0, &start, &end));
  g_assert_cmpuint (start, ==, 22 * 60);
  g_assert_cmpuint (end, ==, 26 * 60);
  g_assert_false (lin_hours_get_span (hours, 6, 0, NULL, NULL));

  g_assert_false (lin_hours_get_span (always, 0, 0, NULL, NULL));
  g_assert_cmpstr (lin_hours_get_day_code (0), ==, "mon");
  g_assert_cmpstr (lin_hours_get_day_code (LIN_HOURS_N_DAYS - 1), ==, "sun");
}

static void
test_bad (void)
{
  static const struct { const char *in, *message; } cases[] = {
    { "", "The opening hours are empty: write 24/7, closed, or the days and their hours." },
    { "   ", "The opening hours are empty: write 24/7, closed, or the days and their hours." },
    { "mon-fir 08:00-16:00", "“mon-fir” is not a day: write mon, tue, wed, thu, fri, sat or sun." },
    { "monday 08:00-16:00", "“monday” is not a day: write mon, tue, wed, thu, fri, sat or sun." },
    { "mon-fri", "“mon-fri” has no hours: write them as mon-fri 08:00-16:00, or closed." },
    { "mon 8-16", "“8” is not a time: write it as 08:00." },
    { "mon 25:00-26:00", "“25:00” is not a time: write it as 08:00." },
    { "mon 08:60-09:00", "“08:60” is not a time: write it as 08:00." },
    { "mon 24:00-08:00", "“24:00” is not a time: write it as 08:00." },
    { "mon 08:00", "“08:00” is not a span of time: write it as 08:00-16:00." },
    { "mon 08:00-12:00-16:00", "“08:00-12:00-16:00” is not a span of time: write it as 08:00-16:00." },
    { "mon 08:00-08:00", "“08:00-08:00” is a span of no time." },
    { "mon 08:00-12:00, 11:00-16:00", "The spans of “mon 08:00-12:00, 11:00-16:00” overlap." },
    { "mon-fri 08:00-16:00; wed 18:00-20:00", "The day “wed” is given twice." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LinHours) hours = lin_hours_parse (cases[i].in, &error);

      g_assert_null (hours);
      g_assert_error (error, LIN_HOURS_ERROR, LIN_HOURS_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_open_now (void)
{
  /* 2026-11-25 is a Wednesday; Belgrade is UTC+1 in winter */
  g_autoptr(LinHours) office = parse ("mon-fri 08:00-16:00; sat 09:00-13:00");
  g_autoptr(LinHours) always = parse ("24/7");
  g_autoptr(LinHours) closed = parse ("closed");

  g_assert_false (open_at_utc (office, 11, 25, 6, 59));  /* 07:59 */
  g_assert_true (open_at_utc (office, 11, 25, 7, 0));    /* 08:00 */
  g_assert_true (open_at_utc (office, 11, 25, 14, 59));  /* 15:59 */
  g_assert_false (open_at_utc (office, 11, 25, 15, 0));  /* 16:00 */
  g_assert_true (open_at_utc (office, 11, 28, 8, 30));   /* Saturday 09:30 */
  g_assert_false (open_at_utc (office, 11, 29, 8, 30));  /* Sunday */
  /* in summer Belgrade is UTC+2 */
  g_assert_true (open_at_utc (office, 7, 1, 6, 0));      /* Wednesday 08:00 */
  g_assert_false (open_at_utc (office, 7, 1, 5, 59));

  g_assert_true (open_at_utc (always, 11, 29, 3, 0));
  g_assert_false (open_at_utc (closed, 11, 25, 10, 0));
}

static void
test_across_midnight (void)
{
  /* a night line on Fridays and Saturdays: open into Saturday and Sunday
   * morning, not into Friday morning */
  g_autoptr(LinHours) nights = parse ("fri-sat 20:00-08:00");
  g_autoptr(LinHours) late = parse ("tue 22:00-02:00");

  g_assert_false (open_at_utc (nights, 11, 27, 6, 0));   /* Friday 07:00 */
  g_assert_true (open_at_utc (nights, 11, 27, 19, 0));   /* Friday 20:00 */
  g_assert_true (open_at_utc (nights, 11, 27, 23, 30));  /* Saturday 00:30 */
  g_assert_true (open_at_utc (nights, 11, 28, 6, 59));   /* Saturday 07:59 */
  g_assert_false (open_at_utc (nights, 11, 28, 7, 0));   /* Saturday 08:00 */
  g_assert_true (open_at_utc (nights, 11, 29, 6, 0));    /* Sunday 07:00 */
  g_assert_false (open_at_utc (nights, 11, 29, 19, 0));  /* Sunday 20:00 */

  g_assert_true (open_at_utc (late, 11, 24, 21, 0));     /* Tuesday 22:00 */
  g_assert_true (open_at_utc (late, 11, 25, 0, 59));     /* Wednesday 01:59 */
  g_assert_false (open_at_utc (late, 11, 25, 1, 0));     /* Wednesday 02:00 */
}

static void
test_clock_changes (void)
{
  /* the nights of 28→29 March (CET→CEST at 02:00 local) and 24→25
   * October (CEST→CET at 03:00 local), a Saturday night each */
  g_autoptr(LinHours) night = parse ("sat 20:00-08:00");
  g_autoptr(GDateTime) opens_march = utc (2026, 3, 28, 19, 0);    /* 20:00 CET */
  g_autoptr(GDateTime) closes_march = utc (2026, 3, 29, 6, 0);    /* 08:00 CEST */
  g_autoptr(GDateTime) opens_october = utc (2026, 10, 24, 18, 0); /* 20:00 CEST */
  g_autoptr(GDateTime) closes_october = utc (2026, 10, 25, 7, 0); /* 08:00 CET */

  /* March: open from 19:00 UTC to 06:00 UTC, 11 hours; the local hour
   * 02:00-03:00 that does not exist changes nothing */
  g_assert_false (open_at_utc (night, 3, 28, 18, 59));
  g_assert_true (open_at_utc (night, 3, 29, 0, 59));   /* 01:59 CET */
  g_assert_true (open_at_utc (night, 3, 29, 1, 0));    /* 03:00 CEST */
  g_assert_true (open_at_utc (night, 3, 29, 5, 59));   /* 07:59 CEST */
  g_assert_false (open_at_utc (night, 3, 29, 6, 0));   /* 08:00 CEST */
  g_assert_cmpuint (open_minutes_between (night, opens_march, closes_march), ==, 11 * 60);
  g_assert_cmpint (g_date_time_difference (closes_march, opens_march), ==, 11 * G_TIME_SPAN_HOUR);

  /* October: open from 18:00 UTC to 07:00 UTC, 13 hours, the local hour
   * 02:00-03:00 open both times it comes */
  g_assert_false (open_at_utc (night, 10, 24, 17, 59));
  g_assert_true (open_at_utc (night, 10, 25, 0, 30));  /* 02:30 CEST */
  g_assert_true (open_at_utc (night, 10, 25, 1, 30));  /* 02:30 CET */
  g_assert_true (open_at_utc (night, 10, 25, 6, 59));  /* 07:59 CET */
  g_assert_false (open_at_utc (night, 10, 25, 7, 0));  /* 08:00 CET */
  g_assert_cmpuint (open_minutes_between (night, opens_october, closes_october), ==, 13 * 60);
  g_assert_cmpint (g_date_time_difference (closes_october, opens_october), ==, 13 * G_TIME_SPAN_HOUR);
}

static void
test_holidays (void)
{
  static const struct { int year, month, day; gboolean off; } days[] = {
    { 2026, 1, 1, TRUE }, { 2026, 1, 2, TRUE }, { 2026, 1, 3, FALSE }, { 2026, 1, 7, TRUE },
    /* 15 February 2026 is a Sunday, the 16th a holiday anyway: the 17th is off */
    { 2026, 2, 15, TRUE }, { 2026, 2, 16, TRUE }, { 2026, 2, 17, TRUE }, { 2026, 2, 18, FALSE },
    /* Orthodox Easter 2026: 12 April; Good Friday to Easter Monday */
    { 2026, 4, 9, FALSE }, { 2026, 4, 10, TRUE }, { 2026, 4, 11, TRUE }, { 2026, 4, 12, TRUE },
    { 2026, 4, 13, TRUE }, { 2026, 4, 14, FALSE },
    { 2026, 5, 1, TRUE }, { 2026, 5, 2, TRUE }, { 2026, 5, 4, FALSE },
    { 2026, 11, 11, TRUE }, { 2026, 11, 12, FALSE }, { 2026, 11, 25, FALSE },
    /* 2027: Easter on 2 May, a Sunday and a state holiday; Easter Monday
     * is off already, so the day moved from the Sunday is Tuesday the 4th */
    { 2027, 4, 30, TRUE }, { 2027, 5, 1, TRUE }, { 2027, 5, 2, TRUE }, { 2027, 5, 3, TRUE },
    { 2027, 5, 4, TRUE }, { 2027, 5, 5, FALSE },
    /* 2023: 1 January a Sunday, the 2nd a holiday: the 3rd is off */
    { 2023, 1, 3, TRUE }, { 2023, 1, 4, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    if (lin_hours_is_holiday (days[i].year, days[i].month, days[i].day) != days[i].off)
      g_error ("%04d-%02d-%02d should %sbe a holiday", days[i].year, days[i].month, days[i].day,
               days[i].off ? "" : "not ");
}

/* The months' names, January first, as GDateMonth counts */
static void
test_month_names (void)
{
  g_assert_cmpstr (lin_hours_get_month_name (G_DATE_JANUARY), ==, "January");
  g_assert_cmpstr (lin_hours_get_month_name (G_DATE_MARCH), ==, "March");
  g_assert_cmpstr (lin_hours_get_month_name (G_DATE_DECEMBER), ==, "December");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  belgrade = lin_call_get_time_zone ();
  if (g_time_zone_get_identifier (belgrade) == NULL ||
      g_strcmp0 (g_time_zone_get_identifier (belgrade), "Europe/Belgrade") != 0)
    g_error ("test-hours needs the Europe/Belgrade time zone (tzdata)");

  g_test_add_func ("/hours/round-trip", test_round_trip);
  g_test_add_func ("/hours/spans", test_spans);
  g_test_add_func ("/hours/bad", test_bad);
  g_test_add_func ("/hours/open-now", test_open_now);
  g_test_add_func ("/hours/across-midnight", test_across_midnight);
  g_test_add_func ("/hours/clock-changes", test_clock_changes);
  g_test_add_func ("/hours/holidays", test_holidays);
  g_test_add_func ("/hours/month-names", test_month_names);

  return g_test_run ();
}
