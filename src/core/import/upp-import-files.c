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
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "upp-error.h"
#include "upp-import-private.h"

/* Reads at most UPP_IMPORT_MAX_BYTES from a regular file. Special files
 * (a symlink to /dev/zero, a FIFO) are refused before reading: they would
 * never end or block. */
GBytes *
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
