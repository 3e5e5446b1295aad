/* lin-risk-step.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "lin-risk.h"

G_BEGIN_DECLS

#define LIN_TYPE_RISK_STEP (lin_risk_step_get_type ())

G_DECLARE_FINAL_TYPE (LinRiskStep, lin_risk_step, LIN, RISK_STEP, GtkWidget)

GtkWidget    *lin_risk_step_new             (void);
LinRiskLevel  lin_risk_step_get_level       (LinRiskStep  *self);
LinRiskLevel  lin_risk_step_get_final_level (LinRiskStep  *self);
gboolean      lin_risk_step_has_answers     (LinRiskStep  *self);
void          lin_risk_step_set_saved_level (LinRiskStep  *self,
                                             LinRiskLevel  level);
GtkWidget    *lin_risk_step_get_lowered_entry (LinRiskStep *self);
gboolean      lin_risk_step_check_lowered   (LinRiskStep  *self);
gboolean      lin_risk_step_check           (LinRiskStep  *self,
                                             GError      **error);
JsonObject   *lin_risk_step_dup_value       (LinRiskStep  *self);
void          lin_risk_step_set_value       (LinRiskStep  *self,
                                             JsonObject   *risk);
char         *lin_risk_step_dup_display     (LinRiskStep  *self);

G_END_DECLS
