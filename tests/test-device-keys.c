/* test-device-keys.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A device's keys on real profiles: the same after a lock and an unlock
 * and a new passphrase, another profile's different; signatures that
 * verify, and not once a byte changes or with another key; a collection
 * key sealed to one device opens there only; safety numbers of 20 digits
 * that change with the organisation and with either public key.
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "lin-device-keys.h"
#include "lin-vault-test-utils.h"

static char *data_dir;

static LinVault *
unlock (const char *profile)
{
  g_autofree char *header = g_build_filename (profile, "vault.hdr", NULL);
  g_autoptr(GError) error = NULL;
  LinVault *vault = lin_vault_unlock (header, LIN_VAULT_TEST_PASSPHRASE, &error);

  g_assert_no_error (error);

  return vault;
}

static LinDeviceKeys *
derive (LinVault *vault)
{
  g_autoptr(GError) error = NULL;
  LinDeviceKeys *keys = lin_device_keys_derive (vault, &error);

  g_assert_no_error (error);
  g_assert_nonnull (keys);

  return keys;
}

static void
test_stable (void)
{
  g_autofree char *a = lin_vault_test_create_profile (data_dir, "A");
  g_autofree char *b = lin_vault_test_create_profile (data_dir, "B");
  g_autoptr(LinVault) vault = unlock (a);
  g_autoptr(LinVault) other = unlock (b);
  g_autoptr(LinDeviceKeys) first = derive (vault);
  g_autoptr(LinDeviceKeys) again = NULL;
  g_autoptr(LinDeviceKeys) theirs = derive (other);
  g_autoptr(GError) error = NULL;

  /* locked: none */
  lin_vault_lock (vault);
  g_assert_null (lin_device_keys_derive (vault, &error));
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  g_clear_object (&vault);

  vault = unlock (a);
  again = derive (vault);
  g_assert_cmpmem (lin_device_keys_get_sign_public (first), LIN_SIGN_PUBLIC_BYTES,
                   lin_device_keys_get_sign_public (again), LIN_SIGN_PUBLIC_BYTES);
  g_assert_cmpmem (lin_device_keys_get_box_public (first), LIN_BOX_PUBLIC_BYTES,
                   lin_device_keys_get_box_public (again), LIN_BOX_PUBLIC_BYTES);
  g_assert_true (memcmp (lin_device_keys_get_sign_public (first), lin_device_keys_get_sign_public (theirs),
                         LIN_SIGN_PUBLIC_BYTES) != 0);
  g_assert_true (memcmp (lin_device_keys_get_box_public (first), lin_device_keys_get_box_public (theirs),
                         LIN_BOX_PUBLIC_BYTES) != 0);
  /* a new passphrase wraps the same master key: the same device */
  {
    g_autoptr(LinDeviceKeys) renewed = NULL;
    LinKdfParams kdf;

    lin_kdf_params_floor (&kdf);
    g_assert_true (lin_vault_change_passphrase (vault, "a new passphrase, long enough", &kdf, &error));
    g_assert_no_error (error);
    renewed = derive (vault);
    g_assert_cmpmem (lin_device_keys_get_sign_public (first), LIN_SIGN_PUBLIC_BYTES,
                     lin_device_keys_get_sign_public (renewed), LIN_SIGN_PUBLIC_BYTES);
  }

  /* the two pairs of a device are not the same key */
  g_assert_true (memcmp (lin_device_keys_get_sign_public (first), lin_device_keys_get_box_public (first),
                         LIN_SIGN_PUBLIC_BYTES) != 0);
}

static void
test_signatures (void)
{
  g_autofree char *a = lin_vault_test_create_profile (data_dir, "Signer");
  g_autofree char *b = lin_vault_test_create_profile (data_dir, "Other");
  g_autoptr(LinVault) vault = unlock (a);
  g_autoptr(LinVault) other_vault = unlock (b);
  g_autoptr(LinDeviceKeys) keys = derive (vault);
  g_autoptr(LinDeviceKeys) other = derive (other_vault);
  g_autoptr(GBytes) message = g_bytes_new_static ("certificate: device 7, Romani line", 34);
  g_autoptr(GBytes) changed = g_bytes_new_static ("certificate: device 8, Romani line", 34);
  g_autoptr(GBytes) signature = lin_device_keys_sign (keys, message);
  g_autoptr(GBytes) short_signature = g_bytes_new_static ("short", 5);

  g_assert_cmpuint (g_bytes_get_size (signature), ==, LIN_SIGNATURE_BYTES);
  g_assert_true (lin_signature_verify (lin_device_keys_get_sign_public (keys), message, signature));
  g_assert_false (lin_signature_verify (lin_device_keys_get_sign_public (keys), changed, signature));
  g_assert_false (lin_signature_verify (lin_device_keys_get_sign_public (other), message, signature));
  g_assert_false (lin_signature_verify (lin_device_keys_get_sign_public (keys), message, short_signature));
  g_assert_false (lin_signature_verify (lin_device_keys_get_sign_public (keys), message, NULL));
}

