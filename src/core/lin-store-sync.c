/* lin-store-sync.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's side of sync (ARCHITECTURE.md, "The organisation"): the
 * outbox read in pages and emptied once the server's answers are here,
 * pulled revisions applied with the cursor in the same transaction, and
 * roster assignments that collide flagged. The organisation's keys are in
 * lin-store-keys.c.
 *
 * The server keeps one line of revisions per record (compare-and-swap on
 * the base revision). A revision pulled is either this laptop's own come
 * back (the same bytes: an echo, its outbox row done), or, when this
 * laptop has edits of the record not yet pushed, a colleague's that came
 * first: the pushed-to-be revisions are set aside, the colleague's becomes
 * the record's history, and the merge of both (lin-merge.c) is a new
 * revision on top of it, in the outbox. What lost the merge becomes a
 * conflict copy (LIN_CONFLICT_KIND). Otherwise it is simply taken.
 */

#define G_LOG_DOMAIN "lin-store"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "lin-merge.h"
#include "lin-roster.h"
#include "lin-store-private.h"
#include "lin-store-sync.h"

void
lin_outbox_op_free (LinOutboxOp *op)
{
  if (op == NULL)
    return;

  g_clear_pointer (&op->seqs, g_array_unref);
  g_clear_pointer (&op->envelope, g_bytes_unref);
  g_free (op);
}

void
lin_change_free (LinChange *change)
{
  if (change == NULL)
    return;

  g_clear_pointer (&change->envelope, g_bytes_unref);
  g_clear_object (&change->record);
  g_free (change);
}

/* The outbox */

/* The envelope stored for a revision, peeked */
static GBytes *stored_envelope (LinStore     *self,
                                const guint8 *id,
                                guint64       revision);

/* The revision of record @id the server is known to hold: 0, none */
static guint64
get_synced (LinStore     *self,
            const guint8 *id)
{
  sqlite3_stmt *stmt = lin_store_cached (self, STMT_SELECT_SYNCED, NULL);
  guint64 revision = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_blob (stmt, 1, id, LIN_RECORD_ID_BYTES, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    revision = (guint64)sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return revision;
}

static gboolean
set_synced (LinStore      *self,
            const guint8  *id,
            guint64        revision,
            GError       **error)
{
  sqlite3_stmt *stmt = lin_store_cached (self, STMT_UPSERT_SYNCED, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, id, LIN_RECORD_ID_BYTES, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (gint64)revision);

  return lin_store_step_done (self, stmt, "sync", error);
}

struct _LinOutboxScan
{
  GPtrArray *order;   /* LinOutboxOp, without their envelopes, oldest first */
  guint      next;    /* the first not yet handed out */
};

void
lin_outbox_scan_free (LinOutboxScan *scan)
{
  if (scan == NULL)
    return;

  g_clear_pointer (&scan->order, g_ptr_array_unref);
  g_free (scan);
}

/**
 * lin_store_outbox_scan:
 * @self: an open #LinStore
 * @error: a location for a #GError
 *
 * Reads the outbox once, for the pages of one push
 * (lin_store_outbox_next()): one operation per record, its newest
 * revision waiting. Several edits of one record before a push are one
 * operation: two operations of one record in a page could not be checked
 * against the server's revision each (the second's base would be the
 * first's number, which another laptop's revision may have taken).
 *
 * An edit saved after the scan is a row of its own that the scan does not
 * stand for: it stays in the outbox for the next push.
 *
 * Returns: (transfer full): the scan, or %NULL on error
 */
LinOutboxScan *
lin_store_outbox_scan (LinStore  *self,
                       GError   **error)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func ((GDestroyNotify)lin_outbox_op_free);
  g_autoptr(GHashTable) by_record = g_hash_table_new (lin_record_id_hash, lin_record_id_equal);
  LinOutboxScan *scan;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LIN_IS_STORE (self), NULL);

  if (!lin_store_check_open (self, error))
    return NULL;

  /* the rows in the order they were written (the table's own order: one
   * pass, no sorting), gathered by record: its newest revision and op id,
   * and every row it stands for */
  stmt = lin_store_prepare_stmt (self, "SELECT seq, record_id, op_id, revision FROM outbox ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const void *id = sqlite3_column_blob (stmt, 1);
      const void *op_id = sqlite3_column_blob (stmt, 2);
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      guint64 revision = (guint64)sqlite3_column_int64 (stmt, 3);
      LinOutboxOp *op;

      if (id == NULL || sqlite3_column_bytes (stmt, 1) != LIN_RECORD_ID_BYTES ||
          op_id == NULL || sqlite3_column_bytes (stmt, 2) != sizeof op->op_id)
        continue;

      op = g_hash_table_lookup (by_record, id);
      if (op == NULL)
        {
          op = g_new0 (LinOutboxOp, 1);
          memcpy (op->record_id, id, LIN_RECORD_ID_BYTES);
          op->seq = seq;
          op->seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (by_record, op->record_id, op);
          g_ptr_array_add (order, op);
        }
      g_array_append_val (op->seqs, seq);
      if (revision >= op->revision)
        {
          op->revision = revision;
          memcpy (op->op_id, op_id, sizeof op->op_id);
        }
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      lin_store_sqlite_error (error, self->db, rc, "outbox");
      return NULL;
    }

  scan = g_new0 (LinOutboxScan, 1);
  scan->order = g_steal_pointer (&order);

  return scan;
}

