/* linija-screenshots.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders every main screen of the real application into PNG files:
 *
 *   LANGUAGE=sr linija-screenshots DIR sr
 *
 * On a throw-away data folder (two profiles with fictional names) it writes
 * DIR/sr-create-profile.png (the first start), sr-create-profile-weak.png
 * (partly filled, with a weak passphrase), sr-create-profile-narrow.png
 * (the same at 360 px), sr-unlock.png (two profiles, so
 * the choice of profile shows), sr-unlock-wrong.png (after a wrong
 * passphrase), sr-unlock-narrow.png (at 360 px); then, unlocked,
 * sr-calls.png, sr-directory.png, sr-roster.png, sr-reports.png,
 * sr-narrow.png (the window at 360 px), sr-preferences.png,
 * sr-preferences-security.png (Security › Change Passphrase),
 * sr-about.png and sr-shortcuts.png; the call wizard, with fictional
 * answers: sr-call-contact.png, sr-call-caller.png, sr-call-violence.png,
 * sr-call-risk.png, sr-call-risk-high.png (the urgent steps),
 * sr-call-support.png, sr-call-follow-up.png, sr-call-one-step.png (a
 * silent call), sr-call-narrow.png and sr-call-narrow-steps.png (at
 * 360 px, a step and the list of steps) and sr-calls-resume.png (the offer
 * to resume an unfinished call); then, with the demo profile's
 * fictional calls added, sr-call-log.png, sr-call-log-filters.png (high
 * risk only), sr-call-details.png, sr-call-details-note.png (a note being
 * added, scrolled into view), sr-call-edit.png, sr-call-edit-follow-up.png
 * (the editor at its follow-up step), sr-call-history.png (two
 * versions), sr-call-history-version.png (the answers of an earlier
 * version, a changed one marked), sr-follow-ups.png (one
 * opened to mark it done), sr-call-log-narrow.png and
 * sr-call-details-narrow.png (at 360 px); last, Preferences ›
 * Organisation against the real linija-server
 * (linija-screenshots-organisation.c), and a profile of its own in an
 * organisation on a real linija-server, the sync-*.png of
 * linija-screenshots-sync.c. `build-aux/dev screenshots`
 * runs it for every language under Xvfb.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lin-application.h"
#include "lin-call.h"
#include "lin-call-details.h"
#include "lin-call-log-view.h"
#include "lin-call-wizard.h"
#include "lin-demo.h"
#include "lin-roster-handover.h"
#include "lin-roster-mine.h"
#include "lin-roster-offer.h"
#include "lin-roster-people.h"
#include "lin-roster-view.h"
#include "lin-directory-view.h"
#include "lin-service-editor.h"
#include "lin-service-ui.h"
#include "lin-i18n.h"
#include "lin-risk.h"
#include "lin-preferences-window.h"
#include "lin-test-utils.h"
#include "lin-window.h"
#include "linija-screenshots-private.h"

#define PASSPHRASE "a fictional passphrase for screenshots"

static LinApplication *app;
static const char *outdir;
static const char *lang;
static int failures;

/* @widget as a PNG; with @popover open over it: a popover is a surface of
 * its own, which the window's paintable does not draw, so it is drawn on
 * top where it is shown */
