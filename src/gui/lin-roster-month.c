/* lin-roster-month.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster's month: a calendar of weeks, Monday first, for seeing at a
 * glance where the month still has gaps. A shift belongs to the day its
 * start falls in, where a day runs from the day's start to the next
 * day's, as in the week view (lin-roster-days.c): a 20:00-08:00 night is
 * its evening's.
 *
 * Each day is a cell (LinRosterMonthDay) with a row a line that has
 * shifts that day: the line's name, a small bar a shift in the week
 * view's colours (a gap in the theme's error colour, a broken hard rule in
 * the warning colour, a soft one outlined) and "N missing". The words are
 * for the eye; the cell's accessible label says the whole day: its date,
 * and for each line its shifts, people assigned of required, people
 * missing and rules broken. The days of the weeks around the month are
 * dimmed, today is marked.
 *
 * One cell at a time takes the keyboard focus (Tab enters and leaves the
 * month in one step): the arrows move it a day or a week, Enter or Space
 * or a click activates the day (#LinRosterMonth::day-activated). The
 * month holds no person's alias, only lines and counts.
 */

#define G_LOG_DOMAIN "lin-roster-month"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lin-call.h"
#include "lin-hours.h"
#include "lin-roster-days.h"
#include "lin-roster-month.h"
#include "lin-roster-month-private.h"

#define N_DAYS          7
#define N_CELLS         (6 * N_DAYS)
#define CELL_WIDTH      150  /* px, natural */
#define MIN_CELL_WIDTH  72
#define MIN_CELL_HEIGHT 72
#define SPACING         4

/* LinRosterMonth */

struct _LinRosterMonth
{
  GtkWidget          parent_instance;

  /* Owned */
  LinRoster         *roster;
  GArray            *violations;   /* of LinRosterViolation */
  GtkWidget         *headers[N_DAYS];
  LinRosterMonthDay *days[N_CELLS];
  GDate              first;        /* the month's first day */
  guint              grid;         /* the Julian day of the first cell, a Monday */
  guint              n_rows;
  guint              day_start;
  guint              cursor;       /* the Julian day of the focus cell */
};

G_DEFINE_FINAL_TYPE (LinRosterMonth, lin_roster_month, GTK_TYPE_WIDGET)

enum {
  DAY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A shift in a cell */
typedef struct
{
  guint cell;
  guint line;
  guint shift;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->cell != y->cell)
    return x->cell < y->cell ? -1 : 1;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;

  return x->shift < y->shift ? -1 : x->shift > y->shift;
}

/* The shifts in the cells, by cell, line and start */
static GArray *
collect_entries (LinRosterMonth *self)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  guint n = self->roster != NULL ? lin_roster_get_n_shifts (self->roster) : 0;
  guint n_cells = self->n_rows * N_DAYS;
  GDate first, last;
  gint64 from, to;

  /* a day either side: a day may begin the evening before */
  g_date_clear (&first, 1);
  g_date_set_julian (&first, self->grid);
  last = first;
  g_date_subtract_days (&first, 1);
  g_date_add_days (&last, n_cells + 1);
  from = lin_roster_days_start (&first, 0);
  to = lin_roster_days_start (&last, 0);

  for (guint i = 0; i < n; i++)
    {
      gint64 start = lin_roster_shift_get_start (self->roster, i);
      Entry entry;
      guint day;

      if (start < from || start >= to)
        continue;
      day = lin_roster_days_of_shift (self->roster, i, self->day_start);
      if (day < self->grid || day >= self->grid + n_cells)
        continue;
      entry.cell = day - self->grid;
      entry.line = MAX (0, lin_roster_shift_get_line (self->roster, i));
      entry.shift = i;
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_entries);

  return entries;
}

/* A line's day, counted */
typedef struct
{
  guint8 states[32];  /* the first shifts' */
  guint  n_shifts;
  guint  n_cancelled;
  guint  required;
  guint  assigned;
  guint  missing;
  guint  broken;      /* rules, not counting gaps */
} Tally;

