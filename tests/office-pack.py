#!/usr/bin/env python3
"""Zip the parts kept as text in a fixture directory (tests/data/office/NAME)
into a .docx or .odt, reproducibly (fixed times, sorted names; an ODF
mimetype first and stored, as the format asks).

    office-pack.py DIR OUT
"""
import os
import sys
import zipfile


def pack(src, out):
    names = []
    for top, _dirs, files in os.walk(src):
        for f in files:
            names.append(os.path.relpath(os.path.join(top, f), src))
    names.sort(key=lambda n: (n != "mimetype", n))
    with zipfile.ZipFile(out, "w") as z:
        for n in names:
            info = zipfile.ZipInfo(n.replace(os.sep, "/"), date_time=(2012, 9, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if n == "mimetype" else zipfile.ZIP_DEFLATED
            with open(os.path.join(src, n), "rb") as f:
                z.writestr(info, f.read())


if __name__ == "__main__":
    pack(sys.argv[1], sys.argv[2])
