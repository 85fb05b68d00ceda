package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.core.delivery.FinishedRollout;
import dev.sextant.core.rollout.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link RolloutRepository#finished}: what the delivery figures read, on H2 and on a real
 * PostgreSQL.
 */
class FinishedRolloutsContractTest {
  private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

  private final SettableClock clock = new SettableClock(START);
  @RegisterExtension final TestDatabases databases = new TestDatabases(clock);

  @StoreTest
  void finished_rollouts_are_dated_by_their_last_two_events_and_their_release(Db db) {
    Database database = databases.open(db);
    applyRelease(database, "payments-1");
    clock.advance(Duration.ofHours(1));
    start(database, "ro-a", "prod", "payments-1");
    clock.advance(Duration.ofHours(2));
    move(database, "ro-a", 1, "succeeded");
    start(database, "ro-b", "prod", "payments-1");
    clock.advance(Duration.ofHours(1));
    move(database, "ro-b", 1, "succeeded");
    clock.advance(Duration.ofHours(1));
    move(database, "ro-b", 2, "rolled-back");
    start(database, "ro-c", "prod", "payments-9");
    clock.advance(Duration.ofHours(1));
    move(database, "ro-c", 1, "failed");
    start(database, "ro-d", "prod", "payments-1");
    start(database, "ro-e", "staging", "payments-1");
    clock.advance(Duration.ofHours(1));
    move(database, "ro-e", 1, "aborted");

    List<FinishedRollout> all =
        database.read(
            "read finished rollouts",
            tx -> tx.rollouts().finished(Optional.empty(), Optional.empty(), clock.instant()));
    List<FinishedRollout> early =
        database.read(
            "read finished rollouts",
            tx ->
                tx.rollouts()
                    .finished(
                        Optional.of("payments"), Optional.of("prod"), START.plusSeconds(4 * 3600)));

    Optional<Instant> released = Optional.of(START);
    assertThat(all)
        .containsExactly(
            finished("ro-a", "prod", Phase.SUCCEEDED, 3, Optional.of(3), released),
            finished("ro-b", "prod", Phase.ROLLED_BACK, 5, Optional.of(4), released),
            finished("ro-c", "prod", Phase.FAILED, 6, Optional.empty(), Optional.empty()),
            finished("ro-e", "staging", Phase.ABORTED, 7, Optional.empty(), released));
    assertThat(early).extracting(FinishedRollout::id).containsExactly("ro-a");
  }

  private static FinishedRollout finished(
      String id,
      String environment,
      Phase phase,
      int finishedHour,
      Optional<Integer> deployedHour,
      Optional<Instant> released) {
    return new FinishedRollout(
        id,
        "payments",
        environment,
        phase,
        START.plus(Duration.ofHours(finishedHour)),
        deployedHour.map(h -> START.plus(Duration.ofHours(h))),
        released);
  }

  private static void applyRelease(Database database, String name) {
    database.write(
        "apply " + name,
        tx -> {
          ApplyOutcome outcome =
              tx.resources()
                  .apply(
                      Documents.resource(
                          "{\"apiVersion\":\"sextant.dev/v1\",\"kind\":\"Release\","
                              + "\"metadata\":{\"name\":\""
                              + name
                              + "\"},\"spec\":{\"service\":\"payments\"}}"),
                      "alice");
          tx.events().append(ResourceApplied.of(outcome));
          return outcome;
        });
  }

  private void start(Database database, String id, String environment, String release) {
    database.write(
        "start " + id,
        tx -> {
          tx.rollouts()
              .create(
                  id,
                  "payments",
                  environment,
                  "1",
                  "1",
                  1,
                  JsonNodeFactory.instance.objectNode(),
                  "pending",
                  "alice");
          tx.deployments().add(new StoredDeployment(id, release, 1, "jar", Optional.empty()));
          tx.events()
              .append(
                  new DeploymentStarted(
                      id,
                      "payments",
                      environment,
                      release,
                      1,
                      "jar",
                      Optional.empty(),
                      "alice",
                      new java.util.TreeMap<>()));
          return null;
        });
    move(database, id, 0, "progressing");
  }

  private void move(Database database, String id, long version, String phase) {
    database.write(
        "move " + id,
        tx -> {
          tx.rollouts()
              .advance(
                  id,
                  version,
                  "{\"type\":\"StepFinished\",\"at\":\"" + clock.instant() + "\"}",
                  phase,
                  0,
                  List.of(),
                  List.of());
          tx.events().append(new RolloutMoved(id, version + 1, "moved", phase, 0, phase, 0));
          return null;
        });
  }
}
