/* lin-roster-print-private.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the print operation's files share, and its tests see. Sizes are
 * in the print context's units.
 */

#pragma once

#include "lin-roster-print.h"

G_BEGIN_DECLS

typedef enum
{
  KIND_MONTH,
  KIND_PERSON,
} Kind;

/* A row of a person's shifts, laid out in begin-print */
typedef struct
{
  char   *date;
  char   *weekday;
  char   *time;
  char   *hours;
  char   *line;
  char   *notes;    /* the rules broken, a line each, or "" */
  double  height;
} Row;

struct _LinRosterPrint
{
  GtkPrintOperation  parent_instance;

  /* Owned */
  LinRoster         *roster;
  GArray            *violations;   /* of LinRosterViolation, or NULL */
  GArray            *rows;         /* of Row (a person's shifts) */
  GArray            *page_starts;  /* of guint, the first row of each page */

  /* Borrowed */
  GtkWindow         *preview_window;  /* a weak pointer */

  Kind               kind;
  GDate              month;
  guint              day_start;
  guint              person;
  gint64             from;
  gint64             to;
  gint64             total_seconds;
  guint              total_nights;
  guint              total_shifts;
  gboolean           cancelled;
};

/* lin-roster-print.c */
GDateTime   *lin_print_local_time          (gint64                    instant);
char        *lin_print_format_date         (GDateTime                *time);
char        *lin_print_format_hours        (gint64                    seconds);
const char  *lin_print_alias_of            (LinRoster                *roster,
                                            guint                     person);
const char  *lin_print_line_name           (LinRoster                *roster,
                                            int                       line);
gboolean     lin_print_has_person          (LinRoster                *roster,
                                            guint                     shift,
                                            guint                     person);
void         lin_print_set_font            (PangoLayout              *layout,
                                            double                    size,
                                            gboolean                  bold);
void         lin_print_text_size           (PangoLayout              *layout,
                                            const char               *text,
                                            double                   *width,
                                            double                   *height);
double       lin_print_fit_scale           (PangoLayout              *layout,
                                            const char               *text,
                                            double                    width,
                                            double                    height);
void         lin_print_show_fitted         (cairo_t                  *cr,
                                            PangoLayout              *layout,
                                            const char               *text,
                                            double                    x,
                                            double                    y,
                                            double                    width,
                                            double                    height,
                                            double                    align);
void         lin_print_stroke_line         (cairo_t                  *cr,
                                            double                    x0,
                                            double                    y0,
                                            double                    x1,
                                            double                    y1,
                                            double                    width,
                                            double                    grey);
double       lin_print_show_title          (cairo_t                  *cr,
                                            PangoLayout              *layout,
                                            const char               *title,
                                            double                    width,
                                            double                    mm);
double       lin_print_footer_height       (PangoLayout              *layout,
                                            double                    mm);
void         lin_print_show_footer         (cairo_t                  *cr,
                                            PangoLayout              *layout,
                                            double                    width,
                                            double                    height,
                                            double                    mm,
                                            const char               *page_text);
GStrv        lin_roster_print_line_markers (LinRoster                *roster);

/* lin-roster-print-month.c */
void         lin_roster_print_draw_month   (LinRosterPrint           *self,
                                            GtkPrintContext          *context);

/* lin-roster-print-person.c */
void         lin_print_row_clear           (gpointer                  data);
void         lin_roster_print_begin_person (LinRosterPrint           *self,
                                            GtkPrintContext          *context);
void         lin_roster_print_draw_person  (LinRosterPrint           *self,
                                            GtkPrintContext          *context,
                                            int                       page);

/* lin-roster-print-preview.c */
gboolean     lin_roster_print_preview      (GtkPrintOperation        *operation,
                                            GtkPrintOperationPreview *preview,
                                            GtkPrintContext          *context,
                                            GtkWindow                *parent);

G_END_DECLS
