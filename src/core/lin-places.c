/* lin-places.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is compiled into the core, so it is read once, on first use,
 * and its places live until the process ends: callers hold plain
 * pointers to them. A file that does not load is a broken build, not a
 * user's error, and is reported as a critical with no places at all.
 *
 *   { "version": 1, "source": [ … ], "notes": [ … ],
 *     "districts": [ { "code": "RS-20", "name": "Нишавски округ" }, … ],
 *     "places": [ { "code": "rs-nis", "kind": "city",
 *                   "district": "RS-20", "name": "Ниш" },
 *                 { "code": "rs-nis-medijana", "kind": "city-municipality",
 *                   "district": "RS-20", "city": "rs-nis",
 *                   "name": "Медијана" }, … ] }
 *
 * A city comes before its city municipalities.
 */

#define G_LOG_DOMAIN "lin-places"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "lin-places.h"
#include "lin-places-resources.h"
#include "lin-translit.h"

#define PLACES_RESOURCE RESOURCE_BASE "/places/rs.json"

struct _LinPlace
{
  LinPlaceKind    kind;
  char           *code;
  char           *district; /* a district's is its own code */
  const LinPlace *city;     /* a city municipality's city, otherwise NULL */
  char           *name;     /* Serbian Cyrillic */
  char           *name_latin;
  char           *key;      /* folded words, one space apart */
  char          **words;    /* the same words */
};

typedef struct
{
  GPtrArray  *districts;
  GPtrArray  *places;  /* cities, municipalities, city municipalities */
  GHashTable *by_code;
} Places;

static const struct
{
  const char   *name;
  LinPlaceKind  kind;
} kinds[] = {
  { "city", LIN_PLACE_CITY },
  { "municipality", LIN_PLACE_MUNICIPALITY },
  { "city-municipality", LIN_PLACE_CITY_MUNICIPALITY },
};

/* Folds @text and cuts it into words at spaces and hyphens, so that
 * "Нови Сад", "novi  sad" and "Novi-Sad" give the same words. */
static char **
fold_words (const char *text)
{
  g_autofree char *folded = lin_translit_fold (text);
  g_auto(GStrv) parts = g_strsplit_set (folded, " \t\n-", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);

  return g_strv_builder_end (builder);
}

static void
place_free (LinPlace *place)
{
  g_free (place->code);
  g_free (place->district);
  g_free (place->name);
  g_free (place->name_latin);
  g_free (place->key);
  g_strfreev (place->words);
  g_free (place);
}

static void
places_free (Places *places)
{
  g_clear_pointer (&places->by_code, g_hash_table_unref);
  g_clear_pointer (&places->districts, g_ptr_array_unref);
  g_clear_pointer (&places->places, g_ptr_array_unref);
  g_free (places);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Places, places_free)

/* A member that must be a non-empty string; NULL otherwise */
static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  value = json_node_get_string (node);
  return (value != NULL && *value != '\0') ? value : NULL;
}

static JsonArray *
get_array (JsonObject  *root,
           const char  *name,
           GError     **error)
{
  JsonNode *node = json_object_get_member (root, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "No array “%s”", name);
      return NULL;
    }

  return json_node_get_array (node);
}

static LinPlace *
place_new (LinPlaceKind  kind,
           const char   *code,
           const char   *district,
           const char   *name)
{
  LinPlace *place = g_new0 (LinPlace, 1);

  place->kind = kind;
  place->code = g_strdup (code);
  place->district = g_strdup (district);
  place->name = g_strdup (name);
  place->name_latin = lin_translit_to_latin (name);
  place->words = fold_words (name);
  place->key = g_strjoinv (" ", place->words);

  return place;
}

static gboolean
add_place (Places    *places,
           GPtrArray *array,
           LinPlace  *place,
           GError   **error)
{
  if (g_hash_table_contains (places->by_code, place->code))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Code “%s” twice", place->code);
      place_free (place);
      return FALSE;
    }

  g_ptr_array_add (array, place);
  g_hash_table_insert (places->by_code, place->code, place);
  return TRUE;
}

