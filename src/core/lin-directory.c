/* lin-directory.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Searching the referral directory mid-call, in whichever script and
 * case, with or without diacritics, by the start of each word: "nis",
 * "Niš", "НИШ" and "ниш" find the same services, and "csr kraljevo" the
 * social welfare centre in Kraljevo.
 *
 * Each service's words are folded once (lin_translit_fold: Latin, lower
 * case, no diacritics): its name, its organisation, its municipality, the
 * city that municipality belongs to, its district, and the words people
 * use for its type ("csr", "sigurna kuća", the type's name in the user's
 * language). The folded words of all services sit in one sorted array;
 * a query word finds the words it begins by binary search, and the
 * services having a word for every query word are the hits. Results are
 * ordered as a counsellor looks for help near the caller: services in the
 * town she named first, then those of its district, then the rest, each
 * group by name.
 */

#define G_LOG_DOMAIN "lin-directory"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lin-call.h"
#include "lin-codes.h"
#include "lin-directory.h"
#include "lin-hours.h"
#include "lin-places.h"
#include "lin-translit.h"

typedef struct
{
  LinRecord  *record;
  char       *sort_key;      /* the folded name */
  guint32     order;         /* its place among all the entries by sort_key */
  const char *service_type;  /* interned codes */
  const char *municipality;
  const char *city;          /* the city of a city municipality; NULL: none */
  const char *district;
  char      **towns;         /* folded names of the municipality and its city */
  char       *district_word; /* the first word of the district's folded name */
  LinHours   *hours;         /* NULL: not known or not readable */
  gboolean    holidays_closed;
  GPtrArray  *languages;     /* interned codes */
  GPtrArray  *accessibility; /* interned codes */
} Entry;

typedef struct
{
  const char *word;   /* folded, in @words */
  guint32     entry;
} Token;

struct _LinDirectory
{
  GArray       *entries;  /* of Entry */
  GArray       *tokens;   /* of Token, sorted by word */
  GStringChunk *words;
};

/* The words people use for each type, beside its name in the user's
 * language: the usual abbreviations and names, in Serbian (folding makes
 * them match in either script) and in English */
static const struct
{
  const char *code;
  const char *words;
} type_words[] = {
  { "csw", "центар за социјални рад ЦСР социјална служба social welfare centre" },
  { "police", "полиција МУП полицијска станица police" },
  { "health", "здравствена служба дом здравља болница хитна помоћ health hospital" },
  { "prosecution", "јавно тужилаштво тужилац prosecutor" },
  { "court", "суд court" },
  { "shelter", "сигурна кућа склониште прихватилиште shelter" },
  { "legal-aid", "бесплатна правна помоћ адвокат legal aid" },
  { "sos-line", "СОС телефон линија sos line" },
  { "ngo", "удружење женска организација невладина NGO women" },
};

static void
entry_clear (Entry *entry)
{
  g_clear_object (&entry->record);
  g_free (entry->sort_key);
  g_strfreev (entry->towns);
  g_free (entry->district_word);
  g_clear_pointer (&entry->hours, lin_hours_free);
  g_clear_pointer (&entry->languages, g_ptr_array_unref);
  g_clear_pointer (&entry->accessibility, g_ptr_array_unref);
}

