/* test-crash.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Crash safety: a child process (this program, run with --child) opens a
 * profile and saves records in a loop, new ones and new revisions of old
 * ones. Before each save it prints "W <id> <hash>", after lin_store_save()
 * returned "S <id> <revision> <hash>" (line-buffered, flushed). The parent
 * kills it with SIGKILL 5 to 80 ms after it began saving, 200 times on the
 * same, growing profile, and after every kill checks that:
 *
 *  - the profile unlocks and lin_store_verify() passes (SQLite's
 *    integrity_check, then every envelope of every revision);
 *  - every save that returned (printed "S") is there with its content, or
 *    with the content of a later save of the same record that was under
 *    way (printed "W") when the child died;
 *  - nothing is there that no child wrote;
 *  - every head has its envelope, every shared revision its outbox row
 *    and every outbox row its revision (they are written in one
 *    transaction), and drafts keep one revision.
 *
 * To keep the run under three minutes on two cores, each child derives its
 * key (Argon2id, floor parameters) while the parent verifies the previous
 * round, and opens the store when the parent says "go".
 * LINIJA_CRASH_ROUNDS=n runs fewer rounds for a quick look.
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "lin-vault-test-utils.h"

#define ROUNDS 200

static const char * const kinds[] = {
  "call", "note", "caller", "follow-up", "service", "person", "shift",
  "assignment", "handover", "audit", "draft",
};

static char *
record_hash (LinRecord *record)
{
  g_autofree char *json = lin_record_dup_fields_json (record);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (sum, (const guchar *)lin_record_get_kind (record), -1);
  g_checksum_update (sum, (const guchar *)"\n", 1);
  g_checksum_update (sum, (const guchar *)json, -1);

  return g_strdup (g_checksum_get_string (sum));
}

/* The child: save until killed */

static char *
random_text (void)
{
  static const char *words[] = {
    "позив", "помоћ", "склониште", "Ниш", "Нови Сад", "savetovanje", "pravna",
    "pomoć", "деца", "безбедност", "plan", "пријава", "полиција", "центар",
  };
  GString *out = g_string_new (NULL);
  guint n = 5 + randombytes_uniform (100);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s ", words[randombytes_uniform (G_N_ELEMENTS (words))]);

  return g_string_free (out, FALSE);
}

static int
child_main (const char *profile)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinVault) vault = NULL;
  g_autoptr(LinStore) store = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autofree char *header = g_build_filename (profile, LIN_HEADER_FILE, NULL);
  g_autofree char *db = g_build_filename (profile, LIN_STORE_FILE, NULL);
  char go[16];

  lin_process_harden ();
  setvbuf (stdout, NULL, _IOLBF, 0);

  /* what lin_profile_unlock() does, with a pause after Argon2id: the
   * parent lets it derive the key while it checks the previous round,
   * and says "go" once it has closed the store */
  if (!lin_profile_check_folder (profile, &error) ||
      (vault = lin_vault_unlock (header, LIN_VAULT_TEST_PASSPHRASE, &error)) == NULL)
    {
      printf ("E unlock: %s\n", error->message);
      return 2;
    }

  if (fgets (go, sizeof go, stdin) == NULL || !g_str_equal (go, "go\n"))
    return 0;

  store = lin_store_open (vault, db, FALSE, &error);
  if (store == NULL)
    {
      printf ("E open: %s\n", error->message);
      return 2;
    }
  existing = lin_store_list (store, NULL);

  printf ("R %u\n", lin_store_get_n_records (store));
  fflush (stdout);

  for (guint n = 0;; n++)
    {
      g_autoptr(LinRecord) record = NULL;
      g_autofree char *text = random_text ();
      g_autofree char *json = NULL;
      g_autofree char *hash = NULL;

      if (existing->len > 0 && randombytes_uniform (4) == 0)
        {
          record = g_object_ref (existing->pdata[randombytes_uniform (existing->len)]);
        }
      else
        {
          const char *kind = kinds[randombytes_uniform (G_N_ELEMENTS (kinds))];

          record = lin_record_new (kind);
          lin_record_set_local (record, g_str_equal (kind, "draft"));
          g_ptr_array_add (existing, g_object_ref (record));
        }

      json = g_strdup_printf ("{\"n\":%u,\"pid\":%d,\"text\":\"%s\",\"nested\":{\"r\":%u}}",
                              n, (int)getpid (), text, randombytes_random ());
      if (!lin_record_set_fields_json (record, json, &error))
        {
          printf ("E json: %s\n", error->message);
          return 2;
        }
      hash = record_hash (record);

      printf ("W %s %s\n", lin_record_get_id_string (record), hash);
      fflush (stdout);

      if (!lin_store_save (store, record, &error))
        {
          printf ("E save: %s\n", error->message);
          return 2;
        }

      printf ("S %s %" G_GUINT64_FORMAT " %s\n", lin_record_get_id_string (record),
              lin_record_get_revision (record), hash);
      fflush (stdout);
    }

  return 0;
}

