/* lin-sync-gui-test-utils.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-context.h"
#include "lin-sync-test-utils.h"

G_BEGIN_DECLS

/* What the other laptop and this one wrote into the same two records */
typedef struct
{
  char *follow_up_id;   /* safe times: base, theirs, then ours (later) */
  char *call_id;        /* risk: medium, theirs high, ours standard */
} LinTestConflicts;

char          *lin_test_server_fingerprint   (LinTestServer    *server);
void           lin_test_context_found        (LinContext       *context,
                                              LinTestServer    *server);
void           lin_test_context_point_at     (LinContext       *context,
                                              LinTestServer    *server);
gboolean       lin_test_context_synced_after (LinContext       *context,
                                              gint64            after,
                                              guint             timeout_ms);
LinTestDevice *lin_test_context_conflicts    (LinContext       *context,
                                              LinTestServer    *server,
                                              const char       *data_dir,
                                              const char * const values[3],
                                              LinTestConflicts *made);
void           lin_test_conflicts_clear      (LinTestConflicts *made);
void           lin_test_context_collision    (LinContext       *context,
                                              LinTestDevice    *other,
                                              const char       *alias,
                                              const char       *other_alias,
                                              char             *ids[2]);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LinTestConflicts, lin_test_conflicts_clear)

G_END_DECLS
