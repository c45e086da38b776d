/* upp-import.c — documents in: read, parse, validate, guard, store
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-import"
#define _GNU_SOURCE 1 /* memmem() */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "upp-error.h"
#include "upp-guard.h"
#include "upp-import.h"
#include "upp-store-private.h"

/* The limits of data/uppfoljning-package.schema.json and
 * -report.schema.json (and docs/formats.md), in characters or items. */
#define MAX_CODE_LENGTH 32
#define MAX_NAME_LENGTH 200
#define MAX_GOAL_TITLE_LENGTH 300
#define MAX_TEXT_LENGTH 4000
#define MAX_GOALS 50
#define MAX_DEPARTMENTS 100
#define MAX_ACTIONS 10000
#define MAX_CONTRIBUTORS 100
#define MAX_INDICATORS 20
#define MAX_ENTRIES 10000
#define MAX_REVISION 1000000

static const char * const status_list = "not-started, on-track, at-risk, delayed, done";

/* A checker collects every problem of one document, each prefixed with the
 * file's name, so that `check` can list them all at once. */
typedef struct
{
  const char *name;
  GPtrArray  *problems;
} Checker;

/* Every problem message passes through here. A message may quote what the
 * file says (a status, a code, a key, or json-glib quoting a bad string);
 * it is made valid UTF-8, for the window and the terminal, and a personal
 * identity number in it is masked, so that error output and logs never
 * repeat one. Takes @message. */
static void
upp_add_problem (GPtrArray *problems,
                 char      *message)
{
  g_auto(UppGuardMatch) match = { 0 };
  g_autoptr(GString) masked = NULL;
  const char *p;

  if (!g_utf8_validate (message, -1, NULL))
    {
      char *valid = g_utf8_make_valid (message, -1);

      g_free (message);
      message = valid;
    }

  p = message;

  while (upp_guard_find (p, -1, &match))
    {
      if (masked == NULL)
        masked = g_string_new (NULL);
      g_string_append_len (masked, p, match.offset);
      g_string_append (masked, match.masked);
      p += match.offset + match.length;
      upp_guard_match_clear (&match);
    }

  if (masked == NULL)
    {
      g_ptr_array_add (problems, message);
      return;
    }
  g_string_append (masked, p);
  g_free (message);
  g_ptr_array_add (problems, g_string_free (g_steal_pointer (&masked), FALSE));
}

/* Where in a document a problem is: a member of, or an index into, its
 * parent (NULL for the document itself). Built on the stack as the
 * validators descend, and spelt out ("entries[3].status") only for a
 * problem. */
typedef struct _Where Where;

struct _Where
{
  const Where *parent;
  const char  *member;  /* or NULL for an index */
  guint        index;
};

#define AT(parent, name) (&(const Where) { (parent), (name), 0 })
#define AT_INDEX(parent, i) (&(const Where) { (parent), NULL, (i) })

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

