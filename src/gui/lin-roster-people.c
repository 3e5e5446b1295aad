/* lin-roster-people.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "People and Lines": the roster's people and its lines, each a list,
 * and the editor of one of them as the next page. Before it, they could
 * only be made with `linija-cli record put`.
 *
 * The editors write the formats of lin-roster.h, which the rules of
 * lin-roster.c read, and check what is typed by the same measures: a line's
 * hours by lin-hours' own parser, whose error is shown as it is. An editor
 * changes a copy of the record's fields, so a field it does not show is
 * kept, and only a whole, checked copy is set and saved. The first thing
 * wrong is said next to its field, and the keyboard goes there.
 *
 * Deleting a person deletes her assignments, which leaves gaps the roster
 * shows; deleting a line deletes its shifts and their assignments. The
 * question before says how many.
 *
 * Aliases are the roster's data: the window shows them nowhere else
 * (no title, no tooltip) and closes when the profile locks.
 */

#define G_LOG_DOMAIN "lin-roster-people"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lin-roster-people-private.h"

G_DEFINE_FINAL_TYPE (LinRosterPeople, lin_roster_people, ADW_TYPE_WINDOW)

static void show_lists (LinRosterPeople *self);

/* Helpers shared with the lists and the editors */

void
lin_roster_people_problem_set (LinRosterPeopleProblem *problem,
                               GtkWidget              *widget,
                               GtkWidget              *label,
                               GtkWidget              *focus,
                               char                   *message)
{
  if (problem == NULL || problem->message != NULL)
    {
      g_free (message);
      return;
    }

  problem->widget = widget;
  problem->label = label;
  problem->focus = focus != NULL ? focus : widget;
  problem->message = message;
}

GtkWidget *
lin_roster_people_error_label (const char *name)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_visible (label, FALSE);

  return label;
}

char *
lin_roster_people_dup_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

JsonArray *
lin_roster_people_get_array (JsonObject *fields,
                             const char *member)
{
  JsonNode *node = fields != NULL ? json_object_get_member (fields, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* A new object with the members of @object. A node copy shares what an
 * array or an object member holds: the editors write new arrays and
 * objects, never into those they were given. */
JsonObject *
lin_roster_people_copy_object (JsonObject *object)
{
  JsonObject *copy = json_object_new ();
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &node))
    json_object_set_member (copy, member, json_node_copy (node));

  return copy;
}

/* Helpers */

static LinStore *
store (LinRosterPeople *self)
{
  return self->context != NULL ? lin_context_get_store (self->context) : NULL;
}

static void
wipe_free (char *text)
{
  if (text != NULL)
    explicit_bzero (text, strlen (text));
  g_free (text);
}

static void
toast (LinRosterPeople *self,
       const char      *message)
{
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), adw_toast_new (message));
}

/* The record's fields as a new object, the editor's to change */
static JsonObject *
dup_original (LinRosterPeople *self)
{
  return lin_roster_people_copy_object (self->original);
}

/* Lists */

static gboolean
editing_is_gone (LinRosterPeople *self)
{
  const char *id;

  if (self->editing == NULL)
    return FALSE;
  if (self->roster == NULL)
    return TRUE;

  id = lin_record_get_id_string (self->editing);
  return g_strcmp0 (self->editing_kind, LIN_PERSON_KIND) == 0 ? lin_roster_find_person (self->roster, id) < 0
                                                               : lin_roster_find_line (self->roster, id) < 0;
}

static void
reload (LinRosterPeople *self)
{
  LinRoster *roster = self->context != NULL ? lin_context_get_roster (self->context) : NULL;

  g_clear_pointer (&self->roster, lin_roster_unref);
  if (roster != NULL)
    self->roster = lin_roster_ref (roster);
  lin_roster_people_fill_lists (self);

  /* deleted elsewhere (a sync, the command line): nothing left to edit */
  if (editing_is_gone (self))
    {
      show_lists (self);
      /* Translators: the person or line being edited was deleted meanwhile */
      toast (self, _("It was deleted meanwhile."));
    }
}

/* Editing */

