/* lin-call-details.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-store.h"

G_BEGIN_DECLS

#define LIN_TYPE_CALL_DETAILS (lin_call_details_get_type ())

G_DECLARE_FINAL_TYPE (LinCallDetails, lin_call_details, LIN, CALL_DETAILS, AdwBin)

void        lin_call_details_set_store     (LinCallDetails *self,
                                            LinStore       *store);
LinRecord  *lin_call_details_get_call      (LinCallDetails *self);
void        lin_call_details_set_call      (LinCallDetails *self,
                                            LinRecord      *call);
void        lin_call_details_set_show_back (LinCallDetails *self,
                                            gboolean        show_back);
const char *lin_call_details_get_mode      (LinCallDetails *self);
void        lin_call_details_set_mode      (LinCallDetails *self,
                                            const char     *mode);
gboolean    lin_call_details_show_version  (LinCallDetails *self,
                                            guint64         revision);
LinRecord  *lin_call_details_add_note      (LinCallDetails *self,
                                            const char     *text,
                                            GError        **error);

G_END_DECLS
