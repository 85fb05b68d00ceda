package dev.sextant.core.python;

import dev.sextant.core.python.Libc.Musl;
import java.util.ArrayList;
import java.util.List;

/**
 * musllinux platform tags (PEP 656), as packaging's {@code _musllinux.platform_tags}: for each
 * architecture, {@code musllinux_<major>_<minor>_<arch>} from the running musl's minor down to 0.
 */
final class MusllinuxPlatforms {
  private MusllinuxPlatforms() {}

  static List<String> tags(List<String> archs, Libc libc) {
    List<String> tags = new ArrayList<>();
    if (libc instanceof Musl musl) {
      for (String arch : archs) {
        for (int minor = musl.minor(); minor >= 0; minor--) {
          tags.add("musllinux_" + musl.major() + "_" + minor + "_" + arch);
        }
      }
    }
    return tags;
  }
}
