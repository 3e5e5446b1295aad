/* lin-roster-export.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shifts out of Linija, into a calendar: an iCalendar file (lin-roster-ics.c)
 * of one person's shifts, a line's or all of them. The file is not
 * encrypted and names the people on the shifts, so a dialog says so
 * before the file chooser; what is chosen there is written whole or not
 * at all, readable by its owner alone. A volunteer's own shifts are one
 * dialog away in My Shifts; a coordinator picks a line or a person. GTK's
 * file chooser puts the file it saved into the account's recently used
 * files, where anyone who shares the laptop would see it: Linija takes it
 * out again.
 */

#define G_LOG_DOMAIN "lin-roster-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lin-roster-export.h"
#include "lin-roster-ics.h"

typedef struct
{
  GtkWindow            *parent;
  LinRoster            *roster;
  char                 *person_id;
  char                 *line_id;
  GtkWidget            *which;     /* the drop-down of whose shifts, or NULL */
  GArray               *choices;   /* of Choice, the drop-down's entries */
  GtkFileChooserNative *chooser;
} Export;

typedef struct
{
  int person;  /* -1 */
  int line;    /* -1 */
} Choice;

static void
export_free (Export *export)
{
  g_clear_object (&export->parent);
  g_clear_pointer (&export->roster, lin_roster_unref);
  g_free (export->person_id);
  g_free (export->line_id);
  g_clear_pointer (&export->choices, g_array_unref);
  if (export->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (export->chooser));
  g_clear_object (&export->chooser);
  g_free (export);
}

static const char *
field (LinRecord  *record,
       const char *name)
{
  const char *value = lin_record_get_string (record, name);

  return value != NULL ? value : "";
}

/* Out of the recently used files, if the file chooser put it there */
static void
forget_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentManager *recent = gtk_recent_manager_get_default ();

  if (gtk_recent_manager_has_item (recent, uri))
    gtk_recent_manager_remove_item (recent, uri, NULL);
}

/**
 * lin_roster_export_calendar_to_file:
 * @roster: a #LinRoster
 * @person_id: (nullable): only this person's shifts
 * @line_id: (nullable): only this line's shifts
 * @file: where to write
 * @error: a location for a #GError
 *
 * Writes the shifts as iCalendar to @file, readable by its owner alone,
 * and keeps it out of the recently used files.
 *
 * Returns: %TRUE on success
 */
gboolean
lin_roster_export_calendar_to_file (LinRoster   *roster,
                                    const char  *person_id,
                                    const char  *line_id,
                                    GFile       *file,
                                    GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *ics = NULL;

  g_return_val_if_fail (roster != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  ics = lin_roster_export_ics (roster, person_id, line_id, now, error);
  if (ics == NULL)
    return FALSE;

  /* the user chose this file: no backup beside it, written whole or not */
  if (!g_file_replace_contents (file, ics, strlen (ics), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE,
                                NULL, NULL, error))
    return FALSE;

  forget_recent (file);

  return TRUE;
}

static void
show_error (GtkWindow  *parent,
            const char *message)
{
  /* Translators: the heading of an error when shifts could not be saved as a calendar file */
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The Shifts Were Not Saved"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           Export          *export)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL &&
      !lin_roster_export_calendar_to_file (export->roster, export->person_id, export->line_id, file, &error))
    show_error (export->parent, error->message);

  export_free (export);
}

static void
choose_file (Export *export)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* Translators: a kind of file in the file chooser */
  gtk_file_filter_set_name (filter, _("Calendar files"));
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");

  export->chooser = gtk_file_chooser_native_new (/* Translators: the title of a file chooser */
                                                 _("Save the Shifts"), export->parent,
                                                 GTK_FILE_CHOOSER_ACTION_SAVE,
                                                 /* Translators: a button of a file chooser */
                                                 _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (export->chooser), filter);
  /* Translators: the name a calendar file of shifts is offered under */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (export->chooser), _("shifts.ics"));
  g_signal_connect (export->chooser, "response", G_CALLBACK (chosen_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (export->chooser));
}

