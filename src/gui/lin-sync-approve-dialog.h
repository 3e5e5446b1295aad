/* lin-sync-approve-dialog.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"

G_BEGIN_DECLS

#define LIN_TYPE_SYNC_APPROVE_DIALOG (lin_sync_approve_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LinSyncApproveDialog, lin_sync_approve_dialog, LIN, SYNC_APPROVE_DIALOG, AdwMessageDialog)

GtkWidget           *lin_sync_approve_dialog_new        (GtkWindow            *parent,
                                                         LinContext           *context,
                                                         const LinSyncDevice  *device);
const LinSyncDevice *lin_sync_approve_dialog_get_device (LinSyncApproveDialog *self);
gboolean             lin_sync_approve_dialog_get_match  (LinSyncApproveDialog *self);
char                *lin_sync_safety_digits             (const char           *text);

G_END_DECLS