static void
tally_shift (LinRosterMonth *self,
             Tally          *tally,
             guint           shift,
             const guint8   *rules)
{
  guint required = lin_roster_shift_get_required (self->roster, shift);
  guint assigned = lin_roster_shift_get_n_assigned (self->roster, shift);
  guint state = 0;

  if (lin_roster_shift_is_cancelled (self->roster, shift))
    {
      tally->n_cancelled++;
      state = LIN_ROSTER_MONTH_CANCELLED;
    }
  else
    {
      tally->required += required;
      tally->assigned += assigned;
      if (assigned < required)
        {
          tally->missing += required - assigned;
          state = LIN_ROSTER_MONTH_GAP;
        }
      else if (rules[shift] & LIN_ROSTER_DAYS_HARD)
        state = LIN_ROSTER_MONTH_HARD;
      else if (rules[shift] & LIN_ROSTER_DAYS_SOFT)
        state = LIN_ROSTER_MONTH_SOFT;
    }

  for (guint i = 0; self->violations != NULL && i < self->violations->len; i++)
    {
      const LinRosterViolation *v = &g_array_index (self->violations, LinRosterViolation, i);

      if (v->shift == (int)shift && !v->overridden && v->rule != LIN_ROSTER_RULE_GAP)
        tally->broken++;
    }

  if (tally->n_shifts < G_N_ELEMENTS (tally->states))
    tally->states[tally->n_shifts] = state;
  tally->n_shifts++;
}

/* "SOS: 2 shifts, 3 of 4 people, 1 missing, 1 rule broken" */
static void
append_line (GString     *text,
             const char  *name,
             const Tally *tally)
{
  guint active = tally->n_shifts - tally->n_cancelled;
  g_autofree char *shifts = NULL;
  g_autofree char *people = lin_roster_days_people (tally->assigned, tally->required);

  /* Translators: a line's shifts on a day of the roster's month, for
   * screen readers, "2 shifts" */
  shifts = g_strdup_printf (ngettext ("%u shift", "%u shifts", active), active);
  if (text->len > 0)
    g_string_append (text, "; ");
  /* Translators: a line on a day of the roster's month, for screen
   * readers: the line's name, its shifts ("2 shifts") and the people
   * on them ("3 of 4 people"); what is missing may follow */
  g_string_append_printf (text, _("%1$s: %2$s, %3$s"), name, shifts, people);

  if (tally->missing > 0)
    {
      g_autofree char *lacking = lin_roster_days_missing (tally->missing);

      g_string_append_printf (text, ", %s", lacking);
    }
  if (tally->broken > 0)
    {
      g_string_append (text, ", ");
      /* Translators: rules of the roster a day's shifts break, for
       * screen readers */
      g_string_append_printf (text, ngettext ("%u rule broken", "%u rules broken", tally->broken), tally->broken);
    }
  if (tally->n_cancelled > 0)
    {
      g_string_append (text, ", ");
      /* Translators: a line's cancelled shifts on a day of the roster's
       * month, for screen readers */
      g_string_append_printf (text, ngettext ("%u cancelled", "%u cancelled", tally->n_cancelled),
                              tally->n_cancelled);
    }
}

/* "Tue 3/3: SOS: 2 shifts, 3 of 4 people, 1 missing" */
static char *
day_sentence (guint       julian,
              gboolean    today,
              const char *lines)
{
  g_autofree char *date = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, julian);
  date = lin_roster_days_format_day (&day);
  if (today)
    {
      char *marked;

      /* Translators: today's date in the roster's month, for screen
       * readers, "Tue 3/3, today" */
      marked = g_strdup_printf (_("%s, today"), date);
      g_free (date);
      date = marked;
    }

  /* Translators: a day of the roster's month, for screen readers: its
   * date ("Tue 3/3") and what its lines have that day */
  return g_strdup_printf (_("%1$s: %2$s"), date,
                          /* Translators: a day of the roster's month with no shift */
                          lines[0] != '\0' ? lines : _("no shifts"));
}

static guint
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  return g_date_get_julian (&day);
}

