/* lin-sync-test-utils.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Laptops of one organisation, each a real profile with its own store,
 * syncing through the real linija-server (LinTestServer) on 127.0.0.1.
 */

#include "config.h"

#include <string.h>

#include "lin-sync-test-utils.h"

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

LinTestDevice *
lin_test_device_new (const char *data_dir,
                     const char *name)
{
  LinTestDevice *device = g_new0 (LinTestDevice, 1);
  g_autofree char *header = NULL;
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;

  device->profile = lin_vault_test_create_profile (data_dir, name);
  header = g_build_filename (device->profile, "vault.hdr", NULL);
  db = g_build_filename (device->profile, "store.db", NULL);
  device->vault = lin_vault_unlock (header, LIN_VAULT_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  device->store = lin_store_open (device->vault, db, FALSE, &error);
  g_assert_no_error (error);

  return device;
}

void
lin_test_device_free (LinTestDevice *device)
{
  if (device == NULL)
    return;

  if (device->sync != NULL)
    lin_sync_stop (device->sync);
  g_clear_object (&device->sync);
  lin_store_close (device->store);
  g_clear_object (&device->store);
  g_clear_object (&device->vault);
  g_free (device->profile);
  g_free (device);
}

/* `org create`: the founding code, and the organisation's id */
char *
lin_test_server_org_create (LinTestServer  *server,
                            const char     *name,
                            char          **org_id)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *args[] = { "org", "create", server->dir, "--name", name, NULL };

  g_assert_cmpint (lin_test_server_cli_v (&out, NULL, args), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  if (org_id != NULL)
    *org_id = g_strdup (lines[0]);

  return g_strdup (lines[1]);
}

static char *
fingerprint_of (LinTestServer *server)
{
  GByteArray *der = NULL;
  g_autofree char *hex = NULL;

  g_object_get (server->pinned, "certificate", &der, NULL);
  hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
  g_byte_array_unref (der);

  return g_steal_pointer (&hex);
}

static void
enrol (LinTestServer *server,
       LinTestDevice *device,
       const char    *code)
{
  g_autoptr(LinDeviceKeys) keys = NULL;
  g_autoptr(LinRecord) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = fingerprint_of (server);

  keys = lin_device_keys_derive (device->vault, &error);
  g_assert_no_error (error);
  lin_sync_enrol_async (device->store, keys, server->url, fingerprint, code, "Laptop (test)", NULL, done_cb,
                        &result);
  account = lin_sync_enrol_finish (wait_for (&result), &error);
  g_assert_no_error (error);

  if (g_strcmp0 (lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_ROLE), "coordinator") == 0)
    {
      lin_store_set_joined (device->store, &error);
      g_assert_no_error (error);
    }

  device->sync = lin_sync_new (device->store, g_steal_pointer (&keys), account);
}

/* The coordinator's laptop: founds the organisation and certifies itself */
LinTestDevice *
lin_test_device_found (LinTestServer *server,
                       const char    *data_dir,
                       const char    *name)
{
  g_autofree char *founding = lin_test_server_org_create (server, "SOS (izmišljena)", NULL);
  LinTestDevice *device = lin_test_device_new (data_dir, name);

  enrol (server, device, founding);
  lin_test_device_sync_ok (device);

  return device;
}

/* A counsellor's laptop: joins with an invite, is approved by
 * @coordinator after comparing safety numbers, and takes its keys */
void
lin_test_device_enrol_member (LinTestServer *server,
                              LinTestDevice *coordinator,
                              LinTestDevice *device)
{
  g_autofree char *own_number = NULL;
  g_autofree char *invite = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GAsyncResult) invited = NULL;
  g_autoptr(GAsyncResult) listed = NULL;
  g_autoptr(GAsyncResult) approved = NULL;
  g_autoptr(GError) error = NULL;
  LinSyncDevice *found = NULL;
  gint64 expires = 0;

  /* the invite from her Linija, as the app asks for it */
  lin_sync_invite_async (coordinator->sync, 24, NULL, done_cb, &invited);
  invite = lin_sync_invite_finish (coordinator->sync, wait_for (&invited), &expires, &error);
  g_assert_no_error (error);
  g_assert_cmpint (expires, >, g_get_real_time () / G_USEC_PER_SEC + 23 * 3600);
  enrol (server, device, invite);

  /* pending: the attempt ends, nothing synced */
  g_assert_cmpint (lin_test_device_sync (device, &error), ==, LIN_SYNC_OUTCOME_DONE);
  g_assert_no_error (error);
  g_assert_cmpint (lin_sync_get_status (device->sync), ==, LIN_SYNC_STATUS_PENDING);

  lin_sync_list_pending_async (coordinator->sync, NULL, done_cb, &listed);
  pending = lin_sync_list_pending_finish (coordinator->sync, wait_for (&listed), &error);
  g_assert_no_error (error);
  own_number = lin_sync_dup_safety_number (device->sync);
  for (guint i = 0; i < pending->len; i++)
    if (g_strcmp0 (((LinSyncDevice *)pending->pdata[i])->safety_number, own_number) == 0)
      found = pending->pdata[i];
  g_assert_nonnull (found);

  lin_sync_approve_async (coordinator->sync, found, NULL, done_cb, &approved);
  g_assert_true (lin_sync_approve_finish (coordinator->sync, wait_for (&approved), &error));
  g_assert_no_error (error);

  lin_test_device_sync_ok (device);
  g_assert_cmpint (lin_sync_get_status (device->sync), !=, LIN_SYNC_STATUS_PENDING);
}

