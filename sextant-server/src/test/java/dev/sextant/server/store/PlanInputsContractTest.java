package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A plan's recorded inputs (V12) on H2 and on a real PostgreSQL: kept with the plan and read back
 * as they were, and a plan stored before inputs were recorded reads with none.
 */
class PlanInputsContractTest {
  private static final Instant NOW = Instant.parse("2026-12-06T20:00:00Z");
  private static final Digest A = Digest.sha256("a".getBytes(StandardCharsets.UTF_8));
  private static final Digest B = Digest.sha256("b".getBytes(StandardCharsets.UTF_8));

  private final SettableClock clock = new SettableClock(NOW);
  @RegisterExtension final TestDatabases databases = new TestDatabases(clock);

  @StoreTest
  void a_plans_inputs_are_kept_with_it_and_read_back_as_they_were(Db db) {
    Database database = databases.open(db);
    PlanInputs inputs = inputs();

    StoredPlan added = add(database, inputs);
    StoredPlan read = database.read("read", tx -> tx.plans().find(added.id()).orElseThrow());

    assertThat(read.inputs()).contains(inputs);
    assertThat(read.inputs().orElseThrow().named().get(PlanInputs.POLICIES))
        .extracting(InputRevision::name)
        .containsExactly("a-policy", "b-policy");
  }

  @StoreTest
  void a_plan_stored_before_inputs_were_recorded_reads_with_none(Db db) {
    Database database = databases.open(db);
    StoredPlan added = add(database, inputs());
    Jdbi.create(database.dataSource())
        .useHandle(h -> h.execute("update plans set inputs = null where id = ?", added.id()));

    StoredPlan read = database.read("read", tx -> tx.plans().find(added.id()).orElseThrow());

    assertThat(read.inputs()).isEmpty();
    assertThat(read.digest()).isEqualTo(added.digest());
  }

  @Test
  void the_policy_sets_digest_is_sha256_over_its_sorted_name_revision_digest_triples() {
    PlanInputs inputs = inputs();
    String triples =
        "[[\"a-policy\",1,\"" + B.value() + "\"],[\"b-policy\",3,\"" + A.value() + "\"]]";

    assertThat(inputs.digest(PlanInputs.POLICIES))
        .isEqualTo(Digest.sha256(triples.getBytes(StandardCharsets.UTF_8)));
    assertThat(inputs.digests())
        .containsOnlyKeys("release", "environment", "fingerprint", "policySet")
        .containsEntry("release", A)
        .containsEntry("policySet", inputs.digest(PlanInputs.POLICIES));
    assertThat(CanonicalJson.string(inputs.json())).contains("\"requester\":\"alice\"");
  }

  private static PlanInputs inputs() {
    Map<String, List<InputRevision>> named = new TreeMap<>();
    named.put(PlanInputs.RELEASE, List.of(new InputRevision("payments-2-4-0", 2, A)));
    named.put(PlanInputs.ENVIRONMENT, List.of(new InputRevision("prod-us", 1, B)));
    named.put(PlanInputs.FINGERPRINT, List.of(new InputRevision("prod-us", 0, B)));
    named.put(
        PlanInputs.POLICIES,
        List.of(new InputRevision("b-policy", 3, A), new InputRevision("a-policy", 1, B)));
    return new PlanInputs("alice", NOW, false, new TreeMap<>(named));
  }

  private static StoredPlan add(Database database, PlanInputs inputs) {
    return database.write(
        "add a plan",
        tx -> {
          StoredPlan added =
              tx.plans()
                  .add(
                      "payments-2-4-0",
                      2,
                      "prod-us",
                      B,
                      "compatible",
                      "alice",
                      JsonNodeFactory.instance.objectNode().put("plan", 1),
                      inputs);
          tx.events()
              .append(
                  new PlanSubmitted(
                      added.name(),
                      "payments-2-4-0",
                      2,
                      "prod-us",
                      B,
                      "compatible",
                      Optional.empty(),
                      "alice",
                      inputs.digests()));
          return added;
        });
  }
}
