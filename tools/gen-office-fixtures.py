#!/usr/bin/env python3
"""Write the XML parts of a Word (.docx) or OpenDocument (.odt) version of
an imported seed plan (doc/examples/seed-NNN.xml), the way a union office
types it: headings and items numbered by the application (the labels are
NOT in the text: they are w:numPr / text:list with numbering styles), the
schedule as a table 月份 | 工作内容 (one row per month, one paragraph per
activity, numbered per cell).

    gen-office-fixtures.py [--odt] [--merged] [--tracked] SEED.xml OUTDIR

--merged  each activity in a row of its own, the month cell merged
          vertically (w:vMerge) over the rows of its month;
--tracked tracked changes (insertions to keep, deletions to drop), a
          comment, a footnote, a text box, a table of contents and a page
          number in the footer, all of which the importer must leave out.

The parts are committed under tests/data/office/NAME/ and zipped by the
tests (tests/office-pack.py); this script is only run again to change them.
A label whose number does not follow its predecessor's (a duplicate, a
skip) is kept as typed text, as a typist would have to.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

NS = "{urn:unionplan:1}"
HAN = "零一二三四五六七八九"


def han(n):
    if n < 10:
        return HAN[n]
    if n < 20:
        return "十" + (HAN[n % 10] if n % 10 else "")
    return HAN[n // 10] + "十" + (HAN[n % 10] if n % 10 else "")


def shape(label, number):
    """The label with its number as %1, and the number format; None when
    the label cannot be numbered automatically."""
    if not label or number is None:
        return None
    for text, fmt in ((han(number), "chineseCounting"), (str(number), "decimal"),
                      (chr(0x2460 + number - 1) if 1 <= number <= 20 else None, "decimalEnclosedCircle"),
                      (chr(0x2474 + number - 1) if 1 <= number <= 20 else None, "decimalEnclosedParen")):
        if text is None:
            continue
        m = re.match(r"^([（(]?)" + re.escape(text) + r"([）)]?[、，,．.]?)$", label)
        if m:
            return (m.group(1) + "%1" + m.group(2), fmt)
    return None


class Numbering:
    """Groups of siblings with one label shape: one abstract numbering per
    shape, one w:num per group (restarted with w:startOverride)."""

    def __init__(self):
        self.shapes = {}   # (lvltext, fmt) -> abstract id
        self.nums = []     # (num id, abstract id, start)
        self.groups = {}   # (parent id, shape) -> [num id, last number]

    def label(self, parent, label, number):
        """(num id or None, literal label text)."""
        sh = shape(label, number)
        if sh is None:
            return None, label or ""
        key = (parent, sh)
        g = self.groups.get(key)
        if g is not None and number == g[1] + 1:
            g[1] = number
            return g[0], ""
        if g is not None:
            return None, label      # a duplicate or a skip: typed by hand
        absid = self.shapes.setdefault(sh, len(self.shapes) + 1)
        numid = len(self.nums) + 1
        self.nums.append((numid, absid, number))
        self.groups[key] = [numid, number]
        return numid, ""


def text_of(e):
    """An element's text with its heading first (items)."""
    h = e.find(NS + "heading")
    head = "".join(h.itertext()) if h is not None else ""
    return head + (h.tail or "" if h is not None else e.text or "")


