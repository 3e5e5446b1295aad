/* lin-context.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LinContext is the one object through which widgets reach the core:
 * settings now; the vault, search and sync as they arrive. Widgets hold a
 * reference to it and never open files, databases or keys themselves.
 */

#define G_LOG_DOMAIN "lin-context"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "lin-context.h"
#include "lin-i18n.h"

struct _LinContext
{
  GObject    parent_instance;

  /* Owned */
  GSettings *settings;
  char      *data_dir;

  gboolean   demo;
};

G_DEFINE_FINAL_TYPE (LinContext, lin_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_DEMO,
  PROP_DATA_DIR,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
    }

  if (g_remove (path) != 0 && errno != ENOENT)
    g_warning ("Could not remove a file of the demo profile: %s", g_strerror (errno));
}

static void
language_changed_cb (LinContext *self,
                     const char *key,
                     GSettings  *settings)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

static void
lin_context_constructed (GObject *object)
{
  LinContext *self = (LinContext *)object;

  G_OBJECT_CLASS (lin_context_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  g_signal_connect_object (self->settings,
                           "changed::language",
                           G_CALLBACK (language_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
}

static void
lin_context_dispose (GObject *object)
{
  LinContext *self = (LinContext *)object;

  lin_context_shutdown (self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lin_context_parent_class)->dispose (object);
}

static void
lin_context_finalize (GObject *object)
{
  LinContext *self = (LinContext *)object;

  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (lin_context_parent_class)->finalize (object);
}

static void
lin_context_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LinContext *self = LIN_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, lin_context_get_settings (self));
      break;

    case PROP_DEMO:
      g_value_set_boolean (value, lin_context_get_demo (self));
      break;

    case PROP_DATA_DIR:
      g_value_set_string (value, lin_context_get_data_dir (self));
      break;

    case PROP_LANGUAGE:
      g_value_take_string (value, lin_context_dup_language (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_context_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LinContext *self = LIN_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_DEMO:
      self->demo = g_value_get_boolean (value);
      break;

    case PROP_LANGUAGE:
      lin_context_set_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_context_class_init (LinContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lin_context_constructed;
  object_class->dispose = lin_context_dispose;
  object_class->finalize = lin_context_finalize;
  object_class->get_property = lin_context_get_property;
  object_class->set_property = lin_context_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lin_context_init (LinContext *self)
{
}

/**
 * lin_settings_new:
 * @error: a location for a #GError
 *
 * Opens Linija's settings, or fails with a clear error when the schema is
 * not installed (instead of GSettings' abort).
 *
 * Returns: (transfer full): the settings, or %NULL
 */
GSettings *
lin_settings_new (GError **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "The settings schema %s is not installed; "
                   "start Linija with build-aux/dev run or install it",
                   APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * lin_context_new:
 * @settings: Linija's settings
 * @demo: whether to work on a throw-away demo profile
 * @error: a location for a #GError
 *
 * Returns: (transfer full): a new context, or %NULL with @error set
 */
LinContext *
lin_context_new (GSettings  *settings,
                 gboolean    demo,
                 GError    **error)
{
  g_autoptr(LinContext) self = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LIN_TYPE_CONTEXT,
                       "settings", settings,
                       "demo", demo,
                       NULL);

  if (demo)
    {
      self->data_dir = g_dir_make_tmp ("linija-demo-XXXXXX", error);
      if (self->data_dir == NULL)
        return NULL;
    }
  else
    {
      self->data_dir = g_build_filename (g_get_user_data_dir (), "linija", NULL);
    }

  return g_steal_pointer (&self);
}

GSettings *
lin_context_get_settings (LinContext *self)
{
  g_return_val_if_fail (LIN_IS_CONTEXT (self), NULL);

  return self->settings;
}

gboolean
lin_context_get_demo (LinContext *self)
{
  g_return_val_if_fail (LIN_IS_CONTEXT (self), FALSE);

  return self->demo;
}

/**
 * lin_context_get_data_dir:
 * @self: a #LinContext
 *
 * The folder that holds the profiles: `$XDG_DATA_HOME/linija`, or a
 * temporary folder that is removed at shutdown for the demo profile.
 *
 * Returns: the folder
 */
const char *
lin_context_get_data_dir (LinContext *self)
{
  g_return_val_if_fail (LIN_IS_CONTEXT (self), NULL);

  return self->data_dir;
}

/**
 * lin_context_dup_language:
 * @self: a #LinContext
 *
 * Returns: (transfer full): the language chosen in Preferences, "" for the
 *   system's
 */
char *
lin_context_dup_language (LinContext *self)
{
  g_autofree char *code = NULL;

  g_return_val_if_fail (LIN_IS_CONTEXT (self), NULL);

  code = g_settings_get_string (self->settings, "language");
  if (!lin_i18n_is_known (code))
    return g_strdup ("");

  return g_steal_pointer (&code);
}

/**
 * lin_context_set_language:
 * @self: a #LinContext
 * @code: a code from lin_i18n_get_languages()
 *
 * Stores the language to use from the next start of Linija.
 */
void
lin_context_set_language (LinContext *self,
                          const char *code)
{
  g_autofree char *old = NULL;

  g_return_if_fail (LIN_IS_CONTEXT (self));
  g_return_if_fail (lin_i18n_is_known (code));

  old = lin_context_dup_language (self);
  if (g_str_equal (old, code))
    return;

  /* notifies through changed::language */
  g_settings_set_string (self->settings, "language", code);
}

/**
 * lin_context_shutdown:
 * @self: a #LinContext
 *
 * Writes what is pending and, for the demo profile, removes its folder.
 * Safe to call more than once.
 */
void
lin_context_shutdown (LinContext *self)
{
  g_return_if_fail (LIN_IS_CONTEXT (self));

  if (self->settings != NULL)
    g_settings_sync ();

  if (self->demo && self->data_dir != NULL && g_file_test (self->data_dir, G_FILE_TEST_EXISTS))
    remove_tree (self->data_dir);
}
