package dev.sextant.server.ledger;

import dev.sextant.core.ledger.MerkleTree;
import dev.sextant.core.ledger.SignedTreeHead;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.LedgerLeaf;
import dev.sextant.server.store.LedgerRepository;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Publishes signed tree heads: the root over every leaf in sequence order, signed with the ledger's
 * key. A head is written only when the log grew since the last one, so publishing on a schedule
 * adds nothing while the server is idle. The tree is kept between heads and only the leaves since
 * the last one are read, so a head costs what the log grew by, not its whole length; it is built
 * again from the first leaf while the store has no head (before then, old events may still be given
 * leaves below the first).
 */
public final class TreeHeads {
  static final int PAGE = 1000;

  private final Database database;
  private final LedgerKey key;
  private MerkleTree tree = new MerkleTree();
  private long lastSequence;

  public TreeHeads(Database database, LedgerKey key) {
    this.database = Objects.requireNonNull(database, "database");
    this.key = Objects.requireNonNull(key, "key");
  }

  /** Signs and stores a head over all leaves now; empty when the latest head already has them. */
  public synchronized Optional<SignedTreeHead> publish() {
    return database.write(
        "publish a ledger tree head",
        tx -> {
          LedgerRepository ledger = tx.ledger();
          long size = ledger.size();
          Optional<SignedTreeHead> latest = ledger.latestHead();
          if (latest.isPresent() && latest.get().treeSize() >= size) {
            return Optional.empty();
          }
          if (latest.isEmpty()) {
            tree = new MerkleTree();
            lastSequence = 0;
          }
          for (List<LedgerLeaf> page = ledger.leavesAfter(lastSequence, PAGE);
              !page.isEmpty();
              page = ledger.leavesAfter(lastSequence, PAGE)) {
            page.forEach(leaf -> tree.append(HexFormat.of().parseHex(leaf.leafHash())));
            lastSequence = page.get(page.size() - 1).sequence();
          }
          SignedTreeHead head =
              SignedTreeHead.sign(
                  tree.size(), tree.root(), tx.now().toString(), key.id(), key.privateKey());
          ledger.addTreeHead(head);
          return Optional.of(head);
        });
  }

  /**
   * Gives the events of a store older than its ledger their leaves, before the first head signs
   * them; a server does this as it starts (see {@link
   * dev.sextant.server.store.LedgerRepository#backfill}).
   *
   * @return how many leaves were written
   */
  public int backfill() {
    return database.write(
        "give the events older than the ledger their leaves", tx -> tx.ledger().backfill());
  }

  /** The latest signed head, if one was published. */
  public Optional<SignedTreeHead> latest() {
    return database.read("read the latest ledger tree head", tx -> tx.ledger().latestHead());
  }
}
