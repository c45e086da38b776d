/* upp-a11y.c — names for what GTK 4.8 leaves unnamed
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-a11y"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "upp-a11y.h"

/* GTK 4.8 names a focusable widget that has no label of its own by its
 * type ("GtkListItemWidget", "GtkFlowBoxChild", "GtkToggleButton"): the
 * row of a column view, the button inside a drop-down, the arrows of a
 * calendar. Screen readers read that name. These helpers give those inner
 * widgets a label from the outside, where GTK has no API for it (GTK 4.12
 * adds gtk_list_item_set_accessible_label()). */

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* "_Save" → "Save"; "__" stays one underscore. */
static char *
without_mnemonic (const char *label,
                  gboolean    use_underline)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label != NULL ? label : ""; *p != '\0'; p++)
    {
      if (use_underline && *p == '_')
        {
          if (p[1] == '_')
            g_string_append_c (out, *++p);
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_type (GtkWidget  *widget,
         const char *type_name)
{
  return g_strcmp0 (G_OBJECT_TYPE_NAME (widget), type_name) == 0;
}

/**
 * upp_a11y_name_row:
 * @inside: a widget in a cell of a list or column view
 * @label: what the row says: its name and state
 *
 * Names the row (the focusable GtkListItemWidget) that holds @inside.
 */
void
upp_a11y_name_row (GtkWidget  *inside,
                   const char *label)
{
  for (GtkWidget *w = gtk_widget_get_parent (inside); w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (w));

      if (role == GTK_ACCESSIBLE_ROLE_ROW || role == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
        {
          set_label (w, label);
          /* The cell of a column view is a list item widget too, and
           * focusable; it says the same. */
          for (GtkWidget *c = gtk_widget_get_parent (inside); c != w; c = gtk_widget_get_parent (c))
            if (is_type (c, "GtkListItemWidget") || is_type (c, "GtkColumnViewCell"))
              set_label (c, label);
          return;
        }
    }
}

static char *
item_text (gpointer       item,
           GtkExpression *expression)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (item == NULL)
    return g_strdup ("");
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value)
      && G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  return g_strdup ("");
}

static char *
drop_down_value (GtkDropDown *drop_down)
{
  return item_text (gtk_drop_down_get_selected_item (drop_down),
                    gtk_drop_down_get_expression (drop_down));
}

static void
name_list_items (GtkWidget  *widget,
                 const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_POPOVER (c))
        continue;
      if (is_type (c, "GtkListItemWidget"))
        set_label (c, label);
      name_list_items (c, label);
    }
}

static void
update_drop_down (GtkDropDown *drop_down)
{
  const char *label = g_object_get_data (G_OBJECT (drop_down), "upp-a11y-label");
  g_autofree char *value = drop_down_value (drop_down);
  /* Translators: a drop-down's name and the value chosen in it */
  g_autofree char *name = g_strdup_printf (_("%s: %s"), label, value);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (drop_down)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_TOGGLE_BUTTON (c))
      {
        set_label (c, name);
        name_list_items (c, value);
      }
}

/**
 * upp_a11y_name_drop_down:
 * @drop_down: a drop-down
 * @label: what it chooses
 *
 * A GtkDropDown of GTK 4.8 takes focus on an inner, unnamed toggle
 * button: this names it "@label: value" and keeps the value current.
 */
void
upp_a11y_name_drop_down (GtkDropDown *drop_down,
                         const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  set_label (GTK_WIDGET (drop_down), label);
  g_object_set_data_full (G_OBJECT (drop_down), "upp-a11y-label", g_strdup (label), g_free);
  g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (update_drop_down), NULL);
  g_signal_connect (drop_down, "map", G_CALLBACK (update_drop_down), NULL);
  update_drop_down (drop_down);
}

/**
 * upp_a11y_name_column_view:
 * @view: a column view
 * @label: what it lists
 *
 * Names the inner list and the header row of @view, which GTK 4.8 leaves
 * named by their types.
 */
void
upp_a11y_name_column_view (GtkColumnView *view,
                           const char    *label)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  set_label (GTK_WIDGET (view), label);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (view)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LIST_VIEW (c) || is_type (c, "GtkColumnListView"))
        set_label (c, label);
      else if (is_type (c, "GtkListItemWidget"))
        set_label (c, _("Column headers"));
    }
}

