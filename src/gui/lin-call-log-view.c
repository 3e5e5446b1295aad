/* lin-call-log-view.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Calls section's content: the call log (newest first, with a search
 * by caller code and filters), the follow-up queue beside it, and the
 * details of the call chosen from either. Wide, the list and the details
 * sit side by side; at 360 px they fold into one column with a back
 * button.
 *
 * Rows are bound lazily by a GtkSignalListItemFactory: only the rows on
 * screen have widgets, so the log scrolls the same with 100 calls or
 * 100,000.
 */

#define G_LOG_DOMAIN "lin-call-log-view"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call-details.h"
#include "lin-call-log.h"
#include "lin-call-ui.h"
#include "lin-call-log-row.h"
#include "lin-call-log-view.h"
#include "lin-codes.h"
#include "lin-follow-ups-view.h"

typedef enum
{
  DATE_ANY,
  DATE_TODAY,
  DATE_WEEK,
  DATE_MONTH,
  DATE_YEAR,
} DateRange;

typedef enum
{
  DUE_ANY,
  DUE_OVERDUE,
  DUE_TODAY,
  DUE_UPCOMING,
  DUE_NONE,
} DueFilter;

struct _LinCallLogView
{
  AdwBin              parent_instance;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  AdwViewStack       *pane_stack;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *filters_button;
  GtkDropDown        *date_dropdown;
  GtkDropDown        *type_dropdown;
  GtkDropDown        *risk_dropdown;
  GtkDropDown        *follow_up_dropdown;
  GtkDropDown        *language_dropdown;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  LinFollowUpsView   *follow_ups_view;
  LinCallDetails     *details;

  /* Owned */
  LinStore           *store;
  LinCallLog         *log;         /* NULL while locked */
  GListStore         *nothing;     /* the model while locked */
  GtkSingleSelection *selection;
  GPtrArray          *type_codes;
  GPtrArray          *language_codes;
  GDateTime          *now;         /* for the rows' follow-up states */

  guint               n_overdue;
};

G_DEFINE_FINAL_TYPE (LinCallLogView, lin_call_log_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_N_OVERDUE,
  PROP_HAS_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static GListModel *
current_model (LinCallLogView *self)
{
  return self->log != NULL ? G_LIST_MODEL (self->log) : G_LIST_MODEL (self->nothing);
}

static const char *
selected_code (GtkDropDown *dropdown,
               GPtrArray   *codes)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* the first item is "any" */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > codes->len)
    return NULL;

  return g_ptr_array_index (codes, selected - 1);
}

