/* lin-cli-input.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading secrets for linija-cli: a passphrase from the first line of a
 * file descriptor into sodium_malloc() memory (locked, guarded, wiped when
 * freed), without echo when the descriptor is a terminal; and the rest of
 * the input (a record's JSON) into memory that is wiped whenever it grows
 * and when it is freed. Everything goes through read(2), never stdio, so
 * that no buffer of libc's keeps a copy, and the passphrase is read one
 * byte at a time so that nothing past its line is consumed.
 *
 * No user-visible strings here: the caller says what went wrong, and
 * lin_cli_fail() prints it, for linija-cli and linija-server alike (which
 * also share lin_cli_dup_printable() for names in their output).
 */

#define G_LOG_DOMAIN "linija-cli"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sodium.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "lin-cli-input.h"

#define READ_CHUNK (64 * 1024)

/* The terminal's settings while echo is off, for the signal handler */
static struct termios saved_termios;
static volatile sig_atomic_t echo_off_fd = -1;

static const int restore_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP };

static void
restore_terminal_cb (int signum)
{
  int fd = echo_off_fd;

  /* tcsetattr(), signal() and raise() are async-signal-safe */
  if (fd >= 0)
    tcsetattr (fd, TCSANOW, &saved_termios);
  echo_off_fd = -1;

  signal (signum, SIG_DFL);
  raise (signum);
}

static gboolean
echo_off (int               fd,
          struct sigaction *old_actions)
{
  struct termios quiet;
  struct sigaction action;

  if (tcgetattr (fd, &saved_termios) != 0)
    return FALSE;

  memset (&action, 0, sizeof action);
  action.sa_handler = restore_terminal_cb;
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (restore_signals); i++)
    sigaction (restore_signals[i], &action, &old_actions[i]);

  quiet = saved_termios;
  quiet.c_lflag &= ~(tcflag_t)ECHO;
  quiet.c_lflag |= ECHONL;
  echo_off_fd = fd;
  if (tcsetattr (fd, TCSAFLUSH, &quiet) != 0)
    {
      echo_off_fd = -1;
      for (guint i = 0; i < G_N_ELEMENTS (restore_signals); i++)
        sigaction (restore_signals[i], &old_actions[i], NULL);
      return FALSE;
    }

  return TRUE;
}

static void
echo_on (int                     fd,
         const struct sigaction *old_actions)
{
  tcsetattr (fd, TCSAFLUSH, &saved_termios);
  echo_off_fd = -1;
  for (guint i = 0; i < G_N_ELEMENTS (restore_signals); i++)
    sigaction (restore_signals[i], &old_actions[i], NULL);
}

static LinCliSecret *
secret_new_locked (gsize capacity)
{
  LinCliSecret *secret = g_new0 (LinCliSecret, 1);

  secret->data = sodium_malloc (capacity);
  if (secret->data == NULL)
    g_error ("Out of memory for a passphrase");
  sodium_memzero (secret->data, capacity);
  secret->capacity = capacity;
  secret->locked = TRUE;

  return secret;
}

/**
 * lin_cli_secret_free:
 * @secret: (nullable): a #LinCliSecret
 *
 * Wipes and frees @secret.
 */
void
lin_cli_secret_free (LinCliSecret *secret)
{
  if (secret == NULL)
    return;

  if (secret->locked)
    {
      sodium_free (secret->data); /* wipes it */
    }
  else if (secret->data != NULL)
    {
      sodium_memzero (secret->data, secret->capacity);
      g_free (secret->data);
    }

  g_free (secret);
}

/**
 * lin_cli_wipe_string:
 * @str: (nullable) (transfer full): plaintext, such as a record's JSON
 *
 * Wipes and frees @str.
 */
void
lin_cli_wipe_string (char *str)
{
  if (str == NULL)
    return;

  sodium_memzero (str, strlen (str));
  g_free (str);
}

static gssize
read_retrying (int    fd,
               void  *buf,
               gsize  len)
{
  gssize n;

  do
    n = read (fd, buf, len);
  while (n < 0 && errno == EINTR);

  return n;
}

/**
 * lin_cli_secret_read_line:
 * @fd: where to read
 * @prompt: (nullable): shown on standard error, with echo off, when @fd
 *   is a terminal
 * @result: (out): how it went
 *
 * Reads one line (the passphrase) without its line ending. An empty line
 * or end of input gives %LIN_CLI_READ_EMPTY.
 *
 * Returns: (transfer full) (nullable): the line, or %NULL
 */
