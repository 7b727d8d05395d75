"""Threads: distinct documents used from distinct threads at once give what
one thread gives (the extension releases the GIL while parsing, validating
and importing)."""
import pathlib
import tempfile
import threading
import time
import unittest

import unionplan

from uplsupport import EXAMPLES, DATA, SEEDS

THREADS = 8
ROUNDS = 6


def corpus():
    """Every XML file of the examples and the data corpus."""
    files = sorted(EXAMPLES.glob("seed-*.xml"))
    for sub in ("valid", "invalid", "rules"):
        files += sorted((DATA / sub).rglob("*.xml"))
    return files


def loadable(files):
    out = []
    for f in files:
        try:
            unionplan.load(f)
        except unionplan.Error:
            continue
        out.append(f)
    return out


def run_threads(target, n=THREADS):
    """Run target(index, barrier) in n threads started together; re-raise the
    first failure."""
    barrier = threading.Barrier(n)
    errors = []

    def wrap(i):
        try:
            target(i, barrier)
        except BaseException as e:      # reported in the main thread
            errors.append(e)
            barrier.abort()
    threads = [threading.Thread(target=wrap, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]


class TestThreads(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.files = corpus()
        cls.good = loadable(cls.files)

    def test_corpus_is_big_enough(self):
        self.assertGreaterEqual(len(self.files), 20)
        self.assertGreaterEqual(len(self.good), 10)

    def test_validate_documents_in_8_threads(self):
        single = {f: [str(d) for d in unionplan.load(f).validate()] for f in self.good}
        strict = {f: unionplan.load(f).validate(strict=True).failed for f in self.good}
        results = [dict() for _ in range(THREADS)]

        def work(i, barrier):
            # each thread its own documents, in its own order
            mine = self.good[i % len(self.good):] + self.good[:i % len(self.good)]
            docs = [(f, unionplan.load(f)) for f in mine]
            barrier.wait()
            for _ in range(ROUNDS):
                for f, doc in docs:
                    got = [str(d) for d in doc.validate()]
                    if results[i].setdefault(f, got) != got:
                        raise AssertionError("%s: results differ between rounds" % f)
                    if doc.validate(strict=True).failed != strict[f]:
                        raise AssertionError("%s: strict result differs" % f)
        run_threads(work)
        for r in results:
            self.assertEqual(r, single)

    def test_validate_sources_in_8_threads(self):
        # unionplan.validate on files that may not even parse
        single = {f: [str(d) for d in unionplan.validate(f)] for f in self.files}
        data = {f: f.read_bytes() for f in self.files}
        single_bytes = {f: [(d.line, d.column, d.code) for d in unionplan.validate(data[f])]
                        for f in self.files}
        failures = []

        def work(i, barrier):
            barrier.wait()
            for _ in range(2):
                for f in self.files[i::2] if i % 2 else self.files:
                    if [str(d) for d in unionplan.validate(f)] != single[f]:
                        failures.append(f)
                    got = [(d.line, d.column, d.code) for d in unionplan.validate(data[f])]
                    if got != single_bytes[f]:
                        failures.append(f)
        run_threads(work)
        self.assertEqual(failures, [])

    def test_concurrent_loads(self):
        want = {f: unionplan.load(f).dumps() for f in self.good}
        counts = {f: len(unionplan.load(f)) for f in self.good}
        failures = []

        def work(i, barrier):
            barrier.wait()
            for _ in range(ROUNDS):
                for f in self.good:
                    doc = unionplan.load(f) if i % 2 else unionplan.loads(f.read_bytes())
                    if len(doc) != counts[f] or doc.dumps() != want[f]:
                        failures.append(f)
        run_threads(work)
        self.assertEqual(failures, [])

    def test_concurrent_parse_errors(self):
        bad = b'<?xml version="1.0"?>\n<plan xmlns="urn:unionplan:1" version="1">\n  <meta>\n</plan>\n'
        seen = []

        def work(i, barrier):
            barrier.wait()
            for _ in range(200):
                try:
                    unionplan.loads(bad, name="t%d.xml" % i)
                except unionplan.ParseError as e:
                    if (e.line, e.column, e.filename) != (4, 8, "t%d.xml" % i):
                        seen.append((e.line, e.column, e.filename))
                else:
                    seen.append("no error")
        run_threads(work)
        self.assertEqual(seen, [])

    def test_concurrent_imports(self):
        seeds = sorted(SEEDS.glob("*.txt"))
        want = {s: unionplan.import_text(s)[0].dumps() for s in seeds}
        failures = []

        def work(i, barrier):
            barrier.wait()
            for _ in range(2):
                for s in seeds:
                    doc, _ = unionplan.import_text(s)
                    if doc.dumps() != want[s]:
                        failures.append(s)
        run_threads(work)
        self.assertEqual(failures, [])

    def test_threads_share_nothing_but_read_one_document(self):
        # reading one document from several threads (no changes) is allowed
        doc = unionplan.load(EXAMPLES / "seed-000.xml")
        want = [str(d) for d in doc.validate()]
        texts = [a.text for a in doc[0].activities()]
        failures = []

        def work(i, barrier):
            barrier.wait()
            for _ in range(50):
                if [a.text for a in doc[0].activities()] != texts:
                    failures.append("texts")
                if [str(d) for d in doc.validate()] != want:
                    failures.append("validate")
        run_threads(work)
        self.assertEqual(failures, [])


class TestGIL(unittest.TestCase):
    """While one thread is inside a long load or validation, another Python
    thread runs: with the GIL held it would get at most a switch interval."""

    @classmethod
    def setUpClass(cls):
        src = (EXAMPLES / "seed-000.xml").read_text(encoding="utf-8")
        head, rest = src.split("<schedule>\n", 1)
        months, tail = rest.split("    </schedule>\n", 1)
        cls.tmp = tempfile.TemporaryDirectory()
        cls.big = pathlib.Path(cls.tmp.name) / "big.xml"
        cls.big.write_text(head + "<schedule>\n" + months * 1000 + "    </schedule>\n" + tail,
                           encoding="utf-8")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def progress_during(self, call):
        """How far a counting thread gets during call(), in units of what it
        does in 20 ms alone."""
        count = [0]
        stop = threading.Event()

        def spin():
            while not stop.is_set():
                count[0] += 1
        t = threading.Thread(target=spin)
        t.start()
        try:
            time.sleep(0.02)
            c0 = count[0]
            time.sleep(0.02)
            per_20ms = max(count[0] - c0, 1)
            before = count[0]
            call()
            during = count[0] - before
        finally:
            stop.set()
            t.join()
        return during / per_20ms

    def check_released(self, call):
        # a busy machine may starve the counting thread: three tries
        best = max(self.progress_during(call) for _ in range(3))
        self.assertGreater(best, 2.0)

    def test_load_releases_the_gil(self):
        self.check_released(lambda: unionplan.load(self.big))

    def test_validate_releases_the_gil(self):
        doc = unionplan.load(self.big)
        self.check_released(doc.validate)
        self.check_released(lambda: unionplan.validate(self.big))

    def test_import_releases_the_gil(self):
        text = ("一、工作安排\n" + "九月：\n1．教师节表彰活动\n2．工会例会\n" * 30000).encode("utf-8")
        self.check_released(lambda: unionplan.import_text(text))


if __name__ == "__main__":
    unittest.main()