/* The filters of the widgets, given to the log */
static void
apply_filters (LinCallLogView *self)
{
  static const LinCallLogFollowUp dues[] = {
    [DUE_ANY] = LIN_CALL_LOG_FOLLOW_UP_ANY,
    [DUE_OVERDUE] = LIN_CALL_LOG_FOLLOW_UP_OVERDUE,
    [DUE_TODAY] = LIN_CALL_LOG_FOLLOW_UP_TODAY,
    [DUE_UPCOMING] = LIN_CALL_LOG_FOLLOW_UP_UPCOMING,
    [DUE_NONE] = LIN_CALL_LOG_FOLLOW_UP_NONE,
  };
  DateRange range = MIN (gtk_drop_down_get_selected (self->date_dropdown), DATE_YEAR);
  DueFilter due = MIN (gtk_drop_down_get_selected (self->follow_up_dropdown), DUE_NONE);
  guint risk = gtk_drop_down_get_selected (self->risk_dropdown);
  const char *type = selected_code (self->type_dropdown, self->type_codes);
  const char *types[] = { type, NULL };
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) from = NULL;

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_new_now (lin_call_get_time_zone ());

  if (self->log == NULL)
    return;

  /* days are Belgrade's days, from midnight there */
  midnight = g_date_time_new (lin_call_get_time_zone (),
                              g_date_time_get_year (self->now),
                              g_date_time_get_month (self->now),
                              g_date_time_get_day_of_month (self->now),
                              0, 0, 0);
  switch (range)
    {
    case DATE_TODAY:
      from = g_date_time_ref (midnight);
      break;

    case DATE_WEEK:
      from = g_date_time_add_days (midnight, -6);
      break;

    case DATE_MONTH:
      from = g_date_time_add_days (midnight, -29);
      break;

    case DATE_YEAR:
      from = g_date_time_add_months (midnight, -12);
      break;

    case DATE_ANY:
    default:
      break;
    }

  /* one items-changed per setter that changes something */
  lin_call_log_set_date_range (self->log, from, NULL);
  lin_call_log_set_call_types (self->log, type != NULL ? types : NULL);
  lin_call_log_set_risk_levels (self->log,
                                risk >= 1 && risk <= 3 ? LIN_CALL_LOG_RISK (LIN_RISK_LEVEL_STANDARD + (risk - 1)) : 0);
  lin_call_log_set_follow_up (self->log, dues[due]);
  lin_call_log_set_language (self->log, selected_code (self->language_dropdown, self->language_codes));
  lin_call_log_set_caller_code_search (self->log, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
update_count (LinCallLogView *self)
{
  guint shown = g_list_model_get_n_items (current_model (self));
  gboolean filtered = self->log != NULL && lin_call_log_get_filtered (self->log);
  gboolean ready = self->log != NULL && lin_call_log_get_index_ready (self->log);
  g_autofree char *text = NULL;

  if (shown > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (filtered)
    gtk_stack_set_visible_child_name (self->list_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");

  if (filtered && !ready)
    /* Translators: above the call log, for the moment after unlocking a
     * large profile while the filters cannot be applied yet */
    text = g_strdup (_("Sorting the calls…"));
  else if (filtered)
    /* Translators: above the call log when filters or a search are in force */
    text = g_strdup_printf (g_dngettext (NULL, "%u matching call", "%u matching calls", shown), shown);
  else
    /* Translators: above the call log */
    text = g_strdup_printf (g_dngettext (NULL, "%u call", "%u calls", shown), shown);

  gtk_widget_set_visible (GTK_WIDGET (self->count_label), shown > 0 || filtered);
  gtk_label_set_text (self->count_label, text);
}

static void
fill_code_dropdown (GtkDropDown *dropdown,
                    const char  *list_name,
                    const char  *any,
                    GPtrArray   *codes)
{
  const LinCodeList *list = lin_code_list_get (list_name);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_ptr_array_set_size (codes, 0);
  gtk_string_list_append (labels, any);
  for (guint i = 0; list != NULL && i < lin_code_list_get_n_codes (list); i++)
    {
      const LinCode *code = lin_code_list_get_code (list, i);

      g_ptr_array_add (codes, (gpointer)code->code);
      gtk_string_list_append (labels, lin_code_list_get_label (list, code->code));
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, 0);
}

static void
fill_dropdown (GtkDropDown        *dropdown,
               const char * const *labels)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; labels[i] != NULL; i++)
    gtk_string_list_append (list, _(labels[i]));

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, 0);
}

/* Callbacks */

static void
filters_changed_cb (LinCallLogView *self)
{
  /* the dropdowns are being filled */
  if (self->selection == NULL)
    return;

  apply_filters (self);
  update_count (self);
}

static void
clear_filters_cb (LinCallLogView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->date_dropdown, 0);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->risk_dropdown, 0);
  gtk_drop_down_set_selected (self->follow_up_dropdown, 0);
  gtk_drop_down_set_selected (self->language_dropdown, 0);
  filters_changed_cb (self);
}

static void
log_changed_cb (LinCallLogView *self)
{
  update_count (self);
}

static void
index_ready_cb (LinCallLogView *self)
{
  update_count (self);

  /* the log was in the order of saving until now: the newest call is at
   * the top now, show it */
  if (self->log != NULL && lin_call_log_get_index_ready (self->log) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->log)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
}

