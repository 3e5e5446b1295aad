/* lin-sync-device-list.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"

G_BEGIN_DECLS

#define LIN_TYPE_SYNC_DEVICE_LIST (lin_sync_device_list_get_type ())

G_DECLARE_DERIVABLE_TYPE (LinSyncDeviceList, lin_sync_device_list, LIN, SYNC_DEVICE_LIST, AdwPreferencesGroup)

struct _LinSyncDeviceListClass
{
  AdwPreferencesGroupClass parent_class;

  /* lin_sync_list_pending_async() or lin_sync_list_approved_async() */
  void       (*list_async)   (LinSync             *sync,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
  /* a row for @device; its button (data "lin-button") does what the list is for */
  GtkWidget *(*make_row)     (LinSyncDeviceList   *self,
                              LinSyncDevice       *device);
  /* the rows came or went */
  void       (*rows_changed) (LinSyncDeviceList   *self);

  /* whether the spinner of the header turns while a row's action runs
   * (otherwise the row shows it) */
  gboolean     header_spins_for_actions;
};

void           lin_sync_device_list_add_header     (LinSyncDeviceList   *self,
                                                    const char          *refresh_name,
                                                    const char          *error_name);
void           lin_sync_device_list_refresh        (LinSyncDeviceList   *self);
gboolean       lin_sync_device_list_get_busy       (LinSyncDeviceList   *self);
guint          lin_sync_device_list_get_n_devices  (LinSyncDeviceList   *self);
LinContext    *lin_sync_device_list_get_context    (LinSyncDeviceList   *self);
LinSync       *lin_sync_device_list_get_sync       (LinSyncDeviceList   *self);
GCancellable  *lin_sync_device_list_get_cancellable (LinSyncDeviceList  *self);
LinSyncDevice *lin_sync_device_list_get_device     (LinSyncDeviceList   *self,
                                                    guint                position);
GtkWidget     *lin_sync_device_list_get_row        (LinSyncDeviceList   *self,
                                                    guint                position);
gboolean       lin_sync_device_list_find           (LinSyncDeviceList   *self,
                                                    const char          *device_id,
                                                    guint               *position);
gboolean       lin_sync_device_list_find_row       (LinSyncDeviceList   *self,
                                                    GtkWidget           *row,
                                                    guint               *position);
void           lin_sync_device_list_remove         (LinSyncDeviceList   *self,
                                                    guint                position);
void           lin_sync_device_list_set_acting     (LinSyncDeviceList   *self,
                                                    gboolean             acting);
void           lin_sync_device_list_show_error     (LinSyncDeviceList   *self,
                                                    const GError        *error);
void           lin_sync_device_list_toast          (LinSyncDeviceList   *self,
                                                    const char          *title);
void           lin_sync_device_list_set_dialog     (LinSyncDeviceList   *self,
                                                    GtkWidget           *dialog);
GtkWidget     *lin_sync_device_list_press          (LinSyncDeviceList   *self,
                                                    guint                position);

const char    *lin_sync_describe_error             (const GError        *error);
char          *lin_sync_device_dup_enrolled        (const LinSyncDevice *device);

G_END_DECLS
