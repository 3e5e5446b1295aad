/* test-gui-sync-enrol.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences › Organisation under Xvfb, against the real linija-server on
 * 127.0.0.1, with two real profiles in one process (a coordinator's
 * context and a member's): the coordinator creates the organisation
 * through the page with the founding code `linija-server org create`
 * printed; on the member's laptop, empty and wrong fields are said next
 * to themselves, and so are a bad code, an unreachable server and a
 * certificate not pinned, with every field keeping its text, and a lock
 * closes the page; the member joins with an invite and sees her safety number;
 * the coordinator's list shows her device; a wrong number keeps Approve
 * insensitive and says not to approve; a lock closes the dialog and the
 * enrolment page; the right number (typed with dashes) approves, the row
 * goes, and the member's page turns to approved on its own. The
 * coordinator's approved list shows her own laptop without Revoke… and the
 * member's with it; Cancel changes nothing; Revoke takes the row away, the
 * coordinator's key epoch goes up by one and the member's next sync is
 * refused. Last, with the server stopped, Refresh says there is no answer.
 */

#include "config.h"

#include <string.h>

#include "lin-i18n.h"
#include "lin-preferences-window.h"
#include "lin-server-test-utils.h"
#include "lin-sync-approve-dialog.h"
#include "lin-sync-devices-group.h"
#include "lin-sync-enrol-page.h"
#include "lin-sync-members-group.h"
#include "lin-sync-org-group.h"
#include "lin-test-utils.h"

#define PASSPHRASE "a passphrase for the organisation tests"

static LinTestServer *server;
static char *fingerprint;
static GSettings *settings;

typedef struct
{
  LinContext *context;
  char       *profile_dir;
  GtkWidget  *window;
} Laptop;

static Laptop coordinator, member;

static void
laptop_open (Laptop     *laptop,
             const char *name)
{
  g_autoptr(GError) error = NULL;

  laptop->context = lin_context_new (settings, FALSE, &error);
  g_assert_no_error (error);
  laptop->profile_dir = lin_test_create_profile (laptop->context, name, PASSPHRASE);
  g_assert_true (lin_context_unlock (laptop->context, laptop->profile_dir, PASSPHRASE, &error));
  g_assert_no_error (error);
}

static void
laptop_close (Laptop *laptop)
{
  if (laptop->window != NULL)
    gtk_window_destroy (GTK_WINDOW (laptop->window));
  g_clear_weak_pointer (&laptop->window);
  lin_context_lock (laptop->context);
  lin_context_shutdown (laptop->context);
  g_clear_object (&laptop->context);
  g_clear_pointer (&laptop->profile_dir, g_free);
}

/* Preferences, turned to Organisation */
static GtkWidget *
preferences (Laptop *laptop)
{
  if (laptop->window == NULL)
    {
      GtkWidget *window = GTK_WIDGET (lin_preferences_window_new (laptop->context, "en"));

      g_set_weak_pointer (&laptop->window, window);
      gtk_window_set_default_size (GTK_WINDOW (window), 600, 700);
      gtk_window_present (GTK_WINDOW (window));
    }
  lin_preferences_window_show_organisation (LIN_PREFERENCES_WINDOW (laptop->window));
  lin_test_spin (200);

  return laptop->window;
}

static GtkWidget *
named (Laptop     *laptop,
       const char *name)
{
  return lin_test_named (laptop->window, name);
}

static const char *
text (Laptop     *laptop,
      const char *name)
{
  GtkWidget *widget = named (laptop, name);

  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));

  return gtk_editable_get_text (GTK_EDITABLE (widget));
}

static void
set_text (Laptop     *laptop,
          const char *name,
          const char *value)
{
  GtkWidget *entry = named (laptop, name);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  lin_test_type (entry, value);
}

static gboolean
shown (Laptop     *laptop,
       const char *name)
{
  GtkWidget *widget = lin_test_find_named (laptop->window, name);

  return widget != NULL && gtk_widget_is_visible (widget);
}

