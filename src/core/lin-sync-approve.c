/* lin-sync-approve.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A device approved. The coordinator compares the new device's safety
 * number (lin_safety_number()) with the one its owner reads out, then her
 * Linija signs the device's certificate with the organisation's key and
 * seals the collection keys to the device's box key; the server carries
 * both to the device (PROTOCOL.md, "approve" and "GET /v1/device"). The
 * device accepts the keys only once the certificate checks out against the
 * organisation key it pinned at enrolment, names the organisation and
 * itself, and carries its own public keys: a server that made up a
 * certificate, or swapped the keys in one, is refused.
 *
 * A certificate is base64 of {"body": TEXT, "signature": BASE64}: TEXT is
 * the JSON {"v":1,"org","device","sign_key","box_key","role"} exactly as
 * signed (Ed25519), so that no re-serialisation can change what the
 * signature covers. Sealed keys are base64 of {"v":1,"keys":[{"epoch",
 * "sealed"}]}, each key crypto_box_seal()ed to the device.
 *
 * lin_sync_request_async() is the client's authenticated JSON request, on
 * the account's server with its pinned certificate and bearer token.
 */

#define G_LOG_DOMAIN "lin-sync"

#include "config.h"

#include <libsoup/soup.h>
#include <sodium.h>
#include <string.h>

#include "lin-sync-approve.h"
#include "lin-sync-enrol.h"
#include "lin-sync-private.h"

/* base64 of exactly @len bytes into @out, or FALSE */
static gboolean
decode_exact (const char *text,
              guint8     *out,
              gsize       len)
{
  size_t decoded = 0;

  return text != NULL &&
         sodium_base642bin (out, len, text, strlen (text), NULL, &decoded, NULL,
                            sodium_base64_VARIANT_ORIGINAL) == 0 &&
         decoded == len;
}

static JsonObject *
parse_object (const char *text,
              gsize       len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (text == NULL || !json_parser_load_from_data (parser, text, len, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static char *
decode_text (const char *base64,
             gsize      *len)
{
  g_autofree guchar *bytes = NULL;

  if (base64 == NULL)
    return NULL;
  bytes = g_base64_decode (base64, len);
  if (bytes == NULL || *len == 0 || *len > LIN_SYNC_MAX_ANSWER)
    return NULL;

  return g_strndup ((const char *)bytes, *len);
}

/**
 * lin_sync_certificate_new:
 * @org_secret: the organisation's secret signing key, base64
 * @org_id: its id
 * @device_id: the device's id
 * @sign_key: its public signing key, base64
 * @box_key: its public box key, base64
 * @role: "member" or "coordinator"
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the certificate, base64
 */
char *
lin_sync_certificate_new (const char  *org_secret,
                          const char  *org_id,
                          const char  *device_id,
                          const char  *sign_key,
                          const char  *box_key,
                          const char  *role,
                          GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body_node = NULL;
  g_autoptr(JsonObject) outer = json_object_new ();
  g_autoptr(JsonNode) outer_node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *body = NULL;
  g_autofree char *signature_text = NULL;
  g_autofree char *outer_text = NULL;
  guint8 signature[crypto_sign_BYTES];
  guint8 *secret = sodium_malloc (crypto_sign_SECRETKEYBYTES);
  char *certificate;

  if (secret == NULL)
    g_error ("Out of locked memory for the organisation's key");
  if (!decode_exact (org_secret, secret, crypto_sign_SECRETKEYBYTES))
    {
      sodium_free (secret);
      g_set_error_literal (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_WRONG_ORG, "This is not the organisation's key");
      return NULL;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "v");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "org");
  json_builder_add_string_value (builder, org_id);
  json_builder_set_member_name (builder, "device");
  json_builder_add_string_value (builder, device_id);
  json_builder_set_member_name (builder, "sign_key");
  json_builder_add_string_value (builder, sign_key);
  json_builder_set_member_name (builder, "box_key");
  json_builder_add_string_value (builder, box_key);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, role);
  json_builder_end_object (builder);
  body_node = json_builder_get_root (builder);
  body = json_to_string (body_node, FALSE);

  crypto_sign_detached (signature, NULL, (const guint8 *)body, strlen (body), secret);
  sodium_free (secret);
  signature_text = g_base64_encode (signature, sizeof signature);

  json_object_set_string_member (outer, "body", body);
  json_object_set_string_member (outer, "signature", signature_text);
  json_node_set_object (outer_node, outer);
  outer_text = json_to_string (outer_node, FALSE);
  certificate = g_base64_encode ((const guchar *)outer_text, strlen (outer_text));

  return certificate;
}

static gboolean
refuse (GError     **error,
        const char  *why)
{
  g_set_error (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_WRONG_ORG, "The device's certificate is refused: %s", why);

  return FALSE;
}

/**
 * lin_sync_certificate_check:
 * @certificate: a certificate, base64
 * @org_key: the organisation key pinned at enrolment, base64
 * @org_id: the organisation's id
 * @device_id: the device's own id
 * @sign_key: its own public signing key, base64
 * @box_key: its own public box key, base64
 * @error: a location for a #GError
 *
 * Returns: %TRUE when @certificate is signed by @org_key and names this
 *   organisation, this device and its keys
 */
gboolean
lin_sync_certificate_check (const char  *certificate,
                            const char  *org_key,
                            const char  *org_id,
                            const char  *device_id,
                            const char  *sign_key,
                            const char  *box_key,
                            GError     **error)
{
  g_autofree char *outer_text = NULL;
  g_autoptr(JsonObject) outer = NULL;
  g_autoptr(JsonObject) body = NULL;
  guint8 public[crypto_sign_PUBLICKEYBYTES];
  guint8 signature[crypto_sign_BYTES];
  const char *body_text, *fields[][2] = {
    { "org", org_id }, { "device", device_id }, { "sign_key", sign_key }, { "box_key", box_key },
  };
  gsize len = 0;

  outer_text = decode_text (certificate, &len);
  outer = parse_object (outer_text, len);
  if (outer == NULL)
    return refuse (error, "it is not one");
  body_text = json_object_get_string_member_with_default (outer, "body", NULL);
  if (body_text == NULL ||
      !decode_exact (json_object_get_string_member_with_default (outer, "signature", NULL), signature,
                     sizeof signature))
    return refuse (error, "it is not one");
  if (!decode_exact (org_key, public, sizeof public))
    return refuse (error, "the organisation key is not one");
  if (crypto_sign_verify_detached (signature, (const guint8 *)body_text, strlen (body_text), public) != 0)
    return refuse (error, "the organisation did not sign it");

  body = parse_object (body_text, strlen (body_text));
  if (body == NULL || json_object_get_int_member_with_default (body, "v", 0) != 1)
    return refuse (error, "it is of an unknown kind");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (json_object_get_string_member_with_default (body, fields[i][0], NULL), fields[i][1]) != 0)
      return refuse (error, "it is for another device");

  return TRUE;
}

