package dev.sextant.server;

/** A server could not start serving: the address is taken or cannot be bound. */
public final class ServerStartException extends RuntimeException {
  ServerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
