package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.digest.Digest;
import dev.sextant.core.ledger.MerkleHash;
import dev.sextant.core.ledger.SignedTreeHead;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.server.ledger.LedgerKey;
import dev.sextant.server.ledger.LedgerProblem;
import dev.sextant.server.ledger.LedgerVerdict;
import dev.sextant.server.ledger.LedgerVerification;
import dev.sextant.server.ledger.TreeHeads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger catches changes made with plain SQL, past every repository: each test appends real
 * events, publishes a signed head, tampers with the tables directly and verifies. Every test runs
 * on H2 and on a real PostgreSQL.
 */
class LedgerTamperContractTest {
  private static final Instant START = Instant.parse("2026-12-06T21:00:00.123456789Z");
  private static final Digest FINGERPRINT =
      Digest.sha256("fingerprint".getBytes(StandardCharsets.UTF_8));

  private final SettableClock clock = new SettableClock(START);
  @RegisterExtension final TestDatabases databases = new TestDatabases(clock);
  @TempDir Path keys;

  private Database database;
  private LedgerKey key;

  private void open(Db db) {
    database = databases.open(db);
    key = LedgerKey.loadOrCreate(keys.resolve(LedgerKey.FILE_NAME), new SecureRandom());
  }

  /** Five events, 1 to 5, a second apart, of three types, with a head over all five. */
  private void fiveEventsAndAHead(Db db) {
    open(db);
    append(
        new ResourceApplied(
            new ResourceKey(Kind.SERVICE, "checkout"),
            1,
            FINGERPRINT,
            "alice ✓",
            ApplyOutcome.Change.CREATED));
    append(new AgentRefused("gpu-01", "prod-eu", "no such environment"));
    append(new FingerprintRejected("gpu-01", FINGERPRINT, "the signature does not verify"));
    append(new AgentRefused("gpu-02", "prod-eu", "revoked"));
    append(new AgentRefused("gpu-03", "prod-us", "revoked"));
    assertThat(heads().publish()).isPresent();
  }

  @StoreTest
  void an_untouched_ledger_verifies_with_events_after_its_last_head(Db db) {
    fiveEventsAndAHead(db);
    append(new AgentRefused("gpu-04", "prod-us", "not yet signed"));

    LedgerVerdict verdict = verify();

    assertThat(verdict.firstProblem()).isEmpty();
    assertThat(verdict.verified()).isTrue();
    assertThat(verdict.entries()).isEqualTo(6);
    assertThat(verdict.heads()).isEqualTo(1);
  }

  @StoreTest
  void one_publisher_s_heads_grow_with_the_log_as_a_fresh_tree_computes_them(Db db) {
    fiveEventsAndAHead(db);
    TreeHeads publisher = heads();
    publisher.publish();

    for (int more = 1; more <= 3; more++) {
      for (int i = 0; i < more; i++) {
        append(new AgentRefused("gpu-0" + more, "prod-us", "not yet signed " + i));
      }
      SignedTreeHead grown = publisher.publish().orElseThrow();
      List<byte[]> leaves =
          database.read("entries", tx -> tx.ledger().entriesAfter(0, 100)).stream()
              .map(entry -> entry.entry().orElseThrow().leafHash())
              .toList();

      assertThat(grown.treeSize()).isEqualTo(leaves.size());
      assertThat(grown.rootHash()).isEqualTo(MerkleHash.root(leaves));
    }
    assertThat(verify().verified()).isTrue();
  }

  @StoreTest
  void a_head_is_the_signed_root_of_the_leaves_and_is_written_only_when_the_log_grew(Db db) {
    fiveEventsAndAHead(db);

    Optional<SignedTreeHead> again = heads().publish();
    SignedTreeHead head = heads().latest().orElseThrow();

    assertThat(again).isEmpty();
    assertThat(head.treeSize()).isEqualTo(5);
    assertThat(head.keyId()).isEqualTo(key.id());
    assertThat(head.timestamp()).isEqualTo("2026-12-06T21:00:05.123Z");
    assertThat(head.verifiesWith(key.publicKey())).isTrue();
    List<byte[]> recomputed =
        database.read("entries", tx -> tx.ledger().entriesAfter(0, 100)).stream()
            .map(entry -> entry.entry().orElseThrow().leafHash())
            .toList();
    assertThat(head.rootHash()).isEqualTo(MerkleHash.root(recomputed));
  }

