/* lin-record.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record: one call, note, caller, follow-up, service, person, shift,
 * assignment, handover, audit entry or draft. Its fields are a JSON object;
 * its payload, the plaintext an envelope seals, is format 1:
 *
 *   0    1  payload version (1)
 *   1    1  length k of the kind
 *   2    k  the kind, ASCII ("call", "follow-up", …)
 *   2+k  .. the fields: a JSON object, UTF-8
 *
 * JSON (through json-glib) rather than GVariant: the CLI takes records as
 * JSON, per-field merging after sync needs a schema-free object, and new
 * fields need no format change. The kind sits in front of the JSON so that
 * unlock can index 100,000 records by kind without parsing them: the JSON
 * is parsed on first use of a record's fields.
 *
 * The working set keeps the text of small records only (notes, follow-ups,
 * callers…). A call's text is a kilobyte, and 100,000 calls' would be
 * 100 MB of a counsellor's memory for the rare call she opens: a record
 * loaded with lin_record_new_on_disk() knows where its envelope lies (a
 * LinRecordSource, the store) and reads and decrypts it again when its
 * fields are asked for, 10-20 µs. A record whose text cannot be read
 * again (the disk failed, the store was closed) is unreadable: it has no
 * fields and the store refuses to save it, so that a failed read never
 * overwrites a call with nothing.
 *
 * The plaintext is wiped when the record is freed.
 */

#define G_LOG_DOMAIN "lin-record"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "lin-bytes.h"
#include "lin-record.h"

struct _LinRecord
{
  GObject     parent_instance;

  guint8      id[LIN_RECORD_ID_BYTES];
  char        id_string[LIN_RECORD_ID_BYTES * 2 + 1];
  const char *kind; /* interned */
  guint64     revision;
  guint64     parent_revision;
  guint64     hlc;
  guint32     key_epoch;
  guint8      author[LIN_DEVICE_ID_BYTES];
  gboolean    local;

  /* the fields as loaded, until parsed; wiped when dropped. In @chunk
   * when loaded at unlock, else our own */
  char       *json;
  gsize       json_len;
  LinChunk   *chunk;
  JsonObject *fields;

  /* where the text is read again while neither @json nor @fields is
   * there; dropped when the fields change */
  LinRecordSource *source;
  gboolean    unreadable;
};

struct _LinRecordSource
{
  gatomicrefcount   ref_count;
  GMutex            lock;
  LinRecordReadFunc read;  /* NULL once closed */
  gpointer          data;
};

G_DEFINE_FINAL_TYPE (LinRecord, lin_record, G_TYPE_OBJECT)

/* Held while the text is dropped and while another thread copies it
 * (lin_record_dup_unparsed_json): the call log indexes 100,000 calls on
 * worker threads while the main thread may parse some of them. */
static GMutex json_lock;

static void
drop_json (LinRecord *self)
{
  if (self->json != NULL)
    {
      g_mutex_lock (&json_lock);
      sodium_memzero (self->json, self->json_len);
      if (self->chunk != NULL)
        g_clear_pointer (&self->chunk, lin_chunk_unref);
      else
        g_free (self->json);
      self->json = NULL;
      self->json_len = 0;
      g_mutex_unlock (&json_lock);
    }
}

/**
 * lin_record_source_new:
 * @read: reads a record's payload again, see #LinRecordReadFunc
 * @data: for @read, until lin_record_source_close()
 *
 * Returns: (transfer full): a source for lin_record_new_on_disk()
 */
LinRecordSource *
lin_record_source_new (LinRecordReadFunc read,
                       gpointer          data)
{
  LinRecordSource *self = g_new0 (LinRecordSource, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  self->read = read;
  self->data = data;

  return self;
}

LinRecordSource *
lin_record_source_ref (LinRecordSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lin_record_source_unref (LinRecordSource *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_mutex_clear (&self->lock);
      g_free (self);
    }
}

/**
 * lin_record_source_close:
 * @self: a #LinRecordSource
 *
 * From now on its records' text cannot be read again (the store closes);
 * waits for a read under way.
 */
void
lin_record_source_close (LinRecordSource *self)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  self->read = NULL;
  self->data = NULL;
  g_mutex_unlock (&self->lock);
}

