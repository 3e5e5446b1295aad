/* test-gui-vault.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The vault through the real application and its real widgets under a
 * virtual display, in the order a counsellor meets it: the first start
 * creates a profile (typed into the real entries), a record is saved, the
 * profile is locked (Ctrl+L's action), a wrong passphrase is refused
 * without touching the disk and repeated ones make her wait, the right
 * one opens it again; quick hide, the idle timer, the screensaver and the
 * clipboard; changing the passphrase in Preferences (and locking during
 * the change); a second profile on the same laptop (and locking while one
 * is made); the narrow window; and `--demo`.
 *
 * The tests run in this order on one application and build on each other.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lin-application.h"
#include "lin-change-passphrase-page.h"
#include "lin-i18n.h"
#include "lin-preferences-window.h"
#include "lin-strength-hint.h"
#include "lin-test-utils.h"
#include "lin-unlock-page.h"
#include "lin-window.h"

/* what the record holds; no widget may show it once locked */
#define MARKER "Marker-Jelena-7391-Nis"
#define PASSPHRASE "purple tram, seven lanterns"
#define NEW_PASSPHRASE "quiet kettle by the window, 4 am"
#define SECOND_PASSPHRASE "another counsellor's own words"

static LinApplication *app;
static char *profile_dir;
static const char *passphrase = PASSPHRASE;

/* Helpers */

static LinWindow *
main_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (LIN_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static LinContext *
context (void)
{
  return lin_application_get_context (app);
}

static GtkWidget *
named (const char *name)
{
  GtkWidget *widget = lin_test_find_named (GTK_WIDGET (main_window ()), name);

  if (widget == NULL)
    g_error ("No widget named %s", name);

  return widget;
}

/* What a click on a button does once the pointer is released (GTK 4.8
 * cannot synthesise pointer events); only sensitive buttons take clicks */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static LinUnlockPage *
unlock_page (void)
{
  return LIN_UNLOCK_PAGE (lin_test_find_descendant (GTK_WIDGET (main_window ()), LIN_TYPE_UNLOCK_PAGE));
}

static void
set_text (GtkWidget  *entry,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  lin_test_type (entry, text);
}

static gboolean
is_unlocked (gpointer data)
{
  return !lin_context_get_locked (context ());
}

static gboolean
is_locked (gpointer data)
{
  return lin_context_get_locked (context ());
}

static gboolean
unlock_page_idle (gpointer data)
{
  return !lin_unlock_page_get_busy (unlock_page ());
}

static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (main_window ()));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Types into the unlock page and presses Enter; returns once Argon2id
 * has answered */
static void
try_passphrase (const char *text)
{
  GtkWidget *entry = named ("unlock-entry");

  g_assert_cmpstr (lin_window_get_page (main_window ()), ==, "unlock");
  set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (lin_unlock_page_get_busy (unlock_page ()));
  g_assert_true (gtk_widget_get_visible (named ("unlock-progress")));
  g_assert_true (lin_test_wait_for (unlock_page_idle, NULL, 30000));
}

static void
unlock_with (const char *text)
{
  try_passphrase (text);
  g_assert_true (lin_test_wait_for (is_unlocked, NULL, 1000));
  lin_test_spin (100);
  g_assert_cmpstr (lin_window_get_page (main_window ()), ==, "sections");
}

static GtkWindow *
find_window (GType type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;

  return NULL;
}

/* The texts a person sees in the main window now: mapped labels only */
static void
collect_mapped_labels (GtkWidget *widget,
                       GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, (gpointer)gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mapped_labels (child, texts);
}

static void
assert_nothing_of_the_profile_shows (void)
{
  static const char *sections[] = { "Calls", "Directory", "Roster", "Reports", "No Calls Yet" };
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autofree char *found = lin_test_any_text_contains (MARKER);

  /* in no window, not even in hidden widgets */
  if (found != NULL)
    g_error ("The record's text is still in a widget after locking: “%s”", found);

  /* only the neutral prompt: no section names, and the window's title is
   * the application's name */
  collect_mapped_labels (GTK_WIDGET (main_window ()), shown);
  for (guint i = 0; i < shown->len; i++)
    for (guint j = 0; j < G_N_ELEMENTS (sections); j++)
      if (g_str_equal (g_ptr_array_index (shown, i), sections[j]))
        g_error ("A locked window shows “%s”", sections[j]);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (main_window ())), ==, "Linija");
  g_assert_false (gtk_widget_get_visible (named ("lock-button")));
}

static GHashTable *
read_profile_files (const char *dir)
{
  GHashTable *files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      char *contents = NULL;
      gsize len = 0;

      g_file_get_contents (path, &contents, &len, &error);
      g_assert_no_error (error);
      g_hash_table_insert (files, g_strdup (name), g_bytes_new_take (contents, len));
    }

  return files;
}

