/* lin-application.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"

G_BEGIN_DECLS

#define LIN_TYPE_APPLICATION (lin_application_get_type ())

G_DECLARE_FINAL_TYPE (LinApplication, lin_application, LIN, APPLICATION, AdwApplication)

LinApplication *lin_application_new                   (const char      *application_id,
                                                       GApplicationFlags flags);
LinContext     *lin_application_get_context           (LinApplication  *self);
const char     *lin_application_get_active_language   (LinApplication  *self);
void            lin_application_set_active_language   (LinApplication  *self,
                                                       const char      *code);
gboolean        lin_application_get_restart_requested (LinApplication  *self);
GtkWindow      *lin_application_show_preferences      (LinApplication  *self);
GtkWindow      *lin_application_show_about            (LinApplication  *self);
gboolean        lin_application_get_locked            (LinApplication  *self);
void            lin_application_lock                  (LinApplication  *self);
void            lin_application_quick_hide            (LinApplication  *self);
void            lin_application_hold_vault            (LinApplication  *self);
void            lin_application_release_vault         (LinApplication  *self);
void            lin_application_set_auto_lock_seconds (LinApplication  *self,
                                                       int              seconds);
guint           lin_application_get_auto_lock_seconds (LinApplication  *self);

G_END_DECLS
