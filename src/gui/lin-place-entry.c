/* lin-place-entry.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The caller's municipality: typed in either script ("nis", "Ниш"), chosen
 * from the places that match (lin_places_search()), with the district
 * shown as it follows from the place. Enter takes the first match, so the
 * keyboard alone is enough. What is stored is the place's code.
 */

#define G_LOG_DOMAIN "lin-place-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-place-entry.h"
#include "lin-places.h"
#include "lin-translit.h"

#define MAX_MATCHES 8

enum {
  COLUMN_NAME,
  COLUMN_CODE,
  N_COLUMNS
};

struct _LinPlaceEntry
{
  GtkWidget           parent_instance;

  /* Owned */
  GtkListStore       *matches;
  char               *code;

  /* Borrowed */
  GtkWidget          *entry;
  GtkWidget          *district_label;
  GtkEntryCompletion *completion;

  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (LinPlaceEntry, lin_place_entry, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
place_name (const LinPlace *place)
{
  return lin_place_get_name (place, lin_places_use_latin ());
}

static void
show_district (LinPlaceEntry *self)
{
  const LinPlace *place = self->code != NULL ? lin_places_lookup (self->code) : NULL;
  const LinPlace *district = place != NULL ? lin_places_lookup (lin_place_get_district (place)) : NULL;
  g_autofree char *text = NULL;

  if (district == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->district_label), "");
      gtk_widget_set_visible (self->district_label, FALSE);
      return;
    }

  /* Translators: under the municipality: the district it lies in */
  text = g_strdup_printf (_("District: %s"), place_name (district));
  gtk_label_set_label (GTK_LABEL (self->district_label), text);
  gtk_widget_set_visible (self->district_label, TRUE);
}

static void
set_code (LinPlaceEntry *self,
          const char    *code)
{
  if (g_strcmp0 (self->code, code) == 0)
    return;

  g_free (self->code);
  self->code = g_strdup (code);
  show_district (self);

  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
choose (LinPlaceEntry  *self,
        const LinPlace *place)
{
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), place_name (place));
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  self->loading = FALSE;

  set_code (self, lin_place_get_code (place));
}

static void
entry_changed_cb (LinPlaceEntry *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GPtrArray) places = NULL;
  g_autofree char *folded = NULL;
  const char *exact = NULL;

  if (self->loading)
    return;

  gtk_list_store_clear (self->matches);
  if (*text == '\0')
    {
      set_code (self, NULL);
      return;
    }

  places = lin_places_search (text, MAX_MATCHES);
  folded = lin_translit_fold (text);
  for (guint i = 0; i < places->len; i++)
    {
      const LinPlace *place = g_ptr_array_index (places, i);
      g_autofree char *name = lin_translit_fold (place_name (place));

      gtk_list_store_insert_with_values (self->matches, NULL, -1,
                                         COLUMN_NAME, place_name (place),
                                         COLUMN_CODE, lin_place_get_code (place),
                                         -1);
      if (exact == NULL && g_strcmp0 (name, folded) == 0)
        exact = lin_place_get_code (place);
    }

  /* a whole name typed is a choice; anything else waits for one */
  set_code (self, exact);
}

static gboolean
match_selected_cb (LinPlaceEntry *self,
                   GtkTreeModel  *model,
                   GtkTreeIter   *iter)
{
  g_autofree char *code = NULL;
  const LinPlace *place;

  gtk_tree_model_get (model, iter, COLUMN_CODE, &code, -1);
  place = lin_places_lookup (code);
  if (place != NULL)
    choose (self, place);

  return TRUE;
}

static void
entry_activate_cb (LinPlaceEntry *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(GPtrArray) places = NULL;

  if (self->code != NULL || *text == '\0')
    return;

  places = lin_places_search (text, 1);
  if (places->len > 0)
    choose (self, g_ptr_array_index (places, 0));
}

static gboolean
match_all (GtkEntryCompletion *completion,
           const char         *key,
           GtkTreeIter        *iter,
           gpointer            user_data)
{
  /* the list holds only what lin_places_search() found */
  return TRUE;
}

static void
lin_place_entry_dispose (GObject *object)
{
  LinPlaceEntry *self = (LinPlaceEntry *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->matches);

  G_OBJECT_CLASS (lin_place_entry_parent_class)->dispose (object);
}

static void
lin_place_entry_finalize (GObject *object)
{
  LinPlaceEntry *self = (LinPlaceEntry *)object;

  g_clear_pointer (&self->code, g_free);

  G_OBJECT_CLASS (lin_place_entry_parent_class)->finalize (object);
}

