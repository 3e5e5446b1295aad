/* lin-strength-hint.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lin-profile.h"

G_BEGIN_DECLS

#define LIN_TYPE_STRENGTH_HINT (lin_strength_hint_get_type ())

G_DECLARE_FINAL_TYPE (LinStrengthHint, lin_strength_hint, LIN, STRENGTH_HINT, GtkWidget)

GtkWidget             *lin_strength_hint_new          (void);
void                   lin_strength_hint_update       (LinStrengthHint *self,
                                                       const char      *passphrase);
LinPassphraseStrength  lin_strength_hint_get_strength (LinStrengthHint *self);
const char            *lin_strength_hint_get_text     (LinStrengthHint *self);

G_END_DECLS
