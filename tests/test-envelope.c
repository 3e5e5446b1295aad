/* test-envelope.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Envelopes: round trips, the exact header layout, the committed
 * known-answer vectors in tests/fixtures, every single-bit change, and
 * random and truncated input.
 *
 * `test-envelope --generate-fixtures DIR` wrote the fixture files once;
 * they must never be regenerated to make a failing test pass: a failure
 * here means old profiles would no longer open.
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "lin-envelope.h"
#include "lin-vault-test-utils.h"

/* The known-answer vector: tests/fixtures/envelope-v1.bin */
#define FIXTURE_PLAINTEXT "Linija envelope vector 1: Ћирилица и latinica, 0123456789."
#define FIXTURE_RECORD_ID "000102030405060708090a0b0c0d0e0f"
#define FIXTURE_DEVICE_ID "f0e0d0c0b0a090807060504030201000"
#define FIXTURE_REVISION G_GUINT64_CONSTANT (0x0000000100000002)
#define FIXTURE_PARENT G_GUINT64_CONSTANT (0x0000000100000001)
#define FIXTURE_EPOCH 0x01020304
#define FIXTURE_HLC G_GUINT64_CONSTANT (0x0191a2b3c4d50007)

/* Bytes 0..67 of the fixture envelope: everything but the keys and nonces
 * is a pure function of the header, and must never change. */
static const char fixture_header_hex[] =
  "4c454e56" "01" "00" "0000"                       /* "LENV", version, flags, reserved */
  "000102030405060708090a0b0c0d0e0f"               /* record id */
  "0200000001000000"                               /* revision */
  "0100000001000000"                               /* parent revision */
  "04030201"                                       /* key epoch */
  "f0e0d0c0b0a090807060504030201000"               /* author device */
  "0700d5c4b3a29101";                              /* hybrid logical clock */

static void
hex_to_bin (const char *hex,
            guint8     *out,
            gsize       len)
{
  gsize bin_len = 0;

  g_assert_cmpint (sodium_hex2bin (out, len, hex, strlen (hex), NULL, &bin_len, NULL), ==, 0);
  g_assert_cmpuint (bin_len, ==, len);
}

static void
fixture_header (LinEnvelopeHeader *header,
                guint8             flags)
{
  memset (header, 0, sizeof *header);
  header->flags = flags;
  hex_to_bin (FIXTURE_RECORD_ID, header->record_id, LIN_RECORD_ID_BYTES);
  header->revision = FIXTURE_REVISION;
  header->parent_revision = FIXTURE_PARENT;
  header->key_epoch = FIXTURE_EPOCH;
  hex_to_bin (FIXTURE_DEVICE_ID, header->device_id, LIN_DEVICE_ID_BYTES);
  header->hlc = FIXTURE_HLC;
}

static void
random_header (LinEnvelopeHeader *header)
{
  memset (header, 0, sizeof *header);
  randombytes_buf (header->record_id, LIN_RECORD_ID_BYTES);
  header->revision = 1 + g_test_rand_int_range (0, 1000);
  header->parent_revision = header->revision - 1;
  header->key_epoch = 1 + g_test_rand_int_range (0, 5);
  randombytes_buf (header->device_id, LIN_DEVICE_ID_BYTES);
  header->hlc = ((guint64)g_get_real_time () / 1000) << 16;
}

static void
assert_same_header (const LinEnvelopeHeader *a,
                    const LinEnvelopeHeader *b)
{
  g_assert_cmpuint (a->flags, ==, b->flags);
  g_assert_cmpmem (a->record_id, LIN_RECORD_ID_BYTES, b->record_id, LIN_RECORD_ID_BYTES);
  g_assert_cmpuint (a->revision, ==, b->revision);
  g_assert_cmpuint (a->parent_revision, ==, b->parent_revision);
  g_assert_cmpuint (a->key_epoch, ==, b->key_epoch);
  g_assert_cmpmem (a->device_id, LIN_DEVICE_ID_BYTES, b->device_id, LIN_DEVICE_ID_BYTES);
  g_assert_cmpuint (a->hlc, ==, b->hlc);
}

static gsize
sealed_size (gsize payload_len)
{
  /* sodium_pad always adds at least one byte */
  return LIN_ENVELOPE_HEADER_BYTES +
         (payload_len / LIN_ENVELOPE_PAD_BLOCK + 1) * LIN_ENVELOPE_PAD_BLOCK +
         LIN_MAC_BYTES;
}