static void upp_problem (Checker     *checker,
                         const Where *where,
                         const char  *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
upp_problem (Checker     *checker,
             const Where *where,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  va_list args;

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

/* A set of codes seen so far, which owns copies of them: the goal, entry…
 * a code came from may be dropped later (a duplicate, a missing field). */
static GHashTable *
upp_code_set_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Returns FALSE if @code was in @seen already. */
static gboolean
upp_add_unique (GHashTable *seen,
                const char *code)
{
  if (g_hash_table_contains (seen, code))
    return FALSE;
  g_hash_table_add (seen, g_strdup (code));
  return TRUE;
}

/* Reading */

static void
upp_document_problem (UppDocument *document,
                      const char  *message)
{
  upp_add_problem (document->problems, g_strdup_printf ("%s: %s", document->path, message));
}

/* Reads at most UPP_IMPORT_MAX_BYTES from a regular file. Special files
 * (a symlink to /dev/zero, a FIFO) are refused before reading: they would
 * never end or block. */
static GBytes *
upp_import_read_document_bytes (const char  *path,
                                GError     **error)
{
  g_autofree char *buffer = NULL;
  struct stat st;
  gsize length = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, UPP_ERROR, UPP_ERROR_IO, _("cannot be read: %s"), g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, UPP_ERROR, UPP_ERROR_IO, _("is not a regular file"));
      return NULL;
    }

  if (st.st_size > UPP_IMPORT_MAX_BYTES)
    {
      close (fd);
      g_set_error (error, UPP_ERROR, UPP_ERROR_TOO_LARGE,
                   _("is %.1f MB; reports and packages may be at most %d MB"),
                   st.st_size / (1024.0 * 1024.0), UPP_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  /* One byte more than allowed, to notice a file that grew since fstat. */
  buffer = g_malloc (st.st_size + 2);
  while (length < (gsize) st.st_size + 1)
    {
      gssize n = read (fd, buffer + length, st.st_size + 1 - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;
          close (fd);
          g_set_error (error, UPP_ERROR, UPP_ERROR_IO, _("cannot be read: %s"),
                       g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }
  close (fd);

  if (length > (gsize) st.st_size)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_IO,
                   _("changed while it was read; is it still being written?"));
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

static void
line_and_column (const char *data,
                 gsize       offset,
                 guint      *out_line,
                 guint      *out_column)
{
  guint line = 1;
  guint column = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        column++;
    }
  *out_line = line;
  *out_column = column;
}

/* Checks what JSON parsers are lenient about: NUL bytes and invalid UTF-8.
 * Skips a UTF-8 byte order mark. Returns the text to parse, or NULL. */
static const char *
check_encoding (UppDocument *document,
                gsize       *out_length)
{
  gsize length;
  const char *data = g_bytes_get_data (document->bytes, &length);
  const char *nul;
  const char *end = NULL;
  guint line, column;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  /* Before anything looks at the bytes: an empty GBytes may hold NULL. */
  if (length == 0)
    {
      upp_document_problem (document, _("is empty; expected a JSON document"));
      return NULL;
    }

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      g_autofree char *message = NULL;

      line_and_column (data, nul - data, &line, &column);
      message = g_strdup_printf (_("%u:%u: contains a NUL byte; expected UTF-8 text"), line, column);
      /* FILE:LINE:COL, without the space after FILE: */
      upp_add_problem (document->problems, g_strdup_printf ("%s:%s", document->path, message));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      line_and_column (data, end - data, &line, &column);
      upp_add_problem (document->problems,
                       g_strdup_printf (_("%s:%u:%u: invalid UTF-8; documents must be UTF-8 "
                                          "(save the file as UTF-8)"),
                                        document->path, line, column));
      return NULL;
    }

  *out_length = length;
  return data;
}

/* Strict JSON (RFC 8259), read into a tree of our own.
 *
 * A general JSON library is lenient where a report must not be: json-glib
 * 1.6 takes comments, single quotes, hex numbers and leading zeros, raw
 * control characters in texts and anything after the document; it wraps
 * integers too large for 64 bits silently (99999999999999999999 becomes
 * -1); it cuts a text at an escaped \u0000 and decodes a lone surrogate
 * escape into invalid UTF-8, and keeps the last of two equal keys. Its
 * parser recurses once per level of nesting, so 100,000 nested arrays
 * overflow the stack, and it allocates an object, a hash table and a
 * signal emission per value. This reader checks the text once, recursing
 * at most MAX_DEPTH levels, names the line and column of the first
 * problem, and builds the tree as it goes, in one block of memory per
 * document. A report is four levels deep, a package five.
 *
 * It also counts the values, so that a hostile file cannot make it build
 * a huge tree: an 8 MB file of "[0,0,0,…]" holds four million. A report
 * of 10,000 entries has some 150,000. */
#define MAX_DEPTH 32
#define MAX_INTEGER_DIGITS 15
/* More than any valid document within the size limit holds (the densest,
 * a package of contributor codes, about 1.7 million): only a hostile file
 * gets here. 16 bytes each in the tree. */
#define MAX_VALUES 2000000

typedef enum
{
  JV_NULL,
  JV_BOOLEAN,
  JV_INTEGER,
  JV_DOUBLE,
  JV_STRING,
  JV_ARRAY,
  JV_OBJECT,
} JvKind;

typedef struct _Jv Jv;
typedef struct _JvMember JvMember;

/* A value. Texts are decoded, NUL-terminated and valid UTF-8 without NUL
 * characters (the reader refuses \u0000 and lone surrogates). */
struct _Jv
{
  JvKind kind;
  guint  length;  /* bytes of a string, items of an array, members of an object */
  union
  {
    gboolean    boolean;
    gint64      integer;
    double      number;
    const char *string;
    Jv         *items;
    JvMember   *members;
  } v;
};

/* Members in the order the document gives them; no key twice. */
struct _JvMember
{
  const char *key;
  Jv          value;
};

static const Jv *
jv_get_member (const Jv   *object,
               const char *name)
{
  for (guint i = 0; i < object->length; i++)
    if (strcmp (object->v.members[i].key, name) == 0)
      return &object->v.members[i].value;
  return NULL;
}

/* Memory for one document's tree, freed at once. */
typedef struct
{
  GSList *blocks;
  char   *next;
  gsize   left;
  gsize   block_size;
} UppJsonArena;

static gpointer
arena_alloc (UppJsonArena *arena,
             gsize         size)
{
  gpointer p;

  size = (size + 7) & ~(gsize) 7;
  if (size > arena->left)
    {
      gsize block = MAX (size, arena->block_size);

      arena->blocks = g_slist_prepend (arena->blocks, g_malloc (block));
      arena->next = arena->blocks->data;
      arena->left = block;
      arena->block_size = MIN (arena->block_size * 2, 4 * 1024 * 1024);
    }
  p = arena->next;
  arena->next += size;
  arena->left -= size;
  return p;
}

static void
arena_clear (UppJsonArena *arena)
{
  g_slist_free_full (g_steal_pointer (&arena->blocks), g_free);
  arena->next = NULL;
  arena->left = 0;
}

/* A key as written, for finding one that appears twice. */
typedef struct
{
  const char *raw;
  gsize       length;
} RawKey;

typedef struct
{
  const char   *start;
  const char   *p;
  const char   *end;
  const char   *error_at;
  char         *error;
  guint         n_values;
  UppJsonArena  arena;
  GArray       *items;     /* Jv: the items of the arrays being read */
  GArray       *members;   /* JvMember: the members of the objects being read */
  GArray       *raw_keys;  /* RawKey, beside @members */
  /* The first key equal to another of its object only once escapes are
   * decoded, and the place after its value, where json-glib reported it. */
  char         *escaped_duplicate;
  const char   *escaped_duplicate_at;
} UppJsonReader;

static gboolean syntax_value (UppJsonReader *syntax,
                              guint          depth,
                              Jv            *out);

static gboolean G_GNUC_PRINTF (3, 4)
syntax_error (UppJsonReader *syntax,
              const char    *at,
              const char    *format,
              ...)
{
  va_list args;

  g_free (syntax->error);
  va_start (args, format);
  syntax->error = g_strdup_vprintf (format, args);
  va_end (args);
  syntax->error_at = at;
  return FALSE;
}

/* “x” for a printable ASCII character, U+XXXX otherwise. */
static char *
describe_char (UppJsonReader *syntax)
{
  gunichar c;

  if (syntax->p >= syntax->end)
    return g_strdup (_("the end of the file"));
  if (*syntax->p > ' ' && *syntax->p < 0x7F)
    /* Translators: a character quoted in a syntax error, “{” */
    return g_strdup_printf (C_("quoted character", "“%c”"), *syntax->p);
  c = g_utf8_get_char_validated (syntax->p, syntax->end - syntax->p);
  return g_strdup_printf ("U+%04X", c < 0x110000 ? c : 0xFFFD);
}

static gboolean
syntax_unexpected (UppJsonReader *syntax,
                   const char    *expected)
{
  g_autofree char *what = describe_char (syntax);

  if (syntax->p >= syntax->end)
    return syntax_error (syntax, syntax->p,
                         _("the file ends too early, expected %s; is it complete?"), expected);
  if (*syntax->p == '/')
    return syntax_error (syntax, syntax->p, _("comments are not allowed in JSON"));
  if (*syntax->p == '\'')
    return syntax_error (syntax, syntax->p,
                         _("texts and keys are written in double quotes (\"), not single ones"));
  return syntax_error (syntax, syntax->p, _("unexpected %s; expected %s"), what, expected);
}

static void
syntax_skip_space (UppJsonReader *syntax)
{
  while (syntax->p < syntax->end &&
         (*syntax->p == ' ' || *syntax->p == '\t' || *syntax->p == '\n' || *syntax->p == '\r'))
    syntax->p++;
}

static gboolean
syntax_hex4 (UppJsonReader *syntax,
             const char    *p,
             guint         *out_value)
{
  guint value = 0;

  if (syntax->end - p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return FALSE;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }
  *out_value = value;
  return TRUE;
}

/* Decodes the checked text between @raw and @raw_end into @out, which has
 * room for as many bytes (no escape is shorter than what it stands for).
 * Returns the decoded length. */
static gsize
decode_string (const char *raw,
               const char *raw_end,
               char       *out)
{
  char *o = out;

  while (raw < raw_end)
    {
      const char *escape = memchr (raw, '\\', raw_end - raw);
      guint value = 0, low = 0;

      if (escape == NULL)
        escape = raw_end;
      memcpy (o, raw, escape - raw);
      o += escape - raw;
      raw = escape;
      if (raw >= raw_end)
        break;

      switch (raw[1])
        {
        case 'b': *o++ = '\b'; raw += 2; break;
        case 'f': *o++ = '\f'; raw += 2; break;
        case 'n': *o++ = '\n'; raw += 2; break;
        case 'r': *o++ = '\r'; raw += 2; break;
        case 't': *o++ = '\t'; raw += 2; break;
        case 'u':
          for (guint i = 0; i < 4; i++)
            value = value * 16 + g_ascii_xdigit_value (raw[2 + i]);
          raw += 6;
          if (value >= 0xD800 && value <= 0xDBFF)
            {
              for (guint i = 0; i < 4; i++)
                low = low * 16 + g_ascii_xdigit_value (raw[2 + i]);
              raw += 6;
              value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
            }
          o += g_unichar_to_utf8 (value, o);
          break;
        default:  /* " \ / */
          *o++ = raw[1];
          raw += 2;
          break;
        }
    }
  return o - out;
}

/* Reads a string; with @out, also decodes it into the arena. */
static gboolean
syntax_string (UppJsonReader *syntax,
               Jv            *out)
{
  const char *open = syntax->p;
  gboolean escaped = FALSE;

  syntax->p++;  /* the opening quote */
  while (syntax->p < syntax->end)
    {
      guchar c = *syntax->p;
      guint value, low;

      if (c == '"')
        {
          const char *raw = open + 1;
          char *text;

          syntax->p++;
          if (out == NULL)
            return TRUE;
          text = arena_alloc (&syntax->arena, syntax->p - 1 - raw + 1);
          if (!escaped)
            {
              out->length = syntax->p - 1 - raw;
              memcpy (text, raw, out->length);
            }
          else
            out->length = decode_string (raw, syntax->p - 1, text);
          text[out->length] = '\0';
          out->kind = JV_STRING;
          out->v.string = text;
          return TRUE;
        }
      if (c < 0x20)
        return syntax_error (syntax, syntax->p,
                             _("a control character (U+%04X) in a text; write it as an escape "
                               "such as \\n or \\t"), c);
      if (c != '\\')
        {
          syntax->p++;
          continue;
        }

      escaped = TRUE;
      if (syntax->p + 1 >= syntax->end)
        break;
      c = syntax->p[1];
      if (strchr ("\"\\/bfnrt", c) != NULL && c != '\0')
        {
          syntax->p += 2;
          continue;
        }
      if (c != 'u')
        {
          if (c > ' ' && c < 0x7F)
            return syntax_error (syntax, syntax->p,
                                 _("“\\%c” is not an escape; expected one of \\\" \\\\ \\/ \\b "
                                   "\\f \\n \\r \\t \\uXXXX"), c);
          return syntax_error (syntax, syntax->p,
                               _("a backslash must start an escape such as \\n or \\uXXXX"));
        }
      if (!syntax_hex4 (syntax, syntax->p + 2, &value))
        return syntax_error (syntax, syntax->p, _("expected four hex digits after \\u"));
      if (value == 0)
        return syntax_error (syntax, syntax->p,
                             _("the escape \\u0000 (a NUL character) is not allowed in a text"));
      if (value >= 0xDC00 && value <= 0xDFFF)
        return syntax_error (syntax, syntax->p,
                             _("the escape \\u%04X is the second half of a surrogate pair "
                               "without the first"), value);
      if (value >= 0xD800 && value <= 0xDBFF)
        {
          if (syntax->end - syntax->p < 12 || syntax->p[6] != '\\' || syntax->p[7] != 'u' ||
              !syntax_hex4 (syntax, syntax->p + 8, &low) || low < 0xDC00 || low > 0xDFFF)
            return syntax_error (syntax, syntax->p,
                                 _("the escape \\u%04X is the first half of a surrogate pair "
                                   "without the second"), value);
          syntax->p += 6;
        }
      syntax->p += 6;
    }

  return syntax_error (syntax, open, _("a text that is never closed; expected a “\"” at its end"));
}

static gboolean
syntax_number (UppJsonReader *syntax,
               Jv            *out)
{
  const char *start = syntax->p;
  const char *p = start;
  const char *digits;
  gboolean integer = TRUE;
  gboolean ok = TRUE;

  if (*p == '-')
    p++;
  digits = p;
  if (p < syntax->end && *p == '0')
    p++;
  else if (p < syntax->end && *p >= '1' && *p <= '9')
    while (p < syntax->end && g_ascii_isdigit (*p))
      p++;
  else
    ok = FALSE;
  if (ok && p < syntax->end && *p == '.')
    {
      integer = FALSE;
      p++;
      if (p >= syntax->end || !g_ascii_isdigit (*p))
        ok = FALSE;
      while (p < syntax->end && g_ascii_isdigit (*p))
        p++;
    }
  if (ok && p < syntax->end && (*p == 'e' || *p == 'E'))
    {
      integer = FALSE;
      p++;
      if (p < syntax->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= syntax->end || !g_ascii_isdigit (*p))
        ok = FALSE;
      while (p < syntax->end && g_ascii_isdigit (*p))
        p++;
    }
  /* What a person would read as part of the number: 0x10, 05, 1.e3. */
  if (p < syntax->end && (g_ascii_isalnum (*p) || *p == '.' || *p == '+' || *p == '-'))
    {
      ok = FALSE;
      while (p < syntax->end && (g_ascii_isalnum (*p) || *p == '.' || *p == '+' || *p == '-'))
        p++;
    }

  if (!ok)
    {
      g_autofree char *text = g_strndup (start, MIN (p - start, 40));
      return syntax_error (syntax, start, _("“%s” is not a number as JSON writes them"), text);
    }
  /* Integers only: 1.5e3 or 12345678901234567.0 are doubles, read right (or
   * as infinite, which upp_get_number() refuses). */
  if (integer && p - digits > MAX_INTEGER_DIGITS)
    {
      g_autofree char *text = g_strndup (start, MIN (p - start, 40));
      return syntax_error (syntax, start, _("the number %s is too large; whole numbers may have "
                                            "at most %d digits"), text, MAX_INTEGER_DIGITS);
    }
  syntax->p = p;

  /* The text ends at @p: what follows is no part of a number. */
  if (integer)
    {
      gint64 value = 0;

      for (const char *d = digits; d < p; d++)
        value = value * 10 + (*d - '0');
      out->kind = JV_INTEGER;
      out->v.integer = *start == '-' ? -value : value;
    }
  else
    {
      out->kind = JV_DOUBLE;
      out->v.number = g_ascii_strtod (start, NULL);
    }
  return TRUE;
}

static gboolean
syntax_literal (UppJsonReader *syntax,
                const char    *word)
{
  gsize length = strlen (word);

  if ((gsize) (syntax->end - syntax->p) < length || memcmp (syntax->p, word, length) != 0 ||
      (syntax->p + length < syntax->end && g_ascii_isalnum (syntax->p[length])))
    return syntax_unexpected (syntax, _("a value (an object, array, text, number, true, false "
                                        "or null)"));
  syntax->p += length;
  return TRUE;
}

/* Objects with more members than this look keys up in hash tables. */
#define LINEAR_KEYS 16

typedef struct
{
  GHashTable *raw;      /* the keys as written */
  GHashTable *decoded;  /* the keys as read */
} KeyIndex;

static void
key_index_clear (KeyIndex *index)
{
  g_clear_pointer (&index->raw, g_hash_table_unref);
  g_clear_pointer (&index->decoded, g_hash_table_unref);
}

/* Whether the key at @k of the members from @first is already a key of
 * the object: as written (*out_raw), or only once decoded. */
static gboolean
find_key (UppJsonReader *syntax,
          KeyIndex      *index,
          guint          first,
          guint          k,
          gboolean      *out_raw)
{
  const RawKey *raw = &g_array_index (syntax->raw_keys, RawKey, k);
  const char *key = g_array_index (syntax->members, JvMember, k).key;
  gboolean decoded_equal = FALSE;

  *out_raw = FALSE;
  if (k - first > LINEAR_KEYS)
    {
      guint from = first;
      char *text;

      if (index->raw == NULL)
        {
          index->raw = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          index->decoded = g_hash_table_new (g_str_hash, g_str_equal);
        }
      else
        from = k;
      for (guint i = from; i <= k; i++)
        {
          const RawKey *r = &g_array_index (syntax->raw_keys, RawKey, i);
          const char *d = g_array_index (syntax->members, JvMember, i).key;

          text = g_strndup (r->raw, r->length);
          if (i == k)
            {
              *out_raw = g_hash_table_contains (index->raw, text);
              decoded_equal = g_hash_table_contains (index->decoded, d);
            }
          g_hash_table_add (index->raw, text);
          g_hash_table_add (index->decoded, (gpointer) d);
        }
      return decoded_equal;
    }

  for (guint i = first; i < k; i++)
    {
      const RawKey *other = &g_array_index (syntax->raw_keys, RawKey, i);

      if (other->length == raw->length && memcmp (other->raw, raw->raw, raw->length) == 0)
        {
          *out_raw = TRUE;
          return TRUE;
        }
      if (strcmp (g_array_index (syntax->members, JvMember, i).key, key) == 0)
        decoded_equal = TRUE;
    }
  return decoded_equal;
}

static gboolean
syntax_container (UppJsonReader *syntax,
                  guint          depth,
                  Jv            *out)
{
  gboolean object = *syntax->p == '{';
  char close = object ? '}' : ']';
  guint first = object ? syntax->members->len : syntax->items->len;
  KeyIndex index = { NULL, NULL };
  gboolean ok = FALSE;

  if (depth >= MAX_DEPTH)
    return syntax_error (syntax, syntax->p,
                         _("nested more than %d levels deep; reports and packages need at "
                           "most 5"), MAX_DEPTH);

  syntax->p++;
  syntax_skip_space (syntax);
  if (syntax->p < syntax->end && *syntax->p == close)
    {
      syntax->p++;
      ok = TRUE;
      goto done;
    }

  for (;;)
    {
      Jv value = { JV_NULL, 0, { 0 } };
      gboolean escaped_duplicate = FALSE;

      if (object)
        {
          const char *key;
          Jv name;
          RawKey raw;
          JvMember member = { NULL, { JV_NULL, 0, { 0 } } };
          gboolean raw_duplicate;

          syntax_skip_space (syntax);
          key = syntax->p;
          if (syntax->p >= syntax->end || *syntax->p != '"')
            {
              syntax_unexpected (syntax, _("a key in double quotes"));
              goto done;
            }
          if (!syntax_string (syntax, &name))
            goto done;

          member.key = name.v.string;
          raw = (RawKey) { key + 1, syntax->p - key - 2 };
          g_array_append_val (syntax->members, member);
          g_array_append_val (syntax->raw_keys, raw);
          if (find_key (syntax, &index, first, syntax->members->len - 1, &raw_duplicate))
            {
              if (raw_duplicate)
                {
                  g_autofree char *shown = g_strndup (raw.raw, raw.length);
                  g_autofree char *cut = g_utf8_substring (shown, 0,
                                                           MIN (g_utf8_strlen (shown, -1), 64));

                  syntax_error (syntax, key, _("the key “%s” appears twice in one object; "
                                               "each key may appear once"), cut);
                  goto done;
                }
              escaped_duplicate = TRUE;
            }
          syntax_skip_space (syntax);
          if (syntax->p >= syntax->end || *syntax->p != ':')
            {
              syntax_unexpected (syntax, _("“:” after the key"));
              goto done;
            }
          syntax->p++;
        }
      if (!syntax_value (syntax, depth + 1, &value))
        goto done;
      if (object)
        {
          g_array_index (syntax->members, JvMember, syntax->members->len - 1).value = value;
          /* Reported only if the text is right otherwise, where json-glib
           * did: at the comma after the value, or else at its last
           * character. */
          if (escaped_duplicate && syntax->escaped_duplicate == NULL)
            {
              const char *at = syntax->p;

              while (at < syntax->end && (*at == ' ' || *at == '\t' || *at == '\n' || *at == '\r'))
                at++;
              syntax->escaped_duplicate =
                g_strdup (g_array_index (syntax->members, JvMember, syntax->members->len - 1).key);
              syntax->escaped_duplicate_at = at < syntax->end && *at == ',' ? at : syntax->p - 1;
            }
        }
      else
        g_array_append_val (syntax->items, value);
      syntax_skip_space (syntax);
      if (syntax->p < syntax->end && *syntax->p == ',')
        {
          syntax->p++;
          continue;
        }
      if (syntax->p < syntax->end && *syntax->p == close)
        {
          syntax->p++;
          ok = TRUE;
          goto done;
        }
      syntax_unexpected (syntax, object ? _("“,” or “}”") : _("“,” or “]”"));
      goto done;
    }

done:
  key_index_clear (&index);
  if (object)
    {
      out->kind = JV_OBJECT;
      out->length = syntax->members->len - first;
      out->v.members = NULL;
      if (out->length > 0)
        {
          out->v.members = arena_alloc (&syntax->arena, out->length * sizeof (JvMember));
          memcpy (out->v.members, syntax->members->data + first * sizeof (JvMember),
                  out->length * sizeof (JvMember));
        }
      g_array_set_size (syntax->members, first);
      g_array_set_size (syntax->raw_keys, first);
    }
  else
    {
      out->kind = JV_ARRAY;
      out->length = syntax->items->len - first;
      out->v.items = NULL;
      if (out->length > 0)
        {
          out->v.items = arena_alloc (&syntax->arena, out->length * sizeof (Jv));
          memcpy (out->v.items, syntax->items->data + first * sizeof (Jv),
                  out->length * sizeof (Jv));
        }
      g_array_set_size (syntax->items, first);
    }
  return ok;
}

static gboolean
syntax_value (UppJsonReader *syntax,
              guint          depth,
              Jv            *out)
{
  syntax_skip_space (syntax);
  if (syntax->p >= syntax->end)
    return syntax_unexpected (syntax, _("a value"));
  if (++syntax->n_values > MAX_VALUES)
    return syntax_error (syntax, syntax->p,
                         _("holds more than %d values; reports and packages have far fewer"),
                         MAX_VALUES);

  switch (*syntax->p)
    {
    case '{':
    case '[':
      return syntax_container (syntax, depth, out);
    case '"':
      return syntax_string (syntax, out);
    case 't':
      out->kind = JV_BOOLEAN;
      out->v.boolean = TRUE;
      return syntax_literal (syntax, "true");
    case 'f':
      out->kind = JV_BOOLEAN;
      out->v.boolean = FALSE;
      return syntax_literal (syntax, "false");
    case 'n':
      out->kind = JV_NULL;
      return syntax_literal (syntax, "null");
    default:
      if (*syntax->p == '-' || g_ascii_isdigit (*syntax->p))
        return syntax_number (syntax, out);
      return syntax_unexpected (syntax, _("a value (an object, array, text, number, true, false "
                                          "or null)"));
    }
}

static void
syntax_init (UppJsonReader *syntax,
             const char    *data,
             gsize          length)
{
  memset (syntax, 0, sizeof *syntax);
  syntax->start = syntax->p = data;
  syntax->end = data + length;
  /* Texts take at most the bytes of the document; the values a little. */
  syntax->arena.block_size = MAX (length + length / 2, 4096);
  syntax->items = g_array_new (FALSE, FALSE, sizeof (Jv));
  syntax->members = g_array_new (FALSE, FALSE, sizeof (JvMember));
  syntax->raw_keys = g_array_new (FALSE, FALSE, sizeof (RawKey));
}

static void
upp_json_reader_clear (UppJsonReader *syntax)
{
  arena_clear (&syntax->arena);
  g_array_unref (syntax->items);
  g_array_unref (syntax->members);
  g_array_unref (syntax->raw_keys);
  g_free (syntax->error);
  g_free (syntax->escaped_duplicate);
}

/* Reads @length bytes of @data (valid UTF-8 without NUL bytes) into
 * @syntax's tree, which lives until upp_json_reader_clear(): one JSON
 * value, and nothing after it. Returns the root; or NULL with
 * @syntax->error saying what is wrong at @syntax->error_at, or, if the text
 * is JSON but an object has a key twice once escapes are decoded, with no
 * error and that key in @syntax->escaped_duplicate (its place in
 * @syntax->escaped_duplicate_at). */
static const Jv *
upp_json_reader_read (UppJsonReader *syntax,
                      const char    *data,
                      gsize          length)
{
  Jv *root;

  syntax_init (syntax, data, length);
  root = arena_alloc (&syntax->arena, sizeof (Jv));
  if (syntax_value (syntax, 0, root))
    {
      syntax_skip_space (syntax);
      if (syntax->p < syntax->end)
        syntax_error (syntax, syntax->p,
                      _("more text after the end of the document; a file holds one JSON value"));
      else if (syntax->escaped_duplicate == NULL)
        return root;
    }
  return NULL;
}

/* Reads the document into @syntax's tree; NULL with a problem if it is not
 * strict JSON. */
static const Jv *
parse_json (UppDocument   *document,
            UppJsonReader *syntax,
            const char    *data,
            gsize          length)
{
  const Jv *root = upp_json_reader_read (syntax, data, length);
  guint line, column;

  if (root != NULL)
    return root;
  if (syntax->error == NULL)
    {
      line_and_column (data, syntax->escaped_duplicate_at - data, &line, &column);
      upp_add_problem (document->problems,
                       g_strdup_printf (_("%s:%u:%u: the key “%s” appears twice in one object; "
                                          "each key may appear once"),
                                        document->path, line, column,
                                        syntax->escaped_duplicate));
      return NULL;
    }

  line_and_column (data, syntax->error_at - data, &line, &column);
  upp_add_problem (document->problems,
                   g_strdup_printf ("%s:%u:%u: %s", document->path, line, column, syntax->error));
  return NULL;
}

/* Typed access with messages */

static gboolean
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

static const Jv *
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

static const char *
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

static char *
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

static gboolean
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

static gboolean
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

static gboolean
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

static gboolean
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

static gboolean
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

static const Jv *
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
static const Jv *
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

static gboolean
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

/* Walks every key and value of the document: no text, key or whole number
 * may hold a personal identity number, wherever it is. (Every text is valid
 * UTF-8: the file is, and the reader decodes escapes into nothing else.) */
static void
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
          upp_check_texts (checker, &member->value, AT (where, member->key));
        }
      break;

    case JV_ARRAY:
      for (guint i = 0; i < node->length; i++)
        upp_check_texts (checker, &node->v.items[i], AT_INDEX (where, i));
      break;

    case JV_STRING:
    case JV_INTEGER:
      {
        char number[32];
        g_autofree char *masked = NULL;

        if (node->kind == JV_INTEGER)
          g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, node->v.integer);
        masked = upp_guard_check_text (node->kind == JV_STRING ? node->v.string : number);
        if (masked != NULL)
          upp_problem (checker, where,
                       _("contains a personal identity number (%s); reports give counts and "
                         "progress, never names or identity numbers"), masked);
        break;
      }

    case JV_NULL:
    case JV_BOOLEAN:
    case JV_DOUBLE:
    default:
      break;
    }
}

