/* lin-store-sync.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-store.h"

G_BEGIN_DECLS

/* A conflict copy: what lost a merge, or a risk assessment that differed.
 * An ordinary record (it syncs), so that every laptop shows it until a
 * person has looked. */
#define LIN_CONFLICT_KIND               "conflict"
#define LIN_CONFLICT_FIELD_RECORD       "record"       /* the record's id */
#define LIN_CONFLICT_FIELD_RECORD_KIND  "record_kind"
#define LIN_CONFLICT_FIELD_MEMBER       "field"        /* the field, or missing: the whole record */
#define LIN_CONFLICT_FIELD_VALUE        "value"        /* what lost, as JSON text; missing: removed */
#define LIN_CONFLICT_FIELD_WRITTEN      "written"      /* when the losing side wrote it: µs since 1970 */
#define LIN_CONFLICT_FIELD_REVIEW       "review"       /* true: a risk level or safety flag differed */
#define LIN_CONFLICT_FIELD_RESOLVED     "resolved"     /* true once a person has looked */
/* two roster assignments that collide (record: the one that arrived) */
#define LIN_CONFLICT_FIELD_COLLIDES     "collides"     /* the other assignment's id */
#define LIN_CONFLICT_FIELD_COLLISION    "collision"    /* lin_roster_collision_get_code() */

/* One revision waiting in the outbox, to push */
typedef struct
{
  gint64   seq;                               /* the first outbox row of the record */
  guint8   op_id[16];
  guint8   record_id[LIN_RECORD_ID_BYTES];
  guint64  base_revision;
  guint64  revision;
  GBytes  *envelope;                          /* as stored */
  GArray  *seqs;                              /* gint64: the rows it stands for */
} LinOutboxOp;

/* The outbox as one push reads it, page after page */
typedef struct _LinOutboxScan LinOutboxScan;

/* One revision pulled from the server, verified and opened */
typedef struct
{
  gint64             seq;
  LinEnvelopeHeader  header;
  GBytes            *envelope;                /* without the signature */
  LinRecord         *record;                  /* its fields (none for a tombstone) */
} LinChange;

typedef struct
{
  guint n_applied;    /* taken as they came */
  guint n_echoes;     /* this laptop's own, back from the server */
  guint n_merged;     /* met an edit of this laptop's not yet pushed */
  guint n_conflicts;  /* conflict copies made */
} LinApplyStats;

void        lin_outbox_op_free        (LinOutboxOp     *op);
void        lin_change_free           (LinChange       *change);

LinOutboxScan *lin_store_outbox_scan  (LinStore        *self,
                                       GError         **error);
GPtrArray  *lin_store_outbox_next     (LinStore        *self,
                                       LinOutboxScan   *scan,
                                       GHashTable      *skip,
                                       guint            max_ops,
                                       gsize            max_bytes,
                                       GError         **error);
void        lin_outbox_scan_free      (LinOutboxScan   *scan);
gboolean    lin_store_outbox_done     (LinStore        *self,
                                       GPtrArray       *ops,
                                       GError         **error);

gboolean    lin_store_holds_envelope  (LinStore        *self,
                                       GBytes          *envelope);
gboolean    lin_store_has_key         (LinStore        *self,
                                       guint32          epoch);
LinChange  *lin_store_open_change     (LinStore        *self,
                                       gint64           seq,
                                       GBytes          *envelope,
                                       GError         **error);
gboolean    lin_store_apply_changes   (LinStore        *self,
                                       GPtrArray       *changes,
                                       const char      *cursor_name,
                                       gint64           cursor,
                                       LinApplyStats   *stats,
                                       GError         **error);
gint64      lin_store_get_cursor      (LinStore        *self,
                                       const char      *cursor_name);

GPtrArray  *lin_store_dup_keys        (LinStore        *self,
                                       GArray         **epochs);
gboolean    lin_store_adopt_keys      (LinStore        *self,
                                       const guint32   *epochs,
                                       LinKey         **keys,
                                       guint            n_keys,
                                       GError         **error);
gboolean    lin_store_get_joined      (LinStore        *self);
gboolean    lin_store_set_joined      (LinStore        *self,
                                       GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinOutboxOp, lin_outbox_op_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinOutboxScan, lin_outbox_scan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinChange, lin_change_free)

G_END_DECLS
