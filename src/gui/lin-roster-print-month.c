/* lin-roster-print-month.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The month's rota on one landscape page (see lin-roster-print.c): the
 * people by alias down, the days across, the hours their shifts start
 * with each line's letter, the people missing each day, the legend. Every
 * measure comes from the page's size and the number of people, so that
 * A4 and Letter, 28 and 31 days, 10 and 60 people all fit.
 */

#define G_LOG_DOMAIN "lin-roster-print"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lin-call.h"
#include "lin-hours.h"
#include "lin-roster-print-private.h"

#define MAX_DAYS 31

typedef struct
{
  guint      n_days;
  gint64     edges[MAX_DAYS + 1];   /* each day's start, then the next month's first */
  gboolean   shaded[MAX_DAYS];
  guint      weekday[MAX_DAYS];     /* 0 (Monday) to 6 */
  guint      missing[MAX_DAYS];
  guint      n_people;
  guint     *order;                 /* people by alias */
  GString  **cells;                 /* n_people × n_days */
  gint64    *seconds;               /* by person */
  guint     *nights;
  GStrv      markers;               /* by line */
  gboolean   any_hard;
  gboolean   any_soft;
} Month;

static void
month_free (Month *month)
{
  for (guint i = 0; i < month->n_people * month->n_days; i++)
    g_string_free (month->cells[i], TRUE);
  g_free (month->cells);
  g_free (month->order);
  g_free (month->seconds);
  g_free (month->nights);
  g_strfreev (month->markers);
  g_free (month);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Month, month_free)

static void
month_set_days (Month *month,
                GDate *first,
                guint  day_start)
{
  month->n_days = g_date_get_days_in_month (g_date_get_month (first), g_date_get_year (first));
  for (guint d = 0; d <= month->n_days; d++)
    {
      GDate day = *first;
      g_autoptr(GDateTime) start = NULL;

      g_date_add_days (&day, d);
      start = g_date_time_new (lin_call_get_time_zone (), g_date_get_year (&day), g_date_get_month (&day),
                               g_date_get_day (&day), day_start, 0, 0);
      month->edges[d] = g_date_time_to_unix (start);
      if (d == month->n_days)
        break;
      month->weekday[d] = g_date_get_weekday (&day) - 1;
      month->shaded[d] = month->weekday[d] >= 5 ||
                         lin_hours_is_holiday (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
    }
}

static int
compare_people (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  char **keys = user_data;
  guint x = *(const guint *)a, y = *(const guint *)b;
  int order = strcmp (keys[x], keys[y]);

  return order != 0 ? order : (x < y ? -1 : x > y);
}

static guint *
people_by_alias (LinRoster *roster)
{
  guint n = lin_roster_get_n_people (roster);
  g_auto(GStrv) keys = g_new0 (char *, n + 1);
  guint *order = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      keys[i] = g_utf8_collate_key (lin_print_alias_of (roster, i), -1);
      order[i] = i;
    }
  g_qsort_with_data (order, n, sizeof (guint), compare_people, keys);

  return order;
}

/* "!" for a hard rule she breaks on the shift, "*" for a soft one, "" */
static const char *
rule_mark (LinRosterPrint *self,
           Month          *month,
           guint           shift,
           guint           person)
{
  gboolean hard = FALSE, soft = FALSE;

  for (guint i = 0; self->violations != NULL && i < self->violations->len; i++)
    {
      const LinRosterViolation *v = &g_array_index (self->violations, LinRosterViolation, i);

      if (v->shift != (int)shift || v->person != (int)person || v->overridden || v->rule == LIN_ROSTER_RULE_GAP)
        continue;
      if (lin_roster_rule_is_hard (v->rule))
        hard = TRUE;
      else
        soft = TRUE;
    }
  month->any_hard |= hard;
  month->any_soft |= soft;

  return hard ? "!" : soft ? "*" : "";
}

static void
month_add_shift (LinRosterPrint *self,
                 Month          *month,
                 guint           shift,
                 guint           day)
{
  LinRoster *roster = self->roster;
  gint64 start = lin_roster_shift_get_start (roster, shift);
  gint64 seconds = lin_roster_shift_get_end (roster, shift) - start;
  guint n = lin_roster_shift_get_n_assigned (roster, shift);
  guint required = lin_roster_shift_get_required (roster, shift);
  int line = lin_roster_shift_get_line (roster, shift);
  g_autoptr(GDateTime) time = lin_print_local_time (start);

  month->missing[day] += n < required ? required - n : 0;
  for (guint i = 0; i < n; i++)
    {
      int person = lin_roster_assignment_get_person (roster, lin_roster_shift_get_assignment (roster, shift, i));
      GString *cell;

      if (person < 0)
        continue;
      cell = month->cells[person * month->n_days + day];
      if (cell->len > 0)
        g_string_append_c (cell, ' ');
      g_string_append_printf (cell, "%02d%s%s", g_date_time_get_hour (time),
                              line >= 0 && month->markers[line] != NULL ? month->markers[line] : "",
                              rule_mark (self, month, shift, person));
      month->seconds[person] += seconds;
      month->nights[person] += lin_roster_shift_is_night (roster, shift);
    }
}

