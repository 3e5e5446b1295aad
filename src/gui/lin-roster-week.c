/* lin-roster-week.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster's week: seven day columns, Monday first, each from the day's
 * start (08:00 unless told) to the next day's, so that a 20:00-08:00 night
 * is one block in the column of the day it begins. A shift that crosses
 * a column's edge (06:00-14:00 when the day starts at 08:00) is a block in
 * both columns, clipped and marked as continuing. Times are real elapsed
 * time at the same pixels an hour in every column: the column of 28 March
 * 2026 lasts 23 hours and ends an hour before the others, and its night
 * is 11/12 of another night's height.
 *
 * Each column has a lane a line. Above the columns, a coverage strip a
 * line: people required and assigned each day, a gap in the theme's error
 * colour. Every shift and every coverage cell is a widget of its own
 * (LinRosterBlock, lin-roster-block.c) with a full sentence for assistive technologies, and
 * the blocks take the keyboard focus: the arrows move between them, Enter
 * or Space or a click activates one (#LinRosterWeek::shift-activated).
 *
 * A new roster (one assignment more, as the coordinator plans) keeps the
 * blocks and changes only the words and classes that changed: a frame
 * after a change of a week with 200 shifts is measured by
 * bench-roster-week.
 */

#define G_LOG_DOMAIN "lin-roster-week"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call.h"
#include "lin-hours.h"
#include "lin-roster-week.h"
#include "lin-roster-block.h"
#include "lin-roster-days.h"

#define DAY_WIDTH     140  /* px, natural */
#define MIN_DAY_WIDTH 48
#define HOUR_HEIGHT   28   /* px, natural */
#define AXIS_WIDTH    56
#define SPACING       6
#define LANE_GAP      2
#define N_DAYS        7

/* LinRosterWeek */

typedef struct
{
  int             shift;
  guint           day;     /* 0 (Monday) to 6 */
  guint           lane;    /* the shift's line */
  gint64          from;    /* the shift clipped to its column */
  gint64          to;
  LinRosterBlock *block;
} Segment;

struct _LinRosterWeek
{
  GtkWidget        parent_instance;

  /* Owned */
  LinRoster       *roster;
  GArray          *violations;    /* of LinRosterViolation */
  GArray          *segments;      /* of Segment, by day, start and lane */
  GPtrArray       *blocks;        /* of LinRosterBlock, a segment each */
  GPtrArray       *cells;         /* of LinRosterBlock, N_DAYS a line */
  GPtrArray       *line_labels;   /* of GtkLabel, a line each */
  GPtrArray       *hour_labels;   /* of GtkLabel */
  GtkWidget       *headers[N_DAYS];
  char            *selected_id;   /* the selected shift's record id */
  GDate            monday;
  gint64           column_start[N_DAYS + 1];
  guint            day_start;
  guint            n_hours;       /* the longest column's, rounded up */
  int              selected;

  /* as allocated */
  int              top;
  double           hour_height;
  double           day_width;
};

G_DEFINE_FINAL_TYPE (LinRosterWeek, lin_roster_week, GTK_TYPE_WIDGET)

enum {
  SHIFT_ACTIVATED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GDateTime *
local_time (gint64 instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, lin_call_get_time_zone ());
}

static char *
format_instant (gint64      instant,
                const char *format)
{
  g_autoptr(GDateTime) time = local_time (instant);

  return g_date_time_format (time, format);
}

/**
 * lin_roster_week_format_day:
 * @instant: an instant
 *
 * Returns: (transfer full): its day in Belgrade, in numbers and the
 *   weekday's short name in the user's language: "Mon 23/3"
 */
char *
lin_roster_week_format_day (gint64 instant)
{
  g_autoptr(GDateTime) time = local_time (instant);
  g_autofree char *date = NULL;

  /* Translators: a day's date in the roster, in g_date_time_format()'s
   * notation with numbers only (month names would come out in English):
   * "23/3"; in Serbian "23.3." */
  date = g_date_time_format (time, _("%-d/%-m"));
  /* Translators: a weekday's short name and a date, "Mon 23/3" */
  return g_strdup_printf (_("%1$s %2$s"), lin_hours_get_day_name (g_date_time_get_day_of_week (time) - 1), date);
}
static guint
n_lanes (LinRosterWeek *self)
{
  return self->roster != NULL ? MAX (1, lin_roster_get_n_lines (self->roster)) : 1;
}

