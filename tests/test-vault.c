/* test-vault.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * vault.hdr: round trips, passphrase changes, the byte layout (checked
 * against an encoder written here from the format's description, and
 * against the committed tests/fixtures/profile-v1/vault.hdr), the KDF
 * downgrade guard, every single-bit change, and random input.
 *
 * The single-bit test tries every changed header with the right
 * key-encryption key (it must fail: every byte is authenticated), and for a
 * random sample of the changed salt and KDF bytes also with the key
 * Argon2id derives from the changed header, as an unlock would. `-m slow`
 * (or LINIJA_TEST_THOROUGH=1) derives it for every one of them: about 150
 * runs of Argon2id, up to 2 GiB, some 30 s; more than meson's default
 * timeout allows a core test.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "lin-vault-test-utils.h"

/* tests/fixtures/profile-v1/vault.hdr, made by test-store --generate-fixtures */
#define FIXTURE_NAME "Фикстура — Линија 1"
#define FIXTURE_PASSPHRASE "fixture passphrase, not a secret"
#define FIXTURE_DEVICE_ID "aa7e3a31b96b7bbe831a49cf3698ccec"
#define FIXTURE_SALT "d47968ec1c2fb4a8fddb76132feef421"
#define FIXTURE_SUBKEY_42 "4f46b0181e28284c8370444bb89c91c71beca4c2fdde91e718c0376fb8603b4a"
#define FIXTURE_LENGTH 165

/* Bytes 0..23 of a header with the floor KDF: magic, format 1,
 * Argon2id v1.3, opslimit 3, memlimit 64 MiB */
#define FLOOR_PREFIX_HEX "4c494e5641554c54" "0100" "0200" "03000000" "0000000400000000"

#define FIXED_LEN 58

static void
hex_to_bin (const char *hex,
            guint8     *out,
            gsize       len)
{
  gsize bin_len = 0;

  g_assert_cmpint (sodium_hex2bin (out, len, hex, strlen (hex), NULL, &bin_len, NULL), ==, 0);
  g_assert_cmpuint (bin_len, ==, len);
}

static char *
key_hex (LinKey *key)
{
  char *hex = g_malloc (LIN_KEY_BYTES * 2 + 1);

  sodium_bin2hex (hex, LIN_KEY_BYTES * 2 + 1, lin_key_read (key), LIN_KEY_BYTES);
  lin_key_close (key);

  return hex;
}

static char *
subkey_hex (LinVault *vault,
            guint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinKey) key = lin_vault_derive_key (vault, id, &error);

  g_assert_no_error (error);
  return key_hex (key);
}

static gboolean
thorough (void)
{
  return g_test_slow () || g_test_thorough () || g_getenv ("LINIJA_TEST_THOROUGH") != NULL;
}

/* An encoder of the header written from lin-vault.c's description of
 * format 1, independent of its code */

typedef struct
{
  guint16     version;
  guint16     alg;
  guint32     opslimit;
  guint64     memlimit;
  guint8      salt[LIN_SALT_BYTES];
  guint8      device_id[LIN_DEVICE_ID_BYTES];
  guint8      nonce[LIN_NONCE_BYTES];
  const char *name;
} Inputs;

static void
put_le (guint8  *p,
        guint64  v,
        guint    n)
{
  for (guint i = 0; i < n; i++)
    p[i] = (v >> (8 * i)) & 0xff;
}

static void
random_inputs (Inputs     *in,
               const char *name)
{
  memset (in, 0, sizeof *in);
  in->version = 1;
  in->alg = 2;
  in->opslimit = LIN_KDF_FLOOR_OPSLIMIT;
  in->memlimit = LIN_KDF_FLOOR_MEMLIMIT;
  randombytes_buf (in->salt, sizeof in->salt);
  randombytes_buf (in->device_id, sizeof in->device_id);
  randombytes_buf (in->nonce, sizeof in->nonce);
  in->name = name;
}

