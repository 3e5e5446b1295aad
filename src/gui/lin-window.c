/* lin-window.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lin-window"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-application.h"
#include "lin-call.h"
#include "lin-call-log-view.h"
#include "lin-call-wizard.h"
#include "lin-create-profile-page.h"
#include "lin-directory-view.h"
#include "lin-roster-offer.h"
#include "lin-roster-view.h"
#include "lin-sync-indicator.h"
#include "lin-unlock-page.h"
#include "lin-window.h"

typedef enum
{
  STATE_NONE,
  STATE_LOCKED,
  STATE_UNLOCKED,
} LinWindowState;

struct _LinWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *main_stack;
  LinCreateProfilePage *create_page;
  LinUnlockPage        *unlock_page;
  GtkWidget            *sections_box;
  AdwViewStack         *stack;
  GtkBox               *log_holder;
  LinCallLogView       *call_log_view;   /* made at the first unlock */
  LinDirectoryView     *directory_view;  /* made at the first unlock */
  LinRosterView        *roster_view;     /* made at the first unlock */
  LinRosterOffer       *roster_offer;    /* the handover note at a shift's end */
  GtkBox               *directory_holder;
  GtkBox               *roster_holder;
  GtkLabel             *demo_label;
  LinSyncIndicator     *sync_indicator;
  GtkWidget            *lock_button;
  GtkWidget            *back_button;
  GtkStack             *calls_stack;
  GtkBox               *wizard_holder;
  LinCallWizard        *call_wizard;   /* made when first needed */
  GtkWidget            *resume_button;
  GtkWidget            *saved_label;
  GtkWidget            *new_call_button;

  /* Owned */
  LinContext           *context;

  /* Borrowed */
  GtkWindow            *shortcuts_window;
  GtkApplication       *watched_application;

  LinWindowState        state;
  gboolean              creating_another;
};

