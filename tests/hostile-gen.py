#!/usr/bin/env python3
"""Write the big hostile cases into DIR, each as NAME.<ext> and NAME.expect
(the format tests/check-hostile.py reads). They are generated at test
time, never committed.

    hostile-gen.py DIR
"""

import os
import sys

NS = 'xmlns="urn:unionplan:1"'
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def plan(body, meta="<meta><title>计划</title></meta>"):
    return (HEAD + '<plan %s version="1" xml:lang="zh-Hans">\n%s\n%s\n</plan>\n'
            % (NS, meta, body))


def sections(n):
    """A valid plan of n sections numbered 1..n, one per line."""
    rows = ['<section label="%d." number="%d" level="3"><p>第%d项工作</p></section>' % (i, i, i)
            for i in range(1, n + 1)]
    return plan("\n".join(rows))


def paragraphs(n):
    """A valid plan of n paragraphs, the children of one plan."""
    return plan("\n".join(["<p>第%d段</p>" % i for i in range(n)]))


def nested(depth):
    return plan("<section>" * depth + "</section>" * depth)


def attributes(n):
    attrs = " ".join('a%d="x"' % i for i in range(n))
    return plan('<p %s>text</p>' % attrs)


def bad_attributes(n):
    rows = ['<p bad="1" worse="2">%d</p>' % i for i in range(n)]
    return plan("\n".join(rows))


def quadratic_blowup(size, refs):
    big = "a" * size
    return (HEAD + '<!DOCTYPE plan [<!ENTITY x "%s">]>\n<plan %s version="1" '
            'xml:lang="zh-Hans"><meta><title>%s</title></meta></plan>\n'
            % (big, NS, "&x;" * refs))


