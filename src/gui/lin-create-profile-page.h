/* lin-create-profile-page.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"

G_BEGIN_DECLS

#define LIN_TYPE_CREATE_PROFILE_PAGE (lin_create_profile_page_get_type ())

G_DECLARE_FINAL_TYPE (LinCreateProfilePage, lin_create_profile_page, LIN, CREATE_PROFILE_PAGE, AdwBin)

LinContext *lin_create_profile_page_get_context (LinCreateProfilePage *self);
void        lin_create_profile_page_set_context (LinCreateProfilePage *self,
                                                 LinContext           *context);
gboolean    lin_create_profile_page_get_busy    (LinCreateProfilePage *self);
void        lin_create_profile_page_reset       (LinCreateProfilePage *self);
void        lin_create_profile_page_cancel      (LinCreateProfilePage *self);
void        lin_create_profile_page_focus       (LinCreateProfilePage *self);

G_END_DECLS
