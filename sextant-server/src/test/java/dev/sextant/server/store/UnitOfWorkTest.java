package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.validation.Input;
import dev.sextant.server.service.ResourceService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One unit of work: all of it or none of it, on H2 and on a real PostgreSQL. */
class UnitOfWorkTest {
  @RegisterExtension
  final TestDatabases databases =
      new TestDatabases(new SettableClock(Instant.parse("2026-12-01T10:00:00Z")));

  private Database open(Db db) {
    return databases.open(db);
  }

  @StoreTest
  void applying_three_files_whose_third_write_fails_leaves_the_store_exactly_as_before(Db db) {
    Database database = open(db);
    ResourceService resources = new ResourceService(database);
    resources.apply(List.of(service("before")), "alice");
    // A real failure of the database on the third write, as a full disk or a broken row would be.
    Tables.execute(
        database,
        "alter table revisions add constraint test_refuses_third check (name <> 'third')");
    var before = Tables.snapshot(database);

    assertThatThrownBy(
            () ->
                resources.apply(
                    List.of(service("first"), service("second"), service("third")), "bob"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("apply 3 resources");

    assertThat(Tables.snapshot(database)).isEqualTo(before);
    assertThat(resources.latest(new ResourceKey(Kind.SERVICE, "first"))).isEmpty();
    assertThat(database.read("count", tx -> tx.events().lastSequence()).longValue()).isEqualTo(1);
  }

  @StoreTest
  void an_apply_of_several_resources_writes_each_revision_with_its_event(Db db) {
    Database database = open(db);
    ResourceService resources = new ResourceService(database);

    resources.apply(List.of(service("first"), service("second")), "alice");

    List<LoggedEvent> events = database.read("list", tx -> tx.events().list(EventQuery.last(10)));
    assertThat(events)
        .extracting(e -> e.envelope().subject() + " " + e.envelope().outcome())
        .containsExactly("service/first created", "service/second created");
    assertThat(events.get(0).event())
        .isEqualTo(
            new ResourceApplied(
                new ResourceKey(Kind.SERVICE, "first"),
                1,
                resources.latest(new ResourceKey(Kind.SERVICE, "first")).orElseThrow().digest(),
                "alice",
                ApplyOutcome.Change.CREATED));
  }

  @StoreTest
  void a_unit_of_work_that_changes_state_without_an_event_is_refused_and_rolled_back(Db db) {
    Database database = open(db);
    var before = Tables.snapshot(database);

    assertThatThrownBy(
            () ->
                database.write(
                    "apply quietly",
                    tx -> tx.resources().apply(Documents.service("quiet", "img:1", ""), "eve")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("without appending an event");

    assertThat(Tables.snapshot(database)).isEqualTo(before);
  }

  @StoreTest
  void a_unit_of_work_that_only_reads_cannot_change_state(Db db) {
    Database database = open(db);

    assertThatThrownBy(
            () ->
                database.read(
                    "read", tx -> tx.resources().apply(Documents.service("x", "img:1", ""), "eve")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("only reads");
    assertThat(Tables.snapshot(database).get("resources")).isEmpty();
  }

  @StoreTest
  void a_unit_of_work_that_keeps_losing_its_compare_and_set_ends_in_a_conflict(Db db) {
    Database database = open(db);
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                database.write(
                    "move a head",
                    tx -> {
                      attempts.incrementAndGet();
                      tx.events().append(new AgentRefused("a", "lab", "test"));
                      throw new LostRace("the head of a test moved");
                    }))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.attempts()).isEqualTo(Database.MAX_ATTEMPTS))
        .hasMessageContaining("move a head")
        .hasMessageContaining("try again");

    assertThat(attempts).hasValue(Database.MAX_ATTEMPTS);
    assertThat(database.read("count", tx -> tx.events().lastSequence()).longValue()).isZero();
  }

  @StoreTest
  void a_revision_read_back_has_the_canonical_form_and_digest_it_was_stored_with(Db db) {
    Database database = open(db);
    var resource =
        Documents.resource(
            "{\"apiVersion\":\"sextant.dev/v1\",\"kind\":\"Service\","
                + "\"metadata\":{\"name\":\"exact\"},"
                + "\"spec\":{\"ratio\":0.0003,\"big\":12345678901234567890.5,\"whole\":7}}");
    database.write(
        "apply",
        tx -> tx.events().append(ResourceApplied.of(tx.resources().apply(resource, "alice"))));

    Revision read =
        database.read("read", tx -> tx.resources().latest(resource.key())).orElseThrow();

    assertThat(CanonicalJson.string(read.document()))
        .isEqualTo(CanonicalJson.string(resource.document()))
        .contains("0.0003");
    assertThat(Digest.sha256(CanonicalJson.bytes(read.document()))).isEqualTo(read.digest());
  }

  private static Input service(String name) {
    String yaml =
        """
        apiVersion: sextant.dev/v1
        kind: Service
        metadata:
          name: %s
        spec:
          description: A service of the unit of work test.
          owner: team-store
        """
            .formatted(name);
    return new Input(name + ".yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }
}
