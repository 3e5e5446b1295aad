/* test-gui-roster-week.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster's week view in a real window under a virtual display, on a
 * hand-built roster: two lines (SOS and Romani) with 2×12 shifts for the
 * week of Monday 23 March 2026, whose Saturday night (28-29 March) lasts
 * 11 hours. A block a shift; that night one block of 11/12 a night's
 * height; gaps marked and said; the arrows and Enter; a day that starts
 * at 06:00 keeps 3×8 shifts whole, one that starts at 08:00 clips them.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lin-roster-test-utils.h"
#include "lin-roster-block.h"
#include "lin-roster-week.h"
#include "lin-test-utils.h"

typedef struct
{
  GtkWidget     *window;
  LinRosterWeek *week;
  LinRoster     *roster;
  LinRecord     *night;        /* Saturday 28 March, 20:00, SOS */
  LinRecord     *other_night;  /* Wednesday 25 March, 20:00, SOS */
  LinRecord     *monday;       /* Monday 23 March, 08:00, SOS */
  LinRecord     *tuesday;      /* Tuesday 24 March, 08:00, SOS */
} Fixture;

static void
add_all (GPtrArray *records,
         GPtrArray *more)
{
  for (guint i = 0; i < more->len; i++)
    g_ptr_array_add (records, g_object_ref (g_ptr_array_index (more, i)));
}

static GPtrArray *
make_shifts (LinRecord  *line,
             const char *template_code,
             guint       required)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *shifts;
  GDate monday;

  g_date_set_dmy (&monday, 23, G_DATE_MARCH, 2026);
  shifts = lin_roster_make_shifts (line, template_code, &monday, 7, required, &error);
  g_assert_no_error (error);

  return shifts;
}

/* Some shifts full, the rest gaps */
static LinRoster *
make_roster (const char  *template_code,
             Fixture     *fixture)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  LinRecord *sos = lin_roster_test_line (records, "SOS", NULL);
  LinRecord *romani = lin_roster_test_line (records, "Romani", NULL);
  LinRecord *ana = lin_roster_test_person (records, "Ana", NULL);
  LinRecord *bojana = lin_roster_test_person (records, "Bojana", NULL);
  g_autoptr(GPtrArray) sos_shifts = make_shifts (sos, template_code, 2);
  g_autoptr(GPtrArray) romani_shifts = make_shifts (romani, template_code, 1);

  add_all (records, sos_shifts);
  add_all (records, romani_shifts);
  for (guint i = 0; i < sos_shifts->len; i += 2)
    {
      g_ptr_array_add (records, lin_roster_new_assignment (g_ptr_array_index (sos_shifts, i), ana));
      g_ptr_array_add (records, lin_roster_new_assignment (g_ptr_array_index (sos_shifts, i), bojana));
    }
  for (guint i = 0; i < romani_shifts->len; i += 3)
    g_ptr_array_add (records, lin_roster_new_assignment (g_ptr_array_index (romani_shifts, i), ana));

  if (fixture != NULL)
    {
      fixture->monday = g_ptr_array_index (sos_shifts, 0);
      fixture->tuesday = g_ptr_array_index (sos_shifts, 2);
      fixture->other_night = g_ptr_array_index (sos_shifts, 5);
      fixture->night = g_ptr_array_index (sos_shifts, 11);
      g_assert_cmpstr (lin_record_get_string (fixture->night, LIN_SHIFT_FIELD_START), ==, "2026-03-28T20:00:00+01:00");
    }

  return lin_roster_new (records);
}

static int
find (LinRoster *roster,
      LinRecord *shift)
{
  int i = lin_roster_find_shift (roster, lin_record_get_id_string (shift));

  g_assert_cmpint (i, >=, 0);
  return i;
}

/* The shifts' blocks (not the coverage cells) */
static GPtrArray *
blocks (LinRosterWeek *week)
{
  GPtrArray *found = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (week)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (LIN_IS_ROSTER_BLOCK (child) && lin_roster_block_get_shift (LIN_ROSTER_BLOCK (child)) >= 0)
      g_ptr_array_add (found, child);

  return found;
}

