#!/usr/bin/python3
# test-xlsx.py — `uppfoljning-cli export-xlsx` read back: the sheets, the
# cells (real dates and numbers), the frozen header row and the filters,
# Swedish headers under a Swedish locale, and the guard. Reads the workbook
# with the standard library (zipfile, ElementTree).
# Copyright 2026 The Uppföljning authors
# SPDX-License-Identifier: GPL-3.0-or-later
import datetime
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

CLI = os.environ["UPP_CLI"]
BUILD = os.environ.get("UPP_BUILD_ROOT", "")
M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

results = []


def check(what, ok, detail=""):
    results.append((what, ok, detail))


def column(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for c in letters:
        n = n * 26 + ord(c) - 64
    return n - 1


class Workbook:
    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)
        ns = self.zip.namelist()
        self.strings = []
        if "xl/sharedStrings.xml" in ns:
            for si in ET.fromstring(self.zip.read("xl/sharedStrings.xml")).iter(M + "si"):
                self.strings.append("".join(t.text or "" for t in si.iter(M + "t")))
        styles = ET.fromstring(self.zip.read("xl/styles.xml"))
        formats = {int(f.get("numFmtId")): f.get("formatCode")
                   for f in styles.iter(M + "numFmt")}
        self.cell_formats = []
        xfs = styles.find(M + "cellXfs")
        for xf in xfs.iter(M + "xf"):
            self.cell_formats.append(formats.get(int(xf.get("numFmtId", 0)), ""))
        book = ET.fromstring(self.zip.read("xl/workbook.xml"))
        rels = ET.fromstring(self.zip.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        self.sheets = {}
        for sheet in book.iter(M + "sheet"):
            self.sheets[sheet.get("name")] = "xl/" + targets[sheet.get(R + "id")]

    def sheet(self, name):
        root = ET.fromstring(self.zip.read(self.sheets[name]))
        rows = []
        for row in root.iter(M + "row"):
            cells = {}
            for c in row.iter(M + "c"):
                v = c.find(M + "v")
                t = c.get("t")
                fmt = self.cell_formats[int(c.get("s", 0))]
                if t == "s":
                    value = self.strings[int(v.text)]
                elif t == "inlineStr":
                    value = "".join(x.text or "" for x in c.iter(M + "t"))
                elif v is not None:
                    value = float(v.text)
                    if "yy" in fmt:
                        value = (datetime.date(1899, 12, 30) + datetime.timedelta(days=value))
                else:
                    value = None
                cells[column(c.get("r"))] = (value, fmt)
            rows.append(cells)
        return root, rows


def export(db, path, env=None, week="2026-W48"):
    return subprocess.run([CLI, "export-xlsx", "--db", db, "--week", week, "-o", path],
                          env=env, capture_output=True, text=True)


def main():
    tmp = tempfile.mkdtemp()
    try:
        env = dict(os.environ, UPP_TODAY="2026-12-31")
        db = os.path.join(tmp, "demo.db")
        subprocess.run([CLI, "demo", "--db", db], env=env, check=True, capture_output=True)
        path = os.path.join(tmp, "w48.xlsx")
        run = export(db, path, env)
        check("export-xlsx writes the workbook", run.returncode == 0 and os.path.exists(path),
              run.stderr)
        book = Workbook(path)
        check("two sheets: the actions as of the week, the reporting",
              list(book.sheets) == ["Actions week 48", "Reporting"], str(list(book.sheets)))

        root, rows = book.sheet("Actions week 48")
        header = [rows[0][i][0] for i in sorted(rows[0])]
        check("the action sheet's header row",
              header == ["Code", "Action", "Goal", "Lead", "Contributors", "Start", "Deadline",
                         "Status", "Reason", "Progress", "Latest comment", "Next steps",
                         "Risks"], str(header))
        pane = root.find(".//" + M + "pane")
        check("the header row is frozen",
              pane is not None and pane.get("ySplit") == "1" and pane.get("state") == "frozen")
        autofilter = root.find(M + "autoFilter")
        check("filters on every column of every row",
              autofilter is not None and autofilter.get("ref") == "A1:M15",
              autofilter.get("ref") if autofilter is not None else "none")
        a7 = [r for r in rows[1:] if r[0][0] == "A7"]
        ok = len(a7) == 1
        if ok:
            a7 = a7[0]
            ok = (a7[6][0] == datetime.date(2026, 10, 30) and a7[6][1] == "yyyy-mm-dd" and
                  isinstance(a7[5][0], datetime.date) and
                  a7[9][0] == 0.8 and a7[9][1] == "0%" and
                  a7[7][0] == "Overdue" and a7[3][0] == "Kommunstyrelsens förvaltning" and
                  a7[4][0] == "POL" and a7[8][0].startswith("deadline 2026-10-30 passed") and
                  "kommunstyrelsens sammanträde" in a7[10][0] and a7[12][0].startswith("Beslut"))
        check("A7: real dates, progress as a number, state, reason, comment and risks", ok,
              repr(a7))
        check("one row per action", len(rows) == 15, str(len(rows)))

        root, rows = book.sheet("Reporting")
        header = [rows[0][i][0] for i in sorted(rows[0])]
        soc43 = [r for r in rows[1:] if r[0][0] == "Socialförvaltningen" and r[1][0] == "2026-W43"]
        check("the reporting sheet: a row per department and week, the week's Monday a date",
              header == ["Department", "Week", "Week starts", "Reporting"] and len(soc43) == 1 and
              soc43[0][2][0] == datetime.date(2026, 10, 19) and soc43[0][3][0] == "Late" and
              root.find(M + "autoFilter") is not None and
              root.find(".//" + M + "pane") is not None,
              repr(header) + repr(soc43))

        sv = os.path.join(tmp, "sv.xlsx")
        senv = dict(env, LC_ALL="C.UTF-8", LANGUAGE="sv", UPP_LOCALEDIR=os.path.join(BUILD, "po"))
        export(db, sv, senv)
        book = Workbook(sv)
        root, rows = book.sheet("Åtgärder vecka 48")
        header = [rows[0][i][0] for i in sorted(rows[0])]
        a7 = [r for r in rows[1:] if r[0][0] == "A7"][0]
        check("Swedish headers and states under a Swedish locale",
              header[:3] == ["Kod", "Åtgärd", "Inriktning"] and a7[7][0] == "Passerat slutdatum",
              repr(header) + repr(a7[7]))

        # Swedish numbers (decimal comma) stay numbers in the file.
        locdir = os.path.join(tmp, "locale")
        os.mkdir(locdir)
        made = subprocess.run(["localedef", "-i", "sv_SE", "-f", "UTF-8",
                               os.path.join(locdir, "sv_SE.UTF-8")], capture_output=True)
        if made.returncode == 0 or os.path.exists(os.path.join(locdir, "sv_SE.UTF-8")):
            comma = os.path.join(tmp, "comma.xlsx")
            cenv = dict(env, LC_ALL="sv_SE.UTF-8", LOCPATH=locdir, LANGUAGE="sv",
                        UPP_LOCALEDIR=os.path.join(BUILD, "po"))
            export(db, comma, cenv)
            book = Workbook(comma)
            _, rows = book.sheet("Åtgärder vecka 48")
            a7 = [r for r in rows[1:] if r[0][0] == "A7"][0]
            check("under sv_SE.UTF-8 numbers are still numbers (0.8, not 0,8)",
                  a7[9][0] == 0.8, repr(a7[9]))
        else:
            check("under sv_SE.UTF-8 numbers are still numbers # SKIP no localedef", True)

        # The guard: a database from before import refused such a text.
        hidden = os.path.join(tmp, "hidden.db")
        shutil.copy(db, hidden)
        with sqlite3.connect(hidden) as conn:
            conn.execute("UPDATE entry SET comment = 'Ring 19811218-9876 i morgon.'"
                         " WHERE action = 'A7' AND week = 202648 AND is_current AND is_lead")
        out = os.path.join(tmp, "hidden.xlsx")
        run = export(hidden, out, env)
        check("a personal identity number: refused, nothing written, the text named, masked",
              run.returncode == 1 and not os.path.exists(out) and
              "A7 comment (week 48)" in run.stderr and "9876" not in run.stderr and
              not [f for f in os.listdir(tmp) if f.startswith(".uppfoljning-")],
              run.stderr)
    finally:
        shutil.rmtree(tmp)

    print("TAP version 13")
    print("1..%d" % len(results))
    status = 0
    for n, (what, ok, detail) in enumerate(results, 1):
        print("%s %d %s" % ("ok" if ok else "not ok", n, what))
        if not ok:
            status = 1
            for line in str(detail).splitlines()[:10]:
                print("# " + line)
    return status


if __name__ == "__main__":
    sys.exit(main())
