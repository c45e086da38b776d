/* upp-report-entries.c — the form's widgets built from its values: a group
 * per goal, an expander per action, writable or read-only
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-report-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "upp-a11y.h"
#include "upp-report-text-row.h"
#include "upp-report-window-private.h"

/* A row under a field that holds its problem, hidden while there is none. */
static GtkWidget *
new_message_row (GtkLabel **out_label)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW, NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "field-message");
  gtk_widget_add_css_class (label, "message-row-label");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_visible (row, FALSE);
  *out_label = GTK_LABEL (label);
  return row;
}

void
upp_report_window_update_expander (UppReportWindow *self,
                                   const char      *action)
{
  AdwExpanderRow *expander = g_hash_table_lookup (self->expanders, action);
  const UppReportFormEntry *entry = upp_report_form_find_entry (self->form, action);
  const UppPackage *package = upp_report_window_get_package (self);
  const UppAction *definition = package != NULL ? upp_package_find_action (package, action) : NULL;
  g_autofree char *status = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *state_class = NULL;
  GtkWidget *dot;
  const char *role;
  guint n_problems;

  if (expander == NULL || entry == NULL)
    return;

  status = upp_status_describe (entry->status);
  role = definition != NULL && g_strcmp0 (definition->lead, self->form->department) == 0
           ? C_("role", "Lead") : C_("role", "Contributing");
  /* Translators: an action's line in the report form, “Lead · ● On track · 88 %” */
  subtitle = g_strdup_printf (_("%s · %s · %d %%"), role, status, entry->progress);
  n_problems = upp_report_window_count_problems (self, action);
  if (n_problems > 0)
    {
      g_autofree char *problems = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem",
                                                                "%u problems", n_problems),
                                                   n_problems);
      char *with = g_strdup_printf ("%s · ⚠ %s", subtitle, problems);

      g_free (subtitle);
      subtitle = with;
      gtk_widget_add_css_class (GTK_WIDGET (expander), "field-error");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (expander), "field-error");
  adw_expander_row_set_subtitle (expander, subtitle);

  dot = g_object_get_data (G_OBJECT (expander), "upp-dot");
  if (dot != NULL)
    {
      UppState state = upp_status_to_state (entry->status);

      state_class = g_strconcat ("state-", upp_state_to_string (state), NULL);
      gtk_widget_set_css_classes (dot, (const char *[]) { state_class, NULL });
      gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (dot)),
                           upp_state_get_symbol (state));
    }
}

static GtkWidget *
new_dot (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "state-dot");
  /* The subtitle says the status in words. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static char *
format_progress (GtkScale *scale,
                 double    value,
                 gpointer  user_data)
{
  /* Translators: progress in percent, “60 %” */
  return g_strdup_printf (_("%d %%"), (int) value);
}

static const UppReportChange *
find_change (UppReportWindow *self,
             const char      *key)
{
  for (guint i = 0; self->changes != NULL && i < self->changes->len; i++)
    {
      const UppReportChange *change = g_ptr_array_index (self->changes, i);

      if (g_str_equal (change->key, key))
        return change;
    }
  return NULL;
}

/* Read-only: a value beside its title, and what it was before. */
GtkWidget *
upp_report_window_new_value_row (UppReportWindow *self,
                                 const char      *title,
                                 const char      *value,
                                 const char      *key)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);
  const UppReportChange *change = key != NULL ? find_change (self, key) : NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  if (change != NULL)
    {
      g_autofree char *before = g_strdup_printf (_("Before: %s"), *change->before != '\0'
                                                                  ? change->before
                                                                  : C_("text", "(empty)"));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), before);
      gtk_widget_add_css_class (row, "changed");
    }
  return row;
}

