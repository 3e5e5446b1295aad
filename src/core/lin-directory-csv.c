/* lin-directory-csv.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The directory as CSV (RFC 4180: commas, fields with commas, quotes or
 * line breaks in double quotes, a quote doubled inside them), UTF-8, one
 * service a row, the first row naming the columns. data/directory-csv.md
 * documents the columns. GLib has no CSV reader, so this one is ours:
 * small, and strict about what it takes.
 *
 * Reading checks every row and says what is wrong with each, by line
 * number; the services come back beside the problems, for a preview, and
 * whoever imports them imports nothing while there is a problem. Writing
 * then reading gives the same services.
 */

#define G_LOG_DOMAIN "lin-directory-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "lin-codes.h"
#include "lin-directory.h"
#include "lin-directory-csv.h"
#include "lin-hours.h"
#include "lin-places.h"

typedef enum
{
  COLUMN_TEXT,
  COLUMN_REQUIRED_TEXT,
  COLUMN_CODE,       /* one code of @list */
  COLUMN_CODES,      /* codes of @list, "; "-separated; an array */
  COLUMN_PLACE,      /* a municipality's code; the district follows */
  COLUMN_BOOL,       /* yes or no */
  COLUMN_HOURS,      /* lin-hours text */
  COLUMN_PHONES,     /* "label: number; label: number (confidential)" */
  COLUMN_DATE,       /* YYYY-MM-DD */
} ColumnType;

typedef struct
{
  const char *name;  /* the CSV column and the record's field */
  ColumnType  type;
  const char *list;
} Column;

static const Column columns[] = {
  { "organisation", COLUMN_TEXT, NULL },
  { LIN_SERVICE_FIELD_NAME, COLUMN_REQUIRED_TEXT, NULL },
  { LIN_SERVICE_FIELD_TYPE, COLUMN_CODE, "service-type" },
  { "description", COLUMN_TEXT, NULL },
  { LIN_SERVICE_FIELD_MUNICIPALITY, COLUMN_PLACE, NULL },
  { "address", COLUMN_TEXT, NULL },
  { "address_confidential", COLUMN_BOOL, NULL },
  { "phones", COLUMN_PHONES, NULL },
  { "email", COLUMN_TEXT, NULL },
  { "web", COLUMN_TEXT, NULL },
  { LIN_SERVICE_FIELD_HOURS, COLUMN_HOURS, NULL },
  { "holidays_closed", COLUMN_BOOL, NULL },
  { LIN_SERVICE_FIELD_LANGUAGES, COLUMN_CODES, "language" },
  { LIN_SERVICE_FIELD_ACCESSIBILITY, COLUMN_CODES, "accessibility" },
  { "eligibility", COLUMN_TEXT, NULL },
  { "verified", COLUMN_DATE, NULL },
  { "verified_by", COLUMN_TEXT, NULL },
};

#define CONFIDENTIAL "(confidential)"

void
lin_csv_problem_free (LinCsvProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem);
}

/**
 * lin_directory_csv_get_columns:
 *
 * Returns: (transfer none): the columns, in the order they are written
 */
