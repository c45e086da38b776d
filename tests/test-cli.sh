#!/bin/sh
# tests/test-cli.sh — uppfoljning-cli as a scheduled job or a person uses it
# Copyright 2026 The Uppföljning authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Needs UPP_CLI (the built uppfoljning-cli) and UPP_SOURCE_DIR, as
# tests/meson.build sets them. Prints TAP. Exit codes under test: 0 all
# done, 1 some files rejected (or the job failed), 2 usage error.

set -u

cli=${UPP_CLI:?set UPP_CLI to the built uppfoljning-cli}
src=${UPP_SOURCE_DIR:?set UPP_SOURCE_DIR to the source tree}
fixtures=$src/tests/data/import
work=$(mktemp -d)
watch_pid=
cleanup () {
  if [ -n "$watch_pid" ]; then kill "$watch_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Every demo report is in the past, whenever this runs.
UPP_TODAY=2026-12-31
UPP_DEMO_DIR=$src/data/demo
LC_ALL=C.UTF-8
export UPP_TODAY UPP_DEMO_DIR LC_ALL

n=0
failed=0
ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}
not_ok () {
  n=$((n + 1))
  failed=1
  echo "not ok $n - $1"
  if [ -f "$work/out" ]; then sed 's/^/# out: /' "$work/out"; fi
  if [ -f "$work/err" ]; then sed 's/^/# err: /' "$work/err"; fi
}

# run EXPECTED_STATUS DESCRIPTION CLI-ARGS…: runs the CLI with stdout in
# $work/out and stderr in $work/err and checks its exit status.
run () {
  expected=$1
  what=$2
  shift 2
  "$cli" "$@" >"$work/out" 2>"$work/err"
  status=$?
  if [ "$status" -eq "$expected" ]; then
    ok "$what (exit $status)"
    return 0
  fi
  not_ok "$what: exit $status, expected $expected"
  return 1
}

# check DESCRIPTION COMMAND…: a shell condition on the last run's output.
check () {
  what=$1
  shift
  if "$@"; then ok "$what"; else not_ok "$what"; fi
}

lines () {
  wc -l <"$1" | tr -d ' '
}

db=$work/demo.db

# demo, then status
run 0 "demo creates a database" demo --db "$db"
check "demo says what it created" grep -q "^Created $db with the demo package" "$work/out"
run 0 "status as of week 30" status --db "$db" --week 2026-W30
check "status has its heading" grep -q "^Status as of 2026-W30" "$work/out"
check "status lists A1, led by SOC" grep -Eq "^A1 +.* SOC +20[0-9-]+ " "$work/out"
check "status lists an action led by the police" grep -Eq "^A[0-9]+ +.* POL +20[0-9-]+ " "$work/out"
check "status ends with the counts" grep -Eq "^Done [0-9]+, .* — [0-9]+ actions$" "$work/out"
run 0 "status for one department" status --db "$db" --week 2026-W30 --department SOC
check "only SOC's actions" sh -c "! grep -Eq '^A[0-9]+ +.* (KS|POL|UTB) +20' '$work/out'"
run 0 "weeks as of week 30" weeks --db "$db" --week 2026-W30 -n 4
check "weeks names the departments" grep -q "^Socialförvaltningen" "$work/out"

# Weeks that do not exist: one line on stderr, non-zero.
for week in 2026-W99 banana; do
  "$cli" status --db "$db" --week "$week" >"$work/out" 2>"$work/err"
  status=$?
  check "status --week $week fails (exit $status)" test "$status" -ne 0
  check "status --week $week says why in one line" \
    sh -c "test \"\$(wc -l <'$work/err')\" -eq 1 && grep -q '$week' '$work/err'"
done
run 1 "status for an unknown department" status --db "$db" --week 2026-W30 --department KULTUR
run 1 "status without a database" status --db "$work/none.db" --week 2026-W30
check "and no database was created" test ! -e "$work/none.db"

# import, twice: the second time a no-op
idb=$work/import.db
run 0 "import the demo folders" import --db "$idb" "$src/data/demo/" "$src/data/demo/reports/"
n_files=$(ls "$src/data/demo/"*.json "$src/data/demo/reports/"*.json | wc -l | tr -d ' ')
check "one line per file and a summary" test "$(lines "$work/out")" -eq $((n_files + 1))
before=$("$cli" status --db "$idb" --week 2026-W40)
run 0 "import the same folders again" import --db "$idb" "$src/data/demo/" "$src/data/demo/reports/"
check "every file already imported" \
  test "$(grep -c ': already imported$' "$work/out")" -eq "$n_files"
