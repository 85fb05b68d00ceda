package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade from schema V2: a store as the V2 release wrote it ({@code upgrade/v2-store.sql},
 * loaded into a database migrated to V2 only) opens with today's code, which migrates it forward,
 * and reads back exactly as the V2 release read it ({@code v2-store.expected.json}), on H2 and on
 * PostgreSQL; every old event decodes as its typed event; and the store goes on from it (the next
 * event and drift report follow the fixture's, with no collision).
 */
class UpgradeFromV2Test {
  @TempDir Path dataDirectory;

  private final SettableClock clock = new SettableClock(Instant.parse("2027-01-04T10:00:00Z"));

  @StoreTest
  void a_store_written_by_the_v2_release_opens_and_reads_back_identically(Db db) {
    String url =
        switch (db) {
          case H2 -> JdbcUrls.h2(dataDirectory);
          case POSTGRESQL -> EmbeddedPostgresServer.newDatabase();
        };
    V2Fixture.migrateToV2(url);
    V2Fixture.load(url);

    try (Database database = Database.open(url, Optional.empty(), Optional.empty(), clock)) {
      ObjectNode snapshot = StoreSnapshot.of(database);
      assertThat(StoreSnapshot.text(snapshot)).isEqualTo(V2Fixture.expected());

      long lastSequence = snapshot.get("events").size();
      assertThat(lastSequence).isPositive();
      Event checked = new AgentRefused("fixture", "prod-eu", "checked");
      assertThat(database.write("append", tx -> tx.events().append(checked)).sequence())
          .isEqualTo(lastSequence + 1);
      long lastReport = 0;
      for (JsonNode environment : snapshot.get("driftReports")) {
        for (JsonNode report : environment.get("reports")) {
          lastReport = Math.max(lastReport, report.get("id").asLong());
        }
      }
      assertThat(lastReport).isPositive();
      Digest digest = Digest.sha256("fixture".getBytes(StandardCharsets.UTF_8));
      DriftReportRecord record =
          new DriftReportRecord(
              "dev",
              DriftKind.DECLARED,
              digest,
              digest,
              1,
              DriftAction.ALERT,
              JsonNodeFactory.instance.objectNode());
      StoredDriftReport saved =
          database.write(
              "save",
              tx -> {
                StoredDriftReport report = tx.driftReports().save(record, Optional.empty());
                tx.events()
                    .append(
                        new DriftDetected(
                            "dev", DriftKind.DECLARED, digest, digest, 1, DriftAction.ALERT));
                return report;
              });
      assertThat(saved.id()).isEqualTo(lastReport + 1);
    }
  }
}
