/* lin-server-db.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * server.db: what the organisation's server keeps. It holds only what
 * clients send it: envelopes (ciphertext), device public keys,
 * certificates and sealed collection keys, all opaque. Tables:
 *
 *   orgs (id, name, org_key)           the organisation's public signing
 *                                      key, uploaded at founding
 *   codes (hash, org_id, kind, …)      founding and invite codes: only a
 *                                      hash of their secret part
 *   devices (id, org_id, token_hash, …) only a hash of each bearer token
 *   collections (org_id, name, last_seq)
 *   heads (org_id, collection, record_id, revision)
 *                                      the revision a push must build on
 *   log (org_id, collection, seq, op_id, …, envelope)
 *                                      per collection an append-only log;
 *                                      triggers refuse UPDATE and DELETE
 *
 * Enrolment and devices are in lin-server-devices.c, the collections'
 * logs (push and pull) in lin-server-log.c.
 */

#define G_LOG_DOMAIN "lin-server-db"

#include "config.h"

#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "lin-server-db-private.h"
#include "lin-sync-code.h"

G_DEFINE_FINAL_TYPE (LinServerDb, lin_server_db, G_TYPE_OBJECT)

G_DEFINE_QUARK (lin-server-error-quark, lin_server_error)

#define SCHEMA_VERSION 1
#define CODE_SECRET_BYTES 10            /* 80 bits, 16 base32 digits */
#define CODE_PIN_BYTES 10

static const char schema[] =
  "CREATE TABLE orgs ("
  "  id TEXT PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  org_key TEXT,"
  "  created INTEGER NOT NULL);"
  "CREATE TABLE codes ("
  "  hash BLOB PRIMARY KEY,"
  "  org_id TEXT NOT NULL REFERENCES orgs (id),"
  "  kind TEXT NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  expires INTEGER NOT NULL,"
  "  used INTEGER,"
  "  device_id TEXT);"
  "CREATE TABLE devices ("
  "  id TEXT PRIMARY KEY,"
  "  org_id TEXT NOT NULL REFERENCES orgs (id),"
  "  name TEXT NOT NULL,"
  "  role TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  token_hash BLOB NOT NULL UNIQUE,"
  "  sign_key TEXT NOT NULL,"
  "  box_key TEXT NOT NULL,"
  "  certificate TEXT,"
  "  sealed_keys TEXT,"
  "  enrolled INTEGER NOT NULL);"
  "CREATE TABLE collections ("
  "  org_id TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  last_seq INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (org_id, name)) WITHOUT ROWID;"
  "CREATE TABLE heads ("
  "  org_id TEXT NOT NULL,"
  "  collection TEXT NOT NULL,"
  "  record_id BLOB NOT NULL,"
  "  revision INTEGER NOT NULL,"
  "  PRIMARY KEY (org_id, collection, record_id)) WITHOUT ROWID;"
  "CREATE TABLE log ("
  "  id INTEGER PRIMARY KEY,"
  "  org_id TEXT NOT NULL,"
  "  collection TEXT NOT NULL,"
  "  seq INTEGER NOT NULL,"
  "  op_id BLOB NOT NULL,"
  "  record_id BLOB NOT NULL,"
  "  base_revision INTEGER NOT NULL,"
  "  revision INTEGER NOT NULL,"
  "  digest BLOB NOT NULL,"
  "  device_id TEXT NOT NULL,"
  "  envelope BLOB NOT NULL);"
  "CREATE UNIQUE INDEX log_by_seq ON log (org_id, collection, seq);"
  "CREATE UNIQUE INDEX log_by_op ON log (org_id, op_id);"
  "CREATE TRIGGER log_no_update BEFORE UPDATE ON log"
  "  BEGIN SELECT RAISE (ABORT, 'the log is append-only'); END;"
  "CREATE TRIGGER log_no_delete BEFORE DELETE ON log"
  "  BEGIN SELECT RAISE (ABORT, 'the log is append-only'); END;";

void
lin_server_device_free (LinServerDevice *device)
{
  if (device == NULL)
    return;

  g_free (device->id);
  g_free (device->org_id);
  g_free (device->name);
  g_free (device->role);
  g_free (device->state);
  g_free (device->sign_key);
  g_free (device->box_key);
  g_free (device->certificate);
  g_free (device->sealed_keys);
  g_free (device);
}

void
lin_server_org_free (LinServerOrg *org)
{
  if (org == NULL)
    return;

  g_free (org->id);
  g_free (org->name);
  g_free (org);
}

void
lin_server_change_free (LinServerChange *change)
{
  if (change == NULL)
    return;

  g_clear_pointer (&change->envelope, g_bytes_unref);
  g_free (change);
}

gint64
lin_server_db_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

gboolean
lin_server_db_set_error (LinServerDb  *self,
                         GError      **error,
                         const char   *what)
{
  g_set_error (error, LIN_SERVER_ERROR, LIN_SERVER_ERROR_FAILED,
               "The server's database failed (%s: %s)", what, sqlite3_errmsg (self->db));
  return FALSE;
}

