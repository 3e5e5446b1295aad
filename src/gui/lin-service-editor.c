/* lin-service-editor.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog in which a coordinator adds a service to the referral
 * directory or edits one: the fields of data/directory-csv.md, each in
 * its own widget. The opening hours are a row per weekday, closed or
 * open with one or more spans; a span whose closing time is not after its
 * opening time runs past midnight, and the row says so.
 *
 * What is typed is checked by the CSV reader's own rules
 * (lin_directory_csv_read_field()), so the editor refuses what an import
 * refuses and says it the same way; the first bad field gets the
 * keyboard. The editor changes a copy of the service's fields, so a field
 * it does not show (a demo mark, a code a newer list dropped) is kept,
 * and only a whole, checked copy is set and saved as a new revision.
 *
 * The address and the phone numbers marked confidential are never given
 * to callers: they look like warnings here, so no one mistakes them.
 */

#define G_LOG_DOMAIN "lin-service-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call.h"
#include "lin-codes.h"
#include "lin-directory.h"
#include "lin-directory-csv.h"
#include "lin-place-entry.h"
#include "lin-service-editor-private.h"

#define FIELD_ORGANISATION         "organisation"
#define FIELD_DESCRIPTION          "description"
#define FIELD_ADDRESS              "address"
#define FIELD_ADDRESS_CONFIDENTIAL "address_confidential"
#define FIELD_PHONES               "phones"
#define FIELD_EMAIL                "email"
#define FIELD_WEB                  "web"
#define FIELD_ACCESSIBILITY        "accessibility"
#define FIELD_ELIGIBILITY          "eligibility"
#define FIELD_VERIFIED             "verified"
#define FIELD_VERIFIED_BY          "verified_by"

G_DEFINE_FINAL_TYPE (LinServiceEditor, lin_service_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];



/* Helpers */

void
lin_service_editor_problem_set (LinServiceEditorProblem    *problem,
             GtkWidget  *widget,
             GtkWidget  *focus,
             char       *message)
{
  if (problem == NULL || problem->message != NULL)
    {
      g_free (message);
      return;
    }

  problem->widget = widget;
  problem->focus = focus != NULL ? focus : widget;
  problem->message = message;
}

/* A deep copy, for json_node_copy() shares what an object holds */
static JsonObject *
copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(JsonNode) copy = json_from_string (text, NULL);

  g_assert (copy != NULL && JSON_NODE_HOLDS_OBJECT (copy));

  return json_object_ref (json_node_get_object (copy));
}

