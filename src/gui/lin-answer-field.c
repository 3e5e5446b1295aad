/* lin-answer-field.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One answer of the call wizard: a title and the control that fits the
 * answer, built from what the answer is (a code of a list, several codes,
 * text, a number, yes or no). Every field reads and writes its value as
 * JSON under its key, so the wizard fills a call record, a draft and the
 * summary from the same fields without knowing their widgets.
 *
 * One code of a short list (up to four) is a row of toggle buttons, which
 * Tab and Space reach directly; a longer list is a drop-down. Several
 * codes are check buttons in a flow box, which wraps at 360 px.
 */

#define G_LOG_DOMAIN "lin-answer-field"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-answer-field.h"
#include "lin-codes.h"

#define MAX_TOGGLES 4

struct _LinAnswerField
{
  GtkWidget          parent_instance;

  /* Owned */
  char              *key;
  char              *title;
  GPtrArray         *buttons;   /* toggles or check buttons, code in "lin-code" */

  /* Borrowed */
  const LinCodeList *list;
  GtkWidget         *title_label;
  GtkWidget         *control;   /* the widget that takes the answer */

  LinAnswerKind   kind;
  gboolean           touched;   /* a number was set */
  gboolean           loading;
};

G_DEFINE_FINAL_TYPE (LinAnswerField, lin_answer_field, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (LinAnswerField *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
control_changed_cb (LinAnswerField *self)
{
  emit_changed (self);
}

static void
toggle_toggled_cb (LinAnswerField  *self,
                   GtkToggleButton *button)
{
  /* a group emits for the button going off too: once is enough */
  if (gtk_toggle_button_get_active (button))
    emit_changed (self);
}

static void
number_changed_cb (LinAnswerField *self)
{
  self->touched = TRUE;
  emit_changed (self);
}

/* A check button whose label wraps: long answers ("Restraining measure
 * in criminal proceedings") must not make the window wider than 360 px */
static GtkWidget *
new_check_button (const char *text)
{
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);

  return button;
}

static GtkWidget *
new_flow_box (void)
{
  GtkWidget *box = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (box), FALSE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_ORIENTATION, GTK_ORIENTATION_HORIZONTAL,
                                  -1);

  return box;
}

static void
add_to_flow_box (GtkWidget *box,
                 GtkWidget *button)
{
  GtkWidget *child = gtk_flow_box_child_new ();

  /* Tab goes straight to the buttons, not to their cells */
  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), button);
  gtk_flow_box_append (GTK_FLOW_BOX (box), child);
}

static void
build_choice (LinAnswerField *self)
{
  guint n = lin_code_list_get_n_codes (self->list);
  g_autofree char *name = g_strdup_printf ("field-%s", self->key);

  if (n <= MAX_TOGGLES)
    {
      GtkToggleButton *first = NULL;

      self->control = new_flow_box ();
      for (guint i = 0; i < n; i++)
        {
          const LinCode *code = lin_code_list_get_code (self->list, i);
          GtkWidget *button = gtk_toggle_button_new_with_label (lin_code_list_get_label (self->list, code->code));
          g_autofree char *button_name = g_strdup_printf ("field-%s-%s", self->key, code->code);

          gtk_widget_set_name (button, button_name);
          g_object_set_data (G_OBJECT (button), "lin-code", (gpointer)code->code);
          if (first == NULL)
            first = GTK_TOGGLE_BUTTON (button);
          else
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
          g_signal_connect_object (button, "toggled", G_CALLBACK (toggle_toggled_cb), self, G_CONNECT_SWAPPED);
          g_ptr_array_add (self->buttons, button);
          add_to_flow_box (self->control, button);
        }
    }
  else
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      /* Translators: the first choice of a drop-down: nothing chosen yet */
      gtk_string_list_append (labels, C_("choice", "Not answered"));
      for (guint i = 0; i < n; i++)
        gtk_string_list_append (labels, lin_code_list_get_label (self->list, lin_code_list_get_code (self->list, i)->code));

      self->control = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
      gtk_widget_set_halign (self->control, GTK_ALIGN_START);
      g_signal_connect_object (self->control, "notify::selected", G_CALLBACK (control_changed_cb), self, G_CONNECT_SWAPPED);
    }

  gtk_widget_set_name (self->control, name);
}

static void
build_multi (LinAnswerField *self)
{
  guint n = lin_code_list_get_n_codes (self->list);
  g_autofree char *name = g_strdup_printf ("field-%s", self->key);

  self->control = new_flow_box ();
  gtk_widget_set_name (self->control, name);

  for (guint i = 0; i < n; i++)
    {
      const LinCode *code = lin_code_list_get_code (self->list, i);
      GtkWidget *button = new_check_button (lin_code_list_get_label (self->list, code->code));
      g_autofree char *button_name = g_strdup_printf ("field-%s-%s", self->key, code->code);

      gtk_widget_set_name (button, button_name);
      g_object_set_data (G_OBJECT (button), "lin-code", (gpointer)code->code);
      g_signal_connect_object (button, "toggled", G_CALLBACK (control_changed_cb), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->buttons, button);
      add_to_flow_box (self->control, button);
    }
}

