/* lin-call-log.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LinCallLog: the calls of the working set as a GListModel, newest first,
 * with filters. A profile may hold 100,000 calls, and parsing one call's
 * JSON costs about 25 µs: 2.5 s for all of them, far over the 300 ms the
 * first rows may take after unlock. So the log works in two stages:
 *
 *  1. At once: every call, ordered by the record's HLC (when it was last
 *     saved), which needs no parsing. This order is APPROXIMATE: a call
 *     edited later, or typed in after the fact, sits where its last save
 *     puts it, not where it began. No filter can be applied yet: while
 *     any filter is set, the log is empty until the index is ready.
 *  2. After the first frame (start_workers_cb()), worker threads parse
 *     each call (and each follow-up) once, from a copy of its text, into
 *     a small summary (LinCallSummary) and drop the parse: the records
 *     stay unparsed, so memory does not grow by 100,000 JSON trees. When
 *     the summaries are in, the log sorts by "started", applies the
 *     filters on the summaries alone and says so with one items-changed
 *     (two for a large change: refilter()) and a notify of "index-ready".
 *
 * After that every filter change is a pass over the summaries, and each
 * save or deletion (LinStore::record-changed) moves one row.
 */

#define G_LOG_DOMAIN "lin-call-log"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "lin-call-log.h"

typedef struct
{
  LinCallSummary summary;          /* first: the public part */
  char          *caller_code;      /* case-folded; NULL when none */
  guint64        hlc;
  gboolean       dirty;            /* changed while the index was built */
  gboolean       indexed;          /* summarised by a worker */
} Entry;

/* What a worker makes of a call: the call's part of its summary */
typedef struct
{
  Entry      entry;                /* no record: that is in IndexData */
  gboolean   parsed;               /* FALSE: do it on the main thread */
} CallJob;

typedef struct
{
  gint64     due;
  gboolean   done;
  gboolean   parsed;
  char       call_id[LIN_RECORD_ID_BYTES * 2 + 1];
} FollowUpJob;

/* The records as the store listed them, and the workers' results in the
 * same order; the results are made by the workers, not at unlock, on the
 * main thread, where zeroing them took a tenth of the first rows' time */
typedef struct
{
  GPtrArray    *calls;             /* of LinRecord */
  GPtrArray    *follow_ups;        /* of LinRecord */
  CallJob      *call_jobs;
  FollowUpJob  *follow_up_jobs;
  GCancellable *cancellable;
} IndexData;

struct _LinCallLog
{
  GObject       parent_instance;

  /* Owned */
  LinStore     *store;
  GPtrArray    *entries;           /* of Entry, owned, in the log's order */
  GPtrArray    *visible;           /* of Entry, borrowed, filtered */
  GPtrArray    *spare;             /* the last visible, for the next refilter */
  GHashTable   *by_id;             /* call's binary id → Entry */
  GCancellable *cancellable;
  IndexData    *pending;           /* the index to start after the first frame */
  guint         start_id;
  guint         start_late_id;

  gulong        changed_id;
  gulong        closing_id;
  gboolean      ready;

  /* Filters */
  gint64        from;              /* G_MININT64: none */
  gint64        to;                /* G_MAXINT64: none */
  GHashTable   *call_types;        /* interned codes; NULL: all */
  guint         risk_mask;         /* 0: all */
  LinCallLogFollowUp follow_up;
  const char   *language;          /* interned; NULL: all */
  char         *caller_prefix;     /* case-folded; NULL: all */
  GDateTime    *now;               /* NULL: the real time */

  /* for the follow-up filter, while filtering */
  gint64        now_unix;
  gint64        tomorrow_unix;
};

static void lin_call_log_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinCallLog, lin_call_log, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, lin_call_log_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_INDEX_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Summaries */

static void
entry_clear (Entry *entry)
{
  g_clear_object (&entry->summary.call);
  if (entry->caller_code != NULL)
    {
      sodium_memzero (entry->caller_code, strlen (entry->caller_code));
      g_clear_pointer (&entry->caller_code, g_free);
    }
}

