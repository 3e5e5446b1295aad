/* lin-call-wizard-answers.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The answers of the call wizard: LinAnswerFields built from the table
 * below, each of which reads and writes its JSON member, so that the call
 * record, the draft and the summary come from the same place; the risk
 * step, the referrals and the municipality have widgets of their own.
 */

#define G_LOG_DOMAIN "lin-call-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call.h"
#include "lin-call-ui.h"
#include "lin-call-wizard-private.h"

static const char *step_names[] = {
  "contact", "caller", "violence", "risk", "support", "follow-up",
};

static const char *step_titles[] = {
  /* Translators: the steps of the call wizard */
  N_("Contact"),
  N_("Caller"),
  N_("Violence"),
  N_("Risk"),
  N_("Support and referrals"),
  N_("Follow-up and notes"),
};

static const FieldSpec field_specs[] = {
  { STEP_CONTACT, IN_CALL, LIN_ANSWER_CHOICE, "channel", "channel", N_("How she got in touch") },
  { STEP_CONTACT, IN_CALL, LIN_ANSWER_CHOICE, "call_type", "call-type", N_("Call type") },
  { STEP_CONTACT, IN_CALL, LIN_ANSWER_CHOICE, "language", "language", N_("Language of the conversation") },

  { STEP_CALLER, IN_CALL, LIN_ANSWER_TEXT, "caller_code", NULL, N_("Caller code (optional, never a name)") },
  { STEP_CALLER, IN_CALL, LIN_ANSWER_CHOICE, "contact", "contact", N_("First contact or repeat") },
  { STEP_CALLER, IN_CALL, LIN_ANSWER_CHOICE, "age_group", "age-group", N_("Age group") },
  { STEP_CALLER, IN_CALL, LIN_ANSWER_CHOICE, "roma", "answer", N_("Roma, as she identifies herself (optional)") },
  { STEP_CALLER, IN_CALL, LIN_ANSWER_MULTI, "disability", "disability", N_("Disability") },
  { STEP_CALLER, IN_CALL, LIN_ANSWER_TEXT, "accessibility_needs", NULL, N_("Interpreter or accessibility needs") },
  { STEP_CALLER, IN_CALL, LIN_ANSWER_NUMBER, "children_count", NULL, N_("Number of children") },
  { STEP_CALLER, IN_CALL, LIN_ANSWER_CHOICE, "children_witness", "answer", N_("Do the children witness the violence?") },
  { STEP_CALLER, IN_CALL, LIN_ANSWER_CHOICE, "pregnant", "answer", N_("Pregnant") },

  { STEP_VIOLENCE, IN_CALL, LIN_ANSWER_MULTI, "violence_forms", "violence-form", N_("Forms of violence") },
  { STEP_VIOLENCE, IN_CALL, LIN_ANSWER_MULTI, "perpetrators", "perpetrator", N_("Perpetrator: his relationship to her") },
  { STEP_VIOLENCE, IN_CALL, LIN_ANSWER_CHOICE, "living_together", "answer", N_("Living together with the perpetrator") },
  { STEP_VIOLENCE, IN_CALL, LIN_ANSWER_CHOICE, "violence_duration", "violence-duration", N_("How long it has gone on") },
  { STEP_VIOLENCE, IN_CALL, LIN_ANSWER_CHOICE, "last_incident", "last-incident", N_("The last incident") },
  { STEP_VIOLENCE, IN_CALL, LIN_ANSWER_MULTI, "reported_before", "reported-to", N_("Reported before to") },
  { STEP_VIOLENCE, IN_CALL, LIN_ANSWER_MULTI, "protection_measures", "protection-measure", N_("Protection measures in force") },

  { STEP_SUPPORT, IN_CALL, LIN_ANSWER_MULTI, "services", "service-given", N_("Services given in this call") },
  /* the referrals go here */
  { STEP_SUPPORT, IN_CALL, LIN_ANSWER_BOOLEAN, "consent_follow_up", NULL, N_("She agrees to be contacted again") },
  { STEP_SUPPORT, IN_CALL, LIN_ANSWER_BOOLEAN, "consent_statistics", NULL, N_("She agrees that the call counts in the statistics, without her name") },

  { STEP_FOLLOW_UP, IN_FORM, LIN_ANSWER_TEXT, "due_date", NULL, N_("Follow-up date") },
  { STEP_FOLLOW_UP, IN_FORM, LIN_ANSWER_TEXT, "due_time", NULL, N_("Follow-up time") },
  { STEP_FOLLOW_UP, IN_FOLLOW_UP, LIN_ANSWER_CHOICE, "contact_method", "contact-method", N_("Safe way to contact her") },
  { STEP_FOLLOW_UP, IN_FOLLOW_UP, LIN_ANSWER_TEXT, "safe_times", NULL, N_("Safe times to call") },
  { STEP_FOLLOW_UP, IN_FOLLOW_UP, LIN_ANSWER_TEXT, "code_word", NULL, N_("Code word") },
  { STEP_FOLLOW_UP, IN_NOTE, LIN_ANSWER_LONG_TEXT, "note", NULL, N_("Note") },
};