/* The two instants of each column's edges, from the day's start */
static void
update_columns (LinRosterWeek *self)
{
  gint64 longest = 0;

  for (guint d = 0; d <= N_DAYS; d++)
    {
      GDate day = self->monday;
      g_autoptr(GDateTime) start = NULL;

      g_date_add_days (&day, d);
      start = g_date_time_new (lin_call_get_time_zone (), g_date_get_year (&day), g_date_get_month (&day),
                               g_date_get_day (&day), self->day_start, 0, 0);
      self->column_start[d] = g_date_time_to_unix (start);
    }

  for (guint d = 0; d < N_DAYS; d++)
    longest = MAX (longest, self->column_start[d + 1] - self->column_start[d]);
  self->n_hours = (guint)((longest + 3599) / 3600);

  for (guint d = 0; d < N_DAYS; d++)
    {
      g_autofree char *text = lin_roster_week_format_day (self->column_start[d]);

      gtk_label_set_text (GTK_LABEL (self->headers[d]), text);
    }
}

static void
update_hour_labels (LinRosterWeek *self)
{
  while (self->hour_labels->len < self->n_hours)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_set_parent (label, GTK_WIDGET (self));
      g_ptr_array_add (self->hour_labels, label);
    }
  while (self->hour_labels->len > self->n_hours)
    gtk_widget_unparent (g_ptr_array_steal_index (self->hour_labels, self->hour_labels->len - 1));

  for (guint h = 0; h < self->n_hours; h++)
    {
      g_autofree char *text = g_strdup_printf ("%02u:00", (self->day_start + h) % 24);

      gtk_label_set_text (GTK_LABEL (g_ptr_array_index (self->hour_labels, h)), text);
    }
}

static int
compare_segments (gconstpointer a,
                  gconstpointer b)
{
  const Segment *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  if (x->from != y->from)
    return x->from < y->from ? -1 : 1;
  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;

  return x->shift - y->shift;
}

/* The shifts' pieces in the columns */
static void
update_segments (LinRosterWeek *self)
{
  guint n = self->roster != NULL ? lin_roster_get_n_shifts (self->roster) : 0;

  g_array_set_size (self->segments, 0);
  for (guint i = 0; i < n; i++)
    {
      gint64 start = lin_roster_shift_get_start (self->roster, i);
      gint64 end = lin_roster_shift_get_end (self->roster, i);

      if (start >= self->column_start[N_DAYS])
        break;
      if (end <= self->column_start[0])
        continue;

      for (guint d = 0; d < N_DAYS; d++)
        if (start < self->column_start[d + 1] && end > self->column_start[d])
          {
            Segment segment = {
              .shift = i,
              .day = d,
              .lane = MAX (0, lin_roster_shift_get_line (self->roster, i)),
              .from = MAX (start, self->column_start[d]),
              .to = MIN (end, self->column_start[d + 1]),
            };

            g_array_append_val (self->segments, segment);
          }
    }
  g_array_sort (self->segments, compare_segments);
}

/* Bits of the rules each shift breaks, by shift */
static guint8 *
shift_states (LinRosterWeek *self)
{
  guint8 *states = g_new0 (guint8, lin_roster_get_n_shifts (self->roster) + 1);

  for (guint i = 0; self->violations != NULL && i < self->violations->len; i++)
    {
      const LinRosterViolation *v = &g_array_index (self->violations, LinRosterViolation, i);

      if (v->shift < 0 || (guint)v->shift >= lin_roster_get_n_shifts (self->roster) ||
          v->overridden || v->rule == LIN_ROSTER_RULE_GAP)
        continue;
      states[v->shift] |= lin_roster_rule_is_hard (v->rule) ? LIN_ROSTER_BLOCK_HARD : LIN_ROSTER_BLOCK_SOFT;
    }

  return states;
}

