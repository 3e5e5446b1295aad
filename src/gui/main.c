/* main.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "linija"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <unistd.h>

#include "lin-application.h"
#include "lin-i18n.h"
#include "lin-renderer.h"
#include "lin-secret.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LinApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  int ret;

  /* No core dumps, no ptrace by other processes of the user: a crash
   * must not write decrypted records anywhere. */
  lin_process_harden ();
  if (!lin_secret_init (&error))
    {
      g_printerr ("linija: %s\n", error->message);
      return 1;
    }

  /* The language must be in force before GTK starts. */
  settings = lin_settings_new (&error);
  if (settings == NULL)
    {
      g_printerr ("linija: %s\n", error->message);
      return 1;
    }
  language = g_settings_get_string (settings, "language");
  lin_i18n_init (language);

  /* Translators: the application's name */
  g_set_application_name (_("Linija"));

  /* cairo on a software rasteriser; after the language, before any
   * window, while hardly another thread runs (it may set GSK_RENDERER) */
  lin_renderer_choose ();

  app = lin_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  lin_application_set_active_language (app, language);
  ret = g_application_run (G_APPLICATION (app), argc, argv);

  if (ret == 0 && lin_application_get_restart_requested (app))
    {
      /* Start afresh so that the new language is in force from the first
       * string; the same arguments keep a demo profile a demo profile. */
      g_clear_object (&app);
      g_clear_object (&settings);
      execv ("/proc/self/exe", argv);
      g_printerr ("linija: could not restart: %s\n", g_strerror (errno));
      return 1;
    }

  return ret;
}
