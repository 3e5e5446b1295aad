/* test-sync.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sync between laptops of one organisation, through the real linija-server
 * on 127.0.0.1: records made apart on two and three laptops, of every
 * kind, converge; edits of one record merge, a lost value becomes a
 * conflict copy, an edit beats a deletion; what a laptop had before it
 * joined goes with it, re-keyed; a revision signed by a key the
 * organisation never certified is left out; a revoked laptop is refused
 * and what is saved after it is sealed with a key it never gets, also
 * when it was revoked on the server box; roster
 * assignments made apart that collide are flagged once, never merged.
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include <sodium.h>
#include <string.h>

#include "lin-context.h"
#include "lin-roster-test-utils.h"
#include "lin-sync-engine.h"
#include "lin-fault-proxy.h"
#include "lin-sync-test-utils.h"

static LinTestServer *server;
static char *data_dir;

static const char * const kinds[] = {
  "call", "note", "follow-up", "service", "person", "line", "shift", "assignment", "handover",
};

static LinRecord *
save_new (LinTestDevice *device,
          const char    *kind,
          const char    *text)
{
  g_autoptr(LinRecord) record = lin_record_new (kind);
  g_autoptr(GError) error = NULL;

  lin_record_set_string (record, "text", text);
  lin_record_set_string (record, "by", device->profile);
  g_assert_true (lin_store_save (device->store, record, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&record);
}

static void
edit (LinTestDevice *device,
      const char    *id,
      const char    *field,
      const char    *value)
{
  LinRecord *record = lin_store_get (device->store, id);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (record);
  lin_record_set_string (record, field, value);
  g_assert_true (lin_store_save (device->store, record, &error));
  g_assert_no_error (error);
}

static guint
count_conflicts (LinTestDevice *device,
                 const char    *about,
                 const char    *member)
{
  g_autoptr(GPtrArray) conflicts = lin_store_list (device->store, LIN_CONFLICT_KIND);
  guint n = 0;

  for (guint i = 0; i < conflicts->len; i++)
    {
      LinRecord *conflict = conflicts->pdata[i];

      if (g_strcmp0 (lin_record_get_string (conflict, LIN_CONFLICT_FIELD_RECORD), about) == 0 &&
          g_strcmp0 (lin_record_get_string (conflict, LIN_CONFLICT_FIELD_MEMBER), member) == 0)
        n++;
    }

  return n;
}

static void
sync_all (LinTestDevice **devices,
          guint           n,
          guint           rounds)
{
  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < n; i++)
      lin_test_device_sync_ok (devices[i]);
}

static void
test_converge (void)
{
  g_autoptr(LinTestDevice) a = lin_test_device_found (server, data_dir, "Converge A");
  g_autoptr(LinTestDevice) b = lin_test_device_join (server, a, data_dir, "Converge B");
  g_autoptr(LinTestDevice) c = lin_test_device_join (server, a, data_dir, "Converge C");
  LinTestDevice *all[] = { a, b, c };
  g_autoptr(LinRecord) shared = NULL;
  g_autoptr(LinRecord) doomed = NULL;
  g_autofree char *shared_id = NULL;
  g_autofree char *doomed_id = NULL;
  g_autoptr(GError) error = NULL;

  /* two laptops first: one record each way */
  g_clear_object (&shared);
  shared = save_new (a, "call", "from A");
  doomed = save_new (b, "follow-up", "from B");
  shared_id = g_strdup (lin_record_get_id_string (shared));
  doomed_id = g_strdup (lin_record_get_id_string (doomed));
  sync_all (all, 3, 2);
  lin_test_assert_converged (all, 3);
  g_assert_nonnull (lin_store_get (c->store, shared_id));
  g_assert_nonnull (lin_store_get (c->store, doomed_id));
  g_assert_cmpuint (lin_store_get_n_outbox (a->store), ==, 0);

  /* apart: every kind made on each laptop; the shared call edited on
   * three (two fields apart, one field on two); the follow-up deleted on
   * one while edited on another */
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autofree char *text = g_strdup_printf ("%s made on %u", kinds[k], i);
        g_autoptr(LinRecord) made = save_new (all[i], kinds[k], text);
      }
  edit (a, shared_id, "channel", "phone");
  edit (b, shared_id, "language", "rom");
  edit (b, shared_id, "text", "B's words");
  edit (c, shared_id, "text", "C's words");
  edit (b, doomed_id, "text", "B edits it");
  g_assert_true (lin_store_delete (c->store, lin_store_get (c->store, doomed_id), &error));
  g_assert_no_error (error);

  sync_all (all, 3, 3);
  lin_test_assert_converged (all, 3);

  /* every kind from every laptop, three times nine, and the two of before */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) of_kind = lin_store_list (a->store, kinds[k]);
      guint expected = 3 + (g_str_equal (kinds[k], "call") || g_str_equal (kinds[k], "follow-up"));

      g_assert_cmpuint (of_kind->len, ==, expected);
    }

  /* fields changed apart both kept; the text both changed went to the
   * later writer, the other is a conflict copy */
  g_assert_cmpstr (lin_record_get_string (lin_store_get (b->store, shared_id), "channel"), ==, "phone");
  g_assert_cmpstr (lin_record_get_string (lin_store_get (b->store, shared_id), "language"), ==, "rom");
  g_assert_cmpstr (lin_record_get_string (lin_store_get (b->store, shared_id), "text"), ==, "C's words");
  g_assert_cmpuint (count_conflicts (a, shared_id, "text"), ==, 1);

  /* the edit beat the deletion */
  g_assert_nonnull (lin_store_get (a->store, doomed_id));
  g_assert_cmpstr (lin_record_get_string (lin_store_get (a->store, doomed_id), "text"), ==, "B edits it");

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_assert_cmpuint (lin_store_get_n_outbox (all[i]->store), ==, 0);
      g_assert_cmpint (lin_sync_get_status (all[i]->sync), ==, LIN_SYNC_STATUS_SYNCED);
      g_assert_true (lin_store_verify (all[i]->store, NULL, &error));
      g_assert_no_error (error);
    }
}

