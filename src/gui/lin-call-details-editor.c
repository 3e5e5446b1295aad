/* lin-call-details-editor.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor of a saved call's answers, step by step as the wizard asks
 * them and with the wizard's own widgets: a LinAnswerField for each code,
 * list, text, number and yes/no, the place search for the municipality,
 * the risk checklist with its judgement, the referrals. So the rules of
 * the wizard hold here too: the judgement may raise the level, never
 * lower it, and needs a reason; a high final level flags the call.
 *
 * Only the answers she changed are written back into the call's fields,
 * which LinCallDetails saves as a new revision: an answer the editor
 * cannot show (a code a newer list dropped, a referral's directory entry)
 * stays as it was unless she changes that answer.
 */

#define G_LOG_DOMAIN "lin-call-details"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lin-answer-field.h"
#include "lin-call-details-private.h"
#include "lin-call-ui.h"
#include "lin-codes.h"
#include "lin-place-entry.h"
#include "lin-referral-list.h"
#include "lin-risk-step.h"

static JsonNode *
member_or_null (JsonObject *object,
                const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

/* The wizard's widget for @field, showing the call's answer, or NULL for
 * a field that is not hers to change here */
static GtkWidget *
edit_widget (const Field *field,
             JsonObject  *object)
{
  JsonNode *node = member_or_null (object, field->name);
  const char *title = lin_call_details_field_label (field);
  LinAnswerField *answer;
  LinAnswerKind kind;

  switch (field->type)
    {
    case LIN_FIELD_CODE:
      kind = LIN_ANSWER_CHOICE;
      break;

    case LIN_FIELD_CODES:
      kind = LIN_ANSWER_MULTI;
      break;

    case LIN_FIELD_STRING:
      kind = LIN_ANSWER_TEXT;
      break;

    case LIN_FIELD_BOOL:
      kind = LIN_ANSWER_BOOLEAN;
      break;

    case LIN_FIELD_INT:
      /* the timer's, not hers to change */
      if (g_str_equal (field->name, LIN_CALL_FIELD_DURATION))
        return NULL;
      kind = LIN_ANSWER_NUMBER;
      break;

    case LIN_FIELD_PLACE:
      {
        GtkWidget *entry = lin_place_entry_new (title);

        lin_place_entry_set_code (LIN_PLACE_ENTRY (entry),
                                  node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL);

        return entry;
      }

    case LIN_FIELD_RISK:
      {
        GtkWidget *step = lin_risk_step_new ();

        gtk_widget_set_name (step, "risk-step");
        lin_risk_step_set_value (LIN_RISK_STEP (step),
                                 node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL);
        /* lower than saved only with a reason */
        if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
          lin_risk_step_set_saved_level (LIN_RISK_STEP (step),
                                         lin_risk_level_from_code (json_object_get_string_member_with_default (json_node_get_object (node),
                                                                                                               "final_level", "")));

        return step;
      }

    case LIN_FIELD_REFERRALS:
      {
        GtkWidget *list = lin_referral_list_new ();

        lin_referral_list_set_value (LIN_REFERRAL_LIST (list),
                                     node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL);

        return list;
      }

    case LIN_FIELD_TIME:
    case LIN_FIELD_ID:
    case LIN_FIELD_DISTRICT:
    default:
      /* the time the call began, the follow-up (a record of its own,
       * done in the queue) and the district, which follows from the
       * municipality */
      return NULL;
    }

  answer = lin_answer_field_new (kind, field->name, field->list, title);
  if (kind == LIN_ANSWER_NUMBER)
    lin_answer_field_set_range (answer, field->min, field->max);
  lin_answer_field_load (answer, object);

  return GTK_WIDGET (answer);
}

/* The answer as the widget holds it now, in the call's JSON */
static JsonNode *
edit_dup_value (LinCallDetailsEdit *edit)
{
  switch (edit->field->type)
    {
    case LIN_FIELD_PLACE:
      {
        const char *code = lin_place_entry_get_code (LIN_PLACE_ENTRY (edit->widget));

        return code != NULL ? json_node_init_string (json_node_alloc (), code) : NULL;
      }

    case LIN_FIELD_RISK:
      {
        g_autoptr(JsonObject) risk = lin_risk_step_dup_value (LIN_RISK_STEP (edit->widget));

        return risk != NULL ? json_node_init_object (json_node_alloc (), risk) : NULL;
      }

    case LIN_FIELD_REFERRALS:
      {
        g_autoptr(JsonArray) referrals = lin_referral_list_dup_value (LIN_REFERRAL_LIST (edit->widget));

        return referrals != NULL ? json_node_init_array (json_node_alloc (), referrals) : NULL;
      }

    case LIN_FIELD_INT:
    case LIN_FIELD_BOOL:
    case LIN_FIELD_STRING:
    case LIN_FIELD_CODE:
    case LIN_FIELD_CODES:
      return lin_answer_field_dup_value (LIN_ANSWER_FIELD (edit->widget));

    case LIN_FIELD_TIME:
    case LIN_FIELD_ID:
    case LIN_FIELD_DISTRICT:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
values_equal (JsonNode *a,
              JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return json_node_equal (a, b);
}

static LinCallDetailsEdit *
find_edit (LinCallDetails *self,
           const char     *name)
{
  for (guint i = 0; i < self->edit_fields->len; i++)
    {
      LinCallDetailsEdit *edit = g_ptr_array_index (self->edit_fields, i);

      if (g_str_equal (edit->field->name, name))
        return edit;
    }

  return NULL;
}

/* whether the steps after the first are shown: a silent, hung-up,
 * abusive or test call has only the first, as in the wizard */
static gboolean
step_shown (LinCallDetails *self,
            guint           step)
{
  return self->edit_steps[step] != NULL && gtk_widget_get_visible (self->edit_steps[step]);
}

static void
update_steps (LinCallDetails *self)
{
  LinCallDetailsEdit *edit = find_edit (self, LIN_CALL_FIELD_CALL_TYPE);
  g_autoptr(JsonNode) type = edit != NULL ? edit_dup_value (edit) : NULL;
  gboolean one_step = type != NULL && lin_call_type_is_one_step (json_node_get_string (type));

  for (guint step = 2; step <= LIN_CALL_N_STEPS; step++)
    if (self->edit_steps[step] != NULL)
      gtk_widget_set_visible (self->edit_steps[step], !one_step);
}

static GtkWidget *
new_step_box (guint step)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *title = gtk_label_new (_(lin_call_details_step_titles[step]));
  g_autofree char *name = g_strdup_printf ("edit-step-%u", step);

  gtk_widget_set_name (box, name);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (title),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);

  return box;
}

/* Sets @error and puts the keyboard on @widget, where the answer is */
static gboolean
refuse (GtkWidget   *widget,
        GError     **error,
        const char  *message)
{
  if (widget != NULL)
    gtk_widget_grab_focus (widget);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);

  return FALSE;
}

