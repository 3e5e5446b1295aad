/* linija-cli.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * linija-cli: the encrypted core without a window, for coordinators'
 * scripts and for tests. Each run is one command in its own process that
 * unlocks the profile for itself and locks it again before it exits.
 * The passphrase never comes from the command line: it is the first line
 * of standard input (or of --passphrase-fd), read without echo from a
 * terminal. Exit codes say what went wrong (see docs/linija-cli.md);
 * error messages never hold a record's contents.
 */

#define G_LOG_DOMAIN "linija-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lin-cli-input.h"
#include "lin-directory.h"
#include "lin-directory-csv.h"
#include "lin-i18n.h"
#include "lin-profile.h"
#include "lin-record.h"
#include "lin-roster-ics.h"
#include "lin-store.h"
#include "lin-vault.h"

typedef enum
{
  LIN_CLI_EXIT_OK = 0,
  LIN_CLI_EXIT_FAILURE = 1,
  LIN_CLI_EXIT_USAGE = 2,
  LIN_CLI_EXIT_WRONG_PASSPHRASE = 3,
  LIN_CLI_EXIT_DAMAGED = 4,
  LIN_CLI_EXIT_NOT_FOUND = 5,
  LIN_CLI_EXIT_PERMISSIONS = 6,
} LinCliExit;

typedef int (*CommandFunc) (char **args);

typedef struct
{
  const char         *group;    /* "profile", "record", or NULL */
  const char         *name;
  const char         *synopsis; /* not translated: options and arguments */
  const char         *params;   /* N_(): the positional arguments */
  const char         *summary;  /* N_() */
  const GOptionEntry *entries;
  guint               n_args;
  CommandFunc         run;
} Command;

/* The values of every command's options */
static struct
{
  char     *data_dir;
  char     *profile;
  char     *kind;
  char     *id;
  char     *name;
  char     *person;
  char     *line;
  char     *output;
  gboolean  fast_kdf;
  gboolean  fields;
  gboolean  version;
  int       passphrase_fd;
} opts = { .passphrase_fd = -1 };

/* The kinds of record Linija knows (docs/ARCHITECTURE.md, "Records") */
static const char * const known_kinds[] = {
  "call", "note", "caller", "follow-up", "service", "person", "line",
  "shift", "assignment", "handover", "audit", "draft", NULL,
};

/* stdout's buffer: it holds decrypted records, so it is wiped at exit */
static char output_buffer[BUFSIZ];

#define DATA_DIR_ENTRY \
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &opts.data_dir, \
    N_("The folder of profiles (default: $XDG_DATA_HOME/linija)"), N_("DIR") }

#define PROFILE_ENTRY \
  { "profile", 0, 0, G_OPTION_ARG_FILENAME, &opts.profile, \
    N_("The profile: its folder id, its folder or its name"), N_("PROFILE") }

#define PASSPHRASE_FD_ENTRY \
  { "passphrase-fd", 0, 0, G_OPTION_ARG_INT, &opts.passphrase_fd, \
    N_("Read the passphrase from this file descriptor instead of standard input"), N_("FD") }

