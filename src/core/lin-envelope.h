/* lin-envelope.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "lin-secret.h"
#include "lin-vault.h"

G_BEGIN_DECLS

#define LIN_RECORD_ID_BYTES 16
#define LIN_ENVELOPE_HEADER_BYTES 164
#define LIN_ENVELOPE_PAD_BLOCK 256
#define LIN_ENVELOPE_MAX_PAYLOAD (16 * 1024 * 1024)
/* on the wire, after the envelope: the author device's public signing
 * key (32 bytes) and its Ed25519 signature (64) of LIN_ENVELOPE_SIGN_CONTEXT
 * followed by the envelope */
#define LIN_ENVELOPE_SIGNATURE_BYTES 96
#define LIN_ENVELOPE_SIGN_CONTEXT "LSIG"

typedef enum
{
  LIN_ENVELOPE_FLAG_TOMBSTONE = 1 << 0,
} LinEnvelopeFlags;

typedef struct
{
  guint8  flags;
  guint8  record_id[LIN_RECORD_ID_BYTES];
  guint64 revision;
  guint64 parent_revision;
  guint32 key_epoch;
  guint8  device_id[LIN_DEVICE_ID_BYTES];
  guint64 hlc;
} LinEnvelopeHeader;

GBytes   *lin_envelope_seal (const LinEnvelopeHeader  *header,
                             LinKey                   *collection_key,
                             const void               *payload,
                             gsize                     payload_len,
                             GError                  **error);
gboolean  lin_envelope_peek (GBytes                   *envelope,
                             LinEnvelopeHeader        *header,
                             GError                  **error);
GBytes   *lin_envelope_open (GBytes                   *envelope,
                             LinKey                   *collection_key,
                             const guint8             *expected_record_id,
                             guint64                   expected_revision,
                             LinEnvelopeHeader        *header,
                             GError                  **error);
gboolean  lin_envelope_peek_raw (const guint8     *envelope,
                                 gsize             len,
                                 LinEnvelopeHeader *header,
                                 GError          **error);
gboolean  lin_envelope_open_raw (const guint8     *envelope,
                                 gsize             len,
                                 const guint8     *collection_key,
                                 const guint8     *expected_record_id,
                                 guint64           expected_revision,
                                 LinEnvelopeHeader *header,
                                 guint8           *plain,
                                 gsize            *plain_len,
                                 GError          **error);
gboolean  lin_envelope_peek_signed (const guint8     *signed_envelope,
                                    gsize             len,
                                    LinEnvelopeHeader *header,
                                    GError          **error);
GBytes   *lin_secure_bytes_new (const void            *data,
                                gsize                  len);

G_END_DECLS