/* The text of revision @revision of record @id, of kind @kind, read again
 * from @source: a NUL-terminated copy, plaintext (wipe it) */
static char *
source_read_text (LinRecordSource  *source,
                  const guint8     *id,
                  guint64           revision,
                  const char       *kind,
                  gsize            *len,
                  GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  guint8 *payload = NULL;
  gsize payload_len = 0, kind_len = strlen (kind);
  char *text = NULL;

  g_mutex_lock (&source->lock);
  if (source->read != NULL)
    payload = source->read (source->data, id, revision, &payload_len, &local_error);
  else
    g_set_error_literal (&local_error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_LOCKED,
                         "The profile is locked");
  g_mutex_unlock (&source->lock);

  if (payload == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "A record could not be read again: ");
      return NULL;
    }

  if (payload_len >= 2 + kind_len && payload[0] == LIN_RECORD_PAYLOAD_VERSION &&
      payload[1] == kind_len && memcmp (payload + 2, kind, kind_len) == 0)
    {
      *len = payload_len - 2 - kind_len;
      text = g_malloc (*len + 1);
      memcpy (text, payload + 2 + kind_len, *len);
      text[*len] = '\0';
    }
  else
    g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                         "A record read again is not the one loaded");

  sodium_memzero (payload, payload_len);
  g_free (payload);

  return text;
}

static void
lin_record_finalize (GObject *object)
{
  LinRecord *self = (LinRecord *)object;

  drop_json (self);
  g_clear_pointer (&self->source, lin_record_source_unref);
  g_clear_pointer (&self->fields, json_object_unref);

  G_OBJECT_CLASS (lin_record_parent_class)->finalize (object);
}

static void
lin_record_class_init (LinRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lin_record_finalize;
}

static void
lin_record_init (LinRecord *self)
{
}

/* The hex form is made when first asked for (unlock makes 100,000
 * records that nobody asks it of yet), and stays as long as the id does */
static void
update_id_string (LinRecord *self)
{
  self->id_string[0] = '\0';
}

/**
 * lin_record_kind_is_valid:
 * @kind: a kind
 *
 * Returns: whether @kind is 1 to 32 of a-z, 0-9 and '-'
 */
gboolean
lin_record_kind_is_valid (const char *kind)
{
  gsize len;

  if (kind == NULL)
    return FALSE;

  len = strlen (kind);
  if (len == 0 || len > LIN_RECORD_KIND_MAX)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (kind[i]) && !g_ascii_isdigit (kind[i]) && kind[i] != '-')
      return FALSE;

  return TRUE;
}

/**
 * lin_record_id_hash:
 * @id: LIN_RECORD_ID_BYTES bytes
 *
 * For hash tables keyed by binary record ids (the working set): ids are
 * random, so their first bytes are a good hash already, and there is no
 * hex string to make and hash.
 *
 * Returns: the hash of @id
 */
guint
lin_record_id_hash (gconstpointer id)
{
  return lin_get_u32 (id);
}

/**
 * lin_record_id_equal:
 * @a: LIN_RECORD_ID_BYTES bytes
 * @b: LIN_RECORD_ID_BYTES bytes
 *
 * Returns: whether @a and @b are the same id
 */
gboolean
lin_record_id_equal (gconstpointer a,
                     gconstpointer b)
{
  return memcmp (a, b, LIN_RECORD_ID_BYTES) == 0;
}

/**
 * lin_record_id_from_string:
 * @str: 32 hex digits
 * @id: (out caller-allocates): LIN_RECORD_ID_BYTES bytes
 *
 * Returns: whether @str was a record id
 */
