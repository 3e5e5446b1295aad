/* lin-service-details.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lin-record.h"

G_BEGIN_DECLS

#define LIN_TYPE_SERVICE_DETAILS (lin_service_details_get_type ())

G_DECLARE_FINAL_TYPE (LinServiceDetails, lin_service_details, LIN, SERVICE_DETAILS, GtkWidget)

GtkWidget *lin_service_details_new         (void);
void       lin_service_details_set_service (LinServiceDetails *self,
                                            LinRecord         *service);
LinRecord *lin_service_details_get_service (LinServiceDetails *self);

G_END_DECLS
