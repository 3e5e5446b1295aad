/* lin-roster-handover.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The handover note in the chosen shift's details: the note written for
 * it, the note of the shift before on the same line ("From the Shift
 * Before"), and a button to write or edit the note once the shift is
 * within an hour of its end. Notes are not roster records (the context
 * does not rebuild the roster for them): the widget follows the store's
 * handover records itself, and keeps an index of them (shift → note),
 * read again after a note changes, so that choosing one shift after
 * another does not read every note each time.
 *
 * The dialog starts a new note from the call log's summary of the shift
 * (lin_call_handover_summary(): counts, times, districts, risk levels, no
 * caller's words) and an existing one from its text. Cancel keeps
 * nothing. A lock (or quick hide, or exit) closes it; were the text
 * thrown away then, a counsellor locking in a hurry would lose what she
 * wrote at the end of a long night. So when the text was changed, the
 * store's "closing" saves it as the note first: she finds it there after
 * unlocking and can edit it. Unchanged, nothing is saved. The text is
 * never logged and never in a window title or a tooltip.
 */

#define G_LOG_DOMAIN "lin-roster-handover"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lin-call.h"
#include "lin-roster-handover.h"
#include "lin-roster-week.h"
#include "lin-store.h"

#define OFFER_AHEAD (60 * 60)  /* s: the button shows an hour before the end */

struct _LinRosterHandover
{
  GtkBox         parent_instance;

  /* Owned */
  LinContext    *context;
  LinRoster     *roster;
  LinStore      *store;        /* whose "record-changed" we follow */
  GHashTable    *notes;        /* shift id → its note; NULL: to read again */
  char          *shift_id;
  guint          refresh_id;   /* shows the button when its hour comes */

  /* Children */
  GtkWidget     *note_heading;
  GtkWidget     *note_label;
  GtkWidget     *written_label;
  GtkWidget     *write_button;
  GtkWidget     *before_heading;
  GtkWidget     *before_label;
};

G_DEFINE_FINAL_TYPE (LinRosterHandover, lin_roster_handover, GTK_TYPE_BOX)

static void refresh (LinRosterHandover *self);

/* Helpers */

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static int
shift_index (LinRosterHandover *self)
{
  if (self->roster == NULL || self->shift_id == NULL)
    return -1;

  return lin_roster_find_shift (self->roster, self->shift_id);
}

static char *
clock_text (gint64 instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, lin_call_get_time_zone ());

  return g_date_time_format (local, "%H:%M");
}

/* "Mon 7/12, 08:00 – 20:00" */
static char *
span_text (LinRoster *roster,
           guint      shift)
{
  gint64 start = lin_roster_shift_get_start (roster, shift);
  g_autofree char *day = lin_roster_week_format_day (start);
  g_autofree char *from = clock_text (start);
  g_autofree char *to = clock_text (lin_roster_shift_get_end (roster, shift));

  /* Translators: the shift a handover note is about: its day, when it
   * began and when it ended, "Mon 7/12, 08:00 – 20:00" */
  return g_strdup_printf (_("%1$s, %2$s – %3$s"), day, from, to);
}

static char *
written_text (LinRecord *note)
{
  g_autoptr(GDateTime) written = lin_call_parse_time (lin_record_get_string (note, LIN_HANDOVER_FIELD_WRITTEN));
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  if (written == NULL)
    return g_strdup ("");

  day = lin_roster_week_format_day (g_date_time_to_unix (written));
  time = clock_text (g_date_time_to_unix (written));
  /* Translators: when a handover note was last written: its day
   * ("Mon 7/12") and its time */
  return g_strdup_printf (_("Written %1$s at %2$s"), day, time);
}

static const char *
note_text (LinRecord *note)
{
  const char *text = note != NULL ? lin_record_get_string (note, LIN_HANDOVER_FIELD_TEXT) : NULL;

  return text != NULL ? text : "";
}

static GtkWidget *
text_label (const char *name,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);

  return label;
}

