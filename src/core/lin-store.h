/* lin-store.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lin-record.h"
#include "lin-vault.h"

G_BEGIN_DECLS

#define LIN_STORE_SCHEMA_VERSION 3

#define LIN_TYPE_STORE (lin_store_get_type ())

G_DECLARE_FINAL_TYPE (LinStore, lin_store, LIN, STORE, GObject)

LinStore   *lin_store_open            (LinVault     *vault,
                                       const char   *db_path,
                                       gboolean      create,
                                       GError      **error);
GThread    *lin_store_prepare_memory  (const char   *db_path);
void        lin_store_close           (LinStore     *self);
gboolean    lin_store_is_open         (LinStore     *self);
LinVault   *lin_store_get_vault       (LinStore     *self);

gboolean    lin_store_save            (LinStore     *self,
                                       LinRecord    *record,
                                       GError      **error);
gboolean    lin_store_save_all        (LinStore     *self,
                                       GPtrArray    *records,
                                       GError      **error);
gboolean    lin_store_delete          (LinStore     *self,
                                       LinRecord    *record,
                                       GError      **error);
LinRecord  *lin_store_get             (LinStore     *self,
                                       const char   *id);
GPtrArray  *lin_store_list            (LinStore     *self,
                                       const char   *kind);
guint       lin_store_get_n_records   (LinStore     *self);
guint       lin_store_get_n_outbox    (LinStore     *self);
guint32     lin_store_get_key_epoch   (LinStore     *self);
gboolean    lin_store_rotate_key      (LinStore     *self,
                                       GError      **error);
gboolean    lin_store_verify          (LinStore     *self,
                                       guint        *n_envelopes,
                                       GError      **error);
gboolean    lin_store_checkpoint      (LinStore     *self,
                                       GError      **error);
GPtrArray  *lin_store_list_revisions  (LinStore     *self,
                                       const char   *id,
                                       GError      **error);
GPtrArray  *lin_store_dup_envelopes   (LinStore     *self,
                                       const char   *id);

G_END_DECLS
