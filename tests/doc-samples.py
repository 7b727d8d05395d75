#!/usr/bin/env python3
"""Run the code samples of Markdown pages (tests/check-doc-samples.sh).

    doc-samples.py PAGE.md...

Every fenced block whose language is c, sh, shell, bash, console, python or
lua is a sample and is run; a block of any other language (or none) is
text.  A page's samples run in order in one scratch directory per page,
which holds links to the source tree's doc/ and tests/ and three fixtures:
plan.xml (doc/examples/seed-000.xml), plans/ (the doc/examples plans) and
plan.txt (the text plan of seed 000).  So a sample may read
doc/examples/seed-000.xml, and a later sample of the page may read a file an
earlier one wrote.

HTML comments on the lines just above a fence steer its block:

    <!-- norun: REASON -->   not run (counted as skipped)
    <!-- args: A B -->       command-line arguments (c, python, lua)
    <!-- exit: N -->         the exit status expected instead of 0
    <!-- before: CODE -->   hidden set-up run first: a line of code (several
                             such markers give several lines); in C, the
                             first lines of main(), or the lines before the
                             program when it has its own main()
    <!-- continue -->       run after the previous sample of the same
                             language on the page (python, lua, sh), which
                             defines what this one uses
    <!-- output -->          (on a text block) the standard output the
                             previous sample must print

A text block introduced by a line "prints" or "prints:" just after a
sample is also its expected output.  How the samples run:

    c        compiled with libtool against libunionplan.la of the build tree
             (a block without main() is the body of one, with <stdio.h>,
             <stdlib.h>, <string.h> and <unionplan.h> included); then run
    sh ...   bash -e -o pipefail, with the built CLI first on PATH, python3
             and lua5.4 being the interpreters the bindings were built for;
             console: the lines starting with "$ " are the commands
    python   the interpreter of the binding, the build tree's package on
             PYTHONPATH
    lua      Lua 5.4, the build tree's module on LUA_CPATH

Environment (set by the shell script): top_srcdir, top_builddir, CC,
PYTHON and UPL_PYTHON_BINDING=yes, LUA54 and UPL_LUA54_BINDING=yes,
UPL_ASAN_RUNTIME (preloaded, leak detection off, in a sanitizer build).
Exit status 0 when every sample run passed, 1 when one failed, 99 when a
page cannot be read or has a malformed marker.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

LANGS = {"c": "c", "sh": "sh", "shell": "sh", "bash": "sh", "console": "sh",
         "python": "python", "py": "python", "lua": "lua"}
FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})\s*([A-Za-z0-9_+-]*)")
MARK = re.compile(r"^\s*<!--\s*([a-z]+)\s*(?::\s*(.*?))?\s*-->\s*$")
KNOWN_MARKS = {"norun", "args", "exit", "continue", "before", "output", "tested"}
TIMEOUT = 120


class Block:
    def __init__(self, page, line, lang, info, code, marks):
        self.page, self.line, self.lang, self.info = page, line, lang, info
        self.code, self.marks = code, marks
        self.expect = None          # expected standard output, when given

    def where(self):
        return "%s:%d (%s)" % (self.page, self.line, self.info or "text")


def read_blocks(page, text):
    """The fenced blocks of a page, with the markers above each."""
    lines = text.split("\n")
    blocks, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, info = len(m.group(1)), m.group(2), m.group(3).lower()
        marks, j = {}, i - 1
        while j >= 0 and MARK.match(lines[j]):
            mm = MARK.match(lines[j])
            if mm.group(1) == "before" and "before" in marks:
                marks["before"] = (mm.group(2) or "") + "\n" + marks["before"]
            else:
                marks[mm.group(1)] = mm.group(2) or ""
            j -= 1
        unknown = set(marks) - KNOWN_MARKS
        if unknown:
            raise ValueError("%s:%d: unknown marker %s" % (page, i + 1, ", ".join(sorted(unknown))))
        body, k = [], i + 1
        while k < len(lines) and not (lines[k].lstrip(" ").startswith(fence[0] * len(fence))
                                      and lines[k].strip(" " + fence[0]) == ""):
            body.append(lines[k][indent:] if lines[k][:indent].strip() == "" else lines[k])
            k += 1
        if k == len(lines):
            raise ValueError("%s:%d: the fence is never closed" % (page, i + 1))
        while j >= 0 and lines[j].strip() == "":
            j -= 1
        prev = lines[j].strip().lower() if j >= 0 else ""
        b = Block(page, i + 1, LANGS.get(info), info, "\n".join(body) + "\n", marks)
        b.prints = prev in ("prints", "prints:")
        blocks.append(b)
        i = k + 1
    # a text block marked as output, or after "prints", belongs to the sample before it
    for n, b in enumerate(blocks):
        if b.lang is None and ("output" in b.marks or b.prints) and n > 0 and blocks[n - 1].lang:
            blocks[n - 1].expect = b.code
    return blocks


def console_commands(code):
    return "".join(l[2:] + "\n" for l in code.split("\n") if l.startswith("$ "))


class Runner:
    def __init__(self):
        env = os.environ
        self.src = os.path.abspath(env.get("top_srcdir", "."))
        self.build = os.path.abspath(env.get("top_builddir", "."))
        self.cc = env.get("CC", "cc")
        self.python = env.get("PYTHON") if env.get("UPL_PYTHON_BINDING") == "yes" else None
        self.lua = env.get("LUA54") if env.get("UPL_LUA54_BINDING") == "yes" else None
        self.tmp = tempfile.mkdtemp(prefix="doc-samples.")
        self.shims = os.path.join(self.tmp, "bin")
        os.mkdir(self.shims)
        for name, target in (("python3", self.python), ("lua5.4", self.lua)):
            if target:
                os.symlink(shutil.which(target) or target, os.path.join(self.shims, name))
        self.env = self.environment()
        self.ran = self.skipped = self.absent = self.failed = 0

    def environment(self):
        env = dict(os.environ)
        libs = os.path.join(self.build, "libunionplan", ".libs")
        env["PATH"] = os.pathsep.join([self.shims, os.path.join(self.build, "cli"), env.get("PATH", "")])
        env["LD_LIBRARY_PATH"] = libs + (os.pathsep + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
        env["PYTHONPATH"] = os.path.join(self.build, "bindings", "python")
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["LUA_CPATH"] = os.path.join(self.build, "bindings", "lua", "5.4", "?.so") + ";;"
        for k in ("LUA_CPATH_5_4", "LUA_INIT", "LUA_INIT_5_4", "LUA_PATH_5_4"):
            env.pop(k, None)
        asan = env.get("UPL_ASAN_RUNTIME")
        if asan:    # the interpreters are not instrumented: the runtime first, no leak report
            env["LD_PRELOAD"] = asan + (":" + env["LD_PRELOAD"] if env.get("LD_PRELOAD") else "")
            env["ASAN_OPTIONS"] = (env["ASAN_OPTIONS"] + ":" if env.get("ASAN_OPTIONS") else "") + "detect_leaks=0"
        return env

    def scratch(self, page):
        d = tempfile.mkdtemp(prefix="page.", dir=self.tmp)
        for name in ("doc", "tests"):
            os.symlink(os.path.join(self.src, name), os.path.join(d, name))
        ex = os.path.join(self.src, "doc", "examples")
        shutil.copy(os.path.join(ex, "seed-000.xml"), os.path.join(d, "plan.xml"))
        os.mkdir(os.path.join(d, "plans"))
        for f in sorted(os.listdir(ex)):
            if f.endswith(".xml"):
                shutil.copy(os.path.join(ex, f), os.path.join(d, "plans", f))
        seeds = os.path.join(self.src, "tests", "data", "seeds")
        txt = [f for f in sorted(os.listdir(seeds)) if f.startswith("000_")]
        shutil.copy(os.path.join(seeds, txt[0]), os.path.join(d, "plan.txt"))
        return d

    def command(self, b, code, cwd, n):
        """The command that runs sample n (its source written into cwd), or a failure text."""
        args = b.marks.get("args", "").split()
        base = os.path.join(cwd, ".sample-%d" % n)
        if b.lang == "sh":
            with open(base + ".sh", "w", encoding="utf-8") as f:
                f.write(console_commands(code) if b.info == "console" else code)
            return ["bash", "-e", "-o", "pipefail", base + ".sh"] + args, None
        if b.lang == "python":
            with open(base + ".py", "w", encoding="utf-8") as f:
                f.write(code)
            return [self.python, base + ".py"] + args, None
        if b.lang == "lua":
            with open(base + ".lua", "w", encoding="utf-8") as f:
                f.write(code)
            return [self.lua, base + ".lua"] + args, None
        return self.compile_c(code, base, args, cwd)

    def compile_c(self, code, base, args, cwd):
        if not re.search(r"\bmain\s*\(", code):
            code = ("#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <unionplan.h>\n\n"
                    "int main(void)\n{\n" + code + "return 0;\n}\n")
        with open(base + ".c", "w", encoding="utf-8") as f:
            f.write(code)
        libtool = os.path.join(self.build, "libtool")
        cmd = [libtool, "--quiet", "--mode=link", "--tag=CC"] + self.cc.split() + [
            "-std=c11", "-Wall", "-Wextra", "-Werror",
            "-I" + os.path.join(self.build, "include"), "-I" + os.path.join(self.src, "include"),
            "-o", base, base + ".c", os.path.join(self.build, "libunionplan", "libunionplan.la")]
        p = subprocess.run(cmd, cwd=cwd, env=self.env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=TIMEOUT)
        if p.returncode != 0:
            return None, "does not compile:\n" + p.stdout.decode("utf-8", "replace")
        return [libtool, "--mode=execute", base] + args, None

    def missing(self, b):
        return (b.lang == "python" and not self.python) or (b.lang == "lua" and not self.lua)

    def run_page(self, page):
        try:
            with open(page, encoding="utf-8") as f:
                blocks = read_blocks(os.path.relpath(page, self.src), f.read())
        except (OSError, ValueError) as e:
            print("ERROR:", e)
            return False
        cwd, last, n = self.scratch(page), {}, 0
        for b in blocks:
            if not b.lang:
                continue
            if "norun" in b.marks:
                self.skipped += 1
                print("skip: %s: %s" % (b.where(), b.marks["norun"] or "marked norun"))
                continue
            if self.missing(b):
                self.absent += 1
                print("skip: %s: the %s binding is not built" % (b.where(), b.lang))
                continue
            code = b.code
            if "before" in b.marks:
                code = self.with_before(b, code)
            if "continue" in b.marks:
                if b.lang not in last:
                    print("ERROR: %s: <!-- continue --> without an earlier %s sample" % (b.where(), b.lang))
                    return False
                code = last[b.lang] + code
            last[b.lang] = code
            n += 1
            self.run_block(b, code, cwd, n)
        return True

    @staticmethod
    def with_before(b, code):
        before = b.marks["before"] + "\n"
        if b.lang == "c" and not re.search(r"\bmain\s*\(", code):
            return "{\n" + before + code + "}\n"
        return before + code

    def run_block(self, b, code, cwd, n):
        self.ran += 1
        want = int(b.marks.get("exit") or 0)
        cmd, why = self.command(b, code, cwd, n)
        if cmd:
            try:
                p = subprocess.run(cmd, cwd=cwd, env=self.env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
                out, err = (p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))
                if p.returncode != want:
                    why = "exit status %d, not %d" % (p.returncode, want)
                elif b.expect is not None and norm(out) != norm(b.expect):
                    why = "the output differs from the page's"
            except subprocess.TimeoutExpired:
                out, err, why = "", "", "still running after %d s" % TIMEOUT
        if why is None:
            print("ok: %s%s" % (b.where(), ", output as shown" if b.expect is not None else ""))
            return
        self.failed += 1
        print("FAIL: %s: %s" % (b.where(), why))
        print("---- the sample:\n" + code.rstrip("\n"))
        if cmd:
            print("---- its output:\n" + out.rstrip("\n") + "\n---- its errors:\n" + err.rstrip("\n"))
            if b.expect is not None:
                print("---- the page says:\n" + b.expect.rstrip("\n"))
        print("----")


def norm(text):
    return "\n".join(l.rstrip() for l in text.strip("\n").split("\n"))


def main(argv):
    if len(argv) < 2:
        print("usage: doc-samples.py PAGE.md...", file=sys.stderr)
        return 2
    r = Runner()
    try:
        good = all([r.run_page(p) for p in argv[1:]])
    finally:
        shutil.rmtree(r.tmp, ignore_errors=True)
    print("doc samples: %d run, %d failed, %d skipped (norun), %d skipped (binding not built)"
          % (r.ran, r.failed, r.skipped, r.absent))
    if not good:
        return 99
    return 1 if r.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
