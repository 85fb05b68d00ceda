package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code sextant plan --what-if}: today's plan against the plan on supposed facts. */
class PlanWhatIfTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RELEASE = "../examples/releases/fraud-detector-1.4.0.yaml";
  private static final String H100 = "../fingerprints/h100.yaml";
  private static final String T4 = "../fingerprints/t4.yaml";

  @TempDir Path home;
  @TempDir Path files;

  @Test
  void
      an_older_driver_on_the_h100_makes_fraud_detector_fall_back_to_cpu_with_the_driver_tables_reason_and_exits_3() {
    Cli.Result result =
        Cli.withHome(home)
            .run(
                "plan",
                "-f",
                RELEASE,
                "--fingerprint",
                H100,
                "--fingerprint",
                T4,
                "--what-if",
                "gpu.driver.version=535.104.05");

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    assertThat(result.out())
        .contains("What if gpu.driver.version=535.104.05")
        .contains(
            "prod-eu: gpu.driver.version 550.54.15 → 535.104.05; cuda.driver.max 12.4 → 12.2 (from"
                + " gpu.driver.version)")
        .contains("prod-us: unchanged")
        .containsPattern(
            "fraud-detector-1-4-0 +prod-eu +fell-back +gpu +cpu +fallback to variant cpu")
        .contains("CUDA 12.4 needs driver ≥ 550.54.14")
        .contains("variant gpu would not fit", "✗ cuda: required CUDA 12.4 (driver ≥ 550.54.14)")
        .contains("1 fell-back", "1 unchanged", "Something that fits today would break.");
    assertThat(result.out()).doesNotContainPattern("fraud-detector-1-4-0 +prod-us");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void a_what_if_that_changes_nothing_exits_0_and_says_so() {
    Cli.Result result =
        Cli.withHome(home)
            .run(
                "plan",
                "-f",
                RELEASE,
                "--fingerprint",
                H100,
                "--fingerprint",
                T4,
                "--what-if",
                "os.version=22.04");

    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains("Nothing changes")
        .contains("2 unchanged")
        .doesNotContain("RELEASE");
  }

  @Test
  void a_release_that_newly_fits_after_an_os_upgrade_is_shown_and_breaks_nothing()
      throws Exception {
    Path release =
        Files.writeString(
            files.resolve("noble-only.yaml"),
            """
            apiVersion: sextant.dev/v1
            kind: Release
            metadata: {name: noble-only-1-0-0}
            spec:
              service: noble-only
              version: 1.0.0
              variants:
                - name: default
                  artifact: {image: "registry.example/noble-only@sha256:%s"}
                  requirements:
                    - fact: os.version
                      min: "24.04"
            """
                .formatted("a".repeat(64)));

    Cli.Result today =
        Cli.withHome(home).run("plan", "-f", release.toString(), "--fingerprint", H100);
    Cli.Result result =
        Cli.withHome(home)
            .run(
                "plan",
                "-f",
                release.toString(),
                "--fingerprint",
                H100,
                "--what-if",
                "os.version=24.04");

    assertThat(today.code()).as(today.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    assertThat(result.code()).as(result.toString()).isZero();
    assertThat(result.out())
        .containsPattern("noble-only-1-0-0 +prod-eu +newly-fits +incompatible +default")
        .contains("Nothing that fits today would break.");
  }

  @Test
  void the_json_has_the_changes_as_fields_and_the_same_bytes_on_every_run() throws Exception {
    String[] args = {
      "plan",
      "-f",
      RELEASE,
      "--fingerprint",
      H100,
      "--fingerprint",
      T4,
      "--what-if",
      "gpu.driver.version=535.104.05",
      "-o",
      "json"
    };
    Cli.Result first = Cli.withHome(home).run(args);
    Cli.Result second = Cli.withHome(home).run(args);

    assertThat(first.code()).as(first.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    assertThat(second.out()).isEqualTo(first.out());
    JsonNode json = JSON.readTree(first.out());
    assertThat(json.get("kind").asText()).isEqualTo("WhatIf");
    assertThat(json.get("digest").asText()).startsWith("sha256:");
    assertThat(json.at("/summary/breaks").asBoolean()).isTrue();
    assertThat(json.at("/summary/fellBack").asInt()).isEqualTo(1);
    assertThat(json.at("/plans/today").asText()).isNotEqualTo(json.at("/plans/whatIf").asText());
    JsonNode change = json.at("/changes/0");
    assertThat(change.get("release").asText()).isEqualTo("fraud-detector-1-4-0");
    assertThat(change.get("environment").asText()).isEqualTo("prod-eu");
    assertThat(change.get("change").asText()).isEqualTo("fell-back");
    assertThat(change.at("/today/variant").asText()).isEqualTo("gpu");
    assertThat(change.at("/whatIf/variant").asText()).isEqualTo("cpu");
    assertThat(change.get("lostVariant").asText()).isEqualTo("gpu");
    assertThat(change.at("/unmet/0/name").asText()).isEqualTo("cuda");
    assertThat(change.at("/unmet/0/reason").asText())
        .contains("CUDA 12.4 needs driver ≥ 550.54.14");
  }

  @Test
  void a_fact_no_environment_has_is_a_usage_error_with_the_nearest_fact() {
    Cli.Result result =
        Cli.withHome(home)
            .run(
                "plan",
                "-f",
                RELEASE,
                "--fingerprint",
                H100,
                "--what-if",
                "gpu.driver.versoin=575.57.08");

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .startsWith(
            "error: --what-if gpu.driver.versoin=575.57.08: no environment of this plan has the"
                + " fact gpu.driver.versoin")
        .contains("did you mean \"gpu.driver.version\"?")
        .doesNotContain("Exception", "\tat ");
  }

  @Test
  void a_value_not_of_the_facts_type_a_what_if_without_a_value_and_deep_checks_are_usage_errors() {
    Cli cli = Cli.withHome(home);

    Cli.Result version =
        cli.run(
            "plan", "-f", RELEASE, "--fingerprint", H100, "--what-if", "gpu.driver.version=latest");
    Cli.Result quantity =
        cli.run("plan", "-f", RELEASE, "--fingerprint", H100, "--what-if", "memory.total=lots");
    Cli.Result form =
        cli.run("plan", "-f", RELEASE, "--fingerprint", H100, "--what-if", "gpu.driver.version");
    Cli.Result deep =
        cli.run("plan", "-f", RELEASE, "--here", "--deep", "--what-if", "os.version=24.04");

    assertThat(version.code()).as(version.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(version.err()).contains("\"latest\" is not a version", "such as 535.104.05");
    assertThat(quantity.code()).as(quantity.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(quantity.err()).contains("--what-if memory.total=lots: ");
    assertThat(form.code()).as(form.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(form.err()).contains("expected KEY=VALUE");
    assertThat(deep.code()).as(deep.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(deep.err()).contains("--deep", "--what-if");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(StoreChoice.class)
  void without_f_every_stored_release_is_planned_on_the_selected_stored_environments(
      StoreChoice store) throws Exception {
    Cli cli = store.cli(home);
    Path environments =
        Files.writeString(
            files.resolve("envs.yaml"),
            """
            apiVersion: sextant.dev/v1
            kind: Environment
            metadata:
              name: prod-eu
              labels: {tier: prod}
            spec:
              target: {type: agent}
            ---
            apiVersion: sextant.dev/v1
            kind: Environment
            metadata:
              name: lab
              labels: {tier: lab}
            spec:
              target: {type: agent}
              facts:
                os.version: "22.04"
            """);
    assertThat(cli.store("apply", "-f", environments.toString()).code()).isZero();
    Cli.Result recorded = cli.store("fingerprint", "--record", "prod-eu", "-f", H100);
    assertThat(recorded.code()).as(recorded.toString()).isZero();
    Cli.Result applied = cli.store("apply", "-f", RELEASE);
    assertThat(applied.code()).as(applied.toString()).isZero();

    Cli.Result result =
        cli.store(
            "plan", "--what-if", "gpu.driver.version=535.104.05", "-l", "tier=prod", "-o", "json");

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    JsonNode json = JSON.readTree(result.out());
    assertThat(json.at("/environments").findValuesAsText("name")).containsExactly("prod-eu");
    assertThat(json.at("/environments/0/origin").asText()).isEqualTo("observed");
    assertThat(json.at("/changes/0/release").asText()).isEqualTo("fraud-detector-1-4-0");
    assertThat(json.at("/changes/0/change").asText()).isEqualTo("fell-back");
  }
}