static char *
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

static gboolean
upp_check_header (Checker  *checker,
                  const Jv *root)
{
  int version = 0;

  if (!upp_get_integer (checker, root, NULL, "version", TRUE, 0, G_MAXINT, &version))
    return FALSE;
  if (version != 1)
    {
      upp_problem (checker, AT (NULL, "version"),
                   _("version %d is not known; this version of Uppföljning reads version 1"),
                   version);
      return FALSE;
    }
  return TRUE;
}

/* The package definition */

static void
parse_indicators (Checker     *checker,
                  const Jv    *object,
                  const Where *where,
                  UppAction   *action)
{
  static const char * const allowed[] = { "code", "name", "unit", "target", "direction", NULL };
  const Jv *array = upp_get_array (checker, object, where, "indicators", FALSE, MAX_INDICATORS);
  const Where *list = AT (where, "indicators");

  for (guint i = 0; array != NULL && i < array->length; i++)
    {
      const Where *path = AT_INDEX (list, i);
      const Jv *o = upp_get_object (checker, &array->v.items[i], path);
      g_autoptr(UppIndicator) indicator = NULL;
      const char *direction;

      if (o == NULL)
        continue;
      upp_check_members (checker, o, path, allowed);
      indicator = upp_indicator_new ();
      indicator->code = upp_get_code (checker, o, path, "code", TRUE);
      indicator->name = upp_get_text (checker, o, path, "name", TRUE, MAX_NAME_LENGTH);
      indicator->unit = upp_get_text (checker, o, path, "unit", FALSE, MAX_CODE_LENGTH);
      indicator->has_target = jv_get_member (o, "target") != NULL &&
                              upp_get_number (checker, o, path, "target", FALSE,
                                              &indicator->target);
      direction = upp_get_string (checker, o, path, "direction", FALSE, 8);
      if (direction != NULL && !g_str_equal (direction, "up") && !g_str_equal (direction, "down"))
        upp_problem (checker, AT (path, "direction"),
                     _("“%s” is not a direction; expected up or down"), direction);
      indicator->direction = g_strcmp0 (direction, "down") == 0 ? UPP_DIRECTION_DOWN
                                                                  : UPP_DIRECTION_UP;
      if (indicator->code != NULL && upp_action_find_indicator (action, indicator->code) != NULL)
        upp_problem (checker, AT (path, "code"), _("the indicator “%s” is defined twice"),
                     indicator->code);
      else if (indicator->code != NULL && indicator->name != NULL)
        g_ptr_array_add (action->indicators, g_steal_pointer (&indicator));
    }
}

