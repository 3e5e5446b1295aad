/* test-sync-enrol.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Devices joining an organisation on the real linija-server (127.0.0.1,
 * its self-signed certificate pinned by fingerprint), from real profiles:
 * a coordinator founds it and keeps its key; a member joins with an
 * invite, pending, pinned to the same organisation key; a code that is
 * not one, an invite whose pin is not the organisation's, and a server
 * whose certificate is not the pinned one are refused and nothing is
 * kept. The account never syncs (no outbox row) and its token is nowhere
 * in the profile's files in plain. The coordinator approves a pending
 * device after comparing safety numbers: the device takes its keys only
 * from a certificate the pinned organisation key signed for it, and
 * refuses one signed by another key or made for another device.
 */

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "lin-server-test-utils.h"
#include "lin-sync-approve.h"
#include "lin-sync-enrol.h"
#include "lin-vault-test-utils.h"

static LinTestServer *server;
static char *data_dir;
static char *fingerprint;

typedef struct
{
  char          *profile;
  LinVault      *vault;
  LinStore      *store;
  LinDeviceKeys *keys;
} Device;

static void
device_open (Device     *device,
             const char *name)
{
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
  device->keys = lin_device_keys_derive (device->vault, &error);
  g_assert_no_error (error);
}

static void
device_close (Device *device)
{
  lin_store_close (device->store);
  g_clear_object (&device->store);
  g_clear_object (&device->vault);
  g_clear_pointer (&device->keys, lin_device_keys_free);
  g_clear_pointer (&device->profile, g_free);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

/* Enrols and waits; returns the account or NULL with @error set */
static LinRecord *
enrol (Device      *device,
       const char  *with_fingerprint,
       const char  *code,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  lin_sync_enrol_async (device->store, device->keys, server->url, with_fingerprint, code, "Laptop (test)", NULL,
                        done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return lin_sync_enrol_finish (result, error);
}

static char *
cli_line (guint        line,
          const char  *first,
          ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_assert_cmpint (lin_test_server_cli_v (&out, NULL, (const char * const *)args->pdata), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, line);

  return g_strdup (lines[line]);
}

/* `org create`: the organisation's id and its founding code */
static void
org_create (const char  *name,
            char       **org_id,
            char       **founding)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *args[] = { "org", "create", server->dir, "--name", name, NULL };

  g_assert_cmpint (lin_test_server_cli_v (&out, NULL, args), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 2);
  *org_id = g_strdup (lines[0]);
  *founding = g_strdup (lines[1]);
}

static void
assert_not_in_files (Device     *device,
                     const char *secret)
{
  g_autoptr(GString) where = g_string_new (NULL);

  g_assert_cmpuint (lin_vault_test_count_in_tree (device->profile, (const guint8 *)secret, strlen (secret), where),
                    ==, 0);
}

static void
test_found_and_join (void)
{
  Device coordinator = { NULL, }, member = { NULL, };
  g_autofree char *org_id = NULL;
  g_autofree char *founding = NULL;
  g_autofree char *org_id_2 = NULL;
  g_autofree char *invite = NULL;
  g_autofree char *devices = NULL;
  g_autoptr(LinRecord) account = NULL;
  g_autoptr(LinRecord) joined = NULL;
  g_autoptr(GError) error = NULL;

  org_create ("SOS (izmišljena)", &org_id, &founding);
  device_open (&coordinator, "Coordinator");
  device_open (&member, "Member");

  /* the coordinator founds the second organisation with its code */
  account = enrol (&coordinator, fingerprint, founding, &error);
  g_assert_no_error (error);
  org_id_2 = g_strdup (lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_ORG_ID));
  g_assert_cmpstr (org_id_2, ==, org_id);
  g_assert_cmpstr (lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_ROLE), ==, "coordinator");
  g_assert_cmpstr (lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_STATE), ==, "approved");
  g_assert_nonnull (lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_ORG_SECRET));
  g_assert_true (lin_record_get_local (account));
  g_assert_true (lin_sync_find_account (coordinator.store) != NULL);
  g_assert_cmpstr (lin_record_get_string (lin_sync_find_account (coordinator.store), LIN_SYNC_ACCOUNT_FIELD_TOKEN),
                   ==, lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_TOKEN));
  /* local: nothing to push */
  g_assert_cmpuint (lin_store_get_n_outbox (coordinator.store), ==, 0);
  assert_not_in_files (&coordinator, lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_TOKEN));
  assert_not_in_files (&coordinator, lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_ORG_SECRET));

  /* a founding code is used up */
  g_assert_null (enrol (&member, fingerprint, founding, &error));
  g_assert_error (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_BAD_CODE);
  g_clear_error (&error);
  g_assert_null (lin_sync_find_account (member.store));

  /* a member joins with an invite: pending, pinned to the same key */
  invite = cli_line (0, "invite", server->dir, "--org", org_id_2, NULL);
  joined = enrol (&member, fingerprint, invite, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lin_record_get_string (joined, LIN_SYNC_ACCOUNT_FIELD_ORG_ID), ==, org_id_2);
  g_assert_cmpstr (lin_record_get_string (joined, LIN_SYNC_ACCOUNT_FIELD_ORG_KEY), ==,
                   lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_ORG_KEY));
  g_assert_cmpstr (lin_record_get_string (joined, LIN_SYNC_ACCOUNT_FIELD_ROLE), ==, "member");
  g_assert_cmpstr (lin_record_get_string (joined, LIN_SYNC_ACCOUNT_FIELD_STATE), ==, "pending");
  g_assert_null (lin_record_get_string (joined, LIN_SYNC_ACCOUNT_FIELD_ORG_SECRET));

  /* the server lists both, the member pending */
  {
    g_autofree char *out = NULL;
    const char *args[] = { "devices", server->dir, "--org", org_id_2, NULL };

    g_assert_cmpint (lin_test_server_cli_v (&out, NULL, args), ==, 0);
    devices = g_steal_pointer (&out);
  }
  g_assert_nonnull (strstr (devices, lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID)));
  g_assert_nonnull (strstr (devices, lin_record_get_string (joined, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID)));

  device_close (&coordinator);
  device_close (&member);
}