/* Fails the test unless opening @envelope fails with a GError of ours */
static int
assert_open_fails (GBytes       *envelope,
                   LinKey       *key,
                   const guint8 *expected_id,
                   guint64       expected_revision)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = NULL;
  LinEnvelopeHeader header;

  plain = lin_envelope_open (envelope, key, expected_id, expected_revision, &header, &error);
  g_assert_null (plain);
  g_assert_nonnull (error);
  g_assert_true (error->domain == LIN_VAULT_ERROR);
  g_assert_true (error->code == LIN_VAULT_ERROR_DAMAGED ||
                 error->code == LIN_VAULT_ERROR_UNSUPPORTED ||
                 error->code == LIN_VAULT_ERROR_TAMPERED);

  return error->code;
}

static void
test_roundtrip (void)
{
  static const gsize sizes[] = { 0, 1, 100, 255, 256, 257, 1024, 70000 };
  g_autoptr(LinKey) key = lin_key_new_random ();

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) envelope = NULL;
      g_autoptr(GBytes) plain = NULL;
      g_autofree guint8 *payload = g_malloc (MAX (sizes[i], 1));
      LinEnvelopeHeader header, peeked, opened;

      random_header (&header);
      randombytes_buf (payload, sizes[i]);

      envelope = lin_envelope_seal (&header, key, payload, sizes[i], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (envelope), ==, sealed_size (sizes[i]));

      g_assert_true (lin_envelope_peek (envelope, &peeked, &error));
      g_assert_no_error (error);
      assert_same_header (&header, &peeked);

      /* with and without the expectations */
      plain = lin_envelope_open (envelope, key, header.record_id, header.revision, &opened, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), payload, sizes[i]);
      assert_same_header (&header, &opened);
      g_clear_pointer (&plain, g_bytes_unref);

      plain = lin_envelope_open (envelope, key, NULL, 0, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), payload, sizes[i]);
    }
}

static void
test_tombstone (void)
{
  g_autoptr(LinKey) key = lin_key_new_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) envelope = NULL;
  g_autoptr(GBytes) plain = NULL;
  LinEnvelopeHeader header, peeked, opened;

  random_header (&header);
  header.flags = LIN_ENVELOPE_FLAG_TOMBSTONE;

  envelope = lin_envelope_seal (&header, key, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (((const guint8 *)g_bytes_get_data (envelope, NULL))[5], ==, 1);

  g_assert_true (lin_envelope_peek (envelope, &peeked, &error));
  g_assert_cmpuint (peeked.flags, ==, LIN_ENVELOPE_FLAG_TOMBSTONE);

  plain = lin_envelope_open (envelope, key, header.record_id, header.revision, &opened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (plain), ==, 0);
  g_assert_cmpuint (opened.flags, ==, LIN_ENVELOPE_FLAG_TOMBSTONE);
}

static void
test_misplaced (void)
{
  g_autoptr(LinKey) key = lin_key_new_random ();
  g_autoptr(LinKey) other_key = lin_key_new_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) envelope = NULL;
  g_autoptr(GBytes) plain = NULL;
  LinEnvelopeHeader header;
  guint8 other_id[LIN_RECORD_ID_BYTES];

  random_header (&header);
  envelope = lin_envelope_seal (&header, key, "x", 1, &error);
  g_assert_no_error (error);

  /* found under another record, or as another revision: refused */
  memcpy (other_id, header.record_id, sizeof other_id);
  other_id[15] ^= 1;
  plain = lin_envelope_open (envelope, key, other_id, header.revision, NULL, &error);
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_TAMPERED);
  g_assert_null (plain);
  g_clear_error (&error);

  plain = lin_envelope_open (envelope, key, header.record_id, header.revision + 1, NULL, &error);
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_TAMPERED);
  g_assert_null (plain);
  g_clear_error (&error);

  /* the wrong collection key */
  plain = lin_envelope_open (envelope, other_key, header.record_id, header.revision, NULL, &error);
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_TAMPERED);
  g_assert_null (plain);
  g_clear_error (&error);

  /* too large to seal */
  {
    g_autofree guint8 *big = g_malloc0 (LIN_ENVELOPE_MAX_PAYLOAD + 1);
    g_autoptr(GBytes) sealed = lin_envelope_seal (&header, key, big, LIN_ENVELOPE_MAX_PAYLOAD + 1, &error);

    g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_INVALID);
    g_assert_null (sealed);
  }
}