GtkWidget *
upp_report_window_new_text_row (UppReportWindow *self,
                                const char      *action,
                                const char      *name,
                                const char      *title,
                                const char      *hint,
                                const char      *text,
                                GtkWidget      **out_row)
{
  g_autofree char *key = upp_report_form_key (action, name, NULL);
  const UppReportChange *change = self->read_only ? find_change (self, key) : NULL;
  GtkWidget *row = upp_report_text_row_new (title, self->read_only ? NULL : hint);

  upp_report_text_row_set_text (UPP_REPORT_TEXT_ROW (row), text);
  upp_report_text_row_set_editable (UPP_REPORT_TEXT_ROW (row), !self->read_only);
  if (change != NULL)
    upp_report_text_row_set_previous (UPP_REPORT_TEXT_ROW (row), change->before);
  /* Read-only, an empty text that was empty before says nothing. */
  if (self->read_only && *text == '\0' && change == NULL)
    gtk_widget_set_visible (row, FALSE);
  if (!self->read_only)
    {
      UppReportField *field = upp_report_window_add_field (self, action, name, NULL,
                                                           upp_report_field_label (name), row, row);

      g_signal_connect_swapped (row, "changed", G_CALLBACK (upp_report_field_on_changed), field);
    }
  *out_row = row;
  return row;
}

static void
add_to_expander (AdwExpanderRow *expander,
                 GtkWidget      *row)
{
  adw_expander_row_add_row (expander, row);
}

