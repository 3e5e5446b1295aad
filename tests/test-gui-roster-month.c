/* test-gui-roster-month.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster's month and its rota of people in a real window under a
 * virtual display, on a hand-built roster for March 2026: on Tuesday 3
 * March a full day shift and a night short of one; an overlap that
 * breaks a hard rule; the night of 28-29 March, when the clocks go
 * forward (11 hours), and that of 24-25 October, when they go back (13
 * hours); a 06:00 shift that belongs to the day before when days start
 * at 08:00. Gaps said and marked; nights counted on their evenings;
 * hours and nights at the rows' ends; the arrows and Enter; nothing of
 * a person left after set_roster (NULL).
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "lin-roster-month.h"
#include "lin-roster-month-private.h"
#include "lin-roster-rota.h"
#include "lin-roster-rota-private.h"
#include "lin-roster-test-utils.h"
#include "lin-test-utils.h"

typedef struct
{
  GtkWidget      *window;
  LinRosterMonth *month;
  LinRosterRota  *rota;
  LinRoster      *roster;
  GArray         *violations;
  int             ana, bojana, zora;
} Fixture;

static const char * const aliases[] = { "Ana", "Bojana", "Zora" };

static void
assign (GPtrArray *records,
        LinRecord *shift,
        LinRecord *person)
{
  g_ptr_array_add (records, lin_roster_new_assignment (shift, person));
}

static LinRoster *
make_roster (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  LinRecord *sos = lin_roster_test_line (records, "SOS line", NULL);
  LinRecord *romani = lin_roster_test_line (records, "Romani line", NULL);
  /* not in alias order: the rota sorts them */
  LinRecord *zora = lin_roster_test_person (records, "Zora", NULL);
  LinRecord *ana = lin_roster_test_person (records, "Ana", NULL);
  LinRecord *bojana = lin_roster_test_person (records, "Bojana", NULL);
  LinRecord *day, *night, *overlap, *early, *spring, *autumn, *tenth;

  day = lin_roster_test_shift (records, sos, "2026-03-03T08:00:00+01:00", "2026-03-03T20:00:00+01:00", 2);
  night = lin_roster_test_shift (records, sos, "2026-03-03T20:00:00+01:00", "2026-03-04T08:00:00+01:00", 2);
  overlap = lin_roster_test_shift (records, romani, "2026-03-03T10:00:00+01:00", "2026-03-03T14:00:00+01:00", 1);
  tenth = lin_roster_test_shift (records, romani, "2026-03-10T08:00:00+01:00", "2026-03-10T16:00:00+01:00", 1);
  early = lin_roster_test_shift (records, romani, "2026-03-17T06:00:00+01:00", "2026-03-17T14:00:00+01:00", 1);
  spring = lin_roster_test_shift (records, sos, "2026-03-28T20:00:00+01:00", "2026-03-29T08:00:00+02:00", 1);
  autumn = lin_roster_test_shift (records, sos, "2026-10-24T20:00:00+02:00", "2026-10-25T08:00:00+01:00", 1);

  assign (records, day, ana);
  assign (records, day, bojana);
  assign (records, night, ana);
  assign (records, overlap, bojana);
  assign (records, tenth, bojana);
  assign (records, early, ana);
  assign (records, spring, zora);
  assign (records, autumn, zora);

  return lin_roster_new (records);
}

static int
person (LinRoster  *roster,
        const char *alias)
{
  for (guint p = 0; p < lin_roster_get_n_people (roster); p++)
    if (g_strcmp0 (lin_record_get_string (lin_roster_get_person (roster, p), LIN_PERSON_FIELD_ALIAS), alias) == 0)
      return p;

  g_assert_not_reached ();
}

static guint
julian (guint day,
        guint month)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, 2026);

  return g_date_get_julian (&date);
}

static void
show_month (Fixture *fixture,
            guint    month)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 15, month, 2026);
  lin_roster_month_set_month (fixture->month, &date);
  lin_roster_rota_set_month (fixture->rota, &date);
  lin_test_spin (100);
}

