/* lin-store.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * store.db: envelopes and opaque bookkeeping, nothing readable. Tables:
 *
 *   collection_keys (epoch, wrapped)     collection keys sealed under a
 *                                         key derived from the master key
 *   envelopes (record_id, revision, local, envelope)
 *                                         every kept revision, sealed
 *   heads (record_id, revision, deleted) the current revision of each
 *   outbox (op_id, record_id, revision)  revisions to push later, written
 *                                         in the same transaction
 *   sync_state (key, value)              cursors, for sync
 *   synced (record_id, revision)         what the server holds of each
 *
 * Saving writes the envelope, the head and the outbox row in one
 * transaction with synchronous=FULL: a save that returned is on disk.
 * At open, the head envelopes are decrypted into the working set, a hash
 * table of LinRecords; closing drops it and wipes the keys. The working
 * set keeps the text of small records only: a longer one is read and
 * decrypted again when its fields are asked for (read_payload), through a
 * read-only connection of its own that any thread may use in turn.
 */

#define G_LOG_DOMAIN "lin-store"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/types.h>

#include "lin-bytes.h"
#include "lin-store-private.h"
#include "lin-store-sync.h"

#define SUBKEY_COLLECTION_WRAP 1
#define COLLECTION_AD "LCK1"


/* A record's text longer than this is not kept in the working set: a
 * call's is about 1 KiB, a note's or a follow-up's 200 bytes */
#define RESIDENT_TEXT_MAX 512

G_DEFINE_FINAL_TYPE (LinStore, lin_store, G_TYPE_OBJECT)


enum {
  RECORD_CHANGED,
  CLOSING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A clock @skew_ms off the real one, as a laptop's may be: for the tests
 * of merging by hybrid logical clock */
void
lin_store_set_clock_skew (LinStore *self,
                          gint64    skew_ms)
{
  self->clock_skew_ms = skew_ms;
}

/* For the parts of the store in other files (lin-store-sync.c) */
void
lin_store_emit_changed (LinStore  *self,
                        LinRecord *record)
{
  g_signal_emit (self, signals[RECORD_CHANGED], 0, record);
}

/* Numbered schema migrations: migrations[i] takes user_version i to i+1. */
static const char * const migrations[] = {
  /* 1 */
  "CREATE TABLE collection_keys ("
  "  epoch INTEGER PRIMARY KEY,"
  "  wrapped BLOB NOT NULL);"
  "CREATE TABLE envelopes ("
  "  record_id BLOB NOT NULL,"
  "  revision INTEGER NOT NULL,"
  "  local INTEGER NOT NULL DEFAULT 0,"
  "  envelope BLOB NOT NULL,"
  "  PRIMARY KEY (record_id, revision)) WITHOUT ROWID;"
  "CREATE TABLE heads ("
  "  record_id BLOB PRIMARY KEY,"
  "  revision INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
  "CREATE TABLE outbox ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  op_id BLOB NOT NULL UNIQUE,"
  "  record_id BLOB NOT NULL,"
  "  revision INTEGER NOT NULL);"
  "CREATE TABLE sync_state ("
  "  key TEXT PRIMARY KEY,"
  "  value BLOB);",

  /* 2: envelopes in a rowid table, so that an envelope of a few KiB sits
   * in its leaf instead of spilling into an overflow page (a WITHOUT
   * ROWID row holds about 1 KiB in place): a third of the disk and of
   * the reading at unlock. The outbox without AUTOINCREMENT and without
   * a unique index on the random op_id: two fewer pages per save. */
  "CREATE TABLE envelopes_v2 ("
  "  id INTEGER PRIMARY KEY,"
  "  record_id BLOB NOT NULL,"
  "  revision INTEGER NOT NULL,"
  "  local INTEGER NOT NULL DEFAULT 0,"
  "  envelope BLOB NOT NULL);"
  "INSERT INTO envelopes_v2 (record_id, revision, local, envelope)"
  "  SELECT record_id, revision, local, envelope FROM envelopes ORDER BY record_id, revision;"
  "DROP TABLE envelopes;"
  "ALTER TABLE envelopes_v2 RENAME TO envelopes;"
  "CREATE UNIQUE INDEX envelopes_by_record ON envelopes (record_id, revision);"
  "CREATE TABLE outbox_v2 ("
  "  seq INTEGER PRIMARY KEY,"
  "  op_id BLOB NOT NULL,"
  "  record_id BLOB NOT NULL,"
  "  revision INTEGER NOT NULL);"
  "INSERT INTO outbox_v2 (seq, op_id, record_id, revision)"
  "  SELECT seq, op_id, record_id, revision FROM outbox;"
  "DROP TABLE outbox;"
  "ALTER TABLE outbox_v2 RENAME TO outbox;"
  "DELETE FROM sqlite_sequence WHERE name = 'outbox';",

  /* 3: sync: the revision of each record the organisation's server is
   * known to hold, the base of the next push */
  "CREATE TABLE synced ("
  "  record_id BLOB PRIMARY KEY,"
  "  revision INTEGER NOT NULL) WITHOUT ROWID;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LIN_STORE_SCHEMA_VERSION);

gboolean
lin_store_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *what)
{
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
      code = LIN_VAULT_ERROR_DAMAGED;
      break;

    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
      code = LIN_VAULT_ERROR_PERMISSIONS;
      break;

    default:
      code = LIN_VAULT_ERROR_IO;
    }

  g_set_error (error, LIN_VAULT_ERROR, code,
               code == LIN_VAULT_ERROR_DAMAGED ? "The profile's store is damaged (%s: %s)"
                                               : "The profile's store cannot be used (%s: %s)",
               what, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

gboolean
lin_store_exec (LinStore    *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return lin_store_sqlite_error (error, self->db, rc, "exec");

  return TRUE;
}

gboolean
lin_store_query_int (LinStore    *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *value = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  sqlite3_finalize (stmt);
  return lin_store_sqlite_error (error, self->db, rc, "query");
}

void
lin_store_rollback (LinStore *self)
{
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
migrate (LinStore  *self,
         GError   **error)
{
  gint64 version;

  if (!lin_store_query_int (self, "PRAGMA user_version", &version, error))
    return FALSE;

  if (version > LIN_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_UNSUPPORTED,
                   "The profile's store was made by a newer Linija (schema %" G_GINT64_FORMAT ")",
                   version);
      return FALSE;
    }

  for (gint64 v = version; v < LIN_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, v + 1);

      if (!lin_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!lin_store_exec (self, migrations[v], error) || !lin_store_exec (self, bump, error))
        {
          lin_store_rollback (self);
          return FALSE;
        }

      if (!lin_store_exec (self, "COMMIT", error))
        {
          lin_store_rollback (self);
          return FALSE;
        }
    }

  return TRUE;
}

LinKey *
lin_store_wrapping_key (LinStore  *self,
              GError   **error)
{
  return lin_vault_derive_key (self->vault, SUBKEY_COLLECTION_WRAP, error);
}

void
lin_store_collection_ad (guint32  epoch,
               guint8  *ad)
{
  guint32 le = GUINT32_TO_LE (epoch);

  memcpy (ad, COLLECTION_AD, 4);
  memcpy (ad + 4, &le, 4);
}

/* Gives the readers of records' text their own copy of @key, open for
 * reading as long as the store is (as the loading threads' keys are while
 * they load): opening and closing it for each read changed the pages'
 * protection twice, and in a virtual machine that took a third of the
 * time */
void
lin_store_add_read_key (LinStore *self,
              guint32   epoch,
              LinKey   *key)
{
  LinKey *copy = lin_key_new_from (lin_key_read (key));

  lin_key_close (key);
  g_mutex_lock (&self->read_lock);
  g_hash_table_insert (self->read_key_bytes, GUINT_TO_POINTER (epoch), (gpointer)lin_key_read (copy));
  g_hash_table_insert (self->read_keys, GUINT_TO_POINTER (epoch), copy);
  g_mutex_unlock (&self->read_lock);
}

/* Makes, seals and stores a new collection key; in a transaction of the
 * caller's. */
static gboolean
add_collection_key (LinStore  *self,
                    guint32    epoch,
                    GError   **error)
{
  g_autoptr(LinKey) kwk = lin_store_wrapping_key (self, error);
  LinKey *key;

  if (kwk == NULL)
    return FALSE;

  key = lin_key_new_random ();
  if (!lin_store_insert_collection_key (self, kwk, epoch, key, error))
    {
      lin_key_free (key);
      return FALSE;
    }

  g_hash_table_insert (self->keys, GUINT_TO_POINTER (epoch), key);
  lin_store_add_read_key (self, epoch, key);
  self->epoch = MAX (self->epoch, epoch);

  return TRUE;
}

static gboolean
load_collection_keys (LinStore  *self,
                      GError   **error)
{
  g_autoptr(LinKey) kwk = lin_store_wrapping_key (self, error);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (kwk == NULL)
    return FALSE;

  rc = sqlite3_prepare_v2 (self->db, "SELECT epoch, wrapped FROM collection_keys", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return lin_store_sqlite_error (error, self->db, rc, "collection keys");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 epoch = sqlite3_column_int64 (stmt, 0);
      const guint8 *wrapped = sqlite3_column_blob (stmt, 1);
      int len = sqlite3_column_bytes (stmt, 1);
      g_autoptr(LinKey) key = lin_key_new_empty ();
      guint8 ad[8];
      int ok;

      if (epoch <= 0 || epoch > G_MAXUINT32 || wrapped == NULL || len != LIN_WRAPPED_KEY_BYTES)
        {
          sqlite3_finalize (stmt);
          g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                               "A collection key of the profile is damaged");
          return FALSE;
        }

      lin_store_collection_ad ((guint32)epoch, ad);
      ok = crypto_aead_xchacha20poly1305_ietf_decrypt (lin_key_write (key), NULL, NULL,
                                                       wrapped + LIN_NONCE_BYTES,
                                                       LIN_KEY_BYTES + LIN_MAC_BYTES,
                                                       ad, sizeof ad, wrapped,
                                                       lin_key_read (kwk));
      lin_key_close (key);
      lin_key_close (kwk);
      if (ok != 0)
        {
          sqlite3_finalize (stmt);
          g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_TAMPERED,
                               "A collection key of the profile fails its integrity check");
          return FALSE;
        }

