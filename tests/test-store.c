/* test-store.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LinStore on real files: every record kind through save, close and
 * reopen; the committed profile in tests/fixtures/profile-v1 (a vault.hdr
 * and a store.db at schema version 1) opened by today's code; envelopes
 * swapped or replayed inside store.db; crypto-shredding on delete; damaged,
 * missing and unreadable files; drafts and the outbox; key rotation;
 * backups taken while another store keeps saving; the text of long
 * records read again from the file when asked for, on several threads,
 * refused when tampered with and never saved over when unreadable.
 *
 * `test-store --generate-fixtures DIR` wrote DIR/profile-v1 once; it is
 * never regenerated to make a test pass: a failure of
 * /store/known-answer means profiles made by earlier versions would no
 * longer open.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "lin-chunk.h"
#include "lin-store-sync.h"
#include "lin-vault-test-utils.h"

#define FIXTURE_NAME "Фикстура — Линија 1"
#define FIXTURE_PASSPHRASE "fixture passphrase, not a secret"
#define FIXTURE_DEVICE_ID "aa7e3a31b96b7bbe831a49cf3698ccec"

typedef struct
{
  const char *id;
  const char *kind;
  guint64     revision;
  guint32     epoch;
  gboolean    local;
  guint64     hlc;
  const char *json;   /* exactly as stored */
} FixtureRecord;

/* The heads of tests/fixtures/profile-v1/store.db */
static const FixtureRecord fixture_records[] = {
  { "00000000000000000000000000000001", "call", 1, 1, FALSE, G_GUINT64_CONSTANT (117678269511958528),
    "{\"summary\":\"Позив у 23:10, Ниш — Đorđe\",\"minutes\":17,\"score\":2.5,\"urgent\":true,\"tags\":[\"психичко\",\"економско\"],\"caller\":{\"age\":34,\"city\":\"Kragujevac\",\"children\":[{\"age\":3},{\"age\":7}]},\"note\":null}" },
  { "00000000000000000000000000000002", "note", 2, 1, FALSE, G_GUINT64_CONSTANT (117678269512417280),
    "{\"text\":\"друга верзија — Ђурђевак\",\"count\":2}" },
  { "00000000000000000000000000000003", "draft", 2, 1, TRUE, G_GUINT64_CONSTANT (117678269512810496),
    "{\"step\":2,\"text\":\"недовршено\"}" },
  { "00000000000000000000000000000005", "person", 1, 2, FALSE, G_GUINT64_CONSTANT (117678269513465856),
    "{\"name\":\"Јована Јовановић\",\"phone\":\"+381 11 123 4567\"}" },
  { "00000000000000000000000000000006", "follow-up", 1, 2, FALSE, G_GUINT64_CONSTANT (117678269513662464),
    "{\"due\":\"2026-03-08\",\"big\":9007199254740993,\"negative\":-42}" },
};

/* The fixture's deleted record ("caller", revision 2 is its tombstone) */
#define FIXTURE_DELETED_ID "00000000000000000000000000000004"
#define FIXTURE_N_ENVELOPES 7
#define FIXTURE_N_OUTBOX 6

static const char * const all_kinds[] = {
  "call", "note", "caller", "follow-up", "service", "person", "shift",
  "assignment", "handover", "audit", "draft",
};

/* Helpers */

static LinStore *
unlock (const char *profile)
{
  g_autoptr(GError) error = NULL;
  LinStore *store = lin_profile_unlock (profile, LIN_VAULT_TEST_PASSPHRASE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static void
close_store (LinStore **store)
{
  lin_store_close (*store);
  g_clear_object (store);
}

static LinRecord *
save_json (LinStore   *store,
           const char *kind,
           const char *json,
           gboolean    local)
{
  g_autoptr(GError) error = NULL;
  LinRecord *record = lin_record_new (kind);

  lin_record_set_local (record, local);
  lin_record_set_fields_json (record, json, &error);
  g_assert_no_error (error);
  lin_store_save (store, record, &error);
  g_assert_no_error (error);

  return record;
}

static void
update_json (LinStore   *store,
             LinRecord  *record,
             const char *json)
{
  g_autoptr(GError) error = NULL;

  lin_record_set_fields_json (record, json, &error);
  g_assert_no_error (error);
  lin_store_save (store, record, &error);
  g_assert_no_error (error);
}

static void
assert_fields (LinRecord  *record,
               const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) actual = NULL;
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  actual = json_node_init_object (json_node_alloc (), lin_record_get_fields (record));

  if (!json_node_equal (json_parser_get_root (parser), actual))
    g_error ("The record's fields differ from what was saved");
}

static void
id_from_string (const char *str,
                guint8     *id)
{
  g_assert_true (lin_record_id_from_string (str, id));
}

static char *
data_dir_new (void)
{
  return lin_vault_test_make_tmp ("store");
}

/* One profile made at the first use, copied for each test that needs a
 * fresh one: Argon2id runs once instead of once per test */
static char *template_dir;
static char *template_profile;

static char *
new_profile (char **data_dir)
{
  g_autofree char *name = NULL;
  char *profile;

  if (template_profile == NULL)
    {
      template_dir = lin_vault_test_make_tmp ("template");
      template_profile = lin_vault_test_create_profile (template_dir, "Test");
    }

  *data_dir = data_dir_new ();
  name = g_path_get_basename (template_profile);
  profile = g_build_filename (*data_dir, name, NULL);
  g_assert_cmpint (g_mkdir (profile, 0700), ==, 0);

  for (guint i = 0; i < 2; i++)
    {
      const char *file = i == 0 ? LIN_HEADER_FILE : LIN_STORE_FILE;
      g_autofree char *from = g_build_filename (template_profile, file, NULL);
      g_autofree char *to = g_build_filename (profile, file, NULL);

      lin_vault_test_copy_file (from, to);
    }

  return profile;
}

static char *
db_path (const char *profile)
{
  return g_build_filename (profile, LIN_STORE_FILE, NULL);
}

static char *
header_path (const char *profile)
{
  return g_build_filename (profile, LIN_HEADER_FILE, NULL);
}

/* Copies tests/fixtures/profile-v1 into data_dir, private */
static char *
copy_fixture_profile (const char *data_dir)
{
  g_autofree char *src_header = lin_vault_test_fixture ("profile-v1", LIN_HEADER_FILE, NULL);
  g_autofree char *src_db = lin_vault_test_fixture ("profile-v1", LIN_STORE_FILE, NULL);
  char *profile = g_build_filename (data_dir, "profile-v1", NULL);
  g_autofree char *dst_header = header_path (profile);
  g_autofree char *dst_db = db_path (profile);

  g_assert_cmpint (g_mkdir (profile, 0700), ==, 0);
  lin_vault_test_copy_file (src_header, dst_header);
  lin_vault_test_copy_file (src_db, dst_db);

  return profile;
}

/* Asserts that unlocking @profile fails with @code and changes nothing on
 * disk, not even by creating a file */
static void
assert_unlock_fails (const char *profile,
                     const char *passphrase,
                     int         code)
{
  g_autofree char *parent = g_path_get_dirname (profile);
  g_autofree char *before = lin_vault_test_snapshot_tree (parent);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LinStore) store = NULL;

  store = lin_profile_unlock (profile, passphrase, &error);
  g_assert_null (store);
  g_assert_error (error, LIN_VAULT_ERROR, code);
  g_assert_nonnull (error->message);
  g_test_message ("refused (%d): %s", code, error->message);

  after = lin_vault_test_snapshot_tree (parent);
  g_assert_cmpstr (before, ==, after);
}

/* Tests */

static char *
kind_json (const char *kind,
           guint       i)
{
  return g_strdup_printf ("{\"label\":\"%s — Ћирилица ђжћчшџ ЉЊЏ, latinica ćčžšđ\","
                          "\"поље\":\"вредност %u\","
                          "\"n\":%u,\"pi\":3.141592653589793,\"neg\":-17,"
                          "\"big\":9007199254740993,\"ok\":true,\"no\":false,\"nothing\":null,"
                          "\"nested\":{\"list\":[1,\"два\",{\"три\":3.5}],"
                          "\"deep\":{\"deeper\":{\"deepest\":\"дно\"}}},"
                          "\"empty\":{},\"emptylist\":[],"
                          "\"quote\":\"\\\"navodnici\\\" \\\\ \\n новиред\"}",
                          kind, i, i);
}

static void
test_kinds_roundtrip (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autoptr(LinStore) store = unlock (profile);
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) all = NULL;
  const guint per_kind = 3;

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    for (guint i = 0; i < per_kind; i++)
      {
        g_autofree char *json = kind_json (all_kinds[k], i);

        g_ptr_array_add (saved, save_json (store, all_kinds[k], json,
                                           g_str_equal (all_kinds[k], "draft")));
      }

  /* one more revision of the first of each kind */
  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autofree char *json = kind_json (all_kinds[k], 100);
      update_json (store, saved->pdata[k * per_kind], json);
    }

  close_store (&store);
  store = unlock (profile);

  all = lin_store_list (store, NULL);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (all_kinds) * per_kind);
  g_assert_cmpuint (lin_store_get_n_records (store), ==, all->len);

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr(GPtrArray) list = lin_store_list (store, all_kinds[k]);

      g_assert_cmpuint (list->len, ==, per_kind);
      for (guint i = 0; i < list->len; i++)
        g_assert_cmpstr (lin_record_get_kind (list->pdata[i]), ==, all_kinds[k]);

      for (guint i = 0; i < per_kind; i++)
        {
          LinRecord *before = saved->pdata[k * per_kind + i];
          LinRecord *after = lin_store_get (store, lin_record_get_id_string (before));
          g_autofree char *json = kind_json (all_kinds[k], i == 0 ? 100 : i);

          g_assert_nonnull (after);
          g_assert_true (after != before);
          g_assert_cmpstr (lin_record_get_kind (after), ==, all_kinds[k]);
          g_assert_cmpuint (lin_record_get_revision (after), ==, i == 0 ? 2 : 1);
          g_assert_cmpuint (lin_record_get_parent_revision (after), ==, i == 0 ? 1 : 0);
          g_assert_cmpuint (lin_record_get_hlc (after), ==, lin_record_get_hlc (before));
          g_assert_cmpuint (lin_record_get_key_epoch (after), ==, 1);
          g_assert_cmpmem (lin_record_get_author (after), LIN_DEVICE_ID_BYTES,
                           lin_vault_get_device_id (lin_store_get_vault (store)), LIN_DEVICE_ID_BYTES);
          g_assert_cmpint (lin_record_get_local (after), ==, g_str_equal (all_kinds[k], "draft"));
          assert_fields (after, json);
          g_assert_cmpstr (lin_record_get_string (after, "поље"), ==,
                           i == 0 ? "вредност 100" : (i == 1 ? "вредност 1" : "вредност 2"));
        }
    }

  /* oldest first */
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpuint (lin_record_get_hlc (all->pdata[i - 1]), <, lin_record_get_hlc (all->pdata[i]));

  close_store (&store);
  lin_vault_test_rm_rf (data_dir);
}

