/* lin-sync-conflicts.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The conflicts sync left for a person: one item for each unresolved
 * conflict copy (lin-store-sync.h), saying what kind of record it is
 * about, which of its fields, the value that was not kept and when it
 * was written, with a badge where a risk assessment or a safety flag
 * differed. "Keep Current" leaves the record as it is, "Use This Value"
 * puts the other value in; either way the copy is resolved and the item
 * goes. Review items come first.
 *
 * The values are case data: they show here, in the window's content,
 * never in its title, and the window closes when the profile locks or
 * leaves the organisation.
 */

#define G_LOG_DOMAIN "lin-sync-conflicts"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call.h"
#include "lin-call-ui.h"
#include "lin-directory.h"
#include "lin-risk.h"
#include "lin-roster.h"
#include "lin-roster-details.h"
#include "lin-store-sync.h"
#include "lin-button-row-layout.h"
#include "lin-sync-conflicts.h"
#include "lin-window.h"

/* a value longer than this is cut: it is a reminder, not an editor */
#define MAX_VALUE_CHARS 400

struct _LinSyncConflicts
{
  AdwWindow   parent_instance;

  /* Children */
  GtkWidget  *toasts;
  GtkWidget  *stack;
  GtkWidget  *list;

  /* Owned */
  LinContext *context;
  LinStore   *store;

  guint       n_items;
};

G_DEFINE_FINAL_TYPE (LinSyncConflicts, lin_sync_conflicts, ADW_TYPE_WINDOW)

/* Names */

/**
 * lin_sync_conflicts_kind_name:
 * @record_kind: (nullable): a record's kind
 *
 * Returns: what kind of record it is, in words; a generic name for a kind
 *   Linija does not know
 */
const char *
lin_sync_conflicts_kind_name (const char *record_kind)
{
  static const struct { const char *kind; const char *name; } names[] = {
    /* Translators: kinds of record in the list of sync conflicts */
    { LIN_CALL_KIND, NC_("record kind", "Call") },
    { LIN_NOTE_KIND, NC_("record kind", "Note") },
    { LIN_FOLLOW_UP_KIND, NC_("record kind", "Follow-up") },
    { "caller", NC_("record kind", "Caller") },
    { LIN_SERVICE_KIND, NC_("record kind", "Directory entry") },
    { LIN_PERSON_KIND, NC_("record kind", "Person on the roster") },
    { LIN_LINE_KIND, NC_("record kind", "Roster line") },
    { LIN_SHIFT_KIND, NC_("record kind", "Shift") },
    { LIN_ASSIGNMENT_KIND, NC_("record kind", "Shift assignment") },
    { LIN_HANDOVER_KIND, NC_("record kind", "Handover note") },
  };

  for (guint i = 0; record_kind != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (record_kind, names[i].kind))
      return g_dpgettext2 (NULL, "record kind", names[i].name);

  /* Translators: a record of a kind this version of Linija does not know */
  return _("Record");
}

/**
 * lin_sync_conflicts_field_name:
 * @field: (nullable): a field's name in a record, or %NULL for the whole
 *   record
 *
 * Returns: the field in words where Linija knows it, else @field itself
 */
