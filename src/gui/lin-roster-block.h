/* lin-roster-block.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A block's state, as CSS classes */
typedef enum
{
  LIN_ROSTER_BLOCK_GAP       = 1 << 0,
  LIN_ROSTER_BLOCK_HARD      = 1 << 1,
  LIN_ROSTER_BLOCK_SOFT      = 1 << 2,
  LIN_ROSTER_BLOCK_CANCELLED = 1 << 3,
  LIN_ROSTER_BLOCK_SELECTED  = 1 << 4,
  LIN_ROSTER_BLOCK_BEFORE    = 1 << 5,  /* continues from the column before */
  LIN_ROSTER_BLOCK_AFTER     = 1 << 6,  /* continues into the next column */
} LinRosterBlockState;

#define LIN_TYPE_ROSTER_BLOCK (lin_roster_block_get_type ())

G_DECLARE_FINAL_TYPE (LinRosterBlock, lin_roster_block, LIN, ROSTER_BLOCK, GtkWidget)

LinRosterBlock *lin_roster_block_new          (gboolean        cell);
void            lin_roster_block_set          (LinRosterBlock *self,
                                               int             shift,
                                               guint           state,
                                               char           *text,
                                               char           *spoken);
void            lin_roster_block_set_short    (LinRosterBlock *self,
                                               char           *short_text);
const char     *lin_roster_block_get_shown_text (LinRosterBlock *self);
void            lin_roster_block_set_selected (LinRosterBlock *self,
                                               gboolean        selected);
guint           lin_roster_block_get_state    (LinRosterBlock *self);
int             lin_roster_block_get_shift    (LinRosterBlock *self);
const char     *lin_roster_block_get_label    (LinRosterBlock *self);

G_END_DECLS