  @StoreTest
  void an_edited_detail_is_caught_at_its_sequence(Db db) {
    fiveEventsAndAHead(db);

    sql(
        h ->
            h.execute(
                "update events set detail = '{\"agent\":\"gpu-99\"}' where sequence_number = 3"));

    assertProblem(3, LedgerProblem.Kind.EDITED);
  }

  @StoreTest
  void an_edited_outcome_is_caught_at_its_sequence(Db db) {
    fiveEventsAndAHead(db);

    sql(h -> h.execute("update events set outcome = 'accepted' where sequence_number = 4"));

    assertProblem(4, LedgerProblem.Kind.EDITED);
  }

  @StoreTest
  void a_row_edited_into_no_event_at_all_is_caught_and_not_a_crash(Db db) {
    fiveEventsAndAHead(db);

    sql(h -> h.execute("update events set inputs = 'not json' where sequence_number = 2"));

    assertProblem(2, LedgerProblem.Kind.EDITED);
  }

  @StoreTest
  void a_deleted_event_is_caught_at_its_sequence(Db db) {
    fiveEventsAndAHead(db);

    sql(h -> h.execute("delete from events where sequence_number = 3"));

    assertProblem(3, LedgerProblem.Kind.DELETED);
  }

  @StoreTest
  void two_events_that_changed_places_are_caught_at_the_first(Db db) {
    fiveEventsAndAHead(db);

    sql(
        h -> {
          h.execute("update events set sequence_number = 1000 where sequence_number = 2");
          h.execute("update events set sequence_number = 2 where sequence_number = 4");
          h.execute("update events set sequence_number = 4 where sequence_number = 1000");
        });

    assertProblem(2, LedgerProblem.Kind.REORDERED);
  }

  /**
   * Verification reads events a page at a time and makes entries of them in chunks on several
   * threads: a ledger longer than a page, with events swapped across a chunk's edge, is still
   * checked in order and the first of the two named.
   */
  @StoreTest
  void a_ledger_of_many_pages_is_checked_in_order_across_pages_and_chunks(Db db) {
    open(db);
    int events = 10_600;
    database.write(
        "append many",
        tx -> {
          for (int i = 1; i <= events; i++) {
            tx.events().append(new AgentRefused("gpu-" + i, "prod-eu", "revoked"));
          }
          return null;
        });
    heads().publish();
    assertThat(verify().verified()).isTrue();
    assertThat(verify().entries()).isEqualTo(events);

    sql(
        h -> {
          h.execute("update events set sequence_number = 99999 where sequence_number = 10499");
          h.execute("update events set sequence_number = 10499 where sequence_number = 10501");
          h.execute("update events set sequence_number = 10501 where sequence_number = 99999");
        });

    assertProblem(10_499, LedgerProblem.Kind.REORDERED);
  }

  @StoreTest
  void an_inserted_event_is_caught_at_its_sequence(Db db) {
    fiveEventsAndAHead(db);

    sql(
        h ->
            h.execute(
                "insert into events (sequence_number, occurred_at, event_type, schema_version,"
                    + " subject, outcome, reason, inputs, detail) select 6, occurred_at,"
                    + " event_type, schema_version, subject, outcome, reason, inputs, detail"
                    + " from events where sequence_number = 5"));

    assertProblem(6, LedgerProblem.Kind.INSERTED);
  }

  @StoreTest
  void rewriting_the_leaf_of_an_edited_event_is_caught_by_the_signed_head(Db db) {
    open(db);
    append(new AgentRefused("gpu-01", "prod-eu", "one"));
    append(new AgentRefused("gpu-02", "prod-eu", "two"));
    assertThat(heads().publish()).isPresent();
    append(new AgentRefused("gpu-03", "prod-eu", "three"));
    append(new AgentRefused("gpu-04", "prod-eu", "four"));
    assertThat(heads().publish()).isPresent();

    sql(h -> h.execute("update events set outcome = 'accepted' where sequence_number = 4"));
    rewriteLeaf(4);

    LedgerProblem problem = verify().firstProblem().orElseThrow();
    assertThat(problem.kind()).isEqualTo(LedgerProblem.Kind.HEAD_MISMATCH);
    assertThat(problem.sequence()).isEqualTo(3);
    assertThat(problem.explanation()).contains("from 3 to 4");
  }