const char *
lin_sync_conflicts_field_name (const char *field)
{
  static const struct { const char *field; const char *name; } names[] = {
    /* Translators: fields of a record, in the list of sync conflicts */
    { LIN_CALL_FIELD_STARTED, NC_("record field", "Time of the call") },
    { LIN_CALL_FIELD_DURATION, NC_("record field", "Duration") },
    { LIN_CALL_FIELD_CHANNEL, NC_("record field", "Channel") },
    { LIN_CALL_FIELD_CALL_TYPE, NC_("record field", "Call type") },
    { LIN_CALL_FIELD_LANGUAGE, NC_("record field", "Language") },
    { LIN_CALL_FIELD_CALLER_CODE, NC_("record field", "Caller code") },
    { LIN_CALL_FIELD_AGE_GROUP, NC_("record field", "Age group") },
    { LIN_CALL_FIELD_MUNICIPALITY, NC_("record field", "Municipality") },
    { LIN_CALL_FIELD_DISTRICT, NC_("record field", "District") },
    { LIN_CALL_FIELD_DISABILITY, NC_("record field", "Disability") },
    { LIN_CALL_FIELD_CHILDREN_COUNT, NC_("record field", "Children") },
    { LIN_CALL_FIELD_VIOLENCE_FORMS, NC_("record field", "Forms of violence") },
    { LIN_CALL_FIELD_PERPETRATORS, NC_("record field", "Perpetrator") },
    { LIN_CALL_FIELD_PROTECTION_MEASURES, NC_("record field", "Protection measures") },
    { LIN_CALL_FIELD_RISK, NC_("record field", "Risk assessment") },
    { LIN_CALL_FIELD_FLAGGED, NC_("record field", "Safety flag") },
    { LIN_CALL_FIELD_SERVICES, NC_("record field", "Services") },
    { LIN_CALL_FIELD_REFERRALS, NC_("record field", "Referrals") },
    { LIN_CALL_FIELD_CONSENT_FOLLOW_UP, NC_("record field", "Consent to a follow-up") },
    { LIN_FOLLOW_UP_FIELD_DUE, NC_("record field", "Due") },
    { LIN_FOLLOW_UP_FIELD_CONTACT_METHOD, NC_("record field", "Safe way to contact") },
    { LIN_FOLLOW_UP_FIELD_SAFE_TIMES, NC_("record field", "Safe times to call") },
    { LIN_FOLLOW_UP_FIELD_CODE_WORD, NC_("record field", "Code word") },
    { LIN_FOLLOW_UP_FIELD_DONE, NC_("record field", "Done") },
    { LIN_FOLLOW_UP_FIELD_OUTCOME, NC_("record field", "Outcome") },
    { LIN_NOTE_FIELD_TEXT, NC_("record field", "Text") },
    { LIN_SERVICE_FIELD_NAME, NC_("record field", "Name") },
    { LIN_SERVICE_FIELD_ORGANISATION, NC_("record field", "Organisation") },
    { LIN_SERVICE_FIELD_TYPE, NC_("record field", "Service type") },
    { LIN_SERVICE_FIELD_HOURS, NC_("record field", "Hours") },
    { "phones", NC_("record field", "Phone numbers") },
    { LIN_PERSON_FIELD_ALIAS, NC_("record field", "Alias") },
    { LIN_PERSON_FIELD_ROLE, NC_("record field", "Role") },
    { LIN_PERSON_FIELD_SKILLS, NC_("record field", "Skills") },
    { LIN_PERSON_FIELD_AWAY, NC_("record field", "Time away") },
    { LIN_SHIFT_FIELD_START, NC_("record field", "Start") },
    { LIN_SHIFT_FIELD_END, NC_("record field", "End") },
    { LIN_SHIFT_FIELD_REQUIRED, NC_("record field", "People needed") },
    { LIN_SHIFT_FIELD_CANCELLED, NC_("record field", "Cancelled") },
    { LIN_ASSIGNMENT_FIELD_PERSON, NC_("record field", "Person") },
  };

  if (field == NULL)
    /* Translators: a conflict about a whole record, not one field of it */
    return _("The whole record");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (field, names[i].field))
      return g_dpgettext2 (NULL, "record field", names[i].name);

  return field;
}

/**
 * lin_sync_conflicts_dup_value:
 * @json: (nullable): a value as JSON text, or %NULL when it was removed
 *
 * Returns: the value to read: a string as it is, anything else as JSON,
 *   cut when long; words when there is none
 */
char *
lin_sync_conflicts_dup_value (const char *json)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  if (json == NULL)
    /* Translators: the value of a field that was removed */
    return g_strdup (_("(removed)"));

  node = json_from_string (json, NULL);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    text = g_strdup (node == NULL ? json : "");
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    text = g_strdup (json_node_get_string (node));
  else
    text = json_to_string (node, FALSE);

  if (*text == '\0')
    return g_strdup (_("(empty)"));

  if (g_utf8_strlen (text, -1) > MAX_VALUE_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, MAX_VALUE_CHARS);

      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&text);
}

/* Helpers */

/* A value of @field to read: a risk assessment by its level, as the call
 * log names it; anything else as lin_sync_conflicts_dup_value() says */
