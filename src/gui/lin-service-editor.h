/* lin-service-editor.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-store.h"

G_BEGIN_DECLS

#define LIN_TYPE_SERVICE_EDITOR (lin_service_editor_get_type ())

G_DECLARE_FINAL_TYPE (LinServiceEditor, lin_service_editor, LIN, SERVICE_EDITOR, AdwWindow)

LinServiceEditor *lin_service_editor_new (GtkWindow *parent,
                                          LinStore  *store,
                                          LinRecord *service);

G_END_DECLS
