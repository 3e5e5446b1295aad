/* lin-test-utils.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the GUI tests and the screenshot tool.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "lin-test-utils.h"

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static char *test_home;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
    }

  g_remove (path);
}

static void
remove_test_home (void)
{
  if (test_home != NULL)
    remove_tree (test_home);
  g_clear_pointer (&test_home, g_free);
}

/**
 * lin_test_init:
 * @argc: the program's argc
 * @argv: the program's argv
 *
 * g_test_init() for GUI tests: a throw-away home, config, cache and data
 * folder for the whole program (removed at exit), so that one application
 * can live through all of a program's tests; the system's data folders are
 * kept, for the icon theme and the MIME database that loading the icons
 * needs.
 */
void
lin_test_init (int    *argc,
               char ***argv)
{
  g_autoptr(GError) error = NULL;
  static const char *subdirs[] = { "data", "config", "cache", "state" };
  static const char *variables[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };

  /* before anything asks GLib for these folders */
  test_home = g_dir_make_tmp ("linija-test-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_test_home);

  g_setenv ("HOME", test_home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *dir = g_build_filename (test_home, subdirs[i], NULL);

      g_mkdir (dir, 0700);
      g_setenv (variables[i], dir, TRUE);
    }

  if (g_getenv ("XDG_DATA_DIRS") == NULL)
    g_setenv ("XDG_DATA_DIRS", "/usr/local/share:/usr/share", TRUE);

  g_test_init (argc, argv, NULL);
}

/**
 * lin_test_spin:
 * @ms: how long
 *
 * Runs the main loop for @ms milliseconds, so that widgets get allocated,
 * mapped and painted.
 */
void
lin_test_spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * lin_test_find_descendant:
 * @widget: where to start
 * @type: the type to find
 *
 * Returns: (transfer none) (nullable): the first widget of @type in
 *   @widget's tree, depth first, @widget included
 */
GtkWidget *
lin_test_find_descendant (GtkWidget *widget,
                          GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lin_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * lin_test_find_named:
 * @widget: where to start
 * @name: a widget name (GtkWidget:name, set in the templates)
 *
 * Returns: (transfer none) (nullable): the first widget named @name in
 *   @widget's tree, depth first, @widget included
 */
GtkWidget *
lin_test_find_named (GtkWidget  *widget,
                     const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = lin_test_find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * lin_test_type:
 * @editable: a #GtkEditable (an entry, a password entry)
 * @text: what to type
 *
 * Types @text at the end of @editable one character at a time, the way
 * key presses insert it (GTK 4.8 cannot synthesise key events), so that
 * every handler of GtkEditable::changed sees each step.
 */
void
lin_test_type (GtkWidget  *editable,
               const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (editable));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = (int)g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (editable)), -1);

      gtk_editable_insert_text (GTK_EDITABLE (editable), p, g_utf8_next_char (p) - p, &position);
      g_main_context_iteration (NULL, FALSE);
    }
}

/**
 * lin_test_wait_for:
 * @condition: checked after each main loop iteration
 * @data: for @condition
 * @timeout_ms: how long to wait at most
 *
 * Runs the main loop until @condition holds.
 *
 * Returns: whether it held before the timeout
 */
gboolean
lin_test_wait_for (LinTestCondition condition,
                   gpointer         data,
                   guint            timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id;

  if (condition (data))
    return TRUE;

  id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);
  while (!timed_out && !condition (data))
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return !timed_out;
}

static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  if (GTK_IS_EDITABLE (widget))
    g_ptr_array_add (texts, g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget))));
  if (GTK_IS_WINDOW (widget) && gtk_window_get_title (GTK_WINDOW (widget)) != NULL)
    g_ptr_array_add (texts, g_strdup (gtk_window_get_title (GTK_WINDOW (widget))));
  if (gtk_widget_get_tooltip_text (widget) != NULL)
    g_ptr_array_add (texts, g_strdup (gtk_widget_get_tooltip_text (widget)));
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    g_ptr_array_add (texts, g_strdup (gtk_button_get_label (GTK_BUTTON (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/**
 * lin_test_collect_texts:
 * @widget: where to start
 *
 * Every text in @widget's tree, shown or not: labels, editable text,
 * window titles, tooltips and button labels.
 *
 * Returns: (transfer full) (element-type utf8): the texts
 */
GPtrArray *
lin_test_collect_texts (GtkWidget *widget)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  collect_texts (widget, texts);

  return texts;
}

/**
 * lin_test_any_text_contains:
 * @needle: a string
 *
 * Looks through every toplevel window of the process (and their popovers'
 * trees) for @needle.
 *
 * Returns: (transfer full) (nullable): the first text containing @needle
 */
char *
lin_test_any_text_contains (const char *needle)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      g_autoptr(GPtrArray) texts = lin_test_collect_texts (window);

      for (guint j = 0; j < texts->len; j++)
        if (strstr (g_ptr_array_index (texts, j), needle) != NULL)
          return g_strdup (g_ptr_array_index (texts, j));
    }

  return NULL;
}
