package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link NotificationRepository} contract; every test runs on H2 and on a real PostgreSQL. */
class NotificationRepositoryContractTest {
  private static final Instant START = Instant.parse("2026-12-06T09:30:00Z");
  private static final ObjectNode BODY =
      JsonNodeFactory.instance.objectNode().put("phase", "paused");

  private final SettableClock clock = new SettableClock(START);
  @RegisterExtension final TestDatabases databases = new TestDatabases(clock);

  @StoreTest
  void a_notifier_gets_one_delivery_per_event_however_often_it_is_queued(Db db) {
    Database database = databases.open(db);

    Optional<StoredDelivery> first = queue(database, "hook", 7);
    Optional<StoredDelivery> again = queue(database, "hook", 7);
    Optional<StoredDelivery> other = queue(database, "slack", 7);

    assertThat(first).hasValueSatisfying(d -> assertThat(d.state()).isEqualTo("pending"));
    assertThat(first.orElseThrow().deliveryKey()).isEqualTo("hook-7");
    assertThat(first.orElseThrow().body()).isEqualTo(BODY);
    assertThat(again).isEmpty();
    assertThat(other.orElseThrow().id()).isNotEqualTo(first.orElseThrow().id());
    List<StoredDelivery> ofRollout =
        database.read("list", tx -> tx.notifications().ofRollout("ro-1", 10));
    assertThat(ofRollout.stream().map(StoredDelivery::deliveryKey))
        .containsExactly("hook-7", "slack-7");
  }

  @StoreTest
  void the_cursor_moves_only_from_where_it_stands(Db db) {
    Database database = databases.open(db);
    long start = cursor(database);

    database.write("move", tx -> moved(tx, start, start + 5));

    assertThat(cursor(database)).isEqualTo(start + 5);
    assertThatThrownBy(() -> database.write("move again", tx -> moved(tx, start, start + 9)))
        .isInstanceOf(ConflictException.class);
    assertThat(cursor(database)).isEqualTo(start + 5);
  }

  @StoreTest
  void an_attempt_is_claimed_once_and_due_again_when_its_lease_runs_out(Db db) {
    Database database = databases.open(db);
    StoredDelivery due = queue(database, "hook", 3).orElseThrow();
    Instant lease = START.plusSeconds(15);

    boolean won = claim(database, due, lease);
    boolean lost = claim(database, due, lease);

    assertThat(won).isTrue();
    assertThat(lost).isFalse();
    assertThat(due(database, START)).isEmpty();
    assertThat(nextDue(database)).contains(lease);
    clock.advance(Duration.ofSeconds(16));
    assertThat(due(database, clock.instant()))
        .singleElement()
        .satisfies(d -> assertThat(d.attempts()).isEqualTo(1));
  }

  @StoreTest
  void only_a_dead_letter_is_revived_with_its_attempts_counted_afresh(Db db) {
    Database database = databases.open(db);
    StoredDelivery due = queue(database, "hook", 4).orElseThrow();
    claim(database, due, START.plusSeconds(15));
    database.write(
        "dead",
        tx -> {
          tx.notifications()
              .attempted(
                  due.id(), StoredDelivery.DEAD, Optional.of(500), Optional.of("HTTP 500"), START);
          return tx.events()
              .append(
                  new NotificationFailed(
                      "hook", due.id(), "ro-1", 1, 500, NotificationFailed.DEAD_LETTERED, "500"));
        });

    assertThat(deadLetters(database))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.lastStatus()).contains(500);
              assertThat(d.lastError()).contains("HTTP 500");
              assertThat(d.attempts()).isEqualTo(1);
            });
    assertThat(revive(database, due.id())).isTrue();
    assertThat(revive(database, due.id())).isFalse();
    assertThat(deadLetters(database)).isEmpty();
    assertThat(find(database, due.id()))
        .hasValueSatisfying(
            d -> {
              assertThat(d.state()).isEqualTo("pending");
              assertThat(d.attempts()).isZero();
            });
  }

  private static Optional<StoredDelivery> queue(Database database, String notifier, long event) {
    return database.write(
        "queue",
        tx -> {
          Optional<StoredDelivery> queued = tx.notifications().queue(notifier, event, "ro-1", BODY);
          queued.ifPresent(
              d ->
                  tx.events()
                      .append(
                          new NotificationQueued(notifier, d.id(), "ro-1", event, "queued", "t")));
          return queued;
        });
  }

  private static boolean claim(Database database, StoredDelivery due, Instant until) {
    return database.write("claim", tx -> tx.notifications().claim(due, until));
  }

  private static long cursor(Database database) {
    return database.read("read the cursor", tx -> tx.notifications().cursor());
  }

  private static List<StoredDelivery> due(Database database, Instant now) {
    return database.read("find due", tx -> tx.notifications().due(now, 10));
  }

  private static Optional<Instant> nextDue(Database database) {
    return database.read("find the next due", tx -> tx.notifications().nextDue());
  }

  private static List<StoredDelivery> deadLetters(Database database) {
    return database.read("list dead letters", tx -> tx.notifications().deadLetters(10));
  }

  private static Optional<StoredDelivery> find(Database database, long id) {
    return database.read("find", tx -> tx.notifications().find(id));
  }

  private static boolean revive(Database database, long id) {
    return database.write("revive", tx -> revived(tx, id));
  }

  private static boolean revived(Transaction tx, long id) {
    boolean revived = tx.notifications().revive(id);
    if (revived) {
      tx.events().append(new NotificationQueued("hook", id, "ro-1", 4, "replayed", "t"));
    }
    return revived;
  }

  private static Void moved(Transaction tx, long from, long to) {
    tx.notifications().moveCursor(from, to);
    return null;
  }
}