class Plan:
    """The plan as blocks: ("p", style, num id, literal label, text) and
    ("table", rows of (month, [(num id, label, text)]))."""

    def __init__(self):
        self.blocks = []
        self.num = Numbering()

    def para(self, style, numid, label, text):
        self.blocks.append(("p", style, numid, label, text))

    def meta(self, meta):
        get = lambda k: (meta.find(NS + k).text if meta.find(NS + k) is not None else None)
        if get("title"):
            self.para("Title", None, "", get("title"))
        for k in ("organization", "docnumber"):
            # an organisation the title names is not a line of its own
            if get(k) and not (k == "organization" and get("title") and get(k) in get("title")):
                self.para(None, None, "", get(k))
        if get("author"):
            self.para(None, None, "", "作者：" + get("author") +
                      (" " + get("issued") if get("issued") else ""))

    def body(self, parent, pid):
        for e in parent:
            tag = e.tag[len(NS):]
            num = int(e.get("number")) if e.get("number") else None
            if tag == "section":
                numid, lit = self.num.label(pid, e.get("label"), num)
                h = e.find(NS + "heading")
                style = "Heading%d" % int(e.get("level", "1")) if e.get("level") else None
                if numid is None and e.get("label") and not lit:
                    lit = e.get("label")
                if h is not None or lit:
                    self.para(style, numid, lit, "".join(h.itertext()) if h is not None else "")
                self.body(e, id(e))
            elif tag in ("item", "note"):
                numid, lit = self.num.label(pid, e.get("label"), num)
                self.para(None, numid, lit, text_of(e))
            elif tag == "p":
                self.para(None, None, e.get("label") or "", "".join(e.itertext()))
            elif tag == "schedule":
                self.schedule(e)

    def schedule(self, s):
        h = s.find(NS + "heading")
        if h is not None:
            for line in "".join(h.itertext()).split("\n"):
                self.para(None, None, "", line)
        rows = []
        for m in s.findall(NS + "month"):
            acts = []
            for a in m.findall(NS + "activity"):
                num = int(a.get("number")) if a.get("number") else None
                numid, lit = self.num.label(id(m), a.get("label"), num)
                acts.append((numid, lit, "".join(a.itertext())))
            rows.append((m.get("label").rstrip("：:"), acts))
        self.blocks.append(("table", rows))


# ---------------------------------------------------------------------------
# WordprocessingML

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def w_run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(text)


def w_para(style, numid, label, text, tracked=False, n=0):
    ppr = ""
    if style:
        ppr += '<w:pStyle w:val="%s"/>' % style
    if numid:
        ppr += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr>' % numid
    runs = w_run(label) if label else ""
    if tracked and n % 3 == 1 and len(text) > 8:
        half = len(text) // 2
        runs += (w_run(text[:half]) +
                 '<w:del w:id="%d" w:author="a" w:date="2012-09-01T00:00:00Z"><w:r>'
                 '<w:delText>此处删去的文字</w:delText></w:r></w:del>' % (1000 + n) +
                 '<w:ins w:id="%d" w:author="a" w:date="2012-09-01T00:00:00Z">%s</w:ins>'
                 % (2000 + n, w_run(text[half:])))
    elif text:
        runs += w_run(text)
    return "<w:p>%s%s</w:p>" % ("<w:pPr>%s</w:pPr>" % ppr if ppr else "", runs)


def w_cell(paras, width, merge=None):
    pr = '<w:tcW w:w="%d" w:type="dxa"/>' % width
    if merge:
        pr += '<w:vMerge w:val="restart"/>' if merge == "restart" else "<w:vMerge/>"
    return "<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (pr, "".join(paras) or "<w:p/>")


def w_table(rows, merged):
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
           '</w:tblPr><w:tblGrid><w:gridCol w:w="1800"/><w:gridCol w:w="7000"/></w:tblGrid>',
           "<w:tr>%s%s</w:tr>" % (w_cell([w_para(None, None, "", "月份")], 1800),
                                  w_cell([w_para(None, None, "", "工作内容")], 7000))]
    for month, acts in rows:
        paras = [w_para(None, numid, lit, text) for numid, lit, text in acts]
        if merged and len(paras) > 1:
            for i, p in enumerate(paras):
                m = w_cell([w_para(None, None, "", month)] if i == 0 else [], 1800,
                           "restart" if i == 0 else "continue")
                out.append("<w:tr>%s%s</w:tr>" % (m, w_cell([p], 7000)))
        else:
            out.append("<w:tr>%s%s</w:tr>" % (w_cell([w_para(None, None, "", month)], 1800),
                                              w_cell(paras, 7000)))
    out.append("</w:tbl>")
    return "".join(out)


def w_extras():
    """What --tracked adds before the body: a table of contents (a field
    whose result must go), a comment, a footnote reference and a text box."""
    return ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
            ' TOC \\o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:t>目录一、指导思想</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