static void
assert_same_files (GHashTable *before,
                   GHashTable *after)
{
  GHashTableIter iter;
  gpointer name, bytes;

  g_assert_cmpuint (g_hash_table_size (before), ==, g_hash_table_size (after));
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &bytes))
    {
      GBytes *other = g_hash_table_lookup (after, name);

      g_assert_nonnull (other);
      if (!g_bytes_equal (bytes, other))
        g_error ("%s changed on disk", (const char *)name);
    }
}

static gboolean
has_record_with_marker (void)
{
  LinStore *store = lin_context_get_store (context ());
  g_autoptr(GPtrArray) notes = NULL;

  g_assert_nonnull (store);
  notes = lin_store_list (store, "note");
  for (guint i = 0; i < notes->len; i++)
    if (g_strcmp0 (lin_record_get_string (g_ptr_array_index (notes, i), "text"), MARKER) == 0)
      return TRUE;

  return FALSE;
}

/* Tests */

static void
test_first_run (void)
{
  LinWindow *window = main_window ();
  GtkWidget *name = named ("profile-name-entry");
  GtkWidget *first = named ("passphrase-entry");
  GtkWidget *second = named ("confirm-entry");
  GtkWidget *button = named ("create-button");
  LinStrengthHint *hint = LIN_STRENGTH_HINT (named ("strength-hint"));
  LinPassphraseStrength seen[5] = { 0 };
  guint n_seen = 0;
  g_autofree char *last = NULL;

  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (lin_window_get_page (window), ==, "create");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Linija");

  /* the name first; passphrases hidden, with an eye to peek */
  g_assert_true (focus_is_in (name));
  g_assert_true (GTK_IS_PASSWORD_ENTRY (first) && GTK_IS_PASSWORD_ENTRY (second));
  g_assert_true (gtk_password_entry_get_show_peek_icon (GTK_PASSWORD_ENTRY (first)));
  g_assert_true (gtk_password_entry_get_show_peek_icon (GTK_PASSWORD_ENTRY (second)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named ("forgotten-warning"))), "forgotten passphrase"));
  g_assert_false (gtk_widget_get_sensitive (button));

  /* nine characters are refused */
  lin_test_type (name, "Ana");
  lin_test_type (first, "123456789");
  lin_test_type (second, "123456789");
  g_assert_cmpint (lin_strength_hint_get_strength (hint), ==, LIN_PASSPHRASE_TOO_SHORT);
  g_assert_nonnull (strstr (lin_strength_hint_get_text (hint), "Too short"));
  g_assert_false (gtk_widget_get_sensitive (button));

  /* ten are enough */
  lin_test_type (first, "0");
  lin_test_type (second, "0");
  g_assert_cmpint (lin_strength_hint_get_strength (hint), ==, LIN_PASSPHRASE_WEAK);
  g_assert_true (gtk_widget_get_sensitive (button));

  /* the hint follows her typing, from too short to strong */
  gtk_editable_set_text (GTK_EDITABLE (first), "");
  for (const char *p = PASSPHRASE; *p != '\0'; p++)
    {
      char c[2] = { *p, '\0' };
      LinPassphraseStrength strength;

      lin_test_type (first, c);
      strength = lin_strength_hint_get_strength (hint);
      if (n_seen == 0 || seen[n_seen - 1] != strength)
        seen[n_seen++] = strength;
    }
  g_assert_cmpuint (n_seen, >=, 3);
  g_assert_cmpint (seen[0], ==, LIN_PASSPHRASE_TOO_SHORT);
  g_assert_cmpint (seen[n_seen - 1], ==, LIN_PASSPHRASE_STRONG);
  g_assert_cmpstr (lin_strength_hint_get_text (hint), ==, "Strong");

  /* two different passphrases are refused, and said to differ */
  set_text (second, PASSPHRASE "!");
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_get_visible (named ("mismatch-label")));

  /* so is a profile without a name */
  set_text (second, PASSPHRASE);
  g_assert_false (gtk_widget_get_visible (named ("mismatch-label")));
  gtk_editable_set_text (GTK_EDITABLE (name), "  ");
  g_assert_false (gtk_widget_get_sensitive (button));
  set_text (name, "Ana");
  g_assert_true (gtk_widget_get_sensitive (button));

  /* Create Profile: a spinner while Argon2id is calibrated, then the
   * sections */
  click (button);
  g_assert_true (gtk_widget_get_visible (named ("progress-box")));
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (lin_test_wait_for (is_unlocked, NULL, 60000));
  lin_test_spin (200);

  g_assert_cmpstr (lin_window_get_page (window), ==, "sections");
  g_assert_cmpstr (lin_window_get_section (window), ==, "calls");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Linija");
  g_assert_true (gtk_widget_get_visible (named ("lock-button")));
  g_assert_true (lin_application_get_locked (app) == FALSE);

  /* the form forgets the passphrase */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (first)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (second)), ==, "");

  /* remembered for the next start */
  profile_dir = g_strdup (lin_context_get_profile_dir (context ()));
  g_assert_nonnull (profile_dir);
  last = g_settings_get_string (lin_context_get_settings (context ()), "last-profile");
  g_assert_cmpstr (last, ==, profile_dir);
}

