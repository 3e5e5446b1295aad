/* test-gui-roster-print.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster's print operation, exported to PDF and read back with
 * poppler's pdfinfo and pdftotext, a reader independent of cairo: the
 * month of 40 (and 60) people on one landscape page, A4 and Letter, 28
 * and 31 days, every alias, day and line in it, the month's name in
 * Serbian; a person's 100 shifts over several portrait pages, numbered,
 * the header on each, every shift's date. The print dialog's preview
 * draws into memory and writes no file.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lin-call.h"
#include "lin-hours.h"
#include "lin-i18n.h"
#include "lin-roster-print.h"
#include "lin-roster-print-private.h"
#include "lin-roster-test-utils.h"
#include "lin-test-utils.h"

static const char * const aliases[] = {
  "Ana", "Bojana", "Cveta", "Čarna", "Ćana", "Dragana", "Džemila", "Đurđa", "Emina", "Fatima",
  "Gordana", "Hana", "Ivana", "Jelena", "Katarina", "Ljiljana", "Marija", "Nataša", "Njegoslava", "Olivera",
  "Petra", "Radmila", "Sanja", "Šejla", "Tamara", "Una", "Vesna", "Zorica", "Žaklina", "Aleksandra",
  "Branka", "Danijela", "Elvira", "Goranka", "Irena", "Jasmina", "Kristina", "Lidija", "Milica", "Nevena",
  "Ognjenka", "Persa", "Ruža", "Senada", "Tijana", "Valentina", "Zlata", "Živka", "Adrijana", "Bisera",
  "Dunja", "Erna", "Gorica", "Ilda", "Jagoda", "Kosara", "Leposava", "Mirjana", "Nada", "Sofija",
};

static const char * const line_names[] = { "SOS", "Romani", "Viber" };

static char *tmp_dir;

/* 3 lines, @n_people people, the month of @first with 2×12 and 3×8
 * shifts, each shift's people in turn; every seventh Viber shift left
 * empty, for the Missing row */
static LinRoster *
make_month (guint  n_people,
            GDate *first)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  guint n_days = g_date_get_days_in_month (g_date_get_month (first), g_date_get_year (first));
  guint next = 0;

  g_assert_cmpuint (g_date_get_day (first), ==, 1);

  g_assert_cmpuint (n_people, <=, G_N_ELEMENTS (aliases));
  for (guint i = 0; i < n_people; i++)
    g_ptr_array_add (people, lin_roster_test_person (records, aliases[i], NULL));

  for (guint l = 0; l < G_N_ELEMENTS (line_names); l++)
    {
      g_autoptr(GError) error = NULL;
      LinRecord *line = lin_roster_test_line (records, line_names[l], NULL);
      g_autoptr(GPtrArray) shifts = lin_roster_make_shifts (line, l == 0 ? "2x12" : "3x8", first, n_days,
                                                           l == 0 ? 2 : 1, &error);

      g_assert_no_error (error);
      lin_roster_test_add_all (records, shifts);
      for (guint s = 0; s < shifts->len; s++)
        {
          if (l == 2 && s % 7 == 3)
            continue;
          for (guint k = 0; k < (l == 0 ? 2u : 1u); k++)
            g_ptr_array_add (records, lin_roster_new_assignment (g_ptr_array_index (shifts, s),
                                                                 g_ptr_array_index (people, next++ % n_people)));
        }
    }

  return lin_roster_new (records);
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return g_steal_pointer (&out);
}

static guint
pdf_pages (const char *path,
           double     *width,
           double     *height)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "\nPages:");
  const char *size = strstr (info, "\nPage size:");

  g_assert_nonnull (pages);
  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (size, "\nPage size: %lf x %lf", width, height), ==, 2);

  return (guint)g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

/* The text of @page, or of every page when 0 */
static char *
pdf_text (const char *path,
          int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *one[] = { "pdftotext", "-layout", "-f", number, "-l", number, path, "-", NULL };
  const char *all[] = { "pdftotext", "-layout", path, "-", NULL };

  return run_tool (page > 0 ? one : all);
}

/* @word in @text, not as a piece of a longer word */
static gboolean
has_word (const char *text,
          const char *word)
{
  for (const char *at = strstr (text, word); at != NULL; at = strstr (at + 1, word))
    {
      const char *end = at + strlen (word);
      gboolean start_ok = at == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (at)));
      gboolean end_ok = *end == '\0' || !g_unichar_isalnum (g_utf8_get_char (end));

      if (start_ok && end_ok)
        return TRUE;
    }

  return FALSE;
}

/* A line of @text with the three words */
static gboolean
has_line (const char *text,
          const char *a,
          const char *b,
          const char *c)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (has_word (lines[i], a) && has_word (lines[i], b) && has_word (lines[i], c))
      return TRUE;

  return FALSE;
}

