/* lin-test-utils.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lin-context.h"

G_BEGIN_DECLS

void       lin_test_init            (int       *argc,
                                     char    ***argv);
void       lin_test_spin            (guint      ms);
GtkWidget *lin_test_find_descendant (GtkWidget *widget,
                                     GType      type);
GtkWidget *lin_test_find_named      (GtkWidget  *widget,
                                     const char *name);
void       lin_test_type            (GtkWidget  *editable,
                                     const char *text);
gboolean   lin_test_press           (GtkWidget  *window,
                                     const char *accelerator);
void       lin_test_type_focused    (GtkWidget  *window,
                                     const char *text);

typedef gboolean (*LinTestCondition) (gpointer data);

gboolean   lin_test_wait_for        (LinTestCondition condition,
                                     gpointer         data,
                                     guint            timeout_ms);
GPtrArray *lin_test_collect_texts   (GtkWidget  *widget);
char      *lin_test_any_text_contains (const char *needle);
char      *lin_test_clipboard_text  (GdkClipboard *clipboard);
GtkWindow *lin_test_find_toplevel   (GType       type);
GtkWidget *lin_test_application_window (GtkApplication *app,
                                        GType           type);
GtkWidget *lin_test_named           (GtkWidget  *root,
                                     const char *name);
void       lin_test_key             (GtkWidget  *window,
                                     const char *accelerator);
char      *lin_test_create_profile  (LinContext *context,
                                     const char *name,
                                     const char *passphrase);

G_END_DECLS
