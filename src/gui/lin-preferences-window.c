/* lin-preferences-window.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lin-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-change-passphrase-page.h"
#include "lin-i18n.h"
#include "lin-preferences-window.h"
#include "lin-sync-devices-group.h"
#include "lin-sync-members-group.h"
#include "lin-sync-org-group.h"

struct _LinPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *language_row;
  GtkWidget            *security_group;
  AdwComboRow          *lock_after_row;
  AdwComboRow          *quick_hide_row;
  GtkSpinButton        *day_start_spin;

  /* Owned */
  LinContext           *context;
  char                 *active_language;
  GArray               *lock_after_minutes;
  GPtrArray            *quick_hide_accels;

  gboolean              populating;

  /* Borrowed */
  AdwToast             *restart_toast;
  GtkWidget            *organisation_page;
  GtkWidget            *organisation_group;
};

G_DEFINE_FINAL_TYPE (LinPreferencesWindow, lin_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_ACTIVE_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The choices offered; a value set otherwise (gsettings) is added to them */
static const guint lock_after_choices[] = { 1, 2, 5, 10, 15, 30, 60, 0 };
static const char * const quick_hide_choices[] = {
  "<Shift>Escape",
  "<Control><Shift>h",
  "F12",
  "Pause",
};

static char *
describe_minutes (guint minutes)
{
  if (minutes == 0)
    /* Translators: Lock After: never lock on its own */
    return g_strdup (C_("lock after", "Never"));

  if (minutes % 60 == 0)
    return g_strdup_printf (g_dngettext (NULL, "%u hour", "%u hours", minutes / 60), minutes / 60);

  return g_strdup_printf (g_dngettext (NULL, "%u minute", "%u minutes", minutes), minutes);
}

static int
compare_minutes (gconstpointer a,
                 gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  /* "Never" last */
  if (x == 0 || y == 0)
    return (x == 0) - (y == 0);

  return (x > y) - (x < y);
}

static void
populate_lock_after (LinPreferencesWindow *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GSettings *settings = lin_context_get_settings (self->context);
  guint current = g_settings_get_uint (settings, "auto-lock-minutes");
  gboolean found = FALSE;
  guint selected = 0;

  g_array_set_size (self->lock_after_minutes, 0);
  for (guint i = 0; i < G_N_ELEMENTS (lock_after_choices); i++)
    {
      g_array_append_val (self->lock_after_minutes, lock_after_choices[i]);
      found |= lock_after_choices[i] == current;
    }
  if (!found)
    {
      g_array_append_val (self->lock_after_minutes, current);
      g_array_sort (self->lock_after_minutes, compare_minutes);
    }

  for (guint i = 0; i < self->lock_after_minutes->len; i++)
    {
      guint minutes = g_array_index (self->lock_after_minutes, guint, i);
      g_autofree char *label = describe_minutes (minutes);

      gtk_string_list_append (model, label);
      if (minutes == current)
        selected = i;
    }

  self->populating = TRUE;
  adw_combo_row_set_model (self->lock_after_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->lock_after_row, selected);
  self->populating = FALSE;
}

static void
populate_quick_hide (LinPreferencesWindow *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  GSettings *settings = lin_context_get_settings (self->context);
  g_autofree char *current = g_settings_get_string (settings, "quick-hide-shortcut");
  guint current_key = 0, selected = 0;
  GdkModifierType current_mods = 0;
  gboolean found = FALSE;

  if (!gtk_accelerator_parse (current, &current_key, &current_mods))
    current_key = 0;

  g_ptr_array_set_size (self->quick_hide_accels, 0);
  for (guint i = 0; i < G_N_ELEMENTS (quick_hide_choices); i++)
    g_ptr_array_add (self->quick_hide_accels, g_strdup (quick_hide_choices[i]));

  for (guint i = 0; i < self->quick_hide_accels->len; i++)
    {
      guint key = 0;
      GdkModifierType mods = 0;

      gtk_accelerator_parse (g_ptr_array_index (self->quick_hide_accels, i), &key, &mods);
      if (current_key != 0 && key == current_key && mods == current_mods)
        {
          selected = i;
          found = TRUE;
        }
    }
  if (!found && current_key != 0)
    {
      g_ptr_array_add (self->quick_hide_accels, g_strdup (current));
      selected = self->quick_hide_accels->len - 1;
    }

  for (guint i = 0; i < self->quick_hide_accels->len; i++)
    {
      guint key = 0;
      GdkModifierType mods = 0;
      g_autofree char *label = NULL;

      gtk_accelerator_parse (g_ptr_array_index (self->quick_hide_accels, i), &key, &mods);
      /* GTK names the keys in the user's language */
      label = gtk_accelerator_get_label (key, mods);
      gtk_string_list_append (model, label);
    }

  self->populating = TRUE;
  adw_combo_row_set_model (self->quick_hide_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->quick_hide_row, selected);
  self->populating = FALSE;
}

static void
lock_after_selected_cb (LinPreferencesWindow *self,
                        GParamSpec           *pspec,
                        AdwComboRow          *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->context == NULL || self->populating || selected >= self->lock_after_minutes->len)
    return;

  /* the row shows the new value already: no need to rebuild it */
  self->populating = TRUE;
  g_settings_set_uint (lin_context_get_settings (self->context), "auto-lock-minutes",
                       g_array_index (self->lock_after_minutes, guint, selected));
  self->populating = FALSE;
}

