/* lin-roster-rota-cell.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cell of the rota (lin-roster-rota.c): a widget with no children, so
 * that a month of 40 people stays light. It draws its lines of text
 * ("08", "20") from cached Pango layouts in its snapshot, each with a
 * marker in its line's colour, a night's filled with the text in white;
 * a gap is the theme's error colour with the text in white, a broken
 * hard rule a solid outline in the warning colour and a soft one a dashed
 * one, as the week view's blocks have them. Those three change with the
 * roster and are drawn here, not CSS classes: a class changed on one of a
 * row's cells restyled its siblings too, and a frame after one more
 * assignment took 50-100 ms instead of 10-20 (bench-roster-rota). The
 * weekend's shade, which changes only with the month, is a CSS class.
 * The words assistive technologies read are its accessible label; no
 * tooltip (GTK's tooltip window keeps its words after a lock).
 */

#define G_LOG_DOMAIN "lin-roster-rota"

#include "config.h"

#include <string.h>

#include "lin-roster-days.h"
#include "lin-roster-rota-private.h"

#define PAD         3   /* px, inside the cell */
#define MARK_WIDTH  3
#define MARK_GAP    2
#define OUTLINE     2
#define DASH        4
#define DASH_GAP    3

struct _LinRosterRotaCell
{
  GtkWidget             parent_instance;

  GPtrArray            *layouts;   /* of PangoLayout, a line of text each */
  char                 *text;      /* the lines, to compare */
  char                 *spoken;    /* the accessible label */
  guint8                marks[LIN_ROSTER_ROTA_MAX_LINES];
  LinRosterRotaCellKind kind;
  int                   person;
  guint                 julian;
  guint                 state;
  float                 xalign;
};

G_DEFINE_FINAL_TYPE (LinRosterRotaCell, lin_roster_rota_cell, GTK_TYPE_WIDGET)

/* the states CSS shows; the others are drawn */
static const char * const state_classes[] = { "weekend" };

/* GNOME's palette, dark enough for white text; no red: red is a gap */
static const GdkRGBA colours[LIN_ROSTER_ROTA_N_COLOURS] = {
  { 0.110f, 0.443f, 0.847f, 1 },  /* blue 4 */
  { 0.149f, 0.635f, 0.412f, 1 },  /* green 5 */
  { 0.776f, 0.275f, 0.000f, 1 },  /* orange 5 */
  { 0.569f, 0.255f, 0.675f, 1 },  /* purple 3 */
  { 0.525f, 0.369f, 0.235f, 1 },  /* brown 3 */
  { 0.369f, 0.361f, 0.392f, 1 },  /* dark 2 */
};

static gboolean
has_marks (LinRosterRotaCell *self)
{
  for (guint i = 0; i < self->layouts->len; i++)
    if (self->marks[i] != 0)
      return TRUE;

  return FALSE;
}

/* What the cell's words need, unclipped (a name's whole width) */
static int
natural_size (LinRosterRotaCell *self,
              GtkOrientation     orientation)
{
  int size = 0;

  for (guint i = 0; i < self->layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (self->layouts, i);
      int clip = pango_layout_get_width (layout);
      int width, height;

      if (clip >= 0 && orientation == GTK_ORIENTATION_HORIZONTAL)
        pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_size (layout, &width, &height);
      if (clip >= 0 && orientation == GTK_ORIENTATION_HORIZONTAL)
        pango_layout_set_width (layout, clip);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        size = MAX (size, width);
      else
        size += height;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL && has_marks (self))
    size += MARK_WIDTH + MARK_GAP;

  return size + 2 * PAD;
}

static void
lin_roster_rota_cell_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  LinRosterRotaCell *self = LIN_ROSTER_ROTA_CELL (widget);

  *natural = natural_size (self, orientation);
  /* the words are clipped (a name ellipsized) when the rota is narrow */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 2 * PAD : *natural;
}

static void
lin_roster_rota_cell_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  LinRosterRotaCell *self = LIN_ROSTER_ROTA_CELL (widget);
  int room = width - 2 * PAD - (has_marks (self) ? MARK_WIDTH + MARK_GAP : 0);

  for (guint i = 0; i < self->layouts->len; i++)
    pango_layout_set_width (g_ptr_array_index (self->layouts, i), MAX (0, room) * PANGO_SCALE);
}

