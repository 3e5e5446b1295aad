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
#include "lin-sync.h"

#define PAGE_OPS        200
#define PAGE_BYTES      (1024 * 1024 - PAGE_OPS * LIN_ENVELOPE_SIGNATURE_BYTES)
#define MAX_ROUNDS      4
#define PENDING_POLL_S  10
#define REQUEST_TIMEOUT 30
#define KEYS_CHECK_US   (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

struct _LinSync
{
  GObject          parent_instance;

  LinStore        *store;
  LinDeviceKeys   *keys;
  LinRecord       *account;
  SoupSession     *session;
  GHashTable      *trusted;     /* base64 public signing keys the organisation certified */

  LinSyncSchedule *schedule;
  GNetworkMonitor *monitor;
  GCancellable    *cancellable;
  gulong           network_handler;
  gulong           changed_handler;
  guint            pending_poll;
  guint            count_idle;
  gboolean         running;
  gint64           keys_checked;  /* monotonic µs of the last look for new keys */

  LinSyncStatus    status;
  LinSyncProblem   problem;
  guint            n_waiting;
  guint            n_conflicts;
  gint64           last_success;
};

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

static const char *
account_string (LinSync    *self,
                const char *field)
{
  return lin_record_get_string (self->account, field);
}

static gboolean
is_pending (LinSync *self)
{
  return g_strcmp0 (account_string (self, LIN_SYNC_ACCOUNT_FIELD_STATE), "approved") != 0;
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

  return is_pending (self);
}

gboolean
lin_sync_is_coordinator (LinSync *self)
{
  g_return_val_if_fail (LIN_IS_SYNC (self), FALSE);

  return g_strcmp0 (account_string (self, LIN_SYNC_ACCOUNT_FIELD_ROLE), "coordinator") == 0;
}

static char *
own_key_base64 (LinSync  *self,
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

static void
update_status (LinSync *self)
{
  LinSyncState state = self->schedule != NULL ? lin_sync_schedule_get_state (self->schedule) : LIN_SYNC_STATE_IDLE;
  LinSyncStatus status;

  if (lin_store_is_open (self->store))
    {
      set_uint (self, &self->n_waiting, lin_store_get_n_outbox (self->store), PROP_N_WAITING);
      set_uint (self, &self->n_conflicts, count_conflicts (self), PROP_N_CONFLICTS);
    }

  /* waiting for approval, the polls for it are not worth a word */
  if (self->problem != LIN_SYNC_PROBLEM_NONE || state == LIN_SYNC_STATE_ATTENTION)
    status = LIN_SYNC_STATUS_ATTENTION;
  else if (is_pending (self))
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
  update_status (self);

  return G_SOURCE_REMOVE;
}

static void
set_problem (LinSync        *self,
             LinSyncProblem  problem)
{
  set_uint (self, &self->problem, problem, PROP_PROBLEM);
}

/* Requests: one session, so that its connection stays open between pages */

typedef struct
{
  guint       status;
  JsonObject *answer;
} Answer;

static void
answer_free (Answer *answer)
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
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  Answer *answer;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_NETWORK, "%s", error->message);
      return;
    }

  answer = g_new0 (Answer, 1);
  answer->status = soup_message_get_status (msg);
  answer->answer = parse_object (body);

  /* an answer cut short, or not JSON: as if none came */
  if (answer->status == SOUP_STATUS_OK && answer->answer == NULL)
    {
      answer_free (answer);
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_NETWORK, "The server's answer was not whole");
      return;
    }

  g_task_return_pointer (task, answer, (GDestroyNotify)answer_free);
}

static void
send_request (LinSync             *self,
              const char          *method,
              const char          *path,
              GBytes              *body,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(SoupMessage) msg = lin_sync_message_new (self->account, method, path, body);

  if (msg == NULL)
    {
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The account has no server");
      return;
    }

  /* libsoup sends a POST on a new connection (a TLS handshake each)
   * unless it may be sent twice: every request here may, a push's page
   * too (a page sent again is answered "duplicate") */
  soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable, sent_cb,
                                    g_steal_pointer (&task));
}