static void
build (LinAnswerField *self)
{
  g_autofree char *name = g_strdup_printf ("field-%s", self->key);

  if (self->kind != LIN_ANSWER_BOOLEAN)
    {
      self->title_label = gtk_label_new (self->title);
      gtk_label_set_xalign (GTK_LABEL (self->title_label), 0);
      gtk_label_set_wrap (GTK_LABEL (self->title_label), TRUE);
      gtk_widget_add_css_class (self->title_label, "heading");
      gtk_widget_set_parent (self->title_label, GTK_WIDGET (self));
    }

  switch (self->kind)
    {
    case LIN_ANSWER_CHOICE:
      build_choice (self);
      break;

    case LIN_ANSWER_MULTI:
      build_multi (self);
      break;

    case LIN_ANSWER_TEXT:
      self->control = gtk_entry_new ();
      gtk_widget_set_name (self->control, name);
      g_signal_connect_object (self->control, "changed", G_CALLBACK (control_changed_cb), self, G_CONNECT_SWAPPED);
      break;

    case LIN_ANSWER_LONG_TEXT:
      {
        GtkWidget *view = gtk_text_view_new ();
        GtkWidget *frame = gtk_frame_new (NULL);

        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
        /* Tab leaves the note, as in an entry */
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
        gtk_widget_set_size_request (view, -1, 120);
        gtk_widget_set_name (view, name);
        gtk_frame_set_child (GTK_FRAME (frame), view);
        g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                                 G_CALLBACK (control_changed_cb), self, G_CONNECT_SWAPPED);
        self->control = view;
        gtk_widget_set_parent (frame, GTK_WIDGET (self));
        goto labelled;
      }

    case LIN_ANSWER_NUMBER:
      self->control = gtk_spin_button_new_with_range (0, 100, 1);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (self->control), TRUE);
      gtk_widget_set_halign (self->control, GTK_ALIGN_START);
      gtk_widget_set_name (self->control, name);
      g_signal_connect_object (self->control, "value-changed", G_CALLBACK (number_changed_cb), self, G_CONNECT_SWAPPED);
      break;

    case LIN_ANSWER_BOOLEAN:
      self->control = new_check_button (self->title);
      gtk_widget_set_name (self->control, name);
      g_signal_connect_object (self->control, "toggled", G_CALLBACK (control_changed_cb), self, G_CONNECT_SWAPPED);
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_widget_set_parent (self->control, GTK_WIDGET (self));

labelled:
  if (self->title_label != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (self->control),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                    -1);
}

static GtkWidget *
active_toggle (LinAnswerField *self)
{
  for (guint i = 0; i < self->buttons->len; i++)
    if (gtk_toggle_button_get_active (g_ptr_array_index (self->buttons, i)))
      return g_ptr_array_index (self->buttons, i);

  return NULL;
}

static void
lin_answer_field_dispose (GObject *object)
{
  LinAnswerField *self = (LinAnswerField *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lin_answer_field_parent_class)->dispose (object);
}

