#!/usr/bin/python3
# test-pdfua.py — the briefing against PDF/UA-1 (ISO 14289-1), item by item,
# on the demo's weeks 40 and 48, full and summary, English and Swedish.
# Reads the PDF's objects and content streams with pikepdf (Debian's
# python3-pikepdf). One TAP test per item; each names the files and pages
# that fail it.
# Copyright 2026 The Uppföljning authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

try:
    import pikepdf
except ImportError:
    print("TAP version 13\n1..0 # SKIP python3-pikepdf is not installed")
    sys.exit(0)

CLI = os.environ["UPP_CLI"]
BUILD = os.environ.get("UPP_BUILD_ROOT", "")
PAINTING = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n", "Tj", "TJ", "'", '"',
            "Do", "sh", "BI", "INLINE IMAGE"}
NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}


def make_pdfs(tmp):
    db = os.path.join(tmp, "demo.db")
    env = dict(os.environ, UPP_TODAY="2026-12-31", SOURCE_DATE_EPOCH="1764547200")
    subprocess.run([CLI, "demo", "--db", db], env=env, check=True, capture_output=True)
    pdfs = []
    for lang in ("en", "sv"):
        lenv = dict(env)
        if lang == "sv":
            lenv.update(LC_ALL="C.UTF-8", LANGUAGE="sv", UPP_LOCALEDIR=os.path.join(BUILD, "po"))
        for week in (40, 48):
            for summary in (False, True):
                name = "w%d-%s%s.pdf" % (week, lang, "-summary" if summary else "")
                path = os.path.join(tmp, name)
                args = [CLI, "export-pdf", "--db", db, "--week", "2026-W%d" % week, "-o", path]
                if summary:
                    args.append("--summary")
                subprocess.run(args, env=lenv, check=True, capture_output=True)
                pdfs.append((name, pikepdf.open(path)))
    return pdfs


