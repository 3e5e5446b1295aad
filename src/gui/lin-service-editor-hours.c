/* lin-service-editor-hours.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The service editor's opening hours: a row per weekday, closed or open
 * with one or more spans of time, loaded from the hours' text
 * (lin_hours_get_span()) and written back as it, each span checked by
 * lin_hours_parse() so that the row with a bad time gets the keyboard.
 * A span whose closing time is not after its opening time runs past
 * midnight, and the row says so.
 */

#define G_LOG_DOMAIN "lin-service-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-directory.h"
#include "lin-directory-csv.h"
#include "lin-service-editor-private.h"

static const char * const day_names[LIN_HOURS_N_DAYS] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
  N_("Friday"), N_("Saturday"), N_("Sunday"),
};

static char *
format_minutes (guint minutes)
{
  if (minutes > 24 * 60)
    minutes -= 24 * 60;

  return g_strdup_printf ("%02u:%02u", minutes / 60, minutes % 60);
}

static void
span_entries (GtkWidget  *span,
              GtkWidget **from,
              GtkWidget **to)
{
  *from = gtk_widget_get_first_child (span);
  /* from, a dash, to */
  *to = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (*from));
}

static void day_changed (DayRow *day);

static void
remove_span_clicked_cb (GtkWidget *button,
                        DayRow    *day)
{
  gtk_box_remove (GTK_BOX (day->spans), gtk_widget_get_parent (button));
  day_changed (day);
}

static GtkWidget *
add_span (DayRow     *day,
          const char *from_text,
          const char *to_text)
{
  const char *day_name = _(day_names[day->day]);
  GtkWidget *span = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *from = gtk_entry_new ();
  GtkWidget *to = gtk_entry_new ();
  GtkWidget *dash = gtk_label_new ("–");
  g_autofree char *from_label = NULL;
  g_autofree char *to_label = NULL;

  gtk_widget_set_name (span, "day-span");
  gtk_widget_set_valign (span, GTK_ALIGN_CENTER);

  /* Translators: the accessible name of the opening time of a day,
   * %s is the day, “Monday” */
  from_label = g_strdup_printf (_("%s opens at"), day_name);
  /* Translators: the accessible name of the closing time of a day,
   * %s is the day, “Monday” */
  to_label = g_strdup_printf (_("%s closes at"), day_name);

  gtk_widget_set_name (from, "day-from");
  gtk_widget_set_name (to, "day-to");
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *entry = i == 0 ? from : to;

      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 5);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 5);
      gtk_editable_set_alignment (GTK_EDITABLE (entry), 0.5);
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), i == 0 ? "08:00" : "16:00");
      gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, i == 0 ? from_label : to_label,
                                      -1);
      g_signal_connect_swapped (entry, "changed", G_CALLBACK (day_changed), day);
    }
  gtk_editable_set_text (GTK_EDITABLE (from), from_text != NULL ? from_text : "");
  gtk_editable_set_text (GTK_EDITABLE (to), to_text != NULL ? to_text : "");
  gtk_accessible_update_state (GTK_ACCESSIBLE (dash), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  gtk_box_append (GTK_BOX (span), from);
  gtk_box_append (GTK_BOX (span), dash);
  gtk_box_append (GTK_BOX (span), to);

  /* the first span stays; more, for a break in the day, can go */
  if (gtk_widget_get_first_child (day->spans) != NULL)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      gtk_widget_set_name (remove, "day-remove-span");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove These Hours"));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_span_clicked_cb), day);
      gtk_box_append (GTK_BOX (span), remove);
    }

  gtk_box_append (GTK_BOX (day->spans), span);

  return from;
}

static void
add_span_clicked_cb (DayRow *day)
{
  GtkWidget *from = add_span (day, NULL, NULL);

  day_changed (day);
  gtk_widget_grab_focus (from);
}

/* "mon 08:00-16:00" for one span; NULL with @message when a time is not
 * one */
