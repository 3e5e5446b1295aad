/* lin-directory-csv.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-record.h"

G_BEGIN_DECLS

/* the longest field a row may hold, in bytes */
#define LIN_DIRECTORY_CSV_FIELD_MAX (16 * 1024)

typedef struct
{
  guint  line;     /* 1: the header */
  char  *message;  /* translated */
} LinCsvProblem;

void       lin_csv_problem_free        (LinCsvProblem *problem);

GPtrArray *lin_directory_csv_read      (const char    *data,
                                        gsize          len,
                                        GPtrArray    **problems);
char      *lin_directory_csv_write     (GPtrArray     *services);
const char * const *lin_directory_csv_get_columns (void);
char      *lin_directory_csv_read_field (const char  *column,
                                        const char  *text,
                                        JsonObject  *fields);
gboolean   lin_directory_csv_is_phone_number (const char *text);

G_END_DECLS
