/* lin-demo.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fictional calls for the demo profile, the tests and the benchmarks.
 * Every one is made up: no person, story or caller code is real, and
 * every record says so ("demo": true). The proportions are plausible for a
 * Serbian SOS line, after what the women's organisations publish in their
 * yearly reports, not measured: most calls are about herself, by phone,
 * in Serbian, some in Romani; psychological and physical violence lead;
 * the perpetrator is most often a partner or former partner; about one
 * call in eight is high risk; a third get a follow-up, due a day to a
 * week or two later, and like a line's own, most of those that fell due
 * are done within hours or days with an outcome: a few, mostly recent,
 * are overdue and the latest are upcoming; about one in ten is silent or
 * hung up.
 *
 * The demo directory (lin_demo_add_services) is made up the same way:
 * see "The demo directory" below.
 *
 * The same seed gives the same fields (record ids are random, as always).
 */

#define G_LOG_DOMAIN "lin-demo"

#include "config.h"

#include <string.h>

#include "lin-call.h"
#include "lin-codes.h"
#include "lin-demo.h"
#include "lin-directory.h"
#include "lin-hours.h"
#include "lin-places.h"
#include "lin-roster-fill.h"
#include "lin-translit.h"

/* how far back the calls go */
#define DEMO_DAYS 180

typedef struct
{
  const char *code;
  guint       weight;
} Weighted;

typedef struct
{
  const char *municipality;
  guint       weight;
} Place;

static const Weighted channels[] = {
  { "phone", 70 }, { "viber-call", 10 }, { "message", 8 }, { "email", 3 }, { "messenger", 4 },
  { "in-person", 5 },
};

static const Weighted call_types[] = {
  { "self", 60 }, { "on-behalf", 10 }, { "information", 9 }, { "follow-up", 7 }, { "silent", 5 },
  { "hung-up", 5 }, { "abusive", 3 }, { "test", 1 },
};

static const Weighted languages[] = {
  { "sr", 86 }, { "rom", 8 }, { "hu", 3 }, { "sign", 1 }, { "other", 2 },
};

static const Weighted age_groups[] = {
  { "under-18", 1 }, { "18-25", 12 }, { "26-35", 28 }, { "36-45", 27 }, { "46-55", 16 },
  { "56-65", 9 }, { "over-65", 5 }, { "unknown", 2 },
};

static const Weighted violence_forms[] = {
  /* weight: per cent of calls that name it */
  { "psychological", 88 }, { "physical", 55 }, { "threats-control", 35 }, { "economic", 30 },
  { "stalking", 12 }, { "sexual", 10 }, { "digital", 10 }, { "sexual-harassment", 4 },
  { "forced-marriage", 1 }, { "other", 2 },
};

static const Weighted perpetrators[] = {
  { "partner", 50 }, { "former-partner", 25 }, { "father", 5 }, { "son", 5 }, { "other-family", 5 },
  { "mother", 2 }, { "acquaintance", 3 }, { "colleague-employer", 2 }, { "stranger", 1 },
  { "professional", 1 }, { "unknown", 1 },
};

static const Weighted violence_durations[] = {
  { "once", 5 }, { "under-month", 8 }, { "months", 22 }, { "1-5-years", 35 }, { "over-5-years", 25 },
  { "unknown", 5 },
};

static const Weighted last_incidents[] = {
  { "today", 25 }, { "this-week", 30 }, { "this-month", 20 }, { "earlier", 20 }, { "unknown", 5 },
};

static const Weighted reported_to[] = {
  /* per cent */
  { "police", 35 }, { "csw", 20 }, { "health", 8 }, { "court", 5 },
};

static const Weighted protection_measures[] = {
  { "none", 60 }, { "urgent-measures", 15 }, { "court-order", 8 }, { "criminal-measure", 3 },
  { "unknown", 14 },
};

static const Weighted services[] = {
  /* per cent */
  { "emotional-support", 90 }, { "rights-information", 50 }, { "safety-planning", 30 },
  { "legal-information", 25 }, { "crisis-intervention", 10 }, { "service-information", 30 },
  { "other", 3 },
};

static const Weighted service_types[] = {
  { "csw", 30 }, { "police", 20 }, { "legal-aid", 20 }, { "shelter", 8 }, { "health", 8 },
  { "ngo", 10 }, { "sos-line", 2 }, { "prosecution", 2 },
};

static const Weighted referral_statuses[] = {
  { "referred", 70 }, { "declined", 15 }, { "already-in-contact", 10 }, { "unavailable", 5 },
};

static const Weighted contact_methods[] = {
  { "phone-call", 55 }, { "she-calls", 20 }, { "viber", 12 }, { "sms", 8 }, { "email", 3 },
  { "in-person", 2 },
};

static const Weighted outcomes[] = {
  { "reached", 60 }, { "not-reached", 25 }, { "rescheduled", 10 }, { "closed", 5 },
};

/* Where the calls come from: the cities with the busiest lines weigh most */
static const Place places[] = {
  { "rs-beograd-zvezdara", 9 }, { "rs-beograd-novi-beograd", 9 },
  { "rs-beograd-palilula", 7 }, { "rs-beograd-cukarica", 6 },
  { "rs-novi-sad", 12 }, { "rs-nis-medijana", 6 }, { "rs-nis-palilula", 4 },
  { "rs-kragujevac", 6 }, { "rs-subotica", 4 }, { "rs-leskovac", 4 },
  { "rs-vranje", 3 }, { "rs-kraljevo", 3 }, { "rs-novi-pazar", 3 },
  { "rs-cacak", 3 }, { "rs-zrenjanin", 3 }, { "rs-pancevo", 3 },
  { "rs-sabac", 3 }, { "rs-smederevo", 2 }, { "rs-uzice", 2 },
  { "rs-krusevac", 3 }, { "rs-pirot", 1 }, { "rs-prokuplje", 1 },
  { "rs-zajecar", 1 }, { "rs-valjevo", 2 }, { "rs-sombor", 2 },
  { "rs-kikinda", 1 }, { "rs-sremska-mitrovica", 2 }, { "rs-jagodina", 2 },
  { "rs-pozarevac", 2 }, { "rs-bor", 1 },
};

/* Hours of the day a call begins, weighted: evenings and nights are busy */
static const guint hour_weights[24] = {
  3, 2, 2, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 7, 7, 7, 7, 8, 9, 10, 10, 9, 7, 5,
};

/* Made-up texts, the kind a counsellor types */
static const char * const notes[] = {
  "Позвала из продавнице, кратко. Договориле смо да се јави када буде сама.",
  "Звучала је уплашено. Дале смо јој број 192 и прошле безбедносни план.",
  "Pitala za proceduru u CSR; objašnjeno kako da zakaže razgovor.",
  "Drugi put zove ove nedelje. Kaže da je situacija mirnija, ali ne veruje da će potrajati.",
  "Прича о деци, брине за старијег сина. Упућена на саветовалиште.",
  "Tražila informacije o besplatnoj pravnoj pomoći u svom gradu.",
  "Позив је прекинут на пола разговора; није се поново јавила.",
  "Rekla da ima gde da ode kod sestre ako bude trebalo.",
  "Dugo je ćutala na početku. Na kraju je rekla da će razmisliti o prijavi.",
  "Жели да разговара само са саветницом која говори ромски.",
};

static const char * const safe_times[] = {
  "радним данима 9–13", "posle 10 ujutru", "викендом пре подне", "samo kad ona pozove",
  "уторком и четвртком после 17", "između 12 i 14",
};

static const char * const code_words[] = {
  "ружа", "kafa", "разгледница", "plavi kaput", "пекара", "komšinica",
};

static const char * const referral_texts[] = {
  "ЦСР у месту становања", "PU, dežurna služba", "Бесплатна правна помоћ општине",
  "Sigurna kuća", "Дом здравља, служба за психијатрију", "Lokalna ženska organizacija",
};

