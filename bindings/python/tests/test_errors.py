"""Errors: positions, exception types, misuse, and a leak check.

The positions of the malformed inputs were worked out by hand (columns count
code points) and agree with `unionplan validate` and xmllint's lines."""
import datetime
import errno
import gc
import os
import pathlib
import tempfile
import unittest

import unionplan
from unionplan import Activity, Month, Section, Plan, Document

from uplsupport import example, seed_text, rss_pages, cli_validate_lines

D = datetime.date

# a tag mismatch: libxml2 reports it at line 4, column 8 (after "</plan>")
MISMATCH = b'<?xml version="1.0"?>\n<plan xmlns="urn:unionplan:1" version="1">\n  <meta>\n</plan>\n'
# a bare "&" after three Chinese characters: line 4, column 11 in code points
# (byte column 17)
AMPERSAND = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<plan xmlns="urn:unionplan:1" version="1" xml:lang="zh-Hans">\n'
             '  <meta><title>工会计划</title></meta>\n'
             '  <p>教师节 & 表彰</p>\n'
             '</plan>\n').encode("utf-8")
# well-formed but not schema-valid: month="13", its attribute at line 4, column 20
MONTH13 = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
           b'<plan xmlns="urn:unionplan:1" version="1" xml:lang="zh-Hans">\n'
           b'  <meta><title>t</title></meta>\n'
           b'  <schedule><month month="13"><activity>x</activity></month></schedule>\n'
           b'</plan>\n')


class TestParseError(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = pathlib.Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, data):
        path = self.dir / name
        path.write_bytes(data)
        return path

    def test_hierarchy(self):
        self.assertTrue(issubclass(unionplan.ParseError, unionplan.Error))
        self.assertTrue(issubclass(unionplan.ParseError, ValueError))
        self.assertTrue(issubclass(unionplan.EncodingError, unionplan.Error))
        self.assertTrue(issubclass(unionplan.EncodingError, ValueError))
        self.assertTrue(issubclass(unionplan.Error, Exception))
        self.assertLess(unionplan.EPARSE, 0)

    def test_mismatch_from_file(self):
        path = self.write("bad.xml", MISMATCH)
        with self.assertRaises(unionplan.ParseError) as cm:
            unionplan.load(path)
        e = cm.exception
        self.assertIsInstance(e, ValueError)
        self.assertEqual((e.line, e.column), (4, 8))
        self.assertEqual(e.filename, str(path))
        self.assertEqual(e.code, unionplan.EPARSE)
        self.assertIn("Opening and ending tag mismatch", e.message)
        self.assertIn("4", str(e))
        res = cli_validate_lines(path)
        if res is not None:
            self.assertTrue(res[1][0].startswith("%s:4:8: error:" % path))

    def test_mismatch_from_bytes_and_str(self):
        with self.assertRaises(ValueError) as cm:
            unionplan.loads(MISMATCH)
        self.assertEqual((cm.exception.line, cm.exception.column), (4, 8))
        with self.assertRaises(unionplan.ParseError) as cm:
            unionplan.loads(MISMATCH.decode(), name="upload.xml")
        self.assertEqual(cm.exception.filename, "upload.xml")
        self.assertEqual(cm.exception.line, 4)

    def test_columns_count_code_points(self):
        with self.assertRaises(unionplan.ParseError) as cm:
            unionplan.loads(AMPERSAND)
        self.assertEqual((cm.exception.line, cm.exception.column), (4, 11))
        path = self.write("amp.xml", AMPERSAND)
        with open(path, "rb") as f, self.assertRaises(unionplan.ParseError) as cm:
            unionplan.load(f)
        self.assertEqual((cm.exception.line, cm.exception.column), (4, 11))
        self.assertEqual(cm.exception.filename, str(path))

    def test_schema_invalid(self):
        path = self.write("m13.xml", MONTH13)
        with self.assertRaises(unionplan.ParseError) as cm:
            unionplan.load(path)
        self.assertEqual((cm.exception.line, cm.exception.column), (4, 20))
        # validate() reports it instead of raising
        diags = unionplan.validate(path)
        self.assertTrue(diags.failed)
        self.assertEqual([(d.line, d.column, d.code) for d in diags], [(4, 20, "schema-value")])

    def test_pickles_for_process_pools(self):
        # an error raised in a worker process travels back to the parent
        import pickle
        with self.assertRaises(unionplan.ParseError) as cm:
            unionplan.loads(MISMATCH, name="upload.xml")
        back = pickle.loads(pickle.dumps(cm.exception))
        self.assertIs(type(back), unionplan.ParseError)
        self.assertEqual((back.filename, back.line, back.column, back.code, back.message),
                         ("upload.xml", 4, 8, unionplan.EPARSE, cm.exception.message))
        self.assertEqual(str(back), str(cm.exception))

    def test_empty(self):
        with self.assertRaises(unionplan.ParseError) as cm:
            unionplan.load(self.write("empty.xml", b""))
        self.assertEqual(cm.exception.line, 1)
        with self.assertRaises(unionplan.ParseError):
            unionplan.loads(b"")
        with self.assertRaises(unionplan.ParseError):
            unionplan.loads("")

    def test_not_a_plan(self):
        with self.assertRaises(unionplan.ParseError):
            unionplan.loads(b"<html><body/></html>")
        with self.assertRaises(unionplan.ParseError):
            unionplan.loads(b"\xff\xfe\x00garbage")

    def test_str_with_other_encoding_declared(self):
        text = '<?xml version="1.0" encoding="GB18030"?>\n<plan xmlns="urn:unionplan:1" version="1"/>'
        with self.assertRaises(ValueError):
            unionplan.loads(text)

    def test_no_external_entities(self):
        secret = self.write("secret.txt", b"SECRET")
        data = ('<?xml version="1.0"?>\n<!DOCTYPE plan [<!ENTITY x SYSTEM "file://%s">]>\n'
                '<plan xmlns="urn:unionplan:1" version="1" xml:lang="zh-Hans">\n'
                '  <meta><title>&x;</title></meta>\n</plan>\n' % secret).encode()
        try:
            doc = unionplan.loads(data)
        except unionplan.Error:
            return
        self.assertNotEqual(doc[0].title, "SECRET")


