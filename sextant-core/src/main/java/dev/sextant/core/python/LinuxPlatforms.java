package dev.sextant.core.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Linux platform tags in packaging's order ({@code tags._linux_platforms}): manylinux, then
 * musllinux, then the plain {@code linux_<arch>} tags that only local builds carry.
 */
public final class LinuxPlatforms {
  private LinuxPlatforms() {}

  static List<String> tags(Platform platform) {
    // A 32-bit ARM userland on an ARMv8 CPU also runs ARMv7 wheels.
    List<String> archs =
        platform.architecture().equals("armv8l")
            ? List.of("armv8l", "armv7l")
            : List.of(platform.architecture());
    List<String> tags = new ArrayList<>();
    tags.addAll(ManylinuxPlatforms.tags(archs, platform.libc(), platform.executable()));
    tags.addAll(MusllinuxPlatforms.tags(archs, platform.libc()));
    for (String arch : archs) {
      tags.add("linux_" + arch);
    }
    return tags;
  }

  /**
   * The architecture wheels must match, from {@code sysconfig.get_platform()} and the interpreter's
   * pointer size: a 32-bit interpreter on a 64-bit kernel reports the kernel's machine, which
   * packaging turns into {@code i686} or {@code armv8l}.
   */
  public static String architecture(String sysconfigPlatform, int pointerBits) {
    String linux = Names.normalize(sysconfigPlatform);
    if (pointerBits == 32) {
      if (linux.equals("linux_x86_64")) {
        linux = "linux_i686";
      } else if (linux.equals("linux_aarch64")) {
        linux = "linux_armv8l";
      }
    }
    int underscore = linux.indexOf('_');
    return underscore < 0 ? linux : linux.substring(underscore + 1);
  }
}
