/* lin-directory-view.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Directory section: the search (focused when the section opens), the
 * services found, and the chosen one's details, with Add, Edit and Delete
 * for the coordinator who keeps the directory, and CSV import and export.
 *
 * An import reads the whole file first and shows what it found: the
 * services it would add, or every bad row by its line number. Nothing is
 * saved until the coordinator confirms, and then all of it is saved in one
 * transaction, so a file never half-imports.
 */

#define G_LOG_DOMAIN "lin-directory-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-directory-csv.h"
#include "lin-directory-view.h"
#include "lin-service-details.h"
#include "lin-service-editor.h"
#include "lin-service-search.h"
#include "lin-service-ui.h"

/* a directory file is a few hundred kilobytes; refuse what cannot be one */
#define IMPORT_MAX_BYTES (64 * 1024 * 1024)

struct _LinDirectoryView
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  AdwLeaflet        *leaflet;
  GtkBox            *search_pane;
  GtkBox            *details_pane;
  GtkWidget         *back_button;
  GtkWidget         *demo_label;

  /* Owned */
  LinContext        *context;
  GtkFileChooserNative *chooser;
  guint              details_timeout;

  /* Borrowed */
  LinServiceSearch  *search;
  LinServiceDetails *details;
};

G_DEFINE_FINAL_TYPE (LinDirectoryView, lin_directory_view, ADW_TYPE_BIN)

static LinStore *
store (LinDirectoryView *self)
{
  return self->context != NULL ? lin_context_get_store (self->context) : NULL;
}

static GtkWindow *
window (LinDirectoryView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
update_details (LinDirectoryView *self)
{
  LinRecord *selected = lin_service_search_get_selected (self->search);

  g_clear_handle_id (&self->details_timeout, g_source_remove);
  lin_service_details_set_service (self->details, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->details), selected != NULL);
}

static gboolean
details_timeout_cb (gpointer user_data)
{
  LinDirectoryView *self = user_data;

  self->details_timeout = 0;
  update_details (self);

  return G_SOURCE_REMOVE;
}

static void
update (LinDirectoryView *self)
{
  LinDirectory *directory = self->context != NULL ? lin_context_get_directory (self->context) : NULL;
  gboolean any = directory != NULL && lin_directory_get_n_services (directory) > 0;
  LinRecord *selected = lin_service_search_get_selected (self->search);
  GtkWidget *empty_page = gtk_stack_get_child_by_name (self->stack, "empty");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = GTK_IS_WINDOW (root) ? gtk_window_get_focus (GTK_WINDOW (root)) : NULL;
  gboolean was_empty = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "services" : "empty");
  /* the first services came (an import): the keyboard goes to the search */
  if (any && was_empty && focus != NULL && gtk_widget_is_ancestor (focus, empty_page))
    gtk_widget_grab_focus (GTK_WIDGET (self->search));
  gtk_widget_set_visible (self->demo_label, self->context != NULL && lin_context_get_demo (self->context));
  update_details (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.edit", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.delete", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.export", any);
}

/* While she types, the list follows every letter within a frame; the
 * details, a page of widgets, follow the chosen service once the typing
 * pauses */
#define DETAILS_DELAY_MS 120

static void
selected_changed_cb (LinDirectoryView *self)
{
  LinRecord *selected = lin_service_search_get_selected (self->search);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.edit", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.delete", selected != NULL);

  if (selected == lin_service_details_get_service (self->details))
    {
      g_clear_handle_id (&self->details_timeout, g_source_remove);
      return;
    }

  g_clear_handle_id (&self->details_timeout, g_source_remove);
  self->details_timeout = g_timeout_add (DETAILS_DELAY_MS, details_timeout_cb, self);
}

static void
directory_changed_cb (LinDirectoryView *self)
{
  update (self);
}

static void
activated_cb (LinDirectoryView *self,
              LinRecord        *service)
{
  update_details (self);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->details_pane));
}

static void
folded_changed_cb (LinDirectoryView *self)
{
  gtk_widget_set_visible (self->back_button, adw_leaflet_get_folded (self->leaflet));
}