LinCliSecret *
lin_cli_secret_read_line (int          fd,
                          const char  *prompt,
                          LinCliRead  *result)
{
  g_autoptr(LinCliSecret) secret = secret_new_locked (LIN_CLI_PASSPHRASE_MAX + 1);
  struct sigaction old_actions[G_N_ELEMENTS (restore_signals)];
  gboolean quiet = FALSE;
  gboolean too_long = FALSE;
  int saved_errno = 0;
  gssize n = 0;

  g_return_val_if_fail (result != NULL, NULL);

  if (prompt != NULL && isatty (fd))
    {
      quiet = echo_off (fd, old_actions);
      g_printerr ("%s", prompt);
    }

  for (;;)
    {
      char c;

      n = read_retrying (fd, &c, 1);
      if (n <= 0 || c == '\n')
        break;

      if (secret->len >= LIN_CLI_PASSPHRASE_MAX)
        {
          too_long = TRUE;
          continue; /* drain the line, keep nothing more */
        }

      secret->data[secret->len++] = c;
      c = 0;
    }
  saved_errno = errno;

  if (quiet)
    echo_on (fd, old_actions);

  if (n < 0)
    {
      errno = saved_errno;
      *result = LIN_CLI_READ_FAILED;
      return NULL;
    }

  if (too_long)
    {
      *result = LIN_CLI_READ_TOO_LONG;
      return NULL;
    }

  if (secret->len > 0 && secret->data[secret->len - 1] == '\r')
    secret->data[--secret->len] = '\0';

  if (secret->len == 0)
    {
      *result = LIN_CLI_READ_EMPTY;
      return NULL;
    }

  *result = LIN_CLI_READ_OK;
  return g_steal_pointer (&secret);
}

static void
secret_grow (LinCliSecret *secret,
             gsize         wanted)
{
  gsize capacity = MAX (secret->capacity, 4096);
  char *fresh;

  while (capacity < wanted)
    capacity *= 2;

  if (capacity == secret->capacity)
    return;

  /* not g_realloc(): the old block would be freed unwiped */
  fresh = g_malloc0 (capacity);
  if (secret->data != NULL)
    {
      memcpy (fresh, secret->data, secret->len);
      sodium_memzero (secret->data, secret->capacity);
      g_free (secret->data);
    }
  secret->data = fresh;
  secret->capacity = capacity;
}

/**
 * lin_cli_secret_read_all:
 * @fd: where to read
 * @max: the most bytes to accept
 * @result: (out): how it went
 *
 * Reads everything up to the end of input.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL
 */
LinCliSecret *
lin_cli_secret_read_all (int          fd,
                         gsize        max,
                         LinCliRead  *result)
{
  g_autoptr(LinCliSecret) secret = g_new0 (LinCliSecret, 1);

  g_return_val_if_fail (result != NULL, NULL);

  for (;;)
    {
      gssize n;

      secret_grow (secret, secret->len + READ_CHUNK + 1);
      n = read_retrying (fd, secret->data + secret->len, READ_CHUNK);
      if (n < 0)
        {
          *result = LIN_CLI_READ_FAILED;
          return NULL;
        }
      if (n == 0)
        break;

      secret->len += n;
      if (secret->len > max)
        {
          *result = LIN_CLI_READ_TOO_LONG;
          return NULL;
        }
    }

  secret->data[secret->len] = '\0';

  if (secret->len == 0)
    {
      *result = LIN_CLI_READ_EMPTY;
      return NULL;
    }

  *result = LIN_CLI_READ_OK;
  return g_steal_pointer (&secret);
}

/**
 * lin_cli_dup_printable:
 * @text: (nullable): a name, which may hold anything
 *
 * Returns: (transfer full): @text with control characters as spaces, so
 *   that it stays on its line of the output
 */
char *
lin_cli_dup_printable (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  for (char *p = copy; *p; p++)
    if ((guchar)*p < 0x20 || *p == 0x7f)
      *p = ' ';

  return copy;
}

/**
 * lin_cli_fail_message:
 * @program: the program's name
 * @code: an exit status
 * @message: (transfer full): what went wrong
 *
 * Prints @message as one line of standard error, after the program's
 * name. Use lin_cli_fail().
 *
 * Returns: @code
 */
int
lin_cli_fail_message (const char *program,
                      int         code,
                      char       *message)
{
  g_strdelimit (message, "\r\n", ' ');
  g_printerr ("%s: %s\n", program, message);
  g_free (message);

  return code;
}
