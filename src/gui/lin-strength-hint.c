/* lin-strength-hint.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A level bar and one short line that say how strong a new passphrase is,
 * updated as it is typed. It keeps no copy of the passphrase: the caller
 * passes the entry's text to lin_strength_hint_update() on every change.
 */

#define G_LOG_DOMAIN "lin-strength-hint"

#include "config.h"

#include <glib/gi18n.h>

#include "lin-strength-hint.h"

struct _LinStrengthHint
{
  GtkWidget              parent_instance;

  /* Template widgets */
  GtkLevelBar           *level_bar;
  GtkLabel              *label;

  LinPassphraseStrength  strength;
};

G_DEFINE_FINAL_TYPE (LinStrengthHint, lin_strength_hint, GTK_TYPE_WIDGET)

static void
lin_strength_hint_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LIN_TYPE_STRENGTH_HINT);

  G_OBJECT_CLASS (lin_strength_hint_parent_class)->dispose (object);
}

static void
lin_strength_hint_class_init (LinStrengthHintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lin_strength_hint_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/lin-strength-hint.ui");
  gtk_widget_class_bind_template_child (widget_class, LinStrengthHint, level_bar);
  gtk_widget_class_bind_template_child (widget_class, LinStrengthHint, label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "strengthhint");
}

static void
lin_strength_hint_init (LinStrengthHint *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  lin_strength_hint_update (self, NULL);
}

GtkWidget *
lin_strength_hint_new (void)
{
  return g_object_new (LIN_TYPE_STRENGTH_HINT, NULL);
}

/**
 * lin_strength_hint_update:
 * @self: a #LinStrengthHint
 * @passphrase: (nullable): the passphrase typed so far
 *
 * Shows how strong @passphrase is (from lin_passphrase_strength()).
 */
void
lin_strength_hint_update (LinStrengthHint *self,
                          const char      *passphrase)
{
  g_autofree char *text = NULL;
  double value;

  g_return_if_fail (LIN_IS_STRENGTH_HINT (self));

  self->strength = lin_passphrase_strength (passphrase);

  switch (self->strength)
    {
    case LIN_PASSPHRASE_TOO_SHORT:
      value = 0;
      if (passphrase == NULL || passphrase[0] == '\0')
        text = g_strdup_printf (g_dngettext (NULL,
                                             "Use at least %d character. A few ordinary words make a good passphrase.",
                                             "Use at least %d characters. A few ordinary words make a good passphrase.",
                                             LIN_PASSPHRASE_MIN_CHARS),
                                LIN_PASSPHRASE_MIN_CHARS);
      else
        /* Translators: the strength of a new passphrase */
        text = g_strdup_printf (g_dngettext (NULL,
                                             "Too short: use at least %d character",
                                             "Too short: use at least %d characters",
                                             LIN_PASSPHRASE_MIN_CHARS),
                                LIN_PASSPHRASE_MIN_CHARS);
      break;

    case LIN_PASSPHRASE_WEAK:
      value = 1;
      /* Translators: the strength of a new passphrase */
      text = g_strdup (_("Weak: a few more words would help"));
      break;

    case LIN_PASSPHRASE_FAIR:
      value = 2;
      /* Translators: the strength of a new passphrase */
      text = g_strdup (_("Fair: longer would be stronger"));
      break;

    case LIN_PASSPHRASE_GOOD:
      value = 3;
      /* Translators: the strength of a new passphrase */
      text = g_strdup (C_("passphrase strength", "Good"));
      break;

    case LIN_PASSPHRASE_STRONG:
    default:
      value = 4;
      /* Translators: the strength of a new passphrase */
      text = g_strdup (C_("passphrase strength", "Strong"));
      break;
    }

  gtk_level_bar_set_value (self->level_bar, value);
  gtk_label_set_text (self->label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

LinPassphraseStrength
lin_strength_hint_get_strength (LinStrengthHint *self)
{
  g_return_val_if_fail (LIN_IS_STRENGTH_HINT (self), LIN_PASSPHRASE_TOO_SHORT);

  return self->strength;
}

/**
 * lin_strength_hint_get_text:
 * @self: a #LinStrengthHint
 *
 * Returns: the line shown under the level bar
 */
const char *
lin_strength_hint_get_text (LinStrengthHint *self)
{
  g_return_val_if_fail (LIN_IS_STRENGTH_HINT (self), NULL);

  return gtk_label_get_text (self->label);
}
