/* lin-answer-field.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  LIN_ANSWER_CHOICE,     /* one code of a list */
  LIN_ANSWER_MULTI,      /* codes of a list, as an array */
  LIN_ANSWER_TEXT,       /* one line */
  LIN_ANSWER_LONG_TEXT,  /* lines */
  LIN_ANSWER_NUMBER,     /* a whole number in a range */
  LIN_ANSWER_BOOLEAN,    /* a check button */
} LinAnswerKind;

#define LIN_TYPE_ANSWER_FIELD (lin_answer_field_get_type ())

G_DECLARE_FINAL_TYPE (LinAnswerField, lin_answer_field, LIN, ANSWER_FIELD, GtkWidget)

LinAnswerField *lin_answer_field_new         (LinAnswerKind   kind,
                                              const char     *key,
                                              const char     *list,
                                              const char     *title);
void            lin_answer_field_set_range   (LinAnswerField *self,
                                              int             min,
                                              int             max);
const char     *lin_answer_field_get_key     (LinAnswerField *self);
const char     *lin_answer_field_get_title   (LinAnswerField *self);
LinAnswerKind   lin_answer_field_get_kind    (LinAnswerField *self);
GtkWidget      *lin_answer_field_get_control (LinAnswerField *self);
JsonNode       *lin_answer_field_dup_value   (LinAnswerField *self);
void            lin_answer_field_set_value   (LinAnswerField *self,
                                              JsonNode       *value);
gboolean        lin_answer_field_has_value   (LinAnswerField *self);
char           *lin_answer_field_dup_display (LinAnswerField *self);
void            lin_answer_field_store       (LinAnswerField *self,
                                              JsonObject     *object);
void            lin_answer_field_load        (LinAnswerField *self,
                                              JsonObject     *object);
void            lin_answer_field_clear       (LinAnswerField *self);

G_END_DECLS
