/* lin-roster-plan.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Planning a period. Make Shifts: a line's shifts for a week or a month
 * from a template
 * (lin_roster_make_shifts(): three 8-hour or two 12-hour shifts a day, at
 * wall-clock times, none in the hours the line is closed), in one
 * transaction. A shift the line already has at the same start is not made
 * again, so that making a month twice, or a month after a week of it,
 * leaves one shift at each start. Auto-Fill's report: how many places it
 * filled, how many exceptions to the rules are left, and each place it
 * could not fill with the reason (no one with the skill, all of them
 * away, all of them busy).
 */

#define G_LOG_DOMAIN "lin-roster-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call.h"
#include "lin-roster-details.h"
#include "lin-roster-plan.h"

static const char *
field (LinRecord  *record,
       const char *name)
{
  const char *value = lin_record_get_string (record, name);

  return value != NULL ? value : "";
}

typedef struct
{
  LinContext *context;
  LinRoster  *roster;
  GDate       monday;
  GDate       month;     /* its first day */
  GtkWidget  *line;
  GtkWidget  *template;
  GtkWidget  *period;
  GtkWidget  *required;
} MakeDialog;

static void
make_dialog_free (MakeDialog *make)
{
  g_object_unref (make->context);
  lin_roster_unref (make->roster);
  g_free (make);
}

static void
make_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  MakeDialog       *make)
{
  LinStore *store = lin_context_get_store (make->context);
  guint line = gtk_drop_down_get_selected (GTK_DROP_DOWN (make->line));
  guint template = gtk_drop_down_get_selected (GTK_DROP_DOWN (make->template));
  g_autoptr(GPtrArray) shifts = NULL;
  g_autoptr(GError) error = NULL;
  GDate first = make->monday;
  guint n_days = 7;

  if (!g_str_equal (response, "make") || store == NULL ||
      line >= lin_roster_get_n_lines (make->roster) || template >= lin_roster_get_n_templates ())
    return;

  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (make->period)) == 1)
    {
      first = make->month;
      n_days = g_date_get_days_in_month (g_date_get_month (&first), g_date_get_year (&first));
    }

  shifts = lin_roster_make_shifts (lin_roster_get_line (make->roster, line), lin_roster_get_template_code (template),
                                   &first, n_days,
                                   gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (make->required)), &error);
  if (shifts == NULL)
    {
      g_warning ("Could not make the shifts: %s", error->message);
      return;
    }

  /* a shift the line has already, at that start, is not made twice */
  {
    g_autoptr(GHashTable) starts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

    for (guint s = 0; s < lin_roster_get_n_shifts (make->roster); s++)
      if (lin_roster_shift_get_line (make->roster, s) == (int)line)
        g_hash_table_add (starts, g_memdup2 (&(gint64) { lin_roster_shift_get_start (make->roster, s) }, sizeof (gint64)));
    for (guint i = shifts->len; i > 0; i--)
      {
        g_autoptr(GDateTime) start = lin_call_parse_time (lin_record_get_string (g_ptr_array_index (shifts, i - 1),
                                                                                 LIN_SHIFT_FIELD_START));
        gint64 instant = start != NULL ? g_date_time_to_unix (start) : 0;

        if (g_hash_table_contains (starts, &instant))
          g_ptr_array_remove_index (shifts, i - 1);
      }
  }

  if (shifts->len > 0 && !lin_store_save_all (store, shifts, &error))
    g_warning ("Could not make the shifts: %s", error->message);
}

