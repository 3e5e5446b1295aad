/* lin-call-log-view.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-store.h"

G_BEGIN_DECLS

#define LIN_TYPE_CALL_LOG_VIEW (lin_call_log_view_get_type ())

G_DECLARE_FINAL_TYPE (LinCallLogView, lin_call_log_view, LIN, CALL_LOG_VIEW, AdwBin)

LinStore   *lin_call_log_view_get_store      (LinCallLogView *self);
void        lin_call_log_view_set_store      (LinCallLogView *self,
                                              LinStore       *store);
GListModel *lin_call_log_view_get_model      (LinCallLogView *self);
guint       lin_call_log_view_get_n_overdue  (LinCallLogView *self);
void        lin_call_log_view_show_call      (LinCallLogView *self,
                                              LinRecord      *call);
void        lin_call_log_view_show_pane      (LinCallLogView *self,
                                              const char     *name);

G_END_DECLS
