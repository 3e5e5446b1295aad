/* lin-sync-enrol-page.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences › Organisation › Create the Organisation… or Join an
 * Organisation…: the server's address, its certificate's fingerprint when
 * it has its own, the code and this laptop's label. A wrong field says so
 * next to itself and keeps its text. A member then sees her laptop's
 * safety number, large, to read to the coordinator; the page turns to
 * "approved" on its own once LinSync is no longer pending (it asks the
 * server itself).
 */

#define G_LOG_DOMAIN "lin-sync-enrol-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lin-sync-enrol-page.h"
#include "lin-sync-org-group.h"

struct _LinSyncEnrolPage
{
  AdwBin            parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkStack         *stack;
  GtkLabel         *intro_label;
  GtkEntry         *server_entry;
  GtkLabel         *server_hint;
  GtkLabel         *server_error;
  GtkEntry         *fingerprint_entry;
  GtkLabel         *fingerprint_hint;
  GtkLabel         *fingerprint_error;
  GtkLabel         *code_label;
  GtkEntry         *code_entry;
  GtkLabel         *code_hint;
  GtkLabel         *code_error;
  GtkEntry         *label_entry;
  GtkLabel         *label_hint;
  GtkLabel         *label_error;
  GtkLabel         *status_label;
  GtkButton        *enrol_button;
  GtkWidget        *progress_box;
  GtkSpinner       *spinner;
  GtkLabel         *number_label;
  GtkWidget        *waiting_box;
  GtkLabel         *approved_label;
  GtkButton        *done_button;

  /* Owned */
  LinContext       *context;
  LinSync          *sync;
  GCancellable     *cancellable;

  LinSyncEnrolMode  mode;
  gboolean          busy;
};

G_DEFINE_FINAL_TYPE (LinSyncEnrolPage, lin_sync_enrol_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_MODE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
clear_errors (LinSyncEnrolPage *self)
{
  show_error (self->server_error, NULL);
  show_error (self->fingerprint_error, NULL);
  show_error (self->code_error, NULL);
  show_error (self->label_error, NULL);
  show_error (self->status_label, NULL);
}

static const char *
text_of (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

/* "AB:CD 01…" as `linija-server init` or a browser prints it: 64 hex
 * digits, lower case; NULL when empty, "" when not a fingerprint */
static char *
normalise_fingerprint (const char *text)
{
  g_autoptr(GString) hex = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isxdigit (*p))
        g_string_append_c (hex, g_ascii_tolower (*p));
      else if (*p != ':' && *p != ' ' && *p != '-' && *p != '\t')
        return g_strdup ("");
    }

  if (hex->len == 0)
    return NULL;
  if (hex->len != 64)
    return g_strdup ("");

  return g_string_free (g_steal_pointer (&hex), FALSE);
}

/* Checks every field, says what is wrong next to it and puts the cursor
 * in the first wrong one */
static gboolean
validate (LinSyncEnrolPage *self)
{
  g_autofree char *server = g_strstrip (g_strdup (text_of (self->server_entry)));
  g_autofree char *fingerprint = normalise_fingerprint (text_of (self->fingerprint_entry));
  g_autofree char *code = g_strstrip (g_strdup (text_of (self->code_entry)));
  g_autofree char *label = g_strstrip (g_strdup (text_of (self->label_entry)));
  GtkWidget *first = NULL;

  clear_errors (self);

  if (server[0] == '\0')
    {
      show_error (self->server_error, _("Enter the server’s address."));
      first = GTK_WIDGET (self->server_entry);
    }
  else if (!g_str_has_prefix (server, "https://") || server[strlen ("https://")] == '\0')
    {
      show_error (self->server_error, _("The address must begin with https:// — Linija talks to a server only over an encrypted connection."));
      first = GTK_WIDGET (self->server_entry);
    }

  if (fingerprint != NULL && fingerprint[0] == '\0')
    {
      show_error (self->fingerprint_error,
                  _("This is not a fingerprint: it has 64 characters, the digits 0–9 and the letters a–f. Leave it empty if the server has a certificate from a public authority."));
      first = first != NULL ? first : GTK_WIDGET (self->fingerprint_entry);
    }

  if (code[0] == '\0')
    {
      show_error (self->code_error, _("Enter the code."));
      first = first != NULL ? first : GTK_WIDGET (self->code_entry);
    }

  if (label[0] == '\0')
    {
      show_error (self->label_error, _("Give this device a label."));
      first = first != NULL ? first : GTK_WIDGET (self->label_entry);
    }
  else if (strlen (label) > 64)
    {
      show_error (self->label_error, _("The label is too long: keep it short, like “Office laptop 2”."));
      first = first != NULL ? first : GTK_WIDGET (self->label_entry);
    }

  if (first != NULL)
    gtk_widget_grab_focus (first);

  return first == NULL;
}