class TestEncodingError(unittest.TestCase):
    """import_text of text that cannot be decoded."""

    def test_invalid_utf8(self):
        with self.assertRaises(unionplan.EncodingError) as cm:
            unionplan.import_text(b"\xff\xfe abc\n", encoding="utf-8")
        e = cm.exception
        self.assertIsInstance(e, ValueError)
        self.assertEqual((e.line, e.column, e.code), (1, 1, unionplan.EENCODING))
        with self.assertRaises(unionplan.EncodingError) as cm:
            unionplan.import_text(b"\xff\xfe abc\n", encoding="utf-8", name="up.txt")
        self.assertEqual(cm.exception.filename, "up.txt")

    def test_truncated_gb18030_on_line_2(self):
        data = "一、工作目标\n".encode("gb18030") + b"\x81\x30"
        with self.assertRaises(unionplan.EncodingError) as cm:
            unionplan.import_text(data, encoding="gb18030")
        self.assertEqual((cm.exception.line, cm.exception.column), (2, 1))

    def test_from_file_names_it(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "bad.txt")
            with open(path, "wb") as f:
                f.write(b"\xff\xfe abc\n")
            with self.assertRaises(unionplan.EncodingError) as cm:
                unionplan.import_text(path, encoding="utf-8")
            self.assertEqual(cm.exception.filename, path)

    def test_nothing_to_import(self):
        for data in (b"", b"   \n\n"):
            with self.assertRaises(unionplan.ParseError):
                unionplan.import_text(data)


class TestOSErrors(unittest.TestCase):

    def test_missing_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            missing = os.path.join(tmp, "nope.xml")
            for call in (unionplan.load, unionplan.validate, unionplan.import_text):
                with self.subTest(call.__name__):
                    with self.assertRaises(FileNotFoundError) as cm:
                        call(missing)
                    self.assertEqual(cm.exception.filename, missing)
                    self.assertEqual(cm.exception.errno, errno.ENOENT)
            with self.assertRaises(FileNotFoundError) as cm:
                unionplan.load(pathlib.Path(missing))
            self.assertEqual(os.fspath(cm.exception.filename), missing)
            with self.assertRaises(FileNotFoundError):
                unionplan.load("-")            # a file name, not standard input

    def test_directory(self):
        with tempfile.TemporaryDirectory() as tmp:
            for call in (unionplan.load, unionplan.validate, unionplan.import_text):
                with self.subTest(call.__name__):
                    with self.assertRaises(OSError) as cm:
                        call(tmp)
                    self.assertEqual(cm.exception.filename, tmp)
                    self.assertIsInstance(cm.exception, (IsADirectoryError, OSError))

    @unittest.skipIf(os.geteuid() == 0, "root reads any file")
    def test_unreadable(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "locked.xml")
            with open(path, "wb") as f:
                f.write(example(0).read_bytes())
            os.chmod(path, 0)
            with self.assertRaises(PermissionError) as cm:
                unionplan.load(path)
            self.assertEqual(cm.exception.filename, path)

    def test_file_object_read_error(self):
        class Broken:
            name = "broken.xml"

            def read(self, *args):
                raise OSError(errno.EIO, "device went away")
        with self.assertRaises(OSError) as cm:
            unionplan.load(Broken())
        self.assertEqual(cm.exception.errno, errno.EIO)

    def test_file_object_returning_str(self):
        class Texty:
            def read(self, *args):
                return "<plan/>"
        with self.assertRaises(TypeError):
            unionplan.load(Texty())