LinAnswerField *
lin_call_wizard_get_field (LinCallWizard *self,
                           const char    *key)
{
  for (guint i = 0; i < self->fields->len; i++)
    if (g_str_equal (field_specs[i].key, key))
      return g_ptr_array_index (self->fields, i);

  g_assert_not_reached ();
}

GtkWidget *
lin_call_wizard_get_step_box (LinCallWizard *self,
                              guint          step)
{
  GtkWidget *boxes[] = {
    self->contact_box, self->caller_box, self->violence_box,
    self->risk_box, self->support_box, self->follow_up_box,
  };

  return boxes[step];
}

gboolean
lin_call_wizard_is_one_step (LinCallWizard *self)
{
  g_autoptr(JsonNode) value = lin_answer_field_dup_value (lin_call_wizard_get_field (self, "call_type"));

  return value != NULL && lin_call_type_is_one_step (json_node_get_string (value));
}

gboolean
lin_call_wizard_step_has_answers (LinCallWizard *self,
                                  guint          step)
{
  for (guint i = 0; i < self->fields->len; i++)
    if (field_specs[i].step == step && lin_answer_field_has_value (g_ptr_array_index (self->fields, i)))
      return TRUE;

  if (step == STEP_CALLER)
    return lin_place_entry_get_code (self->place_entry) != NULL;
  if (step == STEP_RISK)
    return lin_risk_step_has_answers (self->risk_step);
  if (step == STEP_SUPPORT)
    return lin_referral_list_get_n_rows (self->referrals) > 0;

  return FALSE;
}

static guint
count_earlier_calls (LinCallWizard *self,
                     const char    *caller_code)
{
  LinStore *store;
  g_autoptr(GPtrArray) calls = NULL;

  if (self->context == NULL || (store = lin_context_get_store (self->context)) == NULL)
    return 0;

  calls = lin_call_find_by_caller_code (store, caller_code, NULL);

  return calls != NULL ? calls->len : 0;
}

void
lin_call_wizard_update_caller_code_hint (LinCallWizard *self)
{
  g_autoptr(JsonNode) value = lin_answer_field_dup_value (lin_call_wizard_get_field (self, "caller_code"));
  g_autofree char *text = NULL;
  guint n;

  n = value != NULL ? count_earlier_calls (self, json_node_get_string (value)) : 0;
  gtk_widget_set_visible (self->caller_code_hint, n > 0);
  if (n == 0)
    {
      gtk_label_set_label (GTK_LABEL (self->caller_code_hint), "");
      return;
    }

  /* Translators: shown under the caller code when calls with the same
   * code were saved before; no name is ever shown */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u earlier call with this code",
                                       "%u earlier calls with this code",
                                       n),
                          n);
  gtk_label_set_label (GTK_LABEL (self->caller_code_hint), text);
}

/* The call record's fields. A one-step call keeps only the first step. */
JsonObject *
lin_call_wizard_build_call (LinCallWizard *self,
                            gboolean       one_step)
{
  JsonObject *call = json_object_new ();
  g_autoptr(JsonObject) risk = NULL;
  JsonArray *referrals;

  json_object_set_int_member (call, "schema", LIN_CALL_SCHEMA);
  json_object_set_string_member (call, "started", self->started);
  json_object_set_int_member (call, "duration_s", self->elapsed);

  for (guint i = 0; i < self->fields->len; i++)
    if (field_specs[i].place == IN_CALL && (!one_step || field_specs[i].step == STEP_CONTACT))
      lin_answer_field_store (g_ptr_array_index (self->fields, i), call);

  if (one_step)
    return call;

  if (lin_place_entry_get_code (self->place_entry) != NULL)
    {
      json_object_set_string_member (call, "municipality", lin_place_entry_get_code (self->place_entry));
      json_object_set_string_member (call, "district", lin_place_entry_get_district (self->place_entry));
    }

  risk = lin_risk_step_dup_value (self->risk_step);
  if (risk != NULL)
    json_object_set_object_member (call, "risk", json_object_ref (risk));
  json_object_set_boolean_member (call, "flagged",
                                  lin_risk_step_get_final_level (self->risk_step) == LIN_RISK_LEVEL_HIGH);

  referrals = lin_referral_list_dup_value (self->referrals);
  if (referrals != NULL)
    json_object_set_array_member (call, "referrals", referrals);

  return call;
}