  @StoreTest
  void deleting_the_last_event_with_its_leaf_is_caught_by_the_signed_head(Db db) {
    fiveEventsAndAHead(db);

    sql(
        h -> {
          h.execute("delete from events where sequence_number = 5");
          h.execute("delete from ledger_leaves where sequence_number = 5");
        });

    assertProblem(5, LedgerProblem.Kind.DELETED);
  }

  @StoreTest
  void a_head_whose_root_was_replaced_no_longer_verifies(Db db) {
    fiveEventsAndAHead(db);
    String forged = HexFormat.of().formatHex(MerkleHash.emptyRoot());

    sql(h -> h.execute("update ledger_tree_heads set root_hash = ?", forged));

    assertProblem(1, LedgerProblem.Kind.BAD_SIGNATURE);
  }

  @StoreTest
  void a_head_row_that_is_no_longer_a_head_is_reported_not_a_crash(Db db) {
    fiveEventsAndAHead(db);

    sql(h -> h.execute("update ledger_tree_heads set signature = '!not base64!'"));

    assertProblem(1, LedgerProblem.Kind.BAD_SIGNATURE);
  }

  @StoreTest
  void a_leaf_is_written_only_when_its_event_commits(Db db) {
    open(db);
    append(new AgentRefused("gpu-01", "prod-eu", "kept"));

    try {
      database.write(
          "append and fail",
          tx -> {
            tx.events().append(new AgentRefused("gpu-02", "prod-eu", "rolled back"));
            throw new IllegalStateException("the unit of work fails after its append");
          });
    } catch (IllegalStateException expected) {
      // the append is rolled back with it
    }

    long leaves = database.read("size", tx -> tx.ledger().size());
    assertThat(leaves).isEqualTo(1);
    assertThat(verify().verified()).isTrue();
  }

  @StoreTest
  void events_older_than_the_ledger_get_their_leaves_once_before_the_first_head(Db db) {
    open(db);
    append(new AgentRefused("gpu-01", "prod-eu", "before the ledger"));
    append(new AgentRefused("gpu-02", "prod-eu", "before the ledger"));
    append(new AgentRefused("gpu-03", "prod-eu", "with the ledger"));
    // A store upgraded to the ledger: its older events have no leaf.
    sql(h -> h.execute("delete from ledger_leaves where sequence_number < 3"));
    assertProblem(1, LedgerProblem.Kind.INSERTED);

    int backfilled = heads().backfill();
    heads().publish();

    assertThat(backfilled).isEqualTo(2);
    assertThat(verify().verified()).isTrue();
  }

  @StoreTest
  void once_a_head_is_signed_a_row_without_a_leaf_is_never_given_one(Db db) {
    fiveEventsAndAHead(db);
    sql(h -> h.execute("delete from ledger_leaves where sequence_number = 1"));

    int backfilled = heads().backfill();

    assertThat(backfilled).isZero();
    assertProblem(1, LedgerProblem.Kind.INSERTED);
  }

  private void append(Event event) {
    database.write("append", tx -> tx.events().append(event));
    clock.advance(Duration.ofSeconds(1));
  }

  private TreeHeads heads() {
    return new TreeHeads(database, key);
  }

  private LedgerVerdict verify() {
    return new LedgerVerification(database, key).verify();
  }

  private void assertProblem(long sequence, LedgerProblem.Kind kind) {
    LedgerVerdict verdict = verify();
    assertThat(verdict.verified()).isFalse();
    LedgerProblem problem = verdict.firstProblem().orElseThrow();
    assertThat(problem.kind()).as(problem.explanation()).isEqualTo(kind);
    assertThat(problem.sequence()).as(problem.explanation()).isEqualTo(sequence);
  }

  /** What an attacker who can recompute leaves does: the leaf matches the edited row again. */
  private void rewriteLeaf(long sequence) {
    byte[] leaf =
        database
            .read("entry", tx -> tx.ledger().entriesAfter(sequence - 1, 1))
            .get(0)
            .entry()
            .orElseThrow()
            .leafHash();
    sql(
        h ->
            h.execute(
                "update ledger_leaves set leaf_hash = ? where sequence_number = ?",
                HexFormat.of().formatHex(leaf),
                sequence));
  }

  private void sql(Consumer<Handle> tamper) {
    Jdbi.create(database.dataSource()).useHandle(tamper::accept);
  }
}
