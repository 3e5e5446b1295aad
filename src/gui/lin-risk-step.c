/* lin-risk-step.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The risk step of the call wizard: every item of the checklist with
 * Yes / No / Doesn't know, the score and level as she answers, the
 * counsellor's own judgement (the computed level or higher, with a reason
 * when higher) and, once the level is high, the urgent steps: calmly, in
 * the flow of the page, not as an alarm. Scoring and the judgement rules
 * are the core's (lin-risk.h); this widget only shows them.
 *
 * Editing a saved call, the level may come out lower than the one saved
 * (an answer corrected): that too needs a reason, kept with the risk as
 * "lowered_from" and "lowering_reason", so that no one lowers a woman's
 * risk without a word.
 */

#define G_LOG_DOMAIN "lin-risk-step"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-risk-step.h"

static const LinRiskAnswer answers[] = {
  LIN_RISK_ANSWER_YES,
  LIN_RISK_ANSWER_NO,
  LIN_RISK_ANSWER_UNKNOWN,
};

static const char *answer_codes[] = { "yes", "no", "unknown" };

struct _LinRiskStep
{
  GtkWidget         parent_instance;

  /* Owned */
  LinRiskChecklist *checklist;
  GPtrArray        *buttons;        /* 3 per item, in the order of answers[] */
  GArray           *judged_levels;  /* LinRiskLevel per drop-down position */

  /* Borrowed */
  GtkWidget        *score_label;
  GtkWidget        *level_label;
  GtkWidget        *judged_drop_down;
  GtkWidget        *reason_box;
  GtkWidget        *reason_entry;
  GtkWidget        *lowered_box;
  GtkWidget        *lowered_entry;
  GtkWidget        *urgent_panel;

  LinRiskLevel      computed;
  LinRiskLevel      saved;          /* the saved call's final level; NONE */
  gboolean          loading;
};

G_DEFINE_FINAL_TYPE (LinRiskStep, lin_risk_step, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkToggleButton *
answer_button (LinRiskStep *self,
               guint        item,
               guint        answer)
{
  return g_ptr_array_index (self->buttons, item * G_N_ELEMENTS (answers) + answer);
}

static GHashTable *
dup_answers (LinRiskStep *self)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = lin_risk_checklist_get_n_items (self->checklist);

  for (guint i = 0; i < n; i++)
    for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
      if (gtk_toggle_button_get_active (answer_button (self, i, a)))
        g_hash_table_insert (table,
                             (gpointer)lin_risk_checklist_get_item_code (self->checklist, i),
                             GINT_TO_POINTER (answers[a]));

  return table;
}

static LinRiskLevel
get_judged (LinRiskStep *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->judged_drop_down));

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->judged_levels->len)
    return self->computed;

  return g_array_index (self->judged_levels, LinRiskLevel, selected);
}

static const char *
level_label (LinRiskLevel level)
{
  /* "Not assessed" for NONE */
  return lin_risk_level_get_label (level);
}

/* The judgement offers the computed level and those above it, never
 * below: the core refuses lower, and the choice should not offer it */
static void
rebuild_judgement (LinRiskStep  *self,
                   LinRiskLevel  keep)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (self->judged_levels, 0);
  for (LinRiskLevel level = self->computed; level <= LIN_RISK_LEVEL_HIGH; level++)
    {
      if (level == self->computed)
        {
          g_autofree char *label = NULL;

          /* Translators: the first choice of the counsellor's judgement:
           * keep the level the checklist gives, e.g. "As scored: Medium risk" */
          label = g_strdup_printf (_("As scored: %s"), level_label (level));
          gtk_string_list_append (labels, label);
        }
      else
        gtk_string_list_append (labels, level_label (level));

      if (level == keep)
        selected = self->judged_levels->len;
      g_array_append_val (self->judged_levels, level);
    }

  gtk_drop_down_set_model (GTK_DROP_DOWN (self->judged_drop_down), G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->judged_drop_down), selected);
}

