/* lin-sync-indicator.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state of sync in the main window's header bar: a small button, an
 * icon and a word or two ("Synced", "3 waiting", "Offline", "Needs
 * attention"), shown only while the profile belongs to an organisation
 * (LinContext:sync is set). Its popover says what the state means and what
 * to do, when this laptop last synced, the problem in words when a person
 * has to look, and offers Sync Now and, when there are any, the conflicts
 * to review.
 *
 * Quiet when all is well (a flat button, no colour), plain to see when a
 * person must act (the warning colours). It follows every notify of the
 * LinSync, so it changes as the engine does. It shows counts and times,
 * never anything of a record.
 */

#define G_LOG_DOMAIN "lin-sync-indicator"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-call.h"
#include "lin-sync-conflicts.h"
#include "lin-sync-indicator.h"

struct _LinSyncIndicator
{
  AdwBin      parent_instance;

  /* Children */
  GtkWidget  *button;
  GtkWidget  *icon;
  GtkWidget  *label;
  GtkWidget  *popover;
  GtkWidget  *title_label;
  GtkWidget  *explain_label;
  GtkWidget  *problem_label;
  GtkWidget  *last_label;
  GtkWidget  *safety_label;
  GtkWidget  *sync_button;
  GtkWidget  *conflicts_button;

  /* Owned */
  LinContext *context;
  LinSync    *sync;

  /* Borrowed */
  GtkWidget  *conflicts_window;
  GtkWindow  *window;       /* the root, whose width it follows */

  /* "Syncing…" only for an attempt that takes a while: a quick one, or a
   * retry while the server is down, leaves the words as they were */
  LinSyncStatus shown;
  gboolean    has_shown;
  gboolean    syncing_due;
  guint       syncing_source;
};

#define SYNCING_AFTER_MS 700