static void
test_lock (void)
{
  LinWindow *window = main_window ();
  g_autoptr(LinRecord) record = lin_record_new ("note");
  g_autoptr(LinStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.lock");
  GtkWindow *shortcuts;

  store = g_object_ref (lin_context_get_store (context ()));
  lin_record_set_string (record, "text", MARKER);
  g_assert_true (lin_store_save (store, record, &error));
  g_assert_no_error (error);
  g_assert_true (has_record_with_marker ());

  /* windows that a lock closes */
  lin_application_show_preferences (app);
  lin_application_show_about (app);
  shortcuts = lin_window_show_shortcuts (window);
  lin_test_spin (300);
  g_assert_nonnull (find_window (LIN_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (find_window (ADW_TYPE_ABOUT_WINDOW));

  /* Ctrl+L is the lock action's key, and the action locks at once */
  g_assert_true (g_strv_contains ((const char * const *)accels, "<Control>l"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "lock"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "lock", NULL);

  g_assert_true (lin_context_get_locked (context ()));
  g_assert_true (lin_application_get_locked (app));
  g_assert_null (lin_context_get_store (context ()));
  g_assert_false (lin_store_is_open (store));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "lock"));

  lin_test_spin (200);
  g_assert_cmpstr (lin_window_get_page (window), ==, "unlock");
  g_assert_null (find_window (LIN_TYPE_PREFERENCES_WINDOW));
  g_assert_null (find_window (ADW_TYPE_ABOUT_WINDOW));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));

  /* one profile: no choice of profile, and not its name either */
  g_assert_false (gtk_widget_get_visible (named ("profile-box")));
  assert_nothing_of_the_profile_shows ();

  /* the passphrase entry has the focus: she can type at once */
  g_assert_true (focus_is_in (named ("unlock-entry")));
}

static void
test_wrong_passphrase (void)
{
  g_autoptr(GHashTable) before = read_profile_files (profile_dir);
  g_autoptr(GHashTable) after = NULL;
  GtkWidget *entry = named ("unlock-entry");
  GtkWidget *button = named ("unlock-button");
  GtkLabel *message = GTK_LABEL (named ("unlock-message"));

  g_assert_true (g_hash_table_contains (before, "vault.hdr"));
  g_assert_true (g_hash_table_contains (before, "store.db"));

  /* Enter with an empty entry does nothing */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_false (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (lin_unlock_page_get_busy (unlock_page ()));

  /* first wrong one: said plainly, entry emptied and focused again */
  try_passphrase ("purple tram, six lanterns");
  g_assert_true (lin_context_get_locked (context ()));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_cmpstr (gtk_label_get_text (message), ==, "Wrong passphrase. Try again.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (focus_is_in (entry));
  g_assert_cmpuint (lin_unlock_page_get_failures (unlock_page ()), ==, 1);
  lin_test_type (entry, "x");
  g_assert_true (gtk_widget_get_sensitive (button));

  /* second: no wait yet */
  try_passphrase ("Purple tram, seven lanterns");
  g_assert_cmpuint (lin_unlock_page_get_failures (unlock_page ()), ==, 2);
  g_assert_cmpuint (lin_unlock_page_get_wait (unlock_page ()), ==, 0);
  lin_test_type (entry, "x");
  g_assert_true (gtk_widget_get_sensitive (button));

  /* third: two seconds before the next try, the button counts them */
  try_passphrase ("purple tram seven lanterns");
  g_assert_cmpuint (lin_unlock_page_get_failures (unlock_page ()), ==, 3);
  g_assert_cmpuint (lin_unlock_page_get_wait (unlock_page ()), ==, 2);
  lin_test_type (entry, "x");
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (button)), "2"));
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (lin_unlock_page_get_busy (unlock_page ()));

  /* nothing changed on disk */
  after = read_profile_files (profile_dir);
  assert_same_files (before, after);

  /* and after the wait, the button is back */
  lin_test_spin (2300);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Unlock");

  /* the wait doubles with each further wrong one (up to a minute) */
  try_passphrase ("lanterns, seven, tram, purple");
  g_assert_cmpuint (lin_unlock_page_get_failures (unlock_page ()), ==, 4);
  g_assert_cmpuint (lin_unlock_page_get_wait (unlock_page ()), ==, 4);
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (button)), "4"));
  lin_test_type (entry, "x");
  lin_test_spin (2500);
  g_assert_false (gtk_widget_get_sensitive (button));
  lin_test_spin (2000);
  g_assert_true (gtk_widget_get_sensitive (button));

  g_clear_pointer (&after, g_hash_table_unref);
  after = read_profile_files (profile_dir);
  assert_same_files (before, after);
  assert_nothing_of_the_profile_shows ();
}

