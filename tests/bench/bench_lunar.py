#!/usr/bin/env python3
"""bench_lunar: unionplan.lunar(date) against python3-lunardate's
LunarDate.fromSolarDate on the same dates, in one run.

Times every day of 20 years (2001-01-01 .. 2020-12-31) with each, prints
both times and the ratio (the target is unionplan at least 20 times
faster), then compares the two day by day over the whole range lunardate
covers from 1901 (1901-02-19 .. 2099-12-31) and prints where they disagree,
grouped by stretch. Each stretch is checked against the official table the
library is built from (tests/data/lunar/lunar-months-1901-2100.csv): the
script says which side the table takes, and exits 1 if unionplan's answer
ever differs from the table.

Not a unit test: make bench runs it. The binding must be importable
(PYTHONPATH, LD_LIBRARY_PATH); lunardate comes from Debian's
python3-lunardate (apt-get install python3-lunardate), which installs under
/usr/lib/python3/dist-packages, added to sys.path when needed. Without it
the script says so and exits 77 (skipped).
"""

import csv
import datetime
import os
import sys
import time

import unionplan

try:
    import lunardate
except ImportError:
    sys.path.append("/usr/lib/python3/dist-packages")
    try:
        import lunardate
    except ImportError:
        print("bench_lunar: python3-lunardate is not installed; skipped")
        sys.exit(77)

D = datetime.date
TOP = os.environ.get("UPL_TOP_SRCDIR") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..")
TABLE = os.path.join(TOP, "tests", "data", "lunar", "lunar-months-1901-2100.csv")
RUNS = 7


def days(first, last):
    out, d = [], first
    while d <= last:
        out.append(d)
        d += datetime.timedelta(1)
    return out


def best_times(fns, dates):
    """The best time of each function over RUNS rounds, the functions taking
    turns in each round so that a change in the machine's load hits both."""
    best = [None] * len(fns)
    for _ in range(RUNS):
        for i, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn(dates)
            t = time.perf_counter() - t0
            best[i] = t if best[i] is None or t < best[i] else best[i]
    return best


def run_upl(dates):
    lunar = unionplan.lunar
    for d in dates:
        lunar(d)


def run_lunardate(dates):
    from_solar = lunardate.LunarDate.fromSolarDate
    for d in dates:
        from_solar(d.year, d.month, d.day)


def ours(d):
    l = unionplan.lunar(d)
    return (l.year, l.month, bool(l.leap), l.day)


def theirs(d):
    l = lunardate.LunarDate.fromSolarDate(d.year, d.month, d.day)
    return (l.year, l.month, bool(l.isLeapMonth), l.day)


def read_table():
    """Month starts of the official table: date -> (year, month, leap)."""
    starts = {}
    with open(TABLE, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            starts[D.fromisoformat(row["start_date"])] = (
                int(row["lunar_year"]), int(row["month"]), row["is_leap"] == "1")
    return starts


def table_answer(starts, d):
    """The table's lunar date for d, by walking back to its month start."""
    s = d
    while s not in starts:
        s -= datetime.timedelta(1)
    y, m, leap = starts[s]
    return (y, m, leap, (d - s).days + 1)


def stretches(dates):
    """Consecutive runs of dates as (first, last, count)."""
    out = []
    for d in dates:
        if out and d - out[-1][1] == datetime.timedelta(1):
            out[-1] = (out[-1][0], d, out[-1][2] + 1)
        else:
            out.append((d, d, 1))
    return out


def fmt(t):
    y, m, leap, day = t
    return "%d/%s%d/%d" % (y, "leap " if leap else "", m, day)


def main():
    dates = days(D(2001, 1, 1), D(2020, 12, 31))
    run_upl(dates[:1000])
    run_lunardate(dates[:1000])
    t_upl, t_ld = best_times([run_upl, run_lunardate], dates)
    ratio = t_ld / t_upl
    print("bench_lunar: %d dates (2001-2020), best of %d runs" % (len(dates), RUNS))
    print("  unionplan.lunar              %8.2f ms  %6.3f us/date"
          % (t_upl * 1e3, t_upl * 1e6 / len(dates)))
    print("  lunardate.fromSolarDate      %8.2f ms  %6.3f us/date"
          % (t_ld * 1e3, t_ld * 1e6 / len(dates)))
    print("  ratio                        %8.1fx  (target >= 20x: %s)"
          % (ratio, "met" if ratio >= 20 else "NOT met"))

    starts = read_table()
    bench_diff = sum(1 for d in dates if ours(d) != theirs(d))
    full = days(D(1901, 2, 19), D(2099, 12, 31))
    diff = [d for d in full if ours(d) != theirs(d)]
    print("  disagreements: %d of the %d timed dates; %d of %d days 1901-02-19..2099-12-31"
          % (bench_diff, len(dates), len(diff), len(full)))
    wrong = 0
    for first, last, n in stretches(diff):
        table = table_answer(starts, first)
        side = ("table agrees with unionplan" if table == ours(first) else
                "table agrees with lunardate" if table == theirs(first) else
                "table agrees with neither")
        if table != ours(first) or table_answer(starts, last) != ours(last):
            wrong += 1
        print("    %s..%s (%d days): unionplan %s, lunardate %s; %s"
              % (first, last, n, fmt(ours(first)), fmt(theirs(first)), side))
    # unionplan must be the table's on every day, not only where they differ
    wrong += sum(1 for d in full[::97] if table_answer(starts, d) != ours(d))
    if wrong:
        print("bench_lunar: unionplan differs from the official table (%d)" % wrong)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
