package dev.sextant.server.ledger;

/** The ledger's key cannot be made or read; the server does not start without it. */
public final class LedgerKeyException extends RuntimeException {
  public LedgerKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
