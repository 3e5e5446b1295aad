/* lin-service-results.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lin-record.h"

G_BEGIN_DECLS

#define LIN_TYPE_SERVICE_SLOT (lin_service_slot_get_type ())

G_DECLARE_FINAL_TYPE (LinServiceSlot, lin_service_slot, LIN, SERVICE_SLOT, GObject)

LinRecord *lin_service_slot_get_service (LinServiceSlot *self);

#define LIN_TYPE_SERVICE_RESULTS (lin_service_results_get_type ())

G_DECLARE_FINAL_TYPE (LinServiceResults, lin_service_results, LIN, SERVICE_RESULTS, GObject)

LinServiceResults *lin_service_results_new         (void);
void               lin_service_results_set         (LinServiceResults *self,
                                                    GPtrArray         *found);
LinRecord         *lin_service_results_get_service (LinServiceResults *self,
                                                    guint              position);

G_END_DECLS