/* A deletion that meets no edit goes everywhere, and takes the record's
 * text with it */
static void
test_delete (void)
{
  g_autoptr(LinTestDevice) a = lin_test_device_found (server, data_dir, "Delete A");
  g_autoptr(LinTestDevice) b = lin_test_device_join (server, a, data_dir, "Delete B");
  LinTestDevice *all[] = { a, b };
  g_autoptr(LinRecord) note = save_new (a, "note", "Canary-delete-7d1f");
  g_autofree char *id = g_strdup (lin_record_get_id_string (note));
  g_autoptr(GError) error = NULL;

  sync_all (all, 2, 1);
  g_assert_nonnull (lin_store_get (b->store, id));
  g_assert_true (lin_store_delete (b->store, lin_store_get (b->store, id), &error));
  g_assert_no_error (error);
  sync_all (all, 2, 2);
  g_assert_null (lin_store_get (a->store, id));
  lin_test_assert_converged (all, 2);
  g_assert_cmpuint (lin_store_dup_envelopes (a->store, id)->len, ==, 1);
}

/* What a laptop held before it joined goes to the organisation in one
 * step, sealed again under the organisation's key; its drafts stay its
 * own, and all of it opens again after a lock */
static void
test_rekey (void)
{
  g_autoptr(LinTestDevice) a = lin_test_device_found (server, data_dir, "Rekey A");
  g_autoptr(LinTestDevice) b = lin_test_device_new (data_dir, "Rekey B");
  g_autoptr(LinRecord) call = save_new (b, "call", "made before joining");
  g_autoptr(LinRecord) draft = lin_record_new ("draft");
  g_autofree char *call_id = g_strdup (lin_record_get_id_string (call));
  g_autofree char *draft_id = NULL;
  g_autofree char *header = NULL;
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  LinTestDevice *all[] = { a, b };
  guint n_checked = 0;

  edit (b, call_id, "text", "edited before joining");
  lin_record_set_local (draft, TRUE);
  lin_record_set_string (draft, "text", "a draft of mine");
  g_assert_true (lin_store_save (b->store, draft, &error));
  g_assert_no_error (error);
  draft_id = g_strdup (lin_record_get_id_string (draft));
  g_assert_false (lin_store_get_joined (b->store));

  lin_test_device_enrol_member (server, a, b);
  g_assert_true (lin_store_get_joined (b->store));
  g_assert_cmpuint (lin_store_get_key_epoch (b->store), ==, lin_store_get_key_epoch (a->store));
  sync_all (all, 2, 1);

  g_assert_cmpstr (lin_record_get_string (lin_store_get (a->store, call_id), "text"), ==, "edited before joining");
  g_assert_null (lin_store_get (a->store, draft_id));
  lin_test_assert_converged (all, 2);

  /* every revision, history and draft included, opens with the
   * organisation's key, also after a lock */
  g_assert_true (lin_store_verify (b->store, &n_checked, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_checked, >=, 3);
  g_clear_object (&b->sync);
  lin_store_close (b->store);
  g_clear_object (&b->store);
  g_clear_object (&b->vault);
  header = g_build_filename (b->profile, "vault.hdr", NULL);
  db = g_build_filename (b->profile, "store.db", NULL);
  b->vault = lin_vault_unlock (header, LIN_VAULT_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  b->store = lin_store_open (b->vault, db, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lin_record_get_string (lin_store_get (b->store, draft_id), "text"), ==, "a draft of mine");
  g_assert_cmpstr (lin_record_get_string (lin_store_get (b->store, call_id), "text"), ==, "edited before joining");
  g_assert_true (lin_store_verify (b->store, NULL, &error));
  g_assert_no_error (error);
}

/* A revision signed by a key the organisation never certified (here: the
 * server's own, around a real envelope) is left out, and says so */
static void
test_forged (void)
{
  g_autoptr(LinTestDevice) a = lin_test_device_found (server, data_dir, "Forged A");
  g_autoptr(LinTestDevice) b = lin_test_device_join (server, a, data_dir, "Forged B");
  g_autoptr(LinRecord) real = save_new (a, "call", "real, not yet pushed");
  LinRecord *account = lin_sync_get_account (a->sync);
  g_autoptr(GPtrArray) envelopes = NULL;
  g_autoptr(JsonBuilder) page = NULL;
  g_autoptr(JsonObject) reply = NULL;
  g_autoptr(GBytes) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base64 = NULL;
  g_autofree char *op_id = lin_test_random_id ();
  g_autofree guint8 *forged = NULL;
  guint8 forger_secret[crypto_sign_SECRETKEYBYTES];
  gint64 cursor_before = lin_store_get_cursor (b->store, LIN_SYNC_COLLECTION);
  GBytes *envelope;
  gsize len;

  envelopes = lin_store_dup_envelopes (a->store, lin_record_get_id_string (real));
  envelope = envelopes->pdata[envelopes->len - 1];
  len = g_bytes_get_size (envelope);
  forged = g_malloc (len + LIN_ENVELOPE_SIGNATURE_BYTES);
  memcpy (forged, LIN_ENVELOPE_SIGN_CONTEXT, 4);
  memcpy (forged + 4, g_bytes_get_data (envelope, NULL), len);
  crypto_sign_keypair (forged + len + 4, forger_secret);
  crypto_sign_detached (forged + len + 4 + LIN_SIGN_PUBLIC_BYTES, NULL, forged, len + 4, forger_secret);
  memmove (forged, forged + 4, len + LIN_ENVELOPE_SIGNATURE_BYTES);
  base64 = g_base64_encode (forged, len + LIN_ENVELOPE_SIGNATURE_BYTES);

  page = lin_test_page_new ();
  lin_test_page_add (page, op_id, lin_record_get_id (real), 0, 1, base64);
  g_assert_cmpuint (lin_test_push (server, lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_TOKEN),
                                   lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_ORG_ID), page, &reply),
                    ==, 200);
  lin_test_assert_result (reply, 0, "applied", NULL, 0);

  /* B leaves it out, moves past it, and says a person must look */
  g_assert_cmpint (lin_test_device_sync (b, &error), ==, LIN_SYNC_OUTCOME_PERMANENT);
  g_clear_error (&error);
  g_assert_null (lin_store_get (b->store, lin_record_get_id_string (real)));
  g_assert_cmpint (lin_store_get_cursor (b->store, LIN_SYNC_COLLECTION), ==, cursor_before + 1);
  g_assert_cmpint (lin_sync_get_status (b->sync), ==, LIN_SYNC_STATUS_ATTENTION);
  g_assert_cmpint (lin_sync_get_problem (b->sync), ==, LIN_SYNC_PROBLEM_REJECTED);

  /* A's own revision, which the forgery took the place of, stays in its
   * outbox: not lost */
  lin_test_device_sync (a, &error);
  g_clear_error (&error);
  g_assert_cmpstr (lin_record_get_string (lin_store_get (a->store, lin_record_get_id_string (real)), "text"), ==,
                   "real, not yet pushed");
  g_assert_cmpuint (lin_store_get_n_outbox (a->store), ==, 1);
  g_assert_cmpint (lin_sync_get_status (a->sync), ==, LIN_SYNC_STATUS_ATTENTION);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

/* @coordinator revokes @device, and rotates the key */
static void
revoke_device (LinTestDevice *coordinator,
               LinTestDevice *device)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  lin_sync_revoke_async (coordinator->sync, lin_record_get_string (lin_sync_get_account (device->sync),
                                                                   LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID),
                         NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (lin_sync_revoke_finish (coordinator->sync, result, &error));
  g_assert_no_error (error);
}

/* Revoking a laptop: it is refused from then on, and what is saved after
 * is sealed with a new key that only the others get */
static void
test_revoke (void)
{
  g_autoptr(LinTestDevice) a = lin_test_device_found (server, data_dir, "Revoke A");
  g_autoptr(LinTestDevice) b = lin_test_device_join (server, a, data_dir, "Revoke B");
  g_autoptr(LinTestDevice) c = lin_test_device_join (server, a, data_dir, "Revoke C");
  LinTestDevice *all[] = { a, b };
  g_autoptr(LinRecord) before = save_new (c, "call", "from C, before");
  g_autoptr(LinRecord) after = NULL;
  g_autoptr(LinRecord) from_b = NULL;
  g_autoptr(GError) error = NULL;
  guint32 epoch = lin_store_get_key_epoch (a->store);

  lin_test_device_sync_ok (c);
  sync_all (all, 2, 1);

  revoke_device (a, c);
  g_assert_cmpuint (lin_store_get_key_epoch (a->store), ==, epoch + 1);

  /* C is refused, and says so */
  g_assert_cmpint (lin_test_device_sync (c, &error), ==, LIN_SYNC_OUTCOME_PERMANENT);
  g_clear_error (&error);
  g_assert_cmpint (lin_sync_get_status (c->sync), ==, LIN_SYNC_STATUS_ATTENTION);
  g_assert_cmpint (lin_sync_get_problem (c->sync), ==, LIN_SYNC_PROBLEM_REFUSED);

  /* A's new record needs the new key: B takes it from the server, and its
   * own saves use it */
  after = save_new (a, "call", "from A, after");
  sync_all (all, 2, 1);
  g_assert_cmpuint (lin_record_get_key_epoch (after), ==, epoch + 1);
  g_assert_nonnull (lin_store_get (b->store, lin_record_get_id_string (after)));
  g_assert_cmpuint (lin_store_get_key_epoch (b->store), ==, epoch + 1);
  from_b = save_new (b, "note", "from B, after");
  g_assert_cmpuint (lin_record_get_key_epoch (from_b), ==, epoch + 1);
  sync_all (all, 2, 2);
  lin_test_assert_converged (all, 2);
  g_assert_nonnull (lin_store_get (a->store, lin_record_get_id_string (before)));
}

/* Many records, saved in one go */
static void
save_many (LinTestDevice *device,
           guint          n,
           const char    *text)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      LinRecord *record = lin_record_new ("note");

      lin_record_set_string (record, "text", text);
      g_ptr_array_add (records, record);
    }
  g_assert_true (lin_store_save_all (device->store, records, &error));
  g_assert_no_error (error);
}

