/* test-draft.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drafts: saved on every change once typing pauses, local (no outbox),
 * only the latest revision kept, and whatever is pending written before
 * the store closes.
 */

#include "config.h"

#include <stdlib.h>

#include "lin-draft.h"
#include "lin-profile.h"

static char *profile;

static LinStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  LinStore *store = lin_profile_unlock (profile, "draft test passphrase", &error);

  g_assert_no_error (error);
  return store;
}

static gboolean
quit_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
saved_cb (LinDraft *draft,
          guint    *n)
{
  (*n)++;
}

static void
test_debounce (void)
{
  g_autoptr(LinStore) store = open_store ();
  g_autoptr(LinRecord) record = lin_record_new ("draft");
  g_autoptr(LinDraft) draft = lin_draft_new (store, record, 200);
  g_autofree char *id = g_strdup (lin_record_get_id_string (record));
  guint n_saved = 0;

  g_signal_connect (draft, "saved", G_CALLBACK (saved_cb), &n_saved);

  /* ten keystrokes, 20 ms apart: one save, after the pause */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *text = g_strdup_printf ("Позвала је %u. пут", i + 1);

      lin_record_set_string (record, "notes", text);
      lin_draft_changed (draft);
      spin (20);
    }
  g_assert_true (lin_draft_get_pending (draft));
  g_assert_cmpuint (n_saved, ==, 0);

  spin (400);
  g_assert_false (lin_draft_get_pending (draft));
  g_assert_cmpuint (n_saved, ==, 1);
  g_assert_cmpuint (lin_record_get_revision (record), ==, 1);

  /* local: nothing to push */
  g_assert_cmpuint (lin_store_get_n_outbox (store), ==, 0);
  g_assert_true (lin_record_get_local (record));

  /* more changes, flushed at once */
  lin_record_set_string (record, "notes", "последња верзија");
  lin_draft_changed (draft);
  g_assert_true (lin_draft_flush (draft, NULL));
  g_assert_cmpuint (n_saved, ==, 2);
  g_assert_cmpuint (lin_record_get_revision (record), ==, 2);

  /* only the latest revision is kept */
  {
    g_autoptr(GPtrArray) envelopes = lin_store_dup_envelopes (store, id);
    g_assert_cmpuint (envelopes->len, ==, 1);
  }

  g_clear_object (&draft);
  lin_store_close (store);

  {
    g_autoptr(LinStore) again = open_store ();
    LinRecord *loaded = lin_store_get (again, id);

    g_assert_nonnull (loaded);
    g_assert_cmpstr (lin_record_get_string (loaded, "notes"), ==, "последња верзија");
    g_assert_true (lin_record_get_local (loaded));
    lin_store_close (again);
  }
}

static void
test_written_before_close (void)
{
  g_autoptr(LinStore) store = open_store ();
  g_autoptr(LinRecord) record = lin_record_new ("draft");
  g_autoptr(LinDraft) draft = lin_draft_new (store, record, 10000);
  g_autofree char *id = g_strdup (lin_record_get_id_string (record));

  lin_record_set_string (record, "notes", "откуцано пре закључавања");
  lin_draft_changed (draft);
  g_assert_true (lin_draft_get_pending (draft));

  /* lock before the pause is over: the draft is written first */
  lin_store_close (store);
  g_assert_false (lin_draft_get_pending (draft));

  {
    g_autoptr(LinStore) again = open_store ();
    LinRecord *loaded = lin_store_get (again, id);

    g_assert_nonnull (loaded);
    g_assert_cmpstr (lin_record_get_string (loaded, "notes"), ==, "откуцано пре закључавања");
    lin_store_close (again);
  }
}

static void
test_written_when_dropped (void)
{
  g_autoptr(LinStore) store = open_store ();
  LinRecord *record = lin_record_new ("draft");
  LinDraft *draft = lin_draft_new (store, record, 10000);
  g_autofree char *id = g_strdup (lin_record_get_id_string (record));

  lin_record_set_string (record, "notes", "нацрт");
  lin_draft_changed (draft);
  g_object_unref (draft);
  g_object_unref (record);

  g_assert_nonnull (lin_store_get (store, id));
  g_assert_cmpuint (lin_record_get_revision (lin_store_get (store, id)), ==, 1);
  lin_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  LinKdfParams kdf;
  int ret;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("linija-test-draft-XXXXXX", &error);
  g_assert_no_error (error);
  lin_kdf_params_floor (&kdf);
  profile = lin_profile_create (dir, "Нацрти", "draft test passphrase", &kdf, &error);
  g_assert_no_error (error);

  g_test_add_func ("/draft/debounce", test_debounce);
  g_test_add_func ("/draft/written-before-close", test_written_before_close);
  g_test_add_func ("/draft/written-when-dropped", test_written_when_dropped);

  ret = g_test_run ();

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (cmd) != 0)
      g_warning ("could not remove %s", dir);
  }
  g_free (profile);

  return ret;
}