check "the summary says so" grep -q "^0 imported, $n_files already imported, 0 superseded" "$work/out"
after=$("$cli" status --db "$idb" --week 2026-W40)
check "nothing changed" test "$before" = "$after"

# import: some rejected → 1, each file reported
tdb=$work/test.db
run 0 "import the test package and reports" import --db "$tdb" "$fixtures/good"
run 1 "import with a bad file among good ones" import --db "$tdb" \
  "$fixtures/report-SOC-2026-W28.json" "$fixtures/bad-status-unknown.json"
check "the good one is imported" grep -q "report-SOC-2026-W28.json: imported$" "$work/out"
check "the bad one is rejected with the place" \
  grep -q "bad-status-unknown.json: entries\[0\].status: “klar” is not a status" "$work/err"
check "the summary counts both" grep -q "^1 imported, .* 1 rejected$" "$work/out"

# check: every problem of a file, nothing written
run 1 "check a file with three problems" check --db "$tdb" "$fixtures/bad-three-problems.json"
check "three lines, one per problem" test "$(lines "$work/err")" -eq 3
check "each line names the file" \
  test "$(grep -c "^$fixtures/bad-three-problems.json: " "$work/err")" -eq 3
check "with the JSON path" grep -q ": entries\[1\].progress: -5 is out of range" "$work/err"
run 1 "check a file with a syntax error" check --db "$tdb" "$fixtures/bad-syntax.json"
check "FILE:LINE:COL" grep -q "^$fixtures/bad-syntax.json:14:7: " "$work/err"
run 1 "check a file with an identity number" check --db "$tdb" "$fixtures/bad-personnummer.json"
check "the number is masked" sh -c "grep -q '19xxxxxx-xx76' '$work/err' && ! grep -q '9876' '$work/err'"
# Hidden from the eye: a zero-width space, no-break spaces and an em dash
# in a comment, and a decimal indicator value
run 1 "check a file with a hidden identity number" check --db "$tdb" \
  "$fixtures/bad-personnummer-hidden.json"
check "both are found, masked" sh -c "test \"\$(wc -l <'$work/err')\" -eq 2 && \
  grep -q 'comment: contains a personal identity number (19xxxxxx — xx76)' '$work/err' && \
  grep -q 'indicators.met: the number reads as a personal identity number (xxxxxxxx76)' \
    '$work/err' && ! grep -q '9876' '$work/err'"
run 1 "import refuses it" import --db "$tdb" "$fixtures/bad-personnummer-hidden.json"
# export-pdf reads the store, which import keeps clean: put the comment in
# by hand, as in a database from before the guard read it so.
if command -v sqlite3 >/dev/null 2>&1; then
  hdb=$work/hidden.db
  "$cli" backup --db "$tdb" "$hdb" >/dev/null 2>&1
  sqlite3 "$hdb" "UPDATE entry SET comment = 'Samtal med 1981$(printf '\342\200\213')1218$(printf '\302\240\342\200\224\302\240')9876.'"
  run 1 "export-pdf refuses the hidden number" export-pdf --db "$hdb" --week 2026-W28 \
    -o "$work/hidden.pdf"
  check "it writes nothing" test ! -e "$work/hidden.pdf"
  check "it names the text, masked" sh -c "grep -q 'comment (week 2[0-9]) contains a personal \
identity number (19xxxxxx — xx76)' '$work/err' && ! grep -q '9876' '$work/err'"
  # An indicator value is in the full briefing (the summary shows none).
  "$cli" backup --db "$tdb" "$hdb.2" >/dev/null 2>&1
  sqlite3 "$hdb.2" "UPDATE entry_indicator SET value = 8112189876.0 WHERE indicator = 'met'"
  run 1 "export-pdf refuses an indicator value" export-pdf --db "$hdb.2" \
    --week 2026-W28 -o "$work/hidden.pdf"
  check "it writes nothing" test ! -e "$work/hidden.pdf"
  check "it names the value, masked" sh -c "grep -q 'A1 indicator met (week [0-9]*) is a number that \
reads as a personal identity number (xxxxxxxx76)' '$work/err' && ! grep -q '9876' '$work/err'"
else
  ok "export-pdf refuses the hidden number # SKIP sqlite3 is not installed"
  ok "export-pdf refuses an indicator value # SKIP sqlite3 is not installed"
fi
run 0 "check a good file" check --db "$tdb" "$fixtures/good-bom-crlf.json"
check "it says OK" grep -q "good-bom-crlf.json: OK$" "$work/out"
run 0 "check without a database" check --standalone "$fixtures/report-SOC-2026-W28.json"
run 1 "check against the database" check --db "$tdb" "$fixtures/bad-week-future.json"
run 1 "check a folder" check --standalone "$fixtures/"
check "its good files are OK" grep -q "report-SOC-2026-W28.json: OK$" "$work/out"
check "its bad files are listed" grep -q "bad-status-unknown.json: entries\[0\]" "$work/err"

