#!/usr/bin/env bash
# test-core-no-gtk.sh — the core library and the programs built on it alone
# (the CLI, the core tests) neither link GTK/GDK/libadwaita nor use a
# symbol of theirs; and no core source includes their headers.
# Copyright 2026 The Uppföljning authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
core=${UPP_CORE_LIB:?}
cli=${UPP_CLI:?}
src=${UPP_SOURCE_DIR:?}
echo "TAP version 13"
echo "1..3"
status=0

if nm --undefined-only "$core" 2>/dev/null | grep -E ' (gtk|gdk|gsk|adw)_' >/tmp/upp-nm.$$; then
  echo "not ok 1 libupp-core.a uses GTK symbols"; sed 's/^/# /' /tmp/upp-nm.$$ | head; status=1
else
  echo "ok 1 libupp-core.a uses no gtk_/gdk_/gsk_/adw_ symbol"
fi
rm -f /tmp/upp-nm.$$

if ldd "$cli" | grep -E 'libgtk|libadwaita|libgdk' >/dev/null; then
  echo "not ok 2 uppfoljning-cli links GTK"; ldd "$cli" | grep -E 'gtk|adwaita' | sed 's/^/# /'; status=1
else
  echo "ok 2 uppfoljning-cli links neither GTK nor libadwaita"
fi

if grep -rlE '#include *[<"](gtk|gdk|adwaita)' "$src/src/core" >/dev/null; then
  echo "not ok 3 src/core includes GTK headers:"; grep -rlE '#include *[<"](gtk|gdk|adwaita)' "$src/src/core" | sed 's/^/# /'; status=1
else
  echo "ok 3 no GTK header in src/core"
fi
exit $status
