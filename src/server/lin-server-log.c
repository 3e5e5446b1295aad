/* lin-server-log.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The collections' append-only logs in server.db: push and pull.
 *
 * A push is one transaction: each operation is compared and swapped
 * against its record's head, and the sequence number is taken from the
 * collection's row inside that transaction, so the numbers are in commit
 * order and a pull by cursor never skips one. An operation id is unique
 * in its organisation: a replay is answered from the log (duplicate, with
 * the sequence it got), never applied again; the same id with another
 * body is an error.
 */

#define G_LOG_DOMAIN "lin-server-db"

#include "config.h"

#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "lin-bytes.h"
#include "lin-server-db-private.h"

/* What makes two operations with one id the same operation */
static void
op_digest (const LinServerOp *op,
           guint8            *digest)
{
  crypto_hash_sha256_state state;
  guint8 numbers[16];
  gsize len;
  const guint8 *data = g_bytes_get_data (op->envelope, &len);

  lin_put_u64 (numbers, op->base_revision);
  lin_put_u64 (numbers + 8, op->revision);
  crypto_hash_sha256_init (&state);
  crypto_hash_sha256_update (&state, op->record_id, LIN_SERVER_ID_BYTES);
  crypto_hash_sha256_update (&state, numbers, sizeof numbers);
  crypto_hash_sha256_update (&state, data, len);
  crypto_hash_sha256_final (&state, digest);
}

typedef struct
{
  sqlite3_stmt *find_op;
  sqlite3_stmt *head;
  sqlite3_stmt *set_head;
  sqlite3_stmt *append;
} PushStmts;

