/* lin-call-details.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One call, read back: every answer in words of the counsellor's
 * language (labels from the code lists, never the stored codes), the
 * notes written about it, oldest first, and three things to do with it:
 * add a note (a new immutable note record), edit the answers (saved as a
 * new revision of the same record, the earlier one kept) and look at the
 * history of its revisions.
 */

#define G_LOG_DOMAIN "lin-call-details"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call-details-private.h"
#include "lin-call-ui.h"
#include "lin-codes.h"
#include "lin-envelope.h"

/* The words that name a call's fields; lin_call_get_fields() gives their
 * order, types and code lists */
static const struct
{
  const char *name;
  const char *label;
} labels[] = {
  { LIN_CALL_FIELD_STARTED, N_("Call began") },
  { LIN_CALL_FIELD_DURATION, N_("Duration") },
  { LIN_CALL_FIELD_CHANNEL, N_("Channel") },
  { LIN_CALL_FIELD_CALL_TYPE, N_("Call type") },
  { LIN_CALL_FIELD_LANGUAGE, N_("Language of the conversation") },
  { LIN_CALL_FIELD_CALLER_CODE, N_("Caller code") },
  { LIN_CALL_FIELD_CONTACT, N_("First or repeat contact") },
  { LIN_CALL_FIELD_AGE_GROUP, N_("Age group") },
  { LIN_CALL_FIELD_MUNICIPALITY, N_("Municipality") },
  { LIN_CALL_FIELD_DISTRICT, N_("District") },
  { LIN_CALL_FIELD_ROMA, N_("Roma (self-identified)") },
  { LIN_CALL_FIELD_DISABILITY, N_("Disability") },
  { LIN_CALL_FIELD_ACCESSIBILITY_NEEDS, N_("Interpreter or accessibility needs") },
  { LIN_CALL_FIELD_CHILDREN_COUNT, N_("Children") },
  { LIN_CALL_FIELD_CHILDREN_WITNESS, N_("Children witness the violence") },
  { LIN_CALL_FIELD_PREGNANT, N_("Pregnant") },
  { LIN_CALL_FIELD_VIOLENCE_FORMS, N_("Forms of violence") },
  { LIN_CALL_FIELD_PERPETRATORS, N_("Perpetrator") },
  { LIN_CALL_FIELD_LIVING_TOGETHER, N_("Living together") },
  { LIN_CALL_FIELD_VIOLENCE_DURATION, N_("How long it has gone on") },
  { LIN_CALL_FIELD_LAST_INCIDENT, N_("Last incident") },
  { LIN_CALL_FIELD_REPORTED_BEFORE, N_("Reported before to") },
  { LIN_CALL_FIELD_PROTECTION_MEASURES, N_("Protection measures in force") },
  { LIN_CALL_FIELD_RISK, N_("Risk level") },
  { LIN_CALL_FIELD_SERVICES, N_("Services given") },
  { LIN_CALL_FIELD_REFERRALS, N_("Referrals") },
  { LIN_CALL_FIELD_CONSENT_FOLLOW_UP, N_("Consent to follow-up") },
  { LIN_CALL_FIELD_CONSENT_STATISTICS, N_("Consent to statistics") },
  { LIN_CALL_FIELD_FOLLOW_UP_ID, N_("Follow-up") },
};

const char * const lin_call_details_step_titles[LIN_CALL_N_STEPS + 1] = {
  NULL,
  /* Translators: the steps of a call, as the wizard names them */
  N_("Contact"), N_("Caller"), N_("Violence"), N_("Risk"),
  N_("Support and Referrals"), N_("Follow-up and Notes"),
};

/* the field's name in the user's language, or NULL for fields not shown
 * (the schema version, the demo mark, "flagged": the risk badge says it) */
const char *
lin_call_details_field_label (const Field *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].name, field->name))
      return _(labels[i].label);

  return NULL;
}

G_DEFINE_FINAL_TYPE (LinCallDetails, lin_call_details, ADW_TYPE_BIN)

enum {
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

void
lin_call_details_remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static GtkWidget *
value_row (const char *title,
           const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "lin-answer");

