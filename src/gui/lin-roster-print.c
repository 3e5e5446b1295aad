/* lin-roster-print.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster on paper, for the office wall and for a counsellor's bag:
 * a GtkPrintOperation that prints (or exports to PDF) either a month's
 * rota or one person's shifts.
 *
 * The month is always one landscape page: a person a row, a day a column
 * (a day runs from the day's start, 08:00 unless told, to the next day's,
 * as in the week view, so a 20:00-08:00 night is on the day it begins).
 * A cell holds the hours her shifts start and a letter for the line, so
 * that the page still says everything when printed in black and white;
 * weekends and public holidays are shaded lightly. The fonts and rows
 * shrink with the number of people until the page holds them all: forty
 * people stay readable at about 7 pt, sixty at about 5 pt. A text still
 * too wide for its cell is scaled down, never clipped or run over its
 * neighbour. Hours are real elapsed time: the night into the last Sunday
 * of March counts 11 hours.
 *
 * A person's shifts are a portrait list, a shift a row with the rules it
 * breaks, over as many pages as it needs, the header row repeated on each
 * and "1/2" at the foot.
 *
 * Only roster data is printed: aliases, lines and times, never a call.
 * The footer carries the date it was printed and nothing else. The GTK
 * print dialog's preview would write the pages to a temporary PDF for an
 * outside viewer; the operation shows its own preview from memory instead
 * (lin-roster-print-preview.c). lin_roster_print_cancel() ends the
 * operation and closes that preview when the profile locks.
 *
 * This file holds what both share and the operation itself; the month is
 * drawn in lin-roster-print-month.c, the person's pages in
 * lin-roster-print-person.c.
 */

#define G_LOG_DOMAIN "lin-roster-print"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call.h"
#include "lin-roster-print-private.h"

G_DEFINE_FINAL_TYPE (LinRosterPrint, lin_roster_print, GTK_TYPE_PRINT_OPERATION)

/* Shared by the month and the person's shifts: times, words, text in boxes */

GDateTime *
lin_print_local_time (gint64 instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, lin_call_get_time_zone ());
}

/* "26/11/2026" */
char *
lin_print_format_date (GDateTime *time)
{
  /* Translators: a full date on a printed roster, in g_date_time_format()
   * notation with numbers only (month names would come out in English):
   * "26/11/2026"; in Serbian "26.11.2026." */
  return g_date_time_format (time, _("%-d/%-m/%Y"));
}

/* "12" or "12:30": hours of real elapsed time */
char *
lin_print_format_hours (gint64 seconds)
{
  guint minutes = (guint)(MAX (seconds, 0) / 60);

  if (minutes % 60 == 0)
    return g_strdup_printf ("%u", minutes / 60);

  return g_strdup_printf ("%u:%02u", minutes / 60, minutes % 60);
}

const char *
lin_print_alias_of (LinRoster *roster,
                    guint      person)
{
  const char *alias = lin_record_get_string (lin_roster_get_person (roster, person), LIN_PERSON_FIELD_ALIAS);

  return alias != NULL ? alias : "";
}

const char *
lin_print_line_name (LinRoster *roster,
                     int        line)
{
  const char *name = NULL;

  if (line >= 0)
    name = lin_record_get_string (lin_roster_get_line (roster, line), LIN_LINE_FIELD_NAME);

  return name != NULL ? name : "";
}

gboolean
lin_print_has_person (LinRoster *roster,
                      guint      shift,
                      guint      person)
{
  guint n = lin_roster_shift_get_n_assigned (roster, shift);

  for (guint i = 0; i < n; i++)
    if (lin_roster_assignment_get_person (roster, lin_roster_shift_get_assignment (roster, shift, i)) == (int)person)
      return TRUE;

  return FALSE;
}

/**
 * lin_roster_print_line_markers:
 * @roster: a roster
 *
 * A letter for each line, for the black-and-white page: the first letter
 * of each line's name when they all differ, else A, B, C…
 *
 * Returns: (transfer full): the letters, by line
 */
GStrv
lin_roster_print_line_markers (LinRoster *roster)
{
  guint n = lin_roster_get_n_lines (roster);
  g_auto(GStrv) markers = g_new0 (char *, n + 1);
  gboolean distinct = TRUE;

  for (guint i = 0; i < n && distinct; i++)
    {
      const char *name = lin_print_line_name (roster, i);
      gunichar c = g_unichar_toupper (g_utf8_get_char (name));
      char letter[8] = { 0 };

      if (!g_unichar_isalnum (c))
        {
          distinct = FALSE;
          break;
        }
      g_unichar_to_utf8 (c, letter);
      for (guint j = 0; j < i; j++)
        distinct &= g_strcmp0 (markers[j], letter) != 0;
      markers[i] = g_strdup (letter);
    }

  for (guint i = 0; i < n && !distinct; i++)
    {
      g_free (markers[i]);
      markers[i] = i < 26 ? g_strdup_printf ("%c", 'A' + i) : g_strdup_printf ("%u", i + 1);
    }

  return g_steal_pointer (&markers);
}

