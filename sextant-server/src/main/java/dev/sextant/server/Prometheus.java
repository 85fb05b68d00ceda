package dev.sextant.server;

import dev.sextant.server.targets.local.prometheus.LocalPrometheus;
import dev.sextant.server.targets.local.prometheus.PrometheusException;
import dev.sextant.server.targets.local.prometheus.PrometheusInstallation;
import dev.sextant.server.targets.local.prometheus.ScrapeTargets;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus a server's setting asks for, made real: the address analyses query by default, and
 * where the local target publishes what it runs for Prometheus to scrape. A Prometheus the server
 * runs itself is stopped when this is closed.
 */
final class Prometheus implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Prometheus.class);

  private final Optional<URI> address;
  private final Optional<ScrapeTargets> targets;
  private final Optional<LocalPrometheus> running;

  private Prometheus(
      Optional<URI> address, Optional<ScrapeTargets> targets, Optional<LocalPrometheus> running) {
    this.address = address;
    this.targets = targets;
    this.running = running;
  }

  /**
   * The Prometheus {@code setting} names; {@code directory} holds a local one's files, and the
   * scrape targets a Prometheus at an address on this host may read ({@code targets/*.json}).
   *
   * @throws ServerStartException when a local Prometheus cannot be installed or started
   */
  static Prometheus of(PrometheusSetting setting, Path directory) {
    if (setting instanceof PrometheusSetting.At at) {
      return new Prometheus(
          Optional.of(at.address()),
          Optional.of(new ScrapeTargets(directory.resolve("targets"))),
          Optional.empty());
    }
    if (setting instanceof PrometheusSetting.Local) {
      try {
        LocalPrometheus local = LocalPrometheus.start(PrometheusInstallation.binary(), directory);
        LOG.info("Prometheus {} serves on {}", local.pid(), local.address());
        return new Prometheus(
            Optional.of(local.address()), Optional.of(local.targets()), Optional.of(local));
      } catch (PrometheusException e) {
        throw new ServerStartException("cannot run a local Prometheus: " + e.getMessage(), e);
      }
    }
    return new Prometheus(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The address analyses query when their metric names none. */
  Optional<URI> address() {
    return address;
  }

  /** Where the local target publishes its scrape targets, when a Prometheus reads them. */
  Optional<ScrapeTargets> targets() {
    return targets;
  }

  @Override
  public void close() {
    running.ifPresent(LocalPrometheus::close);
  }
}
