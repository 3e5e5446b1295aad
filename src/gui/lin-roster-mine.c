/* lin-roster-mine.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * My Shifts: the roster as one counsellor or volunteer needs it, her own
 * shifts from today on, each with its line, its hours, who else is on it
 * and any rule it breaks, and her hours and nights this month. She says
 * once which person of the roster she is; Linija keeps that choice as the
 * person's record id in GSettings ("roster-me"), an id and never a name,
 * and falls back to asking when the id is not in the open profile.
 *
 * Her shifts go to her own calendar as an .ics file (lin-roster-ics.c):
 * a file that is not encrypted, so a dialog says so before she picks
 * where it goes.
 */

#define G_LOG_DOMAIN "lin-roster-mine"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lin-call.h"
#include "lin-roster-details.h"
#include "lin-roster-mine.h"

#define MAX_ROWS 60  /* coming shifts listed; a year of them is no list */

struct _LinRosterMine
{
  AdwBin      parent_instance;

  LinContext *context;
  LinRoster  *roster;
  GArray     *violations;
  GArray     *people;      /* the drop-down's people (indices), by alias */
  GtkStringList *names;    /* their aliases */
  gboolean    filling;     /* the drop-down is being refilled */

  GtkWidget  *stack;
  GtkWidget  *who;         /* GtkDropDown above her shifts */
  GtkWidget  *ask;         /* GtkDropDown while she has not said who she is */
  GtkWidget  *summary;
  GtkWidget  *list;
  GtkWidget  *export_button;
  GtkWidget  *print_button;
};

G_DEFINE_FINAL_TYPE (LinRosterMine, lin_roster_mine, ADW_TYPE_BIN)

enum {
  SHIFT_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
field (LinRecord  *record,
       const char *name)
{
  const char *value = lin_record_get_string (record, name);

  return value != NULL ? value : "";
}

/**
 * lin_roster_mine_get_person:
 * @self: a #LinRosterMine
 *
 * Returns: the index in the roster of the person whose shifts are shown,
 *   or -1
 */
int
lin_roster_mine_get_person (LinRosterMine *self)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (LIN_IS_ROSTER_MINE (self), -1);

  if (self->context == NULL || self->roster == NULL)
    return -1;

  id = g_settings_get_string (lin_context_get_settings (self->context), "roster-me");

  return *id != '\0' ? lin_roster_find_person (self->roster, id) : -1;
}

/**
 * lin_roster_mine_set_person:
 * @self: a #LinRosterMine
 * @person: a person's index in the roster, or -1 to forget the choice
 */
void
lin_roster_mine_set_person (LinRosterMine *self,
                            int            person)
{
  const char *id = "";

  g_return_if_fail (LIN_IS_ROSTER_MINE (self));

  if (self->context == NULL)
    return;
  if (self->roster != NULL && person >= 0 && person < (int)lin_roster_get_n_people (self->roster))
    id = lin_record_get_id_string (lin_roster_get_person (self->roster, person));
  g_settings_set_string (lin_context_get_settings (self->context), "roster-me", id);
}

static void
clear_list (LinRosterMine *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_box_remove (GTK_BOX (self->list), child);
}

static void
row_activated_cb (AdwActionRow  *row,
                  LinRosterMine *self)
{
  g_signal_emit (self, signals[SHIFT_CHOSEN], 0, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "shift")));
}

/* The others on the shift, by alias, "with Ana, Vesna" */
static char *
others_text (LinRosterMine *self,
             int            s,
             int            me)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint a = 0; a < lin_roster_shift_get_n_assigned (self->roster, s); a++)
    {
      int p = lin_roster_assignment_get_person (self->roster, lin_roster_shift_get_assignment (self->roster, s, a));

      if (p < 0 || p == me)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, field (lin_roster_get_person (self->roster, p), LIN_PERSON_FIELD_ALIAS));
    }
  if (names->len == 0)
    return NULL;

  /* Translators: the others on one of my shifts, "with Ana, Vesna" */
  return g_strdup_printf (_("with %s"), names->str);
}

/* The first rule the shift breaks for her, in words, or NULL */
static char *
rule_text (LinRosterMine *self,
           int            s,
           int            me)
{
  for (guint i = 0; self->violations != NULL && i < self->violations->len; i++)
    {
      LinRosterViolation *v = &g_array_index (self->violations, LinRosterViolation, i);

      if (v->shift == s && (v->person == me || v->person < 0))
        return lin_roster_describe (self->roster, v);
    }

  return NULL;
}

