/* lin-roster-details.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Beside the roster: the chosen shift, its people and the rules it
 * breaks, and the people who could take it, sorted by fit: those who
 * break no rule first, then those who break a soft one, then a hard one,
 * each with her hours that week. Assigning someone who breaks a soft rule
 * asks for a reason; a hard rule, for an explicit confirmation; both stay
 * on the assignment and in sight.
 *
 * With no shift chosen, the open places of the days in sight: every shift
 * short of people, the soonest first, one click from its details. With
 * one, its handover note too (lin-roster-handover.c), once it is near
 * its end.
 */

#define G_LOG_DOMAIN "lin-roster-details"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call.h"
#include "lin-roster-details.h"
#include "lin-roster-handover.h"
#include "lin-roster-week.h"

struct _LinRosterDetails
{
  AdwBin      parent_instance;

  LinContext *context;
  LinRoster  *roster;
  GArray     *violations;
  int         shift;      /* the chosen one, or -1 */
  gint64      from;       /* the days in sight, for the open places */
  gint64      to;

  GtkWidget  *box;
  GtkWidget  *handover;   /* kept: it keeps an index of the notes */
};

G_DEFINE_FINAL_TYPE (LinRosterDetails, lin_roster_details, ADW_TYPE_BIN)

enum {
  SHIFT_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static LinStore *
store (LinRosterDetails *self)
{
  return self->context != NULL ? lin_context_get_store (self->context) : NULL;
}

static GtkWindow *
window (LinRosterDetails *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GDateTime *
local_time (gint64 instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, lin_call_get_time_zone ());
}

static const char *
field (LinRecord  *record,
       const char *name)
{
  const char *value = lin_record_get_string (record, name);

  return value != NULL ? value : "";
}

static GtkWidget *
heading (const char *text,
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
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

/**
 * lin_roster_details_format_shift:
 * @roster: a #LinRoster
 * @s: a shift's index
 *
 * Returns: (transfer full): the shift's day, start, end and real length
 */
char *
lin_roster_details_format_shift (LinRoster *roster,
                                 int        s)
{
  g_autoptr(GDateTime) start = local_time (lin_roster_shift_get_start (roster, s));
  g_autoptr(GDateTime) end = local_time (lin_roster_shift_get_end (roster, s));
  g_autofree char *day = lin_roster_week_format_day (lin_roster_shift_get_start (roster, s));
  g_autofree char *from = g_date_time_format (start, "%H:%M");
  g_autofree char *to = g_date_time_format (end, "%H:%M");
  gint64 hours = (lin_roster_shift_get_end (roster, s) - lin_roster_shift_get_start (roster, s)) / 3600;

  /* Translators: a shift's day, its start and end, and its real length in
   * hours (11 or 13 on the nights the clocks change) */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s – %s (%d hour)", "%s, %s – %s (%d hours)", hours),
                          day, from, to, (int)hours);
}

static void
remove_clicked_cb (GtkButton        *button,
                   LinRosterDetails *self)
{
  LinRecord *assignment = g_object_get_data (G_OBJECT (button), "assignment");
  g_autoptr(GError) error = NULL;

  if (store (self) != NULL && !lin_store_delete (store (self), assignment, &error))
    g_warning ("Could not remove a person from a shift: %s", error->message);
}

/* The overrides a new assignment carries: each rule broken, its reason */
static void
save_assignment (LinRosterDetails *self,
                 int               person,
                 GArray           *broken,
                 const char       *reason)
{
  int s = self->shift;
  g_autoptr(LinRecord) assignment = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *overrides = json_array_new ();

  if (s < 0 || store (self) == NULL)
    {
      json_array_unref (overrides);
      return;
    }

  assignment = lin_roster_new_assignment (lin_roster_get_shift (self->roster, s),
                                          lin_roster_get_person (self->roster, person));
  for (guint i = 0; broken != NULL && i < broken->len; i++)
    {
      LinRosterViolation *v = &g_array_index (broken, LinRosterViolation, i);
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "rule", lin_roster_rule_get_code (v->rule));
      json_object_set_string_member (entry, "reason", reason != NULL ? reason : "");
      json_object_set_boolean_member (entry, "confirmed", lin_roster_rule_is_hard (v->rule));
      json_array_add_object_element (overrides, entry);
    }
  json_object_set_array_member (lin_record_get_fields (assignment), LIN_ASSIGNMENT_FIELD_OVERRIDES, overrides);

