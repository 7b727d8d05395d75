"""The iCalendar export read back by python3-icalendar (tests/check-ics.sh).

Usage: check-ics.py CLI EXAMPLE.xml...

For every example: `unionplan export --to=ics` parses as a calendar whose
events are the plan's activities that have a year (their SUMMARY the
activity's text byte for byte), every line ends with CRLF within 75 octets,
and a second export gives the same bytes; with --holidays the festivals and
official days of the covered years are added. Then seed 000's dates, and
`unionplan holidays --format=ics 2026` against `holidays --format=csv`,
`holidays --statutory --format=csv` and `workday --format=csv`.
Prints TAP-like lines and a closing "N passed, N failed".
"""
import collections
import datetime
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import icalendar

NS = "{urn:unionplan:1}"
passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
        print("ok - " + what)
    else:
        failed += 1
        print("FAIL - " + what)


def run(*args):
    return subprocess.run([CLI, *args], check=True, stdout=subprocess.PIPE).stdout


def events(data):
    cal = icalendar.Calendar.from_ical(data)
    return cal, list(cal.walk("VEVENT"))


def lines_ok(data):
    lines = data.split(b"\r\n")
    return lines[-1] == b"" and all(len(l) <= 75 and b"\n" not in l and b"\r" not in l
                                   for l in lines[:-1])


def year_of(period, month):
    """The year of a month without one, by the rule of doc/ics.md."""
    start, end = period.get("start"), period.get("end")
    if start and end and not start.startswith("--") and not end.startswith("--"):
        sy, sm = int(start[:4]), int(start[5:7])
        ey, em = int(end[:4]), int(end[5:7])
        for y in range(sy, ey + 1):
            if sy * 12 + sm <= y * 12 + month <= ey * 12 + em:
                return y
    if start and not start.startswith("--"):
        return int(start[:4]) + (month < int(start[5:7]))
    if period.get("schoolyear"):
        return int(period.get("schoolyear")) + (month < 9)
    return None


def expected_summaries(path):
    """The texts of the activities that get an event, and their count of all."""
    root = ET.parse(path).getroot()
    plans = [root] if root.tag == NS + "plan" else root.findall(NS + "plan")
    texts, total, years = [], 0, set()
    for plan in plans:
        period = plan.find(NS + "meta/" + NS + "period")
        period = period.attrib if period is not None else {}
        for month in plan.iter(NS + "month"):
            for act in month.findall(NS + "activity"):
                total += 1
                date = act.get("date")
                m = int(date[-5:-3]) if date else int(month.get("month"))
                if date and not date.startswith("--"):
                    y = int(date[:4])
                elif month.get("year"):
                    y = int(month.get("year"))
                else:
                    y = year_of(period, m)
                if y is not None:
                    texts.append(act.text or "")
                    years.add(y)
                    if not date and int(month.get("to") or m) < m:
                        years.add(y + 1)
        if period.get("start") and period.get("end"):
            years.update(range(int(period["start"][:4]), int(period["end"][:4]) + 1))
    return texts, total, years


def csv_rows(*args):
    out = run(*args).decode("utf-8").splitlines()[1:]
    return [tuple(l.split(",")) for l in out]


def check_example(path):
    name = os.path.basename(path)
    data = run("export", "--to=ics", path)
    cal, evs = events(data)
    want, total, years = expected_summaries(path)
    check(cal.get("VERSION") == "2.0" and cal.get("CALSCALE") == "GREGORIAN"
          and "PRODID" in cal, name + ": VERSION, PRODID and CALSCALE")
    check(len(evs) == len(want), "%s: %d events for %d of %d activities"
          % (name, len(evs), len(want), total))
    got = collections.Counter(str(e["SUMMARY"]) for e in evs)
    check(got == collections.Counter(want), name + ": SUMMARY is each activity's text, intact")
    check(all("DTSTAMP" in e and "UID" in e for e in evs), name + ": every event has UID and DTSTAMP")
    check(len({str(e["UID"]) for e in evs}) == len(evs), name + ": the UIDs are distinct")
    check(all(e["DTEND"].dt > e["DTSTART"].dt and not isinstance(e["DTSTART"].dt, datetime.datetime)
              for e in evs), name + ": all-day events that end after they start")
    check(lines_ok(data), name + ": CRLF lines of at most 75 octets")
    check(run("export", "--to=ics", path) == data, name + ": a second export is the same")
    hdata = run("export", "--to=ics", "--holidays", path)
    _, hevs = events(hdata)
    extra = 0
    years = set(range(min(years), max(years) + 1)) if years else years
    for y in years:
        extra += len(csv_rows("holidays", "--format=csv", str(y)))
        try:
            extra += len(csv_rows("holidays", "--statutory", "--format=csv", str(y)))
        except subprocess.CalledProcessError:
            pass
    check(len(hevs) == len(evs) + extra, "%s --holidays: %d events, %d more for years %s"
          % (name, len(hevs), extra, sorted(years)))
    check(lines_ok(hdata), name + " --holidays: CRLF lines of at most 75 octets")
    return evs