/**
 * lin_sync_seal_keys:
 * @epochs: (array length=n_keys): the keys' epochs
 * @keys: (array length=n_keys): the collection keys
 * @n_keys: how many
 * @box_key: the device's public box key, base64
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the keys sealed to the device, base64
 */
char *
lin_sync_seal_keys (const guint32  *epochs,
                    LinKey        **keys,
                    guint           n_keys,
                    const char     *box_key,
                    GError        **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;
  JsonArray *array = json_array_new ();
  guint8 public[crypto_box_PUBLICKEYBYTES];

  if (!decode_exact (box_key, public, sizeof public))
    {
      json_array_unref (array);
      g_set_error_literal (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The device's box key is not one");
      return NULL;
    }

  for (guint i = 0; i < n_keys; i++)
    {
      g_autoptr(GBytes) sealed = lin_key_seal_to (keys[i], public);
      g_autofree char *sealed_text = g_base64_encode (g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed));
      JsonObject *entry = json_object_new ();

      json_object_set_int_member (entry, "epoch", epochs[i]);
      json_object_set_string_member (entry, "sealed", sealed_text);
      json_array_add_object_element (array, entry);
    }
  json_object_set_int_member (object, "v", 1);
  json_object_set_array_member (object, "keys", array);
  json_node_set_object (node, object);
  text = json_to_string (node, FALSE);

  return g_base64_encode ((const guchar *)text, strlen (text));
}

/**
 * lin_sync_open_keys:
 * @device: this device's keys
 * @sealed: the sealed keys, base64
 * @epochs: (out) (element-type guint32): their epochs
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (element-type LinKey) (nullable): the keys, in
 *   the order of @epochs, or %NULL when any is not for this device
 */
