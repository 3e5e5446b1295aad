/* lin-service-details.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One service of the directory, as a counsellor needs it mid-call: whether
 * it is open now, its phones with buttons that call and copy, its hours,
 * who it is for, and when someone last checked the entry (flagged after a
 * year).
 *
 * A confidential address or phone (a shelter's) is shown, since the
 * counsellor may need it herself, but marked with a warning, and its Copy
 * button asks first: it must never reach a caller by a slip of the mouse.
 */

#define G_LOG_DOMAIN "lin-service-details"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lin-call.h"
#include "lin-codes.h"
#include "lin-directory.h"
#include "lin-hours.h"
#include "lin-service-details.h"
#include "lin-service-ui.h"

struct _LinServiceDetails
{
  GtkWidget       parent_instance;

  /* Owned */
  LinRecord      *service;

  /* Borrowed */
  AdwToastOverlay *toasts;
  GtkWidget      *scroller;
  GtkWidget      *box;
};

G_DEFINE_FINAL_TYPE (LinServiceDetails, lin_service_details, GTK_TYPE_WIDGET)

static void
toast (LinServiceDetails *self,
       const char        *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static void
copy_text (LinServiceDetails *self,
           const char        *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  /* Translators: a short notice after a phone, an address or an e-mail
   * was copied */
  toast (self, _("Copied"));
}

static void
confidential_response_cb (AdwMessageDialog  *dialog,
                          const char        *response,
                          LinServiceDetails *self)
{
  if (g_strcmp0 (response, "copy") == 0)
    copy_text (self, g_object_get_data (G_OBJECT (dialog), "text"));
}

static void
copy_clicked_cb (GtkButton         *button,
                 LinServiceDetails *self)
{
  const char *text = g_object_get_data (G_OBJECT (button), "text");
  GtkWidget *dialog;

  if (!GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "confidential")))
    {
      copy_text (self, text);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   /* Translators: the title of a question before a
                                    * confidential phone or address is copied */
                                   _("Copy Confidential Information?"),
                                   /* Translators: the question before a confidential phone
                                    * or address is copied */
                                   _("This must never be given to a caller. Copy it only to contact the service yourself."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    /* Translators: a button: copy a confidential phone or address */
                                    "copy", _("_Copy Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "text", g_strdup (text), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confidential_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_clicked_cb (GtkButton         *button,
                 LinServiceDetails *self)
{
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                g_object_get_data (G_OBJECT (button), "uri"), GDK_CURRENT_TIME);
}

/* Building */

static GtkWidget *
label (const char *text,
       const char *css_class)
{
  GtkWidget *widget = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (widget), 0);
  gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (widget), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (widget), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (widget, css_class);

  return widget;
}

static GtkWidget *
notice (const char *icon,
        const char *text,
        const char *css_class,
        const char *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "lin-notice");
  gtk_widget_add_css_class (box, css_class);
  gtk_widget_set_name (box, name);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_box_append (GTK_BOX (box), label (text, NULL));

  return box;
}

static GtkWidget *
group (LinServiceDetails *self,
       const char        *title)
{
  GtkWidget *widget = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (widget), title);
  gtk_box_append (GTK_BOX (self->box), widget);

  return widget;
}

static GtkWidget *
button (LinServiceDetails *self,
        GtkWidget         *row,
        const char        *icon,
        const char        *tooltip,
        const char        *accessible)
{
  GtkWidget *widget = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (widget, "flat");
  gtk_widget_set_tooltip_text (widget, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);

  return widget;
}

/* A row of @title (what a phone or an address is) with a Copy button and,
 * with @uri, one that opens it (calls, writes, visits) */
