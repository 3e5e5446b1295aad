/* lin-vault-test-utils.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers for the tests of the encrypted core: temporary folders, files,
 * checksums of whole folders, byte searches, and a raw SQLite connection
 * to store.db for the tests that tamper with it. Nothing here mocks the
 * core: the tests use the real files, SQLite and libsodium.
 */

#define G_LOG_DOMAIN "lin-test"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "lin-vault-test-utils.h"

/**
 * lin_vault_test_init:
 *
 * Starts libsodium and SQLite the way Linija does (before any raw SQLite
 * connection of a test), and makes new profiles use the floor KDF.
 */
void
lin_vault_test_init (void)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("LINIJA_KDF", "floor", TRUE);
  lin_secret_init (&error);
  g_assert_no_error (error);
}

char *
lin_vault_test_make_tmp (const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpl = g_strdup_printf ("linija-%s-XXXXXX", what);
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);

  return dir;
}

void
lin_vault_test_rm_rf (const char *path)
{
  GStatBuf st;

  if (path == NULL || g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          lin_vault_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

GBytes *
lin_vault_test_read (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

void
lin_vault_test_write (const char *path,
                      const void *data,
                      gsize       len)
{
  g_autoptr(GError) error = NULL;

  /* not G_FILE_SET_CONTENTS_NONE: GLib 2.74 then writes in place without
   * truncating */
  g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
  g_assert_no_error (error);
}

void
lin_vault_test_copy_file (const char *from,
                          const char *to)
{
  g_autoptr(GBytes) bytes = lin_vault_test_read (from);

  lin_vault_test_write (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/**
 * lin_vault_test_fixture:
 * @first: the first path element under tests/fixtures
 *
 * Returns: (transfer full): the path of a committed fixture file
 */
char *
lin_vault_test_fixture (const char *first,
                        ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *relative = NULL;
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  va_list args;

  g_ptr_array_add (parts, (gpointer)"fixtures");
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer)part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  relative = g_build_filenamev ((char **)parts->pdata);
  g_assert_nonnull (srcdir);

  return g_build_filename (srcdir, relative, NULL);
}

static void
list_tree (const char *root,
           const char *relative,
           GPtrArray  *out)
{
  g_autofree char *path = relative != NULL ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = relative != NULL ? g_build_filename (relative, name, NULL) : g_strdup (name);
      g_autofree char *full = g_build_filename (root, child, NULL);
      GStatBuf st;

      if (g_lstat (full, &st) != 0)
        continue;

      g_ptr_array_add (out, g_strdup (child));
      if (S_ISDIR (st.st_mode))
        list_tree (root, child, out);
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

/**
 * lin_vault_test_list_tree:
 * @dir: a folder
 *
 * Returns: (transfer full) (element-type utf8): everything under @dir,
 *   relative to it, sorted
 */
GPtrArray *
lin_vault_test_list_tree (const char *dir)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  list_tree (dir, NULL, out);
  g_ptr_array_sort (out, compare_strings);

  return out;
}

/**
 * lin_vault_test_snapshot_tree:
 * @dir: a folder
 *
 * Returns: (transfer full): one line per entry under @dir: its name, its
 *   type and mode, and for files the SHA-256 of the contents. Two equal
 *   snapshots mean nothing was created, removed or changed.
 */
char *
lin_vault_test_snapshot_tree (const char *dir)
{
  g_autoptr(GPtrArray) names = lin_vault_test_list_tree (dir);
  GString *out = g_string_new (NULL);
  GStatBuf st;

  if (g_lstat (dir, &st) == 0)
    g_string_append_printf (out, ". mode %04o\n", (unsigned)(st.st_mode & 07777));

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *full = g_build_filename (dir, names->pdata[i], NULL);

      g_assert_cmpint (g_lstat (full, &st), ==, 0);
      if (S_ISREG (st.st_mode))
        {
          g_autoptr(GBytes) bytes = lin_vault_test_read (full);
          g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

          g_string_append_printf (out, "%s file %04o %s\n", (char *)names->pdata[i],
                                  (unsigned)(st.st_mode & 07777), sum);
        }
      else
        {
          g_string_append_printf (out, "%s %s %04o\n", (char *)names->pdata[i],
                                  S_ISDIR (st.st_mode) ? "dir" : "other",
                                  (unsigned)(st.st_mode & 07777));
        }
    }

  return g_string_free (out, FALSE);
}

gsize
lin_vault_test_count (const guint8 *haystack,
                      gsize         haystack_len,
                      const guint8 *needle,
                      gsize         needle_len)
{
  gsize n = 0;
  const guint8 *p = haystack;
  const guint8 *end = haystack + haystack_len;

  g_assert_cmpuint (needle_len, >, 0);

  while ((gsize)(end - p) >= needle_len)
    {
      const guint8 *hit = memchr (p, needle[0], (end - p) - needle_len + 1);

      if (hit == NULL)
        break;
      if (memcmp (hit, needle, needle_len) == 0)
        n++;
      p = hit + 1;
    }

  return n;
}

/**
 * lin_vault_test_count_in_tree:
 * @dir: a folder
 * @needle: bytes to look for
 * @needle_len: their length
 * @where: (nullable): where to append the names of the files they are in
 *
 * Reads every byte of every regular file under @dir.
 *
 * Returns: how often @needle occurs
 */
gsize
lin_vault_test_count_in_tree (const char   *dir,
                              const guint8 *needle,
                              gsize         needle_len,
                              GString      *where)
{
  g_autoptr(GPtrArray) names = lin_vault_test_list_tree (dir);
  gsize total = 0;

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *full = g_build_filename (dir, names->pdata[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      GStatBuf st;
      gsize n;

      if (g_lstat (full, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      bytes = lin_vault_test_read (full);
      n = lin_vault_test_count (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                needle, needle_len);
      if (n > 0 && where != NULL)
        g_string_append_printf (where, "%s ", (char *)names->pdata[i]);
      total += n;
    }

  return total;
}

/**
 * lin_vault_test_create_profile:
 * @data_dir: the folder of profiles
 * @name: the profile's name
 *
 * Returns: (transfer full): a new profile's folder, with the floor KDF and
 *   %LIN_VAULT_TEST_PASSPHRASE
 */
char *
lin_vault_test_create_profile (const char *data_dir,
                               const char *name)
{
  g_autoptr(GError) error = NULL;
  LinKdfParams kdf;
  char *path;

  lin_kdf_params_floor (&kdf);
  path = lin_profile_create (data_dir, name, LIN_VAULT_TEST_PASSPHRASE, &kdf, &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);

  return path;
}

sqlite3 *
lin_vault_test_sqlite_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);

  return db;
}

gint64
lin_vault_test_sqlite_int (sqlite3    *db,
                           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

void
lin_vault_test_sqlite_exec (sqlite3    *db,
                            const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("SQL failed: %s: %s", sql, message);
}

/* sql selects one blob, with the record id as ?1 and the revision as ?2 */
GBytes *
lin_vault_test_sqlite_blob (sqlite3      *db,
                            const char   *sql,
                            const guint8 *id,
                            gint64        revision)
{
  sqlite3_stmt *stmt = NULL;
  GBytes *out;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, id, LIN_RECORD_ID_BYTES, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, revision);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  out = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);

  return out;
}

/* sql stores ?1 (the blob) where the record id is ?2 and the revision ?3 */
void
lin_vault_test_sqlite_set_blob (sqlite3      *db,
                                const char   *sql,
                                GBytes       *blob,
                                const guint8 *id,
                                gint64        revision)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, g_bytes_get_data (blob, NULL), (int)g_bytes_get_size (blob),
                     SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 2, id, LIN_RECORD_ID_BYTES, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, revision);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
}

/**
 * lin_vault_test_collection_key:
 * @vault: an unlocked vault
 * @db_path: its store.db
 * @epoch: which collection key
 *
 * Opens a collection key the way lin-store.c documents it (sealed under
 * sub-key 1 of the master key, "LCK1" and the epoch as associated data),
 * so that a test can open envelopes it took out of store.db itself.
 *
 * Returns: (transfer full): the key
 */
LinKey *
lin_vault_test_collection_key (LinVault   *vault,
                               const char *db_path,
                               guint32     epoch)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinKey) kwk = lin_vault_derive_key (vault, 1, &error);
  LinKey *key = lin_key_new_empty ();
  sqlite3 *db = lin_vault_test_sqlite_open (db_path);
  sqlite3_stmt *stmt = NULL;
  guint32 le = GUINT32_TO_LE (epoch);
  guint8 ad[8];
  int rc;

  g_assert_no_error (error);
  memcpy (ad, "LCK1", 4);
  memcpy (ad + 4, &le, 4);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT wrapped FROM collection_keys WHERE epoch = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, epoch);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_bytes (stmt, 0), ==, LIN_WRAPPED_KEY_BYTES);

  {
    const guint8 *wrapped = sqlite3_column_blob (stmt, 0);

    rc = crypto_aead_xchacha20poly1305_ietf_decrypt (lin_key_write (key), NULL, NULL,
                                                     wrapped + LIN_NONCE_BYTES,
                                                     LIN_KEY_BYTES + LIN_MAC_BYTES,
                                                     ad, sizeof ad, wrapped,
                                                     lin_key_read (kwk));
    lin_key_close (kwk);
    lin_key_close (key);
  }

  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  g_assert_cmpint (rc, ==, 0);

  return key;
}