static const GOptionEntry global_entries[] = {
  DATA_DIR_ENTRY,
  { "version", 0, 0, G_OPTION_ARG_NONE, &opts.version, N_("Show the version and quit"), NULL },
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry create_entries[] = {
  { "name", 0, 0, G_OPTION_ARG_STRING, &opts.name, N_("The new profile's name"), N_("NAME") },
  { "fast-kdf", 0, 0, G_OPTION_ARG_NONE, &opts.fast_kdf,
    N_("Use the least key derivation Linija accepts instead of about one second of it: "
       "faster, for tests and scripts, but weaker against guessing the passphrase"), NULL },
  PASSPHRASE_FD_ENTRY,
  DATA_DIR_ENTRY,
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry data_dir_entries[] = {
  DATA_DIR_ENTRY,
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry profile_entries[] = {
  PROFILE_ENTRY,
  PASSPHRASE_FD_ENTRY,
  DATA_DIR_ENTRY,
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry put_entries[] = {
  PROFILE_ENTRY,
  { "kind", 0, 0, G_OPTION_ARG_STRING, &opts.kind, N_("The record's kind"), N_("KIND") },
  { "id", 0, 0, G_OPTION_ARG_STRING, &opts.id,
    N_("Save a new revision of this record instead of a new record"), N_("ID") },
  PASSPHRASE_FD_ENTRY,
  DATA_DIR_ENTRY,
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry list_records_entries[] = {
  PROFILE_ENTRY,
  { "kind", 0, 0, G_OPTION_ARG_STRING, &opts.kind, N_("Only records of this kind"), N_("KIND") },
  { "fields", 0, 0, G_OPTION_ARG_NONE, &opts.fields, N_("Print each record's fields too"), NULL },
  PASSPHRASE_FD_ENTRY,
  DATA_DIR_ENTRY,
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry export_ics_entries[] = {
  PROFILE_ENTRY,
  { "person", 0, 0, G_OPTION_ARG_STRING, &opts.person, N_("Only this person's shifts"), N_("ID") },
  { "line", 0, 0, G_OPTION_ARG_STRING, &opts.line, N_("Only this line's shifts"), N_("ID") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, &opts.output,
    N_("Write to this file instead of standard output"), N_("FILE") },
  PASSPHRASE_FD_ENTRY,
  DATA_DIR_ENTRY,
  G_OPTION_ENTRY_NULL
};

static const GOptionEntry backup_entries[] = {
  PROFILE_ENTRY,
  DATA_DIR_ENTRY,
  G_OPTION_ENTRY_NULL
};

#define fail(code, ...) lin_cli_fail ("linija-cli", (code), __VA_ARGS__)

static int
exit_code_for_error (const GError *error)
{
  if (error->domain == LIN_VAULT_ERROR)
    {
      switch ((LinVaultError)error->code)
        {
        case LIN_VAULT_ERROR_WRONG_PASSPHRASE:
          return LIN_CLI_EXIT_WRONG_PASSPHRASE;

        case LIN_VAULT_ERROR_DAMAGED:
        case LIN_VAULT_ERROR_TAMPERED:
        case LIN_VAULT_ERROR_UNSUPPORTED:
        case LIN_VAULT_ERROR_WEAK_KDF:
          return LIN_CLI_EXIT_DAMAGED;

        case LIN_VAULT_ERROR_NOT_FOUND:
          return LIN_CLI_EXIT_NOT_FOUND;

        case LIN_VAULT_ERROR_PERMISSIONS:
          return LIN_CLI_EXIT_PERMISSIONS;

        case LIN_VAULT_ERROR_INVALID:
        case LIN_VAULT_ERROR_WEAK_PASSPHRASE:
          return LIN_CLI_EXIT_USAGE;

        case LIN_VAULT_ERROR_EXISTS:
        case LIN_VAULT_ERROR_IO:
        case LIN_VAULT_ERROR_LOCKED:
        default:
          return LIN_CLI_EXIT_FAILURE;
        }
    }

  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return LIN_CLI_EXIT_NOT_FOUND;

  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_PERM) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return LIN_CLI_EXIT_PERMISSIONS;

  if (error->domain == G_OPTION_ERROR)
    return LIN_CLI_EXIT_USAGE;

  return LIN_CLI_EXIT_FAILURE;
}

/* The core's messages hold paths and SQLite's words, never a record's
 * contents; they are not translated, except the commonest. */
static int
fail_error (const GError *error)
{
  int code = exit_code_for_error (error);

  if (code == LIN_CLI_EXIT_WRONG_PASSPHRASE)
    return fail (code, "%s", _("The passphrase is wrong"));

  return fail (code, "%s", error->message);
}

/* GOption quotes the offending argument: keep nothing after an '=', in
 * case someone typed a secret there. */
static int
fail_option (const GError *error)
{
  g_autofree char *message = g_strdup (error->message);
  char *equals = strchr (message, '=');

  if (equals != NULL)
    *equals = '\0';

  return fail (LIN_CLI_EXIT_USAGE, "%s", message);
}

static void
print_line (const char *text)
{
  fputs (text, stdout);
  fputc ('\n', stdout);
}

static const char *
get_data_dir (void)
{
  static char *fallback;

  if (opts.data_dir != NULL && *opts.data_dir != '\0')
    return opts.data_dir;

  if (fallback == NULL)
    fallback = g_build_filename (g_get_user_data_dir (), "linija", NULL);

  return fallback;
}

/* The passphrase is never an argument: a command line is visible to
 * every user of the machine (ps, /proc). */
static gboolean
refuse_passphrase_argument (int    argc,
                            char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--"))
        break;

      if (g_str_equal (arg, "--passphrase-fd") || g_str_has_prefix (arg, "--passphrase-fd="))
        continue;

      if (g_str_has_prefix (arg, "--pass") || g_str_has_prefix (arg, "--pw") ||
          g_str_has_prefix (arg, "--secret"))
        {
          fail (LIN_CLI_EXIT_USAGE, "%s",
                _("A passphrase is never taken on the command line; "
                  "give it on standard input or with --passphrase-fd"));
          return TRUE;
        }
    }

  return FALSE;
}

static int
check_passphrase_fd (void)
{
  /* -1: not given, standard input */
  if (opts.passphrase_fd == -1 ||
      (opts.passphrase_fd >= 0 && fcntl (opts.passphrase_fd, F_GETFD) != -1))
    return LIN_CLI_EXIT_OK;

  /* Translators: %d is a file descriptor's number */
  return fail (LIN_CLI_EXIT_USAGE, _("The passphrase's file descriptor %d is not open"),
               opts.passphrase_fd);
}

static int
fail_read (LinCliRead  result,
           const char *what_is_missing)
{
  switch (result)
    {
    case LIN_CLI_READ_EMPTY:
      return fail (LIN_CLI_EXIT_USAGE, "%s", what_is_missing);

    case LIN_CLI_READ_TOO_LONG:
      return fail (LIN_CLI_EXIT_USAGE, "%s", _("The input is too long"));

    case LIN_CLI_READ_FAILED:
    case LIN_CLI_READ_OK:
    default:
      /* Translators: %s says why, from the system */
      return fail (LIN_CLI_EXIT_FAILURE, _("Could not read the input: %s"), g_strerror (errno));
    }
}

static int
read_passphrase (gboolean       confirm,
                 LinCliSecret **out)
{
  g_autoptr(LinCliSecret) passphrase = NULL;
  int fd = opts.passphrase_fd >= 0 ? opts.passphrase_fd : STDIN_FILENO;
  LinCliRead result;

  /* Translators: a prompt on the terminal; what is typed is not shown */
  passphrase = lin_cli_secret_read_line (fd, _("Passphrase: "), &result);
  if (passphrase == NULL)
    return fail_read (result, _("No passphrase: give it as the first line of standard input"));

  if (confirm && isatty (fd))
    {
      g_autoptr(LinCliSecret) again = NULL;

      again = lin_cli_secret_read_line (fd, _("Repeat the passphrase: "), &result);
      if (again == NULL)
        return fail_read (result, _("The passphrase was not repeated"));

      if (again->len != passphrase->len ||
          sodium_memcmp (again->data, passphrase->data, passphrase->len) != 0)
        return fail (LIN_CLI_EXIT_USAGE, "%s", _("The passphrases differ"));
    }

  if (!g_utf8_validate (passphrase->data, passphrase->len, NULL))
    return fail (LIN_CLI_EXIT_USAGE, "%s", _("The passphrase is not UTF-8 text"));

  *out = g_steal_pointer (&passphrase);
  return LIN_CLI_EXIT_OK;
}

/* Reads the record's fields, the rest of standard input, into @out */
static int
read_fields (JsonObject **out)
{
  g_autoptr(LinCliSecret) text = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  LinCliRead result;

  if (isatty (STDIN_FILENO))
    g_printerr ("%s\n", _("Type the record's fields as a JSON object, then press Ctrl+D."));

  text = lin_cli_secret_read_all (STDIN_FILENO, LIN_ENVELOPE_MAX_PAYLOAD, &result);
  if (text == NULL)
    return fail_read (result, _("No record: after the passphrase's line, give the record's fields "
                                "as a JSON object on standard input"));

  if (memchr (text->data, '\0', text->len) != NULL ||
      !g_utf8_validate (text->data, text->len, NULL))
    return fail (LIN_CLI_EXIT_USAGE, "%s", _("The record is not UTF-8 text"));

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text->data, text->len, &error))
    {
      guint line, column;

      /* The parser's message quotes the text: never print it, only where */
      if (sscanf (error->message, "<data>:%u:%u:", &line, &column) == 2)
        /* Translators: a JSON syntax error; %1$u is a line, %2$u a column */
        return fail (LIN_CLI_EXIT_USAGE, _("The record is not valid JSON (line %1$u, column %2$u)"),
                     line, column);

      return fail (LIN_CLI_EXIT_USAGE, "%s", _("The record is not valid JSON"));
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (LIN_CLI_EXIT_USAGE, "%s", _("The record's fields must be one JSON object"));

  *out = json_object_ref (json_node_get_object (root));
  return LIN_CLI_EXIT_OK;
}

static gboolean
kind_is_known (const char *kind)
{
  return kind != NULL && g_strv_contains (known_kinds, kind);
}

static int
fail_kind (const char *kind)
{
  g_autofree char *kinds = g_strjoinv (", ", (char **)known_kinds);
  g_autofree char *shown = lin_cli_dup_printable (kind);

  /* Translators: %1$s is what was given, %2$s the list of kinds */
  return fail (LIN_CLI_EXIT_USAGE, _("Unknown kind “%1$s”; the kinds are: %2$s"), shown, kinds);
}

/* @id: (out caller-allocates): 33 bytes, the id in lower case */
static int
parse_record_id (const char *str,
                 char       *id)
{
  guint8 bin[LIN_RECORD_ID_BYTES];

  if (!lin_record_id_from_string (str, bin))
    return fail (LIN_CLI_EXIT_USAGE, "%s", _("A record id is 32 hexadecimal digits"));

  sodium_bin2hex (id, LIN_RECORD_ID_BYTES * 2 + 1, bin, sizeof bin);
  return LIN_CLI_EXIT_OK;
}

static gboolean
is_profile_folder (const char *path)
{
  g_autofree char *header = g_build_filename (path, LIN_HEADER_FILE, NULL);

  return g_file_test (header, G_FILE_TEST_IS_REGULAR);
}

/* --profile: a folder, a folder id in the data dir, or a unique name */
static int
resolve_profile (char **out)
{
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  const char *spec = opts.profile;
  const char *data_dir = get_data_dir ();
  const LinProfileInfo *match = NULL;
  guint n_matches = 0;

  if (spec == NULL || *spec == '\0')
    return fail (LIN_CLI_EXIT_USAGE, "%s", _("Which profile? Give --profile PROFILE"));

  shown = lin_cli_dup_printable (spec);

  if (strchr (spec, '/') != NULL)
    {
      if (!is_profile_folder (spec))
        /* Translators: %s is a folder */
        return fail (LIN_CLI_EXIT_NOT_FOUND, _("%s is not a Linija profile"), shown);

      *out = g_strdup (spec);
    }
  else
    {
      g_autofree char *by_id = NULL;

      if (!g_str_equal (spec, ".") && !g_str_equal (spec, ".."))
        by_id = g_build_filename (data_dir, spec, NULL);

      if (by_id != NULL && is_profile_folder (by_id))
        {
          *out = g_steal_pointer (&by_id);
        }
      else
        {
          profiles = lin_profile_list (data_dir, &error);
          if (profiles == NULL)
            return fail_error (error);

          for (guint i = 0; i < profiles->len; i++)
            {
              const LinProfileInfo *info = g_ptr_array_index (profiles, i);

              if (g_strcmp0 (info->name, spec) == 0)
                {
                  match = info;
                  n_matches++;
                }
            }

          if (n_matches == 0)
            /* Translators: %1$s is a profile, %2$s the folder of profiles */
            return fail (LIN_CLI_EXIT_NOT_FOUND, _("No profile “%1$s” in %2$s"), shown, data_dir);

          if (n_matches > 1)
            /* Translators: %s is a profile's name */
            return fail (LIN_CLI_EXIT_USAGE,
                         _("Several profiles are named “%s”; give the folder id "
                           "(see “linija-cli profile list”)"),
                         shown);

          *out = g_strdup (match->path);
        }
    }

  /* before asking for a passphrase: a folder others can open is refused */
  if (!lin_profile_check_folder (*out, &error))
    {
      g_clear_pointer (out, g_free);
      return fail_error (error);
    }

  return LIN_CLI_EXIT_OK;
}

static int
unlock_profile (const char    *profile_dir,
                LinCliSecret  *passphrase,
                LinStore     **out)
{
  g_autoptr(GError) error = NULL;

  *out = lin_profile_unlock (profile_dir, passphrase->data, &error);
  if (*out == NULL)
    return fail_error (error);

  return LIN_CLI_EXIT_OK;
}

/* resolve, read the passphrase, unlock: for commands that read nothing more */
static int
open_profile (LinStore **out)
{
  g_autoptr(LinCliSecret) passphrase = NULL;
  g_autofree char *profile_dir = NULL;
  int code;

  if ((code = resolve_profile (&profile_dir)) != LIN_CLI_EXIT_OK ||
      (code = read_passphrase (FALSE, &passphrase)) != LIN_CLI_EXIT_OK)
    return code;

  return unlock_profile (profile_dir, passphrase, out);
}

static int
close_store (LinStore *store,
             int       code)
{
  lin_store_close (store);
  g_object_unref (store);

  return code;
}

typedef enum
{
  RECORD_HLC    = 1 << 0,
  RECORD_FIELDS = 1 << 1,
} RecordParts;

static int
print_record (LinRecord   *record,
              RecordParts  parts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  char *text;

  json_object_set_string_member (object, "id", lin_record_get_id_string (record));
  json_object_set_string_member (object, "kind", lin_record_get_kind (record));
  json_object_set_int_member (object, "revision", (gint64)lin_record_get_revision (record));
  if (parts & RECORD_HLC)
    json_object_set_int_member (object, "hlc", (gint64)lin_record_get_hlc (record));

  if (parts & RECORD_FIELDS)
    {
      if (!lin_record_check_fields (record, &error))
        return fail (LIN_CLI_EXIT_DAMAGED, "%s", _("A record's fields cannot be read; it is damaged"));

      json_object_set_object_member (object, "fields", json_object_ref (lin_record_get_fields (record)));
    }

  json_node_set_object (node, object);
  text = json_to_string (node, FALSE);
  print_line (text);
  lin_cli_wipe_string (text);

  return LIN_CLI_EXIT_OK;
}

static int
cmd_profile_create (char **args)
{
  g_autoptr(LinCliSecret) passphrase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  LinKdfParams floor;
  int code;

  if (opts.name == NULL || *opts.name == '\0')
    return fail (LIN_CLI_EXIT_USAGE, "%s", _("A profile needs a name: give --name NAME"));

  if (strlen (opts.name) > LIN_PROFILE_NAME_MAX || !g_utf8_validate (opts.name, -1, NULL))
    /* Translators: %d is a number of bytes */
    return fail (LIN_CLI_EXIT_USAGE, _("A profile's name is UTF-8 text of at most %d bytes"),
                 LIN_PROFILE_NAME_MAX);

  if ((code = read_passphrase (TRUE, &passphrase)) != LIN_CLI_EXIT_OK)
    return code;

  switch (lin_passphrase_strength (passphrase->data))
    {
    case LIN_PASSPHRASE_TOO_SHORT:
      return fail (LIN_CLI_EXIT_USAGE,
                   ngettext ("A passphrase needs at least %d character",
                             "A passphrase needs at least %d characters",
                             LIN_PASSPHRASE_MIN_CHARS),
                   LIN_PASSPHRASE_MIN_CHARS);

    case LIN_PASSPHRASE_WEAK:
      g_printerr ("linija-cli: %s\n",
                  _("Warning: the passphrase is weak; four or more words are safer"));
      break;

    case LIN_PASSPHRASE_FAIR:
    case LIN_PASSPHRASE_GOOD:
    case LIN_PASSPHRASE_STRONG:
    default:
      break;
    }

  lin_kdf_params_floor (&floor);
  path = lin_profile_create (get_data_dir (), opts.name, passphrase->data,
                             opts.fast_kdf ? &floor : NULL, &error);
  if (path == NULL)
    return fail_error (error);

  print_line (path);
  return LIN_CLI_EXIT_OK;
}

static int
cmd_profile_list (char **args)
{
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GError) error = NULL;

  profiles = lin_profile_list (get_data_dir (), &error);
  if (profiles == NULL)
    return fail_error (error);

  for (guint i = 0; i < profiles->len; i++)
    {
      const LinProfileInfo *info = g_ptr_array_index (profiles, i);
      g_autofree char *id = g_path_get_basename (info->path);
      g_autofree char *name = lin_cli_dup_printable (info->name);
      g_autofree char *line = g_strdup_printf ("%s\t%s", id, name);

      print_line (line);
    }

  return LIN_CLI_EXIT_OK;
}

static int
cmd_unlock (char **args)
{
  LinStore *store = NULL;
  int code;

  if ((code = open_profile (&store)) != LIN_CLI_EXIT_OK)
    return code;

  return close_store (store, LIN_CLI_EXIT_OK);
}

static int
cmd_record_put (char **args)
{
  g_autoptr(LinCliSecret) passphrase = NULL;
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(LinRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *profile_dir = NULL;
  char id[LIN_RECORD_ID_BYTES * 2 + 1];
  LinStore *store = NULL;
  int code;

  if (opts.kind == NULL)
    return fail (LIN_CLI_EXIT_USAGE, "%s", _("Which kind of record? Give --kind KIND"));
  if (!kind_is_known (opts.kind))
    return fail_kind (opts.kind);
  if (opts.id != NULL && (code = parse_record_id (opts.id, id)) != LIN_CLI_EXIT_OK)
    return code;

  if ((code = resolve_profile (&profile_dir)) != LIN_CLI_EXIT_OK ||
      (code = read_passphrase (FALSE, &passphrase)) != LIN_CLI_EXIT_OK ||
      (code = read_fields (&fields)) != LIN_CLI_EXIT_OK ||
      (code = unlock_profile (profile_dir, passphrase, &store)) != LIN_CLI_EXIT_OK)
    return code;
  g_clear_pointer (&passphrase, lin_cli_secret_free);

  if (opts.id != NULL)
    {
      LinRecord *current = lin_store_get (store, id);

      if (current == NULL)
        /* Translators: %s is a record id */
        return close_store (store, fail (LIN_CLI_EXIT_NOT_FOUND, _("No record %s"), id));

      if (!g_str_equal (lin_record_get_kind (current), opts.kind))
        /* Translators: %1$s is a record id, %2$s and %3$s kinds */
        return close_store (store, fail (LIN_CLI_EXIT_USAGE, _("Record %1$s is a %2$s, not a %3$s"),
                                         id, lin_record_get_kind (current), opts.kind));

      record = g_object_ref (current);
    }
  else
    {
      record = lin_record_new (opts.kind);
      /* drafts stay on this device */
      lin_record_set_local (record, g_str_equal (opts.kind, "draft"));
    }

  lin_record_set_fields (record, fields);
  if (!lin_store_save (store, record, &error))
    return close_store (store, fail_error (error));

  print_line (lin_record_get_id_string (record));

  return close_store (store, LIN_CLI_EXIT_OK);
}

static int
cmd_record_get (char **args)
{
  char id[LIN_RECORD_ID_BYTES * 2 + 1];
  LinStore *store = NULL;
  LinRecord *record;
  int code;

  if ((code = parse_record_id (args[0], id)) != LIN_CLI_EXIT_OK ||
      (code = open_profile (&store)) != LIN_CLI_EXIT_OK)
    return code;

  record = lin_store_get (store, id);
  if (record == NULL)
    return close_store (store, fail (LIN_CLI_EXIT_NOT_FOUND, _("No record %s"), id));

  return close_store (store, print_record (record, RECORD_FIELDS));
}

static int
cmd_record_list (char **args)
{
  g_autoptr(GPtrArray) records = NULL;
  LinStore *store = NULL;
  int code;

  if (opts.kind != NULL && !kind_is_known (opts.kind))
    return fail_kind (opts.kind);

  if ((code = open_profile (&store)) != LIN_CLI_EXIT_OK)
    return code;

  records = lin_store_list (store, opts.kind);
  for (guint i = 0; i < records->len; i++)
    {
      code = print_record (g_ptr_array_index (records, i),
                           RECORD_HLC | (opts.fields ? RECORD_FIELDS : 0));
      if (code != LIN_CLI_EXIT_OK)
        break;
    }

  g_clear_pointer (&records, g_ptr_array_unref);
  return close_store (store, code);
}

static int
cmd_record_delete (char **args)
{
  g_autoptr(GError) error = NULL;
  char id[LIN_RECORD_ID_BYTES * 2 + 1];
  LinStore *store = NULL;
  LinRecord *record;
  int code;

  if ((code = parse_record_id (args[0], id)) != LIN_CLI_EXIT_OK ||
      (code = open_profile (&store)) != LIN_CLI_EXIT_OK)
    return code;

  record = lin_store_get (store, id);
  if (record == NULL)
    return close_store (store, fail (LIN_CLI_EXIT_NOT_FOUND, _("No record %s"), id));

  if (!lin_store_delete (store, record, &error))
    return close_store (store, fail_error (error));

  return close_store (store, LIN_CLI_EXIT_OK);
}

static int
cmd_verify (char **args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  LinStore *store = NULL;
  guint n = 0;
  int code;

  if ((code = open_profile (&store)) != LIN_CLI_EXIT_OK)
    return code;

  if (!lin_store_verify (store, &n, &error))
    return close_store (store, fail_error (error));

  count = g_strdup_printf ("%u", n);
  print_line (count);

  return close_store (store, LIN_CLI_EXIT_OK);
}

static int
cmd_backup (char **args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *profile_dir = NULL;
  int code;

  if ((code = resolve_profile (&profile_dir)) != LIN_CLI_EXIT_OK)
    return code;

  if (!lin_profile_backup (profile_dir, args[0], &error))
    return fail_error (error);

  return LIN_CLI_EXIT_OK;
}

static int
cmd_restore (char **args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  path = lin_profile_restore (args[0], get_data_dir (), &error);
  if (path == NULL)
    return fail_error (error);

  print_line (path);
  return LIN_CLI_EXIT_OK;
}

/* The directory */

static int
cmd_directory_import (char **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autofree char *data = NULL;
  g_autofree char *count = NULL;
  LinStore *store = NULL;
  gsize len = 0;
  int code;

  if (!g_file_get_contents (args[0], &data, &len, &error))
    return fail (LIN_CLI_EXIT_NOT_FOUND, "%s", error->message);

  /* every row checked before the profile is opened: a file with a
   * problem imports nothing */
  services = lin_directory_csv_read (data, len, &problems);
  if (problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s: %s\n", g_get_prgname (), ((LinCsvProblem *)problems->pdata[i])->message);
      /* Translators: %s is a file's name */
      return fail (LIN_CLI_EXIT_USAGE, _("Nothing was imported from %s"), args[0]);
    }

  if ((code = open_profile (&store)) != LIN_CLI_EXIT_OK)
    return code;

  /* all or nothing: a save that fails half way leaves no half directory */
  if (!lin_store_save_all (store, services, &error))
    return close_store (store, fail_error (error));

  /* Translators: how many services linija-cli imported */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u service imported", "%u services imported",
                                        services->len),
                           services->len);
  print_line (count);

  return close_store (store, LIN_CLI_EXIT_OK);
}

static int
cmd_directory_export (char **args)
{
  g_autoptr(GPtrArray) services = NULL;
  LinStore *store = NULL;
  char *csv;
  int code;

  if ((code = open_profile (&store)) != LIN_CLI_EXIT_OK)
    return code;

  services = lin_store_list (store, LIN_SERVICE_KIND);
  csv = lin_directory_csv_write (services);
  fputs (csv, stdout);
  lin_cli_wipe_string (csv);

  g_clear_pointer (&services, g_ptr_array_unref);
  return close_store (store, LIN_CLI_EXIT_OK);
}

static int
cmd_directory_search (char **args)
{
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(LinDirectory) directory = NULL;
  LinStore *store = NULL;
  int code;

  if ((code = open_profile (&store)) != LIN_CLI_EXIT_OK)
    return code;

  services = lin_store_list (store, LIN_SERVICE_KIND);
  directory = lin_directory_new (services);
  found = lin_directory_search (directory, args[0], NULL);
  for (guint i = 0; i < found->len && code == LIN_CLI_EXIT_OK; i++)
    code = print_record (found->pdata[i], RECORD_FIELDS);

  g_clear_pointer (&found, g_ptr_array_unref);
  g_clear_pointer (&directory, lin_directory_free);
  g_clear_pointer (&services, g_ptr_array_unref);
  return close_store (store, code);
}

/* The roster */

static int
cmd_roster_export_ics (char **args)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(LinRoster) roster = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  char person[LIN_RECORD_ID_BYTES * 2 + 1], line[LIN_RECORD_ID_BYTES * 2 + 1];
  LinStore *store = NULL;
  char *ics;
  int code;

  if ((opts.person != NULL && (code = parse_record_id (opts.person, person)) != LIN_CLI_EXIT_OK) ||
      (opts.line != NULL && (code = parse_record_id (opts.line, line)) != LIN_CLI_EXIT_OK) ||
      (code = open_profile (&store)) != LIN_CLI_EXIT_OK)
    return code;

  records = lin_store_list (store, NULL);
  roster = lin_roster_new (records);
  if ((opts.person != NULL && lin_roster_find_person (roster, person) < 0) ||
      (opts.line != NULL && lin_roster_find_line (roster, line) < 0))
    return close_store (store, fail (LIN_CLI_EXIT_NOT_FOUND, "%s", _("No such person or line in the roster")));

  now = g_date_time_new_now_utc ();
  ics = lin_roster_export_ics (roster, opts.person ? person : NULL, opts.line ? line : NULL, now, &error);
  if (ics == NULL)
    return close_store (store, fail_error (error));

  /* it names counsellors: readable by its owner only */
  if (opts.output != NULL)
    {
      if (!g_file_set_contents_full (opts.output, ics, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
        code = fail_error (error);
    }
  else
    fputs (ics, stdout);
  lin_cli_wipe_string (ics);

  g_clear_pointer (&roster, lin_roster_unref);
  g_clear_pointer (&records, g_ptr_array_unref);
  return close_store (store, code);
}

static const Command commands[] = {
  { "profile", "create", "--name NAME [--fast-kdf]", NULL,
    N_("Create a profile; the passphrase is the first line of standard input. "
       "Prints the new profile's folder."),
    create_entries, 0, cmd_profile_create },
  { "profile", "list", "", NULL,
    N_("List the profiles, one a line: folder id, a tab, name."),
    data_dir_entries, 0, cmd_profile_list },
  { NULL, "unlock", "--profile PROFILE", NULL,
    N_("Check the passphrase on standard input: exit status 0 when it opens the profile."),
    profile_entries, 0, cmd_unlock },
  { "record", "put", "--profile PROFILE --kind KIND [--id ID]", NULL,
    N_("Save a record: standard input is the passphrase's line, then the fields as a JSON "
       "object. Prints the record's id."),
    put_entries, 0, cmd_record_put },
  { "record", "get", "--profile PROFILE ID", N_("ID"),
    N_("Print a record as JSON: id, kind, revision and fields."),
    profile_entries, 1, cmd_record_get },
  { "record", "list", "--profile PROFILE [--kind KIND] [--fields]", NULL,
    N_("Print the records, oldest first, one JSON object a line: id, kind, revision, hlc."),
    list_records_entries, 0, cmd_record_list },
  { "record", "delete", "--profile PROFILE ID", N_("ID"),
    N_("Delete a record: its envelopes and keys are destroyed."),
    profile_entries, 1, cmd_record_delete },
  { NULL, "verify", "--profile PROFILE", NULL,
    N_("Check SQLite's integrity and decrypt every stored envelope; prints how many."),
    profile_entries, 0, cmd_verify },
  { NULL, "backup", "--profile PROFILE FILE", N_("FILE"),
    N_("Write a backup of a profile, which stays encrypted; no passphrase is needed."),
    backup_entries, 1, cmd_backup },
  { NULL, "restore", "FILE", N_("FILE"),
    N_("Restore a backup as a new profile; prints its folder."),
    data_dir_entries, 1, cmd_restore },
  { "directory", "import", "--profile PROFILE FILE", N_("FILE"),
    N_("Import services from a CSV file (data/directory-csv.md). Every row is checked first: "
       "a file with a problem imports nothing, and each problem is printed with its line."),
    profile_entries, 1, cmd_directory_import },
  { "directory", "export", "--profile PROFILE", NULL,
    N_("Print the directory's services as CSV (data/directory-csv.md)."),
    profile_entries, 0, cmd_directory_export },
  { "directory", "search", "--profile PROFILE QUERY", N_("QUERY"),
    N_("Print the services a search finds, best first, one JSON object a line."),
    profile_entries, 1, cmd_directory_search },
  { "roster", "export-ics", "--profile PROFILE [--person ID] [--line ID] [--output FILE]", NULL,
    N_("Print the roster's shifts as iCalendar: one event for each person on a shift, "
       "with the same UID each time. Shifts no one is on are left out."),
    export_ics_entries, 0, cmd_roster_export_ics },
};

static char *
dup_command_list (void)
{
  GString *out = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const Command *command = &commands[i];

      g_string_append_printf (out, "\n  %s%s%s%s%s\n      %s",
                              command->group ? command->group : "",
                              command->group ? " " : "",
                              command->name,
                              *command->synopsis ? " " : "", command->synopsis,
                              _(command->summary));
    }

  g_string_append (out, "\n\n");
  g_string_append (out, _("Exit status: 0 done, 1 failure, 2 wrong usage or bad input, "
                          "3 wrong passphrase, 4 damaged file, 5 no such profile or record, "
                          "6 a profile folder others can open, or no permission."));
  g_string_append_c (out, '\n');
  g_string_append (out, _("“linija-cli COMMAND --help” shows a command's options."));

  return g_string_free (out, FALSE);
}

static int
run_command (const Command  *command,
             char          **rest)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *prgname = NULL;
  g_auto(GStrv) args = NULL;
  int code;

  prgname = g_strjoin (" ", "linija-cli", command->group ? command->group : command->name,
                       command->group ? command->name : NULL, NULL);
  g_set_prgname (prgname);

  context = g_option_context_new (command->params ? _(command->params) : NULL);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_add_main_entries (context, command->entries, GETTEXT_PACKAGE);

  g_strv_builder_add (builder, prgname);
  g_strv_builder_addv (builder, (const char **)rest);
  args = g_strv_builder_end (builder);

  if (!g_option_context_parse_strv (context, &args, &error))
    return fail_option (error);

  if (g_strv_length (args) != command->n_args + 1)
    /* Translators: %s is a command, such as “linija-cli record get” */
    return fail (LIN_CLI_EXIT_USAGE, _("Wrong arguments; see “%s --help”"), prgname);

  if ((code = check_passphrase_fd ()) != LIN_CLI_EXIT_OK)
    return code;

  return command->run (args + 1);
}