static guint
count_text (LinTestDevice *device,
            const char    *text)
{
  g_autoptr(GPtrArray) notes = lin_store_list (device->store, "note");
  guint n = 0;

  for (guint i = 0; i < notes->len; i++)
    n += g_strcmp0 (lin_record_get_string (notes->pdata[i], "text"), text) == 0;

  return n;
}

#define N_PAGES_OF 450   /* three pages of the pull */

/* A pull asks for the page after the one it checks while it checks it;
 * a page that needs something first (the certificate of a laptop that
 * joined since, the key made after a revocation) waits for that answer,
 * asks, and goes on: every page arrives, in order, once. B syncs through
 * a proxy that holds the request for the second page 1 s, so that the
 * first page is checked, and found to need something, before it is here. */
static void
test_pull_between_pages (void)
{
  g_autoptr(LinTestDevice) a = lin_test_device_found (server, data_dir, "Pages A");
  g_autoptr(LinTestDevice) b = lin_test_device_join (server, a, data_dir, "Pages B");
  g_autoptr(LinTestDevice) c = NULL;
  g_autoptr(LinFaultProxy) proxy = lin_fault_proxy_new (server->url, server->pinned, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *second = NULL;
  LinTestDevice *all[] = { a, b };
  guint32 epoch = lin_store_get_key_epoch (a->store);
  gint64 cursor;

  lin_fault_proxy_set_rate (proxy, 0);
  lin_test_device_point_at (b, lin_fault_proxy_get_url (proxy), lin_fault_proxy_get_fingerprint (proxy));
  sync_all (all, 2, 1);

  /* C joins after B last looked at the certificates */
  c = lin_test_device_join (server, a, data_dir, "Pages C");
  save_many (c, N_PAGES_OF, "from C");
  lin_test_device_sync_ok (c);
  cursor = lin_store_get_cursor (b->store, LIN_SYNC_COLLECTION);
  second = g_strdup_printf ("since=%" G_GINT64_FORMAT "&", cursor + 200);
  lin_fault_proxy_delay_query (proxy, second, 1000);
  g_assert_cmpint (lin_test_device_sync (b, &error), ==, LIN_SYNC_OUTCOME_DONE);
  g_assert_no_error (error);
  g_assert_cmpuint (count_text (b, "from C"), ==, N_PAGES_OF);
  g_assert_cmpint (lin_sync_get_problem (b->sync), ==, LIN_SYNC_PROBLEM_NONE);

  /* a new key, made after B last looked for keys */
  revoke_device (a, c);
  save_many (a, N_PAGES_OF, "from A, new key");
  lin_test_device_sync_ok (a);
  cursor = lin_store_get_cursor (b->store, LIN_SYNC_COLLECTION);
  g_free (second);
  second = g_strdup_printf ("since=%" G_GINT64_FORMAT "&", cursor + 200);
  lin_fault_proxy_delay_query (proxy, second, 1000);
  g_assert_cmpint (lin_test_device_sync (b, &error), ==, LIN_SYNC_OUTCOME_DONE);
  g_assert_no_error (error);
  g_assert_cmpuint (lin_store_get_key_epoch (b->store), ==, epoch + 1);
  g_assert_cmpuint (count_text (b, "from A, new key"), ==, N_PAGES_OF);
  g_assert_cmpint (lin_store_get_cursor (b->store, LIN_SYNC_COLLECTION), ==,
                   lin_store_get_cursor (a->store, LIN_SYNC_COLLECTION));
  g_assert_cmpuint (lin_fault_proxy_get_count (proxy, LIN_FAULT_DELAY), ==, 2);
  sync_all (all, 2, 1);
  lin_test_assert_converged (all, 2);
}

/* What a broken or hostile server might answer a pull, every time it is
 * asked, through the proxy (lin_fault_proxy_answer_query()): each attempt
 * ends with a clear error, the cursor and the working set as they were,
 * and the next attempt against the real answers brings everything. An
 * empty page that says there is more would be asked for again and again:
 * it is refused. (A change that fails its checks is another matter: it is
 * left out and the cursor moves past it, sync/forged.) */
static void
test_hostile_pages (void)
{
  static const struct
  {
    const char    *answer;   /* AT: the cursor; NEXT: the sequence number after it; SKIP: the one after that */
    LinSyncOutcome outcome;
    LinSyncProblem problem;
  } cases[] = {
    { "{\"changes\": [], \"next\": AT, \"more\": true}", LIN_SYNC_OUTCOME_TRANSIENT, LIN_SYNC_PROBLEM_NONE },
    { "{\"changes\": [], \"next\": NEXT, \"more\": false}", LIN_SYNC_OUTCOME_TRANSIENT, LIN_SYNC_PROBLEM_NONE },
    { "{\"changes\": [{\"seq\": SKIP, \"envelope\": \"AAAA\"}], \"next\": SKIP, \"more\": false}",
      LIN_SYNC_OUTCOME_PERMANENT, LIN_SYNC_PROBLEM_REJECTED },
    { "{\"changes\": [], \"next\": -5, \"more\": false}", LIN_SYNC_OUTCOME_TRANSIENT, LIN_SYNC_PROBLEM_NONE },
    { "{\"changes\": \"none\"}", LIN_SYNC_OUTCOME_TRANSIENT, LIN_SYNC_PROBLEM_NONE },
    { "not JSON at all", LIN_SYNC_OUTCOME_TRANSIENT, LIN_SYNC_PROBLEM_NONE },
  };
  g_autoptr(LinTestDevice) a = lin_test_device_found (server, data_dir, "Hostile A");
  g_autoptr(LinTestDevice) b = lin_test_device_join (server, a, data_dir, "Hostile B");
  g_autoptr(LinFaultProxy) proxy = lin_fault_proxy_new (server->url, server->pinned, 1);
  g_autoptr(LinRecord) record = NULL;
  LinTestDevice *all[] = { a, b };

  lin_fault_proxy_set_rate (proxy, 0);
  lin_test_device_point_at (b, lin_fault_proxy_get_url (proxy), lin_fault_proxy_get_fingerprint (proxy));
  sync_all (all, 2, 1);
  record = save_new (a, "call", "from A, past a hostile server");
  lin_test_device_sync_ok (a);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 cursor = lin_store_get_cursor (b->store, LIN_SYNC_COLLECTION);
      guint n_records = lin_store_get_n_records (b->store);
      g_autofree char *query = g_strdup_printf ("since=%" G_GINT64_FORMAT "&", cursor);
      g_autofree char *answer = g_strdup (cases[i].answer);
      const char * const names[] = { "AT", "NEXT", "SKIP" };
      g_autoptr(GError) error = NULL;

      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, cursor + n);
          g_auto(GStrv) parts = g_strsplit (answer, names[n], -1);

          g_free (answer);
          answer = g_strjoinv (number, parts);
        }
      g_test_message ("answer %u: %s", i, answer);
      lin_fault_proxy_answer_query (proxy, query, answer);
      g_assert_cmpint (lin_test_device_sync (b, &error), ==, cases[i].outcome);
      g_assert_nonnull (error);
      g_assert_cmpint (lin_sync_get_problem (b->sync), ==, cases[i].problem);
      g_assert_cmpint (lin_store_get_cursor (b->store, LIN_SYNC_COLLECTION), ==, cursor);
      g_assert_cmpuint (lin_store_get_n_records (b->store), ==, n_records);
      g_assert_null (lin_store_get (b->store, lin_record_get_id_string (record)));
      lin_fault_proxy_answer_query (proxy, NULL, NULL);
    }

  /* longer than any answer Linija takes: cut off, not held */
  {
    gint64 cursor = lin_store_get_cursor (b->store, LIN_SYNC_COLLECTION);
    g_autofree char *query = g_strdup_printf ("since=%" G_GINT64_FORMAT "&", cursor);
    g_autoptr(GString) huge = g_string_new ("{\"changes\": [], \"padding\": \"");
    g_autoptr(GError) error = NULL;

    while (huge->len <= 5 * 1024 * 1024)
      g_string_append (huge, "padding padding padding padding ");
    g_string_append (huge, "\"}");
    lin_fault_proxy_answer_query (proxy, query, huge->str);
    g_assert_cmpint (lin_test_device_sync (b, &error), ==, LIN_SYNC_OUTCOME_TRANSIENT);
    g_assert_error (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_NETWORK);
    g_assert_nonnull (strstr (error->message, "too long"));
    g_assert_cmpint (lin_store_get_cursor (b->store, LIN_SYNC_COLLECTION), ==, cursor);
    lin_fault_proxy_answer_query (proxy, NULL, NULL);
  }

  lin_test_device_sync_ok (b);
  g_assert_nonnull (lin_store_get (b->store, lin_record_get_id_string (record)));
  lin_test_assert_converged (all, 2);
}