static gboolean
referrals_complete (LinReferralList *list)
{
  g_autoptr(JsonArray) referrals = lin_referral_list_dup_value (list);

  for (guint i = 0; referrals != NULL && i < json_array_get_length (referrals); i++)
    {
      JsonObject *referral = json_array_get_object_element (referrals, i);

      if (!json_object_has_member (referral, LIN_REFERRAL_FIELD_SERVICE_TYPE) ||
          !json_object_has_member (referral, LIN_REFERRAL_FIELD_STATUS))
        return FALSE;
    }

  return TRUE;
}

/**
 * lin_call_details_build_editor:
 * @self: a #LinCallDetails showing a call
 *
 * Fills the editor with the wizard's widget for each answer of the call,
 * set to the call's answer, step by step.
 */
/* The follow-up is a record of its own, with its own versions. The editor
 * changes the date, time, contact method, safe times and code word of an
 * open one; a call with none open (never, or done) gets a new one when a
 * date is written. Its outcome is the queue's. */

typedef struct
{
  const char    *key;
  LinAnswerKind  kind;
  const char    *list;
  const char    *title;
} FollowUpSpec;

static const FollowUpSpec follow_up_specs[LIN_CALL_DETAILS_N_FOLLOW_UP_EDITS] = {
  { "due_date", LIN_ANSWER_TEXT, NULL, N_("Follow-up date") },
  { "due_time", LIN_ANSWER_TEXT, NULL, N_("Follow-up time") },
  { LIN_FOLLOW_UP_FIELD_CONTACT_METHOD, LIN_ANSWER_CHOICE, "contact-method", N_("Safe way to contact her") },
  { LIN_FOLLOW_UP_FIELD_SAFE_TIMES, LIN_ANSWER_TEXT, NULL, N_("Safe times to call") },
  { LIN_FOLLOW_UP_FIELD_CODE_WORD, LIN_ANSWER_TEXT, NULL, N_("Code word") },
};

