/* test-gui-call-log.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The call log, a call's details and the follow-up queue through the real
 * application and its real widgets under a virtual display: calls saved
 * through the core appear newest first; the risk filter leaves the right
 * rows; a call's details show its answers in words; a note added there is
 * saved as a note record; editing saves a new revision that the history
 * lists, and an earlier version shows its own answers with the changed
 * one marked; the editor holds every answer the wizard asks, in the
 * wizard's widgets, and changes an old call's municipality, risk (with
 * the judgement's rules) and referrals, refusing what the wizard refuses
 * without losing a word; marking an overdue follow-up done lowers the
 * count the Calls section shows; the editor reschedules an open follow-up
 * and schedules one for a call that has none; the narrow window folds the list and the
 * details; a lock leaves nothing of it in any widget; with the demo
 * profile's 300 fictional calls, each risk filter leaves exactly the
 * calls of its level.
 *
 * The tests run in this order on one application and build on each other.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lin-application.h"
#include "lin-call.h"
#include "lin-call-details.h"
#include "lin-call-log.h"
#include "lin-call-log-view.h"
#include "lin-call-ui.h"
#include "lin-codes.h"
#include "lin-demo.h"
#include "lin-follow-ups-view.h"
#include "lin-i18n.h"
#include "lin-test-utils.h"
#include "lin-window.h"

#define PASSPHRASE "green door, eleven herons"
#define NOTE_TEXT "Marker-note-5821: she will call back after the hearing"
#define OUTCOME_NOTE "Marker-outcome-3307"
#define CALLER_CODE "Marker-KX-1209"

static LinApplication *app;
static char *profile_path;

/* Helpers */

static LinWindow *
main_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (LIN_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static LinContext *
context (void)
{
  return lin_application_get_context (app);
}

static LinStore *
store (void)
{
  return lin_context_get_store (context ());
}

static GtkWidget *
named_in (GtkWidget  *root,
          const char *name)
{
  GtkWidget *widget = lin_test_find_named (root, name);

  if (widget == NULL)
    g_error ("No widget named %s", name);

  return widget;
}

static GtkWidget *
named (const char *name)
{
  return named_in (GTK_WIDGET (main_window ()), name);
}

static LinCallLogView *
log_view (void)
{
  return LIN_CALL_LOG_VIEW (lin_test_find_descendant (GTK_WIDGET (main_window ()), LIN_TYPE_CALL_LOG_VIEW));
}

static LinCallDetails *
details (void)
{
  return LIN_CALL_DETAILS (lin_test_find_descendant (GTK_WIDGET (main_window ()), LIN_TYPE_CALL_DETAILS));
}

static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
is_unlocked (gpointer data)
{
  return !lin_context_get_locked (context ());
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  char **path = user_data;

  *path = lin_context_create_profile_finish (LIN_CONTEXT (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(char **)data != NULL;
}

/* A risk assessment of Linija's checklist that gives @level: "yes" to
 * items in order until the score reaches it (critical items only for
 * high) */
static JsonObject *
risk_for (LinRiskLevel level)
{
  LinRiskChecklist *checklist = lin_risk_checklist_get_default ();
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *risk = json_object_new ();
  JsonObject *answer_object = json_object_new ();
  LinRiskScore score = { 0, };

  for (guint i = 0; i < lin_risk_checklist_get_n_items (checklist); i++)
    {
      const char *code = lin_risk_checklist_get_item_code (checklist, i);

      lin_risk_checklist_score (checklist, answers, &score);
      if (score.level >= level)
        break;
      if (lin_risk_checklist_get_item_critical (checklist, i) && level != LIN_RISK_LEVEL_HIGH)
        continue;

      g_hash_table_insert (answers, (gpointer)code, GINT_TO_POINTER (LIN_RISK_ANSWER_YES));
      json_object_set_string_member (answer_object, code, "yes");
    }
  lin_risk_checklist_score (checklist, answers, &score);
  g_assert_cmpint (score.level, ==, level);

  json_object_set_string_member (risk, "checklist", lin_risk_checklist_get_id (checklist));
  json_object_set_int_member (risk, "version", lin_risk_checklist_get_version (checklist));
  json_object_set_object_member (risk, "answers", answer_object);
  json_object_set_int_member (risk, "score", score.score);
  json_object_set_string_member (risk, "level", lin_risk_level_to_code (level));
  json_object_set_string_member (risk, "final_level", lin_risk_level_to_code (level));

  return risk;
}

/* Saves a call that began @hours_ago, of @type, with @level (NONE: not
 * assessed) and, when @due_hours is not 0, a follow-up due that many
 * hours from now (negative: overdue) */
static LinRecord *
add_call (double        hours_ago,
          const char   *type,
          LinRiskLevel  level,
          int           due_hours,
          const char   *caller_code)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  g_autoptr(GDateTime) started = g_date_time_add_seconds (now, -hours_ago * 3600);
  g_autoptr(LinRecord) call = lin_record_new (LIN_CALL_KIND);
  g_autoptr(LinRecord) follow_up = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = lin_call_format_time (started);
  JsonObject *fields = lin_record_get_fields (call);

  json_object_set_int_member (fields, "schema", LIN_CALL_SCHEMA);
  json_object_set_string_member (fields, "started", when);
  json_object_set_int_member (fields, "duration_s", 600);
  json_object_set_string_member (fields, "channel", "phone");
  json_object_set_string_member (fields, "call_type", type);
  json_object_set_string_member (fields, "language", "sr");
  if (caller_code != NULL)
    json_object_set_string_member (fields, "caller_code", caller_code);
  if (level != LIN_RISK_LEVEL_NONE)
    {
      JsonArray *forms = json_array_new ();

      json_array_add_string_element (forms, "psychological");
      json_array_add_string_element (forms, "physical");
      json_object_set_array_member (fields, "violence_forms", forms);
      json_object_set_string_member (fields, "age_group", "26-35");
      json_object_set_object_member (fields, "risk", risk_for (level));
      json_object_set_boolean_member (fields, "flagged", level == LIN_RISK_LEVEL_HIGH);
      json_object_set_boolean_member (fields, "consent_follow_up", due_hours != 0);
      json_object_set_boolean_member (fields, "consent_statistics", TRUE);
    }

  if (due_hours != 0)
    {
      g_autoptr(GDateTime) due = g_date_time_add_hours (now, due_hours);

      follow_up = lin_follow_up_new (call, due, "phone-call", "weekdays 10–12", NULL);
    }

  if (!lin_call_save (store (), call, follow_up, NULL, &error))
    g_error ("Saving a test call: %s", error->message);

  return g_steal_pointer (&call);
}

static guint
n_shown (void)
{
  return g_list_model_get_n_items (lin_call_log_view_get_model (log_view ()));
}

static LinRecord *
shown (guint i)
{
  g_autoptr(LinRecord) call = g_list_model_get_item (lin_call_log_view_get_model (log_view ()), i);

  return call;
}

static guint
calls_badge (void)
{
  AdwViewStack *stack = ADW_VIEW_STACK (lin_test_find_descendant (GTK_WIDGET (main_window ()), ADW_TYPE_VIEW_STACK));
  AdwViewStackPage *page = adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "calls"));

  return adw_view_stack_page_get_badge_number (page);
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;

  return n;
}