def struct_elements(pdf):
    """Every structure element, depth first, with its parent's type."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    stack = [(root.get("/K"), None)]
    seen = set()
    while stack:
        node, parent = stack.pop()
        if node is None:
            continue
        if isinstance(node, pikepdf.Array):
            for item in reversed(list(node)):
                stack.append((item, parent))
            continue
        if not isinstance(node, pikepdf.Dictionary):
            continue
        if node.is_indirect:
            key = node.objgen
            if key in seen:
                continue
            seen.add(key)
        if "/S" not in node:
            continue
        yield node, parent
        stack.append((node.get("/K"), node))


def kids(element):
    k = element.get("/K")
    if k is None:
        return []
    return list(k) if isinstance(k, pikepdf.Array) else [k]


def check_content(pdf):
    """Painting operators outside any marked content, per page; and
    whether each page has pagination artifacts."""
    problems = []
    for number, page in enumerate(pdf.pages, 1):
        depth = 0
        bt = 0
        pagination = False
        outside = 0
        bt_depth = None
        crossing = 0
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                if op == "BDC" and str(operands[0]) == "/Artifact":
                    props = operands[1]
                    if isinstance(props, pikepdf.Dictionary) and \
                            str(props.get("/Type", "")) == "/Pagination":
                        pagination = True
                depth += 1
            elif op == "EMC":
                depth -= 1
                if depth < 0:
                    problems.append("page %d: EMC without BDC" % number)
                    depth = 0
            elif op == "BT":
                bt += 1
                bt_depth = depth
            elif op == "ET":
                bt -= 1
                if depth != bt_depth:
                    crossing += 1
            elif depth == 0 and op in PAINTING:
                outside += 1
        if outside:
            problems.append("page %d: %d painting operators neither tagged nor artifact"
                            % (number, outside))
        if crossing:
            problems.append("page %d: %d text objects cross marked content" % (number, crossing))
        if depth != 0:
            problems.append("page %d: %d marked-content sequences left open" % (number, depth))
        if not pagination:
            problems.append("page %d: no pagination artifact (running header, footer)" % number)
    return problems


def check_xmp(pdf):
    if "/Metadata" not in pdf.Root:
        return ["no XMP metadata stream in the catalog"]
    xml = pdf.Root.Metadata.read_bytes()
    try:
        tree = ET.fromstring(xml.decode("utf-8").split("?>", 1)[-1].rsplit("<?xpacket", 1)[0])
    except ET.ParseError as e:
        return ["the XMP metadata is not XML: %s" % e]
    problems = []
    title = tree.findall(".//dc:title//rdf:li", NS)
    info_title = str(pdf.docinfo.get("/Title", ""))
    if not title or (title[0].text or "") != info_title:
        problems.append("dc:title %r is not the document title %r"
                        % (title[0].text if title else None, info_title))
    if not tree.findall(".//dc:language//rdf:li", NS):
        problems.append("no dc:language")
    part = [e.text for e in tree.iter("{%s}part" % NS["pdfuaid"])]
    part += [v for e in tree.iter() for k, v in e.attrib.items() if k == "{%s}part" % NS["pdfuaid"]]
    if part != ["1"]:
        problems.append("pdfuaid:part is %r, not 1" % part)
    if any(e.tag.startswith("{%s}" % NS["pdfaid"]) for e in tree.iter()) or \
            any(k.startswith("{%s}" % NS["pdfaid"]) for e in tree.iter() for k in e.attrib):
        problems.append("claims PDF/A")
    return problems


def check_cid_to_gid(pdf):
    problems = []
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Subtype") == "/CIDFontType2" \
                and "/CIDToGIDMap" not in obj:
            problems.append("CIDFontType2 %s without /CIDToGIDMap" % obj.get("/BaseFont"))
    return problems


def has_scope(element):
    attributes = element.get("/A")
    if attributes is None:
        return False
    items = list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes]
    return any(isinstance(a, pikepdf.Dictionary) and "/Scope" in a for a in items)


def check_th_scope(pdf):
    missing = sum(1 for e, _ in struct_elements(pdf) if e.S == "/TH" and not has_scope(e))
    return ["%d TH without /Scope" % missing] if missing else []


def check_key_figures(pdf):
    for element, _ in struct_elements(pdf):
        if element.S == "/Table":
            # The first table: the key figures on page 1.
            ths = [e for e, _ in struct_elements_under(element) if e.S == "/TH"]
            return [] if ths else ["the key-figure table has no header cells"]
    return ["no table"]


def struct_elements_under(element):
    stack = list(reversed(kids(element)))
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Dictionary) and "/S" in node:
            yield node, None
            stack.extend(reversed(kids(node)))


def check_lbody(pdf):
    bad = 0
    for element, _ in struct_elements(pdf):
        if element.S == "/LI":
            if not any(isinstance(k, pikepdf.Dictionary) and k.get("/S") == "/LBody"
                       for k in kids(element)):
                bad += 1
    return ["%d list items without LBody" % bad] if bad else []


def check_link_print(pdf):
    bad = 0
    for page in pdf.pages:
        for annot in page.get("/Annots", []):
            if annot.get("/Subtype") == "/Link" and not (int(annot.get("/F", 0)) & 4):
                bad += 1
    return ["%d link annotations without the Print flag" % bad] if bad else []


CHECKS = [
    ("all content is tagged or an artifact; running header, footer, rules and background are "
     "pagination artifacts", check_content),
    ("XMP metadata: dc:title is the title, dc:language, pdfuaid:part 1, no PDF/A claim",
     check_xmp),
    ("every CIDFontType2 has a /CIDToGIDMap", check_cid_to_gid),
    ("every TH has a /Scope", check_th_scope),
    ("the key-figure row has header cells", check_key_figures),
    ("every list item has an LBody", check_lbody),
    ("every link annotation has the Print flag", check_link_print),
]


def main():
    print("TAP version 13")
    print("1..%d" % len(CHECKS))
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = make_pdfs(tmp)
        for n, (what, check) in enumerate(CHECKS, 1):
            failures = []
            for name, pdf in pdfs:
                failures += ["%s: %s" % (name, p) for p in check(pdf)]
            if failures:
                status = 1
                print("not ok %d %s" % (n, what))
                for line in failures[:12]:
                    print("# " + line)
            else:
                print("ok %d %s" % (n, what))
    return status


if __name__ == "__main__":
    sys.exit(main())
