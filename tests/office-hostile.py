#!/usr/bin/env python3
"""Write the hostile containers the importer must refuse, into DIR:

  doc.doc          a Word 97-2003 compound file (OLE2 magic, WordDocument stream name)
  wps.wps          a WPS binary (OLE2 magic, no Word stream)
  encrypted.docx   an encrypted OOXML package (OLE2 with EncryptionInfo/EncryptedPackage)
  zipcrypto.docx   a ZIP whose members carry the encryption flag
  odf-crypt.odt    an OpenDocument text whose manifest has encryption data
  nomain.docx      a ZIP with [Content_Types].xml but no word/document.xml
  nocontent.odt    an OpenDocument mimetype without content.xml
  corrupt.docx     a real .docx cut in half
  notzip.docx      "PK\\3\\4" and garbage
  bomb-ratio.docx  word/document.xml of 32 MiB of one byte (ratio > 100)
  bomb-total.docx  80 members of 1000 KiB each (80 MB unpacked, each under the ratio floor)
  dtd.docx         word/document.xml with a DOCTYPE and an entity
  badxml.docx      word/document.xml not well-formed

    office-hostile.py GOOD.docx DIR
"""
import os
import struct
import sys
import zipfile

T = (2012, 9, 1, 0, 0, 0)


def ole2(names):
    head = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 + struct.pack("<HH", 0x3E, 3)
    head += b"\xfe\xff" + struct.pack("<H", 9) + b"\0" * (512 - len(head) - 4)
    body = b"".join(n.encode("utf-16-le").ljust(64, b"\0") + b"\0" * 64 for n in names)
    return head + body.ljust(512 * 3, b"\0")


def zipped(path, members, deflate=True):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=T)
            info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
            z.writestr(info, data)


def flag_encrypted(path):
    """Set bit 0 (encrypted) of every local and central header's flags."""
    data = bytearray(open(path, "rb").read())
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = data.find(sig)
        while i >= 0:
            data[i + off] |= 1
            i = data.find(sig, i + 4)
    open(path, "wb").write(bytes(data))


DOC = ('<?xml version="1.0" encoding="UTF-8"?>%s<w:document xmlns:w="http://schemas.'
       'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>%s</w:t></w:r>'
       '</w:p></w:body></w:document>')
CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def main(good, out):
    os.makedirs(out, exist_ok=True)
    p = lambda n: os.path.join(out, n)
    open(p("doc.doc"), "wb").write(ole2(["Root Entry", "WordDocument", "1Table"]))
    open(p("wps.wps"), "wb").write(ole2(["Root Entry", "WpsContent"]))
    open(p("encrypted.docx"), "wb").write(ole2(["Root Entry", "EncryptionInfo", "EncryptedPackage"]))
    zipped(p("zipcrypto.docx"), [("[Content_Types].xml", CT), ("word/document.xml", DOC % ("", "字"))])
    flag_encrypted(p("zipcrypto.docx"))
    zipped(p("odf-crypt.odt"), [("mimetype", "application/vnd.oasis.opendocument.text"),
                                ("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:'
                                 'names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:'
                                 'full-path="content.xml"><manifest:encryption-data/></manifest:file-entry>'
                                 '</manifest:manifest>'),
                                ("content.xml", "\x00\x01garbage")], deflate=False)
    zipped(p("nomain.docx"), [("[Content_Types].xml", CT), ("word/styles.xml", "<x/>")])
    zipped(p("nocontent.odt"), [("mimetype", "application/vnd.oasis.opendocument.text")], deflate=False)
    data = open(good, "rb").read()
    open(p("corrupt.docx"), "wb").write(data[: len(data) // 2])
    open(p("notzip.docx"), "wb").write(b"PK\x03\x04" + b"\xff" * 200)
    zipped(p("bomb-ratio.docx"), [("[Content_Types].xml", CT),
                                  ("word/document.xml", DOC % ("", "a") + " " * (32 << 20))])
    zipped(p("bomb-total.docx"), [("[Content_Types].xml", CT), ("word/document.xml", DOC % ("", "a"))] +
           [("word/media/m%02d.bin" % i, b"\0" * (1000 << 10)) for i in range(80)])
    zipped(p("dtd.docx"), [("[Content_Types].xml", CT),
                           ("word/document.xml", DOC % ('<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
                                                        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>', "&b;"))])
    zipped(p("badxml.docx"), [("[Content_Types].xml", CT), ("word/document.xml", "<w:document><w:body>")])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
