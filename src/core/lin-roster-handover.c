/* lin-roster-handover.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The handover note: what a shift leaves the next one on the same line,
 * written at its end (kind "handover": the shift's id, the text, when it
 * was last written). A shift has one note; editing it saves a new
 * revision of the same record. Should two devices each write one before
 * they sync, the newest (by its HLC, as the store orders records) is the
 * one shown.
 *
 * The note starts from the call log's summary of the shift's span
 * (lin_call_handover_summary()): counts, times, districts and risk
 * levels, no caller code and no free text of a call. What the counsellor
 * then types is hers; the note is seen by everyone who sees the roster,
 * and the dialog says so.
 *
 * Linija offers to write the note from 15 minutes before a shift ends to
 * two hours after it (lin_roster_handover_due()): the end of a night is
 * busy, and a counsellor who is late with it is still asked.
 */

#define G_LOG_DOMAIN "lin-roster-handover"

#include "config.h"

#include "lin-call.h"
#include "lin-roster-handover.h"
#include "lin-roster-private.h"

static void
set_written_now (JsonObject *fields)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  g_autofree char *written = lin_call_format_time (now);

  json_object_set_string_member (fields, LIN_HANDOVER_FIELD_WRITTEN, written);
}

/**
 * lin_roster_handover_new:
 * @shift: the shift it hands over
 * @text: what it says
 *
 * Returns: (transfer full): a new handover note, written now, not saved yet
 */
