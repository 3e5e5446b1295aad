/* lin-server-devices.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Devices in server.db: enrolment with a founding or invite code, bearer
 * tokens, approval and revocation.
 *
 * A code is used up in the transaction that registers the device, so two
 * devices can never enrol with one code. The token is 256 random bits,
 * shown to the device once; the database keeps its SHA-256, so a copy of
 * server.db lets no one act as a device. An invite's second half, the pin
 * of the organisation's key, is checked before the code is used, so a
 * mistyped one does not waste it.
 */

#define G_LOG_DOMAIN "lin-server-db"

#include "config.h"

#include <sodium.h>
#include <sqlite3.h>
#include <string.h>

#include "lin-server-db-private.h"
#include "lin-sync-code.h"

#define TOKEN_BYTES 32

static LinServerDevice *
device_from_row (sqlite3_stmt *stmt)
{
  LinServerDevice *device = g_new0 (LinServerDevice, 1);

  device->id = lin_server_db_dup_column (stmt, 0);
  device->org_id = lin_server_db_dup_column (stmt, 1);
  device->name = lin_server_db_dup_column (stmt, 2);
  device->role = lin_server_db_dup_column (stmt, 3);
  device->state = lin_server_db_dup_column (stmt, 4);
  device->enrolled = sqlite3_column_int64 (stmt, 5);
  device->sign_key = lin_server_db_dup_column (stmt, 6);
  device->box_key = lin_server_db_dup_column (stmt, 7);
  device->certificate = lin_server_db_dup_column (stmt, 8);
  device->sealed_keys = lin_server_db_dup_column (stmt, 9);

  return device;
}

#define DEVICE_COLUMNS \
  "SELECT id, org_id, name, role, state, enrolled, sign_key, box_key, certificate, sealed_keys" \
  " FROM devices "

/* Finds an unused, unexpired code; sets its org id and kind */
static gboolean
find_code (LinServerDb  *self,
           const char   *code,
           guint8       *hash,
           char        **org_id,
           char        **kind,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *org_key = NULL;
  g_autofree char *pin = NULL;
  char digits[2 * LIN_SYNC_CODE_DIGITS + 1] = { 0 };
  gsize n = lin_sync_code_normalise (code, digits, 2 * LIN_SYNC_CODE_DIGITS);

  if (n != LIN_SYNC_CODE_DIGITS && n != 2 * LIN_SYNC_CODE_DIGITS)
    {
      g_set_error_literal (error, LIN_SERVER_ERROR, LIN_SERVER_ERROR_INVALID,
                           "An enrolment code is 16 or 32 base32 digits");
      return FALSE;
    }

  lin_server_code_hash (digits, hash);
  stmt = lin_server_db_prepare (self, "SELECT org_id, kind FROM codes"
                        " WHERE hash = ? AND used IS NULL AND expires > ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, hash, crypto_hash_sha256_BYTES, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, lin_server_db_now ());
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, LIN_SERVER_ERROR, LIN_SERVER_ERROR_CODE,
                           "The code is unknown, used or expired");
      return FALSE;
    }
  *org_id = lin_server_db_dup_column (stmt, 0);
  *kind = lin_server_db_dup_column (stmt, 1);

  /* an invite carries the pin of the organisation's key: a mistyped one
   * is refused before it uses the code up */
  if (g_str_equal (*kind, "invite"))
    {
      org_key = lin_server_db_get_org_key (self, *org_id);
      pin = org_key != NULL ? lin_sync_pin_for_key (org_key) : NULL;
      if (n != 2 * LIN_SYNC_CODE_DIGITS || pin == NULL || memcmp (pin, digits + LIN_SYNC_CODE_DIGITS, LIN_SYNC_CODE_DIGITS) != 0)
        {
          g_set_error_literal (error, LIN_SERVER_ERROR, LIN_SERVER_ERROR_CODE,
                               "The code's organisation part does not match");
          return FALSE;
        }
    }
  else if (n != LIN_SYNC_CODE_DIGITS)
    {
      g_set_error_literal (error, LIN_SERVER_ERROR, LIN_SERVER_ERROR_CODE,
                           "The code is unknown, used or expired");
      return FALSE;
    }

  return TRUE;
}