static void
clear_errors (LinRosterPeople *self)
{
  for (guint i = 0; i < self->error_widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->error_widgets, i);

      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  g_ptr_array_set_size (self->error_widgets, 0);
  for (guint i = 0; i < self->error_labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (self->error_labels, i);

      gtk_label_set_text (GTK_LABEL (label), "");
      gtk_widget_set_visible (label, FALSE);
    }
  g_ptr_array_set_size (self->error_labels, 0);
}

/* The problem next to its field, and the keyboard there */
static void
show_problem (LinRosterPeople        *self,
              LinRosterPeopleProblem *problem)
{
  gtk_widget_add_css_class (problem->widget, "error");
  g_ptr_array_add (self->error_widgets, g_object_ref (problem->widget));
  if (problem->focus != problem->widget)
    g_ptr_array_add (self->error_widgets, g_object_ref (problem->focus));
  gtk_accessible_update_property (GTK_ACCESSIBLE (problem->focus),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem->message,
                                  -1);
  gtk_label_set_text (GTK_LABEL (problem->label), problem->message);
  gtk_widget_set_visible (problem->label, TRUE);
  g_ptr_array_add (self->error_labels, g_object_ref (problem->label));
  gtk_widget_grab_focus (problem->focus);
}

static JsonObject *
read_fields (LinRosterPeople        *self,
             LinRosterPeopleProblem *problem)
{
  JsonObject *fields = dup_original (self);

  if (g_strcmp0 (self->editing_kind, LIN_PERSON_KIND) == 0)
    lin_roster_people_read_person (self, fields, problem);
  else
    lin_roster_people_read_line (self, fields, problem);

  return fields;
}

static char *
dup_read_text (LinRosterPeople *self)
{
  g_autoptr(JsonObject) fields = read_fields (self, NULL);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), fields);

  return json_to_string (node, FALSE);
}

static void
edit (LinRosterPeople *self,
      const char      *kind,
      LinRecord       *record)
{
  gboolean person = g_str_equal (kind, LIN_PERSON_KIND);
  g_autoptr(JsonNode) node = NULL;
  const char *title;
  char *json;

  show_lists (self);
  self->editing_kind = person ? LIN_PERSON_KIND : LIN_LINE_KIND;
  self->editing = record != NULL ? g_object_ref (record) : NULL;
  json = record != NULL ? lin_record_dup_fields_json (record) : g_strdup ("{}");
  node = json_from_string (json, NULL);
  wipe_free (json);
  self->original = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_object_ref (json_node_get_object (node))
                                                                  : json_object_new ();

  if (person)
    lin_roster_people_load_person (self);
  else
    lin_roster_people_load_line (self);
  self->initial = dup_read_text (self);

  if (person)
    /* Translators: the heading of the person editor */
    title = record != NULL ? _("Edit Person") :
                             /* Translators: the heading of the person editor */
                             _("New Person");
  else
    /* Translators: the heading of the line editor */
    title = record != NULL ? _("Edit Line") :
                             /* Translators: the heading of the line editor */
                             _("New Line");
  adw_window_title_set_title (ADW_WINDOW_TITLE (self->editor_title), title);
  gtk_stack_set_visible_child_name (GTK_STACK (self->editor_stack), person ? "person" : "line");
  gtk_widget_set_visible (self->person_delete_group, record != NULL);
  gtk_widget_set_visible (self->line_delete_group, record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.save", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.delete", record != NULL);
  adw_leaflet_set_visible_child_name (ADW_LEAFLET (self->leaflet), "editor");
  gtk_widget_grab_focus (person ? self->alias_row : self->name_row);
}

