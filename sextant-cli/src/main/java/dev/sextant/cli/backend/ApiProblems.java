package dev.sextant.cli.backend;

import dev.sextant.api.ApiProblem;
import dev.sextant.cli.CliException;
import dev.sextant.core.validation.InvalidInputException;
import dev.sextant.core.validation.Position;
import dev.sextant.core.validation.Problem;

/** A problem the server answered with, as the exception the same failure is in the CLI. */
final class ApiProblems {
  private ApiProblems() {}

  static RuntimeException asCliFailure(ApiProblem problem) {
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
    return switch (problem.kind()) {
      case NOT_FOUND -> CliException.notFound(detail);
      case CONFLICT -> CliException.conflict(detail);
      case INVALID, UNAUTHORIZED, FORBIDDEN ->
          CliException.invalid("server refused the request (" + problem.status() + "): " + detail);
      case UNAVAILABLE -> CliException.unavailable(detail, problem);
      case INTERNAL ->
          CliException.unavailable("server error (" + problem.status() + "): " + detail, problem);
    };
  }
}
