/* test-gui-call.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The call wizard through the real application and its real widgets
 * under a virtual display, from the keyboard alone: Ctrl+N, Tab, the
 * arrows, Space, Enter, typing, Alt+Right between steps and Ctrl+Enter to
 * save (lin_test_press() runs what GTK runs for a key, since GTK 4.8
 * cannot synthesise key events). Then the store is read back: a complete
 * call with its note and follow-up; a silent call saved in one step; a
 * high-risk call that shows the urgent steps and is flagged; and a draft
 * that survives SIGKILL of the app in a child process and is resumed with
 * every answer in place.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>

#include "lin-application.h"
#include "lin-call.h"
#include "lin-call-wizard.h"
#include "lin-codes.h"
#include "lin-i18n.h"
#include "lin-risk.h"
#include "lin-test-utils.h"
#include "lin-window.h"

#define PASSPHRASE "a passphrase for the call tests"

static LinApplication *app;
static char *profile_dir;
static const char *self_path;

/* Helpers */

static LinWindow *
main_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (LIN_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static GtkWidget *
root (void)
{
  return GTK_WIDGET (main_window ());
}

static GtkWidget *
named (const char *name)
{
  GtkWidget *widget = lin_test_find_named (root (), name);

  if (widget == NULL)
    g_error ("No widget named %s", name);

  return widget;
}

static LinCallWizard *
wizard (void)
{
  return lin_window_get_call_wizard (main_window ());
}

static LinStore *
store (void)
{
  return lin_context_get_store (lin_application_get_context (app));
}

static void
key (const char *accelerator)
{
  if (!lin_test_press (root (), accelerator))
    g_error ("Nothing took the key %s (focus on %s)", accelerator,
             G_OBJECT_TYPE_NAME (gtk_window_get_focus (GTK_WINDOW (root ()))));
}

static void
type (const char *text)
{
  lin_test_type_focused (root (), text);
}

static gboolean
focus_in (const char *name)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (root ()));
  GtkWidget *widget = lin_test_find_named (root (), name);

  return focus != NULL && widget != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Tab until the focus is in @name, as she would */
static void
tab_to (const char *name)
{
  for (guint i = 0; i < 200; i++)
    {
      if (focus_in (name))
        return;
      key ("Tab");
    }

  g_error ("Tab never reached %s", name);
}

/* A drop-down from the keyboard: Space opens it, Home goes to the first
 * entry ("Not answered"), Down @n times, Enter chooses */
static void
choose (const char *name,
        guint       n)
{
  tab_to (name);
  key ("space");
  key ("Home");
  for (guint i = 0; i < n; i++)
    key ("Down");
  key ("Return");
  g_assert_true (focus_in (name));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (named (name))), ==, n);
}

static void
toggle (const char *name)
{
  tab_to (name);
  key ("space");
}

/* The position of @code in the drop-down of @list (after "Not answered") */
static guint
position_of (const char *list,
             const char *code)
{
  const LinCodeList *codes = lin_code_list_get (list);

  for (guint i = 0; i < lin_code_list_get_n_codes (codes); i++)
    if (g_str_equal (lin_code_list_get_code (codes, i)->code, code))
      return i + 1;

  g_error ("No code %s in %s", code, list);
}

static GPtrArray *
list_records (const char *kind)
{
  return lin_store_list (store (), kind);
}

static JsonObject *
only_record (const char *kind,
             LinRecord **out)
{
  g_autoptr(GPtrArray) records = list_records (kind);

  g_assert_cmpuint (records->len, ==, 1);
  *out = g_object_ref (g_ptr_array_index (records, 0));

  return lin_record_get_fields (*out);
}

static const char *
string_of (JsonObject *object,
           const char *member)
{
  return json_object_get_string_member_with_default (object, member, NULL);
}

static void
assert_codes (JsonObject  *object,
              const char  *member,
              const char **expected)
{
  JsonArray *array;
  guint n = g_strv_length ((char **)expected);

  g_assert_true (json_object_has_member (object, member));
  array = json_object_get_array_member (object, member);
  g_assert_cmpuint (json_array_get_length (array), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (json_array_get_string_element (array, i), ==, expected[i]);
}

static void
delete_all (const char *kind)
{
  g_autoptr(GPtrArray) records = list_records (kind);

  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (lin_store_delete (store (), g_ptr_array_index (records, i), &error));
      g_assert_no_error (error);
    }
}