G_DEFINE_FINAL_TYPE (LinSyncIndicator, lin_sync_indicator, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Narrower than this, the button shows its icon alone: the words would
 * make the header bar, and so the window, wider than a small screen */
#define COMPACT_BELOW_PX 720

/* Helpers */

static const char *
status_icon (LinSyncStatus status)
{
  switch (status)
    {
    case LIN_SYNC_STATUS_PENDING:
      return "user-status-pending-symbolic";
    case LIN_SYNC_STATUS_SYNCED:
      return "emblem-ok-symbolic";
    case LIN_SYNC_STATUS_SYNCING:
      return "emblem-synchronizing-symbolic";
    case LIN_SYNC_STATUS_WAITING:
      return "document-send-symbolic";
    case LIN_SYNC_STATUS_OFFLINE:
      return "network-offline-symbolic";
    case LIN_SYNC_STATUS_ATTENTION:
    default:
      return "dialog-warning-symbolic";
    }
}

/* The button's few words */
static char *
dup_status_label (LinSyncStatus status,
                  guint         n_waiting)
{
  switch (status)
    {
    case LIN_SYNC_STATUS_PENDING:
      /* Translators: sync state in the header bar: the coordinator has
       * not approved this laptop yet */
      return g_strdup (_("Waiting for approval"));
    case LIN_SYNC_STATUS_SYNCED:
      /* Translators: sync state in the header bar: everything is sent */
      return g_strdup (_("Synced"));
    case LIN_SYNC_STATUS_SYNCING:
      /* Translators: sync state in the header bar: sending and fetching now */
      return g_strdup (_("Syncing…"));
    case LIN_SYNC_STATUS_WAITING:
      if (n_waiting == 0)
        /* Translators: sync state in the header bar: changes wait to be sent */
        return g_strdup (C_("sync", "Waiting"));
      /* Translators: sync state in the header bar: this many changes saved
       * on this laptop wait to be sent to the server */
      return g_strdup_printf (ngettext ("%u waiting", "%u waiting", n_waiting), n_waiting);
    case LIN_SYNC_STATUS_OFFLINE:
      /* Translators: sync state in the header bar: no network */
      return g_strdup (_("Offline"));
    case LIN_SYNC_STATUS_ATTENTION:
    default:
      /* Translators: sync state in the header bar: sync stopped, a person must look */
      return g_strdup (_("Needs attention"));
    }
}

/* What the state means and what to do, in a sentence or two */
static char *
dup_explanation (LinSyncStatus status,
                 guint         n_waiting)
{
  switch (status)
    {
    case LIN_SYNC_STATUS_PENDING:
      return g_strdup (_("This laptop is enrolled and waits for the coordinator to approve it. "
                         "Compare the safety number below with the one she sees."));
    case LIN_SYNC_STATUS_SYNCED:
      return g_strdup (_("Everything saved on this laptop has reached the organisation’s server. "
                         "Nothing to do."));
    case LIN_SYNC_STATUS_SYNCING:
      return g_strdup (_("Linija is sending and fetching changes now. You can keep working."));
    case LIN_SYNC_STATUS_WAITING:
      return g_strdup_printf (ngettext ("%u change is saved on this laptop and waits to be sent. "
                                        "Linija tries again by itself; nothing is lost.",
                                        "%u changes are saved on this laptop and wait to be sent. "
                                        "Linija tries again by itself; nothing is lost.",
                                        n_waiting),
                              n_waiting);
    case LIN_SYNC_STATUS_OFFLINE:
      return g_strdup (_("This laptop has no network. Your work is saved here and is sent "
                         "when the network is back."));
    case LIN_SYNC_STATUS_ATTENTION:
    default:
      return g_strdup (_("Sync has stopped and will not start again by itself. "
                         "Your work is saved on this laptop."));
    }
}

/**
 * lin_sync_indicator_problem_text:
 * @problem: what stopped sync
 *
 * Returns: (nullable): the problem in words and what to do, or %NULL for
 *   %LIN_SYNC_PROBLEM_NONE
 */
const char *
lin_sync_indicator_problem_text (LinSyncProblem problem)
{
  switch (problem)
    {
    case LIN_SYNC_PROBLEM_REFUSED:
      return _("The server no longer accepts this laptop. Ask your coordinator.");
    case LIN_SYNC_PROBLEM_REJECTED:
      return _("Some changes from the server did not pass the checks and were left out. "
               "Tell your coordinator.");
    case LIN_SYNC_PROBLEM_KEYS:
      return _("Some changes are locked with a key this laptop does not have yet. "
               "Ask your coordinator.");
    case LIN_SYNC_PROBLEM_SERVER:
      return _("The server gave an answer that trying again will not change. "
               "Ask your coordinator.");
    case LIN_SYNC_PROBLEM_DISK:
      return _("Linija could not write to this laptop’s disk. Check that the disk is not full, "
               "then choose Sync Now.");
    case LIN_SYNC_PROBLEM_NONE:
    default:
      return NULL;
    }
}

/**
 * lin_sync_indicator_last_synced:
 * @last_success: when this laptop last synced well (µs since 1970), or 0
 * @now: the time to count days from, in the time zone to show
 *
 * Returns: "Last synced today at 14:05", "… yesterday at …", a date for
 *   older ones, or a sentence that says it has not synced yet
 */
char *
lin_sync_indicator_last_synced (gint64     last_success,
                                GDateTime *now)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) yesterday = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *date_text = NULL;

  g_return_val_if_fail (now != NULL, NULL);

  if (last_success <= 0)
    return g_strdup (_("This laptop has not synced yet."));

  utc = g_date_time_new_from_unix_utc (last_success / G_USEC_PER_SEC);
  when = g_date_time_to_timezone (utc, g_date_time_get_timezone (now));
  yesterday = g_date_time_add_days (now, -1);
  time_text = g_date_time_format (when, "%H:%M");

  if (g_date_time_get_year (when) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (now))
    /* Translators: %s is a time, 14:05 */
    return g_strdup_printf (_("Last synced today at %s"), time_text);

  if (g_date_time_get_year (when) == g_date_time_get_year (yesterday) &&
      g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (yesterday))
    /* Translators: %s is a time, 14:05 */
    return g_strdup_printf (_("Last synced yesterday at %s"), time_text);

  /* Translators: a g_date_time_format() format for a day, numbers only */
  date_text = g_date_time_format (when, _("%Y-%m-%d"));
  /* Translators: %1$s is a date, %2$s a time */
  return g_strdup_printf (_("Last synced on %1$s at %2$s"), date_text, time_text);
}

static void update (LinSyncIndicator *self);

static gboolean
syncing_due_cb (gpointer data)
{
  LinSyncIndicator *self = data;

  self->syncing_source = 0;
  self->syncing_due = TRUE;
  update (self);

  return G_SOURCE_REMOVE;
}