/* Activates Create… or Join… and returns the page it opened */
static LinSyncEnrolPage *
open_enrol (Laptop     *laptop,
            const char *row)
{
  GtkWidget *page;

  preferences (laptop);
  g_assert_true (shown (laptop, "found-row"));
  g_assert_true (shown (laptop, "join-row"));
  g_assert_false (shown (laptop, "server-row"));
  g_assert_true (gtk_widget_activate (named (laptop, row)));
  lin_test_spin (400);
  page = lin_test_find_descendant (laptop->window, LIN_TYPE_SYNC_ENROL_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (lin_sync_enrol_page_get_state (LIN_SYNC_ENROL_PAGE (page)), ==, "form");
  /* a label for the device, never empty */
  g_assert_cmpstr (text (laptop, "label-entry"), !=, "");

  return LIN_SYNC_ENROL_PAGE (page);
}

static gboolean
page_idle (gpointer data)
{
  return !lin_sync_enrol_page_get_busy (data);
}

static void
press_enrol (Laptop           *laptop,
             LinSyncEnrolPage *page)
{
  g_signal_emit_by_name (named (laptop, "enrol-button"), "clicked");
  g_assert_true (lin_test_wait_for (page_idle, page, 60000));
  lin_test_spin (100);
}

static void
fill (Laptop     *laptop,
      const char *url,
      const char *with_fingerprint,
      const char *code,
      const char *label)
{
  set_text (laptop, "server-entry", url);
  set_text (laptop, "fingerprint-entry", with_fingerprint);
  set_text (laptop, "code-entry", code);
  set_text (laptop, "label-entry", label);
}

static char *
cli_first_line (const char * const *args)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (lin_test_server_cli_v (&out, NULL, args), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 1);

  return g_strdup (lines[0]);
}

static gboolean
any_text (const char *needle)
{
  g_autofree char *found = lin_test_any_text_contains (needle);

  return found != NULL;
}

static gboolean
is_closed (gpointer data)
{
  GtkWidget *page = *(GtkWidget **)data;

  return page == NULL || !gtk_widget_get_mapped (page);
}

static char *org_id;
static char *founding;

static void
test_refused (void)
{
  LinSyncEnrolPage *page = open_enrol (&member, "join-row");
  /* a port nothing listens on */
  const char *unreachable = "https://127.0.0.1:9";
  const char *args[] = { "invite", server->dir, "--org", org_id, NULL };
  g_autofree char *invite = cli_first_line (args);

  /* empty: said next to each field, nothing asked */
  set_text (&member, "label-entry", "");
  g_signal_emit_by_name (named (&member, "enrol-button"), "clicked");
  g_assert_false (lin_sync_enrol_page_get_busy (page));
  g_assert_true (shown (&member, "server-error"));
  g_assert_true (shown (&member, "code-error"));
  g_assert_true (shown (&member, "label-error"));
  g_assert_false (shown (&member, "fingerprint-error"));

  /* not https, a fingerprint that is none */
  fill (&member, "http://127.0.0.1", "not a fingerprint", "x", "Office laptop 2");
  g_signal_emit_by_name (named (&member, "enrol-button"), "clicked");
  g_assert_false (lin_sync_enrol_page_get_busy (page));
  g_assert_true (shown (&member, "server-error"));
  g_assert_nonnull (strstr (text (&member, "server-error"), "https://"));
  g_assert_true (shown (&member, "fingerprint-error"));
  g_assert_false (shown (&member, "code-error"));
  /* correcting a field takes its warning away */
  set_text (&member, "server-entry", server->url);
  g_assert_false (shown (&member, "server-error"));

  /* a code the server does not take: said at the code, all kept */
  fill (&member, server->url, fingerprint, "hello, world", "Office laptop 2");
  press_enrol (&member, page);
  g_assert_true (shown (&member, "code-error"));
  g_assert_false (shown (&member, "server-error"));
  g_assert_cmpstr (lin_sync_enrol_page_get_state (page), ==, "form");
  g_assert_cmpstr (text (&member, "server-entry"), ==, server->url);
  g_assert_cmpstr (text (&member, "fingerprint-entry"), ==, fingerprint);
  g_assert_cmpstr (text (&member, "code-entry"), ==, "hello, world");
  g_assert_cmpstr (text (&member, "label-entry"), ==, "Office laptop 2");
  g_assert_null (lin_context_get_sync (member.context));

  /* a server that does not answer: said at the server, all kept */
  fill (&member, unreachable, fingerprint, invite, "Office laptop 2");
  press_enrol (&member, page);
  g_assert_true (shown (&member, "server-error"));
  g_assert_false (shown (&member, "code-error"));
  g_assert_cmpstr (text (&member, "server-entry"), ==, unreachable);
  g_assert_cmpstr (text (&member, "code-entry"), ==, invite);
  g_assert_null (lin_context_get_sync (member.context));

  /* the right server with no fingerprint for its own certificate: said at
   * the server, and the invite not used up */
  fill (&member, server->url, "", invite, "Office laptop 2");
  press_enrol (&member, page);
  g_assert_true (shown (&member, "server-error"));
  g_assert_nonnull (strstr (text (&member, "server-error"), "fingerprint"));
  g_assert_null (lin_context_get_sync (member.context));

  /* a lock closes the page and leaves no code on it */
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *)&page);
  lin_context_lock (member.context);
  /* the code goes at once; the page with the window's transition */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (lin_test_named (GTK_WIDGET (page), "code-entry"))), ==, "");
  g_assert_true (lin_test_wait_for (is_closed, &page, 10000));
  if (page != NULL)
    g_object_remove_weak_pointer (G_OBJECT (page), (gpointer *)&page);
  g_assert_false (shown (&member, "organisation-group"));
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (lin_context_unlock (member.context, member.profile_dir, PASSPHRASE, &error));
    g_assert_no_error (error);
  }
  lin_test_spin (200);
  g_assert_true (shown (&member, "organisation-group"));
  g_assert_true (shown (&member, "join-row"));
}