static Month *
month_new (LinRosterPrint *self)
{
  g_autoptr(Month) month = g_new0 (Month, 1);
  guint n_shifts = lin_roster_get_n_shifts (self->roster);

  month_set_days (month, &self->month, self->day_start);
  month->n_people = lin_roster_get_n_people (self->roster);
  month->order = people_by_alias (self->roster);
  month->markers = lin_roster_print_line_markers (self->roster);
  month->seconds = g_new0 (gint64, MAX (month->n_people, 1));
  month->nights = g_new0 (guint, MAX (month->n_people, 1));
  month->cells = g_new (GString *, MAX (month->n_people * month->n_days, 1));
  for (guint i = 0; i < month->n_people * month->n_days; i++)
    month->cells[i] = g_string_new (NULL);

  /* a shift belongs to the day its start falls in */
  for (guint i = 0; i < n_shifts; i++)
    {
      gint64 start = lin_roster_shift_get_start (self->roster, i);

      if (lin_roster_shift_is_cancelled (self->roster, i) || start < month->edges[0] ||
          start >= month->edges[month->n_days])
        continue;
      for (guint d = 0; d < month->n_days; d++)
        if (start < month->edges[d + 1])
          {
            month_add_shift (self, month, i, d);
            break;
          }
    }

  return g_steal_pointer (&month);
}

/* The table's measures, in the print context's units */
typedef struct
{
  double top;
  double header;     /* the header row's height */
  double row;        /* a person's row */
  double font;
  double header_font;
  double name;       /* the columns' widths */
  double day;
  double hours;
  double nights;
} Grid;

static double
widest (PangoLayout *layout,
        const char  *text,
        double       now)
{
  double width;

  lin_print_text_size (layout, text, &width, NULL);

  return MAX (width, now);
}

static void
grid_columns (Grid        *grid,
              Month       *month,
              LinRoster   *roster,
              PangoLayout *layout,
              double       width,
              double       mm)
{
  double name = 0, hours = 0, nights = 0;

  lin_print_set_font (layout, grid->font, FALSE);
  for (guint p = 0; p < month->n_people; p++)
    name = widest (layout, lin_print_alias_of (roster, p), name);
  hours = widest (layout, "888:88", 0);
  nights = widest (layout, "88", 0);
  lin_print_set_font (layout, grid->font, TRUE);
  /* Translators: the last row of the printed month: the people each day
   * still needs */
  name = widest (layout, _("Missing"), name);
  lin_print_set_font (layout, grid->header_font, TRUE);
  /* Translators: a column of the printed month: each person's hours */
  hours = widest (layout, _("Hours"), hours);
  /* Translators: a column of the printed month: each person's night shifts */
  nights = widest (layout, _("Nights"), nights);

  grid->name = CLAMP (name + 2 * mm, 12 * mm, 0.18 * width);
  grid->hours = hours + 1.6 * mm;
  grid->nights = nights + 1.6 * mm;
  grid->day = (width - grid->name - grid->hours - grid->nights) / month->n_days;
}

/* Rows as tall and fonts as big as the page allows, up to a comfortable
 * size: the page always holds every person */
static void
grid_rows (Grid   *grid,
           guint   n_rows,
           double  top,
           double  bottom,
           double  mm)
{
  grid->top = top;
  grid->header_font = 2.6 * mm;
  grid->header = 2 * 1.2 * grid->header_font + 1 * mm;
  grid->row = MIN (6 * mm, (bottom - top - grid->header) / n_rows);
  grid->font = MIN (3.4 * mm, 0.68 * grid->row);
  grid->header_font = MIN (grid->header_font, MAX (grid->font, 1.8 * mm));
}

/* The cell's text on one line or its shifts a line each, whichever is
 * larger once fitted */
