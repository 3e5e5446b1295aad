/* lin-roster-collisions.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Assignments that collide (ARCHITECTURE.md's merge table: "two roster
 * assignments that collide are flagged, not merged"). An assignment is a
 * record of its own, so sync never merges two of them; but two laptops
 * that each put someone on a shift while apart can together book a
 * counsellor twice on one shift, or on two shifts at once, or fill a
 * shift past what it needs. lin_roster_find_collisions() says which
 * assignments one collides with; the store flags them as sync takes one
 * in (lin-store-sync.c).
 */

#define G_LOG_DOMAIN "lin-roster"

#include "config.h"

#include "lin-roster.h"
#include "lin-roster-private.h"

static const char * const collision_codes[] = { "twice", "overlap", "overfull" };

G_STATIC_ASSERT (G_N_ELEMENTS (collision_codes) == LIN_ROSTER_N_COLLISIONS);

/**
 * lin_roster_collision_get_code:
 * @collision: a kind of collision
 *
 * Returns: (transfer none): its code, as conflict copies name it
 */
const char *
lin_roster_collision_get_code (LinRosterCollision collision)
{
  g_return_val_if_fail (collision < LIN_ROSTER_N_COLLISIONS, NULL);

  return collision_codes[collision];
}

gboolean
lin_roster_collision_from_code (const char         *code,
                                LinRosterCollision *collision)
{
  for (guint i = 0; code != NULL && i < LIN_ROSTER_N_COLLISIONS; i++)
    if (g_str_equal (code, collision_codes[i]))
      {
        *collision = i;
        return TRUE;
      }

  return FALSE;
}

static void
add (GArray             *found,
     LinRosterCollision  collision,
     LinRecord          *other)
{
  LinRosterCollided item = { collision, other };

  g_array_append_val (found, item);
}

static gboolean
same_record (LinRecord *a,
             LinRecord *b)
{
  return g_strcmp0 (lin_record_get_id_string (a), lin_record_get_id_string (b)) == 0;
}

/**
 * lin_roster_find_collisions:
 * @self: a roster that holds @assignment
 * @assignment: one of its assignments
 *
 * The assignments @assignment collides with: the same person again on
 * its shift, the same person on a shift at the same time, or, when its
 * shift holds more people than it needs, the others on it. A cancelled
 * shift collides with nothing.
 *
 * Returns: (transfer full) (element-type LinRosterCollided): what it
 *   collides with; the records are the roster's
 */
GArray *
lin_roster_find_collisions (LinRoster *self,
                            LinRecord *assignment)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (LinRosterCollided));
  int s, p;
  Shift *shift;
  Person *person;

  g_return_val_if_fail (self != NULL, found);
  g_return_val_if_fail (LIN_IS_RECORD (assignment), found);

  s = lin_roster_find_shift (self, lin_record_get_string (assignment, LIN_ASSIGNMENT_FIELD_SHIFT));
  p = lin_roster_assignment_get_person (self, assignment);
  if (s < 0 || p < 0 || LIN_ROSTER_SHIFT (self, s)->cancelled)
    return found;
  shift = LIN_ROSTER_SHIFT (self, s);
  person = LIN_ROSTER_PERSON (self, p);

  /* on its own shift */
  for (guint a = 0; a < shift->assignments->len; a++)
    {
      LinRecord *other = g_ptr_array_index (shift->assignments, a);

      if (same_record (other, assignment))
        continue;
      if (g_array_index (shift->people, int, a) == p)
        add (found, LIN_ROSTER_COLLISION_TWICE, other);
      else if (shift->people->len > shift->required)
        add (found, LIN_ROSTER_COLLISION_OVERFULL, other);
    }

  /* her other shifts at the same time */
  for (guint i = 0; i < person->shifts->len; i++)
    {
      int t = g_array_index (person->shifts, int, i);
      Shift *other_shift = LIN_ROSTER_SHIFT (self, t);

      if (t == s || !lin_roster_spans_overlap (shift->start, shift->end, other_shift->start, other_shift->end))
        continue;
      for (guint a = 0; a < other_shift->assignments->len; a++)
        if (g_array_index (other_shift->people, int, a) == p)
          add (found, LIN_ROSTER_COLLISION_OVERLAP, g_ptr_array_index (other_shift->assignments, a));
    }

  return found;
}