static void
build_entry (UppReportWindow    *self,
             AdwPreferencesGroup *group,
             UppReportFormEntry *entry,
             const UppAction    *definition,
             gboolean            expanded)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  g_autofree char *title = NULL;
  GtkWidget *row;
  UppReportField *field;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  /* Translators: an action in the report form, “A1 · Evening presence …” */
  title = g_strdup_printf (_("%s · %s"), entry->action,
                           definition != NULL ? definition->title : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  g_object_set_data (G_OBJECT (expander), "upp-dot", new_dot ());
  adw_expander_row_add_prefix (expander, g_object_get_data (G_OBJECT (expander), "upp-dot"));
  g_hash_table_replace (self->expanders, g_strdup (entry->action), expander);

  if (self->read_only)
    {
      g_autofree char *status = upp_status_describe (entry->status);
      g_autofree char *progress = g_strdup_printf (_("%d %%"), entry->progress);
      g_autofree char *status_key = upp_report_form_key (entry->action, "status", NULL);
      g_autofree char *progress_key = upp_report_form_key (entry->action, "progress", NULL);

      add_to_expander (expander, upp_report_window_new_value_row (self, _("Status"), status,
                                                                  status_key));
      add_to_expander (expander, upp_report_window_new_value_row (self, _("Progress"), progress,
                                                                  progress_key));
    }
  else
    {
      GtkStringList *labels = gtk_string_list_new (NULL);
      GtkWidget *box, *label, *scale;
      GtkLabel *message;
      g_autofree char *scale_label = NULL;

      for (UppStatus s = 0; s < UPP_N_STATUSES; s++)
        {
          g_autofree char *text = upp_status_describe (s);

          gtk_string_list_append (labels, text);
        }
      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Status"));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      g_object_unref (labels);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), entry->status);
      upp_a11y_drop_empty_description (ADW_ACTION_ROW (row));
      add_to_expander (expander, row);
      field = upp_report_window_add_field (self, entry->action, "status", NULL, _("Status"), row,
                                           row);
      field->message_row = new_message_row (&message);
      field->message_label = message;
      add_to_expander (expander, field->message_row);
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (upp_report_field_on_changed),
                                field);

      /* Progress: the scale takes the row's width, the number beside it. */
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_widget_add_css_class (row, "progress-row");
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      label = gtk_label_new_with_mnemonic (_("_Progress"));
      scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 100, 1);
      gtk_widget_set_hexpand (scale, TRUE);
      gtk_scale_set_draw_value (GTK_SCALE (scale), TRUE);
      gtk_scale_set_value_pos (GTK_SCALE (scale), GTK_POS_RIGHT);
      gtk_scale_set_digits (GTK_SCALE (scale), 0);
      gtk_range_set_round_digits (GTK_RANGE (scale), 0);
      gtk_range_set_increments (GTK_RANGE (scale), 1, 10);
      gtk_scale_set_format_value_func (GTK_SCALE (scale), format_progress, NULL, NULL);
      gtk_range_set_value (GTK_RANGE (scale), entry->progress);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), scale);
      /* Translators: accessible name of the progress scale, “Progress of A1” */
      scale_label = g_strdup_printf (_("Progress of %s"), entry->action);
      gtk_accessible_update_property (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      scale_label, -1);
      /* The mnemonic label names it too ("Progress of A1 Progress"): the
       * label above says it all. Alt+P still works. */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (scale), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), scale);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      add_to_expander (expander, row);
      field = upp_report_window_add_field (self, entry->action, "progress", NULL, _("Progress"),
                                           scale, row);
      field->message_row = new_message_row (&message);
      field->message_label = message;
      add_to_expander (expander, field->message_row);
      g_signal_connect_swapped (scale, "value-changed", G_CALLBACK (upp_report_field_on_changed),
                                field);
    }

  add_to_expander (expander,
                   upp_report_window_new_text_row (self, entry->action, "comment", _("_This week"),
                                                   _("What happened, in counts and facts — "
                                                     "never names"),
                                                   entry->comment, &row));
  add_to_expander (expander,
                   upp_report_window_new_text_row (self, entry->action, "next_steps",
                                                   _("_Next steps"),
                                                   _("What happens next, and when"),
                                                   entry->next_steps, &row));
  add_to_expander (expander,
                   upp_report_window_new_text_row (self, entry->action, "risks",
                                                   _("_Risks and problems"),
                                                   _("Expected when the action is at risk or "
                                                     "delayed"),
                                                   entry->risks, &row));

  for (guint i = 0; i < entry->indicators->len; i++)
    {
      UppReportFormIndicator *value = g_ptr_array_index (entry->indicators, i);
      const UppIndicator *indicator = definition != NULL
                                        ? upp_action_find_indicator (definition, value->code) : NULL;
      const char *name = indicator != NULL ? indicator->name : value->code;
      const char *unit = indicator != NULL && indicator->unit != NULL ? indicator->unit : "";
      g_autofree char *key = upp_report_form_key (entry->action, "indicators", value->code);
      GtkLabel *message;

      if (self->read_only)
        {
          g_autofree char *text = *value->text != '\0' ? g_strdup_printf ("%s %s", value->text, unit)
                                                       : g_strdup ("—");

          row = upp_report_window_new_value_row (self, name, g_strstrip (text), key);
          if (*value->text == '\0' && find_change (self, key) == NULL)
            gtk_widget_set_visible (row, FALSE);
          add_to_expander (expander, row);
          continue;
        }

      row = adw_entry_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      upp_a11y_fix_entry_row (ADW_ENTRY_ROW (row));
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_NUMBER);
      gtk_editable_set_text (GTK_EDITABLE (row), value->text);
      if (*unit != '\0')
        {
          GtkWidget *unit_label = gtk_label_new (unit);

          gtk_widget_add_css_class (unit_label, "dim-label");
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), unit_label);
        }
      add_to_expander (expander, row);
      field = upp_report_window_add_field (self, entry->action, "indicators", value->code, name,
                                           row, row);
      field->message_row = new_message_row (&message);
      field->message_label = message;
      add_to_expander (expander, field->message_row);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (upp_report_field_on_changed), field);
    }

  if (self->read_only)
    {
      const UppReportChange *added = find_change (self, entry->action);
      gboolean changed = FALSE;
      gsize length = strlen (entry->action);

      for (guint i = 0; self->changes != NULL && i < self->changes->len; i++)
        {
          const UppReportChange *change = g_ptr_array_index (self->changes, i);

          changed |= g_str_has_prefix (change->key, entry->action) &&
                     (change->key[length] == '\0' || change->key[length] == '/');
        }
      adw_expander_row_set_subtitle (expander,
                                     added != NULL ? _("New in this correction")
                                                   : changed ? _("Corrected") : "");
      /* A correction opens on what it changed. */
      if (self->previous != NULL)
        expanded = changed || added != NULL;
    }

  adw_expander_row_set_expanded (expander, expanded);
  adw_preferences_group_add (group, GTK_WIDGET (expander));
  if (!self->read_only)
    upp_report_window_update_expander (self, entry->action);
  else
    {
      g_autofree char *subtitle = NULL;
      GtkWidget *dot = g_object_get_data (G_OBJECT (expander), "upp-dot");
      UppState state = upp_status_to_state (entry->status);
      g_autofree char *state_class = g_strconcat ("state-", upp_state_to_string (state), NULL);
      g_autofree char *status = upp_status_describe (entry->status);
      const char *extra = adw_expander_row_get_subtitle (expander);

      subtitle = *extra != '\0' ? g_strdup_printf (_("%s · %d %% · %s"), status, entry->progress,
                                                   extra)
                                : g_strdup_printf (_("%s · %d %%"), status, entry->progress);
      adw_expander_row_set_subtitle (expander, subtitle);
      gtk_widget_set_css_classes (dot, (const char *[]) { state_class, NULL });
      gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (dot)),
                           upp_state_get_symbol (state));
    }
}

