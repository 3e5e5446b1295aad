/* lin-referral-list.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The referrals of a call: each one a service type, a line of free text
 * (which service, where) and its status, added and removed as the
 * conversation goes.
 *
 * With a context (the call wizard's), the directory's search sits above
 * them, kept to the caller's municipality: Enter on a service found adds
 * it as a referral (its type, its name and town, its id in the directory,
 * "referred"), and the search is ready for the next one.
 */

#define G_LOG_DOMAIN "lin-referral-list"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-answer-field.h"
#include "lin-call.h"
#include "lin-referral-list.h"
#include "lin-service-search.h"
#include "lin-service-ui.h"

struct _LinReferralList
{
  GtkWidget  parent_instance;

  /* Borrowed */
  GtkWidget *rows_box;
  GtkWidget *add_button;
  GtkWidget *search;      /* with a context */
  GtkWidget *refer_button;

  gboolean   loading;
};

G_DEFINE_FINAL_TYPE (LinReferralList, lin_referral_list, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
changed (LinReferralList *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_clicked_cb (GtkWidget *button,
                   GtkWidget *row)
{
  LinReferralList *self = LIN_REFERRAL_LIST (gtk_widget_get_ancestor (row, LIN_TYPE_REFERRAL_LIST));

  /* focus stays in the list, on the button that adds */
  gtk_widget_grab_focus (self->add_button);
  gtk_box_remove (GTK_BOX (self->rows_box), row);
  changed (self);
}

static void
add_clicked_cb (LinReferralList *self)
{
  GtkWidget *row = lin_referral_list_add (self);

  gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
  changed (self);
}

static const char *
row_service_id (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), LIN_REFERRAL_FIELD_SERVICE_ID);
}

static void
set_row_service_id (GtkWidget  *row,
                    const char *id)
{
  g_object_set_data_full (G_OBJECT (row), LIN_REFERRAL_FIELD_SERVICE_ID, g_strdup (id), g_free);
}

static GtkWidget *
add_row (LinReferralList *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *remove;
  LinAnswerField *type, *text, *status;
  g_autofree char *remove_label = NULL;
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (self->rows_box); child; child = gtk_widget_get_next_sibling (child))
    n++;

  gtk_widget_add_css_class (row, "card");
  gtk_widget_add_css_class (row, "lin-card");

  type = lin_answer_field_new (LIN_ANSWER_CHOICE, "service_type", "service-type",
                             /* Translators: the kind of service a caller is referred to */
                             _("Service type"));
  text = lin_answer_field_new (LIN_ANSWER_TEXT, "text", NULL,
                             _("Which service, where"));
  status = lin_answer_field_new (LIN_ANSWER_CHOICE, "status", "referral-status",
                               /* Translators: what became of a referral */
                               _("Status"));

  for (LinAnswerField *f = type; f != NULL; f = f == type ? text : f == text ? status : NULL)
    {
      g_signal_connect_object (f, "changed", G_CALLBACK (changed), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (row), GTK_WIDGET (f));
      g_object_set_data (G_OBJECT (row), lin_answer_field_get_key (f), f);
    }

  /* Translators: a button that removes a referral from the call */
  remove = gtk_button_new_with_label (_("Remove Referral"));
  gtk_widget_set_halign (remove, GTK_ALIGN_START);
  gtk_widget_set_name (remove, "referral-remove");
  remove_label = g_strdup_printf (_("Remove referral %u"), n + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), row);
  gtk_box_append (GTK_BOX (row), remove);

  gtk_box_append (GTK_BOX (self->rows_box), row);

  return row;
}

static void
service_activated_cb (LinReferralList *self,
                      LinRecord       *service)
{
  JsonObject *fields = lin_record_get_fields (service);
  g_autoptr(JsonObject) referral = json_object_new ();
  g_autofree char *place = lin_service_ui_place (fields);
  const char *name = json_object_get_string_member_with_default (fields, LIN_SERVICE_FIELD_NAME, "");
  g_autofree char *text = NULL;
  GtkWidget *row;

  /* the same service twice is one referral */
  for (row = gtk_widget_get_first_child (self->rows_box); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (row_service_id (row), lin_record_get_id_string (service)) == 0)
      return;

  if (place != NULL)
    /* Translators: a referral's text when the service comes from the
     * directory: its name and its place, "Sigurna kuća Niš, Medijana (Niš)" */
    text = g_strdup_printf (_("%1$s, %2$s"), name, place);
  else
    text = g_strdup (name);

  json_object_set_string_member (referral, LIN_REFERRAL_FIELD_SERVICE_TYPE,
                                 json_object_get_string_member_with_default (fields, LIN_SERVICE_FIELD_TYPE, "other"));
  json_object_set_string_member (referral, LIN_REFERRAL_FIELD_TEXT, text);
  json_object_set_string_member (referral, LIN_REFERRAL_FIELD_STATUS, "referred");

  row = add_row (self);
  for (guint k = 0; k < 3; k++)
    {
      static const char *keys[] = { "service_type", "text", "status" };

      lin_answer_field_load (g_object_get_data (G_OBJECT (row), keys[k]), referral);
    }
  set_row_service_id (row, lin_record_get_id_string (service));
  changed (self);

  /* ready for the next one */
  gtk_editable_set_text (GTK_EDITABLE (lin_service_search_get_entry (LIN_SERVICE_SEARCH (self->search))), "");
}

