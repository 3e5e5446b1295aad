/* linija-screenshots-private.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-application.h"

G_BEGIN_DECLS

typedef void (*LinScreenshotSave) (GtkWidget  *widget,
                                   const char *screen);

void lin_screenshots_organisation (LinApplication    *app,
                                   const char        *passphrase,
                                   LinScreenshotSave  save);

G_END_DECLS