static void
back_clicked_cb (LinDirectoryView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->search_pane));
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

/* Add, edit, delete */

static void
saved_cb (LinDirectoryView *self,
          LinRecord        *service)
{
  /* the index is rebuilt (directory-changed); show the saved service */
  lin_service_search_refresh (self->search);
  lin_service_search_select (self->search, service);
  update (self);
}

static void
open_editor (LinDirectoryView *self,
             LinRecord        *service)
{
  LinServiceEditor *editor;

  if (store (self) == NULL)
    return;

  editor = lin_service_editor_new (window (self), store (self), service);
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  open_editor (LIN_DIRECTORY_VIEW (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LinDirectoryView *self = LIN_DIRECTORY_VIEW (widget);
  LinRecord *service = lin_service_search_get_selected (self->search);

  /* what is shown is what is edited */
  update_details (self);
  if (service != NULL)
    open_editor (self, service);
}

static void
show_error (LinDirectoryView *self,
            const char       *heading,
            const char       *body)
{
  GtkWidget *dialog = adw_message_dialog_new (window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    LinDirectoryView *self)
{
  LinRecord *service = g_object_get_data (G_OBJECT (dialog), "service");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || store (self) == NULL)
    return;

  if (!lin_store_delete (store (self), service, &error))
    /* Translators: the heading of an error when a service could not be deleted */
    show_error (self, _("The Service Was Not Deleted"), error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LinDirectoryView *self = LIN_DIRECTORY_VIEW (widget);
  LinRecord *service = lin_service_search_get_selected (self->search);
  GtkWidget *dialog;

  if (service == NULL)
    return;

  /* what is shown is what is deleted */
  update_details (self);

  dialog = adw_message_dialog_new (window (self),
                                   /* Translators: the heading of the question before a
                                    * service is removed from the directory */
                                   _("Delete This Service?"),
                                   /* Translators: the question before a service is
                                    * removed from the directory */
                                   _("It leaves the directory of every counsellor of the line. Calls that referred callers to it keep what they say."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    /* Translators: a button: remove a service from the directory */
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "service", g_object_ref (service), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Import */

static void
import_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    LinDirectoryView *self)
{
  GPtrArray *services = g_object_get_data (G_OBJECT (dialog), "services");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "import") != 0 || store (self) == NULL)
    return;

  if (!lin_store_save_all (store (self), services, &error))
    /* Translators: the heading of an error when an import failed; nothing was imported */
    show_error (self, _("Nothing Was Imported"), error->message);
}

/* The dialog that shows what a file holds before anything is saved */
static GtkWidget *
import_preview (LinDirectoryView *self,
                const char       *file_name,
                GPtrArray        *services,
                GPtrArray        *problems)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *list, *scroller;

  if (problems->len > 0)
    {
      /* Translators: the heading of an import's preview when rows are bad */
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Problem in the File", "%u Problems in the File",
                                              problems->len),
                                 problems->len);
      /* Translators: an import's preview when rows are bad; %s: the file's name */
      body = g_strdup_printf (_("Nothing from “%s” was imported. Correct the lines below in the spreadsheet and import the file again."),
                              file_name);
    }
  else
    {
      /* Translators: the heading of an import's preview */
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Service?", "Import %u Services?",
                                              services->len),
                                 services->len);
      /* Translators: an import's preview; %s: the file's name */
      body = g_strdup_printf (_("These services from “%s” will be added to the directory."), file_name);
    }

  dialog = adw_message_dialog_new (window (self), heading, body);
  gtk_widget_set_name (dialog, "directory-import-preview");
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);

  list = gtk_list_box_new ();
  gtk_widget_set_name (list, "directory-import-rows");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  if (problems->len > 0)
    for (guint i = 0; i < problems->len; i++)
      {
        const LinCsvProblem *problem = g_ptr_array_index (problems, i);
        GtkWidget *row = adw_action_row_new ();

        /* the message says its line */
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->message);
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
        gtk_widget_add_css_class (row, "lin-import-problem");
        gtk_list_box_append (GTK_LIST_BOX (list), row);
      }
  else
    for (guint i = 0; i < services->len; i++)
      {
        JsonObject *fields = lin_record_get_fields (g_ptr_array_index (services, i));
        GtkWidget *row = adw_action_row_new ();
        g_autofree char *subtitle = lin_service_ui_subtitle (fields, now);

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                       json_object_get_string_member_with_default (fields, "name", ""));
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        gtk_list_box_append (GTK_LIST_BOX (list), row);
      }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_set_size_request (scroller, 480, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);

  if (problems->len > 0)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
    }
  else
    {
      /* Translators: a button of an import's preview: save the services */
      g_autofree char *import = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Service", "_Import %u Services",
                                                              services->len),
                                                 services->len);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "import", import,
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "services", g_ptr_array_ref (services),
                              (GDestroyNotify)g_ptr_array_unref);
      g_signal_connect_object (dialog, "response", G_CALLBACK (import_response_cb), self, 0);
    }

  return dialog;
}

