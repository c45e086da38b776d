#!/bin/sh
# test-a11y.sh — the app as a screen reader and a keyboard user meet it
# Copyright 2026 The Uppföljning authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-a11y.sh BUILD_DIR SOURCE_DIR [--report]
#
# Runs test-a11y.py, an AT-SPI client (pyatspi, what Orca uses), inside a
# private session bus of its own: the accessibility bus, a window manager
# and the app all start in it and end with it. Exit status 77 (a skip) when
# there is no display or the tools are missing (tools/setup installs them).
set -eu

build_dir=$1
source_dir=$2
shift 2

if [ -z "${DISPLAY:-}" ]; then
  echo "skip: no display (run under xvfb-run, as tools/test does)"
  exit 77
fi
for tool in dbus-run-session xdotool /usr/libexec/at-spi-bus-launcher /usr/bin/python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "skip: $tool is missing (tools/setup installs it)"
    exit 77
  fi
done
if ! /usr/bin/python3 -c 'import pyatspi' 2>/dev/null; then
  echo "skip: python3-pyatspi is missing (tools/setup installs it)"
  exit 77
fi

# The session of the other GUI tests (no bus, no accessibility) is not
# this one's: GTK's AT-SPI backend must be on.
unset GTK_A11Y NO_AT_BRIDGE DBUS_SESSION_BUS_ADDRESS AT_SPI_BUS_ADDRESS
# The client's libatspi warns about objects that go away while it reads
# them; the app gets its own G_DEBUG (test-a11y.py).
unset G_DEBUG

exec dbus-run-session -- /usr/bin/python3 "$source_dir/tests/gui/test-a11y.py" \
  --app "$build_dir/src/gui/uppfoljning" \
  --cli "$build_dir/src/cli/uppfoljning-cli" \
  --schemas "$build_dir/data" \
  --demo "$source_dir/data/demo" "$@"
