/* upp-reports-page.c — who reported, what was imported, and importing more
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-reports-page"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-chart-view.h"
#include "upp-document-item.h"
#include "upp-a11y.h"
#include "upp-item-tooltip.h"
#include "upp-reports-page.h"
#include "upp-result-item.h"

/* A list or column view of GTK 4.8 makes rows for up to 200 items, seen
 * or not, and lays them all out (wrapping their text) as they are added:
 * 2,000 import results or documents at once kept the window's thread for
 * 100 ms and more. The first 200 are added a few at a time instead, a
 * batch per frame; the rest, which get no rows, at once. */
#define ITEMS_PER_BATCH 10
#define ITEMS_WITH_ROWS 200
#define BATCH_INTERVAL_MS 16

typedef struct
{
  GListStore *store;    /* borrowed */
  GPtrArray  *pending;  /* the items, while some are still to be added */
  guint       n_added;
  guint       source;
} Fill;

static void
fill_stop (Fill *fill)
{
  g_clear_handle_id (&fill->source, g_source_remove);
  g_clear_pointer (&fill->pending, g_ptr_array_unref);
  fill->n_added = 0;
}

/* Adds the next batch; TRUE while more are left. */
static gboolean
fill_batch (Fill *fill)
{
  guint left = fill->pending->len - fill->n_added;
  guint n = fill->n_added < ITEMS_WITH_ROWS ? MIN (ITEMS_PER_BATCH, left) : left;

  g_list_store_splice (fill->store, fill->n_added, 0, fill->pending->pdata + fill->n_added, n);
  fill->n_added += n;
  return fill->n_added < fill->pending->len;
}

static gboolean
on_fill_timeout (gpointer user_data)
{
  Fill *fill = user_data;

  if (fill_batch (fill))
    return G_SOURCE_CONTINUE;
  fill->source = 0;
  fill_stop (fill);
  return G_SOURCE_REMOVE;
}

/* Replaces what @fill's store holds with @items: the first batch now, the
 * rest from the main loop. */
static void
fill_start (Fill      *fill,
            GPtrArray *items)
{
  fill_stop (fill);
  g_list_store_remove_all (fill->store);
  fill->pending = items;
  if (fill_batch (fill))
    fill->source = g_timeout_add (BATCH_INTERVAL_MS, on_fill_timeout, fill);
  else
    fill_stop (fill);
}

struct _UppReportsPage
{
  AdwBin         parent_instance;

  /* template widgets */
  GtkLabel      *reporting_subtitle;
  UppChartView  *compliance_chart;
  GtkRevealer   *results_revealer;
  GtkLabel      *results_summary;
  GtkListView   *results_view;
  GtkLabel      *documents_count;
  AdwSplitButton *import_button;
  GtkColumnView *documents_view;
  GtkColumnViewColumn *week_column;

  /* owned */
  UppSession    *session;
  GListStore    *results;
  GListStore    *documents;
  GtkSortListModel *sorted_documents;
  guint          n_documents;
  Fill           results_fill;
  Fill           documents_fill;
};

G_DEFINE_FINAL_TYPE (UppReportsPage, upp_reports_page, ADW_TYPE_BIN)

