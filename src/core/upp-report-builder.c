/* upp-report-builder.c — a weekly report as a form holds it: values in,
 * JSON out, the importer's problems mapped back to fields, corrections
 * compared with the revision before
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-report-builder"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "upp-error.h"
#include "upp-json-reader.h"
#include "upp-import.h"
#include "upp-report-builder.h"
#include "upp-text.h"

/* Memory */

static void
indicator_free (UppReportFormIndicator *self)
{
  if (self == NULL)
    return;
  g_free (self->code);
  g_free (self->text);
  g_free (self);
}

static UppReportFormIndicator *
indicator_new (const char *code,
               const char *text)
{
  UppReportFormIndicator *self = g_new0 (UppReportFormIndicator, 1);

  self->code = g_strdup (code);
  self->text = g_strdup (text != NULL ? text : "");
  return self;
}

UppReportFormEntry *
upp_report_form_entry_new (const char *action)
{
  UppReportFormEntry *self = g_new0 (UppReportFormEntry, 1);

  self->action = g_strdup (action);
  self->status = UPP_STATUS_NOT_STARTED;
  self->comment = g_strdup ("");
  self->next_steps = g_strdup ("");
  self->risks = g_strdup ("");
  self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) indicator_free);
  return self;
}

void
upp_report_form_entry_free (UppReportFormEntry *self)
{
  if (self == NULL)
    return;
  g_free (self->action);
  g_free (self->comment);
  g_free (self->next_steps);
  g_free (self->risks);
  g_ptr_array_unref (self->indicators);
  g_free (self);
}

UppReportForm *
upp_report_form_new (void)
{
  UppReportForm *self = g_new0 (UppReportForm, 1);

  self->reporter = g_strdup ("");
  self->summary = g_strdup ("");
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_report_form_entry_free);
  return self;
}

void
upp_report_form_free (UppReportForm *self)
{
  if (self == NULL)
    return;
  g_free (self->package);
  g_free (self->department);
  g_free (self->submitted);
  g_free (self->reporter);
  g_free (self->summary);
  g_ptr_array_unref (self->entries);
  g_free (self);
}

void
upp_report_problem_free (UppReportProblem *self)
{
  if (self == NULL)
    return;
  g_free (self->key);
  g_free (self->path);
  g_free (self->message);
  g_free (self);
}

void
upp_report_change_free (UppReportChange *self)
{
  if (self == NULL)
    return;
  g_free (self->key);
  g_free (self->before);
  g_free (self->after);
  g_free (self);
}

/**
 * upp_report_form_copy:
 * @self: a #UppReportForm
 *
 * Returns: (transfer full): a deep copy
 */
UppReportForm *
upp_report_form_copy (const UppReportForm *self)
{
  UppReportForm *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = upp_report_form_new ();
  copy->package = g_strdup (self->package);
  copy->department = g_strdup (self->department);
  copy->week = self->week;
  copy->submitted = g_strdup (self->submitted);
  g_free (copy->reporter);
  copy->reporter = g_strdup (self->reporter);
  g_free (copy->summary);
  copy->summary = g_strdup (self->summary);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const UppReportFormEntry *entry = g_ptr_array_index (self->entries, i);
      UppReportFormEntry *e = upp_report_form_entry_new (entry->action);

      e->status = entry->status;
      e->progress = entry->progress;
      g_free (e->comment);
      e->comment = g_strdup (entry->comment);
      g_free (e->next_steps);
      e->next_steps = g_strdup (entry->next_steps);
      g_free (e->risks);
      e->risks = g_strdup (entry->risks);
      for (guint j = 0; j < entry->indicators->len; j++)
        {
          const UppReportFormIndicator *value = g_ptr_array_index (entry->indicators, j);

          g_ptr_array_add (e->indicators, indicator_new (value->code, value->text));
        }
      g_ptr_array_add (copy->entries, e);
    }
  return copy;
}

/* Reading: JSON → values. Lenient: a draft need not be valid, and a value
 * of the wrong type is kept as text for the importer's rules to flag. */

static char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g",
                                          json_node_get_double (node)));
      }
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return g_strdup ("");
    }
}

