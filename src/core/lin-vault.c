/* lin-vault.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The vault header (vault.hdr) and the master key.
 *
 * A passphrase goes through Argon2id (crypto_pwhash) with the header's
 * parameters and salt into a key-encryption key, which opens the master
 * key sealed in the header with XChaCha20-Poly1305; every header byte in
 * front of the sealed key is its associated data, so no field can be
 * changed without the unlock failing. Parameters below a fixed floor are
 * refused before any work is done: that is the downgrade guard.
 *
 * Header, format 1 (integers little-endian):
 *
 *   0   8  magic "LINVAULT"
 *   8   2  format version (1)
 *   10  2  KDF algorithm (2: Argon2id v1.3)
 *   12  4  opslimit
 *   16  8  memlimit, bytes (a multiple of 1 KiB)
 *   24  16 salt
 *   40  16 device id
 *   56  2  length n of the profile's name
 *   58  n  the name, UTF-8
 *   58+n   24 nonce, then 48 bytes: the sealed master key
 *
 * The master key and all keys derived from it live in LinKey memory only.
 */

#define G_LOG_DOMAIN "lin-vault"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "lin-bytes.h"
#include "lin-vault.h"

#define MAGIC "LINVAULT"
#define MAGIC_LEN 8
#define FORMAT_VERSION 1
#define KDF_ARGON2ID13 2
#define FIXED_LEN 58
#define KDF_CONTEXT "LinijaV1"

struct _LinVault
{
  GObject       parent_instance;

  char         *header_path;
  char         *name;
  LinKdfParams  kdf;
  guint8        device_id[LIN_DEVICE_ID_BYTES];

  /* Owned; NULL once locked */
  LinKey       *master;
};

G_DEFINE_FINAL_TYPE (LinVault, lin_vault, G_TYPE_OBJECT)

G_DEFINE_QUARK (lin-vault-error-quark, lin_vault_error)

/**
 * lin_kdf_params_floor:
 * @params: (out): the parameters
 *
 * The least a header may ask for: opslimit 3, 64 MiB. Tests and scripts
 * that create many profiles use it; Linija calibrates above it.
 */
void
lin_kdf_params_floor (LinKdfParams *params)
{
  params->opslimit = LIN_KDF_FLOOR_OPSLIMIT;
  params->memlimit = LIN_KDF_FLOOR_MEMLIMIT;
}

/**
 * lin_kdf_params_calibrate:
 * @params: (out): the parameters
 * @target_seconds: how long an unlock should take on this machine
 *
 * 256 MiB (more is not needed against today's attackers and a volunteer's
 * old laptop must cope), and as many passes as fit in @target_seconds, at
 * least the floor's.
 */
void
lin_kdf_params_calibrate (LinKdfParams *params,
                          double        target_seconds)
{
  static const char probe[] = "calibration";
  guint8 salt[LIN_SALT_BYTES] = { 0 };
  guint8 out[LIN_KEY_BYTES];
  gint64 start;
  double seconds;
  guint64 ops;

  params->memlimit = LIN_KDF_MIN_CALIBRATED_MEMLIMIT;
  params->opslimit = LIN_KDF_FLOOR_OPSLIMIT;

  start = g_get_monotonic_time ();
  if (crypto_pwhash (out, sizeof out, probe, strlen (probe), salt,
                     params->opslimit, params->memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    return;
  seconds = (g_get_monotonic_time () - start) / 1e6;
  sodium_memzero (out, sizeof out);

  ops = (guint64)(params->opslimit * target_seconds / MAX (seconds, 0.001));
  params->opslimit = CLAMP (ops, LIN_KDF_FLOOR_OPSLIMIT, LIN_KDF_MAX_OPSLIMIT);
}

/**
 * lin_kdf_params_default:
 * @params: (out): the parameters
 *
 * What a new profile gets: calibrated to about one second, or the floor
 * when `LINIJA_KDF=floor` is set (for tests that create many profiles).
 */
void
lin_kdf_params_default (LinKdfParams *params)
{
  if (g_strcmp0 (g_getenv ("LINIJA_KDF"), "floor") == 0)
    lin_kdf_params_floor (params);
  else
    lin_kdf_params_calibrate (params, 1.0);
}

static gboolean
check_kdf (guint16       alg,
           LinKdfParams *kdf,
           GError      **error)
{
  if (alg != KDF_ARGON2ID13)
    {
      g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_UNSUPPORTED,
                   "The profile uses an unknown key derivation (%u)", alg);
      return FALSE;
    }

  if (kdf->opslimit < LIN_KDF_FLOOR_OPSLIMIT || kdf->memlimit < LIN_KDF_FLOOR_MEMLIMIT)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_WEAK_KDF,
                           "The profile asks for a weaker key derivation than Linija allows; "
                           "it may have been tampered with");
      return FALSE;
    }

  if (kdf->opslimit > LIN_KDF_MAX_OPSLIMIT || kdf->memlimit > LIN_KDF_MAX_MEMLIMIT ||
      kdf->memlimit % 1024 != 0)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                           "The profile's key derivation settings are damaged");
      return FALSE;
    }

  return TRUE;
}

