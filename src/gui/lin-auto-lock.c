/* lin-auto-lock.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks for a lock when Linija has not been used for a while, and when the
 * desktop's screensaver comes on. Any key, pointer motion, click or scroll
 * in any window of the application counts as use: each window gets
 * capture-phase controllers that only note the time and never stop an
 * event. The screensaver is heard on the session bus (GNOME's and the
 * freedesktop.org interface's ActiveChanged signal); without a bus or a
 * screensaver, only the idle timer works.
 */

#define G_LOG_DOMAIN "lin-auto-lock"

#include "config.h"

#include "lin-auto-lock.h"

struct _LinAutoLock
{
  GObject          parent_instance;

  /* Owned */
  GDBusConnection *bus;
  GCancellable    *cancellable;

  /* Borrowed */
  GtkApplication  *application;

  guint            subscriptions[2];
  guint            timeout;        /* seconds; 0 never */
  guint            timer_id;
  gint64           last_activity;
  gboolean         active;
};

G_DEFINE_FINAL_TYPE (LinAutoLock, lin_auto_lock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_APPLICATION,
  PROP_TIMEOUT,
  PROP_ACTIVE,
  N_PROPS
};

enum {
  LOCK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const screensaver_interfaces[] = {
  "org.gnome.ScreenSaver",
  "org.freedesktop.ScreenSaver",
};

static gboolean timer_cb (gpointer user_data);

static void
schedule (LinAutoLock *self,
          gint64       delay_usec)
{
  g_clear_handle_id (&self->timer_id, g_source_remove);

  if (!self->active || self->timeout == 0)
    return;

  /* at least 50 ms, so that a timer never spins */
  self->timer_id = g_timeout_add ((guint)MAX (delay_usec / 1000, 50), timer_cb, self);
}

static gboolean
timer_cb (gpointer user_data)
{
  LinAutoLock *self = user_data;
  gint64 idle = g_get_monotonic_time () - self->last_activity;
  gint64 limit = (gint64)self->timeout * G_USEC_PER_SEC;

  self->timer_id = 0;

  /* Activity only notes the time; here the timer catches up with it. */
  if (idle < limit)
    {
      schedule (self, limit - idle);
      return G_SOURCE_REMOVE;
    }

  g_debug ("Idle for %u s: locking", self->timeout);
  g_signal_emit (self, signals[LOCK], 0);

  return G_SOURCE_REMOVE;
}

static gboolean
key_pressed_cb (LinAutoLock *self)
{
  lin_auto_lock_reset (self);
  return GDK_EVENT_PROPAGATE;
}

static void
activity_cb (LinAutoLock *self)
{
  lin_auto_lock_reset (self);
}

static gboolean
scroll_cb (LinAutoLock *self)
{
  lin_auto_lock_reset (self);
  return GDK_EVENT_PROPAGATE;
}

static void
watch_window (LinAutoLock *self,
              GtkWindow   *window)
{
  GtkEventController *controller;
  GtkGesture *click;

  if (g_object_get_data (G_OBJECT (window), "lin-auto-lock") != NULL)
    return;
  g_object_set_data (G_OBJECT (window), "lin-auto-lock", self);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (controller, "lin-auto-lock-key");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  controller = gtk_event_controller_motion_new ();
  gtk_event_controller_set_name (controller, "lin-auto-lock-motion");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "motion", G_CALLBACK (activity_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_name (controller, "lin-auto-lock-scroll");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (click), "lin-auto-lock-click");
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (activity_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (click));
}

static void
window_added_cb (LinAutoLock    *self,
                 GtkWindow      *window,
                 GtkApplication *application)
{
  watch_window (self, window);
}

static void
screensaver_cb (GDBusConnection *connection,
                const char      *sender_name,
                const char      *object_path,
                const char      *interface_name,
                const char      *signal_name,
                GVariant        *parameters,
                gpointer         user_data)
{
  LinAutoLock *self = user_data;
  gboolean active = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    return;

  g_variant_get (parameters, "(b)", &active);
  if (!active || !self->active)
    return;

  g_debug ("The screensaver came on: locking");
  g_signal_emit (self, signals[LOCK], 0);
}

static void
bus_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(LinAutoLock) self = user_data;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus;

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No session bus, so no screensaver to follow: %s", error->message);
      return;
    }

  self->bus = bus;

  /* Any sender: the screensaver's unique name is not known in advance,
   * and a signal that is never sent costs nothing. */
  for (guint i = 0; i < G_N_ELEMENTS (screensaver_interfaces); i++)
    self->subscriptions[i] =
      g_dbus_connection_signal_subscribe (self->bus,
                                          NULL,
                                          screensaver_interfaces[i],
                                          "ActiveChanged",
                                          NULL,
                                          NULL,
                                          G_DBUS_SIGNAL_FLAGS_NONE,
                                          screensaver_cb,
                                          self,
                                          NULL);
}

