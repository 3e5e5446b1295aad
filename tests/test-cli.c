/* test-cli.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * linija-cli, the real binary ($LINIJA_CLI), run on a throw-away folder of
 * profiles: every command, its exit codes, damaged and truncated stores,
 * backups made while another writer saves, a folder others can open, and
 * a passphrase offered on the command line. Profiles use --fast-kdf.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lin-profile.h"

#define PASSPHRASE "correct horse battery staple"
#define MARKER "Пријава насиља: Марија"

static const char *cli_path;
static char *tmp_root;
static char *data_dir;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
bytes_to_string (GBytes *bytes)
{
  gsize len = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;

  return g_strndup (data != NULL ? data : "", len);
}

/* Runs linija-cli --data-dir DATA_DIR ARGS with @input on stdin */
static void
run_cli_full (GSubprocessLauncher *launcher,
              const char          *input,
              Run                 *run,
              const char * const  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) in = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *)cli_path);
  g_ptr_array_add (argv, (char *)"--data-dir");
  g_ptr_array_add (argv, data_dir);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);

  in = g_bytes_new (input != NULL ? input : "", input != NULL ? strlen (input) : 0);
  g_subprocess_communicate (proc, in, NULL, &out, &err, &error);
  g_assert_no_error (error);

  /* a crash or an abort is never an answer */
  g_assert_true (g_subprocess_get_if_exited (proc));

  run->status = g_subprocess_get_exit_status (proc);
  run->out = bytes_to_string (out);
  run->err = bytes_to_string (err);

  if (g_test_verbose ())
    g_test_message ("linija-cli %s: %d %s", args[0], run->status, run->err);
}

static GSubprocessLauncher *
launcher_new (void)
{
  return g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                    G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                    G_SUBPROCESS_FLAGS_STDERR_PIPE);
}

static void
run_cli_v (const char         *input,
           Run                *run,
           const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = launcher_new ();

  run_cli_full (launcher, input, run, args);
}

#define run_cli(input, run, ...) \
  run_cli_v ((input), (run), (const char * const[]) { __VA_ARGS__, NULL })

/* The exit status of a run whose output does not matter */
#define cli_status(input, ...) \
  ({ g_auto(Run) _r = { 0 }; run_cli ((input), &_r, __VA_ARGS__); _r.status; })

static char *
strip (char *text)
{
  return g_strchomp (text);
}

static char *
create_profile (const char *name)
{
  g_auto(Run) run = { 0 };

  run_cli (PASSPHRASE "\n", &run, "profile", "create", "--name", name, "--fast-kdf");
  g_assert_cmpint (run.status, ==, 0);

  return g_strdup (strip (run.out));
}

static char *
put_record (const char *profile,
            const char *kind,
            const char *json)
{
  g_autofree char *input = g_strconcat (PASSPHRASE "\n", json, NULL);
  g_auto(Run) run = { 0 };

  run_cli (input, &run, "record", "put", "--profile", profile, "--kind", kind);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (strlen (strip (run.out)), ==, 32);

  return g_strdup (run.out);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));

  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
get_record (const char *profile,
            const char *id)
{
  g_autoptr(JsonNode) node = NULL;
  g_auto(Run) run = { 0 };

  run_cli (PASSPHRASE "\n", &run, "record", "get", "--profile", profile, id);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strchr (run.out, '\n'));
  node = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_object_ref (json_node_get_object (node));
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;

  for (gsize i = 0, n = strlen (needle); i + n <= len; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';

  return n;
}

static char *
folder_id (const char *path)
{
  return g_path_get_basename (path);
}

static void
test_profile_create_list (void)
{
  g_autofree char *path = create_profile ("Линија — тест");
  g_autofree char *id = folder_id (path);
  g_autofree char *expected_line = g_strdup_printf ("%s\tЛинија — тест\n", id);
  g_autofree char *header = g_build_filename (path, LIN_HEADER_FILE, NULL);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_auto(Run) list = { 0 };
  g_auto(Run) run = { 0 };
  GStatBuf st;

  /* the new folder is in the data dir, private, with a header */
  g_assert_true (g_str_has_prefix (path, data_dir));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_true (g_file_test (header, G_FILE_TEST_IS_REGULAR));

  run_cli (NULL, &list, "profile", "list");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, expected_line));

  /* by name, by folder id, by folder */
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "unlock", "--profile", "Линија — тест"), ==, 0);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "unlock", "--profile", id), ==, 0);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "unlock", "--profile", path), ==, 0);
  /* --data-dir after the command works too */
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "unlock", "--data-dir", data_dir, "--profile", id), ==, 0);

  /* refused: a short passphrase, no name, no passphrase; nothing is made */
  before = lin_profile_list (data_dir, NULL);
  run_cli ("123456789\n", &run, "profile", "create", "--name", "Short", "--fast-kdf");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "linija-cli: "));
  g_assert_null (strstr (run.err, "123456789"));
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "profile", "create", "--fast-kdf"), ==, 2);
  g_assert_cmpint (cli_status ("", "profile", "create", "--name", "Empty", "--fast-kdf"), ==, 2);
  g_assert_cmpint (cli_status ("\n", "profile", "create", "--name", "Empty", "--fast-kdf"), ==, 2);
  after = lin_profile_list (data_dir, NULL);
  g_assert_cmpuint (before->len, ==, after->len);
}

