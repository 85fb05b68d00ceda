package dev.sextant.core.validation;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resources that read as YAML but are not valid: each case asserts the one problem reported, with
 * its line, column, field and reason, as {@code file:line:col: field: reason}.
 */
class InvalidResourceTest {
  private static final String SERVICE =
      """
      apiVersion: sextant.dev/v1
      kind: Service
      metadata:
        name: payments-api
      spec:
        owner: team-payments
      """;
  private static final String STRATEGY =
      """
      apiVersion: sextant.dev/v1
      kind: Strategy
      metadata:
        name: canary
      spec:
        canary:
          steps:
            - setWeight: 10
            - pause:
                duration: 5m
      """;
  private static final String RELEASE =
      """
      apiVersion: sextant.dev/v1
      kind: Release
      metadata:
        name: payments-api-2-4-0
      spec:
        service: payments-api
        version: 2.4.0
        variants:
          - name: default
            artifact:
              image: ghcr.io/acme/payments-api:2.4.0@sha256:af5e60e836f9349e9c00a794f91358dec950f66f33cc8bb2c9d71a8350c247ea
            requirements:
              - fact: cpu.arch
                in: [x86_64, aarch64]
      """;
  private static final String ENVIRONMENT =
      """
      apiVersion: sextant.dev/v1
      kind: Environment
      metadata:
        name: prod-eu
        labels:
          tier: prod
      spec:
        target:
          type: local
        drift: block
      """;
  private static final String RUN_RELEASE =
      """
      apiVersion: sextant.dev/v1
      kind: Release
      metadata:
        name: sample-1-0-0
      spec:
        service: sample
        version: 1.0.0
        variants:
          - name: jvm
            artifact:
              url: https://artifacts.acme.example/sample/1.0.0/sextant-sample-1.0.0.jar
              sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
            run:
              command: [java, -jar, "{{artifact}}", --port, "{{port}}"]
              env:
                LOG_LEVEL: info
      """;