static GtkWidget *
contact_row (LinServiceDetails *self,
             GtkWidget         *parent,
             const char        *title,
             const char        *subtitle,
             const char        *uri,
             const char        *open_icon,
             const char        *open_tooltip,
             gboolean           confidential)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *copy;
  g_autofree char *copy_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  g_object_set (row, "title-selectable", TRUE, NULL);

  if (confidential)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (row, "lin-confidential");
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }

  if (uri != NULL)
    {
      /* Translators: what a screen reader calls a button that calls a
       * phone number (or writes to an e-mail, or opens a web page):
       * "Call 011 000 0000" */
      g_autofree char *open_label = g_strdup_printf (_("%1$s %2$s"), open_tooltip, title);
      GtkWidget *open = button (self, row, open_icon, open_tooltip, open_label);

      g_object_set_data_full (G_OBJECT (open), "uri", g_strdup (uri), g_free);
      g_signal_connect_object (open, "clicked", G_CALLBACK (open_clicked_cb), self, 0);
    }

  /* Translators: what a screen reader calls a button that copies a phone,
   * an address or an e-mail: "Copy 011 000 0000" */
  copy_label = g_strdup_printf (_("Copy %s"), title);
  /* Translators: a tooltip: copy a phone, an address or an e-mail */
  copy = button (self, row, "edit-copy-symbolic", _("Copy"), copy_label);
  g_object_set_data_full (G_OBJECT (copy), "text", g_strdup (title), g_free);
  g_object_set_data (G_OBJECT (copy), "confidential", GINT_TO_POINTER (confidential));
  g_signal_connect_object (copy, "clicked", G_CALLBACK (copy_clicked_cb), self, 0);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);

  return row;
}

static GtkWidget *
info_row (GtkWidget  *parent,
          const char *title,
          const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);

  return row;
}

/* The labels of the codes in @array, ", "-joined; NULL for none */
static char *
code_labels (JsonObject *fields,
             const char *member,
             const char *list)
{
  JsonArray *array = json_object_has_member (fields, member) &&
                     JSON_NODE_HOLDS_ARRAY (json_object_get_member (fields, member))
                     ? json_object_get_array_member (fields, member) : NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *code = json_array_get_string_element (array, i);

      if (code == NULL)
        continue;
      if (out->len > 0)
        /* Translators: between the items of a list: "Serbian, Romani" */
        g_string_append (out, C_("list separator", ", "));
      g_string_append (out, lin_code_label (list, code));
    }

  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static char *
verified_text (JsonObject *fields)
{
  const char *verified = json_object_get_string_member_with_default (fields, "verified", NULL);
  const char *by = json_object_get_string_member_with_default (fields, "verified_by", NULL);
  g_autofree char *date = NULL;
  GDate parsed;

  if (verified == NULL)
    /* Translators: a directory entry no one has checked */
    return g_strdup (_("Never checked"));

  if (lin_service_ui_parse_date (verified, &parsed))
    {
      char buffer[128];

      /* Translators: the date an entry was checked, as strftime() writes it */
      if (g_date_strftime (buffer, sizeof buffer, _("%-d %B %Y"), &parsed) > 0)
        date = g_strdup (buffer);
    }
  if (date == NULL)
    date = g_strdup (verified);

  if (by != NULL)
    /* Translators: when and by whom a directory entry was last checked:
     * "12 March 2026, by Ana Petrović" */
    return g_strdup_printf (_("%1$s, by %2$s"), date, by);

  return g_steal_pointer (&date);
}

