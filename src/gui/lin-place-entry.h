/* lin-place-entry.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIN_TYPE_PLACE_ENTRY (lin_place_entry_get_type ())

G_DECLARE_FINAL_TYPE (LinPlaceEntry, lin_place_entry, LIN, PLACE_ENTRY, GtkWidget)

GtkWidget  *lin_place_entry_new          (const char    *title);
GtkWidget  *lin_place_entry_get_entry    (LinPlaceEntry *self);
const char *lin_place_entry_get_code     (LinPlaceEntry *self);
const char *lin_place_entry_get_district (LinPlaceEntry *self);
void        lin_place_entry_set_code     (LinPlaceEntry *self,
                                          const char    *code);
char       *lin_place_entry_dup_display  (LinPlaceEntry *self);

G_END_DECLS