static void
entry_free (Entry *entry)
{
  entry_clear (entry);
  g_free (entry);
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static const char *
intern_member (JsonObject *object,
               const char *member)
{
  return g_intern_string (string_member (object, member));
}

static gint64
unix_member (JsonObject *object,
             const char *member)
{
  g_autoptr(GDateTime) time = NULL;
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return 0;

  /* the offset is in the text: no time zone needed */
  time = g_date_time_new_from_iso8601 (json_node_get_string (node), NULL);
  return time != NULL ? g_date_time_to_unix (time) : 0;
}

/* Any thread: the call's part of the summary (not its follow-up's) */
static void
summarize_call (JsonObject *object,
                Entry      *entry)
{
  JsonNode *risk = json_object_get_member (object, LIN_CALL_FIELD_RISK);
  const char *code;

  entry->summary.started = unix_member (object, LIN_CALL_FIELD_STARTED);
  entry->summary.call_type = intern_member (object, LIN_CALL_FIELD_CALL_TYPE);
  entry->summary.language = intern_member (object, LIN_CALL_FIELD_LANGUAGE);
  entry->summary.municipality = intern_member (object, LIN_CALL_FIELD_MUNICIPALITY);
  entry->summary.district = intern_member (object, LIN_CALL_FIELD_DISTRICT);

  entry->summary.risk = LIN_RISK_LEVEL_NONE;
  if (risk != NULL && JSON_NODE_HOLDS_OBJECT (risk) &&
      (code = intern_member (json_node_get_object (risk), LIN_RISK_FIELD_FINAL_LEVEL)) != NULL)
    entry->summary.risk = lin_risk_level_from_code (code);

  if (entry->caller_code != NULL)
    {
      sodium_memzero (entry->caller_code, strlen (entry->caller_code));
      g_clear_pointer (&entry->caller_code, g_free);
    }
  code = string_member (object, LIN_CALL_FIELD_CALLER_CODE);
  if (code != NULL && *code != '\0')
    {
      entry->caller_code = g_utf8_casefold (code, -1);
      g_strstrip (entry->caller_code);
    }
}

static void
summarize_follow_up (JsonObject *object,
                     gint64     *due,
                     gboolean   *done)
{
  JsonNode *node = json_object_get_member (object, LIN_FOLLOW_UP_FIELD_DONE);

  *due = unix_member (object, LIN_FOLLOW_UP_FIELD_DUE);
  *done = node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

/* Main thread: the whole summary, from the record and its follow-up */
static void
summarize_now (LinCallLog *self,
               Entry      *entry)
{
  g_autoptr(JsonObject) object = lin_record_peek_fields (entry->summary.call);
  const char *follow_up_id;
  LinRecord *follow_up;

  summarize_call (object, entry);

  entry->summary.follow_up_due = 0;
  entry->summary.follow_up_done = FALSE;
  follow_up_id = string_member (object, LIN_CALL_FIELD_FOLLOW_UP_ID);
  if (follow_up_id != NULL && (follow_up = lin_store_get (self->store, follow_up_id)) != NULL)
    {
      g_autoptr(JsonObject) fu = lin_record_peek_fields (follow_up);

      summarize_follow_up (fu, &entry->summary.follow_up_due, &entry->summary.follow_up_done);
    }
}

/* The index, on worker threads */

typedef struct
{
  IndexData *data;
  guint      part;
  guint      n_parts;
} IndexPart;

static void
index_data_free (IndexData *data)
{
  for (guint i = 0; data->call_jobs != NULL && i < data->calls->len; i++)
    entry_clear (&data->call_jobs[i].entry);

  g_free (data->call_jobs);
  g_free (data->follow_up_jobs);
  g_ptr_array_unref (data->calls);
  g_clear_pointer (&data->follow_ups, g_ptr_array_unref);
  g_clear_object (&data->cancellable);
  g_free (data);
}

static JsonObject *
parse_copy (JsonParser *parser,
            LinRecord  *record)
{
  gsize len = 0;
  char *json = lin_record_dup_unparsed_json (record, &len);
  JsonObject *object = NULL;
  JsonNode *root;

  /* parsed already: the main thread does it, from the parsed fields */
  if (json == NULL)
    return NULL;

  if (json_parser_load_from_data (parser, json, (gssize)len, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    object = json_object_ref (json_node_get_object (root));

  sodium_memzero (json, len);
  g_free (json);

  return object;
}

static gpointer
index_part_thread (gpointer user_data)
{
  IndexPart *part = user_data;
  IndexData *data = part->data;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  for (guint i = part->part; i < data->calls->len; i += part->n_parts)
    {
      CallJob *job = &data->call_jobs[i];
      g_autoptr(JsonObject) object = NULL;

      if (i % 256 == 0 && g_cancellable_is_cancelled (data->cancellable))
        return NULL;

      object = parse_copy (parser, data->calls->pdata[i]);
      if (object != NULL)
        {
          summarize_call (object, &job->entry);
          job->parsed = TRUE;
        }
    }

  for (guint i = part->part; i < data->follow_ups->len; i += part->n_parts)
    {
      FollowUpJob *job = &data->follow_up_jobs[i];
      g_autoptr(JsonObject) object = parse_copy (parser, data->follow_ups->pdata[i]);
      const char *call_id;

      if (object == NULL)
        continue;

      summarize_follow_up (object, &job->due, &job->done);
      call_id = string_member (object, LIN_FOLLOW_UP_FIELD_CALL_ID);
      if (call_id != NULL && strlen (call_id) == LIN_RECORD_ID_BYTES * 2)
        {
          memcpy (job->call_id, call_id, sizeof job->call_id);
          job->parsed = TRUE;
        }
    }

  return NULL;
}

static void
index_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  IndexData *data = task_data;
  guint n_parts = CLAMP (g_get_num_processors (), 1, 8);
  g_autofree IndexPart *parts = g_new0 (IndexPart, n_parts);
  g_autofree GThread **threads = g_new0 (GThread *, n_parts);

  data->call_jobs = g_new0 (CallJob, data->calls->len);
  data->follow_up_jobs = g_new0 (FollowUpJob, data->follow_ups->len);

  /* this thread takes part 0 */
  for (guint i = 0; i < n_parts; i++)
    {
      parts[i] = (IndexPart) { data, i, n_parts };
      if (i > 0)
        threads[i] = g_thread_new ("lin-call-index", index_part_thread, &parts[i]);
    }
  index_part_thread (&parts[0]);
  for (guint i = 1; i < n_parts; i++)
    g_thread_join (threads[i]);

  g_task_return_boolean (task, !g_cancellable_is_cancelled (cancellable));
}

/* Order and filters */

static int
compare_entries (const Entry *a,
                 const Entry *b,
                 gboolean     ready)
{
  int c;

  /* newest first */
  if (ready && (c = (b->summary.started > a->summary.started) - (b->summary.started < a->summary.started)) != 0)
    return c;
  if ((c = (b->hlc > a->hlc) - (b->hlc < a->hlc)) != 0)
    return c;

  return strcmp (lin_record_get_id_string (a->summary.call), lin_record_get_id_string (b->summary.call));
}

static int
compare_entries_ready (gconstpointer a,
                       gconstpointer b)
{
  return compare_entries (*(Entry **)a, *(Entry **)b, TRUE);
}

static gboolean
filter_active (LinCallLog *self)
{
  return self->from != G_MININT64 || self->to != G_MAXINT64 || self->call_types != NULL ||
         self->risk_mask != 0 || self->follow_up != LIN_CALL_LOG_FOLLOW_UP_ANY ||
         self->language != NULL || self->caller_prefix != NULL;
}

static void
prepare_now (LinCallLog *self)
{
  g_autoptr(GDateTime) real_now = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  GDateTime *now = self->now;
  int y, m, d;

  if (now == NULL)
    now = real_now = g_date_time_new_now_utc ();

  local = g_date_time_to_timezone (now, lin_call_get_time_zone ());
  g_date_time_get_ymd (local, &y, &m, &d);
  midnight = g_date_time_new (lin_call_get_time_zone (), y, m, d, 0, 0, 0);
  tomorrow = g_date_time_add_days (midnight, 1);

  self->now_unix = g_date_time_to_unix (now);
  self->tomorrow_unix = g_date_time_to_unix (tomorrow);
}

static LinCallLogFollowUp
entry_follow_up (LinCallLog  *self,
                 const Entry *entry)
{
  /* as lin_follow_up_state_for(), with "now" and "tomorrow" worked out
   * once per pass */
  if (entry->summary.follow_up_done || entry->summary.follow_up_due == 0)
    return LIN_CALL_LOG_FOLLOW_UP_NONE;
  if (entry->summary.follow_up_due < self->now_unix)
    return LIN_CALL_LOG_FOLLOW_UP_OVERDUE;
  if (entry->summary.follow_up_due < self->tomorrow_unix)
    return LIN_CALL_LOG_FOLLOW_UP_TODAY;
  return LIN_CALL_LOG_FOLLOW_UP_UPCOMING;
}

static gboolean
entry_matches (LinCallLog  *self,
               const Entry *entry)
{
  if (!self->ready)
    return !filter_active (self);

  if (entry->summary.started < self->from || entry->summary.started >= self->to)
    return FALSE;
  if (self->call_types != NULL &&
      (entry->summary.call_type == NULL || !g_hash_table_contains (self->call_types, entry->summary.call_type)))
    return FALSE;
  if (self->risk_mask != 0 && (self->risk_mask & LIN_CALL_LOG_RISK (entry->summary.risk)) == 0)
    return FALSE;
  if (self->language != NULL && entry->summary.language != self->language)
    return FALSE;
  if (self->caller_prefix != NULL &&
      (entry->caller_code == NULL || !g_str_has_prefix (entry->caller_code, self->caller_prefix)))
    return FALSE;
  if (self->follow_up != LIN_CALL_LOG_FOLLOW_UP_ANY && entry_follow_up (self, entry) != self->follow_up)
    return FALSE;

  return TRUE;
}

/* Whether two sets of interned codes (NULL: all) are the same */
static gboolean
same_codes (GHashTable *a,
            GHashTable *b)
{
  GHashTableIter iter;
  gpointer code;

  if (a == NULL || b == NULL)
    return a == b;
  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    if (!g_hash_table_contains (b, code))
      return FALSE;

  return TRUE;
}

static void
refilter (LinCallLog *self)
{
  GPtrArray *old = self->visible;
  GPtrArray *new = self->spare;
  guint prefix = 0, suffix = 0, removed, added;

  /* one pass over the summaries, into the array of the pass before: no
   * allocation */
  prepare_now (self);
  g_ptr_array_set_size (new, 0);
  for (guint i = 0; i < self->entries->len; i++)
    if (entry_matches (self, self->entries->pdata[i]))
      g_ptr_array_add (new, self->entries->pdata[i]);
  self->visible = new;
  self->spare = old;

  /* only the rows that changed: those alike at both ends stay bound */
  while (prefix < old->len && prefix < new->len && old->pdata[prefix] == new->pdata[prefix])
    prefix++;
  while (suffix < old->len - prefix && suffix < new->len - prefix &&
         old->pdata[old->len - 1 - suffix] == new->pdata[new->len - 1 - suffix])
    suffix++;
  removed = old->len - prefix - suffix;
  added = new->len - prefix - suffix;

  if (removed == 0 && added == 0)
    return;

  if (removed == 0 || added == 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
      return;
    }

  /* Rows removed and rows added are said in two signals: a removal of
   * every row after the common start, then an addition. Given both in
   * one signal, GTK 4.8's list view (when its anchor row is among those
   * removed) and GtkSingleSelection (when the selected one is) look for
   * that row among all the rows added, one g_list_model_get_item() each:
   * 100,000 for a filter changed on a large profile, most of the time the
   * change takes; and the list view was left blank after clearing a
   * filter (seen in the screenshots, at 300 calls). Said in two, there is
   * nothing to look for: the list stays at the common start (the top,
   * mostly) and the selection, when its row went, is dropped. The model
   * is as the first signal says in between: the old rows up to the
   * common start. */
  g_ptr_array_set_size (old, prefix);
  self->visible = old;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed + suffix, 0);
  self->visible = new;
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, 0, added + suffix);
}

/* Where @entry goes in @array, which is in the log's order */
static guint
sorted_position (LinCallLog *self,
                 GPtrArray  *array,
                 Entry      *entry)
{
  guint lo = 0, hi = array->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_entries (array->pdata[mid], entry, self->ready) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static gboolean
find_pointer (GPtrArray *array,
              gpointer   pointer,
              guint     *position)
{
  return g_ptr_array_find (array, pointer, position);
}

/* Takes @entry out of both arrays (not freed); emits for the visible row */
static void
take_out (LinCallLog *self,
          Entry      *entry)
{
  guint position;

  if (find_pointer (self->visible, entry, &position))
    {
      g_ptr_array_remove_index (self->visible, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
    }
  if (find_pointer (self->entries, entry, &position))
    g_ptr_array_steal_index (self->entries, position);
}

static void
put_in (LinCallLog *self,
        Entry      *entry)
{
  g_ptr_array_insert (self->entries, sorted_position (self, self->entries, entry), entry);

  if (entry_matches (self, entry))
    {
      guint position = sorted_position (self, self->visible, entry);

      g_ptr_array_insert (self->visible, position, entry);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
    }
}

static void
clear_all (LinCallLog *self)
{
  guint old_n = self->visible->len;

  g_ptr_array_set_size (self->visible, 0);
  g_ptr_array_set_size (self->spare, 0);
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->entries, 0);
  if (old_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
}

/* Callbacks */

static void
index_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  LinCallLog *self = LIN_CALL_LOG (source);
  IndexData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GHashTable) follow_ups = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), NULL) || data->cancellable != self->cancellable)
    return;

  /* the follow-ups by the call they follow up */
  follow_ups = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < data->follow_ups->len; i++)
    {
      FollowUpJob *job = &data->follow_up_jobs[i];
      LinRecord *record = data->follow_ups->pdata[i];

      if (job->parsed && lin_store_get (self->store, lin_record_get_id_string (record)) == record)
        g_hash_table_insert (follow_ups, job->call_id, job);
    }

  for (guint i = 0; i < data->calls->len; i++)
    {
      CallJob *job = &data->call_jobs[i];
      Entry *entry = g_hash_table_lookup (self->by_id, lin_record_get_id (data->calls->pdata[i]));
      FollowUpJob *fu;

      /* deleted meanwhile; or saved meanwhile, or parsed on the main
       * thread: then the summary is made below */
      if (entry == NULL || entry->dirty || !job->parsed)
        continue;

      entry->summary.started = job->entry.summary.started;
      entry->summary.call_type = job->entry.summary.call_type;
      entry->summary.language = job->entry.summary.language;
      entry->summary.municipality = job->entry.summary.municipality;
      entry->summary.district = job->entry.summary.district;
      entry->summary.risk = job->entry.summary.risk;
      entry->caller_code = g_steal_pointer (&job->entry.caller_code);

      fu = g_hash_table_lookup (follow_ups, lin_record_get_id_string (data->calls->pdata[i]));
      if (fu != NULL)
        {
          entry->summary.follow_up_due = fu->due;
          entry->summary.follow_up_done = fu->done;
        }
      entry->indexed = TRUE;
    }

  /* what the workers could not do, or what changed while they worked */
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];

      if (!entry->indexed || entry->dirty)
        summarize_now (self, entry);
      entry->dirty = FALSE;
      entry->indexed = TRUE;
    }

  self->ready = TRUE;
  g_ptr_array_sort (self->entries, compare_entries_ready);
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX_READY]);
}