static UppReportFormEntry *
entry_from_json (JsonObject       *o,
                 const UppPackage *package)
{
  g_autofree char *action = member_text (o, "action");
  g_autofree char *status = member_text (o, "status");
  g_autoptr(UppReportFormEntry) entry = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  JsonNode *indicators = json_object_get_member (o, "indicators");
  const UppAction *definition = NULL;
  JsonNode *progress;

  if (*action == '\0')
    return NULL;

  entry = upp_report_form_entry_new (action);
  if (!upp_status_from_string (status, &entry->status))
    entry->status = UPP_STATUS_NOT_STARTED;
  progress = json_object_get_member (o, "progress");
  if (progress != NULL && JSON_NODE_HOLDS_VALUE (progress) &&
      (json_node_get_value_type (progress) == G_TYPE_INT64 ||
       json_node_get_value_type (progress) == G_TYPE_DOUBLE))
    entry->progress = (int) CLAMP (json_node_get_double (progress), 0, 100);
  g_free (entry->comment);
  entry->comment = member_text (o, "comment");
  g_free (entry->next_steps);
  entry->next_steps = member_text (o, "next_steps");
  g_free (entry->risks);
  entry->risks = member_text (o, "risks");

  if (indicators != NULL && JSON_NODE_HOLDS_OBJECT (indicators))
    {
      JsonObject *object = json_node_get_object (indicators);
      g_autoptr(GList) members = json_object_get_members (object);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          g_ptr_array_add (order, g_strdup (l->data));
          g_hash_table_insert (values, g_strdup (l->data), member_text (object, l->data));
        }
    }

  /* Every indicator of the action, in package order, measured or not;
   * then any the package does not know, for the rules to flag. */
  if (package != NULL)
    definition = upp_package_find_action (package, action);
  if (definition != NULL)
    for (guint i = 0; i < definition->indicators->len; i++)
      {
        const UppIndicator *indicator = g_ptr_array_index (definition->indicators, i);

        g_ptr_array_add (entry->indicators,
                         indicator_new (indicator->code,
                                        g_hash_table_lookup (values, indicator->code)));
      }
  for (guint i = 0; i < order->len; i++)
    {
      const char *code = g_ptr_array_index (order, i);

      if (definition == NULL || upp_action_find_indicator (definition, code) == NULL)
        g_ptr_array_add (entry->indicators,
                         indicator_new (code, g_hash_table_lookup (values, code)));
    }
  return g_steal_pointer (&entry);
}

/**
 * upp_report_form_new_from_json:
 * @json: a report, a draft or a template
 * @length: its length, or -1 if nul-terminated
 * @package: (nullable): the package in force; each entry then lists all
 *   the indicators of its action, in package order
 * @error: a #GError
 *
 * Reads the values of a report. Lenient: a draft need not be valid.
 *
 * Returns: (transfer full) (nullable): the values, or %NULL if @json is
 *   not a JSON object with a week
 */
UppReportForm *
upp_report_form_new_from_json (const char        *json,
                               gssize             length,
                               const UppPackage  *package,
                               GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(UppReportForm) form = upp_report_form_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *week = NULL;
  JsonObject *root;
  JsonNode *entries;

  g_return_val_if_fail (json != NULL, NULL);

  /* json-glib recurses once per level and accepts what RFC 8259 does not:
   * the strict reader (depth and size limits, no recursion) reads it first,
   * whatever its source (a draft, a stored document, a file). */
  if (!upp_json_text_is_valid (json, length < 0 ? strlen (json) : (gsize) length, &local_error))
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_PARSE, _("Not a report: %s"), local_error->message);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_PARSE, _("Not a report: %s"), local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, UPP_ERROR, UPP_ERROR_PARSE, _("Not a report: expected an object"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  week = member_text (root, "week");
  if (!upp_week_parse (week, &form->week, error))
    return NULL;
  form->package = member_text (root, "package");
  form->department = member_text (root, "department");
  if (json_object_has_member (root, "submitted"))
    form->submitted = member_text (root, "submitted");
  g_free (form->reporter);
  form->reporter = member_text (root, "reporter");
  g_free (form->summary);
  form->summary = member_text (root, "summary");

  entries = json_object_get_member (root, "entries");
  if (entries != NULL && JSON_NODE_HOLDS_ARRAY (entries))
    {
      JsonArray *array = json_node_get_array (entries);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          UppReportFormEntry *entry;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          entry = entry_from_json (json_node_get_object (node), package);
          if (entry != NULL)
            g_ptr_array_add (form->entries, entry);
        }
    }
  return g_steal_pointer (&form);
}