static void
test_unlock (void)
{
  g_autofree char *path = create_profile ("Unlock");
  g_autofree char *other = create_profile ("Twin");
  g_autofree char *twin = create_profile ("Twin");
  g_autoptr(GSubprocessLauncher) launcher = launcher_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) wrong = { 0 };
  g_auto(Run) with_fd = { 0 };
  int fds[2];

  g_assert_cmpint (cli_status (PASSPHRASE "\n", "unlock", "--profile", "Unlock"), ==, 0);
  /* without a final newline, and with a Windows one */
  g_assert_cmpint (cli_status (PASSPHRASE, "unlock", "--profile", "Unlock"), ==, 0);
  g_assert_cmpint (cli_status (PASSPHRASE "\r\n", "unlock", "--profile", "Unlock"), ==, 0);

  run_cli ("not the passphrase\n", &wrong, "unlock", "--profile", "Unlock");
  g_assert_cmpint (wrong.status, ==, 3);
  g_assert_true (g_str_has_prefix (wrong.err, "linija-cli: "));
  g_assert_cmpuint (count_lines (wrong.err), ==, 1);
  g_assert_null (strstr (wrong.err, "not the passphrase"));

  g_assert_cmpint (cli_status ("", "unlock", "--profile", "Unlock"), ==, 2);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "unlock", "--profile", "No such profile"), ==, 5);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "unlock", "--profile", "0123456789abcdef"), ==, 5);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "unlock", "--profile", "/nonexistent/folder"), ==, 5);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "unlock"), ==, 2);
  /* two profiles of one name: the name is ambiguous */
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "unlock", "--profile", "Twin"), ==, 2);

  /* --passphrase-fd: the passphrase from another descriptor */
  g_assert_true (g_unix_open_pipe (fds, FD_CLOEXEC, &error));
  g_assert_no_error (error);
  g_assert_cmpint (write (fds[1], PASSPHRASE "\n", strlen (PASSPHRASE) + 1), ==, strlen (PASSPHRASE) + 1);
  close (fds[1]);
  g_subprocess_launcher_take_fd (launcher, fds[0], 3);
  run_cli_full (launcher, "", &with_fd,
                (const char * const[]) { "unlock", "--profile", path, "--passphrase-fd", "3", NULL });
  g_assert_cmpint (with_fd.status, ==, 0);

  g_assert_cmpint (cli_status (PASSPHRASE "\n", "unlock", "--profile", path, "--passphrase-fd", "9"), ==, 2);
}

