"""Build unionplan._unionplan against an installed libunionplan.

The compiler and linker flags come from `pkg-config --cflags --libs
libunionplan` (set PKG_CONFIG_PATH for a library under a prefix pkg-config
does not search); the version is the library's. The sources are the same
src/*.c that the library's own build compiles. A library outside the
linker's default directories is found at run time through the rpath
recorded here, so LD_LIBRARY_PATH is not needed.
"""
import glob
import os
import shlex
import subprocess
import sys

from setuptools import Extension, setup

HERE = os.path.dirname(os.path.abspath(__file__))


def pkg_config(*args):
    """The words pkg-config prints for libunionplan, or exit with its message."""
    cmd = [os.environ.get("PKG_CONFIG", "pkg-config"), *args, "libunionplan"]
    try:
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    except FileNotFoundError:
        sys.exit("setup.py: pkg-config not found; it is needed to find libunionplan")
    except subprocess.CalledProcessError as e:
        sys.exit("setup.py: %s failed (is libunionplan installed? PKG_CONFIG_PATH=%s):\n%s"
                 % (" ".join(cmd), os.environ.get("PKG_CONFIG_PATH", ""), e.stderr))
    return shlex.split(out)


def extension():
    includes, libdirs, libs, cflags, ldflags = [], [], [], [], []
    for word in pkg_config("--cflags"):
        (includes.append(word[2:]) if word.startswith("-I") else cflags.append(word))
    for word in pkg_config("--libs"):
        if word.startswith("-L"):
            libdirs.append(word[2:])
        elif word.startswith("-l"):
            libs.append(word[2:])
        else:
            ldflags.append(word)
    sources = sorted(os.path.relpath(p, HERE)
                     for p in glob.glob(os.path.join(HERE, "src", "*.c")))
    return Extension(
        "unionplan._unionplan",
        sources=sources,
        depends=[os.path.join("src", "unionplan-py.h")],
        include_dirs=["src"] + includes,
        library_dirs=libdirs,
        libraries=libs,
        runtime_library_dirs=libdirs,
        extra_compile_args=cflags + ["-fvisibility=hidden"],
        extra_link_args=ldflags,
    )


setup(version=pkg_config("--modversion")[0], ext_modules=[extension()])
