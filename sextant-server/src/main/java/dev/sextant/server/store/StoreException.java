package dev.sextant.server.store;

/** The root of every failure of the server's stores; its message is meant for the operator. */
public class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
