/* lin-service-search.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The directory's search, as the Directory section and the call wizard's
 * referral step show it: one entry (typed in either script, with or
 * without diacritics), filter chips, and the services found, the
 * caller's town first. The search runs as each letter is typed, with no
 * delay: the index answers in under a millisecond (a few when a letter
 * finds 10,000). The rows stay as the results change (lin-service-results.c)
 * and are one widget each (LinCallLogRow, as in the call log). With
 * 9,916 services (bench-directory-view, two processors, cairo under Xvfb)
 * a keystroke first took 30 ms before a frame and 178 ms to the frame
 * painted; now 6 and 21 ms (median).
 *
 * From the entry, Down and Up move through the results and Enter takes
 * the chosen one (#LinServiceSearch::activated): in the wizard that adds
 * it to the call's referrals in one keystroke.
 *
 * The compact form (the wizard's) has the type, the caller's municipality
 * and "open now"; the full one adds district, municipality, language,
 * accessibility and 24/7.
 */

#define G_LOG_DOMAIN "lin-service-search"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call.h"
#include "lin-call-log-row.h"
#include "lin-codes.h"
#include "lin-directory.h"
#include "lin-places.h"
#include "lin-service-results.h"
#include "lin-service-search.h"
#include "lin-service-ui.h"

struct _LinServiceSearch
{
  GtkWidget           parent_instance;

  /* Owned */
  LinContext         *context;
  LinServiceResults  *results;
  GtkSingleSelection *selection;
  char               *municipality;      /* the caller's, in the wizard */
  GPtrArray          *districts;         /* of LinPlace, borrowed */
  GPtrArray          *municipalities;    /* of the chosen district */

  /* Borrowed */
  GtkWidget          *entry;
  GtkWidget          *filters;
  GtkWidget          *type_dropdown;
  GtkWidget          *district_dropdown;
  GtkWidget          *municipality_dropdown;
  GtkWidget          *language_dropdown;
  GtkWidget          *access_dropdown;
  GtkWidget          *open_now_toggle;
  GtkWidget          *always_toggle;
  GtkWidget          *town_toggle;
  GtkWidget          *more_toggle;
  GtkWidget          *more_revealer;
  GtkWidget          *more_filters;
  GtkWidget          *chip_target;       /* while building */
  GtkWidget          *count_label;
  GtkWidget          *scroller;
  GtkWidget          *list_view;
  GtkWidget          *empty_label;
  GPtrArray          *bound;             /* the GtkListItems on screen */
  gboolean            refresh_all;       /* the rows' services changed */

  gboolean            compact;
};

G_DEFINE_FINAL_TYPE (LinServiceSearch, lin_service_search, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPACT,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The code a code list's dropdown stands on; NULL for its first item, "any" */
static const char *
dropdown_code (GtkWidget  *dropdown,
               const char *list)
{
  guint i;

  if (dropdown == NULL)
    return NULL;

  i = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));
  if (i == 0 || i == GTK_INVALID_LIST_POSITION)
    return NULL;

  return lin_code_list_get_code (lin_code_list_get (list), i - 1)->code;
}

static const char *
district_code (LinServiceSearch *self)
{
  guint i;

  if (self->district_dropdown == NULL)
    return NULL;

  i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->district_dropdown));
  if (i == 0 || i == GTK_INVALID_LIST_POSITION)
    return NULL;

  return lin_place_get_code (g_ptr_array_index (self->districts, i - 1));
}

static const char *
municipality_code (LinServiceSearch *self)
{
  guint i;

  if (self->town_toggle != NULL && self->municipality != NULL &&
      gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->town_toggle)))
    return self->municipality;

  if (self->municipality_dropdown == NULL || self->municipalities == NULL)
    return NULL;

  i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->municipality_dropdown));
  if (i == 0 || i == GTK_INVALID_LIST_POSITION || i - 1 >= self->municipalities->len)
    return NULL;

  return lin_place_get_code (g_ptr_array_index (self->municipalities, i - 1));
}

