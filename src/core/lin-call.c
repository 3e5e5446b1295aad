/* lin-call.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of calls, notes and follow-ups. A call's fields are plain JSON
 * (lin-record.c says why); this file is where their shape is checked, so
 * that the wizard, the CLI and sync all hold to one contract. Fields this
 * version does not know are left alone: a newer Linija on another laptop
 * may have written them.
 *
 * Error messages name fields and codes, never free text: they may reach a
 * log.
 */

#define G_LOG_DOMAIN "lin-call"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "lin-call.h"
#include "lin-codes.h"
#include "lin-places.h"

/* Calls saved this long (ms, in the HLC) before a shift began cannot have
 * started in it, unless a laptop's clock was wrong by more than this */
#define HANDOVER_CLOCK_SLACK_MS (60 * 60 * 1000)

/* Open follow-ups due up to this long after a shift are handed over */
#define HANDOVER_AHEAD (G_TIME_SPAN_DAY)

static const LinCallField fields[] = {
  /* 1 Contact */
  { LIN_CALL_FIELD_SCHEMA,              LIN_FIELD_INT,       NULL,                 1, 1, LIN_CALL_SCHEMA },
  { LIN_CALL_FIELD_STARTED,             LIN_FIELD_TIME,      NULL,                 1, 0, 0 },
  { LIN_CALL_FIELD_DURATION,            LIN_FIELD_INT,       NULL,                 1, 0, G_MAXINT },
  { LIN_CALL_FIELD_CHANNEL,             LIN_FIELD_CODE,      "channel",            1, 0, 0 },
  { LIN_CALL_FIELD_CALL_TYPE,           LIN_FIELD_CODE,      "call-type",          1, 0, 0 },
  { LIN_CALL_FIELD_LANGUAGE,            LIN_FIELD_CODE,      "language",           1, 0, 0 },
  /* 2 Caller */
  { LIN_CALL_FIELD_CALLER_CODE,         LIN_FIELD_STRING,    NULL,                 2, 0, 0 },
  { LIN_CALL_FIELD_CONTACT,             LIN_FIELD_CODE,      "contact",            2, 0, 0 },
  { LIN_CALL_FIELD_AGE_GROUP,           LIN_FIELD_CODE,      "age-group",          2, 0, 0 },
  { LIN_CALL_FIELD_MUNICIPALITY,        LIN_FIELD_PLACE,     NULL,                 2, 0, 0 },
  { LIN_CALL_FIELD_DISTRICT,            LIN_FIELD_DISTRICT,  NULL,                 2, 0, 0 },
  { LIN_CALL_FIELD_ROMA,                LIN_FIELD_CODE,      "answer",             2, 0, 0 },
  { LIN_CALL_FIELD_DISABILITY,          LIN_FIELD_CODES,     "disability",         2, 0, 0 },
  { LIN_CALL_FIELD_ACCESSIBILITY_NEEDS, LIN_FIELD_STRING,    NULL,                 2, 0, 0 },
  { LIN_CALL_FIELD_CHILDREN_COUNT,      LIN_FIELD_INT,       NULL,                 2, 0, 20 },
  { LIN_CALL_FIELD_CHILDREN_WITNESS,    LIN_FIELD_CODE,      "answer",             2, 0, 0 },
  { LIN_CALL_FIELD_PREGNANT,            LIN_FIELD_CODE,      "answer",             2, 0, 0 },
  /* 3 Violence */
  { LIN_CALL_FIELD_VIOLENCE_FORMS,      LIN_FIELD_CODES,     "violence-form",      3, 0, 0 },
  { LIN_CALL_FIELD_PERPETRATORS,        LIN_FIELD_CODES,     "perpetrator",        3, 0, 0 },
  { LIN_CALL_FIELD_LIVING_TOGETHER,     LIN_FIELD_CODE,      "answer",             3, 0, 0 },
  { LIN_CALL_FIELD_VIOLENCE_DURATION,   LIN_FIELD_CODE,      "violence-duration",  3, 0, 0 },
  { LIN_CALL_FIELD_LAST_INCIDENT,       LIN_FIELD_CODE,      "last-incident",      3, 0, 0 },
  { LIN_CALL_FIELD_REPORTED_BEFORE,     LIN_FIELD_CODES,     "reported-to",        3, 0, 0 },
  { LIN_CALL_FIELD_PROTECTION_MEASURES, LIN_FIELD_CODES,     "protection-measure", 3, 0, 0 },
  /* 4 Risk */
  { LIN_CALL_FIELD_RISK,                LIN_FIELD_RISK,      NULL,                 4, 0, 0 },
  { LIN_CALL_FIELD_FLAGGED,             LIN_FIELD_BOOL,      NULL,                 4, 0, 0 },
  /* 5 Support and referrals */
  { LIN_CALL_FIELD_SERVICES,            LIN_FIELD_CODES,     "service-given",      5, 0, 0 },
  { LIN_CALL_FIELD_REFERRALS,           LIN_FIELD_REFERRALS, NULL,                 5, 0, 0 },
  { LIN_CALL_FIELD_CONSENT_FOLLOW_UP,   LIN_FIELD_BOOL,      NULL,                 5, 0, 0 },
  { LIN_CALL_FIELD_CONSENT_STATISTICS,  LIN_FIELD_BOOL,      NULL,                 5, 0, 0 },
  /* 6 Follow-up and notes (the note is a record of its own) */
  { LIN_CALL_FIELD_FOLLOW_UP_ID,        LIN_FIELD_ID,        NULL,                 6, 0, 0 },
};

G_DEFINE_QUARK (lin-call-error-quark, lin_call_error)

/* Helpers */

/* A value we may quote in an error message: a short code, never text */
static const char *
quotable (const char *code)
{
  gsize len = code != NULL ? strlen (code) : 0;

  if (len == 0 || len > 32)
    return "…";

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (code[i]) && code[i] != '-' && code[i] != '_')
      return "…";

  return code;
}

static gboolean
invalid (GError     **error,
         const char  *field,
         const char  *what)
{
  g_set_error (error, LIN_CALL_ERROR, LIN_CALL_ERROR_INVALID,
               "The field “%s” %s", field, what);
  return FALSE;
}

