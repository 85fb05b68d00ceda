package dev.sextant.cli.backend;

import dev.sextant.api.ApiProblem;
import dev.sextant.api.ProblemKind;
import dev.sextant.cli.CliException;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.Position;
import dev.sextant.core.validation.Problem;

/** A problem the server answered with, as the exception the same failure is in the CLI. */
public final class ApiProblems {
  private ApiProblems() {}

  public static RuntimeException asCliFailure(ApiProblem problem) {
    if (!problem.problems().isEmpty()) {
      return new InvalidInputException(
          problem.problems().stream()
              .map(
                  p ->
                      new Problem(
                          p.source(), new Position(p.line(), p.column()), p.field(), p.message()))
              .toList());
    }
    String detail = problem.getMessage();
    // The exit code is the kind's (ExitCode.of), but for a bug of the server: that is no bug of
    // this CLI (70), but a server that could not do the work (5).
    return switch (problem.kind()) {
      case NOT_FOUND, CONFLICT ->
          new CliException(problem.kind(), problem.retryable(), detail, null);
      case INVALID, UNAUTHORIZED, FORBIDDEN ->
          new CliException(
              problem.kind(),
              problem.retryable(),
              "server refused the request (" + problem.status() + "): " + detail,
              null);
      case UNAVAILABLE -> new CliException(ProblemKind.UNAVAILABLE, true, detail, problem);
      case INTERNAL ->
          new CliException(
              ProblemKind.UNAVAILABLE,
              false,
              "server error (" + problem.status() + "): " + detail,
              problem);
    };
  }
}