/**
 * lin_roster_make_dialog_new:
 * @parent: the window it belongs to
 * @context: where the shifts are saved
 * @roster: the roster, for its lines and the shifts they have
 * @monday: the week's Monday
 * @month: the month's first day
 * @prefer_month: %TRUE to offer the month first
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
GtkWidget *
lin_roster_make_dialog_new (GtkWindow   *parent,
                            LinContext  *context,
                            LinRoster   *roster,
                            const GDate *monday,
                            const GDate *month,
                            gboolean     prefer_month)
{
  g_autoptr(GtkStringList) lines = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) templates = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog;
  GtkWidget *grid;
  MakeDialog *make;
  const char *labels[4];

  g_return_val_if_fail (LIN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (roster != NULL, NULL);

  for (guint i = 0; i < lin_roster_get_n_lines (roster); i++)
    gtk_string_list_append (lines, field (lin_roster_get_line (roster, i), LIN_LINE_FIELD_NAME));
  for (guint i = 0; i < lin_roster_get_n_templates (); i++)
    gtk_string_list_append (templates, lin_roster_get_template_label (i));
  /* Translators: the period Make Shifts makes shifts for */
  gtk_string_list_append (periods, _("This Week"));
  /* Translators: the period Make Shifts makes shifts for */
  gtk_string_list_append (periods, _("This Month"));

  make = g_new0 (MakeDialog, 1);
  make->context = g_object_ref (context);
  make->roster = lin_roster_ref (roster);
  make->monday = *monday;
  make->month = *month;
  make->line = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (lines)), NULL);
  make->template = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (templates)), NULL);
  make->period = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (periods)), NULL);
  make->required = gtk_spin_button_new_with_range (1, 6, 1);
  gtk_widget_set_name (make->line, "roster-make-line");
  gtk_widget_set_name (make->template, "roster-make-template");
  gtk_widget_set_name (make->period, "roster-make-period");
  gtk_widget_set_name (make->required, "roster-make-required");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (make->period), prefer_month ? 1 : 0);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  /* Translators: labels of the Make Shifts dialog's fields */
  labels[0] = _("Line");
  labels[1] = _("Shifts");
  labels[2] = _("Period");
  labels[3] = _("People on each");
  {
    GtkWidget *fields[4] = { make->line, make->template, make->period, make->required };

    for (guint i = 0; i < 4; i++)
      {
        GtkWidget *label = gtk_label_new (labels[i]);

        gtk_label_set_xalign (GTK_LABEL (label), 1);
        gtk_widget_add_css_class (label, "dim-label");
        gtk_grid_attach (GTK_GRID (grid), label, 0, i, 1, 1);
        gtk_widget_set_hexpand (fields[i], TRUE);
        gtk_grid_attach (GTK_GRID (grid), fields[i], 1, i, 1, 1);
        gtk_accessible_update_relation (GTK_ACCESSIBLE (fields[i]), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                        label, NULL, -1);
      }
  }

  /* Translators: the title of the dialog that makes a period's shifts */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Make Shifts"),
                                                       /* Translators: the Make Shifts dialog's text */
                                                       _("Shifts at the usual hours for a week or a month; a line's closed hours get none.")));
  adw_message_dialog_set_extra_child (dialog, grid);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    /* Translators: a button: make the shifts */
                                    "make", _("_Make Shifts"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "make", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "make");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (make_response_cb), make,
                         (GClosureNotify)(void (*) (void))make_dialog_free, 0);

  return GTK_WIDGET (dialog);
}

/**
 * lin_roster_fill_dialog_new:
 * @parent: the window it belongs to
 * @roster: the roster Auto-Fill filled
 * @fill: what it did
 * @month: %TRUE when it filled a month, %FALSE a week
 *
 * Returns: (transfer none): the dialog that says what Auto-Fill did and
 *   what it could not fill and why, not shown yet
 */
GtkWidget *
lin_roster_fill_dialog_new (GtkWindow     *parent,
                            LinRoster     *roster,
                            LinRosterFill *fill,
                            gboolean       month)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  /* Translators: what auto-fill did; the second %u is soft roster rules
   * still broken in the week */
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u place filled.", "%u places filled.",
                                             fill->added->len),
                          fill->added->len);
  g_string_append_c (body, ' ');
  if (month)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u exception to the rules is left in the month.",
                                               "%u exceptions to the rules are left in the month.", fill->soft_left),
                            fill->soft_left);
  else
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u exception to the rules is left in the week.",
                                               "%u exceptions to the rules are left in the week.", fill->soft_left),
                            fill->soft_left);
  for (guint i = 0; i < fill->unfilled->len; i++)
    {
      LinRosterUnfilled *unfilled = &g_array_index (fill->unfilled, LinRosterUnfilled, i);
      g_autofree char *why = lin_roster_unfilled_describe (roster, unfilled);
      g_autofree char *when = lin_roster_details_format_shift (roster, unfilled->shift);
      LinRecord *line = lin_roster_get_line (roster, lin_roster_shift_get_line (roster, unfilled->shift));

      if (i == 0)
        /* Translators: before the list of shifts auto-fill could not fill */
        g_string_append_printf (body, "\n\n%s", _("Still open:"));
      g_string_append_printf (body, "\n• %s, %s: %s", field (line, LIN_LINE_FIELD_NAME), when, why);
    }

  dialog = adw_message_dialog_new (parent,
                                   month ?
                                   /* Translators: the title of the dialog after auto-fill of a month */
                                   _("Month Filled") :
                                   /* Translators: the title of the dialog after auto-fill */
                                   _("Week Filled"),
                                   body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  return dialog;
}
