/* lin-draft.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A draft is a record that stays on this device (no outbox row, only its
 * latest revision kept) and is saved on every change, debounced: the call
 * wizard calls lin_draft_changed() on each keystroke and the draft is
 * written, encrypted, once typing pauses for the delay. Whatever is
 * pending is written before the store closes (lock, quick hide, exit) and
 * when the draft goes away.
 */

#define G_LOG_DOMAIN "lin-draft"

#include "config.h"

#include "lin-draft.h"

struct _LinDraft
{
  GObject    parent_instance;

  /* Owned */
  LinStore  *store;
  LinRecord *record;

  guint      delay_ms;
  guint      timeout_id;
  gulong     closing_id;
};

G_DEFINE_FINAL_TYPE (LinDraft, lin_draft, G_TYPE_OBJECT)

enum {
  SAVED,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
save_now (LinDraft  *self,
          GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (!lin_store_save (self->store, self->record, &local_error))
    {
      /* the text is still in the record: a later change tries again */
      g_signal_emit (self, signals[SAVE_FAILED], 0, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  LinDraft *self = user_data;

  self->timeout_id = 0;
  save_now (self, NULL);

  return G_SOURCE_REMOVE;
}

static void
store_closing_cb (LinDraft *self,
                  LinStore *store)
{
  lin_draft_flush (self, NULL);
}

static void
lin_draft_dispose (GObject *object)
{
  LinDraft *self = (LinDraft *)object;

  if (self->store != NULL)
    {
      lin_draft_flush (self, NULL);
      g_clear_signal_handler (&self->closing_id, self->store);
    }

  g_clear_object (&self->store);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (lin_draft_parent_class)->dispose (object);
}

static void
lin_draft_class_init (LinDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lin_draft_dispose;

  /**
   * LinDraft::saved:
   *
   * The draft's latest changes are on disk.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * LinDraft::save-failed:
   * @error: why
   *
   * The draft could not be written; its changes are kept in memory and
   * written with the next change or flush.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
lin_draft_init (LinDraft *self)
{
}

/**
 * lin_draft_new:
 * @store: an open #LinStore
 * @record: the record to keep as a draft; it is made local
 * @delay_ms: how long typing must pause before a save, 0 for the default
 *
 * Returns: (transfer full): a new #LinDraft
 */
LinDraft *
lin_draft_new (LinStore  *store,
               LinRecord *record,
               guint      delay_ms)
{
  LinDraft *self;

  g_return_val_if_fail (LIN_IS_STORE (store), NULL);
  g_return_val_if_fail (LIN_IS_RECORD (record), NULL);

  self = g_object_new (LIN_TYPE_DRAFT, NULL);
  self->store = g_object_ref (store);
  self->record = g_object_ref (record);
  self->delay_ms = delay_ms > 0 ? delay_ms : LIN_DRAFT_DEFAULT_DELAY_MS;
  lin_record_set_local (record, TRUE);

  self->closing_id = g_signal_connect_object (store, "closing",
                                              G_CALLBACK (store_closing_cb), self,
                                              G_CONNECT_SWAPPED);

  return self;
}

/**
 * lin_draft_get_record:
 * @self: a #LinDraft
 *
 * Returns: (transfer none): the record; change its fields, then call
 *   lin_draft_changed()
 */
LinRecord *
lin_draft_get_record (LinDraft *self)
{
  g_return_val_if_fail (LIN_IS_DRAFT (self), NULL);

  return self->record;
}

/**
 * lin_draft_changed:
 * @self: a #LinDraft
 *
 * The record changed: save it once no change has come for the delay.
 */
void
lin_draft_changed (LinDraft *self)
{
  g_return_if_fail (LIN_IS_DRAFT (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (self->delay_ms, timeout_cb, self);
}

/**
 * lin_draft_get_pending:
 * @self: a #LinDraft
 *
 * Returns: whether changes wait to be written
 */
gboolean
lin_draft_get_pending (LinDraft *self)
{
  g_return_val_if_fail (LIN_IS_DRAFT (self), FALSE);

  return self->timeout_id != 0;
}

/**
 * lin_draft_flush:
 * @self: a #LinDraft
 * @error: a location for a #GError
 *
 * Writes pending changes now. Nothing pending is success.
 *
 * Returns: %TRUE when nothing is left unwritten
 */
gboolean
lin_draft_flush (LinDraft  *self,
                 GError   **error)
{
  g_return_val_if_fail (LIN_IS_DRAFT (self), FALSE);

  if (self->timeout_id == 0)
    return TRUE;

  return save_now (self, error);
}
