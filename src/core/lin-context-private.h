/* lin-context-private.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LinContext's insides, shared by lin-context.c and lin-context-sync.c.
 */

#pragma once

#include "lin-context.h"

G_BEGIN_DECLS

struct _LinContext
{
  GObject    parent_instance;

  /* Owned */
  GSettings *settings;
  char      *data_dir;
  LinStore  *store;
  char      *profile_dir;
  LinDirectory *directory;  /* NULL: to be built at the next search */
  guint      directory_idle;  /* directory-changed, once for a batch of saves */
  LinRoster *roster;        /* NULL: to be built when next asked for */
  guint      roster_idle;   /* roster-changed, once for a batch of saves */

  LinSync   *sync;          /* NULL: locked, or not in an organisation */

  gboolean   demo;
};

void lin_context_start_sync       (LinContext    *self,
                                   LinSyncReason  reason);
void lin_context_stop_sync        (LinContext    *self);
void lin_context_notify_sync      (LinContext    *self);

G_END_DECLS