/* The rules the shift breaks, a line each, or NULL */
static char *
shift_problems (LinRosterWeek *self,
                int            shift)
{
  g_autoptr(GString) text = NULL;

  for (guint i = 0; self->violations != NULL && i < self->violations->len; i++)
    {
      const LinRosterViolation *v = &g_array_index (self->violations, LinRosterViolation, i);
      g_autofree char *sentence = NULL;

      if (v->shift != shift || v->rule == LIN_ROSTER_RULE_GAP)
        continue;
      sentence = lin_roster_describe (self->roster, v);
      if (text == NULL)
        text = g_string_new (sentence);
      else
        g_string_append_printf (text, "\n%s", sentence);
    }

  return text != NULL ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static char *
aliases (LinRosterWeek *self,
         guint          shift)
{
  guint n = lin_roster_shift_get_n_assigned (self->roster, shift);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      LinRecord *assignment = lin_roster_shift_get_assignment (self->roster, shift, i);
      int person = lin_roster_assignment_get_person (self->roster, assignment);
      const char *alias = person >= 0 ? lin_record_get_string (lin_roster_get_person (self->roster, person),
                                                               LIN_PERSON_FIELD_ALIAS) : NULL;

      if (alias == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, alias);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_block (LinRosterWeek *self,
            Segment       *segment,
            guint          rules)
{
  guint shift = segment->shift;
  guint required = lin_roster_shift_get_required (self->roster, shift);
  guint assigned = lin_roster_shift_get_n_assigned (self->roster, shift);
  gboolean cancelled = lin_roster_shift_is_cancelled (self->roster, shift);
  guint missing = !cancelled && assigned < required ? required - assigned : 0;
  g_autofree char *from = format_instant (lin_roster_shift_get_start (self->roster, shift), "%H:%M");
  g_autofree char *to = format_instant (lin_roster_shift_get_end (self->roster, shift), "%H:%M");
  g_autofree char *hour = format_instant (lin_roster_shift_get_start (self->roster, shift), "%H");
  g_autofree char *day = lin_roster_week_format_day (lin_roster_shift_get_start (self->roster, shift));
  g_autofree char *people = lin_roster_days_people (assigned, required);
  g_autofree char *names = aliases (self, shift);
  g_autofree char *count = NULL;
  g_autofree char *span = NULL;
  g_autofree char *problems = NULL;
  char *spoken, *text;
  guint state = rules;

  /* Translators: a shift's time span in the roster's week, "20:00–08:00" */
  span = g_strdup_printf (_("%1$s–%2$s"), from, to);
  /* Translators: people on a shift, in its small block: "1 of 2" */
  count = g_strdup_printf (_("%1$u of %2$u"), assigned, required);

  if (missing > 0)
    {
      g_autofree char *lacking = lin_roster_days_missing (missing);

      /* Translators: a shift of the roster, for screen readers: the day
       * ("Mon 30/11"), the line, the start and the end, the
       * people ("1 of 2 people") and how many are missing ("1 missing") */
      spoken = g_strdup_printf (_("%1$s, %2$s, %3$s to %4$s, %5$s, %6$s"),
                                day, lin_roster_days_line_name (self->roster, segment->lane), from, to, people, lacking);
      text = g_strdup_printf ("%s\n%s\n%s · %s", span, names, count, lacking);
      state |= LIN_ROSTER_BLOCK_GAP;
    }
  else if (cancelled)
    {
      /* Translators: a cancelled shift of the roster, for screen readers:
       * the day ("Mon 30/11"), the line, the start and the end */
      spoken = g_strdup_printf (_("%1$s, %2$s, %3$s to %4$s, cancelled"),
                                day, lin_roster_days_line_name (self->roster, segment->lane), from, to);
      text = g_strdup_printf ("%s\n%s\n%s", span, names, count);
      state |= LIN_ROSTER_BLOCK_CANCELLED;
    }
  else
    {
      /* Translators: a shift of the roster, for screen readers: the day
       * ("Mon 30/11"), the line, the start and the end, and the
       * people ("2 of 2 people") */
      spoken = g_strdup_printf (_("%1$s, %2$s, %3$s to %4$s, %5$s"),
                                day, lin_roster_days_line_name (self->roster, segment->lane), from, to, people);
      text = g_strdup_printf ("%s\n%s\n%s", span, names, count);
    }

  if (segment->from > lin_roster_shift_get_start (self->roster, shift))
    state |= LIN_ROSTER_BLOCK_BEFORE;
  if (segment->to < lin_roster_shift_get_end (self->roster, shift))
    state |= LIN_ROSTER_BLOCK_AFTER;
  if ((int)shift == self->selected)
    state |= LIN_ROSTER_BLOCK_SELECTED;

  problems = shift_problems (self, shift);
  if (problems != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (segment->block),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problems, -1);
  else if (lin_roster_block_get_state (segment->block) & (LIN_ROSTER_BLOCK_HARD | LIN_ROSTER_BLOCK_SOFT))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (segment->block), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  lin_roster_block_set (segment->block, shift, state, text, spoken);
  /* Translators: a shift's start hour and its people ("1/2"), in a block
   * too narrow for more */
  lin_roster_block_set_short (segment->block, g_strdup_printf (_("%1$s\n%2$u/%3$u"), hour, assigned, required));
}

static void
update_blocks (LinRosterWeek *self)
{
  g_autofree guint8 *rules = self->roster != NULL ? shift_states (self) : NULL;

  /* the blocks stay; only as many as the segments */
  while (self->blocks->len < self->segments->len)
    {
      LinRosterBlock *block = lin_roster_block_new (FALSE);

      gtk_widget_set_parent (GTK_WIDGET (block), GTK_WIDGET (self));
      g_ptr_array_add (self->blocks, block);
    }
  while (self->blocks->len > self->segments->len)
    gtk_widget_unparent (g_ptr_array_steal_index (self->blocks, self->blocks->len - 1));

  for (guint i = 0; i < self->segments->len; i++)
    {
      Segment *segment = &g_array_index (self->segments, Segment, i);

      segment->block = g_ptr_array_index (self->blocks, i);
      fill_block (self, segment, rules[segment->shift]);
    }
}

static void
update_coverage (LinRosterWeek *self)
{
  guint n_lines = self->roster != NULL ? lin_roster_get_n_lines (self->roster) : 0;

  while (self->line_labels->len < n_lines)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_widget_add_css_class (label, "caption-heading");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_parent (label, GTK_WIDGET (self));
      g_ptr_array_add (self->line_labels, label);
      for (guint d = 0; d < N_DAYS; d++)
        {
          LinRosterBlock *cell = lin_roster_block_new (TRUE);

          gtk_widget_set_parent (GTK_WIDGET (cell), GTK_WIDGET (self));
          g_ptr_array_add (self->cells, cell);
        }
    }
  while (self->line_labels->len > n_lines)
    {
      gtk_widget_unparent (g_ptr_array_steal_index (self->line_labels, self->line_labels->len - 1));
      for (guint d = 0; d < N_DAYS; d++)
        gtk_widget_unparent (g_ptr_array_steal_index (self->cells, self->cells->len - 1));
    }

  for (guint line = 0; line < n_lines; line++)
    {
      guint required[N_DAYS] = { 0 }, assigned[N_DAYS] = { 0 }, missing[N_DAYS] = { 0 };

      gtk_label_set_text (GTK_LABEL (g_ptr_array_index (self->line_labels, line)), lin_roster_days_line_name (self->roster, line));

      /* a shift counts on the day its column begins it */
      for (guint i = 0; i < self->segments->len; i++)
        {
          Segment *segment = &g_array_index (self->segments, Segment, i);
          guint r, a;

          if (segment->lane != line || segment->from != lin_roster_shift_get_start (self->roster, segment->shift) ||
              lin_roster_shift_is_cancelled (self->roster, segment->shift))
            continue;
          r = lin_roster_shift_get_required (self->roster, segment->shift);
          a = lin_roster_shift_get_n_assigned (self->roster, segment->shift);
          required[segment->day] += r;
          assigned[segment->day] += a;
          missing[segment->day] += a < r ? r - a : 0;
        }

      for (guint d = 0; d < N_DAYS; d++)
        {
          g_autofree char *weekday = lin_roster_week_format_day (self->column_start[d]);
          g_autofree char *people = lin_roster_days_people (assigned[d], required[d]);
          char *text, *spoken;

          if (missing[d] > 0)
            {
              g_autofree char *lacking = lin_roster_days_missing (missing[d]);

              /* Translators: a day's coverage in the roster, for screen
               * readers: the weekday, the line, the people ("3 of 4
               * people") and how many are missing ("1 missing") */
              spoken = g_strdup_printf (_("%1$s, %2$s: %3$s, %4$s"), weekday, lin_roster_days_line_name (self->roster, line), people, lacking);
              text = g_strdup_printf ("%u / %u\n%s", required[d], assigned[d], lacking);
            }
          else
            {
              /* Translators: a day's coverage in the roster, for screen
               * readers: the weekday, the line and the people ("4 of 4
               * people") */
              spoken = g_strdup_printf (_("%1$s, %2$s: %3$s"), weekday, lin_roster_days_line_name (self->roster, line), people);
              text = g_strdup_printf ("%u / %u", required[d], assigned[d]);
            }
          lin_roster_block_set (g_ptr_array_index (self->cells, line * N_DAYS + d), -1, missing[d] > 0 ? LIN_ROSTER_BLOCK_GAP : 0,
                     text, spoken);
        }
    }
}

static void
update_all (LinRosterWeek *self)
{
  update_segments (self);
  update_blocks (self);
  update_coverage (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
set_selected (LinRosterWeek *self,
              int            shift)
{
  if (shift == self->selected)
    return;

  self->selected = shift;
  g_clear_pointer (&self->selected_id, g_free);
  if (shift >= 0)
    self->selected_id = g_strdup (lin_record_get_id_string (lin_roster_get_shift (self->roster, shift)));

  for (guint i = 0; i < self->segments->len; i++)
    {
      Segment *segment = &g_array_index (self->segments, Segment, i);

      lin_roster_block_set_selected (segment->block, segment->shift == shift);
    }

  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* The segment of the selected shift with the focus, or its first; -1 */
static int
selected_segment (LinRosterWeek *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));
  int first = -1;

  for (guint i = 0; i < self->segments->len; i++)
    {
      Segment *segment = &g_array_index (self->segments, Segment, i);

      if (segment->shift != self->selected)
        continue;
      if (GTK_WIDGET (segment->block) == focus)
        return i;
      if (first < 0)
        first = i;
    }

  return first;
}

static void
move_to (LinRosterWeek *self,
         int            i)
{
  Segment *segment = &g_array_index (self->segments, Segment, i);

  set_selected (self, segment->shift);
  gtk_widget_grab_focus (GTK_WIDGET (segment->block));
}

/* The segment @step days away in the same lane that begins nearest the
 * same time of its day; another lane's when the lane has none that day */
static int
next_day (LinRosterWeek *self,
          int            current,
          int            step)
{
  Segment *here = &g_array_index (self->segments, Segment, current);
  gint64 offset = here->from - self->column_start[here->day];

  for (int day = (int)here->day + step; day >= 0 && day < N_DAYS; day += step)
    {
      int best = -1;
      gint64 best_distance = G_MAXINT64;

      for (guint i = 0; i < self->segments->len; i++)
        {
          Segment *there = &g_array_index (self->segments, Segment, i);
          gint64 distance;

          if ((int)there->day != day)
            continue;
          distance = ABS (there->from - self->column_start[day] - offset);
          /* another lane counts only when the lane has nothing */
          if (there->lane != here->lane)
            distance += G_MAXINT64 / 2;
          if (distance < best_distance)
            {
              best = i;
              best_distance = distance;
            }
        }
      if (best >= 0)
        return best;
    }

  return -1;
}

static gboolean
move_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  LinRosterWeek *self = LIN_ROSTER_WEEK (widget);
  GtkDirectionType direction = g_variant_get_int32 (args);
  int current = selected_segment (self);
  int target = -1;

  if (self->segments->len == 0)
    return FALSE;

  if (current < 0)
    target = 0;
  else if (direction == GTK_DIR_LEFT || direction == GTK_DIR_RIGHT)
    target = next_day (self, current, direction == GTK_DIR_LEFT ? -1 : 1);
  else
    {
      int i = current + (direction == GTK_DIR_UP ? -1 : 1);

      if (i >= 0 && (guint)i < self->segments->len &&
          g_array_index (self->segments, Segment, i).day == g_array_index (self->segments, Segment, current).day)
        target = i;
    }

  if (target >= 0)
    move_to (self, target);

  /* at an edge the key stays here: the focus does not jump elsewhere */
  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  LinRosterWeek *self = LIN_ROSTER_WEEK (widget);

  if (self->selected < 0)
    return FALSE;

  g_signal_emit (self, signals[SHIFT_ACTIVATED], 0, self->selected);

  return TRUE;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            LinRosterWeek   *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  while (picked != NULL && !LIN_IS_ROSTER_BLOCK (picked))
    picked = gtk_widget_get_parent (picked);
  if (picked == NULL || lin_roster_block_get_shift (LIN_ROSTER_BLOCK (picked)) < 0)
    return;

  gtk_widget_grab_focus (picked);
  set_selected (self, lin_roster_block_get_shift (LIN_ROSTER_BLOCK (picked)));
  g_signal_emit (self, signals[SHIFT_ACTIVATED], 0, self->selected);
}

static int
header_height (LinRosterWeek *self)
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

static int
coverage_row_height (LinRosterWeek *self,
                     guint          line)
{
  int height = 0;

  for (guint d = 0; d < N_DAYS; d++)
    {
      int natural;

      gtk_widget_measure (g_ptr_array_index (self->cells, line * N_DAYS + d), GTK_ORIENTATION_VERTICAL,
                          -1, NULL, &natural, NULL, NULL);
      height = MAX (height, natural);
    }

  return height;
}

static int
grid_top (LinRosterWeek *self)
{
  int top = header_height (self) + SPACING;

  for (guint line = 0; line < self->line_labels->len; line++)
    top += coverage_row_height (self, line) + LANE_GAP;

  return top + SPACING;
}

static void
lin_roster_week_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  LinRosterWeek *self = LIN_ROSTER_WEEK (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = AXIS_WIDTH + N_DAYS * MIN_DAY_WIDTH;
      *natural = AXIS_WIDTH + N_DAYS * DAY_WIDTH;
    }
  else
    {
      int top = grid_top (self);

      *minimum = top + self->n_hours * HOUR_HEIGHT / 2;
      *natural = top + self->n_hours * HOUR_HEIGHT;
    }
}
static void
lin_roster_week_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LinRosterWeek *self = LIN_ROSTER_WEEK (widget);
  int header = header_height (self);
  double lane_width;
  int y;

  self->day_width = (double)(width - AXIS_WIDTH) / N_DAYS;
  lane_width = self->day_width / n_lanes (self);

  for (guint d = 0; d < N_DAYS; d++)
    lin_roster_days_place (self->headers[d], AXIS_WIDTH + d * self->day_width, 0, self->day_width, header);

  y = header + SPACING;
  for (guint line = 0; line < self->line_labels->len; line++)
    {
      int row = coverage_row_height (self, line);

      lin_roster_days_place (g_ptr_array_index (self->line_labels, line), 0, y, AXIS_WIDTH - SPACING, row);
      for (guint d = 0; d < N_DAYS; d++)
        lin_roster_days_place (g_ptr_array_index (self->cells, line * N_DAYS + d),
               AXIS_WIDTH + d * self->day_width + LANE_GAP / 2, y, self->day_width - LANE_GAP, row);
      y += row + LANE_GAP;
    }

  self->top = y + SPACING;
  self->hour_height = self->n_hours > 0 ? (double)(height - self->top) / self->n_hours : HOUR_HEIGHT;

  for (guint h = 0; h < self->hour_labels->len; h++)
    {
      GtkWidget *label = g_ptr_array_index (self->hour_labels, h);
      int natural;

      gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
      lin_roster_days_place (label, 0, self->top + h * self->hour_height, AXIS_WIDTH - SPACING, natural);
    }

  /* by real elapsed time, the same pixels an hour in every column */
  for (guint i = 0; i < self->segments->len; i++)
    {
      Segment *segment = &g_array_index (self->segments, Segment, i);
      double from = (segment->from - self->column_start[segment->day]) / 3600.0;
      double to = (segment->to - self->column_start[segment->day]) / 3600.0;

      lin_roster_days_place (GTK_WIDGET (segment->block),
             AXIS_WIDTH + segment->day * self->day_width + segment->lane * lane_width + LANE_GAP / 2,
             self->top + from * self->hour_height,
             lane_width - LANE_GAP,
             (to - from) * self->hour_height - LANE_GAP);
    }
}

