/* lin-sync.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sync with the organisation's server (src/server/PROTOCOL.md). One
 * attempt (lin_sync_run_async()):
 *
 *   1. a device waiting for approval asks for its certificate; once the
 *      coordinator approved it, it checks the certificate against the
 *      organisation key pinned at enrolment, opens its collection keys and
 *      takes them into the store (re-keying what it had: one step);
 *   2. the outbox is pushed in pages, each revision signed by this device;
 *      an outbox row goes only once its answer (applied, duplicate) is
 *      committed here;
 *   3. the collection is pulled in pages from the stored cursor: each
 *      revision's signature is checked against a device the organisation
 *      certified, then it is opened and applied (merged where this laptop
 *      changed the record too) with the new cursor, in one transaction;
 *   4. a push that met a conflict goes again after the pull merged it.
 *
 * Nothing here blocks: requests are asynchronous, and one page is applied
 * at a time. When to try is LinSyncSchedule's: after a save, when the
 * network comes back, at unlock, on a timer, when she asks.
 */

#define G_LOG_DOMAIN "lin-sync"

#include "config.h"

#include <libsoup/soup.h>
#include <sodium.h>
#include <string.h>

#include "lin-store-sync.h"
#include "lin-sync-approve.h"
#include "lin-sync-private.h"
#include "lin-sync-engine.h"

#define PENDING_POLL_S  10
#define REQUEST_TIMEOUT 30

