package dev.sextant.server.store;

import static dev.sextant.server.store.Fingerprints.withDriver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.digest.Digest;
import dev.sextant.server.store.FingerprintOutcome.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link FingerprintRepository} contract; every test runs on H2 and on a real PostgreSQL. */
class FingerprintRepositoryContractTest {
  private static final Instant START = Instant.parse("2025-03-01T09:30:00.123456789Z");
  private static final Instant COLLECTED = Instant.parse("2025-03-01T09:29:58.987654321Z");
  private static final String PROD = "prod-eu";

  private final SettableClock clock = new SettableClock(START);
  @RegisterExtension final TestDatabases databases = new TestDatabases(clock);

  private FingerprintUnits open(Db db) {
    return new FingerprintUnits(databases.open(db));
  }

  @StoreTest
  void the_first_fingerprint_of_an_environment_is_revision_1_and_reads_back_whole(Db db) {
    FingerprintUnits store = open(db);
    FingerprintRecord fingerprint = withDriver("550.54.15", COLLECTED);

    FingerprintOutcome outcome = store.record(PROD, fingerprint);

    assertThat(outcome.change()).isEqualTo(Change.RECORDED);
    FingerprintSummary revision = outcome.revision();
    assertThat(revision.environment()).isEqualTo(PROD);
    assertThat(revision.number()).isEqualTo(1);
    assertThat(revision.digest()).isEqualTo(fingerprint.digest());
    assertThat(revision.layers()).isEqualTo(fingerprint.layers());
    assertThat(revision.collectedAt()).isEqualTo(Instant.parse("2025-03-01T09:29:58.987Z"));
    assertThat(revision.receivedAt()).isEqualTo(Instant.parse("2025-03-01T09:30:00.123Z"));
    assertThat(revision.source()).isEqualTo("agent:gpu-01");
    assertThat(revision.signerKeyId()).contains("key-1");
    FingerprintRevision latest = store.latest(PROD).orElseThrow();
    assertThat(latest.summary()).isEqualTo(revision);
    assertThat(latest.document()).isEqualTo(fingerprint.document());
  }

  @StoreTest
  void the_same_digest_collected_later_is_unchanged_and_adds_no_revision(Db db) {
    FingerprintUnits store = open(db);
    FingerprintOutcome first = store.record(PROD, withDriver("550.54.15", COLLECTED));
    clock.advance(Duration.ofMinutes(5));

    FingerprintOutcome again =
        store.record(PROD, withDriver("550.54.15", COLLECTED.plus(Duration.ofMinutes(5))));

    assertThat(again.change()).isEqualTo(Change.UNCHANGED);
    assertThat(again.recorded()).isFalse();
    assertThat(again.revision()).isEqualTo(first.revision());
    assertThat(store.history(PROD)).hasSize(1);
    assertThat(store.latest(PROD).orElseThrow().document().path("collectedAt").asText())
        .isEqualTo(COLLECTED.toString());
  }

  @StoreTest
  void a_changed_digest_is_the_next_revision_and_becomes_the_latest(Db db) {
    FingerprintUnits store = open(db);
    FingerprintOutcome first = store.record(PROD, withDriver("550.54.15", COLLECTED));

    FingerprintRecord upgraded = withDriver("555.42.02", COLLECTED.plusSeconds(60));
    FingerprintOutcome second = store.record(PROD, upgraded);

    assertThat(second.change()).isEqualTo(Change.RECORDED);
    assertThat(second.revision().number()).isEqualTo(2);
    assertThat(second.revision().digest()).isNotEqualTo(first.revision().digest());
    assertThat(second.revision().layers().platform())
        .isNotEqualTo(first.revision().layers().platform());
    assertThat(second.revision().layers().dependencies())
        .isEqualTo(first.revision().layers().dependencies());
    FingerprintRevision latest = store.latest(PROD).orElseThrow();
    assertThat(latest.number()).isEqualTo(2);
    assertThat(latest.document()).isEqualTo(upgraded.document());
  }

