# Sextant's Python probe: prints what packaging.tags needs to know about this interpreter, one
# key=value per line. Standard library only, and no f-strings, so that old interpreters answer too;
# the tags themselves are computed in Java (SupportedTags), never here.
import os
import platform
import struct
import subprocess
import sys
import sysconfig


def put(key, value):
    if value is None:
        value = ""
    elif value is True or value is False:
        value = int(value)
    print("%s=%s" % (key, str(value).replace("\n", " | ")))


def glibc():
    # packaging/_manylinux.py: os.confstr first, then gnu_get_libc_version through ctypes.
    try:
        return os.confstr("CS_GNU_LIBC_VERSION").rsplit()[1]
    except Exception:
        pass
    try:
        import ctypes
        version = ctypes.CDLL(None).gnu_get_libc_version
        version.restype = ctypes.c_char_p
        return version().decode("ascii")
    except Exception:
        return None


def elf(path):
    # packaging/_elffile.py: class, byte order, machine, flags and program interpreter (PT_INTERP).
    try:
        with open(path, "rb") as f:
            ident = bytearray(f.read(16))
            if ident[:4] != bytearray(b"\x7fELF") or ident[4] not in (1, 2) or ident[5] not in (1, 2):
                return None
            order = "<" if ident[5] == 1 else ">"
            wide = ident[4] == 2
            header = order + ("HHIQQQIHHHHHH" if wide else "HHIIIIIHHHHHH")
            program = order + ("IIQQQQQQ" if wide else "IIIIIIII")
            h = struct.unpack(header, f.read(struct.calcsize(header)))
            machine, phoff, flags, phentsize, phnum = h[1], h[4], h[6], h[8], h[9]
            loader = ""
            for index in range(phnum):
                f.seek(phoff + phentsize * index)
                p = struct.unpack(program, f.read(struct.calcsize(program)))
                if p[0] == 3:
                    offset, size = (p[2], p[5]) if wide else (p[1], p[4])
                    f.seek(offset)
                    loader = f.read(size).rstrip(b"\0").decode("ascii", "replace")
            return ident[4], ident[5], machine, flags, loader
    except Exception:
        return None


def musl(loader):
    # packaging/_musllinux.py: a musl loader run without arguments prints its version on stderr.
    if not loader or "musl" not in loader:
        return None
    try:
        proc = subprocess.Popen([loader], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return proc.communicate(timeout=2)[1].decode("utf-8", "replace")
    except Exception:
        return None


def config(name):
    return sysconfig.get_config_var(name)


try:
    from importlib.machinery import EXTENSION_SUFFIXES
except ImportError:
    EXTENSION_SUFFIXES = []

implementation = getattr(sys, "implementation", None)
put("implementation", implementation.name if implementation else platform.python_implementation().lower())
put("version", platform.python_version())
put("major", sys.version_info[0])
put("minor", sys.version_info[1])
put("py_version_nodot", config("py_version_nodot"))
put("abiflags", getattr(sys, "abiflags", ""))
put("soabi", config("SOABI"))
put("ext_suffix", config("EXT_SUFFIX"))
put("py_debug", config("Py_DEBUG"))
put("gil_disabled", config("Py_GIL_DISABLED"))
put("with_pymalloc", config("WITH_PYMALLOC"))
put("unicode_size", config("Py_UNICODE_SIZE"))
put("maxunicode", sys.maxunicode)
put("gettotalrefcount", hasattr(sys, "gettotalrefcount"))
put("debug_extension", "_d.pyd" in EXTENSION_SUFFIXES)
put("system", platform.system())
put("machine", platform.machine())
put("platform", sysconfig.get_platform())
put("pointer_bits", struct.calcsize("P") * 8)
mac_release, _, mac_machine = platform.mac_ver()
put("mac_release", mac_release)
put("mac_machine", mac_machine)
put("libc_ver", " ".join(platform.libc_ver()))
put("glibc", glibc())
header = elf(sys.executable)
if header:
    put("elf_class", header[0])
    put("elf_data", header[1])
    put("elf_machine", header[2])
    put("elf_flags", header[3])
    put("elf_interpreter", header[4])
    put("musl", musl(header[4]))
