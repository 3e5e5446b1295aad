/* lin-server.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The organisation's server over HTTPS: a SoupServer whose handlers read
 * JSON requests (src/server/PROTOCOL.md) and answer from LinServerDb.
 *
 * Nothing a client sends is trusted: a body's size is checked from its
 * headers before it is read (413), its JSON for UTF-8 and nesting before
 * it is parsed (json-glib's parser recurses), every member for its type
 * and length (400 with a reason). Every request but enrolment carries a
 * device's bearer token; a device reaches only its own organisation's
 * collections. The log names method, path and status: never a body, a
 * token, or the client's address (a volunteer's home).
 *
 * Handlers run on the main loop and use SQLite synchronously: a pull page
 * is about half a millisecond of work, a push page of 200 operations a
 * few (most of it the fsync that makes "applied" true), enough for the few
 * dozen laptops of one organisation.
 */

#define G_LOG_DOMAIN "lin-server"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "lin-server.h"
#include "lin-server-private.h"

struct _LinServer
{
  GObject      parent_instance;

  /* Owned */
  SoupServer  *soup;
  LinServerDb *db;
};

G_DEFINE_FINAL_TYPE (LinServer, lin_server, G_TYPE_OBJECT)

/* The first path segments after /v1 */
#define MAX_SEGMENTS 7

void
lin_server_reply_json (SoupServerMessage *msg,
                       guint              status,
                       JsonBuilder       *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  gsize len = 0;
  char *text = json_to_string (root, FALSE);

  len = strlen (text);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, len);
}

void
lin_server_reply_error (SoupServerMessage *msg,
                        guint              status,
                        const char        *error,
                        const char        *reason)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, error);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, reason);
  json_builder_end_object (builder);

  if (status == SOUP_STATUS_UNAUTHORIZED)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "WWW-Authenticate", "Bearer realm=\"linija\"");

  lin_server_reply_json (msg, status, builder);
}

/* How deep the JSON nests, strings skipped; json-glib's parser recurses */
static gboolean
depth_ok (const char *text,
          gsize       len)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > LIN_SERVER_MAX_DEPTH)
            return FALSE;
        }
      else if (c == ']' || c == '}')
        depth--;
    }

  return TRUE;
}

/**
 * lin_server_read_body:
 * @msg: a request
 *
 * Returns: (transfer full) (nullable): the body's JSON object, or %NULL
 *   after answering 400
 */
JsonObject *
lin_server_read_body (SoupServerMessage *msg)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageBody *request = soup_server_message_get_request_body (msg);
  JsonNode *root;
  const char *data;
  gsize len = 0;

  body = soup_message_body_flatten (request);
  data = g_bytes_get_data (body, &len);

  if (len == 0 || data == NULL)
    return lin_server_reply_error (msg, 400, "bad_request", "The request has no body"), NULL;
  if (len > LIN_SERVER_MAX_BODY)
    return lin_server_reply_error (msg, 413, "too_large", "The request body is too large"), NULL;
  if (!g_utf8_validate_len (data, len, NULL))
    return lin_server_reply_error (msg, 400, "bad_request", "The body is not UTF-8"), NULL;
  if (!depth_ok (data, len))
    return lin_server_reply_error (msg, 400, "bad_request", "The JSON nests too deeply"), NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, &error))
    return lin_server_reply_error (msg, 400, "bad_request", "The body is not valid JSON"), NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return lin_server_reply_error (msg, 400, "bad_request", "The body is not a JSON object"), NULL;

  return json_object_ref (json_node_get_object (root));
}

/**
 * lin_server_get_string:
 * @msg: the request, to answer 400 on
 * @object: its body
 * @member: a member's name
 * @max_len: its longest value, in bytes
 * @optional: whether it may be missing (or null)
 *
 * Returns: (nullable): the member's non-empty string, or %NULL: when it
 *   is optional and missing, or after answering 400
 */
