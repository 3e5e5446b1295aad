/* lin-profile.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Profiles: one folder each under $XDG_DATA_HOME/linija/ (mode 0700)
 * holding vault.hdr and store.db, so that two volunteers sharing a laptop
 * each have their own passphrase. Also backups: one file holding the
 * header and a consistent copy of the store, both already encrypted,
 * followed by a BLAKE2b checksum.
 */

#define G_LOG_DOMAIN "lin-profile"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lin-bytes.h"
#include "lin-profile.h"

#define BACKUP_MAGIC "LINBAK01"
#define BACKUP_SUM_BYTES 32

void
lin_profile_info_free (LinProfileInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_free (info->name);
  g_free (info);
}

static gboolean
ensure_private_dir (const char  *path,
                    GError     **error)
{
  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, LIN_VAULT_ERROR,
                   saved == EACCES ? LIN_VAULT_ERROR_PERMISSIONS : LIN_VAULT_ERROR_IO,
                   "Could not create the folder %s: %s", path, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/**
 * lin_profile_check_folder:
 * @profile_dir: a profile's folder
 * @error: a location for a #GError
 *
 * A profile folder must be a folder of this user's that nobody else can
 * open (mode 0700): otherwise Linija refuses it rather than "fix" it.
 *
 * Returns: %TRUE when the folder is private
 */
gboolean
lin_profile_check_folder (const char  *profile_dir,
                          GError     **error)
{
  GStatBuf st;

  if (g_lstat (profile_dir, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, LIN_VAULT_ERROR,
                   saved == ENOENT ? LIN_VAULT_ERROR_NOT_FOUND : LIN_VAULT_ERROR_PERMISSIONS,
                   "The profile folder cannot be opened: %s", g_strerror (saved));
      return FALSE;
    }

  if (!S_ISDIR (st.st_mode))
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                           "The profile is not a folder");
      return FALSE;
    }

  if (st.st_uid != getuid () || (st.st_mode & 0077) != 0)
    {
      g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_PERMISSIONS,
                   "The profile folder can be opened by other users (mode %04o); "
                   "make it private (chmod 700) and try again",
                   (unsigned)(st.st_mode & 07777));
      return FALSE;
    }

  return TRUE;
}

static int
compare_info (gconstpointer a,
              gconstpointer b)
{
  const LinProfileInfo *x = *(LinProfileInfo **)a;
  const LinProfileInfo *y = *(LinProfileInfo **)b;

  return g_utf8_collate (x->name ? x->name : "", y->name ? y->name : "");
}

/**
 * lin_profile_list:
 * @data_dir: the folder of profiles ($XDG_DATA_HOME/linija)
 * @error: a location for a #GError
 *
 * Returns: (transfer container) (element-type LinProfileInfo): the
 *   profiles, by name; empty when there are none
 */
GPtrArray *
lin_profile_list (const char  *data_dir,
                  GError     **error)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)lin_profile_info_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *entry;

  dir = g_dir_open (data_dir, 0, &local_error);
  if (dir == NULL)
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_IO, "%s", local_error->message);
          g_ptr_array_unref (out);
          return NULL;
        }
      return out;
    }

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (data_dir, entry, NULL);
      g_autofree char *header = g_build_filename (path, LIN_HEADER_FILE, NULL);
      LinProfileInfo *info;

      if (!g_file_test (header, G_FILE_TEST_IS_REGULAR))
        continue;

      info = g_new0 (LinProfileInfo, 1);
      info->path = g_steal_pointer (&path);
      info->name = lin_vault_read_name (header, NULL);
      g_ptr_array_add (out, info);
    }

  g_ptr_array_sort (out, compare_info);

  return out;
}

/**
 * lin_profile_create:
 * @data_dir: the folder of profiles
 * @name: the new profile's name
 * @passphrase: its passphrase, at least 10 characters
 * @kdf: (nullable): KDF parameters, %NULL for the default
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the new profile's folder, or %NULL
 */
