/* lin-sync-devices-group.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-sync-device-list.h"

G_BEGIN_DECLS

#define LIN_TYPE_SYNC_DEVICES_GROUP (lin_sync_devices_group_get_type ())

G_DECLARE_FINAL_TYPE (LinSyncDevicesGroup, lin_sync_devices_group, LIN, SYNC_DEVICES_GROUP, LinSyncDeviceList)

GtkWidget  *lin_sync_devices_group_new     (LinContext          *context);
GtkWidget  *lin_sync_devices_group_approve (LinSyncDevicesGroup *self,
                                            guint                position);

G_END_DECLS