static LinHours *
parse_span (guint        day,
            GtkWidget   *span,
            GtkWidget  **bad,
            char       **message)
{
  GtkWidget *from, *to;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  LinHours *hours;

  span_entries (span, &from, &to);
  from_text = lin_service_editor_dup_text (from);
  to_text = lin_service_editor_dup_text (to);

  if (*from_text == '\0' || *to_text == '\0')
    {
      *bad = *from_text == '\0' ? from : to;
      *message = g_strdup (_("Write the opening and the closing time, as 08:00 and 16:00."));
      return NULL;
    }

  text = g_strdup_printf ("%s %s-%s", lin_hours_get_day_code (day), from_text, to_text);
  hours = lin_hours_parse (text, &error);
  if (hours == NULL)
    {
      g_autofree char *from_only = g_strdup_printf ("%s %s-24:00", lin_hours_get_day_code (day), from_text);
      g_autoptr(LinHours) from_hours = lin_hours_parse (from_only, NULL);

      *bad = from_hours == NULL ? from : to;
      *message = g_strdup (error->message);
    }

  return hours;
}

static void
day_changed (DayRow *day)
{
  gboolean open = gtk_switch_get_active (GTK_SWITCH (day->open));
  gboolean past_midnight = FALSE;

  gtk_widget_set_visible (day->spans, open);
  gtk_widget_set_visible (day->add_span, open);

  for (GtkWidget *span = gtk_widget_get_first_child (day->spans);
       open && span != NULL;
       span = gtk_widget_get_next_sibling (span))
    {
      g_autofree char *message = NULL;
      GtkWidget *bad = NULL;
      g_autoptr(LinHours) hours = parse_span (day->day, span, &bad, &message);
      guint end = 0;

      if (hours != NULL && lin_hours_get_span (hours, day->day, 0, NULL, &end) && end > 24 * 60)
        past_midnight = TRUE;
    }

  if (!open)
    /* Translators: a day on which a service is closed */
    adw_action_row_set_subtitle (ADW_ACTION_ROW (day->row), C_("day", "Closed"));
  else if (past_midnight)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (day->row), _("Open past midnight, into the next day"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (day->row), "");
}

static void
day_open_cb (DayRow *day)
{
  if (gtk_switch_get_active (GTK_SWITCH (day->open)) && gtk_widget_get_first_child (day->spans) == NULL)
    add_span (day, NULL, NULL);
  day_changed (day);
}