/* Every text of the widget goes: a locked profile, or no shift */
static void
clear (LinRosterHandover *self)
{
  gtk_label_set_text (GTK_LABEL (self->note_label), "");
  gtk_label_set_text (GTK_LABEL (self->written_label), "");
  gtk_label_set_text (GTK_LABEL (self->before_label), "");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
show_text (GtkWidget  *label,
           const char *text,
           const char *empty)
{
  gboolean has_text = text != NULL && *text != '\0';

  gtk_label_set_text (GTK_LABEL (label), has_text ? text : empty);
  gtk_label_set_selectable (GTK_LABEL (label), has_text);
  if (has_text)
    gtk_widget_remove_css_class (label, "dim-label");
  else
    gtk_widget_add_css_class (label, "dim-label");
}

/* Callbacks */

static LinRecord *
note_of (LinRosterHandover *self,
         const char        *shift_id)
{
  if (self->notes == NULL)
    self->notes = lin_roster_handover_index (self->store);

  return g_hash_table_lookup (self->notes, shift_id);
}

static gboolean
refresh_cb (gpointer user_data)
{
  LinRosterHandover *self = user_data;

  self->refresh_id = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

static void
record_changed_cb (LinRosterHandover *self,
                   LinRecord         *record)
{
  if (g_strcmp0 (lin_record_get_kind (record), LIN_HANDOVER_KIND) != 0)
    return;

  g_clear_pointer (&self->notes, g_hash_table_unref);
  refresh (self);
}

static void
locked_cb (LinRosterHandover *self)
{
  if (self->context != NULL && lin_context_get_locked (self->context))
    lin_roster_handover_set_shift (self, NULL, NULL, -1);
}

static void
write_clicked_cb (LinRosterHandover *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int s = shift_index (self);

  if (s < 0 || self->context == NULL)
    return;

  gtk_window_present (GTK_WINDOW (lin_roster_handover_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                  self->context, self->roster, s)));
}

/* Showing a shift's notes */

/* The button: for a shift that has ended or ends within the hour; a
 * shift still further off shows it when its hour comes */
static void
update_button (LinRosterHandover *self,
               int                shift,
               gboolean           has_note)
{
  gint64 end = lin_roster_shift_get_end (self->roster, shift);
  gint64 now = now_unix ();
  gboolean offered = !lin_roster_shift_is_cancelled (self->roster, shift) && end - OFFER_AHEAD <= now;

  gtk_button_set_label (GTK_BUTTON (self->write_button),
                        has_note ?
                        /* Translators: a button: edit the chosen shift's handover note */
                        _("_Edit Handover Note…") :
                        /* Translators: a button: write the chosen shift's handover note */
                        _("_Write Handover Note…"));
  gtk_widget_set_visible (self->write_button, offered);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (!offered && !lin_roster_shift_is_cancelled (self->roster, shift) && end - OFFER_AHEAD - now < G_MAXUINT / 2)
    self->refresh_id = g_timeout_add_seconds (end - OFFER_AHEAD - now + 1, refresh_cb, self);
}

static void
refresh (LinRosterHandover *self)
{
  int shift = shift_index (self);
  LinRecord *note, *before_note = NULL;
  g_autofree char *written = NULL;
  int before;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store == NULL || !lin_store_is_open (self->store))
    g_clear_pointer (&self->notes, g_hash_table_unref);
  if (shift < 0 || self->store == NULL || !lin_store_is_open (self->store))
    {
      clear (self);
      return;
    }

  note = note_of (self, self->shift_id);
  /* Translators: in a shift's details, where its handover note goes
   * before anyone wrote it */
  show_text (self->note_label, note_text (note), _("No handover note yet."));
  written = note != NULL ? written_text (note) : g_strdup ("");
  gtk_label_set_text (GTK_LABEL (self->written_label), written);
  gtk_widget_set_visible (self->written_label, *written != '\0');
  update_button (self, shift, note != NULL);
  /* a shift far off has no note to show and none to write yet */
  gtk_widget_set_visible (self->note_heading, note != NULL || gtk_widget_get_visible (self->write_button));
  gtk_widget_set_visible (self->note_label, gtk_widget_get_visible (self->note_heading));

  before = lin_roster_previous_shift (self->roster, shift);
  if (before >= 0)
    before_note = note_of (self, lin_record_get_id_string (lin_roster_get_shift (self->roster, before)));
  /* Translators: in a shift's details: the shift before on the line
   * left no handover note */
  show_text (self->before_label, note_text (before_note), _("The shift before left no note."));
  gtk_widget_set_visible (self->before_heading, before >= 0);
  gtk_widget_set_visible (self->before_label, before >= 0);

  gtk_widget_set_visible (GTK_WIDGET (self), gtk_widget_get_visible (self->note_heading) || before >= 0);
}

static void
follow_store (LinRosterHandover *self,
              LinStore          *store)
{
  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, record_changed_cb, self);
  g_clear_pointer (&self->notes, g_hash_table_unref);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "record-changed", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Overrides */

