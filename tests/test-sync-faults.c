/* test-sync-faults.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three laptops sync through a proxy that breaks things on a seeded
 * schedule (lin-fault-proxy.c): requests dropped, answers dropped after
 * the server committed, 500, 503 and 429, bodies cut short, delays,
 * connections cut in the middle of a page. For each of 500 schedules the
 * laptops save and edit while they sync through the faults; then the
 * faults stop and they sync until nothing waits. After every schedule:
 *
 *  - no save is lost: every record each laptop saved is on every laptop,
 *    with the last value each laptop gave the field that is only its own;
 *  - no operation was applied twice: every op id is once in the server's
 *    log, and each record's revisions grow along it;
 *  - the cursor never skips: each laptop's cursor is the log's end, and
 *    they all hold the same records;
 *
 * and the bytes that went through the proxy, and the server's folder,
 * hold none of the records' words (a canary).
 */

#include "config.h"

#include <string.h>

#include "lin-fault-proxy.h"
#include "lin-sync-test-utils.h"

#define N_LAPTOPS 3
#define CANARY "Kanarinac-Jelena-Petrović-7e1c"

static LinTestServer *server;
static char *data_dir;

typedef struct
{
  LinTestDevice *laptops[N_LAPTOPS];
  GHashTable    *expected[N_LAPTOPS];   /* record id → the last value of the laptop's own field */
  guint          n_saves;
  guint          n_failed_syncs;
  GHashTable    *op_ids;       /* of the server's log, checked so far */
  GHashTable    *revisions;    /* record id → its last revision in the log */
  gint64         log_end;
} World;

static char *
own_field (guint laptop)
{
  return g_strdup_printf ("by_%u", laptop);
}

/* A laptop saves: a new record, or an edit of its own field of one it
 * holds */
static void
save_something (World *world,
                GRand *rand,
                guint  laptop,
                guint  schedule)
{
  LinTestDevice *device = world->laptops[laptop];
  g_autofree char *field = own_field (laptop);
  g_autofree char *value = g_strdup_printf ("%s, laptop %u, schedule %u, save %u", CANARY, laptop, schedule,
                                            world->n_saves++);
  g_autoptr(GPtrArray) calls = lin_store_list (device->store, "call");
  g_autoptr(LinRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (calls->len > 0 && g_rand_boolean (rand))
    record = g_object_ref (calls->pdata[g_rand_int_range (rand, 0, (gint32)calls->len)]);
  else
    record = lin_record_new ("call");

  lin_record_set_string (record, field, value);
  g_assert_true (lin_store_save (device->store, record, &error));
  g_assert_no_error (error);
  g_hash_table_replace (world->expected[laptop], g_strdup (lin_record_get_id_string (record)), g_strdup (value));
}

static void
point_all_at (World         *world,
              LinFaultProxy *proxy)
{
  for (guint i = 0; i < N_LAPTOPS; i++)
    lin_test_device_point_at (world->laptops[i], lin_fault_proxy_get_url (proxy),
                              lin_fault_proxy_get_fingerprint (proxy));
}

static gboolean
nothing_waits (World *world)
{
  for (guint i = 0; i < N_LAPTOPS; i++)
    if (lin_store_get_n_outbox (world->laptops[i]->store) > 0)
      return FALSE;

  return TRUE;
}

static void
settle (World *world)
{
  for (guint round = 0; round < 6; round++)
    {
      for (guint i = 0; i < N_LAPTOPS; i++)
        lin_test_device_sync_ok (world->laptops[i]);
      if (round > 0 && nothing_waits (world))
        break;
    }
  for (guint i = 0; i < N_LAPTOPS; i++)
    lin_test_device_sync_ok (world->laptops[i]);
  g_assert_true (nothing_waits (world));
}

/* Every op id once in the log, each record's revisions growing along it,
 * no gap (read on from where the last check stopped); the log's end */
static gint64
check_log (World *world)
{
  LinRecord *account = lin_sync_get_account (world->laptops[0]->sync);
  g_autoptr(GPtrArray) changes = NULL;
  guint n_pages;

  changes = lin_test_pull_all (server, lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_TOKEN),
                               lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_ORG_ID), world->log_end, 200,
                               &n_pages);
  for (guint i = 0; i < changes->len; i++)
    {
      JsonObject *change = changes->pdata[i];
      const char *op_id = json_object_get_string_member (change, "op_id");
      const char *record = json_object_get_string_member (change, "record_id");
      gint64 revision = json_object_get_int_member (change, "revision");
      gint64 seq = json_object_get_int_member (change, "seq");

      g_assert_cmpint (seq, ==, world->log_end + 1);
      world->log_end = seq;
      g_assert_false (g_hash_table_contains (world->op_ids, op_id));
      g_hash_table_add (world->op_ids, g_strdup (op_id));
      g_assert_cmpint (revision, >, GPOINTER_TO_SIZE (g_hash_table_lookup (world->revisions, record)));
      g_hash_table_insert (world->revisions, g_strdup (record), GSIZE_TO_POINTER ((gsize)revision));
    }

  return world->log_end;
}