static void
parse_contributors (Checker     *checker,
                    const Jv    *object,
                    const Where *where,
                    UppAction   *action)
{
  const Jv *array = upp_get_array (checker, object, where, "contributors", FALSE, MAX_CONTRIBUTORS);
  const Where *list = AT (where, "contributors");

  for (guint i = 0; array != NULL && i < array->length; i++)
    {
      const Jv *node = &array->v.items[i];
      const char *code;

      if (node->kind != JV_STRING)
        {
          upp_problem (checker, AT_INDEX (list, i), _("expected a department code"));
          continue;
        }
      code = node->v.string;
      if (upp_action_involves (action, code))
        upp_problem (checker, AT_INDEX (list, i), _("“%s” is listed twice (or is also the lead)"),
                     code);
      else
        g_ptr_array_add (action->contributors, g_strdup (code));
    }
}

static UppAction *
parse_action (Checker     *checker,
              const Jv    *o,
              const Where *path)
{
  static const char * const allowed[] = { "code", "title", "description", "goal", "lead",
                                          "contributors", "start", "deadline", "indicators",
                                          NULL };
  g_autoptr(UppAction) action = upp_action_new ();

  upp_check_members (checker, o, path, allowed);
  action->code = upp_get_code (checker, o, path, "code", TRUE);
  action->title = upp_get_text (checker, o, path, "title", TRUE, MAX_NAME_LENGTH);
  action->description = upp_get_text (checker, o, path, "description", FALSE, MAX_TEXT_LENGTH);
  action->goal = upp_get_code (checker, o, path, "goal", TRUE);
  action->lead = upp_get_code (checker, o, path, "lead", TRUE);
  upp_get_date (checker, o, path, "start", FALSE, &action->start);
  upp_get_date (checker, o, path, "deadline", TRUE, &action->deadline);
  parse_contributors (checker, o, path, action);
  parse_indicators (checker, o, path, action);

  if (g_date_valid (&action->start) && g_date_valid (&action->deadline) &&
      g_date_compare (&action->start, &action->deadline) > 0)
    upp_problem (checker, AT (path, "deadline"), _("is before the start date"));

  if (action->code == NULL || action->title == NULL || action->goal == NULL ||
      action->lead == NULL || !g_date_valid (&action->deadline))
    return NULL;
  return g_steal_pointer (&action);
}

static void
parse_goals_and_departments (Checker    *checker,
                             const Jv   *root,
                             UppPackage *package)
{
  static const char * const goal_fields[] = { "code", "title", NULL };
  static const char * const department_fields[] = { "code", "name", "partner", NULL };
  g_autoptr(GHashTable) seen = upp_code_set_new ();
  const Jv *goals = upp_get_array (checker, root, NULL, "goals", TRUE, MAX_GOALS);
  const Jv *departments = upp_get_array (checker, root, NULL, "departments", TRUE, MAX_DEPARTMENTS);

  for (guint i = 0; goals != NULL && i < goals->length; i++)
    {
      const Where *path = AT_INDEX (AT (NULL, "goals"), i);
      const Jv *o = upp_get_object (checker, &goals->v.items[i], path);
      g_autoptr(UppGoal) goal = upp_goal_new ();

      if (o == NULL)
        continue;
      upp_check_members (checker, o, path, goal_fields);
      goal->code = upp_get_code (checker, o, path, "code", TRUE);
      goal->title = upp_get_text (checker, o, path, "title", TRUE, MAX_GOAL_TITLE_LENGTH);
      if (goal->code != NULL && !upp_add_unique (seen, goal->code))
        upp_problem (checker, path, _("the goal “%s” is defined twice"), goal->code);
      /* Even without a good title: the actions of a goal whose title is
       * wrong are not wrong too. (With a problem there is no package.) */
      else if (goal->code != NULL)
        g_ptr_array_add (package->goals, g_steal_pointer (&goal));
    }

  g_hash_table_remove_all (seen);
  for (guint i = 0; departments != NULL && i < departments->length; i++)
    {
      const Where *path = AT_INDEX (AT (NULL, "departments"), i);
      const Jv *o = upp_get_object (checker, &departments->v.items[i], path);
      g_autoptr(UppDepartment) department = upp_department_new ();

      if (o == NULL)
        continue;
      upp_check_members (checker, o, path, department_fields);
      department->code = upp_get_code (checker, o, path, "code", TRUE);
      department->name = upp_get_text (checker, o, path, "name", TRUE, MAX_NAME_LENGTH);
      department->partner = upp_get_boolean (checker, o, path, "partner", FALSE);
      if (department->code != NULL && !upp_add_unique (seen, department->code))
        upp_problem (checker, path, _("the department “%s” is defined twice"), department->code);
      else if (department->code != NULL)
        g_ptr_array_add (package->departments, g_steal_pointer (&department));
    }

  if (goals != NULL && package->goals->len == 0 && goals->length == 0)
    upp_problem (checker, AT (NULL, "goals"), _("is empty; a package has at least one goal"));
  if (departments != NULL && departments->length == 0)
    upp_problem (checker, AT (NULL, "departments"),
                 _("is empty; a package has at least one department"));
}

static gboolean
has_goal (const UppPackage *package,
          const char       *code)
{
  for (guint i = 0; i < package->goals->len; i++)
    if (g_str_equal (((UppGoal *) g_ptr_array_index (package->goals, i))->code, code))
      return TRUE;
  return FALSE;
}

static void
parse_actions (Checker    *checker,
               const Jv   *root,
               UppPackage *package)
{
  g_autoptr(GHashTable) seen = upp_code_set_new ();
  const Jv *actions = upp_get_array (checker, root, NULL, "actions", TRUE, MAX_ACTIONS);

  for (guint i = 0; actions != NULL && i < actions->length; i++)
    {
      const Where *path = AT_INDEX (AT (NULL, "actions"), i);
      const Jv *o = upp_get_object (checker, &actions->v.items[i], path);
      g_autoptr(UppAction) action = o != NULL ? parse_action (checker, o, path) : NULL;

      if (action == NULL)
        continue;
      if (!upp_add_unique (seen, action->code))
        {
          upp_problem (checker, path, _("the action “%s” is defined twice"), action->code);
          continue;
        }
      if (!has_goal (package, action->goal))
        upp_problem (checker, AT (path, "goal"), _("“%s” is not one of the package’s goals"),
                     action->goal);
      if (upp_package_find_department (package, action->lead) == NULL)
        upp_problem (checker, AT (path, "lead"), _("“%s” is not one of the package’s departments"),
                     action->lead);
      for (guint j = 0; j < action->contributors->len; j++)
        if (upp_package_find_department (package, g_ptr_array_index (action->contributors, j)) ==
            NULL)
          upp_problem (checker, AT_INDEX (AT (path, "contributors"), j),
                       _("“%s” is not one of the package’s departments"),
                       (char *) g_ptr_array_index (action->contributors, j));
      g_ptr_array_add (package->actions, g_steal_pointer (&action));
    }

  if (actions != NULL && actions->length == 0)
    upp_problem (checker, AT (NULL, "actions"), _("is empty; a package has at least one action"));
}

static UppPackage *
upp_parse_package (Checker  *checker,
                   const Jv *root)
{
  static const char * const allowed[] = { "format", "version", "code", "revision", "title",
                                          "organisation", "decided", "decided_by", "reporting",
                                          "goals", "departments", "actions", NULL };
  static const char * const reporting_fields[] = { "first_week", "due_weekday", NULL };
  g_autoptr(UppPackage) package = upp_package_new ();
  const Jv *reporting;
  const Where *reporting_path = AT (NULL, "reporting");
  guint n_problems = checker->problems->len;

  upp_check_members (checker, root, NULL, allowed);
  if (!upp_check_header (checker, root))
    return NULL;

  package->code = upp_get_code (checker, root, NULL, "code", TRUE);
  upp_get_integer (checker, root, NULL, "revision", TRUE, 1, MAX_REVISION, &package->revision);
  package->title = upp_get_text (checker, root, NULL, "title", TRUE, MAX_NAME_LENGTH);
  package->organisation = upp_get_text (checker, root, NULL, "organisation", TRUE, MAX_NAME_LENGTH);
  upp_get_date (checker, root, NULL, "decided", FALSE, &package->decided);
  package->decided_by = upp_get_text (checker, root, NULL, "decided_by", FALSE, MAX_NAME_LENGTH);

  reporting = upp_get_object (checker, upp_get_member (checker, root, NULL, "reporting", TRUE),
                              reporting_path);
  if (reporting != NULL)
    {
      upp_check_members (checker, reporting, reporting_path, reporting_fields);
      upp_get_week (checker, reporting, reporting_path, "first_week", &package->first_week);
      upp_get_integer (checker, reporting, reporting_path, "due_weekday", FALSE, 1, 7,
                       &package->due_weekday);
    }

  parse_goals_and_departments (checker, root, package);
  parse_actions (checker, root, package);

  if (checker->problems->len > n_problems)
    return NULL;
  return g_steal_pointer (&package);
}

/* The weekly report */

static void
parse_entry_indicators (Checker     *checker,
                        const Jv    *o,
                        const Where *path,
                        UppEntry    *entry)
{
  const Where *ipath = AT (path, "indicators");
  const Jv *values = upp_get_object (checker, jv_get_member (o, "indicators"), ipath);

  for (guint i = 0; values != NULL && i < values->length; i++)
    {
      const JvMember *member = &values->v.members[i];
      g_autoptr(UppIndicatorValue) value = upp_indicator_value_new ();

      if (upp_get_number_value (checker, &member->value, AT (ipath, member->key), &value->value))
        {
          value->indicator = g_strdup (member->key);
          g_ptr_array_add (entry->indicators, g_steal_pointer (&value));
        }
    }
}

