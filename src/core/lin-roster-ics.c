/* lin-roster-ics.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster as iCalendar (RFC 5545), written by libical: one VEVENT for
 * each assignment, so that a counsellor's calendar shows her shifts.
 *
 * An event's UID is its assignment's "uid" (plus "@linija" when it has no
 * '@'), made once when she was assigned: exporting again updates the
 * events a calendar holds instead of adding them twice. Its SEQUENCE is
 * the assignment's "sequence". A shift no one is on has no assignment,
 * so no UID, and is not exported.
 *
 * Times are local wall-clock times with TZID=Europe/Belgrade, and the
 * calendar carries that zone's VTIMEZONE from libical's zone data (on
 * Debian, /usr/share/zoneinfo), its TZID shortened to the plain name. A
 * wall-clock time that names two instants (02:30 of an October night,
 * which readers resolve differently) is written in UTC instead.
 *
 * An event holds the line's name, the counsellor's alias and the times:
 * the roster knows nothing of calls, and neither does its calendar.
 */

#define G_LOG_DOMAIN "lin-roster-ics"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <string.h>

#include "lin-call.h"
#include "lin-roster-ics.h"

#define PRODID "-//Linija//Roster//EN"

/* The zone libical knows, and its VTIMEZONE under the plain TZID */
static icaltimezone *
get_zone (icalcomponent **vtimezone,
          GError        **error)
{
  icaltimezone *zone = icaltimezone_get_builtin_timezone (LIN_CALL_TIME_ZONE);
  icalcomponent *component = zone != NULL ? icaltimezone_get_component (zone) : NULL;
  icalproperty *tzid;

  if (component == NULL)
    {
      g_set_error (error, LIN_ROSTER_ERROR, LIN_ROSTER_ERROR_INVALID,
                   "No time zone data for %s", LIN_CALL_TIME_ZONE);
      return NULL;
    }

  *vtimezone = icalcomponent_new_clone (component);
  tzid = icalcomponent_get_first_property (*vtimezone, ICAL_TZID_PROPERTY);
  if (tzid != NULL)
    icalproperty_set_tzid (tzid, LIN_CALL_TIME_ZONE);
  else
    icalcomponent_add_property (*vtimezone, icalproperty_new_tzid (LIN_CALL_TIME_ZONE));

  return zone;
}

static gint64
offset_at (gint64 instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, lin_call_get_time_zone ());

  return g_date_time_get_utc_offset (local) / G_TIME_SPAN_SECOND;
}

/* Whether another instant has the same wall-clock time as @instant: the
 * repeated hour of an October night. RFC 5545 reads such a time as its
 * first occurrence, libical and Python's icalendar as its second. */
static gboolean
is_ambiguous (gint64 instant)
{
  gint64 wall = instant + offset_at (instant);
  /* DST changes are months apart: the offsets around are the only others */
  gint64 offsets[] = { offset_at (instant - 3 * 3600), offset_at (instant + 3 * 3600) };

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    if (wall - offsets[i] != instant && offset_at (wall - offsets[i]) == offsets[i])
      return TRUE;

  return FALSE;
}

/* DTSTART or DTEND of @instant: Belgrade's wall-clock time, or UTC where
 * that time is ambiguous */
static icalproperty *
time_property (icalproperty_kind  kind,
               gint64             instant,
               icaltimezone      *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, lin_call_get_time_zone ());
  gboolean in_utc = is_ambiguous (instant);
  struct icaltimetype time = icaltime_null_time ();
  icalproperty *property;

  if (in_utc)
    time = icaltime_from_timet_with_zone ((time_t)instant, 0, icaltimezone_get_utc_timezone ());
  else
    {
      time.year = g_date_time_get_year (local);
      time.month = g_date_time_get_month (local);
      time.day = g_date_time_get_day_of_month (local);
      time.hour = g_date_time_get_hour (local);
      time.minute = g_date_time_get_minute (local);
      time.second = g_date_time_get_second (local);
      time.zone = zone;
    }

  property = kind == ICAL_DTSTART_PROPERTY ? icalproperty_new_dtstart (time) : icalproperty_new_dtend (time);
  if (!in_utc)
    icalproperty_add_parameter (property, icalparameter_new_tzid (LIN_CALL_TIME_ZONE));

  return property;
}

static char *
dup_uid (LinRecord *assignment)
{
  const char *uid = lin_record_get_string (assignment, LIN_ASSIGNMENT_FIELD_UID);

  /* an assignment older than its "uid": its record id is as stable */
  if (uid == NULL || *uid == '\0')
    uid = lin_record_get_id_string (assignment);

  if (strchr (uid, '@') != NULL)
    return g_strdup (uid);

  return g_strconcat (uid, "@linija", NULL);
}

