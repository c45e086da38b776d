#!/bin/sh
# tests/test-mime-type.sh — GIO tells reports and packages from other JSON
# Copyright 2026 The Uppföljning authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-mime-type.sh MIME_XML
#
# Installs the MIME package into a scratch XDG_DATA_HOME, builds its cache
# and asks GIO for the content type of sample files, as Files and the file
# chooser would. A report named like the departments name them must be a
# report; a plain JSON file must stay application/json. Exit 77 (skip)
# without update-mime-database or gio.

set -u

for tool in update-mime-database gio; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed"
    exit 77
  fi
done

xml=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/share/mime/packages" "$work/files"
cp "$xml" "$work/share/mime/packages/se.lysekil.Uppfoljning.xml"
XDG_DATA_HOME=$work/share
XDG_DATA_DIRS=${XDG_DATA_DIRS:-/usr/local/share:/usr/share}
export XDG_DATA_HOME XDG_DATA_DIRS
update-mime-database "$work/share/mime" || { echo "FAIL: update-mime-database" >&2; exit 1; }

cd "$work/files" || exit 1

# As a department writes it by hand.
cat >SOC-2026-W26.json <<'EOF'
{
  "format": "uppfoljning-report",
  "version": 1,
  "department": "SOC",
  "week": "2026-W26"
}
EOF
# As json-glib pretty-prints it (a space before the colon), no extension.
printf '{\n  "format" : "uppfoljning-report",\n  "version" : 1\n}\n' >report-without-extension
printf '{"format":"uppfoljning-package","revision":3,"actions":[]}\n' >atgardspaket.json
printf '{\n  "name": "something else",\n  "list": [1, 2, 3]\n}\n' >plain.json
# Mentions the word, but it is not the format of the document.
printf '{"format": "csv", "note": "not an uppfoljning-report"}\n' >other-format.json

failures=0
expect ()
{
  got=$(gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p')
  if [ "$got" = "$2" ]; then
    echo "ok: $1 is $2"
  else
    echo "FAIL: $1 is '$got', expected $2" >&2
    failures=$((failures + 1))
  fi
}

expect SOC-2026-W26.json application/x-uppfoljning-report+json
expect report-without-extension application/x-uppfoljning-report+json
expect atgardspaket.json application/x-uppfoljning-package+json
expect plain.json application/json
expect other-format.json application/json

[ "$failures" -eq 0 ] || exit 1
