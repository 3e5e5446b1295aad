/* lin-sync-run.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One attempt of LinSync (lin-sync.c tells the steps): approval while
 * pending, the push in pages, the pull in pages checked in worker threads
 * and applied with the cursor, and the push again of what merges made.
 */

#define G_LOG_DOMAIN "lin-sync"

#include "config.h"

#include <libsoup/soup.h>
#include <sodium.h>
#include <string.h>

#include "lin-store-sync.h"
#include "lin-sync-approve.h"
#include "lin-sync-engine.h"

#define PAGE_OPS        200
#define PAGE_BYTES      (1024 * 1024 - PAGE_OPS * LIN_ENVELOPE_SIGNATURE_BYTES)
#define MAX_ROUNDS      4
#define KEYS_CHECK_US   (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

/* One attempt */

typedef struct
{
  LinSyncOutcome outcome;
  GHashTable    *attempted;    /* records pushed this round (binary ids) */
  gboolean       conflicted;
  guint          round;
  LinOutboxScan *scan;         /* the outbox as this round's push read it */
  GPtrArray     *ops;          /* the page in flight */
  GPtrArray     *next_ops;     /* and the one after it, ready to go */
  GBytes        *next_body;
  GPtrArray     *answered;     /* the page before: its ops, */
  GPtrArray     *held;         /* those the server holds, not yet out of the outbox */
  GError        *deferred;     /* what failed while a page was on its way */
  JsonObject    *pulled;       /* the page being applied */
  gint64         since;
  gint64         prefetch_since;          /* the page after it, asked for (-1: none) */
  GAsyncResult  *prefetched;              /* and its answer, once here */
  GAsyncResult  *parked;                  /* a checked page that waits for that answer */
  void         (*resume) (GTask *task);   /* what goes on when it is here */
  gboolean       fetched_certificates;
  gboolean       fetched_keys;
} Run;

static void
run_free (Run *run)
{
  g_clear_pointer (&run->ops, g_ptr_array_unref);
  g_clear_pointer (&run->scan, lin_outbox_scan_free);
  g_clear_pointer (&run->next_ops, g_ptr_array_unref);
  g_clear_pointer (&run->next_body, g_bytes_unref);
  g_clear_pointer (&run->held, g_ptr_array_unref);
  g_clear_pointer (&run->answered, g_ptr_array_unref);
  g_clear_error (&run->deferred);
  g_clear_pointer (&run->pulled, json_object_unref);
  g_clear_object (&run->prefetched);
  g_clear_object (&run->parked);
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
    lin_sync_set_problem (self, problem);
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

/* Cancelled, or the profile locked meanwhile: TRUE, with the task done */
static gboolean
run_gone (GTask *task)
{
  LinSync *self = g_task_get_source_object (task);

  if (g_task_return_error_if_cancelled (task))
    return TRUE;
  if (lin_store_is_open (self->store))
    return FALSE;

  run_fail (task, LIN_SYNC_OUTCOME_TRANSIENT, LIN_SYNC_PROBLEM_NONE,
            g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "The profile was locked"));
  return TRUE;
}

/* Takes an answer; FALSE (and the task done) when there is none to go on with */
static LinSyncAnswer *
take_answer (GTask        *task,
             GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;
  LinSyncAnswer *answer = lin_sync_send_finish (result, &error);

  if (answer == NULL)
    {
      run_fail (task, LIN_SYNC_OUTCOME_TRANSIENT, LIN_SYNC_PROBLEM_NONE, g_steal_pointer (&error));
      return NULL;
    }

  if (g_task_return_error_if_cancelled (task))
    {
      lin_sync_answer_free (answer);
      return NULL;
    }

  if (answer->status != SOUP_STATUS_OK)
    {
      run_fail_status (task, answer->status);
      lin_sync_answer_free (answer);
      return NULL;
    }

  if (!lin_store_is_open (((LinSync *)g_task_get_source_object (task))->store))
    {
      lin_sync_answer_free (answer);
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
  g_autofree char *sign_key = lin_sync_own_key_base64 (self, FALSE);
  g_autofree char *box_key = lin_sync_own_key_base64 (self, TRUE);
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GArray) epochs = NULL;
  const char *certificate = json_object_get_string_member_with_default (device, "certificate", NULL);
  const char *sealed = json_object_get_string_member_with_default (device, "sealed_keys", NULL);
  gboolean adopted;

  if (certificate == NULL || sealed == NULL)
    {
      g_set_error_literal (error, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The approval came without its keys");
      return FALSE;
    }

  if (!lin_sync_certificate_check (certificate, lin_sync_account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_KEY),
                                   lin_sync_account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_ID),
                                   lin_sync_account_string (self, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID),
                                   sign_key, box_key, error))
    return FALSE;

  keys = lin_sync_open_keys (self->keys, sealed, &epochs, error);
  if (keys == NULL || keys->len == 0)
    return FALSE;
  self->writing = TRUE;
  adopted = lin_store_adopt_keys (self->store, (const guint32 *)(gpointer)epochs->data, (LinKey **)keys->pdata,
                                  keys->len, error);
  self->writing = FALSE;
  if (!adopted)
    return FALSE;

  if (lin_sync_account_pending (self))
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
  LinSyncAnswer *answer = take_answer (task, result);
  const char *state;

  if (answer == NULL)
    return;

  state = json_object_get_string_member_with_default (answer->answer, "state", "");
  if (!g_str_equal (state, "approved") || json_object_get_string_member_with_default (answer->answer, "certificate", NULL) == NULL)
    {
      lin_sync_answer_free (answer);
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
      lin_sync_answer_free (answer);
      run_fail (task, LIN_SYNC_OUTCOME_PERMANENT,
                g_error_matches (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_IO) ? LIN_SYNC_PROBLEM_DISK
                                                                             : LIN_SYNC_PROBLEM_KEYS,
                g_steal_pointer (&error));
      return;
    }

  lin_sync_answer_free (answer);
  lin_sync_update_status (self);

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

  lin_sync_send (self, "GET", "/v1/device", NULL, cancellable, device_cb, g_steal_pointer (&task));
}