static void
save_over (GtkWidget  *widget,
           GtkPopover *popover,
           const char *screen)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.png", lang, screen);
  g_autofree char *path = g_build_filename (outdir, name, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  lin_test_spin (600);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0)
    {
      g_printerr ("screenshots: %s has no size\n", screen);
      failures++;
      return;
    }

  if (popover != NULL && (!gtk_widget_get_visible (GTK_WIDGET (popover)) ||
                          !GDK_IS_POPUP (gtk_native_get_surface (GTK_NATIVE (popover)))))
    {
      g_printerr ("screenshots: %s: the popover is not shown\n", screen);
      failures++;
      return;
    }

  paintable = gtk_widget_paintable_new (widget);

  /* a window shown again after another closed over it may not have drawn
   * its frame yet: its paintable is empty until it has */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GskRenderNode) probe = NULL;

      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      probe = gtk_snapshot_free_to_node (snapshot);
      if (probe != NULL)
        break;
      lin_test_spin (200);
    }

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  if (popover != NULL)
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
      g_autoptr(GdkPaintable) over = gtk_widget_paintable_new (GTK_WIDGET (popover));
      double widget_x, widget_y, popover_x, popover_y;

      gtk_native_get_surface_transform (GTK_NATIVE (widget), &widget_x, &widget_y);
      gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_x, &popover_y);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (gdk_popup_get_position_x (GDK_POPUP (surface)) + popover_x - widget_x,
                                                    gdk_popup_get_position_y (GDK_POPUP (surface)) + popover_y - widget_y));
      gdk_paintable_snapshot (over, snapshot,
                              gtk_widget_get_width (GTK_WIDGET (popover)),
                              gtk_widget_get_height (GTK_WIDGET (popover)));
      gtk_snapshot_restore (snapshot);
    }
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_printerr ("screenshots: %s drew nothing\n", screen);
      failures++;
      return;
    }

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)),
                                         node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_printerr ("screenshots: could not write %s\n", path);
      failures++;
      return;
    }

  g_print ("%s\n", path);
}

static void
save (GtkWidget  *widget,
      const char *screen)
{
  save_over (widget, NULL, screen);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
    }

  g_remove (path);
}

static GtkWindow *
find_window (GType type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;

  return NULL;
}

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = lin_test_find_named (root, name);

  if (widget == NULL)
    g_error ("screenshots: no widget named %s", name);

  return widget;
}

static void
set_text (GtkWidget  *root,
          const char *name,
          const char *text)
{
  GtkWidget *entry = named (root, name);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  lin_test_type (entry, text);
}

static gboolean
is_unlocked (gpointer data)
{
  return !lin_context_get_locked (lin_application_get_context (app));
}

static gboolean
unlock_done (gpointer data)
{
  return !gtk_widget_get_visible (named (data, "unlock-progress"));
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  char **path = user_data;

  *path = lin_context_create_profile_finish (LIN_CONTEXT (object), result, &error);
  if (*path == NULL)
    g_error ("screenshots: %s", error->message);
}

static gboolean
is_set (gpointer data)
{
  return *(char **)data != NULL;
}

static void
create_profile (const char *name)
{
  g_autofree char *path = NULL;

  lin_context_create_profile_async (lin_application_get_context (app), name, PASSPHRASE,
                                    NULL, created_cb, &path);
  if (!lin_test_wait_for (is_set, &path, 60000))
    g_error ("screenshots: creating a profile took too long");
}

static void
render_vault_screens (LinWindow *window)
{
  GtkWidget *root = GTK_WIDGET (window);

  /* the first start: no profile yet */
  g_assert_cmpstr (lin_window_get_page (window), ==, "create");
  save (root, "create-profile");

  /* partly filled, with a weak passphrase: the hint shows */
  set_text (root, "profile-name-entry", "Ana");
  set_text (root, "passphrase-entry", "summer2024");
  save (root, "create-profile-weak");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  save (root, "create-profile-narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  lin_test_spin (300);

  /* created through the page itself, as a counsellor would */
  set_text (root, "passphrase-entry", PASSPHRASE);
  set_text (root, "confirm-entry", PASSPHRASE);
  gtk_widget_activate (named (root, "create-button"));
  if (!lin_test_wait_for (is_unlocked, NULL, 60000))
    g_error ("screenshots: the new profile was not unlocked");

  /* a second counsellor on the same laptop */
  create_profile ("Branka");

  lin_application_lock (app);
  g_assert_cmpstr (lin_window_get_page (window), ==, "unlock");
  save (root, "unlock");

  set_text (root, "unlock-entry", "not the passphrase");
  g_signal_emit_by_name (named (root, "unlock-entry"), "activate");
  lin_test_wait_for (unlock_done, root, 30000);
  save (root, "unlock-wrong");

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  save (root, "unlock-narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  lin_test_spin (300);

  set_text (root, "unlock-entry", PASSPHRASE);
  g_signal_emit_by_name (named (root, "unlock-entry"), "activate");
  if (!lin_test_wait_for (is_unlocked, NULL, 30000))
    g_error ("screenshots: unlocking failed");
}

/* The first call of the log that has a follow-up and a high risk: the
 * details with the most to show */
static LinRecord *
richest_call (LinCallLogView *view)
{
  GListModel *model = lin_call_log_view_get_model (view);
  LinStore *store = lin_context_get_store (lin_application_get_context (app));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LinRecord) call = g_list_model_get_item (model, i);

      if (lin_call_get_risk_level (call) == LIN_RISK_LEVEL_HIGH &&
          lin_call_get_follow_up (store, call) != NULL)
        return call;
    }

  return NULL;
}

