#!/usr/bin/env python3
"""The element reference of doc/schema.md, from the XSD's own annotations.

    gen-schema-doc.py XSD PAGE.md            rewrite the generated part of PAGE.md
    gen-schema-doc.py --check XSD PAGE.md    exit 1 (with a diff) if it is not current

The generated part lies between the lines GENERATED_BEGIN and GENERATED_END
below; the rest of the page is prose kept by hand.  Every element, attribute
and simple type of the schema must carry an xs:documentation (exit 1 names
those that do not): that text is the page's description of it, and the
content models and attribute lists are read from the schema itself, so the
page and the schema cannot drift apart (tests/check-schema-doc.sh).
"""

import difflib
import re
import sys
import xml.etree.ElementTree as ET

XS = "{http://www.w3.org/2001/XMLSchema}"
GENERATED_BEGIN = "<!-- generated from the XSD's xs:documentation by tools/gen-schema-doc.py: edit the XSD, then run it -->"
GENERATED_END = "<!-- end of the generated part -->"


def doc_of(node):
    d = node.find(XS + "annotation/" + XS + "documentation")
    if d is None or not (d.text or "").strip():
        return None
    return " ".join(d.text.split())


def occurs(node):
    lo, hi = node.get("minOccurs", "1"), node.get("maxOccurs", "1")
    return {("1", "1"): "", ("0", "1"): "?", ("0", "unbounded"): "*",
            ("1", "unbounded"): "+"}.get((lo, hi), "{%s,%s}" % (lo, hi))


class Schema:
    def __init__(self, path):
        self.root = ET.parse(path).getroot()
        self.groups = {g.get("name"): g for g in self.root.findall(XS + "group")}
        self.types = [t for t in self.root.findall(XS + "simpleType")]
        self.missing = []

    def particle(self, node):
        """A content model as text: `a`, then (`b` | `c`)*."""
        tag = node.tag[len(XS):]
        if tag == "element":
            return "`%s`%s" % (node.get("ref") or node.get("name"), occurs(node))
        if tag == "group":
            inner = self.groups[node.get("ref")][0]
            return self.wrap(self.particle(inner), occurs(node), len(inner) > 1)
        parts = [self.particle(c) for c in node if c.tag != XS + "annotation"]
        # one part that is itself a list of parts (a repeated sequence of
        # one choice) is bracketed like several
        several = len(parts) > 1 or (len(parts) == 1 and (" | " in parts[0] or
                                                          ", then " in parts[0]))
        if tag == "sequence":
            return self.wrap(", then ".join(parts), occurs(node), several)
        return self.wrap(" | ".join(parts), occurs(node), several)

    @staticmethod
    def wrap(text, occ, several):
        if occ and several and not (text.startswith("(") and text.endswith(")")):
            return "(%s)%s" % (text, occ)
        return text + occ

    def content(self, el):
        ct = el.find(XS + "complexType")
        if ct is None:
            return "text"
        if ct.find(XS + "simpleContent") is not None:
            return "text"
        model = [c for c in ct if c.tag in (XS + "sequence", XS + "choice", XS + "group")]
        text = self.particle(model[0]) if model else "empty"
        return ("its own text, and " + text) if ct.get("mixed") == "true" else text

    def attributes(self, el):
        ct = el.find(XS + "complexType")
        if ct is None:
            return []
        rows = []
        for a in ct.iter():
            if a.tag == XS + "attribute":
                name = a.get("name")
                kind = a.get("type", "")
                kind = kind[3:] if kind.startswith("xs:") else "[%s](#%s)" % (kind, kind.lower())
                use = "required" if a.get("use") == "required" else "optional"
            elif a.tag == XS + "anyAttribute":
                name, kind, use = "xml:*", "", "optional"
            else:
                continue
            d = doc_of(a)
            if d is None:
                self.missing.append("attribute %s of %s" % (name, el.get("name")))
            rows.append("| `%s` | %s | %s | %s |" % (name, kind, use, d or ""))
        return rows

    def element(self, el):
        name, d = el.get("name"), doc_of(el)
        if d is None:
            self.missing.append("element " + name)
        out = ["### `%s`" % name, "", d or "", "", "Content: %s." % self.content(el), ""]
        rows = self.attributes(el)
        if rows:
            out += ["| attribute | type | use | meaning |", "|---|---|---|---|"] + rows + [""]
        return out

    def simple_type(self, t):
        name, d = t.get("name"), doc_of(t)
        if d is None:
            self.missing.append("simple type " + name)
        values = [e.get("value") for e in t.iter(XS + "enumeration")]
        out = ["### %s" % name, "", d or ""]
        if values:
            out += ["", "Values: " + ", ".join("`%s`" % v for v in values) + "."]
        return out + [""]

    def markdown(self):
        out = [GENERATED_BEGIN, "", "## Elements", ""]
        for el in self.root.iter(XS + "element"):
            if el.get("name"):
                out += self.element(el)
        out += ["## Types", ""]
        for t in self.types:
            out += self.simple_type(t)
        return "\n".join(out) + GENERATED_END + "\n"


def splice(page, generated):
    m = re.search(re.escape(GENERATED_BEGIN) + ".*?" + re.escape(GENERATED_END) + "\n", page, re.S)
    if not m:
        raise ValueError("the page has no generated part (%s ... %s)" % (GENERATED_BEGIN, GENERATED_END))
    return page[:m.start()] + generated + page[m.end():]


def main(argv):
    check = len(argv) > 1 and argv[1] == "--check"
    args = argv[2:] if check else argv[1:]
    if len(args) != 2:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    schema = Schema(args[0])
    generated = schema.markdown()
    if schema.missing:
        for m in schema.missing:
            print("%s: no xs:documentation for the %s" % (args[0], m), file=sys.stderr)
        return 1
    with open(args[1], encoding="utf-8") as f:
        page = f.read()
    try:
        want = splice(page, generated)
    except ValueError as e:
        print("%s: %s" % (args[1], e), file=sys.stderr)
        return 1
    if not check:
        if want != page:
            with open(args[1], "w", encoding="utf-8") as f:
                f.write(want)
        return 0
    if want == page:
        print("%s documents every element, attribute and type of %s as its annotations say" % (args[1], args[0]))
        return 0
    sys.stdout.writelines(difflib.unified_diff(page.splitlines(True), want.splitlines(True),
                                               args[1], args[1] + " (from the XSD)"))
    print("%s differs from the XSD's annotations: run tools/gen-schema-doc.py %s %s" % (args[1], args[0], args[1]))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