static UppEntry *
parse_entry (Checker     *checker,
             const Jv    *o,
             const Where *path)
{
  static const char * const allowed[] = { "action", "status", "progress", "comment",
                                          "next_steps", "risks", "indicators", NULL };
  g_autoptr(UppEntry) entry = upp_entry_new ();
  const char *status;
  gboolean ok = TRUE;

  upp_check_members (checker, o, path, allowed);
  entry->action = upp_get_code (checker, o, path, "action", TRUE);
  status = upp_get_string (checker, o, path, "status", TRUE, 32);
  if (status != NULL && !upp_status_from_string (status, &entry->status))
    {
      upp_problem (checker, AT (path, "status"), _("“%s” is not a status; expected one of %s"),
                   status, status_list);
      ok = FALSE;
    }
  ok &= upp_get_integer (checker, o, path, "progress", TRUE, 0, 100, &entry->progress);
  if (ok && entry->status == UPP_STATUS_DONE && entry->progress != 100)
    upp_problem (checker, AT (path, "progress"),
                 _("is %d, but the status is done; a done action is at 100"), entry->progress);
  entry->comment = upp_get_text (checker, o, path, "comment", FALSE, MAX_TEXT_LENGTH);
  entry->next_steps = upp_get_text (checker, o, path, "next_steps", FALSE, MAX_TEXT_LENGTH);
  entry->risks = upp_get_text (checker, o, path, "risks", FALSE, MAX_TEXT_LENGTH);
  parse_entry_indicators (checker, o, path, entry);

  if (entry->action == NULL || status == NULL || !ok)
    return NULL;
  return g_steal_pointer (&entry);
}

static void
parse_submitted (Checker   *checker,
                 const Jv  *root,
                 UppReport *report)
{
  const char *text = upp_get_string (checker, root, NULL, "submitted", TRUE, 40);
  g_autoptr(GDateTime) when = NULL;
  int y, m, d;

  if (text == NULL)
    return;
  /* With a UTC offset only: a time without one means different moments on
   * different desktops, and import order must not matter. */
  if (strlen (text) >= 20 && (text[strlen (text) - 1] == 'Z' || strchr (text + 19, '+') ||
                              strchr (text + 19, '-')))
    when = g_date_time_new_from_iso8601 (text, NULL);
  if (when == NULL)
    {
      upp_problem (checker, AT (NULL, "submitted"),
                   _("“%s” is not a date and time with a UTC offset; "
                     "expected such as 2026-06-19T15:30:00+02:00"), text);
      return;
    }

  report->submitted = g_strdup (text);
  report->submitted_unix = g_date_time_to_unix (when);
  g_date_time_get_ymd (when, &y, &m, &d);
  g_date_set_dmy (&report->submitted_date, d, m, y);
}

static UppReport *
upp_parse_report (Checker  *checker,
                  const Jv *root)
{
  static const char * const allowed[] = { "format", "version", "package", "department", "week",
                                          "submitted", "reporter", "summary", "entries", NULL };
  g_autoptr(UppReport) report = upp_report_new ();
  /* The actions of the entries kept in @report, which outlives it. */
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const Jv *entries;
  guint n_problems = checker->problems->len;

  upp_check_members (checker, root, NULL, allowed);
  if (!upp_check_header (checker, root))
    return NULL;

  report->package = upp_get_code (checker, root, NULL, "package", TRUE);
  report->department = upp_get_code (checker, root, NULL, "department", TRUE);
  upp_get_week (checker, root, NULL, "week", &report->week);
  parse_submitted (checker, root, report);
  report->reporter = upp_get_text (checker, root, NULL, "reporter", FALSE, MAX_NAME_LENGTH);
  report->summary = upp_get_text (checker, root, NULL, "summary", FALSE, MAX_TEXT_LENGTH);

  entries = upp_get_array (checker, root, NULL, "entries", TRUE, MAX_ENTRIES);
  /* Not one problem for each of many thousand entries too. */
  if (entries != NULL && entries->length > MAX_ENTRIES)
    return NULL;
  if (entries != NULL && entries->length == 0)
    upp_problem (checker, AT (NULL, "entries"),
                 _("is empty; a report has an entry for at least one action"));

  for (guint i = 0; entries != NULL && i < entries->length; i++)
    {
      const Where *path = AT_INDEX (AT (NULL, "entries"), i);
      const Jv *o = upp_get_object (checker, &entries->v.items[i], path);
      g_autoptr(UppEntry) entry = o != NULL ? parse_entry (checker, o, path) : NULL;

      if (entry == NULL)
        continue;
      /* (Adding a key that is there would replace it with the copy in
       * this entry, which is dropped.) */
      if (g_hash_table_contains (seen, entry->action))
        {
          upp_problem (checker, AT (path, "action"),
                       _("“%s” has a second entry; one entry per action"), entry->action);
          continue;
        }
      g_hash_table_add (seen, entry->action);
      g_ptr_array_add (report->entries, g_steal_pointer (&entry));
    }

  if (checker->problems->len > n_problems)
    return NULL;
  return g_steal_pointer (&report);
}

/* Checks against what the store holds */

static void
upp_import_validate_report (Checker          *checker,
                            UppReport        *report,
                            const UppPackage *package,
                            GHashTable       *actions)
{
  UppWeek today = upp_week_today ();
  gboolean known_department;

  if (package == NULL)
    {
      upp_problem (checker, AT (NULL, "package"),
                   _("the database holds no package yet; import the package definition first"));
      return;
    }
  if (!g_str_equal (report->package, package->code))
    upp_problem (checker, AT (NULL, "package"),
                 _("“%s” is not the package this database follows (%s)"), report->package,
                 package->code);
  known_department = upp_package_find_department (package, report->department) != NULL;
  if (!known_department)
    upp_problem (checker, AT (NULL, "department"),
                 _("“%s” is not one of the package’s departments"), report->department);
  if (upp_week_compare (report->week, package->first_week) < 0)
    upp_problem (checker, AT (NULL, "week"),
                 _("week %d-W%02d is before the first reporting week %d-W%02d"),
                 report->week.year, report->week.week, package->first_week.year,
                 package->first_week.week);
  if (upp_week_compare (report->week, today) > 0)
    upp_problem (checker, AT (NULL, "week"), _("week %d-W%02d is in the future"), report->week.year,
                 report->week.week);
  else
    {
      GDate last_day;

      /* The later `submitted` wins among corrections: one from the future
       * would win forever. (One from before its week is fine: a template
       * can be written ahead.) The end of this week leaves room for clocks
       * and time zones. */
      upp_week_get_day (today, 7, &last_day);
      if (g_date_compare (&report->submitted_date, &last_day) > 0)
        upp_problem (checker, AT (NULL, "submitted"), _("%s is in the future"), report->submitted);
    }

  for (guint i = 0; i < report->entries->len; i++)
    {
      const UppEntry *entry = g_ptr_array_index (report->entries, i);
      const UppAction *action = g_hash_table_lookup (actions, entry->action);
      const Where *path = AT_INDEX (AT (NULL, "entries"), i);

      if (action == NULL)
        {
          upp_problem (checker, AT (path, "action"), _("“%s” is not an action of the package"),
                       entry->action);
          continue;
        }
      /* An unknown department is one problem, not one per entry. */
      if (known_department && !upp_action_involves (action, report->department))
        upp_problem (checker, AT (path, "action"),
                     _("%s neither leads nor contributes to “%s”; report only on your own actions"),
                     report->department, entry->action);
      for (guint j = 0; j < entry->indicators->len; j++)
        {
          const UppIndicatorValue *value = g_ptr_array_index (entry->indicators, j);

          if (upp_action_find_indicator (action, value->indicator) == NULL)
            upp_problem (checker, AT (AT (path, "indicators"), value->indicator),
                         _("“%s” is not an indicator of %s"), value->indicator, entry->action);
        }
    }
}

static int
upp_import_compare_strings (gconstpointer a,
                            gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The codes in @set that @is_defined says @package no longer defines, sorted
 * so that messages come in the same order every time. */
static GPtrArray *
find_dropped (GHashTable       *set,
              const UppPackage *package,
              gboolean        (*is_defined) (const UppPackage *package, const char *code))
{
  GPtrArray *dropped = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer code;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &code, NULL))
    if (!is_defined (package, code))
      g_ptr_array_add (dropped, code);
  g_ptr_array_sort (dropped, upp_import_compare_strings);
  return dropped;
}

static gboolean
defines_action (const UppPackage *package,
                const char       *code)
{
  return upp_package_find_action (package, code) != NULL;
}

static gboolean
defines_department (const UppPackage *package,
                    const char       *code)
{
  return upp_package_find_department (package, code) != NULL;
}

static void
validate_package_against_store (Checker           *checker,
                                const UppDocument *document,
                                UppStore          *store)
{
  const UppPackage *package = document->package;
  const UppPackage *current = store != NULL ? upp_store_peek_package (store) : NULL;
  g_autoptr(GHashTable) reported = NULL;
  g_autoptr(GHashTable) departments = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) dropped = NULL;

  if (current == NULL)
    return;
  if (!g_str_equal (current->code, package->code))
    {
      upp_problem (checker, AT (NULL, "code"), _("this database follows the package %s, not %s"),
                   current->code, package->code);
      return;
    }
  if (package->revision == current->revision && !upp_store_has_document (store, document->sha256))
    {
      upp_problem (checker, AT (NULL, "revision"),
                   _("revision %d of %s was already imported with other content; "
                     "a changed package needs a higher revision"),
                   package->revision, package->code);
      return;
    }
  if (package->revision <= current->revision)
    return; /* the same file again, or kept as an older revision: nothing in force changes */

  reported = upp_store_get_reported_actions (store);
  dropped = find_dropped (reported, package, defines_action);
  for (guint i = 0; i < dropped->len; i++)
    upp_problem (checker, AT (NULL, "actions"),
                 _("revision %d drops the action “%s”, which has reports; "
                   "keep it in the package (it may be marked done in reports)"),
                 package->revision, (const char *) g_ptr_array_index (dropped, i));

  /* The store's foreign keys would refuse it too, but in SQL's words. */
  departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  documents = upp_store_list_documents (store, NULL);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      const UppDocumentInfo *info = g_ptr_array_index (documents, i);

      if (info->department != NULL)
        g_hash_table_add (departments, g_strdup (info->department));
    }
  g_clear_pointer (&dropped, g_ptr_array_unref);
  dropped = find_dropped (departments, package, defines_department);
  for (guint i = 0; i < dropped->len; i++)
    upp_problem (checker, AT (NULL, "departments"),
                 _("revision %d drops the department “%s”, which has sent reports; "
                   "keep it in the package"),
                 package->revision, (const char *) g_ptr_array_index (dropped, i));
}

static GHashTable *
upp_import_index_actions (const UppPackage *package)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; package != NULL && i < package->actions->len; i++)
    {
      UppAction *action = g_ptr_array_index (package->actions, i);
      g_hash_table_insert (index, action->code, action);
    }
  return index;
}

/* Documents */

void
upp_document_free (UppDocument *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->sha256);
  g_clear_pointer (&self->package, upp_package_free);
  g_clear_pointer (&self->report, upp_report_free);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