  return row;
}

/* An answer that differs from the version before: a quiet tag, and the
 * word in the row's accessible description so a screen reader says it */
static void
mark_changed (GtkWidget *row)
{
  GtkWidget *tag = gtk_label_new (C_("answer", "Changed"));

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "lin-changed-tag");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
  gtk_widget_add_css_class (row, "lin-answer-changed");
  gtk_widget_set_name (row, "changed-answer-row");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, C_("answer", "Changed"),
                                  -1);
}

/* an answer that is not there: no member, null or an empty text */
static gboolean
node_is_empty (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node)[0] == '\0';
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) == 0;

  return FALSE;
}

static gboolean
answer_changed (const Field *field,
                JsonObject  *object,
                JsonObject  *previous)
{
  JsonNode *now = json_object_get_member (object, field->name);
  JsonNode *before = json_object_get_member (previous, field->name);

  if (node_is_empty (now) || node_is_empty (before))
    return node_is_empty (now) != node_is_empty (before);

  return !json_node_equal (now, before);
}

char *
lin_call_details_codes_text (const char *list,
                             JsonNode   *node)
{
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *code = json_array_get_string_element (array, i);

      if (code == NULL)
        continue;
      if (text->len > 0)
        /* Translators: between the items of a list of answers */
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, lin_code_label (list, code));
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static char *
risk_text (JsonNode *node)
{
  JsonObject *risk;
  LinRiskLevel level;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *reason;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  risk = json_node_get_object (node);
  level = lin_risk_level_from_code (json_object_get_string_member_with_default (risk, "final_level",
                                    json_object_get_string_member_with_default (risk, "level", "")));
  if (level == LIN_RISK_LEVEL_NONE)
    return NULL;

  /* Translators: the risk of a call: the level, then the checklist's score */
  g_string_append_printf (text, _("%1$s (score %2$d)"),
                          lin_risk_level_get_label (level),
                          (int)json_object_get_int_member_with_default (risk, "score", 0));

  reason = json_object_get_string_member_with_default (risk, "judgement_reason", NULL);
  if (reason != NULL && reason[0] != '\0')
    {
      g_string_append_c (text, '\n');
      /* Translators: why the counsellor raised the risk level; %s is her reason */
      g_string_append_printf (text, _("Raised by professional judgement: %s"), reason);
    }

  reason = json_object_get_string_member_with_default (risk, "lowering_reason", NULL);
  if (reason != NULL && reason[0] != '\0')
    {
      LinRiskLevel from = lin_risk_level_from_code (json_object_get_string_member_with_default (risk, "lowered_from", ""));

      g_string_append_c (text, '\n');
      /* Translators: when an edit lowered a call's risk level: the level it
       * had, then the counsellor's reason, e.g. "Lowered from High risk
       * when edited: …" */
      g_string_append_printf (text, _("Lowered from %1$s when edited: %2$s"),
                              lin_risk_level_get_label (from), reason);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
referrals_text (JsonNode *node)
{
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *referral;
      const char *type, *free_text, *status;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      referral = json_node_get_object (element);
      type = json_object_get_string_member_with_default (referral, "service_type", "");
      free_text = json_object_get_string_member_with_default (referral, "text", "");
      status = json_object_get_string_member_with_default (referral, "status", "");

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (free_text[0] != '\0')
        /* Translators: a referral: the service type, the service as written, the status */
        g_string_append_printf (text, _("%1$s: %2$s (%3$s)"),
                                lin_code_label ("service-type", type), free_text,
                                lin_code_label ("referral-status", status));
      else
        /* Translators: a referral: the service type and the status */
        g_string_append_printf (text, _("%1$s (%2$s)"),
                                lin_code_label ("service-type", type),
                                lin_code_label ("referral-status", status));
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static guint
add_follow_up_rows (LinCallDetails *self,
                    LinRecord      *call,
                    GtkWidget      *group)
{
  LinRecord *follow_up = lin_call_get_follow_up (self->store, call);
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  g_autofree char *due = NULL;
  const char *text;
  const char *state;

  if (follow_up == NULL)
    return 0;

  due = lin_call_ui_time (lin_record_get_string (follow_up, "due"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), value_row (_("Follow-up due"), due));

  text = lin_record_get_string (follow_up, "contact_method");
  if (text != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               value_row (_("Safe contact method"), lin_code_label ("contact-method", text)));

  text = lin_record_get_string (follow_up, "safe_times");
  if (text != NULL && text[0] != '\0')
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), value_row (_("Safe times to call"), text));

  text = lin_record_get_string (follow_up, "code_word");
  if (text != NULL && text[0] != '\0')
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), value_row (_("Code word"), text));

  switch (lin_follow_up_get_state (follow_up, now))
    {
    case LIN_FOLLOW_UP_OVERDUE:
      state = _("Overdue");
      break;

    case LIN_FOLLOW_UP_TODAY:
      state = _("Due today");
      break;

    case LIN_FOLLOW_UP_UPCOMING:
      state = _("Upcoming");
      break;

    case LIN_FOLLOW_UP_DONE:
      text = lin_record_get_string (follow_up, "outcome");
      state = text != NULL ? lin_code_label ("follow-up-outcome", text) : _("Done");
      break;

    case LIN_FOLLOW_UP_NONE:
    default:
      state = NULL;
      break;
    }

  if (state != NULL)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               /* Translators: where a follow-up stands: overdue, done… */
                               value_row (_("Follow-up state"), state));

  text = lin_record_get_string (follow_up, "outcome_note");
  if (text != NULL && text[0] != '\0')
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), value_row (_("Note on the outcome"), text));

  return 1;
}