static void
stop_index (LinCallLog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->start_id, g_source_remove);
  g_clear_handle_id (&self->start_late_id, g_source_remove);
  g_clear_pointer (&self->pending, index_data_free);
  self->ready = FALSE;
}

/* Stage 2, in an idle of low priority: after the first frame has shown
 * the first rows, as listing the follow-ups takes some 50 ms with 100,000
 * calls, and the workers take processors. But frames drawn back to back
 * (scrolling on a slow machine) leave no idle: then half a second after
 * stage 1 (START_LATE_MS) */
#define START_LATE_MS 500

static gboolean
start_workers_cb (gpointer user_data)
{
  LinCallLog *self = user_data;
  g_autoptr(GTask) task = NULL;
  IndexData *data = g_steal_pointer (&self->pending);

  /* whichever came first */
  g_clear_handle_id (&self->start_id, g_source_remove);
  g_clear_handle_id (&self->start_late_id, g_source_remove);
  data->follow_ups = lin_store_list (self->store, LIN_FOLLOW_UP_KIND);

  task = g_task_new (self, self->cancellable, index_done_cb, NULL);
  g_task_set_source_tag (task, start_workers_cb);
  g_task_set_task_data (task, data, (GDestroyNotify)index_data_free);
  g_task_run_in_thread (task, index_thread);

  return G_SOURCE_REMOVE;
}

