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
 * holiday.
 */

#include "config.h"

#include "lin-directory.h"

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

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("LANGUAGE", "en", TRUE);
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

  status = g_test_run ();

  lin_directory_free (directory);
  g_ptr_array_unref (services);

  return status;
}
