/* lin-server-sync.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Push and pull, the two requests of sync (src/server/PROTOCOL.md).
 *
 * A push page is read whole and checked before anything is applied: a
 * malformed operation makes the page a 400, so a client never has half
 * a page applied because of its own mistake. Each envelope must be
 * shaped like one and its header must name the operation's record and
 * revision: the server cannot open it, but it can refuse bytes that no
 * Linija made. Pull pages are bounded by count and by bytes.
 */

#define G_LOG_DOMAIN "lin-server"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "lin-envelope.h"
#include "lin-server-private.h"

#define PULL_DEFAULT_LIMIT 100

typedef struct
{
  LinServerOp *ops;
  guint        n_ops;
} Page;

static void
page_clear (Page *page)
{
  for (guint i = 0; i < page->n_ops; i++)
    g_clear_pointer (&page->ops[i].envelope, g_bytes_unref);
  g_clear_pointer (&page->ops, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Page, page_clear)

static GBytes *
decode_envelope (const char *text)
{
  gsize len = strlen (text);
  gsize max = len / 4 * 3 + 3;
  guint8 *bin = g_malloc (max);
  size_t bin_len = 0;

  if (sodium_base642bin (bin, max, text, len, NULL, &bin_len, NULL,
                         sodium_base64_VARIANT_ORIGINAL) != 0)
    {
      g_free (bin);
      return NULL;
    }

  return g_bytes_new_take (bin, bin_len);
}

/* An operation of the page, or FALSE after answering 400 */
static gboolean
read_op (SoupServerMessage *msg,
         JsonNode          *node,
         guint              index,
         LinServerOp       *op)
{
  g_autofree char *reason = NULL;
  LinEnvelopeHeader header;
  JsonObject *object;
  const char *text;
  const guint8 *data;
  gsize len;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      reason = g_strdup_printf ("Operation %u is not an object", index);
      lin_server_reply_error (msg, 400, "bad_request", reason);
      return FALSE;
    }
  object = json_node_get_object (node);

  if ((text = lin_server_get_string (msg, object, "op_id", 64, FALSE)) == NULL)
    return FALSE;
  if (!lin_server_parse_id (text, op->op_id))
    reason = g_strdup_printf ("Operation %u: “op_id” must be 32 hex digits", index);
  else if ((text = lin_server_get_string (msg, object, "record_id", 64, FALSE)) == NULL)
    return FALSE;
  else if (!lin_server_parse_id (text, op->record_id))
    reason = g_strdup_printf ("Operation %u: “record_id” must be 32 hex digits", index);
  else if (!lin_server_get_int (msg, object, "base_revision", &op->base_revision) ||
           !lin_server_get_int (msg, object, "revision", &op->revision))
    return FALSE;
  else if (op->revision <= op->base_revision)
    reason = g_strdup_printf ("Operation %u: “revision” must be above “base_revision”", index);
  else if ((text = lin_server_get_string (msg, object, "envelope", LIN_SERVER_MAX_BODY, FALSE)) == NULL)
    return FALSE;
  else if ((op->envelope = decode_envelope (text)) == NULL)
    reason = g_strdup_printf ("Operation %u: “envelope” must be base64", index);
  else
    {
      data = g_bytes_get_data (op->envelope, &len);
      if (!lin_envelope_peek_signed (data, len, &header, NULL))
        reason = g_strdup_printf ("Operation %u: “envelope” is not an envelope", index);
      else if (memcmp (header.record_id, op->record_id, LIN_SERVER_ID_BYTES) != 0 ||
               header.revision != (guint64)op->revision)
        reason = g_strdup_printf ("Operation %u: the envelope's header names another record or revision",
                                  index);
      else
        return TRUE;
    }

  lin_server_reply_error (msg, 400, "bad_request", reason);
  return FALSE;
}

/* The page's operations, or FALSE after answering 400 or 413 */
static gboolean
read_page (SoupServerMessage *msg,
           JsonObject        *body,
           Page              *page)
{
  JsonNode *node = json_object_get_member (body, "ops");
  JsonArray *array;
  gsize bytes = 0;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      lin_server_reply_error (msg, 400, "bad_request", "“ops” must be an array");
      return FALSE;
    }

  array = json_node_get_array (node);
  page->n_ops = json_array_get_length (array);
  if (page->n_ops == 0)
    {
      lin_server_reply_error (msg, 400, "bad_request", "“ops” is empty");
      return FALSE;
    }
  if (page->n_ops > LIN_SERVER_MAX_PAGE_OPS)
    {
      page->n_ops = 0;
      lin_server_reply_error (msg, 413, "too_large", "A page holds at most 200 operations");
      return FALSE;
    }

  page->ops = g_new0 (LinServerOp, page->n_ops);
  for (guint i = 0; i < page->n_ops; i++)
    {
      if (!read_op (msg, json_array_get_element (array, i), i, &page->ops[i]))
        return FALSE;
      bytes += g_bytes_get_size (page->ops[i].envelope);
    }

  if (bytes > LIN_SERVER_MAX_PAGE_BYTES)
    {
      lin_server_reply_error (msg, 413, "too_large", "A page's envelopes are at most 1 MiB");
      return FALSE;
    }

  return TRUE;
}