  @StoreTest
  void history_is_oldest_first_and_each_revision_reads_back_by_its_number(Db db) {
    FingerprintUnits store = open(db);
    List<FingerprintRecord> recorded =
        List.of(
            withDriver("535.104.05", COLLECTED),
            withDriver("550.54.15", COLLECTED.plusSeconds(60)),
            withDriver("555.42.02", COLLECTED.plusSeconds(120)));
    for (FingerprintRecord fingerprint : recorded) {
      store.record(PROD, fingerprint);
      clock.advance(Duration.ofSeconds(90));
    }

    List<FingerprintSummary> history = store.history(PROD);

    assertThat(history).extracting(FingerprintSummary::number).containsExactly(1L, 2L, 3L);
    assertThat(history)
        .extracting(FingerprintSummary::digest)
        .containsExactlyElementsOf(recorded.stream().map(FingerprintRecord::digest).toList());
    Instant received = Instant.parse("2025-03-01T09:30:00.123Z");
    assertThat(history)
        .extracting(FingerprintSummary::receivedAt)
        .containsExactly(received, received.plusSeconds(90), received.plusSeconds(180));
    for (int i = 0; i < recorded.size(); i++) {
      FingerprintRevision revision = store.revision(PROD, i + 1).orElseThrow();
      assertThat(revision.summary()).isEqualTo(history.get(i));
      assertThat(revision.document()).isEqualTo(recorded.get(i).document());
    }
  }

  @StoreTest
  void an_earlier_fingerprint_again_is_a_new_revision_because_only_the_latest_counts(Db db) {
    FingerprintUnits store = open(db);
    store.record(PROD, withDriver("550.54.15", COLLECTED));
    store.record(PROD, withDriver("555.42.02", COLLECTED));

    FingerprintOutcome back = store.record(PROD, withDriver("550.54.15", COLLECTED));

    assertThat(back.change()).isEqualTo(Change.RECORDED);
    assertThat(back.revision().number()).isEqualTo(3);
    assertThat(back.revision().digest()).isEqualTo(store.revision(PROD, 1).orElseThrow().digest());
  }

  @StoreTest
  void an_unsigned_fingerprint_from_a_file_has_no_signer(Db db) {
    FingerprintUnits store = open(db);

    store.record(PROD, withDriver("550.54.15", COLLECTED, "file", Optional.empty()));

    FingerprintSummary stored = store.latest(PROD).orElseThrow().summary();
    assertThat(stored.source()).isEqualTo("file");
    assertThat(stored.signerKeyId()).isEmpty();
  }

  @StoreTest
  void environments_are_apart_and_listed_by_name(Db db) {
    FingerprintUnits store = open(db);
    store.record("staging", withDriver("550.54.15", COLLECTED));
    store.record(PROD, withDriver("550.54.15", COLLECTED));
    store.record("Lab", withDriver("535.104.05", COLLECTED));
    store.record(PROD, withDriver("555.42.02", COLLECTED));

    assertThat(store.environments()).containsExactly("Lab", PROD, "staging");
    assertThat(store.history("staging")).hasSize(1);
    assertThat(store.history(PROD)).hasSize(2);
    assertThat(store.latest("staging").orElseThrow().number()).isEqualTo(1);
  }

  @StoreTest
  void an_environment_without_fingerprints_has_no_latest_no_history_and_no_revision(Db db) {
    FingerprintUnits store = open(db);
    store.record(PROD, withDriver("550.54.15", COLLECTED));

    assertThat(store.latest("unknown")).isEmpty();
    assertThat(store.history("unknown")).isEmpty();
    assertThat(store.revision("unknown", 1)).isEmpty();
    assertThat(store.revision(PROD, 2)).isEmpty();
    assertThat(store.revision(PROD, 0)).isEmpty();
    assertThat(store.lastKnownGood(PROD)).isEmpty();
    assertThat(store.environments()).containsExactly(PROD);
  }

