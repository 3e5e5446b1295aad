/* lin-codes.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shipped lists are read from the core's resources once, on first use,
 * and kept for the life of the process, so a LinCode's strings can be
 * handed out without copies. A shipped list that does not load is a bug
 * in the build (tests/test-codes checks them all): it is reported with
 * g_critical() and left out, rather than taking the app down mid-call.
 */

#define G_LOG_DOMAIN "lin-codes"

#include "config.h"

#include <string.h>

#include "lin-codes.h"
#include "lin-data-private.h"

struct _LinCodeList
{
  char       *name;
  guint       version;
  gboolean    multiple;
  LinCode    *codes;
  guint       n_codes;
  GHashTable *by_code;   /* code → LinCode, borrowed from codes */
};

/* a code's flags, and the codes of any list, stay short */
#define MAX_FLAGS 16
#define MAX_VERSION 1000000

static const char * const no_flags[] = { NULL };

static GHashTable *shipped;   /* name → LinCodeList */
static char      **names;    /* borrowed from the lists */

G_DEFINE_QUARK (lin-codes-error-quark, lin_codes_error)

#define set_invalid(error, ...) \
  lin_data_fail ((error), LIN_CODES_ERROR, LIN_CODES_ERROR_INVALID, __VA_ARGS__)

static char **
read_flags (JsonObject  *object,
            const char  *where,
            GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!lin_data_get_array (object, "flags", where, TRUE, &array,
                           LIN_CODES_ERROR, LIN_CODES_ERROR_INVALID, error))
    return NULL;

  if (array != NULL)
    {
      guint n = json_array_get_length (array);

      if (n > MAX_FLAGS)
        {
          set_invalid (error, "%s: more than %d flags", where, MAX_FLAGS);
          return NULL;
        }

      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          const char *flag = NULL;

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            flag = json_node_get_string (node);

          if (!lin_data_is_code (flag))
            {
              set_invalid (error, "%s: flag %u must be a code of a-z, 0-9 and -", where, i + 1);
              return NULL;
            }

          g_strv_builder_add (builder, flag);
        }
    }

  return g_strv_builder_end (builder);
}

static void
free_codes (LinCode *codes,
            guint    n_codes)
{
  for (guint i = 0; i < n_codes; i++)
    {
      g_free ((char *)codes[i].code);
      g_free ((char *)codes[i].label);
      if (codes[i].flags != no_flags)
        g_strfreev ((char **)codes[i].flags);
    }
  g_free (codes);
}

static gboolean
read_list (LinCodeList  *self,
           JsonObject   *root,
           GError      **error)
{
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  const char *name;
  JsonArray *codes;

  if ((name = lin_data_get_code (root, "list", NULL, LIN_CODES_ERROR,
                                 LIN_CODES_ERROR_INVALID, error)) == NULL)
    return FALSE;
  self->name = g_strdup (name);

  if (!lin_data_get_uint (root, "version", NULL, MAX_VERSION, &self->version,
                          LIN_CODES_ERROR, LIN_CODES_ERROR_INVALID, error) ||
      !lin_data_get_boolean (root, "multiple", NULL, FALSE, &self->multiple,
                             LIN_CODES_ERROR, LIN_CODES_ERROR_INVALID, error) ||
      !lin_data_get_array (root, "codes", NULL, FALSE, &codes,
                           LIN_CODES_ERROR, LIN_CODES_ERROR_INVALID, error))
    return FALSE;

  if (self->version == 0)
    return set_invalid (error, "\"version\" must be 1 or more");

  self->n_codes = json_array_get_length (codes);
  self->codes = g_new0 (LinCode, self->n_codes);

  for (guint i = 0; i < self->n_codes; i++)
    {
      g_autofree char *where = g_strdup_printf ("code %u", i + 1);
      LinCode *code = &self->codes[i];
      JsonObject *object;
      const char *text;

      code->flags = no_flags;

      if ((object = lin_data_get_element (codes, i, "code", LIN_CODES_ERROR,
                                          LIN_CODES_ERROR_INVALID, error)) == NULL ||
          (text = lin_data_get_code (object, "code", where, LIN_CODES_ERROR,
                                     LIN_CODES_ERROR_INVALID, error)) == NULL)
        return FALSE;
      code->code = g_strdup (text);

      if ((text = lin_data_get_string (object, "label", where, LIN_CODES_ERROR,
                                       LIN_CODES_ERROR_INVALID, error)) == NULL)
        return FALSE;
      code->label = g_strdup (text);

      {
        char **flags = read_flags (object, where, error);

        if (flags == NULL)
          return FALSE;
        code->flags = (const char * const *)flags;
      }

      if (!g_hash_table_insert (self->by_code, (char *)code->code, code))
        return set_invalid (error, "code \"%s\" is there twice", code->code);

      /* two codes a counsellor cannot tell apart would be one code */
      if (!g_hash_table_add (labels, (char *)code->label))
        return set_invalid (error, "label \"%s\" is there twice", code->label);
    }

  return TRUE;
}

