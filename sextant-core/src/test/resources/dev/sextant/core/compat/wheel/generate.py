#!/usr/bin/env python3
"""Writes the wheel fixtures from pip's own code, so the Java tests compare with pip's answers.

Run from anywhere: python3 sextant-core/src/test/resources/dev/sextant/core/compat/wheel/generate.py
Needs CPython 3.11 (the tag lists are a CPython 3.11 interpreter's), packaging and pip.

Each environment is this interpreter's packaging.tags.sys_tags() with the host facts packaging reads
replaced: sysconfig.get_platform() (the architecture), the glibc version, and the musl version that
packaging would read from the interpreter's ELF header. Everything else (the order, the legacy
manylinux aliases, abi3, the compatible py* tags) is packaging's own code.
"""

import os
import sys
import sysconfig
from unittest import mock

import packaging
import packaging._manylinux as manylinux
import packaging._musllinux as musllinux
import packaging.tags as tags
import pip
from packaging.utils import InvalidWheelFilename, parse_wheel_filename
from pip._internal.models.wheel import Wheel
from pip._vendor.packaging.tags import Tag as PipTag

HERE = os.path.dirname(os.path.abspath(__file__))
COMMAND = "python3 sextant-core/src/test/resources/dev/sextant/core/compat/wheel/generate.py"

# name: (sysconfig platform, glibc (major, minor) or None, musl (major, minor) or None)
ENVIRONMENTS = {
    "cp311-manylinux_2_35_x86_64": ("linux-x86_64", (2, 35), None),
    "cp311-manylinux_2_34_x86_64": ("linux-x86_64", (2, 34), None),
    "cp311-manylinux_2_26_aarch64": ("linux-aarch64", (2, 26), None),
    "cp311-musllinux_1_2_x86_64": ("linux-x86_64", None, (1, 2)),
}

WHEELS = [
    "torch-2.3.1+cu121-cp311-cp311-linux_x86_64.whl",
    "torch-2.3.1+cpu-cp311-cp311-linux_x86_64.whl",
    "torch-2.3.1-cp311-none-macosx_11_0_arm64.whl",
    "torch-2.3.1-cp311-cp311-win_amd64.whl",
    "numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "numpy-1.26.4-cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64.whl",
    "numpy-1.26.4-cp311-cp311-musllinux_1_1_x86_64.whl",
    "numpy-1.26.4-cp311-cp311-macosx_11_0_arm64.whl",
    "numpy-1.26.4-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "cryptography-42.0.5-cp39-abi3-manylinux_2_28_x86_64.whl",
    "cryptography-42.0.5-cp39-abi3-manylinux_2_28_aarch64.whl",
    "cryptography-42.0.5-cp37-abi3-musllinux_1_2_x86_64.whl",
    "cryptography-42.0.5-cp38-abi3-manylinux1_x86_64.whl",
    "foo-1.0-cp312-abi3-manylinux_2_17_x86_64.whl",
    "foo-1.0-cp311-cp311-manylinux1_x86_64.whl",
    "foo-1.0-cp311-cp311-manylinux2010_x86_64.whl",
    "foo-1.0-cp311-cp311-manylinux2014_x86_64.whl",
    "foo-1.0-cp311-cp311-manylinux_2_35_x86_64.whl",
    "foo-1.0-cp311-cp311-manylinux_2_34_x86_64.whl",
    "foo-1.0-cp311-cp311-manylinux_2_28_aarch64.whl",
    "foo-1.0-cp311-cp311-manylinux_2_5_aarch64.whl",
    "foo-1.0-cp311-cp311-manylinux2014_i686.whl",
    "foo-1.0-cp311-cp311-musllinux_1_2_aarch64.whl",
    "foo-1.0-cp311-cp311-manylinux_2_26_aarch64.whl",
    "foo-1.0-cp311-cp311-linux_aarch64.whl",
    "foo-1.0-cp39-abi3-manylinux2014_aarch64.whl",
    "foo-1.0-cp311-cp311-musllinux_1_3_x86_64.whl",
    "foo-1.0-cp311-cp311d-linux_x86_64.whl",
    "foo-1.0-cp311-abi3-any.whl",
    "foo-1.0-pp310-pypy310_pp73-manylinux_2_17_x86_64.whl",
    "foo-1.0-cp311.cp312-cp311.cp312-manylinux_2_28_x86_64.whl",
    "foo-1.0-cp36-abi3-linux_armv7l.whl",
    "six-1.16.0-py2.py3-none-any.whl",
    "requests-2.31.0-py3-none-any.whl",
    "foo-1.0-py311-none-any.whl",
    "foo-1.0-py312-none-any.whl",
    "foo-1.0-py30-none-any.whl",
    "foo-1.0-py2-none-any.whl",
    "foo-1.0-cp311-none-any.whl",
    "foo-1.0-cp311-none-linux_x86_64.whl",
    "foo-1.0-py3-none-manylinux_2_17_x86_64.whl",
    "foo-1.0-1-py3-none-any.whl",
    "foo-1.0-2build-cp311-cp311-manylinux_2_17_x86_64.whl",
    "Foo_Bar-1.0.0-py3-none-any.whl",
]

