/* lin-fault-proxy.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fault-injecting HTTPS proxy between a sync client and linija-server,
 * for tests. It terminates TLS with a self-signed certificate of its own
 * (the client pins it by fingerprint, as it pins a real server), forwards
 * each request to the upstream server on 127.0.0.1 (pinned to that
 * server's certificate) and answers with what upstream answered: unless
 * the schedule says this request gets a fault.
 *
 * The schedule: a GRand seeded with the seed, drawn in the order the
 * requests arrive. Each request takes exactly four draws, whatever comes
 * of them: whether it gets a fault (probability: the rate), which one
 * (uniformly among the faults other than LIN_FAULT_NONE), the delay of
 * LIN_FAULT_DELAY and where a cut body ends. So the same seed, the same
 * rate and the same requests in the same order give the same faults, with
 * the same delays and cuts; a request forced with
 * lin_fault_proxy_force_next() takes its four draws too, and the schedule
 * goes on as if it had not been forced.
 *
 * The proxy runs in a thread of its own, with its own GMainContext: the
 * SoupServer, its SoupSession to upstream and every callback live there,
 * so that a test may block the main thread on a request, or run a client
 * asynchronously on the main thread's context. The counters, the rate and
 * the traffic are shared, under the lock.
 *
 * Faults that cut a connection take it from the SoupServer
 * (soup_server_message_steal_connection()) and close it, having written a
 * partial HTTP/1.1 answer on it first for LIN_FAULT_TRUNCATE and
 * LIN_FAULT_CUT_MID_BODY.
 */

#define G_LOG_DOMAIN "lin-fault-proxy"

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "lin-fault-proxy.h"
#include "lin-server-test-utils.h"
#include "lin-server-tls.h"

#define DEFAULT_RATE 0.3
#define MAX_DELAY_MS 300
#define CHUNK_SIZE 1024

/* RFC 6585's, which libsoup 3.2 does not name */
#define STATUS_TOO_MANY_REQUESTS 429

struct _LinFaultProxy
{
  /* Set before the thread starts, read-only after */
  char            *upstream_url;
  GTlsCertificate *upstream_pinned;
  GTlsCertificate *certificate;
  char            *fingerprint;
  GMainContext    *context;
  GThread         *thread;

  /* The proxy's thread only */
  GMainLoop       *loop;
  SoupServer      *server;
  SoupSession     *session;
  GCancellable    *cancellable;
  GHashTable      *live;          /* Request *, each until it is answered or cut */
  gboolean         stopping;

  /* Shared, under the lock */
  GMutex           lock;
  GCond            started;
  char            *url;           /* also: the thread has started */
  GError          *error;
  GRand           *rand;
  double           rate;
  LinFault         forced;
  char            *delay_query;   /* the next request asking this waits delay_ms */
  guint            delay_ms;
  char            *canned_query;  /* the next request asking this gets canned_answer */
  GBytes          *canned_answer;
  guint64          link_bps;      /* a link of this many bits a second, 0: none */
  guint            link_rtt_ms;
  guint            counts[LIN_N_FAULTS];
  guint            n_requests;
  GArray          *faults;        /* LinFault, in request order */
  GByteArray      *traffic;
};

/* One request through the proxy, from the handler to its answer or cut */
typedef struct
{
  /* Borrowed */
  LinFaultProxy     *proxy;

  /* Owned */
  SoupServerMessage *msg;
  SoupMessage       *upstream;
  GSource           *delay;
  GIOStream         *stream;      /* the client's connection, once stolen */
  GBytes            *partial;     /* what is written on it before the cut */
  GBytes            *held;        /* an answer on its way over the link */
  guint              held_status;
  char              *held_type;
  char              *held_retry;

  LinFault           fault;
  gboolean           paused;      /* answered from a callback, not the handler */
  guint              delay_ms;
  double             cut;         /* where a cut body ends: a share of it */
  gboolean           gone;        /* the client's connection closed under us */
} Request;

static const char * const fault_names[] = {
  "none",
  "drop-request",
  "drop-response",
  "status-500",
  "status-503",
  "status-429",
  "status-500-after",
  "truncate",
  "delay",
  "cut-mid-body",
};

G_STATIC_ASSERT (G_N_ELEMENTS (fault_names) == LIN_N_FAULTS);

static void forward (Request *req);

