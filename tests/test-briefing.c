/* test-briefing.c — the PDF briefing, read back with poppler and qpdf
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <qpdf/qpdf-c.h>
#include <sqlite3.h>
#include <string.h>

#include "upp-briefing.h"
#include "upp-briefing-private.h"
#include "upp-error.h"
#include "upp-guard.h"
#include "upp-import.h"
#include "upp-spreadsheet.h"
#include "upp-store.h"
#include "upp-test-util.h"

/* poppler-glib 22.12 declares none. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerIndexIter, poppler_index_iter_free)

static UppStore *store;
static char *tmp_dir;
static char *full_pdf;
static char *summary_pdf;

static const UppWeek week40 = { 2026, 40 };

static void
init_options (UppBriefingOptions *options,
              gboolean            summary)
{
  static GDateTime *generated;

  if (generated == NULL)
    generated = g_date_time_new_utc (2026, 11, 27, 0, 0, 0);
  memset (options, 0, sizeof *options);
  options->week = week40;
  options->summary = summary;
  options->generated = generated;
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return document;
}

/* All the text, with every run of white space made one space, so that a
 * sentence wrapped over two lines is found whole. */
static char *
document_text (PopplerDocument *document)
{
  GString *text = g_string_new (NULL);
  int n = poppler_document_get_n_pages (document);

  for (int p = 0; p < n; p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, p);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static char *
squeeze (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
}

static const UppActionStatus *
find_status (GPtrArray  *statuses,
             const char *code)
{
  for (guint i = 0; i < statuses->len; i++)
    if (g_str_equal (((UppActionStatus *) statuses->pdata[i])->code, code))
      return statuses->pdata[i];
  g_assert_not_reached ();
}

static gboolean
run_tool (const char * const *argv,
          char              **out_stdout,
          int                *out_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);

  if (program == NULL)
    return FALSE;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, out_stdout, NULL, out_status, &error);
  g_assert_no_error (error);
  return TRUE;
}

/* Tests */

static void
test_metadata (void)
{
  g_autoptr(PopplerDocument) document = open_pdf (full_pdf);
  g_autoptr(UppBriefing) briefing = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = poppler_document_get_title (document);
  g_autofree char *author = poppler_document_get_author (document);
  g_autofree char *subject = poppler_document_get_subject (document);
  g_autofree char *keywords = poppler_document_get_keywords (document);
  g_autofree char *creator = poppler_document_get_creator (document);
  UppBriefingOptions options;

  init_options (&options, FALSE);
  briefing = upp_briefing_new (store, &options, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (title, ==, "Åtgärdspaket för ökad trygghet: situation report week 40");
  g_assert_cmpstr (title, ==, upp_briefing_get_title (briefing));
  g_assert_cmpstr (author, ==, "Lysekils kommun");
  g_assert_nonnull (strstr (subject, "2026-W40"));
  g_assert_nonnull (strstr (keywords, "2026-W40"));
  g_assert_cmpstr (creator, ==, "Uppföljning " PACKAGE_VERSION);

  created = poppler_document_get_creation_date_time (document);
  g_assert_nonnull (created);
  g_assert_cmpint (g_date_time_to_unix (created), ==, g_date_time_to_unix (options.generated));

  g_assert_cmpint (poppler_document_get_n_pages (document), ==,
                   upp_briefing_get_n_pages (briefing));
  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 8);
}

static void
collect_outline (PopplerIndexIter *iter,
                 GPtrArray        *titles,
                 const char       *prefix)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      g_autoptr(PopplerIndexIter) child = poppler_index_iter_get_child (iter);
      g_autofree char *title = NULL;

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      title = g_strconcat (prefix, action->any.title, NULL);
      if (child != NULL)
        {
          g_autofree char *child_prefix = g_strconcat (title, " / ", NULL);

          collect_outline (child, titles, child_prefix);
        }
      g_ptr_array_add (titles, g_steal_pointer (&title));
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
}

static gboolean
has_title (GPtrArray  *titles,
           const char *title)
{
  return g_ptr_array_find_with_equal_func (titles, title, g_str_equal, NULL);
}

static void
test_outline (void)
{
  g_autoptr(PopplerDocument) document = open_pdf (full_pdf);
  g_autoptr(PopplerIndexIter) iter = poppler_index_iter_new (document);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(UppPackage) package = upp_store_ref_package (store);
  const char *sections[] = {
    "Situation report week 40", "Needs a decision", "Changes since week 39", "Departments",
    "Deadlines", "Actions by department", "Indicators", "Appendix: all actions",
  };

  g_assert_nonnull (iter);
  collect_outline (iter, titles, "");
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      if (!has_title (titles, sections[i]))
        g_error ("no outline entry “%s”", sections[i]);
    }

  /* Every department that leads an action, under its section. */
  for (guint i = 0; i < package->departments->len; i++)
    {
      const UppDepartment *department = package->departments->pdata[i];
      g_autofree char *title = g_strdup_printf ("Actions by department / %s%s", department->name,
                                                department->partner ? " (partner)" : "");
      gboolean leads = FALSE;

      for (guint a = 0; a < package->actions->len; a++)
        leads |= g_str_equal (((UppAction *) package->actions->pdata[a])->lead, department->code);
      if (leads && !has_title (titles, title))
        g_error ("no outline entry “%s”", title);
    }
}

/* The number printed above a key figure's label: the label found highest
 * on the page (the ring's legend repeats the words lower down), the
 * number in a box just above it. */