static char *
dup_field_value (const char *field,
                 const char *json)
{
  if (g_strcmp0 (field, LIN_CALL_FIELD_RISK) == 0 && json != NULL)
    {
      g_autoptr(JsonNode) node = json_from_string (json, NULL);
      JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *level = object != NULL
        ? json_object_get_string_member_with_default (object, LIN_RISK_FIELD_FINAL_LEVEL, NULL) : NULL;
      const char *label = level != NULL ? lin_call_ui_risk_label (lin_risk_level_from_code (level)) : NULL;

      if (label != NULL && *label != '\0')
        return g_strdup (label);
    }

  return lin_sync_conflicts_dup_value (json);
}

static gboolean
get_bool (LinRecord  *record,
          const char *field)
{
  JsonObject *fields = lin_record_get_fields (record);

  return json_object_get_boolean_member_with_default (fields, field, FALSE);
}

static char *
dup_written (gint64 written)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *time_text = NULL;
  g_autofree char *date_text = NULL;

  if (written <= 0)
    return NULL;

  utc = g_date_time_new_from_unix_utc (written / G_USEC_PER_SEC);
  when = g_date_time_to_timezone (utc, lin_call_get_time_zone ());
  time_text = g_date_time_format (when, "%H:%M");

  if (g_date_time_get_year (when) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (now))
    /* Translators: when the value that was not kept was written; %s is a time */
    return g_strdup_printf (_("Written today at %s"), time_text);

  if (g_date_time_get_year (when) == g_date_time_get_year (yesterday) &&
      g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (yesterday))
    /* Translators: %s is a time */
    return g_strdup_printf (_("Written yesterday at %s"), time_text);

  /* Translators: a g_date_time_format() format for a day, numbers only */
  date_text = g_date_time_format (when, _("%Y-%m-%d"));
  /* Translators: %1$s is a date, %2$s a time */
  return g_strdup_printf (_("Written on %1$s at %2$s"), date_text, time_text);
}

static int
compare_conflicts (gconstpointer a,
                   gconstpointer b)
{
  LinRecord *ra = *(LinRecord **)a, *rb = *(LinRecord **)b;
  gboolean review_a = get_bool (ra, LIN_CONFLICT_FIELD_REVIEW);
  gboolean review_b = get_bool (rb, LIN_CONFLICT_FIELD_REVIEW);
  gint64 written_a, written_b;

  if (review_a != review_b)
    return review_a ? -1 : 1;

  written_a = json_object_get_int_member_with_default (lin_record_get_fields (ra), LIN_CONFLICT_FIELD_WRITTEN, 0);
  written_b = json_object_get_int_member_with_default (lin_record_get_fields (rb), LIN_CONFLICT_FIELD_WRITTEN, 0);

  /* the newest first */
  return written_a < written_b ? 1 : written_a > written_b ? -1 : 0;
}

static GtkWidget *
row_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* The value the record holds now in the conflict's field, to read; %NULL
 * when the record or the field is not known here */
static char *
dup_current (LinSyncConflicts *self,
             LinRecord        *conflict)
{
  const char *id = lin_record_get_string (conflict, LIN_CONFLICT_FIELD_RECORD);
  const char *field = lin_record_get_string (conflict, LIN_CONFLICT_FIELD_MEMBER);
  LinStore *store = self->context != NULL ? lin_context_get_store (self->context) : NULL;
  g_autofree char *json = NULL;
  LinRecord *record;
  JsonNode *node;

  if (store == NULL || id == NULL || field == NULL || (record = lin_store_get (store, id)) == NULL)
    return NULL;

  node = json_object_get_member (lin_record_get_fields (record), field);
  if (node != NULL)
    json = json_to_string (node, FALSE);

  return dup_field_value (field, json);
}

static void resolve_clicked_cb (GtkButton        *button,
                                LinSyncConflicts *self);
static void open_call_clicked_cb (GtkButton        *button,
                                  LinSyncConflicts *self);

/* The call a conflict is about: the call itself, or the call a follow-up
 * or a note belongs to; %NULL when this laptop has no such call */