/**
 * upp_report_form_new_template:
 * @store: a #UppStore
 * @department: a department code
 * @week: the week to report on
 * @error: a #GError
 *
 * A new report, pre-filled exactly as the command line's `template`
 * writes it (upp_report_template()): so the form and the CLI start from
 * the same skeleton.
 *
 * Returns: (transfer full) (nullable): the values
 */
UppReportForm *
upp_report_form_new_template (UppStore    *store,
                              const char  *department,
                              UppWeek      week,
                              GError     **error)
{
  g_autofree char *json = NULL;
  g_autoptr(UppPackage) package = NULL;
  UppReportForm *form;

  g_return_val_if_fail (UPP_IS_STORE (store), NULL);
  g_return_val_if_fail (department != NULL, NULL);

  json = upp_report_template (store, department, week, error);
  if (json == NULL)
    return NULL;
  package = upp_store_ref_package (store);
  form = upp_report_form_new_from_json (json, -1, package, error);
  if (form != NULL)
    /* Submitted when it is saved, not when the form was opened. */
    g_clear_pointer (&form->submitted, g_free);
  return form;
}

UppReportFormEntry *
upp_report_form_find_entry (const UppReportForm *self,
                            const char          *action)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      UppReportFormEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (entry->action, action) == 0)
        return entry;
    }
  return NULL;
}

static UppReportFormIndicator *
find_indicator (const UppReportFormEntry *entry,
                const char               *code)
{
  for (guint i = 0; entry != NULL && i < entry->indicators->len; i++)
    {
      UppReportFormIndicator *value = g_ptr_array_index (entry->indicators, i);

      if (g_strcmp0 (value->code, code) == 0)
        return value;
    }
  return NULL;
}

const char *
upp_report_form_get_indicator (const UppReportForm *self,
                               const char          *action,
                               const char          *indicator)
{
  UppReportFormIndicator *value;

  g_return_val_if_fail (self != NULL, NULL);

  value = find_indicator (upp_report_form_find_entry (self, action), indicator);
  return value != NULL ? value->text : NULL;
}

/* Returns: FALSE if the entry or the indicator is not in the form */
gboolean
upp_report_form_set_indicator (UppReportForm *self,
                               const char    *action,
                               const char    *indicator,
                               const char    *text)
{
  UppReportFormIndicator *value;

  g_return_val_if_fail (self != NULL, FALSE);

  value = find_indicator (upp_report_form_find_entry (self, action), indicator);
  if (value == NULL)
    return FALSE;
  g_free (value->text);
  value->text = g_strdup (text != NULL ? text : "");
  return TRUE;
}

/* Writing: values → JSON */

/* A number as people type it: "4", "-2", "3.5" or "3,5" (the Swedish
 * decimal comma), spaces around it and between thousands ("1 200").
 * Anything else is not a number, and is written as text for the
 * importer to refuse at its place. */
static gboolean
parse_number (const char *text,
              double     *out_value)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  const char *p;
  gboolean digits = FALSE;
  char *end = NULL;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == 0x00A0 || c == 0x202F || c == '\t')
        continue;
      if (c == ',')
        c = '.';
      if (c == 0x2212)  /* minus sign */
        c = '-';
      if (c > 0x7f)
        return FALSE;
      g_string_append_c (plain, (char) c);
    }
  /* Only [+-]digits[.digits][e[+-]digits]: strtod would also take hex,
   * "inf" and "nan". */
  p = plain->str;
  if (*p == '-' || *p == '+')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (digits && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (*p == '-' || *p == '+')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (!digits || *p != '\0')
    return FALSE;
  *out_value = g_ascii_strtod (plain->str, &end);
  return end != NULL && *end == '\0' && isfinite (*out_value);
}