static void
request_free (Request *req)
{
  g_signal_handlers_disconnect_by_data (req->msg, req);
  if (req->delay != NULL)
    g_source_destroy (req->delay);
  g_clear_pointer (&req->delay, g_source_unref);
  g_clear_object (&req->msg);
  g_clear_object (&req->upstream);
  g_clear_object (&req->stream);
  g_clear_pointer (&req->partial, g_bytes_unref);
  g_clear_pointer (&req->held, g_bytes_unref);
  g_free (req->held_type);
  g_free (req->held_retry);
  g_free (req);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void
append_traffic (LinFaultProxy *self,
                const void    *data,
                gsize          len)
{
  if (data == NULL || len == 0)
    return;

  g_mutex_lock (&self->lock);
  g_byte_array_append (self->traffic, data, len);
  g_mutex_unlock (&self->lock);
}

static void
append_traffic_bytes (LinFaultProxy *self,
                      GBytes        *bytes)
{
  gsize len = 0;
  const void *data = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;

  append_traffic (self, data, len);
}

static void
append_traffic_header (LinFaultProxy      *self,
                       SoupMessageHeaders *headers,
                       const char         *name)
{
  const char *value = soup_message_headers_get_one (headers, name);

  if (value != NULL)
    append_traffic (self, value, strlen (value));
}

/* The request is over: answered, cut, or given up when stopping */
static void
request_done (Request *req)
{
  LinFaultProxy *self = req->proxy;

  g_hash_table_remove (self->live, req);
  if (self->stopping && g_hash_table_size (self->live) == 0)
    g_main_loop_quit (self->loop);
}

/* How long @bytes take one way over the link (lin_fault_proxy_set_link()),
 * in ms: half the round trip and the bits at the link's rate; 0 when
 * there is no link */
static guint
link_delay (LinFaultProxy *self,
            gsize          bytes)
{
  guint64 bps;
  guint rtt_ms;

  g_mutex_lock (&self->lock);
  bps = self->link_bps;
  rtt_ms = self->link_rtt_ms;
  g_mutex_unlock (&self->lock);

  return bps == 0 ? 0 : (guint)(rtt_ms / 2 + (guint64)bytes * 8 * 1000 / bps);
}

/* The schedule's next fault, with its four draws (see the top of the file) */
static void
draw_fault (LinFaultProxy *self,
            Request       *req)
{
  const char *query;
  double roll;
  LinFault kind;

  g_mutex_lock (&self->lock);

  roll = g_rand_double (self->rand);
  kind = g_rand_int_range (self->rand, LIN_FAULT_NONE + 1, LIN_N_FAULTS);
  req->delay_ms = g_rand_int_range (self->rand, 1, MAX_DELAY_MS + 1);
  req->cut = g_rand_double (self->rand);

  if (self->forced != LIN_FAULT_NONE)
    req->fault = self->forced;
  else
    req->fault = roll < self->rate ? kind : LIN_FAULT_NONE;
  self->forced = LIN_FAULT_NONE;

  query = g_uri_get_query (soup_server_message_get_uri (req->msg));
  if (self->delay_query != NULL && query != NULL && strstr (query, self->delay_query) != NULL)
    {
      req->fault = LIN_FAULT_DELAY;
      req->delay_ms = self->delay_ms;
      g_clear_pointer (&self->delay_query, g_free);
    }

  self->counts[req->fault]++;
  self->n_requests++;
  g_array_append_val (self->faults, req->fault);

  g_mutex_unlock (&self->lock);
}

static const char *
reason_phrase (guint status)
{
  if (status == STATUS_TOO_MANY_REQUESTS)
    return "Too Many Requests";

  return soup_status_get_phrase (status);
}

/* Answers the client, unless its connection is gone already */
static void
answer (Request    *req,
        guint       status,
        const char *content_type,
        GBytes     *body,
        const char *retry_after)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);
  gsize len = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &len) : NULL;

  if (!req->gone)
    {
      soup_server_message_set_status (req->msg, status, reason_phrase (status));
      if (retry_after != NULL)
        soup_message_headers_replace (headers, "Retry-After", retry_after);
      soup_server_message_set_response (req->msg, content_type, SOUP_MEMORY_COPY, data, len);
      if (req->paused)
        soup_server_message_unpause (req->msg);
    }

  request_done (req);
}

/* An error in the protocol's shape (PROTOCOL.md), as a relay in front of
 * the server could answer it */
