/* test-canary.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Canaries: records holding marker strings that are random per run (in
 * Latin and Cyrillic script, in values and in field names) are saved
 * through the app's own path (LinContext, then its store), the profile is
 * locked, and then every byte of every file under the test's temporary
 * folder (TMPDIR, which holds the profile, the isolated XDG folders and
 * anything SQLite or GLib might put in a temporary file) and every log
 * message of the process is searched for the markers: as UTF-8, UTF-16LE,
 * hex and JSON escapes. There must be no hit. The same again after
 * deleting records and after changing the passphrase. A call saved through
 * the wizard's helpers (lin_call_save) carries markers in its caller
 * code, free text, referral, follow-up and notes, and the call log indexes
 * it on its worker threads before each lock.
 */

#include "config.h"

#include <errno.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "lin-call-log.h"
#include "lin-context.h"
#include "lin-vault-test-utils.h"

#define OLD_PASSPHRASE "канаринац у руднику 1"
#define NEW_PASSPHRASE "canary in the mine, 2"

static char *tmp_root;
static GString *log_buffer;
static GMutex log_lock;
static gsize log_messages;

/* Every log message of the process, all levels, all fields */
static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_mutex_lock (&log_lock);
  for (gsize i = 0; i < n_fields; i++)
    {
      g_string_append (log_buffer, fields[i].key);
      g_string_append_c (log_buffer, '=');
      if (fields[i].length < 0)
        g_string_append (log_buffer, fields[i].value);
      else
        g_string_append_len (log_buffer, fields[i].value, fields[i].length);
      g_string_append_c (log_buffer, '\n');
    }
  log_messages++;
  g_mutex_unlock (&log_lock);

  /* what would fail a test still shows */
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (level, fields, n_fields, user_data);

  return G_LOG_WRITER_HANDLED;
}

/* Markers and the forms they could leak in */

static char *
random_latin (const char *prefix)
{
  guint8 raw[8];
  char hex[17];

  randombytes_buf (raw, sizeof raw);
  sodium_bin2hex (hex, sizeof hex, raw, sizeof raw);

  return g_strconcat (prefix, hex, NULL);
}

static char *
random_cyrillic (const char *prefix)
{
  static const char *letters[] = {
    "а", "б", "в", "г", "д", "ђ", "е", "ж", "з", "и", "ј", "к", "л", "љ", "м",
    "н", "њ", "о", "п", "р", "с", "т", "ћ", "у", "ф", "х", "ц", "ч", "џ", "ш",
  };
  GString *out = g_string_new (prefix);

  for (guint i = 0; i < 10; i++)
    g_string_append (out, letters[randombytes_uniform (G_N_ELEMENTS (letters))]);

  return g_string_free (out, FALSE);
}

typedef struct
{
  char   *label;
  GBytes *bytes;
} Needle;

static void
needle_free (Needle *needle)
{
  g_free (needle->label);
  g_bytes_unref (needle->bytes);
  g_free (needle);
}

static void
add_needle (GPtrArray  *needles,
            const char *form,
            const void *data,
            gsize       len)
{
  Needle *needle = g_new0 (Needle, 1);

  /* the label never holds the marker itself */
  needle->label = g_strdup_printf ("marker %u as %s", needles->len / 6, form);
  needle->bytes = g_bytes_new (data, len);
  g_ptr_array_add (needles, needle);
}

static char *
json_escaped (const char *marker,
              gboolean    upper)
{
  GString *out = g_string_new (NULL);

  for (const char *p = marker; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        g_string_append_c (out, (char)c);
      else
        g_string_append_printf (out, upper ? "\\u%04X" : "\\u%04x", c);
    }

  return g_string_free (out, FALSE);
}

