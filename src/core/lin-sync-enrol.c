/* lin-sync-enrol.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A device joins the organisation (src/server/PROTOCOL.md, "POST
 * /v1/enrol"). With a founding code it founds it: it makes the
 * organisation's signing key pair here, sends the public half and keeps
 * the secret half in the encrypted store, so that it never leaves the
 * coordinator's laptop unencrypted. With an invite code it joins as a
 * pending member, and first checks that the organisation key the server
 * returned has the pin the code carries: a server that hands out another
 * key is caught before anything is kept (LIN_SYNC_ERROR_WRONG_ORG).
 *
 * Either way the device sends its own public keys (lin-device-keys.c) and
 * keeps what it learnt as a local record ("sync-account"): the server's
 * address and pinned certificate, the organisation's id and key, its
 * device id and bearer token. A local record is encrypted like every
 * record and never syncs.
 *
 * A self-signed server is reached only when its certificate's SHA-256 is
 * the fingerprint `linija-server init` printed; without a fingerprint the
 * system's certificate authorities decide.
 */

#define G_LOG_DOMAIN "lin-sync"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <sodium.h>
#include <string.h>

#include "lin-sync-code.h"
#include "lin-sync-enrol.h"
#include "lin-sync-private.h"

G_DEFINE_QUARK (lin-sync-error-quark, lin_sync_error)

typedef struct
{
  LinStore *store;
  char     *server;
  char     *fingerprint;
  char     *code;
  char     *org_key;      /* founding: the one made here */
  char     *org_secret;   /* founding: base64 of its secret half, wiped */
  gboolean  founding;
} Enrol;

static void
enrol_free (Enrol *enrol)
{
  g_clear_object (&enrol->store);
  g_free (enrol->server);
  g_free (enrol->fingerprint);
  g_free (enrol->code);
  g_free (enrol->org_key);
  if (enrol->org_secret != NULL)
    sodium_memzero (enrol->org_secret, strlen (enrol->org_secret));
  g_free (enrol->org_secret);
  g_free (enrol);
}

/* The fingerprint as init prints it, or with colons, in either case */
static char *
normalise_fingerprint (const char *fingerprint)
{
  GString *hex = g_string_new (NULL);

  for (const char *p = fingerprint; *p != '\0'; p++)
    if (g_ascii_isxdigit (*p))
      g_string_append_c (hex, g_ascii_tolower (*p));

  return g_string_free (hex, FALSE);
}

static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       const char           *fingerprint)
{
  g_autoptr(GByteArray) der = NULL;
  g_autofree char *hash = NULL;

  if (fingerprint == NULL)
    return FALSE;

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return FALSE;
  hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);

  return g_str_equal (hash, fingerprint);
}

/**
 * lin_sync_message_pin:
 * @msg: a request to the organisation's server
 * @fingerprint: (nullable): the SHA-256 of its certificate, any case,
 *   colons or not; %NULL: the system's authorities decide
 *
 * Accepts a certificate the system does not trust only when it is the
 * pinned one.
 */
void
lin_sync_message_pin (SoupMessage *msg,
                      const char  *fingerprint)
{
  g_signal_connect_data (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb),
                         fingerprint != NULL ? normalise_fingerprint (fingerprint) : NULL,
                         (GClosureNotify)(void (*) (void))g_free, 0);
}

static char *
base64 (const guint8 *bytes,
        gsize         len)
{
  return g_base64_encode (bytes, len);
}

/* A founding code: the organisation's key pair, made here */
static void
make_org_key (Enrol *enrol)
{
  guint8 public[crypto_sign_PUBLICKEYBYTES];
  guint8 *secret = sodium_malloc (crypto_sign_SECRETKEYBYTES);

  if (secret == NULL)
    g_error ("Out of locked memory for the organisation's key");
  crypto_sign_keypair (public, secret);
  enrol->org_key = base64 (public, sizeof public);
  enrol->org_secret = base64 (secret, crypto_sign_SECRETKEYBYTES);
  sodium_free (secret);
}

static GBytes *
request_body (Enrol         *enrol,
              LinDeviceKeys *keys,
              const char    *name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *sign_key = base64 (lin_device_keys_get_sign_public (keys), LIN_SIGN_PUBLIC_BYTES);
  g_autofree char *box_key = base64 (lin_device_keys_get_box_public (keys), LIN_BOX_PUBLIC_BYTES);
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, enrol->code);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "sign_key");
  json_builder_add_string_value (builder, sign_key);
  json_builder_set_member_name (builder, "box_key");
  json_builder_add_string_value (builder, box_key);
  if (enrol->founding)
    {
      json_builder_set_member_name (builder, "org_key");
      json_builder_add_string_value (builder, enrol->org_key);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);

  return g_bytes_new_take (text, strlen (text));
}

static const char *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING ?
         json_node_get_string (node) : NULL;
}

