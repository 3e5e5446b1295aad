/* lin-follow-ups-view.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The follow-up queue: the contacts promised at the end of earlier calls,
 * overdue first, then those due today, then the upcoming ones, each in
 * order of its due time. A row opens to show how and when she can safely
 * be reached (contact method, safe times, code word); there the counsellor
 * marks it done with its outcome and a short note, or opens the call.
 *
 * Finding the open follow-ups means reading every follow-up of the
 * profile: that is done once, when the profile opens (after the first
 * frame), and then kept up to date one record at a time. Open follow-ups
 * are usually few (tens), so the rows are rebuilt whole when one changes
 * and once a minute, as "today" becomes "overdue". But a profile of years
 * can hold thousands never marked done (the 100,000-call benchmark profile
 * has about 7,000 overdue), and a row here is a tree of some forty widgets:
 * all of them took 50 s and 2 GB. So each part shows its first
 * MAX_ROWS_PER_PART and says how many more there are; the call log's
 * follow-up filter, a list view, shows them all.
 */

#define G_LOG_DOMAIN "lin-follow-ups-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call-ui.h"
#include "lin-codes.h"
#include "lin-follow-ups-view.h"

struct _LinFollowUpsView
{
  AdwBin      parent_instance;

  /* Template widgets */
  GtkStack   *stack;
  GtkLabel   *message_label;
  GtkWidget  *overdue_group;
  GtkListBox *overdue_list;
  GtkWidget  *today_group;
  GtkListBox *today_list;
  GtkWidget  *upcoming_group;
  GtkListBox *upcoming_list;

  /* Owned */
  LinStore     *store;
  GHashTable   *open;      /* id → open follow-up record */
  GCancellable *loading;   /* while the open ones are read in a thread */
  GPtrArray    *changed;   /* follow-ups saved meanwhile */

  guint       n_overdue;
  guint       tick_id;
  guint       load_id;
  guint       rebuild_id;
};

#define MAX_ROWS_PER_PART 25

G_DEFINE_FINAL_TYPE (LinFollowUpsView, lin_follow_ups_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_N_OVERDUE,
  N_PROPS
};

enum {
  CALL_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void rebuild (LinFollowUpsView *self);

/* Helpers */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_message (LinFollowUpsView *self,
              const char       *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* Says how many of a part's @n follow-ups have no row */
static void
set_more (GtkWidget *group,
          guint      n)
{
  g_autofree char *text = NULL;

  if (n > MAX_ROWS_PER_PART)
    /* Translators: under a part of the follow-up queue (overdue, due
     * today, upcoming) that has too many to show; %1$u is at least 26 */
    text = g_strdup_printf (g_dngettext (NULL,
                                         "The first %2$u of %1$u are shown. The call log’s follow-up filter lists them all.",
                                         "The first %2$u of %1$u are shown. The call log’s follow-up filter lists them all.",
                                         n),
                            n, MAX_ROWS_PER_PART);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), text);
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  gint64 x = GPOINTER_TO_SIZE (g_object_get_data (*(GObject **)a, "lin-due"));
  gint64 y = GPOINTER_TO_SIZE (g_object_get_data (*(GObject **)b, "lin-due"));

  return (x > y) - (x < y);
}

static GtkWidget *
info_row (const char *title,
          const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  gtk_widget_add_css_class (row, "lin-answer");

  return row;
}

/* Callbacks */

static void
open_call_clicked_cb (GtkButton        *button,
                      LinFollowUpsView *self)
{
  LinRecord *follow_up = g_object_get_data (G_OBJECT (button), "lin-follow-up");
  const char *call_id = lin_record_get_string (follow_up, "call_id");
  LinRecord *call = call_id != NULL && self->store != NULL ? lin_store_get (self->store, call_id) : NULL;

  if (call != NULL)
    g_signal_emit (self, signals[CALL_ACTIVATED], 0, call);
}