static GtkWidget *
shift_row (LinRosterMine *self,
           int            s,
           int            me)
{
  LinRecord *line = lin_roster_get_line (self->roster, lin_roster_shift_get_line (self->roster, s));
  g_autofree char *when = lin_roster_details_format_shift (self->roster, s);
  g_autofree char *others = others_text (self, s, me);
  g_autofree char *rule = rule_text (self, s, me);
  g_autoptr(GString) subtitle = g_string_new (field (line, LIN_LINE_FIELD_NAME));
  GtkWidget *row = adw_action_row_new ();

  if (others != NULL)
    g_string_append_printf (subtitle, " · %s", others);
  if (lin_roster_shift_is_cancelled (self->roster, s))
    /* Translators: a cancelled shift */
    g_string_append_printf (subtitle, " · %s", _("Cancelled"));
  if (rule != NULL)
    g_string_append_printf (subtitle, " · ⚠ %s", rule);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  if (lin_roster_shift_is_night (self->roster, s))
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("weather-clear-night-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "shift", GINT_TO_POINTER (s));
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);

  return row;
}

/* Her hours (real elapsed time) and nights in this month */
static char *
month_text (LinRosterMine *self,
            GArray        *shifts,
            gint64         now)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) today = g_date_time_to_timezone (utc, lin_call_get_time_zone ());
  g_autoptr(GDateTime) first = g_date_time_new (lin_call_get_time_zone (), g_date_time_get_year (today),
                                                g_date_time_get_month (today), 1, 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_months (first, 1);
  gint64 seconds = 0;
  guint nights = 0;
  g_autofree char *hours_text = NULL;

  for (guint i = 0; i < shifts->len; i++)
    {
      int s = g_array_index (shifts, int, i);
      gint64 start = lin_roster_shift_get_start (self->roster, s);

      if (start < g_date_time_to_unix (first) || start >= g_date_time_to_unix (next) ||
          lin_roster_shift_is_cancelled (self->roster, s))
        continue;
      seconds += lin_roster_shift_get_end (self->roster, s) - start;
      nights += lin_roster_shift_is_night (self->roster, s);
    }

  /* Translators: my hours on shifts this month; followed by the nights */
  hours_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "This month: %d hour", "This month: %d hours",
                                             seconds / 3600),
                                (int)(seconds / 3600));
  /* Translators: after "This month: 48 hours": my night shifts this month */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u night", "%s, %u nights", nights),
                          hours_text, nights);
}

/* Her shifts of this month that are over, the latest first */
static void
show_earlier (LinRosterMine *self,
              GArray        *shifts,
              int            me,
              gint64         now)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) today = g_date_time_to_timezone (utc, lin_call_get_time_zone ());
  g_autoptr(GDateTime) first = g_date_time_new (lin_call_get_time_zone (), g_date_time_get_year (today),
                                                g_date_time_get_month (today), 1, 0, 0, 0);
  GtkWidget *group = NULL;

  for (guint i = shifts->len; i > 0; i--)
    {
      int s = g_array_index (shifts, int, i - 1);

      if (lin_roster_shift_get_end (self->roster, s) > now)
        continue;
      if (lin_roster_shift_get_start (self->roster, s) < g_date_time_to_unix (first))
        break;
      if (group == NULL)
        {
          group = adw_preferences_group_new ();
          /* Translators: a heading in My Shifts: my shifts of this month that are over */
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Earlier This Month"));
          gtk_box_append (GTK_BOX (self->list), group);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), shift_row (self, s, me));
    }
}

static void
show_shifts (LinRosterMine *self,
             int            me)
{
  g_autoptr(GArray) shifts = lin_roster_person_get_shifts (self->roster, me);
  g_autofree char *month = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GtkWidget *group = adw_preferences_group_new ();
  guint shown = 0;

  clear_list (self);
  month = month_text (self, shifts, now);
  gtk_label_set_text (GTK_LABEL (self->summary), month);

  /* Translators: a heading in My Shifts: my shifts from now on */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Coming Up"));
  for (guint i = 0; i < shifts->len && shown < MAX_ROWS; i++)
    {
      int s = g_array_index (shifts, int, i);

      if (lin_roster_shift_get_end (self->roster, s) <= now)
        continue;
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), shift_row (self, s, me));
      shown++;
    }
  if (shown == 0)
    /* Translators: My Shifts, when she is on no shift from now on */
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("No shifts planned for you yet."));
  gtk_box_append (GTK_BOX (self->list), group);

  show_earlier (self, shifts, me, now);
}

static void
update (LinRosterMine *self)
{
  int me = lin_roster_mine_get_person (self);
  gboolean any = self->roster != NULL && lin_roster_get_n_people (self->roster) > 0;

  gtk_widget_set_sensitive (self->export_button, me >= 0);
  gtk_widget_set_sensitive (self->print_button, me >= 0);
  if (me < 0)
    {
      clear_list (self);
      gtk_label_set_text (GTK_LABEL (self->summary), "");
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), any ? "who" : "nobody");
      return;
    }

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "shifts");
  show_shifts (self, me);
}