static void
update_count (LinServiceSearch *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  g_autofree char *text = NULL;

  /* Translators: how many services the directory's search found */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u service", "%u services", n), n);
  gtk_label_set_text (GTK_LABEL (self->count_label), text);
  gtk_widget_set_visible (self->empty_label, n == 0);
  if (n == 0 && self->context != NULL && lin_context_get_directory (self->context) != NULL &&
      lin_directory_get_n_services (lin_context_get_directory (self->context)) == 0)
    gtk_label_set_text (GTK_LABEL (self->empty_label),
                        /* Translators: the directory's search, when the directory is empty */
                        _("The directory has no services yet. A coordinator adds them in the Directory section."));
  else
    gtk_label_set_text (GTK_LABEL (self->empty_label),
                        /* Translators: the directory's search found nothing */
                        _("No service matches. Try fewer letters, or clear a filter."));
  gtk_widget_set_visible (self->scroller, n > 0);
}

/* With @keep, the chosen service stays chosen while it is still found
 * (the directory changed under it); a new query chooses its first hit, the
 * one Enter takes */
static void
run_search (LinServiceSearch *self,
            gboolean          keep_selection)
{
  LinDirectory *directory = self->context != NULL ? lin_context_get_directory (self->context) : NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GDateTime) now = NULL;
  LinDirectoryFilter filter = { 0 };
  LinRecord *selected = keep_selection ? lin_service_search_get_selected (self) : NULL;
  g_autoptr(LinRecord) keep = selected != NULL ? g_object_ref (selected) : NULL;

  if (directory == NULL)
    {
      lin_service_results_set (self->results, g_ptr_array_new_with_free_func (g_object_unref));
      update_count (self);
      return;
    }

  filter.service_type = dropdown_code (self->type_dropdown, "service-type");
  filter.district = district_code (self);
  filter.municipality = municipality_code (self);
  filter.language = dropdown_code (self->language_dropdown, "language");
  filter.accessibility = dropdown_code (self->access_dropdown, "accessibility");
  filter.always_open = self->always_toggle != NULL &&
                       gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->always_toggle));
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->open_now_toggle)))
    filter.open_at = now = g_date_time_new_now_utc ();

  found = lin_directory_search (directory, gtk_editable_get_text (GTK_EDITABLE (self->entry)), &filter);
  /* a refresh (the directory changed, the clock moved) draws every row
   * anew; a new query only the rows whose service changed */
  self->refresh_all = keep_selection;
  lin_service_results_set (self->results, g_ptr_array_ref (found));
  self->refresh_all = FALSE;

  gtk_single_selection_set_selected (self->selection, 0);
  if (keep != NULL)
    lin_service_search_select (self, keep);
  /* the chosen service in sight; the first, by moving to the top, which
   * costs the list less than scrolling to an item */
  if (found->len > 0 && gtk_single_selection_get_selected (self->selection) > 0)
    gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u",
                                gtk_single_selection_get_selected (self->selection));
  else if (found->len > 0)
    gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view)), 0);

  update_count (self);
  /* the chosen slot may hold another service now */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
search (LinServiceSearch *self)
{
  run_search (self, FALSE);
}

static void
search_changed_cb (LinServiceSearch *self)
{
  search (self);
}

static void
directory_changed_cb (LinServiceSearch *self)
{
  run_search (self, TRUE);
}

static void
activate_selected (LinServiceSearch *self)
{
  LinRecord *service = lin_service_search_get_selected (self);

  if (service != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0, service);
}

static void
entry_activate_cb (LinServiceSearch *self)
{
  activate_selected (self);
}

static void
list_activate_cb (LinServiceSearch *self,
                  guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);
  activate_selected (self);
}

