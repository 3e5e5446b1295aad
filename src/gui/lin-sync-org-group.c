/* lin-sync-org-group.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences › Organisation: before this profile is enrolled, the two
 * ways in (the coordinator creates the organisation, any other laptop
 * joins it); after, where it is enrolled, as what, whether approved yet,
 * and this device's safety number. It follows LinContext's "sync" and
 * LinSync's "status" on its own.
 */

#define G_LOG_DOMAIN "lin-sync-org-group"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-sync-org-group.h"

struct _LinSyncOrgGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Owned */
  LinContext          *context;
  LinSync             *sync;

  /* Borrowed */
  GtkWidget           *found_row;
  GtkWidget           *join_row;
  GtkWidget           *server_row;
  GtkWidget           *org_row;
  GtkWidget           *role_row;
  GtkWidget           *state_row;
  GtkWidget           *number_row;
  GtkLabel            *server_label;
  GtkLabel            *org_label;
  GtkLabel            *role_label;
  GtkLabel            *state_label;
  GtkLabel            *number_label;
};

G_DEFINE_FINAL_TYPE (LinSyncOrgGroup, lin_sync_org_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
add_choice (LinSyncOrgGroup *self,
            const char      *name,
            const char      *title,
            const char      *subtitle,
            GCallback        callback)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  g_signal_connect_swapped (row, "activated", callback, self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);

  return row;
}

/* A fact: its name, its value on the right, selectable */
static GtkWidget *
add_fact (LinSyncOrgGroup  *self,
          const char       *name,
          const char       *title,
          gboolean          long_value,
          GtkLabel        **value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  if (long_value)
    {
      /* an address or an id: broken anywhere, but never to a sliver */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 20);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  *value = GTK_LABEL (label);

  return row;
}

/**
 * lin_sync_org_is_pending:
 * @sync: a #LinSync
 *
 * Whether the coordinator has not approved this device yet. Not
 * LinSync:status, which says SYNCING while a pending device asks.
 *
 * Returns: %TRUE until the device has its certificate and keys
 */
gboolean
lin_sync_org_is_pending (LinSync *sync)
{
  g_return_val_if_fail (LIN_IS_SYNC (sync), TRUE);

  return g_strcmp0 (lin_record_get_string (lin_sync_get_account (sync), LIN_SYNC_ACCOUNT_FIELD_STATE), "approved") != 0;
}

static void
update (LinSyncOrgGroup *self)
{
  gboolean locked = lin_context_get_locked (self->context);
  gboolean demo = lin_context_get_demo (self->context);
  gboolean enrolled = self->sync != NULL;
  gboolean pending = enrolled && lin_sync_org_is_pending (self->sync);

  /* nothing of the profile while no profile is open */
  gtk_widget_set_visible (GTK_WIDGET (self), !locked);

  gtk_widget_set_visible (self->found_row, !enrolled && !demo);
  gtk_widget_set_visible (self->join_row, !enrolled && !demo);
  gtk_widget_set_visible (self->server_row, enrolled);
  gtk_widget_set_visible (self->org_row, enrolled);
  gtk_widget_set_visible (self->role_row, enrolled);
  gtk_widget_set_visible (self->state_row, enrolled);
  gtk_widget_set_visible (self->number_row, enrolled);

  if (demo)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("The demo profile never joins an organisation: its records are made up and stay on this device."));
      return;
    }
  if (!enrolled)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("Share records with the organisation’s other devices through its server. The server keeps them encrypted and cannot read them."));
      return;
    }

  {
    LinRecord *account = lin_sync_get_account (self->sync);
    g_autofree char *number = lin_sync_dup_safety_number (self->sync);
    gboolean coordinator = lin_sync_is_coordinator (self->sync);

    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);
    gtk_label_set_text (self->server_label, lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_SERVER));
    gtk_label_set_text (self->org_label, lin_record_get_string (account, LIN_SYNC_ACCOUNT_FIELD_ORG_ID));
    gtk_label_set_text (self->role_label,
                        /* Translators: Preferences › Organisation › This Device: whose it is */
                        coordinator ? C_("device role", "Coordinator’s")
                                    /* Translators: Preferences › Organisation › This Device: a counsellor's or volunteer's */
                                    : C_("device role", "Member’s"));
    gtk_label_set_text (self->state_label,
                        pending ? _("Waiting for the coordinator’s approval") : _("Approved"));
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), pending ? "success" : "warning");
    gtk_widget_add_css_class (GTK_WIDGET (self->state_label), pending ? "warning" : "success");
    gtk_label_set_text (self->number_label, number);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->number_row),
                                 pending ? _("Read it to the coordinator, by phone or in person: she compares it before she approves this device.")
                                         : _("The coordinator compared it when she approved this device."));
  }
}

static void
status_changed_cb (LinSyncOrgGroup *self)
{
  update (self);
}

