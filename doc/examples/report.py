#!/usr/bin/env python3
"""Report on a folder of plans: every activity, as CSV, sorted by month, and
the activities that fall on official days off.

    python3 report.py [-o OUT.csv] FOLDER

The CSV (to OUT.csv, or to standard output) has one row per activity:

    file,plan,month,date,holiday,text

`file` is the plan's file name relative to FOLDER, `plan` its title, `month`
the year and month of the activity's month entry (`2012-09`; `--09` when the
plan does not give the year, as ISO 8601 writes a month without a year; a
span such as 七、八月份 counts as its first month), `date` the activity's date
(ISO) when it has one, `holiday` its holiday key. Rows are sorted by month
(months without a year last, by month), and keep the files' order (by name)
and the document order within a month.

Then one line per dated activity that falls on an official day off (a
statutory holiday or a weekend that is not an adjusted working day), as
unionplan.workday() says:

    FILE:LINE: DATE day-off (REASON): TEXT

on standard output, or on standard error when the CSV goes to standard
output. Files that are not plans are reported on standard error and skipped.
Exit status: 0, or 1 when a file could not be read.
"""
import argparse
import csv
import pathlib
import sys

import unionplan

FIELDS = ("file", "plan", "month", "date", "holiday", "text")


def month_key(month):
    """Sort key of a Month: known years first, then months without a year."""
    if month.year is None:
        return (1, 0, month.month)
    return (0, month.year, month.month)


def month_text(month):
    if month.year is None:
        return "--%02d" % month.month
    return "%04d-%02d" % (month.year, month.month)


def plan_rows(name, doc):
    """(sort key, row, activity) for every activity of every plan of doc."""
    out = []
    for plan in doc:
        for month in plan.schedule:
            for act in month.activities:
                row = {
                    "file": name,
                    "plan": plan.title or "",
                    "month": month_text(month),
                    "date": act.date.isoformat() if act.date else "",
                    "holiday": act.holiday or "",
                    "text": act.text,
                }
                out.append((month_key(month), row, act))
    return out


def collect(folder, errors=None):
    """Every activity of the plans in folder (*.xml, by name), sorted by
    month. Returns a list of (row, activity); a file that cannot be loaded
    is skipped and its exception appended to errors (when given)."""
    folder = pathlib.Path(folder)
    found = []
    for path in sorted(folder.glob("*.xml")):
        try:
            doc = unionplan.load(path)
        except (unionplan.Error, OSError) as e:
            if errors is not None:
                errors.append(e)
            continue
        found += plan_rows(path.relative_to(folder).as_posix(), doc)
    found.sort(key=lambda entry: entry[0])       # stable: files and order kept
    return [(row, act) for _, row, act in found]


def days_off(entries):
    """The (row, activity, Workday) of the dated activities that fall on an
    official day off."""
    out = []
    for row, act in entries:
        if act.date is None:
            continue
        wd = unionplan.workday(act.date)
        if wd.status == "day-off":
            out.append((row, act, wd))
    return out


def write_csv(entries, stream):
    writer = csv.DictWriter(stream, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for row, _ in entries:
        writer.writerow(row)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Activities of a folder of plans, as CSV.")
    ap.add_argument("folder", help="a folder of plan XML files")
    ap.add_argument("-o", "--output", default="-", help="the CSV file (default: standard output)")
    args = ap.parse_args(argv)

    errors = []
    entries = collect(args.folder, errors)
    for e in errors:
        print("report: %s: %s" % (getattr(e, "filename", None) or "?", e), file=sys.stderr)
    if args.output == "-":
        write_csv(entries, sys.stdout)
        listing = sys.stderr
    else:
        with open(args.output, "w", encoding="utf-8", newline="") as f:
            write_csv(entries, f)
        listing = sys.stdout
    for row, act, wd in days_off(entries):
        print("%s:%s: %s day-off (%s): %s" % (row["file"], act.line or "?", row["date"],
                                              wd.reason or "", act.text), file=listing)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
