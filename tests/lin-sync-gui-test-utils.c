/* lin-sync-gui-test-utils.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application's own profile in an organisation on the real server,
 * for the GUI tests and the screenshots: founded through LinContext, as
 * Linija does it, and real conflicts made with a second laptop.
 */

#include "config.h"

#include "lin-call.h"
#include "lin-roster.h"
#include "lin-sync-gui-test-utils.h"
#include "lin-test-utils.h"

/* The SHA-256 of the server's certificate, to pin */
char *
lin_test_server_fingerprint (LinTestServer *server)
{
  GByteArray *der = NULL;
  char *hex;

  g_object_get (server->pinned, "certificate", &der, NULL);
  hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
  g_byte_array_unref (der);

  return hex;
}

static void
enrolled_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!lin_context_enrol_finish (LIN_CONTEXT (object), result, &error))
    g_error ("Enrolling failed: %s", error->message);
  *(gboolean *)user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

/* The unlocked @context founds an organisation on @server: its sync starts */
void
lin_test_context_found (LinContext    *context,
                        LinTestServer *server)
{
  g_autofree char *code = lin_test_server_org_create (server, "SOS (izmišljena)", NULL);
  g_autofree char *fingerprint = lin_test_server_fingerprint (server);
  gboolean done = FALSE;

  lin_context_enrol_async (context, server->url, fingerprint, code, "Laptop (test)", NULL, enrolled_cb, &done);
  if (!lin_test_wait_for (is_true, &done, 60000))
    g_error ("Enrolling took too long");
  g_assert_nonnull (lin_context_get_sync (context));
}

/* The account points at @server where it now listens (after a restart) */
void
lin_test_context_point_at (LinContext    *context,
                           LinTestServer *server)
{
  LinRecord *account = lin_sync_get_account (lin_context_get_sync (context));
  g_autofree char *fingerprint = lin_test_server_fingerprint (server);
  g_autoptr(GError) error = NULL;

  lin_record_set_string (account, LIN_SYNC_ACCOUNT_FIELD_SERVER, server->url);
  lin_record_set_string (account, LIN_SYNC_ACCOUNT_FIELD_FINGERPRINT, fingerprint);
  g_assert_true (lin_store_save (lin_context_get_store (context), account, &error));
  g_assert_no_error (error);
}

typedef struct
{
  LinContext *context;
  gint64      after;
} SyncedAfter;

static gboolean
synced_after (gpointer data)
{
  SyncedAfter *wait = data;
  LinSync *sync = lin_context_get_sync (wait->context);

  return sync != NULL && lin_sync_get_status (sync) == LIN_SYNC_STATUS_SYNCED &&
         lin_sync_get_n_waiting (sync) == 0 && lin_sync_get_last_success (sync) > wait->after;
}

/* Whether a sync ended well after @after (µs), with nothing left to send */
gboolean
lin_test_context_synced_after (LinContext *context,
                               gint64      after,
                               guint       timeout_ms)
{
  SyncedAfter wait = { context, after };

  return lin_test_wait_for (synced_after, &wait, timeout_ms);
}

static JsonObject *
risk (const char *level)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, LIN_RISK_FIELD_LEVEL, level);
  json_object_set_string_member (object, LIN_RISK_FIELD_FINAL_LEVEL, level);

  return object;
}

static void
save (LinStore  *store,
      LinRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lin_store_save (store, record, &error));
  g_assert_no_error (error);
}

typedef struct
{
  LinContext    *context;
  LinTestDevice *other;
} Pair;

/* Both laptops sync now and then, as they would on their own */
static void
sync_both (Pair *pair)
{
  LinSync *sync = lin_context_get_sync (pair->context);

  lin_test_device_sync (pair->other, NULL);
  if (lin_sync_get_status (sync) != LIN_SYNC_STATUS_SYNCING)
    lin_sync_poke (sync, LIN_SYNC_REASON_USER);
  lin_test_spin (200);
}