enum { FOLLOW_UP_DATE, FOLLOW_UP_TIME };

#define FOLLOW_UP_STEP LIN_CALL_N_STEPS

static JsonObject *
dup_follow_up_answers (LinCallDetails *self)
{
  JsonObject *object = json_object_new ();

  for (guint i = 0; i < LIN_CALL_DETAILS_N_FOLLOW_UP_EDITS; i++)
    lin_answer_field_store (LIN_ANSWER_FIELD (self->follow_up_edits[i]), object);

  return object;
}

static GDateTime *
dup_follow_up_due (LinCallDetails *self)
{
  g_autoptr(JsonNode) date = lin_answer_field_dup_value (LIN_ANSWER_FIELD (self->follow_up_edits[FOLLOW_UP_DATE]));
  g_autoptr(JsonNode) time = lin_answer_field_dup_value (LIN_ANSWER_FIELD (self->follow_up_edits[FOLLOW_UP_TIME]));

  if (date == NULL)
    return NULL;

  return lin_call_ui_parse_due (json_node_get_string (date), time != NULL ? json_node_get_string (time) : NULL);
}

static gboolean
follow_up_changed (LinCallDetails *self)
{
  g_autoptr(JsonObject) now = NULL;
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;

  if (self->follow_up_edits[0] == NULL || self->follow_up_initial == NULL)
    return FALSE;

  now = dup_follow_up_answers (self);
  a = json_node_init_object (json_node_alloc (), now);
  b = json_node_init_object (json_node_alloc (), self->follow_up_initial);

  return !json_node_equal (a, b);
}

static void
add_follow_up_edits (LinCallDetails *self,
                     GtkWidget      *box)
{
  LinRecord *follow_up = self->store != NULL ? lin_call_get_follow_up (self->store, self->call) : NULL;

  if (follow_up != NULL &&
      json_object_get_boolean_member_with_default (lin_record_get_fields (follow_up), LIN_FOLLOW_UP_FIELD_DONE, FALSE))
    follow_up = NULL;
  g_set_object (&self->edit_follow_up, follow_up);

  for (guint i = 0; i < LIN_CALL_DETAILS_N_FOLLOW_UP_EDITS; i++)
    {
      const FollowUpSpec *spec = &follow_up_specs[i];

      self->follow_up_edits[i] = GTK_WIDGET (lin_answer_field_new (spec->kind, spec->key, spec->list, _(spec->title)));
      gtk_box_append (GTK_BOX (box), self->follow_up_edits[i]);
    }

  if (follow_up != NULL)
    {
      JsonObject *fields = lin_record_get_fields (follow_up);
      g_autoptr(GDateTime) due = lin_call_parse_time (lin_record_get_string (follow_up, LIN_FOLLOW_UP_FIELD_DUE));

      if (due != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_timezone (due, lin_call_get_time_zone ());
          g_autoptr(JsonNode) date = json_node_init_string (json_node_alloc (), NULL);
          g_autoptr(JsonNode) time = json_node_init_string (json_node_alloc (), NULL);
          g_autofree char *date_text = g_date_time_format (local, "%Y-%m-%d");
          g_autofree char *time_text = g_date_time_format (local, "%H:%M");

          json_node_set_string (date, date_text);
          json_node_set_string (time, time_text);
          lin_answer_field_set_value (LIN_ANSWER_FIELD (self->follow_up_edits[FOLLOW_UP_DATE]), date);
          lin_answer_field_set_value (LIN_ANSWER_FIELD (self->follow_up_edits[FOLLOW_UP_TIME]), time);
        }
      for (guint i = FOLLOW_UP_TIME + 1; i < LIN_CALL_DETAILS_N_FOLLOW_UP_EDITS; i++)
        lin_answer_field_load (LIN_ANSWER_FIELD (self->follow_up_edits[i]), fields);
    }

  lin_call_ui_due_examples (lin_answer_field_get_control (LIN_ANSWER_FIELD (self->follow_up_edits[FOLLOW_UP_DATE])),
                            lin_answer_field_get_control (LIN_ANSWER_FIELD (self->follow_up_edits[FOLLOW_UP_TIME])));

  self->follow_up_initial = dup_follow_up_answers (self);
}

