/* lin-service-ui.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the directory's screens say of a service, the same in the list, the
 * details and the call wizard's referral search: its place in the user's
 * script, its type, whether it is open now in Belgrade, and whether its
 * entry was checked within the last year.
 */

#define G_LOG_DOMAIN "lin-service-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lin-call.h"
#include "lin-codes.h"
#include "lin-directory.h"
#include "lin-hours.h"
#include "lin-places.h"
#include "lin-service-ui.h"

/**
 * lin_service_ui_place:
 * @fields: a service's fields
 *
 * Returns: (transfer full) (nullable): its municipality in the script of
 *   the user's language, with its city for a city municipality:
 *   "Medijana (Niš)"
 */
char *
lin_service_ui_place (JsonObject *fields)
{
  const char *code = json_object_get_string_member_with_default (fields, LIN_SERVICE_FIELD_MUNICIPALITY, NULL);
  const LinPlace *place = code != NULL ? lin_places_lookup (code) : NULL;
  gboolean latin = lin_places_use_latin ();

  if (place == NULL)
    return g_strdup (code);

  if (lin_place_get_kind (place) == LIN_PLACE_CITY_MUNICIPALITY && lin_place_get_city (place) != NULL)
    /* Translators: a city municipality and its city: "Medijana (Niš)" */
    return g_strdup_printf (_("%1$s (%2$s)"), lin_place_get_name (place, latin),
                            lin_place_get_name (lin_place_get_city (place), latin));

  return g_strdup (lin_place_get_name (place, latin));
}

/**
 * lin_service_ui_type:
 * @fields: a service's fields
 *
 * Returns: (nullable): its type's translated name
 */
const char *
lin_service_ui_type (JsonObject *fields)
{
  const char *type = json_object_get_string_member_with_default (fields, LIN_SERVICE_FIELD_TYPE, NULL);

  return type != NULL ? lin_code_label ("service-type", type) : NULL;
}

/**
 * lin_service_ui_open:
 * @fields: a service's fields
 * @now: the instant
 *
 * Returns: whether the service is open at @now, after its hours in
 *   Europe/Belgrade and its public holidays
 */
LinServiceOpen
lin_service_ui_open (JsonObject *fields,
                     GDateTime  *now)
{
  const char *text = json_object_get_string_member_with_default (fields, LIN_SERVICE_FIELD_HOURS, NULL);
  g_autoptr(LinHours) hours = text != NULL ? lin_hours_parse (text, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (hours == NULL)
    return LIN_SERVICE_OPEN_UNKNOWN;
  if (lin_hours_get_always (hours))
    return LIN_SERVICE_OPEN_ALWAYS;

  local = g_date_time_to_timezone (now, lin_call_get_time_zone ());
  if (json_object_get_boolean_member_with_default (fields, LIN_SERVICE_FIELD_HOLIDAYS_CLOSED, FALSE) &&
      lin_hours_is_holiday (g_date_time_get_year (local), g_date_time_get_month (local),
                            g_date_time_get_day_of_month (local)))
    return LIN_SERVICE_CLOSED_HOLIDAY;

  return lin_hours_is_open_at (hours, now, lin_call_get_time_zone ()) ? LIN_SERVICE_OPEN_NOW
                                                                     : LIN_SERVICE_CLOSED_NOW;
}

const char *
lin_service_ui_open_label (LinServiceOpen open)
{
  switch (open)
    {
    case LIN_SERVICE_OPEN_ALWAYS:
      /* Translators: a service that is open day and night */
      return _("Open 24/7");

    case LIN_SERVICE_OPEN_NOW:
      /* Translators: a service, at this moment */
      return _("Open now");

    case LIN_SERVICE_CLOSED_NOW:
      /* Translators: a service, at this moment */
      return _("Closed now");

    case LIN_SERVICE_CLOSED_HOLIDAY:
      /* Translators: a service that is closed on public holidays, today */
      return _("Closed today: public holiday");

    case LIN_SERVICE_OPEN_UNKNOWN:
    default:
      /* Translators: a service whose opening hours are not in the directory */
      return _("Hours not known");
    }
}

/**
 * lin_service_ui_parse_date:
 * @text: a date as the directory keeps it, YYYY-MM-DD
 * @date: (out caller-allocates): the date
 *
 * Reads @text without g_date_set_parse(), which guesses at the locale's
 * forms and took most of a result row's time.
 *
 * Returns: whether @text is a valid date
 */
gboolean
lin_service_ui_parse_date (const char *text,
                           GDate      *date)
{
  unsigned int y, m, d;
  char end;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) != 3 ||
      y < 1 || m < 1 || m > 12 || d < 1 || d > 31 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_set_dmy (date, d, m, y);

  return TRUE;
}

/**
 * lin_service_ui_is_stale:
 * @fields: a service's fields
 * @now: the instant
 *
 * Returns: whether no one checked the entry in the last
 *   %LIN_SERVICE_VERIFIED_DAYS days (or ever)
 */
gboolean
lin_service_ui_is_stale (JsonObject *fields,
                         GDateTime  *now)
{
  const char *verified = json_object_get_string_member_with_default (fields, "verified", NULL);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, lin_call_get_time_zone ());
  GDate date, today;

  if (verified == NULL)
    return TRUE;

  if (!lin_service_ui_parse_date (verified, &date))
    return TRUE;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));

  return g_date_days_between (&date, &today) > LIN_SERVICE_VERIFIED_DAYS;
}

/**
 * lin_service_ui_subtitle:
 * @fields: a service's fields
 * @now: the instant
 *
 * Returns: (transfer full): the line under a service's name in a list:
 *   "Shelter · Niš · Open 24/7"
 */
char *
lin_service_ui_subtitle (JsonObject *fields,
                         GDateTime  *now)
{
  g_autofree char *place = lin_service_ui_place (fields);
  const char *type = lin_service_ui_type (fields);
  const char *open = lin_service_ui_open_label (lin_service_ui_open (fields, now));

  /* Translators: under a service's name in the directory: its type, its
   * place and whether it is open now: "Shelter · Niš · Open 24/7" */
  return g_strdup_printf (_("%1$s · %2$s · %3$s"), type != NULL ? type : "", place != NULL ? place : "", open);
}
