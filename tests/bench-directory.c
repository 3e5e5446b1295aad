/* bench-directory.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Directory search over 10,000 made-up services spread over every
 * municipality of Serbia: the time to build the index (as at unlock), and
 * the latency of 1,000 queries of the kinds a counsellor types (a town in
 * either script, with or without diacritics, its first letters, a type's
 * usual word with a town), against a naive scan that folds every
 * service's words for each query, measured in the same run; median, p99
 * and their ratio. Goal: p99 ≤ 2 ms. A benchmark: it prints a table and
 * one line of JSON and never fails because something is slow.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lin-bench-utils.h"
#include "lin-directory.h"
#include "lin-places.h"
#include "lin-translit.h"

#define N_SERVICES 10000
#define N_QUERIES  1000
#define SEED       4242

static const char * const types[] = {
  "csw", "police", "health", "prosecution", "court", "shelter", "legal-aid", "sos-line", "ngo",
};

static const char * const type_names[] = {
  "Центар за социјални рад", "Полицијска станица", "Дом здравља", "Основно јавно тужилаштво",
  "Основни суд", "Сигурна кућа", "Правна помоћ", "СОС телефон", "Женско удружење",
};

static const char * const type_queries[] = { "csr", "цср", "policija", "dom zdravlja", "sud", "sigurna", "pravna", "sos" };

static const char * const hours[] = {
  "24/7", "mon-fri 07:30-15:30", "mon-fri 08:00-16:00; sat 09:00-13:00", "mon-sun 20:00-08:00",
};

/* The service's words folded for each query, as a scan without an index
 * would: the naive way the index is measured against */