static void
start_call (void)
{
  gtk_window_set_focus (GTK_WINDOW (root ()), NULL);
  key ("<Control>n");
  g_assert_true (lin_call_wizard_get_active (wizard ()));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (named ("call-timer"))), ==, "0:00");
  /* the focus is in the first step, on its first answer */
  g_assert_true (focus_in ("field-channel"));
}

/* The first non-critical items of the checklist */
static const char *
plain_item (guint nth)
{
  LinRiskChecklist *checklist = lin_risk_checklist_get_default ();

  for (guint i = 0; i < lin_risk_checklist_get_n_items (checklist); i++)
    if (!lin_risk_checklist_get_item_critical (checklist, i) && nth-- == 0)
      return lin_risk_checklist_get_item_code (checklist, i);

  g_assert_not_reached ();
}

static const char *
critical_item (void)
{
  LinRiskChecklist *checklist = lin_risk_checklist_get_default ();

  for (guint i = 0; i < lin_risk_checklist_get_n_items (checklist); i++)
    if (lin_risk_checklist_get_item_critical (checklist, i))
      return lin_risk_checklist_get_item_code (checklist, i);

  g_assert_not_reached ();
}

static guint
weight_of (const char *item)
{
  LinRiskChecklist *checklist = lin_risk_checklist_get_default ();

  for (guint i = 0; i < lin_risk_checklist_get_n_items (checklist); i++)
    if (g_str_equal (lin_risk_checklist_get_item_code (checklist, i), item))
      return lin_risk_checklist_get_item_weight (checklist, i);

  g_assert_not_reached ();
}

static char *
risk_button (const char *item,
             const char *answer)
{
  return g_strdup_printf ("risk-%s-%s", item, answer);
}

/* Steps 1 to 3 of the complete call, typed; used by the draft test too */
static void
type_first_steps (void)
{
  choose ("field-channel", position_of ("channel", "phone"));
  choose ("field-call_type", position_of ("call-type", "self"));
  choose ("field-language", position_of ("language", "rom"));

  key ("<Alt>Right");
  g_assert_cmpuint (lin_call_wizard_get_step (wizard ()), ==, 1);
  g_assert_true (focus_in ("field-caller_code"));
  type ("K-17");
  toggle ("field-contact-repeat");
  choose ("field-age_group", position_of ("age-group", "26-35"));
  tab_to ("field-municipality");
  type ("Медијана");
  key ("Return");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (named ("district-label"))), !=, "");
  toggle ("field-disability-hearing");
  tab_to ("field-accessibility_needs");
  type ("Sign interpreter");
  tab_to ("field-children_count");
  key ("Up");
  key ("Up");

  key ("<Alt>Right");
  g_assert_cmpuint (lin_call_wizard_get_step (wizard ()), ==, 2);
  toggle ("field-violence_forms-psychological");
  toggle ("field-violence_forms-physical");
  toggle ("field-perpetrators-former-partner");
  toggle ("field-living_together-no");
  choose ("field-last_incident", position_of ("last-incident", "this-week"));
}

static void
assert_first_steps (JsonObject *call)
{
  static const char *disability[] = { "hearing", NULL };
  static const char *forms[] = { "psychological", "physical", NULL };
  static const char *perpetrators[] = { "former-partner", NULL };

  g_assert_cmpint (json_object_get_int_member (call, "schema"), ==, 1);
  g_assert_nonnull (string_of (call, "started"));
  g_assert_cmpstr (string_of (call, "channel"), ==, "phone");
  g_assert_cmpstr (string_of (call, "call_type"), ==, "self");
  g_assert_cmpstr (string_of (call, "language"), ==, "rom");
  g_assert_cmpstr (string_of (call, "caller_code"), ==, "K-17");
  g_assert_cmpstr (string_of (call, "contact"), ==, "repeat");
  g_assert_cmpstr (string_of (call, "age_group"), ==, "26-35");
  g_assert_cmpstr (string_of (call, "municipality"), ==, "rs-nis-medijana");
  g_assert_cmpstr (string_of (call, "district"), ==, "RS-20");
  assert_codes (call, "disability", disability);
  g_assert_cmpstr (string_of (call, "accessibility_needs"), ==, "Sign interpreter");
  g_assert_cmpint (json_object_get_int_member (call, "children_count"), ==, 2);
  assert_codes (call, "violence_forms", forms);
  assert_codes (call, "perpetrators", perpetrators);
  g_assert_cmpstr (string_of (call, "living_together"), ==, "no");
  g_assert_cmpstr (string_of (call, "last_incident"), ==, "this-week");
}