static gboolean
node_is (JsonNode *node,
         GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static const char *
object_get_string (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node_is (node, G_TYPE_STRING) ? json_node_get_string (node) : NULL;
}

static gboolean
object_get_bool (JsonObject *object,
                 const char *member,
                 gboolean    fallback)
{
  JsonNode *node = json_object_get_member (object, member);

  return node_is (node, G_TYPE_BOOLEAN) ? json_node_get_boolean (node) : fallback;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
check_code (const char  *field,
            const char  *list_name,
            JsonNode    *node,
            GError     **error)
{
  const LinCodeList *list = lin_code_list_get (list_name);
  const char *code;

  if (!node_is (node, G_TYPE_STRING))
    return invalid (error, field, "must be a code (a string)");

  code = json_node_get_string (node);
  if (list == NULL)
    {
      g_set_error (error, LIN_CALL_ERROR, LIN_CALL_ERROR_UNKNOWN_CODE,
                   "The field “%s” uses the code list “%s”, which is missing", field, list_name);
      return FALSE;
    }

  if (lin_code_list_lookup (list, code) == NULL)
    {
      g_set_error (error, LIN_CALL_ERROR, LIN_CALL_ERROR_UNKNOWN_CODE,
                   "The field “%s” has “%s”, which is not a code of the list “%s”",
                   field, quotable (code), list_name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_codes (const char  *field,
             const char  *list_name,
             JsonNode    *node,
             GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, field, "must be an array of codes");

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!check_code (field, list_name, element, error))
        return FALSE;
      if (!g_hash_table_add (seen, (gpointer)json_node_get_string (element)))
        return invalid (error, field, "has a code twice");
    }

  return TRUE;
}

static gboolean
check_time (const char  *field,
            JsonNode    *node,
            GError     **error)
{
  g_autoptr(GDateTime) time = NULL;

  if (!node_is (node, G_TYPE_STRING) ||
      (time = lin_call_parse_time (json_node_get_string (node))) == NULL)
    return invalid (error, field, "must be an ISO 8601 time with an offset");

  return TRUE;
}

static gboolean
check_id (const char  *field,
          JsonNode    *node,
          GError     **error)
{
  guint8 id[LIN_RECORD_ID_BYTES];

  if (!node_is (node, G_TYPE_STRING) || !lin_record_id_from_string (json_node_get_string (node), id))
    return invalid (error, field, "must be a record id (32 hexadecimal digits)");

  return TRUE;
}

static gboolean
check_string (const char  *field,
              JsonNode    *node,
              GError     **error)
{
  if (!node_is (node, G_TYPE_STRING))
    return invalid (error, field, "must be a string");

  return TRUE;
}

static gboolean
check_place (const char  *field,
             JsonNode    *node,
             GError     **error)
{
  const LinPlace *place;

  if (!node_is (node, G_TYPE_STRING))
    return invalid (error, field, "must be a municipality code (a string)");

  place = lin_places_lookup (json_node_get_string (node));
  if (place == NULL || lin_place_get_kind (place) == LIN_PLACE_DISTRICT)
    {
      g_set_error (error, LIN_CALL_ERROR, LIN_CALL_ERROR_UNKNOWN_CODE,
                   "The field “%s” has “%s”, which is not a municipality or city",
                   field, quotable (json_node_get_string (node)));
      return FALSE;
    }

  return TRUE;
}

/* ISO 3166-2:RS, as data/places has them */
static gboolean
check_district (const char  *field,
                JsonNode    *node,
                GError     **error)
{
  const LinPlace *place;

  if (!node_is (node, G_TYPE_STRING))
    return invalid (error, field, "must be a district code (a string)");

  place = lin_places_lookup (json_node_get_string (node));
  if (place == NULL || lin_place_get_kind (place) != LIN_PLACE_DISTRICT)
    {
      g_set_error (error, LIN_CALL_ERROR, LIN_CALL_ERROR_UNKNOWN_CODE,
                   "The field “%s” has “%s”, which is not a district of Serbia",
                   field, quotable (json_node_get_string (node)));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_int (const LinCallField  *field,
           JsonNode            *node,
           GError             **error)
{
  gint64 value;

  if (!node_is (node, G_TYPE_INT64))
    return invalid (error, field->name, "must be an integer");

  value = json_node_get_int (node);
  if (value < field->min || value > field->max)
    {
      g_set_error (error, LIN_CALL_ERROR, LIN_CALL_ERROR_INVALID,
                   "The field “%s” must be from %d to %d", field->name, field->min, field->max);
      return FALSE;
    }

  return TRUE;
}

static LinRiskLevel
level_member (JsonObject *object,
              const char *member)
{
  const char *code = object_get_string (object, member);

  return code != NULL ? lin_risk_level_from_code (code) : LIN_RISK_LEVEL_NONE;
}

static gboolean
check_risk (JsonNode  *node,
            GError   **error)
{
  const char *field = LIN_CALL_FIELD_RISK;
  LinRiskChecklist *checklist = lin_risk_checklist_get_default ();
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) judgement_error = NULL;
  JsonObject *risk;
  JsonNode *member;
  JsonObject *answer_object;
  const char *checklist_id;
  const char *reason;
  LinRiskLevel level, judged, final;
  gint64 version;
  gboolean ours;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, field, "must be an object");
  risk = json_node_get_object (node);

  checklist_id = object_get_string (risk, LIN_RISK_FIELD_CHECKLIST);
  if (is_blank (checklist_id))
    return invalid (error, field, "must name its checklist");

  member = json_object_get_member (risk, LIN_RISK_FIELD_VERSION);
  if (!node_is (member, G_TYPE_INT64) || (version = json_node_get_int (member)) < 1)
    return invalid (error, field, "must give its checklist's version");

  /* answers to the checklist we ship are checked against it; another
   * organisation's instrument is taken as it is */
  ours = g_str_equal (checklist_id, lin_risk_checklist_get_id (checklist)) &&
         (guint64)version == lin_risk_checklist_get_version (checklist);

  member = json_object_get_member (risk, LIN_RISK_FIELD_ANSWERS);
  if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
    return invalid (error, field, "must hold its answers as an object");
  answer_object = json_node_get_object (member);

  {
    JsonObjectIter iter;
    const char *item;
    JsonNode *value;

    json_object_iter_init (&iter, answer_object);
    while (json_object_iter_next (&iter, &item, &value))
      {
        const char *answer = node_is (value, G_TYPE_STRING) ? json_node_get_string (value) : NULL;
        LinRiskAnswer parsed;

        if (g_strcmp0 (answer, "yes") == 0)
          parsed = LIN_RISK_ANSWER_YES;
        else if (g_strcmp0 (answer, "no") == 0)
          parsed = LIN_RISK_ANSWER_NO;
        else if (g_strcmp0 (answer, "unknown") == 0)
          parsed = LIN_RISK_ANSWER_UNKNOWN;
        else
          return invalid (error, field, "has an answer that is not yes, no or unknown");

        if (ours)
          {
            gboolean known = FALSE;

            for (guint i = 0; i < lin_risk_checklist_get_n_items (checklist) && !known; i++)
              known = g_str_equal (item, lin_risk_checklist_get_item_code (checklist, i));
            if (!known)
              {
                g_set_error (error, LIN_CALL_ERROR, LIN_CALL_ERROR_UNKNOWN_CODE,
                             "The field “%s” answers “%s”, which is not an item of the checklist “%s”",
                             field, quotable (item), checklist_id);
                return FALSE;
              }
          }
        g_hash_table_insert (answers, (gpointer)item, GINT_TO_POINTER (parsed));
      }
  }

  member = json_object_get_member (risk, LIN_RISK_FIELD_SCORE);
  if (!node_is (member, G_TYPE_INT64) || json_node_get_int (member) < 0)
    return invalid (error, field, "must have a score (an integer)");

  level = level_member (risk, LIN_RISK_FIELD_LEVEL);
  final = level_member (risk, LIN_RISK_FIELD_FINAL_LEVEL);
  if (level == LIN_RISK_LEVEL_NONE || final == LIN_RISK_LEVEL_NONE)
    return invalid (error, field, "must have a level and a final level (standard, medium or high)");

  judged = level;
  if (json_object_has_member (risk, LIN_RISK_FIELD_JUDGED_LEVEL) &&
      (judged = level_member (risk, LIN_RISK_FIELD_JUDGED_LEVEL)) == LIN_RISK_LEVEL_NONE)
    return invalid (error, field, "has a judged level that is not standard, medium or high");

  if (json_object_has_member (risk, LIN_RISK_FIELD_JUDGEMENT_REASON) &&
      object_get_string (risk, LIN_RISK_FIELD_JUDGEMENT_REASON) == NULL)
    return invalid (error, field, "has a judgement reason that is not a string");
  reason = object_get_string (risk, LIN_RISK_FIELD_JUDGEMENT_REASON);

  if (ours)
    {
      LinRiskScore score;

      lin_risk_checklist_score (checklist, answers, &score);
      if ((gint64)score.score != json_object_get_int_member (risk, LIN_RISK_FIELD_SCORE) ||
          score.level != level)
        return invalid (error, field, "has a score or level that its answers do not give");
    }

  if (lin_risk_apply_judgement (level, judged, reason, &judgement_error) != final)
    {
      g_set_error (error, LIN_CALL_ERROR, LIN_CALL_ERROR_INVALID,
                   "The field “%s” has a final level that does not follow from its level and judgement%s%s",
                   field, judgement_error != NULL ? ": " : "",
                   judgement_error != NULL ? judgement_error->message : "");
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_referrals (JsonNode  *node,
                 GError   **error)
{
  const char *field = LIN_CALL_FIELD_REFERRALS;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, field, "must be an array of referrals");

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *referral;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return invalid (error, field, "must hold objects");
      referral = json_node_get_object (element);

      if (!check_code (field, "service-type",
                       json_object_get_member (referral, LIN_REFERRAL_FIELD_SERVICE_TYPE), error) ||
          !check_code (field, "referral-status",
                       json_object_get_member (referral, LIN_REFERRAL_FIELD_STATUS), error))
        return FALSE;

      if (json_object_has_member (referral, LIN_REFERRAL_FIELD_SERVICE_ID) &&
          !check_id (field, json_object_get_member (referral, LIN_REFERRAL_FIELD_SERVICE_ID), error))
        return FALSE;

      if (json_object_has_member (referral, LIN_REFERRAL_FIELD_TEXT) &&
          !check_string (field, json_object_get_member (referral, LIN_REFERRAL_FIELD_TEXT), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_field (const LinCallField  *field,
             JsonNode            *node,
             GError             **error)
{
  switch (field->type)
    {
    case LIN_FIELD_INT:
      return check_int (field, node, error);
    case LIN_FIELD_BOOL:
      return node_is (node, G_TYPE_BOOLEAN) || invalid (error, field->name, "must be true or false");
    case LIN_FIELD_STRING:
      return check_string (field->name, node, error);
    case LIN_FIELD_TIME:
      return check_time (field->name, node, error);
    case LIN_FIELD_CODE:
      return check_code (field->name, field->list, node, error);
    case LIN_FIELD_CODES:
      return check_codes (field->name, field->list, node, error);
    case LIN_FIELD_PLACE:
      return check_place (field->name, node, error);
    case LIN_FIELD_DISTRICT:
      return check_district (field->name, node, error);
    case LIN_FIELD_ID:
      return check_id (field->name, node, error);
    case LIN_FIELD_RISK:
      return check_risk (node, error);
    case LIN_FIELD_REFERRALS:
      return check_referrals (node, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
validate_call (JsonObject  *object,
               GError     **error)
{
  static const char * const required[] = {
    LIN_CALL_FIELD_SCHEMA, LIN_CALL_FIELD_STARTED, LIN_CALL_FIELD_CALL_TYPE,
  };
  JsonNode *demo;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (!json_object_has_member (object, required[i]))
      return invalid (error, required[i], "is missing");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      JsonNode *node = json_object_get_member (object, fields[i].name);

      /* JSON null is "not answered", as absent */
      if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && !check_field (&fields[i], node, error))
        return FALSE;
    }

  /* the district is derived from the municipality: they agree */
  {
    const char *municipality = object_get_string (object, LIN_CALL_FIELD_MUNICIPALITY);
    const char *district = object_get_string (object, LIN_CALL_FIELD_DISTRICT);

    if (municipality != NULL && district != NULL &&
        g_strcmp0 (lin_place_get_district (lin_places_lookup (municipality)), district) != 0)
      return invalid (error, LIN_CALL_FIELD_DISTRICT, "is not the district of the municipality");
  }

  demo = json_object_get_member (object, LIN_CALL_FIELD_DEMO);
  if (demo != NULL && !node_is (demo, G_TYPE_BOOLEAN))
    return invalid (error, LIN_CALL_FIELD_DEMO, "must be true or false");

  return TRUE;
}

static gboolean
validate_note (JsonObject  *object,
               GError     **error)
{
  if (!check_id (LIN_NOTE_FIELD_CALL_ID, json_object_get_member (object, LIN_NOTE_FIELD_CALL_ID), error) ||
      !check_time (LIN_NOTE_FIELD_WRITTEN, json_object_get_member (object, LIN_NOTE_FIELD_WRITTEN), error) ||
      !check_string (LIN_NOTE_FIELD_TEXT, json_object_get_member (object, LIN_NOTE_FIELD_TEXT), error))
    return FALSE;

  if (is_blank (object_get_string (object, LIN_NOTE_FIELD_TEXT)))
    return invalid (error, LIN_NOTE_FIELD_TEXT, "is blank");

  return TRUE;
}

static gboolean
validate_follow_up (JsonObject  *object,
                    GError     **error)
{
  static const char * const strings[] = {
    LIN_FOLLOW_UP_FIELD_SAFE_TIMES, LIN_FOLLOW_UP_FIELD_CODE_WORD, LIN_FOLLOW_UP_FIELD_OUTCOME_NOTE,
  };
  JsonNode *node;

  if (!check_id (LIN_FOLLOW_UP_FIELD_CALL_ID, json_object_get_member (object, LIN_FOLLOW_UP_FIELD_CALL_ID), error) ||
      !check_time (LIN_FOLLOW_UP_FIELD_DUE, json_object_get_member (object, LIN_FOLLOW_UP_FIELD_DUE), error))
    return FALSE;

  if ((node = json_object_get_member (object, LIN_FOLLOW_UP_FIELD_CONTACT_METHOD)) != NULL &&
      !check_code (LIN_FOLLOW_UP_FIELD_CONTACT_METHOD, "contact-method", node, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if ((node = json_object_get_member (object, strings[i])) != NULL &&
        !check_string (strings[i], node, error))
      return FALSE;

  node = json_object_get_member (object, LIN_FOLLOW_UP_FIELD_DONE);
  if (node != NULL && !node_is (node, G_TYPE_BOOLEAN))
    return invalid (error, LIN_FOLLOW_UP_FIELD_DONE, "must be true or false");

  if ((node = json_object_get_member (object, LIN_FOLLOW_UP_FIELD_OUTCOME)) != NULL &&
      !check_code (LIN_FOLLOW_UP_FIELD_OUTCOME, "follow-up-outcome", node, error))
    return FALSE;

  if ((node = json_object_get_member (object, LIN_FOLLOW_UP_FIELD_DONE_AT)) != NULL &&
      !check_time (LIN_FOLLOW_UP_FIELD_DONE_AT, node, error))
    return FALSE;

  /* a follow-up marked done says how it went, and when */
  if (object_get_bool (object, LIN_FOLLOW_UP_FIELD_DONE, FALSE))
    {
      if (!json_object_has_member (object, LIN_FOLLOW_UP_FIELD_OUTCOME))
        return invalid (error, LIN_FOLLOW_UP_FIELD_OUTCOME, "is missing from a follow-up marked done");
      if (!json_object_has_member (object, LIN_FOLLOW_UP_FIELD_DONE_AT))
        return invalid (error, LIN_FOLLOW_UP_FIELD_DONE_AT, "is missing from a follow-up marked done");
    }

  return TRUE;
}

static gboolean
type_has_flag (const char *call_type,
               const char *flag)
{
  const LinCodeList *list = lin_code_list_get ("call-type");
  const LinCode *code;

  if (list == NULL || call_type == NULL || (code = lin_code_list_lookup (list, call_type)) == NULL)
    return FALSE;

  return lin_code_has_flag (code, flag);
}

static gint64
time_member (JsonObject *object,
             const char *member,
             gint64      fallback)
{
  g_autoptr(GDateTime) time = lin_call_parse_time (object_get_string (object, member));

  return time != NULL ? g_date_time_to_unix (time) : fallback;
}

static int
compare_started_desc (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GHashTable *started = user_data;
  gint64 x = *(gint64 *)g_hash_table_lookup (started, *(LinRecord **)a);
  gint64 y = *(gint64 *)g_hash_table_lookup (started, *(LinRecord **)b);

  return (y > x) - (y < x);
}

/* Public API */

/**
 * lin_call_get_fields:
 * @n_fields: (out): the number of fields
 *
 * Returns: (array length=n_fields) (transfer none): the fields of a call,
 *   in the order of the wizard's steps
 */
const LinCallField *
lin_call_get_fields (guint *n_fields)
{
  g_return_val_if_fail (n_fields != NULL, NULL);

  *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

const LinCallField *
lin_call_lookup_field (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, name))
      return &fields[i];

  return NULL;
}

/**
 * lin_call_validate:
 * @record: a call, note or follow-up
 * @error: a location for a #GError
 *
 * Checks @record against the contract of its kind: required fields are
 * there, every known field has the right type, every code is in its list,
 * multi-fields are arrays, the risk level follows from the answers and
 * the judgement. Other kinds pass.
 *
 * Returns: whether @record holds to it
 */
gboolean
lin_call_validate (LinRecord  *record,
                   GError    **error)
{
  const char *kind;
  JsonObject *object;

  g_return_val_if_fail (LIN_IS_RECORD (record), FALSE);

  kind = lin_record_get_kind (record);
  object = lin_record_get_fields (record);

  if (g_str_equal (kind, LIN_CALL_KIND))
    return validate_call (object, error);
  if (g_str_equal (kind, LIN_NOTE_KIND))
    return validate_note (object, error);
  if (g_str_equal (kind, LIN_FOLLOW_UP_KIND))
    return validate_follow_up (object, error);

  return TRUE;
}

/**
 * lin_call_get_time_zone:
 *
 * Returns: (transfer none): Europe/Belgrade, or local time where the
 *   system has no time zone data
 */
GTimeZone *
lin_call_get_time_zone (void)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    {
      GTimeZone *tz = g_time_zone_new_identifier (LIN_CALL_TIME_ZONE);

      if (tz == NULL)
        tz = g_time_zone_new_local ();
      g_once_init_leave (&zone, tz);
    }

  return zone;
}

/**
 * lin_call_parse_time:
 * @iso8601: (nullable): an ISO 8601 time with an offset
 *
 * Returns: (transfer full) (nullable): the time in Europe/Belgrade
 */
GDateTime *
lin_call_parse_time (const char *iso8601)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (iso8601 == NULL)
    return NULL;

  /* no default zone: a time without an offset is refused */
  parsed = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (parsed == NULL)
    return NULL;

  return g_date_time_to_timezone (parsed, lin_call_get_time_zone ());
}

/**
 * lin_call_format_time:
 * @time: a time
 *
 * Returns: (transfer full): @time in Europe/Belgrade as ISO 8601 with its
 *   offset, to the second: "2026-11-25T19:42:03+01:00"
 */
char *
lin_call_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_timezone (time, lin_call_get_time_zone ());
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
}

/**
 * lin_call_type_is_one_step:
 * @call_type: (nullable): a code of the list "call-type"
 *
 * Returns: whether a call of this type is saved right after step 1
 */
gboolean
lin_call_type_is_one_step (const char *call_type)
{
  return type_has_flag (call_type, LIN_CALL_FLAG_ONE_STEP);
}

gboolean
lin_call_type_counts_in_statistics (const char *call_type)
{
  return call_type != NULL && !type_has_flag (call_type, LIN_CALL_FLAG_NO_STATISTICS);
}

/**
 * lin_call_counts_in_statistics:
 * @call: a call
 *
 * Returns: whether @call counts in the service's statistics: its type is
 *   not kept out of them and she did not refuse consent
 */
gboolean
lin_call_counts_in_statistics (LinRecord *call)
{
  JsonObject *object;

  g_return_val_if_fail (LIN_IS_RECORD (call), FALSE);

  object = lin_record_get_fields (call);
  return lin_call_type_counts_in_statistics (object_get_string (object, LIN_CALL_FIELD_CALL_TYPE)) &&
         object_get_bool (object, LIN_CALL_FIELD_CONSENT_STATISTICS, TRUE);
}

/**
 * lin_call_get_risk_level:
 * @call: a call
 *
 * Returns: the final level of its risk assessment, after judgement;
 *   %LIN_RISK_LEVEL_NONE when it has none
 */
LinRiskLevel
lin_call_get_risk_level (LinRecord *call)
{
  JsonNode *node;

  g_return_val_if_fail (LIN_IS_RECORD (call), LIN_RISK_LEVEL_NONE);

  node = json_object_get_member (lin_record_get_fields (call), LIN_CALL_FIELD_RISK);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return LIN_RISK_LEVEL_NONE;

  return level_member (json_node_get_object (node), LIN_RISK_FIELD_FINAL_LEVEL);
}

/**
 * lin_call_dup_started:
 * @call: a call
 *
 * Returns: (transfer full) (nullable): when the call began, in
 *   Europe/Belgrade
 */
GDateTime *
lin_call_dup_started (LinRecord *call)
{
  g_return_val_if_fail (LIN_IS_RECORD (call), NULL);

  return lin_call_parse_time (lin_record_get_string (call, LIN_CALL_FIELD_STARTED));
}

/**
 * lin_call_find_by_caller_code:
 * @store: a #LinStore
 * @caller_code: a caller code
 * @except_id: (nullable): a call to leave out
 *
 * Reads every call without keeping their parsed fields; with many calls,
 * LinCallLog's index answers faster (lin_call_log_find_caller_code()).
 *
 * Returns: (transfer container) (element-type LinRecord): the calls with
 *   the same caller code, compared case-insensitively, newest first
 */
GPtrArray *
lin_call_find_by_caller_code (LinStore   *store,
                              const char *caller_code,
                              const char *except_id)
{
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GHashTable) started = NULL;
  g_autofree char *wanted = NULL;
  GPtrArray *out;

  g_return_val_if_fail (LIN_IS_STORE (store), NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  if (is_blank (caller_code))
    return out;

  wanted = g_utf8_casefold (caller_code, -1);
  g_strstrip (wanted);
  started = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  calls = lin_store_list (store, LIN_CALL_KIND);

  for (guint i = 0; i < calls->len; i++)
    {
      LinRecord *call = calls->pdata[i];
      g_autoptr(JsonObject) object = NULL;
      g_autofree char *folded = NULL;
      const char *code;

      if (except_id != NULL && g_str_equal (except_id, lin_record_get_id_string (call)))
        continue;

      object = lin_record_peek_fields (call);
      code = object_get_string (object, LIN_CALL_FIELD_CALLER_CODE);
      if (code == NULL)
        continue;

      folded = g_utf8_casefold (code, -1);
      g_strstrip (folded);
      if (g_str_equal (folded, wanted))
        {
          g_hash_table_insert (started, call, g_memdup2 (&(gint64) { time_member (object, LIN_CALL_FIELD_STARTED, 0) },
                                                        sizeof (gint64)));
          g_ptr_array_add (out, g_object_ref (call));
        }
    }

  g_ptr_array_sort_with_data (out, compare_started_desc, started);

  return out;
}

static int
compare_written (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  GHashTable *written = user_data;
  gint64 x = *(gint64 *)g_hash_table_lookup (written, *(LinRecord **)a);
  gint64 y = *(gint64 *)g_hash_table_lookup (written, *(LinRecord **)b);

  if (x != y)
    return (x > y) - (x < y);

  /* lin_store_list() gave them oldest saved first; keep that */
  return (lin_record_get_hlc (*(LinRecord **)a) > lin_record_get_hlc (*(LinRecord **)b)) -
         (lin_record_get_hlc (*(LinRecord **)a) < lin_record_get_hlc (*(LinRecord **)b));
}

/**
 * lin_call_list_notes:
 * @store: a #LinStore
 * @call_id: a call's id
 *
 * Returns: (transfer container) (element-type LinRecord): the notes of
 *   the call, oldest first
 */
GPtrArray *
lin_call_list_notes (LinStore   *store,
                     const char *call_id)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GHashTable) written = NULL;
  GPtrArray *out;

  g_return_val_if_fail (LIN_IS_STORE (store), NULL);
  g_return_val_if_fail (call_id != NULL, NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  written = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  notes = lin_store_list (store, LIN_NOTE_KIND);

  for (guint i = 0; i < notes->len; i++)
    {
      LinRecord *note = notes->pdata[i];
      g_autoptr(JsonObject) object = lin_record_peek_fields (note);

      if (g_strcmp0 (object_get_string (object, LIN_NOTE_FIELD_CALL_ID), call_id) != 0)
        continue;

      g_hash_table_insert (written, note, g_memdup2 (&(gint64) { time_member (object, LIN_NOTE_FIELD_WRITTEN, 0) },
                                                    sizeof (gint64)));
      g_ptr_array_add (out, g_object_ref (note));
    }

  g_ptr_array_sort_with_data (out, compare_written, written);

  return out;
}

/**
 * lin_call_save_note:
 * @store: a #LinStore
 * @note: a new note
 * @error: a location for a #GError
 *
 * Saves a note that was never saved. A note, once saved, is never
 * changed: a correction is a new note (%LIN_CALL_ERROR_IMMUTABLE).
 *
 * Returns: %TRUE on success
 */
gboolean
lin_call_save_note (LinStore   *store,
                    LinRecord  *note,
                    GError    **error)
{
  const char *call_id;

  g_return_val_if_fail (LIN_IS_STORE (store), FALSE);
  g_return_val_if_fail (LIN_IS_RECORD (note), FALSE);

  if (!g_str_equal (lin_record_get_kind (note), LIN_NOTE_KIND))
    return invalid (error, "kind", "must be “note”");

  if (lin_record_get_revision (note) != 0 || lin_store_get (store, lin_record_get_id_string (note)) != NULL)
    {
      g_set_error_literal (error, LIN_CALL_ERROR, LIN_CALL_ERROR_IMMUTABLE,
                           "A saved note cannot be changed; add a new note instead");
      return FALSE;
    }

  if (!lin_call_validate (note, error))
    return FALSE;

  call_id = lin_record_get_string (note, LIN_NOTE_FIELD_CALL_ID);
  if (lin_store_get (store, call_id) == NULL)
    {
      g_set_error_literal (error, LIN_CALL_ERROR, LIN_CALL_ERROR_NOT_FOUND,
                           "The note's call is not in the profile");
      return FALSE;
    }

  return lin_store_save (store, note, error);
}

/**
 * lin_call_add_note:
 * @store: a #LinStore
 * @call_id: the call's id
 * @text: the note
 * @written: (nullable): when it was written; %NULL: now
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the saved note
 */
LinRecord *
lin_call_add_note (LinStore    *store,
                   const char  *call_id,
                   const char  *text,
                   GDateTime   *written,
                   GError     **error)
{
  g_autoptr(LinRecord) note = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *when = NULL;
  JsonObject *object;

  g_return_val_if_fail (LIN_IS_STORE (store), NULL);
  g_return_val_if_fail (call_id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (written == NULL)
    written = now = g_date_time_new_now (lin_call_get_time_zone ());
  when = lin_call_format_time (written);

  note = lin_record_new (LIN_NOTE_KIND);
  object = lin_record_get_fields (note);
  json_object_set_string_member (object, LIN_NOTE_FIELD_CALL_ID, call_id);
  json_object_set_string_member (object, LIN_NOTE_FIELD_TEXT, text);
  json_object_set_string_member (object, LIN_NOTE_FIELD_WRITTEN, when);

  if (!lin_call_save_note (store, note, error))
    return NULL;

  return g_steal_pointer (&note);
}

/**
 * lin_follow_up_new:
 * @call: the call it follows up (its id is final: saved or not)
 * @due: when to contact her
 * @contact_method: (nullable): a code of the list "contact-method"
 * @safe_times: (nullable): when it is safe to contact her
 * @code_word: (nullable): the agreed code word
 *
 * Makes a follow-up (not saved) and links @call to it.
 *
 * Returns: (transfer full): the follow-up
 */
LinRecord *
lin_follow_up_new (LinRecord  *call,
                   GDateTime  *due,
                   const char *contact_method,
                   const char *safe_times,
                   const char *code_word)
{
  g_autofree char *due_text = NULL;
  LinRecord *follow_up;
  JsonObject *object;

  g_return_val_if_fail (LIN_IS_RECORD (call), NULL);
  g_return_val_if_fail (due != NULL, NULL);

  due_text = lin_call_format_time (due);
  follow_up = lin_record_new (LIN_FOLLOW_UP_KIND);
  object = lin_record_get_fields (follow_up);
  json_object_set_string_member (object, LIN_FOLLOW_UP_FIELD_CALL_ID, lin_record_get_id_string (call));
  json_object_set_string_member (object, LIN_FOLLOW_UP_FIELD_DUE, due_text);
  if (contact_method != NULL)
    json_object_set_string_member (object, LIN_FOLLOW_UP_FIELD_CONTACT_METHOD, contact_method);
  if (!is_blank (safe_times))
    json_object_set_string_member (object, LIN_FOLLOW_UP_FIELD_SAFE_TIMES, safe_times);
  if (!is_blank (code_word))
    json_object_set_string_member (object, LIN_FOLLOW_UP_FIELD_CODE_WORD, code_word);
  json_object_set_boolean_member (object, LIN_FOLLOW_UP_FIELD_DONE, FALSE);

  lin_record_set_string (call, LIN_CALL_FIELD_FOLLOW_UP_ID, lin_record_get_id_string (follow_up));

  return follow_up;
}

/**
 * lin_call_get_follow_up:
 * @store: a #LinStore
 * @call: a call
 *
 * Returns: (transfer none) (nullable): its follow-up
 */
LinRecord *
lin_call_get_follow_up (LinStore  *store,
                        LinRecord *call)
{
  const char *id;

  g_return_val_if_fail (LIN_IS_STORE (store), NULL);
  g_return_val_if_fail (LIN_IS_RECORD (call), NULL);

  id = lin_record_get_string (call, LIN_CALL_FIELD_FOLLOW_UP_ID);
  return id != NULL ? lin_store_get (store, id) : NULL;
}

/**
 * lin_call_save:
 * @store: a #LinStore
 * @call: the call
 * @follow_up: (nullable): its follow-up (lin_follow_up_new())
 * @note_text: (nullable): the note typed in the wizard
 * @error: a location for a #GError
 *
 * Everything is validated before anything is written. The follow-up is
 * saved before the call that points to it, and the note after the call it
 * belongs to, so that no record ever points to one that is not saved.
 *
 * Returns: %TRUE on success
 */
gboolean
lin_call_save (LinStore    *store,
               LinRecord   *call,
               LinRecord   *follow_up,
               const char  *note_text,
               GError     **error)
{
  g_autoptr(LinRecord) note = NULL;

  g_return_val_if_fail (LIN_IS_STORE (store), FALSE);
  g_return_val_if_fail (LIN_IS_RECORD (call), FALSE);
  g_return_val_if_fail (follow_up == NULL || LIN_IS_RECORD (follow_up), FALSE);

  if (!g_str_equal (lin_record_get_kind (call), LIN_CALL_KIND))
    return invalid (error, "kind", "must be “call”");
  if (follow_up != NULL && !g_str_equal (lin_record_get_kind (follow_up), LIN_FOLLOW_UP_KIND))
    return invalid (error, "kind", "must be “follow-up”");

  if (!lin_call_validate (call, error) ||
      (follow_up != NULL && !lin_call_validate (follow_up, error)))
    return FALSE;

  if (follow_up != NULL)
    {
      if (g_strcmp0 (lin_record_get_string (follow_up, LIN_FOLLOW_UP_FIELD_CALL_ID),
                     lin_record_get_id_string (call)) != 0 ||
          g_strcmp0 (lin_record_get_string (call, LIN_CALL_FIELD_FOLLOW_UP_ID),
                     lin_record_get_id_string (follow_up)) != 0)
        return invalid (error, LIN_CALL_FIELD_FOLLOW_UP_ID, "must link the call and its follow-up both ways");
    }

  if (!is_blank (note_text))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
      g_autofree char *when = lin_call_format_time (now);
      JsonObject *object;

      note = lin_record_new (LIN_NOTE_KIND);
      object = lin_record_get_fields (note);
      json_object_set_string_member (object, LIN_NOTE_FIELD_CALL_ID, lin_record_get_id_string (call));
      json_object_set_string_member (object, LIN_NOTE_FIELD_TEXT, note_text);
      json_object_set_string_member (object, LIN_NOTE_FIELD_WRITTEN, when);
      if (!lin_call_validate (note, error))
        return FALSE;
    }

  if ((follow_up != NULL && !lin_store_save (store, follow_up, error)) ||
      !lin_store_save (store, call, error) ||
      (note != NULL && !lin_call_save_note (store, note, error)))
    return FALSE;

  return TRUE;
}

/**
 * lin_follow_up_mark_done:
 * @store: a #LinStore
 * @follow_up: an open follow-up
 * @outcome: a code of the list "follow-up-outcome"
 * @outcome_note: (nullable): how it went
 * @done_at: (nullable): when; %NULL: now
 * @error: a location for a #GError
 *
 * Returns: %TRUE when the follow-up is saved as done
 */
gboolean
lin_follow_up_mark_done (LinStore    *store,
                         LinRecord   *follow_up,
                         const char  *outcome,
                         const char  *outcome_note,
                         GDateTime   *done_at,
                         GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(JsonNode) outcome_node = NULL;
  g_autofree char *when = NULL;
  JsonObject *object;

  g_return_val_if_fail (LIN_IS_STORE (store), FALSE);
  g_return_val_if_fail (LIN_IS_RECORD (follow_up), FALSE);
  g_return_val_if_fail (outcome != NULL, FALSE);

  if (!g_str_equal (lin_record_get_kind (follow_up), LIN_FOLLOW_UP_KIND))
    return invalid (error, "kind", "must be “follow-up”");

  /* checked before anything changes: a refused outcome leaves the record
   * as it was */
  outcome_node = json_node_init_string (json_node_alloc (), outcome);
  if (!check_code (LIN_FOLLOW_UP_FIELD_OUTCOME, "follow-up-outcome", outcome_node, error) ||
      !lin_call_validate (follow_up, error))
    return FALSE;

  if (done_at == NULL)
    done_at = now = g_date_time_new_now (lin_call_get_time_zone ());
  when = lin_call_format_time (done_at);

  object = lin_record_get_fields (follow_up);
  json_object_set_boolean_member (object, LIN_FOLLOW_UP_FIELD_DONE, TRUE);
  json_object_set_string_member (object, LIN_FOLLOW_UP_FIELD_OUTCOME, outcome);
  if (!is_blank (outcome_note))
    json_object_set_string_member (object, LIN_FOLLOW_UP_FIELD_OUTCOME_NOTE, outcome_note);
  else
    json_object_remove_member (object, LIN_FOLLOW_UP_FIELD_OUTCOME_NOTE);
  json_object_set_string_member (object, LIN_FOLLOW_UP_FIELD_DONE_AT, when);

  return lin_store_save (store, follow_up, error);
}

/**
 * lin_follow_up_state_for:
 * @due: the due time (Unix seconds); 0: none
 * @done: whether it is done
 * @now: the time to judge at
 *
 * "Today" is the calendar day of @now in Europe/Belgrade, 23 or 25 hours
 * long on the days the clocks change.
 *
 * Returns: the state
 */
LinFollowUpState
lin_follow_up_state_for (gint64     due,
                         gboolean   done,
                         GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  int year, month, day;

  g_return_val_if_fail (now != NULL, LIN_FOLLOW_UP_NONE);

  if (done)
    return LIN_FOLLOW_UP_DONE;
  if (due == 0)
    return LIN_FOLLOW_UP_NONE;
  if (due < g_date_time_to_unix (now))
    return LIN_FOLLOW_UP_OVERDUE;

  local = g_date_time_to_timezone (now, lin_call_get_time_zone ());
  g_date_time_get_ymd (local, &year, &month, &day);
  {
    g_autoptr(GDateTime) midnight = g_date_time_new (lin_call_get_time_zone (), year, month, day, 0, 0, 0);

    tomorrow = g_date_time_add_days (midnight, 1);
  }

  return due < g_date_time_to_unix (tomorrow) ? LIN_FOLLOW_UP_TODAY : LIN_FOLLOW_UP_UPCOMING;
}

/**
 * lin_follow_up_get_state:
 * @follow_up: a follow-up
 * @now: the time to judge at
 *
 * Returns: whether it is done, overdue, due later today or upcoming
 */
LinFollowUpState
lin_follow_up_get_state (LinRecord *follow_up,
                         GDateTime *now)
{
  JsonObject *object;

  g_return_val_if_fail (LIN_IS_RECORD (follow_up), LIN_FOLLOW_UP_NONE);
  g_return_val_if_fail (now != NULL, LIN_FOLLOW_UP_NONE);

  object = lin_record_get_fields (follow_up);
  return lin_follow_up_state_for (time_member (object, LIN_FOLLOW_UP_FIELD_DUE, 0),
                                  object_get_bool (object, LIN_FOLLOW_UP_FIELD_DONE, FALSE), now);
}

static int
compare_due (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  GHashTable *due = user_data;
  gint64 x = *(gint64 *)g_hash_table_lookup (due, *(LinRecord **)a);
  gint64 y = *(gint64 *)g_hash_table_lookup (due, *(LinRecord **)b);

  return (x > y) - (x < y);
}

/**
 * lin_follow_up_list_open:
 * @store: a #LinStore
 *
 * Returns: (transfer container) (element-type LinRecord): the follow-ups
 *   not done, soonest due first
 */
GPtrArray *
lin_follow_up_list_open (LinStore *store)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) due = NULL;
  GPtrArray *out;

  g_return_val_if_fail (LIN_IS_STORE (store), NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  due = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  all = lin_store_list (store, LIN_FOLLOW_UP_KIND);

  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(JsonObject) object = lin_record_peek_fields (all->pdata[i]);

      if (object_get_bool (object, LIN_FOLLOW_UP_FIELD_DONE, FALSE))
        continue;

      g_hash_table_insert (due, all->pdata[i],
                           g_memdup2 (&(gint64) { time_member (object, LIN_FOLLOW_UP_FIELD_DUE, G_MAXINT64) },
                                      sizeof (gint64)));
      g_ptr_array_add (out, g_object_ref (all->pdata[i]));
    }

  g_ptr_array_sort_with_data (out, compare_due, due);

  return out;
}

/* lin_follow_up_list_open_async(): the records as listed, and what the
 * thread found of each */
typedef struct
{
  GPtrArray *all;                  /* of LinRecord, follow-ups */
  gint64    *due;                  /* G_MAXINT64: none */
  guint8    *state;                /* ListState */
} ListOpenData;

typedef enum
{
  LIST_DONE,
  LIST_OPEN,
  LIST_ON_MAIN,                    /* parsed already: read on the main thread */
} ListState;

static void
list_open_data_free (ListOpenData *data)
{
  g_ptr_array_unref (data->all);
  g_free (data->due);
  g_free (data->state);
  g_free (data);
}

static void
list_open_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ListOpenData *data = task_data;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  for (guint i = 0; i < data->all->len; i++)
    {
      gsize len = 0;
      char *json;
      JsonNode *root;

      if (i % 256 == 0 && g_task_return_error_if_cancelled (task))
        return;

      /* the text is copied under the record's lock: safe on this thread */
      json = lin_record_dup_unparsed_json (data->all->pdata[i], &len);
      if (json == NULL)
        {
          data->state[i] = LIST_ON_MAIN;
          continue;
        }

      data->state[i] = LIST_DONE;
      if (json_parser_load_from_data (parser, json, (gssize)len, NULL) &&
          (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
          !object_get_bool (json_node_get_object (root), LIN_FOLLOW_UP_FIELD_DONE, FALSE))
        {
          data->state[i] = LIST_OPEN;
          data->due[i] = time_member (json_node_get_object (root), LIN_FOLLOW_UP_FIELD_DUE, G_MAXINT64);
        }
      sodium_memzero (json, len);
      g_free (json);
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * lin_follow_up_list_open_async:
 * @store: a #LinStore
 * @cancellable: (nullable): a #GCancellable; cancel it when the store
 *   closes, so that no record is held past it
 * @callback: called on this thread when the list is made
 * @user_data: for @callback
 *
 * lin_follow_up_list_open(), reading the follow-ups in a thread: a
 * profile of years holds some 100,000, half a second of the main thread.
 */
void
lin_follow_up_list_open_async (LinStore            *store,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ListOpenData *data;

  g_return_if_fail (LIN_IS_STORE (store));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ListOpenData, 1);
  data->all = lin_store_list (store, LIN_FOLLOW_UP_KIND);
  data->due = g_new (gint64, data->all->len);
  data->state = g_new0 (guint8, data->all->len);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, lin_follow_up_list_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify)list_open_data_free);
  g_task_run_in_thread (task, list_open_thread);
}

/**
 * lin_follow_up_list_open_finish:
 * @store: a #LinStore
 * @result: the #GAsyncResult given to the callback
 * @error: a location for a #GError (%G_IO_ERROR_CANCELLED)
 *
 * Returns: (transfer container) (element-type LinRecord) (nullable): the
 *   follow-ups not done when they were listed, soonest due first
 */
GPtrArray *
lin_follow_up_list_open_finish (LinStore      *store,
                                GAsyncResult  *result,
                                GError       **error)
{
  ListOpenData *data;
  g_autoptr(GHashTable) due = NULL;
  GPtrArray *out;

  g_return_val_if_fail (LIN_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  data = g_task_get_task_data (G_TASK (result));
  out = g_ptr_array_new_with_free_func (g_object_unref);
  due = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < data->all->len; i++)
    {
      LinRecord *follow_up = data->all->pdata[i];

      if (data->state[i] == LIST_ON_MAIN)
        {
          JsonObject *fields = lin_record_get_fields (follow_up);

          if (object_get_bool (fields, LIN_FOLLOW_UP_FIELD_DONE, FALSE))
            continue;
          data->due[i] = time_member (fields, LIN_FOLLOW_UP_FIELD_DUE, G_MAXINT64);
        }
      else if (data->state[i] != LIST_OPEN)
        {
          continue;
        }

      g_hash_table_insert (due, follow_up, &data->due[i]);
      g_ptr_array_add (out, g_object_ref (follow_up));
    }

  g_ptr_array_sort_with_data (out, compare_due, due);

  return out;
}

/**
 * lin_follow_up_count_overdue:
 * @store: a #LinStore
 * @now: the time to judge at
 *
 * Returns: the open follow-ups due before @now
 */
guint
lin_follow_up_count_overdue (LinStore  *store,
                             GDateTime *now)
{
  g_autoptr(GPtrArray) all = NULL;
  guint n = 0;

  g_return_val_if_fail (LIN_IS_STORE (store), 0);
  g_return_val_if_fail (now != NULL, 0);

  all = lin_store_list (store, LIN_FOLLOW_UP_KIND);
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(JsonObject) object = lin_record_peek_fields (all->pdata[i]);

      if (lin_follow_up_state_for (time_member (object, LIN_FOLLOW_UP_FIELD_DUE, 0),
                                   object_get_bool (object, LIN_FOLLOW_UP_FIELD_DONE, FALSE),
                                   now) == LIN_FOLLOW_UP_OVERDUE)
        n++;
    }

  return n;
}