  private static final String ANALYSIS =
      """
      apiVersion: sextant.dev/v1
      kind: AnalysisTemplate
      metadata:
        name: error-rate
      spec:
        metrics:
          - name: error-rate
            provider:
              prometheus:
                address: http://prometheus:9090
                query: up
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "wrong apiVersion",
            SERVICE.replace("sextant.dev/v1", "sextant.dev/v2"),
            "1:13: apiVersion: unsupported apiVersion \"sextant.dev/v2\"; expected \"sextant.dev/v1\""),
        Arguments.of(
            "missing apiVersion",
            SERVICE.replace("apiVersion: sextant.dev/v1\n", ""),
            "1:1: apiVersion: required field is missing; expected \"sextant.dev/v1\""),
        Arguments.of(
            "misspelt kind",
            SERVICE.replace("kind: Service", "kind: Servise"),
            "2:7: kind: unknown kind \"Servise\"; did you mean \"Service\"?"),
        Arguments.of(
            "kind in the wrong case",
            SERVICE.replace("kind: Service", "kind: service"),
            "2:7: kind: unknown kind \"service\"; did you mean \"Service\"?"),
        Arguments.of(
            "unknown kind",
            SERVICE.replace("kind: Service", "kind: Deployment"),
            "2:7: kind: unknown kind \"Deployment\"; expected one of Environment, Service, Release"),
        Arguments.of(
            "missing kind",
            SERVICE.replace("kind: Service\n", ""),
            "1:1: kind: required field is missing; expected one of Environment"),
        Arguments.of(
            "a list, not a resource",
            "- a\n- b\n",
            "1:1: expected a mapping with apiVersion, kind, metadata and spec, found a list"),
        Arguments.of(
            "a secret written in place of its reference, which is not repeated",
            ENVIRONMENT.replace(
                "type: local", "type: agent\n    connection:\n      apiToken: hunter2-planted"),
            "11:17: spec.target.connection.apiToken: expected a secret reference (env:NAME,"
                + " file:/path or vault:mount/path#key), found a value that is not one (not shown,"
                + " in case it is the secret itself)"),
        Arguments.of(
            "a secret written as a number, which is not repeated either",
            ENVIRONMENT.replace(
                "type: local", "type: agent\n    connection:\n      dbPassword: 271828"),
            "11:19: spec.target.connection.dbPassword: expected a secret reference"),
        Arguments.of(
            "basic auth written in place of its reference",
            ENVIRONMENT.replace(
                "type: local", "type: agent\n    connection:\n      basicAuth: admin-colon-pw"),
            "11:18: spec.target.connection.basicAuth: expected a secret reference"),
        Arguments.of(
            "a vault reference without a mount",
            ENVIRONMENT.replace(
                "type: local", "type: agent\n    connection:\n      apiToken: vault:kv#token"),
            "11:17: spec.target.connection.apiToken: expected a secret reference"),
        Arguments.of(
            "a Prometheus address with a password in it, which is not repeated",
            ANALYSIS.replace("http://prometheus:9090", "https://admin:hunter2@prometheus:9090"),
            "10:20: spec.metrics[0].provider.prometheus.address: expected an http or https URL"
                + " without user:password@ (give credentials by reference, e.g. bearerToken:"
                + " env:NAME), found a value that is not one (not shown, in case it holds a"
                + " password)"),
        Arguments.of(
            "a Prometheus token written in place of its reference",
            ANALYSIS.replace("query: up", "bearerToken: hunter2\n          query: up"),
            "11:24: spec.metrics[0].provider.prometheus.bearerToken: expected a secret reference"),
        Arguments.of(
            "missing name",
            SERVICE.replace("  name: payments-api\n", "  labels: {}\n"),
            "4:3: metadata.name: required field is missing"),
        Arguments.of(
            "name not a DNS label",
            SERVICE.replace("name: payments-api", "name: Payments_API"),
            "4:9: metadata.name: expected a DNS label: lower-case letters, digits and '-', starting and ending with a letter or digit, found \"Payments_API\""),
        Arguments.of(
            "name too long",
            SERVICE.replace("name: payments-api", "name: " + "a".repeat(64)),
            "4:9: metadata.name: expected at most 63 characters, found 64"),
        Arguments.of(
            "unknown top-level field",
            SERVICE.replace("spec:", "specs:"),
            "5:1: specs: unknown field \"specs\"; did you mean \"spec\"?"),
        Arguments.of(
            "unknown field in spec",
            ENVIRONMENT.replace("drift: block", "drfit: block"),
            "10:3: spec.drfit: unknown field \"drfit\"; did you mean \"drift\"?"),
        Arguments.of(
            "value not in the enum",
            ENVIRONMENT.replace("drift: block", "drift: blok"),
            "10:10: spec.drift: expected one of alert, block, remediate, rollback, found \"blok\"; did you mean \"block\"?"),
        Arguments.of(
            "label value with a space",
            ENVIRONMENT.replace("tier: prod", "tier: prod eu"),
            "6:11: metadata.labels.tier: expected a label value"),
        Arguments.of(
            "missing required spec field",
            ENVIRONMENT.replace("  target:\n    type: local\n", ""),
            "8:3: spec.target: required field is missing"),
        Arguments.of(
            "weight over 100",
            STRATEGY.replace("setWeight: 10", "setWeight: 101"),
            "8:20: spec.canary.steps[0].setWeight: expected at most 100, found a number 101"),
        Arguments.of(
            "negative weight",
            STRATEGY.replace("setWeight: 10", "setWeight: -5"),
            "8:20: spec.canary.steps[0].setWeight: expected at least 0, found a number -5"),
        Arguments.of(
            "duration in words",
            STRATEGY.replace("duration: 5m", "duration: 5 minutes"),
            "10:21: spec.canary.steps[1].pause.duration: expected a Go-style duration such as 30s, 5m or 1h30m, found \"5 minutes\""),
        Arguments.of(
            "zero duration",
            STRATEGY.replace("duration: 5m", "duration: 0s"),
            "10:21: spec.canary.steps[1].pause.duration: expected a positive duration such as 30s or 5m, found \"0s\""),
        Arguments.of(
            "image without a digest",
            RELEASE.replace(
                "@sha256:af5e60e836f9349e9c00a794f91358dec950f66f33cc8bb2c9d71a8350c247ea", ""),
            "11:16: spec.variants[0].artifact.image: expected an OCI image reference pinned by digest"),
        Arguments.of(
            "artifact with both image and url",
            RELEASE.replace(
                "      artifact:\n",
                "      artifact:\n        url: https://example.com/a.tar.gz\n        sha256: af5e60e836f9349e9c00a794f91358dec950f66f33cc8bb2c9d71a8350c247ea\n"),
            "11:9: spec.variants[0].artifact: expected exactly one of {image} or {url}, found {url, sha256, image}"),
        Arguments.of(
            "no variants",
            RELEASE.substring(0, RELEASE.indexOf("  variants:")) + "  variants: []\n",
            "8:13: spec.variants: expected at least 1 item(s), found 0"),
        Arguments.of(
            "version written as a number",
            RELEASE.replace("version: 2.4.0", "version: 2.30"),
            "7:12: spec.version: expected a string, found a number 2.30; quote it to keep it as text"),
        Arguments.of(
            "requirement without an operator",
            RELEASE.replace("          in: [x86_64, aarch64]\n", ""),
            "13:11: spec.variants[0].requirements[0]: expected at least one of"),
        Arguments.of(
            "two variants with one name",
            RELEASE + RELEASE.substring(RELEASE.indexOf("    - name: default")),
            "15:13: spec.variants[1].name: duplicate variant name \"default\" (already used by variants[0])"),
        Arguments.of(
            "a secret env value written in place, which is not repeated",
            RUN_RELEASE.replace("LOG_LEVEL: info", "DB_PASSWORD: hunter2-planted"),
            "16:24: spec.variants[0].run.env.DB_PASSWORD: expected a secret reference as"
                + " {secretRef: env:NAME | file:/path | vault:mount/path#key}, found a value"
                + " written in place (not shown, in case it is the secret itself)"),
        Arguments.of(
            "an unknown placeholder in a command",
            RUN_RELEASE.replace("\"{{port}}\"]", "\"{{host}}\"]"),
            "14:55: spec.variants[0].run.command[4]: unknown placeholder \"{{host}}\"; expected"
                + " {{port}} (the port this instance listens on) or {{artifact}}"),
        Arguments.of(
            "an unknown placeholder in an env value",
            RUN_RELEASE.replace("LOG_LEVEL: info", "LOG_LEVEL: \"{{level}}\""),
            "16:22: spec.variants[0].run.env.LOG_LEVEL: unknown placeholder \"{{level}}\""),
        Arguments.of(
            "ten thousand instances",
            RUN_RELEASE.replace("      env:", "      instances: 10000\n        env:"),
            "15:20: spec.variants[0].run.instances: expected at most 100, found a number 10000"),
        Arguments.of(
            "a run beside an image",
            RELEASE.replace(
                "      requirements:\n        - fact: cpu.arch\n          in: [x86_64, aarch64]\n",
                "      run:\n        command: [./serve]\n"),
            "13:9: spec.variants[0].run: run is for a url artifact"),
        Arguments.of(
            "a judged metric's direction 'up'",
            ANALYSIS
                + """
                  judge:
                    mannWhitney: {confidence: 0.95, effectSize: 0.1, marginal: 50, pass: 75}
                    metrics:
                      - name: error-rate
                        direction: up
                """,
            "16:20: spec.judge.metrics[0].direction: expected one of increase, decrease, either, found \"up\""),
        Arguments.of(
            "group weights that do not add up to 100",
            ANALYSIS
                + """
                  judge:
                    mannWhitney: {confidence: 0.95, effectSize: 0.1, marginal: 50, pass: 75}
                    metrics:
                      - {name: error-rate, group: errors}
                    groups:
                      errors: 90
                """,
            "17:7: spec.judge.groups: the weights of the groups add up to 90.0, not 100"),
        Arguments.of(
            "the same resource twice",
            SERVICE + "---\n" + SERVICE,
            "11:9: metadata.name: Service/payments-api is defined twice (first in case.yaml, document 1)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void is_refused_with_its_position_and_reason(String title, String yaml, String expected) {
    ParseReport report =
        new ResourceParser().parse("case.yaml", yaml.getBytes(StandardCharsets.UTF_8));

    assertThat(report.ok()).isFalse();
    assertThat(report.resources()).isEmpty();
    assertThat(report.problems())
        .extracting(Problem::format)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "case.yaml:"
                            + expected.substring(
                                0, expected.indexOf(':', expected.indexOf(':') + 1) + 1))
                    .contains(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hunter2-planted", "271828", "'quoted planted'", "s3cr3t"})
  void a_value_where_a_secret_reference_belongs_is_never_repeated(String written) {
    String yaml =
        ENVIRONMENT.replace(
            "type: local", "type: agent\n    connection:\n      dbPassword: " + written);

    ParseReport report =
        new ResourceParser().parse("case.yaml", yaml.getBytes(StandardCharsets.UTF_8));

    assertThat(report.problems())
        .extracting(Problem::format)
        .hasSize(1)
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains("use", "env:NAME")
                    .doesNotContain(written.replace("'", ""))
                    .doesNotContain("planted"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hunter2-planted", "271828", "'quoted planted'", "true"})
  void a_secret_env_value_written_in_place_is_never_repeated(String written) {
    String yaml = RUN_RELEASE.replace("LOG_LEVEL: info", "API_TOKEN: " + written);

    ParseReport report =
        new ResourceParser().parse("case.yaml", yaml.getBytes(StandardCharsets.UTF_8));

    assertThat(report.problems())
        .extracting(Problem::format)
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .contains("spec.variants[0].run.env.API_TOKEN", "secretRef", "not shown")
        .doesNotContain(written.replace("'", ""))
        .doesNotContain("planted");
  }

  @Test
  void a_password_in_a_prometheus_address_is_never_repeated() {
    String yaml =
        ANALYSIS.replace("http://prometheus:9090", "https://admin:hunter2-planted@prometheus:9090");

    ParseReport report =
        new ResourceParser().parse("case.yaml", yaml.getBytes(StandardCharsets.UTF_8));

    assertThat(report.problems())
        .extracting(Problem::format)
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .contains("without user:password@")
        .doesNotContain("hunter2");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "https://artifacts.acme.example/fraud-detector/1.4.0/fraud-detector-1.4.0-gpu.tar.gz",
        "https://github.com/acme/fraud-detector/actions/runs/9481726354",
        "s3://acme-ml-datasets/fraud/transactions/2024-05-31/"
      })
  void a_password_in_a_release_url_is_refused_and_never_repeated(String url) throws Exception {
    String example =
        Files.readString(Path.of("..", "examples", "releases", "fraud-detector-1.4.0.yaml"));
    int scheme = url.indexOf("://") + 3;
    String withPassword = url.substring(0, scheme) + "ci:hunter2-planted@" + url.substring(scheme);
    assertThat(example).contains(url);

    ParseReport report =
        new ResourceParser()
            .parse(
                "case.yaml", example.replace(url, withPassword).getBytes(StandardCharsets.UTF_8));

    assertThat(report.problems())
        .extracting(Problem::format)
        .singleElement(as(InstanceOfAssertFactories.STRING))
        .containsPattern("(without|no) user:password@")
        .doesNotContain("hunter2");
  }
}