static void
update (UppReportsPage *self)
{
  UppDashboard *dashboard = upp_session_get_dashboard (self->session);
  GPtrArray *items;
  g_autofree char *subtitle = NULL;
  g_autofree char *count = NULL;
  guint n_weeks = UPP_DASHBOARD_COMPLIANCE_WEEKS;

  if (dashboard == NULL)
    return;

  if (dashboard->compliance->len > 0)
    n_weeks = ((UppComplianceRow *) g_ptr_array_index (dashboard->compliance, 0))->n_weeks;
  upp_chart_view_set_data (self->compliance_chart,
                           &(UppChartData) { .kind = UPP_CHART_COMPLIANCE,
                                             .week = dashboard->week,
                                             .n_weeks = n_weeks,
                                             .compliance = dashboard->compliance },
                           upp_dashboard_ref (dashboard), (GDestroyNotify) upp_dashboard_unref);
  /* Translators: “How each department reported in the 12 weeks up to week 40” */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "How each department reported in the %u week up to week %d",
                                           "How each department reported in the %u weeks up to week %d",
                                           n_weeks),
                              n_weeks, dashboard->week.week);
  gtk_label_set_label (self->reporting_subtitle, subtitle);

  /* The documents do not depend on the week, and every import adds one:
   * a week change with 2,000 of them rebuilds nothing. */
  if (dashboard->documents->len != self->n_documents)
    {
      self->n_documents = dashboard->documents->len;
      items = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < dashboard->documents->len; i++)
        g_ptr_array_add (items, upp_document_item_new (dashboard, i));
      fill_start (&self->documents_fill, items);
    }
  count = g_strdup_printf ("%u", dashboard->documents->len);
  gtk_label_set_label (self->documents_count, count);
}

/**
 * upp_reports_page_show_results:
 * @self: a #UppReportsPage
 * @results: (element-type UppImportResult): an import's outcome
 *
 * Lists each file with what happened to it: imported, already imported,
 * superseded, or rejected with the importer's message. The first few rows
 * are there at once, the rest follow a batch per frame.
 */
void
upp_reports_page_show_results (UppReportsPage *self,
                               GPtrArray      *results)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;

  g_return_if_fail (UPP_IS_REPORTS_PAGE (self));
  g_return_if_fail (results != NULL);

  /* Rejected files first: they are what someone has to act on. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < results->len; i++)
      {
        const UppImportResult *result = g_ptr_array_index (results, i);

        if ((result->status == UPP_IMPORT_REJECTED) == (pass == 0))
          g_ptr_array_add (items, upp_result_item_new (results, i));
      }
  fill_start (&self->results_fill, g_steal_pointer (&items));
  summary = upp_dashboard_import_summary (results);
  gtk_label_set_label (self->results_summary, summary);
  gtk_revealer_set_reveal_child (self->results_revealer, TRUE);
}

static void
on_imported (UppReportsPage *self,
             GPtrArray      *results,
             gboolean        from_folder)
{
  upp_reports_page_show_results (self, results);
}

/* A report in the documents list opens read-only, with what a correction
 * changed (win.open-document). */
static void
on_document_activate (UppReportsPage *self,
                      guint           position)
{
  g_autoptr(UppDocumentItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted_documents),
                                                           position);
  const UppDocumentInfo *info = item != NULL ? upp_document_item_get_info (item) : NULL;

  if (info != NULL && g_strcmp0 (info->kind, "report") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-document", "x", info->id);
}

static void
dismiss_results_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  UppReportsPage *self = UPP_REPORTS_PAGE (widget);

  gtk_revealer_set_reveal_child (self->results_revealer, FALSE);
  fill_stop (&self->results_fill);
  g_list_store_remove_all (self->results);
}