static void
lin_roster_week_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  LinRosterWeek *self = LIN_ROSTER_WEEK (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA colour, line, column;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  line = column = colour;
  line.alpha *= 0.12f;
  column.alpha *= 0.04f;

  /* each column as long as its day really is */
  for (guint d = 0; d < N_DAYS; d++)
    {
      double hours = (self->column_start[d + 1] - self->column_start[d]) / 3600.0;

      gtk_snapshot_append_color (snapshot, &column,
                                 &GRAPHENE_RECT_INIT (AXIS_WIDTH + d * self->day_width + 1, self->top,
                                                      self->day_width - 2, hours * self->hour_height));
    }
  for (guint h = 0; h <= self->n_hours; h++)
    gtk_snapshot_append_color (snapshot, &line,
                               &GRAPHENE_RECT_INIT (AXIS_WIDTH, self->top + h * self->hour_height,
                                                    width - AXIS_WIDTH, 1));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
}

/* A block with the focus (Tab, a click) is the selection */
static void
lin_roster_week_set_focus_child (GtkWidget *widget,
                                 GtkWidget *child)
{
  GTK_WIDGET_CLASS (lin_roster_week_parent_class)->set_focus_child (widget, child);

  if (child != NULL && LIN_IS_ROSTER_BLOCK (child) && lin_roster_block_get_shift (LIN_ROSTER_BLOCK (child)) >= 0)
    set_selected (LIN_ROSTER_WEEK (widget), lin_roster_block_get_shift (LIN_ROSTER_BLOCK (child)));
}

