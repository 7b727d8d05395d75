"""unionplan.validate(source, stream=...): a file checked as it is read
(the default) or whole (stream=False), with the same diagnostics; the
streamed path's memory does not follow the size of the file.

Known answers come from the corpus's own CASE/expected files ("LINE:COL:
CODE" per diagnostic, in order) and from seed 000 read by hand (grep -n),
never from the module's output.
"""
import importlib.util
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

import unionplan

from uplsupport import CLI, DATA, EXAMPLES, TOP_SRCDIR, example

CORPUS_DIRS = [DATA / "valid", DATA / "invalid", DATA / "rules", EXAMPLES]


def corpus():
    files = []
    for d in CORPUS_DIRS:
        files.extend(d.rglob("*.xml"))
    return sorted(files)


def fields(diags):
    return [(d.severity, d.code, d.message, d.file, d.line, d.column) for d in diags]


def cli_json(path):
    """`unionplan validate --format=json --lang=en PATH`: (status, fields),
    or None when the CLI is not built."""
    if not (CLI.is_file() and os.access(CLI, os.X_OK)):
        return None
    proc = subprocess.run([str(CLI), "validate", "--format=json", "--lang=en", str(path)],
                          capture_output=True, text=True)
    got = json.loads(proc.stdout)
    return proc.returncode, [(d["severity"], d["code"], d["message"], d["file"],
                              d["line"] or None, d["column"] or None) for d in got]


class TestStreamSameDiagnostics(unittest.TestCase):

    def test_corpus_both_paths_equal(self):
        files = corpus()
        self.assertGreater(len(files), 50)
        for path in files:
            name = str(path.relative_to(TOP_SRCDIR))
            with self.subTest(name):
                streamed = unionplan.validate(str(path), lang="en")
                whole = unionplan.validate(str(path), lang="en", stream=False)
                self.assertEqual(fields(streamed), fields(whole))
                self.assertEqual(streamed.failed, whole.failed)
                self.assertEqual(fields(unionplan.validate(path, lang="en", stream=True)),
                                 fields(whole))

    def test_corpus_equals_cli_json(self):
        if cli_json(example(0)) is None:
            self.skipTest("cli/unionplan not built")
        for path in corpus():
            with self.subTest(str(path.relative_to(TOP_SRCDIR))):
                status, want = cli_json(path)
                for stream in (True, False):
                    diags = unionplan.validate(str(path), lang="en", stream=stream)
                    self.assertEqual(fields(diags), want)
                    self.assertEqual(diags.failed, status != 0)

    def test_expected_files(self):
        # tests/data/{invalid,rules}/CASE/expected: every diagnostic, in order
        cases = sorted((DATA / "invalid").glob("*/expected")) + \
            sorted((DATA / "rules").glob("*/expected"))
        self.assertGreater(len(cases), 40)
        for exp in cases:
            xml = exp.with_name("input.xml")
            if not xml.is_file():
                continue
            want = [l for l in exp.read_text(encoding="utf-8").split("\n") if l]
            with self.subTest(exp.parent.name):
                for stream in (True, False):
                    got = ["%d:%d: %s" % (d.line or 0, d.column or 0, d.code)
                           for d in unionplan.validate(xml, stream=stream)]
                    self.assertEqual(got, want)

    def test_known_answers(self):
        path = str(example(0))
        for stream in (True, False):
            d = unionplan.validate(path, lang="en", stream=stream)
            self.assertEqual(fields(d)[0], ("warning", "numbering-duplicate",
                                            "number 2 is used again (first at line 70)",
                                            path, 71, 9))
            self.assertEqual((d[1].code, d[1].line, d[1].column), ("numbering-skip", 73, 9))
            self.assertFalse(d.failed)
            self.assertTrue(unionplan.validate(path, strict=True, stream=stream).failed)
            bad = DATA / "invalid" / "tag-mismatch-after-chinese" / "input.xml"
            first = unionplan.validate(bad, stream=stream)[0]
            self.assertEqual((first.severity, first.code, first.line, first.column),
                             ("error", "xml-syntax", 3, 40))

    def test_bytes_and_file_objects(self):
        # content in memory is streamed from there, or validated whole, with
        # the same answer
        data = example(0).read_bytes()
        want = [(71, 9, "numbering-duplicate"), (73, 9, "numbering-skip")]
        for stream in (True, False):
            self.assertEqual([(d.line, d.column, d.code)
                              for d in unionplan.validate(data, stream=stream)], want)
            with open(example(0), "rb") as f:
                self.assertEqual([(d.line, d.column, d.code)
                                  for d in unionplan.validate(f, stream=stream)], want)

    def test_options_with_stream(self):
        path = example(4)
        for stream in (True, False):
            self.assertEqual([d.code for d in unionplan.validate(path, rules=["meta"],
                                                                 stream=stream)],
                             ["meta-title"] * 3)
            self.assertEqual(unionplan.validate(path, rules="numbering", stream=stream), [])
            self.assertEqual(unionplan.validate(example(0), schema_only=True, stream=stream), [])


