/* lin-roster-test-utils.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builders of hand-made rosters, shared by the roster's tests.
 */

#include "config.h"

#include "lin-roster-test-utils.h"


void
lin_roster_test_set_strings (JsonObject         *fields,
                             const char         *member,
                             const char * const *values)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);
  json_object_set_array_member (fields, member, array);
}

static LinRecord *
record (const char *kind,
        JsonObject *fields)
{
  LinRecord *record = lin_record_new (kind);

  lin_record_set_fields (record, fields);
  json_object_unref (fields);

  return record;
}

LinRecord *
lin_roster_test_person (GPtrArray          *records,
                        const char         *alias,
                        const char * const *skills)
{
  JsonObject *fields = json_object_new ();
  LinRecord *person;

  json_object_set_string_member (fields, LIN_PERSON_FIELD_ALIAS, alias);
  json_object_set_string_member (fields, LIN_PERSON_FIELD_ROLE, "volunteer");
  lin_roster_test_set_strings (fields, LIN_PERSON_FIELD_SKILLS, skills);
  person = record (LIN_PERSON_KIND, fields);
  g_ptr_array_add (records, person);

  return person;
}

LinRecord *
lin_roster_test_line (GPtrArray          *records,
                      const char         *name,
                      const char * const *skills)
{
  JsonObject *fields = json_object_new ();
  LinRecord *line;

  json_object_set_string_member (fields, LIN_LINE_FIELD_NAME, name);
  json_object_set_string_member (fields, LIN_LINE_FIELD_HOURS, "24/7");
  lin_roster_test_set_strings (fields, LIN_LINE_FIELD_SKILLS, skills);
  line = record (LIN_LINE_KIND, fields);
  g_ptr_array_add (records, line);

  return line;
}

LinRecord *
lin_roster_test_shift (GPtrArray  *records,
                       LinRecord  *line,
                       const char *start,
                       const char *end,
                       guint       required)
{
  JsonObject *fields = json_object_new ();
  LinRecord *shift;

  json_object_set_string_member (fields, LIN_SHIFT_FIELD_LINE, lin_record_get_id_string (line));
  json_object_set_string_member (fields, LIN_SHIFT_FIELD_START, start);
  json_object_set_string_member (fields, LIN_SHIFT_FIELD_END, end);
  json_object_set_int_member (fields, LIN_SHIFT_FIELD_REQUIRED, required);
  shift = record (LIN_SHIFT_KIND, fields);
  g_ptr_array_add (records, shift);

  return shift;
}

/* Adds a reference to each of @more to @records (the shifts that
 * lin_roster_make_shifts() made) */
void
lin_roster_test_add_all (GPtrArray *records,
                         GPtrArray *more)
{
  for (guint i = 0; i < more->len; i++)
    g_ptr_array_add (records, g_object_ref (g_ptr_array_index (more, i)));
}