static void
mark_done_clicked_cb (GtkButton        *button,
                      LinFollowUpsView *self)
{
  LinRecord *follow_up = g_object_get_data (G_OBJECT (button), "lin-follow-up");
  AdwComboRow *outcome_row = g_object_get_data (G_OBJECT (button), "lin-outcome-row");
  GtkEditable *note_row = g_object_get_data (G_OBJECT (button), "lin-note-row");
  const LinCodeList *outcomes = lin_code_list_get ("follow-up-outcome");
  guint selected = adw_combo_row_get_selected (outcome_row);
  g_autoptr(GError) error = NULL;
  const LinCode *outcome;

  g_return_if_fail (outcomes != NULL && selected < lin_code_list_get_n_codes (outcomes));

  outcome = lin_code_list_get_code (outcomes, selected);
  if (!lin_follow_ups_view_mark_done (self, follow_up, outcome->code,
                                      gtk_editable_get_text (note_row), &error))
    show_message (self, _("The follow-up could not be saved. Try again."));
  else
    show_message (self, NULL);
}

static void row_expanded_cb (AdwExpanderRow   *row,
                             GParamSpec       *pspec,
                             LinFollowUpsView *self);

static GtkWidget *
follow_up_row (LinFollowUpsView *self,
               LinRecord        *follow_up)
{
  const char *call_id = lin_record_get_string (follow_up, "call_id");
  LinRecord *call = call_id != NULL ? lin_store_get (self->store, call_id) : NULL;
  const char *method = lin_record_get_string (follow_up, "contact_method");
  const char *type = call != NULL ? lin_record_get_string (call, "call_type") : NULL;
  g_autofree char *due = lin_call_ui_time (lin_record_get_string (follow_up, "due"));
  g_autofree char *subtitle = NULL;
  g_autofree char *call_time = NULL;
  GtkWidget *row;

  row = adw_expander_row_new ();
  gtk_widget_set_name (row, "follow-up-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), due);

  if (method != NULL && call != NULL)
    /* Translators: under a follow-up's due time: how to reach her,
     * then the date and time of the call it follows */
    subtitle = g_strdup_printf (_("%1$s · after the call of %2$s"),
                                lin_code_label ("contact-method", method),
                                (call_time = lin_call_ui_time (lin_record_get_string (call, "started"))));
  else if (method != NULL)
    subtitle = g_strdup (lin_code_label ("contact-method", method));
  else if (type != NULL)
    subtitle = g_strdup (lin_code_label ("call-type", type));
  if (subtitle != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  /* what the row holds when opened is made when it is first opened: it
   * is most of the row's forty widgets, and most rows are never opened */
  g_object_set_data_full (G_OBJECT (row), "lin-follow-up", g_object_ref (follow_up), g_object_unref);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (row_expanded_cb), self);

  return row;
}

static void
row_expanded_cb (AdwExpanderRow   *row,
                 GParamSpec       *pspec,
                 LinFollowUpsView *self)
{
  LinRecord *follow_up = g_object_get_data (G_OBJECT (row), "lin-follow-up");
  const LinCodeList *outcomes = lin_code_list_get ("follow-up-outcome");
  g_autoptr(GtkStringList) outcome_labels = gtk_string_list_new (NULL);
  const char *call_id = lin_record_get_string (follow_up, "call_id");
  LinRecord *call = call_id != NULL && self->store != NULL ? lin_store_get (self->store, call_id) : NULL;
  const char *safe_times = lin_record_get_string (follow_up, "safe_times");
  const char *code_word = lin_record_get_string (follow_up, "code_word");
  GtkWidget *outcome_row, *note_row, *actions, *box, *open_button, *done_button;

  g_signal_handlers_disconnect_by_func (row, row_expanded_cb, self);

  if (safe_times != NULL && safe_times[0] != '\0')
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              info_row (_("Safe times to call"), safe_times));
  if (code_word != NULL && code_word[0] != '\0')
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              info_row (_("Code word"), code_word));

  for (guint i = 0; outcomes != NULL && i < lin_code_list_get_n_codes (outcomes); i++)
    gtk_string_list_append (outcome_labels,
                            lin_code_list_get_label (outcomes, lin_code_list_get_code (outcomes, i)->code));
  outcome_row = adw_combo_row_new ();
  gtk_widget_set_name (outcome_row, "outcome-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (outcome_row), _("_Outcome"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (outcome_row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (outcome_row), G_LIST_MODEL (outcome_labels));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), outcome_row);

  note_row = adw_entry_row_new ();
  gtk_widget_set_name (note_row, "outcome-note-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note_row), _("Short _note on the outcome"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (note_row), TRUE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), note_row);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  open_button = gtk_button_new_with_mnemonic (_("Open _Call"));
  gtk_widget_set_name (open_button, "open-call-button");
  gtk_widget_set_sensitive (open_button, call != NULL);
  g_object_set_data_full (G_OBJECT (open_button), "lin-follow-up", g_object_ref (follow_up), g_object_unref);
  g_signal_connect (open_button, "clicked", G_CALLBACK (open_call_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), open_button);

  done_button = gtk_button_new_with_mnemonic (_("Mark _Done"));
  gtk_widget_set_name (done_button, "mark-done-button");
  gtk_widget_add_css_class (done_button, "suggested-action");
  g_object_set_data_full (G_OBJECT (done_button), "lin-follow-up", g_object_ref (follow_up), g_object_unref);
  g_object_set_data (G_OBJECT (done_button), "lin-outcome-row", outcome_row);
  g_object_set_data (G_OBJECT (done_button), "lin-note-row", note_row);
  g_signal_connect (done_button, "clicked", G_CALLBACK (mark_done_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), done_button);

  actions = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (actions), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (actions), box);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), actions);
}

