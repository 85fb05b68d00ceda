package dev.sextant.bench.ledger;

import com.sun.management.OperatingSystemMXBean;
import dev.sextant.server.ledger.LedgerVerdict;
import dev.sextant.server.ledger.TreeHeads;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The ledger's figures with the CPU time beside the wall time, for a machine that other work also
 * uses: on a busy machine the wall time says how long it took there, the CPU time what it costs,
 * which is what a free machine of as many cores would take divided among them. The JMH benchmarks
 * ({@link LedgerAppendBenchmark}, {@link LedgerVerifyBenchmark}) measure the same operations with
 * warm-up and error bars.
 *
 * <pre>{@code
 * java -cp "sextant-bench/target/classes:sextant-bench/target/lib/*" \
 *     dev.sextant.bench.ledger.LedgerFigures [all|appends|million] [STORE-DIR]
 * }</pre>
 */
public final class LedgerFigures {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private LedgerFigures() {}

  public static void main(String[] args) throws InterruptedException {
    System.out.printf(
        "cores %d, load average %.1f at the start%n",
        Runtime.getRuntime().availableProcessors(), OS.getSystemLoadAverage());
    String which = args.length > 0 ? args[0] : "all";
    if (!which.equals("million")) {
      appends();
    }
    if (which.equals("appends")) {
      return;
    }
    Path directory = Path.of(args.length > 1 ? args[1] : "sextant-bench/target/ledger-1m");
    LedgerVerifyBenchmark million = new LedgerVerifyBenchmark();
    System.setProperty("sextant.bench.ledger", directory.toString());
    million.open();
    try {
      for (int i = 0; i < 3; i++) {
        time("audit verify, 1,000,000 entries", 1, million::auditVerifyOfAMillion);
        time("read 1,000,000 leaves from the store", 1, million::readAMillionLeaves);
        time("inclusion proof, leaves read from the store", 1, million::inclusionProofFromTheStore);
        time(
            "consistency proof, leaves read from the store",
            1,
            million::consistencyProofFromTheStore);
      }
    } finally {
      million.close();
    }
    System.out.printf("load average %.1f at the end%n", OS.getSystemLoadAverage());
  }

  private static void appends() throws InterruptedException {
    try (LedgerStore warm = LedgerStore.temporary()) {
      for (int i = 0; i < 20_000; i++) {
        warm.append(1 + i % 10);
      }
    }
    for (int perTransaction : new int[] {1, 10, 100, 1_000}) {
      for (int threads : new int[] {1, 2}) {
        LedgerStore store = LedgerStore.temporary();
        int events = perTransaction == 1 ? 20_000 : 100_000;
        time(
            String.format(
                Locale.ROOT, "append, %d per transaction, %d thread(s)", perTransaction, threads),
            events,
            () -> appendOn(store, threads, events / threads / perTransaction, perTransaction));
        if (perTransaction == 1_000 && threads == 1) {
          TreeHeads heads = new TreeHeads(store.database(), store.key());
          heads.publish();
          store.append(1_000);
          time("a signed head over 1,000 new leaves", 1, () -> heads.publish().orElseThrow());
        }
        store.closeAndDelete();
      }
    }
  }

  private static Object appendOn(LedgerStore store, int threads, int transactions, int each) {
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      new Thread(
              () -> {
                for (int i = 0; i < transactions; i++) {
                  store.append(each);
                }
                done.countDown();
              })
          .start();
    }
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  /**
   * Runs {@code work} once and prints its wall and CPU time, per operation where there are many.
   */
  private static void time(String what, int operations, Supplier<?> work) {
    long cpu = OS.getProcessCpuTime();
    long start = System.nanoTime();
    Object result = work.get();
    double wall = (System.nanoTime() - start) / 1e9;
    double used = (OS.getProcessCpuTime() - cpu) / 1e9;
    if (result instanceof LedgerVerdict verdict && !verdict.verified()) {
      throw new IllegalStateException("the store does not verify: " + verdict);
    }
    if (operations > 1) {
      System.out.printf(
          Locale.ROOT,
          "%-55s %,10.0f /s wall   %,10.0f /s per CPU-second   (%.1f s wall, %.1f CPU-s)%n",
          what,
          operations / wall,
          operations / used,
          wall,
          used);
    } else {
      System.out.printf(Locale.ROOT, "%-55s %10.3f s wall   %10.3f CPU-s%n", what, wall, used);
    }
  }
}