/* A laptop revoked on the server box (`linija-server revoke`): the
 * coordinator's Linija finds it at its next look (at unlock, on Sync Now,
 * hourly), makes a new key for the others, and does so once */
static void
test_revoke_on_server (void)
{
  g_autoptr(LinTestDevice) a = lin_test_device_found (server, data_dir, "Server-revoke A");
  g_autoptr(LinTestDevice) b = lin_test_device_join (server, a, data_dir, "Server-revoke B");
  g_autoptr(LinTestDevice) c = lin_test_device_join (server, a, data_dir, "Server-revoke C");
  LinTestDevice *all[] = { a, b };
  const char *c_id = lin_record_get_string (lin_sync_get_account (c->sync), LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID);
  g_autoptr(LinRecord) after = NULL;
  g_autoptr(GError) error = NULL;
  guint32 epoch;
  JsonArray *rotated;

  sync_all (all, 2, 1);
  lin_test_device_sync_ok (c);
  epoch = lin_store_get_key_epoch (a->store);

  g_assert_cmpint (lin_test_server_cli (NULL, NULL, "revoke", server->dir, c_id), ==, 0);
  g_assert_cmpint (lin_test_device_sync (c, &error), ==, LIN_SYNC_OUTCOME_PERMANENT);
  g_clear_error (&error);

  /* not before her Linija looks */
  lin_test_device_sync_ok (a);
  g_assert_cmpuint (lin_store_get_key_epoch (a->store), ==, epoch);

  lin_sync_forget_keys_checked (a->sync);
  lin_test_device_sync_ok (a);
  g_assert_cmpuint (lin_store_get_key_epoch (a->store), ==, epoch + 1);
  rotated = json_object_get_array_member (lin_record_get_fields (lin_sync_get_account (a->sync)),
                                          LIN_SYNC_ACCOUNT_FIELD_ROTATED_FOR);
  g_assert_cmpuint (json_array_get_length (rotated), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (rotated, 0), ==, c_id);

  /* once */
  lin_sync_forget_keys_checked (a->sync);
  lin_test_device_sync_ok (a);
  g_assert_cmpuint (lin_store_get_key_epoch (a->store), ==, epoch + 1);

  /* B takes the new key with the first record that needs it */
  after = save_new (a, "call", "from A, after the revocation");
  g_assert_cmpuint (lin_record_get_key_epoch (after), ==, epoch + 1);
  sync_all (all, 2, 2);
  g_assert_nonnull (lin_store_get (b->store, lin_record_get_id_string (after)));
  g_assert_cmpuint (lin_store_get_key_epoch (b->store), ==, epoch + 1);
  lin_test_assert_converged (all, 2);
}

