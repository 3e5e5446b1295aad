/* lin-application.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lin-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "lin-application.h"
#include "lin-auto-lock.h"
#include "lin-i18n.h"
#include "lin-preferences-window.h"
#include "lin-window.h"

struct _LinApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  LinContext     *context;
  LinAutoLock    *auto_lock;
  char           *active_language;

  int             auto_lock_override;  /* seconds; -1 follows the setting */
  guint           vault_holds;
  gboolean        lock_pending;
  gboolean        locked;
  gboolean        demo;
  gboolean        restart_requested;
};

G_DEFINE_FINAL_TYPE (LinApplication, lin_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_LOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFAULT_QUICK_HIDE "<Shift>Escape"

static const GOptionEntry option_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start on a throw-away demo profile with fictional data"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static LinWindow *
get_main_window (LinApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (LIN_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
restart_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  LinApplication *self = user_data;

  self->restart_requested = TRUE;
  g_application_quit (G_APPLICATION (self));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  lin_application_show_preferences (user_data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  lin_application_show_about (user_data);
}

static void
lock_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  lin_application_lock (user_data);
}

static void
quick_hide_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  lin_application_quick_hide (user_data);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "restart", restart_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "lock", lock_action },
  { "quick-hide", quick_hide_action },
};

/* Whatever may show the profile's data outside the main window goes:
 * Preferences, About, the shortcuts window, dialogs, and the windows GTK
 * makes on its own for the main window (the print dialog, a file
 * chooser), which belong to no application; and the clipboards are
 * emptied if Linija put something there. */
static void
clear_outside_main_window (LinApplication *self)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  GListModel *toplevels = gtk_window_get_toplevels ();
  GdkDisplay *display = gdk_display_get_default ();

  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      GtkWindow *parent = gtk_window_get_transient_for (window);

      if (parent != NULL && LIN_IS_WINDOW (parent) && g_list_find (windows, window) == NULL)
        windows = g_list_prepend (windows, g_object_ref (window));
    }

  for (GList *l = windows; l != NULL; l = l->next)
    {
      GtkWindow *window = l->data;

      if (LIN_IS_WINDOW (window))
        continue;

      if (gtk_window_get_hide_on_close (window))
        gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      else
        gtk_window_destroy (window);
    }
  g_list_free_full (windows, g_object_unref);

  if (display != NULL)
    {
      GdkClipboard *clipboards[] = {
        gdk_display_get_clipboard (display),
        gdk_display_get_primary_clipboard (display),
      };

      for (guint i = 0; i < G_N_ELEMENTS (clipboards); i++)
        if (gdk_clipboard_is_local (clipboards[i]))
          gdk_clipboard_set_content (clipboards[i], NULL);
    }
}

static void
update_locked (LinApplication *self)
{
  gboolean locked = self->context == NULL ||
                    lin_context_get_locked (self->context) ||
                    self->lock_pending;
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "lock");

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !locked);
  if (self->auto_lock != NULL)
    lin_auto_lock_set_active (self->auto_lock, !locked);

  if (self->locked == locked)
    return;

  self->locked = locked;
  if (locked)
    clear_outside_main_window (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

static void
context_locked_cb (LinApplication *self)
{
  update_locked (self);
}

static void
update_auto_lock (LinApplication *self)
{
  guint seconds;

  if (self->auto_lock == NULL)
    return;

  if (self->auto_lock_override >= 0)
    seconds = (guint)self->auto_lock_override;
  else
    seconds = g_settings_get_uint (lin_context_get_settings (self->context), "auto-lock-minutes") * 60;

  lin_auto_lock_set_timeout (self->auto_lock, seconds);
}

static void
update_quick_hide (LinApplication *self)
{
  g_autofree char *accel = g_settings_get_string (lin_context_get_settings (self->context),
                                                  "quick-hide-shortcut");
  const char *accels[] = { accel, NULL };
  guint key = 0;
  GdkModifierType mods = 0;

  if (!gtk_accelerator_parse (accel, &key, &mods) || key == 0)
    {
      g_free (accel);
      accel = g_strdup (DEFAULT_QUICK_HIDE);
      accels[0] = accel;
    }

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quick-hide", accels);
}

static void
settings_changed_cb (LinApplication *self,
                     const char     *key,
                     GSettings      *settings)
{
  if (g_str_equal (key, "auto-lock-minutes"))
    update_auto_lock (self);
  else if (g_str_equal (key, "quick-hide-shortcut"))
    update_quick_hide (self);
}

static void
auto_lock_cb (LinApplication *self)
{
  lin_application_lock (self);
}

/* For tests/bench-startup: report when the first frame of the main window
 * has been painted, then quit. */
static void
bench_after_paint_cb (GdkFrameClock  *clock,
                      LinApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, self);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (G_APPLICATION (self));
}