/* 1b. The coordinator, at unlock and hourly: a revocation made on the
 * server box gets its new key (lin_sync_answer_revocations_async()). A
 * failure here stops nothing: the push goes on, the look comes again. */
static void
revocations_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GTask) task = data;
  LinSync *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (lin_sync_answer_revocations_finish (self, result, &error))
    self->keys_checked = g_get_monotonic_time ();
  else
    g_debug ("Revocations not looked at: %s", error->message);

  if (run_gone (task))
    return;
  push_next (g_steal_pointer (&task));
}

static void
answer_revocations (GTask *owned)
{
  g_autoptr(GTask) task = owned;
  LinSync *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  lin_sync_answer_revocations_async (self, cancellable, revocations_cb, g_steal_pointer (&task));
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
  LinSyncAnswer *answer = take_answer (task, result);

  if (answer == NULL)
    return;
  lin_sync_answer_free (answer);

  if (!save_account (self, &error))
    {
      run_fail (task, LIN_SYNC_OUTCOME_PERMANENT, LIN_SYNC_PROBLEM_DISK, g_steal_pointer (&error));
      return;
    }

  push_next (g_steal_pointer (&task));
}

static void
certify_self (GTask *owned)
{
  g_autoptr(GTask) task = owned;
  LinSync *self = g_task_get_source_object (task);
  g_autofree char *sign_key = lin_sync_own_key_base64 (self, FALSE);
  g_autofree char *box_key = lin_sync_own_key_base64 (self, TRUE);
  g_autofree char *certificate = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *device_id = lin_sync_account_string (self, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID);

  body = lin_sync_approval_body (self, device_id, sign_key, box_key, "coordinator", &certificate, &error);
  if (body == NULL || (!lin_store_get_joined (self->store) && !lin_store_set_joined (self->store, &error)))
    {
      run_fail (task, LIN_SYNC_OUTCOME_PERMANENT, LIN_SYNC_PROBLEM_KEYS, g_steal_pointer (&error));
      return;
    }

  /* kept once the server has it */
  lin_record_set_string (self->account, "certificate", certificate);
  path = g_strdup_printf ("/v1/devices/%s/approve", device_id);
  lin_sync_send (self, "POST", path, body, g_task_get_cancellable (task), certified_cb, g_object_ref (task));
}

/* 2. Push */

/* What the server holds of the page before leaves the outbox: after the
 * next page is on its way, so that the two overlap. Until then its rows
 * wait, and a page sent again is answered "duplicate": nothing is lost. */
static gboolean
write_down_answered (LinSync  *self,
                     Run      *run,
                     GError  **error)
{
  gboolean ok;

  if (run->answered == NULL)
    return TRUE;

  ok = lin_store_outbox_done (self->store, run->held, error);
  g_clear_pointer (&run->held, g_ptr_array_unref);
  g_clear_pointer (&run->answered, g_ptr_array_unref);

  return ok;
}

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
  LinSyncAnswer *answer;
  JsonNode *node;
  JsonArray *results;

  /* the page before's answers, if this page went before they were
   * written down (it was not: its body never went out whole) */
  if (run->deferred == NULL && lin_store_is_open (self->store))
    write_down_answered (self, run, &run->deferred);
  answer = take_answer (task, result);
  if (answer == NULL)
    return;
  if (run->deferred != NULL)
    {
      lin_sync_answer_free (answer);
      run_fail (task, LIN_SYNC_OUTCOME_PERMANENT, LIN_SYNC_PROBLEM_DISK, g_steal_pointer (&run->deferred));
      return;
    }

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
        lin_sync_set_problem (self, LIN_SYNC_PROBLEM_SERVER);
      g_hash_table_add (run->attempted, g_memdup2 (op->record_id, LIN_RECORD_ID_BYTES));
    }
  lin_sync_answer_free (answer);

  /* written down as the next page goes (push_next()) */
  run->answered = g_steal_pointer (&run->ops);
  run->held = g_steal_pointer (&done);

  push_next (g_steal_pointer (&task));
}