static gboolean
n_shown_is (gpointer data)
{
  return n_shown () == GPOINTER_TO_UINT (data);
}

static gboolean
index_ready (gpointer data)
{
  GListModel *model = lin_call_log_view_get_model (log_view ());

  return LIN_IS_CALL_LOG (model) && lin_call_log_get_index_ready (LIN_CALL_LOG (model));
}

static gboolean
n_overdue_is (gpointer data)
{
  return lin_call_log_view_get_n_overdue (log_view ()) == GPOINTER_TO_UINT (data);
}

/* Tests */

static LinRecord *high_1, *high_2, *medium, *standard, *silent, *upcoming;

static void
test_open_log (void)
{
  g_autofree char *path = NULL;

  g_application_activate (G_APPLICATION (app));
  g_assert_nonnull (main_window ());
  gtk_window_set_default_size (GTK_WINDOW (main_window ()), 960, 640);

  lin_context_create_profile_async (context (), "Ana", PASSPHRASE, NULL, created_cb, &path);
  g_assert_true (lin_test_wait_for (is_set, &path, 60000));
  profile_path = g_strdup (path);
  if (lin_context_get_locked (context ()))
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (lin_context_unlock (context (), path, PASSPHRASE, &error));
      g_assert_no_error (error);
    }
  g_assert_true (lin_test_wait_for (is_unlocked, NULL, 10000));
  lin_test_spin (100);

  /* an empty profile says so */
  g_assert_cmpuint (n_shown (), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (named ("call-list-stack"))), ==, "empty");

  standard = add_call (30, "self", LIN_RISK_LEVEL_STANDARD, 0, NULL);
  high_1 = add_call (20, "self", LIN_RISK_LEVEL_HIGH, -3, CALLER_CODE);
  silent = add_call (10, "silent", LIN_RISK_LEVEL_NONE, 0, NULL);
  medium = add_call (5, "on-behalf", LIN_RISK_LEVEL_MEDIUM, -1, NULL);
  upcoming = add_call (4, "self", LIN_RISK_LEVEL_MEDIUM, 48, NULL);
  high_2 = add_call (2, "self", LIN_RISK_LEVEL_HIGH, 0, NULL);
  /* the oldest of all, saved last: the order is by when the call began */
  add_call (100, "information", LIN_RISK_LEVEL_NONE, 0, NULL);
  /* the index sorts by when each call began */
  g_assert_true (lin_test_wait_for (index_ready, NULL, 10000));
  lin_test_spin (100);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (named ("call-list-stack"))), ==, "list");
  g_assert_cmpuint (n_shown (), ==, 7);
  g_assert_true (shown (0) == high_2);
  g_assert_true (shown (1) == upcoming);
  g_assert_true (shown (2) == medium);
  g_assert_true (shown (5) == standard);
  for (guint i = 1; i < n_shown (); i++)
    {
      g_autoptr(GDateTime) a = lin_call_dup_started (shown (i - 1));
      g_autoptr(GDateTime) b = lin_call_dup_started (shown (i));

      g_assert_cmpint (g_date_time_compare (a, b), >=, 0);
    }
}