static void
start_index (LinCallLog *self)
{
  g_autoptr(GPtrArray) calls = NULL;
  IndexData *data;

  stop_index (self);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  clear_all (self);

  /* stage 1: every call at once, by HLC, newest first */
  calls = lin_store_list (self->store, LIN_CALL_KIND);

  data = g_new0 (IndexData, 1);
  data->calls = g_ptr_array_ref (calls);
  data->cancellable = g_object_ref (self->cancellable);

  g_ptr_array_set_size (self->entries, 0);
  for (guint i = calls->len; i-- > 0;)
    {
      LinRecord *record = calls->pdata[i];
      Entry *entry = g_new0 (Entry, 1);

      entry->summary.call = g_object_ref (record);
      entry->hlc = lin_record_get_hlc (record);
      g_ptr_array_add (self->entries, entry);
      g_hash_table_insert (self->by_id, (gpointer)lin_record_get_id (record), entry);
    }

  refilter (self);

  /* stage 2: the summaries, on worker threads */
  self->pending = data;
  self->start_id = g_idle_add_full (G_PRIORITY_LOW, start_workers_cb, self, NULL);
  self->start_late_id = g_timeout_add (START_LATE_MS, start_workers_cb, self);
}

/* The entry of the call whose id is @id in hex, as a follow-up names it */
static Entry *
lookup_entry (LinCallLog *self,
              const char *id)
{
  guint8 bin[LIN_RECORD_ID_BYTES];

  if (!lin_record_id_from_string (id, bin))
    return NULL;

  return g_hash_table_lookup (self->by_id, bin);
}

