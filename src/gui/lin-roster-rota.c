/* lin-roster-rota.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster's rota: a month as a table of people and days, the way a
 * coordinator pins it on the wall. A row a person, by alias in the
 * user's language's order; a column a day of the month, the weekends
 * shaded. A cell has the start hours ("08", "20") of her shifts that day,
 * each marked in its line's colour (a legend of the lines above the
 * table), a night filled; a cell whose shift breaks a rule for her is
 * outlined as the week's blocks are (a hard rule solid, a soft one
 * dashed). At a row's end, her hours in the month in real elapsed time
 * (a 20:00-08:00 night is 11 hours on 28-29 March 2026) and her nights.
 * The last row has the people missing on each day's shifts, in the
 * error colour. A shift belongs to the day its start falls in, where a
 * day runs from the day's start, as in the week (lin-roster-days.c).
 * Cancelled shifts are left out.
 *
 * A month of 40 people is 1,240 cells: each is a light widget of its own
 * (LinRosterRotaCell, lin-roster-rota-cell.c) that draws its cached text
 * and carries a full sentence for assistive technologies. One cell at a
 * time takes the focus (Tab enters and leaves the table in one step):
 * the arrows move it, Enter or Space or a click activates the cell
 * (#LinRosterRota::cell-activated). A new roster changes only the cells
 * whose words changed; bench-roster-rota measures the frame after it.
 */

#define G_LOG_DOMAIN "lin-roster-rota"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lin-call.h"
#include "lin-hours.h"
#include "lin-roster-days.h"
#include "lin-roster-rota.h"
#include "lin-roster-rota-private.h"

#define SPACING         6

struct _LinRosterRota
{
  GtkWidget         parent_instance;

  /* Owned */
  LinRoster        *roster;
  GArray           *violations;   /* of LinRosterViolation */
  GtkWidget        *legend;
  char             *legend_key;   /* the lines' names it shows */
  LinRosterRotaRow *header;
  GPtrArray        *rows;         /* of LinRosterRotaRow, a person each, in alias order */
  LinRosterRotaRow *missing;
  GArray           *order;        /* of int: the person of each row */
  GPtrArray        *dates;        /* of char, "Tue 3/3" a day of the month */
  GDate             first;        /* the month's first day */
  guint             n_days;
  guint             day_start;
  guint             cursor_row;   /* rows->len: the Missing row */
  guint             cursor_day;   /* from 0 */
};

G_DEFINE_FINAL_TYPE (LinRosterRota, lin_roster_rota, GTK_TYPE_WIDGET)

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A person on a shift of the month */
typedef struct
{
  int   person;
  guint day;     /* from 0 */
  guint shift;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->person != y->person)
    return x->person < y->person ? -1 : 1;
  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;

  return x->shift < y->shift ? -1 : x->shift > y->shift;
}

static const char *
alias (LinRosterRota *self,
       int            person)
{
  const char *text = lin_record_get_string (lin_roster_get_person (self->roster, person), LIN_PERSON_FIELD_ALIAS);

  return text != NULL ? text : "";
}

/* Rows are the rota's children in reading order: a new one goes before
 * the Missing row */
static void
set_n_rows (LinRosterRota *self,
            guint          n)
{
  while (self->rows->len < n)
    {
      LinRosterRotaRow *row = lin_roster_rota_row_new (LIN_ROSTER_ROTA_CELL_DAY, self->n_days);

      gtk_widget_insert_before (GTK_WIDGET (row), GTK_WIDGET (self), GTK_WIDGET (self->missing));
      g_ptr_array_add (self->rows, row);
    }
  while (self->rows->len > n)
    gtk_widget_unparent (g_ptr_array_steal_index (self->rows, self->rows->len - 1));
  self->cursor_row = MIN (self->cursor_row, n);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      keys)
{
  int x = *(const int *)a, y = *(const int *)b;
  int order = strcmp (g_ptr_array_index ((GPtrArray *)keys, x), g_ptr_array_index ((GPtrArray *)keys, y));

  return order != 0 ? order : x - y;
}

