/* lin-service-editor-private.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the service editor's files share: the editor's struct and the
 * helpers that read a widget into a service's fields.
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "lin-hours.h"
#include "lin-service-editor.h"

G_BEGIN_DECLS

typedef struct
{
  GtkWidget *row;
  GtkWidget *label;
  GtkWidget *number;
  GtkWidget *confidential;
  GtkWidget *warning;
} PhoneRow;

typedef struct
{
  LinServiceEditor *self;
  guint             day;
  GtkWidget        *row;
  GtkWidget        *open;
  GtkWidget        *spans;
  GtkWidget        *add_span;
} DayRow;

typedef struct
{
  const char *list;
  const char *field;
  GPtrArray  *checks;  /* of GtkCheckButton, one a code, in the list's order */
} CodeChecks;

enum { LANGUAGES, ACCESSIBILITY, N_CODE_CHECKS };

struct _LinServiceEditor
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  AdwEntryRow      *name_row;
  AdwEntryRow      *organisation_row;
  AdwComboRow      *type_row;
  GtkTextView      *description_view;
  AdwPreferencesGroup *place_group;
  AdwEntryRow      *address_row;
  GtkWidget        *address_warning;
  GtkSwitch        *address_confidential_switch;
  AdwPreferencesGroup *phones_group;
  AdwEntryRow      *email_row;
  AdwEntryRow      *web_row;
  AdwPreferencesGroup *hours_group;
  GtkSwitch        *always_switch;
  GtkSwitch        *holidays_switch;
  AdwPreferencesGroup *languages_group;
  AdwPreferencesGroup *accessibility_group;
  AdwEntryRow      *eligibility_row;
  AdwEntryRow      *verified_row;
  AdwEntryRow      *verified_by_row;

  /* Owned */
  LinStore         *store;
  LinRecord        *service;     /* NULL: a new one */
  JsonObject       *original;    /* a copy of the service's fields */
  JsonNode         *initial;     /* the fields as first shown, for "changed?" */
  GPtrArray        *phones;      /* of PhoneRow */
  GPtrArray        *error_widgets;
  CodeChecks        code_checks[N_CODE_CHECKS];
  DayRow            days[LIN_HOURS_N_DAYS];

  /* Borrowed */
  GtkWidget        *place_entry;

  gboolean          closing;
};

/* The first problem found while reading the widgets */
typedef struct
{
  GtkWidget *widget;   /* where it is shown */
  GtkWidget *focus;    /* what gets the keyboard */
  char      *message;  /* translated */
} LinServiceEditorProblem;

void        lin_service_editor_problem_set (LinServiceEditorProblem *problem,
                                            GtkWidget               *widget,
                                            GtkWidget               *focus,
                                            char                    *message);
char       *lin_service_editor_dup_text    (gpointer                 editable);
const char *lin_service_editor_get_string  (JsonObject              *fields,
                                            const char              *name);
void        lin_service_editor_read_text   (JsonObject              *fields,
                                            const char              *name,
                                            const char              *text,
                                            GtkWidget               *widget,
                                            LinServiceEditorProblem *problem);

/* lin-service-editor-hours.c */
void        lin_service_editor_build_day   (LinServiceEditor        *self,
                                            guint                    day);
void        lin_service_editor_load_hours  (LinServiceEditor        *self,
                                            const char              *text);
void        lin_service_editor_read_hours  (LinServiceEditor        *self,
                                            JsonObject              *fields,
                                            LinServiceEditorProblem *problem);

G_END_DECLS
