/* lin-context.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lin-types.h"

G_BEGIN_DECLS

#define LIN_TYPE_CONTEXT (lin_context_get_type ())

G_DECLARE_FINAL_TYPE (LinContext, lin_context, LIN, CONTEXT, GObject)

LinContext *lin_context_new          (GSettings   *settings,
                                      gboolean     demo,
                                      GError     **error);
GSettings  *lin_context_get_settings (LinContext  *self);
gboolean    lin_context_get_demo     (LinContext  *self);
const char *lin_context_get_data_dir (LinContext  *self);
char       *lin_context_dup_language (LinContext  *self);
void        lin_context_set_language (LinContext  *self,
                                      const char  *code);
void        lin_context_shutdown     (LinContext  *self);

GSettings  *lin_settings_new         (GError     **error);

G_END_DECLS
