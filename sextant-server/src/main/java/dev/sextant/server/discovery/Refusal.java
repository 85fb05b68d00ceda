package dev.sextant.server.discovery;

import dev.sextant.api.ProblemKind;
import dev.sextant.server.Failure;

/**
 * A discovery request refused for a reason the caller can act on. Each reason is a {@link
 * ProblemKind}, which the API maps to its 4xx status; nothing was stored, and a ledger-ready event
 * records the refusal. No refusal is resolved by sending the same request again.
 */
public final class Refusal extends RuntimeException implements Failure {
  /** Why, in the terms of the response it becomes. */
  public enum Reason {
    /** No token, or the wrong one (401). */
    UNAUTHENTICATED,
    /**
     * The request is authenticated but not allowed: a bad signature, another's environment (403).
     */
    FORBIDDEN,
    /** The agent, environment or revision does not exist (404). */
    NOT_FOUND,
    /** It clashes with what is registered, such as a known agent name with another key (409). */
    CONFLICT
  }

  private final Reason reason;

  public Refusal(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  @Override
  public ProblemKind kind() {
    return switch (reason) {
      case UNAUTHENTICATED -> ProblemKind.UNAUTHORIZED;
      case FORBIDDEN -> ProblemKind.FORBIDDEN;
      case NOT_FOUND -> ProblemKind.NOT_FOUND;
      case CONFLICT -> ProblemKind.CONFLICT;
    };
  }

  /** Not even a conflict: the name stays taken, unlike a lost compare-and-set. */
  @Override
  public boolean retryable() {
    return false;
  }
}