/* In the call editor: the next age group of the list (0 is "Not
 * answered") */
static void
change_age_group (GtkWidget *root)
{
  GtkDropDown *age = GTK_DROP_DOWN (named (root, "field-age_group"));
  guint n = g_list_model_get_n_items (gtk_drop_down_get_model (age));

  gtk_drop_down_set_selected (age, gtk_drop_down_get_selected (age) % (n - 1) + 1);
}

/* The call log, a call's details, its editor and history, and the
 * follow-up queue, on the demo profile's fictional calls */
static void
render_log_screens (LinWindow *window)
{
  GtkWidget *root = GTK_WIDGET (window);
  LinContext *context = lin_application_get_context (app);
  LinCallLogView *view = LIN_CALL_LOG_VIEW (lin_test_find_descendant (root, LIN_TYPE_CALL_LOG_VIEW));
  LinCallDetails *details = LIN_CALL_DETAILS (lin_test_find_descendant (root, LIN_TYPE_CALL_DETAILS));
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  g_autoptr(GError) error = NULL;
  GtkWidget *follow_up_row;
  LinRecord *call;

  if (!lin_demo_add_calls (lin_context_get_store (context), LIN_DEMO_N_CALLS, LIN_DEMO_SEED, now, &error))
    g_error ("screenshots: %s", error->message);

  lin_window_set_section (window, "calls");
  /* added while the log was open: back to the newest */
  gtk_widget_activate_action (named (root, "call-list"), "list.scroll-to-item", "u", 0);
  save (root, "call-log");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named (root, "filters-button")), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (root, "risk-filter")), 3);
  save (root, "call-log-filters");
  gtk_widget_activate (named (root, "clear-filters-button"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named (root, "filters-button")), FALSE);

  call = richest_call (view);
  if (call == NULL)
    g_error ("screenshots: the demo has no high-risk call with a follow-up");
  lin_call_log_view_show_call (view, call);
  /* fictional, like everything in the demo */
  lin_call_details_add_note (details, "She will call again after the court hearing on Monday.", NULL);
  save (root, "call-details");

  g_signal_emit_by_name (named (root, "add-note-button"), "clicked");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (root, "note-view"))),
                            "Her sister can take the children for the weekend.", -1);
  /* the details scroll the editor into view once it is open */
  lin_test_spin (400);
  save (root, "call-details-note");
  gtk_widget_activate (named (root, "cancel-note-button"));

  lin_call_details_set_mode (details, "edit");
  save (root, "call-edit");
  /* the follow-up's answers, at the end of the editor: the keyboard on
   * its code word brings them into view */
  lin_test_spin (300);
  gtk_widget_grab_focus (named (GTK_WIDGET (details), "field-code_word"));
  save (root, "call-edit-follow-up");
  /* saved with another age group, so that the history has two versions
   * and the second changed an answer */
  change_age_group (GTK_WIDGET (details));
  /* clicked, not activated: activating a button clicks it later */
  g_signal_emit_by_name (named (root, "save-edit-button"), "clicked");
  lin_call_details_set_mode (details, "history");
  save (root, "call-history");

  /* a third version, so that an earlier one with a change can be shown */
  lin_call_details_set_mode (details, "edit");
  change_age_group (GTK_WIDGET (details));
  g_signal_emit_by_name (named (root, "save-edit-button"), "clicked");
  lin_call_details_set_mode (details, "history");
  if (!lin_call_details_show_version (details, lin_record_get_revision (call) - 1))
    g_error ("screenshots: the call has no earlier version");
  /* the answer that changed, in sight: the keyboard goes there */
  lin_test_spin (300);
  gtk_widget_grab_focus (named (root, "changed-answer-row"));
  save (root, "call-history-version");
  lin_call_details_set_mode (details, "view");

  lin_call_log_view_show_pane (view, "follow-ups");
  follow_up_row = lin_test_find_named (root, "follow-up-row");
  if (follow_up_row != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (follow_up_row), TRUE);
  save (root, "follow-ups");
  lin_call_log_view_show_pane (view, "log");

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  save (root, "call-log-narrow");
  lin_call_log_view_show_call (view, call);
  save (root, "call-details-narrow");
  gtk_widget_activate (named (root, "details-back-button"));
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  lin_test_spin (300);
}

