/* lin-profile.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "lin-store.h"

G_BEGIN_DECLS

#define LIN_HEADER_FILE "vault.hdr"
#define LIN_STORE_FILE "store.db"

typedef struct
{
  char *path;  /* the profile's folder */
  char *name;  /* its name; NULL when the header cannot be read */
} LinProfileInfo;

void        lin_profile_info_free   (LinProfileInfo      *info);
GPtrArray  *lin_profile_list        (const char          *data_dir,
                                     GError             **error);
char       *lin_profile_create      (const char          *data_dir,
                                     const char          *name,
                                     const char          *passphrase,
                                     const LinKdfParams  *kdf,
                                     GError             **error);
LinStore   *lin_profile_unlock      (const char          *profile_dir,
                                     const char          *passphrase,
                                     GError             **error);
gboolean    lin_profile_check_folder (const char         *profile_dir,
                                      GError            **error);
gboolean    lin_profile_backup      (const char          *profile_dir,
                                     const char          *backup_path,
                                     GError             **error);
char       *lin_profile_restore     (const char          *backup_path,
                                     const char          *data_dir,
                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinProfileInfo, lin_profile_info_free)

typedef enum
{
  LIN_PASSPHRASE_TOO_SHORT,
  LIN_PASSPHRASE_WEAK,
  LIN_PASSPHRASE_FAIR,
  LIN_PASSPHRASE_GOOD,
  LIN_PASSPHRASE_STRONG,
} LinPassphraseStrength;

#define LIN_PASSPHRASE_MIN_CHARS 10

LinPassphraseStrength lin_passphrase_strength      (const char *passphrase);
gboolean              lin_passphrase_confirm_wrong (const char *passphrase,
                                                    const char *confirm);

G_END_DECLS
