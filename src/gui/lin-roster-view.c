/* lin-roster-view.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Roster section: a week of shifts (LinRosterWeek), the chosen
 * shift's people and the rules it breaks, and the people who could take
 * it, sorted by fit: those who break no rule first, then those who break
 * a soft one, then a hard one, each with her hours that week. Assigning
 * someone who breaks a soft rule asks for a reason; a hard rule, for an
 * explicit confirmation; both stay on the assignment and in sight.
 *
 * Auto-Fill fills the week's gaps (lin-roster-fill.c), says what it could
 * not fill and why, and offers Undo, which deletes what it added. Make
 * Shifts makes a week or a month of a line's shifts from a template.
 */

#define G_LOG_DOMAIN "lin-roster-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call.h"
#include "lin-roster-details.h"
#include "lin-hours.h"
#include "lin-roster-days.h"
#include "lin-roster-export.h"
#include "lin-roster-fill.h"
#include "lin-roster-plan.h"
#include "lin-roster-mine.h"
#include "lin-roster-month.h"
#include "lin-roster-people.h"
#include "lin-roster-print.h"
#include "lin-roster-rota.h"
#include "lin-roster-view.h"
#include "lin-roster-week.h"

/* What the section shows beside the details */
typedef enum
{
  MODE_WEEK,
  MODE_MONTH,
  MODE_PEOPLE,  /* the rota, people by day */
  MODE_MINE,
} Mode;

static const char * const mode_names[] = { "week", "month", "people", "mine" };

struct _LinRosterView
{
  AdwBin         parent_instance;

  LinContext    *context;
  LinRoster     *roster;
  GArray        *violations;
  GDate          day;             /* the day in sight */
  GDate          monday;          /* its week's Monday */
  Mode           mode;
  guint          day_start;       /* the hour a day of the week begins */
  char          *selected_id;     /* the chosen shift's record id */
  GPtrArray     *last_fill;       /* what Auto-Fill added, for Undo */
  GtkPrintOperation *printing;    /* while its dialog is open */

  GtkWidget     *toasts;
  GtkWidget     *stack;
  GtkWidget     *leaflet;
  GtkWidget     *week_pane;
  GtkWidget     *details_pane;
  GtkWidget     *details_separator;
  GtkWidget     *back_button;
  GtkWidget     *week_label;
  GtkWidget     *views;           /* AdwViewStack of the modes */
  GtkWidget     *switcher_bar;
  GtkWidget     *nav;             /* earlier, today, later and the label */
  GtkWidget     *week;
  GtkWidget     *month;
  GtkWidget     *rota;
  GtkWidget     *mine;
  GtkWidget     *details;
  GtkWidget     *actions;         /* Make Shifts, Auto-Fill */
  GtkWidget     *fill_button;
  GtkWidget     *fill_icon;
  GtkWidget     *make_button;
};

G_DEFINE_FINAL_TYPE (LinRosterView, lin_roster_view, ADW_TYPE_BIN)

static void show_details (LinRosterView *self);
static void update_week_label (LinRosterView *self);

static LinStore *
store (LinRosterView *self)
{
  return self->context != NULL ? lin_context_get_store (self->context) : NULL;
}

