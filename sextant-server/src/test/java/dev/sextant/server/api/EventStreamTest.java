package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.api.ApiProblem;
import dev.sextant.api.EventItem;
import dev.sextant.api.ProblemKind;
import dev.sextant.api.SextantClient;
import dev.sextant.server.Lab;
import dev.sextant.server.Services;
import dev.sextant.server.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox as Server-Sent Events, read through the same client as every other caller. */
class EventStreamTest {
  @TempDir Path home;
  private Database database;
  private Services services;
  private ApiServer server;
  private SextantClient client;

  @BeforeEach
  void start() {
    database = Database.h2(home, Clock.systemUTC());
    services = Services.local(database);
    server = ApiServer.start(services, "127.0.0.1", 0);
    client = new SextantClient(Admin.client(services.database(), server.port()));
  }

  @AfterEach
  void stop() {
    server.close();
    database.close();
  }

  @Test
  void a_stream_sends_the_events_after_a_sequence_then_each_new_one_as_it_commits()
      throws Exception {
    services.resources().apply(List.of(Lab.declaring("x86_64")), "alice");
    List<EventItem> received = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> streaming =
        CompletableFuture.runAsync(
            // After the first admin's two events, which made the client's token.
            () -> client.streamEvents(2, event -> received.add(event) && received.size() < 3));

    services.resources().apply(List.of(Lab.declaring("aarch64")), "bob");
    services.discovery().record("lab", Lab.host("aarch64"), "file:lab.yaml", "operator");
    streaming.get(20, TimeUnit.SECONDS);

    assertThat(received).extracting(EventItem::sequence).containsExactly(3L, 4L, 5L);
    assertThat(received)
        .extracting(e -> e.type() + " " + e.subject() + " " + e.outcome())
        .containsExactly(
            "resource.applied environment/lab created",
            "resource.applied environment/lab configured",
            "fingerprint.recorded environment/lab recorded");
    assertThat(received.get(1).detail().path("author").asText()).isEqualTo("bob");
    assertThat(received.get(2).inputs()).containsKey("fingerprint");
    assertThat(client.events(Optional.of("resource.applied"), 10)).hasSize(2);
  }

  @Test
  void a_stream_from_a_sequence_that_is_not_one_is_refused_as_invalid() {
    assertThatThrownBy(() -> client.client().stream("api/v1/events/stream?after=-1", e -> false))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(400);
              assertThat(p.kind()).isEqualTo(ProblemKind.INVALID);
            })
        .hasMessageContaining("after must be an event's sequence number");
  }
}
