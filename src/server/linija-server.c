/* linija-server.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * linija-server: the organisation's relay. One folder holds its state
 * (mode 0700): server.db and the TLS certificate and key. The commands
 * are for the server box: `init` makes the folder, `run` serves HTTPS,
 * and the coordinator makes the organisation, invite codes, and lists or
 * revokes devices. Each command prints plain values, one a line, so a
 * script can read them; messages go to standard error in the user's
 * language, like linija-cli's. Codes and tokens never appear in the log.
 */

#define G_LOG_DOMAIN "linija-server"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lin-cli-input.h"
#include "lin-i18n.h"
#include "lin-secret.h"
#include "lin-server.h"
#include "lin-server-db.h"
#include "lin-server-tls.h"

#define DB_FILE "server.db"
#define DEFAULT_EXPIRES_HOURS 72
#define MAX_EXPIRES_HOURS (24 * 30)

enum
{
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

typedef int (*CommandFunc) (const char *dir,
                            char      **args);

typedef struct
{
  const char         *name;
  const char         *synopsis;  /* not translated */
  const char         *summary;   /* N_() */
  const GOptionEntry *entries;
  guint               n_args;    /* after DIR */
  CommandFunc         run;
} Command;

static struct
{
  char  *cert;
  char  *key;
  char **hostnames;
  char  *listen;
  char  *name;
  char  *org;
  int    expires;
} opts = { .expires = DEFAULT_EXPIRES_HOURS };

static const GOptionEntry init_entries[] = {
  /* Translators: the words in capitals (PEM, NAME, HOURS, ID, ADDR:PORT)
   * stand for an option's value in --help; linija-cli keeps its own as
   * they are */
  { "cert", 0, 0, G_OPTION_ARG_FILENAME, &opts.cert,
    N_("The organisation's TLS certificate (PEM) instead of a self-signed one"), N_("PEM") },
  { "key", 0, 0, G_OPTION_ARG_FILENAME, &opts.key, N_("The certificate's private key (PEM)"), N_("PEM") },
  { "hostname", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opts.hostnames,
    N_("A name or address of the server for the self-signed certificate (repeatable)"), N_("NAME") },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry cert_entries[] = {
  { "cert", 0, 0, G_OPTION_ARG_FILENAME, &opts.cert,
    N_("The organisation's TLS certificate (PEM)"), N_("PEM") },
  { "key", 0, 0, G_OPTION_ARG_FILENAME, &opts.key, N_("The certificate's private key (PEM)"), N_("PEM") },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry run_entries[] = {
  { "listen", 0, 0, G_OPTION_ARG_STRING, &opts.listen,
    N_("The address and port to serve HTTPS on, such as 0.0.0.0:8443 or [::1]:8443"), N_("ADDR:PORT") },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry org_entries[] = {
  { "name", 0, 0, G_OPTION_ARG_STRING, &opts.name, N_("The organisation's name"), N_("NAME") },
  { "expires", 0, 0, G_OPTION_ARG_INT, &opts.expires,
    N_("The code expires after this many hours (default 72)"), N_("HOURS") },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry invite_entries[] = {
  { "org", 0, 0, G_OPTION_ARG_STRING, &opts.org, N_("The organisation's id"), N_("ID") },
  { "expires", 0, 0, G_OPTION_ARG_INT, &opts.expires,
    N_("The code expires after this many hours (default 72)"), N_("HOURS") },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry devices_entries[] = {
  { "org", 0, 0, G_OPTION_ARG_STRING, &opts.org, N_("The organisation's id"), N_("ID") },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry no_entries[] = {
  G_OPTION_ENTRY_NULL
};

#define fail(code, ...) lin_cli_fail ("linija-server", (code), __VA_ARGS__)

static int
fail_error (const GError *error)
{
  return fail (error->domain == G_OPTION_ERROR ? EXIT_USAGE : EXIT_FAILED, "%s", error->message);
}

/* An ISO 8601 time in UTC, for the expiry of codes */
static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

/* The state folder must be the server's alone: it holds the TLS key */
static gboolean
check_private (const char *dir)
{
  GStatBuf st;

  if (g_stat (dir, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      /* Translators: %s is a folder */
      fail (EXIT_FAILED, _("%s is not a linija-server folder; make one with “linija-server init”"), dir);
      return FALSE;
    }
  if ((st.st_mode & 077) != 0)
    {
      /* Translators: %s is a folder; “chmod 700” is a command, not translated */
      fail (EXIT_FAILED, _("Others can open %s; make it private with “chmod 700”"), dir);
      return FALSE;
    }

  return TRUE;
}

static LinServerDb *
open_db (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, DB_FILE, NULL);
  g_autoptr(GError) error = NULL;
  LinServerDb *db;

  if (!check_private (dir))
    return NULL;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a folder */
      fail (EXIT_FAILED, _("%s is not a linija-server folder; make one with “linija-server init”"), dir);
      return NULL;
    }

  db = lin_server_db_open (path, FALSE, &error);
  if (db == NULL)
    fail_error (error);

  return db;
}

static int
make_folder (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, DB_FILE, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    /* Translators: %s is a folder */
    return fail (EXIT_FAILED, _("%s is a linija-server folder already"), dir);

  /* an empty folder that exists (systemd's StateDirectory) is taken */
  if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
    {
      int saved = errno;

      /* Translators: %1$s is a folder, %2$s the system's reason */
      return fail (EXIT_FAILED, _("Could not make %1$s: %2$s"), dir, g_strerror (saved));
    }

  return EXIT_OK;
}

static int
cmd_init (const char  *dir,
          char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinServerDb) db = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autofree char *path = NULL;
  g_autofree char *fingerprint = NULL;
  gboolean ok;
  int code;

  if ((opts.cert == NULL) != (opts.key == NULL))
    return fail (EXIT_USAGE, "%s", _("Give both --cert and --key, or neither"));

  if ((code = make_folder (dir)) != EXIT_OK)
    return code;

  if (opts.cert != NULL)
    ok = lin_server_tls_install (dir, opts.cert, opts.key, &error);
  else
    ok = lin_server_tls_make_self_signed (dir, (const char * const *)opts.hostnames, &error);
  if (!ok || (certificate = lin_server_tls_load (dir, &error)) == NULL)
    return fail_error (error);

  path = g_build_filename (dir, DB_FILE, NULL);
  db = lin_server_db_open (path, TRUE, &error);
  if (db == NULL)
    return fail_error (error);

  /* what a client pins when the certificate is self-signed */
  fingerprint = lin_server_tls_fingerprint (certificate);
  g_print ("%s\n", fingerprint);

  return EXIT_OK;
}

static GSocketAddress *
parse_listen (const char  *text,
              GError     **error)
{
  g_autoptr(GSocketConnectable) parsed = NULL;
  g_autoptr(GInetAddress) address = NULL;

  parsed = g_network_address_parse (text, 0, error);
  if (parsed == NULL)
    return NULL;

  address = g_inet_address_new_from_string (g_network_address_get_hostname (G_NETWORK_ADDRESS (parsed)));
  if (address == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--listen takes a numeric address and a port, such as 0.0.0.0:8443"));
      return NULL;
    }

  return g_inet_socket_address_new (address, g_network_address_get_port (G_NETWORK_ADDRESS (parsed)));
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_CONTINUE;
}

static int
cmd_run (const char  *dir,
         char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinServerDb) db = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(LinServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  GSList *uris;
  guint term, interrupt;

  if (opts.listen == NULL)
    return fail (EXIT_USAGE, "%s", _("Where to listen? Give --listen ADDR:PORT"));
  if ((address = parse_listen (opts.listen, &error)) == NULL)
    return fail_error (error);

  if ((db = open_db (dir)) == NULL)
    return EXIT_FAILED;
  if ((certificate = lin_server_tls_load (dir, &error)) == NULL)
    return fail_error (error);

  server = lin_server_new (db, certificate);
  if (!lin_server_listen (server, address, &error))
    return fail_error (error);

  /* the first line of output says where, for scripts and tests that
   * listen on port 0 */
  uris = lin_server_get_uris (server);
  for (GSList *l = uris; l != NULL; l = l->next)
    {
      g_autofree char *uri = g_uri_to_string (l->data);

      g_print ("%s\n", uri);
    }
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  term = g_unix_signal_add (SIGTERM, quit_cb, loop);
  interrupt = g_unix_signal_add (SIGINT, quit_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (term);
  g_source_remove (interrupt);

  lin_server_disconnect (server);
  g_message ("stopped");

  return EXIT_OK;
}

static gboolean
check_expires (void)
{
  if (opts.expires >= 1 && opts.expires <= MAX_EXPIRES_HOURS)
    return TRUE;

  /* Translators: %d is the most hours, 720 */
  fail (EXIT_USAGE, _("--expires takes from 1 to %d hours"), MAX_EXPIRES_HOURS);
  return FALSE;
}

static int
cmd_org_create (const char  *dir,
                char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinServerDb) db = NULL;
  g_autofree char *id = NULL;
  g_autofree char *code = NULL;
  g_autofree char *expiry = NULL;
  gint64 expires;

  if (opts.name == NULL || *opts.name == '\0' || !g_utf8_validate (opts.name, -1, NULL))
    return fail (EXIT_USAGE, "%s", _("An organisation needs a name: give --name NAME"));
  if (!check_expires ())
    return EXIT_USAGE;
  if ((db = open_db (dir)) == NULL)
    return EXIT_FAILED;

  expires = lin_server_db_now () + (gint64)opts.expires * 3600;
  id = lin_server_db_create_org (db, opts.name, expires, &code, &error);
  if (id == NULL)
    return fail_error (error);

  expiry = format_time (expires);
  g_print ("%s\n%s\n%s\n", id, code, expiry);

  return EXIT_OK;
}

static int
cmd_invite (const char  *dir,
            char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinServerDb) db = NULL;
  g_autofree char *code = NULL;
  g_autofree char *expiry = NULL;
  gint64 expires;

  if (opts.org == NULL)
    return fail (EXIT_USAGE, "%s", _("Which organisation? Give --org ID"));
  if (!check_expires ())
    return EXIT_USAGE;
  if ((db = open_db (dir)) == NULL)
    return EXIT_FAILED;

  expires = lin_server_db_now () + (gint64)opts.expires * 3600;
  code = lin_server_db_create_invite (db, opts.org, expires, &error);
  if (code == NULL && g_error_matches (error, LIN_SERVER_ERROR, LIN_SERVER_ERROR_STATE))
    return fail (EXIT_FAILED, "%s", _("The organisation is not founded yet: enrol the "
                                      "coordinator's Linija with the founding code first"));
  if (code == NULL)
    return fail_error (error);

  expiry = format_time (expires);
  g_print ("%s\n%s\n", code, expiry);

  return EXIT_OK;
}

static int
cmd_devices (const char  *dir,
             char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinServerDb) db = NULL;
  g_autoptr(GPtrArray) devices = NULL;

  if (opts.org == NULL)
    return fail (EXIT_USAGE, "%s", _("Which organisation? Give --org ID"));
  if ((db = open_db (dir)) == NULL)
    return EXIT_FAILED;

  devices = lin_server_db_list_devices (db, opts.org, NULL, &error);
  if (devices == NULL)
    return fail_error (error);

  for (guint i = 0; i < devices->len; i++)
    {
      LinServerDevice *device = g_ptr_array_index (devices, i);
      g_autofree char *enrolled = format_time (device->enrolled);
      g_autofree char *name = lin_cli_dup_printable (device->name);

      g_print ("%s\t%s\t%s\t%s\t%s\n", device->id, device->state, enrolled, device->role, name);
    }

  return EXIT_OK;
}

static int
cmd_org_list (const char  *dir,
              char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinServerDb) db = NULL;
  g_autoptr(GPtrArray) orgs = NULL;

  if ((db = open_db (dir)) == NULL)
    return EXIT_FAILED;

  orgs = lin_server_db_list_orgs (db, &error);
  if (orgs == NULL)
    return fail_error (error);

  for (guint i = 0; i < orgs->len; i++)
    {
      LinServerOrg *org = g_ptr_array_index (orgs, i);
      g_autofree char *created = format_time (org->created);
      g_autofree char *name = lin_cli_dup_printable (org->name);

      g_print ("%s\t%s\t%s\t%s\n", org->id, org->founded ? "founded" : "unfounded", created, name);
    }

  return EXIT_OK;
}

/* A renewed certificate (say, every 60 days from Let's Encrypt) replaces
 * the old one only once it loads with its key; `run` reads it at start */
static int
cmd_certificate (const char  *dir,
                 char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autofree char *fingerprint = NULL;
  g_autoptr(LinServerDb) db = NULL;

  if (opts.cert == NULL || opts.key == NULL)
    return fail (EXIT_USAGE, "%s", _("Give both --cert and --key"));
  if ((db = open_db (dir)) == NULL)
    return EXIT_FAILED;

  if (!lin_server_tls_install (dir, opts.cert, opts.key, &error) ||
      (certificate = lin_server_tls_load (dir, &error)) == NULL)
    return fail_error (error);

  fingerprint = lin_server_tls_fingerprint (certificate);
  g_print ("%s\n", fingerprint);

  return EXIT_OK;
}

static int
cmd_revoke (const char  *dir,
            char       **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinServerDb) db = NULL;

  if ((db = open_db (dir)) == NULL)
    return EXIT_FAILED;

  if (!lin_server_db_revoke (db, NULL, args[0], &error))
    return fail_error (error);

  return EXIT_OK;
}

static const Command commands[] = {
  { "init", "DIR [--cert PEM --key PEM] [--hostname NAME…]",
    N_("Make the state folder with a self-signed TLS certificate, or the organisation's own. "
       "Prints the certificate's SHA-256 fingerprint."),
    init_entries, 0, cmd_init },
  { "run", "DIR --listen ADDR:PORT",
    N_("Serve HTTPS until SIGTERM or SIGINT. Prints the address it listens on."),
    run_entries, 0, cmd_run },
  { "org create", "DIR --name NAME [--expires HOURS]",
    N_("Make an organisation. Prints its id, the one-time founding code for the coordinator's "
       "Linija and when the code expires."),
    org_entries, 0, cmd_org_create },
  { "org list", "DIR",
    N_("List the organisations, one a line: id, founded or unfounded, when it was made, name."),
    no_entries, 0, cmd_org_list },
  { "invite", "DIR --org ID [--expires HOURS]",
    N_("Make a one-time enrolment code for a new device. Prints the code and when it expires."),
    invite_entries, 0, cmd_invite },
  { "devices", "DIR --org ID",
    N_("List an organisation's devices, one a line: id, state, enrolment time, role, name."),
    devices_entries, 0, cmd_devices },
  { "certificate", "DIR --cert PEM --key PEM",
    N_("Replace the TLS certificate and key, once they load as a pair; restart the server "
       "to use them. Prints the certificate's SHA-256 fingerprint."),
    cert_entries, 0, cmd_certificate },
  { "revoke", "DIR DEVICE",
    N_("Revoke a device: its token is refused from now on."),
    no_entries, 1, cmd_revoke },
};

static char *
dup_command_list (void)
{
  GString *out = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (out, "\n  %s %s\n      %s", commands[i].name, commands[i].synopsis,
                            _(commands[i].summary));
  g_string_append (out, "\n\n");
  g_string_append (out, _("Exit status: 0 done, 1 failure, 2 wrong usage."));
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

static int
run_command (const Command  *command,
             char          **rest)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *prgname = g_strconcat ("linija-server ", command->name, NULL);
  g_auto(GStrv) args = NULL;

  g_set_prgname (prgname);
  context = g_option_context_new (command->n_args > 0 ? "DIR DEVICE" : "DIR");
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_add_main_entries (context, command->entries, GETTEXT_PACKAGE);

  g_strv_builder_add (builder, prgname);
  g_strv_builder_addv (builder, (const char **)rest);
  args = g_strv_builder_end (builder);

  if (!g_option_context_parse_strv (context, &args, &error))
    return fail_error (error);

  if (g_strv_length (args) != command->n_args + 2)
    /* Translators: %s is a command, such as “linija-server invite” */
    return fail (EXIT_USAGE, _("Wrong arguments; see “%s --help”"), prgname);

  return command->run (args[1], args + 2);
}

static const Command *
find_command (char  **args,
              guint  *n_words)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(GStrv) words = g_strsplit (commands[i].name, " ", 2);