/* The status to show: the engine's, except that an attempt shows as
 * "Syncing…" only once it has run SYNCING_AFTER_MS */
static LinSyncStatus
status_to_show (LinSyncIndicator *self,
                LinSyncStatus     status)
{
  if (status != LIN_SYNC_STATUS_SYNCING)
    {
      g_clear_handle_id (&self->syncing_source, g_source_remove);
      self->syncing_due = FALSE;
      return status;
    }

  if (!self->has_shown || self->shown == LIN_SYNC_STATUS_SYNCING || self->syncing_due)
    return status;

  if (self->syncing_source == 0)
    self->syncing_source = g_timeout_add (SYNCING_AFTER_MS, syncing_due_cb, self);

  return self->shown;
}

static void
update (LinSyncIndicator *self)
{
  g_autofree char *label = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GDateTime) now = NULL;
  LinSyncStatus status;
  LinSyncProblem problem;
  const char *problem_text;
  guint n_waiting, n_conflicts;
  gboolean running;

  gtk_widget_set_visible (GTK_WIDGET (self), self->sync != NULL);
  if (self->sync == NULL)
    return;

  running = lin_sync_get_status (self->sync) == LIN_SYNC_STATUS_SYNCING;
  status = status_to_show (self, lin_sync_get_status (self->sync));
  self->shown = status;
  self->has_shown = TRUE;
  problem = lin_sync_get_problem (self->sync);
  n_waiting = lin_sync_get_n_waiting (self->sync);
  n_conflicts = lin_sync_get_n_conflicts (self->sync);

  label = dup_status_label (status, n_waiting);
  if (g_strcmp0 (label, gtk_label_get_text (GTK_LABEL (self->label))) != 0)
    {
      gtk_label_set_text (GTK_LABEL (self->label), label);
      gtk_label_set_text (GTK_LABEL (self->title_label), label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), status_icon (status));

  /* Translators: the sync button's name for screen readers; %s is its
   * state, "Synced", "3 waiting" */
  accessible = g_strdup_printf (_("Sync: %s"), label);
  gtk_widget_set_tooltip_text (self->button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  if (status == LIN_SYNC_STATUS_ATTENTION)
    gtk_widget_add_css_class (self->button, "lin-sync-attention");
  else
    gtk_widget_remove_css_class (self->button, "lin-sync-attention");

  explanation = dup_explanation (status, n_waiting);
  gtk_label_set_text (GTK_LABEL (self->explain_label), explanation);

  problem_text = status == LIN_SYNC_STATUS_ATTENTION ? lin_sync_indicator_problem_text (problem) : NULL;
  gtk_label_set_text (GTK_LABEL (self->problem_label), problem_text != NULL ? problem_text : "");
  gtk_widget_set_visible (self->problem_label, problem_text != NULL);

  /* in Belgrade's time, as every time Linija shows */
  now = g_date_time_new_now (lin_call_get_time_zone ());
  last = lin_sync_indicator_last_synced (lin_sync_get_last_success (self->sync), now);
  gtk_label_set_text (GTK_LABEL (self->last_label), last);

  if (status == LIN_SYNC_STATUS_PENDING)
    {
      g_autofree char *number = lin_sync_dup_safety_number (self->sync);
      g_autofree char *text = NULL;

      if (number != NULL)
        /* Translators: %s is the safety number, groups of digits */
        text = g_strdup_printf (_("Safety number: %s"), number);
      gtk_label_set_text (GTK_LABEL (self->safety_label), text != NULL ? text : "");
      gtk_widget_set_visible (self->safety_label, text != NULL);
    }
  else
    gtk_widget_set_visible (self->safety_label, FALSE);

  /* a sync is under way already; waiting for approval, it asks whether
   * the coordinator has approved */
  gtk_widget_set_sensitive (self->sync_button, !running);

  gtk_widget_set_visible (self->conflicts_button, n_conflicts > 0);
  if (n_conflicts > 0)
    {
      /* Translators: a button in the sync popover; %u is how many
       * conflicts wait for a person to choose */
      g_autofree char *text = g_strdup_printf (ngettext ("Review Conflicts (%u)", "Review Conflicts (%u)",
                                                         n_conflicts),
                                               n_conflicts);
      gtk_button_set_label (GTK_BUTTON (self->conflicts_button), text);
    }
}

