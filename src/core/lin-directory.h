/* lin-directory.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-record.h"

G_BEGIN_DECLS

/* The service record (kind "service"): the fields search reads */
#define LIN_SERVICE_KIND                 "service"
#define LIN_SERVICE_FIELD_NAME           "name"
#define LIN_SERVICE_FIELD_ORGANISATION   "organisation"
#define LIN_SERVICE_FIELD_TYPE           "service_type"
#define LIN_SERVICE_FIELD_MUNICIPALITY   "municipality"
#define LIN_SERVICE_FIELD_DISTRICT       "district"
#define LIN_SERVICE_FIELD_HOURS          "hours"
#define LIN_SERVICE_FIELD_LANGUAGES      "languages"
#define LIN_SERVICE_FIELD_ACCESSIBILITY  "accessibility"
#define LIN_SERVICE_FIELD_HOLIDAYS_CLOSED "holidays_closed"

typedef struct
{
  const char *service_type;   /* a code of "service-type"; NULL: any */
  const char *district;       /* ISO 3166-2:RS; NULL: any */
  const char *municipality;   /* a place code (a city's includes its city
                               * municipalities); NULL: any */
  const char *language;       /* a code of "language"; NULL: any */
  const char *accessibility;  /* a code of "accessibility"; NULL: any */
  gboolean    always_open;    /* 24/7 only */
  GDateTime  *open_at;        /* open at this instant only (public holidays
                               * count for those closed on them); NULL: any time */
} LinDirectoryFilter;

typedef struct _LinDirectory LinDirectory;

LinDirectory *lin_directory_new         (GPtrArray                *services);
void          lin_directory_free        (LinDirectory             *self);
guint         lin_directory_get_n_services (LinDirectory          *self);
char         *lin_directory_dup_service_words (LinRecord        *service);
GPtrArray    *lin_directory_search      (LinDirectory             *self,
                                         const char               *query,
                                         const LinDirectoryFilter *filter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinDirectory, lin_directory_free)

G_END_DECLS
