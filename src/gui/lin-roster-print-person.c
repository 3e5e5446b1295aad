/* lin-roster-print-person.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person's shifts (see lin-roster-print.c): a row a shift with the
 * rules it breaks, which wrap; rows are measured in begin-print and split
 * into pages, each with the title and the header row, the totals after
 * the last row.
 */

#define G_LOG_DOMAIN "lin-roster-print"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-hours.h"
#include "lin-roster-print-private.h"

void
lin_print_row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->date);
  g_free (row->weekday);
  g_free (row->time);
  g_free (row->hours);
  g_free (row->line);
  g_free (row->notes);
}

/* The rules she breaks on @shift, a line each */
static char *
shift_notes (LinRosterPrint *self,
             guint           shift)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (lin_roster_shift_is_cancelled (self->roster, shift))
    /* Translators: a cancelled shift */
    g_string_append (text, _("Cancelled"));

  for (guint i = 0; self->violations != NULL && i < self->violations->len; i++)
    {
      const LinRosterViolation *v = &g_array_index (self->violations, LinRosterViolation, i);
      g_autofree char *sentence = NULL;

      if (v->shift != (int)shift || v->person != (int)self->person || v->rule == LIN_ROSTER_RULE_GAP)
        continue;
      sentence = lin_roster_describe (self->roster, v);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (v->overridden)
        /* Translators: a rule broken on a shift, allowed with a reason or
         * a confirmation; %s describes it */
        g_string_append_printf (text, _("⚠ %s (allowed)"), sentence);
      else
        g_string_append (text, sentence);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_row (LinRosterPrint *self,
         guint           shift)
{
  gint64 start = lin_roster_shift_get_start (self->roster, shift);
  gint64 end = lin_roster_shift_get_end (self->roster, shift);
  g_autoptr(GDateTime) from = lin_print_local_time (start);
  g_autoptr(GDateTime) to = lin_print_local_time (end);
  g_autofree char *from_text = g_date_time_format (from, "%H:%M");
  g_autofree char *to_text = g_date_time_format (to, "%H:%M");
  Row row = { 0 };

  /* Translators: a day's date in the roster, in g_date_time_format()'s
   * notation with numbers only (month names would come out in English):
   * "23/3"; in Serbian "23.3." */
  row.date = g_date_time_format (from, _("%-d/%-m"));
  row.weekday = g_strdup (lin_hours_get_day_name (g_date_time_get_day_of_week (from) - 1));
  /* Translators: a shift's time span in the roster's week, "20:00–08:00" */
  row.time = g_strdup_printf (_("%1$s–%2$s"), from_text, to_text);
  row.hours = lin_print_format_hours (end - start);
  row.line = g_strdup (lin_print_line_name (self->roster, lin_roster_shift_get_line (self->roster, shift)));
  row.notes = shift_notes (self, shift);
  g_array_append_val (self->rows, row);

  if (!lin_roster_shift_is_cancelled (self->roster, shift))
    {
      self->total_shifts++;
      self->total_seconds += end - start;
      self->total_nights += lin_roster_shift_is_night (self->roster, shift);
    }
}

/* The columns of a person's shifts, as fractions of the width */
static const double person_columns[] = { 0.10, 0.08, 0.16, 0.08, 0.17, 0.41 };
enum { COL_DATE, COL_DAY, COL_TIME, COL_HOURS, COL_LINE, COL_NOTES, N_COLUMNS };

static double
column_x (guint  column,
          double width)
{
  double x = 0;

  for (guint i = 0; i < column; i++)
    x += person_columns[i] * width;

  return x;
}

#define PERSON_FONT(mm)  (3.5 * (mm))
#define PERSON_PAD(mm)   (0.8 * (mm))

static double
row_height (PangoLayout *layout,
            const char  *notes,
            double       width,
            double       mm)
{
  double line, wrapped = 0;

  lin_print_set_font (layout, PERSON_FONT (mm), FALSE);
  lin_print_text_size (layout, "Ag", NULL, &line);
  if (notes != NULL && *notes != '\0')
    {
      pango_layout_set_width (layout, (int)((person_columns[COL_NOTES] * width - 2 * PERSON_PAD (mm)) * PANGO_SCALE));
      lin_print_text_size (layout, notes, NULL, &wrapped);
      pango_layout_set_width (layout, -1);
    }

  return MAX (line, wrapped) + 2 * PERSON_PAD (mm);
}

static char *
person_title (LinRosterPrint *self)
{
  g_autoptr(GDateTime) from = lin_print_local_time (self->from);
  g_autoptr(GDateTime) to = lin_print_local_time (self->to - 1);
  g_autofree char *from_text = lin_print_format_date (from);
  g_autofree char *to_text = lin_print_format_date (to);

  /* Translators: the title of a person's printed shifts: her alias and the
   * first and last days, "Shifts of Ana, 1/3/2026 – 31/3/2026" */
  return g_strdup_printf (_("Shifts of %1$s, %2$s – %3$s"), lin_print_alias_of (self->roster, self->person),
                          from_text, to_text);
}

/* The rows that fit on each page, the totals after the last */
static void
paginate (LinRosterPrint  *self,
          GtkPrintContext *context)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double mm = gtk_print_context_get_dpi_y (context) / 25.4;
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autofree char *title = person_title (self);
  double title_h, header_h, available, used = 0;
  guint first = 0;

  lin_print_set_font (layout, 5 * mm, TRUE);
  lin_print_text_size (layout, title, NULL, &title_h);
  header_h = row_height (layout, NULL, width, mm);
  available = height - (title_h + 2 * mm) - header_h - lin_print_footer_height (layout, mm);

  g_array_set_size (self->page_starts, 0);
  g_array_append_val (self->page_starts, first);
  for (guint i = 0; i <= self->rows->len; i++)
    {
      Row *row = i < self->rows->len ? &g_array_index (self->rows, Row, i) : NULL;
      double h = row != NULL ? row_height (layout, row->notes, width, mm) : header_h;

      if (row != NULL)
        row->height = h;
      if (used + h > available && used > 0)
        {
          g_array_append_val (self->page_starts, i);
          used = 0;
        }
      used += h;
    }

  gtk_print_operation_set_n_pages (GTK_PRINT_OPERATION (self), self->page_starts->len);
}