static int
key_figure (PopplerPage *page,
            const char  *label)
{
  GList *matches = poppler_page_find_text (page, label);
  PopplerRectangle *best = NULL;
  PopplerRectangle area;
  g_autofree char *text = NULL;
  double width, height;
  char *end = NULL;
  gint64 value;

  for (GList *l = matches; l != NULL; l = l->next)
    {
      PopplerRectangle *rect = l->data;

      if (best == NULL || rect->y2 > best->y2)
        best = rect;
    }
  if (best == NULL)
    g_error ("no key figure “%s” on the first page", label);

  /* find_text() measures from the bottom, the text layout from the top.
   * Collect the characters whose centres lie in the box above the label. */
  poppler_page_get_size (page, &width, &height);
  area.x1 = best->x1 - 12;
  area.x2 = best->x1 + 40;
  area.y2 = height - best->y2 - 1;
  area.y1 = area.y2 - 24;
  {
    g_autofree char *all = poppler_page_get_text (page);
    g_autofree PopplerRectangle *rects = NULL;
    GString *found = g_string_new (NULL);
    guint n_rects = 0;
    const char *p = all;

    g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
    for (guint i = 0; i < n_rects && *p != '\0'; i++, p = g_utf8_next_char (p))
      {
        double cx = (rects[i].x1 + rects[i].x2) / 2;
        double cy = (rects[i].y1 + rects[i].y2) / 2;

        if (cx >= area.x1 && cx <= area.x2 && cy >= area.y1 && cy <= area.y2)
          g_string_append_unichar (found, g_utf8_get_char (p));
      }
    text = g_string_free (found, FALSE);
  }
  g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);

  value = g_ascii_strtoll (g_strstrip (text), &end, 10);
  if (end == text || *end != '\0')
    g_error ("no number above “%s”: “%s”", label, text);
  return value;
}

static void
test_key_figures (void)
{
  g_autoptr(PopplerDocument) document = open_pdf (full_pdf);
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, 0);
  g_autofree char *raw = poppler_page_get_text (page);
  g_autofree char *text = squeeze (raw);
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  UppStateCounts counts;

  statuses = upp_store_query_status (store, week40, NULL, &error);
  g_assert_no_error (error);
  upp_store_count_states (statuses, &counts);

  g_assert_cmpint (key_figure (page, "Actions"), ==, counts.total);
  for (guint s = 0; s < UPP_N_STATES; s++)
    {
      /* "Not started" wraps; its first word is enough to find it. */
      g_auto(GStrv) words = g_strsplit (upp_state_get_label (s), " ", 2);
      g_autofree char *label = g_strdup_printf ("%s %s", upp_state_get_symbol (s), words[0]);

      g_assert_cmpint (key_figure (page, label), ==, counts.counts[s]);
    }
  g_assert_nonnull (strstr (text, "Situation report week 40"));
  g_assert_nonnull (strstr (text, "2026-09-28 – 2026-10-04"));
  g_assert_nonnull (strstr (text, "Generated 2026-11-27"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
}

static void
test_free_texts (void)
{
  g_autoptr(PopplerDocument) full = open_pdf (full_pdf);
  g_autoptr(PopplerDocument) summary = open_pdf (summary_pdf);
  g_autofree char *full_raw = document_text (full);
  g_autofree char *summary_raw = document_text (summary);
  g_autofree char *full_text = squeeze (full_raw);
  g_autofree char *summary_text = squeeze (summary_raw);
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GError) error = NULL;
  const UppActionStatus *a7;
  g_autofree char *comment = NULL;
  g_autofree char *risks = NULL;

  statuses = upp_store_query_status (store, week40, NULL, &error);
  g_assert_no_error (error);
  a7 = find_status (statuses, "A7");
  g_assert_nonnull (a7->comment);
  g_assert_nonnull (a7->risks);
  comment = squeeze (a7->comment);
  risks = squeeze (a7->risks);

  g_assert_nonnull (strstr (full_text, comment));
  g_assert_nonnull (strstr (full_text, risks));
  g_assert_null (strstr (summary_text, comment));
  g_assert_null (strstr (summary_text, risks));

  /* Both have the action itself. */
  g_assert_nonnull (strstr (full_text, a7->title));
  g_assert_nonnull (strstr (summary_text, a7->title));
}

static void
test_links (void)
{
  g_autoptr(PopplerDocument) document = open_pdf (full_pdf);
  guint n_to_actions = 0;
  guint n_contents = 0;
  int n_pages = poppler_document_get_n_pages (document);

  for (int p = 0; p < n_pages; p++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, p);
      GList *mapping = poppler_page_get_link_mapping (page);

      for (GList *l = mapping; l != NULL; l = l->next)
        {
          PopplerLinkMapping *link = l->data;
          PopplerDest *dest;
          g_autoptr(PopplerPage) target = NULL;
          g_autofree char *target_text = NULL;

          g_assert_cmpint (link->action->type, ==, POPPLER_ACTION_GOTO_DEST);
          g_assert_cmpint (link->action->goto_dest.dest->type, ==, POPPLER_DEST_NAMED);
          dest = poppler_document_find_dest (document, link->action->goto_dest.dest->named_dest);
          g_assert_nonnull (dest);
          g_assert_cmpint (dest->page_num, >=, 1);
          g_assert_cmpint (dest->page_num, <=, n_pages);

          if (g_str_has_prefix (link->action->goto_dest.dest->named_dest, "action-"))
            {
              const char *code = link->action->goto_dest.dest->named_dest + strlen ("action-");

              /* From "Needs a decision" forward to the department section,
               * where the action's code is on the target page. */
              g_assert_cmpint (dest->page_num - 1, >, p);
              target = poppler_document_get_page (document, dest->page_num - 1);
              target_text = poppler_page_get_text (target);
              g_assert_nonnull (strstr (target_text, code));
              n_to_actions++;
            }
          else
            n_contents++;
          poppler_dest_free (dest);
        }
      poppler_page_free_link_mapping (mapping);
    }

  /* The demo's week 40 has three actions that need a decision. */
  g_assert_cmpuint (n_to_actions, ==, 3);
  g_assert_cmpuint (n_contents, ==, 8);
}

static void
test_qpdf_check (void)
{
  const char *argv[] = { "qpdf", "--check", full_pdf, NULL };
  g_autofree char *out = NULL;
  int status = 0;

  if (!run_tool (argv, &out, &status))
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("qpdf --check failed:\n%s", out);
  g_assert_nonnull (strstr (out, "No syntax or stream encoding errors"));
  g_assert_null (strstr (out, "WARNING"));
}

