package dev.sextant.core.python;

import dev.sextant.core.python.Libc.Glibc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * manylinux platform tags (PEP 600 {@code manylinux_x_y}, with the legacy PEP 513/571/599 names),
 * as packaging's {@code _manylinux.platform_tags}: for each architecture, every glibc from the
 * running one down to 2.17 (2.5 on x86_64 and i686), newest first, each legacy alias right after
 * the {@code manylinux_x_y} tag it stands for.
 */
final class ManylinuxPlatforms {
  /** Architectures manylinux wheels exist for that need no look at the executable. */
  private static final Set<String> ALLOWED_ARCHS =
      Set.of("x86_64", "aarch64", "ppc64", "ppc64le", "s390x", "loongarch64", "riscv64");

  /** CentOS 7, 6 and 5: manylinux2014 (PEP 599), manylinux2010 (PEP 571), manylinux1 (PEP 513). */
  private static final Map<Glibc, String> LEGACY =
      Map.of(
          new Glibc(2, 17), "manylinux2014",
          new Glibc(2, 12), "manylinux2010",
          new Glibc(2, 5), "manylinux1");

  /**
   * packaging guesses the last minor of a glibc major that has not ended yet; it only matters once
   * glibc 3 exists (sourceware bug 24636: compatibility holds across majors).
   */
  private static final int LAST_GLIBC_MINOR = 50;

  private ManylinuxPlatforms() {}

  /**
   * @param archs compatible architectures, closest first ({@code armv8l} then {@code armv7l})
   */
  static List<String> tags(List<String> archs, Libc libc, Optional<ElfHeader> executable) {
    List<String> tags = new ArrayList<>();
    if (!(libc instanceof Glibc current) || !hasCompatibleAbi(archs, executable)) {
      return tags;
    }
    // The oldest glibc manylinux targets: 2.17 everywhere, 2.5 on x86.
    Glibc tooOld =
        archs.contains("x86_64") || archs.contains("i686") ? new Glibc(2, 4) : new Glibc(2, 16);
    List<Glibc> maxima = new ArrayList<>(List.of(current));
    for (int major = current.major() - 1; major > 1; major--) {
      maxima.add(new Glibc(major, LAST_GLIBC_MINOR));
    }
    for (String arch : archs) {
      for (Glibc max : maxima) {
        int minMinor = max.major() == tooOld.major() ? tooOld.minor() : -1;
        for (int minor = max.minor(); minor > minMinor; minor--) {
          Glibc glibc = new Glibc(max.major(), minor);
          // packaging also asks an optional _manylinux module; distributions do not ship one.
          if (current.compareTo(glibc) >= 0) {
            tags.add("manylinux_" + glibc.major() + "_" + glibc.minor() + "_" + arch);
            String legacy = LEGACY.get(glibc);
            if (legacy != null) {
              tags.add(legacy + "_" + arch);
            }
          }
        }
      }
    }
    return tags;
  }

  /**
   * packaging's {@code _have_compatible_abi}: 32-bit ARM must be hard-float and i686 a real i386
   * executable; other architectures only need to be ones manylinux is defined for.
   */
  private static boolean hasCompatibleAbi(List<String> archs, Optional<ElfHeader> executable) {
    if (archs.contains("armv7l")) {
      return executable.map(ElfHeader::isArmHardFloat).orElse(false);
    }
    if (archs.contains("i686")) {
      return executable.map(ElfHeader::isI386).orElse(false);
    }
    return archs.stream().anyMatch(ALLOWED_ARCHS::contains);
  }
}