static void
bench_map_cb (GtkWidget      *window,
              LinApplication *self)
{
  g_signal_connect_after (gtk_widget_get_frame_clock (window), "after-paint",
                          G_CALLBACK (bench_after_paint_cb), self);
}

/* SIGTERM (logout, `kill`), SIGINT (Ctrl+C) and SIGHUP end Linija the way
 * Ctrl+Q does, so that shutdown writes what is pending and a demo profile
 * is removed. */
static gboolean
quit_signal_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static gint
lin_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  LinApplication *self = LIN_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  self->demo = g_variant_dict_contains (options, "demo");

  /* A demo profile is a throw-away instance of its own, never a second
   * window of the real one. */
  if (self->demo)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return G_APPLICATION_CLASS (lin_application_parent_class)->handle_local_options (app, options);
}

static void
lin_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *lock_accels[] = { "<Control>l", NULL };
  static const char *new_call_accels[] = { "<Control>n", NULL };
  LinApplication *self = LIN_APPLICATION (app);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (lin_application_parent_class)->startup (app);

  /* after adw_init(), which binds libadwaita's own catalogues */
  lin_i18n_bind_library_catalogues ();
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-shortcuts", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.lock", lock_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-call", new_call_accels);

  g_unix_signal_add (SIGTERM, quit_signal_cb, self);
  g_unix_signal_add (SIGINT, quit_signal_cb, self);
  g_unix_signal_add (SIGHUP, quit_signal_cb, self);

  settings = lin_settings_new (&error);
  if (settings != NULL)
    self->context = lin_context_new (settings, self->demo, &error);

  if (self->context == NULL)
    g_error ("Linija cannot start: %s", error->message);

  g_signal_connect_object (self->context, "notify::locked",
                           G_CALLBACK (context_locked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (lin_context_get_settings (self->context), "changed",
                           G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->auto_lock = lin_auto_lock_new (GTK_APPLICATION (self));
  g_signal_connect_object (self->auto_lock, "lock",
                           G_CALLBACK (auto_lock_cb), self,
                           G_CONNECT_SWAPPED);
  update_auto_lock (self);
  update_quick_hide (self);

  /* --demo: straight to the sections, no passphrase */
  if (self->demo && !lin_context_open_demo (self->context, &error))
    g_warning ("The demo profile could not be opened: %s", error->message);

  update_locked (self);
}

static void
lin_application_activate (GApplication *app)
{
  LinApplication *self = LIN_APPLICATION (app);
  LinWindow *window = get_main_window (self);

  if (window == NULL)
    {
      window = lin_window_new (GTK_APPLICATION (self), self->context);

      if (g_getenv ("LINIJA_BENCH_FIRST_FRAME") != NULL)
        g_signal_connect (window, "map", G_CALLBACK (bench_map_cb), self);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
lin_application_shutdown (GApplication *app)
{
  LinApplication *self = LIN_APPLICATION (app);

  /* A passphrase change in a thread finishes before the vault closes. */
  while (self->vault_holds > 0)
    g_main_context_iteration (NULL, TRUE);

  /* no more idle timer or screensaver once quitting */
  if (self->auto_lock != NULL)
    g_object_run_dispose (G_OBJECT (self->auto_lock));
  g_clear_object (&self->auto_lock);

  if (self->context != NULL)
    lin_context_shutdown (self->context);

  G_APPLICATION_CLASS (lin_application_parent_class)->shutdown (app);
}

static void
lin_application_dispose (GObject *object)
{
  LinApplication *self = (LinApplication *)object;

  g_clear_object (&self->auto_lock);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lin_application_parent_class)->dispose (object);
}

static void
lin_application_finalize (GObject *object)
{
  LinApplication *self = (LinApplication *)object;

  g_clear_pointer (&self->active_language, g_free);

  G_OBJECT_CLASS (lin_application_parent_class)->finalize (object);
}

static void
lin_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LinApplication *self = LIN_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_LOCKED:
      g_value_set_boolean (value, lin_application_get_locked (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_application_class_init (LinApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lin_application_dispose;
  object_class->finalize = lin_application_finalize;
  object_class->get_property = lin_application_get_property;

  /**
   * LinApplication:locked:
   *
   * Whether Linija shows nothing of a profile: no profile is unlocked, or
   * a lock was asked for and waits only for vault work in a thread.
   */
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  app_class->handle_local_options = lin_application_handle_local_options;
  app_class->startup = lin_application_startup;
  app_class->activate = lin_application_activate;
  app_class->shutdown = lin_application_shutdown;
}

static void
lin_application_init (LinApplication *self)
{
  self->active_language = g_strdup ("");
  self->auto_lock_override = -1;
  self->locked = TRUE;

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
}

LinApplication *
lin_application_new (const char        *application_id,
                     GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (LIN_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * lin_application_get_context:
 * @self: a #LinApplication
 *
 * Returns: (transfer none) (nullable): the context, once started up
 */
LinContext *
lin_application_get_context (LinApplication *self)
{
  g_return_val_if_fail (LIN_IS_APPLICATION (self), NULL);

  return self->context;
}

/**
 * lin_application_get_active_language:
 * @self: a #LinApplication
 *
 * Returns: the language this process was started in ("" for the system's);
 *   a language chosen later is in force after a restart
 */
const char *
lin_application_get_active_language (LinApplication *self)
{
  g_return_val_if_fail (LIN_IS_APPLICATION (self), NULL);

  return self->active_language;
}

void
lin_application_set_active_language (LinApplication *self,
                                     const char     *code)
{
  g_return_if_fail (LIN_IS_APPLICATION (self));

  g_free (self->active_language);
  self->active_language = g_strdup (code != NULL ? code : "");
}

gboolean
lin_application_get_restart_requested (LinApplication *self)
{
  g_return_val_if_fail (LIN_IS_APPLICATION (self), FALSE);

  return self->restart_requested;
}

/**
 * lin_application_show_preferences:
 * @self: a #LinApplication
 *
 * Returns: (transfer none): the Preferences window, now presented
 */
GtkWindow *
lin_application_show_preferences (LinApplication *self)
{
  LinPreferencesWindow *prefs;

  g_return_val_if_fail (LIN_IS_APPLICATION (self), NULL);

  prefs = lin_preferences_window_new (self->context, self->active_language);
  gtk_window_set_application (GTK_WINDOW (prefs), GTK_APPLICATION (self));
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (get_main_window (self)));
  gtk_window_present (GTK_WINDOW (prefs));

  return GTK_WINDOW (prefs);
}

/**
 * lin_application_show_about:
 * @self: a #LinApplication
 *
 * Returns: (transfer none): the About window, now presented
 */
GtkWindow *
lin_application_show_about (LinApplication *self)
{
  static const char *developers[] = { "The Linija developers", NULL };
  GtkWidget *about;

  g_return_val_if_fail (LIN_IS_APPLICATION (self), NULL);

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-icon", APP_ID,
                        "application-name", g_get_application_name (),
                        "developer-name", "The Linija developers",
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Linija keeps calls, a directory of services and the shift roster "
                                      "on this computer, encrypted, and works without a network."),
                        "copyright", "© 2026 The Linija developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        "application", self,
                        "transient-for", get_main_window (self),
                        "modal", TRUE,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));

  return GTK_WINDOW (about);
}

/**
 * lin_application_get_locked:
 * @self: a #LinApplication
 *
 * Returns: whether Linija is locked (see #LinApplication:locked)
 */
gboolean
lin_application_get_locked (LinApplication *self)
{
  g_return_val_if_fail (LIN_IS_APPLICATION (self), TRUE);

  return self->locked;
}

/**
 * lin_application_lock:
 * @self: a #LinApplication
 *
 * Locks at once: the lock button, Ctrl+L, the idle timer, the screensaver
 * and quick hide all come here. Unlocks under way are abandoned; the keys
 * and the working set are dropped (lin_context_lock()); Preferences, About
 * and the shortcuts window close; the clipboards are emptied if they hold
 * Linija's content. While a thread works on the vault (a passphrase
 * change), the windows lock at once and the vault right after the thread.
 */
void
lin_application_lock (LinApplication *self)
{
  g_autoptr(GList) windows = NULL;

  g_return_if_fail (LIN_IS_APPLICATION (self));

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (LIN_IS_WINDOW (l->data))
      lin_window_cancel_unlock (l->data);

  if (self->context == NULL)
    return;

  if (self->vault_holds > 0)
    self->lock_pending = TRUE;
  else
    lin_context_lock (self->context);

  update_locked (self);

  /* also when it was locked already: Preferences may be open */
  clear_outside_main_window (self);
}

/**
 * lin_application_quick_hide:
 * @self: a #LinApplication
 *
 * Locks (see lin_application_lock()) and minimises the main window.
 */
void
lin_application_quick_hide (LinApplication *self)
{
  g_autoptr(GList) windows = NULL;

  g_return_if_fail (LIN_IS_APPLICATION (self));

  lin_application_lock (self);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (LIN_IS_WINDOW (l->data))
      gtk_window_minimize (l->data);
}

/**
 * lin_application_hold_vault:
 * @self: a #LinApplication
 *
 * Vault work is about to run in a thread: locks wait for
 * lin_application_release_vault() (the windows still lock at once).
 */
void
lin_application_hold_vault (LinApplication *self)
{
  g_return_if_fail (LIN_IS_APPLICATION (self));

  self->vault_holds++;
}

/**
 * lin_application_release_vault:
 * @self: a #LinApplication
 *
 * The thread of lin_application_hold_vault() is done; a lock asked for
 * meanwhile happens now. Call it in the main thread.
 */
void
lin_application_release_vault (LinApplication *self)
{
  g_return_if_fail (LIN_IS_APPLICATION (self));
  g_return_if_fail (self->vault_holds > 0);

  self->vault_holds--;

  if (self->vault_holds == 0 && self->lock_pending)
    {
      self->lock_pending = FALSE;
      lin_context_lock (self->context);
      update_locked (self);
    }
}

/**
 * lin_application_set_auto_lock_seconds:
 * @self: a #LinApplication
 * @seconds: idle seconds before Linija locks, 0 never; -1 to follow the
 *   setting auto-lock-minutes again
 *
 * Overrides the setting, for tests.
 */
void
lin_application_set_auto_lock_seconds (LinApplication *self,
                                       int             seconds)
{
  g_return_if_fail (LIN_IS_APPLICATION (self));

  self->auto_lock_override = MAX (seconds, -1);
  update_auto_lock (self);
}

/**
 * lin_application_get_auto_lock_seconds:
 * @self: a #LinApplication
 *
 * Returns: the idle seconds after which Linija locks, 0 for never
 */
guint
lin_application_get_auto_lock_seconds (LinApplication *self)
{
  g_return_val_if_fail (LIN_IS_APPLICATION (self), 0);

  return self->auto_lock != NULL ? lin_auto_lock_get_timeout (self->auto_lock) : 0;
}
