/* lin-call-wizard.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The call intake wizard: six steps a counsellor fills in while she
 * listens, in any order, with a timer from the first second. Every change
 * goes to an encrypted draft (LinDraft: written once typing pauses, and
 * before the store closes), so that a crash, a lock or a quick hide loses
 * nothing; saving writes the call, its note and its follow-up and deletes
 * the draft.
 *
 * This file holds the steps, the timer, the draft and saving; the answers
 * themselves are in lin-call-wizard-answers.c.
 */

#define G_LOG_DOMAIN "lin-call-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-answer-field.h"
#include "lin-call.h"
#include "lin-call-wizard-private.h"
#include "lin-draft.h"
#include "lin-place-entry.h"
#include "lin-referral-list.h"
#include "lin-risk-step.h"
#include "lin-store.h"

G_DEFINE_FINAL_TYPE (LinCallWizard, lin_call_wizard, GTK_TYPE_WIDGET)

enum {
  SAVED,
  DISCARDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static char *
format_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());

  return lin_call_format_time (now);
}

static void
write_draft (LinCallWizard *self)
{
  g_autoptr(JsonObject) fields = NULL;

  if (self->draft == NULL)
    return;

  fields = lin_call_wizard_build_draft (self);
  lin_record_set_fields (lin_draft_get_record (self->draft), fields);
  lin_draft_changed (self->draft);
}

static void
update_steps (LinCallWizard *self)
{
  gboolean one_step = lin_call_wizard_is_one_step (self);
  g_autofree char *position = NULL;

  for (guint step = 0; step < LIN_CALL_WIZARD_N_STEPS; step++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->steps_list, step);
      gboolean answered = lin_call_wizard_step_has_answers (self, step);
      gboolean skipped = one_step && step > STEP_CONTACT;
      g_autofree char *label = NULL;

      gtk_widget_set_visible (self->step_marks[step], answered && !skipped);
      gtk_widget_set_sensitive (GTK_WIDGET (row), !skipped);

      if (skipped)
        /* Translators: how a screen reader reads a step the call type skips: "Violence, left out" */
        label = g_strdup_printf (_("%s, left out"), lin_call_wizard_get_step_title (step));
      else if (answered)
        /* Translators: how a screen reader reads a step with answers: "Caller, answered" */
        label = g_strdup_printf (_("%s, answered"), lin_call_wizard_get_step_title (step));
      else
        label = g_strdup (lin_call_wizard_get_step_title (step));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }

  gtk_revealer_set_reveal_child (self->one_step_revealer, one_step);

  /* the list shows the step in view, whatever the arrows passed over */
  gtk_list_box_select_row (self->steps_list, gtk_list_box_get_row_at_index (self->steps_list, self->step));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.previous", self->step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 !one_step && self->step + 1 < LIN_CALL_WIZARD_N_STEPS);

  gtk_label_set_label (self->step_title, lin_call_wizard_get_step_title (self->step));
  /* Translators: where she is in the wizard: "Step 2 of 6" */
  position = g_strdup_printf (_("Step %1$u of %2$u"), self->step + 1, LIN_CALL_WIZARD_N_STEPS);
  gtk_label_set_label (self->position_label, position);

  if (self->step == STEP_FOLLOW_UP)
    lin_call_wizard_update_summary (self);
}

void
lin_call_wizard_changed (LinCallWizard *self)
{
  if (self->loading || !self->active)
    return;

  update_steps (self);
  write_draft (self);
}

static void
update_timer_label (LinCallWizard *self)
{
  g_autofree char *text = g_strdup_printf ("%u:%02u", self->elapsed / 60, self->elapsed % 60);

  gtk_label_set_label (self->timer_label, text);
}

static gboolean
timer_cb (gpointer user_data)
{
  LinCallWizard *self = user_data;

  self->elapsed++;
  update_timer_label (self);

  return G_SOURCE_CONTINUE;
}

static void
start_timer (LinCallWizard *self,
             guint          elapsed)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->elapsed = elapsed;
  update_timer_label (self);
  self->timer_id = g_timeout_add_seconds (1, timer_cb, self);
}

static void
show_toast (LinCallWizard *self,
            const char    *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* The first answer of a step, in the order of the widgets rather than of
 * their places on screen: a step just shown has not been laid out yet */
static gboolean
focus_first (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child) || !gtk_widget_is_sensitive (child))
        continue;

      if (gtk_widget_get_focusable (child) && gtk_widget_get_can_focus (child) &&
          gtk_widget_grab_focus (child))
        return TRUE;

      if (focus_first (child))
        return TRUE;
    }

  return FALSE;
}