static gboolean
parse_districts (Places     *places,
                 JsonArray  *array,
                 GError    **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *code;
      const char *name;

      if (object == NULL
          || (code = get_string (object, "code")) == NULL
          || (name = get_string (object, "name")) == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "District %u has no code or name", i);
          return FALSE;
        }

      if (!add_place (places, places->districts,
                      place_new (LIN_PLACE_DISTRICT, code, code, name), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_places (Places     *places,
              JsonArray  *array,
              GError    **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      const char *code = NULL;
      const char *kind_name = NULL;
      const char *district_code = NULL;
      const char *city_code = NULL;
      const char *name = NULL;
      const LinPlace *district;
      const LinPlace *city = NULL;
      LinPlace *place;
      int kind = -1;

      if (object != NULL)
        {
          code = get_string (object, "code");
          kind_name = get_string (object, "kind");
          district_code = get_string (object, "district");
          city_code = get_string (object, "city");
          name = get_string (object, "name");
        }

      if (code == NULL || kind_name == NULL || district_code == NULL || name == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Place %u has no code, kind, district or name", i);
          return FALSE;
        }

      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        if (g_str_equal (kinds[k].name, kind_name))
          kind = kinds[k].kind;

      if (kind == -1)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Place “%s” is of an unknown kind “%s”", code, kind_name);
          return FALSE;
        }

      district = g_hash_table_lookup (places->by_code, district_code);
      if (district == NULL || district->kind != LIN_PLACE_DISTRICT)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Place “%s” is in an unknown district “%s”", code, district_code);
          return FALSE;
        }

      /* A city municipality names its city, which comes first and lies
       * in the same district; nothing else names a city. */
      if (kind == LIN_PLACE_CITY_MUNICIPALITY)
        {
          city = city_code != NULL ? g_hash_table_lookup (places->by_code, city_code) : NULL;
          if (city == NULL || city->kind != LIN_PLACE_CITY
              || !g_str_equal (city->district, district_code))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "City municipality “%s” is in no city of its district", code);
              return FALSE;
            }
        }
      else if (city_code != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Place “%s” is no city municipality but names a city", code);
          return FALSE;
        }

      place = place_new (kind, code, district_code, name);
      place->city = city;

      if (!add_place (places, places->places, place, error))
        return FALSE;
    }

  return TRUE;
}

