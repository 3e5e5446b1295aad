/* lin-store-keys.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's keys from the organisation (ARCHITECTURE.md, "The
 * organisation"): copies of the collection keys for a coordinator to seal
 * to a device she approves, the keys a device takes in when it joins or
 * after a rotation (with everything it held sealed again under the
 * organisation's key, in one transaction), and the small named numbers
 * of sync's state (cursors, joined).
 */

#define G_LOG_DOMAIN "lin-store"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "lin-store-private.h"
#include "lin-store-sync.h"

#define JOINED_STATE "joined"

/* Sync's state */

/**
 * lin_store_set_state:
 * @self: an open #LinStore, in a transaction or not
 * @name: a name: "cursor:COLLECTION", "joined"
 * @value: its value
 * @error: a location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
lin_store_set_state (LinStore    *self,
                     const char  *name,
                     gint64       value,
                     GError     **error)
{
  sqlite3_stmt *stmt = lin_store_prepare_stmt (self, "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)",
                                               error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, value);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return lin_store_sqlite_error (error, self->db, rc, "sync state");

  return TRUE;
}

/**
 * lin_store_get_state:
 * @self: an open #LinStore
 * @name: a name lin_store_set_state() took
 *
 * Returns: its value, or 0
 */
gint64
lin_store_get_state (LinStore   *self,
                     const char *name)
{
  sqlite3_stmt *stmt = lin_store_prepare_stmt (self, "SELECT value FROM sync_state WHERE key = ?", NULL);
  gint64 value = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

/* The organisation's keys */

/**
 * lin_store_dup_keys:
 * @self: an open #LinStore
 * @epochs: (out) (element-type guint32): their epochs, oldest first
 *
 * Returns: (transfer container) (element-type LinKey): copies of the
 *   collection keys, to seal to a device the coordinator approves
 */
GPtrArray *
lin_store_dup_keys (LinStore  *self,
                    GArray   **epochs)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func ((GDestroyNotify)lin_key_free);

  g_return_val_if_fail (LIN_IS_STORE (self), keys);

  *epochs = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint32 epoch = 1; epoch <= self->epoch; epoch++)
    {
      LinKey *key = g_hash_table_lookup (self->keys, GUINT_TO_POINTER (epoch));

      if (key == NULL)
        continue;
      g_ptr_array_add (keys, lin_key_new_from (lin_key_read (key)));
      lin_key_close (key);
      lin_key_close (keys->pdata[keys->len - 1]);
      g_array_append_val (*epochs, epoch);
    }

  return keys;
}

/**
 * lin_store_insert_collection_key:
 * @self: an open #LinStore, in a transaction of the caller's
 * @kwk: the key-wrapping key
 * @epoch: @key's epoch
 * @key: a collection key
 * @error: a location for a #GError
 *
 * Seals @key under @kwk and stores it; both are closed again after.
 *
 * Returns: %TRUE on success
 */