static void
answer_error (Request    *req,
              guint       status,
              const char *code,
              const char *retry_after)
{
  g_autofree char *text = g_strdup_printf ("{\"error\":\"%s\",\"reason\":\"%s (the fault proxy)\"}",
                                           code, reason_phrase (status));
  g_autoptr(GBytes) body = g_bytes_new_take (g_steal_pointer (&text), strlen (text));

  append_traffic_bytes (req->proxy, body);
  answer (req, status, "application/json", body, retry_after);
}

static void
closed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Request *req = user_data;

  /* closing a connection the client has already closed may fail: either
   * way, it is closed */
  g_io_stream_close_finish (G_IO_STREAM (object), result, NULL);
  request_done (req);
}

static void
close_stream (Request *req)
{
  /* never cancelled: even when stopping, the connection must be closed */
  g_io_stream_close_async (req->stream, G_PRIORITY_DEFAULT, NULL, closed_cb, req);
}

static void
wrote_partial_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Request *req = user_data;

  g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, NULL);
  close_stream (req);
}

/* Takes the client's connection from the SoupServer, writes @partial on
 * it (when not %NULL), and closes it: the client sees its request fail,
 * or an answer end before its end */
static void
cut (Request *req,
     GBytes  *partial)
{
  GOutputStream *out;

  if (req->gone || (req->stream = soup_server_message_steal_connection (req->msg)) == NULL)
    {
      request_done (req);
      return;
    }

  if (partial == NULL)
    {
      close_stream (req);
      return;
    }

  req->partial = g_bytes_ref (partial);
  out = g_io_stream_get_output_stream (req->stream);
  g_output_stream_write_all_async (out, g_bytes_get_data (partial, NULL), g_bytes_get_size (partial),
                                   G_PRIORITY_DEFAULT, req->proxy->cancellable, wrote_partial_cb, req);
}

/* Where a cut body ends: somewhere in its middle 80 %, never at its end */
static gsize
cut_point (Request *req,
           gsize    len)
{
  gsize at = len * (0.1 + 0.8 * req->cut);

  return len > 1 ? CLAMP (at, 1, len - 1) : 0;
}

static GString *
status_line (guint       status,
             const char *content_type)
{
  GString *raw = g_string_new (NULL);

  g_string_append_printf (raw, "HTTP/1.1 %u %s\r\n", status, reason_phrase (status));
  if (content_type != NULL)
    g_string_append_printf (raw, "Content-Type: %s\r\n", content_type);
  g_string_append (raw, "Connection: close\r\n");

  return raw;
}

/* Upstream's status, the Content-Length of its whole body, the first
 * part of the body; then the cut. (An empty body is announced as one
 * byte, so that even it is cut short.)
 *
 * The answer says "Connection: close", as a server about to close says,
 * and libsoup 3.2 then takes an early end of the body for its end: the
 * client gets status 200 and half a page, with no error. That is the
 * harder case for a client, so it is the one made here: it has to find
 * out from the body itself (a JSON object cut short never parses). */
static GBytes *
make_truncated (Request    *req,
                guint       status,
                const char *content_type,
                GBytes     *body)
{
  gsize len = g_bytes_get_size (body);
  GString *raw = status_line (status, content_type);

  g_string_append_printf (raw, "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", MAX (len, 1));
  g_string_append_len (raw, g_bytes_get_data (body, NULL), cut_point (req, len));

  return g_string_free_to_bytes (raw);
}

/* Upstream's status and its body in chunks, with no Content-Length: a
 * client reading it as it comes learns of the cut only at the cut. The
 * cut falls inside a chunk, after its size was announced; for a pull
 * answer, the middle of the body is the middle of its page of changes. */
static GBytes *
make_cut_mid_body (Request    *req,
                   guint       status,
                   const char *content_type,
                   GBytes     *body)
{
  gsize len = g_bytes_get_size (body);
  const char *data = g_bytes_get_data (body, NULL);
  gsize end = cut_point (req, len);
  GString *raw = status_line (status, content_type);

  g_string_append (raw, "Transfer-Encoding: chunked\r\n\r\n");
  for (gsize at = 0; at <= end && at < MAX (len, 1); at += CHUNK_SIZE)
    {
      gsize chunk = MIN (CHUNK_SIZE, MAX (len, 1) - at);

      g_string_append_printf (raw, "%" G_GSIZE_MODIFIER "x\r\n", chunk);
      if (at + chunk > end)
        {
          g_string_append_len (raw, data + at, end - at);
          break;
        }
      g_string_append_len (raw, data + at, chunk);
      g_string_append (raw, "\r\n");
    }

  return g_string_free_to_bytes (raw);
}