/* The parent */

typedef struct
{
  char      *confirmed;  /* the hash of the last save that returned */
  guint64    revision;   /* and its revision */
  GPtrArray *pending;    /* hashes of saves under way when killed */
} Expect;

static void
expect_free (Expect *expect)
{
  g_free (expect->confirmed);
  g_ptr_array_unref (expect->pending);
  g_free (expect);
}

static Expect *
expect_get (GHashTable *expected,
            const char *id)
{
  Expect *expect = g_hash_table_lookup (expected, id);

  if (expect == NULL)
    {
      expect = g_new0 (Expect, 1);
      expect->pending = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (expected, g_strdup (id), expect);
    }

  return expect;
}

typedef struct
{
  double child_start;   /* seconds: "go" to "R" (the child opening the store) */
  double unlock;
  double verify;
  double checks;
  guint saves_confirmed;
  guint saves_under_way;
  guint under_way_kept;
  guint partial_lines;
} Totals;

/* Reads the child's lines; a line cut off by the kill is ignored */
static void
parse_output (const char *output,
              GHashTable *expected,
              Totals     *totals)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);
  guint n = g_strv_length (lines);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) parts = NULL;
      Expect *expect;

      if (i == n - 1)
        {
          if (*lines[i] != '\0')
            totals->partial_lines++;
          break;
        }

      parts = g_strsplit (lines[i], " ", -1);
      if (g_str_equal (parts[0], "E"))
        g_error ("The child failed: %s", lines[i]);

      if (g_str_equal (parts[0], "W"))
        {
          g_assert_cmpuint (g_strv_length (parts), ==, 3);
          expect = expect_get (expected, parts[1]);
          g_ptr_array_add (expect->pending, g_strdup (parts[2]));
          totals->saves_under_way++;
        }
      else if (g_str_equal (parts[0], "S"))
        {
          g_assert_cmpuint (g_strv_length (parts), ==, 4);
          expect = expect_get (expected, parts[1]);
          g_free (expect->confirmed);
          expect->confirmed = g_strdup (parts[3]);
          expect->revision = g_ascii_strtoull (parts[2], NULL, 10);
          g_ptr_array_set_size (expect->pending, 0);
          totals->saves_under_way--;
          totals->saves_confirmed++;
        }
    }
}

static gboolean
pending_has (Expect     *expect,
             const char *hash)
{
  for (guint i = 0; i < expect->pending->len; i++)
    if (g_str_equal (expect->pending->pdata[i], hash))
      return TRUE;

  return FALSE;
}

static GSubprocess *spawn_child (const char *profile);

/* Checks the profile after a kill; starts the next child (which derives
 * its key while this verifies) if @next is not %NULL */
static void
check_profile (const char   *profile,
               GHashTable   *expected,
               Totals       *totals,
               guint         round,
               GSubprocess **next)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LinStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *db = g_build_filename (profile, LIN_STORE_FILE, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint n_envelopes = 0;
  sqlite3 *raw;

  gint64 t0 = g_get_monotonic_time ();
  gint64 t1, t2;

  store = lin_profile_unlock (profile, LIN_VAULT_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  t1 = g_get_monotonic_time ();
  if (next != NULL)
    *next = spawn_child (profile);

  g_assert_true (lin_store_verify (store, &n_envelopes, &error));
  g_assert_no_error (error);
  t2 = g_get_monotonic_time ();
  totals->unlock += (t1 - t0) / 1e6;
  totals->verify += (t2 - t1) / 1e6;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Expect *expect = value;
      LinRecord *record = lin_store_get (store, key);

      if (record == NULL)
        {
          if (expect->confirmed != NULL)
            g_error ("Round %u: a record whose save returned is gone", round);
        }
      else
        {
          g_autofree char *hash = record_hash (record);

          if (expect->confirmed != NULL && g_str_equal (hash, expect->confirmed))
            {
              g_assert_cmpuint (lin_record_get_revision (record), ==, expect->revision);
            }
          else if (pending_has (expect, hash))
            {
              /* saved, but killed before it could say so */
              g_assert_cmpuint (lin_record_get_revision (record), >, expect->revision);
              g_free (expect->confirmed);
              expect->confirmed = g_steal_pointer (&hash);
              expect->revision = lin_record_get_revision (record);
              totals->under_way_kept++;
            }
          else
            {
              g_error ("Round %u: a record holds neither its last saved content nor the one being saved",
                       round);
            }
        }

      g_ptr_array_set_size (expect->pending, 0);
    }

  /* nothing that no child wrote */
  all = lin_store_list (store, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      Expect *expect = g_hash_table_lookup (expected, lin_record_get_id_string (all->pdata[i]));

      g_assert_nonnull (expect);
      g_assert_nonnull (expect->confirmed);
    }

  lin_store_close (store);

  /* the bookkeeping was written in the same transactions */
  raw = lin_vault_test_sqlite_open (db);
  g_assert_cmpint (lin_vault_test_sqlite_int (raw, "SELECT count(*) FROM heads h LEFT JOIN envelopes e "
                                                   "ON e.record_id = h.record_id AND e.revision = h.revision "
                                                   "WHERE e.record_id IS NULL"), ==, 0);
  g_assert_cmpint (lin_vault_test_sqlite_int (raw, "SELECT count(*) FROM envelopes e LEFT JOIN outbox o "
                                                   "ON o.record_id = e.record_id AND o.revision = e.revision "
                                                   "WHERE e.local = 0 AND o.seq IS NULL"), ==, 0);
  g_assert_cmpint (lin_vault_test_sqlite_int (raw, "SELECT count(*) FROM outbox o LEFT JOIN envelopes e "
                                                   "ON o.record_id = e.record_id AND o.revision = e.revision "
                                                   "WHERE e.record_id IS NULL OR e.local != 0"), ==, 0);
  g_assert_cmpint (lin_vault_test_sqlite_int (raw, "SELECT count(*) FROM (SELECT record_id FROM envelopes "
                                                   "WHERE local = 1 GROUP BY record_id HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (lin_vault_test_sqlite_int (raw, "SELECT count(*) FROM heads"), ==, all->len);
  sqlite3_close_v2 (raw);
  totals->checks += (g_get_monotonic_time () - t2) / 1e6;
}

static char *self_path;

static GSubprocess *
spawn_child (const char *profile)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *child;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            self_path, "--child", profile, NULL);
  g_assert_no_error (error);

  return child;
}