LinTestDevice *
lin_test_device_join (LinTestServer *server,
                      LinTestDevice *coordinator,
                      const char    *data_dir,
                      const char    *name)
{
  LinTestDevice *device = lin_test_device_new (data_dir, name);

  lin_test_device_enrol_member (server, coordinator, device);

  return device;
}

/* Talks to @url (a proxy) instead, pinning @fingerprint */
void
lin_test_device_point_at (LinTestDevice *device,
                          const char    *url,
                          const char    *fingerprint)
{
  LinRecord *account = lin_sync_get_account (device->sync);
  g_autoptr(GError) error = NULL;

  lin_record_set_string (account, LIN_SYNC_ACCOUNT_FIELD_SERVER, url);
  lin_record_set_string (account, LIN_SYNC_ACCOUNT_FIELD_FINGERPRINT, fingerprint);
  lin_store_save (device->store, account, &error);
  g_assert_no_error (error);
}

LinSyncOutcome
lin_test_device_sync (LinTestDevice  *device,
                      GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lin_sync_run_async (device->sync, NULL, done_cb, &result);

  return lin_sync_run_finish (device->sync, wait_for (&result), error);
}

void
lin_test_device_sync_ok (LinTestDevice *device)
{
  g_autoptr(GError) error = NULL;
  LinSyncOutcome outcome = lin_test_device_sync (device, &error);

  g_assert_no_error (error);
  g_assert_cmpint (lin_sync_get_problem (device->sync), ==, LIN_SYNC_PROBLEM_NONE);
  g_assert_cmpint (outcome, ==, LIN_SYNC_OUTCOME_DONE);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The same fields in the order of their names: a merge may add them in
 * another order */
static JsonNode *
canonical (JsonObject *fields)
{
  g_autoptr(JsonObject) sorted = json_object_new ();
  g_autoptr(GList) names = g_list_sort (json_object_get_members (fields), (GCompareFunc)strcmp);

  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (sorted, l->data, json_node_copy (json_object_get_member (fields, l->data)));

  return json_node_init_object (json_node_alloc (), sorted);
}

/* Every record shared with the organisation (not the local ones), by id:
 * kind and fields, in a canonical text */
char *
lin_test_device_snapshot (LinTestDevice *device)
{
  g_autoptr(GPtrArray) records = lin_store_list (device->store, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < records->len; i++)
    {
      LinRecord *record = records->pdata[i];
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *fields = NULL;

      if (lin_record_get_local (record))
        continue;
      node = canonical (lin_record_get_fields (record));
      json_generator_set_root (generator, node);
      fields = json_generator_to_data (generator, NULL);
      g_ptr_array_add (lines, g_strdup_printf ("%s %s %s", lin_record_get_id_string (record),
                                               lin_record_get_kind (record), fields));
    }

  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    {
      g_string_append (out, lines->pdata[i]);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

void
lin_test_assert_converged (LinTestDevice **devices,
                           guint           n)
{
  g_autofree char *first = lin_test_device_snapshot (devices[0]);

  for (guint i = 1; i < n; i++)
    {
      g_autofree char *other = lin_test_device_snapshot (devices[i]);

      g_assert_cmpstr (other, ==, first);
    }
}

/* A test's server on 127.0.0.1 and a folder for its laptops' profiles */
LinTestServer *
lin_test_sync_begin (const char  *what,
                     char       **data_dir)
{
  LinTestServer *server;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  lin_vault_test_init ();
  *data_dir = lin_vault_test_make_tmp (what);
  server = lin_test_server_new ();
  lin_test_server_run (server);

  return server;
}

void
lin_test_sync_end (LinTestServer *server,
                   char          *data_dir)
{
  g_assert_cmpint (lin_test_server_stop (server), ==, 0);
  lin_test_server_free (server);
  lin_vault_test_rm_rf (data_dir);
  g_free (data_dir);
}
