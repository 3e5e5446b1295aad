/* lin-call-ui.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the call log, the call details and the follow-up queue show alike:
 * times as a person reads them, the risk badge.
 */

#pragma once

#include <adwaita.h>

#include "lin-call.h"

G_BEGIN_DECLS

char       *lin_call_ui_time       (const char   *iso8601);
GDateTime  *lin_call_ui_parse_due  (const char   *date,
                                    const char   *time);
void        lin_call_ui_due_examples (GtkWidget *date_entry,
                                      GtkWidget *time_entry);
const char *lin_call_ui_place      (const char   *code);
const char *lin_call_ui_risk_label (LinRiskLevel  level);

G_END_DECLS