/* Splits folded @text into words at everything but letters and digits */
static void
add_words (LinDirectory *self,
           guint32       entry,
           const char   *text)
{
  g_autofree char *folded = NULL;
  char *p, *start;

  if (text == NULL || *text == '\0')
    return;

  folded = lin_translit_fold (text);
  for (p = start = folded;; p++)
    {
      if (*p == '\0' || !g_ascii_isalnum (*p))
        {
          if (p > start)
            {
              Token token = { g_string_chunk_insert_len (self->words, start, p - start), entry };

              g_array_append_val (self->tokens, token);
            }
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Every word search matches a service by, unfolded */
static char *
service_words (JsonObject *fields)
{
  const char *type = string_member (fields, LIN_SERVICE_FIELD_TYPE);
  const char *code = string_member (fields, LIN_SERVICE_FIELD_MUNICIPALITY);
  const LinPlace *municipality = code != NULL ? lin_places_lookup (code) : NULL;
  const LinPlace *city = municipality != NULL ? lin_place_get_city (municipality) : NULL;
  const LinPlace *district = NULL;
  GString *out = g_string_new (NULL);
  const char *parts[6] = { NULL, };

  code = string_member (fields, LIN_SERVICE_FIELD_DISTRICT);
  if (code == NULL && municipality != NULL)
    code = lin_place_get_district (municipality);
  if (code != NULL)
    district = lin_places_lookup (code);

  parts[0] = string_member (fields, LIN_SERVICE_FIELD_NAME);
  parts[1] = string_member (fields, LIN_SERVICE_FIELD_ORGANISATION);
  parts[2] = municipality != NULL ? lin_place_get_name (municipality, FALSE) : NULL;
  parts[3] = city != NULL ? lin_place_get_name (city, FALSE) : NULL;
  parts[4] = district != NULL ? lin_place_get_name (district, FALSE) : NULL;
  parts[5] = type != NULL ? lin_code_label ("service-type", type) : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_string_append_printf (out, "%s ", parts[i]);

  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (type_words); i++)
    if (g_str_equal (type_words[i].code, type))
      g_string_append (out, type_words[i].words);

  return g_string_free (out, FALSE);
}

/**
 * lin_directory_dup_service_words:
 * @service: a service record
 *
 * Returns: (transfer full): every word search finds @service by, before
 *   folding: its name, organisation, municipality, city, district, and its
 *   type's name and usual words
 */
char *
lin_directory_dup_service_words (LinRecord *service)
{
  g_autoptr(JsonObject) fields = NULL;

  g_return_val_if_fail (LIN_IS_RECORD (service), NULL);

  fields = lin_record_peek_fields (service);
  return service_words (fields);
}

static char *
place_key (const LinPlace *place)
{
  return place != NULL ? lin_translit_fold (lin_place_get_name (place, FALSE)) : NULL;
}

/* The codes of the array field @name, interned */
static GPtrArray *
dup_codes (JsonObject *fields,
           const char *name)
{
  JsonNode *member = json_object_get_member (fields, name);
  GPtrArray *codes = g_ptr_array_new ();
  JsonArray *array;

  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    return codes;

  array = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (json_node_get_value_type (node) == G_TYPE_STRING)
        g_ptr_array_add (codes, (gpointer)g_intern_string (json_node_get_string (node)));
    }

  return codes;
}

static void
add_entry (LinDirectory *self,
           LinRecord    *record)
{
  g_autoptr(JsonObject) fields = lin_record_peek_fields (record);
  guint32 index = self->entries->len;
  const LinPlace *municipality, *city = NULL, *district;
  const char *text;
  Entry entry = { NULL, };

  entry.record = g_object_ref (record);
  entry.sort_key = lin_translit_fold (string_member (fields, LIN_SERVICE_FIELD_NAME) != NULL ?
                                      string_member (fields, LIN_SERVICE_FIELD_NAME) : "");
  entry.service_type = g_intern_string (string_member (fields, LIN_SERVICE_FIELD_TYPE));
  entry.municipality = g_intern_string (string_member (fields, LIN_SERVICE_FIELD_MUNICIPALITY));
  entry.district = g_intern_string (string_member (fields, LIN_SERVICE_FIELD_DISTRICT));

  municipality = entry.municipality != NULL ? lin_places_lookup (entry.municipality) : NULL;
  if (municipality != NULL)
    {
      city = lin_place_get_city (municipality);
      if (city != NULL && city != municipality)
        entry.city = g_intern_string (lin_place_get_code (city));
      if (entry.district == NULL)
        entry.district = g_intern_string (lin_place_get_district (municipality));
    }
  district = entry.district != NULL ? lin_places_lookup (entry.district) : NULL;

  {
    g_autoptr(GStrvBuilder) towns = g_strv_builder_new ();
    g_autofree char *town = place_key (municipality);
    g_autofree char *city_town = place_key (city);

    if (town != NULL)
      g_strv_builder_add (towns, town);
    if (city_town != NULL)
      g_strv_builder_add (towns, city_town);
    entry.towns = g_strv_builder_end (towns);
  }
  if (district != NULL)
    {
      g_autofree char *name = place_key (district);
      char *space = strchr (name, ' ');

      entry.district_word = space != NULL ? g_strndup (name, space - name) : g_strdup (name);
    }

  text = string_member (fields, LIN_SERVICE_FIELD_HOURS);
  if (text != NULL)
    entry.hours = lin_hours_parse (text, NULL);
  entry.holidays_closed = json_object_get_boolean_member_with_default (fields, LIN_SERVICE_FIELD_HOLIDAYS_CLOSED,
                                                                       FALSE);

  entry.languages = dup_codes (fields, LIN_SERVICE_FIELD_LANGUAGES);
  entry.accessibility = dup_codes (fields, LIN_SERVICE_FIELD_ACCESSIBILITY);

  g_array_append_val (self->entries, entry);

  {
    g_autofree char *words = service_words (fields);

    add_words (self, index, words);
  }
}

/* entries by their folded name, then as they came */
static int
compare_names (const void *a,
               const void *b)
{
  const Entry *x = *(const Entry * const *)a, *y = *(const Entry * const *)b;
  int c = strcmp (x->sort_key, y->sort_key);

  return c != 0 ? c : (x > y) - (x < y);
}

static int
compare_tokens (gconstpointer a,
                gconstpointer b)
{
  const Token *x = a, *y = b;
  int c = strcmp (x->word, y->word);

  return c != 0 ? c : (x->entry > y->entry) - (x->entry < y->entry);
}

/**
 * lin_directory_new:
 * @services: (element-type LinRecord): service records
 *
 * Indexes @services for search: their fields are read once, and the
 * records are kept.
 *
 * Returns: (transfer full): the index
 */
LinDirectory *
lin_directory_new (GPtrArray *services)
{
  LinDirectory *self = g_new0 (LinDirectory, 1);

  g_return_val_if_fail (services != NULL, NULL);

  self->entries = g_array_sized_new (FALSE, TRUE, sizeof (Entry), services->len);
  g_array_set_clear_func (self->entries, (GDestroyNotify)entry_clear);
  self->tokens = g_array_sized_new (FALSE, FALSE, sizeof (Token), services->len * 16);
  self->words = g_string_chunk_new (64 * 1024);

  for (guint i = 0; i < services->len; i++)
    add_entry (self, services->pdata[i]);

  g_array_sort (self->tokens, compare_tokens);

  {
    g_autofree Entry **by_name = g_new (Entry *, MAX (self->entries->len, 1));

    for (guint i = 0; i < self->entries->len; i++)
      by_name[i] = &g_array_index (self->entries, Entry, i);
    qsort (by_name, self->entries->len, sizeof (Entry *), compare_names);
    for (guint i = 0; i < self->entries->len; i++)
      by_name[i]->order = i;
  }

  return self;
}

void
lin_directory_free (LinDirectory *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->entries);
  g_array_unref (self->tokens);
  g_string_chunk_free (self->words);
  g_free (self);
}

