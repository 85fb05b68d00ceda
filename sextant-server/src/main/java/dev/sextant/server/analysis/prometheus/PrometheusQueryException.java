package dev.sextant.server.analysis.prometheus;

/**
 * A query that gave no result: Prometheus refused it, could not be reached, or answered with
 * something that is not its API's answer. The message names the Prometheus by its address without
 * credentials and carries Prometheus' own words where it gave any; it never holds a token.
 */
public final class PrometheusQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why, as far as a caller acts on it. */
  public enum Kind {
    /**
     * Prometheus answered {@code status: error}: a bad query, one it could not execute, a timeout.
     */
    REFUSED,
    /** No answer: the connection failed or the request timed out. */
    UNREACHABLE,
    /** Not asked: the bearer token's reference could not be resolved. */
    NO_TOKEN,
    /** An answer that is not Prometheus' API: another HTTP status, a body that is not its JSON. */
    MALFORMED
  }

  private final Kind kind;

  PrometheusQueryException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  PrometheusQueryException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