static const char *
call_of (LinSyncConflicts *self,
         LinRecord        *conflict)
{
  LinStore *store = self->context != NULL ? lin_context_get_store (self->context) : NULL;
  const char *kind = lin_record_get_string (conflict, LIN_CONFLICT_FIELD_RECORD_KIND);
  const char *id = lin_record_get_string (conflict, LIN_CONFLICT_FIELD_RECORD);
  LinRecord *record;

  if (store == NULL || id == NULL)
    return NULL;
  if (g_strcmp0 (kind, LIN_FOLLOW_UP_KIND) == 0 || g_strcmp0 (kind, LIN_NOTE_KIND) == 0)
    id = (record = lin_store_get (store, id)) == NULL ? NULL
       : lin_record_get_string (record, g_strcmp0 (kind, LIN_NOTE_KIND) == 0 ? LIN_NOTE_FIELD_CALL_ID
                                                                            : LIN_FOLLOW_UP_FIELD_CALL_ID);
  else if (g_strcmp0 (kind, LIN_CALL_KIND) != 0)
    return NULL;

  record = id != NULL ? lin_store_get (store, id) : NULL;
  if (record == NULL || g_strcmp0 (lin_record_get_kind (record), LIN_CALL_KIND) != 0)
    return NULL;

  return lin_record_get_id_string (record);
}

/* A row of the list, for @conflict, named for tests ("conflict-N") */
static GtkWidget *
new_row (LinRecord *conflict,
         guint      index)
{
  g_autofree char *name = g_strdup_printf ("conflict-%u", index);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_set_name (row, name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "lin-conflict", g_object_ref (conflict), g_object_unref);

  return row;
}

static GtkWidget *
finish_row (GtkWidget *row,
            GtkWidget *box)
{
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static void collision_clicked_cb (GtkButton        *button,
                                  LinSyncConflicts *self);

/**
 * lin_sync_conflicts_collision_title:
 * @collision: a collision's code (lin_roster_collision_get_code()), or %NULL
 * @alias: (nullable): the counsellor's alias, when it is one person
 *
 * Returns: (transfer full): what collides, in words
 */
char *
lin_sync_conflicts_collision_title (const char *collision,
                                    const char *alias)
{
  LinRosterCollision kind = LIN_ROSTER_COLLISION_OVERFULL;

  if (!lin_roster_collision_from_code (collision, &kind) || alias == NULL)
    kind = LIN_ROSTER_COLLISION_OVERFULL;

  switch (kind)
    {
    case LIN_ROSTER_COLLISION_TWICE:
      /* Translators: two laptops put the same counsellor on one shift;
       * %s is her alias */
      return g_strdup_printf (_("%s is on the same shift twice"), alias);
    case LIN_ROSTER_COLLISION_OVERLAP:
      /* Translators: a roster rule broken; %s is a counsellor's alias */
      return g_strdup_printf (_("%s is on two shifts at once"), alias);
    case LIN_ROSTER_COLLISION_OVERFULL:
    case LIN_ROSTER_N_COLLISIONS:
    default:
      /* Translators: two laptops filled the same place on a shift */
      return g_strdup (_("More people on the shift than it needs"));
    }
}

/* One of the two assignments: who, which line, when, and a button that
 * takes her off; or a line saying it is gone */
static GtkWidget *
collision_part (LinSyncConflicts *self,
                LinRoster        *roster,
                LinRecord        *assignment,
                gboolean          removable,
                const char       *name)
{
  GtkWidget *part = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label, *remove;
  int s = assignment != NULL && roster != NULL
    ? lin_roster_find_shift (roster, lin_record_get_string (assignment, LIN_ASSIGNMENT_FIELD_SHIFT)) : -1;
  int p = s >= 0 ? lin_roster_assignment_get_person (roster, assignment) : -1;
  int l = s >= 0 ? lin_roster_shift_get_line (roster, s) : -1;
  g_autofree char *when = NULL;
  g_autofree char *where = NULL;

  gtk_widget_set_name (part, name);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (part), texts);

  if (s < 0 || p < 0)
    {
      /* Translators: one of two colliding shift assignments, removed since */
      label = row_label (_("No longer on the roster"), "dim-label");
      gtk_box_append (GTK_BOX (texts), label);
      return part;
    }

  label = row_label (lin_record_get_string (lin_roster_get_person (roster, p), LIN_PERSON_FIELD_ALIAS), "heading");
  gtk_box_append (GTK_BOX (texts), label);
  when = lin_roster_details_format_shift (roster, s);
  where = l >= 0 ? g_strdup_printf ("%s · %s",
                                    lin_record_get_string (lin_roster_get_line (roster, l), LIN_LINE_FIELD_NAME),
                                    when)
                 : g_strdup (when);
  label = row_label (where, NULL);
  gtk_box_append (GTK_BOX (texts), label);
  if (!removable)
    return part;

  remove = gtk_button_new_with_label (_("Remove From Shift"));
  gtk_widget_set_name (remove, "collision-remove");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (remove), "lin-unassign", g_object_ref (assignment), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (collision_clicked_cb), self);
  gtk_box_append (GTK_BOX (part), remove);

  return part;
}