static Places *
places_load (GError **error)
{
  g_autoptr(Places) places = g_new0 (Places, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonArray *array;
  JsonObject *root;
  gconstpointer data;
  gsize size;

  places->districts = g_ptr_array_new_with_free_func ((GDestroyNotify) place_free);
  places->places = g_ptr_array_new_with_free_func ((GDestroyNotify) place_free);
  places->by_code = g_hash_table_new (g_str_hash, g_str_equal);

  /* The resource itself rather than the global registry: a static
   * library's constructor alone would not keep it linked in. */
  bytes = g_resource_lookup_data (lin_places_data_get_resource (), PLACES_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  if (!json_parser_load_from_data (parser, data, size, error))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Not a JSON object");
      return NULL;
    }

  root = json_node_get_object (json_parser_get_root (parser));

  if ((array = get_array (root, "districts", error)) == NULL
      || !parse_districts (places, array, error))
    return NULL;

  if ((array = get_array (root, "places", error)) == NULL
      || !parse_places (places, array, error))
    return NULL;

  return g_steal_pointer (&places);
}

static Places *
places_get (void)
{
  static Places *places;

  if (g_once_init_enter (&places))
    {
      g_autoptr(GError) error = NULL;
      Places *loaded = places_load (&error);

      if (loaded == NULL)
        {
          g_critical ("Cannot load %s: %s", PLACES_RESOURCE, error->message);
          loaded = g_new0 (Places, 1);
          loaded->districts = g_ptr_array_new ();
          loaded->places = g_ptr_array_new ();
          loaded->by_code = g_hash_table_new (g_str_hash, g_str_equal);
        }

      g_once_init_leave (&places, loaded);
    }

  return places;
}

/* Whether every word of the query begins a word of the name */
static gboolean
words_match (char * const *name_words,
             char * const *query_words)
{
  for (guint q = 0; query_words[q] != NULL; q++)
    {
      gboolean found = FALSE;

      for (guint n = 0; !found && name_words[n] != NULL; n++)
        found = g_str_has_prefix (name_words[n], query_words[q]);

      if (!found)
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const LinPlace *place;
  guint           rank;  /* 0: the whole name; 1: its first word; 2: another */
  guint           index; /* in the file, for a stable order */
} Hit;

static int
hit_compare (gconstpointer a,
             gconstpointer b)
{
  const Hit *x = a;
  const Hit *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;

  /* A city before a municipality before a city municipality: "Београд"
   * before its own "Нови Београд" */
  if (x->place->kind != y->place->kind)
    return x->place->kind < y->place->kind ? -1 : 1;

  return x->index < y->index ? -1 : (x->index > y->index);
}

/**
 * lin_places_lookup:
 * @code: a district's or place's code
 *
 * Returns: (transfer none) (nullable): the district or place, or %NULL
 *   when no place has that code
 */
const LinPlace *
lin_places_lookup (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (places_get ()->by_code, code);
}

/**
 * lin_places_districts:
 *
 * The City of Belgrade (RS-00) and the 29 districts, in the order of their
 * codes.
 *
 * Returns: (transfer container) (element-type LinPlace): the districts
 */
GPtrArray *
lin_places_districts (void)
{
  Places *places = places_get ();
  GPtrArray *array = g_ptr_array_sized_new (places->districts->len);

  for (guint i = 0; i < places->districts->len; i++)
    g_ptr_array_add (array, g_ptr_array_index (places->districts, i));

  return array;
}

/**
 * lin_places_municipalities:
 * @district: (nullable): a district's code, or %NULL for all of them
 *
 * The cities, municipalities and city municipalities of @district: per
 * district, its cities first, each followed by its city municipalities,
 * then its municipalities, in Cyrillic alphabetical order. A district
 * that does not exist has none.
 *
 * Returns: (transfer container) (element-type LinPlace): the places
 */
GPtrArray *
lin_places_municipalities (const char *district)
{
  Places *places = places_get ();
  GPtrArray *array = g_ptr_array_new ();

  for (guint i = 0; i < places->places->len; i++)
    {
      const LinPlace *place = g_ptr_array_index (places->places, i);

      if (district == NULL || g_str_equal (place->district, district))
        g_ptr_array_add (array, (gpointer) place);
    }

  return array;
}

/**
 * lin_places_search:
 * @query: what the user typed, in either script, any case, with or
 *   without diacritics
 * @max: the most places to return, or 0 for all
 *
 * Finds the cities, municipalities and city municipalities (not the
 * districts) whose name has, for every word of @query, a word that it
 * begins: "nis", "Niš", "НИШ" and "ниш" find Ниш and Нишка Бања; "novi"
 * finds Нови Сад and Нови Београд but not Нова Варош. The place whose
 * whole name is @query comes first, then those whose first word matches
 * the query's first word.
 *
 * Returns: (transfer container) (element-type LinPlace): the places
 */
GPtrArray *
lin_places_search (const char *query,
                   guint       max)
{
  Places *places = places_get ();
  g_auto(GStrv) words = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GArray) hits = NULL;
  GPtrArray *array;

  g_return_val_if_fail (query != NULL, NULL);

  array = g_ptr_array_new ();
  words = fold_words (query);
  if (words[0] == NULL)
    return array;

  key = g_strjoinv (" ", words);
  hits = g_array_new (FALSE, FALSE, sizeof (Hit));

  for (guint i = 0; i < places->places->len; i++)
    {
      const LinPlace *place = g_ptr_array_index (places->places, i);
      Hit hit = { place, 2, i };

      if (!words_match (place->words, words))
        continue;

      if (g_str_equal (place->key, key))
        hit.rank = 0;
      else if (g_str_has_prefix (place->words[0], words[0]))
        hit.rank = 1;

      g_array_append_val (hits, hit);
    }

  g_array_sort (hits, hit_compare);

  for (guint i = 0; i < hits->len && (max == 0 || i < max); i++)
    g_ptr_array_add (array, (gpointer) g_array_index (hits, Hit, i).place);

  return array;
}

/**
 * lin_places_use_latin:
 *
 * Whether to show place names in Latin script: always, except when the
 * interface is in Serbian Cyrillic (sr, sr_RS, but not sr@latin).
 *
 * Returns: %FALSE for Serbian Cyrillic, %TRUE otherwise
 */
gboolean
lin_places_use_latin (void)
{
  const char *language = g_get_language_names ()[0];

  if (language == NULL || !g_str_has_prefix (language, "sr"))
    return TRUE;

  /* "sr", "sr_RS.UTF-8", "sr@latin"; "srn" is another language */
  if (language[2] != '\0' && strchr ("_.@", language[2]) == NULL)
    return TRUE;

  return strstr (language, "latin") != NULL;
}

const char *
lin_place_get_code (const LinPlace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->code;
}

LinPlaceKind
lin_place_get_kind (const LinPlace *self)
{
  g_return_val_if_fail (self != NULL, LIN_PLACE_DISTRICT);

  return self->kind;
}

/**
 * lin_place_get_district:
 * @self: a place
 *
 * Returns: the code of the district @self lies in; a district's own code
 */
const char *
lin_place_get_district (const LinPlace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->district;
}

/**
 * lin_place_get_city:
 * @self: a place
 *
 * Returns: (transfer none) (nullable): the city of a city municipality
 *   (Палилула is in Београд and in Ниш), %NULL for any other place
 */
const LinPlace *
lin_place_get_city (const LinPlace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->city;
}

/**
 * lin_place_get_name:
 * @self: a place
 * @latin: whether in Latin script; see lin_places_use_latin()
 *
 * Returns: the name in Serbian, in Cyrillic or in Latin script
 */
const char *
lin_place_get_name (const LinPlace *self,
                    gboolean        latin)
{
  g_return_val_if_fail (self != NULL, NULL);

  return latin ? self->name_latin : self->name;
}
