/* lin-device-keys.h
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

#define LIN_SIGN_PUBLIC_BYTES  32
#define LIN_SIGNATURE_BYTES    64
#define LIN_BOX_PUBLIC_BYTES   32
#define LIN_SEALED_KEY_BYTES   (LIN_KEY_BYTES + 48)
#define LIN_SAFETY_NUMBER_GROUPS 5

typedef struct _LinDeviceKeys LinDeviceKeys;

LinDeviceKeys *lin_device_keys_derive          (LinVault            *vault,
                                                GError             **error);
void           lin_device_keys_free            (LinDeviceKeys       *self);
const guint8  *lin_device_keys_get_sign_public (LinDeviceKeys       *self);
const guint8  *lin_device_keys_get_box_public  (LinDeviceKeys       *self);
void           lin_device_keys_open            (LinDeviceKeys       *self);
void           lin_device_keys_close           (LinDeviceKeys       *self);
GBytes        *lin_device_keys_sign            (LinDeviceKeys       *self,
                                                GBytes              *message);
LinKey        *lin_device_keys_open_key        (LinDeviceKeys       *self,
                                                GBytes              *sealed,
                                                GError             **error);

gboolean       lin_signature_verify            (const guint8        *sign_public,
                                                GBytes              *message,
                                                GBytes              *signature);
GBytes        *lin_key_seal_to                 (LinKey              *key,
                                                const guint8        *box_public);
char          *lin_safety_number               (const char          *org_id,
                                                const guint8        *sign_public,
                                                const guint8        *box_public);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinDeviceKeys, lin_device_keys_free)

G_END_DECLS