static void
update (LinRiskStep *self)
{
  g_autoptr(GHashTable) table = dup_answers (self);
  g_autofree char *score_text = NULL;
  g_autofree char *unknown_text = NULL;
  LinRiskScore score;
  LinRiskLevel judged = get_judged (self);
  LinRiskLevel shown;

  lin_risk_checklist_score (self->checklist, table, &score);

  if (score.level != self->computed)
    {
      gboolean was_loading = self->loading;

      self->loading = TRUE;
      self->computed = score.level;
      rebuild_judgement (self, judged);
      self->loading = was_loading;
      judged = get_judged (self);
    }

  /* Translators: the risk checklist's score so far, e.g. "Score 9 of 42" */
  score_text = g_strdup_printf (_("Score %1$u of %2$u"), score.score, score.max_score);
  if (score.n_unknown > 0)
    {
      /* Translators: after the score: how many items she did not know */
      unknown_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s · %u answer “Doesn’t know”",
                                                   "%s · %u answers “Doesn’t know”",
                                                   score.n_unknown),
                                      score_text, score.n_unknown);
      gtk_label_set_label (GTK_LABEL (self->score_label), unknown_text);
    }
  else
    gtk_label_set_label (GTK_LABEL (self->score_label), score_text);

  gtk_label_set_label (GTK_LABEL (self->level_label), level_label (score.level));

  gtk_widget_set_visible (self->reason_box, judged > self->computed);
  gtk_widget_set_visible (self->lowered_box, MAX (judged, self->computed) < self->saved);

  /* the urgent steps show as soon as the level is high, reason or not */
  shown = MAX (judged, self->computed);
  gtk_widget_set_visible (self->urgent_panel, shown == LIN_RISK_LEVEL_HIGH);
}

