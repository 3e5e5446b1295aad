/* test-risk.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Risk scoring on examples worked out by hand with Linija's checklist
 * (data/risk/linija.json), the rules of professional judgement, checklists
 * that are not checklists, and another instrument's shape. /risk/translated/
 * checks every text in the build's sr and rom catalogues: meson runs it as
 * its own test (risk-translated), which fails until the translations are
 * added.
 */

#include "config.h"

#include <string.h>

#include "lin-i18n.h"
#include "lin-risk.h"

/* The shipped checklist, as the hand-worked examples below assume it:
 * weights sum to 63; bands standard from 0, medium from 5, high from 12. */
typedef struct
{
  const char *code;
  guint       weight;
  gboolean    critical;
} ItemSpec;

static const ItemSpec linija_items[] = {
  { "threat-to-kill", 5, TRUE },
  { "strangulation", 5, TRUE },
  { "weapon-threat", 5, TRUE },
  { "weapon-access", 4, TRUE },
  { "fear-for-life", 5, TRUE },
  { "escalation", 3, FALSE },
  { "separation", 3, FALSE },
  { "pregnancy", 3, FALSE },
  { "stalking", 3, FALSE },
  { "threat-to-children", 4, FALSE },
  { "order-violation", 3, FALSE },
  { "suicide-threat", 3, FALSE },
  { "jealousy-control", 2, FALSE },
  { "forced-sex", 3, FALSE },
  { "substance-abuse", 2, FALSE },
  { "unemployment", 2, FALSE },
  { "violence-to-others", 2, FALSE },
  { "isolation", 2, FALSE },
  { "pet-abuse", 2, FALSE },
  { "child-not-his", 2, FALSE },
};

static void
test_shipped (void)
{
  LinRiskChecklist *checklist = lin_risk_checklist_get_default ();
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  LinRiskScore score;

  g_assert_nonnull (checklist);
  g_assert_true (lin_risk_checklist_get_default () == checklist);
  g_assert_cmpstr (lin_risk_checklist_get_id (checklist), ==, "linija");
  g_assert_cmpuint (lin_risk_checklist_get_version (checklist), ==, 1);
  g_assert_cmpstr (lin_risk_checklist_get_title (checklist), ==, "Linija risk checklist");
  g_assert_cmpuint (lin_risk_checklist_get_n_items (checklist), ==, G_N_ELEMENTS (linija_items));

  for (guint i = 0; i < G_N_ELEMENTS (linija_items); i++)
    {
      const char *text = lin_risk_checklist_get_item_text (checklist, i);

      g_assert_cmpstr (lin_risk_checklist_get_item_code (checklist, i), ==, linija_items[i].code);
      g_assert_cmpuint (lin_risk_checklist_get_item_weight (checklist, i), ==, linija_items[i].weight);
      g_assert_cmpint (lin_risk_checklist_get_item_critical (checklist, i), ==, linija_items[i].critical);
      g_assert_true (g_hash_table_add (codes, (char *)linija_items[i].code));

      /* short questions she can read aloud */
      g_assert_true (g_str_has_suffix (text, "?"));
      g_assert_cmpuint (g_utf8_strlen (text, -1), <=, 90);
    }

  lin_risk_checklist_score (checklist, NULL, &score);
  g_assert_cmpuint (score.max_score, ==, 63);
}

/* Answers from "code=answer" pairs: y, n or ? */
static GHashTable *
answers_new (const char *first,
             ...)
{
  GHashTable *answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  va_list args;

  va_start (args, first);
  for (const char *pair = first; pair != NULL; pair = va_arg (args, const char *))
    {
      const char *eq = strchr (pair, '=');
      LinRiskAnswer answer;

      g_assert_nonnull (eq);
      switch (eq[1])
        {
        case 'y': answer = LIN_RISK_ANSWER_YES; break;
        case 'n': answer = LIN_RISK_ANSWER_NO; break;
        case '?': answer = LIN_RISK_ANSWER_UNKNOWN; break;
        default: g_assert_not_reached ();
        }

      g_hash_table_insert (answers, g_strndup (pair, eq - pair), GINT_TO_POINTER (answer));
    }
  va_end (args);

  return answers;
}

