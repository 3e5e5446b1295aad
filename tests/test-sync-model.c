/* test-sync-model.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A model of an organisation: five laptops, each with a clock up to ten
 * minutes off, make, edit and delete records at random and sync now and
 * then, some of them cut off for a while (a partition). After the cut
 * heals and everyone syncs, every laptop holds the same records, and
 * every edit that was saved is somewhere: in its record, in the history
 * of revisions of some laptop, in a conflict copy, or replaced by a
 * later save or deletion of a laptop that showed it (the one that saved
 * it, or one that had pulled it), or its record is deleted. (A deletion
 * shreds a record's history; an edit it had not seen brings the record
 * back.) Seeded: a failure names its seed
 * (LINIJA_MODEL_SEED=N to run one again, LINIJA_MODEL_SEEDS=N for more).
 */

#include "config.h"

#include <string.h>

#include "lin-store-private.h"
#include "lin-sync-test-utils.h"

#define N_DEVICES 5
#define N_STEPS   240

static LinTestServer *server;
static char *data_dir;

static const char * const kinds[] = { "call", "follow-up", "shift", "service", "person" };
static const char * const fields[] = { "a", "b", "c", "d" };

typedef struct
{
  char  *record;
  char  *field;
  char  *value;
  guint  device;
  guint  step;
} Edit;

static void
edit_free (Edit *edit)
{
  g_free (edit->record);
  g_free (edit->field);
  g_free (edit->value);
  g_free (edit);
}

typedef struct
{
  LinTestDevice *devices[N_DEVICES];
  gboolean       cut[N_DEVICES];
  GPtrArray     *edits;
  GPtrArray     *deletions;   /* of Edit, with no field */
  GHashTable    *seen_away;   /* values a laptop replaced or deleted while it showed them */
  GRand         *rand;
  guint          n_syncs;
  guint          n_deletes;
  guint          n_merged_away;
} Model;

/* A record of @device's to change: not a conflict copy */
static LinRecord *
pick_record (Model         *model,
             LinTestDevice *device)
{
  g_autoptr(GPtrArray) records = lin_store_list (device->store, NULL);
  g_autoptr(GPtrArray) ours = g_ptr_array_new ();

  for (guint i = 0; i < records->len; i++)
    if (!lin_record_get_local (records->pdata[i]) &&
        g_strv_contains (kinds, lin_record_get_kind (records->pdata[i])))
      g_ptr_array_add (ours, records->pdata[i]);

  if (ours->len == 0)
    return NULL;

  return g_object_ref (ours->pdata[g_rand_int_range (model->rand, 0, (gint32)ours->len)]);
}

static void
set_and_keep (Model      *model,
              guint       d,
              guint       step,
              LinRecord  *record,
              const char *field)
{
  Edit *edit = g_new0 (Edit, 1);

  /* the value she replaces, she saw */
  if (lin_record_get_string (record, field) != NULL)
    g_hash_table_add (model->seen_away, g_strdup (lin_record_get_string (record, field)));
  edit->value = g_strdup_printf ("laptop %u, step %u", d, step);
  edit->field = g_strdup (field);
  edit->device = d;
  edit->step = step;
  lin_record_set_string (record, field, edit->value);
  edit->record = g_strdup (lin_record_get_id_string (record));
  g_ptr_array_add (model->edits, edit);
}