static void
test_unlock (void)
{
  LinWindow *window = main_window ();

  unlock_with (passphrase);

  g_assert_cmpuint (lin_unlock_page_get_failures (unlock_page ()), ==, 0);
  g_assert_false (gtk_widget_get_visible (named ("unlock-message")));
  g_assert_true (gtk_widget_get_visible (named ("lock-button")));
  g_assert_true (has_record_with_marker ());

  /* a locked window starts again at the first section */
  g_assert_cmpstr (lin_window_get_section (window), ==, "calls");
}

static gboolean
has_capture_shortcut (GtkWidget  *widget,
                      const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) != GTK_PHASE_CAPTURE)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger))
            return TRUE;
        }
    }

  return FALSE;
}

static void
test_quick_hide (void)
{
  LinWindow *window = main_window ();
  GSettings *settings = lin_context_get_settings (context ());
  GdkToplevelState state;

  /* Shift+Escape by default, caught by the window before any widget in
   * it (the capture phase): it works while typing in an entry too */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quick-hide");
    g_assert_cmpstr (accels[0], ==, "<Shift>Escape");
  }
  g_assert_true (has_capture_shortcut (GTK_WIDGET (window), "<Shift>Escape"));
  g_assert_true (has_capture_shortcut (GTK_WIDGET (window), "<Control>l"));

  lin_application_show_preferences (app);
  lin_test_spin (200);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quick-hide", NULL);

  /* locked at once, Preferences gone */
  g_assert_true (lin_context_get_locked (context ()));
  g_assert_null (find_window (LIN_TYPE_PREFERENCES_WINDOW));
  lin_test_spin (300);
  g_assert_cmpstr (lin_window_get_page (window), ==, "unlock");
  assert_nothing_of_the_profile_shows ();

  /* minimised when there is a window manager to do it (Xvfb has none) */
  state = gdk_toplevel_get_state (GDK_TOPLEVEL (gtk_native_get_surface (GTK_NATIVE (window))));
  g_test_message ("minimised: %s", (state & GDK_TOPLEVEL_STATE_MINIMIZED) ? "yes" : "no (no window manager)");

  /* from the unlock page too: what was typed goes */
  lin_test_type (named ("unlock-entry"), "half a pass");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quick-hide", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named ("unlock-entry"))), ==, "");

  /* the key is a setting, changed in Preferences */
  g_settings_set_string (settings, "quick-hide-shortcut", "F12");
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quick-hide");
    g_assert_cmpstr (accels[0], ==, "F12");
  }
  g_assert_true (has_capture_shortcut (GTK_WIDGET (window), "F12"));

  /* nonsense falls back to Shift+Escape */
  g_settings_set_string (settings, "quick-hide-shortcut", "not a key");
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quick-hide");
    g_assert_cmpstr (accels[0], ==, "<Shift>Escape");
  }
  g_settings_reset (settings, "quick-hide-shortcut");

  gtk_window_present (GTK_WINDOW (window));
  unlock_with (passphrase);
}

static GtkEventController *
find_controller (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      GtkEventController *controller = g_list_model_get_item (controllers, i);

      /* the widget keeps its controllers */
      g_object_unref (controller);
      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;
    }

  return NULL;
}