/**
 * lin_directory_view_import_file:
 * @self: a #LinDirectoryView
 * @file: a CSV file
 *
 * Reads @file and shows its preview (what the Import menu item does after
 * the file chooser).
 *
 * Returns: (transfer none): the preview dialog, or an error dialog
 */
GtkWidget *
lin_directory_view_import_file (LinDirectoryView *self,
                                GFile            *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dialog;
  gsize length = 0;

  g_return_val_if_fail (LIN_IS_DIRECTORY_VIEW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info != NULL)
    name = g_strdup (g_file_info_get_display_name (info));
  if (info != NULL && g_file_info_get_size (info) > IMPORT_MAX_BYTES)
    {
      /* Translators: an import refused; %s: the file's name */
      g_autofree char *body = g_strdup_printf (_("“%s” is too large to be a directory."), name);

      dialog = adw_message_dialog_new (window (self), _("Nothing Was Imported"), body);
    }
  else if (info == NULL || !g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    {
      dialog = adw_message_dialog_new (window (self), _("Nothing Was Imported"), error->message);
    }
  else
    {
      services = lin_directory_csv_read (contents, length, &problems);
      if (services->len == 0 && problems->len == 0)
        /* Translators: an import of a CSV file with no services in it */
        dialog = adw_message_dialog_new (window (self), _("Nothing Was Imported"),
                                         _("The file holds no services."));
      else
        dialog = import_preview (self, name, services, problems);
    }

  if (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)) == NULL &&
      !adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "close"))
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
import_chosen_cb (GtkNativeDialog  *chooser,
                  int               response,
                  LinDirectoryView *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    lin_directory_view_import_file (self, file);
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  /* Translators: a kind of file in the file chooser */
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");

  return filter;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LinDirectoryView *self = LIN_DIRECTORY_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = csv_filter ();

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (/* Translators: the title of a file chooser */
                                               _("Import Services"), window (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               /* Translators: a button of a file chooser */
                                               _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (import_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Export */

/**
 * lin_directory_view_export_file:
 * @self: a #LinDirectoryView
 * @file: where to write
 * @error: a location for a #GError
 *
 * Writes every service to @file as CSV (what the Export menu item does
 * after the file chooser).
 *
 * Returns: %TRUE on success
 */
gboolean
lin_directory_view_export_file (LinDirectoryView  *self,
                                GFile             *file,
                                GError           **error)
{
  g_autoptr(GPtrArray) services = NULL;
  g_autofree char *csv = NULL;

  g_return_val_if_fail (LIN_IS_DIRECTORY_VIEW (self), FALSE);

  if (store (self) == NULL)
    return FALSE;

  services = lin_store_list (store (self), LIN_SERVICE_KIND);
  csv = lin_directory_csv_write (services);

  /* the user chose this file: no backup beside it, written whole or not */
  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE,
                                  NULL, NULL, error);
}

static void
export_chosen_cb (GtkNativeDialog  *chooser,
                  int               response,
                  LinDirectoryView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL && !lin_directory_view_export_file (self, file, &error))
    /* Translators: the heading of an error when the directory could not be exported */
    show_error (self, _("The Directory Was Not Exported"), error->message);
}

static void
export_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    LinDirectoryView *self)
{
  g_autoptr(GtkFileFilter) filter = csv_filter ();

  if (g_strcmp0 (response, "export") != 0)
    return;

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (/* Translators: the title of a file chooser */
                                               _("Export the Directory"), window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               /* Translators: a button of a file chooser */
                                               _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* Translators: the name the exported directory's file is offered under */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("directory.csv"));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LinDirectoryView *self = LIN_DIRECTORY_VIEW (widget);
  GtkWidget *dialog;

  /* the file is not encrypted: say so before it is written */
  dialog = adw_message_dialog_new (window (self),
                                   /* Translators: the heading of the warning before the
                                    * directory is exported */
                                   _("Export the Directory?"),
                                   /* Translators: the warning before the directory is exported */
                                   _("The CSV file is not encrypted and holds every entry, confidential addresses and phones too. Keep it where only the line's coordinators can read it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    /* Translators: a button: go on to choose where to export */
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Overrides */

static void
lin_directory_view_dispose (GObject *object)
{
  LinDirectoryView *self = (LinDirectoryView *)object;

  g_clear_handle_id (&self->details_timeout, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, directory_changed_cb, self);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIN_TYPE_DIRECTORY_VIEW);

  G_OBJECT_CLASS (lin_directory_view_parent_class)->dispose (object);
}

static gboolean
lin_directory_view_grab_focus (GtkWidget *widget)
{
  LinDirectoryView *self = LIN_DIRECTORY_VIEW (widget);

  /* services saved a moment ago: their directory-changed may be to come */
  lin_service_search_refresh (self->search);
  update (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "services") == 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->search));

  return gtk_widget_child_focus (GTK_WIDGET (self->stack), GTK_DIR_TAB_FORWARD);
}

static void
lin_directory_view_class_init (LinDirectoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_directory_view_dispose;
  widget_class->grab_focus = lin_directory_view_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/linija/Linija/ui/lin-directory-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LinDirectoryView, stack);
  gtk_widget_class_bind_template_child (widget_class, LinDirectoryView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LinDirectoryView, search_pane);
  gtk_widget_class_bind_template_child (widget_class, LinDirectoryView, details_pane);
  gtk_widget_class_bind_template_child (widget_class, LinDirectoryView, back_button);
  gtk_widget_class_bind_template_child (widget_class, LinDirectoryView, demo_label);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "directory.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "directory.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "directory.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "directory.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "directory.export", NULL, export_action);
}

