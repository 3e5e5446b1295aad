/* lin-merge.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A value that lost a merge: kept, so that no edit is dropped silently */
typedef struct
{
  char     *member;   /* the field */
  JsonNode *value;    /* what lost, or NULL: the field was removed */
  guint64   hlc;      /* when the losing side wrote it */
} LinMergeLoss;

typedef struct
{
  JsonObject *fields;   /* the merged fields */
  GPtrArray  *losses;   /* of LinMergeLoss */
  gboolean    review;   /* a risk level or a safety flag differed: a person looks */
} LinMergeResult;

LinMergeResult *lin_merge_fields         (const char     *kind,
                                          JsonObject     *base,
                                          JsonObject     *ours,
                                          guint64         our_hlc,
                                          JsonObject     *theirs,
                                          guint64         their_hlc);
void            lin_merge_result_free    (LinMergeResult *result);

gboolean        lin_merge_keep_deleted   (gboolean        ours_deleted,
                                          gboolean        ours_edited,
                                          gboolean        theirs_deleted,
                                          gboolean        theirs_edited);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinMergeResult, lin_merge_result_free)

G_END_DECLS