      lin_store_add_read_key (self, (guint32)epoch, key);
      g_hash_table_insert (self->keys, GUINT_TO_POINTER ((guint32)epoch), g_steal_pointer (&key));
      self->epoch = MAX (self->epoch, (guint32)epoch);
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return lin_store_sqlite_error (error, self->db, rc, "collection keys");

  if (self->epoch == 0)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                           "The profile's store has no keys; it is damaged");
      return FALSE;
    }

  return TRUE;
}

LinKey *
lin_store_key_for_epoch (LinStore  *self,
               guint32    epoch,
               GError   **error)
{
  LinKey *key = g_hash_table_lookup (self->keys, GUINT_TO_POINTER (epoch));

  if (key == NULL)
    g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                 "A stored record needs a key this profile does not have (epoch %u)", epoch);

  return key;
}

/* Loading at unlock. The envelopes are read in rowid order (the order
 * they were written: sequential pages) in as many ranges as there are
 * processors, each range by its own thread (the calling one included)
 * through its own connection, so that reading the file, which costs as
 * much as decrypting it, runs in parallel too. The calling thread holds
 * the write lock (BEGIN IMMEDIATE) meanwhile, so that every connection
 * sees the same data. Each thread keeps the rows that are heads, opens
 * them straight from SQLite's page into a chunk, and makes the records.
 * The calling thread adds its own to the working set as it goes, and the
 * others' once they are done. Measured on the CI machine (2 processors,
 * 100,000 records): 0.24-0.26 s with the memory made ready during Argon2id
 * (lin_store_prepare_memory), 0.28-0.30 s without, where one thread with
 * no read-ahead took 0.48 s. */

/* below this many envelopes, one thread reads them all */
#define LOAD_PARALLEL_MIN 4096

typedef struct
{
  guint8   id[LIN_RECORD_ID_BYTES];
  guint64  revision;
  gboolean deleted;
} Head;

/* The heads, found by id: an open-addressing table, at most half full, of
 * the heads themselves, so that a look-up touches one place in memory.
 * Record ids are random: their first bytes are a good hash already. A
 * revision of 0 marks an empty slot. No allocation per record. */
typedef struct
{
  LinChunk *memory;  /* huge pages when large: a look-up misses no TLB */
  Head     *slots;
  guint32   mask;
  guint     n_live;
} HeadIndex;

static void
head_index_clear (HeadIndex *index)
{
  g_clear_pointer (&index->memory, lin_chunk_unref);
  index->slots = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HeadIndex, head_index_clear)

static Head *
head_index_slot (const HeadIndex *index,
                 const guint8    *id)
{
  for (guint32 i = lin_get_u32 (id) & index->mask;; i = (i + 1) & index->mask)
    {
      Head *head = &index->slots[i];

      if (head->revision == 0 || memcmp (head->id, id, LIN_RECORD_ID_BYTES) == 0)
        return head;
    }
}

static const Head *
head_index_lookup (const HeadIndex *index,
                   const guint8    *id)
{
  const Head *head = head_index_slot (index, id);

  return head->revision != 0 ? head : NULL;
}

static gboolean
load_heads (LinStore   *self,
            HeadIndex  *index,
            GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;
  guint32 size = 16;
  int rc;

  if (!lin_store_query_int (self, "SELECT count(*) FROM heads", &n, error))
    return FALSE;
  while (size < 2 * n && size < G_MAXUINT32 / 2)
    size *= 2;
  index->mask = size - 1;
  index->memory = lin_chunk_new ((gsize)size * sizeof (Head));
  index->slots = lin_chunk_alloc (index->memory, (gsize)size * sizeof (Head));
  memset (index->slots, 0, (gsize)size * sizeof (Head));

  rc = sqlite3_prepare_v2 (self->db, "SELECT record_id, revision, deleted FROM heads", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return lin_store_sqlite_error (error, self->db, rc, "load");

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && n-- > 0)
    {
      const guint8 *id = sqlite3_column_blob (stmt, 0);
      Head *head;

      if (id == NULL || sqlite3_column_bytes (stmt, 0) != LIN_RECORD_ID_BYTES ||
          sqlite3_column_int64 (stmt, 1) <= 0 ||
          (head = head_index_slot (index, id))->revision != 0)
        break;

      memcpy (head->id, id, LIN_RECORD_ID_BYTES);
      head->revision = (guint64)sqlite3_column_int64 (stmt, 1);
      head->deleted = sqlite3_column_int (stmt, 2) != 0;
      index->n_live += !head->deleted;
    }
  sqlite3_finalize (stmt);

  if (rc == SQLITE_ROW)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                           "A stored record is damaged");
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return lin_store_sqlite_error (error, self->db, rc, "load");

  return TRUE;
}

/* Read-ahead for the loading threads. SQLite reads one page per pread(),
 * and on the CI machine a system call costs as much as decrypting the
 * page's envelopes: 0.15 s of 100,000 records' load went to 50,000 of
 * them. While a loading thread scans, its reads are served from a window
 * of READ_AHEAD_BYTES filled by one pread(). Every other read, and every
 * read of any other thread, goes straight through. The window holds
 * database pages only (ciphertext and bookkeeping, never plaintext), and
 * cannot go stale: the scan runs inside one read transaction while this
 * connection's write lock keeps every other writer out. The hook is
 * SQLite's own (sqlite3_vfs.xSetSystemCall), set once per process. */

#define READ_AHEAD_BYTES (256 * 1024)

typedef ssize_t (*PreadFunc) (int, void *, size_t, off_t);

typedef struct
{
  int     fd;
  off_t   start;
  gsize   len;
  guint8 *data;
} ReadAhead;

