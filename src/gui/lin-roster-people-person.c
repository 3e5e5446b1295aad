/* lin-roster-people-person.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The person editor of "People and Lines": her alias, role, skills,
 * limits, when she is away (every week, or on dates) and the days she
 * would or would rather not work, written in the formats of lin-roster.h
 * that the rules in lin-roster.c read.
 *
 * A weekly span is a day and two wall-clock times; one whose end is
 * before its start runs past midnight into the next day, as the roster
 * reads it, and the row says so. A span on dates is stored as two ISO
 * 8601 times with their Europe/Belgrade offsets, so that a night of a
 * clock change is neither lost nor counted twice.
 *
 * What the editor does not know is kept: a span it cannot read, a member
 * of a span it does not show, a day or a skill code a newer version
 * wrote, a role it has no name for.
 */

#define G_LOG_DOMAIN "lin-roster-people"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "lin-call.h"
#include "lin-roster-people-private.h"

#define MINUTES_DAY (24 * 60)

static const char * const role_codes[] = { "counsellor", "volunteer", "coordinator" };

typedef struct
{
  GtkWidget  *row;
  GtkWidget  *day;
  GtkWidget  *from;
  GtkWidget  *to;
  GtkWidget  *next_day;
  GtkWidget  *error;
  JsonObject *original;   /* the span as stored, with what else it holds */
} WeeklySpanRow;

typedef struct
{
  GtkWidget  *row;
  GtkWidget  *from_date;
  GtkWidget  *from_time;
  GtkWidget  *to_date;
  GtkWidget  *to_time;
  GtkWidget  *error;
  JsonObject *original;
} AwaySpanRow;

/* Helpers */

static void
weekly_row_free (gpointer data)
{
  WeeklySpanRow *weekly = data;

  g_clear_pointer (&weekly->original, json_object_unref);
  g_free (weekly);
}

static void
away_row_free (gpointer data)
{
  AwaySpanRow *away = data;

  g_clear_pointer (&away->original, json_object_unref);
  g_free (away);
}

/* "8:00", "08:00" as minutes after midnight; 24:00 only as an end */
static gboolean
parse_clock (const char *text,
             gboolean    end,
             guint      *minutes)
{
  guint hours, mins;
  char extra;

  if (text == NULL || sscanf (text, "%2u:%2u%c", &hours, &mins, &extra) != 2 || mins > 59 || hours > 24 ||
      (hours == 24 && (mins != 0 || !end)))
    return FALSE;

  *minutes = hours * 60 + mins;
  return TRUE;
}

/* "23.3.2026" (a final dot allowed), "23/3/2026" or "2026-03-23" */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint a, b, c;
  char sep1, sep2, extra = '\0';
  int n;

  g_date_clear (date, 1);
  if (text == NULL)
    return FALSE;

  if (sscanf (text, "%4u-%2u-%2u%c", &a, &b, &c, &extra) == 3)
    {
      guint year = a;

      a = c;
      c = year;
    }
  else
    {
      n = sscanf (text, "%2u%c%2u%c%4u%c", &a, &sep1, &b, &sep2, &c, &extra);
      if ((n != 5 && !(n == 6 && extra == '.' && sep1 == '.')) || sep1 != sep2 || (sep1 != '.' && sep1 != '/'))
        return FALSE;
    }

  if (c < 2000 || c > 9999 || !g_date_valid_dmy (a, b, c))
    return FALSE;

  g_date_set_dmy (date, a, b, c);
  return TRUE;
}

static char *
format_date (GDateTime *time)
{
  /* numbers only: strftime's names stay English under C.UTF-8 */
  return g_strdup_printf ("%d.%d.%d", g_date_time_get_day_of_month (time), g_date_time_get_month (time),
                          g_date_time_get_year (time));
}

/* A day's wall-clock time in Belgrade; 24:00 is the next day's midnight */
static GDateTime *
wall_clock (GDate *date,
            guint  minutes)
{
  g_autoptr(GDateTime) midnight = g_date_time_new (lin_call_get_time_zone (), g_date_get_year (date),
                                                   g_date_get_month (date), g_date_get_day (date), 0, 0, 0);

  if (minutes >= MINUTES_DAY)
    return g_date_time_add_days (midnight, 1);

  return g_date_time_new (lin_call_get_time_zone (), g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), minutes / 60, minutes % 60, 0);
}