G_DEFINE_FINAL_TYPE (LinWindow, lin_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the sections show of the profile.
 *
 * Section widgets that display records load them in sections_load() when
 * a profile is unlocked and drop them, with their models and any text
 * typed, in sections_clear() when it is locked: behind the lock page
 * nothing of the profile stays in a widget, and the a11y tree of a locked
 * window holds only the unlock prompt. */
static void
update_resume (LinWindow *self)
{
  LinStore *store = lin_context_get_store (self->context);
  g_autoptr(LinRecord) draft = NULL;

  if (store != NULL && (self->call_wizard == NULL || !lin_call_wizard_get_active (self->call_wizard)))
    draft = lin_call_wizard_find_draft (store);

  gtk_widget_set_visible (self->resume_button, draft != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.resume-call", draft != NULL);
}

/* Like the wizard, the call log is not needed before the first unlock:
 * made then, not at start */
static LinCallLogView *
ensure_log_view (LinWindow *self)
{
  if (self->call_log_view == NULL)
    {
      AdwViewStackPage *page = adw_view_stack_get_page (self->stack, GTK_WIDGET (self->calls_stack));

      self->call_log_view = g_object_new (LIN_TYPE_CALL_LOG_VIEW, "vexpand", TRUE, NULL);
      gtk_box_append (self->log_holder, GTK_WIDGET (self->call_log_view));
      /* the Calls section's badge counts the overdue follow-ups */
      g_object_bind_property (self->call_log_view, "n-overdue", page, "badge-number", G_BINDING_SYNC_CREATE);
    }

  return self->call_log_view;
}

static LinDirectoryView *
ensure_directory_view (LinWindow *self)
{
  if (self->directory_view == NULL)
    {
      self->directory_view = g_object_new (LIN_TYPE_DIRECTORY_VIEW, "vexpand", TRUE, NULL);
      gtk_box_append (self->directory_holder, GTK_WIDGET (self->directory_view));
    }

  return self->directory_view;
}

static LinRosterView *
ensure_roster_view (LinWindow *self)
{
  if (self->roster_view == NULL)
    {
      self->roster_view = g_object_new (LIN_TYPE_ROSTER_VIEW, "vexpand", TRUE, NULL);
      gtk_box_append (self->roster_holder, GTK_WIDGET (self->roster_view));
      /* above every section: her shift may end in the middle of a call */
      self->roster_offer = g_object_new (LIN_TYPE_ROSTER_OFFER, NULL);
      gtk_box_prepend (GTK_BOX (self->sections_box), GTK_WIDGET (self->roster_offer));
    }

  return self->roster_view;
}

static void
sections_load (LinWindow *self)
{
  lin_directory_view_set_context (ensure_directory_view (self), self->context);
  lin_roster_view_set_context (ensure_roster_view (self), self->context);
  lin_roster_offer_set_context (self->roster_offer, self->context);
  lin_call_log_view_set_store (ensure_log_view (self), lin_context_get_store (self->context));
  gtk_widget_set_visible (self->sections_box, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-call", TRUE);

  /* a call the last lock or a crash interrupted */
  update_resume (self);
}

static void
sections_clear (LinWindow *self)
{
  gtk_widget_set_visible (self->sections_box, FALSE);
  if (self->call_log_view != NULL)
    lin_call_log_view_set_store (self->call_log_view, NULL);
  if (self->directory_view != NULL)
    lin_directory_view_set_context (self->directory_view, NULL);
  if (self->roster_view != NULL)
    lin_roster_view_set_context (self->roster_view, NULL);
  if (self->roster_offer != NULL)
    lin_roster_offer_set_context (self->roster_offer, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-call", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.resume-call", FALSE);

  /* the draft was written as the store closed; the answers go */
  if (self->call_wizard != NULL)
    lin_call_wizard_clear (self->call_wizard);
  gtk_stack_set_visible_child_name (self->calls_stack, "start");
  gtk_widget_set_visible (self->resume_button, FALSE);
  gtk_widget_set_visible (self->saved_label, FALSE);

  /* the next counsellor starts at the beginning, not where this one was */
  adw_view_stack_set_visible_child_name (self->stack, "calls");
}

static gboolean
is_locked (LinWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (LIN_IS_APPLICATION (application))
    return lin_application_get_locked (LIN_APPLICATION (application));

  return lin_context_get_locked (self->context);
}

static void
show_lock_page (LinWindow *self)
{
  guint n_profiles = lin_unlock_page_reload (self->unlock_page);

  if (n_profiles == 0 || self->creating_another)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "create");
      gtk_widget_set_visible (self->back_button, n_profiles > 0);
      lin_create_profile_page_focus (self->create_page);
    }
  else
    {
      self->creating_another = FALSE;
      gtk_stack_set_visible_child_name (self->main_stack, "unlock");
      gtk_widget_set_visible (self->back_button, FALSE);
      lin_unlock_page_focus (self->unlock_page);
    }
}

static void
update_state (LinWindow *self)
{
  gboolean locked = is_locked (self);

  if (self->state == (locked ? STATE_LOCKED : STATE_UNLOCKED))
    return;

  self->state = locked ? STATE_LOCKED : STATE_UNLOCKED;

  /* No section names, no profile data, no counts while locked, not even
   * in hidden widgets or the accessibility tree: the switchers lose their
   * stack. The window's title stays "Linija". */
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, !locked);
  adw_view_switcher_title_set_stack (self->switcher_title, locked ? NULL : self->stack);
  adw_view_switcher_bar_set_stack (self->switcher_bar, locked ? NULL : self->stack);
  gtk_widget_set_visible (self->lock_button, !locked);

  if (locked)
    {
      /* first away from the sections, then empty them */
      show_lock_page (self);
      sections_clear (self);
    }
  else
    {
      self->creating_another = FALSE;
      lin_create_profile_page_reset (self->create_page);
      gtk_widget_set_visible (self->back_button, FALSE);
      sections_load (self);
      /* away from the passphrase entry that is about to hide */
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
      gtk_stack_set_visible_child_name (self->main_stack, "sections");
    }
}

static void
locked_changed_cb (LinWindow *self)
{
  update_state (self);
}

static void
application_changed_cb (LinWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (self->watched_application == application)
    return;

  if (self->watched_application != NULL)
    g_signal_handlers_disconnect_by_func (self->watched_application, locked_changed_cb, self);
  g_set_weak_pointer (&self->watched_application, application);

  if (LIN_IS_APPLICATION (application))
    g_signal_connect_object (application, "notify::locked",
                             G_CALLBACK (locked_changed_cb), self,
                             G_CONNECT_SWAPPED);

  update_state (self);
}