char *
lin_service_editor_dup_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static char *
dup_description (LinServiceEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

const char *
lin_service_editor_get_string (JsonObject *fields,
            const char *name)
{
  JsonNode *node = json_object_get_member (fields, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonArray *
get_array (JsonObject *fields,
           const char *name)
{
  JsonNode *node = json_object_get_member (fields, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static void
set_editable (gpointer    editable,
              JsonObject *fields,
              const char *name)
{
  const char *text = lin_service_editor_get_string (fields, name);

  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

/* A field read by the CSV reader's rules; an empty one removed */
void
lin_service_editor_read_text (JsonObject *fields,
                 const char *name,
                 const char *text,
                 GtkWidget  *widget,
                 LinServiceEditorProblem    *problem)
{
  json_object_remove_member (fields, name);
  lin_service_editor_problem_set (problem, widget, NULL, lin_directory_csv_read_field (name, text, fields));
}

static void
read_editable_field (JsonObject *fields,
                     const char *name,
                     gpointer    editable,
                     LinServiceEditorProblem    *problem)
{
  g_autofree char *text = lin_service_editor_dup_text (editable);

  lin_service_editor_read_text (fields, name, text, GTK_WIDGET (editable), problem);
}

/* A yes or no: kept when the service had it, else written only as yes */
static void
read_bool_field (LinServiceEditor *self,
                 JsonObject       *fields,
                 const char       *name,
                 gboolean          value)
{
  if (value || json_object_has_member (self->original, name))
    json_object_set_boolean_member (fields, name, value);
  else
    json_object_remove_member (fields, name);
}

static const char *
type_code_at (guint position)
{
  const LinCodeList *list = lin_code_list_get ("service-type");

  /* the first item is "not chosen" */
  if (position == 0 || position == GTK_INVALID_LIST_POSITION ||
      position > lin_code_list_get_n_codes (list))
    return NULL;

  return lin_code_list_get_code (list, position - 1)->code;
}

/* Opening hours */

static void
always_cb (LinServiceEditor *self)
{
  gboolean always = gtk_switch_get_active (self->always_switch);

  for (guint d = 0; d < LIN_HOURS_N_DAYS; d++)
    if (self->days[d].row != NULL)
      gtk_widget_set_visible (self->days[d].row, !always);
}

/* Phones */

static void
phone_confidential_cb (PhoneRow *phone)
{
  gboolean confidential = gtk_check_button_get_active (GTK_CHECK_BUTTON (phone->confidential));

  gtk_widget_set_visible (phone->warning, confidential);
  if (confidential)
    gtk_widget_add_css_class (phone->number, "warning");
  else
    gtk_widget_remove_css_class (phone->number, "warning");
}

static void
remove_phone_clicked_cb (GtkWidget        *button,
                         LinServiceEditor *self)
{
  for (guint i = 0; i < self->phones->len; i++)
    {
      PhoneRow *phone = g_ptr_array_index (self->phones, i);

      if (gtk_widget_is_ancestor (button, phone->row))
        {
          adw_preferences_group_remove (self->phones_group, phone->row);
          g_ptr_array_remove_index (self->phones, i);
          break;
        }
    }
}

static PhoneRow *
add_phone (LinServiceEditor *self,
           const char       *label,
           const char       *number,
           gboolean          confidential)
{
  PhoneRow *phone = g_new0 (PhoneRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove;

  phone->row = gtk_list_box_row_new ();
  gtk_widget_set_name (phone->row, "service-phone");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (phone->row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  phone->warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (phone->warning, "warning");
  gtk_widget_set_tooltip_text (phone->warning, _("Confidential — never give it to callers"));
  gtk_box_append (GTK_BOX (box), phone->warning);

  phone->label = gtk_entry_new ();
  gtk_widget_set_name (phone->label, "phone-label");
  gtk_editable_set_width_chars (GTK_EDITABLE (phone->label), 10);
  /* Translators: the placeholder of a phone number's label */
  gtk_entry_set_placeholder_text (GTK_ENTRY (phone->label), _("Label, e.g. Duty"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (phone->label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Phone label"),
                                  -1);
  gtk_editable_set_text (GTK_EDITABLE (phone->label), label != NULL ? label : "");
  gtk_entry_set_activates_default (GTK_ENTRY (phone->label), TRUE);
  gtk_box_append (GTK_BOX (box), phone->label);

  phone->number = gtk_entry_new ();
  gtk_widget_set_name (phone->number, "phone-number");
  gtk_widget_set_hexpand (phone->number, TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (phone->number), GTK_INPUT_PURPOSE_PHONE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (phone->number), _("Number"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (phone->number),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Phone number"),
                                  -1);
  gtk_editable_set_text (GTK_EDITABLE (phone->number), number != NULL ? number : "");
  gtk_entry_set_activates_default (GTK_ENTRY (phone->number), TRUE);
  gtk_box_append (GTK_BOX (box), phone->number);

  /* Translators: a check box: the phone number is never given to callers */
  phone->confidential = gtk_check_button_new_with_mnemonic (_("Confidential"));
  gtk_widget_set_name (phone->confidential, "phone-confidential");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (phone->confidential), confidential);
  g_signal_connect_swapped (phone->confidential, "toggled", G_CALLBACK (phone_confidential_cb), phone);
  gtk_box_append (GTK_BOX (box), phone->confidential);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_name (remove, "phone-remove");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Phone"));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_phone_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), remove);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (phone->row), box);
  phone_confidential_cb (phone);
  adw_preferences_group_add (self->phones_group, phone->row);
  g_ptr_array_add (self->phones, phone);

  return phone;
}

static void
read_phones (LinServiceEditor *self,
             JsonObject       *fields,
             LinServiceEditorProblem          *problem)
{
  JsonArray *phones = json_array_new ();

  for (guint i = 0; i < self->phones->len; i++)
    {
      PhoneRow *phone = g_ptr_array_index (self->phones, i);
      g_autofree char *label = lin_service_editor_dup_text (phone->label);
      g_autofree char *number = lin_service_editor_dup_text (phone->number);
      JsonObject *object;

      if (*number == '\0')
        {
          /* a row left empty is no phone */
          if (*label == '\0')
            continue;
          lin_service_editor_problem_set (problem, phone->number, NULL,
                       g_strdup (_("Write the phone number, or remove the row.")));
          continue;
        }
      if (!lin_directory_csv_is_phone_number (number))
        {
          lin_service_editor_problem_set (problem, phone->number, NULL,
                       g_strdup_printf (_("“%s” is not a phone number."), number));
          continue;
        }

      object = json_object_new ();
      if (*label != '\0')
        json_object_set_string_member (object, "label", label);
      json_object_set_string_member (object, "number", number);
      json_object_set_boolean_member (object, "confidential",
                                      gtk_check_button_get_active (GTK_CHECK_BUTTON (phone->confidential)));
      json_array_add_object_element (phones, object);
    }

  if (json_array_get_length (phones) > 0)
    json_object_set_array_member (fields, FIELD_PHONES, phones);
  else
    {
      json_object_remove_member (fields, FIELD_PHONES);
      json_array_unref (phones);
    }
}

/* Code lists */

static void
build_code_checks (LinServiceEditor    *self,
                   guint                which,
                   const char          *list_name,
                   const char          *field,
                   AdwPreferencesGroup *group)
{
  CodeChecks *checks = &self->code_checks[which];
  const LinCodeList *list = lin_code_list_get (list_name);

  checks->list = list_name;
  checks->field = field;
  checks->checks = g_ptr_array_new ();

  for (guint i = 0; i < lin_code_list_get_n_codes (list); i++)
    {
      const LinCode *code = lin_code_list_get_code (list, i);
      g_autofree char *name = g_strdup_printf ("service-%s-%s", list_name, code->code);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_name (check, name);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lin_code_list_get_label (list, code->code));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                      -1);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (checks->checks, check);
    }
}

static void
load_code_checks (CodeChecks *checks,
                  JsonObject *fields)
{
  const LinCodeList *list = lin_code_list_get (checks->list);
  JsonArray *codes = get_array (fields, checks->field);

  for (guint i = 0; i < checks->checks->len; i++)
    {
      const char *code = lin_code_list_get_code (list, i)->code;
      gboolean active = FALSE;

      for (guint j = 0; codes != NULL && j < json_array_get_length (codes); j++)
        active |= g_strcmp0 (json_array_get_string_element (codes, j), code) == 0;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (g_ptr_array_index (checks->checks, i)), active);
    }
}

/* The codes checked, and those of the service's that the list does not
 * know (a newer list's), kept */
static void
read_code_checks (LinServiceEditor *self,
                  CodeChecks       *checks,
                  JsonObject       *fields)
{
  const LinCodeList *list = lin_code_list_get (checks->list);
  JsonArray *original = get_array (self->original, checks->field);
  JsonArray *codes = json_array_new ();

  for (guint i = 0; i < checks->checks->len; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (g_ptr_array_index (checks->checks, i))))
      json_array_add_string_element (codes, lin_code_list_get_code (list, i)->code);

  for (guint j = 0; original != NULL && j < json_array_get_length (original); j++)
    {
      JsonNode *node = json_array_get_element (original, j);

      if (json_node_get_value_type (node) != G_TYPE_STRING ||
          lin_code_list_lookup (list, json_node_get_string (node)) == NULL)
        json_array_add_element (codes, json_node_copy (node));
    }

  if (json_array_get_length (codes) > 0)
    json_object_set_array_member (fields, checks->field, codes);
  else
    {
      json_object_remove_member (fields, checks->field);
      json_array_unref (codes);
    }
}

/* Loading and reading back */

static void
load (LinServiceEditor *self)
{
  JsonObject *fields = self->original;
  const char *type = lin_service_editor_get_string (fields, LIN_SERVICE_FIELD_TYPE);
  const LinCodeList *types = lin_code_list_get ("service-type");
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  const char *description = lin_service_editor_get_string (fields, FIELD_DESCRIPTION);
  JsonArray *phones = get_array (fields, FIELD_PHONES);
  guint selected = 0;

  set_editable (self->name_row, fields, LIN_SERVICE_FIELD_NAME);
  set_editable (self->organisation_row, fields, FIELD_ORGANISATION);

  /* Translators: the service type while none is chosen */
  gtk_string_list_append (model, C_("service type", "Not chosen"));
  for (guint i = 0; i < lin_code_list_get_n_codes (types); i++)
    {
      const LinCode *code = lin_code_list_get_code (types, i);

      gtk_string_list_append (model, lin_code_list_get_label (types, code->code));
      if (g_strcmp0 (code->code, type) == 0)
        selected = i + 1;
    }
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->type_row, selected);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            description != NULL ? description : "", -1);

  lin_place_entry_set_code (LIN_PLACE_ENTRY (self->place_entry),
                            lin_service_editor_get_string (fields, LIN_SERVICE_FIELD_MUNICIPALITY));
  set_editable (self->address_row, fields, FIELD_ADDRESS);
  gtk_switch_set_active (self->address_confidential_switch,
                         json_object_get_boolean_member_with_default (fields, FIELD_ADDRESS_CONFIDENTIAL, FALSE));

  for (guint i = 0; phones != NULL && i < json_array_get_length (phones); i++)
    {
      JsonNode *node = json_array_get_element (phones, i);
      JsonObject *phone = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (phone != NULL)
        add_phone (self,
                   lin_service_editor_get_string (phone, "label"),
                   lin_service_editor_get_string (phone, "number"),
                   json_object_get_boolean_member_with_default (phone, "confidential", FALSE));
    }

  set_editable (self->email_row, fields, FIELD_EMAIL);
  set_editable (self->web_row, fields, FIELD_WEB);
  lin_service_editor_load_hours (self, lin_service_editor_get_string (fields, LIN_SERVICE_FIELD_HOURS));
  gtk_switch_set_active (self->holidays_switch,
                         json_object_get_boolean_member_with_default (fields, LIN_SERVICE_FIELD_HOLIDAYS_CLOSED, FALSE));
  for (guint i = 0; i < N_CODE_CHECKS; i++)
    load_code_checks (&self->code_checks[i], fields);
  set_editable (self->eligibility_row, fields, FIELD_ELIGIBILITY);
  set_editable (self->verified_row, fields, FIELD_VERIFIED);
  set_editable (self->verified_by_row, fields, FIELD_VERIFIED_BY);
}

/* A copy of the service's fields with what the widgets hold; @problem,
 * when not NULL, gets the first thing that cannot be saved */
static JsonObject *
dup_fields (LinServiceEditor *self,
            LinServiceEditorProblem          *problem)
{
  JsonObject *fields = copy_object (self->original);
  g_autofree char *name = lin_service_editor_dup_text (self->name_row);
  g_autofree char *description = dup_description (self);
  const char *type = type_code_at (adw_combo_row_get_selected (self->type_row));
  const char *municipality = lin_place_entry_get_code (LIN_PLACE_ENTRY (self->place_entry));
  GtkWidget *place_text = lin_place_entry_get_entry (LIN_PLACE_ENTRY (self->place_entry));

  json_object_remove_member (fields, LIN_SERVICE_FIELD_NAME);
  if (*name == '\0')
    lin_service_editor_problem_set (problem, GTK_WIDGET (self->name_row), NULL, g_strdup (_("Write the service’s name.")));
  else
    lin_service_editor_read_text (fields, LIN_SERVICE_FIELD_NAME, name, GTK_WIDGET (self->name_row), problem);

  read_editable_field (fields, FIELD_ORGANISATION, self->organisation_row, problem);

  json_object_remove_member (fields, LIN_SERVICE_FIELD_TYPE);
  if (type == NULL)
    lin_service_editor_problem_set (problem, GTK_WIDGET (self->type_row), NULL, g_strdup (_("Choose the service’s type.")));
  else
    lin_service_editor_read_text (fields, LIN_SERVICE_FIELD_TYPE, type, GTK_WIDGET (self->type_row), problem);

  lin_service_editor_read_text (fields, FIELD_DESCRIPTION, description, GTK_WIDGET (self->description_view), problem);

  json_object_remove_member (fields, LIN_SERVICE_FIELD_MUNICIPALITY);
  json_object_remove_member (fields, LIN_SERVICE_FIELD_DISTRICT);
  if (municipality == NULL)
    lin_service_editor_problem_set (problem, place_text, NULL,
                 g_strdup (_("Choose the municipality from the list: type a few letters of its name.")));
  else
    lin_service_editor_read_text (fields, LIN_SERVICE_FIELD_MUNICIPALITY, municipality, place_text, problem);

  read_editable_field (fields, FIELD_ADDRESS, self->address_row, problem);
  read_bool_field (self, fields, FIELD_ADDRESS_CONFIDENTIAL, gtk_switch_get_active (self->address_confidential_switch));
  read_phones (self, fields, problem);
  read_editable_field (fields, FIELD_EMAIL, self->email_row, problem);
  read_editable_field (fields, FIELD_WEB, self->web_row, problem);
  lin_service_editor_read_hours (self, fields, problem);
  read_bool_field (self, fields, LIN_SERVICE_FIELD_HOLIDAYS_CLOSED, gtk_switch_get_active (self->holidays_switch));
  for (guint i = 0; i < N_CODE_CHECKS; i++)
    read_code_checks (self, &self->code_checks[i], fields);
  read_editable_field (fields, FIELD_ELIGIBILITY, self->eligibility_row, problem);
  read_editable_field (fields, FIELD_VERIFIED, self->verified_row, problem);
  read_editable_field (fields, FIELD_VERIFIED_BY, self->verified_by_row, problem);

  return fields;
}

static JsonNode *
dup_fields_node (LinServiceEditor *self)
{
  g_autoptr(JsonObject) fields = dup_fields (self, NULL);

  return json_node_init_object (json_node_alloc (), fields);
}

static gboolean
is_changed (LinServiceEditor *self)
{
  g_autoptr(JsonNode) now = dup_fields_node (self);

  return self->initial != NULL && !json_node_equal (now, self->initial);
}

static void
clear_errors (LinServiceEditor *self)
{
  for (guint i = 0; i < self->error_widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->error_widgets, i);

      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_widget_set_tooltip_text (widget, NULL);
    }
  g_ptr_array_set_size (self->error_widgets, 0);
}

static void
show_toast (LinServiceEditor *self,
            const char       *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The problem next to its field, and the keyboard there */
static void
show_problem (LinServiceEditor *self,
              LinServiceEditorProblem          *problem)
{
  GtkWidget *widget = problem->widget;

  gtk_widget_add_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, problem->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (problem->focus),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem->message,
                                  -1);
  g_ptr_array_add (self->error_widgets, g_object_ref (widget));
  if (problem->focus != widget)
    g_ptr_array_add (self->error_widgets, g_object_ref (problem->focus));
  if (GTK_IS_ENTRY (problem->focus))
    gtk_widget_add_css_class (problem->focus, "error");
  show_toast (self, problem->message);
  gtk_widget_grab_focus (problem->focus);
}

static void
save (LinServiceEditor *self)
{
  LinServiceEditorProblem problem = { NULL, };
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(LinRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  clear_errors (self);

  fields = dup_fields (self, &problem);
  if (problem.message != NULL)
    {
      show_problem (self, &problem);
      g_free (problem.message);
      return;
    }

  record = self->service != NULL ? g_object_ref (self->service) : lin_record_new (LIN_SERVICE_KIND);
  lin_record_set_fields (record, fields);
  if (!lin_store_save (self->store, record, &error))
    {
      /* the record as it was: nothing of this is saved */
      if (self->service != NULL)
        {
          g_autoptr(JsonObject) original = copy_object (self->original);

          lin_record_set_fields (record, original);
        }
      show_toast (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, record);
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Callbacks */

static void
address_confidential_cb (LinServiceEditor *self)
{
  gboolean confidential = gtk_switch_get_active (self->address_confidential_switch);

  gtk_widget_set_visible (self->address_warning, confidential);
  if (confidential)
    gtk_widget_add_css_class (GTK_WIDGET (self->address_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->address_row), "warning");
}

static gboolean
close_discarding_cb (gpointer data)
{
  LinServiceEditor *self = data;

  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (LinServiceEditor *self,
                     const char       *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* once the dialog, which is transient for the editor, is gone */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_discarding_cb, g_object_ref (self), g_object_unref);
}

static gboolean
close_request_cb (LinServiceEditor *self)
{
  GtkWidget *dialog;

  if (self->closing || !is_changed (self))
    return FALSE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Discard Changes?"),
                                   _("What you changed in this service is not saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_set_name (dialog, "service-discard-dialog");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  save (LIN_SERVICE_EDITOR (widget));
}

static void
add_phone_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PhoneRow *phone = add_phone (LIN_SERVICE_EDITOR (widget), NULL, NULL, FALSE);

  gtk_widget_grab_focus (phone->label);
}

static void
verified_today_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  LinServiceEditor *self = LIN_SERVICE_EDITOR (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->verified_row), today);
}

/* Overrides */

static void
lin_service_editor_dispose (GObject *object)
{
  LinServiceEditor *self = (LinServiceEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIN_TYPE_SERVICE_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->service);
  if (self->error_widgets != NULL)
    g_ptr_array_set_size (self->error_widgets, 0);

  G_OBJECT_CLASS (lin_service_editor_parent_class)->dispose (object);
}

static void
lin_service_editor_finalize (GObject *object)
{
  LinServiceEditor *self = (LinServiceEditor *)object;

  g_clear_pointer (&self->original, json_object_unref);
  g_clear_pointer (&self->initial, json_node_unref);
  g_clear_pointer (&self->phones, g_ptr_array_unref);
  g_clear_pointer (&self->error_widgets, g_ptr_array_unref);
  for (guint i = 0; i < N_CODE_CHECKS; i++)
    g_clear_pointer (&self->code_checks[i].checks, g_ptr_array_unref);

  G_OBJECT_CLASS (lin_service_editor_parent_class)->finalize (object);
}

static void
lin_service_editor_class_init (LinServiceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_service_editor_dispose;
  object_class->finalize = lin_service_editor_finalize;

  /**
   * LinServiceEditor::saved:
   * @self: the editor
   * @service: the service, saved
   *
   * The service was saved (lin_store_save() succeeded); the editor
   * closes.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIN_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lin-service-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, place_group);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, address_warning);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, address_confidential_switch);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, phones_group);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, web_row);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, hours_group);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, always_switch);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, holidays_switch);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, languages_group);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, accessibility_group);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, eligibility_row);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, verified_row);
  gtk_widget_class_bind_template_child (widget_class, LinServiceEditor, verified_by_row);
  gtk_widget_class_bind_template_callback (widget_class, address_confidential_cb);
  gtk_widget_class_bind_template_callback (widget_class, always_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-phone", NULL, add_phone_action);
  gtk_widget_class_install_action (widget_class, "editor.verified-today", NULL, verified_today_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lin_service_editor_init (LinServiceEditor *self)
{
  self->phones = g_ptr_array_new_with_free_func (g_free);
  self->error_widgets = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->place_entry = lin_place_entry_new (_("Municipality"));
  gtk_widget_set_name (self->place_entry, "service-municipality");
  adw_preferences_group_add (self->place_group, self->place_entry);

  for (guint d = 0; d < LIN_HOURS_N_DAYS; d++)
    lin_service_editor_build_day (self, d);

  build_code_checks (self, LANGUAGES, "language", LIN_SERVICE_FIELD_LANGUAGES, self->languages_group);
  build_code_checks (self, ACCESSIBILITY, "accessibility", FIELD_ACCESSIBILITY, self->accessibility_group);
}

/* Public API */

/**
 * lin_service_editor_new:
 * @parent: (nullable): the window it belongs to
 * @store: where the service is saved
 * @service: (nullable): a service record to edit, or %NULL for a new one
 *
 * Returns: (transfer floating): a new #LinServiceEditor, to present
 */
LinServiceEditor *
lin_service_editor_new (GtkWindow *parent,
                        LinStore  *store,
                        LinRecord *service)
{
  LinServiceEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LIN_IS_STORE (store), NULL);
  g_return_val_if_fail (service == NULL || LIN_IS_RECORD (service), NULL);
  g_return_val_if_fail (service == NULL || g_strcmp0 (lin_record_get_kind (service), LIN_SERVICE_KIND) == 0, NULL);

  self = g_object_new (LIN_TYPE_SERVICE_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->service = service != NULL ? g_object_ref (service) : NULL;

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      /* one of the application's windows, so that a lock closes it */
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }

  gtk_window_set_title (GTK_WINDOW (self), service != NULL ? _("Edit Service") : _("New Service"));

  self->original = service != NULL ? copy_object (lin_record_get_fields (service)) : json_object_new ();

  load (self);
  self->initial = dup_fields_node (self);

  return self;
}