/* Callbacks */

static void
folded_changed_cb (LinCallWizard *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->steps_button, folded);
}

static void
steps_button_clicked_cb (LinCallWizard *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->steps_list, self->step);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* A click, or Enter on a row: Tab and the arrows only pass over the
 * rows, so that going through the window does not change the step */
static void
step_row_activated_cb (LinCallWizard *self,
                       GtkListBoxRow *row)
{
  lin_call_wizard_set_step (self, gtk_list_box_row_get_index (row));

  /* into the step, from the keyboard too */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  focus_first (lin_call_wizard_get_step_box (self, self->step));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  LinCallWizard *self = LIN_CALL_WIZARD (widget);

  if (self->step > 0)
    {
      lin_call_wizard_set_step (self, self->step - 1);
      focus_first (lin_call_wizard_get_step_box (self, self->step));
    }
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LinCallWizard *self = LIN_CALL_WIZARD (widget);

  if (self->step + 1 < LIN_CALL_WIZARD_N_STEPS && !lin_call_wizard_is_one_step (self))
    {
      lin_call_wizard_set_step (self, self->step + 1);
      focus_first (lin_call_wizard_get_step_box (self, self->step));
    }
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LinCallWizard *self = LIN_CALL_WIZARD (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(LinRecord) call = NULL;

  if (!self->active)
    return;

  call = lin_call_wizard_save (self, &error);
  if (call == NULL)
    show_toast (self, error->message);
}

static void
discard_response_cb (LinCallWizard    *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "discard") == 0 && self->active)
    lin_call_wizard_discard (self);
}

static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  LinCallWizard *self = LIN_CALL_WIZARD (widget);
  GtkWidget *dialog;

  if (!self->active)
    return;

  /* Translators: asked before the call being typed is thrown away */
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Discard This Call?"),
                                   _("Everything typed for this call is deleted, and it cannot be brought back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* one of the application's windows, so that a lock closes it */
  gtk_window_set_application (GTK_WINDOW (dialog), gtk_window_get_application (GTK_WINDOW (gtk_widget_get_root (widget))));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
go_to_step_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LinCallWizard *self = LIN_CALL_WIZARD (widget);
  guint step = g_variant_get_uint32 (param);

  if (step < LIN_CALL_WIZARD_N_STEPS)
    {
      lin_call_wizard_set_step (self, step);
      focus_first (lin_call_wizard_get_step_box (self, self->step));
    }
}

/* Building */

/* Overrides */

static void
lin_call_wizard_dispose (GObject *object)
{
  LinCallWizard *self = (LinCallWizard *)object;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_object (&self->draft);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIN_TYPE_CALL_WIZARD);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lin_call_wizard_parent_class)->dispose (object);
}

static void
lin_call_wizard_finalize (GObject *object)
{
  LinCallWizard *self = (LinCallWizard *)object;

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->started, g_free);

  G_OBJECT_CLASS (lin_call_wizard_parent_class)->finalize (object);
}

