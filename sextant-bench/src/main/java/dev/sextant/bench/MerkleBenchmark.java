package dev.sextant.bench;

import dev.sextant.core.ledger.MerkleHash;
import dev.sextant.core.ledger.MerkleProofs;
import dev.sextant.core.ledger.MerkleTree;
import dev.sextant.core.ledger.ProofVerdict;
import dev.sextant.core.ledger.ProofVerifier;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 22's ledger arithmetic over a million leaves: the root that {@code audit verify} recomputes
 * (leaf hashes given, so the figure is the tree's own cost, not the store's or JCS's), and checking
 * one inclusion and one consistency proof, which is what an auditor pays per entry.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MerkleBenchmark {
  private static final int LEAVES = 1_000_000;

  private byte[][] leafHashes;
  private byte[] root;
  private byte[] earlierRoot;
  private List<byte[]> inclusion;
  private List<byte[]> consistency;

  @Setup
  public void setUp() {
    leafHashes = new byte[LEAVES][];
    MerkleTree earlier = new MerkleTree();
    for (int i = 0; i < LEAVES; i++) {
      leafHashes[i] = MerkleHash.leaf(ByteBuffer.allocate(Integer.BYTES).putInt(i).array());
      if (i < LEAVES / 2 + 1) {
        earlier.append(leafHashes[i]);
      }
    }
    root = rootOfAMillionLeaves();
    earlierRoot = earlier.root();
    inclusion = MerkleProofs.inclusion(LEAVES / 3, LEAVES, i -> leafHashes[(int) i]);
    consistency = MerkleProofs.consistency(LEAVES / 2 + 1, LEAVES, i -> leafHashes[(int) i]);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public byte[] rootOfAMillionLeaves() {
    MerkleTree tree = new MerkleTree();
    for (byte[] leaf : leafHashes) {
      tree.append(leaf);
    }
    return tree.root();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public ProofVerdict verifyInclusion() {
    return ProofVerifier.inclusion(LEAVES / 3, LEAVES, leafHashes[LEAVES / 3], inclusion, root);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public ProofVerdict verifyConsistency() {
    return ProofVerifier.consistency(LEAVES / 2 + 1, LEAVES, earlierRoot, root, consistency);
  }
}
