/* lin-hours.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIN_HOURS_ERROR (lin_hours_error_quark ())

/* the days of the week, Monday first */
#define LIN_HOURS_N_DAYS 7

typedef enum
{
  LIN_HOURS_ERROR_INVALID,
} LinHoursError;

typedef struct _LinHours LinHours;

GQuark    lin_hours_error_quark (void);

LinHours *lin_hours_parse       (const char  *text,
                                 GError     **error);
void      lin_hours_free        (LinHours    *self);
char     *lin_hours_to_string   (const LinHours *self);
char     *lin_hours_dup_display (const LinHours *self);
gboolean  lin_hours_get_always  (const LinHours *self);
const char *lin_hours_get_day_code (guint         day);
const char *lin_hours_get_day_name (guint         day);
const char *lin_hours_get_month_name (guint       month);
gboolean  lin_hours_get_span    (const LinHours *self,
                                 guint           day,
                                 guint           i,
                                 guint          *start,
                                 guint          *end);
gboolean  lin_hours_is_open_at  (const LinHours *self,
                                 GDateTime      *when,
                                 GTimeZone      *zone);
gboolean  lin_hours_is_holiday  (int             year,
                                 int             month,
                                 int             day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinHours, lin_hours_free)

G_END_DECLS
