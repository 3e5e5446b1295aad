/* lin-call-details-editor.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor of a saved call's answers: a control per answer that can be
 * changed here (code lists, text, numbers, yes/no), grouped by step. Its
 * answers go into the call's fields, which LinCallDetails saves as a new
 * revision.
 */

#define G_LOG_DOMAIN "lin-call-details"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call-details-private.h"
#include "lin-codes.h"

static GtkWidget *
edit_widget (LinCallDetails     *self,
             const Field        *field,
             JsonObject         *object,
             LinCallDetailsEdit *edit)
{
  JsonNode *node = json_object_get_member (object, field->name);
  const char *title = lin_call_details_field_label (field);

  switch (field->type)
    {
    case LIN_FIELD_CODE:
      {
        const LinCodeList *list = lin_code_list_get (field->list);
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
        const char *current = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
        GtkWidget *row = adw_combo_row_new ();
        guint selected = 0;

        /* Translators: the choice for a question that was not answered */
        gtk_string_list_append (labels, _("Not answered"));
        for (guint i = 0; list != NULL && i < lin_code_list_get_n_codes (list); i++)
          {
            const LinCode *code = lin_code_list_get_code (list, i);

            gtk_string_list_append (labels, lin_code_list_get_label (list, code->code));
            if (g_strcmp0 (current, code->code) == 0)
              selected = i + 1;
          }
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);

        return row;
      }

    case LIN_FIELD_CODES:
      {
        const LinCodeList *list = lin_code_list_get (field->list);
        GtkWidget *row = adw_expander_row_new ();
        JsonArray *current = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
        g_autofree char *summary = node != NULL ? lin_call_details_codes_text (field->list, node) : NULL;

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        if (summary != NULL)
          adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), summary);

        edit->checks = g_ptr_array_new ();
        for (guint i = 0; list != NULL && i < lin_code_list_get_n_codes (list); i++)
          {
            const LinCode *code = lin_code_list_get_code (list, i);
            GtkWidget *check = gtk_check_button_new ();
            GtkWidget *check_row = adw_action_row_new ();
            gboolean active = FALSE;

            for (guint j = 0; current != NULL && j < json_array_get_length (current); j++)
              if (g_strcmp0 (json_array_get_string_element (current, j), code->code) == 0)
                active = TRUE;

            gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
            gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
            g_object_set_data (G_OBJECT (check), "lin-code", (gpointer)code->code);
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (check_row),
                                           lin_code_list_get_label (list, code->code));
            adw_action_row_add_prefix (ADW_ACTION_ROW (check_row), check);
            adw_action_row_set_activatable_widget (ADW_ACTION_ROW (check_row), check);
            gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                            GTK_ACCESSIBLE_RELATION_LABELLED_BY, check_row, NULL,
                                            -1);
            adw_expander_row_add_row (ADW_EXPANDER_ROW (row), check_row);
            g_ptr_array_add (edit->checks, check);
          }

        return row;
      }

    case LIN_FIELD_STRING:
      {
        GtkWidget *row = adw_entry_row_new ();
        const char *text = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");

        return row;
      }

    case LIN_FIELD_INT:
      {
        GtkWidget *row;
        GtkWidget *spin;

        /* the timer's, not hers to change */
        if (g_str_equal (field->name, LIN_CALL_FIELD_DURATION))
          return NULL;

        row = adw_action_row_new ();
        spin = gtk_spin_button_new_with_range (field->min, field->max, 1);

        gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin),
                                   node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0);
        gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
        gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                        -1);
        g_object_set_data (G_OBJECT (row), "lin-value", spin);

        return row;
      }

    case LIN_FIELD_BOOL:
      {
        GtkWidget *row = adw_action_row_new ();
        GtkWidget *toggle = gtk_switch_new ();

        gtk_switch_set_active (GTK_SWITCH (toggle),
                               node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_boolean (node));
        gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
        gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                        -1);
        g_object_set_data (G_OBJECT (row), "lin-value", toggle);

        return row;
      }

    case LIN_FIELD_TIME:
    case LIN_FIELD_PLACE:
    case LIN_FIELD_RISK:
    case LIN_FIELD_REFERRALS:
    case LIN_FIELD_ID:
    case LIN_FIELD_DISTRICT:
    default:
      /* changed in the wizard's own controls (timer, place search, the
       * checklist, referrals, the follow-up), not here */
      return NULL;
    }
}

/**
 * lin_call_details_build_editor:
 * @self: a #LinCallDetails showing a call
 *
 * Fills the editor with a control for each answer that can be changed
 * here, set to the call's answer.
 */
