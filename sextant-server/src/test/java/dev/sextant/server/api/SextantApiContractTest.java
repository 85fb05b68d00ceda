package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.api.AgentRegistrationRequest;
import dev.sextant.api.AgentRegistrationResponse;
import dev.sextant.api.ApiClient;
import dev.sextant.api.ApiProblem;
import dev.sextant.api.AppliedResource;
import dev.sextant.api.ApplyResult;
import dev.sextant.api.DriftReportItem;
import dev.sextant.api.DriftReports;
import dev.sextant.api.EnvironmentDrift;
import dev.sextant.api.EventItem;
import dev.sextant.api.FingerprintDocument;
import dev.sextant.api.FingerprintHistory;
import dev.sextant.api.FingerprintRecorded;
import dev.sextant.api.FingerprintStatus;
import dev.sextant.api.LastKnownGood;
import dev.sextant.api.NamedInput;
import dev.sextant.api.ResourceHistory;
import dev.sextant.api.ResourceList;
import dev.sextant.api.ResourceRevision;
import dev.sextant.api.SextantClient;
import dev.sextant.api.ValidatedResource;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.fingerprint.FingerprintSigner;
import dev.sextant.core.fingerprint.SigningKeys;
import dev.sextant.server.Services;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@link dev.sextant.api.SextantApi} method once, through {@link SextantClient} against a
 * real {@link ApiServer}: the records come back filled as the server means them.
 */
class SextantApiContractTest {
  private static final String TOKEN = "s3cret-agent-token";
  private static final String ENVIRONMENT =
      """
      apiVersion: sextant.dev/v1
      kind: Environment
      metadata:
        name: gpu-lab
      spec:
        target:
          type: agent
        facts:
          gpu.driver.version: 535.104.05
        drift: block
      """;

  @TempDir Path home;
  private Services services;
  private ApiServer server;
  private ApiClient client;
  private SextantClient api;

  @BeforeEach
  void start() {
    services =
        Services.on(Database.h2(home, Clock.systemUTC()), AgentTokens.of(TOKEN), Clock.systemUTC());
    server = ApiServer.start(services, "127.0.0.1", 0);
    client = Admin.client(services.database(), server.port());
    api = new SextantClient(client);
  }

  @AfterEach
  void stop() {
    server.close();
    services.close();
  }

