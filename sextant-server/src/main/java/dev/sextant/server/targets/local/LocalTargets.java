package dev.sextant.server.targets.local;

import dev.sextant.api.ProblemKind;
import dev.sextant.core.resource.spec.Artifact;
import dev.sextant.core.resource.spec.Variant;
import dev.sextant.core.rollout.Revisions;
import dev.sextant.core.rollout.RolloutCommand;
import dev.sextant.core.rollout.RolloutEvent;
import dev.sextant.server.rollout.DeployTarget;
import dev.sextant.server.rollout.RolloutRefusal;
import dev.sextant.server.rollout.RolloutTarget;
import dev.sextant.server.rollout.TargetView;
import dev.sextant.server.rollout.analysis.Baselines;
import dev.sextant.server.rollout.analysis.CanaryInstances;
import dev.sextant.server.store.StoredRollout;
import dev.sextant.server.targets.local.prometheus.ScrapeTarget;
import dev.sextant.server.targets.local.prometheus.ScrapeTargets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local target of a server: every rollout of a service in an environment drives that service's
 * instances on this host, supervised, behind one HAProxy of its own (started on first use, on a
 * free loopback port). Commands of one service are carried out one at a time.
 */
public final class LocalTargets implements RolloutTarget, CanaryInstances, Baselines, DeployTarget {
  private static final Logger LOG = LoggerFactory.getLogger(LocalTargets.class);
  private static final Duration HAPROXY_START = Duration.ofSeconds(15);
  // Fixed slots per track: a rollout may ask up to this many instances without a reload.
  private static final int SLOTS = 16;