static void
create_profile_cb (LinWindow *self)
{
  self->creating_another = TRUE;
  lin_create_profile_page_reset (self->create_page);
  show_lock_page (self);
}

static void
created_locked_cb (LinWindow *self)
{
  /* the new profile waits on the unlock page */
  if (self->state == STATE_LOCKED)
    {
      self->creating_another = FALSE;
      show_lock_page (self);
    }
}

static void
back_clicked_cb (LinWindow *self)
{
  lin_create_profile_page_cancel (self->create_page);
  lin_create_profile_page_reset (self->create_page);
  self->creating_another = FALSE;
  show_lock_page (self);
}

static void
visible_child_changed_cb (LinWindow    *self,
                          GParamSpec   *pspec,
                          AdwViewStack *stack)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);

  /* the directory opens ready to type a town or a name */
  if (self->directory_view != NULL &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "directory") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->directory_view));
}

static void
call_saved_cb (LinWindow *self)
{
  gtk_stack_set_visible_child_name (self->calls_stack, "start");
  gtk_widget_set_visible (self->saved_label, TRUE);
  update_resume (self);
  gtk_widget_grab_focus (gtk_widget_get_visible (self->resume_button)
                         ? self->resume_button
                         : self->new_call_button);
}

static void
call_discarded_cb (LinWindow *self)
{
  gtk_stack_set_visible_child_name (self->calls_stack, "start");
  gtk_widget_set_visible (self->saved_label, FALSE);
  update_resume (self);
  gtk_widget_grab_focus (self->new_call_button);
}

/* The wizard has some hundred widgets: made at the first call of the
 * window's life rather than at start, where it cost a fifth of the time
 * to the first frame (bench-startup) */
static LinCallWizard *
ensure_wizard (LinWindow *self)
{
  if (self->call_wizard == NULL)
    {
      self->call_wizard = g_object_new (LIN_TYPE_CALL_WIZARD,
                                        "name", "call-wizard",
                                        "vexpand", TRUE,
                                        NULL);
      lin_call_wizard_set_context (self->call_wizard, self->context);
      g_signal_connect_object (self->call_wizard, "saved", G_CALLBACK (call_saved_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->call_wizard, "discarded", G_CALLBACK (call_discarded_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->wizard_holder, GTK_WIDGET (self->call_wizard));
    }

  return self->call_wizard;
}

static void
new_call_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  lin_window_new_call (LIN_WINDOW (widget));
}

static void
resume_call_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  lin_window_resume_call (LIN_WINDOW (widget));
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  lin_window_set_section (LIN_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  lin_window_show_shortcuts (LIN_WINDOW (widget));
}

static void
lin_window_constructed (GObject *object)
{
  LinWindow *self = (LinWindow *)object;
  GSettings *settings;

  G_OBJECT_CLASS (lin_window_parent_class)->constructed (object);

  g_assert (LIN_IS_CONTEXT (self->context));

  settings = lin_context_get_settings (self->context);
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  if (lin_context_get_demo (self->context))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->demo_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
    }

  lin_create_profile_page_set_context (self->create_page, self->context);
  lin_unlock_page_set_context (self->unlock_page, self->context);
  /* shown while the profile is unlocked and in an organisation */
  lin_sync_indicator_set_context (self->sync_indicator, self->context);

  g_signal_connect_object (self->context, "notify::locked",
                           G_CALLBACK (locked_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);
  application_changed_cb (self);
  update_state (self);
}

static void
lin_window_dispose (GObject *object)
{
  LinWindow *self = (LinWindow *)object;

  if (self->watched_application != NULL)
    g_signal_handlers_disconnect_by_func (self->watched_application, locked_changed_cb, self);
  g_clear_weak_pointer (&self->watched_application);

  gtk_widget_dispose_template (GTK_WIDGET (self), LIN_TYPE_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lin_window_parent_class)->dispose (object);
}

static void
lin_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LinWindow *self = LIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, lin_window_get_context (self));
      break;

    case PROP_SECTION:
      g_value_set_string (value, lin_window_get_section (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LinWindow *self = LIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_SECTION:
      lin_window_set_section (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_window_class_init (LinWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lin_window_constructed;
  object_class->dispose = lin_window_dispose;
  object_class->get_property = lin_window_get_property;
  object_class->set_property = lin_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LIN_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL,
                         "calls",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIN_TYPE_CREATE_PROFILE_PAGE);
  g_type_ensure (LIN_TYPE_UNLOCK_PAGE);
  g_type_ensure (LIN_TYPE_SYNC_INDICATOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lin-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LinWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, create_page);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, unlock_page);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, sections_box);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, directory_holder);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, roster_holder);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, log_holder);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, demo_label);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, lock_button);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, calls_stack);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, wizard_holder);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, resume_button);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, saved_label);
  gtk_widget_class_bind_template_child (widget_class, LinWindow, new_call_button);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_profile_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, created_locked_cb);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.new-call", NULL, new_call_action);
  gtk_widget_class_install_action (widget_class, "win.resume-call", NULL, resume_call_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-section", "s", "calls");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-section", "s", "directory");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-section", "s", "roster");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-section", "s", "reports");
}

