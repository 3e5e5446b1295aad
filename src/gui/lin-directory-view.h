/* lin-directory-view.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"
#include "lin-service-details.h"
#include "lin-service-search.h"

G_BEGIN_DECLS

#define LIN_TYPE_DIRECTORY_VIEW (lin_directory_view_get_type ())

G_DECLARE_FINAL_TYPE (LinDirectoryView, lin_directory_view, LIN, DIRECTORY_VIEW, AdwBin)

void               lin_directory_view_set_context (LinDirectoryView *self,
                                                   LinContext       *context);
LinServiceSearch  *lin_directory_view_get_search  (LinDirectoryView *self);
LinServiceDetails *lin_directory_view_get_details (LinDirectoryView *self);
GtkWidget         *lin_directory_view_import_file (LinDirectoryView *self,
                                                   GFile            *file);
gboolean           lin_directory_view_export_file (LinDirectoryView *self,
                                                   GFile            *file,
                                                   GError          **error);

G_END_DECLS
