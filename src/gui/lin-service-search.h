/* lin-service-search.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lin-context.h"

G_BEGIN_DECLS

#define LIN_TYPE_SERVICE_SEARCH (lin_service_search_get_type ())

G_DECLARE_FINAL_TYPE (LinServiceSearch, lin_service_search, LIN, SERVICE_SEARCH, GtkWidget)

GtkWidget  *lin_service_search_new              (gboolean          compact);
void        lin_service_search_set_context      (LinServiceSearch *self,
                                                 LinContext       *context);
void        lin_service_search_set_municipality (LinServiceSearch *self,
                                                 const char       *code);
GtkWidget  *lin_service_search_get_entry        (LinServiceSearch *self);
LinRecord  *lin_service_search_get_selected     (LinServiceSearch *self);
void        lin_service_search_select           (LinServiceSearch *self,
                                                 LinRecord        *service);
guint       lin_service_search_get_n_results    (LinServiceSearch *self);
LinRecord  *lin_service_search_get_result       (LinServiceSearch *self,
                                                 guint             position);
void        lin_service_search_refresh          (LinServiceSearch *self);
void        lin_service_search_clear            (LinServiceSearch *self);

G_END_DECLS
