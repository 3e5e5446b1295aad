/* lin-store-private.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store's insides, shared by its files: lin-store.c (open, save,
 * delete, load) and lin-store-sync.c (the outbox, pulled changes, the
 * organisation's keys).
 */

#pragma once

#include <sqlite3.h>

#include "lin-store.h"

G_BEGIN_DECLS

struct _LinStore
{
  GObject     parent_instance;

  /* Owned */
  LinVault   *vault;
  sqlite3    *db;
  char       *db_path;
  GHashTable *keys;     /* epoch → LinKey */
  GHashTable *records;  /* binary id (the record's own) → LinRecord */

  guint32     epoch;
  guint64     hlc_last;
  gint64      clock_skew_ms;  /* a laptop whose clock is off (tests) */

  /* prepared once, for the save path */
  sqlite3_stmt *stmts[16];

  /* Reading records' text again (read_payload), on any thread: the
   * source's lock lets one read at a time; @read_lock guards @read_keys,
   * copies of @keys that the main thread's own use of them (mprotect)
   * cannot race with */
  LinRecordSource *source;
  GMutex        read_lock;
  GHashTable   *read_keys;   /* epoch → LinKey, open for reading */
  GHashTable   *read_key_bytes; /* epoch → its bytes */
  sqlite3      *reader;
  sqlite3_stmt *read_stmt;
};

enum {
  STMT_INSERT_ENVELOPE,
  STMT_UPSERT_HEAD,
  STMT_DELETE_OLDER,
  STMT_INSERT_OUTBOX,
  STMT_DELETE_ENVELOPES,
  STMT_DELETE_OUTBOX,
  STMT_DELETE_HEAD,
  STMT_DELETE_OUTBOX_ROW,
  STMT_SELECT_ENVELOPE,
  STMT_SELECT_HEAD,
  STMT_DELETE_REVISION,
  STMT_SELECT_SYNCED,
  STMT_UPSERT_SYNCED,
  N_STMTS
};

gboolean       lin_store_sqlite_error   (GError                 **error,
                                         sqlite3                 *db,
                                         int                      rc,
                                         const char              *what);
gboolean       lin_store_exec           (LinStore                *self,
                                         const char              *sql,
                                         GError                 **error);
gboolean       lin_store_query_int      (LinStore                *self,
                                         const char              *sql,
                                         gint64                  *value,
                                         GError                 **error);
void           lin_store_rollback       (LinStore                *self);
LinKey        *lin_store_wrapping_key   (LinStore                *self,
                                         GError                 **error);
void           lin_store_collection_ad  (guint32                  epoch,
                                         guint8                  *ad);
void           lin_store_add_read_key   (LinStore                *self,
                                         guint32                  epoch,
                                         LinKey                  *key);
LinKey        *lin_store_key_for_epoch  (LinStore                *self,
                                         guint32                  epoch,
                                         GError                 **error);
gboolean       lin_store_check_open     (LinStore                *self,
                                         GError                 **error);
guint64        lin_store_next_hlc       (LinStore                *self);
gboolean       lin_store_step_done      (LinStore                *self,
                                         sqlite3_stmt            *stmt,
                                         const char              *what,
                                         GError                 **error);
sqlite3_stmt  *lin_store_cached         (LinStore                *self,
                                         guint                    which,
                                         GError                 **error);
sqlite3_stmt  *lin_store_prepare_stmt   (LinStore                *self,
                                         const char              *sql,
                                         GError                 **error);
gboolean       lin_store_write_revision (LinStore                *self,
                                         const LinEnvelopeHeader *header,
                                         GBytes                  *envelope,
                                         gboolean                 local,
                                         gboolean                 deleted,
                                         GError                 **error);
void           lin_store_fill_header    (LinStore                *self,
                                         LinRecord               *record,
                                         guint64                  base_revision,
                                         LinEnvelopeHeader       *header);
void           lin_store_set_clock_skew (LinStore                *self,
                                         gint64                   skew_ms);
void           lin_store_emit_changed   (LinStore                *self,
                                         LinRecord               *record);

/* lin-store-keys.c */
gboolean     lin_store_set_state          (LinStore                *self,
                                           const char              *name,
                                           gint64                   value,
                                           GError                 **error);
gint64       lin_store_get_state          (LinStore                *self,
                                           const char              *name);
gboolean     lin_store_insert_collection_key (LinStore             *self,
                                           LinKey                  *kwk,
                                           guint32                  epoch,
                                           LinKey                  *key,
                                           GError                 **error);

G_END_DECLS
