/* lin-cli-input.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longer passphrases are refused rather than cut */
#define LIN_CLI_PASSPHRASE_MAX 1024

typedef enum
{
  LIN_CLI_READ_OK,
  LIN_CLI_READ_EMPTY,
  LIN_CLI_READ_TOO_LONG,
  LIN_CLI_READ_FAILED,   /* errno says why */
} LinCliRead;

/* Secret text: NUL-terminated, wiped when it grows and when it is freed */
typedef struct
{
  char     *data;
  gsize     len;
  gsize     capacity;
  gboolean  locked;      /* sodium_malloc memory */
} LinCliSecret;

LinCliSecret *lin_cli_secret_read_line (int          fd,
                                        const char  *prompt,
                                        LinCliRead  *result);
LinCliSecret *lin_cli_secret_read_all  (int          fd,
                                        gsize        max,
                                        LinCliRead  *result);
void          lin_cli_secret_free      (LinCliSecret *secret);
void          lin_cli_wipe_string      (char        *str);
char         *lin_cli_dup_printable    (const char  *text);
int           lin_cli_fail_message     (const char  *program,
                                        int          code,
                                        char        *message);

/* Prints "PROGRAM: message" on one line of standard error; returns @code */
#define lin_cli_fail(program, code, ...) \
  lin_cli_fail_message ((program), (code), g_strdup_printf (__VA_ARGS__))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinCliSecret, lin_cli_secret_free)

G_END_DECLS