static void
show_person_row (cairo_t     *cr,
                 PangoLayout *layout,
                 const char  *texts[N_COLUMNS],
                 double       y,
                 double       height,
                 double       width,
                 double       mm)
{
  double pad = PERSON_PAD (mm);
  double line;

  lin_print_text_size (layout, "Ag", NULL, &line);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      double x = column_x (c, width) + pad, w = person_columns[c] * width - 2 * pad;

      /* the hours, right-aligned, keep apart from the line's name */
      if (c == COL_HOURS)
        w -= 2 * pad;

      if (texts[c] == NULL || *texts[c] == '\0')
        continue;
      if (c == COL_NOTES)
        {
          pango_layout_set_width (layout, (int)(w * PANGO_SCALE));
          pango_layout_set_text (layout, texts[c], -1);
          cairo_move_to (cr, x, y + pad);
          pango_cairo_show_layout (cr, layout);
          pango_layout_set_width (layout, -1);
        }
      else
        lin_print_show_fitted (cr, layout, texts[c], x, y + pad, w, line, c == COL_HOURS ? 1 : 0);
    }
}

static void
draw_person_header (cairo_t     *cr,
                    PangoLayout *layout,
                    double       y,
                    double       height,
                    double       width,
                    double       mm)
{
  const char *texts[N_COLUMNS] = {
    /* Translators: a column of a person's printed shifts: the shift's date */
    _("Date"),
    /* Translators: a column of a person's printed shifts: the weekday */
    _("Day"),
    /* Translators: a column of a person's printed shifts: "20:00–08:00" */
    _("Time"),
    /* Translators: a column of the printed month: each person's hours */
    _("Hours"),
    /* Translators: a column of a person's printed shifts: the shift's line */
    _("Line"),
    /* Translators: a column of a person's printed shifts: the rules of
     * the roster she breaks on the shift */
    _("Rules Broken"),
  };

  lin_print_set_font (layout, PERSON_FONT (mm), TRUE);
  show_person_row (cr, layout, texts, y, height, width, mm);
  lin_print_stroke_line (cr, 0, y + height, width, y + height, 0.3 * mm, 0);
}