static void
test_record_roundtrip (void)
{
  g_autofree char *path = create_profile ("Records");
  g_autofree char *db = g_build_filename (path, LIN_STORE_FILE, NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *id = put_record ("Records", "call",
                                    "{\"caller\": \"" MARKER "\", \"risk\": 3, "
                                    "\"forms\": [\"психичко\", \"економско\"]}");
  g_autofree char *note = NULL;
  g_autofree char *update = NULL;
  g_autoptr(JsonNode) expected = parse_json ("{\"caller\": \"" MARKER "\", \"risk\": 3, "
                                             "\"forms\": [\"психичко\", \"економско\"]}");
  g_autoptr(JsonNode) expected2 = parse_json ("{\"caller\": \"Ана\", \"ишод\": \"безбедна\"}");
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(JsonObject) record2 = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(Run) list = { 0 };
  g_auto(Run) list_fields = { 0 };
  g_auto(Run) list_notes = { 0 };
  g_auto(Run) put = { 0 };
  g_auto(Run) verify = { 0 };

  record = get_record ("Records", id);
  g_assert_cmpstr (json_object_get_string_member (record, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "call");
  g_assert_cmpint (json_object_get_int_member (record, "revision"), ==, 1);
  g_assert_true (json_node_equal (json_object_get_member (record, "fields"), expected));
  g_assert_cmpuint (json_object_get_size (record), ==, 4);

  /* an id in capitals is the same id */
  {
    g_autofree char *upper = g_ascii_strup (id, -1);
    g_autoptr(JsonObject) same = get_record ("Records", upper);

    g_assert_cmpstr (json_object_get_string_member (same, "id"), ==, id);
  }

  /* --id: a new revision of the same record */
  update = g_strconcat (PASSPHRASE "\n{\"caller\": \"Ана\", \"ишод\": \"безбедна\"}", NULL);
  run_cli (update, &put, "record", "put", "--profile", "Records", "--kind", "call", "--id", id);
  g_assert_cmpint (put.status, ==, 0);
  g_assert_cmpstr (strip (put.out), ==, id);
  record2 = get_record ("Records", id);
  g_assert_cmpint (json_object_get_int_member (record2, "revision"), ==, 2);
  g_assert_true (json_node_equal (json_object_get_member (record2, "fields"), expected2));

  note = put_record ("Records", "note", "{\"text\": \"Бележка\"}");

  /* list: one object a line, oldest first, fields only when asked */
  run_cli (PASSPHRASE "\n", &list, "record", "list", "--profile", "Records");
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpuint (count_lines (list.out), ==, 2);
  lines = g_strsplit (strip (list.out), "\n", -1);
  {
    g_autoptr(JsonNode) first = parse_json (lines[0]);
    g_autoptr(JsonNode) second = parse_json (lines[1]);
    JsonObject *a = json_node_get_object (first);
    JsonObject *b = json_node_get_object (second);

    g_assert_cmpstr (json_object_get_string_member (a, "id"), ==, id);
    g_assert_cmpstr (json_object_get_string_member (a, "kind"), ==, "call");
    g_assert_cmpint (json_object_get_int_member (a, "revision"), ==, 2);
    g_assert_false (json_object_has_member (a, "fields"));
    g_assert_cmpstr (json_object_get_string_member (b, "id"), ==, note);
    g_assert_cmpint (json_object_get_int_member (a, "hlc"), <, json_object_get_int_member (b, "hlc"));
  }
  g_assert_null (strstr (list.out, "Ана"));

  run_cli (PASSPHRASE "\n", &list_fields, "record", "list", "--profile", "Records", "--fields");
  g_assert_cmpint (list_fields.status, ==, 0);
  g_assert_nonnull (strstr (list_fields.out, "\"ишод\":\"безбедна\""));
  g_assert_nonnull (strstr (list_fields.out, "Бележка"));

  run_cli (PASSPHRASE "\n", &list_notes, "record", "list", "--profile", "Records", "--kind", "note");
  g_assert_cmpint (list_notes.status, ==, 0);
  g_assert_cmpuint (count_lines (list_notes.out), ==, 1);
  g_assert_nonnull (strstr (list_notes.out, note));

  /* 2 revisions of the call and 1 of the note */
  run_cli (PASSPHRASE "\n", &verify, "verify", "--profile", "Records");
  g_assert_cmpint (verify.status, ==, 0);
  g_assert_cmpstr (strip (verify.out), ==, "3");

  /* nothing readable on disk */
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  g_assert_false (file_contains (db, MARKER));
  g_assert_false (file_contains (db, "безбедна"));
  g_assert_false (file_contains (wal, MARKER));

  /* delete: gone, and a second delete finds nothing */
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "record", "delete", "--profile", "Records", id), ==, 0);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "record", "get", "--profile", "Records", id), ==, 5);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "record", "delete", "--profile", "Records", id), ==, 5);
  g_assert_cmpint (cli_status ("wrong passphrase\n", "record", "get", "--profile", "Records", note), ==, 3);
  {
    g_auto(Run) after = { 0 };

    run_cli (PASSPHRASE "\n", &after, "record", "list", "--profile", "Records");
    g_assert_cmpint (after.status, ==, 0);
    g_assert_cmpuint (count_lines (after.out), ==, 1);
    g_assert_null (strstr (after.out, id));
  }
}