/* Six forms of each marker */
static void
add_marker (GPtrArray  *needles,
            const char *marker)
{
  gsize len = strlen (marker);
  g_autofree gunichar2 *utf16 = NULL;
  g_autofree char *hex = g_malloc (len * 2 + 1);
  g_autofree char *upper = NULL;
  g_autofree char *json = json_escaped (marker, FALSE);
  g_autofree char *json_upper = json_escaped (marker, TRUE);
  glong utf16_len = 0;

  add_needle (needles, "UTF-8", marker, len);

  utf16 = g_utf8_to_utf16 (marker, -1, NULL, &utf16_len, NULL);
  g_assert_nonnull (utf16);
  for (glong i = 0; i < utf16_len; i++)
    utf16[i] = GUINT16_TO_LE (utf16[i]);
  add_needle (needles, "UTF-16LE", utf16, utf16_len * 2);

  sodium_bin2hex (hex, len * 2 + 1, (const guint8 *)marker, len);
  add_needle (needles, "hex", hex, len * 2);
  upper = g_ascii_strup (hex, -1);
  add_needle (needles, "HEX", upper, len * 2);

  add_needle (needles, "JSON escapes", json, strlen (json));
  add_needle (needles, "JSON ESCAPES", json_upper, strlen (json_upper));
}

typedef struct
{
  char      *latin;
  char      *cyrillic;
  char      *latin_field;
  char      *cyrillic_field;
  GPtrArray *needles;
} Markers;

static void
markers_init (Markers *m)
{
  m->latin = random_latin ("CANARY-");
  m->cyrillic = random_cyrillic ("КАНАРИНАЦ-");
  m->latin_field = random_latin ("canaryfield");
  m->cyrillic_field = random_cyrillic ("пољеканаринац");
  m->needles = g_ptr_array_new_with_free_func ((GDestroyNotify)needle_free);

  add_marker (m->needles, m->latin);
  add_marker (m->needles, m->cyrillic);
  add_marker (m->needles, m->latin_field);
  add_marker (m->needles, m->cyrillic_field);
}

static void
markers_clear (Markers *m)
{
  g_free (m->latin);
  g_free (m->cyrillic);
  g_free (m->latin_field);
  g_free (m->cyrillic_field);
  g_ptr_array_unref (m->needles);
}

static gsize
tree_bytes (const char *dir)
{
  g_autoptr(GPtrArray) names = lin_vault_test_list_tree (dir);
  gsize total = 0;

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      GStatBuf st;

      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode))
        total += st.st_size;
    }

  return total;
}

/* Returns the number of hits in every file under tmp_root and in the log */
static gsize
scan (Markers    *m,
      const char *profile,
      const char *when)
{
  g_autoptr(GPtrArray) files = lin_vault_test_list_tree (profile);
  g_autofree char *file_list = NULL;
  gsize hits = 0;

  g_ptr_array_add (files, NULL);
  file_list = g_strjoinv (" ", (char **)files->pdata);

  for (guint i = 0; i < m->needles->len; i++)
    {
      Needle *needle = m->needles->pdata[i];
      g_autoptr(GString) where = g_string_new (NULL);
      gsize n;

      n = lin_vault_test_count_in_tree (tmp_root, g_bytes_get_data (needle->bytes, NULL),
                                        g_bytes_get_size (needle->bytes), where);
      g_mutex_lock (&log_lock);
      n += lin_vault_test_count ((const guint8 *)log_buffer->str, log_buffer->len,
                                 g_bytes_get_data (needle->bytes, NULL), g_bytes_get_size (needle->bytes));
      g_mutex_unlock (&log_lock);

      if (n > 0)
        g_test_message ("%s: %s found %" G_GSIZE_FORMAT " times (files: %s)", when, needle->label, n, where->str);
      hits += n;
    }

  g_test_message ("%s: %u needles, %" G_GSIZE_FORMAT " bytes of files under the test's temporary "
                  "folder (profile: %s), %" G_GSIZE_FORMAT " bytes of %" G_GSIZE_FORMAT
                  " log messages: %" G_GSIZE_FORMAT " hits",
                  when, m->needles->len, tree_bytes (tmp_root), file_list, log_buffer->len,
                  log_messages, hits);

  return hits;
}