static void
test_found (void)
{
  const char *args[] = { "org", "create", server->dir, "--name", "SOS (izmišljena)", NULL };
  LinSyncEnrolPage *page;
  LinSync *sync;

  {
    g_autofree char *out = NULL;
    g_auto(GStrv) lines = NULL;

    g_assert_cmpint (lin_test_server_cli_v (&out, NULL, args), ==, 0);
    lines = g_strsplit (out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), >=, 2);
    org_id = g_strdup (lines[0]);
    founding = g_strdup (lines[1]);
  }

  page = open_enrol (&coordinator, "found-row");
  /* the devices' list is the coordinator's, once she is one */
  g_assert_false (shown (&coordinator, "devices-group"));
  /* a fingerprint as a browser shows it: upper case, colons */
  {
    g_autoptr(GString) colons = g_string_new (NULL);

    for (guint i = 0; fingerprint[i] != '\0'; i += 2)
      g_string_append_printf (colons, "%s%c%c", i ? ":" : "", g_ascii_toupper (fingerprint[i]),
                              g_ascii_toupper (fingerprint[i + 1]));
    fill (&coordinator, server->url, colons->str, founding, "Coordinator laptop");
  }
  press_enrol (&coordinator, page);
  g_assert_false (shown (&coordinator, "code-error"));
  g_assert_false (shown (&coordinator, "server-error"));
  g_assert_false (shown (&coordinator, "enrol-status"));
  g_assert_cmpstr (lin_sync_enrol_page_get_state (page), ==, "founded");

  sync = lin_context_get_sync (coordinator.context);
  g_assert_nonnull (sync);
  g_assert_true (lin_sync_is_coordinator (sync));

  /* back in Organisation: where, what and who */
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (coordinator.window));
  lin_test_spin (600);
  g_assert_false (shown (&coordinator, "found-row"));
  g_assert_false (shown (&coordinator, "join-row"));
  g_assert_true (shown (&coordinator, "server-row"));
  g_assert_true (shown (&coordinator, "org-row"));
  g_assert_true (any_text (org_id));
  g_assert_cmpstr (text (&coordinator, "org-state"), ==, "Approved");
  g_assert_true (any_text ("Coordinator’s"));
  g_assert_true (shown (&coordinator, "devices-group"));
}

static gboolean
n_devices_is (gpointer data)
{
  LinSyncDevicesGroup *group = LIN_SYNC_DEVICES_GROUP (lin_test_named (coordinator.window, "devices-group"));

  return !lin_sync_device_list_get_busy (LIN_SYNC_DEVICE_LIST (group)) &&
         lin_sync_device_list_get_n_devices (LIN_SYNC_DEVICE_LIST (group)) == GPOINTER_TO_UINT (data);
}

static gboolean
member_approved (gpointer data)
{
  return shown (&member, "enrol-approved");
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *)data == NULL;
}

/* A window of its own (a dialog) named @name, or NULL */
static GtkWidget *
toplevel_named (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), name) == 0 && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static gboolean
invite_shown (gpointer data)
{
  return toplevel_named ("invite-dialog") != NULL;
}