const char *
lin_server_get_string (SoupServerMessage *msg,
                       JsonObject        *object,
                       const char        *member,
                       gsize              max_len,
                       gboolean           optional)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *reason = NULL;
  const char *value;

  if ((node == NULL || JSON_NODE_HOLDS_NULL (node)) && optional)
    return NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    reason = g_strdup_printf ("“%s” must be a string", member);
  else if ((value = json_node_get_string (node)) == NULL || *value == '\0' ||
           strlen (value) > max_len)
    reason = g_strdup_printf ("“%s” is empty or too long", member);
  else
    return value;

  lin_server_reply_error (msg, 400, "bad_request", reason);
  return NULL;
}

/**
 * lin_server_get_int:
 * @msg: the request, to answer 400 on
 * @object: its body
 * @member: a member's name
 * @value: (out): its value
 *
 * Returns: %TRUE when the member is an integer from 0 to 2^53, or
 *   %FALSE after answering 400
 */
gboolean
lin_server_get_int (SoupServerMessage *msg,
                    JsonObject        *object,
                    const char        *member,
                    gint64            *value)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *reason = NULL;

  if (node != NULL && json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) >= 0 && json_node_get_int (node) <= (G_GINT64_CONSTANT (1) << 53))
    {
      *value = json_node_get_int (node);
      return TRUE;
    }

  reason = g_strdup_printf ("“%s” must be a whole number from 0 to 2^53", member);
  lin_server_reply_error (msg, 400, "bad_request", reason);
  return FALSE;
}

/**
 * lin_server_parse_id:
 * @text: (nullable): 32 hex digits
 * @id: (out caller-allocates): %LIN_SERVER_ID_BYTES bytes
 *
 * Returns: %TRUE when @text is an id
 */
gboolean
lin_server_parse_id (const char *text,
                     guint8     *id)
{
  size_t len = 0;

  return text != NULL && strlen (text) == LIN_SERVER_ID_HEX &&
         sodium_hex2bin (id, LIN_SERVER_ID_BYTES, text, LIN_SERVER_ID_HEX,
                         NULL, &len, NULL) == 0 &&
         len == LIN_SERVER_ID_BYTES;
}

void
lin_server_add_id (JsonBuilder  *builder,
                   const char   *member,
                   const guint8 *id)
{
  char hex[LIN_SERVER_ID_HEX + 1];

  sodium_bin2hex (hex, sizeof hex, id, LIN_SERVER_ID_BYTES);
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, hex);
}

static gboolean
is_base64 (const char *text,
           gsize       max_len)
{
  g_autofree guint8 *bin = NULL;
  gsize len = strlen (text);
  size_t bin_len = 0;

  if (len > max_len)
    return FALSE;
  bin = g_malloc (len / 4 * 3 + 3);

  return sodium_base642bin (bin, len / 4 * 3 + 3, text, len, NULL, &bin_len, NULL,
                            sodium_base64_VARIANT_ORIGINAL) == 0 && bin_len > 0;
}

/* A member that must be base64 text no longer than @max_len */
static const char *
get_base64 (SoupServerMessage *msg,
            JsonObject        *object,
            const char        *member,
            gsize              max_len,
            gboolean           optional)
{
  const char *value = lin_server_get_string (msg, object, member, max_len, optional);
  g_autofree char *reason = NULL;

  if (value == NULL || is_base64 (value, max_len))
    return value;

  reason = g_strdup_printf ("“%s” must be base64", member);
  lin_server_reply_error (msg, 400, "bad_request", reason);
  return NULL;
}

