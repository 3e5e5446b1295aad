/* lin-roster-print.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "lin-roster.h"

G_BEGIN_DECLS

#define LIN_TYPE_ROSTER_PRINT (lin_roster_print_get_type ())

G_DECLARE_FINAL_TYPE (LinRosterPrint, lin_roster_print, LIN, ROSTER_PRINT, GtkPrintOperation)

GtkPrintOperation *lin_roster_print_month_new  (LinRoster *roster,
                                                GArray    *violations,
                                                GDate     *month,
                                                guint      day_start);
GtkPrintOperation *lin_roster_print_person_new (LinRoster *roster,
                                                guint      person,
                                                gint64     from,
                                                gint64     to);
void               lin_roster_print_cancel     (GtkPrintOperation *operation);

G_END_DECLS
