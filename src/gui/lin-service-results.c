/* lin-service-results.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The directory search's results as a list model of slots: the item at a
 * position is always the same LinServiceSlot, which stands for whichever
 * service the latest search put there. A new search replaces the array of
 * services and only says that the list grew or shrank at its end;
 * #LinServiceResults::refreshed then tells the rows on screen to show
 * their slot's new service.
 *
 * GTK 4.8's list view makes a new row widget for every item a change
 * names and destroys the old one: replacing the items took 10-15 ms a
 * keystroke with 10,000 services (bench-directory-view), about as long
 * as a frame, before anything was drawn. Rows that stay and redraw their
 * text take a fraction of that.
 */

#define G_LOG_DOMAIN "lin-service-results"

#include "config.h"

#include "lin-service-results.h"

struct _LinServiceSlot
{
  GObject            parent_instance;

  LinServiceResults *results;   /* weak */
  guint              position;
};

G_DEFINE_FINAL_TYPE (LinServiceSlot, lin_service_slot, G_TYPE_OBJECT)

struct _LinServiceResults
{
  GObject    parent_instance;

  GPtrArray *services;  /* of LinRecord, owned */
  GPtrArray *slots;     /* of LinServiceSlot, made as they are asked for */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinServiceResults, lin_service_results, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  REFRESHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Slots */

static void
lin_service_slot_finalize (GObject *object)
{
  LinServiceSlot *self = (LinServiceSlot *)object;

  g_clear_weak_pointer (&self->results);

  G_OBJECT_CLASS (lin_service_slot_parent_class)->finalize (object);
}

static void
lin_service_slot_class_init (LinServiceSlotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lin_service_slot_finalize;
}

static void
lin_service_slot_init (LinServiceSlot *self)
{
}

/**
 * lin_service_slot_get_service:
 * @self: a #LinServiceSlot
 *
 * Returns: (transfer none) (nullable): the service the latest search put
 *   at the slot's position; %NULL when the results are shorter now
 */
LinRecord *
lin_service_slot_get_service (LinServiceSlot *self)
{
  g_return_val_if_fail (LIN_IS_SERVICE_SLOT (self), NULL);

  if (self->results == NULL)
    return NULL;

  return lin_service_results_get_service (self->results, self->position);
}

/* The model */

static GType
get_item_type (GListModel *model)
{
  return LIN_TYPE_SERVICE_SLOT;
}

static guint
get_n_items (GListModel *model)
{
  return LIN_SERVICE_RESULTS (model)->services->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  LinServiceResults *self = LIN_SERVICE_RESULTS (model);

  if (position >= self->services->len)
    return NULL;

  if (position >= self->slots->len)
    g_ptr_array_set_size (self->slots, position + 1);
  if (g_ptr_array_index (self->slots, position) == NULL)
    {
      LinServiceSlot *slot = g_object_new (LIN_TYPE_SERVICE_SLOT, NULL);

      g_set_weak_pointer (&slot->results, self);
      slot->position = position;
      g_ptr_array_index (self->slots, position) = slot;
    }

  return g_object_ref (g_ptr_array_index (self->slots, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
lin_service_results_finalize (GObject *object)
{
  LinServiceResults *self = (LinServiceResults *)object;

  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);

  G_OBJECT_CLASS (lin_service_results_parent_class)->finalize (object);
}

static void
lin_service_results_class_init (LinServiceResultsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lin_service_results_finalize;

  /**
   * LinServiceResults::refreshed:
   *
   * The slots stand for other services now: rows show theirs again.
   */
  signals[REFRESHED] =
    g_signal_new ("refreshed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
clear_slot (gpointer slot)
{
  if (slot != NULL)
    g_object_unref (slot);
}

static void
lin_service_results_init (LinServiceResults *self)
{
  self->services = g_ptr_array_new_with_free_func (g_object_unref);
  self->slots = g_ptr_array_new_with_free_func (clear_slot);
}

LinServiceResults *
lin_service_results_new (void)
{
  return g_object_new (LIN_TYPE_SERVICE_RESULTS, NULL);
}

/**
 * lin_service_results_set:
 * @self: a #LinServiceResults
 * @found: (transfer full) (element-type LinRecord): the services found, in
 *   order, each a reference the array owns
 *
 * Puts @found in the slots.
 */
void
lin_service_results_set (LinServiceResults *self,
                         GPtrArray         *found)
{
  g_autoptr(GPtrArray) old = NULL;
  guint common;

  g_return_if_fail (LIN_IS_SERVICE_RESULTS (self));
  g_return_if_fail (found != NULL);

  old = g_steal_pointer (&self->services);
  self->services = found;
  common = MIN (old->len, found->len);

  /* the slots beyond the new end go; a slot a row still holds reads NULL */
  if (self->slots->len > found->len)
    g_ptr_array_set_size (self->slots, found->len);

  if (old->len != found->len)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old->len - common, found->len - common);

  g_signal_emit (self, signals[REFRESHED], 0);
}

/**
 * lin_service_results_get_service:
 * @self: a #LinServiceResults
 * @position: a position
 *
 * Returns: (transfer none) (nullable): the service at @position
 */
LinRecord *
lin_service_results_get_service (LinServiceResults *self,
                                 guint              position)
{
  g_return_val_if_fail (LIN_IS_SERVICE_RESULTS (self), NULL);

  if (position >= self->services->len)
    return NULL;

  return g_ptr_array_index (self->services, position);
}
