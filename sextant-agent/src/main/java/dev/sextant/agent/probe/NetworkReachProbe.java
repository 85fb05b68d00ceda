package dev.sextant.agent.probe;

import dev.sextant.core.fingerprint.Fact;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Configured reachability checks as {@code network.reach.<name>} true/false facts, each a TCP
 * connect within its own timeout. The checks run side by side, so the probe takes as long as the
 * slowest check, not their sum. Unreachable is an answer, not a warning; why is in the notes.
 */
public final class NetworkReachProbe implements Probe {
  private final List<ReachCheck> checks;

  public NetworkReachProbe(List<ReachCheck> checks) {
    this.checks = List.copyOf(checks);
    long distinct = this.checks.stream().map(ReachCheck::name).distinct().count();
    if (distinct != this.checks.size()) {
      throw new IllegalArgumentException("reach check names must be unique");
    }
  }

  @Override
  public String name() {
    return "network";
  }

  @Override
  public ProbeResult probe(ProbeContext context) {
    ProbeResult.Builder out = ProbeResult.builder();
    if (checks.isEmpty()) {
      return out.build();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(checks.size(), 16),
            r -> {
              Thread t = new Thread(r, "sextant-reach");
              t.setDaemon(true);
              return t;
            });
    try {
      List<CompletableFuture<String>> answers = new ArrayList<>();
      for (ReachCheck check : checks) {
        answers.add(CompletableFuture.supplyAsync(() -> connect(check), pool));
      }
      for (int i = 0; i < checks.size(); i++) {
        ReachCheck check = checks.get(i);
        String failure = answers.get(i).join();
        out.fact(check.factKey(), new Fact.Flag(failure == null));
        if (failure != null) {
          out.note(
              check.name()
                  + " ("
                  + check.host()
                  + ":"
                  + check.port()
                  + ") not reachable: "
                  + failure);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return out.build();
  }

  /** Null when connected, else why not. */
  private static String connect(ReachCheck check) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(check.host(), check.port()),
          (int) Math.max(1, check.timeout().toMillis()));
      return null;
    } catch (IOException e) {
      return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
  }
}
