package dev.sextant.cli;

import dev.sextant.api.ProblemKind;

/**
 * The exit codes scripts can rely on. They are part of the CLI's contract and listed in {@code
 * sextant --help} and the README; a code keeps its meaning once published.
 */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;

  /** Invalid input: a bad file, resource or selector. Nothing was changed. */
  public static final int INVALID_INPUT = 1;

  /** Usage error: an unknown command or option, a missing argument. */
  public static final int USAGE = 2;

  /**
   * Something is not compatible: {@code plan} found a release that does not fit an environment
   * (incompatible, blocked or needing approval), {@code drift} found drift, {@code graph impact}
   * would break a consumer, a rollout that {@code rollout watch} or {@code deploy --watch} followed
   * ended in any phase but succeeded, {@code audit verify} found the ledger changed.
   */
  public static final int INCOMPATIBLE = 3;

  /** The named resource or revision does not exist. */
  public static final int NOT_FOUND = 4;

  /** The store or the server could not be reached or refused the work. */
  public static final int UNAVAILABLE = 5;

  /**
   * A concurrent write to the same thing won every attempt (a lost compare-and-set): nothing was
   * changed, and running the command again is safe.
   */
  public static final int CONFLICT = 6;

  /** The server refused who asks: no valid API token (401), or roles that do not allow it (403). */
  public static final int DENIED = 7;

  /** A bug in Sextant: please report it with the output of SEXTANT_DEBUG=1. */
  public static final int INTERNAL = 70;

  /**
   * The one table that maps a kind of failure to its exit code. Usage errors ({@link #USAGE}) and
   * results that are not failures ({@link #INCOMPATIBLE}) are not kinds, and not in it.
   */
  public static int of(ProblemKind kind) {
    return switch (kind) {
      case INVALID -> INVALID_INPUT;
      case UNAUTHORIZED, FORBIDDEN -> DENIED;
      case NOT_FOUND -> NOT_FOUND;
      case CONFLICT -> CONFLICT;
      case UNAVAILABLE -> UNAVAILABLE;
      case INTERNAL -> INTERNAL;
    };
  }

  /**
   * The exit code of a failure of that kind, where it may or may not be retried: {@link #CONFLICT}
   * promises that running the command again is safe and may succeed, so a conflict that trying
   * again will not resolve (an agent name registered with another key) is invalid input instead.
   */
  public static int of(ProblemKind kind, boolean retryable) {
    return kind == ProblemKind.CONFLICT && !retryable ? INVALID_INPUT : of(kind);
  }

  static final String HELP_SECTION =
      """
      Exit codes:
        0   success
        1   invalid input (a bad file, resource or selector); nothing was changed
        2   usage error (unknown command or option, missing argument)
        3   not compatible: a release does not fit (plan), drift found, a consumer
            would break (graph impact), a watched rollout did not succeed, the
            ledger does not verify (audit verify)
        4   not found (no such resource or revision)
        5   the store or server is unavailable
        6   conflict: concurrent writes to the same thing won; nothing was changed,
            try again
        7   refused: no valid API token, or your roles do not allow it there
        70  internal error (a bug; rerun with SEXTANT_DEBUG=1 and report it)
      """;

  private ExitCode() {}
}