/* Roster collisions */

static LinRecord *
assign_on (LinTestDevice *device,
           LinRecord     *shift,
           LinRecord     *person)
{
  g_autoptr(LinRecord) assignment = lin_roster_new_assignment (lin_store_get (device->store,
                                                                              lin_record_get_id_string (shift)),
                                                               lin_store_get (device->store,
                                                                              lin_record_get_id_string (person)));
  g_autoptr(GError) error = NULL;

  g_assert_true (lin_store_save (device->store, assignment, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&assignment);
}

/* The unresolved flags of collisions on @device, sorted by their code */
static GPtrArray *
list_collisions (LinTestDevice *device)
{
  g_autoptr(GPtrArray) conflicts = lin_store_list (device->store, LIN_CONFLICT_KIND);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < conflicts->len; i++)
    {
      LinRecord *conflict = conflicts->pdata[i];

      if (lin_record_get_string (conflict, LIN_CONFLICT_FIELD_COLLIDES) != NULL &&
          !json_object_get_boolean_member_with_default (lin_record_get_fields (conflict),
                                                        LIN_CONFLICT_FIELD_RESOLVED, FALSE))
        g_ptr_array_add (found, g_object_ref (conflict));
    }

  return found;
}

static LinRecord *
find_collision (GPtrArray          *collisions,
                LinRosterCollision  collision)
{
  LinRecord *found = NULL;

  for (guint i = 0; i < collisions->len; i++)
    if (g_strcmp0 (lin_record_get_string (collisions->pdata[i], LIN_CONFLICT_FIELD_COLLISION),
                   lin_roster_collision_get_code (collision)) == 0)
      {
        g_assert_null (found);
        found = collisions->pdata[i];
      }
  g_assert_nonnull (found);

  return found;
}

