package dev.sextant.bench.ledger;

import dev.sextant.core.ledger.MerkleProofs;
import dev.sextant.server.ledger.LedgerVerdict;
import dev.sextant.server.ledger.LedgerVerification;
import dev.sextant.server.ledger.TreeHeads;
import dev.sextant.server.store.LedgerLeaf;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code audit verify} over a store of a million events, and the store's part of a proof: what
 * {@code LedgerVerification} does for the API, and the leaves a proof needs read back from {@code
 * ledger_leaves} (a proof of a subtree with no stored root reads every leaf of it).
 *
 * <p>The store is built once, through the real append path in transactions of 10,000 events with a
 * signed head every 100,000, in {@code sextant-bench/target/ledger-1m} (or {@code
 * -Dsextant.bench.ledger=DIR}), and kept there for the next run: building it takes minutes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class LedgerVerifyBenchmark {
  static final int ENTRIES = 1_000_000;
  private static final int PER_TRANSACTION = 10_000;
  private static final int PER_HEAD = 100_000;
  private static final int PAGE = 10_000;

  private LedgerStore store;
  private LedgerVerification verification;

  @Setup(Level.Trial)
  public void open() {
    Path directory =
        Path.of(System.getProperty("sextant.bench.ledger", "sextant-bench/target/ledger-1m"));
    store = LedgerStore.at(directory);
    long size = store.database().read("count the leaves", tx -> tx.ledger().size());
    if (size != 0 && size != ENTRIES) {
      throw new IllegalStateException(
          directory + " holds " + size + " leaves, not " + ENTRIES + ": delete it to build anew");
    }
    TreeHeads heads = new TreeHeads(store.database(), store.key());
    for (long made = size; made < ENTRIES; made += PER_TRANSACTION) {
      store.append(PER_TRANSACTION);
      if ((made + PER_TRANSACTION) % PER_HEAD == 0) {
        heads.publish();
      }
    }
    verification = new LedgerVerification(store.database(), store.key());
    LedgerVerdict verdict = verification.verify();
    if (!verdict.verified() || verdict.entries() != ENTRIES) {
      throw new IllegalStateException("the benchmark's store does not verify: " + verdict);
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    store.close();
  }

  @Benchmark
  public LedgerVerdict auditVerifyOfAMillion() {
    return verification.verify();
  }

  /** Every leaf hash read back, in order: what a proof over the whole tree needs from the store. */
  @Benchmark
  public byte[][] readAMillionLeaves() {
    return leaves();
  }

  /** An inclusion proof for the middle entry against the head over all million, leaves read. */
  @Benchmark
  public List<byte[]> inclusionProofFromTheStore() {
    byte[][] leaves = leaves();
    return MerkleProofs.inclusion(ENTRIES / 2, ENTRIES, i -> leaves[(int) i]);
  }

  /** A consistency proof from the head at 500,000 to the head at a million, leaves read. */
  @Benchmark
  public List<byte[]> consistencyProofFromTheStore() {
    byte[][] leaves = leaves();
    return MerkleProofs.consistency(ENTRIES / 2, ENTRIES, i -> leaves[(int) i]);
  }

  private byte[][] leaves() {
    return store
        .database()
        .read(
            "read the leaves",
            tx -> {
              HexFormat hex = HexFormat.of();
              byte[][] hashes = new byte[ENTRIES][];
              int read = 0;
              for (List<LedgerLeaf> page = tx.ledger().leavesAfter(0, PAGE);
                  !page.isEmpty();
                  page = tx.ledger().leavesAfter(page.get(page.size() - 1).sequence(), PAGE)) {
                for (LedgerLeaf leaf : page) {
                  hashes[read++] = hex.parseHex(leaf.leafHash());
                }
              }
              return hashes;
            });
  }
}