static void
test_record_bad_input (void)
{
  g_autofree char *path = create_profile ("Bad input");
  g_autofree char *id = put_record (path, "call", "{\"a\": 1}");
  g_auto(Run) malformed = { 0 };
  g_auto(Run) truncated = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) list = { 0 };

  /* malformed JSON: exit 2, and the message quotes none of it */
  run_cli (PASSPHRASE "\n{\"caller\": ТајнаЖртва}", &malformed,
           "record", "put", "--profile", path, "--kind", "call");
  g_assert_cmpint (malformed.status, ==, 2);
  g_assert_true (g_str_has_prefix (malformed.err, "linija-cli: "));
  g_assert_cmpuint (count_lines (malformed.err), ==, 1);
  g_assert_null (strstr (malformed.err, "ТајнаЖртва"));
  g_assert_cmpstr (malformed.out, ==, "");

  run_cli (PASSPHRASE "\n{\"caller\": \"Тајна\"", &truncated,
           "record", "put", "--profile", path, "--kind", "call");
  g_assert_cmpint (truncated.status, ==, 2);
  g_assert_null (strstr (truncated.err, "Тајна"));

  g_assert_cmpint (cli_status (PASSPHRASE "\n[1, 2]", "record", "put", "--profile", path, "--kind", "call"), ==, 2);
  g_assert_cmpint (cli_status (PASSPHRASE "\n\"text\"", "record", "put", "--profile", path, "--kind", "call"), ==, 2);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "record", "put", "--profile", path, "--kind", "call"), ==, 2);
  g_assert_cmpint (cli_status (PASSPHRASE "\n{\"a\": \"\xff\xfe\"}", "record", "put", "--profile", path, "--kind", "call"), ==, 2);

  /* unknown or invalid kind, bad ids */
  g_assert_cmpint (cli_status (PASSPHRASE "\n{}", "record", "put", "--profile", path, "--kind", "secret-plans"), ==, 2);
  g_assert_cmpint (cli_status (PASSPHRASE "\n{}", "record", "put", "--profile", path, "--kind", "Call"), ==, 2);
  g_assert_cmpint (cli_status (PASSPHRASE "\n{}", "record", "put", "--profile", path), ==, 2);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "record", "list", "--profile", path, "--kind", "nonsense"), ==, 2);
  g_assert_cmpint (cli_status (PASSPHRASE "\n{}", "record", "put", "--profile", path, "--kind", "call", "--id", "xyz"), ==, 2);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "record", "get", "--profile", path, "0123"), ==, 2);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "record", "get", "--profile", path, "zz23456789abcdef0123456789abcdef"), ==, 2);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "record", "get", "--profile", path), ==, 2);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "record", "get", "--profile", path, id, id), ==, 2);
  /* the record's kind is not the one given */
  g_assert_cmpint (cli_status (PASSPHRASE "\n{}", "record", "put", "--profile", path, "--kind", "note", "--id", id), ==, 2);

  /* well formed, but no such record */
  run_cli (PASSPHRASE "\n", &missing, "record", "get", "--profile", path, "0123456789abcdef0123456789abcdef");
  g_assert_cmpint (missing.status, ==, 5);
  g_assert_cmpint (cli_status (PASSPHRASE "\n{}", "record", "put", "--profile", path, "--kind", "call",
                               "--id", "0123456789abcdef0123456789abcdef"), ==, 5);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "record", "get", "--profile", "Nobody", id), ==, 5);

  /* none of it was saved */
  run_cli (PASSPHRASE "\n", &list, "record", "list", "--profile", path);
  g_assert_cmpuint (count_lines (list.out), ==, 1);
}

static void
flip_bytes (const char *path,
            goffset     offset,
            gsize       n)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (offset + n, <=, len);

  for (gsize i = 0; i < n; i++)
    contents[offset + i] ^= 0xff;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

static gsize
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

/* a call whose fields take about 300 KB, in overflow pages of store.db */
static char *
big_json (void)
{
  GString *json = g_string_new ("{\"text\": \"");

  for (guint i = 0; i < 10000; i++)
    g_string_append (json, "Насиље у породици. ");
  g_string_append (json, "\"}");

  return g_string_free (json, FALSE);
}

static void
test_verify_damaged (void)
{
  g_autofree char *path = create_profile ("Damaged");
  g_autofree char *db = g_build_filename (path, LIN_STORE_FILE, NULL);
  g_autofree char *big = big_json ();
  g_autofree char *id = put_record (path, "call", big);
  g_autofree char *update = g_strdup_printf (PASSPHRASE "\n{\"text\": \"кратко\"}");
  g_auto(Run) verify = { 0 };
  g_auto(Run) damaged = { 0 };
  gsize size;

  /* revision 1 big, revision 2 small: revision 1 fills the middle */
  g_assert_cmpint (cli_status (update, "record", "put", "--profile", path, "--kind", "call", "--id", id), ==, 0);
  run_cli (PASSPHRASE "\n", &verify, "verify", "--profile", path);
  g_assert_cmpint (verify.status, ==, 0);
  g_assert_cmpstr (strip (verify.out), ==, "2");

  size = file_size (db);
  g_assert_cmpuint (size, >, 300000);
  flip_bytes (db, size / 2 + 100, 16);

  /* the head still opens, but verify opens every revision */
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "record", "get", "--profile", path, id), ==, 0);
  run_cli (PASSPHRASE "\n", &damaged, "verify", "--profile", path);
  g_assert_cmpint (damaged.status, ==, 4);
  g_assert_cmpstr (damaged.out, ==, "");
  g_assert_cmpuint (count_lines (damaged.err), ==, 1);
}

static void
test_verify_damaged_head (void)
{
  g_autofree char *path = create_profile ("Damaged head");
  g_autofree char *db = g_build_filename (path, LIN_STORE_FILE, NULL);
  g_autofree char *big = big_json ();
  g_autofree char *id = put_record (path, "call", big);
  gsize size = file_size (db);

  flip_bytes (db, size / 2 + 100, 16);

  /* the only revision is damaged: nothing that opens the store succeeds */
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "verify", "--profile", path), ==, 4);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "unlock", "--profile", path), ==, 4);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "record", "get", "--profile", path, id), ==, 4);
  /* a wrong passphrase is still told apart */
  g_assert_cmpint (cli_status ("wrong passphrase\n", "verify", "--profile", path), ==, 3);
}