static void
build (LinServiceDetails *self)
{
  JsonObject *fields = lin_record_get_fields (self->service);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *name = json_object_get_string_member_with_default (fields, LIN_SERVICE_FIELD_NAME, "");
  const char *organisation = json_object_get_string_member_with_default (fields, "organisation", NULL);
  const char *address = json_object_get_string_member_with_default (fields, "address", NULL);
  const char *email = json_object_get_string_member_with_default (fields, "email", NULL);
  const char *web = json_object_get_string_member_with_default (fields, "web", NULL);
  const char *hours_text = json_object_get_string_member_with_default (fields, LIN_SERVICE_FIELD_HOURS, NULL);
  const char *text;
  g_autofree char *subtitle = lin_service_ui_subtitle (fields, now);
  g_autofree char *languages = code_labels (fields, LIN_SERVICE_FIELD_LANGUAGES, "language");
  g_autofree char *access = code_labels (fields, "accessibility", "accessibility");
  g_autofree char *verified = verified_text (fields);
  GtkWidget *title, *contact = NULL, *more;
  LinServiceOpen open = lin_service_ui_open (fields, now);

  title = label (name, "title-2");
  gtk_widget_set_name (title, "service-title");
  gtk_label_set_selectable (GTK_LABEL (title), TRUE);
  gtk_box_append (GTK_BOX (self->box), title);
  if (organisation != NULL)
    gtk_box_append (GTK_BOX (self->box), label (organisation, "heading"));
  gtk_box_append (GTK_BOX (self->box), label (subtitle, "dim-label"));

  if (json_object_get_boolean_member_with_default (fields, LIN_CALL_FIELD_DEMO, FALSE))
    gtk_box_append (GTK_BOX (self->box),
                    notice ("dialog-information-symbolic",
                            /* Translators: on an entry of the demo profile's directory */
                            _("A made-up entry of the demo profile: its phones and address are not real."),
                            "lin-notice-info", "service-demo"));

  if (lin_service_ui_is_stale (fields, now))
    {
      /* Translators: on a directory entry no one checked in the last year;
       * %s: when and by whom it was last checked, or "Never checked" */
      g_autofree char *warning = g_strdup_printf (_("Last checked: %s. Over a year ago: confirm the phones and hours before you refer a caller."),
                                                  verified);

      gtk_box_append (GTK_BOX (self->box), notice ("dialog-warning-symbolic", warning, "lin-notice-warning", "service-stale"));
    }

  /* Contact */
  if (json_object_has_member (fields, "phones") || address != NULL || email != NULL || web != NULL)
    /* Translators: a heading in a directory entry: phones, address, e-mail */
    contact = group (self, _("Contact"));

  if (json_object_has_member (fields, "phones") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (fields, "phones")))
    {
      JsonArray *phones = json_object_get_array_member (fields, "phones");

      for (guint i = 0; i < json_array_get_length (phones); i++)
        {
          JsonObject *phone = json_array_get_object_element (phones, i);
          const char *number = phone != NULL ? json_object_get_string_member_with_default (phone, "number", NULL) : NULL;
          const char *phone_label = phone != NULL ? json_object_get_string_member_with_default (phone, "label", NULL) : NULL;
          gboolean confidential = phone != NULL && json_object_get_boolean_member_with_default (phone, "confidential", FALSE);
          g_autofree char *uri = NULL;
          g_autofree char *sub = NULL;
          g_autoptr(GString) digits = g_string_new ("tel:");

          if (number == NULL)
            continue;
          for (const char *p = number; *p != '\0'; p++)
            if (g_ascii_isdigit (*p) || *p == '+')
              g_string_append_c (digits, *p);
          uri = g_strdup (digits->str);

          if (confidential)
            /* Translators: under a confidential phone number in a directory
             * entry; %s: what the number is, e.g. "Director" */
            sub = phone_label != NULL ? g_strdup_printf (_("%s — confidential: never give it to a caller"), phone_label)
                                      : g_strdup (_("Confidential: never give it to a caller"));
          else
            /* Translators: a phone number with no label */
            sub = g_strdup (phone_label != NULL ? phone_label : C_("phone", "Phone"));

          /* Translators: a tooltip: call a phone number */
          contact_row (self, contact, number, sub, uri, "call-start-symbolic", _("Call"), confidential);
        }
    }

  if (address != NULL)
    {
      gboolean confidential = json_object_get_boolean_member_with_default (fields, "address_confidential", FALSE);

      contact_row (self, contact, address,
                   confidential ? _("Address — confidential: never give it to a caller")
                                /* Translators: under a service's street address */
                                : _("Address"),
                   NULL, NULL, NULL, confidential);
    }

  if (email != NULL)
    {
      g_autofree char *uri = g_strdup_printf ("mailto:%s", email);

      /* Translators: under a service's e-mail address; and a tooltip: write to it */
      contact_row (self, contact, email, _("E-mail"), uri, "mail-send-symbolic", _("Write"), FALSE);
    }

  if (web != NULL)
    {
      gboolean http = g_str_has_prefix (web, "https://") || g_str_has_prefix (web, "http://");

      /* Translators: under a service's web address; and a tooltip: open it */
      contact_row (self, contact, web, _("Web"), http ? web : NULL, "web-browser-symbolic", _("Open"), FALSE);
    }

  /* Hours */
  {
    /* Translators: a heading in a directory entry */
    GtkWidget *hours_group = group (self, _("Opening Hours"));
    g_autoptr(LinHours) hours = hours_text != NULL ? lin_hours_parse (hours_text, NULL) : NULL;
    g_autofree char *display = hours != NULL ? lin_hours_dup_display (hours) : NULL;
    GtkWidget *row;

    row = info_row (hours_group, lin_service_ui_open_label (open),
                    display != NULL ? display : _("Hours not known"));
    gtk_widget_set_name (row, "service-hours");
    if (json_object_has_member (fields, LIN_SERVICE_FIELD_HOLIDAYS_CLOSED))
      info_row (hours_group,
                /* Translators: a heading in a directory entry */
                _("Public Holidays"),
                json_object_get_boolean_member_with_default (fields, LIN_SERVICE_FIELD_HOLIDAYS_CLOSED, FALSE)
                  /* Translators: a service on public holidays */
                  ? _("Closed on public holidays")
                  /* Translators: a service on public holidays */
                  : _("Open on public holidays as on other days"));
  }

  /* Who it is for */
  /* Translators: a heading in a directory entry: languages, accessibility, eligibility */
  more = group (self, _("About the Service"));
  if ((text = json_object_get_string_member_with_default (fields, "description", NULL)) != NULL)
    /* Translators: a heading in a directory entry */
    info_row (more, _("Description"), text);
  if ((text = json_object_get_string_member_with_default (fields, "eligibility", NULL)) != NULL)
    /* Translators: a heading in a directory entry: who the service is for */
    info_row (more, _("Who It Is For"), text);
  if (languages != NULL)
    /* Translators: a heading in a directory entry */
    info_row (more, _("Languages"), languages);
  if (access != NULL)
    /* Translators: a heading in a directory entry */
    info_row (more, _("Accessibility"), access);
  /* Translators: a heading in a directory entry: when and by whom the entry was checked */
  gtk_widget_set_name (info_row (more, _("Last Checked"), verified), "service-verified");
}