static void
assert_fixture_store (LinStore *store)
{
  g_autoptr(GError) error = NULL;
  guint8 device[LIN_DEVICE_ID_BYTES];
  guint n = 0;

  g_assert_cmpuint (lin_store_get_n_records (store), ==, G_N_ELEMENTS (fixture_records));
  g_assert_cmpuint (lin_store_get_key_epoch (store), ==, 2);
  g_assert_cmpuint (lin_store_get_n_outbox (store), ==, FIXTURE_N_OUTBOX);
  g_assert_null (lin_store_get (store, FIXTURE_DELETED_ID));
  {
    gsize len = 0;
    g_assert_cmpint (sodium_hex2bin (device, sizeof device, FIXTURE_DEVICE_ID,
                                     strlen (FIXTURE_DEVICE_ID), NULL, &len, NULL), ==, 0);
    g_assert_cmpuint (len, ==, sizeof device);
  }

  for (guint i = 0; i < G_N_ELEMENTS (fixture_records); i++)
    {
      const FixtureRecord *expected = &fixture_records[i];
      LinRecord *record = lin_store_get (store, expected->id);
      g_autofree char *json = NULL;

      g_assert_nonnull (record);
      g_assert_cmpstr (lin_record_get_kind (record), ==, expected->kind);
      g_assert_cmpuint (lin_record_get_revision (record), ==, expected->revision);
      g_assert_cmpuint (lin_record_get_parent_revision (record), ==, expected->revision - 1);
      g_assert_cmpuint (lin_record_get_key_epoch (record), ==, expected->epoch);
      g_assert_cmpuint (lin_record_get_hlc (record), ==, expected->hlc);
      g_assert_cmpint (lin_record_get_local (record), ==, expected->local);
      g_assert_cmpmem (lin_record_get_author (record), LIN_DEVICE_ID_BYTES, device, sizeof device);

      /* the exact plaintext, before and after parsing */
      json = lin_record_dup_fields_json (record);
      g_assert_cmpstr (json, ==, expected->json);
      assert_fields (record, expected->json);
    }

  g_assert_true (lin_store_verify (store, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, FIXTURE_N_ENVELOPES);
}

static void
test_known_answer (void)
{
  g_autofree char *data_dir = data_dir_new ();
  g_autofree char *profile = copy_fixture_profile (data_dir);
  g_autoptr(LinStore) store = NULL;
  g_autoptr(GError) error = NULL;

  assert_unlock_fails (profile, LIN_VAULT_TEST_PASSPHRASE, LIN_VAULT_ERROR_WRONG_PASSPHRASE);

  store = lin_profile_unlock (profile, FIXTURE_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lin_vault_get_name (lin_store_get_vault (store)), ==, FIXTURE_NAME);
  assert_fixture_store (store);

  close_store (&store);
  lin_vault_test_rm_rf (data_dir);
}

static void
test_migration_v1 (void)
{
  g_autofree char *data_dir = data_dir_new ();
  g_autofree char *profile = copy_fixture_profile (data_dir);
  g_autofree char *db = db_path (profile);
  g_autoptr(LinStore) store = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw;

  /* the fixture was made at schema version 1 */
  raw = lin_vault_test_sqlite_open (db);
  g_assert_cmpint (lin_vault_test_sqlite_int (raw, "PRAGMA user_version"), ==, 1);
  sqlite3_close_v2 (raw);

  /* opening it brings it to today's version, records intact */
  store = lin_profile_unlock (profile, FIXTURE_PASSPHRASE, &error);
  g_assert_no_error (error);
  assert_fixture_store (store);
  close_store (&store);

  raw = lin_vault_test_sqlite_open (db);
  g_assert_cmpint (lin_vault_test_sqlite_int (raw, "PRAGMA user_version"), ==, LIN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (lin_vault_test_sqlite_int (raw, "SELECT count(*) FROM sqlite_master WHERE name IN "
                                                   "('collection_keys', 'envelopes', 'heads', 'outbox', 'sync_state')"),
                   ==, 5);
  sqlite3_close_v2 (raw);

  /* and a second open finds nothing to do */
  store = lin_profile_unlock (profile, FIXTURE_PASSPHRASE, &error);
  g_assert_no_error (error);
  assert_fixture_store (store);
  close_store (&store);

  lin_vault_test_rm_rf (data_dir);
}

static void
test_migration_newer_refused (void)
{
  g_autofree char *data_dir = data_dir_new ();
  g_autofree char *profile = copy_fixture_profile (data_dir);
  g_autofree char *db = db_path (profile);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", LIN_STORE_SCHEMA_VERSION + 1);
  sqlite3 *raw;

  raw = lin_vault_test_sqlite_open (db);
  lin_vault_test_sqlite_exec (raw, sql);
  sqlite3_close_v2 (raw);

  assert_unlock_fails (profile, FIXTURE_PASSPHRASE, LIN_VAULT_ERROR_UNSUPPORTED);

  /* an SQLite file that is no store (user_version 0) is damaged, not
   * "migrated" into one */
  g_assert_cmpint (g_unlink (db), ==, 0);
  raw = NULL;
  g_assert_cmpint (sqlite3_open_v2 (db, &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  lin_vault_test_sqlite_exec (raw, "CREATE TABLE other (x); INSERT INTO other VALUES (1)");
  sqlite3_close_v2 (raw);
  assert_unlock_fails (profile, FIXTURE_PASSPHRASE, LIN_VAULT_ERROR_DAMAGED);

  lin_vault_test_rm_rf (data_dir);
}

#define SELECT_ENVELOPE "SELECT envelope FROM envelopes WHERE record_id = ?1 AND revision = ?2"
#define UPDATE_ENVELOPE "UPDATE envelopes SET envelope = ?1 WHERE record_id = ?2 AND revision = ?3"

static void
swap_envelopes (const char   *db,
                const guint8 *a,
                gint64        rev_a,
                const guint8 *b,
                gint64        rev_b)
{
  sqlite3 *raw = lin_vault_test_sqlite_open (db);
  g_autoptr(GBytes) env_a = lin_vault_test_sqlite_blob (raw, SELECT_ENVELOPE, a, rev_a);
  g_autoptr(GBytes) env_b = lin_vault_test_sqlite_blob (raw, SELECT_ENVELOPE, b, rev_b);

  lin_vault_test_sqlite_set_blob (raw, UPDATE_ENVELOPE, env_b, a, rev_a);
  lin_vault_test_sqlite_set_blob (raw, UPDATE_ENVELOPE, env_a, b, rev_b);
  sqlite3_close_v2 (raw);
}

static void
test_tamper_swap (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autofree char *db = db_path (profile);
  g_autoptr(LinStore) store = unlock (profile);
  g_autoptr(LinRecord) a = save_json (store, "call", "{\"who\":\"А\"}", FALSE);
  g_autoptr(LinRecord) b = save_json (store, "call", "{\"who\":\"Б\"}", FALSE);
  g_autofree char *id_a = g_strdup (lin_record_get_id_string (a));
  g_autofree char *id_b = g_strdup (lin_record_get_id_string (b));
  guint8 bin_a[LIN_RECORD_ID_BYTES], bin_b[LIN_RECORD_ID_BYTES];

  id_from_string (id_a, bin_a);
  id_from_string (id_b, bin_b);
  close_store (&store);

  /* two records' envelopes swapped in place: refused at unlock */
  swap_envelopes (db, bin_a, 1, bin_b, 1);
  assert_unlock_fails (profile, LIN_VAULT_TEST_PASSPHRASE, LIN_VAULT_ERROR_TAMPERED);

  /* swapped back, all is well again */
  swap_envelopes (db, bin_a, 1, bin_b, 1);
  store = unlock (profile);
  assert_fields (lin_store_get (store, id_a), "{\"who\":\"А\"}");
  assert_fields (lin_store_get (store, id_b), "{\"who\":\"Б\"}");

  /* old revisions (not loaded at unlock) swapped: verify finds them */
  update_json (store, lin_store_get (store, id_a), "{\"who\":\"А2\"}");
  update_json (store, lin_store_get (store, id_b), "{\"who\":\"Б2\"}");
  close_store (&store);

  swap_envelopes (db, bin_a, 1, bin_b, 1);
  store = unlock (profile);
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (lin_store_verify (store, NULL, &error));
    g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_TAMPERED);
  }
  close_store (&store);

  lin_vault_test_rm_rf (data_dir);
}

static void
test_tamper_replay (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autofree char *db = db_path (profile);
  g_autoptr(LinStore) store = unlock (profile);
  g_autoptr(LinRecord) record = save_json (store, "note", "{\"v\":1}", FALSE);
  g_autofree char *id = g_strdup (lin_record_get_id_string (record));
  g_autoptr(GBytes) rev1 = NULL;
  g_autoptr(GBytes) rev2 = NULL;
  guint8 bin[LIN_RECORD_ID_BYTES];
  sqlite3 *raw;

  update_json (store, record, "{\"v\":2}");
  g_assert_cmpuint (lin_record_get_revision (record), ==, 2);
  id_from_string (id, bin);
  close_store (&store);

  /* revision 1's envelope in the head row of revision 2 */
  raw = lin_vault_test_sqlite_open (db);
  rev1 = lin_vault_test_sqlite_blob (raw, SELECT_ENVELOPE, bin, 1);
  rev2 = lin_vault_test_sqlite_blob (raw, SELECT_ENVELOPE, bin, 2);
  lin_vault_test_sqlite_set_blob (raw, UPDATE_ENVELOPE, rev1, bin, 2);
  sqlite3_close_v2 (raw);

  assert_unlock_fails (profile, LIN_VAULT_TEST_PASSPHRASE, LIN_VAULT_ERROR_TAMPERED);

  /* put back, it opens with revision 2 */
  raw = lin_vault_test_sqlite_open (db);
  lin_vault_test_sqlite_set_blob (raw, UPDATE_ENVELOPE, rev2, bin, 2);
  sqlite3_close_v2 (raw);

  store = unlock (profile);
  assert_fields (lin_store_get (store, id), "{\"v\":2}");
  close_store (&store);

  lin_vault_test_rm_rf (data_dir);
}

/* Enough records for unlock to read them on several threads (above
 * LOAD_PARALLEL_MIN in lin-store.c), with history, deletions and local
 * records among them; then tampering found by the last thread's part */
#define N_MANY 4600

static void
test_load_parallel (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autofree char *db = db_path (profile);
  g_autoptr(LinStore) store = unlock (profile);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) local = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *late_a = NULL;
  g_autofree char *late_b = NULL;
  guint8 bin_a[LIN_RECORD_ID_BYTES], bin_b[LIN_RECORD_ID_BYTES];
  GHashTableIter iter;
  gpointer id, json;

  for (guint i = 0; i < N_MANY; i++)
    {
      /* every fifth one long: its text is read again when asked for */
      g_autofree char *pad = g_strnfill (i % 5 == 0 ? 600 : 1, 'x');
      g_autofree char *text = g_strdup_printf ("{\"n\":%u,\"text\":\"позив %u — Niš\",\"pad\":\"%s\"}", i, i, pad);
      g_autoptr(LinRecord) record = save_json (store, i % 3 == 0 ? "call" : "note", text, i % 7 == 0);
      const char *rid = lin_record_get_id_string (record);

      if (i % 50 == 0)
        {
          g_autoptr(GError) error = NULL;

          lin_store_delete (store, record, &error);
          g_assert_no_error (error);
          continue;
        }

      if (i % 10 == 0)
        {
          g_free (text);
          text = g_strdup_printf ("{\"n\":%u,\"edited\":true}", i);
          update_json (store, record, text);
        }

      g_hash_table_insert (expected, g_strdup (rid), g_steal_pointer (&text));
      if (i % 7 == 0)
        g_hash_table_add (local, g_strdup (rid));
      if (i == N_MANY - 3)
        late_a = g_strdup (rid);
      if (i == N_MANY - 2)
        late_b = g_strdup (rid);
    }
  close_store (&store);

  store = unlock (profile);
  g_assert_cmpuint (lin_store_get_n_records (store), ==, g_hash_table_size (expected));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &id, &json))
    {
      LinRecord *record = lin_store_get (store, id);

      g_assert_nonnull (record);
      assert_fields (record, json);
      g_assert_cmpint (lin_record_get_local (record), ==, g_hash_table_contains (local, id));
    }
  close_store (&store);

  /* two of the last records' envelopes swapped: the thread that reads
   * the end of the table refuses them */
  id_from_string (late_a, bin_a);
  id_from_string (late_b, bin_b);
  swap_envelopes (db, bin_a, 1, bin_b, 1);
  assert_unlock_fails (profile, LIN_VAULT_TEST_PASSPHRASE, LIN_VAULT_ERROR_TAMPERED);
  swap_envelopes (db, bin_a, 1, bin_b, 1);

  /* one of them gone: missing */
  {
    sqlite3 *raw = lin_vault_test_sqlite_open (db);
    g_autofree char *sql = g_strdup_printf ("DELETE FROM envelopes WHERE record_id = x'%s'", late_a);

    lin_vault_test_sqlite_exec (raw, sql);
    sqlite3_close_v2 (raw);
    assert_unlock_fails (profile, LIN_VAULT_TEST_PASSPHRASE, LIN_VAULT_ERROR_DAMAGED);
  }

  lin_vault_test_rm_rf (data_dir);
}