void
lin_vault_header_free (LinVaultHeader *header)
{
  if (header == NULL)
    return;

  g_free (header->name);
  g_clear_pointer (&header->ad, g_bytes_unref);
  g_free (header);
}

/**
 * lin_vault_header_decode:
 * @bytes: the contents of vault.hdr
 * @error: a location for a #GError
 *
 * Parses and checks a header without any key: magic, version, KDF floor
 * and ceiling, lengths. It never reads past @bytes, whatever they hold.
 *
 * Returns: (transfer full): the header, or %NULL with @error set
 */
LinVaultHeader *
lin_vault_header_decode (GBytes  *bytes,
                         GError **error)
{
  g_autoptr(LinVaultHeader) header = NULL;
  const guint8 *p;
  gsize len;
  guint16 name_len;
  guint16 alg;

  g_return_val_if_fail (bytes != NULL, NULL);

  p = g_bytes_get_data (bytes, &len);

  if (len < FIXED_LEN || memcmp (p, MAGIC, MAGIC_LEN) != 0)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                           "This is not a Linija profile header, or it is damaged");
      return NULL;
    }

  header = g_new0 (LinVaultHeader, 1);
  header->version = lin_get_u16 (p + 8);
  if (header->version != FORMAT_VERSION)
    {
      g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_UNSUPPORTED,
                   "The profile was made by a newer Linija (format %u)", header->version);
      return NULL;
    }

  alg = lin_get_u16 (p + 10);
  header->kdf.opslimit = lin_get_u32 (p + 12);
  header->kdf.memlimit = lin_get_u64 (p + 16);
  if (!check_kdf (alg, &header->kdf, error))
    return NULL;

  memcpy (header->salt, p + 24, LIN_SALT_BYTES);
  memcpy (header->device_id, p + 40, LIN_DEVICE_ID_BYTES);
  name_len = lin_get_u16 (p + 56);

  if (name_len > LIN_PROFILE_NAME_MAX || len != (gsize)FIXED_LEN + name_len + LIN_WRAPPED_KEY_BYTES)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                           "The profile header has the wrong length; it is damaged");
      return NULL;
    }

  if (!g_utf8_validate ((const char *)p + FIXED_LEN, name_len, NULL))
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                           "The profile's name is damaged");
      return NULL;
    }

  header->name = g_strndup ((const char *)p + FIXED_LEN, name_len);
  if (strlen (header->name) != name_len)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                           "The profile's name is damaged");
      return NULL;
    }

  /* everything before the sealed key, nonce included */
  header->ad = g_bytes_new_from_bytes (bytes, 0, FIXED_LEN + name_len + LIN_NONCE_BYTES);
  memcpy (header->wrapped, p + FIXED_LEN + name_len, LIN_WRAPPED_KEY_BYTES);

  return g_steal_pointer (&header);
}

/**
 * lin_vault_header_derive_kek:
 * @header: a decoded header
 * @passphrase: the passphrase
 * @error: a location for a #GError
 *
 * Runs Argon2id with the header's parameters: the deliberate second.
 *
 * Returns: (transfer full): the key-encryption key, or %NULL
 */
