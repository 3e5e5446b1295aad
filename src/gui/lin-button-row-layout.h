/* lin-button-row-layout.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIN_TYPE_BUTTON_ROW_LAYOUT (lin_button_row_layout_get_type ())

G_DECLARE_FINAL_TYPE (LinButtonRowLayout, lin_button_row_layout, LIN, BUTTON_ROW_LAYOUT, GtkLayoutManager)

GtkLayoutManager *lin_button_row_layout_new (int spacing);

G_END_DECLS