/* An answer has come over the link */
static gboolean
held_done_cb (gpointer user_data)
{
  Request *req = user_data;
  g_autoptr(GBytes) held = g_steal_pointer (&req->held);

  g_clear_pointer (&req->delay, g_source_unref);
  answer (req, req->held_status, req->held_type, held, req->held_retry);

  return G_SOURCE_REMOVE;
}

static void
forwarded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Request *req = user_data;
  LinFaultProxy *self = req->proxy;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) partial = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  const char *content_type;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      /* not a fault of the schedule's: say so plainly, as a gateway would */
      if (self->stopping)
        answer_error (req, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", "1");
      else
        {
          g_message ("Upstream failed: %s", error->message);
          answer_error (req, SOUP_STATUS_BAD_GATEWAY, "bad_gateway", NULL);
        }
      return;
    }

  headers = soup_message_get_response_headers (req->upstream);
  content_type = soup_message_headers_get_content_type (headers, NULL);
  status = soup_message_get_status (req->upstream);
  append_traffic_header (self, headers, "Content-Type");
  append_traffic_bytes (self, body);

  switch (req->fault)
    {
    case LIN_FAULT_DROP_RESPONSE:
      cut (req, NULL);
      break;

    case LIN_FAULT_STATUS_500_AFTER:
      answer_error (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, "server_error", NULL);
      break;

    case LIN_FAULT_TRUNCATE:
      partial = make_truncated (req, status, content_type, body);
      cut (req, partial);
      break;

    case LIN_FAULT_CUT_MID_BODY:
      partial = make_cut_mid_body (req, status, content_type, body);
      cut (req, partial);
      break;

    case LIN_FAULT_NONE:
    case LIN_FAULT_DELAY:
      if (req->fault == LIN_FAULT_NONE && link_delay (self, g_bytes_get_size (body)) > 0)
        {
          /* back over the link */
          req->held = g_bytes_ref (body);
          req->held_status = status;
          req->held_type = g_strdup (content_type);
          req->held_retry = g_strdup (soup_message_headers_get_one (headers, "Retry-After"));
          req->delay = g_timeout_source_new (link_delay (self, g_bytes_get_size (body)));
          g_source_set_callback (req->delay, held_done_cb, req, NULL);
          g_source_attach (req->delay, self->context);
          break;
        }
      answer (req, status, content_type, body, soup_message_headers_get_one (headers, "Retry-After"));
      break;

    case LIN_FAULT_DROP_REQUEST:
    case LIN_FAULT_STATUS_500:
    case LIN_FAULT_STATUS_503:
    case LIN_FAULT_STATUS_429:
    case LIN_N_FAULTS:
    default:
      g_assert_not_reached ();
    }
}

static void
copy_header (SoupMessageHeaders *from,
             SoupMessageHeaders *to,
             const char         *name)
{
  const char *value = soup_message_headers_get_one (from, name);

  if (value != NULL)
    soup_message_headers_replace (to, name, value);
}

/* The same request to upstream: method, path and query, Authorization,
 * Content-Type and body */
static void
forward (Request *req)
{
  LinFaultProxy *self = req->proxy;
  GUri *uri = soup_server_message_get_uri (req->msg);
  SoupMessageHeaders *from = soup_server_message_get_request_headers (req->msg);
  SoupMessageBody *request_body = soup_server_message_get_request_body (req->msg);
  g_autoptr(GBytes) body = soup_message_body_flatten (request_body);
  g_autofree char *target = NULL;
  SoupMessageHeaders *to;

  target = g_strconcat (self->upstream_url, g_uri_get_path (uri),
                        g_uri_get_query (uri) != NULL ? "?" : "",
                        g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : "",
                        NULL);
  req->upstream = soup_message_new (soup_server_message_get_method (req->msg), target);
  if (req->upstream == NULL)
    {
      answer_error (req, SOUP_STATUS_BAD_REQUEST, "bad_request", NULL);
      return;
    }

  lin_test_server_pin (req->upstream, self->upstream_pinned);
  lin_test_message_no_delay (req->upstream);
  to = soup_message_get_request_headers (req->upstream);
  copy_header (from, to, "Authorization");
  if (g_bytes_get_size (body) > 0 || soup_message_headers_get_content_type (from, NULL) != NULL)
    soup_message_set_request_body_from_bytes (req->upstream,
                                              soup_message_headers_get_content_type (from, NULL),
                                              body);

  soup_session_send_and_read_async (self->session, req->upstream, G_PRIORITY_DEFAULT,
                                    self->cancellable, forwarded_cb, req);
}

