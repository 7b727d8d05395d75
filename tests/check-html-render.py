"""Checks what headless Chromium made of the HTML pages
(tests/check-html-render.sh).

Usage: check-html-render.py WIDTH HEIGHT NAME.png... -- NAME.pdf...

Each PNG must be a valid PNG (signature, chunk CRCs, a zlib stream that
decodes to exactly the rows its header announces) of WIDTH x HEIGHT
pixels, and not blank: at least 0.2% of its pixels dark (text) and as
many light (paper). Each PDF must start with %PDF-, have A4 pages
(595 x 842 points, within a point) and at least one of them. Decoding
uses zlib only, no imaging library. Prints TAP-like lines and a closing
"N passed, N failed".
"""
import re
import struct
import sys
import zlib

from tapcheck import check, finish



def unfilter_row(f, line, prev, bpp):
    """Undo the filter f of one row (a bytearray) given the row above."""
    n = len(line)
    if f == 1:
        for x in range(bpp, n):
            line[x] = (line[x] + line[x - bpp]) & 255
    elif f == 2:
        line[:] = bytes((a + b) & 255 for a, b in zip(line, prev))
    elif f == 3:
        for x in range(n):
            left = line[x - bpp] if x >= bpp else 0
            line[x] = (line[x] + ((left + prev[x]) >> 1)) & 255
    elif f == 4:
        for x in range(n):
            if x >= bpp:
                a, c = line[x - bpp], prev[x - bpp]
            else:
                a = c = 0
            b = prev[x]
            pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - c - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    elif f != 0:
        raise ValueError("filter %d" % f)


def read_png(path):
    """Width, height, bytes per pixel and the decompressed, still filtered
    rows of a non-interlaced 8-bit PNG; every chunk's CRC checked."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("no PNG signature")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        crc, = struct.unpack(">I", data[pos + 8 + n:pos + 12 + n])
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            raise ValueError("bad CRC in %r" % kind)
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        pos += 12 + n
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or interlace != 0 or colour not in (0, 2, 4, 6):
        raise ValueError("unexpected PNG format %r" % (header,))
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(idat)
    if len(raw) != height * (width * bpp + 1):
        raise ValueError("%d bytes of image data for %d rows" % (len(raw), height))
    return width, height, bpp, raw


def ink(raw, width, height, bpp, enough):
    """How many pixels are dark and how many light, row by row from the
    top until both reach enough (decoding in pure Python is slow: a page
    with text shows it in its first rows; a blank one is decoded whole)."""
    stride = width * bpp
    prev = bytearray(stride)
    dark = light = 0
    for y in range(height):
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        unfilter_row(raw[y * (stride + 1)], line, prev, bpp)
        grey = line[0::bpp] if bpp < 3 else line[1::bpp]  # the green channel
        dark += len(grey) - len(grey.translate(None, bytes(range(100))))
        light += len(grey) - len(grey.translate(None, bytes(range(201, 256))))
        if dark >= enough and light >= enough:
            break
        prev = line
    return dark, light


def check_png(path, width, height):
    try:
        w, h, bpp, raw = read_png(path)
    except (OSError, ValueError, zlib.error, TypeError, struct.error) as e:
        check(False, "%s: a valid PNG (%s)" % (path, e))
        return
    check(True, "%s: a valid PNG" % path)
    check((w, h) == (width, height), "%s: %dx%d (want %dx%d)" % (path, w, h, width, height))
    enough = w * h // 500
    dark, light = ink(raw, w, h, bpp, enough)
    check(dark >= enough, "%s: text on it (%d dark pixels, want %d)" % (path, dark, enough))
    check(light >= enough, "%s: paper around it (%d light pixels)" % (path, light))


def check_pdf(path):
    try:
        data = open(path, "rb").read()
    except OSError as e:
        check(False, "%s: readable (%s)" % (path, e))
        return
    check(data.startswith(b"%PDF-"), "%s: a PDF" % path)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    check(len(boxes) >= 1, "%s: %d pages" % (path, len(boxes)))
    a4 = all(abs(float(w) - 595.28) < 1 and abs(float(h) - 841.89) < 1 for w, h in boxes)
    check(a4, "%s: A4 pages %s" % (path, sorted(set(boxes))[:2]))


def main():
    width, height = int(sys.argv[1]), int(sys.argv[2])
    args = sys.argv[3:]
    cut = args.index("--")
    for p in args[:cut]:
        check_png(p, width, height)
    for p in args[cut + 1:]:
        check_pdf(p)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