/* Every item of the shipped checklist answered "no", then @yes "yes" */
static GHashTable *
all_no_but (const char * const *yes)
{
  GHashTable *answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (linija_items); i++)
    g_hash_table_insert (answers, g_strdup (linija_items[i].code), GINT_TO_POINTER (LIN_RISK_ANSWER_NO));
  for (guint i = 0; yes != NULL && yes[i] != NULL; i++)
    g_hash_table_insert (answers, g_strdup (yes[i]), GINT_TO_POINTER (LIN_RISK_ANSWER_YES));

  return answers;
}

static void
assert_score (const LinRiskScore *score,
              guint               points,
              guint               n_yes,
              guint               n_no,
              guint               n_unknown,
              guint               n_unanswered,
              gboolean            critical_yes,
              LinRiskLevel        level)
{
  g_assert_cmpuint (score->score, ==, points);
  g_assert_cmpuint (score->max_score, ==, 63);
  g_assert_cmpuint (score->n_yes, ==, n_yes);
  g_assert_cmpuint (score->n_no, ==, n_no);
  g_assert_cmpuint (score->n_unknown, ==, n_unknown);
  g_assert_cmpuint (score->n_unanswered, ==, n_unanswered);
  g_assert_cmpint (score->critical_yes, ==, critical_yes);
  g_assert_cmpint (score->level, ==, level);
}

static void
test_score_examples (void)
{
  LinRiskChecklist *checklist = lin_risk_checklist_get_default ();
  LinRiskScore score;

  /* nothing asked yet: not assessed */
  {
    g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);

    lin_risk_checklist_score (checklist, answers, &score);
    assert_score (&score, 0, 0, 0, 0, 20, FALSE, LIN_RISK_LEVEL_NONE);
  }

  /* all twenty "no": 0, standard */
  {
    g_autoptr(GHashTable) answers = all_no_but (NULL);

    lin_risk_checklist_score (checklist, answers, &score);
    assert_score (&score, 0, 0, 20, 0, 0, FALSE, LIN_RISK_LEVEL_STANDARD);
  }

  /* jealousy 2 + substances 2 = 4 < 5: standard */
  {
    const char *yes[] = { "jealousy-control", "substance-abuse", NULL };
    g_autoptr(GHashTable) answers = all_no_but (yes);

    lin_risk_checklist_score (checklist, answers, &score);
    assert_score (&score, 4, 2, 18, 0, 0, FALSE, LIN_RISK_LEVEL_STANDARD);
  }

  /* jealousy 2 + substances 2 + out of work 2 = 6 >= 5: medium */
  {
    const char *yes[] = { "jealousy-control", "substance-abuse", "unemployment", NULL };
    g_autoptr(GHashTable) answers = all_no_but (yes);

    lin_risk_checklist_score (checklist, answers, &score);
    assert_score (&score, 6, 3, 17, 0, 0, FALSE, LIN_RISK_LEVEL_MEDIUM);
  }

  /* escalation 3 + isolation 2 = 5, medium's first point */
  {
    const char *yes[] = { "escalation", "isolation", NULL };
    g_autoptr(GHashTable) answers = all_no_but (yes);

    lin_risk_checklist_score (checklist, answers, &score);
    assert_score (&score, 5, 2, 18, 0, 0, FALSE, LIN_RISK_LEVEL_MEDIUM);
  }

  /* escalation 3 + separation 3 + stalking 3 + isolation 2 = 11 < 12:
   * still medium */
  {
    const char *yes[] = { "escalation", "separation", "stalking", "isolation", NULL };
    g_autoptr(GHashTable) answers = all_no_but (yes);

    lin_risk_checklist_score (checklist, answers, &score);
    assert_score (&score, 11, 4, 16, 0, 0, FALSE, LIN_RISK_LEVEL_MEDIUM);
  }

  /* escalation 3 + separation 3 + stalking 3 + broken order 3 = 12:
   * high, from the score alone */
  {
    const char *yes[] = { "escalation", "separation", "stalking", "order-violation", NULL };
    g_autoptr(GHashTable) answers = all_no_but (yes);

    lin_risk_checklist_score (checklist, answers, &score);
    assert_score (&score, 12, 4, 16, 0, 0, FALSE, LIN_RISK_LEVEL_HIGH);
  }

  /* threats to the children 4 + pregnancy 3 + forced sex 3 + pets 2 +
   * jealousy 2 = 14: high */
  {
    const char *yes[] = { "threat-to-children", "pregnancy", "forced-sex", "pet-abuse", "jealousy-control", NULL };
    g_autoptr(GHashTable) answers = all_no_but (yes);

    lin_risk_checklist_score (checklist, answers, &score);
    assert_score (&score, 14, 5, 15, 0, 0, FALSE, LIN_RISK_LEVEL_HIGH);
  }

  /* every item yes: 63, high */
  {
    g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < G_N_ELEMENTS (linija_items); i++)
      g_hash_table_insert (answers, (char *)linija_items[i].code, GINT_TO_POINTER (LIN_RISK_ANSWER_YES));

    lin_risk_checklist_score (checklist, answers, &score);
    assert_score (&score, 63, 20, 0, 0, 0, TRUE, LIN_RISK_LEVEL_HIGH);
  }
}