static GSettings *
memory_settings (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  g_assert_nonnull (schema);
  return g_settings_new_full (schema, backend, NULL);
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  char **path = user_data;

  *path = lin_context_create_profile_finish (LIN_CONTEXT (source), result, &error);
  g_assert_no_error (error);
}

static char *
record_json (Markers *m,
             guint    i,
             guint    revision)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = g_strdup_printf ("Позвала је у %u:%02u. Рекла: „%s“ — %s, ревизија %u.",
                                           i % 24, i % 60, m->cyrillic, m->latin, revision);
  g_autofree char *long_text = NULL;
  GString *filler = g_string_new (NULL);

  /* some records large enough for SQLite's overflow pages */
  for (guint k = 0; k < (i % 3 == 0 ? 40 : 1); k++)
    g_string_append_printf (filler, "%s %s ", m->latin, m->cyrillic);
  long_text = g_string_free (filler, FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, m->latin_field);
  json_builder_add_string_value (builder, m->latin);
  json_builder_set_member_name (builder, m->cyrillic_field);
  json_builder_add_string_value (builder, m->cyrillic);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "long");
  json_builder_add_string_value (builder, long_text);
  json_builder_set_member_name (builder, "i");
  json_builder_add_int_value (builder, i);
  json_builder_set_member_name (builder, "nested");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, m->cyrillic_field);
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, m->cyrillic);
  json_builder_add_string_value (builder, m->latin);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
assert_holds_markers (Markers   *m,
                      LinRecord *record)
{
  g_assert_nonnull (record);
  g_assert_cmpstr (lin_record_get_string (record, m->latin_field), ==, m->latin);
  g_assert_cmpstr (lin_record_get_string (record, m->cyrillic_field), ==, m->cyrillic);
}


/* A call through the helpers the wizard uses, markers in every free-text
 * field, its follow-up and a note; then a second note on it */
static char *
save_marked_call (Markers  *m,
                  LinStore *store)
{
  g_autoptr(LinRecord) call = lin_record_new (LIN_CALL_KIND);
  g_autoptr(LinRecord) follow_up = NULL;
  g_autoptr(LinRecord) note = NULL;
  g_autoptr(GDateTime) started = lin_call_parse_time ("2026-11-25T19:42:03+01:00");
  g_autoptr(GDateTime) due = g_date_time_add_days (started, 2);
  g_autoptr(GError) error = NULL;
  g_autofree char *started_text = lin_call_format_time (started);
  g_autofree char *text = g_strdup_printf ("Белешка %s — %s", m->cyrillic, m->latin);
  JsonObject *object = lin_record_get_fields (call);
  JsonArray *referrals = json_array_new ();
  JsonObject *referral = json_object_new ();

  json_object_set_int_member (object, LIN_CALL_FIELD_SCHEMA, LIN_CALL_SCHEMA);
  json_object_set_string_member (object, LIN_CALL_FIELD_STARTED, started_text);
  json_object_set_string_member (object, LIN_CALL_FIELD_CHANNEL, "phone");
  json_object_set_string_member (object, LIN_CALL_FIELD_CALL_TYPE, "self");
  json_object_set_string_member (object, LIN_CALL_FIELD_LANGUAGE, "sr");
  json_object_set_string_member (object, LIN_CALL_FIELD_CALLER_CODE, m->latin);
  json_object_set_string_member (object, LIN_CALL_FIELD_ACCESSIBILITY_NEEDS, m->cyrillic);
  json_object_set_string_member (referral, LIN_REFERRAL_FIELD_SERVICE_TYPE, "shelter");
  json_object_set_string_member (referral, LIN_REFERRAL_FIELD_TEXT, m->cyrillic);
  json_object_set_string_member (referral, LIN_REFERRAL_FIELD_STATUS, "referred");
  json_array_add_object_element (referrals, referral);
  json_object_set_array_member (object, LIN_CALL_FIELD_REFERRALS, referrals);

  follow_up = lin_follow_up_new (call, due, "phone-call", m->cyrillic, m->latin);
  g_assert_true (lin_call_save (store, call, follow_up, text, &error));
  g_assert_no_error (error);

  note = lin_call_add_note (store, lin_record_get_id_string (call), m->latin, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (note);

  return g_strdup (lin_record_get_id_string (call));
}

static void
assert_marked_call (Markers    *m,
                    LinStore   *store,
                    const char *call_id)
{
  g_autoptr(GPtrArray) notes = lin_call_list_notes (store, call_id);
  g_autoptr(LinCallLog) log = lin_call_log_new (store);
  g_autoptr(GPtrArray) found = NULL;
  LinRecord *call = lin_store_get (store, call_id);

  g_assert_nonnull (call);
  g_assert_cmpstr (lin_record_get_string (call, LIN_CALL_FIELD_CALLER_CODE), ==, m->latin);
  g_assert_cmpstr (lin_record_get_string (lin_call_get_follow_up (store, call), LIN_FOLLOW_UP_FIELD_CODE_WORD),
                   ==, m->latin);
  g_assert_cmpuint (notes->len, ==, 2);

  /* the log's index runs too: its threads must leave no trace either */
  while (!lin_call_log_get_index_ready (log))
    g_main_context_iteration (NULL, TRUE);
  lin_call_log_set_caller_code_search (log, m->latin);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, 1);
  found = lin_call_log_find_caller_code (log, m->latin, NULL);
  g_assert_cmpuint (found->len, ==, 1);
}