/* The flag names exactly @x and @y, one each side */
static void
assert_names (LinRecord *flag,
              LinRecord *x,
              LinRecord *y)
{
  const char *arrived = lin_record_get_string (flag, LIN_CONFLICT_FIELD_RECORD);
  const char *held = lin_record_get_string (flag, LIN_CONFLICT_FIELD_COLLIDES);
  const char *ids[] = { lin_record_get_id_string (x), lin_record_get_id_string (y) };

  g_assert_cmpstr (lin_record_get_string (flag, LIN_CONFLICT_FIELD_RECORD_KIND), ==, LIN_ASSIGNMENT_KIND);
  g_assert_true ((g_strcmp0 (arrived, ids[0]) == 0 && g_strcmp0 (held, ids[1]) == 0) ||
                 (g_strcmp0 (arrived, ids[1]) == 0 && g_strcmp0 (held, ids[0]) == 0));
}

static guint
count_overlaps (LinTestDevice *device)
{
  g_autoptr(GPtrArray) records = lin_store_list (device->store, NULL);
  g_autoptr(LinRoster) roster = lin_roster_new (records);
  g_autoptr(GArray) violations = NULL;
  LinRosterSettings settings;
  guint n = 0;

  lin_roster_settings_init (&settings);
  violations = lin_roster_check (roster, &settings);
  for (guint i = 0; i < violations->len; i++)
    n += g_array_index (violations, LinRosterViolation, i).rule == LIN_ROSTER_RULE_OVERLAP;

  return n;
}

static guint
count_kind (LinTestDevice *device,
            const char    *kind)
{
  g_autoptr(GPtrArray) records = lin_store_list (device->store, kind);

  return records->len;
}

/* Two coordinators plan apart: one counsellor twice on a shift, another
 * on two shifts at once, and a shift for one filled by two. After sync
 * every assignment is on every laptop (nothing merged), each collision is
 * flagged exactly once in the organisation (a third laptop that made
 * neither assignment flags nothing), and what a person chooses in the
 * flag goes everywhere. */