static const char * const judgement_reasons[] = {
  "Rekla da je nabavio pištolj; u upitniku nije odgovorila.",
  "Праћење се појачало у последња два дана.",
  "Ona sama procenjuje da je u većoj opasnosti nego ranije.",
};

static const char *
pick (GRand          *rand,
      const Weighted *table,
      guint           n)
{
  guint total = 0, r;

  for (guint i = 0; i < n; i++)
    total += table[i].weight;

  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < table[i].weight)
        return table[i].code;
      r -= table[i].weight;
    }

  return table[n - 1].code;
}

#define PICK(rand, table) pick ((rand), (table), G_N_ELEMENTS (table))

static gboolean
chance (GRand *rand,
        double p)
{
  return g_rand_double (rand) < p;
}

static const char *
pick_text (GRand              *rand,
           const char * const *texts,
           guint               n)
{
  return texts[g_rand_int_range (rand, 0, n)];
}

#define PICK_TEXT(rand, texts) pick_text ((rand), (texts), G_N_ELEMENTS (texts))

/* Each table names codes of one list: a code the list lacks is a bug here */
static gboolean
check_table (const char      *list_name,
             const Weighted  *table,
             guint            n,
             GError         **error)
{
  const LinCodeList *list = lin_code_list_get (list_name);

  for (guint i = 0; i < n; i++)
    if (list == NULL || lin_code_list_lookup (list, table[i].code) == NULL)
      {
        g_set_error (error, LIN_CALL_ERROR, LIN_CALL_ERROR_UNKNOWN_CODE,
                     "The demo uses “%s”, which is not a code of the list “%s”", table[i].code, list_name);
        return FALSE;
      }

  return TRUE;
}

#define CHECK_TABLE(list, table, error) check_table ((list), (table), G_N_ELEMENTS (table), (error))

static gboolean
check_places (GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (lin_places_lookup (places[i].municipality) == NULL)
      {
        g_set_error (error, LIN_CALL_ERROR, LIN_CALL_ERROR_UNKNOWN_CODE,
                     "The demo uses “%s”, which is not a place", places[i].municipality);
        return FALSE;
      }

  return TRUE;
}

static gboolean
check_tables (GError **error)
{
  return CHECK_TABLE ("channel", channels, error) &&
         CHECK_TABLE ("call-type", call_types, error) &&
         CHECK_TABLE ("language", languages, error) &&
         CHECK_TABLE ("age-group", age_groups, error) &&
         CHECK_TABLE ("violence-form", violence_forms, error) &&
         CHECK_TABLE ("perpetrator", perpetrators, error) &&
         CHECK_TABLE ("violence-duration", violence_durations, error) &&
         CHECK_TABLE ("last-incident", last_incidents, error) &&
         CHECK_TABLE ("reported-to", reported_to, error) &&
         CHECK_TABLE ("protection-measure", protection_measures, error) &&
         CHECK_TABLE ("service-given", services, error) &&
         CHECK_TABLE ("service-type", service_types, error) &&
         CHECK_TABLE ("referral-status", referral_statuses, error) &&
         CHECK_TABLE ("contact-method", contact_methods, error) &&
         CHECK_TABLE ("follow-up-outcome", outcomes, error) &&
         check_places (error);
}

static JsonArray *
codes_by_percent (GRand          *rand,
                  const Weighted *table,
                  guint           n)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < n; i++)
    if (chance (rand, table[i].weight / 100.0))
      json_array_add_string_element (array, table[i].code);

  return array;
}

static const char *
answer (GRand  *rand,
        double  yes,
        double  unknown)
{
  double r = g_rand_double (rand);

  return r < yes ? "yes" : r < yes + unknown ? "unknown" : "no";
}

/* A random time in the DEMO_DAYS days before @until, at a plausible hour */
static GDateTime *
random_start (GRand     *rand,
              GDateTime *until)
{
  g_autoptr(GDateTime) local_until = g_date_time_to_timezone (until, lin_call_get_time_zone ());

  for (;;)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (local_until, -g_rand_int_range (rand, 0, DEMO_DAYS));
      GDateTime *start;
      guint total = 0, r, hour = 0;
      int y, m, d;

      for (guint i = 0; i < 24; i++)
        total += hour_weights[i];
      r = g_rand_int_range (rand, 0, total);
      while (r >= hour_weights[hour])
        r -= hour_weights[hour++];

      g_date_time_get_ymd (day, &y, &m, &d);
      start = g_date_time_new (lin_call_get_time_zone (), y, m, d, hour,
                               g_rand_int_range (rand, 0, 60), g_rand_int_range (rand, 0, 60));
      if (start != NULL && g_date_time_compare (start, until) < 0)
        return start;
      g_clear_pointer (&start, g_date_time_unref);
    }
}

static void
add_risk (GRand      *rand,
          JsonObject *call)
{
  LinRiskChecklist *checklist = lin_risk_checklist_get_default ();
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *risk = json_object_new ();
  JsonObject *answer_object = json_object_new ();
  guint n = lin_risk_checklist_get_n_items (checklist);
  double profile = g_rand_double (rand);
  double yes;
  int critical = -1;
  LinRiskScore score;
  LinRiskLevel judged, final;
  const char *reason = NULL;

  /* about one in eight high, mostly through a critical item */
  if (profile < 0.08)
    {
      guint n_critical = 0;

      for (guint i = 0; i < n; i++)
        n_critical += lin_risk_checklist_get_item_critical (checklist, i);
      if (n_critical > 0)
        {
          guint k = g_rand_int_range (rand, 0, n_critical);

          for (guint i = 0; i < n && critical < 0; i++)
            if (lin_risk_checklist_get_item_critical (checklist, i) && k-- == 0)
              critical = i;
        }
      yes = 0.45;
    }
  else if (profile < 0.35)
    yes = 0.17;
  else
    yes = 0.06;

  for (guint i = 0; i < n; i++)
    {
      const char *code = lin_risk_checklist_get_item_code (checklist, i);
      const char *a;

      if ((int)i == critical)
        a = "yes";
      else if (lin_risk_checklist_get_item_critical (checklist, i) && critical < 0)
        a = answer (rand, 0, 0.1);   /* no critical item unless chosen */
      else
        a = answer (rand, yes, 0.1);

      json_object_set_string_member (answer_object, code, a);
      g_hash_table_insert (answers, (gpointer)code,
                           GINT_TO_POINTER (g_str_equal (a, "yes") ? LIN_RISK_ANSWER_YES :
                                            g_str_equal (a, "no") ? LIN_RISK_ANSWER_NO :
                                                                    LIN_RISK_ANSWER_UNKNOWN));
    }

  lin_risk_checklist_score (checklist, answers, &score);

  /* now and then the counsellor's judgement raises the level */
  judged = score.level;
  if (score.level != LIN_RISK_LEVEL_HIGH && chance (rand, 0.03))
    {
      judged = score.level + 1;
      reason = PICK_TEXT (rand, judgement_reasons);
    }
  final = lin_risk_apply_judgement (score.level, judged, reason, NULL);

  json_object_set_string_member (risk, LIN_RISK_FIELD_CHECKLIST, lin_risk_checklist_get_id (checklist));
  json_object_set_int_member (risk, LIN_RISK_FIELD_VERSION, lin_risk_checklist_get_version (checklist));
  json_object_set_object_member (risk, LIN_RISK_FIELD_ANSWERS, answer_object);
  json_object_set_int_member (risk, LIN_RISK_FIELD_SCORE, score.score);
  json_object_set_string_member (risk, LIN_RISK_FIELD_LEVEL, lin_risk_level_to_code (score.level));
  if (reason != NULL)
    {
      json_object_set_string_member (risk, LIN_RISK_FIELD_JUDGED_LEVEL, lin_risk_level_to_code (judged));
      json_object_set_string_member (risk, LIN_RISK_FIELD_JUDGEMENT_REASON, reason);
    }
  json_object_set_string_member (risk, LIN_RISK_FIELD_FINAL_LEVEL, lin_risk_level_to_code (final));

  json_object_set_object_member (call, LIN_CALL_FIELD_RISK, risk);
  json_object_set_boolean_member (call, LIN_CALL_FIELD_FLAGGED, final == LIN_RISK_LEVEL_HIGH);
}

