#!/usr/bin/env python3
"""Compare the structure of two plan documents (XML): plans, sections,
items, paragraphs, notes, months, activities with their labels, numbers,
levels, roles, months, years, dates and holidays, and the text without
layout spaces. What only says where a plan came from (meta/source) is
left out, and so is a month label's closing colon (a table cell says 九月
where a text line says 九月：). Prints the first differences; exit 1 if any.

    office-compare.py EXPECTED.xml ACTUAL.xml
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{urn:unionplan:1}"
ATTRS = ("label", "number", "level", "role", "month", "to", "year", "date", "holiday",
         "relation", "kind", "start", "end")


def norm(s):
    return re.sub(r"\s+", "", s or "")


def walk(e, depth, out):
    tag = e.tag[len(NS):] if e.tag.startswith(NS) else e.tag
    if tag == "source":
        return
    attrs = []
    for a in ATTRS:
        v = e.get(a)
        if v is None:
            continue
        if tag == "month" and a == "label":
            v = v.rstrip("：:")
        attrs.append("%s=%s" % (a, v))
    out.append("%s%s %s | %s" % ("  " * depth, tag, " ".join(attrs), norm(e.text)))
    for k in e:
        walk(k, depth + 1, out)
        if norm(k.tail):
            out.append("%s#tail | %s" % ("  " * (depth + 1), norm(k.tail)))


def listing(path):
    out = []
    walk(ET.parse(path).getroot(), 0, out)
    return out


def main(a, b):
    x, y = listing(a), listing(b)
    if x == y:
        print("same structure: %d nodes" % len(x))
        return 0
    import difflib
    for line in list(difflib.unified_diff(x, y, a, b, n=1, lineterm=""))[:40]:
        print(line)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