/* The export belongs to the dialog until Save: a dialog destroyed
 * unanswered (Linija locked) takes the roster with it */
static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          data)
{
  Export *export;

  if (!g_str_equal (response, "save"))
    return;

  export = g_object_steal_data (G_OBJECT (dialog), "export");

  if (export->which != NULL)
    {
      guint position = gtk_drop_down_get_selected (GTK_DROP_DOWN (export->which));
      Choice *choice = position < export->choices->len ? &g_array_index (export->choices, Choice, position) : NULL;

      if (choice != NULL && choice->person >= 0)
        export->person_id = g_strdup (lin_record_get_id_string (lin_roster_get_person (export->roster,
                                                                                      choice->person)));
      if (choice != NULL && choice->line >= 0)
        export->line_id = g_strdup (lin_record_get_id_string (lin_roster_get_line (export->roster, choice->line)));
    }
  choose_file (export);
}

/* The drop-down of whose shifts: everyone's, a line's, a person's */
static GtkWidget *
which_drop_down (Export *export)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *drop_down;
  Choice all = { -1, -1 };

  export->choices = g_array_new (FALSE, FALSE, sizeof (Choice));
  /* Translators: in the drop-down of whose shifts go into a calendar file */
  gtk_string_list_append (names, _("All shifts"));
  g_array_append_val (export->choices, all);
  for (guint l = 0; l < lin_roster_get_n_lines (export->roster); l++)
    {
      Choice choice = { -1, l };

      gtk_string_list_append (names, field (lin_roster_get_line (export->roster, l), LIN_LINE_FIELD_NAME));
      g_array_append_val (export->choices, choice);
    }
  for (guint p = 0; p < lin_roster_get_n_people (export->roster); p++)
    {
      Choice choice = { p, -1 };

      gtk_string_list_append (names, field (lin_roster_get_person (export->roster, p), LIN_PERSON_FIELD_ALIAS));
      g_array_append_val (export->choices, choice);
    }

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_widget_set_name (drop_down, "roster-export-which");
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  /* Translators: what a screen reader calls the drop-down of whose shifts */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Whose shifts"),
                                  -1);

  return drop_down;
}

/**
 * lin_roster_export_calendar:
 * @parent: the window the dialogs belong to
 * @roster: a #LinRoster
 * @person: the person whose shifts to save, or -1 to let the user
 *   choose a line or a person
 *
 * Says that the file is not encrypted, then asks where to save it.
 *
 * Returns: (transfer none): the first dialog
 */
GtkWidget *
lin_roster_export_calendar (GtkWindow *parent,
                            LinRoster *roster,
                            int        person)
{
  Export *export;
  GtkWidget *dialog;

  g_return_val_if_fail (roster != NULL, NULL);

  export = g_new0 (Export, 1);
  export->parent = parent != NULL ? g_object_ref (parent) : NULL;
  export->roster = lin_roster_ref (roster);
  if (person >= 0 && person < (int)lin_roster_get_n_people (roster))
    export->person_id = g_strdup (lin_record_get_id_string (lin_roster_get_person (roster, person)));

  dialog = adw_message_dialog_new (parent,
                                   /* Translators: the heading of the warning before shifts are
                                    * saved as a calendar file */
                                   _("Save Shifts as a Calendar File?"),
                                   /* Translators: the warning before shifts are saved as a calendar file */
                                   _("The file is not encrypted: whoever opens it sees the shifts and the names of the people on them. Keep it on your own device or calendar."));
  if (export->person_id == NULL)
    {
      export->which = which_drop_down (export);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), export->which);
    }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    /* Translators: a button: go on to choose where to save the calendar file */
                                    "save", _("_Save…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "export", export, (GDestroyNotify)export_free);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}