const char * const *
lin_directory_csv_get_columns (void)
{
  static const char *names[G_N_ELEMENTS (columns) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
      names[i] = columns[i].name;

  return names;
}

static void
add_problem (GPtrArray  *problems,
             guint       line,
             const char *message)
{
  LinCsvProblem *problem = g_new0 (LinCsvProblem, 1);

  problem->line = line;
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

/* Reading */

typedef struct
{
  const char *p;
  const char *end;
  guint       line;
} Reader;

/* One row's fields into @row; FALSE at the end. Sets *@start_line to the
 * line the row starts on; a quoted field left open is a problem. */
static gboolean
read_row (Reader     *reader,
          GPtrArray  *row,
          guint      *start_line,
          GPtrArray  *problems)
{
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE, was_quoted = FALSE;

  g_ptr_array_set_size (row, 0);
  *start_line = reader->line;

  if (reader->p >= reader->end)
    {
      g_string_free (field, TRUE);
      return FALSE;
    }

  while (reader->p < reader->end)
    {
      char c = *reader->p++;

      if (quoted)
        {
          if (c == '"')
            {
              if (reader->p < reader->end && *reader->p == '"')
                {
                  g_string_append_c (field, '"');
                  reader->p++;
                }
              else
                quoted = FALSE;
            }
          else
            {
              if (c == '\n')
                reader->line++;
              g_string_append_c (field, c);
            }
          continue;
        }

      if (c == '"' && field->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          continue;
        }

      if (c == ',')
        {
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          was_quoted = FALSE;
          continue;
        }

      if (c == '\r' && reader->p < reader->end && *reader->p == '\n')
        continue;

      if (c == '\n')
        {
          reader->line++;
          g_ptr_array_add (row, g_string_free (field, FALSE));
          return TRUE;
        }

      g_string_append_c (field, c);
    }

  if (quoted)
    {
      g_autofree char *message = g_strdup_printf (_("Line %u: a quoted field is not closed."), *start_line);

      add_problem (problems, *start_line, message);
    }
  g_ptr_array_add (row, g_string_free (field, FALSE));

  return TRUE;
}

static gboolean
row_is_empty (GPtrArray *row)
{
  return row->len == 1 && *(const char *)row->pdata[0] == '\0';
}

static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  if (g_ascii_strcasecmp (text, "yes") == 0)
    *value = TRUE;
  else if (g_ascii_strcasecmp (text, "no") == 0)
    *value = FALSE;
  else
    return FALSE;

  return TRUE;
}

/**
 * lin_directory_csv_is_phone_number:
 * @text: a phone number as typed
 *
 * Returns: whether @text is one: digits, spaces and + ( ) / -, at least
 *   one digit
 */
gboolean
lin_directory_csv_is_phone_number (const char *text)
{
  gboolean digit = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (strchr (" +()/-", *p) == NULL)
        return FALSE;
    }

  return digit;
}

/* "label: number; number (confidential)" to an array of phones */
static JsonArray *
parse_phones (const char  *text,
              char       **bad)
{
  g_auto(GStrv) items = g_strsplit (text, ";", -1);
  g_autoptr(JsonArray) phones = json_array_new ();

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      g_autofree char *label = NULL;
      JsonObject *phone;
      gboolean confidential = FALSE;
      char *colon, *number = item;

      if (*item == '\0')
        continue;

      if (g_str_has_suffix (item, CONFIDENTIAL))
        {
          confidential = TRUE;
          item[strlen (item) - strlen (CONFIDENTIAL)] = '\0';
          g_strstrip (item);
        }

      colon = strrchr (item, ':');
      if (colon != NULL)
        {
          *colon = '\0';
          label = g_strdup (g_strstrip (item));
          number = g_strstrip (colon + 1);
        }

      if (!lin_directory_csv_is_phone_number (number))
        {
          *bad = g_strdup (number);
          return NULL;
        }

      phone = json_object_new ();
      if (label != NULL && *label != '\0')
        json_object_set_string_member (phone, "label", label);
      json_object_set_string_member (phone, "number", number);
      json_object_set_boolean_member (phone, "confidential", confidential);
      json_array_add_object_element (phones, phone);
    }

  return g_steal_pointer (&phones);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* A field's text into @fields; a message when it is not one */