/* The working set keeps a long record's text on disk only */

/* A record's text longer than the working set keeps */
static char *
long_json (const char *who)
{
  g_autofree char *pad = g_strnfill (800, 'x');

  return g_strdup_printf ("{\"who\":\"%s\",\"pad\":\"%s\"}", who, pad);
}

#define N_READERS 4

static gpointer
read_again_thread (gpointer data)
{
  LinRecord *record = data;
  g_autofree char *first = lin_record_dup_unparsed_json (record, NULL);

  g_assert_nonnull (first);
  for (guint i = 0; i < 200; i++)
    {
      gsize len = 0;
      g_autofree char *again = lin_record_dup_unparsed_json (record, &len);

      g_assert_cmpstr (again, ==, first);
      g_assert_cmpuint (len, ==, strlen (first));
    }

  return g_steal_pointer (&first);
}

static void
test_text_on_disk (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autofree char *db = db_path (profile);
  g_autoptr(LinStore) store = unlock (profile);
  g_autofree char *long_a = long_json ("Ана — Niš");
  g_autofree char *long_b = long_json ("Бојана");
  g_autoptr(LinRecord) a = save_json (store, "call", long_a, FALSE);
  g_autoptr(LinRecord) b = save_json (store, "call", long_b, FALSE);
  g_autoptr(LinRecord) note = save_json (store, "note", "{\"text\":\"кратко\"}", FALSE);
  g_autofree char *id_a = g_strdup (lin_record_get_id_string (a));
  g_autofree char *id_b = g_strdup (lin_record_get_id_string (b));
  g_autofree char *id_note = g_strdup (lin_record_get_id_string (note));
  guint8 bin_a[LIN_RECORD_ID_BYTES], bin_b[LIN_RECORD_ID_BYTES];
  GThread *threads[N_READERS];
  g_autoptr(GError) error = NULL;
  g_autoptr(LinRecord) held = NULL;
  LinRecord *record;

  id_from_string (id_a, bin_a);
  id_from_string (id_b, bin_b);
  close_store (&store);

  /* read again on several threads at once, each time the same; the
   * memory made ready for the load is given back once it is done */
  store = unlock (profile);
  g_assert_cmpuint (lin_chunk_get_pooled (), ==, 0);
  record = lin_store_get (store, id_a);
  for (guint i = 0; i < N_READERS; i++)
    threads[i] = g_thread_new ("reader", read_again_thread, record);
  for (guint i = 0; i < N_READERS; i++)
    {
      g_autofree char *json = g_thread_join (threads[i]);
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
    }
  assert_fields (record, long_a);
  assert_fields (lin_store_get (store, id_note), "{\"text\":\"кратко\"}");

  /* a record whose text was read again is saved as usual */
  update_json (store, record, "{\"who\":\"Ана\",\"edited\":true}");
  close_store (&store);
  store = unlock (profile);
  assert_fields (lin_store_get (store, id_a), "{\"who\":\"Ана\",\"edited\":true}");
  close_store (&store);

  /* an envelope swapped in the file after unlock: refused when read
   * again, the record unreadable, and never saved over */
  store = unlock (profile);
  record = lin_store_get (store, id_b);
  swap_envelopes (db, bin_a, 1, bin_b, 1);
  g_test_expect_message ("lin-record", G_LOG_LEVEL_WARNING, "A record could not be read again*");
  g_assert_cmpuint (json_object_get_size (lin_record_get_fields (record)), ==, 0);
  g_test_assert_expected_messages ();
  g_assert_true (lin_record_get_unreadable (record));
  g_assert_false (lin_store_save (store, record, &error));
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_IO);
  g_clear_error (&error);
  swap_envelopes (db, bin_a, 1, bin_b, 1);
  close_store (&store);

  /* saved as it is, never asked for its fields: the text is read (and
   * refused) before anything is sealed, and nothing is written */
  store = unlock (profile);
  record = lin_store_get (store, id_b);
  {
    guint64 revision = lin_record_get_revision (record);

    swap_envelopes (db, bin_a, 1, bin_b, 1);
    g_assert_false (lin_store_save (store, record, &error));
    g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_TAMPERED);
    g_clear_error (&error);
    g_assert_cmpuint (lin_record_get_revision (record), ==, revision);
    swap_envelopes (db, bin_a, 1, bin_b, 1);
  }
  close_store (&store);

  /* a record held past the lock is read no more, quietly */
  store = unlock (profile);
  held = g_object_ref (lin_store_get (store, id_b));
  close_store (&store);
  g_assert_cmpuint (json_object_get_size (lin_record_get_fields (held)), ==, 0);
  g_assert_true (lin_record_get_unreadable (held));

  /* the file itself is as it was */
  store = unlock (profile);
  assert_fields (lin_store_get (store, id_b), long_b);
  g_assert_true (lin_store_verify (store, NULL, &error));
  g_assert_no_error (error);
  close_store (&store);

  lin_vault_test_rm_rf (data_dir);
}

/* Every kept revision of a record opens again, oldest first, apart from
 * the working set */
static gboolean
all_zero (const guint8 *p,
          gsize         len)
{
  for (gsize i = 0; i < len; i++)
    if (p[i] != 0)
      return FALSE;
  return TRUE;
}

/* The memory that unlock decrypts into is wiped before it is pooled for
 * the next unlock, and a piece given back is handed out again */