gboolean
lin_record_id_from_string (const char *str,
                           guint8     *id)
{
  gsize bin_len = 0;

  if (str == NULL || strlen (str) != LIN_RECORD_ID_BYTES * 2)
    return FALSE;

  return sodium_hex2bin (id, LIN_RECORD_ID_BYTES, str, strlen (str), NULL, &bin_len, NULL) == 0 &&
         bin_len == LIN_RECORD_ID_BYTES;
}

/**
 * lin_record_new:
 * @kind: the kind, see lin_record_kind_is_valid()
 *
 * Returns: (transfer full): a new, unsaved record with a random id and no
 *   fields
 */
LinRecord *
lin_record_new (const char *kind)
{
  LinRecord *self;

  g_return_val_if_fail (lin_record_kind_is_valid (kind), NULL);

  self = g_object_new (LIN_TYPE_RECORD, NULL);
  self->kind = g_intern_string (kind);
  randombytes_buf (self->id, LIN_RECORD_ID_BYTES);
  update_id_string (self);
  self->fields = json_object_new ();

  return self;
}

/* g_intern_string() takes a process-wide lock; unlock makes records of a
 * handful of kinds on several threads at once, so each thread remembers
 * the last kind it saw */
static const char *
intern_kind (const char *kind)
{
  static __thread const char *last;

  if (last == NULL || strcmp (last, kind) != 0)
    last = g_intern_string (kind);

  return last;
}

/* Blank records made ahead. Unlock makes 100,000 records at once, and the
 * new memory their instances take (18 MB, one kernel fault per page) cost
 * more than making them: 66 ms for 100,000 records against 3 ms when the
 * memory was there (measured on the CI machine). lin_record_prepare()
 * makes them on the processor that the Argon2id second leaves idle; the
 * loading threads take them in batches. A blank record is what
 * g_object_new() returns: nothing in it yet. */

#define SPARE_BATCH 256

typedef struct
{
  guint      n;
  LinRecord *records[SPARE_BATCH];
} Spares;

static GMutex     spare_lock;
static GPtrArray *spare_pool;    /* of blank records */
static gint       n_spare;       /* its length, read without the lock */

/* a thread that ends gives back the blank records it holds */
static void
spares_return (gpointer data)
{
  Spares *spares = data;

  g_mutex_lock (&spare_lock);
  for (guint i = 0; i < spares->n; i++)
    g_ptr_array_add (spare_pool, spares->records[i]);
  g_atomic_int_set (&n_spare, spare_pool->len);
  g_mutex_unlock (&spare_lock);
  g_free (spares);
}

static GPrivate thread_spares = G_PRIVATE_INIT (spares_return);

static LinRecord *
new_blank (void)
{
  Spares *spares = g_private_get (&thread_spares);

  if ((spares == NULL || spares->n == 0) && g_atomic_int_get (&n_spare) > 0)
    {
      if (spares == NULL)
        {
          spares = g_new0 (Spares, 1);
          g_private_set (&thread_spares, spares);
        }

      g_mutex_lock (&spare_lock);
      while (spares->n < SPARE_BATCH && spare_pool->len > 0)
        spares->records[spares->n++] = g_ptr_array_steal_index_fast (spare_pool, spare_pool->len - 1);
      g_atomic_int_set (&n_spare, spare_pool->len);
      g_mutex_unlock (&spare_lock);
    }

  if (spares != NULL && spares->n > 0)
    return spares->records[--spares->n];

  return g_object_new (LIN_TYPE_RECORD, NULL);
}

/**
 * lin_record_prepare:
 * @n: how many records the next load will make
 *
 * Makes blank records ahead, up to @n waiting, for the records that
 * loading a store makes (lin_store_prepare_memory).
 */