static void
set_choice (GtkWidget  *root,
            const char *name,
            guint       position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (root, name)), position);
}

static void
press (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = named (root, name);

  if (GTK_IS_CHECK_BUTTON (widget))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (widget), TRUE);
  else
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (widget), TRUE);
}

/* Each step of a fictional call, the urgent steps of a high risk, a
 * silent call, and the narrow window */
static void
render_call_screens (LinWindow *window)
{
  GtkWidget *root = GTK_WIDGET (window);
  LinCallWizard *wizard;
  LinRiskChecklist *checklist = lin_risk_checklist_get_default ();
  g_autoptr(GError) error = NULL;
  static const char *steps[] = { "contact", "caller", "violence", "risk", "support", "follow-up" };

  /* the referral step's search finds the demo's fictional services */
  if (!lin_demo_add_services (lin_context_get_store (lin_application_get_context (app)), LIN_DEMO_SEED, &error))
    g_error ("screenshots: %s", error->message);

  lin_window_set_section (window, "calls");
  wizard = lin_window_new_call (window);

  set_choice (root, "field-channel", 1);
  set_choice (root, "field-call_type", 1);
  set_choice (root, "field-language", 1);
  set_text (root, "field-caller_code", "K-17");
  press (root, "field-contact-repeat");
  set_choice (root, "field-age_group", 3);
  /* in Latin script: the search finds Медијана all the same */
  set_text (root, "field-municipality", "Medijana");
  press (root, "field-disability-hearing");
  press (root, "field-violence_forms-psychological");
  press (root, "field-violence_forms-physical");
  press (root, "field-violence_forms-economic");
  press (root, "field-perpetrators-former-partner");
  press (root, "field-living_together-no");
  set_choice (root, "field-violence_duration", 4);
  set_choice (root, "field-last_incident", 2);
  press (root, "field-reported_before-police");
  for (guint i = 1; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("risk-%s-%s", lin_risk_checklist_get_item_code (checklist, i),
                                               i == 2 ? "unknown" : "no");
      press (root, name);
    }
  press (root, "field-services-emotional-support");
  press (root, "field-services-rights-information");
  g_signal_emit_by_name (named (root, "referral-add"), "clicked");
  set_text (root, "field-text", "Centar za socijalni rad, Niš");
  press (root, "field-consent_follow_up");
  press (root, "field-consent_statistics");
  set_text (root, "field-due_date", "2026-11-27");
  set_text (root, "field-due_time", "18:30");
  set_text (root, "field-safe_times", "Weekdays after 10:00");

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *screen = g_strdup_printf ("call-%s", steps[i]);

      lin_call_wizard_set_step (wizard, i);
      save (root, screen);
    }

  /* a yes to a critical item: the urgent steps, at once */
  lin_call_wizard_set_step (wizard, 3);
  for (guint i = 0; i < lin_risk_checklist_get_n_items (checklist); i++)
    if (lin_risk_checklist_get_item_critical (checklist, i))
      {
        g_autofree char *name = g_strdup_printf ("risk-%s-yes", lin_risk_checklist_get_item_code (checklist, i));

        press (root, name);
        break;
      }
  save (root, "call-risk-high");

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  lin_call_wizard_set_step (wizard, 1);
  save (root, "call-narrow");
  g_signal_emit_by_name (named (root, "steps-button"), "clicked");
  save (root, "call-narrow-steps");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  lin_test_spin (300);

  /* locked mid-call: the next unlock offers to resume it */
  lin_call_wizard_clear (wizard);
  lin_call_wizard_start (wizard, NULL);
  set_choice (root, "field-channel", 1);
  set_choice (root, "field-call_type", 5);
  save (root, "call-one-step");
}

