package dev.sextant.server.access;

import dev.sextant.api.ProblemKind;
import dev.sextant.server.Failure;

/**
 * A request refused by access control or by the rules of tokens and grants: no valid token (401),
 * roles that do not allow it (403), an unknown token or identity (404), or a clash (409). Sending
 * the same request again never helps. Its message never holds a token.
 */
public final class AccessRefusal extends RuntimeException implements Failure {
  private final ProblemKind kind;

  public AccessRefusal(ProblemKind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public static AccessRefusal unauthenticated(String message) {
    return new AccessRefusal(ProblemKind.UNAUTHORIZED, message);
  }

  public static AccessRefusal forbidden(String message) {
    return new AccessRefusal(ProblemKind.FORBIDDEN, message);
  }

  @Override
  public ProblemKind kind() {
    return kind;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