/* With no one chosen, the drop-down above her shifts is out of sight and
 * holds an empty entry: GTK 4.8's keeps showing the last entry chosen
 * when its choice is gone (an alias, after a lock) */
static void
select_who (LinRosterMine *self,
            guint          position)
{
  self->filling = TRUE;
  if (position == GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(GtkStringList) none = gtk_string_list_new ((const char *[]) { "", NULL });

      gtk_drop_down_set_model (GTK_DROP_DOWN (self->who), G_LIST_MODEL (none));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->who), 0);
    }
  else
    {
      /* not while it changes itself: only a choice in the other one
       * brings its entries back */
      if (gtk_drop_down_get_model (GTK_DROP_DOWN (self->who)) != G_LIST_MODEL (self->names))
        gtk_drop_down_set_model (GTK_DROP_DOWN (self->who), G_LIST_MODEL (self->names));
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->who), position);
    }
  self->filling = FALSE;
}

/* The drop-down: every person by alias, the chosen one selected */

typedef struct
{
  char *key;
  int   person;
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;
  int order = strcmp (x->key, y->key);

  return order != 0 ? order : x->person - y->person;
}

static void
entry_clear (gpointer data)
{
  g_free (((Entry *)data)->key);
}

static void
fill_who (LinRosterMine *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  /* Translators: the first entry of My Shifts' drop-down of the roster's
   * people, before she chose herself */
  g_autoptr(GtkStringList) ask = gtk_string_list_new ((const char *[]) { _("Choose…"), NULL });
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  int me = lin_roster_mine_get_person (self);
  guint position = GTK_INVALID_LIST_POSITION;

  g_array_set_clear_func (entries, entry_clear);
  for (guint p = 0; self->roster != NULL && p < lin_roster_get_n_people (self->roster); p++)
    {
      Entry entry = {
        g_utf8_collate_key (field (lin_roster_get_person (self->roster, p), LIN_PERSON_FIELD_ALIAS), -1), p
      };

      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_entries);

  g_clear_pointer (&self->people, g_array_unref);
  self->people = g_array_sized_new (FALSE, FALSE, sizeof (int), entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      int p = g_array_index (entries, Entry, i).person;

      gtk_string_list_append (names, field (lin_roster_get_person (self->roster, p), LIN_PERSON_FIELD_ALIAS));
      gtk_string_list_append (ask, field (lin_roster_get_person (self->roster, p), LIN_PERSON_FIELD_ALIAS));
      g_array_append_val (self->people, p);
      if (p == me)
        position = i;
    }

  g_set_object (&self->names, names);
  select_who (self, position);
  self->filling = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->ask), G_LIST_MODEL (ask));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->ask), 0);
  self->filling = FALSE;
}

static void
who_changed_cb (LinRosterMine *self,
                GParamSpec    *pspec,
                GtkDropDown   *drop_down)
{
  guint position = gtk_drop_down_get_selected (drop_down);

  /* the asking drop-down's first entry is "Choose…" */
  if (GTK_WIDGET (drop_down) == self->ask)
    {
      if (position == 0)
        return;
      position--;
    }

  if (self->filling || self->people == NULL || position >= self->people->len)
    return;

  lin_roster_mine_set_person (self, g_array_index (self->people, int, position));
}

/* She chose herself (perhaps in the drop-down that is changing now: its
 * model stays, only the other's selection follows) */
static void
me_changed_cb (LinRosterMine *self)
{
  int me = lin_roster_mine_get_person (self);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->people != NULL && i < self->people->len; i++)
    if (g_array_index (self->people, int, i) == me)
      position = i;

  select_who (self, position);
  update (self);
}

/**
 * lin_roster_mine_set_roster:
 * @self: a #LinRosterMine
 * @roster: (nullable): the roster, or %NULL to show nothing (locked)
 * @violations: (nullable): the rules it breaks
 */
void
lin_roster_mine_set_roster (LinRosterMine *self,
                            LinRoster     *roster,
                            GArray        *violations)
{
  g_return_if_fail (LIN_IS_ROSTER_MINE (self));

  if (roster != self->roster)
    {
      g_clear_pointer (&self->roster, lin_roster_unref);
      self->roster = roster != NULL ? lin_roster_ref (roster) : NULL;
    }
  if (violations != self->violations)
    {
      g_clear_pointer (&self->violations, g_array_unref);
      self->violations = violations != NULL ? g_array_ref (violations) : NULL;
    }
  fill_who (self);
  update (self);
}