static void
show_cell (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       width,
           double       height)
{
  g_autofree char *stacked = NULL;

  if (strchr (text, ' ') != NULL)
    {
      /* hours and capitals: no room needed for descenders */
      pango_layout_set_line_spacing (layout, 0.8);
      stacked = g_strdelimit (g_strdup (text), " ", '\n');
      if (lin_print_fit_scale (layout, stacked, width, height) > lin_print_fit_scale (layout, text, width, height))
        text = stacked;
    }
  lin_print_show_fitted (cr, layout, text, x, y, width, height, 0.5);
  pango_layout_set_line_spacing (layout, 0);
}

static void
draw_month_backgrounds (cairo_t *cr,
                        Grid    *grid,
                        Month   *month,
                        double   width,
                        double   bottom)
{
  /* every other person a faint band, to follow a row across the month */
  cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);
  for (guint r = 1; r < month->n_people; r += 2)
    cairo_rectangle (cr, 0, grid->top + grid->header + r * grid->row, width, grid->row);
  cairo_fill (cr);

  cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
  for (guint d = 0; d < month->n_days; d++)
    if (month->shaded[d])
      cairo_rectangle (cr, grid->name + d * grid->day, grid->top, grid->day, bottom - grid->top);
  cairo_fill (cr);
}

static void
draw_month_header (cairo_t     *cr,
                   PangoLayout *layout,
                   Grid        *grid,
                   Month       *month,
                   double       width)
{
  double pad = grid->header_font * 0.2;

  cairo_set_source_rgb (cr, 0, 0, 0);
  lin_print_set_font (layout, grid->header_font, TRUE);
  for (guint d = 0; d < month->n_days; d++)
    {
      g_autofree char *text = g_strdup_printf ("%u\n%s", d + 1, lin_hours_get_day_name (month->weekday[d]));

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      lin_print_show_fitted (cr, layout, text, grid->name + d * grid->day + pad, grid->top, grid->day - 2 * pad,
                   grid->header, 0.5);
    }
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  lin_print_show_fitted (cr, layout, _("Hours"), width - grid->nights - grid->hours + pad, grid->top,
               grid->hours - 2 * pad, grid->header, 0.5);
  lin_print_show_fitted (cr, layout, _("Nights"), width - grid->nights + pad, grid->top, grid->nights - 2 * pad,
               grid->header, 0.5);
}

static void
draw_month_row (cairo_t     *cr,
                PangoLayout *layout,
                Grid        *grid,
                Month       *month,
                LinRoster   *roster,
                guint        row,
                double       width)
{
  guint p = month->order[row];
  double y = grid->top + grid->header + row * grid->row;
  double pad = grid->font * 0.2;
  g_autofree char *hours = lin_print_format_hours (month->seconds[p]);
  g_autofree char *nights = g_strdup_printf ("%u", month->nights[p]);

  lin_print_set_font (layout, grid->font, FALSE);
  lin_print_show_fitted (cr, layout, lin_print_alias_of (roster, p), pad, y, grid->name - 2 * pad, grid->row, 0);
  for (guint d = 0; d < month->n_days; d++)
    {
      GString *cell = month->cells[p * month->n_days + d];

      if (cell->len > 0)
        show_cell (cr, layout, cell->str, grid->name + d * grid->day + pad / 2, y, grid->day - pad, grid->row);
    }
  lin_print_show_fitted (cr, layout, hours, width - grid->nights - grid->hours + pad, y, grid->hours - 2 * pad,
               grid->row, 1);
  lin_print_show_fitted (cr, layout, nights, width - grid->nights + pad, y, grid->nights - 2 * pad, grid->row, 1);
}

static void
draw_month_missing (cairo_t     *cr,
                    PangoLayout *layout,
                    Grid        *grid,
                    Month       *month)
{
  double y = grid->top + grid->header + month->n_people * grid->row;
  double pad = grid->font * 0.2;

  lin_print_set_font (layout, grid->font, TRUE);
  lin_print_show_fitted (cr, layout, _("Missing"), pad, y, grid->name - 2 * pad, grid->row, 0);
  for (guint d = 0; d < month->n_days; d++)
    if (month->missing[d] > 0)
      {
        g_autofree char *text = g_strdup_printf ("%u", month->missing[d]);

        lin_print_show_fitted (cr, layout, text, grid->name + d * grid->day + pad, y, grid->day - 2 * pad, grid->row, 0.5);
      }
}

