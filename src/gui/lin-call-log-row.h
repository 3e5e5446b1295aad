/* lin-call-log-row.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lin-risk.h"

G_BEGIN_DECLS

#define LIN_TYPE_CALL_LOG_ROW (lin_call_log_row_get_type ())

G_DECLARE_FINAL_TYPE (LinCallLogRow, lin_call_log_row, LIN, CALL_LOG_ROW, GtkWidget)

GtkWidget  *lin_call_log_row_new      (void);
void        lin_call_log_row_set      (LinCallLogRow *self,
                                       const char    *markup,
                                       const char    *text,
                                       LinRiskLevel   risk);
void        lin_call_log_row_set_later (LinCallLogRow *self,
                                        guint          n_lines,
                                        const char    *label);
const char *lin_call_log_row_get_text (LinCallLogRow *self);

G_END_DECLS
