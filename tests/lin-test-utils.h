/* lin-test-utils.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       lin_test_init            (int       *argc,
                                     char    ***argv);
void       lin_test_spin            (guint      ms);
GtkWidget *lin_test_find_descendant (GtkWidget *widget,
                                     GType      type);

G_END_DECLS