static void
step (Model *model,
      guint  n)
{
  guint d = (guint)g_rand_int_range (model->rand, 0, N_DEVICES);
  LinTestDevice *device = model->devices[d];
  double roll = g_rand_double (model->rand);
  g_autoptr(GError) error = NULL;

  if (roll < 0.40)
    {
      g_autoptr(LinRecord) record = pick_record (model, device);
      const char *field = fields[g_rand_int_range (model->rand, 0, G_N_ELEMENTS (fields))];

      if (record == NULL)
        return;
      set_and_keep (model, d, n, record, field);
      g_assert_true (lin_store_save (device->store, record, &error));
      g_assert_no_error (error);
    }
  else if (roll < 0.52)
    {
      g_autoptr(LinRecord) record = lin_record_new (kinds[g_rand_int_range (model->rand, 0, G_N_ELEMENTS (kinds))]);

      set_and_keep (model, d, n, record, "a");
      g_assert_true (lin_store_save (device->store, record, &error));
      g_assert_no_error (error);
    }
  else if (roll < 0.56)
    {
      g_autoptr(LinRecord) record = pick_record (model, device);

      if (record == NULL)
        return;
      /* kept as an edit of no field: what she deleted she meant to */
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        if (lin_record_get_string (record, fields[f]) != NULL)
          g_hash_table_add (model->seen_away, g_strdup (lin_record_get_string (record, fields[f])));
      {
        Edit *deletion = g_new0 (Edit, 1);

        deletion->record = g_strdup (lin_record_get_id_string (record));
        deletion->device = d;
        deletion->step = n;
        g_ptr_array_add (model->deletions, deletion);
      }
      g_assert_true (lin_store_delete (device->store, record, &error));
      g_assert_no_error (error);
      model->n_deletes++;
    }
  else if (roll < 0.90)
    {
      LinSyncOutcome outcome;

      if (model->cut[d])
        return;
      outcome = lin_test_device_sync (device, &error);
      if (g_getenv ("LINIJA_MODEL_TRACE") != NULL)
        g_printerr ("step %u laptop %u: synced\n", n, d);
      if (outcome == LIN_SYNC_OUTCOME_PERMANENT)
        g_printerr ("step %u laptop %u: %s, problem %d\n", n, d, error != NULL ? error->message : "-",
                    lin_sync_get_problem (device->sync));
      /* merges may need another attempt; nothing here is refused */
      g_assert_cmpint (outcome, !=, LIN_SYNC_OUTCOME_PERMANENT);
      g_assert_cmpint (lin_sync_get_problem (device->sync), ==, LIN_SYNC_PROBLEM_NONE);
      g_clear_error (&error);
      model->n_syncs++;
    }
  else
    model->cut[d] = !model->cut[d];
}

static gboolean
quiet (Model *model)
{
  for (guint i = 0; i < N_DEVICES; i++)
    if (lin_store_get_n_outbox (model->devices[i]->store) > 0)
      return FALSE;

  return TRUE;
}