LinKey *
lin_vault_header_derive_kek (const LinVaultHeader *header,
                             const char           *passphrase,
                             GError              **error)
{
  g_autoptr(LinKey) kek = lin_key_new_empty ();
  guint8 *out = lin_key_write (kek);
  int rc;

  g_return_val_if_fail (header != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  rc = crypto_pwhash (out, LIN_KEY_BYTES, passphrase, strlen (passphrase), header->salt,
                      header->kdf.opslimit, (size_t)header->kdf.memlimit,
                      crypto_pwhash_ALG_ARGON2ID13);
  lin_key_close (kek);

  if (rc != 0)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_IO,
                           "Not enough memory to derive the key");
      return NULL;
    }

  return g_steal_pointer (&kek);
}

/**
 * lin_vault_header_unwrap:
 * @header: a decoded header
 * @kek: the key-encryption key from lin_vault_header_derive_kek()
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the master key, or %NULL with
 *   %LIN_VAULT_ERROR_WRONG_PASSPHRASE (a wrong passphrase and a changed
 *   header cannot be told apart)
 */
LinKey *
lin_vault_header_unwrap (const LinVaultHeader *header,
                         LinKey               *kek,
                         GError              **error)
{
  g_autoptr(LinKey) master = lin_key_new_empty ();
  const guint8 *ad;
  gsize ad_len;
  int rc;

  ad = g_bytes_get_data (header->ad, &ad_len);

  rc = crypto_aead_xchacha20poly1305_ietf_decrypt (lin_key_write (master), NULL, NULL,
                                                   header->wrapped + LIN_NONCE_BYTES,
                                                   LIN_KEY_BYTES + LIN_MAC_BYTES,
                                                   ad, ad_len,
                                                   ad + ad_len - LIN_NONCE_BYTES,
                                                   lin_key_read (kek));
  lin_key_close (kek);
  lin_key_close (master);

  if (rc != 0)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_WRONG_PASSPHRASE,
                           "The passphrase is wrong");
      return NULL;
    }

  return g_steal_pointer (&master);
}

/* Writes data to path so that the file is either the old or the new one,
 * on disk when this returns: temporary file, fsync, rename, fsync the
 * folder. */
gboolean
lin_write_file_atomic (const char  *path,
                       const void  *data,
                       gsize        len,
                       GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (!g_file_set_contents_full (path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;

  fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_IO,
                   "Could not write the folder to disk: %s", g_strerror (saved));
      return FALSE;
    }
  close (fd);

  return TRUE;
}

static GBytes *
encode_header (const char         *name,
               const LinKdfParams *kdf,
               const guint8       *salt,
               const guint8       *device_id,
               LinKey             *kek,
               LinKey             *master)
{
  gsize name_len = strlen (name);
  gsize len = FIXED_LEN + name_len + LIN_WRAPPED_KEY_BYTES;
  guint8 *p = g_malloc0 (len);
  guint8 *nonce = p + FIXED_LEN + name_len;

  memcpy (p, MAGIC, MAGIC_LEN);
  lin_put_u16 (p + 8, FORMAT_VERSION);
  lin_put_u16 (p + 10, KDF_ARGON2ID13);
  lin_put_u32 (p + 12, (guint32)kdf->opslimit);
  lin_put_u64 (p + 16, kdf->memlimit);
  memcpy (p + 24, salt, LIN_SALT_BYTES);
  memcpy (p + 40, device_id, LIN_DEVICE_ID_BYTES);
  lin_put_u16 (p + 56, (guint16)name_len);
  memcpy (p + FIXED_LEN, name, name_len);
  randombytes_buf (nonce, LIN_NONCE_BYTES);

  crypto_aead_xchacha20poly1305_ietf_encrypt (nonce + LIN_NONCE_BYTES, NULL,
                                              lin_key_read (master), LIN_KEY_BYTES,
                                              p, FIXED_LEN + name_len + LIN_NONCE_BYTES,
                                              NULL, nonce, lin_key_read (kek));
  lin_key_close (master);
  lin_key_close (kek);

  return g_bytes_new_take (p, len);
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  if (name == NULL || *name == '\0' || strlen (name) > LIN_PROFILE_NAME_MAX ||
      !g_utf8_validate (name, -1, NULL))
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_INVALID,
                           "A profile needs a name of 1 to 255 bytes");
      return FALSE;
    }

  return TRUE;
}