gboolean
lin_server_db_exec (LinServerDb  *self,
                    const char   *sql,
                    GError      **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return lin_server_db_set_error (self, error, "exec");

  return TRUE;
}

void
lin_server_db_rollback (LinServerDb *self)
{
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

sqlite3_stmt *
lin_server_db_prepare (LinServerDb  *self,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      lin_server_db_set_error (self, error, "prepare");
      return NULL;
    }

  return stmt;
}

void
lin_server_db_bind_text (sqlite3_stmt *stmt,
                         int           i,
                         const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, i, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, i);
}

gboolean
lin_server_db_step_done (LinServerDb   *self,
                         sqlite3_stmt  *stmt,
                         const char    *what,
                         GError       **error)
{
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return lin_server_db_set_error (self, error, what);

  return TRUE;
}

char *
lin_server_db_dup_column (sqlite3_stmt *stmt,
                          int           i)
{
  const char *text = (const char *)sqlite3_column_text (stmt, i);

  return g_strdup (text);
}

char *
lin_server_db_random_id (void)
{
  guint8 bytes[LIN_SERVER_ID_BYTES];
  char hex[LIN_SERVER_ID_HEX + 1];

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2hex (hex, sizeof hex, bytes, sizeof bytes);

  return g_strdup (hex);
}

/* 16 digits in groups of four, dashes between */
static void
append_grouped (GString    *out,
                const char *digits)
{
  for (int i = 0; i < LIN_SYNC_CODE_DIGITS; i += 4)
    {
      if (out->len > 0)
        g_string_append_c (out, '-');
      g_string_append_len (out, digits + i, 4);
    }
}

void
lin_server_code_hash (const char *digits,
                      guint8     *hash)
{
  crypto_hash_sha256 (hash, (const guint8 *)digits, LIN_SYNC_CODE_DIGITS);
}

static void
lin_server_db_finalize (GObject *object)
{
  LinServerDb *self = (LinServerDb *)object;

  g_clear_pointer (&self->db, sqlite3_close_v2);

  G_OBJECT_CLASS (lin_server_db_parent_class)->finalize (object);
}

static void
lin_server_db_class_init (LinServerDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lin_server_db_finalize;
}

static void
lin_server_db_init (LinServerDb *self)
{
}

static gboolean
migrate (LinServerDb  *self,
         gboolean      create,
         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = lin_server_db_prepare (self, "PRAGMA user_version", error);
  int version;

  if (stmt == NULL)
    return FALSE;
  sqlite3_step (stmt);
  version = sqlite3_column_int (stmt, 0);

  if (version == SCHEMA_VERSION)
    return TRUE;

  if (version != 0 || !create)
    {
      g_set_error (error, LIN_SERVER_ERROR, LIN_SERVER_ERROR_FAILED,
                   version > SCHEMA_VERSION ? "The database was made by a newer linija-server"
                                            : "The folder is not a linija-server state folder");
      return FALSE;
    }

  return lin_server_db_exec (self, "BEGIN IMMEDIATE", error) &&
         (lin_server_db_exec (self, schema, error) &&
          lin_server_db_exec (self, "PRAGMA user_version = 1", error) &&
          lin_server_db_exec (self, "COMMIT", error) ? TRUE : (lin_server_db_rollback (self), FALSE));
}

/**
 * lin_server_db_open:
 * @path: the database's file
 * @create: whether to create it
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the database, or %NULL
 */
LinServerDb *
lin_server_db_open (const char  *path,
                    gboolean     create,
                    GError     **error)
{
  g_autoptr(LinServerDb) self = g_object_new (LIN_TYPE_SERVER_DB, NULL);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);

  g_return_val_if_fail (path != NULL, NULL);

  if (sqlite3_open_v2 (path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, LIN_SERVER_ERROR, LIN_SERVER_ERROR_FAILED,
                   "Cannot open the server's database %s: %s", path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }

  /* the coordinator's commands may run while the server does */
  sqlite3_busy_timeout (self->db, 10000);
  if (!lin_server_db_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                   "PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON;"
                   "PRAGMA temp_store = MEMORY", error) ||
      !migrate (self, create, error))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