static Answer *
send_finish (GAsyncResult  *result,
             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static GBytes *
json_bytes (JsonBuilder *builder)
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
static char *
sign_envelope (LinSync *self,
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

typedef enum
{
  VERIFY_OK,
  VERIFY_BAD,        /* not signed, or not by the key it names */
  VERIFY_UNKNOWN,    /* signed by a key no certificate here names (yet) */
} Verified;

/* Checks the signature after an envelope; gives the envelope without it */
static Verified
verify_envelope (LinSync  *self,
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
    return VERIFY_BAD;

  len -= LIN_ENVELOPE_SIGNATURE_BYTES;
  sign_public = data + len;
  message = signed_message (data, len);
  signature = g_bytes_new (data + len + LIN_SIGN_PUBLIC_BYTES, LIN_SIGNATURE_BYTES);
  if (!lin_signature_verify (sign_public, message, signature))
    return VERIFY_BAD;

  signer = g_base64_encode (sign_public, LIN_SIGN_PUBLIC_BYTES);
  if (!g_hash_table_contains (self->trusted, signer))
    return VERIFY_UNKNOWN;

  *envelope = g_bytes_new (data, len);
  return VERIFY_OK;
}

/* Trusts the devices whose certificates the organisation key signed */
static void
take_certificates (LinSync    *self,
                   JsonObject *answer)
{
  const char *org_key = account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_KEY);
  const char *org_id = account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_ID);
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

/* One attempt */

typedef struct
{
  LinSyncOutcome outcome;
  GHashTable    *attempted;    /* records pushed this round (binary ids) */
  gboolean       conflicted;
  guint          round;
  GPtrArray     *ops;          /* the page in flight */
  JsonObject    *pulled;       /* the page being applied */
  gint64         since;
  gboolean       fetched_certificates;
  gboolean       fetched_keys;
} Run;

static void
run_free (Run *run)
{
  g_clear_pointer (&run->ops, g_ptr_array_unref);
  g_clear_pointer (&run->pulled, json_object_unref);
  g_clear_pointer (&run->attempted, g_hash_table_unref);
  g_free (run);
}

static void push_next (GTask *task);
static void pull_next (GTask *task);
static void apply_pulled (GTask *task);

static void
run_fail (GTask          *task,
          LinSyncOutcome  outcome,
          LinSyncProblem  problem,
          GError         *error)
{
  LinSync *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  run->outcome = outcome;
  if (problem != LIN_SYNC_PROBLEM_NONE)
    set_problem (self, problem);
  g_task_return_error (task, error);
}

static void
run_fail_status (GTask *task,
                 guint  status)
{
  LinSyncOutcome outcome = lin_sync_outcome_for_status (status);
  LinSyncProblem problem = LIN_SYNC_PROBLEM_NONE;

  if (outcome == LIN_SYNC_OUTCOME_PERMANENT)
    problem = status == 401 || status == 403 ? LIN_SYNC_PROBLEM_REFUSED : LIN_SYNC_PROBLEM_SERVER;

  run_fail (task, outcome, problem,
            g_error_new (LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The server answered %u", status));
}

/* Takes an answer; FALSE (and the task done) when there is none to go on with */
static Answer *
take_answer (GTask        *task,
             GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;
  Answer *answer = send_finish (result, &error);

  if (answer == NULL)
    {
      run_fail (task, LIN_SYNC_OUTCOME_TRANSIENT, LIN_SYNC_PROBLEM_NONE, g_steal_pointer (&error));
      return NULL;
    }

  if (g_task_return_error_if_cancelled (task))
    {
      answer_free (answer);
      return NULL;
    }

  if (answer->status != SOUP_STATUS_OK)
    {
      run_fail_status (task, answer->status);
      answer_free (answer);
      return NULL;
    }

  if (!lin_store_is_open (((LinSync *)g_task_get_source_object (task))->store))
    {
      answer_free (answer);
      run_fail (task, LIN_SYNC_OUTCOME_TRANSIENT, LIN_SYNC_PROBLEM_NONE,
                g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "The profile was locked"));
      return NULL;
    }

  return answer;
}

static gboolean
save_account (LinSync  *self,
              GError  **error)
{
  return lin_store_save (self->store, self->account, error);
}

/* 1. Approval: the certificate checked, then the keys taken */
static gboolean
take_approval (LinSync     *self,
               JsonObject  *device,
               GError     **error)
{
  g_autofree char *sign_key = own_key_base64 (self, FALSE);
  g_autofree char *box_key = own_key_base64 (self, TRUE);
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GArray) epochs = NULL;
  const char *certificate = json_object_get_string_member_with_default (device, "certificate", NULL);
  const char *sealed = json_object_get_string_member_with_default (device, "sealed_keys", NULL);

  if (certificate == NULL || sealed == NULL)
    {
      g_set_error_literal (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The approval came without its keys");
      return FALSE;
    }

  if (!lin_sync_certificate_check (certificate, account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_KEY),
                                   account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_ID),
                                   account_string (self, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID),
                                   sign_key, box_key, error))
    return FALSE;

  keys = lin_sync_open_keys (self->keys, sealed, &epochs, error);
  if (keys == NULL || keys->len == 0 ||
      !lin_store_adopt_keys (self->store, (const guint32 *)(gpointer)epochs->data, (LinKey **)keys->pdata,
                             keys->len, error))
    return FALSE;

  if (is_pending (self))
    {
      lin_record_set_string (self->account, LIN_SYNC_ACCOUNT_FIELD_STATE, "approved");
      if (!save_account (self, error))
        return FALSE;
    }

  return TRUE;
}

static void
device_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  LinSync *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  Answer *answer = take_answer (task, result);
  const char *state;

  if (answer == NULL)
    return;

  state = json_object_get_string_member_with_default (answer->answer, "state", "");
  if (!g_str_equal (state, "approved") || json_object_get_string_member_with_default (answer->answer, "certificate", NULL) == NULL)
    {
      answer_free (answer);
      if (run->fetched_keys)
        {
          /* keys were asked for mid-pull: they are not there */
          run_fail (task, LIN_SYNC_OUTCOME_PERMANENT, LIN_SYNC_PROBLEM_KEYS,
                    g_error_new_literal (LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "No keys for this device"));
          return;
        }
      /* still waiting for the coordinator */
      g_task_return_boolean (task, TRUE);
      return;
    }

  self->keys_checked = g_get_monotonic_time ();
  if (!take_approval (self, answer->answer, &error))
    {
      answer_free (answer);
      run_fail (task, LIN_SYNC_OUTCOME_PERMANENT,
                g_error_matches (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_IO) ? LIN_SYNC_PROBLEM_DISK
                                                                             : LIN_SYNC_PROBLEM_KEYS,
                g_steal_pointer (&error));
      return;
    }

  answer_free (answer);
  update_status (self);

  if (run->pulled != NULL)
    apply_pulled (g_steal_pointer (&task));
  else
    push_next (g_steal_pointer (&task));
}

static void
fetch_device (GTask *owned)
{
  g_autoptr(GTask) task = owned;
  LinSync *self = g_task_get_source_object (task);

  GCancellable *cancellable = g_task_get_cancellable (task);

  send_request (self, "GET", "/v1/device", NULL, cancellable, device_cb, g_steal_pointer (&task));
}

