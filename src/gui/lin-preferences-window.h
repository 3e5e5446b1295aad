/* lin-preferences-window.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"

G_BEGIN_DECLS

#define LIN_TYPE_PREFERENCES_WINDOW (lin_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LinPreferencesWindow, lin_preferences_window, LIN, PREFERENCES_WINDOW, AdwPreferencesWindow)

LinPreferencesWindow *lin_preferences_window_new                    (LinContext           *context,
                                                                     const char           *active_language);
GtkWidget            *lin_preferences_window_show_change_passphrase (LinPreferencesWindow *self);
GtkWidget            *lin_preferences_window_show_organisation      (LinPreferencesWindow *self);

G_END_DECLS