/* A row is one widget that draws its lines and the risk badge
 * (lin-call-log-row.c says why) */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *row = lin_call_log_row_new ();

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  LinCallLogView *self = user_data;
  LinRecord *call = gtk_list_item_get_item (item);
  LinCallLogRow *row = LIN_CALL_LOG_ROW (gtk_list_item_get_child (item));
  const LinCallSummary *summary;
  LinCallSummary made;
  LinFollowUpState state = LIN_FOLLOW_UP_NONE;
  const char *type, *place;
  LinRiskLevel risk;
  g_autofree char *time = NULL;
  g_autofree char *what = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *when = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;

  if (self->log == NULL)
    return;

  /* the index's summary when it is ready; until then one made for this
   * row alone (only the rows on screen are bound) */
  summary = lin_call_log_get_summary (self->log, gtk_list_item_get_position (item));
  if (summary == NULL || summary->call != call)
    {
      lin_call_log_summarize (self->log, call, &made);
      summary = &made;
    }

  {
    g_autoptr(GDateTime) started = g_date_time_new_from_unix_utc (summary->started);
    g_autofree char *iso = g_date_time_format_iso8601 (started);

    time = lin_call_ui_time (iso);
  }
  type = summary->call_type;
  place = summary->municipality != NULL ? summary->municipality : summary->district;
  risk = summary->risk;
  if (summary->follow_up_due != 0 && self->now != NULL)
    {
      g_autoptr(GDateTime) due_time = g_date_time_new_from_unix_utc (summary->follow_up_due);
      g_autofree char *due_iso = g_date_time_format_iso8601 (due_time);

      state = lin_follow_up_state_for (summary->follow_up_due, summary->follow_up_done, self->now);
      when = lin_call_ui_time (due_iso);
    }

  place = lin_call_ui_place (place);

  if (place != NULL)
    /* Translators: a line of the call log: the call type, then the
     * municipality (or district) */
    what = g_strdup_printf (C_("call log", "%1$s · %2$s"),
                            lin_code_label ("call-type", type != NULL ? type : ""), place);
  else
    what = g_strdup (type != NULL ? lin_code_label ("call-type", type) : "");

  switch (state)
    {
    case LIN_FOLLOW_UP_OVERDUE:
      /* Translators: in the call log; %s is a date and time */
      due_text = g_strdup_printf (_("Follow-up overdue since %s"), when);
      break;

    case LIN_FOLLOW_UP_TODAY:
    case LIN_FOLLOW_UP_UPCOMING:
      /* Translators: in the call log; %s is a date and time */
      due_text = g_strdup_printf (_("Follow-up due %s"), when);
      break;

    case LIN_FOLLOW_UP_DONE:
      due_text = g_strdup (_("Follow-up done"));
      break;

    case LIN_FOLLOW_UP_NONE:
    default:
      break;
    }

  /* the time as a heading; an overdue follow-up stands out in bold, its
   * words saying what the weight repeats */
  if (due_text == NULL)
    markup = g_markup_printf_escaped ("<span weight=\"bold\">%s</span>\n%s",
                                      time, what);
  else
    markup = g_markup_printf_escaped ("<span weight=\"bold\">%s</span>\n%s\n"
                                      "<span size=\"small\" weight=\"%s\">%s</span>",
                                      time, what,
                                      state == LIN_FOLLOW_UP_OVERDUE ? "bold" : "normal",
                                      due_text);
  text = due_text != NULL ? g_strjoin ("\n", time, what, due_text, NULL) : g_strjoin ("\n", time, what, NULL);
  lin_call_log_row_set (row, markup, text, risk);
}

static void
row_activated_cb (LinCallLogView *self,
                  guint           position)
{
  g_autoptr(LinRecord) call = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (call != NULL)
    lin_call_log_view_show_call (self, call);
}

static void
follow_up_call_activated_cb (LinCallLogView *self,
                             LinRecord      *call)
{
  lin_call_log_view_show_call (self, call);
}

static void
details_back_cb (LinCallLogView *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
folded_changed_cb (LinCallLogView *self)
{
  lin_call_details_set_show_back (self->details, adw_leaflet_get_folded (self->leaflet));
}

static void
n_overdue_changed_cb (LinCallLogView *self)
{
  guint n_overdue = lin_follow_ups_view_get_n_overdue (self->follow_ups_view);

  if (self->n_overdue == n_overdue)
    return;

  self->n_overdue = n_overdue;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OVERDUE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_OVERDUE]);
}

