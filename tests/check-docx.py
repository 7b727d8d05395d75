#!/usr/bin/env python3
"""The Word export read back by python3-docx (tests/check-docx.sh runs it).

For every plan document given: `unionplan export --to=docx` writes it;
python-docx opens it and finds A4 with the GB/T 9704 margins, the title in
the Title style, every section as a Word heading of its level with its
label and heading as the text, every other node a paragraph, each schedule
a table 月份 | 工作内容 with one row per month and one paragraph per
activity, the page number field in both footers between 一字线; the same
bytes twice; and the file imported again gives the same structure
(tests/office-compare.py). Then --renumber, and the command's refusals.
Prints TAP-like lines and 'N passed, M failed'.

    check-docx.py UNIONPLAN COMPARE.py FILE...
"""
import os
import pty
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import docx
from docx.shared import Mm

NS = "{urn:unionplan:1}"
passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
        print("ok - " + what)
    else:
        failed += 1
        print("FAIL - " + what)


def spaced(label, text):
    """A label ending in ASCII punctuation gets a space before a digit."""
    label = label or ""
    if label and label[-1] in ".,)" and text[:1].isdigit():
        label += " "
    return label + text


def expected(path):
    """Headings (level, text), paragraphs' texts in order, schedules as
    lists of (month label, [activity texts])."""
    heads, paras, tables = [], [], []

    def walk(e, level):
        for k in e:
            tag = k.tag[len(NS):]
            if tag == "section":
                h = k.find(NS + "heading")
                text = "".join(h.itertext()) if h is not None else ""
                if k.get("label") or text:
                    heads.append((min(level, 4), spaced(k.get("label"), text)))
                walk(k, level + 1)
            elif tag == "item":
                h = k.find(NS + "heading")
                text = ("".join(h.itertext()) + (h.tail or "")) if h is not None else (k.text or "")
                paras.append(spaced(k.get("label"), text.strip()))
                walk(k, max(level + 1, 4))
            elif tag in ("p", "note"):
                paras.append(spaced(k.get("label"), "".join(k.itertext())))
            elif tag == "schedule":
                rows = []
                for m in k.findall(NS + "month"):
                    rows.append((m.get("label", "").rstrip("：:"),
                                 [spaced(a.get("label"), "".join(a.itertext()))
                                  for a in m.findall(NS + "activity")]))
                tables.append(rows)
    root = ET.parse(path).getroot()
    for plan in ([root] if root.tag == NS + "plan" else root.findall(NS + "plan")):
        walk(plan, 1)
    return heads, paras, tables


def layout(d, name):
    s = d.sections[0]
    mm = lambda v: round(v.mm, 1)
    check((mm(s.page_width), mm(s.page_height)) == (210.0, 297.0), name + ": A4")
    check((mm(s.top_margin), mm(s.bottom_margin), mm(s.left_margin), mm(s.right_margin)) ==
          (37.0, 35.0, 28.0, 26.0), name + ": margins 37/35/28/26 mm")
    grid = s._sectPr.find(docx.oxml.ns.qn("w:docGrid"))
    check(grid is not None and grid.get(docx.oxml.ns.qn("w:linePitch")) == "579",
          name + ": a grid of 22 lines (579 twips)")
    odd, even = s.footer.paragraphs[0], s.even_page_footer.paragraphs[0]
    for f, side in ((odd, "odd"), (even, "even")):
        check(f.text == "— 1 —" and "PAGE" in f._p.xml, name + ": %s footer — PAGE —" % side)
    q = docx.oxml.ns.qn
    rpr = d.styles.element.find(q("w:docDefaults")).find(q("w:rPrDefault")).find(q("w:rPr"))
    check(rpr.find(q("w:sz")).get(q("w:val")) == "32" and
          rpr.find(q("w:rFonts")).get(q("w:eastAsia")) == "仿宋_GB2312", name + ": body 3号 (16 pt) 仿宋")
    title = d.styles["Title"]
    check(title.font.size.pt == 22 and title.paragraph_format.alignment == 1,
          name + ": title 2号 (22 pt) centred")
    east = lambda st: st.element.rPr.rFonts.get(docx.oxml.ns.qn("w:eastAsia"))
    check(east(d.styles["Heading 1"]) == "黑体" and east(d.styles["Heading 2"]) == "楷体_GB2312" and
          d.styles["Heading 3"].font.bold, name + ": headings 黑体, 楷体, 仿宋 bold")


def content(d, path, name):
    heads, paras, tables = expected(path)
    got_heads = [(int(p.style.name.split()[-1]), p.text) for p in d.paragraphs
                 if p.style.name.startswith("Heading")]
    check(got_heads == heads, name + ": %d headings with their levels and labels" % len(heads))
    body = [p.text for p in d.paragraphs
            if p.style.name in ("Normal", "List Paragraph", "Note") and p.text.strip()]
    check(body == paras, name + ": %d paragraphs in order" % len(paras))
    got_tables = []
    for t in d.tables:
        rows = [(r.cells[0].text, [p.text for p in r.cells[1].paragraphs if p.text]) for r in t.rows]
        check([c.text for c in t.rows[0].cells] == ["月份", "工作内容"], name + ": table head 月份 | 工作内容")
        got_tables.append(rows[1:])
    check(got_tables == tables, name + ": %d schedule tables, one row per month, one paragraph per activity"
          % len(tables))
    text = "\n".join(p.text for p in d.paragraphs)
    check(any("\u4e00" <= ch <= "\u9fff" for ch in text), name + ": Chinese text")


def run(*args, **kw):
    return subprocess.run(list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def main(cli, compare, files):
    tmp = tempfile.mkdtemp()
    for path in files:
        name = os.path.basename(path)
        out = os.path.join(tmp, name + ".docx")
        r = run(cli, "export", "--to=docx", "-o", out, path)
        check(r.returncode == 0, name + ": exported")
        if r.returncode != 0:
            continue
        d = docx.Document(out)
        layout(d, name)
        content(d, path, name)
        again = run(cli, "export", "--to=docx", path)
        check(again.stdout == open(out, "rb").read(), name + ": the same bytes again (to a pipe)")
        back = os.path.join(tmp, name + ".back.xml")
        r = run(cli, "import", "-q", "-o", back, out)
        c = run(sys.executable, compare, path, back)
        check(r.returncode == 0 and c.returncode == 0, name + ": imported again, the same structure")
        if c.returncode:
            print(c.stdout.decode()[:2000])
    # --renumber: duplicate and skipped numbers mended (seed 000's 十二月)
    seed0 = [f for f in files if f.endswith("seed-000.xml")][0]
    out = os.path.join(tmp, "renumbered.docx")
    run(cli, "export", "--to=docx", "--renumber", "-o", out, seed0)
    t = docx.Document(out).tables[0]
    dec = [r for r in t.rows if r.cells[0].text.startswith("十二月")][0]
    labels = [p.text[:2] for p in dec.cells[1].paragraphs]
    check(labels == ["1.", "2.", "3.", "4.", "5."], "--renumber: 十二月's activities 1. to 5.")
    # refusals: a terminal, several files
    master, slave = pty.openpty()
    r = subprocess.run([cli, "export", "--to=docx", seed0], stdout=slave, stderr=subprocess.PIPE)
    os.close(slave)
    os.close(master)
    check(r.returncode == 2 and b"not to a terminal" in r.stderr, "docx to a terminal: usage error")
    r = run(cli, "export", "--to=docx", seed0, seed0)
    check(r.returncode == 2 and b"one file at a time" in r.stderr, "docx of two files: usage error")
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