/* Two roster assignments that collide: both, each with its own button,
 * and one to keep both. One counsellor put on one shift twice is one
 * assignment to see and one to remove: the two look alike, and keeping
 * both is never what anyone meant. */
static GtkWidget *
make_collision_row (LinSyncConflicts *self,
                    LinRecord        *conflict,
                    guint             index)
{
  LinStore *store = self->context != NULL ? lin_context_get_store (self->context) : NULL;
  LinRoster *roster = self->context != NULL ? lin_context_get_roster (self->context) : NULL;
  const char *code = lin_record_get_string (conflict, LIN_CONFLICT_FIELD_COLLISION);
  LinRecord *arrived = store != NULL ? lin_store_get (store, lin_record_get_string (conflict, LIN_CONFLICT_FIELD_RECORD))
                                     : NULL;
  LinRecord *held = store != NULL ? lin_store_get (store, lin_record_get_string (conflict, LIN_CONFLICT_FIELD_COLLIDES))
                                  : NULL;
  LinRecord *either = arrived != NULL ? arrived : held;
  int p = either != NULL && roster != NULL ? lin_roster_assignment_get_person (roster, either) : -1;
  const char *alias = p >= 0 ? lin_record_get_string (lin_roster_get_person (roster, p), LIN_PERSON_FIELD_ALIAS) : NULL;
  g_autofree char *title = lin_sync_conflicts_collision_title (code, alias);
  LinRosterCollision kind;
  gboolean twice = lin_roster_collision_from_code (code, &kind) && kind == LIN_ROSTER_COLLISION_TWICE &&
                   held != NULL && arrived != NULL && alias != NULL;
  GtkWidget *row = new_row (conflict, index);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *parts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label, *button;

  /* Translators: above a sync conflict about the roster */
  label = row_label (C_("record kind", "Roster"), "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  label = row_label (title, "heading");
  gtk_widget_set_name (label, "conflict-field");
  gtk_box_append (GTK_BOX (box), label);
  label = row_label (twice
                     /* Translators: under "%s is on the same shift twice" */
                     ? _("Both laptops made this same assignment before they synced. Remove one of the two.")
                     /* Translators: under the title of two colliding shift assignments */
                     : _("Two laptops made these assignments before they synced. Remove one, or keep both."),
                     "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_set_margin_top (parts, 6);
  gtk_widget_set_margin_bottom (parts, 6);
  gtk_box_append (GTK_BOX (parts), collision_part (self, roster, held, !twice, "collision-held"));
  if (!twice)
    {
      gtk_box_append (GTK_BOX (parts), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (GTK_BOX (parts), collision_part (self, roster, arrived, TRUE, "collision-arrived"));
    }
  gtk_box_append (GTK_BOX (box), parts);

  if (twice)
    {
      /* Translators: a button: of one counsellor's two identical places
       * on a shift, take away one */
      button = gtk_button_new_with_mnemonic (_("_Remove One"));
      gtk_widget_set_name (button, "collision-remove-one");
      gtk_widget_add_css_class (button, "suggested-action");
      g_object_set_data_full (G_OBJECT (button), "lin-unassign", g_object_ref (arrived), g_object_unref);
    }
  else
    {
      /* Translators: a button: leave both colliding shift assignments as they are */
      button = gtk_button_new_with_mnemonic (_("_Keep Both"));
      gtk_widget_set_name (button, "conflict-keep");
    }
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  g_signal_connect (button, "clicked", G_CALLBACK (collision_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), button);

  return finish_row (row, box);
}

/* A row's buttons: side by side at the end while they fit, one above
 * the other when the window is narrow (down to 360 px) */
static GtkWidget *
button_row_new (void)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_layout_manager (row, lin_button_row_layout_new (6));

  return row;
}

/* A value that lost a merge, or a review of a risk assessment */
static GtkWidget *
make_value_row (LinSyncConflicts *self,
                LinRecord        *conflict,
                guint             index)
{
  const char *kind = lin_record_get_string (conflict, LIN_CONFLICT_FIELD_RECORD_KIND);
  const char *field = lin_record_get_string (conflict, LIN_CONFLICT_FIELD_MEMBER);
  const char *value_json = lin_record_get_string (conflict, LIN_CONFLICT_FIELD_VALUE);
  gint64 written = json_object_get_int_member_with_default (lin_record_get_fields (conflict),
                                                            LIN_CONFLICT_FIELD_WRITTEN, 0);
  g_autofree char *value = dup_field_value (field, value_json);
  g_autofree char *written_text = dup_written (written);
  g_autofree char *current = NULL;
  gboolean only_review;
  GtkWidget *row = new_row (conflict, index);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *buttons = button_row_new ();
  GtkWidget *keep, *use, *label;
  const char *call_id = call_of (self, conflict);

  gtk_box_append (GTK_BOX (titles), row_label (lin_sync_conflicts_kind_name (kind), "caption-heading"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (titles), "dim-label");
  label = row_label (lin_sync_conflicts_field_name (field), "heading");
  gtk_widget_set_name (label, "conflict-field");
  gtk_box_append (GTK_BOX (titles), label);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (title_box), titles);
  gtk_box_append (GTK_BOX (box), title_box);

  if (get_bool (conflict, LIN_CONFLICT_FIELD_REVIEW))
    {
      /* Translators: a badge on a conflict where two laptops assessed a
       * call's risk or its safety flags differently */
      label = row_label (_("Risk assessment differed: check the call"), "lin-conflict-review");
      gtk_widget_set_name (label, "conflict-review");
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), label);
    }

  /* what the record holds now, when this laptop has it */
  current = dup_current (self, conflict);
  if (current != NULL)
    {
      /* Translators: above the value a record holds now, in a sync conflict */
      gtk_box_append (GTK_BOX (value_box), row_label (_("Current value"), "caption"));
      gtk_widget_add_css_class (gtk_widget_get_last_child (value_box), "dim-label");
      label = row_label (current, NULL);
      gtk_widget_set_name (label, "conflict-current");
      gtk_widget_set_margin_bottom (label, 6);
      gtk_box_append (GTK_BOX (value_box), label);
    }

  /* a review of the whole record with nothing lost: only to look at */
  only_review = field == NULL && value_json == NULL;

  /* Translators: above the value of a field that lost a sync conflict */
  gtk_box_append (GTK_BOX (value_box), row_label (_("Value not kept"), "caption"));
  gtk_widget_add_css_class (gtk_widget_get_last_child (value_box), "dim-label");
  label = row_label (value, NULL);
  gtk_widget_set_name (label, "conflict-value");
  gtk_box_append (GTK_BOX (value_box), label);
  if (written_text != NULL)
    {
      label = row_label (written_text, "caption");
      gtk_widget_set_name (label, "conflict-written");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (value_box), label);
    }
  gtk_widget_set_visible (value_box, !only_review);
  gtk_box_append (GTK_BOX (box), value_box);

  /* Translators: a button: leave the record as it is and drop the other value */
  keep = gtk_button_new_with_mnemonic (_("_Keep Current"));
  gtk_widget_set_name (keep, "conflict-keep");
  g_object_set_data (G_OBJECT (keep), "lin-use-value", GINT_TO_POINTER (FALSE));
  /* Translators: a button: put the value that was not kept into the record */
  use = gtk_button_new_with_mnemonic (_("_Use This Value"));
  gtk_widget_set_name (use, "conflict-use");
  g_object_set_data (G_OBJECT (use), "lin-use-value", GINT_TO_POINTER (TRUE));
  g_signal_connect (keep, "clicked", G_CALLBACK (resolve_clicked_cb), self);
  g_signal_connect (use, "clicked", G_CALLBACK (resolve_clicked_cb), self);
  if (call_id != NULL)
    {
      /* Translators: a button: show the call a sync conflict is about in
       * the main window */
      GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open Call"));

      gtk_widget_set_name (open, "conflict-open-call");
      g_object_set_data_full (G_OBJECT (open), "lin-call-id", g_strdup (call_id), g_free);
      g_signal_connect (open, "clicked", G_CALLBACK (open_call_clicked_cb), self);
      gtk_box_append (GTK_BOX (buttons), open);
    }
  gtk_box_append (GTK_BOX (buttons), keep);
  gtk_widget_set_visible (use, !only_review);
  gtk_box_append (GTK_BOX (buttons), use);
  gtk_box_append (GTK_BOX (box), buttons);

  return finish_row (row, box);
}