static void
add_caller (GRand      *rand,
            JsonObject *call,
            const char *language,
            guint       n_codes)
{
  const Place *place;
  guint total = 0, r;
  guint children;

  /* a third give a caller code; a pool small enough for repeat callers */
  if (chance (rand, 0.35))
    {
      guint k = g_rand_int_range (rand, 0, n_codes);
      g_autofree char *code = g_strdup_printf ("%c%c-%03u", 'A' + (k * 7) % 26, 'A' + (k * 11 + 3) % 26, k % 1000);

      json_object_set_string_member (call, LIN_CALL_FIELD_CALLER_CODE, code);
      json_object_set_string_member (call, LIN_CALL_FIELD_CONTACT, chance (rand, 0.6) ? "repeat" : "first");
    }
  else
    {
      json_object_set_string_member (call, LIN_CALL_FIELD_CONTACT,
                                     chance (rand, 0.7) ? "first" : chance (rand, 0.5) ? "repeat" : "unknown");
    }

  json_object_set_string_member (call, LIN_CALL_FIELD_AGE_GROUP, PICK (rand, age_groups));

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    total += places[i].weight;
  r = g_rand_int_range (rand, 0, total);
  place = &places[0];
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      if (r < places[i].weight)
        {
          place = &places[i];
          break;
        }
      r -= places[i].weight;
    }
  if (chance (rand, 0.92))
    {
      json_object_set_string_member (call, LIN_CALL_FIELD_MUNICIPALITY, place->municipality);
      json_object_set_string_member (call, LIN_CALL_FIELD_DISTRICT,
                                     lin_place_get_district (lin_places_lookup (place->municipality)));
    }

  if (g_str_equal (language, "rom"))
    json_object_set_string_member (call, LIN_CALL_FIELD_ROMA, "yes");
  else if (chance (rand, 0.6))
    json_object_set_string_member (call, LIN_CALL_FIELD_ROMA, answer (rand, 0.05, 0.3));

  if (chance (rand, 0.08))
    {
      const LinCodeList *list = lin_code_list_get ("disability");
      JsonArray *array = json_array_new ();
      const LinCode *code = lin_code_list_get_code (list, g_rand_int_range (rand, 0, lin_code_list_get_n_codes (list)));

      json_array_add_string_element (array, code->code);
      json_object_set_array_member (call, LIN_CALL_FIELD_DISABILITY, array);
      if (g_str_equal (code->code, "hearing"))
        json_object_set_string_member (call, LIN_CALL_FIELD_ACCESSIBILITY_NEEDS, "тумач за знаковни језик");
    }

  children = g_rand_int_range (rand, 0, 10);
  children = children < 3 ? 0 : children < 6 ? 1 : children < 9 ? 2 : 3;
  json_object_set_int_member (call, LIN_CALL_FIELD_CHILDREN_COUNT, children);
  if (children > 0)
    json_object_set_string_member (call, LIN_CALL_FIELD_CHILDREN_WITNESS, answer (rand, 0.6, 0.15));
  json_object_set_string_member (call, LIN_CALL_FIELD_PREGNANT, answer (rand, 0.04, 0.2));
}

static void
add_violence (GRand      *rand,
              JsonObject *call)
{
  JsonArray *forms = codes_by_percent (rand, violence_forms, G_N_ELEMENTS (violence_forms));
  JsonArray *who = json_array_new ();
  JsonArray *reported = codes_by_percent (rand, reported_to, G_N_ELEMENTS (reported_to));
  JsonArray *measures = json_array_new ();
  const char *perpetrator = PICK (rand, perpetrators);

  if (json_array_get_length (forms) == 0)
    json_array_add_string_element (forms, "psychological");
  json_object_set_array_member (call, LIN_CALL_FIELD_VIOLENCE_FORMS, forms);

  json_array_add_string_element (who, perpetrator);
  if (chance (rand, 0.08))
    {
      const char *second = PICK (rand, perpetrators);

      if (!g_str_equal (second, perpetrator))
        json_array_add_string_element (who, second);
    }
  json_object_set_array_member (call, LIN_CALL_FIELD_PERPETRATORS, who);

  json_object_set_string_member (call, LIN_CALL_FIELD_LIVING_TOGETHER,
                                 g_str_equal (perpetrator, "partner") ? answer (rand, 0.7, 0.02)
                                 : g_str_equal (perpetrator, "former-partner") ? answer (rand, 0.15, 0.02)
                                 : answer (rand, 0.4, 0.05));
  json_object_set_string_member (call, LIN_CALL_FIELD_VIOLENCE_DURATION, PICK (rand, violence_durations));
  json_object_set_string_member (call, LIN_CALL_FIELD_LAST_INCIDENT, PICK (rand, last_incidents));

  if (json_array_get_length (reported) == 0)
    json_array_add_string_element (reported, chance (rand, 0.9) ? "none" : "unknown");
  json_object_set_array_member (call, LIN_CALL_FIELD_REPORTED_BEFORE, reported);

  json_array_add_string_element (measures, PICK (rand, protection_measures));
  json_object_set_array_member (call, LIN_CALL_FIELD_PROTECTION_MEASURES, measures);
}

static void
add_support (GRand      *rand,
             JsonObject *call,
             gboolean    high)
{
  JsonArray *given = codes_by_percent (rand, services, G_N_ELEMENTS (services));
  JsonArray *referrals = json_array_new ();

  if (high && !chance (rand, 0.3))
    {
      /* what a high-risk call brings: a safety plan, often crisis work */
      gboolean has_plan = FALSE;

      for (guint i = 0; i < json_array_get_length (given); i++)
        has_plan |= g_str_equal (json_array_get_string_element (given, i), "safety-planning");
      if (!has_plan)
        json_array_add_string_element (given, "safety-planning");
    }
  if (json_array_get_length (given) == 0)
    json_array_add_string_element (given, "emotional-support");
  json_object_set_array_member (call, LIN_CALL_FIELD_SERVICES, given);

  if (chance (rand, high ? 0.8 : 0.35))
    {
      guint n = chance (rand, 0.3) ? 2 : 1;

      for (guint i = 0; i < n; i++)
        {
          JsonObject *referral = json_object_new ();

          json_object_set_string_member (referral, LIN_REFERRAL_FIELD_SERVICE_TYPE,
                                         high && i == 0 ? (chance (rand, 0.5) ? "police" : "shelter")
                                                        : PICK (rand, service_types));
          json_object_set_string_member (referral, LIN_REFERRAL_FIELD_TEXT, PICK_TEXT (rand, referral_texts));
          json_object_set_string_member (referral, LIN_REFERRAL_FIELD_STATUS, PICK (rand, referral_statuses));
          json_array_add_object_element (referrals, referral);
        }
    }
  json_object_set_array_member (call, LIN_CALL_FIELD_REFERRALS, referrals);

  json_object_set_boolean_member (call, LIN_CALL_FIELD_CONSENT_STATISTICS, chance (rand, 0.95));
}

static void
clear_record (gpointer record)
{
  g_clear_object (&record);
}

