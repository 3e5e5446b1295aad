/* lin-test-network.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GNetworkMonitor whose network comes and goes when a test says, for
 * the sync engine (lin_sync_start()): GIO's own base monitor, which could
 * be told, is not public.
 */

#include "config.h"

#include "lin-test-network.h"

struct _LinTestNetwork
{
  GObject  parent_instance;

  gboolean available;
};

static void lin_test_network_monitor_init (GNetworkMonitorInterface *iface);
static void lin_test_network_initable_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinTestNetwork, lin_test_network, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, lin_test_network_initable_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, lin_test_network_monitor_init))

enum {
  PROP_0,
  PROP_NETWORK_AVAILABLE,
  PROP_NETWORK_METERED,
  PROP_CONNECTIVITY,
};

static gboolean
lin_test_network_initable_init_fn (GInitable     *initable,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  return TRUE;
}

static void
lin_test_network_initable_init (GInitableIface *iface)
{
  iface->init = lin_test_network_initable_init_fn;
}

static gboolean
lin_test_network_can_reach (GNetworkMonitor     *monitor,
                            GSocketConnectable  *connectable,
                            GCancellable        *cancellable,
                            GError             **error)
{
  if (!LIN_TEST_NETWORK (monitor)->available)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, "No network (test)");
      return FALSE;
    }

  return TRUE;
}

static void
lin_test_network_monitor_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = lin_test_network_can_reach;
}

static void
lin_test_network_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LinTestNetwork *self = LIN_TEST_NETWORK (object);

  switch (prop_id)
    {
    case PROP_NETWORK_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;

    case PROP_NETWORK_METERED:
      g_value_set_boolean (value, FALSE);
      break;

    case PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL : G_NETWORK_CONNECTIVITY_LOCAL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lin_test_network_class_init (LinTestNetworkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lin_test_network_get_property;

  g_object_class_override_property (object_class, PROP_NETWORK_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_NETWORK_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
lin_test_network_init (LinTestNetwork *self)
{
}

GNetworkMonitor *
lin_test_network_new (gboolean available)
{
  LinTestNetwork *self = g_object_new (LIN_TYPE_TEST_NETWORK, NULL);

  self->available = available;

  return G_NETWORK_MONITOR (self);
}

void
lin_test_network_set_available (LinTestNetwork *self,
                                gboolean        available)
{
  g_return_if_fail (LIN_IS_TEST_NETWORK (self));

  if (self->available == available)
    return;

  self->available = available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_object_notify (G_OBJECT (self), "connectivity");
  g_signal_emit_by_name (self, "network-changed", available);
}