static void
test_layout (void)
{
  g_autoptr(LinKey) key = lin_key_new_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) fixture = NULL;
  g_autofree char *fixture_path = lin_vault_test_fixture ("envelope-v1.bin", NULL);
  guint8 expected[68];
  const guint8 *a, *b, *f;
  LinEnvelopeHeader header;

  hex_to_bin (fixture_header_hex, expected, sizeof expected);
  fixture_header (&header, 0);

  first = lin_envelope_seal (&header, key, FIXTURE_PLAINTEXT, strlen (FIXTURE_PLAINTEXT), &error);
  g_assert_no_error (error);
  second = lin_envelope_seal (&header, key, FIXTURE_PLAINTEXT, strlen (FIXTURE_PLAINTEXT), &error);
  g_assert_no_error (error);
  fixture = lin_vault_test_read (fixture_path);

  a = g_bytes_get_data (first, NULL);
  b = g_bytes_get_data (second, NULL);
  f = g_bytes_get_data (fixture, NULL);

  /* the same header encodes to the same 68 bytes, today and when the
   * fixture was made */
  g_assert_cmpmem (a, 68, expected, 68);
  g_assert_cmpmem (f, 68, expected, 68);
  g_assert_cmpuint (g_bytes_get_size (first), ==, g_bytes_get_size (fixture));
  g_assert_cmpuint (g_bytes_get_size (first), ==, sealed_size (strlen (FIXTURE_PLAINTEXT)));

  /* and nothing else repeats: a fresh data key and fresh nonces */
  g_assert_cmpmem (a, 68, b, 68);
  g_assert_true (memcmp (a + 68, b + 68, 24) != 0);              /* key nonce */
  g_assert_true (memcmp (a + 92, b + 92, 48) != 0);              /* sealed data key */
  g_assert_true (memcmp (a + 140, b + 140, 24) != 0);            /* payload nonce */
  g_assert_true (memcmp (a + 164, b + 164, 32) != 0);            /* ciphertext */

  /* the tombstone flag is byte 5 and nothing else */
  {
    g_autoptr(GBytes) tomb = NULL;
    LinEnvelopeHeader tomb_header;

    fixture_header (&tomb_header, LIN_ENVELOPE_FLAG_TOMBSTONE);
    tomb = lin_envelope_seal (&tomb_header, key, NULL, 0, &error);
    g_assert_no_error (error);
    expected[5] = 1;
    g_assert_cmpmem (g_bytes_get_data (tomb, NULL), 68, expected, 68);
  }
}

static LinKey *
fixture_key (void)
{
  g_autofree char *path = lin_vault_test_fixture ("envelope-v1.key", NULL);
  g_autoptr(GBytes) hex = lin_vault_test_read (path);
  g_autofree char *text = g_strstrip (g_strndup (g_bytes_get_data (hex, NULL), g_bytes_get_size (hex)));
  guint8 raw[LIN_KEY_BYTES];
  LinKey *key;

  hex_to_bin (text, raw, sizeof raw);
  key = lin_key_new_from (raw);
  sodium_memzero (raw, sizeof raw);

  return key;
}

static void
test_known_answer (void)
{
  g_autoptr(LinKey) key = fixture_key ();
  g_autofree char *path = lin_vault_test_fixture ("envelope-v1.bin", NULL);
  g_autofree char *tomb_path = lin_vault_test_fixture ("envelope-v1-tombstone.bin", NULL);
  g_autoptr(GBytes) envelope = lin_vault_test_read (path);
  g_autoptr(GBytes) tombstone = lin_vault_test_read (tomb_path);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GError) error = NULL;
  LinEnvelopeHeader expected, opened;

  fixture_header (&expected, 0);
  plain = lin_envelope_open (envelope, key, expected.record_id, FIXTURE_REVISION, &opened, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain),
                   FIXTURE_PLAINTEXT, strlen (FIXTURE_PLAINTEXT));
  assert_same_header (&expected, &opened);
  g_clear_pointer (&plain, g_bytes_unref);

  fixture_header (&expected, LIN_ENVELOPE_FLAG_TOMBSTONE);
  plain = lin_envelope_open (tombstone, key, expected.record_id, FIXTURE_REVISION, &opened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (plain), ==, 0);
  assert_same_header (&expected, &opened);

  /* the allocation-free path gives the same */
  {
    const guint8 *p = g_bytes_get_data (envelope, NULL);
    gsize len = g_bytes_get_size (envelope);
    g_autofree guint8 *buf = g_malloc (len);
    gsize plain_len = 0;

    g_assert_true (lin_envelope_open_raw (p, len, lin_key_read (key), expected.record_id,
                                          FIXTURE_REVISION, &opened, buf, &plain_len, &error));
    lin_key_close (key);
    g_assert_no_error (error);
    g_assert_cmpmem (buf, plain_len, FIXTURE_PLAINTEXT, strlen (FIXTURE_PLAINTEXT));
  }
}