static char *
field_text (const Field *field,
            JsonObject  *object)
{
  JsonNode *node = json_object_get_member (object, field->name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  switch (field->type)
    {
    case LIN_FIELD_INT:
      if (g_str_equal (field->name, LIN_CALL_FIELD_DURATION))
        {
          gint64 seconds = json_node_get_int (node);

          /* Translators: a call's duration in minutes and seconds */
          return g_strdup_printf (_("%1$d:%2$02d"), (int)(seconds / 60), (int)(seconds % 60));
        }
      return g_strdup_printf ("%d", (int)json_node_get_int (node));

    case LIN_FIELD_BOOL:
      return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));

    case LIN_FIELD_STRING:
      {
        const char *text = json_node_get_string (node);

        return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
      }

    case LIN_FIELD_PLACE:
    case LIN_FIELD_DISTRICT:
      return g_strdup (lin_call_ui_place (json_node_get_string (node)));

    case LIN_FIELD_TIME:
      return lin_call_ui_time (json_node_get_string (node));

    case LIN_FIELD_CODE:
      {
        const char *code = json_node_get_string (node);

        return code != NULL ? g_strdup (lin_code_label (field->list, code)) : NULL;
      }

    case LIN_FIELD_CODES:
      return lin_call_details_codes_text (field->list, node);

    case LIN_FIELD_RISK:
      return risk_text (node);

    case LIN_FIELD_REFERRALS:
      return referrals_text (node);

    case LIN_FIELD_ID:
    default:
      return NULL;
    }
}

/* Adds @call's answers to @box, one group for each step that has any.
 * With @previous, an earlier version of the same call, the answers that
 * differ from it are marked, and an answer taken away shows as not
 * answered. The follow-up is a record of its own, with its own life: its
 * rows come only with the current answers, never with a version's.
 *
 * Returns: how many answers were marked changed */