static void
set_busy (LinSyncEnrolPage *self,
          gboolean          busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;

  /* not insensitive: an entry may hold the keyboard focus */
  gtk_editable_set_editable (GTK_EDITABLE (self->server_entry), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->fingerprint_entry), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->code_entry), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->label_entry), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->enrol_button), !busy);
  gtk_widget_set_visible (self->progress_box, busy);
  gtk_spinner_set_spinning (self->spinner, busy);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Waiting may take hours: a still icon, not a spinner that would keep
 * the laptop drawing (and starve the engine's low-priority attempts) */
static void
update_status (LinSyncEnrolPage *self)
{
  gboolean pending = self->sync == NULL || lin_sync_org_is_pending (self->sync);

  gtk_widget_set_visible (self->waiting_box, pending);
  gtk_widget_set_visible (GTK_WIDGET (self->approved_label), !pending);
}

static void
status_changed_cb (LinSyncEnrolPage *self)
{
  update_status (self);
}

static void
take_sync (LinSyncEnrolPage *self,
           LinSync          *sync)
{
  if (self->sync == sync)
    return;

  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_func (self->sync, status_changed_cb, self);
  g_set_object (&self->sync, sync);
  if (self->sync != NULL)
    g_signal_connect_object (self->sync, "notify::status", G_CALLBACK (status_changed_cb), self, G_CONNECT_SWAPPED);
}

/* After enrolling: the coordinator is done; a member shows her number */
static void
show_enrolled (LinSyncEnrolPage *self)
{
  g_autofree char *number = NULL;

  take_sync (self, lin_context_get_sync (self->context));
  if (self->sync == NULL)
    return;

  if (lin_sync_is_coordinator (self->sync))
    {
      gtk_stack_set_visible_child_name (self->stack, "founded");
      return;
    }

  number = lin_sync_dup_safety_number (self->sync);
  gtk_label_set_text (self->number_label, number);
  update_status (self);
  gtk_stack_set_visible_child_name (self->stack, "number");
  /* not on the number: a caret in it would look like part of it */
  gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
}

static void
context_sync_changed_cb (LinSyncEnrolPage *self)
{
  /* enrolled: the engine may come a moment after the answer */
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "form"))
    show_enrolled (self);
}

static void
report_error (LinSyncEnrolPage *self,
              const GError     *error)
{
  gboolean found = self->mode == LIN_SYNC_ENROL_FOUND;

  g_debug ("Not enrolled (%s, %d)", g_quark_to_string (error->domain), error->code);

  if (g_error_matches (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_BAD_CODE))
    {
      show_error (self->code_error,
                  found ? _("The server did not take this founding code. Check it letter by letter; a founding code works only once.")
                        : _("The server did not take this invite code. Check it letter by letter, or ask the coordinator for a new one: each code works only once."));
      gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
    }
  else if (g_error_matches (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_WRONG_ORG))
    {
      show_error (self->server_error,
                  _("This server answered for another organisation than the code’s. Do not go on: check the address and tell the coordinator."));
      gtk_widget_grab_focus (GTK_WIDGET (self->server_entry));
    }
  else if (g_error_matches (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_NETWORK))
    {
      if (text_of (self->fingerprint_entry)[0] != '\0')
        show_error (self->server_error,
                    _("No answer from this server, or its certificate does not have this fingerprint. Check the address, the fingerprint and the network."));
      else
        show_error (self->server_error,
                    _("No answer from this server, or it could not prove who it is. Check the address and the network; a server with its own certificate needs its fingerprint."));
      gtk_widget_grab_focus (GTK_WIDGET (self->server_entry));
    }
  else if (g_error_matches (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER))
    {
      show_error (self->status_label,
                  _("The server could not enrol this device just now. Try again later, or tell the person who runs the server."));
    }
  else
    {
      show_error (self->status_label, _("This device could not be enrolled. Nothing was changed."));
    }
}