static void
lin_roster_handover_dispose (GObject *object)
{
  LinRosterHandover *self = (LinRosterHandover *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  follow_store (self, NULL);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, locked_cb, self);
  g_clear_object (&self->context);
  g_clear_pointer (&self->roster, lin_roster_unref);

  G_OBJECT_CLASS (lin_roster_handover_parent_class)->dispose (object);
}

static void
lin_roster_handover_finalize (GObject *object)
{
  LinRosterHandover *self = (LinRosterHandover *)object;

  g_free (self->shift_id);

  G_OBJECT_CLASS (lin_roster_handover_parent_class)->finalize (object);
}

static void
lin_roster_handover_class_init (LinRosterHandoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lin_roster_handover_dispose;
  object_class->finalize = lin_roster_handover_finalize;
}

static void
lin_roster_handover_init (LinRosterHandover *self)
{
  GtkWidget *note_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *before_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 18);

  /* Translators: a heading in a shift's details: the note it hands over */
  self->note_heading = heading (_("Handover Note"));
  self->note_label = text_label ("roster-handover-note", NULL);
  self->written_label = text_label ("roster-handover-written", "dim-label");
  gtk_label_set_selectable (GTK_LABEL (self->written_label), FALSE);
  self->write_button = gtk_button_new_with_mnemonic ("");
  gtk_widget_set_name (self->write_button, "roster-handover-write");
  gtk_widget_set_halign (self->write_button, GTK_ALIGN_START);
  g_signal_connect_swapped (self->write_button, "clicked", G_CALLBACK (write_clicked_cb), self);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->note_label), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->note_heading, NULL, -1);
  gtk_box_append (GTK_BOX (note_box), self->note_heading);
  gtk_box_append (GTK_BOX (note_box), self->note_label);
  gtk_box_append (GTK_BOX (note_box), self->written_label);
  gtk_box_append (GTK_BOX (note_box), self->write_button);

  /* Translators: a heading in a shift's details: the handover note of
   * the shift before it on the same line */
  self->before_heading = heading (_("From the Shift Before"));
  self->before_label = text_label ("roster-handover-before", NULL);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->before_label), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->before_heading, NULL, -1);
  gtk_box_append (GTK_BOX (before_box), self->before_heading);
  gtk_box_append (GTK_BOX (before_box), self->before_label);

  gtk_box_append (GTK_BOX (self), before_box);
  gtk_box_append (GTK_BOX (self), note_box);
  clear (self);
}

/* Public API */

/**
 * lin_roster_handover_set_shift:
 * @self: a #LinRosterHandover
 * @context: (nullable): the context; %NULL (locked) shows nothing
 * @roster: (nullable): the roster @shift is of
 * @shift: the chosen shift's index, or -1 to show nothing
 *
 * Shows the chosen shift's note and the note of the shift before it, and
 * follows them as they are written. Call it again for a new roster.
 */
void
lin_roster_handover_set_shift (LinRosterHandover *self,
                               LinContext        *context,
                               LinRoster         *roster,
                               int                shift)
{
  g_return_if_fail (LIN_IS_ROSTER_HANDOVER (self));
  g_return_if_fail (context == NULL || LIN_IS_CONTEXT (context));

  if (context == NULL || roster == NULL || shift < 0 || shift >= (int)lin_roster_get_n_shifts (roster))
    {
      context = NULL;
      roster = NULL;
      shift = -1;
    }

  if (self->context != context)
    {
      if (self->context != NULL)
        g_signal_handlers_disconnect_by_func (self->context, locked_cb, self);
      g_set_object (&self->context, context);
      if (context != NULL)
        g_signal_connect_object (context, "notify::locked", G_CALLBACK (locked_cb), self, G_CONNECT_SWAPPED);
    }
  if (roster != self->roster)
    {
      g_clear_pointer (&self->roster, lin_roster_unref);
      self->roster = roster != NULL ? lin_roster_ref (roster) : NULL;
    }
  g_clear_pointer (&self->shift_id, g_free);
  if (shift >= 0)
    self->shift_id = g_strdup (lin_record_get_id_string (lin_roster_get_shift (roster, shift)));

  follow_store (self, context != NULL ? lin_context_get_store (context) : NULL);
  refresh (self);
}

/* The dialog */

