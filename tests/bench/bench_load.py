#!/usr/bin/env python3
"""Load a ~10 MB plan and walk every activity: unionplan against
xml.etree.ElementTree.parse and lxml.etree.parse of the same file, walking
the same elements (every month and every activity, reading the activity's
text and date). Not a test: prints the medians of 5 runs and the ratios
(peer time / unionplan time; above 1 means unionplan is faster). The target
is to be no slower than ElementTree.

    PYTHONPATH=$builddir/bindings/python python3 tests/bench/bench_load.py [SIZE_MB]

unionplan.load also checks the document against the schema; the peers only
parse. lxml is Debian's python3-lxml: when this interpreter lacks it, the
Debian dist-packages folder is added to sys.path.
"""
import os
import pathlib
import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

import unionplan

try:
    import lxml.etree as LET
except ImportError:
    sys.path.append("/usr/lib/python3/dist-packages")
    try:
        import lxml.etree as LET
    except ImportError:
        LET = None

TOP = pathlib.Path(os.environ.get("UPL_TOP_SRCDIR") or pathlib.Path(__file__).resolve().parents[2])
SEED = TOP / "doc" / "examples" / "seed-000.xml"
NS = "{urn:unionplan:1}"
RUNS = 5


def make_plan(path, size_mb):
    """Seed 000 with its five months repeated into one schedule until the
    file has about size_mb megabytes."""
    src = SEED.read_text(encoding="utf-8")
    head, rest = src.split("<schedule>\n", 1)
    months, tail = rest.split("    </schedule>\n", 1)
    target = size_mb * 1000 * 1000
    repeats = max(1, (target - len(head.encode()) - len(tail.encode())) // len(months.encode()))
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + "<schedule>\n")
        for _ in range(repeats):
            f.write(months)
        f.write("    </schedule>\n" + tail)
    return repeats


def walk_unionplan(path):
    doc = unionplan.load(path)
    n = 0
    for plan in doc:
        for month in plan.schedule:
            month.month
            for act in month.activities:
                act.text
                act.date
                n += 1
    return n


def walk_etree(mod, path):
    root = mod.parse(str(path)).getroot()
    n = 0
    for month in root.iter(NS + "month"):
        month.get("month")
        for act in month.iter(NS + "activity"):
            act.text
            act.get("date")
            n += 1
    return n


def medians(contenders, path):
    """Median time and activity count of each contender; the runs are
    interleaved (one of each per round) so that a busy machine slows all
    of them alike."""
    times = {name: [] for name, _ in contenders}
    counts = {}
    for _ in range(RUNS):
        for name, fn in contenders:
            t0 = time.perf_counter()
            counts[name] = fn(path)
            times[name].append(time.perf_counter() - t0)
    return [(name, statistics.median(times[name]), counts[name]) for name, _ in contenders]


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "big.xml"
        repeats = make_plan(path, size)
        print("plan: %.1f MB, seed 000's months repeated %d times" %
              (path.stat().st_size / 1e6, repeats))
        contenders = [("unionplan.load", walk_unionplan),
                      ("xml.etree.ElementTree.parse", lambda p: walk_etree(ET, p))]
        if LET is not None:
            contenders.append(("lxml.etree.parse", lambda p: walk_etree(LET, p)))
        # where unionplan's time goes: the load alone (parse, schema, model)
        contenders.append(("(unionplan.load, no walk)", lambda p: len(unionplan.load(p)) and None))
        rows = medians(contenders, path)
        print("%-30s %8.3f s" % (rows[-1][0], rows[-1][1]))
        del rows[-1]
        ours, n = rows[0][1], rows[0][2]
        et = rows[1][1]
        for name, t, count in rows:
            if count != n:
                raise SystemExit("%s walked %d activities, unionplan %d" % (name, count, n))
            print("%-30s %8.3f s  (%d activities, median of %d)" % (name, t, count, RUNS))
        for name, t, _ in rows[1:]:
            print("ratio %s / unionplan: %.2f" % (name, t / ours))
        if LET is None:
            print("lxml not found (apt-get install python3-lxml)")
        if et < ours:
            print("unionplan is slower than ElementTree (target missed)")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
