package dev.sextant.server.ledger;

/** Services without a ledger key were asked to sign or verify: only a server holds the key. */
public final class LedgerUnavailableException extends RuntimeException {
  public LedgerUnavailableException() {
    super("these services have no ledger key: ask a Sextant server, which keeps one");
  }
}