static LinRecord *
make_follow_up (GRand      *rand,
                LinRecord  *call,
                GDateTime  *started)
{
  /* mostly in the next days; some after a hearing or a move, later */
  int days = chance (rand, 0.65) ? g_rand_int_range (rand, 1, 4) : g_rand_int_range (rand, 4, 15);
  g_autoptr(GDateTime) day = g_date_time_add_days (started, days);
  g_autoptr(GDateTime) due = NULL;
  LinRecord *follow_up;
  int y, m, d;

  g_date_time_get_ymd (day, &y, &m, &d);
  due = g_date_time_new (lin_call_get_time_zone (), y, m, d, g_rand_int_range (rand, 9, 19),
                         g_rand_boolean (rand) ? 0 : 30, 0);

  follow_up = lin_follow_up_new (call, due, PICK (rand, contact_methods),
                                 chance (rand, 0.7) ? PICK_TEXT (rand, safe_times) : NULL,
                                 chance (rand, 0.3) ? PICK_TEXT (rand, code_words) : NULL);
  json_object_set_boolean_member (lin_record_get_fields (follow_up), LIN_CALL_FIELD_DEMO, TRUE);

  return follow_up;
}

static gint64
follow_up_due (LinRecord *follow_up)
{
  g_autoptr(GDateTime) due = lin_call_parse_time (lin_record_get_string (follow_up, LIN_FOLLOW_UP_FIELD_DUE));

  return g_date_time_to_unix (due);
}

static int
compare_newest_due_first (gconstpointer a,
                          gconstpointer b)
{
  gint64 due_a = follow_up_due (*(LinRecord **)a);
  gint64 due_b = follow_up_due (*(LinRecord **)b);

  return due_a < due_b ? 1 : due_a > due_b ? -1 : 0;
}

/* Done with an outcome: within hours of its time, or after tries over
 * the next days that did not reach her; never after @until */
static void
mark_done (GRand     *rand,
           LinRecord *follow_up,
           GDateTime *until)
{
  g_autoptr(GDateTime) due = lin_call_parse_time (lin_record_get_string (follow_up, LIN_FOLLOW_UP_FIELD_DUE));
  JsonObject *object = lin_record_get_fields (follow_up);
  double since = g_date_time_difference (until, due) / (double)G_TIME_SPAN_MINUTE;
  int minutes = chance (rand, 0.75) ? g_rand_int_range (rand, 0, 240) : g_rand_int_range (rand, 24 * 60, 72 * 60);
  g_autoptr(GDateTime) done_at = NULL;
  g_autofree char *when = NULL;

  if (minutes > since)
    minutes = g_rand_int_range (rand, 0, MAX (1, (int)since));
  done_at = g_date_time_add_minutes (due, minutes);
  when = lin_call_format_time (done_at);

  json_object_set_boolean_member (object, LIN_FOLLOW_UP_FIELD_DONE, TRUE);
  json_object_set_string_member (object, LIN_FOLLOW_UP_FIELD_OUTCOME, PICK (rand, outcomes));
  json_object_set_string_member (object, LIN_FOLLOW_UP_FIELD_DONE_AT, when);
}

/* Which follow-ups that fell due before @until are done, once all are
 * made: a line works through them in the order they fell due, so those
 * still in hand are the latest: the very last of the past week always
 * (she has not been reached yet), each one before it less often; one left
 * open for more than a week is a rare one forgotten. Those due after
 * @until are upcoming. */
static void
close_follow_ups (GRand     *rand,
                  GPtrArray *follow_ups,
                  GDateTime *until)
{
  g_autoptr(GPtrArray) past = g_ptr_array_new ();
  gint64 now = g_date_time_to_unix (until);
  double open = 1.0;

  for (guint i = 0; i < follow_ups->len; i++)
    if (follow_up_due (g_ptr_array_index (follow_ups, i)) < now)
      g_ptr_array_add (past, g_ptr_array_index (follow_ups, i));
  /* a stable sort: the same seed, the same order */
  g_ptr_array_sort (past, compare_newest_due_first);

  for (guint i = 0; i < past->len; i++)
    {
      LinRecord *follow_up = g_ptr_array_index (past, i);

      if (now - follow_up_due (follow_up) < 7 * 24 * 3600)
        {
          gboolean still_open = chance (rand, open);

          open *= 0.6;
          if (still_open)
            continue;
        }
      else if (chance (rand, 0.005))
        continue;

      mark_done (rand, follow_up, until);
    }
}

/**
 * lin_demo_add_calls:
 * @store: an open store (of a demo profile, a test or a benchmark)
 * @n: how many calls
 * @seed: the seed: the same seed gives the same calls
 * @until: the calls begin in the DEMO_DAYS days before this
 * @error: a location for a #GError
 *
 * Adds @n fictional calls, with their follow-ups and notes, each marked
 * "demo": true, through lin_call_save() and lin_call_save_note().
 *
 * Returns: %TRUE on success
 */
gboolean
lin_demo_add_calls (LinStore   *store,
                    guint       n,
                    guint32     seed,
                    GDateTime  *until,
                    GError    **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  /* made first, saved once the follow-ups are closed: in step, the call,
   * its follow-up or NULL, its note or NULL */
  g_autoptr(GPtrArray) records = g_ptr_array_new_full (3 * n, clear_record);
  g_autoptr(GPtrArray) follow_ups = g_ptr_array_new ();
  guint n_codes = MAX (8, n / 6);

  g_return_val_if_fail (LIN_IS_STORE (store), FALSE);
  g_return_val_if_fail (until != NULL, FALSE);

  if (!check_tables (error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LinRecord) call = lin_record_new (LIN_CALL_KIND);
      g_autoptr(LinRecord) follow_up = NULL;
      g_autoptr(LinRecord) record = NULL;
      g_autoptr(GDateTime) started = random_start (rand, until);
      g_autofree char *started_text = lin_call_format_time (started);
      JsonObject *object = lin_record_get_fields (call);
      const char *call_type = PICK (rand, call_types);
      const char *language = PICK (rand, languages);
      const char *note = NULL;
      gboolean full, high = FALSE;

      json_object_set_int_member (object, LIN_CALL_FIELD_SCHEMA, LIN_CALL_SCHEMA);
      json_object_set_boolean_member (object, LIN_CALL_FIELD_DEMO, TRUE);
      json_object_set_string_member (object, LIN_CALL_FIELD_STARTED, started_text);
      json_object_set_string_member (object, LIN_CALL_FIELD_CHANNEL, PICK (rand, channels));
      json_object_set_string_member (object, LIN_CALL_FIELD_CALL_TYPE, call_type);

      if (lin_call_type_is_one_step (call_type))
        {
          /* a few seconds of silence, or a line cut short */
          json_object_set_int_member (object, LIN_CALL_FIELD_DURATION, g_rand_int_range (rand, 3, 90));
          if (!g_str_equal (call_type, "silent"))
            json_object_set_string_member (object, LIN_CALL_FIELD_LANGUAGE, language);
          g_ptr_array_add (records, g_steal_pointer (&call));
          g_ptr_array_add (records, NULL);
          g_ptr_array_add (records, NULL);
          continue;
        }

      json_object_set_string_member (object, LIN_CALL_FIELD_LANGUAGE, language);
      full = g_str_equal (call_type, "self") || g_str_equal (call_type, "on-behalf") ||
             g_str_equal (call_type, "follow-up");
      /* 5 to 60 minutes, most near 20 */
      json_object_set_int_member (object, LIN_CALL_FIELD_DURATION,
                                  60 * (5 + g_rand_int_range (rand, 0, 28) + g_rand_int_range (rand, 0, 28)));

      if (full)
        {
          add_caller (rand, object, language, n_codes);
          add_violence (rand, object);
          add_risk (rand, object);
          high = lin_call_get_risk_level (call) == LIN_RISK_LEVEL_HIGH;
          add_support (rand, object, high);

          if (chance (rand, high ? 0.8 : 0.35))
            follow_up = make_follow_up (rand, call, started);
          json_object_set_boolean_member (object, LIN_CALL_FIELD_CONSENT_FOLLOW_UP, follow_up != NULL);

          if (chance (rand, 0.4))
            note = PICK_TEXT (rand, notes);
        }
      else
        {
          JsonArray *given = json_array_new ();

          json_array_add_string_element (given, chance (rand, 0.7) ? "service-information" : "rights-information");
          json_object_set_array_member (object, LIN_CALL_FIELD_SERVICES, given);
          json_object_set_boolean_member (object, LIN_CALL_FIELD_CONSENT_STATISTICS, TRUE);
        }

      if (note != NULL)
        {
          g_autoptr(GDateTime) written =
            g_date_time_add_seconds (started, json_object_get_int_member (object, LIN_CALL_FIELD_DURATION));
          g_autofree char *written_text = lin_call_format_time (written);
          JsonObject *fields;

          record = lin_record_new (LIN_NOTE_KIND);
          fields = lin_record_get_fields (record);
          json_object_set_string_member (fields, LIN_NOTE_FIELD_CALL_ID, lin_record_get_id_string (call));
          json_object_set_string_member (fields, LIN_NOTE_FIELD_TEXT, note);
          json_object_set_string_member (fields, LIN_NOTE_FIELD_WRITTEN, written_text);
          json_object_set_boolean_member (fields, LIN_CALL_FIELD_DEMO, TRUE);
        }

      if (follow_up != NULL)
        g_ptr_array_add (follow_ups, follow_up);
      g_ptr_array_add (records, g_steal_pointer (&call));
      g_ptr_array_add (records, g_steal_pointer (&follow_up));
      g_ptr_array_add (records, g_steal_pointer (&record));
    }

  close_follow_ups (rand, follow_ups, until);

  for (guint i = 0; i < records->len; i += 3)
    {
      LinRecord *note = g_ptr_array_index (records, i + 2);

      if (!lin_call_save (store, g_ptr_array_index (records, i), g_ptr_array_index (records, i + 1), NULL, error) ||
          (note != NULL && !lin_call_save_note (store, note, error)))
        return FALSE;
    }

  return TRUE;
}