static void
sync_changed_cb (LinSyncOrgGroup *self)
{
  LinSync *sync = lin_context_get_sync (self->context);

  if (self->sync != sync)
    {
      if (self->sync != NULL)
        g_signal_handlers_disconnect_by_func (self->sync, status_changed_cb, self);
      g_set_object (&self->sync, sync);
      if (self->sync != NULL)
        g_signal_connect_object (self->sync, "notify::status", G_CALLBACK (status_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }

  update (self);
}

static void
found_activated_cb (LinSyncOrgGroup *self)
{
  lin_sync_org_group_show_enrol (self, LIN_SYNC_ENROL_FOUND);
}

static void
join_activated_cb (LinSyncOrgGroup *self)
{
  lin_sync_org_group_show_enrol (self, LIN_SYNC_ENROL_JOIN);
}

static void
lin_sync_org_group_constructed (GObject *object)
{
  LinSyncOrgGroup *self = (LinSyncOrgGroup *)object;

  G_OBJECT_CLASS (lin_sync_org_group_parent_class)->constructed (object);

  g_assert (LIN_IS_CONTEXT (self->context));

  g_signal_connect_object (self->context, "notify::sync", G_CALLBACK (sync_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::locked", G_CALLBACK (sync_changed_cb), self, G_CONNECT_SWAPPED);
  sync_changed_cb (self);
}

static void
lin_sync_org_group_dispose (GObject *object)
{
  LinSyncOrgGroup *self = (LinSyncOrgGroup *)object;

  if (self->sync != NULL)
    g_signal_handlers_disconnect_by_func (self->sync, status_changed_cb, self);
  g_clear_object (&self->sync);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (lin_sync_org_group_parent_class)->dispose (object);
}

static void
lin_sync_org_group_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LinSyncOrgGroup *self = LIN_SYNC_ORG_GROUP (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_sync_org_group_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LinSyncOrgGroup *self = LIN_SYNC_ORG_GROUP (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_sync_org_group_class_init (LinSyncOrgGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lin_sync_org_group_constructed;
  object_class->dispose = lin_sync_org_group_dispose;
  object_class->get_property = lin_sync_org_group_get_property;
  object_class->set_property = lin_sync_org_group_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LIN_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lin_sync_org_group_init (LinSyncOrgGroup *self)
{
  gtk_widget_set_name (GTK_WIDGET (self), "organisation-group");
  /* Translators: a heading in Preferences: the organisation this laptop syncs with */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Organisation"));

  self->found_row = add_choice (self, "found-row", _("_Create the Organisation…"),
                                _("On the coordinator’s laptop, once: with the founding code the server printed (“linija-server org create”)"),
                                G_CALLBACK (found_activated_cb));
  self->join_row = add_choice (self, "join-row", _("_Join an Organisation…"),
                               _("On a counsellor’s or volunteer’s laptop: with an invite code from the coordinator"),
                               G_CALLBACK (join_activated_cb));

  /* Translators: Preferences › Organisation: the address of the server */
  self->server_row = add_fact (self, "server-row", _("Server"), TRUE, &self->server_label);
  /* Translators: Preferences › Organisation: the organisation's id (letters and digits) */
  self->org_row = add_fact (self, "org-row", _("Organisation ID"), TRUE, &self->org_label);
  /* Translators: Preferences › Organisation: the coordinator's or a member's */
  self->role_row = add_fact (self, "role-row", _("This Device"), FALSE, &self->role_label);
  /* Translators: Preferences › Organisation: waiting for approval, or approved */
  self->state_row = add_fact (self, "state-row", _("State"), FALSE, &self->state_label);
  self->number_row = add_fact (self, "number-row", _("Safety Number"), FALSE, &self->number_label);
  gtk_widget_set_name (GTK_WIDGET (self->number_label), "org-safety-number");
  gtk_widget_set_name (GTK_WIDGET (self->state_label), "org-state");
  gtk_widget_add_css_class (GTK_WIDGET (self->number_label), "monospace");
  gtk_widget_add_css_class (GTK_WIDGET (self->number_label), "heading");
}

GtkWidget *
lin_sync_org_group_new (LinContext *context)
{
  g_return_val_if_fail (LIN_IS_CONTEXT (context), NULL);

  return g_object_new (LIN_TYPE_SYNC_ORG_GROUP,
                       "context", context,
                       NULL);
}

/**
 * lin_sync_org_group_show_enrol:
 * @self: a #LinSyncOrgGroup in an #AdwPreferencesWindow
 * @mode: create or join
 *
 * Returns: (transfer none) (nullable): the enrolment page, or %NULL when
 *   locked, already enrolled or not in a preferences window
 */
GtkWidget *
lin_sync_org_group_show_enrol (LinSyncOrgGroup  *self,
                               LinSyncEnrolMode  mode)
{
  GtkRoot *root;
  GtkWidget *page;

  g_return_val_if_fail (LIN_IS_SYNC_ORG_GROUP (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (lin_context_get_locked (self->context) || self->sync != NULL || !ADW_IS_PREFERENCES_WINDOW (root))
    return NULL;

  page = lin_sync_enrol_page_new (self->context, mode);
  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (root), page);

  return page;
}
