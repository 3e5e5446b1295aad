/* lin-device-keys.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A device's own keys for the organisation (ARCHITECTURE.md, "The
 * organisation"): an Ed25519 key pair that signs what the device writes,
 * and an X25519 key pair that collection keys are sealed to. Neither is
 * stored: both are derived from the profile's master key
 * (crypto_kdf_derive_from_key, sub-keys 2 and 3), so they come back at
 * every unlock, change with nothing but the profile, and are never on disk.
 * The secret halves live in sodium_malloc() memory, locked away between
 * uses, and are wiped when freed.
 *
 * The safety number is what a coordinator and a new device compare by
 * phone or face to face before she approves it: 20 digits in five groups,
 * from a BLAKE2b hash of the organisation's id and the device's two public
 * keys. A server that swapped in its own keys would have to find keys
 * whose number matches, some 2^66 tries.
 */

#define G_LOG_DOMAIN "lin-device-keys"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "lin-device-keys.h"

#define SUBKEY_DEVICE_SIGN 2
#define SUBKEY_DEVICE_BOX  3

struct _LinDeviceKeys
{
  guint8 *secret;   /* sodium_malloc: the signing secret key, then the box secret key */
  guint   n_open;   /* lin_device_keys_open() without its close */
  guint8  sign_public[crypto_sign_PUBLICKEYBYTES];
  guint8  box_public[crypto_box_PUBLICKEYBYTES];
};

G_STATIC_ASSERT (crypto_sign_PUBLICKEYBYTES == LIN_SIGN_PUBLIC_BYTES);
G_STATIC_ASSERT (crypto_sign_BYTES == LIN_SIGNATURE_BYTES);
G_STATIC_ASSERT (crypto_box_PUBLICKEYBYTES == LIN_BOX_PUBLIC_BYTES);
G_STATIC_ASSERT (crypto_box_SEALBYTES + LIN_KEY_BYTES == LIN_SEALED_KEY_BYTES);
G_STATIC_ASSERT (crypto_sign_SEEDBYTES == LIN_KEY_BYTES);
G_STATIC_ASSERT (crypto_box_SEEDBYTES == LIN_KEY_BYTES);

#define SIGN_SECRET(self) ((self)->secret)
#define BOX_SECRET(self)  ((self)->secret + crypto_sign_SECRETKEYBYTES)

/**
 * lin_device_keys_derive:
 * @vault: an unlocked vault
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the device's keys, or %NULL when
 *   the vault is locked
 */
LinDeviceKeys *
lin_device_keys_derive (LinVault  *vault,
                        GError   **error)
{
  g_autoptr(LinKey) sign_seed = NULL;
  g_autoptr(LinKey) box_seed = NULL;
  LinDeviceKeys *self;

  g_return_val_if_fail (LIN_IS_VAULT (vault), NULL);

  sign_seed = lin_vault_derive_key (vault, SUBKEY_DEVICE_SIGN, error);
  if (sign_seed == NULL)
    return NULL;
  box_seed = lin_vault_derive_key (vault, SUBKEY_DEVICE_BOX, error);
  if (box_seed == NULL)
    return NULL;

  self = g_new0 (LinDeviceKeys, 1);
  self->secret = sodium_malloc (crypto_sign_SECRETKEYBYTES + crypto_box_SECRETKEYBYTES);
  if (self->secret == NULL)
    g_error ("Out of locked memory for a device's keys");

  crypto_sign_seed_keypair (self->sign_public, SIGN_SECRET (self), lin_key_read (sign_seed));
  lin_key_close (sign_seed);
  crypto_box_seed_keypair (self->box_public, BOX_SECRET (self), lin_key_read (box_seed));
  lin_key_close (box_seed);
  sodium_mprotect_noaccess (self->secret);

  return self;
}

void
lin_device_keys_free (LinDeviceKeys *self)
{
  if (self == NULL)
    return;

  sodium_free (self->secret);
  g_free (self);
}

/**
 * lin_device_keys_get_sign_public:
 * @self: the device's keys
 *
 * Returns: (array fixed-size=32): its Ed25519 public key
 */
const guint8 *
lin_device_keys_get_sign_public (LinDeviceKeys *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->sign_public;
}

/**
 * lin_device_keys_get_box_public:
 * @self: the device's keys
 *
 * Returns: (array fixed-size=32): its X25519 public key
 */
const guint8 *
lin_device_keys_get_box_public (LinDeviceKeys *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->box_public;
}

/**
 * lin_device_keys_open:
 * @self: the device's keys
 *
 * Keeps the secret keys readable until as many lin_device_keys_close():
 * a page of 200 signatures changes the memory's protection twice instead
 * of 400 times (each a system call that flushes the TLB; in a virtual
 * machine that was most of the time a push took).
 */
void
lin_device_keys_open (LinDeviceKeys *self)
{
  g_return_if_fail (self != NULL);

  if (self->n_open++ == 0)
    sodium_mprotect_readonly (self->secret);
}

void
lin_device_keys_close (LinDeviceKeys *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->n_open > 0);

  if (--self->n_open == 0)
    sodium_mprotect_noaccess (self->secret);
}

