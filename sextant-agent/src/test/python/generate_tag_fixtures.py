"""Writes the expected wheel-tag lists that core's SupportedTagsTest compares against.

Each case runs packaging's own ``packaging.tags.sys_tags()`` end to end, with only what it reads
from the running interpreter and host replaced: ``sys`` (implementation, version, debug hooks),
``sysconfig`` (config variables, platform), ``platform`` (system, mac_ver), the 32-bit flag, the
glibc version, the musl version and the ELF checks of the executable. So the lists are the
published algorithm's, not a second reading of it.

    python3 generate_tag_fixtures.py [--packaging DIR] [PYTHON ...]

Needs packaging 26.2 (``pip install packaging==26.2``); the fixtures were made with it. The first
case is also checked against the unpatched ``sys_tags()`` when run on the reference host
(CPython 3.11, x86_64, glibc 2.36).

Each PYTHON named (a path to a real interpreter) is recorded too: what Sextant's probe snippet
prints there (``reports/<name>.txt``) and what the unpatched ``sys_tags()`` gives there, with
the same packaging (``tags/real-<name>.txt``). ``--packaging DIR`` names the folder holding the
``packaging`` package, so that interpreters without it can import it.
"""

import os
import subprocess
import sys
import types

ARGS = sys.argv[1:]
PACKAGING_DIR = None
if ARGS[:1] == ["--packaging"]:
    PACKAGING_DIR, ARGS = ARGS[1], ARGS[2:]
    sys.path.insert(0, PACKAGING_DIR)

import packaging
from packaging import _manylinux, _musllinux, tags

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "resources", "dev", "sextant", "agent", "probe", "python")
# The synthetic cases test core's tag computation; the real ones, the agent's probe.
OUT = os.path.join(
    HERE, "..", "..", "..", "..", "sextant-core", "src", "test", "resources", "dev", "sextant", "core",
    "python", "tags")
REAL_OUT = os.path.join(FIXTURES, "tags")
SNIPPET = os.path.join(
    HERE, "..", "..", "main", "resources", "dev", "sextant", "agent", "probe", "python",
    "interpreter.py")

RELEASE = {"Py_DEBUG": 0, "WITH_PYMALLOC": 1, "Py_GIL_DISABLED": 0}

# name: (implementation, (major, minor), config vars, system, sysconfig platform, pointer bits,
#        glibc, musl, executable ELF kind, mac release, EXT_SUFFIX)
CASES = {
    "cp311-glibc236-x86_64": ("cpython", (3, 11), RELEASE, "Linux", "linux-x86_64", 64, (2, 36), None, None, None, None),
    "cp311-glibc217-x86_64": ("cpython", (3, 11), RELEASE, "Linux", "linux-x86_64", 64, (2, 17), None, None, None, None),
    "cp311-glibc228-x86_64": ("cpython", (3, 11), RELEASE, "Linux", "linux-x86_64", 64, (2, 28), None, None, None, None),
    "cp311-glibc231-x86_64": ("cpython", (3, 11), RELEASE, "Linux", "linux-x86_64", 64, (2, 31), None, None, None, None),
    "cp311-glibc235-x86_64": ("cpython", (3, 11), RELEASE, "Linux", "linux-x86_64", 64, (2, 35), None, None, None, None),
    "cp311-glibc217-aarch64": ("cpython", (3, 11), RELEASE, "Linux", "linux-aarch64", 64, (2, 17), None, None, None, None),
    "cp311-glibc228-aarch64": ("cpython", (3, 11), RELEASE, "Linux", "linux-aarch64", 64, (2, 28), None, None, None, None),
    "cp311-glibc231-aarch64": ("cpython", (3, 11), RELEASE, "Linux", "linux-aarch64", 64, (2, 31), None, None, None, None),
    "cp311-glibc235-aarch64": ("cpython", (3, 11), RELEASE, "Linux", "linux-aarch64", 64, (2, 35), None, None, None, None),
    "cp311-glibc236-i686": ("cpython", (3, 11), RELEASE, "Linux", "linux-x86_64", 32, (2, 36), None, "i386", None, None),
    "cp39-glibc231-armv7l": ("cpython", (3, 9), RELEASE, "Linux", "linux-armv7l", 32, (2, 31), None, "armhf", None, None),
    "cp39-glibc231-armv7l-softfloat": ("cpython", (3, 9), RELEASE, "Linux", "linux-armv7l", 32, (2, 31), None, "armel", None, None),
    "cp311-glibc235-armv8l": ("cpython", (3, 11), RELEASE, "Linux", "linux-aarch64", 32, (2, 35), None, "armhf", None, None),
    "cp310-glibc228-ppc64le": ("cpython", (3, 10), RELEASE, "Linux", "linux-ppc64le", 64, (2, 28), None, None, None, None),
    "cp312-glibc234-s390x": ("cpython", (3, 12), RELEASE, "Linux", "linux-s390x", 64, (2, 34), None, None, None, None),
    "cp312-glibc235-riscv64": ("cpython", (3, 12), RELEASE, "Linux", "linux-riscv64", 64, (2, 35), None, None, None, None),
    "cp311-glibc231-mips64": ("cpython", (3, 11), RELEASE, "Linux", "linux-mips64", 64, (2, 31), None, None, None, None),
    "cp311-glibc301-x86_64": ("cpython", (3, 11), RELEASE, "Linux", "linux-x86_64", 64, (3, 1), None, None, None, None),
    "cp311-nolibc-x86_64": ("cpython", (3, 11), RELEASE, "Linux", "linux-x86_64", 64, None, None, None, None, None),
    "cp311-musl11-x86_64": ("cpython", (3, 11), RELEASE, "Linux", "linux-x86_64", 64, None, (1, 1), None, None, None),
    "cp312-musl12-aarch64": ("cpython", (3, 12), RELEASE, "Linux", "linux-aarch64", 64, None, (1, 2), None, None, None),
    "cp38-glibc231-x86_64": ("cpython", (3, 8), RELEASE, "Linux", "linux-x86_64", 64, (2, 31), None, None, None, None),
    "cp39-glibc231-x86_64": ("cpython", (3, 9), RELEASE, "Linux", "linux-x86_64", 64, (2, 31), None, None, None, None),
    "cp312-glibc235-x86_64": ("cpython", (3, 12), RELEASE, "Linux", "linux-x86_64", 64, (2, 35), None, None, None, None),
    "cp313-glibc239-x86_64": ("cpython", (3, 13), RELEASE, "Linux", "linux-x86_64", 64, (2, 39), None, None, None, None),
    "cp313t-glibc239-x86_64": ("cpython", (3, 13), dict(RELEASE, Py_GIL_DISABLED=1), "Linux", "linux-x86_64", 64, (2, 39), None, None, None, None),
    "cp311d-glibc236-x86_64": ("cpython", (3, 11), dict(RELEASE, Py_DEBUG=1), "Linux", "linux-x86_64", 64, (2, 36), None, None, None, None),
    "cp37m-glibc228-x86_64": ("cpython", (3, 7), RELEASE, "Linux", "linux-x86_64", 64, (2, 28), None, None, None, None),
    "pp310-glibc235-x86_64": ("pypy", (3, 10), RELEASE, "Linux", "linux-x86_64", 64, (2, 35), None, None, None, ".pypy310-pp73-x86_64-linux-gnu.so"),
    "cp312-macos14-arm64": ("cpython", (3, 12), RELEASE, "Darwin", "macosx-11.0-arm64", 64, None, None, None, ("14.2.1", "arm64"), None),
    "cp312-macos13-x86_64": ("cpython", (3, 12), RELEASE, "Darwin", "macosx-10.9-x86_64", 64, None, None, None, ("13.6", "x86_64"), None),
    "cp311-macos1015-x86_64": ("cpython", (3, 11), RELEASE, "Darwin", "macosx-10.9-x86_64", 64, None, None, None, ("10.15.7", "x86_64"), None),
    "cp311-win_amd64": ("cpython", (3, 11), {"Py_GIL_DISABLED": 0}, "Windows", "win-amd64", 64, None, None, None, None, ".cp311-win_amd64.pyd"),
}