static void
test_score_critical (void)
{
  LinRiskChecklist *checklist = lin_risk_checklist_get_default ();
  LinRiskScore score;

  /* strangulation alone: 5 would be medium, but it is critical: high */
  {
    const char *yes[] = { "strangulation", NULL };
    g_autoptr(GHashTable) answers = all_no_but (yes);

    lin_risk_checklist_score (checklist, answers, &score);
    assert_score (&score, 5, 1, 19, 0, 0, TRUE, LIN_RISK_LEVEL_HIGH);
  }

  /* each critical item on its own, the others not asked: high */
  for (guint i = 0; i < G_N_ELEMENTS (linija_items); i++)
    {
      g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);

      g_hash_table_insert (answers, (char *)linija_items[i].code, GINT_TO_POINTER (LIN_RISK_ANSWER_YES));
      lin_risk_checklist_score (checklist, answers, &score);

      g_assert_cmpuint (score.score, ==, linija_items[i].weight);
      g_assert_cmpuint (score.n_unanswered, ==, 19);
      g_assert_cmpint (score.critical_yes, ==, linija_items[i].critical);
      if (linija_items[i].critical)
        g_assert_cmpint (score.level, ==, LIN_RISK_LEVEL_HIGH);
      else
        g_assert_cmpint (score.level, <, LIN_RISK_LEVEL_HIGH);
    }

  /* the critical items answered "no" do not count at all: weapon access
   * no, threat to kill no, escalation 3 + stalking 3 = 6: medium */
  {
    g_autoptr(GHashTable) answers = answers_new ("weapon-access=n", "threat-to-kill=n",
                                                 "escalation=y", "stalking=y", NULL);

    lin_risk_checklist_score (checklist, answers, &score);
    assert_score (&score, 6, 2, 2, 0, 16, FALSE, LIN_RISK_LEVEL_MEDIUM);
  }
}

static void
test_score_unknown (void)
{
  LinRiskChecklist *checklist = lin_risk_checklist_get_default ();
  LinRiskScore score;

  /* "doesn't know" adds nothing, even to a critical item, but is counted:
   * escalation 3 = 3, standard, two unknown, seventeen not asked */
  {
    g_autoptr(GHashTable) answers = answers_new ("fear-for-life=?", "threat-to-kill=?",
                                                 "escalation=y", NULL);

    lin_risk_checklist_score (checklist, answers, &score);
    assert_score (&score, 3, 1, 0, 2, 17, FALSE, LIN_RISK_LEVEL_STANDARD);
  }

  /* only "doesn't know": assessed, 0, standard */
  {
    g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < G_N_ELEMENTS (linija_items); i++)
      g_hash_table_insert (answers, (char *)linija_items[i].code, GINT_TO_POINTER (LIN_RISK_ANSWER_UNKNOWN));

    lin_risk_checklist_score (checklist, answers, &score);
    assert_score (&score, 0, 0, 0, 20, 0, FALSE, LIN_RISK_LEVEL_STANDARD);
  }

  /* codes the checklist does not have are ignored; NONE is not an answer:
   * separation 3 + stalking 3 = 6, medium */
  {
    g_autoptr(GHashTable) answers = answers_new ("no-such-item=y", "Threat-To-Kill=y",
                                                 "separation=y", "stalking=y", NULL);

    g_hash_table_insert (answers, g_strdup ("escalation"), GINT_TO_POINTER (LIN_RISK_ANSWER_NONE));
    lin_risk_checklist_score (checklist, answers, &score);
    assert_score (&score, 6, 2, 0, 0, 18, FALSE, LIN_RISK_LEVEL_MEDIUM);
  }
}

