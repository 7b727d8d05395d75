"""Check `unionplan export` output with real parsers: Python's json (strict:
no duplicate keys, no NaN) and jsonschema against unionplan-1.schema.json.

    check-json-export.py CLI SCHEMA FILE...

For every FILE: the JSON parses and validates against the schema, with and
without --positions; its activities are as many as the model's (as
`unionplan summary` counts them); and the texts of its paragraphs, notes,
activities, items, headings, labels and metadata are exactly those of the
XML (read by ElementTree), byte for byte, the activities in document order. Then all FILEs as
JSON Lines: one line per FILE, each the same document. Prints one TAP-like
line per check; exits 1 on any failure.
"""
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import jsonschema

NS = "{urn:unionplan:1}"
fails = 0


def report(ok, what):
    global fails
    print(("ok - " if ok else "FAIL - ") + what)
    if not ok:
        fails += 1


def strict_pairs(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate key in %r" % keys)
    return dict(pairs)


def no_constant(name):
    raise ValueError("not JSON: " + name)


def loads(text):
    return json.loads(text, object_pairs_hook=strict_pairs, parse_constant=no_constant)


def run(*args):
    return subprocess.run(args, capture_output=True, check=False)


def xml_texts(path):
    """(what, text) for every text the XML holds, in document order."""
    out = []
    with open(path, "rb") as f:
        data = f.read()
    decl = re.match(rb'<\?xml[^>]*encoding="([^"]+)"[^>]*\?>', data)
    if decl and decl.group(1).lower() not in (b"utf-8", b"utf8"):
        # ElementTree reads no multi-byte encoding but UTF-8: decode here
        data = data[decl.end():].decode(decl.group(1).decode("ascii"))
    for el in ET.fromstring(data).iter():
        tag = el.tag[len(NS):]
        for attr in ("label", "file", "encoding"):
            if attr in el.attrib:
                out.append((tag + "@" + attr, el.attrib[attr]))
        if tag in ("p", "note", "activity", "heading", "title", "organization",
                   "author", "docnumber", "period", "issued"):
            out.append((tag, el.text or ""))
        elif tag == "item" and len(el) == 0:
            out.append(("item", el.text or ""))
    return out


def json_texts(doc):
    out = []

    def node(n):
        kind = n["kind"]
        if n.get("label") is not None:
            out.append((kind + "@label", n["label"]))
        if n.get("heading") is not None:
            out.append(("heading", n["heading"]))
        if kind in ("p", "note", "activity") or \
                (kind == "item" and n["heading"] is None and not n["children"]):
            out.append((kind, n["text"] or ""))
        for c in n.get("children", []):
            node(c)

    for plan in doc["plans"]:
        m = plan["meta"]
        for k in ("title", "organization"):
            if m[k] is not None:
                out.append((k, m[k]))
        out.extend(("author", a) for a in m["authors"])
        if m["docnumber"] is not None:
            out.append(("docnumber", m["docnumber"]))
        if m["period"] is not None:
            out.append(("period", m["period"]["text"] or ""))
        if m["issued"] is not None:
            out.append(("issued", m["issued"]["text"] or ""))
        if m["source"] is not None:
            for k in ("file", "encoding"):
                if m["source"][k] is not None:
                    out.append(("source@" + k, m["source"][k]))
        for n in plan["body"]:
            node(n)
    return out


def activities(doc):
    def count(nodes):
        return sum((n["kind"] == "activity") + count(n.get("children", [])) for n in nodes)
    return sum(count(p["body"]) for p in doc["plans"])


def model_activities(cli, path):
    out = run(cli, "summary", path).stdout.decode()
    return sum(int(n) for n in re.findall(r"month entries, (\d+) activities", out))


def check_file(cli, validator, path):
    docs = {}
    for flags in ([], ["--positions"]):
        what = "%s %s" % (path, " ".join(flags) or "")
        res = run(cli, "export", "--to=json", *flags, path)
        if res.returncode != 0:
            report(False, what + ": exit %d: %s" % (res.returncode, res.stderr.decode()[:200]))
            continue
        try:
            doc = loads(res.stdout.decode("utf-8", errors="strict"))
        except ValueError as e:
            report(False, what + ": not JSON: %s" % e)
            continue
        report(True, what + ": JSON")
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        report(not errors, what + ": valid against the schema" +
               ("" if not errors else ": %s at %s" % (errors[0].message[:150], list(errors[0].path))))
        docs[bool(flags)] = doc
    if False not in docs:
        return None
    doc = docs[False]
    n, want = activities(doc), model_activities(cli, path)
    report(n == want, "%s: %d activities, as the model (%d)" % (path, n, want))
    got, exp = json_texts(doc), xml_texts(path)
    same = sorted(got) == sorted(exp) and [t for _, t in got if _ == "activity"] == \
        [t for _, t in exp if _ == "activity"]
    report(same, "%s: %d texts intact, activities in order" % (path, len(got)))
    if not same:
        for a, b in zip(sorted(got), sorted(exp)):
            if a != b:
                print("  # json %r\n  # xml  %r" % (a, b))
                break
    return doc


def main():
    cli, schema_path, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(schema_path, encoding="utf-8") as f:
        schema = loads(f.read())
    jsonschema.Draft202012Validator.check_schema(schema)
    report(True, "the schema is a valid draft 2020-12 schema")
    validator = jsonschema.Draft202012Validator(schema)
    docs = [check_file(cli, validator, p) for p in files]
    res = run(cli, "export", "--to=jsonl", *files)
    lines = res.stdout.decode("utf-8").split("\n")
    report(res.returncode == 0 and lines[-1] == "" and len(lines) - 1 == len(files),
           "jsonl: one line per file (%d)" % len(files))
    for path, doc, line in zip(files, docs, lines):
        obj = loads(line)
        report(obj == doc, "jsonl: %s is the same document on one line" % path)
    print("%d failed" % fails)
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