static void
test_verify_truncated (void)
{
  g_autofree char *path = create_profile ("Truncated");
  g_autofree char *db = g_build_filename (path, LIN_STORE_FILE, NULL);
  g_autofree char *big = big_json ();
  g_autofree char *id = put_record (path, "call", big);
  gsize size = file_size (db);

  g_assert_cmpint (truncate (db, size / 2), ==, 0);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "verify", "--profile", path), ==, 4);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "record", "get", "--profile", path, id), ==, 4);

  g_assert_cmpint (truncate (db, 10), ==, 0);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "verify", "--profile", path), ==, 4);

  g_assert_cmpint (truncate (db, 0), ==, 0);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "verify", "--profile", path), ==, 4);
}

static void
test_backup_restore (void)
{
  g_autofree char *path = create_profile ("Backed up");
  g_autofree char *id = put_record (path, "call", "{\"caller\": \"" MARKER "\", \"age\": 34}");
  g_autofree char *backup = g_build_filename (tmp_root, "backup.linija", NULL);
  g_autofree char *damaged = g_build_filename (tmp_root, "damaged.linija", NULL);
  g_autofree char *restored = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(JsonObject) original = get_record (path, id);
  g_autoptr(JsonObject) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) made = { 0 };
  g_auto(Run) restore = { 0 };
  g_auto(Run) verify = { 0 };
  gsize len;

  /* no passphrase needed, and nothing readable in the file */
  run_cli (NULL, &made, "backup", "--profile", path, backup);
  g_assert_cmpint (made.status, ==, 0);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_false (file_contains (backup, MARKER));

  run_cli (NULL, &restore, "restore", backup);
  g_assert_cmpint (restore.status, ==, 0);
  restored = g_strdup (strip (restore.out));
  g_assert_true (g_str_has_prefix (restored, data_dir));
  g_assert_cmpstr (restored, !=, path);

  /* the same record, id, revision and fields, behind the same passphrase */
  copy = get_record (restored, id);
  g_assert_cmpstr (json_object_get_string_member (copy, "id"), ==, id);
  g_assert_cmpint (json_object_get_int_member (copy, "revision"), ==,
                   json_object_get_int_member (original, "revision"));
  g_assert_true (json_node_equal (json_object_get_member (copy, "fields"),
                                  json_object_get_member (original, "fields")));
  run_cli (PASSPHRASE "\n", &verify, "verify", "--profile", restored);
  g_assert_cmpint (verify.status, ==, 0);
  g_assert_cmpstr (strip (verify.out), ==, "1");

  /* a damaged backup is refused; a missing one is not found */
  g_file_get_contents (backup, &contents, &len, &error);
  g_assert_no_error (error);
  contents[len / 2] ^= 0x01;
  g_file_set_contents (damaged, contents, len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cli_status (NULL, "restore", damaged), ==, 4);
  g_assert_cmpint (cli_status (NULL, "restore", "/nonexistent/backup.linija"), ==, 5);
  g_assert_cmpint (cli_status (NULL, "backup", "--profile", "Nobody", backup), ==, 5);
  g_assert_cmpint (cli_status (NULL, "backup", "--profile", path), ==, 2);
}

typedef struct
{
  char   *profile;
  gint    stop;
  gint    saved;
  GError *error;
} Writer;

/* Another writer: saves records through the core until told to stop */
static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  g_autoptr(LinStore) store = NULL;

  store = lin_profile_unlock (writer->profile, PASSPHRASE, &writer->error);
  if (store == NULL)
    return NULL;

  while (!g_atomic_int_get (&writer->stop))
    {
      g_autoptr(LinRecord) record = lin_record_new ("note");
      g_autofree char *text = g_strdup_printf ("Белешка %d", g_atomic_int_get (&writer->saved));

      lin_record_set_string (record, "text", text);
      if (!lin_store_save (store, record, &writer->error))
        break;
      g_atomic_int_inc (&writer->saved);
    }

  lin_store_close (store);
  return NULL;
}