def w_extras_inline():
    return ('<w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
            '<w:r><w:footnoteReference w:id="1"/></w:r>'
            '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
            '<w:txbxContent><w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p></w:txbxContent>'
            '</v:textbox></v:shape></w:pict></w:r>')


def docx_parts(plans, merged, tracked):
    body = [w_extras()] if tracked else []
    n = 0
    for plan in plans:
        for b in plan.blocks:
            if b[0] == "table":
                body.append(w_table(b[1], merged))
            else:
                n += 1
                p = w_para(*b[1:], tracked=tracked, n=n)
                if tracked and n == 2:
                    p = p.replace("</w:p>", w_extras_inline() + "</w:p>")
                body.append(p)
    sect = ('<w:sectPr>%s<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
            % ('<w:footerReference w:type="default" r:id="rIdFooter"/>' if tracked else ""))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s %s><w:body>\n%s\n%s'
           '</w:body></w:document>\n' % (W, R, "\n".join(body), sect))
    absts, nums = [], []
    seen = set()
    for plan in plans:
        for (lvltext, fmt), absid in plan.num.shapes.items():
            pass
    # one numbering part for all plans: renumber the ids of later plans
    base_abs = base_num = 0
    for plan in plans:
        for (lvltext, fmt), absid in sorted(plan.num.shapes.items(), key=lambda kv: kv[1]):
            absts.append('<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="singleLevel"/>'
                         '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="%s"/>'
                         '%s<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/>'
                         '</w:lvl></w:abstractNum>' % (base_abs + absid, fmt,
                                                        # Word's default suffix is a tab; Chinese labels
                                                        # are typed closed up
                                                        '<w:suff w:val="nothing"/>' if fmt == "chineseCounting" else "",
                                                        escape(lvltext, {'"': "&quot;"})))
        for numid, absid, start in plan.num.nums:
            nums.append('<w:num w:numId="%d"><w:abstractNumId w:val="%d"/><w:lvlOverride w:ilvl="0">'
                        '<w:startOverride w:val="%d"/></w:lvlOverride></w:num>'
                        % (base_num + numid, base_abs + absid, start))
        base_abs += len(plan.num.shapes)
        base_num += len(plan.num.nums)
    numbering = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering %s>\n%s\n%s\n'
                 '</w:numbering>\n' % (W, "\n".join(absts), "\n".join(nums)))
    return doc, numbering


def renumber_later_plans(plans):
    """Num ids of each plan after the first are offset in its blocks."""
    base = 0
    for plan in plans:
        if base:
            plan.blocks = [renum_block(b, base) for b in plan.blocks]
        base += len(plan.num.nums)


def renum_block(b, base):
    if b[0] == "p":
        return ("p", b[1], b[2] + base if b[2] else None, b[3], b[4])
    return ("table", [(m, [(n + base if n else None, l, t) for n, l, t in acts]) for m, acts in b[1]])


STYLES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles %s>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>
</w:styles>
''' % W

CONTENT_TYPES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
%s</Types>
'''

RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>
'''

DOC_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
%s</Relationships>
'''