static gboolean
delay_done_cb (gpointer user_data)
{
  Request *req = user_data;

  g_clear_pointer (&req->delay, g_source_unref);
  forward (req);

  return G_SOURCE_REMOVE;
}

/* The client closed its connection while its request waited here: it
 * must be neither answered nor stolen any more */
static void
disconnected_cb (SoupServerMessage *msg,
                 gpointer           user_data)
{
  Request *req = user_data;

  req->gone = TRUE;
}

static void
record_request (LinFaultProxy     *self,
                SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autofree char *uri = g_uri_to_string (soup_server_message_get_uri (msg));
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));

  append_traffic (self, uri, strlen (uri));
  append_traffic_header (self, headers, "Authorization");
  append_traffic_header (self, headers, "Content-Type");
  append_traffic_bytes (self, body);
}

/* A canned answer for this request, if it asks what one waits for */
static GBytes *
take_canned (LinFaultProxy     *self,
             SoupServerMessage *msg)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (msg));
  GBytes *canned = NULL;

  g_mutex_lock (&self->lock);
  if (self->canned_query != NULL && query != NULL && strstr (query, self->canned_query) != NULL)
    canned = g_bytes_ref (self->canned_answer);
  g_mutex_unlock (&self->lock);

  return canned;
}

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  LinFaultProxy *self = user_data;
  Request *req = g_new0 (Request, 1);
  g_autoptr(GBytes) canned = NULL;

  req->proxy = self;
  req->msg = g_object_ref (msg);
  g_signal_connect (msg, "disconnected", G_CALLBACK (disconnected_cb), req);
  g_hash_table_add (self->live, req);

  record_request (self, msg);
  draw_fault (self, req);

  if (self->stopping)
    {
      answer_error (req, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", "1");
      return;
    }

  canned = take_canned (self, msg);
  if (canned != NULL)
    {
      answer (req, SOUP_STATUS_OK, "application/json", canned, NULL);
      return;
    }

  switch (req->fault)
    {
    /* at once, from the handler */
    case LIN_FAULT_DROP_REQUEST:
      cut (req, NULL);
      break;

    case LIN_FAULT_STATUS_500:
      answer_error (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, "server_error", NULL);
      break;

    case LIN_FAULT_STATUS_503:
      answer_error (req, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", "1");
      break;

    case LIN_FAULT_STATUS_429:
      answer_error (req, STATUS_TOO_MANY_REQUESTS, "too_many_requests", "1");
      break;

    /* later, from a callback: the message waits, paused, till then */
    case LIN_FAULT_DELAY:
      req->paused = TRUE;
      soup_server_message_pause (msg);
      req->delay = g_timeout_source_new (req->delay_ms);
      g_source_set_callback (req->delay, delay_done_cb, req, NULL);
      g_source_attach (req->delay, self->context);
      break;

    case LIN_FAULT_NONE:
    case LIN_FAULT_DROP_RESPONSE:
    case LIN_FAULT_STATUS_500_AFTER:
    case LIN_FAULT_TRUNCATE:
    case LIN_FAULT_CUT_MID_BODY:
      req->paused = TRUE;
      soup_server_message_pause (msg);
      if (req->fault == LIN_FAULT_NONE && link_delay (self, soup_server_message_get_request_body (msg)->length) > 0)
        {
          /* over the link first */
          req->delay = g_timeout_source_new (link_delay (self, soup_server_message_get_request_body (msg)->length));
          g_source_set_callback (req->delay, delay_done_cb, req, NULL);
          g_source_attach (req->delay, self->context);
          break;
        }
      forward (req);
      break;

    case LIN_N_FAULTS:
    default:
      g_assert_not_reached ();
    }
}

/* In the proxy's thread: what waits for a delay goes on at once, what
 * waits for upstream is cancelled; the loop ends with the last request */
static gboolean
stop_cb (gpointer user_data)
{
  LinFaultProxy *self = user_data;
  g_autoptr(GPtrArray) delayed = g_ptr_array_new ();
  GHashTableIter iter;
  Request *req;

  self->stopping = TRUE;
  g_cancellable_cancel (self->cancellable);

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, (gpointer *)&req, NULL))
    if (req->delay != NULL)
      g_ptr_array_add (delayed, req);

  for (guint i = 0; i < delayed->len; i++)
    {
      req = g_ptr_array_index (delayed, i);
      g_source_destroy (req->delay);
      g_clear_pointer (&req->delay, g_source_unref);
      answer_error (req, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", "1");
    }

  if (g_hash_table_size (self->live) == 0)
    g_main_loop_quit (self->loop);

  return G_SOURCE_REMOVE;
}

