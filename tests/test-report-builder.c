/* test-report-builder.c — report form values → JSON that the importer
 * takes, its problems back at their fields, the CLI's template, corrections
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs against the demo: data/demo and data/demo/reports imported as of
 * 2026-11-27 (week 48, the demo's last). Week 49 is then in the future;
 * tests that write it move "today" to 2026-12-04.
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "upp-error.h"
#include "upp-import.h"
#include "upp-report-builder.h"
#include "upp-store.h"
#include "upp-test-util.h"

static UppStore *demo;

static UppStore *
open_demo (void)
{
  return upp_test_open_demo (":memory:");
}

static UppReportForm *
soc_form (UppWeek week)
{
  g_autoptr(GError) error = NULL;
  UppReportForm *form = upp_report_form_new_template (demo, "SOC", week, &error);

  g_assert_no_error (error);
  g_assert_nonnull (form);
  return form;
}

static UppDocument *
parse (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return upp_document_parse ("form.json", bytes, demo);
}

static const UppReportProblem *
find_problem (GPtrArray  *problems,
              const char *key)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const UppReportProblem *problem = g_ptr_array_index (problems, i);

      if (g_strcmp0 (problem->key, key) == 0)
        return problem;
    }
  return NULL;
}

static const UppReportChange *
find_change (GPtrArray  *changes,
             const char *key)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const UppReportChange *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (change->key, key) == 0)
        return change;
    }
  return NULL;
}

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

/* Tests */

static void
test_build_valid (void)
{
  g_autoptr(UppReportForm) form = NULL;
  g_autoptr(UppDocument) document = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *json = NULL;
  g_autofree char *name = NULL;
  UppReportFormEntry *a1;
  const UppEntry *entry;

  g_setenv ("UPP_TODAY", "2026-12-04", TRUE);
  form = soc_form (UPP_WEEK_INIT (2026, 49));

  /* Lead actions first (A1, A2, A12, A14), then contributions. */
  g_assert_cmpuint (form->entries->len, ==, 11);
  g_assert_cmpstr (((UppReportFormEntry *) g_ptr_array_index (form->entries, 0))->action, ==,
                   "A1");
  g_assert_cmpstr (((UppReportFormEntry *) g_ptr_array_index (form->entries, 3))->action, ==,
                   "A14");
  g_assert_cmpstr (((UppReportFormEntry *) g_ptr_array_index (form->entries, 4))->action, ==,
                   "A3");
  /* Pre-filled from week 48. */
  a1 = upp_report_form_find_entry (form, "A1");
  g_assert_cmpint (a1->status, ==, UPP_STATUS_ON_TRACK);
  g_assert_cmpint (a1->progress, ==, 88);
  g_assert_cmpstr (upp_report_form_get_indicator (form, "A1", "evening-shifts"), ==, "5");
  g_assert_null (form->submitted);

  /* What a department writes. */
  set_text (&form->reporter, "Enhetschef IFO");
  set_text (&form->summary, "Lugn vecka.");
  a1->status = UPP_STATUS_AT_RISK;
  a1->progress = 90;
  set_text (&a1->comment, "Två pass inställda.");
  set_text (&a1->risks, "Sjukfrånvaro i fältgruppen.");
  g_assert_true (upp_report_form_set_indicator (form, "A1", "evening-shifts", "3"));
  /* The Swedish decimal comma, and an indicator not measured this week. */
  g_assert_true (upp_report_form_set_indicator (form, "A1", "young-people-met", " 12,5 "));
  g_assert_true (upp_report_form_set_indicator (form, "A12", "walks", ""));
  g_assert_false (upp_report_form_set_indicator (form, "A1", "no-such", "1"));

  problems = upp_report_form_validate (form, demo);
  g_assert_cmpuint (problems->len, ==, 0);

  json = upp_report_form_to_json (form);
  g_assert_true (g_str_has_suffix (json, "}\n"));
  document = parse (json);
  g_assert_cmpuint (document->problems->len, ==, 0);
  g_assert_nonnull (document->report);
  g_assert_cmpstr (document->report->submitted, ==, "2026-12-04T12:00:00+00:00");
  entry = g_ptr_array_index (document->report->entries, 0);
  g_assert_cmpstr (entry->action, ==, "A1");
  g_assert_cmpint (entry->status, ==, UPP_STATUS_AT_RISK);
  g_assert_cmpstr (entry->risks, ==, "Sjukfrånvaro i fältgruppen.");
  g_assert_cmpuint (entry->indicators->len, ==, 2);
  g_assert_cmpfloat (((UppIndicatorValue *) g_ptr_array_index (entry->indicators, 1))->value, ==,
                     12.5);
  /* Not measured: left out, not written as 0. */
  g_assert_null (strstr (json, "\"walks\""));

  name = upp_report_form_get_filename (form, 1);
  g_assert_cmpstr (name, ==, "SOC-2026-W49.json");
  g_clear_pointer (&name, g_free);
  name = upp_report_form_get_filename (form, 3);
  g_assert_cmpstr (name, ==, "SOC-2026-W49-rev3.json");

  g_setenv ("UPP_TODAY", "2026-11-27", TRUE);
}

