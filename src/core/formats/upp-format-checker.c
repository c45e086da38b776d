/* upp-format-checker.c — the checkers' tools: problems and their place, typed access to the tree
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-import"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "upp-format-private.h"
#include "upp-guard.h"
#include "upp-text.h"

/* Cuts @message (valid UTF-8) to UPP_MAX_PROBLEM_LENGTH bytes, on a
 * character's boundary, with "…". Takes @message. */
static char *
cut_message (char *message)
{
  static const char ellipsis[] = "…";
  gsize length = strlen (message);
  char *end;
  char *cut;

  if (length <= UPP_MAX_PROBLEM_LENGTH)
    return message;
  end = message + UPP_MAX_PROBLEM_LENGTH - (sizeof ellipsis - 1);
  /* Back to the first byte of the character at @end. */
  while (end > message && ((guchar) *end & 0xC0) == 0x80)
    end--;
  cut = g_malloc ((end - message) + sizeof ellipsis);
  memcpy (cut, message, end - message);
  memcpy (cut + (end - message), ellipsis, sizeof ellipsis);
  g_free (message);
  return cut;
}

/* Every problem message passes through here. A message may quote what the
 * file says (a status, a code, a key, or json-glib quoting a bad string);
 * it is made valid UTF-8 with its control and direction characters spelt
 * out (upp_text_escape()), for the window and the terminal, and a personal
 * identity number in it is masked, so that error output and logs never
 * repeat one. It is cut to UPP_MAX_PROBLEM_LENGTH bytes after masking (a
 * number cut in half would not be found). Takes @message. */
void
upp_add_problem (GPtrArray *problems,
                 char      *message)
{
  g_autofree char *taken = message;
  g_autofree char *valid = NULL;
  g_autofree char *masked = NULL;
  const char *text;

  if (!g_utf8_validate (taken, -1, NULL))
    valid = g_utf8_make_valid (taken, -1);
  text = valid != NULL ? valid : taken;
  /* Masked before it is escaped (the guard reads direction controls), and
   * cut after, so that no half of a number escapes the mask. */
  masked = upp_guard_mask_text (text);
  g_ptr_array_add (problems, cut_message (upp_text_escape (masked != NULL ? masked : text, -1)));
}

static void
where_append (GString     *text,
              const Where *where)
{
  if (where == NULL)
    return;
  where_append (text, where->parent);
  if (where->member != NULL)
    {
      if (text->len > 0)
        g_string_append_c (text, '.');
      g_string_append (text, where->member);
    }
  else
    g_string_append_printf (text, "[%u]", where->index);
}

void
upp_problem (Checker     *checker,
             const Where *where,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  g_autoptr(GString) path = NULL;
  va_list args;

  /* Past the cap a problem is counted, and costs nothing more: no text,
   * no place spelt out, no guard. */
  if (checker->problems->len >= UPP_MAX_PROBLEMS)
    {
      checker->n_more++;
      return;
    }

  path = g_string_new (NULL);
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  where_append (path, where);
  if (path->len > 0)
    upp_add_problem (checker->problems, g_strdup_printf ("%s: %s: %s", checker->name, path->str,
                                                         message));
  else
    upp_add_problem (checker->problems, g_strdup_printf ("%s: %s", checker->name, message));
}

/* How many problems @checker has found, kept or only counted. */
guint
upp_checker_count (const Checker *checker)
{
  return checker->problems->len + checker->n_more;
}

/* Says how many problems were only counted, in one last line. */
void
upp_checker_finish (Checker *checker)
{
  if (checker->n_more == 0)
    return;
  upp_add_problem (checker->problems,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: and %u more problem",
                                                 "%s: and %u more problems", checker->n_more),
                                    checker->name, checker->n_more));
  checker->n_more = 0;
}

/* A set of codes seen so far, which owns copies of them: the goal, entry…
 * a code came from may be dropped later (a duplicate, a missing field). */
GHashTable *
upp_code_set_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Returns FALSE if @code was in @seen already. */
gboolean
upp_add_unique (GHashTable *seen,
                const char *code)
{
  if (g_hash_table_contains (seen, code))
    return FALSE;
  g_hash_table_add (seen, g_strdup (code));
  return TRUE;
}

/* Typed access with messages */