class TestMisuse(unittest.TestCase):
    """Wrong types and absurd values raise; nothing crashes."""

    def test_wrong_source_types(self):
        for bad in (None, 42, 3.5, ["doc.xml"], {"a": 1}, object()):
            with self.subTest(bad=bad):
                with self.assertRaises(TypeError):
                    unionplan.load(bad)
                with self.assertRaises(TypeError):
                    unionplan.loads(bad)
                with self.assertRaises(TypeError):
                    unionplan.validate(bad)
                with self.assertRaises(TypeError):
                    unionplan.import_text(bad)

    def test_nul_in_path(self):
        with self.assertRaises(ValueError):
            unionplan.load("doc\x00.xml")

    def test_wrong_arguments(self):
        doc = unionplan.load(example(0))
        with self.assertRaises(TypeError):
            doc["0"]
        with self.assertRaises(IndexError):
            doc[5]
        with self.assertRaises(TypeError):
            doc.validate(rules=5)
        with self.assertRaises(ValueError):
            doc.validate(rules=["no-such-group"])
        with self.assertRaises(TypeError):
            doc.dump(None)
        with self.assertRaises(TypeError):
            doc.dump(3)
        with self.assertRaises(TypeError):
            unionplan.loads(b"<x/>", name=5)
        with self.assertRaises(TypeError):
            unionplan.import_text(seed_text(0), encoding=5)
        with self.assertRaises((ValueError, LookupError)):
            unionplan.import_text(seed_text(0), encoding="klingon")
        with self.assertRaises(TypeError):
            Activity("x", no_such_keyword=1)
        with self.assertRaises(TypeError):
            Month("九月")

    def test_empty_document_cannot_be_written(self):
        doc = Document()
        self.assertEqual(len(doc), 0)
        with self.assertRaises(ValueError):
            doc.dumps()

    def test_absurd_numbers(self):
        for bad in (2 ** 31, 2 ** 64, -(2 ** 63) - 1, 10 ** 30):
            with self.subTest(bad=bad):
                with self.assertRaises((ValueError, OverflowError)):
                    Month(9, year=bad)
                with self.assertRaises((ValueError, OverflowError)):
                    Section(number=bad)
        with self.assertRaises(ValueError):
            Month(9, to=13)
        with self.assertRaises(ValueError):
            Month(9, year=10000)            # the schema's years are 1..9999

    def test_extreme_dates(self):
        act = Activity("x")
        for d in (D.min, D.max, D(1900, 2, 28), D(2100, 12, 31)):
            with self.subTest(d=d):
                try:
                    act.date = d
                except ValueError:
                    continue
                self.assertEqual(act.date, d)

    def test_calendar_absurd_years(self):
        for bad in (0, -1, 10000, 2 ** 40):
            with self.subTest(year=bad):
                with self.assertRaises((ValueError, OverflowError)):
                    unionplan.holidays(bad)
        with self.assertRaises(TypeError):
            unionplan.holidays("2027")
        with self.assertRaises(TypeError):
            unionplan.lunar(datetime.datetime(2027, 2, 6))
        with self.assertRaises(TypeError):
            unionplan.workday(None)
        self.assertEqual(unionplan.workday(D.max).status, "unknown")
        with self.assertRaises(LookupError):
            unionplan.is_workday(D(9999, 1, 4))
        with self.assertRaises(ValueError):
            unionplan.from_lunar(2027, 13, 1)
        with self.assertRaises(ValueError):
            unionplan.from_lunar(2027, 1, 31)


@unittest.skipIf(os.environ.get("UPL_ASAN_RUNTIME"), "AddressSanitizer's quarantine keeps freed memory resident")
class TestLeaks(unittest.TestCase):
    """10,000 loads must not grow the process (a leak of one document a load
    would cost several hundred megabytes)."""

    SLACK_PAGES = 1024     # 4 MiB with 4 KiB pages

    def grow(self, fn, n):
        for _ in range(200):                 # warm-up: caches, schema, allocator
            fn()
        gc.collect()
        before = rss_pages()
        for _ in range(n):
            fn()
        gc.collect()
        return rss_pages() - before

    def test_loads(self):
        path = str(example(0))
        data = example(0).read_bytes()

        def one():
            doc = unionplan.load(path)
            doc[0].activities()[1].date
            unionplan.loads(data)
        self.assertLess(self.grow(one, 10000), self.SLACK_PAGES)

    def test_errors(self):
        def one():
            try:
                unionplan.loads(MISMATCH)
            except unionplan.ParseError:
                pass
            try:
                unionplan.load("/nonexistent/unionplan.xml")
            except FileNotFoundError:
                pass
        self.assertLess(self.grow(one, 5000), self.SLACK_PAGES)

    def test_validate_dump_edit(self):
        doc = unionplan.load(example(4))

        def one():
            doc.validate()
            doc.dumps()
            m = Month(9, year=2026)
            m.add_activity("x", date=D(2026, 9, 10), holiday="teachers-day")
            m.remove(0)
        self.assertLess(self.grow(one, 3000), self.SLACK_PAGES)


if __name__ == "__main__":
    unittest.main()
