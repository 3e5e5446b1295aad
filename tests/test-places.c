/* test-places.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counts are the law's: 145 municipalities (37 in Vojvodina, 42 in
 * Šumadija and Western Serbia, 38 in Southern and Eastern Serbia, 28 in
 * Kosovo and Metohija) and 29 cities (8, 10, 9, 1 and the City of
 * Belgrade), and 30 city municipalities (17 in Belgrade, 5 in Niš, 2 each
 * in Novi Sad, Požarevac, Užice and Vranje).
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "lin-places.h"
#include "lin-translit.h"

typedef struct
{
  guint n_municipalities;
  guint n_cities;
  guint n_city_municipalities;
} Counts;

static Counts
count_districts (const char * const *districts)
{
  Counts counts = { 0, };

  for (guint d = 0; districts[d] != NULL; d++)
    {
      g_autoptr(GPtrArray) places = lin_places_municipalities (districts[d]);

      g_assert_nonnull (lin_places_lookup (districts[d]));

      for (guint i = 0; i < places->len; i++)
        switch (lin_place_get_kind (g_ptr_array_index (places, i)))
          {
          case LIN_PLACE_MUNICIPALITY:
            counts.n_municipalities++;
            break;
          case LIN_PLACE_CITY:
            counts.n_cities++;
            break;
          case LIN_PLACE_CITY_MUNICIPALITY:
            counts.n_city_municipalities++;
            break;
          case LIN_PLACE_DISTRICT:
          default:
            g_assert_not_reached ();
          }
    }

  return counts;
}

static void
assert_counts (const char * const *districts,
               guint               n_municipalities,
               guint               n_cities,
               guint               n_city_municipalities)
{
  Counts counts = count_districts (districts);

  g_assert_cmpuint (counts.n_municipalities, ==, n_municipalities);
  g_assert_cmpuint (counts.n_cities, ==, n_cities);
  g_assert_cmpuint (counts.n_city_municipalities, ==, n_city_municipalities);
}

static guint
n_in_district (const char *district)
{
  g_autoptr(GPtrArray) places = lin_places_municipalities (district);

  return places->len;
}

static guint
n_city_municipalities (const char *city)
{
  g_autoptr(GPtrArray) places = lin_places_municipalities (NULL);
  const LinPlace *the_city = lin_places_lookup (city);
  guint n = 0;

  g_assert_nonnull (the_city);
  g_assert_cmpint (lin_place_get_kind (the_city), ==, LIN_PLACE_CITY);

  for (guint i = 0; i < places->len; i++)
    if (lin_place_get_city (g_ptr_array_index (places, i)) == the_city)
      n++;

  return n;
}

static void
test_districts (void)
{
  g_autoptr(GPtrArray) districts = lin_places_districts ();

  /* The City of Belgrade and the 29 districts, 5 of them in Kosovo and
   * Metohija, in the order of their codes */
  g_assert_cmpuint (districts->len, ==, 30);

  for (guint i = 0; i < districts->len; i++)
    {
      const LinPlace *district = g_ptr_array_index (districts, i);
      g_autofree char *code = g_strdup_printf ("RS-%02u", i);

      g_assert_cmpstr (lin_place_get_code (district), ==, code);
      g_assert_cmpint (lin_place_get_kind (district), ==, LIN_PLACE_DISTRICT);
      g_assert_cmpstr (lin_place_get_district (district), ==, code);
      g_assert_null (lin_place_get_city (district));
      g_assert_true (lin_places_lookup (code) == district);
    }

  g_assert_cmpstr (lin_place_get_name (lin_places_lookup ("RS-00"), FALSE), ==, "Град Београд");
  g_assert_cmpstr (lin_place_get_name (lin_places_lookup ("RS-00"), TRUE), ==, "Grad Beograd");
  g_assert_cmpstr (lin_place_get_name (lin_places_lookup ("RS-20"), TRUE), ==, "Nišavski okrug");
  g_assert_cmpstr (lin_place_get_name (lin_places_lookup ("RS-25"), FALSE), ==, "Косовски округ");
  g_assert_cmpstr (lin_place_get_name (lin_places_lookup ("RS-29"), TRUE), ==, "Kosovskopomoravski okrug");
}

