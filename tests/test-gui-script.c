/* test-gui-script.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A counsellor who chose Serbian in Latin script sees no Cyrillic anywhere:
 * not in Linija's own strings, and not in those of GTK and libadwaita (the
 * About and Preferences windows), which Linija completes where a library
 * ships no sr@latin catalogue. And the other way round for Cyrillic. The
 * screens are those of the first start (creating a profile) and, once a
 * profile is unlocked, the sections, Preferences and About.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lin-application.h"
#include "lin-i18n.h"
#include "lin-test-utils.h"
#include "lin-translit.h"
#include "lin-window.h"

static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  if (GTK_IS_WINDOW (widget) && gtk_window_get_title (GTK_WINDOW (widget)) != NULL)
    g_ptr_array_add (texts, g_strdup (gtk_window_get_title (GTK_WINDOW (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

#define PASSPHRASE "a passphrase for the script tests"

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

static void
unlock_fresh_profile (LinApplication *app)
{
  LinContext *context = lin_application_get_context (app);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  lin_context_create_profile_async (context, "Test", PASSPHRASE, NULL, created_cb, &path);
  g_assert_true (lin_test_wait_for (is_set, &path, 60000));
  g_assert_true (lin_context_unlock (context, path, PASSPHRASE, &error));
  g_assert_no_error (error);
  lin_test_spin (200);
}

/* Opens every main screen and returns the texts of their labels */
static GPtrArray *
texts_of_all_screens (const char *language)
{
  g_autoptr(GError) error = NULL;
  LinApplication *app;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *window;

  g_setenv ("LANGUAGE", language, TRUE);
  lin_i18n_init (language);

  app = lin_application_new (APP_ID ".Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  lin_test_spin (300);

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (LIN_IS_WINDOW (window));

  /* the first start, then the sections */
  g_assert_cmpstr (lin_window_get_page (LIN_WINDOW (window)), ==, "create");
  collect_texts (GTK_WIDGET (window), texts);
  unlock_fresh_profile (app);
  g_assert_cmpstr (lin_window_get_page (LIN_WINDOW (window)), ==, "sections");
  collect_texts (GTK_WIDGET (window), texts);

  collect_texts (GTK_WIDGET (lin_application_show_preferences (app)), texts);
  lin_test_spin (200);
  collect_texts (GTK_WIDGET (lin_application_show_about (app)), texts);
  lin_test_spin (200);

  g_application_quit (G_APPLICATION (app));
  g_object_unref (app);

  return texts;
}

static void
test_latin (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GPtrArray) texts = texts_of_all_screens ("sr@latin");
      gboolean found_section = FALSE;

      for (guint i = 0; i < texts->len; i++)
        {
          const char *text = g_ptr_array_index (texts, i);

          /* the language menu names Serbian Cyrillic in its own script */
          if (g_str_equal (text, "Српски (ћирилица)"))
            continue;

          if (lin_translit_has_cyrillic (text))
            g_error ("Cyrillic on a Latin screen: “%s”", text);
          found_section |= g_str_equal (text, "Pozivi");
        }

      /* the libadwaita strings of the About window, in Latin */
      g_assert_true (found_section);
      g_assert_cmpstr (g_dgettext ("libadwaita", "Credits"), ==, "Zasluge");
      /* GTK's own sr@latin catalogue lacks these; the passphrase entries
       * show them as tooltips */
      g_assert_false (lin_translit_has_cyrillic (g_dgettext ("gtk40", "Show Text")));
      g_assert_false (lin_translit_has_cyrillic (g_dgettext ("gtk40", "Hide Text")));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_cyrillic (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GPtrArray) texts = texts_of_all_screens ("sr");
      gboolean found_section = FALSE;

      for (guint i = 0; i < texts->len; i++)
        found_section |= g_str_equal (g_ptr_array_index (texts, i), "Позиви");

      g_assert_true (found_section);
      g_assert_cmpstr (g_dgettext ("libadwaita", "Credits"), ==, "Заслуге");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  lin_test_init (&argc, &argv);
  g_setenv ("LINIJA_KDF", "floor", TRUE);

  g_test_add_func ("/gui/script/sr-latin", test_latin);
  g_test_add_func ("/gui/script/sr-cyrillic", test_cyrillic);

  return g_test_run ();
}
