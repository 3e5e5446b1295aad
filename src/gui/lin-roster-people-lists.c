/* lin-roster-people-lists.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The two lists of "People and Lines": the roster's people (alias; role
 * and skills, translated) with a search by alias, and its lines (name;
 * hours in words). They are made anew from each roster the context gives,
 * and emptied when there is none (the profile locked).
 *
 * An alias is a row's title as text, never as markup, and nowhere else.
 */

#define G_LOG_DOMAIN "lin-roster-people"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lin-codes.h"
#include "lin-roster-people-private.h"

static const char *
record_string (LinRecord  *record,
               const char *member)
{
  const char *value = lin_record_get_string (record, member);

  return value != NULL ? value : "";
}

static char *
person_subtitle (LinRecord *person)
{
  JsonArray *skills = lin_roster_people_get_array (lin_record_get_fields (person), LIN_PERSON_FIELD_SKILLS);
  const char *role = lin_roster_people_role_label (lin_record_get_string (person, LIN_PERSON_FIELD_ROLE));
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if (role != NULL)
    g_strv_builder_add (parts, role);
  for (guint i = 0; skills != NULL && i < json_array_get_length (skills); i++)
    {
      JsonNode *node = json_array_get_element (skills, i);

      if (json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (parts, lin_code_label ("skill", json_node_get_string (node)));
    }
  strv = g_strv_builder_end (parts);

  return g_strjoinv (", ", strv);
}

static GtkWidget *
list_row (const char *name,
          const char *title,
          const char *subtitle,
          guint       index)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_widget_set_name (row, name);
  /* an alias is text, never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));

  return row;
}

static void
clear_list (GtkWidget *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), GTK_WIDGET (row));
}

void
lin_roster_people_fill_lists (LinRosterPeople *self)
{
  LinRoster *roster = self->roster;

  clear_list (self->people_list);
  clear_list (self->lines_list);
  if (roster == NULL)
    return;

  for (guint p = 0; p < lin_roster_get_n_people (roster); p++)
    {
      LinRecord *person = lin_roster_get_person (roster, p);
      g_autofree char *subtitle = person_subtitle (person);

      gtk_list_box_append (GTK_LIST_BOX (self->people_list),
                           list_row ("people-person", record_string (person, LIN_PERSON_FIELD_ALIAS), subtitle, p));
    }
  for (guint l = 0; l < lin_roster_get_n_lines (roster); l++)
    {
      LinRecord *line = lin_roster_get_line (roster, l);
      g_autofree char *subtitle = lin_roster_people_line_subtitle (line);

      gtk_list_box_append (GTK_LIST_BOX (self->lines_list),
                           list_row ("people-line", record_string (line, LIN_LINE_FIELD_NAME), subtitle, l));
    }
}

static int
sort_rows_cb (GtkListBoxRow *a,
              GtkListBoxRow *b,
              gpointer       user_data)
{
  return g_utf8_collate (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (a)),
                         adw_preferences_row_get_title (ADW_PREFERENCES_ROW (b)));
}

static gboolean
filter_people_cb (GtkListBoxRow *row,
                  gpointer       user_data)
{
  LinRosterPeople *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *title = NULL;

  if (*search == '\0')
    return TRUE;

  needle = g_utf8_casefold (search, -1);
  title = g_utf8_casefold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);
  return strstr (title, needle) != NULL;
}

static GtkWidget *
group_with_list (GtkWidget  *page,
                 GtkWidget **list,
                 const char *name,
                 const char *empty,
                 GtkWidget  *suffix)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *placeholder = gtk_label_new (empty);

  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);

  *list = gtk_list_box_new ();
  gtk_widget_set_name (*list, name);
  gtk_widget_add_css_class (*list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (*list), GTK_SELECTION_NONE);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (*list), placeholder);
  gtk_list_box_set_sort_func (GTK_LIST_BOX (*list), sort_rows_cb, NULL, NULL);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), *list);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  return group;
}

static GtkWidget *
text_button (const char *name,
             const char *label,
             const char *action)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_name (button, name);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);

  return button;
}

static void
row_activated_cb (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  LinRosterPeople *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));

  if (GTK_WIDGET (list) == self->people_list)
    lin_roster_people_edit_person (self, index);
  else
    lin_roster_people_edit_line (self, index);
}

GtkWidget *
lin_roster_people_build_people (LinRosterPeople *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *search = adw_preferences_group_new ();

  self->search_entry = gtk_search_entry_new ();
  gtk_widget_set_name (self->search_entry, "people-search");
  /* Translators: the placeholder of the search among the roster's people */
  g_object_set (self->search_entry, "placeholder-text", _("Search by alias"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search by alias"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (search), self->search_entry);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (search));

  group_with_list (page, &self->people_list, "people-list",
                   /* Translators: the roster has no people yet */
                   _("No one yet: add the counsellors and volunteers who take shifts."),
                   /* Translators: a button: a new person on the roster */
                   text_button ("people-add-person", _("_Add Person"), "people.add-person"));
  gtk_list_box_set_filter_func (GTK_LIST_BOX (self->people_list), filter_people_cb, self, NULL);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (gtk_list_box_invalidate_filter),
                           self->people_list, G_CONNECT_SWAPPED);
  g_signal_connect (self->people_list, "row-activated", G_CALLBACK (row_activated_cb), self);

  return page;
}

GtkWidget *
lin_roster_people_build_lines (LinRosterPeople *self)
{
  GtkWidget *page = adw_preferences_page_new ();

  group_with_list (page, &self->lines_list, "lines-list",
                   /* Translators: the roster has no lines yet */
                   _("No line yet: add the SOS line first."),
                   /* Translators: a button: a new line (a programme with its own phone) */
                   text_button ("people-add-line", _("Add _Line"), "people.add-line"));
  g_signal_connect (self->lines_list, "row-activated", G_CALLBACK (row_activated_cb), self);

  return page;
}