      if (g_str_equal (args[0], words[0]) &&
          (words[1] == NULL || (args[1] != NULL && g_str_equal (args[1], words[1]))))
        {
          *n_words = g_strv_length (words);
          return &commands[i];
        }
    }

  fail (EXIT_USAGE, "%s", _("Unknown command; see “linija-server --help”"));
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *command_list = NULL;
  g_auto(GStrv) args = NULL;
  const Command *command;
  guint n_words = 0;
  int code;

  /* no core dumps: the process handles tokens and the TLS key */
  lin_process_harden ();
  lin_i18n_init (NULL);
  g_set_prgname ("linija-server");
  if (!lin_secret_init (&error))
    return fail_error (error);

  command_list = dup_command_list ();
  /* Translators: the shape of the command line in --help, as linija-cli's
   * “COMMAND [ARGUMENT…]” */
  context = g_option_context_new (_("COMMAND DIR [ARGUMENT…]"));
  g_option_context_set_summary (context, _("The organisation's server: it stores and relays "
                                           "Linija's encrypted records, which it cannot read."));
  g_option_context_set_description (context, command_list);
  g_option_context_set_strict_posix (context, TRUE);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    return fail_error (error);

  if (args[0] == NULL || args[1] == NULL)
    return fail (EXIT_USAGE, "%s", _("Which command? See “linija-server --help”"));

  command = find_command (args + 1, &n_words);
  if (command == NULL)
    return EXIT_USAGE;

  code = run_command (command, args + 1 + n_words);
  g_clear_pointer (&opts.hostnames, g_strfreev);

  return code;
}