static void
lin_roster_week_dispose (GObject *object)
{
  LinRosterWeek *self = (LinRosterWeek *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_ptr_array_set_size (self->blocks, 0);
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->line_labels, 0);
  g_ptr_array_set_size (self->hour_labels, 0);
  g_array_set_size (self->segments, 0);
  g_clear_pointer (&self->roster, lin_roster_unref);
  g_clear_pointer (&self->violations, g_array_unref);

  G_OBJECT_CLASS (lin_roster_week_parent_class)->dispose (object);
}

static void
lin_roster_week_finalize (GObject *object)
{
  LinRosterWeek *self = (LinRosterWeek *)object;

  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->cells);
  g_ptr_array_unref (self->line_labels);
  g_ptr_array_unref (self->hour_labels);
  g_array_unref (self->segments);
  g_free (self->selected_id);

  G_OBJECT_CLASS (lin_roster_week_parent_class)->finalize (object);
}

static void
add_move_binding (GtkWidgetClass   *widget_class,
                  guint             keyval,
                  guint             keypad,
                  GtkDirectionType  direction)
{
  gtk_widget_class_add_binding (widget_class, keyval, 0, move_cb, "i", direction);
  gtk_widget_class_add_binding (widget_class, keypad, 0, move_cb, "i", direction);
}

