/* lin-call-log-row.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the call log: two or three lines of text and the risk badge,
 * drawn by one widget. GTK 4.8's list view makes its 200 rows anew each
 * time a filter changes every row, and each widget of a row is another to
 * make, style, measure and destroy: as a box, a label and a badge label
 * the risk filter took 42-52 ms of the 50 it may, as one widget 31-32 ms
 * (measured with bench-call-log, 100,000 calls). The badge says the
 * level in words, small and bold, on a pill of the theme's calm colour for
 * it (success, warning, accent, faint), which only repeats the words.
 *
 * Of those 200 rows a window shows about 15, yet the list measures them
 * all. So a row lays its words out only when it is drawn, or measured
 * for the first time with that many lines: each line is one paragraph,
 * ellipsized on its own, so a row's height depends only on how many lines
 * it has, and the row remembers it. Its natural width is its least: the
 * lists sit in scrolled windows that take the width they are given. A
 * list can go further and ask for the words only when the row is drawn
 * (lin_call_log_row_set_later(), #LinCallLogRow::fill), as the directory's
 * search does. With both, a frame after a letter typed in the directory's
 * search lays out in 1.0 ms instead of 4.7, median (bench-directory-view).
 */

#define G_LOG_DOMAIN "lin-call-log-row"

#include "config.h"

#include "lin-call-log-row.h"
#include "lin-call-ui.h"

#define SPACING      6
#define BADGE_PAD_X  8
#define BADGE_PAD_Y  1
#define MIN_TEXT     48  /* px of text at the least */
#define MAX_LINES    8   /* rows remember their height for up to this many lines */

struct _LinCallLogRow
{
  GtkWidget     parent_instance;

  char         *text;      /* the words, for assistive technologies and tests */
  char         *markup;    /* the lines not laid out yet, or NULL */
  PangoLayout  *layout;    /* the lines, from markup */
  PangoLayout  *badge;     /* NULL: not assessed */
  LinRiskLevel  risk;
  guint         n_lines;
  int           text_width;  /* px the lines may take, as allocated */
  int           heights[MAX_LINES + 1];  /* px, by number of lines; 0: not known yet */
  gboolean      pending;   /* the words are to be asked for with ::fill */
  gboolean      filling;
};

G_DEFINE_FINAL_TYPE (LinCallLogRow, lin_call_log_row, GTK_TYPE_WIDGET)

enum {
  FILL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The words, when lin_call_log_row_set_later() put them off */
static void
need_content (LinCallLogRow *self)
{
  if (!self->pending || self->filling)
    return;

  self->pending = FALSE;
  self->filling = TRUE;
  g_signal_emit (self, signals[FILL], 0);
  self->filling = FALSE;
}

static void
badge_size (LinCallLogRow *self,
            int           *width,
            int           *height)
{
  *width = *height = 0;
  if (self->badge == NULL)
    return;

  pango_layout_get_pixel_size (self->badge, width, height);
  *width += 2 * BADGE_PAD_X;
  *height += 2 * BADGE_PAD_Y;
}

/* The lines laid out, at the width the row was given */
static void
ensure_layout (LinCallLogRow *self)
{
  if (self->markup != NULL)
    {
      pango_layout_set_markup (self->layout, self->markup, -1);
      g_clear_pointer (&self->markup, g_free);
    }
  if (pango_layout_get_width (self->layout) != self->text_width * PANGO_SCALE)
    pango_layout_set_width (self->layout, self->text_width < 0 ? -1 : self->text_width * PANGO_SCALE);
}

static int
text_height (LinCallLogRow *self)
{
  guint i = MIN (self->n_lines, MAX_LINES);

  if (self->heights[i] == 0)
    {
      int height;

      need_content (self);
      ensure_layout (self);
      pango_layout_get_pixel_size (self->layout, NULL, &height);
      self->heights[i] = MAX (height, 1);
    }

  return self->heights[i];
}

static void
lin_call_log_row_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  LinCallLogRow *self = LIN_CALL_LOG_ROW (widget);
  int width, height;