void
lin_print_set_font (PangoLayout *layout,
                    double       size,
                    gboolean     bold)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, MAX (size, 1) * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
}

void
lin_print_text_size (PangoLayout *layout,
                     const char  *text,
                     double      *width,
                     double      *height)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double)logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double)logical.height / PANGO_SCALE;
}

/* How much @text must shrink to fit @width × @height: 1 when it fits */
double
lin_print_fit_scale (PangoLayout *layout,
                     const char  *text,
                     double       width,
                     double       height)
{
  double w, h;

  lin_print_text_size (layout, text, &w, &h);
  if (w <= 0 || h <= 0)
    return 1;

  return MIN (1, MIN (width / w, height / h));
}

/* @text in the box, centred up and down and placed by @align across (0
 * left, 0.5 centred, 1 right), scaled down when it would not fit */
void
lin_print_show_fitted (cairo_t     *cr,
                       PangoLayout *layout,
                       const char  *text,
                       double       x,
                       double       y,
                       double       width,
                       double       height,
                       double       align)
{
  double scale = lin_print_fit_scale (layout, text, width, height);
  double w, h;

  lin_print_text_size (layout, text, &w, &h);
  cairo_save (cr);
  cairo_move_to (cr, x + (width - w * scale) * align, y + (height - h * scale) / 2);
  cairo_scale (cr, scale, scale);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
lin_print_stroke_line (cairo_t *cr,
                       double   x0,
                       double   y0,
                       double   x1,
                       double   y1,
                       double   width,
                       double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

/* The title at the top; returns the height it takes */
double
lin_print_show_title (cairo_t     *cr,
                      PangoLayout *layout,
                      const char  *title,
                      double       width,
                      double       mm)
{
  double height;

  lin_print_set_font (layout, 5 * mm, TRUE);
  lin_print_text_size (layout, title, NULL, &height);
  cairo_set_source_rgb (cr, 0, 0, 0);
  lin_print_show_fitted (cr, layout, title, 0, 0, width, height, 0);

  return height + 2 * mm;
}

/* The foot of the page: the date printed, and "1/2" when @page_text */
double
lin_print_footer_height (PangoLayout *layout,
                         double       mm)
{
  double height;

  lin_print_set_font (layout, 2.4 * mm, FALSE);
  lin_print_text_size (layout, "0", NULL, &height);

  return height + 1.5 * mm;
}

void
lin_print_show_footer (cairo_t     *cr,
                       PangoLayout *layout,
                       double       width,
                       double       height,
                       double       mm,
                       const char  *page_text)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  g_autofree char *date = lin_print_format_date (now);
  g_autofree char *printed = NULL;
  double foot = lin_print_footer_height (layout, mm);

  /* Translators: the foot of a printed roster; %s is the date, "26/11/2026" */
  printed = g_strdup_printf (_("Printed %s"), date);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  lin_print_show_fitted (cr, layout, printed, 0, height - foot + 1.5 * mm, width / 2, foot - 1.5 * mm, 0);
  if (page_text != NULL)
    lin_print_show_fitted (cr, layout, page_text, width / 2, height - foot + 1.5 * mm, width / 2, foot - 1.5 * mm, 1);
}

/* GtkPrintOperation */

static void
lin_roster_print_begin_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  LinRosterPrint *self = LIN_ROSTER_PRINT (operation);

  if (self->kind == KIND_PERSON && !self->cancelled)
    lin_roster_print_begin_person (self, context);
}

static void
lin_roster_print_draw_page (GtkPrintOperation *operation,
                            GtkPrintContext   *context,
                            int                page)
{
  LinRosterPrint *self = LIN_ROSTER_PRINT (operation);

  if (self->cancelled)
    return;
  if (self->kind == KIND_MONTH)
    lin_roster_print_draw_month (self, context);
  else
    lin_roster_print_draw_person (self, context, page);
}

