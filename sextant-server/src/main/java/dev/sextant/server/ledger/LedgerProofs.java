package dev.sextant.server.ledger;

import dev.sextant.core.ledger.CachedProofs;
import dev.sextant.core.ledger.SignedTreeHead;
import dev.sextant.server.ledger.EvidenceRefusal.Reason;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.LedgerLeaf;
import dev.sextant.server.store.LedgerRepository;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Inclusion and consistency proofs over the stored leaves. Leaf {@code i} is the leaf of event
 * {@code i + 1}: events are numbered from 1 without gaps, and the leaves follow them. A proof is
 * computed from the leaves as stored; a gap among them is a damaged ledger, named rather than
 * proved around.
 */
public final class LedgerProofs {
  private final Database database;

  public LedgerProofs(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  /**
   * The proof of event {@code sequence} in the tree of size {@code treeSize}, by default the size
   * of the latest signed head.
   *
   * @throws EvidenceRefusal when the sequence or size is outside the log, or no head was signed
   */
  public InclusionProof inclusion(long sequence, OptionalLong treeSize) {
    return database.read(
        "prove an entry of the ledger",
        tx -> {
          LedgerRepository ledger = tx.ledger();
          long size = ledger.size();
          if (sequence < 1 || sequence > size) {
            throw outOfRange("sequence must be from 1 to " + size + ", the entries of the ledger");
          }
          long tree;
          if (treeSize.isPresent()) {
            tree = treeSize.getAsLong();
          } else {
            tree = latestSize(ledger);
            if (sequence > tree) {
              throw outOfRange(
                  "sequence "
                      + sequence
                      + " is not under the latest signed head, of size "
                      + tree
                      + ": give a sequence from 1 to "
                      + tree
                      + ", or a treeSize from "
                      + sequence
                      + " to "
                      + size);
            }
          }
          if (tree < sequence || tree > size) {
            throw outOfRange(
                "treeSize must be from "
                    + sequence
                    + " (the sequence) to "
                    + size
                    + ", found "
                    + tree);
          }
          CachedProofs proofs = leaves(ledger, tree);
          return new InclusionProof(
              sequence,
              sequence - 1,
              tree,
              proofs.leafHash(sequence - 1),
              proofs.inclusion(sequence - 1, tree),
              proofs.root(tree),
              headOfSize(ledger, tree));
        });
  }

  /**
   * The proof that the tree of size {@code from} is a prefix of the tree of size {@code to}.
   *
   * @throws EvidenceRefusal when the sizes are not {@code 1 <= from <= to <= } the log's size
   */
  public ConsistencyProof consistency(long from, long to) {
    return database.read(
        "prove the ledger only grew",
        tx -> {
          LedgerRepository ledger = tx.ledger();
          long size = ledger.size();
          if (to < 1 || to > size) {
            throw outOfRange("to must be from 1 to " + size + ", the entries of the ledger");
          }
          if (from < 1 || from > to) {
            throw outOfRange("from must be from 1 to " + to + " (to)");
          }
          CachedProofs proofs = leaves(ledger, to);
          return new ConsistencyProof(
              from,
              to,
              proofs.root(from),
              proofs.root(to),
              proofs.consistency(from, to),
              headOfSize(ledger, from),
              headOfSize(ledger, to));
        });
  }

  /**
   * The first {@code size} stored leaves, ready to prove with.
   *
   * @throws EvidenceRefusal when a leaf is missing or malformed below {@code size}
   */
  static CachedProofs leaves(LedgerRepository ledger, long size) {
    List<byte[]> leaves = new ArrayList<>();
    while (leaves.size() < size) {
      List<LedgerLeaf> page = ledger.leavesAfter(leaves.size(), TreeHeads.PAGE);
      for (LedgerLeaf leaf : page) {
        if (leaves.size() == size) {
          break;
        }
        long expected = leaves.size() + 1L;
        if (leaf.sequence() != expected || !leaf.wellFormed()) {
          throw damaged("the leaf of entry " + expected + " is missing or malformed");
        }
        leaves.add(HexFormat.of().parseHex(leaf.leafHash()));
      }
      if (page.isEmpty()) {
        throw damaged("the leaf of entry " + (leaves.size() + 1) + " is missing");
      }
    }
    return new CachedProofs(leaves);
  }

  static Optional<SignedTreeHead> headOfSize(LedgerRepository ledger, long size) {
    return ledger.heads().stream()
        .filter(head -> head.treeSize() == size)
        .flatMap(head -> head.head().stream())
        .findFirst();
  }

  static EvidenceRefusal damaged(String what) {
    return new EvidenceRefusal(
        Reason.LEDGER_DAMAGED,
        what
            + ": the ledger does not verify there, so no proof is given; run sextant audit verify");
  }

  private static long latestSize(LedgerRepository ledger) {
    return ledger
        .latestHead()
        .map(SignedTreeHead::treeSize)
        .orElseThrow(
            () ->
                new EvidenceRefusal(
                    Reason.NOT_FOUND,
                    "no ledger tree head was signed yet: give treeSize, or sign a head first"));
  }

  private static EvidenceRefusal outOfRange(String message) {
    return new EvidenceRefusal(Reason.OUT_OF_RANGE, message);
  }
}