static int
day_of_code (const char *code)
{
  for (guint day = 0; code != NULL && day < LIN_HOURS_N_DAYS; day++)
    if (g_str_equal (code, lin_hours_get_day_code (day)))
      return day;

  return -1;
}

static const char *
object_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

/* Whether the editor shows the element; what it does not is kept as is */
static gboolean
weekly_is_readable (JsonNode *node)
{
  guint minutes;

  return JSON_NODE_HOLDS_OBJECT (node) &&
         day_of_code (object_string (json_node_get_object (node), "day")) >= 0 &&
         parse_clock (object_string (json_node_get_object (node), "from"), TRUE, &minutes) &&
         parse_clock (object_string (json_node_get_object (node), "to"), TRUE, &minutes);
}

static gboolean
away_is_readable (JsonNode *node)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  from = lin_call_parse_time (object_string (json_node_get_object (node), "from"));
  to = lin_call_parse_time (object_string (json_node_get_object (node), "to"));

  return from != NULL && to != NULL;
}

static GtkWidget *
small_entry (const char *name,
             const char *accessible,
             const char *placeholder,
             int         width)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (entry, name);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return entry;
}

static GtkWidget *
remove_button (const char *name,
               const char *accessible)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return button;
}

static GtkWidget *
span_row (GtkWidget *child)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "activatable", FALSE, NULL);

  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 6);
  gtk_widget_set_margin_top (child, 6);
  gtk_widget_set_margin_bottom (child, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);

  return row;
}

static void
remove_span (LinRosterPeople *self,
             GPtrArray       *spans,
             GtkWidget       *group,
             GtkWidget       *button)
{
  for (guint i = 0; i < spans->len; i++)
    {
      /* the row is the first member of both kinds */
      GtkWidget *row = *(GtkWidget **)g_ptr_array_index (spans, i);

      if (gtk_widget_is_ancestor (button, row))
        {
          adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
          g_ptr_array_remove_index (spans, i);
          return;
        }
    }
}

/* Weekly spans */

static void
weekly_changed_cb (WeeklySpanRow *span)
{
  g_autofree char *from_text = lin_roster_people_dup_text (span->from);
  g_autofree char *to_text = lin_roster_people_dup_text (span->to);
  guint from, to;

  gtk_widget_set_visible (span->next_day, parse_clock (from_text, FALSE, &from) &&
                                          parse_clock (to_text, TRUE, &to) && to < from);
}

static void
remove_weekly_clicked_cb (GtkWidget       *button,
                          LinRosterPeople *self)
{
  remove_span (self, self->weekly_spans, self->weekly_group, button);
}

static WeeklySpanRow *
add_weekly (LinRosterPeople *self,
            JsonObject      *original)
{
  WeeklySpanRow *span = g_new0 (WeeklySpanRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autoptr(GtkStringList) days = gtk_string_list_new (NULL);
  GtkWidget *dash = gtk_label_new ("–");
  GtkWidget *remove;

  for (guint d = 0; d < LIN_HOURS_N_DAYS; d++)
    gtk_string_list_append (days, lin_hours_get_day_name (d));
  span->day = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&days)), NULL);
  gtk_widget_set_name (span->day, "person-weekly-day");
  gtk_widget_set_valign (span->day, GTK_ALIGN_CENTER);
  /* Translators: the accessible name of the weekday of a span away */
  gtk_accessible_update_property (GTK_ACCESSIBLE (span->day), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Day"), -1);
  gtk_box_append (GTK_BOX (line), span->day);

  /* Translators: the accessible name of the time a weekly span away starts */
  span->from = small_entry ("person-weekly-from", _("Away from"), "08:00", 5);
  gtk_box_append (GTK_BOX (line), span->from);
  gtk_box_append (GTK_BOX (line), dash);
  /* Translators: the accessible name of the time a weekly span away ends */
  span->to = small_entry ("person-weekly-to", _("Away until"), "16:00", 5);
  gtk_box_append (GTK_BOX (line), span->to);

  /* Translators: next to a weekly span away whose end is before its
   * start: it runs past midnight */
  span->next_day = gtk_label_new (_("the next day"));
  gtk_widget_add_css_class (span->next_day, "dim-label");
  gtk_widget_set_hexpand (span->next_day, TRUE);
  gtk_label_set_xalign (GTK_LABEL (span->next_day), 0);
  gtk_widget_set_visible (span->next_day, FALSE);
  gtk_box_append (GTK_BOX (line), span->next_day);

  /* Translators: a button that removes a weekly span away */
  remove = remove_button ("person-weekly-remove", _("Remove Weekly Span"));
  gtk_widget_set_hexpand (remove, TRUE);
  gtk_widget_set_halign (remove, GTK_ALIGN_END);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_weekly_clicked_cb), self);
  gtk_box_append (GTK_BOX (line), remove);

  span->error = lin_roster_people_error_label ("person-weekly-error");
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), span->error);
  span->row = span_row (box);

  if (original != NULL)
    {
      span->original = lin_roster_people_copy_object (original);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (span->day), day_of_code (object_string (original, "day")));
      gtk_editable_set_text (GTK_EDITABLE (span->from), object_string (original, "from"));
      gtk_editable_set_text (GTK_EDITABLE (span->to), object_string (original, "to"));
    }
  g_signal_connect_swapped (span->from, "changed", G_CALLBACK (weekly_changed_cb), span);
  g_signal_connect_swapped (span->to, "changed", G_CALLBACK (weekly_changed_cb), span);
  weekly_changed_cb (span);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->weekly_group), span->row);
  g_ptr_array_add (self->weekly_spans, span);

  return span;
}