static GtkWidget *
make_row (LinSyncConflicts *self,
          LinRecord        *conflict,
          guint             index)
{
  if (lin_record_get_string (conflict, LIN_CONFLICT_FIELD_COLLIDES) != NULL)
    return make_collision_row (self, conflict, index);

  return make_value_row (self, conflict, index);
}

static void
clear_list (LinSyncConflicts *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
}

/* Callbacks */

static void
resolve_clicked_cb (GtkButton        *button,
                    LinSyncConflicts *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  gboolean use_value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "lin-use-value"));
  LinSync *sync = self->context != NULL ? lin_context_get_sync (self->context) : NULL;
  g_autoptr(GError) error = NULL;
  LinRecord *conflict;

  if (row == NULL || sync == NULL)
    return;

  conflict = g_object_get_data (G_OBJECT (row), "lin-conflict");
  if (!lin_sync_resolve_conflict (sync, conflict, use_value, &error))
    {
      /* the message may hold nothing of the record: only that it failed */
      g_warning ("A conflict could not be resolved: %s", error->message);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts),
                                   adw_toast_new (_("The conflict could not be resolved. Try again.")));
      return;
    }

  lin_sync_conflicts_reload (self);
}

static void
open_call_clicked_cb (GtkButton        *button,
                      LinSyncConflicts *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (LIN_IS_WINDOW (parent) &&
      lin_window_show_call (LIN_WINDOW (parent), g_object_get_data (G_OBJECT (button), "lin-call-id")))
    return;

  /* Translators: "Open Call" in the list of sync conflicts, while the
   * counsellor is taking a call in the main window */
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts),
                               adw_toast_new (_("Finish the call you are taking, then open this one.")));
}