/* The people by alias, as the user's language sorts them */
static void
update_order (LinRosterRota *self)
{
  guint n = self->roster != NULL ? lin_roster_get_n_people (self->roster) : 0;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  g_array_set_size (self->order, 0);
  for (guint p = 0; p < n; p++)
    {
      g_ptr_array_add (keys, g_utf8_collate_key (alias (self, p), -1));
      g_array_append_val (self->order, p);
    }
  g_array_sort_with_data (self->order, compare_keys, keys);
}

static void
update_header (LinRosterRota *self)
{
  GDate day = self->first;

  lin_roster_rota_row_set_n_days (self->header, self->n_days);
  lin_roster_rota_row_set_n_days (self->missing, self->n_days);
  for (guint r = 0; r < self->rows->len; r++)
    lin_roster_rota_row_set_n_days (g_ptr_array_index (self->rows, r), self->n_days);

  g_ptr_array_set_size (self->dates, 0);
  for (guint d = 0; d < self->n_days; d++, g_date_add_days (&day, 1))
    {
      GtkWidget *cell = GTK_WIDGET (self->header->cells[COLUMN_DAY + d]);
      guint weekday = g_date_get_weekday (&day) - G_DATE_MONDAY;
      gboolean weekend = g_date_get_weekday (&day) >= G_DATE_SATURDAY;
      g_autofree char *text = NULL;

      g_ptr_array_add (self->dates, lin_roster_days_format_day (&day));
      text = g_strdup_printf ("%u\n%s", g_date_get_day (&day), lin_hours_get_day_name (weekday));
      lin_roster_rota_cell_set (LIN_ROSTER_ROTA_CELL (cell), -1, g_date_get_julian (&day), text, NULL,
                                weekend ? LIN_ROSTER_ROTA_CELL_WEEKEND : 0,
                                g_strdup (g_ptr_array_index (self->dates, d)));
    }
}

/* The people on the month's shifts, by person, day and start; the people
 * missing each day */
static GArray *
collect_entries (LinRosterRota *self,
                 guint         *missing)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  guint n = self->roster != NULL ? lin_roster_get_n_shifts (self->roster) : 0;
  guint first = g_date_get_julian (&self->first);
  GDate before = self->first, after = self->first;
  gint64 from, to;

  /* a day either side: a day may begin the evening before */
  g_date_subtract_days (&before, 1);
  g_date_add_days (&after, self->n_days + 1);
  from = lin_roster_days_start (&before, 0);
  to = lin_roster_days_start (&after, 0);

  for (guint s = 0; s < n; s++)
    {
      gint64 start = lin_roster_shift_get_start (self->roster, s);
      guint required, assigned, day;

      if (start < from || start >= to || lin_roster_shift_is_cancelled (self->roster, s))
        continue;
      day = lin_roster_days_of_shift (self->roster, s, self->day_start);
      if (day < first || day >= first + self->n_days)
        continue;
      day -= first;

      required = lin_roster_shift_get_required (self->roster, s);
      assigned = lin_roster_shift_get_n_assigned (self->roster, s);
      missing[day] += assigned < required ? required - assigned : 0;
      for (guint a = 0; a < assigned; a++)
        {
          Entry entry = { .day = day, .shift = s };

          entry.person = lin_roster_assignment_get_person (self->roster,
                                                           lin_roster_shift_get_assignment (self->roster, s, a));
          if (entry.person >= 0)
            g_array_append_val (entries, entry);
        }
    }
  g_array_sort (entries, compare_entries);

  return entries;
}

/* The rules each person breaks on each shift: LIN_ROSTER_ROTA_CELL_HARD
 * or _SOFT, by person and shift */