static void
reply_db_error (SoupServerMessage *msg,
                const GError      *error)
{
  if (error->domain != LIN_SERVER_ERROR)
    return lin_server_reply_error (msg, 500, "server_error", "The server failed");

  switch ((LinServerError)error->code)
    {
    case LIN_SERVER_ERROR_INVALID:
      return lin_server_reply_error (msg, 400, "bad_request", error->message);
    case LIN_SERVER_ERROR_NOT_FOUND:
      return lin_server_reply_error (msg, 404, "not_found", error->message);
    case LIN_SERVER_ERROR_CODE:
      return lin_server_reply_error (msg, 403, "bad_code", error->message);
    case LIN_SERVER_ERROR_STATE:
      return lin_server_reply_error (msg, 409, "wrong_state", error->message);
    case LIN_SERVER_ERROR_FAILED:
    case LIN_SERVER_ERROR_EXISTS:
    default:
      g_warning ("%s", error->message);
      return lin_server_reply_error (msg, 500, "server_error", "The server failed");
    }
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_device (JsonBuilder     *builder,
            LinServerDevice *device,
            gboolean         own)
{
  json_builder_begin_object (builder);
  add_string (builder, "device_id", device->id);
  add_string (builder, "org_id", device->org_id);
  add_string (builder, "name", device->name);
  add_string (builder, "role", device->role);
  add_string (builder, "state", device->state);
  json_builder_set_member_name (builder, "enrolled");
  json_builder_add_int_value (builder, device->enrolled);
  add_string (builder, "sign_key", device->sign_key);
  add_string (builder, "box_key", device->box_key);
  add_string (builder, "certificate", device->certificate);
  /* sealed to this device's box key: only it has a use for them */
  if (own)
    add_string (builder, "sealed_keys", device->sealed_keys);
}

/* POST /v1/enrol */
static void
handle_enrol (LinServer         *self,
              SoupServerMessage *msg)
{
  g_autoptr(JsonObject) body = lin_server_read_body (msg);
  g_autoptr(LinServerDevice) device = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *org_key = NULL;
  const char *code, *name, *sign_key, *box_key, *new_org_key;

  if (body == NULL ||
      (code = lin_server_get_string (msg, body, "code", 80, FALSE)) == NULL ||
      (name = lin_server_get_string (msg, body, "name", LIN_SERVER_MAX_NAME, FALSE)) == NULL ||
      (sign_key = get_base64 (msg, body, "sign_key", LIN_SERVER_MAX_KEY, FALSE)) == NULL ||
      (box_key = get_base64 (msg, body, "box_key", LIN_SERVER_MAX_KEY, FALSE)) == NULL)
    return;
  new_org_key = get_base64 (msg, body, "org_key", LIN_SERVER_MAX_KEY, TRUE);
  if (new_org_key == NULL && soup_server_message_get_status (msg) != 0)
    return;

  device = lin_server_db_enrol (self->db, code, name, sign_key, box_key, new_org_key, &token, &error);
  if (device == NULL)
    return reply_db_error (msg, error);

  org_key = lin_server_db_get_org_key (self->db, device->org_id);
  builder = json_builder_new ();
  add_device (builder, device, TRUE);
  add_string (builder, "org_key", org_key);
  add_string (builder, "token", token);
  json_builder_end_object (builder);
  sodium_memzero (token, strlen (token));

  lin_server_reply_json (msg, 201, builder);
}

/* GET /v1/device: the device itself, with its certificate and keys */
static void
handle_own_device (LinServer         *self,
                   SoupServerMessage *msg,
                   LinServerDevice   *device)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *org_key = lin_server_db_get_org_key (self->db, device->org_id);

  add_device (builder, device, TRUE);
  add_string (builder, "org_key", org_key);
  json_builder_end_object (builder);

  lin_server_reply_json (msg, 200, builder);
}

/* GET /v1/devices[?state=STATE], for the coordinator */
static void
handle_list_devices (LinServer         *self,
                     SoupServerMessage *msg,
                     LinServerDevice   *device,
                     GHashTable        *query)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GError) error = NULL;
  const char *state = query != NULL ? g_hash_table_lookup (query, "state") : NULL;

  if (state != NULL && !g_str_equal (state, "pending") && !g_str_equal (state, "approved") &&
      !g_str_equal (state, "revoked"))
    return lin_server_reply_error (msg, 400, "bad_request", "Unknown state");

  devices = lin_server_db_list_devices (self->db, device->org_id, state, &error);
  if (devices == NULL)
    return reply_db_error (msg, error);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "devices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < devices->len; i++)
    {
      add_device (builder, g_ptr_array_index (devices, i), FALSE);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  lin_server_reply_json (msg, 200, builder);
}