static void
update_day (LinRosterMonth *self,
            guint           cell,
            const Tally    *tallies,
            guint           n_lines,
            guint           now)
{
  LinRosterMonthDay *day = self->days[cell];
  g_autoptr(GString) lines = g_string_new (NULL);
  guint julian = self->grid + cell;
  guint state = 0;
  GDate date;

  lin_roster_month_day_set_n_lines (day, n_lines);
  for (guint line = 0; line < n_lines; line++)
    {
      const Tally *tally = &tallies[cell * n_lines + line];
      const char *name = lin_roster_days_line_name (self->roster, line);

      lin_roster_month_day_set_line (day, line, name, tally->states, MIN (tally->n_shifts, G_N_ELEMENTS (tally->states)),
                                     tally->missing);
      if (tally->n_shifts == 0)
        continue;
      append_line (lines, name, tally);
      if (tally->missing > 0)
        state |= LIN_ROSTER_MONTH_GAP;
    }

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (g_date_get_month (&date) != g_date_get_month (&self->first))
    state |= LIN_ROSTER_MONTH_OUTSIDE;
  if (julian == now)
    state |= LIN_ROSTER_MONTH_TODAY;

  lin_roster_month_day_set (day, julian, state, day_sentence (julian, julian == now, lines->str));
}

static void
update_all (LinRosterMonth *self)
{
  guint n_lines = self->roster != NULL ? lin_roster_get_n_lines (self->roster) : 0;
  g_autofree Tally *tallies = g_new0 (Tally, N_CELLS * MAX (1, n_lines));
  g_autofree guint8 *rules = self->roster != NULL ? lin_roster_days_shift_rules (self->roster, self->violations)
                                                  : NULL;
  g_autoptr(GArray) entries = collect_entries (self);
  guint now = today ();

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);

      if (entry->line < n_lines)
        tally_shift (self, &tallies[entry->cell * n_lines + entry->line], entry->shift, rules);
    }

  for (guint cell = 0; cell < N_CELLS; cell++)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->days[cell]), cell < self->n_rows * N_DAYS);
      update_day (self, cell, tallies, n_lines, now);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The weeks that hold the month, the focus cell kept within them */
static void
update_grid (LinRosterMonth *self)
{
  guint first = g_date_get_julian (&self->first);
  guint n_days = g_date_get_days_in_month (g_date_get_month (&self->first), g_date_get_year (&self->first));

  self->grid = first - (g_date_get_weekday (&self->first) - G_DATE_MONDAY);
  self->n_rows = (first - self->grid + n_days + N_DAYS - 1) / N_DAYS;

  if (self->cursor < first || self->cursor >= first + n_days)
    {
      guint now = today ();

      self->cursor = now >= first && now < first + n_days ? now : first;
    }
}

static LinRosterMonthDay *
cursor_cell (LinRosterMonth *self)
{
  g_assert (self->cursor >= self->grid && self->cursor < self->grid + self->n_rows * N_DAYS);

  return self->days[self->cursor - self->grid];
}

static gboolean
move_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  LinRosterMonth *self = LIN_ROSTER_MONTH (widget);
  int step = g_variant_get_int32 (args);
  gint64 target = (gint64)self->cursor + step;

  /* at an edge the key stays here: the focus does not jump elsewhere */
  if (target >= self->grid && target < self->grid + self->n_rows * N_DAYS)
    {
      self->cursor = (guint)target;
      gtk_widget_grab_focus (GTK_WIDGET (cursor_cell (self)));
    }

  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  LinRosterMonth *self = LIN_ROSTER_MONTH (widget);

  g_signal_emit (self, signals[DAY_ACTIVATED], 0, self->cursor);

  return TRUE;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            LinRosterMonth  *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  while (picked != NULL && !LIN_IS_ROSTER_MONTH_DAY (picked))
    picked = gtk_widget_get_parent (picked);
  if (picked == NULL)
    return;

  self->cursor = lin_roster_month_day_get_julian (LIN_ROSTER_MONTH_DAY (picked));
  gtk_widget_grab_focus (picked);
  g_signal_emit (self, signals[DAY_ACTIVATED], 0, self->cursor);
}