static void
stop_search_cb (LinServiceSearch *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

/* Down and Up in the entry move through the results */
static gboolean
move_selection_cb (GtkWidget *entry,
                   GVariant  *args,
                   gpointer   user_data)
{
  LinServiceSearch *self = LIN_SERVICE_SEARCH (gtk_widget_get_ancestor (entry, LIN_TYPE_SERVICE_SEARCH));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  guint i = gtk_single_selection_get_selected (self->selection);
  int step = g_variant_get_int32 (args);

  if (n == 0)
    return FALSE;

  if (i == GTK_INVALID_LIST_POSITION)
    i = 0;
  else if (step > 0)
    i = MIN (i + 1, n - 1);
  else
    i = i == 0 ? 0 : i - 1;

  gtk_single_selection_set_selected (self->selection, i);
  gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", i);

  return TRUE;
}

static void
selected_changed_cb (LinServiceSearch *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
district_changed_cb (LinServiceSearch *self)
{
  const char *district = district_code (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gboolean latin = lin_places_use_latin ();

  g_clear_pointer (&self->municipalities, g_ptr_array_unref);
  /* Translators: the first choice of the directory's municipality filter */
  gtk_string_list_append (names, _("Every Municipality"));
  if (district != NULL)
    {
      self->municipalities = lin_places_municipalities (district);
      for (guint i = 0; i < self->municipalities->len; i++)
        gtk_string_list_append (names, lin_place_get_name (g_ptr_array_index (self->municipalities, i), latin));
    }

  gtk_drop_down_set_model (GTK_DROP_DOWN (self->municipality_dropdown), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->municipality_dropdown), 0);
  gtk_widget_set_sensitive (self->municipality_dropdown, district != NULL);
  search (self);
}

/* Rows */

/* The words of a row whose turn to be drawn came */
static void
fill_row_cb (LinCallLogRow *row,
             GtkListItem   *item)
{
  LinRecord *service = lin_service_slot_get_service (gtk_list_item_get_item (item));
  JsonObject *fields;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;
  const char *name;

  if (service == NULL)
    return;

  fields = lin_record_get_fields (service);
  now = g_date_time_new_now_utc ();
  subtitle = lin_service_ui_subtitle (fields, now);
  name = json_object_get_string_member_with_default (fields, LIN_SERVICE_FIELD_NAME, "");

  if (lin_service_ui_is_stale (fields, now))
    {
      /* Translators: a directory entry no one checked in the last year,
       * under its name in a list */
      const char *stale = _("Not checked for over a year");

      markup = g_markup_printf_escaped ("<span weight=\"bold\">%s</span>\n<span alpha=\"70%%\">%s</span>\n"
                                        "<span weight=\"bold\" size=\"small\">⚠ %s</span>",
                                        name, subtitle, stale);
      text = g_strdup_printf ("%s\n%s\n%s", name, subtitle, stale);
    }
  else
    {
      markup = g_markup_printf_escaped ("<span weight=\"bold\">%s</span>\n<span alpha=\"70%%\">%s</span>",
                                        name, subtitle);
      text = g_strdup_printf ("%s\n%s", name, subtitle);
    }

  lin_call_log_row_set (row, markup, text, LIN_RISK_LEVEL_NONE);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LinServiceSearch         *self)
{
  /* one widget a row, as in the call log: the list makes its rows anew
   * as the results change with each letter */
  GtkWidget *row = lin_call_log_row_new ();

  g_signal_connect (row, "fill", G_CALLBACK (fill_row_cb), item);
  gtk_list_item_set_child (item, row);
}

/* A row shows its slot's service; @force: again, though it is the same
 * (its entry changed, or the minute: "open now"). The list keeps about
 * 200 rows and shows some 15: a row writes its words when it is drawn. */
static void
show_row (GtkListItem *item,
          gboolean     force)
{
  LinRecord *service = lin_service_slot_get_service (gtk_list_item_get_item (item));
  GtkWidget *row = gtk_list_item_get_child (item);
  g_autoptr(GDateTime) now = NULL;
  JsonObject *fields;

  if (service == NULL)
    return;

  /* the same service in the same row: nothing to lay out again */
  if (!force && g_object_get_data (G_OBJECT (row), "service") == service)
    return;
  g_object_set_data (G_OBJECT (row), "service", service);

  fields = lin_record_get_fields (service);
  now = g_date_time_new_now_utc ();
  lin_call_log_row_set_later (LIN_CALL_LOG_ROW (row), lin_service_ui_is_stale (fields, now) ? 3 : 2,
                              json_object_get_string_member_with_default (fields, LIN_SERVICE_FIELD_NAME, ""));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LinServiceSearch         *self)
{
  g_ptr_array_add (self->bound, item);
  show_row (item, TRUE);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LinServiceSearch         *self)
{
  g_ptr_array_remove_fast (self->bound, item);
}

/* A search put other services in the slots: the rows on screen show them */
static void
refreshed_cb (LinServiceSearch *self)
{
  for (guint i = 0; i < self->bound->len; i++)
    show_row (g_ptr_array_index (self->bound, i), self->refresh_all);
}

/* Building */

static GtkWidget *
code_dropdown (const char *list,
               const char *any,
               const char *accessible)
{
  const LinCodeList *codes = lin_code_list_get (list);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  gtk_string_list_append (names, any);
  for (guint i = 0; i < lin_code_list_get_n_codes (codes); i++)
    gtk_string_list_append (names, lin_code_list_get_label (codes, lin_code_list_get_code (codes, i)->code));

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return dropdown;
}

static GtkWidget *
chip_box (void)
{
  GtkWidget *box = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (box), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 12);
  gtk_widget_add_css_class (box, "lin-chips");

  return box;
}

/* The chips wrap onto a second line when the pane is narrow; the keyboard
 * goes to the chips themselves, not to the flow box's children */
static void
add_chip (LinServiceSearch *self,
          GtkWidget        *chip)
{
  gtk_flow_box_append (GTK_FLOW_BOX (self->chip_target), chip);
  gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
}

static GtkWidget *
toggle (LinServiceSearch *self,
        const char       *label,
        const char       *name)
{
  GtkWidget *button = gtk_toggle_button_new_with_label (label);

  gtk_widget_set_name (button, name);
  gtk_widget_add_css_class (button, "lin-chip");
  g_signal_connect_object (button, "toggled", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  add_chip (self, button);

  return button;
}

static void
add_dropdown (LinServiceSearch *self,
              GtkWidget        *dropdown,
              const char       *name)
{
  gtk_widget_set_name (dropdown, name);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  add_chip (self, dropdown);
}

static void
build (LinServiceSearch *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *keys;
  GtkListItemFactory *factory;

  self->entry = gtk_search_entry_new ();
  gtk_widget_set_name (self->entry, "service-search-entry");
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (self->entry), 0);
  g_object_set (self->entry,
                /* Translators: the placeholder of the directory's search */
                "placeholder-text", _("Search services by name, town or type"),
                NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  /* Translators: what a screen reader calls the directory's search */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the directory"),
                                  -1);
  g_signal_connect_object (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (entry_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "stop-search", G_CALLBACK (stop_search_cb), self, G_CONNECT_SWAPPED);
  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < 4; i++)
    {
      static const guint keyvals[] = { GDK_KEY_Down, GDK_KEY_KP_Down, GDK_KEY_Up, GDK_KEY_KP_Up };

      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyvals[i], 0),
                                                gtk_callback_action_new (move_selection_cb, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (i < 2 ? 1 : -1));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
    }
  gtk_widget_add_controller (self->entry, keys);
  gtk_widget_set_parent (self->entry, widget);

  self->filters = chip_box ();
  self->chip_target = self->filters;
  gtk_widget_set_parent (self->filters, widget);

  /* Translators: a filter chip of the call wizard's referral search: only
   * the services in the caller's municipality */
  self->town_toggle = toggle (self, _("Caller's Municipality"), "service-filter-town");
  gtk_widget_set_visible (gtk_widget_get_parent (self->town_toggle), FALSE);

  /* Translators: a filter chip of the directory: services open at this moment */
  self->open_now_toggle = toggle (self, _("Open Now"), "service-filter-open-now");
  if (!self->compact)
    /* Translators: a filter chip of the directory: services open day and night */
    self->always_toggle = toggle (self, _("24/7"), "service-filter-always");

  self->type_dropdown = code_dropdown ("service-type",
                                       /* Translators: the first choice of the directory's type filter */
                                       _("Every Type"),
                                       /* Translators: what a screen reader calls the directory's type filter */
                                       _("Service type"));
  add_dropdown (self, self->type_dropdown, "service-filter-type");

  if (!self->compact)
    {
      g_autoptr(GtkStringList) districts = gtk_string_list_new (NULL);
      gboolean latin = lin_places_use_latin ();

      /* the rarer filters, behind one chip */
      /* Translators: a chip of the directory's search that shows the
       * district, municipality, language and accessibility filters */
      self->more_toggle = gtk_toggle_button_new_with_mnemonic (_("More _Filters"));
      gtk_widget_set_name (self->more_toggle, "service-more-filters");
      add_chip (self, self->more_toggle);
      self->more_filters = chip_box ();
      self->more_revealer = gtk_revealer_new ();
      gtk_revealer_set_child (GTK_REVEALER (self->more_revealer), self->more_filters);
      g_object_bind_property (self->more_toggle, "active", self->more_revealer, "reveal-child", G_BINDING_SYNC_CREATE);
      gtk_widget_set_parent (self->more_revealer, widget);
      self->chip_target = self->more_filters;

      self->districts = lin_places_districts ();
      /* Translators: the first choice of the directory's district filter */
      gtk_string_list_append (districts, _("Every District"));
      for (guint i = 0; i < self->districts->len; i++)
        gtk_string_list_append (districts, lin_place_get_name (g_ptr_array_index (self->districts, i), latin));
      self->district_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&districts)), NULL);
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->district_dropdown), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->district_dropdown),
                                      /* Translators: what a screen reader calls the directory's district filter */
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("District"),
                                      -1);
      gtk_widget_set_name (self->district_dropdown, "service-filter-district");
      g_signal_connect_object (self->district_dropdown, "notify::selected", G_CALLBACK (district_changed_cb), self, G_CONNECT_SWAPPED);
      add_chip (self, self->district_dropdown);

      self->municipality_dropdown = gtk_drop_down_new (NULL, NULL);
      gtk_widget_set_sensitive (self->municipality_dropdown, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->municipality_dropdown),
                                      /* Translators: what a screen reader calls the directory's municipality filter */
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Municipality"),
                                      -1);
      add_dropdown (self, self->municipality_dropdown, "service-filter-municipality");

      self->language_dropdown = code_dropdown ("language",
                                               /* Translators: the first choice of the directory's language filter */
                                               _("Every Language"),
                                               /* Translators: what a screen reader calls the directory's language filter */
                                               _("Language spoken"));
      add_dropdown (self, self->language_dropdown, "service-filter-language");

      self->access_dropdown = code_dropdown ("accessibility",
                                             /* Translators: the first choice of the directory's accessibility filter */
                                             _("Any Accessibility"),
                                             /* Translators: what a screen reader calls the directory's accessibility filter */
                                             _("Accessibility need"));
      add_dropdown (self, self->access_dropdown, "service-filter-accessibility");
    }

  self->count_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->count_label), 0);
  gtk_widget_add_css_class (self->count_label, "dim-label");
  gtk_widget_add_css_class (self->count_label, "caption");
  gtk_widget_set_name (self->count_label, "service-count");
  gtk_widget_set_parent (self->count_label, widget);

  self->results = lin_service_results_new ();
  self->bound = g_ptr_array_new ();
  g_signal_connect_object (self->results, "refreshed", G_CALLBACK (refreshed_cb), self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->results)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_widget_set_name (self->list_view, "service-results");
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  gtk_widget_add_css_class (self->list_view, "lin-services");
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  /* Translators: what a screen reader calls the directory's search results */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Services found"),
                                  -1);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (list_activate_cb), self, G_CONNECT_SWAPPED);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->list_view);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  if (self->compact)
    {
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->scroller), 220);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroller), 220);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
    }
  gtk_widget_set_parent (self->scroller, widget);

  self->empty_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_margin_top (self->empty_label, 24);
  gtk_widget_set_margin_bottom (self->empty_label, 24);
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_widget_set_parent (self->empty_label, widget);

  if (self->district_dropdown != NULL)
    district_changed_cb (self);
  update_count (self);
}