static GtkWindow *
window (LinRosterView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static int
selected (LinRosterView *self)
{
  if (self->roster == NULL || self->selected_id == NULL)
    return -1;

  return lin_roster_find_shift (self->roster, self->selected_id);
}

/* The week's span as the view draws it, Monday at the day's start to
 * the next Monday's, in Belgrade: Auto-Fill fills what is in sight */
static void
week_span (LinRosterView *self,
           gint64        *from,
           gint64        *to)
{
  g_autoptr(GDateTime) start = g_date_time_new (lin_call_get_time_zone (), g_date_get_year (&self->monday),
                                                g_date_get_month (&self->monday),
                                                g_date_get_day (&self->monday), self->day_start, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_add_days (start, 7);

  *from = g_date_time_to_unix (start);
  *to = g_date_time_to_unix (end);
}

/* The days in sight: the week, or the month of the day in sight, each
 * day from the day's start */
static void
period_span (LinRosterView *self,
             gint64        *from,
             gint64        *to)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  if (self->mode != MODE_MONTH && self->mode != MODE_PEOPLE)
    {
      week_span (self, from, to);
      return;
    }

  start = g_date_time_new (lin_call_get_time_zone (), g_date_get_year (&self->day), g_date_get_month (&self->day), 1,
                           self->day_start, 0, 0);
  end = g_date_time_add_months (start, 1);
  *from = g_date_time_to_unix (start);
  *to = g_date_time_to_unix (end);
}

static gboolean
is_month (LinRosterView *self)
{
  return self->mode == MODE_MONTH || self->mode == MODE_PEOPLE;
}

static void
update_label (LinRosterView *self)
{
  g_autofree char *text = NULL;

  if (!is_month (self))
    {
      update_week_label (self);
      return;
    }

  /* Translators: the month the roster shows: its name and the year, "November 2026" */
  text = g_strdup_printf (_("%1$s %2$d"), lin_hours_get_month_name (g_date_get_month (&self->day)),
                          g_date_get_year (&self->day));
  gtk_label_set_text (GTK_LABEL (self->week_label), text);
}

static void
update_week_label (LinRosterView *self)
{
  gint64 from, to;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *text = NULL;

  week_span (self, &from, &to);
  first = lin_roster_week_format_day (from);
  last = lin_roster_week_format_day (from + 6 * 24 * 3600 + 3600);
  /* Translators: the week the roster shows: its Monday, its Sunday and
   * the year, "Mon 23/3 – Sun 29/3, 2026" */
  text = g_strdup_printf (_("%1$s – %2$s, %3$d"), first, last, g_date_get_year (&self->monday));
  gtk_label_set_text (GTK_LABEL (self->week_label), text);
}

static void
reload (LinRosterView *self)
{
  LinRoster *roster = self->context != NULL ? lin_context_get_roster (self->context) : NULL;

  g_clear_pointer (&self->roster, lin_roster_unref);
  g_clear_pointer (&self->violations, g_array_unref);
  if (roster != NULL)
    {
      self->roster = lin_roster_ref (roster);
      self->violations = lin_roster_check (roster, NULL);
    }

  lin_roster_week_set_roster (LIN_ROSTER_WEEK (self->week), self->roster, self->violations);
  lin_roster_week_select (LIN_ROSTER_WEEK (self->week), selected (self));
  lin_roster_month_set_roster (LIN_ROSTER_MONTH (self->month), self->roster, self->violations);
  lin_roster_rota_set_roster (LIN_ROSTER_ROTA (self->rota), self->roster, self->violations);
  lin_roster_mine_set_roster (LIN_ROSTER_MINE (self->mine), self->roster, self->violations);
  /* no line yet: nothing to plan */
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    self->roster != NULL && lin_roster_get_n_lines (self->roster) > 0 ?
                                    "roster" : "empty");
  gtk_widget_set_sensitive (self->fill_button, self->roster != NULL);
  gtk_widget_set_sensitive (self->make_button, self->roster != NULL && lin_roster_get_n_lines (self->roster) > 0);
  show_details (self);
}

/* The chosen shift's details, or the open places of the days in sight */
static void
show_details (LinRosterView *self)
{
  gint64 from, to;

  period_span (self, &from, &to);
  lin_roster_details_show (LIN_ROSTER_DETAILS (self->details), self->roster, self->violations, selected (self),
                           from, to);

  /* the rota wants the width of a month: the details only once a shift
   * is chosen in it */
  gtk_widget_set_visible (self->details_pane, self->mode != MODE_PEOPLE || selected (self) >= 0);
  gtk_widget_set_visible (self->details_separator, gtk_widget_get_visible (self->details_pane));
}

/**
 * lin_roster_view_assign:
 * @self: a #LinRosterView
 * @person: a person's index in the roster
 *
 * Puts @person on the chosen shift, as its Assign button does
 * (lin_roster_details_assign()).
 */
void
lin_roster_view_assign (LinRosterView *self,
                        int            person)
{
  g_return_if_fail (LIN_IS_ROSTER_VIEW (self));

  lin_roster_details_assign (LIN_ROSTER_DETAILS (self->details), person);
}

static void
shift_chosen_cb (LinRosterView *self,
                 int            shift)
{
  lin_roster_view_select (self, shift);
  gtk_widget_child_focus (self->details, GTK_DIR_TAB_FORWARD);
}

