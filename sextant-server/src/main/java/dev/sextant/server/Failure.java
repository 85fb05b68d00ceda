package dev.sextant.server;

import dev.sextant.api.ProblemKind;

/**
 * What every failure of the server says about itself: what {@linkplain ProblemKind kind} of failure
 * it is, and whether the same request may succeed later. The API maps the kind to a status and a
 * problem type, the CLI to an exit code, each in one table; neither decides on the type of the
 * exception.
 */
public interface Failure {
  ProblemKind kind();

  /** Whether trying the same again may succeed; by default what the kind says. */
  default boolean retryable() {
    return kind().retryable();
  }
}
