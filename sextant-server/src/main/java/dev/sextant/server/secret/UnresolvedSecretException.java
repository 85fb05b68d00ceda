package dev.sextant.server.secret;

import dev.sextant.core.secret.SecretRef;

/**
 * A reference that could not be resolved. The message names the reference and the reason and is
 * safe to print or log: it never holds a value that was read.
 */
public final class UnresolvedSecretException extends RuntimeException {
  /** Why, as far as a caller acts on it. */
  public enum Reason {
    /** Nothing is there: an unset variable, a missing file, a path or key Vault does not have. */
    MISSING,
    /** It is there but may not be used: a file others can read, a token Vault refuses. */
    REFUSED,
    /** The source could not be asked: Vault unreachable or not configured. */
    UNREACHABLE
  }

  private final Reason reason;

  UnresolvedSecretException(SecretRef ref, Reason reason, String why) {
    super(ref.describe() + ": " + why);
    this.reason = reason;
  }

  UnresolvedSecretException(SecretRef ref, Reason reason, String why, Throwable cause) {
    super(ref.describe() + ": " + why, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