/* A line whose numbers are 1 to @n_days in order: the header row */
static gboolean
has_day_numbers (const char *text,
                 guint       n_days)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (lines[i], " \t", -1);
      guint expected = 1;
      gboolean ok = TRUE;

      for (guint w = 0; words[w] != NULL && ok; w++)
        {
          guint64 number;

          if (*words[w] == '\0' || !g_ascii_string_to_unsigned (words[w], 10, 1, 99, &number, NULL))
            continue;
          ok = number == expected++;
        }
      if (ok && expected == n_days + 1)
        return TRUE;
    }

  return FALSE;
}

static void
remove_file (const char *path)
{
  g_assert_cmpint (g_remove (path), ==, 0);
}

/* Prints @operation to a PDF in the temporary folder, and a copy in
 * $LINIJA_PRINT_TEST_OUT when set, to look at; returns its path */
static char *
export (GtkPrintOperation *operation,
        const char        *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);
  GtkPrintOperationResult result;
  const char *keep = g_getenv ("LINIJA_PRINT_TEST_OUT");

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  if (keep != NULL)
    {
      g_autofree char *contents = NULL;
      g_autofree char *copy = g_build_filename (keep, name, NULL);
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
    }

  return path;
}

/* One landscape page holding every alias, day and line */
static void
check_month (guint        n_people,
             GDateMonth   month_number,
             GtkPaperSize *paper)
{
  GDate month;
  g_autoptr(LinRoster) roster = NULL;
  g_autoptr(GArray) violations = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  double width, height;
  guint n_days;

  g_date_set_dmy (&month, 14, month_number, 2026);
  n_days = g_date_get_days_in_month (month_number, 2026);
  g_date_set_day (&month, 1);
  roster = make_month (n_people, &month);
  g_date_set_day (&month, 14);
  violations = lin_roster_check (roster, NULL);
  operation = lin_roster_print_month_new (roster, violations, &month, 8);
  if (paper != NULL)
    {
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();

      gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
      gtk_print_operation_set_default_page_setup (operation, setup);
    }
  name = g_strdup_printf ("month-%u-%d%s.pdf", n_people, month_number, paper != NULL ? "-letter" : "");
  path = export (operation, name);

  g_assert_cmpuint (pdf_pages (path, &width, &height), ==, 1);
  g_assert_cmpfloat (width, >, height);
  if (paper != NULL)
    g_assert_cmpfloat_with_epsilon (width, gtk_paper_size_get_height (paper, GTK_UNIT_POINTS), 1);
  else
    g_assert_cmpfloat_with_epsilon (width, 841.9, 1);

  text = pdf_text (path, 0);
  for (guint i = 0; i < n_people; i++)
    if (!has_word (text, aliases[i]))
      g_error ("%s is missing from the page:\n%s", aliases[i], text);
  g_assert_true (has_day_numbers (text, n_days));
  g_assert_false (has_day_numbers (text, n_days + 1));
  for (guint l = 0; l < G_N_ELEMENTS (line_names); l++)
    g_assert_true (has_word (text, line_names[l]));
  g_assert_true (has_word (text, "Missing"));
  g_assert_true (has_word (text, "Nights"));
  g_assert_true (has_word (text, "March") == (month_number == G_DATE_MARCH));

  remove_file (path);
}

static void
test_month (void)
{
  check_month (40, G_DATE_MARCH, NULL);
}

static void
test_month_60 (void)
{
  check_month (60, G_DATE_MARCH, NULL);
}

static void
test_month_february (void)
{
  check_month (40, G_DATE_FEBRUARY, NULL);
}

static void
test_month_letter (void)
{
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);

  check_month (60, G_DATE_MARCH, letter);
  check_month (40, G_DATE_JANUARY, letter);
}

/* Whether the Serbian catalogue has the months yet (it is filled from
 * the translators' table after the code lands): asks gettext itself, as
 * GLib's answer in this English process would stay English */
static gboolean
serbian_has_months (void)
{
  const char *english = "month name\004March";
  gboolean has;

  lin_i18n_init ("sr");
  has = g_strcmp0 (dgettext (GETTEXT_PACKAGE, english), english) != 0;
  lin_i18n_init ("en");

  return has;
}

/* The month's name in the user's language, not GLib's English. GLib
 * decides once a process whether to translate at all, so Serbian runs in
 * a process of its own, Serbian from its start. */
