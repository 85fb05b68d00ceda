package dev.sextant.server.api;

import dev.sextant.api.ProblemKind;
import dev.sextant.server.Failure;

/**
 * The one table that maps a {@link ProblemKind} to its HTTP status, problem type and title. A
 * failure that names its own status and type ({@link ApiException}: a 405, 413, 415 or 431 is finer
 * than its kind) keeps them; every other failure is answered as its kind says.
 */
final class ProblemTypes {
  /** The start of a problem answer: its status, its type (after {@code /problems/}), its title. */
  record Answer(int status, String type, String title) {}

  private ProblemTypes() {}

  /** The answer for a failure of this kind. */
  static Answer of(ProblemKind kind) {
    return switch (kind) {
      case INVALID -> new Answer(400, "bad-request", "Bad request");
      case NOT_FOUND -> new Answer(404, "not-found", "Not found");
      case CONFLICT -> new Answer(409, "write-conflict", "Conflict");
      case UNAUTHORIZED -> new Answer(401, "unauthenticated", "Refused");
      case FORBIDDEN -> new Answer(403, "forbidden", "Refused");
      case UNAVAILABLE -> new Answer(503, "store-unavailable", "Store unavailable");
      case INTERNAL -> new Answer(500, "internal-error", "Internal error");
    };
  }

  /**
   * The answer for a failure: its own status and type where it has them, else its kind's. A
   * conflict that trying again will not resolve (a name registered with another key) is not a
   * {@code write-conflict}: it is answered as a plain {@code conflict}, so that no client retries
   * it.
   */
  static Answer of(Failure failure) {
    if (failure instanceof ApiException api) {
      return new Answer(api.status(), api.type(), api.title());
    }
    if (failure.kind() == ProblemKind.CONFLICT && !failure.retryable()) {
      return new Answer(409, "conflict", "Refused");
    }
    return of(failure.kind());
  }

  /**
   * The detail of the answer: the failure's own words, but for an outage or a bug, whose words are
   * for the operator's log and not for the caller.
   */
  static String detail(Failure failure, String message) {
    return switch (failure.kind()) {
      case UNAVAILABLE -> "the store could not complete the request; try again";
      case INTERNAL -> "an internal error occurred; it has been logged";
      default -> message;
    };
  }
}