typedef struct
{
  GtkWidget  *window;       /* borrowed: it owns us */
  GtkWidget  *text_view;
  GtkWidget  *error_label;
  LinContext *context;
  LinStore   *store;
  LinRecord  *shift;
  char       *initial;      /* the text it opened with */
  gboolean    done;
} Dialog;

static void
dialog_free (Dialog *dialog)
{
  if (dialog->store != NULL)
    g_signal_handlers_disconnect_matched (dialog->store, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, dialog);
  if (dialog->context != NULL)
    g_signal_handlers_disconnect_matched (dialog->context, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, dialog);
  g_clear_object (&dialog->store);
  g_clear_object (&dialog->context);
  g_clear_object (&dialog->shift);
  if (dialog->initial != NULL)
    memset (dialog->initial, 0, strlen (dialog->initial));
  g_free (dialog->initial);
  g_free (dialog);
}

static char *
dialog_dup_text (Dialog *dialog)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (dialog->text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Writes the text as the shift's note: its newest note edited, or a new
 * one (another dialog, or another device, may have written one since) */
static gboolean
dialog_save (Dialog  *dialog,
             GError **error)
{
  g_autofree char *text = dialog_dup_text (dialog);
  g_autoptr(LinRecord) note = NULL;
  LinRecord *existing = lin_roster_find_handover (dialog->store, lin_record_get_id_string (dialog->shift));

  if (existing != NULL)
    {
      note = g_object_ref (existing);
      lin_roster_handover_set_text (note, text);
    }
  else
    note = lin_roster_handover_new (dialog->shift, text);

  return lin_store_save (dialog->store, note, error);
}

static void
dialog_close (Dialog *dialog)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (dialog->text_view));

  dialog->done = TRUE;
  gtk_text_buffer_set_text (buffer, "", 0);
  gtk_window_destroy (GTK_WINDOW (dialog->window));
}

/* closed another way (its parent went, or the window manager closed it):
 * nothing more to do at a lock */
static void
window_destroy_cb (Dialog *dialog)
{
  dialog->done = TRUE;
}

static void
save_clicked_cb (Dialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (dialog->done)
    return;

  if (!lin_store_is_open (dialog->store) || !dialog_save (dialog, &error))
    {
      /* the error names no text */
      if (error != NULL)
        g_warning ("Could not save a handover note: %s", error->message);
      gtk_widget_set_visible (dialog->error_label, TRUE);
      return;
    }

  dialog_close (dialog);
}

static void
cancel_clicked_cb (Dialog *dialog)
{
  if (!dialog->done)
    dialog_close (dialog);
}

/* The store is closing (lock, quick hide, exit): a changed text is saved
 * as the note, so that no word is lost; then the dialog goes */
static void
store_closing_cb (LinStore *store,
                  Dialog   *dialog)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (dialog->done)
    return;

  text = dialog_dup_text (dialog);
  if (g_strcmp0 (text, dialog->initial) != 0 && !dialog_save (dialog, &error))
    g_warning ("Could not save a handover note at the lock: %s", error->message);
  dialog_close (dialog);
}

static void
context_locked_cb (LinContext *context,
                   GParamSpec *pspec,
                   Dialog     *dialog)
{
  if (!dialog->done && lin_context_get_locked (context))
    dialog_close (dialog);
}

static gboolean
shortcut_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  Dialog *dialog = g_object_get_data (G_OBJECT (widget), "lin-roster-handover-dialog");

  if (g_strcmp0 (user_data, "save") == 0)
    save_clicked_cb (dialog);
  else
    cancel_clicked_cb (dialog);

  return TRUE;
}

static void
add_shortcuts (GtkWidget *window)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return"),
                                                          gtk_callback_action_new (shortcut_cb, (gpointer)"save",
                                                                                   NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape"),
                                                          gtk_callback_action_new (shortcut_cb, (gpointer)"cancel",
                                                                                   NULL)));
  gtk_widget_add_controller (window, controller);
}

static GtkWidget *
header_bar (Dialog *dialog)
{
  GtkWidget *bar = adw_header_bar_new ();
  /* Translators: a button: close the handover note without saving */
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  /* Translators: a button: save the handover note */
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (bar), FALSE);
  gtk_widget_set_name (save, "roster-handover-save");
  gtk_widget_set_name (cancel, "roster-handover-cancel");
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), dialog);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), dialog);
  adw_header_bar_pack_start (ADW_HEADER_BAR (bar), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (bar), save);

  return bar;
}