G_DEFINE_FINAL_TYPE (LinSync, lin_sync, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_PROBLEM,
  PROP_N_WAITING,
  PROP_N_CONFLICTS,
  PROP_LAST_SUCCESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

LinSyncDevice *
lin_sync_device_copy (const LinSyncDevice *device)
{
  LinSyncDevice *copy = g_new0 (LinSyncDevice, 1);

  copy->device_id = g_strdup (device->device_id);
  copy->name = g_strdup (device->name);
  copy->safety_number = g_strdup (device->safety_number);
  copy->enrolled = device->enrolled;
  copy->sign_key = g_strdup (device->sign_key);
  copy->box_key = g_strdup (device->box_key);

  return copy;
}

void
lin_sync_device_free (LinSyncDevice *device)
{
  if (device == NULL)
    return;

  g_free (device->device_id);
  g_free (device->name);
  g_free (device->safety_number);
  g_free (device->sign_key);
  g_free (device->box_key);
  g_free (device);
}

const char *
lin_sync_account_string (LinSync    *self,
                const char *field)
{
  return lin_record_get_string (self->account, field);
}

gboolean
lin_sync_account_pending (LinSync *self)
{
  return g_strcmp0 (lin_sync_account_string (self, LIN_SYNC_ACCOUNT_FIELD_STATE), "approved") != 0;
}

/**
 * lin_sync_get_pending:
 * @self: a #LinSync
 *
 * Returns: whether this laptop still waits for the coordinator's approval
 */
gboolean
lin_sync_get_pending (LinSync *self)
{
  g_return_val_if_fail (LIN_IS_SYNC (self), FALSE);

  return lin_sync_account_pending (self);
}

gboolean
lin_sync_is_coordinator (LinSync *self)
{
  g_return_val_if_fail (LIN_IS_SYNC (self), FALSE);

  return g_strcmp0 (lin_sync_account_string (self, LIN_SYNC_ACCOUNT_FIELD_ROLE), "coordinator") == 0;
}

char *
lin_sync_own_key_base64 (LinSync  *self,
                gboolean  box)
{
  return box ? g_base64_encode (lin_device_keys_get_box_public (self->keys), LIN_BOX_PUBLIC_BYTES)
             : g_base64_encode (lin_device_keys_get_sign_public (self->keys), LIN_SIGN_PUBLIC_BYTES);
}

/* Status */

static guint
count_conflicts (LinSync *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  guint n = 0;

  if (!lin_store_is_open (self->store))
    return 0;

  conflicts = lin_store_list (self->store, LIN_CONFLICT_KIND);
  for (guint i = 0; i < conflicts->len; i++)
    {
      JsonNode *resolved = json_object_get_member (lin_record_get_fields (conflicts->pdata[i]),
                                                   LIN_CONFLICT_FIELD_RESOLVED);

      if (resolved == NULL || !json_node_get_boolean (resolved))
        n++;
    }

  return n;
}

static void
conflict_changed_cb (LinStore  *store,
                     LinRecord *record,
                     gpointer   data)
{
  LinSync *self = data;

  if (g_strcmp0 (lin_record_get_kind (record), LIN_CONFLICT_KIND) == 0)
    self->conflicts_stale = TRUE;
}

static void
set_uint (LinSync *self,
          guint   *field,
          guint    value,
          guint    prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
lin_sync_update_status (LinSync *self)
{
  LinSyncState state = self->schedule != NULL ? lin_sync_schedule_get_state (self->schedule) : LIN_SYNC_STATE_IDLE;
  LinSyncStatus status;

  if (lin_store_is_open (self->store))
    {
      set_uint (self, &self->n_waiting, lin_store_get_n_outbox (self->store), PROP_N_WAITING);
      /* counted again only when one changed: a count reads every record */
      if (self->conflicts_stale)
        set_uint (self, &self->n_conflicts, count_conflicts (self), PROP_N_CONFLICTS);
      self->conflicts_stale = FALSE;
    }

  /* waiting for approval, the polls for it are not worth a word */
  if (self->problem != LIN_SYNC_PROBLEM_NONE || state == LIN_SYNC_STATE_ATTENTION)
    status = LIN_SYNC_STATUS_ATTENTION;
  else if (lin_sync_account_pending (self))
    status = LIN_SYNC_STATUS_PENDING;
  else if (self->running)
    status = LIN_SYNC_STATUS_SYNCING;
  else if (state == LIN_SYNC_STATE_OFFLINE)
    status = LIN_SYNC_STATUS_OFFLINE;
  else if (self->n_waiting > 0)
    status = LIN_SYNC_STATUS_WAITING;
  else
    status = LIN_SYNC_STATUS_SYNCED;

  set_uint (self, &self->status, status, PROP_STATUS);
}

static gboolean
count_idle_cb (gpointer data)
{
  LinSync *self = data;

  self->count_idle = 0;
  lin_sync_update_status (self);

  return G_SOURCE_REMOVE;
}

void
lin_sync_set_problem (LinSync        *self,
             LinSyncProblem  problem)
{
  set_uint (self, &self->problem, problem, PROP_PROBLEM);
}

/* Requests: one session, so that its connection stays open between pages */

void
lin_sync_answer_free (LinSyncAnswer *answer)
{
  g_clear_pointer (&answer->answer, json_object_unref);
  g_free (answer);
}

static JsonObject *
parse_object (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  JsonNode *root;

  if (len == 0 || len > LIN_SYNC_MAX_ANSWER || !json_parser_load_from_data (parser, data, (gssize)len, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_object_ref (json_node_get_object (root));
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
  SoupMessage *msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  LinSyncAnswer *answer;

  body = lin_sync_read_finish (result, &msg, &error);
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_NETWORK, "%s", error->message);
      return;
    }

  answer = g_new0 (LinSyncAnswer, 1);
  answer->status = soup_message_get_status (msg);
  answer->answer = parse_object (body);

  /* an answer cut short, or not JSON: as if none came */
  if (answer->status == SOUP_STATUS_OK && answer->answer == NULL)
    {
      lin_sync_answer_free (answer);
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_NETWORK, "The server's answer was not whole");
      return;
    }

  g_task_return_pointer (task, answer, (GDestroyNotify)lin_sync_answer_free);
}

void
lin_sync_send (LinSync             *self,
              const char          *method,
              const char          *path,
              GBytes              *body,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  lin_sync_send_full (self, method, path, body, cancellable, NULL, NULL, NULL, callback, user_data);
}

/* @wrote (nullable): called as void (*) (SoupMessage *, gpointer) once the
 * request is on its way, the server at work on it: the time to do what
 * the next request needs (called again if libsoup sends it again) */
void
lin_sync_send_full (LinSync             *self,
                    const char          *method,
                    const char          *path,
                    GBytes              *body,
                    GCancellable        *cancellable,
                    GCallback            wrote,
                    gpointer             wrote_data,
                    GDestroyNotify       wrote_destroy,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(SoupMessage) msg = lin_sync_message_new (self->account, method, path, body);

  if (msg == NULL)
    {
      if (wrote_destroy != NULL)
        wrote_destroy (wrote_data);
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The account has no server");
      return;
    }

  /* libsoup sends a POST on a new connection (a TLS handshake each)
   * unless it may be sent twice: every request here may, a push's page
   * too (a page sent again is answered "duplicate") */
  soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);
  if (wrote != NULL)
    g_signal_connect_data (msg, "wrote-body", wrote, wrote_data, (GClosureNotify)(void (*) (void))wrote_destroy, 0);
  else if (wrote_destroy != NULL)
    wrote_destroy (wrote_data);
  lin_sync_read_async (self->session, msg, cancellable, sent_cb, g_steal_pointer (&task));
}

