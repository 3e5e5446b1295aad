/* lin-unlock-page.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The only thing a locked Linija shows: a neutral prompt for the
 * passphrase, and a choice of profile when several counsellors share the
 * computer. Argon2id runs in a thread (about a second) behind a spinner.
 * After the third wrong passphrase in a row each further try waits, 2 s,
 * then 4, 8, … up to a minute; a wrong passphrase changes nothing on disk.
 */

#define G_LOG_DOMAIN "lin-unlock-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-unlock-page.h"

#define FREE_TRIES 2
#define FIRST_WAIT 2
#define MAX_WAIT   60

struct _LinUnlockPage
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkWidget        *profile_box;
  AdwComboRow      *profile_row;
  GtkPasswordEntry *passphrase_entry;
  GtkLabel         *message_label;
  GtkButton        *unlock_button;
  GtkWidget        *progress_box;
  GtkSpinner       *spinner;

  /* Owned */
  LinContext       *context;
  GPtrArray        *profiles;
  GCancellable     *cancellable;

  guint             failures;
  gint64            retry_at;
  guint             countdown_id;
  gboolean          busy;
};

G_DEFINE_FINAL_TYPE (LinUnlockPage, lin_unlock_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_BUSY,
  N_PROPS
};

enum {
  CREATE_PROFILE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
selected_profile (LinUnlockPage *self)
{
  guint selected = adw_combo_row_get_selected (self->profile_row);
  LinProfileInfo *info;

  if (self->profiles == NULL || selected >= self->profiles->len)
    return NULL;

  info = g_ptr_array_index (self->profiles, selected);

  return info->path;
}

static void
update (LinUnlockPage *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));
  gboolean waiting = self->countdown_id != 0;
  /* a lock still waiting for vault work in a thread: unlock afterwards */
  gboolean locked = self->context == NULL || lin_context_get_locked (self->context);

  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_button),
                            !self->busy && !waiting && locked &&
                            passphrase[0] != '\0' && selected_profile (self) != NULL);
  /* not insensitive: the entry keeps the keyboard focus */
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_entry), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->profile_row), !self->busy);
}