static GBytes *
encode (const Inputs *in,
        const guint8 *master,
        const guint8 *kek)
{
  gsize n = strlen (in->name);
  gsize len = FIXED_LEN + n + LIN_WRAPPED_KEY_BYTES;
  guint8 *p = g_malloc0 (len);

  memcpy (p, "LINVAULT", 8);
  put_le (p + 8, in->version, 2);
  put_le (p + 10, in->alg, 2);
  put_le (p + 12, in->opslimit, 4);
  put_le (p + 16, in->memlimit, 8);
  memcpy (p + 24, in->salt, LIN_SALT_BYTES);
  memcpy (p + 40, in->device_id, LIN_DEVICE_ID_BYTES);
  put_le (p + 56, n, 2);
  memcpy (p + FIXED_LEN, in->name, n);
  memcpy (p + FIXED_LEN + n, in->nonce, LIN_NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (p + FIXED_LEN + n + LIN_NONCE_BYTES, NULL,
                                              master, LIN_KEY_BYTES,
                                              p, FIXED_LEN + n + LIN_NONCE_BYTES,
                                              NULL, in->nonce, kek);

  return g_bytes_new_take (p, len);
}

static void
derive (const Inputs *in,
        const char   *passphrase,
        guint8       *kek)
{
  g_assert_cmpint (crypto_pwhash (kek, LIN_KEY_BYTES, passphrase, strlen (passphrase), in->salt,
                                  in->opslimit, in->memlimit, crypto_pwhash_ALG_ARGON2ID13), ==, 0);
}

static char *
write_header (const char *dir,
              GBytes     *bytes)
{
  char *path = g_build_filename (dir, LIN_HEADER_FILE, NULL);

  lin_vault_test_write (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return path;
}

/* Tests */

static void
test_roundtrip (void)
{
  g_autofree char *dir = lin_vault_test_make_tmp ("vault");
  g_autofree char *path = g_build_filename (dir, LIN_HEADER_FILE, NULL);
  g_autofree char *name = NULL;
  g_autofree char *sub_a = NULL;
  g_autofree char *sub_b = NULL;
  g_autoptr(LinVault) created = NULL;
  g_autoptr(LinVault) unlocked = NULL;
  g_autoptr(GError) error = NULL;
  LinKdfParams floor, params;
  GStatBuf st;

  lin_kdf_params_floor (&floor);
  created = lin_vault_create (path, "Линија — Београд", LIN_VAULT_TEST_PASSPHRASE, &floor, &error);
  g_assert_no_error (error);
  g_assert_false (lin_vault_is_locked (created));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  name = lin_vault_read_name (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Линија — Београд");

  unlocked = lin_vault_unlock (path, LIN_VAULT_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lin_vault_get_name (unlocked), ==, "Линија — Београд");
  g_assert_cmpmem (lin_vault_get_device_id (unlocked), LIN_DEVICE_ID_BYTES,
                   lin_vault_get_device_id (created), LIN_DEVICE_ID_BYTES);
  lin_vault_get_kdf_params (unlocked, &params);
  g_assert_cmpuint (params.opslimit, ==, floor.opslimit);
  g_assert_cmpuint (params.memlimit, ==, floor.memlimit);

  /* the same master key: the same sub-keys, and different ones per id */
  sub_a = subkey_hex (created, 1);
  sub_b = subkey_hex (unlocked, 1);
  g_assert_cmpstr (sub_a, ==, sub_b);
  g_clear_pointer (&sub_b, g_free);
  sub_b = subkey_hex (unlocked, 2);
  g_assert_cmpstr (sub_a, !=, sub_b);

  /* locked: no more keys */
  lin_vault_lock (unlocked);
  g_assert_true (lin_vault_is_locked (unlocked));
  {
    g_autoptr(LinKey) key = lin_vault_derive_key (unlocked, 1, &error);
    g_assert_null (key);
    g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_LOCKED);
  }

  lin_vault_test_rm_rf (dir);
}

static void
test_create_errors (void)
{
  g_autofree char *dir = lin_vault_test_make_tmp ("vault");
  g_autofree char *path = g_build_filename (dir, LIN_HEADER_FILE, NULL);
  g_autofree char *long_name = g_strnfill (LIN_PROFILE_NAME_MAX + 1, 'n');
  g_autofree char *longest = g_strnfill (LIN_PROFILE_NAME_MAX, 'n');
  static const char bad_utf8[] = "Lin\xc3\x28ija";
  g_autoptr(GError) error = NULL;
  LinKdfParams floor, weak;
  const char *bad_names[] = { "", long_name, bad_utf8 };

  lin_kdf_params_floor (&floor);

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_autoptr(LinVault) vault = lin_vault_create (path, bad_names[i], LIN_VAULT_TEST_PASSPHRASE, &floor, &error);

      g_assert_null (vault);
      g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  /* below the floor: refused, nothing written */
  weak = floor;
  weak.opslimit = 2;
  {
    g_autoptr(LinVault) vault = lin_vault_create (path, "Test", LIN_VAULT_TEST_PASSPHRASE, &weak, &error);

    g_assert_null (vault);
    g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_WEAK_KDF);
    g_clear_error (&error);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  /* 255 bytes is the longest name */
  {
    g_autoptr(LinVault) vault = lin_vault_create (path, longest, LIN_VAULT_TEST_PASSPHRASE, &floor, &error);
    g_autofree char *name = NULL;

    g_assert_no_error (error);
    name = lin_vault_read_name (path, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (name, ==, longest);
  }

  /* never over an existing header */
  {
    g_autoptr(GBytes) before = lin_vault_test_read (path);
    g_autoptr(GBytes) after = NULL;
    g_autoptr(LinVault) vault = lin_vault_create (path, "Other", "another passphrase", &floor, &error);

    g_assert_null (vault);
    g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_EXISTS);
    after = lin_vault_test_read (path);
    g_assert_true (g_bytes_equal (before, after));
  }

  lin_vault_test_rm_rf (dir);
}

static void
assert_only_header (const char *dir)
{
  g_autoptr(GPtrArray) names = lin_vault_test_list_tree (dir);
  g_autofree char *path = g_build_filename (dir, LIN_HEADER_FILE, NULL);
  GStatBuf st;

  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (names->pdata[0], ==, LIN_HEADER_FILE);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_change_passphrase (void)
{
  g_autofree char *dir = lin_vault_test_make_tmp ("vault");
  g_autofree char *path = g_build_filename (dir, LIN_HEADER_FILE, NULL);
  g_autofree char *sub_before = NULL;
  g_autofree char *sub_after = NULL;
  g_autoptr(LinVault) vault = NULL;
  g_autoptr(LinVault) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) old_bytes = NULL;
  LinKdfParams floor, stronger, weak, params;

  lin_kdf_params_floor (&floor);
  stronger = floor;
  stronger.opslimit = 4;
  weak = floor;
  weak.memlimit = LIN_KDF_FLOOR_MEMLIMIT / 2;

  vault = lin_vault_create (path, "Промена", "the old passphrase", &floor, &error);
  g_assert_no_error (error);
  sub_before = subkey_hex (vault, 9);
  old_bytes = lin_vault_test_read (path);

  g_assert_true (lin_vault_change_passphrase (vault, "the new passphrase", &stronger, &error));
  g_assert_no_error (error);
  assert_only_header (dir);   /* the atomic rewrite left no temporary file */

  /* the old one fails, the new one works and opens the same master key */
  again = lin_vault_unlock (path, "the old passphrase", &error);
  g_assert_null (again);
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  again = lin_vault_unlock (path, "the new passphrase", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lin_vault_get_name (again), ==, "Промена");
  g_assert_cmpmem (lin_vault_get_device_id (again), LIN_DEVICE_ID_BYTES,
                   lin_vault_get_device_id (vault), LIN_DEVICE_ID_BYTES);
  lin_vault_get_kdf_params (again, &params);
  g_assert_cmpuint (params.opslimit, ==, 4);
  g_assert_cmpuint (params.memlimit, ==, floor.memlimit);
  sub_after = subkey_hex (again, 9);
  g_assert_cmpstr (sub_before, ==, sub_after);

  /* a fresh salt and nonce, the same name and device */
  {
    g_autoptr(GBytes) new_bytes = lin_vault_test_read (path);
    const guint8 *o = g_bytes_get_data (old_bytes, NULL);
    const guint8 *n = g_bytes_get_data (new_bytes, NULL);

    g_assert_cmpuint (g_bytes_get_size (old_bytes), ==, g_bytes_get_size (new_bytes));
    g_assert_true (memcmp (o + 24, n + 24, LIN_SALT_BYTES) != 0);
    g_assert_cmpmem (o + 40, g_bytes_get_size (old_bytes) - 40 - LIN_WRAPPED_KEY_BYTES,
                     n + 40, g_bytes_get_size (new_bytes) - 40 - LIN_WRAPPED_KEY_BYTES);
  }
  g_clear_object (&again);

  /* a weaker KDF is refused and changes nothing, in the file or the
   * object */
  {
    g_autoptr(GBytes) before = lin_vault_test_read (path);
    g_autoptr(GBytes) after = NULL;

    g_assert_false (lin_vault_change_passphrase (vault, "a third passphrase", &weak, &error));
    g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_WEAK_KDF);
    g_clear_error (&error);
    after = lin_vault_test_read (path);
    g_assert_true (g_bytes_equal (before, after));
    lin_vault_get_kdf_params (vault, &params);
    g_assert_cmpuint (params.opslimit, ==, 4);
    g_assert_cmpuint (params.memlimit, ==, floor.memlimit);
    assert_only_header (dir);
  }

  /* NULL keeps the parameters */
  g_assert_true (lin_vault_change_passphrase (vault, "a third passphrase", NULL, &error));
  g_assert_no_error (error);
  again = lin_vault_unlock (path, "a third passphrase", &error);
  g_assert_no_error (error);
  lin_vault_get_kdf_params (again, &params);
  g_assert_cmpuint (params.opslimit, ==, 4);
  assert_only_header (dir);

  /* not when locked */
  lin_vault_lock (vault);
  g_assert_false (lin_vault_change_passphrase (vault, "a fourth passphrase", NULL, &error));
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_LOCKED);

  lin_vault_test_rm_rf (dir);
}