/* The coordinator's Invite a Laptop…: a code in a dialog */
static char *
invite_from_the_app (void)
{
  GtkWidget *dialog;
  char *code;

  preferences (&coordinator);
  g_assert_true (shown (&coordinator, "invite-row"));
  g_assert_true (gtk_widget_activate (named (&coordinator, "invite-row")));
  g_assert_true (lin_test_wait_for (invite_shown, NULL, 30000));
  dialog = toplevel_named ("invite-dialog");
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (lin_test_named (dialog, "invite-code"))));
  code = g_strdup (gtk_label_get_text (GTK_LABEL (lin_test_named (dialog, "invite-code"))));
  gtk_window_destroy (GTK_WINDOW (dialog));
  lin_test_spin (50);

  return code;
}

static void
test_join_and_approve (void)
{
  g_autofree char *invite = NULL;
  g_autofree char *number = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *dashed = NULL;
  g_autoptr(GRegex) shape = g_regex_new ("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$", 0, 0, NULL);
  LinSyncDevicesGroup *group;
  LinSyncEnrolPage *page;
  GtkWidget *dialog;

  g_assert_nonnull (org_id);
  invite = invite_from_the_app ();
  g_assert_cmpuint (strlen (invite), >=, 32);

  /* she joins with the code from the coordinator's laptop; her page shows
   * the safety number, waiting */
  page = open_enrol (&member, "join-row");
  fill (&member, server->url, fingerprint, invite, "Office laptop 2");
  press_enrol (&member, page);
  g_assert_false (shown (&member, "code-error"));
  g_assert_false (shown (&member, "server-error"));
  g_assert_cmpstr (lin_sync_enrol_page_get_state (page), ==, "number");
  number = g_strdup (text (&member, "safety-number"));
  g_assert_true (g_regex_match (shape, number, 0, NULL));
  {
    g_autofree char *own = lin_sync_dup_safety_number (lin_context_get_sync (member.context));

    g_assert_cmpstr (number, ==, own);
  }
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (named (&member, "safety-number"))));
  g_assert_true (shown (&member, "enrol-waiting"));
  g_assert_false (shown (&member, "enrol-approved"));

  /* the coordinator's list shows it, with its label */
  preferences (&coordinator);
  group = LIN_SYNC_DEVICES_GROUP (named (&coordinator, "devices-group"));
  g_signal_emit_by_name (named (&coordinator, "refresh-button"), "clicked");
  g_assert_true (lin_test_wait_for (n_devices_is, GUINT_TO_POINTER (1), 30000));
  g_assert_false (shown (&coordinator, "devices-empty"));
  g_assert_true (any_text ("Office laptop 2"));

  /* a wrong number: Approve stays off, and she is told not to */
  g_assert_true (gtk_widget_is_sensitive (named (&coordinator, "approve-button")));
  dialog = lin_sync_devices_group_approve (group, 0);
  g_assert_true (LIN_IS_SYNC_APPROVE_DIALOG (dialog));
  lin_test_spin (200);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "approve"));
  wrong = g_strdup (number);
  wrong[0] = wrong[0] == '9' ? '1' : wrong[0] + 1;
  /* half typed is not wrong yet */
  lin_test_type (lin_test_named (dialog, "safety-entry"), "1234");
  g_assert_false (gtk_widget_get_visible (lin_test_named (dialog, "safety-mismatch")));
  gtk_editable_set_text (GTK_EDITABLE (lin_test_named (dialog, "safety-entry")), "");
  lin_test_type (lin_test_named (dialog, "safety-entry"), wrong);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "approve"));
  g_assert_true (gtk_widget_get_visible (lin_test_named (dialog, "safety-mismatch")));
  g_assert_false (gtk_widget_get_visible (lin_test_named (dialog, "safety-match")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (lin_test_named (dialog, "safety-mismatch"))),
                            "Do not approve"));
  /* the number it expects is nowhere in the dialog */
  {
    g_autoptr(GPtrArray) texts = lin_test_collect_texts (dialog);

    for (guint i = 0; i < texts->len; i++)
      g_assert_null (strstr (texts->pdata[i], number));
  }

  /* a lock closes the dialog; unlocked, the list comes back */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  lin_context_lock (coordinator.context);
  g_assert_true (lin_test_wait_for (is_gone, &dialog, 5000));
  g_assert_false (shown (&coordinator, "devices-group"));
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (lin_context_unlock (coordinator.context, coordinator.profile_dir, PASSPHRASE, &error));
    g_assert_no_error (error);
  }
  g_assert_true (lin_test_wait_for (n_devices_is, GUINT_TO_POINTER (1), 30000));
  g_assert_true (shown (&coordinator, "devices-group"));

  /* the right number, typed as she heard it, with dashes: approved */
  dialog = lin_sync_devices_group_approve (group, 0);
  g_assert_nonnull (dialog);
  dashed = g_strdelimit (g_strdup (number), " ", '-');
  lin_test_type (lin_test_named (dialog, "safety-entry"), dashed);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "approve"));
  g_assert_false (gtk_widget_get_visible (lin_test_named (dialog, "safety-mismatch")));
  g_assert_true (gtk_widget_get_visible (lin_test_named (dialog, "safety-match")));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "approve");
  g_assert_true (lin_test_wait_for (n_devices_is, GUINT_TO_POINTER (0), 30000));
  g_assert_true (shown (&coordinator, "devices-empty"));
  g_assert_false (shown (&coordinator, "devices-error"));
  g_assert_true (any_text ("“Office laptop 2” is approved"));

  /* the server agrees; the member's page turns approved on its own */
  {
    g_autofree char *out = NULL;
    const char *list[] = { "devices", server->dir, "--org", org_id, NULL };

    g_assert_cmpint (lin_test_server_cli_v (&out, NULL, list), ==, 0);
    g_assert_null (strstr (out, "pending"));
  }
  g_assert_true (lin_test_wait_for (member_approved, NULL, 60000));
  g_assert_false (shown (&member, "enrol-waiting"));
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (member.window));
  lin_test_spin (600);
  g_assert_cmpstr (text (&member, "org-state"), ==, "Approved");
  g_assert_cmpstr (text (&member, "org-safety-number"), ==, number);
  /* a member has no list of devices */
  g_assert_false (shown (&member, "devices-group"));
}

