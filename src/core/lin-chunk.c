/* lin-chunk.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One block of memory that many records' plaintext shares, filled front to
 * back and freed when the last of them lets go. Unlock makes 100,000
 * records at once; with a malloc() each, the kernel maps their pages one
 * fault at a time, and on the CI machine that costs more than decrypting
 * them (0.3 s against 0.07 s for 110 MiB, measured). A large chunk is
 * aligned for and asks for transparent huge pages: one fault and one TLB
 * entry per 2 MiB. A small one asks for all its pages in one call
 * (MADV_POPULATE_WRITE, Linux 5.14). Where either is missing, the pages
 * come one by one as before.
 *
 * A holder wipes its own piece when done with it; the whole block is
 * wiped again before it is freed. The count of holders is atomic: records
 * are made on the loading threads and dropped on the main one.
 *
 * Even on huge pages the kernel must zero every new page, and on the CI
 * machine that was a sixth of unlock (0.05 s of 0.3 s). So blocks of
 * exactly LIN_CHUNK_POOLED bytes are not returned to the system when
 * freed: wiped, they wait in a pool for the next unlock (a counsellor
 * locks and unlocks many times a day), and lin_chunk_reserve() fills the
 * pool ahead of the first one, on the processor that the Argon2id second
 * leaves idle (lin_store_prepare_memory). The pool holds no plaintext:
 * only wiped blocks enter it. What the load leaves in it goes back to the
 * system (lin_chunk_trim_pool): it would only weigh on her memory.
 */

#include "config.h"

#include <sodium.h>
#include <string.h>
#include <sys/mman.h>

#include "lin-chunk.h"

#define HUGE_PAGE (2 * 1024 * 1024)

/* at most this much wiped memory waits in the pool */
#define POOL_MAX_BYTES ((gsize)512 * 1024 * 1024)

G_STATIC_ASSERT (LIN_CHUNK_POOLED % HUGE_PAGE == 0);

struct _LinChunk
{
  gatomicrefcount ref_count;
  gboolean        aligned;
  gsize           size;
  gsize           used;
  guint8         *data;
};

static GMutex     pool_lock;
static GPtrArray *pool;  /* of wiped blocks of LIN_CHUNK_POOLED bytes */

static guint8 *
pool_take (void)
{
  guint8 *data = NULL;

  g_mutex_lock (&pool_lock);
  if (pool != NULL && pool->len > 0)
    data = g_ptr_array_steal_index_fast (pool, pool->len - 1);
  g_mutex_unlock (&pool_lock);

  return data;
}

/* Takes @data, wiped, into the pool; FALSE when the pool is full */
static gboolean
pool_give (guint8 *data)
{
  gboolean taken = FALSE;

  g_mutex_lock (&pool_lock);
  if (pool == NULL)
    pool = g_ptr_array_new ();
  if ((pool->len + 1) * (gsize)LIN_CHUNK_POOLED <= POOL_MAX_BYTES)
    {
      g_ptr_array_add (pool, data);
      taken = TRUE;
    }
  g_mutex_unlock (&pool_lock);

  return taken;
}

/* Large blocks are mapped and unmapped directly, not through malloc():
 * what is freed goes back to the system at once (malloc would keep blocks
 * of a few MiB in its heap once its mmap threshold has risen past them) */