static void
test_fonts_embedded (void)
{
  const char *argv[] = { "pdffonts", full_pdf, NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;
  guint n_fonts = 0;

  if (!run_tool (argv, &out, &status))
    {
      g_test_skip ("pdffonts is not installed");
      return;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  /* name type encoding emb sub uni object-id: two header lines first. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);
      guint n = g_strv_length (fields);

      if (n < 6)
        continue;
      if (!g_str_equal (fields[n - 5], "yes"))
        g_error ("font not embedded: %s", lines[i]);
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

static void
test_tagged (void)
{
  const char *argv[] = { "pdfinfo", full_pdf, NULL };
  g_autofree char *out = NULL;
  int status = 0;

  if (!run_tool (argv, &out, &status))
    {
      g_test_skip ("pdfinfo is not installed");
      return;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_regex_match_simple ("^Tagged: +yes$", out, G_REGEX_MULTILINE, 0));
}

/* The catalog and the structure tree, read with qpdf's C API. */
static guint
count_figures (qpdf_data qpdf,
               qpdf_oh   object,
               guint    *n_with_alt)
{
  guint n = 0;

  if (qpdf_oh_is_array (qpdf, object))
    {
      for (int i = 0; i < qpdf_oh_get_array_n_items (qpdf, object); i++)
        n += count_figures (qpdf, qpdf_oh_get_array_item (qpdf, object, i), n_with_alt);
      return n;
    }
  if (!qpdf_oh_is_dictionary (qpdf, object))
    return 0;
  if (qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, object, "/S"), "/Figure"))
    {
      qpdf_oh alt = qpdf_oh_get_key (qpdf, object, "/Alt");

      n++;
      if (qpdf_oh_is_string (qpdf, alt) && strlen (qpdf_oh_get_utf8_value (qpdf, alt)) > 10)
        (*n_with_alt)++;
    }
  if (qpdf_oh_has_key (qpdf, object, "/K"))
    n += count_figures (qpdf, qpdf_oh_get_key (qpdf, object, "/K"), n_with_alt);
  return n;
}

/* The headings in document order, as levels 1–6. */
static void
collect_headings (qpdf_data qpdf,
                  qpdf_oh   object,
                  GArray   *levels)
{
  qpdf_oh type;

  if (qpdf_oh_is_array (qpdf, object))
    {
      for (int i = 0; i < qpdf_oh_get_array_n_items (qpdf, object); i++)
        collect_headings (qpdf, qpdf_oh_get_array_item (qpdf, object, i), levels);
      return;
    }
  if (!qpdf_oh_is_dictionary (qpdf, object))
    return;
  type = qpdf_oh_get_key (qpdf, object, "/S");
  if (qpdf_oh_is_name (qpdf, type))
    {
      const char *name = qpdf_oh_get_name (qpdf, type);

      if (name[0] == '/' && name[1] == 'H' && name[2] >= '1' && name[2] <= '6' && name[3] == '\0')
        {
          int level = name[2] - '0';

          g_array_append_val (levels, level);
        }
    }
  if (qpdf_oh_has_key (qpdf, object, "/K"))
    collect_headings (qpdf, qpdf_oh_get_key (qpdf, object, "/K"), levels);
}

static void
test_catalog (void)
{
  qpdf_data qpdf = qpdf_init ();
  qpdf_oh root;
  qpdf_oh value;
  guint n_figures;
  guint n_with_alt = 0;

  qpdf_silence_errors (qpdf);
  g_assert_false (qpdf_read (qpdf, full_pdf, NULL) & QPDF_ERRORS);
  root = qpdf_get_root (qpdf);

  value = qpdf_oh_get_key (qpdf, root, "/Lang");
  g_assert_true (qpdf_oh_is_string (qpdf, value));
  g_assert_cmpstr (qpdf_oh_get_utf8_value (qpdf, value), ==, "en");

  value = qpdf_oh_get_key (qpdf, qpdf_oh_get_key (qpdf, root, "/MarkInfo"), "/Marked");
  g_assert_true (qpdf_oh_is_bool (qpdf, value) && qpdf_oh_get_bool_value (qpdf, value));
  value = qpdf_oh_get_key (qpdf, qpdf_oh_get_key (qpdf, root, "/ViewerPreferences"),
                           "/DisplayDocTitle");
  g_assert_true (qpdf_oh_is_bool (qpdf, value) && qpdf_oh_get_bool_value (qpdf, value));

  /* Every figure has its alternative text. */
  n_figures = count_figures (qpdf, qpdf_oh_get_key (qpdf, root, "/StructTreeRoot"), &n_with_alt);
  g_assert_cmpuint (n_figures, >=, 5);
  g_assert_cmpuint (n_with_alt, ==, n_figures);

  /* Headings go down one level at a time. */
  {
    g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (int));
    int previous = 0;

    collect_headings (qpdf, qpdf_oh_get_key (qpdf, root, "/StructTreeRoot"), levels);
    g_assert_cmpuint (levels->len, >, 10);
    for (guint i = 0; i < levels->len; i++)
      {
        int level = g_array_index (levels, int, i);

        g_assert_cmpint (level, <=, previous + 1);
        previous = level;
      }
  }

  /* Every link says where it leads; pages with links tab in structure order. */
  for (int p = 0; p < qpdf_get_num_pages (qpdf); p++)
    {
      qpdf_oh page = qpdf_get_page_n (qpdf, p);
      qpdf_oh annots = qpdf_oh_get_key (qpdf, page, "/Annots");

      if (!qpdf_oh_is_array (qpdf, annots))
        continue;
      g_assert_true (qpdf_oh_is_name_and_equals (qpdf, qpdf_oh_get_key (qpdf, page, "/Tabs"),
                                                 "/S"));
      for (int i = 0; i < qpdf_oh_get_array_n_items (qpdf, annots); i++)
        {
          qpdf_oh contents = qpdf_oh_get_key (qpdf, qpdf_oh_get_array_item (qpdf, annots, i),
                                              "/Contents");

          g_assert_true (qpdf_oh_is_string (qpdf, contents));
          g_assert_true (g_str_has_prefix (qpdf_oh_get_utf8_value (qpdf, contents), "Go to "));
        }
    }

  g_assert_false (qpdf_has_error (qpdf));
  qpdf_cleanup (&qpdf);
}

