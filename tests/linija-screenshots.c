/* linija-screenshots.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders every main screen of the real application into PNG files:
 *
 *   LANGUAGE=sr linija-screenshots DIR sr
 *
 * writes DIR/sr-calls.png, sr-directory.png, sr-roster.png,
 * sr-reports.png, sr-narrow.png (the window at 360 px), sr-preferences.png,
 * sr-about.png and sr-shortcuts.png. `build-aux/dev screenshots` runs it
 * for every language under Xvfb.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "lin-application.h"
#include "lin-i18n.h"
#include "lin-test-utils.h"
#include "lin-window.h"

static LinApplication *app;
static const char *outdir;
static const char *lang;
static int failures;

static void
save (GtkWidget  *widget,
      const char *screen)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.png", lang, screen);
  g_autofree char *path = g_build_filename (outdir, name, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  lin_test_spin (600);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0)
    {
      g_printerr ("screenshots: %s has no size\n", screen);
      failures++;
      return;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_printerr ("screenshots: %s drew nothing\n", screen);
      failures++;
      return;
    }

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)),
                                         node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_printerr ("screenshots: could not write %s\n", path);
      failures++;
      return;
    }

  g_print ("%s\n", path);
}

static GtkWindow *
find_window (GType type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  static const char *sections[] = { "calls", "directory", "roster", "reports" };
  g_autoptr(GError) error = NULL;
  LinWindow *window;
  GtkWindow *other;

  if (argc != 3)
    {
      g_printerr ("usage: LANGUAGE=LANG %s DIR LANG\n", argv[0]);
      return 2;
    }
  outdir = argv[1];
  lang = argv[2];
  g_mkdir_with_parents (outdir, 0755);

  lin_i18n_init (NULL);
  g_set_application_name (_("Linija"));

  app = lin_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  lin_application_set_active_language (app, g_getenv ("LANGUAGE"));
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_application_activate (G_APPLICATION (app));

  window = LIN_WINDOW (find_window (LIN_TYPE_WINDOW));
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      lin_window_set_section (window, sections[i]);
      save (GTK_WIDGET (window), sections[i]);
    }

  lin_window_set_section (window, "calls");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  save (GTK_WIDGET (window), "narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  lin_test_spin (300);

  save (GTK_WIDGET (lin_application_show_preferences (app)), "preferences");
  gtk_window_destroy (find_window (ADW_TYPE_PREFERENCES_WINDOW));

  other = lin_application_show_about (app);
  save (GTK_WIDGET (other), "about");
  gtk_window_destroy (other);

  save (GTK_WIDGET (lin_window_show_shortcuts (window)), "shortcuts");

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return failures == 0 ? 0 : 1;
}
