/* lin-roster-ics.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-roster.h"

G_BEGIN_DECLS

char *lin_roster_export_ics (LinRoster   *roster,
                             const char  *person_id,
                             const char  *line_id,
                             GDateTime   *now,
                             GError     **error);

G_END_DECLS