# Filenames for parsing only: names and versions to normalise, and names packaging refuses.
FILENAMES = WHEELS + [
    "Django-4.2.0-py3-none-any.whl",
    "zope.interface-6.0-cp311-cp311-manylinux_2_5_x86_64.whl",
    "Foo.Bar_baz-1.0-py3-none-any.whl",
    "foo-1.0.0.RC1-py3-none-any.whl",
    "foo-1.0alpha2-py3-none-any.whl",
    "foo-1.0Beta-py3-none-any.whl",
    "foo-1.0c1-py3-none-any.whl",
    "foo-1.0pre3-py3-none-any.whl",
    "foo-2!1.0-py3-none-any.whl",
    "foo-1.0.post1-py3-none-any.whl",
    "foo-1.0_post1-py3-none-any.whl",
    "foo-1.0r2-py3-none-any.whl",
    "foo-1.0rev-py3-none-any.whl",
    "foo-1.0.dev3-py3-none-any.whl",
    "foo-1.0dev-py3-none-any.whl",
    "foo-v1.0-py3-none-any.whl",
    "foo-01.02-py3-none-any.whl",
    "foo-1.0a1.post2.dev3-py3-none-any.whl",
    "foo-1.0+ubuntu.1-py3-none-any.whl",
    "foo-1.0+CPU_01-py3-none-any.whl",
    "foo-1.0-007abc-py3-none-any.whl",
    "foo-1.0-py3-none-any.zip",
    "foo-1.0-py3-none-any.WHL",
    "foo-py3-none-any.whl",
    "foo-1.0-1-2-py3-none-any.whl",
    "foo-bar-1.0-py3-none-any.whl",
    "foo__bar-1.0-py3-none-any.whl",
    "foo+bar-1.0-py3-none-any.whl",
    "foo-1.0.x-py3-none-any.whl",
    "foo-1..0-py3-none-any.whl",
    "foo-1.0-build-py3-none-any.whl",
]


def environment_tags(platform, glibc, musl):
    # Both readers are lru_cached; patching the module attributes replaces them for the call.
    glibc_version = manylinux._GLibCVersion(*glibc) if glibc else manylinux._GLibCVersion(-1, -1)
    musl_version = musllinux._MuslVersion(*musl) if musl else None
    with mock.patch.object(sysconfig, "get_platform", return_value=platform), \
         mock.patch.object(manylinux, "_get_glibc_version", return_value=glibc_version), \
         mock.patch.object(manylinux, "_have_compatible_abi", return_value=True), \
         mock.patch.object(musllinux, "_get_musl_version", return_value=musl_version), \
         mock.patch.object(tags.platform, "system", return_value="Linux"):
        return list(tags.sys_tags())


def header(lines):
    return "".join(f"# {line}\n" for line in lines)


def main():
    assert sys.implementation.name == "cpython" and sys.version_info[:2] == (3, 11), sys.version
    origin = (f"packaging {packaging.__version__}, pip {pip.__version__}, "
              f"CPython {sys.version.split()[0]}; command: {COMMAND}")
    supported = {}
    for name, (platform, glibc, musl) in ENVIRONMENTS.items():
        supported[name] = environment_tags(platform, glibc, musl)
        with open(os.path.join(HERE, name + ".txt"), "w") as out:
            out.write(header([
                f"packaging.tags.sys_tags() for CPython 3.11 on {platform}, "
                f"glibc {'.'.join(map(str, glibc)) if glibc else 'none'}, "
                f"musl {'.'.join(map(str, musl)) if musl else 'none'}; most preferred first.",
                f"Generated by generate.py ({origin}).",
            ]))
            out.writelines(f"{tag}\n" for tag in supported[name])

    with open(os.path.join(HERE, "filenames.tsv"), "w") as out:
        out.write(header([
            "packaging.utils.parse_wheel_filename() for each filename: name, version, build, tags "
            "(sorted), or 'invalid'.",
            f"Generated by generate.py ({origin}).",
        ]))
        for filename in FILENAMES:
            try:
                name, version, build, wheel_tags = parse_wheel_filename(filename)
            except InvalidWheelFilename:
                out.write(f"{filename}\tinvalid\n")
                continue
            build_text = f"{build[0]}{build[1]}" if build else "-"
            tag_text = ",".join(sorted(str(t) for t in wheel_tags))
            out.write(f"{filename}\t{name}\t{version}\t{build_text}\t{tag_text}\n")

    with open(os.path.join(HERE, "matches.tsv"), "w") as out:
        out.write(header([
            "pip's answer for each (environment, wheel): the index in the environment's tag list of "
            "the wheel's best tag",
            "(pip's Wheel.support_index_min) and that tag, or '-' when pip refuses the wheel "
            "(Wheel.supported is false).",
            f"Generated by generate.py ({origin}).",
        ]))
        for name, supported_tags in supported.items():
            for filename in WHEELS:
                wheel_tags = parse_wheel_filename(filename)[3]
                rank = {tag: i for i, tag in reversed(list(enumerate(supported_tags)))}
                indexes = [rank[t] for t in wheel_tags if t in rank]
                pip_wheel = Wheel(filename)
                # pip holds its own vendored copy of packaging, whose Tag is another class.
                pip_supported = [PipTag(t.interpreter, t.abi, t.platform) for t in supported_tags]
                if not indexes:
                    assert not pip_wheel.supported(pip_supported), (name, filename)
                    out.write(f"{name}\t{filename}\t-\t-\n")
                    continue
                best = min(indexes)
                assert pip_wheel.support_index_min(pip_supported) == best, (name, filename)
                out.write(f"{name}\t{filename}\t{best}\t{supported_tags[best]}\n")


if __name__ == "__main__":
    main()