/* The coordinator's own certificate, made once: her Linija signs it */
static void
certified_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(GTask) task = data;
  LinSync *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  Answer *answer = take_answer (task, result);

  if (answer == NULL)
    return;
  answer_free (answer);

  if (!save_account (self, &error))
    {
      run_fail (task, LIN_SYNC_OUTCOME_PERMANENT, LIN_SYNC_PROBLEM_DISK, g_steal_pointer (&error));
      return;
    }

  push_next (g_steal_pointer (&task));
}

static GBytes *
approval_body (LinSync     *self,
               const char  *device_id,
               const char  *sign_key,
               const char  *box_key,
               const char  *role,
               char       **certificate_out,
               GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GArray) epochs = NULL;
  g_autofree char *certificate = NULL;
  g_autofree char *sealed = NULL;

  certificate = lin_sync_certificate_new (account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_SECRET),
                                          account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_ID),
                                          device_id, sign_key, box_key, role, error);
  if (certificate == NULL)
    return NULL;

  keys = lin_store_dup_keys (self->store, &epochs);
  sealed = lin_sync_seal_keys ((const guint32 *)(gpointer)epochs->data, (LinKey **)keys->pdata, keys->len,
                               box_key, error);
  if (sealed == NULL)
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "certificate");
  json_builder_add_string_value (builder, certificate);
  json_builder_set_member_name (builder, "sealed_keys");
  json_builder_add_string_value (builder, sealed);
  json_builder_end_object (builder);

  if (certificate_out != NULL)
    *certificate_out = g_steal_pointer (&certificate);

  return json_bytes (builder);
}

static void
certify_self (GTask *owned)
{
  g_autoptr(GTask) task = owned;
  LinSync *self = g_task_get_source_object (task);
  g_autofree char *sign_key = own_key_base64 (self, FALSE);
  g_autofree char *box_key = own_key_base64 (self, TRUE);
  g_autofree char *certificate = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *device_id = account_string (self, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID);

  body = approval_body (self, device_id, sign_key, box_key, "coordinator", &certificate, &error);
  if (body == NULL || (!lin_store_get_joined (self->store) && !lin_store_set_joined (self->store, &error)))
    {
      run_fail (task, LIN_SYNC_OUTCOME_PERMANENT, LIN_SYNC_PROBLEM_KEYS, g_steal_pointer (&error));
      return;
    }

  /* kept once the server has it */
  lin_record_set_string (self->account, "certificate", certificate);
  path = g_strdup_printf ("/v1/devices/%s/approve", device_id);
  send_request (self, "POST", path, body, g_task_get_cancellable (task), certified_cb, g_object_ref (task));
}

/* 2. Push */

static void
pushed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  LinSync *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) done = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  Answer *answer = take_answer (task, result);
  JsonNode *node;
  JsonArray *results;

  if (answer == NULL)
    return;

  node = json_object_get_member (answer->answer, "results");
  results = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  for (guint i = 0; results != NULL && i < json_array_get_length (results); i++)
    {
      JsonNode *item = json_array_get_element (results, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      const char *op_id = object != NULL ? json_object_get_string_member_with_default (object, "op_id", NULL) : NULL;
      const char *status = object != NULL ? json_object_get_string_member_with_default (object, "status", NULL) : NULL;

      if (op_id != NULL && status != NULL)
        g_hash_table_insert (answers, (gpointer)op_id, (gpointer)status);
    }

  /* answered by op id, whatever the order: only what the server says it
   * holds leaves the outbox */
  for (guint i = 0; i < run->ops->len; i++)
    {
      LinOutboxOp *op = run->ops->pdata[i];
      char hex[sizeof op->op_id * 2 + 1];
      const char *status;

      sodium_bin2hex (hex, sizeof hex, op->op_id, sizeof op->op_id);
      status = g_hash_table_lookup (answers, hex);
      if (g_strcmp0 (status, "applied") == 0 || g_strcmp0 (status, "duplicate") == 0)
        g_ptr_array_add (done, op);
      else if (g_strcmp0 (status, "conflict") == 0)
        run->conflicted = TRUE;
      else if (g_strcmp0 (status, "error") == 0)
        set_problem (self, LIN_SYNC_PROBLEM_SERVER);
      g_hash_table_add (run->attempted, g_memdup2 (op->record_id, LIN_RECORD_ID_BYTES));
    }
  answer_free (answer);

  if (!lin_store_outbox_done (self->store, done, &error))
    {
      run_fail (task, LIN_SYNC_OUTCOME_PERMANENT, LIN_SYNC_PROBLEM_DISK, g_steal_pointer (&error));
      return;
    }

  push_next (g_steal_pointer (&task));
}