static void
lin_roster_week_class_init (LinRosterWeekClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_roster_week_dispose;
  object_class->finalize = lin_roster_week_finalize;

  widget_class->measure = lin_roster_week_measure;
  widget_class->size_allocate = lin_roster_week_size_allocate;
  widget_class->snapshot = lin_roster_week_snapshot;
  widget_class->set_focus_child = lin_roster_week_set_focus_child;

  /**
   * LinRosterWeek::shift-activated:
   * @shift: the shift's index in the roster
   *
   * Enter or Space on a shift, or a click on it.
   */
  signals[SHIFT_ACTIVATED] =
    g_signal_new ("shift-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * LinRosterWeek::selection-changed:
   *
   * Another shift is selected, or none (lin_roster_week_get_selected()).
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* the class's shortcut controller */
  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, GTK_DIR_LEFT);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, GTK_DIR_RIGHT);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, GTK_DIR_UP);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, GTK_DIR_DOWN);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, activate_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "rosterweek");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lin_roster_week_init (LinRosterWeek *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());

  self->segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  self->blocks = g_ptr_array_new ();
  self->cells = g_ptr_array_new ();
  self->line_labels = g_ptr_array_new ();
  self->hour_labels = g_ptr_array_new ();
  self->selected = -1;
  self->day_start = 8;
  self->hour_height = HOUR_HEIGHT;
  self->day_width = DAY_WIDTH;

  for (guint d = 0; d < N_DAYS; d++)
    {
      self->headers[d] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->headers[d], "heading");
      gtk_label_set_ellipsize (GTK_LABEL (self->headers[d]), PANGO_ELLIPSIZE_END);
      gtk_widget_set_parent (self->headers[d], GTK_WIDGET (self));
    }

  /* this week */
  g_date_set_dmy (&self->monday, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_subtract_days (&self->monday, g_date_get_weekday (&self->monday) - G_DATE_MONDAY);
  update_columns (self);
  update_hour_labels (self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
lin_roster_week_new (void)
{
  return g_object_new (LIN_TYPE_ROSTER_WEEK, NULL);
}

/**
 * lin_roster_week_set_roster:
 * @self: a #LinRosterWeek
 * @roster: (nullable): the roster to show; the view keeps a reference
 * @violations: (nullable) (element-type LinRosterViolation): its rules
 *   broken, from lin_roster_check(); the view keeps a reference
 *
 * Shows a roster. The selected shift stays selected while the new roster
 * has it (by its record id).
 */
void
lin_roster_week_set_roster (LinRosterWeek *self,
                            LinRoster     *roster,
                            GArray        *violations)
{
  int selected = -1;

  g_return_if_fail (LIN_IS_ROSTER_WEEK (self));

  if (roster != NULL)
    lin_roster_ref (roster);
  if (violations != NULL)
    g_array_ref (violations);
  g_clear_pointer (&self->roster, lin_roster_unref);
  g_clear_pointer (&self->violations, g_array_unref);
  self->roster = roster;
  self->violations = violations;

  if (roster != NULL && self->selected_id != NULL)
    selected = lin_roster_find_shift (roster, self->selected_id);
  if (selected < 0 && self->selected >= 0)
    {
      set_selected (self, -1);
    }
  else
    self->selected = selected;

  update_all (self);
}

/**
 * lin_roster_week_set_week:
 * @self: a #LinRosterWeek
 * @monday: a day of the week to show (its Monday, or any other day of it)
 */
void
lin_roster_week_set_week (LinRosterWeek *self,
                          GDate         *monday)
{
  g_return_if_fail (LIN_IS_ROSTER_WEEK (self));
  g_return_if_fail (monday != NULL && g_date_valid (monday));

  self->monday = *monday;
  g_date_subtract_days (&self->monday, g_date_get_weekday (monday) - G_DATE_MONDAY);
  update_columns (self);
  update_hour_labels (self);
  update_all (self);
}

/**
 * lin_roster_week_set_day_start:
 * @self: a #LinRosterWeek
 * @hour: when a column begins, 0 to 23 (8 unless told)
 */
void
lin_roster_week_set_day_start (LinRosterWeek *self,
                               guint          hour)
{
  g_return_if_fail (LIN_IS_ROSTER_WEEK (self));
  g_return_if_fail (hour < 24);

  if (hour == self->day_start)
    return;

  self->day_start = hour;
  update_columns (self);
  update_hour_labels (self);
  update_all (self);
}

/**
 * lin_roster_week_get_selected:
 * @self: a #LinRosterWeek
 *
 * Returns: the selected shift's index in the roster, or -1
 */
int
lin_roster_week_get_selected (LinRosterWeek *self)
{
  g_return_val_if_fail (LIN_IS_ROSTER_WEEK (self), -1);

  return self->selected;
}

/**
 * lin_roster_week_select:
 * @self: a #LinRosterWeek
 * @shift: a shift's index in the roster, or -1 for none
 *
 * Selects a shift and gives its block the focus when the week shows it.
 */
void
lin_roster_week_select (LinRosterWeek *self,
                        int            shift)
{
  int segment;

  g_return_if_fail (LIN_IS_ROSTER_WEEK (self));
  g_return_if_fail (shift >= -1);
  g_return_if_fail (shift < 0 || (self->roster != NULL && (guint)shift < lin_roster_get_n_shifts (self->roster)));

  set_selected (self, shift);
  segment = selected_segment (self);
  if (segment >= 0)
    gtk_widget_grab_focus (GTK_WIDGET (g_array_index (self->segments, Segment, segment).block));
}
