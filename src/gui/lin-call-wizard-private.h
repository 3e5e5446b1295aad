/* lin-call-wizard-private.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by lin-call-wizard.c (steps, timer, draft, save) and
 * lin-call-wizard-answers.c (the answers: building them, reading them
 * into a call or a draft, and back).
 */

#pragma once

#include "lin-answer-field.h"
#include "lin-call-wizard.h"
#include "lin-draft.h"
#include "lin-place-entry.h"
#include "lin-referral-list.h"
#include "lin-risk-step.h"

G_BEGIN_DECLS

enum {
  STEP_CONTACT,
  STEP_CALLER,
  STEP_VIOLENCE,
  STEP_RISK,
  STEP_SUPPORT,
  STEP_FOLLOW_UP,
};

/* where a field's answer goes */
typedef enum
{
  IN_CALL,       /* the call record */
  IN_FOLLOW_UP,  /* the follow-up record */
  IN_FORM,       /* only the draft: pieces the save puts together */
  IN_NOTE,       /* the note record */
} FieldPlace;

typedef struct
{
  guint          step;
  FieldPlace     place;
  LinAnswerKind  kind;
  const char    *key;
  const char    *list;
  const char    *title;
} FieldSpec;

struct _LinCallWizard
{
  GtkWidget        parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet      *leaflet;
  GtkWidget       *sidebar;
  GtkWidget       *content;
  GtkListBox      *steps_list;
  GtkWidget       *steps_button;
  GtkLabel        *step_title;
  GtkLabel        *timer_label;
  GtkRevealer     *one_step_revealer;
  GtkStack        *steps_stack;
  GtkWidget       *contact_box;
  GtkWidget       *caller_box;
  GtkWidget       *violence_box;
  GtkWidget       *risk_box;
  GtkWidget       *support_box;
  GtkWidget       *follow_up_box;
  GtkLabel        *position_label;

  /* Owned */
  LinContext      *context;
  LinDraft        *draft;
  GPtrArray       *fields;      /* LinAnswerField, in the order of field_specs */
  char            *started;

  /* Borrowed */
  LinRiskStep     *risk_step;
  LinReferralList *referrals;
  LinPlaceEntry   *place_entry;
  GtkWidget       *caller_code_hint;
  GtkWidget       *summary_box;
  GtkWidget       *step_marks[LIN_CALL_WIZARD_N_STEPS];

  guint            step;
  guint            elapsed;
  guint            timer_id;
  gboolean         active;
  gboolean         loading;
};

/* lin-call-wizard.c */
void            lin_call_wizard_changed                 (LinCallWizard *self);

/* lin-call-wizard-answers.c */
const char     *lin_call_wizard_get_step_name           (guint          step);
const char     *lin_call_wizard_get_step_title          (guint          step);
void            lin_call_wizard_build_steps             (LinCallWizard *self);
LinAnswerField *lin_call_wizard_get_field               (LinCallWizard *self,
                                                         const char    *key);
GtkWidget      *lin_call_wizard_get_step_box            (LinCallWizard *self,
                                                         guint          step);
gboolean        lin_call_wizard_is_one_step             (LinCallWizard *self);
gboolean        lin_call_wizard_step_has_answers        (LinCallWizard *self,
                                                         guint          step);
void            lin_call_wizard_update_caller_code_hint (LinCallWizard *self);
void            lin_call_wizard_update_summary          (LinCallWizard *self);
JsonObject     *lin_call_wizard_build_call              (LinCallWizard *self,
                                                         gboolean       one_step);
JsonObject     *lin_call_wizard_build_follow_up         (LinCallWizard *self,
                                                         gboolean       with_form);
GDateTime      *lin_call_wizard_dup_due                 (LinCallWizard *self);
JsonObject     *lin_call_wizard_build_draft             (LinCallWizard *self);
void            lin_call_wizard_load_answers            (LinCallWizard *self,
                                                         JsonObject    *call,
                                                         JsonObject    *follow_up,
                                                         const char    *note);
void            lin_call_wizard_clear_answers           (LinCallWizard *self);

G_END_DECLS
