/* test-call.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Calls, notes and follow-ups through a real vault: every field round
 * trips, validation, the call-type rules, caller codes, immutable notes,
 * follow-up states across midnight and the clock changes in
 * Europe/Belgrade, the handover summary, the call log and the demo.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "lin-call-log.h"
#include "lin-codes.h"
#include "lin-demo.h"
#include "lin-places.h"
#include "lin-profile.h"
#include "lin-vault-test-utils.h"

/* One profile made at the first use, copied for each test */
static char *template_profile;

static char *
new_profile (void)
{
  g_autofree char *dir = lin_vault_test_make_tmp ("call");
  g_autofree char *name = NULL;
  char *profile;

  if (template_profile == NULL)
    {
      g_autofree char *template_dir = lin_vault_test_make_tmp ("template");

      template_profile = lin_vault_test_create_profile (template_dir, "Test");
    }

  name = g_path_get_basename (template_profile);
  profile = g_build_filename (dir, name, NULL);
  g_assert_cmpint (g_mkdir (profile, 0700), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      const char *file = i == 0 ? LIN_HEADER_FILE : LIN_STORE_FILE;
      g_autofree char *from = g_build_filename (template_profile, file, NULL);
      g_autofree char *to = g_build_filename (profile, file, NULL);

      lin_vault_test_copy_file (from, to);
    }

  return profile;
}