static void
changed (LinRiskStep *self)
{
  if (self->loading)
    return;

  update (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
answer_toggled_cb (LinRiskStep     *self,
                   GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    changed (self);
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
append (LinRiskStep *self,
        GtkWidget   *child)
{
  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

static GtkWidget *
build_urgent_panel (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *title;
  const char *steps[] = {
    N_("If she is in danger now: the police, 192. She can call, or you can call for her if she agrees."),
    N_("Make a safety plan with her: where she can go, whom she can call, what to take."),
    N_("Offer a place in a shelter (safe house) if home is not safe."),
  };

  gtk_widget_set_name (box, "urgent-panel");
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "lin-urgent");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Urgent steps"),
                                  -1);

  /* Translators: the heading of the panel shown for a high-risk call */
  title = new_label (_("Urgent steps"), "heading");
  gtk_box_append (GTK_BOX (box), title);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *line = g_strdup_printf ("%u. %s", i + 1, _(steps[i]));

      gtk_box_append (GTK_BOX (box), new_label (line, NULL));
    }

  gtk_box_append (GTK_BOX (box),
                  new_label (_("This call is flagged as high risk, so that the next shift sees it."), "dim-label"));

  return box;
}

static void
build (LinRiskStep *self)
{
  guint n = lin_risk_checklist_get_n_items (self->checklist);
  GtkWidget *box, *label;

  append (self, new_label (_("Ask about each item in your own words. Her answers are scored as you go."), "dim-label"));

  self->urgent_panel = build_urgent_panel ();
  gtk_widget_set_visible (self->urgent_panel, FALSE);
  append (self, self->urgent_panel);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *group = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      const char *code = lin_risk_checklist_get_item_code (self->checklist, i);
      const char *labels[] = {
        /* Translators: an answer to a risk checklist item */
        C_("risk answer", "Yes"),
        C_("risk answer", "No"),
        C_("risk answer", "Doesn’t know"),
      };
      GtkToggleButton *first = NULL;

      label = new_label (lin_risk_checklist_get_item_text (self->checklist, i), NULL);
      gtk_box_append (GTK_BOX (item), label);

      gtk_widget_add_css_class (group, "linked");
      gtk_widget_set_halign (group, GTK_ALIGN_START);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (group),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                      -1);

      for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
        {
          GtkWidget *button = gtk_toggle_button_new_with_label (labels[a]);
          g_autofree char *name = g_strdup_printf ("risk-%s-%s", code, answer_codes[a]);

          gtk_widget_set_name (button, name);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL,
                                          -1);
          if (first == NULL)
            first = GTK_TOGGLE_BUTTON (button);
          else
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
          g_signal_connect_object (button, "toggled", G_CALLBACK (answer_toggled_cb), self, G_CONNECT_SWAPPED);
          g_ptr_array_add (self->buttons, button);
          gtk_box_append (GTK_BOX (group), button);
        }

      gtk_box_append (GTK_BOX (item), group);
      append (self, item);
    }

  /* the result */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "lin-card");
  /* Translators: a heading: the risk level the checklist gives */
  gtk_box_append (GTK_BOX (box), new_label (_("Risk level"), "heading"));
  self->level_label = new_label ("", "title-3");
  gtk_widget_set_name (self->level_label, "risk-level-label");
  gtk_box_append (GTK_BOX (box), self->level_label);
  self->score_label = new_label ("", "dim-label");
  gtk_widget_set_name (self->score_label, "risk-score-label");
  gtk_box_append (GTK_BOX (box), self->score_label);
  append (self, box);

  /* the counsellor's judgement */
  label = new_label (_("Your professional judgement"), "heading");
  append (self, label);
  self->judged_drop_down = gtk_drop_down_new (NULL, NULL);
  gtk_widget_set_name (self->judged_drop_down, "risk-judged");
  gtk_widget_set_halign (self->judged_drop_down, GTK_ALIGN_START);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->judged_drop_down),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  g_signal_connect_object (self->judged_drop_down, "notify::selected", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
  append (self, self->judged_drop_down);

  self->reason_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = new_label (_("Why is the risk higher than scored? (required)"), NULL);
  gtk_box_append (GTK_BOX (self->reason_box), label);
  self->reason_entry = gtk_entry_new ();
  gtk_widget_set_name (self->reason_entry, "risk-reason");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->reason_entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_entry),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE,
                                  -1);
  g_signal_connect_object (self->reason_entry, "changed", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->reason_box), self->reason_entry);
  append (self, self->reason_box);

  self->lowered_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = new_label (_("The risk is now lower than when the call was saved. Why? (required)"), NULL);
  gtk_box_append (GTK_BOX (self->lowered_box), label);
  self->lowered_entry = gtk_entry_new ();
  gtk_widget_set_name (self->lowered_entry, "risk-lowered-reason");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->lowered_entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lowered_entry),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE,
                                  -1);
  g_signal_connect_object (self->lowered_entry, "changed", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->lowered_box), self->lowered_entry);
  append (self, self->lowered_box);
}

static void
lin_risk_step_dispose (GObject *object)
{
  LinRiskStep *self = (LinRiskStep *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lin_risk_step_parent_class)->dispose (object);
}

static void
lin_risk_step_finalize (GObject *object)
{
  LinRiskStep *self = (LinRiskStep *)object;

  g_clear_pointer (&self->checklist, lin_risk_checklist_unref);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  g_clear_pointer (&self->judged_levels, g_array_unref);

  G_OBJECT_CLASS (lin_risk_step_parent_class)->finalize (object);
}

