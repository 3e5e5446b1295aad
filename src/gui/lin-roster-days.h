/* lin-roster-days.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the roster's month and its rota of people share: which day a
 * shift belongs to, the rules each shift breaks, a few words, and how
 * their cells change only what changed.
 */

#pragma once

#include <gtk/gtk.h>

#include "lin-roster.h"

G_BEGIN_DECLS

/* the rules a shift breaks, as bits */
enum {
  LIN_ROSTER_DAYS_HARD = 1 << 0,
  LIN_ROSTER_DAYS_SOFT = 1 << 1,
};

gint64      lin_roster_days_start        (const GDate *day,
                                          guint        day_start);
guint       lin_roster_days_of_shift     (LinRoster   *roster,
                                          guint        shift,
                                          guint        day_start);
guint8     *lin_roster_days_shift_rules  (LinRoster   *roster,
                                          GArray      *violations);
char       *lin_roster_days_format_day   (const GDate *day);
char       *lin_roster_days_format_span  (LinRoster   *roster,
                                          guint        shift);
int         lin_roster_days_start_hour   (LinRoster   *roster,
                                          guint        shift);
const char *lin_roster_days_line_name    (LinRoster   *roster,
                                          int          line);
char       *lin_roster_days_people       (guint        assigned,
                                          guint        required);
char       *lin_roster_days_missing      (guint        missing);

void        lin_roster_days_replace      (LinRoster  **roster,
                                          GArray     **violations,
                                          LinRoster   *new_roster,
                                          GArray      *new_violations);
void        lin_roster_days_place        (GtkWidget   *child,
                                          double       x,
                                          double       y,
                                          double       width,
                                          double       height);
void        lin_roster_days_set_label    (GtkWidget   *widget,
                                          char       **label,
                                          char        *spoken);
void        lin_roster_days_set_classes  (GtkWidget          *widget,
                                          const char * const *classes,
                                          guint               n_classes,
                                          guint               old_state,
                                          guint               state);

G_END_DECLS
