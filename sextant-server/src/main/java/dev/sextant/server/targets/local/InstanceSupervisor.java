package dev.sextant.server.targets.local;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs the instances of services' tracks on this host: starts them, keeps them running, tells a
 * listener of each change, and stops them. Logs go to {@code <logDirectory>/<service>/<track>-<n>
 * .log}, one file per instance across its restarts.
 */
public final class InstanceSupervisor implements AutoCloseable {
  private final Path logDirectory;
  private final Backoff backoff;
  private final InstanceListener listener;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService events;
  private final HttpClient http;
  private final Map<InstanceId, Instance> instances = new ConcurrentHashMap<>();

  public InstanceSupervisor(Path logDirectory, Backoff backoff, InstanceListener listener) {
    this.logDirectory = logDirectory;
    this.backoff = backoff;
    this.listener = listener;
    // waiting for stops holds a thread each; readiness probes and restarts are short
    this.scheduler = Executors.newScheduledThreadPool(4, daemon("sextant-instances"));
    this.events = Executors.newSingleThreadExecutor(daemon("sextant-instance-events"));
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  }

  /**
   * Starts {@code count} instances of {@code service}'s {@code track}, each on its own port. It
   * returns at once; their states arrive through the listener and {@link #snapshot()}.
   *
   * @throws IllegalStateException when that track already has instances here
   */
  public List<InstanceId> start(String service, Track track, InstanceSpec spec, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("start at least one instance, not " + count);
    }
    if (!of(service, track).isEmpty()) {
      throw new IllegalStateException(
          "the "
              + track.slotPrefix()
              + " track of "
              + service
              + " already runs here; stop it first");
    }
    List<InstanceId> ids = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      InstanceId id = new InstanceId(service, track, n);
      Instance instance =
          new Instance(id, spec, logDirectory, backoff, scheduler, http, listener, events);
      instances.put(id, instance);
      instance.start();
      ids.add(id);
    }
    return ids;
  }

  /** Every instance's state now, ordered by service, track and number. */
  public List<InstanceStatus> snapshot() {
    return instances.values().stream()
        .map(Instance::status)
        .sorted(
            Comparator.comparing((InstanceStatus s) -> s.id().service())
                .thenComparing(s -> s.id().track())
                .thenComparingInt(s -> s.id().index()))
        .toList();
  }

  /**
   * Stops {@code service}'s {@code track} and forgets it: SIGTERM to each instance and its
   * descendants at once, then SIGKILL to what is left after the spec's stop timeout. Returns the
   * final state of each instance once all are gone.
   */
  public List<InstanceStatus> stop(String service, Track track) {
    return stop(of(service, track));
  }

  /** Stops every instance; their processes are gone when it returns. */
  @Override
  public void close() {
    try {
      stop(List.copyOf(instances.values()));
    } finally {
      scheduler.shutdownNow();
      events.shutdown();
      try {
        events.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private List<InstanceStatus> stop(List<Instance> stopping) {
    List<Instance.Stop> stops = stopping.stream().map(Instance::beginStop).toList();
    stops.forEach(Instance.Stop::await);
    stopping.forEach(i -> instances.remove(i.id()));
    return stopping.stream().map(Instance::status).toList();
  }

  private List<Instance> of(String service, Track track) {
    return instances.values().stream()
        .filter(i -> i.id().service().equals(service) && i.id().track() == track)
        .sorted(Comparator.comparingInt(i -> i.id().index()))
        .toList();
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread t = new Thread(runnable, name);
      t.setDaemon(true);
      return t;
    };
  }
}
