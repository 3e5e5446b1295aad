/* lin-change-passphrase-page.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"

G_BEGIN_DECLS

#define LIN_TYPE_CHANGE_PASSPHRASE_PAGE (lin_change_passphrase_page_get_type ())

G_DECLARE_FINAL_TYPE (LinChangePassphrasePage, lin_change_passphrase_page, LIN, CHANGE_PASSPHRASE_PAGE, AdwBin)

GtkWidget  *lin_change_passphrase_page_new         (LinContext              *context);
LinContext *lin_change_passphrase_page_get_context (LinChangePassphrasePage *self);
gboolean    lin_change_passphrase_page_get_busy    (LinChangePassphrasePage *self);

G_END_DECLS
