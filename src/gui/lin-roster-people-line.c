/* lin-roster-people-line.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The line editor of "People and Lines": a line's name, its opening hours
 * in the format of lin-hours.h, checked by its own parser, whose error is
 * shown as it is, and the skills everyone on its shifts needs; and the
 * skill check rows the person editor shares.
 *
 * The hours are saved as lin_hours_to_string() writes them, the form the
 * roster and the directory read; a line without hours has its shifts made
 * around the clock (lin_roster_make_shifts()), and the editor shows it so.
 */

#define G_LOG_DOMAIN "lin-roster-people"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-codes.h"
#include "lin-roster-people-private.h"

/* Skills */

/* @array as @member, or no @member when it is empty: "missing" and
 * "none" are one for the roster */
void
lin_roster_people_set_array (JsonObject *fields,
                             const char *member,
                             JsonArray  *array)
{
  if (json_array_get_length (array) > 0)
    json_object_set_array_member (fields, member, array);
  else
    {
      json_object_remove_member (fields, member);
      json_array_unref (array);
    }
}

/* A check row per code of "skill", with its translated label */
GPtrArray *
lin_roster_people_build_skills (AdwPreferencesGroup *group,
                                const char          *prefix)
{
  const LinCodeList *list = lin_code_list_get ("skill");
  GPtrArray *checks = g_ptr_array_new ();

  for (guint i = 0; i < lin_code_list_get_n_codes (list); i++)
    {
      const char *code = lin_code_list_get_code (list, i)->code;
      g_autofree char *name = g_strdup_printf ("%s-%s", prefix, code);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_name (check, name);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lin_code_list_get_label (list, code));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (checks, check);
    }

  return checks;
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *value)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (json_node_get_value_type (node) == G_TYPE_STRING && g_strcmp0 (json_node_get_string (node), value) == 0)
        return TRUE;
    }

  return FALSE;
}

void
lin_roster_people_load_skills (GPtrArray  *checks,
                               JsonObject *fields,
                               const char *member)
{
  const LinCodeList *list = lin_code_list_get ("skill");
  JsonArray *codes = lin_roster_people_get_array (fields, member);

  for (guint i = 0; i < checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (checks, i),
                                 array_has_string (codes, lin_code_list_get_code (list, i)->code));
}

/* The codes checked, and those the list does not know (a newer list's) */
void
lin_roster_people_read_skills (GPtrArray  *checks,
                               JsonObject *original,
                               JsonObject *fields,
                               const char *member)
{
  const LinCodeList *list = lin_code_list_get ("skill");
  JsonArray *kept = lin_roster_people_get_array (original, member);
  JsonArray *codes = json_array_new ();

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      json_array_add_string_element (codes, lin_code_list_get_code (list, i)->code);
  for (guint j = 0; kept != NULL && j < json_array_get_length (kept); j++)
    {
      JsonNode *node = json_array_get_element (kept, j);

      if (json_node_get_value_type (node) != G_TYPE_STRING ||
          lin_code_list_lookup (list, json_node_get_string (node)) == NULL)
        json_array_add_element (codes, json_node_copy (node));
    }

  lin_roster_people_set_array (fields, member, codes);
}

/* Lines */

char *
lin_roster_people_line_subtitle (LinRecord *line)
{
  const char *text = lin_record_get_string (line, LIN_LINE_FIELD_HOURS);
  g_autoptr(LinHours) hours = NULL;

  /* no hours: its shifts are made around the clock (lin_roster_make_shifts) */
  if (text == NULL)
    /* Translators: the hours of a line that is open day and night */
    return g_strdup (_("Around the clock"));
  hours = lin_hours_parse (text, NULL);
  if (hours == NULL)
    return g_strdup (text);
  if (lin_hours_get_always (hours))
    return g_strdup (_("Around the clock"));

  return lin_hours_dup_display (hours);
}

void
lin_roster_people_read_line (LinRosterPeople        *self,
                             JsonObject             *fields,
                             LinRosterPeopleProblem *problem)
{
  g_autofree char *name = lin_roster_people_dup_text (self->name_row);
  g_autofree char *text = lin_roster_people_dup_text (self->hours_row);
  g_autoptr(LinHours) hours = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = NULL;

  if (*name == '\0')
    lin_roster_people_problem_set (problem, self->name_row, self->name_error, NULL,
                                   /* Translators: the line editor's name is empty */
                                   g_strdup (_("Write the line’s name, as “SOS line” or “Romani line”.")));
  else
    json_object_set_string_member (fields, LIN_LINE_FIELD_NAME, name);

  hours = lin_hours_parse (text, &error);
  if (hours == NULL)
    lin_roster_people_problem_set (problem, self->hours_row, self->hours_error, NULL, g_strdup (error->message));
  else
    {
      canonical = lin_hours_to_string (hours);
      json_object_set_string_member (fields, LIN_LINE_FIELD_HOURS, canonical);
    }

  lin_roster_people_read_skills (self->line_skills, self->original, fields, LIN_LINE_FIELD_SKILLS);
}

void
lin_roster_people_load_line (LinRosterPeople *self)
{
  const char *name = json_object_get_string_member_with_default (self->original, LIN_LINE_FIELD_NAME, "");
  /* a new line: the main SOS line's hours; none: its shifts are made
   * around the clock (lin_roster_make_shifts) */
  const char *hours = json_object_get_string_member_with_default (self->original, LIN_LINE_FIELD_HOURS, "24/7");

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  gtk_editable_set_text (GTK_EDITABLE (self->hours_row), hours);
  lin_roster_people_load_skills (self->line_skills, self->original, LIN_LINE_FIELD_SKILLS);
}

static GtkWidget *
entry_group (GtkWidget  *page,
             const char *title,
             const char *description,
             const char *name,
             const char *row_title,
             GtkWidget **row,
             GtkWidget **error)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *error_name = g_strdup_printf ("%s-error", name);

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  *row = adw_entry_row_new ();
  gtk_widget_set_name (*row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (*row), row_title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), *row);
  *error = lin_roster_people_error_label (error_name);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), *error);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  return group;
}

GtkWidget *
lin_roster_people_build_line (LinRosterPeople *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *skills = adw_preferences_group_new ();

  /* Translators: a line's name, "SOS line", "Romani line" */
  entry_group (page, NULL, NULL, "line-name", _("Name"), &self->name_row, &self->name_error);
  entry_group (page,
               /* Translators: the line editor's group of its opening hours */
               _("Opening Hours"),
               /* Translators: how a line's hours are written; keep the
                * day codes (mon … sun) and "24/7" as they are */
               _("For example 24/7, or mon-fri 08:00-20:00, sat 09:00-13:00"),
               /* Translators: the line's opening hours, in the format above */
               "line-hours", _("Hours"), &self->hours_row, &self->hours_error);

  /* Translators: the line editor's group of skills */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (skills), _("Skills Needed"));
  /* Translators: the description of the skills a line needs */
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (skills), _("Everyone on its shifts has each of these."));
  self->line_skills = lin_roster_people_build_skills (ADW_PREFERENCES_GROUP (skills), "line-skill");
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (skills));

  return page;
}
