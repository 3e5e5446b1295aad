/* lin-translit.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *lin_translit_to_latin (const char *text);
char     *lin_translit_fold     (const char *text);
gboolean  lin_translit_has_cyrillic (const char *text);

G_END_DECLS
