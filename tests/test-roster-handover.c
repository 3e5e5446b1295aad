/* test-roster-handover.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Handover notes through a real vault: the shift before on the same line
 * (across other lines, cancelled shifts, a closed weekend), the windows
 * in which a note is due at their edges, for a person and for anyone, a
 * note found after saving, edited in place, and the newest of two.
 */

#include "config.h"

#include <string.h>

#include "lin-call.h"
#include "lin-roster-handover.h"
#include "lin-roster-test-utils.h"
#include "lin-vault-test-utils.h"

static LinStore *
open_store (char **data_dir)
{
  g_autofree char *profile = NULL;
  g_autoptr(GError) error = NULL;
  LinStore *store;

  *data_dir = lin_vault_test_make_tmp ("handover");
  profile = lin_vault_test_create_profile (*data_dir, "Test");
  store = lin_profile_unlock (profile, LIN_VAULT_TEST_PASSPHRASE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static void
close_store (LinStore **store,
             char     **data_dir)
{
  lin_store_close (*store);
  g_clear_object (store);
  lin_vault_test_rm_rf (*data_dir);
  g_clear_pointer (data_dir, g_free);
}

static int
index_of (LinRoster *roster,
          LinRecord *shift)
{
  return lin_roster_find_shift (roster, lin_record_get_id_string (shift));
}

static void
cancel (LinRecord *shift)
{
  json_object_set_boolean_member (lin_record_get_fields (shift), LIN_SHIFT_FIELD_CANCELLED, TRUE);
}

static gint64
instant (const char *iso8601)
{
  g_autoptr(GDateTime) time = lin_call_parse_time (iso8601);

  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

static void
test_previous (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  LinRecord *sos = lin_roster_test_line (records, "SOS", NULL);
  LinRecord *chat = lin_roster_test_line (records, "Chat", NULL);
  LinRecord *fri = lin_roster_test_shift (records, sos, "2026-12-04T08:00:00+01:00", "2026-12-04T20:00:00+01:00", 1);
  LinRecord *fri_chat = lin_roster_test_shift (records, chat, "2026-12-04T20:00:00+01:00",
                                               "2026-12-05T08:00:00+01:00", 1);
  LinRecord *mon_day = lin_roster_test_shift (records, sos, "2026-12-07T08:00:00+01:00",
                                              "2026-12-07T20:00:00+01:00", 1);
  LinRecord *mon_night = lin_roster_test_shift (records, sos, "2026-12-07T20:00:00+01:00",
                                                "2026-12-08T08:00:00+01:00", 1);
  LinRecord *mon_chat = lin_roster_test_shift (records, chat, "2026-12-07T12:00:00+01:00",
                                               "2026-12-07T19:00:00+01:00", 1);
  /* cancelled: the night reads Monday's day, not it */
  LinRecord *mon_evening = lin_roster_test_shift (records, sos, "2026-12-07T14:00:00+01:00",
                                                  "2026-12-07T20:00:00+01:00", 1);
  /* overlapping the night's start: it has not ended when the night begins */
  LinRecord *mon_late = lin_roster_test_shift (records, sos, "2026-12-07T16:00:00+01:00",
                                               "2026-12-07T22:00:00+01:00", 1);
  g_autoptr(LinRoster) roster = NULL;

  cancel (mon_evening);
  roster = lin_roster_new (records);

  /* across the closed weekend, and not the other line's night */
  g_assert_cmpint (lin_roster_previous_shift (roster, index_of (roster, mon_day)), ==, index_of (roster, fri));
  g_assert_cmpint (lin_roster_previous_shift (roster, index_of (roster, mon_night)), ==, index_of (roster, mon_day));
  g_assert_cmpint (lin_roster_previous_shift (roster, index_of (roster, mon_chat)), ==, index_of (roster, fri_chat));
  g_assert_cmpint (lin_roster_previous_shift (roster, index_of (roster, fri)), ==, -1);
  g_assert_cmpint (lin_roster_previous_shift (roster, index_of (roster, fri_chat)), ==, -1);
  g_assert_cmpint (lin_roster_previous_shift (roster, index_of (roster, mon_late)), ==, index_of (roster, fri));

  /* Monday's day cancelled too: the night reads Friday's */
  cancel (mon_day);
  g_clear_pointer (&roster, lin_roster_unref);
  roster = lin_roster_new (records);
  g_assert_cmpint (lin_roster_previous_shift (roster, index_of (roster, mon_night)), ==, index_of (roster, fri));
}

static void
test_due (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(LinStore) store = open_store (&data_dir);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  LinRecord *sos = lin_roster_test_line (records, "SOS", NULL);
  LinRecord *chat = lin_roster_test_line (records, "Chat", NULL);
  LinRecord *ana = lin_roster_test_person (records, "Ana", NULL);
  LinRecord *bojana = lin_roster_test_person (records, "Bojana", NULL);
  LinRecord *day = lin_roster_test_shift (records, sos, "2026-12-07T08:00:00+01:00", "2026-12-07T20:00:00+01:00", 1);
  LinRecord *night = lin_roster_test_shift (records, sos, "2026-12-07T20:00:00+01:00",
                                            "2026-12-08T08:00:00+01:00", 1);
  LinRecord *chat_day = lin_roster_test_shift (records, chat, "2026-12-07T09:00:00+01:00",
                                               "2026-12-07T21:00:00+01:00", 1);
  LinRecord *cancelled = lin_roster_test_shift (records, chat, "2026-12-07T13:00:00+01:00",
                                                "2026-12-07T19:00:00+01:00", 1);
  g_autoptr(LinRoster) roster = NULL;
  g_autoptr(LinRecord) note = NULL;
  g_autoptr(GError) error = NULL;
  gint64 end = instant ("2026-12-07T20:00:00+01:00");
  int a, b;

  cancel (cancelled);
  g_ptr_array_add (records, lin_roster_new_assignment (day, ana));
  g_ptr_array_add (records, lin_roster_new_assignment (chat_day, bojana));
  g_ptr_array_add (records, lin_roster_new_assignment (cancelled, bojana));
  roster = lin_roster_new (records);
  a = lin_roster_find_person (roster, lin_record_get_id_string (ana));
  b = lin_roster_find_person (roster, lin_record_get_id_string (bojana));

  /* 15 minutes before the end, to two hours after, both edges in */
  g_assert_cmpint (lin_roster_handover_due (roster, a, end - 15 * 60 - 1, store), ==, -1);
  g_assert_cmpint (lin_roster_handover_due (roster, a, end - 15 * 60, store), ==, index_of (roster, day));
  g_assert_cmpint (lin_roster_handover_due (roster, a, end, store), ==, index_of (roster, day));
  g_assert_cmpint (lin_roster_handover_due (roster, a, end + 2 * 3600, store), ==, index_of (roster, day));
  g_assert_cmpint (lin_roster_handover_due (roster, a, end + 2 * 3600 + 1, store), ==, -1);

  /* Bojana's shift ends at 21:00; her cancelled one, at 19:00, never */
  g_assert_cmpint (lin_roster_handover_due (roster, b, end, store), ==, -1);
  g_assert_cmpint (lin_roster_handover_due (roster, b, end + 3600 - 15 * 60, store), ==, index_of (roster, chat_day));
  g_assert_cmpint (lin_roster_handover_due (roster, b, instant ("2026-12-07T19:00:00+01:00"), store), ==, -1);

  /* anyone: the shift that ended first, whoever is on it; the night, no
   * one on it, at its own end */
  g_assert_cmpint (lin_roster_handover_due (roster, -1, end + 3600 - 15 * 60, store), ==, index_of (roster, day));
  g_assert_cmpint (lin_roster_handover_due (roster, -1, instant ("2026-12-08T08:00:00+01:00"), store), ==,
                   index_of (roster, night));

  /* written: due no more; the next one is */
  note = lin_roster_handover_new (day, "Mirna smena.");
  g_assert_true (lin_store_save (store, note, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lin_roster_handover_due (roster, a, end, store), ==, -1);
  g_assert_cmpint (lin_roster_handover_due (roster, -1, end + 3600 - 15 * 60, store), ==, index_of (roster, chat_day));

  close_store (&store, &data_dir);
}

static void
test_find (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(LinStore) store = open_store (&data_dir);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  LinRecord *sos = lin_roster_test_line (records, "SOS", NULL);
  LinRecord *day = lin_roster_test_shift (records, sos, "2026-12-07T08:00:00+01:00", "2026-12-07T20:00:00+01:00", 1);
  LinRecord *night = lin_roster_test_shift (records, sos, "2026-12-07T20:00:00+01:00",
                                            "2026-12-08T08:00:00+01:00", 1);
  g_autoptr(LinRecord) note = NULL;
  g_autoptr(LinRecord) other = NULL;
  g_autoptr(GError) error = NULL;
  LinRecord *found;
  g_autoptr(GDateTime) written = NULL;
  const char *day_id = lin_record_get_id_string (day);

  g_assert_null (lin_roster_find_handover (store, day_id));

  note = lin_roster_handover_new (day, "Dva poziva visokog rizika.");
  g_assert_cmpstr (lin_record_get_string (note, LIN_HANDOVER_FIELD_SHIFT), ==, day_id);
  written = lin_call_parse_time (lin_record_get_string (note, LIN_HANDOVER_FIELD_WRITTEN));
  g_assert_nonnull (written);
  g_assert_cmpint (ABS (g_date_time_to_unix (written) - g_get_real_time () / G_USEC_PER_SEC), <, 60);
  g_assert_true (lin_store_save (store, note, &error));
  g_assert_no_error (error);
  other = lin_roster_handover_new (night, "Noć bez poziva.");
  g_assert_true (lin_store_save (store, other, &error));
  g_assert_no_error (error);

  found = lin_roster_find_handover (store, day_id);
  g_assert_nonnull (found);
  g_assert_cmpstr (lin_record_get_id_string (found), ==, lin_record_get_id_string (note));
  g_assert_cmpstr (lin_record_get_string (found, LIN_HANDOVER_FIELD_TEXT), ==, "Dva poziva visokog rizika.");
  g_assert_null (lin_roster_find_handover (store, lin_record_get_id_string (sos)));

  /* edited: the same record, a new revision */
  lin_roster_handover_set_text (found, "Dva poziva visokog rizika; jedan poziv treba ponoviti.");
  g_assert_true (lin_store_save (store, found, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lin_record_get_revision (found), >, 1);
  found = lin_roster_find_handover (store, day_id);
  g_assert_cmpstr (lin_record_get_id_string (found), ==, lin_record_get_id_string (note));
  g_assert_cmpstr (lin_record_get_string (found, LIN_HANDOVER_FIELD_TEXT), ==,
                   "Dva poziva visokog rizika; jedan poziv treba ponoviti.");
  {
    g_autoptr(GPtrArray) all = lin_store_list (store, LIN_HANDOVER_KIND);

    g_assert_cmpuint (all->len, ==, 2);
  }

  /* a second note of the same shift (another device, before a sync): the
   * newest is the one found */
  g_clear_object (&other);
  other = lin_roster_handover_new (day, "Novija beleška.");
  g_assert_true (lin_store_save (store, other, &error));
  g_assert_no_error (error);
  g_assert_true (lin_roster_find_handover (store, day_id) == other);

  /* the index: each shift's newest note */
  {
    g_autoptr(GHashTable) index = lin_roster_handover_index (store);

    g_assert_cmpuint (g_hash_table_size (index), ==, 2);
    g_assert_true (g_hash_table_lookup (index, day_id) == other);
    g_assert_cmpstr (lin_record_get_string (g_hash_table_lookup (index, lin_record_get_id_string (night)),
                                            LIN_HANDOVER_FIELD_TEXT), ==, "Noć bez poziva.");
  }

  close_store (&store, &data_dir);
}

static void
test_summary (void)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(LinStore) store = open_store (&data_dir);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  LinRecord *sos = lin_roster_test_line (records, "SOS", NULL);
  LinRecord *day = lin_roster_test_shift (records, sos, "2026-12-07T08:00:00+01:00", "2026-12-07T20:00:00+01:00", 1);
  g_autoptr(LinRoster) roster = lin_roster_new (records);
  g_autofree char *summary = lin_roster_handover_summary (roster, index_of (roster, day), store);

  g_assert_true (g_str_has_prefix (summary, "Shift handover, 2026-12-07 08:00 – 2026-12-07 20:00"));
  g_assert_nonnull (strstr (summary, "0 calls during the shift."));

  close_store (&store, &data_dir);
}

int
main (int   argc,
      char *argv[])
{
  lin_vault_test_init ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/roster/handover/previous", test_previous);
  g_test_add_func ("/roster/handover/due", test_due);
  g_test_add_func ("/roster/handover/find", test_find);
  g_test_add_func ("/roster/handover/summary", test_summary);

  return g_test_run ();
}