static gboolean
read_clock (GtkWidget              *entry,
            gboolean                end,
            guint                  *minutes,
            GtkWidget              *error,
            LinRosterPeopleProblem *problem)
{
  g_autofree char *text = lin_roster_people_dup_text (entry);

  if (parse_clock (text, end, minutes))
    return TRUE;

  if (*text == '\0')
    /* Translators: a time of a span away is not written */
    lin_roster_people_problem_set (problem, entry, error, NULL, g_strdup (_("Write the time, as 08:00.")));
  else
    lin_roster_people_problem_set (problem, entry, error, NULL,
                                   /* Translators: %s is what was typed as a time */
                                   g_strdup_printf (_("“%s” is not a time: write it as 08:00."), text));
  return FALSE;
}

static JsonObject *
read_weekly (WeeklySpanRow          *span,
             LinRosterPeopleProblem *problem)
{
  guint day = gtk_drop_down_get_selected (GTK_DROP_DOWN (span->day));
  JsonObject *object;
  guint from, to;
  char text[8];

  if (!read_clock (span->from, FALSE, &from, span->error, problem) ||
      !read_clock (span->to, TRUE, &to, span->error, problem))
    return NULL;
  if (from == to)
    {
      lin_roster_people_problem_set (problem, span->to, span->error, NULL,
                                     /* Translators: a weekly span away starts and ends at the same time */
                                     g_strdup (_("It ends when it starts: for a whole day write 00:00 to 24:00.")));
      return NULL;
    }

  object = span->original != NULL ? lin_roster_people_copy_object (span->original) : json_object_new ();
  json_object_set_string_member (object, "day", lin_hours_get_day_code (MIN (day, LIN_HOURS_N_DAYS - 1)));
  g_snprintf (text, sizeof text, "%02u:%02u", from / 60, from % 60);
  json_object_set_string_member (object, "from", text);
  g_snprintf (text, sizeof text, "%02u:%02u", to / 60, to % 60);
  json_object_set_string_member (object, "to", text);

  return object;
}

/* Spans on dates */

static void
remove_away_clicked_cb (GtkWidget       *button,
                        LinRosterPeople *self)
{
  remove_span (self, self->away_spans, self->away_group, button);
}

static void
attach_end (GtkGrid    *grid,
            int         row,
            const char *label,
            GtkWidget  *date,
            GtkWidget  *time)
{
  GtkWidget *title = gtk_label_new (label);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_grid_attach (grid, title, 0, row, 1, 1);
  gtk_grid_attach (grid, date, 1, row, 1, 1);
  gtk_grid_attach (grid, time, 2, row, 1, 1);
}

static void
set_end (GtkWidget  *date,
         GtkWidget  *time,
         const char *iso8601)
{
  g_autoptr(GDateTime) when = lin_call_parse_time (iso8601);
  g_autofree char *day = when != NULL ? format_date (when) : NULL;
  g_autofree char *clock = when != NULL ? g_date_time_format (when, "%H:%M") : NULL;

  gtk_editable_set_text (GTK_EDITABLE (date), day != NULL ? day : "");
  gtk_editable_set_text (GTK_EDITABLE (time), clock != NULL ? clock : "");
}