static void
lin_directory_view_init (LinDirectoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->search = LIN_SERVICE_SEARCH (lin_service_search_new (FALSE));
  gtk_widget_set_vexpand (GTK_WIDGET (self->search), TRUE);
  g_signal_connect_object (self->search, "notify::selected", G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "activated", G_CALLBACK (activated_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->search_pane, GTK_WIDGET (self->search));

  self->details = LIN_SERVICE_DETAILS (lin_service_details_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->details), TRUE);
  gtk_box_append (self->details_pane, GTK_WIDGET (self->details));

  update (self);
}

/**
 * lin_directory_view_set_context:
 * @self: a #LinDirectoryView
 * @context: (nullable): the context whose directory to show; %NULL when
 *   locked
 */
void
lin_directory_view_set_context (LinDirectoryView *self,
                                LinContext       *context)
{
  g_return_if_fail (LIN_IS_DIRECTORY_VIEW (self));

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, directory_changed_cb, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "directory-changed", G_CALLBACK (directory_changed_cb), self, G_CONNECT_SWAPPED);

  /* locked: nothing of the last search stays behind */
  lin_service_search_clear (self->search);
  lin_service_search_set_context (self->search, context != NULL && lin_context_get_store (context) != NULL ? context : NULL);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->search_pane));
  update (self);
}

LinServiceSearch *
lin_directory_view_get_search (LinDirectoryView *self)
{
  g_return_val_if_fail (LIN_IS_DIRECTORY_VIEW (self), NULL);

  return self->search;
}

LinServiceDetails *
lin_directory_view_get_details (LinDirectoryView *self)
{
  g_return_val_if_fail (LIN_IS_DIRECTORY_VIEW (self), NULL);

  return self->details;
}