static void
test_filter_risk (void)
{
  GtkDropDown *risk = GTK_DROP_DOWN (named ("risk-filter"));
  GtkWidget *list = named ("call-list");

  click (named ("filters-button"));
  /* "Any risk", "Standard risk", "Medium risk", "High risk" */
  gtk_drop_down_set_selected (risk, 3);
  lin_test_spin (100);

  g_assert_cmpuint (n_shown (), ==, 2);
  g_assert_true (shown (0) == high_2);
  g_assert_true (shown (1) == high_1);
  for (guint i = 0; i < n_shown (); i++)
    g_assert_cmpint (lin_call_get_risk_level (shown (i)), ==, LIN_RISK_LEVEL_HIGH);

  /* the rows on screen say it in words, the level last */
  {
    g_autoptr(GPtrArray) texts = lin_test_collect_texts (list);
    guint n_high = 0;

    for (guint i = 0; i < texts->len; i++)
      if (g_str_has_suffix (g_ptr_array_index (texts, i), "\nHigh risk"))
        n_high++;
    g_assert_cmpuint (n_high, ==, 2);
  }

  gtk_drop_down_set_selected (risk, 2);
  lin_test_spin (50);
  g_assert_cmpuint (n_shown (), ==, 2);
  g_assert_true (shown (0) == upcoming);
  g_assert_true (shown (1) == medium);

  /* with another filter: medium and overdue */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named ("follow-up-filter")), 1);
  lin_test_spin (50);
  g_assert_cmpuint (n_shown (), ==, 1);
  g_assert_true (shown (0) == medium);

  click (named ("clear-filters-button"));
  lin_test_spin (50);
  g_assert_cmpuint (n_shown (), ==, 7);

  /* the caller code, from its first letters, in any case (the search
   * entry waits for a pause in typing) */
  lin_test_type (named ("caller-code-search"), "marker-kx");
  g_assert_true (lin_test_wait_for (n_shown_is, GUINT_TO_POINTER (1), 2000));
  g_assert_true (shown (0) == high_1);
  gtk_editable_set_text (GTK_EDITABLE (named ("caller-code-search")), "");
  g_assert_true (lin_test_wait_for (n_shown_is, GUINT_TO_POINTER (7), 2000));

  /* the call type: silent calls only */
  {
    const LinCodeList *types = lin_code_list_get ("call-type");
    guint silent_index = 0;

    for (guint i = 0; i < lin_code_list_get_n_codes (types); i++)
      if (g_str_equal (lin_code_list_get_code (types, i)->code, "silent"))
        silent_index = i + 1;
    g_assert_cmpuint (silent_index, >, 0);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (named ("type-filter")), silent_index);
    lin_test_spin (50);
    g_assert_cmpuint (n_shown (), ==, 1);
    g_assert_true (shown (0) == silent);
  }

  /* the date: today's calls, from midnight in Belgrade */
  click (named ("clear-filters-button"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named ("date-filter")), 1);
  lin_test_spin (50);
  {
    static const double hours[] = { 30, 20, 10, 5, 4, 2, 100 };
    g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
    g_autoptr(GDateTime) midnight = g_date_time_new (lin_call_get_time_zone (),
                                                     g_date_time_get_year (now),
                                                     g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now), 0, 0, 0);
    guint expected = 0;

    for (guint i = 0; i < G_N_ELEMENTS (hours); i++)
      {
        g_autoptr(GDateTime) started = g_date_time_add_seconds (now, -hours[i] * 3600);

        if (g_date_time_compare (started, midnight) >= 0)
          expected++;
      }
    g_assert_cmpuint (n_shown (), ==, expected);
    for (guint i = 0; i < n_shown (); i++)
      {
        g_autoptr(GDateTime) started = lin_call_dup_started (shown (i));

        g_assert_cmpint (g_date_time_compare (started, midnight), >=, 0);
      }
  }

  /* the last 7 days: all but the call of 100 hours ago are within */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named ("date-filter")), 2);
  lin_test_spin (50);
  g_assert_cmpuint (n_shown (), ==, 7);

  click (named ("clear-filters-button"));
  lin_test_spin (50);
  g_assert_cmpuint (n_shown (), ==, 7);
}

static void
test_details_note (void)
{
  GtkWidget *root = GTK_WIDGET (details ());
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  GtkTextBuffer *buffer;
  gboolean found;

  /* Enter on the second row */
  g_signal_emit_by_name (named ("call-list"), "activate", 1);
  lin_test_spin (100);
  g_assert_true (lin_call_details_get_call (details ()) == upcoming);
  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "view");

  /* the answers in words, not codes */
  texts = lin_test_collect_texts (root);
  found = FALSE;
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      g_assert_cmpstr (text, !=, "psychological");
      if (g_str_equal (text, lin_code_label ("violence-form", "psychological") ) ||
          strstr (text, lin_code_label ("violence-form", "physical")) != NULL)
        found = TRUE;
    }
  g_assert_true (found);
  g_assert_true (gtk_widget_get_visible (named_in (root, "no-notes-label")) ||
                 n_rows (named_in (root, "notes-list")) == 0);

  click (named_in (root, "add-note-button"));
  lin_test_spin (50);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (named_in (root, "note-view")));
  gtk_text_buffer_insert_at_cursor (buffer, NOTE_TEXT, -1);
  click (named_in (root, "save-note-button"));
  lin_test_spin (100);

  /* shown, and saved as a note record of this call */
  g_assert_cmpuint (n_rows (named_in (root, "notes-list")), ==, 1);
  {
    g_autofree char *shown_text = lin_test_any_text_contains (NOTE_TEXT);

    g_assert_nonnull (shown_text);
  }
  notes = lin_call_list_notes (store (), lin_record_get_id_string (upcoming));
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (lin_record_get_kind (g_ptr_array_index (notes, 0)), ==, LIN_NOTE_KIND);
  g_assert_cmpstr (lin_record_get_string (g_ptr_array_index (notes, 0), "text"), ==, NOTE_TEXT);
  g_assert_cmpstr (lin_record_get_string (g_ptr_array_index (notes, 0), "call_id"), ==,
                   lin_record_get_id_string (upcoming));
  /* the editor is empty again */
  {
    GtkTextIter start, end;
    g_autofree char *left = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    left = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (left, ==, "");
  }

  /* a second note comes after the first */
  lin_call_details_add_note (details (), "second", NULL);
  lin_test_spin (50);
  g_assert_cmpuint (n_rows (named_in (root, "notes-list")), ==, 2);
}

static void
test_edit_history (void)
{
  GtkWidget *root = GTK_WIDGET (details ());
  guint64 revision = lin_record_get_revision (upcoming);
  GtkDropDown *age;
  const LinCodeList *ages = lin_code_list_get ("age-group");

  click (named_in (root, "edit-button"));
  lin_test_spin (50);
  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "edit");

  /* the age group, the wizard's drop-down: the first code of the list
   * (0 is "Not answered") */
  age = GTK_DROP_DOWN (named_in (root, "field-age_group"));
  gtk_drop_down_set_selected (age, 1);
  click (named_in (root, "save-edit-button"));
  lin_test_spin (100);

  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "view");
  g_assert_cmpuint (lin_record_get_revision (upcoming), ==, revision + 1);
  g_assert_cmpstr (lin_record_get_string (upcoming, "age_group"), ==, lin_code_list_get_code (ages, 0)->code);
  /* what was not edited stays */
  g_assert_cmpint (lin_call_get_risk_level (upcoming), ==, LIN_RISK_LEVEL_MEDIUM);

  click (named_in (root, "history-button"));
  lin_test_spin (50);
  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "history");
  g_assert_cmpuint (n_rows (named_in (root, "history-list")), ==, 2);
  click (named_in (root, "close-history-button"));
  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "view");
}

/* The n-th row (from 0, newest first) of the list of versions */
static GtkListBoxRow *
history_row (guint n)
{
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (named_in (GTK_WIDGET (details ()), "history-list")), n);
}

static guint
n_changed_rows (void)
{
  GtkWidget *box = named_in (GTK_WIDGET (details ()), "version-box");
  g_autoptr(GPtrArray) texts = NULL;
  guint n = 0;

  /* the rows marked, counted by their tag, as they show */
  texts = lin_test_collect_texts (box);
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_ptr_array_index (texts, i), C_("answer", "Changed")))
      n++;

  return n;
}

