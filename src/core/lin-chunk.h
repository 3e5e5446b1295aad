/* lin-chunk.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LinChunk LinChunk;

/* the size of chunk that is pooled when freed: two huge pages */
#define LIN_CHUNK_POOLED (4 * 1024 * 1024)

LinChunk *lin_chunk_new     (gsize     size);
LinChunk *lin_chunk_ref     (LinChunk *self);
void      lin_chunk_unref   (LinChunk *self);
gpointer  lin_chunk_alloc   (LinChunk *self,
                             gsize     size);
void      lin_chunk_shrink  (LinChunk *self,
                             gpointer  p,
                             gsize     size,
                             gsize     new_size);
void      lin_chunk_reserve (gsize     n_bytes);
void      lin_chunk_trim_pool (void);
gsize     lin_chunk_get_pooled (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinChunk, lin_chunk_unref)

G_END_DECLS