char *
lin_profile_create (const char          *data_dir,
                    const char          *name,
                    const char          *passphrase,
                    const LinKdfParams  *kdf,
                    GError             **error)
{
  g_autoptr(LinVault) vault = NULL;
  g_autoptr(LinStore) store = NULL;
  g_autofree char *path = NULL;
  g_autofree char *header = NULL;
  g_autofree char *db = NULL;
  char id[17];
  guint8 raw[8];

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (lin_passphrase_strength (passphrase) == LIN_PASSPHRASE_TOO_SHORT)
    {
      g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_WEAK_PASSPHRASE,
                   "A passphrase needs at least %d characters", LIN_PASSPHRASE_MIN_CHARS);
      return NULL;
    }

  if (!lin_secret_init (error) || !ensure_private_dir (data_dir, error))
    return NULL;

  /* the folder's name says nothing: a random id */
  randombytes_buf (raw, sizeof raw);
  sodium_bin2hex (id, sizeof id, raw, sizeof raw);
  path = g_build_filename (data_dir, id, NULL);

  if (g_mkdir (path, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_IO,
                   "Could not create the profile folder: %s", g_strerror (saved));
      return NULL;
    }

  header = g_build_filename (path, LIN_HEADER_FILE, NULL);
  db = g_build_filename (path, LIN_STORE_FILE, NULL);

  vault = lin_vault_create (header, name, passphrase, kdf, error);
  if (vault != NULL)
    store = lin_store_open (vault, db, TRUE, error);

  if (store == NULL)
    {
      /* leave nothing half made */
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (db);
      g_unlink (header);
      g_rmdir (path);
      return NULL;
    }

  lin_store_close (store);

  return g_steal_pointer (&path);
}

/**
 * lin_profile_unlock:
 * @profile_dir: a profile's folder
 * @passphrase: its passphrase
 * @error: a location for a #GError
 *
 * Checks the folder, unlocks the vault, opens the store and loads the
 * working set. A wrong passphrase changes nothing on disk.
 *
 * Returns: (transfer full): the open store, or %NULL
 */
LinStore *
lin_profile_unlock (const char  *profile_dir,
                    const char  *passphrase,
                    GError     **error)
{
  g_autoptr(LinVault) vault = NULL;
  g_autofree char *header = NULL;
  g_autofree char *db = NULL;
  GThread *memory;

  g_return_val_if_fail (profile_dir != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!lin_profile_check_folder (profile_dir, error))
    return NULL;

  header = g_build_filename (profile_dir, LIN_HEADER_FILE, NULL);
  db = g_build_filename (profile_dir, LIN_STORE_FILE, NULL);

  /* the memory for the records is made ready during the Argon2id second */
  memory = lin_store_prepare_memory (db);
  vault = lin_vault_unlock (header, passphrase, error);
  if (memory != NULL)
    g_thread_join (memory);
  if (vault == NULL)
    return NULL;

  return lin_store_open (vault, db, FALSE, error);
}

/**
 * lin_passphrase_confirm_wrong:
 * @passphrase: the passphrase typed first
 * @confirm: the one typed again, perhaps still being typed
 *
 * Whether to tell her that the two differ: only once the second can no
 * longer be the start of the first, so that typing it is not interrupted.
 *
 * Returns: %TRUE when @confirm is wrong
 */
gboolean
lin_passphrase_confirm_wrong (const char *passphrase,
                              const char *confirm)
{
  g_return_val_if_fail (passphrase != NULL, FALSE);
  g_return_val_if_fail (confirm != NULL, FALSE);

  return confirm[0] != '\0' &&
         !g_str_equal (passphrase, confirm) &&
         (!g_str_has_prefix (passphrase, confirm) || strlen (confirm) >= strlen (passphrase));
}

/**
 * lin_passphrase_strength:
 * @passphrase: a passphrase
 *
 * A hint from length and variety (lower case, upper case, digits, others);
 * fewer than 10 characters is refused. Length counts most: four ordinary
 * words beat a short jumble.
 *
 * Returns: the strength
 */
