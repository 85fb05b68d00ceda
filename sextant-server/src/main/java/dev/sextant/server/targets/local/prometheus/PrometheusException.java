package dev.sextant.server.targets.local.prometheus;

/**
 * The local Prometheus is missing and cannot be installed, or would not start: the message says
 * which, with Prometheus' own output where it wrote any.
 */
public final class PrometheusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PrometheusException(String message) {
    super(message);
  }

  PrometheusException(String message, Throwable cause) {
    super(message, cause);
  }
}