static GHashTable *
person_rules (LinRosterRota *self)
{
  GHashTable *rules = g_hash_table_new (NULL, NULL);
  guint n = self->roster != NULL ? lin_roster_get_n_shifts (self->roster) : 0;

  for (guint i = 0; self->violations != NULL && i < self->violations->len; i++)
    {
      const LinRosterViolation *v = &g_array_index (self->violations, LinRosterViolation, i);
      gpointer key = GUINT_TO_POINTER (v->person * n + v->shift + 1);
      guint bits;

      if (v->person < 0 || v->shift < 0 || (guint)v->shift >= n || v->overridden)
        continue;
      bits = GPOINTER_TO_UINT (g_hash_table_lookup (rules, key));
      bits |= lin_roster_rule_is_hard (v->rule) ? LIN_ROSTER_ROTA_CELL_HARD : LIN_ROSTER_ROTA_CELL_SOFT;
      g_hash_table_insert (rules, key, GUINT_TO_POINTER (bits));
    }

  return rules;
}

/* ", she would have less rest than …" for each rule her shift breaks */
static void
append_problems (LinRosterRota *self,
                 GString       *text,
                 int            person,
                 guint          shift)
{
  for (guint i = 0; i < self->violations->len; i++)
    {
      const LinRosterViolation *v = &g_array_index (self->violations, LinRosterViolation, i);
      g_autofree char *sentence = NULL;

      if (v->person != person || v->shift != (int)shift || v->overridden)
        continue;
      sentence = lin_roster_describe (self->roster, v);
      g_string_append_printf (text, ", %s", sentence);
    }
}

/* Her shifts on a day, from entries[*k] on; moves *k past them */
static void
fill_day (LinRosterRota     *self,
          LinRosterRotaCell *cell,
          GArray            *entries,
          guint             *k,
          int                person,
          guint              day,
          GHashTable        *rules,
          gint64            *seconds,
          guint             *nights)
{
  guint8 marks[LIN_ROSTER_ROTA_MAX_LINES] = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) items = g_string_new (NULL);
  const char *date = g_ptr_array_index (self->dates, day);
  GDate first = self->first;
  guint state = 0, n = 0;
  char *spoken;

  g_date_add_days (&first, day);
  if (g_date_get_weekday (&first) >= G_DATE_SATURDAY)
    state |= LIN_ROSTER_ROTA_CELL_WEEKEND;

  for (; *k < entries->len; (*k)++, n++)
    {
      const Entry *entry = &g_array_index (entries, Entry, *k);
      guint s = entry->shift;
      int line = lin_roster_shift_get_line (self->roster, s);
      gboolean night = lin_roster_shift_is_night (self->roster, s);
      g_autofree char *span = NULL;

      if (entry->person != person || entry->day != day)
        break;

      *seconds += lin_roster_shift_get_end (self->roster, s) - lin_roster_shift_get_start (self->roster, s);
      *nights += night;
      state |= GPOINTER_TO_UINT (g_hash_table_lookup (rules, GUINT_TO_POINTER (person * lin_roster_get_n_shifts (self->roster) + s + 1)));
      if (n < LIN_ROSTER_ROTA_MAX_LINES)
        {
          marks[n] = (MAX (0, line) % LIN_ROSTER_ROTA_N_COLOURS + 1) | (night ? LIN_ROSTER_ROTA_MARK_NIGHT : 0);
          g_string_append_printf (text, "%s%02d", n > 0 ? "\n" : "", lin_roster_days_start_hour (self->roster, s));
        }

      span = lin_roster_days_format_span (self->roster, s);
      if (items->len > 0)
        g_string_append (items, "; ");
      /* Translators: a shift in the roster's rota, for screen readers:
       * the line's name and the shift's time span, "SOS line 20:00–08:00" */
      g_string_append_printf (items, C_("roster rota", "%1$s %2$s"), lin_roster_days_line_name (self->roster, line), span);
      append_problems (self, items, person, s);
    }

  if (n > 0)
    /* Translators: a person's day in the roster's rota, for screen
     * readers: her alias, the day ("Tue 3/3") and her shifts ("SOS line
     * 20:00–08:00") */
    spoken = g_strdup_printf (_("%1$s, %2$s: %3$s"), alias (self, person), date, items->str);
  else
    /* Translators: a person's day in the roster's rota, for screen
     * readers, when she has no shift: her alias and the day ("Tue 3/3") */
    spoken = g_strdup_printf (_("%1$s, %2$s: no shift"), alias (self, person), date);

  lin_roster_rota_cell_set (cell, person, g_date_get_julian (&first), text->str, marks, state, spoken);
}