void
lin_record_prepare (guint n)
{
  g_autoptr(GPtrArray) made = NULL;
  guint n_have = g_atomic_int_get (&n_spare);

  if (n <= n_have)
    return;

  made = g_ptr_array_sized_new (n - n_have);
  for (guint i = n_have; i < n; i++)
    g_ptr_array_add (made, g_object_new (LIN_TYPE_RECORD, NULL));

  g_mutex_lock (&spare_lock);
  if (spare_pool == NULL)
    spare_pool = g_ptr_array_new ();
  g_ptr_array_extend_and_steal (spare_pool, g_steal_pointer (&made));
  g_atomic_int_set (&n_spare, spare_pool->len);
  g_mutex_unlock (&spare_lock);
}

/* A blank record of the payload's kind; %NULL when the payload is not
 * one. Sets *kind_len. */
static LinRecord *
new_of_payload_kind (const guint8  *payload,
                     gsize          len,
                     guint8        *kind_len,
                     GError       **error)
{
  LinRecord *self;
  char kind[LIN_RECORD_KIND_MAX + 1];

  if (len < 2 || payload[0] != LIN_RECORD_PAYLOAD_VERSION ||
      (*kind_len = payload[1]) == 0 || *kind_len > LIN_RECORD_KIND_MAX || len < 2u + *kind_len)
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                           "A stored record has an unknown layout");
      return NULL;
    }

  memcpy (kind, payload + 2, *kind_len);
  kind[*kind_len] = '\0';
  if (!lin_record_kind_is_valid (kind))
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                           "A stored record has an unknown kind");
      return NULL;
    }

  self = new_blank ();
  self->kind = intern_kind (kind);

  return self;
}

/**
 * lin_record_new_from_payload:
 * @header: the header of the envelope it came in
 * @payload: the plaintext
 * @len: its length
 * @chunk: (nullable): the chunk that @payload lies in, writable one byte
 *   past @len: the record keeps its text there instead of a copy. %NULL:
 *   the record copies it.
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the record, its fields parsed on first use, or
 *   %NULL when the payload is not one
 */
LinRecord *
lin_record_new_from_payload (const LinEnvelopeHeader  *header,
                             const guint8             *payload,
                             gsize                     len,
                             LinChunk                 *chunk,
                             GError                  **error)
{
  LinRecord *self;
  guint8 kind_len;

  self = new_of_payload_kind (payload, len, &kind_len, error);
  if (self == NULL)
    return NULL;

  self->json_len = len - 2 - kind_len;
  if (chunk != NULL)
    {
      self->chunk = lin_chunk_ref (chunk);
      self->json = (char *)payload + 2 + kind_len;
    }
  else
    {
      self->json = g_malloc (self->json_len + 1);
      memcpy (self->json, payload + 2 + kind_len, self->json_len);
    }
  self->json[self->json_len] = '\0';

  lin_record_set_saved (self, header);

  return self;
}

/**
 * lin_record_new_on_disk:
 * @header: the header of the envelope it came in
 * @payload: the plaintext, which the record does not keep
 * @len: its length
 * @source: where its envelope is read again when its fields are asked for
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the record, its text read again from @source
 *   on first use, or %NULL when the payload is not one
 */
LinRecord *
lin_record_new_on_disk (const LinEnvelopeHeader  *header,
                        const guint8             *payload,
                        gsize                     len,
                        LinRecordSource          *source,
                        GError                  **error)
{
  LinRecord *self;
  guint8 kind_len;

  g_return_val_if_fail (source != NULL, NULL);

  self = new_of_payload_kind (payload, len, &kind_len, error);
  if (self == NULL)
    return NULL;

  self->source = lin_record_source_ref (source);
  lin_record_set_saved (self, header);

  return self;
}

/* What to read again, taken under the lock: the record's thread may save
 * it meanwhile. FALSE when there is nothing to read: the text or the
 * fields are there. */
static gboolean
take_source (LinRecord        *self,
             LinRecordSource **source,
             guint8           *id,
             guint64          *revision)
{
  *source = NULL;

  g_mutex_lock (&json_lock);
  if (self->json == NULL && self->fields == NULL && self->source != NULL)
    {
      *source = lin_record_source_ref (self->source);
      memcpy (id, self->id, LIN_RECORD_ID_BYTES);
      *revision = self->revision;
    }
  g_mutex_unlock (&json_lock);

  return *source != NULL;
}

