/* lin-auto-lock.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIN_TYPE_AUTO_LOCK (lin_auto_lock_get_type ())

G_DECLARE_FINAL_TYPE (LinAutoLock, lin_auto_lock, LIN, AUTO_LOCK, GObject)

LinAutoLock *lin_auto_lock_new         (GtkApplication *application);
guint        lin_auto_lock_get_timeout (LinAutoLock    *self);
void         lin_auto_lock_set_timeout (LinAutoLock    *self,
                                        guint           seconds);
gboolean     lin_auto_lock_get_active  (LinAutoLock    *self);
void         lin_auto_lock_set_active  (LinAutoLock    *self,
                                        gboolean        active);
void         lin_auto_lock_reset       (LinAutoLock    *self);

G_END_DECLS
