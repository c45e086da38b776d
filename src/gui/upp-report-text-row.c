/* upp-report-text-row.c — a multi-line text field in a boxed list
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A title, an optional hint, the text, and under it the problem the
 * importer's rules found in it or, when a correction is shown, what the
 * text said before. Tab leaves the text, so the form can be filled in
 * with the keyboard alone.
 */

#define G_LOG_DOMAIN "upp-report-text-row"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-report-text-row.h"

struct _UppReportTextRow
{
  AdwPreferencesRow parent_instance;

  /* template widgets */
  GtkLabel      *title_label;
  GtkLabel      *hint_label;
  GtkTextView   *text_view;
  GtkLabel      *message_label;
  GtkLabel      *previous_label;
  GtkLabel      *value_label;

  /* owned */
  char          *message;
};

G_DEFINE_FINAL_TYPE (UppReportTextRow, upp_report_text_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_buffer_changed (UppReportTextRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
upp_report_text_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), UPP_TYPE_REPORT_TEXT_ROW);

  G_OBJECT_CLASS (upp_report_text_row_parent_class)->dispose (object);
}

static void
upp_report_text_row_finalize (GObject *object)
{
  UppReportTextRow *self = UPP_REPORT_TEXT_ROW (object);

  g_free (self->message);

  G_OBJECT_CLASS (upp_report_text_row_parent_class)->finalize (object);
}

static void
upp_report_text_row_class_init (UppReportTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upp_report_text_row_dispose;
  object_class->finalize = upp_report_text_row_finalize;

  /**
   * UppReportTextRow::changed:
   *
   * The text changed, by typing or by upp_report_text_row_set_text().
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/lysekil/Uppfoljning/ui/upp-report-text-row.ui");
  gtk_widget_class_bind_template_child (widget_class, UppReportTextRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, UppReportTextRow, hint_label);
  gtk_widget_class_bind_template_child (widget_class, UppReportTextRow, text_view);
  gtk_widget_class_bind_template_child (widget_class, UppReportTextRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, UppReportTextRow, previous_label);
  gtk_widget_class_bind_template_child (widget_class, UppReportTextRow, value_label);
}

static void
upp_report_text_row_init (UppReportTextRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
}

/**
 * upp_report_text_row_new:
 * @title: the field's name, with a mnemonic
 * @hint: (nullable): what to write there
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
upp_report_text_row_new (const char *title,
                         const char *hint)
{
  UppReportTextRow *self = g_object_new (UPP_TYPE_REPORT_TEXT_ROW, NULL);

  /* The row's title (for search and accessibility) without the mnemonic. */
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL && *hint != '\0');
  return GTK_WIDGET (self);
}

char *
upp_report_text_row_get_text (UppReportTextRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (UPP_IS_REPORT_TEXT_ROW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
upp_report_text_row_set_text (UppReportTextRow *self,
                              const char       *text)
{
  g_return_if_fail (UPP_IS_REPORT_TEXT_ROW (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text != NULL ? text : "",
                            -1);
  gtk_label_set_label (self->value_label, text != NULL ? text : "");
}

/* Read-only: the text as a selectable label, which takes the height its
 * lines need at any width, not greyed out. */
void
upp_report_text_row_set_editable (UppReportTextRow *self,
                                  gboolean          editable)
{
  g_return_if_fail (UPP_IS_REPORT_TEXT_ROW (self));

  gtk_text_view_set_editable (self->text_view, editable);
  gtk_widget_set_visible (GTK_WIDGET (self->text_view), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->value_label), !editable);
  gtk_label_set_mnemonic_widget (self->title_label,
                                 editable ? GTK_WIDGET (self->text_view) : NULL);
  if (editable)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "read-only");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "read-only");
}

const char *
upp_report_text_row_get_message (UppReportTextRow *self)
{
  g_return_val_if_fail (UPP_IS_REPORT_TEXT_ROW (self), NULL);
  return self->message;
}

/**
 * upp_report_text_row_set_message:
 * @self: a #UppReportTextRow
 * @message: (nullable): what is wrong with the text, or %NULL
 *
 * Shows the problem under the text, in the error style.
 */
void
upp_report_text_row_set_message (UppReportTextRow *self,
                                 const char       *message)
{
  g_return_if_fail (UPP_IS_REPORT_TEXT_ROW (self));

  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "field-error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->text_view),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "field-error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/**
 * upp_report_text_row_set_previous:
 * @self: a #UppReportTextRow
 * @previous: (nullable): what the revision before said, or %NULL when
 *   the text did not change
 *
 * Highlights a corrected text and shows the text it replaced.
 */
void
upp_report_text_row_set_previous (UppReportTextRow *self,
                                  const char       *previous)
{
  g_autofree char *text = NULL;

  g_return_if_fail (UPP_IS_REPORT_TEXT_ROW (self));

  if (previous != NULL)
    /* Translators: under a corrected text, what the report said before */
    text = g_strdup_printf (_("Before: %s"), *previous != '\0' ? previous : C_("text", "(empty)"));
  gtk_label_set_label (self->previous_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->previous_label), previous != NULL);
  if (previous != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "changed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "changed");
}

GtkTextView *
upp_report_text_row_get_text_view (UppReportTextRow *self)
{
  g_return_val_if_fail (UPP_IS_REPORT_TEXT_ROW (self), NULL);
  return self->text_view;
}
