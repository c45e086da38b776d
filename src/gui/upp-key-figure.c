/* upp-key-figure.c — one key figure tile of the overview
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-key-figure"

#include "config.h"

#include "upp-key-figure.h"

struct _UppKeyFigure
{
  GtkWidget  parent_instance;

  /* template widgets */
  GtkLabel  *symbol_label;
  GtkLabel  *value_label;
  GtkLabel  *name_label;
  GtkLabel  *caption_label;

  int        value;
  int        state;
};

G_DEFINE_FINAL_TYPE (UppKeyFigure, upp_key_figure, GTK_TYPE_WIDGET)

static const char *
trend_class (UppTrend trend)
{
  switch (trend)
    {
    case UPP_TREND_BETTER: return "trend-better";
    case UPP_TREND_WORSE: return "trend-worse";
    case UPP_TREND_NONE:
    case UPP_TREND_SAME:
    case UPP_TREND_NEUTRAL:
    default:
      return "dim-label";
    }
}

/**
 * upp_key_figure_set_tile:
 * @self: a #UppKeyFigure
 * @tile: what the core decided the tile says
 */
void
upp_key_figure_set_tile (UppKeyFigure  *self,
                         const UppTile *tile)
{
  g_autofree char *value = NULL;
  g_autofree char *state_class = NULL;
  const char *classes[5] = { "key-figure", "card", NULL, NULL, NULL };
  const char *caption_classes[] = { "caption", trend_class (tile->trend), NULL };
  guint n = 2;

  g_return_if_fail (UPP_IS_KEY_FIGURE (self));
  g_return_if_fail (tile != NULL);

  self->value = tile->value;
  self->state = tile->state < UPP_N_STATES ? (int) tile->state : -1;
  value = g_strdup_printf ("%d", tile->value);
  gtk_label_set_label (self->value_label, value);
  gtk_label_set_label (self->name_label, tile->label);
  gtk_label_set_label (self->caption_label, tile->caption);
  gtk_widget_set_css_classes (GTK_WIDGET (self->caption_label), caption_classes);
  if (self->state >= 0)
    {
      state_class = g_strconcat ("state-", upp_state_to_string (tile->state), NULL);
      classes[n++] = state_class;
      gtk_label_set_label (self->symbol_label, upp_state_get_symbol (tile->state));
    }
  else
    gtk_label_set_label (self->symbol_label, "");
  /* Kept in the layout, so that every tile's number sits at one height. */
  gtk_widget_set_opacity (GTK_WIDGET (self->symbol_label), self->state >= 0 ? 1.0 : 0.0);
  if (tile->alert)
    classes[n++] = "alert";
  if (tile->value == 0 && self->state >= 0)
    classes[n++] = "zero";
  gtk_widget_set_css_classes (GTK_WIDGET (self), classes);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tile->description,
                                  -1);
}

int
upp_key_figure_get_value (UppKeyFigure *self)
{
  g_return_val_if_fail (UPP_IS_KEY_FIGURE (self), 0);
  return self->value;
}

int
upp_key_figure_get_state (UppKeyFigure *self)
{
  g_return_val_if_fail (UPP_IS_KEY_FIGURE (self), -1);
  return self->state;
}

const char *
upp_key_figure_get_caption (UppKeyFigure *self)
{
  g_return_val_if_fail (UPP_IS_KEY_FIGURE (self), NULL);
  return gtk_label_get_label (self->caption_label);
}

static void
upp_key_figure_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), UPP_TYPE_KEY_FIGURE);
  /* The template's unnamed root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (upp_key_figure_parent_class)->dispose (object);
}

static void
upp_key_figure_class_init (UppKeyFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upp_key_figure_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/lysekil/Uppfoljning/ui/upp-key-figure.ui");
  gtk_widget_class_bind_template_child (widget_class, UppKeyFigure, symbol_label);
  gtk_widget_class_bind_template_child (widget_class, UppKeyFigure, value_label);
  gtk_widget_class_bind_template_child (widget_class, UppKeyFigure, name_label);
  gtk_widget_class_bind_template_child (widget_class, UppKeyFigure, caption_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "keyfigure");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
upp_key_figure_init (UppKeyFigure *self)
{
  self->state = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
upp_key_figure_new (void)
{
  return g_object_new (UPP_TYPE_KEY_FIGURE, NULL);
}
