package dev.sextant.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.api.ApiProblem;
import dev.sextant.api.DeliveryReport;
import dev.sextant.api.DeliveryReportRequest;
import dev.sextant.api.ProblemKind;
import dev.sextant.api.ServiceDelivery;
import dev.sextant.api.SextantClient;
import dev.sextant.core.validation.Input;
import dev.sextant.server.Lab;
import dev.sextant.server.Services;
import dev.sextant.server.discovery.AgentTokens;
import dev.sextant.server.store.Database;
import dev.sextant.server.store.DeploymentStarted;
import dev.sextant.server.store.RolloutMoved;
import dev.sextant.server.store.SettableClock;
import dev.sextant.server.store.StoredDeployment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DORA's figures through the real API and /metrics, over rollouts written through the real
 * repositories on a clock the test moves: each rollout's events are recorded at known times.
 */
class DeliveryReportApiTest {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  @TempDir Path home;
  private final SettableClock clock = new SettableClock(T0);
  private Services services;
  private ApiServer server;
  private SextantClient api;

  @BeforeEach
  void start() {
    Database database = Database.h2(home, clock);
    services = Services.on(database, AgentTokens.of("lab-token"), clock);
    services.resources().apply(List.of(Lab.declaring("x86_64"), release(1)), "alice");
    server = ApiServer.start(services, "127.0.0.1", 0);
    api = new SextantClient(Admin.client(database, server.port()));
  }

  @AfterEach
  void stop() {
    server.close();
    services.close();
  }

  /** payments-1 succeeds 3 h after its release; payments-2 fails, then succeeds 5 h after it. */
  private void deliver() {
    clock.advance(Duration.ofHours(1));
    rollout("ro-a1", 1, Duration.ofHours(2), "succeeded");
    clock.advance(Duration.ofHours(21));
    services.resources().apply(List.of(release(2)), "alice");
    clock.advance(Duration.ofHours(1));
    rollout("ro-b2", 2, Duration.ofHours(1), "failed");
    clock.advance(Duration.ofHours(1));
    rollout("ro-c2", 2, Duration.ofHours(2), "succeeded");
    clock.advance(Duration.ofDays(9));
  }

  @Test
  void the_report_gives_the_four_figures_of_the_rollouts_in_the_window() {
    deliver();

    DeliveryReport report = api.deliveryReport(request(null, null, "30d"));

    assertThat(report.until()).isEqualTo(clock.instant().toString());
    assertThat(report.since()).isEqualTo(clock.instant().minus(Duration.ofDays(30)).toString());
    ServiceDelivery payments = report.items().get(0);
    assertThat(report.items()).hasSize(1);
    assertThat(payments.environment()).isEqualTo("lab");
    assertThat(payments.service()).isEqualTo("payments");
    assertThat(payments.deployments()).isEqualTo(2);
    assertThat(payments.deploymentsPerDay()).isCloseTo(2.0 / 30, within(1e-12));
    // Lead times 3 h and 5 h.
    assertThat(payments.leadTimeMedianSeconds()).contains(4 * 3_600.0);
    assertThat(payments.leadTimeP90Seconds()).contains(17_280.0);
    assertThat(payments.finished()).isEqualTo(3);
    assertThat(payments.failures()).isEqualTo(1);
    assertThat(payments.changeFailureRate().orElseThrow()).isCloseTo(1.0 / 3, within(1e-12));
    // ro-b2 failed at T0+1d+2h, ro-c2 succeeded at T0+1d+5h.
    assertThat(payments.restorations()).isEqualTo(1);
    assertThat(payments.timeToRestoreMedianSeconds()).contains(3 * 3_600.0);
  }

  @Test
  void a_window_or_a_filter_with_no_rollout_in_it_gives_no_figures() {
    deliver();

    assertThat(api.deliveryReport(request(null, null, "1d")).items()).isEmpty();
    assertThat(api.deliveryReport(request("lab", "checkout", null)).items()).isEmpty();
    assertThat(api.deliveryReport(request("lab", "payments", null)).items()).hasSize(1);
  }