def check_seed0(evs):
    days = {e["DTSTART"].dt.isoformat() for e in evs}
    check(len(evs) >= 26, "seed-000: %d entries (at least 26)" % len(evs))
    for d in ("2012-09-10", "2012-09-25", "2012-12-31"):
        check(d in days, "seed-000: an event on " + d)
    teachers = [e for e in evs if e["DTSTART"].dt == datetime.date(2012, 9, 10)]
    check(any("教师节" in str(e["SUMMARY"]) and e.get("CATEGORIES").to_ical().decode() == "教师节"
              for e in teachers), "seed-000: 2012-09-10 is 教师节, in CATEGORIES")
    check(all(e["DTEND"].dt == e["DTSTART"].dt + datetime.timedelta(days=1) for e in teachers),
          "seed-000: DTEND is the day after")


def check_feed():
    cal, evs = events(run("holidays", "--format=ics", "2026"))
    check(str(cal.get("X-WR-CALNAME")) == "中国节假日 2026", "feed 2026: its name")
    by_cat = collections.defaultdict(set)
    for e in evs:
        cat = e.get("CATEGORIES").to_ical().decode()
        by_cat[cat].add((e["DTSTART"].dt.isoformat(), str(e["SUMMARY"])))
        check(e["DTEND"].dt == e["DTSTART"].dt + datetime.timedelta(days=1),
              "feed 2026: %s %s lasts one day" % (e["DTSTART"].dt, e["SUMMARY"]))
    fest = {(d, n) for d, k, n in csv_rows("holidays", "--format=csv", "2026")}
    check(by_cat["节日"] == fest, "feed 2026: the festivals of holidays --format=csv (%d)" % len(fest))
    stat = csv_rows("holidays", "--statutory", "--format=csv", "2026")
    off = {(d, n + "（休）") for d, k, n in stat if k != "adjusted-workday"}
    work = {(d, n) for d, k, n in stat if k == "adjusted-workday"}
    check(by_cat["法定节假日"] == off, "feed 2026: the days off of holidays --statutory (%d)" % len(off))
    check(by_cat["调休上班"] == work, "feed 2026: the working days of holidays --statutory (%d)" % len(work))
    check(len(evs) == len(fest) + len(off) + len(work), "feed 2026: nothing else (%d events)" % len(evs))
    days = sorted(d for d, _ in off | work)
    status = {r[0]: (r[1], r[2]) for r in csv_rows("workday", "--format=csv", *days)}
    check(all(status[d] == ("workday", "adjusted-workday") for d, _ in work),
          "feed 2026: workday says each 调休上班 day is an adjusted working day")
    check(all(status[d][0] == "day-off" and status[d][1] != "weekend" for d, _ in off),
          "feed 2026: workday says each day off is a holiday's")
    check(("2026-10-01", "国庆节（休）") in off and ("2026-02-17", "春节（休）") in off,
          "feed 2026: 国庆节 and 春节 are there")


CLI = sys.argv[1]
seed_events = None
for f in sys.argv[2:]:
    evs = check_example(f)
    if os.path.basename(f) == "seed-000.xml":
        seed_events = evs
check(seed_events is not None, "seed-000.xml was among the examples")
if seed_events is not None:
    check_seed0(seed_events)
check_feed()
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