static gboolean
enrol_rows (LinServerDb   *self,
            const guint8  *hash,
            const char    *org_id,
            gboolean       founding,
            const char    *org_key,
            const char    *device_id,
            const char    *name,
            const char    *sign_key,
            const char    *box_key,
            const guint8  *token_hash,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) use = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) found = NULL;

  use = lin_server_db_prepare (self, "UPDATE codes SET used = ?, device_id = ? WHERE hash = ? AND used IS NULL", error);
  if (use == NULL)
    return FALSE;
  sqlite3_bind_int64 (use, 1, lin_server_db_now ());
  lin_server_db_bind_text (use, 2, device_id);
  sqlite3_bind_blob (use, 3, hash, crypto_hash_sha256_BYTES, SQLITE_TRANSIENT);
  if (!lin_server_db_step_done (self, use, "use code", error))
    return FALSE;

  if (founding)
    {
      found = lin_server_db_prepare (self, "UPDATE orgs SET org_key = ? WHERE id = ? AND org_key IS NULL", error);
      if (found == NULL)
        return FALSE;
      lin_server_db_bind_text (found, 1, org_key);
      lin_server_db_bind_text (found, 2, org_id);
      if (!lin_server_db_step_done (self, found, "found org", error))
        return FALSE;
    }

  insert = lin_server_db_prepare (self, "INSERT INTO devices (id, org_id, name, role, state, token_hash,"
                          " sign_key, box_key, enrolled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (insert == NULL)
    return FALSE;
  lin_server_db_bind_text (insert, 1, device_id);
  lin_server_db_bind_text (insert, 2, org_id);
  lin_server_db_bind_text (insert, 3, name);
  lin_server_db_bind_text (insert, 4, founding ? "coordinator" : "member");
  lin_server_db_bind_text (insert, 5, founding ? "approved" : "pending");
  sqlite3_bind_blob (insert, 6, token_hash, crypto_hash_sha256_BYTES, SQLITE_TRANSIENT);
  lin_server_db_bind_text (insert, 7, sign_key);
  lin_server_db_bind_text (insert, 8, box_key);
  sqlite3_bind_int64 (insert, 9, lin_server_db_now ());

  return lin_server_db_step_done (self, insert, "insert device", error);
}

/**
 * lin_server_db_enrol:
 * @self: a #LinServerDb
 * @code: a founding or invite code, as typed
 * @name: the device's label
 * @sign_key: its public signing key, base64
 * @box_key: its public box key, base64
 * @org_key: (nullable): with a founding code, the organisation's public
 *   signing key, base64
 * @token: (out): the device's bearer token
 * @error: a location for a #GError
 *
 * Uses the code up and registers the device: the coordinator's, approved,
 * with a founding code; a pending member with an invite.
 *
 * Returns: (transfer full): the device, or %NULL
 */