static char *
dup_summary (LinRoster *roster,
             int        line,
             int        person,
             gboolean   with_alias)
{
  const char *name = lin_record_get_string (lin_roster_get_line (roster, line), LIN_LINE_FIELD_NAME);
  const char *alias = lin_record_get_string (lin_roster_get_person (roster, person), LIN_PERSON_FIELD_ALIAS);

  if (name == NULL)
    name = "";

  if (!with_alias || alias == NULL)
    /* Translators: an event's title in a counsellor's calendar; %s is a
     * line's name, "SOS line" */
    return g_strdup_printf (_("%s: shift"), name);

  /* Translators: an event's title in a calendar of everyone's shifts;
   * %1$s is a line's name, "SOS line", %2$s the alias of the counsellor
   * on the shift */
  return g_strdup_printf (_("%1$s: shift, %2$s"), name, alias);
}

static icalcomponent *
new_event (LinRoster           *roster,
           guint                shift,
           LinRecord           *assignment,
           int                  person,
           gboolean             with_alias,
           struct icaltimetype  stamp,
           icaltimezone        *zone)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  g_autofree char *uid = dup_uid (assignment);
  g_autofree char *summary = dup_summary (roster, lin_roster_shift_get_line (roster, shift), person, with_alias);
  JsonObject *fields = lin_record_get_fields (assignment);
  gint64 sequence = json_object_get_int_member_with_default (fields, LIN_ASSIGNMENT_FIELD_SEQUENCE, 0);

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_sequence (CLAMP (sequence, 0, G_MAXINT)));
  icalcomponent_add_property (event, time_property (ICAL_DTSTART_PROPERTY,
                                                    lin_roster_shift_get_start (roster, shift), zone));
  icalcomponent_add_property (event, time_property (ICAL_DTEND_PROPERTY,
                                                    lin_roster_shift_get_end (roster, shift), zone));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_status (lin_roster_shift_is_cancelled (roster, shift)
                                                              ? ICAL_STATUS_CANCELLED
                                                              : ICAL_STATUS_CONFIRMED));

  return event;
}

/**
 * lin_roster_export_ics:
 * @roster: a roster
 * @person_id: (nullable): only this person's shifts
 * @line_id: (nullable): only the shifts of this line
 * @now: when the export is made: every event's DTSTAMP
 * @error: return location for a #GError
 *
 * Writes one VEVENT for each assignment (the person's, the line's, or
 * all), cancelled shifts' with STATUS:CANCELLED. A shift no one is on is
 * left out: without an assignment it has no UID to keep.
 *
 * Returns: (transfer full): the iCalendar text, or %NULL with @error set
 *   when @person_id or @line_id is not in the roster or the system has no
 *   data for Europe/Belgrade
 */
char *
lin_roster_export_ics (LinRoster   *roster,
                       const char  *person_id,
                       const char  *line_id,
                       GDateTime   *now,
                       GError     **error)
{
  icalcomponent *calendar, *vtimezone = NULL;
  struct icaltimetype stamp;
  icaltimezone *zone;
  int person = -1, line = -1;
  char *ical, *text;

  g_return_val_if_fail (roster != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (person_id != NULL && (person = lin_roster_find_person (roster, person_id)) < 0)
    {
      g_set_error (error, LIN_ROSTER_ERROR, LIN_ROSTER_ERROR_INVALID, "No person %s in the roster", person_id);
      return NULL;
    }
  if (line_id != NULL && (line = lin_roster_find_line (roster, line_id)) < 0)
    {
      g_set_error (error, LIN_ROSTER_ERROR, LIN_ROSTER_ERROR_INVALID, "No line %s in the roster", line_id);
      return NULL;
    }

  zone = get_zone (&vtimezone, error);
  if (zone == NULL)
    return NULL;

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  icalcomponent_add_component (calendar, vtimezone);

  stamp = icaltime_from_timet_with_zone ((time_t)g_date_time_to_unix (now), 0, icaltimezone_get_utc_timezone ());

  for (guint s = 0; s < lin_roster_get_n_shifts (roster); s++)
    {
      if (line >= 0 && lin_roster_shift_get_line (roster, s) != line)
        continue;

      for (guint a = 0; a < lin_roster_shift_get_n_assigned (roster, s); a++)
        {
          LinRecord *assignment = lin_roster_shift_get_assignment (roster, s, a);
          int on_shift = lin_roster_assignment_get_person (roster, assignment);

          if (person >= 0 && on_shift != person)
            continue;
          icalcomponent_add_component (calendar, new_event (roster, s, assignment, on_shift, person < 0, stamp, zone));
        }
    }

  /* libical's memory is not GLib's */
  ical = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  text = g_strdup (ical);
  icalmemory_free_buffer (ical);

  return text;
}
