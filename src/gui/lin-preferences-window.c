/* lin-preferences-window.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lin-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-i18n.h"
#include "lin-preferences-window.h"

struct _LinPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *language_row;

  /* Owned */
  LinContext           *context;
  char                 *active_language;

  gboolean              populating;

  /* Borrowed */
  AdwToast             *restart_toast;
};

G_DEFINE_FINAL_TYPE (LinPreferencesWindow, lin_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ACTIVE_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
restart_toast_dismissed_cb (LinPreferencesWindow *self,
                            AdwToast             *toast)
{
  if (self->restart_toast == toast)
    self->restart_toast = NULL;
}

static void
language_selected_cb (LinPreferencesWindow *self,
                      GParamSpec           *pspec,
                      AdwComboRow          *row)
{
  const LinLanguage *languages;
  guint n_languages;
  guint selected;

  if (self->context == NULL || self->populating)
    return;

  languages = lin_i18n_get_languages (&n_languages);
  selected = adw_combo_row_get_selected (row);
  if (selected >= n_languages)
    return;

  lin_context_set_language (self->context, languages[selected].code);

  if (g_strcmp0 (languages[selected].code, self->active_language) == 0)
    {
      if (self->restart_toast != NULL)
        adw_toast_dismiss (self->restart_toast);
      return;
    }

  if (self->restart_toast == NULL)
    {
      AdwToast *toast;

      toast = adw_toast_new (_("The new language is used after Linija restarts"));
      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Restart Now"));
      adw_toast_set_action_name (toast, "app.restart");
      g_signal_connect_object (toast, "dismissed",
                               G_CALLBACK (restart_toast_dismissed_cb),
                               self, G_CONNECT_SWAPPED);
      self->restart_toast = toast;
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
    }
}

static void
lin_preferences_window_constructed (GObject *object)
{
  LinPreferencesWindow *self = (LinPreferencesWindow *)object;
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *current = NULL;
  const LinLanguage *languages;
  guint n_languages;
  guint selected = 0;

  G_OBJECT_CLASS (lin_preferences_window_parent_class)->constructed (object);

  g_assert (LIN_IS_CONTEXT (self->context));

  current = lin_context_dup_language (self->context);
  languages = lin_i18n_get_languages (&n_languages);

  for (guint i = 0; i < n_languages; i++)
    {
      /* Each language is named in itself, so that anyone finds hers. */
      if (languages[i].native_name == NULL)
        /* Translators: the choice of language that follows the computer's */
        gtk_string_list_append (model, _("Same as the System"));
      else
        gtk_string_list_append (model, languages[i].native_name);

      if (g_str_equal (languages[i].code, current))
        selected = i;
    }

  /* Showing the stored choice is not a choice of the user's. */
  self->populating = TRUE;
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->language_row, selected);
  self->populating = FALSE;
}

static void
lin_preferences_window_dispose (GObject *object)
{
  LinPreferencesWindow *self = (LinPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIN_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lin_preferences_window_parent_class)->dispose (object);
}

static void
lin_preferences_window_finalize (GObject *object)
{
  LinPreferencesWindow *self = (LinPreferencesWindow *)object;

  g_clear_pointer (&self->active_language, g_free);

  G_OBJECT_CLASS (lin_preferences_window_parent_class)->finalize (object);
}

static void
lin_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LinPreferencesWindow *self = LIN_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_ACTIVE_LANGUAGE:
      g_value_set_string (value, self->active_language);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LinPreferencesWindow *self = LIN_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_ACTIVE_LANGUAGE:
      g_free (self->active_language);
      self->active_language = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_preferences_window_class_init (LinPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lin_preferences_window_constructed;
  object_class->dispose = lin_preferences_window_dispose;
  object_class->finalize = lin_preferences_window_finalize;
  object_class->get_property = lin_preferences_window_get_property;
  object_class->set_property = lin_preferences_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LIN_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTIVE_LANGUAGE] =
    g_param_spec_string ("active-language", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lin-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LinPreferencesWindow, language_row);
  gtk_widget_class_bind_template_callback (widget_class, language_selected_cb);
}

static void
lin_preferences_window_init (LinPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LinPreferencesWindow *
lin_preferences_window_new (LinContext *context,
                            const char *active_language)
{
  g_return_val_if_fail (LIN_IS_CONTEXT (context), NULL);

  return g_object_new (LIN_TYPE_PREFERENCES_WINDOW,
                       "context", context,
                       "active-language", active_language != NULL ? active_language : "",
                       NULL);
}
