/* lin-roster-month-day.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A day of the roster's month (lin-roster-month.c): its number, and a
 * row a line that has shifts that day with the line's name, a small bar
 * a shift (LinRosterChip, sized by the CSS, in the week's colours) and
 * "N missing". The sentence for assistive technologies is the month's
 * to write; the cell only keeps it, with no tooltip (GTK's tooltip
 * window keeps its words after a lock).
 */

#define G_LOG_DOMAIN "lin-roster-month"

#include "config.h"

#include "lin-roster-days.h"
#include "lin-roster-month-private.h"

static const char * const state_classes[] = {
  "gap", "hard", "soft", "cancelled", "today", "other-month",
};

/* LinRosterChip: a shift in a day's cell, a small bar sized by the CSS */

#define LIN_TYPE_ROSTER_CHIP (lin_roster_chip_get_type ())

G_DECLARE_FINAL_TYPE (LinRosterChip, lin_roster_chip, LIN, ROSTER_CHIP, GtkWidget)

struct _LinRosterChip
{
  GtkWidget parent_instance;

  guint     state;
};

G_DEFINE_FINAL_TYPE (LinRosterChip, lin_roster_chip, GTK_TYPE_WIDGET)

static void
lin_roster_chip_class_init (LinRosterChipClass *klass)
{
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "rosterchip");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
lin_roster_chip_init (LinRosterChip *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

/* LinRosterMonthDay: a day's cell */

typedef struct
{
  GtkWidget *box;
  GtkWidget *name;
  GtkWidget *chips;
  GtkWidget *missing;
  guint      n_chips;
} DayLine;

struct _LinRosterMonthDay
{
  GtkWidget  parent_instance;

  GtkWidget *number;
  GArray    *lines;    /* of DayLine, a line of the roster each */
  char      *spoken;   /* the accessible label */
  guint      julian;
  guint      state;
};

G_DEFINE_FINAL_TYPE (LinRosterMonthDay, lin_roster_month_day, GTK_TYPE_WIDGET)

static void
lin_roster_month_day_dispose (GObject *object)
{
  LinRosterMonthDay *self = (LinRosterMonthDay *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->number = NULL;
  g_array_set_size (self->lines, 0);

  G_OBJECT_CLASS (lin_roster_month_day_parent_class)->dispose (object);
}

static void
lin_roster_month_day_finalize (GObject *object)
{
  LinRosterMonthDay *self = (LinRosterMonthDay *)object;

  g_array_unref (self->lines);
  g_free (self->spoken);

  G_OBJECT_CLASS (lin_roster_month_day_parent_class)->finalize (object);
}

static void
lin_roster_month_day_class_init (LinRosterMonthDayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_roster_month_day_dispose;
  object_class->finalize = lin_roster_month_day_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rostermonthday");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
lin_roster_month_day_init (LinRosterMonthDay *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->lines = g_array_new (FALSE, TRUE, sizeof (DayLine));
  self->number = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->number), 0);
  gtk_widget_add_css_class (self->number, "day-number");
  gtk_widget_set_parent (self->number, GTK_WIDGET (self));
}

/* As many rows as the roster has lines */
void
lin_roster_month_day_set_n_lines (LinRosterMonthDay *self,
                                  guint              n_lines)
{
  while (self->lines->len < n_lines)
    {
      DayLine line = { 0 };

      line.box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      line.name = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (line.name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (line.name), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (line.name), 8);
      gtk_widget_add_css_class (line.name, "caption");
      gtk_widget_add_css_class (line.name, "dim-label");
      line.chips = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      line.missing = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (line.missing), 0);
      gtk_label_set_ellipsize (GTK_LABEL (line.missing), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (line.missing, TRUE);
      gtk_widget_add_css_class (line.missing, "caption-heading");
      gtk_widget_add_css_class (line.missing, "missing");
      gtk_box_append (GTK_BOX (line.box), line.name);
      gtk_box_append (GTK_BOX (line.box), line.chips);
      gtk_box_append (GTK_BOX (line.box), line.missing);
      gtk_widget_set_parent (line.box, GTK_WIDGET (self));
      g_array_append_val (self->lines, line);
    }
  while (self->lines->len > n_lines)
    {
      gtk_widget_unparent (g_array_index (self->lines, DayLine, self->lines->len - 1).box);
      g_array_set_size (self->lines, self->lines->len - 1);
    }
}

/* A line's row: its name, a bar a shift in @states, "N missing"; hidden
 * on a day the line has no shift */
void
lin_roster_month_day_set_line (LinRosterMonthDay *self,
                               guint              i,
                               const char        *name,
                               const guint8      *states,
                               guint              n_shifts,
                               guint              missing)
{
  DayLine *line = &g_array_index (self->lines, DayLine, i);
  g_autofree char *lacking = missing > 0 ? lin_roster_days_missing (missing) : NULL;
  GtkWidget *chip;
  guint k = 0;

  gtk_widget_set_visible (line->box, n_shifts > 0);
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (line->name)), name) != 0)
    gtk_label_set_text (GTK_LABEL (line->name), name);
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (line->missing)), lacking != NULL ? lacking : "") != 0)
    gtk_label_set_text (GTK_LABEL (line->missing), lacking != NULL ? lacking : "");

  for (; line->n_chips < n_shifts; line->n_chips++)
    gtk_box_append (GTK_BOX (line->chips), g_object_new (LIN_TYPE_ROSTER_CHIP, NULL));
  for (; line->n_chips > n_shifts; line->n_chips--)
    gtk_box_remove (GTK_BOX (line->chips), gtk_widget_get_last_child (line->chips));

  for (chip = gtk_widget_get_first_child (line->chips); chip != NULL; chip = gtk_widget_get_next_sibling (chip), k++)
    {
      lin_roster_days_set_classes (chip, state_classes, G_N_ELEMENTS (state_classes), LIN_ROSTER_CHIP (chip)->state, states[k]);
      LIN_ROSTER_CHIP (chip)->state = states[k];
    }
}

/* Takes @spoken */
void
lin_roster_month_day_set (LinRosterMonthDay *self,
                          guint              julian,
                          guint              state,
                          char              *spoken)
{
  GDate date;
  char number[4];

  if (julian != self->julian)
    {
      g_date_clear (&date, 1);
      g_date_set_julian (&date, julian);
      g_snprintf (number, sizeof number, "%u", g_date_get_day (&date));
      gtk_label_set_text (GTK_LABEL (self->number), number);
      self->julian = julian;
    }

  lin_roster_days_set_label (GTK_WIDGET (self), &self->spoken, spoken);

  lin_roster_days_set_classes (GTK_WIDGET (self), state_classes, G_N_ELEMENTS (state_classes), self->state, state);
  self->state = state;
}

guint
lin_roster_month_day_get_julian (LinRosterMonthDay *self)
{
  g_return_val_if_fail (LIN_IS_ROSTER_MONTH_DAY (self), 0);

  return self->julian;
}

/**
 * lin_roster_month_day_get_label:
 * @self: a #LinRosterMonthDay
 *
 * Returns: the sentence assistive technologies read for the day
 */
const char *
lin_roster_month_day_get_label (LinRosterMonthDay *self)
{
  g_return_val_if_fail (LIN_IS_ROSTER_MONTH_DAY (self), NULL);

  return self->spoken;
}
