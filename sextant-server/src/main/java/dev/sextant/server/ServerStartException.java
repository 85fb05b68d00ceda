package dev.sextant.server;

/**
 * A server could not start serving: the address is taken or cannot be bound, or a part it was asked
 * to run (a local Prometheus) cannot run.
 */
public final class ServerStartException extends RuntimeException {
  ServerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