/* Tests */

static void
test_complete_call (void)
{
  g_autoptr(LinRecord) call_record = NULL;
  g_autoptr(LinRecord) note_record = NULL;
  g_autoptr(LinRecord) follow_up_record = NULL;
  g_autofree char *yes = risk_button (plain_item (0), "yes");
  g_autofree char *no = risk_button (plain_item (1), "no");
  g_autofree char *unknown = risk_button (plain_item (2), "unknown");
  static const char *services[] = { "emotional-support", NULL };
  JsonObject *call, *risk, *answers, *referral, *note, *follow_up;
  g_autoptr(GDateTime) due = NULL;

  start_call ();
  type_first_steps ();

  key ("<Alt>Right");
  g_assert_cmpuint (lin_call_wizard_get_step (wizard ()), ==, 3);
  toggle (yes);
  toggle (no);
  toggle (unknown);
  g_assert_false (gtk_widget_get_visible (named ("urgent-panel")));

  key ("<Alt>Right");
  g_assert_cmpuint (lin_call_wizard_get_step (wizard ()), ==, 4);
  toggle ("field-services-emotional-support");
  toggle ("referral-add");
  /* the new referral takes the focus */
  choose ("field-service_type", position_of ("service-type", "shelter"));
  tab_to ("field-text");
  type ("Sigurna kuća Niš");
  toggle ("field-status-referred");
  toggle ("field-consent_follow_up");
  toggle ("field-consent_statistics");

  key ("<Alt>Right");
  g_assert_cmpuint (lin_call_wizard_get_step (wizard ()), ==, 5);
  g_assert_true (focus_in ("field-due_date"));
  type ("2026-12-01");
  key ("Tab");
  type ("18:30");
  choose ("field-contact_method", position_of ("contact-method", "sms"));
  tab_to ("field-safe_times");
  type ("Weekdays after 10");
  tab_to ("field-code_word");
  type ("plavo");
  tab_to ("field-note");
  type ("She will call back on Monday.");

  /* the summary shows what was answered, the district derived */
  g_assert_nonnull (lin_test_any_text_contains ("Sigurna kuća Niš"));
  g_assert_nonnull (lin_test_any_text_contains ("Medijana"));

  /* Ctrl+Enter from the note saves */
  key ("<Control>Return");
  g_assert_false (lin_call_wizard_get_active (wizard ()));
  g_assert_true (gtk_widget_get_visible (named ("call-saved-label")));

  call = only_record ("call", &call_record);
  assert_first_steps (call);
  g_assert_cmpint (json_object_get_int_member (call, "duration_s"), >=, 0);

  risk = json_object_get_object_member (call, "risk");
  g_assert_cmpstr (string_of (risk, "checklist"), ==, "linija");
  answers = json_object_get_object_member (risk, "answers");
  g_assert_cmpuint (json_object_get_size (answers), ==, 3);
  g_assert_cmpstr (string_of (answers, plain_item (0)), ==, "yes");
  g_assert_cmpstr (string_of (answers, plain_item (1)), ==, "no");
  g_assert_cmpstr (string_of (answers, plain_item (2)), ==, "unknown");
  /* one yes: the score is its weight */
  g_assert_cmpint (json_object_get_int_member (risk, "score"), ==, weight_of (plain_item (0)));
  g_assert_false (json_object_get_boolean_member (call, "flagged"));

  assert_codes (call, "services", services);
  referral = json_array_get_object_element (json_object_get_array_member (call, "referrals"), 0);
  g_assert_cmpstr (string_of (referral, "service_type"), ==, "shelter");
  g_assert_cmpstr (string_of (referral, "text"), ==, "Sigurna kuća Niš");
  g_assert_cmpstr (string_of (referral, "status"), ==, "referred");
  g_assert_true (json_object_get_boolean_member (call, "consent_follow_up"));
  g_assert_true (json_object_get_boolean_member (call, "consent_statistics"));

  note = only_record ("note", &note_record);
  g_assert_cmpstr (string_of (note, "call_id"), ==, lin_record_get_id_string (call_record));
  g_assert_cmpstr (string_of (note, "text"), ==, "She will call back on Monday.");

  follow_up = only_record ("follow-up", &follow_up_record);
  g_assert_cmpstr (string_of (call, "follow_up_id"), ==, lin_record_get_id_string (follow_up_record));
  g_assert_cmpstr (string_of (follow_up, "call_id"), ==, lin_record_get_id_string (call_record));
  due = lin_call_parse_time (string_of (follow_up, "due"));
  g_assert_nonnull (due);
  g_assert_cmpint (g_date_time_get_day_of_month (due), ==, 1);
  g_assert_cmpint (g_date_time_get_hour (due), ==, 18);
  g_assert_cmpint (g_date_time_get_minute (due), ==, 30);
  g_assert_cmpstr (string_of (follow_up, "contact_method"), ==, "sms");
  g_assert_cmpstr (string_of (follow_up, "safe_times"), ==, "Weekdays after 10");
  g_assert_cmpstr (string_of (follow_up, "code_word"), ==, "plavo");

  /* the draft is gone, the window title is the application's name */
  {
    g_autoptr(GPtrArray) drafts = list_records ("draft");

    g_assert_cmpuint (drafts->len, ==, 0);
  }
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (root ())), ==, "Linija");

  /* the next call with the same caller code hears of this one, by count */
  start_call ();
  key ("<Alt>Right");
  g_assert_false (gtk_widget_get_visible (named ("caller-code-hint")));
  type ("k-17");
  g_assert_true (gtk_widget_get_visible (named ("caller-code-hint")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (named ("caller-code-hint"))), ==, "1 earlier call with this code");
  lin_call_wizard_clear (wizard ());

  delete_all ("draft");
  delete_all ("call");
  delete_all ("note");
  delete_all ("follow-up");
}