/**
 * lin_code_list_new_from_data:
 * @json: the contents of a code list file
 * @len: its length, or -1 when it is nul-terminated
 * @error: where to put the reason it is not a code list
 *
 * Reads and checks a code list. The lists Linija ships come from
 * lin_code_list_get(); this is for tests and tools.
 *
 * Returns: (transfer full) (nullable): the list
 */
LinCodeList *
lin_code_list_new_from_data (const char  *json,
                             gssize       len,
                             GError     **error)
{
  g_autoptr(LinCodeList) self = NULL;
  g_autoptr(JsonObject) root = NULL;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = lin_data_parse_object (json, len, LIN_CODES_ERROR, LIN_CODES_ERROR_INVALID, error);
  if (root == NULL)
    return NULL;

  self = g_new0 (LinCodeList, 1);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);

  if (!read_list (self, root, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
lin_code_list_free (LinCodeList *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->by_code, g_hash_table_unref);
  free_codes (self->codes, self->n_codes);
  g_free (self->name);
  g_free (self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static LinCodeList *
load_shipped (const char *file)
{
  g_autofree char *path = g_strconcat ("codes/", file, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LinCodeList) list = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data;

  bytes = lin_data_lookup (path, &error);
  if (bytes == NULL)
    {
      g_critical ("Code list %s cannot be read: %s", file, error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &len);
  list = lin_code_list_new_from_data (data, len, &error);
  if (list == NULL)
    {
      g_critical ("Code list %s is invalid: %s", file, error->message);
      return NULL;
    }

  /* the file name is how callers find the list */
  if (!g_str_has_suffix (file, ".json") ||
      strlen (file) != strlen (list->name) + strlen (".json") ||
      !g_str_has_prefix (file, list->name))
    {
      g_critical ("Code list %s says it is \"%s\"", file, list->name);
      return NULL;
    }

  return g_steal_pointer (&list);
}

static void
load_all (void)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      g_auto(GStrv) files = lin_data_list ("codes");
      GPtrArray *sorted = g_ptr_array_new ();
      GHashTable *lists = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; files[i] != NULL; i++)
        {
          LinCodeList *list = load_shipped (files[i]);

          if (list == NULL)
            continue;

          g_hash_table_insert (lists, list->name, list);
          g_ptr_array_add (sorted, list->name);
        }

      /* by name, not by file name: "contact" before "contact-method" */
      g_ptr_array_sort (sorted, compare_names);
      g_ptr_array_add (sorted, NULL);

      shipped = lists;
      names = (char **)g_ptr_array_free (sorted, FALSE);

      g_once_init_leave (&loaded, 1);
    }
}

/**
 * lin_code_list_get:
 * @name: a list's name, such as "call-type"
 *
 * Returns: (transfer none) (nullable): the shipped list, alive until the
 *   process ends, or %NULL when there is no list of that name
 */
const LinCodeList *
lin_code_list_get (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  load_all ();
  return g_hash_table_lookup (shipped, name);
}

/**
 * lin_code_list_get_names:
 *
 * Returns: (transfer none): the names of the shipped lists, sorted
 */
const char * const *
lin_code_list_get_names (void)
{
  load_all ();
  return (const char * const *)names;
}

const char *
lin_code_list_get_name (const LinCodeList *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

guint
lin_code_list_get_version (const LinCodeList *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->version;
}

gboolean
lin_code_list_is_multiple (const LinCodeList *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->multiple;
}

guint
lin_code_list_get_n_codes (const LinCodeList *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_codes;
}

const LinCode *
lin_code_list_get_code (const LinCodeList *self,
                        guint              i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->n_codes, NULL);

  return &self->codes[i];
}

/**
 * lin_code_list_lookup:
 * @self: a list
 * @code: a code, as a record stores it
 *
 * Returns: (nullable): the code, or %NULL when the list does not have it
 */
const LinCode *
lin_code_list_lookup (const LinCodeList *self,
                      const char        *code)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (self->by_code, code);
}

/**
 * lin_code_list_get_label:
 * @self: a list
 * @code: a code, as a record stores it
 *
 * A code the list does not know (a record from a newer Linija) is shown
 * as it is rather than hidden.
 *
 * Returns: the code's label in the user's language, or @code itself
 */
const char *
lin_code_list_get_label (const LinCodeList *self,
                         const char        *code)
{
  const LinCode *found;

  g_return_val_if_fail (self != NULL, code);
  g_return_val_if_fail (code != NULL, NULL);

  found = g_hash_table_lookup (self->by_code, code);
  if (found == NULL)
    return code;

  return g_dpgettext2 (GETTEXT_PACKAGE, self->name, found->label);
}

gboolean
lin_code_has_flag (const LinCode *code,
                   const char    *flag)
{
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (flag != NULL, FALSE);

  return g_strv_contains (code->flags, flag);
}

/**
 * lin_code_label:
 * @list: a shipped list's name
 * @code: a code of it
 *
 * Returns: the code's label in the user's language, or @code itself when
 *   the list does not know it
 */
const char *
lin_code_label (const char *list,
                const char *code)
{
  const LinCodeList *self;

  g_return_val_if_fail (list != NULL, code);

  self = lin_code_list_get (list);
  g_return_val_if_fail (self != NULL, code);

  return lin_code_list_get_label (self, code);
}
