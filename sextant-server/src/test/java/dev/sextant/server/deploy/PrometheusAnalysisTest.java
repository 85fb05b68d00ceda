package dev.sextant.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.api.ApiClient;
import dev.sextant.core.validation.Input;
import dev.sextant.server.Lab;
import dev.sextant.server.PrometheusSetting;
import dev.sextant.server.ServerConfig;
import dev.sextant.server.SextantServer;
import dev.sextant.server.store.EventQuery;
import dev.sextant.server.store.RolloutJudged;
import dev.sextant.server.store.StoreLocation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canaries judged against a baseline, and gated on their error budget's burn rate, on a real
 * Prometheus's numbers: a real server runs its own Prometheus (Debian's package, installed when
 * missing), which scrapes the sample service's instances as the local target publishes them; a load
 * runs through HAProxy the whole time.
 */
class PrometheusAnalysisTest {
  private static final String TOKEN = "sxt_the-judged-canary-tests-token";

  /** 20% to the canary (and 20% to its baseline), the judged analysis, promote. */
  private static final String STRATEGY =
      """
      apiVersion: sextant.dev/v1
      kind: Strategy
      metadata:
        name: judged-%1$s
      spec:
        canary:
          steps:
            - setWeight: 20
            - analysis:
                templates: [%1$s]
            - promote: {}
        abort:
          onFailure: rollback
          progressDeadline: 2m
      """;

  /** One critical metric that must have data, eight one-second samples of each side. */
  private static final String TEMPLATE =
      """
      apiVersion: sextant.dev/v1
      kind: AnalysisTemplate
      metadata:
        name: %s
      spec:
        metrics:
          - name: %s
            interval: 1s
            initialDelay: 3s
            count: 8
            provider:
              prometheus:
                query: >-
                  %s
        judge:
          mannWhitney:
            confidence: 0.95
            effectSize: 0.25
            marginal: 50
            pass: 75
          metrics:
            - name: %s
              direction: increase
              critical: true
              mustHaveData: %s
      """;

  /**
   * A 99% SLO over {@code period}, with one window pair: the canary's error ratio over each window
   * ({{window}}), measured three times a second apart, first after 8 s, so that Prometheus has
   * scraped the new canary a few times even on a loaded machine (asked at 4 s, the 5 s window once
   * held no sample yet on CI's two cores, and no data is inconclusive for another reason than the
   * one a test looks for); no data twice is still not inconclusive.
   */
  private static final String GATED =
      """
      apiVersion: sextant.dev/v1
      kind: AnalysisTemplate
      metadata:
        name: %s
      spec:
        metrics:
          - name: error-ratio
            interval: 1s
            initialDelay: 8s
            count: 3
            inconclusiveLimit: 2
            provider:
              prometheus:
                query: >-
                  sum(rate(sample_requests_total{service="sample",track="canary",code="500"}[{{window}}]))
                  / sum(rate(sample_requests_total{service="sample",track="canary"}[{{window}}]))
        burnRate:
          slo: 99
          metric: error-ratio
          period: %s
          windows:
            - long: 20s
              short: 5s
              factor: %s
      """;

  private static final String ERROR_RATIO =
      "sum(rate(sample_requests_total{service=\"sample\",track=\"{{track}}\",code=\"500\"}[3s]))"
          + " / sum(rate(sample_requests_total{service=\"sample\",track=\"{{track}}\"}[3s]))";
  private static final String LATENCY =
      "histogram_quantile(0.9, sum by (le) (rate(sample_request_duration_seconds_bucket"
          + "{service=\"sample\",track=\"{{track}}\"}[3s])))";
  private static final String NOTHING = "sum(rate(no_such_metric_total{track=\"{{track}}\"}[3s]))";

  @TempDir Path home;
  private SextantServer server;
  private ApiClient api;
  private Rollouts rollouts;
  private SampleJar jar;