static LinRosterBlock *
block_of (LinRosterWeek *week,
          int            shift)
{
  g_autoptr(GPtrArray) all = blocks (week);

  for (guint i = 0; i < all->len; i++)
    if (lin_roster_block_get_shift (g_ptr_array_index (all, i)) == shift)
      return g_ptr_array_index (all, i);

  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GArray) violations = NULL;
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GDate monday;

  fixture->roster = make_roster ("2x12", fixture);
  violations = lin_roster_check (fixture->roster, NULL);

  fixture->week = LIN_ROSTER_WEEK (lin_roster_week_new ());
  g_date_set_dmy (&monday, 25, G_DATE_MARCH, 2026);   /* a Wednesday: its week */
  lin_roster_week_set_week (fixture->week, &monday);
  lin_roster_week_set_roster (fixture->week, fixture->roster, violations);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 850);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (fixture->week));
  gtk_window_set_child (GTK_WINDOW (fixture->window), scroller);
  gtk_window_present (GTK_WINDOW (fixture->window));
  lin_test_spin (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_pointer (&fixture->roster, lin_roster_unref);
  lin_test_spin (50);
}

static void
test_blocks (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) all = blocks (fixture->week);
  int night = gtk_widget_get_height (GTK_WIDGET (block_of (fixture->week, find (fixture->roster, fixture->night))));
  int other = gtk_widget_get_height (GTK_WIDGET (block_of (fixture->week, find (fixture->roster, fixture->other_night))));

  /* 2×12 on two lines for seven days, a block each */
  g_assert_cmpuint (lin_roster_get_n_shifts (fixture->roster), ==, 28);
  g_assert_cmpuint (all->len, ==, 28);

  /* the DST night: one block, 11 hours of 12 */
  g_assert_cmpint (other, >, 200);
  g_assert_cmpfloat (ABS (night - other * 11.0 / 12.0), <=, 1.0);

  /* wide, a block shows its span; too narrow for it, its start hour and
   * its people */
  {
    LinRosterBlock *block = block_of (fixture->week, find (fixture->roster, fixture->other_night));

    g_assert_true (g_str_has_prefix (lin_roster_block_get_shown_text (block), "20:00–08:00\n"));
    gtk_window_set_default_size (GTK_WINDOW (fixture->window), 480, 850);
    lin_test_spin (300);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (block)), <, 60);
    g_assert_cmpstr (lin_roster_block_get_shown_text (block), ==, "20\n0/2");
  }
}

static void
test_gaps (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) all = blocks (fixture->week);
  guint gaps = 0, coverage_gaps = 0;

  for (guint i = 0; i < all->len; i++)
    {
      LinRosterBlock *block = g_ptr_array_index (all, i);
      int shift = lin_roster_block_get_shift (block);
      gboolean gap = lin_roster_shift_get_n_assigned (fixture->roster, shift) <
                     lin_roster_shift_get_required (fixture->roster, shift);

      g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (block), "gap"), ==, gap);
      g_assert_cmpint (strstr (lin_roster_block_get_label (block), "missing") != NULL, ==, gap);
      g_assert_true (strstr (lin_roster_block_get_label (block), ", SOS, ") != NULL ||
                     strstr (lin_roster_block_get_label (block), ", Romani, ") != NULL);
      gaps += gap;
    }
  g_assert_cmpuint (gaps, >, 0);

  /* the Monday shift: full, and said in full */
  g_assert_cmpstr (lin_roster_block_get_label (block_of (fixture->week, find (fixture->roster, fixture->monday))), ==,
                   "Mon 23/3, SOS, 08:00 to 20:00, 2 of 2 people");

  /* the coverage strip: a cell a line and a day, a gap said */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->week)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (LIN_IS_ROSTER_BLOCK (child) && lin_roster_block_get_shift (LIN_ROSTER_BLOCK (child)) < 0 &&
        gtk_widget_has_css_class (child, "gap"))
      {
        g_assert_nonnull (strstr (lin_roster_block_get_label (LIN_ROSTER_BLOCK (child)), "missing"));
        coverage_gaps++;
      }
  g_assert_cmpuint (coverage_gaps, >, 0);
}

