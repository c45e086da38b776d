/* upp-overview-page.c — key figures, charts and what needs attention
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-attention-row.h"
#include "upp-chart-view.h"
#include "upp-key-figure.h"
#include "upp-overview-page.h"

struct _UppOverviewPage
{
  AdwBin        parent_instance;

  /* template widgets */
  GtkFlowBox   *figures_box;
  UppChartView *ring_chart;
  UppChartView *departments_chart;
  UppChartView *deadlines_chart;
  UppChartView *trend_chart;
  GtkListBox   *attention_list;
  GtkLabel     *attention_count_label;
  AdwActionRow *more_row;

  /* owned */
  UppSession   *session;

  /* borrowed: children of figures_box */
  GtkWidget    *figures[UPP_N_TILES];
};

G_DEFINE_FINAL_TYPE (UppOverviewPage, upp_overview_page, ADW_TYPE_BIN)

/* The overview is a summary: the most severe few, and the way to the rest
 * in the action list. (Hundreds of rows of wrapped text would also cost
 * the main thread seconds on a big package.) */
#define MAX_ATTENTION_ROWS 10

static void
set_chart (UppChartView *chart,
           UppDashboard *dashboard,
           UppChartData *data)
{
  data->week = dashboard->week;
  upp_chart_view_set_data (chart, data, upp_dashboard_ref (dashboard),
                           (GDestroyNotify) upp_dashboard_unref);
}

static void
update (UppOverviewPage *self)
{
  UppDashboard *dashboard = upp_session_get_dashboard (self->session);
  GtkWidget *child;
  g_autofree char *count = NULL;

  if (dashboard == NULL)
    return;

  for (int i = 0; i < UPP_N_TILES; i++)
    {
      upp_key_figure_set_tile (UPP_KEY_FIGURE (self->figures[i]), &dashboard->tiles[i]);
      /* The flow box child is what takes focus, so it needs the tile's name. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (self->figures[i])),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      dashboard->tiles[i].description, -1);
    }

  set_chart (self->ring_chart, dashboard,
             &(UppChartData) { .kind = UPP_CHART_STATUS_RING, .counts = &dashboard->counts });
  set_chart (self->departments_chart, dashboard,
             &(UppChartData) { .kind = UPP_CHART_DEPARTMENTS,
                               .departments = dashboard->departments });
  set_chart (self->deadlines_chart, dashboard,
             &(UppChartData) { .kind = UPP_CHART_DEADLINES,
                               .n_weeks = UPP_DASHBOARD_DEADLINE_WEEKS,
                               .deadlines = dashboard->deadlines });
  set_chart (self->trend_chart, dashboard,
             &(UppChartData) { .kind = UPP_CHART_TREND, .trend = dashboard->trend });

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attention_list))) != NULL)
    gtk_list_box_remove (self->attention_list, child);
  for (guint i = 0; i < dashboard->attention->len && i < MAX_ATTENTION_ROWS; i++)
    {
      GtkWidget *row = upp_attention_row_new (g_ptr_array_index (dashboard->attention, i));

      /* After what needs a decision, who to remind: a section of its own. */
      if (i == dashboard->n_decisions)
        {
          GtkWidget *header = gtk_label_new (_("Missing Reports"));

          gtk_widget_add_css_class (header, "heading");
          gtk_widget_set_halign (header, GTK_ALIGN_START);
          gtk_widget_set_margin_start (header, 12);
          gtk_widget_set_margin_top (header, 12);
          gtk_widget_set_margin_bottom (header, 6);
          gtk_list_box_row_set_header (GTK_LIST_BOX_ROW (row), header);
        }
      gtk_list_box_append (self->attention_list, row);
    }
  if (dashboard->attention->len > MAX_ATTENTION_ROWS)
    {
      g_autofree char *more = g_strdup_printf (_("Show all %u in the action list"),
                                               dashboard->attention->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->more_row), more);
      gtk_list_box_append (self->attention_list, GTK_WIDGET (self->more_row));
    }
  if (dashboard->attention->len > 0)
    count = g_strdup_printf ("%u", dashboard->attention->len);
  gtk_label_set_label (self->attention_count_label, count != NULL ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (self->attention_count_label), count != NULL);
}

static void
on_attention_activated (GtkListBox      *list,
                        GtkListBoxRow   *row,
                        UppOverviewPage *self)
{
  if (UPP_IS_ATTENTION_ROW (row))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-action", "s",
                                upp_attention_row_get_code (UPP_ATTENTION_ROW (row)));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-attention", NULL);
}

static void
on_figure_activated (GtkFlowBox      *box,
                     GtkFlowBoxChild *child,
                     UppOverviewPage *self)
{
  GtkWidget *figure = gtk_flow_box_child_get_child (child);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-state", "i",
                              upp_key_figure_get_state (UPP_KEY_FIGURE (figure)));
}

void
upp_overview_page_set_session (UppOverviewPage *self,
                               UppSession      *session)
{
  g_return_if_fail (UPP_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (UPP_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  g_signal_connect_swapped (session, "notify::dashboard", G_CALLBACK (update), self);
  update (self);
}

GtkWidget *
upp_overview_page_get_figure (UppOverviewPage *self,
                              UppTileKind      kind)
{
  g_return_val_if_fail (UPP_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail (kind < UPP_N_TILES, NULL);
  return self->figures[kind];
}

GtkListBox *
upp_overview_page_get_attention (UppOverviewPage *self)
{
  g_return_val_if_fail (UPP_IS_OVERVIEW_PAGE (self), NULL);
  return self->attention_list;
}

static void
upp_overview_page_dispose (GObject *object)
{
  UppOverviewPage *self = UPP_OVERVIEW_PAGE (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  if (self->more_row != NULL && gtk_widget_get_parent (GTK_WIDGET (self->more_row)) != NULL)
    gtk_list_box_remove (self->attention_list, GTK_WIDGET (self->more_row));
  g_clear_object (&self->more_row);
  /* Tear the tree down through the bin first: the leaflet and stack pages
   * must go before the template drops its references to their children. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), UPP_TYPE_OVERVIEW_PAGE);

  G_OBJECT_CLASS (upp_overview_page_parent_class)->dispose (object);
}

static void
upp_overview_page_class_init (UppOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upp_overview_page_dispose;

  g_type_ensure (UPP_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/lysekil/Uppfoljning/ui/upp-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UppOverviewPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, UppOverviewPage, ring_chart);
  gtk_widget_class_bind_template_child (widget_class, UppOverviewPage, departments_chart);
  gtk_widget_class_bind_template_child (widget_class, UppOverviewPage, deadlines_chart);
  gtk_widget_class_bind_template_child (widget_class, UppOverviewPage, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, UppOverviewPage, attention_list);
  gtk_widget_class_bind_template_child (widget_class, UppOverviewPage, attention_count_label);
  gtk_widget_class_bind_template_child (widget_class, UppOverviewPage, more_row);
  gtk_widget_class_bind_template_callback (widget_class, on_attention_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_figure_activated);
}

static void
upp_overview_page_init (UppOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Moved in and out of the list; the page keeps it alive. */
  g_object_ref_sink (self->more_row);

  /* One tile per key figure, in the order the core defines. */
  for (int i = 0; i < UPP_N_TILES; i++)
    {
      self->figures[i] = upp_key_figure_new ();
      gtk_flow_box_append (self->figures_box, self->figures[i]);
    }
}
