package dev.sextant.server.store;

import java.time.Clock;

/**
 * Every store of the server, sharing one database and its connection pool. Closing it closes the
 * database, through the resource store that owns it; so does closing {@link #resources()} alone.
 */
public record ServerStores(
    ResourceStore resources,
    FingerprintStore fingerprints,
    AgentRegistry agents,
    EventLog events,
    DriftReportStore driftReports)
    implements AutoCloseable {

  static ServerStores on(Database database, Clock clock) {
    return new ServerStores(
        new JdbiResourceStore(database, clock),
        new JdbiFingerprintStore(database, clock),
        new JdbiAgentRegistry(database, clock),
        new JdbiEventLog(database, clock),
        new JdbiDriftReportStore(database, clock));
  }

  /**
   * Checks that the database answers.
   *
   * @throws StoreException when it does not
   */
  public void ping() {
    resources.ping();
  }

  @Override
  public void close() {
    resources.close();
  }
}