static void
lin_answer_field_finalize (GObject *object)
{
  LinAnswerField *self = (LinAnswerField *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (lin_answer_field_parent_class)->finalize (object);
}

static void
lin_answer_field_class_init (LinAnswerFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_answer_field_dispose;
  object_class->finalize = lin_answer_field_finalize;

  /**
   * LinAnswerField::changed:
   *
   * The answer changed (not when lin_answer_field_set_value() sets it).
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "answerfield");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lin_answer_field_init (LinAnswerField *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->buttons = g_ptr_array_new ();
}

/**
 * lin_answer_field_new:
 * @kind: what the answer is
 * @key: the field's name in the record
 * @list: (nullable): the code list, for choices
 * @title: the question, translated
 *
 * Returns: (transfer floating): a new #LinAnswerField
 */
LinAnswerField *
lin_answer_field_new (LinAnswerKind  kind,
                      const char    *key,
                      const char    *list,
                      const char    *title)
{
  LinAnswerField *self;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail ((kind != LIN_ANSWER_CHOICE && kind != LIN_ANSWER_MULTI) ||
                        lin_code_list_get (list) != NULL, NULL);

  self = g_object_new (LIN_TYPE_ANSWER_FIELD, NULL);
  self->kind = kind;
  self->key = g_strdup (key);
  self->title = g_strdup (title);
  self->list = list != NULL ? lin_code_list_get (list) : NULL;
  build (self);

  return self;
}

void
lin_answer_field_set_range (LinAnswerField *self,
                            int             min,
                            int             max)
{
  g_return_if_fail (LIN_IS_ANSWER_FIELD (self));
  g_return_if_fail (self->kind == LIN_ANSWER_NUMBER);

  self->loading = TRUE;
  gtk_spin_button_set_range (GTK_SPIN_BUTTON (self->control), min, max);
  self->loading = FALSE;
}

const char *
lin_answer_field_get_key (LinAnswerField *self)
{
  g_return_val_if_fail (LIN_IS_ANSWER_FIELD (self), NULL);

  return self->key;
}

const char *
lin_answer_field_get_title (LinAnswerField *self)
{
  g_return_val_if_fail (LIN_IS_ANSWER_FIELD (self), NULL);

  return self->title;
}

LinAnswerKind
lin_answer_field_get_kind (LinAnswerField *self)
{
  g_return_val_if_fail (LIN_IS_ANSWER_FIELD (self), 0);

  return self->kind;
}

/**
 * lin_answer_field_get_control:
 * @self: a #LinAnswerField
 *
 * Returns: (transfer none): the widget that takes the answer (the flow box
 *   of a row of buttons)
 */
GtkWidget *
lin_answer_field_get_control (LinAnswerField *self)
{
  g_return_val_if_fail (LIN_IS_ANSWER_FIELD (self), NULL);

  return self->control;
}

static char *
dup_long_text (LinAnswerField *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->control));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * lin_answer_field_dup_value:
 * @self: a #LinAnswerField
 *
 * Returns: (transfer full) (nullable): the answer as JSON (a code, an
 *   array of codes, a string, an integer, a boolean), or %NULL when there
 *   is none
 */
JsonNode *
lin_answer_field_dup_value (LinAnswerField *self)
{
  g_return_val_if_fail (LIN_IS_ANSWER_FIELD (self), NULL);

  switch (self->kind)
    {
    case LIN_ANSWER_CHOICE:
      if (self->buttons->len > 0)
        {
          GtkWidget *active = active_toggle (self);

          if (active == NULL)
            return NULL;

          return json_node_init_string (json_node_alloc (), g_object_get_data (G_OBJECT (active), "lin-code"));
        }
      else
        {
          guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->control));

          if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
            return NULL;

          return json_node_init_string (json_node_alloc (),
                                        lin_code_list_get_code (self->list, selected - 1)->code);
        }

    case LIN_ANSWER_MULTI:
      {
        g_autoptr(JsonArray) array = json_array_new ();

        for (guint i = 0; i < self->buttons->len; i++)
          if (gtk_check_button_get_active (g_ptr_array_index (self->buttons, i)))
            json_array_add_string_element (array, g_object_get_data (g_ptr_array_index (self->buttons, i), "lin-code"));

        if (json_array_get_length (array) == 0)
          return NULL;

        return json_node_init_array (json_node_alloc (), array);
      }

    case LIN_ANSWER_TEXT:
      {
        const char *text = gtk_editable_get_text (GTK_EDITABLE (self->control));

        if (*text == '\0')
          return NULL;

        return json_node_init_string (json_node_alloc (), text);
      }

    case LIN_ANSWER_LONG_TEXT:
      {
        g_autofree char *text = dup_long_text (self);

        if (*text == '\0')
          return NULL;

        return json_node_init_string (json_node_alloc (), text);
      }

    case LIN_ANSWER_NUMBER:
      if (!self->touched)
        return NULL;

      return json_node_init_int (json_node_alloc (),
                                 gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->control)));

    case LIN_ANSWER_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (),
                                     gtk_check_button_get_active (GTK_CHECK_BUTTON (self->control)));

    default:
      g_assert_not_reached ();
    }
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *string)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), string) == 0)
      return TRUE;

  return FALSE;
}

