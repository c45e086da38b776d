/* upp-store-filesystem.c — whether a database lies on a network file system
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite's write-ahead log needs memory shared between the processes that
 * open a database, which a network file system (NFS, SMB/CIFS, sshfs and
 * the like) cannot give across computers, and such file systems' locks
 * are not to be relied on: two desktops on one database file there can
 * corrupt it. A store there is opened for one program at a time
 * (upp_store_open()).
 */

#define G_LOG_DOMAIN "upp-store"

#include "config.h"

#ifdef __linux__
#include <sys/vfs.h>
#endif

#include "upp-store-internal.h"

#ifdef __linux__
static const struct { long magic; const char *name; } network_filesystems[] = {
  { 0x6969, "nfs" },
  { 0x517B, "smb" },
  { (long) 0xFF534D42, "cifs" },
  { (long) 0xFE534D42, "smb2" },
  { 0x65735546, "fuse" },        /* sshfs, and others that may be remote */
  { 0x73757245, "coda" },
  { 0x5346414F, "afs" },
  { 0x01021997, "9p" },
  { 0x00C36400, "ceph" },
  { 0x01161970, "gfs2" },
  { 0x47504653, "gpfs" },
  { 0x0BD00BD0, "lustre" },
};
#endif

/**
 * upp_store_network_filesystem:
 * @path: a database file (it need not exist yet)
 *
 * The kind of network file system @path is on, from the folder it is in.
 * The environment variable `UPP_TEST_FILESYSTEM` stands in for the answer
 * in tests, which have no share to try it on.
 *
 * Returns: (transfer full) (nullable): "nfs", "cifs"…, or %NULL when the
 *   file system is local (or cannot be told)
 */
char *
upp_store_network_filesystem (const char *path)
{
  const char *stub = g_getenv ("UPP_TEST_FILESYSTEM");
  g_autofree char *folder = NULL;

  if (stub != NULL)
    return *stub != '\0' && g_strcmp0 (stub, "local") != 0 ? g_strdup (stub) : NULL;
  if (g_str_equal (path, ":memory:"))
    return NULL;
#ifdef __linux__
  {
    struct statfs info;

    folder = g_path_get_dirname (path);
    if (statfs (folder, &info) != 0)
      return NULL;
    for (guint i = 0; i < G_N_ELEMENTS (network_filesystems); i++)
      if ((long) info.f_type == network_filesystems[i].magic)
        return g_strdup (network_filesystems[i].name);
  }
#endif
  return NULL;
}