static UppDocument *
upp_document_new (const char *path)
{
  UppDocument *document = g_new0 (UppDocument, 1);

  document->path = g_strdup (path);
  document->problems = g_ptr_array_new_with_free_func (g_free);
  return document;
}

/* Checks the tree of a document and reads the package or report in it. */
static void
parse_root (UppDocument *document,
            Checker     *checker,
            const Jv    *root)
{
  const char *format;

  if (root->kind != JV_OBJECT)
    {
      upp_document_problem (document, _("expected a JSON object with a “format” field"));
      return;
    }
  upp_check_texts (checker, root, NULL);

  format = upp_get_string (checker, root, NULL, "format", TRUE, 64);
  if (format == NULL)
    return;
  if (g_str_equal (format, "uppfoljning-package"))
    {
      document->kind = UPP_DOCUMENT_PACKAGE;
      document->package = upp_parse_package (checker, root);
    }
  else if (g_str_equal (format, "uppfoljning-report"))
    {
      document->kind = UPP_DOCUMENT_REPORT;
      document->report = upp_parse_report (checker, root);
    }
  else
    upp_problem (checker, AT (NULL, "format"),
                 _("“%s” is not a known format; expected uppfoljning-package or "
                   "uppfoljning-report"),
                 format);
}

/* Parses and checks a document by itself, without the store. */
static void
upp_format_parse_document (UppDocument *document)
{
  Checker checker = { document->path, document->problems };
  UppJsonReader syntax;
  const Jv *root;
  const char *data;
  gsize length = 0;

  if (document->sha256 == NULL)
    document->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, document->bytes);

  data = check_encoding (document, &length);
  if (data == NULL)
    return;
  root = parse_json (document, &syntax, data, length);
  if (root != NULL)
    parse_root (document, &checker, root);
  upp_json_reader_clear (&syntax);
}

/* Checks a parsed document against the store's package definition. */
static void
upp_import_validate_document (UppDocument *document,
                              UppStore    *store,
                              GHashTable  *actions)
{
  Checker checker = { document->path, document->problems };

  if (document->package != NULL)
    validate_package_against_store (&checker, document, store);
  else if (document->report != NULL)
    upp_import_validate_report (&checker, document->report,
                                store != NULL ? upp_store_peek_package (store) : NULL,
                                actions);
}

/**
 * upp_document_parse:
 * @display_name: the file's name, for messages
 * @bytes: the document
 * @store: (nullable): the store to check against; %NULL checks the document
 *   by itself
 *
 * Parses and validates a document without storing it — what `check` does.
 *
 * Returns: (transfer full): the document with its problems (empty if valid)
 */
UppDocument *
upp_document_parse (const char *display_name,
                    GBytes     *bytes,
                    UppStore   *store)
{
  UppDocument *document;
  g_autoptr(GHashTable) actions = NULL;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (store == NULL || UPP_IS_STORE (store), NULL);

  document = upp_document_new (display_name);
  document->bytes = g_bytes_ref (bytes);
  upp_format_parse_document (document);
  if (document->problems->len == 0 && store != NULL)
    {
      actions = upp_import_index_actions (upp_store_peek_package (store));
      upp_import_validate_document (document, store, actions);
    }
  return document;
}

/**
 * upp_document_load:
 * @path: a file
 * @store: (nullable): as for upp_document_parse()
 *
 * Reads (safely: size limit, regular files only) and parses a document.
 *
 * Returns: (transfer full): the document with its problems
 */
UppDocument *
upp_document_load (const char *path,
                   UppStore   *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  UppDocument *document;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (store == NULL || UPP_IS_STORE (store), NULL);

  bytes = upp_import_read_document_bytes (path, &error);
  if (bytes == NULL)
    {
      document = upp_document_new (path);
      upp_document_problem (document, error->message);
      return document;
    }
  return upp_document_parse (path, bytes, store);
}

/* Batches */

void
upp_import_result_free (UppImportResult *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

/**
 * upp_import_collect_files:
 * @paths: files and folders
 * @error: a #GError
 *
 * Expands folders to the `*.json` files directly in them (sorted, hidden
 * files skipped) and keeps files as given.
 *
 * Returns: (transfer full) (element-type filename): the files
 */
GPtrArray *
upp_import_collect_files (const char * const  *paths,
                          GError             **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (paths != NULL, NULL);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GPtrArray) found = NULL;
      const char *name;

      if (!g_file_test (paths[i], G_FILE_TEST_IS_DIR))
        {
          g_ptr_array_add (files, g_strdup (paths[i]));
          continue;
        }

      dir = g_dir_open (paths[i], 0, error);
      if (dir == NULL)
        return NULL;
      found = g_ptr_array_new ();
      while ((name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.' && g_str_has_suffix (name, ".json"))
          g_ptr_array_add (found, g_build_filename (paths[i], name, NULL));
      g_ptr_array_sort (found, upp_import_compare_strings);
      for (guint j = 0; j < found->len; j++)
        g_ptr_array_add (files, g_ptr_array_index (found, j));
    }

  return g_steal_pointer (&files);
}

static UppImportResult *
result_new (UppDocument *document)
{
  UppImportResult *result = g_new0 (UppImportResult, 1);

  result->path = g_strdup (document->path);
  result->kind = document->kind;
  result->problems = g_ptr_array_ref (document->problems);
  result->status = UPP_IMPORT_REJECTED;
  return result;
}

static UppImportStatus
status_from_outcome (UppStoreOutcome outcome)
{
  switch (outcome)
    {
    case UPP_STORE_ADDED: return UPP_IMPORT_IMPORTED;
    case UPP_STORE_DUPLICATE: return UPP_IMPORT_DUPLICATE;
    case UPP_STORE_SUPERSEDED: return UPP_IMPORT_SUPERSEDED;
    case UPP_STORE_KEPT_OLDER: return UPP_IMPORT_KEPT_OLDER;
    default:
      g_return_val_if_reached (UPP_IMPORT_REJECTED);
    }
}

/* Stores one valid document inside the batch's transaction. Carefully,
 * under a savepoint: a failure takes back this file only. Otherwise
 * without one (a savepoint copies every page the file changes, in case),
 * and a failure leaves the transaction half-written: then this returns
 * FALSE, and the caller takes back the whole transaction. */
static gboolean
store_document (UppStore        *store,
                UppDocument     *document,
                UppImportResult *result,
                gboolean         careful)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (document->path);
  UppStoreOutcome outcome = UPP_STORE_ADDED;
  gboolean ok;

  if (careful && !upp_store_savepoint (store, "document", &error))
    goto failed;

  if (document->package != NULL)
    ok = upp_store_add_package (store, document->package, document->bytes, document->sha256,
                                name, &outcome, &error);
  else
    ok = upp_store_add_report (store, document->report, document->bytes, document->sha256,
                               name, &outcome, &error);

  if (!ok && careful)
    upp_store_rollback_to (store, "document");
  if (!ok)
    goto failed;
  if (careful && !upp_store_release (store, "document", &error))
    {
      upp_store_rollback_to (store, "document");
      goto failed;
    }

  result->status = status_from_outcome (outcome);
  return TRUE;

failed:
  upp_add_problem (result->problems, g_strdup_printf ("%s: %s", document->path, error->message));
  result->status = UPP_IMPORT_REJECTED;
  return careful;
}

typedef struct
{
  UppStore      *store;
  GPtrArray     *files;
  guint          n_files;
  GHashTable    *known;          /* SHA-256 → kind, of the documents already stored */
  GCancellable  *cancellable;
  UppDocument  **documents;
  const char   **known_kind;     /* the stored document's kind, or NULL */
  gint          *claimed;        /* atomic: set by the thread that reads the file */
  gint           next;           /* atomic: the next file for a worker to claim */
  gboolean      *ready;
  /* Stored documents, for the workers to free: freeing tens of thousands
   * of texts is work the storing thread, the slowest, need not do. */
  GPtrArray     *garbage;
  gboolean       stored_all;
  /* Once the packages are stored, the definition in force, for the workers
   * to check reports against as the storing thread would; a new one (a
   * package stored later) has a new generation. Under @mutex. */
  guint          generation;
  const UppPackage *package;
  GHashTable    *actions;
  GPtrArray     *old_actions;    /* earlier @actions: a worker may still read one */
  guint         *checked;        /* the generation a report was checked against, or 0 */
  GMutex         mutex;
  GCond          cond;
} Batch;

/* Whether @data can be a package definition. Its `format` must be the text
 * uppfoljning-package, which JSON can write with \u escapes only: a file
 * with neither that word nor a \u in it is not one. */
static gboolean
may_be_package (const char *data,
                gsize       length)
{
  static const char word[] = "uppfoljning-package";
  const char *p;
  const char *end;

  if (data == NULL || length == 0)
    return FALSE;
  p = data;
  end = data + length;
  if (memmem (data, length, word, sizeof word - 1) != NULL)
    return TRUE;
  while ((p = memchr (p, '\\', end - p)) != NULL && p + 1 < end)
    {
      if (p[1] == 'u')
        return TRUE;
      p += 2;
    }
  return FALSE;
}

/* Reads @path into @buffer, which is used again for the next file, to see
 * whether it may be a package. What cannot be read is not: the worker that
 * reads it for real reports why. */
static gboolean
upp_import_sniff_file (const char *path,
                       GByteArray *buffer)
{
  struct stat st;
  gsize length = 0;
  gboolean result = FALSE;
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_size <= UPP_IMPORT_MAX_BYTES)
    {
      g_byte_array_set_size (buffer, st.st_size + 1);
      while (length < buffer->len)
        {
          gssize n = read (fd, buffer->data + length, buffer->len - length);

          if (n < 0 && errno == EINTR)
            continue;
          if (n <= 0)
            break;
          length += n;
        }
      result = may_be_package ((const char *) buffer->data, length);
    }
  close (fd);
  return result;
}

static gboolean
claim_file (Batch *batch,
            guint  index)
{
  return g_atomic_int_compare_and_exchange (&batch->claimed[index], 0, 1);
}

/* Checks a report against the definition in force, if the packages of the
 * batch are stored already: work the storing thread need not do. */
static void
check_report (Batch       *batch,
              guint        index,
              UppDocument *document)
{
  Checker checker = { document->path, document->problems };
  const UppPackage *package;
  GHashTable *actions;
  guint generation;

  g_mutex_lock (&batch->mutex);
  generation = batch->generation;
  package = batch->package;
  actions = batch->actions;
  g_mutex_unlock (&batch->mutex);
  if (generation == 0)
    return;
  upp_import_validate_report (&checker, document->report, package, actions);
  batch->checked[index] = generation;
}

/* Whether two cached definitions are the same: a changed definition has a
 * higher revision. */
static gboolean
same_package (const UppPackage *a,
              const UppPackage *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->revision == b->revision && g_strcmp0 (a->code, b->code) == 0;
}

/* Makes the definition in force now the one reports are checked against. */
static void
publish_package (Batch    *batch,
                 UppStore *store)
{
  GHashTable *actions;
  const UppPackage *package = upp_store_peek_package (store);

  actions = upp_import_index_actions (package);
  g_mutex_lock (&batch->mutex);
  if (batch->actions != NULL)
    g_ptr_array_add (batch->old_actions, batch->actions);
  batch->actions = actions;
  batch->package = package;
  batch->generation++;
  g_mutex_unlock (&batch->mutex);
}

