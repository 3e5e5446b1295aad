/* lin-sync-members-group.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-sync-device-list.h"

G_BEGIN_DECLS

#define LIN_TYPE_SYNC_MEMBERS_GROUP (lin_sync_members_group_get_type ())

G_DECLARE_FINAL_TYPE (LinSyncMembersGroup, lin_sync_members_group, LIN, SYNC_MEMBERS_GROUP, LinSyncDeviceList)

GtkWidget *lin_sync_members_group_new           (LinContext          *context);
GtkWidget *lin_sync_members_group_revoke        (LinSyncMembersGroup *self,
                                                 guint                position);

G_END_DECLS