static void
test_memory_pool (void)
{
  static const char marker[] = "LINIJA-POOL-MARKER plaintext of a call";
  g_autoptr(LinChunk) again = NULL;
  guint8 *first, *second, *third;
  LinChunk *chunk;
  gsize n_pooled;

  chunk = lin_chunk_new (LIN_CHUNK_POOLED);
  first = lin_chunk_alloc (chunk, 1000);
  memcpy (first, marker, sizeof marker);
  lin_chunk_shrink (chunk, first, 1000, sizeof marker);
  second = lin_chunk_alloc (chunk, 100);
  g_assert_true (second == first + sizeof marker);
  memcpy (second, marker, sizeof marker);
  g_assert_null (lin_chunk_alloc (chunk, LIN_CHUNK_POOLED));
  lin_chunk_unref (chunk);

  /* the pool gives back the last block it took, wiped */
  again = lin_chunk_new (LIN_CHUNK_POOLED);
  third = lin_chunk_alloc (again, LIN_CHUNK_POOLED);
  g_assert_true (third == first);
  g_assert_true (all_zero (third, sizeof marker + 100));

  /* blocks made ready ahead wait in the pool until a load takes them */
  lin_chunk_reserve (lin_chunk_get_pooled () + 3 * LIN_CHUNK_POOLED);
  n_pooled = lin_chunk_get_pooled ();
  g_assert_cmpuint (n_pooled, >=, 3 * LIN_CHUNK_POOLED);
  {
    g_autoptr(LinChunk) a = lin_chunk_new (LIN_CHUNK_POOLED);
    g_autoptr(LinChunk) b = lin_chunk_new (LIN_CHUNK_POOLED);

    g_assert_nonnull (lin_chunk_alloc (a, LIN_CHUNK_POOLED));
    g_assert_nonnull (lin_chunk_alloc (b, LIN_CHUNK_POOLED));
    g_assert_cmpuint (lin_chunk_get_pooled (), ==, n_pooled - 2 * LIN_CHUNK_POOLED);
  }
  /* …and back, wiped, when let go */
  g_assert_cmpuint (lin_chunk_get_pooled (), ==, n_pooled);
}

static void
test_revisions (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autoptr(LinStore) store = unlock (profile);
  g_autoptr(LinRecord) record = save_json (store, "call", "{\"v\":1}", FALSE);
  g_autofree char *id = g_strdup (lin_record_get_id_string (record));
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;

  update_json (store, record, "{\"v\":2,\"note\":\"друга\"}");
  update_json (store, record, "{\"v\":3}");
  close_store (&store);

  store = unlock (profile);
  revisions = lin_store_list_revisions (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (lin_record_get_revision (revisions->pdata[i]), ==, i + 1);
  assert_fields (revisions->pdata[0], "{\"v\":1}");
  assert_fields (revisions->pdata[1], "{\"v\":2,\"note\":\"друга\"}");
  assert_fields (revisions->pdata[2], "{\"v\":3}");

  /* copies: the working set keeps its own */
  g_assert_true (revisions->pdata[2] != lin_store_get (store, id));
  lin_record_set_string (revisions->pdata[2], "v", "changed");
  assert_fields (lin_store_get (store, id), "{\"v\":3}");
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* not a record id: an error, not a crash */
  revisions = lin_store_list_revisions (store, "nonsense", &error);
  g_assert_null (revisions);
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_NOT_FOUND);

  close_store (&store);
  lin_vault_test_rm_rf (data_dir);
}

static gsize
count_in_folder (const char   *profile,
                 const guint8 *needle,
                 gsize         len)
{
  g_autoptr(GString) where = g_string_new (NULL);
  gsize n = lin_vault_test_count_in_tree (profile, needle, len, where);

  if (n > 0)
    g_test_message ("found in: %s", where->str);

  return n;
}

static void
test_delete_shreds (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autofree char *db = db_path (profile);
  g_autoptr(LinStore) store = unlock (profile);
  g_autoptr(LinRecord) victim = save_json (store, "call", "{\"text\":\"прва\"}", FALSE);
  g_autoptr(LinRecord) other = save_json (store, "call", "{\"text\":\"остаје\"}", FALSE);
  g_autofree char *id = g_strdup (lin_record_get_id_string (victim));
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(LinKey) collection = NULL;
  g_autoptr(GError) error = NULL;
  guint8 bin[LIN_RECORD_ID_BYTES];
  sqlite3 *raw;

  id_from_string (id, bin);

  /* three revisions, a kilobyte each, in the WAL and the database */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *filler = g_strnfill (1000, 'a' + i);
      g_autofree char *json = g_strdup_printf ("{\"text\":\"%s\",\"rev\":%u}", filler, i + 2);

      update_json (store, victim, json);
      if (i == 1)
        g_assert_true (lin_store_checkpoint (store, NULL));
    }
  g_assert_cmpuint (lin_record_get_revision (victim), ==, 4);

  old = lin_store_dup_envelopes (store, id);
  g_assert_cmpuint (old->len, ==, 4);
  collection = lin_vault_test_collection_key (lin_store_get_vault (store), db, 1);

  /* the scan finds what is there (in the database or the WAL) */
  for (guint i = 0; i < old->len; i++)
    g_assert_cmpuint (count_in_folder (profile, (const guint8 *)g_bytes_get_data (old->pdata[i], NULL) + 68, 72), >=, 1);

  g_assert_true (lin_store_delete (store, victim, &error));
  g_assert_no_error (error);
  g_assert_null (lin_store_get (store, id));

  /* only the tombstone is left, and its data key opens an empty record */
  after = lin_store_dup_envelopes (store, id);
  g_assert_cmpuint (after->len, ==, 1);
  {
    g_autoptr(GBytes) plain = NULL;
    g_autoptr(LinRecord) tomb = NULL;
    LinEnvelopeHeader header;

    plain = lin_envelope_open (after->pdata[0], collection, bin, 5, &header, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (header.flags, ==, LIN_ENVELOPE_FLAG_TOMBSTONE);
    g_assert_cmpuint (header.parent_revision, ==, 4);
    tomb = lin_record_new_from_payload (&header, g_bytes_get_data (plain, NULL), g_bytes_get_size (plain), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (json_object_get_size (lin_record_get_fields (tomb)), ==, 0);
    g_assert_cmpstr (lin_record_get_kind (tomb), ==, "call");
  }

  raw = lin_vault_test_sqlite_open (db);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT (SELECT count(*) FROM envelopes WHERE record_id = ?1),"
                                              " (SELECT count(*) FROM outbox WHERE record_id = ?1 AND revision = 5),"
                                              " (SELECT revision || ',' || deleted FROM heads WHERE record_id = ?1)",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_blob (stmt, 1, bin, sizeof bin, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 2), ==, "5,1");
    sqlite3_finalize (stmt);
    stmt = NULL;

    /* only the tombstone's outbox row: the old revisions' are gone */
    g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT count(*) FROM outbox WHERE record_id = ?1",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_blob (stmt, 1, bin, sizeof bin, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
  }
  sqlite3_close_v2 (raw);

  close_store (&store);

  /* after lock, no byte string that could open an old revision is left
   * anywhere in the folder: not the sealed data keys, not their nonces,
   * not the payload nonces or ciphertext */
  for (guint i = 0; i < old->len; i++)
    {
      const guint8 *env = g_bytes_get_data (old->pdata[i], NULL);
      gsize len = g_bytes_get_size (old->pdata[i]);

      g_assert_cmpuint (count_in_folder (profile, env + 68, 72), ==, 0);     /* wrapped data key */
      g_assert_cmpuint (count_in_folder (profile, env + 92, 48), ==, 0);     /* its sealed part */
      g_assert_cmpuint (count_in_folder (profile, env + 68, 24), ==, 0);     /* its nonce */
      g_assert_cmpuint (count_in_folder (profile, env + 140, 24), ==, 0);    /* payload nonce */
      g_assert_cmpuint (count_in_folder (profile, env + 164, 32), ==, 0);    /* ciphertext */
      g_assert_cmpuint (count_in_folder (profile, env + len - 16, 16), ==, 0); /* tag */

      /* the copies this test kept still open: only they could */
      {
        g_autoptr(GBytes) plain = lin_envelope_open (old->pdata[i], collection, bin, i + 1, NULL, &error);
        g_assert_no_error (error);
        g_assert_nonnull (plain);
      }
    }

  /* and the rest is intact */
  store = unlock (profile);
  g_assert_null (lin_store_get (store, id));
  assert_fields (lin_store_get (store, lin_record_get_id_string (other)), "{\"text\":\"остаје\"}");
  g_assert_true (lin_store_verify (store, NULL, &error));
  g_assert_no_error (error);
  close_store (&store);

  lin_vault_test_rm_rf (data_dir);
}

static void
fill_profile (const char *profile,
              guint       n)
{
  g_autoptr(LinStore) store = unlock (profile);
  g_autofree char *filler = g_strnfill (900, 'x');

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"i\":%u,\"text\":\"%s\"}", i, filler);
      g_autoptr(LinRecord) record = save_json (store, "call", json, FALSE);
    }

  close_store (&store);
}