static void
lin_place_entry_class_init (LinPlaceEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_place_entry_dispose;
  object_class->finalize = lin_place_entry_finalize;

  /**
   * LinPlaceEntry::changed:
   *
   * The chosen place changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "placeentry");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lin_place_entry_init (LinPlaceEntry *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->matches = gtk_list_store_new (N_COLUMNS, G_TYPE_STRING, G_TYPE_STRING);
}

/**
 * lin_place_entry_new:
 * @title: the question, translated
 *
 * Returns: (transfer floating): a new #LinPlaceEntry
 */
GtkWidget *
lin_place_entry_new (const char *title)
{
  LinPlaceEntry *self = g_object_new (LIN_TYPE_PLACE_ENTRY, NULL);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_parent (label, GTK_WIDGET (self));

  self->entry = gtk_entry_new ();
  gtk_widget_set_name (self->entry, "field-municipality");
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Type a few letters, in either script"));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));

  self->completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (self->completion, GTK_TREE_MODEL (self->matches));
  gtk_entry_completion_set_text_column (self->completion, COLUMN_NAME);
  gtk_entry_completion_set_match_func (self->completion, match_all, NULL, NULL);
  gtk_entry_completion_set_minimum_key_length (self->completion, 1);
  gtk_entry_completion_set_popup_single_match (self->completion, FALSE);
  g_signal_connect_object (self->completion, "match-selected", G_CALLBACK (match_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_entry_set_completion (GTK_ENTRY (self->entry), self->completion);
  g_object_unref (self->completion);

  g_signal_connect_object (self->entry, "changed", G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (entry_activate_cb), self, G_CONNECT_SWAPPED);

  self->district_label = gtk_label_new (NULL);
  gtk_widget_set_name (self->district_label, "district-label");
  gtk_label_set_xalign (GTK_LABEL (self->district_label), 0);
  gtk_widget_add_css_class (self->district_label, "dim-label");
  gtk_widget_set_visible (self->district_label, FALSE);
  gtk_widget_set_parent (self->district_label, GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->district_label, NULL,
                                  -1);

  return GTK_WIDGET (self);
}

GtkWidget *
lin_place_entry_get_entry (LinPlaceEntry *self)
{
  g_return_val_if_fail (LIN_IS_PLACE_ENTRY (self), NULL);

  return self->entry;
}

/**
 * lin_place_entry_get_code:
 * @self: a #LinPlaceEntry
 *
 * Returns: (nullable): the chosen place's code
 */
const char *
lin_place_entry_get_code (LinPlaceEntry *self)
{
  g_return_val_if_fail (LIN_IS_PLACE_ENTRY (self), NULL);

  return self->code;
}

/**
 * lin_place_entry_get_district:
 * @self: a #LinPlaceEntry
 *
 * Returns: (nullable): the code of the chosen place's district
 */
const char *
lin_place_entry_get_district (LinPlaceEntry *self)
{
  const LinPlace *place;

  g_return_val_if_fail (LIN_IS_PLACE_ENTRY (self), NULL);

  place = self->code != NULL ? lin_places_lookup (self->code) : NULL;

  return place != NULL ? lin_place_get_district (place) : NULL;
}

/**
 * lin_place_entry_set_code:
 * @self: a #LinPlaceEntry
 * @code: (nullable): a place's code, or %NULL for none
 *
 * Shows the place without emitting #LinPlaceEntry::changed.
 */
void
lin_place_entry_set_code (LinPlaceEntry *self,
                          const char    *code)
{
  const LinPlace *place;

  g_return_if_fail (LIN_IS_PLACE_ENTRY (self));

  place = code != NULL ? lin_places_lookup (code) : NULL;

  self->loading = TRUE;
  gtk_list_store_clear (self->matches);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), place != NULL ? place_name (place) : "");
  set_code (self, place != NULL ? code : NULL);
  self->loading = FALSE;
}

/**
 * lin_place_entry_dup_display:
 * @self: a #LinPlaceEntry
 *
 * Returns: (transfer full) (nullable): the place's name, or %NULL
 */
char *
lin_place_entry_dup_display (LinPlaceEntry *self)
{
  const LinPlace *place;

  g_return_val_if_fail (LIN_IS_PLACE_ENTRY (self), NULL);

  place = self->code != NULL ? lin_places_lookup (self->code) : NULL;

  return place != NULL ? g_strdup (place_name (place)) : NULL;
}
