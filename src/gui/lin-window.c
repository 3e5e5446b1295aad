/* lin-window.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lin-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-window.h"

struct _LinWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
  GtkLabel             *demo_label;

  /* Owned */
  LinContext           *context;

  /* Borrowed */
  GtkWindow            *shortcuts_window;
};

G_DEFINE_FINAL_TYPE (LinWindow, lin_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
visible_child_changed_cb (LinWindow    *self,
                          GParamSpec   *pspec,
                          AdwViewStack *stack)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  lin_window_set_section (LIN_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  lin_window_show_shortcuts (LIN_WINDOW (widget));
}

static void
lin_window_constructed (GObject *object)
{
  LinWindow *self = (LinWindow *)object;
  GSettings *settings;

  G_OBJECT_CLASS (lin_window_parent_class)->constructed (object);

  g_assert (LIN_IS_CONTEXT (self->context));

  settings = lin_context_get_settings (self->context);
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  if (lin_context_get_demo (self->context))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->demo_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
    }
}

static void
lin_window_dispose (GObject *object)
{
  LinWindow *self = (LinWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIN_TYPE_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lin_window_parent_class)->dispose (object);
}

static void
lin_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LinWindow *self = LIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, lin_window_get_context (self));
      break;

    case PROP_SECTION:
      g_value_set_string (value, lin_window_get_section (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LinWindow *self = LIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_SECTION:
      lin_window_set_section (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_window_class_init (LinWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lin_window_constructed;
  object_class->dispose = lin_window_dispose;
  object_class->get_property = lin_window_get_property;
  object_class->set_property = lin_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LIN_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL,
                         "calls",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lin-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LinWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, demo_label);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-section", "s", "calls");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-section", "s", "directory");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-section", "s", "roster");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-section", "s", "reports");
}

static void
lin_window_init (LinWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LinWindow *
lin_window_new (GtkApplication *application,
                LinContext     *context)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LIN_IS_CONTEXT (context), NULL);

  return g_object_new (LIN_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

LinContext *
lin_window_get_context (LinWindow *self)
{
  g_return_val_if_fail (LIN_IS_WINDOW (self), NULL);

  return self->context;
}

/**
 * lin_window_get_section:
 * @self: a #LinWindow
 *
 * Returns: the name of the section in view: "calls", "directory",
 *   "roster" or "reports"
 */
const char *
lin_window_get_section (LinWindow *self)
{
  g_return_val_if_fail (LIN_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
lin_window_set_section (LinWindow  *self,
                        const char *section)
{
  g_return_if_fail (LIN_IS_WINDOW (self));
  g_return_if_fail (section != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, section) == NULL)
    {
      g_warning ("No section named %s", section);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, section);
}

/**
 * lin_window_show_shortcuts:
 * @self: a #LinWindow
 *
 * Shows the keyboard shortcuts window. It is built on first use rather
 * than with the main window (as GTK does for gtk/help-overlay.ui), which
 * keeps it off the path to the first frame.
 *
 * Returns: (transfer none): the shortcuts window
 */
GtkWindow *
lin_window_show_shortcuts (LinWindow *self)
{
  g_return_val_if_fail (LIN_IS_WINDOW (self), NULL);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;

      builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/lin-shortcuts-window.ui");
      self->shortcuts_window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      gtk_window_set_destroy_with_parent (self->shortcuts_window, TRUE);
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts_window),
                                 (gpointer *)&self->shortcuts_window);
    }

  gtk_window_present (self->shortcuts_window);

  return self->shortcuts_window;
}