/* GET /v1/certificates, for every approved device: the certificates of
 * the organisation's devices, revoked ones included (what they pushed
 * before stays), so that a device can check whose signature an envelope
 * carries. The organisation key signed them: the server cannot add one. */
static void
handle_certificates (LinServer         *self,
                     SoupServerMessage *msg,
                     LinServerDevice   *device)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GError) error = NULL;

  devices = lin_server_db_list_devices (self->db, device->org_id, NULL, &error);
  if (devices == NULL)
    return reply_db_error (msg, error);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "certificates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < devices->len; i++)
    {
      LinServerDevice *other = g_ptr_array_index (devices, i);

      if (other->certificate == NULL)
        continue;
      json_builder_begin_object (builder);
      add_string (builder, "device_id", other->id);
      add_string (builder, "sign_key", other->sign_key);
      add_string (builder, "box_key", other->box_key);
      add_string (builder, "certificate", other->certificate);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  lin_server_reply_json (msg, 200, builder);
}

/* POST /v1/invites, for the coordinator: an invite code made on the
 * server, so that her Linija alone suffices to invite a laptop. The body
 * is optional: {"hours": 1–720}, 72 by default. */
static void
handle_invite (LinServer         *self,
               SoupServerMessage *msg,
               LinServerDevice   *coordinator)
{
  SoupMessageBody *request = soup_server_message_get_request_body (msg);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  gint64 hours = 72, expires;

  if (request->length > 0)
    {
      body = lin_server_read_body (msg);
      if (body == NULL)
        return;
      hours = json_object_get_int_member_with_default (body, "hours", 72);
      if (hours < 1 || hours > 720)
        return lin_server_reply_error (msg, 400, "bad_request", "“hours” is 1 to 720");
    }

  expires = lin_server_db_now () + hours * 3600;
  code = lin_server_db_create_invite (self->db, coordinator->org_id, expires, &error);
  if (code == NULL)
    return reply_db_error (msg, error);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "code", code);
  json_builder_set_member_name (builder, "expires");
  json_builder_add_int_value (builder, expires);
  json_builder_end_object (builder);
  lin_server_reply_json (msg, 201, builder);
}

/* POST /v1/devices/ID/approve and …/revoke, for the coordinator */
static void
handle_device_action (LinServer         *self,
                      SoupServerMessage *msg,
                      LinServerDevice   *coordinator,
                      const char        *device_id,
                      const char        *action)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  const char *certificate, *sealed_keys;
  guint8 id[LIN_SERVER_ID_BYTES];
  gboolean ok;

  if (!lin_server_parse_id (device_id, id))
    return lin_server_reply_error (msg, 404, "not_found", "No such device");

  if (g_str_equal (action, "approve"))
    {
      body = lin_server_read_body (msg);
      if (body == NULL ||
          (certificate = get_base64 (msg, body, "certificate", LIN_SERVER_MAX_CERTIFICATE, FALSE)) == NULL ||
          (sealed_keys = get_base64 (msg, body, "sealed_keys", LIN_SERVER_MAX_SEALED_KEYS, FALSE)) == NULL)
        return;
      ok = lin_server_db_approve (self->db, coordinator->org_id, device_id, certificate, sealed_keys, &error);
    }
  else if (g_str_equal (action, "revoke"))
    ok = lin_server_db_revoke (self->db, coordinator->org_id, device_id, &error);
  else
    return lin_server_reply_error (msg, 404, "not_found", "No such action");

  if (!ok)
    return reply_db_error (msg, error);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_string (builder, "device_id", device_id);
  add_string (builder, "state", g_str_equal (action, "approve") ? "approved" : "revoked");
  json_builder_end_object (builder);
  lin_server_reply_json (msg, 200, builder);
}

