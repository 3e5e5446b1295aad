/* test-roster-ics.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster's iCalendar export on a hand-built roster with shifts on the
 * two DST nights of 2026 in Europe/Belgrade (28-29 March and 24-25
 * October, 20:00-08:00), a cancelled shift, a shift starting in the
 * repeated hour of the October night and a shift no one is on. The text
 * is read back by libical and by a second, independent reader, Python's
 * icalendar (tests/ics-check.py, Debian's python3-icalendar): every
 * event's start and end in UTC is the shift's instant to the second.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <string.h>

#include "lin-roster-ics.h"
#include "lin-roster-test-utils.h"

#define PYTHON "/usr/bin/python3"

/* What an event of an assignment must say */
typedef struct
{
  LinRecord  *assignment;
  const char *start;       /* UTC */
  const char *end;
  gboolean    cancelled;
  gint64      sequence;
  const char *summary;     /* with the alias */
} Expected;

typedef struct
{
  GPtrArray *records;
  LinRoster *roster;
  LinRecord *ana;
  LinRecord *mila;
  LinRecord *sos;
  LinRecord *romani;
  Expected   events[5];
} Fixture;

static LinRecord *
assign (Fixture    *fixture,
        guint       i,
        LinRecord  *shift,
        LinRecord  *person,
        gint64      sequence,
        const char *start,
        const char *end,
        const char *summary)
{
  LinRecord *assignment = lin_roster_new_assignment (shift, person);

  json_object_set_int_member (lin_record_get_fields (assignment), LIN_ASSIGNMENT_FIELD_SEQUENCE, sequence);
  g_ptr_array_add (fixture->records, assignment);
  fixture->events[i] = (Expected) {
    assignment, start, end,
    json_object_get_boolean_member_with_default (lin_record_get_fields (shift), LIN_SHIFT_FIELD_CANCELLED, FALSE),
    sequence, summary,
  };

  return assignment;
}

static void
fixture_init (Fixture *fixture)
{
  LinRecord *march, *october, *cancelled, *repeated;

  fixture->records = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->ana = lin_roster_test_person (fixture->records, "Ana", NULL);
  fixture->mila = lin_roster_test_person (fixture->records, "Mila", NULL);
  fixture->sos = lin_roster_test_line (fixture->records, "SOS line", NULL);
  fixture->romani = lin_roster_test_line (fixture->records, "Romani line", NULL);

  /* 11 hours, then 13 */
  march = lin_roster_test_shift (fixture->records, fixture->sos,
                                 "2026-03-28T20:00:00+01:00", "2026-03-29T08:00:00+02:00", 1);
  october = lin_roster_test_shift (fixture->records, fixture->sos,
                                   "2026-10-24T20:00:00+02:00", "2026-10-25T08:00:00+01:00", 1);
  cancelled = lin_roster_test_shift (fixture->records, fixture->sos,
                                     "2026-04-01T08:00:00+02:00", "2026-04-01T20:00:00+02:00", 1);
  json_object_set_boolean_member (lin_record_get_fields (cancelled), LIN_SHIFT_FIELD_CANCELLED, TRUE);
  /* the second 02:30 of 25 October, which wall-clock time cannot say */
  repeated = lin_roster_test_shift (fixture->records, fixture->romani,
                                    "2026-10-25T02:30:00+01:00", "2026-10-25T06:00:00+01:00", 1);
  /* no one on it: not exported */
  lin_roster_test_shift (fixture->records, fixture->sos, "2026-05-01T08:00:00+02:00", "2026-05-01T20:00:00+02:00", 1);

  assign (fixture, 0, march, fixture->ana, 0, "2026-03-28T19:00:00Z", "2026-03-29T06:00:00Z", "SOS line: shift, Ana");
  assign (fixture, 1, march, fixture->mila, 2, "2026-03-28T19:00:00Z", "2026-03-29T06:00:00Z", "SOS line: shift, Mila");
  assign (fixture, 2, october, fixture->ana, 1, "2026-10-24T18:00:00Z", "2026-10-25T07:00:00Z", "SOS line: shift, Ana");
  assign (fixture, 3, cancelled, fixture->mila, 3, "2026-04-01T06:00:00Z", "2026-04-01T18:00:00Z", "SOS line: shift, Mila");
  assign (fixture, 4, repeated, fixture->mila, 0, "2026-10-25T01:30:00Z", "2026-10-25T05:00:00Z", "Romani line: shift, Mila");

  fixture->roster = lin_roster_new (fixture->records);
}

