package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.digest.Digest;
import dev.sextant.core.ledger.BundleVerifier;
import dev.sextant.core.ledger.BundledEntry;
import dev.sextant.core.ledger.EvidenceBundle;
import dev.sextant.core.ledger.EvidenceBundleJson;
import dev.sextant.core.ledger.ProofVerifier;
import dev.sextant.server.ledger.ConsistencyProof;
import dev.sextant.server.ledger.EvidenceQuery;
import dev.sextant.server.ledger.EvidenceRefusal;
import dev.sextant.server.ledger.InclusionProof;
import dev.sextant.server.ledger.Ledger;
import dev.sextant.server.ledger.LedgerKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proofs and evidence bundles over a real store, on H2 and on PostgreSQL: what the ledger proves
 * verifies with the core's verifiers, and a store changed with SQL gets no bundle.
 */
class EvidenceContractTest {
  private static final Instant START = Instant.parse("2026-12-06T21:00:00.123456789Z");
  private static final Digest PLAN = Digest.sha256("plan".getBytes(StandardCharsets.UTF_8));

  private final SettableClock clock = new SettableClock(START);
  @RegisterExtension final TestDatabases databases = new TestDatabases(clock);
  @TempDir Path keys;

  private Database database;
  private LedgerKey key;
  private Ledger ledger;

  /** A plan, its approval, a rollout of it and another rollout, then a head over all of them. */
  private void aRolloutAndAHead(Db db) {
    database = databases.open(db);
    key = LedgerKey.loadOrCreate(keys.resolve(LedgerKey.FILE_NAME), new SecureRandom());
    ledger = Ledger.signedWith(database, key);
    append(
        new PlanSubmitted(
            "p-1",
            "web",
            3,
            "prod",
            PLAN,
            "needs-approval",
            Optional.empty(),
            "alice",
            new TreeMap<>()));
    append(new PlanApproved("p-1", "bob", PLAN, START.plus(Duration.ofDays(1)), true));
    append(
        new DeploymentStarted(
            "ro-a1",
            "web",
            "prod",
            "web",
            3,
            "stable",
            Optional.of("p-1"),
            "alice",
            new TreeMap<>()));
    append(new AgentRefused("gpu-01", "prod", "revoked"));
    append(new RolloutMoved("ro-a1", 1, "start", "succeeded", 100, "", 1));
    append(new RolloutMoved("ro-b2", 1, "start", "progressing", 10, "", 1));
    ledger.publish();
  }

  @StoreTest
  void a_rollouts_bundle_verifies_with_the_ledger_key(Db db) {
    aRolloutAndAHead(db);

    EvidenceBundle bundle =
        EvidenceBundleJson.read(
            EvidenceBundleJson.write(
                ledger.export(
                    new EvidenceQuery(
                        EvidenceQuery.Scope.ROLLOUT,
                        "ro-a1",
                        Optional.empty(),
                        Optional.empty()))));

    assertThat(BundleVerifier.verify(bundle, key.publicKey()).verified()).isTrue();
    assertThat(bundle.entries())
        .extracting(e -> e.entry().sequence())
        .containsExactly(1L, 2L, 3L, 5L);
    assertThat(bundle.treeHead().treeSize()).isEqualTo(6);
    assertThat(bundle.entries()).map(BundledEntry::leafIndex).containsExactly(0L, 1L, 2L, 4L);
  }

  @StoreTest
  void inclusion_and_consistency_proofs_verify(Db db) {
    aRolloutAndAHead(db);
    append(new AgentRefused("gpu-02", "prod", "revoked"));
    var newer = ledger.publish().head();

    InclusionProof inclusion = ledger.inclusion(4, OptionalLong.empty());
    ConsistencyProof consistency = ledger.consistency(6, 7);

    assertThat(inclusion.head()).contains(newer);
    assertThat(
            ProofVerifier.inclusion(
                    3, 7, inclusion.leafHash(), inclusion.auditPath(), newer.rootHash())
                .valid())
        .isTrue();
    assertThat(consistency.fromHead()).isPresent();
    assertThat(
            ProofVerifier.consistency(
                    6,
                    7,
                    consistency.fromHead().orElseThrow().rootHash(),
                    newer.rootHash(),
                    consistency.path())
                .valid())
        .isTrue();
  }

  @StoreTest
  void an_event_edited_with_sql_gets_no_bundle(Db db) {
    aRolloutAndAHead(db);
    Jdbi.create(database.dataSource())
        .useHandle(
            h -> h.execute("update events set outcome = 'forged' where sequence_number = 5"));

    assertThatThrownBy(
            () ->
                ledger.export(
                    new EvidenceQuery(
                        EvidenceQuery.Scope.ROLLOUT, "ro-a1", Optional.empty(), Optional.empty())))
        .isInstanceOfSatisfying(
            EvidenceRefusal.class,
            r -> assertThat(r.reason()).isEqualTo(EvidenceRefusal.Reason.LEDGER_DAMAGED))
        .hasMessageContaining("event 5 no longer hashes to its leaf");
  }

  private void append(Event event) {
    clock.advance(Duration.ofSeconds(1));
    database.write("append", tx -> tx.events().append(event));
  }
}