static void
record_changed_cb (LinCallLog *self,
                   LinRecord  *record,
                   LinStore   *store)
{
  const char *kind = lin_record_get_kind (record);
  const char *id = lin_record_get_id_string (record);
  gboolean deleted = lin_store_get (store, id) != record;
  Entry *entry;

  if (g_str_equal (kind, LIN_FOLLOW_UP_KIND))
    {
      const char *call_id = lin_record_get_string (record, LIN_FOLLOW_UP_FIELD_CALL_ID);

      entry = call_id != NULL ? lookup_entry (self, call_id) : NULL;
      if (entry == NULL)
        return;

      take_out (self, entry);
      if (self->ready)
        summarize_now (self, entry);
      else
        entry->dirty = TRUE;
      put_in (self, entry);
      return;
    }

  if (!g_str_equal (kind, LIN_CALL_KIND))
    return;

  entry = g_hash_table_lookup (self->by_id, lin_record_get_id (record));
  if (deleted)
    {
      if (entry != NULL)
        {
          take_out (self, entry);
          g_hash_table_remove (self->by_id, lin_record_get_id (record));
          entry_free (entry);
        }
      return;
    }

  if (entry != NULL)
    {
      take_out (self, entry);
      g_hash_table_remove (self->by_id, lin_record_get_id (record));
    }
  else
    {
      entry = g_new0 (Entry, 1);
    }

  g_set_object (&entry->summary.call, record);
  g_hash_table_insert (self->by_id, (gpointer)lin_record_get_id (record), entry);
  entry->hlc = lin_record_get_hlc (record);
  if (self->ready)
    summarize_now (self, entry);
  else
    entry->dirty = TRUE;

  put_in (self, entry);
}