static void
draw_person_totals (LinRosterPrint *self,
                    cairo_t        *cr,
                    PangoLayout    *layout,
                    double          y,
                    double          height,
                    double          width,
                    double          mm)
{
  g_autofree char *shifts = NULL;
  g_autofree char *hours = lin_print_format_hours (self->total_seconds);
  g_autofree char *nights = NULL;
  const char *texts[N_COLUMNS] = { NULL };

  /* Translators: the totals at the end of a person's printed shifts */
  shifts = g_strdup_printf (ngettext ("%u shift", "%u shifts", self->total_shifts), self->total_shifts);
  /* Translators: the totals at the end of a person's printed shifts */
  nights = g_strdup_printf (ngettext ("%u night", "%u nights", self->total_nights), self->total_nights);
  /* Translators: the totals at the end of a person's printed shifts */
  texts[COL_DATE] = C_("totals", "Total");
  texts[COL_TIME] = shifts;
  texts[COL_HOURS] = hours;
  texts[COL_LINE] = nights;

  lin_print_stroke_line (cr, 0, y, width, y, 0.3 * mm, 0);
  lin_print_set_font (layout, PERSON_FONT (mm), TRUE);
  show_person_row (cr, layout, texts, y, height, width, mm);
}

void
lin_roster_print_draw_person (LinRosterPrint  *self,
                              GtkPrintContext *context,
                              int              page)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double mm = gtk_print_context_get_dpi_y (context) / 25.4;
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autofree char *title = person_title (self);
  g_autofree char *page_text = NULL;
  guint first = g_array_index (self->page_starts, guint, page);
  guint last = (guint)page + 1 < self->page_starts->len ? g_array_index (self->page_starts, guint, page + 1)
                                                          : self->rows->len + 1;
  double header_h = row_height (layout, NULL, width, mm);
  double y = lin_print_show_title (cr, layout, title, width, mm);

  draw_person_header (cr, layout, y, header_h, width, mm);
  y += header_h;
  lin_print_set_font (layout, PERSON_FONT (mm), FALSE);
  for (guint i = first; i < last && i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);
      const char *texts[N_COLUMNS] = { row->date, row->weekday, row->time, row->hours, row->line, row->notes };

      if ((i - first) % 2 == 1)
        {
          cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);
          cairo_rectangle (cr, 0, y, width, row->height);
          cairo_fill (cr);
        }
      show_person_row (cr, layout, texts, y, row->height, width, mm);
      y += row->height;
    }
  if (last > self->rows->len)
    draw_person_totals (self, cr, layout, y, header_h, width, mm);

  /* Translators: the page number at the foot of a printed roster, "1/2" */
  page_text = g_strdup_printf (_("%1$d/%2$u"), page + 1, self->page_starts->len);
  lin_print_show_footer (cr, layout, width, height, mm, page_text);
}

static void
collect_rows (LinRosterPrint *self)
{
  guint n = lin_roster_get_n_shifts (self->roster);

  g_array_set_size (self->rows, 0);
  self->total_shifts = self->total_nights = 0;
  self->total_seconds = 0;
  for (guint i = 0; i < n; i++)
    {
      gint64 start = lin_roster_shift_get_start (self->roster, i);

      if (start >= self->from && start < self->to && lin_print_has_person (self->roster, i, self->person))
        add_row (self, i);
    }
}

/**
 * lin_roster_print_begin_person:
 * @self: a print operation of a person's shifts
 * @context: the print context
 *
 * Collects her shifts and the rules they break, lays out their rows and
 * sets the number of pages.
 */
void
lin_roster_print_begin_person (LinRosterPrint  *self,
                               GtkPrintContext *context)
{
  if (self->violations == NULL)
    self->violations = lin_roster_check (self->roster, NULL);
  collect_rows (self);
  paginate (self, context);
}