static void
test_collisions (void)
{
  g_autoptr(LinTestDevice) a = lin_test_device_found (server, data_dir, "Collide A");
  g_autoptr(LinTestDevice) b = lin_test_device_join (server, a, data_dir, "Collide B");
  g_autoptr(LinTestDevice) c = lin_test_device_join (server, a, data_dir, "Collide C");
  LinTestDevice *all[] = { a, b, c };
  g_autoptr(GPtrArray) base = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) flags = NULL;
  g_autoptr(GError) error = NULL;
  LinRecord *line, *marija, *ana, *jelena, *vesna, *night, *day, *evening, *sunday;
  g_autoptr(LinRecord) marija_a = NULL, marija_b = NULL, ana_a = NULL, ana_b = NULL;
  g_autoptr(LinRecord) jelena_a = NULL, vesna_b = NULL;
  LinRecord *flag;

  line = lin_roster_test_line (base, "SOS linija (izmišljena)", NULL);
  marija = lin_roster_test_person (base, "Marija", NULL);
  ana = lin_roster_test_person (base, "Ana", NULL);
  jelena = lin_roster_test_person (base, "Jelena", NULL);
  vesna = lin_roster_test_person (base, "Vesna", NULL);
  night = lin_roster_test_shift (base, line, "2026-11-28T20:00:00+01:00", "2026-11-29T08:00:00+01:00", 2);
  day = lin_roster_test_shift (base, line, "2026-11-30T08:00:00+01:00", "2026-11-30T16:00:00+01:00", 1);
  evening = lin_roster_test_shift (base, line, "2026-11-30T14:00:00+01:00", "2026-11-30T22:00:00+01:00", 1);
  sunday = lin_roster_test_shift (base, line, "2026-12-06T08:00:00+01:00", "2026-12-06T20:00:00+01:00", 1);
  g_assert_true (lin_store_save_all (a->store, base, &error));
  g_assert_no_error (error);
  sync_all (all, 3, 1);

  /* apart */
  marija_a = assign_on (a, night, marija);
  marija_b = assign_on (b, night, marija);
  ana_a = assign_on (a, day, ana);
  ana_b = assign_on (b, evening, ana);
  jelena_a = assign_on (a, sunday, jelena);
  vesna_b = assign_on (b, sunday, vesna);

  sync_all (all, 3, 3);
  lin_test_assert_converged (all, 3);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      /* not merged: six assignments, and the roster's own check sees the
       * double bookings */
      g_assert_cmpuint (count_kind (all[i], LIN_ASSIGNMENT_KIND), ==, 6);
      g_assert_cmpuint (count_overlaps (all[i]), >=, 2);

      /* flagged once each */
      flags = list_collisions (all[i]);
      g_assert_cmpuint (flags->len, ==, 3);
      assert_names (find_collision (flags, LIN_ROSTER_COLLISION_TWICE), marija_a, marija_b);
      assert_names (find_collision (flags, LIN_ROSTER_COLLISION_OVERLAP), ana_a, ana_b);
      assert_names (find_collision (flags, LIN_ROSTER_COLLISION_OVERFULL), jelena_a, vesna_b);
      g_clear_pointer (&flags, g_ptr_array_unref);
    }
  g_assert_cmpuint (lin_sync_get_n_conflicts (c->sync), ==, 3);

  /* the third laptop chooses: Marija once, Ana on the day shift, both on
   * Sunday */
  flags = list_collisions (c);
  flag = find_collision (flags, LIN_ROSTER_COLLISION_TWICE);
  g_assert_true (lin_sync_resolve_collision (c->sync, flag, lin_store_get (c->store, lin_record_get_id_string (marija_b)),
                                             &error));
  g_assert_no_error (error);
  flag = find_collision (flags, LIN_ROSTER_COLLISION_OVERLAP);
  g_assert_true (lin_sync_resolve_collision (c->sync, flag, lin_store_get (c->store, lin_record_get_id_string (ana_b)),
                                             &error));
  g_assert_no_error (error);
  flag = find_collision (flags, LIN_ROSTER_COLLISION_OVERFULL);
  g_assert_true (lin_sync_resolve_collision (c->sync, flag, NULL, &error));
  g_assert_no_error (error);

  sync_all (all, 3, 2);
  lin_test_assert_converged (all, 3);
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_autoptr(GPtrArray) open = list_collisions (all[i]);

      g_assert_cmpuint (open->len, ==, 0);
      g_assert_cmpuint (count_kind (all[i], LIN_ASSIGNMENT_KIND), ==, 4);
      g_assert_nonnull (lin_store_get (all[i]->store, lin_record_get_id_string (marija_a)));
      g_assert_null (lin_store_get (all[i]->store, lin_record_get_id_string (marija_b)));
      g_assert_null (lin_store_get (all[i]->store, lin_record_get_id_string (ana_b)));
      g_assert_nonnull (lin_store_get (all[i]->store, lin_record_get_id_string (vesna_b)));
      g_assert_cmpuint (count_overlaps (all[i]), ==, 0);
    }
}

static GSettings *
memory_settings (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  g_assert_nonnull (schema);
  return g_settings_new_full (schema, backend, NULL);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static gboolean
wait_until_synced (LinSync *sync)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      if (lin_sync_get_status (sync) == LIN_SYNC_STATUS_SYNCED && lin_sync_get_last_success (sync) > 0 &&
          lin_store_get_n_outbox (lin_sync_get_store (sync)) == 0)
        return TRUE;
      g_usleep (2000);
    }

  return FALSE;
}

typedef struct
{
  LinStore   *store;
  const char *trigger;   /* a record the attempt takes in */
  LinRecord  *saved;
} SaveWhileSyncing;

static gboolean
save_now_cb (gpointer data)
{
  SaveWhileSyncing *during = data;
  g_autoptr(GError) error = NULL;

  during->saved = lin_record_new ("note");
  lin_record_set_string (during->saved, "text", "saved while an attempt ran");
  g_assert_true (lin_store_save (during->store, during->saved, &error));
  g_assert_no_error (error);

  return G_SOURCE_REMOVE;
}