static PreadFunc real_pread;
static __thread ReadAhead *read_ahead;

static ssize_t
read_ahead_pread (int     fd,
                  void   *buf,
                  size_t  count,
                  off_t   offset)
{
  ReadAhead *ra = read_ahead;
  gsize from;

  if (ra == NULL || count > READ_AHEAD_BYTES || offset < 0)
    return real_pread (fd, buf, count, offset);

  if (ra->fd != fd || offset < ra->start || (guint64)offset + count > (guint64)ra->start + ra->len)
    {
      ssize_t got = real_pread (fd, ra->data, READ_AHEAD_BYTES, offset);

      if (got < 0)
        {
          int saved = errno;

          ra->fd = -1;
          errno = saved;
          return got;
        }
      ra->fd = fd;
      ra->start = offset;
      ra->len = got;
    }

  /* short only at the end of the file, as pread() itself */
  from = offset - ra->start;
  count = MIN (count, ra->len - from);
  memcpy (buf, ra->data + from, count);
  return count;
}

static void
read_ahead_install (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      sqlite3_vfs *vfs = sqlite3_vfs_find ("unix");

      if (vfs != NULL && vfs->iVersion >= 3 && vfs->xGetSystemCall != NULL)
        {
          real_pread = (PreadFunc)vfs->xGetSystemCall (vfs, "pread64");
          if (real_pread == NULL ||
              vfs->xSetSystemCall (vfs, "pread64", (sqlite3_syscall_ptr)read_ahead_pread) != SQLITE_OK)
            real_pread = NULL;
        }
      g_once_init_leave (&done, 1);
    }
}

/* Starts read-ahead on this thread; NULL when it cannot be had */
static ReadAhead *
read_ahead_begin (void)
{
  ReadAhead *ra;

  read_ahead_install ();
  if (real_pread == NULL)
    return NULL;

  ra = g_new0 (ReadAhead, 1);
  ra->fd = -1;
  ra->data = g_malloc (READ_AHEAD_BYTES);
  read_ahead = ra;
  return ra;
}

static void
read_ahead_end (ReadAhead *ra)
{
  if (ra == NULL)
    return;

  read_ahead = NULL;
  g_free (ra->data);
  g_free (ra);
}

typedef struct
{
  /* in, shared and read-only */
  const char      *db_path;
  const HeadIndex *heads;
  GHashTable      *keys;     /* epoch → const guint8 *, open */
  LinRecordSource *source;   /* for the records whose text is not kept */

  /* in, this part's */
  sqlite3         *db;       /* NULL: open one */
  gint64           from;     /* rowids in (from, to] */
  gint64           to;

  /* out: into the working set itself on the calling thread (the rest
   * are added after the join) */
  GHashTable      *working_set;
  GPtrArray       *records;
  guint            n_found;
  guint64          max_hlc;
  GError          *error;
} LoadPart;

static void
load_part_clear (LoadPart *part)
{
  g_clear_pointer (&part->records, g_ptr_array_unref);
  g_clear_error (&part->error);
}

static gboolean
load_part_fail_sqlite (LoadPart *part,
                       sqlite3  *db,
                       int       rc)
{
  return lin_store_sqlite_error (&part->error, db, rc, "load");
}

static gboolean
load_part_run (LoadPart *part,
               sqlite3  *db)
{
  g_autoptr(LinChunk) chunk = NULL;
  sqlite3_stmt *stmt = NULL;
  ReadAhead *ra = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT record_id, revision, local, envelope FROM envelopes"
                           " WHERE id > ?1 AND id <= ?2",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return load_part_fail_sqlite (part, db, rc);
  sqlite3_bind_int64 (stmt, 1, part->from);
  sqlite3_bind_int64 (stmt, 2, part->to);

  ra = read_ahead_begin ();

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const guint8 *id = sqlite3_column_blob (stmt, 0);
      gint64 revision = sqlite3_column_int64 (stmt, 1);
      const guint8 *envelope;
      gsize len, padded_len, plain_len = 0;
      LinEnvelopeHeader header;
      const guint8 *key;
      const Head *head;
      LinRecord *record;
      guint8 *plain;

      if (id == NULL || sqlite3_column_bytes (stmt, 0) != LIN_RECORD_ID_BYTES)
        {
          g_set_error_literal (&part->error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                               "A stored record is damaged");
          break;
        }

      head = head_index_lookup (part->heads, id);
      if (head == NULL || head->deleted || head->revision != (guint64)revision)
        continue;

      envelope = sqlite3_column_blob (stmt, 3);
      len = sqlite3_column_bytes (stmt, 3);
      if (envelope == NULL || !lin_envelope_peek_raw (envelope, len, &header, &part->error))
        {
          if (part->error == NULL)
            g_set_error_literal (&part->error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                                 "A stored record is damaged");
          break;
        }

      key = g_hash_table_lookup (part->keys, GUINT_TO_POINTER (header.key_epoch));
      if (key == NULL)
        {
          g_set_error (&part->error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                       "A stored record needs a key this profile does not have (epoch %u)",
                       header.key_epoch);
          break;
        }

      /* as long as the padded payload: room for the text and its NUL */
      padded_len = len - LIN_ENVELOPE_HEADER_BYTES - LIN_MAC_BYTES;
      if (chunk == NULL || (plain = lin_chunk_alloc (chunk, padded_len)) == NULL)
        {
          g_clear_pointer (&chunk, lin_chunk_unref);
          chunk = lin_chunk_new (MAX (LIN_CHUNK_POOLED, padded_len));
          plain = lin_chunk_alloc (chunk, padded_len);
        }

      if (!lin_envelope_open_raw (envelope, len, key, id, (guint64)revision,
                                  &header, plain, &plain_len, &part->error))
        break;

      if (plain_len > RESIDENT_TEXT_MAX)
        {
          /* read again when needed: its place is the next record's */
          record = lin_record_new_on_disk (&header, plain, plain_len, part->source, &part->error);
          sodium_memzero (plain, plain_len);
          lin_chunk_shrink (chunk, plain, padded_len, 0);
        }
      else
        {
          /* the padding's place is the next record's (a fifth of the memory) */
          lin_chunk_shrink (chunk, plain, padded_len, plain_len + 1);
          record = lin_record_new_from_payload (&header, plain, plain_len, chunk, &part->error);
        }
      if (record == NULL)
        break;

      lin_record_set_local (record, sqlite3_column_int (stmt, 2) != 0);
      part->max_hlc = MAX (part->max_hlc, header.hlc);
      part->n_found++;
      if (part->working_set != NULL)
        g_hash_table_replace (part->working_set, (gpointer)lin_record_get_id (record), record);
      else
        g_ptr_array_add (part->records, record);
    }

  if (part->error == NULL && rc != SQLITE_DONE)
    load_part_fail_sqlite (part, db, rc);
  sqlite3_finalize (stmt);
  read_ahead_end (ra);

  return part->error == NULL;
}

static gpointer
load_part_thread (gpointer data)
{
  LoadPart *part = data;
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (part->db_path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      load_part_run (part, db);
    }
  else
    load_part_fail_sqlite (part, db, rc);

  sqlite3_close_v2 (db);
  return NULL;
}