static gboolean
naive_matches (LinRecord  *service,
               char      **words)
{
  g_autofree char *text = lin_directory_dup_service_words (service);
  g_autofree char *folded = lin_translit_fold (text);
  g_auto(GStrv) haystack = NULL;

  for (char *p = folded; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      *p = ' ';
  haystack = g_strsplit (folded, " ", -1);

  for (guint w = 0; words[w] != NULL; w++)
    {
      gboolean found = FALSE;

      if (*words[w] == '\0')
        continue;
      for (guint h = 0; haystack[h] != NULL && !found; h++)
        found = *haystack[h] != '\0' && g_str_has_prefix (haystack[h], words[w]);
      if (!found)
        return FALSE;
    }

  return TRUE;
}

static guint
naive_search (GPtrArray  *services,
              const char *query)
{
  g_autofree char *folded = lin_translit_fold (query);
  g_auto(GStrv) words = NULL;
  guint n = 0;

  for (char *p = folded; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      *p = ' ';
  words = g_strsplit (folded, " ", -1);

  for (guint i = 0; i < services->len; i++)
    n += naive_matches (services->pdata[i], words);

  return n;
}

/* a town as she might type it: whole or its first letters, in Cyrillic,
 * in Latin, or without diacritics, in any case */
static char *
town_query (GRand          *rand,
            const LinPlace *place)
{
  const char *cyrillic = lin_place_get_name (place, FALSE);
  g_autofree char *latin = lin_translit_to_latin (cyrillic);
  g_autofree char *ascii = lin_translit_fold (cyrillic);
  const char *forms[] = { cyrillic, latin, ascii };
  const char *form = forms[g_rand_int_range (rand, 0, G_N_ELEMENTS (forms))];
  glong len = g_utf8_strlen (form, -1);
  glong keep = g_rand_boolean (rand) ? len : MIN (len, g_rand_int_range (rand, 3, 6));
  g_autofree char *prefix = g_utf8_substring (form, 0, keep);

  return g_rand_boolean (rand) ? g_utf8_strdown (prefix, -1) : g_strdup (prefix);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) municipalities = g_ptr_array_new ();
  g_autoptr(GPtrArray) districts = lin_places_districts ();
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) indexed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) naive = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(LinDirectory) directory = NULL;
  double start, build_ms, hits = 0;

  g_setenv ("LANGUAGE", "en", TRUE);

  for (guint d = 0; d < districts->len; d++)
    {
      g_autoptr(GPtrArray) in_district = lin_places_municipalities (lin_place_get_code (districts->pdata[d]));

      g_ptr_array_extend (municipalities, in_district, NULL, NULL);
    }

  /* made-up services: a type's usual name, the town, a number */
  for (guint i = 0; i < N_SERVICES; i++)
    {
      const LinPlace *place = municipalities->pdata[g_rand_int_range (rand, 0, municipalities->len)];
      guint type = g_rand_int_range (rand, 0, G_N_ELEMENTS (types));
      g_autoptr(JsonObject) fields = json_object_new ();
      g_autofree char *name = g_strdup_printf ("%s %s %u", type_names[type],
                                               lin_place_get_name (place, FALSE), i);
      LinRecord *record = lin_record_new (LIN_SERVICE_KIND);

      json_object_set_string_member (fields, LIN_SERVICE_FIELD_NAME, name);
      json_object_set_string_member (fields, LIN_SERVICE_FIELD_TYPE, types[type]);
      json_object_set_string_member (fields, LIN_SERVICE_FIELD_MUNICIPALITY, lin_place_get_code (place));
      json_object_set_string_member (fields, LIN_SERVICE_FIELD_HOURS, hours[g_rand_int_range (rand, 0, G_N_ELEMENTS (hours))]);
      lin_record_set_fields (record, fields);
      g_ptr_array_add (services, record);
    }

  /* what she types: a town, a type and a town, a type alone */
  for (guint i = 0; i < N_QUERIES; i++)
    {
      const LinPlace *place = municipalities->pdata[g_rand_int_range (rand, 0, municipalities->len)];
      g_autofree char *town = town_query (rand, place);
      guint kind = g_rand_int_range (rand, 0, 10);

      if (kind < 6)
        g_ptr_array_add (queries, g_steal_pointer (&town));
      else if (kind < 9)
        g_ptr_array_add (queries, g_strdup_printf ("%s %s",
                                                   type_queries[g_rand_int_range (rand, 0, G_N_ELEMENTS (type_queries))],
                                                   town));
      else
        g_ptr_array_add (queries, g_strdup (type_queries[g_rand_int_range (rand, 0, G_N_ELEMENTS (type_queries))]));
    }

  start = lin_bench_now ();
  directory = lin_directory_new (services);
  build_ms = (lin_bench_now () - start) * 1000;

  for (guint i = 0; i < queries->len; i++)
    {
      g_autoptr(GPtrArray) found = NULL;
      double ms;
      guint n_naive;

      start = lin_bench_now ();
      found = lin_directory_search (directory, queries->pdata[i], NULL);
      ms = (lin_bench_now () - start) * 1000;
      g_array_append_val (indexed, ms);
      hits += found->len;

      start = lin_bench_now ();
      n_naive = naive_search (services, queries->pdata[i]);
      ms = (lin_bench_now () - start) * 1000;
      g_array_append_val (naive, ms);

      if (n_naive != found->len)
        g_error ("bench-directory: “%s”: %u found by the index, %u by the scan",
                 (const char *)queries->pdata[i], found->len, n_naive);
    }

  printf ("Linija directory benchmark: %u made-up services, %u queries\n\n", N_SERVICES, N_QUERIES);
  printf ("   %-44s %10.1f ms\n", "index build (at unlock)", build_ms);
  printf ("   %-44s %10.1f\n\n", "services found per query, mean", hits / queries->len);
  printf ("   %-44s %10s %10s\n", "query latency, ms", "median", "p99");
  printf ("   %-44s %10.3f %10.3f   (goal: p99 ≤ 2 ms)\n", "index",
          lin_bench_percentile (indexed, 50), lin_bench_percentile (indexed, 99));
  printf ("   %-44s %10.3f %10.3f\n", "naive scan, folding every service per query",
          lin_bench_percentile (naive, 50), lin_bench_percentile (naive, 99));
  printf ("   %-44s %9.0f× %9.0f×\n\n", "naive / index",
          lin_bench_percentile (naive, 50) / lin_bench_percentile (indexed, 50),
          lin_bench_percentile (naive, 99) / lin_bench_percentile (indexed, 99));
  printf ("{\"benchmark\":\"directory\",\"services\":%u,\"queries\":%u,\"build_ms\":%.2f,"
          "\"median_ms\":%.4f,\"p99_ms\":%.4f,\"naive_median_ms\":%.3f,\"naive_p99_ms\":%.3f}\n",
          N_SERVICES, N_QUERIES, build_ms,
          lin_bench_percentile (indexed, 50), lin_bench_percentile (indexed, 99),
          lin_bench_percentile (naive, 50), lin_bench_percentile (naive, 99));

  return 0;
}