/**
 * lin_store_outbox_next:
 * @self: an open #LinStore
 * @scan: what lin_store_outbox_scan() read
 * @skip: (nullable): records (binary ids) not to take again this attempt
 * @max_ops: at most this many
 * @max_bytes: and at most this many bytes of envelopes (one at least)
 * @error: a location for a #GError
 *
 * The next page of @scan, each operation with its envelope and the
 * revision the server is known to hold now (none: 0), its base. A page
 * costs what is in it, however long the outbox.
 *
 * Returns: (transfer container) (element-type LinOutboxOp): the next
 *   operations to push, oldest first; empty when none wait
 */
GPtrArray *
lin_store_outbox_next (LinStore       *self,
                       LinOutboxScan  *scan,
                       GHashTable     *skip,
                       guint           max_ops,
                       gsize           max_bytes,
                       GError        **error)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify)lin_outbox_op_free);
  gsize bytes = 0;

  g_return_val_if_fail (LIN_IS_STORE (self), NULL);
  g_return_val_if_fail (scan != NULL, NULL);

  if (!lin_store_check_open (self, error))
    return NULL;

  for (; scan->next < scan->order->len && ops->len < max_ops; scan->next++)
    {
      LinOutboxOp *op = scan->order->pdata[scan->next];

      if (skip != NULL && g_hash_table_contains (skip, op->record_id))
        continue;

      g_clear_pointer (&op->envelope, g_bytes_unref);
      op->envelope = stored_envelope (self, op->record_id, op->revision);
      if (op->envelope == NULL)
        continue;   /* a row whose revision is gone (shredded): nothing to send */
      op->base_revision = get_synced (self, op->record_id);

      if (ops->len > 0 && bytes + g_bytes_get_size (op->envelope) > max_bytes)
        break;
      bytes += g_bytes_get_size (op->envelope);
      g_ptr_array_add (ops, g_steal_pointer (&scan->order->pdata[scan->next]));
    }

  return g_steal_pointer (&ops);
}

static gboolean
commit (LinStore  *self,
        GError   **error)
{
  if (lin_store_exec (self, "COMMIT", error))
    return TRUE;

  lin_store_rollback (self);
  return FALSE;
}

static gboolean
delete_outbox_row (LinStore  *self,
                   gint64     seq,
                   GError   **error)
{
  sqlite3_stmt *stmt = lin_store_cached (self, STMT_DELETE_OUTBOX_ROW, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);

  return lin_store_step_done (self, stmt, "outbox", error);
}

/* The outbox rows of one record, oldest first */
typedef struct
{
  gint64  seq;
  guint64 revision;
} Pending;

static GHashTable *
load_pending (LinStore  *self,
              GError   **error)
{
  g_autoptr(GHashTable) pending = g_hash_table_new_full (lin_record_id_hash, lin_record_id_equal, g_free,
                                                         (GDestroyNotify)g_array_unref);
  sqlite3_stmt *stmt = lin_store_prepare_stmt (self, "SELECT seq, record_id, revision FROM outbox ORDER BY seq",
                                               error);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const void *id = sqlite3_column_blob (stmt, 1);
      Pending row = { sqlite3_column_int64 (stmt, 0), (guint64)sqlite3_column_int64 (stmt, 2) };
      GArray *rows;

      if (id == NULL || sqlite3_column_bytes (stmt, 1) != LIN_RECORD_ID_BYTES)
        continue;
      rows = g_hash_table_lookup (pending, id);
      if (rows == NULL)
        {
          rows = g_array_new (FALSE, FALSE, sizeof (Pending));
          g_hash_table_insert (pending, g_memdup2 (id, LIN_RECORD_ID_BYTES), rows);
        }
      g_array_append_val (rows, row);
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      lin_store_sqlite_error (error, self->db, rc, "outbox");
      return NULL;
    }

  return g_steal_pointer (&pending);
}

