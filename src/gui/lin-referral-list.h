/* lin-referral-list.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "lin-context.h"

G_BEGIN_DECLS

#define LIN_TYPE_REFERRAL_LIST (lin_referral_list_get_type ())

G_DECLARE_FINAL_TYPE (LinReferralList, lin_referral_list, LIN, REFERRAL_LIST, GtkWidget)

GtkWidget *lin_referral_list_new          (void);
GtkWidget *lin_referral_list_add          (LinReferralList *self);
guint      lin_referral_list_get_n_rows   (LinReferralList *self);
JsonArray *lin_referral_list_dup_value    (LinReferralList *self);
void       lin_referral_list_set_value    (LinReferralList *self,
                                           JsonArray       *referrals);
char      *lin_referral_list_dup_display  (LinReferralList *self);
void       lin_referral_list_set_context  (LinReferralList *self,
                                           LinContext      *context);
void       lin_referral_list_set_municipality (LinReferralList *self,
                                           const char      *code);
GtkWidget *lin_referral_list_get_search   (LinReferralList *self);

G_END_DECLS