static void
test_write_atomic (void)
{
  g_autofree char *dir = lin_vault_test_make_tmp ("vault");
  g_autofree char *path = g_build_filename (dir, LIN_HEADER_FILE, NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "file", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (lin_write_file_atomic (path, "first, and longer", 17, &error));
  g_assert_no_error (error);
  g_assert_true (lin_write_file_atomic (path, "second", 6, &error));
  g_assert_no_error (error);

  bytes = lin_vault_test_read (path);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "second", 6);
  assert_only_header (dir);

  g_assert_false (lin_write_file_atomic (nowhere, "x", 1, &error));
  g_assert_nonnull (error);
  assert_only_header (dir);

  lin_vault_test_rm_rf (dir);
}

static void
test_layout (void)
{
  g_autofree char *dir = lin_vault_test_make_tmp ("vault");
  g_autofree char *path = g_build_filename (dir, LIN_HEADER_FILE, NULL);
  g_autofree char *fixture_path = lin_vault_test_fixture ("profile-v1", LIN_HEADER_FILE, NULL);
  g_autoptr(GBytes) fixture = lin_vault_test_read (fixture_path);
  g_autoptr(GBytes) made = NULL;
  g_autoptr(GBytes) encoded = NULL;
  g_autoptr(LinVault) vault = NULL;
  g_autoptr(LinVaultHeader) header = NULL;
  g_autoptr(GError) error = NULL;
  const guint8 *m, *f;
  gsize n = strlen (FIXTURE_NAME);
  guint8 prefix[24];
  guint8 master[LIN_KEY_BYTES], kek[LIN_KEY_BYTES];
  LinKdfParams floor;
  Inputs in;

  hex_to_bin (FLOOR_PREFIX_HEX, prefix, sizeof prefix);
  lin_kdf_params_floor (&floor);

  vault = lin_vault_create (path, FIXTURE_NAME, "another passphrase", &floor, &error);
  g_assert_no_error (error);
  made = lin_vault_test_read (path);
  m = g_bytes_get_data (made, NULL);
  f = g_bytes_get_data (fixture, NULL);

  /* today's header and the committed one: the same size, the same fixed
   * fields at the same offsets, byte for byte */
  g_assert_cmpuint (g_bytes_get_size (made), ==, FIXTURE_LENGTH);
  g_assert_cmpuint (g_bytes_get_size (fixture), ==, FIXTURE_LENGTH);
  g_assert_cmpmem (m, 24, prefix, 24);
  g_assert_cmpmem (f, 24, prefix, 24);
  g_assert_cmpmem (m + 56, 2 + n, f + 56, 2 + n);               /* name length, name */
  g_assert_cmpuint (m[56] | (m[57] << 8), ==, n);
  g_assert_cmpmem (m + 40, LIN_DEVICE_ID_BYTES, lin_vault_get_device_id (vault), LIN_DEVICE_ID_BYTES);

  /* and the random fields are fresh */
  g_assert_true (memcmp (m + 24, f + 24, LIN_SALT_BYTES) != 0);
  g_assert_true (memcmp (m + 40, f + 40, LIN_DEVICE_ID_BYTES) != 0);
  g_assert_true (memcmp (m + FIXED_LEN + n, f + FIXED_LEN + n, LIN_NONCE_BYTES) != 0);

  /* the independent encoder, given the same salt, device id, name and
   * nonce, writes the same bytes up to the sealed key */
  header = lin_vault_header_decode (made, &error);
  g_assert_no_error (error);
  memset (&in, 0, sizeof in);
  in.version = 1;
  in.alg = 2;
  in.opslimit = floor.opslimit;
  in.memlimit = floor.memlimit;
  memcpy (in.salt, header->salt, LIN_SALT_BYTES);
  memcpy (in.device_id, header->device_id, LIN_DEVICE_ID_BYTES);
  memcpy (in.nonce, header->wrapped, LIN_NONCE_BYTES);
  in.name = FIXTURE_NAME;
  randombytes_buf (master, sizeof master);
  randombytes_buf (kek, sizeof kek);
  encoded = encode (&in, master, kek);
  g_assert_cmpuint (g_bytes_get_size (encoded), ==, FIXTURE_LENGTH);
  g_assert_cmpmem (g_bytes_get_data (encoded, NULL), FIXED_LEN + n + LIN_NONCE_BYTES,
                   m, FIXED_LEN + n + LIN_NONCE_BYTES);

  /* the decoder's view: the associated data is everything up to the
   * sealed key, nonce included */
  g_assert_cmpmem (g_bytes_get_data (header->ad, NULL), g_bytes_get_size (header->ad),
                   m, FIXED_LEN + n + LIN_NONCE_BYTES);
  g_assert_cmpmem (header->wrapped, LIN_WRAPPED_KEY_BYTES, m + FIXED_LEN + n, LIN_WRAPPED_KEY_BYTES);

  lin_vault_test_rm_rf (dir);
}