/**
 * lin_store_outbox_done:
 * @self: an open #LinStore
 * @ops: (element-type LinOutboxOp): operations the server holds now
 * @error: a location for a #GError
 *
 * Removes their rows (and those of the edits before them, which they
 * carry), in one transaction: called once the server's answer (applied,
 * duplicate) is here, never before.
 *
 * Returns: %TRUE on success
 */
gboolean
lin_store_outbox_done (LinStore   *self,
                       GPtrArray  *ops,
                       GError    **error)
{
  g_return_val_if_fail (LIN_IS_STORE (self), FALSE);

  if (ops->len == 0)
    return TRUE;

  if (!lin_store_check_open (self, error) || !lin_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* the rows the operation stood for; an edit saved since is a row of its
   * own, and waits */
  for (guint i = 0; i < ops->len; i++)
    {
      LinOutboxOp *op = ops->pdata[i];

      for (guint r = 0; op->seqs != NULL && r < op->seqs->len; r++)
        if (!delete_outbox_row (self, g_array_index (op->seqs, gint64, r), error))
          {
            lin_store_rollback (self);
            return FALSE;
          }

      if (!set_synced (self, op->record_id, op->revision, error))
        {
          lin_store_rollback (self);
          return FALSE;
        }
    }

  return commit (self, error);
}

/* Pulled revisions */

/* On any thread: the readers' copies of the keys, under their lock */
gboolean
lin_store_has_key (LinStore *self,
                   guint32   epoch)
{
  gboolean has;

  g_return_val_if_fail (LIN_IS_STORE (self), FALSE);

  g_mutex_lock (&self->read_lock);
  has = g_hash_table_contains (self->read_key_bytes, GUINT_TO_POINTER (epoch));
  g_mutex_unlock (&self->read_lock);

  return has;
}

/**
 * lin_store_open_change:
 * @self: an open #LinStore
 * @seq: the server's sequence number of the revision
 * @envelope: its envelope (the signature already checked and taken off)
 * @error: a location for a #GError
 *
 * Opens a pulled revision with the collection key of its epoch.
 *
 * Returns: (transfer full): the change, or %NULL with @error set
 */
LinChange *
lin_store_open_change (LinStore  *self,
                       gint64     seq,
                       GBytes    *envelope,
                       GError   **error)
{
  g_autoptr(LinChange) change = g_new0 (LinChange, 1);
  gsize len, plain_len = 0;
  const guint8 *data = g_bytes_get_data (envelope, &len);
  const guint8 *key;
  guint8 *plain;
  gboolean opened;

  g_return_val_if_fail (LIN_IS_STORE (self), NULL);

  if (!lin_store_check_open (self, error) || !lin_envelope_peek (envelope, &change->header, error))
    return NULL;

  /* with the readers' copies of the keys, open already: no change of the
   * memory's protection per revision */
  plain = g_malloc (MAX (len, 1));
  g_mutex_lock (&self->read_lock);
  key = g_hash_table_lookup (self->read_key_bytes, GUINT_TO_POINTER (change->header.key_epoch));
  if (key == NULL)
    {
      g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                   "A change needs a key this profile does not have (epoch %u)", change->header.key_epoch);
      opened = FALSE;
    }
  else
    opened = lin_envelope_open_raw (data, len, key, change->header.record_id, change->header.revision,
                                    &change->header, plain, &plain_len, error);
  g_mutex_unlock (&self->read_lock);

  if (opened)
    change->record = lin_record_new_from_payload (&change->header, plain, plain_len, NULL, error);
  sodium_memzero (plain, MAX (len, 1));
  g_free (plain);
  if (change->record == NULL)
    return NULL;

  change->seq = seq;
  change->envelope = g_bytes_ref (envelope);

  return g_steal_pointer (&change);
}

/* What a change did to the working set, done once the transaction has
 * committed */
typedef struct
{
  guint8             id[LIN_RECORD_ID_BYTES];
  LinRecord         *record;   /* the record as it is now; its fields are taken */
  LinEnvelopeHeader  header;   /* of its head revision */
  gboolean           deleted;
} Update;

static void
update_free (Update *update)
{
  g_clear_object (&update->record);
  g_free (update);
}