static void
test_refused (void)
{
  Device device = { NULL, };
  g_autofree char *invite = NULL;
  g_autofree char *other_invite = NULL;
  g_autofree char *wrong_pin = NULL;
  g_autoptr(LinRecord) account = NULL;
  g_autoptr(GError) error = NULL;

  device_open (&device, "Refused");

  /* not a code at all */
  g_assert_null (enrol (&device, fingerprint, "hello, world", &error));
  g_assert_error (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_BAD_CODE);
  g_clear_error (&error);

  /* an invite of org A with org B's pin: refused, the code not used up.
   * (Organisations not yet founded have no key and no invites: found them
   * through the test helpers first.) */
  {
    LinTestOrg a = { NULL, }, b = { NULL, };

    lin_test_org_found (server, "A (izmišljena)", &a);
    lin_test_org_found (server, "B (izmišljena)", &b);
    invite = lin_test_org_invite (server, &a);
    other_invite = lin_test_org_invite (server, &b);
    wrong_pin = g_strdup_printf ("%.19s%s", invite, other_invite + 19);
    g_assert_null (enrol (&device, fingerprint, wrong_pin, &error));
    g_assert_error (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_BAD_CODE);
    g_clear_error (&error);

    /* a server whose certificate is not the one pinned: nothing sent */
    g_assert_null (enrol (&device, "00112233", invite, &error));
    g_assert_error (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_NETWORK);
    g_clear_error (&error);
    g_assert_null (enrol (&device, NULL, invite, &error));
    g_assert_error (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_NETWORK);
    g_clear_error (&error);
    g_assert_null (lin_sync_find_account (device.store));

    /* the right one, with the same invite: it was not used up */
    account = enrol (&device, fingerprint, invite, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_ORG_ID), ==, a.org_id);
    g_assert_cmpstr (lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_ORG_KEY), ==, a.org_key);

    lin_test_org_clear (&a);
    lin_test_org_clear (&b);
  }
  device_close (&device);
}

static void
request_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

/* An authenticated request through the client; waits */
static JsonObject *
request (LinRecord  *account,
         const char *method,
         const char *path,
         JsonNode   *body,
         guint       expected)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *answer;
  guint status = 0;

  lin_sync_request_async (account, method, path, body, NULL, request_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  answer = lin_sync_request_finish (result, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, expected);

  return answer;
}

