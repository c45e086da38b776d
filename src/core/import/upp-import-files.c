/* upp-import-files.c — files in: read safely, folders expanded, packages sniffed
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
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "upp-error.h"
#include "upp-import-private.h"

/* Opens @path to read it, if it is a regular file: the shared folder is
 * written by others, who may leave in it a symbolic link (to /etc/shadow,
 * to a key, to the database), a FIFO (a read would wait for ever) or a
 * device node (opening one may have effects). A link is not followed
 * (O_NOFOLLOW: not even one swapped in after the look below), and nothing
 * but a regular file is read (fstat() after opening is what counts). Files
 * the user names by themselves are resolved before they get here (see
 * upp_import_collect_files()). Returns a descriptor, or -1 with @error. */
static int
open_regular_file (const char   *path,
                   struct stat  *st,
                   GError      **error)
{
  int fd;

  /* A look first: what is not a regular file is not opened at all. */
  if (lstat (path, st) == 0 && !S_ISREG (st->st_mode))
    {
      if (S_ISLNK (st->st_mode))
        g_set_error (error, UPP_ERROR, UPP_ERROR_IO,
                     _("is a symbolic link; links are not followed in the shared folder"));
      else
        g_set_error (error, UPP_ERROR, UPP_ERROR_IO, _("is not a regular file"));
      return -1;
    }

  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ELOOP)
        g_set_error (error, UPP_ERROR, UPP_ERROR_IO,
                     _("is a symbolic link; links are not followed in the shared folder"));
      else
        g_set_error (error, UPP_ERROR, UPP_ERROR_IO, _("cannot be read: %s"),
                     g_strerror (saved_errno));
      return -1;
    }

  if (fstat (fd, st) != 0 || !S_ISREG (st->st_mode))
    {
      close (fd);
      g_set_error (error, UPP_ERROR, UPP_ERROR_IO, _("is not a regular file"));
      return -1;
    }
  return fd;
}

/* Reads at most UPP_IMPORT_MAX_BYTES from a regular file, opened as
 * open_regular_file() does. */
GBytes *
upp_import_read_document_bytes (const char  *path,
                                GError     **error)
{
  g_autofree char *buffer = NULL;
  struct stat st;
  gsize length = 0;
  int fd;

  fd = open_regular_file (path, &st, error);
  if (fd < 0)
    return NULL;

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

/* @path, or if it is a symbolic link, the file it points to. */
static char *
resolve_named_link (const char *path)
{
  struct stat st;
  char *resolved;
  char *target;

  if (lstat (path, &st) != 0 || !S_ISLNK (st.st_mode))
    return g_strdup (path);
  resolved = realpath (path, NULL);
  if (resolved == NULL)
    return g_strdup (path); /* dangling: reading it says what it is */
  target = g_strdup (resolved);
  free (resolved);
  return target;
}

/**
 * upp_import_collect_files:
 * @paths: files and folders
 * @error: a #GError
 *
 * Expands folders to the `*.json` files directly in them (sorted, hidden
 * files skipped) and keeps files as given.
 *
 * Links: a file found in a folder is read only if it is a regular file, and
 * never through a symbolic link (the folder is shared; see
 * open_regular_file()). A file named by itself is the user's choice (a
 * link double-clicked in Files, or named on the command line): if it is a
 * symbolic link, the file it points to is what is read, and named.
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
          g_ptr_array_add (files, resolve_named_link (paths[i]));
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
gboolean
upp_import_sniff_file (const char *path,
                       GByteArray *buffer)
{
  struct stat st;
  gsize length = 0;
  gboolean result = FALSE;
  int fd = open_regular_file (path, &st, NULL);

  if (fd < 0)
    return FALSE;
  if (st.st_size <= UPP_IMPORT_MAX_BYTES)
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