/* Shift handover */

typedef struct
{
  gint64        started;
  LinRiskLevel  level;
  const char   *district;   /* interned, or NULL */
  gint64        due;        /* its open follow-up, or 0 */
} HandoverCall;

static char *
format_local (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, lin_call_get_time_zone ());

  /* Translators: how the shift handover shows a date and time, in
   * g_date_time_format()'s notation: "25.11.2026. 19:42" in Serbian */
  return g_date_time_format (local, C_("handover time", "%Y-%m-%d %H:%M"));
}

static const char *
district_label (const char *district)
{
  const LinPlace *place = district != NULL ? lin_places_lookup (district) : NULL;

  if (place != NULL)
    return lin_place_get_name (place, lin_places_use_latin ());

  /* Translators: in the shift handover, a call without a district */
  return C_("handover district", "district unknown");
}

static int
compare_handover_calls (gconstpointer a,
                        gconstpointer b)
{
  const HandoverCall *x = a, *y = b;

  return (x->started > y->started) - (x->started < y->started);
}

static int
compare_handover_due (gconstpointer a,
                      gconstpointer b)
{
  const HandoverCall *x = a, *y = b;

  return (x->due > y->due) - (x->due < y->due);
}

/**
 * lin_call_handover_summary:
 * @store: a #LinStore
 * @from: when the shift began
 * @to: when it ended
 *
 * The summary a shift hands to the next: how many calls, the high-risk
 * calls (time, district, risk level, follow-up due) and the open
 * follow-ups (due time, district). It holds no caller code, no note, no
 * free text and no municipality: it is attached to the roster, which
 * more people see than the calls.
 *
 * Returns: (transfer full): plain text in the user's language
 */
