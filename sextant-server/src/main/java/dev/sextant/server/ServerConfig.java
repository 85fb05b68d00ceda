package dev.sextant.server;

import dev.sextant.server.notify.NotifySettings;
import dev.sextant.server.store.StoreLocation;
import dev.sextant.server.work.WorkSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a server runs: its store, where it listens, the token agents present, and how often every
 * environment's drift is checked.
 *
 * @param port the port to listen on; 0 picks a free one
 * @param agentToken the token agents present; without one, agents are refused
 * @param driftInterval how often the scheduled drift check runs, on one server of those sharing the
 *     store
 * @param work how this server claims background work from the store
 * @param firstAdminToken the token of the first admin, when this server is the first on its store;
 *     a random one is made when empty
 * @param prometheus the Prometheus that analyses query when their metric names none
 * @param notifications how notifications of rollout transitions are sent, and the name they give
 *     this server
 */
public record ServerConfig(
    StoreLocation store,
    String bind,
    int port,
    Optional<String> agentToken,
    Duration driftInterval,
    WorkSettings work,
    Optional<String> firstAdminToken,
    PrometheusSetting prometheus,
    NotifySettings notifications) {
  public static final Duration DEFAULT_DRIFT_INTERVAL = Duration.ofMinutes(5);
  private static final AtomicInteger SERVERS = new AtomicInteger();

  /**
   * @throws IllegalArgumentException when the port is out of range or the interval not positive
   */
  public ServerConfig {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(agentToken, "agentToken");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(firstAdminToken, "firstAdminToken");
    Objects.requireNonNull(prometheus, "prometheus");
    Objects.requireNonNull(notifications, "notifications");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("a port is between 0 and 65535, not " + port);
    }
    if (driftInterval.isNegative() || driftInterval.isZero()) {
      throw new IllegalArgumentException("the drift interval must be positive: " + driftInterval);
    }
  }

  /** A server that claims background work with the default settings, under a name of its own. */
  public ServerConfig(
      StoreLocation store,
      String bind,
      int port,
      Optional<String> agentToken,
      Duration driftInterval) {
    this(
        store,
        bind,
        port,
        agentToken,
        driftInterval,
        WorkSettings.defaults(nodeName()),
        Optional.empty(),
        PrometheusSetting.NONE,
        NotifySettings.DEFAULTS);
  }

  /** A server on loopback, on a free port, with no agent token and the default drift interval. */
  public static ServerConfig onLoopback(StoreLocation store) {
    return new ServerConfig(store, "127.0.0.1", 0, Optional.empty(), DEFAULT_DRIFT_INTERVAL);
  }

  public ServerConfig withAgentToken(String token) {
    return new ServerConfig(
        store,
        bind,
        port,
        Optional.of(token),
        driftInterval,
        work,
        firstAdminToken,
        prometheus,
        notifications);
  }

  public ServerConfig withDriftInterval(Duration interval) {
    return new ServerConfig(
        store, bind, port, agentToken, interval, work, firstAdminToken, prometheus, notifications);
  }

  public ServerConfig withWork(WorkSettings settings) {
    return new ServerConfig(
        store,
        bind,
        port,
        agentToken,
        driftInterval,
        settings,
        firstAdminToken,
        prometheus,
        notifications);
  }

  public ServerConfig withFirstAdminToken(String token) {
    return new ServerConfig(
        store,
        bind,
        port,
        agentToken,
        driftInterval,
        work,
        Optional.of(token),
        prometheus,
        notifications);
  }

  public ServerConfig withPrometheus(PrometheusSetting setting) {
    return new ServerConfig(
        store,
        bind,
        port,
        agentToken,
        driftInterval,
        work,
        firstAdminToken,
        setting,
        notifications);
  }

  public ServerConfig withNotifications(NotifySettings settings) {
    return new ServerConfig(
        store, bind, port, agentToken, driftInterval, work, firstAdminToken, prometheus, settings);
  }

  /**
   * A name for this server among those sharing a store: the process id and a count of the servers
   * this process started, so that two in one process differ too.
   */
  static String nodeName() {
    return "sextant-" + ProcessHandle.current().pid() + "-" + SERVERS.incrementAndGet();
  }
}