/* Back to the lists; what the editor held goes */
static void
show_lists (LinRosterPeople *self)
{
  clear_errors (self);
  if (self->editing_kind != NULL)
    {
      if (g_str_equal (self->editing_kind, LIN_PERSON_KIND))
        lin_roster_people_clear_person (self);
      else
        {
          gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
          gtk_editable_set_text (GTK_EDITABLE (self->hours_row), "");
        }
    }
  self->editing_kind = NULL;
  g_clear_object (&self->editing);
  g_clear_pointer (&self->original, json_object_unref);
  g_clear_pointer (&self->initial, wipe_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.delete", FALSE);
  adw_leaflet_set_visible_child_name (ADW_LEAFLET (self->leaflet), "lists");
}

static gboolean
is_changed (LinRosterPeople *self)
{
  g_autofree char *now = NULL;
  gboolean changed;

  if (self->editing_kind == NULL)
    return FALSE;

  now = dup_read_text (self);
  changed = g_strcmp0 (now, self->initial) != 0;
  explicit_bzero (now, strlen (now));

  return changed;
}

static void
discard_response_cb (LinRosterPeople *self,
                     const char      *response)
{
  if (g_strcmp0 (response, "discard") == 0)
    show_lists (self);
}

static AdwMessageDialog *
question (LinRosterPeople *self,
          const char      *name,
          const char      *heading,
          const char      *body,
          const char      *response,
          const char      *label)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  gtk_widget_set_name (dialog, name);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  /* Translators: a button: keep the person or line, and what was typed */
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  return ADW_MESSAGE_DIALOG (dialog);
}

static void
back (LinRosterPeople *self)
{
  AdwMessageDialog *dialog;

  if (!is_changed (self))
    {
      show_lists (self);
      return;
    }

  /* Translators: the question when going back from an editor with changes */
  dialog = question (self, "people-discard-dialog", _("Discard Changes?"),
                     /* Translators: going back from the person or line editor */
                     _("What you changed here is not saved."), "discard",
                     /* Translators: a button: forget what was typed */
                     _("_Discard"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Deleting */

/* What goes with the edited record: a person's assignments; a line's
 * shifts and their assignments. Assignments first, the record last, so
 * that a failure halfway leaves nothing pointing at what is gone. */
static GPtrArray *
dup_doomed (LinRosterPeople *self,
            guint           *n_shifts)
{
  GPtrArray *doomed = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *shifts = g_ptr_array_new ();
  LinRoster *roster = self->roster;
  const char *id = lin_record_get_id_string (self->editing);
  gboolean person = g_str_equal (self->editing_kind, LIN_PERSON_KIND);
  int index = person ? lin_roster_find_person (roster, id) : lin_roster_find_line (roster, id);

  *n_shifts = 0;
  for (guint s = 0; index >= 0 && s < lin_roster_get_n_shifts (roster); s++)
    {
      gboolean of_line = !person && lin_roster_shift_get_line (roster, s) == index;

      for (guint i = 0; i < lin_roster_shift_get_n_assigned (roster, s); i++)
        {
          LinRecord *assignment = lin_roster_shift_get_assignment (roster, s, i);

          if (of_line || lin_roster_assignment_get_person (roster, assignment) == index)
            {
              g_ptr_array_add (doomed, g_object_ref (assignment));
              *n_shifts += !of_line;
            }
        }
      if (of_line)
        {
          g_ptr_array_add (shifts, lin_roster_get_shift (roster, s));
          *n_shifts += 1;
        }
    }
  for (guint i = 0; i < shifts->len; i++)
    g_ptr_array_add (doomed, g_object_ref (g_ptr_array_index (shifts, i)));
  g_ptr_array_unref (shifts);
  g_ptr_array_add (doomed, g_object_ref (self->editing));

  return doomed;
}

static void
delete_response_cb (LinRosterPeople *self,
                    const char      *response)
{
  g_autoptr(GPtrArray) doomed = NULL;
  g_autoptr(GError) error = NULL;
  guint n_shifts;

  if (g_strcmp0 (response, "delete") != 0 || self->editing == NULL || store (self) == NULL || self->roster == NULL)
    return;

  /* the roster as it is now, not as when the question was asked */
  doomed = dup_doomed (self, &n_shifts);
  for (guint i = 0; i < doomed->len; i++)
    if (!lin_store_delete (store (self), g_ptr_array_index (doomed, i), &error))
      {
        toast (self, error->message);
        return;
      }

  show_lists (self);
  /* Translators: after a person or a line was deleted */
  toast (self, _("Deleted"));
}

static char *
delete_body (LinRosterPeople *self,
             guint            n_shifts)
{
  if (g_str_equal (self->editing_kind, LIN_PERSON_KIND))
    {
      if (n_shifts == 0)
        /* Translators: asked before a person is deleted */
        return g_strdup (_("She is on no shift."));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: asked before a person is deleted; %u shifts
                                            * she is on, whose gaps the roster then shows */
                                           "She is on %u shift. She is taken off it, and the roster shows the gap.",
                                           "She is on %u shifts. She is taken off them, and the roster shows the gaps.",
                                           n_shifts),
                              n_shifts);
    }

  if (n_shifts == 0)
    /* Translators: asked before a line is deleted */
    return g_strdup (_("It has no shifts."));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: asked before a line is deleted; %u its shifts,
                                        * deleted with it, and whoever is on them taken off */
                                       "Its %u shift is deleted with it, and whoever is on it is taken off.",
                                       "Its %u shifts are deleted with it, and whoever is on them is taken off.",
                                       n_shifts),
                          n_shifts);
}

