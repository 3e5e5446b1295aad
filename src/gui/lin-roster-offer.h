/* lin-roster-offer.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"

G_BEGIN_DECLS

#define LIN_TYPE_ROSTER_OFFER (lin_roster_offer_get_type ())

G_DECLARE_FINAL_TYPE (LinRosterOffer, lin_roster_offer, LIN, ROSTER_OFFER, AdwBin)

void lin_roster_offer_set_context (LinRosterOffer *self,
                                   LinContext     *context);
void lin_roster_offer_check       (LinRosterOffer *self,
                                   gint64          now);
int  lin_roster_offer_get_shift   (LinRosterOffer *self);

G_END_DECLS
