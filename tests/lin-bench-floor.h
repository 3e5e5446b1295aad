/* lin-bench-floor.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A trivial HTTPS server on 127.0.0.1, in a thread of its own: POST
 * answers {}, GET ?page=N answers the Nth of @answers. The rate of the
 * same bytes through it is the floor a real server is measured against. */
typedef struct
{
  GMainContext    *context;
  GMainLoop       *loop;
  GTlsCertificate *certificate;
  GPtrArray       *answers;   /* GBytes: what GET ?page=N answers */
  char            *url;
  GMutex           lock;
  GCond            cond;
  GThread         *thread;
} LinBenchFloor;


void    lin_bench_floor_start (LinBenchFloor   *floor,
                               const char      *server_dir,
                               GPtrArray       *answers);
void    lin_bench_floor_stop  (LinBenchFloor   *floor);
void    lin_bench_floor_measure (LinBenchFloor   *floor,
                                 const char      *url,
                                 GTlsCertificate *pinned,
                                 GPtrArray       *bodies,
                                 guint            runs,
                                 double          *push_s,
                                 double          *pull_s);
gsize   lin_bench_floor_envelope_size (GBytes *answer);
double  lin_bench_floor_store (const char      *dir,
                               guint            n,
                               gsize            size);
double  lin_bench_floor_verify (guint           n,
                                gsize           size);
GBytes *lin_bench_send        (SoupSession     *session,
                               GTlsCertificate *pinned,
                               const char      *method,
                               const char      *uri,
                               const char      *token,
                               GBytes          *body);

G_END_DECLS