static void
lin_service_details_dispose (GObject *object)
{
  LinServiceDetails *self = (LinServiceDetails *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->service);

  G_OBJECT_CLASS (lin_service_details_parent_class)->dispose (object);
}

static void
lin_service_details_class_init (LinServiceDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_service_details_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "servicedetails");
}

static void
lin_service_details_init (LinServiceDetails *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->toasts), GTK_WIDGET (self));

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  adw_toast_overlay_set_child (self->toasts, self->scroller);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (self->box, 24);
  gtk_widget_set_margin_bottom (self->box, 24);
  gtk_widget_set_margin_start (self->box, 18);
  gtk_widget_set_margin_end (self->box, 18);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->box);
}

GtkWidget *
lin_service_details_new (void)
{
  return g_object_new (LIN_TYPE_SERVICE_DETAILS, NULL);
}

/**
 * lin_service_details_set_service:
 * @self: a #LinServiceDetails
 * @service: (nullable): the service to show
 */
void
lin_service_details_set_service (LinServiceDetails *self,
                                 LinRecord         *service)
{
  GtkWidget *child;

  g_return_if_fail (LIN_IS_SERVICE_DETAILS (self));

  g_set_object (&self->service, service);

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);

  if (service != NULL)
    build (self);
}

LinRecord *
lin_service_details_get_service (LinServiceDetails *self)
{
  g_return_val_if_fail (LIN_IS_SERVICE_DETAILS (self), NULL);

  return self->service;
}
