/* upp-json-reader.c — a strict JSON (RFC 8259) reader into a tree of its own
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "upp-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "upp-error.h"
#include "upp-json-reader.h"

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

void
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
const Jv *
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

/**
 * upp_json_text_is_valid:
 * @data: text that should be JSON
 * @length: its length in bytes
 * @error: a #GError
 *
 * Reads @data with the strict reader and forgets the tree: for callers
 * that then hand the text to a more lenient parser (json-glib), which
 * must only see what this one accepts.
 *
 * Returns: %FALSE with @error (%UPP_ERROR_PARSE) saying what is wrong where
 */
gboolean
upp_json_text_is_valid (const char  *data,
                        gsize        length,
                        GError     **error)
{
  UppJsonReader reader = { 0 };
  gboolean valid;

  /* The reader expects UTF-8 (upp-document.c checks it first for files). */
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, UPP_ERROR, UPP_ERROR_PARSE, _("the text is not UTF-8"));
      return FALSE;
    }
  valid = upp_json_reader_read (&reader, data, length) != NULL;
  if (!valid)
    {
      if (reader.error != NULL)
        g_set_error (error, UPP_ERROR, UPP_ERROR_PARSE, "%s", reader.error);
      else
        g_set_error (error, UPP_ERROR, UPP_ERROR_PARSE,
                     _("the key “%s” appears twice in one object; each key may appear once"),
                     reader.escaped_duplicate);
    }
  upp_json_reader_clear (&reader);
  return valid;
}