JsonObject *
lin_call_wizard_build_follow_up (LinCallWizard *self,
                                 gboolean       with_form)
{
  JsonObject *follow_up = json_object_new ();

  for (guint i = 0; i < self->fields->len; i++)
    if (field_specs[i].place == IN_FOLLOW_UP || (with_form && field_specs[i].place == IN_FORM))
      lin_answer_field_store (g_ptr_array_index (self->fields, i), follow_up);

  return follow_up;
}

GDateTime *
lin_call_wizard_dup_due (LinCallWizard *self)
{
  g_autoptr(JsonNode) date = lin_answer_field_dup_value (lin_call_wizard_get_field (self, "due_date"));
  g_autoptr(JsonNode) time = lin_answer_field_dup_value (lin_call_wizard_get_field (self, "due_time"));

  if (date == NULL)
    return NULL;

  return lin_call_ui_parse_due (json_node_get_string (date), time != NULL ? json_node_get_string (time) : NULL);
}

/* The draft holds everything typed, one-step or not: she may change the
 * call type back. */
JsonObject *
lin_call_wizard_build_draft (LinCallWizard *self)
{
  JsonObject *draft = json_object_new ();
  JsonObject *call = lin_call_wizard_build_call (self, FALSE);
  JsonObject *follow_up = lin_call_wizard_build_follow_up (self, TRUE);
  g_autoptr(JsonNode) note = lin_answer_field_dup_value (lin_call_wizard_get_field (self, "note"));
  g_autoptr(GDateTime) due = lin_call_wizard_dup_due (self);

  if (due != NULL)
    {
      g_autofree char *text = lin_call_format_time (due);

      json_object_set_string_member (follow_up, "due", text);
    }

  json_object_set_string_member (draft, "draft_of", "call");
  json_object_set_int_member (draft, "step", self->step);
  json_object_set_object_member (draft, "call", call);
  json_object_set_string_member (draft, "note", note != NULL ? json_node_get_string (note) : "");
  json_object_set_object_member (draft, "follow_up", follow_up);

  return draft;
}

void
lin_call_wizard_update_summary (LinCallWizard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->summary_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->summary_box), child);

  for (guint step = 0; step < LIN_CALL_WIZARD_N_STEPS; step++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      GtkWidget *label;

      if (step > STEP_CONTACT && lin_call_wizard_is_one_step (self))
        break;

      for (guint i = 0; i < self->fields->len; i++)
        {
          g_autofree char *value = NULL;

          if (field_specs[i].step != step || field_specs[i].place == IN_NOTE)
            continue;

          value = lin_answer_field_dup_display (g_ptr_array_index (self->fields, i));
          if (value == NULL)
            continue;

          if (text->len > 0)
            g_string_append_c (text, '\n');
          /* Translators: a line of the call's summary: "Call type: Silent call" */
          g_string_append_printf (text, _("%1$s: %2$s"), _(field_specs[i].title), value);

          if (g_str_equal (field_specs[i].key, "age_group"))
            {
              g_autofree char *place = lin_place_entry_dup_display (self->place_entry);

              if (place != NULL)
                {
                  g_string_append_c (text, '\n');
                  g_string_append_printf (text, _("%1$s: %2$s"), _("Municipality"), place);
                }
            }
        }

      if (step == STEP_RISK)
        {
          g_autofree char *risk = lin_risk_step_dup_display (self->risk_step);

          if (risk != NULL)
            /* Translators: the summary's line for the risk level */
            g_string_append_printf (text, _("%1$s: %2$s"), _("Risk level"), risk);
        }
      else if (step == STEP_SUPPORT)
        {
          g_autofree char *referrals = lin_referral_list_dup_display (self->referrals);

          if (referrals != NULL)
            {
              if (text->len > 0)
                g_string_append_c (text, '\n');
              g_string_append_printf (text, _("%1$s: %2$s"), _("Referrals"), referrals);
            }
        }

      if (text->len == 0)
        continue;

      label = gtk_label_new (lin_call_wizard_get_step_title (step));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (self->summary_box), label);

      label = gtk_label_new (text->str);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      gtk_box_append (GTK_BOX (self->summary_box), label);
    }

  if (gtk_widget_get_first_child (self->summary_box) == NULL)
    {
      GtkWidget *label = gtk_label_new (_("Nothing answered yet."));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (self->summary_box), label);
    }
}

