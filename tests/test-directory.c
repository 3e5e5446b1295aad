/* test-directory.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Directory search on a handful of test services (no contact details,
 * names made up): a table of queries and the services they must find, in
 * order, across scripts, diacritics and case, by word prefix and with
 * several words; the town named first, then its district, then the rest;
 * and each filter, accessibility included, and "open now" across
 * midnight, on the night of the March clock change and on a public
 * holiday. Then the demo profile's fictional directory, on a real store:
 * every district, plainly made-up contacts, through CSV and back.
 */

#include "config.h"

#include <string.h>

#include "lin-call.h"
#include "lin-demo.h"
#include "lin-directory.h"
#include "lin-directory-csv.h"
#include "lin-places.h"
#include "lin-translit.h"
#include "lin-vault-test-utils.h"

static GPtrArray *services;
static LinDirectory *directory;

static LinRecord *
service (const char *json)
{
  g_autoptr(GError) error = NULL;
  LinRecord *record = lin_record_new (LIN_SERVICE_KIND);

  lin_record_set_fields_json (record, json, &error);
  g_assert_no_error (error);

  return record;
}

/* the names of the services found, separated by " | " */
static char *
names (GPtrArray *found)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    {
      if (i > 0)
        g_string_append (out, " | ");
      g_string_append (out, lin_record_get_string (found->pdata[i], LIN_SERVICE_FIELD_NAME));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_found (const char               *query,
              const LinDirectoryFilter *filter,
              const char               *expected)
{
  g_autoptr(GPtrArray) found = lin_directory_search (directory, query, filter);
  g_autofree char *got = names (found);

  if (g_strcmp0 (got, expected) != 0)
    g_error ("Query “%s”: found “%s”, expected “%s”", query, got, expected);
}

static void
test_scripts_and_prefixes (void)
{
  static const struct { const char *query, *expected; } cases[] = {
    /* any script, any case, with or without diacritics: Niš's town
     * first, then its district, then a name that begins the same */
    { "nis", "Тест ЦСР Медијана | Test Sigurna kuća Niš | Тест полиција Алексинац | Test Nišković pravna pomoć" },
    { "Niš", "Тест ЦСР Медијана | Test Sigurna kuća Niš | Тест полиција Алексинац | Test Nišković pravna pomoć" },
    { "НИШ", "Тест ЦСР Медијана | Test Sigurna kuća Niš | Тест полиција Алексинац | Test Nišković pravna pomoć" },
    { "ниш", "Тест ЦСР Медијана | Test Sigurna kuća Niš | Тест полиција Алексинац | Test Nišković pravna pomoć" },
    { "NIS", "Тест ЦСР Медијана | Test Sigurna kuća Niš | Тест полиција Алексинац | Test Nišković pravna pomoć" },
    /* the type's usual words, with the town */
    { "csr kraljevo", "Test CSR Kraljevo" },
    { "центар за социјални рад краљево", "Test CSR Kraljevo" },
    { "цср краљ", "Test CSR Kraljevo" },
    { "sigurna", "Test Sigurna kuća Niš" },
    { "kuca nis", "Test Sigurna kuća Niš" },
    { "sklonište", "Test Sigurna kuća Niš" },
    { "krag", "Тест дом здравља Крагујевац" },
    { "dom zdravlja", "Тест дом здравља Крагујевац" },
    { "  Novi   SAD ", "Test Nišković pravna pomoć" },
    /* two towns of one name: both in town */
    { "palilula", "Test Sigurna kuća Niš | Test SOS linija Palilula" },
    { "palilula sos", "Test SOS linija Palilula" },
    /* the municipality of a city finds it by the city's name too */
    { "medijana", "Тест ЦСР Медијана" },
    { "xyz", "" },
    { "nis xyz", "" },
    /* nothing typed: every service, by name */
    { "", "Test CSR Kraljevo | Тест ЦСР Медијана | Тест дом здравља Крагујевац | Test Nišković pravna pomoć | "
          "Тест полиција Алексинац | Test Sigurna kuća Niš | Test SOS linija Palilula" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_found (cases[i].query, NULL, cases[i].expected);
}

static void
test_filters (void)
{
  LinDirectoryFilter filter = { NULL, };

  filter.service_type = "csw";
  assert_found ("", &filter, "Test CSR Kraljevo | Тест ЦСР Медијана");
  assert_found ("nis", &filter, "Тест ЦСР Медијана");

  filter = (LinDirectoryFilter) { .district = "RS-20" };
  assert_found ("", &filter, "Тест ЦСР Медијана | Тест полиција Алексинац | Test Sigurna kuća Niš");

  filter = (LinDirectoryFilter) { .municipality = "rs-nis-medijana" };
  assert_found ("", &filter, "Тест ЦСР Медијана");
  /* a city: its city municipalities' services too */
  filter = (LinDirectoryFilter) { .municipality = "rs-nis" };
  assert_found ("", &filter, "Тест ЦСР Медијана | Test Sigurna kuća Niš");

  filter = (LinDirectoryFilter) { .always_open = TRUE };
  assert_found ("", &filter, "Тест полиција Алексинац | Test Sigurna kuća Niš");

  filter = (LinDirectoryFilter) { .language = "rom" };
  assert_found ("", &filter, "Тест ЦСР Медијана");
  filter = (LinDirectoryFilter) { .language = "hu" };
  assert_found ("", &filter, "Тест дом здравља Крагујевац");

  filter = (LinDirectoryFilter) { .accessibility = "step-free" };
  assert_found ("", &filter, "Тест ЦСР Медијана | Test Sigurna kuća Niš");
  filter = (LinDirectoryFilter) { .accessibility = "accessible-shelter" };
  assert_found ("", &filter, "Test Sigurna kuća Niš");
  filter = (LinDirectoryFilter) { .accessibility = "easy-read" };
  assert_found ("", &filter, "");
  filter = (LinDirectoryFilter) { .accessibility = "step-free", .language = "rom" };
  assert_found ("nis", &filter, "Тест ЦСР Медијана");
}

static void
test_open_now (void)
{
  /* Wednesday 25 November 2026, 10:00 and 23:30 in Belgrade (UTC+1) */
  g_autoptr(GDateTime) morning = g_date_time_new_utc (2026, 11, 25, 9, 0, 0);
  g_autoptr(GDateTime) night = g_date_time_new_utc (2026, 11, 25, 22, 30, 0);
  /* Sunday 29 March 2026, 04:30 CEST: two hours after the clocks went on */
  g_autoptr(GDateTime) march = g_date_time_new_utc (2026, 3, 29, 2, 30, 0);
  /* Tuesday 24 November 2026, 15:15: one centre closed, one open */
  g_autoptr(GDateTime) afternoon = g_date_time_new_utc (2026, 11, 24, 14, 15, 0);
  LinDirectoryFilter filter = { NULL, };

  filter.open_at = morning;
  assert_found ("", &filter, "Test CSR Kraljevo | Тест ЦСР Медијана | Тест полиција Алексинац | Test Sigurna kuća Niš");
  filter.open_at = night;
  assert_found ("", &filter, "Тест дом здравља Крагујевац | Тест полиција Алексинац | Test Sigurna kuća Niš");
  filter.open_at = march;
  assert_found ("", &filter, "Тест дом здравља Крагујевац | Тест полиција Алексинац | Test Sigurna kuća Niš");
  filter.open_at = afternoon;
  assert_found ("csr", &filter, "Тест ЦСР Медијана");

  /* Tuesday 17 February 2026, 10:00, the day off moved from Statehood
   * Day's Sunday: the centre closed on holidays is closed */
  {
    g_autoptr(GDateTime) holiday = g_date_time_new_utc (2026, 2, 17, 9, 0, 0);

    filter.open_at = holiday;
    assert_found ("csr", &filter, "Тест ЦСР Медијана");
  }
}

/* The demo directory */

static LinStore *
demo_store (char **data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *profile = NULL;
  LinStore *store;

  *data_dir = lin_vault_test_make_tmp ("directory");
  profile = lin_vault_test_create_profile (*data_dir, "Demo");
  store = lin_profile_unlock (profile, LIN_VAULT_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);

  return store;
}

/* @fields without "demo", as JSON */
static char *
dup_without_demo (LinRecord *record)
{
  g_autofree char *json = lin_record_dup_fields_json (record);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  json_object_remove_member (json_node_get_object (node), "demo");
  return json_to_string (node, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

static void
assert_fictional (LinRecord *service)
{
  JsonObject *fields = lin_record_get_fields (service);
  JsonArray *phones = json_object_get_array_member (fields, "phones");
  const char *web = json_object_get_string_member_with_default (fields, "web", NULL);

  g_assert_true (json_object_get_boolean_member_with_default (fields, "demo", FALSE));
  g_autofree char *description = lin_translit_fold (json_object_get_string_member (fields, "description"));

  g_assert_nonnull (strstr (description, "izmisljen unos za demo profil"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (fields, "email"), "@primer.invalid"));
  g_assert_true (web == NULL || g_str_has_prefix (web, "https://primer.invalid/"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (fields, "address"), "Измишљена ") ||
                 g_str_has_prefix (json_object_get_string_member (fields, "address"), "Izmišljena "));
  g_assert_cmpuint (json_array_get_length (phones), >, 0);
  for (guint i = 0; i < json_array_get_length (phones); i++)
    g_assert_true (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (phones, i),
                                                                    "number"), "000 "));
}

static void
assert_finds_centre (LinDirectory *demo,
                     const char   *query)
{
  LinDirectoryFilter filter = { .service_type = "csw", .municipality = "rs-kraljevo" };
  g_autoptr(GPtrArray) found = lin_directory_search (demo, query, &filter);
  g_autoptr(GPtrArray) first = lin_directory_search (demo, query, NULL);

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (first->len > 0 && first->pdata[0] == found->pdata[0]);
}

static void
test_demo (void)
{
  g_autofree char *data_dir = NULL, *other_dir = NULL;
  g_autoptr(LinStore) store = demo_store (&data_dir);
  g_autoptr(LinStore) other = demo_store (&other_dir);
  g_autoptr(GPtrArray) districts = lin_places_districts ();
  g_autoptr(GHashTable) covered = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) list = NULL, again = NULL, read = NULL, problems = NULL;
  g_autoptr(LinDirectory) demo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  g_autoptr(GDateTime) year_ago = g_date_time_add_years (now, -1);
  g_autofree char *year_ago_text = NULL;
  g_autofree char *csv = NULL;
  guint n_always = 0, n_overnight = 0, n_saturday = 0, n_old = 0, n_latin = 0;
  gint64 start;

  start = g_get_monotonic_time ();
  g_assert_true (lin_demo_add_services (store, LIN_DEMO_SEED, &error));
  g_assert_no_error (error);
  g_test_message ("demo directory made and saved in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);

  list = lin_store_list (store, LIN_SERVICE_KIND);
  g_assert_cmpuint (list->len, >=, 300);
  g_assert_cmpuint (list->len, <=, 400);

  year_ago_text = g_date_time_format (year_ago, "%Y-%m-%d");
  for (guint i = 0; i < list->len; i++)
    {
      LinRecord *service = list->pdata[i];
      const char *hours = lin_record_get_string (service, LIN_SERVICE_FIELD_HOURS);

      assert_fictional (service);
      g_hash_table_add (covered, (gpointer)lin_record_get_string (service, LIN_SERVICE_FIELD_DISTRICT));
      n_always += g_str_equal (hours, "24/7");
      n_overnight += strstr (hours, "20:00-08:00") != NULL;
      n_saturday += strstr (hours, "sat") != NULL;
      n_old += strcmp (lin_record_get_string (service, "verified"), year_ago_text) < 0;
      n_latin += !lin_translit_has_cyrillic (lin_record_get_string (service, LIN_SERVICE_FIELD_NAME));
    }
  g_test_message ("demo directory: %u services in %u districts; %u open 24/7, %u overnight, %u on Saturdays, "
                  "%u verified over a year ago, %u named in Latin",
                  list->len, g_hash_table_size (covered), n_always, n_overnight, n_saturday, n_old, n_latin);

  /* every district; every kind of hours; some entries to check again */
  for (guint i = 0; i < districts->len; i++)
    g_assert_true (g_hash_table_contains (covered, lin_place_get_code (districts->pdata[i])));
  g_assert_cmpuint (g_hash_table_size (covered), ==, districts->len);
  g_assert_cmpuint (n_always, >, 0);
  g_assert_cmpuint (n_overnight, >, 0);
  g_assert_cmpuint (n_saturday, >, 0);
  g_assert_cmpuint (n_old, >=, list->len / 20);
  g_assert_cmpuint (n_old, <=, list->len / 4);
  g_assert_cmpuint (n_latin, >, list->len / 4);
  g_assert_cmpuint (n_latin, <, list->len * 3 / 4);

  /* an export imports again as it was, "demo" aside */
  csv = lin_directory_csv_write (list);
  read = lin_directory_csv_read (csv, strlen (csv), &problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (read->len, ==, list->len);
  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *written = dup_without_demo (list->pdata[i]);
      g_autofree char *back = lin_record_dup_fields_json (read->pdata[i]);
      g_autoptr(JsonNode) a = json_from_string (written, NULL);
      g_autoptr(JsonNode) b = json_from_string (back, NULL);

      if (!json_node_equal (a, b))
        g_error ("The demo service %s came back from CSV as %s", written, back);
    }

  /* a counsellor finds Kraljevo's centre in either script */
  demo = lin_directory_new (list);
  assert_finds_centre (demo, "csr kraljevo");
  assert_finds_centre (demo, "ЦСР краљево");

  /* the same seed, the same services */
  g_assert_true (lin_demo_add_services (other, LIN_DEMO_SEED, &error));
  g_assert_no_error (error);
  again = lin_store_list (other, LIN_SERVICE_KIND);
  g_assert_cmpuint (again->len, ==, list->len);
  {
    g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) b = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < list->len; i++)
      {
        g_ptr_array_add (a, lin_record_dup_fields_json (list->pdata[i]));
        g_ptr_array_add (b, lin_record_dup_fields_json (again->pdata[i]));
      }
    g_ptr_array_sort (a, compare_strings);
    g_ptr_array_sort (b, compare_strings);
    for (guint i = 0; i < a->len; i++)
      g_assert_cmpstr (a->pdata[i], ==, b->pdata[i]);
  }

  /* saving the whole directory again, as an import of it would */
  start = g_get_monotonic_time ();
  g_assert_true (lin_store_save_all (store, list, &error));
  g_assert_no_error (error);
  g_test_message ("demo directory saved again in one transaction in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  lin_store_close (store);
  lin_store_close (other);
  lin_vault_test_rm_rf (data_dir);
  lin_vault_test_rm_rf (other_dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("LANGUAGE", "en", TRUE);
  lin_vault_test_init ();
  g_test_init (&argc, &argv, NULL);

  services = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (services, service ("{\"name\":\"Тест ЦСР Медијана\",\"service_type\":\"csw\","
                                      "\"municipality\":\"rs-nis-medijana\",\"hours\":\"mon-fri 07:30-15:30\","
                                      "\"languages\":[\"sr\",\"rom\"],\"accessibility\":[\"step-free\",\"sign-language\"]}"));
  g_ptr_array_add (services, service ("{\"name\":\"Test Sigurna kuća Niš\",\"service_type\":\"shelter\","
                                      "\"municipality\":\"rs-nis-palilula\",\"hours\":\"24/7\",\"languages\":[\"sr\"],"
                                      "\"accessibility\":[\"accessible-shelter\",\"step-free\"]}"));
  g_ptr_array_add (services, service ("{\"name\":\"Тест полиција Алексинац\",\"service_type\":\"police\","
                                      "\"municipality\":\"rs-aleksinac\",\"hours\":\"24/7\",\"languages\":[\"sr\"]}"));
  g_ptr_array_add (services, service ("{\"name\":\"Test CSR Kraljevo\",\"service_type\":\"csw\","
                                      "\"municipality\":\"rs-kraljevo\",\"hours\":\"mon-fri 07:00-15:00\","
                                      "\"holidays_closed\":true}"));
  g_ptr_array_add (services, service ("{\"name\":\"Test Nišković pravna pomoć\",\"service_type\":\"legal-aid\","
                                      "\"organisation\":\"Test\",\"municipality\":\"rs-novi-sad-novi-sad\"}"));
  g_ptr_array_add (services, service ("{\"name\":\"Тест дом здравља Крагујевац\",\"service_type\":\"health\","
                                      "\"municipality\":\"rs-kragujevac\",\"hours\":\"mon-sun 20:00-08:00\","
                                      "\"languages\":[\"sr\",\"hu\"]}"));
  g_ptr_array_add (services, service ("{\"name\":\"Test SOS linija Palilula\",\"service_type\":\"sos-line\","
                                      "\"municipality\":\"rs-beograd-palilula\"}"));
  directory = lin_directory_new (services);
  g_assert_cmpuint (lin_directory_get_n_services (directory), ==, services->len);

  g_test_add_func ("/directory/scripts-and-prefixes", test_scripts_and_prefixes);
  g_test_add_func ("/directory/filters", test_filters);
  g_test_add_func ("/directory/open-now", test_open_now);
  g_test_add_func ("/directory/demo", test_demo);

  status = g_test_run ();

  lin_directory_free (directory);
  g_ptr_array_unref (services);

  return status;
}