static AwaySpanRow *
add_away (LinRosterPeople *self,
          JsonObject      *original)
{
  AwaySpanRow *span = g_new0 (AwaySpanRow, 1);
  GtkWidget *grid = gtk_grid_new ();
  /* Translators: the placeholder of a date of a span away: a date as it
   * may be written (also 2026-03-23 or 23/3/2026) */
  const char *date_hint = _("23.3.2026");
  GtkWidget *remove;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  /* Translators: the accessible name of the date a span away on dates starts */
  span->from_date = small_entry ("person-away-from-date", _("Away from date"), date_hint, 10);
  /* Translators: the accessible name of the time a span away on dates starts */
  span->from_time = small_entry ("person-away-from-time", _("Away from time"), "08:00", 5);
  /* Translators: the accessible name of the date a span away on dates ends */
  span->to_date = small_entry ("person-away-to-date", _("Away until date"), date_hint, 10);
  /* Translators: the accessible name of the time a span away on dates ends */
  span->to_time = small_entry ("person-away-to-time", _("Away until time"), "16:00", 5);
  /* Translators: the start of a span away on dates */
  attach_end (GTK_GRID (grid), 0, C_("away", "From"), span->from_date, span->from_time);
  /* Translators: the end of a span away on dates */
  attach_end (GTK_GRID (grid), 1, C_("away", "Until"), span->to_date, span->to_time);

  /* Translators: a button that removes a span away on dates */
  remove = remove_button ("person-away-remove", _("Remove Dates Away"));
  gtk_widget_set_hexpand (remove, TRUE);
  gtk_widget_set_halign (remove, GTK_ALIGN_END);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_away_clicked_cb), self);
  gtk_grid_attach (GTK_GRID (grid), remove, 3, 0, 1, 2);

  span->error = lin_roster_people_error_label ("person-away-error");
  gtk_grid_attach (GTK_GRID (grid), span->error, 0, 2, 4, 1);
  span->row = span_row (grid);

  if (original != NULL)
    {
      span->original = lin_roster_people_copy_object (original);
      set_end (span->from_date, span->from_time, object_string (original, "from"));
      set_end (span->to_date, span->to_time, object_string (original, "to"));
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->away_group), span->row);
  g_ptr_array_add (self->away_spans, span);

  return span;
}

static GDateTime *
read_end (GtkWidget              *date_entry,
          GtkWidget              *time_entry,
          gboolean                end,
          GtkWidget              *error,
          LinRosterPeopleProblem *problem)
{
  g_autofree char *text = lin_roster_people_dup_text (date_entry);
  GDate date;
  guint minutes;

  if (!parse_date (text, &date))
    {
      if (*text == '\0')
        /* Translators: a date of a span away is not written */
        lin_roster_people_problem_set (problem, date_entry, error, NULL, g_strdup (_("Write the date, as 23.3.2026.")));
      else
        lin_roster_people_problem_set (problem, date_entry, error, NULL,
                                       /* Translators: %s is what was typed as a date */
                                       g_strdup_printf (_("“%s” is not a date: write it as 23.3.2026."), text));
      return NULL;
    }
  if (!read_clock (time_entry, end, &minutes, error, problem))
    return NULL;

  return wall_clock (&date, minutes);
}

static JsonObject *
read_away (AwaySpanRow            *span,
           LinRosterPeopleProblem *problem)
{
  g_autoptr(GDateTime) from = read_end (span->from_date, span->from_time, FALSE, span->error, problem);
  g_autoptr(GDateTime) to = from != NULL ? read_end (span->to_date, span->to_time, TRUE, span->error, problem) : NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  JsonObject *object;

  if (from == NULL || to == NULL)
    return NULL;
  if (g_date_time_compare (to, from) <= 0)
    {
      lin_roster_people_problem_set (problem, span->to_date, span->error, NULL,
                                     /* Translators: a span away on dates whose end is not after its start */
                                     g_strdup (_("It ends before it starts: the end must come after the start.")));
      return NULL;
    }

  from_text = lin_call_format_time (from);
  to_text = lin_call_format_time (to);
  object = span->original != NULL ? lin_roster_people_copy_object (span->original) : json_object_new ();
  json_object_set_string_member (object, "from", from_text);
  json_object_set_string_member (object, "to", to_text);

  return object;
}