static const char *
node_string (JsonNode *value)
{
  if (value == NULL || json_node_get_value_type (value) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (value);
}

/**
 * lin_answer_field_set_value:
 * @self: a #LinAnswerField
 * @value: (nullable): an answer as lin_answer_field_dup_value() gives it,
 *   or %NULL for none
 *
 * Shows @value, without emitting #LinAnswerField::changed. Codes the list
 * does not have are left out.
 */
void
lin_answer_field_set_value (LinAnswerField *self,
                            JsonNode       *value)
{
  g_return_if_fail (LIN_IS_ANSWER_FIELD (self));

  self->loading = TRUE;

  switch (self->kind)
    {
    case LIN_ANSWER_CHOICE:
      if (self->buttons->len > 0)
        {
          const char *code = node_string (value);

          for (guint i = 0; i < self->buttons->len; i++)
            {
              GtkToggleButton *button = g_ptr_array_index (self->buttons, i);

              gtk_toggle_button_set_active (button,
                                            g_strcmp0 (code, g_object_get_data (G_OBJECT (button), "lin-code")) == 0);
            }
        }
      else
        {
          const char *code = node_string (value);
          guint selected = 0;

          for (guint i = 0; code != NULL && i < lin_code_list_get_n_codes (self->list); i++)
            if (g_str_equal (lin_code_list_get_code (self->list, i)->code, code))
              selected = i + 1;

          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->control), selected);
        }
      break;

    case LIN_ANSWER_MULTI:
      {
        JsonArray *array = value != NULL && JSON_NODE_HOLDS_ARRAY (value) ? json_node_get_array (value) : NULL;

        for (guint i = 0; i < self->buttons->len; i++)
          {
            GtkCheckButton *button = g_ptr_array_index (self->buttons, i);

            gtk_check_button_set_active (button,
                                         array != NULL &&
                                         array_has_string (array, g_object_get_data (G_OBJECT (button), "lin-code")));
          }
      }
      break;

    case LIN_ANSWER_TEXT:
      gtk_editable_set_text (GTK_EDITABLE (self->control), node_string (value) ? node_string (value) : "");
      break;

    case LIN_ANSWER_LONG_TEXT:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->control)),
                                node_string (value) ? node_string (value) : "", -1);
      break;

    case LIN_ANSWER_NUMBER:
      self->touched = value != NULL && JSON_NODE_HOLDS_VALUE (value);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->control),
                                 self->touched ? json_node_get_int (value) : 0);
      break;

    case LIN_ANSWER_BOOLEAN:
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->control),
                                   value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_boolean (value));
      break;

    default:
      g_assert_not_reached ();
    }

  self->loading = FALSE;
}

gboolean
lin_answer_field_has_value (LinAnswerField *self)
{
  g_autoptr(JsonNode) value = NULL;

  g_return_val_if_fail (LIN_IS_ANSWER_FIELD (self), FALSE);

  if (self->kind == LIN_ANSWER_BOOLEAN)
    return gtk_check_button_get_active (GTK_CHECK_BUTTON (self->control));

  value = lin_answer_field_dup_value (self);

  return value != NULL;
}

/**
 * lin_answer_field_dup_display:
 * @self: a #LinAnswerField
 *
 * Returns: (transfer full) (nullable): the answer as she would read it
 *   (translated labels, the text), or %NULL when there is none
 */
char *
lin_answer_field_dup_display (LinAnswerField *self)
{
  g_autoptr(JsonNode) value = NULL;

  g_return_val_if_fail (LIN_IS_ANSWER_FIELD (self), NULL);

  value = lin_answer_field_dup_value (self);
  if (value == NULL)
    return NULL;

  switch (self->kind)
    {
    case LIN_ANSWER_CHOICE:
      return g_strdup (lin_code_list_get_label (self->list, json_node_get_string (value)));

    case LIN_ANSWER_MULTI:
      {
        JsonArray *array = json_node_get_array (value);
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) labels = NULL;

        for (guint i = 0; i < json_array_get_length (array); i++)
          g_strv_builder_add (builder, lin_code_list_get_label (self->list, json_array_get_string_element (array, i)));
        labels = g_strv_builder_end (builder);

        /* Translators: between the answers of a list: "Physical, Sexual" */
        return g_strjoinv (C_("list separator", ", "), labels);
      }

    case LIN_ANSWER_TEXT:
    case LIN_ANSWER_LONG_TEXT:
      return g_strdup (json_node_get_string (value));

    case LIN_ANSWER_NUMBER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));

    case LIN_ANSWER_BOOLEAN:
      return g_strdup (json_node_get_boolean (value) ? _("Yes") : _("No"));

    default:
      g_assert_not_reached ();
    }
}

/**
 * lin_answer_field_store:
 * @self: a #LinAnswerField
 * @object: a JSON object
 *
 * Sets @object's member of the field's key to the answer, or removes it
 * when there is none.
 */
void
lin_answer_field_store (LinAnswerField *self,
                        JsonObject     *object)
{
  JsonNode *value;

  g_return_if_fail (LIN_IS_ANSWER_FIELD (self));
  g_return_if_fail (object != NULL);

  value = lin_answer_field_dup_value (self);
  if (value != NULL)
    json_object_set_member (object, self->key, value);
  else if (json_object_has_member (object, self->key))
    json_object_remove_member (object, self->key);
}

void
lin_answer_field_load (LinAnswerField *self,
                       JsonObject     *object)
{
  g_return_if_fail (LIN_IS_ANSWER_FIELD (self));
  g_return_if_fail (object != NULL);

  lin_answer_field_set_value (self, json_object_get_member (object, self->key));
}

void
lin_answer_field_clear (LinAnswerField *self)
{
  g_return_if_fail (LIN_IS_ANSWER_FIELD (self));

  lin_answer_field_set_value (self, NULL);
}