void
upp_reports_page_set_session (UppReportsPage *self,
                              UppSession     *session)
{
  g_return_if_fail (UPP_IS_REPORTS_PAGE (self));
  g_return_if_fail (UPP_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  g_signal_connect_swapped (session, "notify::dashboard", G_CALLBACK (update), self);
  g_signal_connect_swapped (session, "imported", G_CALLBACK (on_imported), self);
  update (self);
}

/**
 * upp_reports_page_get_results:
 * @self: a #UppReportsPage
 *
 * Returns: (transfer none): the #UppResultItem rows of the last import
 */
GListModel *
upp_reports_page_get_results (UppReportsPage *self)
{
  g_return_val_if_fail (UPP_IS_REPORTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->results);
}

/**
 * upp_reports_page_get_documents:
 * @self: a #UppReportsPage
 *
 * Returns: (transfer none): the #UppDocumentItem rows
 */
GListModel *
upp_reports_page_get_documents (UppReportsPage *self)
{
  g_return_val_if_fail (UPP_IS_REPORTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->documents);
}

const char *
upp_reports_page_get_summary (UppReportsPage *self)
{
  g_return_val_if_fail (UPP_IS_REPORTS_PAGE (self), NULL);
  return gtk_label_get_label (self->results_summary);
}

static void
upp_reports_page_dispose (GObject *object)
{
  UppReportsPage *self = UPP_REPORTS_PAGE (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  fill_stop (&self->results_fill);
  fill_stop (&self->documents_fill);
  /* Tear the tree down through the bin first: the leaflet and stack pages
   * must go before the template drops its references to their children. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), UPP_TYPE_REPORTS_PAGE);
  g_clear_object (&self->results);
  g_clear_object (&self->sorted_documents);
  g_clear_object (&self->documents);

  G_OBJECT_CLASS (upp_reports_page_parent_class)->dispose (object);
}

static void
upp_reports_page_class_init (UppReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upp_reports_page_dispose;

  g_type_ensure (UPP_TYPE_CHART_VIEW);
  g_type_ensure (UPP_TYPE_ROW_NAME);
  g_type_ensure (UPP_TYPE_DOCUMENT_ITEM);
  g_type_ensure (UPP_TYPE_RESULT_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/lysekil/Uppfoljning/ui/upp-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UppReportsPage, reporting_subtitle);
  gtk_widget_class_bind_template_child (widget_class, UppReportsPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, UppReportsPage, compliance_chart);
  gtk_widget_class_bind_template_child (widget_class, UppReportsPage, results_revealer);
  gtk_widget_class_bind_template_child (widget_class, UppReportsPage, results_summary);
  gtk_widget_class_bind_template_child (widget_class, UppReportsPage, results_view);
  gtk_widget_class_bind_template_child (widget_class, UppReportsPage, documents_count);
  gtk_widget_class_bind_template_child (widget_class, UppReportsPage, documents_view);
  gtk_widget_class_bind_template_child (widget_class, UppReportsPage, week_column);
  gtk_widget_class_bind_template_callback (widget_class, on_document_activate);

  gtk_widget_class_install_action (widget_class, "reports.dismiss-results", NULL,
                                   dismiss_results_action);
}

static void
upp_reports_page_init (UppReportsPage *self)
{
  g_autoptr(GtkNoSelection) results_selection = NULL;
  g_autoptr(GtkNoSelection) documents_selection = NULL;
  g_autoptr(GtkBuilderScope) scope = upp_item_tooltip_scope_new ();
  g_autoptr(GtkListItemFactory) results_factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The rows' tooltips are answered when asked (upp-item-tooltip.c). */
  upp_item_tooltip_column_view (self->documents_view);
  results_factory =
    gtk_builder_list_item_factory_new_from_resource (scope,
                                                     "/se/lysekil/Uppfoljning/ui/upp-result-row.ui");
  gtk_list_view_set_factory (self->results_view, results_factory);

  self->results = g_list_store_new (UPP_TYPE_RESULT_ITEM);
  self->results_fill.store = self->results;
  results_selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->results)));
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (results_selection));

  self->documents = g_list_store_new (UPP_TYPE_DOCUMENT_ITEM);
  self->documents_fill.store = self->documents;
  self->sorted_documents =
    gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->documents)),
                             g_object_ref (gtk_column_view_get_sorter (self->documents_view)));
  documents_selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted_documents)));
  gtk_column_view_set_model (self->documents_view, GTK_SELECTION_MODEL (documents_selection));

  upp_a11y_name_column_view (self->documents_view, _("Imported Documents"));
  upp_a11y_name_split_button (self->import_button, _("More ways to import"));
  upp_a11y_fix_mnemonics (GTK_WIDGET (self));
}