/* The next page of the outbox, signed, its body made: @run->next_ops (empty
 * when none wait) and @run->next_body. The outbox is read once a round,
 * so that a page costs what is in it. */
static gboolean
prepare_page (LinSync  *self,
              Run      *run,
              GError  **error)
{
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  if (run->scan == NULL)
    run->scan = lin_store_outbox_scan (self->store, error);
  if (run->scan == NULL)
    return FALSE;
  ops = lin_store_outbox_next (self->store, run->scan, run->attempted, PAGE_OPS, PAGE_BYTES, error);
  if (ops == NULL)
    return FALSE;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ops");
  json_builder_begin_array (builder);
  lin_device_keys_open (self->keys);
  for (guint i = 0; i < ops->len; i++)
    {
      LinOutboxOp *op = ops->pdata[i];
      g_autofree char *envelope = lin_sync_sign_envelope (self, op->envelope);
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

  run->next_body = lin_sync_json_bytes (builder);
  run->next_ops = g_steal_pointer (&ops);

  return TRUE;
}

/* A page is on its way: the next one is made while the server takes this
 * one in, not after its answer (the two cores at work side by side). What
 * fails here is left for push_next() to find again. */
static void
page_written_cb (SoupMessage *msg,
                 gpointer     data)
{
  GTask *task = data;
  LinSync *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);

  if (g_task_get_completed (task) || g_cancellable_is_cancelled (g_task_get_cancellable (task)) ||
      !lin_store_is_open (self->store))
    return;

  if (run->deferred == NULL)
    write_down_answered (self, run, &run->deferred);
  if (run->next_ops == NULL)
    prepare_page (self, run, NULL);
}

static void
push_next (GTask *owned)
{
  g_autoptr(GTask) task = owned;
  LinSync *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_clear_pointer (&run->ops, g_ptr_array_unref);
  if (run->next_ops == NULL && !prepare_page (self, run, &error))
    {
      run_fail (task, LIN_SYNC_OUTCOME_PERMANENT, LIN_SYNC_PROBLEM_DISK, g_steal_pointer (&error));
      return;
    }
  run->ops = g_steal_pointer (&run->next_ops);
  body = g_steal_pointer (&run->next_body);

  if (run->ops->len == 0)
    {
      g_clear_pointer (&run->scan, lin_outbox_scan_free);
      if (!write_down_answered (self, run, &error))
        {
          run_fail (task, LIN_SYNC_OUTCOME_PERMANENT, LIN_SYNC_PROBLEM_DISK, g_steal_pointer (&error));
          return;
        }
      pull_next (g_steal_pointer (&task));
      return;
    }

  path = g_strdup_printf ("/v1/orgs/%s/collections/%s/push", lin_sync_account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_ID),
                          LIN_SYNC_COLLECTION);
  lin_sync_send_full (self, "POST", path, body, g_task_get_cancellable (task),
                      G_CALLBACK (page_written_cb), g_object_ref (task), g_object_unref,
                      pushed_cb, g_object_ref (task));
}

/* 3. Pull */

static void
certificates_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GTask) task = data;
  LinSync *self = g_task_get_source_object (task);
  LinSyncAnswer *answer = take_answer (task, result);

  if (answer == NULL)
    return;

  lin_sync_take_certificates (self, answer->answer);
  lin_sync_answer_free (answer);
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

  switch (lin_sync_verify_envelope (self, signed_envelope, &envelope))
    {
    case LIN_SYNC_VERIFY_UNKNOWN:
      part->unknown_signer = TRUE;
      G_GNUC_FALLTHROUGH;
    case LIN_SYNC_VERIFY_BAD:
      g_debug ("Left out: change %" G_GINT64_FORMAT ", its signature", seq);
      part->rejected++;
      return;
    case LIN_SYNC_VERIFY_OK:
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

static char *
changes_path (LinSync *self,
              gint64   since)
{
  return g_strdup_printf ("/v1/orgs/%s/collections/%s/changes?since=%" G_GINT64_FORMAT "&limit=%u",
                          lin_sync_account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_ID), LIN_SYNC_COLLECTION,
                          since, PAGE_OPS);
}

/* The page after the one being checked is here (or its failure): kept for
 * pull_next(), and whatever waited for it goes on */