gboolean
lin_store_insert_collection_key (LinStore  *self,
                                 LinKey    *kwk,
                                 guint32    epoch,
                                 LinKey    *key,
                                 GError   **error)
{
  guint8 wrapped[LIN_WRAPPED_KEY_BYTES];
  guint8 ad[8];
  sqlite3_stmt *stmt;
  int rc;

  lin_store_collection_ad (epoch, ad);
  randombytes_buf (wrapped, LIN_NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (wrapped + LIN_NONCE_BYTES, NULL,
                                              lin_key_read (key), LIN_KEY_BYTES,
                                              ad, sizeof ad, NULL, wrapped,
                                              lin_key_read (kwk));
  lin_key_close (key);
  lin_key_close (kwk);

  stmt = lin_store_prepare_stmt (self, "INSERT INTO collection_keys (epoch, wrapped) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, epoch);
  sqlite3_bind_blob (stmt, 2, wrapped, sizeof wrapped, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return lin_store_sqlite_error (error, self->db, rc, "collection key");

  return TRUE;
}

/* Every envelope sealed again under @key (of @epoch), headers otherwise
 * unchanged: in the caller's transaction */
static gboolean
reseal_all (LinStore    *self,
            GHashTable  *old_keys,
            guint32      epoch,
            LinKey      *key,
            GError     **error)
{
  sqlite3_stmt *select = lin_store_prepare_stmt (self, "SELECT id, envelope FROM envelopes", error);
  sqlite3_stmt *update = NULL;
  gboolean ok = TRUE;
  int rc;

  if (select == NULL)
    return FALSE;
  update = lin_store_prepare_stmt (self, "UPDATE envelopes SET envelope = ? WHERE id = ?", error);
  if (update == NULL)
    {
      sqlite3_finalize (select);
      return FALSE;
    }

  while (ok && (rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) envelope = g_bytes_new (sqlite3_column_blob (select, 1),
                                                (gsize)sqlite3_column_bytes (select, 1));
      g_autoptr(GBytes) plain = NULL;
      g_autoptr(GBytes) sealed = NULL;
      LinEnvelopeHeader header;
      LinKey *old;

      ok = lin_envelope_peek (envelope, &header, error);
      old = ok ? g_hash_table_lookup (old_keys, GUINT_TO_POINTER (header.key_epoch)) : NULL;
      if (ok && old == NULL)
        {
          g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                       "A stored record needs a key this profile does not have (epoch %u)", header.key_epoch);
          ok = FALSE;
        }
      if (ok)
        ok = (plain = lin_envelope_open (envelope, old, header.record_id, header.revision, &header, error)) != NULL;
      if (ok)
        {
          header.key_epoch = epoch;
          ok = (sealed = lin_envelope_seal (&header, key, g_bytes_get_data (plain, NULL), g_bytes_get_size (plain),
                                            error)) != NULL;
        }
      if (ok)
        {
          sqlite3_bind_blob (update, 1, g_bytes_get_data (sealed, NULL), (int)g_bytes_get_size (sealed),
                             SQLITE_STATIC);
          sqlite3_bind_int64 (update, 2, sqlite3_column_int64 (select, 0));
          ok = lin_store_step_done (self, update, "re-key", error);
        }
    }

  if (ok && rc != SQLITE_DONE)
    ok = lin_store_sqlite_error (error, self->db, rc, "re-key");
  sqlite3_finalize (select);
  sqlite3_finalize (update);

  return ok;
}

gboolean
lin_store_get_joined (LinStore *self)
{
  g_return_val_if_fail (LIN_IS_STORE (self), FALSE);

  return self->db != NULL && lin_store_get_state (self, JOINED_STATE) != 0;
}

/**
 * lin_store_set_joined:
 * @self: an open #LinStore
 * @error: a location for a #GError
 *
 * The store's keys are the organisation's (the coordinator's laptop, which
 * made them): from now on lin_store_adopt_keys() only adds new epochs.
 *
 * Returns: %TRUE on success
 */
gboolean
lin_store_set_joined (LinStore  *self,
                      GError   **error)
{
  g_return_val_if_fail (LIN_IS_STORE (self), FALSE);

  return lin_store_check_open (self, error) && lin_store_set_state (self, JOINED_STATE, 1, error);
}

/**
 * lin_store_adopt_keys:
 * @self: an open #LinStore
 * @epochs: (array length=n_keys): the organisation's key epochs
 * @keys: (array length=n_keys): its collection keys
 * @n_keys: how many (one at least)
 * @error: a location for a #GError
 *
 * The first time (a device joining), the store's own keys give way to the
 * organisation's, and every envelope it holds (records, their history,
 * drafts) is sealed again under the newest: in one transaction, so that
 * its data joins the organisation's collection in one step, or not at
 * all. Later (after the coordinator rotated the key), new epochs are
 * added; one the store holds with other bytes is refused.
 *
 * Returns: %TRUE on success
 */
gboolean
lin_store_adopt_keys (LinStore   *self,
                      const guint32 *epochs,
                      LinKey    **keys,
                      guint       n_keys,
                      GError    **error)
{
  g_autoptr(LinKey) kwk = NULL;
  gboolean joined;
  guint32 newest = 0;
  guint newest_index = 0;

  g_return_val_if_fail (LIN_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_keys > 0, FALSE);

  if (!lin_store_check_open (self, error))
    return FALSE;

  for (guint i = 0; i < n_keys; i++)
    if (epochs[i] == 0)
      {
        g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED, "A key of the organisation is damaged");
        return FALSE;
      }
    else if (epochs[i] > newest)
      {
        newest = epochs[i];
        newest_index = i;
      }

  joined = lin_store_get_joined (self);
  if (joined)
    for (guint i = 0; i < n_keys; i++)
      {
        LinKey *held = g_hash_table_lookup (self->keys, GUINT_TO_POINTER (epochs[i]));
        gboolean same;

        if (held == NULL)
          continue;
        same = sodium_memcmp (lin_key_read (held), lin_key_read (keys[i]), LIN_KEY_BYTES) == 0;
        lin_key_close (held);
        lin_key_close (keys[i]);
        if (!same)
          {
            g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_TAMPERED,
                                 "The organisation's keys do not match the ones this laptop holds");
            return FALSE;
          }
      }

  kwk = lin_store_wrapping_key (self, error);
  if (kwk == NULL || !lin_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!joined && !lin_store_exec (self, "DELETE FROM collection_keys", error))
    goto fail;

  for (guint i = 0; i < n_keys; i++)
    if ((!joined || !g_hash_table_contains (self->keys, GUINT_TO_POINTER (epochs[i]))) &&
        !lin_store_insert_collection_key (self, kwk, epochs[i], keys[i], error))
      goto fail;

  if (!joined && (!reseal_all (self, self->keys, newest, keys[newest_index], error) ||
                  !lin_store_set_state (self, JOINED_STATE, 1, error)))
    goto fail;

  if (!lin_store_exec (self, "COMMIT", error))
    goto fail;

  if (!joined)
    {
      g_hash_table_remove_all (self->keys);
      g_mutex_lock (&self->read_lock);
      g_hash_table_remove_all (self->read_key_bytes);
      g_hash_table_remove_all (self->read_keys);
      g_mutex_unlock (&self->read_lock);
      self->epoch = 0;
    }

  for (guint i = 0; i < n_keys; i++)
    if (!g_hash_table_contains (self->keys, GUINT_TO_POINTER (epochs[i])))
      {
        LinKey *copy = lin_key_new_from (lin_key_read (keys[i]));

        lin_key_close (keys[i]);
        lin_store_add_read_key (self, epochs[i], copy);
        g_hash_table_insert (self->keys, GUINT_TO_POINTER (epochs[i]), copy);
        self->epoch = MAX (self->epoch, epochs[i]);
      }

  /* old frames of the WAL may still hold the envelopes as they were */
  if (!joined)
    sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);

  return TRUE;

fail:
  lin_store_rollback (self);
  return FALSE;
}