/* The month stays landscape and the list portrait whatever the paper */
static void
lin_roster_print_request_page_setup (GtkPrintOperation *operation,
                                     GtkPrintContext   *context,
                                     int                page,
                                     GtkPageSetup      *setup)
{
  LinRosterPrint *self = LIN_ROSTER_PRINT (operation);

  gtk_page_setup_set_orientation (setup, self->kind == KIND_MONTH ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                                  : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
lin_roster_print_finalize (GObject *object)
{
  LinRosterPrint *self = (LinRosterPrint *)object;

  g_clear_pointer (&self->roster, lin_roster_unref);
  g_clear_pointer (&self->violations, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);

  G_OBJECT_CLASS (lin_roster_print_parent_class)->finalize (object);
}

static void
lin_roster_print_class_init (LinRosterPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = lin_roster_print_finalize;

  operation_class->begin_print = lin_roster_print_begin_print;
  operation_class->draw_page = lin_roster_print_draw_page;
  operation_class->request_page_setup = lin_roster_print_request_page_setup;
  operation_class->preview = lin_roster_print_preview;
}

static void
lin_roster_print_init (LinRosterPrint *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, lin_print_row_clear);
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
}

static LinRosterPrint *
print_new (LinRoster          *roster,
           Kind                kind,
           GtkPageOrientation  orientation)
{
  LinRosterPrint *self = g_object_new (LIN_TYPE_ROSTER_PRINT, NULL);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  self->roster = lin_roster_ref (roster);
  self->kind = kind;

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, orientation);
  gtk_page_setup_set_top_margin (setup, 10, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 10, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, orientation == GTK_PAGE_ORIENTATION_LANDSCAPE ? 10 : 15, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 10, GTK_UNIT_MM);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);

  return self;
}

/* Public API */

/**
 * lin_roster_print_month_new:
 * @roster: a roster
 * @violations: (nullable) (element-type LinRosterViolation): the rules
 *   broken, from lin_roster_check(): a shift breaking one is marked
 * @month: any day of the month
 * @day_start: the hour a day starts, 0 to 23: a shift belongs to the day
 *   its start falls in
 *
 * The month's rota on one landscape page, A4 unless the user chooses
 * other paper. The operation keeps a reference to @roster until it is
 * finalized.
 *
 * Returns: (transfer full): a new print operation
 */
GtkPrintOperation *
lin_roster_print_month_new (LinRoster *roster,
                            GArray    *violations,
                            GDate     *month,
                            guint      day_start)
{
  LinRosterPrint *self;

  g_return_val_if_fail (roster != NULL, NULL);
  g_return_val_if_fail (month != NULL && g_date_valid (month), NULL);
  g_return_val_if_fail (day_start < 24, NULL);

  self = print_new (roster, KIND_MONTH, GTK_PAGE_ORIENTATION_LANDSCAPE);
  self->violations = violations != NULL ? g_array_ref (violations) : NULL;
  self->month = *month;
  g_date_set_day (&self->month, 1);
  self->day_start = day_start;
  gtk_print_operation_set_n_pages (GTK_PRINT_OPERATION (self), 1);

  return GTK_PRINT_OPERATION (self);
}

/**
 * lin_roster_print_person_new:
 * @roster: a roster
 * @person: the person's index
 * @from: the first instant: shifts that start from it
 * @to: the end, excluded: shifts that start before it
 *
 * The person's shifts, with the rules each breaks (lin_roster_check()
 * with the default settings, as the Roster section checks), portrait, on
 * as many pages as they need. The operation keeps a reference to @roster
 * until it is finalized.
 *
 * Returns: (transfer full): a new print operation
 */
GtkPrintOperation *
lin_roster_print_person_new (LinRoster *roster,
                             guint      person,
                             gint64     from,
                             gint64     to)
{
  LinRosterPrint *self;

  g_return_val_if_fail (roster != NULL, NULL);
  g_return_val_if_fail (person < lin_roster_get_n_people (roster), NULL);
  g_return_val_if_fail (from < to, NULL);

  self = print_new (roster, KIND_PERSON, GTK_PAGE_ORIENTATION_PORTRAIT);
  self->person = person;
  self->from = from;
  self->to = to;

  return GTK_PRINT_OPERATION (self);
}

/**
 * lin_roster_print_cancel:
 * @operation: a print operation from this file
 *
 * Ends the operation, closes its preview window and drops the roster,
 * when the profile locks: no page is drawn after it.
 */
void
lin_roster_print_cancel (GtkPrintOperation *operation)
{
  LinRosterPrint *self = LIN_ROSTER_PRINT (operation);

  g_return_if_fail (LIN_IS_ROSTER_PRINT (operation));

  self->cancelled = TRUE;
  gtk_print_operation_cancel (operation);
  if (self->preview_window != NULL)
    gtk_window_destroy (self->preview_window);

  /* nothing of the roster stays, though GTK may hold the operation a
   * while longer */
  g_array_set_size (self->rows, 0);
  g_clear_pointer (&self->violations, g_array_unref);
  g_clear_pointer (&self->roster, lin_roster_unref);
}