  badge_size (self, &width, &height);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = MIN_TEXT + (width > 0 ? SPACING + width : 0);
  else
    *minimum = *natural = MAX (text_height (self), height);
}

static void
lin_call_log_row_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  LinCallLogRow *self = LIN_CALL_LOG_ROW (widget);
  int badge_width, badge_height;

  badge_size (self, &badge_width, &badge_height);
  self->text_width = MAX (0, width - (badge_width > 0 ? badge_width + SPACING : 0));
}

static void
badge_colour (GtkWidget    *widget,
              LinRiskLevel  risk,
              GdkRGBA      *colour)
{
  /* the theme's colours, faint: calm, never an alarm */
  static const struct { const char *name; float alpha; GdkRGBA fallback; } colours[] = {
    { "success_color", 0.15f, { 0.15f, 0.64f, 0.41f, 1 } },
    { "warning_color", 0.20f, { 0.80f, 0.50f, 0.00f, 1 } },
    { "accent_bg_color", 0.20f, { 0.21f, 0.52f, 0.89f, 1 } },
  };
  guint i = CLAMP (risk, LIN_RISK_LEVEL_STANDARD, LIN_RISK_LEVEL_HIGH) - LIN_RISK_LEVEL_STANDARD;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), colours[i].name, colour))
    *colour = colours[i].fallback;
  G_GNUC_END_IGNORE_DEPRECATIONS
  colour->alpha *= colours[i].alpha;
}

static void
lin_call_log_row_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  LinCallLogRow *self = LIN_CALL_LOG_ROW (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget);
  int badge_width, badge_height;
  GdkRGBA colour;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS

  need_content (self);
  badge_size (self, &badge_width, &badge_height);

  ensure_layout (self);
  {
    int height;

    /* a line in a font of another height (a fallback font, an emoji):
     * the row takes its true height in the next frame */
    pango_layout_get_pixel_size (self->layout, NULL, &height);
    if (height != self->heights[MIN (self->n_lines, MAX_LINES)])
      {
        self->heights[MIN (self->n_lines, MAX_LINES)] = MAX (height, 1);
        gtk_widget_queue_resize (widget);
      }
  }

  gtk_snapshot_save (snapshot);
  if (rtl)
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (badge_width > 0 ? badge_width + SPACING : 0, 0));
  gtk_snapshot_append_layout (snapshot, self->layout, &colour);
  gtk_snapshot_restore (snapshot);

  if (self->badge != NULL)
    {
      GskRoundedRect pill;
      GdkRGBA background;
      float x = rtl ? 0 : width - badge_width;

      badge_colour (widget, self->risk, &background);
      gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (x, 0, badge_width, badge_height),
                                       badge_height / 2.0f);
      gtk_snapshot_push_rounded_clip (snapshot, &pill);
      gtk_snapshot_append_color (snapshot, &background, &pill.bounds);
      gtk_snapshot_pop (snapshot);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + BADGE_PAD_X, BADGE_PAD_Y));
      gtk_snapshot_append_layout (snapshot, self->badge, &colour);
      gtk_snapshot_restore (snapshot);
    }
}

/* the font or the scale changed: the layouts measure anew */
static void
lin_call_log_row_system_setting_changed (GtkWidget         *widget,
                                         GtkSystemSetting   setting)
{
  LinCallLogRow *self = LIN_CALL_LOG_ROW (widget);

  GTK_WIDGET_CLASS (lin_call_log_row_parent_class)->system_setting_changed (widget, setting);

  pango_layout_context_changed (self->layout);
  if (self->badge != NULL)
    pango_layout_context_changed (self->badge);
  memset (self->heights, 0, sizeof self->heights);
  gtk_widget_queue_resize (widget);
}

static void
lin_call_log_row_finalize (GObject *object)
{
  LinCallLogRow *self = (LinCallLogRow *)object;

  g_clear_object (&self->layout);
  g_clear_object (&self->badge);
  g_free (self->markup);
  g_free (self->text);

  G_OBJECT_CLASS (lin_call_log_row_parent_class)->finalize (object);
}

