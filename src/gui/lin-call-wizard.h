/* lin-call-wizard.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "lin-context.h"
#include "lin-record.h"

G_BEGIN_DECLS

#define LIN_CALL_WIZARD_N_STEPS 6

#define LIN_TYPE_CALL_WIZARD (lin_call_wizard_get_type ())

G_DECLARE_FINAL_TYPE (LinCallWizard, lin_call_wizard, LIN, CALL_WIZARD, GtkWidget)

void        lin_call_wizard_set_context  (LinCallWizard  *self,
                                          LinContext     *context);
gboolean    lin_call_wizard_start        (LinCallWizard  *self,
                                          GError        **error);
gboolean    lin_call_wizard_resume       (LinCallWizard  *self,
                                          LinRecord      *draft,
                                          GError        **error);
void        lin_call_wizard_clear        (LinCallWizard  *self);
gboolean    lin_call_wizard_get_active   (LinCallWizard  *self);
guint       lin_call_wizard_get_step     (LinCallWizard  *self);
void        lin_call_wizard_set_step     (LinCallWizard  *self,
                                          guint           step);
gboolean    lin_call_wizard_get_one_step (LinCallWizard  *self);
guint       lin_call_wizard_get_elapsed  (LinCallWizard  *self);
LinRecord  *lin_call_wizard_get_draft    (LinCallWizard  *self);
LinRecord  *lin_call_wizard_save         (LinCallWizard  *self,
                                          GError        **error);
void        lin_call_wizard_discard      (LinCallWizard  *self);

LinRecord  *lin_call_wizard_find_draft   (LinStore       *store);

G_END_DECLS