static gboolean
load_records_in_snapshot (LinStore  *self,
                          GError   **error)
{
  g_auto(HeadIndex) heads = { NULL, };
  g_autoptr(GHashTable) keys = g_hash_table_new (NULL, NULL);
  LoadPart parts[8] = { { NULL, }, };
  GThread *threads[G_N_ELEMENTS (parts)] = { NULL, };
  GHashTableIter iter;
  gpointer epoch, key;
  gint64 first = 0, last = 0, n_envelopes = 0;
  guint n_parts, n_found = 0;
  gboolean ok = TRUE;

  if (!load_heads (self, &heads, error) ||
      !lin_store_query_int (self, "SELECT ifnull(min(id), 0) FROM envelopes", &first, error) ||
      !lin_store_query_int (self, "SELECT ifnull(max(id), 0) FROM envelopes", &last, error))
    return FALSE;

  n_envelopes = last - first + 1;
  n_parts = n_envelopes < LOAD_PARALLEL_MIN ? 1 :
            CLAMP (g_get_num_processors (), 1, G_N_ELEMENTS (parts));

  /* the keys stay open, read-only, while the parts work */
  g_hash_table_iter_init (&iter, self->keys);
  while (g_hash_table_iter_next (&iter, &epoch, &key))
    g_hash_table_insert (keys, epoch, (gpointer)lin_key_read (key));

  /* The calling thread also adds its records to the working set as it
   * goes, so it takes a smaller range (a twentieth less) and adds the others'
   * when they are done */
  for (guint i = 0; i < n_parts; i++)
    {
      LoadPart *part = &parts[i];
      gint64 share = n_parts == 1 ? n_envelopes : n_envelopes * 19 / (20 * n_parts);
      gint64 rest = (n_envelopes - share) / MAX (1, n_parts - 1);

      part->db_path = self->db_path;
      part->heads = &heads;
      part->keys = keys;
      part->source = self->source;
      part->from = i == 0 ? G_MININT64 : first - 1 + share + rest * (i - 1);
      part->to = i == n_parts - 1 ? G_MAXINT64 : first - 1 + share + rest * i;
      part->records = g_ptr_array_new_full (i == 0 ? 0 : rest + 16, g_object_unref);
      if (i == 0)
        part->working_set = self->records;
      else
        threads[i] = g_thread_new ("lin-load", load_part_thread, part);
    }

  load_part_run (&parts[0], self->db);
  for (guint i = 1; i < n_parts; i++)
    g_thread_join (threads[i]);

  g_hash_table_iter_init (&iter, self->keys);
  while (g_hash_table_iter_next (&iter, NULL, &key))
    lin_key_close (key);

  for (guint i = 0; i < n_parts; i++)
    {
      if (ok && parts[i].error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&parts[i].error));
          ok = FALSE;
        }
      n_found += parts[i].n_found;
    }

  /* every live head must have been found */
  if (ok && heads.n_live != n_found)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                           "A stored record is missing; the store is damaged");
      ok = FALSE;
    }

  for (guint i = 0; ok && i < n_parts; i++)
    {
      g_autofree gpointer *records = NULL;
      gsize n = 0;

      records = g_ptr_array_steal (parts[i].records, &n);
      for (gsize r = 0; r < n; r++)
        g_hash_table_replace (self->records, (gpointer)lin_record_get_id (records[r]), records[r]);
      self->hlc_last = MAX (self->hlc_last, parts[i].max_hlc);
    }

  for (guint i = 0; i < n_parts; i++)
    load_part_clear (&parts[i]);

  return ok;
}

/* Decrypts every current envelope into the working set, heads and
 * envelopes read in one snapshot: the write lock keeps the other
 * connections' view the same as this one's */
static gboolean
load_records (LinStore  *self,
              GError   **error)
{
  gboolean ok;

  if (!lin_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  ok = load_records_in_snapshot (self, error);
  if (ok)
    ok = lin_store_exec (self, "COMMIT", error);
  if (!ok)
    lin_store_rollback (self);

  return ok;
}

static gboolean
looks_like_sqlite (const char  *path,
                   GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 head[100];
  gsize n = 0;
  g_autoptr(GFileInfo) info = NULL;
  guint32 page_size, page_count;

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      g_set_error (error, LIN_VAULT_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ? LIN_VAULT_ERROR_NOT_FOUND :
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ? LIN_VAULT_ERROR_PERMISSIONS :
                   LIN_VAULT_ERROR_IO,
                   "The profile's store cannot be opened: %s", local_error->message);
      return FALSE;
    }

  if (!g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &n, NULL, NULL) ||
      n != sizeof head || memcmp (head, magic, sizeof magic) != 0)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                           "The profile's store is empty or damaged");
      return FALSE;
    }

  /* A file shorter than the pages its header counts was cut off: SQLite
   * would read the missing pages as zeros. (The header's count is valid
   * when the change counter at 24 equals the one at 92.) */
  page_size = (head[16] << 8) | head[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = ((guint32)head[28] << 24) | (head[29] << 16) | (head[30] << 8) | head[31];
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL && memcmp (head + 24, head + 92, 4) == 0 &&
      (guint64)g_file_info_get_size (info) < (guint64)page_size * page_count)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                           "The profile's store is cut short; it is damaged");
      return FALSE;
    }

  return TRUE;
}

/* The readers' own connection, opened on first use; with read_lock held */
static gboolean
open_reader (LinStore  *self,
             GError   **error)
{
  int rc;

  if (self->reader != NULL)
    return TRUE;
  if (self->db_path == NULL)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_LOCKED, "The profile is locked");
      return FALSE;
    }

  rc = sqlite3_open_v2 (self->db_path, &self->reader,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (self->reader, 5000);
      rc = sqlite3_prepare_v3 (self->reader,
                               "SELECT envelope FROM envelopes WHERE record_id = ?1 AND revision = ?2",
                               -1, SQLITE_PREPARE_PERSISTENT, &self->read_stmt, NULL);
    }
  if (rc != SQLITE_OK)
    {
      lin_store_sqlite_error (error, self->reader, rc, "read");
      g_clear_pointer (&self->read_stmt, sqlite3_finalize);
      g_clear_pointer (&self->reader, sqlite3_close_v2);
      return FALSE;
    }

  return TRUE;
}

/**
 * lin_store_holds_envelope:
 * @self: a #LinStore
 * @envelope: an envelope
 *
 * Whether the store keeps these very bytes as the revision they name:
 * a revision of this laptop's own, come back from the server. On any
 * thread (through the readers' connection), of what is committed.
 *
 * Returns: %TRUE when it does
 */
gboolean
lin_store_holds_envelope (LinStore *self,
                          GBytes   *envelope)
{
  LinEnvelopeHeader header;
  gboolean held = FALSE;
  gsize len;
  const guint8 *data = g_bytes_get_data (envelope, &len);

  if (!lin_envelope_peek_raw (data, len, &header, NULL))
    return FALSE;

  g_mutex_lock (&self->read_lock);
  if (open_reader (self, NULL))
    {
      sqlite3_bind_blob (self->read_stmt, 1, header.record_id, LIN_RECORD_ID_BYTES, SQLITE_STATIC);
      sqlite3_bind_int64 (self->read_stmt, 2, (gint64)header.revision);
      held = sqlite3_step (self->read_stmt) == SQLITE_ROW &&
             (gsize)sqlite3_column_bytes (self->read_stmt, 0) == len &&
             memcmp (sqlite3_column_blob (self->read_stmt, 0), data, len) == 0;
      sqlite3_reset (self->read_stmt);
      sqlite3_clear_bindings (self->read_stmt);
    }
  g_mutex_unlock (&self->read_lock);

  return held;
}

/* The source's read function (see the top of the file): revision
 * @revision of record @id, decrypted again. Runs with the source's lock
 * held, on any thread, until the store closes. */
