/* lin-roster-week-private.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The week view's cells, for its tests and benchmark alone.
 */

#pragma once

#include "lin-roster-week.h"

G_BEGIN_DECLS

#define LIN_TYPE_ROSTER_BLOCK (lin_roster_block_get_type ())

G_DECLARE_FINAL_TYPE (LinRosterBlock, lin_roster_block, LIN, ROSTER_BLOCK, GtkWidget)

int         lin_roster_block_get_shift (LinRosterBlock *self);
const char *lin_roster_block_get_label (LinRosterBlock *self);

G_END_DECLS