static void
collision_clicked_cb (GtkButton        *button,
                      LinSyncConflicts *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  LinRecord *unassign = g_object_get_data (G_OBJECT (button), "lin-unassign");
  LinSync *sync = self->context != NULL ? lin_context_get_sync (self->context) : NULL;
  g_autoptr(GError) error = NULL;

  if (row == NULL || sync == NULL)
    return;

  if (!lin_sync_resolve_collision (sync, g_object_get_data (G_OBJECT (row), "lin-conflict"), unassign, &error))
    {
      g_warning ("A roster collision could not be resolved: %s", error->message);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts),
                                   adw_toast_new (_("The conflict could not be resolved. Try again.")));
      return;
    }

  lin_sync_conflicts_reload (self);
}

static void
record_changed_cb (LinSyncConflicts *self,
                   LinRecord        *record)
{
  if (record == NULL || g_strcmp0 (lin_record_get_kind (record), LIN_CONFLICT_KIND) == 0)
    lin_sync_conflicts_reload (self);
}

static void
gone_cb (LinSyncConflicts *self)
{
  /* locked, or no longer in an organisation: nothing of the profile stays */
  if (self->context == NULL ||
      lin_context_get_locked (self->context) ||
      lin_context_get_sync (self->context) == NULL)
    {
      clear_list (self);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

/* Overrides */

static void
lin_sync_conflicts_dispose (GObject *object)
{
  LinSyncConflicts *self = (LinSyncConflicts *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lin_sync_conflicts_parent_class)->dispose (object);
}

static void
lin_sync_conflicts_class_init (LinSyncConflictsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_sync_conflicts_dispose;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lin_sync_conflicts_init (LinSyncConflicts *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *list_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro;
  GtkWidget *empty;

  /* Translators: the title of the window of sync conflicts; never more
   * than this (no record's content in a title) */
  gtk_window_set_title (GTK_WINDOW (self), _("Conflicts"));
  gtk_window_set_default_size (GTK_WINDOW (self), 680, 560);
  gtk_window_set_modal (GTK_WINDOW (self), FALSE);

  /* Translators: the explanation above the list of sync conflicts */
  intro = row_label (_("Two laptops changed the same thing before they synced. Linija kept one value "
                       "and saved the other here. Choose which one stays."), NULL);
  self->list = gtk_list_box_new ();
  gtk_widget_set_name (self->list, "conflicts-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_box_append (GTK_BOX (list_box), intro);
  gtk_box_append (GTK_BOX (list_box), self->list);
  gtk_widget_set_margin_top (list_box, 18);
  gtk_widget_set_margin_bottom (list_box, 18);
  gtk_widget_set_margin_start (list_box, 12);
  gtk_widget_set_margin_end (list_box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), list_box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  empty = adw_status_page_new ();
  gtk_widget_set_name (empty, "conflicts-empty");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  /* Translators: the list of sync conflicts is empty */
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No conflicts"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Every change from every laptop is in place. Nothing to choose."));

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "list");
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");

  self->toasts = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (self->toasts), self->stack);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), self->toasts);
  adw_window_set_content (ADW_WINDOW (self), box);
}

