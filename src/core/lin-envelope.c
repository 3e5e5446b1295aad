/* lin-envelope.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An envelope is one revision of one record, sealed; it is what the store
 * keeps and what sync will carry. Format 1 (integers little-endian):
 *
 *   0    4  magic "LENV"
 *   4    1  format version (1)
 *   5    1  flags (bit 0: tombstone)
 *   6    2  reserved, zero
 *   8    16 record id (random)
 *   24   8  revision
 *   32   8  parent revision
 *   40   4  key epoch of the collection key
 *   44   16 author device id
 *   60   8  hybrid logical clock
 *   68   72 the data key: 24-byte nonce, then the key sealed under the
 *           collection key with bytes 0..67 as associated data
 *   140  24 payload nonce
 *   164  .. the payload, padded (sodium_pad, 256-byte blocks), sealed
 *           under the data key with bytes 0..163 as associated data
 *
 * On the wire (sync) an envelope is followed by LIN_ENVELOPE_SIGNATURE_BYTES:
 * the public signing key of the device that wrote it and its signature.
 *
 * Every revision has a fresh data key, so destroying a record's envelopes
 * destroys every key that could open them. All header fields are
 * authenticated: an envelope moved to another record or revision, or any
 * changed bit, fails to open.
 */

#define G_LOG_DOMAIN "lin-envelope"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "lin-bytes.h"
#include "lin-envelope.h"

#define MAGIC "LENV"
#define FORMAT_VERSION 1
#define KEY_AD_BYTES 68
#define WRAPPED_AT 68
#define NONCE_AT 140

typedef struct
{
  gsize  len;
  guint8 data[];
} Wiped;

static void
free_wiped (gpointer data)
{
  Wiped *w = data;

  sodium_memzero (w->data, w->len);
  g_free (w);
}

static Wiped *
wiped_alloc (gsize len)
{
  Wiped *w = g_malloc (sizeof (Wiped) + MAX (len, 1));

  w->len = len;
  return w;
}

static GBytes *
wiped_to_bytes (Wiped *w,
                gsize  len)
{
  return g_bytes_new_with_free_func (w->data, len, free_wiped, w);
}

/**
 * lin_secure_bytes_new:
 * @data: bytes to copy
 * @len: their length
 *
 * Returns: (transfer full): a copy of @data that is wiped when freed: for
 *   plaintext. (Ordinary heap memory: sodium_malloc() costs several
 *   system calls, too many for every record; keys stay in LinKey.)
 */
GBytes *
lin_secure_bytes_new (const void *data,
                      gsize       len)
{
  Wiped *w = wiped_alloc (len);

  if (len > 0)
    memcpy (w->data, data, len);

  return wiped_to_bytes (w, len);
}

static void
encode_header (const LinEnvelopeHeader *header,
               guint8                  *p)
{
  memcpy (p, MAGIC, 4);
  p[4] = FORMAT_VERSION;
  p[5] = header->flags;
  p[6] = 0;
  p[7] = 0;
  memcpy (p + 8, header->record_id, LIN_RECORD_ID_BYTES);
  lin_put_u64 (p + 24, header->revision);
  lin_put_u64 (p + 32, header->parent_revision);
  lin_put_u32 (p + 40, header->key_epoch);
  memcpy (p + 44, header->device_id, LIN_DEVICE_ID_BYTES);
  lin_put_u64 (p + 60, header->hlc);
}

/**
 * lin_envelope_seal:
 * @header: the envelope's header
 * @collection_key: the collection key of @header's epoch
 * @payload: the plaintext
 * @payload_len: its length
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the envelope, or %NULL
 */