# template: a skeleton a department can fill in by hand: each entry says
# which action it is, every indicator is listed, and one without a last
# value is left empty for the department, which check explains
run 0 "template for SOC, week 49" template --db "$db" --department SOC --week 2026-W49 \
  -o "$work/template.json"
check "it names each action's title and deadline" grep -q '"title" : "Kvälls- och helgnärvaro av fältassistenter' "$work/template.json"
check "and its deadline" grep -q '"deadline" : "2026-12-18"' "$work/template.json"
if grep -q ': null' "$work/template.json"; then
  run 1 "an indicator left empty is explained" check --db "$db" "$work/template.json"
  check "with what to do" grep -q "has no value yet; write this week’s number, or remove the line" "$work/err"
  sed 's/: null/: 3/' "$work/template.json" >"$work/filled.json"
else
  cp "$work/template.json" "$work/filled.json"
fi
run 0 "the template, filled in, passes check" check --db "$db" "$work/filled.json"
# Made on Monday, filled in on Friday: `submitted` still says Monday.
touch -d "2027-01-04 16:00" "$work/filled.json"
run 0 "check of a template filled in days later" check --db "$db" "$work/filled.json"
check "says submitted is older than the file" grep -q "filled.json: “submitted” says 2026-12-31T12:00:00.*, but the file was changed after that" "$work/err"
sed 's/"submitted" : "[^"]*"/"submitted" : "2026-12-07T08:00:00+01:00"/' "$work/filled.json" >"$work/monday.json"
touch -d "2026-12-11 16:00" "$work/monday.json"
run 0 "check --fix-submitted sets it to now" check --db "$db" --fix-submitted "$work/monday.json"
check "and says so" grep -q "monday.json: “submitted” set to 2026-12-31T12:00:00" "$work/out"
check "only submitted changed" cmp -s "$work/filled.json" "$work/monday.json"
run 0 "template to standard output" template --db "$db" --department POL --week 2026-W49
check "it is a report for POL" grep -q '"department" : "POL"' "$work/out"
run 1 "template for an unknown department" template --db "$db" --department KULTUR \
  --week 2026-W49
run 1 "template for a week that does not exist" template --db "$db" --department SOC \
  --week 2026-W99

# backup, and the copy answers the same
run 0 "backup" backup --db "$db" "$work/copy.db"
original=$("$cli" status --db "$db" --week 2026-W30)
copy=$("$cli" status --db "$work/copy.db" --week 2026-W30)
check "the copy gives the same status" test "$original" = "$copy"

# Nothing raw reaches a terminal: names and texts from the shared folder
# are printed with their control and direction characters spelt out.
# raw FILE: whether FILE holds a control byte other than a line's end, a
# C1 control (U+0080–U+009F) or a direction control, as UTF-8 bytes.
raw () {
  LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$1" ||
    LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1" ||
    LC_ALL=C grep -q "$(printf '\342\200[\216\217\252-\256]')" "$1" ||
    LC_ALL=C grep -q "$(printf '\342\201[\246-\251]')" "$1" ||
    LC_ALL=C grep -q "$(printf '\330\234')" "$1"
}
clean () {
  ! raw "$work/out" && ! raw "$work/err" && ! grep -q '^FAKE' "$work/out" "$work/err"
}
hostile=$work/hostile
mkdir "$hostile"
evil=$(printf 'a\033]0;PWNED\007\033[2J\nFAKE: imported.json')
cp "$fixtures/good/SOC-2026-W29.json" "$hostile/$evil"
run 0 "import a file whose name has ESC and a newline" import --db "$tdb" "$hostile/$evil"
check "no raw control byte, no forged line" clean
check "the name is shown escaped" \
  grep -q 'a\\e\]0;PWNED\\a\\e\[2J\\nFAKE: imported.json: ' "$work/out"