static void
lin_service_search_constructed (GObject *object)
{
  LinServiceSearch *self = (LinServiceSearch *)object;

  G_OBJECT_CLASS (lin_service_search_parent_class)->constructed (object);

  build (self);
}

static void
lin_service_search_dispose (GObject *object)
{
  LinServiceSearch *self = (LinServiceSearch *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, directory_changed_cb, self);
  g_clear_object (&self->context);
  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_pointer (&self->bound, g_ptr_array_unref);
  g_clear_pointer (&self->districts, g_ptr_array_unref);
  g_clear_pointer (&self->municipalities, g_ptr_array_unref);
  g_clear_pointer (&self->municipality, g_free);

  G_OBJECT_CLASS (lin_service_search_parent_class)->dispose (object);
}

static gboolean
lin_service_search_grab_focus (GtkWidget *widget)
{
  LinServiceSearch *self = LIN_SERVICE_SEARCH (widget);

  return gtk_widget_grab_focus (self->entry);
}

static void
lin_service_search_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LinServiceSearch *self = LIN_SERVICE_SEARCH (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, lin_service_search_get_selected (self));
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_service_search_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LinServiceSearch *self = LIN_SERVICE_SEARCH (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      self->compact = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_service_search_class_init (LinServiceSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lin_service_search_constructed;
  object_class->dispose = lin_service_search_dispose;
  object_class->get_property = lin_service_search_get_property;
  object_class->set_property = lin_service_search_set_property;
  widget_class->grab_focus = lin_service_search_grab_focus;

  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         LIN_TYPE_RECORD,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LinServiceSearch::activated:
   * @service: the service
   *
   * Enter in the entry, or a row activated: @service is taken.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LIN_TYPE_RECORD);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "servicesearch");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SEARCH);
}