static gboolean
focus_search_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  LinCallLogView *self = LIN_CALL_LOG_VIEW (widget);

  adw_view_stack_set_visible_child_name (self->pane_stack, "log");
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return TRUE;
}

/* Overrides */

static void
lin_call_log_view_dispose (GObject *object)
{
  LinCallLogView *self = (LinCallLogView *)object;

  lin_call_log_view_set_store (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIN_TYPE_CALL_LOG_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->nothing);

  G_OBJECT_CLASS (lin_call_log_view_parent_class)->dispose (object);
}

static void
lin_call_log_view_finalize (GObject *object)
{
  LinCallLogView *self = (LinCallLogView *)object;

  g_clear_pointer (&self->type_codes, g_ptr_array_unref);
  g_clear_pointer (&self->language_codes, g_ptr_array_unref);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (lin_call_log_view_parent_class)->finalize (object);
}

static void
lin_call_log_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LinCallLogView *self = LIN_CALL_LOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, lin_call_log_view_get_store (self));
      break;

    case PROP_N_OVERDUE:
      g_value_set_uint (value, lin_call_log_view_get_n_overdue (self));
      break;

    case PROP_HAS_OVERDUE:
      g_value_set_boolean (value, lin_call_log_view_get_n_overdue (self) > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_call_log_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LinCallLogView *self = LIN_CALL_LOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      lin_call_log_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_call_log_view_class_init (LinCallLogViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_call_log_view_dispose;
  object_class->finalize = lin_call_log_view_finalize;
  object_class->get_property = lin_call_log_view_get_property;
  object_class->set_property = lin_call_log_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIN_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_OVERDUE] =
    g_param_spec_uint ("n-overdue", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HAS_OVERDUE] =
    g_param_spec_boolean ("has-overdue", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIN_TYPE_CALL_DETAILS);
  g_type_ensure (LIN_TYPE_FOLLOW_UPS_VIEW);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search_cb, NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lin-call-log-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LinCallLogView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LinCallLogView, pane_stack);
  gtk_widget_class_bind_template_child (widget_class, LinCallLogView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LinCallLogView, filters_button);
  gtk_widget_class_bind_template_child (widget_class, LinCallLogView, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LinCallLogView, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LinCallLogView, risk_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LinCallLogView, follow_up_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LinCallLogView, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LinCallLogView, count_label);
  gtk_widget_class_bind_template_child (widget_class, LinCallLogView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LinCallLogView, list_view);
  gtk_widget_class_bind_template_child (widget_class, LinCallLogView, follow_ups_view);
  gtk_widget_class_bind_template_child (widget_class, LinCallLogView, details);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, follow_up_call_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
}

static void
lin_call_log_view_init (LinCallLogView *self)
{
  static const char * const dates[] = {
    /* Translators: choices of the call log's date filter */
    N_("Any time"), N_("Today"), N_("Last 7 days"), N_("Last 30 days"), N_("Last 12 months"), NULL
  };
  static const char * const risks[] = {
    /* Translators: choices of the call log's risk filter */
    N_("Any risk"), N_("Standard risk"), N_("Medium risk"), N_("High risk"), NULL
  };
  static const char * const dues[] = {
    /* Translators: choices of the call log's follow-up filter */
    N_("Any"), N_("Overdue"), N_("Due today"), N_("Upcoming"), N_("No open follow-up"), NULL
  };
  g_autoptr(GtkListItemFactory) factory = NULL;

  self->nothing = g_list_store_new (LIN_TYPE_RECORD);
  self->type_codes = g_ptr_array_new ();
  self->language_codes = g_ptr_array_new ();
  self->now = g_date_time_new_now (lin_call_get_time_zone ());

  gtk_widget_init_template (GTK_WIDGET (self));

  fill_dropdown (self->date_dropdown, dates);
  fill_dropdown (self->risk_dropdown, risks);
  fill_dropdown (self->follow_up_dropdown, dues);
  /* Translators: the first choice of the call log's call type filter */
  fill_code_dropdown (self->type_dropdown, "call-type", _("Any type"), self->type_codes);
  /* Translators: the first choice of the call log's language filter */
  fill_code_dropdown (self->language_dropdown, "language", _("Any language"), self->language_codes);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->nothing)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->follow_ups_view, "notify::n-overdue",
                           G_CALLBACK (n_overdue_changed_cb), self,
                           G_CONNECT_SWAPPED);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  folded_changed_cb (self);
  update_count (self);
}