LinPassphraseStrength
lin_passphrase_strength (const char *passphrase)
{
  glong chars;
  int classes = 0;
  gboolean lower = FALSE, upper = FALSE, digit = FALSE, other = FALSE;
  int score;

  if (passphrase == NULL || !g_utf8_validate (passphrase, -1, NULL))
    return LIN_PASSPHRASE_TOO_SHORT;

  chars = g_utf8_strlen (passphrase, -1);
  if (chars < LIN_PASSPHRASE_MIN_CHARS)
    return LIN_PASSPHRASE_TOO_SHORT;

  for (const char *p = passphrase; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        lower = TRUE;
      else if (g_unichar_isupper (c))
        upper = TRUE;
      else if (g_unichar_isdigit (c))
        digit = TRUE;
      else
        other = TRUE;
    }
  classes = lower + upper + digit + other;

  score = (chars >= 12) + (chars >= 16) + (chars >= 20) + (classes >= 3);
  if (classes == 1 && chars < 16)
    score = 0;

  switch (MIN (score, 3))
    {
    case 0:
      return LIN_PASSPHRASE_WEAK;
    case 1:
      return LIN_PASSPHRASE_FAIR;
    case 2:
      return LIN_PASSPHRASE_GOOD;
    default:
      return LIN_PASSPHRASE_STRONG;
    }
}

/* A consistent copy of a live database, through VACUUM INTO on a
 * connection of our own (a reader in WAL mode does not block Linija). */
static GBytes *
snapshot_db (const char  *db_path,
             const char  *tmp_dir,
             GError     **error)
{
  g_autofree char *tmp = g_build_filename (tmp_dir, ".linija-backup-XXXXXX", NULL);
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  char *contents = NULL;
  gsize len = 0;
  int rc;
  int fd;

  /* A name of its own, made with O_EXCL and mode 0600: two backups into
   * one folder must not share it. VACUUM INTO accepts an empty file. */
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, LIN_VAULT_ERROR,
                   saved == EACCES ? LIN_VAULT_ERROR_PERMISSIONS : LIN_VAULT_ERROR_IO,
                   "Could not write in %s: %s", tmp_dir, g_strerror (saved));
      return NULL;
    }
  close (fd);

  rc = sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 10000);
      sql = sqlite3_mprintf ("VACUUM INTO %Q", tmp);
      rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
      sqlite3_free (sql);
      sql = NULL;
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_IO,
                   "Could not copy the store: %s", db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      g_unlink (tmp);
      return NULL;
    }
  sqlite3_close_v2 (db);

  if (!g_file_get_contents (tmp, &contents, &len, error))
    {
      g_unlink (tmp);
      return NULL;
    }
  g_unlink (tmp);

  return g_bytes_new_take (contents, len);
}

/**
 * lin_profile_backup:
 * @profile_dir: a profile's folder
 * @backup_path: the backup file to write
 * @error: a location for a #GError
 *
 * Writes the header and a consistent snapshot of the store into one file.
 * Everything in it is already encrypted; no passphrase is needed to make a
 * backup, and the profile's passphrase opens the restored copy.
 *
 * Returns: %TRUE on success
 */
