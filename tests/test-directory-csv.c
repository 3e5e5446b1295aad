/* test-directory-csv.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The directory's CSV files: written and read back to the same services
 * (quotes, commas, line breaks, confidential phones, every column); every
 * kind of bad file and bad row (wrong column count, bad hours, an unknown
 * service type, a municipality that is not one, invalid UTF-8, a 10 MB
 * field, an unclosed quote, unknown or missing columns) reported with its
 * line number and reason, and the rows that are well read still read.
 * The services here are made up and have no real contact details.
 */

#include "config.h"

#include <string.h>

#include "lin-directory.h"
#include "lin-directory-csv.h"

#define HEADER "organisation,name,service_type,description,municipality,address,address_confidential," \
               "phones,email,web,hours,holidays_closed,languages,accessibility,eligibility,verified,verified_by\r\n"

static char *
problems_text (GPtrArray *problems)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "\n" : "", ((LinCsvProblem *)problems->pdata[i])->message);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GPtrArray *
read_ok (const char *csv)
{
  g_autoptr(GPtrArray) problems = NULL;
  GPtrArray *services = lin_directory_csv_read (csv, strlen (csv), &problems);
  g_autofree char *text = problems_text (problems);

  g_assert_cmpstr (text, ==, "");

  return services;
}

static void
assert_problems (const char *csv,
                 gsize       len,
                 guint       n_read,
                 const char *expected)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) services = lin_directory_csv_read (csv, len, &problems);
  g_autofree char *text = problems_text (problems);

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (services->len, ==, n_read);
}

static void
test_round_trip (void)
{
  const char *csv =
    HEADER
    "Test organisation,\"Test shelter, \"\"Niš\"\"\",shelter,\"Two lines:\nfirst\r\nsecond\",rs-nis-palilula,"
    "Test street 1,yes,\"Duty: 000 000 001; Director: +381 00 000 002 (confidential)\",test@example.org,"
    "https://example.org,24/7,no,sr; rom,step-free; sign-language,  women over 18  ,2026-11-01,Test coordinator\r\n"
    ",Тест ЦСР Краљево,csw,,rs-kraljevo,,,,,,mon-fri 07:00-15:00; sat 08:00-12:00,yes,,,,,\r\n";
  g_autoptr(GPtrArray) services = read_ok (csv);
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *written = NULL;
  g_autofree char *written_again = NULL;
  JsonObject *fields;
  JsonArray *phones;

  g_assert_cmpuint (services->len, ==, 2);
  fields = lin_record_get_fields (services->pdata[0]);
  g_assert_cmpstr (json_object_get_string_member (fields, "name"), ==, "Test shelter, \"Niš\"");
  g_assert_cmpstr (json_object_get_string_member (fields, "description"), ==, "Two lines:\nfirst\r\nsecond");
  g_assert_cmpstr (json_object_get_string_member (fields, "district"), ==, "RS-20");
  g_assert_true (json_object_get_boolean_member (fields, "address_confidential"));
  g_assert_cmpstr (json_object_get_string_member (fields, "eligibility"), ==, "  women over 18  ");
  phones = json_object_get_array_member (fields, "phones");
  g_assert_cmpuint (json_array_get_length (phones), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (phones, 1), "number"), ==,
                   "+381 00 000 002");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (phones, 1), "confidential"));
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (phones, 0), "confidential"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (fields, "languages")), ==, 2);
  fields = lin_record_get_fields (services->pdata[1]);
  g_assert_cmpstr (json_object_get_string_member (fields, "hours"), ==, "mon-fri 07:00-15:00; sat 08:00-12:00");
  g_assert_false (json_object_has_member (fields, "organisation"));

  /* written and read back: the same fields, and the same file again */
  written = lin_directory_csv_write (services);
  again = read_ok (written);
  g_assert_cmpuint (again->len, ==, services->len);
  for (guint i = 0; i < services->len; i++)
    {
      g_autoptr(JsonNode) a = json_node_init_object (json_node_alloc (), lin_record_get_fields (services->pdata[i]));
      g_autoptr(JsonNode) b = json_node_init_object (json_node_alloc (), lin_record_get_fields (again->pdata[i]));

      g_assert_true (json_node_equal (a, b));
    }
  written_again = lin_directory_csv_write (again);
  g_assert_cmpstr (written_again, ==, written);
  g_assert_true (g_str_has_prefix (written, HEADER));

  /* columns in another order, a byte order mark, LF line ends */
  {
    g_autoptr(GPtrArray) reordered = read_ok ("\xef\xbb\xbfmunicipality,service_type,name\nrs-kraljevo,police,Test police\n\n");

    g_assert_cmpuint (reordered->len, ==, 1);
    g_assert_cmpstr (lin_record_get_string (reordered->pdata[0], "name"), ==, "Test police");
  }
}