static char *
format_hours (gint64 seconds)
{
  if (seconds % 3600 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, seconds / 3600);

  return g_strdup_printf ("%.1f", seconds / 3600.0);
}

/* A person's row, from entries[*k] on: her days, her hours and nights */
static void
fill_row (LinRosterRota    *self,
          LinRosterRotaRow *row,
          int               person,
          GArray           *entries,
          guint            *k,
          GHashTable       *rules)
{
  const char *name = alias (self, person);
  g_autofree char *hours = NULL;
  g_autofree char *nights_text = NULL;
  gint64 seconds = 0;
  guint nights = 0;

  /* from this person's first entry */
  while (*k < entries->len && g_array_index (entries, Entry, *k).person < person)
    (*k)++;

  lin_roster_rota_cell_set (row->cells[COLUMN_NAME], person, 0, name, NULL, 0, g_strdup (name));
  for (guint d = 0; d < self->n_days; d++)
    fill_day (self, row->cells[COLUMN_DAY + d], entries, k, person, d, rules, &seconds, &nights);

  hours = format_hours (seconds);
  nights_text = g_strdup_printf ("%u", nights);
  lin_roster_rota_cell_set (row->cells[COLUMN_HOURS], person, 0, hours, NULL, 0,
                            /* Translators: a person's hours on shifts in the
                             * month the roster's rota shows, for screen
                             * readers: her alias and the hours, "132" */
                            g_strdup_printf (_("%1$s, hours in the month: %2$s"), name, hours));
  lin_roster_rota_cell_set (row->cells[COLUMN_NIGHTS], person, 0, nights_text, NULL, 0,
                            /* Translators: a person's night shifts in the
                             * month the roster's rota shows, for screen
                             * readers: her alias and the nights */
                            g_strdup_printf (_("%1$s, nights in the month: %2$u"), name, nights));
}

static void
fill_missing (LinRosterRota *self,
              const guint   *missing)
{
  for (guint d = 0; d < self->n_days; d++)
    {
      const char *date = g_ptr_array_index (self->dates, d);
      GDate day = self->first;
      g_autofree char *text = missing[d] > 0 ? g_strdup_printf ("%u", missing[d]) : g_strdup ("");
      char *spoken;

      g_date_add_days (&day, d);
      if (missing[d] > 0)
        {
          g_autofree char *lacking = lin_roster_days_missing (missing[d]);

          /* Translators: the people a day's shifts still need, in the
           * roster's rota, for screen readers: the day ("Tue 3/3") and
           * how many ("2 missing") */
          spoken = g_strdup_printf (C_("roster rota", "%1$s: %2$s"), date, lacking);
        }
      else
        /* Translators: a day of the roster's rota whose shifts have all
         * their people, for screen readers: the day ("Tue 3/3") */
        spoken = g_strdup_printf (_("%s: no one missing"), date);

      lin_roster_rota_cell_set (self->missing->cells[COLUMN_DAY + d], -1, g_date_get_julian (&day), text, NULL,
                                (missing[d] > 0 ? LIN_ROSTER_ROTA_CELL_GAP : 0) |
                                (g_date_get_weekday (&day) >= G_DATE_SATURDAY ? LIN_ROSTER_ROTA_CELL_WEEKEND : 0),
                                spoken);
    }
}