/* Public API */

/**
 * lin_sync_conflicts_new:
 * @parent: (nullable): the main window
 * @context: the context, unlocked and in an organisation
 *
 * The window follows the store's conflict copies, and closes itself when
 * the context locks or its #LinContext:sync goes.
 *
 * Returns: (transfer none): a new #LinSyncConflicts, to present
 */
GtkWidget *
lin_sync_conflicts_new (GtkWindow  *parent,
                        LinContext *context)
{
  LinSyncConflicts *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIN_IS_CONTEXT (context), NULL);

  self = g_object_new (LIN_TYPE_SYNC_CONFLICTS, NULL);
  self->context = g_object_ref (context);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      /* one of the application's windows, so that a lock closes it */
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }

  self->store = lin_context_get_store (context);
  if (self->store != NULL)
    {
      g_object_ref (self->store);
      g_signal_connect_object (self->store, "record-changed", G_CALLBACK (record_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (context, "notify::locked", G_CALLBACK (gone_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::sync", G_CALLBACK (gone_cb), self, G_CONNECT_SWAPPED);
  /* a collision's assignments as the roster has them now */
  g_signal_connect_object (context, "roster-changed", G_CALLBACK (lin_sync_conflicts_reload), self,
                           G_CONNECT_SWAPPED);
  if (lin_context_get_sync (context) != NULL)
    g_signal_connect_object (lin_context_get_sync (context), "notify::n-conflicts",
                             G_CALLBACK (lin_sync_conflicts_reload), self, G_CONNECT_SWAPPED);
  lin_sync_conflicts_reload (self);

  return GTK_WIDGET (self);
}

/**
 * lin_sync_conflicts_get_n_items:
 * @self: a #LinSyncConflicts
 *
 * Returns: how many conflicts the list shows
 */
guint
lin_sync_conflicts_get_n_items (LinSyncConflicts *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_CONFLICTS (self), 0);

  return self->n_items;
}

/**
 * lin_sync_conflicts_reload:
 * @self: a #LinSyncConflicts
 *
 * Lists the unresolved conflict copies again.
 */
void
lin_sync_conflicts_reload (LinSyncConflicts *self)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  LinStore *store;

  g_return_if_fail (LIN_IS_SYNC_CONFLICTS (self));

  clear_list (self);
  self->n_items = 0;

  store = self->context != NULL && !lin_context_get_locked (self->context)
    ? lin_context_get_store (self->context) : NULL;
  if (store != NULL)
    {
      all = lin_store_list (store, LIN_CONFLICT_KIND);
      for (guint i = 0; i < all->len; i++)
        if (!get_bool (all->pdata[i], LIN_CONFLICT_FIELD_RESOLVED))
          g_ptr_array_add (open, all->pdata[i]);
      g_ptr_array_sort (open, compare_conflicts);
    }

  for (guint i = 0; i < open->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), make_row (self, open->pdata[i], i));
  self->n_items = open->len;

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), self->n_items > 0 ? "list" : "empty");
}