static void
add_update (GPtrArray               *updates,
            LinRecord               *record,
            const LinEnvelopeHeader *header,
            gboolean                 deleted)
{
  Update *update = g_new0 (Update, 1);

  memcpy (update->id, header->record_id, LIN_RECORD_ID_BYTES);
  update->record = g_object_ref (record);
  update->header = *header;
  update->deleted = deleted;
  g_ptr_array_add (updates, update);
}

/* What an earlier change of the page made of record @id, or NULL */
static Update *
latest_update (GPtrArray    *updates,
               const guint8 *id)
{
  for (guint i = updates->len; i > 0; i--)
    {
      Update *update = updates->pdata[i - 1];

      if (memcmp (update->id, id, LIN_RECORD_ID_BYTES) == 0)
        return update;
    }

  return NULL;
}

/* The stored envelope of a revision, or NULL */
static GBytes *
stored_envelope (LinStore     *self,
                 const guint8 *id,
                 guint64       revision)
{
  sqlite3_stmt *stmt = lin_store_cached (self, STMT_SELECT_ENVELOPE, NULL);
  GBytes *envelope = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_blob (stmt, 1, id, LIN_RECORD_ID_BYTES, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (gint64)revision);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_blob (stmt, 0) != NULL)
    envelope = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize)sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return envelope;
}

static gboolean
stored_head (LinStore     *self,
             const guint8 *id,
             guint64      *revision,
             gboolean     *deleted)
{
  sqlite3_stmt *stmt = lin_store_cached (self, STMT_SELECT_HEAD, NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, id, LIN_RECORD_ID_BYTES, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *revision = (guint64)sqlite3_column_int64 (stmt, 0);
      *deleted = sqlite3_column_int (stmt, 1) != 0;
      found = TRUE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return found;
}

static gboolean
run_id_stmt (LinStore     *self,
             guint         which,
             const guint8 *id,
             GError      **error)
{
  sqlite3_stmt *stmt = lin_store_cached (self, which, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, id, LIN_RECORD_ID_BYTES, SQLITE_STATIC);

  return lin_store_step_done (self, stmt, "sync", error);
}

/* A revision from the server: kept as it came, with no outbox row */
static gboolean
write_remote (LinStore                *self,
              const LinEnvelopeHeader *header,
              GBytes                  *envelope,
              GError                 **error)
{
  gboolean tombstone = (header->flags & LIN_ENVELOPE_FLAG_TOMBSTONE) != 0;
  sqlite3_stmt *stmt;

  /* a deletion destroys what could be read of the record */
  if (tombstone && !run_id_stmt (self, STMT_DELETE_ENVELOPES, header->record_id, error))
    return FALSE;

  stmt = lin_store_cached (self, STMT_INSERT_ENVELOPE, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, header->record_id, LIN_RECORD_ID_BYTES, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64)header->revision);
  sqlite3_bind_int (stmt, 3, 0);
  sqlite3_bind_blob (stmt, 4, g_bytes_get_data (envelope, NULL), (int)g_bytes_get_size (envelope), SQLITE_STATIC);
  if (!lin_store_step_done (self, stmt, "sync", error))
    return FALSE;

  stmt = lin_store_cached (self, STMT_UPSERT_HEAD, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, header->record_id, LIN_RECORD_ID_BYTES, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64)header->revision);
  sqlite3_bind_int (stmt, 3, tombstone);
  if (!lin_store_step_done (self, stmt, "sync", error))
    return FALSE;

  return set_synced (self, header->record_id, header->revision, error);
}

/* A revision of this laptop's, sealed now, in the outbox */
static LinRecord *
write_own (LinStore    *self,
           const char  *kind,
           const guint8 *id,
           JsonObject  *fields,
           guint64      base_revision,
           GArray      *rows,
           GPtrArray   *updates,
           GError     **error)
{
  g_autoptr(LinRecord) record = lin_record_new (kind);
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) envelope = NULL;
  LinEnvelopeHeader header;
  LinKey *key;

  lin_record_set_fields (record, fields);
  lin_store_fill_header (self, record, base_revision, &header);
  if (id != NULL)
    memcpy (header.record_id, id, LIN_RECORD_ID_BYTES);

  key = lin_store_key_for_epoch (self, header.key_epoch, error);
  payload = lin_record_serialize (record);
  envelope = key != NULL ? lin_envelope_seal (&header, key, g_bytes_get_data (payload, NULL),
                                              g_bytes_get_size (payload), error)
                         : NULL;
  if (envelope == NULL || !lin_store_write_revision (self, &header, envelope, FALSE, FALSE, error))
    return NULL;

  /* waiting to be pushed, as the rest of the page must know */
  if (rows != NULL)
    {
      Pending row = { sqlite3_last_insert_rowid (self->db), header.revision };

      g_array_append_val (rows, row);
    }

  lin_record_set_saved (record, &header);
  add_update (updates, record, &header, FALSE);

  return record;
}