static GtkWidget *
legend_item (GtkWidget  *legend,
             const char *sample,
             guint8      mark,
             guint       state,
             const char *name)
{
  guint8 marks[LIN_ROSTER_ROTA_MAX_LINES] = { mark };
  LinRosterRotaCell *cell = lin_roster_rota_cell_new (LIN_ROSTER_ROTA_CELL_SAMPLE);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (name);

  lin_roster_rota_cell_set (cell, -1, 0, sample, marks, state, NULL);
  gtk_widget_set_valign (GTK_WIDGET (cell), GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (cell));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (legend), box);

  return box;
}

/* The lines' names with their markers, a night's, and the outlines of the
 * rules broken; made again only when the lines change */
static void
update_legend (LinRosterRota *self)
{
  guint n = self->roster != NULL ? lin_roster_get_n_lines (self->roster) : 0;
  g_autoptr(GString) key = g_string_new (NULL);
  GtkWidget *child;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (key, "%s\n", lin_roster_days_line_name (self->roster, i));
  if (g_strcmp0 (key->str, self->legend_key) == 0)
    return;
  g_free (self->legend_key);
  self->legend_key = g_strdup (key->str);

  while ((child = gtk_widget_get_first_child (self->legend)) != NULL)
    gtk_box_remove (GTK_BOX (self->legend), child);
  gtk_widget_set_visible (self->legend, n > 0);
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    legend_item (self->legend, "08", i % LIN_ROSTER_ROTA_N_COLOURS + 1, 0, lin_roster_days_line_name (self->roster, i));
  /* Translators: in the legend of the roster's rota, beside a filled
   * marker */
  legend_item (self->legend, "20", LIN_ROSTER_ROTA_N_COLOURS | LIN_ROSTER_ROTA_MARK_NIGHT, 0, _("Night shift"));
  /* Translators: in the legend of the roster's rota, beside a cell with a
   * solid outline: a hard rule broken */
  legend_item (self->legend, "08", 0, LIN_ROSTER_ROTA_CELL_HARD, _("Breaks a rule that needs a confirmation"));
  /* Translators: in the legend of the roster's rota, beside a cell with a
   * dashed outline: a soft rule broken */
  legend_item (self->legend, "08", 0, LIN_ROSTER_ROTA_CELL_SOFT, _("Breaks a rule that needs a reason"));
}

static void
update_all (LinRosterRota *self)
{
  guint missing[MAX_DAYS] = { 0 };
  g_autoptr(GArray) entries = collect_entries (self, missing);
  g_autoptr(GHashTable) rules = person_rules (self);

  update_order (self);
  set_n_rows (self, self->order->len);
  update_header (self);
  update_legend (self);

  for (guint r = 0; r < self->rows->len; r++)
    {
      int person = g_array_index (self->order, int, r);
      guint k = 0;

      fill_row (self, g_ptr_array_index (self->rows, r), person, entries, &k, rules);
    }
  fill_missing (self, missing);
  /* the cells whose words changed, and new rows, ask for a new layout
   * themselves: the others stay as they are */
}

static LinRosterRotaCell *
cursor_cell (LinRosterRota *self)
{
  LinRosterRotaRow *row = self->cursor_row < self->rows->len ? g_ptr_array_index (self->rows, self->cursor_row) : self->missing;

  return row->cells[COLUMN_DAY + MIN (self->cursor_day, self->n_days - 1)];
}

static void
emit_activated (LinRosterRota *self)
{
  LinRosterRotaCell *cell = cursor_cell (self);

  g_signal_emit (self, signals[CELL_ACTIVATED], 0, lin_roster_rota_cell_get_person (cell),
                 lin_roster_rota_cell_get_julian (cell));
}

