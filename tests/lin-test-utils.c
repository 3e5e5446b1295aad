/* lin-test-utils.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the GUI tests and the screenshot tool.
 */

#include "config.h"

#include "lin-test-utils.h"

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * lin_test_init:
 * @argc: the program's argc
 * @argv: the program's argv
 *
 * g_test_init() for GUI tests: a throw-away home, config and data folder,
 * but the system's data folders kept, for the icon theme and the MIME
 * database that loading the icons needs.
 */
void
lin_test_init (int    *argc,
               char ***argv)
{
  g_autofree char *data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("XDG_DATA_DIRS", data_dirs != NULL ? data_dirs : "/usr/local/share:/usr/share", TRUE);
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
