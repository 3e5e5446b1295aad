/* lin-data.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lin-data"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lin-data-private.h"
#include "linija-core-resources.h"

#define DATA_BASE RESOURCE_BASE "/core/"

GBytes *
lin_data_lookup (const char  *path,
                 GError     **error)
{
  g_autofree char *full = g_strconcat (DATA_BASE, path, NULL);

  /* the resource itself, not the global registry: a static library only
   * links the generated object when something refers to it */
  return g_resource_lookup_data (lin_core_get_resource (), full,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

char **
lin_data_list (const char *folder)
{
  g_autofree char *full = g_strconcat (DATA_BASE, folder, "/", NULL);
  char **names;

  names = g_resource_enumerate_children (lin_core_get_resource (), full,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (names == NULL)
    return g_new0 (char *, 1);

  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return names;
}

gboolean
lin_data_is_code (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

JsonObject *
lin_data_parse_object (const char  *json,
                       gssize       len,
                       GQuark       domain,
                       int          code,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, json, len, &local_error))
    {
      g_set_error (error, domain, code, "not JSON: %s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, domain, code, "not a JSON object");
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

static void
set_member_error (const char  *where,
                  const char  *member,
                  const char  *what,
                  GQuark       domain,
                  int          code,
                  GError     **error)
{
  if (where != NULL)
    g_set_error (error, domain, code, "%s: \"%s\" %s", where, member, what);
  else
    g_set_error (error, domain, code, "\"%s\" %s", member, what);
}

static JsonNode *
get_value (JsonObject *object,
           const char *member,
           GType       type)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != type)
    return NULL;

  return node;
}

gboolean
lin_data_fail (GError     **error,
               GQuark       domain,
               int          code,
               const char  *format,
               ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (domain, code, format, args));
  va_end (args);

  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

const char *
lin_data_get_string (JsonObject  *object,
                     const char  *member,
                     const char  *where,
                     GQuark       domain,
                     int          code,
                     GError     **error)
{
  JsonNode *node = get_value (object, member, G_TYPE_STRING);
  const char *value = node != NULL ? json_node_get_string (node) : NULL;

  if (value == NULL || is_blank (value))
    {
      set_member_error (where, member, "must be a text that is not blank", domain, code, error);
      return NULL;
    }

  return value;
}

const char *
lin_data_get_code (JsonObject  *object,
                   const char  *member,
                   const char  *where,
                   GQuark       domain,
                   int          code,
                   GError     **error)
{
  JsonNode *node = get_value (object, member, G_TYPE_STRING);
  const char *value = node != NULL ? json_node_get_string (node) : NULL;

  if (!lin_data_is_code (value))
    {
      set_member_error (where, member, "must be a code of a-z, 0-9 and -", domain, code, error);
      return NULL;
    }

  return value;
}

gboolean
lin_data_get_uint (JsonObject  *object,
                   const char  *member,
                   const char  *where,
                   guint        max,
                   guint       *value,
                   GQuark       domain,
                   int          code,
                   GError     **error)
{
  JsonNode *node = get_value (object, member, G_TYPE_INT64);
  gint64 n = node != NULL ? json_node_get_int (node) : -1;

  if (n < 0 || n > max)
    {
      g_autofree char *what = g_strdup_printf ("must be a whole number from 0 to %u", max);

      set_member_error (where, member, what, domain, code, error);
      return FALSE;
    }

  *value = (guint)n;
  return TRUE;
}

gboolean
lin_data_get_boolean (JsonObject  *object,
                      const char  *member,
                      const char  *where,
                      gboolean     default_value,
                      gboolean    *value,
                      GQuark       domain,
                      int          code,
                      GError     **error)
{
  JsonNode *node;

  if (!json_object_has_member (object, member))
    {
      *value = default_value;
      return TRUE;
    }

  node = get_value (object, member, G_TYPE_BOOLEAN);
  if (node == NULL)
    {
      set_member_error (where, member, "must be true or false", domain, code, error);
      return FALSE;
    }

  *value = json_node_get_boolean (node);
  return TRUE;
}

gboolean
lin_data_get_array (JsonObject  *object,
                    const char  *member,
                    const char  *where,
                    gboolean     optional,
                    JsonArray  **array,
                    GQuark       domain,
                    int          code,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *array = NULL;
  if (node == NULL && optional)
    return TRUE;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      (!optional && json_array_get_length (json_node_get_array (node)) == 0))
    {
      set_member_error (where, member,
                        optional ? "must be a list" : "must be a list that is not empty",
                        domain, code, error);
      return FALSE;
    }

  *array = json_node_get_array (node);
  return TRUE;
}

JsonObject *
lin_data_get_element (JsonArray   *array,
                      guint        i,
                      const char  *what,
                      GQuark       domain,
                      int          code,
                      GError     **error)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, domain, code, "%s %u is not a JSON object", what, i + 1);
      return NULL;
    }

  return json_node_get_object (node);
}