static void
draw_month_lines (cairo_t *cr,
                  Grid    *grid,
                  Month   *month,
                  double   width,
                  double   bottom,
                  double   mm)
{
  double thin = 0.08 * mm, thick = 0.3 * mm;
  double body = grid->top + grid->header;

  for (guint r = 0; r <= month->n_people + 1; r++)
    lin_print_stroke_line (cr, 0, body + r * grid->row, width, body + r * grid->row,
                 r == 0 || r == month->n_people ? thick : thin, r == 0 || r == month->n_people ? 0 : 0.6);
  for (guint d = 0; d <= month->n_days; d++)
    {
      gboolean week = d == 0 || d == month->n_days || month->weekday[d] == 0;

      lin_print_stroke_line (cr, grid->name + d * grid->day, grid->top, grid->name + d * grid->day, bottom,
                   week ? thick : thin, week ? 0 : 0.6);
    }
  lin_print_stroke_line (cr, width - grid->nights, grid->top, width - grid->nights, bottom, thin, 0.6);
}

/* The legend's text, as Pango markup */
static char *
month_legend (LinRosterPrint *self,
              Month          *month)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *day_start = g_strdup_printf ("%02u:00", self->day_start);
  g_autofree char *cells = NULL;
  g_autofree char *hours = NULL;

  for (guint i = 0; month->markers[i] != NULL; i++)
    {
      g_autofree char *item = g_markup_printf_escaped ("<b>%s</b> %s", month->markers[i],
                                                       lin_print_line_name (self->roster, i));

      g_string_append_printf (text, "%s%s", i > 0 ? "     " : "", item);
    }

  /* Translators: the legend of the printed month; %1$s and %2$s are both
   * the hour a day starts, "08:00" */
  cells = g_markup_printf_escaped (_("A cell shows the hour each of her shifts starts and its line’s letter. "
                                     "A day runs from %1$s to %2$s the next day. Shaded: weekends and public "
                                     "holidays."), day_start, day_start);
  g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", cells);
  if (month->any_hard || month->any_soft)
    {
      /* Translators: the legend of the printed month; %1$s and %2$s are
       * the marks after a shift, "!" and "*" */
      g_autofree char *marks = g_markup_printf_escaped (_("%1$s breaks a rule that needs a confirmation, "
                                                          "%2$s one that needs a reason."),
                                                        "!", "*");

      g_string_append_printf (text, " %s", marks);
    }
  /* Translators: the legend of the printed month */
  hours = g_markup_escape_text (_("Hours are real elapsed time, also on the nights the clocks change."), -1);
  g_string_append_printf (text, " %s", hours);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static double
legend_height (PangoLayout *layout,
               const char  *markup,
               double       width,
               double       mm)
{
  PangoRectangle logical;

  lin_print_set_font (layout, 2.6 * mm, FALSE);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  pango_layout_set_attributes (layout, NULL);
  pango_layout_set_width (layout, -1);

  return (double)logical.height / PANGO_SCALE + 2 * mm;
}

void
lin_roster_print_draw_month (LinRosterPrint  *self,
                             GtkPrintContext *context)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double mm = gtk_print_context_get_dpi_y (context) / 25.4;
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(Month) month = month_new (self);
  g_autofree char *legend = month_legend (self, month);
  g_autofree char *title = NULL;
  double top, bottom, legend_h;
  Grid grid = { 0 };

  /* Translators: the title of the printed month: the month's name and
   * the year, "Roster, March 2026" */
  title = g_strdup_printf (_("Roster, %1$s %2$u"), lin_hours_get_month_name (g_date_get_month (&self->month)),
                           (guint)g_date_get_year (&self->month));
  top = lin_print_show_title (cr, layout, title, width, mm);
  legend_h = legend_height (layout, legend, width, mm);
  grid_rows (&grid, month->n_people + 1, top, height - lin_print_footer_height (layout, mm) - legend_h, mm);
  grid_columns (&grid, month, self->roster, layout, width, mm);
  bottom = grid.top + grid.header + (month->n_people + 1) * grid.row;

  draw_month_backgrounds (cr, &grid, month, width, bottom);
  draw_month_lines (cr, &grid, month, width, bottom, mm);
  draw_month_header (cr, layout, &grid, month, width);
  for (guint r = 0; r < month->n_people; r++)
    draw_month_row (cr, layout, &grid, month, self->roster, r, width);
  draw_month_missing (cr, layout, &grid, month);

  lin_print_set_font (layout, 2.6 * mm, FALSE);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_markup (layout, legend, -1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 0, bottom + 1.5 * mm);
  pango_cairo_show_layout (cr, layout);
  pango_layout_set_attributes (layout, NULL);
  pango_layout_set_width (layout, -1);

  lin_print_show_footer (cr, layout, width, height, mm, NULL);
}

