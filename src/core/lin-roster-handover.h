/* lin-roster-handover.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-roster.h"
#include "lin-store.h"

G_BEGIN_DECLS

#define LIN_ROSTER_HANDOVER_AHEAD  (15 * 60)      /* s before a shift's end */
#define LIN_ROSTER_HANDOVER_AFTER  (2 * 60 * 60)  /* s after it */

LinRecord  *lin_roster_handover_new      (LinRecord  *shift,
                                          const char *text);
void        lin_roster_handover_set_text (LinRecord  *handover,
                                          const char *text);
LinRecord  *lin_roster_find_handover     (LinStore   *store,
                                          const char *shift_id);
GHashTable *lin_roster_handover_index    (LinStore   *store);
int         lin_roster_previous_shift    (LinRoster  *roster,
                                          guint       shift);
int         lin_roster_handover_due      (LinRoster  *roster,
                                          int         person,
                                          gint64      now,
                                          LinStore   *store);
char       *lin_roster_handover_summary  (LinRoster  *roster,
                                          guint       shift,
                                          LinStore   *store);

G_END_DECLS
