/* lin-sync-approve-dialog.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Approve a device: the coordinator types the safety number the device
 * shows (she hears it by phone or in person); Approve can be pressed only
 * when it is the number her own laptop computed from the keys the server
 * handed out. A different number says plainly not to approve: the server,
 * or someone between, may have put in other keys. The expected number is
 * never shown here, so that the comparison cannot be skipped.
 */

#define G_LOG_DOMAIN "lin-sync-approve-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lin-sync-approve-dialog.h"

struct _LinSyncApproveDialog
{
  AdwMessageDialog  parent_instance;

  /* Owned */
  LinContext       *context;
  LinSyncDevice    *device;
  char             *expected;   /* the 20 digits alone */

  /* Borrowed */
  GtkEntry         *entry;
  GtkLabel         *mismatch_label;
  GtkLabel         *match_label;

  gboolean          match;
};

G_DEFINE_FINAL_TYPE (LinSyncApproveDialog, lin_sync_approve_dialog, ADW_TYPE_MESSAGE_DIALOG)

/**
 * lin_sync_safety_digits:
 * @text: a safety number as typed: "4821 0937-1123 8845 0021"
 *
 * Returns: (transfer full): its digits alone; spaces, dashes and dots
 *   dropped, anything else kept, so that it does not match
 */
char *
lin_sync_safety_digits (const char *text)
{
  GString *digits = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-' || c == '.' || c == 0x2010 || c == 0x2013)
        continue;
      if (g_unichar_isdigit (c) && g_unichar_digit_value (c) >= 0)
        g_string_append_c (digits, '0' + g_unichar_digit_value (c));
      else
        g_string_append_unichar (digits, c);
    }

  return g_string_free (digits, FALSE);
}

static void
entry_changed_cb (LinSyncApproveDialog *self)
{
  g_autofree char *typed = lin_sync_safety_digits (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  gsize n = strlen (typed);
  gboolean complete = n >= strlen (self->expected);

  self->match = g_str_equal (typed, self->expected);

  /* half typed is not wrong yet: it differs once it is as long */
  gtk_widget_set_visible (GTK_WIDGET (self->mismatch_label), complete && !self->match);
  gtk_widget_set_visible (GTK_WIDGET (self->match_label), self->match);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "approve", self->match);
}

static void
entry_activate_cb (LinSyncApproveDialog *self)
{
  if (self->match)
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "approve");
}

static void
locked_changed_cb (LinSyncApproveDialog *self)
{
  if (lin_context_get_locked (self->context))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
lin_sync_approve_dialog_dispose (GObject *object)
{
  LinSyncApproveDialog *self = (LinSyncApproveDialog *)object;

  g_clear_object (&self->context);

  G_OBJECT_CLASS (lin_sync_approve_dialog_parent_class)->dispose (object);
}

static void
lin_sync_approve_dialog_finalize (GObject *object)
{
  LinSyncApproveDialog *self = (LinSyncApproveDialog *)object;

  g_clear_pointer (&self->device, lin_sync_device_free);
  g_clear_pointer (&self->expected, g_free);

  G_OBJECT_CLASS (lin_sync_approve_dialog_parent_class)->finalize (object);
}

static void
lin_sync_approve_dialog_class_init (LinSyncApproveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lin_sync_approve_dialog_dispose;
  object_class->finalize = lin_sync_approve_dialog_finalize;
}

static void
lin_sync_approve_dialog_init (LinSyncApproveDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label;

  label = gtk_label_new_with_mnemonic (_("_Safety number the device shows"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->entry), "safety-entry");
  gtk_entry_set_input_purpose (self->entry, GTK_INPUT_PURPOSE_DIGITS);
  gtk_widget_add_css_class (GTK_WIDGET (self->entry), "monospace");
  /* Translators: the shape of a safety number; any digits */
  gtk_entry_set_placeholder_text (self->entry, _("0000 0000 0000 0000 0000"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));

  self->mismatch_label = GTK_LABEL (gtk_label_new (_("The numbers differ. Do not approve: this may not be her device. Ask her to read it again; if it still differs, tell whoever runs the server.")));
  gtk_widget_set_name (GTK_WIDGET (self->mismatch_label), "safety-mismatch");
  gtk_label_set_wrap (self->mismatch_label, TRUE);
  gtk_label_set_xalign (self->mismatch_label, 0);
  gtk_label_set_max_width_chars (self->mismatch_label, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->mismatch_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->mismatch_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->mismatch_label));

  self->match_label = GTK_LABEL (gtk_label_new (_("The numbers are the same.")));
  gtk_widget_set_name (GTK_WIDGET (self->match_label), "safety-match");
  gtk_label_set_xalign (self->match_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->match_label), "success");
  gtk_widget_set_visible (GTK_WIDGET (self->match_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->match_label));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->mismatch_label, self->match_label, NULL,
                                  -1);

  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "approve", _("_Approve"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "approve", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "approve", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
}

/**
 * lin_sync_approve_dialog_new:
 * @parent: the window it belongs to
 * @context: the #LinContext: a lock closes the dialog
 * @device: the pending device (copied)
 *
 * Its "response" is "approve" only once the typed number matched.
 *
 * Returns: (transfer floating): the dialog
 */
GtkWidget *
lin_sync_approve_dialog_new (GtkWindow           *parent,
                             LinContext          *context,
                             const LinSyncDevice *device)
{
  LinSyncApproveDialog *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (LIN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (device != NULL && device->safety_number != NULL, NULL);

  self = g_object_new (LIN_TYPE_SYNC_APPROVE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->context = g_object_ref (context);
  self->device = g_new0 (LinSyncDevice, 1);
  self->device->device_id = g_strdup (device->device_id);
  self->device->name = g_strdup (device->name);
  self->device->safety_number = g_strdup (device->safety_number);
  self->device->enrolled = device->enrolled;
  self->device->sign_key = g_strdup (device->sign_key);
  self->device->box_key = g_strdup (device->box_key);
  self->expected = lin_sync_safety_digits (device->safety_number);

  /* Translators: %s is the label a device enrolled with, e.g. "Office laptop 2" */
  heading = g_strdup_printf (_("Approve “%s”?"), device->name != NULL ? device->name : "");
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               _("Ask the person at that device to read you the safety number it shows, by phone or in person, and type it here. Approve only if the numbers are the same: an approved device can read all of the organisation’s records."));

  g_signal_connect_object (context, "notify::locked", G_CALLBACK (locked_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

const LinSyncDevice *
lin_sync_approve_dialog_get_device (LinSyncApproveDialog *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_APPROVE_DIALOG (self), NULL);

  return self->device;
}

gboolean
lin_sync_approve_dialog_get_match (LinSyncApproveDialog *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_APPROVE_DIALOG (self), FALSE);

  return self->match;
}