static void
check_world (World *world)
{
  gint64 end = check_log (world);

  lin_test_assert_converged (world->laptops, N_LAPTOPS);
  for (guint i = 0; i < N_LAPTOPS; i++)
    {
      GHashTableIter iter;
      gpointer id, value;
      g_autofree char *field = own_field (i);

      g_assert_cmpint (lin_store_get_cursor (world->laptops[i]->store, LIN_SYNC_COLLECTION), ==, end);
      g_hash_table_iter_init (&iter, world->expected[i]);
      while (g_hash_table_iter_next (&iter, &id, &value))
        for (guint j = 0; j < N_LAPTOPS; j++)
          {
            LinRecord *record = lin_store_get (world->laptops[j]->store, id);

            g_assert_nonnull (record);
            g_assert_cmpstr (lin_record_get_string (record, field), ==, value);
          }
    }
}

static void
test_schedules (void)
{
  const char *env = g_getenv ("LINIJA_FAULT_SCHEDULES");
  guint n_schedules = env != NULL ? (guint)g_ascii_strtoull (env, NULL, 10) : 500;
  guint faults[LIN_N_FAULTS] = { 0, };
  World world = { { NULL, }, };
  guint n_requests = 0;

  world.laptops[0] = lin_test_device_found (server, data_dir, "Faults 0");
  for (guint i = 1; i < N_LAPTOPS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Faults %u", i);

      world.laptops[i] = lin_test_device_join (server, world.laptops[0], data_dir, name);
    }
  for (guint i = 0; i < N_LAPTOPS; i++)
    world.expected[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  world.op_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  world.revisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint32 schedule = 1; schedule <= n_schedules; schedule++)
    {
      LinFaultProxy *proxy = lin_fault_proxy_new (server->url, server->pinned, schedule);
      g_autoptr(GRand) rand = g_rand_new_with_seed (schedule);

      point_all_at (&world, proxy);
      lin_fault_proxy_set_rate (proxy, 0.35);

      /* saves and syncs, in a seeded order, through the faults */
      for (guint step = 0; step < 8; step++)
        {
          guint laptop = (guint)g_rand_int_range (rand, 0, N_LAPTOPS);

          if (g_rand_int_range (rand, 0, 3) == 0)
            save_something (&world, rand, laptop, schedule);
          else
            {
              g_autoptr(GError) error = NULL;
              LinSyncOutcome outcome = lin_test_device_sync (world.laptops[laptop], &error);

              /* a fault is worth another try, never a person's attention */
              if (outcome != LIN_SYNC_OUTCOME_DONE)
                world.n_failed_syncs++;
              g_assert_cmpint (outcome, !=, LIN_SYNC_OUTCOME_PERMANENT);
              g_assert_cmpint (lin_sync_get_problem (world.laptops[laptop]->sync), ==, LIN_SYNC_PROBLEM_NONE);
            }
        }

      /* the faults stop */
      lin_fault_proxy_set_rate (proxy, 0);
      settle (&world);
      check_world (&world);

      for (guint f = 0; f < LIN_N_FAULTS; f++)
        faults[f] += lin_fault_proxy_get_count (proxy, f);
      n_requests += lin_fault_proxy_get_n_requests (proxy);
      lin_fault_proxy_free (proxy);
    }

  g_test_message ("%u schedules: %u requests, %u saves, %u attempts cut short by a fault", n_schedules,
                  n_requests, world.n_saves, world.n_failed_syncs);
  for (guint f = 1; f < LIN_N_FAULTS; f++)
    {
      g_test_message ("fault %u: %u times", f, faults[f]);
      g_assert_cmpuint (faults[f], >, 0);
    }

  for (guint i = 0; i < N_LAPTOPS; i++)
    {
      lin_test_device_free (world.laptops[i]);
      g_hash_table_unref (world.expected[i]);
    }
  g_hash_table_unref (world.op_ids);
  g_hash_table_unref (world.revisions);
}

