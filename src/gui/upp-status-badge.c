/* upp-status-badge.c — a state as symbol and text, never colour alone
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-status-badge"

#include "config.h"

#include "upp-status-badge.h"
#include "upp-types.h"

struct _UppStatusBadge
{
  GtkWidget  parent_instance;

  /* template widgets */
  GtkLabel  *symbol_label;
  GtkLabel  *text_label;

  int        state;
  gboolean   show_label;
};

G_DEFINE_FINAL_TYPE (UppStatusBadge, upp_status_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  PROP_SHOW_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (UppStatusBadge *self)
{
  const char *classes[] = { "status-badge", NULL, NULL };
  g_autofree char *state_class = NULL;
  const char *label = "";

  if (self->state >= 0 && self->state < UPP_N_STATES)
    {
      state_class = g_strconcat ("state-", upp_state_to_string (self->state), NULL);
      classes[1] = state_class;
      label = upp_state_get_label (self->state);
      gtk_label_set_label (self->symbol_label, upp_state_get_symbol (self->state));
    }
  else
    gtk_label_set_label (self->symbol_label, "");
  gtk_label_set_label (self->text_label, label);
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), self->show_label);
  gtk_widget_set_css_classes (GTK_WIDGET (self), classes);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  /* The tooltip is answered when asked (query_tooltip): setting its text
   * asks the X server for the pointer, and a list binds 200 badges. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), !self->show_label && *label != '\0');
}

static gboolean
upp_status_badge_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  UppStatusBadge *self = UPP_STATUS_BADGE (widget);

  if (self->show_label || self->state < 0 || self->state >= UPP_N_STATES)
    return FALSE;
  gtk_tooltip_set_text (tooltip, upp_state_get_label (self->state));
  return TRUE;
}

int
upp_status_badge_get_state (UppStatusBadge *self)
{
  g_return_val_if_fail (UPP_IS_STATUS_BADGE (self), -1);
  return self->state;
}

void
upp_status_badge_set_state (UppStatusBadge *self,
                            int             state)
{
  g_return_if_fail (UPP_IS_STATUS_BADGE (self));

  if (self->state == state)
    return;
  self->state = state;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
upp_status_badge_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), UPP_TYPE_STATUS_BADGE);
  /* The template's unnamed root is not a bound child: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (upp_status_badge_parent_class)->dispose (object);
}

static void
upp_status_badge_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UppStatusBadge *self = UPP_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_SHOW_LABEL:
      g_value_set_boolean (value, self->show_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upp_status_badge_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UppStatusBadge *self = UPP_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      upp_status_badge_set_state (self, g_value_get_int (value));
      break;
    case PROP_SHOW_LABEL:
      if (self->show_label != g_value_get_boolean (value))
        {
          self->show_label = g_value_get_boolean (value);
          update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upp_status_badge_class_init (UppStatusBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upp_status_badge_dispose;
  object_class->get_property = upp_status_badge_get_property;
  object_class->set_property = upp_status_badge_set_property;
  widget_class->query_tooltip = upp_status_badge_query_tooltip;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, -1, UPP_N_STATES - 1, -1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_LABEL] =
    g_param_spec_boolean ("show-label", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/lysekil/Uppfoljning/ui/upp-status-badge.ui");
  gtk_widget_class_bind_template_child (widget_class, UppStatusBadge, symbol_label);
  gtk_widget_class_bind_template_child (widget_class, UppStatusBadge, text_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statusbadge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
upp_status_badge_init (UppStatusBadge *self)
{
  self->state = -1;
  self->show_label = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                              6);
  update (self);
}

GtkWidget *
upp_status_badge_new (void)
{
  return g_object_new (UPP_TYPE_STATUS_BADGE, NULL);
}