static void
ask_delete (LinRosterPeople *self)
{
  g_autoptr(GPtrArray) doomed = NULL;
  g_autofree char *body = NULL;
  gboolean person;
  AdwMessageDialog *dialog;
  guint n_shifts;

  if (self->editing == NULL || self->roster == NULL)
    return;

  person = g_str_equal (self->editing_kind, LIN_PERSON_KIND);
  doomed = dup_doomed (self, &n_shifts);
  body = delete_body (self, n_shifts);
  dialog = question (self, "people-delete-dialog",
                     /* Translators: the heading of the question before a
                      * person or a line is deleted from the roster */
                     person ? _("Delete This Person?") :
                     /* Translators: the heading of the question before a
                      * line, its shifts and assignments are deleted */
                     _("Delete This Line?"),
                     body, "delete",
                     /* Translators: a button: delete the person or line */
                     _("_Delete"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Building */

static GtkWidget *
delete_group (GtkWidget  *page,
              const char *name,
              const char *label)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_add_css_class (button, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "people.delete");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  return group;
}

static GtkWidget *
build_lists (LinRosterPeople *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_view_switcher_title_new ();
  GtkWidget *bar = adw_view_switcher_bar_new ();
  AdwViewStackPage *page;

  self->view_stack = adw_view_stack_new ();
  gtk_widget_set_vexpand (self->view_stack, TRUE);
  /* Translators: a tab of "People and Lines" */
  page = adw_view_stack_add_titled (ADW_VIEW_STACK (self->view_stack), lin_roster_people_build_people (self), "people", _("People"));
  adw_view_stack_page_set_icon_name (page, "avatar-default-symbolic");
  /* Translators: a tab of "People and Lines": the programmes, each with its phone */
  page = adw_view_stack_add_titled (ADW_VIEW_STACK (self->view_stack), lin_roster_people_build_lines (self), "lines", _("Lines"));
  adw_view_stack_page_set_icon_name (page, "phone-symbolic");

  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (title), ADW_VIEW_STACK (self->view_stack));
  adw_view_switcher_title_set_title (ADW_VIEW_SWITCHER_TITLE (title), _("People and Lines"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (bar), ADW_VIEW_STACK (self->view_stack));
  g_object_bind_property (title, "title-visible", bar, "reveal", G_BINDING_SYNC_CREATE);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), self->view_stack);
  gtk_box_append (GTK_BOX (box), bar);

  return box;
}

static GtkWidget *
build_editor (LinRosterPeople *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  /* Translators: a button: save the person or line */
  GtkWidget *save_button = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *person_page, *line_page;

  gtk_widget_set_name (back_button, "people-back");
  /* Translators: back from the person or line editor to the lists */
  gtk_accessible_update_property (GTK_ACCESSIBLE (back_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
  gtk_widget_set_tooltip_text (back_button, _("Back"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back_button), "people.back");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back_button);
  gtk_widget_set_name (save_button, "people-save");
  gtk_widget_add_css_class (save_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save_button), "people.save");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save_button);
  self->editor_title = adw_window_title_new ("", NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), self->editor_title);

  self->editor_stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->editor_stack, TRUE);
  person_page = lin_roster_people_build_person (self);
  /* Translators: a button: deletes the person and her assignments */
  self->person_delete_group = delete_group (person_page, "person-delete", _("_Delete Person"));
  gtk_stack_add_named (GTK_STACK (self->editor_stack), person_page, "person");
  line_page = lin_roster_people_build_line (self);
  /* Translators: a button: deletes the line, its shifts and assignments */
  self->line_delete_group = delete_group (line_page, "line-delete", _("_Delete Line"));
  gtk_stack_add_named (GTK_STACK (self->editor_stack), line_page, "line");

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), self->editor_stack);

  return box;
}