static void
test_silent_call (void)
{
  g_autoptr(LinRecord) record = NULL;
  JsonObject *call;

  start_call ();
  choose ("field-channel", position_of ("channel", "phone"));
  choose ("field-call_type", position_of ("call-type", "silent"));

  /* one step is enough: the others are left out, Next goes nowhere */
  g_assert_true (lin_call_wizard_get_one_step (wizard ()));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (named ("one-step-note"))));
  g_assert_false (gtk_widget_get_sensitive (named ("step-row-risk")));
  g_assert_false (gtk_widget_get_sensitive (named ("next-button")));
  lin_test_press (root (), "<Alt>Right");
  g_assert_cmpuint (lin_call_wizard_get_step (wizard ()), ==, 0);

  key ("<Control>Return");
  g_assert_false (lin_call_wizard_get_active (wizard ()));

  call = only_record ("call", &record);
  g_assert_cmpstr (string_of (call, "call_type"), ==, "silent");
  g_assert_cmpstr (string_of (call, "channel"), ==, "phone");
  g_assert_false (json_object_has_member (call, "risk"));
  g_assert_false (json_object_has_member (call, "caller_code"));
  g_assert_false (lin_call_counts_in_statistics (record));

  delete_all ("call");
}

static void
test_high_risk (void)
{
  g_autoptr(LinRecord) record = NULL;
  g_autofree char *critical = risk_button (critical_item (), "yes");
  JsonObject *call, *risk;

  start_call ();
  choose ("field-call_type", position_of ("call-type", "self"));
  key ("<Alt>Right");
  key ("<Alt>Right");
  key ("<Alt>Right");
  g_assert_cmpuint (lin_call_wizard_get_step (wizard ()), ==, 3);

  /* a raised judgement needs its reason before the call can be saved */
  choose ("risk-judged", 2);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (named ("risk-reason"))));
  key ("<Control>Return");
  g_assert_true (lin_call_wizard_get_active (wizard ()));
  choose ("risk-judged", 0);

  g_assert_false (gtk_widget_get_visible (named ("urgent-panel")));
  toggle (critical);

  /* at once, on the same page */
  g_assert_true (gtk_widget_get_visible (named ("urgent-panel")));
  g_assert_true (gtk_widget_get_mapped (named ("urgent-panel")));
  g_assert_nonnull (lin_test_any_text_contains ("192"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (named ("risk-level-label"))), ==,
                   lin_risk_level_get_label (LIN_RISK_LEVEL_HIGH));

  key ("<Control>Return");
  g_assert_false (lin_call_wizard_get_active (wizard ()));

  call = only_record ("call", &record);
  risk = json_object_get_object_member (call, "risk");
  g_assert_cmpstr (string_of (risk, "level"), ==, "high");
  g_assert_cmpstr (string_of (risk, "final_level"), ==, "high");
  g_assert_true (json_object_get_boolean_member (call, "flagged"));

  delete_all ("call");
}

