/* upp-actions-page.c — the sortable, filterable action list and one action's detail
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-actions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-action-item.h"
#include "upp-a11y.h"
#include "upp-actions-page.h"
#include "upp-item-tooltip.h"
#include "upp-status-badge.h"

struct _UppActionsPage
{
  AdwBin               parent_instance;

  /* template widgets */
  AdwLeaflet          *leaflet;
  GtkWidget           *list_pane;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *department_dropdown;
  GtkDropDown         *state_dropdown;
  GtkDropDown         *goal_dropdown;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *code_column;
  GtkColumnViewColumn *goal_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *lead_column;
  GtkColumnViewColumn *progress_column;
  GtkColumnViewColumn *last_report_column;
  GtkLabel            *count_label;
  GtkWidget           *clear_button;
  GtkWidget           *back_bar;
  UppActionDetail     *detail;

  /* owned */
  UppSession          *session;
  GListStore          *items;
  GtkCustomFilter     *filter;
  GtkSortListModel    *sorted;
  GtkSingleSelection  *selection;
  GPtrArray           *department_codes;  /* index 0 is "all": NULL */
  GPtrArray           *goal_codes;

  guint                updating;
  guint                layout_idle;
  int                  columns;     /* how many of the optional columns show */
};

/* The optional columns, least important first: they go as the list gets
 * narrower, beside the detail or on a small screen. */
static const int column_widths[] = { 1040, 860, 680 };

G_DEFINE_FINAL_TYPE (UppActionsPage, upp_actions_page, ADW_TYPE_BIN)

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  UppActionsPage *self = user_data;

  if (self->session == NULL)
    return TRUE;
  return upp_action_filter_matches (upp_session_get_filter (self->session),
                                    upp_action_item_get_status (item));
}

static guint
find_position (UppActionsPage *self,
               const char     *code)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; code != NULL && i < n; i++)
    {
      g_autoptr(UppActionItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (g_strcmp0 (upp_action_item_get_code (item), code) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
sync_selection (UppActionsPage *self)
{
  const char *code = upp_session_get_selected_action (self->session);
  guint position = find_position (self, code);

  self->updating++;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating--;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u",
                                position);
}

static void
update_count (UppActionsPage *self)
{
  UppDashboard *dashboard = upp_session_get_dashboard (self->session);
  guint total = dashboard != NULL ? dashboard->statuses->len : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  gboolean filtered = !upp_action_filter_is_empty (upp_session_get_filter (self->session));
  g_autofree char *text = NULL;

  if (filtered)
    /* Translators: “3 of 14 actions” under the filtered list */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u action", "%u of %u actions",
                                         total),
                            shown, total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", total),
                            total);
  gtk_label_set_label (self->count_label, text);
  gtk_widget_set_visible (self->clear_button, filtered);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actions.clear-filters", filtered);
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || total == 0 ? "list"
                                                                              : "no-match");
}

static guint
index_of (GPtrArray  *codes,
          const char *code)
{
  for (guint i = 1; code != NULL && i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      return i;
  return 0;
}

static void
sync_filters_from_session (UppActionsPage *self)
{
  const UppActionFilter *filter = upp_session_get_filter (self->session);
  const char *search = filter->search != NULL ? filter->search : "";

  self->updating++;
  gtk_drop_down_set_selected (self->department_dropdown,
                              index_of (self->department_codes, filter->department));
  gtk_drop_down_set_selected (self->goal_dropdown, index_of (self->goal_codes, filter->goal));
  gtk_drop_down_set_selected (self->state_dropdown,
                              filter->state < UPP_N_STATES ? filter->state + 1 : 0);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), search) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search);
  self->updating--;
}

static void
on_filter_changed (UppActionsPage *self)
{
  sync_filters_from_session (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
  sync_selection (self);
}

static void
rebuild_filter_models (UppActionsPage *self,
                       UppDashboard   *dashboard)
{
  g_autoptr(GtkStringList) departments = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) goals = gtk_string_list_new (NULL);
  const UppPackage *package = dashboard->package;

  g_ptr_array_set_size (self->department_codes, 0);
  g_ptr_array_set_size (self->goal_codes, 0);
  gtk_string_list_append (departments, _("All departments"));
  g_ptr_array_add (self->department_codes, NULL);
  gtk_string_list_append (goals, _("All goals"));
  g_ptr_array_add (self->goal_codes, NULL);

  for (guint i = 0; package != NULL && i < package->departments->len; i++)
    {
      const UppDepartment *department = g_ptr_array_index (package->departments, i);

      gtk_string_list_append (departments, department->name);
      g_ptr_array_add (self->department_codes, g_strdup (department->code));
    }
  for (guint i = 0; package != NULL && i < package->goals->len; i++)
    {
      const UppGoal *goal = g_ptr_array_index (package->goals, i);
      /* Translators: a goal in the filter, “G1 · Vara närvarande …” */
      g_autofree char *label = g_strdup_printf (_("%s · %s"), goal->code, goal->title);

      gtk_string_list_append (goals, label);
      g_ptr_array_add (self->goal_codes, g_strdup (goal->code));
    }

  self->updating++;
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (departments));
  gtk_drop_down_set_model (self->goal_dropdown, G_LIST_MODEL (goals));
  self->updating--;
}