static gboolean
move_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  LinRosterRota *self = LIN_ROSTER_ROTA (widget);
  GtkDirectionType direction = g_variant_get_int32 (args);

  /* at an edge the key stays here: the focus does not jump elsewhere */
  if (direction == GTK_DIR_LEFT && self->cursor_day > 0)
    self->cursor_day--;
  else if (direction == GTK_DIR_RIGHT && self->cursor_day + 1 < self->n_days)
    self->cursor_day++;
  else if (direction == GTK_DIR_UP && self->cursor_row > 0)
    self->cursor_row--;
  else if (direction == GTK_DIR_DOWN && self->cursor_row < self->rows->len)
    self->cursor_row++;
  gtk_widget_grab_focus (GTK_WIDGET (cursor_cell (self)));

  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  emit_activated (LIN_ROSTER_ROTA (widget));

  return TRUE;
}

/* Where a cell is, as the cursor counts */
static gboolean
find_cell (LinRosterRota *self,
           GtkWidget     *cell,
           guint         *row,
           guint         *day)
{
  for (guint r = 0; r <= self->rows->len; r++)
    {
      LinRosterRotaRow *here = r < self->rows->len ? g_ptr_array_index (self->rows, r) : self->missing;

      for (guint d = 0; d < self->n_days; d++)
        if (GTK_WIDGET (here->cells[COLUMN_DAY + d]) == cell)
          {
            *row = r;
            *day = d;
            return TRUE;
          }
    }

  return FALSE;
}

/**
 * lin_roster_rota_cell_focused:
 * @self: a #LinRosterRota
 * @cell: a cell of its that took the focus (a click, a screen reader)
 *
 * Makes it the focus cell.
 */
void
lin_roster_rota_cell_focused (LinRosterRota *self,
                              GtkWidget     *cell)
{
  find_cell (self, cell, &self->cursor_row, &self->cursor_day);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            LinRosterRota   *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  if (picked == NULL || !find_cell (self, picked, &self->cursor_row, &self->cursor_day))
    return;

  gtk_widget_grab_focus (picked);
  emit_activated (self);
}

static int
legend_height (LinRosterRota *self,
               int            width)
{
  int natural = 0;

  if (gtk_widget_get_visible (self->legend))
    gtk_widget_measure (self->legend, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL, NULL);

  return natural > 0 ? natural + SPACING : 0;
}

static int
row_height (LinRosterRotaRow *row)
{
  int height;

  gtk_widget_measure (GTK_WIDGET (row), GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);

  return height;
}

static void
lin_roster_rota_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  LinRosterRota *self = LIN_ROSTER_ROTA (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (GTK_WIDGET (self->header), orientation, -1, minimum, natural, NULL, NULL);
    }
  else
    {
      int height = legend_height (self, for_size) + row_height (self->header) + row_height (self->missing);

      for (guint r = 0; r < self->rows->len; r++)
        height += row_height (g_ptr_array_index (self->rows, r));
      *minimum = *natural = height;
    }
}

static void
lin_roster_rota_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LinRosterRota *self = LIN_ROSTER_ROTA (widget);
  int y = legend_height (self, width);
  int row;

  if (y > 0)
    lin_roster_days_place (self->legend, 0, 0, width, y - SPACING);

  row = row_height (self->header);
  lin_roster_days_place (GTK_WIDGET (self->header), 0, y, width, row);
  y += row;
  for (guint r = 0; r < self->rows->len; r++)
    {
      row = row_height (g_ptr_array_index (self->rows, r));
      lin_roster_days_place (g_ptr_array_index (self->rows, r), 0, y, width, row);
      y += row;
    }
  lin_roster_days_place (GTK_WIDGET (self->missing), 0, y, width, row_height (self->missing));
}

/* Tab enters the table at the focus cell and leaves it in one step */
static gboolean
lin_roster_rota_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  if (gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;

  return gtk_widget_grab_focus (GTK_WIDGET (cursor_cell (LIN_ROSTER_ROTA (widget))));
}

static gboolean
lin_roster_rota_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (cursor_cell (LIN_ROSTER_ROTA (widget))));
}