/* An edited call's history: three versions; an earlier one shows its own
 * answers, the answer its edit changed marked, and the first none; all
 * by the keyboard, Enter on a version and Escape back */
static void
test_history_version (void)
{
  GtkWidget *root = GTK_WIDGET (details ());
  GtkWidget *window = GTK_WIDGET (main_window ());
  const LinCodeList *ages = lin_code_list_get ("age-group");
  const char *age_1 = lin_code_list_get_code (ages, 0)->code;
  const char *age_2 = lin_code_list_get_code (ages, 1)->code;
  const char *original = NULL;
  guint64 revision = lin_record_get_revision (upcoming);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  GtkWidget *changed;

  /* test_edit_history made version 2 (age group the list's first code) */
  g_assert_cmpuint (revision, ==, 2);
  versions = lin_store_list_revisions (store (), lin_record_get_id_string (upcoming), NULL);
  g_assert_nonnull (versions);
  g_assert_cmpuint (versions->len, ==, 2);
  original = lin_record_get_string (g_ptr_array_index (versions, 0), "age_group");
  g_assert_cmpstr (original, !=, age_1);

  /* a third version: the age group once more */
  click (named_in (root, "edit-button"));
  lin_test_spin (50);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named_in (root, "field-age_group")), 2);
  click (named_in (root, "save-edit-button"));
  lin_test_spin (100);
  g_assert_cmpuint (lin_record_get_revision (upcoming), ==, 3);
  g_assert_cmpstr (lin_record_get_string (upcoming, "age_group"), ==, age_2);

  click (named_in (root, "history-button"));
  lin_test_spin (50);
  g_assert_cmpuint (n_rows (named_in (root, "history-list")), ==, 3);
  g_assert_true (gtk_list_box_row_get_activatable (history_row (0)));
  {
    g_autofree char *current = g_strdup_printf (_("Version %u (current)"), 3u);

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (history_row (0))), ==, current);
  }

  /* Enter on the second row: version 2 */
  gtk_widget_grab_focus (GTK_WIDGET (history_row (1)));
  lin_test_spin (50);
  g_assert_true (lin_test_press (window, "Return"));
  lin_test_spin (100);
  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "version");
  g_assert_true (gtk_widget_has_focus (named_in (root, "version-back-button")));
  {
    g_autofree char *heading = g_strdup (gtk_label_get_text (GTK_LABEL (named_in (root, "version-title"))));
    g_autofree char *prefix = g_strdup_printf (_("Version %1$u, saved %2$s"), 2u, "");

    g_assert_true (g_str_has_prefix (heading, prefix));
  }
  /* its own age group, not the current one, and marked: the only answer
   * its edit changed */
  shown = lin_test_collect_texts (named_in (root, "version-box"));
  g_assert_true (g_ptr_array_find_with_equal_func (shown, lin_code_label ("age-group", age_1), g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (shown, lin_code_label ("age-group", age_2), g_str_equal, NULL));
  g_assert_cmpuint (n_changed_rows (), ==, 1);
  changed = named_in (root, "changed-answer-row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (changed)), ==, _("Age group"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (changed)), ==, lin_code_label ("age-group", age_1));
  /* a version shows no follow-up of today, and nothing can be edited */
  g_assert_false (gtk_widget_is_sensitive (named_in (root, "edit-button")));

  /* Escape: back to the versions, on the row it came from */
  g_assert_true (lin_test_press (window, "Escape"));
  lin_test_spin (50);
  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "history");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (history_row (1))));

  /* the first version: the age group as first saved, nothing marked */
  g_signal_emit_by_name (named_in (root, "history-list"), "row-activated", history_row (2));
  lin_test_spin (50);
  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "version");
  g_clear_pointer (&shown, g_ptr_array_unref);
  shown = lin_test_collect_texts (named_in (root, "version-box"));
  g_assert_true (g_ptr_array_find_with_equal_func (shown, lin_code_label ("age-group", original), g_str_equal, NULL));
  g_assert_cmpuint (n_changed_rows (), ==, 0);
  g_assert_null (lin_test_find_named (root, "changed-answer-row"));

  /* and back to the current answers */
  click (named_in (root, "close-version-button"));
  lin_test_spin (50);
  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "view");
  g_assert_true (gtk_widget_is_sensitive (named_in (root, "edit-button")));
  g_assert_false (lin_call_details_show_version (details (), 99));
}

static gboolean
is_high_filtered (gpointer data)
{
  for (guint i = 0; i < n_shown (); i++)
    if (shown (i) == data)
      return TRUE;

  return FALSE;
}

/* The editor's message, or NULL when it shows none */
static const char *
edit_message (void)
{
  GtkWidget *save = named_in (GTK_WIDGET (details ()), "save-edit-button");
  GtkWidget *label;

  /* the label next to the buttons, the one an error shows in */
  for (label = gtk_widget_get_first_child (gtk_widget_get_parent (save)); label; label = gtk_widget_get_next_sibling (label))
    if (GTK_IS_LABEL (label))
      return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;

  return NULL;
}

/* A save the editor refuses: it says @message, stays open with what was
 * typed, and the call is as it was */
static void
assert_refused (const char *message,
                guint64     revision)
{
  GtkWidget *root = GTK_WIDGET (details ());
  g_autofree char *before = lin_record_dup_fields_json (standard);
  g_autofree char *after = NULL;

  click (named_in (root, "save-edit-button"));
  lin_test_spin (50);

  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "edit");
  g_assert_cmpstr (edit_message (), ==, message);
  g_assert_cmpuint (lin_record_get_revision (standard), ==, revision);
  after = lin_record_dup_fields_json (standard);
  g_assert_cmpstr (after, ==, before);
}

/* Every answer the wizard asks is in the editor, in the wizard's own
 * widgets; the municipality, the risk assessment and a referral of an old
 * call change there, each refusal saying what is missing and keeping what
 * was typed; the rules of the judgement hold; the new values are saved as
 * a new version, show in the details and the log, and the history holds
 * the versions before */
#define LOWERED_REASON "Погрешно означено: није претио оружјем"

