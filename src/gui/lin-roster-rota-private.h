/* lin-roster-rota-private.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rota's rows (lin-roster-rota-row.c) and cells
 * (lin-roster-rota-cell.c), for the rota and its tests.
 */

#pragma once

#include "lin-roster-rota.h"

G_BEGIN_DECLS

#define LIN_TYPE_ROSTER_ROTA_CELL (lin_roster_rota_cell_get_type ())

G_DECLARE_FINAL_TYPE (LinRosterRotaCell, lin_roster_rota_cell, LIN, ROSTER_ROTA_CELL, GtkWidget)

/* what a cell is */
typedef enum
{
  LIN_ROSTER_ROTA_CELL_HEADER,   /* a column's heading, the corner */
  LIN_ROSTER_ROTA_CELL_NAME,     /* a row's heading: an alias, "Missing" */
  LIN_ROSTER_ROTA_CELL_DAY,      /* a person's day: her shifts */
  LIN_ROSTER_ROTA_CELL_MISSING,  /* a day's people missing */
  LIN_ROSTER_ROTA_CELL_TOTAL,    /* a person's hours or nights */
  LIN_ROSTER_ROTA_CELL_SAMPLE,   /* the legend's */
} LinRosterRotaCellKind;

/* a cell's state: the weekend a CSS class, the others drawn */
enum {
  LIN_ROSTER_ROTA_CELL_WEEKEND = 1 << 0,
  LIN_ROSTER_ROTA_CELL_HARD    = 1 << 1,   /* her shift breaks a hard rule */
  LIN_ROSTER_ROTA_CELL_SOFT    = 1 << 2,
  LIN_ROSTER_ROTA_CELL_GAP     = 1 << 3,   /* people missing */
};

/* a line of a cell's marker: a line's colour, 1 + its index; 0: none */
#define LIN_ROSTER_ROTA_MARK_NIGHT 0x80    /* a night shift: filled */
#define LIN_ROSTER_ROTA_N_COLOURS  6
#define LIN_ROSTER_ROTA_MAX_LINES  4       /* of text in a cell */

LinRosterRotaCell    *lin_roster_rota_cell_new        (LinRosterRotaCellKind kind);
void                  lin_roster_rota_cell_set        (LinRosterRotaCell *self,
                                                       int                person,
                                                       guint              julian,
                                                       const char        *text,
                                                       const guint8      *marks,
                                                       guint              state,
                                                       char              *spoken);
void                  lin_roster_rota_cell_set_xalign (LinRosterRotaCell *self,
                                                       float              xalign);
LinRosterRotaCellKind lin_roster_rota_cell_get_kind   (LinRosterRotaCell *self);
int                   lin_roster_rota_cell_get_person (LinRosterRotaCell *self);
guint                 lin_roster_rota_cell_get_state  (LinRosterRotaCell *self);
guint                 lin_roster_rota_cell_get_julian (LinRosterRotaCell *self);
const char           *lin_roster_rota_cell_get_text   (LinRosterRotaCell *self);
const char           *lin_roster_rota_cell_get_label  (LinRosterRotaCell *self);

#define MAX_DAYS        31
#define DAY_WIDTH       32   /* px, natural */
#define MIN_DAY_WIDTH   26
#define NAME_WIDTH      120  /* px: a longer alias is ellipsized */
#define TOTAL_WIDTH     52
#define MIN_ROW_HEIGHT  22

/* the cells of a row: its heading, a day each, its totals */
enum {
  COLUMN_NAME   = 0,
  COLUMN_DAY    = 1,
  COLUMN_HOURS  = COLUMN_DAY + MAX_DAYS,
  COLUMN_NIGHTS,
  N_COLUMNS
};

#define LIN_TYPE_ROSTER_ROTA_ROW (lin_roster_rota_row_get_type ())

G_DECLARE_FINAL_TYPE (LinRosterRotaRow, lin_roster_rota_row, LIN, ROSTER_ROTA_ROW, GtkWidget)

struct _LinRosterRotaRow
{
  GtkWidget          parent_instance;

  LinRosterRotaCell *cells[N_COLUMNS];   /* the Missing row has no totals */
  guint              n_days;
};

LinRosterRotaRow     *lin_roster_rota_row_new         (LinRosterRotaCellKind kind,
                                                       guint              n_days);
void                  lin_roster_rota_row_set_n_days  (LinRosterRotaRow  *row,
                                                       guint              n_days);

void                  lin_roster_rota_cell_focused    (LinRosterRota     *self,
                                                       GtkWidget         *cell);

G_END_DECLS