static void
test_auto_lock (void)
{
  GSettings *settings = lin_context_get_settings (context ());
  gint64 start;
  double elapsed;

  /* from the setting: 5 minutes by default */
  g_assert_cmpuint (lin_application_get_auto_lock_seconds (app), ==, 5 * 60);
  g_settings_set_uint (settings, "auto-lock-minutes", 1);
  g_assert_cmpuint (lin_application_get_auto_lock_seconds (app), ==, 60);

  /* two seconds, for the test */
  lin_application_set_auto_lock_seconds (app, 2);
  g_assert_cmpuint (lin_application_get_auto_lock_seconds (app), ==, 2);
  start = g_get_monotonic_time ();
  lin_test_spin (1000);
  g_assert_false (lin_context_get_locked (context ()));

  g_assert_true (lin_test_wait_for (is_locked, NULL, 5000));
  elapsed = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
  g_test_message ("locked by itself after %.2f s", elapsed);
  g_assert_cmpfloat (elapsed, >=, 1.9);
  lin_test_spin (100);
  g_assert_cmpstr (lin_window_get_page (main_window ()), ==, "unlock");
  assert_nothing_of_the_profile_shows ();

  /* a key, a motion or a click in any Linija window counts as use: what
   * the window's capture-phase controllers see (GTK 4.8 cannot synthesise
   * the events themselves, so their signals are emitted here) */
  unlock_with (passphrase);
  {
    GtkWindow *prefs = lin_application_show_preferences (app);
    GtkEventController *key = find_controller (GTK_WIDGET (main_window ()), "lin-auto-lock-key");
    GtkEventController *motion = find_controller (GTK_WIDGET (prefs), "lin-auto-lock-motion");
    GtkEventController *click = find_controller (GTK_WIDGET (main_window ()), "lin-auto-lock-click");
    gboolean handled = TRUE;

    g_assert_nonnull (key);
    g_assert_nonnull (motion);
    g_assert_nonnull (click);
    g_assert_cmpint (gtk_event_controller_get_propagation_phase (key), ==, GTK_PHASE_CAPTURE);

    start = g_get_monotonic_time ();
    lin_test_spin (1300);
    g_signal_emit_by_name (key, "key-pressed", GDK_KEY_a, 38, 0, &handled);
    g_assert_false (handled);  /* the key still reaches the entry */
    lin_test_spin (1300);
    g_signal_emit_by_name (motion, "motion", 10.0, 10.0);
    lin_test_spin (1300);
    g_signal_emit_by_name (click, "pressed", 1, 10.0, 10.0);
    lin_test_spin (1300);
    g_assert_false (lin_context_get_locked (context ()));

    /* then nothing for two seconds */
    g_assert_true (lin_test_wait_for (is_locked, NULL, 5000));
    elapsed = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
    g_test_message ("with use every 1.3 s, locked %.2f s after the start", elapsed);
    g_assert_cmpfloat (elapsed, >=, 5.9);
  }
  lin_test_spin (100);
  g_assert_null (find_window (LIN_TYPE_PREFERENCES_WINDOW));
  g_assert_cmpstr (lin_window_get_page (main_window ()), ==, "unlock");
  assert_nothing_of_the_profile_shows ();

  /* 0 in the setting: never */
  lin_application_set_auto_lock_seconds (app, -1);
  g_settings_set_uint (settings, "auto-lock-minutes", 0);
  g_assert_cmpuint (lin_application_get_auto_lock_seconds (app), ==, 0);
  unlock_with (passphrase);
  lin_test_spin (2500);
  g_assert_false (lin_context_get_locked (context ()));

  g_settings_reset (settings, "auto-lock-minutes");
  g_assert_cmpuint (lin_application_get_auto_lock_seconds (app), ==, 5 * 60);
}

static void
test_screensaver (void)
{
  static const struct { const char *path; const char *iface; } savers[] = {
    { "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver" },
    { "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver" },
  };
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("no session bus");
      return;
    }

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (savers); i++)
    {
      g_assert_false (lin_context_get_locked (context ()));

      /* the screensaver going off changes nothing */
      g_dbus_connection_emit_signal (bus, NULL, savers[i].path, savers[i].iface, "ActiveChanged",
                                     g_variant_new ("(b)", FALSE), &error);
      g_assert_no_error (error);
      lin_test_spin (500);
      g_assert_false (lin_context_get_locked (context ()));

      /* coming on locks */
      g_dbus_connection_emit_signal (bus, NULL, savers[i].path, savers[i].iface, "ActiveChanged",
                                     g_variant_new ("(b)", TRUE), &error);
      g_assert_no_error (error);
      g_assert_true (lin_test_wait_for (is_locked, NULL, 5000));
      lin_test_spin (100);
      g_assert_cmpstr (lin_window_get_page (main_window ()), ==, "unlock");

      unlock_with (passphrase);
    }
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
is_set (gpointer data)
{
  return *(char **)data != NULL;
}

static char *
read_text (GdkClipboard *clipboard)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (clipboard, NULL, read_text_cb, &text);
  g_assert_true (lin_test_wait_for (is_set, &text, 5000));

  return text;
}

