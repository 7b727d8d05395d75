"""TAP-like checks for the Python test scripts of tests/ (check-html.py,
check-html-render.py): check() prints "ok - WHAT" or "FAIL - WHAT" and
counts; finish() prints "N passed, N failed" and gives the exit status."""
counts = {"passed": 0, "failed": 0}


def check(cond, what):
    key = "passed" if cond else "failed"
    counts[key] += 1
    print(("ok - " if cond else "FAIL - ") + what)
    return bool(cond)


def finish():
    print("%d passed, %d failed" % (counts["passed"], counts["failed"]))
    return 1 if counts["failed"] else 0
