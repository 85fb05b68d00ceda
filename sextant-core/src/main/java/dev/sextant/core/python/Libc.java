package dev.sextant.core.python;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The C library the interpreter is linked against, which decides its Linux platform tags. */
public sealed interface Libc {
  /** Not known, or not glibc nor musl (a static build, another OS): no manylinux or musllinux. */
  Libc UNKNOWN = new Unknown();

  /** glibc, whose version bounds the {@code manylinux_x_y} tags (PEP 600). */
  record Glibc(int major, int minor) implements Libc, Comparable<Glibc> {
    private static final Pattern VERSION = Pattern.compile("([0-9]+)\\.([0-9]+)");

    /**
     * Reads a version such as {@code 2.36} or Linaro's {@code 2.20-2014.11}, ignoring what follows
     * major.minor, as packaging's {@code _parse_glibc_version} does.
     */
    public static Optional<Glibc> parse(String version) {
      Matcher m = VERSION.matcher(version.strip());
      return m.lookingAt()
          ? Optional.of(new Glibc(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
          : Optional.empty();
    }

    @Override
    public int compareTo(Glibc other) {
      return major != other.major
          ? Integer.compare(major, other.major)
          : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
      return "glibc " + major + "." + minor;
    }
  }

  /** musl, whose version bounds the {@code musllinux_x_y} tags (PEP 656). */
  record Musl(int major, int minor) implements Libc {
    private static final Pattern VERSION = Pattern.compile("Version (\\d+)\\.(\\d+)");

    /**
     * Reads what the musl loader prints on stderr when run bare ({@code musl libc (x86_64)}, {@code
     * Version 1.2.2}, …), as packaging's {@code _parse_musl_version} does.
     */
    public static Optional<Musl> parseLoaderOutput(String output) {
      var lines = output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
      if (lines.size() < 2 || !lines.get(0).startsWith("musl")) {
        return Optional.empty();
      }
      Matcher m = VERSION.matcher(lines.get(1));
      return m.lookingAt()
          ? Optional.of(new Musl(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
          : Optional.empty();
    }

    @Override
    public String toString() {
      return "musl " + major + "." + minor;
    }
  }

  /** See {@link #UNKNOWN}. */
  record Unknown() implements Libc {
    @Override
    public String toString() {
      return "unknown libc";
    }
  }
}