static gboolean
has_conflicts (gpointer data)
{
  Pair *pair = data;

  sync_both (pair);

  return lin_sync_get_n_conflicts (lin_context_get_sync (pair->context)) >= 2;
}

/**
 * lin_test_context_conflicts:
 * @context: unlocked, the organisation's coordinator (lin_test_context_found())
 * @server: its server
 * @data_dir: where the second laptop's profile goes
 * @values: the safe times of a follow-up: as made, as the other laptop
 *   writes them, as this one writes them later
 * @made: (out): the two records' ids
 *
 * A second laptop joins; both laptops edit a follow-up and a call's risk
 * before they sync again, this one later: two real conflicts, the call's
 * for review.
 *
 * Returns: (transfer full): the second laptop
 */
LinTestDevice *
lin_test_context_conflicts (LinContext         *context,
                            LinTestServer      *server,
                            const char         *data_dir,
                            const char * const  values[3],
                            LinTestConflicts   *made)
{
  LinStore *store = lin_context_get_store (context);
  LinTestDevice coordinator = { .sync = lin_context_get_sync (context) };
  g_autoptr(LinRecord) follow_up = lin_record_new (LIN_FOLLOW_UP_KIND);
  g_autoptr(LinRecord) call = lin_record_new (LIN_CALL_KIND);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *started = g_date_time_format_iso8601 (now);
  LinTestDevice *other;
  LinRecord *theirs;
  gint64 before;
  Pair pair;

  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  other = lin_test_device_join (server, &coordinator, data_dir, "Branka");

  /* both laptops have both records */
  before = lin_sync_get_last_success (coordinator.sync);
  lin_record_set_string (follow_up, LIN_FOLLOW_UP_FIELD_SAFE_TIMES, values[0]);
  save (store, follow_up);
  lin_record_set_string (call, LIN_CALL_FIELD_STARTED, started);
  json_object_set_object_member (lin_record_get_fields (call), LIN_CALL_FIELD_RISK, risk ("medium"));
  save (store, call);
  g_assert_true (lin_test_context_synced_after (context, before, 60000));
  lin_test_device_sync_ok (other);

  /* the other laptop changes them and sends its changes first */
  theirs = lin_store_get (other->store, lin_record_get_id_string (follow_up));
  g_assert_nonnull (theirs);
  lin_record_set_string (theirs, LIN_FOLLOW_UP_FIELD_SAFE_TIMES, values[1]);
  save (other->store, theirs);
  theirs = lin_store_get (other->store, lin_record_get_id_string (call));
  g_assert_nonnull (theirs);
  json_object_set_object_member (lin_record_get_fields (theirs), LIN_CALL_FIELD_RISK, risk ("high"));
  save (other->store, theirs);
  lin_test_device_sync_ok (other);

  /* this one changes them too, later, from what it had */
  g_usleep (5000);
  lin_record_set_string (follow_up, LIN_FOLLOW_UP_FIELD_SAFE_TIMES, values[2]);
  save (store, follow_up);
  json_object_set_object_member (lin_record_get_fields (call), LIN_CALL_FIELD_RISK, risk ("standard"));
  save (store, call);

  pair.context = context;
  pair.other = other;
  if (!lin_test_wait_for (has_conflicts, &pair, 60000))
    g_error ("No conflicts came");
  g_assert_true (lin_test_context_synced_after (context, 0, 60000));

  made->follow_up_id = g_strdup (lin_record_get_id_string (follow_up));
  made->call_id = g_strdup (lin_record_get_id_string (call));

  return other;
}

void
lin_test_conflicts_clear (LinTestConflicts *made)
{
  g_clear_pointer (&made->follow_up_id, g_free);
  g_clear_pointer (&made->call_id, g_free);
}

static guint
count_collisions (LinStore *store)
{
  g_autoptr(GPtrArray) conflicts = lin_store_list (store, LIN_CONFLICT_KIND);
  guint n = 0;

  for (guint i = 0; i < conflicts->len; i++)
    n += lin_record_get_string (conflicts->pdata[i], LIN_CONFLICT_FIELD_COLLIDES) != NULL &&
         !json_object_get_boolean_member_with_default (lin_record_get_fields (conflicts->pdata[i]),
                                                       LIN_CONFLICT_FIELD_RESOLVED, FALSE);

  return n;
}