/* A copy of the text read again, or NULL (and @error) */
static char *
read_again (LinRecord  *self,
            gsize      *len,
            GError    **error)
{
  g_autoptr(LinRecordSource) source = NULL;
  guint8 id[LIN_RECORD_ID_BYTES];
  guint64 revision = 0;

  if (!take_source (self, &source, id, &revision))
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_DAMAGED,
                           "A record has no text to read");
      return NULL;
    }

  return source_read_text (source, id, revision, self->kind, len, error);
}

/* Drops the source: the fields are the record's own now */
static void
drop_source (LinRecord *self)
{
  if (self->source != NULL)
    {
      g_mutex_lock (&json_lock);
      g_clear_pointer (&self->source, lin_record_source_unref);
      g_mutex_unlock (&json_lock);
    }
}

/**
 * lin_record_set_saved:
 * @self: a #LinRecord
 * @header: the header of the envelope it was saved or loaded as
 *
 * For LinStore: takes id, revision and the rest from @header.
 */
void
lin_record_set_saved (LinRecord               *self,
                      const LinEnvelopeHeader *header)
{
  g_return_if_fail (LIN_IS_RECORD (self));

  if (memcmp (self->id, header->record_id, LIN_RECORD_ID_BYTES) != 0)
    {
      memcpy (self->id, header->record_id, LIN_RECORD_ID_BYTES);
      update_id_string (self);
    }
  self->revision = header->revision;
  self->parent_revision = header->parent_revision;
  self->hlc = header->hlc;
  self->key_epoch = header->key_epoch;
  memcpy (self->author, header->device_id, LIN_DEVICE_ID_BYTES);
}

static JsonObject *
parse_fields (const char  *json,
              gsize        len,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, json, (gssize)len, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_INVALID,
                           "A record's fields must be a JSON object");
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

/**
 * lin_record_check_fields:
 * @self: a #LinRecord
 * @error: a location for a #GError
 *
 * Parses the fields if they are not parsed yet (`linija-cli verify`).
 *
 * Returns: whether they are a JSON object
 */
gboolean
lin_record_check_fields (LinRecord  *self,
                         GError    **error)
{
  g_return_val_if_fail (LIN_IS_RECORD (self), FALSE);

  if (self->fields == NULL)
    {
      JsonObject *fields;

      if (self->json != NULL)
        fields = parse_fields (self->json, self->json_len, error);
      else
        {
          gsize len = 0;
          char *json = read_again (self, &len, error);

          if (json == NULL)
            return FALSE;
          fields = parse_fields (json, len, error);
          sodium_memzero (json, len);
          g_free (json);
        }

      if (fields == NULL)
        return FALSE;

      self->fields = fields;
      drop_json (self);
      drop_source (self);
    }

  return TRUE;
}

/**
 * lin_record_get_unreadable:
 * @self: a #LinRecord
 *
 * Returns: whether its fields could not be read (see the top of the file):
 *   it must not be saved
 */
gboolean
lin_record_get_unreadable (LinRecord *self)
{
  g_return_val_if_fail (LIN_IS_RECORD (self), TRUE);
  return self->unreadable;
}

/**
 * lin_record_get_fields:
 * @self: a #LinRecord
 *
 * Returns: (transfer none): the fields, which the caller may change before
 *   saving
 */
JsonObject *
lin_record_get_fields (LinRecord *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LIN_IS_RECORD (self), NULL);

  if (!lin_record_check_fields (self, &error))
    {
      /* never log the text; the error has none. A record held past
       * the lock is read no more: nothing to warn of */
      if (self->json != NULL)
        g_critical ("A record's fields could not be read"); /* authenticated: a bug */
      else if (g_error_matches (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_LOCKED))
        g_debug ("%s", error->message);
      else
        g_warning ("%s", error->message);
      drop_json (self);
      drop_source (self);
      self->fields = json_object_new ();
      self->unreadable = TRUE;
    }

  return self->fields;
}

