/* lin-merge.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two devices changed the same record while apart: the merge of their
 * fields (ARCHITECTURE.md, the table of records). Against the revision
 * both started from, a field only one side changed takes that change; a
 * field both changed the same way is that value; a field both changed
 * differently goes to the later writer by hybrid logical clock, and the
 * earlier value is kept as a loss, for the record's history and the
 * conflicts list: no edit is dropped silently.
 *
 * Two fields of a call do not go to the later writer. The risk assessment
 * takes the higher final level and the safety flag stays raised: a
 * counsellor who judged a caller in danger is never overruled by a clock,
 * and either way a person is asked to look (a review item).
 *
 * Both replicas merge the same two revisions into the same result whichever
 * is "ours": equal clocks are broken by the values themselves. An edit
 * beats a concurrent delete (lin_merge_keep_deleted()).
 */

#define G_LOG_DOMAIN "lin-merge"

#include "config.h"

#include <string.h>

#include "lin-call.h"
#include "lin-merge.h"
#include "lin-risk.h"

static void
loss_free (gpointer data)
{
  LinMergeLoss *loss = data;

  g_free (loss->member);
  g_clear_pointer (&loss->value, json_node_unref);
  g_free (loss);
}

void
lin_merge_result_free (LinMergeResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->fields, json_object_unref);
  g_clear_pointer (&result->losses, g_ptr_array_unref);
  g_free (result);
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

static gboolean
same (JsonNode *a,
      JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return json_node_equal (a, b);
}

/* A total order of values, for equal clocks: the one that sorts later wins */
static int
compare_values (JsonNode *a,
                JsonNode *b)
{
  g_autofree char *x = a != NULL ? json_to_string (a, FALSE) : g_strdup ("");
  g_autofree char *y = b != NULL ? json_to_string (b, FALSE) : g_strdup ("");

  return strcmp (x, y);
}

static LinRiskLevel
risk_level (JsonNode *risk)
{
  JsonObject *object;
  const char *level;

  if (risk == NULL || !JSON_NODE_HOLDS_OBJECT (risk))
    return LIN_RISK_LEVEL_NONE;
  object = json_node_get_object (risk);
  level = json_object_get_string_member_with_default (object, LIN_RISK_FIELD_FINAL_LEVEL, NULL);

  return level != NULL ? lin_risk_level_from_code (level) : LIN_RISK_LEVEL_NONE;
}

static gboolean
flag_raised (JsonNode *flag)
{
  return flag != NULL && JSON_NODE_HOLDS_VALUE (flag) && json_node_get_value_type (flag) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (flag);
}

/* Which of two different values of a field both sides changed wins:
 * > 0 ours, < 0 theirs; *review when a person has to look */
static int
pick (const char *kind,
      const char *name,
      JsonNode   *ours,
      guint64     our_hlc,
      JsonNode   *theirs,
      guint64     their_hlc,
      gboolean   *review)
{
  if (g_strcmp0 (kind, LIN_CALL_KIND) == 0 && g_str_equal (name, LIN_CALL_FIELD_RISK))
    {
      LinRiskLevel a = risk_level (ours), b = risk_level (theirs);

      *review = TRUE;
      if (a != b)
        return a > b ? 1 : -1;
    }
  else if (g_strcmp0 (kind, LIN_CALL_KIND) == 0 && g_str_equal (name, LIN_CALL_FIELD_FLAGGED))
    {
      gboolean a = flag_raised (ours), b = flag_raised (theirs);

      *review = TRUE;
      if (a != b)
        return a ? 1 : -1;
    }

  if (our_hlc != their_hlc)
    return our_hlc > their_hlc ? 1 : -1;

  return compare_values (ours, theirs) >= 0 ? 1 : -1;
}

static void
add_names (GHashTable *names,
           JsonObject *object)
{
  g_autoptr(GList) members = object != NULL ? json_object_get_members (object) : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    g_hash_table_add (names, l->data);
}

static void
lose (LinMergeResult *result,
      const char     *name,
      JsonNode       *value,
      guint64         hlc)
{
  LinMergeLoss *loss = g_new0 (LinMergeLoss, 1);

  loss->member = g_strdup (name);
  loss->value = value != NULL ? json_node_copy (value) : NULL;
  loss->hlc = hlc;
  g_ptr_array_add (result->losses, loss);
}

/**
 * lin_merge_fields:
 * @kind: the record's kind ("call", "person", …)
 * @base: (nullable): the fields of the revision both started from, or
 *   %NULL when each made the record on its own
 * @ours: our fields
 * @our_hlc: when we wrote them
 * @theirs: their fields
 * @their_hlc: when they wrote them
 *
 * Returns: (transfer full): the merged fields, the values that lost, and
 *   whether a person must look
 */
LinMergeResult *
lin_merge_fields (const char *kind,
                  JsonObject *base,
                  JsonObject *ours,
                  guint64     our_hlc,
                  JsonObject *theirs,
                  guint64     their_hlc)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) sorted = NULL;
  LinMergeResult *result;

  g_return_val_if_fail (ours != NULL && theirs != NULL, NULL);

  result = g_new0 (LinMergeResult, 1);
  result->fields = json_object_new ();
  result->losses = g_ptr_array_new_with_free_func (loss_free);

  add_names (names, base);
  add_names (names, ours);
  add_names (names, theirs);
  /* in order, so that the losses come in the same order on each side */
  sorted = g_list_sort (g_hash_table_get_keys (names), (GCompareFunc)strcmp);

  for (GList *l = sorted; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *b = member (base, name), *o = member (ours, name), *t = member (theirs, name);
      JsonNode *winner;

      if (same (o, t) || same (t, b))
        winner = o;
      else if (same (o, b))
        winner = t;
      else if (pick (kind, name, o, our_hlc, t, their_hlc, &result->review) > 0)
        {
          winner = o;
          lose (result, name, t, their_hlc);
        }
      else
        {
          winner = t;
          lose (result, name, o, our_hlc);
        }

      if (winner != NULL)
        json_object_set_member (result->fields, name, json_node_copy (winner));
    }

  return result;
}

/**
 * lin_merge_keep_deleted:
 * @ours_deleted: we deleted the record
 * @ours_edited: we changed it since the revision both started from
 * @theirs_deleted: they deleted it
 * @theirs_edited: they changed it
 *
 * An edit beats a concurrent delete: a counsellor's words are not lost
 * because a colleague tidied up meanwhile.
 *
 * Returns: whether the record stays deleted
 */
gboolean
lin_merge_keep_deleted (gboolean ours_deleted,
                        gboolean ours_edited,
                        gboolean theirs_deleted,
                        gboolean theirs_edited)
{
  if (ours_deleted && theirs_deleted)
    return TRUE;
  if (ours_deleted)
    return !theirs_edited;
  if (theirs_deleted)
    return !ours_edited;

  return FALSE;
}