static void
lin_service_search_init (LinServiceSearch *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
}

/**
 * lin_service_search_new:
 * @compact: the wizard's form: type, the caller's municipality, open now
 *
 * Returns: (transfer floating): a new #LinServiceSearch
 */
GtkWidget *
lin_service_search_new (gboolean compact)
{
  return g_object_new (LIN_TYPE_SERVICE_SEARCH, "compact", compact, NULL);
}

/**
 * lin_service_search_set_context:
 * @self: a #LinServiceSearch
 * @context: (nullable): the context whose directory to search
 */
void
lin_service_search_set_context (LinServiceSearch *self,
                                LinContext       *context)
{
  g_return_if_fail (LIN_IS_SERVICE_SEARCH (self));
  g_return_if_fail (context == NULL || LIN_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, directory_changed_cb, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "directory-changed", G_CALLBACK (directory_changed_cb), self, G_CONNECT_SWAPPED);

  search (self);
}

/**
 * lin_service_search_set_municipality:
 * @self: a #LinServiceSearch
 * @code: (nullable): the caller's municipality
 *
 * Offers (and turns on) the chip that keeps to the services of @code; with
 * %NULL the chip goes away.
 */
void
lin_service_search_set_municipality (LinServiceSearch *self,
                                     const char       *code)
{
  const LinPlace *place;

  g_return_if_fail (LIN_IS_SERVICE_SEARCH (self));

  place = code != NULL ? lin_places_lookup (code) : NULL;
  /* a caller in Medijana is helped by the services of all Niš */
  if (place != NULL && lin_place_get_city (place) != NULL)
    place = lin_place_get_city (place);
  g_free (self->municipality);
  self->municipality = place != NULL ? g_strdup (lin_place_get_code (place)) : NULL;

  if (place != NULL)
    {
      /* Translators: a filter chip of the call wizard's referral search:
       * only the services in the caller's municipality, "Only in Kraljevo" */
      g_autofree char *label = g_strdup_printf (_("Only in %s"), lin_place_get_name (place, lin_places_use_latin ()));

      gtk_button_set_label (GTK_BUTTON (self->town_toggle), label);
    }

  g_signal_handlers_block_by_func (self->town_toggle, search_changed_cb, self);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->town_toggle), place != NULL);
  g_signal_handlers_unblock_by_func (self->town_toggle, search_changed_cb, self);
  gtk_widget_set_visible (gtk_widget_get_parent (self->town_toggle), place != NULL);

  search (self);
}

