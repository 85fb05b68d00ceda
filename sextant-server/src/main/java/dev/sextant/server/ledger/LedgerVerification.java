package dev.sextant.server.ledger;

import dev.sextant.core.ledger.LedgerEntry;
import dev.sextant.core.ledger.MerkleHash;
import dev.sextant.core.ledger.MerkleTree;
import dev.sextant.core.ledger.SignedTreeHead;
import dev.sextant.server.ledger.LedgerProblem.Kind;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.LedgerEntries;
import dev.sextant.server.store.LedgerLeaf;
import dev.sextant.server.store.LedgerRepository;
import dev.sextant.server.store.RecomputedEntry;
import dev.sextant.server.store.StoredTreeHead;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

/**
 * Checks the ledger against the events table as it is now, so that a change made with plain SQL,
 * past every repository, is found. Each event row is hashed again and compared with its stored
 * leaf, which finds an edited, deleted, inserted or moved event; and the root over the stored
 * leaves is recomputed at every signed head's size and compared with the signed root, which finds
 * an attacker who rewrote the leaves to match, since they cannot sign a new head without the key.
 */
public final class LedgerVerification {
  /**
   * Rows read per query: large, since the events of a page are hashed on every core at once, and a
   * million entries in pages of a thousand were a thousand queries.
   */
  static final int PAGE = 10_000;

  private final Database database;
  private final LedgerKey key;

  public LedgerVerification(Database database, LedgerKey key) {
    this.database = Objects.requireNonNull(database, "database");
    this.key = Objects.requireNonNull(key, "key");
  }

  /** Verifies the whole ledger in one consistent read. */
  public LedgerVerdict verify() {
    return database.read("verify the ledger", tx -> new Pass(tx.ledger(), key).run());
  }

  /** One walk over events and leaves together, in sequence order, folding leaves into a tree. */
  private static final class Pass {
    private static final HexFormat HEX = HexFormat.of();

    private final LedgerKey key;
    private final List<StoredTreeHead> heads;
    private final Cursor<RecomputedEntry> events;
    private final Cursor<LedgerLeaf> leaves;
    private final MerkleTree tree = new MerkleTree();
    private int nextHead;
    private long lastGoodHead;
    private long lastEvent;
    private long entries;
    private LedgerProblem first;
    private RecomputedEntry firstMismatch;
    private LedgerLeaf firstMismatchLeaf;

    Pass(LedgerRepository ledger, LedgerKey key) {
      this.key = key;
      this.heads = ledger.heads();
      this.events = new Cursor<>(ledger::entriesAfter, RecomputedEntry::sequence);
      this.leaves = new Cursor<>(ledger::leavesAfter, LedgerLeaf::sequence);
    }

    LedgerVerdict run() {
      checkHeadsAtSize();
      for (RecomputedEntry event = events.peek(); ; event = events.peek()) {
        LedgerLeaf stored = leaves.peek();
        if (event == null && stored == null) {
          break;
        }
        if (event != null && (stored == null || event.sequence() < stored.sequence())) {
          seeEvent(event);
          note(event.sequence(), Kind.INSERTED, "event " + event.sequence() + " has no leaf");
          events.next();
        } else if (event == null || stored.sequence() < event.sequence()) {
          note(stored.sequence(), Kind.DELETED, "leaf " + stored.sequence() + " has no event");
          fold(stored, leafHash(stored));
          leaves.next();
        } else {
          seeEvent(event);
          byte[] leaf = leafHash(stored);
          compare(event, stored, leaf);
          fold(stored, leaf);
          events.next();
          leaves.next();
        }
      }
      for (; nextHead < heads.size(); nextHead++) {
        StoredTreeHead head = heads.get(nextHead);
        note(
            tree.size() + 1,
            Kind.DELETED,
            "a head was signed over "
                + head.treeSize()
                + " entries but only "
                + tree.size()
                + " leaves remain");
      }
      return new LedgerVerdict(entries, heads.size(), Optional.ofNullable(first));
    }

    private void seeEvent(RecomputedEntry event) {
      entries++;
      if (event.sequence() != lastEvent + 1) {
        note(lastEvent + 1, Kind.DELETED, "there is no event " + (lastEvent + 1));
      }
      lastEvent = event.sequence();
    }