/* Reads, hashes and parses a file this thread has claimed. */
static void
process_file (Batch *batch,
              guint  index)
{
  const char *path = g_ptr_array_index (batch->files, index);
  g_autoptr(GError) error = NULL;
  UppDocument *document = upp_document_new (path);

  document->bytes = upp_import_read_document_bytes (path, &error);
  if (document->bytes == NULL)
    upp_document_problem (document, error->message);
  else
    {
      /* A file the store already has is not parsed again: whatever it
       * says, importing it is a no-op. */
      document->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, document->bytes);
      batch->known_kind[index] = g_hash_table_lookup (batch->known, document->sha256);
      if (batch->known_kind[index] == NULL && !g_cancellable_is_cancelled (batch->cancellable))
        upp_format_parse_document (document);
    }
  if (document->report != NULL && document->problems->len == 0)
    check_report (batch, index, document);

  g_mutex_lock (&batch->mutex);
  batch->documents[index] = document;
  batch->ready[index] = TRUE;
  g_cond_broadcast (&batch->cond);
  g_mutex_unlock (&batch->mutex);
}

/* Processes the next file in order that no thread has claimed; FALSE when
 * there is none left. */
static gboolean
process_next_file (Batch *batch)
{
  while ((guint) g_atomic_int_get (&batch->next) < batch->n_files)
    {
      guint index = g_atomic_int_add (&batch->next, 1);

      if (index < batch->n_files && claim_file (batch, index))
        {
          process_file (batch, index);
          return TRUE;
        }
    }
  return FALSE;
}

/* Frees what the storing thread is done with; with @wait, waits for more
 * until it has stored all. */
static void
free_garbage (Batch    *batch,
              gboolean  wait)
{
  g_mutex_lock (&batch->mutex);
  for (;;)
    {
      g_autoptr(GPtrArray) garbage = NULL;

      while (wait && batch->garbage->len == 0 && !batch->stored_all)
        g_cond_wait (&batch->cond, &batch->mutex);
      if (batch->garbage->len == 0)
        break;
      garbage = g_steal_pointer (&batch->garbage);
      batch->garbage = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_document_free);
      g_mutex_unlock (&batch->mutex);
      g_clear_pointer (&garbage, g_ptr_array_unref);
      g_mutex_lock (&batch->mutex);
      if (!wait)
        break;
    }
  g_mutex_unlock (&batch->mutex);
}

static gpointer
parse_thread (gpointer data)
{
  while (process_next_file (data))
    free_garbage (data, FALSE);
  free_garbage (data, TRUE);
  return NULL;
}

/* The first worker loads the package definition in force (which every
 * report is checked against) while the storing thread looks for packages
 * among the files: it is cached, and ready when the first report is. */
static gpointer
first_parse_thread (gpointer data)
{
  Batch *batch = data;

  upp_store_peek_package (batch->store);
  return parse_thread (data);
}

static gboolean
is_ready (Batch *batch,
          guint  index)
{
  gboolean ready;

  g_mutex_lock (&batch->mutex);
  ready = batch->ready[index];
  g_mutex_unlock (&batch->mutex);
  return ready;
}

/* The document of file @index, parsed: by this thread if no other has
 * begun it; and rather than wait idle, this thread parses others. */
static UppDocument *
wait_for_document (Batch *batch,
                   guint  index)
{
  while (!is_ready (batch, index))
    {
      if (claim_file (batch, index))
        process_file (batch, index);
      else if (!process_next_file (batch))
        {
          g_mutex_lock (&batch->mutex);
          while (!batch->ready[index])
            g_cond_wait (&batch->cond, &batch->mutex);
          g_mutex_unlock (&batch->mutex);
        }
    }
  return batch->documents[index];
}

#define FILES_PER_TRANSACTION 128

typedef struct
{
  UppStore          *store;
  GPtrArray         *results;
  GHashTable        *actions;
  gboolean           in_transaction;
  guint              in_this_transaction;
  /* What the open transaction stored, kept until it commits: to store
   * again if it must be taken back. */
  GPtrArray         *stored;          /* UppDocument */
  GArray            *stored_index;    /* guint, into @results */
  gboolean           careful;         /* a savepoint per file, after a failure */
  UppImportProgress  progress;
  gpointer           user_data;
  guint              done;
  Batch             *batch;
} Writer;

/* The transaction is over: its documents go to the workers to free. */
static void
writer_forget_stored (Writer *writer)
{
  Batch *batch = writer->batch;

  g_mutex_lock (&batch->mutex);
  for (guint i = 0; i < writer->stored->len; i++)
    g_ptr_array_add (batch->garbage, g_steal_pointer (&writer->stored->pdata[i]));
  g_cond_broadcast (&batch->cond);
  g_mutex_unlock (&batch->mutex);
  g_ptr_array_set_size (writer->stored, 0);
  g_array_set_size (writer->stored_index, 0);
}

static void
writer_commit (Writer *writer)
{
  g_autoptr(GError) error = NULL;

  if (!writer->in_transaction)
    return;
  if (!upp_store_commit (writer->store, &error))
    {
      /* Nothing of the transaction is stored: say so for each file. */
      for (guint i = 0; i < writer->stored->len; i++)
        {
          UppDocument *document = g_ptr_array_index (writer->stored, i);
          UppImportResult *result =
            g_ptr_array_index (writer->results, g_array_index (writer->stored_index, guint, i));

          upp_add_problem (result->problems,
                           g_strdup_printf ("%s: %s", document->path, error->message));
          result->status = UPP_IMPORT_REJECTED;
        }
    }
  writer_forget_stored (writer);
  writer->in_transaction = FALSE;
  writer->in_this_transaction = 0;
  writer->careful = FALSE;
}

static gboolean
writer_begin (Writer  *writer,
              GError **error)
{
  if (writer->in_transaction)
    return TRUE;
  if (!upp_store_begin (writer->store, error))
    return FALSE;
  writer->in_transaction = TRUE;
  return TRUE;
}

/* A file failed half-way without a savepoint: takes back the transaction
 * and stores again, each under a savepoint now, what it held before. The
 * store is then as it was when they were first stored, so they are
 * stored the same. */
static void
writer_take_back (Writer *writer)
{
  g_autoptr(GPtrArray) stored = g_steal_pointer (&writer->stored);
  g_autoptr(GArray) stored_index = g_steal_pointer (&writer->stored_index);
  g_autoptr(GError) error = NULL;

  upp_store_rollback (writer->store);
  writer->in_transaction = FALSE;
  writer->in_this_transaction = 0;
  writer->careful = TRUE;
  g_clear_pointer (&writer->actions, g_hash_table_unref);
  writer->stored = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_document_free);
  writer->stored_index = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < stored->len; i++)
    {
      UppDocument *document = g_ptr_array_index (stored, i);
      guint index = g_array_index (stored_index, guint, i);
      UppImportResult *result = g_ptr_array_index (writer->results, index);

      if (!writer_begin (writer, &error))
        {
          upp_add_problem (result->problems,
                           g_strdup_printf ("%s: %s", document->path, error->message));
          result->status = UPP_IMPORT_REJECTED;
          g_clear_error (&error);
          continue;
        }
      writer->in_this_transaction++;
      if (store_document (writer->store, document, result, TRUE) &&
          result->status != UPP_IMPORT_REJECTED)
        {
          stored->pdata[i] = NULL;
          g_ptr_array_add (writer->stored, document);
          g_array_append_val (writer->stored_index, index);
        }
    }
}

/* Validates one parsed document against the store and stores it, in
 * transactions of up to FILES_PER_TRANSACTION files; a package is
 * committed at once. Takes @document. */
static void
write_document (Writer       *writer,
                Batch        *batch,
                guint         index,
                GCancellable *cancellable)
{
  UppDocument *document = g_steal_pointer (&batch->documents[index]);
  UppStore *store = writer->store;
  UppImportResult *result;
  UppDocumentKind kind;
  g_autoptr(GError) error = NULL;

  result = result_new (document);
  writer->results->pdata[index] = result;

  if (batch->known_kind[index] != NULL)
    {
      result->kind = g_str_equal (batch->known_kind[index], "package") ? UPP_DOCUMENT_PACKAGE
                                                                       : UPP_DOCUMENT_REPORT;
      result->status = UPP_IMPORT_DUPLICATE;
      goto done;
    }

  /* Only a package or a report can be stored; upp_format_parse_document() gives
   * anything else a problem, this makes sure of it. */
  if (document->package == NULL && document->report == NULL && document->problems->len == 0 &&
      document->bytes != NULL && !g_cancellable_is_cancelled (cancellable))
    upp_add_problem (result->problems, g_strdup_printf ("%s: %s", document->path,
                                                        _("is neither a package nor a report")));
  if (document->problems->len > 0 || g_cancellable_is_cancelled (cancellable) ||
      (document->package == NULL && document->report == NULL))
    {
      if (document->problems->len == 0)
        upp_add_problem (result->problems, g_strdup_printf ("%s: %s", document->path,
                                                            _("import cancelled")));
      goto done;
    }

  /* Packages change what reports are checked against: one at a time. */
  if (writer->actions == NULL || document->kind == UPP_DOCUMENT_PACKAGE)
    {
      g_clear_pointer (&writer->actions, g_hash_table_unref);
      writer->actions = upp_import_index_actions (upp_store_peek_package (store));
    }

  if (!writer_begin (writer, &error))
    {
      upp_add_problem (result->problems,
                       g_strdup_printf ("%s: %s", document->path, error->message));
      goto done;
    }
  /* Beginning may have waited for another writer: a cancel meanwhile
   * still means the files not yet stored stay out. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      upp_add_problem (result->problems, g_strdup_printf ("%s: %s", document->path,
                                                          _("import cancelled")));
      goto done;
    }

  kind = document->kind;
  /* A worker may have checked it against the definition in force. (If
   * another process imported a revision meanwhile, it was another.) */
  if (document->report == NULL || batch->checked[index] != batch->generation ||
      !same_package (batch->package, upp_store_peek_package (store)))
    upp_import_validate_document (document, store, writer->actions);
  if (document->problems->len == 0)
    {
      if (!store_document (store, document, result, writer->careful))
        writer_take_back (writer);
      else if (result->status != UPP_IMPORT_REJECTED)
        {
          /* Kept until the transaction commits. */
          g_ptr_array_add (writer->stored, g_steal_pointer (&document));
          g_array_append_val (writer->stored_index, index);
        }
    }
  /* A new package, or a rollback (which drops the store's cached
   * definition that @actions points into): index again. */
  if (kind == UPP_DOCUMENT_PACKAGE || result->status == UPP_IMPORT_REJECTED)
    g_clear_pointer (&writer->actions, g_hash_table_unref);

  if (++writer->in_this_transaction >= FILES_PER_TRANSACTION || kind == UPP_DOCUMENT_PACKAGE)
    writer_commit (writer);
  /* A package stored among the reports: check the next ones against it. */
  if (kind == UPP_DOCUMENT_PACKAGE && batch->generation > 0)
    publish_package (batch, store);

done:
  g_clear_pointer (&document, upp_document_free);
  if (writer->progress != NULL)
    writer->progress (++writer->done, writer->results->len, writer->user_data);
}

