/* lin-roster-block.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cell of the roster's week: a shift in a day's column (a button that
 * takes the focus) or a coverage cell (a label). It shows a few words,
 * clipped to the room it is given, and carries a full sentence for
 * assistive technologies; its state (a gap, a rule broken, cancelled,
 * chosen) is a set of CSS classes. It changes only what differs, so that
 * a new roster after one assignment costs a frame, not a rebuild.
 *
 * A block too narrow for its first line (three lines' lanes side by side
 * in a 1,280-pixel window) shows its short words instead, the start hour
 * and the people ("06", "1/2"), rather than "06:…" and "Go…".
 */

#define G_LOG_DOMAIN "lin-roster-block"

#include "config.h"

#include <string.h>

#include "lin-roster-block.h"

static const char * const state_classes[] = {
  "gap", "hard", "soft", "cancelled", "selected", "continues-before", "continues-after",
};

struct _LinRosterBlock
{
  GtkWidget  parent_instance;

  GtkWidget *label;
  GtkWidget *short_label;
  char      *text;        /* what the label shows */
  char      *short_text;  /* what it shows when narrow, or NULL */
  char      *spoken;      /* the accessible label */
  int        shift;       /* -1: a coverage cell */
  guint      state;
  int        first_width; /* px of the text's first line, or -1: not measured */
  gboolean   narrow;      /* the short text is shown */
};

G_DEFINE_FINAL_TYPE (LinRosterBlock, lin_roster_block, GTK_TYPE_WIDGET)

/* As small as the column gives: the words are clipped, the accessible
 * label says them all, and the details beside the week show the chosen
 * shift's */
static void
lin_roster_block_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  LinRosterBlock *self = LIN_ROSTER_BLOCK (widget);

  gtk_widget_measure (self->label, orientation, -1, NULL, natural, NULL, NULL);
  *minimum = 0;
}

static int
first_line_width (LinRosterBlock *self)
{
  if (self->first_width < 0)
    {
      const char *text = self->text != NULL ? self->text : "";
      const char *end = strchr (text, '\n');
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (self->label, NULL);

      pango_layout_set_text (layout, text, end != NULL ? (int)(end - text) : -1);
      pango_layout_get_pixel_size (layout, &self->first_width, NULL);
    }

  return self->first_width;
}

static void
allocate_label (GtkWidget *label,
                int        width,
                int        height)
{
  int min_width, min_height;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, MAX (width, min_width), &min_height, NULL, NULL, NULL);
  gtk_widget_allocate (label, MAX (width, min_width), MAX (height, min_height), -1, NULL);
}

static void
lin_roster_block_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  LinRosterBlock *self = LIN_ROSTER_BLOCK (widget);

  self->narrow = self->short_text != NULL && width < first_line_width (self);
  allocate_label (self->label, width, height);
  allocate_label (self->short_label, width, height);
}

/* One of the two texts, the one that fits */
static void
lin_roster_block_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  LinRosterBlock *self = LIN_ROSTER_BLOCK (widget);

  gtk_widget_snapshot_child (widget, self->narrow ? self->short_label : self->label, snapshot);
}

static void
lin_roster_block_dispose (GObject *object)
{
  LinRosterBlock *self = (LinRosterBlock *)object;

  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->short_label, gtk_widget_unparent);

  G_OBJECT_CLASS (lin_roster_block_parent_class)->dispose (object);
}

static void
lin_roster_block_finalize (GObject *object)
{
  LinRosterBlock *self = (LinRosterBlock *)object;

  g_free (self->text);
  g_free (self->short_text);
  g_free (self->spoken);

  G_OBJECT_CLASS (lin_roster_block_parent_class)->finalize (object);
}

static void
lin_roster_block_class_init (LinRosterBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_roster_block_dispose;
  object_class->finalize = lin_roster_block_finalize;

  widget_class->measure = lin_roster_block_measure;
  widget_class->size_allocate = lin_roster_block_size_allocate;
  widget_class->snapshot = lin_roster_block_snapshot;

  gtk_widget_class_set_css_name (widget_class, "rosterblock");
}

static GtkWidget *
block_label (LinRosterBlock *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_parent (label, GTK_WIDGET (self));

  return label;
}