  @StoreTest
  void a_blank_or_overlong_environment_name_is_refused_and_nothing_is_stored(Db db) {
    FingerprintUnits store = open(db);
    FingerprintRecord fingerprint = withDriver("550.54.15", COLLECTED);

    assertThatThrownBy(() -> store.record(" ", fingerprint))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("environment");
    assertThatThrownBy(() -> store.record("e".repeat(254), fingerprint))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.environments()).isEmpty();
  }

  @StoreTest
  void the_last_known_good_is_the_revision_marked_with_when_and_by_whom(Db db) {
    FingerprintUnits store = open(db);
    store.record(PROD, withDriver("535.104.05", COLLECTED));
    FingerprintRecord good = withDriver("550.54.15", COLLECTED);
    store.record(PROD, good);
    clock.advance(Duration.ofMinutes(10));

    LastKnownGood marked = store.markLastKnownGood(PROD, 2, "rollout:checkout-1.4");
    store.record(PROD, withDriver("555.42.02", COLLECTED));

    assertThat(marked.fingerprint().number()).isEqualTo(2);
    assertThat(marked.markedAt()).isEqualTo(Instant.parse("2025-03-01T09:40:00.123Z"));
    assertThat(marked.markedBy()).isEqualTo("rollout:checkout-1.4");
    LastKnownGood read = store.lastKnownGood(PROD).orElseThrow();
    assertThat(read.fingerprint().summary()).isEqualTo(marked.fingerprint().summary());
    assertThat(read.fingerprint().document()).isEqualTo(good.document());
    assertThat(read.fingerprint().digest()).isEqualTo(good.digest());
    assertThat(read.markedAt()).isEqualTo(marked.markedAt());
    assertThat(store.latest(PROD).orElseThrow().number()).isEqualTo(3);
  }

  @StoreTest
  void marking_another_revision_replaces_the_last_known_good(Db db) {
    FingerprintUnits store = open(db);
    store.record(PROD, withDriver("535.104.05", COLLECTED));
    store.record(PROD, withDriver("550.54.15", COLLECTED));
    store.markLastKnownGood(PROD, 2, "alice");
    clock.advance(Duration.ofHours(1));

    store.markLastKnownGood(PROD, 1, "bob");

    LastKnownGood read = store.lastKnownGood(PROD).orElseThrow();
    assertThat(read.fingerprint().number()).isEqualTo(1);
    assertThat(read.markedBy()).isEqualTo("bob");
    assertThat(read.markedAt()).isEqualTo(Instant.parse("2025-03-01T10:30:00.123Z"));
  }

  @StoreTest
  void marking_a_revision_that_does_not_exist_is_refused_and_keeps_the_mark(Db db) {
    FingerprintUnits store = open(db);
    store.record(PROD, withDriver("535.104.05", COLLECTED));
    store.record(PROD, withDriver("550.54.15", COLLECTED));
    store.markLastKnownGood(PROD, 1, "alice");

    for (long missing : new long[] {3, 0, -1}) {
      assertThatThrownBy(() -> store.markLastKnownGood(PROD, missing, "bob"))
          .isInstanceOfSatisfying(
              NoSuchFingerprintException.class,
              e -> {
                assertThat(e.environment()).isEqualTo(PROD);
                assertThat(e.revision()).isEqualTo(missing);
              })
          .hasMessage("environment prod-eu has no fingerprint revision " + missing);
    }
    assertThatThrownBy(() -> store.markLastKnownGood("unknown", 1, "bob"))
        .isInstanceOf(NoSuchFingerprintException.class);
    LastKnownGood kept = store.lastKnownGood(PROD).orElseThrow();
    assertThat(kept.fingerprint().number()).isEqualTo(1);
    assertThat(kept.markedBy()).isEqualTo("alice");
    assertThat(store.lastKnownGood("unknown")).isEmpty();
  }

  /**
   * Threads record different fingerprints of one environment at once: each record got a revision of
   * its own, numbered 1, 2, 3 … with no gap, holding what that record stored.
   */
  @StoreTest
  void concurrent_records_of_one_environment_get_consecutive_revisions_and_none_is_lost(Db db)
      throws Exception {
    FingerprintUnits store = open(db);
    int threads = 6;
    int rounds = 8;

    List<FingerprintOutcome> outcomes =
        Concurrently.run(
            threads,
            rounds,
            (thread, round) -> store.record(PROD, withDriver(thread + "." + round, COLLECTED)));

    int total = threads * rounds;
    assertThat(outcomes).extracting(FingerprintOutcome::change).containsOnly(Change.RECORDED);
    List<Long> numbers = LongStream.rangeClosed(1, total).boxed().toList();
    assertThat(outcomes)
        .extracting(o -> o.revision().number())
        .containsExactlyInAnyOrderElementsOf(numbers);
    List<FingerprintSummary> history = store.history(PROD);
    assertThat(history).extracting(FingerprintSummary::number).containsExactlyElementsOf(numbers);
    Set<Digest> digests = new HashSet<>();
    for (FingerprintOutcome outcome : outcomes) {
      FingerprintSummary stored = history.get((int) outcome.revision().number() - 1);
      assertThat(stored).isEqualTo(outcome.revision());
      digests.add(stored.digest());
    }
    assertThat(digests).hasSize(total);
  }

  @StoreTest
  void concurrent_records_of_the_same_fingerprint_store_it_once(Db db) throws Exception {
    FingerprintUnits store = open(db);
    FingerprintRecord fingerprint = withDriver("550.54.15", COLLECTED);

    List<FingerprintOutcome> outcomes =
        Concurrently.run(6, 5, (thread, round) -> store.record(PROD, fingerprint));

    assertThat(outcomes).filteredOn(FingerprintOutcome::recorded).hasSize(1);
    assertThat(outcomes).extracting(o -> o.revision().number()).containsOnly(1L);
    assertThat(store.history(PROD)).hasSize(1);
  }

  @StoreTest
  void closing_and_opening_again_keeps_every_revision_and_the_last_known_good(Db db) {
    FingerprintUnits first = open(db);
    first.record(PROD, withDriver("535.104.05", COLLECTED));
    first.record(PROD, withDriver("550.54.15", COLLECTED));
    first.markLastKnownGood(PROD, 1, "alice");
    List<FingerprintSummary> before = first.history(PROD);
    first.close();

    FingerprintUnits reopened = open(db);

    assertThat(reopened.history(PROD)).isEqualTo(before);
    assertThat(reopened.lastKnownGood(PROD).orElseThrow().fingerprint().number()).isEqualTo(1);
    assertThat(reopened.record(PROD, withDriver("550.54.15", COLLECTED)).change())
        .isEqualTo(Change.UNCHANGED);
    assertThat(reopened.record(PROD, withDriver("555.42.02", COLLECTED)).revision().number())
        .isEqualTo(3);
  }

  /**
   * The repository as the services use it: each call a unit of work of its own, and each change
   * with the event that records it, as the outbox requires.
   */
  private record FingerprintUnits(Database database) {
    FingerprintOutcome record(String environment, FingerprintRecord fingerprint) {
      return database.write(
          "record a fingerprint of " + environment,
          tx -> {
            FingerprintOutcome outcome = tx.fingerprints().record(environment, fingerprint);
            tx.events()
                .append(
                    FingerprintRecorded.of(
                        environment,
                        fingerprint.source(),
                        fingerprint.digest(),
                        outcome,
                        Optional.empty()));
            return outcome;
          });
    }

    LastKnownGood markLastKnownGood(String environment, long revision, String markedBy) {
      return database.write(
          "mark a last known good fingerprint of " + environment,
          tx -> {
            LastKnownGood marked =
                tx.fingerprints().markLastKnownGood(environment, revision, markedBy);
            tx.events()
                .append(
                    new LastKnownGoodMarked(
                        environment, revision, marked.fingerprint().digest(), markedBy));
            return marked;
          });
    }

    Optional<FingerprintRevision> latest(String environment) {
      return database.read("read the latest", tx -> tx.fingerprints().latest(environment));
    }

    Optional<FingerprintRevision> revision(String environment, long number) {
      return database.read(
          "read a fingerprint revision", tx -> tx.fingerprints().revision(environment, number));
    }

    List<FingerprintSummary> history(String environment) {
      return database.read(
          "read the fingerprint history", tx -> tx.fingerprints().history(environment));
    }

    List<String> environments() {
      return database.read("list environments", tx -> tx.fingerprints().environments());
    }

    Optional<LastKnownGood> lastKnownGood(String environment) {
      return database.read(
          "read the last known good", tx -> tx.fingerprints().lastKnownGood(environment));
    }

    void close() {
      database.close();
    }
  }
}
