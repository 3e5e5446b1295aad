/* lin-sync-enrol-page.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"

G_BEGIN_DECLS

typedef enum
{
  LIN_SYNC_ENROL_FOUND,   /* the coordinator creates the organisation */
  LIN_SYNC_ENROL_JOIN,    /* another laptop joins it with an invite */
} LinSyncEnrolMode;

#define LIN_TYPE_SYNC_ENROL_PAGE (lin_sync_enrol_page_get_type ())

G_DECLARE_FINAL_TYPE (LinSyncEnrolPage, lin_sync_enrol_page, LIN, SYNC_ENROL_PAGE, AdwBin)

GtkWidget  *lin_sync_enrol_page_new       (LinContext       *context,
                                           LinSyncEnrolMode  mode);
gboolean    lin_sync_enrol_page_get_busy  (LinSyncEnrolPage *self);
const char *lin_sync_enrol_page_get_state (LinSyncEnrolPage *self);

G_END_DECLS
