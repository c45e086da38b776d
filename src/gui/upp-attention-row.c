/* upp-attention-row.c — one action on the "Needs attention" list
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-attention-row"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-attention-row.h"
#include "upp-status-badge.h"

struct _UppAttentionRow
{
  GtkListBoxRow   parent_instance;

  /* template widgets */
  UppStatusBadge *badge;
  GtkLabel       *title_label;
  GtkLabel       *reason_label;
  GtkLabel       *comment_label;
  GtkLabel       *lead_label;

  /* owned */
  char           *code;
};

G_DEFINE_FINAL_TYPE (UppAttentionRow, upp_attention_row, GTK_TYPE_LIST_BOX_ROW)

static void
upp_attention_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), UPP_TYPE_ATTENTION_ROW);

  G_OBJECT_CLASS (upp_attention_row_parent_class)->dispose (object);
}

static void
upp_attention_row_finalize (GObject *object)
{
  UppAttentionRow *self = UPP_ATTENTION_ROW (object);

  g_free (self->code);

  G_OBJECT_CLASS (upp_attention_row_parent_class)->finalize (object);
}

static void
upp_attention_row_class_init (UppAttentionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upp_attention_row_dispose;
  object_class->finalize = upp_attention_row_finalize;

  g_type_ensure (UPP_TYPE_STATUS_BADGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/lysekil/Uppfoljning/ui/upp-attention-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UppAttentionRow, badge);
  gtk_widget_class_bind_template_child (widget_class, UppAttentionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, UppAttentionRow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, UppAttentionRow, comment_label);
  gtk_widget_class_bind_template_child (widget_class, UppAttentionRow, lead_label);
}

static void
upp_attention_row_init (UppAttentionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
upp_attention_row_new (const UppAttentionItem *item)
{
  UppAttentionRow *self;
  g_autofree char *title = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *accessible = NULL;

  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (UPP_TYPE_ATTENTION_ROW, NULL);
  self->code = g_strdup (item->code);
  upp_status_badge_set_state (self->badge, item->state);
  /* Translators: an action in a list, “A13 · Trygghetsvandring …” */
  title = g_strdup_printf (_("%s · %s"), item->code, item->title);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->reason_label, item->reason);
  if (item->comment != NULL && *item->comment != '\0')
    {
      /* Translators: a department's comment, quoted */
      comment = g_strdup_printf (_("“%s”"), item->comment);
      gtk_label_set_label (self->comment_label, comment);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->comment_label), comment != NULL);
  gtk_label_set_label (self->lead_label, item->lead_name != NULL ? item->lead_name : item->lead);
  if (item->contradiction)
    gtk_widget_add_css_class (GTK_WIDGET (self), "contradiction");

  accessible = g_strdup_printf ("%s. %s. %s. %s", title, upp_state_get_label (item->state),
                                item->reason, comment != NULL ? comment : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return GTK_WIDGET (self);
}

const char *
upp_attention_row_get_code (UppAttentionRow *self)
{
  g_return_val_if_fail (UPP_IS_ATTENTION_ROW (self), NULL);
  return self->code;
}

const char *
upp_attention_row_get_reason (UppAttentionRow *self)
{
  g_return_val_if_fail (UPP_IS_ATTENTION_ROW (self), NULL);
  return gtk_label_get_label (self->reason_label);
}
