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
 * and what is saved after it is sealed with a key it never gets.
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include <sodium.h>
#include <string.h>

#include "lin-context.h"
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
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint32 epoch = lin_store_get_key_epoch (a->store);

  lin_test_device_sync_ok (c);
  sync_all (all, 2, 1);

  lin_sync_revoke_async (a->sync, lin_record_get_string (lin_sync_get_account (c->sync),
                                                         LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID),
                         NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (lin_sync_revoke_finish (a->sync, result, &error));
  g_assert_no_error (error);
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
  g_test_add_func ("/sync/context", test_context);

  ret = g_test_run ();

  lin_test_sync_end (server, data_dir);

  return ret;
}