static void
collect_calendar_buttons (GtkWidget *widget,
                          GPtrArray *buttons)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_BUTTON (c))
        g_ptr_array_add (buttons, c);
      else
        collect_calendar_buttons (c, buttons);
    }
}

/* Focus the first widget that takes it among the siblings of @calendar,
 * after it (@forward) or before it, wrapping round. */
static gboolean
leave_calendar (GtkWidget *calendar,
                gboolean   forward)
{
  GtkWidget *parent = gtk_widget_get_parent (calendar);
  GtkWidget *w = calendar;

  if (parent == NULL)
    return FALSE;
  for (;;)
    {
      w = forward ? gtk_widget_get_next_sibling (w) : gtk_widget_get_prev_sibling (w);
      if (w == NULL)
        w = forward ? gtk_widget_get_first_child (parent) : gtk_widget_get_last_child (parent);
      if (w == calendar)
        return FALSE;
      if (gtk_widget_child_focus (w, forward ? GTK_DIR_TAB_FORWARD : GTK_DIR_TAB_BACKWARD))
        return TRUE;
    }
}

/* GTK 4.8's calendar traps Tab: from its last arrow Tab goes back to its
 * first, and from its days Shift+Tab goes nowhere. This walks its four
 * arrows and its days in order, then out to its siblings. */
static gboolean
on_calendar_key (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 GtkCalendar           *calendar)
{
  g_autoptr(GPtrArray) stops = g_ptr_array_new ();
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (calendar)));
  gboolean forward;
  guint i;

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  forward = keyval != GDK_KEY_ISO_Left_Tab && (state & GDK_SHIFT_MASK) == 0;
  collect_calendar_buttons (GTK_WIDGET (calendar), stops);
  g_ptr_array_add (stops, calendar);
  if (focus == NULL || !g_ptr_array_find (stops, focus, &i))
    return FALSE;
  if (forward && i + 1 < stops->len)
    return gtk_widget_grab_focus (g_ptr_array_index (stops, i + 1));
  if (!forward && i > 0)
    return gtk_widget_grab_focus (g_ptr_array_index (stops, i - 1));
  return leave_calendar (GTK_WIDGET (calendar), forward);
}

/**
 * upp_a11y_fix_calendar:
 * @calendar: a calendar
 *
 * Names the four arrows of a GTK 4.8 calendar (named "GtkImage"), in the
 * order GTK builds them: month back and forward, then year; and lets Tab
 * and Shift+Tab go through the calendar and out of it.
 */
void
upp_a11y_fix_calendar (GtkCalendar *calendar)
{
  static const char *names[] = {
    N_("Previous month"), N_("Next month"), N_("Previous year"), N_("Next year"),
  };
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_CALENDAR (calendar));

  collect_calendar_buttons (GTK_WIDGET (calendar), buttons);
  for (guint i = 0; i < buttons->len && i < G_N_ELEMENTS (names); i++)
    set_label (g_ptr_array_index (buttons, i), _(names[i]));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_calendar_key), calendar);
  gtk_widget_add_controller (GTK_WIDGET (calendar), keys);
}

/**
 * upp_a11y_name_status_page:
 * @page: a status page
 *
 * The scrolled window inside an AdwStatusPage takes focus without a name:
 * it gets the page's title.
 */
void
upp_a11y_name_status_page (AdwStatusPage *page)
{
  g_return_if_fail (ADW_IS_STATUS_PAGE (page));

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (page)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_SCROLLED_WINDOW (c))
      set_label (c, adw_status_page_get_title (page));
}

/**
 * upp_a11y_name_split_button:
 * @button: a split button
 * @label: what its arrow offers
 *
 * The arrow of an AdwSplitButton is a menu button named by its type
 * (its tooltip is not its name).
 */
void
upp_a11y_name_split_button (AdwSplitButton *button,
                            const char     *label)
{
  g_return_if_fail (ADW_IS_SPLIT_BUTTON (button));

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (button)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_MENU_BUTTON (c))
      /* Its inner toggle button is labelled by it. */
      set_label (c, label);
}