/* The codes are the ones of Debian's iso-codes, where it is installed */
static void
test_districts_iso_codes (void)
{
  const char *path = "/usr/share/iso-codes/json/iso_3166-2.json";
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *entries;
  guint n_found = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("iso-codes is not installed");
      return;
    }

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "3166-2");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *code = json_object_get_string_member (entry, "code");
      const char *type = json_object_get_string_member (entry, "type");
      const LinPlace *district;

      if (!g_str_has_prefix (code, "RS-")
          || (!g_str_equal (type, "District") && !g_str_equal (type, "City")))
        continue;

      district = lin_places_lookup (code);
      g_assert_nonnull (district);
      g_assert_cmpint (lin_place_get_kind (district), ==, LIN_PLACE_DISTRICT);
      n_found++;
    }

  g_assert_cmpuint (n_found, ==, 30);
}

static void
test_counts (void)
{
  static const char * const all[] = {
    "RS-00", "RS-01", "RS-02", "RS-03", "RS-04", "RS-05", "RS-06", "RS-07",
    "RS-08", "RS-09", "RS-10", "RS-11", "RS-12", "RS-13", "RS-14", "RS-15",
    "RS-16", "RS-17", "RS-18", "RS-19", "RS-20", "RS-21", "RS-22", "RS-23",
    "RS-24", "RS-25", "RS-26", "RS-27", "RS-28", "RS-29", NULL
  };
  static const char * const belgrade[] = { "RS-00", NULL };
  static const char * const vojvodina[] = {
    "RS-01", "RS-02", "RS-03", "RS-04", "RS-05", "RS-06", "RS-07", NULL
  };
  static const char * const sumadija_west[] = {
    "RS-08", "RS-09", "RS-12", "RS-13", "RS-16", "RS-17", "RS-18", "RS-19", NULL
  };
  static const char * const south_east[] = {
    "RS-10", "RS-11", "RS-14", "RS-15", "RS-20", "RS-21", "RS-22", "RS-23", "RS-24", NULL
  };
  static const char * const kosovo_metohija[] = {
    "RS-25", "RS-26", "RS-27", "RS-28", "RS-29", NULL
  };
  g_autoptr(GPtrArray) everything = lin_places_municipalities (NULL);

  assert_counts (all, 145, 29, 30);
  assert_counts (belgrade, 0, 1, 17);
  assert_counts (vojvodina, 37, 8, 2);
  assert_counts (sumadija_west, 42, 10, 2);
  assert_counts (south_east, 38, 9, 9);
  assert_counts (kosovo_metohija, 28, 1, 0);
  g_assert_cmpuint (everything->len, ==, 145 + 29 + 30);

  /* Districts whose lists are beyond doubt */
  g_assert_cmpuint (n_in_district ("RS-01"), ==, 3);  /* Суботица, Бачка Топола, Мали Иђош */
  g_assert_cmpuint (n_in_district ("RS-10"), ==, 3);  /* Смедерево, Смедеревска Паланка, Велика Плана */
  g_assert_cmpuint (n_in_district ("RS-14"), ==, 4);  /* Бор, Кладово, Мајданпек, Неготин */
  g_assert_cmpuint (n_in_district ("RS-06"), ==, 1 + 2 + 11);
  g_assert_cmpuint (n_in_district ("RS-16"), ==, 1 + 2 + 9);
  g_assert_cmpuint (n_in_district ("RS-20"), ==, 1 + 5 + 6);
  g_assert_cmpuint (n_in_district ("RS-25"), ==, 10);
  g_assert_cmpuint (n_in_district ("RS-26"), ==, 5);
  g_assert_cmpuint (n_in_district ("RS-27"), ==, 4);
  g_assert_cmpuint (n_in_district ("RS-28"), ==, 6);
  g_assert_cmpuint (n_in_district ("RS-29"), ==, 4);

  g_assert_cmpuint (n_city_municipalities ("rs-beograd"), ==, 17);
  g_assert_cmpuint (n_city_municipalities ("rs-nis"), ==, 5);
  g_assert_cmpuint (n_city_municipalities ("rs-novi-sad"), ==, 2);
  g_assert_cmpuint (n_city_municipalities ("rs-pozarevac"), ==, 2);
  g_assert_cmpuint (n_city_municipalities ("rs-uzice"), ==, 2);
  g_assert_cmpuint (n_city_municipalities ("rs-vranje"), ==, 2);
  /* abolished in 2008 */
  g_assert_cmpuint (n_city_municipalities ("rs-kragujevac"), ==, 0);

  /* A district that does not exist has no places */
  g_assert_cmpuint (n_in_district ("RS-30"), ==, 0);
}