    private void compare(RecomputedEntry event, LedgerLeaf stored, byte[] leaf) {
      long sequence = event.sequence();
      if (event.unreadable().isPresent()) {
        note(sequence, Kind.EDITED, "event " + sequence + " no longer reads as an event");
        return;
      }
      if (event.hashesTo(leaf)) {
        return;
      }
      LedgerEntry entry = event.entry().orElseThrow();
      if (firstMismatch == null) {
        firstMismatch = event;
        firstMismatchLeaf = stored;
        note(sequence, Kind.EDITED, "event " + sequence + " no longer hashes to its leaf");
        return;
      }
      // This row hashes to the first mismatch's leaf when put back there: the two were moved.
      long earlier = firstMismatch.sequence();
      LedgerEntry movedBack = LedgerEntries.renumbered(entry, earlier);
      if (HEX.formatHex(movedBack.leafHash()).equals(firstMismatchLeaf.leafHash())
          && first != null
          && first.sequence() == earlier) {
        first =
            new LedgerProblem(
                earlier,
                Kind.REORDERED,
                "the event at " + sequence + " is the one logged at " + earlier);
      }
    }

    /**
     * The stored leaf as the tree takes it; text that is no hash is hashed as a leaf, so that the
     * tree still has a node there and every root above it differs from the signed one.
     */
    private static byte[] leafHash(LedgerLeaf stored) {
      return stored
          .hash()
          .orElseGet(() -> MerkleHash.leaf(stored.leafHash().getBytes(StandardCharsets.UTF_8)));
    }

    private void fold(LedgerLeaf stored, byte[] leaf) {
      if (stored.sequence() != tree.size() + 1) {
        note(tree.size() + 1, Kind.DELETED, "there is no leaf " + (tree.size() + 1));
      }
      tree.append(leaf);
      checkHeadsAtSize();
    }

    private void checkHeadsAtSize() {
      for (; nextHead < heads.size() && heads.get(nextHead).treeSize() <= tree.size(); nextHead++) {
        StoredTreeHead stored = heads.get(nextHead);
        long from = lastGoodHead + 1;
        if (stored.malformed().isPresent()) {
          note(
              from,
              Kind.BAD_SIGNATURE,
              "the head over "
                  + stored.treeSize()
                  + " entries is no signed head: "
                  + stored.malformed().orElseThrow());
          continue;
        }
        SignedTreeHead head = stored.head().orElseThrow();
        String which = "the head over " + head.treeSize() + " entries, signed " + head.timestamp();
        if (!head.keyId().equals(key.id())) {
          note(
              from,
              Kind.BAD_SIGNATURE,
              which + " names key " + head.keyId() + ", not the ledger's");
        } else if (!head.verifiesWith(key.publicKey())) {
          note(from, Kind.BAD_SIGNATURE, which + " is not signed by the ledger's key");
        } else if (!Arrays.equals(head.rootHash(), tree.root())) {
          note(
              from,
              Kind.HEAD_MISMATCH,
              which
                  + " gives another root than its leaves: an entry from "
                  + from
                  + " to "
                  + head.treeSize()
                  + " changed");
        } else {
          lastGoodHead = head.treeSize();
        }
      }
    }

    /** Keeps the problem at the smallest sequence; of two at one sequence, the one found first. */
    private void note(long sequence, Kind kind, String explanation) {
      if (first == null || sequence < first.sequence()) {
        first = new LedgerProblem(sequence, kind, explanation);
      }
    }
  }

  /** Reads rows in sequence order a page at a time, so a long ledger is never held whole. */
  private static final class Cursor<T> {
    private final BiFunction<Long, Integer, List<T>> page;
    private final ToLongFunction<T> sequence;
    private List<T> items = new ArrayList<>();
    private int index;
    private long after = Long.MIN_VALUE;
    private boolean exhausted;

    Cursor(BiFunction<Long, Integer, List<T>> page, ToLongFunction<T> sequence) {
      this.page = page;
      this.sequence = sequence;
    }

    T peek() {
      if (index < items.size()) {
        return items.get(index);
      }
      if (exhausted) {
        return null;
      }
      items = page.apply(after, PAGE);
      index = 0;
      if (items.isEmpty()) {
        exhausted = true;
        return null;
      }
      after = sequence.applyAsLong(items.get(items.size() - 1));
      return items.get(0);
    }

    void next() {
      index++;
    }
  }
}