  if (!lin_store_save (store (self), assignment, &error))
    g_warning ("Could not assign a person to a shift: %s", error->message);
}

typedef struct
{
  LinRosterDetails *self;
  int            person;
  GArray        *broken;
  GtkWidget     *reason;
} Pending;

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->self);
  g_array_unref (pending->broken);
  g_free (pending);
}

static void
assign_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Pending          *pending)
{
  if (g_str_equal (response, "assign"))
    save_assignment (pending->self, pending->person, pending->broken,
                     pending->reason != NULL ? gtk_editable_get_text (GTK_EDITABLE (pending->reason)) : NULL);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "assign", *text != '\0');
}

/**
 * lin_roster_details_assign:
 * @self: a #LinRosterDetails
 * @person: a person's index in the roster
 *
 * Puts @person on the chosen shift: at once when she breaks no rule;
 * after a reason when she breaks a soft one; after an explicit
 * confirmation (and a reason) when she breaks a hard one.
 */
void
lin_roster_details_assign (LinRosterDetails *self,
                           int               person)
{
  int s = self->shift;
  g_autoptr(GArray) broken = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  gboolean hard = FALSE;
  AdwMessageDialog *dialog;
  Pending *pending;

  g_return_if_fail (LIN_IS_ROSTER_DETAILS (self));

  if (s < 0 || person < 0 || person >= (int)lin_roster_get_n_people (self->roster))
    return;

  broken = lin_roster_try_person (self->roster, s, person, NULL);
  if (broken->len == 0)
    {
      save_assignment (self, person, NULL, NULL);
      return;
    }

  for (guint i = 0; i < broken->len; i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(LinRoster) tried = NULL;

      hard |= lin_roster_rule_is_hard (g_array_index (broken, LinRosterViolation, i).rule);
      /* the indices are a roster's with her on the shift: describe with
       * the names only, which both share */
      text = lin_roster_describe (self->roster, &(LinRosterViolation) {
                                    .rule = g_array_index (broken, LinRosterViolation, i).rule,
                                    .shift = s, .person = person, .other_shift = -1,
                                    .value = g_array_index (broken, LinRosterViolation, i).value });
      g_string_append_printf (body, "• %s\n", text);
    }
  g_string_append_c (body, '\n');

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window (self),
                                                       hard ?
                                                       /* Translators: a dialog's title: assigning someone breaks a hard roster rule */
                                                       _("Break a Rule?") :
                                                       /* Translators: a dialog's title: assigning someone breaks a soft roster rule */
                                                       _("Allow an Exception?"),
                                                       NULL));
  g_string_append (body, hard ?
                   /* Translators: below the list of hard rules an assignment breaks */
                   _("This rule keeps callers safe and is rarely broken. Say why, and confirm.") :
                   /* Translators: below the list of soft rules an assignment breaks */
                   _("Say why, so that the others see it next to the shift."));
  adw_message_dialog_set_body (dialog, body->str);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    /* Translators: a button: assign someone though she breaks a roster rule */
                                    "assign", hard ? _("_Assign Anyway") : _("_Assign"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "assign",
                                              hard ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->person = person;
  pending->broken = g_array_ref (broken);
  pending->reason = gtk_entry_new ();
  gtk_widget_set_name (pending->reason, "roster-override-reason");
  /* Translators: the placeholder of the reason for breaking a roster rule */
  gtk_entry_set_placeholder_text (GTK_ENTRY (pending->reason), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (pending->reason),
                                  /* Translators: what a screen reader calls the reason for breaking a roster rule */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for the exception"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, pending->reason);
  adw_message_dialog_set_response_enabled (dialog, "assign", FALSE);
  g_signal_connect (pending->reason, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (assign_response_cb), pending,
                         (GClosureNotify)(void (*) (void))pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
assign_clicked_cb (GtkButton        *button,
                   LinRosterDetails *self)
{
  lin_roster_details_assign (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "person")));
}

typedef struct
{
  int    person;
  guint  hard;
  guint  soft;
  gint64 week_time;
  char  *why;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->hard != y->hard)
    return x->hard < y->hard ? -1 : 1;
  if (x->soft != y->soft)
    return x->soft < y->soft ? -1 : 1;
  if (x->week_time != y->week_time)
    return x->week_time < y->week_time ? -1 : 1;
  return x->person - y->person;
}