/* The demo directory: a made-up service for each kind of help in every
 * district, more in the bigger cities. Every name is the kind a counsellor
 * knows ("Центар за социјални рад Краљево", "Sigurna kuća Niš"), in either
 * script; every number, address, e-mail and web address is plainly not a
 * real one: numbers begin "000", e-mails and sites are at primer.invalid
 * (a domain that cannot exist), streets are "Измишљена" ("made up"). */

typedef enum
{
  DEMO_CSW,
  DEMO_CSW_UNIT,    /* a city's centre's office in a city municipality */
  DEMO_POLICE_PU,   /* a district's police directorate */
  DEMO_POLICE_PS,   /* a municipality's police station */
  DEMO_HOSPITAL,
  DEMO_HEALTH,
  DEMO_COURT,
  DEMO_PROSECUTION,
  DEMO_LEGAL_AID,
  DEMO_SHELTER,
  DEMO_SOS_LINE,
  DEMO_NGO,
  DEMO_OTHER,
  N_DEMO_SERVICES
} DemoService;

typedef struct
{
  const char *type;          /* a code of "service-type" */
  const char *name;          /* Cyrillic; %s: the place */
  const char *organisation;  /* Cyrillic; %s: the place; NULL: none */
  const char *slug;          /* of its e-mail and web address */
  const char *hours[3];      /* one is picked */
  gboolean    holidays_closed;
  const char *phone;         /* its first number's label, Cyrillic */
  const char *eligibility;   /* Cyrillic */
} DemoServiceKind;

#define DEMO_ORGANISATION "Удружење жена „Пример“ %s"

static const DemoServiceKind demo_kinds[N_DEMO_SERVICES] = {
  [DEMO_CSW] = { "csw", "Центар за социјални рад %s", NULL, "csr",
                 { "mon-fri 07:30-15:30", "mon-fri 07:00-15:00", "mon-fri 07:00-15:00; sat 08:00-12:00" }, TRUE,
                 "Централа", "Становнице и становници општине; хитне интервенције за свакога." },
  [DEMO_CSW_UNIT] = { "csw", "Центар за социјални рад %s", NULL, "csr",
                      { "mon-fri 07:30-15:30", "mon-fri 07:00-15:00", "mon-fri 07:30-15:30" }, TRUE,
                      "Одељење", "Становнице и становници градске општине." },
  [DEMO_POLICE_PU] = { "police", "Полицијска управа %s", "Министарство унутрашњих послова", "pu",
                       { "24/7", "24/7", "24/7" }, FALSE,
                       "Дежурна служба", "Свако; пријава насиља у сваком тренутку." },
  [DEMO_POLICE_PS] = { "police", "Полицијска станица %s", "Министарство унутрашњих послова", "ps",
                       { "24/7", "24/7", "24/7" }, FALSE,
                       "Дежурна служба", "Свако; пријава насиља у сваком тренутку." },
  [DEMO_HOSPITAL] = { "health", "Општа болница %s — ургентни центар", NULL, "bolnica",
                      { "24/7", "24/7", "24/7" }, FALSE,
                      "Пријемно одељење", "Свако; хитна помоћ и без здравствене књижице." },
  [DEMO_HEALTH] = { "health", "Дом здравља %s", NULL, "dz",
                    { "mon-fri 07:00-20:00; sat 07:00-14:00", "mon-fri 07:00-19:00", "mon-sat 07:00-20:00" }, FALSE,
                    "Централа", "Осигуранице и осигураници; хитни случајеви свако." },
  [DEMO_COURT] = { "court", "Основни суд %s", NULL, "sud",
                   { "mon-fri 07:30-15:30", "mon-fri 08:00-16:00", "mon-fri 07:30-15:30" }, TRUE,
                   "Писарница", "Странке у поступку и њихови пуномоћници." },
  [DEMO_PROSECUTION] = { "prosecution", "Основно јавно тужилаштво %s", NULL, "ojt",
                         { "mon-fri 07:30-15:30", "mon-fri 08:00-16:00", "mon-fri 07:30-15:30" }, TRUE,
                         "Дежурни тужилац", "Свако може поднети кривичну пријаву." },
  [DEMO_LEGAL_AID] = { "legal-aid", "Служба бесплатне правне помоћи %s", NULL, "bpp",
                       { "mon-fri 08:00-16:00", "mon-fri 09:00-13:00", "mon-fri 08:00-16:00; sat 09:00-12:00" }, TRUE,
                       "Пријем странака", "Жене које су преживеле насиље у породици и други по закону." },
  [DEMO_SHELTER] = { "shelter", "Сигурна кућа %s", NULL, "sigurnakuca",
                     { "24/7", "24/7", "24/7" }, FALSE,
                     "Дежурна саветница",
                     "Жене и деца које су преживеле насиље, по упуту центра за социјални рад или полиције." },
  [DEMO_SOS_LINE] = { "sos-line", "СОС телефон за жене %s", DEMO_ORGANISATION, "sos",
                      { "24/7", "24/7", "mon-thu 17:00-22:00; fri-sat 20:00-08:00" }, FALSE,
                      "СОС линија", "Жене које су преживеле насиље; анонимно и бесплатно." },
  [DEMO_NGO] = { "ngo", "Саветовалиште за жене %s", DEMO_ORGANISATION, "savetovaliste",
                 { "mon-fri 10:00-18:00; sat 10:00-14:00", "mon-fri 09:00-17:00",
                   "wed 18:00-21:00; fri-sat 20:00-08:00" }, TRUE, "Саветовалиште", "Жене које су преживеле насиље и њима блиске особе." },
  [DEMO_OTHER] = { "other", "Саветовалиште за брак и породицу %s", NULL, "porodica",
                   { "mon-fri 08:00-16:00", "mon-fri 12:00-20:00", "mon-fri 08:00-16:00; sat 09:00-13:00" }, TRUE,
                   "Заказивање", "Парови и породице, по упуту или уз заказивање." },
};