/* The device of the request's bearer token, or NULL after answering 401 */
static LinServerDevice *
authenticate (LinServer         *self,
              SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  LinServerDevice *device;

  if (authorization == NULL || !g_str_has_prefix (authorization, "Bearer ") ||
      authorization[7] == '\0' || strlen (authorization) > 256)
    return lin_server_reply_error (msg, 401, "unauthorized", "A bearer token is needed"), NULL;

  device = lin_server_db_authenticate (self->db, authorization + 7);
  if (device == NULL)
    return lin_server_reply_error (msg, 401, "unauthorized", "The token is not valid"), NULL;

  return device;
}

static gboolean
collection_name_ok (const char *name)
{
  gsize len = strlen (name);

  if (len == 0 || len > 64)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (name[i]) && name[i] != '-' && name[i] != '_')
      return FALSE;

  return TRUE;
}

/* Requests of an enrolled device, after /v1/ */
static void
route_device (LinServer          *self,
              SoupServerMessage  *msg,
              const char         *method,
              char              **seg,
              guint               n,
              GHashTable         *query)
{
  g_autoptr(LinServerDevice) device = authenticate (self, msg);
  gboolean get = g_str_equal (method, "GET");
  gboolean post = g_str_equal (method, "POST");

  if (device == NULL)
    return;

  if (g_str_equal (device->state, "revoked"))
    return lin_server_reply_error (msg, 403, "revoked", "The device was revoked");

  if (n == 1 && g_str_equal (seg[0], "device") && get)
    return handle_own_device (self, msg, device);

  if (!g_str_equal (device->state, "approved"))
    return lin_server_reply_error (msg, 403, "not_approved", "The device is not approved yet");

  if (n == 1 && g_str_equal (seg[0], "certificates") && get)
    return handle_certificates (self, msg, device);

  if (n == 1 && g_str_equal (seg[0], "invites"))
    {
      if (!g_str_equal (device->role, "coordinator"))
        return lin_server_reply_error (msg, 403, "forbidden", "Only the coordinator's device may do this");
      if (!post)
        return lin_server_reply_error (msg, 405, "method_not_allowed", "Method not allowed");
      return handle_invite (self, msg, device);
    }

  if (g_str_equal (seg[0], "devices") && (n == 1 || n == 3))
    {
      if (!g_str_equal (device->role, "coordinator"))
        return lin_server_reply_error (msg, 403, "forbidden", "Only the coordinator's device may do this");
      if (n == 1 && get)
        return handle_list_devices (self, msg, device, query);
      if (n == 3 && post)
        return handle_device_action (self, msg, device, seg[1], seg[2]);
      return lin_server_reply_error (msg, 405, "method_not_allowed", "Method not allowed");
    }

  if (n == 5 && g_str_equal (seg[0], "orgs") && g_str_equal (seg[2], "collections"))
    {
      if (!g_str_equal (seg[1], device->org_id))
        return lin_server_reply_error (msg, 403, "forbidden", "Another organisation's collection");
      if (!collection_name_ok (seg[3]))
        return lin_server_reply_error (msg, 400, "bad_request", "A collection's name is 1 to 64 "
                                       "letters, digits, dashes and underscores");
      if (g_str_equal (seg[4], "push") && post)
        return lin_server_handle_push (self->db, msg, device, seg[3]);
      if (g_str_equal (seg[4], "changes") && get)
        return lin_server_handle_pull (self->db, msg, device, query, seg[3]);
    }

  lin_server_reply_error (msg, 404, "not_found", "No such resource");
}

static void
handle_status (SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "server", "linija-server");
  add_string (builder, "version", PACKAGE_VERSION);
  json_builder_set_member_name (builder, "protocol");
  json_builder_add_int_value (builder, LIN_SERVER_PROTOCOL_VERSION);
  json_builder_end_object (builder);

  lin_server_reply_json (msg, 200, builder);
}

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  LinServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  g_auto(GStrv) seg = NULL;
  guint n;

  /* "/v1/a/b" → "a", "b" */
  if (!g_str_has_prefix (path, "/v1/"))
    return lin_server_reply_error (msg, 404, "not_found", "No such resource");
  seg = g_strsplit (path + 4, "/", MAX_SEGMENTS + 1);
  n = g_strv_length (seg);
  if (n == 0 || n > MAX_SEGMENTS || *seg[0] == '\0')
    return lin_server_reply_error (msg, 404, "not_found", "No such resource");

  if (n == 1 && g_str_equal (seg[0], "status") && g_str_equal (method, "GET"))
    return handle_status (msg);

  if (n == 1 && g_str_equal (seg[0], "enrol"))
    {
      if (!g_str_equal (method, "POST"))
        return lin_server_reply_error (msg, 405, "method_not_allowed", "Method not allowed");
      return handle_enrol (self, msg);
    }

  route_device (self, msg, method, seg, n, query);
}