static void
selection_changed_cb (LinRosterView *self)
{
  int s = lin_roster_week_get_selected (LIN_ROSTER_WEEK (self->week));

  g_clear_pointer (&self->selected_id, g_free);
  if (s >= 0 && self->roster != NULL)
    self->selected_id = g_strdup (lin_record_get_id_string (lin_roster_get_shift (self->roster, s)));
  show_details (self);
}

static void
shift_activated_cb (LinRosterView *self,
                    int            shift)
{
  lin_roster_view_select (self, shift);
  /* a narrow window shows the details instead of the week */
  adw_leaflet_set_visible_child (ADW_LEAFLET (self->leaflet), self->details_pane);
  gtk_widget_child_focus (self->details, GTK_DIR_TAB_FORWARD);
}

static void
back_clicked_cb (LinRosterView *self)
{
  adw_leaflet_set_visible_child (ADW_LEAFLET (self->leaflet), self->week_pane);
  gtk_widget_grab_focus (self->week);
}

static void
folded_changed_cb (LinRosterView *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (ADW_LEAFLET (self->leaflet)));
}

/* Auto-Fill and its Undo */

/**
 * lin_roster_view_auto_fill:
 * @self: a #LinRosterView
 *
 * Fills the gaps of the week shown, saves what it added in one
 * transaction, and says what it could not fill and why.
 */
void
lin_roster_view_auto_fill (LinRosterView *self)
{
  g_autoptr(LinRosterFill) fill = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast_text = NULL;
  GtkWidget *dialog;
  AdwToast *toast;
  gint64 from, to;

  g_return_if_fail (LIN_IS_ROSTER_VIEW (self));

  if (self->roster == NULL || store (self) == NULL)
    return;

  period_span (self, &from, &to);
  fill = lin_roster_fill (self->roster, from, to, g_date_get_julian (&self->day), NULL);
  if (fill->added->len > 0 && !lin_store_save_all (store (self), fill->added, &error))
    {
      g_warning ("Could not save what auto-fill added: %s", error->message);
      return;
    }

  g_clear_pointer (&self->last_fill, g_ptr_array_unref);
  self->last_fill = g_ptr_array_ref (fill->added);

  dialog = lin_roster_fill_dialog_new (window (self), self->roster, fill, is_month (self));
  gtk_window_present (GTK_WINDOW (dialog));

  /* Translators: a notification after auto-fill, with an Undo button */
  toast_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u place filled", "%u places filled",
                                             fill->added->len),
                                fill->added->len);
  toast = adw_toast_new (toast_text);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "roster.undo-fill");
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), toast);
}

/**
 * lin_roster_view_undo_fill:
 * @self: a #LinRosterView
 *
 * Takes back the last Auto-Fill in one step: its assignments are deleted.
 */
void
lin_roster_view_undo_fill (LinRosterView *self)
{
  g_return_if_fail (LIN_IS_ROSTER_VIEW (self));

  if (self->last_fill == NULL || store (self) == NULL)
    return;

  for (guint i = 0; i < self->last_fill->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!lin_store_delete (store (self), g_ptr_array_index (self->last_fill, i), &error) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_warning ("Could not undo an assignment of auto-fill: %s", error->message);
    }
  g_clear_pointer (&self->last_fill, g_ptr_array_unref);
}

static void
undo_fill_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  lin_roster_view_undo_fill (LIN_ROSTER_VIEW (widget));
}

static void
auto_fill_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  lin_roster_view_auto_fill (LIN_ROSTER_VIEW (widget));
}

/* Make Shifts: for the week in sight, or the month in sight (in the
 * week, the month of its Thursday, as ISO weeks belong) */

