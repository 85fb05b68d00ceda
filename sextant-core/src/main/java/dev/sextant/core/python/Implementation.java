package dev.sextant.core.python;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Python implementation, by {@code sys.implementation.name}: {@code cpython}, {@code pypy},
 * {@code graalpy}…
 */
public record Implementation(String name) {
  /** packaging's {@code INTERPRETER_SHORT_NAMES}; other implementations keep their full name. */
  private static final Map<String, String> SHORT_NAMES =
      Map.of("python", "py", "cpython", "cp", "pypy", "pp", "ironpython", "ip", "jython", "jy");

  public static final Implementation CPYTHON = new Implementation("cpython");
  public static final Implementation PYPY = new Implementation("pypy");

  public Implementation {
    name = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
  }

  /** The tag prefix: {@code cp} for CPython, {@code pp} for PyPy, else the name itself. */
  public String shortName() {
    return SHORT_NAMES.getOrDefault(name, name);
  }

  public boolean isCpython() {
    return shortName().equals("cp");
  }

  public boolean isPypy() {
    return shortName().equals("pp");
  }
}
