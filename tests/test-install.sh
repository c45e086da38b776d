#!/usr/bin/env bash
# test-install.sh — `meson install` into a scratch prefix gives a working
# installation: the files a desktop needs, and a CLI that runs from there.
# Copyright 2026 The Uppföljning authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
build=${UPP_BUILD_ROOT:?}
prefix=${UPP_PREFIX:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
root="$tmp/root$prefix"
echo "TAP version 13"
echo "1..3"

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
[ $missing -eq 0 ]
