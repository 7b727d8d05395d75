"""Shared helpers of the Python binding's tests (not a test module).

Paths come from the environment that `make check` sets:
UPL_TOP_SRCDIR (the source tree; default: the tree these tests sit in) and
UPL_TOP_BUILDDIR (the build tree, where cli/unionplan is; default: the
source tree, an in-tree build).
"""
import os
import pathlib
import subprocess

TESTS_DIR = pathlib.Path(__file__).resolve().parent
# bindings/python/tests -> the top of the source tree
TOP_SRCDIR = pathlib.Path(os.environ.get("UPL_TOP_SRCDIR") or TESTS_DIR.parents[2])
TOP_BUILDDIR = pathlib.Path(os.environ.get("UPL_TOP_BUILDDIR") or TOP_SRCDIR)
EXAMPLES = TOP_SRCDIR / "doc" / "examples"
DATA = TOP_SRCDIR / "tests" / "data"
SEEDS = DATA / "seeds"
CLI = TOP_BUILDDIR / "cli" / "unionplan"


def example(n):
    """The path of doc/examples/seed-NNN.xml."""
    return EXAMPLES / ("seed-%03d.xml" % n)


def seed_text(n):
    """The path of the seed text NNN_*.txt under tests/data/seeds."""
    found = sorted(SEEDS.glob("%03d_*.txt" % n))
    if not found:
        raise FileNotFoundError(SEEDS / ("%03d_*.txt" % n))
    return found[0]


def cli_validate_lines(*paths, cwd=None):
    """The CLI's GNU diagnostic lines for `unionplan validate PATHS`.

    Returns (exit status, list of lines); None when the CLI is not built."""
    if not (CLI.is_file() and os.access(CLI, os.X_OK)):
        return None
    proc = subprocess.run([str(CLI), "validate", *[str(p) for p in paths]],
                          capture_output=True, text=True, cwd=cwd)
    return proc.returncode, [l for l in proc.stderr.splitlines() if l]


def rss_pages():
    """Resident set size of this process in pages (Linux /proc/self/statm)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1])
