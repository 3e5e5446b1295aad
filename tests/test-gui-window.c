/* test-gui-window.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real application and its real widgets under a virtual display: the
 * four sections, switching between them from the keyboard, the narrow
 * layout at 360 px, Preferences storing the language, and the About
 * window. A fresh profile is created and unlocked first (with the floor
 * Argon2id parameters), since a locked window shows no sections.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lin-application.h"
#include "lin-i18n.h"
#include "lin-test-utils.h"
#include "lin-window.h"

#define PASSPHRASE "a passphrase for the window tests"

static LinApplication *app;

static LinWindow *
main_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (LIN_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* GTK 4.8 cannot synthesise key presses: activate the action the Alt+N
 * shortcuts are bound to, and check the bindings separately. */
static gboolean
show_section (GtkWidget  *widget,
              const char *name)
{
  return gtk_widget_activate_action (widget, "win.show-section", "s", name);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  char **path = user_data;

  *path = lin_context_create_profile_finish (LIN_CONTEXT (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(char **)data != NULL;
}

/* The first start shows the create-profile page; make a profile through
 * the context and unlock it, as that page does */
static void
unlock_fresh_profile (void)
{
  LinContext *context = lin_application_get_context (app);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (lin_window_get_page (main_window ()), ==, "create");

  lin_context_create_profile_async (context, "Test", PASSPHRASE, NULL, created_cb, &path);
  g_assert_true (lin_test_wait_for (is_set, &path, 60000));
  g_assert_true (lin_context_unlock (context, path, PASSPHRASE, &error));
  g_assert_no_error (error);
  lin_test_spin (200);

  g_assert_cmpstr (lin_window_get_page (main_window ()), ==, "sections");
}

static void
test_sections (void)
{
  LinWindow *window = main_window ();
  AdwViewStack *stack;
  static const char *names[] = { "calls", "directory", "roster", "reports" };
  static const char *titles[] = { "Calls", "Directory", "Roster", "Reports" };

  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));

  stack = ADW_VIEW_STACK (lin_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_nonnull (stack);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, names[i]);
      AdwViewStackPage *page;

      g_assert_nonnull (child);
      page = adw_view_stack_get_page (stack, child);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, titles[i]);

      /* each section's empty state says what will be there (the call
       * log's is its own, shown while the profile has no calls) */
      child = lin_test_find_descendant (child, ADW_TYPE_STATUS_PAGE);
      g_assert_true (ADW_IS_STATUS_PAGE (child));
      g_assert_true (gtk_widget_get_mapped (child) || !g_str_equal (names[i], "calls"));
      g_assert_cmpuint (strlen (adw_status_page_get_description (ADW_STATUS_PAGE (child))), >, 20);
    }

  g_assert_cmpstr (lin_window_get_section (window), ==, "calls");

  /* the header bar offers the lock; the title is the application's name */
  g_assert_true (gtk_widget_get_visible (lin_test_find_named (GTK_WIDGET (window), "lock-button")));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Linija");
}

static void
test_keyboard_switching (void)
{
  LinWindow *window = main_window ();

  g_assert_true (show_section (GTK_WIDGET (window), "roster"));
  g_assert_cmpstr (lin_window_get_section (window), ==, "roster");
  g_assert_true (show_section (GTK_WIDGET (window), "directory"));
  g_assert_cmpstr (lin_window_get_section (window), ==, "directory");
  g_assert_true (show_section (GTK_WIDGET (window), "reports"));
  g_assert_cmpstr (lin_window_get_section (window), ==, "reports");
  g_assert_true (show_section (GTK_WIDGET (window), "calls"));
  g_assert_cmpstr (lin_window_get_section (window), ==, "calls");

  /* and Alt+1…Alt+4 are bound to that action */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
          continue;

        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !found; j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

            found = g_str_equal (trigger, "<Alt>3");
          }
      }

    g_assert_true (found);
  }
}

static void
test_narrow (void)
{
  LinWindow *window = main_window ();
  AdwViewSwitcherBar *bar;
  AdwViewSwitcherTitle *title;

  /* the sections' bar, not the Roster section's own */
  bar = ADW_VIEW_SWITCHER_BAR (lin_test_named (GTK_WIDGET (window), "sections-switcher-bar"));
  title = ADW_VIEW_SWITCHER_TITLE (lin_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  g_assert_nonnull (bar);
  g_assert_nonnull (title);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  lin_test_spin (400);
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));
  g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (title));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  lin_test_spin (400);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  g_assert_true (adw_view_switcher_bar_get_reveal (bar));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  lin_test_spin (400);
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));
}

