/* lin-follow-ups-view.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-store.h"

G_BEGIN_DECLS

#define LIN_TYPE_FOLLOW_UPS_VIEW (lin_follow_ups_view_get_type ())

G_DECLARE_FINAL_TYPE (LinFollowUpsView, lin_follow_ups_view, LIN, FOLLOW_UPS_VIEW, AdwBin)

void      lin_follow_ups_view_set_store     (LinFollowUpsView *self,
                                             LinStore         *store);
guint     lin_follow_ups_view_get_n_overdue (LinFollowUpsView *self);
void      lin_follow_ups_view_refresh       (LinFollowUpsView *self);
gboolean  lin_follow_ups_view_mark_done     (LinFollowUpsView *self,
                                             LinRecord        *follow_up,
                                             const char       *outcome,
                                             const char       *note,
                                             GError          **error);

G_END_DECLS