/* Seals master under passphrase with fresh salt into header_path */
static gboolean
write_header (const char         *header_path,
              const char         *name,
              const char         *passphrase,
              const LinKdfParams *kdf,
              const guint8       *device_id,
              LinKey             *master,
              GError            **error)
{
  g_autoptr(LinVaultHeader) probe = g_new0 (LinVaultHeader, 1);
  g_autoptr(LinKey) kek = NULL;
  g_autoptr(GBytes) bytes = NULL;
  LinKdfParams checked = *kdf;

  if (!check_kdf (KDF_ARGON2ID13, &checked, error))
    return FALSE;

  probe->kdf = *kdf;
  randombytes_buf (probe->salt, LIN_SALT_BYTES);
  kek = lin_vault_header_derive_kek (probe, passphrase, error);
  if (kek == NULL)
    return FALSE;

  bytes = encode_header (name, kdf, probe->salt, device_id, kek, master);

  return lin_write_file_atomic (header_path,
                                g_bytes_get_data (bytes, NULL),
                                g_bytes_get_size (bytes),
                                error);
}

static void
lin_vault_finalize (GObject *object)
{
  LinVault *self = (LinVault *)object;

  lin_vault_lock (self);
  g_free (self->header_path);
  g_free (self->name);

  G_OBJECT_CLASS (lin_vault_parent_class)->finalize (object);
}

static void
lin_vault_class_init (LinVaultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lin_vault_finalize;
}

static void
lin_vault_init (LinVault *self)
{
}

static GBytes *
read_file (const char  *path,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      int code = g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ? LIN_VAULT_ERROR_NOT_FOUND :
                 g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ? LIN_VAULT_ERROR_PERMISSIONS :
                 g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ISDIR) ? LIN_VAULT_ERROR_DAMAGED :
                 LIN_VAULT_ERROR_IO;

      g_set_error (error, LIN_VAULT_ERROR, code, "%s", local_error->message);
      return NULL;
    }

  return g_bytes_new_take (contents, len);
}

/**
 * lin_vault_create:
 * @header_path: where to write vault.hdr; it must not exist
 * @name: the profile's name
 * @passphrase: the passphrase
 * @kdf: (nullable): the KDF parameters; %NULL for lin_kdf_params_default()
 * @error: a location for a #GError
 *
 * Makes a new random master key and device id and seals them in a new
 * header.
 *
 * Returns: (transfer full): the unlocked vault, or %NULL
 */
LinVault *
lin_vault_create (const char          *header_path,
                  const char          *name,
                  const char          *passphrase,
                  const LinKdfParams  *kdf,
                  GError             **error)
{
  g_autoptr(LinVault) self = NULL;
  LinKdfParams params;

  g_return_val_if_fail (header_path != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!lin_secret_init (error) || !check_name (name, error))
    return NULL;

  if (g_file_test (header_path, G_FILE_TEST_EXISTS))
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_EXISTS,
                           "A profile already exists there");
      return NULL;
    }

  if (kdf != NULL)
    params = *kdf;
  else
    lin_kdf_params_default (&params);

  self = g_object_new (LIN_TYPE_VAULT, NULL);
  self->header_path = g_strdup (header_path);
  self->name = g_strdup (name);
  self->kdf = params;
  self->master = lin_key_new_random ();
  randombytes_buf (self->device_id, LIN_DEVICE_ID_BYTES);

  if (!write_header (header_path, name, passphrase, &params, self->device_id, self->master, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * lin_vault_unlock:
 * @header_path: the path of vault.hdr
 * @passphrase: the passphrase
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the unlocked vault, or %NULL with @error set;
 *   nothing on disk is changed either way
 */
LinVault *
lin_vault_unlock (const char  *header_path,
                  const char  *passphrase,
                  GError     **error)
{
  g_autoptr(LinVaultHeader) header = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LinKey) kek = NULL;
  LinVault *self;
  LinKey *master;

  g_return_val_if_fail (header_path != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!lin_secret_init (error))
    return NULL;

  bytes = read_file (header_path, error);
  if (bytes == NULL)
    return NULL;

  header = lin_vault_header_decode (bytes, error);
  if (header == NULL)
    return NULL;

  kek = lin_vault_header_derive_kek (header, passphrase, error);
  if (kek == NULL)
    return NULL;

  master = lin_vault_header_unwrap (header, kek, error);
  if (master == NULL)
    return NULL;

  self = g_object_new (LIN_TYPE_VAULT, NULL);
  self->header_path = g_strdup (header_path);
  self->name = g_strdup (header->name);
  self->kdf = header->kdf;
  self->master = master;
  memcpy (self->device_id, header->device_id, LIN_DEVICE_ID_BYTES);

  return self;
}

/**
 * lin_vault_read_name:
 * @header_path: the path of vault.hdr
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the profile's name, read without unlocking
 */
char *
lin_vault_read_name (const char  *header_path,
                     GError     **error)
{
  g_autoptr(LinVaultHeader) header = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = read_file (header_path, error);
  if (bytes == NULL)
    return NULL;

  header = lin_vault_header_decode (bytes, error);
  if (header == NULL)
    return NULL;

  return g_steal_pointer (&header->name);
}

static gboolean
check_unlocked (LinVault  *self,
                GError   **error)
{
  if (self->master == NULL)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_LOCKED,
                           "The profile is locked");
      return FALSE;
    }

  return TRUE;
}

