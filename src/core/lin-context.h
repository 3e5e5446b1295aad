/* lin-context.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "lin-directory.h"
#include "lin-roster.h"
#include "lin-profile.h"
#include "lin-sync.h"
#include "lin-types.h"

G_BEGIN_DECLS

#define LIN_TYPE_CONTEXT (lin_context_get_type ())

G_DECLARE_FINAL_TYPE (LinContext, lin_context, LIN, CONTEXT, GObject)

LinContext *lin_context_new          (GSettings   *settings,
                                      gboolean     demo,
                                      GError     **error);
GSettings  *lin_context_get_settings (LinContext  *self);
gboolean    lin_context_get_demo     (LinContext  *self);
const char *lin_context_get_data_dir (LinContext  *self);
char       *lin_context_dup_language (LinContext  *self);
void        lin_context_set_language (LinContext  *self,
                                      const char  *code);
void        lin_context_shutdown     (LinContext  *self);

GPtrArray  *lin_context_list_profiles  (LinContext          *self,
                                        GError             **error);
void        lin_context_create_profile_async  (LinContext          *self,
                                               const char          *name,
                                               const char          *passphrase,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
char       *lin_context_create_profile_finish (LinContext          *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void        lin_context_unlock_async   (LinContext          *self,
                                        const char          *profile_dir,
                                        const char          *passphrase,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean    lin_context_unlock_finish  (LinContext          *self,
                                        GAsyncResult        *result,
                                        GError             **error);
gboolean    lin_context_unlock         (LinContext          *self,
                                        const char          *profile_dir,
                                        const char          *passphrase,
                                        GError             **error);
void        lin_context_lock           (LinContext          *self);
gboolean    lin_context_get_locked     (LinContext          *self);
LinStore   *lin_context_get_store      (LinContext          *self);
LinDirectory *lin_context_get_directory (LinContext        *self);
LinRoster    *lin_context_get_roster    (LinContext        *self);
const char *lin_context_get_profile_dir (LinContext         *self);
char       *lin_context_dup_profile_name (LinContext        *self);
gboolean    lin_context_change_passphrase (LinContext       *self,
                                           const char       *old_passphrase,
                                           const char       *new_passphrase,
                                           GError          **error);
gboolean    lin_context_open_demo      (LinContext          *self,
                                        GError             **error);

LinSync    *lin_context_get_sync       (LinContext          *self);
void        lin_context_enrol_async    (LinContext          *self,
                                        const char          *server,
                                        const char          *fingerprint,
                                        const char          *code,
                                        const char          *name,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean    lin_context_enrol_finish   (LinContext          *self,
                                        GAsyncResult        *result,
                                        GError             **error);

GSettings  *lin_settings_new         (GError     **error);

G_END_DECLS
