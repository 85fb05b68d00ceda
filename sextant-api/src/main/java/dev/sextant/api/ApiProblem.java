package dev.sextant.api;

import java.util.List;
import java.util.Objects;

/**
 * An answer of the API that is not a success, as RFC 9457 problem+json describes it, or a server
 * that could not be reached (status 0, {@link ProblemKind#UNAVAILABLE}). Its message is the
 * problem's detail, fit to show.
 */
public final class ApiProblem extends RuntimeException {
  private final int status;
  private final String type;
  private final ProblemKind kind;
  private final List<InputProblem> problems;

  ApiProblem(
      int status, String type, ProblemKind kind, String detail, List<InputProblem> problems) {
    super(detail);
    this.status = status;
    this.type = Objects.requireNonNull(type);
    this.kind = Objects.requireNonNull(kind);
    this.problems = List.copyOf(problems);
  }

  static ApiProblem unreachable(String detail) {
    return new ApiProblem(0, "about:blank", ProblemKind.UNAVAILABLE, detail, List.of());
  }

  /** The HTTP status; 0 when no answer came. */
  public int status() {
    return status;
  }

  /** The problem type, a URI such as {@code https://sextant.dev/problems/not-found}. */
  public String type() {
    return type;
  }

  public ProblemKind kind() {
    return kind;
  }

  /** Whether the same request may succeed later. */
  public boolean retryable() {
    return kind.retryable();
  }

  /** Each problem of invalid input, with where it is; empty for other problems. */
  public List<InputProblem> problems() {
    return problems;
  }

  /** One problem of invalid input: the source, line and column, the field and what is wrong. */
  public record InputProblem(String source, int line, int column, String field, String message) {}
}