def sys_tags_for(case):
    name, version, config, system, plat, bits, glibc, musl, elf, mac, ext_suffix = case
    config = dict(config, py_version_nodot="%d%d" % version, EXT_SUFFIX=ext_suffix)
    fake_sys = types.SimpleNamespace(
        implementation=types.SimpleNamespace(name=name),
        version_info=version + (0, "final", 0),
        maxunicode=0x10FFFF)
    tags.sys = fake_sys
    tags.sysconfig = types.SimpleNamespace(
        get_config_var=config.get, get_platform=lambda: plat)
    release, machine = mac or ("", "")
    tags.platform = types.SimpleNamespace(
        system=lambda: system, mac_ver=lambda: (release, ("", "", ""), machine))
    tags.EXTENSION_SUFFIXES = [ext_suffix] if ext_suffix else []
    tags._linux_platforms.__defaults__ = (bits == 32,)
    tags._mac_arch.__defaults__ = (bits == 32,)
    _manylinux._get_glibc_version = lambda: _manylinux._GLibCVersion(*(glibc or (-1, -1)))
    _manylinux._is_linux_armhf = lambda executable: elf == "armhf"
    _manylinux._is_linux_i686 = lambda executable: elf == "i386"
    _musllinux._get_musl_version = lambda executable: _musllinux._MuslVersion(*musl) if musl else None
    return [str(tag) for tag in tags.sys_tags()]


def main():
    host = [str(tag) for tag in tags.sys_tags()]
    os.makedirs(OUT, exist_ok=True)
    for name, case in CASES.items():
        computed = sys_tags_for(case)
        assert len(computed) == len(set(computed)), name + " has duplicates"
        if name == "cp311-glibc236-x86_64" and host[0] == "cp311-cp311-manylinux_2_36_x86_64":
            assert computed == host, "the reference case differs from this host's sys_tags()"
        with open(os.path.join(OUT, name + ".txt"), "w") as f:
            f.write("# packaging %s sys_tags() for %s\n" % (packaging.__version__, name))
            f.write("\n".join(computed) + "\n")
        print("%-34s %5d tags" % (name, len(computed)))
    for python in ARGS:
        record(python)


def record(python):
    with open(SNIPPET) as f:
        snippet = f.read()
    report = subprocess.check_output([python, "-c", snippet]).decode()
    values = dict(line.split("=", 1) for line in report.splitlines())
    name = "%s-%s" % (values["implementation"], values["version"])
    env = dict(os.environ, PYTHONPATH=PACKAGING_DIR or "")
    listed = subprocess.check_output(
        [python, "-c", "import packaging, packaging.tags as t; print(packaging.__version__); "
                       "print('\\n'.join(map(str, t.sys_tags())))"], env=env).decode().splitlines()
    os.makedirs(os.path.join(FIXTURES, "reports"), exist_ok=True)
    with open(os.path.join(FIXTURES, "reports", name + ".txt"), "w") as f:
        f.write(report)
    with open(os.path.join(REAL_OUT, "real-" + name + ".txt"), "w") as f:
        f.write("# packaging %s sys_tags() run in %s\n" % (listed[0], name))
        f.write("\n".join(listed[1:]) + "\n")
    print("%-34s %5d tags (real)" % ("real-" + name, len(listed) - 1))


if __name__ == "__main__":
    main()