/* "rs-" and the folded Latin name, words joined by hyphens */
static char *
slug (const char *name)
{
  g_autofree char *folded = lin_translit_fold (name);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);

  return g_strjoinv ("-", words);
}

static void
test_codes (void)
{
  g_autoptr(GPtrArray) districts = lin_places_districts ();
  g_autoptr(GPtrArray) places = lin_places_municipalities (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GRegex) district_re = g_regex_new ("^RS-[0-9]{2}$", 0, 0, NULL);
  g_autoptr(GRegex) place_re = g_regex_new ("^rs(-[a-z0-9]+)+$", 0, 0, NULL);

  for (guint i = 0; i < districts->len; i++)
    {
      const char *code = lin_place_get_code (g_ptr_array_index (districts, i));

      g_assert_true (g_regex_match (district_re, code, 0, NULL));
      g_assert_true (g_hash_table_add (seen, (gpointer) code));
    }

  for (guint i = 0; i < places->len; i++)
    {
      const LinPlace *place = g_ptr_array_index (places, i);
      const LinPlace *city = lin_place_get_city (place);
      const LinPlace *district = lin_places_lookup (lin_place_get_district (place));
      const char *code = lin_place_get_code (place);
      g_autofree char *name_slug = slug (lin_place_get_name (place, FALSE));
      g_autofree char *expected = NULL;

      g_assert_true (g_regex_match (place_re, code, 0, NULL));
      g_assert_true (g_hash_table_add (seen, (gpointer) code));
      g_assert_true (lin_places_lookup (code) == place);

      /* Every place lies in a district that exists */
      g_assert_nonnull (district);
      g_assert_cmpint (lin_place_get_kind (district), ==, LIN_PLACE_DISTRICT);

      if (lin_place_get_kind (place) == LIN_PLACE_CITY_MUNICIPALITY)
        {
          g_assert_nonnull (city);
          g_assert_cmpint (lin_place_get_kind (city), ==, LIN_PLACE_CITY);
          g_assert_cmpstr (lin_place_get_district (city), ==, lin_place_get_district (place));
          expected = g_strconcat (lin_place_get_code (city), "-", name_slug, NULL);
        }
      else
        {
          g_assert_null (city);
          expected = g_strconcat ("rs-", name_slug, NULL);
        }

      g_assert_cmpstr (code, ==, expected);
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, 30 + 204);
}

static void
assert_script (const char    *text,
               GUnicodeScript script)
{
  g_assert_true (g_utf8_validate (text, -1, NULL));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c) && g_unichar_get_script (c) != script)
        g_error ("“%s” has a letter of another script: U+%04X", text, c);
    }
}

