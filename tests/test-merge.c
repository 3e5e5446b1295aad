/* test-merge.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Merging two devices' changes of a record: a change on one side taken, the
 * later writer winning a field both changed with the other value kept, a
 * risk level and a safety flag never lowered by a clock and always sent for
 * review, an edit beating a delete; and, over 2,000 random triples, the
 * same result on both devices and every changed value either in the
 * result or among the losses.
 */

#include "config.h"

#include <string.h>

#include "lin-call.h"
#include "lin-merge.h"

static JsonObject *
object (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);

  return json_object_ref (json_node_get_object (node));
}

static char *
text (JsonObject *fields)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), fields);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);

  return json_generator_to_data (generator, NULL);
}

static const char *
loss_text (LinMergeResult *result,
           guint           i,
           char          **owned)
{
  LinMergeLoss *loss = g_ptr_array_index (result->losses, i);

  *owned = loss->value != NULL ? json_to_string (loss->value, FALSE) : g_strdup ("(removed)");

  return *owned;
}

static void
test_one_side (void)
{
  g_autoptr(JsonObject) base = object ("{\"a\":1,\"b\":\"x\",\"c\":true}");
  g_autoptr(JsonObject) ours = object ("{\"a\":2,\"b\":\"x\",\"c\":true}");
  g_autoptr(JsonObject) theirs = object ("{\"a\":1,\"b\":\"y\",\"d\":[1,2]}");
  g_autoptr(LinMergeResult) result = lin_merge_fields ("person", base, ours, 10, theirs, 20);
  g_autofree char *merged = text (result->fields);

  /* ours a, theirs b, theirs removed c, theirs added d */
  g_assert_cmpstr (merged, ==, "{\"a\":2,\"b\":\"y\",\"d\":[1,2]}");
  g_assert_cmpuint (result->losses->len, ==, 0);
  g_assert_false (result->review);
}

static void
test_both (void)
{
  g_autoptr(JsonObject) base = object ("{\"alias\":\"Ana\",\"max_week_hours\":40}");
  g_autoptr(JsonObject) ours = object ("{\"alias\":\"Ana B.\",\"max_week_hours\":40}");
  g_autoptr(JsonObject) theirs = object ("{\"alias\":\"Ana C.\"}");
  g_autoptr(LinMergeResult) later_theirs = lin_merge_fields ("person", base, ours, 100, theirs, 200);
  g_autoptr(LinMergeResult) later_ours = lin_merge_fields ("person", base, ours, 300, theirs, 200);
  g_autofree char *a = text (later_theirs->fields);
  g_autofree char *b = text (later_ours->fields);
  g_autofree char *lost = NULL;

  /* alias: both changed, the later wins; hours: only theirs removed it */
  g_assert_cmpstr (a, ==, "{\"alias\":\"Ana C.\"}");
  g_assert_cmpuint (later_theirs->losses->len, ==, 1);
  g_assert_cmpstr (((LinMergeLoss *)g_ptr_array_index (later_theirs->losses, 0))->member, ==, "alias");
  g_assert_cmpstr (loss_text (later_theirs, 0, &lost), ==, "\"Ana B.\"");
  g_assert_cmpuint (((LinMergeLoss *)g_ptr_array_index (later_theirs->losses, 0))->hlc, ==, 100);
  g_assert_cmpstr (b, ==, "{\"alias\":\"Ana B.\"}");
}

static void
test_safety (void)
{
  g_autoptr(JsonObject) base = object ("{\"risk\":{\"final_level\":\"standard\"},\"flagged\":false}");
  /* we judged her in danger and flagged the call first; they, later,
   * judged her risk medium */
  g_autoptr(JsonObject) ours = object ("{\"risk\":{\"final_level\":\"high\"},\"flagged\":true}");
  g_autoptr(JsonObject) theirs = object ("{\"risk\":{\"final_level\":\"medium\"},\"flagged\":false,\"notes\":1}");
  g_autoptr(LinMergeResult) result = lin_merge_fields (LIN_CALL_KIND, base, ours, 1, theirs, 999);
  g_autoptr(LinMergeResult) other = lin_merge_fields ("person", base, ours, 1, theirs, 999);
  g_autofree char *merged = text (result->fields);
  g_autofree char *not_a_call = text (other->fields);


  g_assert_cmpstr (merged, ==, "{\"flagged\":true,\"notes\":1,\"risk\":{\"final_level\":\"high\"}}");
  g_assert_true (result->review);
  /* their medium is kept; their flag was the base's: ours stands */
  g_assert_cmpuint (result->losses->len, ==, 1);
  g_assert_cmpstr (((LinMergeLoss *)g_ptr_array_index (result->losses, 0))->member, ==, "risk");
  /* not a call: the later writer's risk, no review */
  g_assert_false (other->review);
  g_assert_cmpstr (not_a_call, ==, "{\"flagged\":true,\"notes\":1,\"risk\":{\"final_level\":\"medium\"}}");

  /* both raised it, differently: the higher level, and a review */
  {
    g_autoptr(JsonObject) high = object ("{\"risk\":{\"final_level\":\"high\",\"score\":9}}");
    g_autoptr(JsonObject) medium = object ("{\"risk\":{\"final_level\":\"medium\",\"score\":5}}");
    g_autoptr(JsonObject) start = object ("{\"risk\":{\"final_level\":\"none\"}}");
    g_autoptr(LinMergeResult) raised = lin_merge_fields (LIN_CALL_KIND, start, medium, 50, high, 10);
    g_autofree char *level = text (raised->fields);
    g_autofree char *lost = NULL;

    g_assert_cmpstr (level, ==, "{\"risk\":{\"final_level\":\"high\",\"score\":9}}");
    g_assert_true (raised->review);
    g_assert_cmpstr (loss_text (raised, 0, &lost), ==, "{\"final_level\":\"medium\",\"score\":5}");
  }
}