static guint
add_answers (LinCallDetails *self,
             GtkBox         *box,
             LinRecord      *call,
             LinRecord      *previous)
{
  JsonObject *object = lin_record_get_fields (call);
  JsonObject *previous_object = previous != NULL ? lin_record_get_fields (previous) : NULL;
  GtkWidget *groups[G_N_ELEMENTS (lin_call_details_step_titles)] = { NULL, };
  guint n_rows[G_N_ELEMENTS (lin_call_details_step_titles)] = { 0, };
  const Field *fields;
  guint n_fields;
  guint n_changed = 0;

  lin_call_details_remove_children (GTK_WIDGET (box));

  for (guint step = 1; step < G_N_ELEMENTS (lin_call_details_step_titles); step++)
    {
      groups[step] = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[step]), _(lin_call_details_step_titles[step]));
    }

  fields = lin_call_get_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const Field *field = &fields[i];
      const char *label = lin_call_details_field_label (field);
      g_autofree char *text = NULL;
      gboolean changed;
      GtkWidget *row;

      if (label == NULL || field->step >= G_N_ELEMENTS (lin_call_details_step_titles))
        continue;

      if (g_str_equal (field->name, LIN_CALL_FIELD_FOLLOW_UP_ID))
        {
          if (call == self->call)
            n_rows[field->step] += add_follow_up_rows (self, call, groups[field->step]);
          continue;
        }

      changed = previous_object != NULL && answer_changed (field, object, previous_object);
      text = field_text (field, object);
      if (text == NULL && changed)
        text = g_strdup (_("Not answered"));
      if (text == NULL)
        continue;

      row = value_row (label, text);
      if (changed)
        {
          mark_changed (row);
          n_changed++;
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[field->step]), row);
      n_rows[field->step]++;
    }

  /* only the steps that have answers: a one-step call shows one */
  for (guint step = 1; step < G_N_ELEMENTS (lin_call_details_step_titles); step++)
    {
      if (n_rows[step] > 0)
        gtk_box_append (box, groups[step]);
      else
        g_object_unref (g_object_ref_sink (groups[step]));
    }

  return n_changed;
}

static void
show_answers (LinCallDetails *self)
{
  add_answers (self, self->answers_box, self->call, NULL);
}

static void
show_notes (LinCallDetails *self)
{
  /* oldest first */
  g_autoptr(GPtrArray) notes = lin_call_list_notes (self->store, lin_record_get_id_string (self->call));

  lin_call_details_remove_children (GTK_WIDGET (self->notes_list));

  for (guint i = 0; i < notes->len; i++)
    {
      LinRecord *note = g_ptr_array_index (notes, i);
      g_autofree char *written = lin_call_ui_time (lin_record_get_string (note, "written"));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      GtkWidget *time = gtk_label_new (written);
      GtkWidget *text = gtk_label_new (lin_record_get_string (note, "text"));
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_widget_set_margin_top (box, 9);
      gtk_widget_set_margin_bottom (box, 9);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_label_set_xalign (GTK_LABEL (time), 0);
      gtk_widget_add_css_class (time, "dim-label");
      gtk_widget_add_css_class (time, "caption");
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_box_append (GTK_BOX (box), time);
      gtk_box_append (GTK_BOX (box), text);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_name (row, "note-row");
      gtk_list_box_append (self->notes_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->notes_list), notes->len > 0);
  gtk_widget_set_visible (self->no_notes_label, notes->len == 0);
}

static void
clear_note_editor (LinCallDetails *self)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", 0);
  gtk_widget_set_visible (GTK_WIDGET (self->note_message), FALSE);
  gtk_revealer_set_reveal_child (self->note_revealer, FALSE);
}

static void
update_title (LinCallDetails *self)
{
  g_autofree char *started = NULL;
  g_autofree char *title = NULL;

  if (self->call == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      return;
    }

  started = lin_call_ui_time (lin_record_get_string (self->call, "started"));
  /* Translators: the heading of a call's details; %s is its date and time */
  title = g_strdup_printf (_("Call of %s"), started);
  gtk_label_set_text (self->title_label, title);
}

static void
show (LinCallDetails *self)
{
  gboolean have = self->call != NULL && self->store != NULL;

  gtk_widget_set_visible (self->edit_button, have);
  gtk_widget_set_visible (self->history_button, have);
  update_title (self);

  if (!have)
    {
      lin_call_details_remove_children (GTK_WIDGET (self->answers_box));
      lin_call_details_remove_children (GTK_WIDGET (self->notes_list));
      lin_call_details_clear_editor (self);
      lin_call_details_remove_children (GTK_WIDGET (self->history_list));
      lin_call_details_remove_children (GTK_WIDGET (self->version_box));
      g_clear_pointer (&self->revisions, g_ptr_array_unref);
      clear_note_editor (self);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  show_answers (self);
  show_notes (self);
}

/* History */

/* when a version was saved, in the call's time zone */
static char *
version_time (LinRecord *version)
{
  /* the hybrid logical clock: milliseconds since 1970 above 16 bits */
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc ((gint64)((lin_record_get_hlc (version) >> 16) / 1000));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, lin_call_get_time_zone ());

  /* Translators: the time a version of a call was saved, a
   * g_date_time_format() format with numbers only */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M:%S"));
}