static void
set_sync (LinSyncIndicator *self,
          LinSync          *sync)
{
  if (self->sync == sync)
    {
      update (self);
      return;
    }

  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_data (self->sync, self);
  g_set_object (&self->sync, sync);
  g_clear_handle_id (&self->syncing_source, g_source_remove);
  self->has_shown = FALSE;
  self->syncing_due = FALSE;
  if (self->sync != NULL)
    /* any property: status, problem, n-waiting, n-conflicts, last-success */
    g_signal_connect_object (self->sync, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  if (self->sync == NULL && self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  update (self);
}

/* The icon alone in a narrow window; the tooltip and the accessible
 * name still say the words */
static void
update_compact (LinSyncIndicator *self)
{
  gboolean compact = FALSE;
  int width = 0, height = 0;

  if (self->window != NULL && !gtk_window_is_maximized (self->window) &&
      !gtk_window_is_fullscreen (self->window))
    {
      gtk_window_get_default_size (self->window, &width, &height);
      compact = width > 0 && width < COMPACT_BELOW_PX;
    }

  gtk_widget_set_visible (self->label, !compact);
}

/* Callbacks */

static void
context_sync_cb (LinSyncIndicator *self)
{
  set_sync (self, self->context != NULL ? lin_context_get_sync (self->context) : NULL);
}

static void
popover_show_cb (LinSyncIndicator *self)
{
  /* "today" may have become "yesterday" since the last change */
  update (self);
}

static void
sync_now_cb (LinSyncIndicator *self)
{
  if (self->sync != NULL)
    lin_sync_poke (self->sync, LIN_SYNC_REASON_USER);
}

static void
conflicts_cb (LinSyncIndicator *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *window;

  if (self->context == NULL)
    return;

  gtk_popover_popdown (GTK_POPOVER (self->popover));

  /* one list, however often she asks */
  if (self->conflicts_window == NULL)
    {
      window = lin_sync_conflicts_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context);
      g_set_weak_pointer (&self->conflicts_window, window);
    }
  gtk_window_present (GTK_WINDOW (self->conflicts_window));
}

/* Building */

static GtkWidget *
popover_label (const char *name)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* one width, so that a wrapped label measures as tall as it draws */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
  gtk_label_set_width_chars (GTK_LABEL (label), 34);

  return label;
}

static void
build (LinSyncIndicator *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->icon = gtk_image_new ();
  self->label = gtk_label_new (NULL);
  gtk_widget_set_name (self->label, "sync-status-label");
  gtk_box_append (GTK_BOX (content), self->icon);
  gtk_box_append (GTK_BOX (content), self->label);

  self->title_label = popover_label ("sync-status-title");
  gtk_widget_add_css_class (self->title_label, "heading");
  self->explain_label = popover_label ("sync-status-explanation");
  self->problem_label = popover_label ("sync-status-problem");
  gtk_widget_add_css_class (self->problem_label, "warning");
  self->last_label = popover_label ("sync-status-last");
  gtk_widget_add_css_class (self->last_label, "dim-label");
  self->safety_label = popover_label ("sync-status-safety");
  gtk_label_set_selectable (GTK_LABEL (self->safety_label), TRUE);

  /* Translators: a button: send and fetch changes now */
  self->sync_button = gtk_button_new_with_mnemonic (_("_Sync Now"));
  gtk_widget_set_name (self->sync_button, "sync-now-button");
  g_signal_connect_swapped (self->sync_button, "clicked", G_CALLBACK (sync_now_cb), self);
  self->conflicts_button = gtk_button_new ();
  gtk_widget_set_name (self->conflicts_button, "sync-conflicts-button");
  gtk_widget_set_visible (self->conflicts_button, FALSE);
  g_signal_connect_swapped (self->conflicts_button, "clicked", G_CALLBACK (conflicts_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->sync_button);
  gtk_box_append (GTK_BOX (buttons), self->conflicts_button);

  gtk_box_append (GTK_BOX (box), self->title_label);
  gtk_box_append (GTK_BOX (box), self->explain_label);
  gtk_box_append (GTK_BOX (box), self->problem_label);
  gtk_box_append (GTK_BOX (box), self->safety_label);
  gtk_box_append (GTK_BOX (box), self->last_label);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  self->popover = gtk_popover_new ();
  gtk_widget_set_name (self->popover, "sync-status-popover");
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);

  self->button = gtk_menu_button_new ();
  gtk_widget_set_name (self->button, "sync-status-button");
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->button), content);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);
  gtk_widget_add_css_class (self->button, "lin-sync-indicator");
  gtk_widget_add_css_class (self->button, "flat");
  adw_bin_set_child (ADW_BIN (self), self->button);
}

