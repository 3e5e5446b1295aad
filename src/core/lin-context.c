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
#include <string.h>
#include <glib/gstdio.h>

#include "lin-call.h"
#include "lin-context-private.h"
#include "lin-demo.h"
#include "lin-directory.h"
#include "lin-i18n.h"


G_DEFINE_FINAL_TYPE (LinContext, lin_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_DEMO,
  PROP_DATA_DIR,
  PROP_LANGUAGE,
  PROP_LOCKED,
  PROP_SYNC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DIRECTORY_CHANGED,
  ROSTER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static gboolean
directory_changed_idle_cb (gpointer user_data)
{
  LinContext *self = user_data;

  self->directory_idle = 0;
  g_signal_emit (self, signals[DIRECTORY_CHANGED], 0);

  return G_SOURCE_REMOVE;
}

/* The index goes at once (a search builds it anew); the signal waits for
 * the main loop, so that an import of a thousand services rebuilds it once */
static void
directory_changed (LinContext *self)
{
  g_clear_pointer (&self->directory, lin_directory_free);
  if (self->directory_idle == 0)
    self->directory_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, directory_changed_idle_cb, self, NULL);
}

static gboolean
roster_changed_idle_cb (gpointer user_data)
{
  LinContext *self = user_data;

  self->roster_idle = 0;
  g_signal_emit (self, signals[ROSTER_CHANGED], 0);

  return G_SOURCE_REMOVE;
}

/* As the directory: a month made from a template is one rebuild; before
 * the next frame (GTK draws at G_PRIORITY_HIGH_IDLE + 20), so that the
 * change shows in it */
static void
roster_changed (LinContext *self)
{
  g_clear_pointer (&self->roster, lin_roster_unref);
  if (self->roster_idle == 0)
    self->roster_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, roster_changed_idle_cb, self, NULL);
}

static void
record_changed_cb (LinContext *self,
                   LinRecord  *record,
                   LinStore   *store)
{
  if (g_strcmp0 (lin_record_get_kind (record), LIN_SERVICE_KIND) == 0)
    directory_changed (self);
  else if (lin_roster_takes_kind (lin_record_get_kind (record)))
    roster_changed (self);
}

static void
language_changed_cb (LinContext *self,
                     const char *key,
                     GSettings  *settings)
{
  /* the directory's index holds the service types' names in the language */
  if (self->directory != NULL)
    directory_changed (self);
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
  g_clear_pointer (&self->profile_dir, g_free);

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

    case PROP_LOCKED:
      g_value_set_boolean (value, lin_context_get_locked (self));
      break;

    case PROP_SYNC:
      g_value_set_object (value, self->sync);
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

  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SYNC] =
    g_param_spec_object ("sync", NULL, NULL,
                         LIN_TYPE_SYNC,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LinContext::directory-changed:
   *
   * A service of the directory was added, changed or deleted, or the
   * language changed: searches give other results now.
   */
  signals[DIRECTORY_CHANGED] =
    g_signal_new ("directory-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * LinContext::roster-changed:
   *
   * A person, line, shift or assignment was added, changed or deleted:
   * lin_context_get_roster() gives the roster anew.
   */
  signals[ROSTER_CHANGED] =
    g_signal_new ("roster-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
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

  lin_context_lock (self);

  if (self->settings != NULL)
    g_settings_sync ();

  if (self->demo && self->data_dir != NULL && g_file_test (self->data_dir, G_FILE_TEST_EXISTS))
    remove_tree (self->data_dir);
}

/**
 * lin_context_list_profiles:
 * @self: a #LinContext
 * @error: a location for a #GError
 *
 * Returns: (transfer container) (element-type LinProfileInfo): the
 *   profiles on this computer, by name
 */
GPtrArray *
lin_context_list_profiles (LinContext  *self,
                           GError     **error)
{
  g_return_val_if_fail (LIN_IS_CONTEXT (self), NULL);

  return lin_profile_list (self->data_dir, error);
}

typedef struct
{
  char *dir;
  char *name;
  char *passphrase;
} TaskData;

static void
task_data_free (TaskData *data)
{
  g_free (data->dir);
  g_free (data->name);
  if (data->passphrase != NULL)
    {
      memset (data->passphrase, 0, strlen (data->passphrase));
      g_free (data->passphrase);
    }
  g_free (data);
}

static void
create_profile_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(GError) error = NULL;
  char *path;

  path = lin_profile_create (data->dir, data->name, data->passphrase, NULL, &error);
  if (path == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, path, g_free);
}

/**
 * lin_context_create_profile_async:
 * @self: a #LinContext
 * @name: the profile's name
 * @passphrase: its passphrase
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Creates a profile in a thread: calibrating Argon2id takes a few seconds.
 */
void
lin_context_create_profile_async (LinContext          *self,
                                  const char          *name,
                                  const char          *passphrase,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (LIN_IS_CONTEXT (self));

  data = g_new0 (TaskData, 1);
  data->dir = g_strdup (self->data_dir);
  data->name = g_strdup (name);
  data->passphrase = g_strdup (passphrase);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lin_context_create_profile_async);
  g_task_set_task_data (task, data, (GDestroyNotify)task_data_free);
  g_task_run_in_thread (task, create_profile_thread);
}