static void
show_history (LinCallDetails *self)
{
  g_autoptr(GError) error = NULL;
  guint64 current = lin_record_get_revision (self->call);

  lin_call_details_remove_children (GTK_WIDGET (self->history_list));
  g_clear_pointer (&self->revisions, g_ptr_array_unref);

  /* oldest first; opened again each time, so a version saved meanwhile
   * (here or by a sync) is in the list */
  self->revisions = lin_store_list_revisions (self->store, lin_record_get_id_string (self->call), &error);
  gtk_widget_set_visible (GTK_WIDGET (self->history_message), self->revisions == NULL);
  if (self->revisions == NULL)
    {
      g_debug ("The versions of a call could not be opened: %s", error->message);
      return;
    }

  /* newest first */
  for (guint i = self->revisions->len; i > 0; i--)
    {
      LinRecord *version = g_ptr_array_index (self->revisions, i - 1);
      guint64 revision = lin_record_get_revision (version);
      g_autofree char *when = version_time (version);
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (revision == current)
        /* Translators: a version of a call in its history; %u counts from 1 */
        title = g_strdup_printf (_("Version %u (current)"), (guint)revision);
      else
        title = g_strdup_printf (_("Version %u"), (guint)revision);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      /* Translators: under a version of a call; %s is a date and time */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_name (row, "history-row");
      g_object_set_data (G_OBJECT (row), "lin-revision", GUINT_TO_POINTER ((guint)revision));
      gtk_list_box_append (self->history_list, row);
    }
}

/* the row of @revision in the list of versions, to come back to */
static GtkWidget *
history_row (LinCallDetails *self,
             guint64         revision)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->history_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "lin-revision")) == revision)
      return row;

  return NULL;
}

/* Shows the answers of one version read-only, those that differ from the
 * version before it marked; FALSE when the history holds no @revision */
static gboolean
show_version (LinCallDetails *self,
              guint64         revision)
{
  LinRecord *version = NULL;
  LinRecord *previous = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;

  if (self->revisions == NULL)
    return FALSE;

  for (guint i = 0; i < self->revisions->len; i++)
    if (lin_record_get_revision (g_ptr_array_index (self->revisions, i)) == revision)
      {
        version = g_ptr_array_index (self->revisions, i);
        previous = i > 0 ? g_ptr_array_index (self->revisions, i - 1) : NULL;
        break;
      }

  if (version == NULL)
    return FALSE;

  when = version_time (version);
  /* Translators: the heading of an earlier version of a call's answers;
   * %1$u is its number (from 1), %2$s the date and time it was saved */
  title = g_strdup_printf (_("Version %1$u, saved %2$s"), (guint)revision, when);
  gtk_label_set_text (self->version_title, title);
  add_answers (self, self->version_box, version, previous);
  self->shown_revision = revision;

  return TRUE;
}

/* Callbacks */

static void
back_clicked_cb (LinCallDetails *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
add_note_clicked_cb (LinCallDetails *self)
{
  gtk_revealer_set_reveal_child (self->note_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
cancel_note_clicked_cb (LinCallDetails *self)
{
  clear_note_editor (self);
}

static void
save_note_clicked_cb (LinCallDetails *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LinRecord) note = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  note = lin_call_details_add_note (self, text, &error);
  if (note == NULL)
    {
      /* a blank note is no error: there is nothing to keep */
      if (error != NULL)
        {
          gtk_label_set_text (self->note_message, _("The note could not be saved. Try again."));
          gtk_widget_set_visible (GTK_WIDGET (self->note_message), TRUE);
        }
      return;
    }

  clear_note_editor (self);
}

static void
edit_clicked_cb (LinCallDetails *self)
{
  lin_call_details_set_mode (self, "edit");
}

static void
history_clicked_cb (LinCallDetails *self)
{
  lin_call_details_set_mode (self, "history");
}

static void
close_history_clicked_cb (LinCallDetails *self)
{
  lin_call_details_set_mode (self, "view");
}

static void
history_row_activated_cb (LinCallDetails *self,
                          GtkListBoxRow  *row)
{
  guint revision = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "lin-revision"));

  lin_call_details_show_version (self, revision);
}