static void
test_known_answer (void)
{
  g_autofree char *path = lin_vault_test_fixture ("profile-v1", LIN_HEADER_FILE, NULL);
  g_autoptr(GBytes) bytes = lin_vault_test_read (path);
  g_autoptr(LinVaultHeader) header = NULL;
  g_autoptr(LinVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sub = NULL;
  guint8 device[LIN_DEVICE_ID_BYTES], salt[LIN_SALT_BYTES];
  LinKdfParams params;

  hex_to_bin (FIXTURE_DEVICE_ID, device, sizeof device);
  hex_to_bin (FIXTURE_SALT, salt, sizeof salt);

  header = lin_vault_header_decode (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (header->version, ==, 1);
  g_assert_cmpuint (header->kdf.opslimit, ==, LIN_KDF_FLOOR_OPSLIMIT);
  g_assert_cmpuint (header->kdf.memlimit, ==, LIN_KDF_FLOOR_MEMLIMIT);
  g_assert_cmpmem (header->salt, LIN_SALT_BYTES, salt, sizeof salt);
  g_assert_cmpmem (header->device_id, LIN_DEVICE_ID_BYTES, device, sizeof device);
  g_assert_cmpstr (header->name, ==, FIXTURE_NAME);

  name = lin_vault_read_name (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, FIXTURE_NAME);

  /* the fixture opens with today's code, to the same master key: the
   * sub-key pins Argon2id, the unwrap and the sub-key derivation */
  vault = lin_vault_unlock (path, FIXTURE_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lin_vault_get_name (vault), ==, FIXTURE_NAME);
  g_assert_cmpmem (lin_vault_get_device_id (vault), LIN_DEVICE_ID_BYTES, device, sizeof device);
  lin_vault_get_kdf_params (vault, &params);
  g_assert_cmpuint (params.opslimit, ==, LIN_KDF_FLOOR_OPSLIMIT);
  g_assert_cmpuint (params.memlimit, ==, LIN_KDF_FLOOR_MEMLIMIT);
  sub = subkey_hex (vault, 42);
  g_assert_cmpstr (sub, ==, FIXTURE_SUBKEY_42);
  g_clear_object (&vault);

  vault = lin_vault_unlock (path, "fixture passphrase, not a secreT", &error);
  g_assert_null (vault);
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_WRONG_PASSPHRASE);
}

static void
test_independent_encoder (void)
{
  g_autofree char *dir = lin_vault_test_make_tmp ("vault");
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(LinVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = NULL;
  guint8 master[LIN_KEY_BYTES], kek[LIN_KEY_BYTES], expected[LIN_KEY_BYTES];
  char expected_hex[LIN_KEY_BYTES * 2 + 1];
  Inputs in;

  random_inputs (&in, "Независни кодер");
  randombytes_buf (master, sizeof master);
  derive (&in, LIN_VAULT_TEST_PASSPHRASE, kek);

  /* deterministic: the same inputs, the same bytes */
  bytes = encode (&in, master, kek);
  again = encode (&in, master, kek);
  g_assert_true (g_bytes_equal (bytes, again));

  /* and Linija opens what it wrote */
  path = write_header (dir, bytes);
  vault = lin_vault_unlock (path, LIN_VAULT_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lin_vault_get_name (vault), ==, "Независни кодер");
  g_assert_cmpmem (lin_vault_get_device_id (vault), LIN_DEVICE_ID_BYTES, in.device_id, LIN_DEVICE_ID_BYTES);

  /* to this master key: sub-keys are crypto_kdf with the context "LinijaV1" */
  crypto_kdf_derive_from_key (expected, sizeof expected, 5, "LinijaV1", master);
  sodium_bin2hex (expected_hex, sizeof expected_hex, expected, sizeof expected);
  sub = subkey_hex (vault, 5);
  g_assert_cmpstr (sub, ==, expected_hex);

  lin_vault_test_rm_rf (dir);
}

static void
assert_refused_fast (const char *dir,
                     GBytes     *bytes,
                     int         code)
{
  g_autofree char *path = write_header (dir, bytes);
  g_autoptr(LinVaultHeader) header = NULL;
  g_autoptr(LinVault) vault = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double seconds;

  header = lin_vault_header_decode (bytes, &error);
  g_assert_null (header);
  g_assert_error (error, LIN_VAULT_ERROR, code);
  g_clear_error (&error);

  start = g_get_monotonic_time ();
  vault = lin_vault_unlock (path, LIN_VAULT_TEST_PASSPHRASE, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_null (vault);
  g_assert_error (error, LIN_VAULT_ERROR, code);
  g_test_message ("refused in %.4f s: %s", seconds, error->message);
}

static void
test_weak_kdf (void)
{
  g_autofree char *dir = lin_vault_test_make_tmp ("vault");
  guint8 master[LIN_KEY_BYTES], kek[LIN_KEY_BYTES];
  Inputs in;

  randombytes_buf (master, sizeof master);

  /* headers that are otherwise valid, sealed under the key their weak
   * parameters give: the only reason to refuse them is the floor */
  {
    static const struct { guint32 ops; guint64 mem; } weak[] = {
      { 2, LIN_KDF_FLOOR_MEMLIMIT },
      { 1, LIN_KDF_FLOOR_MEMLIMIT },
      { 3, LIN_KDF_FLOOR_MEMLIMIT / 2 },
      { 3, LIN_KDF_FLOOR_MEMLIMIT - 1024 },
      { 1, 8 * 1024 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (weak); i++)
      {
        g_autoptr(GBytes) bytes = NULL;

        random_inputs (&in, "Слаб");
        in.opslimit = weak[i].ops;
        in.memlimit = weak[i].mem;
        derive (&in, LIN_VAULT_TEST_PASSPHRASE, kek);
        bytes = encode (&in, master, kek);
        assert_refused_fast (dir, bytes, LIN_VAULT_ERROR_WEAK_KDF);
      }
  }

  /* refused before any work: a weak opslimit with the largest memlimit
   * would take many seconds and 4 GiB if Argon2id ran */
  {
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *path = NULL;
    g_autoptr(LinVault) vault = NULL;
    g_autoptr(GError) error = NULL;
    gint64 start;

    random_inputs (&in, "Слаб");
    in.opslimit = 2;
    in.memlimit = LIN_KDF_MAX_MEMLIMIT;
    randombytes_buf (kek, sizeof kek);
    bytes = encode (&in, master, kek);
    path = write_header (dir, bytes);

    start = g_get_monotonic_time ();
    vault = lin_vault_unlock (path, LIN_VAULT_TEST_PASSPHRASE, &error);
    g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_WEAK_KDF);
    g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);

    in.opslimit = 0;
    in.memlimit = 0;
    g_clear_pointer (&bytes, g_bytes_unref);
    bytes = encode (&in, master, kek);
    assert_refused_fast (dir, bytes, LIN_VAULT_ERROR_WEAK_KDF);
  }

  /* above the ceiling, or not whole KiB: damaged; unknown algorithm or
   * format: unsupported */
  {
    static const struct { guint16 version; guint16 alg; guint32 ops; guint64 mem; int code; } bad[] = {
      { 1, 2, LIN_KDF_MAX_OPSLIMIT + 1, LIN_KDF_FLOOR_MEMLIMIT, LIN_VAULT_ERROR_DAMAGED },
      { 1, 2, 3, LIN_KDF_MAX_MEMLIMIT + 1024, LIN_VAULT_ERROR_DAMAGED },
      { 1, 2, 3, LIN_KDF_FLOOR_MEMLIMIT + 1, LIN_VAULT_ERROR_DAMAGED },
      { 1, 2, G_MAXUINT32, G_MAXUINT64, LIN_VAULT_ERROR_DAMAGED },
      { 1, 1, 3, LIN_KDF_FLOOR_MEMLIMIT, LIN_VAULT_ERROR_UNSUPPORTED },
      { 1, 3, 3, LIN_KDF_FLOOR_MEMLIMIT, LIN_VAULT_ERROR_UNSUPPORTED },
      { 2, 2, 3, LIN_KDF_FLOOR_MEMLIMIT, LIN_VAULT_ERROR_UNSUPPORTED },
      { 0, 2, 3, LIN_KDF_FLOOR_MEMLIMIT, LIN_VAULT_ERROR_UNSUPPORTED },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GBytes) bytes = NULL;

        random_inputs (&in, "Лош");
        in.version = bad[i].version;
        in.alg = bad[i].alg;
        in.opslimit = bad[i].ops;
        in.memlimit = bad[i].mem;
        randombytes_buf (kek, sizeof kek);
        bytes = encode (&in, master, kek);
        assert_refused_fast (dir, bytes, bad[i].code);
      }
  }

  /* the control: the same encoder at the floor opens */
  {
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *path = NULL;
    g_autoptr(LinVault) vault = NULL;
    g_autoptr(GError) error = NULL;

    random_inputs (&in, "Под");
    derive (&in, LIN_VAULT_TEST_PASSPHRASE, kek);
    bytes = encode (&in, master, kek);
    path = write_header (dir, bytes);
    vault = lin_vault_unlock (path, LIN_VAULT_TEST_PASSPHRASE, &error);
    g_assert_no_error (error);
    g_assert_nonnull (vault);
  }

  lin_vault_test_rm_rf (dir);
}

/* Argon2id at the changed parameters costs at most four floor runs */
static gboolean
cheap_kdf (const LinKdfParams *kdf)
{
  return kdf->opslimit * kdf->memlimit <= 4 * LIN_KDF_FLOOR_OPSLIMIT * LIN_KDF_FLOOR_MEMLIMIT;
}

static void
test_tamper_every_bit (void)
{
  g_autofree char *dir = lin_vault_test_make_tmp ("vault");
  g_autofree char *path = g_build_filename (dir, LIN_HEADER_FILE, NULL);
  g_autoptr(LinVault) vault = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LinVaultHeader) header = NULL;
  g_autoptr(LinKey) kek = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *copy = NULL;
  gboolean sampled[LIN_SALT_BYTES * 8] = { FALSE };
  guint by_decode[LIN_VAULT_ERROR_WEAK_PASSPHRASE + 1] = { 0 };
  guint by_unwrap = 0, derived = 0, derive_failed = 0;
  gboolean all = thorough ();
  gint64 start = g_get_monotonic_time ();
  LinKdfParams floor;
  gsize len;

  lin_kdf_params_floor (&floor);
  vault = lin_vault_create (path, "Проба", LIN_VAULT_TEST_PASSPHRASE, &floor, &error);
  g_assert_no_error (error);
  bytes = lin_vault_test_read (path);
  len = g_bytes_get_size (bytes);
  copy = g_memdup2 (g_bytes_get_data (bytes, NULL), len);

  /* the unchanged header opens */
  header = lin_vault_header_decode (bytes, &error);
  g_assert_no_error (error);
  kek = lin_vault_header_derive_kek (header, LIN_VAULT_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(LinKey) master = lin_vault_header_unwrap (header, kek, &error);
    g_assert_no_error (error);
    g_assert_nonnull (master);
  }

  for (guint i = 0; i < 6; i++)
    sampled[g_test_rand_int_range (0, LIN_SALT_BYTES * 8)] = TRUE;

  for (gsize bit = 0; bit < len * 8; bit++)
    {
      g_autoptr(GBytes) flipped = NULL;
      g_autoptr(LinVaultHeader) decoded = NULL;
      g_autoptr(LinKey) master = NULL;
      gsize byte = bit / 8;

      copy[byte] ^= 1u << (bit % 8);
      flipped = g_bytes_new (copy, len);
      copy[byte] ^= 1u << (bit % 8);

      decoded = lin_vault_header_decode (flipped, &error);
      if (decoded == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == LIN_VAULT_ERROR);
          by_decode[error->code]++;
          g_clear_error (&error);
          continue;
        }

      /* every byte is authenticated: even the right key-encryption key
       * does not open a changed header */
      master = lin_vault_header_unwrap (decoded, kek, &error);
      g_assert_null (master);
      g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_WRONG_PASSPHRASE);
      g_clear_error (&error);
      by_unwrap++;

      /* and with the key an unlock would derive from the changed salt or
       * KDF parameters */
      if (byte >= 12 && byte < 40 &&
          (all ||
           (byte < 24 && cheap_kdf (&decoded->kdf) && g_test_rand_int_range (0, 3) == 0) ||
           (byte >= 24 && sampled[bit - 24 * 8])))
        {
          g_autoptr(LinKey) other = lin_vault_header_derive_kek (decoded, LIN_VAULT_TEST_PASSPHRASE, &error);

          if (other == NULL)
            {
              g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_IO);
              g_clear_error (&error);
              derive_failed++;
              continue;
            }

          master = lin_vault_header_unwrap (decoded, other, &error);
          g_assert_null (master);
          g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_WRONG_PASSPHRASE);
          g_clear_error (&error);
          derived++;
        }
    }

  g_assert_cmpuint (by_decode[LIN_VAULT_ERROR_DAMAGED] + by_decode[LIN_VAULT_ERROR_UNSUPPORTED] +
                    by_decode[LIN_VAULT_ERROR_WEAK_KDF] + by_unwrap, ==, len * 8);
  g_test_message ("%" G_GSIZE_FORMAT " single-bit changes of a %" G_GSIZE_FORMAT "-byte header, all refused: "
                  "%u by the decoder (%u damaged, %u unsupported, %u weak KDF), %u by the unwrap "
                  "(%u of them also with a key re-derived from the changed header%s, %u could not be "
                  "derived); %.1f s",
                  len * 8, len,
                  by_decode[LIN_VAULT_ERROR_DAMAGED] + by_decode[LIN_VAULT_ERROR_UNSUPPORTED] +
                  by_decode[LIN_VAULT_ERROR_WEAK_KDF],
                  by_decode[LIN_VAULT_ERROR_DAMAGED], by_decode[LIN_VAULT_ERROR_UNSUPPORTED],
                  by_decode[LIN_VAULT_ERROR_WEAK_KDF], by_unwrap, derived,
                  all ? ": all salt and KDF changes" : ": a third of the cheap KDF changes, 6 salt bits",
                  derive_failed, (g_get_monotonic_time () - start) / 1e6);

  lin_vault_test_rm_rf (dir);
}