static void
lin_call_wizard_class_init (LinCallWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_call_wizard_dispose;
  object_class->finalize = lin_call_wizard_finalize;

  /**
   * LinCallWizard::saved:
   * @call: the call record just saved
   *
   * The call is saved and the draft deleted; the wizard is empty.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIN_TYPE_RECORD);

  /**
   * LinCallWizard::discarded:
   *
   * The call was thrown away with its draft; the wizard is empty.
   */
  signals[DISCARDED] =
    g_signal_new ("discarded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lin-call-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, LinCallWizard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LinCallWizard, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LinCallWizard, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LinCallWizard, content);
  gtk_widget_class_bind_template_child (widget_class, LinCallWizard, steps_list);
  gtk_widget_class_bind_template_child (widget_class, LinCallWizard, steps_button);
  gtk_widget_class_bind_template_child (widget_class, LinCallWizard, step_title);
  gtk_widget_class_bind_template_child (widget_class, LinCallWizard, timer_label);
  gtk_widget_class_bind_template_child (widget_class, LinCallWizard, one_step_revealer);
  gtk_widget_class_bind_template_child (widget_class, LinCallWizard, steps_stack);
  gtk_widget_class_bind_template_child (widget_class, LinCallWizard, contact_box);
  gtk_widget_class_bind_template_child (widget_class, LinCallWizard, caller_box);
  gtk_widget_class_bind_template_child (widget_class, LinCallWizard, violence_box);
  gtk_widget_class_bind_template_child (widget_class, LinCallWizard, risk_box);
  gtk_widget_class_bind_template_child (widget_class, LinCallWizard, support_box);
  gtk_widget_class_bind_template_child (widget_class, LinCallWizard, follow_up_box);
  gtk_widget_class_bind_template_child (widget_class, LinCallWizard, position_label);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, steps_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "wizard.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "wizard.discard", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "wizard.go-to-step", "u", go_to_step_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "callwizard");
}

static void
lin_call_wizard_init (LinCallWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_ptr_array_new ();

  self->loading = TRUE;
  lin_call_wizard_build_steps (self);
  gtk_list_box_select_row (self->steps_list, gtk_list_box_get_row_at_index (self->steps_list, 0));
  self->loading = FALSE;

  update_steps (self);
  folded_changed_cb (self);
}

/* Public API */

void
lin_call_wizard_set_context (LinCallWizard *self,
                             LinContext    *context)
{
  g_return_if_fail (LIN_IS_CALL_WIZARD (self));
  g_return_if_fail (LIN_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  /* the referral step searches the directory */
  lin_referral_list_set_context (self->referrals, context);
}

static gboolean
begin (LinCallWizard  *self,
       LinRecord      *record,
       GError        **error)
{
  LinStore *store;

  if (self->context == NULL || (store = lin_context_get_store (self->context)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The profile is locked."));
      return FALSE;
    }

  lin_call_wizard_clear (self);
  self->draft = lin_draft_new (store, record, 0);
  self->active = TRUE;

  return TRUE;
}

/**
 * lin_call_wizard_start:
 * @self: a #LinCallWizard
 * @error: a location for a #GError
 *
 * Starts a new call: empty answers, the timer at 0:00, "started" now, and
 * a draft for it in the open profile.
 *
 * Returns: whether the call started (the profile is open)
 */
gboolean
lin_call_wizard_start (LinCallWizard  *self,
                       GError        **error)
{
  g_autoptr(LinRecord) record = NULL;

  g_return_val_if_fail (LIN_IS_CALL_WIZARD (self), FALSE);

  record = lin_record_new ("draft");
  if (!begin (self, record, error))
    return FALSE;

  self->started = format_now ();
  start_timer (self, 0);
  lin_call_wizard_set_step (self, STEP_CONTACT);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  lin_call_wizard_changed (self);
  focus_first (lin_call_wizard_get_step_box (self, STEP_CONTACT));

  return TRUE;
}

static JsonObject *
get_object_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

/**
 * lin_call_wizard_resume:
 * @self: a #LinCallWizard
 * @draft: a "draft" record of a call (lin_call_wizard_find_draft())
 * @error: a location for a #GError
 *
 * Shows the draft where she left it: every answer, the step, the timer.
 *
 * Returns: whether it could be resumed
 */
gboolean
lin_call_wizard_resume (LinCallWizard  *self,
                        LinRecord      *draft,
                        GError        **error)
{
  JsonObject *fields, *call;
  guint step;

  g_return_val_if_fail (LIN_IS_CALL_WIZARD (self), FALSE);
  g_return_val_if_fail (LIN_IS_RECORD (draft), FALSE);

  if (!lin_record_check_fields (draft, error))
    return FALSE;

  fields = lin_record_get_fields (draft);
  call = get_object_member (fields, "call");
  if (g_strcmp0 (json_object_get_string_member_with_default (fields, "draft_of", NULL), "call") != 0 ||
      call == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("This is not an unfinished call."));
      return FALSE;
    }

  if (!begin (self, draft, error))
    return FALSE;

  self->loading = TRUE;

  lin_call_wizard_load_answers (self, call,
                                get_object_member (fields, "follow_up"),
                                json_object_get_string_member_with_default (fields, "note", NULL));

  g_free (self->started);
  self->started = g_strdup (json_object_get_string_member_with_default (call, "started", NULL));
  if (self->started == NULL)
    self->started = format_now ();

  step = (guint)json_object_get_int_member_with_default (fields, "step", 0);
  self->loading = FALSE;

  start_timer (self, (guint)json_object_get_int_member_with_default (call, "duration_s", 0));
  lin_call_wizard_set_step (self, MIN (step, LIN_CALL_WIZARD_N_STEPS - 1));
  lin_call_wizard_update_caller_code_hint (self);
  update_steps (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  focus_first (lin_call_wizard_get_step_box (self, self->step));

  return TRUE;
}

/**
 * lin_call_wizard_clear:
 * @self: a #LinCallWizard
 *
 * Forgets the call: the draft is let go (what is pending is written
 * first, when the store is still open), every answer is emptied and the
 * timer stops. After a lock nothing of the call stays in a widget.
 */
void
lin_call_wizard_clear (LinCallWizard *self)
{
  g_return_if_fail (LIN_IS_CALL_WIZARD (self));

  /* first the draft: the emptied widgets must not be written to it */
  g_clear_object (&self->draft);
  self->active = FALSE;
  self->loading = TRUE;

  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->elapsed = 0;
  update_timer_label (self);
  g_clear_pointer (&self->started, g_free);

  lin_call_wizard_clear_answers (self);

  self->step = STEP_CONTACT;
  gtk_stack_set_visible_child_name (self->steps_stack, lin_call_wizard_get_step_name (STEP_CONTACT));
  gtk_list_box_select_row (self->steps_list, gtk_list_box_get_row_at_index (self->steps_list, 0));

  self->loading = FALSE;

  update_steps (self);
  lin_call_wizard_update_summary (self);
}

gboolean
lin_call_wizard_get_active (LinCallWizard *self)
{
  g_return_val_if_fail (LIN_IS_CALL_WIZARD (self), FALSE);

  return self->active;
}

guint
lin_call_wizard_get_step (LinCallWizard *self)
{
  g_return_val_if_fail (LIN_IS_CALL_WIZARD (self), 0);

  return self->step;
}

/**
 * lin_call_wizard_set_step:
 * @self: a #LinCallWizard
 * @step: 0 to 5
 *
 * Shows @step; any step can be reached directly, except those a one-step
 * call type leaves out.
 */
void
lin_call_wizard_set_step (LinCallWizard *self,
                          guint          step)
{
  gboolean was_loading;

  g_return_if_fail (LIN_IS_CALL_WIZARD (self));
  g_return_if_fail (step < LIN_CALL_WIZARD_N_STEPS);

  if (step > STEP_CONTACT && lin_call_wizard_is_one_step (self))
    step = STEP_CONTACT;

  self->step = step;
  gtk_stack_set_visible_child_name (self->steps_stack, lin_call_wizard_get_step_name (step));

  was_loading = self->loading;
  self->loading = TRUE;
  gtk_list_box_select_row (self->steps_list, gtk_list_box_get_row_at_index (self->steps_list, step));
  self->loading = was_loading;

  /* the draft remembers the step too */
  lin_call_wizard_changed (self);
  if (self->loading || !self->active)
    update_steps (self);
}

gboolean
lin_call_wizard_get_one_step (LinCallWizard *self)
{
  g_return_val_if_fail (LIN_IS_CALL_WIZARD (self), FALSE);

  return lin_call_wizard_is_one_step (self);
}

/**
 * lin_call_wizard_get_elapsed:
 * @self: a #LinCallWizard
 *
 * Returns: the seconds the timer shows
 */
guint
lin_call_wizard_get_elapsed (LinCallWizard *self)
{
  g_return_val_if_fail (LIN_IS_CALL_WIZARD (self), 0);

  return self->elapsed;
}

/**
 * lin_call_wizard_get_draft:
 * @self: a #LinCallWizard
 *
 * Returns: (transfer none) (nullable): the draft record of the call being
 *   taken
 */
LinRecord *
lin_call_wizard_get_draft (LinCallWizard *self)
{
  g_return_val_if_fail (LIN_IS_CALL_WIZARD (self), NULL);

  return self->draft != NULL ? lin_draft_get_record (self->draft) : NULL;
}

/* Deletes the draft of the call being taken; the draft object goes too */
static void
delete_draft (LinCallWizard *self,
              LinStore      *store)
{
  g_autoptr(LinRecord) draft = g_object_ref (lin_draft_get_record (self->draft));
  g_autoptr(GError) error = NULL;

  /* written at least once, so that there is something to delete */
  if (!lin_draft_flush (self->draft, &error))
    {
      g_warning ("The draft of a call could not be written: %s", error->message);
      return;
    }

  g_clear_object (&self->draft);
  if (lin_record_get_revision (draft) > 0 && !lin_store_delete (store, draft, &error))
    g_warning ("The draft of a call could not be deleted: %s", error->message);
}

static gboolean
check (LinCallWizard  *self,
       gboolean        one_step,
       GError        **error)
{
  g_autoptr(GError) risk_error = NULL;

  if (!lin_answer_field_has_value (lin_call_wizard_get_field (self, "call_type")))
    {
      lin_call_wizard_set_step (self, STEP_CONTACT);
      gtk_widget_grab_focus (lin_answer_field_get_control (lin_call_wizard_get_field (self, "call_type")));
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Choose the call type before saving."));
      return FALSE;
    }

  if (one_step)
    return TRUE;

  if (!lin_risk_step_check (self->risk_step, &risk_error))
    {
      lin_call_wizard_set_step (self, STEP_RISK);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Write why you judge the risk higher than scored."));
      return FALSE;
    }

  if (lin_answer_field_has_value (lin_call_wizard_get_field (self, "due_date")))
    {
      g_autoptr(GDateTime) due = lin_call_wizard_dup_due (self);

      if (due == NULL)
        {
          lin_call_wizard_set_step (self, STEP_FOLLOW_UP);
          gtk_widget_grab_focus (lin_answer_field_get_control (lin_call_wizard_get_field (self, "due_date")));
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The follow-up date or time is not one. Write the date as 2026-11-27 and the time as 18:30."));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * lin_call_wizard_save:
 * @self: a #LinCallWizard
 * @error: a location for a #GError
 *
 * Saves the call (a one-step call type only its first step), the note as
 * a note record and the follow-up as a follow-up record, deletes the
 * draft and empties the wizard. Nothing is lost on failure: the draft
 * stays and so do the answers.
 *
 * Returns: (transfer full) (nullable): the call record saved
 */
LinRecord *
lin_call_wizard_save (LinCallWizard  *self,
                      GError        **error)
{
  g_autoptr(LinRecord) call = NULL;
  g_autoptr(LinRecord) follow_up = NULL;
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(JsonNode) note = NULL;
  g_autoptr(GDateTime) due = NULL;
  LinStore *store;
  gboolean one_step;

  g_return_val_if_fail (LIN_IS_CALL_WIZARD (self), NULL);
  g_return_val_if_fail (self->active, NULL);

  store = lin_context_get_store (self->context);
  if (store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The profile is locked."));
      return NULL;
    }

  one_step = lin_call_wizard_is_one_step (self);
  if (!check (self, one_step, error))
    return NULL;

  call = lin_record_new (LIN_CALL_KIND);
  fields = lin_call_wizard_build_call (self, one_step);
  lin_record_set_fields (call, fields);

  if (!one_step && (due = lin_call_wizard_dup_due (self)) != NULL)
    {
      g_autoptr(JsonObject) object = lin_call_wizard_build_follow_up (self, FALSE);

      follow_up = lin_follow_up_new (call, due,
                                     json_object_get_string_member_with_default (object, "contact_method", NULL),
                                     json_object_get_string_member_with_default (object, "safe_times", NULL),
                                     json_object_get_string_member_with_default (object, "code_word", NULL));
    }

  if (!one_step)
    note = lin_answer_field_dup_value (lin_call_wizard_get_field (self, "note"));

  /* the follow-up, the call, the note; until then the draft is what counts */
  if (!lin_call_save (store, call, follow_up, note != NULL ? json_node_get_string (note) : NULL, error))
    return NULL;

  delete_draft (self, store);
  lin_call_wizard_clear (self);
  g_signal_emit (self, signals[SAVED], 0, call);

  return g_steal_pointer (&call);
}

/**
 * lin_call_wizard_discard:
 * @self: a #LinCallWizard
 *
 * Throws the call away: its draft is deleted and the wizard emptied (the
 * Discard button asks first).
 */
void
lin_call_wizard_discard (LinCallWizard *self)
{
  LinStore *store;

  g_return_if_fail (LIN_IS_CALL_WIZARD (self));

  if (!self->active)
    return;

  store = lin_context_get_store (self->context);
  if (store != NULL)
    delete_draft (self, store);

  lin_call_wizard_clear (self);
  g_signal_emit (self, signals[DISCARDED], 0);
}

/**
 * lin_call_wizard_find_draft:
 * @store: an open #LinStore
 *
 * Returns: (transfer full) (nullable): the most recent draft of a call,
 *   to offer to resume after unlock
 */
LinRecord *
lin_call_wizard_find_draft (LinStore *store)
{
  g_autoptr(GPtrArray) drafts = NULL;
  LinRecord *newest = NULL;

  g_return_val_if_fail (LIN_IS_STORE (store), NULL);

  drafts = lin_store_list (store, "draft");
  for (guint i = 0; i < drafts->len; i++)
    {
      LinRecord *record = g_ptr_array_index (drafts, i);

      if (!lin_record_check_fields (record, NULL) ||
          g_strcmp0 (lin_record_get_string (record, "draft_of"), "call") != 0)
        continue;

      if (newest == NULL || lin_record_get_hlc (record) > lin_record_get_hlc (newest))
        newest = record;
    }

  return newest != NULL ? g_object_ref (newest) : NULL;
}