class TestStreamMaxBytes(unittest.TestCase):
    """Streamed, max_bytes bounds only a document in another encoding than
    UTF-8 (read whole); stream=False applies it to every file."""

    def test_utf8_file_over_max_bytes(self):
        path = example(0)
        self.assertGreater(path.stat().st_size, 1000)
        self.assertEqual([(d.line, d.code) for d in unionplan.validate(path, max_bytes=1000)],
                         [(71, "numbering-duplicate"), (73, "numbering-skip")])
        with self.assertRaises(unionplan.Error) as cm:
            unionplan.validate(path, max_bytes=1000, stream=False)
        self.assertIn("larger than the limit of 1000 bytes", str(cm.exception))

    def test_gb18030_file_over_max_bytes(self):
        path = DATA / "valid" / "gb18030.xml"
        self.assertEqual(unionplan.validate(path), [])
        for stream in (True, False):
            with self.assertRaises(unionplan.Error) as cm:
                unionplan.validate(path, max_bytes=100, stream=stream)
            self.assertIn("larger than the limit of 100 bytes", str(cm.exception))


class TestStreamArgument(unittest.TestCase):

    def test_stream_must_be_a_bool(self):
        for bad in (1, 0, "yes", None, [], 1.0):
            with self.subTest(repr(bad)):
                with self.assertRaises(TypeError) as cm:
                    unionplan.validate(example(0), stream=bad)
                self.assertIn("stream must be a bool", str(cm.exception))

    def test_document_validate_has_no_stream(self):
        with self.assertRaises(TypeError):
            unionplan.load(example(0)).validate(stream=True)


# The child's peak is VmHWM, its own address space's high-water mark:
# getrusage's ru_maxrss would not do, for Linux carries into it, across
# exec, the peak of the process that forked (here the test, which has just
# generated the plan).
CHILD = r"""
import sys
import unionplan
source = sys.argv[1]
if sys.argv[3] == "bytes":
    with open(source, "rb") as f:
        source = f.read()
diags = unionplan.validate(source, stream=sys.argv[2] == "1")
with open("/proc/self/status") as f:
    peak = [l.split()[1] for l in f if l.startswith("VmHWM:")][0]
print(len(diags), diags.failed, peak)
"""


def hostile_gen():
    """tests/hostile-gen.py as a module (its name is not an identifier)."""
    spec = importlib.util.spec_from_file_location("hostile_gen", TOP_SRCDIR / "tests" / "hostile-gen.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@unittest.skipUnless(os.path.exists("/proc/self/status"), "no /proc/self/status")
@unittest.skipIf(os.environ.get("UPL_ASAN_RUNTIME"),
                 "peak memory not measured under AddressSanitizer (its shadow and quarantine)")
class TestStreamMemory(unittest.TestCase):
    """160,000 numbered sections (13.5 MB): the whole-document path builds
    the model (about 100 MiB), the streamed one keeps the open elements and
    the numbers seen; each is measured in a child process of its own."""

    MIN_SAVING_KIB = 40 * 1024

    def peak_kib(self, path, stream, kind="path"):
        proc = subprocess.run([sys.executable, "-c", CHILD, str(path), "1" if stream else "0", kind],
                              capture_output=True, text=True, timeout=300)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        count, failed, peak = proc.stdout.split()
        self.assertEqual((count, failed), ("0", "False"))   # a valid plan
        return int(peak)     # in KiB

    def test_160k_sections(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "sections-160k.xml"
            path.write_text(hostile_gen().sections(160000), encoding="utf-8")
            self.assertGreater(path.stat().st_size, 13 * 1000 * 1000)
            streamed = self.peak_kib(path, True)
            whole = self.peak_kib(path, False)
        sys.stderr.write("\n  160,000 sections: peak RSS %.1f MiB streamed, %.1f MiB whole ... "
                         % (streamed / 1024, whole / 1024))
        self.assertGreaterEqual(whole - streamed, self.MIN_SAVING_KIB,
                                "streamed %d KiB, whole %d KiB" % (streamed, whole))

    def test_160k_sections_as_bytes(self):
        # the text is in memory either way; streamed, no model is built
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "sections-160k.xml"
            path.write_text(hostile_gen().sections(160000), encoding="utf-8")
            streamed = self.peak_kib(path, True, "bytes")
            whole = self.peak_kib(path, False, "bytes")
        sys.stderr.write("\n  160,000 sections as bytes: peak RSS %.1f MiB streamed, %.1f MiB whole ... "
                         % (streamed / 1024, whole / 1024))
        self.assertGreaterEqual(whole - streamed, self.MIN_SAVING_KIB,
                                "streamed %d KiB, whole %d KiB" % (streamed, whole))


if __name__ == "__main__":
    unittest.main()
