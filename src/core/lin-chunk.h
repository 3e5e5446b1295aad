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

LinChunk *lin_chunk_new   (gsize     size);
LinChunk *lin_chunk_ref   (LinChunk *self);
void      lin_chunk_unref (LinChunk *self);
gpointer  lin_chunk_alloc (LinChunk *self,
                           gsize     size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinChunk, lin_chunk_unref)

G_END_DECLS