static LinRosterMonthDay *
day_cell (Fixture *fixture,
          guint    day,
          guint    month)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->month)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (LIN_IS_ROSTER_MONTH_DAY (child) && gtk_widget_get_visible (child) &&
        lin_roster_month_day_get_julian (LIN_ROSTER_MONTH_DAY (child)) == julian (day, month))
      return LIN_ROSTER_MONTH_DAY (child);

  g_assert_not_reached ();
}

/* The rota's cells, in reading order: its rows' children */
static GPtrArray *
rota_cells (Fixture *fixture)
{
  GPtrArray *cells = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (fixture->rota)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL; child = gtk_widget_get_next_sibling (child))
      if (LIN_IS_ROSTER_ROTA_CELL (child) && gtk_widget_get_visible (child) &&
          lin_roster_rota_cell_get_kind (LIN_ROSTER_ROTA_CELL (child)) != LIN_ROSTER_ROTA_CELL_SAMPLE)
        g_ptr_array_add (cells, child);

  return cells;
}

static LinRosterRotaCell *
rota_cell (Fixture               *fixture,
           LinRosterRotaCellKind  kind,
           int                    who,
           guint                  day,
           guint                  month)
{
  g_autoptr(GPtrArray) cells = rota_cells (fixture);

  for (guint i = 0; i < cells->len; i++)
    {
      LinRosterRotaCell *cell = g_ptr_array_index (cells, i);

      if (lin_roster_rota_cell_get_kind (cell) == kind && lin_roster_rota_cell_get_person (cell) == who &&
          (day == 0 || lin_roster_rota_cell_get_julian (cell) == julian (day, month)))
        return cell;
    }

  g_assert_not_reached ();
}

static const char *
month_label (Fixture *fixture,
             guint    day,
             guint    month)
{
  return lin_roster_month_day_get_label (day_cell (fixture, day, month));
}

static const char *
rota_label (Fixture *fixture,
            int      who,
            guint    day,
            guint    month)
{
  return lin_roster_rota_cell_get_label (rota_cell (fixture, LIN_ROSTER_ROTA_CELL_DAY, who, day, month));
}

static GtkWidget *
scrolled (GtkWidget *child)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), child);
  gtk_widget_set_vexpand (scroller, TRUE);

  return scroller;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  fixture->roster = make_roster ();
  fixture->violations = lin_roster_check (fixture->roster, NULL);
  fixture->ana = person (fixture->roster, "Ana");
  fixture->bojana = person (fixture->roster, "Bojana");
  fixture->zora = person (fixture->roster, "Zora");

  fixture->month = LIN_ROSTER_MONTH (lin_roster_month_new ());
  fixture->rota = LIN_ROSTER_ROTA (lin_roster_rota_new ());
  lin_roster_month_set_roster (fixture->month, fixture->roster, fixture->violations);
  lin_roster_rota_set_roster (fixture->rota, fixture->roster, fixture->violations);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 880);
  gtk_box_append (GTK_BOX (box), scrolled (GTK_WIDGET (fixture->month)));
  gtk_box_append (GTK_BOX (box), scrolled (GTK_WIDGET (fixture->rota)));
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);
  gtk_window_present (GTK_WINDOW (fixture->window));
  show_month (fixture, G_DATE_MARCH);
  lin_test_spin (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_pointer (&fixture->roster, lin_roster_unref);
  g_clear_pointer (&fixture->violations, g_array_unref);
  lin_test_spin (50);
}