static void
test_narrow (void)
{
  int minimum = 0;

  start_call ();
  gtk_window_set_default_size (GTK_WINDOW (root ()), 360, 640);
  lin_test_spin (400);

  gtk_widget_measure (GTK_WIDGET (wizard ()), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (lin_test_find_descendant (GTK_WIDGET (wizard ()), ADW_TYPE_LEAFLET))));

  /* the steps are still reachable: the list, then a step from it */
  g_assert_true (gtk_widget_get_visible (named ("steps-button")));
  tab_to ("steps-button");
  key ("space");
  g_assert_true (focus_in ("steps-list"));
  key ("Down");
  key ("Down");
  key ("Return");
  g_assert_cmpuint (lin_call_wizard_get_step (wizard ()), ==, 2);
  g_assert_true (gtk_widget_get_mapped (named ("field-violence_forms")));

  gtk_window_set_default_size (GTK_WINDOW (root ()), 1000, 700);
  lin_test_spin (400);
  lin_call_wizard_clear (wizard ());
  delete_all ("draft");
}

/* The child: takes a call as far as the third step, lets the draft be
 * written, says so and waits to be killed */
static int
child_main (const char *dir)
{
  g_autoptr(GError) error = NULL;

  profile_dir = g_strdup (dir);
  app = lin_application_new (APP_ID ".Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  lin_test_spin (300);

  g_assert_true (lin_context_unlock (lin_application_get_context (app), profile_dir, PASSPHRASE, &error));
  g_assert_no_error (error);
  lin_test_spin (200);

  start_call ();
  type_first_steps ();
  lin_test_spin (2500);  /* past the draft's delay, and the timer runs */

  g_print ("ready\n");
  while (TRUE)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}

static gboolean
is_unlocked (gpointer data)
{
  return !lin_context_get_locked (lin_application_get_context (app));
}

static void
test_draft_survives_sigkill (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autoptr(LinRecord) record = NULL;
  LinCallWizard *resumed;

  /* the profile is the child's while it runs */
  lin_application_lock (app);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            self_path, "--child-draft", profile_dir, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  /* past what g_test_init() prints */
  do
    {
      g_free (line);
      line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  while (line != NULL && line[0] == '#');
  g_assert_cmpstr (line, ==, "ready");

  g_subprocess_force_exit (child);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  g_assert_true (lin_context_unlock (lin_application_get_context (app), profile_dir, PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_true (lin_test_wait_for (is_unlocked, NULL, 5000));
  lin_test_spin (300);

  /* the Calls section offers to resume it */
  g_assert_true (gtk_widget_get_visible (named ("resume-button")));
  tab_to ("resume-button");
  key ("space");
  resumed = wizard ();
  g_assert_true (lin_call_wizard_get_active (resumed));

  /* where she was, the timer going on from where it stood */
  g_assert_cmpuint (lin_call_wizard_get_step (resumed), ==, 2);
  g_assert_cmpuint (lin_call_wizard_get_elapsed (resumed), >=, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named ("field-caller_code"))), ==, "K-17");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (named ("field-contact-repeat"))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (named ("field-violence_forms-physical"))));

  /* and every answer reaches the call */
  key ("<Control>Return");
  g_assert_false (lin_call_wizard_get_active (resumed));
  assert_first_steps (only_record ("call", &record));
  {
    g_autoptr(GPtrArray) drafts = list_records ("draft");

    g_assert_cmpuint (drafts->len, ==, 0);
  }
  g_assert_false (gtk_widget_get_visible (named ("resume-button")));

  delete_all ("call");
}