static void
lin_risk_step_class_init (LinRiskStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_risk_step_dispose;
  object_class->finalize = lin_risk_step_finalize;

  /**
   * LinRiskStep::changed:
   *
   * An answer or the judgement changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "riskstep");
}

static void
lin_risk_step_init (LinRiskStep *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 18);

  self->checklist = lin_risk_checklist_ref (lin_risk_checklist_get_default ());
  self->buttons = g_ptr_array_new ();
  self->judged_levels = g_array_new (FALSE, FALSE, sizeof (LinRiskLevel));
  self->computed = LIN_RISK_LEVEL_NONE;
  self->saved = LIN_RISK_LEVEL_NONE;

  self->loading = TRUE;
  build (self);
  rebuild_judgement (self, LIN_RISK_LEVEL_NONE);
  update (self);
  self->loading = FALSE;
}

GtkWidget *
lin_risk_step_new (void)
{
  return g_object_new (LIN_TYPE_RISK_STEP, NULL);
}

/**
 * lin_risk_step_get_level:
 * @self: a #LinRiskStep
 *
 * Returns: the level from the answers alone
 */
LinRiskLevel
lin_risk_step_get_level (LinRiskStep *self)
{
  g_return_val_if_fail (LIN_IS_RISK_STEP (self), LIN_RISK_LEVEL_NONE);

  return self->computed;
}

/**
 * lin_risk_step_get_final_level:
 * @self: a #LinRiskStep
 *
 * Returns: the level after her judgement; a raised level counts even
 *   before its reason is written (lin_risk_step_check() asks for it)
 */
LinRiskLevel
lin_risk_step_get_final_level (LinRiskStep *self)
{
  g_return_val_if_fail (LIN_IS_RISK_STEP (self), LIN_RISK_LEVEL_NONE);

  return MAX (self->computed, get_judged (self));
}

gboolean
lin_risk_step_has_answers (LinRiskStep *self)
{
  g_autoptr(GHashTable) table = NULL;

  g_return_val_if_fail (LIN_IS_RISK_STEP (self), FALSE);

  table = dup_answers (self);

  return g_hash_table_size (table) > 0 || get_judged (self) > self->computed;
}

/**
 * lin_risk_step_check:
 * @self: a #LinRiskStep
 * @error: a location for a #GError
 *
 * Returns: whether the assessment can be saved: a raised level has its
 *   reason (%LIN_RISK_ERROR_NO_REASON otherwise)
 */
gboolean
lin_risk_step_check (LinRiskStep  *self,
                     GError      **error)
{
  const char *reason;

  g_return_val_if_fail (LIN_IS_RISK_STEP (self), FALSE);

  /* nothing assessed: nothing to check */
  if (get_judged (self) == LIN_RISK_LEVEL_NONE)
    return TRUE;

  reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_entry));

  return lin_risk_apply_judgement (self->computed, get_judged (self), reason, error) != LIN_RISK_LEVEL_NONE;
}

/**
 * lin_risk_step_set_saved_level:
 * @self: a #LinRiskStep
 * @level: the final level of the call as saved, or %LIN_RISK_LEVEL_NONE
 *
 * For the editor of a saved call: a level lower than @level needs a
 * reason (lin_risk_step_check_lowered()).
 */
void
lin_risk_step_set_saved_level (LinRiskStep  *self,
                               LinRiskLevel  level)
{
  g_return_if_fail (LIN_IS_RISK_STEP (self));

  self->saved = level;
  update (self);
}

GtkWidget *
lin_risk_step_get_lowered_entry (LinRiskStep *self)
{
  g_return_val_if_fail (LIN_IS_RISK_STEP (self), NULL);

  return self->lowered_entry;
}

/* The reason for a level lower than the saved one, stripped; "" */
static char *
dup_lowered_reason (LinRiskStep *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->lowered_entry))));
}

/**
 * lin_risk_step_check_lowered:
 * @self: a #LinRiskStep
 *
 * Returns: whether a level lower than the saved one has its reason (or
 *   the level is not lower)
 */
gboolean
lin_risk_step_check_lowered (LinRiskStep *self)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (LIN_IS_RISK_STEP (self), FALSE);

  if (lin_risk_step_get_final_level (self) >= self->saved)
    return TRUE;

  reason = dup_lowered_reason (self);
  return reason[0] != '\0';
}

/**
 * lin_risk_step_dup_value:
 * @self: a #LinRiskStep
 *
 * Returns: (transfer full) (nullable): the "risk" object of a call
 *   record, or %NULL when nothing is answered
 */