#define N_RECORDS 24

static void
test_canary (void)
{
  static const char * const kinds[] = {
    "call", "note", "caller", "follow-up", "person", "handover", "audit", "draft",
  };
  g_autoptr(GSettings) settings = memory_settings ();
  g_autoptr(LinContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *profile = NULL;
  char *ids[N_RECORDS] = { NULL };
  g_autofree char *call_id = NULL;
  LinStore *store;
  Markers m;

  markers_init (&m);
  g_setenv ("LINIJA_KDF", "floor", TRUE);

  context = lin_context_new (settings, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (lin_context_get_data_dir (context), tmp_root));

  lin_context_create_profile_async (context, "Канари", OLD_PASSPHRASE, NULL, created_cb, &profile);
  while (profile == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (lin_context_unlock (context, profile, OLD_PASSPHRASE, &error));
  g_assert_no_error (error);
  store = lin_context_get_store (context);

  /* save, and edit a few times: old revisions stay in store.db */
  for (guint i = 0; i < N_RECORDS; i++)
    {
      const char *kind = kinds[i % G_N_ELEMENTS (kinds)];
      g_autoptr(LinRecord) record = lin_record_new (kind);

      lin_record_set_local (record, g_str_equal (kind, "draft"));
      for (guint revision = 1; revision <= 1 + i % 3; revision++)
        {
          g_autofree char *json = record_json (&m, i, revision);

          g_assert_true (lin_record_set_fields_json (record, json, &error));
          g_assert_true (lin_store_save (store, record, &error));
          g_assert_no_error (error);
        }
      ids[i] = g_strdup (lin_record_get_id_string (record));
    }
  for (guint i = 0; i < N_RECORDS; i++)
    assert_holds_markers (&m, lin_store_get (store, ids[i]));
  call_id = save_marked_call (&m, store);
  assert_marked_call (&m, store, call_id);

  lin_context_lock (context);
  g_assert_true (lin_context_get_locked (context));
  g_assert_cmpuint (scan (&m, profile, "saved and locked"), ==, 0);

  /* unlock: all there; delete half; lock */
  g_assert_true (lin_context_unlock (context, profile, OLD_PASSPHRASE, &error));
  g_assert_no_error (error);
  store = lin_context_get_store (context);
  assert_marked_call (&m, store, call_id);
  for (guint i = 0; i < N_RECORDS; i++)
    {
      LinRecord *record = lin_store_get (store, ids[i]);

      assert_holds_markers (&m, record);
      if (i % 2 == 0)
        {
          g_assert_true (lin_store_delete (store, record, &error));
          g_assert_no_error (error);
        }
    }
  lin_context_lock (context);
  g_assert_cmpuint (scan (&m, profile, "half deleted and locked"), ==, 0);

  /* change the passphrase */
  g_assert_true (lin_context_unlock (context, profile, OLD_PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_true (lin_context_change_passphrase (context, OLD_PASSPHRASE, NEW_PASSPHRASE, &error));
  g_assert_no_error (error);
  lin_context_lock (context);
  g_assert_cmpuint (scan (&m, profile, "passphrase changed and locked"), ==, 0);

  g_assert_false (lin_context_unlock (context, profile, OLD_PASSPHRASE, &error));
  g_assert_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);
  g_assert_true (lin_context_unlock (context, profile, NEW_PASSPHRASE, &error));
  g_assert_no_error (error);
  store = lin_context_get_store (context);
  g_assert_cmpuint (lin_store_get_n_records (store), ==, N_RECORDS / 2 + 4);
  assert_marked_call (&m, store, call_id);
  for (guint i = 0; i < N_RECORDS; i++)
    {
      if (i % 2 == 0)
        g_assert_null (lin_store_get (store, ids[i]));
      else
        assert_holds_markers (&m, lin_store_get (store, ids[i]));
    }
  lin_context_lock (context);
  g_assert_cmpuint (scan (&m, profile, "unlocked with the new passphrase and locked"), ==, 0);

  lin_context_shutdown (context);
  for (guint i = 0; i < N_RECORDS; i++)
    g_free (ids[i]);
  markers_clear (&m);
}

/* The scan itself finds markers in every form, in files and in the log */
static void
test_scan_finds (void)
{
  g_autofree char *file = g_build_filename (tmp_root, "planted", NULL);
  Markers m;

  markers_init (&m);

  for (guint i = 0; i < m.needles->len; i++)
    {
      Needle *needle = m.needles->pdata[i];
      g_autoptr(GString) where = g_string_new (NULL);
      g_autoptr(GString) planted = g_string_new ("before ");

      g_string_append_len (planted, g_bytes_get_data (needle->bytes, NULL), g_bytes_get_size (needle->bytes));
      g_string_append (planted, " after");
      lin_vault_test_write (file, planted->str, planted->len);
      g_assert_cmpuint (lin_vault_test_count_in_tree (tmp_root, g_bytes_get_data (needle->bytes, NULL),
                                                      g_bytes_get_size (needle->bytes), where), ==, 1);
    }
  g_unlink (file);

  g_debug ("A planted debug message: %s", m.cyrillic);
  g_assert_cmpuint (scan (&m, tmp_root, "planted in the log"), >=, 1);

  markers_clear (&m);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmpl = NULL;
  const char *tmp = g_getenv ("TMPDIR");
  int ret;

  /* a temporary folder of the test's own, for everything: the isolated
   * XDG folders GLib makes per test live in it too */
  tmpl = g_build_filename (tmp != NULL && *tmp != '\0' ? tmp : "/tmp", "linija-canary-XXXXXX", NULL);
  if (g_mkdtemp_full (tmpl, 0700) == NULL)
    g_error ("Could not make a temporary folder: %s", g_strerror (errno));
  tmp_root = g_steal_pointer (&tmpl);
  g_setenv ("TMPDIR", tmp_root, TRUE);
  g_setenv ("SQLITE_TMPDIR", tmp_root, TRUE);

  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  log_buffer = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  lin_vault_test_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/canary/scan-finds", test_scan_finds);
  g_test_add_func ("/canary/save-delete-rekey", test_canary);

  ret = g_test_run ();

  lin_vault_test_rm_rf (tmp_root);
  g_free (tmp_root);
  g_string_free (log_buffer, TRUE);

  return ret;
}
