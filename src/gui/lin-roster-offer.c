/* lin-roster-offer.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At a shift's end, Linija offers to write its handover note: a bar above
 * every section (she may be in the middle of a call's notes when her
 * shift ends, and a dialog would take the words from under her hands),
 * "Your shift on the SOS line ends at 20:00", with Write Handover Note
 * and a close button. It offers the shifts of the person she said she is
 * in My Shifts ("roster-me"), from 15 minutes before their end to two
 * hours after, while they have no note (lin_roster_handover_due()); a
 * shift offered and closed is not offered again in this unlock. Nothing
 * is offered to someone who has not said who she is: a coordinator
 * planning three lines would be offered every shift change.
 *
 * It looks once a minute and when the roster changes. The words name the
 * line and the time, nothing else; a lock hides and empties the bar.
 */

#define G_LOG_DOMAIN "lin-roster-offer"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call.h"
#include "lin-roster-handover.h"
#include "lin-roster-offer.h"

#define CHECK_SECONDS 60

struct _LinRosterOffer
{
  AdwBin      parent_instance;

  LinContext *context;
  char       *offered_id;  /* the shift offered last, offered once */
  int         shift;       /* the shift the bar offers now, or -1 */
  guint       timer;

  GtkWidget  *revealer;
  GtkWidget  *label;
};

G_DEFINE_FINAL_TYPE (LinRosterOffer, lin_roster_offer, ADW_TYPE_BIN)

static void
hide (LinRosterOffer *self)
{
  self->shift = -1;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), FALSE);
  gtk_label_set_text (GTK_LABEL (self->label), "");
}

static char *
offer_text (LinRoster *roster,
            int        shift,
            gint64     now)
{
  LinRecord *line = lin_roster_get_line (roster, lin_roster_shift_get_line (roster, shift));
  const char *name = lin_record_get_string (line, LIN_LINE_FIELD_NAME);
  gint64 end = lin_roster_shift_get_end (roster, shift);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (end);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, lin_call_get_time_zone ());
  g_autofree char *time = g_date_time_format (local, "%H:%M");

  if (end > now)
    /* Translators: the bar that offers the handover note; %1$s: the
     * line, %2$s: when the shift ends, "20:00" */
    return g_strdup_printf (_("Your shift on %1$s ends at %2$s. Write the handover note for the next one?"),
                            name != NULL ? name : "", time);

  /* Translators: the bar that offers the handover note after the shift;
   * %1$s: the line, %2$s: when the shift ended, "20:00" */
  return g_strdup_printf (_("Your shift on %1$s ended at %2$s. Write the handover note for the next one?"),
                          name != NULL ? name : "", time);
}

/**
 * lin_roster_offer_check:
 * @self: a #LinRosterOffer
 * @now: the time, in seconds since 1970
 *
 * Shows the bar when a shift of hers is at its end without a note, and
 * hides it when none is (what the timer does each minute).
 */
void
lin_roster_offer_check (LinRosterOffer *self,
                        gint64          now)
{
  LinRoster *roster;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  int me, due;

  g_return_if_fail (LIN_IS_ROSTER_OFFER (self));

  roster = self->context != NULL ? lin_context_get_roster (self->context) : NULL;
  if (roster == NULL || lin_context_get_store (self->context) == NULL)
    {
      hide (self);
      return;
    }

  id = g_settings_get_string (lin_context_get_settings (self->context), "roster-me");
  me = *id != '\0' ? lin_roster_find_person (roster, id) : -1;
  due = me >= 0 ? lin_roster_handover_due (roster, me, now, lin_context_get_store (self->context)) : -1;
  if (due < 0)
    {
      hide (self);
      return;
    }

  /* closed once, not offered again */
  if (self->shift < 0 &&
      g_strcmp0 (self->offered_id, lin_record_get_id_string (lin_roster_get_shift (roster, due))) == 0)
    return;

  g_free (self->offered_id);
  self->offered_id = g_strdup (lin_record_get_id_string (lin_roster_get_shift (roster, due)));
  self->shift = due;
  text = offer_text (roster, due, now);
  gtk_label_set_text (GTK_LABEL (self->label), text);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), TRUE);
}

static void
check_now (LinRosterOffer *self)
{
  lin_roster_offer_check (self, g_get_real_time () / G_USEC_PER_SEC);
}

static gboolean
tick_cb (gpointer data)
{
  check_now (data);

  return G_SOURCE_CONTINUE;
}

/**
 * lin_roster_offer_set_context:
 * @self: a #LinRosterOffer
 * @context: (nullable): the context, or %NULL when locked
 */
void
lin_roster_offer_set_context (LinRosterOffer *self,
                              LinContext     *context)
{
  g_return_if_fail (LIN_IS_ROSTER_OFFER (self));

  if (self->context != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->context, check_now, self);
      g_signal_handlers_disconnect_by_func (lin_context_get_settings (self->context), check_now, self);
    }
  g_clear_handle_id (&self->timer, g_source_remove);
  g_clear_pointer (&self->offered_id, g_free);
  g_set_object (&self->context, context);
  hide (self);

  if (context == NULL)
    return;

  g_signal_connect_object (context, "roster-changed", G_CALLBACK (check_now), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (lin_context_get_settings (context), "changed::roster-me", G_CALLBACK (check_now), self,
                           G_CONNECT_SWAPPED);
  self->timer = g_timeout_add_seconds (CHECK_SECONDS, tick_cb, self);
  check_now (self);
}

/**
 * lin_roster_offer_get_shift:
 * @self: a #LinRosterOffer
 *
 * Returns: the shift the bar offers to write the note of, or -1
 */
int
lin_roster_offer_get_shift (LinRosterOffer *self)
{
  g_return_val_if_fail (LIN_IS_ROSTER_OFFER (self), -1);

  return self->shift;
}

static void
write_clicked_cb (LinRosterOffer *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LinRoster *roster = self->context != NULL ? lin_context_get_roster (self->context) : NULL;
  GtkWidget *dialog;

  if (roster == NULL || self->shift < 0)
    return;

  dialog = lin_roster_handover_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context,
                                           roster, self->shift);
  hide (self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lin_roster_offer_dispose (GObject *object)
{
  LinRosterOffer *self = (LinRosterOffer *)object;

  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->context != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->context, check_now, self);
      g_signal_handlers_disconnect_by_func (lin_context_get_settings (self->context), check_now, self);
    }
  g_clear_object (&self->context);
  g_clear_pointer (&self->offered_id, g_free);

  G_OBJECT_CLASS (lin_roster_offer_parent_class)->dispose (object);
}

static void
lin_roster_offer_class_init (LinRosterOfferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lin_roster_offer_dispose;
}

static void
lin_roster_offer_init (LinRosterOffer *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *write, *close;

  self->shift = -1;
  gtk_widget_add_css_class (bar, "handover-offer");
  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_box_append (GTK_BOX (bar), self->label);

  /* Translators: the button of the bar that offers the handover note */
  write = gtk_button_new_with_mnemonic (_("_Write Handover Note"));
  gtk_widget_set_name (write, "handover-offer-write");
  gtk_widget_set_valign (write, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (write, "suggested-action");
  g_signal_connect_object (write, "clicked", G_CALLBACK (write_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), write);

  close = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (close, "flat");
  /* Translators: the tooltip of the button that closes the bar offering the handover note */
  gtk_widget_set_tooltip_text (close, _("Not Now"));
  g_signal_connect_object (close, "clicked", G_CALLBACK (hide), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), close);

  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), bar);
  adw_bin_set_child (ADW_BIN (self), self->revealer);
}