static void
enrol_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  LinContext *context = LIN_CONTEXT (object);
  g_autoptr(LinSyncEnrolPage) self = user_data;
  g_autoptr(GError) error = NULL;

  lin_context_enrol_finish (context, result, &error);

  /* a lock cancels it; the page may be on its way out */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->context == NULL)
    return;

  set_busy (self, FALSE);

  if (error != NULL)
    {
      report_error (self, error);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "number");
  show_enrolled (self);
}

static void
enrol_clicked_cb (LinSyncEnrolPage *self)
{
  g_autofree char *server = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *code = NULL;
  g_autofree char *label = NULL;

  if (self->busy || self->context == NULL || !validate (self))
    return;

  if (lin_context_get_locked (self->context))
    return;

  server = g_strstrip (g_strdup (text_of (self->server_entry)));
  /* "https://host/" and "https://host" are the same server */
  while (g_str_has_suffix (server, "/"))
    server[strlen (server) - 1] = '\0';
  fingerprint = normalise_fingerprint (text_of (self->fingerprint_entry));
  code = g_strstrip (g_strdup (text_of (self->code_entry)));
  label = g_strstrip (g_strdup (text_of (self->label_entry)));

  set_busy (self, TRUE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  lin_context_enrol_async (self->context, server, fingerprint, code, label, self->cancellable, enrol_cb,
                           g_object_ref (self));
}

static void
entry_changed_cb (LinSyncEnrolPage *self,
                  GtkEntry         *entry)
{
  /* what she corrects no longer says it is wrong */
  if (entry == self->server_entry)
    show_error (self->server_error, NULL);
  else if (entry == self->fingerprint_entry)
    show_error (self->fingerprint_error, NULL);
  else if (entry == self->code_entry)
    show_error (self->code_error, NULL);
  else if (entry == self->label_entry)
    show_error (self->label_error, NULL);
}

static void
entry_activate_cb (LinSyncEnrolPage *self,
                   GtkEntry         *entry)
{
  if (entry == self->server_entry)
    gtk_widget_grab_focus (GTK_WIDGET (self->fingerprint_entry));
  else if (entry == self->fingerprint_entry)
    gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
  else if (entry == self->code_entry)
    gtk_widget_grab_focus (GTK_WIDGET (self->label_entry));
  else
    enrol_clicked_cb (self);
}

static void
back_clicked_cb (LinSyncEnrolPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (root));
}

static void
locked_changed_cb (LinSyncEnrolPage *self)
{
  if (!lin_context_get_locked (self->context))
    return;

  /* a lock ends it: the code is not left typed on screen */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), "");
  take_sync (self, NULL);
  back_clicked_cb (self);
}