/* Checks the follow-up's answers; NULL when they can be saved, else the
 * message, the keyboard on the date */
static const char *
check_follow_up (LinCallDetails *self)
{
  GtkWidget *date = self->follow_up_edits[FOLLOW_UP_DATE];
  g_autoptr(GDateTime) due = NULL;

  if (date == NULL || !step_shown (self, FOLLOW_UP_STEP) || !follow_up_changed (self))
    return NULL;

  if (lin_answer_field_has_value (LIN_ANSWER_FIELD (date)))
    {
      due = dup_follow_up_due (self);
      if (due == NULL)
        return _("The follow-up date or time is not one. Write the date as 2026-11-27 and the time as 18:30.");
    }
  else if (self->edit_follow_up != NULL)
    /* Translators: in the editor of a call, when the date of its open
     * follow-up was cleared */
    return _("Write the date of the follow-up. To end it, mark it done in the follow-up queue.");

  return NULL;
}

/**
 * lin_call_details_save_follow_up:
 * @self: a #LinCallDetails editing a call
 * @saved: (out): whether a follow-up was saved
 * @error: a location for a #GError
 *
 * Saves what she changed of the follow-up, after
 * lin_call_details_check_editor(): a new version of the open follow-up,
 * or a new follow-up, linked from the call's fields (the call is then to
 * be saved too).
 *
 * Returns: whether nothing failed
 */
gboolean
lin_call_details_save_follow_up (LinCallDetails  *self,
                                 gboolean        *saved,
                                 GError         **error)
{
  g_autoptr(JsonObject) answers = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *due_text = NULL;
  const char *method, *safe_times, *code_word;

  *saved = FALSE;
  if (!step_shown (self, FOLLOW_UP_STEP) || !follow_up_changed (self) ||
      (due = dup_follow_up_due (self)) == NULL)
    return TRUE;

  answers = dup_follow_up_answers (self);
  method = json_object_get_string_member_with_default (answers, LIN_FOLLOW_UP_FIELD_CONTACT_METHOD, NULL);
  safe_times = json_object_get_string_member_with_default (answers, LIN_FOLLOW_UP_FIELD_SAFE_TIMES, NULL);
  code_word = json_object_get_string_member_with_default (answers, LIN_FOLLOW_UP_FIELD_CODE_WORD, NULL);

  if (self->edit_follow_up == NULL)
    {
      g_autoptr(LinRecord) follow_up = lin_follow_up_new (self->call, due, method, safe_times, code_word);

      if (!lin_call_validate (follow_up, error) || !lin_store_save (self->store, follow_up, error))
        return FALSE;
      g_set_object (&self->edit_follow_up, follow_up);
    }
  else
    {
      LinRecord *follow_up = self->edit_follow_up;
      g_autofree char *before = lin_record_dup_fields_json (follow_up);
      JsonObject *fields = lin_record_get_fields (follow_up);

      due_text = lin_call_format_time (due);
      json_object_set_string_member (fields, LIN_FOLLOW_UP_FIELD_DUE, due_text);
      for (guint i = FOLLOW_UP_TIME + 1; i < LIN_CALL_DETAILS_N_FOLLOW_UP_EDITS; i++)
        lin_answer_field_store (LIN_ANSWER_FIELD (self->follow_up_edits[i]), fields);

      if (!lin_call_validate (follow_up, error) || !lin_store_save (self->store, follow_up, error))
        {
          lin_record_set_fields_json (follow_up, before, NULL);
          return FALSE;
        }
    }

  /* saved: what the editor holds now is the follow-up as it is */
  g_clear_pointer (&self->follow_up_initial, json_object_unref);
  self->follow_up_initial = g_steal_pointer (&answers);
  *saved = TRUE;

  return TRUE;
}

