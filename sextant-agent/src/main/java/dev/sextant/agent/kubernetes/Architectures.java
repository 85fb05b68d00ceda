package dev.sextant.agent.kubernetes;

import java.util.Map;

/**
 * Go's architecture names, which Kubernetes uses ({@code GOARCH}: amd64, arm64), as the machine
 * names {@code uname -m} prints and host probes report (x86_64, aarch64), so that {@code cpu.arch}
 * means the same on a node and on a host.
 */
final class Architectures {
  private static final Map<String, String> MACHINE =
      Map.of(
          "amd64", "x86_64",
          "arm64", "aarch64",
          "386", "i686",
          "loong64", "loongarch64");

  private Architectures() {}

  /**
   * The machine name for a GOARCH; names that are the same in both (ppc64le, s390x) pass through.
   */
  static String machine(String goarch) {
    return MACHINE.getOrDefault(goarch, goarch);
  }
}
