/* lin-roster-handover.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"
/* the core's handover API has this header's name: reach it by its path */
#include "../core/lin-roster-handover.h"

G_BEGIN_DECLS

#define LIN_TYPE_ROSTER_HANDOVER (lin_roster_handover_get_type ())

/* lin_roster_handover_new() is the core's (a new note record): make the
 * widget with g_object_new (LIN_TYPE_ROSTER_HANDOVER, NULL) */
G_DECLARE_FINAL_TYPE (LinRosterHandover, lin_roster_handover, LIN, ROSTER_HANDOVER, GtkBox)

void       lin_roster_handover_set_shift  (LinRosterHandover *self,
                                           LinContext        *context,
                                           LinRoster         *roster,
                                           int                shift);

GtkWidget *lin_roster_handover_dialog_new (GtkWindow         *parent,
                                           LinContext        *context,
                                           LinRoster         *roster,
                                           int                shift);

G_END_DECLS