void
lin_record_set_fields (LinRecord  *self,
                       JsonObject *fields)
{
  g_return_if_fail (LIN_IS_RECORD (self));
  g_return_if_fail (fields != NULL);

  /* first the new reference: @fields may be the record's own */
  json_object_ref (fields);
  drop_json (self);
  drop_source (self);
  g_clear_pointer (&self->fields, json_object_unref);
  self->fields = fields;
  self->unreadable = FALSE;
}

const char *
lin_record_get_string (LinRecord  *self,
                       const char *field)
{
  JsonObject *fields = lin_record_get_fields (self);
  JsonNode *node = json_object_get_member (fields, field);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

void
lin_record_set_string (LinRecord  *self,
                       const char *field,
                       const char *value)
{
  JsonObject *fields = lin_record_get_fields (self);

  if (value == NULL)
    json_object_remove_member (fields, field);
  else
    json_object_set_string_member (fields, field, value);
}

/**
 * lin_record_dup_fields_json:
 * @self: a #LinRecord
 *
 * Returns: (transfer full): the fields as JSON text; plaintext: wipe it
 */
char *
lin_record_dup_fields_json (LinRecord *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (LIN_IS_RECORD (self), NULL);

  if (self->fields == NULL)
    {
      char *json = lin_record_dup_unparsed_json (self, NULL);

      if (json != NULL)
        return json;
    }

  node = json_node_init_object (json_node_alloc (), lin_record_get_fields (self));
  return json_to_string (node, FALSE);
}

/**
 * lin_record_dup_unparsed_json:
 * @self: a #LinRecord
 * @len: (out) (optional): the length of the text
 *
 * Safe on any thread, also while the record's own thread parses it. A
 * record whose text the working set does not keep reads it again, and
 * keeps it no more than before.
 *
 * Returns: (transfer full) (nullable): a copy of the fields' text as
 *   loaded while they are not parsed yet, else %NULL (then use
 *   lin_record_get_fields() on the record's thread); plaintext: wipe it
 */
char *
lin_record_dup_unparsed_json (LinRecord *self,
                              gsize     *len)
{
  g_autoptr(GError) error = NULL;
  char *copy = NULL;
  gsize copy_len = 0;

  g_return_val_if_fail (LIN_IS_RECORD (self), NULL);

  g_mutex_lock (&json_lock);
  if (self->json != NULL)
    {
      copy = g_strndup (self->json, self->json_len);
      copy_len = self->json_len;
    }
  g_mutex_unlock (&json_lock);

  /* NULL when the fields got parsed meanwhile; on failure, too: then
   * lin_record_get_fields() says why and marks the record */
  if (copy == NULL)
    copy = read_again (self, &copy_len, NULL);

  if (copy != NULL && len != NULL)
    *len = copy_len;

  return copy;
}

/**
 * lin_record_peek_fields:
 * @self: a #LinRecord
 *
 * For scans over many records, which must not keep 100,000 parsed
 * objects: the parsed fields when they are, else a parse of the text that
 * the record does not keep.
 *
 * Returns: (transfer full): the fields, not to be changed
 */
JsonObject *
lin_record_peek_fields (LinRecord *self)
{
  g_autoptr(GError) error = NULL;
  JsonObject *fields;
  char *json;
  gsize len = 0;

  g_return_val_if_fail (LIN_IS_RECORD (self), NULL);

  json = lin_record_dup_unparsed_json (self, &len);
  if (json == NULL)
    return json_object_ref (lin_record_get_fields (self));

  fields = parse_fields (json, len, &error);
  sodium_memzero (json, len);
  g_free (json);

  if (fields == NULL)
    {
      /* authenticated, so only a bug can get here; never log the text */
      g_critical ("A record's fields could not be read");
      fields = json_object_new ();
    }

  return fields;
}

/**
 * lin_record_set_fields_json:
 * @self: a #LinRecord
 * @json: a JSON object
 * @error: a location for a #GError
 *
 * Returns: whether @json was a JSON object
 */
gboolean
lin_record_set_fields_json (LinRecord   *self,
                            const char  *json,
                            GError     **error)
{
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LIN_IS_RECORD (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  fields = parse_fields (json, strlen (json), &local_error);
  if (fields == NULL)
    {
      g_set_error (error, LIN_VAULT_ERROR, LIN_VAULT_ERROR_INVALID,
                   "The record is not a JSON object: %s", local_error->message);
      return FALSE;
    }

  lin_record_set_fields (self, fields);

  return TRUE;
}

/**
 * lin_record_serialize:
 * @self: a #LinRecord
 *
 * Returns: (transfer full): the payload, in wiped-on-free memory
 */
GBytes *
lin_record_serialize (LinRecord *self)
{
  g_autofree char *json = NULL;
  gsize kind_len, json_len;
  GBytes *bytes;
  guint8 *buf;

  g_return_val_if_fail (LIN_IS_RECORD (self), NULL);

  json = lin_record_dup_fields_json (self);
  json_len = strlen (json);
  kind_len = strlen (self->kind);

  buf = g_malloc (2 + kind_len + json_len);
  buf[0] = LIN_RECORD_PAYLOAD_VERSION;
  buf[1] = (guint8)kind_len;
  memcpy (buf + 2, self->kind, kind_len);
  memcpy (buf + 2 + kind_len, json, json_len);

  bytes = lin_secure_bytes_new (buf, 2 + kind_len + json_len);
  sodium_memzero (buf, 2 + kind_len + json_len);
  sodium_memzero (json, json_len);
  g_free (buf);

  return bytes;
}

const char *
lin_record_get_kind (LinRecord *self)
{
  g_return_val_if_fail (LIN_IS_RECORD (self), NULL);
  return self->kind;
}

const guint8 *
lin_record_get_id (LinRecord *self)
{
  g_return_val_if_fail (LIN_IS_RECORD (self), NULL);
  return self->id;
}

const char *
lin_record_get_id_string (LinRecord *self)
{
  g_return_val_if_fail (LIN_IS_RECORD (self), NULL);

  if (self->id_string[0] == '\0')
    sodium_bin2hex (self->id_string, sizeof self->id_string, self->id, LIN_RECORD_ID_BYTES);

  return self->id_string;
}

guint64
lin_record_get_revision (LinRecord *self)
{
  g_return_val_if_fail (LIN_IS_RECORD (self), 0);
  return self->revision;
}

guint64
lin_record_get_parent_revision (LinRecord *self)
{
  g_return_val_if_fail (LIN_IS_RECORD (self), 0);
  return self->parent_revision;
}

guint64
lin_record_get_hlc (LinRecord *self)
{
  g_return_val_if_fail (LIN_IS_RECORD (self), 0);
  return self->hlc;
}

guint32
lin_record_get_key_epoch (LinRecord *self)
{
  g_return_val_if_fail (LIN_IS_RECORD (self), 0);
  return self->key_epoch;
}

const guint8 *
lin_record_get_author (LinRecord *self)
{
  g_return_val_if_fail (LIN_IS_RECORD (self), NULL);
  return self->author;
}

gboolean
lin_record_get_local (LinRecord *self)
{
  g_return_val_if_fail (LIN_IS_RECORD (self), FALSE);
  return self->local;
}

/**
 * lin_record_set_local:
 * @self: a #LinRecord
 * @local: whether the record stays on this device (drafts)
 */
void
lin_record_set_local (LinRecord *self,
                      gboolean   local)
{
  g_return_if_fail (LIN_IS_RECORD (self));
  self->local = !!local;
}