static void
lin_call_log_row_class_init (LinCallLogRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lin_call_log_row_finalize;

  widget_class->measure = lin_call_log_row_measure;
  widget_class->size_allocate = lin_call_log_row_size_allocate;
  widget_class->snapshot = lin_call_log_row_snapshot;
  widget_class->system_setting_changed = lin_call_log_row_system_setting_changed;

  /**
   * LinCallLogRow::fill:
   *
   * The row is about to be drawn, or measured for the first time with
   * its number of lines, after lin_call_log_row_set_later(): the handler
   * gives it its words with lin_call_log_row_set().
   */
  signals[FILL] =
    g_signal_new ("fill",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "calllogrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
lin_call_log_row_init (LinCallLogRow *self)
{
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  self->text = g_strdup ("");
  self->text_width = -1;
}

GtkWidget *
lin_call_log_row_new (void)
{
  return g_object_new (LIN_TYPE_CALL_LOG_ROW, NULL);
}

/**
 * lin_call_log_row_set:
 * @self: a #LinCallLogRow
 * @markup: the lines, as Pango markup
 * @text: the same words without markup
 * @risk: the call's final risk level; %LIN_RISK_LEVEL_NONE: no badge
 *
 * Shows a call.
 */
void
lin_call_log_row_set (LinCallLogRow *self,
                      const char    *markup,
                      const char    *text,
                      LinRiskLevel   risk)
{
  g_autofree char *spoken = NULL;
  guint n_lines = self->n_lines;
  gboolean badge = self->badge != NULL;
  LinRiskLevel old_risk = self->risk;

  g_return_if_fail (LIN_IS_CALL_LOG_ROW (self));
  g_return_if_fail (markup != NULL && text != NULL);

  /* laid out when drawn or first measured */
  self->pending = FALSE;
  g_free (self->markup);
  self->markup = g_strdup (markup);
  self->n_lines = 1;
  for (const char *p = text; *p != '\0'; p++)
    self->n_lines += *p == '\n';

  if (risk != LIN_RISK_LEVEL_NONE)
    {
      gboolean new_badge = self->badge == NULL;

      if (new_badge)
        {
          g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

          self->badge = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
          pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_layout_set_attributes (self->badge, attrs);
        }
      /* the same badge: not laid out again */
      if (new_badge || risk != self->risk)
        pango_layout_set_text (self->badge, lin_call_ui_risk_label (risk), -1);
      spoken = g_strdup_printf ("%s\n%s", text, lin_call_ui_risk_label (risk));
    }
  else
    {
      g_clear_object (&self->badge);
      spoken = g_strdup (text);
    }
  self->risk = risk;

  g_free (self->text);
  self->text = g_steal_pointer (&spoken);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->text,
                                  -1);

  /* as many lines and the same badge: the same size, measured no more */
  if (self->n_lines != n_lines || (self->badge != NULL) != badge || (badge && old_risk != risk))
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else if (!self->filling)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * lin_call_log_row_set_later:
 * @self: a #LinCallLogRow
 * @n_lines: how many lines the row will show
 * @label: a short name for the row until then, for assistive technologies
 *
 * Asks for the row's words only when it is drawn (#LinCallLogRow::fill):
 * a list keeps many more rows than it shows, and words no one sees need
 * not be written.
 */
void
lin_call_log_row_set_later (LinCallLogRow *self,
                            guint          n_lines,
                            const char    *label)
{
  g_return_if_fail (LIN_IS_CALL_LOG_ROW (self));
  g_return_if_fail (n_lines > 0 && label != NULL);

  self->pending = TRUE;
  g_free (self->text);
  self->text = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->text,
                                  -1);
  if (n_lines != self->n_lines)
    {
      self->n_lines = n_lines;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * lin_call_log_row_get_text:
 * @self: a #LinCallLogRow
 *
 * Returns: the words the row shows, the risk level's last
 */
const char *
lin_call_log_row_get_text (LinCallLogRow *self)
{
  g_return_val_if_fail (LIN_IS_CALL_LOG_ROW (self), NULL);

  need_content (self);

  return self->text;
}