static void
test_clipboard (void)
{
  GtkWidget *window = GTK_WIDGET (main_window ());
  GdkClipboard *clipboards[] = {
    gtk_widget_get_clipboard (window),
    gtk_widget_get_primary_clipboard (window),
  };

  g_assert_false (lin_context_get_locked (context ()));

  for (guint i = 0; i < G_N_ELEMENTS (clipboards); i++)
    {
      g_autofree char *text = NULL;

      gdk_clipboard_set_text (clipboards[i], MARKER);
      g_assert_true (gdk_clipboard_is_local (clipboards[i]));
      text = read_text (clipboards[i]);
      g_assert_cmpstr (text, ==, MARKER);
    }

  g_action_group_activate_action (G_ACTION_GROUP (app), "lock", NULL);
  g_assert_true (lin_context_get_locked (context ()));

  for (guint i = 0; i < G_N_ELEMENTS (clipboards); i++)
    {
      g_autofree char *text = NULL;
      GdkContentFormats *formats = gdk_clipboard_get_formats (clipboards[i]);

      g_assert_false (gdk_content_formats_contain_gtype (formats, G_TYPE_STRING));
      g_assert_false (gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8"));
      text = read_text (clipboards[i]);
      g_assert_null (strstr (text, MARKER));
    }

  unlock_with (passphrase);
}

static gboolean
change_done (gpointer data)
{
  gboolean busy = TRUE;

  g_object_get (data, "busy", &busy, NULL);
  return !busy;
}

static GtkWidget *
page_named (GtkWidget  *page,
            const char *name)
{
  GtkWidget *widget = lin_test_find_named (page, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
test_change_passphrase (void)
{
  g_autofree char *header = g_build_filename (profile_dir, "vault.hdr", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GtkWindow *prefs;
  GtkWidget *page;
  GtkLabel *status;
  char *contents;
  gsize len;

  g_assert_true (g_file_get_contents (header, &contents, &len, NULL));
  before = g_bytes_new_take (contents, len);

  prefs = lin_application_show_preferences (app);
  lin_test_spin (300);
  g_assert_true (gtk_widget_get_visible (lin_test_find_named (GTK_WIDGET (prefs), "security-group")));
  g_assert_nonnull (lin_test_find_named (GTK_WIDGET (prefs), "lock-after-row"));
  g_assert_nonnull (lin_test_find_named (GTK_WIDGET (prefs), "quick-hide-row"));

  /* Lock After stores minutes; Never is 0 */
  {
    AdwComboRow *row = ADW_COMBO_ROW (lin_test_find_named (GTK_WIDGET (prefs), "lock-after-row"));
    GListModel *model = adw_combo_row_get_model (row);
    GSettings *settings = lin_context_get_settings (context ());
    guint n = g_list_model_get_n_items (model);

    g_assert_cmpuint (n, ==, 8);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), adw_combo_row_get_selected (row)), ==, "5 minutes");
    adw_combo_row_set_selected (row, n - 1);
    g_assert_cmpuint (g_settings_get_uint (settings, "auto-lock-minutes"), ==, 0);
    adw_combo_row_set_selected (row, 3);
    g_assert_cmpuint (g_settings_get_uint (settings, "auto-lock-minutes"), ==, 10);
    g_settings_reset (settings, "auto-lock-minutes");
    g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 2);
  }

  /* Quick Hide Key stores an accelerator */
  {
    AdwComboRow *row = ADW_COMBO_ROW (lin_test_find_named (GTK_WIDGET (prefs), "quick-hide-row"));
    GSettings *settings = lin_context_get_settings (context ());
    g_autofree char *stored = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 4);
    adw_combo_row_set_selected (row, 2);
    stored = g_settings_get_string (settings, "quick-hide-shortcut");
    g_assert_cmpstr (stored, ==, "F12");
    g_settings_reset (settings, "quick-hide-shortcut");
    g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  }

  page = lin_preferences_window_show_change_passphrase (LIN_PREFERENCES_WINDOW (prefs));
  g_assert_nonnull (page);
  lin_test_spin (300);
  status = GTK_LABEL (page_named (page, "change-status"));

  /* a short new one is refused before anything runs */
  lin_test_type (page_named (page, "current-entry"), "not it at all");
  lin_test_type (page_named (page, "new-entry"), "short");
  lin_test_type (page_named (page, "confirm-entry"), "short");
  g_assert_false (gtk_widget_get_sensitive (page_named (page, "change-button")));

  /* a wrong current one: said so, nothing changed */
  set_text (page_named (page, "new-entry"), NEW_PASSPHRASE);
  set_text (page_named (page, "confirm-entry"), NEW_PASSPHRASE);
  g_assert_true (gtk_widget_get_sensitive (page_named (page, "change-button")));
  click (page_named (page, "change-button"));
  g_assert_true (lin_change_passphrase_page_get_busy (LIN_CHANGE_PASSPHRASE_PAGE (page)));
  g_assert_true (lin_test_wait_for (change_done, page, 30000));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (status)));
  g_assert_nonnull (strstr (gtk_label_get_text (status), "not right"));

  g_assert_true (g_file_get_contents (header, &contents, &len, NULL));
  after = g_bytes_new_take (contents, len);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&after, g_bytes_unref);

  /* the right one */
  set_text (page_named (page, "current-entry"), passphrase);
  click (page_named (page, "change-button"));
  g_assert_true (lin_test_wait_for (change_done, page, 30000));
  g_assert_nonnull (strstr (gtk_label_get_text (status), "has been changed"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page_named (page, "current-entry"))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page_named (page, "new-entry"))), ==, "");

  g_assert_true (g_file_get_contents (header, &contents, &len, NULL));
  after = g_bytes_new_take (contents, len);
  g_assert_false (g_bytes_equal (before, after));

  /* the old passphrase no longer opens it, the new one does */
  lin_application_lock (app);
  g_assert_null (find_window (LIN_TYPE_PREFERENCES_WINDOW));

  /* Preferences opened while locked: no Security, no passphrase change */
  prefs = lin_application_show_preferences (app);
  lin_test_spin (200);
  g_assert_false (gtk_widget_get_visible (lin_test_find_named (GTK_WIDGET (prefs), "security-group")));
  g_assert_null (lin_preferences_window_show_change_passphrase (LIN_PREFERENCES_WINDOW (prefs)));
  gtk_window_destroy (prefs);
  lin_test_spin (100);

  try_passphrase (passphrase);
  g_assert_true (lin_context_get_locked (context ()));
  passphrase = NEW_PASSPHRASE;
  unlock_with (passphrase);
  g_assert_true (has_record_with_marker ());
}