static void
test_sealed_keys (void)
{
  g_autofree char *a = lin_vault_test_create_profile (data_dir, "Device");
  g_autofree char *b = lin_vault_test_create_profile (data_dir, "Stranger");
  g_autoptr(LinVault) vault = unlock (a);
  g_autoptr(LinVault) stranger_vault = unlock (b);
  g_autoptr(LinDeviceKeys) keys = derive (vault);
  g_autoptr(LinDeviceKeys) stranger = derive (stranger_vault);
  g_autoptr(LinKey) collection = lin_key_new_random ();
  g_autoptr(GBytes) sealed = lin_key_seal_to (collection, lin_device_keys_get_box_public (keys));
  g_autoptr(LinKey) opened = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) tampered = NULL;
  guint8 copy[LIN_SEALED_KEY_BYTES];

  g_assert_cmpuint (g_bytes_get_size (sealed), ==, LIN_SEALED_KEY_BYTES);
  opened = lin_device_keys_open_key (keys, sealed, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (lin_key_read (opened), LIN_KEY_BYTES, lin_key_read (collection), LIN_KEY_BYTES);
  lin_key_close (opened);
  lin_key_close (collection);

  g_assert_null (lin_device_keys_open_key (stranger, sealed, &error));
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_TAMPERED);
  g_clear_error (&error);

  memcpy (copy, g_bytes_get_data (sealed, NULL), sizeof copy);
  copy[40] ^= 1;
  tampered = g_bytes_new (copy, sizeof copy);
  g_assert_null (lin_device_keys_open_key (keys, tampered, &error));
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_TAMPERED);
}

static void
test_safety_number (void)
{
  guint8 sign[LIN_SIGN_PUBLIC_BYTES], box[LIN_BOX_PUBLIC_BYTES];
  g_autofree char *number = NULL;
  g_autofree char *same = NULL;
  g_autofree char *other_org = NULL;
  g_autofree char *other_sign = NULL;
  g_autofree char *other_box = NULL;
  g_autofree char *shifted = NULL;
  g_autofree char *unshifted = NULL;

  randombytes_buf (sign, sizeof sign);
  randombytes_buf (box, sizeof box);
  number = lin_safety_number ("org-1", sign, box);
  same = lin_safety_number ("org-1", sign, box);

  /* "dddd dddd dddd dddd dddd" */
  g_assert_cmpuint (strlen (number), ==, 24);
  for (guint i = 0; i < 24; i++)
    if (i % 5 == 4)
      g_assert_cmpint (number[i], ==, ' ');
    else
      g_assert_true (g_ascii_isdigit (number[i]));
  g_assert_cmpstr (number, ==, same);

  other_org = lin_safety_number ("org-2", sign, box);
  g_assert_cmpstr (number, !=, other_org);
  sign[0] ^= 1;
  other_sign = lin_safety_number ("org-1", sign, box);
  g_assert_cmpstr (number, !=, other_sign);
  sign[0] ^= 1;
  box[31] ^= 0x80;
  other_box = lin_safety_number ("org-1", sign, box);
  g_assert_cmpstr (number, !=, other_box);

  /* the id's length counts: no moving bytes between it and the keys */
  shifted = lin_safety_number ("org-1a", sign, box);
  unshifted = lin_safety_number ("org-1", sign, box);
  g_assert_cmpstr (shifted, !=, unshifted);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  lin_vault_test_init ();
  data_dir = lin_vault_test_make_tmp ("device-keys");

  g_test_add_func ("/device-keys/stable", test_stable);
  g_test_add_func ("/device-keys/signatures", test_signatures);
  g_test_add_func ("/device-keys/sealed-keys", test_sealed_keys);
  g_test_add_func ("/device-keys/safety-number", test_safety_number);

  ret = g_test_run ();
  lin_vault_test_rm_rf (data_dir);
  g_free (data_dir);

  return ret;
}
