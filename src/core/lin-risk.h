/* lin-risk.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Risk assessment: a checklist defined as data (data/risk/NAME.json,
 * compiled into the core's resources), scored as the counsellor answers.
 *
 *   { "checklist": "linija", "version": 1,
 *     "title": "Linija risk checklist",
 *     "translate": true,
 *     "notes": [ "for people: sources, why these weights and bands" ],
 *     "items": [ { "code": "threat-to-kill",
 *                  "text": "Has he threatened to kill you?",
 *                  "weight": 5, "critical": true }, … ],
 *     "bands": [ { "level": "standard", "min": 0 },
 *                { "level": "medium", "min": 5 },
 *                { "level": "high", "min": 12 } ] }
 *
 * "checklist" is a stable id ([a-z0-9-]+) and "version" (1 or more) goes
 * up with any change of items, weights or bands: calls store both with
 * their answers. Item codes are stable and unique; "weight" is a whole
 * number from 0; "critical" defaults to false. "bands" go up in level
 * (standard, medium, high, any of them) and in "min", the first from 0.
 * "title" and "text" are English msgids, translated with the context
 * "risk"; "translate" defaults to true. Members the format does not know
 * ("notes", "source") are ignored.
 *
 * The score is the sum of the weights of the items answered "yes". The
 * level is the highest band whose "min" the score reaches; a "yes" to a
 * critical item makes it high whatever the score. "Doesn't know" adds
 * nothing but is counted, and shown; until some item is answered the
 * level is NONE (not assessed). Professional judgement can raise
 * the level, never lower it, and needs a reason. The format holds other
 * instruments too (an organisation's licensed one): any number of items,
 * weights and bands; texts in the checklist's own language when it is not
 * ours (then "translate": false).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LIN_RISK_ANSWER_NONE,      /* not asked yet */
  LIN_RISK_ANSWER_YES,
  LIN_RISK_ANSWER_NO,
  LIN_RISK_ANSWER_UNKNOWN,   /* she doesn't know */
} LinRiskAnswer;

typedef enum
{
  LIN_RISK_LEVEL_NONE,       /* not assessed */
  LIN_RISK_LEVEL_STANDARD,
  LIN_RISK_LEVEL_MEDIUM,
  LIN_RISK_LEVEL_HIGH,
} LinRiskLevel;

#define LIN_RISK_ERROR (lin_risk_error_quark ())

typedef enum
{
  LIN_RISK_ERROR_INVALID,    /* a checklist file that is not one */
  LIN_RISK_ERROR_LOWER,      /* judgement tried to lower the level */
  LIN_RISK_ERROR_NO_REASON,  /* judgement without a reason */
} LinRiskError;

typedef struct _LinRiskChecklist LinRiskChecklist;

typedef struct
{
  guint        score;
  guint        max_score;
  guint        n_yes;
  guint        n_no;
  guint        n_unknown;
  guint        n_unanswered;
  gboolean     critical_yes;   /* a critical item answered yes */
  LinRiskLevel level;          /* from the answers alone */
} LinRiskScore;

GQuark             lin_risk_error_quark (void);

/* Linija's own checklist (data/risk/linija.json); never NULL */
LinRiskChecklist  *lin_risk_checklist_get_default  (void);
LinRiskChecklist  *lin_risk_checklist_new_from_data (const char        *json,
                                                     gssize             len,
                                                     GError           **error);
LinRiskChecklist  *lin_risk_checklist_ref          (LinRiskChecklist  *self);
void               lin_risk_checklist_unref        (LinRiskChecklist  *self);

const char        *lin_risk_checklist_get_id       (LinRiskChecklist  *self);
guint              lin_risk_checklist_get_version  (LinRiskChecklist  *self);
const char        *lin_risk_checklist_get_title    (LinRiskChecklist  *self);  /* translated */
guint              lin_risk_checklist_get_n_items  (LinRiskChecklist  *self);
const char        *lin_risk_checklist_get_item_code (LinRiskChecklist *self,
                                                     guint             i);
const char        *lin_risk_checklist_get_item_text (LinRiskChecklist *self,
                                                     guint             i);    /* translated */
guint              lin_risk_checklist_get_item_weight (LinRiskChecklist *self,
                                                       guint             i);
gboolean           lin_risk_checklist_get_item_critical (LinRiskChecklist *self,
                                                         guint             i);

/* @answers: item code → GINT_TO_POINTER (LinRiskAnswer); codes the
 * checklist does not have are ignored */
void               lin_risk_checklist_score        (LinRiskChecklist  *self,
                                                    GHashTable        *answers,
                                                    LinRiskScore      *score);

/* The level after professional judgement: @judged may equal or exceed
 * @computed (then @reason must have non-blank text when it exceeds it);
 * lower is refused. Returns the final level, or LIN_RISK_LEVEL_NONE with
 * @error set. */
LinRiskLevel       lin_risk_apply_judgement        (LinRiskLevel       computed,
                                                    LinRiskLevel       judged,
                                                    const char        *reason,
                                                    GError           **error);

/* "standard", "medium", "high" ("" for NONE), and back */
const char        *lin_risk_level_to_code          (LinRiskLevel       level);
LinRiskLevel       lin_risk_level_from_code        (const char        *code);
const char        *lin_risk_level_get_label        (LinRiskLevel       level);  /* translated */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinRiskChecklist, lin_risk_checklist_unref)

G_END_DECLS