LinRecord *
lin_roster_handover_new (LinRecord  *shift,
                         const char *text)
{
  LinRecord *handover;
  JsonObject *fields;

  g_return_val_if_fail (LIN_IS_RECORD (shift), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  handover = lin_record_new (LIN_HANDOVER_KIND);
  fields = json_object_new ();
  json_object_set_string_member (fields, LIN_HANDOVER_FIELD_SHIFT, lin_record_get_id_string (shift));
  json_object_set_string_member (fields, LIN_HANDOVER_FIELD_TEXT, text);
  set_written_now (fields);
  lin_record_set_fields (handover, fields);
  json_object_unref (fields);

  return handover;
}

/**
 * lin_roster_handover_set_text:
 * @handover: a handover note
 * @text: its new text
 *
 * Changes the text and the time it was written (now); save it after.
 */
void
lin_roster_handover_set_text (LinRecord  *handover,
                              const char *text)
{
  JsonObject *fields;

  g_return_if_fail (LIN_IS_RECORD (handover));
  g_return_if_fail (text != NULL);

  fields = lin_record_get_fields (handover);
  json_object_set_string_member (fields, LIN_HANDOVER_FIELD_TEXT, text);
  set_written_now (fields);
}

static gboolean
is_note_of (LinRecord  *record,
            const char *shift_id)
{
  g_autoptr(JsonObject) fields = lin_record_peek_fields (record);

  return g_strcmp0 (json_object_get_string_member_with_default (fields, LIN_HANDOVER_FIELD_SHIFT, NULL),
                    shift_id) == 0;
}

/**
 * lin_roster_find_handover:
 * @store: an open store
 * @shift_id: a shift's record id
 *
 * Returns: (transfer none) (nullable): the newest handover note of the
 *   shift, or %NULL when none was written
 */
LinRecord *
lin_roster_find_handover (LinStore   *store,
                          const char *shift_id)
{
  g_autoptr(GPtrArray) notes = NULL;

  g_return_val_if_fail (LIN_IS_STORE (store), NULL);
  g_return_val_if_fail (shift_id != NULL, NULL);

  /* oldest first: the last that matches is the newest */
  notes = lin_store_list (store, LIN_HANDOVER_KIND);
  for (guint i = notes->len; i > 0; i--)
    if (is_note_of (notes->pdata[i - 1], shift_id))
      return notes->pdata[i - 1];

  return NULL;
}

/**
 * lin_roster_previous_shift:
 * @roster: a roster
 * @shift: a shift's index
 *
 * The shift whose note @shift reads: of the same line, not cancelled, the
 * one that ended last at or before @shift began. On a line closed at the
 * weekend, Monday's first shift reads Friday's last.
 *
 * Returns: its index, or -1 when there is none
 */
int
lin_roster_previous_shift (LinRoster *roster,
                           guint      shift)
{
  Shift *this;
  int best = -1;

  g_return_val_if_fail (roster != NULL, -1);
  g_return_val_if_fail (shift < roster->shifts->len, -1);

  this = LIN_ROSTER_SHIFT (roster, shift);
  /* by start: a shift from @shift on starts no earlier, so ends later */
  for (guint s = 0; s < shift; s++)
    {
      Shift *other = LIN_ROSTER_SHIFT (roster, s);

      if (other->line != this->line || other->cancelled || other->end > this->start)
        continue;
      if (best < 0 || other->end >= LIN_ROSTER_SHIFT (roster, best)->end)
        best = s;
    }

  return best;
}

static gboolean
in_window (Shift  *shift,
           gint64  now)
{
  return !shift->cancelled &&
         shift->end <= now + LIN_ROSTER_HANDOVER_AHEAD &&
         shift->end >= now - LIN_ROSTER_HANDOVER_AFTER;
}

/**
 * lin_roster_handover_index:
 * @store: an open store
 *
 * Every shift's newest note at once, for a view that looks up one shift
 * after another: a lookup reads every note (a year of three lines, 3,000
 * notes: about 10 ms), the index is read in one.
 *
 * Returns: (transfer full) (element-type utf8 LinRecord): shift id → its
 *   newest handover note
 */
GHashTable *
lin_roster_handover_index (LinStore *store)
{
  g_autoptr(GPtrArray) notes = NULL;
  GHashTable *index;

  g_return_val_if_fail (LIN_IS_STORE (store), NULL);

  index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  /* oldest first: a newer note of the same shift replaces an older */
  notes = lin_store_list (store, LIN_HANDOVER_KIND);
  for (guint i = 0; i < notes->len; i++)
    {
      g_autoptr(JsonObject) fields = lin_record_peek_fields (notes->pdata[i]);
      const char *shift_id = json_object_get_string_member_with_default (fields, LIN_HANDOVER_FIELD_SHIFT, NULL);

      if (shift_id != NULL)
        g_hash_table_insert (index, g_strdup (shift_id), g_object_ref (notes->pdata[i]));
    }

  return index;
}

/**
 * lin_roster_handover_due:
 * @roster: a roster
 * @person: the index of the person at this device, or -1 when she has
 *   not said who she is
 * @now: the time, in seconds since the epoch
 * @store: the open store, to look for notes written
 *
 * A shift to offer the handover note for: one that ends within the next
 * 15 minutes or ended at most two hours ago (both edges included), is not
 * cancelled and has no note yet. With @person, only her shifts; with -1,
 * any line's shift, whoever is on it (or no one: a line that keeps its
 * roster loosely still hands over) — the dialog names the line, and the
 * counsellor can cancel. Of several (three lines changing at 08:00), the
 * one that ended first; once it has its note, the next.
 *
 * Returns: the shift's index, or -1
 */
int
lin_roster_handover_due (LinRoster *roster,
                         int        person,
                         gint64     now,
                         LinStore  *store)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) written = NULL;
  int best = -1;

  g_return_val_if_fail (roster != NULL, -1);
  g_return_val_if_fail (person >= -1 && person < (int)roster->people->len, -1);
  g_return_val_if_fail (LIN_IS_STORE (store), -1);

  if (person >= 0)
    {
      GArray *hers = LIN_ROSTER_PERSON (roster, person)->shifts;

      for (guint i = 0; i < hers->len; i++)
        if (in_window (LIN_ROSTER_SHIFT (roster, g_array_index (hers, int, i)), now))
          g_array_append_val (candidates, g_array_index (hers, int, i));
    }
  else
    for (guint s = 0; s < roster->shifts->len; s++)
      if (in_window (LIN_ROSTER_SHIFT (roster, s), now))
        g_array_append_val (candidates, s);

  /* the notes are read only when a shift is at its end */
  if (candidates->len == 0)
    return -1;

  written = lin_roster_handover_index (store);
  for (guint i = 0; i < candidates->len; i++)
    {
      int s = g_array_index (candidates, int, i);
      Shift *shift = LIN_ROSTER_SHIFT (roster, s);

      if (g_hash_table_contains (written, lin_record_get_id_string (shift->record)))
        continue;
      if (best < 0 || shift->end < LIN_ROSTER_SHIFT (roster, best)->end)
        best = s;
    }

  return best;
}

/**
 * lin_roster_handover_summary:
 * @roster: a roster
 * @shift: a shift's index
 * @store: the open store
 *
 * Returns: (transfer full): the call log's summary of the shift's span,
 *   to begin its note with
 */
char *
lin_roster_handover_summary (LinRoster *roster,
                             guint      shift,
                             LinStore  *store)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;

  g_return_val_if_fail (roster != NULL, NULL);
  g_return_val_if_fail (shift < roster->shifts->len, NULL);
  g_return_val_if_fail (LIN_IS_STORE (store), NULL);

  from = g_date_time_new_from_unix_utc (LIN_ROSTER_SHIFT (roster, shift)->start);
  to = g_date_time_new_from_unix_utc (LIN_ROSTER_SHIFT (roster, shift)->end);

  return lin_call_handover_summary (store, from, to);
}