static void
push_next (GTask *owned)
{
  g_autoptr(GTask) task = owned;
  LinSync *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_clear_pointer (&run->ops, g_ptr_array_unref);
  run->ops = lin_store_outbox_page (self->store, run->attempted, PAGE_OPS, PAGE_BYTES, &error);
  if (run->ops == NULL)
    {
      run_fail (task, LIN_SYNC_OUTCOME_PERMANENT, LIN_SYNC_PROBLEM_DISK, g_steal_pointer (&error));
      return;
    }

  if (run->ops->len == 0)
    {
      pull_next (g_steal_pointer (&task));
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ops");
  json_builder_begin_array (builder);
  lin_device_keys_open (self->keys);
  for (guint i = 0; i < run->ops->len; i++)
    {
      LinOutboxOp *op = run->ops->pdata[i];
      g_autofree char *envelope = sign_envelope (self, op->envelope);
      char op_id[sizeof op->op_id * 2 + 1];
      char record_id[LIN_RECORD_ID_BYTES * 2 + 1];

      sodium_bin2hex (op_id, sizeof op_id, op->op_id, sizeof op->op_id);
      sodium_bin2hex (record_id, sizeof record_id, op->record_id, LIN_RECORD_ID_BYTES);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "op_id");
      json_builder_add_string_value (builder, op_id);
      json_builder_set_member_name (builder, "record_id");
      json_builder_add_string_value (builder, record_id);
      json_builder_set_member_name (builder, "base_revision");
      json_builder_add_int_value (builder, (gint64)op->base_revision);
      json_builder_set_member_name (builder, "revision");
      json_builder_add_int_value (builder, (gint64)op->revision);
      json_builder_set_member_name (builder, "envelope");
      json_builder_add_string_value (builder, envelope);
      json_builder_end_object (builder);
    }
  lin_device_keys_close (self->keys);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_bytes (builder);

  path = g_strdup_printf ("/v1/orgs/%s/collections/%s/push", account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_ID),
                          LIN_SYNC_COLLECTION);
  send_request (self, "POST", path, body, g_task_get_cancellable (task), pushed_cb, g_object_ref (task));
}

/* 3. Pull */

static void
certificates_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GTask) task = data;
  LinSync *self = g_task_get_source_object (task);
  Answer *answer = take_answer (task, result);

  if (answer == NULL)
    return;

  take_certificates (self, answer->answer);
  answer_free (answer);
  apply_pulled (g_steal_pointer (&task));
}

static gboolean
get_change (JsonArray   *list,
            guint        i,
            gint64      *seq,
            GBytes     **envelope)
{
  JsonNode *item = json_array_get_element (list, i);
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
  const char *text;
  guchar *data;
  gsize len;

  if (object == NULL)
    return FALSE;
  *seq = json_object_get_int_member_with_default (object, "seq", 0);
  text = json_object_get_string_member_with_default (object, "envelope", NULL);
  if (text == NULL)
    return FALSE;
  data = g_base64_decode (text, &len);
  *envelope = g_bytes_new_take (data, len);

  return TRUE;
}

/* A page of pulled changes, checked and opened in a worker thread: the
 * signatures take most of a pull's time, and the window stays responsive */
typedef struct
{
  GPtrArray *signed_envelopes;  /* GBytes, in sequence order */
  gint64     first_seq;
  GPtrArray *changes;           /* LinChange: the ones to apply */
  guint      rejected;
  gboolean   unknown_signer;
  gboolean   unknown_epoch;
} Page;

static void
page_free (Page *page)
{
  g_clear_pointer (&page->signed_envelopes, g_ptr_array_unref);
  g_clear_pointer (&page->changes, g_ptr_array_unref);
  g_free (page);
}

/* A part of a page, checked by one thread */
typedef struct
{
  LinSync      *self;
  Page         *page;
  GCancellable *cancellable;
  guint         from, to;
  GPtrArray    *changes;
  guint         rejected;
  gboolean      unknown_signer;
  gboolean      unknown_epoch;
} Part;

/* One change: this laptop's own come back (the very bytes it holds: no
 * signature to check, nothing to open), or a signed one opened */
static void
check_change (LinSync *self,
              Part    *part,
              guint    i)
{
  Page *page = part->page;
  GBytes *signed_envelope = page->signed_envelopes->pdata[i];
  gint64 seq = page->first_seq + i;
  g_autoptr(GBytes) envelope = NULL;
  LinEnvelopeHeader header;
  LinChange *change;
  gsize len = g_bytes_get_size (signed_envelope);

  if (len > LIN_ENVELOPE_SIGNATURE_BYTES &&
      memcmp ((const guint8 *)g_bytes_get_data (signed_envelope, NULL) + len - LIN_ENVELOPE_SIGNATURE_BYTES,
              lin_device_keys_get_sign_public (self->keys), LIN_SIGN_PUBLIC_BYTES) == 0)
    {
      envelope = g_bytes_new_from_bytes (signed_envelope, 0, len - LIN_ENVELOPE_SIGNATURE_BYTES);
      if (lin_store_holds_envelope (self->store, envelope) && lin_envelope_peek (envelope, &header, NULL))
        {
          change = g_new0 (LinChange, 1);
          change->seq = seq;
          change->header = header;
          change->envelope = g_steal_pointer (&envelope);
          g_ptr_array_add (part->changes, change);
          return;
        }
      g_clear_pointer (&envelope, g_bytes_unref);
    }

  switch (verify_envelope (self, signed_envelope, &envelope))
    {
    case VERIFY_UNKNOWN:
      part->unknown_signer = TRUE;
      G_GNUC_FALLTHROUGH;
    case VERIFY_BAD:
      g_debug ("Left out: change %" G_GINT64_FORMAT ", its signature", seq);
      part->rejected++;
      return;
    case VERIFY_OK:
      break;
    }

  if (!lin_envelope_peek (envelope, &header, NULL))
    {
      part->rejected++;
      return;
    }
  if (!lin_store_has_key (self->store, header.key_epoch))
    {
      part->unknown_epoch = TRUE;
      return;
    }

  change = lin_store_open_change (self->store, seq, envelope, NULL);
  if (change == NULL)
    part->rejected++;
  else
    g_ptr_array_add (part->changes, change);
}

static gpointer
check_part (gpointer data)
{
  Part *part = data;

  for (guint i = part->from; i < part->to; i++)
    {
      if (g_cancellable_is_cancelled (part->cancellable))
        break;
      check_change (part->self, part, i);
    }

  return NULL;
}