JsonObject *
lin_risk_step_dup_value (LinRiskStep *self)
{
  g_autoptr(GHashTable) table = NULL;
  JsonObject *risk, *object;
  GHashTableIter iter;
  gpointer key, value;
  LinRiskScore score;
  LinRiskLevel judged;
  const char *reason;

  g_return_val_if_fail (LIN_IS_RISK_STEP (self), NULL);

  if (!lin_risk_step_has_answers (self))
    return NULL;

  table = dup_answers (self);
  lin_risk_checklist_score (self->checklist, table, &score);
  judged = get_judged (self);
  reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_entry));

  risk = json_object_new ();
  json_object_set_string_member (risk, "checklist", lin_risk_checklist_get_id (self->checklist));
  json_object_set_int_member (risk, "version", lin_risk_checklist_get_version (self->checklist));

  object = json_object_new ();
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
      if (answers[a] == (LinRiskAnswer)GPOINTER_TO_INT (value))
        json_object_set_string_member (object, key, answer_codes[a]);
  json_object_set_object_member (risk, "answers", object);

  json_object_set_int_member (risk, "score", score.score);
  json_object_set_string_member (risk, "level", lin_risk_level_to_code (score.level));
  if (judged > score.level)
    {
      json_object_set_string_member (risk, "judged_level", lin_risk_level_to_code (judged));
      if (*reason != '\0')
        json_object_set_string_member (risk, "judgement_reason", reason);
    }
  json_object_set_string_member (risk, "final_level",
                                 lin_risk_level_to_code (lin_risk_step_get_final_level (self)));
  if (lin_risk_step_get_final_level (self) < self->saved)
    {
      g_autofree char *lowered = dup_lowered_reason (self);

      json_object_set_string_member (risk, "lowered_from", lin_risk_level_to_code (self->saved));
      if (lowered[0] != '\0')
        json_object_set_string_member (risk, "lowering_reason", lowered);
    }

  return risk;
}

/**
 * lin_risk_step_set_value:
 * @self: a #LinRiskStep
 * @risk: (nullable): a "risk" object as lin_risk_step_dup_value() gives
 *
 * Shows @risk (answers, judgement and reason) without emitting
 * #LinRiskStep::changed; %NULL clears every answer.
 */
void
lin_risk_step_set_value (LinRiskStep *self,
                         JsonObject  *risk)
{
  JsonObject *object = NULL;
  const char *judged = NULL, *reason = NULL;
  guint n;

  g_return_if_fail (LIN_IS_RISK_STEP (self));

  if (risk != NULL)
    {
      if (json_object_has_member (risk, "answers") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (risk, "answers")))
        object = json_object_get_object_member (risk, "answers");
      judged = json_object_get_string_member_with_default (risk, "judged_level", NULL);
      reason = json_object_get_string_member_with_default (risk, "judgement_reason", NULL);
    }

  self->loading = TRUE;

  n = lin_risk_checklist_get_n_items (self->checklist);
  for (guint i = 0; i < n; i++)
    {
      const char *code = lin_risk_checklist_get_item_code (self->checklist, i);
      const char *answer = object != NULL ? json_object_get_string_member_with_default (object, code, NULL) : NULL;

      for (guint a = 0; a < G_N_ELEMENTS (answers); a++)
        gtk_toggle_button_set_active (answer_button (self, i, a), g_strcmp0 (answer, answer_codes[a]) == 0);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), reason != NULL ? reason : "");

  /* the computed level first, then the judgement it allows */
  update (self);
  rebuild_judgement (self, judged != NULL ? lin_risk_level_from_code (judged) : self->computed);
  update (self);

  self->loading = FALSE;
}

/**
 * lin_risk_step_dup_display:
 * @self: a #LinRiskStep
 *
 * Returns: (transfer full) (nullable): the level for the summary, or
 *   %NULL when nothing is answered
 */
char *
lin_risk_step_dup_display (LinRiskStep *self)
{
  g_return_val_if_fail (LIN_IS_RISK_STEP (self), NULL);

  if (!lin_risk_step_has_answers (self))
    return NULL;

  return g_strdup (level_label (lin_risk_step_get_final_level (self)));
}