static void
lin_window_init (LinWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-call", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.resume-call", FALSE);
}

LinWindow *
lin_window_new (GtkApplication *application,
                LinContext     *context)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LIN_IS_CONTEXT (context), NULL);

  return g_object_new (LIN_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

LinContext *
lin_window_get_context (LinWindow *self)
{
  g_return_val_if_fail (LIN_IS_WINDOW (self), NULL);

  return self->context;
}

/**
 * lin_window_get_section:
 * @self: a #LinWindow
 *
 * Returns: the name of the section in view: "calls", "directory",
 *   "roster" or "reports"
 */
const char *
lin_window_get_section (LinWindow *self)
{
  g_return_val_if_fail (LIN_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
lin_window_set_section (LinWindow  *self,
                        const char *section)
{
  g_return_if_fail (LIN_IS_WINDOW (self));
  g_return_if_fail (section != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, section) == NULL)
    {
      g_warning ("No section named %s", section);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, section);
}

/**
 * lin_window_show_shortcuts:
 * @self: a #LinWindow
 *
 * Shows the keyboard shortcuts window. It is built on first use rather
 * than with the main window (as GTK does for gtk/help-overlay.ui), which
 * keeps it off the path to the first frame.
 *
 * Returns: (transfer none): the shortcuts window
 */
GtkWindow *
lin_window_show_shortcuts (LinWindow *self)
{
  g_return_val_if_fail (LIN_IS_WINDOW (self), NULL);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;
      GObject *quick_hide;

      builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/lin-shortcuts-window.ui");
      self->shortcuts_window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      quick_hide = gtk_builder_get_object (builder, "quick_hide_shortcut");
      /* one of the application's windows: quick hide works there too, and
       * a lock closes it */
      gtk_window_set_application (self->shortcuts_window, gtk_window_get_application (GTK_WINDOW (self)));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      gtk_window_set_destroy_with_parent (self->shortcuts_window, TRUE);
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts_window),
                                 (gpointer *)&self->shortcuts_window);
      g_object_set_data (G_OBJECT (self->shortcuts_window), "lin-quick-hide", quick_hide);
    }

  /* the quick hide key is a setting: show the one in force */
  {
    GObject *quick_hide = g_object_get_data (G_OBJECT (self->shortcuts_window), "lin-quick-hide");
    GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

    if (quick_hide != NULL && application != NULL)
      {
        g_auto(GStrv) accels = gtk_application_get_accels_for_action (application, "app.quick-hide");

        if (accels != NULL && accels[0] != NULL)
          g_object_set (quick_hide, "accelerator", accels[0], NULL);
      }
  }

  gtk_window_present (self->shortcuts_window);

  return self->shortcuts_window;
}

/**
 * lin_window_get_page:
 * @self: a #LinWindow
 *
 * Returns: what the window shows: "create" (a new profile), "unlock" or
 *   "sections"
 */