void
upp_report_window_clear_entries (UppReportWindow *self)
{
  GHashTableIter iter;
  gpointer value;

  /* The fields of the entries first, while their widgets are alive; the
   * report group's own fields stay. */
  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((UppReportField *) value)->action != NULL)
      g_hash_table_iter_remove (&iter);

  g_hash_table_remove_all (self->expanders);
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
}

AdwPreferencesGroup *
upp_report_window_new_group (UppReportWindow *self,
                             const char      *title,
                             const char      *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped = description != NULL ? g_markup_escape_text (description, -1) : NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped_title);
  if (escaped != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), escaped);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
  return ADW_PREFERENCES_GROUP (group);
}

/* One group per goal, in package order; in each the actions the
 * department leads first, then those it contributes to (the order the
 * entries already have). */
void
upp_report_window_build_entries (UppReportWindow *self)
{
  const UppPackage *package = upp_report_window_get_package (self);
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  AdwPreferencesGroup *other = NULL;
  gboolean first = TRUE;

  self->loading++;
  upp_report_window_clear_entries (self);

  for (guint g = 0; package != NULL && g < package->goals->len; g++)
    {
      const UppGoal *goal = g_ptr_array_index (package->goals, g);
      AdwPreferencesGroup *group = NULL;

      for (guint i = 0; i < self->form->entries->len; i++)
        {
          UppReportFormEntry *entry = g_ptr_array_index (self->form->entries, i);
          const UppAction *action = upp_package_find_action (package, entry->action);
          g_autofree char *group_title = NULL;

          if (action == NULL || g_strcmp0 (action->goal, goal->code) != 0)
            continue;
          if (group == NULL)
            {
              /* Translators: a group of the report form, “Goal G1” */
              group_title = g_strdup_printf (_("Goal %s"), goal->code);
              group = upp_report_window_new_group (self, group_title, goal->title);
            }
          /* Read-only, everything shows; writing, the first action opens. */
          build_entry (self, group, entry, action, self->read_only || first);
          first = FALSE;
          g_hash_table_add (placed, entry->action);
        }
    }

  /* Entries for actions the package does not define (a report from another
   * package revision): shown, for the rules to flag. */
  for (guint i = 0; i < self->form->entries->len; i++)
    {
      UppReportFormEntry *entry = g_ptr_array_index (self->form->entries, i);

      if (g_hash_table_contains (placed, entry->action))
        continue;
      if (other == NULL)
        other = upp_report_window_new_group (self, _("Other actions"), NULL);
      build_entry (self, other, entry, NULL, TRUE);
    }
  self->loading--;
}
