#!/usr/bin/env bash
# test-swedish.sh — under a Swedish locale the CLI and the briefing speak
# Swedish, with Swedish conventions. Generates sv_SE.UTF-8 into a scratch
# folder when the system lacks it (localedef, from the locales package).
# Copyright 2026 The Uppföljning authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=${UPP_CLI:?}
build=${UPP_BUILD_ROOT:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0; status=0
ok () { n=$((n + 1)); echo "ok $n $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n $1"; sed 's/^/# /' "$tmp/out" | head -20; status=1; }
echo "TAP version 13"

if ! locale -a 2>/dev/null | grep -qiE '^sv_SE\.utf-?8$'; then
  mkdir -p "$tmp/locale"
  if ! localedef -i sv_SE -f UTF-8 "$tmp/locale/sv_SE.UTF-8" 2>"$tmp/out"; then
    echo "1..0 # SKIP cannot generate sv_SE.UTF-8 (is the locales package installed?)"
    exit 0
  fi
  export LOCPATH="$tmp/locale"
fi
export LC_ALL=sv_SE.UTF-8 LANG=sv_SE.UTF-8 LANGUAGE=sv UPP_LOCALEDIR="$build/po"
export UPP_TODAY=2026-11-27

"$cli" demo --db "$tmp/demo.db" >"$tmp/out" 2>&1 && grep -q "demo" "$tmp/out" \
  && ok "demo" || not_ok "demo"

"$cli" status --db "$tmp/demo.db" --week 2026-W40 >"$tmp/out" 2>&1
if grep -q "^Läget per 2026-W40" "$tmp/out" && grep -q "Ansv" "$tmp/out" &&
   grep -q "Slutdatum" "$tmp/out" && grep -q "Försenad" "$tmp/out" &&
   grep -q "2026-10-30" "$tmp/out" && ! grep -q "Deadline" "$tmp/out"; then
  ok "status in Swedish, dates as 2026-10-30"
else
  not_ok "status in Swedish, dates as 2026-10-30"
fi

"$cli" status --db "$tmp/demo.db" --week 2026-W44 >"$tmp/out" 2>&1
grep -q "Passerat slutdatum" "$tmp/out" && grep -q "slutdatum 2026-10-16 har passerat\|2026-10-16" "$tmp/out" \
  && ok "overdue in the glossary's words" || not_ok "overdue in the glossary's words"

"$cli" weeks --db "$tmp/demo.db" --week 2026-W40 -n 8 >"$tmp/out" 2>&1
grep -q "Förvaltning" "$tmp/out" && grep -q "v33" "$tmp/out" && grep -q "Saknas" "$tmp/out" \
  && grep -q "Rättad" "$tmp/out" && ok "weeks: v33, Saknas, Rättad" || not_ok "weeks: v33, Saknas, Rättad"

"$cli" status --help >"$tmp/out" 2>&1
grep -qi "vecka" "$tmp/out" && ! grep -q "As of this week" "$tmp/out" \
  && ok "help in Swedish" || not_ok "help in Swedish"

"$cli" status --db "$tmp/demo.db" --week banan >"$tmp/out" 2>&1
grep -q "är ingen vecka" "$tmp/out" && ok "errors in Swedish" || not_ok "errors in Swedish"

if command -v pdftotext >/dev/null; then
  "$cli" export-pdf --db "$tmp/demo.db" --week 2026-W40 --date 2026-10-02 -o "$tmp/b.pdf" >"$tmp/out" 2>&1
  pdftotext -layout "$tmp/b.pdf" "$tmp/b.txt" 2>>"$tmp/out"
  cp "$tmp/b.txt" "$tmp/out" 2>/dev/null
  if grep -q "Lägesrapport vecka 40" "$tmp/b.txt" && grep -q "Sida 1 av" "$tmp/b.txt" &&
     grep -q "Kräver beslut" "$tmp/b.txt" && grep -q "2026-09-28" "$tmp/b.txt" &&
     ! grep -q "Situation report" "$tmp/b.txt"; then
    ok "briefing in Swedish"
  else
    not_ok "briefing in Swedish"
  fi
  pdfinfo "$tmp/b.pdf" > "$tmp/out" 2>&1
  if command -v qpdf >/dev/null && qpdf --show-object=trailer "$tmp/b.pdf" >/dev/null 2>&1 &&
     qpdf --qdf --object-streams=disable "$tmp/b.pdf" "$tmp/q.pdf" 2>/dev/null; grep -aq "/Lang (sv-SE)" "$tmp/q.pdf"; then
    ok "briefing /Lang is sv-SE"
  else
    not_ok "briefing /Lang is sv-SE"
  fi
fi

echo "1..$n"
exit $status