static int
header_height (LinRosterMonth *self)
{
  int height = 0;

  for (guint d = 0; d < N_DAYS; d++)
    {
      int natural;

      gtk_widget_measure (self->headers[d], GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
      height = MAX (height, natural);
    }

  return height;
}

/* The tallest cell's natural height, at least MIN_CELL_HEIGHT */
static int
row_height (LinRosterMonth *self,
            int             for_width)
{
  int height = MIN_CELL_HEIGHT;

  for (guint cell = 0; cell < self->n_rows * N_DAYS; cell++)
    {
      int natural;

      gtk_widget_measure (GTK_WIDGET (self->days[cell]), GTK_ORIENTATION_VERTICAL, for_width,
                          NULL, &natural, NULL, NULL);
      height = MAX (height, natural);
    }

  return height;
}

static void
lin_roster_month_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  LinRosterMonth *self = LIN_ROSTER_MONTH (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = N_DAYS * MIN_CELL_WIDTH;
      *natural = N_DAYS * CELL_WIDTH;
    }
  else
    {
      int width = for_size >= 0 ? for_size / N_DAYS - SPACING : -1;

      *minimum = *natural = header_height (self) + SPACING + self->n_rows * (row_height (self, width) + SPACING);
    }
}

static void
lin_roster_month_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  LinRosterMonth *self = LIN_ROSTER_MONTH (widget);
  int header = header_height (self);
  double cell_width = (double)width / N_DAYS;
  double cell_height = (double)(height - header - SPACING) / self->n_rows;

  for (guint d = 0; d < N_DAYS; d++)
    lin_roster_days_place (self->headers[d], d * cell_width, 0, cell_width, header);

  /* measured before they are placed, as GTK wants */
  row_height (self, (int)cell_width - SPACING);
  for (guint cell = 0; cell < self->n_rows * N_DAYS; cell++)
    lin_roster_days_place (GTK_WIDGET (self->days[cell]), (cell % N_DAYS) * cell_width + SPACING / 2,
           header + SPACING + (cell / N_DAYS) * cell_height + SPACING / 2,
           cell_width - SPACING, cell_height - SPACING);
}

/* Tab enters the month at the focus cell and leaves it in one step */
static gboolean
lin_roster_month_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  LinRosterMonth *self = LIN_ROSTER_MONTH (widget);

  if (gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (cursor_cell (self)));
}

static gboolean
lin_roster_month_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (cursor_cell (LIN_ROSTER_MONTH (widget))));
}

/* A cell with the focus (a click, a screen reader) is the focus day */
static void
lin_roster_month_set_focus_child (GtkWidget *widget,
                                  GtkWidget *child)
{
  GTK_WIDGET_CLASS (lin_roster_month_parent_class)->set_focus_child (widget, child);

  if (child != NULL && LIN_IS_ROSTER_MONTH_DAY (child))
    LIN_ROSTER_MONTH (widget)->cursor = lin_roster_month_day_get_julian (LIN_ROSTER_MONTH_DAY (child));
}

static void
lin_roster_month_dispose (GObject *object)
{
  LinRosterMonth *self = (LinRosterMonth *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  memset (self->days, 0, sizeof self->days);
  memset (self->headers, 0, sizeof self->headers);
  g_clear_pointer (&self->roster, lin_roster_unref);
  g_clear_pointer (&self->violations, g_array_unref);

  G_OBJECT_CLASS (lin_roster_month_parent_class)->dispose (object);
}

static void
add_move_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  guint           keypad,
                  int             step)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, move_cb, "i", step);
  gtk_widget_class_add_binding (widget_class, keypad, 0, move_cb, "i", step);
}