/**
 * lin_vault_change_passphrase:
 * @self: an unlocked #LinVault
 * @passphrase: the new passphrase
 * @kdf: (nullable): new KDF parameters, %NULL to keep the current ones
 * @error: a location for a #GError
 *
 * Seals the same master key under a new passphrase and salt, replacing
 * vault.hdr atomically: after a crash it holds the old or the new header,
 * never a mix.
 *
 * Returns: %TRUE on success
 */
gboolean
lin_vault_change_passphrase (LinVault            *self,
                             const char          *passphrase,
                             const LinKdfParams  *kdf,
                             GError             **error)
{
  g_return_val_if_fail (LIN_IS_VAULT (self), FALSE);
  g_return_val_if_fail (passphrase != NULL, FALSE);

  if (!check_unlocked (self, error))
    return FALSE;

  /* the new parameters count only once they are on disk */
  if (!write_header (self->header_path, self->name, passphrase, kdf != NULL ? kdf : &self->kdf,
                     self->device_id, self->master, error))
    return FALSE;

  if (kdf != NULL)
    self->kdf = *kdf;

  return TRUE;
}

gboolean
lin_vault_is_locked (LinVault *self)
{
  g_return_val_if_fail (LIN_IS_VAULT (self), TRUE);

  return self->master == NULL;
}

/**
 * lin_vault_lock:
 * @self: a #LinVault
 *
 * Wipes the master key. The vault cannot be used again; unlock anew.
 */
void
lin_vault_lock (LinVault *self)
{
  g_return_if_fail (LIN_IS_VAULT (self));

  g_clear_pointer (&self->master, lin_key_free);
}

const char *
lin_vault_get_name (LinVault *self)
{
  g_return_val_if_fail (LIN_IS_VAULT (self), NULL);

  return self->name;
}

const guint8 *
lin_vault_get_device_id (LinVault *self)
{
  g_return_val_if_fail (LIN_IS_VAULT (self), NULL);

  return self->device_id;
}

void
lin_vault_get_kdf_params (LinVault     *self,
                          LinKdfParams *params)
{
  g_return_if_fail (LIN_IS_VAULT (self));

  *params = self->kdf;
}

/**
 * lin_vault_derive_key:
 * @self: an unlocked #LinVault
 * @subkey_id: which sub-key
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the sub-key (crypto_kdf_derive_from_key with
 *   the context "LinijaV1"), or %NULL when locked
 */
LinKey *
lin_vault_derive_key (LinVault  *self,
                      guint64    subkey_id,
                      GError   **error)
{
  LinKey *key;

  g_return_val_if_fail (LIN_IS_VAULT (self), NULL);

  if (!check_unlocked (self, error))
    return NULL;

  key = lin_key_new_empty ();
  crypto_kdf_derive_from_key (lin_key_write (key), LIN_KEY_BYTES, subkey_id, KDF_CONTEXT,
                              lin_key_read (self->master));
  lin_key_close (self->master);
  lin_key_close (key);

  return key;
}
