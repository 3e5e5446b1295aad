/* lin-renderer.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which of GTK's renderers draws Linija. GTK 4.8 draws with OpenGL
 * wherever there is OpenGL, also when that OpenGL is Mesa's software
 * rasteriser (llvmpipe): a laptop whose graphics driver is missing, a
 * virtual machine, a remote desktop. There the OpenGL renderer draws on
 * the processor, slower than cairo, and holds its textures and compiled
 * shaders in the process's memory. Measured with the call log of 100,000
 * calls under Xvfb (llvmpipe, 2 processors): the risk filter took 49 ms
 * with OpenGL and 24 ms with cairo, scrolling missed 147 of 300 frames
 * against none, and the peak RSS was 303 MiB against 221 MiB. So on a
 * software rasteriser Linija asks GTK for cairo (GSK_RENDERER, the
 * variable GTK reads for each window it makes); with a graphics processor
 * nothing changes, and a GSK_RENDERER she or her technician set wins.
 */

#define G_LOG_DOMAIN "lin-renderer"

#include "config.h"

#include <epoxy/gl.h>
#include <gtk/gtk.h>
#include <string.h>

#include "lin-renderer.h"

static gboolean
is_software (const char *renderer)
{
  static const char * const names[] = { "llvmpipe", "softpipe", "Software Rasterizer", "swrast" };

  for (guint i = 0; renderer != NULL && i < G_N_ELEMENTS (names); i++)
    if (strstr (renderer, names[i]) != NULL)
      return TRUE;

  return FALSE;
}

/**
 * lin_renderer_choose:
 *
 * Before the first window: starts GTK when it has not started (so the
 * language must be set first), asks the display's OpenGL what draws it,
 * and chooses cairo when that is a software rasteriser. Does nothing when
 * GSK_RENDERER is set or there is no display.
 *
 * Returns: (nullable): the renderer chosen ("cairo"), or %NULL: GTK's own
 *   choice
 */
const char *
lin_renderer_choose (void)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *renderer;
  gboolean software;

  if (g_getenv ("GSK_RENDERER") != NULL || !gtk_init_check ())
    return NULL;

  context = gdk_display_create_gl_context (gdk_display_get_default (), &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    return NULL; /* no OpenGL: GTK takes cairo itself */

  gdk_gl_context_make_current (context);
  renderer = (const char *)glGetString (GL_RENDERER);
  software = is_software (renderer);
  g_debug ("OpenGL renderer: %s", renderer != NULL ? renderer : "(unknown)");
  gdk_gl_context_clear_current ();

  if (!software)
    return NULL;

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  return "cairo";
}