static void
test_judgement (void)
{
  g_autoptr(GError) error = NULL;
  LinRiskLevel level;

  /* raise with a reason */
  level = lin_risk_apply_judgement (LIN_RISK_LEVEL_MEDIUM, LIN_RISK_LEVEL_HIGH,
                                    "He bought a hunting rifle last week", &error);
  g_assert_no_error (error);
  g_assert_cmpint (level, ==, LIN_RISK_LEVEL_HIGH);

  level = lin_risk_apply_judgement (LIN_RISK_LEVEL_STANDARD, LIN_RISK_LEVEL_MEDIUM,
                                    "Она се плаши", &error);
  g_assert_no_error (error);
  g_assert_cmpint (level, ==, LIN_RISK_LEVEL_MEDIUM);

  /* not assessed, raised straight to high */
  level = lin_risk_apply_judgement (LIN_RISK_LEVEL_NONE, LIN_RISK_LEVEL_HIGH,
                                    "She could not talk; shouting behind her", &error);
  g_assert_no_error (error);
  g_assert_cmpint (level, ==, LIN_RISK_LEVEL_HIGH);

  /* no judgement, or the same level: no reason needed */
  level = lin_risk_apply_judgement (LIN_RISK_LEVEL_MEDIUM, LIN_RISK_LEVEL_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (level, ==, LIN_RISK_LEVEL_MEDIUM);
  level = lin_risk_apply_judgement (LIN_RISK_LEVEL_HIGH, LIN_RISK_LEVEL_HIGH, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (level, ==, LIN_RISK_LEVEL_HIGH);

  /* raise without a reason: refused */
  level = lin_risk_apply_judgement (LIN_RISK_LEVEL_STANDARD, LIN_RISK_LEVEL_HIGH, NULL, &error);
  g_assert_error (error, LIN_RISK_ERROR, LIN_RISK_ERROR_NO_REASON);
  g_assert_cmpint (level, ==, LIN_RISK_LEVEL_NONE);
  g_clear_error (&error);

  level = lin_risk_apply_judgement (LIN_RISK_LEVEL_MEDIUM, LIN_RISK_LEVEL_HIGH, " \t\n\u00a0", &error);
  g_assert_error (error, LIN_RISK_ERROR, LIN_RISK_ERROR_NO_REASON);
  g_assert_cmpint (level, ==, LIN_RISK_LEVEL_NONE);
  g_clear_error (&error);

  level = lin_risk_apply_judgement (LIN_RISK_LEVEL_NONE, LIN_RISK_LEVEL_STANDARD, "", &error);
  g_assert_error (error, LIN_RISK_ERROR, LIN_RISK_ERROR_NO_REASON);
  g_clear_error (&error);

  /* lower: refused, with or without a reason */
  level = lin_risk_apply_judgement (LIN_RISK_LEVEL_HIGH, LIN_RISK_LEVEL_MEDIUM,
                                    "She says he calmed down", &error);
  g_assert_error (error, LIN_RISK_ERROR, LIN_RISK_ERROR_LOWER);
  g_assert_cmpint (level, ==, LIN_RISK_LEVEL_NONE);
  g_clear_error (&error);

  level = lin_risk_apply_judgement (LIN_RISK_LEVEL_MEDIUM, LIN_RISK_LEVEL_STANDARD, NULL, &error);
  g_assert_error (error, LIN_RISK_ERROR, LIN_RISK_ERROR_LOWER);
  g_clear_error (&error);

  level = lin_risk_apply_judgement (LIN_RISK_LEVEL_HIGH, LIN_RISK_LEVEL_STANDARD, "x", &error);
  g_assert_error (error, LIN_RISK_ERROR, LIN_RISK_ERROR_LOWER);
  g_clear_error (&error);
}

static void
test_levels (void)
{
  for (LinRiskLevel level = LIN_RISK_LEVEL_STANDARD; level <= LIN_RISK_LEVEL_HIGH; level++)
    g_assert_cmpint (lin_risk_level_from_code (lin_risk_level_to_code (level)), ==, level);

  g_assert_cmpstr (lin_risk_level_to_code (LIN_RISK_LEVEL_NONE), ==, "");
  g_assert_cmpstr (lin_risk_level_to_code (LIN_RISK_LEVEL_STANDARD), ==, "standard");
  g_assert_cmpstr (lin_risk_level_to_code (LIN_RISK_LEVEL_MEDIUM), ==, "medium");
  g_assert_cmpstr (lin_risk_level_to_code (LIN_RISK_LEVEL_HIGH), ==, "high");
  g_assert_cmpint (lin_risk_level_from_code (NULL), ==, LIN_RISK_LEVEL_NONE);
  g_assert_cmpint (lin_risk_level_from_code (""), ==, LIN_RISK_LEVEL_NONE);
  g_assert_cmpint (lin_risk_level_from_code ("High"), ==, LIN_RISK_LEVEL_NONE);
  g_assert_cmpint (lin_risk_level_from_code ("critical"), ==, LIN_RISK_LEVEL_NONE);

  g_assert_cmpstr (lin_risk_level_get_label (LIN_RISK_LEVEL_NONE), ==, "Not assessed");
  g_assert_cmpstr (lin_risk_level_get_label (LIN_RISK_LEVEL_STANDARD), ==, "Standard");
  g_assert_cmpstr (lin_risk_level_get_label (LIN_RISK_LEVEL_MEDIUM), ==, "Medium");
  g_assert_cmpstr (lin_risk_level_get_label (LIN_RISK_LEVEL_HIGH), ==, "High");
}

typedef struct
{
  const char *name;
  const char *json;
  const char *message;   /* a part of the error's message */
} Invalid;

#define HEAD "\"checklist\": \"x\", \"version\": 1, \"title\": \"X\""
#define ITEMS "\"items\": [ { \"code\": \"a\", \"text\": \"A?\", \"weight\": 2 }, " \
                           "{ \"code\": \"b\", \"text\": \"B?\", \"weight\": 3 } ]"
#define BANDS "\"bands\": [ { \"level\": \"standard\", \"min\": 0 }, { \"level\": \"high\", \"min\": 4 } ]"

static const Invalid invalid[] = {
  { "not-json", "{ " HEAD ", ", "not JSON" },
  { "empty", "", "not a JSON object" },
  { "not-object", "[ " ITEMS " ]", "not JSON" },
  { "array", "[ 1 ]", "not a JSON object" },
  { "no-id", "{ \"version\": 1, \"title\": \"X\", " ITEMS ", " BANDS " }", "\"checklist\"" },
  { "bad-id", "{ \"checklist\": \"X Y\", \"version\": 1, \"title\": \"X\", " ITEMS ", " BANDS " }", "\"checklist\"" },
  { "no-version", "{ \"checklist\": \"x\", \"title\": \"X\", " ITEMS ", " BANDS " }", "\"version\"" },
  { "version-zero", "{ \"checklist\": \"x\", \"version\": 0, \"title\": \"X\", " ITEMS ", " BANDS " }", "\"version\"" },
  { "no-title", "{ \"checklist\": \"x\", \"version\": 1, " ITEMS ", " BANDS " }", "\"title\"" },
  { "translate-text", "{ " HEAD ", \"translate\": \"no\", " ITEMS ", " BANDS " }", "\"translate\"" },
  { "missing-items", "{ " HEAD ", " BANDS " }", "\"items\"" },
  { "empty-items", "{ " HEAD ", \"items\": [], " BANDS " }", "\"items\"" },
  { "items-object", "{ " HEAD ", \"items\": { \"a\": 1 }, " BANDS " }", "\"items\"" },
  { "item-not-object", "{ " HEAD ", \"items\": [ \"a\" ], " BANDS " }", "item 1" },
  { "item-no-code", "{ " HEAD ", \"items\": [ { \"text\": \"A?\", \"weight\": 2 } ], " BANDS " }", "item 1: \"code\"" },
  { "item-no-text", "{ " HEAD ", \"items\": [ { \"code\": \"a\", \"weight\": 2 } ], " BANDS " }", "item 1: \"text\"" },
  { "item-blank-text", "{ " HEAD ", \"items\": [ { \"code\": \"a\", \"text\": \"  \", \"weight\": 2 } ], " BANDS " }", "item 1: \"text\"" },
  { "duplicate-codes", "{ " HEAD ", \"items\": [ { \"code\": \"a\", \"text\": \"A?\", \"weight\": 2 }, "
                       "{ \"code\": \"a\", \"text\": \"B?\", \"weight\": 3 } ], " BANDS " }", "\"a\" is there twice" },
  { "negative-weight", "{ " HEAD ", \"items\": [ { \"code\": \"a\", \"text\": \"A?\", \"weight\": -2 }, "
                       "{ \"code\": \"b\", \"text\": \"B?\", \"weight\": 9 } ], " BANDS " }", "item 1: \"weight\"" },
  { "fractional-weight", "{ " HEAD ", \"items\": [ { \"code\": \"a\", \"text\": \"A?\", \"weight\": 2.5 }, "
                         "{ \"code\": \"b\", \"text\": \"B?\", \"weight\": 3 } ], " BANDS " }", "item 1: \"weight\"" },
  { "no-weight", "{ " HEAD ", \"items\": [ { \"code\": \"a\", \"text\": \"A?\" }, "
                 "{ \"code\": \"b\", \"text\": \"B?\", \"weight\": 3 } ], " BANDS " }", "item 1: \"weight\"" },
  { "huge-weight", "{ " HEAD ", \"items\": [ { \"code\": \"a\", \"text\": \"A?\", \"weight\": 4294967297 } ], " BANDS " }", "item 1: \"weight\"" },
  { "critical-text", "{ " HEAD ", \"items\": [ { \"code\": \"a\", \"text\": \"A?\", \"weight\": 2, \"critical\": 1 }, "
                     "{ \"code\": \"b\", \"text\": \"B?\", \"weight\": 3 } ], " BANDS " }", "item 1: \"critical\"" },
  { "missing-bands", "{ " HEAD ", " ITEMS " }", "\"bands\"" },
  { "empty-bands", "{ " HEAD ", " ITEMS ", \"bands\": [] }", "\"bands\"" },
  { "bands-unsorted", "{ " HEAD ", " ITEMS ", \"bands\": [ { \"level\": \"standard\", \"min\": 0 }, "
                      "{ \"level\": \"high\", \"min\": 4 }, { \"level\": \"medium\", \"min\": 2 } ] }",
    "band 3: bands must go up" },
  { "bands-min-down", "{ " HEAD ", " ITEMS ", \"bands\": [ { \"level\": \"standard\", \"min\": 0 }, "
                      "{ \"level\": \"medium\", \"min\": 4 }, { \"level\": \"high\", \"min\": 2 } ] }",
    "band 3: bands must go up" },
  { "bands-same-min", "{ " HEAD ", " ITEMS ", \"bands\": [ { \"level\": \"standard\", \"min\": 0 }, "
                      "{ \"level\": \"medium\", \"min\": 3 }, { \"level\": \"high\", \"min\": 3 } ] }",
    "band 3: bands must go up" },
  { "bands-same-level", "{ " HEAD ", " ITEMS ", \"bands\": [ { \"level\": \"standard\", \"min\": 0 }, "
                        "{ \"level\": \"standard\", \"min\": 3 } ] }",
    "band 2: bands must go up" },
  { "band-not-zero", "{ " HEAD ", " ITEMS ", \"bands\": [ { \"level\": \"standard\", \"min\": 1 }, "
                     "{ \"level\": \"high\", \"min\": 4 } ] }", "the first band must start at 0" },
  { "band-unknown-level", "{ " HEAD ", " ITEMS ", \"bands\": [ { \"level\": \"standard\", \"min\": 0 }, "
                          "{ \"level\": \"extreme\", \"min\": 4 } ] }", "\"extreme\" is not a level" },
  { "band-negative-min", "{ " HEAD ", " ITEMS ", \"bands\": [ { \"level\": \"standard\", \"min\": -1 } ] }",
    "band 1: \"min\"" },
  { "band-unreachable", "{ " HEAD ", " ITEMS ", \"bands\": [ { \"level\": \"standard\", \"min\": 0 }, "
                        "{ \"level\": \"high\", \"min\": 6 } ] }", "more than all the weights together (5)" },
  { "too-many-bands", "{ " HEAD ", " ITEMS ", \"bands\": [ { \"level\": \"standard\", \"min\": 0 }, "
                      "{ \"level\": \"medium\", \"min\": 1 }, { \"level\": \"high\", \"min\": 2 }, "
                      "{ \"level\": \"high\", \"min\": 3 } ] }", "more bands than levels" },
};

static void
test_invalid (gconstpointer data)
{
  const Invalid *t = data;
  g_autoptr(LinRiskChecklist) checklist = NULL;
  g_autoptr(GError) error = NULL;

  checklist = lin_risk_checklist_new_from_data (t->json, -1, &error);
  g_assert_null (checklist);
  g_assert_error (error, LIN_RISK_ERROR, LIN_RISK_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, t->message));
}

/* An organisation's own instrument in its own language: unweighted (each
 * yes counts 1), two bands, no critical items, one question asked but not
 * scored, and members our format does not know. */
static const char other_checklist[] =
  "{ \"checklist\": \"org-procena\", \"version\": 7, \"translate\": false,"
  "  \"title\": \"Процена ризика организације\","
  "  \"source\": \"fictional, for this test\","
  "  \"items\": ["
  "    { \"code\": \"q1\", \"text\": \"Да ли вам је претио?\", \"weight\": 1 },"
  "    { \"code\": \"q2\", \"text\": \"Да ли има оружје?\", \"weight\": 1 },"
  "    { \"code\": \"q3\", \"text\": \"Да ли сте се одселили?\", \"weight\": 1, \"critical\": false },"
  "    { \"code\": \"q4\", \"text\": \"Да ли је кажњаван?\", \"weight\": 1 },"
  "    { \"code\": \"q5\", \"text\": \"Где живите сада?\", \"weight\": 0 }"
  "  ],"
  "  \"bands\": [ { \"level\": \"standard\", \"min\": 0 }, { \"level\": \"high\", \"min\": 3 } ] }";

static void
test_other_checklist (void)
{
  g_autoptr(LinRiskChecklist) checklist = NULL;
  g_autoptr(GError) error = NULL;
  LinRiskScore score;

  checklist = lin_risk_checklist_new_from_data (other_checklist, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lin_risk_checklist_get_id (checklist), ==, "org-procena");
  g_assert_cmpuint (lin_risk_checklist_get_version (checklist), ==, 7);
  g_assert_cmpstr (lin_risk_checklist_get_title (checklist), ==, "Процена ризика организације");
  g_assert_cmpuint (lin_risk_checklist_get_n_items (checklist), ==, 5);
  g_assert_cmpstr (lin_risk_checklist_get_item_code (checklist, 1), ==, "q2");
  g_assert_cmpstr (lin_risk_checklist_get_item_text (checklist, 1), ==, "Да ли има оружје?");
  g_assert_cmpuint (lin_risk_checklist_get_item_weight (checklist, 4), ==, 0);
  g_assert_false (lin_risk_checklist_get_item_critical (checklist, 0));

  /* q1 + q2 = 2 < 3, the unscored q5 adds nothing: standard */
  {
    g_autoptr(GHashTable) answers = answers_new ("q1=y", "q2=y", "q3=n", "q5=y", NULL);

    lin_risk_checklist_score (checklist, answers, &score);
    g_assert_cmpuint (score.score, ==, 2);
    g_assert_cmpuint (score.max_score, ==, 4);
    g_assert_cmpuint (score.n_yes, ==, 3);
    g_assert_cmpuint (score.n_no, ==, 1);
    g_assert_cmpuint (score.n_unanswered, ==, 1);
    g_assert_cmpint (score.level, ==, LIN_RISK_LEVEL_STANDARD);
  }

  /* q1 + q2 + q4 = 3: high, with no medium band in between */
  {
    g_autoptr(GHashTable) answers = answers_new ("q1=y", "q2=y", "q3=?", "q4=y", NULL);

    lin_risk_checklist_score (checklist, answers, &score);
    g_assert_cmpuint (score.score, ==, 3);
    g_assert_cmpuint (score.n_unknown, ==, 1);
    g_assert_false (score.critical_yes);
    g_assert_cmpint (score.level, ==, LIN_RISK_LEVEL_HIGH);
  }

  /* the shipped checklist's codes mean nothing here */
  {
    g_autoptr(GHashTable) answers = answers_new ("threat-to-kill=y", NULL);

    lin_risk_checklist_score (checklist, answers, &score);
    g_assert_cmpuint (score.n_unanswered, ==, 5);
    g_assert_cmpint (score.level, ==, LIN_RISK_LEVEL_NONE);
  }

  /* a reference outlives the caller's */
  {
    LinRiskChecklist *ref = lin_risk_checklist_ref (checklist);

    g_clear_pointer (&checklist, lin_risk_checklist_unref);
    g_assert_cmpstr (lin_risk_checklist_get_id (ref), ==, "org-procena");
    lin_risk_checklist_unref (ref);
  }
}

/* Every text of the shipped checklist and every level's label in the
 * build's catalogue of @lang: a text that comes back in English is
 * missing. */
static void
check_translated (const char *lang)
{
  static const LinRiskLevel levels[] = {
    LIN_RISK_LEVEL_NONE, LIN_RISK_LEVEL_STANDARD, LIN_RISK_LEVEL_MEDIUM, LIN_RISK_LEVEL_HIGH,
  };
  LinRiskChecklist *checklist = lin_risk_checklist_get_default ();
  guint n_items = lin_risk_checklist_get_n_items (checklist);
  g_autoptr(GPtrArray) english = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n = 0;
  guint k = 0;

  /* before gettext is set up (the C locale), the English texts */
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (english, g_strdup (lin_risk_checklist_get_item_text (checklist, i)));
  g_ptr_array_add (english, g_strdup (lin_risk_checklist_get_title (checklist)));
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    g_ptr_array_add (english, g_strdup (lin_risk_level_get_label (levels[i])));
  g_assert_cmpstr (english->pdata[0], ==, "Has he threatened to kill you?");

  lin_i18n_init (lang);

  for (guint i = 0; i < n_items; i++, k++)
    if (g_str_equal (lin_risk_checklist_get_item_text (checklist, i), english->pdata[k]))
      g_string_append_printf (missing, "\n  risk \"%s\"", (char *)english->pdata[k]), n++;

  if (g_str_equal (lin_risk_checklist_get_title (checklist), english->pdata[k]))
    g_string_append_printf (missing, "\n  risk \"%s\"", (char *)english->pdata[k]), n++;
  k++;

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++, k++)
    if (g_str_equal (lin_risk_level_get_label (levels[i]), english->pdata[k]))
      g_string_append_printf (missing, "\n  risk level \"%s\"", (char *)english->pdata[k]), n++;

  if (n > 0)
    g_error ("%u risk texts are not translated in %s:%s", n, lang, missing->str);
}

static void
test_translated (gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_unsetenv ("LANGUAGE");
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      check_translated (data);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/risk/shipped", test_shipped);
  g_test_add_func ("/risk/score/examples", test_score_examples);
  g_test_add_func ("/risk/score/critical", test_score_critical);
  g_test_add_func ("/risk/score/unknown", test_score_unknown);
  g_test_add_func ("/risk/judgement", test_judgement);
  g_test_add_func ("/risk/levels", test_levels);
  g_test_add_func ("/risk/other-checklist", test_other_checklist);
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *path = g_strdup_printf ("/risk/invalid/%s", invalid[i].name);

      g_test_add_data_func (path, &invalid[i], test_invalid);
    }

  /* run apart, as risk-translated (tests/meson.build) */
  g_test_add_data_func ("/risk/translated/sr", "sr", test_translated);
  g_test_add_data_func ("/risk/translated/rom", "rom", test_translated);

  return g_test_run ();
}