static void
lin_roster_month_class_init (LinRosterMonthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_roster_month_dispose;

  widget_class->measure = lin_roster_month_measure;
  widget_class->size_allocate = lin_roster_month_size_allocate;
  widget_class->focus = lin_roster_month_focus;
  widget_class->grab_focus = lin_roster_month_grab_focus;
  widget_class->set_focus_child = lin_roster_month_set_focus_child;

  /**
   * LinRosterMonth::day-activated:
   * @julian: the day, as g_date_get_julian() counts it
   *
   * Enter or Space on a day, or a click on it.
   */
  signals[DAY_ACTIVATED] =
    g_signal_new ("day-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /* the class's shortcut controller: Left and Right a day, Up and Down
   * a week */
  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -1);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 1);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, -N_DAYS);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, N_DAYS);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, activate_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "rostermonth");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lin_roster_month_init (LinRosterMonth *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());

  self->day_start = 8;

  for (guint d = 0; d < N_DAYS; d++)
    {
      self->headers[d] = gtk_label_new (lin_hours_get_day_name (d));
      gtk_widget_add_css_class (self->headers[d], "heading");
      gtk_label_set_ellipsize (GTK_LABEL (self->headers[d]), PANGO_ELLIPSIZE_END);
      gtk_widget_set_parent (self->headers[d], GTK_WIDGET (self));
    }
  for (guint cell = 0; cell < N_CELLS; cell++)
    {
      self->days[cell] = g_object_new (LIN_TYPE_ROSTER_MONTH_DAY, NULL);
      gtk_widget_set_parent (GTK_WIDGET (self->days[cell]), GTK_WIDGET (self));
    }

  /* this month */
  g_date_clear (&self->first, 1);
  g_date_set_dmy (&self->first, 1, g_date_time_get_month (now), g_date_time_get_year (now));
  update_grid (self);
  update_all (self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
lin_roster_month_new (void)
{
  return g_object_new (LIN_TYPE_ROSTER_MONTH, NULL);
}

/**
 * lin_roster_month_set_roster:
 * @self: a #LinRosterMonth
 * @roster: (nullable): the roster to show, or %NULL to forget everything
 *   (the profile is locked); the month keeps a reference
 * @violations: (nullable) (element-type LinRosterViolation): its rules
 *   broken, from lin_roster_check(); the month keeps a reference
 */
void
lin_roster_month_set_roster (LinRosterMonth *self,
                             LinRoster      *roster,
                             GArray         *violations)
{
  g_return_if_fail (LIN_IS_ROSTER_MONTH (self));

  lin_roster_days_replace (&self->roster, &self->violations, roster, violations);

  update_all (self);
}

/**
 * lin_roster_month_set_month:
 * @self: a #LinRosterMonth
 * @day: a day of the month to show
 *
 * Shows the month of @day. The focus day stays when it is in that
 * month; otherwise it is today, or the month's first day.
 */
void
lin_roster_month_set_month (LinRosterMonth *self,
                            GDate          *day)
{
  g_return_if_fail (LIN_IS_ROSTER_MONTH (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  self->first = *day;
  g_date_set_day (&self->first, 1);
  update_grid (self);
  update_all (self);
}

/**
 * lin_roster_month_set_day_start:
 * @self: a #LinRosterMonth
 * @hour: when a day begins, 0 to 23 (8 unless told)
 */
void
lin_roster_month_set_day_start (LinRosterMonth *self,
                                guint           hour)
{
  g_return_if_fail (LIN_IS_ROSTER_MONTH (self));
  g_return_if_fail (hour < 24);

  if (hour == self->day_start)
    return;

  self->day_start = hour;
  update_all (self);
}

/**
 * lin_roster_month_get_focus_day:
 * @self: a #LinRosterMonth
 * @day: (out caller-allocates): the day of the focus cell, which has the
 *   keyboard focus whenever the month has it
 *
 * Returns: %TRUE: the month always has a focus day, in the weeks shown
 */
gboolean
lin_roster_month_get_focus_day (LinRosterMonth *self,
                                GDate          *day)
{
  g_return_val_if_fail (LIN_IS_ROSTER_MONTH (self), FALSE);
  g_return_val_if_fail (day != NULL, FALSE);

  g_date_clear (day, 1);
  g_date_set_julian (day, self->cursor);

  return TRUE;
}

/**
 * lin_roster_month_focus_day:
 * @self: a #LinRosterMonth
 * @day: a day
 *
 * Gives @day's cell the keyboard focus, showing its month first when the
 * weeks shown do not hold it.
 */
void
lin_roster_month_focus_day (LinRosterMonth *self,
                            GDate          *day)
{
  guint julian;

  g_return_if_fail (LIN_IS_ROSTER_MONTH (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  julian = g_date_get_julian (day);
  if (julian < self->grid || julian >= self->grid + self->n_rows * N_DAYS)
    lin_roster_month_set_month (self, day);
  self->cursor = julian;
  gtk_widget_grab_focus (GTK_WIDGET (cursor_cell (self)));
}