gboolean
lin_profile_backup (const char  *profile_dir,
                    const char  *backup_path,
                    GError     **error)
{
  g_autofree char *header_path = g_build_filename (profile_dir, LIN_HEADER_FILE, NULL);
  g_autofree char *db_path = g_build_filename (profile_dir, LIN_STORE_FILE, NULL);
  g_autofree char *backup_dir = g_path_get_dirname (backup_path);
  g_autoptr(GBytes) header = NULL;
  g_autoptr(GBytes) db = NULL;
  g_autoptr(LinVaultHeader) parsed = NULL;
  g_autoptr(GByteArray) out = NULL;
  char *contents = NULL;
  gsize len;
  guint8 sum[BACKUP_SUM_BYTES];
  guint8 lens[8];

  if (!lin_secret_init (error) || !lin_profile_check_folder (profile_dir, error))
    return FALSE;

  if (!g_file_get_contents (header_path, &contents, &len, error))
    return FALSE;
  header = g_bytes_new_take (contents, len);

  parsed = lin_vault_header_decode (header, error);
  if (parsed == NULL)
    return FALSE;

  db = snapshot_db (db_path, backup_dir, error);
  if (db == NULL)
    return FALSE;

  out = g_byte_array_new ();
  g_byte_array_append (out, (const guint8 *)BACKUP_MAGIC, 8);
  lin_put_u64 (lens, g_bytes_get_size (header));
  g_byte_array_append (out, lens, 8);
  g_byte_array_append (out, g_bytes_get_data (header, NULL), g_bytes_get_size (header));
  lin_put_u64 (lens, g_bytes_get_size (db));
  g_byte_array_append (out, lens, 8);
  g_byte_array_append (out, g_bytes_get_data (db, NULL), g_bytes_get_size (db));
  crypto_generichash (sum, sizeof sum, out->data, out->len, NULL, 0);
  g_byte_array_append (out, sum, sizeof sum);

  return lin_write_file_atomic (backup_path, out->data, out->len, error);
}

/**
 * lin_profile_restore:
 * @backup_path: a file made by lin_profile_backup()
 * @data_dir: the folder of profiles to restore into
 * @error: a location for a #GError
 *
 * Checks the whole backup, then restores it as a new profile folder; no
 * existing profile is touched.
 *
 * Returns: (transfer full): the new profile's folder, or %NULL
 */
char *
lin_profile_restore (const char  *backup_path,
                     const char  *data_dir,
                     GError     **error)
{
  g_autoptr(LinVaultHeader) parsed = NULL;
  g_autoptr(GBytes) header = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *header_path = NULL;
  g_autofree char *db_path = NULL;
  guint8 sum[BACKUP_SUM_BYTES];
  guint64 header_len, db_len;
  const guint8 *p;
  gsize len;
  char id[17];
  guint8 raw[8];

  if (!lin_secret_init (error))
    return NULL;

  if (!g_file_get_contents (backup_path, &contents, &len, error))
    return NULL;
  p = (const guint8 *)contents;

  if (len < 8 + 8 + 8 + BACKUP_SUM_BYTES || memcmp (p, BACKUP_MAGIC, 8) != 0)
    goto damaged;

  crypto_generichash (sum, sizeof sum, p, len - BACKUP_SUM_BYTES, NULL, 0);
  if (sodium_memcmp (sum, p + len - BACKUP_SUM_BYTES, BACKUP_SUM_BYTES) != 0)
    goto damaged;

  header_len = lin_get_u64 (p + 8);
  if (header_len > len - 24 - BACKUP_SUM_BYTES)
    goto damaged;
  db_len = lin_get_u64 (p + 16 + header_len);
  if (db_len != len - 24 - header_len - BACKUP_SUM_BYTES)
    goto damaged;

  header = g_bytes_new (p + 16, header_len);
  parsed = lin_vault_header_decode (header, error);
  if (parsed == NULL)
    return NULL;

  if (!ensure_private_dir (data_dir, error))
    return NULL;

  randombytes_buf (raw, sizeof raw);
  sodium_bin2hex (id, sizeof id, raw, sizeof raw);
  path = g_build_filename (data_dir, id, NULL);
  if (g_mkdir (path, 0700) != 0)
    {
      g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_IO,
                   "Could not create the profile folder: %s", g_strerror (errno));
      return NULL;
    }

  header_path = g_build_filename (path, LIN_HEADER_FILE, NULL);
  db_path = g_build_filename (path, LIN_STORE_FILE, NULL);
  if (!lin_write_file_atomic (db_path, p + 24 + header_len, db_len, error) ||
      !lin_write_file_atomic (header_path, p + 16, header_len, error))
    {
      g_unlink (db_path);
      g_unlink (header_path);
      g_rmdir (path);
      return NULL;
    }

  return g_steal_pointer (&path);

damaged:
  g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                       "The backup is damaged or is not a Linija backup");
  return NULL;
}
