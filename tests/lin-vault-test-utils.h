/* lin-vault-test-utils.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "lin-profile.h"

G_BEGIN_DECLS

#define LIN_VAULT_TEST_PASSPHRASE "correct horse battery staple"

void        lin_vault_test_init            (void);
char       *lin_vault_test_make_tmp        (const char    *what);
void        lin_vault_test_rm_rf           (const char    *path);
GBytes     *lin_vault_test_read            (const char    *path);
void        lin_vault_test_write           (const char    *path,
                                            const void    *data,
                                            gsize          len);
void        lin_vault_test_copy_file       (const char    *from,
                                            const char    *to);
char       *lin_vault_test_fixture         (const char    *first,
                                            ...) G_GNUC_NULL_TERMINATED;
char       *lin_vault_test_snapshot_tree   (const char    *dir);
GPtrArray  *lin_vault_test_list_tree       (const char    *dir);
gsize       lin_vault_test_count           (const guint8  *haystack,
                                            gsize          haystack_len,
                                            const guint8  *needle,
                                            gsize          needle_len);
gsize       lin_vault_test_count_in_tree   (const char    *dir,
                                            const guint8  *needle,
                                            gsize          needle_len,
                                            GString       *where);
char       *lin_vault_test_create_profile  (const char    *data_dir,
                                            const char    *name);

sqlite3    *lin_vault_test_sqlite_open     (const char    *path);
gint64      lin_vault_test_sqlite_int      (sqlite3       *db,
                                            const char    *sql);
void        lin_vault_test_sqlite_exec     (sqlite3       *db,
                                            const char    *sql);
GBytes     *lin_vault_test_sqlite_blob     (sqlite3       *db,
                                            const char    *sql,
                                            const guint8  *id,
                                            gint64         revision);
void        lin_vault_test_sqlite_set_blob (sqlite3       *db,
                                            const char    *sql,
                                            GBytes        *blob,
                                            const guint8  *id,
                                            gint64         revision);

LinKey     *lin_vault_test_collection_key  (LinVault      *vault,
                                            const char    *db_path,
                                            guint32        epoch);

G_END_DECLS