static const Command *
find_command (char   **args,
              guint   *n_words)
{
  gboolean group_seen = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const Command *command = &commands[i];

      if (command->group == NULL && g_str_equal (args[0], command->name))
        {
          *n_words = 1;
          return command;
        }

      if (command->group != NULL && g_str_equal (args[0], command->group))
        {
          group_seen = TRUE;
          if (args[1] != NULL && g_str_equal (args[1], command->name))
            {
              *n_words = 2;
              return command;
            }
        }
    }

  if (group_seen)
    /* Translators: %s is “profile”, “record”, “directory” or “roster” */
    fail (LIN_CLI_EXIT_USAGE, _("Unknown or missing subcommand of “%s”; see “linija-cli --help”"),
          args[0]);
  else
    fail (LIN_CLI_EXIT_USAGE, "%s", _("Unknown command; see “linija-cli --help”"));

  return NULL;
}

static int
finish_output (int code)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved = errno;

      code = fail (LIN_CLI_EXIT_FAILURE, _("Could not write the output: %s"), g_strerror (saved));
    }

  sodium_memzero (output_buffer, sizeof output_buffer);
  return code;
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
  gboolean secret_ok;

  /* No core dumps and no ptrace: the process holds decrypted records */
  lin_process_harden ();
  secret_ok = lin_secret_init (&error);
  lin_i18n_init (NULL);
  g_set_prgname ("linija-cli");
  setvbuf (stdout, output_buffer, _IOFBF, sizeof output_buffer);

  if (!secret_ok)
    return fail_error (error);

  if (refuse_passphrase_argument (argc, argv))
    return LIN_CLI_EXIT_USAGE;

  command_list = dup_command_list ();
  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_summary (context, _("Linija's encrypted profiles without a window, "
                                           "for coordinators' scripts and for tests."));
  g_option_context_set_description (context, command_list);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  /* the command's own options come after it */
  g_option_context_set_strict_posix (context, TRUE);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    return fail_option (error);

  if (opts.version)
    {
      print_line ("linija-cli " PACKAGE_VERSION);
      return finish_output (LIN_CLI_EXIT_OK);
    }

  if (args[0] == NULL || args[1] == NULL)
    return fail (LIN_CLI_EXIT_USAGE, "%s", _("Which command? See “linija-cli --help”"));

  command = find_command (args + 1, &n_words);
  if (command == NULL)
    return LIN_CLI_EXIT_USAGE;

  return finish_output (run_command (command, args + 1 + n_words));
}