static gboolean
write_conflict (LinStore     *self,
                LinRecord    *about,
                const char   *member,
                JsonNode     *value,
                guint64       written_hlc,
                gboolean      review,
                GPtrArray    *updates,
                GError      **error)
{
  g_autoptr(JsonObject) fields = json_object_new ();

  json_object_set_string_member (fields, LIN_CONFLICT_FIELD_RECORD, lin_record_get_id_string (about));
  json_object_set_string_member (fields, LIN_CONFLICT_FIELD_RECORD_KIND, lin_record_get_kind (about));
  if (member != NULL)
    json_object_set_string_member (fields, LIN_CONFLICT_FIELD_MEMBER, member);
  if (value != NULL)
    {
      g_autofree char *text = json_to_string (value, FALSE);

      json_object_set_string_member (fields, LIN_CONFLICT_FIELD_VALUE, text);
    }
  /* the clock's milliseconds, as microseconds like GDateTime's */
  json_object_set_int_member (fields, LIN_CONFLICT_FIELD_WRITTEN, (gint64)(written_hlc >> 16) * 1000);
  json_object_set_boolean_member (fields, LIN_CONFLICT_FIELD_REVIEW, review);
  json_object_set_boolean_member (fields, LIN_CONFLICT_FIELD_RESOLVED, FALSE);

  return write_own (self, LIN_CONFLICT_KIND, NULL, fields, 0, NULL, updates, error) != NULL;
}

static gboolean
same_fields (JsonObject *a,
             JsonObject *b)
{
  g_autoptr(JsonNode) x = json_node_init_object (json_node_alloc (), a);
  g_autoptr(JsonNode) y = json_node_init_object (json_node_alloc (), b);

  return json_node_equal (x, y);
}

/* The fields of a stored revision, or NULL (none, a tombstone, unreadable) */
static JsonObject *
stored_fields (LinStore     *self,
               const guint8 *id,
               guint64       revision)
{
  g_autoptr(GBytes) envelope = NULL;
  g_autoptr(LinChange) change = NULL;

  if (revision == 0 || (envelope = stored_envelope (self, id, revision)) == NULL)
    return NULL;
  change = lin_store_open_change (self, 0, envelope, NULL);
  if (change == NULL || (change->header.flags & LIN_ENVELOPE_FLAG_TOMBSTONE) != 0)
    return NULL;

  return json_object_ref (lin_record_get_fields (change->record));
}

/* A colleague's revision met edits of this laptop's not yet pushed (@rows,
 * oldest first) */