static void
test_bad_truncated (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autofree char *db = db_path (profile);
  g_autoptr(GBytes) full = NULL;
  gsize len, page = 4096;
  gsize cuts[10];
  guint n_cuts = 0;

  fill_profile (profile, 60);
  full = lin_vault_test_read (db);
  len = g_bytes_get_size (full);
  g_assert_cmpuint (len, >, 16 * page);

  cuts[n_cuts++] = 1;
  cuts[n_cuts++] = 16;
  cuts[n_cuts++] = 100;
  cuts[n_cuts++] = 1024;
  cuts[n_cuts++] = page;
  cuts[n_cuts++] = len / 4;
  cuts[n_cuts++] = (len / 2 / page) * page;
  cuts[n_cuts++] = len - page;
  cuts[n_cuts++] = len - 100;
  cuts[n_cuts++] = len - 1;

  for (guint i = 0; i < n_cuts; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LinStore) store = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      gboolean opened;

      lin_vault_test_write (db, g_bytes_get_data (full, NULL), cuts[i]);
      before = lin_vault_test_snapshot_tree (data_dir);

      /* refused at unlock, or at the latest by verify; unless the cut
       * took only the zeros at the end of the last page, which SQLite
       * reads back as zeros: then nothing may be missing */
      store = lin_profile_unlock (profile, LIN_VAULT_TEST_PASSPHRASE, &error);
      opened = store != NULL;
      if (opened && lin_store_verify (store, NULL, &error))
        {
          const guint8 *tail = (const guint8 *)g_bytes_get_data (full, NULL) + cuts[i];

          for (gsize j = 0; j < len - cuts[i]; j++)
            g_assert_cmpuint (tail[j], ==, 0);
          g_assert_cmpuint (lin_store_get_n_records (store), ==, 60);
          g_test_message ("store.db cut to %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT
                          " bytes: only zeros cut, all there", cuts[i], len);
          close_store (&store);
        }
      else
        {
          g_clear_object (&store);
          g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED);
          g_test_message ("store.db cut to %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes: %s%s",
                          cuts[i], len, opened ? "(by verify) " : "", error->message);
        }

      after = lin_vault_test_snapshot_tree (data_dir);
      g_assert_cmpstr (before, ==, after);
    }

  /* the whole file again: it opens */
  lin_vault_test_write (db, g_bytes_get_data (full, NULL), len);
  {
    g_autoptr(LinStore) store = unlock (profile);
    g_assert_cmpuint (lin_store_get_n_records (store), ==, 60);
    close_store (&store);
  }

  lin_vault_test_rm_rf (data_dir);
}

static void
test_bad_empty_store (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autofree char *db = db_path (profile);

  lin_vault_test_write (db, "", 0);
  assert_unlock_fails (profile, LIN_VAULT_TEST_PASSPHRASE, LIN_VAULT_ERROR_DAMAGED);

  /* not SQLite at all */
  lin_vault_test_write (db, "This is not a database, only text.", 34);
  assert_unlock_fails (profile, LIN_VAULT_TEST_PASSPHRASE, LIN_VAULT_ERROR_DAMAGED);

  lin_vault_test_rm_rf (data_dir);
}

static void
test_bad_header (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autofree char *header = header_path (profile);
  g_autoptr(GBytes) good = lin_vault_test_read (header);
  guint8 garbage[4096];

  /* random bytes; then the real magic, version and KDF settings followed
   * by random bytes of a length that does not fit */
  for (guint i = 0; i < 20; i++)
    {
      gsize len = g_test_rand_int_range (0, sizeof garbage);

      randombytes_buf (garbage, len);
      if (i % 2 == 1)
        {
          guint16 name_len;

          len = MAX (len, 58);
          memcpy (garbage, g_bytes_get_data (good, NULL), 24);
          memcpy (&name_len, garbage + 56, 2);
          name_len = GUINT16_FROM_LE (name_len);
          if (len == 58u + name_len + LIN_WRAPPED_KEY_BYTES)
            len++;
        }
      lin_vault_test_write (header, garbage, len);
      assert_unlock_fails (profile, LIN_VAULT_TEST_PASSPHRASE, LIN_VAULT_ERROR_DAMAGED);
    }

  /* the header with random bytes where the sealed key is */
  memcpy (garbage, g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  randombytes_buf (garbage + g_bytes_get_size (good) - LIN_WRAPPED_KEY_BYTES, LIN_WRAPPED_KEY_BYTES);
  lin_vault_test_write (header, garbage, g_bytes_get_size (good));
  assert_unlock_fails (profile, LIN_VAULT_TEST_PASSPHRASE, LIN_VAULT_ERROR_WRONG_PASSPHRASE);

  /* empty */
  lin_vault_test_write (header, "", 0);
  assert_unlock_fails (profile, LIN_VAULT_TEST_PASSPHRASE, LIN_VAULT_ERROR_DAMAGED);

  /* a folder where the file should be */
  g_assert_cmpint (g_unlink (header), ==, 0);
  g_assert_cmpint (g_mkdir (header, 0700), ==, 0);
  assert_unlock_fails (profile, LIN_VAULT_TEST_PASSPHRASE, LIN_VAULT_ERROR_DAMAGED);
  g_assert_cmpint (g_rmdir (header), ==, 0);

  /* the real one again */
  lin_vault_test_write (header, g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  {
    g_autoptr(LinStore) store = unlock (profile);
    close_store (&store);
  }

  lin_vault_test_rm_rf (data_dir);
}

static void
test_bad_permissions (void)
{
  static const int modes[] = { 0755, 0750, 0705, 0701, 0710, 0777 };
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autofree char *file = g_build_filename (data_dir, "not-a-folder", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (lin_profile_check_folder (profile, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      GStatBuf st;

      g_assert_cmpint (g_chmod (profile, modes[i]), ==, 0);
      g_assert_false (lin_profile_check_folder (profile, &error));
      g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_PERMISSIONS);
      g_clear_error (&error);

      assert_unlock_fails (profile, LIN_VAULT_TEST_PASSPHRASE, LIN_VAULT_ERROR_PERMISSIONS);

      /* refused, not "fixed" */
      g_assert_cmpint (g_stat (profile, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 07777, ==, modes[i]);
    }

  /* a file where the folder should be */
  lin_vault_test_write (file, "x", 1);
  g_assert_false (lin_profile_check_folder (file, &error));
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED);
  g_clear_error (&error);

  /* and a private folder is accepted again */
  g_assert_cmpint (g_chmod (profile, 0700), ==, 0);
  {
    g_autoptr(LinStore) store = unlock (profile);
    close_store (&store);
  }

  lin_vault_test_rm_rf (data_dir);
}

static void
test_bad_missing (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autofree char *header = header_path (profile);
  g_autofree char *db = db_path (profile);
  g_autofree char *gone = g_build_filename (data_dir, "no-such-profile", NULL);
  g_autoptr(GBytes) header_bytes = lin_vault_test_read (header);
  g_autoptr(GError) error = NULL;

  assert_unlock_fails (gone, LIN_VAULT_TEST_PASSPHRASE, LIN_VAULT_ERROR_NOT_FOUND);
  g_assert_false (lin_profile_check_folder (gone, &error));
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* no store.db: not created from nothing */
  g_assert_cmpint (g_rename (db, gone), ==, 0);
  assert_unlock_fails (profile, LIN_VAULT_TEST_PASSPHRASE, LIN_VAULT_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_rename (gone, db), ==, 0);

  /* no vault.hdr */
  g_assert_cmpint (g_unlink (header), ==, 0);
  assert_unlock_fails (profile, LIN_VAULT_TEST_PASSPHRASE, LIN_VAULT_ERROR_NOT_FOUND);
  {
    g_autofree char *name = lin_vault_read_name (header, &error);

    g_assert_null (name);
    g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  lin_vault_test_write (header, g_bytes_get_data (header_bytes, NULL), g_bytes_get_size (header_bytes));
  {
    g_autoptr(LinStore) store = unlock (profile);
    close_store (&store);
  }

  lin_vault_test_rm_rf (data_dir);
}

static void
test_bad_wrong_passphrase (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);

  fill_profile (profile, 3);

  assert_unlock_fails (profile, "correct horse battery stapler", LIN_VAULT_ERROR_WRONG_PASSPHRASE);
  assert_unlock_fails (profile, "Correct horse battery staple", LIN_VAULT_ERROR_WRONG_PASSPHRASE);

  lin_vault_test_rm_rf (data_dir);
}

static void
test_drafts (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autoptr(LinStore) store = unlock (profile);
  g_autoptr(LinRecord) draft = save_json (store, "draft", "{\"step\":0}", TRUE);
  g_autoptr(LinRecord) call = NULL;
  g_autofree char *draft_id = g_strdup (lin_record_get_id_string (draft));
  g_autofree char *call_id = NULL;
  g_autoptr(GError) error = NULL;

  /* a draft: no outbox row, only its latest revision kept */
  g_assert_cmpuint (lin_store_get_n_outbox (store), ==, 0);
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"step\":%u}", i);
      g_autoptr(GPtrArray) envelopes = NULL;

      update_json (store, draft, json);
      envelopes = lin_store_dup_envelopes (store, draft_id);
      g_assert_cmpuint (envelopes->len, ==, 1);
      g_assert_cmpuint (lin_store_get_n_outbox (store), ==, 0);
    }
  g_assert_cmpuint (lin_record_get_revision (draft), ==, 6);

  /* a normal record: one outbox row per save, every revision kept */
  call = save_json (store, "call", "{\"v\":0}", FALSE);
  call_id = g_strdup (lin_record_get_id_string (call));
  g_assert_cmpuint (lin_store_get_n_outbox (store), ==, 1);
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"v\":%u}", i);
      g_autoptr(GPtrArray) envelopes = NULL;

      update_json (store, call, json);
      envelopes = lin_store_dup_envelopes (store, call_id);
      g_assert_cmpuint (envelopes->len, ==, i + 1);
      g_assert_cmpuint (lin_store_get_n_outbox (store), ==, i + 1);
    }

  close_store (&store);
  store = unlock (profile);

  g_set_object (&draft, lin_store_get (store, draft_id));
  g_assert_true (lin_record_get_local (draft));
  g_assert_cmpuint (lin_record_get_revision (draft), ==, 6);
  assert_fields (draft, "{\"step\":5}");
  g_assert_false (lin_record_get_local (lin_store_get (store, call_id)));
  assert_fields (lin_store_get (store, call_id), "{\"v\":4}");
  g_assert_cmpuint (lin_store_get_n_outbox (store), ==, 5);

  /* a deleted draft leaves nothing, not even a tombstone or outbox row */
  g_assert_true (lin_store_delete (store, draft, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) envelopes = lin_store_dup_envelopes (store, draft_id);
    sqlite3 *raw;
    g_autofree char *db = db_path (profile);

    g_assert_cmpuint (envelopes->len, ==, 0);
    g_assert_cmpuint (lin_store_get_n_outbox (store), ==, 5);
    raw = lin_vault_test_sqlite_open (db);
    g_assert_cmpint (lin_vault_test_sqlite_int (raw, "SELECT count(*) FROM heads"), ==, 1);
    sqlite3_close_v2 (raw);
  }
  close_store (&store);

  lin_vault_test_rm_rf (data_dir);
}