LinSyncAnswer *
lin_sync_send_finish (GAsyncResult  *result,
             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

GBytes *
lin_sync_json_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize len;
  char *text;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &len);

  return g_bytes_new_take (text, len);
}

/* Signatures and certificates */

static GBytes *
signed_message (const guint8 *envelope,
                gsize         len)
{
  guint8 *message = g_malloc (len + strlen (LIN_ENVELOPE_SIGN_CONTEXT));

  memcpy (message, LIN_ENVELOPE_SIGN_CONTEXT, strlen (LIN_ENVELOPE_SIGN_CONTEXT));
  memcpy (message + strlen (LIN_ENVELOPE_SIGN_CONTEXT), envelope, len);

  return g_bytes_new_take (message, len + strlen (LIN_ENVELOPE_SIGN_CONTEXT));
}

/* The envelope as it goes to the server, base64: signed by this device */
char *
lin_sync_sign_envelope (LinSync *self,
               GBytes  *envelope)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (envelope, &len);
  g_autoptr(GBytes) message = signed_message (data, len);
  g_autoptr(GBytes) signature = lin_device_keys_sign (self->keys, message);
  g_autofree guint8 *out = g_malloc (len + LIN_ENVELOPE_SIGNATURE_BYTES);

  memcpy (out, data, len);
  memcpy (out + len, lin_device_keys_get_sign_public (self->keys), LIN_SIGN_PUBLIC_BYTES);
  memcpy (out + len + LIN_SIGN_PUBLIC_BYTES, g_bytes_get_data (signature, NULL), LIN_SIGNATURE_BYTES);

  return g_base64_encode (out, len + LIN_ENVELOPE_SIGNATURE_BYTES);
}

/* Checks the signature after an envelope; gives the envelope without it */
LinSyncVerified
lin_sync_verify_envelope (LinSync  *self,
                 GBytes   *signed_envelope,
                 GBytes  **envelope)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (signed_envelope, &len);
  g_autoptr(GBytes) message = NULL;
  g_autoptr(GBytes) signature = NULL;
  g_autofree char *signer = NULL;
  const guint8 *sign_public;

  if (len <= LIN_ENVELOPE_SIGNATURE_BYTES)
    return LIN_SYNC_VERIFY_BAD;

  len -= LIN_ENVELOPE_SIGNATURE_BYTES;
  sign_public = data + len;
  message = signed_message (data, len);
  signature = g_bytes_new (data + len + LIN_SIGN_PUBLIC_BYTES, LIN_SIGNATURE_BYTES);
  if (!lin_signature_verify (sign_public, message, signature))
    return LIN_SYNC_VERIFY_BAD;

  signer = g_base64_encode (sign_public, LIN_SIGN_PUBLIC_BYTES);
  if (!g_hash_table_contains (self->trusted, signer))
    return LIN_SYNC_VERIFY_UNKNOWN;

  *envelope = g_bytes_new (data, len);
  return LIN_SYNC_VERIFY_OK;
}

/* Trusts the devices whose certificates the organisation key signed */
void
lin_sync_take_certificates (LinSync    *self,
                   JsonObject *answer)
{
  const char *org_key = lin_sync_account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_KEY);
  const char *org_id = lin_sync_account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_ID);
  JsonNode *node = answer != NULL ? json_object_get_member (answer, "certificates") : NULL;
  JsonArray *list = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);
      JsonObject *device = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      const char *device_id, *sign_key, *box_key, *certificate;

      if (device == NULL)
        continue;
      device_id = json_object_get_string_member_with_default (device, "device_id", NULL);
      sign_key = json_object_get_string_member_with_default (device, "sign_key", NULL);
      box_key = json_object_get_string_member_with_default (device, "box_key", NULL);
      certificate = json_object_get_string_member_with_default (device, "certificate", NULL);
      if (device_id != NULL && sign_key != NULL && box_key != NULL && certificate != NULL &&
          lin_sync_certificate_check (certificate, org_key, org_id, device_id, sign_key, box_key, NULL))
        g_hash_table_add (self->trusted, g_strdup (sign_key));
    }
}

/* An attempt went through */
void
lin_sync_note_success (LinSync *self)
{
  self->last_success = g_get_real_time ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SUCCESS]);
}

/* Scheduling */

static void
attempt_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  LinSync *self = LIN_SYNC (source);
  g_autoptr(GError) error = NULL;
  LinSyncOutcome outcome = lin_sync_run_finish (self, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_debug ("Sync: %s", error->message);
  if (self->schedule != NULL)
    lin_sync_schedule_finished (self->schedule, outcome);
}

static void
attempt_cb (LinSyncSchedule *schedule,
            int              reason,
            gpointer         data)
{
  LinSync *self = data;

  lin_sync_run_async (self, self->cancellable, attempt_done_cb, NULL);
}