/* What a district's seat has, beside a centre, a police directorate and
 * a hospital, and how often: per cent */
static const struct
{
  DemoService kind;
  guint       percent;
} seat_extras[] = {
  { DEMO_COURT, 35 }, { DEMO_PROSECUTION, 25 }, { DEMO_LEGAL_AID, 40 }, { DEMO_SHELTER, 45 },
  { DEMO_SOS_LINE, 25 }, { DEMO_NGO, 30 },
};

/* The seats of the districts that have no city */
static const char * const seats[] = {
  "rs-pec", "rs-prizren", "rs-kosovska-mitrovica", "rs-gnjilane",
};

/* The bigger cities and how many more services each has, in the city
 * or its city municipalities */
static const Place big_cities[] = {
  { "rs-beograd", 12 }, { "rs-novi-sad", 6 }, { "rs-nis", 5 }, { "rs-kragujevac", 4 },
  { "rs-subotica", 3 }, { "rs-novi-pazar", 2 }, { "rs-leskovac", 2 }, { "rs-kraljevo", 2 },
  { "rs-cacak", 1 }, { "rs-zrenjanin", 1 }, { "rs-pancevo", 1 }, { "rs-vranje", 1 },
  { "rs-sabac", 1 }, { "rs-krusevac", 1 },
};

static const struct
{
  DemoService kind;
  guint       weight;
} extra_kinds[] = {
  { DEMO_NGO, 4 }, { DEMO_SOS_LINE, 2 }, { DEMO_LEGAL_AID, 2 }, { DEMO_HEALTH, 2 }, { DEMO_SHELTER, 1 },
  { DEMO_OTHER, 2 }, { DEMO_CSW_UNIT, 2 }, { DEMO_POLICE_PS, 2 },
};

/* where many speak Romani or Hungarian */
static const char * const romani_districts[] = { "RS-00", "RS-06", "RS-12", "RS-20", "RS-23", "RS-24" };
static const char * const hungarian_districts[] = { "RS-01", "RS-02", "RS-03", "RS-05", "RS-06" };

#define DEMO_DESCRIPTION "Измишљен унос за демо профил: бројеви и адресе нису стварни."
#define DEMO_VERIFIED_BY "Координаторка демо профила"
#define DEMO_STREET "Измишљена"
#define DEMO_SECOND_PHONE "Други број"
#define DEMO_MANAGEMENT "Руководство"

static gboolean
in_list (const char         *code,
         const char * const *list,
         guint               n)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (list[i], code))
      return TRUE;

  return FALSE;
}

/* @cyrillic, in Latin script when @latin, its "%s" replaced by @place */
static char *
demo_text (const char *cyrillic,
           const char *place,
           gboolean    latin)
{
  g_autofree char *text = latin ? lin_translit_to_latin (cyrillic) : g_strdup (cyrillic);
  g_auto(GStrv) parts = g_strsplit (text, "%s", 2);

  if (parts[0] == NULL || parts[1] == NULL)
    return g_strdup (text);

  return g_strconcat (parts[0], place, parts[1], NULL);
}

static void
set_demo_text (JsonObject *fields,
               const char *field,
               const char *cyrillic,
               const char *place,
               gboolean    latin)
{
  g_autofree char *text = demo_text (cyrillic, place, latin);

  json_object_set_string_member (fields, field, text);
}

static void
add_demo_phone (GRand      *rand,
                JsonArray  *phones,
                const char *label,
                gboolean    latin,
                gboolean    confidential)
{
  JsonObject *phone = json_object_new ();
  g_autofree char *number = g_strdup_printf ("000 %04d %03d", g_rand_int_range (rand, 0, 10000),
                                             g_rand_int_range (rand, 0, 1000));

  set_demo_text (phone, "label", label, NULL, latin);
  json_object_set_string_member (phone, "number", number);
  json_object_set_boolean_member (phone, "confidential", confidential);
  json_array_add_object_element (phones, phone);
}

/* Each of @codes with its chance; NULL when none is picked */
static JsonArray *
demo_codes (GRand              *rand,
            const char * const *codes,
            const double       *chances,
            guint               n)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < n; i++)
    if (chance (rand, chances[i]))
      json_array_add_string_element (array, codes[i]);

  if (json_array_get_length (array) == 0)
    g_clear_pointer (&array, json_array_unref);

  return array;
}

/* A made-up service of @kind in @place (for DEMO_CSW_UNIT, a city
 * municipality: an office of its city's centre) */
static LinRecord *
demo_service (GRand           *rand,
              DemoService      kind,
              const LinPlace  *place,
              GDateTime       *now,
              GError         **error)
{
  static const char * const language_codes[] = { "sr", "rom", "hu", "sign", "other" };
  static const char * const access_codes[] = { "step-free", "sign-language", "easy-read", "accessible-shelter" };
  const DemoServiceKind *info = &demo_kinds[kind];
  const char *district = lin_place_get_district (place);
  const char *slug = lin_place_get_code (place) + strlen ("rs-");
  gboolean latin = g_rand_boolean (rand);
  const char *place_name = lin_place_get_name (place, latin);
  g_autoptr(LinRecord) record = lin_record_new (LIN_SERVICE_KIND);
  g_autoptr(LinHours) hours = NULL;
  g_autoptr(GDateTime) verified = NULL;
  g_autofree char *hours_text = NULL;
  g_autofree char *verified_text = NULL;
  g_autofree char *text = NULL;
  JsonObject *fields = lin_record_get_fields (record);
  JsonArray *phones, *codes;
  double language_chances[G_N_ELEMENTS (language_codes)];
  double access_chances[G_N_ELEMENTS (access_codes)];

  json_object_set_boolean_member (fields, LIN_CALL_FIELD_DEMO, TRUE);

  if (kind == DEMO_CSW_UNIT)
    {
      g_autofree char *centre = demo_text (info->name, lin_place_get_name (lin_place_get_city (place), latin), latin);
      g_autofree char *unit = demo_text ("одељење", NULL, latin);

      text = g_strdup_printf ("%s — %s %s", centre, unit, place_name);
      json_object_set_string_member (fields, LIN_SERVICE_FIELD_NAME, text);
    }
  else
    set_demo_text (fields, LIN_SERVICE_FIELD_NAME, info->name, place_name, latin);
  if (info->organisation != NULL)
    set_demo_text (fields, LIN_SERVICE_FIELD_ORGANISATION, info->organisation, place_name, latin);
  json_object_set_string_member (fields, LIN_SERVICE_FIELD_TYPE, info->type);
  set_demo_text (fields, "description", DEMO_DESCRIPTION, NULL, latin);
  json_object_set_string_member (fields, LIN_SERVICE_FIELD_MUNICIPALITY, lin_place_get_code (place));
  json_object_set_string_member (fields, LIN_SERVICE_FIELD_DISTRICT, district);

  g_clear_pointer (&text, g_free);
  text = g_strdup_printf ("%s %d", DEMO_STREET, g_rand_int_range (rand, 1, 121));
  set_demo_text (fields, "address", text, NULL, latin);
  json_object_set_boolean_member (fields, "address_confidential", kind == DEMO_SHELTER);

  phones = json_array_new ();
  add_demo_phone (rand, phones, info->phone, latin, FALSE);
  if (chance (rand, 0.4))
    add_demo_phone (rand, phones, DEMO_SECOND_PHONE, latin, FALSE);
  if (kind == DEMO_SHELTER || chance (rand, 0.15))
    add_demo_phone (rand, phones, DEMO_MANAGEMENT, latin, TRUE);
  json_object_set_array_member (fields, "phones", phones);

  g_clear_pointer (&text, g_free);
  text = g_strdup_printf ("%s.%s@primer.invalid", info->slug, slug);
  json_object_set_string_member (fields, "email", text);
  if (chance (rand, 0.6))
    {
      g_clear_pointer (&text, g_free);
      text = g_strdup_printf ("https://primer.invalid/%s-%s", info->slug, slug);
      json_object_set_string_member (fields, "web", text);
    }

  /* the form an import would keep */
  hours = lin_hours_parse (info->hours[g_rand_int_range (rand, 0, G_N_ELEMENTS (info->hours))], error);
  if (hours == NULL)
    return NULL;
  hours_text = lin_hours_to_string (hours);
  json_object_set_string_member (fields, LIN_SERVICE_FIELD_HOURS, hours_text);
  json_object_set_boolean_member (fields, LIN_SERVICE_FIELD_HOLIDAYS_CLOSED, info->holidays_closed);

  language_chances[0] = 1.0;
  language_chances[1] = in_list (district, romani_districts, G_N_ELEMENTS (romani_districts)) ? 0.5 : 0.15;
  language_chances[2] = in_list (district, hungarian_districts, G_N_ELEMENTS (hungarian_districts)) ? 0.6 : 0.0;
  language_chances[3] = 0.08;
  language_chances[4] = 0.05;
  codes = demo_codes (rand, language_codes, language_chances, G_N_ELEMENTS (language_codes));
  json_object_set_array_member (fields, LIN_SERVICE_FIELD_LANGUAGES, codes);

  access_chances[0] = 0.55;
  access_chances[1] = 0.1;
  access_chances[2] = 0.12;
  access_chances[3] = kind == DEMO_SHELTER ? 0.5 : 0.0;
  codes = demo_codes (rand, access_codes, access_chances, G_N_ELEMENTS (access_codes));
  if (codes != NULL)
    json_object_set_array_member (fields, LIN_SERVICE_FIELD_ACCESSIBILITY, codes);

  set_demo_text (fields, "eligibility", info->eligibility, NULL, latin);

  /* most checked within the year, some longer ago: the directory flags those */
  verified = g_date_time_add_days (now, chance (rand, 0.87) ? -g_rand_int_range (rand, 0, 330)
                                                            : -g_rand_int_range (rand, 380, 1000));
  verified_text = g_date_time_format (verified, "%Y-%m-%d");
  json_object_set_string_member (fields, "verified", verified_text);
  set_demo_text (fields, "verified_by", DEMO_VERIFIED_BY, NULL, latin);

  return g_steal_pointer (&record);
}

