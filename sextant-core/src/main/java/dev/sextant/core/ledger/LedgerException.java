package dev.sextant.core.ledger;

/**
 * A ledger value that cannot be built as given: an entry whose time is not a canonical instant,
 * text that is not JSON, a key that is not Ed25519. The message names the field and what it
 * expected; it never carries key material.
 */
public final class LedgerException extends RuntimeException {
  public LedgerException(String message) {
    super(message);
  }

  public LedgerException(String message, Throwable cause) {
    super(message, cause);
  }
}