static void
add_result (JsonBuilder       *builder,
            const LinServerOp *op)
{
  json_builder_begin_object (builder);
  lin_server_add_id (builder, "op_id", op->op_id);
  json_builder_set_member_name (builder, "status");

  switch (op->status)
    {
    case LIN_SERVER_OP_APPLIED:
    case LIN_SERVER_OP_DUPLICATE:
      json_builder_add_string_value (builder, op->status == LIN_SERVER_OP_APPLIED ? "applied" : "duplicate");
      json_builder_set_member_name (builder, "seq");
      json_builder_add_int_value (builder, op->seq);
      break;

    case LIN_SERVER_OP_CONFLICT:
      json_builder_add_string_value (builder, "conflict");
      json_builder_set_member_name (builder, "revision");
      json_builder_add_int_value (builder, op->current_revision);
      break;

    case LIN_SERVER_OP_REJECTED:
    default:
      json_builder_add_string_value (builder, "error");
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, op->reason);
      break;
    }

  json_builder_end_object (builder);
}

/**
 * lin_server_handle_push:
 * @db: the database
 * @msg: POST /v1/orgs/ORG/collections/COLLECTION/push
 * @device: the authenticated, approved device of ORG
 * @collection: COLLECTION
 *
 * Applies the page and answers each operation.
 */
void
lin_server_handle_push (LinServerDb       *db,
                        SoupServerMessage *msg,
                        LinServerDevice   *device,
                        const char        *collection)
{
  g_autoptr(JsonObject) body = lin_server_read_body (msg);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Page) page = { NULL, 0 };

  if (body == NULL || !read_page (msg, body, &page))
    return;

  if (!lin_server_db_push (db, device->org_id, collection, device->id, page.ops, page.n_ops, &error))
    {
      g_warning ("%s", error->message);
      return lin_server_reply_error (msg, 500, "server_error", "The page was not applied");
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < page.n_ops; i++)
    add_result (builder, &page.ops[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  lin_server_reply_json (msg, 200, builder);
}

/* A query parameter that must be a whole number within bounds */
static gboolean
query_int (GHashTable *query,
           const char *name,
           gint64      min,
           gint64      max,
           gint64     *value)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, name) : NULL;
  guint64 parsed;

  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &parsed, NULL))
    return FALSE;
  *value = (gint64)parsed;

  return TRUE;
}

/* A change as JSON. Written by hand, not by JsonGenerator, which escapes
 * every string byte by byte: every value here is a number, hex or base64,
 * none needs escaping, and a pull page is mostly base64 (a fifth of the
 * time json-glib takes for it). */
static void
append_change (GString               *out,
               const LinServerChange *change)
{
  char op_id[LIN_SERVER_ID_HEX + 1];
  char record_id[LIN_SERVER_ID_HEX + 1];
  g_autofree char *envelope = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (change->envelope, &len);

  sodium_bin2hex (op_id, sizeof op_id, change->op_id, LIN_SERVER_ID_BYTES);
  sodium_bin2hex (record_id, sizeof record_id, change->record_id, LIN_SERVER_ID_BYTES);
  envelope = g_base64_encode (data, len);
  g_string_append_printf (out, "{\"seq\":%" G_GINT64_FORMAT ",\"op_id\":\"%s\",\"record_id\":\"%s\","
                          "\"base_revision\":%" G_GINT64_FORMAT ",\"revision\":%" G_GINT64_FORMAT ","
                          "\"envelope\":\"",
                          change->seq, op_id, record_id, change->base_revision, change->revision);
  g_string_append (out, envelope);
  g_string_append (out, "\"}");
}

/**
 * lin_server_handle_pull:
 * @db: the database
 * @msg: GET /v1/orgs/ORG/collections/COLLECTION/changes?since=N&limit=M
 * @device: the authenticated, approved device of ORG
 * @query: (nullable): the query
 * @collection: COLLECTION
 *
 * Answers a page of the collection's log after the cursor.
 */
void
lin_server_handle_pull (LinServerDb       *db,
                        SoupServerMessage *msg,
                        LinServerDevice   *device,
                        GHashTable        *query,
                        const char        *collection)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  GString *out;
  gsize len;
  gint64 since = 0;
  gint64 limit = PULL_DEFAULT_LIMIT;
  gint64 next;
  gboolean more = FALSE;

  if (!query_int (query, "since", 0, G_MAXINT64, &since) ||
      !query_int (query, "limit", 1, LIN_SERVER_MAX_PAGE_OPS, &limit))
    return lin_server_reply_error (msg, 400, "bad_request",
                                   "“since” must be a whole number, “limit” from 1 to 200");

  changes = lin_server_db_pull (db, device->org_id, collection, since, limit,
                                LIN_SERVER_MAX_PAGE_BYTES, &more, &error);
  if (changes == NULL)
    {
      g_warning ("%s", error->message);
      return lin_server_reply_error (msg, 500, "server_error", "The server failed");
    }

  out = g_string_sized_new (4096);
  g_string_append (out, "{\"changes\":[");
  next = since;
  for (guint i = 0; i < changes->len; i++)
    {
      const LinServerChange *change = g_ptr_array_index (changes, i);

      if (i > 0)
        g_string_append_c (out, ',');
      append_change (out, change);
      next = change->seq;
    }
  g_string_append_printf (out, "],\"next\":%" G_GINT64_FORMAT ",\"more\":%s}",
                          next, more ? "true" : "false");

  soup_server_message_set_status (msg, 200, NULL);
  len = out->len;
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_string_free (out, FALSE), len);
}
