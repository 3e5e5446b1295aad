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

G_END_DECLS