run 0 "check it" check --db "$tdb" "$hostile"
check "no raw control byte in check's output" clean
cp "$fixtures/bad-status-unknown.json" "$hostile/$evil"
run 1 "import it rejected" import --db "$tdb" "$hostile/$evil"
check "no raw control byte in the problems" clean
check "the problem names the file escaped" grep -q '\\nFAKE: imported.json: entries' "$work/err"
run 1 "an error naming a folder with ESC and a newline" import --db "$tdb" "$hostile/$evil/x"
check "no raw control byte in the error" clean
run 1 "an unknown department with ESC and a newline" status --db "$db" --department "$evil"
check "no raw control byte in its error" clean
# Keys and texts with controls, direction controls and Swedish letters.
printf '%s\n' '{"format": "uppfoljning-report", "version": 1, "package": "LYS-2026",' \
  '"department": "SOC", "week": "2026-W29", "submitted": "2026-07-17T15:00:00+02:00",' \
  '"reporter": "Åsa \u001b]0;PWNED\u0007", "summary": "Budget: 1\u202e000 05 kr\u0085",' \
  '"entries": [{"action": "A1", "status": "on-track", "progress": 10,' \
  '"x\u001b[2J\nFAKE: imported": 1, "comment": "\u2067smärta\u2069"}]}' >"$hostile/åtgärd.json"
run 1 "check a document with control characters in keys and texts" check --standalone \
  "$hostile/åtgärd.json"
check "no raw control byte, no forged line" clean
check "the key is shown escaped" grep -q 'entries\[0\]\.x\\e\[2J\\nFAKE: imported: unknown field' \
  "$work/err"
check "each text is refused at its field" sh -c "grep -q ': reporter: contains the control' \
  '$work/err' && grep -q ': summary: contains U+202E' '$work/err' && \
  grep -q ': entries\[0\].comment: contains U+2067' '$work/err'"
check "Swedish letters stay" grep -q "/åtgärd.json: reporter" "$work/err"
# A database from before the texts were checked: its titles and names.
if command -v sqlite3 >/dev/null 2>&1; then
  old=$work/old.db
  cp "$db" "$old"
  sqlite3 "$old" "UPDATE action SET title = 'Åtgärd' || char(27) || ']0;PWNED' || char(7) || \
    char(10) || 'FAKE: imported' || char(8238) || char(133) WHERE code = 'A1'; \
    UPDATE department SET name = 'Social' || char(27) || '[2J' || char(10) || 'FAKE: x' || \
    char(127) WHERE code = 'SOC';"
  run 0 "status of a database with control characters in a title" status --db "$old" \
    --week 2026-W30
  check "no raw control byte, no forged line" clean
  check "the title is shown escaped" grep -q '^A1 *Åtgärd\\e\]0;PWNED' "$work/out"
  run 0 "weeks of a database with control characters in a name" weeks --db "$old" \
    --week 2026-W30 -n 2
  check "no raw control byte, no forged line" clean
  check "the name is shown escaped" grep -q '^Social\\e\[2J\\nFAKE: x\\x7f' "$work/out"
  run 0 "template of a database with control characters in a title" template --db "$old" \
    --department SOC --week 2026-W49
  check "no raw control byte in the JSON" clean
else
  for i in 1 2 3 4 5 6 7 8; do
    n=$((n + 1))
    echo "ok $n # skip sqlite3 is not installed"
  done
fi

# usage errors: 2
run 2 "no command" --db "$db"
run 2 "an unknown command" frobnicate
run 2 "import without files" import --db "$db"
run 2 "check without files" check --db "$db"
run 2 "template without --department" template --db "$db" --week 2026-W49
run 2 "an unknown option" status --db "$db" --colour
run 2 "backup without a file" backup --db "$db"
run 2 "weeks with a bad count" weeks --db "$db" --count 0

# A package revision from a file takes effect only by a decision here: the
# review's takeover (a huge revision moving the first reporting week) is
# refused; the same as revision 2 waits, is listed with its changes, and
# the refusal is recorded.
rdb=$work/revisions.db
run 0 "a demo database for revisions" demo --db "$rdb"
sed -e 's/"revision": 1,/"revision": 1000000,/' -e 's/"first_week": "2026-W25"/"first_week": "2027-W01"/' \
  "$src/data/demo/package.json" >"$work/takeover.json"
check "the takeover file differs from the package" sh -c "! cmp -s '$work/takeover.json' '$src/data/demo/package.json'"
run 1 "a revision that skips numbers is refused" import --db "$rdb" "$work/takeover.json"
check "it says why" grep -q "revision 1000000 of LYS-TRYGG-2026 skips a revision" "$work/err"
sed -e 's/"revision": 1,/"revision": 2,/' -e 's/"first_week": "2026-W25"/"first_week": "2027-W01"/' \
  "$src/data/demo/package.json" >"$work/rev2.json"
