/* lin-data-private.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the loaders of the core's data files (code lists, risk checklists)
 * share: the core's resources, and reading JSON members with an error that
 * says which file, entry and member is wrong.
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Below /io/github/linija/Linija/core/ in the core's own resource */
GBytes      *lin_data_lookup          (const char  *path,
                                       GError     **error);
/* The file names in a folder of it, sorted; never NULL */
char       **lin_data_list            (const char  *folder);

/* Sets @error (printf-style message) and returns FALSE */
gboolean     lin_data_fail            (GError     **error,
                                       GQuark       domain,
                                       int          code,
                                       const char  *format,
                                       ...) G_GNUC_PRINTF (4, 5);

/* [a-z0-9-]+: what a stored code may be */
gboolean     lin_data_is_code         (const char  *text);

/* The root object of @json, or NULL with @error set */
JsonObject  *lin_data_parse_object    (const char  *json,
                                       gssize       len,
                                       GQuark       domain,
                                       int          code,
                                       GError     **error);

/* @where names the entry for the message ("item 3"), NULL for the root.
 * A missing member is an error unless the getter takes a default. */
const char  *lin_data_get_string      (JsonObject  *object,
                                       const char  *member,
                                       const char  *where,
                                       GQuark       domain,
                                       int          code,
                                       GError     **error);
const char  *lin_data_get_code        (JsonObject  *object,
                                       const char  *member,
                                       const char  *where,
                                       GQuark       domain,
                                       int          code,
                                       GError     **error);
gboolean     lin_data_get_uint        (JsonObject  *object,
                                       const char  *member,
                                       const char  *where,
                                       guint        max,
                                       guint       *value,
                                       GQuark       domain,
                                       int          code,
                                       GError     **error);
gboolean     lin_data_get_boolean     (JsonObject  *object,
                                       const char  *member,
                                       const char  *where,
                                       gboolean     default_value,
                                       gboolean    *value,
                                       GQuark       domain,
                                       int          code,
                                       GError     **error);
gboolean     lin_data_get_array       (JsonObject  *object,
                                       const char  *member,
                                       const char  *where,
                                       gboolean     optional,
                                       JsonArray  **array,
                                       GQuark       domain,
                                       int          code,
                                       GError     **error);
JsonObject  *lin_data_get_element     (JsonArray   *array,
                                       guint        i,
                                       const char  *what,
                                       GQuark       domain,
                                       int          code,
                                       GError     **error);

G_END_DECLS