static void
search_for (LinServiceSearch *search,
            const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (lin_service_search_get_entry (search)), text);
  gtk_widget_grab_focus (lin_service_search_get_entry (search));
  gtk_editable_set_position (GTK_EDITABLE (lin_service_search_get_entry (search)), -1);
}

/* The first service of the search whose entry is over a year old */
static LinRecord *
stale_service (LinServiceSearch *search)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = 0; i < lin_service_search_get_n_results (search); i++)
    {
      LinRecord *service = lin_service_search_get_result (search, i);

      if (lin_service_ui_is_stale (lin_record_get_fields (service), now))
        return service;
    }

  return NULL;
}

static void
save_dialog (const char *screen)
{
  GtkWindow *dialog = lin_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  if (dialog == NULL)
    {
      g_printerr ("screenshots: no dialog for %s\n", screen);
      failures++;
      return;
    }
  save (GTK_WIDGET (dialog), screen);
  gtk_window_destroy (dialog);
}

static void
import_screen (LinDirectoryView *view,
               const char       *csv,
               const char       *screen)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "directory.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (!g_file_set_contents (path, csv, -1, &error))
    g_error ("screenshots: %s", error->message);
  lin_directory_view_import_file (view, file);
  save_dialog (screen);
  g_unlink (path);
}

static void
render_directory_screens (LinWindow *window)
{
  /* fictional, like the demo's directory */
  static const char good[] =
    "name,service_type,municipality,hours,phones\n"
    "Savetovalište Primer,ngo,rs-cacak,mon-fri 09:00-17:00,000 1000 001\n"
    "SOS Primer Čačak,sos-line,rs-cacak,24/7,000 1000 002\n"
    "Pravna pomoć Primer,legal-aid,rs-cacak,mon-thu 09:00-13:00,000 1000 003\n";
  static const char bad[] =
    "name,service_type,municipality,hours\n"
    "Savetovalište Primer,ngo,rs-cacak,mon-fri 09:00-17:00\n"
    "Pekara,bakery,rs-cacak,\n"
    "SOS Primer,sos-line,rs-cacak,mon 25:00-26:00\n"
    "Pravna pomoć,legal-aid,Čačak,\n";
  GtkWidget *root = GTK_WIDGET (window);
  LinDirectoryView *view;
  LinServiceSearch *search;
  LinRecord *service;
  GtkWindow *editor;

  lin_window_set_section (window, "directory");
  view = LIN_DIRECTORY_VIEW (lin_test_find_descendant (root, LIN_TYPE_DIRECTORY_VIEW));
  search = lin_directory_view_get_search (view);
  save (root, "directory-all");

  /* typed in Cyrillic: Latin and Cyrillic entries alike */
  search_for (search, "ниш");
  save (root, "directory-search");

  search_for (search, "sigurna kuća");
  save (root, "directory-shelter");

  search_for (search, "");
  service = stale_service (search);
  if (service != NULL)
    {
      lin_service_search_select (search, service);
      save (root, "directory-stale");
    }

  search_for (search, "kraljevo");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named (root, "service-filter-always")), TRUE);
  save (root, "directory-filters");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (named (root, "service-filter-always")), FALSE);

  gtk_widget_activate_action (GTK_WIDGET (view), "directory.edit", NULL);
  editor = lin_test_find_toplevel (LIN_TYPE_SERVICE_EDITOR);
  if (editor != NULL)
    {
      gtk_window_set_default_size (editor, 640, 900);
      save (GTK_WIDGET (editor), "directory-edit");
      gtk_window_destroy (editor);
    }

  import_screen (view, bad, "directory-import-problems");
  import_screen (view, good, "directory-import");

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  search_for (search, "krag");
  save (root, "directory-narrow");
  g_signal_emit_by_name (lin_service_search_get_entry (search), "activate");
  save (root, "directory-details-narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  lin_test_spin (300);
}

