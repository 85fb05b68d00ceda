package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiResponse;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.server.Services;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.EmbeddedPostgresServer;
import dev.sextant.server.store.Revision;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write that cannot win its compare-and-set (here, because another transaction holds the
 * resource's row for longer than the lock timeout, every attempt) is a 409 conflict that changes
 * nothing and says to try again: not a 503, not a hang.
 */
class ConflictApiTest {
  private Database database;
  private ApiServer server;
  private ApiClient api;

  @BeforeEach
  void start() {
    database =
        Database.open(
            EmbeddedPostgresServer.newDatabase(),
            Optional.empty(),
            Optional.empty(),
            Clock.systemUTC());
    server = ApiServer.start(Services.local(database), "127.0.0.1", 0);
    api = Admin.client(database, server.port());
  }

  @AfterEach
  void stop() {
    server.close();
    database.close();
  }

  @Test
  void an_apply_that_loses_every_attempt_is_a_409_conflict_and_changes_nothing() throws Exception {
    assertThat(apply(ApiServerTest.SERVICE).status()).isEqualTo(200);
    long events = events();

    ApiResponse response;
    try (Connection holder = database.dataSource().getConnection();
        Statement statement = holder.createStatement()) {
      holder.setAutoCommit(false);
      statement.execute(
          "select current_revision from resources where name = 'payments-api' for update");
      response = apply(ApiServerTest.SERVICE.replace("Authorises", "Authorizes"));
      holder.rollback();
    }

    assertThat(response.status()).as(response.body()).isEqualTo(409);
    assertThat(response.header("Content-Type")).hasValue(ProblemJson.MEDIA_TYPE);
    JsonNode problem = response.json();
    assertThat(problem.get("type").asText()).endsWith("/write-conflict");
    assertThat(problem.get("detail").asText())
        .contains("after " + Database.MAX_ATTEMPTS + " attempts")
        .contains("try again");
    var key = new ResourceKey(Kind.SERVICE, "payments-api");
    List<Revision> history = database.read("history", tx -> tx.resources().history(key));
    assertThat(history).hasSize(1);
    assertThat(events()).isEqualTo(events);
  }

  private long events() {
    return database.read("count", tx -> tx.events().lastSequence());
  }

  private ApiResponse apply(String yaml) {
    return api.exchange(
        "POST",
        "/api/v1/apply",
        Map.of("Content-Type", "application/yaml"),
        yaml.getBytes(StandardCharsets.UTF_8));
  }
}