/* A lock during a change: the windows lock at once, the vault as soon as
 * the thread is done with it */
static void
test_lock_during_change (void)
{
  GtkWindow *prefs = lin_application_show_preferences (app);
  GtkWidget *page;

  lin_test_spin (200);
  page = lin_preferences_window_show_change_passphrase (LIN_PREFERENCES_WINDOW (prefs));
  lin_test_spin (200);
  set_text (page_named (page, "current-entry"), passphrase);
  set_text (page_named (page, "new-entry"), PASSPHRASE);
  set_text (page_named (page, "confirm-entry"), PASSPHRASE);
  click (page_named (page, "change-button"));
  g_assert_true (lin_change_passphrase_page_get_busy (LIN_CHANGE_PASSPHRASE_PAGE (page)));

  lin_application_lock (app);

  g_assert_true (lin_application_get_locked (app));
  g_assert_null (find_window (LIN_TYPE_PREFERENCES_WINDOW));
  lin_test_spin (50);
  g_assert_cmpstr (lin_window_get_page (main_window ()), ==, "unlock");
  g_assert_false (gtk_widget_get_sensitive (named ("unlock-button")));

  /* the vault locks once the change is done */
  g_assert_true (lin_test_wait_for (is_locked, NULL, 30000));
  assert_nothing_of_the_profile_shows ();

  /* the change went through: the first passphrase again */
  passphrase = PASSPHRASE;
  unlock_with (passphrase);
}

static void
test_second_profile (void)
{
  LinWindow *window = main_window ();
  g_autofree char *last = NULL;
  AdwComboRow *row;

  lin_application_lock (app);
  lin_test_spin (100);
  g_assert_cmpstr (lin_window_get_page (window), ==, "unlock");

  /* "New Profile…", and back */
  click (named ("create-another-button"));
  g_assert_cmpstr (lin_window_get_page (window), ==, "create");
  g_assert_true (gtk_widget_get_visible (named ("back-button")));
  click (named ("back-button"));
  g_assert_cmpstr (lin_window_get_page (window), ==, "unlock");
  g_assert_false (gtk_widget_get_visible (named ("back-button")));

  click (named ("create-another-button"));
  set_text (named ("profile-name-entry"), "Branka");
  set_text (named ("passphrase-entry"), SECOND_PASSPHRASE);
  set_text (named ("confirm-entry"), SECOND_PASSPHRASE);
  click (named ("create-button"));
  g_assert_true (lin_test_wait_for (is_unlocked, NULL, 60000));
  lin_test_spin (100);
  g_assert_cmpstr (lin_window_get_page (window), ==, "sections");
  g_assert_cmpstr (lin_context_get_profile_dir (context ()), !=, profile_dir);

  /* her profile holds nothing of Ana's */
  {
    g_autoptr(GPtrArray) notes = lin_store_list (lin_context_get_store (context ()), "note");
    g_assert_cmpuint (notes->len, ==, 0);
  }

  /* locked: now there is a choice, the last one offered first */
  lin_application_lock (app);
  lin_test_spin (100);
  g_assert_true (gtk_widget_get_visible (named ("profile-box")));
  row = ADW_COMBO_ROW (named ("profile-row"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)),
                                               adw_combo_row_get_selected (row)), ==, "Branka");
  last = g_settings_get_string (lin_context_get_settings (context ()), "last-profile");
  g_assert_cmpstr (last, !=, profile_dir);

  /* Ana's passphrase does not open Branka's profile */
  try_passphrase (passphrase);
  g_assert_true (lin_context_get_locked (context ()));

  /* Ana picks hers */
  adw_combo_row_set_selected (row, 0);
  unlock_with (passphrase);
  g_assert_cmpstr (lin_context_get_profile_dir (context ()), ==, profile_dir);
  g_assert_true (has_record_with_marker ());
}