static void
push_stmts_clear (PushStmts *s)
{
  g_clear_pointer (&s->find_op, sqlite3_finalize);
  g_clear_pointer (&s->head, sqlite3_finalize);
  g_clear_pointer (&s->set_head, sqlite3_finalize);
  g_clear_pointer (&s->append, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PushStmts, push_stmts_clear)

static gboolean
push_stmts_prepare (LinServerDb  *self,
                    PushStmts    *s,
                    const char   *org_id,
                    const char   *collection,
                    GError      **error)
{
  s->find_op = lin_server_db_prepare (self, "SELECT seq, digest, collection FROM log WHERE org_id = ?1 AND op_id = ?3", error);
  s->head = s->find_op ? lin_server_db_prepare (self, "SELECT revision FROM heads"
                                        " WHERE org_id = ?1 AND collection = ?2 AND record_id = ?3", error) : NULL;
  s->set_head = s->head ? lin_server_db_prepare (self, "INSERT OR REPLACE INTO heads (org_id, collection, record_id, revision)"
                                         " VALUES (?1, ?2, ?3, ?4)", error) : NULL;
  s->append = s->set_head ? lin_server_db_prepare (self, "INSERT INTO log (org_id, collection, seq, op_id, record_id,"
                                           " base_revision, revision, digest, device_id, envelope)"
                                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error) : NULL;
  if (s->append == NULL)
    return FALSE;

  lin_server_db_bind_text (s->find_op, 1, org_id);
  lin_server_db_bind_text (s->head, 1, org_id);
  lin_server_db_bind_text (s->head, 2, collection);
  lin_server_db_bind_text (s->set_head, 1, org_id);
  lin_server_db_bind_text (s->set_head, 2, collection);
  lin_server_db_bind_text (s->append, 1, org_id);
  lin_server_db_bind_text (s->append, 2, collection);

  return TRUE;
}

/* Answers an operation whose id is in the log already */
static gboolean
push_known_op (PushStmts    *s,
               LinServerOp  *op,
               const guint8 *digest,
               const char   *collection)
{
  sqlite3_bind_blob (s->find_op, 3, op->op_id, LIN_SERVER_ID_BYTES, SQLITE_STATIC);
  if (sqlite3_step (s->find_op) != SQLITE_ROW)
    {
      sqlite3_reset (s->find_op);
      return FALSE;
    }

  if (sqlite3_column_bytes (s->find_op, 1) == crypto_hash_sha256_BYTES &&
      memcmp (sqlite3_column_blob (s->find_op, 1), digest, crypto_hash_sha256_BYTES) == 0 &&
      g_strcmp0 ((const char *)sqlite3_column_text (s->find_op, 2), collection) == 0)
    {
      op->status = LIN_SERVER_OP_DUPLICATE;
      op->seq = sqlite3_column_int64 (s->find_op, 0);
    }
  else
    {
      op->status = LIN_SERVER_OP_REJECTED;
      op->reason = "the operation id was used for a different operation";
    }
  sqlite3_reset (s->find_op);

  return TRUE;
}

static gboolean
push_one (LinServerDb  *self,
          PushStmts    *s,
          const char   *collection,
          const char   *device_id,
          LinServerOp  *op,
          gint64       *last_seq,
          GError      **error)
{
  guint8 digest[crypto_hash_sha256_BYTES];
  gint64 current = 0;
  gsize len;
  const guint8 *data;

  op_digest (op, digest);
  if (push_known_op (s, op, digest, collection))
    return TRUE;

  sqlite3_bind_blob (s->head, 3, op->record_id, LIN_SERVER_ID_BYTES, SQLITE_STATIC);
  if (sqlite3_step (s->head) == SQLITE_ROW)
    current = sqlite3_column_int64 (s->head, 0);
  sqlite3_reset (s->head);

  if (current != op->base_revision)
    {
      op->status = LIN_SERVER_OP_CONFLICT;
      op->current_revision = current;
      return TRUE;
    }

  data = g_bytes_get_data (op->envelope, &len);
  sqlite3_bind_int64 (s->append, 3, *last_seq + 1);
  sqlite3_bind_blob (s->append, 4, op->op_id, LIN_SERVER_ID_BYTES, SQLITE_STATIC);
  sqlite3_bind_blob (s->append, 5, op->record_id, LIN_SERVER_ID_BYTES, SQLITE_STATIC);
  sqlite3_bind_int64 (s->append, 6, op->base_revision);
  sqlite3_bind_int64 (s->append, 7, op->revision);
  sqlite3_bind_blob (s->append, 8, digest, sizeof digest, SQLITE_STATIC);
  sqlite3_bind_text (s->append, 9, device_id, -1, SQLITE_STATIC);
  sqlite3_bind_blob (s->append, 10, data, len, SQLITE_STATIC);
  sqlite3_bind_blob (s->set_head, 3, op->record_id, LIN_SERVER_ID_BYTES, SQLITE_STATIC);
  sqlite3_bind_int64 (s->set_head, 4, op->revision);

  if (sqlite3_step (s->append) != SQLITE_DONE || sqlite3_step (s->set_head) != SQLITE_DONE)
    {
      lin_server_db_set_error (self, error, "append");
      sqlite3_reset (s->append);
      sqlite3_reset (s->set_head);
      return FALSE;
    }
  sqlite3_reset (s->append);
  sqlite3_reset (s->set_head);

  *last_seq += 1;
  op->status = LIN_SERVER_OP_APPLIED;
  op->seq = *last_seq;

  return TRUE;
}

static gboolean
get_last_seq (LinServerDb  *self,
              const char   *org_id,
              const char   *collection,
              gint64       *last_seq,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  insert = lin_server_db_prepare (self, "INSERT OR IGNORE INTO collections (org_id, name) VALUES (?, ?)", error);
  if (insert == NULL)
    return FALSE;
  lin_server_db_bind_text (insert, 1, org_id);
  lin_server_db_bind_text (insert, 2, collection);
  if (!lin_server_db_step_done (self, insert, "collection", error))
    return FALSE;

  stmt = lin_server_db_prepare (self, "SELECT last_seq FROM collections WHERE org_id = ? AND name = ?", error);
  if (stmt == NULL)
    return FALSE;
  lin_server_db_bind_text (stmt, 1, org_id);
  lin_server_db_bind_text (stmt, 2, collection);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return lin_server_db_set_error (self, error, "collection");
  *last_seq = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

static gboolean
set_last_seq (LinServerDb  *self,
              const char   *org_id,
              const char   *collection,
              gint64        last_seq,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = lin_server_db_prepare (self, "UPDATE collections SET last_seq = ? WHERE org_id = ? AND name = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, last_seq);
  lin_server_db_bind_text (stmt, 2, org_id);
  lin_server_db_bind_text (stmt, 3, collection);

  return lin_server_db_step_done (self, stmt, "collection", error);
}

/**
 * lin_server_db_push:
 * @self: a #LinServerDb
 * @org_id: the organisation
 * @collection: the collection's name
 * @device_id: the pushing device
 * @ops: (array length=n_ops): the operations; their answers are set
 * @n_ops: how many
 * @error: a location for a #GError
 *
 * Applies a page of operations in one transaction, in order, each with
 * compare-and-swap on its base revision. When it fails, nothing of the
 * page is applied and the answers mean nothing.
 *
 * Returns: %TRUE when the transaction committed
 */
gboolean
lin_server_db_push (LinServerDb  *self,
                    const char   *org_id,
                    const char   *collection,
                    const char   *device_id,
                    LinServerOp  *ops,
                    guint         n_ops,
                    GError      **error)
{
  g_auto(PushStmts) s = { NULL, };
  gint64 last_seq = 0;
  gint64 first_seq;

  g_return_val_if_fail (LIN_IS_SERVER_DB (self), FALSE);

  if (!lin_server_db_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!get_last_seq (self, org_id, collection, &last_seq, error) ||
      !push_stmts_prepare (self, &s, org_id, collection, error))
    return lin_server_db_rollback (self), FALSE;

  first_seq = last_seq;
  for (guint i = 0; i < n_ops; i++)
    if (!push_one (self, &s, collection, device_id, &ops[i], &last_seq, error))
      return lin_server_db_rollback (self), FALSE;

  if ((last_seq != first_seq && !set_last_seq (self, org_id, collection, last_seq, error)) ||
      !lin_server_db_exec (self, "COMMIT", error))
    return lin_server_db_rollback (self), FALSE;

  return TRUE;
}

/**
 * lin_server_db_pull:
 * @self: a #LinServerDb
 * @org_id: the organisation
 * @collection: the collection's name
 * @since: the cursor: the last sequence number the device has
 * @limit: at most this many changes
 * @max_bytes: and about this many envelope bytes (at least one change)
 * @more: (out): whether more changes follow
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type LinServerChange): the changes
 *   after @since in sequence order, or %NULL
 */
GPtrArray *
lin_server_db_pull (LinServerDb  *self,
                    const char   *org_id,
                    const char   *collection,
                    gint64        since,
                    guint         limit,
                    gsize         max_bytes,
                    gboolean     *more,
                    GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gsize bytes = 0;

  g_return_val_if_fail (LIN_IS_SERVER_DB (self), NULL);

  stmt = lin_server_db_prepare (self, "SELECT seq, op_id, record_id, base_revision, revision, envelope FROM log"
                        " WHERE org_id = ? AND collection = ? AND seq > ? ORDER BY seq LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  lin_server_db_bind_text (stmt, 1, org_id);
  lin_server_db_bind_text (stmt, 2, collection);
  sqlite3_bind_int64 (stmt, 3, since);
  sqlite3_bind_int64 (stmt, 4, (gint64)limit + 1);

  *more = FALSE;
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify)lin_server_change_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LinServerChange *change;
      gsize len = sqlite3_column_bytes (stmt, 5);

      if (changes->len == limit || (changes->len > 0 && bytes + len > max_bytes))
        {
          *more = TRUE;
          break;
        }

      change = g_new0 (LinServerChange, 1);
      change->seq = sqlite3_column_int64 (stmt, 0);
      if (sqlite3_column_bytes (stmt, 1) == LIN_SERVER_ID_BYTES)
        memcpy (change->op_id, sqlite3_column_blob (stmt, 1), LIN_SERVER_ID_BYTES);
      if (sqlite3_column_bytes (stmt, 2) == LIN_SERVER_ID_BYTES)
        memcpy (change->record_id, sqlite3_column_blob (stmt, 2), LIN_SERVER_ID_BYTES);
      change->base_revision = sqlite3_column_int64 (stmt, 3);
      change->revision = sqlite3_column_int64 (stmt, 4);
      change->envelope = g_bytes_new (sqlite3_column_blob (stmt, 5), len);
      bytes += len;
      g_ptr_array_add (changes, change);
    }

  return g_steal_pointer (&changes);
}
