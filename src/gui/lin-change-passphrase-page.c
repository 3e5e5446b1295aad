/* lin-change-passphrase-page.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences › Security › Change Passphrase: the current passphrase, the
 * new one twice and its strength. Argon2id runs twice (checking the old
 * passphrase, sealing the key under the new one), a second or two, so the
 * change runs in a thread; meanwhile LinApplication holds any lock back
 * until it is done (lin_application_hold_vault()), so that the vault is
 * never closed under the thread's feet.
 */

#define G_LOG_DOMAIN "lin-change-passphrase-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lin-application.h"
#include "lin-change-passphrase-page.h"
#include "lin-strength-hint.h"

struct _LinChangePassphrasePage
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkPasswordEntry *current_entry;
  GtkPasswordEntry *passphrase_entry;
  GtkPasswordEntry *confirm_entry;
  LinStrengthHint  *strength_hint;
  GtkLabel         *mismatch_label;
  GtkLabel         *status_label;
  GtkButton        *change_button;
  GtkWidget        *progress_box;
  GtkSpinner       *spinner;

  /* Owned */
  LinContext       *context;
  GCancellable     *cancellable;

  gboolean          busy;
};

G_DEFINE_FINAL_TYPE (LinChangePassphrasePage, lin_change_passphrase_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  LinContext     *context;
  LinApplication *application;
  char           *old_passphrase;
  char           *new_passphrase;
} ChangeData;

static void
wipe_string (char *str)
{
  if (str == NULL)
    return;

  explicit_bzero (str, strlen (str));
  g_free (str);
}

/* May run in the worker thread: it only drops references that are not
 * the last ones; the hold on locking is released in change_cb(). */
static void
change_data_free (ChangeData *data)
{
  g_clear_object (&data->application);
  g_clear_object (&data->context);
  wipe_string (data->old_passphrase);
  wipe_string (data->new_passphrase);
  g_free (data);
}

static gboolean
is_valid (LinChangePassphrasePage *self)
{
  const char *current = gtk_editable_get_text (GTK_EDITABLE (self->current_entry));
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_entry));

  return current[0] != '\0' &&
         lin_passphrase_strength (passphrase) != LIN_PASSPHRASE_TOO_SHORT &&
         g_str_equal (passphrase, confirm);
}

static void
update (LinChangePassphrasePage *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_entry));
  gboolean mismatch;

  lin_strength_hint_update (self->strength_hint, passphrase);

  mismatch = lin_passphrase_confirm_wrong (passphrase, confirm);
  gtk_widget_set_visible (GTK_WIDGET (self->mismatch_label), mismatch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->change_button), !self->busy && is_valid (self));
}

static void
set_busy (LinChangePassphrasePage *self,
          gboolean                 busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;

  /* not insensitive: the entry may hold the keyboard focus */
  gtk_editable_set_editable (GTK_EDITABLE (self->current_entry), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_entry), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->confirm_entry), !busy);
  gtk_widget_set_visible (self->progress_box, busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_status (LinChangePassphrasePage *self,
             const char              *message,
             gboolean                 success)
{
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);

  if (success)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
    }
}

static void
clear_entries (LinChangePassphrasePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->current_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_entry), "");
}

static void
change_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ChangeData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (lin_context_change_passphrase (data->context, data->old_passphrase, data->new_passphrase, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
report (LinChangePassphrasePage *self,
        const GError            *error)
{
  set_busy (self, FALSE);

  if (error == NULL)
    {
      clear_entries (self);
      show_status (self, _("Your passphrase has been changed. From now on, unlock with the new one."), TRUE);
      return;
    }

  g_debug ("The passphrase was not changed (%s, %d)", g_quark_to_string (error->domain), error->code);

  if (g_error_matches (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_WRONG_PASSPHRASE))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->current_entry), "");
      show_status (self, _("The current passphrase is not right. Nothing was changed."), FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->current_entry));
    }
  else if (g_error_matches (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_LOCKED))
    {
      clear_entries (self);
      show_status (self, _("The profile was locked. Nothing was changed."), FALSE);
    }
  else
    {
      show_status (self, _("The passphrase could not be changed. Nothing was changed."), FALSE);
    }
}

static void
change_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  LinChangePassphrasePage *self = LIN_CHANGE_PASSPHRASE_PAGE (object);
  ChangeData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);

  /* The page may be gone with a Preferences window closed by a lock. */
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    report (self, error);

  /* The thread is done with the vault: a lock asked for meanwhile happens
   * now (and may close the window of this page: nothing after this). */
  if (data->application != NULL)
    lin_application_release_vault (data->application);
}