static void
quick_hide_selected_cb (LinPreferencesWindow *self,
                        GParamSpec           *pspec,
                        AdwComboRow          *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->context == NULL || self->populating || selected >= self->quick_hide_accels->len)
    return;

  self->populating = TRUE;
  g_settings_set_string (lin_context_get_settings (self->context), "quick-hide-shortcut",
                         g_ptr_array_index (self->quick_hide_accels, selected));
  self->populating = FALSE;
}

static void
change_passphrase_activated_cb (LinPreferencesWindow *self)
{
  lin_preferences_window_show_change_passphrase (self);
}

static void
settings_changed_cb (LinPreferencesWindow *self,
                     const char           *key,
                     GSettings            *settings)
{
  if (self->populating)
    return;

  if (g_str_equal (key, "auto-lock-minutes"))
    populate_lock_after (self);
  else if (g_str_equal (key, "quick-hide-shortcut"))
    populate_quick_hide (self);
}

static void
locked_changed_cb (LinPreferencesWindow *self)
{
  gboolean locked = lin_context_get_locked (self->context);

  /* nothing of the profile's security while no profile is open */
  gtk_widget_set_visible (self->security_group, !locked);
  gtk_widget_set_sensitive (self->security_group, !locked);
  if (locked)
    adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
}

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
  GtkWidget *devices, *members;

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

  populate_lock_after (self);
  populate_quick_hide (self);
  g_settings_bind (lin_context_get_settings (self->context), "roster-day-start",
                   gtk_spin_button_get_adjustment (self->day_start_spin), "value", G_SETTINGS_BIND_DEFAULT);

  /* Organisation: enrolling this laptop, and the coordinator's approvals */
  self->organisation_page = adw_preferences_page_new ();
  gtk_widget_set_name (self->organisation_page, "organisation-page");
  /* Translators: a page of Preferences: the organisation this laptop syncs with */
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self->organisation_page), _("Organisation"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self->organisation_page), "network-workgroup-symbolic");
  self->organisation_group = lin_sync_org_group_new (self->context);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->organisation_page),
                            ADW_PREFERENCES_GROUP (self->organisation_group));
  devices = lin_sync_devices_group_new (self->context);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->organisation_page), ADW_PREFERENCES_GROUP (devices));
  members = lin_sync_members_group_new (self->context);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->organisation_page), ADW_PREFERENCES_GROUP (members));
  /* one approved is one more to list */
  g_signal_connect_object (devices, "approved", G_CALLBACK (lin_sync_device_list_refresh), members,
                           G_CONNECT_SWAPPED);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->organisation_page));

  g_signal_connect_object (lin_context_get_settings (self->context), "changed",
                           G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::locked",
                           G_CALLBACK (locked_changed_cb), self,
                           G_CONNECT_SWAPPED);
  locked_changed_cb (self);
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
  g_clear_pointer (&self->lock_after_minutes, g_array_unref);
  g_clear_pointer (&self->quick_hide_accels, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, LinPreferencesWindow, security_group);
  gtk_widget_class_bind_template_child (widget_class, LinPreferencesWindow, lock_after_row);
  gtk_widget_class_bind_template_child (widget_class, LinPreferencesWindow, quick_hide_row);
  gtk_widget_class_bind_template_child (widget_class, LinPreferencesWindow, day_start_spin);
  gtk_widget_class_bind_template_callback (widget_class, language_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, lock_after_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, quick_hide_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_passphrase_activated_cb);
}

static void
lin_preferences_window_init (LinPreferencesWindow *self)
{
  self->lock_after_minutes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->quick_hide_accels = g_ptr_array_new_with_free_func (g_free);

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

/**
 * lin_preferences_window_show_change_passphrase:
 * @self: a #LinPreferencesWindow
 *
 * Opens Security › Change Passphrase, when a profile is unlocked.
 *
 * Returns: (transfer none) (nullable): the page, or %NULL when locked
 */
GtkWidget *
lin_preferences_window_show_change_passphrase (LinPreferencesWindow *self)
{
  GtkWidget *page;

  g_return_val_if_fail (LIN_IS_PREFERENCES_WINDOW (self), NULL);

  if (lin_context_get_locked (self->context))
    return NULL;

  page = lin_change_passphrase_page_new (self->context);
  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self), page);

  return page;
}

/**
 * lin_preferences_window_show_organisation:
 * @self: a #LinPreferencesWindow
 *
 * Turns to the Organisation page.
 *
 * Returns: (transfer none): its #LinSyncOrgGroup
 */
GtkWidget *
lin_preferences_window_show_organisation (LinPreferencesWindow *self)
{
  g_return_val_if_fail (LIN_IS_PREFERENCES_WINDOW (self), NULL);

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                           ADW_PREFERENCES_PAGE (self->organisation_page));

  return self->organisation_group;
}