  @BeforeEach
  void start() throws Exception {
    server =
        SextantServer.start(
            ServerConfig.onLoopback(new StoreLocation.Embedded(home.resolve("data")))
                .withFirstAdminToken(TOKEN)
                .withPrometheus(PrometheusSetting.LOCAL));
    api = new ApiClient(URI.create("http://127.0.0.1:" + server.port()), Optional.of(TOKEN));
    rollouts = new Rollouts(api);
    jar = SampleJar.built();
    apply(
        """
        apiVersion: sextant.dev/v1
        kind: Environment
        metadata:
          name: dev
        spec:
          target:
            type: local
        ---
        apiVersion: sextant.dev/v1
        kind: Service
        metadata:
          name: sample
        spec:
          owner: team-tests
        """);
    template("errors", "error-ratio", ERROR_RATIO, true);
    template("latency", "latency-p90", LATENCY, true);
    template("nothing", "missing", NOTHING, false);
    apply(jar.release("sample-v1", "1.0.0", "judged-errors"));
    server.services().discovery().record("dev", Lab.host("x86_64"), "file:dev.yaml", "operator");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void a_canary_like_its_baseline_passes_and_its_numbers_are_in_its_status_events_and_metrics()
      throws Exception {
    apply(jar.release("sample-v2", "2.0.0", "judged-errors"));
    String id;
    try (Load load = serving()) {
      JsonNode done = settled(rollouts.deploy("sample-v2"));
      id = done.path("id").asText();

      assertThat(done.path("phase").asText()).isEqualTo("succeeded");
      JsonNode judgement = done.path("judgements").get(0);
      assertThat(judgement.path("verdict").asText()).isEqualTo("pass");
      assertThat(judgement.path("score").asDouble()).isEqualTo(100);
      assertThat(judgement.path("metrics").get(0).path("classification").asText())
          .isEqualTo("pass");
      assertThat(done.path("measurements"))
          .anySatisfy(m -> assertThat(m.path("track").asText()).isEqualTo("baseline"))
          .anySatisfy(m -> assertThat(m.path("track").asText()).isEqualTo("canary"))
          .allSatisfy(m -> assertThat(m.path("metric").asText()).isEqualTo("error-ratio"));
      assertThat(load.errors()).isZero();
      // What Prometheus scraped: every track's instances, labelled, and HAProxy's own exporter.
      // A target that went (the baseline, after its analysis) has stale series: look back.
      assertThat(series("max_over_time(up{service=\"sample\",rollout=\"" + id + "\"}[5m])"))
          .extracting(m -> m.path("metric").path("track").asText())
          .contains("stable", "canary", "baseline");
      assertThat(
              series(
                  "haproxy_server_http_responses_total{component=\"haproxy\",service=\"sample\"}"))
          .isNotEmpty();
    }
    assertThat(server.services().events(EventQuery.last(50).ofType(RolloutJudged.TYPE)))
        .singleElement()
        .satisfies(e -> assertThat(e.envelope().outcome()).isEqualTo("pass"));
    assertThat(api.text("metrics"))
        .contains(
            "sextant_canary_score{analysis=\"step-1\",environment=\"dev\",rollout=\"" + id + "\"",
            "sextant_analysis_measurements_total{environment=\"dev\",metric=\"error-ratio\","
                + "rollout=\""
                + id
                + "\",service=\"sample\",track=\"baseline\",verdict=\"successful\"}");
  }

  @Test
  void a_canary_slower_than_its_baseline_is_classified_high_and_fails_the_run() throws Exception {
    apply(jar.release("sample-slow", "2.0.0", "judged-latency", "--latency=40ms"));
    try (Load load = serving()) {
      JsonNode done = settled(rollouts.deploy("sample-slow"));

      assertFailedBy(done, "latency-p90", "high");
    }
  }

  @Test
  void a_canary_with_more_errors_than_its_baseline_is_classified_high_and_fails_the_run()
      throws Exception {
    apply(jar.release("sample-errors", "2.0.0", "judged-errors", "--error-rate=0.3"));
    try (Load load = serving()) {
      JsonNode done = settled(rollouts.deploy("sample-errors"));

      assertFailedBy(done, "error-ratio", "high");
    }
  }

  @Test
  void an_empty_result_is_no_data_and_never_passes() throws Exception {
    apply(jar.release("sample-unseen", "2.0.0", "judged-nothing"));
    try (Load load = serving()) {
      JsonNode done = settled(rollouts.deploy("sample-unseen"));

      assertThat(done.path("phase").asText()).isNotEqualTo("succeeded");
      assertThat(done.path("measurements"))
          .isNotEmpty()
          .allSatisfy(m -> assertThat(m.path("value").isNull()).isTrue());
      assertThat(done.path("judgements").get(0).path("metrics").get(0).path("classification"))
          .hasToString("\"nodata\"");
    }
  }

  @Test
  void a_canary_burning_its_error_budget_faster_than_a_pair_s_factor_fails_the_run()
      throws Exception {
    // 30% errors on a 99% SLO burn the budget 30 times as fast as it lasts: past 10 on both
    // windows.
    apply(GATED.formatted("burning", "720h", "10"));
    apply(STRATEGY.formatted("burning"));
    apply(jar.release("sample-burning", "2.0.0", "judged-burning", "--error-rate=0.3"));
    try (Load load = serving()) {
      JsonNode done = settled(rollouts.deploy("sample-burning"));

      assertThat(done.path("phase").asText()).isEqualTo("failed");
      assertThat(done.path("measurements"))
          .anySatisfy(
              m -> {
                assertThat(m.path("verdict").asText()).isEqualTo("failed");
                assertThat(m.path("value").asDouble()).isBetween(15.0, 45.0);
                assertThat(m.path("message").asText()).contains("20s", "5s");
              });
    }
  }

  @Test
  void a_canary_that_spent_the_period_s_budget_pauses_for_a_person_without_a_pair_firing()
      throws Exception {
    // No pair fires at a factor of 100, but 30% errors spend a 1% budget over the whole period.
    apply(GATED.formatted("spent", "1m", "100"));
    apply(STRATEGY.formatted("spent"));
    apply(jar.release("sample-spent", "2.0.0", "judged-spent", "--error-rate=0.3"));
    try (Load load = serving()) {
      JsonNode paused =
          rollouts.await(
              rollouts.deploy("sample-spent"), r -> r.path("phase").asText().equals("paused"));

      assertThat(paused.path("weight").asInt()).isEqualTo(20);
      assertThat(paused.path("reason").asText()).contains("inconclusive", "budget");
      assertThat(paused.path("measurements"))
          .allSatisfy(m -> assertThat(m.path("verdict").asText()).isEqualTo("inconclusive"));
    }
  }

  private static void assertFailedBy(JsonNode done, String metric, String classification) {
    assertThat(done.path("phase").asText()).isEqualTo("failed");
    JsonNode judgement = done.path("judgements").get(0);
    assertThat(judgement.path("verdict").asText()).isEqualTo("fail");
    JsonNode result = judgement.path("metrics").get(0);
    assertThat(result.path("metric").asText()).isEqualTo(metric);
    assertThat(result.path("classification").asText()).isEqualTo(classification);
    assertThat(result.path("failsRun").asBoolean()).isTrue();
    assertThat(done.path("reason").asText()).contains("judge");
    assertThat(done.path("stableRevision").asText()).isEqualTo("sample-v1@1/jar");
  }

  /** v1 serving, and a load through HAProxy for the canary and baseline to be measured under. */
  private Load serving() throws InterruptedException {
    JsonNode v1 = settled(rollouts.deploy("sample-v1"));
    assertThat(v1.path("phase").asText()).isEqualTo("succeeded");
    return Load.on(URI.create(v1.path("endpoint").asText() + "/"));
  }

  /** The series Prometheus answers for {@code query} now, from the server's own Prometheus. */
  private static List<JsonNode> series(String query) throws Exception {
    String address =
        ProcessHandle.current()
            .descendants()
            .flatMap(p -> p.info().arguments().stream().flatMap(java.util.Arrays::stream))
            .filter(a -> a.startsWith("--web.listen-address="))
            .map(a -> "http://" + a.substring("--web.listen-address=".length()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Prometheus runs under the server"));
    java.net.http.HttpResponse<String> answer =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        URI.create(
                            address
                                + "/api/v1/query?query="
                                + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    List<JsonNode> found = new java.util.ArrayList<>();
    new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(answer.body())
        .path("data")
        .path("result")
        .forEach(found::add);
    return found;
  }

  private JsonNode settled(JsonNode rollout) throws InterruptedException {
    return rollouts.await(
        rollout, r -> r.path("terminal").asBoolean() && r.path("settled").asBoolean());
  }

  private void template(String name, String metric, String query, boolean mustHaveData) {
    apply(TEMPLATE.formatted(name, metric, query, metric, mustHaveData));
    apply(STRATEGY.formatted(name));
  }

  private void apply(String text) {
    server
        .services()
        .resources()
        .apply(List.of(new Input("test.yaml", text.getBytes(StandardCharsets.UTF_8))), "test");
  }
}