static void
candidate_clear (gpointer data)
{
  g_free (((Candidate *)data)->why);
}

static GtkWidget *
person_row (const char *title,
            const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
show_people (LinRosterDetails *self,
             int               s)
{
  GtkWidget *on = adw_preferences_group_new ();
  GtkWidget *could = adw_preferences_group_new ();
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_autoptr(GHashTable) on_shift = g_hash_table_new (NULL, NULL);

  g_array_set_clear_func (candidates, candidate_clear);

  /* Translators: a heading: the people on the chosen shift */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (on), _("On This Shift"));
  for (guint a = 0; a < lin_roster_shift_get_n_assigned (self->roster, s); a++)
    {
      LinRecord *assignment = lin_roster_shift_get_assignment (self->roster, s, a);
      int p = lin_roster_assignment_get_person (self->roster, assignment);
      g_autofree char *hours = NULL;
      GtkWidget *row, *button;

      g_hash_table_add (on_shift, GINT_TO_POINTER (p));
      /* Translators: a person's hours on shifts in the chosen shift's week */
      hours = g_strdup_printf (_("%d h this week"), (int)(lin_roster_get_week_time (self->roster, p, s) / 3600));
      row = person_row (field (lin_roster_get_person (self->roster, p), LIN_PERSON_FIELD_ALIAS), hours);
      button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      /* Translators: a button's tooltip: take a person off the chosen shift */
      gtk_widget_set_tooltip_text (button, _("Remove From Shift"));
      g_object_set_data_full (G_OBJECT (button), "assignment", g_object_ref (assignment), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (on), row);
    }
  if (lin_roster_shift_get_n_assigned (self->roster, s) == 0)
    /* Translators: the chosen shift has no one on it */
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (on), _("No one yet."));
  gtk_box_append (GTK_BOX (self->box), on);

  for (guint p = 0; p < lin_roster_get_n_people (self->roster); p++)
    {
      g_autoptr(GArray) broken = NULL;
      Candidate candidate = { p, 0, 0, 0, NULL };

      if (g_hash_table_contains (on_shift, GINT_TO_POINTER (p)))
        continue;
      broken = lin_roster_try_person (self->roster, s, p, NULL);
      for (guint i = 0; i < broken->len; i++)
        {
          LinRosterViolation *v = &g_array_index (broken, LinRosterViolation, i);

          if (lin_roster_rule_is_hard (v->rule))
            candidate.hard++;
          else
            candidate.soft++;
        }
      if (broken->len > 0)
        {
          LinRosterViolation first = g_array_index (broken, LinRosterViolation, 0);

          first.shift = s;
          first.person = p;
          first.other_shift = -1;
          candidate.why = lin_roster_describe (self->roster, &first);
        }
      candidate.week_time = lin_roster_get_week_time (self->roster, p, s);
      g_array_append_val (candidates, candidate);
    }
  g_array_sort (candidates, compare_candidates);

  /* Translators: a heading: the people who could take the chosen shift,
   * the best fit first */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (could), _("Could Take It"));
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      g_autofree char *hours = g_strdup_printf (_("%d h this week"), (int)(candidate->week_time / 3600));
      g_autofree char *subtitle = candidate->why != NULL ? g_strdup_printf ("%s · %s", hours, candidate->why)
                                                         : g_strdup (hours);
      GtkWidget *row = person_row (field (lin_roster_get_person (self->roster, candidate->person), LIN_PERSON_FIELD_ALIAS),
                                   subtitle);
      GtkWidget *button = gtk_button_new_with_label (_("Assign"));

      if (candidate->hard > 0)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "error");
          /* Translators: a tooltip: this person would break a hard roster rule */
          gtk_widget_set_tooltip_text (icon, _("Breaks a rule that needs a confirmation"));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      else if (candidate->soft > 0)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          /* Translators: a tooltip: this person would break a soft roster rule */
          gtk_widget_set_tooltip_text (icon, _("Breaks a rule that needs a reason"));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      if (candidate->hard == 0 && candidate->soft == 0)
        gtk_widget_add_css_class (button, "suggested-action");
      g_object_set_data (G_OBJECT (button), "person", GINT_TO_POINTER (candidate->person));
      g_signal_connect (button, "clicked", G_CALLBACK (assign_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (could), row);
    }
  gtk_box_append (GTK_BOX (self->box), could);
}