static void
store_closing_cb (LinCallLog *self,
                  LinStore   *store)
{
  /* lock: nothing of the calls stays behind */
  stop_index (self);
  clear_all (self);
}

/* GListModel */

static GType
lin_call_log_get_item_type (GListModel *model)
{
  return LIN_TYPE_RECORD;
}

static guint
lin_call_log_get_n_items (GListModel *model)
{
  return LIN_CALL_LOG (model)->visible->len;
}

static gpointer
lin_call_log_get_item (GListModel *model,
                       guint       position)
{
  LinCallLog *self = LIN_CALL_LOG (model);

  if (position >= self->visible->len)
    return NULL;

  return g_object_ref (((Entry *)self->visible->pdata[position])->summary.call);
}

static void
lin_call_log_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = lin_call_log_get_item_type;
  iface->get_n_items = lin_call_log_get_n_items;
  iface->get_item = lin_call_log_get_item;
}

/* GObject */

static void
lin_call_log_dispose (GObject *object)
{
  LinCallLog *self = (LinCallLog *)object;

  stop_index (self);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      g_clear_signal_handler (&self->closing_id, self->store);
    }
  g_ptr_array_set_size (self->visible, 0);
  g_ptr_array_set_size (self->spare, 0);
  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->entries, 0);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (lin_call_log_parent_class)->dispose (object);
}

static void
lin_call_log_finalize (GObject *object)
{
  LinCallLog *self = (LinCallLog *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->visible, g_ptr_array_unref);
  g_clear_pointer (&self->spare, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->call_types, g_hash_table_unref);
  g_clear_pointer (&self->caller_prefix, g_free);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (lin_call_log_parent_class)->finalize (object);
}

static void
lin_call_log_constructed (GObject *object)
{
  LinCallLog *self = (LinCallLog *)object;

  G_OBJECT_CLASS (lin_call_log_parent_class)->constructed (object);

  g_assert (LIN_IS_STORE (self->store));

  self->changed_id = g_signal_connect_swapped (self->store, "record-changed",
                                               G_CALLBACK (record_changed_cb), self);
  self->closing_id = g_signal_connect_swapped (self->store, "closing",
                                               G_CALLBACK (store_closing_cb), self);
  start_index (self);
}