static void
prefetched_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GTask) task = data;
  Run *run = g_task_get_task_data (task);
  void (*resume) (GTask *task) = run->resume;

  g_set_object (&run->prefetched, result);
  run->resume = NULL;
  if (resume != NULL)
    resume (g_steal_pointer (&task));
}

static void
resume_checked (GTask *owned)
{
  Run *run = g_task_get_task_data (owned);
  g_autoptr(GAsyncResult) parked = g_steal_pointer (&run->parked);

  checked_cb (NULL, parked, owned);
}

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

  /* an empty page ends where it starts, and is the last: one that says
   * more would be asked for again and again */
  if (list == NULL || next < run->since ||
      (json_array_get_length (list) == 0 &&
       (next != run->since || json_object_get_boolean_member_with_default (run->pulled, "more", FALSE))))
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

  /* the page after it asked for now: the server finds it while this one
   * is checked (once: a page checked again after certificates or keys
   * came has asked already) */
  if (json_object_get_boolean_member_with_default (run->pulled, "more", FALSE) && run->prefetch_since < 0)
    {
      g_autofree char *path = changes_path (self, next);

      run->prefetch_since = next;
      lin_sync_send (self, "GET", path, NULL, g_task_get_cancellable (task), prefetched_cb, g_object_ref (task));
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
  gboolean applied;

  if (run_gone (task))
    return;

  /* one request at a time: what this page needs is asked for once the
   * page after it is here */
  if (((page->unknown_signer && !run->fetched_certificates) || (page->unknown_epoch && !run->fetched_keys)) &&
      run->prefetch_since >= 0 && run->prefetched == NULL)
    {
      run->parked = g_object_ref (result);
      run->resume = resume_checked;
      return;
    }

  if (page->unknown_signer && !run->fetched_certificates)
    {
      run->fetched_certificates = TRUE;
      lin_sync_send (self, "GET", "/v1/certificates", NULL, g_task_get_cancellable (task), certificates_cb,
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

  self->writing = TRUE;
  applied = lin_store_apply_changes (self->store, page->changes, LIN_SYNC_COLLECTION, next, &stats, &error);
  self->writing = FALSE;
  if (!applied)
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
      lin_sync_set_problem (self, LIN_SYNC_PROBLEM_REJECTED);
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
  LinSyncAnswer *answer = take_answer (task, result);

  if (answer == NULL)
    return;

  run->pulled = g_steal_pointer (&answer->answer);
  lin_sync_answer_free (answer);
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

  /* asked for already (apply_pulled()): taken when it is here, and when
   * it starts where the cursor is */
  if (run->prefetch_since >= 0)
    {
      g_autoptr(GAsyncResult) prefetched = NULL;

      if (run->prefetched == NULL)
        {
          run->resume = pull_next;
          return;
        }
      prefetched = g_steal_pointer (&run->prefetched);
      if (run->prefetch_since == run->since)
        {
          run->prefetch_since = -1;
          pulled_cb (NULL, prefetched, g_steal_pointer (&task));
          return;
        }
      run->prefetch_since = -1;
    }

  path = changes_path (self, run->since);
  lin_sync_send (self, "GET", path, NULL, g_task_get_cancellable (task), pulled_cb, g_object_ref (task));
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
  gboolean keys_due;
  Run *run;

  g_return_if_fail (LIN_IS_SYNC (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lin_sync_run_async);
  run = g_new0 (Run, 1);
  run->outcome = LIN_SYNC_OUTCOME_DONE;
  run->prefetch_since = -1;
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
  lin_sync_update_status (self);

  /* a member looks for keys the coordinator rotated (after revoking a
   * laptop) at unlock and then hourly, so that its own saves take them */
  keys_due = g_get_monotonic_time () - self->keys_checked > KEYS_CHECK_US;
  if (lin_sync_account_pending (self) || (!lin_sync_is_coordinator (self) && keys_due))
    fetch_device (g_steal_pointer (&task));
  else if (lin_sync_is_coordinator (self) && lin_sync_account_string (self, "certificate") == NULL)
    certify_self (g_steal_pointer (&task));
  else if (lin_sync_is_coordinator (self) && keys_due)
    answer_revocations (g_steal_pointer (&task));
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
  if (ok && outcome == LIN_SYNC_OUTCOME_DONE && self->problem == LIN_SYNC_PROBLEM_NONE && !lin_sync_account_pending (self))
    {
      lin_sync_note_success (self);
    }
  if (!ok && outcome == LIN_SYNC_OUTCOME_DONE)
    outcome = LIN_SYNC_OUTCOME_TRANSIENT;
  if (ok && self->problem != LIN_SYNC_PROBLEM_NONE)
    outcome = LIN_SYNC_OUTCOME_PERMANENT;
  if (lin_store_is_open (self->store))
    lin_sync_update_status (self);

  return outcome;
}
