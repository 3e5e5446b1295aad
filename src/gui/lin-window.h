/* lin-window.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-call-wizard.h"
#include "lin-context.h"

G_BEGIN_DECLS

#define LIN_TYPE_WINDOW (lin_window_get_type ())

G_DECLARE_FINAL_TYPE (LinWindow, lin_window, LIN, WINDOW, AdwApplicationWindow)

LinWindow  *lin_window_new             (GtkApplication *application,
                                        LinContext     *context);
LinContext *lin_window_get_context     (LinWindow      *self);
const char *lin_window_get_section     (LinWindow      *self);
void        lin_window_set_section     (LinWindow      *self,
                                        const char     *section);
GtkWindow  *lin_window_show_shortcuts  (LinWindow      *self);
const char *lin_window_get_page        (LinWindow      *self);
void        lin_window_cancel_unlock   (LinWindow      *self);
LinCallWizard *lin_window_new_call     (LinWindow      *self);
LinCallWizard *lin_window_resume_call  (LinWindow      *self);
LinCallWizard *lin_window_get_call_wizard (LinWindow   *self);
gboolean    lin_window_show_call       (LinWindow      *self,
                                        const char     *call_id);

G_END_DECLS