static void
test_gaps (Fixture       *fixture,
           gconstpointer  data)
{
  LinRosterMonthDay *third = day_cell (fixture, 3, G_DATE_MARCH);
  LinRosterRotaCell *missing = rota_cell (fixture, LIN_ROSTER_ROTA_CELL_MISSING, -1, 3, G_DATE_MARCH);

  /* the month: the day, its lines, the gap said and marked */
  g_assert_true (g_str_has_prefix (lin_roster_month_day_get_label (third), "Tue 3/3: SOS line: 2 shifts, 3 of 4 people, 1 missing"));
  g_assert_nonnull (strstr (lin_roster_month_day_get_label (third), "; Romani line: 1 shift, 1 of 1 person"));
  g_assert_nonnull (strstr (lin_roster_month_day_get_label (third), " broken"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (third), "gap"));
  g_assert_cmpstr (month_label (fixture, 10, G_DATE_MARCH), ==, "Tue 10/3: Romani line: 1 shift, 1 of 1 person");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (day_cell (fixture, 10, G_DATE_MARCH)), "gap"));
  g_assert_cmpstr (month_label (fixture, 11, G_DATE_MARCH), ==, "Wed 11/3: no shifts");
  /* the weeks around the month: 23 February to 5 April, dimmed */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (day_cell (fixture, 23, G_DATE_FEBRUARY)), "other-month"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (day_cell (fixture, 5, G_DATE_APRIL)), "other-month"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (third), "other-month"));

  /* the rota: the Missing row */
  g_assert_cmpstr (lin_roster_rota_cell_get_text (missing), ==, "1");
  g_assert_cmpstr (lin_roster_rota_cell_get_label (missing), ==, "Tue 3/3: 1 missing");
  g_assert_true (lin_roster_rota_cell_get_state (missing) & LIN_ROSTER_ROTA_CELL_GAP);
  missing = rota_cell (fixture, LIN_ROSTER_ROTA_CELL_MISSING, -1, 10, G_DATE_MARCH);
  g_assert_cmpstr (lin_roster_rota_cell_get_text (missing), ==, "");
  g_assert_false (lin_roster_rota_cell_get_state (missing) & LIN_ROSTER_ROTA_CELL_GAP);
}

static void
test_rota (Fixture       *fixture,
           gconstpointer  data)
{
  LinRosterRotaCell *ana = rota_cell (fixture, LIN_ROSTER_ROTA_CELL_DAY, fixture->ana, 3, G_DATE_MARCH);
  LinRosterRotaCell *bojana = rota_cell (fixture, LIN_ROSTER_ROTA_CELL_DAY, fixture->bojana, 3, G_DATE_MARCH);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) cells = rota_cells (fixture);
  guint n_days = 0;

  /* a row a person, by alias; a column a day */
  for (guint i = 0; i < cells->len; i++)
    {
      LinRosterRotaCell *cell = g_ptr_array_index (cells, i);

      if (lin_roster_rota_cell_get_kind (cell) == LIN_ROSTER_ROTA_CELL_NAME)
        g_ptr_array_add (names, (gpointer)lin_roster_rota_cell_get_text (cell));
      if (lin_roster_rota_cell_get_kind (cell) == LIN_ROSTER_ROTA_CELL_DAY && lin_roster_rota_cell_get_person (cell) == fixture->ana)
        n_days++;
    }
  g_assert_cmpuint (names->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "Ana");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "Bojana");
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "Zora");
  g_assert_cmpstr (g_ptr_array_index (names, 3), ==, "Missing");
  g_assert_cmpuint (n_days, ==, 31);

  /* her two shifts that day, their start hours, the lines said */
  g_assert_cmpstr (lin_roster_rota_cell_get_text (ana), ==, "08\n20");
  g_assert_true (g_str_has_prefix (lin_roster_rota_cell_get_label (ana),
                                   "Ana, Tue 3/3: SOS line 08:00–20:00; SOS line 20:00–08:00"));
  g_assert_cmpstr (rota_label (fixture, fixture->ana, 4, G_DATE_MARCH), ==, "Ana, Wed 4/3: no shift");
  g_assert_cmpstr (lin_roster_rota_cell_get_text (rota_cell (fixture, LIN_ROSTER_ROTA_CELL_DAY, fixture->ana, 4, G_DATE_MARCH)), ==, "");

  /* two shifts at once: a hard rule, outlined and said */
  g_assert_true (lin_roster_rota_cell_get_state (bojana) & LIN_ROSTER_ROTA_CELL_HARD);
  g_assert_cmpuint (strlen (lin_roster_rota_cell_get_label (bojana)), >,
                    strlen ("Bojana, Tue 3/3: SOS line 08:00–20:00; Romani line 10:00–14:00"));
  g_assert_false (lin_roster_rota_cell_get_state (rota_cell (fixture, LIN_ROSTER_ROTA_CELL_DAY, fixture->bojana, 10, G_DATE_MARCH)) &
                  (LIN_ROSTER_ROTA_CELL_HARD | LIN_ROSTER_ROTA_CELL_SOFT));
  /* her 08:00 then 20:00 on the 3rd leaves Ana no rest: a soft rule */
  g_assert_true (lin_roster_rota_cell_get_state (rota_cell (fixture, LIN_ROSTER_ROTA_CELL_DAY, fixture->ana, 3, G_DATE_MARCH)) &
                 LIN_ROSTER_ROTA_CELL_SOFT);

  /* weekends shaded: 7 and 8 March */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rota_cell (fixture, LIN_ROSTER_ROTA_CELL_DAY, fixture->ana, 7, G_DATE_MARCH)), "weekend"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (rota_cell (fixture, LIN_ROSTER_ROTA_CELL_DAY, fixture->ana, 6, G_DATE_MARCH)), "weekend"));

  /* the totals: Ana 12 + 12 + 8 hours and a night, Bojana 12 + 4 + 8 */
  g_assert_cmpstr (lin_roster_rota_cell_get_text (rota_cell (fixture, LIN_ROSTER_ROTA_CELL_TOTAL, fixture->ana, 0, 0)), ==, "32");
  g_assert_cmpstr (lin_roster_rota_cell_get_label (rota_cell (fixture, LIN_ROSTER_ROTA_CELL_TOTAL, fixture->ana, 0, 0)), ==,
                   "Ana, hours in the month: 32");
  g_assert_cmpstr (lin_roster_rota_cell_get_text (rota_cell (fixture, LIN_ROSTER_ROTA_CELL_TOTAL, fixture->bojana, 0, 0)), ==, "24");

  /* readable at 1280 px: 31 days, the names and the totals side by side */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->rota)), <=, 1280);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (ana)), >=, 26);
}