static char *
read_field (const Column *column,
            const char   *text,
            JsonObject   *fields)
{
  switch (column->type)
    {
    case COLUMN_REQUIRED_TEXT:
      if (is_blank (text))
        return g_strdup_printf (_("the column “%s” is empty."), column->name);
      G_GNUC_FALLTHROUGH;

    case COLUMN_TEXT:
      if (*text != '\0')
        json_object_set_string_member (fields, column->name, text);
      return NULL;

    case COLUMN_CODE:
      if (*text == '\0' || lin_code_list_lookup (lin_code_list_get (column->list), text) == NULL)
        return g_strdup_printf (_("“%s” is not a service type."), text);
      json_object_set_string_member (fields, column->name, text);
      return NULL;

    case COLUMN_CODES:
      {
        g_auto(GStrv) codes = g_strsplit (text, ";", -1);
        JsonArray *array = json_array_new ();

        for (guint i = 0; codes[i] != NULL; i++)
          {
            const char *code = g_strstrip (codes[i]);

            if (*code == '\0')
              continue;
            if (lin_code_list_lookup (lin_code_list_get (column->list), code) == NULL)
              {
                json_array_unref (array);
                return g_strdup_printf (_("“%s” is not a code of the column “%s”."), code, column->name);
              }
            json_array_add_string_element (array, code);
          }
        if (json_array_get_length (array) > 0)
          json_object_set_array_member (fields, column->name, array);
        else
          json_array_unref (array);
        return NULL;
      }

    case COLUMN_PLACE:
      {
        const LinPlace *place = *text != '\0' ? lin_places_lookup (text) : NULL;

        if (place == NULL || lin_place_get_kind (place) == LIN_PLACE_DISTRICT)
          return g_strdup_printf (_("“%s” is not a municipality's code (data/places/rs.json has them)."), text);
        json_object_set_string_member (fields, column->name, text);
        json_object_set_string_member (fields, LIN_SERVICE_FIELD_DISTRICT, lin_place_get_district (place));
        return NULL;
      }

    case COLUMN_BOOL:
      {
        gboolean value = FALSE;

        if (*text != '\0' && !parse_bool (text, &value))
          return g_strdup_printf (_("“%s” in the column “%s” is neither yes nor no."), text, column->name);
        if (*text != '\0')
          json_object_set_boolean_member (fields, column->name, value);
        return NULL;
      }

    case COLUMN_HOURS:
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(LinHours) hours = NULL;

        if (*text == '\0')
          return NULL;
        hours = lin_hours_parse (text, &error);
        if (hours == NULL)
          return g_strdup (error->message);
        {
          g_autofree char *normal = lin_hours_to_string (hours);

          json_object_set_string_member (fields, column->name, normal);
        }
        return NULL;
      }

    case COLUMN_PHONES:
      {
        g_autofree char *bad = NULL;
        JsonArray *phones;

        if (*text == '\0')
          return NULL;
        phones = parse_phones (text, &bad);
        if (phones == NULL)
          return g_strdup_printf (_("“%s” is not a phone number."), bad);
        json_object_set_array_member (fields, column->name, phones);
        return NULL;
      }

    case COLUMN_DATE:
      {
        int y, m, d;
        char end;
        g_autoptr(GDateTime) date = NULL;

        if (*text == '\0')
          return NULL;
        if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
            (date = g_date_time_new_utc (y, m, d, 0, 0, 0)) == NULL)
          return g_strdup_printf (_("“%s” is not a date: write it as 2026-11-27."), text);
        json_object_set_string_member (fields, column->name, text);
        return NULL;
      }

    default:
      g_assert_not_reached ();
    }
}

/**
 * lin_directory_csv_read_field:
 * @column: a column of data/directory-csv.md, which is the service
 *   record's field
 * @text: its text, as a CSV field holds it
 * @fields: the service's fields, where the field goes (with the district
 *   for a municipality); nothing is set for an empty optional field
 *
 * Reads one field by the rules of the CSV reader, for whoever edits a
 * service some other way and would say the same of the same text.
 *
 * Returns: (transfer full) (nullable): %NULL, or what is wrong with
 *   @text, translated
 */
