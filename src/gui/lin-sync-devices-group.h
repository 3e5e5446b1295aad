/* lin-sync-devices-group.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"

G_BEGIN_DECLS

#define LIN_TYPE_SYNC_DEVICES_GROUP (lin_sync_devices_group_get_type ())

G_DECLARE_FINAL_TYPE (LinSyncDevicesGroup, lin_sync_devices_group, LIN, SYNC_DEVICES_GROUP, AdwPreferencesGroup)

GtkWidget  *lin_sync_devices_group_new           (LinContext          *context);
void        lin_sync_devices_group_refresh       (LinSyncDevicesGroup *self);
gboolean    lin_sync_devices_group_get_busy      (LinSyncDevicesGroup *self);
guint       lin_sync_devices_group_get_n_devices (LinSyncDevicesGroup *self);
GtkWidget  *lin_sync_devices_group_approve       (LinSyncDevicesGroup *self,
                                                  guint                position);

const char *lin_sync_describe_error              (const GError        *error);
char       *lin_sync_device_dup_enrolled         (const LinSyncDevice *device);
GtkWidget  *lin_sync_group_add_header            (AdwPreferencesGroup  *group,
                                                  const char           *refresh_name,
                                                  const char           *error_name,
                                                  GtkSpinner          **spinner,
                                                  GtkLabel            **error_label);

G_END_DECLS
