package dev.sextant.core.python;

import static dev.sextant.core.python.Platform.linux;

import dev.sextant.core.python.Libc.Glibc;
import dev.sextant.core.python.Libc.Musl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The interpreters of {@code generate_tag_fixtures.py}'s {@code CASES}, by the same names: each has
 * its expected list in {@code tags/<name>.txt}, made by packaging's own {@code sys_tags()}.
 */
final class TagCases {
  private TagCases() {}

  static final Map<String, Interpreter> ALL = all();

  private static Map<String, Interpreter> all() {
    Map<String, Interpreter> cases = new LinkedHashMap<>();
    cases.put("cp311-glibc236-x86_64", Interpreter.cpython(3, 11, linux("x86_64", glibc(36))));
    for (int minor : new int[] {17, 28, 31, 35}) {
      cases.put(
          "cp311-glibc2" + minor + "-x86_64",
          Interpreter.cpython(3, 11, linux("x86_64", glibc(minor))));
    }
    for (int minor : new int[] {17, 28, 31, 35}) {
      cases.put(
          "cp311-glibc2" + minor + "-aarch64",
          Interpreter.cpython(3, 11, linux("aarch64", glibc(minor))));
    }
    cases.put("cp311-glibc236-i686", Interpreter.cpython(3, 11, linux("i686", glibc(36))));
    cases.put("cp39-glibc231-armv7l", Interpreter.cpython(3, 9, linux("armv7l", glibc(31))));
    cases.put(
        "cp39-glibc231-armv7l-softfloat",
        Interpreter.cpython(3, 9, linux("armv7l", glibc(31), Optional.of(ElfHeader.armel()))));
    cases.put("cp311-glibc235-armv8l", Interpreter.cpython(3, 11, linux("armv8l", glibc(35))));
    cases.put("cp310-glibc228-ppc64le", Interpreter.cpython(3, 10, linux("ppc64le", glibc(28))));
    cases.put("cp312-glibc234-s390x", Interpreter.cpython(3, 12, linux("s390x", glibc(34))));
    cases.put("cp312-glibc235-riscv64", Interpreter.cpython(3, 12, linux("riscv64", glibc(35))));
    cases.put("cp311-glibc231-mips64", Interpreter.cpython(3, 11, linux("mips64", glibc(31))));
    cases.put(
        "cp311-glibc301-x86_64", Interpreter.cpython(3, 11, linux("x86_64", new Glibc(3, 1))));
    cases.put("cp311-nolibc-x86_64", Interpreter.cpython(3, 11, linux("x86_64", Libc.UNKNOWN)));
    cases.put("cp311-musl11-x86_64", Interpreter.cpython(3, 11, linux("x86_64", new Musl(1, 1))));
    cases.put("cp312-musl12-aarch64", Interpreter.cpython(3, 12, linux("aarch64", new Musl(1, 2))));
    cases.put("cp38-glibc231-x86_64", Interpreter.cpython(3, 8, linux("x86_64", glibc(31))));
    cases.put("cp39-glibc231-x86_64", Interpreter.cpython(3, 9, linux("x86_64", glibc(31))));
    cases.put("cp312-glibc235-x86_64", Interpreter.cpython(3, 12, linux("x86_64", glibc(35))));
    cases.put("cp313-glibc239-x86_64", Interpreter.cpython(3, 13, linux("x86_64", glibc(39))));
    cases.put(
        "cp313t-glibc239-x86_64",
        Interpreter.cpython(3, 13, BuildConfig.freeThreaded(), linux("x86_64", glibc(39))));
    cases.put(
        "cp311d-glibc236-x86_64",
        Interpreter.cpython(3, 11, BuildConfig.debug(), linux("x86_64", glibc(36))));
    cases.put("cp37m-glibc228-x86_64", Interpreter.cpython(3, 7, linux("x86_64", glibc(28))));
    cases.put(
        "pp310-glibc235-x86_64",
        new Interpreter(
            Implementation.PYPY,
            new PythonVersion(3, 10),
            List.of("pypy310_pp73"),
            linux("x86_64", glibc(35))));
    cases.put("cp312-macos14-arm64", Interpreter.cpython(3, 12, Platform.macos("14.2.1", "arm64")));
    cases.put("cp312-macos13-x86_64", Interpreter.cpython(3, 12, Platform.macos("13.6", "x86_64")));
    cases.put(
        "cp311-macos1015-x86_64", Interpreter.cpython(3, 11, Platform.macos("10.15.7", "x86_64")));
    cases.put("cp311-win_amd64", Interpreter.cpython(3, 11, Platform.windows("win-amd64")));
    return java.util.Collections.unmodifiableMap(cases);
  }

  private static Glibc glibc(int minor) {
    return new Glibc(2, minor);
  }
}