/* Callbacks */

static void
locked_cb (LinRosterPeople *self)
{
  if (self->context != NULL && !lin_context_get_locked (self->context))
    return;

  /* nothing of the roster stays on screen, nor in memory */
  show_lists (self);
  g_clear_pointer (&self->roster, lin_roster_unref);
  lin_roster_people_fill_lists (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  lin_roster_people_save (LIN_ROSTER_PEOPLE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  back (LIN_ROSTER_PEOPLE (widget));
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  LinRosterPeople *self = LIN_ROSTER_PEOPLE (widget);

  if (self->editing_kind != NULL)
    back (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ask_delete (LIN_ROSTER_PEOPLE (widget));
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  lin_roster_people_add_person (LIN_ROSTER_PEOPLE (widget));
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  lin_roster_people_add_line (LIN_ROSTER_PEOPLE (widget));
}

static void
add_weekly_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  gtk_widget_grab_focus (lin_roster_people_add_weekly_span (LIN_ROSTER_PEOPLE (widget)));
}

static void
add_away_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  gtk_widget_grab_focus (lin_roster_people_add_away_span (LIN_ROSTER_PEOPLE (widget)));
}

/* Overrides */

static void
lin_roster_people_dispose (GObject *object)
{
  LinRosterPeople *self = (LinRosterPeople *)object;

  g_clear_object (&self->editing);
  g_clear_pointer (&self->roster, lin_roster_unref);
  g_clear_object (&self->context);
  if (self->error_widgets != NULL)
    g_ptr_array_set_size (self->error_widgets, 0);
  if (self->error_labels != NULL)
    g_ptr_array_set_size (self->error_labels, 0);

  G_OBJECT_CLASS (lin_roster_people_parent_class)->dispose (object);
}

static void
lin_roster_people_finalize (GObject *object)
{
  LinRosterPeople *self = (LinRosterPeople *)object;

  g_clear_pointer (&self->original, json_object_unref);
  g_clear_pointer (&self->initial, wipe_free);
  g_clear_pointer (&self->error_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->error_labels, g_ptr_array_unref);
  g_clear_pointer (&self->person_skills, g_ptr_array_unref);
  g_clear_pointer (&self->line_skills, g_ptr_array_unref);
  g_clear_pointer (&self->weekly_spans, g_ptr_array_unref);
  g_clear_pointer (&self->away_spans, g_ptr_array_unref);

  G_OBJECT_CLASS (lin_roster_people_parent_class)->finalize (object);
}

static void
lin_roster_people_class_init (LinRosterPeopleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_roster_people_dispose;
  object_class->finalize = lin_roster_people_finalize;

  gtk_widget_class_install_action (widget_class, "people.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "people.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "people.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "people.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "people.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "people.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "people.add-weekly", NULL, add_weekly_action);
  gtk_widget_class_install_action (widget_class, "people.add-away", NULL, add_away_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "people.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "people.escape", NULL);
}

static void
lin_roster_people_init (LinRosterPeople *self)
{
  self->error_widgets = g_ptr_array_new_with_free_func (g_object_unref);
  self->error_labels = g_ptr_array_new_with_free_func (g_object_unref);

  /* Translators: the title of the window with the roster's people and lines */
  gtk_window_set_title (GTK_WINDOW (self), _("People and Lines"));
  gtk_window_set_default_size (GTK_WINDOW (self), 600, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  self->leaflet = adw_leaflet_new ();
  adw_leaflet_set_can_unfold (ADW_LEAFLET (self->leaflet), FALSE);
  adw_leaflet_page_set_name (adw_leaflet_append (ADW_LEAFLET (self->leaflet), build_lists (self)), "lists");
  adw_leaflet_page_set_name (adw_leaflet_append (ADW_LEAFLET (self->leaflet), build_editor (self)), "editor");

  self->toasts = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (self->toasts), self->leaflet);
  adw_window_set_content (ADW_WINDOW (self), self->toasts);

  show_lists (self);
}

/* Public API */

/**
 * lin_roster_people_new:
 * @parent: (nullable): the main window
 * @context: the context, unlocked
 *
 * The window follows #LinContext::roster-changed, and closes itself when
 * the context locks.
 *
 * Returns: (transfer none): a new #LinRosterPeople, to present
 */
GtkWidget *
lin_roster_people_new (GtkWindow  *parent,
                       LinContext *context)
{
  LinRosterPeople *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIN_IS_CONTEXT (context), NULL);

  self = g_object_new (LIN_TYPE_ROSTER_PEOPLE, NULL);
  self->context = g_object_ref (context);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      /* one of the application's windows, so that a lock closes it */
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }

  g_signal_connect_object (context, "roster-changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::locked", G_CALLBACK (locked_cb), self, G_CONNECT_SWAPPED);
  reload (self);

  return GTK_WIDGET (self);
}

