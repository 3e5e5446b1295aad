/* lin-bench-utils.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double lin_bench_percentile   (GArray     *values,
                               guint       p);
double lin_bench_maximum      (GArray     *values);
double lin_bench_now          (void);
double lin_bench_peak_rss_mib (void);
void   lin_bench_die_on       (GError     *error);
void   lin_bench_rm_rf        (const char *path);
char  *lin_bench_private_home (const char *prefix);

G_END_DECLS