/* Public API */

LinStore *
lin_call_log_view_get_store (LinCallLogView *self)
{
  g_return_val_if_fail (LIN_IS_CALL_LOG_VIEW (self), NULL);

  return self->store;
}

/**
 * lin_call_log_view_set_store:
 * @self: a #LinCallLogView
 * @store: (nullable): the unlocked profile's store, or %NULL
 *
 * Shows @store's calls and follow-ups. %NULL (at lock) empties every list,
 * the details and the filters: nothing of the profile stays in a widget.
 */
void
lin_call_log_view_set_store (LinCallLogView *self,
                             LinStore       *store)
{
  g_return_if_fail (LIN_IS_CALL_LOG_VIEW (self));
  g_return_if_fail (store == NULL || LIN_IS_STORE (store));

  if (self->store == store)
    return;

  g_set_object (&self->store, store);

  /* the details and the queue first: they hold the most text */
  lin_call_details_set_store (self->details, store);
  lin_follow_ups_view_set_store (self->follow_ups_view, store);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  adw_view_stack_set_visible_child_name (self->pane_stack, "log");

  if (self->log != NULL)
    g_signal_handlers_disconnect_by_data (self->log, self);
  g_clear_object (&self->log);
  if (store != NULL)
    {
      self->log = lin_call_log_new (store);
      g_signal_connect_object (self->log, "items-changed",
                               G_CALLBACK (log_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->log, "notify::index-ready",
                               G_CALLBACK (index_ready_cb), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_single_selection_set_model (self->selection, current_model (self));

  /* the next one starts with no filter; the search held a caller code */
  gtk_toggle_button_set_active (self->filters_button, FALSE);
  clear_filters_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * lin_call_log_view_get_model:
 * @self: a #LinCallLogView
 *
 * Returns: (transfer none): the calls the log shows, filtered, newest
 *   first (a #LinCallLog while a profile is open)
 */
GListModel *
lin_call_log_view_get_model (LinCallLogView *self)
{
  g_return_val_if_fail (LIN_IS_CALL_LOG_VIEW (self), NULL);

  return current_model (self);
}

guint
lin_call_log_view_get_n_overdue (LinCallLogView *self)
{
  g_return_val_if_fail (LIN_IS_CALL_LOG_VIEW (self), 0);

  return self->n_overdue;
}

/**
 * lin_call_log_view_show_call:
 * @self: a #LinCallLogView
 * @call: a call record of the store
 *
 * Shows @call's details (the whole view when the window is narrow) and
 * moves the keyboard focus there.
 */
void
lin_call_log_view_show_call (LinCallLogView *self,
                             LinRecord      *call)
{
  g_return_if_fail (LIN_IS_CALL_LOG_VIEW (self));
  g_return_if_fail (LIN_IS_RECORD (call));

  lin_call_details_set_call (self->details, call);
  adw_leaflet_set_visible_child_name (self->leaflet, "details");
  gtk_widget_grab_focus (GTK_WIDGET (self->details));
}

/**
 * lin_call_log_view_show_pane:
 * @self: a #LinCallLogView
 * @name: "log" or "follow-ups"
 */
void
lin_call_log_view_show_pane (LinCallLogView *self,
                             const char     *name)
{
  g_return_if_fail (LIN_IS_CALL_LOG_VIEW (self));
  g_return_if_fail (name != NULL);

  adw_view_stack_set_visible_child_name (self->pane_stack, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}