/* The first shift of the week shown with a place open, else the first */
static int
open_shift (LinRoster *roster,
            gint64     from,
            gint64     to)
{
  int first = -1;

  for (guint s = 0; s < lin_roster_get_n_shifts (roster); s++)
    {
      if (lin_roster_shift_get_start (roster, s) < from || lin_roster_shift_get_start (roster, s) >= to)
        continue;
      if (first < 0)
        first = s;
      if (lin_roster_shift_get_n_assigned (roster, s) < lin_roster_shift_get_required (roster, s))
        return s;
    }

  return first;
}

/* Someone who would break a soft rule only on @shift */
static int
soft_candidate (LinRoster *roster,
                int        shift)
{
  for (guint p = 0; p < lin_roster_get_n_people (roster); p++)
    {
      g_autoptr(GArray) broken = lin_roster_try_person (roster, shift, p, NULL);
      gboolean soft_only = broken->len > 0;

      for (guint i = 0; i < broken->len; i++)
        soft_only &= !lin_roster_rule_is_hard (g_array_index (broken, LinRosterViolation, i).rule);
      if (soft_only)
        return p;
    }

  return -1;
}

static void
render_roster_screens (LinWindow *window)
{
  LinContext *context = lin_application_get_context (app);
  GtkWidget *root = GTK_WIDGET (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  g_autoptr(GDateTime) monday = NULL;
  g_autoptr(GDateTime) next_monday = NULL;
  LinRosterView *view;
  LinRoster *roster;
  GDate month;
  int shift, person;

  /* the demo's made-up roster, this month */
  g_date_set_dmy (&month, 1, g_date_time_get_month (now), g_date_time_get_year (now));
  if (!lin_demo_add_roster (lin_context_get_store (context), LIN_DEMO_SEED, &month, &error))
    g_error ("screenshots: %s", error->message);

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  lin_window_set_section (window, "roster");
  lin_test_spin (300);
  view = LIN_ROSTER_VIEW (lin_test_find_descendant (root, LIN_TYPE_ROSTER_VIEW));
  lin_roster_view_show_week (view, NULL);
  roster = lin_context_get_roster (context);

  monday = g_date_time_add_days (now, 1 - g_date_time_get_day_of_week (now));
  next_monday = g_date_time_add_days (monday, 7);
  shift = open_shift (roster, g_date_time_to_unix (monday) - 86400, g_date_time_to_unix (next_monday));
  lin_roster_view_select (view, -1);
  save (root, "roster-open");
  lin_roster_view_show_mode (view, "month");
  save (root, "roster-month");
  lin_roster_view_show_mode (view, "people");
  save (root, "roster-rota");
  lin_roster_view_show_mode (view, "week");
  lin_roster_view_select (view, shift);
  save (root, "roster-week");

  person = shift >= 0 ? soft_candidate (roster, shift) : -1;
  if (person >= 0)
    {
      lin_roster_view_assign (view, person);
      lin_test_spin (100);
      if (lin_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL)
        set_text (GTK_WIDGET (lin_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "roster-override-reason",
                  /* made up */
                  "Zamena za koleginicu");
      save_dialog ("roster-assign");
    }

  gtk_widget_activate_action (GTK_WIDGET (view), "roster.make-shifts", NULL);
  save_dialog ("roster-make");

  lin_roster_view_auto_fill (view);
  save_dialog ("roster-fill");
  save (root, "roster-filled");

  gtk_widget_activate_action (GTK_WIDGET (view), "roster.export-ics", NULL);
  save_dialog ("roster-export");

  /* People and Lines: the list, then a person's editor */
  {
    GtkWidget *people = lin_roster_people_new (GTK_WINDOW (window), context);

    gtk_window_present (GTK_WINDOW (people));
    save (people, "roster-people");
    lin_roster_people_edit_person (LIN_ROSTER_PEOPLE (people), 1);
    save (people, "roster-person");
    gtk_window_destroy (GTK_WINDOW (people));
  }

  /* the handover note of the shift that ended last, offered in a bar
   * above the sections to one of its people, then written */
  {
    LinRoster *now_roster = lin_context_get_roster (context);
    gint64 instant = g_date_time_to_unix (now);
    int ended = -1;

    for (guint s = 0; s < lin_roster_get_n_shifts (now_roster); s++)
      if (lin_roster_shift_get_end (now_roster, s) <= instant && lin_roster_shift_get_n_assigned (now_roster, s) > 0 &&
          (ended < 0 || lin_roster_shift_get_end (now_roster, s) > lin_roster_shift_get_end (now_roster, ended)))
        ended = s;
    if (ended >= 0)
      {
        LinRecord *assignment = lin_roster_shift_get_assignment (now_roster, ended, 0);
        int her = lin_roster_assignment_get_person (now_roster, assignment);
        LinRosterOffer *offer = LIN_ROSTER_OFFER (lin_test_find_descendant (root, LIN_TYPE_ROSTER_OFFER));
        GtkWidget *note;

        g_settings_set_string (lin_context_get_settings (context), "roster-me",
                               lin_record_get_id_string (lin_roster_get_person (now_roster, her)));
        lin_roster_offer_check (offer, lin_roster_shift_get_end (now_roster, ended) + 600);
        lin_window_set_section (window, "calls");
        save (root, "roster-offer");
        lin_window_set_section (window, "roster");
        note = lin_roster_handover_dialog_new (GTK_WINDOW (window), context, now_roster, ended);
        gtk_window_present (GTK_WINDOW (note));
        save (note, "roster-handover");
        gtk_window_destroy (GTK_WINDOW (note));
        g_settings_set_string (lin_context_get_settings (context), "roster-me", "");
      }
  }

  /* My Shifts of one of the demo's people */
  lin_roster_view_show_mode (view, "mine");
  save (root, "roster-mine-who");
  lin_roster_mine_set_person (LIN_ROSTER_MINE (lin_test_find_descendant (root, LIN_TYPE_ROSTER_MINE)),
                              lin_roster_get_n_people (lin_context_get_roster (context)) > 3 ? 3 : 0);
  save (root, "roster-mine");
  lin_roster_view_show_mode (view, "week");

  /* a narrow window: the week, then a shift's details instead (once the
   * Undo notification is gone, which is wider) */
  lin_test_spin (5500);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  save (root, "roster-narrow");
  if (shift >= 0)
    {
      g_signal_emit_by_name (lin_roster_view_get_week (view), "shift-activated", shift);
      save (root, "roster-details-narrow");
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  lin_test_spin (300);
}

int
main (int   argc,
      char *argv[])
{
  static const char *sections[] = { "calls", "directory", "roster", "reports" };
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  LinWindow *window;
  GtkWindow *other;
  GtkWidget *page;

  if (argc != 3)
    {
      g_printerr ("usage: LANGUAGE=LANG %s DIR LANG\n", argv[0]);
      return 2;
    }
  outdir = argv[1];
  lang = argv[2];
  g_mkdir_with_parents (outdir, 0755);

  /* A throw-away data folder, before anything asks GLib for it; floor
   * Argon2id parameters, so that the profiles take a moment to make. */
  data_home = g_dir_make_tmp ("linija-screenshots-XXXXXX", &error);
  if (data_home == NULL)
    g_error ("%s", error->message);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("LINIJA_KDF", "floor", TRUE);

  lin_i18n_init (NULL);
  g_set_application_name (_("Linija"));

  app = lin_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  lin_application_set_active_language (app, g_getenv ("LANGUAGE"));
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_application_activate (G_APPLICATION (app));

  window = LIN_WINDOW (find_window (LIN_TYPE_WINDOW));
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);

  render_vault_screens (window);

  /* the real linija-server, for Preferences › Organisation and sync */
  if (g_getenv ("LINIJA_SERVER") == NULL)
    g_setenv ("LINIJA_SERVER", LINIJA_SERVER_PATH, TRUE);

  /* LINIJA_SCREENSHOTS_ONLY=sync, organisation or roster: those screens
   * alone, quicker while working on them */
  if (g_strcmp0 (g_getenv ("LINIJA_SCREENSHOTS_ONLY"), "sync") == 0)
    {
      lin_screenshots_sync (app, PASSPHRASE, save, save_over);
      g_application_quit (G_APPLICATION (app));
      g_clear_object (&app);
      remove_tree (data_home);
      return failures == 0 ? 0 : 1;
    }
  if (g_strcmp0 (g_getenv ("LINIJA_SCREENSHOTS_ONLY"), "organisation") == 0)
    {
      lin_screenshots_organisation (app, PASSPHRASE, save);
      g_application_quit (G_APPLICATION (app));
      g_clear_object (&app);
      remove_tree (data_home);
      return failures == 0 ? 0 : 1;
    }
  if (g_strcmp0 (g_getenv ("LINIJA_SCREENSHOTS_ONLY"), "roster") == 0)
    {
      render_roster_screens (window);
      g_application_quit (G_APPLICATION (app));
      g_clear_object (&app);
      remove_tree (data_home);
      return failures == 0 ? 0 : 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      lin_window_set_section (window, sections[i]);
      save (GTK_WIDGET (window), sections[i]);
    }

  lin_window_set_section (window, "calls");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  save (GTK_WIDGET (window), "narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  lin_test_spin (300);

  other = lin_application_show_preferences (app);
  gtk_window_set_default_size (other, 600, 640);
  save (GTK_WIDGET (other), "preferences");
  page = lin_preferences_window_show_change_passphrase (LIN_PREFERENCES_WINDOW (other));
  set_text (page, "current-entry", PASSPHRASE);
  set_text (page, "new-entry", "blue kettle, quiet");
  save (GTK_WIDGET (other), "preferences-security");
  gtk_window_destroy (other);

  other = lin_application_show_about (app);
  save (GTK_WIDGET (other), "about");
  gtk_window_destroy (other);

  save (GTK_WIDGET (lin_window_show_shortcuts (window)), "shortcuts");
  gtk_window_close (lin_window_show_shortcuts (window));

  render_call_screens (window);

  /* the offer to resume, after a lock and an unlock */
  lin_application_lock (app);
  set_text (GTK_WIDGET (window), "unlock-entry", PASSPHRASE);
  g_signal_emit_by_name (named (GTK_WIDGET (window), "unlock-entry"), "activate");
  if (!lin_test_wait_for (is_unlocked, NULL, 30000))
    g_error ("screenshots: unlocking failed");
  save (GTK_WIDGET (window), "calls-resume");

  render_log_screens (window);
  render_directory_screens (window);
  render_roster_screens (window);
  lin_screenshots_organisation (app, PASSPHRASE, save);
  /* last: a profile of its own in an organisation, in each state */
  lin_screenshots_sync (app, PASSPHRASE, save, save_over);

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  /* nothing of the throw-away profiles stays behind */
  remove_tree (data_home);

  return failures == 0 ? 0 : 1;
}