GBytes *
lin_envelope_seal (const LinEnvelopeHeader  *header,
                   LinKey                   *collection_key,
                   const void               *payload,
                   gsize                     payload_len,
                   GError                  **error)
{
  guint8 data_key[LIN_KEY_BYTES];
  guint8 *padded;
  gsize padded_len;
  gsize max_len;
  guint8 *out;
  gsize out_len;

  g_return_val_if_fail (header != NULL, NULL);
  g_return_val_if_fail (collection_key != NULL, NULL);
  g_return_val_if_fail (payload != NULL || payload_len == 0, NULL);

  if (payload_len > LIN_ENVELOPE_MAX_PAYLOAD)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_INVALID,
                           "The record is too large");
      return NULL;
    }

  /* the padded plaintext is wiped before it is freed */
  max_len = payload_len + LIN_ENVELOPE_PAD_BLOCK;
  padded = g_malloc (max_len);
  if (payload_len > 0)
    memcpy (padded, payload, payload_len);
  if (sodium_pad (&padded_len, padded, payload_len, LIN_ENVELOPE_PAD_BLOCK, max_len) != 0)
    g_error ("sodium_pad failed");

  out_len = LIN_ENVELOPE_HEADER_BYTES + padded_len + LIN_MAC_BYTES;
  out = g_malloc (out_len);
  encode_header (header, out);

  /* a fresh data key, on the stack only while it is used, sealed under
   * the collection key */
  randombytes_buf (data_key, sizeof data_key);
  randombytes_buf (out + WRAPPED_AT, LIN_NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (out + WRAPPED_AT + LIN_NONCE_BYTES, NULL,
                                              data_key, LIN_KEY_BYTES,
                                              out, KEY_AD_BYTES,
                                              NULL, out + WRAPPED_AT,
                                              lin_key_read (collection_key));
  lin_key_close (collection_key);

  /* the payload, sealed under the data key */
  randombytes_buf (out + NONCE_AT, LIN_NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (out + LIN_ENVELOPE_HEADER_BYTES, NULL,
                                              padded, padded_len,
                                              out, LIN_ENVELOPE_HEADER_BYTES,
                                              NULL, out + NONCE_AT,
                                              data_key);
  sodium_memzero (data_key, sizeof data_key);
  sodium_memzero (padded, max_len);
  g_free (padded);

  return g_bytes_new_take (out, out_len);
}

/* Strips the ISO/IEC 7816-4 padding that sodium_pad() added. It runs only
 * on plaintext that has passed authentication, so it need not be constant
 * time, and sodium_unpad(), which is, costs about a microsecond per record
 * at unlock: a tenth of a second for 100,000. Accepts exactly what
 * sodium_unpad() accepts: zeros after a 0x80 byte within the last block. */
static int
unpad_authenticated (gsize        *unpadded_len,
                     const guint8 *buf,
                     gsize         padded_len)
{
  gsize limit = MIN (padded_len, (gsize)LIN_ENVELOPE_PAD_BLOCK);

  for (gsize i = 1; i <= limit; i++)
    {
      guint8 c = buf[padded_len - i];

      if (c == 0x80)
        {
          *unpadded_len = padded_len - i;
          return 0;
        }
      if (c != 0)
        return -1;
    }

  return -1;
}

static gboolean
peek_raw (const guint8       *p,
          gsize               len,
          LinEnvelopeHeader  *header,
          GError            **error)
{
  if (len < LIN_ENVELOPE_HEADER_BYTES + LIN_ENVELOPE_PAD_BLOCK + LIN_MAC_BYTES ||
      (len - LIN_ENVELOPE_HEADER_BYTES - LIN_MAC_BYTES) % LIN_ENVELOPE_PAD_BLOCK != 0 ||
      memcmp (p, MAGIC, 4) != 0)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                           "A stored record is damaged");
      return FALSE;
    }

  if (p[4] != FORMAT_VERSION)
    {
      g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_UNSUPPORTED,
                   "A stored record was made by a newer Linija (format %u)", p[4]);
      return FALSE;
    }

  if (p[6] != 0 || p[7] != 0 || (p[5] & ~LIN_ENVELOPE_FLAG_TOMBSTONE) != 0)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                           "A stored record is damaged");
      return FALSE;
    }

  header->flags = p[5];
  memcpy (header->record_id, p + 8, LIN_RECORD_ID_BYTES);
  header->revision = lin_get_u64 (p + 24);
  header->parent_revision = lin_get_u64 (p + 32);
  header->key_epoch = lin_get_u32 (p + 40);
  memcpy (header->device_id, p + 44, LIN_DEVICE_ID_BYTES);
  header->hlc = lin_get_u64 (p + 60);

  return TRUE;
}

/**
 * lin_envelope_peek:
 * @envelope: an envelope
 * @header: (out): its header
 * @error: a location for a #GError
 *
 * Reads the header without any key; nothing is authenticated yet.
 *
 * Returns: %TRUE when @envelope is shaped like an envelope
 */
gboolean
lin_envelope_peek (GBytes             *envelope,
                   LinEnvelopeHeader  *header,
                   GError            **error)
{
  const guint8 *p;
  gsize len;

  g_return_val_if_fail (envelope != NULL, FALSE);
  g_return_val_if_fail (header != NULL, FALSE);

  p = g_bytes_get_data (envelope, &len);

  return peek_raw (p, len, header, error);
}

/**
 * lin_envelope_peek_signed:
 * @signed_envelope: an envelope as sync carries it, its signature after it
 * @len: their length
 * @header: (out): its header
 * @error: a location for a #GError
 *
 * lin_envelope_peek_raw() of the envelope before the signature, which is
 * not checked: the server cannot, and a device does it with the author's
 * key (lin-sync.c).
 *
 * Returns: %TRUE when the bytes are shaped like a signed envelope
 */
gboolean
lin_envelope_peek_signed (const guint8       *signed_envelope,
                          gsize               len,
                          LinEnvelopeHeader  *header,
                          GError            **error)
{
  if (len < LIN_ENVELOPE_SIGNATURE_BYTES)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED, "A stored record is damaged");
      return FALSE;
    }

  return peek_raw (signed_envelope, len - LIN_ENVELOPE_SIGNATURE_BYTES, header, error);
}