static guint8 *
read_payload (gpointer       data,
              const guint8  *id,
              guint64        revision,
              gsize         *len,
              GError       **error)
{
  LinStore *self = data;
  LinEnvelopeHeader header;
  const guint8 *envelope = NULL;
  gsize envelope_len = 0, plain_len = 0;
  const guint8 *key;
  guint8 *payload = NULL;
  int rc;

  g_mutex_lock (&self->read_lock);

  if (!open_reader (self, error))
    {
      g_mutex_unlock (&self->read_lock);
      return NULL;
    }

  sqlite3_bind_blob (self->read_stmt, 1, id, LIN_RECORD_ID_BYTES, SQLITE_STATIC);
  sqlite3_bind_int64 (self->read_stmt, 2, (gint64)revision);
  rc = sqlite3_step (self->read_stmt);
  if (rc == SQLITE_ROW)
    {
      envelope = sqlite3_column_blob (self->read_stmt, 0);
      envelope_len = sqlite3_column_bytes (self->read_stmt, 0);
    }
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                         "A stored record is missing; the store is damaged");
  else
    lin_store_sqlite_error (error, self->reader, rc, "read");
  if (envelope == NULL || !lin_envelope_peek_raw (envelope, envelope_len, &header, error))
    goto out;

  key = g_hash_table_lookup (self->read_key_bytes, GUINT_TO_POINTER (header.key_epoch));
  if (key == NULL)
    {
      g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                   "A stored record needs a key this profile does not have (epoch %u)",
                   header.key_epoch);
      goto out;
    }

  /* straight from SQLite's page; the key is open (add_read_key) */
  payload = g_malloc (envelope_len);
  if (!lin_envelope_open_raw (envelope, envelope_len, key, id, revision,
                              &header, payload, &plain_len, error))
    {
      sodium_memzero (payload, envelope_len);
      g_clear_pointer (&payload, g_free);
      goto out;
    }
  *len = plain_len;

out:
  sqlite3_reset (self->read_stmt);
  sqlite3_clear_bindings (self->read_stmt);
  g_mutex_unlock (&self->read_lock);
  return payload;
}

/* After the source is closed: no read is under way, none will start */
static void
close_reader (LinStore *self)
{
  g_mutex_lock (&self->read_lock);
  g_clear_pointer (&self->read_stmt, sqlite3_finalize);
  g_clear_pointer (&self->reader, sqlite3_close_v2);
  g_hash_table_remove_all (self->read_key_bytes);
  g_hash_table_remove_all (self->read_keys);
  g_mutex_unlock (&self->read_lock);
}

static void
lin_store_dispose (GObject *object)
{
  LinStore *self = (LinStore *)object;

  lin_store_close (self);

  G_OBJECT_CLASS (lin_store_parent_class)->dispose (object);
}

static void
lin_store_finalize (GObject *object)
{
  LinStore *self = (LinStore *)object;

  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->records, g_hash_table_unref);
  g_clear_pointer (&self->read_key_bytes, g_hash_table_unref);
  g_clear_pointer (&self->read_keys, g_hash_table_unref);
  g_clear_pointer (&self->source, lin_record_source_unref);
  g_mutex_clear (&self->read_lock);
  g_free (self->db_path);

  G_OBJECT_CLASS (lin_store_parent_class)->finalize (object);
}

static void
lin_store_class_init (LinStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lin_store_dispose;
  object_class->finalize = lin_store_finalize;

  /**
   * LinStore::record-changed:
   * @self: the store
   * @record: the record saved or deleted
   *
   * A record was saved or deleted through this store.
   */
  signals[RECORD_CHANGED] =
    g_signal_new ("record-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIN_TYPE_RECORD);

  /**
   * LinStore::closing:
   * @self: the store
   *
   * The store is about to close (lock, quick hide, exit): write what is
   * pending now (drafts do).
   */
  signals[CLOSING] =
    g_signal_new ("closing",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
lin_store_init (LinStore *self)
{
  self->keys = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)lin_key_free);
  self->records = g_hash_table_new_full (lin_record_id_hash, lin_record_id_equal, NULL, g_object_unref);
  self->read_keys = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)lin_key_free);
  self->read_key_bytes = g_hash_table_new (NULL, NULL);
  g_mutex_init (&self->read_lock);
  self->source = lin_record_source_new (read_payload, self);
}

/**
 * lin_store_open:
 * @vault: the profile's unlocked vault
 * @db_path: the path of store.db
 * @create: whether to create it (it must not exist) or open it (it must)
 * @error: a location for a #GError
 *
 * Opens the store, brings its schema up to date, and decrypts the current
 * revision of every record into the working set. A store that is missing,
 * empty, truncated or not SQLite gives an error and is not written to.
 *
 * Returns: (transfer full): the store, or %NULL
 */
LinStore *
lin_store_open (LinVault    *vault,
                const char  *db_path,
                gboolean     create,
                GError     **error)
{
  g_autoptr(LinStore) self = NULL;
  int rc;

  g_return_val_if_fail (LIN_IS_VAULT (vault), NULL);
  g_return_val_if_fail (db_path != NULL, NULL);

  if (!lin_secret_init (error))
    return NULL;

  if (create && g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_EXISTS,
                           "The profile already has a store");
      return NULL;
    }

  if (!create && !looks_like_sqlite (db_path, error))
    return NULL;

  self = g_object_new (LIN_TYPE_STORE, NULL);
  self->vault = g_object_ref (vault);
  self->db_path = g_strdup (db_path);

  rc = sqlite3_open_v2 (db_path, &self->db,
                        SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) |
                        SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      lin_store_sqlite_error (error, self->db, rc, "open");
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);

  /* before anything that writes (journal_mode may): an SQLite file that
   * is not a store is left as it was */
  if (!create)
    {
      gint64 version;

      if (!lin_store_query_int (self, "PRAGMA user_version", &version, error))
        return NULL;

      if (version < 1)
        {
          g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                               "The profile's store is empty or damaged");
          return NULL;
        }
    }

  /* No mmap: mapping the file page by page at each unlock costs more
   * than reading it (on the CI machine, 0.19 s against 0.15 s for
   * 100,000 records). Larger pages would read faster still but make
   * each save write more (1.46× a raw insert at 16 KiB). */
  if (!lin_store_exec (self,
             "PRAGMA journal_mode = WAL;"
             "PRAGMA synchronous = FULL;"
             "PRAGMA secure_delete = ON;"
             "PRAGMA temp_store = MEMORY;",
             error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  if (create)
    {
      if (!lin_store_exec (self, "BEGIN IMMEDIATE", error))
        return NULL;
      if (!add_collection_key (self, 1, error) || !lin_store_exec (self, "COMMIT", error))
        {
          lin_store_rollback (self);
          return NULL;
        }
    }
  else if (!load_collection_keys (self, error) || !load_records (self, error))
    {
      lin_chunk_trim_pool ();
      return NULL;
    }

  /* what the load did not need of the memory made ready for it */
  lin_chunk_trim_pool ();

  return g_steal_pointer (&self);
}

/* the file's bytes per record, and how much of them is text the working
 * set keeps (RESIDENT_TEXT_MAX): measured, 210 MB and 11 MB for the
 * 100,000 calls of the demo profile (157,707 records) */
#define FILE_BYTES_PER_RECORD 2048
#define FILE_TEXT_SHARE       16

static gpointer
prepare_memory_thread (gpointer data)
{
  gsize file_size = GPOINTER_TO_SIZE (data);

  lin_chunk_reserve (file_size / FILE_TEXT_SHARE);
  lin_record_prepare (MIN (file_size / FILE_BYTES_PER_RECORD, G_MAXUINT));

  return NULL;
}

/**
 * lin_store_prepare_memory:
 * @db_path: the store that lin_store_open() will open next
 *
 * Starts making ready, on a thread of its own, the memory that opening
 * @db_path will make its records in: their text's blocks and the records
 * themselves. Unlock calls it before the Argon2id second, which keeps one
 * processor busy: the other one then takes the cost of new memory (the
 * kernel zeroes every new page) off the load that follows. The sizes are
 * estimated from the file's.
 *
 * Returns: (transfer full) (nullable): the thread, to g_thread_join()
 *   before the store is opened; %NULL when there is nothing to do
 */
GThread *
lin_store_prepare_memory (const char *db_path)
{
  GStatBuf st;

  g_return_val_if_fail (db_path != NULL, NULL);

  if (g_stat (db_path, &st) != 0 || st.st_size < LOAD_PARALLEL_MIN * FILE_BYTES_PER_RECORD)
    return NULL;

  return g_thread_new ("lin-prepare", prepare_memory_thread, GSIZE_TO_POINTER ((gsize)st.st_size));
}

/**
 * lin_store_close:
 * @self: a #LinStore
 *
 * Checkpoints the WAL (TRUNCATE), closes the database, wipes the keys and
 * drops the working set. Safe to call more than once.
 */
void
lin_store_close (LinStore *self)
{
  g_return_if_fail (LIN_IS_STORE (self));

  if (self->db != NULL)
    g_signal_emit (self, signals[CLOSING], 0);

  for (guint i = 0; i < G_N_ELEMENTS (self->stmts); i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);

  lin_record_source_close (self->source);
  close_reader (self);

  if (self->db != NULL)
    {
      sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  g_hash_table_remove_all (self->keys);
  g_hash_table_remove_all (self->records);
  if (self->vault != NULL)
    lin_vault_lock (self->vault);
  g_clear_object (&self->vault);
}

gboolean
lin_store_is_open (LinStore *self)
{
  g_return_val_if_fail (LIN_IS_STORE (self), FALSE);

  return self->db != NULL;
}

/**
 * lin_store_get_vault:
 * @self: a #LinStore
 *
 * Returns: (transfer none) (nullable): the vault, until closed
 */
LinVault *
lin_store_get_vault (LinStore *self)
{
  g_return_val_if_fail (LIN_IS_STORE (self), NULL);

  return self->vault;
}

gboolean
lin_store_check_open (LinStore  *self,
            GError   **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_LOCKED,
                           "The profile is locked");
      return FALSE;
    }

  return TRUE;
}

