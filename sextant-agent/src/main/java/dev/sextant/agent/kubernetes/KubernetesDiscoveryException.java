package dev.sextant.agent.kubernetes;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Nodes could not be read from a cluster. The message says what failed, against which API server,
 * and what to do about it, and is meant to be shown as is, without a stack trace; it never holds a
 * credential.
 */
public final class KubernetesDiscoveryException extends RuntimeException {
  /** What went wrong, for exit codes and for deciding whether to try again. */
  public enum Reason {
    /** The kubeconfig is missing, unreadable or names a context it does not have. */
    CONFIGURATION,
    /** No answer from the API server: refused, unresolvable, timed out, TLS failed. */
    UNREACHABLE,
    /** The API server did not accept the credentials (HTTP 401). */
    UNAUTHORIZED,
    /** The identity may not list nodes (HTTP 403). */
    FORBIDDEN,
    /** The API server answered the request with another error. */
    REJECTED
  }

  private final Reason reason;
  private final String server;
  private final OptionalInt httpStatus;

  KubernetesDiscoveryException(
      Reason reason, String server, OptionalInt httpStatus, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.server = Objects.requireNonNull(server, "server");
    this.httpStatus = Objects.requireNonNull(httpStatus, "httpStatus");
  }

  public Reason reason() {
    return reason;
  }

  /** The API server's URL, or the kubeconfig's path for {@link Reason#CONFIGURATION}. */
  public String server() {
    return server;
  }

  /** The HTTP status the API server answered with, when it answered. */
  public OptionalInt httpStatus() {
    return httpStatus;
  }

  /** Whether the same request may succeed later without anything being changed. */
  public boolean retryable() {
    return reason == Reason.UNREACHABLE
        || (reason == Reason.REJECTED
            && (httpStatus.orElse(0) >= 500 || httpStatus.orElse(0) == 429));
  }
}