guint
lin_directory_get_n_services (LinDirectory *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

/* The first token whose word is not before @word */
static guint
lower_bound (LinDirectory *self,
             const char   *word)
{
  guint low = 0, high = self->tokens->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (strcmp (g_array_index (self->tokens, Token, mid).word, word) < 0)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

/* Marks in @hits the services with a word that begins with @word */
static void
mark_prefix (LinDirectory *self,
             const char   *word,
             guint64      *hits)
{
  gsize len = strlen (word);

  for (guint i = lower_bound (self, word); i < self->tokens->len; i++)
    {
      const Token *token = &g_array_index (self->tokens, Token, i);

      if (strncmp (token->word, word, len) != 0)
        break;
      hits[token->entry / 64] |= G_GUINT64_CONSTANT (1) << (token->entry % 64);
    }
}

/* Whether interned @codes hold @code */
static gboolean
has_code (GPtrArray  *codes,
          const char *code)
{
  const char *interned = g_intern_string (code);

  for (guint i = 0; i < codes->len; i++)
    if (codes->pdata[i] == interned)
      return TRUE;

  return FALSE;
}

static gboolean
passes (const Entry              *entry,
        const LinDirectoryFilter *filter,
        GTimeZone                *zone)
{
  if (filter == NULL)
    return TRUE;

  if (filter->service_type != NULL && entry->service_type != g_intern_string (filter->service_type))
    return FALSE;
  if (filter->district != NULL && entry->district != g_intern_string (filter->district))
    return FALSE;
  /* a city has the services of its city municipalities too */
  if (filter->municipality != NULL && entry->municipality != g_intern_string (filter->municipality) &&
      entry->city != g_intern_string (filter->municipality))
    return FALSE;
  if (filter->language != NULL && !has_code (entry->languages, filter->language))
    return FALSE;
  if (filter->accessibility != NULL && !has_code (entry->accessibility, filter->accessibility))
    return FALSE;
  if (filter->always_open && (entry->hours == NULL || !lin_hours_get_always (entry->hours)))
    return FALSE;
  if (filter->open_at != NULL &&
      (entry->hours == NULL || !lin_hours_is_open_at (entry->hours, filter->open_at, zone)))
    return FALSE;
  if (filter->open_at != NULL && entry->holidays_closed)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (filter->open_at, zone);

      if (lin_hours_is_holiday (g_date_time_get_year (local), g_date_time_get_month (local),
                                g_date_time_get_day_of_month (local)))
        return FALSE;
    }

  return TRUE;
}

/* Whether @phrase, folded words separated by single spaces, holds @key
 * as whole words */
static gboolean
holds_words (const char *phrase,
             const char *key)
{
  gsize len = strlen (key);
  const char *p;

  if (len == 0)
    return FALSE;

  for (p = strstr (phrase, key); p != NULL; p = strstr (p + 1, key))
    if ((p == phrase || p[-1] == ' ') && (p[len] == '\0' || p[len] == ' '))
      return TRUE;

  return FALSE;
}

/* 0: in the town the query names; 1: in its district; 2: elsewhere */
static guint
rank_of (const Entry *entry,
         const char  *phrase,
         char       **words)
{
  if (*phrase == '\0')
    return 2;

  /* a town's name may be two words ("novi sad"): whole, in order */
  for (guint i = 0; entry->towns[i] != NULL; i++)
    if (holds_words (phrase, entry->towns[i]))
      return 0;

  if (entry->district_word != NULL)
    for (guint w = 0; words[w] != NULL; w++)
      if (*words[w] != '\0' && g_str_has_prefix (entry->district_word, words[w]))
        return 1;

  return 2;
}

typedef struct
{
  guint  rank;
  Entry *entry;
} Hit;

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *x = a, *y = b;

  if (x->rank != y->rank)
    return (int)x->rank - (int)y->rank;
  /* by name: the order worked out once, not strcmp() 100,000 times when a
   * letter finds every service */
  return (x->entry->order > y->entry->order) - (x->entry->order < y->entry->order);
}