/**
 * lin_context_create_profile_finish:
 * @self: a #LinContext
 * @result: the result
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the new profile's folder, or %NULL
 */
char *
lin_context_create_profile_finish (LinContext    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
unlock_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(GError) error = NULL;
  LinStore *store;

  store = lin_profile_unlock (data->dir, data->passphrase, &error);
  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
set_store (LinContext *self,
           LinStore   *store,
           const char *profile_dir)
{
  lin_context_lock (self);

  self->store = store;
  self->profile_dir = g_strdup (profile_dir);
  g_signal_connect_object (store, "record-changed", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
  lin_context_start_sync (self, LIN_SYNC_REASON_UNLOCK);
}

/**
 * lin_context_unlock_async:
 * @self: a #LinContext
 * @profile_dir: the profile's folder
 * @passphrase: its passphrase
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Unlocks a profile in a thread (Argon2id takes about a second) and loads
 * its working set.
 */
void
lin_context_unlock_async (LinContext          *self,
                          const char          *profile_dir,
                          const char          *passphrase,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (LIN_IS_CONTEXT (self));
  g_return_if_fail (profile_dir != NULL);
  g_return_if_fail (passphrase != NULL);

  data = g_new0 (TaskData, 1);
  data->dir = g_strdup (profile_dir);
  data->passphrase = g_strdup (passphrase);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lin_context_unlock_async);
  g_task_set_task_data (task, data, (GDestroyNotify)task_data_free);
  g_task_run_in_thread (task, unlock_thread);
}

/**
 * lin_context_unlock_finish:
 * @self: a #LinContext
 * @result: the result
 * @error: a location for a #GError
 *
 * Returns: %TRUE when the profile is now unlocked
 */
gboolean
lin_context_unlock_finish (LinContext    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  LinStore *store;
  TaskData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  store = g_task_propagate_pointer (G_TASK (result), error);
  if (store == NULL)
    return FALSE;

  set_store (self, store, data->dir);

  return TRUE;
}

/**
 * lin_context_unlock:
 * @self: a #LinContext
 * @profile_dir: the profile's folder
 * @passphrase: its passphrase
 * @error: a location for a #GError
 *
 * The same as lin_context_unlock_async(), blocking.
 *
 * Returns: %TRUE when the profile is now unlocked
 */
gboolean
lin_context_unlock (LinContext  *self,
                    const char  *profile_dir,
                    const char  *passphrase,
                    GError     **error)
{
  LinStore *store;

  g_return_val_if_fail (LIN_IS_CONTEXT (self), FALSE);

  store = lin_profile_unlock (profile_dir, passphrase, error);
  if (store == NULL)
    return FALSE;

  set_store (self, store, profile_dir);

  return TRUE;
}

/**
 * lin_context_lock:
 * @self: a #LinContext
 *
 * Checkpoints and closes the store, wipes the keys and drops the working
 * set. Widgets listen to #LinContext:locked and clear what they show.
 */
void
lin_context_lock (LinContext *self)
{
  g_return_if_fail (LIN_IS_CONTEXT (self));

  if (self->store == NULL)
    return;

  g_clear_pointer (&self->directory, lin_directory_free);
  g_clear_handle_id (&self->directory_idle, g_source_remove);
  g_clear_pointer (&self->roster, lin_roster_unref);
  g_clear_handle_id (&self->roster_idle, g_source_remove);
  lin_context_stop_sync (self);
  g_signal_handlers_disconnect_by_func (self->store, record_changed_cb, self);
  lin_store_close (self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->profile_dir, g_free);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

void
lin_context_notify_sync (LinContext *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC]);
}

gboolean
lin_context_get_locked (LinContext *self)
{
  g_return_val_if_fail (LIN_IS_CONTEXT (self), TRUE);

  return self->store == NULL;
}

/**
 * lin_context_get_store:
 * @self: a #LinContext
 *
 * Returns: (transfer none) (nullable): the open store, %NULL when locked
 */
LinStore *
lin_context_get_store (LinContext *self)
{
  g_return_val_if_fail (LIN_IS_CONTEXT (self), NULL);

  return self->store;
}

/**
 * lin_context_get_directory:
 * @self: a #LinContext
 *
 * The referral directory's index over the services of the open profile,
 * built when first asked for after an unlock or a change of a service
 * (#LinContext::directory-changed says so).
 *
 * Returns: (transfer none) (nullable): the directory, %NULL when locked
 */
LinDirectory *
lin_context_get_directory (LinContext *self)
{
  g_return_val_if_fail (LIN_IS_CONTEXT (self), NULL);

  if (self->store == NULL)
    return NULL;

  if (self->directory == NULL)
    {
      g_autoptr(GPtrArray) services = lin_store_list (self->store, LIN_SERVICE_KIND);

      self->directory = lin_directory_new (services);
    }

  return self->directory;
}