void
lin_service_editor_build_day (LinServiceEditor *self,
           guint             d)
{
  DayRow *day = &self->days[d];
  g_autofree char *name = g_strdup_printf ("service-day-%s", lin_hours_get_day_code (d));
  g_autofree char *open_label = NULL;
  g_autofree char *add_label = NULL;

  day->self = self;
  day->day = d;
  day->row = adw_action_row_new ();
  gtk_widget_set_name (day->row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (day->row), _(day_names[d]));

  day->spans = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (day->spans, 6);
  gtk_widget_set_margin_bottom (day->spans, 6);
  adw_action_row_add_suffix (ADW_ACTION_ROW (day->row), day->spans);

  /* Translators: the accessible name of the button that adds a second
   * span of time to a day (a break at noon), %s is the day, “Monday” */
  add_label = g_strdup_printf (_("Add Hours on %s"), _(day_names[d]));
  day->add_span = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_name (day->add_span, "day-add-span");
  gtk_widget_set_valign (day->add_span, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (day->add_span, "flat");
  gtk_widget_set_tooltip_text (day->add_span, add_label);
  g_signal_connect_swapped (day->add_span, "clicked", G_CALLBACK (add_span_clicked_cb), day);
  adw_action_row_add_suffix (ADW_ACTION_ROW (day->row), day->add_span);

  /* Translators: the accessible name of the switch that opens a day,
   * %s is the day, “Monday” */
  open_label = g_strdup_printf (_("Open on %s"), _(day_names[d]));
  day->open = gtk_switch_new ();
  gtk_widget_set_name (day->open, "day-open");
  gtk_widget_set_valign (day->open, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (day->open),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, open_label,
                                  -1);
  g_signal_connect_swapped (day->open, "notify::active", G_CALLBACK (day_open_cb), day);
  adw_action_row_add_suffix (ADW_ACTION_ROW (day->row), day->open);

  adw_preferences_group_add (self->hours_group, day->row);
  day_changed (day);
}

static void
clear_spans (DayRow *day)
{
  GtkWidget *span;

  while ((span = gtk_widget_get_first_child (day->spans)) != NULL)
    gtk_box_remove (GTK_BOX (day->spans), span);
}

void
lin_service_editor_load_hours (LinServiceEditor *self,
            const char       *text)
{
  g_autoptr(LinHours) hours = text != NULL ? lin_hours_parse (text, NULL) : NULL;

  gtk_switch_set_active (self->always_switch, hours != NULL && lin_hours_get_always (hours));

  for (guint d = 0; d < LIN_HOURS_N_DAYS; d++)
    {
      DayRow *day = &self->days[d];
      guint start, end;

      clear_spans (day);
      for (guint i = 0; hours != NULL && lin_hours_get_span (hours, d, i, &start, &end); i++)
        {
          g_autofree char *from = format_minutes (start);
          g_autofree char *to = format_minutes (end);

          add_span (day, from, to);
        }

      /* an empty span to fill in once the day is opened */
      if (gtk_widget_get_first_child (day->spans) == NULL)
        {
          gtk_switch_set_active (GTK_SWITCH (day->open), FALSE);
          add_span (day, NULL, NULL);
        }
      else
        gtk_switch_set_active (GTK_SWITCH (day->open), TRUE);
      day_changed (day);
    }
}

/* The hours as the days show them, checked day by day, into @fields */
void
lin_service_editor_read_hours (LinServiceEditor *self,
            JsonObject       *fields,
            LinServiceEditorProblem          *problem)
{
  g_autoptr(GString) text = g_string_new (NULL);

  json_object_remove_member (fields, LIN_SERVICE_FIELD_HOURS);

  if (gtk_switch_get_active (self->always_switch))
    {
      json_object_set_string_member (fields, LIN_SERVICE_FIELD_HOURS, "24/7");
      return;
    }

  for (guint d = 0; d < LIN_HOURS_N_DAYS; d++)
    {
      DayRow *day = &self->days[d];
      g_autoptr(GString) day_text = NULL;
      g_autofree char *message = NULL;

      if (!gtk_switch_get_active (GTK_SWITCH (day->open)))
        continue;

      day_text = g_string_new (lin_hours_get_day_code (d));
      for (GtkWidget *span = gtk_widget_get_first_child (day->spans);
           span != NULL;
           span = gtk_widget_get_next_sibling (span))
        {
          g_autofree char *span_message = NULL;
          GtkWidget *bad = NULL;
          g_autoptr(LinHours) hours = parse_span (d, span, &bad, &span_message);
          GtkWidget *from, *to;
          g_autofree char *from_text = NULL;
          g_autofree char *to_text = NULL;

          if (hours == NULL)
            {
              lin_service_editor_problem_set (problem, day->row, bad, g_steal_pointer (&span_message));
              return;
            }

          span_entries (span, &from, &to);
          from_text = lin_service_editor_dup_text (from);
          to_text = lin_service_editor_dup_text (to);
          g_string_append_printf (day_text, "%s%s-%s",
                                  span == gtk_widget_get_first_child (day->spans) ? " " : ", ",
                                  from_text, to_text);
        }

      /* the spans of one day together: do they overlap? */
      {
        g_autoptr(JsonObject) scratch = json_object_new ();

        message = lin_directory_csv_read_field (LIN_SERVICE_FIELD_HOURS, day_text->str, scratch);
        if (message != NULL)
          {
            lin_service_editor_problem_set (problem, day->row, gtk_widget_get_first_child (gtk_widget_get_first_child (day->spans)),
                         g_steal_pointer (&message));
            return;
          }
      }

      g_string_append_printf (text, "%s%s", text->len > 0 ? "; " : "", day_text->str);
    }

  if (text->len == 0)
    {
      /* no day open: as it was when it said so, else not known */
      if (g_strcmp0 (lin_service_editor_get_string (self->original, LIN_SERVICE_FIELD_HOURS), "closed") == 0)
        json_object_set_string_member (fields, LIN_SERVICE_FIELD_HOURS, "closed");
      return;
    }

  lin_service_editor_read_text (fields, LIN_SERVICE_FIELD_HOURS, text->str, self->days[0].row, problem);
}