static gboolean
merge_change (LinStore      *self,
              LinChange     *change,
              GArray        *rows,
              GPtrArray     *updates,
              LinApplyStats *stats,
              GError       **error)
{
  const guint8 *id = change->header.record_id;
  LinRecord *ours = g_hash_table_lookup (self->records, id);
  Update *earlier = latest_update (updates, id);
  g_autoptr(JsonObject) base = NULL;
  g_autoptr(JsonObject) our_fields = NULL;
  gboolean ours_deleted = FALSE, theirs_deleted;
  guint64 our_hlc = ours != NULL ? lin_record_get_hlc (ours) : 0;
  guint64 start = 0, head = 0;

  /* the revision both started from: the last this laptop had from the
   * server (gone when it deleted the record) */
  start = get_synced (self, id);
  base = stored_fields (self, id, start);

  /* this laptop's record as it is now: as an earlier change of this page
   * left it, or as the working set has it */
  stored_head (self, id, &head, &ours_deleted);
  if (earlier != NULL)
    {
      ours = earlier->deleted ? NULL : earlier->record;
      our_hlc = earlier->header.hlc;
    }
  ours_deleted = ours_deleted || ours == NULL;
  if (!ours_deleted)
    our_fields = json_object_ref (lin_record_get_fields (ours));
  theirs_deleted = (change->header.flags & LIN_ENVELOPE_FLAG_TOMBSTONE) != 0;

  /* this laptop's revisions not pushed make way for the colleague's: what
   * they held is in @our_fields, and goes into the merge */
  for (guint i = 0; i < rows->len; i++)
    {
      Pending *row = &g_array_index (rows, Pending, i);
      sqlite3_stmt *stmt = lin_store_cached (self, STMT_DELETE_REVISION, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_blob (stmt, 1, id, LIN_RECORD_ID_BYTES, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, (gint64)row->revision);
      if (!lin_store_step_done (self, stmt, "sync", error) || !delete_outbox_row (self, row->seq, error))
        return FALSE;
    }
  g_array_set_size (rows, 0);

  if (!write_remote (self, &change->header, change->envelope, error))
    return FALSE;
  stats->n_merged++;

  if (lin_merge_keep_deleted (ours_deleted, !ours_deleted, theirs_deleted, !theirs_deleted))
    {
      add_update (updates, change->record, &change->header, TRUE);
      return TRUE;
    }

  if (ours_deleted)
    {
      /* her edit beats this laptop's deletion: the record comes back, and
       * the deletion is shown */
      add_update (updates, change->record, &change->header, FALSE);
      stats->n_conflicts++;
      return write_conflict (self, change->record, NULL, NULL, our_hlc, FALSE, updates, error);
    }

  if (theirs_deleted)
    {
      /* this laptop's edit beats her deletion: on top of it */
      return write_own (self, lin_record_get_kind (change->record), id, our_fields, change->header.revision,
                        rows, updates, error) != NULL;
    }

  {
    g_autoptr(LinMergeResult) merged = NULL;
    JsonObject *their_fields = lin_record_get_fields (change->record);

    merged = lin_merge_fields (lin_record_get_kind (change->record), base, our_fields, our_hlc, their_fields,
                               change->header.hlc);

    if (same_fields (merged->fields, their_fields))
      add_update (updates, change->record, &change->header, FALSE);
    else if (write_own (self, lin_record_get_kind (change->record), id, merged->fields, change->header.revision,
                        rows, updates, error) == NULL)
      return FALSE;

    for (guint i = 0; i < merged->losses->len; i++)
      {
        LinMergeLoss *loss = merged->losses->pdata[i];

        stats->n_conflicts++;
        if (!write_conflict (self, change->record, loss->member, loss->value, loss->hlc, merged->review, updates,
                             error))
          return FALSE;
      }

    if (merged->review && merged->losses->len == 0)
      {
        stats->n_conflicts++;
        return write_conflict (self, change->record, NULL, NULL, our_hlc, TRUE, updates, error);
      }
  }

  return TRUE;
}

/* Roster collisions (lin-roster-collisions.c) */

/* The roster as the page leaves it: the working set with the page's
 * updates over it; @mine gets the ids of the assignments this laptop
 * wrote last */
static LinRoster *
roster_after (LinStore   *self,
              GPtrArray  *updates,
              GHashTable *mine)
{
  const guint8 *device = lin_vault_get_device_id (self->vault);
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  GHashTableIter iter;
  LinRecord *record;

  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&record))
    if (lin_roster_takes_kind (lin_record_get_kind (record)) &&
        latest_update (updates, lin_record_get_id (record)) == NULL)
      {
        g_ptr_array_add (records, record);
        if (memcmp (lin_record_get_author (record), device, LIN_DEVICE_ID_BYTES) == 0)
          g_hash_table_add (mine, (gpointer)lin_record_get_id_string (record));
      }

  for (guint i = 0; i < updates->len; i++)
    {
      Update *update = updates->pdata[i];

      if (update->deleted || latest_update (updates, update->id) != update ||
          !lin_roster_takes_kind (lin_record_get_kind (update->record)))
        continue;
      g_ptr_array_add (records, update->record);
      if (memcmp (update->header.device_id, device, LIN_DEVICE_ID_BYTES) == 0)
        g_hash_table_add (mine, (gpointer)lin_record_get_id_string (update->record));
    }

  return lin_roster_new (records);
}

/* Assignments from colleagues taken in by the page (@arrived) that
 * collide with one of this laptop's are flagged: a conflict copy that
 * names both. Both laptops see the collision once each has the other's
 * assignment; only the one whose assignment has the lower id flags it, so
 * that the organisation gets one flag. Nothing is merged or removed: a
 * person chooses. */