static void
test_preferences_language (void)
{
  LinContext *context = lin_application_get_context (app);
  GtkWindow *prefs;
  AdwComboRow *row;
  g_autofree char *stored = NULL;
  const LinLanguage *languages;
  guint n;

  languages = lin_i18n_get_languages (&n);
  g_assert_cmpuint (n, ==, 5);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  lin_test_spin (300);

  prefs = NULL;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (ADW_IS_PREFERENCES_WINDOW (l->data))
      prefs = l->data;
  g_assert_nonnull (prefs);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (prefs)));

  row = ADW_COMBO_ROW (lin_test_find_descendant (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (row);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 5);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  /* choosing Romani stores it for the next start */
  for (guint i = 0; i < n; i++)
    if (g_str_equal (languages[i].code, "rom"))
      adw_combo_row_set_selected (row, i);

  stored = lin_context_dup_language (context);
  g_assert_cmpstr (stored, ==, "rom");
  g_clear_pointer (&stored, g_free);

  /* and offers to restart, since this process still speaks English */
  lin_test_spin (300);
  g_assert_nonnull (lin_test_find_descendant (GTK_WIDGET (prefs), g_type_from_name ("AdwToastWidget")));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "restart"));
  {
    g_autofree char *raw = g_settings_get_string (lin_context_get_settings (context), "language");
    g_assert_cmpstr (raw, ==, "rom");
  }

  /* and back to the system's */
  adw_combo_row_set_selected (row, 0);
  stored = lin_context_dup_language (context);
  g_assert_cmpstr (stored, ==, "");

  /* back to the language in force: nothing to restart for */
  lin_test_spin (800);
  g_assert_null (lin_test_find_descendant (GTK_WIDGET (prefs), g_type_from_name ("AdwToastWidget")));

  gtk_window_destroy (prefs);
  lin_test_spin (100);
}

static void
test_about (void)
{
  GtkWindow *about = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  lin_test_spin (300);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      about = l->data;

  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);

  gtk_window_destroy (about);
  lin_test_spin (100);
}

/* The shortcuts that show a key combination, asserting that none shows none */
static guint
count_shortcuts_with_keys (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accel = NULL;

      g_object_get (widget, "accelerator", &accel, NULL);
      g_assert_nonnull (accel);
      g_assert_cmpstr (accel, !=, "");
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_shortcuts_with_keys (child);

  return n;
}

static void
test_shortcuts_window (void)
{
  LinWindow *window = main_window ();
  GtkWindow *shortcuts;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
  lin_test_spin (300);
  shortcuts = lin_window_show_shortcuts (window);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (shortcuts));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  /* every entry shows its keys, Lock and Quick Hide among them */
  g_assert_cmpuint (count_shortcuts_with_keys (GTK_WIDGET (shortcuts)), >=, 9);

  /* closing hides it; it is built once */
  gtk_window_close (shortcuts);
  lin_test_spin (100);
  g_assert_true (lin_window_show_shortcuts (window) == shortcuts);
  gtk_window_close (shortcuts);
  lin_test_spin (100);
}

static void
test_accels (void)
{
  g_auto(GStrv) quit = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_auto(GStrv) prefs = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_auto(GStrv) help = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-shortcuts");
  g_auto(GStrv) lock = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.lock");
  g_auto(GStrv) hide = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quick-hide");
  g_auto(GStrv) new_call = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.new-call");

  g_assert_true (g_strv_contains ((const char * const *)quit, "<Control>q"));
  g_assert_true (g_strv_contains ((const char * const *)prefs, "<Control>comma"));
  g_assert_true (g_strv_contains ((const char * const *)help, "<Control>question"));
  g_assert_true (g_strv_contains ((const char * const *)lock, "<Control>l"));
  g_assert_true (g_strv_contains ((const char * const *)hide, "<Shift>Escape"));
  g_assert_true (g_strv_contains ((const char * const *)new_call, "<Control>n"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  lin_test_init (&argc, &argv);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("LINIJA_KDF", "floor", TRUE);
  lin_i18n_init ("en");

  app = lin_application_new (APP_ID ".Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  lin_test_spin (500);
  unlock_fresh_profile ();

  g_test_add_func ("/gui/window/sections", test_sections);
  g_test_add_func ("/gui/window/keyboard", test_keyboard_switching);
  g_test_add_func ("/gui/window/narrow", test_narrow);
  g_test_add_func ("/gui/window/accels", test_accels);
  g_test_add_func ("/gui/window/shortcuts", test_shortcuts_window);
  g_test_add_func ("/gui/preferences/language", test_preferences_language);
  g_test_add_func ("/gui/about", test_about);

  ret = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return ret;
}