static void
update (UppActionsPage *self)
{
  UppDashboard *dashboard = upp_session_get_dashboard (self->session);
  g_autoptr(GPtrArray) items = NULL;

  if (dashboard == NULL)
    return;

  rebuild_filter_models (self, dashboard);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < dashboard->statuses->len; i++)
    g_ptr_array_add (items, upp_action_item_new (dashboard, i));

  self->updating++;
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  self->updating--;

  on_filter_changed (self);
}

static void
on_selected_changed (UppActionsPage *self)
{
  UppActionItem *item;

  if (self->updating > 0 || self->session == NULL)
    return;
  item = gtk_single_selection_get_selected_item (self->selection);
  if (item == NULL)
    return;
  upp_session_set_selected_action (self->session, upp_action_item_get_code (item));
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
on_row_activated (UppActionsPage *self,
                  guint           position)
{
  g_autoptr(UppActionItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item == NULL)
    return;
  upp_session_set_selected_action (self->session, upp_action_item_get_code (item));
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
on_search_changed (UppActionsPage *self)
{
  if (self->updating == 0 && self->session != NULL)
    upp_session_set_search (self->session,
                            gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search (UppActionsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_department_selected (UppActionsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->department_dropdown);

  if (self->updating == 0 && self->session != NULL && selected < self->department_codes->len)
    upp_session_set_department (self->session, g_ptr_array_index (self->department_codes,
                                                                  selected));
}

static void
on_goal_selected (UppActionsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->goal_dropdown);

  if (self->updating == 0 && self->session != NULL && selected < self->goal_codes->len)
    upp_session_set_goal (self->session, g_ptr_array_index (self->goal_codes, selected));
}

static void
on_state_selected (UppActionsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->state_dropdown);

  if (self->updating == 0 && self->session != NULL && selected != GTK_INVALID_LIST_POSITION)
    upp_session_set_state_filter (self->session, (int) selected - 1);
}

static gboolean
apply_layout (gpointer user_data)
{
  UppActionsPage *self = user_data;

  self->layout_idle = 0;
  gtk_widget_set_visible (self->back_bar, adw_leaflet_get_folded (self->leaflet));
  gtk_column_view_column_set_visible (self->goal_column, self->columns >= 3);
  gtk_column_view_column_set_visible (self->last_report_column, self->columns >= 3);
  gtk_column_view_column_set_visible (self->lead_column, self->columns >= 2);
  gtk_column_view_column_set_visible (self->progress_column, self->columns >= 1);
  return G_SOURCE_REMOVE;
}

/* Nothing may change size in the middle of an allocation: changes wait
 * for an idle. */
static void
queue_layout (UppActionsPage *self)
{
  if (self->layout_idle == 0)
    self->layout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_layout, self, NULL);
}

static void
on_folded_changed (UppActionsPage *self)
{
  queue_layout (self);
}

/* The page lays out its one child itself (no layout manager) so that it
 * sees its own allocation and can pick the columns that fit. */
static void
upp_actions_page_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                        natural_baseline);
}

static void
upp_actions_page_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  UppActionsPage *self = UPP_ACTIONS_PAGE (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  int list_width;
  int columns = 0;

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);

  list_width = gtk_widget_get_width (self->list_pane);
  while (columns < (int) G_N_ELEMENTS (column_widths) && list_width < column_widths[columns])
    columns++;
  columns = (int) G_N_ELEMENTS (column_widths) - columns;
  if (list_width > 0 && columns != self->columns)
    {
      self->columns = columns;
      queue_layout (self);
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UppActionsPage *self = UPP_ACTIONS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UppActionsPage *self = UPP_ACTIONS_PAGE (widget);

  if (self->session != NULL)
    upp_session_clear_filters (self->session);
}

/**
 * upp_actions_page_show_action:
 * @self: a #UppActionsPage
 * @code: an action code
 *
 * Selects the action and shows its detail, beside the list or, when the
 * window is narrow, instead of it. A filter that hides it is cleared.
 */
