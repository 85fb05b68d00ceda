package dev.sextant.core.graph;

import dev.sextant.core.resource.spec.ReleaseSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Choosing among many releases of the same services. */
public final class Releases {
  private Releases() {}

  /**
   * The newest release of each service by the semantic version of {@code spec.version}, sorted by
   * service. A pre-release is older than its release, as Semantic Versioning orders them.
   *
   * @throws InvalidReleaseException when a version does not parse, or two releases of one service
   *     have the same precedence (so neither is the newest)
   */
  public static List<ReleaseSpec> latest(List<ReleaseSpec> releases) {
    List<InvalidReleaseException.Problem> problems = new ArrayList<>();
    Map<String, ReleaseSpec> newest = new TreeMap<>();
    Map<String, SemanticVersion> newestVersion = new TreeMap<>();
    for (ReleaseSpec release : releases) {
      SemanticVersion version;
      try {
        version = SemanticVersion.parse(release.version());
      } catch (IllegalArgumentException e) {
        problems.add(
            new InvalidReleaseException.Problem(
                release.service(), release.version(), "spec.version", e.getMessage()));
        continue;
      }
      SemanticVersion current = newestVersion.get(release.service());
      int c = current == null ? 1 : version.compareTo(current);
      if (c == 0) {
        problems.add(
            new InvalidReleaseException.Problem(
                release.service(),
                release.version(),
                "spec.version",
                "two releases of "
                    + release.service()
                    + " have version "
                    + newest.get(release.service()).version()
                    + (release.version().equals(newest.get(release.service()).version())
                        ? ""
                        : " and " + release.version() + ", equal in precedence")
                    + ", so neither is the newest"));
      } else if (c > 0) {
        newest.put(release.service(), release);
        newestVersion.put(release.service(), version);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidReleaseException(problems);
    }
    return List.copyOf(newest.values());
  }
}