static LinStore *
unlock (const char *profile)
{
  g_autoptr(GError) error = NULL;
  LinStore *store = lin_profile_unlock (profile, LIN_VAULT_TEST_PASSPHRASE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static void
close_store (LinStore **store)
{
  lin_store_close (*store);
  g_clear_object (store);
}

static GDateTime *
at (const char *iso8601)
{
  GDateTime *time = lin_call_parse_time (iso8601);

  g_assert_nonnull (time);
  return time;
}

/* A minimal valid call */
static LinRecord *
new_call (const char *started,
          const char *call_type)
{
  LinRecord *call = lin_record_new (LIN_CALL_KIND);
  JsonObject *object = lin_record_get_fields (call);

  json_object_set_int_member (object, LIN_CALL_FIELD_SCHEMA, LIN_CALL_SCHEMA);
  json_object_set_string_member (object, LIN_CALL_FIELD_STARTED, started);
  json_object_set_string_member (object, LIN_CALL_FIELD_CHANNEL, "phone");
  json_object_set_string_member (object, LIN_CALL_FIELD_CALL_TYPE, call_type);
  json_object_set_string_member (object, LIN_CALL_FIELD_LANGUAGE, "sr");

  return call;
}

/* A risk object for @answers (item code → "yes"/"no"/"unknown"), scored by
 * the checklist, @judged above it when not NONE */
static JsonObject *
risk_object (const char * const *yes_items,
             LinRiskLevel        judged,
             const char         *reason)
{
  LinRiskChecklist *checklist = lin_risk_checklist_get_default ();
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *risk = json_object_new ();
  JsonObject *answer_object = json_object_new ();
  LinRiskScore score;
  LinRiskLevel final;

  for (guint i = 0; i < lin_risk_checklist_get_n_items (checklist); i++)
    {
      const char *code = lin_risk_checklist_get_item_code (checklist, i);
      gboolean yes = yes_items != NULL && g_strv_contains (yes_items, code);

      json_object_set_string_member (answer_object, code, yes ? "yes" : i % 5 == 4 ? "unknown" : "no");
      g_hash_table_insert (answers, (gpointer)code,
                           GINT_TO_POINTER (yes ? LIN_RISK_ANSWER_YES : i % 5 == 4 ? LIN_RISK_ANSWER_UNKNOWN
                                                                                  : LIN_RISK_ANSWER_NO));
    }
  lin_risk_checklist_score (checklist, answers, &score);
  final = lin_risk_apply_judgement (score.level, judged != LIN_RISK_LEVEL_NONE ? judged : score.level,
                                    reason, NULL);
  g_assert_cmpint (final, !=, LIN_RISK_LEVEL_NONE);

  json_object_set_string_member (risk, LIN_RISK_FIELD_CHECKLIST, lin_risk_checklist_get_id (checklist));
  json_object_set_int_member (risk, LIN_RISK_FIELD_VERSION, lin_risk_checklist_get_version (checklist));
  json_object_set_object_member (risk, LIN_RISK_FIELD_ANSWERS, answer_object);
  json_object_set_int_member (risk, LIN_RISK_FIELD_SCORE, score.score);
  json_object_set_string_member (risk, LIN_RISK_FIELD_LEVEL, lin_risk_level_to_code (score.level));
  if (judged != LIN_RISK_LEVEL_NONE)
    {
      json_object_set_string_member (risk, LIN_RISK_FIELD_JUDGED_LEVEL, lin_risk_level_to_code (judged));
      json_object_set_string_member (risk, LIN_RISK_FIELD_JUDGEMENT_REASON, reason);
    }
  json_object_set_string_member (risk, LIN_RISK_FIELD_FINAL_LEVEL, lin_risk_level_to_code (final));

  return risk;
}

static void
set_risk (LinRecord          *call,
          const char * const *yes_items)
{
  JsonObject *risk = risk_object (yes_items, LIN_RISK_LEVEL_NONE, NULL);
  JsonObject *object = lin_record_get_fields (call);

  json_object_set_boolean_member (object, LIN_CALL_FIELD_FLAGGED,
                                  g_str_equal (json_object_get_string_member (risk, LIN_RISK_FIELD_FINAL_LEVEL), "high"));
  json_object_set_object_member (object, LIN_CALL_FIELD_RISK, risk);
}

static const char * const high_items[] = { "threat-to-kill", "strangulation", NULL };

/* Every field of the table set, each to something other than a default */
static LinRecord *
full_call (void)
{
  g_autoptr(LinRecord) call = new_call ("2026-11-25T19:42:03+01:00", "self");
  JsonObject *object = lin_record_get_fields (call);
  const LinCallField *fields;
  guint n_fields;

  fields = lin_call_get_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const LinCallField *field = &fields[i];

      switch (field->type)
        {
        case LIN_FIELD_INT:
          if (!g_str_equal (field->name, LIN_CALL_FIELD_SCHEMA))
            json_object_set_int_member (object, field->name, MIN (field->max, field->min + 3));
          break;
        case LIN_FIELD_BOOL:
          json_object_set_boolean_member (object, field->name, !g_str_equal (field->name, LIN_CALL_FIELD_FLAGGED));
          break;
        case LIN_FIELD_STRING:
          json_object_set_string_member (object, field->name, "Тумач за знаковни језик — ŠĐČĆŽ");
          break;
        case LIN_FIELD_TIME:
          break;
        case LIN_FIELD_CODE:
          {
            const LinCodeList *list = lin_code_list_get (field->list);

            g_assert_nonnull (list);
            json_object_set_string_member (object, field->name,
                                           lin_code_list_get_code (list, lin_code_list_get_n_codes (list) - 1)->code);
          }
          break;
        case LIN_FIELD_CODES:
          {
            const LinCodeList *list = lin_code_list_get (field->list);
            JsonArray *array = json_array_new ();

            g_assert_nonnull (list);
            g_assert_true (lin_code_list_is_multiple (list));
            json_array_add_string_element (array, lin_code_list_get_code (list, 0)->code);
            json_array_add_string_element (array, lin_code_list_get_code (list, 1)->code);
            json_object_set_array_member (object, field->name, array);
          }
          break;
        case LIN_FIELD_PLACE:
          json_object_set_string_member (object, field->name, "rs-nis-medijana");
          break;
        case LIN_FIELD_DISTRICT:
          json_object_set_string_member (object, field->name, "RS-20");
          break;
        case LIN_FIELD_ID:
          break;   /* the follow-up, below */
        case LIN_FIELD_RISK:
          json_object_set_object_member (object, field->name,
                                         risk_object ((const char *[]) { "escalation", NULL },
                                                      LIN_RISK_LEVEL_HIGH, "Рекла је да је купио пиштољ."));
          break;
        case LIN_FIELD_REFERRALS:
          {
            JsonArray *array = json_array_new ();
            JsonObject *referral = json_object_new ();
            char id[LIN_RECORD_ID_BYTES * 2 + 1];

            memset (id, 'a', sizeof id - 1);
            id[sizeof id - 1] = '\0';
            json_object_set_string_member (referral, LIN_REFERRAL_FIELD_SERVICE_TYPE, "shelter");
            json_object_set_string_member (referral, LIN_REFERRAL_FIELD_SERVICE_ID, id);
            json_object_set_string_member (referral, LIN_REFERRAL_FIELD_TEXT, "Сигурна кућа, Ниш");
            json_object_set_string_member (referral, LIN_REFERRAL_FIELD_STATUS, "referred");
            json_array_add_object_element (array, referral);
            json_object_set_array_member (object, field->name, array);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  json_object_set_boolean_member (object, LIN_CALL_FIELD_FLAGGED, TRUE);

  return g_steal_pointer (&call);
}

static gboolean
json_equal (JsonObject *a,
            JsonObject *b)
{
  g_autoptr(JsonNode) x = json_node_init_object (json_node_alloc (), a);
  g_autoptr(JsonNode) y = json_node_init_object (json_node_alloc (), b);

  return json_node_equal (x, y);
}

/* Tests */

static void
test_roundtrip (void)
{
  g_autofree char *profile = new_profile ();
  g_autoptr(LinStore) store = unlock (profile);
  g_autoptr(LinRecord) call = full_call ();
  g_autoptr(GDateTime) due = at ("2026-11-27T10:30:00+01:00");
  g_autoptr(LinRecord) follow_up = lin_follow_up_new (call, due, "viber", "радним данима 9–13", "ружа");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *call_id = g_strdup (lin_record_get_id_string (call));
  g_autofree char *follow_up_id = g_strdup (lin_record_get_id_string (follow_up));
  g_autofree char *call_json = NULL;
  g_autofree char *follow_up_json = NULL;
  const LinCallField *fields;
  guint n_fields;
  LinRecord *loaded;

  /* every field of the table is set */
  fields = lin_call_get_fields (&n_fields);
  g_assert_cmpuint (n_fields, >=, 30);
  for (guint i = 0; i < n_fields; i++)
    {
      g_assert_true (json_object_has_member (lin_record_get_fields (call), fields[i].name));
      g_assert_cmpuint (fields[i].step, >=, 1);
      g_assert_cmpuint (fields[i].step, <=, LIN_CALL_N_STEPS);
      g_assert_true (lin_call_lookup_field (fields[i].name) == &fields[i]);
    }

  lin_call_validate (call, &error);
  g_assert_no_error (error);
  g_assert_true (lin_call_save (store, call, follow_up, "Белешка: звала из продавнице.", &error));
  g_assert_no_error (error);
  call_json = lin_record_dup_fields_json (call);
  follow_up_json = lin_record_dup_fields_json (follow_up);
  close_store (&store);

  store = unlock (profile);
  loaded = lin_store_get (store, call_id);
  g_assert_nonnull (loaded);
  {
    g_autoptr(LinRecord) expected = lin_record_new (LIN_CALL_KIND);

    g_assert_true (lin_record_set_fields_json (expected, call_json, NULL));
    g_assert_true (json_equal (lin_record_get_fields (expected), lin_record_get_fields (loaded)));
    for (guint i = 0; i < n_fields; i++)
      g_assert_true (json_object_has_member (lin_record_get_fields (loaded), fields[i].name));
  }
  g_assert_cmpstr (lin_record_get_string (loaded, LIN_CALL_FIELD_FOLLOW_UP_ID), ==, follow_up_id);
  g_assert_true (lin_call_validate (loaded, &error));
  g_assert_cmpint (lin_call_get_risk_level (loaded), ==, LIN_RISK_LEVEL_HIGH);

  loaded = lin_call_get_follow_up (store, loaded);
  g_assert_nonnull (loaded);
  {
    g_autoptr(LinRecord) expected = lin_record_new (LIN_FOLLOW_UP_KIND);

    g_assert_true (lin_record_set_fields_json (expected, follow_up_json, NULL));
    g_assert_true (json_equal (lin_record_get_fields (expected), lin_record_get_fields (loaded)));
  }
  g_assert_cmpstr (lin_record_get_string (loaded, LIN_FOLLOW_UP_FIELD_DUE), ==, "2026-11-27T10:30:00+01:00");
  g_assert_cmpstr (lin_record_get_string (loaded, LIN_FOLLOW_UP_FIELD_CODE_WORD), ==, "ружа");

  notes = lin_call_list_notes (store, call_id);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_cmpstr (lin_record_get_string (notes->pdata[0], LIN_NOTE_FIELD_TEXT), ==, "Белешка: звала из продавнице.");
  g_assert_true (lin_call_validate (notes->pdata[0], &error));

  close_store (&store);
}

static void
assert_refused (LinRecord  *call,
                int         code,
                const char *field)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lin_call_validate (call, &error));
  g_assert_error (error, LIN_CALL_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, field));
}

static void
test_validate (void)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(LinRecord) call = full_call ();

    g_assert_true (lin_call_validate (call, &error));
    g_assert_no_error (error);
  }

  /* unknown codes, alone and in arrays, in referrals, in places */
  {
    g_autoptr(LinRecord) call = full_call ();

    lin_record_set_string (call, LIN_CALL_FIELD_CHANNEL, "fax");
    assert_refused (call, LIN_CALL_ERROR_UNKNOWN_CODE, "channel");
  }
  {
    g_autoptr(LinRecord) call = full_call ();
    JsonArray *forms = json_object_get_array_member (lin_record_get_fields (call), LIN_CALL_FIELD_VIOLENCE_FORMS);

    json_array_add_string_element (forms, "spiritual");
    assert_refused (call, LIN_CALL_ERROR_UNKNOWN_CODE, "violence_forms");
  }
  {
    g_autoptr(LinRecord) call = full_call ();
    JsonArray *referrals = json_object_get_array_member (lin_record_get_fields (call), LIN_CALL_FIELD_REFERRALS);

    json_object_set_string_member (json_array_get_object_element (referrals, 0), LIN_REFERRAL_FIELD_STATUS, "lost");
    assert_refused (call, LIN_CALL_ERROR_UNKNOWN_CODE, "referrals");
  }
  {
    g_autoptr(LinRecord) call = full_call ();

    lin_record_set_string (call, LIN_CALL_FIELD_MUNICIPALITY, "rs-atlantida");
    assert_refused (call, LIN_CALL_ERROR_UNKNOWN_CODE, "municipality");
  }
  {
    g_autoptr(LinRecord) call = full_call ();

    lin_record_set_string (call, LIN_CALL_FIELD_DISTRICT, "RS-00");
    assert_refused (call, LIN_CALL_ERROR_INVALID, "district");
  }
  {
    g_autoptr(LinRecord) call = full_call ();
    JsonObject *risk = json_object_get_object_member (lin_record_get_fields (call), LIN_CALL_FIELD_RISK);

    json_object_set_string_member (json_object_get_object_member (risk, LIN_RISK_FIELD_ANSWERS), "horoscope", "yes");
    assert_refused (call, LIN_CALL_ERROR_UNKNOWN_CODE, "risk");
  }

  /* wrong types */
  {
    g_autoptr(LinRecord) call = full_call ();

    lin_record_set_string (call, LIN_CALL_FIELD_CHILDREN_COUNT, "3");
    assert_refused (call, LIN_CALL_ERROR_INVALID, "children_count");
  }
  {
    g_autoptr(LinRecord) call = full_call ();

    json_object_set_int_member (lin_record_get_fields (call), LIN_CALL_FIELD_CHILDREN_COUNT, 21);
    assert_refused (call, LIN_CALL_ERROR_INVALID, "children_count");
  }
  {
    g_autoptr(LinRecord) call = full_call ();

    lin_record_set_string (call, LIN_CALL_FIELD_VIOLENCE_FORMS, "physical");
    assert_refused (call, LIN_CALL_ERROR_INVALID, "violence_forms");
  }
  {
    g_autoptr(LinRecord) call = full_call ();
    JsonArray *array = json_array_new ();

    json_array_add_string_element (array, "phone");
    json_object_set_array_member (lin_record_get_fields (call), LIN_CALL_FIELD_CHANNEL, array);
    assert_refused (call, LIN_CALL_ERROR_INVALID, "channel");
  }
  {
    g_autoptr(LinRecord) call = full_call ();
    JsonArray *forms = json_object_get_array_member (lin_record_get_fields (call), LIN_CALL_FIELD_VIOLENCE_FORMS);

    json_array_add_string_element (forms, json_array_get_string_element (forms, 0));
    assert_refused (call, LIN_CALL_ERROR_INVALID, "violence_forms");
  }
  {
    g_autoptr(LinRecord) call = full_call ();

    json_object_set_int_member (lin_record_get_fields (call), LIN_CALL_FIELD_CONSENT_STATISTICS, 1);
    assert_refused (call, LIN_CALL_ERROR_INVALID, "consent_statistics");
  }
  {
    g_autoptr(LinRecord) call = full_call ();

    lin_record_set_string (call, LIN_CALL_FIELD_STARTED, "2026-11-25T19:42:03");
    assert_refused (call, LIN_CALL_ERROR_INVALID, "started");
  }
  {
    g_autoptr(LinRecord) call = full_call ();

    lin_record_set_string (call, LIN_CALL_FIELD_FOLLOW_UP_ID, "not-an-id");
    assert_refused (call, LIN_CALL_ERROR_INVALID, "follow_up_id");
  }
  {
    g_autoptr(LinRecord) call = full_call ();

    json_object_remove_member (lin_record_get_fields (call), LIN_CALL_FIELD_CALL_TYPE);
    assert_refused (call, LIN_CALL_ERROR_INVALID, "call_type");
  }

  /* the risk level follows from the answers; judgement never lowers it */
  {
    g_autoptr(LinRecord) call = full_call ();
    JsonObject *risk = risk_object (high_items, LIN_RISK_LEVEL_NONE, NULL);

    json_object_set_string_member (risk, LIN_RISK_FIELD_LEVEL, "standard");
    json_object_set_object_member (lin_record_get_fields (call), LIN_CALL_FIELD_RISK, risk);
    assert_refused (call, LIN_CALL_ERROR_INVALID, "risk");
  }
  {
    g_autoptr(LinRecord) call = full_call ();
    JsonObject *risk = risk_object (high_items, LIN_RISK_LEVEL_NONE, NULL);

    json_object_set_string_member (risk, LIN_RISK_FIELD_JUDGED_LEVEL, "medium");
    json_object_set_string_member (risk, LIN_RISK_FIELD_JUDGEMENT_REASON, "Мирније је.");
    json_object_set_string_member (risk, LIN_RISK_FIELD_FINAL_LEVEL, "medium");
    json_object_set_object_member (lin_record_get_fields (call), LIN_CALL_FIELD_RISK, risk);
    assert_refused (call, LIN_CALL_ERROR_INVALID, "risk");
  }
  {
    g_autoptr(LinRecord) call = full_call ();
    JsonObject *risk = risk_object (NULL, LIN_RISK_LEVEL_NONE, NULL);

    json_object_set_string_member (risk, LIN_RISK_FIELD_JUDGED_LEVEL, "high");
    json_object_set_string_member (risk, LIN_RISK_FIELD_FINAL_LEVEL, "high");
    json_object_set_object_member (lin_record_get_fields (call), LIN_CALL_FIELD_RISK, risk);
    assert_refused (call, LIN_CALL_ERROR_INVALID, "risk");   /* no reason */
  }

  /* notes and follow-ups */
  {
    g_autoptr(LinRecord) note = lin_record_new (LIN_NOTE_KIND);

    lin_record_set_string (note, LIN_NOTE_FIELD_CALL_ID, "00112233445566778899aabbccddeeff");
    lin_record_set_string (note, LIN_NOTE_FIELD_WRITTEN, "2026-11-25T19:42:03+01:00");
    lin_record_set_string (note, LIN_NOTE_FIELD_TEXT, "  \n ");
    assert_refused (note, LIN_CALL_ERROR_INVALID, "text");
  }
  {
    g_autoptr(LinRecord) call = new_call ("2026-11-25T19:42:03+01:00", "self");
    g_autoptr(GDateTime) due = at ("2026-11-26T10:00:00+01:00");
    g_autoptr(LinRecord) follow_up = lin_follow_up_new (call, due, "sms", NULL, NULL);

    g_assert_true (lin_call_validate (follow_up, &error));
    json_object_set_boolean_member (lin_record_get_fields (follow_up), LIN_FOLLOW_UP_FIELD_DONE, TRUE);
    assert_refused (follow_up, LIN_CALL_ERROR_INVALID, "outcome");
    lin_record_set_string (follow_up, LIN_FOLLOW_UP_FIELD_CONTACT_METHOD, "pigeon");
    assert_refused (follow_up, LIN_CALL_ERROR_UNKNOWN_CODE, "contact_method");
  }
}