static JsonNode *
approval (const char *certificate,
          const char *sealed)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "certificate", certificate);
  json_object_set_string_member (object, "sealed_keys", sealed);
  json_node_take_object (node, object);

  return node;
}

static void
test_approve (void)
{
  Device coordinator = { NULL, }, member = { NULL, };
  g_autofree char *org_id = NULL;
  g_autofree char *founding = NULL;
  g_autofree char *invite = NULL;
  g_autofree char *path = NULL;
  g_autofree char *listed_number = NULL;
  g_autofree char *own_number = NULL;
  g_autofree char *certificate = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *for_another = NULL;
  g_autofree char *sealed = NULL;
  g_autofree char *sign_key = NULL;
  g_autofree char *box_key = NULL;
  g_autoptr(LinRecord) boss = NULL;
  g_autoptr(LinRecord) joined = NULL;
  g_autoptr(JsonObject) pending = NULL;
  g_autoptr(JsonObject) approved = NULL;
  g_autoptr(JsonObject) device_state = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GPtrArray) opened = NULL;
  g_autoptr(GArray) epochs = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *listed = NULL;
  LinKey *keys[2] = { lin_key_new_random (), lin_key_new_random () };
  guint32 numbers[2] = { 1, 2 };
  guint8 sign[LIN_SIGN_PUBLIC_BYTES], box[LIN_BOX_PUBLIC_BYTES];
  gsize len;

  org_create ("Peta (izmišljena)", &org_id, &founding);
  device_open (&coordinator, "Approver");
  device_open (&member, "Approved");
  boss = enrol (&coordinator, fingerprint, founding, &error);
  g_assert_no_error (error);
  invite = cli_line (0, "invite", server->dir, "--org", org_id, NULL);
  joined = enrol (&member, fingerprint, invite, &error);
  g_assert_no_error (error);

  /* pending: nothing to fetch yet */
  device_state = request (joined, "GET", "/v1/device", NULL, 200);
  g_assert_cmpstr (json_object_get_string_member (device_state, "state"), ==, "pending");
  g_clear_pointer (&device_state, json_object_unref);

  /* the coordinator's list: the member, whose safety number is the one
   * her own laptop shows */
  pending = request (boss, "GET", "/v1/devices?state=pending", NULL, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (pending, "devices")), ==, 1);
  listed = json_array_get_object_element (json_object_get_array_member (pending, "devices"), 0);
  g_assert_cmpstr (json_object_get_string_member (listed, "device_id"), ==,
                   lin_record_get_string (joined, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID));
  sign_key = g_strdup (json_object_get_string_member (listed, "sign_key"));
  box_key = g_strdup (json_object_get_string_member (listed, "box_key"));
  {
    g_autofree guchar *s = g_base64_decode (sign_key, &len);

    g_assert_cmpuint (len, ==, sizeof sign);
    memcpy (sign, s, len);
  }
  {
    g_autofree guchar *b = g_base64_decode (box_key, &len);

    g_assert_cmpuint (len, ==, sizeof box);
    memcpy (box, b, len);
  }
  listed_number = lin_safety_number (org_id, sign, box);
  own_number = lin_safety_number (org_id, lin_device_keys_get_sign_public (member.keys),
                                  lin_device_keys_get_box_public (member.keys));
  g_assert_cmpstr (listed_number, ==, own_number);

  /* she approves: a certificate and the keys sealed to the device */
  certificate = lin_sync_certificate_new (lin_record_get_string (boss, LIN_SYNC_ACCOUNT_FIELD_ORG_SECRET), org_id,
                                          json_object_get_string_member (listed, "device_id"), sign_key, box_key,
                                          "member", &error);
  g_assert_no_error (error);
  sealed = lin_sync_seal_keys (numbers, keys, 2, box_key, &error);
  g_assert_no_error (error);
  path = g_strdup_printf ("/v1/devices/%s/approve", json_object_get_string_member (listed, "device_id"));
  body = approval (certificate, sealed);
  approved = request (boss, "POST", path, body, 200);

  /* the device checks the certificate against the pinned key, then opens
   * its keys */
  device_state = request (joined, "GET", "/v1/device", NULL, 200);
  g_assert_cmpstr (json_object_get_string_member (device_state, "state"), ==, "approved");
  g_assert_true (lin_sync_certificate_check (json_object_get_string_member (device_state, "certificate"),
                                             lin_record_get_string (joined, LIN_SYNC_ACCOUNT_FIELD_ORG_KEY),
                                             org_id, lin_record_get_string (joined, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID),
                                             sign_key, box_key, &error));
  g_assert_no_error (error);
  opened = lin_sync_open_keys (member.keys, json_object_get_string_member (device_state, "sealed_keys"), &epochs,
                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (opened->len, ==, 2);
  g_assert_cmpuint (g_array_index (epochs, guint32, 1), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpmem (lin_key_read (opened->pdata[i]), LIN_KEY_BYTES, lin_key_read (keys[i]), LIN_KEY_BYTES);
      lin_key_close (opened->pdata[i]);
      lin_key_close (keys[i]);
    }
  /* the coordinator's own keys cannot open them */
  g_clear_pointer (&opened, g_ptr_array_unref);
  g_clear_pointer (&epochs, g_array_unref);
  g_assert_null (lin_sync_open_keys (coordinator.keys, json_object_get_string_member (device_state, "sealed_keys"),
                                     &epochs, &error));
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_TAMPERED);
  g_clear_error (&error);

  /* a certificate signed by another key (a server's own), or signed by
   * the organisation for another device: refused */
  {
    guint8 public[crypto_sign_PUBLICKEYBYTES], secret[crypto_sign_SECRETKEYBYTES];
    g_autofree char *other_secret = NULL;

    crypto_sign_keypair (public, secret);
    other_secret = g_base64_encode (secret, sizeof secret);
    sodium_memzero (secret, sizeof secret);
    forged = lin_sync_certificate_new (other_secret, org_id, lin_record_get_string (joined, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID),
                                       sign_key, box_key, "member", &error);
    g_assert_no_error (error);
  }
  g_assert_false (lin_sync_certificate_check (forged, lin_record_get_string (joined, LIN_SYNC_ACCOUNT_FIELD_ORG_KEY),
                                              org_id, lin_record_get_string (joined, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID),
                                              sign_key, box_key, &error));
  g_assert_error (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_WRONG_ORG);
  g_clear_error (&error);
  for_another = lin_sync_certificate_new (lin_record_get_string (boss, LIN_SYNC_ACCOUNT_FIELD_ORG_SECRET), org_id,
                                          lin_record_get_string (boss, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID), sign_key,
                                          box_key, "member", &error);
  g_assert_false (lin_sync_certificate_check (for_another, lin_record_get_string (joined, LIN_SYNC_ACCOUNT_FIELD_ORG_KEY),
                                              org_id, lin_record_get_string (joined, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID),
                                              sign_key, box_key, &error));
  g_assert_error (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_WRONG_ORG);
  g_clear_error (&error);
  g_assert_false (lin_sync_certificate_check ("bm90IGpzb24=", lin_record_get_string (joined, LIN_SYNC_ACCOUNT_FIELD_ORG_KEY),
                                              org_id, lin_record_get_string (joined, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID),
                                              sign_key, box_key, &error));
  g_clear_error (&error);

  /* a member cannot list or approve */
  g_clear_pointer (&pending, json_object_unref);
  pending = request (joined, "GET", "/v1/devices?state=pending", NULL, 403);

  lin_key_free (keys[0]);
  lin_key_free (keys[1]);
  device_close (&coordinator);
  device_close (&member);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  lin_vault_test_init ();
  data_dir = lin_vault_test_make_tmp ("sync-enrol");
  server = lin_test_server_new ();
  lin_test_server_run (server);
  {
    g_autoptr(GByteArray) der = NULL;

    g_object_get (server->pinned, "certificate", &der, NULL);
    fingerprint = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
  }

  g_test_add_func ("/sync-enrol/found-and-join", test_found_and_join);
  g_test_add_func ("/sync-enrol/refused", test_refused);
  g_test_add_func ("/sync-enrol/approve", test_approve);

  ret = g_test_run ();

  g_assert_cmpint (lin_test_server_stop (server), ==, 0);
  lin_test_server_free (server);
  lin_vault_test_rm_rf (data_dir);
  g_free (data_dir);
  g_free (fingerprint);

  return ret;
}
