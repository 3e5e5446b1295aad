/* lin-sync-indicator.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"

G_BEGIN_DECLS

#define LIN_TYPE_SYNC_INDICATOR (lin_sync_indicator_get_type ())

G_DECLARE_FINAL_TYPE (LinSyncIndicator, lin_sync_indicator, LIN, SYNC_INDICATOR, AdwBin)

GtkWidget  *lin_sync_indicator_new             (void);
LinContext *lin_sync_indicator_get_context     (LinSyncIndicator *self);
void        lin_sync_indicator_set_context     (LinSyncIndicator *self,
                                                LinContext       *context);
const char *lin_sync_indicator_get_label       (LinSyncIndicator *self);
GtkPopover *lin_sync_indicator_popup           (LinSyncIndicator *self);

char       *lin_sync_indicator_last_synced     (gint64            last_success,
                                                GDateTime        *now);
const char *lin_sync_indicator_problem_text    (LinSyncProblem    problem);

G_END_DECLS