const char *
lin_window_get_page (LinWindow *self)
{
  g_return_val_if_fail (LIN_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

/**
 * lin_window_cancel_unlock:
 * @self: a #LinWindow
 *
 * Abandons an unlock or a profile creation under way and empties the
 * passphrase entries: the window is being locked or hidden.
 */
void
lin_window_cancel_unlock (LinWindow *self)
{
  g_return_if_fail (LIN_IS_WINDOW (self));

  lin_unlock_page_cancel (self->unlock_page);
  lin_create_profile_page_cancel (self->create_page);
}

/**
 * lin_window_new_call:
 * @self: a #LinWindow
 *
 * Shows the call wizard in the Calls section (Ctrl+N, the New Call
 * button): a new call, or the one being taken if there is one.
 *
 * Returns: (transfer none) (nullable): the wizard, or %NULL while locked
 */
LinCallWizard *
lin_window_new_call (LinWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LIN_IS_WINDOW (self), NULL);

  if (self->state != STATE_UNLOCKED)
    return NULL;

  /* shown first, so that the wizard can take the focus */
  lin_window_set_section (self, "calls");
  gtk_widget_set_visible (self->saved_label, FALSE);
  gtk_stack_set_visible_child_name (self->calls_stack, "wizard");

  ensure_wizard (self);
  if (!lin_call_wizard_get_active (self->call_wizard) &&
      !lin_call_wizard_start (self->call_wizard, &error))
    {
      gtk_stack_set_visible_child_name (self->calls_stack, "start");
      g_warning ("A new call could not start: %s", error->message);
      return NULL;
    }

  update_resume (self);

  return self->call_wizard;
}

/**
 * lin_window_resume_call:
 * @self: a #LinWindow
 *
 * Resumes the newest unfinished call, where it was left.
 *
 * Returns: (transfer none) (nullable): the wizard, or %NULL when there is
 *   no draft to resume
 */
LinCallWizard *
lin_window_resume_call (LinWindow *self)
{
  g_autoptr(LinRecord) draft = NULL;
  g_autoptr(GError) error = NULL;
  LinStore *store;

  g_return_val_if_fail (LIN_IS_WINDOW (self), NULL);

  if (self->state != STATE_UNLOCKED || (store = lin_context_get_store (self->context)) == NULL)
    return NULL;

  if (lin_call_wizard_get_active (ensure_wizard (self)))
    return lin_window_new_call (self);

  draft = lin_call_wizard_find_draft (store);
  if (draft == NULL)
    return NULL;

  lin_window_set_section (self, "calls");
  gtk_widget_set_visible (self->saved_label, FALSE);
  gtk_stack_set_visible_child_name (self->calls_stack, "wizard");

  if (!lin_call_wizard_resume (self->call_wizard, draft, &error))
    {
      gtk_stack_set_visible_child_name (self->calls_stack, "start");
      g_warning ("The unfinished call could not be resumed: %s", error->message);
      return NULL;
    }

  update_resume (self);

  return self->call_wizard;
}

/**
 * lin_window_show_call:
 * @self: a #LinWindow
 * @call_id: a call record's id
 *
 * The Calls section with the details of @call_id, and the window in
 * front. Not while a call is being taken: the wizard stays where it is.
 *
 * Returns: %TRUE if the call is shown; %FALSE while locked, while the
 *   wizard is open, or when there is no such call
 */
gboolean
lin_window_show_call (LinWindow  *self,
                      const char *call_id)
{
  LinStore *store;
  LinRecord *call;

  g_return_val_if_fail (LIN_IS_WINDOW (self), FALSE);

  if (self->state != STATE_UNLOCKED || (store = lin_context_get_store (self->context)) == NULL ||
      call_id == NULL || (call = lin_store_get (store, call_id)) == NULL ||
      !g_str_equal (lin_record_get_kind (call), LIN_CALL_KIND) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->calls_stack), "wizard") == 0)
    return FALSE;

  lin_window_set_section (self, "calls");
  lin_call_log_view_show_pane (ensure_log_view (self), "log");
  lin_call_log_view_show_call (self->call_log_view, call);
  gtk_window_present (GTK_WINDOW (self));

  return TRUE;
}

/**
 * lin_window_get_call_wizard:
 * @self: a #LinWindow
 *
 * Returns: (transfer none): the call wizard of the Calls section
 */
LinCallWizard *
lin_window_get_call_wizard (LinWindow *self)
{
  g_return_val_if_fail (LIN_IS_WINDOW (self), NULL);

  return ensure_wizard (self);
}