static void
change_clicked_cb (LinChangePassphrasePage *self)
{
  g_autoptr(GTask) task = NULL;
  GtkRoot *root;
  ChangeData *data;

  if (self->busy || self->context == NULL || !is_valid (self))
    return;

  if (lin_context_get_locked (self->context))
    {
      clear_entries (self);
      show_status (self, _("The profile was locked. Nothing was changed."), FALSE);
      return;
    }

  data = g_new0 (ChangeData, 1);
  data->context = g_object_ref (self->context);
  data->old_passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->current_entry)));
  data->new_passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry)));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root) && LIN_IS_APPLICATION (gtk_window_get_application (GTK_WINDOW (root))))
    {
      data->application = g_object_ref (LIN_APPLICATION (gtk_window_get_application (GTK_WINDOW (root))));
      lin_application_hold_vault (data->application);
    }

  show_status (self, NULL, FALSE);
  set_busy (self, TRUE);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  task = g_task_new (self, self->cancellable, change_cb, NULL);
  g_task_set_source_tag (task, change_clicked_cb);
  g_task_set_task_data (task, data, (GDestroyNotify)change_data_free);
  g_task_run_in_thread (task, change_thread);
}

static void
changed_cb (LinChangePassphrasePage *self)
{
  update (self);
}

static void
current_activate_cb (LinChangePassphrasePage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
}

static void
passphrase_activate_cb (LinChangePassphrasePage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->confirm_entry));
}

static void
back_clicked_cb (LinChangePassphrasePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (root));
}

static void
lin_change_passphrase_page_map (GtkWidget *widget)
{
  LinChangePassphrasePage *self = LIN_CHANGE_PASSPHRASE_PAGE (widget);

  GTK_WIDGET_CLASS (lin_change_passphrase_page_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->current_entry));
}

static void
lin_change_passphrase_page_dispose (GObject *object)
{
  LinChangePassphrasePage *self = (LinChangePassphrasePage *)object;

  /* The thread finishes on its own; only its result goes unread. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->current_entry != NULL)
    clear_entries (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIN_TYPE_CHANGE_PASSPHRASE_PAGE);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lin_change_passphrase_page_parent_class)->dispose (object);
}

static void
lin_change_passphrase_page_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  LinChangePassphrasePage *self = LIN_CHANGE_PASSPHRASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, lin_change_passphrase_page_get_context (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, lin_change_passphrase_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_change_passphrase_page_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  LinChangePassphrasePage *self = LIN_CHANGE_PASSPHRASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_change_passphrase_page_class_init (LinChangePassphrasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_change_passphrase_page_dispose;
  object_class->get_property = lin_change_passphrase_page_get_property;
  object_class->set_property = lin_change_passphrase_page_set_property;

  widget_class->map = lin_change_passphrase_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LIN_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIN_TYPE_STRENGTH_HINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lin-change-passphrase-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LinChangePassphrasePage, current_entry);
  gtk_widget_class_bind_template_child (widget_class, LinChangePassphrasePage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, LinChangePassphrasePage, confirm_entry);
  gtk_widget_class_bind_template_child (widget_class, LinChangePassphrasePage, strength_hint);
  gtk_widget_class_bind_template_child (widget_class, LinChangePassphrasePage, mismatch_label);
  gtk_widget_class_bind_template_child (widget_class, LinChangePassphrasePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, LinChangePassphrasePage, change_button);
  gtk_widget_class_bind_template_child (widget_class, LinChangePassphrasePage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, LinChangePassphrasePage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, current_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
lin_change_passphrase_page_init (LinChangePassphrasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update (self);
}

GtkWidget *
lin_change_passphrase_page_new (LinContext *context)
{
  g_return_val_if_fail (LIN_IS_CONTEXT (context), NULL);

  return g_object_new (LIN_TYPE_CHANGE_PASSPHRASE_PAGE,
                       "context", context,
                       NULL);
}

LinContext *
lin_change_passphrase_page_get_context (LinChangePassphrasePage *self)
{
  g_return_val_if_fail (LIN_IS_CHANGE_PASSPHRASE_PAGE (self), NULL);

  return self->context;
}

/**
 * lin_change_passphrase_page_get_busy:
 * @self: a #LinChangePassphrasePage
 *
 * Returns: whether a change is under way
 */
gboolean
lin_change_passphrase_page_get_busy (LinChangePassphrasePage *self)
{
  g_return_val_if_fail (LIN_IS_CHANGE_PASSPHRASE_PAGE (self), FALSE);

  return self->busy;
}