/**
 * lin_context_get_roster:
 * @self: a #LinContext
 *
 * The roster of the open profile: its people, lines, shifts and
 * assignments, built when first asked for after an unlock or a change
 * (#LinContext::roster-changed says so).
 *
 * Returns: (transfer none) (nullable): the roster, %NULL when locked; a
 *   widget that shows it takes a reference (lin_roster_ref()): the
 *   context lets it go at the next change
 */
LinRoster *
lin_context_get_roster (LinContext *self)
{
  static const char * const kinds[] = { LIN_PERSON_KIND, LIN_LINE_KIND, LIN_SHIFT_KIND, LIN_ASSIGNMENT_KIND };

  g_return_val_if_fail (LIN_IS_CONTEXT (self), NULL);

  if (self->store == NULL)
    return NULL;

  if (self->roster == NULL)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        {
          g_autoptr(GPtrArray) some = lin_store_list (self->store, kinds[i]);

          for (guint r = 0; r < some->len; r++)
            g_ptr_array_add (records, g_object_ref (g_ptr_array_index (some, r)));
        }
      self->roster = lin_roster_new (records);
    }

  return self->roster;
}

/**
 * lin_context_get_profile_dir:
 * @self: a #LinContext
 *
 * Returns: (nullable): the unlocked profile's folder
 */
const char *
lin_context_get_profile_dir (LinContext *self)
{
  g_return_val_if_fail (LIN_IS_CONTEXT (self), NULL);

  return self->profile_dir;
}

/**
 * lin_context_dup_profile_name:
 * @self: a #LinContext
 *
 * Returns: (transfer full) (nullable): the unlocked profile's name
 */
char *
lin_context_dup_profile_name (LinContext *self)
{
  g_return_val_if_fail (LIN_IS_CONTEXT (self), NULL);

  if (self->store == NULL || lin_store_get_vault (self->store) == NULL)
    return NULL;

  return g_strdup (lin_vault_get_name (lin_store_get_vault (self->store)));
}

/**
 * lin_context_change_passphrase:
 * @self: an unlocked #LinContext
 * @old_passphrase: the current passphrase, checked first
 * @new_passphrase: the new one, at least 10 characters
 * @error: a location for a #GError
 *
 * Returns: %TRUE when vault.hdr now opens with @new_passphrase only
 */
gboolean
lin_context_change_passphrase (LinContext  *self,
                               const char  *old_passphrase,
                               const char  *new_passphrase,
                               GError     **error)
{
  g_autofree char *header = NULL;
  g_autoptr(LinVault) check = NULL;

  g_return_val_if_fail (LIN_IS_CONTEXT (self), FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_LOCKED,
                           "The profile is locked");
      return FALSE;
    }

  if (lin_passphrase_strength (new_passphrase) == LIN_PASSPHRASE_TOO_SHORT)
    {
      g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_WEAK_PASSPHRASE,
                   "A passphrase needs at least %d characters", LIN_PASSPHRASE_MIN_CHARS);
      return FALSE;
    }

  header = g_build_filename (self->profile_dir, LIN_HEADER_FILE, NULL);
  check = lin_vault_unlock (header, old_passphrase, error);
  if (check == NULL)
    return FALSE;

  return lin_vault_change_passphrase (lin_store_get_vault (self->store), new_passphrase, NULL, error);
}

/**
 * lin_context_open_demo:
 * @self: a #LinContext on a demo profile
 * @error: a location for a #GError
 *
 * Creates the throw-away demo profile (fictional data only), unlocks it,
 * so that `--demo` needs no passphrase, and fills it with fictional calls
 * (lin_demo_add_calls()), a fictional directory
 * (lin_demo_add_services()) and this month's fictional roster
 * (lin_demo_add_roster()).
 *
 * Returns: %TRUE on success
 */
gboolean
lin_context_open_demo (LinContext  *self,
                       GError     **error)
{
  static const char passphrase[] = "demo profile, fictional data";
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *path = NULL;
  LinKdfParams kdf;
  GDate month;

  g_return_val_if_fail (LIN_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (self->demo, FALSE);

  lin_kdf_params_floor (&kdf);
  path = lin_profile_create (self->data_dir, "Demo", passphrase, &kdf, error);
  if (path == NULL)
    return FALSE;

  if (!lin_context_unlock (self, path, passphrase, error))
    return FALSE;

  /* the same fictional calls every time, up to now, a fictional
   * directory to refer them to, and this month's fictional roster */
  now = g_date_time_new_now (lin_call_get_time_zone ());
  g_date_set_dmy (&month, 1, g_date_time_get_month (now), g_date_time_get_year (now));
  return lin_demo_add_calls (self->store, LIN_DEMO_N_CALLS, LIN_DEMO_SEED, now, error) &&
         lin_demo_add_services (self->store, LIN_DEMO_SEED, error) &&
         lin_demo_add_roster (self->store, LIN_DEMO_SEED, &month, error);
}