FOOTER = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr %s><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>
''' % W


def write_docx(plans, out, merged, tracked):
    renumber_later_plans(plans)
    doc, numbering = docx_parts(plans, merged, tracked)
    files = {
        "[Content_Types].xml": CONTENT_TYPES % (
            '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.footer+xml"/>\n' if tracked else ""),
        "_rels/.rels": RELS,
        "word/_rels/document.xml.rels": DOC_RELS % (
            '<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/footer" Target="footer1.xml"/>\n' if tracked else ""),
        "word/document.xml": doc,
        "word/styles.xml": STYLES,
        "word/numbering.xml": numbering,
    }
    if tracked:
        files["word/footer1.xml"] = FOOTER
    return files


# ---------------------------------------------------------------------------
# OpenDocument

O_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
ODF_FMT = {"chineseCounting": "一, 二, 三, ...", "decimal": "1",
           "decimalEnclosedCircle": "①, ②, ③, ...", "decimalEnclosedParen": "1"}


class OdtLists:
    """One list style per label shape; a group's first item starts a list,
    the others continue it (text:continue-numbering)."""

    def __init__(self, plans):
        self.style = {}    # (plan index, num id) -> style name
        self.started = set()
        self.styles = []
        for i, plan in enumerate(plans):
            shapes = {absid: sh for sh, absid in plan.num.shapes.items()}
            for numid, absid, start in plan.num.nums:
                lvltext, fmt = shapes[absid]
                name = "L%d_%d" % (i, absid)
                self.style[(i, numid)] = (name, start)
                if name not in [s[0] for s in self.styles]:
                    pre, suf = lvltext.split("%1")
                    self.styles.append((name, ODF_FMT.get(fmt, "1"), pre, suf))

    def wrap(self, i, numid, inner):
        name, start = self.style[(i, numid)]
        first = (i, numid) not in self.started
        self.started.add((i, numid))
        attrs = 'text:style-name="%s"' % name
        if not first:
            attrs += ' text:continue-numbering="true"'
        item = '<text:list-item%s>' % (' text:start-value="%d"' % start if first and start != 1 else "")
        return "<text:list %s>%s%s</text:list-item></text:list>" % (attrs, item, inner)


def o_para(style, label, text):
    tag = "text:h" if style and style.startswith("Heading") else "text:p"
    attrs = ' text:outline-level="%s"' % style[7:] if tag == "text:h" else ""
    return "<%s%s>%s</%s>" % (tag, attrs, escape(label + text), tag)


def o_table(i, rows, lists):
    out = ['<table:table table:name="行事历"><table:table-column table:number-columns-repeated="2"/>',
           "<table:table-row><table:table-cell><text:p>月份</text:p></table:table-cell>"
           "<table:table-cell><text:p>工作内容</text:p></table:table-cell></table:table-row>"]
    for month, acts in rows:
        cell = "".join(lists.wrap(i, n, o_para(None, "", t)) if n else o_para(None, l, t)
                       for n, l, t in acts)
        out.append("<table:table-row><table:table-cell><text:p>%s</text:p></table:table-cell>"
                   "<table:table-cell>%s</table:table-cell></table:table-row>" % (escape(month), cell))
    out.append("</table:table>")
    return "".join(out)


def write_odt(plans, out):
    lists = OdtLists(plans)
    body = []
    for i, plan in enumerate(plans):
        for b in plan.blocks:
            if b[0] == "table":
                body.append(o_table(i, b[1], lists))
            elif b[2]:
                body.append(lists.wrap(i, b[2], o_para(b[1], "", b[4])))
            else:
                body.append(o_para(b[1], b[3], b[4]))
    styles = "".join(
        '<text:list-style style:name="%s"><text:list-level-style-number text:level="1" '
        'style:num-format="%s" style:num-prefix="%s" style:num-suffix="%s"/></text:list-style>'
        % (name, fmt, escape(pre, {'"': "&quot;"}), escape(suf, {'"': "&quot;"}))
        for name, fmt, pre, suf in lists.styles)
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s office:version="1.3">'
               '<office:automatic-styles>%s</office:automatic-styles><office:body><office:text>\n%s\n'
               '</office:text></office:body></office:document-content>\n' % (O_NS, styles, "\n".join(body)))
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">\n'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.text"/>\n<manifest:file-entry manifest:full-path='
                '"content.xml" manifest:media-type="text/xml"/>\n</manifest:manifest>\n')
    return {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content,
            "META-INF/manifest.xml": manifest}


def main(argv):
    odt = "--odt" in argv
    merged = "--merged" in argv
    tracked = "--tracked" in argv
    args = [a for a in argv if not a.startswith("--")]
    seed, out = args
    root = ET.parse(seed).getroot()
    plan_elems = [root] if root.tag == NS + "plan" else root.findall(NS + "plan")
    plans = []
    for pe in plan_elems:
        plan = Plan()
        plan.meta(pe.find(NS + "meta"))
        plan.body(pe, id(pe))
        plans.append(plan)
    files = write_odt(plans, out) if odt else write_docx(plans, out, merged, tracked)
    for name, data in files.items():
        path = os.path.join(out, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(data)


if __name__ == "__main__":
    main(sys.argv[1:])