/* Hours then nights */
static void
totals (Fixture    *fixture,
        int         who,
        const char *hours,
        const char *nights)
{
  g_autoptr(GPtrArray) cells = rota_cells (fixture);
  guint found = 0;

  for (guint i = 0; i < cells->len; i++)
    {
      LinRosterRotaCell *cell = g_ptr_array_index (cells, i);

      if (lin_roster_rota_cell_get_kind (cell) == LIN_ROSTER_ROTA_CELL_TOTAL && lin_roster_rota_cell_get_person (cell) == who)
        g_assert_cmpstr (lin_roster_rota_cell_get_text (cell), ==, found++ == 0 ? hours : nights);
    }
  g_assert_cmpuint (found, ==, 2);
}

static void
test_nights (Fixture       *fixture,
             gconstpointer  data)
{
  /* the spring night: its evening's, 11 hours */
  g_assert_cmpstr (month_label (fixture, 28, G_DATE_MARCH), ==, "Sat 28/3: SOS line: 1 shift, 1 of 1 person");
  g_assert_cmpstr (month_label (fixture, 29, G_DATE_MARCH), ==, "Sun 29/3: no shifts");
  g_assert_cmpstr (rota_label (fixture, fixture->zora, 28, G_DATE_MARCH), ==, "Zora, Sat 28/3: SOS line 20:00–08:00");
  g_assert_cmpstr (rota_label (fixture, fixture->zora, 29, G_DATE_MARCH), ==, "Zora, Sun 29/3: no shift");
  totals (fixture, fixture->zora, "11", "1");
  totals (fixture, fixture->ana, "32", "1");
  totals (fixture, fixture->bojana, "24", "0");

  /* 06:00 on the 17th is still the 16th's day when days start at 08:00 */
  g_assert_cmpstr (month_label (fixture, 16, G_DATE_MARCH), ==, "Mon 16/3: Romani line: 1 shift, 1 of 1 person");
  g_assert_cmpstr (month_label (fixture, 17, G_DATE_MARCH), ==, "Tue 17/3: no shifts");
  g_assert_true (g_str_has_prefix (rota_label (fixture, fixture->ana, 16, G_DATE_MARCH), "Ana, Mon 16/3: Romani line 06:00–14:00"));
  lin_roster_month_set_day_start (fixture->month, 6);
  lin_roster_rota_set_day_start (fixture->rota, 6);
  g_assert_cmpstr (month_label (fixture, 16, G_DATE_MARCH), ==, "Mon 16/3: no shifts");
  g_assert_cmpstr (month_label (fixture, 17, G_DATE_MARCH), ==, "Tue 17/3: Romani line: 1 shift, 1 of 1 person");
  g_assert_cmpstr (rota_label (fixture, fixture->ana, 16, G_DATE_MARCH), ==, "Ana, Mon 16/3: no shift");
  lin_roster_month_set_day_start (fixture->month, 8);
  lin_roster_rota_set_day_start (fixture->rota, 8);

  /* the autumn night: its evening's, 13 hours */
  show_month (fixture, G_DATE_OCTOBER);
  g_assert_cmpstr (month_label (fixture, 24, G_DATE_OCTOBER), ==, "Sat 24/10: SOS line: 1 shift, 1 of 1 person");
  g_assert_cmpstr (month_label (fixture, 25, G_DATE_OCTOBER), ==, "Sun 25/10: no shifts");
  g_assert_cmpstr (rota_label (fixture, fixture->zora, 24, G_DATE_OCTOBER), ==, "Zora, Sat 24/10: SOS line 20:00–08:00");
  g_assert_cmpstr (rota_label (fixture, fixture->zora, 25, G_DATE_OCTOBER), ==, "Zora, Sun 25/10: no shift");
  totals (fixture, fixture->zora, "13", "1");
  totals (fixture, fixture->ana, "0", "0");
}

