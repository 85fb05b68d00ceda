package dev.sextant.agent.probe;

import java.util.Locale;

/**
 * CPU architecture names as {@code uname -m} gives them on Linux ({@code x86_64}, {@code aarch64}),
 * which is also how wheel tags and most package names spell them; the JVM says {@code amd64}, macOS
 * says {@code arm64}.
 */
final class Arch {
  private Arch() {}

  static String normalise(String name) {
    String arch = name.strip().toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64", "x86_64", "x64", "x86-64", "em64t" -> "x86_64";
      case "arm64", "aarch64", "armv8" -> "aarch64";
      case "x86", "i386", "i486", "i586", "i686" -> "i686";
      case "ppc64el" -> "ppc64le";
      default -> arch;
    };
  }
}