def huge_text_node(mib):
    return plan("<p>%s</p>" % ("工" * (mib * 1048576 // 3 + 1)))


def wrapped_lines(n):
    """An importable text whose one paragraph is wrapped into n equal lines."""
    line = "认真贯彻上级工会的工作部署紧紧围绕学校中心工作充分发挥工会的桥梁"
    return ("育才中学工会工作计划\n\n一、指导思想：" + "\n".join([line] * n) + "\n\n"
            "二、主要工作\n1、召开教代会。\n")


CASES = [
    # name, extension of the input (None: no input; "d": a directory),
    # its content (a function giving str or bytes), the expectations
    ("sections-160k", "xml", lambda: sections(160000),
     "args: validate FILE\nstatus: 0\nfirst: -\n"),
    # streamed, every closed node goes: what is left is about 20 bytes for
    # each number (to name the first of a repeated one)
    ("sections-160k-stream", "xml", lambda: sections(160000),
     "args: validate --stream FILE\nstatus: 0\nfirst: -\nmem: 16\n"),
    ("paragraphs-1m-stream", "xml", lambda: paragraphs(1000000),
     "args: validate --stream FILE\nstatus: 0\nfirst: -\nmem: 8\n"),
    ("nesting-1m", "xml", lambda: nested(1000000),
     "args: validate FILE\nstatus: 1\nfirst: Excessive depth in document\n"),
    ("attributes-100k", "xml", lambda: attributes(100000),
     "args: validate FILE\nstatus: 1\nfirst: 4:1: error: start tag with more than 64 "
     "attributes [xml-attributes]\n"),
    ("bad-attributes-100k", "xml", lambda: bad_attributes(100000),
     "args: validate FILE\nstatus: 1\nfirst: 4:4: error: Element 'p', attribute 'bad'\n"),
    ("quadratic-blowup", "xml", lambda: quadratic_blowup(100000, 20000),
     "args: validate FILE\nstatus: 1\nfirst: 2:17: error: entity declaration 'x' refused\n"),
    # a paragraph of 11 MiB: past the one limit for a text node
    # a text node has the document's limit only (doc/security.md): an 11 MiB
    # paragraph is read, as the writer writes it
    ("text-node-11mib", "xml", lambda: huge_text_node(11),
     "args: validate FILE\nstatus: 0\n"),
    ("wrapped-20k", "txt", lambda: wrapped_lines(20000),
     "args: import FILE\nstatus: 0\n"),
    ("line-10mb-ascii", "txt", lambda: "a" * (10 * 1000 * 1000) + "\n",
     "args: import FILE\nstatus: 0\n"),
    ("line-10mb-han", "txt", lambda: "工" * (10 * 1000 * 1000 // 3) + "\n",
     "args: import FILE\nstatus: 0\n"),
    # validate streams: the first byte is a NUL, which XML allows nowhere;
    # the stream reads on (for invalid UTF-8, which would win) only up to
    # the limit (64 MiB), in a window of a few chunks
    ("dev-zero", None, None,
     "args: validate /dev/zero\nstatus: 1\n"
     "first: /dev/zero:1:1: error: character U+0000 is not allowed in XML (a control character) [xml-encoding]\n"
     "mem: 16\n"),
    # read whole, the reader reads up to its limit (64 MiB) before it refuses
    ("dev-zero-in-memory", None, None,
     "args: validate --in-memory /dev/zero\nstatus: 3\n"
     "first: /dev/zero: error: file larger than the limit\nmem: 128\n"),
    ("directory", "d", None,
     "args: validate FILE\nstatus: 3\nfirst: directory.d: error: is a directory\n"),
    ("import-stdin-zero-200m", None, None,
     "args: import -\nstdin: zero 209715200\nstatus: 3\n"
     "first: <stdin>: error: file larger than the limit\nmem: 64\n"),
    ("validate-stdin-zero-200m", None, None,
     "args: validate -\nstdin: zero 209715200\nstatus: 1\n"
     "first: <stdin>:1:1: error: character U+0000 is not allowed in XML (a control character) [xml-encoding]\n"
     "mem: 16\n"),
    # a start tag that never ends, through a pipe: its attributes counted
    # as it comes (it was scanned again whole with every chunk: 37 s); the
    # NUL after its name is refused before the parser sees it, the rest read
    # on to 64 MiB
    ("validate-stdin-open-tag-200m", None, None,
     "args: validate -\nstdin: zero 209715200 <plan\nstatus: 1\n"
     "first: <stdin>:1:6: error: character U+0000 is not allowed in XML (a control character) [xml-encoding]\n"
     "mem: 48\n"),
    ("validate-in-memory-stdin-zero-200m", None, None,
     "args: validate --in-memory -\nstdin: zero 209715200\nstatus: 3\n"
     "first: <stdin>: error: file larger than the limit\nmem: 128\n"),
    # once the parser has stopped, the stream reads on (for invalid UTF-8 or
    # too many attributes, which would win) only up to the limit, keeping a
    # window of what those checks still need
    ("stream-dev-zero", None, None,
     "args: validate --stream /dev/zero\nstatus: 1\n"
     "first: /dev/zero:1:1: error: character U+0000 is not allowed in XML (a control character) [xml-encoding]\n"
     "mem: 16\n"),
    ("stream-stdin-zero-200m", None, None,
     "args: validate --stream -\nstdin: zero 209715200\nstatus: 1\n"
     "first: <stdin>:1:1: error: character U+0000 is not allowed in XML (a control character) [xml-encoding]\n"
     "mem: 16\n"),
]


def write(d, known):
    for name, ext, content, expect in CASES:
        if ext == "d":
            os.makedirs(os.path.join(d, name + ".d"), exist_ok=True)
        elif ext is not None:
            data = content()
            if isinstance(data, str):
                data = data.encode("utf-8")
            with open(os.path.join(d, name + "." + ext), "wb") as f:
                f.write(data)
        with open(os.path.join(d, name + ".expect"), "w", encoding="utf-8") as f:
            f.write(expect)
            if name in known:
                f.write("known: %s\n" % known[name])


# Cases that still fail their bounds, with the point of the issue that
# fixes them; a case that passes while listed here fails the suite.
KNOWN = {
}

if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    os.makedirs(sys.argv[1], exist_ok=True)
    write(sys.argv[1], KNOWN)
