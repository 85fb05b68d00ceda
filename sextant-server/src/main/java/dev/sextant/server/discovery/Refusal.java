package dev.sextant.server.discovery;

/**
 * A discovery request refused for a reason the caller can act on. The API maps each reason to
 * its 4xx status; nothing was stored, and a ledger-ready event records the refusal.
 */
public final class Refusal extends RuntimeException {
  /** Why, in the terms of the response it becomes. */
  public enum Reason {
    /** No token, or the wrong one (401). */
    UNAUTHENTICATED,
    /** The request is authenticated but not allowed: a bad signature, another's environment (403). */
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
}