  @Test
  void a_figure_without_data_is_left_out_of_the_json_rather_than_zero() {
    clock.advance(Duration.ofHours(1));
    rollout("ro-d1", 1, Duration.ofHours(1), "failed");

    String json =
        api.client().get(request(null, null, null).path()).orElseThrow().path("items").toString();

    assertThat(json)
        .contains("\"changeFailureRate\":1.0")
        .doesNotContain("leadTime")
        .doesNotContain("timeToRestore");
  }

  @Test
  void a_bad_window_is_a_400_problem_that_says_what_is_expected() {
    assertThatThrownBy(() -> api.deliveryReport(request(null, null, "a month")))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(400);
              assertThat(p.kind()).isEqualTo(ProblemKind.INVALID);
              assertThat(p.getMessage())
                  .contains("query parameter window must be a length of time such as 30d")
                  .contains("found \"a month\"");
            });
    assertThatThrownBy(() -> api.deliveryReport(request(null, null, "0d")))
        .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.status()).isEqualTo(400));
  }

  @Test
  void the_figures_are_gauges_at_metrics() throws Exception {
    deliver();

    String metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                    .header("Authorization", "Bearer " + Admin.TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();

    assertThat(metrics)
        .contains(
            "sextant_dora_deployment_frequency_per_day{environment=\"lab\",service=\"payments\"}"
                + " 0.0666")
        .contains(
            "sextant_dora_change_failure_ratio{environment=\"lab\",service=\"payments\"} 0.333")
        .contains(
            "sextant_dora_lead_time_seconds{environment=\"lab\",quantile=\"0.5\","
                + "service=\"payments\"} 14400.0")
        .contains(
            "sextant_dora_time_to_restore_seconds{environment=\"lab\",service=\"payments\"}"
                + " 10800.0");
  }

  /** A rollout of release payments-N that starts now and ends {@code took} later. */
  private void rollout(String id, int release, Duration took, String outcome) {
    services
        .database()
        .write(
            "start " + id,
            tx -> {
              tx.rollouts()
                  .create(
                      id,
                      "payments",
                      "lab",
                      "1",
                      "1",
                      1,
                      JsonNodeFactory.instance.objectNode(),
                      "pending",
                      "alice");
              tx.events()
                  .append(
                      new DeploymentStarted(
                          id,
                          "payments",
                          "lab",
                          "payments-" + release,
                          1,
                          "jar",
                          Optional.empty(),
                          "alice",
                          new java.util.TreeMap<>()));
              tx.deployments()
                  .add(new StoredDeployment(id, "payments-" + release, 1, "jar", Optional.empty()));
              tx.rollouts()
                  .advance(id, 0, event("Started"), "progressing", 0, List.of(), List.of());
              tx.events().append(new RolloutMoved(id, 1, "started", "progressing", 0, "", 0));
              return null;
            });
    clock.advance(took);
    services
        .database()
        .write(
            "end " + id,
            tx -> {
              tx.rollouts()
                  .advance(
                      id,
                      1,
                      event(outcome.equals("succeeded") ? "StepFinished" : "StepFailed"),
                      outcome,
                      outcome.equals("succeeded") ? 100 : 0,
                      List.of(),
                      List.of());
              tx.events().append(new RolloutMoved(id, 2, "ended", outcome, 0, outcome, 0));
              return null;
            });
  }

  private String event(String type) {
    return "{\"type\":\"" + type + "\",\"at\":\"" + clock.instant() + "\"}";
  }

  private static DeliveryReportRequest request(String environment, String service, String window) {
    return new DeliveryReportRequest(
        Optional.ofNullable(environment),
        Optional.ofNullable(service),
        Optional.ofNullable(window));
  }

  private static Input release(int number) {
    String yaml =
        """
        apiVersion: sextant.dev/v1
        kind: Release
        metadata:
          name: payments-%d
        spec:
          service: payments
          version: 1.0.%d
          variants:
            - name: jar
              artifact:
                url: https://artifacts.example.com/payments-1.0.%d.jar
                sha256: %s
              run:
                command: [java, -jar, "{{artifact}}", "--port={{port}}"]
        """
            .formatted(number, number, number, "ab".repeat(32));
    return new Input("payments-" + number + ".yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }
}