static void
make_shifts_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *parameter)
{
  LinRosterView *self = LIN_ROSTER_VIEW (widget);
  GDate month = is_month (self) ? self->day : self->monday;
  GtkWidget *dialog;

  if (self->roster == NULL || lin_roster_get_n_lines (self->roster) == 0)
    return;

  if (!is_month (self))
    g_date_add_days (&month, 3);
  g_date_set_day (&month, 1);
  dialog = lin_roster_make_dialog_new (window (self), self->context, self->roster, &self->monday, &month,
                                       is_month (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Moving through the weeks */

/**
 * lin_roster_view_show_week:
 * @self: a #LinRosterView
 * @day: (nullable): a day of the week to show; %NULL: this week
 */
void
lin_roster_view_show_week (LinRosterView *self,
                           GDate         *day)
{
  g_return_if_fail (LIN_IS_ROSTER_VIEW (self));

  if (day != NULL)
    self->day = *day;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());

      g_date_set_dmy (&self->day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
  self->monday = self->day;
  g_date_subtract_days (&self->monday, g_date_get_weekday (&self->monday) - G_DATE_MONDAY);

  lin_roster_week_set_week (LIN_ROSTER_WEEK (self->week), &self->monday);
  lin_roster_month_set_month (LIN_ROSTER_MONTH (self->month), &self->day);
  lin_roster_rota_set_month (LIN_ROSTER_ROTA (self->rota), &self->day);
  update_label (self);
  show_details (self);
}

static void
week_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  LinRosterView *self = LIN_ROSTER_VIEW (widget);
  int step = g_variant_get_int32 (parameter);
  GDate day = self->day;

  if (step == 0)
    {
      lin_roster_view_show_week (self, NULL);
      return;
    }
  /* a week or a month earlier or later */
  if (is_month (self))
    {
      g_date_set_day (&day, 1);
      if (step > 0)
        g_date_add_months (&day, 1);
      else
        g_date_subtract_months (&day, 1);
    }
  else if (step > 0)
    g_date_add_days (&day, 7);
  else
    g_date_subtract_days (&day, 7);
  lin_roster_view_show_week (self, &day);
}

/**
 * lin_roster_view_select:
 * @self: a #LinRosterView
 * @shift: a shift's index in the roster, or -1
 */
void
lin_roster_view_select (LinRosterView *self,
                        int            shift)
{
  g_return_if_fail (LIN_IS_ROSTER_VIEW (self));

  lin_roster_week_select (LIN_ROSTER_WEEK (self->week), shift);
  g_clear_pointer (&self->selected_id, g_free);
  if (shift >= 0 && self->roster != NULL && shift < (int)lin_roster_get_n_shifts (self->roster))
    self->selected_id = g_strdup (lin_record_get_id_string (lin_roster_get_shift (self->roster, shift)));
  show_details (self);
}

GtkWidget *
lin_roster_view_get_week (LinRosterView *self)
{
  g_return_val_if_fail (LIN_IS_ROSTER_VIEW (self), NULL);

  return self->week;
}

static void
day_start_changed_cb (LinRosterView *self)
{
  if (self->context == NULL)
    return;

  self->day_start = g_settings_get_uint (lin_context_get_settings (self->context), "roster-day-start");
  lin_roster_week_set_day_start (LIN_ROSTER_WEEK (self->week), self->day_start);
  lin_roster_month_set_day_start (LIN_ROSTER_MONTH (self->month), self->day_start);
  lin_roster_rota_set_day_start (LIN_ROSTER_ROTA (self->rota), self->day_start);
}

/**
 * lin_roster_view_set_context:
 * @self: a #LinRosterView
 * @context: (nullable): the context, or %NULL to show nothing (locked)
 */
void
lin_roster_view_set_context (LinRosterView *self,
                             LinContext    *context)
{
  g_return_if_fail (LIN_IS_ROSTER_VIEW (self));

  if (self->context != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->context, reload, self);
      g_signal_handlers_disconnect_by_func (lin_context_get_settings (self->context), day_start_changed_cb, self);
    }
  if (self->printing != NULL)
    lin_roster_print_cancel (self->printing);
  g_clear_object (&self->printing);
  g_set_object (&self->context, context);
  lin_roster_details_set_context (LIN_ROSTER_DETAILS (self->details), context);
  lin_roster_mine_set_context (LIN_ROSTER_MINE (self->mine), context);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->last_fill, g_ptr_array_unref);
  if (context != NULL)
    {
      g_signal_connect_object (context, "roster-changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (lin_context_get_settings (context), "changed::roster-day-start",
                               G_CALLBACK (day_start_changed_cb), self, G_CONNECT_SWAPPED);
      day_start_changed_cb (self);
    }
  reload (self);
}

/* The modes */