/**
 * upp_import_files:
 * @store: a #UppStore
 * @files: (element-type filename): files, e.g. from upp_import_collect_files()
 * @progress: (nullable) (scope call): called after each file is handled
 * @user_data: for @progress
 * @cancellable: (nullable): a #GCancellable; files not yet stored are
 *   rejected as cancelled
 *
 * Imports a batch: every file is read and parsed (in parallel), package
 * definitions are stored first, then reports, in the order of @files. A
 * file whose bytes the store has already is not parsed again. Each file is
 * stored whole or not at all.
 *
 * Returns: (transfer full) (element-type UppImportResult): one result per
 *   file, in the order of @files
 */
GPtrArray *
upp_import_files (UppStore          *store,
                  GPtrArray         *files,
                  UppImportProgress  progress,
                  gpointer           user_data,
                  GCancellable      *cancellable)
{
  Batch batch = { 0 };
  Writer writer = { 0 };
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autofree gboolean *maybe_package = NULL;
  g_autofree gboolean *handled = NULL;
  guint n = files->len;
  /* Storing takes longer than parsing: this thread, which stores, keeps a
   * processor of its own, and parses only when it would wait. */
  guint n_threads = MIN (g_get_num_processors (), 8) - 1;

  g_return_val_if_fail (UPP_IS_STORE (store), NULL);
  g_return_val_if_fail (files != NULL, NULL);

  batch.store = store;
  batch.files = files;
  batch.n_files = n;
  batch.cancellable = cancellable;
  batch.known = upp_store_get_document_kinds (store);
  batch.documents = g_new0 (UppDocument *, n);
  batch.known_kind = g_new0 (const char *, n);
  batch.claimed = g_new0 (gint, n);
  batch.ready = g_new0 (gboolean, n);
  batch.garbage = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_document_free);
  batch.old_actions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  batch.checked = g_new0 (guint, n);
  g_mutex_init (&batch.mutex);
  g_cond_init (&batch.cond);
  maybe_package = g_new0 (gboolean, n);
  handled = g_new0 (gboolean, n);

  for (guint i = 0; i < MIN (n_threads, n); i++)
    g_ptr_array_add (threads, g_thread_new ("upp-import", i == 0 ? first_parse_thread
                                                                 : parse_thread, &batch));

  writer.store = store;
  writer.batch = &batch;
  writer.stored = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_document_free);
  writer.stored_index = g_array_new (FALSE, FALSE, sizeof (guint));
  writer.results = g_ptr_array_new_with_free_func ((GDestroyNotify) upp_import_result_free);
  g_ptr_array_set_size (writer.results, n);
  writer.progress = progress;
  writer.user_data = user_data;

  /* Which files may be packages, while the workers begin. */
  for (guint i = 0; i < n; i++)
    maybe_package[i] = upp_import_sniff_file (g_ptr_array_index (files, i), buffer);
  g_byte_array_set_size (buffer, 0);

  upp_store_begin_batch (store);
  for (guint i = 0; i < n; i++)
    if (maybe_package[i] && wait_for_document (&batch, i)->kind == UPP_DOCUMENT_PACKAGE &&
        batch.known_kind[i] == NULL)
      {
        write_document (&writer, &batch, i, cancellable);
        handled[i] = TRUE;
      }
  publish_package (&batch, store);
  /* Then the rest in order. (A package here is one that changed since it
   * was looked at: stored as it comes.) */
  for (guint i = 0; i < n; i++)
    if (!handled[i])
      {
        wait_for_document (&batch, i);
        write_document (&writer, &batch, i, cancellable);
      }
  writer_commit (&writer);
  g_mutex_lock (&batch.mutex);
  batch.stored_all = TRUE;
  g_cond_broadcast (&batch.cond);
  g_mutex_unlock (&batch.mutex);
  upp_store_end_batch (store);

  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  g_clear_pointer (&writer.actions, g_hash_table_unref);
  g_ptr_array_unref (writer.stored);
  g_array_unref (writer.stored_index);
  g_hash_table_unref (batch.known);
  g_ptr_array_unref (batch.garbage);
  g_clear_pointer (&batch.actions, g_hash_table_unref);
  g_ptr_array_unref (batch.old_actions);
  g_free (batch.checked);
  g_free (batch.documents);
  g_free (batch.known_kind);
  g_free (batch.claimed);
  g_free (batch.ready);
  g_mutex_clear (&batch.mutex);
  g_cond_clear (&batch.cond);
  return writer.results;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_task_return_pointer (task,
                         upp_import_files (source_object, task_data, NULL, NULL, cancellable),
                         (GDestroyNotify) g_ptr_array_unref);
}

/**
 * upp_import_files_async:
 * @store: a #UppStore
 * @files: (element-type filename): the files
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the batch is done
 * @user_data: for @callback
 *
 * Runs upp_import_files() in a worker thread.
 */
void
upp_import_files_async (UppStore            *store,
                        GPtrArray           *files,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (UPP_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, upp_import_files_async);
  g_task_set_task_data (task, g_ptr_array_ref (files), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, import_thread);
}

/**
 * upp_import_files_finish:
 * @store: a #UppStore
 * @result: the #GAsyncResult given to the callback
 * @error: a #GError
 *
 * Returns: (transfer full) (element-type UppImportResult): one result per file
 */
GPtrArray *
upp_import_files_finish (UppStore      *store,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == upp_import_files_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
upp_import_status_get_label (UppImportStatus status)
{
  switch (status)
    {
    case UPP_IMPORT_IMPORTED: return _("imported");
    case UPP_IMPORT_DUPLICATE: return _("already imported");
    case UPP_IMPORT_SUPERSEDED: return _("imported, supersedes an earlier revision");
    case UPP_IMPORT_KEPT_OLDER: return _("kept, a later revision counts");
    case UPP_IMPORT_REJECTED: return _("rejected");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * upp_import_result_format:
 * @result: a result
 *
 * Returns: (transfer full): one line per file, “FILE: imported”, or the
 *   problems of a rejected file, one per line
 */
char *
upp_import_result_format (const UppImportResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (result->status != UPP_IMPORT_REJECTED)
    {
      g_string_printf (text, "%s: %s", result->path, upp_import_status_get_label (result->status));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  for (guint i = 0; i < result->problems->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (result->problems, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Templates */

static void
add_entry_skeleton (JsonBuilder           *builder,
                    UppStore              *store,
                    const UppAction       *action,
                    const UppHistoryEntry *last,
                    const char            *department)
{
  UppStatus status = last != NULL ? last->status : UPP_STATUS_NOT_STARTED;
  g_autoptr(GHashTable) values = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "action");
  json_builder_add_string_value (builder, action->code);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, upp_status_to_string (status));
  json_builder_set_member_name (builder, "progress");
  json_builder_add_int_value (builder, last != NULL ? last->progress : 0);
  json_builder_set_member_name (builder, "comment");
  json_builder_add_string_value (builder, "");
  json_builder_set_member_name (builder, "next_steps");
  json_builder_add_string_value (builder, "");
  json_builder_set_member_name (builder, "risks");
  json_builder_add_string_value (builder, "");

  /* Last values only: a value nobody reported is unknown, not 0, and the
   * department fills it in (the format says never to write 0 for it). */
  values = last != NULL ? upp_store_get_indicator_values (store, department, last->week,
                                                          action->code)
                        : NULL;
  if (values != NULL && g_hash_table_size (values) > 0)
    {
      json_builder_set_member_name (builder, "indicators");
      json_builder_begin_object (builder);
      for (guint i = 0; i < action->indicators->len; i++)
        {
          const UppIndicator *indicator = g_ptr_array_index (action->indicators, i);
          const double *value = g_hash_table_lookup (values, indicator->code);

          if (value == NULL)
            continue;
          json_builder_set_member_name (builder, indicator->code);
          if (*value == floor (*value) && fabs (*value) < 1e15)
            json_builder_add_int_value (builder, (gint64) *value);
          else
            json_builder_add_double_value (builder, *value);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

/* Now, by the clock upp_week_today() reads: with UPP_TODAY set (tests,
 * screenshots) that day at noon, so that a template is not from the
 * future of the week its checks take for this one. */
static GDateTime *
template_now (void)
{
  const char *fake = g_getenv ("UPP_TODAY");
  GDate date;

  if (fake != NULL && upp_date_parse (fake, &date))
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      return g_date_time_new (local, g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
    }
  return g_date_time_new_now_local ();
}

/**
 * upp_report_template:
 * @store: a #UppStore
 * @department: a department code
 * @week: the week to report on
 * @error: a #GError
 *
 * A report skeleton with one entry per action @department leads (first)
 * or contributes to, in package order, pre-filled with the department's
 * latest status, progress and indicator values before @week. Texts are
 * left empty for the department to write.
 *
 * Returns: (transfer full): the JSON text
 */
char *
upp_report_template (UppStore    *store,
                     const char  *department,
                     UppWeek      week,
                     GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) latest = NULL;
  g_autoptr(GHashTable) by_action = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = template_now ();
  g_autofree char *submitted = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *week_text = upp_week_format (week);
  g_autofree char *text = NULL;
  const UppPackage *package;

  g_return_val_if_fail (UPP_IS_STORE (store), NULL);
  g_return_val_if_fail (department != NULL, NULL);

  if (!upp_week_is_valid (week))
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_WEEK, _("%d-W%02d is not a week"),
                   week.year, week.week);
      return NULL;
    }

  package = upp_store_peek_package (store);
  if (package == NULL)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_NOT_FOUND,
                   _("The database holds no action package yet; import one first"));
      return NULL;
    }
  if (upp_package_find_department (package, department) == NULL)
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not one of the package’s departments"), department);
      return NULL;
    }
  /* A report needs at least one entry: a template without any would be
   * refused on import. */
  if (!upp_package_department_has_actions (package, department))
    {
      g_set_error (error, UPP_ERROR, UPP_ERROR_INVALID_ARGUMENT,
                   _("“%s” neither leads nor contributes to any action: it has nothing to "
                     "report"), department);
      return NULL;
    }

  latest = upp_store_query_latest_entries (store, department, week, error);
  if (latest == NULL)
    return NULL;
  for (guint i = 0; i < latest->len; i++)
    {
      UppHistoryEntry *entry = g_ptr_array_index (latest, i);
      g_hash_table_insert (by_action, entry->action, entry);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "uppfoljning-report");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "package");
  json_builder_add_string_value (builder, package->code);
  json_builder_set_member_name (builder, "department");
  json_builder_add_string_value (builder, department);
  json_builder_set_member_name (builder, "week");
  json_builder_add_string_value (builder, week_text);
  json_builder_set_member_name (builder, "submitted");
  json_builder_add_string_value (builder, submitted);
  json_builder_set_member_name (builder, "reporter");
  json_builder_add_string_value (builder, "");
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, "");
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  /* Lead actions first, then contributions, each in package order. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < package->actions->len; i++)
      {
        const UppAction *action = g_ptr_array_index (package->actions, i);
        gboolean leads = g_str_equal (action->lead, department);

        if ((pass == 0) != leads || !upp_action_involves (action, department))
          continue;
        add_entry_skeleton (builder, store, action, g_hash_table_lookup (by_action, action->code),
                            department);
      }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}
