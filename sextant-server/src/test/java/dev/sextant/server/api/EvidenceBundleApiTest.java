package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiProblem;
import dev.sextant.api.LedgerHead;
import dev.sextant.api.SextantClient;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.ledger.BundleVerdict;
import dev.sextant.core.ledger.BundleVerifier;
import dev.sextant.core.ledger.BundledEntry;
import dev.sextant.core.ledger.BundledInput;
import dev.sextant.core.ledger.EvidenceBundle;
import dev.sextant.core.ledger.EvidenceBundleJson;
import dev.sextant.server.Lab;
import dev.sextant.server.Services;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.ledger.Ledger;
import dev.sextant.server.ledger.LedgerKey;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.DeploymentStarted;
import dev.sextant.server.store.Event;
import dev.sextant.server.store.PlanApproved;
import dev.sextant.server.store.PlanSubmitted;
import dev.sextant.server.store.RevisionMarked;
import dev.sextant.server.store.RolloutJudged;
import dev.sextant.server.store.RolloutMoved;
import dev.sextant.server.store.SettableClock;
import dev.sextant.server.store.StoredJudgement;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence bundles through the real API over a real store: which entries each selection holds, and
 * that what the server exports verifies offline with the ledger's public key alone.
 */
class EvidenceBundleApiTest {
  private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");
  private static final Digest PLAN_1 = Digest.sha256("plan 1".getBytes(StandardCharsets.UTF_8));
  private static final Digest PLAN_2 = Digest.sha256("plan 2".getBytes(StandardCharsets.UTF_8));

  @TempDir Path home;
  private final SettableClock clock = new SettableClock(START);
  private Database database;
  private Services services;
  private ApiServer server;
  private SextantClient api;
  private LedgerKey key;

  @BeforeEach
  void start() {
    database = Database.h2(home.resolve("store"), clock);
    key = LedgerKey.loadOrCreate(home.resolve(LedgerKey.FILE_NAME), new SecureRandom());
    services =
        Services.on(database, AgentTokens.of("lab-token"), clock)
            .ledgerWith(Ledger.signedWith(database, key));
    server = ApiServer.start(services, "127.0.0.1", 0);
    api = new SextantClient(Admin.client(database, server.port()));
    services.resources().apply(List.of(Lab.declaring("x86_64")), "alice");
    append(
        new PlanSubmitted(
            "p-1",
            "web",
            3,
            "lab",
            PLAN_1,
            "needs-approval",
            Optional.empty(),
            "alice",
            new TreeMap<>()));
    append(new PlanApproved("p-1", "bob", PLAN_1, START.plus(Duration.ofDays(1)), true));
    append(
        new PlanSubmitted(
            "p-2",
            "api",
            1,
            "prod",
            PLAN_2,
            "allowed",
            Optional.empty(),
            "carol",
            new TreeMap<>()));
    append(
        new DeploymentStarted(
            "ro-a1",
            "web",
            "lab",
            "web",
            3,
            "stable",
            Optional.of("p-1"),
            "alice",
            new TreeMap<>()));
    append(new RolloutMoved("ro-a1", 1, "start", "progressing", 10, "", 1));
    append(
        new RolloutJudged(
            "ro-a1", new StoredJudgement("canary", clock.instant(), 0.9, "pass", "fine", "{}")));
    append(
        new DeploymentStarted(
            "ro-b2",
            "api",
            "prod",
            "api",
            1,
            "stable",
            Optional.of("p-2"),
            "carol",
            new TreeMap<>()));
    append(new RolloutMoved("ro-b2", 1, "start", "progressing", 10, "", 1));
    append(new RevisionMarked("lab", "web", "3", "good", "ro-a1"));
  }

  @AfterEach
  void stop() {
    server.close();
    services.close();
  }

  @Test
  void a_rollouts_bundle_holds_its_events_its_plans_and_its_mark_and_verifies_offline() {
    EvidenceBundle bundle = export("rollout", "ro-a1", Optional.empty());

    BundleVerdict verdict = BundleVerifier.verify(bundle, key.publicKey());

    assertThat(verdict.verified()).as(verdict.toString()).isTrue();
    assertThat(typesAndSubjects(bundle))
        .containsExactly(
            "plan.submitted plan/p-1",
            "plan.approved plan/p-1",
            "deployment.started rollout/ro-a1",
            "rollout.moved rollout/ro-a1",
            "rollout.judged rollout/ro-a1",
            "revision.marked service/lab/web");
    assertThat(bundle.inputs()).containsExactly(new BundledInput("plan", PLAN_1));
    assertThat(bundle.approvals()).hasSize(1);
    assertThat(bundle.analyses()).hasSize(1);
    assertThat(bundle.selection()).containsEntry("rollout", "ro-a1");
    assertThat(bundle.treeHead().keyId()).isEqualTo(key.id());
  }

