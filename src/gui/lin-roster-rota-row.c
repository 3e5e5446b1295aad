/* lin-roster-rota-row.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the rota (lin-roster-rota.c): its heading, a cell a day of
 * the month and its totals, laid out in the rota's columns, with the
 * grid's thin lines drawn over them. A row is a widget of its own so
 * that a month of 40 people is 40 children of the rota with 34 cells
 * each, not 1,300 siblings: each new child makes GTK 4.8 count its
 * siblings for assistive technologies, and a flat table took three
 * times as long to fill after an unlock (bench-roster-rota).
 */

#define G_LOG_DOMAIN "lin-roster-rota"

#include "config.h"

#include <string.h>

#include "lin-roster-days.h"
#include "lin-roster-rota-private.h"

G_DEFINE_FINAL_TYPE (LinRosterRotaRow, lin_roster_rota_row, GTK_TYPE_WIDGET)

/* The day's width in a row @width wide */
static double
day_width (LinRosterRotaRow *self,
           int               width)
{
  return MAX (MIN_DAY_WIDTH, (double)(width - NAME_WIDTH - 2 * TOTAL_WIDTH) / MAX (1, self->n_days));
}

static void
lin_roster_rota_row_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  LinRosterRotaRow *self = LIN_ROSTER_ROTA_ROW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = NAME_WIDTH + self->n_days * MIN_DAY_WIDTH + 2 * TOTAL_WIDTH;
      *natural = NAME_WIDTH + self->n_days * DAY_WIDTH + 2 * TOTAL_WIDTH;
      return;
    }

  /* the tallest cell: the most shifts in a day */
  *minimum = MIN_ROW_HEIGHT;
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      int height;

      if (self->cells[c] == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->cells[c])))
        continue;
      gtk_widget_measure (GTK_WIDGET (self->cells[c]), GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
      *minimum = MAX (*minimum, height);
    }
  *natural = *minimum;
}

static void
lin_roster_rota_row_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  LinRosterRotaRow *self = LIN_ROSTER_ROTA_ROW (widget);
  double day = day_width (self, width);
  double x = NAME_WIDTH + self->n_days * day;

  lin_roster_days_place (GTK_WIDGET (self->cells[COLUMN_NAME]), 0, 0, NAME_WIDTH, height);
  for (guint d = 0; d < self->n_days; d++)
    lin_roster_days_place (GTK_WIDGET (self->cells[COLUMN_DAY + d]), NAME_WIDTH + d * day, 0, day, height);
  if (self->cells[COLUMN_HOURS] != NULL)
    {
      lin_roster_days_place (GTK_WIDGET (self->cells[COLUMN_HOURS]), x, 0, TOTAL_WIDTH, height);
      lin_roster_days_place (GTK_WIDGET (self->cells[COLUMN_NIGHTS]), x + TOTAL_WIDTH, 0, TOTAL_WIDTH, height);
    }
}

/* The cells, then the grid's thin lines over them */
static void
lin_roster_rota_row_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  LinRosterRotaRow *self = LIN_ROSTER_ROTA_ROW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double day = day_width (self, width);
  GdkRGBA line;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &line);
  G_GNUC_END_IGNORE_DEPRECATIONS
  line.alpha *= 0.12f;

  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, height - 1, width, 1));
  for (guint d = 0; d <= self->n_days; d++)
    gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT ((int)(NAME_WIDTH + d * day) - 1, 0, 1, height));
}

/* A cell with the focus (a click, a screen reader) is the focus cell */
static void
lin_roster_rota_row_set_focus_child (GtkWidget *widget,
                                     GtkWidget *child)
{
  LinRosterRota *rota = LIN_ROSTER_ROTA (gtk_widget_get_parent (widget));

  GTK_WIDGET_CLASS (lin_roster_rota_row_parent_class)->set_focus_child (widget, child);

  if (child != NULL)
    lin_roster_rota_cell_focused (rota, child);
}

static void
lin_roster_rota_row_dispose (GObject *object)
{
  LinRosterRotaRow *self = (LinRosterRotaRow *)object;

  for (guint c = 0; c < N_COLUMNS; c++)
    if (self->cells[c] != NULL)
      gtk_widget_unparent (GTK_WIDGET (self->cells[c]));
  memset (self->cells, 0, sizeof self->cells);

  G_OBJECT_CLASS (lin_roster_rota_row_parent_class)->dispose (object);
}

static void
lin_roster_rota_row_class_init (LinRosterRotaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_roster_rota_row_dispose;

  widget_class->measure = lin_roster_rota_row_measure;
  widget_class->size_allocate = lin_roster_rota_row_size_allocate;
  widget_class->snapshot = lin_roster_rota_row_snapshot;
  widget_class->set_focus_child = lin_roster_rota_row_set_focus_child;

  gtk_widget_class_set_css_name (widget_class, "rotarow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lin_roster_rota_row_init (LinRosterRotaRow *self)
{
}

/**
 * lin_roster_rota_row_set_n_days:
 * @row: a row
 * @n_days: the days of the month shown, 28 to 31
 */
void
lin_roster_rota_row_set_n_days (LinRosterRotaRow *row,
                                guint             n_days)
{
  if (n_days == row->n_days)
    return;

  row->n_days = n_days;
  for (guint d = 0; d < MAX_DAYS; d++)
    gtk_widget_set_visible (GTK_WIDGET (row->cells[COLUMN_DAY + d]), d < n_days);
  gtk_widget_queue_resize (GTK_WIDGET (row));
}

/**
 * lin_roster_rota_row_new:
 * @kind: LIN_ROSTER_ROTA_CELL_HEADER, _DAY (a person's) or _MISSING
 * @n_days: the days of the month shown
 *
 * Returns: (transfer floating): a row of cells of that kind
 */
LinRosterRotaRow *
lin_roster_rota_row_new (LinRosterRotaCellKind kind,
                         guint                 n_days)
{
  LinRosterRotaRow *row = g_object_new (LIN_TYPE_ROSTER_ROTA_ROW, NULL);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      /* the corner has nothing to say: a sample's role, presentation */
      LinRosterRotaCellKind cell_kind = c == COLUMN_NAME ? (kind == LIN_ROSTER_ROTA_CELL_HEADER ? LIN_ROSTER_ROTA_CELL_SAMPLE
                                                                                             : LIN_ROSTER_ROTA_CELL_NAME)
                                      : c >= COLUMN_HOURS ? (kind == LIN_ROSTER_ROTA_CELL_DAY ? LIN_ROSTER_ROTA_CELL_TOTAL : kind)
                                      : kind;

      if (c >= COLUMN_HOURS && kind == LIN_ROSTER_ROTA_CELL_MISSING)
        continue;
      row->cells[c] = lin_roster_rota_cell_new (cell_kind);
      gtk_widget_set_parent (GTK_WIDGET (row->cells[c]), GTK_WIDGET (row));
    }
  row->n_days = MAX_DAYS;
  lin_roster_rota_row_set_n_days (row, n_days);

  return row;
}