/* As the attempt takes in the colleague's first note, a save as soon as
 * the main loop turns: while the next page is asked for */
static void
save_while_syncing_cb (LinStore         *store,
                       LinRecord        *record,
                       SaveWhileSyncing *during)
{
  if (g_strcmp0 (lin_record_get_id_string (record), during->trigger) == 0 && during->saved == NULL)
    g_idle_add_full (G_PRIORITY_HIGH, save_now_cb, during, NULL);
}

/* The app's way: a profile enrols through LinContext and from then on
 * syncs by itself, after a save and at unlock, until it is locked */
static void
test_context (void)
{
  g_autoptr(GSettings) settings = memory_settings ();
  g_autoptr(LinContext) context = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LinRecord) call = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *profile = lin_vault_test_create_profile (data_dir, "Context");
  g_autofree char *founding = lin_test_server_org_create (server, "SOS (izmišljena)", NULL);
  g_autofree char *fingerprint = NULL;
  LinSync *sync;
  guint64 last;
  guint notified = 0;

  {
    GByteArray *der = NULL;

    g_object_get (server->pinned, "certificate", &der, NULL);
    fingerprint = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
    g_byte_array_unref (der);
  }

  context = lin_context_new (settings, FALSE, &error);
  g_assert_no_error (error);
  g_signal_connect (context, "notify::sync", G_CALLBACK (notify_cb), &notified);
  g_assert_true (lin_context_unlock (context, profile, LIN_VAULT_TEST_PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_null (lin_context_get_sync (context));

  lin_context_enrol_async (context, server->url, fingerprint, founding, "Laptop (test)", NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (lin_context_enrol_finish (context, result, &error));
  g_assert_no_error (error);
  sync = lin_context_get_sync (context);
  g_assert_nonnull (sync);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (lin_sync_is_coordinator (sync));
  g_assert_true (wait_until_synced (sync));

  /* a save is pushed without anyone asking */
  last = lin_sync_get_last_success (sync);
  call = lin_record_new ("call");
  lin_record_set_string (call, "text", "pushed by itself");
  g_assert_true (lin_store_save (lin_context_get_store (context), call, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lin_store_get_n_outbox (lin_context_get_store (context)), ==, 1);
  g_assert_true (wait_until_synced (sync));
  g_assert_cmpint (lin_sync_get_last_success (sync), >, last);

  /* a save while an attempt runs, after its push (here: as it takes in
   * a colleague's notes, between two pages) gets one more attempt after
   * it, not the five-minute timer's */
  {
    LinTestDevice coordinator = { .sync = sync };
    g_autofree char *other_dir = g_build_filename (data_dir, "context-colleague", NULL);
    g_autoptr(LinTestDevice) colleague = NULL;
    g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
    SaveWhileSyncing during = { lin_context_get_store (context), NULL, NULL };
    gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
    gulong handler;

    g_assert_cmpint (g_mkdir_with_parents (other_dir, 0700), ==, 0);
    colleague = lin_test_device_join (server, &coordinator, other_dir, "Context colleague");
    g_assert_true (wait_until_synced (sync));
    /* more than a page: the save comes while the next page is asked for */
    for (guint i = 0; i < 250; i++)
      g_ptr_array_add (notes, save_new (colleague, "note", "the colleague's"));
    lin_test_device_sync_ok (colleague);
    during.trigger = lin_record_get_id_string (notes->pdata[0]);
    handler = g_signal_connect (lin_context_get_store (context), "record-changed",
                                G_CALLBACK (save_while_syncing_cb), &during);

    lin_sync_poke (sync, LIN_SYNC_REASON_USER);
    while (during.saved == NULL && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
    g_signal_handler_disconnect (lin_context_get_store (context), handler);
    g_assert_nonnull (during.saved);
    g_assert_true (wait_until_synced (sync));
    lin_test_device_sync_ok (colleague);
    g_assert_nonnull (lin_store_get (colleague->store, lin_record_get_id_string (during.saved)));
    g_clear_object (&during.saved);
  }

  /* locked: no sync; unlocked again: it is back, and syncs */
  lin_context_lock (context);
  g_assert_null (lin_context_get_sync (context));
  g_assert_true (lin_context_unlock (context, profile, LIN_VAULT_TEST_PASSPHRASE, &error));
  g_assert_no_error (error);
  sync = lin_context_get_sync (context);
  g_assert_nonnull (sync);
  g_assert_true (wait_until_synced (sync));
  lin_context_lock (context);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  server = lin_test_sync_begin ("sync", &data_dir);

  g_test_add_func ("/sync/converge", test_converge);
  g_test_add_func ("/sync/delete", test_delete);
  g_test_add_func ("/sync/rekey", test_rekey);
  g_test_add_func ("/sync/forged", test_forged);
  g_test_add_func ("/sync/revoke", test_revoke);
  g_test_add_func ("/sync/revoke-on-server", test_revoke_on_server);
  g_test_add_func ("/sync/pull-between-pages", test_pull_between_pages);
  g_test_add_func ("/sync/hostile-pages", test_hostile_pages);
  g_test_add_func ("/sync/collisions", test_collisions);
  g_test_add_func ("/sync/context", test_context);

  ret = g_test_run ();

  lin_test_sync_end (server, data_dir);

  return ret;
}