/* The page in two halves, side by side: a laptop has two cores at least */
static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Page *page = task_data;
  guint n = page->signed_envelopes->len;
  Part parts[2] = {
    { source_object, page, cancellable, 0, n / 2, g_ptr_array_new (), 0, FALSE, FALSE },
    { source_object, page, cancellable, n / 2, n, g_ptr_array_new (), 0, FALSE, FALSE },
  };
  GThread *other = n >= 16 ? g_thread_new ("lin-sync-check", check_part, &parts[1]) : NULL;

  check_part (&parts[0]);
  if (other != NULL)
    g_thread_join (other);
  else
    check_part (&parts[1]);

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      for (guint i = 0; i < parts[p].changes->len; i++)
        g_ptr_array_add (page->changes, parts[p].changes->pdata[i]);
      g_ptr_array_unref (parts[p].changes);
      page->rejected += parts[p].rejected;
      page->unknown_signer = page->unknown_signer || parts[p].unknown_signer;
      page->unknown_epoch = page->unknown_epoch || parts[p].unknown_epoch;
    }

  g_task_return_boolean (task, TRUE);
}

static void checked_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      data);

/* Reads the page in @run->pulled (its numbers must follow on from the
 * cursor: the cursor never skips), then checks it in a worker thread */
static void
apply_pulled (GTask *owned)
{
  g_autoptr(GTask) task = owned;
  g_autoptr(GTask) check = NULL;
  LinSync *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  JsonNode *node = json_object_get_member (run->pulled, "changes");
  JsonArray *list = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  gint64 next = json_object_get_int_member_with_default (run->pulled, "next", -1);
  GCancellable *cancellable;
  Page *page;

  if (list == NULL || next < run->since || (json_array_get_length (list) == 0 && next != run->since))
    {
      run_fail (task, LIN_SYNC_OUTCOME_TRANSIENT, LIN_SYNC_PROBLEM_NONE,
                g_error_new_literal (LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The server's page of changes is malformed"));
      return;
    }

  page = g_new0 (Page, 1);
  page->signed_envelopes = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  page->changes = g_ptr_array_new_with_free_func ((GDestroyNotify)lin_change_free);
  page->first_seq = run->since + 1;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      GBytes *signed_envelope = NULL;
      gint64 seq = 0;

      /* a gap, or a page that does not end where it says */
      if (!get_change (list, i, &seq, &signed_envelope) || seq != page->first_seq + i ||
          (i + 1 == json_array_get_length (list) && seq != next))
        {
          g_clear_pointer (&signed_envelope, g_bytes_unref);
          page_free (page);
          run_fail (task, LIN_SYNC_OUTCOME_PERMANENT, LIN_SYNC_PROBLEM_REJECTED,
                    g_error_new_literal (LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER,
                                         "The server's changes are not numbered one after the other"));
          return;
        }
      g_ptr_array_add (page->signed_envelopes, signed_envelope);
    }

  cancellable = g_task_get_cancellable (task);
  check = g_task_new (self, cancellable, checked_cb, g_steal_pointer (&task));
  g_task_set_task_data (check, page, (GDestroyNotify)page_free);
  g_task_run_in_thread (check, check_thread);
}

/* Back on the main thread: fetches what the page needs (certificates of a
 * new device, a rotated key; once an attempt), then applies it with its
 * cursor in one transaction */
static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GTask) task = data;
  LinSync *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  Page *page = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gint64 next = json_object_get_int_member_with_default (run->pulled, "next", -1);
  gboolean more = json_object_get_boolean_member_with_default (run->pulled, "more", FALSE);
  guint rejected = page->rejected;
  LinApplyStats stats;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!lin_store_is_open (self->store))
    {
      run_fail (task, LIN_SYNC_OUTCOME_TRANSIENT, LIN_SYNC_PROBLEM_NONE,
                g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "The profile was locked"));
      return;
    }

  if (page->unknown_signer && !run->fetched_certificates)
    {
      run->fetched_certificates = TRUE;
      send_request (self, "GET", "/v1/certificates", NULL, g_task_get_cancellable (task), certificates_cb,
                    g_object_ref (task));
      return;
    }
  if (page->unknown_epoch)
    {
      if (!run->fetched_keys)
        {
          /* the coordinator rotated the key: the new one is sealed to
           * this device with its certificate */
          run->fetched_keys = TRUE;
          fetch_device (g_steal_pointer (&task));
          return;
        }
      run_fail (task, LIN_SYNC_OUTCOME_PERMANENT, LIN_SYNC_PROBLEM_KEYS,
                g_error_new_literal (LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "A change needs a key this laptop has not got"));
      return;
    }

  if (!lin_store_apply_changes (self->store, page->changes, LIN_SYNC_COLLECTION, next, &stats, &error))
    {
      if (g_error_matches (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_TAMPERED))
        rejected++;
      else
        {
          run_fail (task, LIN_SYNC_OUTCOME_PERMANENT, LIN_SYNC_PROBLEM_DISK, g_steal_pointer (&error));
          return;
        }
    }

  if (rejected > 0)
    {
      g_message ("%u changes from the server failed their checks and were left out", rejected);
      set_problem (self, LIN_SYNC_PROBLEM_REJECTED);
    }

  g_clear_pointer (&run->pulled, json_object_unref);
  run->since = next;
  if (more)
    pull_next (g_steal_pointer (&task));
  else if (run->conflicted && ++run->round < MAX_ROUNDS)
    {
      /* the merges made new revisions: push them */
      run->conflicted = FALSE;
      g_hash_table_remove_all (run->attempted);
      push_next (g_steal_pointer (&task));
    }
  else
    {
      if (run->conflicted)
        run->outcome = LIN_SYNC_OUTCOME_TRANSIENT;
      g_task_return_boolean (task, TRUE);
    }
}

