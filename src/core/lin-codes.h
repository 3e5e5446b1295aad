/* lin-codes.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Code lists: stable codes (what records store) with English labels (what
 * gettext translates, with the list's name as context). Each list is a
 * JSON file in data/codes/NAME.json, compiled into the core's resources:
 *
 *   { "list": "channel", "version": 1, "multiple": false,
 *     "codes": [ { "code": "phone", "label": "Phone call" },
 *                { "code": "silent", "label": "Silent call",
 *                  "flags": [ "one-step", "no-statistics" ] }, … ] }
 *
 * Codes are never renamed or reused once shipped: old records keep them.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIN_CODES_ERROR (lin_codes_error_quark ())

typedef enum
{
  LIN_CODES_ERROR_INVALID,   /* a code list file that is not one */
} LinCodesError;

typedef struct _LinCodeList LinCodeList;

typedef struct
{
  const char         *code;   /* stable, ASCII: [a-z0-9-]+ */
  const char         *label;  /* English, untranslated: a msgid */
  const char * const *flags;  /* NULL-terminated, never NULL */
} LinCode;

GQuark             lin_codes_error_quark      (void);

/* Every list, loaded once, alive until the process ends; NULL when there
 * is no list of that name */
const LinCodeList *lin_code_list_get          (const char        *name);
const char * const *lin_code_list_get_names   (void);

const char        *lin_code_list_get_name     (const LinCodeList *self);
guint              lin_code_list_get_version  (const LinCodeList *self);
gboolean           lin_code_list_is_multiple  (const LinCodeList *self);
guint              lin_code_list_get_n_codes  (const LinCodeList *self);
const LinCode     *lin_code_list_get_code     (const LinCodeList *self,
                                               guint              i);
const LinCode     *lin_code_list_lookup       (const LinCodeList *self,
                                               const char        *code);

/* The label in the user's language (g_dpgettext2 with the list's name as
 * context); for a code the list does not know, the code itself */
const char        *lin_code_list_get_label    (const LinCodeList *self,
                                               const char        *code);
gboolean           lin_code_has_flag          (const LinCode     *code,
                                               const char        *flag);

/* Shortcut: lin_code_list_get_label (lin_code_list_get (list), code) */
const char        *lin_code_label             (const char        *list,
                                               const char        *code);

/* A list from a file's contents, checked (codes and labels unique, codes
 * well-formed); for tests and tools. The shipped lists come from
 * lin_code_list_get(). */
LinCodeList       *lin_code_list_new_from_data (const char       *json,
                                                gssize            len,
                                                GError          **error);
void               lin_code_list_free         (LinCodeList       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinCodeList, lin_code_list_free)

G_END_DECLS