static void
test_deleted (void)
{
  /* both deleted: deleted; one deleted, the other edited: the edit stays;
   * one deleted, the other untouched: deleted */
  g_assert_true (lin_merge_keep_deleted (TRUE, FALSE, TRUE, FALSE));
  g_assert_false (lin_merge_keep_deleted (TRUE, FALSE, FALSE, TRUE));
  g_assert_false (lin_merge_keep_deleted (FALSE, TRUE, TRUE, FALSE));
  g_assert_true (lin_merge_keep_deleted (TRUE, FALSE, FALSE, FALSE));
  g_assert_true (lin_merge_keep_deleted (FALSE, FALSE, TRUE, FALSE));
  g_assert_false (lin_merge_keep_deleted (FALSE, TRUE, FALSE, TRUE));
}

/* Random records of a few fields and a few values each */
static JsonObject *
random_fields (GRand      *rand,
               JsonObject *from)
{
  static const char *names[] = { "risk", "flagged", "alias", "municipality", "services" };
  g_autofree char *copy = from != NULL ? text (from) : NULL;
  JsonObject *fields = copy != NULL ? object (copy) : json_object_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      int dice = g_rand_int_range (rand, 0, 6);

      if (from != NULL && dice < 3)
        continue;   /* unchanged */
      if (dice == 5)
        json_object_remove_member (fields, names[i]);
      else if (g_str_equal (names[i], "risk"))
        {
          static const char *levels[] = { "none", "standard", "medium", "high" };
          JsonObject *risk = json_object_new ();

          json_object_set_string_member (risk, "final_level", levels[g_rand_int_range (rand, 0, 4)]);
          json_object_set_object_member (fields, names[i], risk);
        }
      else if (g_str_equal (names[i], "flagged"))
        json_object_set_boolean_member (fields, names[i], g_rand_boolean (rand));
      else
        json_object_set_int_member (fields, names[i], g_rand_int_range (rand, 0, 3));
    }

  return fields;
}

static gboolean
value_kept (LinMergeResult *result,
            const char     *name,
            JsonNode       *value)
{
  JsonNode *merged = json_object_get_member (result->fields, name);

  if (value == NULL ? merged == NULL : merged != NULL && json_node_equal (merged, value))
    return TRUE;
  for (guint i = 0; i < result->losses->len; i++)
    {
      LinMergeLoss *loss = g_ptr_array_index (result->losses, i);

      if (g_str_equal (loss->member, name) &&
          (value == NULL ? loss->value == NULL : loss->value != NULL && json_node_equal (loss->value, value)))
        return TRUE;
    }

  return FALSE;
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261126);

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(JsonObject) base = random_fields (rand, NULL);
      g_autoptr(JsonObject) ours = random_fields (rand, base);
      g_autoptr(JsonObject) theirs = random_fields (rand, base);
      guint64 our_hlc = g_rand_int_range (rand, 1, 4), their_hlc = g_rand_int_range (rand, 1, 4);
      const char *kind = round % 2 == 0 ? LIN_CALL_KIND : "follow-up";
      g_autoptr(LinMergeResult) here = lin_merge_fields (kind, base, ours, our_hlc, theirs, their_hlc);
      g_autoptr(LinMergeResult) there = lin_merge_fields (kind, base, theirs, their_hlc, ours, our_hlc);
      g_autofree char *a = text (here->fields);
      g_autofree char *b = text (there->fields);
      g_autoptr(GList) names = NULL;

      /* both devices end with the same record */
      g_assert_cmpstr (a, ==, b);
      g_assert_cmpuint (here->losses->len, ==, there->losses->len);
      g_assert_cmpint (here->review, ==, there->review);

      /* nothing either side changed is gone */
      names = json_object_get_members (ours);
      names = g_list_concat (names, json_object_get_members (theirs));
      names = g_list_concat (names, json_object_get_members (base));
      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonNode *was = json_object_get_member (base, l->data);
          JsonNode *sides[] = { json_object_get_member (ours, l->data), json_object_get_member (theirs, l->data) };

          for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
            if (sides[s] == NULL ? was != NULL : was == NULL || !json_node_equal (sides[s], was))
              g_assert_true (value_kept (here, l->data, sides[s]));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/one-side", test_one_side);
  g_test_add_func ("/merge/both", test_both);
  g_test_add_func ("/merge/safety", test_safety);
  g_test_add_func ("/merge/deleted", test_deleted);
  g_test_add_func ("/merge/random", test_random);

  return g_test_run ();
}
