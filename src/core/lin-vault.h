/* lin-vault.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lin-secret.h"

G_BEGIN_DECLS

#define LIN_VAULT_ERROR (lin_vault_error_quark ())

typedef enum
{
  LIN_VAULT_ERROR_WRONG_PASSPHRASE,
  LIN_VAULT_ERROR_DAMAGED,
  LIN_VAULT_ERROR_UNSUPPORTED,
  LIN_VAULT_ERROR_WEAK_KDF,
  LIN_VAULT_ERROR_TAMPERED,
  LIN_VAULT_ERROR_NOT_FOUND,
  LIN_VAULT_ERROR_EXISTS,
  LIN_VAULT_ERROR_PERMISSIONS,
  LIN_VAULT_ERROR_IO,
  LIN_VAULT_ERROR_LOCKED,
  LIN_VAULT_ERROR_INVALID,
  LIN_VAULT_ERROR_WEAK_PASSPHRASE,
} LinVaultError;

GQuark lin_vault_error_quark (void);

#define LIN_SALT_BYTES      16
#define LIN_DEVICE_ID_BYTES 16
#define LIN_NONCE_BYTES     24
#define LIN_MAC_BYTES       16
#define LIN_WRAPPED_KEY_BYTES (LIN_NONCE_BYTES + LIN_KEY_BYTES + LIN_MAC_BYTES)

/* The downgrade guard: a header asking for less is refused. */
#define LIN_KDF_FLOOR_OPSLIMIT 3
#define LIN_KDF_FLOOR_MEMLIMIT (G_GUINT64_CONSTANT (64) * 1024 * 1024)
/* And for more than this (a hostile header must not exhaust memory) */
#define LIN_KDF_MAX_OPSLIMIT   64
#define LIN_KDF_MAX_MEMLIMIT   (G_GUINT64_CONSTANT (4) * 1024 * 1024 * 1024)
#define LIN_KDF_MIN_CALIBRATED_MEMLIMIT (G_GUINT64_CONSTANT (256) * 1024 * 1024)

#define LIN_PROFILE_NAME_MAX 255

typedef struct
{
  guint64 opslimit;
  guint64 memlimit;
} LinKdfParams;

void lin_kdf_params_floor     (LinKdfParams *params);
void lin_kdf_params_calibrate (LinKdfParams *params,
                               double        target_seconds);
void lin_kdf_params_default   (LinKdfParams *params);

/* The parsed header, before any key is involved */
typedef struct
{
  guint16      version;
  LinKdfParams kdf;
  guint8       salt[LIN_SALT_BYTES];
  guint8       device_id[LIN_DEVICE_ID_BYTES];
  char        *name;
  guint8       wrapped[LIN_WRAPPED_KEY_BYTES];
  GBytes      *ad;
} LinVaultHeader;

LinVaultHeader *lin_vault_header_decode    (GBytes               *bytes,
                                            GError              **error);
void            lin_vault_header_free      (LinVaultHeader       *header);
LinKey         *lin_vault_header_derive_kek (const LinVaultHeader *header,
                                             const char           *passphrase,
                                             GError              **error);
LinKey         *lin_vault_header_unwrap    (const LinVaultHeader *header,
                                            LinKey               *kek,
                                            GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinVaultHeader, lin_vault_header_free)

#define LIN_TYPE_VAULT (lin_vault_get_type ())

G_DECLARE_FINAL_TYPE (LinVault, lin_vault, LIN, VAULT, GObject)

LinVault     *lin_vault_create            (const char          *header_path,
                                           const char          *name,
                                           const char          *passphrase,
                                           const LinKdfParams  *kdf,
                                           GError             **error);
LinVault     *lin_vault_unlock            (const char          *header_path,
                                           const char          *passphrase,
                                           GError             **error);
char         *lin_vault_read_name         (const char          *header_path,
                                           GError             **error);
gboolean      lin_vault_change_passphrase (LinVault            *self,
                                           const char          *passphrase,
                                           const LinKdfParams  *kdf,
                                           GError             **error);
gboolean      lin_vault_is_locked         (LinVault            *self);
void          lin_vault_lock              (LinVault            *self);
const char   *lin_vault_get_name          (LinVault            *self);
const guint8 *lin_vault_get_device_id     (LinVault            *self);
void          lin_vault_get_kdf_params    (LinVault            *self,
                                           LinKdfParams        *params);
LinKey       *lin_vault_derive_key        (LinVault            *self,
                                           guint64              subkey_id,
                                           GError             **error);

gboolean      lin_write_file_atomic       (const char          *path,
                                           const void          *data,
                                           gsize                len,
                                           GError             **error);

G_END_DECLS
