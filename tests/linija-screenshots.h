/* linija-screenshots.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What linija-screenshots.c shares with the files of its other screens.
 */

#pragma once

#include "lin-application.h"
#include "lin-window.h"

G_BEGIN_DECLS

void screenshots_save              (GtkWidget      *widget,
                                    const char     *screen);
void screenshots_save_with_popover (GtkWidget      *window,
                                    GtkPopover     *popover,
                                    const char     *screen);

void render_sync_screens           (LinApplication *app,
                                    LinWindow      *window);

G_END_DECLS