static void
test_bad_rows (void)
{
  g_autofree char *big = NULL;
  g_autofree char *big_csv = NULL;

  assert_problems ("", 0, 0, "Line 1: the file is empty; its first line must name the columns.");
  assert_problems ("name,service_type,municipality,colour\n", 38, 0,
                   "Line 1: “colour” is not a column of the directory.");
  assert_problems ("name,municipality\n", 18, 0, "Line 1: the column “service_type” is missing.");
  assert_problems ("name,name,service_type,municipality\n", 36, 0, "Line 1: the column “name” is named twice.");

#define ROWS(text) "name,service_type,municipality,hours\n" text
  {
    const char *csv = ROWS ("Test A,police,rs-kraljevo,24/7\n"
                            "Test B,police,rs-kraljevo\n"
                            "Test C,police,rs-kraljevo,mon-fri 08:00-25:00\n"
                            "Test D,bakery,rs-kraljevo,\n"
                            "Test E,police,RS-18,\n"
                            "Test F,police,rs-nowhere,\n"
                            ",police,rs-kraljevo,\n"
                            "Test G,police,rs-kraljevo,24/7\n");

    assert_problems (csv, strlen (csv), 2,
                     "Line 3: 3 fields, where the first line names 4.\n"
                     "Line 4: “25:00” is not a time: write it as 08:00.\n"
                     "Line 5: “bakery” is not a service type.\n"
                     "Line 6: “RS-18” is not a municipality's code (data/places/rs.json has them).\n"
                     "Line 7: “rs-nowhere” is not a municipality's code (data/places/rs.json has them).\n"
                     "Line 8: the column “name” is empty.");
  }

  /* a quoted field over two lines: the next row's line is counted right */
  {
    const char *csv = ROWS ("\"Test\nA\",police,rs-kraljevo,24/7\n"
                            "Test B,police,rs-kraljevo,mon 9-17\n");

    assert_problems (csv, strlen (csv), 1, "Line 4: “9” is not a time: write it as 08:00.");
  }
  {
    const char *csv = ROWS ("Test A,police,rs-kraljevo,\"24/7\n");

    assert_problems (csv, strlen (csv), 0, "Line 2: a quoted field is not closed.");
  }

  /* not UTF-8: said with its line, nothing read */
  {
    const char csv[] = ROWS ("Test A,police,rs-kraljevo,\nTest \xc8\xe8,police,rs-kraljevo,\n");

    assert_problems (csv, sizeof csv - 1, 0, "Line 3: the text is not UTF-8. Save the file as UTF-8 and try again.");
  }

  /* a field of 10 MB */
  big = g_strnfill (10 * 1024 * 1024, 'x');
  big_csv = g_strdup_printf ("name,service_type,municipality,description\nTest A,police,rs-kraljevo,%s\n", big);
  assert_problems (big_csv, strlen (big_csv), 0, "Line 2: the column “description” holds more than 16 KiB.");
#undef ROWS
}

/* one field by the reader's rules, as the service editor reads it */
static void
test_read_field (void)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *bad_date = NULL;
  g_autofree char *bad_place = NULL;
  g_autofree char *bad_hours = NULL;

  g_assert_null (lin_directory_csv_read_field ("municipality", " rs-kraljevo ", fields));
  g_assert_cmpstr (json_object_get_string_member (fields, "municipality"), ==, "rs-kraljevo");
  g_assert_nonnull (json_object_get_string_member (fields, "district"));
  g_assert_null (lin_directory_csv_read_field ("hours", "mon 08:00-16:00; tue 08:00-16:00", fields));
  g_assert_cmpstr (json_object_get_string_member (fields, "hours"), ==, "mon-tue 08:00-16:00");
  g_assert_null (lin_directory_csv_read_field ("email", "", fields));
  g_assert_false (json_object_has_member (fields, "email"));

  bad_date = lin_directory_csv_read_field ("verified", "27.11.2026", fields);
  g_assert_cmpstr (bad_date, ==, "“27.11.2026” is not a date: write it as 2026-11-27.");
  bad_place = lin_directory_csv_read_field ("municipality", "RS-12", fields);
  g_assert_nonnull (bad_place);
  bad_hours = lin_directory_csv_read_field ("hours", "mon 25:00-16:00", fields);
  g_assert_cmpstr (bad_hours, ==, "“25:00” is not a time: write it as 08:00.");

  g_assert_true (lin_directory_csv_is_phone_number ("+381 (11) 000-0000"));
  g_assert_false (lin_directory_csv_is_phone_number ("call us"));
  g_assert_false (lin_directory_csv_is_phone_number (" - "));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/directory-csv/round-trip", test_round_trip);
  g_test_add_func ("/directory-csv/bad-rows", test_bad_rows);
  g_test_add_func ("/directory-csv/read-field", test_read_field);

  return g_test_run ();
}