static void
lin_roster_block_init (LinRosterBlock *self)
{
  self->shift = -1;
  self->first_width = -1;
  self->label = block_label (self);
  self->short_label = block_label (self);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/**
 * lin_roster_block_new:
 * @cell: %TRUE for a coverage cell (a label), %FALSE for a shift (a button)
 */
LinRosterBlock *
lin_roster_block_new (gboolean cell)
{
  LinRosterBlock *block = g_object_new (LIN_TYPE_ROSTER_BLOCK,
                                        "accessible-role", cell ? GTK_ACCESSIBLE_ROLE_LABEL
                                                                : GTK_ACCESSIBLE_ROLE_BUTTON,
                                        "focusable", !cell,
                                        NULL);

  if (cell)
    gtk_widget_add_css_class (GTK_WIDGET (block), "coverage");

  return block;
}

/* Takes @text and @spoken; changes only what differs. No tooltip: GTK's
 * tooltip window keeps the last tooltip's words after the profile is
 * locked */
void
lin_roster_block_set (LinRosterBlock *self,
                      int             shift,
                      guint           state,
                      char           *text,
                      char           *spoken)
{
  self->shift = shift;

  if (g_strcmp0 (text, self->text) != 0)
    {
      gtk_label_set_text (GTK_LABEL (self->label), text);
      g_free (self->text);
      self->text = text;
      self->first_width = -1;
    }
  else
    g_free (text);

  if (g_strcmp0 (spoken, self->spoken) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
      g_free (self->spoken);
      self->spoken = spoken;
    }
  else
    g_free (spoken);


  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    if ((state ^ self->state) & (1u << i))
      {
        if (state & (1u << i))
          gtk_widget_add_css_class (GTK_WIDGET (self), state_classes[i]);
        else
          gtk_widget_remove_css_class (GTK_WIDGET (self), state_classes[i]);
      }
  self->state = state;
}

int
lin_roster_block_get_shift (LinRosterBlock *self)
{
  g_return_val_if_fail (LIN_IS_ROSTER_BLOCK (self), -1);

  return self->shift;
}

/**
 * lin_roster_block_get_label:
 * @self: a #LinRosterBlock
 *
 * Returns: the sentence assistive technologies read for the block
 */
const char *
lin_roster_block_get_label (LinRosterBlock *self)
{
  g_return_val_if_fail (LIN_IS_ROSTER_BLOCK (self), NULL);

  return self->spoken;
}

/**
 * lin_roster_block_get_state:
 * @self: a #LinRosterBlock
 *
 * Returns: its #LinRosterBlockState bits
 */
guint
lin_roster_block_get_state (LinRosterBlock *self)
{
  g_return_val_if_fail (LIN_IS_ROSTER_BLOCK (self), 0);

  return self->state;
}

void
lin_roster_block_set_selected (LinRosterBlock *self,
                               gboolean        selected)
{
  g_return_if_fail (LIN_IS_ROSTER_BLOCK (self));

  if (selected)
    gtk_widget_add_css_class (GTK_WIDGET (self), "selected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "selected");
  self->state = (self->state & ~LIN_ROSTER_BLOCK_SELECTED) | (selected ? LIN_ROSTER_BLOCK_SELECTED : 0);
}

/**
 * lin_roster_block_set_short:
 * @self: a #LinRosterBlock
 * @short_text: (transfer full) (nullable): the words when the first line
 *   of the text does not fit, or %NULL to clip the text
 */
void
lin_roster_block_set_short (LinRosterBlock *self,
                            char           *short_text)
{
  g_return_if_fail (LIN_IS_ROSTER_BLOCK (self));

  if (g_strcmp0 (short_text, self->short_text) == 0)
    {
      g_free (short_text);
      return;
    }

  gtk_label_set_text (GTK_LABEL (self->short_label), short_text);
  g_free (self->short_text);
  self->short_text = short_text;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * lin_roster_block_get_shown_text:
 * @self: a #LinRosterBlock
 *
 * Returns: the words the block shows at its width
 */
const char *
lin_roster_block_get_shown_text (LinRosterBlock *self)
{
  g_return_val_if_fail (LIN_IS_ROSTER_BLOCK (self), NULL);

  return self->narrow ? self->short_text : self->text;
}