/* The spans read, and those of the record the editor did not show */
static void
read_spans (LinRosterPeople        *self,
            JsonObject             *fields,
            const char             *member,
            gboolean                weekly,
            LinRosterPeopleProblem *problem)
{
  GPtrArray *spans = weekly ? self->weekly_spans : self->away_spans;
  JsonArray *original = lin_roster_people_get_array (self->original, member);
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < spans->len; i++)
    {
      JsonObject *object = weekly ? read_weekly (g_ptr_array_index (spans, i), problem)
                                  : read_away (g_ptr_array_index (spans, i), problem);

      if (object != NULL)
        json_array_add_object_element (array, object);
    }

  for (guint i = 0; original != NULL && i < json_array_get_length (original); i++)
    {
      JsonNode *node = json_array_get_element (original, i);

      if (weekly ? !weekly_is_readable (node) : !away_is_readable (node))
        json_array_add_element (array, json_node_copy (node));
    }

  lin_roster_people_set_array (fields, member, array);
}

/* Desired and undesired days */

static void
load_days (GtkWidget  **toggles,
           JsonObject  *fields,
           const char  *member)
{
  JsonArray *array = lin_roster_people_get_array (fields, member);

  for (guint d = 0; d < LIN_HOURS_N_DAYS; d++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggles[d]), FALSE);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      int day = json_node_get_value_type (node) == G_TYPE_STRING ? day_of_code (json_node_get_string (node)) : -1;

      if (day >= 0)
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggles[day]), TRUE);
    }
}

static void
read_days (LinRosterPeople *self,
           GtkWidget      **toggles,
           JsonObject      *fields,
           const char      *member)
{
  JsonArray *original = lin_roster_people_get_array (self->original, member);
  JsonArray *array = json_array_new ();

  for (guint d = 0; d < LIN_HOURS_N_DAYS; d++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggles[d])))
      json_array_add_string_element (array, lin_hours_get_day_code (d));
  for (guint i = 0; original != NULL && i < json_array_get_length (original); i++)
    {
      JsonNode *node = json_array_get_element (original, i);

      if (json_node_get_value_type (node) != G_TYPE_STRING || day_of_code (json_node_get_string (node)) < 0)
        json_array_add_element (array, json_node_copy (node));
    }

  lin_roster_people_set_array (fields, member, array);
}

static void
check_days (LinRosterPeople        *self,
            LinRosterPeopleProblem *problem)
{
  for (guint d = 0; d < LIN_HOURS_N_DAYS; d++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->desired[d])) &&
        gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->undesired[d])))
      {
        lin_roster_people_problem_set (problem, self->undesired[d], self->days_error, NULL,
                                       /* Translators: %s is a short weekday name, "Mon" */
                                       g_strdup_printf (_("%s is both a desired and an undesired day: choose one."),
                                                        lin_hours_get_day_name (d)));
        return;
      }
}

static GtkWidget *
days_row (const char *title,
          const char *prefix,
          GtkWidget **toggles)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (guint d = 0; d < LIN_HOURS_N_DAYS; d++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s", prefix, lin_hours_get_day_code (d));
      /* Translators: the accessible name of a day's toggle: "Desired Days: Mon" */
      g_autofree char *accessible = g_strdup_printf (_("%1$s: %2$s"), title, lin_hours_get_day_name (d));

      toggles[d] = gtk_toggle_button_new_with_label (lin_hours_get_day_name (d));
      gtk_widget_set_name (toggles[d], name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggles[d]), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_box_append (GTK_BOX (box), toggles[d]);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  return row;
}

/* Building */

static GtkWidget *
limit_row (const char *title,
           const char *name,
           double      most,
           GtkWidget **spin)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Translators: the subtitle of a limit of hours or nights */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("0 means no limit"));
  *spin = gtk_spin_button_new_with_range (0, most, 1);
  gtk_widget_set_name (*spin, name);
  gtk_widget_set_valign (*spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (*spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *spin);

  return row;
}

static GtkWidget *
group (GtkWidget  *page,
       const char *title,
       const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  return group;
}

static GtkWidget *
add_button (const char *name,
            const char *accessible,
            const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_widget_set_name (button, name);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);

  return button;
}

