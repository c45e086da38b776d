/* upp-chart-view.c — a core chart as a widget
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-chart-view"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "upp-chart-view.h"

/* One drawing path: the widget hands its cairo context to the same core
 * function that draws the charts of the PDF briefing, with a style of its
 * own made from the widget's colours and the system's dark and
 * high-contrast settings. */

struct _UppChartView
{
  GtkWidget       parent_instance;

  /* owned */
  gpointer        owner;
  GDestroyNotify  owner_free;
  char           *description;
  char           *font_family;

  UppChartData    data;
  UppChartStyle   style;
  gboolean        has_data;
};

G_DEFINE_FINAL_TYPE (UppChartView, upp_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_style (UppChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  UppChartStyleKind kind = UPP_CHART_STYLE_LIGHT;
  GdkRGBA color;

  if (adw_style_manager_get_high_contrast (manager))
    kind = UPP_CHART_STYLE_HIGH_CONTRAST;
  else if (adw_style_manager_get_dark (manager))
    kind = UPP_CHART_STYLE_DARK;
  upp_chart_style_init (&self->style, kind);

  /* GTK 4.8 has no gtk_widget_get_color (). */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  upp_chart_style_set_foreground (&self->style,
                                  &UPP_RGBA_INIT (color.red, color.green, color.blue,
                                                  color.alpha));
  self->style.pixel_snap = TRUE;
  self->style.fill_background = FALSE;

  if (font != NULL && pango_font_description_get_family (font) != NULL)
    {
      g_free (self->font_family);
      self->font_family = g_strdup (pango_font_description_get_family (font));
      self->style.font_family = self->font_family;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_style_changed (UppChartView *self)
{
  update_style (self);
}

static void
upp_chart_view_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (upp_chart_view_parent_class)->css_changed (widget, change);
  update_style (UPP_CHART_VIEW (widget));
}

static void
upp_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  UppChartView *self = UPP_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  upp_chart_draw (cr, &self->style, &self->data, width, height);
  cairo_destroy (cr);
}

static void
upp_chart_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  UppChartView *self = UPP_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = self->data.kind == UPP_CHART_STATUS_RING ? 320 : 480;
    }
  else
    {
      *minimum = 120;
      *natural = 240;
    }
}

static void
clear_owner (UppChartView *self)
{
  if (self->owner_free != NULL && self->owner != NULL)
    self->owner_free (self->owner);
  self->owner = NULL;
  self->owner_free = NULL;
}

static void
upp_chart_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (upp_chart_view_parent_class)->root (widget);
  update_style (UPP_CHART_VIEW (widget));
}

static void
upp_chart_view_dispose (GObject *object)
{
  UppChartView *self = UPP_CHART_VIEW (object);
  UppChartKind kind;

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  /* The data's pointers belong to the owner. */
  clear_owner (self);
  kind = self->data.kind;
  memset (&self->data, 0, sizeof self->data);
  self->data.kind = kind;

  G_OBJECT_CLASS (upp_chart_view_parent_class)->dispose (object);
}

static void
upp_chart_view_finalize (GObject *object)
{
  UppChartView *self = UPP_CHART_VIEW (object);

  g_free (self->description);
  g_free (self->font_family);

  G_OBJECT_CLASS (upp_chart_view_parent_class)->finalize (object);
}

static void
upp_chart_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  UppChartView *self = UPP_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->data.kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upp_chart_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  UppChartView *self = UPP_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      if ((int) self->data.kind != g_value_get_int (value))
        {
          self->data.kind = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upp_chart_view_class_init (UppChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upp_chart_view_dispose;
  object_class->finalize = upp_chart_view_finalize;
  object_class->get_property = upp_chart_view_get_property;
  object_class->set_property = upp_chart_view_set_property;
  widget_class->snapshot = upp_chart_view_snapshot;
  widget_class->measure = upp_chart_view_measure;
  widget_class->css_changed = upp_chart_view_css_changed;
  widget_class->root = upp_chart_view_root;

  /**
   * UppChartView:kind:
   *
   * The #UppChartKind, so that the .ui file can say which chart goes where
   * before there is data.
   */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, UPP_N_CHARTS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
upp_chart_view_init (UppChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  upp_chart_style_init (&self->style, UPP_CHART_STYLE_LIGHT);
  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (on_style_changed), self);
  g_signal_connect_swapped (manager, "notify::high-contrast", G_CALLBACK (on_style_changed),
                            self);
}

GtkWidget *
upp_chart_view_new (void)
{
  return g_object_new (UPP_TYPE_CHART_VIEW, NULL);
}

/**
 * upp_chart_view_set_data:
 * @self: a #UppChartView
 * @data: (nullable): what to draw; copied, but the pointers in it are
 *   borrowed from @owner
 * @owner: (nullable): what keeps @data's pointers alive
 * @owner_free: (nullable): releases @owner when the data is replaced
 *
 * Shows new data and updates the chart's accessible description with
 * upp_chart_describe().
 */
void
upp_chart_view_set_data (UppChartView       *self,
                         const UppChartData *data,
                         gpointer            owner,
                         GDestroyNotify      owner_free)
{
  UppChartKind kind;

  g_return_if_fail (UPP_IS_CHART_VIEW (self));

  kind = data != NULL ? data->kind : self->data.kind;
  clear_owner (self);
  self->owner = owner;
  self->owner_free = owner_free;
  if (data != NULL)
    self->data = *data;
  else
    {
      memset (&self->data, 0, sizeof self->data);
      self->data.kind = kind;
    }
  self->has_data = data != NULL;

  g_free (self->description);
  self->description = upp_chart_describe (&self->data);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const UppChartData *
upp_chart_view_get_data (UppChartView *self)
{
  g_return_val_if_fail (UPP_IS_CHART_VIEW (self), NULL);
  return &self->data;
}

const UppChartStyle *
upp_chart_view_get_style (UppChartView *self)
{
  g_return_val_if_fail (UPP_IS_CHART_VIEW (self), NULL);
  return &self->style;
}

const char *
upp_chart_view_get_description (UppChartView *self)
{
  g_return_val_if_fail (UPP_IS_CHART_VIEW (self), NULL);
  return self->description;
}