static void
lin_call_log_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LinCallLog *self = LIN_CALL_LOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_INDEX_READY:
      g_value_set_boolean (value, self->ready);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_call_log_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LinCallLog *self = LIN_CALL_LOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_call_log_class_init (LinCallLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lin_call_log_constructed;
  object_class->dispose = lin_call_log_dispose;
  object_class->finalize = lin_call_log_finalize;
  object_class->get_property = lin_call_log_get_property;
  object_class->set_property = lin_call_log_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LinCallLog:index-ready:
   *
   * Whether every call is summarised: the order is by "started" and the
   * filters apply. Before, the order is by last save and, while a filter
   * is set, the log is empty.
   */
  properties[PROP_INDEX_READY] =
    g_param_spec_boolean ("index-ready", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lin_call_log_init (LinCallLog *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  self->visible = g_ptr_array_new ();
  self->spare = g_ptr_array_new ();
  /* binary ids: unlock lists 100,000 calls, and their hex forms cost
   * a third of the time to the first rows */
  self->by_id = g_hash_table_new (lin_record_id_hash, lin_record_id_equal);
  self->from = G_MININT64;
  self->to = G_MAXINT64;
}

/* Public API */

/**
 * lin_call_log_new:
 * @store: an open store
 *
 * Returns: (transfer full): the log of @store's calls; its first rows are
 *   there at once, its index follows (#LinCallLog:index-ready)
 */
LinCallLog *
lin_call_log_new (LinStore *store)
{
  g_return_val_if_fail (LIN_IS_STORE (store), NULL);

  return g_object_new (LIN_TYPE_CALL_LOG, "store", store, NULL);
}

LinStore *
lin_call_log_get_store (LinCallLog *self)
{
  g_return_val_if_fail (LIN_IS_CALL_LOG (self), NULL);

  return self->store;
}

gboolean
lin_call_log_get_index_ready (LinCallLog *self)
{
  g_return_val_if_fail (LIN_IS_CALL_LOG (self), FALSE);

  return self->ready;
}

/**
 * lin_call_log_get_summary:
 * @self: a #LinCallLog
 * @position: a row
 *
 * Returns: (transfer none) (nullable): what the index knows of the call
 *   in that row, valid until the log next changes; %NULL before the index
 *   is ready
 */
const LinCallSummary *
lin_call_log_get_summary (LinCallLog *self,
                          guint       position)
{
  g_return_val_if_fail (LIN_IS_CALL_LOG (self), NULL);

  if (!self->ready || position >= self->visible->len)
    return NULL;

  return &((Entry *)self->visible->pdata[position])->summary;
}

/**
 * lin_call_log_summarize:
 * @self: a #LinCallLog
 * @call: a call record of the log's store
 * @summary: (out caller-allocates): what a row shows of @call
 *
 * For a row bound before the index is ready: @call's summary from a parse
 * of its text that neither the log nor the record keeps (with
 * lin_record_get_string() each row scrolled past kept its whole parse).
 * @summary's strings are interned; its @call is not referenced.
 */
void
lin_call_log_summarize (LinCallLog     *self,
                        LinRecord      *call,
                        LinCallSummary *summary)
{
  Entry entry = { .summary.call = call };

  g_return_if_fail (LIN_IS_CALL_LOG (self));
  g_return_if_fail (LIN_IS_RECORD (call));
  g_return_if_fail (summary != NULL);

  summarize_now (self, &entry);
  *summary = entry.summary;

  entry.summary.call = NULL;
  entry_clear (&entry);
}

/**
 * lin_call_log_set_date_range:
 * @self: a #LinCallLog
 * @from: (nullable): the earliest start shown
 * @to: (nullable): the first start no longer shown
 */
void
lin_call_log_set_date_range (LinCallLog *self,
                             GDateTime  *from,
                             GDateTime  *to)
{
  gint64 f = from != NULL ? g_date_time_to_unix (from) : G_MININT64;
  gint64 t = to != NULL ? g_date_time_to_unix (to) : G_MAXINT64;

  g_return_if_fail (LIN_IS_CALL_LOG (self));

  if (f == self->from && t == self->to)
    return;

  self->from = f;
  self->to = t;
  refilter (self);
}

/**
 * lin_call_log_set_call_types:
 * @self: a #LinCallLog
 * @call_types: (nullable) (array zero-terminated=1): the codes shown;
 *   %NULL: all
 */
void
lin_call_log_set_call_types (LinCallLog         *self,
                             const char * const *call_types)
{
  g_autoptr(GHashTable) wanted = NULL;

  g_return_if_fail (LIN_IS_CALL_LOG (self));

  if (call_types != NULL)
    {
      wanted = g_hash_table_new (NULL, NULL);
      for (guint i = 0; call_types[i] != NULL; i++)
        g_hash_table_add (wanted, (gpointer)g_intern_string (call_types[i]));
    }

  /* the view sets every filter at each change of one */
  if (same_codes (wanted, self->call_types))
    return;

  g_clear_pointer (&self->call_types, g_hash_table_unref);
  self->call_types = g_steal_pointer (&wanted);
  refilter (self);
}

/**
 * lin_call_log_set_risk_levels:
 * @self: a #LinCallLog
 * @mask: LIN_CALL_LOG_RISK() of each level shown; 0: all
 */
void
lin_call_log_set_risk_levels (LinCallLog *self,
                              guint       mask)
{
  g_return_if_fail (LIN_IS_CALL_LOG (self));

  if (mask == self->risk_mask)
    return;

  self->risk_mask = mask;
  refilter (self);
}

void
lin_call_log_set_follow_up (LinCallLog         *self,
                            LinCallLogFollowUp  follow_up)
{
  g_return_if_fail (LIN_IS_CALL_LOG (self));

  if (follow_up == self->follow_up)
    return;

  self->follow_up = follow_up;
  refilter (self);
}

/**
 * lin_call_log_set_language:
 * @self: a #LinCallLog
 * @language: (nullable): a code of the list "language"; %NULL: all
 */
void
lin_call_log_set_language (LinCallLog *self,
                           const char *language)
{
  const char *interned = g_intern_string (language);

  g_return_if_fail (LIN_IS_CALL_LOG (self));

  if (interned == self->language)
    return;

  self->language = interned;
  refilter (self);
}

/**
 * lin_call_log_set_caller_code_search:
 * @self: a #LinCallLog
 * @prefix: (nullable): the start of a caller code, in any case; %NULL or
 *   blank: all
 */
void
lin_call_log_set_caller_code_search (LinCallLog *self,
                                     const char *prefix)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (LIN_IS_CALL_LOG (self));

  if (prefix != NULL)
    {
      folded = g_utf8_casefold (prefix, -1);
      g_strstrip (folded);
      if (*folded == '\0')
        g_clear_pointer (&folded, g_free);
    }

  if (g_strcmp0 (folded, self->caller_prefix) == 0)
    return;

  g_free (self->caller_prefix);
  self->caller_prefix = g_steal_pointer (&folded);
  refilter (self);
}

/**
 * lin_call_log_set_now:
 * @self: a #LinCallLog
 * @now: (nullable): the time the follow-up filter judges at; %NULL: the
 *   real time at each change
 */
void
lin_call_log_set_now (LinCallLog *self,
                      GDateTime  *now)
{
  g_return_if_fail (LIN_IS_CALL_LOG (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);

  if (self->follow_up != LIN_CALL_LOG_FOLLOW_UP_ANY)
    refilter (self);
}

gboolean
lin_call_log_get_filtered (LinCallLog *self)
{
  g_return_val_if_fail (LIN_IS_CALL_LOG (self), FALSE);

  return filter_active (self);
}

/**
 * lin_call_log_find_caller_code:
 * @self: a #LinCallLog
 * @caller_code: a caller code
 * @except_id: (nullable): a call to leave out
 *
 * lin_call_find_by_caller_code() from the index, when it is ready.
 *
 * Returns: (transfer container) (element-type LinRecord): the calls with
 *   that code, newest first
 */
GPtrArray *
lin_call_log_find_caller_code (LinCallLog *self,
                               const char *caller_code,
                               const char *except_id)
{
  g_autofree char *wanted = NULL;
  GPtrArray *out;

  g_return_val_if_fail (LIN_IS_CALL_LOG (self), NULL);

  if (!self->ready)
    return lin_call_find_by_caller_code (self->store, caller_code, except_id);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  if (caller_code == NULL)
    return out;

  wanted = g_utf8_casefold (caller_code, -1);
  g_strstrip (wanted);
  if (*wanted == '\0')
    return out;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = self->entries->pdata[i];

      if (entry->caller_code != NULL && g_str_equal (entry->caller_code, wanted) &&
          (except_id == NULL || !g_str_equal (except_id, lin_record_get_id_string (entry->summary.call))))
        g_ptr_array_add (out, g_object_ref (entry->summary.call));
    }

  return out;
}