static void
version_back_clicked_cb (LinCallDetails *self)
{
  guint64 revision = self->shown_revision;
  GtkWidget *row;

  lin_call_details_set_mode (self, "history");
  /* the keyboard goes back to the version it came from */
  row = history_row (self, revision);
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

/* Escape steps back one level: from a version to the list of versions,
 * from there to the answers, from the answers to the list of calls */
static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  LinCallDetails *self = LIN_CALL_DETAILS (widget);
  const char *mode = lin_call_details_get_mode (self);

  if (g_str_equal (mode, "version"))
    version_back_clicked_cb (self);
  else if (g_str_equal (mode, "history"))
    {
      lin_call_details_set_mode (self, "view");
      gtk_widget_grab_focus (self->history_button);
    }
  else
    g_signal_emit (self, signals[BACK], 0);

  return TRUE;
}

/* once the note editor is open, it is scrolled into view: it may lie
 * below the answers, out of sight */
static gboolean
scroll_to_note_editor (gpointer data)
{
  g_autoptr(LinCallDetails) self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->view_scroller);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->view_scroller);
  graphene_rect_t bounds;
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (!gtk_revealer_get_child_revealed (self->note_revealer) ||
      !gtk_widget_compute_bounds (GTK_WIDGET (self->note_revealer), viewport, &bounds))
    return G_SOURCE_REMOVE;

  /* bounds are where it shows now: below the page, or above it */
  if (bounds.origin.y + bounds.size.height > page)
    value += bounds.origin.y + bounds.size.height - page;
  if (bounds.origin.y < 0)
    value += bounds.origin.y;
  gtk_adjustment_set_value (adjustment, value);

  return G_SOURCE_REMOVE;
}

static void
note_revealed_cb (LinCallDetails *self)
{
  if (gtk_revealer_get_child_revealed (self->note_revealer))
    /* after the layout that gives it its place */
    g_idle_add_full (G_PRIORITY_LOW, scroll_to_note_editor, g_object_ref (self), NULL);
}

static void
cancel_edit_clicked_cb (LinCallDetails *self)
{
  lin_call_details_set_mode (self, "view");
}

static void
show_edit_message (LinCallDetails *self,
                   const char     *message)
{
  gtk_label_set_text (self->edit_message, message);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_message), TRUE);
}

static void
save_edit_clicked_cb (LinCallDetails *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *follow_up_before = NULL;
  gboolean follow_up_saved = FALSE;
  JsonObject *object;
  guint n_changed;

  g_return_if_fail (self->call != NULL && self->store != NULL);

  follow_up_before = g_strdup (lin_record_get_string (self->call, LIN_CALL_FIELD_FOLLOW_UP_ID));

  /* what the wizard would refuse: said, and the editor left as it is */
  if (!lin_call_details_check_editor (self, &error))
    {
      show_edit_message (self, error->message);
      return;
    }

  /* the record is the working set's own: put the answers back if the
   * save fails */
  before = lin_record_dup_fields_json (self->call);
  object = json_object_ref (lin_record_get_fields (self->call));
  n_changed = lin_call_details_apply_editor (self, object);
  json_object_unref (object);

  /* the follow-up first: a new one is linked from the call */
  if (!lin_call_details_save_follow_up (self, &follow_up_saved, &error))
    {
      lin_record_set_fields_json (self->call, before, NULL);
      show_edit_message (self, _("The changes could not be saved. Try again."));
      return;
    }
  if (g_strcmp0 (lin_record_get_string (self->call, LIN_CALL_FIELD_FOLLOW_UP_ID), follow_up_before) != 0)
    n_changed++;

  /* nothing changed: no new version that differs in nothing */
  if (n_changed == 0)
    {
      lin_call_details_set_mode (self, "view");
      if (follow_up_saved)
        show (self);
      return;
    }

  if (!lin_call_validate (self->call, &error) ||
      !lin_store_save (self->store, self->call, &error))
    {
      lin_record_set_fields_json (self->call, before, NULL);
      show_edit_message (self, _("The changes could not be saved. Try again."));
      return;
    }

  lin_call_details_set_mode (self, "view");
}