static void
test_month_serbian (void)
{
  GDate month;
  g_autoptr(LinRoster) roster = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!g_test_subprocess ())
    {
      if (!serbian_has_months ())
        {
          g_test_skip ("sr.po has no month names yet");
          return;
        }
      g_setenv ("LIN_TEST_LANGUAGE", "sr", TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_unsetenv ("LIN_TEST_LANGUAGE");
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_cmpstr (lin_hours_get_month_name (G_DATE_MARCH), ==, "март");

  g_date_set_dmy (&month, 1, G_DATE_MARCH, 2026);
  roster = make_month (40, &month);
  operation = lin_roster_print_month_new (roster, NULL, &month, 8);
  path = export (operation, "month-sr.pdf");
  text = pdf_text (path, 0);

  g_assert_true (has_word (text, "март"));
  g_assert_false (has_word (text, "March"));
  g_assert_true (has_word (text, "пон"));
  for (guint i = 0; i < 40; i++)
    g_assert_true (has_word (text, aliases[i]));
  remove_file (path);
}

/* 100 shifts of Ana's from 1 March, 12 hours each, every one but the
 * first breaking the rest rule. On one line: 50 days. On two at once
 * (@twice): 25 days, each shift also on two shifts at once and on days
 * she would rather not work, so that more rules are broken and the rows
 * are taller. */
static LinRoster *
make_person (gboolean twice)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  LinRecord *ana = lin_roster_test_person (records, "Ana", NULL);
  GDate first;

  lin_roster_test_person (records, "Bojana", NULL);
  if (twice)
    {
      static const char * const every_day[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL };

      lin_roster_test_set_strings (lin_record_get_fields (ana), LIN_PERSON_FIELD_UNDESIRED_DAYS, every_day);
    }
  g_date_set_dmy (&first, 1, G_DATE_MARCH, 2026);
  for (guint l = 0; l < (twice ? 2u : 1u); l++)
    {
      g_autoptr(GError) error = NULL;
      LinRecord *line = lin_roster_test_line (records, line_names[l], NULL);
      g_autoptr(GPtrArray) shifts = lin_roster_make_shifts (line, "2x12", &first, twice ? 25 : 50, 1, &error);

      g_assert_no_error (error);
      lin_roster_test_add_all (records, shifts);
      for (guint s = 0; s < shifts->len; s++)
        g_ptr_array_add (records, lin_roster_new_assignment (g_ptr_array_index (shifts, s), ana));
    }

  return lin_roster_new (records);
}

/* Her pages, numbered, with the header on each and the totals on the
 * last, and every shift's date; returns the number of pages */
static guint
check_person (LinRoster  *roster,
              const char *name,
              const char *hours)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  gint64 from = lin_roster_shift_get_start (roster, 0);
  gint64 to = lin_roster_shift_get_end (roster, lin_roster_get_n_shifts (roster) - 1);
  double width, height;
  guint n_pages;

  g_assert_cmpuint (lin_roster_get_n_shifts (roster), ==, 100);
  g_assert_cmpstr (lin_record_get_string (lin_roster_get_person (roster, 0), LIN_PERSON_FIELD_ALIAS), ==, "Ana");
  operation = lin_roster_print_person_new (roster, 0, from, to);
  path = export (operation, name);

  n_pages = pdf_pages (path, &width, &height);
  g_assert_cmpuint (n_pages, >, 1);
  g_assert_cmpfloat (width, <, height);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (path, page);
      g_autofree char *number = g_strdup_printf ("%u/%u", page, n_pages);

      g_assert_true (has_word (text, number));
      g_assert_true (has_word (text, "Shifts of Ana"));
      g_assert_nonnull (strstr (text, "Rules Broken"));
      g_assert_true (has_word (text, "Total") == (page == n_pages));
    }

  all = pdf_text (path, 0);
  for (guint s = 0; s < lin_roster_get_n_shifts (roster); s++)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (lin_roster_shift_get_start (roster, s));
      g_autoptr(GDateTime) start = g_date_time_to_timezone (utc, lin_call_get_time_zone ());
      g_autofree char *date = g_date_time_format (start, "%-d/%-m");

      g_assert_true (has_word (all, date));
    }
  g_assert_true (has_word (all, "100 shifts"));
  g_assert_true (has_word (all, "50 nights"));
  g_assert_true (has_word (all, hours));

  remove_file (path);

  return n_pages;
}

static void
test_person (void)
{
  g_autoptr(LinRoster) once = make_person (FALSE);
  g_autoptr(LinRoster) twice = make_person (TRUE);
  g_autofree char *text = NULL;
  guint short_rows, tall_rows;

  /* the night into the last Sunday of March lasts 11 hours; 99 more
   * nights and days of 12 */
  short_rows = check_person (once, "person.pdf", "1199");
  tall_rows = check_person (twice, "person-tall.pdf", "1200");
  g_assert_cmpuint (tall_rows, >, short_rows);
}