GtkWidget *
lin_service_search_get_entry (LinServiceSearch *self)
{
  g_return_val_if_fail (LIN_IS_SERVICE_SEARCH (self), NULL);

  return self->entry;
}

/**
 * lin_service_search_get_selected:
 * @self: a #LinServiceSearch
 *
 * Returns: (transfer none) (nullable): the chosen service
 */
LinRecord *
lin_service_search_get_selected (LinServiceSearch *self)
{
  LinServiceSlot *slot;

  g_return_val_if_fail (LIN_IS_SERVICE_SEARCH (self), NULL);

  if (self->selection == NULL)
    return NULL;

  slot = gtk_single_selection_get_selected_item (self->selection);

  return slot != NULL ? lin_service_slot_get_service (slot) : NULL;
}

/**
 * lin_service_search_select:
 * @self: a #LinServiceSearch
 * @service: a service
 *
 * Chooses @service when the search found it.
 */
void
lin_service_search_select (LinServiceSearch *self,
                           LinRecord        *service)
{
  guint position;

  g_return_if_fail (LIN_IS_SERVICE_SEARCH (self));

  for (position = 0; position < g_list_model_get_n_items (G_LIST_MODEL (self->results)); position++)
    {
      LinRecord *item = lin_service_results_get_service (self->results, position);

      if (lin_record_id_equal (lin_record_get_id (item), lin_record_get_id (service)))
        {
          gtk_single_selection_set_selected (self->selection, position);
          return;
        }
    }
}

