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
#include "lin-i18n.h"
#include "lin-preferences-window.h"
#include "lin-window.h"

struct _LinApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  LinContext     *context;
  char           *active_language;

  gboolean        demo;
  gboolean        restart_requested;
};

G_DEFINE_FINAL_TYPE (LinApplication, lin_application, ADW_TYPE_APPLICATION)

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

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "restart", restart_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

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

  g_unix_signal_add (SIGTERM, quit_signal_cb, self);
  g_unix_signal_add (SIGINT, quit_signal_cb, self);
  g_unix_signal_add (SIGHUP, quit_signal_cb, self);

  settings = lin_settings_new (&error);
  if (settings != NULL)
    self->context = lin_context_new (settings, self->demo, &error);

  if (self->context == NULL)
    g_error ("Linija cannot start: %s", error->message);
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

  if (self->context != NULL)
    lin_context_shutdown (self->context);

  G_APPLICATION_CLASS (lin_application_parent_class)->shutdown (app);
}

static void
lin_application_dispose (GObject *object)
{
  LinApplication *self = (LinApplication *)object;

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
lin_application_class_init (LinApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lin_application_dispose;
  object_class->finalize = lin_application_finalize;

  app_class->handle_local_options = lin_application_handle_local_options;
  app_class->startup = lin_application_startup;
  app_class->activate = lin_application_activate;
  app_class->shutdown = lin_application_shutdown;
}

static void
lin_application_init (LinApplication *self)
{
  self->active_language = g_strdup ("");

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
