package dev.sextant.server;

import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.discovery.DiscoveryService;
import dev.sextant.server.discovery.DriftWatch;
import dev.sextant.server.metrics.ServerMetrics;
import dev.sextant.server.service.ResourceService;
import dev.sextant.server.store.ServerStores;
import java.time.Clock;

/** What the API and the CLI's local mode work with, built once over the stores. */
public record Services(ServerStores stores, ResourceService resources, DiscoveryService discovery, DriftWatch drift, ServerMetrics metrics) implements AutoCloseable {

  public static Services on(ServerStores stores, AgentTokens tokens, Clock clock) {
    ServerMetrics metrics = new ServerMetrics();
    DriftWatch drift = new DriftWatch(stores, metrics);
    return new Services(stores, new ResourceService(stores.resources()), new DiscoveryService(stores, tokens, drift, clock), drift, metrics);
  }

  /** Services with no agent token (agents refused), as the CLI uses locally. */
  public static Services local(ServerStores stores) {
    return on(stores, AgentTokens.none(), Clock.systemUTC());
  }

  @Override
  public void close() {
    stores.close();
  }
}