static gboolean
start (LinFaultProxy  *self,
       GError        **error)
{
  g_autoptr(GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);
  GSList *uris;
  guint port;

  self->server = soup_server_new ("tls-certificate", self->certificate, NULL);
  soup_server_add_handler (self->server, NULL, handler_cb, self, NULL);

  /* straight to 127.0.0.1, never through the system's proxy settings;
   * enough connections that concurrent clients do not queue here */
  self->session = soup_session_new_with_options ("timeout", 60,
                                                 "proxy-resolver", direct,
                                                 "max-conns", 64,
                                                 "max-conns-per-host", 32,
                                                 NULL);

  /* 127.0.0.1 only, on a port the kernel picks */
  if (!soup_server_listen_local (self->server, 0,
                                 SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, error))
    return FALSE;

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_mutex_lock (&self->lock);
  self->url = g_strdup_printf ("https://127.0.0.1:%u", port);
  g_mutex_unlock (&self->lock);

  return TRUE;
}

static gpointer
proxy_thread (gpointer user_data)
{
  LinFaultProxy *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean started;

  g_main_context_push_thread_default (self->context);

  self->loop = g_main_loop_new (self->context, FALSE);
  self->cancellable = g_cancellable_new ();
  self->live = g_hash_table_new_full (NULL, NULL, (GDestroyNotify)request_free, NULL);
  started = start (self, &error);

  g_mutex_lock (&self->lock);
  self->error = g_steal_pointer (&error);
  g_cond_signal (&self->started);
  g_mutex_unlock (&self->lock);

  if (started)
    g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  soup_session_abort (self->session);
  g_clear_object (&self->server);
  g_clear_object (&self->session);

  /* what the server and the session left to finish */
  while (g_main_context_iteration (self->context, FALSE))
    ;

  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

/* A certificate of the proxy's own, made in a throw-away folder: the key
 * is never left on disk */
static GTlsCertificate *
make_certificate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lin-fault-proxy-XXXXXX", &error);
  g_autofree char *cert_path = NULL;
  g_autofree char *key_path = NULL;
  GTlsCertificate *certificate;

  g_assert_no_error (error);
  lin_server_tls_make_self_signed (dir, NULL, &error);
  g_assert_no_error (error);
  certificate = lin_server_tls_load (dir, &error);
  g_assert_no_error (error);

  cert_path = g_build_filename (dir, LIN_SERVER_CERT_FILE, NULL);
  key_path = g_build_filename (dir, LIN_SERVER_KEY_FILE, NULL);
  g_assert_cmpint (g_unlink (key_path), ==, 0);
  g_assert_cmpint (g_unlink (cert_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  return certificate;
}

/**
 * lin_fault_proxy_new:
 * @upstream_url: the server, https://127.0.0.1:PORT
 * @upstream_pinned: its certificate: the only one accepted from it
 * @seed: the schedule's seed
 *
 * Starts a proxy in its own thread, listening on 127.0.0.1 on a free
 * port, with a fault rate of 0.3.
 *
 * Returns: (transfer full): the proxy, serving
 */
LinFaultProxy *
lin_fault_proxy_new (const char      *upstream_url,
                     GTlsCertificate *upstream_pinned,
                     guint32          seed)
{
  LinFaultProxy *self;
  g_autoptr(GUri) upstream = NULL;

  g_return_val_if_fail (upstream_url != NULL, NULL);
  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (upstream_pinned), NULL);

  /* a test's proxy never reaches anything but the machine itself */
  upstream = g_uri_parse (upstream_url, G_URI_FLAGS_NONE, NULL);
  g_return_val_if_fail (upstream != NULL, NULL);
  g_return_val_if_fail (g_str_equal (g_uri_get_scheme (upstream), "https"), NULL);
  g_return_val_if_fail (g_strcmp0 (g_uri_get_host (upstream), "127.0.0.1") == 0, NULL);

  self = g_new0 (LinFaultProxy, 1);
  self->upstream_url = g_strndup (upstream_url,
                                  strlen (upstream_url) - (g_str_has_suffix (upstream_url, "/") ? 1 : 0));
  self->upstream_pinned = g_object_ref (upstream_pinned);
  self->certificate = make_certificate ();
  self->fingerprint = lin_server_tls_fingerprint (self->certificate);
  self->rand = g_rand_new_with_seed (seed);
  self->rate = DEFAULT_RATE;
  self->faults = g_array_new (FALSE, FALSE, sizeof (LinFault));
  self->traffic = g_byte_array_new ();
  g_mutex_init (&self->lock);
  g_cond_init (&self->started);
  self->context = g_main_context_new ();

  g_mutex_lock (&self->lock);
  self->thread = g_thread_new ("lin-fault-proxy", proxy_thread, self);
  while (self->url == NULL && self->error == NULL)
    g_cond_wait (&self->started, &self->lock);
  g_mutex_unlock (&self->lock);

  g_assert_no_error (self->error);

  return self;
}

/**
 * lin_fault_proxy_get_url:
 * @self: a #LinFaultProxy
 *
 * Returns: where it listens, https://127.0.0.1:PORT
 */
const char *
lin_fault_proxy_get_url (LinFaultProxy *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->url;
}

/**
 * lin_fault_proxy_get_fingerprint:
 * @self: a #LinFaultProxy
 *
 * Returns: the SHA-256 of its certificate, as lin_sync_message_pin()
 *   takes it
 */
const char *
lin_fault_proxy_get_fingerprint (LinFaultProxy *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->fingerprint;
}

/**
 * lin_fault_proxy_set_rate:
 * @self: a #LinFaultProxy
 * @rate: the share of requests that get a fault, 0 to 1
 *
 * 0 passes every request through untouched (but a forced one). The draws
 * are made whatever the rate, so the schedule stays in step.
 */
void
lin_fault_proxy_set_rate (LinFaultProxy *self,
                          double         rate)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (rate >= 0.0 && rate <= 1.0);

  g_mutex_lock (&self->lock);
  self->rate = rate;
  g_mutex_unlock (&self->lock);
}