static GdkRGBA
theme_colour (GtkWidget  *widget,
              const char *name,
              GdkRGBA     fallback)
{
  GdkRGBA colour;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &colour))
    colour = fallback;
  G_GNUC_END_IGNORE_DEPRECATIONS

  return colour;
}

/* A line from (x, y), @length long, across or down, solid or dashed */
static void
append_edge (GtkSnapshot   *snapshot,
             const GdkRGBA *colour,
             int            x,
             int            y,
             int            length,
             gboolean       across,
             gboolean       dashed)
{
  int step = dashed ? DASH : length;

  for (int at = 0; at < length; at += dashed ? DASH + DASH_GAP : length)
    {
      int piece = MIN (step, length - at);

      gtk_snapshot_append_color (snapshot, colour,
                                 across ? &GRAPHENE_RECT_INIT (x + at, y, piece, OUTLINE)
                                        : &GRAPHENE_RECT_INIT (x, y + at, OUTLINE, piece));
    }
}

/* A gap's background; a broken rule's outline inside the cell's edges */
static void
append_state (LinRosterRotaCell *self,
              GtkSnapshot       *snapshot,
              int                width,
              int                height)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->state & LIN_ROSTER_ROTA_CELL_GAP && self->kind != LIN_ROSTER_ROTA_CELL_NAME)
    {
      GdkRGBA error = theme_colour (widget, "error_bg_color", (GdkRGBA) { 0.75f, 0.11f, 0.16f, 1 });

      gtk_snapshot_append_color (snapshot, &error, &GRAPHENE_RECT_INIT (0, 0, width, height));
    }

  if (self->state & (LIN_ROSTER_ROTA_CELL_HARD | LIN_ROSTER_ROTA_CELL_SOFT))
    {
      GdkRGBA warning = theme_colour (widget, "warning_color", (GdkRGBA) { 0.61f, 0.43f, 0.01f, 1 });
      gboolean dashed = !(self->state & LIN_ROSTER_ROTA_CELL_HARD);

      append_edge (snapshot, &warning, 0, 0, width, TRUE, dashed);
      append_edge (snapshot, &warning, 0, height - OUTLINE, width, TRUE, dashed);
      append_edge (snapshot, &warning, 0, 0, height, FALSE, dashed);
      append_edge (snapshot, &warning, width - OUTLINE, 0, height, FALSE, dashed);
    }
}

static void
lin_roster_rota_cell_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  LinRosterRotaCell *self = LIN_ROSTER_ROTA_CELL (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA colour, white = { 1, 1, 1, 1 };
  int y = PAD;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  append_state (self, snapshot, width, gtk_widget_get_height (widget));
  if (self->state & LIN_ROSTER_ROTA_CELL_GAP && self->kind != LIN_ROSTER_ROTA_CELL_NAME)
    colour = white;

  for (guint i = 0; i < self->layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (self->layouts, i);
      guint8 mark = self->marks[i];
      int text_width, text_height, x = PAD;

      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      if (mark != 0)
        {
          const GdkRGBA *line = &colours[((mark & ~LIN_ROSTER_ROTA_MARK_NIGHT) - 1) % LIN_ROSTER_ROTA_N_COLOURS];

          /* a night: a filled chip, its hour in white; a day: a bar */
          if (mark & LIN_ROSTER_ROTA_MARK_NIGHT)
            gtk_snapshot_append_color (snapshot, line, &GRAPHENE_RECT_INIT (PAD - 1, y, width - 2 * PAD + 2, text_height));
          else
            gtk_snapshot_append_color (snapshot, line, &GRAPHENE_RECT_INIT (PAD, y + 1, MARK_WIDTH, text_height - 2));
          x += MARK_WIDTH + MARK_GAP;
        }
      x += (int)((width - PAD - x - text_width) * self->xalign);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (MAX (PAD, x), y));
      gtk_snapshot_append_layout (snapshot, layout, mark & LIN_ROSTER_ROTA_MARK_NIGHT ? &white : &colour);
      gtk_snapshot_restore (snapshot);
      y += text_height;
    }
}