static void
field_changed_cb (LinCallWizard *self)
{
  lin_call_wizard_changed (self);
}

/* the referral step's search keeps to the caller's municipality */
static void
place_changed_cb (LinCallWizard *self)
{
  if (self->referrals != NULL)
    lin_referral_list_set_municipality (self->referrals, lin_place_entry_get_code (self->place_entry));
}

static void
caller_code_changed_cb (LinCallWizard *self)
{
  lin_call_wizard_update_caller_code_hint (self);
}

static GtkWidget *
new_step_row (LinCallWizard *self,
              guint          step)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *number = g_strdup_printf ("%u", step + 1);
  g_autofree char *name = g_strdup_printf ("step-row-%s", step_names[step]);
  GtkWidget *label;

  gtk_widget_set_name (row, name);

  label = gtk_label_new (number);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (lin_call_wizard_get_step_title (step));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  self->step_marks[step] = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->step_marks[step]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Answered"),
                                  -1);
  gtk_widget_set_tooltip_text (self->step_marks[step], _("Answered"));
  gtk_widget_set_visible (self->step_marks[step], FALSE);
  gtk_box_append (GTK_BOX (box), self->step_marks[step]);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static GtkWidget *
new_hint (const char *name)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

void
lin_call_wizard_build_steps (LinCallWizard *self)
{
  GtkWidget *label;

  for (guint step = 0; step < LIN_CALL_WIZARD_N_STEPS; step++)
    gtk_list_box_append (self->steps_list, new_step_row (self, step));

  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    {
      const FieldSpec *spec = &field_specs[i];
      LinAnswerField *field = lin_answer_field_new (spec->kind, spec->key, spec->list, _(spec->title));

      g_ptr_array_add (self->fields, field);
      g_signal_connect_object (field, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);

      if (spec->step == STEP_SUPPORT && spec->kind == LIN_ANSWER_BOOLEAN &&
          self->referrals == NULL)
        {
          self->referrals = LIN_REFERRAL_LIST (lin_referral_list_new ());
          g_signal_connect_object (self->referrals, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
          gtk_box_append (GTK_BOX (self->support_box), GTK_WIDGET (self->referrals));
        }

      if (spec->step == STEP_FOLLOW_UP && spec->place == IN_NOTE)
        {
          label = gtk_label_new (_("The note is saved with the call and cannot be changed afterwards; a later note is added to it."));
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_widget_add_css_class (label, "dim-label");
        }
      else
        label = NULL;

      /* the caller code goes in with its hint, below */
      if (!g_str_equal (spec->key, "caller_code"))
        gtk_box_append (GTK_BOX (lin_call_wizard_get_step_box (self, spec->step)), GTK_WIDGET (field));
      if (label != NULL)
        gtk_box_append (GTK_BOX (lin_call_wizard_get_step_box (self, spec->step)), label);

      if (g_str_equal (spec->key, "caller_code"))
        {
          /* the hint right under its field, not a step's spacing away */
          GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

          self->caller_code_hint = new_hint ("caller-code-hint");
          gtk_widget_set_visible (self->caller_code_hint, FALSE);
          gtk_box_append (GTK_BOX (pair), GTK_WIDGET (field));
          gtk_box_append (GTK_BOX (pair), self->caller_code_hint);
          gtk_box_append (GTK_BOX (self->caller_box), pair);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (lin_answer_field_get_control (field)),
                                          GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->caller_code_hint, NULL,
                                          -1);
          g_signal_connect_object (field, "changed", G_CALLBACK (caller_code_changed_cb), self, G_CONNECT_SWAPPED);
        }
      else if (g_str_equal (spec->key, "children_count"))
        lin_answer_field_set_range (field, 0, 20);
      else if (g_str_equal (spec->key, "age_group"))
        {
          /* Translators: the question of the caller's municipality */
          self->place_entry = LIN_PLACE_ENTRY (lin_place_entry_new (_("Municipality")));
          g_signal_connect_object (self->place_entry, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (self->place_entry, "changed", G_CALLBACK (place_changed_cb), self, G_CONNECT_SWAPPED);
          gtk_box_append (GTK_BOX (self->caller_box), GTK_WIDGET (self->place_entry));
        }
    }

  lin_call_ui_due_examples (lin_answer_field_get_control (lin_call_wizard_get_field (self, "due_date")),
                            lin_answer_field_get_control (lin_call_wizard_get_field (self, "due_time")));

  self->risk_step = LIN_RISK_STEP (lin_risk_step_new ());
  gtk_widget_set_name (GTK_WIDGET (self->risk_step), "risk-step");
  g_signal_connect_object (self->risk_step, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->risk_box), GTK_WIDGET (self->risk_step));

  /* the summary, then Save */
  label = gtk_label_new (_("Summary"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "title-4");
  gtk_box_append (GTK_BOX (self->follow_up_box), label);
  self->summary_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_name (self->summary_box, "summary");
  gtk_widget_add_css_class (self->summary_box, "card");
  gtk_widget_add_css_class (self->summary_box, "lin-card");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->summary_box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (self->follow_up_box), self->summary_box);

  {
    GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Call"));

    gtk_widget_set_name (save, "summary-save-button");
    gtk_widget_set_halign (save, GTK_ALIGN_END);
    gtk_widget_add_css_class (save, "suggested-action");
    gtk_widget_add_css_class (save, "pill");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "wizard.save");
    gtk_box_append (GTK_BOX (self->follow_up_box), save);
  }
}