static gboolean
has_collision (gpointer data)
{
  Pair *pair = data;

  sync_both (pair);

  return count_collisions (lin_context_get_store (pair->context)) > 0 &&
         count_collisions (pair->other->store) > 0;
}

static LinRecord *
roster_record (const char *kind,
               const char *member,
               const char *value)
{
  LinRecord *record = lin_record_new (kind);

  lin_record_set_string (record, member, value);

  return record;
}

/**
 * lin_test_context_collision:
 * @context: unlocked, in an organisation with @other
 * @other: another laptop of the organisation
 * @alias: a fictional counsellor's alias
 * @other_alias: (nullable): another's, or %NULL
 * @ids: (out): the two assignments: this laptop's, then the other's
 *
 * Both laptops put @alias on tomorrow night's shift (for two people)
 * before they sync: she is on it twice. With @other_alias, the other
 * laptop puts her on it instead, and the shift is for one: one person too
 * many. Back once both laptops hold the flag.
 */
void
lin_test_context_collision (LinContext    *context,
                            LinTestDevice *other,
                            const char    *alias,
                            const char    *other_alias,
                            char          *ids[2])
{
  LinStore *store = lin_context_get_store (context);
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) start = g_date_time_new (lin_call_get_time_zone (), g_date_time_get_year (tomorrow),
                                                g_date_time_get_month (tomorrow),
                                                g_date_time_get_day_of_month (tomorrow), 20, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, 12);
  g_autofree char *start_text = g_date_time_format (start, "%FT%T%:z");
  g_autofree char *end_text = g_date_time_format (end, "%FT%T%:z");
  g_autoptr(LinRecord) line = roster_record (LIN_LINE_KIND, LIN_LINE_FIELD_NAME, "SOS linija (izmišljena)");
  g_autoptr(LinRecord) person = roster_record (LIN_PERSON_KIND, LIN_PERSON_FIELD_ALIAS, alias);
  g_autoptr(LinRecord) second = roster_record (LIN_PERSON_KIND, LIN_PERSON_FIELD_ALIAS,
                                               other_alias != NULL ? other_alias : alias);
  g_autoptr(LinRecord) shift = roster_record (LIN_SHIFT_KIND, LIN_SHIFT_FIELD_START, start_text);
  g_autoptr(LinRecord) ours = NULL;
  g_autoptr(LinRecord) theirs = NULL;
  Pair pair = { context, other };
  gint64 before;

  lin_record_set_string (shift, LIN_SHIFT_FIELD_END, end_text);
  lin_record_set_string (shift, LIN_SHIFT_FIELD_LINE, lin_record_get_id_string (line));
  json_object_set_int_member (lin_record_get_fields (shift), LIN_SHIFT_FIELD_REQUIRED, other_alias != NULL ? 1 : 2);

  /* both laptops have the shift */
  before = lin_sync_get_last_success (lin_context_get_sync (context));
  save (store, line);
  save (store, person);
  if (other_alias != NULL)
    save (store, second);
  save (store, shift);
  g_assert_true (lin_test_context_synced_after (context, before, 60000));
  lin_test_device_sync_ok (other);

  /* each puts her on it */
  ours = lin_roster_new_assignment (shift, person);
  save (store, ours);
  theirs = lin_roster_new_assignment (lin_store_get (other->store, lin_record_get_id_string (shift)),
                                      lin_store_get (other->store, lin_record_get_id_string (other_alias != NULL
                                                                                             ? second : person)));
  save (other->store, theirs);

  if (!lin_test_wait_for (has_collision, &pair, 60000))
    g_error ("No collision came");

  ids[0] = g_strdup (lin_record_get_id_string (ours));
  ids[1] = g_strdup (lin_record_get_id_string (theirs));
}