static gboolean
create_page_idle (gpointer data)
{
  return !gtk_widget_get_visible (named ("progress-box"));
}

/* Quick hide while a profile is being made: it is made, but not opened */
static void
test_lock_during_create (void)
{
  LinWindow *window = main_window ();

  lin_application_lock (app);
  click (named ("create-another-button"));
  set_text (named ("profile-name-entry"), "Vesna");
  set_text (named ("passphrase-entry"), passphrase);
  set_text (named ("confirm-entry"), passphrase);
  click (named ("create-button"));
  g_assert_true (gtk_widget_get_visible (named ("progress-box")));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quick-hide", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named ("passphrase-entry"))), ==, "");

  g_assert_true (lin_test_wait_for (create_page_idle, NULL, 60000));
  lin_test_spin (200);
  g_assert_true (lin_context_get_locked (context ()));
  g_assert_cmpstr (lin_window_get_page (window), ==, "unlock");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (named ("profile-row")))), ==, 3);
  assert_nothing_of_the_profile_shows ();
}

static void
test_narrow (void)
{
  LinWindow *window = main_window ();

  lin_application_lock (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  lin_test_spin (400);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  g_assert_cmpint (gtk_widget_get_width (named ("unlock-entry")), <=, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_width (named ("unlock-entry")), >=, 200);

  click (named ("create-another-button"));
  lin_test_spin (400);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  g_assert_cmpint (gtk_widget_get_width (named ("confirm-entry")), >=, 200);
  click (named ("back-button"));

  unlock_with (passphrase);
  lin_test_spin (400);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  g_assert_true (gtk_widget_get_visible (named ("lock-button")));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  lin_test_spin (300);
}

static void
demo_activate_cb (GApplication *application)
{
  LinWindow *window = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l; l = l->next)
    if (LIN_IS_WINDOW (l->data))
      window = l->data;

  g_assert_nonnull (window);
  lin_test_spin (300);

  /* straight to the sections, on a throw-away profile */
  g_assert_false (lin_context_get_locked (lin_application_get_context (LIN_APPLICATION (application))));
  g_assert_cmpstr (lin_window_get_page (window), ==, "sections");
  g_assert_true (gtk_widget_get_visible (lin_test_find_named (GTK_WIDGET (window), "lock-button")));
  g_assert_nonnull (lin_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LABEL));
  {
    g_autofree char *demo = lin_test_any_text_contains ("Demo profile");
    g_assert_nonnull (demo);
  }

  g_application_quit (application);
}

static void
test_demo (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(LinApplication) demo_app = NULL;
      char *argv[] = { (char *)"linija", (char *)"--demo", NULL };

      demo_app = lin_application_new (APP_ID ".TestDemo", G_APPLICATION_NON_UNIQUE);
      g_signal_connect_after (demo_app, "activate", G_CALLBACK (demo_activate_cb), NULL);
      g_assert_cmpint (g_application_run (G_APPLICATION (demo_app), 2, argv), ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
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

  g_test_add_func ("/gui/vault/first-run", test_first_run);
  g_test_add_func ("/gui/vault/lock", test_lock);
  g_test_add_func ("/gui/vault/wrong-passphrase", test_wrong_passphrase);
  g_test_add_func ("/gui/vault/unlock", test_unlock);
  g_test_add_func ("/gui/vault/quick-hide", test_quick_hide);
  g_test_add_func ("/gui/vault/auto-lock", test_auto_lock);
  g_test_add_func ("/gui/vault/screensaver", test_screensaver);
  g_test_add_func ("/gui/vault/clipboard", test_clipboard);
  g_test_add_func ("/gui/vault/change-passphrase", test_change_passphrase);
  g_test_add_func ("/gui/vault/lock-during-change", test_lock_during_change);
  g_test_add_func ("/gui/vault/second-profile", test_second_profile);
  g_test_add_func ("/gui/vault/lock-during-create", test_lock_during_create);
  g_test_add_func ("/gui/vault/narrow", test_narrow);
  g_test_add_func ("/gui/vault/demo", test_demo);

  /* the demo test's child process makes its own application */
  if (g_test_subprocess ())
    return g_test_run ();

  app = lin_application_new (APP_ID ".Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  lin_test_spin (500);

  ret = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_clear_pointer (&profile_dir, g_free);

  return ret;
}