static void
test_sigkill (void)
{
  g_autofree char *data_dir = lin_vault_test_make_tmp ("crash");
  g_autofree char *profile = lin_vault_test_create_profile (data_dir, "Crash");
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify)expect_free);
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GSubprocess) next = NULL;
  Totals totals = { 0 };
  guint n_records = 0;
  guint rounds = ROUNDS;

  /* LINIJA_CRASH_ROUNDS: fewer, for a quick look */
  if (g_getenv ("LINIJA_CRASH_ROUNDS") != NULL)
    rounds = CLAMP (atoi (g_getenv ("LINIJA_CRASH_ROUNDS")), 1, ROUNDS);

  next = spawn_child (profile);

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) child = g_steal_pointer (&next);
      g_autoptr(GDataInputStream) out = NULL;
      g_autoptr(GByteArray) rest = g_byte_array_new ();
      g_autofree char *ready = NULL;
      gint64 go = g_get_monotonic_time ();
      guint8 buf[4096];
      gssize n;

      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
      g_output_stream_write_all (g_subprocess_get_stdin_pipe (child), "go\n", 3, NULL, NULL, &error);
      g_assert_no_error (error);

      /* its store is open; it saves from now on */
      ready = g_data_input_stream_read_line (out, NULL, NULL, &error);
      g_assert_no_error (error);
      if (ready == NULL || ready[0] != 'R')
        g_error ("The child did not start: %s", ready != NULL ? ready : "(nothing)");
      totals.child_start += (g_get_monotonic_time () - go) / 1e6;

      g_usleep (g_test_rand_int_range (5000, 80001));
      g_subprocess_force_exit (child);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (child));
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

      while ((n = g_input_stream_read (G_INPUT_STREAM (out), buf, sizeof buf, NULL, &error)) > 0)
        g_byte_array_append (rest, buf, n);
      g_assert_no_error (error);
      g_byte_array_append (rest, (const guint8 *)"", 1);

      parse_output ((const char *)rest->data, expected, &totals);
      check_profile (profile, expected, &totals, round, round + 1 < rounds ? &next : NULL);
    }

  {
    g_autoptr(LinStore) store = NULL;
    g_autoptr(GError) error = NULL;

    store = lin_profile_unlock (profile, LIN_VAULT_TEST_PASSPHRASE, &error);
    g_assert_no_error (error);
    n_records = lin_store_get_n_records (store);
    lin_store_close (store);
  }

  g_test_message ("%d kills: %u saves confirmed (all present), %u more found saved though killed "
                  "before confirming, %u lost while under way (never confirmed), %u lines cut off; "
                  "%u records in the end; %.1f s (children opening the store %.1f s, parent unlocking %.1f s, "
                  "verifying %.1f s, checking %.1f s)",
                  rounds, totals.saves_confirmed, totals.under_way_kept,
                  totals.saves_under_way - totals.under_way_kept, totals.partial_lines,
                  n_records, (g_get_monotonic_time () - start) / 1e6,
                  totals.child_start, totals.unlock, totals.verify, totals.checks);
  g_assert_cmpuint (totals.saves_confirmed, >, rounds);

  lin_vault_test_rm_rf (data_dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  lin_vault_test_init ();

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (self_path);

  g_test_add_func ("/crash/sigkill", test_sigkill);

  ret = g_test_run ();
  g_free (self_path);

  return ret;
}
