/* lin-draft.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-store.h"

G_BEGIN_DECLS

#define LIN_DRAFT_DEFAULT_DELAY_MS 500

#define LIN_TYPE_DRAFT (lin_draft_get_type ())

G_DECLARE_FINAL_TYPE (LinDraft, lin_draft, LIN, DRAFT, GObject)

LinDraft  *lin_draft_new         (LinStore   *store,
                                  LinRecord  *record,
                                  guint       delay_ms);
LinRecord *lin_draft_get_record  (LinDraft   *self);
void       lin_draft_changed     (LinDraft   *self);
gboolean   lin_draft_get_pending (LinDraft   *self);
gboolean   lin_draft_flush       (LinDraft   *self,
                                  GError    **error);

G_END_DECLS