/* The transactions in a WAL file: the frames whose "database size after
 * commit" field is set end one */
static guint
count_wal_commits (const char *wal_path)
{
  g_autoptr(GBytes) wal = lin_vault_test_read (wal_path);
  const guint8 *p = g_bytes_get_data (wal, NULL);
  gsize len = g_bytes_get_size (wal);
  guint32 page_size;
  guint commits = 0;

  g_assert_cmpuint (len, >=, 32);
  memcpy (&page_size, p + 8, 4);
  page_size = GUINT32_FROM_BE (page_size);
  g_assert_cmpuint (page_size, >=, 512);

  for (gsize at = 32; at + 24 + page_size <= len; at += 24 + page_size)
    {
      guint32 commit;

      memcpy (&commit, p + at + 4, 4);
      commit = GUINT32_FROM_BE (commit);

      /* frames of an earlier WAL generation have other salts */
      if (memcmp (p + at + 8, p + 16, 8) != 0)
        break;
      if (commit != 0)
        commits++;
    }

  return commits;
}

static void
test_outbox_same_transaction (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autofree char *wal = g_strconcat (profile, "/", LIN_STORE_FILE, "-wal", NULL);
  g_autoptr(LinStore) store = unlock (profile);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(LinRecord) record = NULL;
      guint outbox = lin_store_get_n_outbox (store);
      GStatBuf st;

      g_assert_true (lin_store_checkpoint (store, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (wal, &st), ==, 0);
      g_assert_cmpint (st.st_size, ==, 0);

      /* one save: one transaction holding the envelope, the head and the
       * outbox row */
      record = save_json (store, "call", "{\"x\":1}", i % 2 == 1);
      g_assert_cmpuint (count_wal_commits (wal), ==, 1);
      g_assert_cmpuint (lin_store_get_n_outbox (store), ==, outbox + (i % 2 == 1 ? 0 : 1));
    }

  close_store (&store);
  lin_vault_test_rm_rf (data_dir);
}

/* The outbox as a push reads it: one operation per record (its newest
 * revision, every row it stands for), in pages; what is saved after the
 * scan waits for the next push */
static void
assert_op (LinOutboxOp *op,
           LinRecord   *record,
           guint64      revision,
           guint64      base_revision,
           guint        n_rows)
{
  g_assert_cmpmem (op->record_id, LIN_RECORD_ID_BYTES, lin_record_get_id (record), LIN_RECORD_ID_BYTES);
  g_assert_cmpuint (op->revision, ==, revision);
  g_assert_cmpuint (op->base_revision, ==, base_revision);
  g_assert_cmpuint (op->seqs->len, ==, n_rows);
  g_assert_nonnull (op->envelope);
}

static GPtrArray *
next_page (LinStore      *store,
           LinOutboxScan *scan,
           GHashTable    *skip,
           guint          max_ops,
           gsize          max_bytes)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *page = lin_store_outbox_next (store, scan, skip, max_ops, max_bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (page);

  return page;
}

static void
test_outbox_pages (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autoptr(LinStore) store = unlock (profile);
  g_autoptr(LinRecord) a = save_json (store, "call", "{\"v\":\"a\"}", FALSE);
  g_autoptr(LinRecord) b = save_json (store, "call", "{\"v\":\"b\"}", FALSE);
  g_autoptr(LinRecord) c = save_json (store, "call", "{\"v\":\"c\"}", FALSE);
  g_autoptr(LinRecord) d = NULL;
  g_autoptr(LinOutboxScan) scan = NULL;
  g_autoptr(GHashTable) skip = g_hash_table_new (lin_record_id_hash, lin_record_id_equal);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;

  update_json (store, a, "{\"v\":\"a2\"}");
  update_json (store, a, "{\"v\":\"a3\"}");
  g_assert_cmpuint (lin_store_get_n_outbox (store), ==, 5);

  scan = lin_store_outbox_scan (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scan);

  /* a's three saves are one operation, in the place of its first */
  first = next_page (store, scan, NULL, 2, G_MAXSIZE);
  g_assert_cmpuint (first->len, ==, 2);
  assert_op (first->pdata[0], a, 3, 0, 3);
  assert_op (first->pdata[1], b, 1, 0, 1);

  /* saved after the scan: b edited again, d new; neither is in it */
  update_json (store, b, "{\"v\":\"b2\"}");
  d = save_json (store, "call", "{\"v\":\"d\"}", FALSE);
  second = next_page (store, scan, NULL, 2, G_MAXSIZE);
  g_assert_cmpuint (second->len, ==, 1);
  assert_op (second->pdata[0], c, 1, 0, 1);
  page = next_page (store, scan, NULL, 2, G_MAXSIZE);
  g_assert_cmpuint (page->len, ==, 0);
  g_clear_pointer (&page, g_ptr_array_unref);
  g_clear_pointer (&scan, lin_outbox_scan_free);

  /* the server took them: their rows go, b's later edit and d wait */
  g_assert_true (lin_store_outbox_done (store, first, &error));
  g_assert_no_error (error);
  g_assert_true (lin_store_outbox_done (store, second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lin_store_get_n_outbox (store), ==, 2);

  /* the next push: on the revision the server holds; a page of one
   * envelope when one fills it; a record to skip is skipped */
  scan = lin_store_outbox_scan (store, &error);
  g_assert_no_error (error);
  page = next_page (store, scan, NULL, 10, 1);
  g_assert_cmpuint (page->len, ==, 1);
  assert_op (page->pdata[0], b, 2, 1, 1);
  g_clear_pointer (&page, g_ptr_array_unref);
  g_clear_pointer (&scan, lin_outbox_scan_free);

  scan = lin_store_outbox_scan (store, &error);
  g_assert_no_error (error);
  g_hash_table_add (skip, (gpointer)lin_record_get_id (b));
  page = next_page (store, scan, skip, 10, G_MAXSIZE);
  g_assert_cmpuint (page->len, ==, 1);
  assert_op (page->pdata[0], d, 1, 0, 1);
  g_clear_pointer (&page, g_ptr_array_unref);

  close_store (&store);
  lin_vault_test_rm_rf (data_dir);
}

/* lin_store_save_all: many records in one transaction, all or none */

#define N_BATCH 500

static void
count_changed_cb (LinStore  *store,
                  LinRecord *record,
                  guint     *n)
{
  /* emitted once the batch is committed: the record is saved already */
  g_assert_cmpuint (lin_record_get_revision (record), >, 0);
  g_assert_true (lin_store_get (store, lin_record_get_id_string (record)) == record);
  (*n)++;
}

/* @n new records, "{"i":N}", every tenth a draft */
static GPtrArray *
new_batch (guint n)
{
  GPtrArray *batch = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *json = g_strdup_printf ("{\"i\":%u}", i);
      LinRecord *record = lin_record_new (i % 10 == 9 ? "draft" : "service");

      lin_record_set_local (record, i % 10 == 9);
      lin_record_set_fields_json (record, json, &error);
      g_assert_no_error (error);
      g_ptr_array_add (batch, record);
    }

  return batch;
}

/* Nothing of @batch was saved: its records are as new, none in the
 * working set */
static void
assert_unsaved (LinStore  *store,
                GPtrArray *batch)
{
  for (guint i = 0; i < batch->len; i++)
    {
      g_assert_cmpuint (lin_record_get_revision (batch->pdata[i]), ==, 0);
      g_assert_null (lin_store_get (store, lin_record_get_id_string (batch->pdata[i])));
    }
}