static void
set_busy (LinUnlockPage *self,
          gboolean       busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_visible (self->progress_box, busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  if (busy)
    gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_message (LinUnlockPage *self,
              const char    *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
stop_countdown (LinUnlockPage *self)
{
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  self->retry_at = 0;
  gtk_button_set_label (self->unlock_button, _("_Unlock"));
}

static gboolean
countdown_cb (gpointer user_data)
{
  LinUnlockPage *self = user_data;
  gint64 left = self->retry_at - g_get_monotonic_time ();
  guint seconds;
  g_autofree char *label = NULL;

  if (left <= 0)
    {
      self->countdown_id = 0;
      stop_countdown (self);
      update (self);
      return G_SOURCE_REMOVE;
    }

  seconds = (guint)((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  /* Translators: on the Unlock button after several wrong passphrases */
  label = g_strdup_printf (g_dngettext (NULL, "Try Again in %u Second", "Try Again in %u Seconds", seconds),
                           seconds);
  gtk_button_set_label (self->unlock_button, label);

  return G_SOURCE_CONTINUE;
}

static void
start_countdown (LinUnlockPage *self,
                 guint          seconds)
{
  g_clear_handle_id (&self->countdown_id, g_source_remove);

  self->retry_at = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  self->countdown_id = g_timeout_add (250, countdown_cb, self);
  countdown_cb (self);
  update (self);
}

static const char *
message_for_error (const GError *error)
{
  if (error->domain == LIN_VAULT_ERROR)
    {
      switch (error->code)
        {
        case LIN_VAULT_ERROR_WRONG_PASSPHRASE:
          return _("Wrong passphrase. Try again.");

        case LIN_VAULT_ERROR_PERMISSIONS:
          return _("Other users of this computer could open this profile’s folder. "
                   "Linija opens it once the folder is private again.");

        case LIN_VAULT_ERROR_NOT_FOUND:
          return _("This profile is no longer on this computer.");

        case LIN_VAULT_ERROR_UNSUPPORTED:
          return _("This profile was made by a newer version of Linija. Update Linija to open it.");

        case LIN_VAULT_ERROR_DAMAGED:
        case LIN_VAULT_ERROR_TAMPERED:
        case LIN_VAULT_ERROR_WEAK_KDF:
          return _("This profile’s files are damaged or were changed outside Linija. "
                   "Restore it from a backup.");

        default:
          break;
        }
    }

  return _("The profile could not be opened. Try again.");
}

static void
unlock_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LinUnlockPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean unlocked;

  unlocked = lin_context_unlock_finish (LIN_CONTEXT (object), result, &error);

  /* the window went meanwhile */
  if (self->context == NULL)
    return;

  if (unlocked)
    {
      self->failures = 0;
      g_settings_set_string (lin_context_get_settings (self->context), "last-profile",
                             lin_context_get_profile_dir (self->context));
      gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
      show_message (self, NULL);
      set_busy (self, FALSE);
      return;
    }

  set_busy (self, FALSE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_debug ("Unlocking failed (%s, %d)", g_quark_to_string (error->domain), error->code);

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  show_message (self, message_for_error (error));

  if (g_error_matches (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_WRONG_PASSPHRASE))
    {
      self->failures++;
      if (self->failures > FREE_TRIES)
        start_countdown (self, lin_unlock_page_get_wait (self));
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
}

static void
unlock_clicked_cb (LinUnlockPage *self)
{
  const char *path = selected_profile (self);
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));

  if (self->busy || self->countdown_id != 0 || self->context == NULL || path == NULL ||
      passphrase[0] == '\0' || !lin_context_get_locked (self->context))
    return;

  set_busy (self, TRUE);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  lin_context_unlock_async (self->context, path, passphrase, self->cancellable,
                            unlock_cb, g_object_ref (self));
}

static void
changed_cb (LinUnlockPage *self)
{
  update (self);
}

static void
profile_selected_cb (LinUnlockPage *self)
{
  update (self);
}

static void
create_clicked_cb (LinUnlockPage *self)
{
  g_signal_emit (self, signals[CREATE_PROFILE], 0);
}

static void
locked_changed_cb (LinUnlockPage *self)
{
  update (self);
}

static void
lin_unlock_page_dispose (GObject *object)
{
  LinUnlockPage *self = (LinUnlockPage *)object;

  lin_unlock_page_cancel (self);
  g_clear_handle_id (&self->countdown_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIN_TYPE_UNLOCK_PAGE);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);

  G_OBJECT_CLASS (lin_unlock_page_parent_class)->dispose (object);
}

static void
lin_unlock_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LinUnlockPage *self = LIN_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, lin_unlock_page_get_context (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, lin_unlock_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_unlock_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LinUnlockPage *self = LIN_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      lin_unlock_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_unlock_page_class_init (LinUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_unlock_page_dispose;
  object_class->get_property = lin_unlock_page_get_property;
  object_class->set_property = lin_unlock_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LIN_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LinUnlockPage::create-profile:
   *
   * The counsellor asked to create another profile.
   */
  signals[CREATE_PROFILE] =
    g_signal_new ("create-profile",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lin-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LinUnlockPage, profile_box);
  gtk_widget_class_bind_template_child (widget_class, LinUnlockPage, profile_row);
  gtk_widget_class_bind_template_child (widget_class, LinUnlockPage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, LinUnlockPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, LinUnlockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, LinUnlockPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, LinUnlockPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, profile_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, unlock_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
}

static void
lin_unlock_page_init (LinUnlockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update (self);
}

LinContext *
lin_unlock_page_get_context (LinUnlockPage *self)
{
  g_return_val_if_fail (LIN_IS_UNLOCK_PAGE (self), NULL);

  return self->context;
}

void
lin_unlock_page_set_context (LinUnlockPage *self,
                             LinContext    *context)
{
  g_return_if_fail (LIN_IS_UNLOCK_PAGE (self));
  g_return_if_fail (context == NULL || LIN_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, locked_changed_cb, self);

  g_set_object (&self->context, context);

  if (self->context != NULL)
    g_signal_connect_object (self->context, "notify::locked",
                             G_CALLBACK (locked_changed_cb), self,
                             G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * lin_unlock_page_reload:
 * @self: a #LinUnlockPage
 *
 * Lists the profiles afresh, offers the one unlocked last, and empties
 * the passphrase entry.
 *
 * Returns: how many profiles there are
 */
guint
lin_unlock_page_reload (LinUnlockPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  guint selected = 0;

  g_return_val_if_fail (LIN_IS_UNLOCK_PAGE (self), 0);

  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  if (self->context != NULL)
    {
      self->profiles = lin_context_list_profiles (self->context, &error);
      if (self->profiles == NULL)
        g_warning ("The profiles could not be listed: %s", error->message);
      last = g_settings_get_string (lin_context_get_settings (self->context), "last-profile");
    }
  if (self->profiles == NULL)
    self->profiles = g_ptr_array_new ();

  for (guint i = 0; i < self->profiles->len; i++)
    {
      LinProfileInfo *info = g_ptr_array_index (self->profiles, i);

      if (info->name != NULL && info->name[0] != '\0')
        gtk_string_list_append (names, info->name);
      else
        /* Translators: in the list of profiles, for one whose name cannot be read */
        gtk_string_list_append (names, _("Unnamed profile"));

      if (g_strcmp0 (info->path, last) == 0)
        selected = i;
    }

  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->profile_row, selected);

  /* one profile: nothing to choose, and no name shown */
  gtk_widget_set_visible (self->profile_box, self->profiles->len > 1);

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  if (self->countdown_id == 0)
    show_message (self, NULL);
  update (self);

  return self->profiles->len;
}

/**
 * lin_unlock_page_cancel:
 * @self: a #LinUnlockPage
 *
 * Abandons an unlock under way (on lock or quick hide) and empties the
 * passphrase entry.
 */
void
lin_unlock_page_cancel (LinUnlockPage *self)
{
  g_return_if_fail (LIN_IS_UNLOCK_PAGE (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  if (self->passphrase_entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
}

void
lin_unlock_page_focus (LinUnlockPage *self)
{
  g_return_if_fail (LIN_IS_UNLOCK_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
}

/**
 * lin_unlock_page_get_busy:
 * @self: a #LinUnlockPage
 *
 * Returns: whether an unlock is under way
 */
gboolean
lin_unlock_page_get_busy (LinUnlockPage *self)
{
  g_return_val_if_fail (LIN_IS_UNLOCK_PAGE (self), FALSE);

  return self->busy;
}

/**
 * lin_unlock_page_get_failures:
 * @self: a #LinUnlockPage
 *
 * Returns: the wrong passphrases in a row
 */
guint
lin_unlock_page_get_failures (LinUnlockPage *self)
{
  g_return_val_if_fail (LIN_IS_UNLOCK_PAGE (self), 0);

  return self->failures;
}

/**
 * lin_unlock_page_get_wait:
 * @self: a #LinUnlockPage
 *
 * Returns: the seconds the next try waits after as many wrong passphrases
 *   as now: 0 for the first two, then 2, 4, 8, … up to 60
 */
guint
lin_unlock_page_get_wait (LinUnlockPage *self)
{
  guint wait = FIRST_WAIT;

  g_return_val_if_fail (LIN_IS_UNLOCK_PAGE (self), 0);

  if (self->failures <= FREE_TRIES)
    return 0;

  for (guint i = FREE_TRIES + 1; i < self->failures && wait < MAX_WAIT; i++)
    wait *= 2;

  return MIN (wait, MAX_WAIT);
}