/**
 * lin_envelope_peek_raw:
 * @envelope: the envelope's bytes
 * @len: their length
 * @header: (out): its header
 * @error: a location for a #GError
 *
 * lin_envelope_peek() on plain memory.
 *
 * Returns: %TRUE when the bytes are shaped like an envelope
 */
gboolean
lin_envelope_peek_raw (const guint8       *envelope,
                       gsize               len,
                       LinEnvelopeHeader  *header,
                       GError            **error)
{
  return peek_raw (envelope, len, header, error);
}

/**
 * lin_envelope_open_raw:
 * @envelope: the envelope's bytes
 * @len: their length
 * @collection_key: the collection key's bytes, already open
 * @expected_record_id: (nullable): the record it must belong to
 * @expected_revision: the revision it must be, or 0 for any
 * @header: (out): its header
 * @plain: (out caller-allocates): at least @len bytes for the plaintext
 * @plain_len: (out): the plaintext's length
 * @error: a location for a #GError
 *
 * The work of lin_envelope_open() without allocations, for loading many
 * envelopes at unlock: the caller opens the collection key once and
 * reuses one plaintext buffer. The data key lives on the stack only while
 * it is used, and is wiped.
 *
 * Returns: %TRUE when the envelope opened
 */
gboolean
lin_envelope_open_raw (const guint8       *envelope,
                       gsize               len,
                       const guint8       *collection_key,
                       const guint8       *expected_record_id,
                       guint64             expected_revision,
                       LinEnvelopeHeader  *header,
                       guint8             *plain,
                       gsize              *plain_len,
                       GError            **error)
{
  guint8 data_key[LIN_KEY_BYTES];
  gsize padded_len;
  int rc;

  if (!peek_raw (envelope, len, header, error))
    return FALSE;

  if ((expected_record_id != NULL &&
       sodium_memcmp (expected_record_id, header->record_id, LIN_RECORD_ID_BYTES) != 0) ||
      (expected_revision != 0 && expected_revision != header->revision))
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_TAMPERED,
                           "A stored record is not where it belongs: it was moved or replayed");
      return FALSE;
    }

  rc = crypto_aead_xchacha20poly1305_ietf_decrypt (data_key, NULL, NULL,
                                                   envelope + WRAPPED_AT + LIN_NONCE_BYTES,
                                                   LIN_KEY_BYTES + LIN_MAC_BYTES,
                                                   envelope, KEY_AD_BYTES,
                                                   envelope + WRAPPED_AT,
                                                   collection_key);
  if (rc == 0)
    {
      padded_len = len - LIN_ENVELOPE_HEADER_BYTES - LIN_MAC_BYTES;
      rc = crypto_aead_xchacha20poly1305_ietf_decrypt (plain, NULL, NULL,
                                                       envelope + LIN_ENVELOPE_HEADER_BYTES,
                                                       padded_len + LIN_MAC_BYTES,
                                                       envelope, LIN_ENVELOPE_HEADER_BYTES,
                                                       envelope + NONCE_AT,
                                                       data_key);
      if (rc == 0)
        rc = unpad_authenticated (plain_len, plain, padded_len);
    }
  sodium_memzero (data_key, sizeof data_key);

  if (rc != 0)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_TAMPERED,
                           "A stored record fails its integrity check");
      return FALSE;
    }

  return TRUE;
}

/**
 * lin_envelope_open:
 * @envelope: an envelope
 * @collection_key: the collection key of its epoch
 * @expected_record_id: (nullable): the record it must belong to
 * @expected_revision: the revision it must be, or 0 for any
 * @header: (out) (optional): its header
 * @error: a location for a #GError
 *
 * Checks everything: shape, version, that it belongs where it was found,
 * and both seals. Any byte string gives either the plaintext or an error.
 *
 * Returns: (transfer full): the plaintext in wiped-on-free memory, or
 *   %NULL with @error set (%LIN_VAULT_ERROR_TAMPERED when a seal fails)
 */
GBytes *
lin_envelope_open (GBytes             *envelope,
                   LinKey             *collection_key,
                   const guint8       *expected_record_id,
                   guint64             expected_revision,
                   LinEnvelopeHeader  *header,
                   GError            **error)
{
  LinEnvelopeHeader local;
  const guint8 *p;
  gsize len;
  gsize plain_len = 0;
  Wiped *plain;
  gboolean ok;

  g_return_val_if_fail (envelope != NULL, NULL);
  g_return_val_if_fail (collection_key != NULL, NULL);

  if (header == NULL)
    header = &local;

  p = g_bytes_get_data (envelope, &len);
  plain = wiped_alloc (len);
  ok = lin_envelope_open_raw (p, len, lin_key_read (collection_key),
                              expected_record_id, expected_revision,
                              header, plain->data, &plain_len, error);
  lin_key_close (collection_key);

  if (!ok)
    {
      free_wiped (plain);
      return NULL;
    }

  return wiped_to_bytes (plain, plain_len);
}