/* The night of the clocks' change in March, as long as it really is */
static void
test_person_clock_change (void)
{
  g_autoptr(LinRoster) roster = make_person (FALSE);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;

  operation = lin_roster_print_person_new (roster, 0, lin_roster_shift_get_start (roster, 50),
                                           lin_roster_shift_get_start (roster, 70));
  path = export (operation, "person-march.pdf");
  all = pdf_text (path, 0);

  g_assert_true (has_line (all, "28/3", "20:00–08:00", "11"));
  g_assert_true (has_line (all, "29/3", "20:00–08:00", "12"));
  g_assert_true (has_word (all, "Shifts of Ana, 26/3/2026 – 5/4/2026"));
  g_assert_true (has_word (all, "20 shifts"));
  g_assert_true (has_word (all, "239"));
  remove_file (path);
}

static GtkWindow *
find_preview (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), "Print Preview") == 0 &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static guint n_pictures;

static guint
count_pictures (GtkWidget *widget)
{
  guint n = GTK_IS_PICTURE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_pictures (child);

  return n;
}

typedef struct
{
  GtkPrintOperation *operation;
  guint              tries;
} Preview;

static void
save_first_page (GtkWidget *window)
{
  const char *keep = g_getenv ("LINIJA_PRINT_TEST_OUT");
  GtkWidget *picture = lin_test_find_descendant (window, GTK_TYPE_PICTURE);
  g_autofree char *path = NULL;

  if (keep == NULL || picture == NULL)
    return;
  path = g_build_filename (keep, "preview.png", NULL);
  gdk_texture_save_to_png (GDK_TEXTURE (gtk_picture_get_paintable (GTK_PICTURE (picture))), path);
}

/* While the print operation runs its preview: look, then end it as a
 * lock would */
static gboolean
close_preview_cb (gpointer data)
{
  Preview *preview = data;
  GtkWindow *window = find_preview ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;

  if (window == NULL || count_pictures (GTK_WIDGET (window)) == 0)
    {
      if (++preview->tries > 100)
        g_error ("no preview window");
      return G_SOURCE_CONTINUE;
    }

  n_pictures = count_pictures (GTK_WIDGET (window));
  save_first_page (GTK_WIDGET (window));
  dir = g_dir_open (tmp_dir, 0, &error);
  g_assert_no_error (error);
  g_assert_null (g_dir_read_name (dir));

  lin_roster_print_cancel (preview->operation);

  return G_SOURCE_REMOVE;
}

/* The pages in a window, drawn in memory: no file anywhere */
static void
test_preview (void)
{
  g_autoptr(LinRoster) roster = make_person (FALSE);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  Preview preview = { 0 };

  /* 60 shifts: two pages */
  operation = lin_roster_print_person_new (roster, 0, lin_roster_shift_get_start (roster, 0),
                                           lin_roster_shift_get_start (roster, 60));
  preview.operation = operation;
  g_setenv ("TMPDIR", tmp_dir, TRUE);
  g_timeout_add (50, close_preview_cb, &preview);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PREVIEW, NULL, &error);
  g_assert_no_error (error);
  g_unsetenv ("TMPDIR");

  g_assert_cmpuint (n_pictures, ==, 2);
  g_assert_null (find_preview ());
}

/* A letter per line, the names' first ones when they differ */
static void
test_markers (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LinRoster) distinct = NULL;
  g_autoptr(LinRoster) same = NULL;
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) second = NULL;

  lin_roster_test_line (records, "SOS", NULL);
  lin_roster_test_line (records, "romski", NULL);
  distinct = lin_roster_new (records);
  first = lin_roster_print_line_markers (distinct);
  g_assert_cmpstr (first[0], ==, "S");
  g_assert_cmpstr (first[1], ==, "R");
  g_assert_null (first[2]);

  lin_roster_test_line (records, "Savetovalište", NULL);
  same = lin_roster_new (records);
  second = lin_roster_print_line_markers (same);
  g_assert_cmpstr (second[0], ==, "A");
  g_assert_cmpstr (second[2], ==, "C");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  lin_test_init (&argc, &argv);
  lin_i18n_init (g_getenv ("LIN_TEST_LANGUAGE") != NULL ? g_getenv ("LIN_TEST_LANGUAGE") : "en");
  gtk_init ();
  adw_init ();

  tmp_dir = g_dir_make_tmp ("linija-print-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/roster-print/month", test_month);
  g_test_add_func ("/gui/roster-print/month-60", test_month_60);
  g_test_add_func ("/gui/roster-print/month-february", test_month_february);
  g_test_add_func ("/gui/roster-print/month-letter", test_month_letter);
  g_test_add_func ("/gui/roster-print/month-serbian", test_month_serbian);
  g_test_add_func ("/gui/roster-print/person", test_person);
  g_test_add_func ("/gui/roster-print/person-clock-change", test_person_clock_change);
  g_test_add_func ("/gui/roster-print/preview", test_preview);
  g_test_add_func ("/gui/roster-print/markers", test_markers);

  ret = g_test_run ();

  g_assert_cmpint (g_rmdir (tmp_dir), ==, 0);
  g_free (tmp_dir);

  return ret;
}