static guint8 *
huge_alloc (gsize size)
{
  guint8 *map, *data;
  gsize head;

  map = mmap (NULL, size + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (map == MAP_FAILED)
    g_error ("Out of memory: %" G_GSIZE_FORMAT " bytes", size);

  /* aligned to a huge page; the rest unmapped */
  data = (guint8 *)(((guintptr)map + HUGE_PAGE - 1) & ~(guintptr)(HUGE_PAGE - 1));
  head = data - map;
  if (head > 0)
    munmap (map, head);
  munmap (data + size, HUGE_PAGE - head);

#ifdef MADV_HUGEPAGE
  /* a hint: failure only means small pages */
  (void)madvise (data, size, MADV_HUGEPAGE);
#endif

  return data;
}

static void
huge_free (guint8 *data,
           gsize   size)
{
  munmap (data, size);
}

/**
 * lin_chunk_new:
 * @size: how many bytes it holds
 *
 * Returns: (transfer full): a chunk of @size bytes, nothing used yet
 */
LinChunk *
lin_chunk_new (gsize size)
{
  LinChunk *self = g_new0 (LinChunk, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->size = MAX (size, 1);

  if (self->size >= HUGE_PAGE)
    {
      self->size = (self->size + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
      self->aligned = TRUE;
      if (self->size == LIN_CHUNK_POOLED)
        self->data = pool_take ();
      if (self->data == NULL)
        self->data = huge_alloc (self->size);
      return self;
    }

  self->data = g_malloc (self->size);

#ifdef MADV_POPULATE_WRITE
  {
    gsize page = 4096;
    guintptr start = ((guintptr)self->data + page - 1) & ~(guintptr)(page - 1);
    guintptr end = ((guintptr)self->data + self->size) & ~(guintptr)(page - 1);

    /* a hint: failure only means the pages come one by one */
    if (end > start)
      (void)madvise ((void *)start, end - start, MADV_POPULATE_WRITE);
  }
#endif

  return self;
}

LinChunk *
lin_chunk_ref (LinChunk *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lin_chunk_unref (LinChunk *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      sodium_memzero (self->data, self->used);
      if (self->aligned && (self->size != LIN_CHUNK_POOLED || !pool_give (self->data)))
        huge_free (self->data, self->size);
      else if (!self->aligned)
        g_free (self->data);
      g_free (self);
    }
}

/**
 * lin_chunk_alloc:
 * @self: a #LinChunk
 * @size: how many bytes
 *
 * Takes the next @size bytes. Not thread-safe: one thread fills a chunk.
 *
 * Returns: (nullable): the bytes, or %NULL when fewer than @size are left
 */
gpointer
lin_chunk_alloc (LinChunk *self,
                 gsize     size)
{
  gpointer p;

  g_return_val_if_fail (self != NULL, NULL);

  if (size > self->size - self->used)
    return NULL;

  p = self->data + self->used;
  self->used += size;
  return p;
}

/**
 * lin_chunk_shrink:
 * @self: a #LinChunk
 * @p: what lin_chunk_alloc() returned last
 * @size: the size it was asked for
 * @new_size: the size needed after all, at most @size
 *
 * Gives the end of the last piece back, for the next one.
 */
void
lin_chunk_shrink (LinChunk *self,
                  gpointer  p,
                  gsize     size,
                  gsize     new_size)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (new_size <= size);
  g_return_if_fail ((guint8 *)p + size == self->data + self->used);

  self->used -= size - new_size;
}

/**
 * lin_chunk_reserve:
 * @n_bytes: how much the next chunks of LIN_CHUNK_POOLED bytes will need
 *
 * Fills the pool up to @n_bytes with blocks whose pages are there
 * already. Unlock calls it on a thread of its own while Argon2id keeps
 * the other processor busy.
 */
void
lin_chunk_reserve (gsize n_bytes)
{
  gsize n_have, n_want;

  n_want = MIN (n_bytes, POOL_MAX_BYTES) / LIN_CHUNK_POOLED;
  g_mutex_lock (&pool_lock);
  n_have = pool != NULL ? pool->len : 0;
  g_mutex_unlock (&pool_lock);

  for (gsize i = n_have; i < n_want; i++)
    {
      guint8 *block = huge_alloc (LIN_CHUNK_POOLED);

#ifdef MADV_POPULATE_WRITE
      if (madvise (block, LIN_CHUNK_POOLED, MADV_POPULATE_WRITE) != 0)
#endif
        memset (block, 0, LIN_CHUNK_POOLED);

      if (!pool_give (block))
        {
          huge_free (block, LIN_CHUNK_POOLED);
          break;
        }
    }
}

/**
 * lin_chunk_trim_pool:
 *
 * Gives the blocks waiting in the pool back to the system: a load that is
 * done needs them no more.
 */
void
lin_chunk_trim_pool (void)
{
  g_autoptr(GPtrArray) blocks = NULL;

  g_mutex_lock (&pool_lock);
  if (pool != NULL && pool->len > 0)
    blocks = g_steal_pointer (&pool);
  g_mutex_unlock (&pool_lock);

  for (guint i = 0; blocks != NULL && i < blocks->len; i++)
    huge_free (blocks->pdata[i], LIN_CHUNK_POOLED);
}

/**
 * lin_chunk_get_pooled:
 *
 * Returns: how many bytes of blocks wait in the pool
 */
gsize
lin_chunk_get_pooled (void)
{
  gsize n;

  g_mutex_lock (&pool_lock);
  n = pool != NULL ? pool->len * (gsize)LIN_CHUNK_POOLED : 0;
  g_mutex_unlock (&pool_lock);

  return n;
}