void
lin_call_details_build_editor (LinCallDetails *self)
{
  JsonObject *object = lin_record_get_fields (self->call);
  guint n_edits[LIN_CALL_N_STEPS + 1] = { 0, };
  LinCallDetailsEdit *type;
  const Field *fields;
  guint n_fields;

  lin_call_details_clear_editor (self);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_message), FALSE);

  for (guint step = 1; step <= LIN_CALL_N_STEPS; step++)
    {
      self->edit_steps[step] = new_step_box (step);
      gtk_box_append (self->edit_box, self->edit_steps[step]);
    }

  fields = lin_call_get_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      LinCallDetailsEdit *edit;
      GtkWidget *widget;

      if (fields[i].step < 1 || fields[i].step > LIN_CALL_N_STEPS ||
          lin_call_details_field_label (&fields[i]) == NULL)
        continue;

      widget = edit_widget (&fields[i], object);
      if (widget == NULL)
        continue;

      edit = g_new0 (LinCallDetailsEdit, 1);
      edit->field = &fields[i];
      edit->widget = widget;
      gtk_box_append (GTK_BOX (self->edit_steps[fields[i].step]), widget);
      edit->initial = edit_dup_value (edit);
      g_ptr_array_add (self->edit_fields, edit);
      n_edits[fields[i].step]++;
    }

  add_follow_up_edits (self, self->edit_steps[FOLLOW_UP_STEP]);
  n_edits[FOLLOW_UP_STEP] += LIN_CALL_DETAILS_N_FOLLOW_UP_EDITS;

  /* a step with nothing to change here is left out */
  for (guint step = 1; step <= LIN_CALL_N_STEPS; step++)
    if (n_edits[step] == 0)
      {
        gtk_box_remove (self->edit_box, self->edit_steps[step]);
        self->edit_steps[step] = NULL;
      }

  type = find_edit (self, LIN_CALL_FIELD_CALL_TYPE);
  if (type != NULL)
    g_signal_connect_object (type->widget, "changed", G_CALLBACK (update_steps), self, G_CONNECT_SWAPPED);
  update_steps (self);
}

/**
 * lin_call_details_clear_editor:
 * @self: a #LinCallDetails
 *
 * Empties the editor: what it held goes.
 */
void
lin_call_details_clear_editor (LinCallDetails *self)
{
  lin_call_details_remove_children (GTK_WIDGET (self->edit_box));
  g_ptr_array_set_size (self->edit_fields, 0);
  memset (self->edit_steps, 0, sizeof self->edit_steps);
  memset (self->follow_up_edits, 0, sizeof self->follow_up_edits);
  g_clear_pointer (&self->follow_up_initial, json_object_unref);
  g_clear_object (&self->edit_follow_up);
}

/**
 * lin_call_details_check_editor:
 * @self: a #LinCallDetails editing a call
 * @error: a location for a #GError
 *
 * Checks the answers as the wizard does before a save: a call type, a
 * municipality chosen when one is typed, a reason for a risk level raised
 * by judgement, a service type and a status for each referral, a
 * follow-up date that is one (and kept for an open follow-up). On
 * failure the keyboard goes to the answer when it can, and nothing in the
 * editor changes.
 *
 * Returns: whether the answers can be saved; @error, translated, says
 *   what to do otherwise
 */
