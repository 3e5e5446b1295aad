/* lin-test-network.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIN_TYPE_TEST_NETWORK (lin_test_network_get_type ())

G_DECLARE_FINAL_TYPE (LinTestNetwork, lin_test_network, LIN, TEST_NETWORK, GObject)

GNetworkMonitor *lin_test_network_new           (gboolean        available);
void             lin_test_network_set_available (LinTestNetwork *self,
                                                 gboolean        available);

G_END_DECLS
