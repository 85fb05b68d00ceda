package dev.sextant.api;

/**
 * What kind of failure an answer of the API is, and whether the same request may succeed later.
 * Clients decide on the kind (the CLI's exit code, the agent's retry), never on the status alone.
 */
public enum ProblemKind {
  /** The request is wrong: bad input, a malformed parameter. Retrying it changes nothing. */
  INVALID(false),
  /** What the request names does not exist. */
  NOT_FOUND(false),
  /** A concurrent write won; nothing was changed, and sending it again is safe. */
  CONFLICT(true),
  /** No credential, or a wrong one. */
  UNAUTHORIZED(false),
  /** The credential does not allow this. */
  FORBIDDEN(false),
  /** The server or its store cannot answer now. */
  UNAVAILABLE(true),
  /** A bug in the server. */
  INTERNAL(false);

  private final boolean retryable;

  ProblemKind(boolean retryable) {
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }

  /**
   * The kind of an HTTP answer: its status, and for a 409 its problem type, since a refused
   * registration (a name taken) is a conflict that retrying will not resolve.
   */
  static ProblemKind of(int status, String type) {
    return switch (status) {
      case 400, 405, 413, 415, 422, 431 -> INVALID;
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 409 -> type.endsWith("/write-conflict") ? CONFLICT : INVALID;
      case 502, 503, 504 -> UNAVAILABLE;
      default -> status >= 500 ? INTERNAL : INVALID;
    };
  }
}