static void
test_problem_mapping (void)
{
  g_autoptr(UppReportForm) form = soc_form (UPP_WEEK_INIT (2026, 48));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) raw = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) mapped = NULL;
  g_autofree char *key = NULL;
  UppReportFormEntry *a2 = upp_report_form_find_entry (form, "A2");
  UppReportFormEntry *a12 = upp_report_form_find_entry (form, "A12");
  const UppReportProblem *problem;

  /* A done action must be at 100 %. */
  a12->status = UPP_STATUS_DONE;
  a12->progress = 95;
  /* An indicator must be a number. */
  g_assert_true (upp_report_form_set_indicator (form, "A2", "contacts-made", "tolv"));
  g_assert_nonnull (a2);

  problems = upp_report_form_validate (form, demo);
  g_assert_cmpuint (problems->len, ==, 2);
  problem = find_problem (problems, "A12/progress");
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->path, ==, "entries[2].progress");
  g_assert_cmpstr (problem->message, ==, "is 95, but the status is done; a done action is at 100");
  problem = find_problem (problems, "A2/indicators/contacts-made");
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->path, ==, "entries[1].indicators.contacts-made");
  g_assert_cmpstr (problem->message, ==, "expected a number");

  /* Fixed, the report passes. */
  a12->progress = 100;
  g_assert_true (upp_report_form_set_indicator (form, "A2", "contacts-made", "12"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = upp_report_form_validate (form, demo);
  g_assert_cmpuint (problems->len, ==, 0);

  /* The week in the future: a problem of the report's week field. */
  form->week = UPP_WEEK_INIT (2026, 49);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = upp_report_form_validate (form, demo);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = find_problem (problems, "week");
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->message, ==, "week 2026-W49 is in the future");

  /* Paths and messages of every shape. */
  g_ptr_array_add (raw, g_strdup ("x.json: entries[0].indicators.a.b: expected a number"));
  g_ptr_array_add (raw, g_strdup ("x.json: entries[4].action: “A3” is not an action"));
  g_ptr_array_add (raw, g_strdup ("x.json: entries[99].status: out of range"));
  g_ptr_array_add (raw, g_strdup ("x.json:3:7: more text after the end of the document"));
  g_ptr_array_add (raw, g_strdup ("x.json: expected a JSON object with a “format” field"));
  g_ptr_array_add (raw, g_strdup ("x.json: summary: is 4001 characters long"));
  mapped = upp_report_form_map_problems (form, "x.json", raw);
  g_assert_cmpuint (mapped->len, ==, 6);
  g_assert_cmpstr (((UppReportProblem *) mapped->pdata[0])->key, ==, "A1/indicators/a.b");
  g_assert_cmpstr (((UppReportProblem *) mapped->pdata[1])->key, ==, "A3");
  g_assert_cmpstr (((UppReportProblem *) mapped->pdata[2])->key, ==, "entries");
  g_assert_null (((UppReportProblem *) mapped->pdata[3])->key);
  g_assert_cmpstr (((UppReportProblem *) mapped->pdata[3])->message, ==,
                   "more text after the end of the document");
  g_assert_null (((UppReportProblem *) mapped->pdata[4])->key);
  g_assert_null (((UppReportProblem *) mapped->pdata[4])->path);
  g_assert_cmpstr (((UppReportProblem *) mapped->pdata[4])->message, ==,
                   "expected a JSON object with a “format” field");
  g_assert_cmpstr (((UppReportProblem *) mapped->pdata[5])->key, ==, "summary");

  /* A name with a control character, as the problems spell it. */
  g_clear_pointer (&mapped, g_ptr_array_unref);
  g_ptr_array_set_size (raw, 0);
  g_ptr_array_add (raw, g_strdup ("x\\e.json: summary: is 4001 characters long"));
  mapped = upp_report_form_map_problems (form, "x\x1b.json", raw);
  g_assert_cmpstr (((UppReportProblem *) mapped->pdata[0])->key, ==, "summary");
  g_assert_cmpstr (((UppReportProblem *) mapped->pdata[0])->message, ==,
                   "is 4001 characters long");

  key = upp_report_form_key_for_path (form, "entries[3]");
  g_assert_cmpstr (key, ==, "A14");
  g_clear_pointer (&key, g_free);
  key = upp_report_form_key_for_path (form, "reporter");
  g_assert_cmpstr (key, ==, "reporter");
}

