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
 * The answers are LinAnswerFields built from the table below: each one
 * reads and writes its JSON member, so the call record, the draft and the
 * summary come from the same place. The risk step and the referrals have
 * widgets of their own.
 */

#define G_LOG_DOMAIN "lin-call-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-answer-field.h"
#include "lin-call.h"
#include "lin-call-wizard.h"
#include "lin-draft.h"
#include "lin-place-entry.h"
#include "lin-referral-list.h"
#include "lin-risk-step.h"
#include "lin-store.h"


enum {
  STEP_CONTACT,
  STEP_CALLER,
  STEP_VIOLENCE,
  STEP_RISK,
  STEP_SUPPORT,
  STEP_FOLLOW_UP,
};

/* where a field's answer goes */
typedef enum
{
  IN_CALL,       /* the call record */
  IN_FOLLOW_UP,  /* the follow-up record */
  IN_FORM,       /* only the draft: pieces the save puts together */
  IN_NOTE,       /* the note record */
} FieldPlace;

typedef struct
{
  guint             step;
  FieldPlace        place;
  LinAnswerKind  kind;
  const char       *key;
  const char       *list;
  const char       *title;
} FieldSpec;

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

struct _LinCallWizard
{
  GtkWidget        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet      *leaflet;
  GtkWidget       *sidebar;
  GtkWidget       *content;
  GtkListBox      *steps_list;
  GtkWidget       *steps_button;
  GtkLabel        *step_title;
  GtkLabel        *timer_label;
  GtkRevealer     *one_step_revealer;
  GtkStack        *steps_stack;
  GtkWidget       *contact_box;
  GtkWidget       *caller_box;
  GtkWidget       *violence_box;
  GtkWidget       *risk_box;
  GtkWidget       *support_box;
  GtkWidget       *follow_up_box;
  GtkLabel        *position_label;

  /* Owned */
  LinContext      *context;
  LinDraft        *draft;
  GPtrArray       *fields;      /* LinAnswerField, in the order of field_specs */
  char            *started;

  /* Borrowed */
  LinRiskStep     *risk_step;
  LinReferralList *referrals;
  LinPlaceEntry   *place_entry;
  GtkWidget       *caller_code_hint;
  GtkWidget       *summary_box;
  GtkWidget       *step_marks[LIN_CALL_WIZARD_N_STEPS];

  guint            step;
  guint            elapsed;
  guint            timer_id;
  gboolean         active;
  gboolean         loading;
};

G_DEFINE_FINAL_TYPE (LinCallWizard, lin_call_wizard, GTK_TYPE_WIDGET)

enum {
  SAVED,
  DISCARDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_after_change (LinCallWizard *self);

/* Helpers */

static LinAnswerField *
get_field (LinCallWizard *self,
           const char    *key)
{
  for (guint i = 0; i < self->fields->len; i++)
    if (g_str_equal (field_specs[i].key, key))
      return g_ptr_array_index (self->fields, i);

  g_assert_not_reached ();
}

static GtkWidget *
step_box (LinCallWizard *self,
          guint          step)
{
  GtkWidget *boxes[] = {
    self->contact_box, self->caller_box, self->violence_box,
    self->risk_box, self->support_box, self->follow_up_box,
  };

  return boxes[step];
}

static gboolean
is_one_step (LinCallWizard *self)
{
  g_autoptr(JsonNode) value = lin_answer_field_dup_value (get_field (self, "call_type"));

  return value != NULL && lin_call_type_is_one_step (json_node_get_string (value));
}

static gboolean
step_has_answers (LinCallWizard *self,
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

static char *
format_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());

  return lin_call_format_time (now);
}

/* "2026-11-27" or "27.11.2026." and "18:30" to a time in Belgrade; NULL
 * when they are not a date and a time */