void
lin_roster_people_add_person (LinRosterPeople *self)
{
  g_return_if_fail (LIN_IS_ROSTER_PEOPLE (self));

  edit (self, LIN_PERSON_KIND, NULL);
}

/**
 * lin_roster_people_edit_person:
 * @self: the window
 * @person: a person's index in the context's roster
 */
void
lin_roster_people_edit_person (LinRosterPeople *self,
                               int              person)
{
  g_return_if_fail (LIN_IS_ROSTER_PEOPLE (self));
  g_return_if_fail (self->roster != NULL && person >= 0 && (guint)person < lin_roster_get_n_people (self->roster));

  edit (self, LIN_PERSON_KIND, lin_roster_get_person (self->roster, person));
}

void
lin_roster_people_add_line (LinRosterPeople *self)
{
  g_return_if_fail (LIN_IS_ROSTER_PEOPLE (self));

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->view_stack), "lines");
  edit (self, LIN_LINE_KIND, NULL);
}

/**
 * lin_roster_people_edit_line:
 * @self: the window
 * @line: a line's index in the context's roster
 */
void
lin_roster_people_edit_line (LinRosterPeople *self,
                             int              line)
{
  g_return_if_fail (LIN_IS_ROSTER_PEOPLE (self));
  g_return_if_fail (self->roster != NULL && line >= 0 && (guint)line < lin_roster_get_n_lines (self->roster));

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->view_stack), "lines");
  edit (self, LIN_LINE_KIND, lin_roster_get_line (self->roster, line));
}

/**
 * lin_roster_people_save:
 * @self: the window
 *
 * Checks what the open editor holds and saves it; the first thing wrong
 * is shown next to its field instead.
 *
 * Returns: %TRUE when it was saved
 */
gboolean
lin_roster_people_save (LinRosterPeople *self)
{
  LinRosterPeopleProblem problem = { NULL, };
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(LinRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LIN_IS_ROSTER_PEOPLE (self), FALSE);

  if (self->editing_kind == NULL || store (self) == NULL)
    return FALSE;

  clear_errors (self);
  fields = read_fields (self, &problem);
  if (problem.message != NULL)
    {
      show_problem (self, &problem);
      g_free (problem.message);
      return FALSE;
    }

  record = self->editing != NULL ? g_object_ref (self->editing) : lin_record_new (self->editing_kind);
  lin_record_set_fields (record, fields);
  if (!lin_store_save (store (self), record, &error))
    {
      /* the record as it was: nothing of this is saved */
      if (self->editing != NULL)
        lin_record_set_fields (record, self->original);
      toast (self, error->message);
      return FALSE;
    }

  show_lists (self);
  /* Translators: after a person or a line was saved */
  toast (self, _("Saved"));

  return TRUE;
}
