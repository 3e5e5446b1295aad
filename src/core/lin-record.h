/* lin-record.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "lin-chunk.h"
#include "lin-envelope.h"

G_BEGIN_DECLS

#define LIN_RECORD_PAYLOAD_VERSION 1
#define LIN_RECORD_KIND_MAX 32

#define LIN_TYPE_RECORD (lin_record_get_type ())

G_DECLARE_FINAL_TYPE (LinRecord, lin_record, LIN, RECORD, GObject)

/* Where the text of records that the working set does not keep lies: the
 * store. @read returns a copy of the payload of revision @revision of the
 * record @id; it is called with the source's lock held, on any thread. */
typedef struct _LinRecordSource LinRecordSource;
typedef guint8 *(*LinRecordReadFunc) (gpointer       data,
                                      const guint8  *id,
                                      guint64        revision,
                                      gsize         *len,
                                      GError       **error);

LinRecordSource *lin_record_source_new   (LinRecordReadFunc  read,
                                          gpointer           data);
LinRecordSource *lin_record_source_ref   (LinRecordSource   *self);
void             lin_record_source_unref (LinRecordSource   *self);
void             lin_record_source_close (LinRecordSource   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinRecordSource, lin_record_source_unref)

LinRecord    *lin_record_new              (const char         *kind);
void          lin_record_prepare          (guint               n);
LinRecord    *lin_record_new_from_payload (const LinEnvelopeHeader *header,
                                           const guint8       *payload,
                                           gsize               len,
                                           LinChunk           *chunk,
                                           GError            **error);
LinRecord    *lin_record_new_on_disk      (const LinEnvelopeHeader *header,
                                           const guint8       *payload,
                                           gsize               len,
                                           LinRecordSource    *source,
                                           GError            **error);
GBytes       *lin_record_serialize        (LinRecord          *self);
gboolean      lin_record_kind_is_valid    (const char         *kind);
gboolean      lin_record_id_from_string   (const char         *str,
                                           guint8             *id);
guint         lin_record_id_hash          (gconstpointer       id);
gboolean      lin_record_id_equal         (gconstpointer       a,
                                           gconstpointer       b);

const char   *lin_record_get_kind         (LinRecord          *self);
const guint8 *lin_record_get_id           (LinRecord          *self);
const char   *lin_record_get_id_string    (LinRecord          *self);
guint64       lin_record_get_revision     (LinRecord          *self);
guint64       lin_record_get_parent_revision (LinRecord       *self);
guint64       lin_record_get_hlc          (LinRecord          *self);
guint32       lin_record_get_key_epoch    (LinRecord          *self);
const guint8 *lin_record_get_author       (LinRecord          *self);
gboolean      lin_record_get_local        (LinRecord          *self);
void          lin_record_set_local        (LinRecord          *self,
                                           gboolean            local);
JsonObject   *lin_record_get_fields       (LinRecord          *self);
void          lin_record_set_fields       (LinRecord          *self,
                                           JsonObject         *fields);
const char   *lin_record_get_string       (LinRecord          *self,
                                           const char         *field);
void          lin_record_set_string       (LinRecord          *self,
                                           const char         *field,
                                           const char         *value);
char         *lin_record_dup_fields_json  (LinRecord          *self);
char         *lin_record_dup_unparsed_json (LinRecord         *self,
                                           gsize              *len);
JsonObject   *lin_record_peek_fields      (LinRecord          *self);
gboolean      lin_record_set_fields_json  (LinRecord          *self,
                                           const char         *json,
                                           GError            **error);
gboolean      lin_record_check_fields     (LinRecord          *self,
                                           GError            **error);
gboolean      lin_record_get_unreadable   (LinRecord          *self);

/* for LinStore */
void          lin_record_set_saved        (LinRecord          *self,
                                           const LinEnvelopeHeader *header);

G_END_DECLS
