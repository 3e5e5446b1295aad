/* lin-roster-details.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"
#include "lin-roster.h"

G_BEGIN_DECLS

#define LIN_TYPE_ROSTER_DETAILS (lin_roster_details_get_type ())

G_DECLARE_FINAL_TYPE (LinRosterDetails, lin_roster_details, LIN, ROSTER_DETAILS, AdwBin)

GtkWidget *lin_roster_details_new          (void);
void       lin_roster_details_set_context  (LinRosterDetails *self,
                                            LinContext       *context);
void       lin_roster_details_show         (LinRosterDetails *self,
                                            LinRoster        *roster,
                                            GArray           *violations,
                                            int               shift,
                                            gint64            from,
                                            gint64            to);
void       lin_roster_details_assign       (LinRosterDetails *self,
                                            int               person);

char      *lin_roster_details_format_shift (LinRoster        *roster,
                                            int               s);

G_END_DECLS
