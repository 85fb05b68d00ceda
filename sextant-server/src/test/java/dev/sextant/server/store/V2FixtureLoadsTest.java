package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;

/**
 * The V2 fixture is faithful: loaded into a database migrated to V2 only, it reads back through
 * today's stores exactly as {@code v2-store.expected.json} says, on H2 and on PostgreSQL; and the
 * store goes on from it (the next event and drift report follow the fixture's, with no collision).
 */
class V2FixtureLoadsTest {
  @TempDir Path dataDirectory;

  private final SettableClock clock = new SettableClock(Instant.parse("2027-01-04T10:00:00Z"));

  @StoreTest
  void the_v2_fixture_reads_back_as_expected(Db db) {
    String url =
        switch (db) {
          case H2 -> JdbcUrls.h2(dataDirectory);
          case POSTGRESQL -> EmbeddedPostgresServer.newDatabase();
        };
    V2Fixture.migrateToV2(url);
    V2Fixture.load(url);

    try (ServerStores stores = Stores.openAll(url, clock)) {
      ObjectNode snapshot = StoreSnapshot.of(stores);
      assertThat(StoreSnapshot.text(snapshot)).isEqualTo(V2Fixture.expected());

      long lastSequence = snapshot.get("events").size();
      assertThat(lastSequence).isPositive();
      Event checked = Event.of("fixture.checked", "environment/prod-eu", "ok");
      assertThat(stores.events().append(checked).sequence()).isEqualTo(lastSequence + 1);
      long lastReport = 0;
      for (JsonNode environment : snapshot.get("driftReports")) {
        for (JsonNode report : environment.get("reports")) {
          lastReport = Math.max(lastReport, report.get("id").asLong());
        }
      }
      assertThat(lastReport).isPositive();
      Digest digest = Digest.sha256("fixture".getBytes(StandardCharsets.UTF_8));
      StoredDriftReport saved =
          stores.driftReports().save(
              new DriftReportRecord(
                  "dev", DriftKind.DECLARED, digest, digest, 0, DriftAction.NONE,
                  JsonNodeFactory.instance.objectNode()));
      assertThat(saved.id()).isEqualTo(lastReport + 1);
    }
  }
}
