/* lin-roster-test-utils.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-roster.h"

G_BEGIN_DECLS

void        lin_roster_test_set_strings (JsonObject         *fields,
                                         const char         *member,
                                         const char * const *values);
LinRecord  *lin_roster_test_person      (GPtrArray          *records,
                                         const char         *alias,
                                         const char * const *skills);
LinRecord  *lin_roster_test_line        (GPtrArray          *records,
                                         const char         *name,
                                         const char * const *skills);
LinRecord  *lin_roster_test_shift       (GPtrArray          *records,
                                         LinRecord          *line,
                                         const char         *start,
                                         const char         *end,
                                         guint               required);

void        lin_roster_test_add_all     (GPtrArray          *records,
                                         GPtrArray          *more);

G_END_DECLS
