/* lin-call-ui.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lin-call-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lin-call-ui.h"
#include "lin-places.h"

/**
 * lin_call_ui_time:
 * @iso8601: (nullable): a time as records store it
 *
 * Returns: (transfer full): the date and time to show, in Belgrade's
 *   time, or an empty string
 */
char *
lin_call_ui_time (const char *iso8601)
{
  g_autoptr(GDateTime) time = lin_call_parse_time (iso8601);

  if (time == NULL)
    return g_strdup ("");

  /* Translators: the date and time of a call or follow-up, a
   * g_date_time_format() format with numbers only (month names would
   * come from the system's locale, not from Linija's language), e.g.
   * "%d. %m. %Y. %H:%M" */
  return g_date_time_format (time, _("%Y-%m-%d %H:%M"));
}

/**
 * lin_call_ui_parse_due:
 * @date: (nullable): a follow-up's date as she writes it: "2026-11-27" or
 *   "27.11.2026."
 * @time: (nullable): its time, "18:30" or "18.30"; midnight when empty
 *
 * Returns: (transfer full) (nullable): the time in Belgrade, or %NULL when
 *   they are not a date and a time
 */
GDateTime *
lin_call_ui_parse_due (const char *date,
                       const char *time)
{
  int y = 0, m = 0, d = 0, hh = 0, mm = 0;
  char end = 0;

  if (date == NULL || *date == '\0')
    return NULL;

  if (sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 &&
      sscanf (date, "%2d.%2d.%4d%c", &d, &m, &y, &end) < 3)
    return NULL;
  if (end != 0 && end != '.')
    return NULL;

  end = 0;
  if (time != NULL && *time != '\0' &&
      sscanf (time, "%2d:%2d%c", &hh, &mm, &end) != 2 &&
      sscanf (time, "%2d.%2d%c", &hh, &mm, &end) != 2)
    return NULL;

  return g_date_time_new (lin_call_get_time_zone (), y, m, d, hh, mm, 0);
}

/**
 * lin_call_ui_due_examples:
 * @date_entry: the entry of a follow-up's date
 * @time_entry: the entry of its time
 *
 * Shows in them, as placeholders, how she writes a date and a time: the
 * date of tomorrow in Belgrade, and 18:00.
 */
void
lin_call_ui_due_examples (GtkWidget *date_entry,
                          GtkWidget *time_entry)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *example = g_date_time_format (tomorrow, "%Y-%m-%d");

  gtk_entry_set_placeholder_text (GTK_ENTRY (date_entry), example);
  gtk_entry_set_placeholder_text (GTK_ENTRY (time_entry), "18:00");
}

/**
 * lin_call_ui_place:
 * @code: (nullable): a municipality's or district's code
 *
 * Returns: (nullable): its name in the script of the user's language, or
 *   @code itself when the places do not know it
 */
const char *
lin_call_ui_place (const char *code)
{
  const LinPlace *place = code != NULL ? lin_places_lookup (code) : NULL;

  if (place == NULL)
    return code;

  return lin_place_get_name (place, lin_places_use_latin ());
}

/**
 * lin_call_ui_risk_label:
 * @level: a risk level
 *
 * Returns: the level as a badge and the log's filter name it: "High
 *   risk", not just "High"
 */
const char *
lin_call_ui_risk_label (LinRiskLevel level)
{
  switch (level)
    {
    case LIN_RISK_LEVEL_STANDARD:
      return _("Standard risk");

    case LIN_RISK_LEVEL_MEDIUM:
      return _("Medium risk");

    case LIN_RISK_LEVEL_HIGH:
      return _("High risk");

    case LIN_RISK_LEVEL_NONE:
    default:
      return "";
    }
}