static void
name_shortcuts_parts (GtkWidget *widget,
                      guint     *page)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_STACK_SWITCHER (c))
        {
          for (GtkWidget *b = gtk_widget_get_first_child (c); b != NULL;
               b = gtk_widget_get_next_sibling (b))
            {
              /* Translators: a page of the keyboard shortcuts window */
              g_autofree char *label = g_strdup_printf (_("Page %u"), ++*page);

              gtk_accessible_update_property (GTK_ACCESSIBLE (b), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              label, -1);
            }
          continue;
        }
      if (GTK_IS_TOGGLE_BUTTON (c) && gtk_button_get_label (GTK_BUTTON (c)) == NULL)
        set_label (c, _("Search Shortcuts"));
      name_shortcuts_parts (c, page);
    }
}

static void
on_shortcuts_map (GtkWidget *window)
{
  guint page = 0;

  name_shortcuts_parts (window, &page);
  if (gtk_window_get_titlebar (GTK_WINDOW (window)) != NULL)
    name_shortcuts_parts (gtk_window_get_titlebar (GTK_WINDOW (window)), &page);
}

/**
 * upp_a11y_name_shortcuts_window:
 * @window: (nullable): a shortcuts window
 *
 * GTK 4.8's shortcuts window is named by its type, its search button by
 * its image ("GtkImage") and the pages of a long section "_1", "_2": this
 * names them, each time the window is shown (the pages are built then).
 */
void
upp_a11y_name_shortcuts_window (GtkShortcutsWindow *window)
{
  if (window == NULL)
    return;
  g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (window));

  if (gtk_window_get_title (GTK_WINDOW (window)) == NULL)
    gtk_window_set_title (GTK_WINDOW (window), _("Keyboard Shortcuts"));
  set_label (GTK_WIDGET (window), _("Keyboard Shortcuts"));
  g_signal_connect (window, "map", G_CALLBACK (on_shortcuts_map), NULL);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      if ((found = find_descendant (c, type)) != NULL)
        return found;
    }
  return NULL;
}

/* An AdwComboRow of libadwaita 1.2 shows its value in an inner list view
 * whose one row takes focus without a name. */
static void
update_combo_row (AdwComboRow *row)
{
  AdwPreferencesRow *prefs_row = ADW_PREFERENCES_ROW (row);
  g_autofree char *title = without_mnemonic (adw_preferences_row_get_title (prefs_row),
                                             adw_preferences_row_get_use_underline (prefs_row));
  g_autofree char *value = item_text (adw_combo_row_get_selected_item (row),
                                      adw_combo_row_get_expression (row));

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (row)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *list = GTK_IS_LIST_VIEW (c) ? c : find_descendant (c, GTK_TYPE_LIST_VIEW);

      if (list != NULL && gtk_widget_get_ancestor (list, GTK_TYPE_POPOVER) == NULL)
        {
          set_label (list, title);
          name_list_items (list, value);
        }
    }
}

static void
name_inner_lists (GtkWidget  *widget,
                  const char *title)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LIST_BOX (c))
        set_label (c, title);
      if (!ADW_IS_PREFERENCES_ROW (c))
        name_inner_lists (c, title);
    }
}

/**
 * upp_a11y_name_preferences:
 * @root: a widget with preferences pages and groups in it
 * @page_label: the name of a page without a title
 *
 * Names what libadwaita 1.2 leaves unnamed under @root: the scrolled
 * window of each AdwPreferencesPage, the inner lists of each
 * AdwExpanderRow ("GtkListBox") and the value of each AdwComboRow. Call
 * it again after adding rows.
 */