  @Test
  void a_release_and_an_environment_select_their_plans_and_rollouts() {
    EvidenceBundle release = export("release", "web", Optional.empty());
    EvidenceBundle environment = export("environment", "lab", Optional.empty());

    assertThat(BundleVerifier.verify(release, key.publicKey()).verified()).isTrue();
    assertThat(typesAndSubjects(release))
        .containsExactly(
            "plan.submitted plan/p-1",
            "plan.approved plan/p-1",
            "deployment.started rollout/ro-a1",
            "rollout.moved rollout/ro-a1",
            "rollout.judged rollout/ro-a1");
    assertThat(BundleVerifier.verify(environment, key.publicKey()).verified()).isTrue();
    assertThat(typesAndSubjects(environment))
        .startsWith("resource.applied environment/lab")
        .contains("plan.approved plan/p-1", "revision.marked service/lab/web")
        .noneMatch(line -> line.contains("p-2") || line.contains("ro-b2"));
  }

  @Test
  void a_time_window_keeps_only_the_entries_inside_it() {
    Instant since = START.plus(Duration.ofMinutes(4));
    Instant until = START.plus(Duration.ofMinutes(6));

    EvidenceBundle bundle =
        EvidenceBundleJson.read(
            api.evidenceBundle("rollout", "ro-a1", Optional.of(since), Optional.of(until))
                .getBytes(StandardCharsets.UTF_8));

    assertThat(BundleVerifier.verify(bundle, key.publicKey()).verified()).isTrue();
    assertThat(typesAndSubjects(bundle))
        .containsExactly("deployment.started rollout/ro-a1", "rollout.moved rollout/ro-a1");
    assertThat(bundle.selection())
        .containsEntry("since", since.toString())
        .containsEntry("until", until.toString());
  }

  @Test
  void the_latest_head_is_used_when_it_covers_the_selection_and_one_is_signed_when_not() {
    LedgerHead signed = api.publishLedgerHead();
    EvidenceBundle covered = export("rollout", "ro-a1", Optional.empty());
    append(new RolloutMoved("ro-a1", 2, "promote", "succeeded", 100, "", 1));
    EvidenceBundle grown = export("rollout", "ro-a1", Optional.empty());

    assertThat(covered.treeHead().treeSize()).isEqualTo(signed.treeSize());
    assertThat(grown.treeHead().treeSize()).isEqualTo(signed.treeSize() + 1);
    assertThat(api.ledgerHead().orElseThrow().treeSize()).isEqualTo(signed.treeSize() + 1);
    assertThat(BundleVerifier.verify(grown, key.publicKey()).verified()).isTrue();
  }

  @Test
  void an_empty_selection_is_not_found_and_bad_parameters_are_a_400() {
    assertProblem(
        () -> api.evidenceBundle("rollout", "ro-ff", Optional.empty(), Optional.empty()),
        404,
        "no ledger entry is about rollout ro-ff");
    assertProblem(
        () -> api.evidenceBundle("rollout", "r 7", Optional.empty(), Optional.empty()),
        400,
        "not a valid rollout id");
    assertProblem(
        () -> api.evidenceBundle("release", "Web!", Optional.empty(), Optional.empty()),
        400,
        "not a valid release name");
    assertProblem(
        () -> api.evidenceBundle("rollout", "ro-a1", Optional.of(START), Optional.of(START)),
        400,
        "must be before until");
    assertProblem(
        () ->
            new dev.sextant.api.ApiClient(
                    java.net.URI.create("http://127.0.0.1:" + server.port()),
                    Optional.of(Admin.TOKEN))
                .text("api/v1/ledger/bundle?rollout=ro-a1&release=web"),
        400,
        "exactly one of the query parameters rollout, release and environment, found 2");
    assertProblem(
        () ->
            new dev.sextant.api.ApiClient(
                    java.net.URI.create("http://127.0.0.1:" + server.port()),
                    Optional.of(Admin.TOKEN))
                .text("api/v1/ledger/bundle?environment=lab&since=yesterday"),
        400,
        "query parameter since must be a UTC instant");
  }

  @Test
  void an_event_changed_behind_the_ledgers_back_gets_no_bundle() {
    api.publishLedgerHead();
    Jdbi.create(database.dataSource())
        .useHandle(
            h ->
                h.execute(
                    "update events set outcome = 'forged' where subject = 'rollout/ro-a1'"
                        + " and event_type = 'rollout.moved'"));

    assertThatThrownBy(() -> export("rollout", "ro-a1", Optional.empty()))
        .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(409))
        .hasMessageContaining("no longer hashes to its leaf")
        .hasMessageContaining("sextant audit verify");
  }

  private ApiClient raw() {
    return new ApiClient(URI.create("http://127.0.0.1:" + server.port()), Optional.of(Admin.TOKEN));
  }

  private EvidenceBundle export(String scope, String name, Optional<Instant> since) {
    String file = api.evidenceBundle(scope, name, since, Optional.empty());
    assertThat(file).endsWith("}\n").doesNotContain("\n ");
    return EvidenceBundleJson.read(file.getBytes(StandardCharsets.UTF_8));
  }

  private void append(Event event) {
    clock.advance(Duration.ofMinutes(1));
    database.write("append a test event", tx -> tx.events().append(event));
  }

  private static List<String> typesAndSubjects(EvidenceBundle bundle) {
    return bundle.entries().stream()
        .map(BundledEntry::entry)
        .map(entry -> entry.type() + " " + entry.subject())
        .toList();
  }

  private static void assertProblem(Runnable call, int status, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(status))
        .hasMessageContaining(message);
  }
}
