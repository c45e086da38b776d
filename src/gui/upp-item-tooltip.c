/* upp-item-tooltip.c — tooltips of list rows, answered when asked
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In GTK 4.8, setting the tooltip text of a visible widget asks the X
 * server where the pointer is (gtk_tooltip_trigger_tooltip_query: two or
 * three round trips), and a list or column view binds up to 200 rows at
 * once: a tooltip bound per row made showing 2,000 import results or
 * documents take 100 ms and more on the window's thread. A row template
 * says instead
 *
 *     <property name="has-tooltip">true</property>
 *     <signal name="query-tooltip" handler="upp_item_tooltip_filename"
 *             object="GtkListItem" swapped="no"/>
 *
 * and the text is read from the row's item only when the pointer rests on
 * it. The factory must be built with upp_item_tooltip_scope_new(), which
 * knows the handlers (upp_item_tooltip_factory() rebuilds one from a
 * template's bytes).
 */

#define G_LOG_DOMAIN "upp-item-tooltip"

#include "config.h"

#include "upp-item-tooltip.h"

/* The item's string property @name as the tooltip; no tooltip when the
 * row has no item or the text is empty. */
static gboolean
show_property (GtkTooltip  *tooltip,
               GtkListItem *list_item,
               const char  *name)
{
  gpointer item = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (item == NULL)
    return FALSE;
  g_object_get (item, name, &text, NULL);
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

#define ITEM_TOOLTIP(symbol, property)                                          \
  static gboolean                                                               \
  upp_item_tooltip_##symbol (GtkWidget   *widget,                               \
                             int          x,                                    \
                             int          y,                                    \
                             gboolean     keyboard_mode,                        \
                             GtkTooltip  *tooltip,                              \
                             GtkListItem *list_item)                            \
  {                                                                             \
    return show_property (tooltip, list_item, property);                        \
  }

ITEM_TOOLTIP (department, "department")
ITEM_TOOLTIP (filename, "filename")
ITEM_TOOLTIP (path, "path")
ITEM_TOOLTIP (status_label, "status-label")
ITEM_TOOLTIP (title, "title")
ITEM_TOOLTIP (goal_title, "goal-title")
ITEM_TOOLTIP (lead_name, "lead-name")

#define SYMBOL(name) "upp_item_tooltip_" #name, G_CALLBACK (upp_item_tooltip_##name)

/**
 * upp_item_tooltip_scope_new:
 *
 * Returns: (transfer full): a scope for list item templates that knows the
 *   upp_item_tooltip_PROPERTY handlers of query-tooltip
 */
GtkBuilderScope *
upp_item_tooltip_scope_new (void)
{
  GtkBuilderScope *scope = gtk_builder_cscope_new ();

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           SYMBOL (department), SYMBOL (filename),
                                           SYMBOL (path), SYMBOL (status_label),
                                           SYMBOL (title), SYMBOL (goal_title),
                                           SYMBOL (lead_name), NULL);
  return scope;
}

/**
 * upp_item_tooltip_factory:
 * @factory: a #GtkBuilderListItemFactory from a template file, which GTK
 *   builds without a scope
 *
 * Returns: (transfer full): the same template with the tooltip handlers'
 *   scope, or @factory itself when it is not a #GtkBuilderListItemFactory
 */
GtkListItemFactory *
upp_item_tooltip_factory (GtkListItemFactory *factory)
{
  g_autoptr(GtkBuilderScope) scope = NULL;

  g_return_val_if_fail (GTK_IS_LIST_ITEM_FACTORY (factory), NULL);

  if (!GTK_IS_BUILDER_LIST_ITEM_FACTORY (factory))
    return g_object_ref (factory);
  scope = upp_item_tooltip_scope_new ();
  return gtk_builder_list_item_factory_new_from_bytes (
    scope, gtk_builder_list_item_factory_get_bytes (GTK_BUILDER_LIST_ITEM_FACTORY (factory)));
}

/**
 * upp_item_tooltip_column_view:
 * @view: a column view whose columns' templates may use the handlers
 *
 * Gives each column's template the tooltip handlers' scope. Call it
 * before the view has rows.
 */
void
upp_item_tooltip_column_view (GtkColumnView *view)
{
  GListModel *columns;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkListItemFactory *factory = gtk_column_view_column_get_factory (column);
      g_autoptr(GtkListItemFactory) scoped = NULL;

      if (factory == NULL)
        continue;
      scoped = upp_item_tooltip_factory (factory);
      gtk_column_view_column_set_factory (column, scoped);
    }
}
