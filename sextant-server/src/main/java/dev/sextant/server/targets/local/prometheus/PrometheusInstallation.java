package dev.sextant.server.targets.local.prometheus;

import dev.sextant.server.targets.local.AptPackage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds Prometheus for the local target, installing Debian's package (2.42 on bookworm) when it is
 * missing and this runs as root with apt-get; without its recommended node exporter, which nothing
 * here scrapes. Otherwise it refuses, saying what to install: tests fail on that rather than skip
 * in silence.
 */
public final class PrometheusInstallation {
  private static final Path DEBIAN_BINARY = Path.of("/usr/bin/prometheus");

  /** What to do when Prometheus is missing. */
  public static final String HOW =
      "install Prometheus 2: apt-get install -y --no-install-recommends prometheus";

  private PrometheusInstallation() {}

  /**
   * Prometheus' binary, installed first when missing and allowed.
   *
   * @throws PrometheusException when it is missing and cannot be installed
   */
  public static synchronized Path binary() {
    Optional<Path> found = find();
    if (found.isPresent()) {
      return found.get();
    }
    try {
      AptPackage.install("prometheus", () -> find().isPresent(), HOW);
    } catch (IllegalStateException e) {
      throw new PrometheusException(e.getMessage(), e);
    }
    return find()
        .orElseThrow(
            () ->
                new PrometheusException(
                    "Prometheus is not on PATH nor at " + DEBIAN_BINARY + "; " + HOW));
  }

  /**
   * The first executable {@code prometheus} on {@code path} (the PATH variable's value), else
   * Debian's {@code /usr/bin/prometheus}.
   */
  static Optional<Path> findBinary(String path) {
    List<Path> candidates = new ArrayList<>();
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "prometheus"));
      }
    }
    candidates.add(DEBIAN_BINARY);
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  private static Optional<Path> find() {
    return findBinary(System.getenv().getOrDefault("PATH", ""));
  }
}
