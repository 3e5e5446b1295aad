/* lin-service-results.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIN_TYPE_SERVICE_RESULTS (lin_service_results_get_type ())

G_DECLARE_FINAL_TYPE (LinServiceResults, lin_service_results, LIN, SERVICE_RESULTS, GObject)

LinServiceResults *lin_service_results_new (void);
void               lin_service_results_set (LinServiceResults *self,
                                            GPtrArray         *found);

G_END_DECLS