/* The open places: the shifts in sight short of people */

static int
compare_gaps (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  LinRoster *roster = data;
  gint64 x = lin_roster_shift_get_start (roster, *(const int *)a);
  gint64 y = lin_roster_shift_get_start (roster, *(const int *)b);

  return x < y ? -1 : x > y;
}

static void
open_place_activated_cb (AdwActionRow     *row,
                         LinRosterDetails *self)
{
  int s = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "shift"));

  g_signal_emit (self, signals[SHIFT_CHOSEN], 0, s);
}

static GtkWidget *
open_place_row (LinRosterDetails *self,
                int               s,
                guint             missing)
{
  LinRecord *line = lin_roster_get_line (self->roster, lin_roster_shift_get_line (self->roster, s));
  g_autofree char *when = lin_roster_details_format_shift (self->roster, s);
  /* Translators: people missing on a shift, in the list of open places */
  g_autofree char *lacking = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u missing", "%u missing", missing),
                                              missing);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", when, lacking);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), field (line, LIN_LINE_FIELD_NAME));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "shift", GINT_TO_POINTER (s));
  g_signal_connect (row, "activated", G_CALLBACK (open_place_activated_cb), self);

  return row;
}

static void
show_open_places (LinRosterDetails *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) missing = g_hash_table_new (NULL, NULL);
  g_autofree char *description = NULL;

  for (guint i = 0; self->violations != NULL && i < self->violations->len; i++)
    {
      LinRosterViolation *v = &g_array_index (self->violations, LinRosterViolation, i);

      if (v->rule != LIN_ROSTER_RULE_GAP || v->overridden ||
          lin_roster_shift_get_start (self->roster, v->shift) >= self->to ||
          lin_roster_shift_get_end (self->roster, v->shift) <= self->from)
        continue;
      g_array_append_val (gaps, v->shift);
      g_hash_table_insert (missing, GINT_TO_POINTER (v->shift), GINT_TO_POINTER ((int)v->value));
    }
  g_array_sort_with_data (gaps, compare_gaps, self->roster);

  gtk_widget_set_name (group, "roster-open-places");
  /* Translators: a heading: the shifts in sight that need people */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Open Places"));
  if (gaps->len == 0)
    /* Translators: below "Open Places" when every shift in sight has its people */
    description = g_strdup (_("Every shift in sight has its people."));
  else
    /* Translators: below "Open Places" */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u shift needs people.", "%u shifts need people.",
                                                gaps->len),
                                   gaps->len);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  for (guint i = 0; i < gaps->len; i++)
    {
      int s = g_array_index (gaps, int, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 open_place_row (self, s, GPOINTER_TO_INT (g_hash_table_lookup (missing,
                                                                                                GINT_TO_POINTER (s)))));
    }
  gtk_box_append (GTK_BOX (self->box), group);
}