static void
day_activated_cb (LinRosterMonth *month,
                  guint           day,
                  guint          *activated)
{
  *activated = day;
}

static void
cell_activated_cb (LinRosterRota *rota,
                   int            who,
                   guint          day,
                   gint64        *activated)
{
  *activated = (gint64)who * 10000000 + day;
}

static guint
focus_day (Fixture *fixture)
{
  GDate day;

  g_assert_true (lin_roster_month_get_focus_day (fixture->month, &day));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (day_cell (fixture, g_date_get_day (&day), g_date_get_month (&day)))));

  return g_date_get_julian (&day);
}

static void
test_month_keyboard (Fixture       *fixture,
                     gconstpointer  data)
{
  guint activated = 0;
  GDate third;

  g_signal_connect (fixture->month, "day-activated", G_CALLBACK (day_activated_cb), &activated);
  g_date_clear (&third, 1);
  g_date_set_dmy (&third, 3, G_DATE_MARCH, 2026);
  lin_roster_month_focus_day (fixture->month, &third);
  g_assert_cmpuint (focus_day (fixture), ==, julian (3, G_DATE_MARCH));

  g_assert_true (lin_test_press (fixture->window, "Right"));
  g_assert_cmpuint (focus_day (fixture), ==, julian (4, G_DATE_MARCH));
  g_assert_true (lin_test_press (fixture->window, "Down"));
  g_assert_cmpuint (focus_day (fixture), ==, julian (11, G_DATE_MARCH));
  g_assert_true (lin_test_press (fixture->window, "Left"));
  g_assert_cmpuint (focus_day (fixture), ==, julian (10, G_DATE_MARCH));
  g_assert_true (lin_test_press (fixture->window, "Return"));
  g_assert_cmpuint (activated, ==, julian (10, G_DATE_MARCH));

  /* Up twice: into the February days shown, then the edge holds */
  g_assert_true (lin_test_press (fixture->window, "Up"));
  g_assert_true (lin_test_press (fixture->window, "Up"));
  g_assert_cmpuint (focus_day (fixture), ==, julian (24, G_DATE_FEBRUARY));
  g_assert_true (lin_test_press (fixture->window, "Up"));
  g_assert_cmpuint (focus_day (fixture), ==, julian (24, G_DATE_FEBRUARY));
  g_assert_true (lin_test_press (fixture->window, "space"));
  g_assert_cmpuint (activated, ==, julian (24, G_DATE_FEBRUARY));
}

