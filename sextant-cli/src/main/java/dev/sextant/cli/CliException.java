package dev.sextant.cli;

import dev.sextant.api.ProblemKind;
import java.util.Optional;

/**
 * A failure the user can act on, with its {@linkplain ProblemKind kind} and the exit code that
 * {@link ExitCode#of(ProblemKind, boolean)} maps it to. Its message is printed as is, without a
 * stack trace. An exit code that is a result rather than a failure (such as {@link
 * ExitCode#INCOMPATIBLE}) has no kind.
 */
public class CliException extends RuntimeException {
  private final int exitCode;
  private final ProblemKind kind;
  private final boolean retryable;

  /** A failure of that kind; it may be retried as the kind says. */
  public CliException(ProblemKind kind, String message) {
    this(kind, kind.retryable(), message, null);
  }

  public CliException(ProblemKind kind, String message, Throwable cause) {
    this(kind, kind.retryable(), message, cause);
  }

  /** A failure of that kind that may or may not be retried, whatever the kind says. */
  public CliException(ProblemKind kind, boolean retryable, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryable = retryable;
    this.exitCode = ExitCode.of(kind, retryable);
  }

  /** An exit code that is no kind of failure, such as {@link ExitCode#INCOMPATIBLE}. */
  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
    this.kind = null;
    this.retryable = false;
  }

  public int exitCode() {
    return exitCode;
  }

  /** What kind of failure it is; empty for an exit code that is a result. */
  public Optional<ProblemKind> kind() {
    return Optional.ofNullable(kind);
  }

  /** Whether running the command again may succeed. */
  public boolean retryable() {
    return retryable;
  }

  public static CliException notFound(String message) {
    return new CliException(ProblemKind.NOT_FOUND, message);
  }

  public static CliException unavailable(String message, Throwable cause) {
    return new CliException(ProblemKind.UNAVAILABLE, message, cause);
  }

  public static CliException conflict(String message) {
    return new CliException(ProblemKind.CONFLICT, message);
  }

  public static CliException invalid(String message) {
    return new CliException(ProblemKind.INVALID, message);
  }
}