static void
fixture_clear (Fixture *fixture)
{
  g_clear_pointer (&fixture->roster, lin_roster_unref);
  g_clear_pointer (&fixture->records, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

static GDateTime *
instant (const char *iso8601)
{
  return g_date_time_new_from_iso8601 (iso8601, NULL);
}

static char *
dup_uid (LinRecord *assignment)
{
  return g_strconcat (lin_record_get_string (assignment, LIN_ASSIGNMENT_FIELD_UID), "@linija", NULL);
}

static const Expected *
find_expected (Fixture    *fixture,
               const char *uid)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture->events); i++)
    {
      g_autofree char *expected = dup_uid (fixture->events[i].assignment);

      if (g_strcmp0 (expected, uid) == 0)
        return &fixture->events[i];
    }

  return NULL;
}

static char *
export (Fixture    *fixture,
        LinRecord  *person,
        LinRecord  *line,
        const char *now)
{
  g_autoptr(GDateTime) time = instant (now);
  g_autoptr(GError) error = NULL;
  char *text;

  text = lin_roster_export_ics (fixture->roster, person ? lin_record_get_id_string (person) : NULL,
                                line ? lin_record_get_id_string (line) : NULL, time, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);

  return text;
}

static char *
utc_text (struct icaltimetype time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_assert_false (icaltime_is_null_time (time));
  /* a local time must carry its zone: a floating time is no instant */
  g_assert_true (time.zone != NULL || icaltime_is_utc (time));
  utc = g_date_time_new_from_unix_utc (icaltime_as_timet_with_zone (time, time.zone));

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* The events of @text as libical reads them, checked against the fixture;
 * Returns: (transfer full): their UIDs, in order */
static GStrv
check_with_libical (Fixture    *fixture,
                    const char *text,
                    const char *now)
{
  g_autoptr(GStrvBuilder) uids = g_strv_builder_new ();
  g_autoptr(GDateTime) stamp_time = instant (now);
  g_autoptr(GDateTime) stamp_utc = g_date_time_to_utc (stamp_time);
  g_autofree char *stamp_expected = g_date_time_format (stamp_utc, "%Y-%m-%dT%H:%M:%SZ");
  icalcomponent *calendar = icalparser_parse_string (text);
  icalcomponent *zone;

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpstr (icalproperty_get_prodid (icalcomponent_get_first_property (calendar, ICAL_PRODID_PROPERTY)), ==,
                   "-//Linija//Roster//EN");
  g_assert_cmpstr (icalproperty_get_version (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY)), ==,
                   "2.0");
  g_assert_cmpint (icalcomponent_get_method (calendar), ==, ICAL_METHOD_PUBLISH);
  g_assert_nonnull (icalcomponent_get_first_property (calendar, ICAL_CALSCALE_PROPERTY));

  zone = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
  g_assert_nonnull (zone);
  g_assert_cmpstr (icalproperty_get_tzid (icalcomponent_get_first_property (zone, ICAL_TZID_PROPERTY)), ==,
                   "Europe/Belgrade");

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (event);
      const Expected *expected = find_expected (fixture, uid);
      g_autofree char *start = utc_text (icalcomponent_get_dtstart (event));
      g_autofree char *end = utc_text (icalcomponent_get_dtend (event));
      g_autofree char *stamp = utc_text (icalcomponent_get_dtstamp (event));

      g_assert_nonnull (expected);
      g_assert_cmpstr (start, ==, expected->start);
      g_assert_cmpstr (end, ==, expected->end);
      g_assert_cmpstr (stamp, ==, stamp_expected);
      g_assert_true (icaltime_is_utc (icalcomponent_get_dtstamp (event)));
      g_assert_cmpint (icalcomponent_get_sequence (event), ==, expected->sequence);
      /* the alias only in a calendar of more than one person */
      g_assert_true (g_str_has_prefix (expected->summary, icalcomponent_get_summary (event)));
      g_assert_cmpint (icalcomponent_get_status (event), ==,
                       expected->cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED);
      g_strv_builder_add (uids, uid);
    }

  icalcomponent_free (calendar);

  return g_strv_builder_end (uids);
}

/* Tests */

static void
test_export_all (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autofree char *text = NULL;
  g_auto(GStrv) uids = NULL;

  fixture_init (&fixture);
  text = export (&fixture, NULL, NULL, "2026-03-01T12:00:00+01:00");
  uids = check_with_libical (&fixture, text, "2026-03-01T12:00:00+01:00");

  /* every assignment once, by start; the empty shift is not there */
  g_assert_cmpuint (g_strv_length (uids), ==, 5);
  for (guint i = 0; uids[i] != NULL; i++)
    g_assert_false (g_strv_contains ((const char * const *)uids + i + 1, uids[i]));

  /* wall-clock times in Belgrade, the repeated hour in UTC */
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Belgrade:20260328T200000"));
  g_assert_nonnull (strstr (text, "DTEND;TZID=Europe/Belgrade:20260329T080000"));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Belgrade:20261024T200000"));
  g_assert_nonnull (strstr (text, "DTSTART:20261025T013000Z"));
  g_assert_nonnull (strstr (text, "DTSTAMP:20260301T110000Z"));
  g_assert_nonnull (strstr (text, "SUMMARY:SOS line: shift\\, Ana"));
  g_assert_null (strstr (text, "/freeassociation"));
}