insert_code (LinServerDb  *self,
             const char   *org_id,
             const char   *kind,
             gint64        expires,
             char         *digits,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint8 secret[CODE_SECRET_BYTES];
  guint8 hash[crypto_hash_sha256_BYTES];

  randombytes_buf (secret, sizeof secret);
  lin_sync_base32_80 (secret, digits);
  sodium_memzero (secret, sizeof secret);
  lin_server_code_hash (digits, hash);

  stmt = lin_server_db_prepare (self, "INSERT INTO codes (hash, org_id, kind, created, expires)"
                        " VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, hash, sizeof hash, SQLITE_TRANSIENT);
  lin_server_db_bind_text (stmt, 2, org_id);
  lin_server_db_bind_text (stmt, 3, kind);
  sqlite3_bind_int64 (stmt, 4, lin_server_db_now ());
  sqlite3_bind_int64 (stmt, 5, expires);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return lin_server_db_set_error (self, error, "insert code");

  return TRUE;
}

/**
 * lin_server_db_create_org:
 * @self: a #LinServerDb
 * @name: the organisation's name
 * @expires: when the founding code expires, unix seconds
 * @founding_code: (out): the one-time code that enrols the coordinator's
 *   Linija and founds the organisation
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the new organisation's id, or %NULL
 */
char *
lin_server_db_create_org (LinServerDb  *self,
                          const char   *name,
                          gint64        expires,
                          char        **founding_code,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *id = lin_server_db_random_id ();
  char digits[LIN_SYNC_CODE_DIGITS + 1] = { 0 };
  GString *code;

  g_return_val_if_fail (LIN_IS_SERVER_DB (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!lin_server_db_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  stmt = lin_server_db_prepare (self, "INSERT INTO orgs (id, name, created) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return lin_server_db_rollback (self), NULL;
  lin_server_db_bind_text (stmt, 1, id);
  lin_server_db_bind_text (stmt, 2, name);
  sqlite3_bind_int64 (stmt, 3, lin_server_db_now ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return lin_server_db_set_error (self, error, "insert org"), lin_server_db_rollback (self), NULL;

  if (!insert_code (self, id, "founding", expires, digits, error) ||
      !lin_server_db_exec (self, "COMMIT", error))
    return lin_server_db_rollback (self), NULL;

  code = g_string_new (NULL);
  append_grouped (code, digits);
  *founding_code = g_string_free (code, FALSE);

  return g_steal_pointer (&id);
}

/**
 * lin_server_db_get_org_key:
 * @self: a #LinServerDb
 * @org_id: an organisation's id
 *
 * Returns: (transfer full) (nullable): its public signing key, or %NULL
 *   when it is unknown or not founded yet
 */
char *
lin_server_db_get_org_key (LinServerDb *self,
                           const char  *org_id)
{
  g_autoptr(sqlite3_stmt) stmt = lin_server_db_prepare (self, "SELECT org_key FROM orgs WHERE id = ?", NULL);

  if (stmt == NULL)
    return NULL;
  lin_server_db_bind_text (stmt, 1, org_id);

  return sqlite3_step (stmt) == SQLITE_ROW ? lin_server_db_dup_column (stmt, 0) : NULL;
}

/**
 * lin_server_db_list_orgs:
 * @self: a #LinServerDb
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type LinServerOrg): the
 *   organisations, oldest first, or %NULL
 */
GPtrArray *
lin_server_db_list_orgs (LinServerDb  *self,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) orgs = NULL;

  g_return_val_if_fail (LIN_IS_SERVER_DB (self), NULL);

  stmt = lin_server_db_prepare (self, "SELECT id, name, org_key IS NOT NULL, created FROM orgs"
                                      " ORDER BY created, rowid", error);
  if (stmt == NULL)
    return NULL;

  orgs = g_ptr_array_new_with_free_func ((GDestroyNotify)lin_server_org_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LinServerOrg *org = g_new0 (LinServerOrg, 1);

      org->id = lin_server_db_dup_column (stmt, 0);
      org->name = lin_server_db_dup_column (stmt, 1);
      org->founded = sqlite3_column_int (stmt, 2) != 0;
      org->created = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (orgs, org);
    }

  return g_steal_pointer (&orgs);
}

gboolean
lin_server_db_org_exists (LinServerDb *self,
                          const char  *org_id)
{
  g_autoptr(sqlite3_stmt) stmt = lin_server_db_prepare (self, "SELECT 1 FROM orgs WHERE id = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  lin_server_db_bind_text (stmt, 1, org_id);

  return sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * lin_server_db_create_invite:
 * @self: a #LinServerDb
 * @org_id: the organisation
 * @expires: when the code expires, unix seconds
 * @error: a location for a #GError
 *
 * An invite code is a one-time secret (16 digits) followed by the pin of
 * the organisation's key (16 digits), so the organisation must have been
 * founded first.
 *
 * Returns: (transfer full): the invite code, or %NULL
 */
char *
lin_server_db_create_invite (LinServerDb  *self,
                             const char   *org_id,
                             gint64        expires,
                             GError      **error)
{
  g_autofree char *org_key = NULL;
  g_autofree char *pin = NULL;
  char digits[LIN_SYNC_CODE_DIGITS + 1] = { 0 };
  GString *code;

  g_return_val_if_fail (LIN_IS_SERVER_DB (self), NULL);
  g_return_val_if_fail (org_id != NULL, NULL);

  if (!lin_server_db_org_exists (self, org_id))
    {
      g_set_error_literal (error, LIN_SERVER_ERROR, LIN_SERVER_ERROR_NOT_FOUND,
                           "No such organisation");
      return NULL;
    }

  org_key = lin_server_db_get_org_key (self, org_id);
  if (org_key == NULL || (pin = lin_sync_pin_for_key (org_key)) == NULL)
    {
      g_set_error_literal (error, LIN_SERVER_ERROR, LIN_SERVER_ERROR_STATE,
                           "The organisation is not founded yet");
      return NULL;
    }

  if (!insert_code (self, org_id, "invite", expires, digits, error))
    return NULL;

  code = g_string_new (NULL);
  append_grouped (code, digits);
  append_grouped (code, pin);

  return g_string_free (code, FALSE);
}
