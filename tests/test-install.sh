#!/usr/bin/env bash
# test-install.sh — `meson install` gives a working installation: the files
# a desktop needs (a staged install with DESTDIR, as packages do), and an
# app and a CLI that run from a real install into a scratch prefix.
# Copyright 2026 The Uppföljning authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
build=${UPP_BUILD_ROOT:?}
prefix=${UPP_PREFIX:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
root="$tmp/root$prefix"
echo "TAP version 13"
echo "1..5"

if meson install -C "$build" --destdir "$tmp/root" --no-rebuild --quiet >"$tmp/install.log" 2>&1; then
  echo "ok 1 meson install"
else
  echo "not ok 1 meson install"; sed 's/^/# /' "$tmp/install.log"; exit 1
fi

missing=0
for f in bin/uppfoljning bin/uppfoljning-cli \
         share/applications/se.lysekil.Uppfoljning.desktop \
         share/metainfo/se.lysekil.Uppfoljning.metainfo.xml \
         share/glib-2.0/schemas/se.lysekil.Uppfoljning.gschema.xml \
         share/mime/packages/se.lysekil.Uppfoljning.xml \
         share/icons/hicolor/scalable/apps/se.lysekil.Uppfoljning.svg \
         share/icons/hicolor/symbolic/apps/se.lysekil.Uppfoljning-symbolic.svg \
         share/locale/sv/LC_MESSAGES/uppfoljning.mo \
         share/uppfoljning/demo/package.json; do
  if [ ! -e "$root/$f" ]; then
    echo "# missing: $prefix/$f"; missing=1
  fi
done
[ $missing -eq 0 ] && echo "ok 2 installed files" || echo "not ok 2 installed files"

# The installed CLI, with the installed demo data.
cli="$root/bin/uppfoljning-cli"
if UPP_DEMO_DIR="$root/share/uppfoljning/demo" "$cli" demo --db "$tmp/demo.db" >"$tmp/cli.log" 2>&1 &&
   "$cli" status --db "$tmp/demo.db" --week 2026-W40 >>"$tmp/cli.log" 2>&1 &&
   grep -q "A7 " "$tmp/cli.log"; then
  echo "ok 3 the installed CLI creates the demo database and reports status"
else
  echo "not ok 3 the installed CLI"; sed 's/^/# /' "$tmp/cli.log"; exit 1
fi

# 4–5. A real install into a scratch prefix, without DESTDIR, so that meson's
# post-install step compiles the settings schema as it does on a user's
# machine. Its own build (no tests) is kept beside this build and is
# incremental after the first run.
src=${UPP_SOURCE_ROOT:?}
scratch="$build/install-check"
scratch_prefix="$scratch/prefix"
if { [ -f "$scratch/build/build.ninja" ] ||
     meson setup "$scratch/build" "$src" --prefix="$scratch_prefix" -Dtests=false; } >"$tmp/scratch.log" 2>&1 &&
   meson install -C "$scratch/build" --quiet >>"$tmp/scratch.log" 2>&1 &&
   [ -f "$scratch_prefix/share/glib-2.0/schemas/gschemas.compiled" ]; then
  echo "ok 4 meson install into a scratch prefix compiles the settings schema"
else
  echo "not ok 4 meson install into a scratch prefix"; sed 's/^/# /' "$tmp/scratch.log"; exit 1
fi

# The installed app reaches its first frame on the demo database, finding its
# schema only through XDG_DATA_DIRS (nothing of the build on any path).
if [ -z "${DISPLAY:-}" ]; then
  echo "ok 5 # SKIP no display for the installed app"
  exit $missing
fi
if env -u GSETTINGS_SCHEMA_DIR -u UPP_LOCALEDIR -u UPP_DEMO_DIR \
     XDG_DATA_DIRS="$scratch_prefix/share:/usr/local/share:/usr/share" \
     "$scratch_prefix/bin/uppfoljning-cli" demo --db "$tmp/app.db" >"$tmp/app.log" 2>&1 &&
   env -u GSETTINGS_SCHEMA_DIR -u UPP_LOCALEDIR -u UPP_DEMO_DIR \
     XDG_DATA_DIRS="$scratch_prefix/share:/usr/local/share:/usr/share" \
     GSETTINGS_BACKEND=memory GTK_A11Y=none GSK_RENDERER=cairo GDK_DEBUG=gl-disable \
     UPP_EXIT_AFTER_FIRST_FRAME=1 \
     timeout 60 "$scratch_prefix/bin/uppfoljning" --db "$tmp/app.db" >>"$tmp/app.log" 2>&1 &&
   ! grep -E 'CRITICAL|ERROR' "$tmp/app.log" >/dev/null; then
  echo "ok 5 the installed app shows its first frame"
else
  echo "not ok 5 the installed app"; sed 's/^/# /' "$tmp/app.log"; exit 1
fi
[ $missing -eq 0 ]