run 0 "the next revision is kept for review" import --db "$rdb" "$work/rev2.json"
check "it waits for a decision" grep -q "rev2.json: kept for review" "$work/out"
run 0 "status meanwhile" status --db "$rdb" --week 2026-W40
check "and the first reporting week is unchanged" sh -c "! grep -q 'before the first reporting week' '$work/out' '$work/err'"
run 0 "revisions lists it with its changes" revisions --db "$rdb"
check "the change is named" grep -q "First reporting week 2026-W25 → 2027-W01" "$work/out"
check "it is waiting" grep -q "^Revision 2, waiting for a decision: rev2.json" "$work/out"
sha=$(sed -n 's/^Revision 2, waiting for a decision: rev2.json (\([0-9a-f]*\),.*/\1/p' "$work/out")
run 2 "a decision needs --by" refuse-revision --db "$rdb" "$sha"
run 0 "refuse it" refuse-revision --db "$rdb" --by "Kommundirektören" "$sha"
run 0 "revisions again" revisions --db "$rdb"
check "the refusal is recorded with who" grep -q "^Revision 2, refused: rev2.json .*; refused by Kommundirektören on 20" "$work/out"
run 1 "a refused revision cannot be accepted" accept-revision --db "$rdb" --by "Någon" "$sha"
sed -e 's/"revision": 1,/"revision": 2,/' -e 's/"due_weekday": 5/"due_weekday": 4/' \
  "$src/data/demo/package.json" >"$work/rev2-genuine.json"
run 0 "import with --accept-revisions" import --db "$rdb" --accept-revisions "KS 2026/123" "$work/rev2-genuine.json"
check "it is in force" grep -q "^Revision 2 is in force." "$work/out"

# Several packages: --package CODE instead of --db, each its own database
# in the data folder; `packages` lists them.
data_home=$work/data
XDG_DATA_HOME=$data_home
export XDG_DATA_HOME
run 0 "no packages yet" packages
check "packages says how to begin" grep -q "^No action packages yet" "$work/out"
run 0 "demo into its package's database" demo --package LYS-TRYGG-2026
check "it lives in the data folder" test -f "$data_home/uppfoljning/packages/LYS-TRYGG-2026.db"
run 0 "status by package" status --package LYS-TRYGG-2026 --week 2026-W40
check "the package's actions" grep -Eq "^A1 +.* SOC +20[0-9-]+ " "$work/out"
run 0 "packages lists it" packages
check "with its title, organisation and last week" grep -q "^LYS-TRYGG-2026  Åtgärdspaket för ökad trygghet — Lysekils kommun, last week 2026-W" "$work/out"
run 1 "a package nobody follows" status --package LYS-SKOLA-2027 --week 2026-W40
check "says how to start following it" grep -q "import --package LYS-SKOLA-2027 FILE" "$work/err"
run 1 "files of another package are not kept under this code" import --package LYS-SKOLA-2027 "$src/data/demo/package.json"
check "it says whose they are" grep -q "these files are the package LYS-TRYGG-2026, not LYS-SKOLA-2027" "$work/err"
check "and no database was left" test ! -e "$data_home/uppfoljning/packages/LYS-SKOLA-2027.db"
run 1 "a code that is a path" status --package ../demo --week 2026-W40
run 1 "--db and --package together" status --package LYS-TRYGG-2026 --db "$db" --week 2026-W40
unset XDG_DATA_HOME

# import --watch: a file dropped in the folder is imported once complete
inbox=$work/inbox
mkdir "$inbox"
"$cli" import --db "$tdb" --watch "$inbox" >"$work/watch.out" 2>&1 &
watch_pid=$!
sleep 0.5
# The department's folder arrives with its report in it (as a copy of a
# folder does); a report at the top of the folder is refused.
mkdir "$work/UTB"
cp "$fixtures/good-negative-zero.json" "$work/UTB/UTB-2026-W28.json"
cp "$fixtures/good-negative-zero.json" "$inbox/UTB-2026-W28-top.json"
mv "$work/UTB" "$inbox/UTB"
seen=0
alive=1
for i in $(seq 1 60); do
  if grep -q "UTB/UTB-2026-W28.json: imported$" "$work/watch.out" &&
     grep -q "UTB-2026-W28-top.json: is at the top" "$work/watch.out"; then seen=1; break; fi
  if ! kill -0 "$watch_pid" 2>/dev/null; then alive=0; break; fi
  sleep 0.25
done
kill "$watch_pid" 2>/dev/null
wait "$watch_pid" 2>/dev/null
watch_status=$?
watch_pid=
what="import --watch imports a file dropped in"
if [ "$seen" -eq 1 ] && grep -q "UTB-2026-W28-top.json: is at the top of the shared folder" "$work/watch.out"; then
  ok "$what"
else
  cp "$work/watch.out" "$work/out"
  not_ok "$what"
fi

echo "1..$n"
exit $failed