static void
flip_every_bit (GBytes       *envelope,
                gsize         len,
                LinKey       *key,
                const guint8 *id,
                guint64       revision,
                guint        *by_code)
{
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (envelope, NULL), g_bytes_get_size (envelope));

  for (gsize bit = 0; bit < len * 8; bit++)
    {
      g_autoptr(GBytes) flipped = NULL;
      int code;

      copy[bit / 8] ^= 1u << (bit % 8);
      flipped = g_bytes_new (copy, g_bytes_get_size (envelope));

      /* as the store opens it (expecting its row), and as sync would
       * (expecting nothing) */
      code = assert_open_fails (flipped, key, id, revision);
      by_code[code]++;
      assert_open_fails (flipped, key, NULL, 0);

      copy[bit / 8] ^= 1u << (bit % 8);
    }
}

static void
test_tamper_every_bit (void)
{
  g_autoptr(LinKey) key = lin_key_new_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) envelope = NULL;
  g_autoptr(GBytes) tomb = NULL;
  g_autoptr(GBytes) plain = NULL;
  LinEnvelopeHeader header;
  guint by_code[LIN_VAULT_ERROR_WEAK_PASSPHRASE + 1] = { 0 };
  gsize bits;

  random_header (&header);
  envelope = lin_envelope_seal (&header, key, FIXTURE_PLAINTEXT, strlen (FIXTURE_PLAINTEXT), &error);
  g_assert_no_error (error);
  header.flags = LIN_ENVELOPE_FLAG_TOMBSTONE;
  header.revision++;
  tomb = lin_envelope_seal (&header, key, NULL, 0, &error);
  g_assert_no_error (error);

  /* header, wrapped data key, both nonces, ciphertext and tag: all; and
   * a tombstone's header and data key */
  flip_every_bit (envelope, g_bytes_get_size (envelope), key, header.record_id, header.revision - 1, by_code);
  flip_every_bit (tomb, LIN_ENVELOPE_HEADER_BYTES, key, header.record_id, header.revision, by_code);
  bits = (g_bytes_get_size (envelope) + LIN_ENVELOPE_HEADER_BYTES) * 8;

  g_assert_cmpuint (by_code[LIN_VAULT_ERROR_DAMAGED] + by_code[LIN_VAULT_ERROR_UNSUPPORTED] +
                    by_code[LIN_VAULT_ERROR_TAMPERED], ==, bits);
  g_test_message ("%" G_GSIZE_FORMAT " single-bit changes refused: %u damaged, %u unsupported, "
                  "%u tampered", bits, by_code[LIN_VAULT_ERROR_DAMAGED],
                  by_code[LIN_VAULT_ERROR_UNSUPPORTED], by_code[LIN_VAULT_ERROR_TAMPERED]);

  /* and the unchanged ones still open */
  plain = lin_envelope_open (envelope, key, header.record_id, header.revision - 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plain);
}