static void
lin_sync_enrol_page_constructed (GObject *object)
{
  LinSyncEnrolPage *self = (LinSyncEnrolPage *)object;
  gboolean found = self->mode == LIN_SYNC_ENROL_FOUND;

  G_OBJECT_CLASS (lin_sync_enrol_page_parent_class)->constructed (object);

  g_assert (LIN_IS_CONTEXT (self->context));

  adw_window_title_set_title (self->window_title,
                              found ? _("Create the Organisation") : _("Join an Organisation"));
  gtk_label_set_text (self->intro_label,
                      found ? _("On the coordinator’s laptop: this device will hold the organisation’s key and approve the others. The person who runs the server gives you its address and the founding code that “linija-server org create” printed.")
                            : _("On a counsellor’s or volunteer’s laptop: the coordinator gives you the server’s address and an invite code. After joining, she approves this device."));
  gtk_label_set_text_with_mnemonic (self->code_label, found ? _("Founding _Code") : _("Invite _Code"));
  gtk_label_set_text (self->code_hint,
                      found ? _("Printed by “linija-server org create”. Spaces and dashes do not matter.")
                            : _("From the coordinator. Spaces and dashes do not matter."));
  gtk_button_set_label (self->enrol_button, found ? _("_Create the Organisation") : _("_Join"));
  gtk_editable_set_text (GTK_EDITABLE (self->label_entry), g_get_host_name ());

  g_signal_connect_object (self->context, "notify::locked", G_CALLBACK (locked_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::sync", G_CALLBACK (context_sync_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
lin_sync_enrol_page_map (GtkWidget *widget)
{
  LinSyncEnrolPage *self = LIN_SYNC_ENROL_PAGE (widget);

  GTK_WIDGET_CLASS (lin_sync_enrol_page_parent_class)->map (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "form"))
    gtk_widget_grab_focus (GTK_WIDGET (self->server_entry));
}

static void
lin_sync_enrol_page_dispose (GObject *object)
{
  LinSyncEnrolPage *self = (LinSyncEnrolPage *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  take_sync (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIN_TYPE_SYNC_ENROL_PAGE);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lin_sync_enrol_page_parent_class)->dispose (object);
}

static void
lin_sync_enrol_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LinSyncEnrolPage *self = LIN_SYNC_ENROL_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_MODE:
      g_value_set_int (value, self->mode);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, lin_sync_enrol_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_sync_enrol_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LinSyncEnrolPage *self = LIN_SYNC_ENROL_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_MODE:
      self->mode = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_sync_enrol_page_class_init (LinSyncEnrolPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lin_sync_enrol_page_constructed;
  object_class->dispose = lin_sync_enrol_page_dispose;
  object_class->get_property = lin_sync_enrol_page_get_property;
  object_class->set_property = lin_sync_enrol_page_set_property;

  widget_class->map = lin_sync_enrol_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LIN_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL,
                      LIN_SYNC_ENROL_FOUND, LIN_SYNC_ENROL_JOIN, LIN_SYNC_ENROL_JOIN,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lin-sync-enrol-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, intro_label);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, server_entry);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, server_hint);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, server_error);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, fingerprint_entry);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, fingerprint_hint);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, fingerprint_error);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, code_label);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, code_entry);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, code_hint);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, code_error);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, label_entry);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, label_hint);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, label_error);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, enrol_button);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, number_label);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, waiting_box);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, approved_label);
  gtk_widget_class_bind_template_child (widget_class, LinSyncEnrolPage, done_button);
  gtk_widget_class_bind_template_callback (widget_class, enrol_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
describe (GtkEntry *entry,
          GtkLabel *hint,
          GtkLabel *error)
{
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, hint, error, NULL,
                                  -1);
}

static void
lin_sync_enrol_page_init (LinSyncEnrolPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* what a field is for, and what is wrong with it */
  describe (self->server_entry, self->server_hint, self->server_error);
  describe (self->fingerprint_entry, self->fingerprint_hint, self->fingerprint_error);
  describe (self->code_entry, self->code_hint, self->code_error);
  describe (self->label_entry, self->label_hint, self->label_error);
}

/**
 * lin_sync_enrol_page_new:
 * @context: a #LinContext, unlocked
 * @mode: create the organisation, or join one
 *
 * Returns: (transfer floating): the page, for
 *   adw_preferences_window_present_subpage()
 */
GtkWidget *
lin_sync_enrol_page_new (LinContext       *context,
                         LinSyncEnrolMode  mode)
{
  g_return_val_if_fail (LIN_IS_CONTEXT (context), NULL);

  return g_object_new (LIN_TYPE_SYNC_ENROL_PAGE,
                       "context", context,
                       "mode", mode,
                       NULL);
}

gboolean
lin_sync_enrol_page_get_busy (LinSyncEnrolPage *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_ENROL_PAGE (self), FALSE);

  return self->busy;
}

/**
 * lin_sync_enrol_page_get_state:
 * @self: a #LinSyncEnrolPage
 *
 * Returns: "form", "number" (a member's safety number) or "founded"
 */
const char *
lin_sync_enrol_page_get_state (LinSyncEnrolPage *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_ENROL_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
