/* lin-demo.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-store.h"

G_BEGIN_DECLS

/* the calls the demo profile opens with */
#define LIN_DEMO_N_CALLS 300
#define LIN_DEMO_SEED    20261125

gboolean lin_demo_add_calls (LinStore   *store,
                             guint       n,
                             guint32     seed,
                             GDateTime  *until,
                             GError    **error);
gboolean lin_demo_add_services (LinStore   *store,
                                guint32     seed,
                                GError    **error);
gboolean lin_demo_add_roster   (LinStore   *store,
                                guint32     seed,
                                GDate      *first_day,
                                GError    **error);

G_END_DECLS