static void
test_backup_while_writing (void)
{
  g_autofree char *path = create_profile ("Busy");
  Writer writer = { .profile = path };
  GThread *thread;
  char *backups[4];

  g_free (put_record (path, "call", "{\"caller\": \"Прва\"}"));

  thread = g_thread_new ("writer", writer_thread, &writer);
  while (g_atomic_int_get (&writer.saved) < 5 && writer.error == NULL)
    g_usleep (10 * 1000);

  for (guint i = 0; i < G_N_ELEMENTS (backups); i++)
    {
      g_autofree char *name = g_strdup_printf ("busy-%u.linija", i);
      int before = g_atomic_int_get (&writer.saved);

      backups[i] = g_build_filename (tmp_root, name, NULL);
      g_assert_cmpint (cli_status (NULL, "backup", "--profile", path, backups[i]), ==, 0);

      /* the writer went on saving meanwhile */
      while (g_atomic_int_get (&writer.saved) < before + 3 && writer.error == NULL)
        g_usleep (10 * 1000);
    }

  g_atomic_int_set (&writer.stop, TRUE);
  g_thread_join (thread);
  g_assert_no_error (writer.error);
  g_test_message ("the writer saved %d records during %u backups",
                  g_atomic_int_get (&writer.saved), (guint)G_N_ELEMENTS (backups));

  for (guint i = 0; i < G_N_ELEMENTS (backups); i++)
    {
      g_autofree char *restored = NULL;
      g_auto(Run) restore = { 0 };
      g_auto(Run) verify = { 0 };
      g_auto(Run) list = { 0 };

      run_cli (NULL, &restore, "restore", backups[i]);
      g_assert_cmpint (restore.status, ==, 0);
      restored = g_strdup (strip (restore.out));

      run_cli (PASSPHRASE "\n", &verify, "verify", "--profile", restored);
      g_assert_cmpint (verify.status, ==, 0);

      /* the call and at least the notes saved before the backup began */
      run_cli (PASSPHRASE "\n", &list, "record", "list", "--profile", restored);
      g_assert_cmpint (list.status, ==, 0);
      g_assert_cmpuint (count_lines (list.out), >=, 6);
      g_assert_cmpuint (count_lines (list.out), ==, strtoul (verify.out, NULL, 10));

      g_free (backups[i]);
    }
}

/* Two backups into one folder at once, of two profiles: each gets its own
 * snapshot of its own store. */
static void
test_backup_parallel (void)
{
  g_autofree char *first = create_profile ("Parallel one");
  g_autofree char *second = create_profile ("Parallel two");
  g_autofree char *big = big_json ();
  g_autofree char *first_id = put_record (first, "call", big);
  g_autofree char *second_id = put_record (second, "call", big);
  g_autofree char *folder = g_build_filename (tmp_root, "parallel", NULL);
  const char *profiles[] = { first, second };
  const char *ids[] = { first_id, second_id };
  g_autoptr(GDir) dir = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  for (guint round = 0; round < 5; round++)
    {
      GSubprocess *procs[2];
      char *files[2];

      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *name = g_strdup_printf ("%u-%u.linija", round, i);

          files[i] = g_build_filename (folder, name, NULL);
          procs[i] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                       cli_path, "--data-dir", data_dir,
                                       "backup", "--profile", profiles[i], files[i], NULL);
          g_assert_no_error (error);
        }

      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *restored = NULL;
          g_autoptr(JsonObject) record = NULL;
          g_auto(Run) restore = { 0 };

          g_subprocess_wait (procs[i], NULL, &error);
          g_assert_no_error (error);
          g_assert_true (g_subprocess_get_if_exited (procs[i]));
          g_assert_cmpint (g_subprocess_get_exit_status (procs[i]), ==, 0);
          g_object_unref (procs[i]);

          if (round > 0)
            {
              g_free (files[i]);
              continue;
            }

          run_cli (NULL, &restore, "restore", files[i]);
          g_assert_cmpint (restore.status, ==, 0);
          restored = g_strdup (strip (restore.out));
          g_assert_cmpint (cli_status (PASSPHRASE "\n", "verify", "--profile", restored), ==, 0);
          record = get_record (restored, ids[i]);
          g_assert_cmpstr (json_object_get_string_member (record, "id"), ==, ids[i]);
          g_free (files[i]);
        }
    }

  /* and no snapshot is left behind */
  dir = g_dir_open (folder, 0, NULL);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    g_assert_true (g_str_has_suffix (name, ".linija"));
}

static void
test_permissions (void)
{
  g_autofree char *path = create_profile ("Open folder");
  g_autofree char *id = put_record (path, "call", "{}");
  g_autofree char *backup = g_build_filename (tmp_root, "open.linija", NULL);
  g_auto(Run) run = { 0 };

  g_assert_cmpint (g_chmod (path, 0755), ==, 0);

  run_cli (PASSPHRASE "\n", &run, "unlock", "--profile", path);
  g_assert_cmpint (run.status, ==, 6);
  g_assert_nonnull (strstr (run.err, "0755"));
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "record", "get", "--profile", path, id), ==, 6);
  g_assert_cmpint (cli_status (PASSPHRASE "\n{}", "record", "put", "--profile", path, "--kind", "note"), ==, 6);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "verify", "--profile", "Open folder"), ==, 6);
  g_assert_cmpint (cli_status (NULL, "backup", "--profile", path, backup), ==, 6);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_chmod (path, 0700), ==, 0);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "unlock", "--profile", path), ==, 0);
}

