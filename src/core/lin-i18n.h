/* lin-i18n.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  /* the value stored in GSettings; "" follows the system */
  const char *code;
  /* the language's name in itself, never translated; NULL for "" */
  const char *native_name;
} LinLanguage;

const LinLanguage *lin_i18n_get_languages (guint      *n_languages);
gboolean           lin_i18n_is_known      (const char *code);
const char        *lin_i18n_init          (const char *code);
const char        *lin_i18n_get_localedir (void);
void               lin_i18n_bind_library_catalogues (void);

G_END_DECLS
