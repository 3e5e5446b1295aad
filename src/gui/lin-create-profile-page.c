/* lin-create-profile-page.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first screen of a new counsellor: a profile's name and its
 * passphrase, typed twice, with a strength hint and the plain warning that
 * nobody can recover a forgotten passphrase. Creating the profile
 * calibrates Argon2id (a few seconds) in a thread, then unlocks it; the
 * window follows LinContext:locked to the sections.
 */

#define G_LOG_DOMAIN "lin-create-profile-page"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-create-profile-page.h"
#include "lin-strength-hint.h"

struct _LinCreateProfilePage
{
  AdwBin            parent_instance;

  /* Template widgets */
  GtkEntry         *name_entry;
  GtkPasswordEntry *passphrase_entry;
  GtkPasswordEntry *confirm_entry;
  LinStrengthHint  *strength_hint;
  GtkLabel         *mismatch_label;
  GtkLabel         *error_label;
  GtkButton        *create_button;
  GtkWidget        *progress_box;
  GtkSpinner       *spinner;

  /* Owned */
  LinContext       *context;
  GCancellable     *cancellable;

  gboolean          busy;
};

G_DEFINE_FINAL_TYPE (LinCreateProfilePage, lin_create_profile_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_BUSY,
  N_PROPS
};

enum {
  CREATED_LOCKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
dup_name (LinCreateProfilePage *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
}

static gboolean
is_valid (LinCreateProfilePage *self)
{
  g_autofree char *name = dup_name (self);
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_entry));

  return name[0] != '\0' &&
         lin_passphrase_strength (passphrase) != LIN_PASSPHRASE_TOO_SHORT &&
         g_str_equal (passphrase, confirm);
}

static void
update (LinCreateProfilePage *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_entry));
  gboolean mismatch;

  lin_strength_hint_update (self->strength_hint, passphrase);

  mismatch = lin_passphrase_confirm_wrong (passphrase, confirm);
  gtk_widget_set_visible (GTK_WIDGET (self->mismatch_label), mismatch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), !self->busy && is_valid (self));
}

static void
set_busy (LinCreateProfilePage *self,
          gboolean              busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;

  /* not insensitive: the entry may hold the keyboard focus */

  gtk_editable_set_editable (GTK_EDITABLE (self->name_entry), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->passphrase_entry), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->confirm_entry), !busy);
  gtk_widget_set_visible (self->progress_box, busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (LinCreateProfilePage *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
clear_passphrases (LinCreateProfilePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_entry), "");
}

static void
unlock_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LinCreateProfilePage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean unlocked;

  unlocked = lin_context_unlock_finish (LIN_CONTEXT (object), result, &error);

  /* the window went meanwhile */
  if (self->context == NULL)
    return;

  if (!unlocked)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("A new profile could not be opened: %s", error->message);
          show_error (self, _("The profile was created but could not be opened. Try to unlock it."));
        }
      set_busy (self, FALSE);
      return;
    }

  /* the window follows LinContext:locked to the sections */
  lin_create_profile_page_reset (self);
  set_busy (self, FALSE);
}

static void
create_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LinCreateProfilePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  path = lin_context_create_profile_finish (LIN_CONTEXT (object), result, &error);

  /* the window went meanwhile */
  if (self->context == NULL)
    return;

  if (path == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("A profile could not be created: %s", error->message);
          show_error (self, _("The profile could not be created. Check that this computer has free disk space, then try again."));
        }
      set_busy (self, FALSE);

      /* made, but a lock came first: it is there to unlock */
      if (path != NULL)
        {
          g_settings_set_string (lin_context_get_settings (self->context), "last-profile", path);
          g_signal_emit (self, signals[CREATED_LOCKED], 0);
        }
      return;
    }

  g_settings_set_string (lin_context_get_settings (self->context), "last-profile", path);

  lin_context_unlock_async (self->context,
                            path,
                            gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry)),
                            self->cancellable,
                            unlock_cb,
                            g_object_ref (self));
}

static void
create_clicked_cb (LinCreateProfilePage *self)
{
  g_autofree char *name = NULL;

  if (self->busy || self->context == NULL || !is_valid (self))
    return;

  name = dup_name (self);
  show_error (self, NULL);
  set_busy (self, TRUE);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Not cancellable: once Argon2id runs, the profile will be there; a
   * lock meanwhile (self->cancellable) only keeps it from being opened. */
  lin_context_create_profile_async (self->context,
                                    name,
                                    gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry)),
                                    NULL,
                                    create_cb,
                                    g_object_ref (self));
}