static void
test_lock_clears (void)
{
  g_autoptr(GError) error = NULL;

  start_call ();
  choose ("field-call_type", position_of ("call-type", "self"));
  key ("<Alt>Right");
  type ("Marker-Code-5521");
  lin_test_spin (100);

  lin_application_lock (app);

  /* nothing of the call stays in any widget */
  g_assert_null (lin_test_any_text_contains ("Marker-Code-5521"));
  g_assert_false (lin_call_wizard_get_active (wizard ()));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (root ())), ==, "Linija");

  /* but the draft was written as the store closed */
  g_assert_true (lin_context_unlock (lin_application_get_context (app), profile_dir, PASSPHRASE, &error));
  g_assert_no_error (error);
  lin_test_spin (300);
  g_assert_true (gtk_widget_get_visible (named ("resume-button")));
  g_assert_nonnull (lin_window_resume_call (main_window ()));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named ("field-caller_code"))), ==, "Marker-Code-5521");
  lin_call_wizard_clear (wizard ());
  delete_all ("draft");
}

static AdwMessageDialog *
find_message_dialog (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      return l->data;

  return NULL;
}

static void
test_discard (void)
{
  g_autoptr(GPtrArray) drafts = NULL;
  AdwMessageDialog *dialog;

  start_call ();
  choose ("field-call_type", position_of ("call-type", "information"));
  lin_test_spin (800);

  /* asked first; Cancel keeps the call */
  tab_to ("discard-button");
  key ("space");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  lin_test_spin (100);
  g_assert_true (lin_call_wizard_get_active (wizard ()));

  tab_to ("discard-button");
  key ("space");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  lin_test_spin (100);

  g_assert_false (lin_call_wizard_get_active (wizard ()));
  g_assert_true (gtk_widget_get_visible (named ("new-call-button")));
  g_assert_false (gtk_widget_get_visible (named ("resume-button")));
  drafts = list_records ("draft");
  g_assert_cmpuint (drafts->len, ==, 0);
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  self_path = argv[0];
  lin_test_init (&argc, &argv);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("LINIJA_KDF", "floor", TRUE);
  lin_i18n_init ("en");

  if (argc == 3 && g_str_equal (argv[1], "--child-draft"))
    return child_main (argv[2]);

  app = lin_application_new (APP_ID ".Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  lin_test_spin (500);

  lin_context_create_profile_async (lin_application_get_context (app), "Test", PASSPHRASE,
                                    NULL, created_cb, &profile_dir);
  g_assert_true (lin_test_wait_for (is_set, &profile_dir, 60000));
  g_assert_true (lin_context_unlock (lin_application_get_context (app), profile_dir, PASSPHRASE, &error));
  g_assert_no_error (error);
  lin_test_spin (300);

  g_test_add_func ("/gui/call/complete", test_complete_call);
  g_test_add_func ("/gui/call/silent", test_silent_call);
  g_test_add_func ("/gui/call/high-risk", test_high_risk);
  g_test_add_func ("/gui/call/narrow", test_narrow);
  g_test_add_func ("/gui/call/lock-clears", test_lock_clears);
  g_test_add_func ("/gui/call/discard", test_discard);
  g_test_add_func ("/gui/call/draft-survives-sigkill", test_draft_survives_sigkill);

  ret = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_clear_pointer (&profile_dir, g_free);

  return ret;
}