/**
 * lin_directory_search:
 * @self: the index
 * @query: (nullable): words in any script and case, each the start of a
 *   word of the service; empty or %NULL: every service
 * @filter: (nullable): what the services must also be
 *
 * Returns: (transfer container) (element-type LinRecord): the services,
 *   those in the town the query names first, then those of its
 *   district, then the rest, each group by name
 */
GPtrArray *
lin_directory_search (LinDirectory             *self,
                      const char               *query,
                      const LinDirectoryFilter *filter)
{
  g_autofree char *folded = lin_translit_fold (query != NULL ? query : "");
  g_autofree guint64 *hits = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Hit));
  g_autoptr(GString) phrase = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  GTimeZone *zone = lin_call_get_time_zone ();
  guint n_blocks, n_words = 0;
  GPtrArray *result;

  g_return_val_if_fail (self != NULL, NULL);

  /* the query's words, folded as the services' were */
  for (char *p = folded; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      *p = ' ';
  words = g_strsplit (folded, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        if (phrase->len > 0)
          g_string_append_c (phrase, ' ');
        g_string_append (phrase, words[i]);
        n_words++;
      }

  n_blocks = (self->entries->len + 63) / 64;
  hits = g_new (guint64, MAX (n_blocks, 1));
  memset (hits, n_words == 0 ? 0xff : 0, MAX (n_blocks, 1) * sizeof (guint64));

  if (n_words > 0)
    {
      g_autofree guint64 *word_hits = g_new (guint64, MAX (n_blocks, 1));
      gboolean first = TRUE;

      for (guint i = 0; words[i] != NULL; i++)
        {
          if (*words[i] == '\0')
            continue;

          memset (word_hits, 0, MAX (n_blocks, 1) * sizeof (guint64));
          mark_prefix (self, words[i], word_hits);
          for (guint b = 0; b < n_blocks; b++)
            hits[b] = first ? word_hits[b] : hits[b] & word_hits[b];
          first = FALSE;
        }
    }

  for (guint b = 0; b < n_blocks; b++)
    for (guint64 bits = hits[b]; bits != 0; bits &= bits - 1)
      {
        guint index = b * 64 + __builtin_ctzll (bits);
        Entry *entry;
        Hit hit;

        if (index >= self->entries->len)
          break;
        entry = &g_array_index (self->entries, Entry, index);
        if (!passes (entry, filter, zone))
          continue;

        hit.entry = entry;
        hit.rank = rank_of (entry, phrase->str, words);
        g_array_append_val (found, hit);
      }

  g_array_sort (found, compare_hits);

  result = g_ptr_array_new_full (found->len, g_object_unref);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (result, g_object_ref (g_array_index (found, Hit, i).entry->record));

  return result;
}
