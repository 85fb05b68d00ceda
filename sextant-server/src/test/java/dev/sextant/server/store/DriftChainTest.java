package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.Lab;
import dev.sextant.server.Services;
import dev.sextant.server.discovery.AgentTokens;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drift reports follow one another: servers that check the same environment at once (here, threads
 * on two connection pools of one database) store each finding once, with one event.
 */
class DriftChainTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @RegisterExtension final TestDatabases databases = new TestDatabases(new SettableClock(NOW));

  @StoreTest
  void concurrent_checks_of_one_drifted_environment_store_one_report_and_one_event(Db db)
      throws Exception {
    List<Services> servers = List.of(services(databases.open(db)), services(databases.open(db)));
    Services first = servers.get(0);
    first.resources().apply(List.of(Lab.declaring("aarch64")), "alice");
    first.discovery().record("lab", Lab.host("aarch64"), "file:arm.yaml", "operator");
    // Declared anew, so that the next checks find drift; no check has run since.
    first.resources().apply(List.of(Lab.declaring("x86_64")), "alice");

    List<Integer> stored =
        Concurrently.run(
            8, 3, (thread, round) -> servers.get(thread % 2).drift().check("lab").size());

    assertThat(stored.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
    assertThat(first.drift().reports("lab", 100)).hasSize(1);
    assertThat(first.events(EventQuery.last(100).ofType(DriftDetected.TYPE))).hasSize(1);
  }

  private static Services services(Database database) {
    return Services.on(database, AgentTokens.none(), new SettableClock(NOW));
  }
}