static void
mode_changed_cb (LinRosterView *self)
{
  const char *name = adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (self->views));

  for (guint i = 0; i < G_N_ELEMENTS (mode_names); i++)
    if (g_strcmp0 (name, mode_names[i]) == 0)
      self->mode = i;

  /* My Shifts has no period and plans nothing; beside it, the open
   * places until she chooses one of her shifts */
  if (self->mode == MODE_MINE)
    lin_roster_view_select (self, -1);
  gtk_widget_set_visible (self->nav, self->mode != MODE_MINE);
  gtk_widget_set_visible (self->actions, self->mode != MODE_MINE);
  gtk_button_set_label (GTK_BUTTON (self->fill_button),
                        is_month (self) ?
                        /* Translators: a button in the Roster section: fill the month's gaps */
                        _("_Auto-Fill Month") : _("_Auto-Fill Week"));
  gtk_widget_set_tooltip_text (self->fill_icon, is_month (self) ? _("Auto-Fill Month") : _("Auto-Fill Week"));
  update_label (self);
  show_details (self);
}

/**
 * lin_roster_view_show_mode:
 * @self: a #LinRosterView
 * @mode: "week", "month", "people" or "mine"
 */
void
lin_roster_view_show_mode (LinRosterView *self,
                           const char    *mode)
{
  g_return_if_fail (LIN_IS_ROSTER_VIEW (self));

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->views), mode);
}

/* The modes' switcher squeezed out of the bar: the bar below shows them */
static void
squeezed_cb (LinRosterView *self,
             GParamSpec    *pspec,
             AdwSqueezer   *squeezer)
{
  GtkWidget *shown = adw_squeezer_get_visible_child (squeezer);

  adw_view_switcher_bar_set_reveal (ADW_VIEW_SWITCHER_BAR (self->switcher_bar),
                                    shown != NULL && !ADW_IS_VIEW_SWITCHER (shown));
}

/* People and lines */

static void
people_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  LinRosterView *self = LIN_ROSTER_VIEW (widget);

  if (self->context != NULL && !lin_context_get_locked (self->context))
    gtk_window_present (GTK_WINDOW (lin_roster_people_new (window (self), self->context)));
}

/* Printing: the month in sight on one page, or her shifts. The dialog
 * runs on its own; the operation holds the roster until it is done, and
 * a lock cancels it (lin_roster_print_cancel() drops the roster too) */

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               LinRosterView           *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      /* Translators: the heading of an error when the roster could not be printed */
      dialog = adw_message_dialog_new (window (self), _("The Roster Was Not Printed"),
                                       error != NULL ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  if (self->printing == operation)
    g_clear_object (&self->printing);
}

static void
print (LinRosterView     *self,
       GtkPrintOperation *operation)
{
  g_autoptr(GError) error = NULL;

  if (self->printing != NULL)
    lin_roster_print_cancel (self->printing);
  g_clear_object (&self->printing);
  self->printing = operation;
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, window (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Could not print the roster: %s", error->message);
}

static void
print_month_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *parameter)
{
  LinRosterView *self = LIN_ROSTER_VIEW (widget);

  if (self->roster != NULL)
    print (self, lin_roster_print_month_new (self->roster, self->violations, &self->day, self->day_start));
}

/* Her shifts from the start of this month, for two months */
static void
print_mine_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  LinRosterView *self = LIN_ROSTER_VIEW (widget);
  int me = lin_roster_mine_get_person (LIN_ROSTER_MINE (self->mine));
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  g_autoptr(GDateTime) first = g_date_time_new (lin_call_get_time_zone (), g_date_time_get_year (now),
                                                g_date_time_get_month (now), 1, 0, 0, 0);
  g_autoptr(GDateTime) last = g_date_time_add_months (first, 2);

  if (self->roster != NULL && me >= 0)
    print (self, lin_roster_print_person_new (self->roster, me, g_date_time_to_unix (first),
                                              g_date_time_to_unix (last)));
}

/* Calendar files */

static void
export_ics_action (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  LinRosterView *self = LIN_ROSTER_VIEW (widget);

  if (self->roster != NULL)
    lin_roster_export_calendar (window (self), self->roster, -1);
}

static void
export_mine_action (GtkWidget  *widget,
                    const char *action,
                    GVariant   *parameter)
{
  LinRosterView *self = LIN_ROSTER_VIEW (widget);
  int me = lin_roster_mine_get_person (LIN_ROSTER_MINE (self->mine));

  if (self->roster != NULL && me >= 0)
    lin_roster_export_calendar (window (self), self->roster, me);
}

/* Building */

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);

  return button;
}

static GtkWidget *
text_button (const char *label,
             const char *action,
             const char *name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_name (button, name);

  return button;
}