static GtkWidget *
dialog_body (Dialog     *dialog,
             LinRoster  *roster,
             int         shift)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  LinRecord *line = lin_roster_get_line (roster, lin_roster_shift_get_line (roster, shift));
  const char *line_name = lin_record_get_string (line, LIN_LINE_FIELD_NAME);
  g_autofree char *span = span_text (roster, shift);
  GtkWidget *title = heading (line_name != NULL ? line_name : "");
  GtkWidget *when = gtk_label_new (span);
  GtkWidget *hint;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_remove_css_class (title, "heading");
  gtk_widget_add_css_class (title, "title-3");
  gtk_label_set_xalign (GTK_LABEL (when), 0);
  /* Translators: above the handover note's text: who reads it */
  hint = gtk_label_new (_("Everyone who sees the roster reads this note. Write no caller's name, "
                          "number or story: the call log keeps those."));
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  /* Translators: shown in the handover dialog when saving failed */
  dialog->error_label = gtk_label_new (_("The note could not be saved. Try again, or copy the text."));
  gtk_label_set_xalign (GTK_LABEL (dialog->error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (dialog->error_label), TRUE);
  gtk_widget_add_css_class (dialog->error_label, "error");
  gtk_widget_set_visible (dialog->error_label, FALSE);

  dialog->text_view = gtk_text_view_new ();
  gtk_widget_set_name (dialog->text_view, "roster-handover-text");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (dialog->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (dialog->text_view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (dialog->text_view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (dialog->text_view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (dialog->text_view), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->text_view),
                                  /* Translators: what a screen reader calls the handover note's text */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Handover note"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), dialog->text_view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_add_css_class (scrolled, "card");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), when);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), dialog->error_label);

  return box;
}

/**
 * lin_roster_handover_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @context: the context, unlocked
 * @roster: the roster @shift is of
 * @shift: the shift whose note to write
 *
 * A window to write or edit @shift's handover note: a new note starts
 * from the call log's summary of the shift. Save writes it; Cancel (or
 * Escape) keeps nothing; a lock saves a changed text as the note and
 * closes it (see the top of the file).
 *
 * Returns: (transfer none): the dialog, not shown yet: present it
 */
GtkWidget *
lin_roster_handover_dialog_new (GtkWindow  *parent,
                                LinContext *context,
                                LinRoster  *roster,
                                int         shift)
{
  Dialog *dialog;
  GtkWidget *content;
  LinRecord *note;
  g_autofree char *text = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (lin_context_get_store (context) != NULL, NULL);
  g_return_val_if_fail (roster != NULL, NULL);
  g_return_val_if_fail (shift >= 0 && shift < (int)lin_roster_get_n_shifts (roster), NULL);

  dialog = g_new0 (Dialog, 1);
  dialog->context = g_object_ref (context);
  dialog->store = g_object_ref (lin_context_get_store (context));
  dialog->shift = g_object_ref (lin_roster_get_shift (roster, shift));
  dialog->window = adw_window_new ();
  g_object_set_data_full (G_OBJECT (dialog->window), "lin-roster-handover-dialog", dialog,
                          (GDestroyNotify)dialog_free);
  gtk_widget_set_name (dialog->window, "roster-handover-dialog");
  /* Translators: the title of the window that writes a shift's handover
   * note (no names in it: window titles are seen outside Linija) */
  gtk_window_set_title (GTK_WINDOW (dialog->window), _("Handover Note"));
  gtk_window_set_modal (GTK_WINDOW (dialog->window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (dialog->window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog->window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog->window), 640, 560);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (content), header_bar (dialog));
  gtk_box_append (GTK_BOX (content), dialog_body (dialog, roster, shift));
  adw_window_set_content (ADW_WINDOW (dialog->window), content);
  add_shortcuts (dialog->window);

  note = lin_roster_find_handover (dialog->store, lin_record_get_id_string (dialog->shift));
  text = note != NULL ? g_strdup (note_text (note)) : lin_roster_handover_summary (roster, shift, dialog->store);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (dialog->text_view)), text, -1);
  dialog->initial = g_steal_pointer (&text);

  g_signal_connect_swapped (dialog->window, "destroy", G_CALLBACK (window_destroy_cb), dialog);
  g_signal_connect (dialog->store, "closing", G_CALLBACK (store_closing_cb), dialog);
  g_signal_connect (context, "notify::locked", G_CALLBACK (context_locked_cb), dialog);
  gtk_window_set_focus (GTK_WINDOW (dialog->window), dialog->text_view);

  return dialog->window;
}