/**
 * lin_fault_proxy_delay_query:
 * @self: a #LinFaultProxy
 * @query: a part of a query string, e.g. "since=200&"
 * @delay_ms: how long
 *
 * The next request whose query holds @query waits @delay_ms before it is
 * forwarded (LIN_FAULT_DELAY), whatever the schedule says; its draws are
 * taken as for any other.
 */
void
lin_fault_proxy_delay_query (LinFaultProxy *self,
                             const char    *query,
                             guint          delay_ms)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (query != NULL);

  g_mutex_lock (&self->lock);
  g_free (self->delay_query);
  g_free (self->canned_query);
  g_clear_pointer (&self->canned_answer, g_bytes_unref);
  self->delay_query = g_strdup (query);
  self->delay_ms = delay_ms;
  g_mutex_unlock (&self->lock);
}

/**
 * lin_fault_proxy_answer_query:
 * @self: a #LinFaultProxy
 * @query: (nullable): a part of a query string, e.g. "since=200&"; %NULL
 *   to stop
 * @json: (nullable): an answer body
 *
 * From now on, every request whose query holds @query is not forwarded:
 * it is answered 200 with @json, as a hostile or broken server might,
 * until this is called again. Its draws are taken as for any other.
 */
void
lin_fault_proxy_answer_query (LinFaultProxy *self,
                              const char    *query,
                              const char    *json)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((query == NULL) == (json == NULL));

  g_mutex_lock (&self->lock);
  g_free (self->canned_query);
  self->canned_query = g_strdup (query);
  g_clear_pointer (&self->canned_answer, g_bytes_unref);
  self->canned_answer = json != NULL ? g_bytes_new (json, strlen (json)) : NULL;
  g_mutex_unlock (&self->lock);
}

/**
 * lin_fault_proxy_set_link:
 * @self: a #LinFaultProxy
 * @bits_per_s: the link's rate; 0: none
 * @rtt_ms: its round trip
 *
 * Every request not given a fault crosses a link of this rate both ways:
 * it is forwarded after half the round trip and its body's time at the
 * rate, and its answer is given after the same for the answer's body.
 * Requests are not queued behind each other: a model of one connection
 * at a time.
 */