static void
test_language (void)
{
  g_autofree char *path = tmp_path ("swedish.pdf");
  g_autoptr(GError) error = NULL;
  UppBriefingOptions options;
  qpdf_data qpdf;
  qpdf_oh lang;

  init_options (&options, TRUE);
  options.language = "sv-SE";
  options.organisation = "Lysekils kommun, kommunledningskontoret";
  g_assert_true (upp_briefing_write (store, &options, path, &error));
  g_assert_no_error (error);

  qpdf = qpdf_init ();
  qpdf_silence_errors (qpdf);
  g_assert_false (qpdf_read (qpdf, path, NULL) & QPDF_ERRORS);
  lang = qpdf_oh_get_key (qpdf, qpdf_get_root (qpdf), "/Lang");
  g_assert_cmpstr (qpdf_oh_get_utf8_value (qpdf, lang), ==, "sv-SE");
  qpdf_cleanup (&qpdf);

  {
    g_autoptr(PopplerDocument) document = open_pdf (path);
    g_autofree char *author = poppler_document_get_author (document);

    g_assert_cmpstr (author, ==, "Lysekils kommun, kommunledningskontoret");
  }
}

static int
run_cli (const char  *extra,
         char       **out_stdout,
         gsize       *out_length,
         char       **out_stderr)
{
  const char *cli = g_getenv ("UPP_CLI");
  g_autofree char *db = tmp_path ("demo.db");
  g_autofree char *command = NULL;
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;

  command = g_strdup_printf ("'%s' export-pdf --db '%s' %s", cli, db, extra);
  g_assert_true (g_shell_parse_argv (command, NULL, &argv, &error));
  process = g_subprocess_newv ((const char * const *) argv,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate (process, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  if (out_stdout != NULL)
    *out_stdout = g_bytes_unref_to_data (g_steal_pointer (&out), out_length);
  if (out_stderr != NULL)
    *out_stderr = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));
  return g_subprocess_get_exit_status (process);
}