/* Make Shifts and Auto-Fill, in words where there is room, else as icons */
static GtkWidget *
action_buttons (LinRosterView *self)
{
  GtkWidget *squeezer = adw_squeezer_new ();
  GtkWidget *wide = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *narrow = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *fill;

  /* Translators: a button in the Roster section */
  self->make_button = text_button (_("_Make Shifts…"), "roster.make-shifts", "roster-make-shifts");
  gtk_box_append (GTK_BOX (wide), self->make_button);
  /* Translators: a button in the Roster section: fill the week's gaps */
  self->fill_button = text_button (_("_Auto-Fill Week"), "roster.auto-fill", "roster-auto-fill");
  gtk_widget_add_css_class (self->fill_button, "suggested-action");
  gtk_box_append (GTK_BOX (wide), self->fill_button);

  gtk_box_append (GTK_BOX (narrow), icon_button ("list-add-symbolic", _("Make Shifts"), "roster.make-shifts", NULL));
  /* Translators: a button's tooltip in the Roster section, when the window is narrow */
  fill = icon_button ("object-select-symbolic", _("Auto-Fill Week"), "roster.auto-fill", NULL);
  self->fill_icon = fill;
  gtk_widget_add_css_class (fill, "suggested-action");
  gtk_box_append (GTK_BOX (narrow), fill);

  adw_squeezer_add (ADW_SQUEEZER (squeezer), wide);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), narrow);

  return squeezer;
}

/* The bar above the roster: earlier, today, later and what is in sight;
 * the modes; Make Shifts and Auto-Fill; the menu */
static GtkWidget *
build_bar (LinRosterView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *today, *switcher, *squeezer, *menu;
  g_autoptr(GMenu) model = g_menu_new ();

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);

  self->nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_hexpand (self->nav, TRUE);
  gtk_box_append (GTK_BOX (self->nav),
                  /* Translators: a button's tooltip in the Roster section */
                  icon_button ("go-previous-symbolic", _("Previous"), "roster.week", g_variant_new_int32 (-1)));
  /* Translators: a button in the Roster section: go to the week or month of today */
  today = gtk_button_new_with_mnemonic (_("_Today"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (today), "roster.week");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (today), g_variant_new_int32 (0));
  gtk_box_append (GTK_BOX (self->nav), today);
  gtk_box_append (GTK_BOX (self->nav),
                  /* Translators: a button's tooltip in the Roster section */
                  icon_button ("go-next-symbolic", _("Next"), "roster.week", g_variant_new_int32 (1)));
  self->week_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->week_label, "roster-week-label");
  gtk_widget_add_css_class (self->week_label, "heading");
  gtk_widget_set_hexpand (self->week_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->week_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->week_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (self->week_label, 6);
  gtk_box_append (GTK_BOX (self->nav), self->week_label);
  gtk_box_append (GTK_BOX (bar), self->nav);

  /* the modes in the bar while they fit, else in a bar below */
  switcher = adw_view_switcher_new ();
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_STACK (self->views));
  squeezer = adw_squeezer_new ();
  adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), switcher);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  g_signal_connect_object (squeezer, "notify::visible-child", G_CALLBACK (squeezed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), squeezer);

  self->actions = action_buttons (self);
  gtk_box_append (GTK_BOX (bar), self->actions);

  /* Translators: an item of the Roster section's menu: edit the roster's people and lines */
  g_menu_append (model, _("_People and Lines"), "roster.people");
  /* Translators: an item of the Roster section's menu */
  g_menu_append (model, _("Save as _Calendar File…"), "roster.export-ics");
  /* Translators: an item of the Roster section's menu: print the month's rota */
  g_menu_append (model, _("_Print Month…"), "roster.print-month");
  menu = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu), G_MENU_MODEL (model));
  /* Translators: the tooltip of the Roster section's menu button */
  gtk_widget_set_tooltip_text (menu, _("Roster Menu"));
  gtk_widget_set_name (menu, "roster-menu");
  gtk_box_append (GTK_BOX (bar), menu);

  return bar;
}