static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    gpointer         data)
{
  LinSync *self = data;

  lin_sync_schedule_set_online (self->schedule, available);
  if (available)
    lin_sync_schedule_poke (self->schedule, LIN_SYNC_REASON_NETWORK);
  lin_sync_update_status (self);
}

static void
record_changed_cb (LinStore  *store,
                   LinRecord *record,
                   gpointer   data)
{
  LinSync *self = data;

  /* a save while an attempt runs makes one more after it (the
   * schedule's "again"); what the attempt itself writes does not */
  if (!lin_record_get_local (record) && self->schedule != NULL && !self->writing)
    lin_sync_schedule_poke (self->schedule, LIN_SYNC_REASON_SAVE);

  /* counted once, after a burst of saves */
  if (self->count_idle == 0)
    self->count_idle = g_idle_add (count_idle_cb, self);
}

static void
schedule_state_cb (LinSyncSchedule *schedule,
                   GParamSpec      *pspec,
                   gpointer         data)
{
  lin_sync_update_status (data);
}

static gboolean
pending_poll_cb (gpointer data)
{
  LinSync *self = data;

  if (!lin_sync_account_pending (self))
    {
      self->pending_poll = 0;
      return G_SOURCE_REMOVE;
    }
  if (!self->running)
    lin_sync_schedule_poke (self->schedule, LIN_SYNC_REASON_TIMER);

  return G_SOURCE_CONTINUE;
}

/**
 * lin_sync_start:
 * @self: a #LinSync
 * @monitor: (nullable): where to learn whether there is a network
 *
 * Syncs from now on when LinSyncSchedule says, until lin_sync_stop().
 */
void
lin_sync_start (LinSync         *self,
                GNetworkMonitor *monitor)
{
  g_return_if_fail (LIN_IS_SYNC (self));
  g_return_if_fail (self->schedule == NULL);

  self->cancellable = g_cancellable_new ();
  self->schedule = lin_sync_schedule_new (g_random_int ());
  g_signal_connect (self->schedule, "attempt", G_CALLBACK (attempt_cb), self);
  g_signal_connect (self->schedule, "notify::state", G_CALLBACK (schedule_state_cb), self);
  if (monitor != NULL)
    {
      self->monitor = g_object_ref (monitor);
      lin_sync_schedule_set_online (self->schedule, g_network_monitor_get_network_available (monitor));
      self->network_handler = g_signal_connect (monitor, "network-changed", G_CALLBACK (network_changed_cb), self);
    }
  self->changed_handler = g_signal_connect (self->store, "record-changed", G_CALLBACK (record_changed_cb), self);
  if (lin_sync_account_pending (self))
    self->pending_poll = g_timeout_add_seconds (PENDING_POLL_S, pending_poll_cb, self);

  lin_sync_schedule_start (self->schedule);
  lin_sync_update_status (self);
}

/**
 * lin_sync_stop:
 * @self: a #LinSync
 *
 * Stops syncing and cancels an attempt that runs (before a lock closes
 * the store).
 */