char *
lin_call_handover_summary (LinStore  *store,
                           GDateTime *from,
                           GDateTime *to)
{
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GArray) high = g_array_new (FALSE, FALSE, sizeof (HandoverCall));
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (HandoverCall));
  g_autoptr(GHashTable) follow_ups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) open_list = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  GString *out;
  gint64 from_unix, to_unix;
  guint64 hlc_floor;
  guint n_calls = 0, n_overdue = 0;

  g_return_val_if_fail (LIN_IS_STORE (store), NULL);
  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);

  from_unix = g_date_time_to_unix (from);
  to_unix = g_date_time_to_unix (to);
  hlc_floor = from_unix * 1000 > HANDOVER_CLOCK_SLACK_MS
              ? ((guint64)(from_unix * 1000 - HANDOVER_CLOCK_SLACK_MS)) << 16 : 0;

  /* the open follow-ups, by the call they follow up */
  open_list = lin_follow_up_list_open (store);
  for (guint i = 0; i < open_list->len; i++)
    {
      const char *call_id = lin_record_get_string (open_list->pdata[i], LIN_FOLLOW_UP_FIELD_CALL_ID);

      if (call_id != NULL)
        g_hash_table_insert (follow_ups, (gpointer)call_id, open_list->pdata[i]);
    }

  /* a call saved before the shift began cannot have started in it: those
   * are not parsed at all */
  calls = lin_store_list (store, LIN_CALL_KIND);
  for (guint i = 0; i < calls->len; i++)
    {
      LinRecord *call = calls->pdata[i];
      g_autoptr(JsonObject) object = NULL;
      LinRecord *follow_up;
      HandoverCall entry = { 0 };
      JsonNode *risk;

      if (lin_record_get_hlc (call) < hlc_floor)
        continue;

      object = lin_record_peek_fields (call);
      entry.started = time_member (object, LIN_CALL_FIELD_STARTED, 0);
      if (entry.started < from_unix || entry.started >= to_unix)
        continue;

      n_calls++;
      risk = json_object_get_member (object, LIN_CALL_FIELD_RISK);
      entry.level = risk != NULL && JSON_NODE_HOLDS_OBJECT (risk)
                    ? level_member (json_node_get_object (risk), LIN_RISK_FIELD_FINAL_LEVEL)
                    : LIN_RISK_LEVEL_NONE;
      entry.district = g_intern_string (object_get_string (object, LIN_CALL_FIELD_DISTRICT));

      follow_up = g_hash_table_lookup (follow_ups, lin_record_get_id_string (call));
      if (follow_up != NULL)
        entry.due = time_member (lin_record_get_fields (follow_up), LIN_FOLLOW_UP_FIELD_DUE, 0);

      if (entry.level == LIN_RISK_LEVEL_HIGH)
        g_array_append_val (high, entry);
    }

  /* the open follow-ups due before the next shift is over, and those of
   * this shift's calls whenever they are due */
  for (guint i = 0; i < open_list->len; i++)
    {
      LinRecord *follow_up = open_list->pdata[i];
      const char *call_id = lin_record_get_string (follow_up, LIN_FOLLOW_UP_FIELD_CALL_ID);
      LinRecord *call = call_id != NULL ? lin_store_get (store, call_id) : NULL;
      g_autoptr(JsonObject) object = call != NULL ? lin_record_peek_fields (call) : NULL;
      HandoverCall entry = { 0 };

      entry.due = time_member (lin_record_get_fields (follow_up), LIN_FOLLOW_UP_FIELD_DUE, 0);
      if (object != NULL)
        {
          entry.started = time_member (object, LIN_CALL_FIELD_STARTED, 0);
          entry.district = g_intern_string (object_get_string (object, LIN_CALL_FIELD_DISTRICT));
        }

      if (entry.due >= to_unix + HANDOVER_AHEAD / G_TIME_SPAN_SECOND &&
          (entry.started < from_unix || entry.started >= to_unix))
        continue;

      if (entry.due < to_unix)
        n_overdue++;
      g_array_append_val (open, entry);
    }

  g_array_sort (high, compare_handover_calls);
  g_array_sort (open, compare_handover_due);

  from_text = format_local (from_unix);
  to_text = format_local (to_unix);
  out = g_string_new (NULL);

  /* Translators: the first line of the shift handover; %1$s and %2$s
   * are when the shift began and ended */
  g_string_append_printf (out, _("Shift handover, %1$s – %2$s"), from_text, to_text);
  g_string_append (out, "\n\n");

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u call during the shift.",
                                            "%u calls during the shift.", n_calls), n_calls);
  g_string_append_c (out, '\n');

  if (high->len == 0)
    g_string_append (out, _("No high-risk calls."));
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u high-risk call:",
                                              "%u high-risk calls:", high->len), high->len);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < high->len; i++)
    {
      HandoverCall *entry = &g_array_index (high, HandoverCall, i);
      g_autofree char *started = format_local (entry->started);

      g_string_append (out, "  • ");
      if (entry->due != 0)
        {
          g_autofree char *due = format_local (entry->due);

          /* Translators: a high-risk call in the shift handover: %1$s when
           * it began, %2$s its district, %3$s when its follow-up is due */
          g_string_append_printf (out, _("%1$s, %2$s, follow-up due %3$s"),
                                  started, district_label (entry->district), due);
        }
      else
        {
          /* Translators: a high-risk call in the shift handover: %1$s when
           * it began, %2$s its district; it has no follow-up */
          g_string_append_printf (out, _("%1$s, %2$s, no follow-up planned"),
                                  started, district_label (entry->district));
        }
      g_string_append_c (out, '\n');
    }

  g_string_append_c (out, '\n');
  if (open->len == 0)
    g_string_append (out, _("No open follow-ups."));
  else if (n_overdue > 0)
    /* Translators: %1$u open follow-ups, %2$u of them overdue at the end of the shift */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%1$u open follow-up, %2$u overdue:",
                                              "%1$u open follow-ups, %2$u overdue:", open->len),
                            open->len, n_overdue);
  else
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u open follow-up:",
                                              "%u open follow-ups:", open->len), open->len);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < open->len; i++)
    {
      HandoverCall *entry = &g_array_index (open, HandoverCall, i);
      g_autofree char *due = format_local (entry->due);

      g_string_append (out, "  • ");
      if (entry->due < to_unix)
        /* Translators: an overdue follow-up in the shift handover: %1$s
         * when it was due, %2$s the district of the call */
        g_string_append_printf (out, _("due %1$s (overdue), %2$s"), due, district_label (entry->district));
      else
        /* Translators: an open follow-up in the shift handover: %1$s when
         * it is due, %2$s the district of the call */
        g_string_append_printf (out, _("due %1$s, %2$s"), due, district_label (entry->district));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