static void
test_save_all (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autofree char *wal = g_strconcat (profile, "/", LIN_STORE_FILE, "-wal", NULL);
  g_autoptr(LinStore) store = unlock (profile);
  g_autoptr(GPtrArray) batch = new_batch (N_BATCH);
  g_autoptr(GPtrArray) twice = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint n_before = lin_store_get_n_records (store);
  guint n_outbox = lin_store_get_n_outbox (store);
  guint n_changed = 0;
  gulong handler;

  g_assert_true (lin_store_checkpoint (store, &error));
  g_assert_no_error (error);

  handler = g_signal_connect (store, "record-changed", G_CALLBACK (count_changed_cb), &n_changed);
  g_assert_true (lin_store_save_all (store, batch, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (store, handler);

  /* one transaction; each record saved, signalled, in the working set */
  g_assert_cmpuint (count_wal_commits (wal), ==, 1);
  g_assert_cmpuint (n_changed, ==, N_BATCH);
  g_assert_cmpuint (lin_store_get_n_records (store), ==, n_before + N_BATCH);
  g_assert_cmpuint (lin_store_get_n_outbox (store), ==, n_outbox + N_BATCH - N_BATCH / 10);
  for (guint i = 0; i < batch->len; i++)
    g_assert_cmpuint (lin_record_get_revision (batch->pdata[i]), ==, 1);

  /* one record twice in a batch: one revision after the other */
  g_ptr_array_add (twice, g_object_ref (batch->pdata[0]));
  g_ptr_array_add (twice, g_object_ref (batch->pdata[0]));
  update_json (store, batch->pdata[0], "{\"i\":0,\"again\":true}");
  g_assert_true (lin_store_save_all (store, twice, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lin_record_get_revision (batch->pdata[0]), ==, 4);

  /* nothing to save saves nothing */
  g_assert_true (lin_store_save_all (store, empty, &error));
  g_assert_no_error (error);
  close_store (&store);

  /* all on disk */
  store = unlock (profile);
  g_assert_cmpuint (lin_store_get_n_records (store), ==, n_before + N_BATCH);
  for (guint i = 0; i < batch->len; i++)
    {
      LinRecord *found = lin_store_get (store, lin_record_get_id_string (batch->pdata[i]));
      g_autofree char *json = i == 0 ? g_strdup ("{\"i\":0,\"again\":true}") : g_strdup_printf ("{\"i\":%u}", i);

      g_assert_nonnull (found);
      assert_fields (found, json);
      g_assert_cmpint (lin_record_get_local (found), ==, i % 10 == 9);
    }
  g_assert_true (lin_store_verify (store, NULL, &error));
  g_assert_no_error (error);
  close_store (&store);

  lin_vault_test_rm_rf (data_dir);
}

static void
test_save_all_or_nothing (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autofree char *db = db_path (profile);
  g_autoptr(LinStore) store = unlock (profile);
  g_autofree char *long_b = long_json ("Б");
  g_autoptr(LinRecord) a = NULL;
  g_autoptr(LinRecord) b = NULL;
  g_autoptr(GPtrArray) batch = new_batch (N_BATCH);
  g_autofree char *id_b = NULL;
  guint8 bin_a[LIN_RECORD_ID_BYTES], bin_b[LIN_RECORD_ID_BYTES];
  g_autoptr(GError) error = NULL;
  guint n_before, n_outbox;
  guint n_changed = 0;
  gulong handler;
  sqlite3 *raw;

  /* two records whose text stays on disk, to swap below */
  {
    g_autofree char *long_a = long_json ("А");

    a = save_json (store, "call", long_a, FALSE);
    b = save_json (store, "call", long_b, FALSE);
  }
  id_b = g_strdup (lin_record_get_id_string (b));
  id_from_string (lin_record_get_id_string (a), bin_a);
  id_from_string (id_b, bin_b);
  n_before = lin_store_get_n_records (store);
  n_outbox = lin_store_get_n_outbox (store);

  /* the store fails half way (a trigger stands for a full disk): the
   * transaction is rolled back, and no record or signal says otherwise */
  raw = lin_vault_test_sqlite_open (db);
  lin_vault_test_sqlite_exec (raw, "CREATE TRIGGER full_disk BEFORE INSERT ON envelopes "
                                   "WHEN (SELECT count(*) FROM envelopes) >= 300 "
                                   "BEGIN SELECT RAISE (ABORT, 'disk full'); END");
  handler = g_signal_connect (store, "record-changed", G_CALLBACK (count_changed_cb), &n_changed);
  g_assert_false (lin_store_save_all (store, batch, &error));
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_IO);
  g_clear_error (&error);
  g_signal_handler_disconnect (store, handler);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpuint (lin_store_get_n_records (store), ==, n_before);
  g_assert_cmpuint (lin_store_get_n_outbox (store), ==, n_outbox);
  assert_unsaved (store, batch);
  lin_vault_test_sqlite_exec (raw, "DROP TRIGGER full_disk");
  g_assert_cmpint (lin_vault_test_sqlite_int (raw, "SELECT count(*) FROM envelopes"), ==, 2);
  sqlite3_close_v2 (raw);
  close_store (&store);

  /* a record of the batch whose text cannot be read (its envelope
   * swapped after unlock): refused before anything is sealed */
  store = unlock (profile);
  g_ptr_array_add (batch, g_object_ref (lin_store_get (store, id_b)));
  swap_envelopes (db, bin_a, 1, bin_b, 1);
  g_assert_false (lin_store_save_all (store, batch, &error));
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_TAMPERED);
  g_clear_error (&error);
  swap_envelopes (db, bin_a, 1, bin_b, 1);
  g_assert_cmpuint (lin_record_get_revision (batch->pdata[N_BATCH]), ==, 1);
  g_ptr_array_remove_index (batch, N_BATCH);
  assert_unsaved (store, batch);
  g_assert_cmpuint (lin_store_get_n_records (store), ==, n_before);

  /* a closed store */
  lin_store_close (store);
  g_assert_false (lin_store_save_all (store, batch, &error));
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_LOCKED);
  g_clear_error (&error);
  g_clear_object (&store);

  /* nothing on disk; the same batch saves whole afterwards */
  store = unlock (profile);
  g_assert_cmpuint (lin_store_get_n_records (store), ==, n_before);
  assert_unsaved (store, batch);
  g_assert_true (lin_store_save_all (store, batch, &error));
  g_assert_no_error (error);
  close_store (&store);
  store = unlock (profile);
  g_assert_cmpuint (lin_store_get_n_records (store), ==, n_before + N_BATCH);
  assert_fields (lin_store_get (store, id_b), long_b);
  close_store (&store);

  lin_vault_test_rm_rf (data_dir);
}

static void
test_rotate_key (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autoptr(LinStore) store = unlock (profile);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_cmpuint (lin_store_get_key_epoch (store), ==, 1);
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (records, save_json (store, "note", "{\"epoch\":1}", FALSE));

  g_assert_true (lin_store_rotate_key (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lin_store_get_key_epoch (store), ==, 2);
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (records, save_json (store, "note", "{\"epoch\":2}", FALSE));
  update_json (store, records->pdata[0], "{\"epoch\":2,\"updated\":true}");

  g_assert_true (lin_store_rotate_key (store, &error));
  g_assert_cmpuint (lin_store_get_key_epoch (store), ==, 3);
  g_ptr_array_add (records, save_json (store, "note", "{\"epoch\":3}", TRUE));

  close_store (&store);
  store = unlock (profile);
  g_assert_cmpuint (lin_store_get_key_epoch (store), ==, 3);
  g_assert_cmpuint (lin_store_get_n_records (store), ==, 7);

  for (guint i = 0; i < records->len; i++)
    {
      LinRecord *record = lin_store_get (store, lin_record_get_id_string (records->pdata[i]));
      guint32 epoch = i == 0 ? 2 : (i < 3 ? 1 : (i < 6 ? 2 : 3));

      g_assert_nonnull (record);
      g_assert_cmpuint (lin_record_get_key_epoch (record), ==, epoch);
      g_assert_cmpint (json_object_get_int_member (lin_record_get_fields (record), "epoch"), ==, epoch);
    }

  /* every revision, old keys' included */
  g_assert_true (lin_store_verify (store, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 8);

  close_store (&store);
  lin_vault_test_rm_rf (data_dir);
}

#define N_BACKUPS 5

typedef struct
{
  LinStore  *store;
  GPtrArray *ids;        /* the saver's until joined */
  gint       confirmed;  /* atomic: saves that returned */
  gint       stop;       /* atomic */
} Saver;

static gpointer
saver_thread (gpointer data)
{
  Saver *saver = data;

  for (guint i = 0; !g_atomic_int_get (&saver->stop); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *json = g_strdup_printf ("{\"seq\":%u,\"text\":\"запис %u\"}", i, i);
      g_autoptr(LinRecord) record = lin_record_new ("call");

      lin_record_set_fields_json (record, json, &error);
      g_assert_no_error (error);
      if (!lin_store_save (saver->store, record, &error))
        g_error ("save failed: %s", error->message);

      g_ptr_array_add (saver->ids, g_strdup (lin_record_get_id_string (record)));
      g_atomic_int_set (&saver->confirmed, i + 1);
    }

  return NULL;
}

static void
test_backup_while_saving (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autofree char *backup_dir = lin_vault_test_make_tmp ("backup");
  g_autofree char *restore_dir = lin_vault_test_make_tmp ("restore");
  g_autoptr(GThread) thread = NULL;
  Saver saver = { 0 };
  int before[N_BACKUPS], after[N_BACKUPS];
  g_autoptr(GError) error = NULL;

  saver.store = unlock (profile);
  saver.ids = g_ptr_array_new_with_free_func (g_free);
  thread = g_thread_new ("saver", saver_thread, &saver);

  for (guint b = 0; b < N_BACKUPS; b++)
    {
      g_autofree char *name = g_strdup_printf ("backup-%u.linija", b);
      g_autofree char *path = g_build_filename (backup_dir, name, NULL);

      g_usleep (20000);
      before[b] = g_atomic_int_get (&saver.confirmed);
      g_assert_true (lin_profile_backup (profile, path, &error));
      g_assert_no_error (error);
      after[b] = g_atomic_int_get (&saver.confirmed);
    }

  g_atomic_int_set (&saver.stop, 1);
  g_thread_join (g_steal_pointer (&thread));
  g_assert_cmpuint (saver.ids->len, ==, saver.confirmed);
  close_store (&saver.store);

  for (guint b = 0; b < N_BACKUPS; b++)
    {
      g_autofree char *name = g_strdup_printf ("backup-%u.linija", b);
      g_autofree char *path = g_build_filename (backup_dir, name, NULL);
      g_autofree char *restored = lin_profile_restore (path, restore_dir, &error);
      g_autoptr(LinStore) store = NULL;
      guint n;

      g_assert_no_error (error);
      g_assert_nonnull (restored);
      g_assert_true (lin_profile_check_folder (restored, &error));

      store = unlock (restored);
      g_assert_true (lin_store_verify (store, NULL, &error));
      g_assert_no_error (error);

      /* a prefix of the saves: everything saved before the backup began,
       * nothing that was not saved by the time it ended */
      n = lin_store_get_n_records (store);
      g_test_message ("backup %u: %u records (%d saved before it began, %d when it ended)",
                      b, n, before[b], after[b]);
      g_assert_cmpint (n, >=, before[b]);
      g_assert_cmpint (n, <=, after[b] + 1);
      for (guint i = 0; i < (guint)saver.confirmed; i++)
        {
          LinRecord *record = lin_store_get (store, saver.ids->pdata[i]);

          if (i < n)
            {
              g_assert_nonnull (record);
              g_assert_cmpint (json_object_get_int_member (lin_record_get_fields (record), "seq"), ==, i);
            }
          else
            {
              g_assert_null (record);
            }
        }
      close_store (&store);
    }

  /* the saves went on during the backups */
  g_assert_cmpint (after[N_BACKUPS - 1], >, before[0]);
  g_test_message ("%d saves during %d backups", saver.confirmed, N_BACKUPS);

  g_ptr_array_unref (saver.ids);
  lin_vault_test_rm_rf (restore_dir);
  lin_vault_test_rm_rf (backup_dir);
  lin_vault_test_rm_rf (data_dir);
}

static void
test_backup_damaged (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *profile = new_profile (&data_dir);
  g_autofree char *backup_dir = lin_vault_test_make_tmp ("backup");
  g_autofree char *restore_dir = lin_vault_test_make_tmp ("restore");
  g_autofree char *path = g_build_filename (backup_dir, "backup.linija", NULL);
  g_autofree char *damaged = g_build_filename (backup_dir, "damaged.linija", NULL);
  g_autoptr(GBytes) good = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = NULL;
  gsize len;
  gsize positions[8];

  fill_profile (profile, 5);
  g_assert_true (lin_profile_backup (profile, path, &error));
  g_assert_no_error (error);
  good = lin_vault_test_read (path);
  len = g_bytes_get_size (good);
  empty = lin_vault_test_snapshot_tree (restore_dir);

  positions[0] = 0;                 /* magic */
  positions[1] = 9;                 /* header length */
  positions[2] = 20;                /* the header */
  positions[3] = 200;               /* the store's length or the store */
  positions[4] = len / 2;           /* the store */
  positions[5] = len - 40;          /* the store's end */
  positions[6] = len - 32;          /* the checksum */
  positions[7] = len - 1;

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (good, NULL), len);
      g_autofree char *restored = NULL;
      g_autofree char *now = NULL;

      copy[positions[i]] ^= 1u << g_test_rand_int_range (0, 8);
      lin_vault_test_write (damaged, copy, len);

      restored = lin_profile_restore (damaged, restore_dir, &error);
      g_assert_null (restored);
      g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED);
      g_clear_error (&error);

      /* and nothing was made */
      now = lin_vault_test_snapshot_tree (restore_dir);
      g_assert_cmpstr (now, ==, empty);
    }

  /* truncated, empty */
  lin_vault_test_write (damaged, g_bytes_get_data (good, NULL), len - 1);
  g_assert_null (lin_profile_restore (damaged, restore_dir, &error));
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED);
  g_clear_error (&error);
  lin_vault_test_write (damaged, "", 0);
  g_assert_null (lin_profile_restore (damaged, restore_dir, &error));
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED);
  g_clear_error (&error);

  /* the intact one restores */
  {
    g_autofree char *restored = lin_profile_restore (path, restore_dir, &error);
    g_autoptr(LinStore) store = NULL;

    g_assert_no_error (error);
    store = unlock (restored);
    g_assert_cmpuint (lin_store_get_n_records (store), ==, 5);
    close_store (&store);
  }

  lin_vault_test_rm_rf (restore_dir);
  lin_vault_test_rm_rf (backup_dir);
  lin_vault_test_rm_rf (data_dir);
}