/* Before the body is read: its size, from the headers. libsoup 3.2 still
 * reads the body of a request answered here (unless the client sent
 * "Expect: 100-continue"), so the body is read and dropped, never kept:
 * a client cannot make the server hold more than LIN_SERVER_MAX_BODY. */
static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  SoupEncoding encoding = soup_message_headers_get_encoding (request);

  if (encoding == SOUP_ENCODING_CHUNKED)
    lin_server_reply_error (msg, 411, "length_required", "A request body needs a Content-Length");
  else if (encoding == SOUP_ENCODING_CONTENT_LENGTH &&
           soup_message_headers_get_content_length (request) > LIN_SERVER_MAX_BODY)
    lin_server_reply_error (msg, 413, "too_large", "The request body is too large");
  else
    return;

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  soup_message_headers_replace (response, "Connection", "close");
}

/* The access log: no body, no token, no address, no query */
static void
request_finished_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     gpointer           user_data)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *path = uri != NULL ? g_uri_get_path (uri) : "?";
  g_autofree char *shown = g_strndup (path, 200);

  g_strcanon (shown, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-_.", '?');
  g_message ("%s %s %u", soup_server_message_get_method (msg), shown,
             soup_server_message_get_status (msg));
}

static void
lin_server_dispose (GObject *object)
{
  LinServer *self = (LinServer *)object;

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (lin_server_parent_class)->dispose (object);
}

static void
lin_server_class_init (LinServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lin_server_dispose;
}

static void
lin_server_init (LinServer *self)
{
}

/**
 * lin_server_new:
 * @db: the server's database
 * @certificate: its TLS certificate, with the key
 *
 * Returns: (transfer full): a server, not listening yet
 */
LinServer *
lin_server_new (LinServerDb     *db,
                GTlsCertificate *certificate)
{
  LinServer *self;

  g_return_val_if_fail (LIN_IS_SERVER_DB (db), NULL);
  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  self = g_object_new (LIN_TYPE_SERVER, NULL);
  self->db = g_object_ref (db);
  self->soup = soup_server_new ("server-header", "linija-server ",
                                "tls-certificate", certificate,
                                NULL);
  soup_server_add_early_handler (self->soup, NULL, early_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler_cb, self, NULL);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (request_finished_cb), self);

  return self;
}

/**
 * lin_server_listen:
 * @self: a #LinServer
 * @address: where to listen (port 0: any free port)
 * @error: a location for a #GError
 *
 * Returns: %TRUE when it listens, over HTTPS only
 */
gboolean
lin_server_listen (LinServer       *self,
                   GSocketAddress  *address,
                   GError         **error)
{
  g_return_val_if_fail (LIN_IS_SERVER (self), FALSE);

  return soup_server_listen (self->soup, address, SOUP_SERVER_LISTEN_HTTPS, error);
}

/**
 * lin_server_get_uris:
 * @self: a #LinServer
 *
 * Returns: (transfer full) (element-type GUri): where it listens
 */
GSList *
lin_server_get_uris (LinServer *self)
{
  g_return_val_if_fail (LIN_IS_SERVER (self), NULL);

  return soup_server_get_uris (self->soup);
}

/**
 * lin_server_disconnect:
 * @self: a #LinServer
 *
 * Stops listening and closes every connection.
 */
void
lin_server_disconnect (LinServer *self)
{
  g_return_if_fail (LIN_IS_SERVER (self));

  soup_server_disconnect (self->soup);
}
