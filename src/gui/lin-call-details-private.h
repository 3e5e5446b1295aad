/* lin-call-details-private.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What lin-call-details.c and lin-call-details-editor.c share.
 */

#pragma once

#include "lin-call.h"
#include "lin-call-details.h"

G_BEGIN_DECLS

typedef LinCallField Field;

/* the follow-up's answers in the editor: date, time, contact method,
 * safe times, code word */
#define LIN_CALL_DETAILS_N_FOLLOW_UP_EDITS 5

/* One answer in the editor: the wizard's own widget for it (a
 * LinAnswerField, or the LinPlaceEntry, LinRiskStep or LinReferralList)
 * and its value as the widget gave it when the editor opened, so that
 * only what she changed is written back */
typedef struct
{
  const Field *field;
  GtkWidget   *widget;
  JsonNode    *initial;  /* nullable: not answered */
} LinCallDetailsEdit;

struct _LinCallDetails
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkWidget         *back_button;
  GtkLabel          *title_label;
  GtkWidget         *history_button;
  GtkWidget         *edit_button;
  GtkStack          *stack;
  GtkScrolledWindow *view_scroller;
  GtkBox            *answers_box;
  GtkRevealer       *note_revealer;
  GtkTextView       *note_view;
  GtkLabel          *note_message;
  GtkListBox        *notes_list;
  GtkWidget         *no_notes_label;
  GtkBox            *edit_box;
  GtkLabel          *edit_message;
  GtkListBox        *history_list;
  GtkWidget         *history_message;
  GtkLabel          *version_title;
  GtkWidget         *version_back_button;
  GtkScrolledWindow *version_scroller;
  GtkBox            *version_box;

  /* Owned */
  LinStore          *store;
  LinRecord         *call;
  GPtrArray         *edit_fields;     /* of LinCallDetailsEdit, in the order of the fields */

  LinRecord         *edit_follow_up;  /* the open follow-up the editor changes; NULL: a new one */
  GtkWidget         *follow_up_edits[LIN_CALL_DETAILS_N_FOLLOW_UP_EDITS]; /* LinAnswerField */
  JsonObject        *follow_up_initial; /* their values when the editor opened */

  /* Borrowed */
  GtkWidget         *edit_steps[LIN_CALL_N_STEPS + 1];
  GPtrArray         *revisions;       /* of LinRecord, oldest first, while the history shows */
  guint64            shown_revision;
};

/* indexed by step, 1 to LIN_CALL_N_STEPS */
extern const char * const lin_call_details_step_titles[LIN_CALL_N_STEPS + 1];

const char *lin_call_details_field_label     (const Field        *field);
char       *lin_call_details_codes_text      (const char         *list,
                                              JsonNode           *node);
void        lin_call_details_remove_children (GtkWidget          *parent);
void        lin_call_details_build_editor    (LinCallDetails     *self);
void        lin_call_details_clear_editor    (LinCallDetails     *self);
gboolean    lin_call_details_check_editor    (LinCallDetails     *self,
                                              GError            **error);
guint       lin_call_details_apply_editor    (LinCallDetails     *self,
                                              JsonObject         *object);
void        lin_call_details_edit_free       (LinCallDetailsEdit *edit);
gboolean    lin_call_details_save_follow_up  (LinCallDetails     *self,
                                              gboolean           *saved,
                                              GError            **error);

G_END_DECLS
