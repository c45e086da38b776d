#!/bin/sh
# tests/test-flatpak-manifest.sh — check the Flatpak manifest without a network
# Copyright 2026 The Uppföljning authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-flatpak-manifest.sh MANIFEST APP_ID COMMAND
#
# A real build needs the GNOME SDK, which cannot be downloaded here, so this
# checks what can be checked offline: the JSON parses, flatpak-builder reads
# every property and source type without a warning, every local file it needs
# exists, every download is pinned by a SHA-256, and the sandbox holes stay
# the ones docs/flatpak.md explains. Exit 77 (skip) if no JSON tool exists.

set -u

manifest=$1
app_id=$2
command=$3
manifest_dir=$(cd "$(dirname "$manifest")" && pwd)
manifest=$manifest_dir/$(basename "$manifest")
failures=0

fail ()
{
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

have ()
{
  command -v "$1" >/dev/null 2>&1
}

if ! have jq && ! have json-glib-validate; then
  echo "SKIP: neither jq nor json-glib-validate is installed"
  exit 77
fi

# 1. It is JSON (json-glib is what flatpak-builder parses it with).
if have json-glib-validate; then
  json-glib-validate "$manifest" >/dev/null || fail "json-glib-validate rejects $manifest"
fi
if have jq; then
  jq empty "$manifest" || fail "jq cannot parse $manifest"
fi
if [ "$failures" -ne 0 ]; then
  exit 1
fi

# 2. The content.
if have jq; then
  q ()
  {
    jq -r "$1" "$manifest"
  }

  [ "$(q '.id // ."app-id"')" = "$app_id" ] || fail "id is not $app_id"
  [ "$(q '.command')" = "$command" ] || fail "command is not $command"
  [ "$(q '.runtime')" = "org.gnome.Platform" ] || fail "runtime is not org.gnome.Platform"
  [ "$(q '.sdk')" = "org.gnome.Sdk" ] || fail "sdk is not org.gnome.Sdk"

  # Every download pinned: archive and file sources with a URL carry a
  # 64-digit SHA-256 (flatpak-builder would also take a weaker md5 or sha1).
  unpinned=$(q '[.. | objects
                 | select(has("type") and (.type == "archive" or .type == "file") and has("url"))
                 | select((.sha256 // "") | test("^[0-9a-f]{64}$") | not)
                 | .url] | .[]')
  if [ -n "$unpinned" ]; then
    fail "sources without a sha256: $unpinned"
  fi
  [ "$(q '[.. | objects | select(has("type") and .type == "git" and (has("commit") | not))] | length')" = 0 ] \
    || fail "a git source is not pinned to a commit"

  # Local sources (patches, the tree itself) exist.
  missing=$(q '[.. | objects | select(has("type") and has("path")) | .path] | .[]' |
    while IFS= read -r path; do
      [ -e "$manifest_dir/$path" ] || echo "$path"
    done)
  if [ -n "$missing" ]; then
    fail "missing local sources: $missing"
  fi

  # The app module is the last one and builds this tree.
  [ "$(q '.modules[-1] | "\(.buildsystem) \(.sources[0].type) \(.sources[0].path)"')" = "meson dir .." ] \
    || fail "the last module does not build the source tree with meson (dir ..)"

  # Sandbox holes: no file system access; files come through the file
  # chooser portal. See docs/flatpak.md before adding any.
  for arg in --share=ipc --socket=fallback-x11 --socket=wayland --device=dri; do
    q '."finish-args"[]?' | grep -qx -- "$arg" || fail "finish-args lack $arg"
  done
  extra=$(q '."finish-args"[]?' | grep -vx -e --share=ipc -e --socket=fallback-x11 \
                                          -e --socket=wayland -e --device=dri)
  if [ -n "$extra" ]; then
    fail "finish-args not explained in docs/flatpak.md: $extra"
  fi
fi

# 3. flatpak-builder reads it without a warning, and its local files exist.
if have flatpak-builder; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  # Run in a scratch dir: --show-manifest leaves a .flatpak-builder folder.
  if ! (cd "$work" && flatpak-builder --show-manifest "$manifest" >"$work/out" 2>"$work/err"); then
    cat "$work/err" >&2
    fail "flatpak-builder --show-manifest failed"
  elif [ -s "$work/err" ]; then
    # Unknown properties and source types are only warnings to it.
    cat "$work/err" >&2
    fail "flatpak-builder --show-manifest warns"
  fi
  if (cd "$work" && flatpak-builder --show-deps "$manifest" >"$work/deps" 2>"$work/err"); then
    while IFS= read -r dep; do
      case $dep in
        /*) path=$dep ;;
        *) path=$manifest_dir/$dep ;;
      esac
      [ -e "$path" ] || fail "flatpak-builder names a missing file: $dep"
    done <"$work/deps"
  else
    cat "$work/err" >&2
    fail "flatpak-builder --show-deps failed"
  fi
else
  echo "note: flatpak-builder is not installed; its checks were skipped"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "ok: $manifest"
