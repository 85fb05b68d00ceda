package dev.sextant.server.ledger;

import dev.sextant.core.ledger.EvidenceBundle;
import dev.sextant.core.ledger.SignedTreeHead;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.LedgerLogLine;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The ledger as the API sees it: its latest head, a head published on demand, verification,
 * inclusion and consistency proofs, and evidence bundles. Services built without a server (tests,
 * tools) have no key: they read heads but neither sign nor verify, since a verification without the
 * key could not check a single signature, nor export a bundle, which the key signs; they still give
 * proofs.
 */
public final class Ledger {
  private final Database database;
  private final Optional<TreeHeads> heads;
  private final Optional<LedgerVerification> verification;
  private final Optional<EvidenceExport> export;
  private final LedgerProofs proofs;

  private Ledger(Database database, Optional<LedgerKey> key) {
    this.database = Objects.requireNonNull(database, "database");
    this.heads = key.map(k -> new TreeHeads(database, k));
    this.verification = key.map(k -> new LedgerVerification(database, k));
    this.export = key.map(k -> new EvidenceExport(database, k, heads.orElseThrow()));
    this.proofs = new LedgerProofs(database);
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

  /**
   * @throws EvidenceRefusal when the sequence or size is outside the log, or no head was signed
   */
  public InclusionProof inclusion(long sequence, OptionalLong treeSize) {
    return proofs.inclusion(sequence, treeSize);
  }

  /**
   * @throws EvidenceRefusal when the sizes are not {@code 1 <= from <= to <=} the log's size
   */
  public ConsistencyProof consistency(long from, long to) {
    return proofs.consistency(from, to);
  }

  /**
   * The evidence bundle of the query's selection, signing a head first when the latest does not
   * cover it.
   *
   * @throws EvidenceRefusal when nothing is selected, or the ledger does not verify there
   * @throws LedgerUnavailableException when these services have no ledger key
   */
  public EvidenceBundle export(EvidenceQuery query) {
    return export.orElseThrow(LedgerUnavailableException::new).export(query);
  }

  /** A head that {@link #publish} signed now ({@code signedNow}) or had signed before. */
  public record Published(SignedTreeHead head, boolean signedNow) {}
}