void
upp_actions_page_show_action (UppActionsPage *self,
                              const char     *code)
{
  g_return_if_fail (UPP_IS_ACTIONS_PAGE (self));
  g_return_if_fail (code != NULL);

  upp_session_set_selected_action (self->session, code);
  if (find_position (self, code) == GTK_INVALID_LIST_POSITION)
    upp_session_clear_filters (self->session);
  sync_selection (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

/**
 * upp_actions_page_show_most_severe:
 * @self: a #UppActionsPage
 *
 * Shows every action, the most severe state first: the whole of the
 * overview's "Needs attention" list.
 */
void
upp_actions_page_show_most_severe (UppActionsPage *self)
{
  g_return_if_fail (UPP_IS_ACTIONS_PAGE (self));

  upp_session_clear_filters (self->session);
  gtk_column_view_sort_by_column (self->column_view, self->status_column, GTK_SORT_DESCENDING);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", 0);
}

void
upp_actions_page_focus_search (UppActionsPage *self)
{
  g_return_if_fail (UPP_IS_ACTIONS_PAGE (self));

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * upp_actions_page_get_model:
 * @self: a #UppActionsPage
 *
 * Returns: (transfer none): the rows as shown: filtered and sorted
 */
GListModel *
upp_actions_page_get_model (UppActionsPage *self)
{
  g_return_val_if_fail (UPP_IS_ACTIONS_PAGE (self), NULL);
  return G_LIST_MODEL (self->selection);
}

UppActionDetail *
upp_actions_page_get_detail (UppActionsPage *self)
{
  g_return_val_if_fail (UPP_IS_ACTIONS_PAGE (self), NULL);
  return self->detail;
}

/**
 * upp_actions_page_get_dropdown:
 * @self: a #UppActionsPage
 * @which: "department", "state" or "goal"
 *
 * Returns: (transfer none): that filter's drop-down
 */
GtkDropDown *
upp_actions_page_get_dropdown (UppActionsPage *self,
                               const char     *which)
{
  g_return_val_if_fail (UPP_IS_ACTIONS_PAGE (self), NULL);

  if (g_str_equal (which, "department"))
    return self->department_dropdown;
  if (g_str_equal (which, "state"))
    return self->state_dropdown;
  if (g_str_equal (which, "goal"))
    return self->goal_dropdown;
  g_return_val_if_reached (NULL);
}

void
upp_actions_page_set_session (UppActionsPage *self,
                              UppSession     *session)
{
  g_return_if_fail (UPP_IS_ACTIONS_PAGE (self));
  g_return_if_fail (UPP_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  upp_action_detail_set_session (self->detail, session);
  g_signal_connect_swapped (session, "notify::dashboard", G_CALLBACK (update), self);
  g_signal_connect_swapped (session, "filter-changed", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (session, "notify::selected-action", G_CALLBACK (sync_selection),
                            self);
  update (self);
}

static void
upp_actions_page_dispose (GObject *object)
{
  UppActionsPage *self = UPP_ACTIONS_PAGE (object);

  g_clear_handle_id (&self->layout_idle, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  /* Tear the tree down through the bin first: the leaflet and stack pages
   * must go before the template drops its references to their children. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), UPP_TYPE_ACTIONS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (upp_actions_page_parent_class)->dispose (object);
}

static void
upp_actions_page_finalize (GObject *object)
{
  UppActionsPage *self = UPP_ACTIONS_PAGE (object);

  g_ptr_array_unref (self->department_codes);
  g_ptr_array_unref (self->goal_codes);

  G_OBJECT_CLASS (upp_actions_page_parent_class)->finalize (object);
}

static void
upp_actions_page_class_init (UppActionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upp_actions_page_dispose;
  object_class->finalize = upp_actions_page_finalize;
  widget_class->measure = upp_actions_page_measure;
  widget_class->size_allocate = upp_actions_page_size_allocate;

  g_type_ensure (UPP_TYPE_ACTION_ITEM);
  g_type_ensure (UPP_TYPE_ACTION_DETAIL);
  g_type_ensure (UPP_TYPE_STATUS_BADGE);
  g_type_ensure (UPP_TYPE_ROW_NAME);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/se/lysekil/Uppfoljning/ui/upp-actions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, goal_dropdown);
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, code_column);
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, goal_column);
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, lead_column);
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, progress_column);
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, last_report_column);
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, back_bar);
  gtk_widget_class_bind_template_child (widget_class, UppActionsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_department_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_state_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);

  gtk_widget_class_install_action (widget_class, "actions.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "actions.clear-filters", NULL,
                                   clear_filters_action);
}

static void
upp_actions_page_init (UppActionsPage *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  GtkFilterListModel *filtered;

  self->department_codes = g_ptr_array_new_with_free_func (g_free);
  self->goal_codes = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The rows' tooltips are answered when asked (upp-item-tooltip.c). */
  upp_item_tooltip_column_view (self->column_view);
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  /* items → filter → sort (by the clicked column) → selection → view */
  self->items = g_list_store_new (UPP_TYPE_ACTION_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (on_selected_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->code_column, GTK_SORT_ASCENDING);

  gtk_string_list_append (states, _("All statuses"));
  for (int s = 0; s < UPP_N_STATES; s++)
    {
      g_autofree char *label = g_strdup_printf ("%s %s", upp_state_get_symbol (s),
                                                upp_state_get_label (s));

      gtk_string_list_append (states, label);
    }
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  self->columns = G_N_ELEMENTS (column_widths);

  upp_a11y_name_drop_down (self->department_dropdown, _("Filter by lead department"));
  upp_a11y_name_drop_down (self->state_dropdown, _("Filter by status"));
  upp_a11y_name_drop_down (self->goal_dropdown, _("Filter by goal"));
  upp_a11y_name_column_view (self->column_view, _("Actions"));
  upp_a11y_fix_mnemonics (GTK_WIDGET (self));
}