void
upp_a11y_name_preferences (GtkWidget  *root,
                           const char *page_label)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (ADW_IS_PREFERENCES_PAGE (root))
    {
      GtkWidget *scrolled = find_descendant (root, GTK_TYPE_SCROLLED_WINDOW);
      const char *title = adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (root));

      if (scrolled != NULL)
        set_label (scrolled, title != NULL && *title != '\0' ? title : page_label);
    }
  else if (ADW_IS_COMBO_ROW (root))
    {
      if (g_object_get_data (G_OBJECT (root), "upp-a11y-named") == NULL)
        {
          g_object_set_data (G_OBJECT (root), "upp-a11y-named", GINT_TO_POINTER (1));
          g_signal_connect (root, "notify::selected-item", G_CALLBACK (update_combo_row), NULL);
        }
      update_combo_row (ADW_COMBO_ROW (root));
      return;
    }
  else if (ADW_IS_EXPANDER_ROW (root))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));

      /* The row that holds the header and the rows it reveals, and its two
       * inner lists. */
      set_label (root, title);
      name_inner_lists (root, title);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    upp_a11y_name_preferences (c, page_label);
}

/**
 * upp_a11y_fix_mnemonics:
 * @root: a widget
 *
 * GTK 4.8 names a button with a mnemonic by its label property, underscore
 * and all, followed by the text of the label inside that it is labelled
 * by: "_Save Save". Without the property the name is the inner label's
 * text alone. Buttons set the property when their label changes, so this
 * is for buttons whose label does not.
 */
void
upp_a11y_fix_mnemonics (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root))
      && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    upp_a11y_fix_mnemonics (c);
}

static GtkWidget *
find_text (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_TEXT (c))
        return c;
      if ((found = find_text (c)) != NULL)
        return found;
    }
  return NULL;
}

/**
 * upp_a11y_fix_entry_row:
 * @row: an entry row, before it is shown
 *
 * Focus in an AdwEntryRow of libadwaita 1.2 goes to an inner GtkText that
 * has no accessible role, so AT-SPI reports nothing focused and sends no
 * event while the field shows a focus ring. GTK lets a widget's role be
 * changed while it is still the class's default and the accessible is not
 * realized: the text becomes a text box, named by the row's title, that a
 * screen reader follows like a GtkEntry.
 */
void
upp_a11y_fix_entry_row (AdwEntryRow *row)
{
  GtkWidget *text;
  g_autofree char *title = NULL;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  text = find_text (GTK_WIDGET (row));
  if (text == NULL)
    return;
  title = without_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                            adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)));
  if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (text)) == GTK_ACCESSIBLE_ROLE_NONE)
    g_object_set (text, "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX, NULL);
  set_label (text, title);
}

/**
 * upp_a11y_drop_empty_description:
 * @row: an action (or combo) row without a subtitle
 *
 * An AdwActionRow of libadwaita 1.2 is described by its subtitle label,
 * also when there is none: a screen reader then reads an empty
 * description. Without a subtitle, the row is described by nothing.
 */
void
upp_a11y_drop_empty_description (AdwActionRow *row)
{
  const char *subtitle;

  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  subtitle = adw_action_row_get_subtitle (row);
  if (subtitle == NULL || *subtitle == '\0')
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
}

/* UppRowName: an empty widget in a cell of a list that names the row it
 * is in, so that a .ui file can bind a row's name like any cell. */

struct _UppRowName
{
  GtkWidget  parent_instance;

  char      *label;
};

G_DEFINE_FINAL_TYPE (UppRowName, upp_row_name, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
upp_row_name_apply (UppRowName *self)
{
  if (self->label != NULL && gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    upp_a11y_name_row (GTK_WIDGET (self), self->label);
}

static void
upp_row_name_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (upp_row_name_parent_class)->root (widget);
  upp_row_name_apply (UPP_ROW_NAME (widget));
}

static void
upp_row_name_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  UppRowName *self = UPP_ROW_NAME (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upp_row_name_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  UppRowName *self = UPP_ROW_NAME (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      if (g_strcmp0 (self->label, g_value_get_string (value)) != 0)
        {
          g_free (self->label);
          self->label = g_value_dup_string (value);
          upp_row_name_apply (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
upp_row_name_finalize (GObject *object)
{
  g_free (UPP_ROW_NAME (object)->label);
  G_OBJECT_CLASS (upp_row_name_parent_class)->finalize (object);
}

static void
upp_row_name_class_init (UppRowNameClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = upp_row_name_get_property;
  object_class->set_property = upp_row_name_set_property;
  object_class->finalize = upp_row_name_finalize;
  widget_class->root = upp_row_name_root;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
                                                | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_NONE);
}

static void
upp_row_name_init (UppRowName *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