static void
lin_auto_lock_constructed (GObject *object)
{
  LinAutoLock *self = (LinAutoLock *)object;

  G_OBJECT_CLASS (lin_auto_lock_parent_class)->constructed (object);

  g_assert (GTK_IS_APPLICATION (self->application));

  g_signal_connect_object (self->application, "window-added",
                           G_CALLBACK (window_added_cb), self,
                           G_CONNECT_SWAPPED);
  for (GList *l = gtk_application_get_windows (self->application); l != NULL; l = l->next)
    watch_window (self, l->data);

  self->cancellable = g_cancellable_new ();
  g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, bus_cb, g_object_ref (self));
}

static void
lin_auto_lock_dispose (GObject *object)
{
  LinAutoLock *self = (LinAutoLock *)object;

  g_clear_handle_id (&self->timer_id, g_source_remove);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->bus != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (self->subscriptions); i++)
      if (self->subscriptions[i] != 0)
        {
          g_dbus_connection_signal_unsubscribe (self->bus, self->subscriptions[i]);
          self->subscriptions[i] = 0;
        }
  g_clear_object (&self->bus);

  if (self->application != NULL)
    {
      for (GList *l = gtk_application_get_windows (self->application); l != NULL; l = l->next)
        if (g_object_get_data (l->data, "lin-auto-lock") == self)
          g_object_set_data (l->data, "lin-auto-lock", NULL);
      g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *)&self->application);
      self->application = NULL;
    }

  G_OBJECT_CLASS (lin_auto_lock_parent_class)->dispose (object);
}

static void
lin_auto_lock_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LinAutoLock *self = LIN_AUTO_LOCK (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, lin_auto_lock_get_timeout (self));
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, lin_auto_lock_get_active (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_auto_lock_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LinAutoLock *self = LIN_AUTO_LOCK (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      self->application = g_value_get_object (value);
      if (self->application != NULL)
        g_object_add_weak_pointer (G_OBJECT (self->application), (gpointer *)&self->application);
      break;

    case PROP_TIMEOUT:
      lin_auto_lock_set_timeout (self, g_value_get_uint (value));
      break;

    case PROP_ACTIVE:
      lin_auto_lock_set_active (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_auto_lock_class_init (LinAutoLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lin_auto_lock_constructed;
  object_class->dispose = lin_auto_lock_dispose;
  object_class->get_property = lin_auto_lock_get_property;
  object_class->set_property = lin_auto_lock_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL,
                         GTK_TYPE_APPLICATION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       0, G_MAXUINT / 2, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LinAutoLock::lock:
   *
   * Linija was idle for #LinAutoLock:timeout seconds, or the screensaver
   * came on, while #LinAutoLock:active.
   */
  signals[LOCK] =
    g_signal_new ("lock",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
lin_auto_lock_init (LinAutoLock *self)
{
  self->last_activity = g_get_monotonic_time ();
}

/**
 * lin_auto_lock_new:
 * @application: the application whose windows to watch
 *
 * Returns: (transfer full): a new, inactive #LinAutoLock
 */
LinAutoLock *
lin_auto_lock_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (LIN_TYPE_AUTO_LOCK,
                       "application", application,
                       NULL);
}

guint
lin_auto_lock_get_timeout (LinAutoLock *self)
{
  g_return_val_if_fail (LIN_IS_AUTO_LOCK (self), 0);

  return self->timeout;
}

/**
 * lin_auto_lock_set_timeout:
 * @self: a #LinAutoLock
 * @seconds: idle seconds before #LinAutoLock::lock; 0 never
 *
 * Sets the idle time, counted afresh from now.
 */
void
lin_auto_lock_set_timeout (LinAutoLock *self,
                           guint        seconds)
{
  g_return_if_fail (LIN_IS_AUTO_LOCK (self));

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  lin_auto_lock_reset (self);
  schedule (self, (gint64)seconds * G_USEC_PER_SEC);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

gboolean
lin_auto_lock_get_active (LinAutoLock *self)
{
  g_return_val_if_fail (LIN_IS_AUTO_LOCK (self), FALSE);

  return self->active;
}

/**
 * lin_auto_lock_set_active:
 * @self: a #LinAutoLock
 * @active: whether there is anything to lock
 *
 * The timer runs and the screensaver is heeded only while active, that
 * is while a profile is unlocked.
 */
void
lin_auto_lock_set_active (LinAutoLock *self,
                          gboolean     active)
{
  g_return_if_fail (LIN_IS_AUTO_LOCK (self));

  active = !!active;
  if (self->active == active)
    return;

  self->active = active;
  lin_auto_lock_reset (self);
  schedule (self, (gint64)self->timeout * G_USEC_PER_SEC);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/**
 * lin_auto_lock_reset:
 * @self: a #LinAutoLock
 *
 * Counts the idle time from now: Linija was just used.
 */
void
lin_auto_lock_reset (LinAutoLock *self)
{
  g_return_if_fail (LIN_IS_AUTO_LOCK (self));

  self->last_activity = g_get_monotonic_time ();
}
