/* lin-sync-org-group.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"
#include "lin-sync-enrol-page.h"

G_BEGIN_DECLS

#define LIN_TYPE_SYNC_ORG_GROUP (lin_sync_org_group_get_type ())

G_DECLARE_FINAL_TYPE (LinSyncOrgGroup, lin_sync_org_group, LIN, SYNC_ORG_GROUP, AdwPreferencesGroup)

GtkWidget *lin_sync_org_group_new        (LinContext       *context);
GtkWidget *lin_sync_org_group_show_enrol (LinSyncOrgGroup  *self,
                                          LinSyncEnrolMode  mode);

gboolean   lin_sync_org_is_pending       (LinSync          *sync);

G_END_DECLS
