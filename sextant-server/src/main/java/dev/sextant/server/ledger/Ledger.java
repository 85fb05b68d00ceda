package dev.sextant.server.ledger;

import dev.sextant.core.ledger.SignedTreeHead;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.LedgerLogLine;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger as the API sees it: its latest head, a head published on demand, and verification.
 * Services built without a server (tests, tools) have no key: they read heads but neither sign nor
 * verify, since a verification without the key could not check a single signature.
 */
public final class Ledger {
  private final Database database;
  private final Optional<TreeHeads> heads;
  private final Optional<LedgerVerification> verification;

  private Ledger(Database database, Optional<LedgerKey> key) {
    this.database = Objects.requireNonNull(database, "database");
    this.heads = key.map(k -> new TreeHeads(database, k));
    this.verification = key.map(k -> new LedgerVerification(database, k));
  }

  public static Ledger signedWith(Database database, LedgerKey key) {
    return new Ledger(database, Optional.of(key));
  }

  public static Ledger withoutKey(Database database) {
    return new Ledger(database, Optional.empty());
  }

  public Optional<SignedTreeHead> latest() {
    return database.read("read the latest ledger tree head", tx -> tx.ledger().latestHead());
  }

  /** The leaves after sequence number {@code after}, in order, at most {@code limit}. */
  public List<LedgerLogLine> log(long after, int limit) {
    return database.read("read the ledger", tx -> tx.ledger().logAfter(after, limit));
  }

  /**
   * Signs a head over the log now, or gives the latest when the log did not grow since.
   *
   * @return the head, and whether it is new
   * @throws LedgerUnavailableException when these services have no ledger key
   */
  public Published publish() {
    TreeHeads publisher = heads.orElseThrow(LedgerUnavailableException::new);
    return publisher
        .publish()
        .map(head -> new Published(head, true))
        .orElseGet(() -> new Published(publisher.latest().orElseThrow(), false));
  }

  /**
   * @throws LedgerUnavailableException when these services have no ledger key
   */
  public LedgerVerdict verify() {
    return verification.orElseThrow(LedgerUnavailableException::new).verify();
  }

  /** A head that {@link #publish} signed now ({@code signedNow}) or had signed before. */
  public record Published(SignedTreeHead head, boolean signedNow) {}
}