char *
lin_directory_csv_read_field (const char *column,
                              const char *text,
                              JsonObject *fields)
{
  g_autofree char *copy = NULL;

  g_return_val_if_fail (column != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (fields != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      if (!g_str_equal (columns[i].name, column))
        continue;

      copy = g_strdup (text);
      if (columns[i].type != COLUMN_TEXT && columns[i].type != COLUMN_REQUIRED_TEXT)
        g_strstrip (copy);
      if (strlen (copy) > LIN_DIRECTORY_CSV_FIELD_MAX)
        return g_strdup_printf (_("the column “%s” holds more than %u KiB."),
                                column, LIN_DIRECTORY_CSV_FIELD_MAX / 1024);

      return read_field (&columns[i], copy, fields);
    }

  g_return_val_if_reached (NULL);
}

/* The line on which @data stops being UTF-8; 0 when it is UTF-8 */
static guint
bad_utf8_line (const char *data,
               gsize       len)
{
  const char *end = NULL;
  guint line = 1;

  if (g_utf8_validate_len (data, len, &end))
    return 0;

  for (const char *p = data; p < end; p++)
    line += *p == '\n';

  return line;
}

/**
 * lin_directory_csv_read:
 * @data: a CSV file's bytes
 * @len: their length
 * @problems: (out) (transfer full) (element-type LinCsvProblem): every
 *   problem, by line; empty when there is none
 *
 * Reads the services of a CSV file as data/directory-csv.md describes it.
 * Import them only when @problems is empty: then every row was read.
 *
 * Returns: (transfer full) (element-type LinRecord): the rows read well,
 *   as new service records, in the file's order
 */
GPtrArray *
lin_directory_csv_read (const char  *data,
                        gsize        len,
                        GPtrArray  **problems)
{
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)lin_csv_problem_free);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autofree int *column_of = NULL;  /* header position → column, -1: none */
  Reader reader = { data, data + len, 1 };
  guint line, n_header, bad;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  bad = bad_utf8_line (data, len);
  if (bad > 0)
    {
      g_autofree char *message = g_strdup_printf (_("Line %u: the text is not UTF-8. Save the file as UTF-8 and try again."), bad);

      add_problem (found, bad, message);
      *problems = g_steal_pointer (&found);
      return g_steal_pointer (&services);
    }

  /* a byte order mark, as some spreadsheets write */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    reader.p += 3;

  if (!read_row (&reader, row, &line, found) || row_is_empty (row))
    {
      add_problem (found, 1, _("Line 1: the file is empty; its first line must name the columns."));
      *problems = g_steal_pointer (&found);
      return g_steal_pointer (&services);
    }

  n_header = row->len;
  column_of = g_new (int, n_header);
  for (guint i = 0; i < n_header; i++)
    {
      const char *name = g_strstrip ((char *)row->pdata[i]);

      column_of[i] = -1;
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        if (g_str_equal (name, columns[c].name))
          column_of[i] = c;
      for (guint j = 0; j < i && column_of[i] >= 0; j++)
        if (column_of[j] == column_of[i])
          {
            g_autofree char *message = g_strdup_printf (_("Line 1: the column “%s” is named twice."), name);

            add_problem (found, 1, message);
          }
      if (column_of[i] < 0)
        {
          g_autofree char *message = g_strdup_printf (_("Line 1: “%s” is not a column of the directory."), name);

          add_problem (found, 1, message);
        }
    }
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      gboolean present = FALSE;

      if (columns[c].type != COLUMN_REQUIRED_TEXT && columns[c].type != COLUMN_CODE &&
          columns[c].type != COLUMN_PLACE)
        continue;
      for (guint i = 0; i < n_header; i++)
        present |= column_of[i] == (int)c;
      if (!present)
        {
          g_autofree char *message = g_strdup_printf (_("Line 1: the column “%s” is missing."), columns[c].name);

          add_problem (found, 1, message);
        }
    }
  if (found->len > 0)
    {
      *problems = g_steal_pointer (&found);
      return g_steal_pointer (&services);
    }

  while (read_row (&reader, row, &line, found))
    {
      g_autoptr(JsonObject) fields = NULL;
      g_autoptr(GString) messages = NULL;
      LinRecord *service;

      if (row_is_empty (row))
        continue;

      if (row->len != n_header)
        {
          g_autofree char *message = g_strdup_printf (_("Line %u: %u fields, where the first line names %u."),
                                                      line, row->len, n_header);

          add_problem (found, line, message);
          continue;
        }

      fields = json_object_new ();
      for (guint i = 0; i < n_header; i++)
        {
          const Column *column = &columns[column_of[i]];
          g_autofree char *text = g_strdup (row->pdata[i]);
          g_autofree char *message = NULL;

          /* free text as written; codes, places, times without spaces
           * around them */
          if (column->type != COLUMN_TEXT && column->type != COLUMN_REQUIRED_TEXT)
            g_strstrip (text);

          if (strlen (text) > LIN_DIRECTORY_CSV_FIELD_MAX)
            message = g_strdup_printf (_("the column “%s” holds more than %u KiB."),
                                       column->name, LIN_DIRECTORY_CSV_FIELD_MAX / 1024);
          else
            message = read_field (column, text, fields);

          if (message != NULL)
            {
              g_autofree char *full = g_strdup_printf (_("Line %u: %s"), line, message);

              add_problem (found, line, full);
              break;
            }
        }

      if (found->len > 0 && ((LinCsvProblem *)found->pdata[found->len - 1])->line == line)
        continue;

      service = lin_record_new (LIN_SERVICE_KIND);
      lin_record_set_fields (service, fields);
      g_ptr_array_add (services, service);
    }

  *problems = g_steal_pointer (&found);
  return g_steal_pointer (&services);
}