/* What crossed the wire (the proxy sees it without TLS) and what the
 * server keeps: ciphertext, no word of a record */
static void
test_canary (void)
{
  g_autoptr(LinTestDevice) a = lin_test_device_found (server, data_dir, "Canary A");
  g_autoptr(LinTestDevice) b = lin_test_device_join (server, a, data_dir, "Canary B");
  LinFaultProxy *proxy = lin_fault_proxy_new (server->url, server->pinned, 1);
  g_autoptr(GBytes) traffic = NULL;
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *words[] = { CANARY, "Jelena", "Petrović", "Petrovi" };
  gsize len;
  const guint8 *data;

  lin_fault_proxy_set_rate (proxy, 0);
  lin_test_device_point_at (a, lin_fault_proxy_get_url (proxy), lin_fault_proxy_get_fingerprint (proxy));
  lin_test_device_point_at (b, lin_fault_proxy_get_url (proxy), lin_fault_proxy_get_fingerprint (proxy));
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(LinRecord) call = lin_record_new ("call");
      g_autofree char *text = g_strdup_printf ("%s said: call me at 18:00 (%u)", CANARY, i);

      lin_record_set_string (call, "caller_words", text);
      lin_record_set_string (call, "perpetrator", "Petrović");
      g_assert_true (lin_store_save (a->store, call, &error));
      g_assert_no_error (error);
    }
  lin_test_device_sync_ok (a);
  lin_test_device_sync_ok (b);
  g_assert_cmpuint (lin_store_list (b->store, "call")->len, ==, 20);

  traffic = lin_fault_proxy_dup_traffic (proxy);
  data = g_bytes_get_data (traffic, &len);
  g_assert_cmpuint (len, >, 20 * 500);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_assert_cmpuint (lin_vault_test_count (data, len, (const guint8 *)words[i], strlen (words[i])), ==, 0);
      g_assert_cmpuint (lin_vault_test_count_in_tree (server->root, (const guint8 *)words[i], strlen (words[i]), where),
                        ==, 0);
      g_assert_cmpuint (lin_vault_test_count_in_tree (b->profile, (const guint8 *)words[i], strlen (words[i]), where),
                        ==, 0);
    }
  g_assert_cmpstr (where->str, ==, "");

  lin_fault_proxy_free (proxy);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  server = lin_test_sync_begin ("sync-faults", &data_dir);

  g_test_add_func ("/sync-faults/canary", test_canary);
  g_test_add_func ("/sync-faults/schedules", test_schedules);

  ret = g_test_run ();

  lin_test_sync_end (server, data_dir);

  return ret;
}
