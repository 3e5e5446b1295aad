/* lin-sync-test-utils.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-server-test-utils.h"
#include "lin-store-sync.h"
#include "lin-sync.h"
#include "lin-vault-test-utils.h"

G_BEGIN_DECLS

/* A laptop: a profile of its own, unlocked, with its sync */
typedef struct
{
  char          *profile;
  LinVault      *vault;
  LinStore      *store;
  LinSync       *sync;
} LinTestDevice;

LinTestDevice  *lin_test_device_new        (const char     *data_dir,
                                            const char     *name);
void            lin_test_device_free       (LinTestDevice  *device);
LinTestDevice  *lin_test_device_found      (LinTestServer  *server,
                                            const char     *data_dir,
                                            const char     *name);
LinTestDevice  *lin_test_device_join       (LinTestServer  *server,
                                            LinTestDevice  *coordinator,
                                            const char     *data_dir,
                                            const char     *name);
void            lin_test_device_enrol_member (LinTestServer *server,
                                              LinTestDevice *coordinator,
                                              LinTestDevice *device);
void            lin_test_device_point_at   (LinTestDevice  *device,
                                            const char     *url,
                                            const char     *fingerprint);
LinSyncOutcome  lin_test_device_sync       (LinTestDevice  *device,
                                            GError        **error);
void            lin_test_device_sync_ok    (LinTestDevice  *device);
char           *lin_test_device_snapshot   (LinTestDevice  *device);
void            lin_test_assert_converged  (LinTestDevice **devices,
                                            guint           n);
char           *lin_test_server_org_create (LinTestServer  *server,
                                            const char     *name,
                                            char          **org_id);

LinTestServer  *lin_test_sync_begin        (const char     *what,
                                            char          **data_dir);
void            lin_test_sync_end          (LinTestServer  *server,
                                            char           *data_dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinTestDevice, lin_test_device_free)

G_END_DECLS
