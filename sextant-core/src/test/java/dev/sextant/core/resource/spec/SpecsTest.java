package dev.sextant.core.resource.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.schema.Examples;
import dev.sextant.core.schema.SchemaValidation;
import dev.sextant.core.secret.SecretRef;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpecsTest {

  static List<Path> exampleFiles() {
    return Examples.files();
  }

  @ParameterizedTest
  @MethodSource("exampleFiles")
  void every_example_reads_into_the_record_of_its_kind(Path file) {
    ObjectNode document = Examples.read(file);
    Kind kind = Kind.fromDisplayName(document.path("kind").asText()).orElseThrow();

    Spec spec = Specs.read(kind, document.path("spec"));

    assertThat(spec).isInstanceOf(Specs.type(kind));
    assertThat(spec.kind()).isEqualTo(kind);
  }

  @Test
  void the_ml_release_keeps_its_variants_in_order_with_their_requirements() {
    ReleaseSpec release = read("releases/fraud-detector-1.4.0.yaml", ReleaseSpec.class);

    assertThat(release.variants()).extracting(Variant::name).containsExactly("gpu", "cpu");
    Variant gpu = release.variant("gpu").orElseThrow();
    assertThat(gpu.artifact())
        .isEqualTo(
            new Artifact.Download(
                "https://artifacts.acme.example/fraud-detector/1.4.0/fraud-detector-1.4.0-gpu.tar.gz",
                "48b9facded258ee66293307741d41ff068ad37f483739672e85139f5fc2e78bf"));
    assertThat(gpu.requirements())
        .extracting(r -> r.rule().or(r::fact).orElseThrow())
        .containsExactly("cuda", "computeCapability", "gpuMemory", "wheel", "python.version");
    Requirement cuda = gpu.requirements().get(0);
    assertThat(cuda.with().path("toolkit").asText()).isEqualTo("12.4");
    assertThat(cuda.fact()).isEmpty();
    Requirement python = gpu.requirements().get(4);
    assertThat(python.range()).contains(">=3.11,<3.12");
    assertThat(python.scheme()).contains(Requirement.Scheme.PEP440);
    assertThat(gpu.requirements().get(3).with().path("file").asText())
        .isEqualTo("torch-2.3.1+cu121-cp311-cp311-linux_x86_64.whl");
    assertThat(gpu.parameters().keySet()).containsExactly("batchSize", "workers");
    assertThat(gpu.parameters().get("batchSize"))
        .isEqualTo(
            new Parameter.Derived(
                "gpu[0].memory / 2Gi",
                Optional.of("8"),
                Optional.of("64"),
                "Transactions per GPU batch, from the first GPU's memory."));
    assertThat(gpu.parameters().get("workers")).isEqualTo(new Parameter.Fixed("2", ""));
    assertThat(gpu.checks().get(0).timeout()).contains(Duration.ofSeconds(60));
    assertThat(gpu.checks().get(0).command()).hasSize(3).startsWith("python3", "-c");
  }

  @Test
  void the_cpu_fallback_keeps_operands_as_written() {
    Variant cpu =
        read("releases/fraud-detector-1.4.0.yaml", ReleaseSpec.class).variant("cpu").orElseThrow();

    assertThat(cpu.requirements().get(0).equalTo()).contains("x86_64");
    assertThat(cpu.requirements().get(1).includes()).containsExactly("avx2", "fma");
    assertThat(cpu.requirements().get(2).min()).contains("16Gi");
    assertThat(cpu.requirements().get(2).fact()).contains("memory.total");
  }

  @Test
  void provenance_keeps_commit_dataset_and_free_form_parameters() {
    Provenance provenance =
        read("releases/fraud-detector-1.4.0.yaml", ReleaseSpec.class).provenance().orElseThrow();

    assertThat(provenance.commit()).isEqualTo("b52e3445cf553b77c483c2ba382ce921a502acee");
    assertThat(provenance.dataset().orElseThrow().digest().hex())
        .isEqualTo("560ef6d7f23f0fb5c26e317843cb1cd7d7833635cfaeba81306bde6b433a2cf4");
    assertThat(provenance.parameters().path("epochs").asInt()).isEqualTo(12);
    provenance.parameters().put("epochs", 99);
    assertThat(provenance.parameters().path("epochs").asInt()).as("a copy").isEqualTo(12);
  }

  @Test
  void an_image_artifact_is_pinned_by_its_digest() {
    ReleaseSpec release = read("releases/payments-api-2.4.0.yaml", ReleaseSpec.class);

    Artifact artifact = release.variants().get(0).artifact();
    assertThat(artifact).isInstanceOf(Artifact.Image.class);
    assertThat(artifact.digest().hex())
        .isEqualTo("af5e60e836f9349e9c00a794f91358dec950f66f33cc8bb2c9d71a8350c247ea");
    assertThat(release.api()).contains(new ReleaseSpec.Api("2.4.0"));
    assertThat(release.variants().get(0).requirements().get(1).equalTo()).contains("true");
  }

  @Test
  void a_consumer_names_the_api_ranges_it_needs() {
    ReleaseSpec release = read("releases/checkout-web-3.2.0.yaml", ReleaseSpec.class);

    assertThat(release.dependencies())
        .extracting(Dependency::service, Dependency::api)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("payments-api", "^2.1.0"),
            org.assertj.core.groups.Tuple.tuple("fraud-detector", ">=1.2.0 <2.0.0"));
    assertThat(release.api()).isEmpty();
  }

  @Test
  void declared_facts_are_sorted_and_typed_as_written() {
    EnvironmentSpec env = read("environments/prod-eu.yaml", EnvironmentSpec.class);

    assertThat(List.copyOf(env.facts().keySet())).isSorted();
    assertThat(env.facts())
        .containsEntry("gpu.driver.version", new FactValue.Text("550.54.15"))
        .containsEntry("gpu.count", new FactValue.Decimal(new BigDecimal(8)))
        .containsEntry(
            "cpu.flags",
            new FactValue.TextList(List.of("avx", "avx2", "avx512f", "fma", "sse4_2")));
    assertThat(env.drift()).isEqualTo(DriftAction.BLOCK);
    assertThat(env.target().type()).isEqualTo(Target.Type.AGENT);
    assertThat(env.target().connection())
        .containsEntry("enrollmentToken", "vault:kv/sextant/prod-eu#enrollment-token");
    assertThat(env.discovery().orElseThrow().interval()).contains(Duration.ofMinutes(10));
    assertThat(env.policies()).containsExactly("eu-data-residency");
    assertThat(env.strategy()).contains("canary-standard");
  }

  @Test
  void an_environment_without_drift_or_facts_gets_the_defaults() {
    EnvironmentSpec env =
        (EnvironmentSpec) Specs.read(Kind.ENVIRONMENT, json("{\"target\": {\"type\": \"local\"}}"));

    assertThat(env.drift()).isEqualTo(DriftAction.ALERT);
    assertThat(env.facts()).isEmpty();
    assertThat(env.discovery()).isEmpty();
    assertThat(env.description()).isEmpty();
    assertThat(env.target().connection()).isEmpty();
  }

  @Test
  void the_canary_reads_into_its_steps() {
    StrategySpec strategy = read("strategies/canary-standard.yaml", StrategySpec.class);

    assertThat(strategy.method()).isInstanceOf(Method.Canary.class);
    assertThat(((Method.Canary) strategy.method()).steps())
        .containsExactly(
            new Step.SetWeight(10),
            new Step.Pause(Optional.of(Duration.ofMinutes(5))),
            new Step.Analysis(
                new AnalysisRun(
                    List.of("http-error-rate-latency"),
                    List.of(new Argument("namespace", "apps")))),
            new Step.SetWeight(50),
            new Step.Pause(Optional.of(Duration.ofMinutes(10))),
            new Step.Approval(
                List.of(),
                Optional.of("50% of traffic has been on the new version for 10 minutes. Promote?")),
            new Step.Promote());
    assertThat(strategy.abort())
        .isEqualTo(new Abort(Abort.OnFailure.ROLLBACK, Optional.of(Duration.ofMinutes(30))));
  }

  @Test
  void every_kind_of_step_reads() {
    StrategySpec strategy =
        (StrategySpec)
            Specs.read(
                Kind.STRATEGY,
                json(
                    "{\"canary\": {\"steps\": [{\"pause\": {}}, {\"verify\": {\"checks\":"
                        + " [\"import-torch\"]}}, {\"migrate\": {\"command\": [\"flyway\","
                        + " \"migrate\"], \"timeout\": \"10m\"}}, {\"approval\": {\"approvers\":"
                        + " [\"role:approver\"]}}]}}"));

    assertThat(((Method.Canary) strategy.method()).steps())
        .containsExactly(
            new Step.Pause(Optional.empty()),
            new Step.Verify(List.of("import-torch")),
            new Step.Migrate(List.of("flyway", "migrate"), Optional.of(Duration.ofMinutes(10))),
            new Step.Approval(List.of("role:approver"), Optional.empty()));
    assertThat(strategy.abort()).isEqualTo(Abort.DEFAULT);
  }

  @Test
  void rolling_and_blue_green_read_with_kubernetes_and_argo_defaults() {
    StrategySpec rolling = read("strategies/rolling-fast.yaml", StrategySpec.class);
    assertThat(rolling.method())
        .isEqualTo(
            new Method.Rolling(
                IntOrPercent.percentage(100),
                IntOrPercent.count(0),
                Optional.empty(),
                Optional.empty()));
    assertThat(rolling.abort().onFailure()).isEqualTo(Abort.OnFailure.PAUSE);

    StrategySpec defaults =
        (StrategySpec) Specs.read(Kind.STRATEGY, json("{\"rolling\": {\"batchPause\": \"30s\"}}"));
    Method.Rolling batches = (Method.Rolling) defaults.method();
    assertThat(batches.maxSurge()).hasToString("25%");
    assertThat(batches.maxUnavailable()).hasToString("25%");
    assertThat(batches.batchPause()).contains(Duration.ofSeconds(30));

    StrategySpec blueGreen =
        (StrategySpec)
            Specs.read(
                Kind.STRATEGY,
                json(
                    "{\"blueGreen\": {\"previewAnalysis\": {\"templates\": [\"smoke\"]},"
                        + " \"scaleDownDelay\": \"30s\"}}"));
    Method.BlueGreen switchover = (Method.BlueGreen) blueGreen.method();
    assertThat(switchover.autoPromotionEnabled()).isTrue();
    assertThat(switchover.previewAnalysis().orElseThrow().templates()).containsExactly("smoke");
    assertThat(switchover.scaleDownDelay()).contains(Duration.ofSeconds(30));
  }

  @Test
  void a_scrape_metric_reads_a_ratio_with_a_sample_size_and_refuses_a_ratio_that_is_a_quantile() {
    String ratio =
        "{\"metrics\": [{\"name\": \"errors\", \"provider\": {\"scrape\": {\"path\":"
            + " \"/metrics\", \"metric\": \"http_requests_total\", \"labels\": {\"code\":"
            + " \"500\"}, \"over\": {\"metric\": \"http_requests_total\"}, \"minSamples\": 50%s}}}]}";

    AnalysisTemplateSpec read =
        (AnalysisTemplateSpec) Specs.read(Kind.ANALYSIS_TEMPLATE, json(ratio.formatted("")));

    Provider.Scrape scrape = (Provider.Scrape) read.metrics().get(0).provider();
    assertThat(scrape.over()).contains(new Provider.Series("http_requests_total", Map.of()));
    assertThat(scrape.minSamples()).contains(50L);
    assertThatThrownBy(
            () -> Specs.read(Kind.ANALYSIS_TEMPLATE, json(ratio.formatted(", \"quantile\": 0.99"))))
        .hasMessageContaining("a ratio (over) or a histogram's quantile, not both");
  }

  @Test
  void analysis_templates_read_metrics_providers_judge_and_burn_rate() {
    AnalysisTemplateSpec slo =
        read("analysistemplates/checkout-slo.yaml", AnalysisTemplateSpec.class);

    assertThat(slo.metrics())
        .extracting(Metric::name)
        .containsExactly("latency-p95", "cpu-seconds", "error-ratio");
    assertThat(slo.metrics().get(1).provider())
        .isEqualTo(
            new Provider.Scrape(
                "/metrics", Optional.of(9102), "process_cpu_seconds_total", Map.of()));
    assertThat(slo.metrics().get(0).consecutiveErrorLimit())
        .isEqualTo(Metric.DEFAULT_CONSECUTIVE_ERROR_LIMIT);
    Judge judge = slo.judge().orElseThrow();
    assertThat(judge.mannWhitney()).isEqualTo(new Judge.MannWhitney(0.95, 0.1, 50, 75));
    assertThat(judge.mannWhitney().tolerance()).isEqualTo(Judge.MannWhitney.DEFAULT_TOLERANCE);
    assertThat(judge.metrics())
        .containsExactly(
            new Judge.JudgedMetric(
                "latency-p95",
                Judge.Direction.INCREASE,
                true,
                true,
                Judge.NanStrategy.REMOVE,
                new Judge.Outliers(true, Judge.Outliers.DEFAULT_FACTOR),
                Optional.of(new Judge.EffectSize(1.2, 1)),
                Judge.DEFAULT_GROUP,
                1),
            Judge.JudgedMetric.named("cpu-seconds"));
    assertThat(judge.metricNames(slo.metrics())).containsExactly("latency-p95", "cpu-seconds");
    assertThat(judge.effectSize(judge.metrics().get(1))).isEqualTo(new Judge.EffectSize(1.1, 0.9));
    assertThat(slo.burnRate().orElseThrow().windows().get(0))
        .isEqualTo(new BurnRate.Window(Duration.ofHours(1), Duration.ofMinutes(5), 14.4));
    assertThat(slo.burnRate().orElseThrow().period()).isEqualTo(Duration.ofDays(30));
    assertThat(slo.args().get(0).value()).isEmpty();

    AnalysisTemplateSpec http =
        read("analysistemplates/http-error-rate-latency.yaml", AnalysisTemplateSpec.class);
    Metric errorRate = http.metrics().get(0);
    assertThat(errorRate.successCondition()).contains("result[0] < 0.01");
    assertThat(errorRate.failureCondition()).contains("result[0] >= 0.05");
    assertThat(errorRate.count()).contains(5);
    assertThat(errorRate.interval()).contains(Duration.ofMinutes(1));
    assertThat(((Provider.Prometheus) errorRate.provider()).address())
        .contains("http://prometheus.monitoring.svc:9090");
    assertThat(((Provider.Prometheus) errorRate.provider()).bearerToken())
        .contains(new SecretRef.File("/var/run/secrets/sextant/prometheus-token"));
    assertThat(((Provider.Prometheus) http.metrics().get(1).provider()).bearerToken()).isEmpty();
    assertThat(http.metrics().get(1).consecutiveErrorLimit()).isEqualTo(3);
  }

  @Test
  void policies_read_their_rule_effect_and_scope() {
    PolicySpec residency = read("policies/eu-data-residency.yaml", PolicySpec.class);
    assertThat(residency.effect()).isEqualTo(PolicySpec.Effect.DENY);
    assertThat(residency.selector()).isEqualTo(Selector.EVERYTHING);
    assertThat(residency.rule()).contains("release.metadata.labels['data-residency'] != 'eu'");

    PolicySpec signed = read("policies/prod-signed-releases.yaml", PolicySpec.class);
    assertThat(signed.effect()).isEqualTo(PolicySpec.Effect.REQUIRE_APPROVAL);
    assertThat(signed.selector().matches(Map.of("tier", "prod"))).isTrue();
    assertThat(signed.selector().matches(Map.of("tier", "staging"))).isFalse();
    assertThat(signed.approvers()).containsExactly("role:approver");
  }

  @Test
  void pipelines_read_their_stages_and_gates() {
    PipelineSpec pipeline = read("pipelines/fraud-detector.yaml", PipelineSpec.class);

    assertThat(pipeline.stages())
        .extracting(Stage::name)
        .containsExactly("dev", "staging", "production");
    assertThat(pipeline.stages().get(0).gates()).isEqualTo(Gates.NONE);
    assertThat(pipeline.stages().get(2).environments()).containsExactly("prod-eu", "prod-us");
    assertThat(pipeline.stages().get(2).gates())
        .isEqualTo(
            new Gates(true, List.of("http-error-rate-latency"), Optional.of(Duration.ofHours(24))));

    PipelineSpec bySelector = read("pipelines/checkout-web.yaml", PipelineSpec.class);
    assertThat(bySelector.stages().get(1).selector().orElseThrow().matches(Map.of("tier", "prod")))
        .isTrue();
    assertThat(bySelector.stages().get(1).environments()).isEmpty();
  }

  @Test
  void services_read_their_owner_and_api() {
    ServiceSpec service = read("services/payments-api.yaml", ServiceSpec.class);

    assertThat(service.owner()).isEqualTo("team-payments");
    assertThat(service.api().orElseThrow().name()).isEqualTo("payments");
    assertThat(read("services/checkout-web.yaml", ServiceSpec.class).api()).isEmpty();
  }

  @Test
  void a_zero_duration_passes_the_schema_but_not_the_reader() {
    ObjectNode document = Examples.named("strategies/canary-standard.yaml");
    ((ObjectNode) document.at("/spec/canary/steps/1/pause")).put("duration", "0s");
    assertThat(SchemaValidation.validate(document)).isEmpty();

    assertThatThrownBy(() -> Specs.read(Kind.STRATEGY, document.path("spec")))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.STRATEGY);
              assertThat(e.field()).isEqualTo("spec.canary.steps[1].pause.duration");
              assertThat(e.reason())
                  .isEqualTo("expected a positive duration such as 30s or 5m, found \"0s\"");
            });
  }

  @Test
  void duplicate_variant_names_are_refused_with_the_field() {
    ObjectNode document = Examples.named("releases/fraud-detector-1.4.0.yaml");
    ((ObjectNode) document.at("/spec/variants/1")).put("name", "gpu");
    assertThat(SchemaValidation.validate(document)).isEmpty();

    assertThatThrownBy(() -> Specs.read(Kind.RELEASE, document.path("spec")))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.field()).isEqualTo("spec.variants[1].name");
              assertThat(e.reason())
                  .isEqualTo("duplicate variant name \"gpu\" (already used by variants[0])");
            });
  }

  @Test
  void a_release_that_runs_its_download_reads_every_field_of_its_run() throws Exception {
    ObjectNode document = sample();
    assertThat(SchemaValidation.validate(document)).isEmpty();

    ReleaseSpec release = (ReleaseSpec) Specs.read(Kind.RELEASE, document.path("spec"));

    Run run = release.variant("jvm").orElseThrow().run().orElseThrow();
    assertThat(run.command()).containsExactly("java", "-jar", "{{artifact}}", "--port", "{{port}}");
    assertThat(run.env().keySet())
        .containsExactly("LOG_LEVEL", "MAX_THREADS", "LISTEN_ADDRESS", "DB_PASSWORD", "API_TOKEN");
    assertThat(run.env().get("MAX_THREADS")).isEqualTo(new EnvValue.Plain("16"));
    assertThat(run.env().get("LISTEN_ADDRESS")).isEqualTo(new EnvValue.Plain("127.0.0.1:{{port}}"));
    assertThat(run.env().get("DB_PASSWORD"))
        .isEqualTo(new EnvValue.FromSecret(SecretRef.parse("vault:kv/sample/db#password")));
    assertThat(run.env().get("API_TOKEN"))
        .isEqualTo(new EnvValue.FromSecret(new SecretRef.Env("SAMPLE_API_TOKEN")));
    assertThat(run.readinessPath()).isEqualTo("/ready");
    assertThat(run.instances()).isEqualTo(2);
    assertThat(run.stopTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(run.readinessTimeout()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void a_run_that_gives_only_its_command_gets_the_defaults() throws Exception {
    ObjectNode document = sample();
    ((ObjectNode) document.at("/spec/variants/0")).set("run", json("{\"command\": [\"./serve\"]}"));
    assertThat(SchemaValidation.validate(document)).isEmpty();

    ReleaseSpec release = (ReleaseSpec) Specs.read(Kind.RELEASE, document.path("spec"));

    Run run = release.variants().get(0).run().orElseThrow();
    assertThat(run.env()).isEmpty();
    assertThat(run.readinessPath()).isEqualTo("/healthz");
    assertThat(run.instances()).isEqualTo(1);
    assertThat(run.stopTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(run.readinessTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void a_variant_without_run_has_none() {
    ReleaseSpec release = read("releases/fraud-detector-1.4.0.yaml", ReleaseSpec.class);

    assertThat(release.variants()).allSatisfy(v -> assertThat(v.run()).isEmpty());
  }

  @ParameterizedTest
  @MethodSource("unknownPlaceholders")
  void an_unknown_placeholder_passes_the_schema_but_is_refused_at_its_place(
      String pointer, String written, String field, String placeholder) throws Exception {
    ObjectNode document = sample();
    JsonNode parent = document.at(pointer.substring(0, pointer.lastIndexOf('/')));
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
      array.set(Integer.parseInt(last), written);
    } else {
      ((ObjectNode) parent).put(last, written);
    }
    assertThat(SchemaValidation.validate(document)).isEmpty();

    assertThatThrownBy(() -> Specs.read(Kind.RELEASE, document.path("spec")))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.reason())
                  .isEqualTo(
                      "unknown placeholder \""
                          + placeholder
                          + "\"; expected {{port}} (the port this instance listens on) or"
                          + " {{artifact}} (the path of the downloaded, checked artifact)");
            });
  }

  static Stream<Arguments> unknownPlaceholders() {
    return Stream.of(
        Arguments.of(
            "/spec/variants/0/run/command/4",
            "{{host}}",
            "spec.variants[0].run.command[4]",
            "{{host}}"),
        Arguments.of(
            "/spec/variants/0/run/command/2",
            "{{artifact}}:{{ port }}",
            "spec.variants[0].run.command[2]",
            "{{ port }}"),
        Arguments.of(
            "/spec/variants/0/run/command/3",
            "--port={{port",
            "spec.variants[0].run.command[3]",
            "{{port"),
        Arguments.of(
            "/spec/variants/0/run/env/LOG_LEVEL",
            "{{level}}",
            "spec.variants[0].run.env.LOG_LEVEL",
            "{{level}}"));
  }

  @Test
  void a_run_beside_an_image_artifact_is_refused_at_run() throws Exception {
    ObjectNode document = sample();
    ObjectNode artifact = (ObjectNode) document.at("/spec/variants/0/artifact");
    artifact.removeAll();
    artifact.put(
        "image",
        "ghcr.io/acme/sample:1.0.0@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    assertThat(SchemaValidation.validate(document)).isEmpty();

    assertThatThrownBy(() -> Specs.read(Kind.RELEASE, document.path("spec")))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.field()).isEqualTo("spec.variants[0].run");
              assertThat(e.reason()).startsWith("run is for a url artifact");
            });
  }

  /** A complete release whose variant says how it runs; the examples hold none, to keep counts. */
  private static ObjectNode sample() throws Exception {
    try (var in = SpecsTest.class.getResourceAsStream("sample-1.0.0.yaml")) {
      return Examples.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void references_inside_an_analysis_template_must_resolve() {
    ObjectNode document = Examples.named("analysistemplates/checkout-slo.yaml");
    ((ObjectNode) document.at("/spec/burnRate")).put("metric", "availability");
    assertThat(SchemaValidation.validate(document)).isEmpty();

    assertThatThrownBy(() -> Specs.read(Kind.ANALYSIS_TEMPLATE, document.path("spec")))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining(
            "burnRate names metric 'availability', which the template does not define");
  }

  @Test
  void a_judge_whose_pass_is_below_marginal_is_refused() {
    ObjectNode document = Examples.named("analysistemplates/checkout-slo.yaml");
    ((ObjectNode) document.at("/spec/judge/mannWhitney")).put("pass", 40);

    assertThatThrownBy(() -> Specs.read(Kind.ANALYSIS_TEMPLATE, document.path("spec")))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.field()).isEqualTo("spec.judge.mannWhitney");
              assertThat(e.reason())
                  .contains("pass threshold 40.0 is below the marginal threshold 50.0");
            });
  }

  @Test
  void a_judge_without_a_list_judges_every_metric_of_the_template() {
    ObjectNode document = Examples.named("analysistemplates/checkout-slo.yaml");
    ((ObjectNode) document.at("/spec/judge")).remove("metrics");
    ((ObjectNode) document.at("/spec/judge/mannWhitney")).put("tolerance", 0.1);

    AnalysisTemplateSpec spec =
        (AnalysisTemplateSpec) Specs.read(Kind.ANALYSIS_TEMPLATE, document.path("spec"));

    Judge judge = spec.judge().orElseThrow();
    assertThat(judge.metricNames(spec.metrics()))
        .containsExactly("latency-p95", "cpu-seconds", "error-ratio");
    assertThat(judge.metric("error-ratio")).isEqualTo(Judge.JudgedMetric.named("error-ratio"));
    assertThat(judge.mannWhitney().tolerance()).isEqualTo(0.1);
  }

  static Stream<Arguments> badJudges() {
    return Stream.of(
        Arguments.of(
            "{\"name\": \"latency\"}",
            "{}",
            "spec",
            "judge names metric 'latency', which the template does not define"),
        Arguments.of(
            "\"cpu-seconds\", {\"name\": \"cpu-seconds\", \"critical\": true}",
            "{}",
            "spec.judge.metrics[1].name",
            "duplicate judged metric name \"cpu-seconds\" (already used by metrics[0])"),
        Arguments.of(
            "{\"name\": \"cpu-seconds\", \"direction\": \"up\"}",
            "{}",
            "spec.judge.metrics[0].direction",
            "direction is one of [increase, decrease, either], not 'up'"),
        Arguments.of(
            "{\"name\": \"cpu-seconds\", \"weight\": 0}",
            "{}",
            "spec.judge.metrics[0].weight",
            "a metric's weight within its group must be above 0"),
        Arguments.of(
            "{\"name\": \"cpu-seconds\", \"effectSize\": {\"allowedIncrease\": 0.9}}",
            "{}",
            "spec.judge.metrics[0].effectSize.allowedIncrease",
            "allowedIncrease is a ratio of means, at least 1"),
        Arguments.of(
            "{\"name\": \"cpu-seconds\", \"outliers\": {\"strategy\": \"remove\", \"factor\": 0}}",
            "{}",
            "spec.judge.metrics[0].outliers.factor",
            "the IQR factor must be above 0"),
        Arguments.of(
            "{\"name\": \"cpu-seconds\", \"group\": \"cpu\"}",
            "{\"latency\": 50}",
            "spec.judge.groups.latency",
            "no judged metric is in group 'latency'; groups in use: [cpu]"),
        Arguments.of(
            "{\"name\": \"cpu-seconds\", \"group\": \"cpu\"}, \"latency-p95\"",
            "{\"cpu\": 60, \"default\": 30}",
            "spec.judge.groups",
            "the weights of the groups add up to 90.0, not 100"),
        Arguments.of(
            "{\"name\": \"cpu-seconds\", \"group\": \"cpu\"}, \"latency-p95\"",
            "{\"cpu\": 100}",
            "spec.judge.groups",
            "the weights add up to 100.0, which leaves nothing for the groups without a weight"));
  }

  @ParameterizedTest
  @MethodSource("badJudges")
  void a_judge_with_a_bad_metric_or_group_is_refused_naming_the_field(
      String metrics, String groups, String field, String reason) {
    ObjectNode document = Examples.named("analysistemplates/checkout-slo.yaml");
    ObjectNode judge = (ObjectNode) document.at("/spec/judge");
    judge.set("metrics", json("{\"metrics\": [" + metrics + "]}").get("metrics"));
    judge.set("groups", json(groups));

    assertThatThrownBy(() -> Specs.read(Kind.ANALYSIS_TEMPLATE, document.path("spec")))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.reason()).isEqualTo(reason);
            });
  }

  @Test
  void a_burn_rate_short_window_must_be_shorter_than_its_long_window() {
    ObjectNode document = Examples.named("analysistemplates/checkout-slo.yaml");
    ((ObjectNode) document.at("/spec/burnRate/windows/1")).put("short", "6h");

    assertThatThrownBy(() -> Specs.read(Kind.ANALYSIS_TEMPLATE, document.path("spec")))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> assertThat(e.field()).isEqualTo("spec.burnRate.windows[1]"));
  }

  @Test
  void a_burn_rate_period_shorter_than_a_long_window_is_refused() {
    ObjectNode document = Examples.named("analysistemplates/checkout-slo.yaml");
    ((ObjectNode) document.at("/spec/burnRate")).put("period", "2h");
    assertThat(SchemaValidation.validate(document)).isEmpty();

    assertThatThrownBy(() -> Specs.read(Kind.ANALYSIS_TEMPLATE, document.path("spec")))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.field()).isEqualTo("spec.burnRate");
              assertThat(e.reason()).contains("longer than the SLO period");
            });
  }

  @Test
  void a_burn_rate_period_is_read_as_a_duration() {
    ObjectNode document = Examples.named("analysistemplates/checkout-slo.yaml");
    ((ObjectNode) document.at("/spec/burnRate")).put("period", "168h");

    AnalysisTemplateSpec spec =
        (AnalysisTemplateSpec) Specs.read(Kind.ANALYSIS_TEMPLATE, document.path("spec"));

    assertThat(spec.burnRate().orElseThrow().period()).isEqualTo(Duration.ofDays(7));
  }

  private static <T extends Spec> T read(String example, Class<T> type) {
    ObjectNode document = Examples.named(example);
    return type.cast(
        Specs.read(
            Kind.fromDisplayName(document.path("kind").asText()).orElseThrow(),
            document.path("spec")));
  }

  private static JsonNode json(String text) {
    return Examples.parse(text);
  }
}