static gboolean
n_approved_is (gpointer data)
{
  LinSyncMembersGroup *group = LIN_SYNC_MEMBERS_GROUP (lin_test_named (coordinator.window, "members-group"));

  return !lin_sync_device_list_get_busy (LIN_SYNC_DEVICE_LIST (group)) &&
         lin_sync_device_list_get_n_devices (LIN_SYNC_DEVICE_LIST (group)) == GPOINTER_TO_UINT (data);
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

static void
test_revoke (void)
{
  LinSyncMembersGroup *group;
  LinSync *sync = lin_context_get_sync (coordinator.context);
  LinStore *store = lin_sync_get_store (sync);
  guint32 epoch = lin_store_get_key_epoch (store);
  GtkWidget *own, *other, *dialog;
  guint member_at;

  /* hers and the member's, the list refreshed on its own after approving */
  preferences (&coordinator);
  g_assert_true (shown (&coordinator, "members-group"));
  group = LIN_SYNC_MEMBERS_GROUP (named (&coordinator, "members-group"));
  g_assert_true (lin_test_wait_for (n_approved_is, GUINT_TO_POINTER (2), 30000));
  own = named (&coordinator, "own-device-row");
  other = named (&coordinator, "member-row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (own)), ==, "Coordinator laptop");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (other)), ==, "Office laptop 2");
  g_assert_true (gtk_widget_is_visible (lin_test_named (own, "own-device-label")));
  g_assert_null (lin_test_find_named (own, "revoke-button"));
  g_assert_true (gtk_widget_is_visible (lin_test_named (other, "revoke-button")));
  g_assert_true (gtk_widget_is_sensitive (lin_test_named (other, "revoke-button")));
  member_at = gtk_widget_get_prev_sibling (own) == other ? 0 : 1;
  g_assert_null (lin_sync_members_group_revoke (group, 1 - member_at));

  /* Cancel: nothing changes */
  dialog = lin_sync_members_group_revoke (group, member_at);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  lin_test_spin (200);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "will no longer sync"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Office laptop 2"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revoke"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (lin_test_wait_for (is_gone, &dialog, 5000));
  lin_test_spin (300);
  g_assert_false (lin_sync_device_list_get_busy (LIN_SYNC_DEVICE_LIST (group)));
  g_assert_cmpuint (lin_sync_device_list_get_n_devices (LIN_SYNC_DEVICE_LIST (group)), ==, 2);
  g_assert_cmpuint (lin_store_get_key_epoch (store), ==, epoch);

  /* a lock closes the dialog */
  dialog = lin_sync_members_group_revoke (group, member_at);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  lin_context_lock (coordinator.context);
  g_assert_true (lin_test_wait_for (is_gone, &dialog, 5000));
  g_assert_false (shown (&coordinator, "members-group"));
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (lin_context_unlock (coordinator.context, coordinator.profile_dir, PASSPHRASE, &error));
    g_assert_no_error (error);
  }
  g_assert_true (lin_test_wait_for (n_approved_is, GUINT_TO_POINTER (2), 30000));
  sync = lin_context_get_sync (coordinator.context);
  store = lin_sync_get_store (sync);
  other = named (&coordinator, "member-row");
  member_at = gtk_widget_get_prev_sibling (named (&coordinator, "own-device-row")) == other ? 0 : 1;

  /* Revoke: the button off while it works, then the row goes */
  dialog = lin_sync_members_group_revoke (group, member_at);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "revoke");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (lin_sync_device_list_get_busy (LIN_SYNC_DEVICE_LIST (group)));
  g_assert_false (gtk_widget_is_sensitive (lin_test_named (other, "revoke-button")));
  g_assert_true (lin_test_wait_for (n_approved_is, GUINT_TO_POINTER (1), 60000));
  g_assert_false (shown (&coordinator, "members-error"));
  g_assert_null (lin_test_find_named (coordinator.window, "member-row"));
  g_assert_true (shown (&coordinator, "own-device-row"));
  g_assert_true (any_text ("“Office laptop 2” is revoked"));
  g_assert_cmpuint (lin_store_get_key_epoch (store), ==, epoch + 1);

  /* the member's next sync is refused, and says so */
  {
    LinSync *member_sync = lin_context_get_sync (member.context);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    lin_sync_run_async (member_sync, NULL, run_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    lin_sync_run_finish (member_sync, result, &error);
    g_assert_cmpint (lin_sync_get_status (member_sync), ==, LIN_SYNC_STATUS_ATTENTION);
    g_assert_cmpint (lin_sync_get_problem (member_sync), ==, LIN_SYNC_PROBLEM_REFUSED);
  }
}

static gboolean
devices_idle (gpointer data)
{
  return !lin_sync_device_list_get_busy (data);
}

/* Last: the server gone, Refresh says so and keeps the list */
static void
test_server_gone (void)
{
  LinSyncDevicesGroup *group;

  preferences (&coordinator);
  group = LIN_SYNC_DEVICES_GROUP (named (&coordinator, "devices-group"));
  g_assert_cmpint (lin_test_server_stop (server), ==, 0);

  g_signal_emit_by_name (named (&coordinator, "refresh-button"), "clicked");
  g_assert_true (lin_sync_device_list_get_busy (LIN_SYNC_DEVICE_LIST (group)));
  g_assert_true (lin_test_wait_for (devices_idle, group, 60000));
  g_assert_true (shown (&coordinator, "devices-error"));
  g_assert_nonnull (strstr (text (&coordinator, "devices-error"), "No answer from the server"));
  g_assert_true (shown (&coordinator, "devices-group"));
  g_assert_true (shown (&coordinator, "organisation-group"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  lin_test_init (&argc, &argv);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_setenv ("LINIJA_KDF", "floor", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  lin_i18n_init ("en");
  adw_init ();

  server = lin_test_server_new ();
  lin_test_server_run (server);
  {
    g_autoptr(GByteArray) der = NULL;

    g_object_get (server->pinned, "certificate", &der, NULL);
    fingerprint = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
  }

  settings = lin_settings_new (&error);
  g_assert_no_error (error);
  laptop_open (&coordinator, "Coordinator");
  laptop_open (&member, "Member");

  g_test_add_func ("/gui/sync-enrol/found", test_found);
  g_test_add_func ("/gui/sync-enrol/refused", test_refused);
  g_test_add_func ("/gui/sync-enrol/join-and-approve", test_join_and_approve);
  g_test_add_func ("/gui/sync-enrol/revoke", test_revoke);
  g_test_add_func ("/gui/sync-enrol/server-gone", test_server_gone);

  ret = g_test_run ();

  laptop_close (&coordinator);
  laptop_close (&member);
  g_clear_object (&settings);
  if (server->proc != NULL)
    g_assert_cmpint (lin_test_server_stop (server), ==, 0);
  lin_test_server_free (server);
  g_free (fingerprint);
  g_free (org_id);
  g_free (founding);

  return ret;
}