static void
test_cli (void)
{
  g_autofree char *path = tmp_path ("cli.pdf");
  g_autofree char *args = g_strdup_printf ("--week 2026-W40 --date 2026-11-27 -o '%s'", path);
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autofree char *piped = NULL;
  g_autofree char *err = NULL;
  gsize expected_length, written_length, piped_length;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("UPP_CLI") == NULL)
    {
      g_test_skip ("UPP_CLI is not set");
      return;
    }
  g_file_get_contents (full_pdf, &expected, &expected_length, &error);
  g_assert_no_error (error);

  /* The same bytes as the library writes, to a file and to stdout. */
  g_assert_cmpint (run_cli (args, NULL, NULL, NULL), ==, 0);
  g_file_get_contents (path, &written, &written_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (written, written_length, expected, expected_length);
  g_assert_cmpint (run_cli ("--week 2026-W40 --date 2026-11-27 -o -", &piped, &piped_length, NULL),
                   ==, 0);
  g_assert_cmpmem (piped, piped_length, expected, expected_length);

  /* Usage errors exit 2. */
  g_assert_cmpint (run_cli ("--week 2026-W40", NULL, NULL, NULL), ==, 2);
  g_assert_cmpint (run_cli ("--date 2026-13-45 -o -", NULL, NULL, NULL), ==, 2);

  /* Failures exit 1 with one line. */
  g_assert_cmpint (run_cli ("--week 2026-W54 -o -", NULL, NULL, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "uppfoljning-cli: "));
  g_assert_nonnull (strstr (err, "2026-W54"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);
}

static void
test_deterministic (void)
{
  g_autofree char *again = tmp_path ("again.pdf");
  g_autofree char *epoch = tmp_path ("epoch.pdf");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  gsize length_a, length_b, length_c;
  g_autoptr(GError) error = NULL;
  UppBriefingOptions options;

  init_options (&options, FALSE);
  g_assert_true (upp_briefing_write (store, &options, again, &error));
  g_assert_no_error (error);

  /* No date given: SOURCE_DATE_EPOCH, 2026-11-27 00:00 UTC. */
  options.generated = NULL;
  g_setenv ("SOURCE_DATE_EPOCH", "1795737600", TRUE);
  g_assert_true (upp_briefing_write (store, &options, epoch, &error));
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_assert_no_error (error);

  g_file_get_contents (full_pdf, &a, &length_a, &error);
  g_assert_no_error (error);
  g_file_get_contents (again, &b, &length_b, &error);
  g_assert_no_error (error);
  g_file_get_contents (epoch, &c, &length_c, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (a, length_a, b, length_b);
  g_assert_cmpmem (a, length_a, c, length_c);
}

static void
test_stream (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  gsize length;
  UppBriefingOptions options;

  init_options (&options, FALSE);
  g_assert_true (upp_briefing_write_to_stream (store, &options, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  g_file_get_contents (full_pdf, &file, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)),
                   file, length);
}

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autofree char *path = tmp_path ("async.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize length_a, length_b;
  UppBriefingOptions options;

  init_options (&options, TRUE);
  upp_briefing_write_async (store, &options, file, NULL, write_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (upp_briefing_write_finish (store, result, &error));
  g_assert_no_error (error);

  g_file_get_contents (summary_pdf, &a, &length_a, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &b, &length_b, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (a, length_a, b, length_b);
}

static void
test_draw_pages (void)
{
  g_autoptr(UppBriefing) briefing = NULL;
  g_autoptr(GError) error = NULL;
  UppBriefingOptions options;

  init_options (&options, FALSE);
  briefing = upp_briefing_new (store, &options, &error);
  g_assert_no_error (error);

  /* The print path: any page, in any order, into any cairo_t. */
  for (guint p = upp_briefing_get_n_pages (briefing); p > 0; p--)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 0.5, 0.5);
      upp_briefing_draw_page (briefing, cr, p - 1);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
    }
}

/* Pictures of the pages, for people to look at: build/tests/briefing-*.png. */
static void
test_png_artifacts (void)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *prefix = g_build_filename (builddir != NULL ? builddir : tmp_dir,
                                              "briefing-2026-W40", NULL);
  const char *argv[] = { "pdftoppm", "-r", "60", "-png", full_pdf, prefix, NULL };
  g_autofree char *out = NULL;
  g_autofree char *first = NULL;
  int status = 0;

  if (!run_tool (argv, &out, &status))
    {
      g_test_skip ("pdftoppm is not installed");
      return;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  first = g_strconcat (prefix, "-01.png", NULL);
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
}

/* A note as a database from before the guard stopped it where it is
 * typed may hold it: written past the store, as such a database has it. */
static void
plant_note (const char *action,
            int         week,
            const char *text)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (upp_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO note (action, week, text, updated)"
                                           " VALUES (?1, ?2, ?3, '2026-10-02T12:00:00Z')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, action, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, week);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_guard (void)
{
  g_autofree char *path = tmp_path ("refused.pdf");
  g_autofree char *masked = NULL;
  g_autoptr(GError) error = NULL;
  const char *note = "Ring vårdnadshavaren till 19811218-9876 före mötet.";
  UppBriefingOptions options;

  masked = upp_guard_check_text (note);
  g_assert_nonnull (masked);

  /* Typed, it is refused; stored before, the briefing refuses it. */
  g_assert_false (upp_store_set_note (store, "A3", week40, note, &error));
  g_assert_error (error, UPP_ERROR, UPP_ERROR_SENSITIVE);
  g_clear_error (&error);
  plant_note ("A3", 202640, note);

  /* The full briefing refuses, names the text, and writes nothing. */
  init_options (&options, FALSE);
  g_assert_false (upp_briefing_write (store, &options, path, &error));
  g_assert_error (error, UPP_ERROR, UPP_ERROR_SENSITIVE);
  g_assert_nonnull (strstr (error->message, "A3 leadership note (week 40)"));
  g_assert_nonnull (strstr (error->message, masked));
  g_assert_null (strstr (error->message, "19811218-9876"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  if (g_getenv ("UPP_CLI") != NULL)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli ("--week 2026-W40 -o -", NULL, NULL, &err), ==, 1);
      g_assert_nonnull (strstr (err, "A3 leadership note (week 40)"));
      g_assert_cmpint (run_cli ("--week 2026-W40 --summary -o -", NULL, NULL, NULL), ==, 0);
    }

  /* The summary leaves notes out, so it may be written. */
  init_options (&options, TRUE);
  g_assert_true (upp_briefing_write (store, &options, path, &error));
  g_assert_no_error (error);

  g_assert_true (upp_store_set_note (store, "A3", week40, NULL, &error));
  g_assert_no_error (error);
}

static void
test_note_printed (void)
{
  g_autofree char *path = tmp_path ("note.pdf");
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  /* Markup characters are text, not markup. */
  const char *note = "Ta upp belysningen <i>och</i> kamerorna på ledningsgruppens möte "
                     "i vecka 41 & 42.";
  UppBriefingOptions options;

  g_assert_true (upp_store_set_note (store, "A13", week40, note, &error));
  g_assert_no_error (error);
  init_options (&options, FALSE);
  g_assert_true (upp_briefing_write (store, &options, path, &error));
  g_assert_no_error (error);
  g_assert_true (upp_store_set_note (store, "A13", week40, NULL, &error));
  g_assert_no_error (error);

  document = open_pdf (path);
  raw = document_text (document);
  text = squeeze (raw);
  /* In "Needs a decision" and in the department's section. */
  g_assert_nonnull (strstr (text, note));
  g_assert_nonnull (strstr (strstr (text, note) + 1, note));
}

/* White-box checks of the laid-out pages: text stays inside the type
 * area, and no page ends with a heading. */
static void
check_pages (UppBriefing *briefing)
{
  /* Structure elements run on across pages. */
  g_autoptr(GPtrArray) open = g_ptr_array_new ();

  for (guint p = 0; p < briefing->pages->len; p++)
    {
      const UppPage *page = briefing->pages->pdata[p];
      gboolean last_is_heading = FALSE;

      for (guint i = 0; i < page->ops->len; i++)
        {
          const UppOp *op = &g_array_index (page->ops, UppOp, i);
          PangoRectangle ink, logical;
          double bottom, right;

          if (op->kind == UPP_OP_TAG_BEGIN)
            g_ptr_array_add (open, (gpointer) op->tag);
          else if (op->kind == UPP_OP_TAG_END)
            g_ptr_array_set_size (open, open->len - 1);
          if (op->kind != UPP_OP_TEXT)
            continue;

          pango_layout_get_extents (op->layout, &ink, &logical);
          if (op->first_line >= 0)
            {
              PangoLayoutLine *line = pango_layout_get_line_readonly (op->layout, op->first_line);

              pango_layout_line_get_extents (line, &ink, &logical);
              logical.y = 0;
            }
          bottom = op->y + pango_units_to_double (logical.y + logical.height);
          right = op->x + pango_units_to_double (logical.x + logical.width);
          if (bottom > UPP_TEXT_BOTTOM + 0.5 || op->y < UPP_MARGIN_TOP - 0.5)
            g_error ("page %u: text “%s” at y %.1f–%.1f leaves the type area", p + 1,
                     pango_layout_get_text (op->layout), op->y, bottom);
          if (right > UPP_BRIEFING_PAGE_WIDTH - UPP_MARGIN_RIGHT + 0.5 || op->x < UPP_MARGIN_LEFT - 0.5)
            g_error ("page %u: text “%s” at x %.1f–%.1f leaves the type area", p + 1,
                     pango_layout_get_text (op->layout), op->x, right);

          last_is_heading = FALSE;
          for (guint t = 0; t < open->len; t++)
            if (g_str_equal (open->pdata[t], "H1") || g_str_equal (open->pdata[t], "H2") ||
                g_str_equal (open->pdata[t], "H3"))
              last_is_heading = TRUE;
        }
      if (last_is_heading && p + 1 < briefing->pages->len)
        g_error ("page %u ends with a heading", p + 1);
    }
  g_assert_cmpuint (open->len, ==, 0);
}

static void
test_page_rules (void)
{
  const char *weeks[] = { "2026-W25", "2026-W33", "2026-W40", "2026-W44", "2026-W48" };

  for (guint w = 0; w < G_N_ELEMENTS (weeks); w++)
    for (int summary = 0; summary <= 1; summary++)
      {
        g_autoptr(UppBriefing) briefing = NULL;
        g_autoptr(GError) error = NULL;
        UppBriefingOptions options;

        init_options (&options, summary);
        g_assert_true (upp_week_parse (weeks[w], &options.week, NULL));
        briefing = upp_briefing_new (store, &options, &error);
        g_assert_no_error (error);
        check_pages (briefing);
      }
}

/* A note of many paragraphs' length breaks across pages, in lines, and
 * everything stays in place. */
static void
test_long_text (void)
{
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(UppBriefing) briefing = NULL;
  g_autoptr(GError) error = NULL;
  UppBriefingOptions options;
  guint before;

  init_options (&options, FALSE);
  briefing = upp_briefing_new (store, &options, &error);
  g_assert_no_error (error);
  before = upp_briefing_get_n_pages (briefing);
  g_clear_pointer (&briefing, upp_briefing_free);

  for (guint i = 0; i < 120; i++)
    g_string_append (note, "Ledningsgruppen följer upp belysningen och trygghetsvandringen "
                           "varje vecka tills leveransen är klar. ");
  g_assert_true (upp_store_set_note (store, "A13", week40, note->str, &error));
  g_assert_no_error (error);
  briefing = upp_briefing_new (store, &options, &error);
  g_assert_true (upp_store_set_note (store, "A13", week40, NULL, NULL));
  g_assert_no_error (error);

  g_assert_cmpuint (upp_briefing_get_n_pages (briefing), >, before + 2);
  check_pages (briefing);
}

/* Writes @sql with the texts @a and @b into the database file @path, past
 * the store: texts stored before the formats refused them. */
static void
store_texts_from_before (const char *path,
                         const char *sql,
                         const char *a,
                         const char *b)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* A database from before the formats refused what misleads: 4,000 line
 * breaks in a comment, 3,999 accents on one letter of the package's title
 * (the page header), direction overrides and escapes. The briefing keeps
 * its size and its type area, and shows none of them. */
static void
test_stored_texts (void)
{
  g_autofree char *path = tmp_path ("before.db");
  g_autofree char *pdf = tmp_path ("before.pdf");
  g_autoptr(UppStore) old = upp_test_open_demo (path);
  g_autoptr(UppBriefing) briefing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) breaks = g_string_new ("Pass enligt plan.");
  g_autoptr(GString) accents = g_string_new ("Trygghe");
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *text = NULL;
  UppBriefingOptions options;
  PangoRectangle ink, logical;
  guint before;

  init_options (&options, FALSE);
  briefing = upp_briefing_new (old, &options, &error);
  g_assert_no_error (error);
  before = upp_briefing_get_n_pages (briefing);
  g_clear_pointer (&briefing, upp_briefing_free);
  g_clear_object (&old);

  for (guint i = 0; i < 4000; i++)
    g_string_append_c (breaks, '\n');
  g_string_append (breaks, "Slut.");
  for (guint i = 0; i < 3999; i++)
    g_string_append (accents, "\xcc\x81");
  g_string_append (accents, "t");
  /* A7's comment as of week 40: its lead's last report. */
  store_texts_from_before (path, "UPDATE entry SET comment = ?1, risks = ?2 WHERE rowid ="
                                 " (SELECT rowid FROM entry WHERE action = 'A7' AND week <= 202640"
                                 " AND is_current AND is_lead ORDER BY week DESC LIMIT 1)",
                           breaks->str, "Budget: 1\xe2\x80\xae" "000 05 kr\x1b[2J\xc2\x85");
  store_texts_from_before (path, "UPDATE package SET title = ?1, organisation = ?2",
                           accents->str, "\xe2\x80\xae" "enod si noitca ehT");

  old = upp_store_open (path, &error);
  g_assert_no_error (error);
  briefing = upp_briefing_new (old, &options, &error);
  g_assert_no_error (error);
  /* The 20 lines kept of the comment take less than a page wherever the
   * comment is shown (4,000 took hundreds). */
  g_assert_cmpuint (upp_briefing_get_n_pages (briefing), <=, before + 3);
  check_pages (briefing);
  /* The header's title is one line high, its accents and all. */
  pango_layout_get_extents (briefing->running->pdata[0], &ink, &logical);
  g_assert_cmpint (pango_layout_get_line_count (briefing->running->pdata[0]), ==, 1);
  g_assert_cmpint (ink.height, <=, 2 * logical.height);
  g_clear_pointer (&briefing, upp_briefing_free);

  g_assert_true (upp_briefing_write (old, &options, pdf, &error));
  g_assert_no_error (error);
  document = open_pdf (pdf);
  text = document_text (document);
  g_assert_null (strstr (text, "\xe2\x80\xae"));
  g_assert_null (strstr (text, "\x1b"));
  g_assert_null (strstr (text, "\xc2\x85"));
  g_assert_nonnull (strstr (text, "Budget: 1000 05 kr"));
  g_assert_nonnull (strstr (text, "enod si noitca ehT"));
}

/* Each department's own summary of the week, in its section; guarded like
 * every text, and left out of the summary variant. */
static void
test_department_summary (void)
{
  g_autofree char *path = tmp_path ("summaries.db");
  g_autofree char *pdf = tmp_path ("summaries.pdf");
  g_autoptr(UppStore) demo = upp_test_open_demo (path);
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  UppBriefingOptions options;
  const char *section;

  init_options (&options, FALSE);
  options.week = (UppWeek) { 2026, 48 };
  g_assert_true (upp_briefing_write (demo, &options, pdf, &error));
  g_assert_no_error (error);
  document = open_pdf (pdf);
  raw = document_text (document);
  text = squeeze (raw);
  section = strstr (text, "Kommunstyrelsens förvaltning Leads 7 actions");
  g_assert_nonnull (section);
  g_assert_true (g_str_has_prefix (strstr (section, "actions: "),
                                   "actions: 4 done, 2 on track, 1 overdue. Summary of week 48 "
                                   "Försenat: kamerautredningen (A7)"));
  g_assert_nonnull (strstr (text, "Socialförvaltningen Leads 4 actions: 2 done, 2 on track. "
                                  "Summary of week 48 Veckan har gått enligt plan."));
  g_clear_object (&document);
  g_clear_pointer (&raw, g_free);
  g_clear_pointer (&text, g_free);

  options.summary = TRUE;
  g_assert_true (upp_briefing_write (demo, &options, pdf, &error));
  g_assert_no_error (error);
  document = open_pdf (pdf);
  raw = document_text (document);
  g_assert_null (strstr (raw, "kamerautredningen"));
  g_assert_null (strstr (raw, "Summary of week"));
  g_clear_object (&document);
  g_clear_object (&demo);

  /* A database from before import refused such a number. */
  store_texts_from_before (path, "UPDATE report SET summary = ?1 WHERE department = ?2"
                                 " AND week = 202648 AND is_current",
                           "Ring 19811218-9876 om kameran.", "KS");
  demo = upp_store_open (path, &error);
  g_assert_no_error (error);
  options.summary = FALSE;
  g_assert_false (upp_briefing_write (demo, &options, pdf, &error));
  g_assert_error (error, UPP_ERROR, UPP_ERROR_SENSITIVE);
  g_assert_nonnull (strstr (error->message, "The summary of KS’s report (week 48)"));
  g_assert_null (strstr (error->message, "19811218-9876"));
  g_clear_error (&error);
  options.summary = TRUE;
  g_assert_true (upp_briefing_write (demo, &options, pdf, &error));
  g_assert_no_error (error);
}

/* The summary is a summary: two A4 pages at most in every week of the
 * demo, with the key figures, the ring, what needs a decision, the
 * missing reports and the week's changes, and no free text. */
static void
test_summary_pages (void)
{
  g_autoptr(GError) error = NULL;

  for (int week = 25; week <= 52; week++)
    {
      g_autoptr(UppBriefing) briefing = NULL;
      UppBriefingOptions options;

      init_options (&options, TRUE);
      options.week = (UppWeek) { 2026, week };
      briefing = upp_briefing_new (store, &options, &error);
      g_assert_no_error (error);
      g_test_message ("week %d: %u pages", week, upp_briefing_get_n_pages (briefing));
      g_assert_cmpuint (upp_briefing_get_n_pages (briefing), >=, 1);
      g_assert_cmpuint (upp_briefing_get_n_pages (briefing), <=, 2);
    }

  {
    g_autofree char *path = tmp_path ("summary49.pdf");
    g_autoptr(PopplerDocument) document = NULL;
    g_autofree char *raw = NULL;
    g_autofree char *text = NULL;
    UppBriefingOptions options;

    init_options (&options, TRUE);
    options.week = (UppWeek) { 2026, 49 };
    g_assert_true (upp_briefing_write (store, &options, path, &error));
    g_assert_no_error (error);
    document = open_pdf (path);
    g_assert_cmpint (poppler_document_get_n_pages (document), <=, 2);
    raw = document_text (document);
    text = squeeze (raw);
    g_assert_nonnull (strstr (text, "2 actions need a decision: 2 overdue."));
    g_assert_nonnull (strstr (text, "Needs a decision"));
    g_assert_nonnull (strstr (text, "Missing Reports"));
    g_assert_nonnull (strstr (text, "Kommunstyrelsens förvaltning (2): A4, A5."));
    g_assert_nonnull (strstr (text, "Changes since week 48"));
    /* No free text: comments, risks, summaries, notes. */
    g_assert_null (strstr (text, "Comment"));
    g_assert_null (strstr (text, "Risks"));
    g_assert_null (strstr (text, "Summary of week"));
    g_assert_null (strstr (text, "Beslut om kamerabevakning"));
    /* And no sections of the full briefing. */
    g_assert_null (strstr (text, "Contents"));
    g_assert_null (strstr (text, "Indicators"));
    g_assert_null (strstr (text, "Appendix"));
  }
}

/* The spreadsheet in a worker thread, for the GUI's Export dialog; its
 * cells are read back by tests/test-xlsx.py. */
static void
test_spreadsheet_async (void)
{
  g_autofree char *path = tmp_path ("actions.xlsx");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  upp_spreadsheet_write_async (store, week40, path, NULL, write_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (upp_spreadsheet_write_finish (store, result, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  /* A zip archive. */
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (data, 2, "PK", 2);
  g_clear_object (&result);

  /* No week, no file. */
  g_unlink (path);
  upp_spreadsheet_write_async (store, (UppWeek) { 2026, 54 }, path, NULL, write_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (upp_spreadsheet_write_finish (store, result, &error));
  g_assert_error (error, UPP_ERROR, UPP_ERROR_INVALID_WEEK);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_contradiction (void)
{
  g_autofree char *path = tmp_path ("week44.pdf");
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  UppBriefingOptions options;

  init_options (&options, FALSE);
  options.week = (UppWeek) { 2026, 44 };
  g_assert_true (upp_briefing_write (store, &options, path, &error));
  g_assert_no_error (error);
  document = open_pdf (path);
  raw = document_text (document);
  text = squeeze (raw);
  /* A13 reports on track after its deadline: overdue, and called out. */
  g_assert_nonnull (strstr (text, "Contradiction: the last report says “On track”, but the "
                                  "deadline 2026-10-16 has passed."));
  g_assert_nonnull (strstr (text, "2 actions need a decision: 1 overdue, 1 delayed."));
}

/* Week 49: four actions unreported. They are reminders, not decisions:
 * "Needs a decision" holds only the overdue A7 and A14, and the four go
 * into "Missing Reports", by department. */
static void
test_missing_reports (void)
{
  g_autofree char *path = tmp_path ("week49.pdf");
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *decisions;
  const char *missing;
  const char *changes;
  UppBriefingOptions options;

  init_options (&options, FALSE);
  options.week = (UppWeek) { 2026, 49 };
  g_assert_true (upp_briefing_write (store, &options, path, &error));
  g_assert_no_error (error);
  document = open_pdf (path);
  raw = document_text (document);
  text = squeeze (raw);
  g_assert_nonnull (strstr (text, "2 actions need a decision: 2 overdue."));
  /* The sections, after the contents list. */
  decisions = strstr (text, "Needs a decision Overdue, delayed");
  g_assert_nonnull (decisions);
  missing = strstr (decisions, "Missing Reports Actions whose lead department");
  g_assert_nonnull (missing);
  changes = strstr (missing, "Changes since week 48");
  g_assert_nonnull (changes);
  {
    g_autofree char *section = g_strndup (decisions, missing - decisions);

    g_assert_nonnull (strstr (section, "A7 "));
    g_assert_nonnull (strstr (section, "A14 "));
    for (guint i = 0; i < 4; i++)
      {
        static const char * const unreported[] = { "A1 ", "A4 ", "A5 ", "A8 " };

        g_assert_null (strstr (section, unreported[i]));
      }
  }
  {
    g_autofree char *section = g_strndup (missing, changes - missing);

    g_assert_nonnull (strstr (section, "Socialförvaltningen (1): A1 "));
    g_assert_nonnull (strstr (section, "Kommunstyrelsens förvaltning (2): A4 "));
    g_assert_nonnull (strstr (section, "Utbildningsförvaltningen (1): A8 "));
    g_assert_nonnull (strstr (section, "(last report week 48)"));
    g_assert_null (strstr (section, "A7 "));
  }
  g_assert_nonnull (strstr (text, "4 actions have no report from their lead department "
                                  "(Missing Reports)."));
}

/* The sections are laid out in as many threads as there are processors:
 * one thread or several, the same bytes. */
static void
test_layout_threads (void)
{
  g_autoptr(GError) error = NULL;
  UppBriefingOptions options;
  g_autofree char *expected = NULL;
  gsize expected_length;

  g_file_get_contents (full_pdf, &expected, &expected_length, &error);
  g_assert_no_error (error);
  init_options (&options, FALSE);
  for (guint n_threads = 1; n_threads <= 4; n_threads += 3)
    {
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

      upp_briefing_set_layout_threads (n_threads);
      g_assert_true (upp_briefing_write_to_stream (store, &options, stream, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_output_stream_close (stream, NULL, NULL));
      g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                       g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)),
                       expected, expected_length);
    }
  upp_briefing_set_layout_threads (0);
}

static void
test_bad_week (void)
{
  g_autoptr(UppBriefing) briefing = NULL;
  g_autoptr(GError) error = NULL;
  UppBriefingOptions options;

  init_options (&options, FALSE);
  options.week = (UppWeek) { 2026, 54 };
  briefing = upp_briefing_new (store, &options, &error);
  g_assert_null (briefing);
  g_assert_error (error, UPP_ERROR, UPP_ERROR_INVALID_WEEK);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  UppBriefingOptions options;
  int status;

  g_setenv ("UPP_TODAY", "2026-11-27", TRUE);
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("upp-briefing-XXXXXX", &error);
  g_assert_no_error (error);
  db = tmp_path ("demo.db");
  store = upp_test_open_demo (db);

  /* The two variants every test reads. */
  full_pdf = tmp_path ("full.pdf");
  summary_pdf = tmp_path ("summary.pdf");
  init_options (&options, FALSE);
  g_assert_true (upp_briefing_write (store, &options, full_pdf, &error));
  g_assert_no_error (error);
  init_options (&options, TRUE);
  g_assert_true (upp_briefing_write (store, &options, summary_pdf, &error));
  g_assert_no_error (error);

  g_test_add_func ("/briefing/metadata", test_metadata);
  g_test_add_func ("/briefing/outline", test_outline);
  g_test_add_func ("/briefing/key-figures", test_key_figures);
  g_test_add_func ("/briefing/free-texts", test_free_texts);
  g_test_add_func ("/briefing/links", test_links);
  g_test_add_func ("/briefing/qpdf-check", test_qpdf_check);
  g_test_add_func ("/briefing/fonts-embedded", test_fonts_embedded);
  g_test_add_func ("/briefing/tagged", test_tagged);
  g_test_add_func ("/briefing/catalog", test_catalog);
  g_test_add_func ("/briefing/language", test_language);
  g_test_add_func ("/briefing/cli", test_cli);
  g_test_add_func ("/briefing/deterministic", test_deterministic);
  g_test_add_func ("/briefing/stream", test_stream);
  g_test_add_func ("/briefing/async", test_async);
  g_test_add_func ("/briefing/draw-pages", test_draw_pages);
  g_test_add_func ("/briefing/png-artifacts", test_png_artifacts);
  g_test_add_func ("/briefing/bad-week", test_bad_week);
  g_test_add_func ("/briefing/page-rules", test_page_rules);
  g_test_add_func ("/briefing/long-text", test_long_text);
  g_test_add_func ("/briefing/stored-texts", test_stored_texts);
  g_test_add_func ("/briefing/contradiction", test_contradiction);
  g_test_add_func ("/briefing/missing-reports", test_missing_reports);
  g_test_add_func ("/briefing/department-summary", test_department_summary);
  g_test_add_func ("/briefing/summary-pages", test_summary_pages);
  g_test_add_func ("/briefing/spreadsheet-async", test_spreadsheet_async);
  g_test_add_func ("/briefing/note-printed", test_note_printed);
  g_test_add_func ("/briefing/guard", test_guard);
  g_test_add_func ("/briefing/layout-threads", test_layout_threads);

  status = g_test_run ();

  g_clear_object (&store);
  g_free (full_pdf);
  g_free (summary_pdf);
  /* Leave no files behind. */
  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = tmp_path (name);
        g_unlink (path);
      }
    g_rmdir (tmp_dir);
  }
  g_free (tmp_dir);
  return status;
}