LinServerDevice *
lin_server_db_enrol (LinServerDb  *self,
                     const char   *code,
                     const char   *name,
                     const char   *sign_key,
                     const char   *box_key,
                     const char   *org_key,
                     char        **token,
                     GError      **error)
{
  g_autofree char *org_id = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *device_id = NULL;
  guint8 hash[crypto_hash_sha256_BYTES];
  guint8 secret[TOKEN_BYTES];
  guint8 token_hash[crypto_hash_sha256_BYTES];
  char encoded[sodium_base64_ENCODED_LEN (TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  gboolean founding;

  g_return_val_if_fail (LIN_IS_SERVER_DB (self), NULL);

  if (!lin_server_db_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  if (!find_code (self, code, hash, &org_id, &kind, error))
    return lin_server_db_rollback (self), NULL;

  founding = g_str_equal (kind, "founding");
  if (founding && org_key == NULL)
    {
      lin_server_db_rollback (self);
      g_set_error_literal (error, LIN_SERVER_ERROR, LIN_SERVER_ERROR_INVALID,
                           "A founding enrolment must carry the organisation's key");
      return NULL;
    }

  /* the token is the base64 of 256 random bits; the database keeps the
   * SHA-256 of the token as sent */
  randombytes_buf (secret, sizeof secret);
  sodium_bin2base64 (encoded, sizeof encoded, secret, sizeof secret,
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (secret, sizeof secret);
  crypto_hash_sha256 (token_hash, (const guint8 *)encoded, strlen (encoded));

  device_id = lin_server_db_random_id ();
  if (!enrol_rows (self, hash, org_id, founding, org_key, device_id, name,
                   sign_key, box_key, token_hash, error) ||
      !lin_server_db_exec (self, "COMMIT", error))
    {
      sodium_memzero (encoded, sizeof encoded);
      return lin_server_db_rollback (self), NULL;
    }

  *token = g_strdup (encoded);
  sodium_memzero (encoded, sizeof encoded);

  return lin_server_db_get_device (self, device_id, error);
}

/**
 * lin_server_db_authenticate:
 * @self: a #LinServerDb
 * @token: a bearer token
 *
 * Returns: (transfer full) (nullable): the token's device, whatever its
 *   state, or %NULL
 */
LinServerDevice *
lin_server_db_authenticate (LinServerDb *self,
                            const char  *token)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint8 hash[crypto_hash_sha256_BYTES];

  g_return_val_if_fail (LIN_IS_SERVER_DB (self), NULL);
  g_return_val_if_fail (token != NULL, NULL);

  /* the lookup is by a hash of a 256-bit secret: its timing tells nothing */
  crypto_hash_sha256 (hash, (const guint8 *)token, strlen (token));
  stmt = lin_server_db_prepare (self, DEVICE_COLUMNS "WHERE token_hash = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_blob (stmt, 1, hash, sizeof hash, SQLITE_TRANSIENT);

  return sqlite3_step (stmt) == SQLITE_ROW ? device_from_row (stmt) : NULL;
}

/**
 * lin_server_db_get_device:
 * @self: a #LinServerDb
 * @device_id: a device's id
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the device, or %NULL
 */
LinServerDevice *
lin_server_db_get_device (LinServerDb  *self,
                          const char   *device_id,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LIN_IS_SERVER_DB (self), NULL);

  stmt = lin_server_db_prepare (self, DEVICE_COLUMNS "WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  lin_server_db_bind_text (stmt, 1, device_id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, LIN_SERVER_ERROR, LIN_SERVER_ERROR_NOT_FOUND, "No such device");
      return NULL;
    }

  return device_from_row (stmt);
}

/**
 * lin_server_db_list_devices:
 * @self: a #LinServerDb
 * @org_id: the organisation
 * @state: (nullable): only devices in this state
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type LinServerDevice): the devices,
 *   oldest enrolment first, or %NULL
 */
GPtrArray *
lin_server_db_list_devices (LinServerDb  *self,
                            const char   *org_id,
                            const char   *state,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) devices = NULL;

  g_return_val_if_fail (LIN_IS_SERVER_DB (self), NULL);

  if (!lin_server_db_org_exists (self, org_id))
    {
      g_set_error_literal (error, LIN_SERVER_ERROR, LIN_SERVER_ERROR_NOT_FOUND,
                           "No such organisation");
      return NULL;
    }

  stmt = lin_server_db_prepare (self, DEVICE_COLUMNS "WHERE org_id = ? AND (?2 IS NULL OR state = ?2)"
                        " ORDER BY enrolled, rowid", error);
  if (stmt == NULL)
    return NULL;
  lin_server_db_bind_text (stmt, 1, org_id);
  lin_server_db_bind_text (stmt, 2, state);

  devices = g_ptr_array_new_with_free_func ((GDestroyNotify)lin_server_device_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (devices, device_from_row (stmt));

  return g_steal_pointer (&devices);
}

/* Changes a device of @org_id (any, when NULL) that is in one of @from */
static gboolean
update_device (LinServerDb         *self,
               const char          *sql,
               const char          *org_id,
               const char          *device_id,
               const char * const  *from,
               const char          *certificate,
               const char          *sealed_keys,
               GError             **error)
{
  g_autoptr(LinServerDevice) device = lin_server_db_get_device (self, device_id, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (device == NULL)
    return FALSE;

  if (org_id != NULL && !g_str_equal (device->org_id, org_id))
    {
      g_set_error_literal (error, LIN_SERVER_ERROR, LIN_SERVER_ERROR_NOT_FOUND, "No such device");
      return FALSE;
    }

  if (!g_strv_contains (from, device->state))
    {
      g_set_error (error, LIN_SERVER_ERROR, LIN_SERVER_ERROR_STATE,
                   "The device is %s", device->state);
      return FALSE;
    }

  stmt = lin_server_db_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  lin_server_db_bind_text (stmt, 1, device_id);
  if (sqlite3_bind_parameter_count (stmt) == 3)
    {
      lin_server_db_bind_text (stmt, 2, certificate);
      lin_server_db_bind_text (stmt, 3, sealed_keys);
    }

  return lin_server_db_step_done (self, stmt, "update device", error);
}

/**
 * lin_server_db_approve:
 * @self: a #LinServerDb
 * @org_id: the approving coordinator's organisation
 * @device_id: the device
 * @certificate: its certificate, signed by the organisation key, base64
 * @sealed_keys: the collection keys sealed to its box key, base64
 * @error: a location for a #GError
 *
 * Approves a pending device, or replaces an approved one's certificate
 * and sealed keys (after the collection key was rotated).
 *
 * Returns: %TRUE when it was stored
 */
gboolean
lin_server_db_approve (LinServerDb  *self,
                       const char   *org_id,
                       const char   *device_id,
                       const char   *certificate,
                       const char   *sealed_keys,
                       GError      **error)
{
  static const char * const from[] = { "pending", "approved", NULL };

  g_return_val_if_fail (LIN_IS_SERVER_DB (self), FALSE);

  return update_device (self, "UPDATE devices SET state = 'approved', certificate = ?2,"
                              " sealed_keys = ?3 WHERE id = ?1",
                        org_id, device_id, from, certificate, sealed_keys, error);
}

/**
 * lin_server_db_revoke:
 * @self: a #LinServerDb
 * @org_id: (nullable): the organisation the device must belong to
 * @device_id: the device
 * @error: a location for a #GError
 *
 * Its token is refused from now on; what it pushed stays in the log.
 *
 * Returns: %TRUE when it was revoked
 */
gboolean
lin_server_db_revoke (LinServerDb  *self,
                      const char   *org_id,
                      const char   *device_id,
                      GError      **error)
{
  static const char * const from[] = { "pending", "approved", NULL };

  g_return_val_if_fail (LIN_IS_SERVER_DB (self), FALSE);

  return update_device (self, "UPDATE devices SET state = 'revoked', sealed_keys = NULL"
                              " WHERE id = ?1",
                        org_id, device_id, from, NULL, NULL, error);
}

