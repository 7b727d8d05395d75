#!/usr/bin/env python3
"""doc/json.md and the JSON Schema describe the same shape (tests/check-schema-doc.sh).

    check-json-doc.py SCHEMA.json PAGE.md            check
    check-json-doc.py --write SCHEMA.json PAGE.md    copy the page's texts into the schema

The page's member tables (the document, a plan, `meta`) list exactly the
properties of those objects in the schema, in order (a `*_position`
member is named in the text instead), and each property's
"description" is the table's text with the Markdown backticks removed.  The
table of node kinds lists, for each kind, exactly the members its $defs
entry has after "kind" (the position members aside), in order.
"""

import json
import re
import sys

OBJECTS = {"## The document": None, "## A plan": "plan", "`meta`:": "meta"}
POSITIONAL = re.compile(r"^(position|.*_position|file)$")


def tables(page):
    """(object, [(member, text)]) for each member table, and {kind: [members]}."""
    found, kinds, where, lines = [], {}, None, page.split("\n")
    for i, line in enumerate(lines):
        if line.strip() in OBJECTS:
            where = line.strip()
        if line.startswith("| member | value |") and where:
            rows = []
            for row in lines[i + 2:]:
                if not row.startswith("|"):
                    break
                cells = [c.strip() for c in row.strip().strip("|").split("|")]
                rows.append((cells[0].strip("`"), " | ".join(cells[1:])))
            found.append((OBJECTS[where], rows))
            where = None
        if line.startswith("| kind | members after `kind` |"):
            for row in lines[i + 2:]:
                if not row.startswith("|"):
                    break
                kind, members = [c.strip() for c in row.strip().strip("|").split("|")]
                members = re.sub(r"\([^)]*\)", "", members)
                kinds[kind.strip("`")] = re.findall(r"`([a-z_]+)`", members)
    return found, kinds


def plain(text):
    return text.replace("`", "")


def check(schema, page, write):
    found, kinds = tables(page)
    errors = []
    if [o for o, _ in found] != list(OBJECTS.values()):
        errors.append("the page lacks a member table of the document, a plan or meta")
    for obj, rows in found:
        props = (schema if obj is None else schema["$defs"][obj])["properties"]
        label = obj or "the document"
        listed = [m for m in props if not m.endswith("_position")]
        if [m for m, _ in rows] != listed:
            errors.append("%s: the page lists %s, the schema %s" % (label, [m for m, _ in rows], listed))
        for m in props:
            if m.endswith("_position") and "`%s`" % m not in page:
                errors.append("%s.%s: the page does not mention it" % (label, m))
        for member, text in rows:
            if member not in props:
                continue
            if write:
                props[member]["description"] = plain(text)
            elif props[member].get("description") != plain(text):
                errors.append("%s.%s: the schema's description %r is not the page's %r"
                              % (label, member, props[member].get("description"), plain(text)))
    node_kinds = [k for k in ("p", "section", "item", "schedule", "month", "activity", "note")]
    if sorted(kinds) != sorted(node_kinds):
        errors.append("the page's table of node kinds lists %s" % sorted(kinds))
    for kind, members in kinds.items():
        d = schema["$defs"].get(kind, {}).get("properties", {})
        if d.get("kind", {}).get("const") != kind:
            errors.append("%s: no $defs entry whose kind is %r" % (kind, kind))
        want = [m for m in d if m != "kind" and not POSITIONAL.match(m)]
        if members != want:
            errors.append("%s: the page lists %s, the schema %s" % (kind, members, want))
    return errors


def main(argv):
    write = len(argv) > 1 and argv[1] == "--write"
    args = argv[2:] if write else argv[1:]
    if len(args) != 2:
        print("usage: check-json-doc.py [--write] SCHEMA.json PAGE.md", file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as f:
        schema = json.load(f)
    with open(args[1], encoding="utf-8") as f:
        page = f.read()
    errors = check(schema, page, write)
    if write and not errors:
        with open(args[0], "w", encoding="utf-8") as f:
            f.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    for e in errors:
        print("FAIL:", e)
    if not errors and not write:
        print("%s and %s describe the same members" % (args[1], args[0]))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