/* What the server answered, as the account it makes, or an error */
static LinRecord *
account_from_answer (Enrol       *enrol,
                     guint        status,
                     GBytes      *body,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *answer = NULL;
  static const char *needed[] = { "org_id", "org_key", "device_id", "token", "role", "state" };
  LinRecord *account;

  if (body != NULL && g_bytes_get_size (body) <= LIN_SYNC_MAX_ANSWER &&
      json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    answer = json_node_get_object (json_parser_get_root (parser));

  if (status == 403 && g_strcmp0 (member (answer, "error"), "bad_code") == 0)
    {
      g_set_error_literal (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_BAD_CODE,
                           "The server does not know this code, or it was used or has expired");
      return NULL;
    }
  if (status != 201 || answer == NULL)
    {
      g_set_error (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The server answered %u", status);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    if (member (answer, needed[i]) == NULL)
      {
        g_set_error (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The server's answer has no %s", needed[i]);
        return NULL;
      }

  /* the key we made, or the one the invite pins */
  if (enrol->founding ? g_strcmp0 (member (answer, "org_key"), enrol->org_key) != 0
                      : !lin_sync_invite_matches (enrol->code, member (answer, "org_key")))
    {
      g_set_error_literal (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_WRONG_ORG,
                           "The server gave another organisation's key than the code names");
      return NULL;
    }

  account = lin_record_new (LIN_SYNC_ACCOUNT_KIND);
  lin_record_set_local (account, TRUE);
  lin_record_set_string (account, LIN_SYNC_ACCOUNT_FIELD_SERVER, enrol->server);
  if (enrol->fingerprint != NULL)
    lin_record_set_string (account, LIN_SYNC_ACCOUNT_FIELD_FINGERPRINT, enrol->fingerprint);
  lin_record_set_string (account, LIN_SYNC_ACCOUNT_FIELD_ORG_ID, member (answer, "org_id"));
  lin_record_set_string (account, LIN_SYNC_ACCOUNT_FIELD_ORG_KEY, member (answer, "org_key"));
  if (enrol->founding)
    lin_record_set_string (account, LIN_SYNC_ACCOUNT_FIELD_ORG_SECRET, enrol->org_secret);
  lin_record_set_string (account, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID, member (answer, "device_id"));
  lin_record_set_string (account, LIN_SYNC_ACCOUNT_FIELD_TOKEN, member (answer, "token"));
  lin_record_set_string (account, LIN_SYNC_ACCOUNT_FIELD_ROLE, member (answer, "role"));
  lin_record_set_string (account, LIN_SYNC_ACCOUNT_FIELD_STATE, member (answer, "state"));

  return account;
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
  Enrol *enrol = g_task_get_task_data (task);
  SoupMessage *msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(LinRecord) account = NULL;
  g_autoptr(GError) error = NULL;

  body = lin_sync_read_finish (result, &msg, &error);
  if (body == NULL)
    {
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_NETWORK, "%s", error->message);
      return;
    }

  account = account_from_answer (enrol, soup_message_get_status (msg), body, &error);
  if (account == NULL || !lin_store_save (enrol->store, account, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&account), g_object_unref);
}

/**
 * lin_sync_enrol_async:
 * @store: the open store, where the account is kept
 * @keys: this device's keys
 * @server: the server's address, "https://sync.example.org"
 * @fingerprint: (nullable): the SHA-256 of its certificate, for a server
 *   with a self-signed one; %NULL to let the system's authorities decide
 * @code: a founding or invite code, as typed
 * @name: how the coordinator will see this device ("Laptop 3")
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 */
void
lin_sync_enrol_async (LinStore            *store,
                      LinDeviceKeys       *keys,
                      const char          *server,
                      const char          *fingerprint,
                      const char          *code,
                      const char          *name,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *uri = NULL;
  char digits[2 * LIN_SYNC_CODE_DIGITS];
  gsize n;
  Enrol *enrol;

  g_return_if_fail (LIN_IS_STORE (store));
  g_return_if_fail (keys != NULL && server != NULL && code != NULL && name != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lin_sync_enrol_async);

  n = lin_sync_code_normalise (code, digits, sizeof digits);
  if (n != LIN_SYNC_CODE_DIGITS && n != 2 * LIN_SYNC_CODE_DIGITS)
    {
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_BAD_CODE, "This is not an enrolment code");
      return;
    }

  enrol = g_new0 (Enrol, 1);
  enrol->store = g_object_ref (store);
  enrol->server = g_strdup (server);
  enrol->fingerprint = fingerprint != NULL ? normalise_fingerprint (fingerprint) : NULL;
  enrol->code = g_strndup (digits, n);
  enrol->founding = n == LIN_SYNC_CODE_DIGITS;
  if (enrol->founding)
    make_org_key (enrol);
  g_task_set_task_data (task, enrol, (GDestroyNotify)enrol_free);

  uri = g_strconcat (server, "/v1/enrol", NULL);
  msg = soup_message_new ("POST", uri);
  if (msg == NULL)
    {
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_NETWORK, "“%s” is not a server's address",
                               server);
      return;
    }
  lin_sync_message_pin (msg, enrol->fingerprint);
  body = request_body (enrol, keys, name);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);

  session = soup_session_new ();
  lin_sync_read_async (session, msg, cancellable, sent_cb, g_steal_pointer (&task));
}

/**
 * lin_sync_enrol_finish:
 * @result: the result passed to the callback
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the account kept in the store
 */
LinRecord *
lin_sync_enrol_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * lin_sync_find_account:
 * @store: the open store
 *
 * Returns: (transfer none) (nullable): this device's account (the newest),
 *   or %NULL before it enrolled
 */
LinRecord *
lin_sync_find_account (LinStore *store)
{
  g_autoptr(GPtrArray) accounts = NULL;

  g_return_val_if_fail (LIN_IS_STORE (store), NULL);

  accounts = lin_store_list (store, LIN_SYNC_ACCOUNT_KIND);

  /* the records are the store's own */
  return accounts->len > 0 ? g_ptr_array_index (accounts, accounts->len - 1) : NULL;
}
