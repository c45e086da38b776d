#!/usr/bin/env bash
# test-summary-scale.sh — the summary keeps to two A4 pages at the scale of
# bench M (2,000 actions, 20 departments), whatever the week: generated data
# (bench/generate, two seeds, eight weeks with missing, late and corrected
# reports), every week's summary counted with pdfinfo.
# Copyright 2026 The Uppföljning authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
cli=${UPP_CLI:?}
src=${UPP_SOURCE_DIR:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "TAP version 13"
if ! command -v pdfinfo >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
  echo "1..0 # SKIP pdfinfo (poppler-utils) or python3 is missing"
  exit 0
fi
n=0; status=0
for seed in 3 11; do
  python3 "$src/bench/generate" --actions 2000 --departments 20 --weeks 8 --seed "$seed" \
    --missing 0.1 --out "$tmp/data-$seed" --no-csv >/dev/null
  "$cli" import --db "$tmp/m-$seed.db" "$tmp/data-$seed/package.json" \
    "$tmp/data-$seed/reports/" >/dev/null 2>&1
  for week in 41 42 43 44 45 46 47; do
    n=$((n + 1))
    "$cli" export-pdf --db "$tmp/m-$seed.db" --week "2026-W$week" --summary \
      -o "$tmp/s.pdf" 2>"$tmp/err"
    pages=$(pdfinfo "$tmp/s.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
    if [ "${pages:-0}" -ge 1 ] && [ "${pages:-0}" -le 2 ]; then
      echo "ok $n seed $seed, week $week: the summary has $pages pages"
    else
      echo "not ok $n seed $seed, week $week: the summary has ${pages:-no} pages"
      sed 's/^/# /' "$tmp/err" | head -5
      status=1
    fi
    rm -f "$tmp/s.pdf"
  done
done
echo "1..$n"
exit $status
