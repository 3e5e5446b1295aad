/* lin-server-db-private.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What lin-server-db.c (organisations, codes, devices) and
 * lin-server-log.c (the collections' logs) share.
 */

#pragma once

#include <sqlite3.h>

#include "lin-server-db.h"

G_BEGIN_DECLS

struct _LinServerDb
{
  GObject  parent_instance;

  /* Owned */
  sqlite3 *db;
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* An enrolment code's secret, and an organisation pin: base32 digits */

gboolean      lin_server_db_set_error  (LinServerDb   *self,
                                        GError       **error,
                                        const char    *what);
gboolean      lin_server_db_exec       (LinServerDb   *self,
                                        const char    *sql,
                                        GError       **error);
void          lin_server_db_rollback   (LinServerDb   *self);
sqlite3_stmt *lin_server_db_prepare    (LinServerDb   *self,
                                        const char    *sql,
                                        GError       **error);
void          lin_server_db_bind_text  (sqlite3_stmt  *stmt,
                                        int            i,
                                        const char    *text);
gboolean      lin_server_db_step_done  (LinServerDb   *self,
                                        sqlite3_stmt  *stmt,
                                        const char    *what,
                                        GError       **error);
char         *lin_server_db_dup_column    (sqlite3_stmt  *stmt,
                                           int            i);
char         *lin_server_db_random_id     (void);
gboolean      lin_server_db_org_exists    (LinServerDb   *self,
                                           const char    *org_id);
void          lin_server_code_hash        (const char    *digits,
                                           guint8        *hash);

G_END_DECLS