static void
test_names (void)
{
  g_autoptr(GPtrArray) districts = lin_places_districts ();
  g_autoptr(GPtrArray) places = lin_places_municipalities (NULL);

  g_ptr_array_extend_and_steal (places, g_steal_pointer (&districts));

  for (guint i = 0; i < places->len; i++)
    {
      const LinPlace *place = g_ptr_array_index (places, i);
      const char *name = lin_place_get_name (place, FALSE);
      const char *latin = lin_place_get_name (place, TRUE);

      g_assert_cmpstr (name, !=, "");
      assert_script (name, G_UNICODE_SCRIPT_CYRILLIC);
      g_assert_true (lin_translit_has_cyrillic (name));

      g_assert_false (lin_translit_has_cyrillic (latin));
      assert_script (latin, G_UNICODE_SCRIPT_LATIN);
    }

  g_assert_cmpstr (lin_place_get_name (lin_places_lookup ("rs-nis"), TRUE), ==, "Niš");
  g_assert_cmpstr (lin_place_get_name (lin_places_lookup ("rs-nis"), FALSE), ==, "Ниш");
  g_assert_cmpstr (lin_place_get_name (lin_places_lookup ("rs-ljig"), TRUE), ==, "Ljig");
  g_assert_cmpstr (lin_place_get_name (lin_places_lookup ("rs-indjija"), TRUE), ==, "Inđija");
  g_assert_cmpstr (lin_place_get_name (lin_places_lookup ("rs-gadzin-han"), TRUE), ==, "Gadžin Han");
  g_assert_cmpstr (lin_place_get_name (lin_places_lookup ("rs-beograd-novi-beograd"), TRUE), ==,
                   "Novi Beograd");
  g_assert_cmpstr (lin_place_get_name (lin_places_lookup ("rs-nis-crveni-krst"), FALSE), ==,
                   "Црвени Крст");
  g_assert_cmpstr (lin_place_get_district (lin_places_lookup ("rs-nis")), ==, "RS-20");
  g_assert_cmpstr (lin_place_get_district (lin_places_lookup ("rs-beograd-zemun")), ==, "RS-00");
  g_assert_cmpstr (lin_place_get_district (lin_places_lookup ("rs-novi-pazar")), ==, "RS-18");
  g_assert_cmpstr (lin_place_get_district (lin_places_lookup ("rs-zvecan")), ==, "RS-28");
}

static gboolean
has_code (GPtrArray  *places,
          const char *code)
{
  for (guint i = 0; i < places->len; i++)
    if (g_str_equal (lin_place_get_code (g_ptr_array_index (places, i)), code))
      return TRUE;

  return FALSE;
}

static void
test_search_scripts (void)
{
  static const char * const queries[] = { "nis", "Niš", "НИШ", "ниш", "NIS", " niš " };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) found = lin_places_search (queries[i], 0);

      g_test_message ("%s", queries[i]);
      g_assert_cmpuint (found->len, >=, 2);
      /* the exact name first, then Нишка Бања; not the district */
      g_assert_cmpstr (lin_place_get_code (g_ptr_array_index (found, 0)), ==, "rs-nis");
      g_assert_true (has_code (found, "rs-nis-niska-banja"));
      g_assert_false (has_code (found, "RS-20"));
    }
}

