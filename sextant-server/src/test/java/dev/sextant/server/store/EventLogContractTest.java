package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link EventLog} contract; every test runs on H2 and on a real PostgreSQL. */
class EventLogContractTest {
  private static final Instant START = Instant.parse("2025-03-01T09:30:00.123456789Z");
  private static final Instant STARTED = Instant.parse("2025-03-01T09:30:00.123Z");
  private static final Digest FINGERPRINT =
      Digest.sha256("fingerprint".getBytes(StandardCharsets.UTF_8));
  private static final Digest ENVIRONMENT =
      Digest.sha256("environment".getBytes(StandardCharsets.UTF_8));
  private static final String PROD = Event.environment("prod-eu");
  private static final String GPU_01 = Event.agent("gpu-01");

  private final SettableClock clock = new SettableClock(START);
  @RegisterExtension final TestStores stores = new TestStores(clock);

  private EventLog open(Db db) {
    return stores.open(db).events();
  }

  @StoreTest
  void appended_events_are_numbered_from_1_timed_and_read_back_whole(Db db) {
    EventLog log = open(db);
    Event recorded =
        Event.of("fingerprint.recorded", PROD, "recorded")
            .withInput("fingerprint", FINGERPRINT)
            .withDetail(
                json(
                    """
                    {"revision": 2, "source": "agent:gpu-01", "signerKeyId": "key-1",
                     "layers": {"platform": "changed", "dependencies": "same"},
                     "note": "naïve ✓ \\"quoted\\"", "weight": 0.25, "none": null, "tags": []}
                    """));
    Event refused =
        Event.of("fingerprint.rejected", GPU_01, "refused")
            .withReason("the signature does not verify with the key registered for gpu-01");

    LoggedEvent first = log.append(recorded);
    clock.advance(Duration.ofSeconds(2));
    LoggedEvent second = log.append(refused);

    assertThat(first).isEqualTo(new LoggedEvent(1, STARTED, recorded));
    assertThat(second).isEqualTo(new LoggedEvent(2, STARTED.plusSeconds(2), refused));
    assertThat(log.list(EventQuery.last(10))).containsExactly(first, second);
  }

  @StoreTest
  void the_list_gives_the_newest_events_with_the_newest_last(Db db) {
    EventLog log = open(db);
    for (int i = 1; i <= 7; i++) {
      log.append(Event.of("drift.detected", PROD, "alert").withReason("check " + i));
    }

    List<LoggedEvent> last3 = log.list(EventQuery.last(3));

    assertThat(last3).extracting(LoggedEvent::sequence).containsExactly(5L, 6L, 7L);
    assertThat(last3)
        .extracting(e -> e.event().reason().orElseThrow())
        .containsExactly("check 5", "check 6", "check 7");
    assertThat(log.list(EventQuery.last(100))).hasSize(7);
  }

  @StoreTest
  void events_are_listed_by_subject_by_type_or_both(Db db) {
    EventLog log = open(db);
    log.append(Event.of("agent.registered", GPU_01, "registered"));
    log.append(Event.of("fingerprint.recorded", PROD, "recorded"));
    log.append(Event.of("fingerprint.recorded", Event.environment("staging"), "recorded"));
    log.append(Event.of("drift.detected", PROD, "block").withInput("baseline", ENVIRONMENT));
    log.append(Event.of("fingerprint.recorded", PROD, "unchanged"));

    assertThat(log.list(EventQuery.last(10).about(PROD)))
        .extracting(LoggedEvent::sequence)
        .containsExactly(2L, 4L, 5L);
    assertThat(log.list(EventQuery.last(10).ofType("fingerprint.recorded")))
        .extracting(LoggedEvent::sequence)
        .containsExactly(2L, 3L, 5L);
    assertThat(log.list(EventQuery.last(1).about(PROD).ofType("fingerprint.recorded")))
        .extracting(e -> e.event().outcome())
        .containsExactly("unchanged");
    assertThat(log.list(EventQuery.last(10).about(Event.agent("ghost")))).isEmpty();
  }

  @StoreTest
  void an_empty_log_lists_nothing(Db db) {
    assertThat(open(db).list(EventQuery.last(10))).isEmpty();
  }

  /**
   * Threads append at once: every append gets its own number, the numbers run 1, 2, 3 … with no
   * gap, and the log holds each event once, in number order.
   */
  @StoreTest
  void concurrent_appends_get_consecutive_numbers_and_none_is_lost(Db db) throws Exception {
    EventLog log = open(db);
    int threads = 6;
    int rounds = 10;

    List<LoggedEvent> appended =
        Concurrently.run(
            threads,
            rounds,
            (thread, round) ->
                log.append(
                    Event.of("fingerprint.recorded", PROD, "recorded")
                        .withReason(thread + "." + round)));

    int total = threads * rounds;
    List<Long> numbers = LongStream.rangeClosed(1, total).boxed().toList();
    assertThat(appended)
        .extracting(LoggedEvent::sequence)
        .containsExactlyInAnyOrderElementsOf(numbers);
    List<LoggedEvent> listed = log.list(EventQuery.last(EventQuery.MAX_LIMIT));
    assertThat(listed).extracting(LoggedEvent::sequence).containsExactlyElementsOf(numbers);
    assertThat(listed).containsExactlyInAnyOrderElementsOf(appended);
  }

  @StoreTest
  void closing_and_opening_again_keeps_the_events_and_goes_on_numbering(Db db) {
    ServerStores first = stores.open(db);
    first.events().append(Event.of("agent.registered", GPU_01, "registered"));
    first.events().append(Event.of("fingerprint.recorded", PROD, "recorded"));
    List<LoggedEvent> before = first.events().list(EventQuery.last(10));
    first.close();

    EventLog reopened = open(db);
    LoggedEvent third = reopened.append(Event.of("drift.detected", PROD, "alert"));

    assertThat(third.sequence()).isEqualTo(3);
    assertThat(reopened.list(EventQuery.last(2))).containsExactly(before.get(1), third);
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