static void
lin_roster_rota_dispose (GObject *object)
{
  LinRosterRota *self = (LinRosterRota *)object;
  GtkWidget *child;

  g_ptr_array_set_size (self->rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->header = self->missing = NULL;
  self->legend = NULL;
  g_clear_pointer (&self->roster, lin_roster_unref);
  g_clear_pointer (&self->violations, g_array_unref);

  G_OBJECT_CLASS (lin_roster_rota_parent_class)->dispose (object);
}

static void
lin_roster_rota_finalize (GObject *object)
{
  LinRosterRota *self = (LinRosterRota *)object;

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->dates);
  g_array_unref (self->order);
  g_free (self->legend_key);

  G_OBJECT_CLASS (lin_roster_rota_parent_class)->finalize (object);
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
lin_roster_rota_class_init (LinRosterRotaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_roster_rota_dispose;
  object_class->finalize = lin_roster_rota_finalize;

  widget_class->measure = lin_roster_rota_measure;
  widget_class->size_allocate = lin_roster_rota_size_allocate;
  widget_class->focus = lin_roster_rota_focus;
  widget_class->grab_focus = lin_roster_rota_grab_focus;

  /**
   * LinRosterRota::cell-activated:
   * @person: the person's index in the roster, or -1 for the Missing row
   * @julian: the day, as g_date_get_julian() counts it
   *
   * Enter or Space on a cell, or a click on it.
   */
  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_UINT);

  /* the class's shortcut controller */
  add_move_binding (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, GTK_DIR_LEFT);
  add_move_binding (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, GTK_DIR_RIGHT);
  add_move_binding (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, GTK_DIR_UP);
  add_move_binding (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, GTK_DIR_DOWN);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, activate_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "rosterrota");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lin_roster_rota_init (LinRosterRota *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());

  self->rows = g_ptr_array_new ();
  self->dates = g_ptr_array_new_with_free_func (g_free);
  self->order = g_array_new (FALSE, FALSE, sizeof (int));
  self->day_start = 8;

  /* this month */
  g_date_clear (&self->first, 1);
  g_date_set_dmy (&self->first, 1, g_date_time_get_month (now), g_date_time_get_year (now));
  self->n_days = g_date_get_days_in_month (g_date_get_month (&self->first), g_date_get_year (&self->first));

  self->legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_parent (self->legend, GTK_WIDGET (self));
  self->header = lin_roster_rota_row_new (LIN_ROSTER_ROTA_CELL_HEADER, self->n_days);
  self->missing = lin_roster_rota_row_new (LIN_ROSTER_ROTA_CELL_MISSING, self->n_days);
  gtk_widget_set_parent (GTK_WIDGET (self->header), GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->missing), GTK_WIDGET (self));

  /* Translators: the heading of the roster rota's column of each person's
   * hours on shifts in the month */
  lin_roster_rota_cell_set (self->header->cells[COLUMN_HOURS], -1, 0, C_("roster rota", "Hours"), NULL, 0,
                            g_strdup (C_("roster rota", "Hours")));
  /* Translators: the heading of the roster rota's column of each person's
   * night shifts in the month */
  lin_roster_rota_cell_set (self->header->cells[COLUMN_NIGHTS], -1, 0, C_("roster rota", "Nights"), NULL, 0,
                            g_strdup (C_("roster rota", "Nights")));
  lin_roster_rota_cell_set_xalign (self->header->cells[COLUMN_HOURS], 1);
  lin_roster_rota_cell_set_xalign (self->header->cells[COLUMN_NIGHTS], 1);
  /* Translators: the roster rota's last row: the people missing on each
   * day's shifts */
  lin_roster_rota_cell_set (self->missing->cells[COLUMN_NAME], -1, 0, C_("roster rota", "Missing"), NULL, 0,
                            g_strdup (C_("roster rota", "Missing")));
  gtk_widget_add_css_class (GTK_WIDGET (self->missing->cells[COLUMN_NAME]), "missing");
  update_all (self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
lin_roster_rota_new (void)
{
  return g_object_new (LIN_TYPE_ROSTER_ROTA, NULL);
}

/**
 * lin_roster_rota_set_roster:
 * @self: a #LinRosterRota
 * @roster: (nullable): the roster to show, or %NULL to forget everything
 *   (the profile is locked): the people's rows go
 * @violations: (nullable) (element-type LinRosterViolation): its rules
 *   broken, from lin_roster_check(); the rota keeps a reference
 */
void
lin_roster_rota_set_roster (LinRosterRota *self,
                            LinRoster     *roster,
                            GArray        *violations)
{
  g_return_if_fail (LIN_IS_ROSTER_ROTA (self));

  lin_roster_days_replace (&self->roster, &self->violations, roster, violations);

  update_all (self);
}

/**
 * lin_roster_rota_set_month:
 * @self: a #LinRosterRota
 * @day: a day of the month to show
 */
void
lin_roster_rota_set_month (LinRosterRota *self,
                           GDate         *day)
{
  g_return_if_fail (LIN_IS_ROSTER_ROTA (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  self->first = *day;
  g_date_set_day (&self->first, 1);
  self->n_days = g_date_get_days_in_month (g_date_get_month (&self->first), g_date_get_year (&self->first));
  self->cursor_day = MIN (self->cursor_day, self->n_days - 1);
  update_all (self);
}

/**
 * lin_roster_rota_set_day_start:
 * @self: a #LinRosterRota
 * @hour: when a day begins, 0 to 23 (8 unless told)
 */
void
lin_roster_rota_set_day_start (LinRosterRota *self,
                               guint          hour)
{
  g_return_if_fail (LIN_IS_ROSTER_ROTA (self));
  g_return_if_fail (hour < 24);

  if (hour == self->day_start)
    return;

  self->day_start = hour;
  update_all (self);
}

/**
 * lin_roster_rota_get_focus_cell:
 * @self: a #LinRosterRota
 * @person: (out) (optional): the focus cell's person, her index in the
 *   roster, or -1 for the Missing row
 * @day: (out caller-allocates) (optional): the focus cell's day
 *
 * The focus cell has the keyboard focus whenever the rota has it.
 *
 * Returns: %TRUE: the rota always has a focus cell
 */
gboolean
lin_roster_rota_get_focus_cell (LinRosterRota *self,
                                int           *person,
                                GDate         *day)
{
  LinRosterRotaCell *cell;

  g_return_val_if_fail (LIN_IS_ROSTER_ROTA (self), FALSE);

  cell = cursor_cell (self);
  if (person != NULL)
    *person = lin_roster_rota_cell_get_person (cell);
  if (day != NULL)
    {
      g_date_clear (day, 1);
      g_date_set_julian (day, lin_roster_rota_cell_get_julian (cell));
    }

  return TRUE;
}

/**
 * lin_roster_rota_focus_cell:
 * @self: a #LinRosterRota
 * @person: a person's index in the roster, or -1 for the Missing row
 * @day: a day; the rota shows its month first when it shows another
 *
 * Gives the cell the keyboard focus.
 */
void
lin_roster_rota_focus_cell (LinRosterRota *self,
                            int            person,
                            GDate         *day)
{
  g_return_if_fail (LIN_IS_ROSTER_ROTA (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  if (g_date_get_month (day) != g_date_get_month (&self->first) ||
      g_date_get_year (day) != g_date_get_year (&self->first))
    lin_roster_rota_set_month (self, day);

  self->cursor_day = g_date_get_day (day) - 1;
  self->cursor_row = self->rows->len;
  for (guint r = 0; r < self->order->len; r++)
    if (g_array_index (self->order, int, r) == person)
      self->cursor_row = r;
  gtk_widget_grab_focus (GTK_WIDGET (cursor_cell (self)));
}