static void
rebuild (LinFollowUpsView *self)
{
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now (lin_call_get_time_zone ());
  guint n_overdue = 0, n_today = 0, n_upcoming = 0;

  clear_list (self->overdue_list);
  clear_list (self->today_list);
  clear_list (self->upcoming_list);

  /* open ones, by due time */
  follow_ups = g_ptr_array_new ();
  if (self->store != NULL && self->open != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->open);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          /* parsed once per record (a record never changes: an edit is a
           * new one): this runs every minute over every open follow-up */
          if (g_object_get_data (value, "lin-due") == NULL)
            {
              g_autoptr(GDateTime) due = lin_call_parse_time (lin_record_get_string (value, LIN_FOLLOW_UP_FIELD_DUE));

              g_object_set_data (value, "lin-due",
                                 GSIZE_TO_POINTER ((gsize)(due != NULL ? g_date_time_to_unix (due) : G_MAXINT64)));
            }
          g_ptr_array_add (follow_ups, value);
        }
      g_ptr_array_sort (follow_ups, compare_due);
    }

  for (guint i = 0; i < follow_ups->len; i++)
    {
      LinRecord *follow_up = g_ptr_array_index (follow_ups, i);
      gint64 due = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (follow_up), "lin-due"));

      /* open ones only here; one with no due time is left out, as before */
      switch (due == G_MAXINT64 ? LIN_FOLLOW_UP_NONE : lin_follow_up_state_for (due, FALSE, now))
        {
        case LIN_FOLLOW_UP_OVERDUE:
          if (n_overdue++ < MAX_ROWS_PER_PART)
            gtk_list_box_append (self->overdue_list, follow_up_row (self, follow_up));
          break;

        case LIN_FOLLOW_UP_TODAY:
          if (n_today++ < MAX_ROWS_PER_PART)
            gtk_list_box_append (self->today_list, follow_up_row (self, follow_up));
          break;

        case LIN_FOLLOW_UP_UPCOMING:
          if (n_upcoming++ < MAX_ROWS_PER_PART)
            gtk_list_box_append (self->upcoming_list, follow_up_row (self, follow_up));
          break;

        case LIN_FOLLOW_UP_NONE:
        case LIN_FOLLOW_UP_DONE:
        default:
          break;
        }
    }

  set_more (self->overdue_group, n_overdue);
  set_more (self->today_group, n_today);
  set_more (self->upcoming_group, n_upcoming);
  gtk_widget_set_visible (self->overdue_group, n_overdue > 0);
  gtk_widget_set_visible (self->today_group, n_today > 0);
  gtk_widget_set_visible (self->upcoming_group, n_upcoming > 0);
  gtk_stack_set_visible_child_name (self->stack, n_overdue + n_today + n_upcoming > 0 ? "queue" : "empty");

  if (self->n_overdue != n_overdue)
    {
      self->n_overdue = n_overdue;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OVERDUE]);
    }
}