static void
test_passphrase_argument (void)
{
  g_autofree char *path = create_profile ("Argv");
  const char * const refused[][8] = {
    { "unlock", "--profile", "Argv", "--passphrase=" PASSPHRASE, NULL },
    { "unlock", "--profile", "Argv", "--passphrase", PASSPHRASE, NULL },
    { "--passphrase=" PASSPHRASE, "unlock", "--profile", "Argv", NULL },
    { "unlock", "--profile", "Argv", "--password=" PASSPHRASE, NULL },
    { "profile", "create", "--name", "X", "--fast-kdf", "--passphrase=" PASSPHRASE, NULL },
    { "record", "get", "--profile", "Argv", "--passphrase=" PASSPHRASE,
      "0123456789abcdef0123456789abcdef", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(Run) run = { 0 };

      /* even with the right passphrase on stdin */
      run_cli_v (PASSPHRASE "\n", &run, refused[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_null (strstr (run.err, PASSPHRASE));
      g_assert_null (strstr (run.err, "horse"));
      g_assert_cmpstr (run.out, ==, "");
    }

  /* an unknown option's value is not echoed either */
  {
    g_auto(Run) run = { 0 };

    run_cli (PASSPHRASE "\n", &run, "unlock", "--profile", "Argv", "--key=hunter2hunter2");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_null (strstr (run.err, "hunter2"));
  }
}

static void
test_usage (void)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) put_help = { 0 };
  g_auto(Run) version = { 0 };

  run_cli (NULL, &help, "--help");
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "record put"));
  g_assert_nonnull (strstr (help.out, "restore"));

  run_cli (NULL, &put_help, "record", "put", "--help");
  g_assert_cmpint (put_help.status, ==, 0);
  g_assert_nonnull (strstr (put_help.out, "--passphrase-fd"));

  run_cli (NULL, &version, "--version");
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "linija-cli " PACKAGE_VERSION));

  g_assert_cmpint (cli_status (NULL, "frobnicate"), ==, 2);
  g_assert_cmpint (cli_status (NULL, "record"), ==, 2);
  g_assert_cmpint (cli_status (NULL, "record", "frobnicate"), ==, 2);
  g_assert_cmpint (cli_status (NULL, "profile", "list", "extra"), ==, 2);
  g_assert_cmpint (cli_status (NULL, "unlock", "--frobnicate"), ==, 2);
  g_assert_cmpint (cli_status (NULL, "restore"), ==, 2);

  /* no command at all */
  {
    g_autoptr(GSubprocess) proc = NULL;
    g_autoptr(GError) error = NULL;

    proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                             &error, cli_path, NULL);
    g_assert_no_error (error);
    g_subprocess_wait (proc, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 2);
  }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }

  g_rmdir (path);
}

/* A directory imported from CSV, searched in the other script, exported
 * and imported again; a file with a bad row imports nothing */
static void
test_directory (void)
{
  g_autofree char *path = create_profile ("Directory");
  g_autofree char *good = g_build_filename (tmp_root, "services.csv", NULL);
  g_autofree char *bad = g_build_filename (tmp_root, "bad.csv", NULL);
  g_autofree char *exported = g_build_filename (tmp_root, "exported.csv", NULL);
  g_auto(Run) import = { 0 };
  g_auto(Run) import_bad = { 0 };
  g_auto(Run) search = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) export_again = { 0 };
  g_auto(Run) reimport = { 0 };

  g_assert_true (g_file_set_contents (good,
                                      "name,service_type,municipality,hours,phones\n"
                                      "Test CSR Kraljevo,csw,rs-kraljevo,mon-fri 07:00-15:00,\n"
                                      "\"Test Sigurna kuća, Niš\",shelter,rs-nis-palilula,24/7,Duty: 000 000 (confidential)\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (bad,
                                      "name,service_type,municipality\n"
                                      "Test A,police,rs-kraljevo\n"
                                      "Test B,bakery,rs-kraljevo\n",
                                      -1, NULL));

  run_cli (PASSPHRASE "\n", &import, "directory", "import", "--profile", path, good);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (strip (import.out), ==, "2 services imported");

  /* Cyrillic finds the Latin name */
  run_cli (PASSPHRASE "\n", &search, "directory", "search", "--profile", path, "ниш");
  g_assert_cmpint (search.status, ==, 0);
  g_assert_cmpuint (count_lines (search.out), ==, 1);
  g_assert_nonnull (strstr (search.out, "Test Sigurna kuća, Niš"));

  /* a bad row: said with its line, nothing imported */
  run_cli (PASSPHRASE "\n", &import_bad, "directory", "import", "--profile", path, bad);
  g_assert_cmpint (import_bad.status, ==, 2);
  g_assert_nonnull (strstr (import_bad.err, "Line 3: “bakery” is not a service type."));

  run_cli (PASSPHRASE "\n", &export, "directory", "export", "--profile", path);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_cmpuint (count_lines (export.out), ==, 3);
  g_assert_nonnull (strstr (export.out, "Duty: 000 000 (confidential)"));

  /* exported, imported into another profile, exported again: the same */
  {
    g_autofree char *other = create_profile ("Directory again");

    g_assert_true (g_file_set_contents (exported, export.out, -1, NULL));
    run_cli (PASSPHRASE "\n", &reimport, "directory", "import", "--profile", other, exported);
    g_assert_cmpint (reimport.status, ==, 0);
    run_cli (PASSPHRASE "\n", &export_again, "directory", "export", "--profile", other);
    g_assert_cmpint (export_again.status, ==, 0);
    g_assert_cmpstr (export_again.out, ==, export.out);
  }
}

