package dev.sextant.core.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * macOS platform tags, as packaging's {@code tags.mac_platforms}: {@code
 * macosx_<major>_<minor>_<format>} from the running release down, each release with the binary
 * formats that can hold this architecture.
 */
final class MacPlatforms {
  private MacPlatforms() {}

  static List<String> tags(Platform platform) {
    int[] version = releaseOf(platform.osVersion());
    String arch = platform.architecture();
    List<String> tags = new ArrayList<>();
    if (version[0] == 10) {
      // Before macOS 11 each yearly release bumped the minor: 10.15, 10.14, … 10.0.
      for (int minor = version[1]; minor >= 0; minor--) {
        add(tags, 10, minor, formats(10, minor, arch));
      }
    } else if (version[0] >= 11) {
      // From 11 each yearly release bumps the major; minors are mid-year updates.
      for (int major = version[0]; major > 10; major--) {
        add(tags, major, 0, formats(major, 0, arch));
      }
      // 11+ on x86_64 runs binaries built for 10.x; arm64 only universal2 ones (arm64 began at 11).
      for (int minor = 16; minor > 3; minor--) {
        add(
            tags,
            10,
            minor,
            arch.equals("x86_64") ? formats(10, minor, arch) : List.of("universal2"));
      }
    }
    return tags;
  }

  private static void add(List<String> tags, int major, int minor, List<String> formats) {
    for (String format : formats) {
      tags.add("macosx_" + major + "_" + minor + "_" + format);
    }
  }

  /**
   * packaging's {@code _mac_binary_formats}: the fat and universal formats that include {@code
   * arch}.
   */
  static List<String> formats(int major, int minor, String arch) {
    boolean before10_4 = major < 10 || (major == 10 && minor < 4);
    boolean after10_5 = major > 10 || (major == 10 && minor > 5);
    boolean after10_6 = major > 10 || (major == 10 && minor > 6);
    List<String> formats = new ArrayList<>(List.of(arch));
    switch (arch) {
      case "x86_64" -> {
        if (before10_4) {
          return List.of();
        }
        formats.addAll(List.of("intel", "fat64", "fat32"));
      }
      case "i386" -> {
        if (before10_4) {
          return List.of();
        }
        formats.addAll(List.of("intel", "fat32", "fat"));
      }
      case "ppc64" -> {
        if (after10_5 || before10_4) {
          return List.of();
        }
        formats.add("fat64");
      }
      case "ppc" -> {
        if (after10_6) {
          return List.of();
        }
        formats.addAll(List.of("fat32", "fat"));
      }
      default -> {}
    }
    if (Set.of("arm64", "x86_64").contains(arch)) {
      formats.add("universal2");
    }
    if (Set.of("x86_64", "i386", "ppc64", "ppc", "intel").contains(arch)) {
      formats.add("universal");
    }
    return formats;
  }

  /** {@code 14.2.1} as {major 14, minor 2}; a missing part is 0, an unreadable one gives 0.0. */
  private static int[] releaseOf(String release) {
    String[] parts = release.split("\\.");
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return new int[] {major, minor};
    } catch (NumberFormatException e) {
      return new int[] {0, 0};
    }
  }
}
