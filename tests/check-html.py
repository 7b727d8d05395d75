"""The HTML export read back by Python's html.parser (tests/check-html.sh).

Usage: check-html.py CLI FILE.xml...

For every FILE, as `unionplan export --to=html` writes it, and again with
--diagnostics and with --renumber: the page parses as well-formed HTML
(every element that is not void closed, in order; nothing after </html>),
has one <html lang>, zh-CN or zh-Hant, refers to nothing outside itself
(no src=, no href= but "#id", no <link>, <script>, url( or @import), each
href="#id" names exactly one element of the page, and it holds one row
per month and one list item per activity of the XML (its canonical form,
`unionplan format`), each activity's text
(whitespace as written) intact. Prints TAP-like lines and a closing
"N passed, N failed".
"""
import html.parser
import subprocess
import sys
import xml.etree.ElementTree as ET

from tapcheck import check, finish

NS = "{urn:unionplan:1}"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}


class Page(html.parser.HTMLParser):
    """Collects what the checks need and the first well-formedness error."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.error, self.closed = [], None, False
        self.ids, self.links, self.external, self.langs = [], [], [], []
        self.months = self.activities = 0
        self.li_text, self.in_activity = [], 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.closed and self.error is None:
            self.error = "<%s> after </html>" % tag
        if tag == "html":
            self.langs.append(a.get("lang"))
        if "id" in a:
            self.ids.append(a["id"])
        for k in ("src", "href", "action", "data", "poster"):
            v = a.get(k)
            if v is not None and (k != "href" or not v.startswith("#")):
                self.external.append("%s=%s" % (k, v))
            elif v is not None:
                self.links.append(v[1:])
        if tag in ("script", "link", "iframe", "object", "img"):
            self.external.append("<%s>" % tag)
        if tag == "tr" and a.get("class") == "month":
            self.months += 1
        if tag == "li" and a.get("class") == "activity":
            self.activities += 1
            self.li_text.append("")
            self.in_activity = len(self.stack) + 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.error is None:
            self.error = "<%s/> is not a void element" % tag

    def handle_endtag(self, tag):
        if tag in VOID:
            if self.error is None:
                self.error = "</%s> closes a void element" % tag
            return
        if not self.stack or self.stack[-1] != tag:
            if self.error is None:
                self.error = "</%s> closes <%s>" % (tag, self.stack[-1] if self.stack else "nothing")
            return
        if self.in_activity and len(self.stack) == self.in_activity:
            self.in_activity = 0
        self.stack.pop()
        if tag == "html":
            self.closed = True

    def handle_data(self, data):
        if self.in_activity:
            self.li_text[-1] += data
        if self.closed and data.strip() and self.error is None:
            self.error = "text after </html>"


def activity_texts(root):
    return ["".join(a.itertext()) for a in root.iter(NS + "activity")]


def check_page(path, page, root, how):
    p = Page()
    p.feed(page.decode("utf-8"))
    p.close()
    name = "%s (%s)" % (path, how)
    check(p.error is None and not p.stack and p.closed,
          "%s: well-formed (%s)" % (name, p.error or ("open: %s" % p.stack if p.stack else "")))
    check(p.langs in (["zh-CN"], ["zh-Hant"]), "%s: <html lang> %s" % (name, p.langs))
    check(not p.external, "%s: no external reference %s" % (name, p.external[:3]))
    text = page.decode("utf-8")
    check("url(" not in text and "@import" not in text, "%s: no url( or @import" % name)
    dup = sorted({i for i in p.ids if p.ids.count(i) > 1})
    check(not dup, "%s: unique ids %s" % (name, dup[:3]))
    missing = sorted({l for l in p.links if l not in p.ids})
    check(not missing, "%s: every link resolves %s" % (name, missing[:3]))
    months = len(list(root.iter(NS + "month")))
    check(p.months == months, "%s: %d month rows for %d months" % (name, p.months, months))
    texts = activity_texts(root)
    check(p.activities == len(texts),
          "%s: %d activities for %d" % (name, p.activities, len(texts)))
    lost = [t for t, li in zip(texts, p.li_text) if t not in li]
    check(not lost, "%s: activity texts intact %s" % (name, lost[:2]))


def main():
    global CLI
    CLI = sys.argv[1]
    for path in sys.argv[2:]:
        # the canonical UTF-8 form: ElementTree reads no UTF-16 or GB18030
        xml = subprocess.run([CLI, "format", path], check=True, stdout=subprocess.PIPE).stdout
        root = ET.fromstring(xml)
        for how, opts in (("plain", []), ("--diagnostics", ["--diagnostics"]),
                          ("--renumber", ["--renumber"])):
            r = subprocess.run([CLI, "export", "--to=html", *opts, path],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            check(r.returncode == 0, "%s (%s): exit 0" % (path, how))
            check_page(path, r.stdout, root, how)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