static void
test_edit_everything (void)
{
  GtkWidget *root = GTK_WIDGET (details ());
  guint64 revision = lin_record_get_revision (standard);
  LinRiskChecklist *checklist = lin_risk_checklist_get_default ();
  const char *critical = NULL;
  const LinCodeList *types = lin_code_list_get ("service-type");
  const char *reason = "Marker-reason-4410: he was released yesterday";
  const char *referral_text = "Marker-referral-7715: safe house";
  const LinCallField *fields;
  GtkDropDown *judged;
  GtkWidget *place, *referral, *urgent;
  JsonObject *object, *risk, *element;
  JsonArray *referrals;
  guint n_fields;

  g_assert_cmpuint (revision, ==, 1);
  g_assert_null (lin_record_get_string (standard, "municipality"));
  lin_call_log_view_show_call (log_view (), standard);
  lin_test_spin (50);
  g_assert_true (lin_call_details_get_call (details ()) == standard);
  click (named_in (root, "edit-button"));
  lin_test_spin (50);
  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "edit");

  /* the wizard's widget for every answer she gave or could give */
  fields = lin_call_get_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = g_strdup_printf ("field-%s", fields[i].name);

      switch (fields[i].type)
        {
        case LIN_FIELD_CODE:
        case LIN_FIELD_CODES:
        case LIN_FIELD_STRING:
        case LIN_FIELD_BOOL:
        case LIN_FIELD_PLACE:
          if (g_str_equal (fields[i].name, "flagged"))
            break;
          g_assert_nonnull (lin_test_find_named (root, name));
          break;

        case LIN_FIELD_INT:
          if (fields[i].min != fields[i].max && !g_str_equal (fields[i].name, "duration_s"))
            g_assert_nonnull (lin_test_find_named (root, name));
          break;

        case LIN_FIELD_RISK:
          g_assert_nonnull (named_in (root, "risk-step"));
          break;

        case LIN_FIELD_REFERRALS:
          g_assert_nonnull (named_in (root, "referral-add"));
          break;

        case LIN_FIELD_TIME:
        case LIN_FIELD_DISTRICT:
        case LIN_FIELD_ID:
        default:
          break;
        }
    }

  /* the municipality: a few letters, no place chosen yet */
  place = named_in (root, "field-municipality");
  lin_test_type (place, "medij");

  /* the judgement raises standard to high: never below what is scored,
   * and the urgent steps show at once */
  judged = GTK_DROP_DOWN (named_in (root, "risk-judged"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (judged)), ==, 3);
  urgent = named_in (root, "urgent-panel");
  g_assert_false (gtk_widget_get_visible (urgent));
  gtk_drop_down_set_selected (judged, 2);
  lin_test_spin (20);
  g_assert_true (gtk_widget_get_visible (urgent));

  /* a referral with its service type and text, its status not yet */
  click (named_in (root, "referral-add"));
  lin_test_spin (20);
  referral = gtk_widget_get_parent (named_in (root, "referral-remove"));
  for (guint i = 0; i < lin_code_list_get_n_codes (types); i++)
    if (g_str_equal (lin_code_list_get_code (types, i)->code, "shelter"))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (named_in (referral, "field-service_type")), i + 1);
  lin_test_type (named_in (referral, "field-text"), referral_text);

  /* each refusal in turn, in the order of the steps */
  assert_refused (_("Choose the municipality from the places that match what you typed, or clear it."), revision);
  /* the keyboard on it (on the entry's text) */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (main_window ())), place));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place)), ==, "medij");
  /* Enter takes the first place that matches */
  g_assert_true (lin_test_press (GTK_WIDGET (main_window ()), "Return"));
  lin_test_spin (20);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place)), !=, "medij");

  assert_refused (_("Write why you judge the risk higher than scored."), revision);
  g_assert_cmpuint (gtk_drop_down_get_selected (judged), ==, 2);
  lin_test_type (named_in (root, "risk-reason"), reason);

  assert_refused (_("Choose the service type and the status of each referral."), revision);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named_in (referral, "field-text"))), ==, referral_text);
  click (named_in (referral, "field-status-referred"));

  click (named_in (root, "save-edit-button"));
  lin_test_spin (100);

  /* a new version with the new values */
  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "view");
  g_assert_cmpuint (lin_record_get_revision (standard), ==, revision + 1);
  g_assert_true (lin_call_validate (standard, NULL));
  object = lin_record_get_fields (standard);
  g_assert_cmpstr (lin_record_get_string (standard, "municipality"), ==, "rs-nis-medijana");
  g_assert_cmpstr (lin_record_get_string (standard, "district"), ==, "RS-20");
  risk = json_object_get_object_member (object, "risk");
  g_assert_cmpstr (json_object_get_string_member (risk, "level"), ==, "standard");
  g_assert_cmpstr (json_object_get_string_member (risk, "judged_level"), ==, "high");
  g_assert_cmpstr (json_object_get_string_member (risk, "judgement_reason"), ==, reason);
  g_assert_cmpstr (json_object_get_string_member (risk, "final_level"), ==, "high");
  g_assert_true (json_object_get_boolean_member (object, "flagged"));
  g_assert_cmpint (lin_call_get_risk_level (standard), ==, LIN_RISK_LEVEL_HIGH);
  referrals = json_object_get_array_member (object, "referrals");
  g_assert_cmpuint (json_array_get_length (referrals), ==, 1);
  element = json_array_get_object_element (referrals, 0);
  g_assert_cmpstr (json_object_get_string_member (element, "service_type"), ==, "shelter");
  g_assert_cmpstr (json_object_get_string_member (element, "text"), ==, referral_text);
  g_assert_cmpstr (json_object_get_string_member (element, "status"), ==, "referred");
  /* what was not edited stays */
  g_assert_cmpstr (lin_record_get_string (standard, "age_group"), ==, "26-35");
  g_assert_true (json_object_get_boolean_member (object, "consent_statistics"));

  /* the details say it in words */
  {
    g_autofree char *raised = g_strdup_printf (_("Raised by professional judgement: %s"), reason);
    g_autofree char *shown_reason = lin_test_any_text_contains (raised);
    g_autofree char *shown_referral = lin_test_any_text_contains (referral_text);
    g_autoptr(GPtrArray) texts = lin_test_collect_texts (root);
    const char *municipality = lin_call_ui_place ("rs-nis-medijana");

    g_assert_nonnull (shown_reason);
    g_assert_nonnull (shown_referral);
    g_assert_true (g_ptr_array_find_with_equal_func (texts, municipality, g_str_equal, NULL));
  }

  /* the log files it with the high-risk calls */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named ("risk-filter")), 3);
  g_assert_true (lin_test_wait_for (is_high_filtered, standard, 2000));
  g_assert_cmpuint (n_shown (), ==, 3);
  click (named ("clear-filters-button"));
  lin_test_spin (50);
  lin_call_log_view_show_call (log_view (), standard);
  lin_test_spin (50);

  /* again: a critical item answered yes makes the scored level high; the
   * judgement then offers nothing else, and nothing lower */
  for (guint i = 0; i < lin_risk_checklist_get_n_items (checklist) && critical == NULL; i++)
    if (lin_risk_checklist_get_item_critical (checklist, i))
      critical = lin_risk_checklist_get_item_code (checklist, i);
  g_assert_nonnull (critical);
  click (named_in (root, "edit-button"));
  lin_test_spin (50);
  judged = GTK_DROP_DOWN (named_in (root, "risk-judged"));
  g_assert_cmpuint (gtk_drop_down_get_selected (judged), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named_in (root, "risk-reason"))), ==, reason);
  {
    g_autofree char *name = g_strdup_printf ("risk-%s-yes", critical);

    click (named_in (root, name));
  }
  lin_test_spin (20);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (judged)), ==, 1);
  g_assert_true (gtk_widget_get_visible (named_in (root, "urgent-panel")));
  click (named_in (root, "save-edit-button"));
  lin_test_spin (100);
  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "view");
  g_assert_cmpuint (lin_record_get_revision (standard), ==, revision + 2);
  risk = json_object_get_object_member (lin_record_get_fields (standard), "risk");
  g_assert_cmpstr (json_object_get_string_member (risk, "level"), ==, "high");
  g_assert_false (json_object_has_member (risk, "judged_level"));
  g_assert_cmpstr (json_object_get_string_member (risk, "final_level"), ==, "high");
  g_assert_true (json_object_get_boolean_member (lin_record_get_fields (standard), "flagged"));

  /* a save with nothing changed makes no version */
  click (named_in (root, "edit-button"));
  lin_test_spin (50);
  click (named_in (root, "save-edit-button"));
  lin_test_spin (50);
  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "view");
  g_assert_cmpuint (lin_record_get_revision (standard), ==, revision + 2);

  /* the history: three versions; the second marks the four answers its
   * edit changed (municipality, district, risk, referrals), and the first
   * has none of them */
  click (named_in (root, "history-button"));
  lin_test_spin (50);
  g_assert_cmpuint (n_rows (named_in (root, "history-list")), ==, 3);
  g_assert_true (lin_call_details_show_version (details (), revision + 1));
  lin_test_spin (50);
  g_assert_cmpuint (n_changed_rows (), ==, 4);
  g_assert_true (lin_call_details_show_version (details (), revision));
  lin_test_spin (50);
  {
    g_autoptr(GPtrArray) texts = lin_test_collect_texts (named_in (root, "version-box"));

    g_assert_false (g_ptr_array_find_with_equal_func (texts, lin_call_ui_place ("rs-nis-medijana"), g_str_equal, NULL));
    for (guint i = 0; i < texts->len; i++)
      g_assert_null (strstr (g_ptr_array_index (texts, i), referral_text));
  }
  click (named_in (root, "close-version-button"));
  lin_test_spin (50);
  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "view");

  /* the critical answer corrected to no: the level falls below the one
   * saved, which takes a reason of its own, kept with the risk */
  click (named_in (root, "edit-button"));
  lin_test_spin (50);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (named_in (root, "risk-lowered-reason"))));
  {
    g_autofree char *name = g_strdup_printf ("risk-%s-no", critical);

    click (named_in (root, name));
  }
  lin_test_spin (20);
  /* the judgement holds the level saved until she takes the one scored */
  judged = GTK_DROP_DOWN (named_in (root, "risk-judged"));
  g_assert_cmpuint (gtk_drop_down_get_selected (judged), >, 0);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (named_in (root, "risk-lowered-reason"))));
  gtk_drop_down_set_selected (judged, 0);
  lin_test_spin (20);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (named_in (root, "risk-lowered-reason"))));
  assert_refused (_("Write why the risk is lower than when the call was saved."), revision + 2);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (main_window ())),
                                         named_in (root, "risk-lowered-reason")));
  lin_test_type (named_in (root, "risk-lowered-reason"), LOWERED_REASON);
  click (named_in (root, "save-edit-button"));
  lin_test_spin (100);
  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "view");
  g_assert_cmpuint (lin_record_get_revision (standard), ==, revision + 3);
  risk = json_object_get_object_member (lin_record_get_fields (standard), "risk");
  g_assert_cmpstr (json_object_get_string_member (risk, "final_level"), !=, "high");
  g_assert_cmpstr (json_object_get_string_member (risk, "lowered_from"), ==, "high");
  g_assert_cmpstr (json_object_get_string_member (risk, "lowering_reason"), ==, LOWERED_REASON);
  g_assert_false (json_object_get_boolean_member (lin_record_get_fields (standard), "flagged"));
  {
    g_autofree char *lowered = g_strdup_printf (_("Lowered from %1$s when edited: %2$s"),
                                                lin_risk_level_get_label (LIN_RISK_LEVEL_HIGH),
                                                LOWERED_REASON);
    g_autofree char *shown = lin_test_any_text_contains (lowered);

    g_assert_nonnull (shown);
  }
}