void
lin_call_details_build_editor (LinCallDetails *self)
{
  JsonObject *object = lin_record_get_fields (self->call);
  GtkWidget *groups[LIN_CALL_N_STEPS + 1] = { NULL, };
  gboolean one_step = FALSE;
  const char *type = lin_record_get_string (self->call, "call_type");
  const LinCodeList *types = lin_code_list_get ("call-type");
  const LinCode *code = types != NULL && type != NULL ? lin_code_list_lookup (types, type) : NULL;
  const Field *fields;
  guint n_fields;

  lin_call_details_remove_children (GTK_WIDGET (self->edit_box));
  g_ptr_array_set_size (self->edit_fields, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_message), FALSE);

  /* a silent or test call has only the first step */
  one_step = code != NULL && lin_code_has_flag (code, "one-step");

  for (guint step = 1; step < G_N_ELEMENTS (lin_call_details_step_titles); step++)
    {
      if (one_step && step > 1)
        break;

      groups[step] = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[step]), _(lin_call_details_step_titles[step]));
      gtk_box_append (self->edit_box, groups[step]);
    }

  fields = lin_call_get_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      LinCallDetailsEdit *edit;
      GtkWidget *widget;

      if (fields[i].step >= G_N_ELEMENTS (lin_call_details_step_titles) || groups[fields[i].step] == NULL ||
          lin_call_details_field_label (&fields[i]) == NULL)
        continue;

      edit = g_new0 (LinCallDetailsEdit, 1);
      edit->field = &fields[i];
      widget = edit_widget (self, &fields[i], object, edit);
      if (widget == NULL)
        {
          lin_call_details_edit_free (edit);
          continue;
        }

      edit->widget = widget;
      gtk_widget_set_name (widget, fields[i].name);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[fields[i].step]), widget);
      g_ptr_array_add (self->edit_fields, edit);
    }
}

/**
 * lin_call_details_apply_edit:
 * @edit: a control of the editor
 * @object: the call's fields
 *
 * Puts the control's answer into @object (removes it when unanswered).
 */
void
lin_call_details_apply_edit (LinCallDetailsEdit *edit,
                             JsonObject         *object)
{
  const Field *field = edit->field;

  switch (field->type)
    {
    case LIN_FIELD_CODE:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (edit->widget));
        const LinCodeList *list = lin_code_list_get (field->list);

        if (selected == 0 || list == NULL || selected > lin_code_list_get_n_codes (list))
          json_object_remove_member (object, field->name);
        else
          json_object_set_string_member (object, field->name,
                                         lin_code_list_get_code (list, selected - 1)->code);
      }
      break;

    case LIN_FIELD_CODES:
      {
        JsonArray *array = json_array_new ();

        for (guint i = 0; i < edit->checks->len; i++)
          {
            GtkCheckButton *check = g_ptr_array_index (edit->checks, i);

            if (gtk_check_button_get_active (check))
              json_array_add_string_element (array, g_object_get_data (G_OBJECT (check), "lin-code"));
          }

        if (json_array_get_length (array) > 0)
          json_object_set_array_member (object, field->name, array);
        else
          {
            json_array_unref (array);
            json_object_remove_member (object, field->name);
          }
      }
      break;

    case LIN_FIELD_STRING:
      {
        g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (edit->widget))));

        if (text[0] == '\0')
          json_object_remove_member (object, field->name);
        else
          json_object_set_string_member (object, field->name, text);
      }
      break;

    case LIN_FIELD_INT:
      {
        GtkSpinButton *spin = g_object_get_data (G_OBJECT (edit->widget), "lin-value");
        int value = gtk_spin_button_get_value_as_int (spin);

        /* 0 children and "not answered" differ only if she said so */
        if (value == 0 && !json_object_has_member (object, field->name))
          break;
        json_object_set_int_member (object, field->name, value);
      }
      break;

    case LIN_FIELD_BOOL:
      {
        GtkSwitch *toggle = g_object_get_data (G_OBJECT (edit->widget), "lin-value");

        json_object_set_boolean_member (object, field->name, gtk_switch_get_active (toggle));
      }
      break;

    case LIN_FIELD_TIME:
    case LIN_FIELD_PLACE:
    case LIN_FIELD_RISK:
    case LIN_FIELD_REFERRALS:
    case LIN_FIELD_ID:
    case LIN_FIELD_DISTRICT:
    default:
      break;
    }
}

void
lin_call_details_edit_free (LinCallDetailsEdit *edit)
{
  g_clear_pointer (&edit->checks, g_ptr_array_unref);
  g_free (edit);
}