static void
lin_roster_rota_cell_finalize (GObject *object)
{
  LinRosterRotaCell *self = (LinRosterRotaCell *)object;

  g_ptr_array_unref (self->layouts);
  g_free (self->text);
  g_free (self->spoken);

  G_OBJECT_CLASS (lin_roster_rota_cell_parent_class)->finalize (object);
}

static void
lin_roster_rota_cell_class_init (LinRosterRotaCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lin_roster_rota_cell_finalize;

  widget_class->measure = lin_roster_rota_cell_measure;
  widget_class->size_allocate = lin_roster_rota_cell_size_allocate;
  widget_class->snapshot = lin_roster_rota_cell_snapshot;

  gtk_widget_class_set_css_name (widget_class, "rotacell");
}

static void
lin_roster_rota_cell_init (LinRosterRotaCell *self)
{
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->person = -1;
  self->xalign = 0.5f;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/**
 * lin_roster_rota_cell_new:
 * @kind: what the cell is
 *
 * Returns: (transfer floating): a cell; a person's day and a day's
 *   missing people take the focus
 */
LinRosterRotaCell *
lin_roster_rota_cell_new (LinRosterRotaCellKind kind)
{
  gboolean focusable = kind == LIN_ROSTER_ROTA_CELL_DAY || kind == LIN_ROSTER_ROTA_CELL_MISSING;
  GtkAccessibleRole role = focusable ? GTK_ACCESSIBLE_ROLE_BUTTON :
                           kind == LIN_ROSTER_ROTA_CELL_SAMPLE ? GTK_ACCESSIBLE_ROLE_PRESENTATION :
                           kind == LIN_ROSTER_ROTA_CELL_HEADER ? GTK_ACCESSIBLE_ROLE_COLUMN_HEADER :
                           kind == LIN_ROSTER_ROTA_CELL_NAME ? GTK_ACCESSIBLE_ROLE_ROW_HEADER :
                           GTK_ACCESSIBLE_ROLE_LABEL;
  LinRosterRotaCell *self = g_object_new (LIN_TYPE_ROSTER_ROTA_CELL,
                                          "accessible-role", role,
                                          "focusable", focusable,
                                          NULL);

  self->kind = kind;
  if (kind == LIN_ROSTER_ROTA_CELL_NAME)
    self->xalign = 0;
  if (kind == LIN_ROSTER_ROTA_CELL_TOTAL)
    self->xalign = 1;
  gtk_widget_add_css_class (GTK_WIDGET (self), kind == LIN_ROSTER_ROTA_CELL_HEADER ? "heading" :
                                               kind == LIN_ROSTER_ROTA_CELL_NAME ? "name" :
                                               kind == LIN_ROSTER_ROTA_CELL_TOTAL ? "total" : "day");

  return self;
}

/* The text's lines as layouts, made again only when the text changes */
static void
set_text (LinRosterRotaCell *self,
          const char        *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", LIN_ROSTER_ROTA_MAX_LINES);
  guint n = g_strv_length (lines);

  g_free (self->text);
  self->text = g_strdup (text);

  g_ptr_array_set_size (self->layouts, MIN (self->layouts->len, n));
  for (guint i = 0; i < n; i++)
    {
      if (i == self->layouts->len)
        {
          PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          g_ptr_array_add (self->layouts, layout);
        }
      pango_layout_set_text (g_ptr_array_index (self->layouts, i), lines[i], -1);
    }
}

/**
 * lin_roster_rota_cell_set:
 * @self: a #LinRosterRotaCell
 * @person: the person's index in the roster, or -1
 * @julian: the day's, or 0
 * @text: what the cell shows, its lines apart by "\n"
 * @marks: (nullable): a marker a line, LIN_ROSTER_ROTA_MAX_LINES of them
 * @state: LIN_ROSTER_ROTA_CELL_WEEKEND and the others
 * @spoken: (transfer full) (nullable): the accessible label
 *
 * Changes only what differs: a new roster keeps most cells as they are.
 */
void
lin_roster_rota_cell_set (LinRosterRotaCell *self,
                          int                person,
                          guint              julian,
                          const char        *text,
                          const guint8      *marks,
                          guint              state,
                          char              *spoken)
{
  static const guint8 none[LIN_ROSTER_ROTA_MAX_LINES];
  gboolean changed = FALSE;
  int width, height;

  g_return_if_fail (LIN_IS_ROSTER_ROTA_CELL (self));

  self->person = person;
  self->julian = julian;
  if (marks == NULL)
    marks = none;

  width = natural_size (self, GTK_ORIENTATION_HORIZONTAL);
  height = natural_size (self, GTK_ORIENTATION_VERTICAL);
  if (g_strcmp0 (text, self->text) != 0)
    {
      set_text (self, text);
      changed = TRUE;
    }
  if (memcmp (marks, self->marks, sizeof self->marks) != 0)
    {
      memcpy (self->marks, marks, sizeof self->marks);
      changed = TRUE;
    }

  lin_roster_days_set_label (GTK_WIDGET (self), &self->spoken, spoken);

  lin_roster_days_set_classes (GTK_WIDGET (self), state_classes, G_N_ELEMENTS (state_classes), self->state, state);
  if ((state ^ self->state) & ~LIN_ROSTER_ROTA_CELL_WEEKEND)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  self->state = state;

  /* "14" for "06" needs no new layout of the whole rota, only a new
   * picture of the cell */
  if (changed && (natural_size (self, GTK_ORIENTATION_HORIZONTAL) != width ||
                  natural_size (self, GTK_ORIENTATION_VERTICAL) != height))
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else if (changed)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
lin_roster_rota_cell_set_xalign (LinRosterRotaCell *self,
                                 float              xalign)
{
  g_return_if_fail (LIN_IS_ROSTER_ROTA_CELL (self));

  self->xalign = xalign;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * lin_roster_rota_cell_get_state:
 * @self: a #LinRosterRotaCell
 *
 * Returns: LIN_ROSTER_ROTA_CELL_WEEKEND and the others, as drawn
 */
guint
lin_roster_rota_cell_get_state (LinRosterRotaCell *self)
{
  g_return_val_if_fail (LIN_IS_ROSTER_ROTA_CELL (self), 0);

  return self->state;
}

LinRosterRotaCellKind
lin_roster_rota_cell_get_kind (LinRosterRotaCell *self)
{
  g_return_val_if_fail (LIN_IS_ROSTER_ROTA_CELL (self), LIN_ROSTER_ROTA_CELL_HEADER);

  return self->kind;
}

/**
 * lin_roster_rota_cell_get_person:
 * @self: a #LinRosterRotaCell
 *
 * Returns: the person's index in the roster, -1 for none (the Missing row)
 */
int
lin_roster_rota_cell_get_person (LinRosterRotaCell *self)
{
  g_return_val_if_fail (LIN_IS_ROSTER_ROTA_CELL (self), -1);

  return self->person;
}

/**
 * lin_roster_rota_cell_get_julian:
 * @self: a #LinRosterRotaCell
 *
 * Returns: the cell's day (g_date_get_julian()), or 0 for none
 */
guint
lin_roster_rota_cell_get_julian (LinRosterRotaCell *self)
{
  g_return_val_if_fail (LIN_IS_ROSTER_ROTA_CELL (self), 0);

  return self->julian;
}

/**
 * lin_roster_rota_cell_get_text:
 * @self: a #LinRosterRotaCell
 *
 * Returns: (nullable): what the cell shows, its lines apart by "\n"
 */
const char *
lin_roster_rota_cell_get_text (LinRosterRotaCell *self)
{
  g_return_val_if_fail (LIN_IS_ROSTER_ROTA_CELL (self), NULL);

  return self->text;
}

/**
 * lin_roster_rota_cell_get_label:
 * @self: a #LinRosterRotaCell
 *
 * Returns: (nullable): the sentence assistive technologies read
 */
const char *
lin_roster_rota_cell_get_label (LinRosterRotaCell *self)
{
  g_return_val_if_fail (LIN_IS_ROSTER_ROTA_CELL (self), NULL);

  return self->spoken;
}