/* The follow-up in the editor: an open one gets a new version with the
 * date, time and code word she changed, the call none; a date that is
 * not one, or none for an open follow-up, is refused; a call with no
 * follow-up gets one, linked from a new version of the call */
#define CODE_WORD "Marker-code-4471"

static void
set_answer (GtkWidget  *root,
            const char *name,
            const char *text)
{
  GtkWidget *entry = named_in (root, name);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  lin_test_type (entry, text);
}

static GDateTime *
days_from_now_at (int days,
                  int hour,
                  int minute)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);

  return g_date_time_new (lin_call_get_time_zone (), g_date_time_get_year (day),
                          g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                          hour, minute, 0);
}

static void
assert_follow_up_refused (const char *message,
                          LinRecord  *follow_up)
{
  guint64 revision = lin_record_get_revision (follow_up);

  click (named_in (GTK_WIDGET (details ()), "save-edit-button"));
  lin_test_spin (50);
  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "edit");
  g_assert_cmpstr (edit_message (), ==, message);
  g_assert_cmpuint (lin_record_get_revision (follow_up), ==, revision);
}

static void
test_edit_follow_up (void)
{
  GtkWidget *root = GTK_WIDGET (details ());
  LinRecord *follow_up = lin_call_get_follow_up (store (), upcoming);
  guint64 call_revision = lin_record_get_revision (upcoming);
  guint64 follow_up_revision = lin_record_get_revision (follow_up);
  g_autoptr(GDateTime) new_due = days_from_now_at (3, 9, 15);
  g_autoptr(GDateTime) added_due = days_from_now_at (5, 10, 0);
  g_autoptr(GDateTime) saved_due = NULL;
  g_autofree char *new_date = g_date_time_format (new_due, "%Y-%m-%d");
  g_autofree char *added_date = g_date_time_format (added_due, "%d.%m.%Y.");
  g_autoptr(GDateTime) old_due = lin_call_parse_time (lin_record_get_string (follow_up, "due"));
  g_autoptr(GDateTime) old_local = g_date_time_to_timezone (old_due, lin_call_get_time_zone ());
  g_autofree char *old_date = g_date_time_format (old_local, "%Y-%m-%d");
  LinRecord *added;

  lin_call_log_view_show_pane (log_view (), "log");
  lin_call_log_view_show_call (log_view (), upcoming);
  lin_test_spin (50);
  click (named_in (root, "edit-button"));
  lin_test_spin (50);

  /* the open follow-up's answers are there to change */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named_in (root, "field-due_date"))), ==, old_date);

  set_answer (root, "field-due_date", "31.02.2026.");
  assert_follow_up_refused (_("The follow-up date or time is not one. Write the date as 2026-11-27 and the time as 18:30."),
                            follow_up);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (main_window ())),
                                         named_in (root, "field-due_date")));
  set_answer (root, "field-due_date", "");
  assert_follow_up_refused (_("Write the date of the follow-up. To end it, mark it done in the follow-up queue."),
                            follow_up);

  set_answer (root, "field-due_date", new_date);
  set_answer (root, "field-due_time", "09:15");
  lin_test_type (named_in (root, "field-code_word"), CODE_WORD);
  click (named_in (root, "save-edit-button"));
  lin_test_spin (100);

  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "view");
  g_assert_cmpuint (lin_record_get_revision (follow_up), ==, follow_up_revision + 1);
  g_assert_cmpuint (lin_record_get_revision (upcoming), ==, call_revision);
  saved_due = lin_call_parse_time (lin_record_get_string (follow_up, "due"));
  g_assert_true (g_date_time_equal (saved_due, new_due));
  g_assert_cmpstr (lin_record_get_string (follow_up, "code_word"), ==, CODE_WORD);
  g_assert_cmpstr (lin_record_get_string (follow_up, "contact_method"), ==, "phone-call");
  g_assert_false (json_object_get_boolean_member (lin_record_get_fields (follow_up), "done"));
  {
    g_autofree char *shown = lin_test_any_text_contains (CODE_WORD);

    g_assert_nonnull (shown);
  }

  /* a call with no follow-up gets one */
  g_assert_null (lin_call_get_follow_up (store (), high_2));
  call_revision = lin_record_get_revision (high_2);
  lin_call_log_view_show_call (log_view (), high_2);
  lin_test_spin (50);
  click (named_in (root, "edit-button"));
  lin_test_spin (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named_in (root, "field-due_date"))), ==, "");
  lin_test_type (named_in (root, "field-due_date"), added_date);
  lin_test_type (named_in (root, "field-due_time"), "10:00");
  click (named_in (root, "save-edit-button"));
  lin_test_spin (100);

  g_assert_cmpstr (lin_call_details_get_mode (details ()), ==, "view");
  g_assert_cmpuint (lin_record_get_revision (high_2), ==, call_revision + 1);
  added = lin_call_get_follow_up (store (), high_2);
  g_assert_nonnull (added);
  g_assert_cmpstr (lin_record_get_string (added, "call_id"), ==, lin_record_get_id_string (high_2));
  g_clear_pointer (&saved_due, g_date_time_unref);
  saved_due = lin_call_parse_time (lin_record_get_string (added, "due"));
  g_assert_true (g_date_time_equal (saved_due, added_due));

  /* the queue lists it with the upcoming ones */
  lin_call_log_view_show_pane (log_view (), "follow-ups");
  lin_test_spin (100);
  g_assert_cmpuint (n_rows (named_in (lin_test_find_descendant (GTK_WIDGET (main_window ()), LIN_TYPE_FOLLOW_UPS_VIEW),
                                      "upcoming-list")), ==, 2);

  /* back to the call the tests after this one start from */
  lin_call_log_view_show_call (log_view (), medium);
  lin_test_spin (50);
}

