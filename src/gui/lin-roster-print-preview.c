/* lin-roster-print-preview.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The print dialog's Preview for the roster's print operation. GTK's own
 * preview writes the pages to a PDF in the temporary folder and opens it
 * in an outside viewer: the roster's names would be on disk, unencrypted,
 * and in another program's recent files. This one draws the pages into
 * memory and shows them in a window of Linija's own; closing the window
 * ends the preview and drops the pictures.
 */

#define G_LOG_DOMAIN "lin-roster-print"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-roster-print-private.h"

#define PREVIEW_DPI 96.0

typedef struct
{
  GtkPrintOperationPreview *preview;  /* the operation itself */
  GtkPrintContext          *context;
  GtkWindow                *window;
  GtkWidget                *pages;
  cairo_t                  *cr;       /* what the pages are measured with */
} Preview;

static void
preview_free (Preview *preview)
{
  g_clear_object (&preview->preview);
  g_clear_object (&preview->context);
  g_clear_pointer (&preview->cr, cairo_destroy);
  g_free (preview);
}

static cairo_t *
measuring_cairo (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);

  return cr;
}

/* One page drawn at PREVIEW_DPI, white, as a texture */
static GdkTexture *
render_page (Preview *preview,
             int      page)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (preview->context);
  int width = (int)(gtk_page_setup_get_paper_width (setup, GTK_UNIT_INCH) * PREVIEW_DPI);
  int height = (int)(gtk_page_setup_get_paper_height (setup, GTK_UNIT_INCH) * PREVIEW_DPI);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gtk_print_context_set_cairo_context (preview->context, cr, PREVIEW_DPI, PREVIEW_DPI);
  gtk_print_operation_preview_render_page (preview->preview, page);
  gtk_print_context_set_cairo_context (preview->context, preview->cr, PREVIEW_DPI, PREVIEW_DPI);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize)cairo_image_surface_get_stride (surface) * height,
                                      (GDestroyNotify)cairo_surface_destroy, surface);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}

static void
ready_cb (GtkPrintOperationPreview *operation,
          GtkPrintContext          *context,
          Preview                  *preview)
{
  int n_pages = 0;

  g_object_get (operation, "n-pages", &n_pages, NULL);
  for (int page = 0; page < n_pages; page++)
    {
      g_autoptr(GdkTexture) texture = NULL;
      GtkWidget *picture;

      if (!gtk_print_operation_preview_is_selected (operation, page))
        continue;
      texture = render_page (preview, page);
      picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_add_css_class (picture, "card");
      gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (preview->pages), picture);
    }

  gtk_window_present (preview->window);
}

static void
destroy_cb (GtkWidget *window,
            Preview   *preview)
{
  LinRosterPrint *operation = LIN_ROSTER_PRINT (preview->preview);

  /* the preview's reference keeps the operation until here */
  g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *)&operation->preview_window);
  operation->preview_window = NULL;
  g_signal_handlers_disconnect_by_data (preview->preview, preview);
  gtk_print_operation_preview_end_preview (preview->preview);
  preview_free (preview);
}

/**
 * lin_roster_print_preview:
 *
 * The #GtkPrintOperation::preview handler: the pages in a window of
 * Linija's own, drawn in memory.
 *
 * Returns: %TRUE, the preview is handled
 */
gboolean
lin_roster_print_preview (GtkPrintOperation        *operation,
                          GtkPrintOperationPreview *operation_preview,
                          GtkPrintContext          *context,
                          GtkWindow                *parent)
{
  Preview *preview = g_new0 (Preview, 1);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  preview->preview = g_object_ref (operation_preview);
  preview->context = g_object_ref (context);
  /* begin-print lays out the text before any page is drawn */
  preview->cr = measuring_cairo ();
  gtk_print_context_set_cairo_context (context, preview->cr, PREVIEW_DPI, PREVIEW_DPI);
  preview->window = GTK_WINDOW (gtk_window_new ());
  /* Translators: the title of the window that shows a roster's pages
   * before they are printed */
  gtk_window_set_title (preview->window, _("Print Preview"));
  gtk_window_set_default_size (preview->window, 900, 700);
  gtk_window_set_modal (preview->window, TRUE);
  gtk_window_set_destroy_with_parent (preview->window, TRUE);
  if (parent != NULL)
    gtk_window_set_transient_for (preview->window, parent);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (preview->window), shortcuts);

  preview->pages = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (preview->pages, 18);
  gtk_widget_set_margin_bottom (preview->pages, 18);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), preview->pages);
  gtk_window_set_child (preview->window, scrolled);
  /* for lin_roster_print_cancel() */
  LIN_ROSTER_PRINT (operation)->preview_window = preview->window;
  g_object_add_weak_pointer (G_OBJECT (preview->window),
                             (gpointer *)&LIN_ROSTER_PRINT (operation)->preview_window);

  g_signal_connect (operation_preview, "ready", G_CALLBACK (ready_cb), preview);
  g_signal_connect (preview->window, "destroy", G_CALLBACK (destroy_cb), preview);

  return TRUE;
}
