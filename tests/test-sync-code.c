/* test-sync-code.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Enrolment codes as people type them (any case, dashes or spaces, i l o
 * for 1 1 0), refused when they hold anything else; the organisation pin
 * of a key, checked against a second, plain computation (GChecksum and
 * bit by bit base32); an invite whose pin is not the key's refused.
 */

#include "config.h"

#include <string.h>

#include "lin-sync-code.h"

/* The pin the slow way: SHA-256, then 5 bits at a time */
static char *
reference_pin (const guint8 *key,
               gsize         len)
{
  static const char digits[] = "0123456789abcdefghjkmnpqrstvwxyz";
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 hash[32];
  gsize hash_len = sizeof hash;
  GString *pin = g_string_new (NULL);

  g_checksum_update (checksum, key, len);
  g_checksum_get_digest (checksum, hash, &hash_len);
  for (guint bit = 0; bit < 80; bit += 5)
    {
      guint value = 0;

      for (guint b = bit; b < bit + 5; b++)
        value = value << 1 | ((hash[b / 8] >> (7 - b % 8)) & 1);
      g_string_append_c (pin, digits[value]);
    }

  return g_string_free (pin, FALSE);
}

static void
test_normalise (void)
{
  char digits[32];

  g_assert_cmpuint (lin_sync_code_normalise ("K7DQ-3MXA p9tr-wv2e", digits, sizeof digits), ==, 16);
  g_assert_cmpmem (digits, 16, "k7dq3mxap9trwv2e", 16);
  /* look-alikes read as the digits */
  g_assert_cmpuint (lin_sync_code_normalise ("iLoO", digits, sizeof digits), ==, 4);
  g_assert_cmpmem (digits, 4, "1100", 4);
  /* u is no digit; nor is anything else; too long for the room */
  g_assert_cmpuint (lin_sync_code_normalise ("k7du", digits, sizeof digits), ==, 0);
  g_assert_cmpuint (lin_sync_code_normalise ("k7d_", digits, sizeof digits), ==, 0);
  g_assert_cmpuint (lin_sync_code_normalise ("k7dq", digits, 3), ==, 0);
  g_assert_cmpuint (lin_sync_code_normalise ("", digits, sizeof digits), ==, 0);
}

static void
test_pin (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (80);

  for (guint round = 0; round < 200; round++)
    {
      guint8 key[32];
      g_autofree char *base64 = NULL;
      g_autofree char *pin = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *code = NULL;
      g_autofree char *wrong = NULL;

      for (guint i = 0; i < sizeof key; i++)
        key[i] = g_rand_int_range (rand, 0, 256);
      base64 = g_base64_encode (key, sizeof key);
      pin = lin_sync_pin_for_key (base64);
      expected = reference_pin (key, sizeof key);
      g_assert_cmpstr (pin, ==, expected);

      /* an invite: a secret, then the pin; typed loosely */
      code = g_strdup_printf ("k7dq-3mxa-p9tr-wv2e-%.4s-%.4s-%.4s-%.4s", pin, pin + 4, pin + 8, pin + 12);
      g_assert_true (lin_sync_invite_matches (code, base64));
      wrong = g_strdup (code);
      wrong[strlen (wrong) - 1] = wrong[strlen (wrong) - 1] == '0' ? '1' : '0';
      g_assert_false (lin_sync_invite_matches (wrong, base64));
    }

  /* a founding code has no pin; a key that is not base64 has none */
  g_assert_false (lin_sync_invite_matches ("k7dq-3mxa-p9tr-wv2e", "AAAA"));
  g_assert_null (lin_sync_pin_for_key ("not base64!"));
  g_assert_false (lin_sync_invite_matches ("k7dq-3mxa-p9tr-wv2e-0000-0000-0000-0000", "not base64!"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-code/normalise", test_normalise);
  g_test_add_func ("/sync-code/pin", test_pin);

  return g_test_run ();
}