static void
pulled_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  Run *run = g_task_get_task_data (task);
  Answer *answer = take_answer (task, result);

  if (answer == NULL)
    return;

  run->pulled = g_steal_pointer (&answer->answer);
  answer_free (answer);
  apply_pulled (g_steal_pointer (&task));
}

static void
pull_next (GTask *owned)
{
  g_autoptr(GTask) task = owned;
  LinSync *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autofree char *path = NULL;

  run->since = lin_store_get_cursor (self->store, LIN_SYNC_COLLECTION);
  path = g_strdup_printf ("/v1/orgs/%s/collections/%s/changes?since=%" G_GINT64_FORMAT "&limit=%u",
                          account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_ID), LIN_SYNC_COLLECTION,
                          run->since, PAGE_OPS);
  send_request (self, "GET", path, NULL, g_task_get_cancellable (task), pulled_cb, g_object_ref (task));
}

/**
 * lin_sync_run_async:
 * @self: a #LinSync
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the attempt ends
 * @user_data: for @callback
 *
 * One attempt: approval (while pending), push, pull, and push again what
 * merges made. Its end says whether it is worth trying again.
 */
void
lin_sync_run_async (LinSync             *self,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Run *run;

  g_return_if_fail (LIN_IS_SYNC (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lin_sync_run_async);
  run = g_new0 (Run, 1);
  run->outcome = LIN_SYNC_OUTCOME_DONE;
  run->attempted = g_hash_table_new_full (lin_record_id_hash, lin_record_id_equal, g_free, NULL);
  g_task_set_task_data (task, run, (GDestroyNotify)run_free);

  if (!lin_store_is_open (self->store))
    {
      run_fail (task, LIN_SYNC_OUTCOME_TRANSIENT, LIN_SYNC_PROBLEM_NONE,
                g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "The profile is locked"));
      return;
    }

  /* she asked again, or something changed: a problem of before is looked
   * at afresh */
  self->problem = LIN_SYNC_PROBLEM_NONE;
  self->running = TRUE;
  update_status (self);

  /* a member looks for keys the coordinator rotated (after revoking a
   * laptop) at unlock and then hourly, so that its own saves take them */
  if (is_pending (self) ||
      (!lin_sync_is_coordinator (self) && g_get_monotonic_time () - self->keys_checked > KEYS_CHECK_US))
    fetch_device (g_steal_pointer (&task));
  else if (lin_sync_is_coordinator (self) && account_string (self, "certificate") == NULL)
    certify_self (g_steal_pointer (&task));
  else
    push_next (g_steal_pointer (&task));
}

/**
 * lin_sync_run_finish:
 * @self: a #LinSync
 * @result: the result passed to the callback
 * @error: a location for a #GError
 *
 * Returns: %LIN_SYNC_OUTCOME_DONE when everything went (@error unset), or
 *   whether another attempt may do better
 */
LinSyncOutcome
lin_sync_run_finish (LinSync       *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  Run *run = g_task_get_task_data (G_TASK (result));
  LinSyncOutcome outcome = run->outcome;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), error);

  self->running = FALSE;
  if (ok && outcome == LIN_SYNC_OUTCOME_DONE && self->problem == LIN_SYNC_PROBLEM_NONE && !is_pending (self))
    {
      self->last_success = g_get_real_time ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SUCCESS]);
    }
  if (!ok && outcome == LIN_SYNC_OUTCOME_DONE)
    outcome = LIN_SYNC_OUTCOME_TRANSIENT;
  if (ok && self->problem != LIN_SYNC_PROBLEM_NONE)
    outcome = LIN_SYNC_OUTCOME_PERMANENT;
  if (lin_store_is_open (self->store))
    update_status (self);

  return outcome;
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
  update_status (self);
}

static void
record_changed_cb (LinStore  *store,
                   LinRecord *record,
                   gpointer   data)
{
  LinSync *self = data;

  if (!lin_record_get_local (record) && self->schedule != NULL && !self->running)
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
  update_status (data);
}

static gboolean
pending_poll_cb (gpointer data)
{
  LinSync *self = data;

  if (!is_pending (self))
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
  if (is_pending (self))
    self->pending_poll = g_timeout_add_seconds (PENDING_POLL_S, pending_poll_cb, self);

  lin_sync_schedule_start (self->schedule);
  update_status (self);
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

  if (self->schedule != NULL)
    lin_sync_schedule_poke (self->schedule, reason);
}

/* The coordinator's devices */

static char *
base64_key_safety (const char *org_id,
                   const char *sign_key,
                   const char *box_key)
{
  g_autofree guchar *sign = NULL;
  g_autofree guchar *box = NULL;
  gsize sign_len = 0, box_len = 0;

  if (sign_key == NULL || box_key == NULL)
    return NULL;
  sign = g_base64_decode (sign_key, &sign_len);
  box = g_base64_decode (box_key, &box_len);
  if (sign_len != LIN_SIGN_PUBLIC_BYTES || box_len != LIN_BOX_PUBLIC_BYTES)
    return NULL;

  return lin_safety_number (org_id, sign, box);
}

char *
lin_sync_dup_safety_number (LinSync *self)
{
  g_return_val_if_fail (LIN_IS_SYNC (self), NULL);

  return lin_safety_number (account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_ID),
                            lin_device_keys_get_sign_public (self->keys),
                            lin_device_keys_get_box_public (self->keys));
}