/* A roster saved record by record, exported as iCalendar that libical
 * reads back: to standard output, to a file, for one person */
static void
test_roster_export_ics (void)
{
  g_autofree char *path = create_profile ("Roster");
  g_autofree char *file = g_build_filename (tmp_root, "roster.ics", NULL);
  g_autofree char *ana = NULL, *line = NULL, *shift = NULL, *json = NULL, *written = NULL;
  g_auto(Run) all = { 0 };
  g_auto(Run) to_file = { 0 };
  g_auto(Run) nobody = { 0 };
  icalcomponent *calendar, *event;
  GStatBuf st;

  ana = strip (put_record (path, "person", "{\"alias\": \"Ana\"}"));
  line = strip (put_record (path, "line", "{\"name\": \"SOS line\", \"hours\": \"24/7\"}"));
  json = g_strdup_printf ("{\"line\": \"%s\", \"start\": \"2026-03-28T20:00:00+01:00\", "
                          "\"end\": \"2026-03-29T08:00:00+02:00\", \"required\": 1}", line);
  shift = strip (put_record (path, "shift", json));
  g_free (json);
  json = g_strdup_printf ("{\"shift\": \"%s\", \"person\": \"%s\", \"uid\": \"shift-1\", \"sequence\": 4}",
                          shift, ana);
  g_free (put_record (path, "assignment", json));

  run_cli (PASSPHRASE "\n", &all, "roster", "export-ics", "--profile", path);
  g_assert_cmpint (all.status, ==, 0);
  calendar = icalparser_parse_string (all.out);
  g_assert_nonnull (calendar);
  g_assert_nonnull (icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT));
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_uid (event), ==, "shift-1@linija");
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 4);
  g_assert_cmpint (icaltime_as_timet_with_zone (icalcomponent_get_dtstart (event),
                                                icalcomponent_get_dtstart (event).zone), ==, 1774724400);
  g_assert_null (icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT));
  icalcomponent_free (calendar);

  /* her calendar, to a file only she can read */
  run_cli (PASSPHRASE "\n", &to_file, "roster", "export-ics", "--profile", path, "--person", ana, "--output", file);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_cmpstr (to_file.out, ==, "");
  g_assert_true (g_file_get_contents (file, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "UID:shift-1@linija"));
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* the line is no person */
  run_cli (PASSPHRASE "\n", &nobody, "roster", "export-ics", "--profile", path, "--person", line);
  g_assert_cmpint (nobody.status, ==, 5);
  g_assert_cmpint (cli_status (PASSPHRASE "\n", "roster", "export-ics", "--profile", path, "--line", "nope"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  cli_path = g_getenv ("LINIJA_CLI");
  if (cli_path == NULL)
    g_error ("LINIJA_CLI must name the linija-cli binary");

  if (!lin_secret_init (&error))
    g_error ("%s", error->message);

  tmp_root = g_dir_make_tmp ("linija-cli-XXXXXX", &error);
  g_assert_no_error (error);
  data_dir = g_build_filename (tmp_root, "linija", NULL);

  g_test_add_func ("/cli/profile/create-list", test_profile_create_list);
  g_test_add_func ("/cli/unlock", test_unlock);
  g_test_add_func ("/cli/record/roundtrip", test_record_roundtrip);
  g_test_add_func ("/cli/record/bad-input", test_record_bad_input);
  g_test_add_func ("/cli/directory", test_directory);
  g_test_add_func ("/cli/roster/export-ics", test_roster_export_ics);
  g_test_add_func ("/cli/verify/damaged", test_verify_damaged);
  g_test_add_func ("/cli/verify/damaged-head", test_verify_damaged_head);
  g_test_add_func ("/cli/verify/truncated", test_verify_truncated);
  g_test_add_func ("/cli/backup/restore", test_backup_restore);
  g_test_add_func ("/cli/backup/while-writing", test_backup_while_writing);
  g_test_add_func ("/cli/backup/parallel", test_backup_parallel);
  g_test_add_func ("/cli/permissions", test_permissions);
  g_test_add_func ("/cli/passphrase-argument", test_passphrase_argument);
  g_test_add_func ("/cli/usage", test_usage);

  ret = g_test_run ();

  remove_tree (tmp_root);
  g_free (data_dir);
  g_free (tmp_root);

  return ret;
}