static void
assert_decode_fails (const guint8 *data,
                     gsize         len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(LinVaultHeader) header = lin_vault_header_decode (bytes, &error);

  if (header != NULL)
    {
      /* shaped well enough to decode: then it must not open */
      g_autoptr(LinKey) kek = lin_key_new_random ();
      g_autoptr(LinKey) master = lin_vault_header_unwrap (header, kek, &error);

      g_assert_null (master);
    }

  g_assert_nonnull (error);
  g_assert_true (error->domain == LIN_VAULT_ERROR);
}

static void
test_fuzz (void)
{
  g_autofree char *dir = lin_vault_test_make_tmp ("vault");
  g_autofree char *path = g_build_filename (dir, LIN_HEADER_FILE, NULL);
  g_autoptr(LinVault) vault = NULL;
  g_autoptr(GBytes) valid = NULL;
  g_autoptr(GError) error = NULL;
  guint8 *buf = g_malloc (4096);
  const guint8 *v;
  guint shaped = 0;
  gsize len;
  LinKdfParams floor;

  lin_kdf_params_floor (&floor);
  vault = lin_vault_create (path, "Фазинг", LIN_VAULT_TEST_PASSPHRASE, &floor, &error);
  g_assert_no_error (error);
  valid = lin_vault_test_read (path);
  v = g_bytes_get_data (valid, NULL);

  /* 10,000 random strings of 0..2000 bytes: half pure noise, half with a
   * valid magic, version and KDF in front, and of those a third with a
   * name length that fits the string's length */
  for (guint i = 0; i < 10000; i++)
    {
      len = g_test_rand_int_range (0, 2001);
      randombytes_buf (buf, len);

      if (i % 2 == 1)
        {
          len = MAX (len, 24);
          memcpy (buf, v, 24);
          if (i % 3 == 0)
            {
              guint16 name_len = g_test_rand_int_range (0, LIN_PROFILE_NAME_MAX + 1);

              len = FIXED_LEN + name_len + LIN_WRAPPED_KEY_BYTES;
              put_le (buf + 56, name_len, 2);
              if (i % 12 == 3)
                memset (buf + FIXED_LEN, 'a', name_len);
              shaped++;
            }
        }

      assert_decode_fails (buf, len);
    }

  /* every truncation of a valid header, and extensions of it */
  len = g_bytes_get_size (valid);
  memcpy (buf, v, len);
  randombytes_buf (buf + len, 4096 - len);
  for (gsize cut = 0; cut < len; cut++)
    assert_decode_fails (buf, cut);
  for (gsize more = 1; more <= 256; more++)
    assert_decode_fails (buf, len + more);

  g_test_message ("10000 random strings (%u with a plausible name length), %" G_GSIZE_FORMAT
                  " truncations and 256 extensions refused", shaped, len);

  g_free (buf);
  lin_vault_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  lin_vault_test_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/vault/roundtrip", test_roundtrip);
  g_test_add_func ("/vault/create-errors", test_create_errors);
  g_test_add_func ("/vault/change-passphrase", test_change_passphrase);
  g_test_add_func ("/vault/write-atomic", test_write_atomic);
  g_test_add_func ("/vault/layout", test_layout);
  g_test_add_func ("/vault/known-answer", test_known_answer);
  g_test_add_func ("/vault/independent-encoder", test_independent_encoder);
  g_test_add_func ("/vault/weak-kdf", test_weak_kdf);
  g_test_add_func ("/vault/tamper/every-bit", test_tamper_every_bit);
  g_test_add_func ("/vault/fuzz", test_fuzz);

  return g_test_run ();
}