static void
changed_cb (LinCreateProfilePage *self)
{
  update (self);
}

static void
name_activate_cb (LinCreateProfilePage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
}

static void
passphrase_activate_cb (LinCreateProfilePage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->confirm_entry));
}

static void
confirm_activate_cb (LinCreateProfilePage *self)
{
  create_clicked_cb (self);
}

static void
lin_create_profile_page_dispose (GObject *object)
{
  LinCreateProfilePage *self = (LinCreateProfilePage *)object;

  lin_create_profile_page_cancel (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIN_TYPE_CREATE_PROFILE_PAGE);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lin_create_profile_page_parent_class)->dispose (object);
}

static void
lin_create_profile_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LinCreateProfilePage *self = LIN_CREATE_PROFILE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, lin_create_profile_page_get_context (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, lin_create_profile_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_create_profile_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  LinCreateProfilePage *self = LIN_CREATE_PROFILE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      lin_create_profile_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_create_profile_page_class_init (LinCreateProfilePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_create_profile_page_dispose;
  object_class->get_property = lin_create_profile_page_get_property;
  object_class->set_property = lin_create_profile_page_set_property;

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
   * LinCreateProfilePage::created-locked:
   *
   * A profile was created, but Linija was locked before it was opened.
   */
  signals[CREATED_LOCKED] =
    g_signal_new ("created-locked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (LIN_TYPE_STRENGTH_HINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lin-create-profile-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LinCreateProfilePage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LinCreateProfilePage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, LinCreateProfilePage, confirm_entry);
  gtk_widget_class_bind_template_child (widget_class, LinCreateProfilePage, strength_hint);
  gtk_widget_class_bind_template_child (widget_class, LinCreateProfilePage, mismatch_label);
  gtk_widget_class_bind_template_child (widget_class, LinCreateProfilePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LinCreateProfilePage, create_button);
  gtk_widget_class_bind_template_child (widget_class, LinCreateProfilePage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, LinCreateProfilePage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, passphrase_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_activate_cb);
}

static void
lin_create_profile_page_init (LinCreateProfilePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update (self);
}

LinContext *
lin_create_profile_page_get_context (LinCreateProfilePage *self)
{
  g_return_val_if_fail (LIN_IS_CREATE_PROFILE_PAGE (self), NULL);

  return self->context;
}

void
lin_create_profile_page_set_context (LinCreateProfilePage *self,
                                     LinContext           *context)
{
  g_return_if_fail (LIN_IS_CREATE_PROFILE_PAGE (self));
  g_return_if_fail (context == NULL || LIN_IS_CONTEXT (context));

  if (!g_set_object (&self->context, context))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * lin_create_profile_page_get_busy:
 * @self: a #LinCreateProfilePage
 *
 * Returns: whether a profile is being created and opened
 */
gboolean
lin_create_profile_page_get_busy (LinCreateProfilePage *self)
{
  g_return_val_if_fail (LIN_IS_CREATE_PROFILE_PAGE (self), FALSE);

  return self->busy;
}

/**
 * lin_create_profile_page_reset:
 * @self: a #LinCreateProfilePage
 *
 * Empties the form: the name, both passphrases and any message.
 */
void
lin_create_profile_page_reset (LinCreateProfilePage *self)
{
  g_return_if_fail (LIN_IS_CREATE_PROFILE_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  clear_passphrases (self);
  show_error (self, NULL);
  update (self);
}

/**
 * lin_create_profile_page_cancel:
 * @self: a #LinCreateProfilePage
 *
 * Stops waiting for a profile being created (on lock): a profile already
 * written stays on disk but is not opened.
 */
void
lin_create_profile_page_cancel (LinCreateProfilePage *self)
{
  g_return_if_fail (LIN_IS_CREATE_PROFILE_PAGE (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  if (self->name_entry != NULL)
    clear_passphrases (self);
}

/**
 * lin_create_profile_page_focus:
 * @self: a #LinCreateProfilePage
 *
 * Puts the keyboard focus on the first empty field.
 */
void
lin_create_profile_page_focus (LinCreateProfilePage *self)
{
  g_return_if_fail (LIN_IS_CREATE_PROFILE_PAGE (self));

  if (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))[0] == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
}