static gboolean
flag_collisions (LinStore      *self,
                 GPtrArray     *arrived,
                 GPtrArray     *updates,
                 LinApplyStats *stats,
                 GError       **error)
{
  g_autoptr(GHashTable) mine = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(LinRoster) roster = NULL;

  if (arrived->len == 0)
    return TRUE;

  roster = roster_after (self, updates, mine);
  for (guint i = 0; i < arrived->len; i++)
    {
      LinRecord *theirs = arrived->pdata[i];
      g_autoptr(GArray) found = lin_roster_find_collisions (roster, theirs);
      gboolean overfull_flagged = FALSE;

      for (guint c = 0; c < found->len; c++)
        {
          LinRosterCollided *collided = &g_array_index (found, LinRosterCollided, c);
          const char *ours = lin_record_get_id_string (collided->other);
          g_autoptr(JsonObject) fields = NULL;

          if (!g_hash_table_contains (mine, ours) ||
              memcmp (lin_record_get_id (collided->other), lin_record_get_id (theirs), LIN_RECORD_ID_BYTES) > 0 ||
              (collided->collision == LIN_ROSTER_COLLISION_OVERFULL && overfull_flagged))
            continue;
          overfull_flagged = overfull_flagged || collided->collision == LIN_ROSTER_COLLISION_OVERFULL;

          fields = json_object_new ();
          json_object_set_string_member (fields, LIN_CONFLICT_FIELD_RECORD, lin_record_get_id_string (theirs));
          json_object_set_string_member (fields, LIN_CONFLICT_FIELD_RECORD_KIND, LIN_ASSIGNMENT_KIND);
          json_object_set_string_member (fields, LIN_CONFLICT_FIELD_COLLIDES, ours);
          json_object_set_string_member (fields, LIN_CONFLICT_FIELD_COLLISION,
                                         lin_roster_collision_get_code (collided->collision));
          json_object_set_int_member (fields, LIN_CONFLICT_FIELD_WRITTEN,
                                      (gint64)(lin_record_get_hlc (theirs) >> 16) * 1000);
          json_object_set_boolean_member (fields, LIN_CONFLICT_FIELD_REVIEW, FALSE);
          json_object_set_boolean_member (fields, LIN_CONFLICT_FIELD_RESOLVED, FALSE);
          if (write_own (self, LIN_CONFLICT_KIND, NULL, fields, 0, NULL, updates, error) == NULL)
            return FALSE;
          stats->n_conflicts++;
        }
    }

  return TRUE;
}

/* Returns FALSE with @error set only for what must stop the page (the
 * disk); a change that cannot be taken is counted in @rejected */
static gboolean
apply_change (LinStore      *self,
              LinChange     *change,
              GHashTable    *pending,
              GPtrArray     *updates,
              GPtrArray     *arrived,
              LinApplyStats *stats,
              guint         *rejected,
              GError       **error)
{
  const guint8 *id = change->header.record_id;
  g_autoptr(GBytes) stored = stored_envelope (self, id, change->header.revision);
  GArray *rows = g_hash_table_lookup (pending, id);
  LinRecord *current = g_hash_table_lookup (self->records, id);
  guint64 head = 0;

  /* the clock runs on past every revision seen */
  self->hlc_last = MAX (self->hlc_last, change->header.hlc);

  if (current != NULL && change->record != NULL &&
      lin_record_get_kind (current) != lin_record_get_kind (change->record))
    {
      g_debug ("Left out: a change of another kind");
      (*rejected)++;
      return TRUE;
    }

  if (stored != NULL && g_bytes_equal (stored, change->envelope))
    {
      /* this laptop's own: pushed, perhaps with its answer lost */
      while (rows != NULL && rows->len > 0 && g_array_index (rows, Pending, 0).revision <= change->header.revision)
        {
          if (!delete_outbox_row (self, g_array_index (rows, Pending, 0).seq, error))
            return FALSE;
          g_array_remove_index (rows, 0);
        }
      stats->n_echoes++;
      return set_synced (self, id, change->header.revision, error);
    }

  /* this laptop's own, which it has deleted since it was checked */
  if (change->record == NULL)
    return set_synced (self, id, change->header.revision, error);

  if (rows != NULL && rows->len > 0)
    return merge_change (self, change, rows, updates, stats, error);

  /* another version of a revision taken before, or an old one: not from
   * an honest server */
  if (stored != NULL || (head = get_synced (self, id)) >= change->header.revision)
    {
      g_debug ("Left out: revision %" G_GUINT64_FORMAT " %s (synced %" G_GUINT64_FORMAT ")",
               change->header.revision, stored != NULL ? "held in another version" : "older than the server's",
               head);
      (*rejected)++;
      return TRUE;
    }

  if (!write_remote (self, &change->header, change->envelope, error))
    return FALSE;
  /* a colleague's new assignment, to check against this laptop's */
  if (current == NULL && latest_update (updates, id) == NULL &&
      (change->header.flags & LIN_ENVELOPE_FLAG_TOMBSTONE) == 0 &&
      g_strcmp0 (lin_record_get_kind (change->record), LIN_ASSIGNMENT_KIND) == 0)
    g_ptr_array_add (arrived, change->record);
  add_update (updates, change->record, &change->header,
              (change->header.flags & LIN_ENVELOPE_FLAG_TOMBSTONE) != 0);
  stats->n_applied++;

  return TRUE;
}