/* Overrides */

static void
lin_sync_indicator_root (GtkWidget *widget)
{
  LinSyncIndicator *self = LIN_SYNC_INDICATOR (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (lin_sync_indicator_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      g_set_weak_pointer (&self->window, GTK_WINDOW (root));
      g_signal_connect_object (root, "notify::default-width", G_CALLBACK (update_compact), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (root, "notify::maximized", G_CALLBACK (update_compact), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (root, "notify::fullscreened", G_CALLBACK (update_compact), self,
                               G_CONNECT_SWAPPED);
    }
  update_compact (self);
}

static void
lin_sync_indicator_unroot (GtkWidget *widget)
{
  LinSyncIndicator *self = LIN_SYNC_INDICATOR (widget);

  if (self->window != NULL)
    g_signal_handlers_disconnect_by_func (self->window, update_compact, self);
  g_clear_weak_pointer (&self->window);

  GTK_WIDGET_CLASS (lin_sync_indicator_parent_class)->unroot (widget);
}

static void
lin_sync_indicator_dispose (GObject *object)
{
  LinSyncIndicator *self = (LinSyncIndicator *)object;

  lin_sync_indicator_set_context (self, NULL);
  set_sync (self, NULL);
  g_clear_weak_pointer (&self->conflicts_window);
  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (lin_sync_indicator_parent_class)->dispose (object);
}

static void
lin_sync_indicator_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LinSyncIndicator *self = LIN_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, lin_sync_indicator_get_context (self));
      break;

    case PROP_LABEL:
      g_value_set_string (value, lin_sync_indicator_get_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_sync_indicator_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LinSyncIndicator *self = LIN_SYNC_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      lin_sync_indicator_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_sync_indicator_class_init (LinSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_sync_indicator_dispose;
  object_class->get_property = lin_sync_indicator_get_property;
  object_class->set_property = lin_sync_indicator_set_property;
  widget_class->root = lin_sync_indicator_root;
  widget_class->unroot = lin_sync_indicator_unroot;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LIN_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * LinSyncIndicator:label:
   *
   * The few words the button shows: "Synced", "3 waiting"
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lin_sync_indicator_init (LinSyncIndicator *self)
{
  build (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Public API */

GtkWidget *
lin_sync_indicator_new (void)
{
  return g_object_new (LIN_TYPE_SYNC_INDICATOR, NULL);
}

LinContext *
lin_sync_indicator_get_context (LinSyncIndicator *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_INDICATOR (self), NULL);

  return self->context;
}

/**
 * lin_sync_indicator_set_context:
 * @self: a #LinSyncIndicator
 * @context: (nullable): the context whose #LinContext:sync to show
 */
void
lin_sync_indicator_set_context (LinSyncIndicator *self,
                                LinContext       *context)
{
  g_return_if_fail (LIN_IS_SYNC_INDICATOR (self));
  g_return_if_fail (context == NULL || LIN_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, context_sync_cb, self);
  g_set_object (&self->context, context);
  if (self->context != NULL)
    g_signal_connect_object (self->context, "notify::sync", G_CALLBACK (context_sync_cb), self,
                             G_CONNECT_SWAPPED);

  context_sync_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * lin_sync_indicator_get_label:
 * @self: a #LinSyncIndicator
 *
 * Returns: the words the button shows
 */
const char *
lin_sync_indicator_get_label (LinSyncIndicator *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_INDICATOR (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->label));
}

/**
 * lin_sync_indicator_popup:
 * @self: a #LinSyncIndicator
 *
 * Opens the popover, as a click on the button does.
 *
 * Returns: (transfer none): the popover
 */
GtkPopover *
lin_sync_indicator_popup (LinSyncIndicator *self)
{
  g_return_val_if_fail (LIN_IS_SYNC_INDICATOR (self), NULL);

  gtk_menu_button_popup (GTK_MENU_BUTTON (self->button));

  return GTK_POPOVER (self->popover);
}