gboolean
upp_check_members (Checker            *checker,
                   const Jv           *object,
                   const Where        *where,
                   const char * const *allowed)
{
  g_autofree char *expected = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; i < object->length; i++)
    {
      const char *key = object->v.members[i].key;

      if (g_strv_contains (allowed, key))
        continue;
      if (expected == NULL)
        expected = g_strjoinv (", ", (char **) allowed);
      /* A typo must not vanish silently. */
      upp_problem (checker, AT (where, key), _("unknown field; expected one of %s"), expected);
      ok = FALSE;
    }
  return ok;
}

const Jv *
upp_get_member (Checker     *checker,
                const Jv    *object,
                const Where *where,
                const char  *name,
                gboolean     required)
{
  const Jv *node = jv_get_member (object, name);

  if (node == NULL && required)
    upp_problem (checker, AT (where, name), _("missing; this field is required"));
  return node;
}

/* The string @node, if it is one that is short enough. */
static const char *
get_string_value (Checker     *checker,
                  const Jv    *node,
                  const Where *where,
                  gboolean     required,
                  guint        max_length)
{
  if (node->kind != JV_STRING)
    {
      upp_problem (checker, where, _("expected a string"));
      return NULL;
    }
  if (required && node->length == 0)
    {
      upp_problem (checker, where, _("is empty; this field is required"));
      return NULL;
    }
  /* No text has fewer bytes than characters: count only a long one. */
  if (node->length > max_length)
    {
      glong n_chars = g_utf8_strlen (node->v.string, node->length);

      if (n_chars > max_length)
        {
          upp_problem (checker, where, _("is %ld characters long; at most %u are allowed"), n_chars,
                       max_length);
          return NULL;
        }
    }
  return node->v.string;
}

const char *
upp_get_string (Checker     *checker,
                const Jv    *object,
                const Where *where,
                const char  *name,
                gboolean     required,
                guint        max_length)
{
  const Jv *node = upp_get_member (checker, object, where, name, required);

  if (node == NULL)
    return NULL;
  return get_string_value (checker, node, AT (where, name), required, max_length);
}

static gboolean
is_code (const char *text)
{
  if (!g_ascii_isalnum (text[0]))
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '.' && *p != '-')
      return FALSE;
  return TRUE;
}

char *
upp_get_code (Checker     *checker,
              const Jv    *object,
              const Where *where,
              const char  *name,
              gboolean     required)
{
  const char *value = upp_get_string (checker, object, where, name, required, MAX_CODE_LENGTH);

  if (value != NULL && !is_code (value))
    {
      upp_problem (checker, AT (where, name),
                   _("“%s” is not a code; expected letters, digits, “_”, “.” or “-”"), value);
      return NULL;
    }
  return g_strdup (value);
}

gboolean
upp_get_number_value (Checker     *checker,
                      const Jv    *node,
                      const Where *where,
                      double      *out_value)
{
  if (node->kind == JV_INTEGER)
    *out_value = node->v.integer;
  else if (node->kind == JV_DOUBLE)
    *out_value = node->v.number;
  else
    {
      upp_problem (checker, where, _("expected a number"));
      return FALSE;
    }

  if (!isfinite (*out_value))
    {
      upp_problem (checker, where, _("is not a finite number"));
      return FALSE;
    }
  return TRUE;
}

gboolean
upp_get_number (Checker     *checker,
                const Jv    *object,
                const Where *where,
                const char  *name,
                gboolean     required,
                double      *out_value)
{
  const Jv *node = upp_get_member (checker, object, where, name, required);

  if (node == NULL)
    return FALSE;
  return upp_get_number_value (checker, node, AT (where, name), out_value);
}

gboolean
upp_get_integer (Checker     *checker,
                 const Jv    *object,
                 const Where *where,
                 const char  *name,
                 gboolean     required,
                 gint64       min,
                 gint64       max,
                 int         *out_value)
{
  double value;

  if (!upp_get_number (checker, object, where, name, required, &value))
    return FALSE;
  if (value != floor (value))
    {
      upp_problem (checker, AT (where, name), _("%.15g is not a whole number"), value);
      return FALSE;
    }
  if (value < min || value > max)
    {
      /* Plain long long: a G_GINT64_FORMAT inside _() would cut the msgid. */
      upp_problem (checker, AT (where, name), _("%.15g is out of range; expected %lld to %lld"),
                   value, (long long) min, (long long) max);
      return FALSE;
    }
  *out_value = (int) value;
  return TRUE;
}