static void
test_identity_number (void)
{
  g_autoptr(UppReportForm) form = soc_form (UPP_WEEK_INIT (2026, 48));
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *json = NULL;
  UppReportFormEntry *a14 = upp_report_form_find_entry (form, "A14");
  const UppReportProblem *problem;

  /* Typed into a comment: flagged at that field, masked in the message,
   * so the number is never repeated on screen or in a log. */
  set_text (&a14->comment, "Samtal med 19811218-9876 om stöd.");
  problems = upp_report_form_validate (form, demo);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = find_problem (problems, "A14/comment");
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->path, ==, "entries[3].comment");
  g_assert_nonnull (strstr (problem->message, "personal identity number"));
  g_assert_nonnull (strstr (problem->message, "19xxxxxx-xx76"));
  g_assert_null (strstr (problem->message, "1218"));

  /* In the summary and in an indicator too (a bare 12-digit number). */
  set_text (&a14->comment, "");
  set_text (&form->summary, "Gäller 198112189876.");
  g_assert_true (upp_report_form_set_indicator (form, "A14", "sspf-youths", "198112189876"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = upp_report_form_validate (form, demo);
  g_assert_nonnull (find_problem (problems, "summary"));
  g_assert_nonnull (find_problem (problems, "A14/indicators/sspf-youths"));
  for (guint i = 0; i < problems->len; i++)
    g_assert_null (strstr (((UppReportProblem *) g_ptr_array_index (problems, i))->message,
                           "1218"));

  /* The built JSON still holds it (the form keeps what was typed); the
   * importer refuses it. */
  json = upp_report_form_to_json (form);
  g_assert_nonnull (strstr (json, "198112189876"));
}

/* Texts that can't mislead: typed or pasted into the form, each is shown
 * at its field, as the importer would refuse it. */
static void
test_misleading_texts (void)
{
  g_autoptr(UppReportForm) form = soc_form (UPP_WEEK_INIT (2026, 48));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  UppReportFormEntry *a14 = upp_report_form_find_entry (form, "A14");
  const UppReportProblem *problem;

  for (guint i = 0; i < 21; i++)
    g_string_append (lines, "En rad.\n");
  set_text (&a14->comment, "Budget: 1\u202e000 05 kr");
  set_text (&a14->risks, "Fa\u0308\u0308\u0308\u0308ra");
  set_text (&a14->next_steps, "Klar\x1b[2J");
  set_text (&form->summary, lines->str);
  set_text (&form->reporter, "Enhetschef\xc2\x85");
  problems = upp_report_form_validate (form, demo);
  g_assert_cmpuint (problems->len, ==, 5);

  problem = find_problem (problems, "A14/comment");
  g_assert_nonnull (problem);
  g_assert_true (g_str_has_prefix (problem->message, "contains U+202E (character 10)"));
  problem = find_problem (problems, "A14/risks");
  g_assert_nonnull (problem);
  g_assert_true (g_str_has_prefix (problem->message, "has more than 3 accents"));
  problem = find_problem (problems, "A14/next_steps");
  g_assert_nonnull (problem);
  g_assert_true (g_str_has_prefix (problem->message, "contains the control character U+001B"));
  problem = find_problem (problems, "summary");
  g_assert_nonnull (problem);
  g_assert_cmpstr (problem->message, ==, "has 21 line breaks; at most 20 are allowed");
  problem = find_problem (problems, "reporter");
  g_assert_nonnull (problem);
  g_assert_true (g_str_has_prefix (problem->message, "contains the control character U+0085"));

  /* Twenty lines, tabs and two accents on a letter are fine. */
  g_string_truncate (lines, 0);
  for (guint i = 0; i < 20; i++)
    g_string_append (lines, "En\trad.\n");
  set_text (&form->summary, lines->str);
  set_text (&a14->comment, "Tie\xcc\x82\xcc\xa3ng Vie\xcc\xa3\xcc\x82t, å ä ö");
  set_text (&a14->risks, "");
  set_text (&a14->next_steps, "");
  set_text (&form->reporter, "Enhetschef");
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = upp_report_form_validate (form, demo);
  g_assert_cmpuint (problems->len, ==, 0);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static void
assert_same_skeleton (const char *department,
                      UppWeek     week)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = upp_report_template (demo, department, week, &error);
  g_autoptr(UppReportForm) form = upp_report_form_new_template (demo, department, week, &error);
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;

  g_assert_no_error (error);
  json = upp_report_form_to_json (form);
  a = upp_test_template_as_form_writes (template);
  b = parse_json (json);
  json_object_remove_member (json_node_get_object (b), "submitted");
  if (!json_node_equal (a, b))
    g_error ("The form's skeleton for %s differs from the template:\n%s\n---\n%s", department,
             template, json);
}

static void
test_template_equality (void)
{
  /* An untouched form is the CLI's `template`, for leads and partners,
   * for a week with a report before it and for the first week. */
  assert_same_skeleton ("SOC", UPP_WEEK_INIT (2026, 48));
  assert_same_skeleton ("KS", UPP_WEEK_INIT (2026, 40));
  assert_same_skeleton ("POL", UPP_WEEK_INIT (2026, 25));
  assert_same_skeleton ("UTB", UPP_WEEK_INIT (2026, 33));

  g_setenv ("UPP_TODAY", "2026-12-04", TRUE);
  assert_same_skeleton ("SOC", UPP_WEEK_INIT (2026, 49));
  g_setenv ("UPP_TODAY", "2026-11-27", TRUE);
}

static void
test_round_trip (void)
{
  g_autoptr(UppReportForm) form = soc_form (UPP_WEEK_INIT (2026, 48));
  g_autoptr(UppReportForm) copy = NULL;
  g_autoptr(UppReportForm) again = NULL;
  g_autoptr(UppPackage) package = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json2 = NULL;

  /* A draft keeps what was typed, valid or not. */
  form->submitted = g_strdup ("2026-11-27T12:00:00+00:00");
  g_assert_true (upp_report_form_set_indicator (form, "A1", "evening-shifts", "fem"));
  set_text (&upp_report_form_find_entry (form, "A2")->next_steps, "Rad ett\nRad två");
  json = upp_report_form_to_json (form);
  package = upp_store_ref_package (demo);
  again = upp_report_form_new_from_json (json, -1, package, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (upp_report_form_get_indicator (again, "A1", "evening-shifts"), ==, "fem");
  g_assert_cmpstr (upp_report_form_find_entry (again, "A2")->next_steps, ==, "Rad ett\nRad två");
  json2 = upp_report_form_to_json (again);
  g_assert_cmpstr (json, ==, json2);

  copy = upp_report_form_copy (form);
  g_clear_pointer (&json2, g_free);
  json2 = upp_report_form_to_json (copy);
  g_assert_cmpstr (json, ==, json2);

  /* Not a report at all. */
  g_clear_pointer (&again, upp_report_form_free);
  again = upp_report_form_new_from_json ("[1, 2]", -1, NULL, &error);
  g_assert_error (error, UPP_ERROR, UPP_ERROR_PARSE);
  g_assert_null (again);
}

static UppReportForm *
load_document (gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = upp_store_get_document_bytes (demo, id, &error);
  g_autoptr(UppPackage) package = NULL;
  gsize length;
  const char *data;
  UppReportForm *form;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  package = upp_store_ref_package (demo);
  form = upp_report_form_new_from_json (data, length, package, &error);
  g_assert_no_error (error);
  return form;
}

static void
test_revision_diff (void)
{
  guint n_reports = 0;
  gint64 current, previous, none;
  g_autoptr(UppReportForm) after = NULL;
  g_autoptr(UppReportForm) before = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) none_changes = NULL;
  const UppReportChange *change;

  /* The demo corrects KS's week 36 (KS-2026-W36-rev2.json). */
  current = upp_report_find_document (demo, "KS", UPP_WEEK_INIT (2026, 36), NULL, &n_reports);
  g_assert_cmpint (current, >, 0);
  g_assert_cmpuint (n_reports, ==, 2);
  after = load_document (current);
  previous = upp_report_find_document (demo, "KS", UPP_WEEK_INIT (2026, 36), after->submitted,
                                       &n_reports);
  g_assert_cmpuint (n_reports, ==, 1);
  g_assert_cmpint (previous, >, 0);
  g_assert_cmpint (previous, !=, current);
  before = load_document (previous);
  none = upp_report_find_document (demo, "KS", UPP_WEEK_INIT (2026, 36), before->submitted,
                                   &n_reports);
  g_assert_cmpint (none, ==, 0);
  g_assert_cmpuint (n_reports, ==, 0);
  /* A week nobody reported on. */
  none = upp_report_find_document (demo, "UTB", UPP_WEEK_INIT (2026, 33), NULL, &n_reports);
  g_assert_cmpint (none, ==, 0);
  g_assert_cmpuint (n_reports, ==, 0);

  changes = upp_report_form_diff (before, after);
  g_assert_cmpuint (changes->len, >, 0);
  for (guint i = 0; i < changes->len; i++)
    {
      change = g_ptr_array_index (changes, i);
      g_test_message ("%s: “%s” → “%s”", change->key, change->before, change->after);
      g_assert_cmpstr (change->before, !=, change->after);
    }

  /* Nothing changed, nothing to show; each kind of change by itself. */
  none_changes = upp_report_form_diff (after, after);
  g_assert_cmpuint (none_changes->len, ==, 0);
  {
    g_autoptr(UppReportForm) edited = upp_report_form_copy (after);
    g_autoptr(GPtrArray) edits = NULL;
    UppReportFormEntry *first = g_ptr_array_index (edited->entries, 0);
    UppStatus old_status = first->status;
    g_autofree char *status_key = g_strdup_printf ("%s/status", first->action);
    g_autofree char *progress_key = g_strdup_printf ("%s/progress", first->action);
    g_autofree char *comment_key = g_strdup_printf ("%s/comment", first->action);

    first->status = old_status == UPP_STATUS_DELAYED ? UPP_STATUS_ON_TRACK : UPP_STATUS_DELAYED;
    first->progress = 7;
    set_text (&edited->summary, "Rättad sammanfattning.");
    set_text (&first->comment, "  Ny kommentar ");
    g_ptr_array_remove_index (edited->entries, edited->entries->len - 1);
    edits = upp_report_form_diff (after, edited);

    change = find_change (edits, "summary");
    g_assert_nonnull (change);
    g_assert_cmpstr (change->before, ==, after->summary);
    g_assert_cmpstr (change->after, ==, "Rättad sammanfattning.");
    change = find_change (edits, status_key);
    g_assert_nonnull (change);
    g_assert_true (g_str_has_prefix (change->after, first->status == UPP_STATUS_DELAYED ? "◆ "
                                                                                        : "● "));
    change = find_change (edits, progress_key);
    g_assert_nonnull (change);
    g_assert_cmpstr (change->after, ==, "7 %");
    change = find_change (edits, comment_key);
    g_assert_nonnull (change);
    g_assert_cmpstr (change->after, ==, "Ny kommentar");
    change = find_change (edits, ((UppReportFormEntry *) g_ptr_array_index (
                                    after->entries, after->entries->len - 1))->action);
    g_assert_nonnull (change);
    g_assert_cmpstr (change->after, ==, "");
  }
  {
    /* Numbers compare by value: 5 and "5,0" are the same. */
    g_autoptr(UppReportForm) a = soc_form (UPP_WEEK_INIT (2026, 48));
    g_autoptr(UppReportForm) b = upp_report_form_copy (a);
    g_autoptr(GPtrArray) edits = NULL;

    g_assert_true (upp_report_form_set_indicator (b, "A1", "evening-shifts", "5,0"));
    edits = upp_report_form_diff (a, b);
    g_assert_cmpuint (edits->len, ==, 0);
    g_assert_true (upp_report_form_set_indicator (b, "A1", "evening-shifts", "6"));
    g_clear_pointer (&edits, g_ptr_array_unref);
    edits = upp_report_form_diff (a, b);
    g_assert_cmpuint (edits->len, ==, 1);
    change = g_ptr_array_index (edits, 0);
    g_assert_cmpstr (change->key, ==, "A1/indicators/evening-shifts");
    g_assert_cmpstr (change->before, ==, "5");
    g_assert_cmpstr (change->after, ==, "6");
  }
}

/* A draft or file that json-glib would recurse into 200,000 levels deep (and
 * crash): the strict reader refuses it first, with a message. */
static void
test_hostile_json (void)
{
  g_autoptr(UppPackage) package = upp_store_ref_package (demo);
  g_autofree char *deep = g_strnfill (200000, '[');
  const char *bad[] = { deep, "[1, 2]", "{\"week\": \"2026-W48\",}", "{\"a\": 1, \"a\": 2}",
                        "\xff\xfe{}", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UppReportForm) form = upp_report_form_new_from_json (bad[i], -1, package, &error);

      g_assert_null (form);
      g_assert_error (error, UPP_ERROR, UPP_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, "Not a report: "));
    }
}

int
main (int   argc,
      char *argv[])
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("UPP_TODAY", "2026-11-27", TRUE);
  demo = open_demo ();

  g_test_add_func ("/report-builder/build-valid", test_build_valid);
  g_test_add_func ("/report-builder/problem-mapping", test_problem_mapping);
  g_test_add_func ("/report-builder/identity-number", test_identity_number);
  g_test_add_func ("/report-builder/misleading-texts", test_misleading_texts);
  g_test_add_func ("/report-builder/template-equality", test_template_equality);
  g_test_add_func ("/report-builder/round-trip", test_round_trip);
  g_test_add_func ("/report-builder/revision-diff", test_revision_diff);
  g_test_add_func ("/report-builder/hostile-json", test_hostile_json);

  rc = g_test_run ();
  g_clear_object (&demo);
  return rc;
}