/* A hybrid logical clock: milliseconds since 1970 in the upper 48 bits, a
 * counter in the lower 16, never going backwards. */
guint64
lin_store_next_hlc (LinStore *self)
{
  guint64 physical = ((guint64)(g_get_real_time () / 1000 + self->clock_skew_ms)) << 16;

  if (physical > self->hlc_last)
    self->hlc_last = physical;
  else
    self->hlc_last++;

  return self->hlc_last;
}


static const char * const stmt_sql[] = {
  "INSERT INTO envelopes (record_id, revision, local, envelope) VALUES (?, ?, ?, ?)",
  "INSERT OR REPLACE INTO heads (record_id, revision, deleted) VALUES (?, ?, ?)",
  "DELETE FROM envelopes WHERE record_id = ? AND revision < ?",
  "INSERT INTO outbox (op_id, record_id, revision) VALUES (?, ?, ?)",
  "DELETE FROM envelopes WHERE record_id = ?",
  "DELETE FROM outbox WHERE record_id = ?",
  "DELETE FROM heads WHERE record_id = ?",
  "DELETE FROM outbox WHERE seq = ?",
  "SELECT envelope FROM envelopes WHERE record_id = ? AND revision = ?",
  "SELECT revision, deleted FROM heads WHERE record_id = ?",
  "DELETE FROM envelopes WHERE record_id = ? AND revision = ?",
  "SELECT revision FROM synced WHERE record_id = ?",
  "INSERT INTO synced (record_id, revision) VALUES (?1, ?2)"
  "  ON CONFLICT (record_id) DO UPDATE SET revision = MAX (revision, ?2)",
};

G_STATIC_ASSERT (G_N_ELEMENTS (stmt_sql) == N_STMTS);
G_STATIC_ASSERT (N_STMTS <= G_N_ELEMENTS (((LinStore *)NULL)->stmts));

/* Runs a cached statement (bound by the caller) to completion and resets
 * it for the next use. */
gboolean
lin_store_step_done (LinStore      *self,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return lin_store_sqlite_error (error, self->db, rc, what);

  return TRUE;
}

sqlite3_stmt *
lin_store_cached (LinStore  *self,
        guint      which,
        GError   **error)
{
  if (self->stmts[which] == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, stmt_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
                                   &self->stmts[which], NULL);

      if (rc != SQLITE_OK)
        {
          lin_store_sqlite_error (error, self->db, rc, "prepare");
          return NULL;
        }
    }

  return self->stmts[which];
}

sqlite3_stmt *
lin_store_prepare_stmt (LinStore    *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      lin_store_sqlite_error (error, self->db, rc, "prepare");
      return NULL;
    }

  return stmt;
}

gboolean
lin_store_write_revision (LinStore           *self,
                const LinEnvelopeHeader *header,
                GBytes             *envelope,
                gboolean            local,
                gboolean            deleted,
                GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = lin_store_cached (self, STMT_INSERT_ENVELOPE, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, header->record_id, LIN_RECORD_ID_BYTES, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64)header->revision);
  sqlite3_bind_int (stmt, 3, local);
  sqlite3_bind_blob (stmt, 4, g_bytes_get_data (envelope, NULL), (int)g_bytes_get_size (envelope), SQLITE_STATIC);
  if (!lin_store_step_done (self, stmt, "save", error))
    return FALSE;

  stmt = lin_store_cached (self, STMT_UPSERT_HEAD, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, header->record_id, LIN_RECORD_ID_BYTES, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (sqlite3_int64)header->revision);
  sqlite3_bind_int (stmt, 3, deleted);
  if (!lin_store_step_done (self, stmt, "save", error))
    return FALSE;

  if (local)
    {
      /* a draft keeps only its latest revision */
      stmt = lin_store_cached (self, STMT_DELETE_OLDER, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_blob (stmt, 1, header->record_id, LIN_RECORD_ID_BYTES, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, (sqlite3_int64)header->revision);
      return lin_store_step_done (self, stmt, "save", error);
    }
  else
    {
      guint8 op_id[16];

      randombytes_buf (op_id, sizeof op_id);
      stmt = lin_store_cached (self, STMT_INSERT_OUTBOX, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_blob (stmt, 1, op_id, sizeof op_id, SQLITE_TRANSIENT);
      sqlite3_bind_blob (stmt, 2, header->record_id, LIN_RECORD_ID_BYTES, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, (sqlite3_int64)header->revision);
      return lin_store_step_done (self, stmt, "save", error);
    }
}

void
lin_store_fill_header (LinStore          *self,
             LinRecord         *record,
             guint64            base_revision,
             LinEnvelopeHeader *header)
{
  memset (header, 0, sizeof *header);
  memcpy (header->record_id, lin_record_get_id (record), LIN_RECORD_ID_BYTES);
  header->revision = base_revision + 1;
  header->parent_revision = base_revision;
  header->key_epoch = self->epoch;
  memcpy (header->device_id, lin_vault_get_device_id (self->vault), LIN_DEVICE_ID_BYTES);
  header->hlc = lin_store_next_hlc (self);
}

/* A record's text on disk is read (and checked) before anything is
 * sealed: a read that fails must fail the save, not save nothing in its
 * place */
static gboolean
check_saveable (LinRecord  *record,
                GError    **error)
{
  if (!lin_record_check_fields (record, error))
    return FALSE;

  if (lin_record_get_unreadable (record))
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_IO,
                           "The record could not be read from the profile, so it was not saved");
      return FALSE;
    }

  return TRUE;
}

/* Seals @n records, each checked before any is sealed, and writes them in
 * one transaction. The records and the working set change, and
 * record-changed is emitted for each, only once it is committed. A record
 * that comes twice (or two records of one id) takes one revision after
 * the other. */