static void
test_search_prefix (void)
{
  g_autoptr(GPtrArray) novi = lin_places_search ("novi", 0);
  g_autoptr(GPtrArray) ovi = lin_places_search ("ovi", 0);
  g_autoptr(GPtrArray) beograd = lin_places_search ("Београд", 0);
  g_autoptr(GPtrArray) novi_sad = lin_places_search ("sad novi", 0);
  g_autoptr(GPtrArray) palilula = lin_places_search ("palilula", 0);
  g_autoptr(GPtrArray) vranje = lin_places_search ("vranje", 0);
  g_autoptr(GPtrArray) two = lin_places_search ("b", 2);
  g_autoptr(GPtrArray) empty = lin_places_search ("  ", 0);
  g_autoptr(GPtrArray) none = lin_places_search ("Атлантида", 0);

  /* "novi" begins a word: Нови Сад, Нови Пазар, Нови Београд, not Нова Варош */
  g_assert_true (has_code (novi, "rs-novi-sad"));
  g_assert_true (has_code (novi, "rs-novi-sad-novi-sad"));
  g_assert_true (has_code (novi, "rs-novi-pazar"));
  g_assert_true (has_code (novi, "rs-novi-becej"));
  g_assert_true (has_code (novi, "rs-novi-knezevac"));
  g_assert_true (has_code (novi, "rs-beograd-novi-beograd"));
  g_assert_false (has_code (novi, "rs-nova-varos"));
  g_assert_false (has_code (novi, "rs-nova-crnja"));
  g_assert_cmpuint (novi->len, ==, 6);

  /* only the beginning of a word */
  g_assert_cmpuint (ovi->len, ==, 0);

  /* the city first, then the city municipality named after it */
  g_assert_cmpuint (beograd->len, ==, 2);
  g_assert_cmpstr (lin_place_get_code (g_ptr_array_index (beograd, 0)), ==, "rs-beograd");
  g_assert_cmpstr (lin_place_get_code (g_ptr_array_index (beograd, 1)), ==, "rs-beograd-novi-beograd");

  /* the words in any order */
  g_assert_true (has_code (novi_sad, "rs-novi-sad"));
  g_assert_cmpuint (novi_sad->len, ==, 2);

  /* one name, two cities: told apart by their city */
  g_assert_cmpuint (palilula->len, ==, 2);
  g_assert_true (has_code (palilula, "rs-beograd-palilula"));
  g_assert_true (has_code (palilula, "rs-nis-palilula"));

  /* two exact names: the city before its city municipality */
  g_assert_cmpuint (vranje->len, ==, 2);
  g_assert_cmpstr (lin_place_get_code (g_ptr_array_index (vranje, 0)), ==, "rs-vranje");
  g_assert_cmpstr (lin_place_get_code (g_ptr_array_index (vranje, 1)), ==, "rs-vranje-vranje");

  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_lookup_unknown (void)
{
  g_assert_null (lin_places_lookup ("rs-atlantida"));
  g_assert_null (lin_places_lookup ("RS-30"));
  g_assert_null (lin_places_lookup ("rs-NIS"));
  g_assert_null (lin_places_lookup (""));
  g_assert_nonnull (lin_places_lookup ("rs-nis"));
}

static void
assert_latin_for (const char *language,
                  gboolean    latin)
{
  g_setenv ("LANGUAGE", language, TRUE);
  g_test_message ("LANGUAGE=%s", language);
  g_assert_cmpint (lin_places_use_latin (), ==, latin);
}

static void
test_use_latin (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  assert_latin_for ("sr", FALSE);
  assert_latin_for ("sr_RS", FALSE);
  assert_latin_for ("sr_RS.UTF-8", FALSE);
  assert_latin_for ("sr@latin", TRUE);
  assert_latin_for ("sr_RS@latin", TRUE);
  assert_latin_for ("en", TRUE);
  assert_latin_for ("rom", TRUE);
  assert_latin_for ("srn", TRUE);
  assert_latin_for ("sr:en", FALSE);

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/places/districts", test_districts);
  g_test_add_func ("/places/districts/iso-codes", test_districts_iso_codes);
  g_test_add_func ("/places/counts", test_counts);
  g_test_add_func ("/places/codes", test_codes);
  g_test_add_func ("/places/names", test_names);
  g_test_add_func ("/places/search/scripts", test_search_scripts);
  g_test_add_func ("/places/search/prefix", test_search_prefix);
  g_test_add_func ("/places/lookup/unknown", test_lookup_unknown);
  g_test_add_func ("/places/use-latin", test_use_latin);

  return g_test_run ();
}
