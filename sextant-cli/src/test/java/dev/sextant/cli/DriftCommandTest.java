package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code sextant drift}: declared facts and the last known good fingerprint against the latest. */
class DriftCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
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
          cpu.arch: x86_64
        drift: alert
      """;
  private static final String OBSERVED =
      """
      collectedAt: 2026-11-20T09:00:00Z
      facts:
        cpu.arch: x86_64
        gpu.driver.version: 550.54.15
        gpu[0].model: NVIDIA H100 80GB HBM3
      """;

  @TempDir Path home;
  @TempDir Path files;

  @ParameterizedTest(name = "on {0}")
  @EnumSource(StoreChoice.class)
  void a_declared_driver_that_differs_from_the_observed_one_is_exactly_the_drift(StoreChoice store)
      throws Exception {
    Cli cli = store.cli(home);
    cli.store("apply", "-f", Files.writeString(files.resolve("env.yaml"), ENVIRONMENT).toString());
    Cli.Result recorded =
        cli.store(
            "fingerprint",
            "--record",
            "gpu-lab",
            "-f",
            Files.writeString(files.resolve("fp.yaml"), OBSERVED).toString());
    assertThat(recorded.code()).as(recorded.toString()).isZero();

    Cli.Result result = cli.store("drift", "gpu-lab", "-o", "json");

    assertThat(result.code()).as(result.toString()).isEqualTo(ExitCode.INCOMPATIBLE);
    JsonNode changes = JSON.readTree(result.out()).at("/declared/changes");
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).get("key").asText()).isEqualTo("gpu.driver.version");
    assertThat(changes.get(0).get("layer").asText()).isEqualTo("platform");
    assertThat(changes.get(0).get("change").asText()).isEqualTo("changed");
    assertThat(changes.get(0).at("/expected/value").asText()).isEqualTo("535.104.05");
    assertThat(changes.get(0).at("/actual/value").asText()).isEqualTo("550.54.15");
    Cli.Result table = cli.store("drift", "gpu-lab");
    assertThat(table.out())
        .contains(
            "gpu.driver.version",
            "535.104.05",
            "550.54.15",
            "Against declared facts: 1 difference");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(StoreChoice.class)
  void drift_since_the_last_known_good_fingerprint(StoreChoice store) throws Exception {
    Cli cli = store.cli(home);
    cli.store(
        "apply",
        "-f",
        Files.writeString(files.resolve("env.yaml"), ENVIRONMENT.replace("535.104.05", "550.54.15"))
            .toString());
    cli.store(
        "fingerprint",
        "--record",
        "gpu-lab",
        "-f",
        Files.writeString(files.resolve("fp.yaml"), OBSERVED).toString());
    Cli.Result accepted = cli.store("drift", "gpu-lab", "--accept");
    assertThat(accepted.code()).as(accepted.toString()).isZero();
    assertThat(accepted.out())
        .contains("is now the last known good", "Since last known good: no drift");

    cli.store(
        "fingerprint",
        "--record",
        "gpu-lab",
        "-f",
        Files.writeString(
                files.resolve("fp2.yaml"),
                OBSERVED.replace("NVIDIA H100 80GB HBM3", "NVIDIA A100-SXM4-80GB"))
            .toString());
    JsonNode status = JSON.readTree(cli.store("drift", "gpu-lab", "-o", "json").out());

    assertThat(status.at("/declared/changes")).isEmpty();
    JsonNode since = status.at("/sinceLastKnownGood/changes");
    assertThat(since).hasSize(1);
    assertThat(since.get(0).get("key").asText()).isEqualTo("gpu[0].model");
    assertThat(since.get(0).at("/actual/value").asText()).isEqualTo("NVIDIA A100-SXM4-80GB");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(StoreChoice.class)
  void an_environment_without_a_fingerprint_or_declaration_is_reported(StoreChoice store)
      throws Exception {
    Cli cli = store.cli(home);

    Cli.Result unknown = cli.store("drift", "nowhere");
    cli.store("apply", "-f", Files.writeString(files.resolve("env.yaml"), ENVIRONMENT).toString());
    Cli.Result noFingerprint = cli.store("drift", "gpu-lab");

    assertThat(unknown.code()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(unknown.err()).contains("nowhere");
    assertThat(noFingerprint.code()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(noFingerprint.err()).contains("has no fingerprint yet");
  }
}