/**
 * lin_service_search_get_result:
 * @self: a #LinServiceSearch
 * @position: a position in the results
 *
 * Returns: (transfer none) (nullable): the service found at @position
 */
LinRecord *
lin_service_search_get_result (LinServiceSearch *self,
                               guint             position)
{
  g_return_val_if_fail (LIN_IS_SERVICE_SEARCH (self), NULL);

  return lin_service_results_get_service (self->results, position);
}

guint
lin_service_search_get_n_results (LinServiceSearch *self)
{
  g_return_val_if_fail (LIN_IS_SERVICE_SEARCH (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->results));
}

/**
 * lin_service_search_refresh:
 * @self: a #LinServiceSearch
 *
 * Searches again, as "open now" moves with the clock; the chosen service
 * stays chosen.
 */
void
lin_service_search_refresh (LinServiceSearch *self)
{
  g_return_if_fail (LIN_IS_SERVICE_SEARCH (self));

  run_search (self, TRUE);
}

/**
 * lin_service_search_clear:
 * @self: a #LinServiceSearch
 *
 * Empties the entry and turns every filter off, for the next call.
 */
void
lin_service_search_clear (LinServiceSearch *self)
{
  g_return_if_fail (LIN_IS_SERVICE_SEARCH (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->type_dropdown), 0);
  if (self->district_dropdown != NULL)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->district_dropdown), 0);
  if (self->language_dropdown != NULL)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->language_dropdown), 0);
  if (self->access_dropdown != NULL)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->access_dropdown), 0);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->open_now_toggle), FALSE);
  if (self->more_toggle != NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->more_toggle), FALSE);
  if (self->always_toggle != NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->always_toggle), FALSE);
  search (self);
}