static void
test_fuzz (void)
{
  g_autoptr(LinKey) key = lin_key_new_random ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) valid = NULL;
  LinEnvelopeHeader header;
  guint8 *buf = g_malloc (4096);
  guint shaped = 0;
  gsize len;

  /* 10,000 random strings of 0..2000 bytes; half of them start like an
   * envelope (magic, version, flags) so that they get past the cheap
   * checks, and a third of those also have a plausible length */
  for (guint i = 0; i < 10000; i++)
    {
      g_autoptr(GBytes) bytes = NULL;

      len = g_test_rand_int_range (0, 2001);
      if (i % 2 == 1 && i % 3 == 0)
        {
          len = LIN_ENVELOPE_HEADER_BYTES + LIN_MAC_BYTES +
                LIN_ENVELOPE_PAD_BLOCK * g_test_rand_int_range (1, 8);
          shaped++;
        }
      randombytes_buf (buf, len);
      if (i % 2 == 1 && len >= 8)
        {
          memcpy (buf, "LENV", 4);
          buf[4] = 1;
          buf[5] = g_test_rand_int_range (0, 2);
          buf[6] = buf[7] = 0;
        }

      bytes = g_bytes_new (buf, len);
      assert_open_fails (bytes, key, NULL, 0);
      assert_open_fails (bytes, key, buf + 8, 1);
    }

  /* every truncation of a valid envelope, and some extensions */
  random_header (&header);
  valid = lin_envelope_seal (&header, key, FIXTURE_PLAINTEXT, strlen (FIXTURE_PLAINTEXT), &error);
  g_assert_no_error (error);
  len = g_bytes_get_size (valid);
  memcpy (buf, g_bytes_get_data (valid, NULL), len);
  randombytes_buf (buf + len, 4096 - len);

  for (gsize cut = 0; cut < len; cut++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (buf, cut);
      assert_open_fails (bytes, key, header.record_id, header.revision);
    }
  for (gsize more = 1; more <= 2 * LIN_ENVELOPE_PAD_BLOCK; more++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (buf, len + more);
      assert_open_fails (bytes, key, header.record_id, header.revision);
    }

  g_test_message ("10000 random strings (%u shaped like an envelope), %" G_GSIZE_FORMAT
                  " truncations and %d extensions refused", shaped, len, 2 * LIN_ENVELOPE_PAD_BLOCK);
  g_free (buf);
}

/* Writes the known-answer vector; run once, by hand, and commit */
static int
generate_fixtures (const char *dir)
{
  g_autoptr(LinKey) key = lin_key_new_random ();
  g_autoptr(GBytes) envelope = NULL;
  g_autoptr(GBytes) tombstone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "envelope-v1.bin", NULL);
  g_autofree char *tomb_path = g_build_filename (dir, "envelope-v1-tombstone.bin", NULL);
  g_autofree char *key_path = g_build_filename (dir, "envelope-v1.key", NULL);
  char hex[LIN_KEY_BYTES * 2 + 2];
  LinEnvelopeHeader header;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s exists: the vectors are made once and never again\n", path);
      return 1;
    }

  fixture_header (&header, 0);
  envelope = lin_envelope_seal (&header, key, FIXTURE_PLAINTEXT, strlen (FIXTURE_PLAINTEXT), &error);
  g_assert_no_error (error);
  fixture_header (&header, LIN_ENVELOPE_FLAG_TOMBSTONE);
  tombstone = lin_envelope_seal (&header, key, NULL, 0, &error);
  g_assert_no_error (error);

  sodium_bin2hex (hex, sizeof hex - 1, lin_key_read (key), LIN_KEY_BYTES);
  lin_key_close (key);
  strcat (hex, "\n");

  g_mkdir_with_parents (dir, 0755);
  g_file_set_contents (path, g_bytes_get_data (envelope, NULL), g_bytes_get_size (envelope), &error);
  g_assert_no_error (error);
  g_file_set_contents (tomb_path, g_bytes_get_data (tombstone, NULL), g_bytes_get_size (tombstone), &error);
  g_assert_no_error (error);
  g_file_set_contents (key_path, hex, -1, &error);
  g_assert_no_error (error);

  g_print ("wrote %s, %s and %s\n", path, tomb_path, key_path);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  lin_vault_test_init ();

  if (argc == 3 && g_str_equal (argv[1], "--generate-fixtures"))
    return generate_fixtures (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/envelope/roundtrip", test_roundtrip);
  g_test_add_func ("/envelope/tombstone", test_tombstone);
  g_test_add_func ("/envelope/misplaced", test_misplaced);
  g_test_add_func ("/envelope/layout", test_layout);
  g_test_add_func ("/envelope/known-answer", test_known_answer);
  g_test_add_func ("/envelope/tamper/every-bit", test_tamper_every_bit);
  g_test_add_func ("/envelope/fuzz", test_fuzz);

  return g_test_run ();
}