void
lin_sync_stop (LinSync *self)
{
  g_return_if_fail (LIN_IS_SYNC (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_signal_handler (&self->network_handler, self->monitor);
  g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_object (&self->monitor);
  g_clear_handle_id (&self->pending_poll, g_source_remove);
  g_clear_handle_id (&self->count_idle, g_source_remove);
  if (self->schedule != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->schedule, self);
      lin_sync_schedule_stop (self->schedule);
      g_clear_object (&self->schedule);
    }
  self->running = FALSE;
}

/**
 * lin_sync_poke:
 * @self: a started #LinSync
 * @reason: why
 *
 * Asks for an attempt soon (Sync Now: %LIN_SYNC_REASON_USER).
 */
void
lin_sync_poke (LinSync       *self,
               LinSyncReason  reason)
{
  g_return_if_fail (LIN_IS_SYNC (self));

  /* she asked, or came back: keys and revocations are looked at too */
  if (reason == LIN_SYNC_REASON_USER || reason == LIN_SYNC_REASON_UNLOCK)
    lin_sync_forget_keys_checked (self);
  if (self->schedule != NULL)
    lin_sync_schedule_poke (self->schedule, reason);
}

/**
 * lin_sync_forget_keys_checked:
 * @self: a #LinSync
 *
 * The next attempt looks for new keys (a member) or for revocations no
 * new key answers yet (the coordinator), as the first after unlock does.
 */
void
lin_sync_forget_keys_checked (LinSync *self)
{
  g_return_if_fail (LIN_IS_SYNC (self));

  self->keys_checked = G_MININT64 / 2;
}

/* The object */

LinRecord *
lin_sync_get_account (LinSync *self)
{
  g_return_val_if_fail (LIN_IS_SYNC (self), NULL);

  return self->account;
}

LinStore *
lin_sync_get_store (LinSync *self)
{
  g_return_val_if_fail (LIN_IS_SYNC (self), NULL);

  return self->store;
}

LinSyncStatus
lin_sync_get_status (LinSync *self)
{
  g_return_val_if_fail (LIN_IS_SYNC (self), LIN_SYNC_STATUS_ATTENTION);

  return self->status;
}

LinSyncProblem
lin_sync_get_problem (LinSync *self)
{
  g_return_val_if_fail (LIN_IS_SYNC (self), LIN_SYNC_PROBLEM_NONE);

  return self->problem;
}

guint
lin_sync_get_n_waiting (LinSync *self)
{
  g_return_val_if_fail (LIN_IS_SYNC (self), 0);

  return self->n_waiting;
}

guint
lin_sync_get_n_conflicts (LinSync *self)
{
  g_return_val_if_fail (LIN_IS_SYNC (self), 0);

  return self->n_conflicts;
}

/**
 * lin_sync_get_last_success:
 * @self: a #LinSync
 *
 * Returns: when an attempt last went through, real time in µs; 0: not
 *   since unlock
 */
gint64
lin_sync_get_last_success (LinSync *self)
{
  g_return_val_if_fail (LIN_IS_SYNC (self), 0);

  return self->last_success;
}

static void
lin_sync_dispose (GObject *object)
{
  LinSync *self = LIN_SYNC (object);

  lin_sync_stop (self);
  if (self->store != NULL)
    g_clear_signal_handler (&self->conflicts_handler, self->store);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (lin_sync_parent_class)->dispose (object);
}

static void
lin_sync_finalize (GObject *object)
{
  LinSync *self = LIN_SYNC (object);

  g_clear_object (&self->store);
  g_clear_object (&self->account);
  g_clear_pointer (&self->keys, lin_device_keys_free);
  g_clear_pointer (&self->trusted, g_hash_table_unref);

  G_OBJECT_CLASS (lin_sync_parent_class)->finalize (object);
}

static void
lin_sync_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LinSync *self = LIN_SYNC (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_PROBLEM:
      g_value_set_int (value, self->problem);
      break;

    case PROP_N_WAITING:
      g_value_set_uint (value, self->n_waiting);
      break;

    case PROP_N_CONFLICTS:
      g_value_set_uint (value, self->n_conflicts);
      break;

    case PROP_LAST_SUCCESS:
      g_value_set_int64 (value, self->last_success);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_sync_class_init (LinSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lin_sync_dispose;
  object_class->finalize = lin_sync_finalize;
  object_class->get_property = lin_sync_get_property;

  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, G_MAXINT, LIN_SYNC_STATUS_SYNCED,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_int ("problem", NULL, NULL, 0, G_MAXINT, LIN_SYNC_PROBLEM_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_WAITING] =
    g_param_spec_uint ("n-waiting", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_CONFLICTS] =
    g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SUCCESS] =
    g_param_spec_int64 ("last-success", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lin_sync_init (LinSync *self)
{
  self->trusted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->status = LIN_SYNC_STATUS_SYNCED;
  self->keys_checked = G_MININT64 / 2;
  self->session = soup_session_new_with_options ("timeout", REQUEST_TIMEOUT, "max-conns-per-host", 2, NULL);
}

/**
 * lin_sync_new:
 * @store: the open store
 * @keys: (transfer full): this device's keys
 * @account: the account (lin_sync_find_account())
 *
 * Returns: (transfer full): a #LinSync, not started
 */
LinSync *
lin_sync_new (LinStore      *store,
              LinDeviceKeys *keys,
              LinRecord     *account)
{
  LinSync *self;

  g_return_val_if_fail (LIN_IS_STORE (store), NULL);
  g_return_val_if_fail (keys != NULL, NULL);
  g_return_val_if_fail (LIN_IS_RECORD (account), NULL);

  self = g_object_new (LIN_TYPE_SYNC, NULL);
  self->store = g_object_ref (store);
  self->keys = keys;
  self->account = g_object_ref (account);
  self->conflicts_stale = TRUE;
  self->conflicts_handler = g_signal_connect (store, "record-changed", G_CALLBACK (conflict_changed_cb), self);

  /* this device trusts itself */
  g_hash_table_add (self->trusted, lin_sync_own_key_base64 (self, FALSE));
  lin_sync_update_status (self);

  return self;
}
