/* lin-sync-code.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIN_SYNC_CODE_DIGITS 16   /* 80 bits in Crockford's base32 */

void      lin_sync_base32_80       (const guint8 *bytes,
                                    char         *digits);
gsize     lin_sync_code_normalise  (const char   *code,
                                    char         *digits,
                                    gsize         max);
char     *lin_sync_pin_for_key     (const char   *org_key);
gboolean  lin_sync_invite_matches  (const char   *code,
                                    const char   *org_key);

G_END_DECLS
