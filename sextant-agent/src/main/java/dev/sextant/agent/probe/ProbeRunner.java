package dev.sextant.agent.probe;

import dev.sextant.core.fingerprint.Fact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs probes side by side, each on its own thread and within one time limit, and merges what they
 * found in the order the probes were given, so the same host gives the same facts.
 *
 * <p>A probe that throws, or is still running when the limit passes, gives no facts and one warning
 * naming it; the others are unaffected. A key already given by an earlier probe is kept and the
 * later value is reported as a warning.
 */
public final class ProbeRunner {
  /** Generous: a healthy host answers in well under a second; a wedged GPU driver does not. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final Duration timeout;

  public ProbeRunner() {
    this(DEFAULT_TIMEOUT);
  }

  public ProbeRunner(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("probe timeout must be positive: " + timeout);
    }
    this.timeout = timeout;
  }

  public Discovery run(List<? extends Probe> probes, ProbeContext context) {
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, probes.size()), daemonThreads());
    long start = System.nanoTime();
    try {
      List<Future<Timed>> running = new ArrayList<>();
      for (Probe probe : probes) {
        running.add(pool.submit(() -> timed(probe, context)));
      }
      long deadline = start + timeout.toNanos();
      Merge merge = new Merge();
      for (int i = 0; i < probes.size(); i++) {
        merge.add(probes.get(i).name(), await(running.get(i), deadline));
      }
      return merge.into(Duration.ofNanos(System.nanoTime() - start));
    } finally {
      // Interrupts probes still running; their threads are daemons, so none holds the JVM.
      pool.shutdownNow();
    }
  }

  private static Timed timed(Probe probe, ProbeContext context) {
    long start = System.nanoTime();
    ProbeResult result = probe.probe(context);
    if (result == null) {
      throw new IllegalStateException("returned no result");
    }
    return new Timed(result, Duration.ofNanos(System.nanoTime() - start), null);
  }

  private Timed await(Future<Timed> future, long deadline) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return failed("did not finish within " + timeout.toMillis() + " ms; its facts are left out");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return failed(
          "failed ("
              + cause.getClass().getSimpleName()
              + ": "
              + cause.getMessage()
              + "); its facts are left out");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return failed("interrupted; its facts are left out");
    }
  }

  private Timed failed(String warning) {
    return new Timed(ProbeResult.empty(), null, warning);
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "sextant-probe-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** A probe's result and run time, or the warning that replaces both. */
  private record Timed(ProbeResult result, Duration took, String failure) {}

  private static final class Merge {
    private final TreeMap<String, Fact> facts = new TreeMap<>();
    private final Map<String, String> owners = new TreeMap<>();
    private final List<Discovery.Message> warnings = new ArrayList<>();
    private final List<Discovery.Message> notes = new ArrayList<>();
    private final Map<String, Duration> timings = new LinkedHashMap<>();

    void add(String probe, Timed timed) {
      if (timed.failure() != null) {
        warnings.add(new Discovery.Message(probe, timed.failure()));
        return;
      }
      timings.put(probe, timed.took());
      timed
          .result()
          .facts()
          .forEach(
              (key, fact) -> {
                String owner = owners.putIfAbsent(key, probe);
                if (owner == null) {
                  facts.put(key, fact);
                } else {
                  warnings.add(
                      new Discovery.Message(
                          probe,
                          key + " is already given by " + owner + "; kept " + owner + "'s value"));
                }
              });
      timed.result().warnings().forEach(w -> warnings.add(new Discovery.Message(probe, w)));
      timed.result().notes().forEach(n -> notes.add(new Discovery.Message(probe, n)));
    }

    Discovery into(Duration elapsed) {
      return new Discovery(facts, warnings, notes, timings, elapsed);
    }
  }
}
