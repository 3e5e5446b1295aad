/* lin-sync-org.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the coordinator's Linija does for the organisation: certificates
 * and sealed keys for a device (approving it), the devices waiting and
 * approved, invite codes, revoking a device (and the new key after it);
 * and, on any laptop, resolving a conflict copy.
 */

#define G_LOG_DOMAIN "lin-sync"

#include "config.h"

#include <libsoup/soup.h>
#include <sodium.h>
#include <string.h>

#include "lin-store-sync.h"
#include "lin-sync-approve.h"
#include "lin-sync-engine.h"

/* The answer of a request made for @task, when it has @expected status and
 * a JSON body; otherwise @task returns the error and this NULL */
static LinSyncAnswer *
take_reply (GTask        *task,
            GAsyncResult *result,
            guint         expected)
{
  g_autoptr(GError) error = NULL;
  LinSyncAnswer *answer = lin_sync_send_finish (result, &error);

  if (answer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return NULL;
    }
  if (answer->status != expected || answer->answer == NULL)
    {
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The server answered %u",
                               answer->status);
      lin_sync_answer_free (answer);
      return NULL;
    }

  return answer;
}

GBytes *
lin_sync_approval_body (LinSync     *self,
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

  certificate = lin_sync_certificate_new (lin_sync_account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_SECRET),
                                          lin_sync_account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_ID),
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

  return lin_sync_json_bytes (builder);
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

  return lin_safety_number (lin_sync_account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_ID),
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
  LinSyncAnswer *answer = lin_sync_send_finish (result, &error);
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
      lin_sync_answer_free (answer);
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
      device->safety_number = base64_key_safety (lin_sync_account_string (self, LIN_SYNC_ACCOUNT_FIELD_ORG_ID),
                                                 device->sign_key, device->box_key);
      /* keys that give no safety number cannot be compared: not listed */
      if (device->device_id != NULL && device->safety_number != NULL)
        g_ptr_array_add (devices, g_steal_pointer (&device));
    }
  lin_sync_answer_free (answer);

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

  lin_sync_send (self, "GET", path, NULL, cancellable, listed_cb, g_steal_pointer (&task));
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
  LinSyncAnswer *answer = take_reply (task, result, SOUP_STATUS_OK);

  if (answer == NULL)
    return;
  lin_sync_answer_free (answer);
  g_task_return_boolean (task, TRUE);
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

  body = lin_sync_approval_body (self, device->device_id, device->sign_key, device->box_key, "member", NULL, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  path = g_strdup_printf ("/v1/devices/%s/approve", device->device_id);
  lin_sync_send (self, "POST", path, body, cancellable, approved_cb, g_steal_pointer (&task));
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
  LinSyncAnswer *answer = take_reply (task, result, SOUP_STATUS_CREATED);
  const char *code;
  Invite *invite;

  if (answer == NULL)
    return;

  code = json_object_get_string_member_with_default (answer->answer, "code", NULL);
  if (code == NULL)
    {
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER, "The server gave no code");
      lin_sync_answer_free (answer);
      return;
    }

  invite = g_new0 (Invite, 1);
  invite->code = g_strdup (code);
  invite->expires = json_object_get_int_member_with_default (answer->answer, "expires", 0);
  lin_sync_answer_free (answer);
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

  lin_sync_send (self, "POST", "/v1/invites", body, cancellable, invited_cb, g_steal_pointer (&task));
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
  GPtrArray *revoked;   /* of char *: the devices the new key answers */
  GPtrArray *devices;   /* of LinSyncDevice: the approved ones to give the new key */
  guint      next;
} Revoke;

static Revoke *
revoke_new (void)
{
  Revoke *revoke = g_new0 (Revoke, 1);

  revoke->revoked = g_ptr_array_new_with_free_func (g_free);

  return revoke;
}

static void
revoke_free (Revoke *revoke)
{
  g_clear_pointer (&revoke->revoked, g_ptr_array_unref);
  g_clear_pointer (&revoke->devices, g_ptr_array_unref);
  g_free (revoke);
}