static GtkWidget *
build_week (LinRosterView *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->week = lin_roster_week_new ();
  gtk_widget_set_name (self->week, "roster-week");
  g_signal_connect_object (self->week, "selection-changed", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->week, "shift-activated", G_CALLBACK (shift_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->week);

  return scroller;
}

/* A day of the month chosen: its week */
static void
day_activated_cb (LinRosterView *self,
                  guint          julian)
{
  GDate day;

  g_date_set_julian (&day, julian);
  lin_roster_view_show_week (self, &day);
  lin_roster_view_show_mode (self, mode_names[MODE_WEEK]);
}

/* A cell of the rota chosen: her shift that day in the details, or on the
 * Missing row the day's first shift short of people */
static void
cell_activated_cb (LinRosterView *self,
                   int            person,
                   guint          julian)
{
  int chosen = -1;

  for (guint s = 0; self->roster != NULL && s < lin_roster_get_n_shifts (self->roster) && chosen < 0; s++)
    {
      if (lin_roster_days_of_shift (self->roster, s, self->day_start) != julian ||
          lin_roster_shift_is_cancelled (self->roster, s))
        continue;
      if (person < 0)
        {
          if (lin_roster_shift_get_n_assigned (self->roster, s) < lin_roster_shift_get_required (self->roster, s))
            chosen = s;
          continue;
        }
      for (guint a = 0; a < lin_roster_shift_get_n_assigned (self->roster, s); a++)
        if (lin_roster_assignment_get_person (self->roster, lin_roster_shift_get_assignment (self->roster, s, a)) ==
            person)
          chosen = s;
    }

  lin_roster_view_select (self, chosen);
  if (chosen >= 0)
    adw_leaflet_set_visible_child (ADW_LEAFLET (self->leaflet), self->details_pane);
}

static GtkWidget *
build_month (LinRosterView *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->month = lin_roster_month_new ();
  gtk_widget_set_name (self->month, "roster-month");
  g_signal_connect_object (self->month, "day-activated", G_CALLBACK (day_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->month);

  return scroller;
}

static GtkWidget *
build_rota (LinRosterView *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->rota = lin_roster_rota_new ();
  gtk_widget_set_name (self->rota, "roster-rota");
  g_signal_connect_object (self->rota, "cell-activated", G_CALLBACK (cell_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->rota);

  return scroller;
}

static void
add_view (LinRosterView *self,
          GtkWidget     *child,
          Mode           mode,
          const char    *title,
          const char    *icon)
{
  AdwViewStackPage *page = adw_view_stack_add_titled (ADW_VIEW_STACK (self->views), child, mode_names[mode], title);

  adw_view_stack_page_set_icon_name (page, icon);
  adw_view_stack_page_set_use_underline (page, TRUE);
}

static GtkWidget *
build_details_pane (LinRosterView *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *side = gtk_scrolled_window_new ();
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->details = lin_roster_details_new ();
  g_signal_connect_object (self->details, "shift-chosen", G_CALLBACK (shift_chosen_cb), self, G_CONNECT_SWAPPED);
  /* the week takes the room; the details about a phone's width */
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 380);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->details);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (side), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (side), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (side), clamp);
  gtk_widget_set_vexpand (side, TRUE);

  gtk_widget_set_size_request (pane, 320, -1);
  gtk_widget_set_hexpand (pane, FALSE);
  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  /* Translators: a button's tooltip: back from a shift's details to the week */
  gtk_widget_set_tooltip_text (self->back_button, _("Back to the Week"));
  gtk_widget_set_halign (self->back_button, GTK_ALIGN_START);
  gtk_widget_set_margin_start (self->back_button, 12);
  gtk_widget_set_margin_top (self->back_button, 6);
  gtk_widget_set_visible (self->back_button, FALSE);
  g_signal_connect_object (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (pane), self->back_button);
  gtk_box_append (GTK_BOX (pane), side);

  return pane;
}