gboolean
upp_get_date (Checker     *checker,
              const Jv    *object,
              const Where *where,
              const char  *name,
              gboolean     required,
              GDate       *out_date)
{
  const char *text = upp_get_string (checker, object, where, name, required, 10);

  if (text == NULL)
    return FALSE;
  if (!upp_date_parse (text, out_date))
    {
      upp_problem (checker, AT (where, name),
                   _("“%s” is not a date; expected YYYY-MM-DD, such as 2026-06-11"), text);
      return FALSE;
    }
  return TRUE;
}

gboolean
upp_get_week (Checker     *checker,
              const Jv    *object,
              const Where *where,
              const char  *name,
              UppWeek     *out_week)
{
  const char *text = upp_get_string (checker, object, where, name, TRUE, 8);
  g_autoptr(GError) error = NULL;

  if (text == NULL)
    return FALSE;
  if (!upp_week_parse (text, out_week, &error))
    {
      upp_problem (checker, AT (where, name), "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

const Jv *
upp_get_object (Checker     *checker,
                const Jv    *node,
                const Where *where)
{
  if (node == NULL)
    return NULL;
  if (node->kind != JV_OBJECT)
    {
      upp_problem (checker, where, _("expected an object"));
      return NULL;
    }
  return node;
}

/* The array @name of @object; one of more than @max items is a problem
 * (the limits of the formats' JSON Schemas), but is returned all the same:
 * the rest of the document is still checked. */
const Jv *
upp_get_array (Checker     *checker,
               const Jv    *object,
               const Where *where,
               const char  *name,
               gboolean     required,
               guint        max)
{
  const Jv *node = upp_get_member (checker, object, where, name, required);

  if (node == NULL)
    return NULL;
  if (node->kind != JV_ARRAY)
    {
      upp_problem (checker, AT (where, name), _("expected an array"));
      return NULL;
    }
  if (node->length > max)
    /* Translators: “goals: has 51 items; at most 50 are allowed” */
    upp_problem (checker, AT (where, name), _("has %u items; at most %u are allowed"), node->length,
                 max);
  return node;
}

gboolean
upp_get_boolean (Checker     *checker,
                 const Jv    *object,
                 const Where *where,
                 const char  *name,
                 gboolean     fallback)
{
  const Jv *node = jv_get_member (object, name);

  if (node == NULL)
    return fallback;
  if (node->kind != JV_BOOLEAN)
    {
      upp_problem (checker, AT (where, name), _("expected true or false"));
      return fallback;
    }
  return node->v.boolean;
}

/* A text that could show something else than it says, or push a page
 * out of shape (docs/formats.md, "Texts"): control characters other than
 * a line break or a tab, direction controls, a heap of combining marks on
 * one character, or too many lines. One problem of each kind at most. */
static void
check_text_shape (Checker     *checker,
                  const Where *where,
                  const char  *text)
{
  gboolean seen_control = FALSE;
  gboolean seen_bidi = FALSE;
  gboolean seen_marks = FALSE;
  guint n_breaks = 0;
  guint n_marks = 0;
  guint i = 1;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      gunichar c;

      /* Most texts are plain ASCII: no need to look further. */
      if (*p >= 0x20 && *p < 0x7F)
        {
          n_marks = 0;
          continue;
        }
      c = g_utf8_get_char (p);
      n_marks = upp_text_is_mark (c) ? n_marks + 1 : 0;
      if (c == '\n')
        n_breaks++;
      else if (c == '\t')
        continue;
      else if (upp_text_is_control (c) && !seen_control)
        {
          /* Translators: “comment: contains the control character U+001B (character 12); …” */
          upp_problem (checker, where,
                       _("contains the control character U+%04X (character %u); a text may "
                         "hold line breaks and tabs, but no other control characters"), c, i);
          seen_control = TRUE;
        }
      else if (upp_text_is_bidi_control (c) && !seen_bidi)
        {
          upp_problem (checker, where,
                       _("contains U+%04X (character %u), which changes the direction of the "
                         "text around it and can make it read differently from what it says; "
                         "remove it"), c, i);
          seen_bidi = TRUE;
        }
      else if (n_marks > UPP_TEXT_MAX_MARKS && !seen_marks)
        {
          upp_problem (checker, where,
                       _("has more than %u accents or other combining marks on one character "
                         "(character %u)"), UPP_TEXT_MAX_MARKS, i);
          seen_marks = TRUE;
        }
    }
  if (n_breaks > UPP_TEXT_MAX_LINE_BREAKS)
    upp_problem (checker, where, _("has %u line breaks; at most %u are allowed"), n_breaks,
                 UPP_TEXT_MAX_LINE_BREAKS);
}

/* A key is a name, not a text: no line breaks or tabs either. */
static void
check_key_shape (Checker     *checker,
                 const Where *where,
                 const char  *key)
{
  for (const char *p = key; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (upp_text_is_control (c) || upp_text_is_bidi_control (c))
        {
          upp_problem (checker, where,
                       _("the key contains the control or direction character U+%04X; a key "
                         "is a field’s name or a code"), c);
          return;
        }
    }
}

/* Walks every key and value of the document: no text, key or number may
 * hold a personal identity number, wherever it is, and no text or key
 * what check_text_shape() looks for. (Every text is valid UTF-8: the file
 * is, and the reader decodes escapes into nothing else.) */
void
upp_check_texts (Checker     *checker,
                 const Jv    *node,
                 const Where *where)
{
  switch (node->kind)
    {
    case JV_OBJECT:
      for (guint i = 0; i < node->length; i++)
        {
          const JvMember *member = &node->v.members[i];
          g_autofree char *masked = upp_guard_check_text (member->key);

          if (masked != NULL)
            upp_problem (checker, AT (where, member->key),
                         _("the key contains a personal identity number (%s); reports give "
                           "counts and progress, never names or identity numbers"), masked);
          check_key_shape (checker, AT (where, member->key), member->key);
          upp_check_texts (checker, &member->value, AT (where, member->key));
        }
      break;

    case JV_ARRAY:
      for (guint i = 0; i < node->length; i++)
        upp_check_texts (checker, &node->v.items[i], AT_INDEX (where, i));
      break;

    case JV_STRING:
      {
        g_autofree char *masked = upp_guard_check_text (node->v.string);

        if (masked != NULL)
          upp_problem (checker, where,
                       _("contains a personal identity number (%s); reports give counts and "
                         "progress, never names or identity numbers"), masked);
        if (node->kind == JV_STRING)
          check_text_shape (checker, where, node->v.string);
        break;
      }

    case JV_INTEGER:
    case JV_DOUBLE:
      {
        /* 1212121212 and 1212121212.0 alike: the value, as it is shown. */
        g_autofree char *masked = upp_guard_check_number (node->kind == JV_INTEGER
                                                          ? (double) node->v.integer
                                                          : node->v.number);

        if (masked != NULL)
          upp_problem (checker, where,
                       _("the number reads as a personal identity number (%s); reports give "
                         "counts and progress, never names or identity numbers"), masked);
        break;
      }

    case JV_NULL:
    case JV_BOOLEAN:
    default:
      break;
    }
}

char *
upp_get_text (Checker     *checker,
              const Jv    *object,
              const Where *where,
              const char  *name,
              gboolean     required,
              guint        max_length)
{
  /* upp_check_texts() has run the sensitive-data guard over every text. */
  const char *text = upp_get_string (checker, object, where, name, required, max_length);

  /* An empty optional text is one left out (docs/formats.md): a template
   * leaves `reporter` empty to be filled in. */
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

gboolean
upp_check_header (Checker  *checker,
                  const Jv *root,
                  int       newest,
                  int      *out_version)
{
  int version = 0;

  if (!upp_get_integer (checker, root, NULL, "version", TRUE, 0, G_MAXINT, &version))
    return FALSE;
  if (version < 1 || version > newest)
    {
      if (newest == 1)
        upp_problem (checker, AT (NULL, "version"),
                     _("version %d is not known; this version of Uppföljning reads version 1"),
                     version);
      else
        upp_problem (checker, AT (NULL, "version"),
                     _("version %d is not known; this version of Uppföljning reads versions 1 "
                       "to %d"), version, newest);
      return FALSE;
    }
  if (out_version != NULL)
    *out_version = version;
  return TRUE;
}
