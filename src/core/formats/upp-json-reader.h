/* upp-json-reader.h — a strict JSON (RFC 8259) reader into a tree of its own
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

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

/* The member @name of @object, or NULL. */
static inline const Jv *
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

/* The reader's state: the text and the place in it, the tree's memory, and
 * after a failure what is wrong where. upp_json_reader_read() sets it up;
 * upp_json_reader_clear() frees it, and the tree with it. */
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

const Jv *upp_json_reader_read  (UppJsonReader *syntax,
                                 const char    *data,
                                 gsize          length);
void      upp_json_reader_clear (UppJsonReader *syntax);

gboolean  upp_json_text_is_valid (const char   *data,
                                  gsize         length,
                                  GError      **error);

G_END_DECLS