gboolean
lin_call_details_check_editor (LinCallDetails  *self,
                               GError         **error)
{
  for (guint i = 0; i < self->edit_fields->len; i++)
    {
      LinCallDetailsEdit *edit = g_ptr_array_index (self->edit_fields, i);

      if (!step_shown (self, edit->field->step))
        continue;

      switch (edit->field->type)
        {
        case LIN_FIELD_CODE:
          if (g_str_equal (edit->field->name, LIN_CALL_FIELD_CALL_TYPE) &&
              !lin_answer_field_has_value (LIN_ANSWER_FIELD (edit->widget)))
            return refuse (lin_answer_field_get_control (LIN_ANSWER_FIELD (edit->widget)), error,
                           _("Choose the call type before saving."));
          break;

        case LIN_FIELD_PLACE:
          {
            LinPlaceEntry *place = LIN_PLACE_ENTRY (edit->widget);
            GtkWidget *entry = lin_place_entry_get_entry (place);
            g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

            /* a few letters typed and no place chosen: saving would drop
             * them without a word */
            if (lin_place_entry_get_code (place) == NULL && text[0] != '\0')
              return refuse (entry, error,
                             /* Translators: when a municipality was typed in the editor
                              * of a call but none of the places found was chosen */
                             _("Choose the municipality from the places that match what you typed, or clear it."));
          }
          break;

        case LIN_FIELD_RISK:
          if (!lin_risk_step_check (LIN_RISK_STEP (edit->widget), NULL))
            return refuse (NULL, error, _("Write why you judge the risk higher than scored."));
          if (!lin_risk_step_check_lowered (LIN_RISK_STEP (edit->widget)))
            return refuse (lin_risk_step_get_lowered_entry (LIN_RISK_STEP (edit->widget)), error,
                           /* Translators: in the editor of a call, when the edit
                            * lowers the risk level the call was saved with */
                           _("Write why the risk is lower than when the call was saved."));
          break;

        case LIN_FIELD_REFERRALS:
          if (!referrals_complete (LIN_REFERRAL_LIST (edit->widget)))
            return refuse (NULL, error,
                           /* Translators: in the editor of a call, when a referral
                            * lacks its service type or its status */
                           _("Choose the service type and the status of each referral."));
          break;

        case LIN_FIELD_INT:
        case LIN_FIELD_BOOL:
        case LIN_FIELD_STRING:
        case LIN_FIELD_CODES:
        case LIN_FIELD_TIME:
        case LIN_FIELD_ID:
        case LIN_FIELD_DISTRICT:
        default:
          break;
        }
    }

  {
    const char *message = check_follow_up (self);

    if (message != NULL)
      return refuse (lin_answer_field_get_control (LIN_ANSWER_FIELD (self->follow_up_edits[FOLLOW_UP_DATE])),
                     error, message);
  }

  return TRUE;
}

/**
 * lin_call_details_apply_editor:
 * @self: a #LinCallDetails editing a call
 * @object: the call's fields
 *
 * Puts the answers she changed into @object (removes those she took
 * away), with what follows from them: the district from the
 * municipality, "flagged" from the final risk level. The answers of
 * steps a one-step call type hides are left as they were.
 *
 * Returns: how many answers changed
 */
guint
lin_call_details_apply_editor (LinCallDetails *self,
                               JsonObject     *object)
{
  guint n_changed = 0;

  for (guint i = 0; i < self->edit_fields->len; i++)
    {
      LinCallDetailsEdit *edit = g_ptr_array_index (self->edit_fields, i);
      const char *name = edit->field->name;
      g_autoptr(JsonNode) value = NULL;

      if (!step_shown (self, edit->field->step))
        continue;

      value = edit_dup_value (edit);
      if (values_equal (value, edit->initial))
        continue;

      n_changed++;
      if (value != NULL)
        json_object_set_member (object, name, g_steal_pointer (&value));
      else if (json_object_has_member (object, name))
        json_object_remove_member (object, name);

      if (edit->field->type == LIN_FIELD_PLACE)
        {
          const char *district = lin_place_entry_get_district (LIN_PLACE_ENTRY (edit->widget));

          if (district != NULL)
            json_object_set_string_member (object, LIN_CALL_FIELD_DISTRICT, district);
          else if (json_object_has_member (object, LIN_CALL_FIELD_DISTRICT))
            json_object_remove_member (object, LIN_CALL_FIELD_DISTRICT);
        }
      else if (edit->field->type == LIN_FIELD_RISK)
        json_object_set_boolean_member (object, LIN_CALL_FIELD_FLAGGED,
                                        lin_risk_step_get_final_level (LIN_RISK_STEP (edit->widget)) ==
                                        LIN_RISK_LEVEL_HIGH);
    }

  return n_changed;
}

void
lin_call_details_edit_free (LinCallDetailsEdit *edit)
{
  g_clear_pointer (&edit->initial, json_node_unref);
  g_free (edit);
}