static void
build_names (LinRosterPeople *self,
             GtkWidget       *page)
{
  /* Translators: the person editor's first group: an alias only */
  GtkWidget *names = group (page, NULL, _("An alias, never her legal name."));
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  self->alias_row = adw_entry_row_new ();
  gtk_widget_set_name (self->alias_row, "person-alias");
  /* Translators: a person's name on the roster, not her legal name */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->alias_row), _("Alias"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (names), self->alias_row);

  for (guint i = 0; i < G_N_ELEMENTS (role_codes); i++)
    gtk_string_list_append (roles, lin_roster_people_role_label (role_codes[i]));
  self->role_row = adw_combo_row_new ();
  gtk_widget_set_name (self->role_row, "person-role");
  /* Translators: a person's role: counsellor, volunteer or coordinator */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->role_row), _("Role"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->role_row), G_LIST_MODEL (roles));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (names), self->role_row);

  self->alias_error = lin_roster_people_error_label ("person-alias-error");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (names), self->alias_error);
}

/**
 * lin_roster_people_build_person:
 * @self: the window
 *
 * Returns: (transfer floating): the person editor's page
 */
GtkWidget *
lin_roster_people_build_person (LinRosterPeople *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *limits, *days;

  self->weekly_spans = g_ptr_array_new_with_free_func (weekly_row_free);
  self->away_spans = g_ptr_array_new_with_free_func (away_row_free);

  build_names (self, page);
  /* Translators: a group of the person editor: her languages and skills */
  self->person_skills = lin_roster_people_build_skills (ADW_PREFERENCES_GROUP (group (page, _("Skills"), NULL)),
                                                        "person-skill");

  /* Translators: a group of the person editor: the most she works */
  limits = group (page, _("Limits"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (limits),
                             /* Translators: a limit of a person's work */
                             limit_row (_("Most Hours a Week"), "person-max-week-hours", 168, &self->week_hours_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (limits),
                             /* Translators: a limit of a person's work */
                             limit_row (_("Most Nights a Month"), "person-max-month-nights", 31,
                                        &self->month_nights_spin));

  /* Translators: a group of the person editor and its description */
  self->weekly_group = group (page, _("Away Every Week"),
                              /* Translators: the description of the weekly spans away */
                              _("A span that ends before it starts runs past midnight, as 22:00 to 06:00."));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->weekly_group),
                                           /* Translators: a button: add a weekly span away */
                                           add_button ("person-weekly-add", _("Add Weekly Span"), "people.add-weekly"));

  /* Translators: a group of the person editor */
  self->away_group = group (page, _("Away on Dates"),
                            /* Translators: the description of the spans away on
                             * dates: the times are Serbia's, wherever the computer is */
                            _("Dates and times in Serbia’s time."));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->away_group),
                                           /* Translators: a button: add a span away on dates */
                                           add_button ("person-away-add", _("Add Dates Away"), "people.add-away"));

  /* Translators: a group of the person editor: the days she would or
   * would rather not work */
  days = group (page, _("Days"), NULL);
  /* Translators: days a person would like to work */
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (days), days_row (_("Desired Days"), "person-desired", self->desired));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (days),
                             /* Translators: days a person would rather not work */
                             days_row (_("Undesired Days"), "person-undesired", self->undesired));
  self->days_error = lin_roster_people_error_label ("person-days-error");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (days), self->days_error);

  return page;
}

/* Loading and reading */

void
lin_roster_people_clear_person (LinRosterPeople *self)
{
  for (guint i = 0; i < self->weekly_spans->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->weekly_group),
                                  *(GtkWidget **)g_ptr_array_index (self->weekly_spans, i));
  g_ptr_array_set_size (self->weekly_spans, 0);
  for (guint i = 0; i < self->away_spans->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->away_group),
                                  *(GtkWidget **)g_ptr_array_index (self->away_spans, i));
  g_ptr_array_set_size (self->away_spans, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->alias_row), "");
}