  private final Path home;
  private final Path sockets;
  private final Function<String, StoredRollout> rollouts;
  private final Function<String, Variant> variants;
  private final LocalRuns runs;
  private final InstanceSupervisor supervisor;
  private final BiConsumer<String, RolloutEvent> confirmations;
  private final Clock clock;
  private final Map<String, Frontend> frontends = new ConcurrentHashMap<>();
  private final Map<String, LocalTarget> targets = new ConcurrentHashMap<>();
  private final Leftovers leftovers;
  private final Optional<ScrapeTargets> scrapeTargets;
  private final AutoCloseable prometheus;
  // What each scrape-target group was last published as, so that an unchanged one is not rewritten.
  private final Map<String, List<ScrapeTarget>> published = new ConcurrentHashMap<>();
  // The rollout each service on this host last ran, whose id its scrape targets carry.
  private final Map<String, StoredRollout> latestRollout = new ConcurrentHashMap<>();
  private volatile boolean closing;
  private final ScheduledExecutorService watchdog =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "haproxy-watchdog");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param home where instances' logs go
   * @param rollouts a stored rollout by id
   * @param variants the variant a rollout's revision text names
   * @param confirmations where the events a rollout waits for go (delivered off this thread)
   * @param scrapeTargets where the instances and HAProxys are published for Prometheus to scrape,
   *     labelled with service, environment, track and rollout
   * @param prometheus closed with this target: the Prometheus that scrapes them, if it runs one
   */
  public LocalTargets(
      Path home,
      Function<String, StoredRollout> rollouts,
      Function<String, Variant> variants,
      LocalRuns runs,
      BiConsumer<String, RolloutEvent> confirmations,
      Clock clock,
      Optional<ScrapeTargets> scrapeTargets,
      AutoCloseable prometheus) {
    this.scrapeTargets = scrapeTargets;
    this.prometheus = prometheus;
    this.home = home;
    this.rollouts = rollouts;
    this.variants = variants;
    this.runs = runs;
    this.confirmations = confirmations;
    this.clock = clock;
    try {
      Files.createDirectories(home);
      // A UNIX socket's path holds about 100 bytes; a data directory's may be longer.
      this.sockets = Files.createTempDirectory(Path.of("/tmp"), "sxh");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the local target under " + home, e);
    }
    this.leftovers = new Leftovers(home.resolve("processes"));
    leftovers.killLeftovers();
    this.supervisor =
        new InstanceSupervisor(
            home.resolve("logs"),
            new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofMinutes(1)),
            status -> status.pid().ifPresent(leftovers::started));
    // An HAProxy that died is started again with its weights within a second, not at the next
    // command, which may be a long pause away.
    watchdog.scheduleWithFixedDelay(this::keepFrontendsAlive, 1, 1, TimeUnit.SECONDS);
  }

  /** A local target whose instances no Prometheus scrapes. */
  public LocalTargets(
      Path home,
      Function<String, StoredRollout> rollouts,
      Function<String, Variant> variants,
      LocalRuns runs,
      BiConsumer<String, RolloutEvent> confirmations,
      Clock clock) {
    this(home, rollouts, variants, runs, confirmations, clock, Optional.empty(), () -> {});
  }

  @Override
  public void run(String rollout, RolloutCommand command) {
    LocalTarget target = target(rollout);
    StoredRollout stored = rollouts.apply(rollout);
    Frontend frontend = frontend(stored);
    synchronized (frontend) {
      frontend.keepAlive();
      latestRollout.put(localName(stored), stored);
      target.run(rollout, command);
      publish(localName(stored));
    }
  }

  @Override
  public List<URI> of(String rollout) {
    return ready(rollout, Track.CANARY);
  }

  @Override
  public void start(String rollout) {
    baseline(rollout, true);
  }

  @Override
  public void stop(String rollout) {
    baseline(rollout, false);
  }

  @Override
  public List<URI> instances(String rollout) {
    return ready(rollout, Track.BASELINE);
  }

  private void baseline(String rollout, boolean wanted) {
    LocalTarget target = target(rollout);
    Frontend frontend = frontend(rollouts.apply(rollout));
    synchronized (frontend) {
      frontend.keepAlive();
      target.baseline(wanted);
      publish(localName(rollouts.apply(rollout)));
    }
  }

  /**
   * Publishes where the service's ready instances on each track, and its HAProxy's exporter,
   * answer, for Prometheus to scrape; a group that did not change is left as it is.
   */
  private void publish(String name) {
    if (scrapeTargets.isEmpty() || !latestRollout.containsKey(name)) {
      return;
    }
    // Kept from the last command rather than read again: the watchdog publishes every second.
    StoredRollout stored = latestRollout.get(name);
    String rollout = stored.id();
    LocalTarget target = targets.get(rollout);
    String stable = target == null ? stored.stableRevision() : target.stableRevision();
    for (Track track : Track.values()) {
      String revision = track == Track.CANARY ? stored.canaryRevision() : stable;
      List<ScrapeTarget> ready =
          supervisor.snapshot().stream()
              .filter(s -> s.id().service().equals(name) && s.id().track() == track)
              .filter(s -> s.state() == InstanceState.READY)
              .sorted(Comparator.comparing(s -> s.id().index()))
              .map(
                  s ->
                      new ScrapeTarget(
                          "127.0.0.1:" + s.port(),
                          Map.of(
                              "service", stored.service(),
                              "environment", stored.environment(),
                              "track", track.slotPrefix(),
                              "rollout", rollout,
                              "revision", revision)))
              .toList();
      publish(name + "-" + track.slotPrefix(), ready);
    }
    Frontend frontend = frontends.get(name);
    if (frontend != null && frontend.config.metricsPort().isPresent()) {
      publish(
          name + "-haproxy",
          List.of(
              new ScrapeTarget(
                  "127.0.0.1:" + frontend.config.metricsPort().getAsInt(),
                  Map.of(
                      "service", stored.service(),
                      "environment", stored.environment(),
                      "component", "haproxy"))));
    }
  }

  private void publish(String group, List<ScrapeTarget> targets) {
    if (targets.equals(published.getOrDefault(group, List.of()))) {
      return;
    }
    try {
      if (targets.isEmpty()) {
        scrapeTargets.get().withdraw(group);
      } else {
        scrapeTargets.get().publish(group, targets);
      }
      published.put(group, targets);
    } catch (RuntimeException e) {
      LOG.warn("cannot publish the scrape targets of {}: {}", group, e.getMessage());
    }
  }

  private List<URI> ready(String rollout, Track track) {
    String name = localName(rollouts.apply(rollout));
    return supervisor.snapshot().stream()
        .filter(s -> s.id().service().equals(name) && s.id().track() == track)
        .filter(s -> s.state() == InstanceState.READY)
        .map(s -> URI.create("http://127.0.0.1:" + s.port()))
        .toList();
  }

  @Override
  public void check(Variant variant) {
    if (variant.run().isEmpty()) {
      throw new RolloutRefusal(
          ProblemKind.CONFLICT,
          "variant "
              + variant.name()
              + " cannot run on the local target: it gives "
              + (variant.artifact() instanceof Artifact.Download
                  ? "a download but no `run` block (command, with {{port}} and {{artifact}})"
                  : "only an OCI image, which needs the Kubernetes target"));
    }
    try {
      HaproxyInstallation.binary();
    } catch (HaproxyException e) {
      throw new RolloutRefusal(
          ProblemKind.CONFLICT, "the local target runs services behind HAProxy: " + e.getMessage());
    }
  }

  @Override
  public TargetView view(StoredRollout rollout) {
    String name = localName(rollout);
    Frontend frontend = frontends.get(name);
    LocalTarget target = targets.get(rollout.id());
    String stable = target == null ? rollout.stableRevision() : target.stableRevision();
    List<TargetView.Instance> instances =
        supervisor.snapshot().stream()
            .filter(s -> s.id().service().equals(name))
            .sorted(
                Comparator.comparing((InstanceStatus s) -> s.id().track())
                    .thenComparing(s -> s.id().index()))
            .map(
                s ->
                    new TargetView.Instance(
                        s.id().track().slotPrefix(),
                        s.id().index(),
                        s.id().track() == Track.CANARY ? rollout.canaryRevision() : stable,
                        s.state().name().toLowerCase(java.util.Locale.ROOT),
                        s.port(),
                        s.restarts()))
            .toList();
    return new TargetView(
        Optional.ofNullable(frontend).map(f -> "http://127.0.0.1:" + f.config.frontendPort()),
        instances);
  }

  @Override
  public String logs(StoredRollout rollout, Optional<String> instance, int tail) {
    String name = localName(rollout);
    StringBuilder out = new StringBuilder();
    for (InstanceStatus s : supervisor.snapshot()) {
      String label = s.id().track().slotPrefix() + "-" + s.id().index();
      if (!s.id().service().equals(name) || instance.map(i -> !i.equals(label)).orElse(false)) {
        continue;
      }
      List<String> lines = lines(s.log());
      for (String line : lines.subList(Math.max(0, lines.size() - tail), lines.size())) {
        out.append(instance.isPresent() ? "" : "[" + label + "] ").append(line).append('\n');
      }
    }
    return out.toString();
  }

  private void keepFrontendsAlive() {
    if (closing) {
      return;
    }
    for (Frontend frontend : frontends.values()) {
      try {
        synchronized (frontend) {
          frontend.keepAlive();
          // An instance the supervisor started again answers on another port.
          publish(frontend.config.service());
        }
      } catch (RuntimeException e) {
        LOG.warn("{}: cannot start HAProxy again: {}", frontend.config.service(), e.getMessage());
      }
    }
  }

  /** Stops every instance and every HAProxy this target started. */
  @Override
  public void close() {
    closing = true;
    watchdog.shutdownNow();
    try {
      watchdog.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    supervisor.close();
    frontends.values().forEach(Frontend::close);
    frontends.clear();
    try {
      prometheus.close();
    } catch (Exception e) {
      LOG.warn("cannot stop the local target's Prometheus: {}", e.getMessage());
    }
    try (Stream<Path> files = Files.walk(sockets)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.debug("cannot remove {}: {}", sockets, e.getMessage());
    }
  }

  private LocalTarget target(String rollout) {
    return targets.computeIfAbsent(
        rollout,
        id -> {
          StoredRollout stored = rollouts.apply(id);
          Frontend frontend = frontend(stored);
          return new LocalTarget(
              localName(stored),
              new Revisions(stored.stableRevision(), stored.canaryRevision()),
              stored.instances(),
              revision -> runs.spec(variants.apply(revision)),
              supervisor,
              frontend.balancer,
              event -> confirmations.accept(id, event),
              clock,
              frontend.runs);
        });
  }

  private Frontend frontend(StoredRollout rollout) {
    return frontends.computeIfAbsent(localName(rollout), this::startFrontend);
  }

  private Frontend startFrontend(String name) {
    Path binary = HaproxyInstallation.binary();
    Path dir = home.resolve("haproxy").resolve(name);
    try {
      Files.createDirectories(dir);
      int frontendPort = frontendPort(dir);
      OptionalInt metricsPort = OptionalInt.empty();
      while (scrapeTargets.isPresent() && metricsPort.isEmpty()) {
        int port = Ports.freeLoopbackPort();
        metricsPort = port == frontendPort ? OptionalInt.empty() : OptionalInt.of(port);
      }
      HaproxyConfig config =
          new HaproxyConfig(
              name,
              frontendPort,
              SLOTS,
              sockets.resolve(name.hashCode() + ".sock"),
              dir.resolve("haproxy.pid"),
              Optional.empty(),
              metricsPort);
      Path file = dir.resolve("haproxy.cfg");
      Files.writeString(file, config.text());
      HaproxyRuntime runtime = new HaproxyRuntime(config.adminSocket(), Duration.ofSeconds(5));
      HaproxyProcess process =
          HaproxyProcess.start(binary, file, dir.resolve("haproxy.log"), runtime, HAPROXY_START);
      leftovers.started(process.pid());
      LOG.info("{}: HAProxy {} serves on 127.0.0.1:{}", name, process.pid(), config.frontendPort());
      return new Frontend(
          binary,
          file,
          dir,
          config,
          runtime,
          process,
          new HaproxyBalancer(config, runtime),
          leftovers::started);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write HAProxy's configuration in " + dir, e);
    }
  }

  /**
   * The port the service's frontend had before, when it is free again (its clients keep their
   * address across a restart of the server), else a free one; kept for the next start.
   */
  private static int frontendPort(Path dir) throws IOException {
    Path kept = dir.resolve("port");
    int port = -1;
    if (Files.exists(kept)) {
      try {
        port = Integer.parseInt(Files.readString(kept, StandardCharsets.UTF_8).strip());
      } catch (NumberFormatException e) {
        port = -1;
      }
    }
    if (port < 1 || port > 65535 || !Ports.isFree(port)) {
      port = Ports.freeLoopbackPort();
    }
    Files.writeString(kept, Integer.toString(port), StandardCharsets.UTF_8);
    return port;
  }

  /** The name of a service in an environment on this host: its HAProxy's, its instances'. */
  static String localName(StoredRollout rollout) {
    return rollout.environment() + "-" + rollout.service();
  }

  private static List<String> lines(Path log) {
    try {
      return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      return List.of("(cannot read " + log.getFileName() + ": " + e.getMessage() + ")");
    }
  }

  /** One service's HAProxy, started again with its weights when it died. */
  private static final class Frontend implements AutoCloseable {
    private final Path binary;
    private final Path file;
    private final Path dir;
    private final HaproxyConfig config;
    private final HaproxyRuntime runtime;
    private final HaproxyBalancer balancer;
    private final Map<Track, String> runs = new ConcurrentHashMap<>();
    private final java.util.function.LongConsumer onStart;
    private HaproxyProcess process;

    Frontend(
        Path binary,
        Path file,
        Path dir,
        HaproxyConfig config,
        HaproxyRuntime runtime,
        HaproxyProcess process,
        HaproxyBalancer balancer,
        java.util.function.LongConsumer onStart) {
      this.onStart = onStart;
      this.binary = binary;
      this.file = file;
      this.dir = dir;
      this.config = config;
      this.runtime = runtime;
      this.process = process;
      this.balancer = balancer;
    }

    /** Starts HAProxy again when it died, and re-asserts every weight and state. */
    void keepAlive() {
      if (process.isAlive()) {
        return;
      }
      LOG.warn("{}: HAProxy exited; starting it again", config.service());
      process =
          HaproxyProcess.start(binary, file, dir.resolve("haproxy.log"), runtime, HAPROXY_START);
      onStart.accept(process.pid());
      balancer.reassert();
    }

    @Override
    public void close() {
      process.close();
    }
  }
}
