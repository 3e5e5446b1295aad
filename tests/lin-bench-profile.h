/* lin-bench-profile.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-call.h"

G_BEGIN_DECLS

#define LIN_BENCH_N_CALLS 100000
#define LIN_BENCH_SEED 4242
#define LIN_BENCH_PASSPHRASE "benchmark passphrase, not a secret"

GDateTime *lin_bench_calls_until   (void);
char      *lin_bench_calls_profile (double *build_seconds);

G_END_DECLS