static void
test_follow_up_done (void)
{
  GtkWidget *queue = lin_test_find_descendant (GTK_WIDGET (main_window ()), LIN_TYPE_FOLLOW_UPS_VIEW);
  GtkWidget *overdue = named_in (queue, "overdue-list");
  GtkWidget *row;
  LinRecord *follow_up = lin_call_get_follow_up (store (), high_1);

  lin_call_log_view_show_pane (log_view (), "follow-ups");
  lin_test_spin (100);

  g_assert_cmpuint (lin_follow_ups_view_get_n_overdue (LIN_FOLLOW_UPS_VIEW (queue)), ==, 2);
  g_assert_cmpuint (lin_call_log_view_get_n_overdue (log_view ()), ==, 2);
  g_assert_cmpuint (calls_badge (), ==, 2);
  g_assert_cmpuint (n_rows (overdue), ==, 2);
  g_assert_cmpuint (n_rows (named_in (queue, "upcoming-list")), ==, 1);

  /* the first overdue: the call of 20 hours ago, due 3 hours ago */
  row = named_in (overdue, "follow-up-row");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  lin_test_spin (50);
  adw_combo_row_set_selected (ADW_COMBO_ROW (named_in (row, "outcome-row")), 0);
  lin_test_type (named_in (row, "outcome-note-row"), OUTCOME_NOTE);
  click (named_in (row, "mark-done-button"));
  lin_test_spin (100);

  g_assert_true (json_object_get_boolean_member (lin_record_get_fields (follow_up), "done"));
  g_assert_cmpstr (lin_record_get_string (follow_up, "outcome"), ==,
                   lin_code_list_get_code (lin_code_list_get ("follow-up-outcome"), 0)->code);
  g_assert_cmpstr (lin_record_get_string (follow_up, "outcome_note"), ==, OUTCOME_NOTE);
  g_assert_nonnull (lin_record_get_string (follow_up, "done_at"));

  g_assert_true (lin_test_wait_for (n_overdue_is, GUINT_TO_POINTER (1), 2000));
  g_assert_cmpuint (n_rows (named_in (queue, "overdue-list")), ==, 1);
  g_assert_cmpuint (lin_call_log_view_get_n_overdue (log_view ()), ==, 1);
  g_assert_cmpuint (calls_badge (), ==, 1);

  /* "Open Call" on the one left shows its call */
  row = named_in (named_in (queue, "overdue-list"), "follow-up-row");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  click (named_in (row, "open-call-button"));
  lin_test_spin (50);
  g_assert_true (lin_call_details_get_call (details ()) == medium);
}

