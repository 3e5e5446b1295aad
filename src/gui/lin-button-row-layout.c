/* lin-button-row-layout.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of buttons at the end of its widget, side by side when they fit
 * at their natural width, one above the other, each as wide as the
 * widget, when they do not: a dialog's buttons that narrow to 360 px
 * without cutting a label (GTK 4.8 has no breakpoints; GtkFlowBox does
 * not give its natural width to a row of buttons of unequal width).
 */

#include "config.h"

#include "lin-button-row-layout.h"

struct _LinButtonRowLayout
{
  GtkLayoutManager parent_instance;

  int spacing;
};

G_DEFINE_FINAL_TYPE (LinButtonRowLayout, lin_button_row_layout, GTK_TYPE_LAYOUT_MANAGER)

/* The width the buttons take side by side, and how many there are */
static int
row_width (LinButtonRowLayout *self,
           GtkWidget          *widget,
           guint              *n)
{
  int width = 0;

  *n = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int natural;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      width += natural + (*n > 0 ? self->spacing : 0);
      (*n)++;
    }

  return width;
}

static void
lin_button_row_layout_measure (GtkLayoutManager *manager,
                               GtkWidget        *widget,
                               GtkOrientation    orientation,
                               int               for_size,
                               int              *minimum,
                               int              *natural,
                               int              *minimum_baseline,
                               int              *natural_baseline)
{
  LinButtonRowLayout *self = LIN_BUTTON_ROW_LAYOUT (manager);
  guint n;
  int side_by_side = row_width (self, widget, &n);
  gboolean stacked = orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0 && for_size < side_by_side;
  guint i = 0;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;

      /* across: as narrow as the widest button alone, as wide as the row;
       * down: one button high, or all of them stacked */
      gtk_widget_measure (child, orientation, orientation == GTK_ORIENTATION_VERTICAL && stacked ? for_size : -1,
                          &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        *minimum = MAX (*minimum, child_min);
      else if (stacked)
        {
          *minimum += child_min + (i > 0 ? self->spacing : 0);
          *natural += child_nat + (i > 0 ? self->spacing : 0);
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      i++;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, side_by_side);
}

static void
lin_button_row_layout_allocate (GtkLayoutManager *manager,
                                GtkWidget        *widget,
                                int               width,
                                int               height,
                                int               baseline)
{
  LinButtonRowLayout *self = LIN_BUTTON_ROW_LAYOUT (manager);
  guint n;
  int side_by_side = row_width (self, widget, &n);
  gboolean stacked = width < side_by_side;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int x = rtl ? side_by_side : width - side_by_side;   /* the first button's start edge, or its end in RTL */
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_width, child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      if (stacked)
        {
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_height, NULL, NULL);
          gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
          y += child_height + self->spacing;
        }
      else
        {
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &child_width, NULL, NULL);
          if (rtl)
            {
              gtk_widget_size_allocate (child, &(GtkAllocation) { x - child_width, 0, child_width, height }, -1);
              x -= child_width + self->spacing;
            }
          else
            {
              gtk_widget_size_allocate (child, &(GtkAllocation) { x, 0, child_width, height }, -1);
              x += child_width + self->spacing;
            }
        }
    }
}

static GtkSizeRequestMode
lin_button_row_layout_get_request_mode (GtkLayoutManager *manager,
                                        GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lin_button_row_layout_class_init (LinButtonRowLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = lin_button_row_layout_get_request_mode;
  manager_class->measure = lin_button_row_layout_measure;
  manager_class->allocate = lin_button_row_layout_allocate;
}

static void
lin_button_row_layout_init (LinButtonRowLayout *self)
{
}

/**
 * lin_button_row_layout_new:
 * @spacing: between two buttons, either way
 *
 * Returns: (transfer full): a layout for a widget holding buttons
 */
GtkLayoutManager *
lin_button_row_layout_new (int spacing)
{
  LinButtonRowLayout *self = g_object_new (LIN_TYPE_BUTTON_ROW_LAYOUT, NULL);

  self->spacing = spacing;

  return GTK_LAYOUT_MANAGER (self);
}
