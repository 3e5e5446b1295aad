/* lin-places.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Serbia's districts (upravni okruzi, and the City of Belgrade) and its
 * cities, municipalities and city municipalities, from data/places/rs.json
 * in the core's resources. Records store the codes: "RS-20" (a district,
 * its ISO 3166-2 code), "rs-nis" (a city), "rs-aleksinac" (a
 * municipality), "rs-nis-medijana" (a city municipality).
 *
 * Names are held in Serbian Cyrillic; the Latin ones are made by the
 * transliterator, so the two never disagree.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LinPlace LinPlace;

typedef enum
{
  LIN_PLACE_DISTRICT,
  LIN_PLACE_CITY,
  LIN_PLACE_MUNICIPALITY,
  LIN_PLACE_CITY_MUNICIPALITY,
} LinPlaceKind;

/* Every place, loaded once, alive until the process ends */
const LinPlace *lin_places_lookup          (const char     *code);
GPtrArray      *lin_places_districts       (void);
GPtrArray      *lin_places_municipalities  (const char     *district);
GPtrArray      *lin_places_search          (const char     *query,
                                            guint           max);
gboolean        lin_places_use_latin       (void);

const char     *lin_place_get_code         (const LinPlace *self);
LinPlaceKind    lin_place_get_kind         (const LinPlace *self);
const char     *lin_place_get_district     (const LinPlace *self);
const LinPlace *lin_place_get_city         (const LinPlace *self);
const char     *lin_place_get_name         (const LinPlace *self,
                                            gboolean        latin);

G_END_DECLS
