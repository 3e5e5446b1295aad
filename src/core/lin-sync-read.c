/* lin-sync-read.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A request to the organisation's server and its answer, read with a
 * bound: no answer Linija takes is longer than LIN_SYNC_MAX_ANSWER, so a
 * longer one (by its Content-Length, or as it comes) is cut off with an
 * error before it is held, whatever a broken or hostile server sends.
 * soup_session_send_and_read_async() would hold all of it first.
 */

#define G_LOG_DOMAIN "lin-sync"

#include "config.h"

#include "lin-sync-enrol.h"
#include "lin-sync-private.h"

#define CHUNK (64 * 1024)

typedef struct
{
  SoupMessage  *msg;
  GInputStream *stream;
  GByteArray   *body;
} Read;

static void
read_free (Read *read)
{
  g_clear_object (&read->msg);
  g_clear_object (&read->stream);
  g_clear_pointer (&read->body, g_byte_array_unref);
  g_free (read);
}

static void
too_long (GTask *task)
{
  Read *read = g_task_get_task_data (task);

  /* the rest is not read: the connection goes with the stream */
  g_input_stream_close_async (read->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER,
                           "The server's answer is too long (over %u bytes)", LIN_SYNC_MAX_ANSWER);
}

static void read_more (GTask *task);

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
  Read *read = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      g_task_return_pointer (task, g_byte_array_free_to_bytes (g_steal_pointer (&read->body)),
                             (GDestroyNotify)g_bytes_unref);
      return;
    }

  if (read->body->len + g_bytes_get_size (chunk) > LIN_SYNC_MAX_ANSWER)
    {
      too_long (task);
      return;
    }

  g_byte_array_append (read->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  read_more (g_steal_pointer (&task));
}

static void
read_more (GTask *task)
{
  Read *read = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (read->stream, CHUNK, G_PRIORITY_DEFAULT, g_task_get_cancellable (task), read_cb,
                                   task);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
  Read *read = g_task_get_task_data (task);
  GError *error = NULL;

  read->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (read->stream == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (soup_message_headers_get_content_length (soup_message_get_response_headers (read->msg)) > LIN_SYNC_MAX_ANSWER)
    {
      too_long (task);
      return;
    }

  read_more (g_steal_pointer (&task));
}

/**
 * lin_sync_read_async:
 * @session: a #SoupSession
 * @msg: the request
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: for @callback
 *
 * Sends @msg and reads its answer, LIN_SYNC_MAX_ANSWER bytes at most.
 */
void
lin_sync_read_async (SoupSession         *session,
                     SoupMessage         *msg,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task = g_task_new (session, cancellable, callback, user_data);
  Read *read = g_new0 (Read, 1);

  g_task_set_source_tag (task, lin_sync_read_async);
  read->msg = g_object_ref (msg);
  read->body = g_byte_array_new ();
  g_task_set_task_data (task, read, (GDestroyNotify)read_free);

  soup_session_send_async (session, msg, G_PRIORITY_DEFAULT, cancellable, sent_cb, task);
}

/**
 * lin_sync_read_finish:
 * @result: the result passed to the callback
 * @msg: (out) (transfer none) (optional): the request, its status and headers
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the answer's body, or %NULL with @error set
 *   (no answer, or one too long: %LIN_SYNC_ERROR_SERVER)
 */
GBytes *
lin_sync_read_finish (GAsyncResult  *result,
                      SoupMessage  **msg,
                      GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lin_sync_read_async, NULL);

  if (msg != NULL)
    *msg = ((Read *)g_task_get_task_data (G_TASK (result)))->msg;

  return g_task_propagate_pointer (G_TASK (result), error);
}