static void
refer_clicked_cb (LinReferralList *self)
{
  LinRecord *service = lin_service_search_get_selected (LIN_SERVICE_SEARCH (self->search));

  if (service != NULL)
    service_activated_cb (self, service);
  gtk_widget_grab_focus (self->search);
}

static void
selected_changed_cb (LinReferralList *self)
{
  gtk_widget_set_sensitive (self->refer_button,
                            lin_service_search_get_selected (LIN_SERVICE_SEARCH (self->search)) != NULL);
}

static void
remove_all (LinReferralList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->rows_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->rows_box), child);
}

static void
lin_referral_list_dispose (GObject *object)
{
  LinReferralList *self = (LinReferralList *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lin_referral_list_parent_class)->dispose (object);
}

static void
lin_referral_list_class_init (LinReferralListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_referral_list_dispose;

  /**
   * LinReferralList::changed:
   *
   * A referral was added, removed or changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "referrallist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lin_referral_list_init (LinReferralList *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *title;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);

  /* Translators: a heading: the services the caller is referred to */
  title = gtk_label_new (_("Referrals"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_parent (title, GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  -1);

  self->search = lin_service_search_new (TRUE);
  gtk_widget_set_name (self->search, "referral-search");
  gtk_widget_set_visible (self->search, FALSE);
  g_signal_connect_object (self->search, "activated", G_CALLBACK (service_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->search, GTK_WIDGET (self));

  /* Translators: a button under the directory's search in the call
   * wizard: add the chosen service to the call's referrals */
  self->refer_button = gtk_button_new_with_mnemonic (_("Add Chosen _Service"));
  gtk_widget_set_name (self->refer_button, "referral-refer");
  gtk_widget_set_halign (self->refer_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->refer_button, "suggested-action");
  /* Translators: a tooltip of the button that adds the chosen service as a referral */
  gtk_widget_set_tooltip_text (self->refer_button, _("Enter in the search does the same"));
  gtk_widget_set_visible (self->refer_button, FALSE);
  g_signal_connect_object (self->refer_button, "clicked", G_CALLBACK (refer_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search, "notify::selected", G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->refer_button, GTK_WIDGET (self));

  self->rows_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->rows_box, GTK_WIDGET (self));

  self->add_button = gtk_button_new_with_mnemonic (_("_Add Referral"));
  gtk_widget_set_name (self->add_button, "referral-add");
  gtk_widget_set_halign (self->add_button, GTK_ALIGN_START);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->add_button, GTK_WIDGET (self));
}

GtkWidget *
lin_referral_list_new (void)
{
  return g_object_new (LIN_TYPE_REFERRAL_LIST, NULL);
}

/**
 * lin_referral_list_add:
 * @self: a #LinReferralList
 *
 * Adds an empty referral (as the Add button does, without emitting
 * #LinReferralList::changed).
 *
 * Returns: (transfer none): its row
 */
GtkWidget *
lin_referral_list_add (LinReferralList *self)
{
  g_return_val_if_fail (LIN_IS_REFERRAL_LIST (self), NULL);

  return add_row (self);
}

guint
lin_referral_list_get_n_rows (LinReferralList *self)
{
  guint n = 0;

  g_return_val_if_fail (LIN_IS_REFERRAL_LIST (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (self->rows_box); child; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/**
 * lin_referral_list_dup_value:
 * @self: a #LinReferralList
 *
 * Returns: (transfer full) (nullable): the "referrals" array of a call,
 *   leaving out rows with nothing in them; %NULL when there is none
 */
JsonArray *
lin_referral_list_dup_value (LinReferralList *self)
{
  g_autoptr(JsonArray) array = json_array_new ();

  g_return_val_if_fail (LIN_IS_REFERRAL_LIST (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (self->rows_box); row; row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(JsonObject) object = json_object_new ();
      static const char *keys[] = { "service_type", "text", "status" };

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        lin_answer_field_store (g_object_get_data (G_OBJECT (row), keys[i]), object);

      /* a service of the directory: kept while the row is */
      if (json_object_get_size (object) > 0 && row_service_id (row) != NULL)
        json_object_set_string_member (object, LIN_REFERRAL_FIELD_SERVICE_ID, row_service_id (row));

      if (json_object_get_size (object) > 0)
        json_array_add_object_element (array, g_steal_pointer (&object));
    }

  if (json_array_get_length (array) == 0)
    return NULL;

  return g_steal_pointer (&array);
}

/**
 * lin_referral_list_set_value:
 * @self: a #LinReferralList
 * @referrals: (nullable): a "referrals" array
 *
 * Shows @referrals, one row each, without emitting #LinReferralList::changed.
 */
void
lin_referral_list_set_value (LinReferralList *self,
                             JsonArray       *referrals)
{
  g_return_if_fail (LIN_IS_REFERRAL_LIST (self));

  self->loading = TRUE;
  remove_all (self);
  /* a search of the last call goes with it */
  lin_service_search_clear (LIN_SERVICE_SEARCH (self->search));

  for (guint i = 0; referrals != NULL && i < json_array_get_length (referrals); i++)
    {
      JsonNode *node = json_array_get_element (referrals, i);
      GtkWidget *row;
      static const char *keys[] = { "service_type", "text", "status" };

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      row = add_row (self);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        lin_answer_field_load (g_object_get_data (G_OBJECT (row), keys[k]), json_node_get_object (node));
      set_row_service_id (row, json_object_get_string_member_with_default (json_node_get_object (node),
                                                                            LIN_REFERRAL_FIELD_SERVICE_ID, NULL));
    }

  self->loading = FALSE;
}

/**
 * lin_referral_list_dup_display:
 * @self: a #LinReferralList
 *
 * Returns: (transfer full) (nullable): the referrals for the summary, one
 *   a line, or %NULL when there is none
 */
char *
lin_referral_list_dup_display (LinReferralList *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (LIN_IS_REFERRAL_LIST (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (self->rows_box); row; row = gtk_widget_get_next_sibling (row))
    {
      static const char *keys[] = { "service_type", "text", "status" };
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) parts = NULL;
      g_autofree char *line = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          g_autofree char *part = lin_answer_field_dup_display (g_object_get_data (G_OBJECT (row), keys[i]));

          if (part != NULL)
            g_strv_builder_add (builder, part);
        }

      parts = g_strv_builder_end (builder);
      if (parts[0] == NULL)
        continue;

      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: between the parts of a referral in the summary:
       * "Shelter — Safe house Niš — Referred" */
      line = g_strjoinv (C_("referral separator", " — "), parts);
      g_string_append (out, line);
    }

  if (out->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * lin_referral_list_set_context:
 * @self: a #LinReferralList
 * @context: (nullable): the context whose directory to search
 *
 * Shows the directory's search above the referrals (hidden with %NULL).
 */
void
lin_referral_list_set_context (LinReferralList *self,
                               LinContext      *context)
{
  g_return_if_fail (LIN_IS_REFERRAL_LIST (self));

  lin_service_search_set_context (LIN_SERVICE_SEARCH (self->search), context);
  gtk_widget_set_visible (self->search, context != NULL);
  gtk_widget_set_visible (self->refer_button, context != NULL);
  selected_changed_cb (self);
}

/**
 * lin_referral_list_set_municipality:
 * @self: a #LinReferralList
 * @code: (nullable): the caller's municipality
 *
 * Keeps the directory's search to @code's services (the counsellor can
 * lift that with a click).
 */
void
lin_referral_list_set_municipality (LinReferralList *self,
                                    const char      *code)
{
  g_return_if_fail (LIN_IS_REFERRAL_LIST (self));

  lin_service_search_set_municipality (LIN_SERVICE_SEARCH (self->search), code);
}

/**
 * lin_referral_list_get_search:
 * @self: a #LinReferralList
 *
 * Returns: (transfer none): the directory's search
 */
GtkWidget *
lin_referral_list_get_search (LinReferralList *self)
{
  g_return_val_if_fail (LIN_IS_REFERRAL_LIST (self), NULL);

  return self->search;
}