  private static List<NamedInput> environment() {
    return List.of(new NamedInput("gpu-lab.yaml", ENVIRONMENT.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void resources_apply_read_list_and_history_as_records() {
    ApplyResult dryRun = api.apply(environment(), true);
    assertThat(dryRun.valid()).contains(true);
    assertThat(dryRun.results()).isEmpty();
    ValidatedResource validated = dryRun.resources().orElseThrow().get(0);
    assertThat(validated.kind()).isEqualTo("Environment");
    assertThat(validated.name()).isEqualTo("gpu-lab");
    assertThat(validated.digest()).isNotBlank();
    assertThat(api.resource("environments", "gpu-lab")).isEmpty();

    ApplyResult applied = api.apply(environment(), false);
    assertThat(applied.valid()).isEmpty();
    assertThat(applied.resources()).isEmpty();
    AppliedResource result = applied.results().orElseThrow().get(0);
    assertThat(result.kind()).isEqualTo("Environment");
    assertThat(result.name()).isEqualTo("gpu-lab");
    assertThat(result.change()).isEqualTo("created");
    assertThat(result.revision()).isEqualTo(1);
    assertThat(result.digest()).isEqualTo(validated.digest());
    // The identity of the token, whatever author the request names.
    assertThat(result.appliedBy()).isEqualTo("admin");
    assertThat(Instant.parse(result.appliedAt())).isBeforeOrEqualTo(Instant.now());
    assertThat(api.apply(environment(), false).results().orElseThrow().get(0).change())
        .isEqualTo("unchanged");

    ResourceRevision latest = api.resource("environments", "gpu-lab").orElseThrow();
    assertThat(latest.kind()).isEqualTo("Environment");
    assertThat(latest.name()).isEqualTo("gpu-lab");
    assertThat(latest.document().has("status")).isFalse();
    assertThat(latest.document().path("spec").path("drift").asText()).isEqualTo("block");
    assertThat(latest.status()).isEqualTo(result.status());
    assertThat(api.resource("environments", "nowhere")).isEmpty();

    ResourceList all = api.resources(Optional.empty(), null);
    assertThat(all.apiVersion()).isEqualTo("sextant.dev/v1");
    assertThat(all.kind()).isEqualTo("List");
    assertThat(all.items()).containsExactly(latest);
    assertThat(api.resources(Optional.of("environments"), "").items()).containsExactly(latest);

    ResourceHistory history = api.history("environments", "gpu-lab").orElseThrow();
    assertThat(history.items()).containsExactly(result.status());
    assertThat(api.history("environments", "nowhere")).isEmpty();

    assertThat(api.revision("environments", "gpu-lab", 1)).contains(latest);
    assertThat(api.revision("environments", "gpu-lab", 2)).isEmpty();
  }

  @Test
  void records_are_written_in_the_order_the_api_has_always_used() {
    api.apply(environment(), false);
    String applied =
        client
            .exchange(
                "POST",
                "/api/v1/apply",
                java.util.Map.of("Content-Type", "application/yaml"),
                ENVIRONMENT.getBytes(StandardCharsets.UTF_8))
            .body();
    assertThat(applied)
        .matches(
            "\\{\"results\":\\[\\{\"kind\":\"Environment\",\"name\":\"gpu-lab\",\"change\":\"unchanged\",\"revision\":1,\"digest\":\"[^\"]+\",\"appliedBy\":\"admin\",\"appliedAt\":\"[^\"]+\"}]}");
    String dryRun =
        client
            .exchange(
                "POST",
                "/api/v1/apply?dryRun=true",
                java.util.Map.of("Content-Type", "application/yaml"),
                ENVIRONMENT.getBytes(StandardCharsets.UTF_8))
            .body();
    assertThat(dryRun)
        .matches(
            "\\{\"valid\":true,\"resources\":\\[\\{\"kind\":\"Environment\",\"name\":\"gpu-lab\",\"digest\":\"[^\"]+\"}]}");
    String resource =
        client
            .exchange("GET", "/api/v1/environments/gpu-lab", java.util.Map.of(), new byte[0])
            .body();
    assertThat(resource).startsWith("{\"apiVersion\":\"sextant.dev/v1\",\"kind\":\"Environment\"");
    assertThat(resource)
        .matches(
            ".*,\"status\":\\{\"revision\":1,\"digest\":\"[^\"]+\",\"appliedBy\":\"admin\",\"appliedAt\":\"[^\"]+\"}}");
    String list =
        client.exchange("GET", "/api/v1/resources", java.util.Map.of(), new byte[0]).body();
    assertThat(list)
        .startsWith(
            "{\"apiVersion\":\"sextant.dev/v1\",\"kind\":\"List\",\"items\":[" + resource + "]}");
    String history =
        client
            .exchange(
                "GET", "/api/v1/environments/gpu-lab/revisions", java.util.Map.of(), new byte[0])
            .body();
    assertThat(history)
        .matches(
            "\\{\"items\":\\[\\{\"revision\":1,\"digest\":\"[^\"]+\",\"appliedBy\":\"admin\",\"appliedAt\":\"[^\"]+\"}]}");
  }

  @Test
  void fingerprints_and_drift_as_records() {
    api.apply(environment(), false);
    SextantClient agent = new SextantClient(new ApiClient(client.base(), Optional.of(TOKEN)));
    KeyPair keys = SigningKeys.generate(new SecureRandom());
    AgentRegistrationResponse registered =
        agent.registerAgent(
            new AgentRegistrationRequest(
                "lab-1", "gpu-lab", SigningKeys.encodePublic(keys.getPublic())));
    assertThat(registered.change()).isEqualTo("registered");
    assertThat(registered.keyId()).isNotBlank();
    assertThat(api.fingerprints("gpu-lab")).isEmpty();
    assertThat(api.latestFingerprint("gpu-lab")).isEmpty();

    FingerprintRecorded reported = agent.reportFingerprint("lab-1", signed(keys, "550.54.15"));
    assertThat(reported.environment()).isEqualTo("gpu-lab");
    assertThat(reported.revision()).isEqualTo(1);
    assertThat(reported.change()).isEqualTo("recorded");
    assertThat(reported.signerKeyId()).contains(registered.keyId());
    assertThat(reported.collectedAt()).isEqualTo("2026-11-20T09:00:00Z");
    assertThat(reported.source()).isNotBlank();

    FingerprintRecorded recorded =
        api.recordFingerprint(
            "gpu-lab",
            new NamedInput("lab.json", unsigned("535.104.05").getBytes(StandardCharsets.UTF_8)),
            "application/json");
    assertThat(recorded.revision()).isEqualTo(2);
    assertThat(recorded.change()).isEqualTo("recorded");
    assertThat(recorded.signerKeyId()).isEmpty();
    assertThat(recorded.source()).isEqualTo("file:lab.json");

    FingerprintHistory history = api.fingerprints("gpu-lab").orElseThrow();
    assertThat(history.items())
        .extracting(FingerprintStatus::revision)
        .containsExactlyInAnyOrder(1L, 2L);
    FingerprintDocument first = api.fingerprint("gpu-lab", 1).orElseThrow();
    assertThat(first.status().digest()).isEqualTo(reported.digest());
    assertThat(first.status().signerKeyId()).contains(registered.keyId());
    assertThat(first.document().has("status")).isFalse();
    assertThat(first.document().isEmpty()).isFalse();
    assertThat(api.latestFingerprint("gpu-lab").orElseThrow().status().revision()).isEqualTo(2);
    assertThat(api.fingerprint("gpu-lab", 3)).isEmpty();

    LastKnownGood good = api.acceptFingerprint("gpu-lab", Optional.of(1L));
    assertThat(good.revision()).isEqualTo(1);
    assertThat(good.digest()).isEqualTo(reported.digest());
    assertThat(good.markedBy()).isEqualTo("admin");
    assertThat(Instant.parse(good.markedAt())).isBeforeOrEqualTo(Instant.now());

    EnvironmentDrift drift = api.drift("gpu-lab").orElseThrow();
    assertThat(drift.environment()).isEqualTo("gpu-lab");
    assertThat(drift.action()).isEqualTo("block");
    assertThat(drift.latest().orElseThrow().revision()).isEqualTo(2);
    assertThat(drift.lastKnownGood().orElseThrow().revision()).isEqualTo(1);
    assertThat(drift.drifted()).isTrue();
    assertThat(drift.sinceLastKnownGood().path("changes")).hasSize(1);
    assertThat(drift.declared().path("changes")).isEmpty();
    assertThat(api.drift("nowhere")).isEmpty();

    DriftReports reports = api.driftReports("gpu-lab", 10);
    assertThat(reports.items()).isNotEmpty();
    DriftReportItem report = reports.items().get(0);
    assertThat(report.id()).isPositive();
    assertThat(report.kind()).isNotBlank();
    assertThat(report.baseline()).startsWith("sha256:");
    assertThat(report.current()).startsWith("sha256:");
    assertThat(report.differences()).isPositive();
    assertThat(report.action()).isEqualTo("block");
    assertThat(report.report().path("changes").isArray()).isTrue();
  }

  @Test
  void an_environment_without_fingerprints_drifts_with_nulls() {
    api.apply(environment(), false);
    String drift =
        client
            .exchange("GET", "/api/v1/environments/gpu-lab/drift", java.util.Map.of(), new byte[0])
            .body();
    assertThat(drift)
        .isEqualTo(
            "{\"environment\":\"gpu-lab\",\"drifted\":false,\"action\":\"block\",\"blocked\":false,\"latest\":null,\"lastKnownGood\":null,\"declared\":null,\"sinceLastKnownGood\":null}");
    EnvironmentDrift record = api.drift("gpu-lab").orElseThrow();
    assertThat(record.latest()).isEmpty();
    assertThat(record.lastKnownGood()).isEmpty();
    assertThat(record.declared().isNull()).isTrue();
  }

  @Test
  void events_list_and_stream_as_records() {
    api.apply(environment(), false);
    List<EventItem> events = api.events(Optional.of("resource.applied"), 10);
    assertThat(events).hasSize(1);
    EventItem applied = events.get(0);
    assertThat(applied.sequence()).isPositive();
    assertThat(applied.type()).isEqualTo("resource.applied");
    assertThat(applied.subject()).isNotBlank();
    assertThat(applied.outcome()).isNotBlank();
    assertThat(Instant.parse(applied.time())).isBeforeOrEqualTo(Instant.now());
    assertThat(applied.detail()).isNotNull();

    List<EventItem> streamed = new java.util.ArrayList<>();
    api.streamEvents(applied.sequence() - 1, event -> !streamed.add(event));
    assertThat(streamed).containsExactly(applied);
  }

  @Test
  void notifications_list_and_replay_as_records() {
    // Deliveries with content are followed through real rollouts in NotificationsTest.
    assertThat(api.deadLetters(10).items()).isEmpty();
    assertThat(api.deliveries("ro-0").items()).isEmpty();
    assertThatThrownBy(() -> api.replay(1))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.getMessage()).contains("no notification 1");
            });
  }

  private static String signed(KeyPair signer, String driver) {
    return FingerprintFiles.json(new FingerprintSigner(signer).sign(fingerprint(driver)));
  }

  private static String unsigned(String driver) {
    return FingerprintFiles.json(fingerprint(driver));
  }

  private static Fingerprint fingerprint(String driver) {
    return Fingerprint.of(
            Map.of(
                "gpu.driver.version",
                new Fact.Version(driver),
                "cpu.arch",
                new Fact.Text("x86_64")))
        .collectedAt(Instant.parse("2026-11-20T09:00:00Z"))
        .describing("gpu-lab");
  }
}
