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

/* @window with @popover open over it */
typedef void (*LinScreenshotSaveOver) (GtkWidget  *window,
                                       GtkPopover *popover,
                                       const char *screen);

void lin_screenshots_organisation (LinApplication        *app,
                                   const char            *passphrase,
                                   LinScreenshotSave      save);
void lin_screenshots_sync         (LinApplication        *app,
                                   const char            *passphrase,
                                   LinScreenshotSave      save,
                                   LinScreenshotSaveOver  save_over);

G_END_DECLS