static void
test_rota_keyboard (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 activated = -1;
  int who;
  GDate day;

  g_signal_connect (fixture->rota, "cell-activated", G_CALLBACK (cell_activated_cb), &activated);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 3, G_DATE_MARCH, 2026);
  lin_roster_rota_focus_cell (fixture->rota, fixture->ana, &day);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (rota_cell (fixture, LIN_ROSTER_ROTA_CELL_DAY, fixture->ana, 3, G_DATE_MARCH))));

  /* Right: her next day; Down: the next person's, in alias order */
  g_assert_true (lin_test_press (fixture->window, "Right"));
  g_assert_true (lin_test_press (fixture->window, "Down"));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (rota_cell (fixture, LIN_ROSTER_ROTA_CELL_DAY, fixture->bojana, 4, G_DATE_MARCH))));
  g_assert_true (lin_roster_rota_get_focus_cell (fixture->rota, &who, &day));
  g_assert_cmpint (who, ==, fixture->bojana);
  g_assert_cmpuint (g_date_get_julian (&day), ==, julian (4, G_DATE_MARCH));
  g_assert_true (lin_test_press (fixture->window, "Return"));
  g_assert_cmpint (activated, ==, (gint64)fixture->bojana * 10000000 + julian (4, G_DATE_MARCH));

  /* down to the Missing row, and no further */
  for (guint i = 0; i < 3; i++)
    g_assert_true (lin_test_press (fixture->window, "Down"));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (rota_cell (fixture, LIN_ROSTER_ROTA_CELL_MISSING, -1, 4, G_DATE_MARCH))));
  g_assert_true (lin_test_press (fixture->window, "Left"));
  g_assert_true (lin_test_press (fixture->window, "space"));
  g_assert_cmpint (activated, ==, -10000000 + (gint64)julian (3, G_DATE_MARCH));
}

static void
assert_no_alias (const char *text)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (aliases); i++)
    g_assert_null (strstr (text, aliases[i]));
}

static void
assert_forgotten (GtkWidget *widget)
{
  g_autoptr(GPtrArray) texts = lin_test_collect_texts (widget);

  for (guint i = 0; i < texts->len; i++)
    assert_no_alias (g_ptr_array_index (texts, i));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (LIN_IS_ROSTER_ROTA_CELL (child))
        {
          assert_no_alias (lin_roster_rota_cell_get_text (LIN_ROSTER_ROTA_CELL (child)));
          assert_no_alias (lin_roster_rota_cell_get_label (LIN_ROSTER_ROTA_CELL (child)));
          g_assert_cmpint (lin_roster_rota_cell_get_person (LIN_ROSTER_ROTA_CELL (child)), ==, -1);
        }
      if (LIN_IS_ROSTER_MONTH_DAY (child))
        {
          assert_no_alias (lin_roster_month_day_get_label (LIN_ROSTER_MONTH_DAY (child)));
          g_assert_nonnull (strstr (lin_roster_month_day_get_label (LIN_ROSTER_MONTH_DAY (child)), "no shifts"));
        }
      assert_forgotten (child);
    }
}

static void
test_lock (Fixture       *fixture,
           gconstpointer  data)
{
  GDate day;

  /* a person's cell had the focus */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 28, G_DATE_MARCH, 2026);
  lin_roster_rota_focus_cell (fixture->rota, fixture->zora, &day);
  g_assert_nonnull (strstr (rota_label (fixture, fixture->zora, 28, G_DATE_MARCH), "Zora"));

  lin_roster_month_set_roster (fixture->month, NULL, NULL);
  lin_roster_rota_set_roster (fixture->rota, NULL, NULL);
  lin_test_spin (100);

  assert_forgotten (GTK_WIDGET (fixture->month));
  assert_forgotten (GTK_WIDGET (fixture->rota));
  g_assert_true (lin_roster_rota_get_focus_cell (fixture->rota, &fixture->zora, &day));
  g_assert_cmpint (fixture->zora, ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  lin_test_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add ("/gui/roster-month/gaps", Fixture, NULL, fixture_set_up, test_gaps, fixture_tear_down);
  g_test_add ("/gui/roster-month/rota", Fixture, NULL, fixture_set_up, test_rota, fixture_tear_down);
  g_test_add ("/gui/roster-month/nights", Fixture, NULL, fixture_set_up, test_nights, fixture_tear_down);
  g_test_add ("/gui/roster-month/month-keyboard", Fixture, NULL, fixture_set_up, test_month_keyboard, fixture_tear_down);
  g_test_add ("/gui/roster-month/rota-keyboard", Fixture, NULL, fixture_set_up, test_rota_keyboard, fixture_tear_down);
  g_test_add ("/gui/roster-month/lock", Fixture, NULL, fixture_set_up, test_lock, fixture_tear_down);

  return g_test_run ();
}