static void
test_stable (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_auto(GStrv) first_uids = NULL;
  g_auto(GStrv) second_uids = NULL;

  fixture_init (&fixture);
  first = export (&fixture, NULL, NULL, "2026-03-01T12:00:00+01:00");
  second = export (&fixture, NULL, NULL, "2026-03-02T09:30:00+01:00");
  first_uids = check_with_libical (&fixture, first, "2026-03-01T12:00:00+01:00");
  second_uids = check_with_libical (&fixture, second, "2026-03-02T09:30:00+01:00");

  g_assert_true (g_strv_equal ((const char * const *)first_uids, (const char * const *)second_uids));
  g_assert_cmpstr (first, !=, second);
  g_assert_nonnull (strstr (second, "DTSTAMP:20260302T083000Z"));
}

static void
test_filters (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autofree char *ana = NULL;
  g_autofree char *romani = NULL;
  g_autofree char *mila_sos = NULL;
  g_autofree char *mila_uid = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) now = instant ("2026-03-01T12:00:00Z");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) mila_uids = NULL;
  g_auto(GStrv) romani_uids = NULL;
  g_auto(GStrv) mila_sos_uids = NULL;

  fixture_init (&fixture);

  /* her calendar: her two shifts, titled without her alias */
  ana = export (&fixture, fixture.ana, NULL, "2026-03-01T12:00:00Z");
  mila_uids = check_with_libical (&fixture, ana, "2026-03-01T12:00:00Z");
  g_assert_cmpuint (g_strv_length (mila_uids), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *uid = dup_uid (fixture.events[i * 2].assignment);

      g_assert_cmpstr (mila_uids[i], ==, uid);
    }
  g_assert_nonnull (strstr (ana, "SUMMARY:SOS line: shift\r\n"));
  g_assert_null (strstr (ana, "Mila"));

  romani = export (&fixture, NULL, fixture.romani, "2026-03-01T12:00:00Z");
  romani_uids = check_with_libical (&fixture, romani, "2026-03-01T12:00:00Z");
  g_assert_cmpuint (g_strv_length (romani_uids), ==, 1);
  mila_uid = dup_uid (fixture.events[4].assignment);
  g_assert_cmpstr (romani_uids[0], ==, mila_uid);

  /* both: Mila's on the SOS line, the cancelled one too */
  mila_sos = export (&fixture, fixture.mila, fixture.sos, "2026-03-01T12:00:00Z");
  mila_sos_uids = check_with_libical (&fixture, mila_sos, "2026-03-01T12:00:00Z");
  g_assert_cmpuint (g_strv_length (mila_sos_uids), ==, 2);
  g_assert_nonnull (strstr (mila_sos, "STATUS:CANCELLED"));

  /* no such person: an error, no text */
  text = lin_roster_export_ics (fixture.roster, lin_record_get_id_string (fixture.sos), NULL, now, &error);
  g_assert_error (error, LIN_ROSTER_ERROR, LIN_ROSTER_ERROR_INVALID);
  g_assert_null (text);
}

/* The second reader: Python's icalendar, through tests/ics-check.py */
static void
test_python (void)
{
  g_auto(Fixture) fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "ics-check.py", NULL);
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  /* not a skip: CI installs it, and a check that does not run proves nothing */
  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_fail_printf ("%s is missing; install python3 and python3-icalendar", PYTHON);
      return;
    }

  fixture_init (&fixture);
  text = export (&fixture, NULL, NULL, "2026-03-01T12:00:00Z");
  dir = g_dir_make_tmp ("linija-ics-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "roster.ics", NULL);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                           PYTHON, script, path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);

  if (!g_subprocess_get_successful (proc))
    {
      g_test_fail_printf ("ics-check.py failed (python3-icalendar installed?): %s", err);
      return;
    }

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++, n++)
    {
      g_auto(GStrv) columns = g_strsplit (lines[i], "\t", -1);
      const Expected *expected;

      g_assert_cmpuint (g_strv_length (columns), ==, 3);
      expected = find_expected (&fixture, columns[0]);
      g_assert_nonnull (expected);
      g_assert_cmpstr (columns[1], ==, expected->start);
      g_assert_cmpstr (columns[2], ==, expected->end);
    }
  g_assert_cmpuint (n, ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roster-ics/export/all", test_export_all);
  g_test_add_func ("/roster-ics/export/stable", test_stable);
  g_test_add_func ("/roster-ics/export/filters", test_filters);
  g_test_add_func ("/roster-ics/python", test_python);

  return g_test_run ();
}
