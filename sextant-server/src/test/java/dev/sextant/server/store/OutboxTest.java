package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sextant.core.access.Grant;
import dev.sextant.core.access.Role;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.fingerprint.FingerprintSigner;
import dev.sextant.core.fingerprint.SigningKeys;
import dev.sextant.core.provenance.PublicKeys;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.LabelSelector;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.validation.Input;
import dev.sextant.server.Lab;
import dev.sextant.server.Services;
import dev.sextant.server.access.AccessControl;
import dev.sextant.server.access.AccessRefusal;
import dev.sextant.server.access.Principal;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.discovery.DiscoveryService;
import dev.sextant.server.discovery.DriftWatch;
import dev.sextant.server.discovery.Refusal;
import dev.sextant.server.plan.PlanService;
import dev.sextant.server.service.ResourceService;
import dev.sextant.server.trust.TrustStore;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing changes state without its event: every public method of the services is listed here as
 * one that changes state or one that only reads. Each that changes state must append exactly one
 * event in the unit of work of its change, and when that append fails, the change must be rolled
 * back with it; each that reads must change nothing. A new method that is not listed fails {@link
 * #every_public_service_method_is_listed_as_a_change_or_a_read}.
 */
class OutboxTest {
  private static final String TOKEN = "outbox-test-token";
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  /** Who changes access in these scenarios: the store's own user, admin everywhere. */
  private static final Principal ADMIN = Principal.local("root");

  /** Who asks for the plans these scenarios approve: another admin. */
  private static final Principal ALICE = Principal.local("alice");

  /** The example release that prod-signed-releases holds for approval in prod-us. */
  private static final String RELEASE = "payments-api-2-4-0";

  /** The state-changing methods, each with what must exist first and the call itself. */
  private static final Map<String, Scenario> CHANGES =
      Map.ofEntries(
          Map.entry(
              "ResourceService.apply(List, String)",
              new Scenario(
                  f -> {}, f -> f.resources().apply(List.of(f.labEnvironment("x86_64")), "alice"))),
          Map.entry(
              "ResourceService.apply(List, String, Consumer)",
              new Scenario(
                  f -> {},
                  f ->
                      f.resources()
                          .apply(List.of(f.labEnvironment("x86_64")), "alice", resources -> {}))),
          Map.entry(
              "AccessControl.bootstrap(Optional)",
              new Scenario(f -> {}, f -> f.access().bootstrap(Optional.empty()))),
          Map.entry(
              "AccessControl.recoverAdmin(Optional)",
              new Scenario(f -> {}, f -> f.access().recoverAdmin(Optional.empty()))),
          Map.entry(
              "AccessControl.createToken(Principal, String, Optional, Optional, String)",
              new Scenario(f -> {}, Fixture::createToken)),
          Map.entry(
              "AccessControl.revokeToken(Principal, String)",
              new Scenario(
                  Fixture::createToken,
                  f ->
                      f.access()
                          .revokeToken(
                              ADMIN, f.access().tokens(ADMIN, Optional.of("bob")).get(0).id()))),
          Map.entry(
              "AccessControl.grant(Principal, String, Grant)",
              new Scenario(
                  Fixture::createToken, f -> f.access().grant(ADMIN, "bob", Fixture.APPROVER))),
          Map.entry(
              "AccessControl.revokeGrant(Principal, String, Grant)",
              new Scenario(
                  f -> {
                    f.createToken();
                    f.access().grant(ADMIN, "bob", Fixture.APPROVER);
                  },
                  f -> f.access().revokeGrant(ADMIN, "bob", Fixture.APPROVER))),
          Map.entry(
              "PlanService.submit(Principal, String, String)",
              new Scenario(Fixture::declareProdUs, Fixture::submitPlan)),
          Map.entry(
              "PlanService.approve(Principal, long, Digest)",
              new Scenario(
                  f -> {
                    f.declareProdUs();
                    f.plans().submit(ALICE, RELEASE, "prod-us");
                  },
                  f -> f.plans().approve(ADMIN, 1, f.plans().plan(1).plan().digest()))),
          Map.entry(
              "DiscoveryService.register(Optional, String, String, String)",
              new Scenario(Fixture::declareLab, Fixture::registerAgent)),
          Map.entry(
              "DiscoveryService.report(Optional, String, byte[])",
              new Scenario(
                  f -> {
                    f.declareLab();
                    f.registerAgent();
                  },
                  f -> f.discovery().report(Optional.of(TOKEN), "gpu-01", f.signedReport()))),
          Map.entry(
              "DiscoveryService.record(String, Fingerprint, String, String)",
              new Scenario(Fixture::declareLab, Fixture::recordFingerprint)),
          Map.entry(
              "DiscoveryService.accept(String, Optional, String)",
              new Scenario(
                  f -> {
                    f.declareLab();
                    f.recordFingerprint();
                  },
                  f -> f.discovery().accept("lab", Optional.empty(), "alice"))),
          Map.entry(
              "DriftWatch.check(String)",
              new Scenario(Fixture::driftingLab, f -> f.drift().check("lab"))),
          Map.entry(
              "DriftWatch.checkAll()",
              new Scenario(Fixture::driftingLab, f -> f.drift().checkAll())),
          Map.entry(
              "TrustStore.trust(Principal, String, Optional)",
              new Scenario(f -> {}, Fixture::trustKey)),
          Map.entry(
              "TrustStore.revoke(Principal, String)",
              new Scenario(
                  Fixture::trustKey,
                  f -> f.trust().revoke(ADMIN, PublicKeys.id(Fixture.KEYS.getPublic())))));

  /** The methods that record a refusal made elsewhere: one event, and no other change. */
  private static final Map<String, Consumer<Fixture>> RECORDS =
      Map.of(
          "AccessControl.denied(AccessDenied)",
          f ->
              f.access()
                  .denied(
                      new AccessDenied(
                          "anonymous", "GET", "/api/v1/releases", "127.0.0.1", 401, "no token")));

  /** The changes that write more than one event: the first admin's token and its grant. */
  private static final Map<String, Integer> EVENTS =
      Map.of("AccessControl.bootstrap(Optional)", 2, "AccessControl.recoverAdmin(Optional)", 2);

  /** The methods that only read, each with a call on a store that has something to read. */
  private static final Map<String, Consumer<Fixture>> READS =
      Map.ofEntries(
          Map.entry(
              "ResourceService.validate(List)",
              f -> f.resources().validate(List.of(f.labEnvironment("aarch64")))),
          Map.entry("ResourceService.latest(ResourceKey)", f -> f.resources().latest(Fixture.LAB)),
          Map.entry(
              "ResourceService.list(Optional, String)",
              f -> f.resources().list(Optional.empty(), "tier=lab")),
          Map.entry(
              "ResourceService.history(ResourceKey)", f -> f.resources().history(Fixture.LAB)),
          Map.entry(
              "ResourceService.revision(ResourceKey, long)",
              f -> f.resources().revision(Fixture.LAB, 1)),
          Map.entry("ResourceService.ping()", f -> f.resources().ping()),
          Map.entry("DiscoveryService.history(String)", f -> f.discovery().history("lab")),
          Map.entry("DiscoveryService.latest(String)", f -> f.discovery().latest("lab")),
          Map.entry(
              "DiscoveryService.revision(String, long)", f -> f.discovery().revision("lab", 1)),
          Map.entry("DriftWatch.status(String)", f -> f.drift().status("lab")),
          Map.entry("DriftWatch.reports(String, int)", f -> f.drift().reports("lab", 10)),
          Map.entry("DriftWatch.blocked(String)", f -> f.drift().blocked("lab")),
          Map.entry(
              "DriftWatch.whenFound(BiConsumer)", f -> f.drift().whenFound((at, reports) -> {})),
          Map.entry(
              "AccessControl.authenticate(Optional)",
              f ->
                  assertThat(
                          catchThrowable(
                              () -> f.access().authenticate(Optional.of("sxt_not-a-token"))))
                      .isInstanceOf(AccessRefusal.class)),
          Map.entry(
              "AccessControl.tokens(Principal, Optional)",
              f -> f.access().tokens(ADMIN, Optional.empty())),
          Map.entry(
              "AccessControl.grants(Principal, Optional)",
              f -> f.access().grants(ADMIN, Optional.empty())),
          Map.entry("AccessControl.now()", f -> f.access().now()),
          Map.entry(
              "PlanService.plan(long)",
              f ->
                  assertThat(catchThrowable(() -> f.plans().plan(1)))
                      .isInstanceOf(AccessRefusal.class)),
          Map.entry("PlanService.plans(int)", f -> f.plans().plans(10)),
          Map.entry("TrustStore.keys(Principal)", f -> f.trust().keys(ADMIN)),
          Map.entry("TrustStore.trusted()", f -> f.trust().trusted()),
          Map.entry("TrustStore.digest()", f -> f.trust().digest()),
          Map.entry("TrustStore.digest(TrustedKeys)", f -> TrustStore.digest(f.trust().trusted())),
          Map.entry(
              "TrustStore.active(Transaction)",
              f -> f.database().read("read the trusted keys", TrustStore::active)),
          Map.entry(
              "TrustStore.of(List)",
              f -> TrustStore.of(f.database().read("read the trusted keys", TrustStore::active))),
          Map.entry(
              "PlanService.unchanged(long)",
              f ->
                  assertThat(catchThrowable(() -> f.plans().unchanged(1)))
                      .isInstanceOf(AccessRefusal.class)));

  @RegisterExtension final TestDatabases databases = new TestDatabases(new SettableClock(NOW));

  @Test
  void every_public_service_method_is_listed_as_a_change_or_a_read() {
    List<String> unlisted =
        Stream.of(
                ResourceService.class,
                DiscoveryService.class,
                DriftWatch.class,
                AccessControl.class,
                PlanService.class,
                TrustStore.class)
            .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
            .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
            .map(OutboxTest::signature)
            .filter(
                name ->
                    !CHANGES.containsKey(name)
                        && !READS.containsKey(name)
                        && !RECORDS.containsKey(name))
            .sorted()
            .toList();

    assertThat(unlisted)
        .as("say in OutboxTest whether these change state (and check their event) or only read")
        .isEmpty();
  }

  static Stream<Arguments> changes() {
    return Arrays.stream(Db.values())
        .flatMap(db -> new TreeMap<>(CHANGES).keySet().stream().map(m -> Arguments.of(db, m)));
  }

  static Stream<Arguments> reads() {
    return Arrays.stream(Db.values())
        .flatMap(db -> new TreeMap<>(READS).keySet().stream().map(m -> Arguments.of(db, m)));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("changes")
  void a_state_change_appends_exactly_one_event_in_its_unit_of_work(Db db, String method)
      throws Exception {
    Fixture fixture = open(db);
    Scenario scenario = CHANGES.get(method);
    scenario.setup().accept(fixture);
    var before = Tables.snapshot(fixture.database());
    long sequence = fixture.lastSequence();

    scenario.change().accept(fixture);

    assertThat(fixture.lastSequence())
        .as("events appended by " + method)
        .isEqualTo(sequence + EVENTS.getOrDefault(method, 1));
    var after = Tables.snapshot(fixture.database());
    assertThat(changedStateTables(before, after)).as("state changed by " + method).isNotEmpty();
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("changes")
  void a_state_change_whose_event_cannot_be_appended_is_rolled_back_with_it(Db db, String method)
      throws Exception {
    Fixture fixture = open(db);
    Scenario scenario = CHANGES.get(method);
    scenario.setup().accept(fixture);
    long sequence = fixture.lastSequence();
    // The events already there stay valid; the next one cannot be inserted.
    Tables.execute(
        fixture.database(),
        "alter table events add constraint test_no_more_events check (sequence_number <= "
            + sequence
            + ")");
    var before = Tables.snapshot(fixture.database());

    Throwable failure = catchThrowable(() -> scenario.change().accept(fixture));

    if (!method.equals("DriftWatch.checkAll()")) {
      // checkAll logs a failing environment and goes on with the next, by design.
      assertThat(failure).as(method).isInstanceOf(StoreException.class);
    }
    assertThat(Tables.snapshot(fixture.database())).as("state after " + method).isEqualTo(before);
  }

  /** The refusals of each state-changing method that can refuse, and the type of their event. */
  private static final Map<String, Scenario> REFUSALS =
      Map.of(
          AgentRefused.TYPE,
          new Scenario(
              Fixture::declareLab,
              f ->
                  f.discovery()
                      .register(
                          Optional.of("wrong"),
                          "gpu-01",
                          "lab",
                          SigningKeys.encodePublic(Fixture.KEYS.getPublic()))),
          FingerprintRejected.TYPE,
          new Scenario(
              Fixture::declareLab,
              f -> f.discovery().report(Optional.of(TOKEN), "ghost", f.signedReport())),
          RequestRefused.TYPE + " (record)",
          new Scenario(f -> {}, Fixture::recordFingerprint),
          RequestRefused.TYPE + " (accept)",
          new Scenario(
              Fixture::declareLab, f -> f.discovery().accept("lab", Optional.empty(), "alice")),
          ApprovalRefused.TYPE + " (the requester's own plan)",
          new Scenario(
              f -> {
                f.declareProdUs();
                f.submitPlan();
              },
              f -> f.plans().approve(ADMIN, 1, f.plans().plan(1).plan().digest())),
          RequestRefused.TYPE + " (record for a malformed name)",
          new Scenario(
              f -> {},
              f -> f.discovery().record("gh ost", Fixture.fingerprint(), "file:x", "operator")));

  static Stream<Arguments> refusals() {
    return Arrays.stream(Db.values())
        .flatMap(db -> new TreeMap<>(REFUSALS).keySet().stream().map(r -> Arguments.of(db, r)));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("refusals")
  void a_refusal_appends_its_event_and_changes_nothing_else(Db db, String refusal) {
    Fixture fixture = open(db);
    Scenario scenario = REFUSALS.get(refusal);
    scenario.setup().accept(fixture);
    var before = Tables.snapshot(fixture.database());

    Throwable failure = catchThrowable(() -> scenario.change().accept(fixture));

    assertThat(failure).isInstanceOfAny(Refusal.class, AccessRefusal.class);
    var after = Tables.snapshot(fixture.database());
    assertThat(changedStateTables(before, after)).isEmpty();
    List<LoggedEvent> last = fixture.services().events(EventQuery.last(1));
    assertThat(last.get(0).sequence()).isEqualTo(fixture.lastSequence());
    assertThat(refusal).startsWith(last.get(0).envelope().type());
    assertThat(last.get(0).envelope().reason()).contains(failure.getMessage());
  }

  static Stream<Arguments> records() {
    return Arrays.stream(Db.values())
        .flatMap(db -> new TreeMap<>(RECORDS).keySet().stream().map(m -> Arguments.of(db, m)));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("records")
  void recording_a_refusal_appends_its_event_and_changes_nothing_else(Db db, String method)
      throws Exception {
    Fixture fixture = open(db);
    var before = Tables.snapshot(fixture.database());
    long sequence = fixture.lastSequence();

    RECORDS.get(method).accept(fixture);

    assertThat(fixture.lastSequence()).as("events appended by " + method).isEqualTo(sequence + 1);
    assertThat(changedStateTables(before, Tables.snapshot(fixture.database()))).isEmpty();
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("reads")
  void a_read_changes_nothing_and_appends_no_event(Db db, String method) throws Exception {
    Fixture fixture = open(db);
    fixture.driftingLab();
    fixture.drift().check("lab");
    var before = Tables.snapshot(fixture.database());

    READS.get(method).accept(fixture);

    assertThat(Tables.snapshot(fixture.database())).as("state after " + method).isEqualTo(before);
  }

  private static List<String> changedStateTables(
      Map<String, List<String>> before, Map<String, List<String>> after) {
    return before.keySet().stream()
        .filter(t -> !t.startsWith("event"))
        .filter(t -> !before.get(t).equals(after.get(t)))
        .collect(Collectors.toList());
  }

  private static String signature(Method method) {
    return method.getDeclaringClass().getSimpleName()
        + "."
        + method.getName()
        + Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", ", "(", ")"));
  }

  private Fixture open(Db db) {
    return new Fixture(
        Services.on(databases.open(db), AgentTokens.of(TOKEN), new SettableClock(NOW)));
  }

  private record Scenario(Consumer<Fixture> setup, Consumer<Fixture> change) {}

  /** A store with an environment "lab" that declares {@code cpu.arch}, and the calls on it. */
  private record Fixture(Services services) {
    static final ResourceKey LAB = new ResourceKey(Kind.ENVIRONMENT, "lab");
    private static final KeyPair KEYS = SigningKeys.generate(new SecureRandom());

    Database database() {
      return services.database();
    }

    ResourceService resources() {
      return services.resources();
    }

    DiscoveryService discovery() {
      return services.discovery();
    }

    DriftWatch drift() {
      return services.drift();
    }

    long lastSequence() {
      return database().read("count events", tx -> tx.events().lastSequence());
    }

    Input labEnvironment(String arch) {
      return Lab.declaring(arch);
    }

    void declareLab() {
      resources().apply(List.of(labEnvironment("x86_64")), "alice");
    }

    /** The lab with a fingerprint, then declared as another architecture: drift to be found. */
    void driftingLab() {
      declareLab();
      recordFingerprint();
      resources().apply(List.of(labEnvironment("aarch64")), "alice");
    }

    void registerAgent() {
      discovery()
          .register(
              Optional.of(TOKEN), "gpu-01", "lab", SigningKeys.encodePublic(KEYS.getPublic()));
    }

    void recordFingerprint() {
      discovery().record("lab", fingerprint(), "file:lab.yaml", "operator");
    }

    static final Grant APPROVER = new Grant(Role.APPROVER, LabelSelector.EVERYTHING);

    AccessControl access() {
      return services.access();
    }

    PlanService plans() {
      return services.plans();
    }

    /** The example prod-us, the release and service it plans, and the policy that holds it. */
    void declareProdUs() {
      resources()
          .apply(
              Stream.of(
                      "environments/prod-us.yaml",
                      "policies/prod-signed-releases.yaml",
                      "services/payments-api.yaml",
                      "services/fraud-detector.yaml",
                      "releases/payments-api-2.4.0.yaml")
                  .map(Fixture::example)
                  .toList(),
              "alice");
    }

    void submitPlan() {
      plans().submit(ADMIN, RELEASE, "prod-us");
    }

    private static Input example(String file) {
      try {
        return new Input(file, Files.readAllBytes(Path.of("..", "examples", file)));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    TrustStore trust() {
      return services.trust();
    }

    void trustKey() {
      trust().trust(ADMIN, PublicKeys.toPem(KEYS.getPublic()), Optional.of("outbox"));
    }

    void createToken() {
      access()
          .createToken(
              ADMIN, "bob", Optional.empty(), Optional.of(Duration.ofDays(1)), "for the test");
    }

    byte[] signedReport() {
      return FingerprintFiles.json(
              new FingerprintSigner(KEYS).sign(fingerprint().describing("lab")))
          .getBytes(StandardCharsets.UTF_8);
    }

    static Fingerprint fingerprint() {
      return Lab.host("x86_64").with("gpu.driver.version", new Fact.Version("550.54.15"));
    }
  }
}