static void
activated_cb (LinRosterWeek *week,
              int            shift,
              int           *activated)
{
  *activated = shift;
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  int monday = find (fixture->roster, fixture->monday);
  int tuesday = find (fixture->roster, fixture->tuesday);
  int activated = -1;

  g_signal_connect (fixture->week, "shift-activated", G_CALLBACK (activated_cb), &activated);

  lin_roster_week_select (fixture->week, monday);
  g_assert_cmpint (lin_roster_week_get_selected (fixture->week), ==, monday);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (block_of (fixture->week, monday))));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (block_of (fixture->week, monday)), "selected"));

  /* Right: the next day, the same line, the same time */
  g_assert_true (lin_test_press (fixture->window, "Right"));
  g_assert_cmpint (lin_roster_week_get_selected (fixture->week), ==, tuesday);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (block_of (fixture->week, tuesday))));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (block_of (fixture->week, monday)), "selected"));

  g_assert_true (lin_test_press (fixture->window, "Return"));
  g_assert_cmpint (activated, ==, tuesday);

  /* Down: the next shift in Tuesday's column (the Romani line's at the
   * same time), Up: back; Left: Monday's at that time */
  g_assert_true (lin_test_press (fixture->window, "Down"));
  g_assert_cmpint (lin_roster_week_get_selected (fixture->week), !=, tuesday);
  g_assert_cmpint (lin_roster_shift_get_start (fixture->roster, lin_roster_week_get_selected (fixture->week)), >=,
                   lin_roster_shift_get_start (fixture->roster, tuesday));
  g_assert_true (lin_test_press (fixture->window, "Up"));
  g_assert_cmpint (lin_roster_week_get_selected (fixture->week), ==, tuesday);
  g_assert_true (lin_test_press (fixture->window, "Left"));
  g_assert_cmpint (lin_roster_week_get_selected (fixture->week), ==, monday);

  /* the selection stays with its shift across a new roster */
  lin_roster_week_set_roster (fixture->week, fixture->roster, NULL);
  g_assert_cmpint (lin_roster_week_get_selected (fixture->week), ==, monday);
}

static guint
count_continuing (GPtrArray *all)
{
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    n += gtk_widget_has_css_class (g_ptr_array_index (all, i), "continues-after");

  return n;
}

static void
test_day_start (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LinRoster) eight = make_roster ("3x8", NULL);
  g_autoptr(GPtrArray) clipped = NULL;
  g_autoptr(GPtrArray) whole = NULL;
  guint n = lin_roster_get_n_shifts (eight);

  g_assert_cmpuint (n, ==, 42);

  /* from 08:00, the 06:00-14:00 shifts cross the columns' edges */
  lin_roster_week_set_roster (fixture->week, eight, NULL);
  lin_test_spin (100);
  clipped = blocks (fixture->week);
  g_assert_cmpuint (clipped->len, >, n);
  g_assert_cmpuint (count_continuing (clipped), >, 0);

  /* from 06:00, none does */
  lin_roster_week_set_day_start (fixture->week, 6);
  lin_test_spin (100);
  whole = blocks (fixture->week);
  g_assert_cmpuint (whole->len, ==, n);
  g_assert_cmpuint (count_continuing (whole), ==, 0);
  for (guint i = 0; i < whole->len; i++)
    g_assert_cmpint (gtk_widget_get_height (g_ptr_array_index (whole, i)), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  lin_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/gui/roster-week/blocks", Fixture, NULL, fixture_set_up, test_blocks, fixture_tear_down);
  g_test_add ("/gui/roster-week/gaps", Fixture, NULL, fixture_set_up, test_gaps, fixture_tear_down);
  g_test_add ("/gui/roster-week/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/gui/roster-week/day-start", Fixture, NULL, fixture_set_up, test_day_start, fixture_tear_down);

  return g_test_run ();
}