static gboolean
save_records (LinStore   *self,
              LinRecord **records,
              guint       n,
              GError    **error)
{
  g_autofree LinEnvelopeHeader *headers = NULL;
  g_autoptr(GPtrArray) envelopes = NULL;
  g_autoptr(GHashTable) pending = NULL;  /* id → its latest header in @headers */
  LinKey *key;

  if (!lin_store_check_open (self, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!check_saveable (records[i], error))
      return FALSE;

  if (n == 0)
    return TRUE;

  key = lin_store_key_for_epoch (self, self->epoch, error);
  if (key == NULL)
    return FALSE;

  headers = g_new (LinEnvelopeHeader, n);
  envelopes = g_ptr_array_new_full (n, (GDestroyNotify)g_bytes_unref);
  if (n > 1)
    pending = g_hash_table_new (lin_record_id_hash, lin_record_id_equal);

  for (guint i = 0; i < n; i++)
    {
      LinRecord *record = records[i];
      g_autoptr(GBytes) payload = NULL;
      const LinEnvelopeHeader *before;
      LinRecord *current;
      GBytes *envelope;
      guint64 base;

      current = g_hash_table_lookup (self->records, lin_record_get_id (record));
      base = current != NULL ? MAX (lin_record_get_revision (current), lin_record_get_revision (record))
                             : lin_record_get_revision (record);
      before = pending != NULL ? g_hash_table_lookup (pending, lin_record_get_id (record)) : NULL;
      if (before != NULL)
        base = MAX (base, before->revision);

      lin_store_fill_header (self, record, base, &headers[i]);
      if (pending != NULL)
        g_hash_table_insert (pending, headers[i].record_id, &headers[i]);

      payload = lin_record_serialize (record);
      envelope = lin_envelope_seal (&headers[i], key, g_bytes_get_data (payload, NULL),
                                    g_bytes_get_size (payload), error);
      if (envelope == NULL)
        return FALSE;
      g_ptr_array_add (envelopes, envelope);
    }

  if (!lin_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!lin_store_write_revision (self, &headers[i], envelopes->pdata[i], lin_record_get_local (records[i]), FALSE, error))
      {
        lin_store_rollback (self);
        return FALSE;
      }

  if (!lin_store_exec (self, "COMMIT", error))
    {
      lin_store_rollback (self);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      LinRecord *record = records[i];

      lin_record_set_saved (record, &headers[i]);
      if (g_hash_table_lookup (self->records, lin_record_get_id (record)) != record)
        g_hash_table_replace (self->records, (gpointer)lin_record_get_id (record), g_object_ref (record));
    }

  for (guint i = 0; i < n; i++)
    g_signal_emit (self, signals[RECORD_CHANGED], 0, records[i]);

  return TRUE;
}

/**
 * lin_store_save:
 * @self: an open #LinStore
 * @record: the record to save
 * @error: a location for a #GError
 *
 * Seals @record's fields as a new revision and writes the envelope, the
 * head and (unless the record is local) the outbox row in one transaction.
 * When this returns %TRUE the revision is on disk. @record then carries the
 * new revision and is the one in the working set.
 *
 * Returns: %TRUE on success
 */
gboolean
lin_store_save (LinStore   *self,
                LinRecord  *record,
                GError    **error)
{
  g_return_val_if_fail (LIN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LIN_IS_RECORD (record), FALSE);

  return save_records (self, &record, 1, error);
}

/**
 * lin_store_save_all:
 * @self: an open #LinStore
 * @records: (element-type LinRecord): the records to save
 * @error: a location for a #GError
 *
 * Saves every record of @records as lin_store_save() does, all in one
 * transaction: when this returns %TRUE every revision is on disk, each
 * record carries its new revision and is the one in the working set, and
 * #LinStore::record-changed has been emitted for each, in order. When it
 * returns %FALSE nothing was written: no record of @records changed and
 * the working set is as it was. Every record's fields are checked before
 * any is sealed.
 *
 * Returns: %TRUE on success
 */
gboolean
lin_store_save_all (LinStore   *self,
                    GPtrArray  *records,
                    GError    **error)
{
  g_return_val_if_fail (LIN_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);
  for (guint i = 0; i < records->len; i++)
    g_return_val_if_fail (LIN_IS_RECORD (records->pdata[i]), FALSE);

  return save_records (self, (LinRecord **)records->pdata, records->len, error);
}

/**
 * lin_store_delete:
 * @self: an open #LinStore
 * @record: the record to delete
 * @error: a location for a #GError
 *
 * Crypto-shredding: every envelope of @record, and with them every data key
 * that could open one, is deleted (with secure_delete, and the WAL
 * truncated after), and a tombstone revision takes the head so that the
 * deletion syncs. A local record (a draft) leaves no tombstone.
 *
 * Returns: %TRUE on success
 */
gboolean
lin_store_delete (LinStore   *self,
                  LinRecord  *record,
                  GError    **error)
{
  g_autoptr(LinRecord) keep = NULL;
  LinEnvelopeHeader header;
  sqlite3_stmt *stmt;
  gboolean local;
  gboolean ok;

  g_return_val_if_fail (LIN_IS_STORE (self), FALSE);
  g_return_val_if_fail (LIN_IS_RECORD (record), FALSE);

  if (!lin_store_check_open (self, error))
    return FALSE;

  keep = g_object_ref (record);
  local = lin_record_get_local (record);

  if (!lin_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  ok = (stmt = lin_store_cached (self, STMT_DELETE_ENVELOPES, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_blob (stmt, 1, lin_record_get_id (record), LIN_RECORD_ID_BYTES, SQLITE_STATIC);
      ok = lin_store_step_done (self, stmt, "delete", error);
    }
  if (ok)
    ok = (stmt = lin_store_cached (self, STMT_DELETE_OUTBOX, error)) != NULL;
  if (ok)
    {
      sqlite3_bind_blob (stmt, 1, lin_record_get_id (record), LIN_RECORD_ID_BYTES, SQLITE_STATIC);
      ok = lin_store_step_done (self, stmt, "delete", error);
    }

  if (ok && local)
    {
      ok = (stmt = lin_store_cached (self, STMT_DELETE_HEAD, error)) != NULL;
      if (ok)
        {
          sqlite3_bind_blob (stmt, 1, lin_record_get_id (record), LIN_RECORD_ID_BYTES, SQLITE_STATIC);
          ok = lin_store_step_done (self, stmt, "delete", error);
        }
    }
  else if (ok)
    {
      g_autoptr(LinRecord) tombstone = lin_record_new (lin_record_get_kind (record));
      g_autoptr(GBytes) payload = NULL;
      g_autoptr(GBytes) envelope = NULL;
      LinKey *key;

      lin_store_fill_header (self, record, lin_record_get_revision (record), &header);
      header.flags = LIN_ENVELOPE_FLAG_TOMBSTONE;
      key = lin_store_key_for_epoch (self, header.key_epoch, error);
      payload = lin_record_serialize (tombstone);
      envelope = key != NULL ? lin_envelope_seal (&header, key, g_bytes_get_data (payload, NULL),
                                                  g_bytes_get_size (payload), error)
                             : NULL;
      ok = envelope != NULL && lin_store_write_revision (self, &header, envelope, FALSE, TRUE, error);
    }

  if (!ok || !lin_store_exec (self, "COMMIT", error))
    {
      lin_store_rollback (self);
      return FALSE;
    }

  g_hash_table_remove (self->records, lin_record_get_id (record));

  /* old WAL frames may still hold the envelopes: truncate the WAL */
  sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);

  g_signal_emit (self, signals[RECORD_CHANGED], 0, record);

  return TRUE;
}

/**
 * lin_store_get:
 * @self: a #LinStore
 * @id: a record id (32 hex digits)
 *
 * Returns: (transfer none) (nullable): the record in the working set
 */
LinRecord *
lin_store_get (LinStore   *self,
               const char *id)
{
  guint8 bin[LIN_RECORD_ID_BYTES];

  g_return_val_if_fail (LIN_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!lin_record_id_from_string (id, bin))
    return NULL;

  return g_hash_table_lookup (self->records, bin);
}

/* A record and its HLC side by side: sorting 100,000 of them then reads
 * one array, not 100,000 records scattered in memory (the call log's
 * first list of 100,000 calls: 42 ms, where it took 117 ms) */
typedef struct
{
  guint64    hlc;
  LinRecord *record;
} ByHlc;

static int
compare_by_hlc (gconstpointer a,
                gconstpointer b)
{
  guint64 x = ((const ByHlc *)a)->hlc;
  guint64 y = ((const ByHlc *)b)->hlc;

  return (x > y) - (x < y);
}

/**
 * lin_store_list:
 * @self: a #LinStore
 * @kind: (nullable): a kind, or %NULL for all
 *
 * Returns: (transfer container) (element-type LinRecord): the records of
 *   @kind, oldest first
 */
GPtrArray *
lin_store_list (LinStore   *self,
                const char *kind)
{
  g_autoptr(GArray) sorted = NULL;
  const char *interned;
  GPtrArray *out;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (LIN_IS_STORE (self), g_ptr_array_new_with_free_func (g_object_unref));

  /* records' kinds are interned: one comparison of pointers each */
  interned = kind != NULL ? g_intern_string (kind) : NULL;
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (ByHlc), g_hash_table_size (self->records));
  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (interned == NULL || lin_record_get_kind (value) == interned)
      {
        ByHlc item = { lin_record_get_hlc (value), value };

        g_array_append_val (sorted, item);
      }

  g_array_sort (sorted, compare_by_hlc);

  out = g_ptr_array_new_full (sorted->len, g_object_unref);
  for (guint i = 0; i < sorted->len; i++)
    g_ptr_array_add (out, g_object_ref (g_array_index (sorted, ByHlc, i).record));

  return out;
}

guint
lin_store_get_n_records (LinStore *self)
{
  g_return_val_if_fail (LIN_IS_STORE (self), 0);

  return g_hash_table_size (self->records);
}

/**
 * lin_store_get_n_outbox:
 * @self: a #LinStore
 *
 * Returns: the revisions waiting to be pushed
 */
guint
lin_store_get_n_outbox (LinStore *self)
{
  gint64 n = 0;

  g_return_val_if_fail (LIN_IS_STORE (self), 0);

  if (self->db == NULL || !lin_store_query_int (self, "SELECT count(*) FROM outbox", &n, NULL))
    return 0;

  return (guint)n;
}

guint32
lin_store_get_key_epoch (LinStore *self)
{
  g_return_val_if_fail (LIN_IS_STORE (self), 0);

  return self->epoch;
}

/**
 * lin_store_rotate_key:
 * @self: an open #LinStore
 * @error: a location for a #GError
 *
 * Adds a collection key of the next epoch; new revisions use it, old ones
 * keep theirs.
 *
 * Returns: %TRUE on success
 */
gboolean
lin_store_rotate_key (LinStore  *self,
                      GError   **error)
{
  g_return_val_if_fail (LIN_IS_STORE (self), FALSE);

  if (!lin_store_check_open (self, error) || !lin_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!add_collection_key (self, self->epoch + 1, error) || !lin_store_exec (self, "COMMIT", error))
    {
      lin_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * lin_store_verify:
 * @self: an open #LinStore
 * @n_envelopes: (out) (optional): how many envelopes were checked
 * @error: a location for a #GError
 *
 * SQLite's integrity_check, then every envelope of every revision opened
 * and checked against its row, and every record's fields parsed.
 *
 * Returns: %TRUE when all is well
 */
gboolean
lin_store_verify (LinStore  *self,
                  guint     *n_envelopes,
                  GError   **error)
{
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  g_return_val_if_fail (LIN_IS_STORE (self), FALSE);

  if (!lin_store_check_open (self, error))
    return FALSE;

  stmt = lin_store_prepare_stmt (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW || g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      sqlite3_finalize (stmt);
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                           "The profile's store fails SQLite's integrity check");
      return FALSE;
    }
  sqlite3_finalize (stmt);

  stmt = lin_store_prepare_stmt (self, "SELECT record_id, revision, envelope FROM envelopes", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) envelope = g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
      g_autoptr(GBytes) plain = NULL;
      g_autoptr(LinRecord) record = NULL;
      LinEnvelopeHeader header;
      LinKey *key;

      if (sqlite3_column_bytes (stmt, 0) != LIN_RECORD_ID_BYTES ||
          !lin_envelope_peek (envelope, &header, error) ||
          (key = lin_store_key_for_epoch (self, header.key_epoch, error)) == NULL ||
          (plain = lin_envelope_open (envelope, key, sqlite3_column_blob (stmt, 0),
                                      (guint64)sqlite3_column_int64 (stmt, 1), NULL, error)) == NULL ||
          (record = lin_record_new_from_payload (&header, g_bytes_get_data (plain, NULL),
                                                 g_bytes_get_size (plain), NULL, error)) == NULL ||
          !lin_record_check_fields (record, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      n++;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return lin_store_sqlite_error (error, self->db, rc, "verify");

  if (n_envelopes != NULL)
    *n_envelopes = n;

  return TRUE;
}

/**
 * lin_store_list_revisions:
 * @self: an open #LinStore
 * @id: a record id (32 hex digits)
 * @error: a location for a #GError
 *
 * Every revision of a record that is still kept, opened: the record's
 * history, for reading. Tombstones are left out. The records are copies,
 * not the working set's: changing one changes nothing.
 *
 * Returns: (transfer container) (element-type LinRecord) (nullable): the
 *   revisions, oldest first (empty for a record with none), or %NULL with
 *   @error set when one cannot be opened
 */
GPtrArray *
lin_store_list_revisions (LinStore    *self,
                          const char  *id,
                          GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  guint8 bin[LIN_RECORD_ID_BYTES];
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LIN_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!lin_store_check_open (self, error))
    return NULL;

  if (!lin_record_id_from_string (id, bin))
    {
      g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_NOT_FOUND, "Not a record id");
      return NULL;
    }

  stmt = lin_store_prepare_stmt (self, "SELECT revision, local, envelope FROM envelopes WHERE record_id = ? ORDER BY revision",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_blob (stmt, 1, bin, sizeof bin, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) envelope = g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
      g_autoptr(GBytes) plain = NULL;
      LinEnvelopeHeader header;
      LinRecord *record;
      LinKey *key;

      if (!lin_envelope_peek (envelope, &header, error) ||
          (key = lin_store_key_for_epoch (self, header.key_epoch, error)) == NULL ||
          (plain = lin_envelope_open (envelope, key, bin, (guint64)sqlite3_column_int64 (stmt, 0),
                                      NULL, error)) == NULL)
        {
          sqlite3_finalize (stmt);
          return NULL;
        }

      if (header.flags & LIN_ENVELOPE_FLAG_TOMBSTONE)
        continue;

      record = lin_record_new_from_payload (&header, g_bytes_get_data (plain, NULL),
                                            g_bytes_get_size (plain), NULL, error);
      if (record == NULL)
        {
          sqlite3_finalize (stmt);
          return NULL;
        }
      lin_record_set_local (record, sqlite3_column_int (stmt, 1) != 0);
      g_ptr_array_add (out, record);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      lin_store_sqlite_error (error, self->db, rc, "history");
      return NULL;
    }

  return g_steal_pointer (&out);
}

/**
 * lin_store_checkpoint:
 * @self: an open #LinStore
 * @error: a location for a #GError
 *
 * Moves the WAL into the database and truncates it (on lock and exit).
 *
 * Returns: %TRUE on success
 */
gboolean
lin_store_checkpoint (LinStore  *self,
                      GError   **error)
{
  g_return_val_if_fail (LIN_IS_STORE (self), FALSE);

  return lin_store_check_open (self, error) && lin_store_exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", error);
}

/**
 * lin_store_dup_envelopes:
 * @self: an open #LinStore
 * @id: a record id (32 hex digits)
 *
 * For tests and sync: the stored envelopes of a record, oldest first.
 *
 * Returns: (transfer container) (element-type GBytes): the envelopes
 */
GPtrArray *
lin_store_dup_envelopes (LinStore   *self,
                         const char *id)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  guint8 bin[LIN_RECORD_ID_BYTES];
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LIN_IS_STORE (self), out);

  if (self->db == NULL || !lin_record_id_from_string (id, bin))
    return out;

  stmt = lin_store_prepare_stmt (self, "SELECT envelope FROM envelopes WHERE record_id = ? ORDER BY revision", NULL);
  if (stmt == NULL)
    return out;

  sqlite3_bind_blob (stmt, 1, bin, sizeof bin, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (out, g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0)));
  sqlite3_finalize (stmt);

  return out;
}