static gboolean
rebuild_cb (gpointer user_data)
{
  LinFollowUpsView *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

/* once per turn of the main loop, however many records changed */
static void
queue_rebuild (LinFollowUpsView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

static gboolean
tick_cb (gpointer user_data)
{
  rebuild (user_data);

  return G_SOURCE_CONTINUE;
}

static void
stop_loading (LinFollowUpsView *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_ptr_array_set_size (self->changed, 0);
}

/* One follow-up saved or deleted, into the open ones */
static void
apply_change (LinFollowUpsView *self,
              LinRecord        *record)
{
  const char *id = lin_record_get_id_string (record);
  gboolean open;

  open = lin_store_get (self->store, id) == record &&
         !json_object_get_boolean_member_with_default (lin_record_get_fields (record),
                                                       LIN_FOLLOW_UP_FIELD_DONE, FALSE);
  if (open)
    g_hash_table_replace (self->open, (gpointer)id, g_object_ref (record));
  else
    g_hash_table_remove (self->open, id);
}

static void
fill (LinFollowUpsView *self,
      GPtrArray        *open)
{
  g_hash_table_remove_all (self->open);
  for (guint i = 0; open != NULL && i < open->len; i++)
    g_hash_table_replace (self->open,
                          (gpointer)lin_record_get_id_string (open->pdata[i]),
                          g_object_ref (open->pdata[i]));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LinFollowUpsView) self = user_data;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;

  open = lin_follow_up_list_open_finish (LIN_STORE (source), result, &error);
  /* cancelled (another store, or none), or a load begun since */
  if (open == NULL || g_task_get_cancellable (G_TASK (result)) != self->loading)
    return;

  g_clear_object (&self->loading);
  fill (self, open);
  /* what was saved while the thread read: listed before, or not at all */
  for (guint i = 0; i < self->changed->len; i++)
    apply_change (self, self->changed->pdata[i]);
  g_ptr_array_set_size (self->changed, 0);
  rebuild (self);
}

static gboolean
load_cb (gpointer user_data)
{
  LinFollowUpsView *self = user_data;

  self->load_id = 0;
  stop_loading (self);
  if (self->store == NULL || !lin_store_is_open (self->store))
    return G_SOURCE_REMOVE;

  /* reading every follow-up took half a second of the main thread with
   * 100,000 calls, just after the log's first rows */
  self->loading = g_cancellable_new ();
  lin_follow_up_list_open_async (self->store, self->loading, loaded_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
record_changed_cb (LinFollowUpsView *self,
                   LinRecord        *record)
{
  if (!g_str_equal (lin_record_get_kind (record), LIN_FOLLOW_UP_KIND))
    return;

  /* not loaded yet: the load will read it */
  if (self->load_id != 0)
    return;

  /* being loaded: after the load */
  if (self->loading != NULL)
    {
      g_ptr_array_add (self->changed, g_object_ref (record));
      return;
    }

  apply_change (self, record);
  queue_rebuild (self);
}

/* Overrides */

static void
lin_follow_ups_view_dispose (GObject *object)
{
  LinFollowUpsView *self = (LinFollowUpsView *)object;

  lin_follow_ups_view_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIN_TYPE_FOLLOW_UPS_VIEW);
  g_clear_pointer (&self->open, g_hash_table_unref);
  g_clear_pointer (&self->changed, g_ptr_array_unref);

  G_OBJECT_CLASS (lin_follow_ups_view_parent_class)->dispose (object);
}

static void
lin_follow_ups_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LinFollowUpsView *self = LIN_FOLLOW_UPS_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_OVERDUE:
      g_value_set_uint (value, lin_follow_ups_view_get_n_overdue (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_follow_ups_view_class_init (LinFollowUpsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_follow_ups_view_dispose;
  object_class->get_property = lin_follow_ups_view_get_property;

  properties[PROP_N_OVERDUE] =
    g_param_spec_uint ("n-overdue", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LinFollowUpsView::call-activated:
   * @self: the queue
   * @call: the call a follow-up belongs to
   *
   * The counsellor asked to see the call a follow-up follows.
   */
  signals[CALL_ACTIVATED] =
    g_signal_new ("call-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIN_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lin-follow-ups-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LinFollowUpsView, stack);
  gtk_widget_class_bind_template_child (widget_class, LinFollowUpsView, message_label);
  gtk_widget_class_bind_template_child (widget_class, LinFollowUpsView, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, LinFollowUpsView, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, LinFollowUpsView, today_group);
  gtk_widget_class_bind_template_child (widget_class, LinFollowUpsView, today_list);
  gtk_widget_class_bind_template_child (widget_class, LinFollowUpsView, upcoming_group);
  gtk_widget_class_bind_template_child (widget_class, LinFollowUpsView, upcoming_list);
}

static void
lin_follow_ups_view_init (LinFollowUpsView *self)
{
  self->open = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->changed = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}

/* Public API */

/**
 * lin_follow_ups_view_set_store:
 * @self: a #LinFollowUpsView
 * @store: (nullable): the unlocked profile's store, or %NULL to empty the
 *   queue (at lock)
 */
void
lin_follow_ups_view_set_store (LinFollowUpsView *self,
                               LinStore         *store)
{
  g_return_if_fail (LIN_IS_FOLLOW_UPS_VIEW (self));
  g_return_if_fail (store == NULL || LIN_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, record_changed_cb, self);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->load_id, g_source_remove);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->changed != NULL)
    stop_loading (self);
  g_set_object (&self->store, store);
  if (self->open != NULL)
    g_hash_table_remove_all (self->open);

  if (store != NULL)
    {
      g_signal_connect_object (store, "record-changed",
                               G_CALLBACK (record_changed_cb), self,
                               G_CONNECT_SWAPPED);
      /* "due today" turns "overdue" as the clock moves */
      self->tick_id = g_timeout_add_seconds (60, tick_cb, self);
      /* after the log's first rows */
      self->load_id = g_idle_add_full (G_PRIORITY_LOW, load_cb, self, NULL);
    }

  show_message (self, NULL);
  /* at lock: the rows go now */
  if (self->open != NULL)
    rebuild (self);
}

/**
 * lin_follow_ups_view_get_n_overdue:
 * @self: a #LinFollowUpsView
 *
 * Returns: how many open follow-ups are past their due time
 */
guint
lin_follow_ups_view_get_n_overdue (LinFollowUpsView *self)
{
  g_return_val_if_fail (LIN_IS_FOLLOW_UPS_VIEW (self), 0);

  return self->n_overdue;
}

/**
 * lin_follow_ups_view_refresh:
 * @self: a #LinFollowUpsView
 *
 * Reads the open follow-ups again and sorts them by the clock now.
 */
void
lin_follow_ups_view_refresh (LinFollowUpsView *self)
{
  g_autoptr(GPtrArray) open = NULL;

  g_return_if_fail (LIN_IS_FOLLOW_UPS_VIEW (self));

  g_clear_handle_id (&self->load_id, g_source_remove);
  stop_loading (self);
  if (self->store != NULL && lin_store_is_open (self->store))
    open = lin_follow_up_list_open (self->store);
  fill (self, open);
  rebuild (self);
}

/**
 * lin_follow_ups_view_mark_done:
 * @self: a #LinFollowUpsView
 * @follow_up: a follow-up record of the store
 * @outcome: a code of the list "follow-up-outcome"
 * @note: (nullable): a short note on the outcome
 * @error: a location for a #GError
 *
 * Saves @follow_up as done, now, with @outcome: a new revision of the
 * record (lin_follow_up_mark_done()). On failure the record keeps what
 * it had.
 *
 * Returns: %TRUE when the store holds it
 */
gboolean
lin_follow_ups_view_mark_done (LinFollowUpsView  *self,
                               LinRecord         *follow_up,
                               const char        *outcome,
                               const char        *note,
                               GError           **error)
{
  g_return_val_if_fail (LIN_IS_FOLLOW_UPS_VIEW (self), FALSE);
  g_return_val_if_fail (LIN_IS_RECORD (follow_up), FALSE);
  g_return_val_if_fail (outcome != NULL, FALSE);

  if (self->store == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, "The profile is locked");
      return FALSE;
    }

  if (note != NULL && note[0] == '\0')
    note = NULL;

  return lin_follow_up_mark_done (self->store, follow_up, outcome, note, NULL, error);
}