static void
listed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GTask) task = data;
  LinSync *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify)lin_sync_device_free);
  g_autoptr(GError) error = NULL;
  Answer *answer = send_finish (result, &error);
  JsonNode *node;
  JsonArray *list;

  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (answer->status != SOUP_STATUS_OK || answer->answer == NULL)
    {
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The server answered %u",
                               answer->status);
      answer_free (answer);
      return;
    }

  node = json_object_get_member (answer->answer, "devices");
  list = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *item = json_array_get_element (list, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      g_autoptr(LinSyncDevice) device = NULL;

      if (object == NULL)
        continue;
      device = g_new0 (LinSyncDevice, 1);
      device->device_id = g_strdup (json_object_get_string_member_with_default (object, "device_id", NULL));
      device->name = g_strdup (json_object_get_string_member_with_default (object, "name", ""));
      device->enrolled = json_object_get_int_member_with_default (object, "enrolled", 0);
      device->sign_key = g_strdup (json_object_get_string_member_with_default (object, "sign_key", NULL));
      device->box_key = g_strdup (json_object_get_string_member_with_default (object, "box_key", NULL));
      device->safety_number = base64_key_safety (account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_ID),
                                                 device->sign_key, device->box_key);
      /* keys that give no safety number cannot be compared: not listed */
      if (device->device_id != NULL && device->safety_number != NULL)
        g_ptr_array_add (devices, g_steal_pointer (&device));
    }
  answer_free (answer);

  g_task_return_pointer (task, g_steal_pointer (&devices), (GDestroyNotify)g_ptr_array_unref);
}

/**
 * lin_sync_list_pending_async:
 * @self: the coordinator's #LinSync
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: for @callback
 *
 * Lists the devices waiting for her approval, each with the safety number
 * computed here from its keys.
 */
static void
list_devices (LinSync             *self,
              const char          *state,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *path = g_strconcat ("/v1/devices?state=", state, NULL);

  send_request (self, "GET", path, NULL, cancellable, listed_cb, g_steal_pointer (&task));
}

void
lin_sync_list_pending_async (LinSync             *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  list_devices (self, "pending", cancellable, callback, user_data);
}

/**
 * lin_sync_list_approved_async:
 * @self: the coordinator's #LinSync
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list (lin_sync_list_pending_finish())
 * @user_data: for @callback
 *
 * Lists the approved devices (hers among them), to revoke one.
 */
void
lin_sync_list_approved_async (LinSync             *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  list_devices (self, "approved", cancellable, callback, user_data);
}

/**
 * lin_sync_list_pending_finish:
 *
 * Returns: (transfer container) (element-type LinSyncDevice): the devices
 */
GPtrArray *
lin_sync_list_pending_finish (LinSync       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
approved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;
  Answer *answer = send_finish (result, &error);

  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (answer->status != SOUP_STATUS_OK)
    g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The server answered %u",
                             answer->status);
  else
    g_task_return_boolean (task, TRUE);
  answer_free (answer);
}

/**
 * lin_sync_approve_async:
 * @self: the coordinator's #LinSync
 * @device: a pending device, whose safety number she compared
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Signs the device's certificate with the organisation key and seals the
 * collection keys to its box key.
 */
void
lin_sync_approve_async (LinSync             *self,
                        LinSyncDevice       *device,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (device != NULL);

  if (!lin_sync_is_coordinator (self) || !lin_store_is_open (self->store))
    {
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "Only the coordinator approves devices");
      return;
    }

  body = approval_body (self, device->device_id, device->sign_key, device->box_key, "member", NULL, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  path = g_strdup_printf ("/v1/devices/%s/approve", device->device_id);
  send_request (self, "POST", path, body, cancellable, approved_cb, g_steal_pointer (&task));
}

gboolean
lin_sync_approve_finish (LinSync       *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Inviting: a code from the server, for the coordinator to hand on */

typedef struct
{
  char   *code;
  gint64  expires;
} Invite;

static void
invite_free (Invite *invite)
{
  g_free (invite->code);
  g_free (invite);
}

static void
invited_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;
  Answer *answer = send_finish (result, &error);
  const char *code;
  Invite *invite;

  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  code = answer->answer != NULL ? json_object_get_string_member_with_default (answer->answer, "code", NULL) : NULL;
  if (answer->status != 201 || code == NULL)
    {
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The server answered %u",
                               answer->status);
      answer_free (answer);
      return;
    }

  invite = g_new0 (Invite, 1);
  invite->code = g_strdup (code);
  invite->expires = json_object_get_int_member_with_default (answer->answer, "expires", 0);
  answer_free (answer);
  g_task_return_pointer (task, invite, (GDestroyNotify)invite_free);
}

/**
 * lin_sync_invite_async:
 * @self: the coordinator's #LinSync
 * @hours: how long the code is good for (1–720)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the code
 * @user_data: for @callback
 *
 * Asks the server for a one-time invite code for a new laptop.
 */
void
lin_sync_invite_async (LinSync             *self,
                       guint                hours,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *text = g_strdup_printf ("{\"hours\": %u}", hours);
  g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));

  if (!lin_sync_is_coordinator (self))
    {
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "Only the coordinator invites laptops");
      return;
    }

  send_request (self, "POST", "/v1/invites", body, cancellable, invited_cb, g_steal_pointer (&task));
}

/**
 * lin_sync_invite_finish:
 * @self: a #LinSync
 * @result: the result passed to the callback
 * @expires: (out) (optional): when the code expires, seconds since 1970
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the invite code
 */
char *
lin_sync_invite_finish (LinSync       *self,
                        GAsyncResult  *result,
                        gint64        *expires,
                        GError       **error)
{
  Invite *invite = g_task_propagate_pointer (G_TASK (result), error);
  char *code;

  if (invite == NULL)
    return NULL;
  if (expires != NULL)
    *expires = invite->expires;
  code = g_steal_pointer (&invite->code);
  invite_free (invite);

  return code;
}

/* Revoking: the device refused, then a new collection key that only the
 * others get */