static void
add_number (JsonBuilder *builder,
            double       value)
{
  /* As upp_report_template() writes them: whole numbers as integers. */
  if (value == floor (value) && fabs (value) < 1e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

static void
add_entry (JsonBuilder              *builder,
           const UppReportFormEntry *entry)
{
  gboolean any = FALSE;

  json_builder_begin_object (builder);
  add_string (builder, "action", entry->action);
  add_string (builder, "status", upp_status_to_string (entry->status));
  json_builder_set_member_name (builder, "progress");
  json_builder_add_int_value (builder, CLAMP (entry->progress, 0, 100));
  add_string (builder, "comment", entry->comment);
  add_string (builder, "next_steps", entry->next_steps);
  add_string (builder, "risks", entry->risks);

  for (guint i = 0; i < entry->indicators->len && !any; i++)
    {
      const UppReportFormIndicator *value = g_ptr_array_index (entry->indicators, i);
      g_autofree char *text = g_strstrip (g_strdup (value->text));

      any = *text != '\0';
    }
  if (any)
    {
      json_builder_set_member_name (builder, "indicators");
      json_builder_begin_object (builder);
      for (guint i = 0; i < entry->indicators->len; i++)
        {
          const UppReportFormIndicator *value = g_ptr_array_index (entry->indicators, i);
          g_autofree char *text = g_strstrip (g_strdup (value->text));
          double number;

          /* Not measured this week: left out, never written as 0. */
          if (*text == '\0')
            continue;
          json_builder_set_member_name (builder, value->code);
          if (parse_number (text, &number))
            add_number (builder, number);
          else
            json_builder_add_string_value (builder, text);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

/**
 * upp_report_now:
 *
 * When a report made now was submitted, with the UTC offset: by the clock
 * upp_week_today() reads, so with `UPP_TODAY` set (tests, screenshots)
 * that day at noon, as upp_report_template() does.
 *
 * Returns: (transfer full): e.g. `2026-11-27T12:00:00+01:00`
 */
char *
upp_report_now (void)
{
  const char *fake = g_getenv ("UPP_TODAY");
  g_autoptr(GDateTime) now = NULL;
  GDate date;

  if (fake != NULL && upp_date_parse (fake, &date))
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      now = g_date_time_new (local, g_date_get_year (&date), g_date_get_month (&date),
                             g_date_get_day (&date), 12, 0, 0);
    }
  else
    now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
}

/**
 * upp_report_form_to_json:
 * @self: the values
 *
 * The report as a department sends it, in the shape upp_report_template()
 * writes: every text field present (empty when there is nothing to say),
 * indicators that were not measured left out. Indicator values that are
 * not numbers are written as text, so that upp_document_parse() refuses
 * them at their place.
 *
 * Returns: (transfer full): the JSON text, ending in a newline
 */
char *
upp_report_form_to_json (const UppReportForm *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *week = NULL;
  g_autofree char *now = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  week = upp_week_format (self->week);
  if (self->submitted == NULL)
    now = upp_report_now ();

  json_builder_begin_object (builder);
  add_string (builder, "format", "uppfoljning-report");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  add_string (builder, "package", self->package);
  add_string (builder, "department", self->department);
  add_string (builder, "week", week);
  add_string (builder, "submitted", self->submitted != NULL ? self->submitted : now);
  add_string (builder, "reporter", self->reporter);
  add_string (builder, "summary", self->summary);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->entries->len; i++)
    add_entry (builder, g_ptr_array_index (self->entries, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

/**
 * upp_report_form_get_filename:
 * @self: the values
 * @revision: 1 for the week's first report, 2… for corrections
 *
 * Returns: (transfer full): the name docs/formats.md asks for, e.g.
 *   `SOC-2026-W26.json` or `SOC-2026-W26-rev2.json`
 */
char *
upp_report_form_get_filename (const UppReportForm *self,
                              int                  revision)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (revision > 1)
    return g_strdup_printf ("%s-%04d-W%02d-rev%d.json", self->department, self->week.year,
                            self->week.week, revision);
  return g_strdup_printf ("%s-%04d-W%02d.json", self->department, self->week.year,
                          self->week.week);
}

/* Problems → fields */

/**
 * upp_report_form_key:
 * @action: (nullable): an action's code, or %NULL for a field of the
 *   report itself
 * @field: (nullable): `status`, `progress`, `comment`, `next_steps`,
 *   `risks`, `indicators`; or `reporter`, `summary`, `week`… without
 *   @action; %NULL for the action's entry as a whole
 * @indicator: (nullable): with @field `indicators`, the indicator's code
 *
 * The name of a field of the form: `summary`, `A1`, `A1/progress`,
 * `A1/indicators/evening-shifts`. Codes never hold a “/”.
 *
 * Returns: (transfer full): the key
 */
char *
upp_report_form_key (const char *action,
                     const char *field,
                     const char *indicator)
{
  if (action == NULL)
    return g_strdup (field);
  if (field == NULL)
    return g_strdup (action);
  if (indicator != NULL)
    return g_strdup_printf ("%s/%s/%s", action, field, indicator);
  return g_strdup_printf ("%s/%s", action, field);
}

/**
 * upp_report_form_key_for_path:
 * @self: the values the JSON was built from
 * @path: a JSON path as the importer names places: `entries[3].progress`,
 *   `entries[0].indicators.evening-shifts`, `summary`
 *
 * Returns: (transfer full) (nullable): the field's key, or %NULL if @path
 *   names no field of the form
 */
char *
upp_report_form_key_for_path (const UppReportForm *self,
                              const char          *path)
{
  const UppReportFormEntry *entry;
  g_autofree char *field = NULL;
  const char *rest;
  const char *dot;
  char *end = NULL;
  guint64 index;

  g_return_val_if_fail (self != NULL, NULL);

  if (path == NULL || *path == '\0')
    return NULL;
  if (!g_str_has_prefix (path, "entries["))
    return g_strndup (path, strcspn (path, ".["));

  index = g_ascii_strtoull (path + strlen ("entries["), &end, 10);
  if (end == NULL || *end != ']' || index >= self->entries->len)
    return g_strdup ("entries");
  entry = g_ptr_array_index (self->entries, index);
  rest = end + 1;
  if (*rest != '.')
    return g_strdup (entry->action);
  rest++;
  dot = strchr (rest, '.');
  field = dot != NULL ? g_strndup (rest, dot - rest) : g_strdup (rest);
  if (g_str_equal (field, "action"))
    return g_strdup (entry->action);
  if (g_str_equal (field, "indicators") && dot != NULL)
    /* An indicator's code may hold a dot: the rest is the code. */
    return upp_report_form_key (entry->action, field, dot + 1);
  return upp_report_form_key (entry->action, field, NULL);
}

static gboolean
is_path (const char *text,
         gsize       length)
{
  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (text[i]) && strchr ("_.-[]", text[i]) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * upp_report_form_map_problems:
 * @self: the values the document was built from
 * @display_name: the name the document was parsed under
 * @problems: (element-type utf8): the importer's messages,
 *   `NAME: PATH: MESSAGE` or `NAME: MESSAGE`
 *
 * Returns: (transfer full) (element-type UppReportProblem): one per
 *   message, in the same order
 */
GPtrArray *
upp_report_form_map_problems (const UppReportForm *self,
                              const char          *display_name,
                              GPtrArray           *problems)
{
  GPtrArray *mapped = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_report_problem_free);
  g_autofree char *valid = NULL;
  g_autofree char *name = NULL;
  gsize name_length;

  g_return_val_if_fail (self != NULL, mapped);
  g_return_val_if_fail (display_name != NULL, mapped);
  g_return_val_if_fail (problems != NULL, mapped);

  /* As the problems spell it (upp_add_problem()): a file's name may hold
   * anything. */
  valid = g_utf8_make_valid (display_name, -1);
  name = upp_text_escape (valid, -1);
  name_length = strlen (name);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *message = g_ptr_array_index (problems, i);
      UppReportProblem *problem = g_new0 (UppReportProblem, 1);
      const char *separator;

      if (g_str_has_prefix (message, name) && message[name_length] == ':')
        {
          message += name_length + 1;
          /* NAME:LINE:COLUMN: MESSAGE — a place in the text, not a field. */
          if (g_ascii_isdigit (*message))
            message = strstr (message, ": ") != NULL ? strstr (message, ": ") + 1 : message;
          while (*message == ' ')
            message++;
        }
      separator = strstr (message, ": ");
      if (separator != NULL && is_path (message, separator - message))
        {
          problem->path = g_strndup (message, separator - message);
          problem->key = upp_report_form_key_for_path (self, problem->path);
          message = separator + 2;
        }
      problem->message = g_strdup (message);
      g_ptr_array_add (mapped, problem);
    }
  return mapped;
}

/**
 * upp_report_form_validate:
 * @self: the values
 * @store: (nullable): the store to check against, as import would
 *
 * Builds the report and checks it with the importer's own rules
 * (upp_document_parse()): what the form shows is what import would say.
 *
 * Returns: (transfer full) (element-type UppReportProblem): empty when the
 *   report would be imported
 */
GPtrArray *
upp_report_form_validate (const UppReportForm *self,
                          UppStore            *store)
{
  g_autofree char *json = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UppDocument) document = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (store == NULL || UPP_IS_STORE (store), NULL);

  json = upp_report_form_to_json (self);
  name = upp_report_form_get_filename (self, 1);
  bytes = g_bytes_new (json, strlen (json));
  document = upp_document_parse (name, bytes, store);
  return upp_report_form_map_problems (self, name, document->problems);
}

/* Corrections: what changed from one revision to the next */

static void
add_change (GPtrArray  *changes,
            char       *key,
            const char *before,
            const char *after)
{
  UppReportChange *change = g_new0 (UppReportChange, 1);

  change->key = key;
  change->before = g_strdup (before);
  change->after = g_strdup (after);
  g_ptr_array_add (changes, change);
}

static void
compare_text (GPtrArray  *changes,
              const char *action,
              const char *field,
              const char *before,
              const char *after)
{
  g_autofree char *a = g_strstrip (g_strdup (before != NULL ? before : ""));
  g_autofree char *b = g_strstrip (g_strdup (after != NULL ? after : ""));

  if (!g_str_equal (a, b))
    add_change (changes, upp_report_form_key (action, field, NULL), a, b);
}

static gboolean
same_value (const char *a,
            const char *b)
{
  g_autofree char *x = g_strstrip (g_strdup (a != NULL ? a : ""));
  g_autofree char *y = g_strstrip (g_strdup (b != NULL ? b : ""));
  double u, v;

  if (parse_number (x, &u) && parse_number (y, &v))
    return u == v;
  return g_str_equal (x, y);
}

static void
compare_entries (GPtrArray                *changes,
                 const UppReportFormEntry *before,
                 const UppReportFormEntry *after)
{
  const char *action = after->action;

  if (before->status != after->status)
    {
      g_autofree char *a = upp_status_describe (before->status);
      g_autofree char *b = upp_status_describe (after->status);

      add_change (changes, upp_report_form_key (action, "status", NULL), a, b);
    }
  if (before->progress != after->progress)
    {
      /* Translators: progress in percent, “60 %” */
      g_autofree char *a = g_strdup_printf (_("%d %%"), before->progress);
      g_autofree char *b = g_strdup_printf (_("%d %%"), after->progress);

      add_change (changes, upp_report_form_key (action, "progress", NULL), a, b);
    }
  compare_text (changes, action, "comment", before->comment, after->comment);
  compare_text (changes, action, "next_steps", before->next_steps, after->next_steps);
  compare_text (changes, action, "risks", before->risks, after->risks);

  for (guint i = 0; i < after->indicators->len; i++)
    {
      const UppReportFormIndicator *value = g_ptr_array_index (after->indicators, i);
      const UppReportFormIndicator *old = find_indicator (before, value->code);
      const char *old_text = old != NULL ? old->text : "";

      if (!same_value (old_text, value->text))
        add_change (changes, upp_report_form_key (action, "indicators", value->code), old_text,
                    value->text);
    }
  for (guint i = 0; i < before->indicators->len; i++)
    {
      const UppReportFormIndicator *old = g_ptr_array_index (before->indicators, i);

      if (find_indicator (after, old->code) == NULL && *old->text != '\0')
        add_change (changes, upp_report_form_key (action, "indicators", old->code), old->text,
                    "");
    }
}

/**
 * upp_report_form_diff:
 * @before: revision N-1 of a week's report
 * @after: revision N
 *
 * What a correction changed, field by field, with the values as people
 * read them (a status with its symbol, progress in percent). Texts are
 * compared without the white space around them, numbers by value.
 *
 * Returns: (transfer full) (element-type UppReportChange): the changes,
 *   in the order of the form
 */
GPtrArray *
upp_report_form_diff (const UppReportForm *before,
                      const UppReportForm *after)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_report_change_free);

  g_return_val_if_fail (before != NULL, changes);
  g_return_val_if_fail (after != NULL, changes);

  compare_text (changes, NULL, "reporter", before->reporter, after->reporter);
  compare_text (changes, NULL, "summary", before->summary, after->summary);
  for (guint i = 0; i < after->entries->len; i++)
    {
      const UppReportFormEntry *entry = g_ptr_array_index (after->entries, i);
      const UppReportFormEntry *old = upp_report_form_find_entry (before, entry->action);

      if (old == NULL)
        {
          g_autofree char *now = upp_status_describe (entry->status);

          add_change (changes, g_strdup (entry->action), "", now);
        }
      else
        compare_entries (changes, old, entry);
    }
  for (guint i = 0; i < before->entries->len; i++)
    {
      const UppReportFormEntry *old = g_ptr_array_index (before->entries, i);

      if (upp_report_form_find_entry (after, old->action) == NULL)
        {
          g_autofree char *then = upp_status_describe (old->status);

          add_change (changes, g_strdup (old->action), then, "");
        }
    }
  return changes;
}

/* Finding a week's reports in the store */

/**
 * upp_report_find_document:
 * @store: a #UppStore
 * @department: a department code
 * @week: a week
 * @before: (nullable): a `submitted` time; %NULL for the report in force
 * @out_n_reports: (out) (optional): how many reports of @department for
 *   @week the store keeps (originals and corrections); with @before, how
 *   many of them were submitted before it
 *
 * Finds the report of @department for @week that is in force, or with
 * @before the one submitted last before it: the revision that a
 * correction submitted at @before corrects.
 *
 * Returns: its document id (see upp_store_get_document_bytes()), or 0
 */
gint64
upp_report_find_document (UppStore   *store,
                          const char *department,
                          UppWeek     week,
                          const char *before,
                          guint      *out_n_reports)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GDateTime) limit = NULL;
  g_autoptr(GDateTime) best_time = NULL;
  gint64 best = 0;
  guint n = 0;

  g_return_val_if_fail (UPP_IS_STORE (store), 0);
  g_return_val_if_fail (department != NULL, 0);

  if (out_n_reports != NULL)
    *out_n_reports = 0;
  documents = upp_store_list_reports (store, department, week, NULL);
  if (documents == NULL)
    return 0;
  if (before != NULL)
    {
      limit = g_date_time_new_from_iso8601 (before, NULL);
      if (limit == NULL)
        return 0;
    }

  for (guint i = 0; i < documents->len; i++)
    {
      const UppDocumentInfo *info = g_ptr_array_index (documents, i);
      g_autoptr(GDateTime) when = NULL;

      if (limit == NULL)
        {
          n++;
          if (info->is_current)
            best = info->id;
          continue;
        }
      when = info->submitted != NULL ? g_date_time_new_from_iso8601 (info->submitted, NULL) : NULL;
      if (when == NULL || g_date_time_compare (when, limit) >= 0)
        continue;
      n++;
      if (best_time == NULL || g_date_time_compare (when, best_time) > 0)
        {
          g_clear_pointer (&best_time, g_date_time_unref);
          best_time = g_steal_pointer (&when);
          best = info->id;
        }
    }
  if (out_n_reports != NULL)
    *out_n_reports = n;
  return best;
}