/* Adds a service of @kind in @place unless it has one */
static gboolean
add_demo_service (GRand           *rand,
                  GPtrArray       *services,
                  GHashTable      *seen,
                  DemoService      kind,
                  const LinPlace  *place,
                  GDateTime       *now,
                  GError         **error)
{
  char *key = g_strdup_printf ("%s %d", lin_place_get_code (place), kind);
  LinRecord *service;

  if (!g_hash_table_add (seen, key))
    return TRUE;

  service = demo_service (rand, kind, place, now, error);
  if (service == NULL)
    return FALSE;

  g_ptr_array_add (services, service);
  return TRUE;
}

/* Each kind's type is a code, each place a place: anything else is a bug
 * here */
static gboolean
check_demo_directory (GError **error)
{
  for (guint i = 0; i < N_DEMO_SERVICES; i++)
    if (lin_code_list_lookup (lin_code_list_get ("service-type"), demo_kinds[i].type) == NULL)
      {
        g_set_error (error, LIN_CALL_ERROR, LIN_CALL_ERROR_UNKNOWN_CODE,
                     "The demo uses “%s”, which is not a service type", demo_kinds[i].type);
        return FALSE;
      }

  for (guint i = 0; i < G_N_ELEMENTS (seats) + G_N_ELEMENTS (big_cities); i++)
    {
      const char *code = i < G_N_ELEMENTS (seats) ? seats[i] : big_cities[i - G_N_ELEMENTS (seats)].municipality;

      if (lin_places_lookup (code) == NULL)
        {
          g_set_error (error, LIN_CALL_ERROR, LIN_CALL_ERROR_UNKNOWN_CODE,
                       "The demo uses “%s”, which is not a place", code);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_seat (const LinPlace *place)
{
  return lin_place_get_kind (place) == LIN_PLACE_CITY ||
         in_list (lin_place_get_code (place), seats, G_N_ELEMENTS (seats));
}

/* The services of @district's seats, municipalities and city
 * municipalities */
static gboolean
add_district_services (GRand       *rand,
                       GPtrArray   *services,
                       GHashTable  *seen,
                       const char  *district,
                       GDateTime   *now,
                       GError     **error)
{
  g_autoptr(GPtrArray) places = lin_places_municipalities (district);

  for (guint i = 0; i < places->len; i++)
    {
      const LinPlace *place = places->pdata[i];
      gboolean ok = TRUE;

      if (is_seat (place))
        {
          ok = add_demo_service (rand, services, seen, DEMO_CSW, place, now, error) &&
               add_demo_service (rand, services, seen, DEMO_POLICE_PU, place, now, error) &&
               add_demo_service (rand, services, seen, DEMO_HOSPITAL, place, now, error);
          for (guint k = 0; ok && k < G_N_ELEMENTS (seat_extras); k++)
            if (chance (rand, seat_extras[k].percent / 100.0))
              ok = add_demo_service (rand, services, seen, seat_extras[k].kind, place, now, error);
        }
      else if (lin_place_get_kind (place) == LIN_PLACE_MUNICIPALITY)
        {
          ok = add_demo_service (rand, services, seen, DEMO_CSW, place, now, error);
          if (ok && chance (rand, 0.04))
            ok = add_demo_service (rand, services, seen, DEMO_POLICE_PS, place, now, error);
          if (ok && chance (rand, 0.05))
            ok = add_demo_service (rand, services, seen, DEMO_HEALTH, place, now, error);
        }
      else if (chance (rand, 0.25))
        ok = add_demo_service (rand, services, seen, DEMO_CSW_UNIT, place, now, error);

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* @n more services in @city or its city municipalities */
static gboolean
add_city_services (GRand           *rand,
                   GPtrArray       *services,
                   GHashTable      *seen,
                   const LinPlace  *city,
                   guint            n,
                   GDateTime       *now,
                   GError         **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new ();
  g_autoptr(GPtrArray) places = lin_places_municipalities (lin_place_get_district (city));
  guint total = 0, added = 0;

  for (guint i = 0; i < places->len; i++)
    if (lin_place_get_city (places->pdata[i]) == city)
      g_ptr_array_add (units, places->pdata[i]);
  for (guint i = 0; i < G_N_ELEMENTS (extra_kinds); i++)
    total += extra_kinds[i].weight;

  /* a kind a place has already is tried again elsewhere, a few times */
  for (guint tries = 0; added < n && tries < 8 * n; tries++)
    {
      guint r = g_rand_int_range (rand, 0, total), before = services->len;
      DemoService kind = extra_kinds[0].kind;
      const LinPlace *place;

      for (guint i = 0; i < G_N_ELEMENTS (extra_kinds); i++)
        {
          if (r < extra_kinds[i].weight)
            {
              kind = extra_kinds[i].kind;
              break;
            }
          r -= extra_kinds[i].weight;
        }

      /* an office of the centre is in a city municipality */
      if (units->len == 0 && kind == DEMO_CSW_UNIT)
        continue;
      place = units->len > 0 && (kind == DEMO_CSW_UNIT || chance (rand, 0.7))
                ? units->pdata[g_rand_int_range (rand, 0, units->len)]
                : city;

      if (!add_demo_service (rand, services, seen, kind, place, now, error))
        return FALSE;
      added += services->len > before;
    }

  return TRUE;
}

/**
 * lin_demo_add_services:
 * @store: an open store (of a demo profile, a test or a benchmark)
 * @seed: the seed: the same seed gives the same services
 * @error: a location for a #GError
 *
 * Adds a fictional referral directory of a few hundred services, in every
 * district, more in the bigger cities, each marked "demo": true, with
 * numbers, addresses, e-mail and web addresses that are plainly not real,
 * saved in one transaction (lin_store_save_all()). The dates they were
 * last verified are counted back from today.
 *
 * Returns: %TRUE on success
 */
gboolean
lin_demo_add_services (LinStore  *store,
                       guint32    seed,
                       GError   **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) districts = lin_places_districts ();
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());

  g_return_val_if_fail (LIN_IS_STORE (store), FALSE);

  if (!check_demo_directory (error))
    return FALSE;

  for (guint i = 0; i < districts->len; i++)
    if (!add_district_services (rand, services, seen, lin_place_get_code (districts->pdata[i]), now, error))
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (big_cities); i++)
    if (!add_city_services (rand, services, seen, lin_places_lookup (big_cities[i].municipality),
                            big_cities[i].weight, now, error))
      return FALSE;

  return lin_store_save_all (store, services, error);
}

/* The roster */

/* made up, first names only, as a roster needs no more */
static const char * const demo_aliases[] = {
  "Ana", "Biljana", "Danijela", "Dragana", "Gordana", "Ivana", "Jelena", "Jovana",
  "Katarina", "Ljiljana", "Marija", "Milica", "Nataša", "Nevena", "Olivera", "Sanja",
  "Slađana", "Snežana", "Sonja", "Tamara", "Tanja", "Vesna", "Zorica", "Žaklina",
};

static LinRecord *
demo_record (const char *kind,
             JsonObject *fields)
{
  LinRecord *record = lin_record_new (kind);

  json_object_set_boolean_member (fields, "demo", TRUE);
  lin_record_set_fields (record, fields);
  json_object_unref (fields);

  return record;
}

static JsonArray *
demo_strings (const char *first,
              ...)
{
  JsonArray *array = json_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    json_array_add_string_element (array, s);
  va_end (args);

  return array;
}

static LinRecord *
demo_line (const char *name,
           const char *hours,
           const char *skill)
{
  JsonObject *fields = json_object_new ();

  json_object_set_string_member (fields, LIN_LINE_FIELD_NAME, name);
  json_object_set_string_member (fields, LIN_LINE_FIELD_HOURS, hours);
  json_object_set_array_member (fields, LIN_LINE_FIELD_SKILLS, demo_strings (skill, NULL));

  return demo_record (LIN_LINE_KIND, fields);
}

/**
 * lin_demo_add_roster:
 * @store: an open store
 * @seed: the same seed, the same roster
 * @first_day: the first day of the month planned, in Europe/Belgrade
 * @error: return location for a #GError
 *
 * Adds a made-up roster: three lines (a 24-hour SOS line, a Romani line
 * and a line for women with disabilities, by day), 24 volunteers and
 * counsellors with first names only, skills, limits and days away, and
 * the month's shifts filled by auto-fill, some places left open and one
 * rest rule broken, as a coordinator's month looks before she is done.
 * Every record says it is made up ("demo": true).
 *
 * Returns: %TRUE on success
 */
gboolean
lin_demo_add_roster (LinStore   *store,
                     guint32     seed,
                     GDate      *first_day,
                     GError    **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LinRoster) roster = NULL;
  g_autoptr(LinRosterFill) fill = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  static const char * const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  struct { LinRecord *line; const char *template; guint required; } lines[3];
  guint n_days;

  g_return_val_if_fail (LIN_IS_STORE (store), FALSE);
  g_return_val_if_fail (first_day != NULL && g_date_valid (first_day), FALSE);

  lines[0].line = demo_line ("SOS linija (izmišljena)", "24/7", NULL);
  lines[0].template = "3x8";
  lines[0].required = 2;
  lines[1].line = demo_line ("Romska linija (izmišljena)", "24/7", "rom");
  lines[1].template = "2x12";
  lines[1].required = 1;
  lines[2].line = demo_line ("Linija za žene sa invaliditetom (izmišljena)", "mon-sat 08:00-20:00", "disability");
  lines[2].template = "2x12";
  lines[2].required = 1;

  for (guint i = 0; i < G_N_ELEMENTS (demo_aliases); i++)
    {
      JsonObject *fields = json_object_new ();
      JsonArray *skills = json_array_new ();

      json_object_set_string_member (fields, LIN_PERSON_FIELD_ALIAS, demo_aliases[i]);
      json_object_set_string_member (fields, LIN_PERSON_FIELD_ROLE,
                                     i < 3 ? "coordinator" : i < 12 ? "counsellor" : "volunteer");
      if (i % 4 == 1)
        json_array_add_string_element (skills, "rom");
      if (i % 5 == 2)
        json_array_add_string_element (skills, "disability");
      if (i % 7 == 3)
        json_array_add_string_element (skills, "sign");
      if (i < 3)
        json_array_add_string_element (skills, "supervision");
      json_object_set_array_member (fields, LIN_PERSON_FIELD_SKILLS, skills);
      json_object_set_int_member (fields, LIN_PERSON_FIELD_MAX_WEEK_HOURS, g_rand_int_range (rand, 3, 6) * 8);
      json_object_set_int_member (fields, LIN_PERSON_FIELD_MAX_MONTH_NIGHTS, g_rand_int_range (rand, 2, 7));
      json_object_set_array_member (fields, LIN_PERSON_FIELD_UNDESIRED_DAYS,
                                    demo_strings (days[g_rand_int_range (rand, 0, 7)], NULL));
      if (i % 3 == 0)
        {
          JsonArray *weekly = json_array_new ();
          JsonObject *span = json_object_new ();

          json_object_set_string_member (span, "day", days[i % 7]);
          json_object_set_string_member (span, "from", "16:00");
          json_object_set_string_member (span, "to", "22:00");
          json_array_add_object_element (weekly, span);
          json_object_set_array_member (fields, LIN_PERSON_FIELD_AWAY_WEEKLY, weekly);
        }
      g_ptr_array_add (records, demo_record (LIN_PERSON_KIND, fields));
    }

  n_days = g_date_get_days_in_month (g_date_get_month (first_day), g_date_get_year (first_day)) -
           g_date_get_day (first_day) + 1;
  for (guint l = 0; l < G_N_ELEMENTS (lines); l++)
    {
      g_autoptr(GPtrArray) shifts = lin_roster_make_shifts (lines[l].line, lines[l].template, first_day, n_days,
                                                            lines[l].required, error);

      if (shifts == NULL)
        return FALSE;
      g_ptr_array_add (records, lines[l].line);
      for (guint s = 0; s < shifts->len; s++)
        {
          LinRecord *shift = g_ptr_array_index (shifts, s);

          json_object_set_boolean_member (lin_record_get_fields (shift), "demo", TRUE);
          g_ptr_array_add (records, g_object_ref (shift));
        }
    }

  /* the month filled, then a few places open again: not done yet */
  from = g_date_time_new (lin_call_get_time_zone (), g_date_get_year (first_day), g_date_get_month (first_day),
                          g_date_get_day (first_day), 0, 0, 0);
  to = g_date_time_add_days (from, n_days);
  roster = lin_roster_new (records);
  fill = lin_roster_fill (roster, g_date_time_to_unix (from), g_date_time_to_unix (to), seed, NULL);
  for (guint i = 0; i < fill->added->len; i++)
    {
      LinRecord *assignment = g_ptr_array_index (fill->added, i);

      if (g_rand_int_range (rand, 0, 12) == 0)
        continue;
      json_object_set_boolean_member (lin_record_get_fields (assignment), "demo", TRUE);
      g_ptr_array_add (records, g_object_ref (assignment));
    }

  return lin_store_save_all (store, records, error);
}
