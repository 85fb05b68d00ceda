package dev.sextant.server.ledger;

import dev.sextant.core.ledger.BundledEntry;
import dev.sextant.core.ledger.CachedProofs;
import dev.sextant.core.ledger.EvidenceBundle;
import dev.sextant.core.ledger.LedgerEntry;
import dev.sextant.core.ledger.SignedTreeHead;
import dev.sextant.server.ledger.EvidenceRefusal.Reason;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.LedgerRepository;
import dev.sextant.server.store.RecomputedEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Makes evidence bundles: selects the entries (see {@link EvidenceSelection}), takes the latest
 * signed head, or signs one when the latest does not cover every selected entry, proves each entry
 * against it and signs the bundle with the ledger's key. Entries are read from the events as they
 * are now and checked against their stored leaves and the head's root first: a bundle is never made
 * from a ledger that does not verify, since its proofs would not hold.
 */
final class EvidenceExport {
  private final Database database;
  private final LedgerKey key;
  private final TreeHeads heads;

  EvidenceExport(Database database, LedgerKey key, TreeHeads heads) {
    this.database = Objects.requireNonNull(database, "database");
    this.key = Objects.requireNonNull(key, "key");
    this.heads = Objects.requireNonNull(heads, "heads");
  }

  /**
   * @throws EvidenceRefusal when nothing is selected, or the ledger does not verify there
   */
  EvidenceBundle export(EvidenceQuery query) {
    List<LedgerEntry> selected = select(query);
    if (selected.isEmpty()) {
      throw new EvidenceRefusal(
          Reason.NOT_FOUND, "no ledger entry is about " + query.describe() + ": nothing to export");
    }
    long last = selected.get(selected.size() - 1).sequence();
    SignedTreeHead head =
        heads
            .latest()
            .filter(latest -> latest.treeSize() >= last && latest.keyId().equals(key.id()))
            .orElseGet(() -> heads.publish().orElseGet(() -> heads.latest().orElseThrow()));
    return database.read(
        "prove the entries of an evidence bundle",
        tx -> {
          LedgerRepository ledger = tx.ledger();
          CachedProofs proofs = LedgerProofs.leaves(ledger, head.treeSize());
          if (!Arrays.equals(proofs.root(head.treeSize()), head.rootHash())) {
            throw LedgerProofs.damaged(
                "the leaves no longer have the root the head of size "
                    + head.treeSize()
                    + " signed");
          }
          List<BundledEntry> entries = new ArrayList<>();
          for (LedgerEntry entry : selected) {
            long index = entry.sequence() - 1;
            if (!Arrays.equals(entry.leafHash(), proofs.leafHash(index))) {
              throw LedgerProofs.damaged(
                  "event " + entry.sequence() + " no longer hashes to its leaf");
            }
            entries.add(BundledEntry.of(entry, proofs.inclusion(index, head.treeSize())));
          }
          return EvidenceBundle.sign(query.selection(), head, entries, key.privateKey());
        });
  }

  private List<LedgerEntry> select(EvidenceQuery query) {
    EvidenceSelection selection = new EvidenceSelection(query);
    return database.read(
        "select the entries of an evidence bundle",
        tx -> {
          LedgerRepository ledger = tx.ledger();
          forEachEntry(ledger, selection::learn);
          List<LedgerEntry> selected = new ArrayList<>();
          forEachEntry(
              ledger,
              entry -> {
                if (selection.selects(entry)) {
                  selected.add(entry);
                }
              });
          return selected;
        });
  }

  /** Every readable entry in order; an unreadable row is verification's to name, not ours. */
  private static void forEachEntry(LedgerRepository ledger, Consumer<LedgerEntry> each) {
    for (List<RecomputedEntry> page = ledger.entriesAfter(0, TreeHeads.PAGE);
        !page.isEmpty();
        page = ledger.entriesAfter(page.get(page.size() - 1).sequence(), TreeHeads.PAGE)) {
      page.forEach(row -> row.entry().ifPresent(each));
    }
  }
}
