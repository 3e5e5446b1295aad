/* lin-roster-export.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-roster.h"

G_BEGIN_DECLS

GtkWidget *lin_roster_export_calendar         (GtkWindow   *parent,
                                               LinRoster   *roster,
                                               int          person);
gboolean   lin_roster_export_calendar_to_file (LinRoster   *roster,
                                               const char  *person_id,
                                               const char  *line_id,
                                               GFile       *file,
                                               GError     **error);

G_END_DECLS