/* Writing */

static void
append_field (GString    *out,
              const char *text)
{
  if (strpbrk (text, ",\"\r\n") != NULL || g_ascii_isspace (text[0]) ||
      (*text != '\0' && g_ascii_isspace (text[strlen (text) - 1])))
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
}

static char *
write_field (const Column *column,
             JsonObject   *fields)
{
  JsonNode *node = json_object_get_member (fields, column->name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");

  switch (column->type)
    {
    case COLUMN_BOOL:
      return g_strdup (json_node_get_boolean (node) ? "yes" : "no");

    case COLUMN_CODES:
      {
        g_autoptr(GString) out = g_string_new (NULL);
        JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

        for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
          g_string_append_printf (out, "%s%s", i > 0 ? "; " : "", json_array_get_string_element (array, i));
        return g_string_free (g_steal_pointer (&out), FALSE);
      }

    case COLUMN_PHONES:
      {
        g_autoptr(GString) out = g_string_new (NULL);
        JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

        for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
          {
            JsonObject *phone = json_array_get_object_element (array, i);
            const char *label = json_object_get_string_member_with_default (phone, "label", NULL);

            if (i > 0)
              g_string_append (out, "; ");
            if (label != NULL)
              g_string_append_printf (out, "%s: ", label);
            g_string_append (out, json_object_get_string_member_with_default (phone, "number", ""));
            if (json_object_get_boolean_member_with_default (phone, "confidential", FALSE))
              g_string_append (out, " " CONFIDENTIAL);
          }
        return g_string_free (g_steal_pointer (&out), FALSE);
      }

    case COLUMN_TEXT:
    case COLUMN_REQUIRED_TEXT:
    case COLUMN_CODE:
    case COLUMN_PLACE:
    case COLUMN_HOURS:
    case COLUMN_DATE:
    default:
      return g_strdup (json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : "");
    }
}

/**
 * lin_directory_csv_write:
 * @services: (element-type LinRecord): service records
 *
 * Returns: (transfer full): the CSV file: the columns named, then a row a
 *   service. Plaintext: wipe it.
 */
char *
lin_directory_csv_write (GPtrArray *services)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (services != NULL, NULL);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    g_string_append_printf (out, "%s%s", c > 0 ? "," : "", columns[c].name);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < services->len; i++)
    {
      g_autoptr(JsonObject) fields = lin_record_peek_fields (services->pdata[i]);

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          g_autofree char *text = write_field (&columns[c], fields);

          if (c > 0)
            g_string_append_c (out, ',');
          append_field (out, text);
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}
