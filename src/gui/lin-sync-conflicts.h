/* lin-sync-conflicts.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"

G_BEGIN_DECLS

#define LIN_TYPE_SYNC_CONFLICTS (lin_sync_conflicts_get_type ())

G_DECLARE_FINAL_TYPE (LinSyncConflicts, lin_sync_conflicts, LIN, SYNC_CONFLICTS, AdwWindow)

GtkWidget  *lin_sync_conflicts_new          (GtkWindow        *parent,
                                             LinContext       *context);
guint       lin_sync_conflicts_get_n_items  (LinSyncConflicts *self);
void        lin_sync_conflicts_reload       (LinSyncConflicts *self);

const char *lin_sync_conflicts_kind_name    (const char       *record_kind);
const char *lin_sync_conflicts_field_name   (const char       *field);
char       *lin_sync_conflicts_dup_value    (const char       *json);
char       *lin_sync_conflicts_collision_title (const char    *collision,
                                                const char    *alias);

G_END_DECLS
