package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.digest.Digest;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link EventRepository} contract; every test runs on H2 and on a real PostgreSQL. */
class EventRepositoryContractTest {
  private static final Instant START = Instant.parse("2025-03-01T09:30:00.123456789Z");
  private static final Instant STARTED = Instant.parse("2025-03-01T09:30:00.123Z");
  private static final Digest FINGERPRINT =
      Digest.sha256("fingerprint".getBytes(StandardCharsets.UTF_8));
  private static final Digest ENVIRONMENT =
      Digest.sha256("environment".getBytes(StandardCharsets.UTF_8));
  private static final String PROD = "environment/prod-eu";
  private static final String GPU_01 = "agent/gpu-01";

  private final SettableClock clock = new SettableClock(START);
  @RegisterExtension final TestDatabases databases = new TestDatabases(clock);

  private EventUnits open(Db db) {
    return new EventUnits(databases.open(db));
  }

  @StoreTest
  void appended_events_are_numbered_from_1_timed_and_read_back_whole(Db db) {
    EventUnits log = open(db);
    Event applied =
        new ResourceApplied(
            new ResourceKey(Kind.SERVICE, "checkout"),
            2,
            FINGERPRINT,
            "naïve ✓ \"quoted\" \\ 'author'",
            ApplyOutcome.Change.CONFIGURED);
    Event refused =
        new FingerprintRejected(
            "gpu-01",
            FINGERPRINT,
            "the signature does not verify with the key registered for gpu-01 ✓");

    LoggedEvent first = log.append(applied);
    clock.advance(Duration.ofSeconds(2));
    LoggedEvent second = log.append(refused);

    assertThat(first).isEqualTo(new LoggedEvent(1, STARTED, applied.envelope()));
    assertThat(second).isEqualTo(new LoggedEvent(2, STARTED.plusSeconds(2), refused.envelope()));
    List<LoggedEvent> listed = log.list(EventQuery.last(10));
    assertThat(listed).extracting(LoggedEvent::event).containsExactly(applied, refused);
    assertThat(listed).containsExactly(first, second);
  }

  @StoreTest
  void the_list_gives_the_newest_events_with_the_newest_last(Db db) {
    EventUnits log = open(db);
    for (int i = 1; i <= 7; i++) {
      log.append(new AgentRefused("gpu-01", "prod-eu", "check " + i));
    }

    List<LoggedEvent> last3 = log.list(EventQuery.last(3));

    assertThat(last3).extracting(LoggedEvent::sequence).containsExactly(5L, 6L, 7L);
    assertThat(last3)
        .extracting(e -> e.envelope().reason().orElseThrow())
        .containsExactly("check 5", "check 6", "check 7");
    assertThat(log.list(EventQuery.last(100))).hasSize(7);
  }

  @StoreTest
  void events_are_listed_by_subject_by_type_or_both(Db db) {
    EventUnits log = open(db);
    log.append(new AgentRegistered("gpu-01", "prod-eu", "key-1", AgentOutcome.Change.REGISTERED));
    log.append(recorded("prod-eu", FingerprintOutcome.Change.RECORDED));
    log.append(recorded("staging", FingerprintOutcome.Change.RECORDED));
    log.append(
        new DriftDetected(
            "prod-eu", DriftKind.DECLARED, ENVIRONMENT, FINGERPRINT, 1, DriftAction.BLOCK));
    log.append(recorded("prod-eu", FingerprintOutcome.Change.UNCHANGED));

    assertThat(log.list(EventQuery.last(10).about(PROD)))
        .extracting(LoggedEvent::sequence)
        .containsExactly(2L, 4L, 5L);
    assertThat(log.list(EventQuery.last(10).ofType(FingerprintRecorded.TYPE)))
        .extracting(LoggedEvent::sequence)
        .containsExactly(2L, 3L, 5L);
    assertThat(log.list(EventQuery.last(1).about(PROD).ofType(FingerprintRecorded.TYPE)))
        .extracting(e -> e.envelope().outcome())
        .containsExactly("unchanged");
    assertThat(log.list(EventQuery.last(10).about("agent/ghost"))).isEmpty();
    assertThat(log.list(EventQuery.last(10).about(GPU_01)))
        .extracting(e -> e.envelope().type())
        .containsExactly(AgentRegistered.TYPE);
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
    EventUnits log = open(db);
    int threads = 6;
    int rounds = 10;

    List<LoggedEvent> appended =
        Concurrently.run(
            threads,
            rounds,
            (thread, round) ->
                log.append(new AgentRefused("gpu-01", "prod-eu", thread + "." + round)));

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
    EventUnits first = open(db);
    first.append(new AgentRegistered("gpu-01", "prod-eu", "key-1", AgentOutcome.Change.REGISTERED));
    first.append(recorded("prod-eu", FingerprintOutcome.Change.RECORDED));
    List<LoggedEvent> before = first.list(EventQuery.last(10));
    first.close();

    EventUnits reopened = open(db);
    LoggedEvent third =
        reopened.append(
            new DriftDetected(
                "prod-eu", DriftKind.DECLARED, ENVIRONMENT, FINGERPRINT, 1, DriftAction.ALERT));

    assertThat(third.sequence()).isEqualTo(3);
    assertThat(reopened.list(EventQuery.last(2))).containsExactly(before.get(1), third);
  }

  /** A fingerprint of the environment recorded from a file: its subject is the environment. */
  private static FingerprintRecorded recorded(
      String environment, FingerprintOutcome.Change change) {
    return new FingerprintRecorded(environment, 1, FINGERPRINT, "file", change, Optional.empty());
  }

  /** The repository as the services use it: each call a unit of work of its own. */
  private record EventUnits(Database database) {
    LoggedEvent append(Event event) {
      return database.write("append an event", tx -> tx.events().append(event));
    }

    List<LoggedEvent> list(EventQuery query) {
      return database.read("list events", tx -> tx.events().list(query));
    }

    void close() {
      database.close();
    }
  }
}
