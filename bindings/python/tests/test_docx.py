"""Document.to_docx() and Word files through unionplan.import_text.

Known answers: seed 000 has 26 activities in five months (September to
January) and its first heading is 一、指导思想; a .docx is a ZIP archive
(PK\\3\\4) holding word/document.xml. The same document gives the same
bytes each time (the archive's times are fixed).
"""
import io
import unittest
import zipfile

import unionplan

from uplsupport import example


class ToDocx(unittest.TestCase):
    def setUp(self):
        self.doc = unionplan.load(example(0))

    def test_bytes_of_a_word_file(self):
        data = self.doc.to_docx()
        self.assertIsInstance(data, bytes)
        self.assertEqual(data[:4], b"PK\x03\x04")
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            body = z.read("word/document.xml").decode("utf-8")
        self.assertIn("一、指导思想", body)
        self.assertIn('w:pStyle w:val="Heading1"', body)
        self.assertEqual(self.doc.to_docx(), data)

    def test_imports_back(self):
        back, _notes = unionplan.import_text(self.doc.to_docx())
        acts = list(back[0].activities())
        self.assertEqual(len(acts), 26)
        self.assertEqual([m.month for m in back[0].schedule], [9, 10, 11, 12, 1])
        self.assertEqual(back[0].title, self.doc[0].title)

    def test_renumber(self):
        with zipfile.ZipFile(io.BytesIO(self.doc.to_docx(renumber=True))) as z:
            body = z.read("word/document.xml").decode("utf-8")
        self.assertNotIn(">2.组织迎新春", body)  # the duplicate 2. is mended

    def test_refused_word_97(self):
        with self.assertRaises(unionplan.Error) as cm:
            unionplan.import_text(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(1024))
        self.assertIn(".docx", str(cm.exception))


if __name__ == "__main__":
    unittest.main()