gint64
lin_store_get_cursor (LinStore   *self,
                      const char *cursor_name)
{
  g_autofree char *key = g_strconcat ("cursor:", cursor_name, NULL);

  g_return_val_if_fail (LIN_IS_STORE (self), 0);

  if (self->db == NULL)
    return 0;

  return lin_store_get_state (self, key);
}

/* After the commit: the working set as the disk now is */
static void
finish_updates (LinStore  *self,
                GPtrArray *updates)
{
  for (guint i = 0; i < updates->len; i++)
    {
      Update *update = updates->pdata[i];
      LinRecord *current = g_hash_table_lookup (self->records, update->id);

      if (update->deleted)
        {
          /* record-changed carries the object windows hold */
          if (current != NULL)
            g_set_object (&update->record, current);
          g_hash_table_remove (self->records, update->id);
          continue;
        }

      if (current != NULL && current != update->record)
        {
          /* the same object: windows that hold it see the new text */
          lin_record_set_fields (current, lin_record_get_fields (update->record));
          lin_record_set_saved (current, &update->header);
          g_set_object (&update->record, current);
        }
      else if (current == NULL)
        {
          lin_record_set_saved (update->record, &update->header);
          g_hash_table_replace (self->records, (gpointer)lin_record_get_id (update->record),
                                g_object_ref (update->record));
        }
    }
}

/**
 * lin_store_apply_changes:
 * @self: an open #LinStore
 * @changes: (element-type LinChange): pulled revisions, verified and
 *   opened, in the server's order
 * @cursor_name: the collection
 * @cursor: the cursor to store with them
 * @stats: (out caller-allocates) (optional): what was done
 * @error: a location for a #GError
 *
 * Applies @changes and stores @cursor in one transaction; then the working
 * set follows and #LinStore::record-changed is emitted for each record
 * changed. A change that no honest server sends (another version of a
 * revision this laptop holds, a revision older than the head) is left out
 * and counted: @error is set (LIN_VAULT_ERROR_TAMPERED) after the rest
 * is applied.
 *
 * Returns: %TRUE when every change was applied
 */
gboolean
lin_store_apply_changes (LinStore       *self,
                         GPtrArray      *changes,
                         const char     *cursor_name,
                         gint64          cursor,
                         LinApplyStats  *stats,
                         GError        **error)
{
  g_autoptr(GHashTable) pending = NULL;
  g_autoptr(GPtrArray) updates = NULL;
  g_autoptr(GPtrArray) arrived = g_ptr_array_new ();
  g_autofree char *cursor_key = NULL;
  LinApplyStats counted = { 0, };
  gboolean shredded = FALSE;
  guint rejected = 0;

  g_return_val_if_fail (LIN_IS_STORE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (!lin_store_check_open (self, error) || !lin_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  pending = load_pending (self, error);
  if (pending == NULL)
    {
      lin_store_rollback (self);
      return FALSE;
    }

  updates = g_ptr_array_new_with_free_func ((GDestroyNotify)update_free);
  for (guint i = 0; i < changes->len; i++)
    {
      LinChange *change = changes->pdata[i];

      shredded = shredded || (change->header.flags & LIN_ENVELOPE_FLAG_TOMBSTONE) != 0;
      if (!apply_change (self, change, pending, updates, arrived, &counted, &rejected, error))
        {
          lin_store_rollback (self);
          return FALSE;
        }
    }
  if (!flag_collisions (self, arrived, updates, &counted, error))
    {
      lin_store_rollback (self);
      return FALSE;
    }

  cursor_key = g_strconcat ("cursor:", cursor_name, NULL);
  if (!lin_store_set_state (self, cursor_key, cursor, error))
    {
      lin_store_rollback (self);
      return FALSE;
    }
  if (!commit (self, error))
    return FALSE;

  finish_updates (self, updates);
  if (shredded)
    sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);

  for (guint i = 0; i < updates->len; i++)
    lin_store_emit_changed (self, ((Update *)updates->pdata[i])->record);

  if (stats != NULL)
    *stats = counted;

  if (rejected > 0)
    {
      g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_TAMPERED,
                   "The server sent %u changes no honest server sends; they were left out", rejected);
      return FALSE;
    }

  return TRUE;
}