static GDateTime *
parse_due (const char *date,
           const char *time)
{
  int y = 0, m = 0, d = 0, hh = 0, mm = 0;
  char end = 0;

  if (date == NULL || *date == '\0')
    return NULL;

  if (sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 &&
      sscanf (date, "%2d.%2d.%4d%c", &d, &m, &y, &end) < 3)
    return NULL;
  if (end != 0 && end != '.')
    return NULL;

  end = 0;
  if (time != NULL && *time != '\0' &&
      sscanf (time, "%2d:%2d%c", &hh, &mm, &end) != 2 &&
      sscanf (time, "%2d.%2d%c", &hh, &mm, &end) != 2)
    return NULL;

  return g_date_time_new (lin_call_get_time_zone (), y, m, d, hh, mm, 0);
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

static void
update_caller_code_hint (LinCallWizard *self)
{
  g_autoptr(JsonNode) value = lin_answer_field_dup_value (get_field (self, "caller_code"));
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
static JsonObject *
build_call (LinCallWizard *self,
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

static JsonObject *
build_follow_up (LinCallWizard *self,
                 gboolean       with_form)
{
  JsonObject *follow_up = json_object_new ();

  for (guint i = 0; i < self->fields->len; i++)
    if (field_specs[i].place == IN_FOLLOW_UP || (with_form && field_specs[i].place == IN_FORM))
      lin_answer_field_store (g_ptr_array_index (self->fields, i), follow_up);

  return follow_up;
}

static GDateTime *
dup_due (LinCallWizard *self)
{
  g_autoptr(JsonNode) date = lin_answer_field_dup_value (get_field (self, "due_date"));
  g_autoptr(JsonNode) time = lin_answer_field_dup_value (get_field (self, "due_time"));

  if (date == NULL)
    return NULL;

  return parse_due (json_node_get_string (date), time != NULL ? json_node_get_string (time) : NULL);
}

/* The draft holds everything typed, one-step or not: she may change the
 * call type back. */
static JsonObject *
build_draft (LinCallWizard *self)
{
  JsonObject *draft = json_object_new ();
  JsonObject *call = build_call (self, FALSE);
  JsonObject *follow_up = build_follow_up (self, TRUE);
  g_autoptr(JsonNode) note = lin_answer_field_dup_value (get_field (self, "note"));
  g_autoptr(GDateTime) due = dup_due (self);

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

static void
write_draft (LinCallWizard *self)
{
  g_autoptr(JsonObject) fields = NULL;

  if (self->draft == NULL)
    return;

  fields = build_draft (self);
  lin_record_set_fields (lin_draft_get_record (self->draft), fields);
  lin_draft_changed (self->draft);
}

static void
update_summary (LinCallWizard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->summary_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->summary_box), child);

  for (guint step = 0; step < LIN_CALL_WIZARD_N_STEPS; step++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      GtkWidget *label;

      if (step > STEP_CONTACT && is_one_step (self))
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

      label = gtk_label_new (_(step_titles[step]));
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
update_steps (LinCallWizard *self)
{
  gboolean one_step = is_one_step (self);
  g_autofree char *position = NULL;

  for (guint step = 0; step < LIN_CALL_WIZARD_N_STEPS; step++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->steps_list, step);
      gboolean answered = step_has_answers (self, step);
      gboolean skipped = one_step && step > STEP_CONTACT;
      g_autofree char *label = NULL;

      gtk_widget_set_visible (self->step_marks[step], answered && !skipped);
      gtk_widget_set_sensitive (GTK_WIDGET (row), !skipped);

      if (skipped)
        /* Translators: how a screen reader reads a step the call type skips: "Violence, left out" */
        label = g_strdup_printf (_("%s, left out"), _(step_titles[step]));
      else if (answered)
        /* Translators: how a screen reader reads a step with answers: "Caller, answered" */
        label = g_strdup_printf (_("%s, answered"), _(step_titles[step]));
      else
        label = g_strdup (_(step_titles[step]));
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

  gtk_label_set_label (self->step_title, _(step_titles[self->step]));
  /* Translators: where she is in the wizard: "Step 2 of 6" */
  position = g_strdup_printf (_("Step %1$u of %2$u"), self->step + 1, LIN_CALL_WIZARD_N_STEPS);
  gtk_label_set_label (self->position_label, position);

  if (self->step == STEP_FOLLOW_UP)
    update_summary (self);
}

static void
update_after_change (LinCallWizard *self)
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
field_changed_cb (LinCallWizard *self)
{
  update_after_change (self);
}

static void
caller_code_changed_cb (LinCallWizard *self)
{
  update_caller_code_hint (self);
}

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
  focus_first (step_box (self, self->step));
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
      focus_first (step_box (self, self->step));
    }
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LinCallWizard *self = LIN_CALL_WIZARD (widget);

  if (self->step + 1 < LIN_CALL_WIZARD_N_STEPS && !is_one_step (self))
    {
      lin_call_wizard_set_step (self, self->step + 1);
      focus_first (step_box (self, self->step));
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
discard_response_cb (LinCallWizard  *self,
                     const char     *response,
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
      focus_first (step_box (self, self->step));
    }
}

/* Building */

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

  label = gtk_label_new (_(step_titles[step]));
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

static void
build_steps (LinCallWizard *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autofree char *date_example = NULL;
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

      gtk_box_append (GTK_BOX (step_box (self, spec->step)), GTK_WIDGET (field));
      if (label != NULL)
        gtk_box_append (GTK_BOX (step_box (self, spec->step)), label);

      if (g_str_equal (spec->key, "caller_code"))
        {
          self->caller_code_hint = new_hint ("caller-code-hint");
          gtk_widget_set_visible (self->caller_code_hint, FALSE);
          gtk_widget_set_margin_top (self->caller_code_hint, -18);
          gtk_box_append (GTK_BOX (self->caller_box), self->caller_code_hint);
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
          gtk_box_append (GTK_BOX (self->caller_box), GTK_WIDGET (self->place_entry));
        }
    }

  /* the date as she would write it, in the example of tomorrow */
  tomorrow = g_date_time_add_days (today, 1);
  date_example = g_date_time_format (tomorrow, "%Y-%m-%d");
  gtk_entry_set_placeholder_text (GTK_ENTRY (lin_answer_field_get_control (get_field (self, "due_date"))), date_example);
  gtk_entry_set_placeholder_text (GTK_ENTRY (lin_answer_field_get_control (get_field (self, "due_time"))), "18:00");

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
  build_steps (self);
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
  update_after_change (self);
  focus_first (step_box (self, STEP_CONTACT));

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
  JsonObject *fields, *call, *follow_up, *risk;
  JsonNode *node;
  const char *note;
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

  follow_up = get_object_member (fields, "follow_up");
  note = json_object_get_string_member_with_default (fields, "note", NULL);
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
  risk = get_object_member (call, "risk");
  lin_risk_step_set_value (self->risk_step, risk);
  node = json_object_get_member (call, "referrals");
  lin_referral_list_set_value (self->referrals,
                               node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL);

  g_free (self->started);
  self->started = g_strdup (json_object_get_string_member_with_default (call, "started", NULL));
  if (self->started == NULL)
    self->started = format_now ();

  step = (guint)json_object_get_int_member_with_default (fields, "step", 0);
  self->loading = FALSE;

  start_timer (self, (guint)json_object_get_int_member_with_default (call, "duration_s", 0));
  lin_call_wizard_set_step (self, MIN (step, LIN_CALL_WIZARD_N_STEPS - 1));
  update_caller_code_hint (self);
  update_steps (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  focus_first (step_box (self, self->step));

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

  for (guint i = 0; i < self->fields->len; i++)
    lin_answer_field_clear (g_ptr_array_index (self->fields, i));
  lin_risk_step_set_value (self->risk_step, NULL);
  lin_referral_list_set_value (self->referrals, NULL);
  lin_place_entry_set_code (self->place_entry, NULL);
  gtk_label_set_label (GTK_LABEL (self->caller_code_hint), "");
  gtk_widget_set_visible (self->caller_code_hint, FALSE);

  self->step = STEP_CONTACT;
  gtk_stack_set_visible_child_name (self->steps_stack, step_names[STEP_CONTACT]);
  gtk_list_box_select_row (self->steps_list, gtk_list_box_get_row_at_index (self->steps_list, 0));

  self->loading = FALSE;

  update_steps (self);
  update_summary (self);
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

  if (step > STEP_CONTACT && is_one_step (self))
    step = STEP_CONTACT;

  self->step = step;
  gtk_stack_set_visible_child_name (self->steps_stack, step_names[step]);

  was_loading = self->loading;
  self->loading = TRUE;
  gtk_list_box_select_row (self->steps_list, gtk_list_box_get_row_at_index (self->steps_list, step));
  self->loading = was_loading;

  /* the draft remembers the step too */
  update_after_change (self);
  if (self->loading || !self->active)
    update_steps (self);
}

gboolean
lin_call_wizard_get_one_step (LinCallWizard *self)
{
  g_return_val_if_fail (LIN_IS_CALL_WIZARD (self), FALSE);

  return is_one_step (self);
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

  if (!lin_answer_field_has_value (get_field (self, "call_type")))
    {
      lin_call_wizard_set_step (self, STEP_CONTACT);
      gtk_widget_grab_focus (lin_answer_field_get_control (get_field (self, "call_type")));
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

  if (lin_answer_field_has_value (get_field (self, "due_date")))
    {
      g_autoptr(GDateTime) due = dup_due (self);

      if (due == NULL)
        {
          lin_call_wizard_set_step (self, STEP_FOLLOW_UP);
          gtk_widget_grab_focus (lin_answer_field_get_control (get_field (self, "due_date")));
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

  one_step = is_one_step (self);
  if (!check (self, one_step, error))
    return NULL;

  call = lin_record_new (LIN_CALL_KIND);
  fields = build_call (self, one_step);
  lin_record_set_fields (call, fields);

  if (!one_step && (due = dup_due (self)) != NULL)
    {
      g_autoptr(JsonObject) object = build_follow_up (self, FALSE);

      follow_up = lin_follow_up_new (call, due,
                                     json_object_get_string_member_with_default (object, "contact_method", NULL),
                                     json_object_get_string_member_with_default (object, "safe_times", NULL),
                                     json_object_get_string_member_with_default (object, "code_word", NULL));
    }

  if (!one_step)
    note = lin_answer_field_dup_value (get_field (self, "note"));

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