static void
record_changed_cb (LinCallDetails *self,
                   LinRecord      *record)
{
  const char *kind = lin_record_get_kind (record);

  if (self->call == NULL)
    return;

  if (record == self->call && lin_store_get (self->store, lin_record_get_id_string (record)) == NULL)
    {
      /* deleted */
      lin_call_details_set_call (self, NULL);
      return;
    }

  if (g_str_equal (kind, "note") || g_str_equal (kind, "follow-up") || record == self->call)
    {
      if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "view"))
        show (self);
      if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "history"))
        show_history (self);
    }
}

/* Overrides */

static void
lin_call_details_dispose (GObject *object)
{
  LinCallDetails *self = (LinCallDetails *)object;

  lin_call_details_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIN_TYPE_CALL_DETAILS);
  g_clear_pointer (&self->edit_fields, g_ptr_array_unref);
  g_clear_pointer (&self->revisions, g_ptr_array_unref);
  g_clear_pointer (&self->follow_up_initial, json_object_unref);
  g_clear_object (&self->edit_follow_up);

  G_OBJECT_CLASS (lin_call_details_parent_class)->dispose (object);
}

static void
lin_call_details_class_init (LinCallDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_call_details_dispose;

  /**
   * LinCallDetails::back:
   * @self: the details
   *
   * The counsellor asked to go back to the list (in a narrow window).
   */
  signals[BACK] =
    g_signal_new ("back",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* back one level; from the answers to the list, where the keyboard was */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lin-call-details.ui");
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, back_button);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, title_label);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, history_button);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, edit_button);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, view_scroller);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, answers_box);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, note_revealer);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, note_view);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, note_message);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, notes_list);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, no_notes_label);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, edit_box);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, edit_message);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, history_list);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, history_message);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, version_title);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, version_back_button);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, version_scroller);
  gtk_widget_class_bind_template_child (widget_class, LinCallDetails, version_box);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_note_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_note_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_note_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, history_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_history_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, history_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, version_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_revealed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_edit_clicked_cb);
}

static void
lin_call_details_init (LinCallDetails *self)
{
  self->edit_fields = g_ptr_array_new_with_free_func ((GDestroyNotify)lin_call_details_edit_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  show (self);
}

/* Public API */

/**
 * lin_call_details_set_store:
 * @self: a #LinCallDetails
 * @store: (nullable): the unlocked profile's store, or %NULL to empty the
 *   view (at lock)
 */
void
lin_call_details_set_store (LinCallDetails *self,
                            LinStore       *store)
{
  g_return_if_fail (LIN_IS_CALL_DETAILS (self));
  g_return_if_fail (store == NULL || LIN_IS_STORE (store));

  if (self->store == store)
    return;

  g_clear_object (&self->call);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, record_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "record-changed",
                             G_CALLBACK (record_changed_cb), self,
                             G_CONNECT_SWAPPED);

  if (self->edit_fields != NULL)
    show (self);
}

LinRecord *
lin_call_details_get_call (LinCallDetails *self)
{
  g_return_val_if_fail (LIN_IS_CALL_DETAILS (self), NULL);

  return self->call;
}

/**
 * lin_call_details_set_call:
 * @self: a #LinCallDetails
 * @call: (nullable): a call record of the store
 *
 * Shows @call's answers and notes; a note being written or an edit under
 * way for another call is dropped.
 */
