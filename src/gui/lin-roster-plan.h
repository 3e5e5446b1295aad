/* lin-roster-plan.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"
#include "lin-roster-fill.h"

G_BEGIN_DECLS

GtkWidget *lin_roster_make_dialog_new (GtkWindow   *parent,
                                       LinContext  *context,
                                       LinRoster   *roster,
                                       const GDate *monday,
                                       const GDate *month,
                                       gboolean     prefer_month);
GtkWidget *lin_roster_fill_dialog_new (GtkWindow     *parent,
                                       LinRoster     *roster,
                                       LinRosterFill *fill,
                                       gboolean       month);

G_END_DECLS