/* Whether a key rotation already answered the revocation of @device_id */
static gboolean
rotated_for (LinSync    *self,
             const char *device_id)
{
  JsonObject *fields = lin_record_get_fields (lin_sync_get_account (self));
  JsonArray *done = json_object_has_member (fields, LIN_SYNC_ACCOUNT_FIELD_ROTATED_FOR) &&
                    JSON_NODE_HOLDS_ARRAY (json_object_get_member (fields, LIN_SYNC_ACCOUNT_FIELD_ROTATED_FOR))
                    ? json_object_get_array_member (fields, LIN_SYNC_ACCOUNT_FIELD_ROTATED_FOR) : NULL;

  for (guint i = 0; done != NULL && i < json_array_get_length (done); i++)
    if (g_strcmp0 (json_node_get_string (json_array_get_element (done, i)), device_id) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
note_rotated_for (LinSync    *self,
                  GPtrArray  *device_ids,
                  GError    **error)
{
  LinRecord *account = lin_sync_get_account (self);
  g_autoptr(JsonObject) fields = json_object_ref (lin_record_get_fields (account));
  JsonArray *done = json_array_new ();

  if (json_object_has_member (fields, LIN_SYNC_ACCOUNT_FIELD_ROTATED_FOR) &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (fields, LIN_SYNC_ACCOUNT_FIELD_ROTATED_FOR)))
    {
      JsonArray *before = json_object_get_array_member (fields, LIN_SYNC_ACCOUNT_FIELD_ROTATED_FOR);

      for (guint i = 0; i < json_array_get_length (before); i++)
        json_array_add_element (done, json_node_copy (json_array_get_element (before, i)));
    }
  for (guint i = 0; i < device_ids->len; i++)
    if (!rotated_for (self, device_ids->pdata[i]))
      json_array_add_string_element (done, device_ids->pdata[i]);
  json_object_set_array_member (fields, LIN_SYNC_ACCOUNT_FIELD_ROTATED_FOR, done);
  lin_record_set_fields (account, fields);

  return lin_store_save (self->store, account, error);
}

static void reapprove_next (GTask *task);

static void
reapproved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GTask) task = data;
  LinSyncAnswer *answer = take_reply (task, result, SOUP_STATUS_OK);

  if (answer == NULL)
    return;
  lin_sync_answer_free (answer);

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
      if (!note_rotated_for (self, revoke->revoked, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  device = revoke->devices->pdata[revoke->next++];
  role = g_strcmp0 (device->device_id, lin_sync_account_string (self, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID)) == 0 ? "coordinator"
                                                                                                    : "member";
  body = lin_sync_approval_body (self, device->device_id, device->sign_key, device->box_key, role, NULL, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  path = g_strdup_printf ("/v1/devices/%s/approve", device->device_id);
  lin_sync_send (self, "POST", path, body, g_task_get_cancellable (task), reapproved_cb, g_object_ref (task));
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

static void rotate (GTask *owned);

static void
revoked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GTask) task = data;
  LinSyncAnswer *answer = take_reply (task, result, SOUP_STATUS_OK);

  if (answer == NULL)
    return;
  lin_sync_answer_free (answer);

  rotate (g_steal_pointer (&task));
}

/* What is saved from now on, the revoked laptops cannot open even with a
 * copy of the server's files: a new collection key, sealed to every
 * device still approved */
static void
rotate (GTask *owned)
{
  g_autoptr(GTask) task = owned;
  LinSync *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;

  if (!lin_store_rotate_key (self->store, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

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

  g_task_set_task_data (task, revoke_new (), (GDestroyNotify)revoke_free);
  g_ptr_array_add (((Revoke *)g_task_get_task_data (task))->revoked, g_strdup (device_id));
  if (!lin_sync_is_coordinator (self) || !lin_store_is_open (self->store) ||
      g_strcmp0 (device_id, lin_sync_account_string (self, LIN_SYNC_ACCOUNT_FIELD_DEVICE_ID)) == 0)
    {
      g_task_return_new_error (task, LIN_SYNC_ERROR, LIN_SYNC_ERROR_SERVER,
                               "Only the coordinator revokes devices, and not her own");
      return;
    }

  path = g_strdup_printf ("/v1/devices/%s/revoke", device_id);
  lin_sync_send (self, "POST", path, NULL, cancellable, revoked_cb, g_steal_pointer (&task));
}

gboolean
lin_sync_revoke_finish (LinSync       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
revoked_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(GTask) task = data;
  LinSync *self = g_task_get_source_object (task);
  Revoke *revoke = g_task_get_task_data (task);
  g_autoptr(GPtrArray) revoked = NULL;
  g_autoptr(GError) error = NULL;

  revoked = g_task_propagate_pointer (G_TASK (result), &error);
  if (revoked == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < revoked->len; i++)
    {
      LinSyncDevice *device = revoked->pdata[i];

      if (!rotated_for (self, device->device_id))
        g_ptr_array_add (revoke->revoked, g_strdup (device->device_id));
    }

  if (revoke->revoked->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_message ("%u revoked device(s) still had the collection key: a new one is made", revoke->revoked->len);
  rotate (g_steal_pointer (&task));
}

/**
 * lin_sync_answer_revocations_async:
 * @self: the coordinator's #LinSync
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * A revocation made on the server box (`linija-server revoke`), or one
 * whose key rotation a crash or a lost connection cut short, has not
 * rotated the collection key: the coordinator's laptop does it now, as
 * lin_sync_revoke_async() would have.
 */
void
lin_sync_answer_revocations_async (LinSync             *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_task_data (task, revoke_new (), (GDestroyNotify)revoke_free);
  if (!lin_sync_is_coordinator (self) || !lin_store_is_open (self->store))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  list_devices (self, "revoked", cancellable, revoked_listed_cb, g_steal_pointer (&task));
}

gboolean
lin_sync_answer_revocations_finish (LinSync       *self,
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

/**
 * lin_sync_resolve_collision:
 * @self: a #LinSync
 * @conflict: a conflict copy of two roster assignments that collide
 *   (%LIN_CONFLICT_FIELD_COLLIDES)
 * @unassign: (nullable): one of the two, to remove; %NULL keeps both
 * @error: a location for a #GError
 *
 * She looked: the assignment she chose goes (first, so that a crash
 * between the two leaves the flag up, never a choice not carried out),
 * and the copy is marked resolved.
 *
 * Returns: %TRUE on success
 */
gboolean
lin_sync_resolve_collision (LinSync    *self,
                            LinRecord  *conflict,
                            LinRecord  *unassign,
                            GError    **error)
{
  JsonObject *fields;

  g_return_val_if_fail (LIN_IS_SYNC (self), FALSE);
  g_return_val_if_fail (LIN_IS_RECORD (conflict), FALSE);
  g_return_val_if_fail (unassign == NULL || LIN_IS_RECORD (unassign), FALSE);

  fields = lin_record_get_fields (conflict);
  if (unassign != NULL)
    {
      const char *id = lin_record_get_id_string (unassign);

      /* one of the two, and nothing else */
      g_return_val_if_fail (g_strcmp0 (id, json_object_get_string_member_with_default (fields, LIN_CONFLICT_FIELD_RECORD,
                                                                                       NULL)) == 0 ||
                            g_strcmp0 (id, json_object_get_string_member_with_default (fields,
                                                                                       LIN_CONFLICT_FIELD_COLLIDES,
                                                                                       NULL)) == 0, FALSE);
      if (lin_store_get (self->store, id) != NULL && !lin_store_delete (self->store, unassign, error))
        return FALSE;
    }

  json_object_set_boolean_member (fields, LIN_CONFLICT_FIELD_RESOLVED, TRUE);
  lin_record_set_fields (conflict, fields);

  return lin_store_save (self->store, conflict, error);
}