/**
 * lin_roster_mine_set_context:
 * @self: a #LinRosterMine
 * @context: (nullable): the context, for the "roster-me" setting
 */
void
lin_roster_mine_set_context (LinRosterMine *self,
                             LinContext    *context)
{
  g_return_if_fail (LIN_IS_ROSTER_MINE (self));

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (lin_context_get_settings (self->context), me_changed_cb, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (lin_context_get_settings (context), "changed::roster-me",
                             G_CALLBACK (me_changed_cb), self, G_CONNECT_SWAPPED);
  fill_who (self);
  update (self);
}

/* Building */

static GtkWidget *
status_page (const char *title,
             const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "avatar-default-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);

  return page;
}

static GtkWidget *
action_button (const char *label,
               const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);

  return button;
}

static GtkWidget *
who_drop_down (LinRosterMine *self,
               const char    *name)
{
  GtkWidget *drop_down = gtk_drop_down_new (NULL, NULL);


  gtk_widget_set_name (drop_down, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  /* Translators: what a screen reader calls the drop-down of
                                   * the roster's people in My Shifts */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Who you are on the roster"),
                                  -1);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (who_changed_cb), self, G_CONNECT_SWAPPED);

  return drop_down;
}

static GtkWidget *
build_shifts (LinRosterMine *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *who_label;

  /* Translators: in My Shifts, before the drop-down of the roster's people */
  who_label = gtk_label_new_with_mnemonic (_("_I am"));
  gtk_box_append (GTK_BOX (top), who_label);
  self->who = who_drop_down (self, "roster-me");
  gtk_label_set_mnemonic_widget (GTK_LABEL (who_label), self->who);
  gtk_box_append (GTK_BOX (top), self->who);
  gtk_widget_set_hexpand (self->who, TRUE);
  gtk_widget_set_halign (self->who, GTK_ALIGN_START);

  /* Translators: a button in My Shifts: save my shifts as an .ics file */
  self->export_button = action_button (_("Add to _Calendar…"), "roster.export-mine");
  gtk_box_append (GTK_BOX (top), self->export_button);
  /* Translators: a button in My Shifts */
  self->print_button = action_button (_("_Print…"), "roster.print-mine");
  gtk_box_append (GTK_BOX (top), self->print_button);
  gtk_box_append (GTK_BOX (box), top);

  self->summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_widget_add_css_class (self->summary, "title-4");
  gtk_box_append (GTK_BOX (box), self->summary);

  self->list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (box), self->list);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);

  return scroller;
}

static void
build (LinRosterMine *self)
{
  GtkWidget *who_page;

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  who_page = status_page (/* Translators: My Shifts before she said who she is */
                          _("Who Are You?"),
                          /* Translators: My Shifts before she said who she is */
                          _("Choose yourself from the roster’s people to see your shifts."));
  self->ask = who_drop_down (self, "roster-me-ask");
  gtk_widget_set_halign (self->ask, GTK_ALIGN_CENTER);
  adw_status_page_set_child (ADW_STATUS_PAGE (who_page), self->ask);
  gtk_stack_add_named (GTK_STACK (self->stack), who_page, "who");
  gtk_stack_add_named (GTK_STACK (self->stack),
                       status_page (/* Translators: My Shifts with no one on the roster */
                                    _("No One on the Roster Yet"),
                                    /* Translators: My Shifts with no one on the roster */
                                    _("A coordinator adds the people who take shifts in People and Lines.")),
                       "nobody");
  gtk_stack_add_named (GTK_STACK (self->stack), build_shifts (self), "shifts");

  adw_bin_set_child (ADW_BIN (self), self->stack);
}

static void
lin_roster_mine_dispose (GObject *object)
{
  LinRosterMine *self = (LinRosterMine *)object;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (lin_context_get_settings (self->context), me_changed_cb, self);
  g_clear_object (&self->context);
  g_clear_pointer (&self->roster, lin_roster_unref);
  g_clear_pointer (&self->violations, g_array_unref);
  g_clear_pointer (&self->people, g_array_unref);
  g_clear_object (&self->names);

  G_OBJECT_CLASS (lin_roster_mine_parent_class)->dispose (object);
}

static void
lin_roster_mine_class_init (LinRosterMineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lin_roster_mine_dispose;

  /**
   * LinRosterMine::shift-chosen:
   * @shift: the shift's index in the roster
   */
  signals[SHIFT_CHOSEN] = g_signal_new ("shift-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
lin_roster_mine_init (LinRosterMine *self)
{
  build (self);
  update (self);
}

GtkWidget *
lin_roster_mine_new (void)
{
  return g_object_new (LIN_TYPE_ROSTER_MINE, NULL);
}
