/* lin-secret.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIN_KEY_BYTES 32

typedef struct _LinKey LinKey;

gboolean      lin_secret_init     (GError       **error);
void          lin_process_harden  (void);

LinKey       *lin_key_new_random  (void);
LinKey       *lin_key_new_from    (const guint8  *bytes);
LinKey       *lin_key_new_empty   (void);
guint8       *lin_key_write       (LinKey        *key);
const guint8 *lin_key_read        (LinKey        *key);
void          lin_key_close       (LinKey        *key);
void          lin_key_free        (LinKey        *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinKey, lin_key_free)

G_END_DECLS
