package dev.sextant.bench.ledger;

import dev.sextant.server.ledger.TreeHeads;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events appended per second to the embedded store (an H2 file, as the server opens it) through
 * {@code EventRepository.append}: the event row, the counter and the ledger leaf, committed. The
 * scores are events per second whatever the batch, since each method counts its events as
 * operations. Run with {@code -t 2} for two appending threads; they take turns on the counter row,
 * which is what keeps numbers in commit order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class LedgerAppendBenchmark {
  private LedgerStore store;

  @Setup(Level.Trial)
  public void open() {
    store = LedgerStore.temporary();
  }

  @TearDown(Level.Trial)
  public void close() {
    store.closeAndDelete();
  }

  /** One event per transaction: what the server does for most requests. */
  @Benchmark
  public void oneEventPerTransaction() {
    store.append(1);
  }

  @Benchmark
  @OperationsPerInvocation(10)
  public void tenEventsPerTransaction() {
    store.append(10);
  }

  @Benchmark
  @OperationsPerInvocation(100)
  public void hundredEventsPerTransaction() {
    store.append(100);
  }

  /**
   * A signed tree head over the 1,000 leaves appended since the last one: what the server's
   * publisher pays per interval, here for Trillian's default batch of 1,000.
   */
  @State(Scope.Thread)
  public static class Heads {
    private LedgerStore store;
    private TreeHeads heads;

    @Setup(Level.Trial)
    public void open() {
      store = LedgerStore.temporary();
      heads = new TreeHeads(store.database(), store.key());
    }

    @Setup(Level.Invocation)
    public void appendThousand() {
      store.append(1_000);
    }

    @TearDown(Level.Trial)
    public void close() {
      store.closeAndDelete();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Object headOverThousandNewLeaves(Heads state) {
    return state.heads.publish().orElseThrow();
  }
}