/**
 * lin_call_wizard_load_answers:
 * @self: a #LinCallWizard
 * @call: the call fields of a draft
 * @follow_up: (nullable): its follow-up fields
 * @note: (nullable): its note
 *
 * Shows the answers of a draft, without writing it back.
 */
void
lin_call_wizard_load_answers (LinCallWizard *self,
                              JsonObject    *call,
                              JsonObject    *follow_up,
                              const char    *note)
{
  JsonObject *risk;
  JsonNode *node;

  for (guint i = 0; i < self->fields->len; i++)
    {
      LinAnswerField *field = g_ptr_array_index (self->fields, i);

      switch (field_specs[i].place)
        {
        case IN_CALL:
          lin_answer_field_load (field, call);
          break;

        case IN_FOLLOW_UP:
        case IN_FORM:
          if (follow_up != NULL)
            lin_answer_field_load (field, follow_up);
          break;

        case IN_NOTE:
          {
            g_autoptr(JsonNode) value = note != NULL && *note != '\0'
              ? json_node_init_string (json_node_alloc (), note) : NULL;

            lin_answer_field_set_value (field, value);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  lin_place_entry_set_code (self->place_entry,
                            json_object_get_string_member_with_default (call, "municipality", NULL));
  node = json_object_get_member (call, "risk");
  risk = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  lin_risk_step_set_value (self->risk_step, risk);
  node = json_object_get_member (call, "referrals");
  lin_referral_list_set_value (self->referrals,
                               node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL);
  place_changed_cb (self);
}

void
lin_call_wizard_clear_answers (LinCallWizard *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    lin_answer_field_clear (g_ptr_array_index (self->fields, i));
  lin_risk_step_set_value (self->risk_step, NULL);
  lin_referral_list_set_value (self->referrals, NULL);
  lin_place_entry_set_code (self->place_entry, NULL);
  place_changed_cb (self);
  gtk_label_set_label (GTK_LABEL (self->caller_code_hint), "");
  gtk_widget_set_visible (self->caller_code_hint, FALSE);
}

const char *
lin_call_wizard_get_step_name (guint step)
{
  g_return_val_if_fail (step < LIN_CALL_WIZARD_N_STEPS, NULL);

  return step_names[step];
}

const char *
lin_call_wizard_get_step_title (guint step)
{
  g_return_val_if_fail (step < LIN_CALL_WIZARD_N_STEPS, NULL);

  return _(step_titles[step]);
}