static guint
role_position (const char *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_codes); i++)
    if (g_strcmp0 (role, role_codes[i]) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

void
lin_roster_people_load_person (LinRosterPeople *self)
{
  JsonObject *fields = self->original;
  const char *alias = object_string (fields, LIN_PERSON_FIELD_ALIAS);
  const char *role = object_string (fields, LIN_PERSON_FIELD_ROLE);
  JsonArray *array;

  lin_roster_people_clear_person (self);
  gtk_editable_set_text (GTK_EDITABLE (self->alias_row), alias != NULL ? alias : "");
  /* a new person: a counsellor; a role without a name here: none shown, kept */
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->role_row),
                              json_object_has_member (fields, LIN_PERSON_FIELD_ROLE) ? role_position (role) : 0);
  lin_roster_people_load_skills (self->person_skills, fields, LIN_PERSON_FIELD_SKILLS);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->week_hours_spin),
                             json_object_get_int_member_with_default (fields, LIN_PERSON_FIELD_MAX_WEEK_HOURS, 0));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->month_nights_spin),
                             json_object_get_int_member_with_default (fields, LIN_PERSON_FIELD_MAX_MONTH_NIGHTS, 0));

  array = lin_roster_people_get_array (fields, LIN_PERSON_FIELD_AWAY_WEEKLY);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (weekly_is_readable (json_array_get_element (array, i)))
      add_weekly (self, json_array_get_object_element (array, i));
  array = lin_roster_people_get_array (fields, LIN_PERSON_FIELD_AWAY);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (away_is_readable (json_array_get_element (array, i)))
      add_away (self, json_array_get_object_element (array, i));

  load_days (self->desired, fields, LIN_PERSON_FIELD_DESIRED_DAYS);
  load_days (self->undesired, fields, LIN_PERSON_FIELD_UNDESIRED_DAYS);
}

static void
read_limit (JsonObject *fields,
            const char *member,
            GtkWidget  *spin)
{
  int value;

  /* a number typed and not yet taken (Ctrl+S while typing) counts */
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  value = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin));

  /* 0 or missing: no limit */
  if (value > 0)
    json_object_set_int_member (fields, member, value);
  else
    json_object_remove_member (fields, member);
}

/**
 * lin_roster_people_read_person:
 * @self: the window
 * @fields: a copy of the person's fields, changed to what the editor holds
 * @problem: (nullable): where the first thing wrong goes
 */
void
lin_roster_people_read_person (LinRosterPeople        *self,
                               JsonObject             *fields,
                               LinRosterPeopleProblem *problem)
{
  g_autofree char *alias = lin_roster_people_dup_text (self->alias_row);
  guint role = adw_combo_row_get_selected (ADW_COMBO_ROW (self->role_row));

  if (*alias == '\0')
    lin_roster_people_problem_set (problem, self->alias_row, self->alias_error, NULL,
                                   /* Translators: the person editor's alias is empty */
                                   g_strdup (_("Write her alias: a first name or a nickname, never a legal name.")));
  else
    json_object_set_string_member (fields, LIN_PERSON_FIELD_ALIAS, alias);

  if (role < G_N_ELEMENTS (role_codes))
    json_object_set_string_member (fields, LIN_PERSON_FIELD_ROLE, role_codes[role]);

  lin_roster_people_read_skills (self->person_skills, self->original, fields, LIN_PERSON_FIELD_SKILLS);
  read_limit (fields, LIN_PERSON_FIELD_MAX_WEEK_HOURS, self->week_hours_spin);
  read_limit (fields, LIN_PERSON_FIELD_MAX_MONTH_NIGHTS, self->month_nights_spin);
  read_spans (self, fields, LIN_PERSON_FIELD_AWAY_WEEKLY, TRUE, problem);
  read_spans (self, fields, LIN_PERSON_FIELD_AWAY, FALSE, problem);
  check_days (self, problem);
  read_days (self, self->desired, fields, LIN_PERSON_FIELD_DESIRED_DAYS);
  read_days (self, self->undesired, fields, LIN_PERSON_FIELD_UNDESIRED_DAYS);
}

/**
 * lin_roster_people_add_weekly_span:
 * @self: the window
 *
 * Returns: (transfer none): the new, empty span's "from" entry
 */
GtkWidget *
lin_roster_people_add_weekly_span (LinRosterPeople *self)
{
  return add_weekly (self, NULL)->from;
}

/**
 * lin_roster_people_add_away_span:
 * @self: the window
 *
 * Returns: (transfer none): the new, empty span's first entry
 */
GtkWidget *
lin_roster_people_add_away_span (LinRosterPeople *self)
{
  return add_away (self, NULL)->from_date;
}

const char *
lin_roster_people_role_label (const char *role)
{
  if (g_strcmp0 (role, "counsellor") == 0)
    /* Translators: a person's role on the roster */
    return _("Counsellor");
  if (g_strcmp0 (role, "volunteer") == 0)
    /* Translators: a person's role on the roster */
    return _("Volunteer");
  if (g_strcmp0 (role, "coordinator") == 0)
    /* Translators: a person's role on the roster */
    return _("Coordinator");

  return NULL;
}
