/* lin-service-ui.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  LIN_SERVICE_OPEN_UNKNOWN,   /* no hours, or hours not readable */
  LIN_SERVICE_OPEN_ALWAYS,
  LIN_SERVICE_OPEN_NOW,
  LIN_SERVICE_CLOSED_NOW,
  LIN_SERVICE_CLOSED_HOLIDAY,
} LinServiceOpen;

/* how long an entry's check holds before the directory flags it */
#define LIN_SERVICE_VERIFIED_DAYS 365

char          *lin_service_ui_place        (JsonObject *fields);
const char    *lin_service_ui_type         (JsonObject *fields);
LinServiceOpen lin_service_ui_open         (JsonObject *fields,
                                            GDateTime  *now);
const char    *lin_service_ui_open_label   (LinServiceOpen open);
gboolean       lin_service_ui_parse_date   (const char *text,
                                            GDate      *date);
gboolean       lin_service_ui_is_stale     (JsonObject *fields,
                                            GDateTime  *now);
char          *lin_service_ui_subtitle     (JsonObject *fields,
                                            GDateTime  *now);

G_END_DECLS