void
lin_fault_proxy_set_link (LinFaultProxy *self,
                          guint64        bits_per_s,
                          guint          rtt_ms)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  self->link_bps = bits_per_s;
  self->link_rtt_ms = rtt_ms;
  g_mutex_unlock (&self->lock);
}

/**
 * lin_fault_proxy_get_certificate:
 * @self: a #LinFaultProxy
 *
 * Returns: (transfer none): the certificate the proxy serves, to pin
 */
GTlsCertificate *
lin_fault_proxy_get_certificate (LinFaultProxy *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->certificate;
}

/**
 * lin_fault_proxy_force_next:
 * @self: a #LinFaultProxy
 * @fault: the fault the next request gets, whatever the schedule says
 */
void
lin_fault_proxy_force_next (LinFaultProxy *self,
                            LinFault       fault)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (fault < LIN_N_FAULTS);

  g_mutex_lock (&self->lock);
  self->forced = fault;
  g_mutex_unlock (&self->lock);
}

/**
 * lin_fault_proxy_get_count:
 * @self: a #LinFaultProxy
 * @fault: a fault, or %LIN_FAULT_NONE
 *
 * Returns: how many requests got @fault so far
 */
guint
lin_fault_proxy_get_count (LinFaultProxy *self,
                           LinFault       fault)
{
  guint count;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (fault < LIN_N_FAULTS, 0);

  g_mutex_lock (&self->lock);
  count = self->counts[fault];
  g_mutex_unlock (&self->lock);

  return count;
}

/**
 * lin_fault_proxy_get_n_requests:
 * @self: a #LinFaultProxy
 *
 * Returns: how many requests reached the proxy so far
 */
guint
lin_fault_proxy_get_n_requests (LinFaultProxy *self)
{
  guint n;

  g_return_val_if_fail (self != NULL, 0);

  g_mutex_lock (&self->lock);
  n = self->n_requests;
  g_mutex_unlock (&self->lock);

  return n;
}

/**
 * lin_fault_proxy_dup_faults:
 * @self: a #LinFaultProxy
 *
 * What each request got so far, in the order they came: the schedule as
 * it ran, to print when a test fails.
 *
 * Returns: (transfer full) (element-type LinFault): a copy of them
 */
GArray *
lin_fault_proxy_dup_faults (LinFaultProxy *self)
{
  GArray *faults;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  faults = g_array_copy (self->faults);
  g_mutex_unlock (&self->lock);

  return faults;
}

/**
 * lin_fault_proxy_dup_traffic:
 * @self: a #LinFaultProxy
 *
 * Every request's URI, Authorization and Content-Type values and body,
 * every answer's Content-Type value and body (upstream's whole, even
 * when the client got only part of it, and the proxy's own errors), in
 * the order they passed: for looking for what must never be on the wire.
 *
 * Returns: (transfer full): a copy of them, concatenated
 */
GBytes *
lin_fault_proxy_dup_traffic (LinFaultProxy *self)
{
  GBytes *traffic;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  traffic = g_bytes_new (self->traffic->data, self->traffic->len);
  g_mutex_unlock (&self->lock);

  return traffic;
}

/**
 * lin_fault_name:
 * @fault: a fault
 *
 * Returns: its name, for test messages
 */
const char *
lin_fault_name (LinFault fault)
{
  g_return_val_if_fail (fault < LIN_N_FAULTS, NULL);

  return fault_names[fault];
}

/**
 * lin_fault_proxy_free:
 * @self: a #LinFaultProxy
 *
 * Stops the proxy: requests waiting for upstream or for a delay are
 * answered 503, or cut as they were going to be; then its thread ends.
 */
void
lin_fault_proxy_free (LinFaultProxy *self)
{
  g_return_if_fail (self != NULL);

  g_main_context_invoke (self->context, stop_cb, self);
  g_thread_join (self->thread);

  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->certificate);
  g_clear_object (&self->upstream_pinned);
  g_clear_pointer (&self->rand, g_rand_free);
  g_clear_pointer (&self->faults, g_array_unref);
  g_clear_pointer (&self->traffic, g_byte_array_unref);
  g_clear_error (&self->error);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->started);
  g_free (self->upstream_url);
  g_free (self->delay_query);
  g_free (self->fingerprint);
  g_free (self->url);
  g_free (self);
}
