package dev.sextant.core.plan;

import dev.sextant.core.document.FieldPath;
import dev.sextant.core.resource.ResourceKey;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Releases that cannot be planned as written: a requirement's arguments, an unknown rule, a
 * parameter's expression, a cycle among services. Bad input, found before any environment is
 * considered, so a plan is all or nothing.
 */
public final class PlanInputException extends RuntimeException {
  private final List<Issue> issues;

  public PlanInputException(List<Issue> issues) {
    super(issues.stream().map(Issue::format).collect(Collectors.joining("\n")));
    this.issues = List.copyOf(issues);
  }

  public List<Issue> issues() {
    return issues;
  }

  /**
   * One thing wrong in one release.
   *
   * @param release the Release, or empty for problems of the whole set (a dependency cycle)
   * @param field where in the release
   */
  public record Issue(java.util.Optional<ResourceKey> release, FieldPath field, String message) {
    public Issue {
      Objects.requireNonNull(release, "release");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(message, "message");
    }

    String format() {
      return release.map(key -> key.name() + ": " + (field.isRoot() ? "" : field + ": ")).orElse("")
          + message;
    }
  }
}