static void
build (LinRosterView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *empty, *start;

  self->views = adw_view_stack_new ();
  gtk_widget_set_hexpand (self->views, TRUE);
  gtk_widget_set_vexpand (self->views, TRUE);
  /* so wide at the least: narrower, the roster and the details take turns */
  gtk_widget_set_size_request (self->views, 360, -1);
  /* Translators: a mode of the Roster section: a week of shifts */
  add_view (self, build_week (self), MODE_WEEK, _("_Week"), "lin-roster-symbolic");
  /* Translators: a mode of the Roster section: a month of days */
  add_view (self, build_month (self), MODE_MONTH, _("M_onth"), "view-grid-symbolic");
  /* Translators: a mode of the Roster section: the rota, a row of days for each person */
  add_view (self, build_rota (self), MODE_PEOPLE, _("_Rota"), "system-users-symbolic");
  self->mine = lin_roster_mine_new ();
  g_signal_connect_object (self->mine, "shift-chosen", G_CALLBACK (shift_chosen_cb), self, G_CONNECT_SWAPPED);
  /* Translators: a mode of the Roster section: the shifts of the person using Linija */
  add_view (self, self->mine, MODE_MINE, _("_My Shifts"), "avatar-default-symbolic");
  g_signal_connect_object (self->views, "notify::visible-child", G_CALLBACK (mode_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (box), build_bar (self));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  /* the roster and the chosen shift side by side, or one at a time in a
   * narrow window */
  self->leaflet = adw_leaflet_new ();
  adw_leaflet_set_can_navigate_back (ADW_LEAFLET (self->leaflet), TRUE);
  gtk_widget_set_vexpand (self->leaflet, TRUE);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_changed_cb), self, G_CONNECT_SWAPPED);
  self->week_pane = self->views;
  adw_leaflet_append (ADW_LEAFLET (self->leaflet), self->views);
  self->details_separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  adw_leaflet_page_set_navigatable (adw_leaflet_append (ADW_LEAFLET (self->leaflet), self->details_separator),
                                    FALSE);
  self->details_pane = build_details_pane (self);
  adw_leaflet_append (ADW_LEAFLET (self->leaflet), self->details_pane);
  gtk_box_append (GTK_BOX (box), self->leaflet);

  self->switcher_bar = adw_view_switcher_bar_new ();
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (self->switcher_bar), ADW_VIEW_STACK (self->views));
  gtk_box_append (GTK_BOX (box), self->switcher_bar);

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "lin-roster-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Shifts Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("The shifts that keep the line open around the clock will be planned here."));
  /* Translators: the button on the empty Roster section: the first step of a roster */
  start = gtk_button_new_with_mnemonic (_("Add _Lines and People"));
  gtk_widget_set_name (start, "roster-start");
  gtk_widget_set_halign (start, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (start, "pill");
  gtk_widget_add_css_class (start, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (start), "roster.people");
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), start);
  self->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_stack_add_named (GTK_STACK (self->stack), box, "roster");

  self->toasts = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (self->toasts), self->stack);
  adw_bin_set_child (ADW_BIN (self), self->toasts);
}

static void
lin_roster_view_dispose (GObject *object)
{
  LinRosterView *self = (LinRosterView *)object;

  if (self->context != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->context, reload, self);
      g_signal_handlers_disconnect_by_func (lin_context_get_settings (self->context), day_start_changed_cb, self);
    }
  if (self->printing != NULL)
    lin_roster_print_cancel (self->printing);
  g_clear_object (&self->printing);
  g_clear_object (&self->context);
  g_clear_pointer (&self->roster, lin_roster_unref);
  g_clear_pointer (&self->violations, g_array_unref);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->last_fill, g_ptr_array_unref);

  G_OBJECT_CLASS (lin_roster_view_parent_class)->dispose (object);
}

static void
lin_roster_view_class_init (LinRosterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_roster_view_dispose;

  gtk_widget_class_install_action (widget_class, "roster.week", "i", week_action);
  gtk_widget_class_install_action (widget_class, "roster.auto-fill", NULL, auto_fill_action);
  gtk_widget_class_install_action (widget_class, "roster.undo-fill", NULL, undo_fill_action);
  gtk_widget_class_install_action (widget_class, "roster.make-shifts", NULL, make_shifts_action);
  gtk_widget_class_install_action (widget_class, "roster.export-ics", NULL, export_ics_action);
  gtk_widget_class_install_action (widget_class, "roster.people", NULL, people_action);
  gtk_widget_class_install_action (widget_class, "roster.print-month", NULL, print_month_action);
  gtk_widget_class_install_action (widget_class, "roster.print-mine", NULL, print_mine_action);
  gtk_widget_class_install_action (widget_class, "roster.export-mine", NULL, export_mine_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK, "roster.week", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK, "roster.week", "i", 1);
}

static void
lin_roster_view_init (LinRosterView *self)
{
  self->day_start = 8;
  build (self);
  lin_roster_view_show_week (self, NULL);
  show_details (self);
}

