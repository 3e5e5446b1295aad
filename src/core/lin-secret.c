/* lin-secret.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys and process hygiene. A LinKey is 32 bytes in sodium_malloc() memory
 * (guard pages, locked, never swapped, zeroed when freed) that is
 * inaccessible (sodium_mprotect_noaccess) except between lin_key_read() or
 * lin_key_write() and lin_key_close(). A stray read of a closed key
 * crashes instead of leaking it.
 *
 * lin_secret_init() starts libsodium and gives SQLite an allocator that
 * zeroes every block it frees, so that nothing SQLite held lingers in freed
 * heap memory. (SQLite only ever sees ciphertext and opaque ids; the
 * zeroing is defence in depth.)
 */

#define G_LOG_DOMAIN "lin-secret"

#include "config.h"

#include <malloc.h>
#include <sodium.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "lin-secret.h"
#include "lin-vault.h"

struct _LinKey
{
  guint8 *bytes; /* sodium_malloc, LIN_KEY_BYTES */
};

/* SQLite allocator: the size in front of each block, the block zeroed on free */

static void *
zeroing_malloc (int n)
{
  sqlite3_int64 *p = malloc ((size_t)n + 8);

  if (p == NULL)
    return NULL;

  p[0] = n;
  return p + 1;
}

static void
zeroing_free (void *ptr)
{
  sqlite3_int64 *p;

  if (ptr == NULL)
    return;

  p = (sqlite3_int64 *)ptr - 1;
  sodium_memzero (p, (size_t)p[0] + 8);
  free (p);
}

static int
zeroing_size (void *ptr)
{
  return ptr != NULL ? (int)((sqlite3_int64 *)ptr)[-1] : 0;
}

static void *
zeroing_realloc (void *ptr,
                 int   n)
{
  void *fresh;
  int old;

  if (ptr == NULL)
    return zeroing_malloc (n);

  fresh = zeroing_malloc (n);
  if (fresh == NULL)
    return NULL;

  old = zeroing_size (ptr);
  memcpy (fresh, ptr, MIN (old, n));
  zeroing_free (ptr);

  return fresh;
}

static int
zeroing_roundup (int n)
{
  return (n + 7) & ~7;
}

static int
zeroing_init (void *data)
{
  return SQLITE_OK;
}

static void
zeroing_shutdown (void *data)
{
}

static const sqlite3_mem_methods zeroing_methods = {
  zeroing_malloc,
  zeroing_free,
  zeroing_realloc,
  zeroing_size,
  zeroing_roundup,
  zeroing_init,
  zeroing_shutdown,
  NULL,
};

/**
 * lin_secret_init:
 * @error: a location for a #GError
 *
 * Starts libsodium and SQLite with the zeroing allocator. Call it before
 * any other use of either; calling it again does nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
lin_secret_init (GError **error)
{
  static gsize done = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&done))
    {
      ok = sodium_init () >= 0;

      /* Fails with SQLITE_MISUSE if SQLite was already initialised by
       * someone else: then it keeps its own allocator. */
      if (ok && sqlite3_config (SQLITE_CONFIG_MALLOC, &zeroing_methods) != SQLITE_OK)
        g_debug ("SQLite was initialised before Linija; its allocator does not zero freed memory");
      if (ok)
        ok = sqlite3_initialize () == SQLITE_OK;

      g_once_init_leave (&done, 1);
    }

  if (!ok)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_IO,
                           "The cryptography library could not start");
      return FALSE;
    }

  return TRUE;
}

/**
 * lin_process_harden:
 *
 * No core dumps, and no attaching by other processes of the same user: a
 * crash must not write decrypted records to disk, and a process of the
 * same user must not read them out of memory.
 */
void
lin_process_harden (void)
{
  struct rlimit none = { 0, 0 };

  if (setrlimit (RLIMIT_CORE, &none) != 0)
    g_warning ("Could not turn off core dumps");
  if (prctl (PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
    g_warning ("Could not make the process undumpable");
}

static LinKey *
key_alloc (void)
{
  LinKey *key = g_new0 (LinKey, 1);

  key->bytes = sodium_malloc (LIN_KEY_BYTES);
  if (key->bytes == NULL)
    g_error ("Out of locked memory for keys");

  return key;
}

/**
 * lin_key_new_random:
 *
 * Returns: (transfer full): a new random key, closed
 */
LinKey *
lin_key_new_random (void)
{
  LinKey *key = key_alloc ();

  randombytes_buf (key->bytes, LIN_KEY_BYTES);
  sodium_mprotect_noaccess (key->bytes);

  return key;
}

/**
 * lin_key_new_from:
 * @bytes: LIN_KEY_BYTES bytes; the caller wipes her copy
 *
 * Returns: (transfer full): a new key holding @bytes, closed
 */
LinKey *
lin_key_new_from (const guint8 *bytes)
{
  LinKey *key = key_alloc ();

  memcpy (key->bytes, bytes, LIN_KEY_BYTES);
  sodium_mprotect_noaccess (key->bytes);

  return key;
}

/**
 * lin_key_new_empty:
 *
 * Returns: (transfer full): a zeroed key, open for writing (fill it with
 *   lin_key_write() and close it)
 */
LinKey *
lin_key_new_empty (void)
{
  LinKey *key = key_alloc ();

  sodium_memzero (key->bytes, LIN_KEY_BYTES);
  return key;
}

/**
 * lin_key_read:
 * @key: a #LinKey
 *
 * Opens @key for reading until lin_key_close().
 *
 * Returns: (transfer none): the key's bytes
 */
const guint8 *
lin_key_read (LinKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  sodium_mprotect_readonly (key->bytes);
  return key->bytes;
}

/**
 * lin_key_write:
 * @key: a #LinKey
 *
 * Opens @key for writing until lin_key_close().
 *
 * Returns: (transfer none): the key's bytes
 */
guint8 *
lin_key_write (LinKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  sodium_mprotect_readwrite (key->bytes);
  return key->bytes;
}

void
lin_key_close (LinKey *key)
{
  g_return_if_fail (key != NULL);

  sodium_mprotect_noaccess (key->bytes);
}

/**
 * lin_key_free:
 * @key: (nullable): a #LinKey
 *
 * Wipes and frees @key.
 */
void
lin_key_free (LinKey *key)
{
  if (key == NULL)
    return;

  sodium_free (key->bytes); /* zeroes it */
  g_free (key);
}