typedef struct
{
  GPtrArray *devices;   /* of LinSyncDevice: the approved ones to give the new key */
  guint      next;
} Revoke;

static void
revoke_free (Revoke *revoke)
{
  g_clear_pointer (&revoke->devices, g_ptr_array_unref);
  g_free (revoke);
}

static void reapprove_next (GTask *task);

static void
reapproved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;
  Answer *answer = send_finish (result, &error);

  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (answer->status != SOUP_STATUS_OK)
    {
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The server answered %u",
                               answer->status);
      answer_free (answer);
      return;
    }
  answer_free (answer);

  reapprove_next (g_steal_pointer (&task));
}

/* Each approved device (this one too: its certificate stays) gets the
 * keys again, the new one with them */
static void
reapprove_next (GTask *owned)
{
  g_autoptr(GTask) task = owned;
  LinSync *self = g_task_get_source_object (task);
  Revoke *revoke = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  LinSyncDevice *device;
  const char *role;

  if (revoke->next >= revoke->devices->len)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  device = revoke->devices->pdata[revoke->next++];
  role = g_strcmp0 (device->device_id, account_string (self, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID)) == 0 ? "coordinator"
                                                                                                    : "member";
  body = approval_body (self, device->device_id, device->sign_key, device->box_key, role, NULL, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  path = g_strdup_printf ("/v1/devices/%s/approve", device->device_id);
  send_request (self, "POST", path, body, g_task_get_cancellable (task), reapproved_cb, g_object_ref (task));
}

static void
approved_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(GTask) task = data;
  Revoke *revoke = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  revoke->devices = g_task_propagate_pointer (G_TASK (result), &error);
  if (revoke->devices == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  reapprove_next (g_steal_pointer (&task));
}

static void list_devices (LinSync             *self,
                          const char          *state,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data);

static void
revoked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GTask) task = data;
  LinSync *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  Answer *answer = send_finish (result, &error);
  GCancellable *cancellable;

  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (answer->status != SOUP_STATUS_OK)
    {
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The server answered %u",
                               answer->status);
      answer_free (answer);
      return;
    }
  answer_free (answer);

  /* what is saved from now on, the revoked laptop cannot open even with
   * a copy of the server's files */
  if (!lin_store_rotate_key (self->store, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cancellable = g_task_get_cancellable (task);
  list_devices (self, "approved", cancellable, approved_listed_cb, g_steal_pointer (&task));
}

/**
 * lin_sync_revoke_async:
 * @self: the coordinator's #LinSync
 * @device_id: the device to shut out
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * The server refuses the device from now on; the coordinator's laptop
 * makes a new collection key and seals it to every device still approved.
 * Their laptops take it on their next sync.
 */
void
lin_sync_revoke_async (LinSync             *self,
                       const char          *device_id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *path = NULL;

  g_return_if_fail (device_id != NULL);

  g_task_set_task_data (task, g_new0 (Revoke, 1), (GDestroyNotify)revoke_free);
  if (!lin_sync_is_coordinator (self) || !lin_store_is_open (self->store) ||
      g_strcmp0 (device_id, account_string (self, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID)) == 0)
    {
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER,
                               "Only the coordinator revokes devices, and not her own");
      return;
    }

  path = g_strdup_printf ("/v1/devices/%s/revoke", device_id);
  send_request (self, "POST", path, NULL, cancellable, revoked_cb, g_steal_pointer (&task));
}

gboolean
lin_sync_revoke_finish (LinSync       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Conflicts */

/**
 * lin_sync_resolve_conflict:
 * @self: a #LinSync
 * @conflict: a conflict copy (LIN_CONFLICT_KIND)
 * @use_value: %TRUE to put the value that lost back into its record
 * @error: a location for a #GError
 *
 * She looked: the copy is marked resolved (it stays, as the record's
 * history), and with @use_value the record takes the value that lost.
 *
 * Returns: %TRUE on success
 */
gboolean
lin_sync_resolve_conflict (LinSync    *self,
                           LinRecord  *conflict,
                           gboolean    use_value,
                           GError    **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *fields;
  const char *member;
  const char *value;
  LinRecord *record;

  g_return_val_if_fail (LIN_IS_SYNC (self), FALSE);
  g_return_val_if_fail (LIN_IS_RECORD (conflict), FALSE);

  fields = lin_record_get_fields (conflict);
  member = json_object_get_string_member_with_default (fields, LIN_CONFLICT_FIELD_MEMBER, NULL);
  value = json_object_get_string_member_with_default (fields, LIN_CONFLICT_FIELD_VALUE, NULL);
  record = lin_store_get (self->store,
                          json_object_get_string_member_with_default (fields, LIN_CONFLICT_FIELD_RECORD, ""));

  if (use_value && record != NULL && member != NULL)
    {
      g_autoptr(JsonObject) changed = json_object_ref (lin_record_get_fields (record));

      if (value != NULL)
        {
          g_autoptr(JsonNode) node = json_from_string (value, error);

          if (node == NULL)
            return FALSE;
          json_object_set_member (changed, member, g_steal_pointer (&node));
        }
      else
        json_object_remove_member (changed, member);
      lin_record_set_fields (record, changed);
      g_ptr_array_add (records, g_object_ref (record));
    }

  json_object_set_boolean_member (fields, LIN_CONFLICT_FIELD_RESOLVED, TRUE);
  lin_record_set_fields (conflict, fields);
  g_ptr_array_add (records, g_object_ref (conflict));

  return lin_store_save_all (self->store, records, error);
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

  /* this device trusts itself */
  g_hash_table_add (self->trusted, own_key_base64 (self, FALSE));
  update_status (self);

  return self;
}
