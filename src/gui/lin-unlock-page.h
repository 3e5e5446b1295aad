/* lin-unlock-page.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"

G_BEGIN_DECLS

#define LIN_TYPE_UNLOCK_PAGE (lin_unlock_page_get_type ())

G_DECLARE_FINAL_TYPE (LinUnlockPage, lin_unlock_page, LIN, UNLOCK_PAGE, AdwBin)

LinContext *lin_unlock_page_get_context    (LinUnlockPage *self);
void        lin_unlock_page_set_context    (LinUnlockPage *self,
                                            LinContext    *context);
guint       lin_unlock_page_reload         (LinUnlockPage *self);
void        lin_unlock_page_cancel         (LinUnlockPage *self);
void        lin_unlock_page_focus          (LinUnlockPage *self);
gboolean    lin_unlock_page_get_busy       (LinUnlockPage *self);
guint       lin_unlock_page_get_failures   (LinUnlockPage *self);
guint       lin_unlock_page_get_wait       (LinUnlockPage *self);

G_END_DECLS