/**
 * lin_device_keys_sign:
 * @self: the device's keys
 * @message: what to sign
 *
 * Returns: (transfer full): the detached Ed25519 signature, 64 bytes
 */
GBytes *
lin_device_keys_sign (LinDeviceKeys *self,
                      GBytes        *message)
{
  guint8 signature[crypto_sign_BYTES];
  gsize length;
  const guint8 *data;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  data = g_bytes_get_data (message, &length);
  lin_device_keys_open (self);
  crypto_sign_detached (signature, NULL, data, length, SIGN_SECRET (self));
  lin_device_keys_close (self);

  return g_bytes_new (signature, sizeof signature);
}

/**
 * lin_signature_verify:
 * @sign_public: (array fixed-size=32): the signer's public key
 * @message: what was signed
 * @signature: the detached signature
 *
 * Returns: %TRUE when @signature is the owner of @sign_public's over
 *   @message
 */
gboolean
lin_signature_verify (const guint8 *sign_public,
                      GBytes       *message,
                      GBytes       *signature)
{
  gsize length, signature_length;
  const guint8 *data, *signature_data;

  g_return_val_if_fail (sign_public != NULL, FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  if (signature == NULL)
    return FALSE;
  data = g_bytes_get_data (message, &length);
  signature_data = g_bytes_get_data (signature, &signature_length);
  if (signature_length != crypto_sign_BYTES)
    return FALSE;

  return crypto_sign_verify_detached (signature_data, data, length, sign_public) == 0;
}

/**
 * lin_key_seal_to:
 * @key: a collection key
 * @box_public: (array fixed-size=32): the device's X25519 public key
 *
 * Returns: (transfer full): @key sealed (crypto_box_seal) so that the
 *   device alone opens it
 */
GBytes *
lin_key_seal_to (LinKey       *key,
                 const guint8 *box_public)
{
  guint8 sealed[LIN_SEALED_KEY_BYTES];

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (box_public != NULL, NULL);

  crypto_box_seal (sealed, lin_key_read (key), LIN_KEY_BYTES, box_public);
  lin_key_close (key);

  return g_bytes_new (sealed, sizeof sealed);
}

/**
 * lin_device_keys_open_key:
 * @self: the device's keys
 * @sealed: a key sealed to this device (lin_key_seal_to())
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the key, or %NULL when @sealed was
 *   not sealed to this device or was changed
 */
LinKey *
lin_device_keys_open_key (LinDeviceKeys  *self,
                          GBytes         *sealed,
                          GError        **error)
{
  g_autoptr(LinKey) key = NULL;
  const guint8 *data;
  gsize length;
  int opened;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (sealed != NULL, NULL);

  data = g_bytes_get_data (sealed, &length);
  if (length != LIN_SEALED_KEY_BYTES)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_TAMPERED, "A sealed key has the wrong length");
      return NULL;
    }

  key = lin_key_new_empty ();
  sodium_mprotect_readonly (self->secret);
  opened = crypto_box_seal_open (lin_key_write (key), data, length, self->box_public, BOX_SECRET (self));
  sodium_mprotect_noaccess (self->secret);
  lin_key_close (key);
  if (opened != 0)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_TAMPERED,
                           "A sealed key is not for this device, or was changed");
      return NULL;
    }

  return g_steal_pointer (&key);
}

/**
 * lin_safety_number:
 * @org_id: the organisation's id
 * @sign_public: (array fixed-size=32): the device's signing public key
 * @box_public: (array fixed-size=32): the device's box public key
 *
 * Returns: (transfer full): 20 digits in five groups of four,
 *   "4821 0937 1123 8845 0021"
 */
char *
lin_safety_number (const char   *org_id,
                   const guint8 *sign_public,
                   const guint8 *box_public)
{
  static const char label[] = "linija safety number v1";
  crypto_generichash_state state;
  guint8 hash[32];
  GString *number = g_string_new (NULL);

  g_return_val_if_fail (org_id != NULL, NULL);
  g_return_val_if_fail (sign_public != NULL && box_public != NULL, NULL);

  crypto_generichash_init (&state, NULL, 0, sizeof hash);
  crypto_generichash_update (&state, (const guint8 *)label, sizeof label);
  /* the id with its length in front: "ab"+"c…" never hashes as "a"+"bc…" */
  {
    guint32 length = GUINT32_TO_BE ((guint32)strlen (org_id));

    crypto_generichash_update (&state, (const guint8 *)&length, sizeof length);
  }
  crypto_generichash_update (&state, (const guint8 *)org_id, strlen (org_id));
  crypto_generichash_update (&state, sign_public, crypto_sign_PUBLICKEYBYTES);
  crypto_generichash_update (&state, box_public, crypto_box_PUBLICKEYBYTES);
  crypto_generichash_final (&state, hash, sizeof hash);

  for (guint i = 0; i < LIN_SAFETY_NUMBER_GROUPS; i++)
    {
      guint32 chunk = (guint32)hash[4 * i] << 24 | (guint32)hash[4 * i + 1] << 16 |
                      (guint32)hash[4 * i + 2] << 8 | hash[4 * i + 3];

      g_string_append_printf (number, i == 0 ? "%04u" : " %04u", chunk % 10000);
    }
  sodium_memzero (hash, sizeof hash);

  return g_string_free (number, FALSE);
}