GPtrArray *
lin_sync_open_keys (LinDeviceKeys  *device,
                    const char     *sealed,
                    GArray        **epochs,
                    GError        **error)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify)lin_key_free);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint32));
  JsonArray *array;
  gsize len = 0;

  text = decode_text (sealed, &len);
  object = parse_object (text, len);
  array = object != NULL && json_object_has_member (object, "keys") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "keys")) ?
          json_object_get_array_member (object, "keys") : NULL;
  if (array == NULL || json_object_get_int_member_with_default (object, "v", 0) != 1)
    {
      g_set_error_literal (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The sealed keys are not readable");
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      guint8 bytes[LIN_SEALED_KEY_BYTES];
      g_autoptr(GBytes) blob = NULL;
      LinKey *key;
      gint64 epoch;

      if (entry == NULL ||
          !decode_exact (json_object_get_string_member_with_default (entry, "sealed", NULL), bytes, sizeof bytes) ||
          (epoch = json_object_get_int_member_with_default (entry, "epoch", 0)) <= 0 || epoch > G_MAXUINT32)
        {
          g_set_error_literal (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The sealed keys are not readable");
          return NULL;
        }
      blob = g_bytes_new (bytes, sizeof bytes);
      key = lin_device_keys_open_key (device, blob, error);
      if (key == NULL)
        return NULL;
      g_ptr_array_add (keys, key);
      g_array_append_val (numbers, (guint32) { epoch });
    }

  *epochs = g_steal_pointer (&numbers);

  return g_steal_pointer (&keys);
}

/* The client's request */

typedef struct
{
  JsonObject *answer;
  guint       status;
} Answer;

static void
answer_free (Answer *answer)
{
  g_clear_pointer (&answer->answer, json_object_unref);
  g_free (answer);
}

static void
request_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GTask) task = data;
  SoupMessage *msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  Answer *answer;
  gsize len;

  body = lin_sync_read_finish (result, &msg, &error);
  if (body == NULL)
    {
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_NETWORK, "%s", error->message);
      return;
    }

  answer = g_new0 (Answer, 1);
  answer->status = soup_message_get_status (msg);
  len = g_bytes_get_size (body);
  if (len <= LIN_SYNC_MAX_ANSWER)
    answer->answer = parse_object (g_bytes_get_data (body, NULL), len);
  g_task_return_pointer (task, answer, (GDestroyNotify)answer_free);
}

/**
 * lin_sync_message_new:
 * @account: this device's account
 * @method: "GET" or "POST"
 * @path: "/v1/device", …
 * @body: (nullable): the JSON body
 *
 * Returns: (transfer full) (nullable): a request to the account's server
 *   with its token and pinned certificate, or %NULL when it has none
 */
SoupMessage *
lin_sync_message_new (LinRecord  *account,
                      const char *method,
                      const char *path,
                      GBytes     *body)
{
  g_autofree char *uri = NULL;
  g_autofree char *authorization = NULL;
  const char *server = lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_SERVER);
  const char *token = lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_TOKEN);
  SoupMessage *msg;

  uri = g_strconcat (server != NULL ? server : "", path, NULL);
  msg = server != NULL && token != NULL ? soup_message_new (method, uri) : NULL;
  if (msg == NULL)
    return NULL;

  lin_sync_message_pin (msg, lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_FINGERPRINT));
  authorization = g_strconcat ("Bearer ", token, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  sodium_memzero (authorization, strlen (authorization));
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", body);

  return msg;
}

/**
 * lin_sync_request_async:
 * @account: this device's account (lin_sync_find_account())
 * @method: "GET" or "POST"
 * @path: "/v1/device", …
 * @body: (nullable): the JSON body
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 */
void
lin_sync_request_async (LinRecord           *account,
                        const char          *method,
                        const char          *path,
                        JsonNode            *body,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_task_set_source_tag (task, lin_sync_request_async);
  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);

      bytes = g_bytes_new_take (text, strlen (text));
    }
  msg = lin_sync_message_new (account, method, path, bytes);
  if (msg == NULL)
    {
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_NETWORK, "The account has no server");
      return;
    }

  lin_sync_read_async (session, msg, cancellable, request_done_cb, g_steal_pointer (&task));
}

/**
 * lin_sync_request_finish:
 * @result: the result passed to the callback
 * @status: (out): the HTTP status
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the answer's JSON object (%NULL
 *   when it had none), or %NULL with @error set when nothing came back
 */
JsonObject *
lin_sync_request_finish (GAsyncResult  *result,
                         guint         *status,
                         GError       **error)
{
  Answer *answer = g_task_propagate_pointer (G_TASK (result), error);
  JsonObject *object;

  *status = answer != NULL ? answer->status : 0;
  if (answer == NULL)
    return NULL;
  object = g_steal_pointer (&answer->answer);
  answer_free (answer);

  return object;
}