static gboolean
in_conflict_copy (LinTestDevice *device,
                  Edit          *edit)
{
  g_autoptr(GPtrArray) conflicts = lin_store_list (device->store, LIN_CONFLICT_KIND);
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), edit->value);
  g_autofree char *text = json_to_string (node, FALSE);

  for (guint i = 0; i < conflicts->len; i++)
    if (g_strcmp0 (lin_record_get_string (conflicts->pdata[i], LIN_CONFLICT_FIELD_RECORD), edit->record) == 0 &&
        g_strcmp0 (lin_record_get_string (conflicts->pdata[i], LIN_CONFLICT_FIELD_MEMBER), edit->field) == 0 &&
        g_strcmp0 (lin_record_get_string (conflicts->pdata[i], LIN_CONFLICT_FIELD_VALUE), text) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
in_history (Model *model,
            Edit  *edit)
{
  for (guint i = 0; i < N_DEVICES; i++)
    {
      g_autoptr(GPtrArray) revisions = lin_store_list_revisions (model->devices[i]->store, edit->record, NULL);

      for (guint r = 0; revisions != NULL && r < revisions->len; r++)
        if (g_strcmp0 (lin_record_get_string (revisions->pdata[r], edit->field), edit->value) == 0)
          return TRUE;
    }

  return FALSE;
}

static gboolean
replaced_by_own (Model *model,
                 guint  index)
{
  Edit *edit = model->edits->pdata[index];

  for (guint i = index + 1; i < model->edits->len; i++)
    {
      Edit *later = model->edits->pdata[i];

      if (later->device == edit->device && g_str_equal (later->record, edit->record) &&
          g_str_equal (later->field, edit->field))
        return TRUE;
    }

  for (guint i = 0; i < model->deletions->len; i++)
    {
      Edit *deletion = model->deletions->pdata[i];

      if (deletion->device == edit->device && deletion->step > edit->step &&
          g_str_equal (deletion->record, edit->record))
        return TRUE;
    }

  return FALSE;
}

static void
run_model (guint32 seed)
{
  Model model = { { NULL, }, };
  guint in_record = 0, in_copy = 0, in_hist = 0, replaced = 0, deleted = 0, seen = 0;
  gboolean converged = FALSE;

  g_test_message ("seed %u", seed);
  model.rand = g_rand_new_with_seed (seed);
  model.edits = g_ptr_array_new_with_free_func ((GDestroyNotify)edit_free);
  model.deletions = g_ptr_array_new_with_free_func ((GDestroyNotify)edit_free);
  model.seen_away = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  model.devices[0] = lin_test_device_found (server, data_dir, "Model 0");
  for (guint i = 1; i < N_DEVICES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Model %u", i);

      model.devices[i] = lin_test_device_join (server, model.devices[0], data_dir, name);
    }
  for (guint i = 0; i < N_DEVICES; i++)
    lin_store_set_clock_skew (model.devices[i]->store, g_rand_int_range (model.rand, -600000, 600001));

  for (guint n = 0; n < N_STEPS; n++)
    step (&model, n);

  /* the cut heals; everyone syncs until nothing waits anywhere */
  for (guint round = 0; round < 12 && !converged; round++)
    {
      for (guint i = 0; i < N_DEVICES; i++)
        {
          g_autoptr(GError) error = NULL;

          lin_test_device_sync (model.devices[i], &error);
          g_assert_cmpint (lin_sync_get_problem (model.devices[i]->sync), ==, LIN_SYNC_PROBLEM_NONE);
        }
      converged = quiet (&model);
    }
  /* one more, so that every laptop has what the last pushed */
  for (guint i = 0; i < N_DEVICES; i++)
    lin_test_device_sync_ok (model.devices[i]);
  g_assert_true (quiet (&model));
  lin_test_assert_converged (model.devices, N_DEVICES);

  for (guint i = 0; i < model.edits->len; i++)
    {
      Edit *edit = model.edits->pdata[i];
      LinRecord *record = lin_store_get (model.devices[0]->store, edit->record);

      if (record == NULL)
        deleted++;
      else if (g_strcmp0 (lin_record_get_string (record, edit->field), edit->value) == 0)
        in_record++;
      else if (in_conflict_copy (model.devices[0], edit))
        in_copy++;
      else if (replaced_by_own (&model, i))
        replaced++;
      else if (in_history (&model, edit))
        in_hist++;
      else if (g_hash_table_contains (model.seen_away, edit->value))
        seen++;
      else
        {
          for (guint j = 0; j < model.edits->len; j++)
            {
              Edit *e = model.edits->pdata[j];

              if (g_str_equal (e->record, edit->record))
                g_printerr ("  step %u laptop %u: %s = %s\n", e->step, e->device, e->field, e->value);
            }
          for (guint j = 0; j < model.deletions->len; j++)
            {
              Edit *e = model.deletions->pdata[j];

              if (g_str_equal (e->record, edit->record))
                g_printerr ("  step %u laptop %u: deleted\n", e->step, e->device);
            }
          if (record != NULL)
            g_printerr ("  now: %s\n", lin_record_dup_fields_json (record));
        }
      if (!(record == NULL || g_strcmp0 (lin_record_get_string (record, edit->field), edit->value) == 0 ||
            in_conflict_copy (model.devices[0], edit) || replaced_by_own (&model, i) || in_history (&model, edit) ||
            g_hash_table_contains (model.seen_away, edit->value)))
        g_error ("Seed %u: the edit of step %u on laptop %u (%s of %s) is nowhere", seed, edit->step,
                 edit->device, edit->field, edit->record);
    }

  g_test_message ("seed %u: %u edits (%u in their record, %u in a conflict copy, %u in history, %u replaced by the "
                  "same laptop, %u replaced or deleted by a laptop that showed them, %u of deleted records), "
                  "%u deletes, %u syncs",
                  seed, model.edits->len, in_record, in_copy, in_hist, replaced, seen, deleted, model.n_deletes,
                  model.n_syncs);
  g_assert_cmpuint (in_record, >, 0);

  for (guint i = 0; i < N_DEVICES; i++)
    lin_test_device_free (model.devices[i]);
  g_ptr_array_unref (model.edits);
  g_ptr_array_unref (model.deletions);
  g_hash_table_unref (model.seen_away);
  g_rand_free (model.rand);
}

static void
test_model (void)
{
  const char *one = g_getenv ("LINIJA_MODEL_SEED");
  const char *many = g_getenv ("LINIJA_MODEL_SEEDS");
  guint n = many != NULL ? (guint)g_ascii_strtoull (many, NULL, 10) : 3;

  if (one != NULL)
    {
      run_model ((guint32)g_ascii_strtoull (one, NULL, 10));
      return;
    }

  for (guint32 seed = 1; seed <= n; seed++)
    run_model (seed);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  server = lin_test_sync_begin ("sync-model", &data_dir);

  g_test_add_func ("/sync-model/five-laptops", test_model);

  ret = g_test_run ();

  lin_test_sync_end (server, data_dir);

  return ret;
}