static void
test_rules (void)
{
  static const char * const one_step[] = { "silent", "hung-up", "abusive", "test" };
  static const char * const full[] = { "self", "on-behalf", "information", "follow-up" };

  for (guint i = 0; i < G_N_ELEMENTS (one_step); i++)
    {
      g_autoptr(LinRecord) call = new_call ("2026-11-25T19:42:03+01:00", one_step[i]);

      g_assert_true (lin_call_type_is_one_step (one_step[i]));
      g_assert_false (lin_call_type_counts_in_statistics (one_step[i]));
      g_assert_false (lin_call_counts_in_statistics (call));
      g_assert_true (lin_call_validate (call, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (full); i++)
    {
      g_autoptr(LinRecord) call = new_call ("2026-11-25T19:42:03+01:00", full[i]);

      g_assert_false (lin_call_type_is_one_step (full[i]));
      g_assert_true (lin_call_counts_in_statistics (call));
      json_object_set_boolean_member (lin_record_get_fields (call), LIN_CALL_FIELD_CONSENT_STATISTICS, FALSE);
      g_assert_false (lin_call_counts_in_statistics (call));
      json_object_set_boolean_member (lin_record_get_fields (call), LIN_CALL_FIELD_CONSENT_STATISTICS, TRUE);
      g_assert_true (lin_call_counts_in_statistics (call));
    }

  g_assert_false (lin_call_type_is_one_step ("no-such-type"));
  g_assert_false (lin_call_type_is_one_step (NULL));

  /* the final level, after judgement */
  {
    g_autoptr(LinRecord) call = new_call ("2026-11-25T19:42:03+01:00", "self");

    g_assert_cmpint (lin_call_get_risk_level (call), ==, LIN_RISK_LEVEL_NONE);
    set_risk (call, high_items);
    g_assert_cmpint (lin_call_get_risk_level (call), ==, LIN_RISK_LEVEL_HIGH);
    json_object_set_object_member (lin_record_get_fields (call), LIN_CALL_FIELD_RISK,
                                   risk_object (NULL, LIN_RISK_LEVEL_MEDIUM, "Плаши се."));
    g_assert_cmpint (lin_call_get_risk_level (call), ==, LIN_RISK_LEVEL_MEDIUM);
    g_assert_true (lin_call_validate (call, NULL));
  }
}

static LinRecord *
save_call (LinStore   *store,
           const char *started,
           const char *call_type,
           const char *caller_code)
{
  g_autoptr(GError) error = NULL;
  LinRecord *call = new_call (started, call_type);

  if (caller_code != NULL)
    lin_record_set_string (call, LIN_CALL_FIELD_CALLER_CODE, caller_code);
  g_assert_true (lin_call_save (store, call, NULL, NULL, &error));
  g_assert_no_error (error);

  return call;
}

static void
test_caller_code (void)
{
  g_autofree char *profile = new_profile ();
  g_autoptr(LinStore) store = unlock (profile);
  g_autoptr(LinRecord) a = save_call (store, "2026-11-20T10:00:00+01:00", "self", "ZV-104");
  g_autoptr(LinRecord) b = save_call (store, "2026-11-24T22:15:00+01:00", "self", " zv-104");
  g_autoptr(LinRecord) c = save_call (store, "2026-11-22T08:00:00+01:00", "self", "ZV-1040");
  g_autoptr(LinRecord) d = save_call (store, "2026-11-23T08:00:00+01:00", "self", NULL);
  g_autoptr(LinRecord) e = save_call (store, "2026-11-21T09:00:00+01:00", "follow-up", "Zv-104");
  g_autoptr(GPtrArray) found = lin_call_find_by_caller_code (store, "zV-104", NULL);
  g_autoptr(GPtrArray) except = lin_call_find_by_caller_code (store, "ZV-104", lin_record_get_id_string (b));
  g_autoptr(GPtrArray) none = lin_call_find_by_caller_code (store, "  ", NULL);

  /* newest first by when they began, not by when they were saved */
  g_assert_cmpuint (found->len, ==, 3);
  g_assert_true (found->pdata[0] == b);
  g_assert_true (found->pdata[1] == e);
  g_assert_true (found->pdata[2] == a);
  g_assert_cmpuint (except->len, ==, 2);
  g_assert_true (except->pdata[0] == e);
  g_assert_cmpuint (none->len, ==, 0);

  close_store (&store);
}

static void
test_notes (void)
{
  g_autofree char *profile = new_profile ();
  g_autoptr(LinStore) store = unlock (profile);
  g_autoptr(LinRecord) call = save_call (store, "2026-11-20T10:00:00+01:00", "self", NULL);
  g_autoptr(GDateTime) later = at ("2026-11-21T10:00:00+01:00");
  g_autoptr(GDateTime) earlier = at ("2026-11-20T10:30:00+01:00");
  g_autoptr(GError) error = NULL;
  g_autoptr(LinRecord) second = NULL;
  g_autoptr(LinRecord) first = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *call_id = g_strdup (lin_record_get_id_string (call));
  g_autofree char *first_id = NULL;
  guint64 revision;

  second = lin_call_add_note (store, call_id, "Друга белешка.", later, &error);
  g_assert_no_error (error);
  first = lin_call_add_note (store, call_id, "Прва белешка.", earlier, &error);
  g_assert_no_error (error);
  first_id = g_strdup (lin_record_get_id_string (first));

  notes = lin_call_list_notes (store, call_id);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_true (notes->pdata[0] == first);
  g_assert_true (notes->pdata[1] == second);

  /* changing a saved note is refused, in place or as a copy */
  revision = lin_record_get_revision (first);
  lin_record_set_string (first, LIN_NOTE_FIELD_TEXT, "Преправљено.");
  g_assert_false (lin_call_save_note (store, first, &error));
  g_assert_error (error, LIN_CALL_ERROR, LIN_CALL_ERROR_IMMUTABLE);
  g_clear_error (&error);
  g_assert_cmpuint (lin_record_get_revision (first), ==, revision);
  {
    g_autoptr(LinRecord) copy = NULL;
    g_autoptr(GPtrArray) envelopes = NULL;
    LinEnvelopeHeader header = { 0 };

    /* a record of the same id that was never saved */
    envelopes = lin_store_dup_envelopes (store, first_id);
    g_assert_cmpuint (envelopes->len, ==, 1);
    copy = lin_record_new (LIN_NOTE_KIND);
    g_assert_true (lin_record_id_from_string (first_id, header.record_id));
    lin_record_set_saved (copy, &header);
    lin_record_set_string (copy, LIN_NOTE_FIELD_CALL_ID, call_id);
    lin_record_set_string (copy, LIN_NOTE_FIELD_WRITTEN, "2026-11-20T10:30:00+01:00");
    lin_record_set_string (copy, LIN_NOTE_FIELD_TEXT, "Преправљено.");
    g_assert_false (lin_call_save_note (store, copy, &error));
    g_assert_error (error, LIN_CALL_ERROR, LIN_CALL_ERROR_IMMUTABLE);
    g_clear_error (&error);
  }

  /* and what is on disk is the first text */
  close_store (&store);
  g_clear_object (&first);
  g_clear_object (&second);
  g_clear_pointer (&notes, g_ptr_array_unref);
  store = unlock (profile);
  notes = lin_call_list_notes (store, call_id);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpstr (lin_record_get_string (notes->pdata[0], LIN_NOTE_FIELD_TEXT), ==, "Прва белешка.");
  g_assert_cmpstr (lin_record_get_string (notes->pdata[1], LIN_NOTE_FIELD_TEXT), ==, "Друга белешка.");

  /* a note needs text and a call that exists */
  g_assert_null (lin_call_add_note (store, call_id, " ", NULL, &error));
  g_assert_error (error, LIN_CALL_ERROR, LIN_CALL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (lin_call_add_note (store, "00112233445566778899aabbccddeeff", "Текст.", NULL, &error));
  g_assert_error (error, LIN_CALL_ERROR, LIN_CALL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  close_store (&store);
}

static LinFollowUpState
state_at (const char *due,
          const char *now)
{
  g_autoptr(GDateTime) d = at (due);
  g_autoptr(GDateTime) n = at (now);

  return lin_follow_up_state_for (g_date_time_to_unix (d), FALSE, n);
}

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
test_follow_up_states (void)
{
  g_autofree char *profile = NULL;
  g_autoptr(LinStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* midnight */
  g_assert_cmpint (state_at ("2026-11-26T00:00:00+01:00", "2026-11-25T23:59:59+01:00"), ==, LIN_FOLLOW_UP_UPCOMING);
  g_assert_cmpint (state_at ("2026-11-26T00:00:00+01:00", "2026-11-26T00:00:00+01:00"), ==, LIN_FOLLOW_UP_TODAY);
  g_assert_cmpint (state_at ("2026-11-26T00:00:00+01:00", "2026-11-26T00:00:01+01:00"), ==, LIN_FOLLOW_UP_OVERDUE);
  g_assert_cmpint (state_at ("2026-11-26T23:59:59+01:00", "2026-11-26T00:00:01+01:00"), ==, LIN_FOLLOW_UP_TODAY);
  /* the same instant written in UTC: "today" is Belgrade's day */
  g_assert_cmpint (state_at ("2026-11-26T23:30:00Z", "2026-11-26T12:00:00Z"), ==, LIN_FOLLOW_UP_UPCOMING);
  g_assert_cmpint (state_at ("2026-11-26T22:30:00Z", "2026-11-26T12:00:00Z"), ==, LIN_FOLLOW_UP_TODAY);

  /* 25 October 2026: 03:00 summer time becomes 02:00, so 02:30 comes
   * twice and the day has 25 hours */
  g_assert_cmpint (state_at ("2026-10-25T02:30:00+01:00", "2026-10-24T23:59:00+02:00"), ==, LIN_FOLLOW_UP_UPCOMING);
  g_assert_cmpint (state_at ("2026-10-25T02:30:00+01:00", "2026-10-25T00:00:30+02:00"), ==, LIN_FOLLOW_UP_TODAY);
  g_assert_cmpint (state_at ("2026-10-25T02:30:00+01:00", "2026-10-25T02:45:00+02:00"), ==, LIN_FOLLOW_UP_TODAY);
  g_assert_cmpint (state_at ("2026-10-25T02:30:00+02:00", "2026-10-25T02:45:00+02:00"), ==, LIN_FOLLOW_UP_OVERDUE);
  g_assert_cmpint (state_at ("2026-10-25T02:30:00+01:00", "2026-10-25T02:31:00+01:00"), ==, LIN_FOLLOW_UP_OVERDUE);
  g_assert_cmpint (state_at ("2026-10-25T23:30:00+01:00", "2026-10-25T00:10:00+02:00"), ==, LIN_FOLLOW_UP_TODAY);
  g_assert_cmpint (state_at ("2026-10-26T00:00:00+01:00", "2026-10-25T00:10:00+02:00"), ==, LIN_FOLLOW_UP_UPCOMING);
  /* 29 March 2026: 02:00 becomes 03:00, a day of 23 hours */
  g_assert_cmpint (state_at ("2026-03-29T23:59:00+02:00", "2026-03-29T00:01:00+01:00"), ==, LIN_FOLLOW_UP_TODAY);
  g_assert_cmpint (state_at ("2026-03-30T00:00:00+02:00", "2026-03-29T00:01:00+01:00"), ==, LIN_FOLLOW_UP_UPCOMING);
  g_assert_cmpint (state_at ("2026-03-29T03:30:00+02:00", "2026-03-29T01:59:00+01:00"), ==, LIN_FOLLOW_UP_TODAY);

  /* through records: mark done, count overdue */
  profile = new_profile ();
  store = unlock (profile);
  {
    g_autoptr(LinRecord) call = new_call ("2026-10-24T21:00:00+02:00", "self");
    g_autoptr(LinRecord) other = new_call ("2026-10-24T22:00:00+02:00", "self");
    g_autoptr(GDateTime) due = at ("2026-10-25T02:30:00+01:00");
    g_autoptr(GDateTime) due_other = at ("2026-10-26T09:00:00+01:00");
    g_autoptr(LinRecord) follow_up = lin_follow_up_new (call, due, "phone-call", NULL, "кафа");
    g_autoptr(LinRecord) follow_up_other = lin_follow_up_new (other, due_other, "she-calls", NULL, NULL);
    g_autoptr(GDateTime) before = at ("2026-10-25T02:45:00+02:00");
    g_autoptr(GDateTime) after = at ("2026-10-26T10:00:00+01:00");
    g_autoptr(GDateTime) done_at = at ("2026-10-26T10:05:00+01:00");
    g_autoptr(GPtrArray) open = NULL;
    g_autofree char *id = NULL;

    g_assert_true (lin_call_save (store, call, follow_up, NULL, &error));
    g_assert_true (lin_call_save (store, other, follow_up_other, NULL, &error));
    g_assert_no_error (error);
    id = g_strdup (lin_record_get_id_string (follow_up));

    g_assert_cmpint (lin_follow_up_get_state (follow_up, before), ==, LIN_FOLLOW_UP_TODAY);
    g_assert_cmpuint (lin_follow_up_count_overdue (store, before), ==, 0);
    g_assert_cmpuint (lin_follow_up_count_overdue (store, after), ==, 2);
    open = lin_follow_up_list_open (store);
    g_assert_cmpuint (open->len, ==, 2);
    g_assert_true (open->pdata[0] == follow_up);

    /* a wrong outcome changes nothing */
    g_assert_false (lin_follow_up_mark_done (store, follow_up, "vanished", NULL, done_at, &error));
    g_assert_error (error, LIN_CALL_ERROR, LIN_CALL_ERROR_UNKNOWN_CODE);
    g_clear_error (&error);
    g_assert_false (json_object_get_boolean_member (lin_record_get_fields (follow_up), LIN_FOLLOW_UP_FIELD_DONE));

    g_assert_true (lin_follow_up_mark_done (store, follow_up, "reached", "Све у реду.", done_at, &error));
    g_assert_no_error (error);
    g_assert_cmpint (lin_follow_up_get_state (follow_up, after), ==, LIN_FOLLOW_UP_DONE);
    g_assert_cmpuint (lin_follow_up_count_overdue (store, after), ==, 1);

    close_store (&store);
    store = unlock (profile);
    {
      LinRecord *loaded = lin_store_get (store, id);

      g_assert_true (lin_call_validate (loaded, &error));
      g_assert_cmpstr (lin_record_get_string (loaded, LIN_FOLLOW_UP_FIELD_OUTCOME), ==, "reached");
      g_assert_cmpstr (lin_record_get_string (loaded, LIN_FOLLOW_UP_FIELD_DONE_AT), ==, "2026-10-26T10:05:00+01:00");
      g_assert_cmpstr (lin_record_get_string (loaded, LIN_FOLLOW_UP_FIELD_OUTCOME_NOTE), ==, "Све у реду.");
      g_assert_cmpint (lin_follow_up_get_state (loaded, after), ==, LIN_FOLLOW_UP_DONE);
    }

    /* read in a thread: the same list, from the text of a record not yet
     * parsed (the other one) and from the parsed fields of one that is
     * (the done one, just read above); and cancelled, none */
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GPtrArray) listed = NULL;
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      lin_follow_up_list_open_async (store, NULL, got_result_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      listed = lin_follow_up_list_open_finish (store, result, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (listed->len, ==, 1);
      g_assert_cmpstr (lin_record_get_id_string (listed->pdata[0]), ==, lin_record_get_id_string (follow_up_other));
      g_clear_object (&result);
      g_clear_pointer (&listed, g_ptr_array_unref);

      g_cancellable_cancel (cancellable);
      lin_follow_up_list_open_async (store, cancellable, got_result_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      listed = lin_follow_up_list_open_finish (store, result, &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_null (listed);
      g_clear_error (&error);
    }
  }
  close_store (&store);
}

static void
test_handover (void)
{
  static const char * const secrets[] = {
    "ЗВ-777", "Тајна белешка о њој", "кафа-шифра", "после 17 код сестре", "rs-nis-medijana",
    "Сигурна кућа тајна", "тумач тајна",
  };
  g_autofree char *profile = new_profile ();
  g_autoptr(LinStore) store = unlock (profile);
  g_autoptr(GDateTime) from = at ("2026-11-25T19:00:00+01:00");
  g_autoptr(GDateTime) to = at ("2026-11-26T07:00:00+01:00");
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *district = NULL;

  for (guint i = 0; i < 4; i++)
    {
      static const char * const starts[] = {
        "2026-11-25T19:42:00+01:00", "2026-11-25T23:10:00+01:00", "2026-11-26T03:05:00+01:00",
        "2026-11-24T12:00:00+01:00",   /* before the shift */
      };
      g_autoptr(LinRecord) call = new_call (starts[i], "self");
      g_autoptr(LinRecord) follow_up = NULL;
      JsonObject *object = lin_record_get_fields (call);
      JsonArray *referrals = json_array_new ();
      JsonObject *referral = json_object_new ();

      json_object_set_string_member (object, LIN_CALL_FIELD_CALLER_CODE, secrets[0]);
      json_object_set_string_member (object, LIN_CALL_FIELD_MUNICIPALITY, secrets[4]);
      json_object_set_string_member (object, LIN_CALL_FIELD_DISTRICT, "RS-20");
      json_object_set_string_member (object, LIN_CALL_FIELD_ACCESSIBILITY_NEEDS, secrets[6]);
      json_object_set_string_member (referral, LIN_REFERRAL_FIELD_SERVICE_TYPE, "shelter");
      json_object_set_string_member (referral, LIN_REFERRAL_FIELD_TEXT, secrets[5]);
      json_object_set_string_member (referral, LIN_REFERRAL_FIELD_STATUS, "referred");
      json_array_add_object_element (referrals, referral);
      json_object_set_array_member (object, LIN_CALL_FIELD_REFERRALS, referrals);
      set_risk (call, i != 1 ? high_items : NULL);

      if (i != 2)
        {
          /* one overdue at the end of the shift, two due the next day */
          g_autoptr(GDateTime) due = at (i == 0 ? "2026-11-26T06:00:00+01:00" : "2026-11-26T12:00:00+01:00");

          follow_up = lin_follow_up_new (call, due, "phone-call", secrets[3], secrets[2]);
        }
      g_assert_true (lin_call_save (store, call, follow_up, secrets[1], &error));
      g_assert_no_error (error);
    }
  /* a silent call in the shift, counted */
  g_object_unref (save_call (store, "2026-11-26T01:00:00+01:00", "silent", NULL));

  summary = lin_call_handover_summary (store, from, to);
  g_test_message ("%s", summary);

  g_assert_nonnull (strstr (summary, "4 calls during the shift."));
  g_assert_nonnull (strstr (summary, "2 high-risk calls:"));
  g_assert_nonnull (strstr (summary, "3 open follow-ups, 1 overdue:"));
  g_assert_nonnull (strstr (summary, "2026-11-25 19:42"));
  g_assert_nonnull (strstr (summary, "2026-11-26 03:05"));
  g_assert_null (strstr (summary, "2026-11-24 12:00"));
  g_assert_nonnull (strstr (summary, "due 2026-11-26 06:00 (overdue)"));
  district = g_strdup (lin_place_get_name (lin_places_lookup ("RS-20"), lin_places_use_latin ()));
  g_assert_nonnull (strstr (summary, district));

  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    g_assert_null (strstr (summary, secrets[i]));
  {
    g_autofree char *folded = g_utf8_casefold (summary, -1);
    g_autofree char *code = g_utf8_casefold (secrets[0], -1);

    g_assert_null (strstr (folded, code));
  }

  close_store (&store);
}

/* The call log */

static guint n_changes;

/* Counts the changes and, with @user_data, keeps a copy of the rows that
 * follows each change as the signal says it: the signals must add up to
 * what the model holds, at each one */
static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  GPtrArray *rows = user_data;

  n_changes++;
  if (rows == NULL)
    return;

  g_assert_cmpuint (position + removed, <=, rows->len);
  g_ptr_array_remove_range (rows, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (rows, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (model));
}

static void
first_position_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   guint      *first)
{
  *first = MIN (*first, position);
}

static void
assert_rows (GListModel *model,
             GPtrArray  *rows)
{
  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (item == rows->pdata[i]);
    }
}

static void
wait_ready (LinCallLog *log)
{
  while (!lin_call_log_get_index_ready (log))
    g_main_context_iteration (NULL, TRUE);
}

static const char *
started_of (LinCallLog *log,
            guint       i)
{
  g_autoptr(LinRecord) call = g_list_model_get_item (G_LIST_MODEL (log), i);

  return lin_record_get_string (call, LIN_CALL_FIELD_STARTED);
}

static void
test_log (void)
{
  g_autofree char *profile = new_profile ();
  g_autoptr(LinStore) store = unlock (profile);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LinCallLog) log = NULL;
  g_autoptr(GDateTime) now = at ("2026-11-25T12:00:00+01:00");
  g_autoptr(GDateTime) from = at ("2026-11-20T00:00:00+01:00");
  g_autoptr(GDateTime) to = at ("2026-11-24T00:00:00+01:00");
  g_autoptr(GError) error = NULL;
  g_autoptr(LinRecord) late = NULL;
  g_autoptr(LinRecord) added = NULL;
  /* started, type, language, caller code, high risk, follow-up due */
  static const struct {
    const char *started, *type, *language, *code;
    gboolean high;
    const char *due;
  } calls[] = {
    { "2026-11-21T10:00:00+01:00", "self",        "sr",  "ZV-104", TRUE,  "2026-11-25T09:00:00+01:00" },
    { "2026-11-25T08:00:00+01:00", "information", "rom", NULL,     FALSE, NULL },
    { "2026-11-19T23:59:00+01:00", "self",        "sr",  "ab-1",   FALSE, "2026-11-25T18:00:00+01:00" },
    { "2026-11-23T23:59:59+01:00", "silent",      NULL,  NULL,     FALSE, NULL },
    { "2026-11-22T14:00:00+01:00", "on-behalf",   "hu",  "Zv-200", TRUE,  "2026-11-28T10:00:00+01:00" },
  };
  g_autofree char *ids[G_N_ELEMENTS (calls)] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autoptr(LinRecord) call = new_call (calls[i].started, calls[i].type);
      g_autoptr(LinRecord) follow_up = NULL;

      if (calls[i].language != NULL)
        lin_record_set_string (call, LIN_CALL_FIELD_LANGUAGE, calls[i].language);
      else
        json_object_remove_member (lin_record_get_fields (call), LIN_CALL_FIELD_LANGUAGE);
      if (calls[i].code != NULL)
        lin_record_set_string (call, LIN_CALL_FIELD_CALLER_CODE, calls[i].code);
      if (!lin_call_type_is_one_step (calls[i].type) && !g_str_equal (calls[i].type, "information"))
        set_risk (call, calls[i].high ? high_items : NULL);
      if (calls[i].due != NULL)
        {
          g_autoptr(GDateTime) due = at (calls[i].due);

          follow_up = lin_follow_up_new (call, due, "phone-call", NULL, NULL);
        }
      g_assert_true (lin_call_save (store, call, follow_up, NULL, &error));
      g_assert_no_error (error);
      ids[i] = g_strdup (lin_record_get_id_string (call));
    }

  /* before the index: all of them, the last saved first */
  log = lin_call_log_new (store);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (log)); i++)
    g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (log), i));
  g_signal_connect (log, "items-changed", G_CALLBACK (items_changed_cb), rows);
  g_assert_false (lin_call_log_get_index_ready (log));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 5);
  g_assert_cmpstr (started_of (log, 0), ==, calls[4].started);
  g_assert_cmpstr (started_of (log, 4), ==, calls[0].started);
  g_assert_null (lin_call_log_get_summary (log, 0));
  {
    g_autoptr(LinRecord) newest = g_list_model_get_item (G_LIST_MODEL (log), 0);
    LinCallSummary made;

    /* a row's summary made for it alone, as a row bound now needs it */
    lin_call_log_summarize (log, newest, &made);
    g_assert_true (made.call == newest);
    g_assert_cmpstr (made.call_type, ==, "on-behalf");
    g_assert_cmpstr (made.language, ==, "hu");
    g_assert_cmpint (made.risk, ==, LIN_RISK_LEVEL_HIGH);
    g_assert_cmpint (made.follow_up_due, ==, 1795856400);
    g_assert_false (made.follow_up_done);
  }
  lin_call_log_set_now (log, now);

  /* a filter before the index: nothing, until it is ready */
  lin_call_log_set_language (log, "sr");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 0);
  n_changes = 0;
  wait_ready (log);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 2);
  g_assert_cmpstr (started_of (log, 0), ==, calls[0].started);
  g_assert_cmpstr (started_of (log, 1), ==, calls[2].started);
  lin_call_log_set_language (log, NULL);

  /* by when they began, newest first */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 5);
  {
    static const guint order[] = { 1, 3, 4, 0, 2 };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      g_assert_cmpstr (started_of (log, i), ==, calls[order[i]].started);
  }
  {
    const LinCallSummary *summary = lin_call_log_get_summary (log, 2);

    g_assert_nonnull (summary);
    g_assert_cmpstr (summary->call_type, ==, "on-behalf");
    g_assert_cmpstr (summary->language, ==, "hu");
    g_assert_cmpint (summary->risk, ==, LIN_RISK_LEVEL_HIGH);
    g_assert_cmpint (summary->follow_up_due, ==, 1795856400);  /* 2026-11-28 10:00 +01:00 */
  }

  /* each filter, one items-changed each, or two when rows go and rows
   * come (a removal, then an addition: see refilter()) */
  n_changes = 0;
  lin_call_log_set_date_range (log, from, to);
  g_assert_cmpuint (n_changes, >=, 1);
  g_assert_cmpuint (n_changes, <=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 3);   /* 23rd 23:59:59, 22nd, 21st */
  lin_call_log_set_date_range (log, NULL, NULL);

  lin_call_log_set_call_types (log, (const char *[]) { "self", "silent", NULL });
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 3);
  /* the same filter again changes nothing */
  n_changes = 0;
  lin_call_log_set_call_types (log, (const char *[]) { "silent", "self", NULL });
  g_assert_cmpuint (n_changes, ==, 0);
  lin_call_log_set_call_types (log, NULL);
  lin_call_log_set_call_types (log, NULL);
  g_assert_cmpuint (n_changes, >=, 1);
  g_assert_cmpuint (n_changes, <=, 2);
  assert_rows (G_LIST_MODEL (log), rows);

  /* a change says only the rows that changed: the two newest calls have
   * no risk assessment, so they stay and the signal starts after them */
  lin_call_log_set_risk_levels (log, LIN_CALL_LOG_RISK (LIN_RISK_LEVEL_NONE));
  g_signal_handlers_block_by_func (log, items_changed_cb, rows);
  {
    guint first = G_MAXUINT;

    g_signal_connect (log, "items-changed", G_CALLBACK (first_position_cb), &first);
    lin_call_log_set_risk_levels (log, 0);
    g_signal_handlers_disconnect_by_func (log, first_position_cb, &first);
    g_assert_cmpuint (first, ==, 2);
  }
  g_signal_handlers_unblock_by_func (log, items_changed_cb, rows);
  g_ptr_array_set_size (rows, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (log)); i++)
    g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (log), i));

  lin_call_log_set_risk_levels (log, LIN_CALL_LOG_RISK (LIN_RISK_LEVEL_HIGH));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 2);
  lin_call_log_set_risk_levels (log, LIN_CALL_LOG_RISK (LIN_RISK_LEVEL_NONE));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 2);   /* information, silent */
  lin_call_log_set_risk_levels (log, 0);

  lin_call_log_set_follow_up (log, LIN_CALL_LOG_FOLLOW_UP_OVERDUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 1);
  g_assert_cmpstr (started_of (log, 0), ==, calls[0].started);
  lin_call_log_set_follow_up (log, LIN_CALL_LOG_FOLLOW_UP_TODAY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 1);
  g_assert_cmpstr (started_of (log, 0), ==, calls[2].started);
  lin_call_log_set_follow_up (log, LIN_CALL_LOG_FOLLOW_UP_UPCOMING);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 1);
  lin_call_log_set_follow_up (log, LIN_CALL_LOG_FOLLOW_UP_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 2);
  lin_call_log_set_follow_up (log, LIN_CALL_LOG_FOLLOW_UP_ANY);

  lin_call_log_set_language (log, "rom");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 1);
  lin_call_log_set_language (log, NULL);

  lin_call_log_set_caller_code_search (log, "zv");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 2);
  lin_call_log_set_caller_code_search (log, "ZV-1");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 1);
  lin_call_log_set_caller_code_search (log, " ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 5);
  {
    g_autoptr(GPtrArray) found = lin_call_log_find_caller_code (log, "zv-104", NULL);

    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (lin_record_get_id_string (found->pdata[0]), ==, ids[0]);
  }

  /* filters combine */
  lin_call_log_set_risk_levels (log, LIN_CALL_LOG_RISK (LIN_RISK_LEVEL_HIGH));
  lin_call_log_set_date_range (log, from, to);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 2);

  /* a new call in the range moves in at its place; out of it, not at all */
  n_changes = 0;
  added = new_call ("2026-11-22T20:00:00+01:00", "self");
  set_risk (added, high_items);
  g_assert_true (lin_call_save (store, added, NULL, NULL, &error));
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 3);
  g_assert_cmpstr (started_of (log, 0), ==, "2026-11-22T20:00:00+01:00");
  late = new_call ("2026-11-24T20:00:00+01:00", "self");
  set_risk (late, high_items);
  g_assert_true (lin_call_save (store, late, NULL, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 3);

  /* an edit that takes it out of the filter */
  set_risk (added, NULL);
  g_assert_true (lin_call_save (store, added, NULL, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 2);

  /* a follow-up marked done moves the call out of "overdue" */
  lin_call_log_set_risk_levels (log, 0);
  lin_call_log_set_date_range (log, NULL, NULL);
  lin_call_log_set_follow_up (log, LIN_CALL_LOG_FOLLOW_UP_OVERDUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 1);
  {
    LinRecord *call = lin_store_get (store, ids[0]);

    g_assert_true (lin_follow_up_mark_done (store, lin_call_get_follow_up (store, call), "not-reached",
                                            NULL, now, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 0);
  lin_call_log_set_follow_up (log, LIN_CALL_LOG_FOLLOW_UP_ANY);

  /* deletion */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 7);
  g_assert_true (lin_store_delete (store, lin_store_get (store, ids[1]), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 6);
  for (guint i = 0; i < 6; i++)
    g_assert_cmpstr (started_of (log, i), !=, calls[1].started);

  /* the rows as the signals said them, all along */
  assert_rows (G_LIST_MODEL (log), rows);

  /* lock empties it */
  close_store (&store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 0);
  g_assert_cmpuint (rows->len, ==, 0);
}

/* The demo */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

static GPtrArray *
demo_fields (LinStore   *store,
             const char *kind)
{
  g_autoptr(GPtrArray) records = lin_store_list (store, kind);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *json = lin_record_dup_fields_json (records->pdata[i]);
      g_autoptr(JsonNode) node = json_from_string (json, NULL);
      JsonObject *copy = json_node_get_object (node);

      /* record ids are random: leave out the fields that hold them (on a
       * copy: json_node_copy() would share the object) */
      json_object_remove_member (copy, LIN_CALL_FIELD_FOLLOW_UP_ID);
      json_object_remove_member (copy, LIN_NOTE_FIELD_CALL_ID);
      g_ptr_array_add (out, json_to_string (node, FALSE));
    }
  g_ptr_array_sort (out, compare_strings);

  return out;
}

static void
test_demo (void)
{
  g_autoptr(GDateTime) until = at ("2026-11-25T19:00:00+01:00");
  g_autoptr(GError) error = NULL;
  LinStore *stores[3];
  char *profiles[3];
  /* the demo profile's own calls, twice, and others */
  guint seeds[3] = { LIN_DEMO_SEED, LIN_DEMO_SEED, 8 };
  const char *kinds[] = { LIN_CALL_KIND, LIN_FOLLOW_UP_KIND, LIN_NOTE_KIND };
  guint n = LIN_DEMO_N_CALLS, n_one_step = 0, n_assessed = 0, n_high = 0, n_follow_ups = 0, n_overdue = 0;
  guint n_past = 0, n_done = 0, n_upcoming = 0, n_old_open = 0;
  guint n_rom = 0, n_sr = 0;

  for (guint s = 0; s < 3; s++)
    {
      profiles[s] = new_profile ();
      stores[s] = unlock (profiles[s]);
      g_assert_true (lin_demo_add_calls (stores[s], n, seeds[s], until, &error));
      g_assert_no_error (error);
    }

  /* the same seed, the same fields; another seed, others */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) a = demo_fields (stores[0], kinds[k]);
      g_autoptr(GPtrArray) b = demo_fields (stores[1], kinds[k]);
      g_autoptr(GPtrArray) c = demo_fields (stores[2], kinds[k]);
      gboolean differs = a->len != c->len;

      g_assert_cmpuint (a->len, ==, b->len);
      for (guint i = 0; i < a->len; i++)
        {
          g_assert_cmpstr (a->pdata[i], ==, b->pdata[i]);
          differs |= i < c->len && g_strcmp0 (a->pdata[i], c->pdata[i]) != 0;
        }
      g_assert_true (differs);
    }

  /* every record is valid and marked fictional; the proportions hold */
  {
    g_autoptr(GPtrArray) calls = lin_store_list (stores[0], LIN_CALL_KIND);
    g_autoptr(GDateTime) oldest = g_date_time_add_days (until, -181);

    g_assert_cmpuint (calls->len, ==, n);
    for (guint i = 0; i < calls->len; i++)
      {
        LinRecord *call = calls->pdata[i];
        JsonObject *object = lin_record_get_fields (call);
        const char *type = lin_record_get_string (call, LIN_CALL_FIELD_CALL_TYPE);
        g_autoptr(GDateTime) started = lin_call_dup_started (call);
        LinRecord *follow_up = lin_call_get_follow_up (stores[0], call);

        lin_call_validate (call, &error);
        g_assert_no_error (error);
        g_assert_true (json_object_get_boolean_member (object, LIN_CALL_FIELD_DEMO));
        g_assert_true (g_date_time_compare (started, until) < 0);
        g_assert_true (g_date_time_compare (started, oldest) > 0);

        n_one_step += lin_call_type_is_one_step (type);
        if (json_object_has_member (object, LIN_CALL_FIELD_RISK))
          {
            n_assessed++;
            n_high += lin_call_get_risk_level (call) == LIN_RISK_LEVEL_HIGH;
            g_assert_true (json_object_get_boolean_member (object, LIN_CALL_FIELD_FLAGGED) ==
                           (lin_call_get_risk_level (call) == LIN_RISK_LEVEL_HIGH));
          }
        if (follow_up != NULL)
          {
            LinFollowUpState state = lin_follow_up_get_state (follow_up, until);
            g_autoptr(GDateTime) due = lin_call_parse_time (lin_record_get_string (follow_up, LIN_FOLLOW_UP_FIELD_DUE));
            g_autoptr(GDateTime) week_ago = g_date_time_add_days (until, -7);

            n_follow_ups++;
            n_overdue += state == LIN_FOLLOW_UP_OVERDUE;
            n_upcoming += state == LIN_FOLLOW_UP_UPCOMING || state == LIN_FOLLOW_UP_TODAY;
            n_past += g_date_time_compare (due, until) < 0;
            n_old_open += state == LIN_FOLLOW_UP_OVERDUE && g_date_time_compare (due, week_ago) < 0;
            /* a follow-up is done after it fell due, before now, with an
             * outcome; none is done before its time */
            if (state == LIN_FOLLOW_UP_DONE)
              {
                g_autoptr(GDateTime) done_at =
                  lin_call_parse_time (lin_record_get_string (follow_up, LIN_FOLLOW_UP_FIELD_DONE_AT));

                n_done++;
                g_assert_nonnull (lin_record_get_string (follow_up, LIN_FOLLOW_UP_FIELD_OUTCOME));
                g_assert_nonnull (done_at);
                g_assert_cmpint (g_date_time_compare (done_at, due), >=, 0);
                g_assert_cmpint (g_date_time_compare (done_at, until), <=, 0);
              }
            g_assert_true (lin_call_validate (follow_up, &error));
            g_assert_true (json_object_get_boolean_member (lin_record_get_fields (follow_up), LIN_CALL_FIELD_DEMO));
          }
        n_rom += g_strcmp0 (lin_record_get_string (call, LIN_CALL_FIELD_LANGUAGE), "rom") == 0;
        n_sr += g_strcmp0 (lin_record_get_string (call, LIN_CALL_FIELD_LANGUAGE), "sr") == 0;
      }
  }
  {
    g_autoptr(GPtrArray) notes = lin_store_list (stores[0], LIN_NOTE_KIND);

    g_assert_cmpuint (notes->len, >, 0);
    for (guint i = 0; i < notes->len; i++)
      {
        lin_call_validate (notes->pdata[i], &error);
        g_assert_no_error (error);
        g_assert_true (json_object_get_boolean_member (lin_record_get_fields (notes->pdata[i]), LIN_CALL_FIELD_DEMO));
      }
  }
  g_test_message ("demo: %u calls, %u one-step, %u assessed, %u high, %u follow-ups (%u due before now: "
                  "%u done, %u overdue, %u of them for over a week; %u upcoming), %u Serbian, %u Romani",
                  n, n_one_step, n_assessed, n_high, n_follow_ups, n_past, n_done, n_overdue, n_old_open,
                  n_upcoming, n_sr, n_rom);
  g_assert_cmpuint (n_one_step, >=, n * 5 / 100);
  g_assert_cmpuint (n_one_step, <=, n * 25 / 100);
  g_assert_cmpuint (n_high, >=, n_assessed * 5 / 100);
  g_assert_cmpuint (n_high, <=, n_assessed * 25 / 100);
  g_assert_cmpuint (n_follow_ups, >=, (n - n_one_step) * 20 / 100);
  g_assert_cmpuint (n_follow_ups, <=, (n - n_one_step) * 50 / 100);
  /* as a line works: most of those that fell due are done, a few are
   * overdue, hardly any for long, and some are still to come */
  g_assert_cmpuint (n_done + n_overdue, ==, n_past);
  g_assert_cmpuint (n_done, >=, n_past * 90 / 100);
  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpuint (n_old_open, <=, n_overdue / 2);
  g_assert_cmpuint (n_upcoming, >, 0);
  g_assert_cmpuint (n_sr, >, n / 2);
  g_assert_cmpuint (n_rom, >, 0);

  for (guint s = 0; s < 3; s++)
    {
      close_store (&stores[s]);
      g_free (profiles[s]);
    }
}

int
main (int   argc,
      char *argv[])
{
  lin_vault_test_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/call/save/roundtrip", test_roundtrip);
  g_test_add_func ("/call/validate", test_validate);
  g_test_add_func ("/call/rules", test_rules);
  g_test_add_func ("/call/caller-code", test_caller_code);
  g_test_add_func ("/call/notes/immutable", test_notes);
  g_test_add_func ("/call/follow-up/states", test_follow_up_states);
  g_test_add_func ("/call/handover", test_handover);
  g_test_add_func ("/call/log", test_log);
  g_test_add_func ("/call/demo", test_demo);

  return g_test_run ();
}
