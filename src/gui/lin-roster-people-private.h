/* lin-roster-people-private.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window (lin-roster-people.c), its lists
 * (lin-roster-people-lists.c) and its person and line editors
 * (lin-roster-people-person.c, lin-roster-people-line.c) share.
 */

#pragma once

#include "lin-hours.h"
#include "lin-roster-people.h"

G_BEGIN_DECLS

/* The first thing wrong in what was typed: the widget marked, the label
 * next to it that says it, and where the keyboard goes */
typedef struct
{
  GtkWidget *widget;
  GtkWidget *label;
  GtkWidget *focus;
  char      *message;
} LinRosterPeopleProblem;

struct _LinRosterPeople
{
  AdwWindow    parent_instance;

  /* Borrowed */
  LinContext  *context;

  /* Owned */
  LinRoster   *roster;
  LinRecord   *editing;         /* the record edited, NULL for a new one */
  const char  *editing_kind;    /* LIN_PERSON_KIND, LIN_LINE_KIND or NULL */
  JsonObject  *original;        /* a copy of its fields, never shown as such */
  char        *initial;         /* what the editor read when it opened, to see a change */
  GPtrArray   *error_widgets;   /* marked "error" */
  GPtrArray   *error_labels;    /* the messages shown */

  GtkWidget   *toasts;
  GtkWidget   *leaflet;
  GtkWidget   *view_stack;
  GtkWidget   *search_entry;
  GtkWidget   *people_list;
  GtkWidget   *lines_list;
  GtkWidget   *editor_title;
  GtkWidget   *editor_stack;
  GtkWidget   *person_delete_group;
  GtkWidget   *line_delete_group;

  /* The person editor */
  GtkWidget   *alias_row;
  GtkWidget   *alias_error;
  GtkWidget   *role_row;
  GPtrArray   *person_skills;   /* GtkCheckButton, in the order of "skill" */
  GtkWidget   *week_hours_spin;
  GtkWidget   *month_nights_spin;
  GtkWidget   *weekly_group;
  GPtrArray   *weekly_spans;    /* WeeklySpanRow */
  GtkWidget   *away_group;
  GPtrArray   *away_spans;      /* AwaySpanRow */
  GtkWidget   *desired[LIN_HOURS_N_DAYS];
  GtkWidget   *undesired[LIN_HOURS_N_DAYS];
  GtkWidget   *days_error;

  /* The line editor */
  GtkWidget   *name_row;
  GtkWidget   *name_error;
  GtkWidget   *hours_row;
  GtkWidget   *hours_error;
  GPtrArray   *line_skills;
};

void        lin_roster_people_problem_set    (LinRosterPeopleProblem *problem,
                                              GtkWidget              *widget,
                                              GtkWidget              *label,
                                              GtkWidget              *focus,
                                              char                   *message);
GtkWidget  *lin_roster_people_error_label    (const char             *name);
char       *lin_roster_people_dup_text       (gpointer                editable);
JsonObject *lin_roster_people_copy_object    (JsonObject             *object);
JsonArray  *lin_roster_people_get_array      (JsonObject             *fields,
                                              const char             *member);
void        lin_roster_people_set_array      (JsonObject             *fields,
                                              const char             *member,
                                              JsonArray              *array);
GPtrArray  *lin_roster_people_build_skills   (AdwPreferencesGroup    *group,
                                              const char             *prefix);
void        lin_roster_people_load_skills    (GPtrArray              *checks,
                                              JsonObject             *fields,
                                              const char             *member);
void        lin_roster_people_read_skills    (GPtrArray              *checks,
                                              JsonObject             *original,
                                              JsonObject             *fields,
                                              const char             *member);
const char *lin_roster_people_role_label     (const char             *role);

/* lin-roster-people-lists.c */
GtkWidget  *lin_roster_people_build_people   (LinRosterPeople        *self);
GtkWidget  *lin_roster_people_build_lines    (LinRosterPeople        *self);
void        lin_roster_people_fill_lists     (LinRosterPeople        *self);

/* lin-roster-people-line.c */
GtkWidget  *lin_roster_people_build_line     (LinRosterPeople        *self);
void        lin_roster_people_load_line      (LinRosterPeople        *self);
void        lin_roster_people_read_line      (LinRosterPeople        *self,
                                              JsonObject             *fields,
                                              LinRosterPeopleProblem *problem);
char       *lin_roster_people_line_subtitle  (LinRecord              *line);

/* lin-roster-people-person.c */
GtkWidget  *lin_roster_people_build_person   (LinRosterPeople        *self);
void        lin_roster_people_load_person    (LinRosterPeople        *self);
void        lin_roster_people_read_person    (LinRosterPeople        *self,
                                              JsonObject             *fields,
                                              LinRosterPeopleProblem *problem);
void        lin_roster_people_clear_person   (LinRosterPeople        *self);
GtkWidget  *lin_roster_people_add_weekly_span (LinRosterPeople       *self);
GtkWidget  *lin_roster_people_add_away_span  (LinRosterPeople        *self);

G_END_DECLS