/* The fixture: run once, by hand, and commit */

static LinRecord *
fixture_record (const char *kind,
                guint       n)
{
  LinRecord *record = lin_record_new (kind);
  LinEnvelopeHeader header = { 0 };

  /* a fixed id, revision 0: as if new */
  header.record_id[LIN_RECORD_ID_BYTES - 1] = n;
  lin_record_set_saved (record, &header);

  return record;
}

static void
fixture_save (LinStore   *store,
              LinRecord  *record,
              const char *json)
{
  g_autoptr(GError) error = NULL;

  lin_record_set_fields_json (record, json, &error);
  g_assert_no_error (error);
  lin_store_save (store, record, &error);
  g_assert_no_error (error);
  g_usleep (2000);
}

static int
generate_fixtures (const char *dir)
{
  g_autofree char *profile = g_build_filename (dir, "profile-v1", NULL);
  g_autofree char *header = header_path (profile);
  g_autofree char *db = db_path (profile);
  g_autoptr(LinVault) vault = NULL;
  g_autoptr(LinStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LinRecord) call = fixture_record ("call", 1);
  g_autoptr(LinRecord) note = fixture_record ("note", 2);
  g_autoptr(LinRecord) draft = fixture_record ("draft", 3);
  g_autoptr(LinRecord) caller = fixture_record ("caller", 4);
  g_autoptr(LinRecord) person = fixture_record ("person", 5);
  g_autoptr(LinRecord) follow_up = fixture_record ("follow-up", 6);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(LinKey) probe = NULL;
  LinKdfParams kdf;
  char hex[65];

  if (g_file_test (profile, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s exists: the fixture is made once and never again\n", profile);
      return 1;
    }

  g_mkdir_with_parents (profile, 0700);
  lin_kdf_params_floor (&kdf);
  vault = lin_vault_create (header, FIXTURE_NAME, FIXTURE_PASSPHRASE, &kdf, &error);
  g_assert_no_error (error);
  store = lin_store_open (vault, db, TRUE, &error);
  g_assert_no_error (error);

  fixture_save (store, call,
                "{\"summary\":\"Позив у 23:10, Ниш — Đorđe\",\"minutes\":17,\"score\":2.5,"
                "\"urgent\":true,\"tags\":[\"психичко\",\"економско\"],"
                "\"caller\":{\"age\":34,\"city\":\"Kragujevac\",\"children\":[{\"age\":3},{\"age\":7}]},"
                "\"note\":null}");
  fixture_save (store, note, "{\"text\":\"прва верзија\"}");
  fixture_save (store, note, "{\"text\":\"друга верзија — Ђурђевак\",\"count\":2}");
  lin_record_set_local (draft, TRUE);
  fixture_save (store, draft, "{\"step\":1}");
  fixture_save (store, draft, "{\"step\":2,\"text\":\"недовршено\"}");
  fixture_save (store, caller, "{\"alias\":\"К.\"}");
  lin_store_delete (store, caller, &error);
  g_assert_no_error (error);
  lin_store_rotate_key (store, &error);
  g_assert_no_error (error);
  fixture_save (store, person, "{\"name\":\"Јована Јовановић\",\"phone\":\"+381 11 123 4567\"}");
  fixture_save (store, follow_up, "{\"due\":\"2026-03-08\",\"big\":9007199254740993,\"negative\":-42}");

  /* what the tests pin */
  probe = lin_vault_derive_key (vault, 42, &error);
  g_assert_no_error (error);
  sodium_bin2hex (hex, sizeof hex, lin_key_read (probe), LIN_KEY_BYTES);
  lin_key_close (probe);
  printf ("sub-key 42: %s\n", hex);
  sodium_bin2hex (hex, sizeof hex, lin_vault_get_device_id (vault), LIN_DEVICE_ID_BYTES);
  printf ("device id: %s\n", hex);

  all = lin_store_list (store, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      LinRecord *record = all->pdata[i];
      g_autofree char *json = lin_record_dup_fields_json (record);
      GString *escaped = g_string_new (NULL);

      for (const char *c = json; *c; c++)
        {
          if (*c == '"' || *c == '\\')
            g_string_append_c (escaped, '\\');
          g_string_append_c (escaped, *c);
        }

      printf ("  { \"%s\", \"%s\", %" G_GUINT64_FORMAT ", %u, %s, G_GUINT64_CONSTANT (%" G_GUINT64_FORMAT "),\n"
               "    \"%s\" },\n",
               lin_record_get_id_string (record), lin_record_get_kind (record),
               lin_record_get_revision (record), lin_record_get_key_epoch (record),
               lin_record_get_local (record) ? "TRUE" : "FALSE", lin_record_get_hlc (record),
               escaped->str);
      g_string_free (escaped, TRUE);
    }

  close_store (&store);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  lin_vault_test_init ();

  if (argc == 3 && g_str_equal (argv[1], "--generate-fixtures"))
    return generate_fixtures (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/kinds/roundtrip", test_kinds_roundtrip);
  g_test_add_func ("/store/known-answer", test_known_answer);
  g_test_add_func ("/store/migration/v1", test_migration_v1);
  g_test_add_func ("/store/migration/newer-refused", test_migration_newer_refused);
  g_test_add_func ("/store/tamper/swap", test_tamper_swap);
  g_test_add_func ("/store/tamper/replay", test_tamper_replay);
  g_test_add_func ("/store/load/parallel", test_load_parallel);
  g_test_add_func ("/store/load/memory-pool", test_memory_pool);
  g_test_add_func ("/store/load/text-on-disk", test_text_on_disk);
  g_test_add_func ("/store/revisions", test_revisions);
  g_test_add_func ("/store/delete/shreds", test_delete_shreds);
  g_test_add_func ("/store/bad-input/truncated", test_bad_truncated);
  g_test_add_func ("/store/bad-input/empty-store", test_bad_empty_store);
  g_test_add_func ("/store/bad-input/header", test_bad_header);
  g_test_add_func ("/store/bad-input/permissions", test_bad_permissions);
  g_test_add_func ("/store/bad-input/missing", test_bad_missing);
  g_test_add_func ("/store/bad-input/wrong-passphrase", test_bad_wrong_passphrase);
  g_test_add_func ("/store/drafts", test_drafts);
  g_test_add_func ("/store/outbox/same-transaction", test_outbox_same_transaction);
  g_test_add_func ("/store/outbox/pages", test_outbox_pages);
  g_test_add_func ("/store/save-all/one-transaction", test_save_all);
  g_test_add_func ("/store/save-all/all-or-nothing", test_save_all_or_nothing);
  g_test_add_func ("/store/rotate-key", test_rotate_key);
  g_test_add_func ("/store/backup/while-saving", test_backup_while_saving);
  g_test_add_func ("/store/backup/damaged", test_backup_damaged);

  ret = g_test_run ();

  lin_vault_test_rm_rf (template_dir);
  g_free (template_dir);
  g_free (template_profile);

  return ret;
}