static void
show_details (LinRosterDetails *self)
{
  int s = self->shift;
  g_autofree char *when = NULL;
  g_autofree char *count = NULL;
  guint assigned, required;
  LinRecord *line;

  clear_box (self->box);
  if (self->roster == NULL || s < 0)
    lin_roster_handover_set_shift (LIN_ROSTER_HANDOVER (self->handover), NULL, NULL, -1);
  if (self->roster == NULL)
    return;
  if (s < 0)
    {
      gtk_box_append (GTK_BOX (self->box),
                      /* Translators: the Roster section with no shift chosen */
                      heading (_("Choose a shift to see who is on it and who could take it."), "dim-label"));
      show_open_places (self);
      return;
    }

  line = lin_roster_get_line (self->roster, lin_roster_shift_get_line (self->roster, s));
  gtk_box_append (GTK_BOX (self->box), heading (field (line, LIN_LINE_FIELD_NAME), "title-2"));
  when = lin_roster_details_format_shift (self->roster, s);
  gtk_box_append (GTK_BOX (self->box), heading (when, NULL));

  assigned = lin_roster_shift_get_n_assigned (self->roster, s);
  required = lin_roster_shift_get_required (self->roster, s);
  if (lin_roster_shift_is_cancelled (self->roster, s))
    /* Translators: a cancelled shift */
    count = g_strdup (_("Cancelled"));
  else if (assigned < required)
    /* Translators: people on a shift, of those it needs, and how many are missing */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u people: %u missing", "%u of %u people: %u missing",
                                          required - assigned),
                             assigned, required, required - assigned);
  else
    /* Translators: people on a shift, of those it needs */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u person", "%u of %u people", required),
                             assigned, required);
  gtk_box_append (GTK_BOX (self->box), heading (count, assigned < required ? "error" : "dim-label"));

  /* the rules the shift breaks, each next to what breaks it */
  for (guint i = 0; self->violations != NULL && i < self->violations->len; i++)
    {
      LinRosterViolation *v = &g_array_index (self->violations, LinRosterViolation, i);
      g_autofree char *text = NULL;
      g_autofree char *line_text = NULL;

      if (v->shift != s || v->rule == LIN_ROSTER_RULE_GAP)
        continue;
      text = lin_roster_describe (self->roster, v);
      if (v->overridden)
        /* Translators: a roster rule broken, and allowed by the coordinator */
        line_text = g_strdup_printf (_("⚠ %s (allowed)"), text);
      else
        line_text = g_strdup_printf ("⚠ %s", text);
      gtk_box_append (GTK_BOX (self->box),
                      heading (line_text, lin_roster_rule_is_hard (v->rule) && !v->overridden ? "error" : "warning"));
    }

  /* the handover note, at the shift's end, and the one before it */
  lin_roster_handover_set_shift (LIN_ROSTER_HANDOVER (self->handover), self->context, self->roster, s);
  gtk_box_append (GTK_BOX (self->box), self->handover);

  show_people (self, s);
}

/**
 * lin_roster_details_show:
 * @self: a #LinRosterDetails
 * @roster: (nullable): the roster, or %NULL to show nothing (locked)
 * @violations: (nullable): the rules it breaks (lin_roster_check())
 * @shift: the chosen shift, or -1 for the open places
 * @from: the start of the days in sight
 * @to: their end
 */
void
lin_roster_details_show (LinRosterDetails *self,
                         LinRoster        *roster,
                         GArray           *violations,
                         int               shift,
                         gint64            from,
                         gint64            to)
{
  g_return_if_fail (LIN_IS_ROSTER_DETAILS (self));

  if (roster != self->roster)
    {
      g_clear_pointer (&self->roster, lin_roster_unref);
      self->roster = roster != NULL ? lin_roster_ref (roster) : NULL;
    }
  if (violations != self->violations)
    {
      g_clear_pointer (&self->violations, g_array_unref);
      self->violations = violations != NULL ? g_array_ref (violations) : NULL;
    }
  self->shift = roster != NULL && shift < (int)lin_roster_get_n_shifts (roster) ? shift : -1;
  self->from = from;
  self->to = to;
  show_details (self);
}

/**
 * lin_roster_details_set_context:
 * @self: a #LinRosterDetails
 * @context: (nullable): where assignments are saved
 */
void
lin_roster_details_set_context (LinRosterDetails *self,
                                LinContext       *context)
{
  g_return_if_fail (LIN_IS_ROSTER_DETAILS (self));

  g_set_object (&self->context, context);
}

static void
lin_roster_details_dispose (GObject *object)
{
  LinRosterDetails *self = (LinRosterDetails *)object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->roster, lin_roster_unref);
  g_clear_pointer (&self->violations, g_array_unref);
  g_clear_object (&self->handover);

  G_OBJECT_CLASS (lin_roster_details_parent_class)->dispose (object);
}

static void
lin_roster_details_class_init (LinRosterDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lin_roster_details_dispose;

  /**
   * LinRosterDetails::shift-chosen:
   * @shift: the shift's index in the roster
   *
   * An open place was chosen.
   */
  signals[SHIFT_CHOSEN] = g_signal_new ("shift-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
lin_roster_details_init (LinRosterDetails *self)
{
  self->shift = -1;
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_name (self->box, "roster-details");
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  adw_bin_set_child (ADW_BIN (self), self->box);
  self->handover = g_object_ref_sink (g_object_new (LIN_TYPE_ROSTER_HANDOVER, NULL));
}

GtkWidget *
lin_roster_details_new (void)
{
  return g_object_new (LIN_TYPE_ROSTER_DETAILS, NULL);
}