void
lin_call_details_set_call (LinCallDetails *self,
                           LinRecord      *call)
{
  g_return_if_fail (LIN_IS_CALL_DETAILS (self));
  g_return_if_fail (call == NULL || LIN_IS_RECORD (call));

  if (call != self->call)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->view_scroller);

      clear_note_editor (self);
      lin_call_details_remove_children (GTK_WIDGET (self->version_box));
      g_clear_pointer (&self->revisions, g_ptr_array_unref);
      /* another call starts at its beginning */
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    }

  g_set_object (&self->call, call);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_message), FALSE);
  show (self);
  if (self->call != NULL && self->store != NULL)
    gtk_stack_set_visible_child_name (self->stack, "view");
}

void
lin_call_details_set_show_back (LinCallDetails *self,
                                gboolean        show_back)
{
  g_return_if_fail (LIN_IS_CALL_DETAILS (self));

  gtk_widget_set_visible (self->back_button, show_back);
}

/**
 * lin_call_details_get_mode:
 * @self: a #LinCallDetails
 *
 * Returns: "none" (no call), "view", "edit", "history" or "version" (one
 *   version's answers, lin_call_details_show_version())
 */
const char *
lin_call_details_get_mode (LinCallDetails *self)
{
  g_return_val_if_fail (LIN_IS_CALL_DETAILS (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * lin_call_details_set_mode:
 * @self: a #LinCallDetails showing a call
 * @mode: "view", "edit" or "history"
 */
void
lin_call_details_set_mode (LinCallDetails *self,
                           const char     *mode)
{
  gboolean viewing;

  g_return_if_fail (LIN_IS_CALL_DETAILS (self));
  g_return_if_fail (mode != NULL);

  if (self->call == NULL || self->store == NULL)
    return;

  if (g_str_equal (mode, "edit"))
    lin_call_details_build_editor (self);
  else if (g_str_equal (mode, "history") || g_str_equal (mode, "version"))
    {
      /* a version is chosen in the list: without one, the list */
      mode = "history";
      show_history (self);
    }
  else
    {
      mode = "view";
      show (self);
      /* what the editor held goes */
      lin_call_details_clear_editor (self);
    }
  if (!g_str_equal (mode, "history"))
    {
      /* an earlier version's answers are not kept out of sight */
      lin_call_details_remove_children (GTK_WIDGET (self->version_box));
      g_clear_pointer (&self->revisions, g_ptr_array_unref);
    }

  viewing = g_str_equal (mode, "view");
  gtk_widget_set_sensitive (self->edit_button, viewing);
  gtk_widget_set_sensitive (self->history_button, viewing);
  gtk_stack_set_visible_child_name (self->stack, mode);
}

/**
 * lin_call_details_show_version:
 * @self: a #LinCallDetails showing a call
 * @revision: one of its revisions
 *
 * Shows the answers of the call's version @revision read-only, those that
 * differ from the version before it marked (mode "version").
 *
 * Returns: %FALSE when the call has no such version kept
 */
gboolean
lin_call_details_show_version (LinCallDetails *self,
                               guint64         revision)
{
  g_return_val_if_fail (LIN_IS_CALL_DETAILS (self), FALSE);

  if (self->call == NULL || self->store == NULL)
    return FALSE;

  if (self->revisions == NULL)
    show_history (self);
  if (!show_version (self, revision))
    return FALSE;

  gtk_widget_set_sensitive (self->edit_button, FALSE);
  gtk_widget_set_sensitive (self->history_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "version");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->version_scroller), 0);
  gtk_widget_grab_focus (self->version_back_button);

  return TRUE;
}

/**
 * lin_call_details_add_note:
 * @self: a #LinCallDetails showing a call
 * @text: the note
 * @error: a location for a #GError
 *
 * Saves @text as a new note record of the call shown. A blank note is not
 * saved (and is no error).
 *
 * Returns: (transfer full) (nullable): the note saved, or %NULL
 */
LinRecord *
lin_call_details_add_note (LinCallDetails  *self,
                           const char      *text,
                           GError         **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (LIN_IS_CALL_DETAILS (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (self->call == NULL || self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, "No call is shown");
      return NULL;
    }

  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    return NULL;

  return lin_call_add_note (self->store, lin_record_get_id_string (self->call), stripped, NULL, error);
}
