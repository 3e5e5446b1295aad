/* lin-sync-code.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Enrolment codes (src/server/PROTOCOL.md, "Enrolment codes"), shared by
 * linija-server, which makes and checks them, and Linija, which reads them
 * and checks the organisation key a server hands it. Digits are Crockford's
 * base32: no i, l, o or u, so a code read aloud or typed from paper has no
 * look-alikes, and a typed i, l or o is read as 1, 1 or 0. An invite code
 * is a secret of 16 digits and the organisation's pin, 16 more: the first
 * 80 bits of the SHA-256 of its public signing key. A device that computes
 * another pin from the key the server returned is talking to a server
 * that lies, and goes no further.
 */

#define G_LOG_DOMAIN "lin-sync"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "lin-sync-code.h"

static const char base32_digits[] = "0123456789abcdefghjkmnpqrstvwxyz";

/**
 * lin_sync_base32_80:
 * @bytes: (array fixed-size=10): 80 bits
 * @digits: (out caller-allocates) (array fixed-size=16): their 16 digits
 */
void
lin_sync_base32_80 (const guint8 *bytes,
                    char         *digits)
{
  guint64 hi = 0;
  guint64 lo = 0;

  for (int i = 0; i < 5; i++)
    hi = (hi << 8) | bytes[i];
  for (int i = 5; i < 10; i++)
    lo = (lo << 8) | bytes[i];

  for (int i = 0; i < 8; i++)
    {
      digits[7 - i] = base32_digits[hi & 31];
      digits[15 - i] = base32_digits[lo & 31];
      hi >>= 5;
      lo >>= 5;
    }
}

/**
 * lin_sync_code_normalise:
 * @code: a code as typed
 * @digits: (out caller-allocates): its digits, not terminated
 * @max: the room in @digits
 *
 * Takes a typed code apart: drops dashes and spaces, folds case and the
 * look-alikes.
 *
 * Returns: the number of digits, or 0 when @code is not a code
 */
gsize
lin_sync_code_normalise (const char *code,
                         char       *digits,
                         gsize       max)
{
  gsize n = 0;

  g_return_val_if_fail (code != NULL, 0);

  for (const char *p = code; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (c == '-' || c == ' ')
        continue;
      if (c == 'i' || c == 'l')
        c = '1';
      else if (c == 'o')
        c = '0';
      if (strchr (base32_digits, c) == NULL || c == '\0' || n == max)
        return 0;
      digits[n++] = c;
    }

  return n;
}

/**
 * lin_sync_pin_for_key:
 * @org_key: the organisation's public signing key, base64
 *
 * Returns: (transfer full) (nullable): its pin, 16 digits, or %NULL when
 *   @org_key is not base64
 */
char *
lin_sync_pin_for_key (const char *org_key)
{
  guint8 key[1024];
  guint8 hash[crypto_hash_sha256_BYTES];
  char digits[LIN_SYNC_CODE_DIGITS + 1] = { 0 };
  size_t len = 0;

  g_return_val_if_fail (org_key != NULL, NULL);

  if (sodium_base642bin (key, sizeof key, org_key, strlen (org_key), NULL, &len, NULL,
                         sodium_base64_VARIANT_ORIGINAL) != 0 || len == 0)
    return NULL;

  crypto_hash_sha256 (hash, key, len);
  lin_sync_base32_80 (hash, digits);

  return g_strdup (digits);
}

/**
 * lin_sync_invite_matches:
 * @code: an invite code as typed
 * @org_key: the organisation key a server returned, base64
 *
 * Returns: %TRUE when @code is an invite code whose pin is @org_key's
 */
gboolean
lin_sync_invite_matches (const char *code,
                         const char *org_key)
{
  char digits[2 * LIN_SYNC_CODE_DIGITS];
  g_autofree char *pin = NULL;

  g_return_val_if_fail (code != NULL && org_key != NULL, FALSE);

  if (lin_sync_code_normalise (code, digits, sizeof digits) != sizeof digits)
    return FALSE;
  pin = lin_sync_pin_for_key (org_key);

  return pin != NULL && memcmp (pin, digits + LIN_SYNC_CODE_DIGITS, LIN_SYNC_CODE_DIGITS) == 0;
}
