package dev.sextant.core.graph;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Releases that cannot form a graph: a version or range that does not parse, or two releases of one
 * service where only one may stand. Every problem is reported, not only the first.
 */
public final class InvalidReleaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  public InvalidReleaseException(List<Problem> problems) {
    super(problems.stream().map(Problem::format).collect(Collectors.joining("; ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an invalid release has at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  /**
   * One problem of a release, named by its service and version, with the field as written in the
   * release's document ({@code spec.dependencies[0].api}, {@code spec.api.version}).
   */
  public record Problem(String service, String version, String field, String reason) {
    public Problem {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(reason, "reason");
    }

    /** {@code release payments-api 2.4.0: spec.api.version: 'two' is not a semantic version…}. */
    public String format() {
      return "release " + service + " " + version + ": " + field + ": " + reason;
    }
  }
}