static void
test_narrow (void)
{
  gtk_window_set_default_size (GTK_WINDOW (main_window ()), 360, 640);
  lin_test_spin (300);

  /* one column; the details have a way back */
  lin_call_log_view_show_call (log_view (), high_2);
  lin_test_spin (300);
  g_assert_true (gtk_widget_get_visible (named ("details-back-button")));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (details ())));
  g_assert_false (gtk_widget_get_mapped (named ("call-list")));
  click (named ("details-back-button"));
  lin_test_spin (300);
  g_assert_true (gtk_widget_get_child_visible (named ("call-list")) || gtk_widget_get_mapped (named ("call-list")));

  gtk_window_set_default_size (GTK_WINDOW (main_window ()), 960, 640);
  lin_test_spin (300);
}

static void
test_lock_clears (void)
{
  lin_call_log_view_show_call (log_view (), upcoming);
  lin_test_spin (50);

  lin_application_lock (app);
  lin_test_spin (100);

  g_assert_cmpuint (n_shown (), ==, 0);
  g_assert_null (lin_call_details_get_call (details ()));
  g_assert_cmpuint (lin_call_log_view_get_n_overdue (log_view ()), ==, 0);
  g_assert_null (lin_test_any_text_contains (NOTE_TEXT));
  g_assert_null (lin_test_any_text_contains (OUTCOME_NOTE));
  g_assert_null (lin_test_any_text_contains ("weekdays 10–12"));
}

/* The demo profile's fictional calls: the risk filter leaves exactly the
 * calls of that level, newest first */
static void
test_demo_filter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  g_autoptr(GPtrArray) calls = NULL;
  GtkDropDown *risk;

  g_assert_true (lin_context_unlock (context (), profile_path, PASSPHRASE, &error));
  g_assert_no_error (error);
  lin_test_spin (100);
  g_assert_true (lin_demo_add_calls (store (), LIN_DEMO_N_CALLS, LIN_DEMO_SEED, now, &error));
  g_assert_no_error (error);
  g_assert_true (lin_test_wait_for (index_ready, NULL, 10000));

  calls = lin_store_list (store (), LIN_CALL_KIND);
  g_assert_cmpuint (n_shown (), ==, calls->len);

  risk = GTK_DROP_DOWN (named ("risk-filter"));
  for (LinRiskLevel level = LIN_RISK_LEVEL_STANDARD; level <= LIN_RISK_LEVEL_HIGH; level++)
    {
      guint expected = 0;

      for (guint i = 0; i < calls->len; i++)
        if (lin_call_get_risk_level (g_ptr_array_index (calls, i)) == level)
          expected++;

      gtk_drop_down_set_selected (risk, level - LIN_RISK_LEVEL_STANDARD + 1);
      lin_test_spin (50);
      g_assert_cmpuint (expected, >, 0);
      g_assert_cmpuint (n_shown (), ==, expected);
      for (guint i = 0; i < n_shown (); i++)
        {
          g_assert_cmpint (lin_call_get_risk_level (shown (i)), ==, level);
          if (i > 0)
            {
              g_autoptr(GDateTime) a = lin_call_dup_started (shown (i - 1));
              g_autoptr(GDateTime) b = lin_call_dup_started (shown (i));

              g_assert_cmpint (g_date_time_compare (a, b), >=, 0);
            }
        }
    }

  gtk_drop_down_set_selected (risk, 0);
  lin_test_spin (50);
  g_assert_cmpuint (n_shown (), ==, calls->len);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  lin_test_init (&argc, &argv);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("LINIJA_KDF", "floor", TRUE);
  lin_i18n_init ("en");

  app = lin_application_new (APP_ID ".TestCallLog", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/gui/call-log/open", test_open_log);
  g_test_add_func ("/gui/call-log/filter-risk", test_filter_risk);
  g_test_add_func ("/gui/call-log/details-note", test_details_note);
  g_test_add_func ("/gui/call-log/edit-history", test_edit_history);
  g_test_add_func ("/gui/call-log/history-version", test_history_version);
  g_test_add_func ("/gui/call-log/edit-everything", test_edit_everything);
  g_test_add_func ("/gui/call-log/follow-up-done", test_follow_up_done);
  g_test_add_func ("/gui/call-log/edit-follow-up", test_edit_follow_up);
  g_test_add_func ("/gui/call-log/narrow", test_narrow);
  g_test_add_func ("/gui/call-log/lock", test_lock_clears);
  g_test_add_func ("/gui/call-log/demo", test_demo_filter);

  ret = g_test_run ();
  g_clear_pointer (&profile_path, g_free);

  return ret;
}
