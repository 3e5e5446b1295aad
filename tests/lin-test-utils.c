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

#include "lin-call-log-row.h"
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

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers);

  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    return gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == gdk_keyval_to_lower (keyval) &&
           gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;

  return FALSE;
}

/* What the shortcut controllers of @widget in @phase do with the key */
static gboolean
run_shortcuts (GtkWidget           *widget,
               GtkPropagationPhase  phase,
               guint                keyval,
               GdkModifierType      modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  if (!gtk_widget_is_sensitive (widget))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }

  return FALSE;
}

/**
 * lin_test_press:
 * @window: a toplevel window
 * @accelerator: a key as gtk_accelerator_parse() reads it: "Tab",
 *   "space", "<Alt>Right", "<Control>Return"
 *
 * Does what pressing the key does in @window, as far as shortcuts and key
 * bindings go (GTK 4.8 cannot synthesise key events): the shortcut
 * controllers of the focus widget and its ancestors run in GTK's order,
 * capture from the window down, then bubble from the focus up, and the
 * first that handles the key wins. So Tab and the arrows move the focus
 * (the window's bindings), Space and Enter activate buttons, check
 * buttons and list rows (their bindings), and the application's and the
 * widgets' own shortcuts run. Typing text is lin_test_type_focused().
 *
 * Returns: whether something handled the key
 */
gboolean
lin_test_press (GtkWidget  *window,
                const char *accelerator)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  GdkModifierType modifiers = 0;
  GtkWidget *focus;
  guint keyval = 0;
  gboolean handled = FALSE;

  g_assert_true (GTK_IS_WINDOW (window));
  if (!gtk_accelerator_parse (accelerator, &keyval, &modifiers))
    g_error ("Not a key: %s", accelerator);

  focus = gtk_window_get_focus (GTK_WINDOW (window));
  for (GtkWidget *w = focus != NULL ? focus : window; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_add (chain, w);

  for (guint i = chain->len; !handled && i > 0; i--)
    handled = run_shortcuts (g_ptr_array_index (chain, i - 1), GTK_PHASE_CAPTURE, keyval, modifiers);

  for (guint i = 0; !handled && i < chain->len; i++)
    handled = run_shortcuts (g_ptr_array_index (chain, i), GTK_PHASE_TARGET, keyval, modifiers) ||
              run_shortcuts (g_ptr_array_index (chain, i), GTK_PHASE_BUBBLE, keyval, modifiers);

  /* the application's accelerators, which GTK looks up last */
  if (!handled && gtk_window_get_application (GTK_WINDOW (window)) != NULL)
    {
      g_autofree char *name = gtk_accelerator_name (keyval, modifiers);
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (gtk_window_get_application (GTK_WINDOW (window)), name);

      for (guint i = 0; !handled && actions != NULL && actions[i] != NULL; i++)
        handled = gtk_widget_activate_action (focus != NULL ? focus : window, actions[i], NULL);
    }

  /* a button activated from the keyboard is clicked a moment later */
  if (keyval == GDK_KEY_space || keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    lin_test_spin (300);
  else
    for (guint i = 0; i < 5; i++)
      g_main_context_iteration (NULL, FALSE);

  return handled;
}

/**
 * lin_test_type_focused:
 * @window: a toplevel window
 * @text: what to type
 *
 * Types @text into the widget that has the keyboard focus in @window,
 * which must take text (an entry, a spin button, a text view).
 */
void
lin_test_type_focused (GtkWidget  *window,
                       const char *text)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));

  g_assert_nonnull (focus);

  if (GTK_IS_TEXT_VIEW (focus))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gtk_text_buffer_insert_interactive_at_cursor (buffer, p, g_utf8_next_char (p) - p, TRUE);
          g_main_context_iteration (NULL, FALSE);
        }
      return;
    }

  if (!GTK_IS_EDITABLE (focus))
    g_error ("Typing into a %s, which takes no text", G_OBJECT_TYPE_NAME (focus));

  lin_test_type (focus, text);
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
  if (LIN_IS_CALL_LOG_ROW (widget))
    g_ptr_array_add (texts, g_strdup (lin_call_log_row_get_text (LIN_CALL_LOG_ROW (widget))));

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
 * window titles, tooltips, button labels and the call log's rows.
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

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
is_read (gpointer data)
{
  return *(char **)data != NULL;
}

/**
 * lin_test_clipboard_text:
 * @clipboard: a clipboard
 *
 * Returns: (transfer full): its text, read as a paste reads it ("" when it
 *   holds none)
 */
char *
lin_test_clipboard_text (GdkClipboard *clipboard)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_read_cb, &text);
  if (!lin_test_wait_for (is_read, &text, 5000))
    g_error ("The clipboard could not be read");

  return text;
}

/**
 * lin_test_find_toplevel:
 * @type: a window type
 *
 * Returns: (transfer none) (nullable): a shown toplevel window of @type,
 *   the application's or not (a message dialog is only transient for its
 *   window)
 */
GtkWindow *
lin_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
profile_created_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  char **dir = user_data;

  *dir = lin_context_create_profile_finish (LIN_CONTEXT (object), result, &error);
  g_assert_no_error (error);
}

/**
 * lin_test_create_profile:
 * @context: a context
 * @name: the profile's name
 * @passphrase: its passphrase
 *
 * Creates a profile as the create-profile page does, and waits for it.
 *
 * Returns: (transfer full): the profile's folder
 */
char *
lin_test_create_profile (LinContext *context,
                         const char *name,
                         const char *passphrase)
{
  char *dir = NULL;

  lin_context_create_profile_async (context, name, passphrase, NULL, profile_created_cb, &dir);
  if (!lin_test_wait_for (is_read, &dir, 60000))
    g_error ("The profile %s was not created", name);

  return dir;
}

/**
 * lin_test_application_window:
 * @app: an application
 * @type: the type of its main window
 *
 * Returns: (transfer none): the application's first window of @type
 */
GtkWidget *
lin_test_application_window (GtkApplication *app,
                             GType           type)
{
  for (GList *l = gtk_application_get_windows (app); l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;

  g_error ("The application has no %s", g_type_name (type));
}

/**
 * lin_test_named:
 * @root: a widget
 * @name: a widget name
 *
 * Like lin_test_find_named(), and fails the test when there is none.
 *
 * Returns: (transfer none): the widget
 */
GtkWidget *
lin_test_named (GtkWidget  *root,
                const char *name)
{
  GtkWidget *widget = lin_test_find_named (root, name);

  if (widget == NULL)
    g_error ("No widget named %s", name);

  return widget;
}

/**
 * lin_test_key:
 * @window: a toplevel window
 * @accelerator: a key, as for lin_test_press()
 *
 * Like lin_test_press(), and fails the test when nothing took the key.
 */
void
lin_test_key (GtkWidget  *window,
              const char *accelerator)
{
  if (!lin_test_press (window, accelerator))
    g_error ("Nothing took the key %s (focus on %s)", accelerator,
             G_OBJECT_TYPE_NAME (gtk_window_get_focus (GTK_WINDOW (window))));
}
