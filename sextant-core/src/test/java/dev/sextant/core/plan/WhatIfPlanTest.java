package dev.sextant.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.ResourceParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What-ifs planned with the real planner and validators on the example release and fingerprints.
 */
class WhatIfPlanTest {
  private static final Path FINGERPRINTS = Path.of("..", "fingerprints");
  private static final Planner PLANNER = new Planner(Validators.standard());

  private final Resource fraudDetector =
      release(Path.of("..", "examples", "releases", "fraud-detector-1.4.0.yaml"));
  private final Resource nobleOnly =
      release(
          "noble-only.yaml",
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
  private final Target h100 = target("prod-eu", "h100.yaml");
  private final Target t4 = target("prod-us", "t4.yaml");

  @Test
  void an_older_driver_makes_the_h100_fall_back_to_cpu_with_the_driver_tables_reason() {
    WhatIfPlan plan =
        whatIf(List.of(fraudDetector), List.of(h100, t4), "gpu.driver.version=535.104.05");

    assertThat(plan.comparison().breaks()).isTrue();
    PlanChange change = only(plan.comparison().changed());
    assertThat(change.release()).isEqualTo("fraud-detector-1-4-0");
    assertThat(change.environment()).isEqualTo("prod-eu");
    assertThat(change.kind()).isEqualTo(PlanChange.Kind.FELL_BACK);
    assertThat(change.today().variant()).contains("gpu");
    assertThat(change.whatIf().variant()).contains("cpu");
    assertThat(change.lostVariant()).map(VariantResult::name).contains("gpu");
    RequirementResult cuda = only(change.unmet());
    assertThat(cuda.name()).isEqualTo("cuda");
    assertThat(cuda.finding().reason()).contains("CUDA 12.4 needs driver ≥ 550.54.14");
    assertThat(change.whatIf().reason()).contains("CUDA 12.4 needs driver ≥ 550.54.14");
    assertThat(plan.comparison().counts().get(PlanChange.Kind.UNCHANGED)).isEqualTo(1);
  }

  @Test
  void a_newer_driver_lets_an_h100_on_an_old_driver_move_up_to_gpu() {
    Target oldDriver = withDriver(h100, "535.104.05", "12.2");

    WhatIfPlan plan =
        whatIf(List.of(fraudDetector), List.of(oldDriver), "gpu.driver.version=575.57.08");

    PlanChange change = only(plan.comparison().changed());
    assertThat(change.kind()).isEqualTo(PlanChange.Kind.MOVED_UP);
    assertThat(change.today().variant()).contains("cpu");
    assertThat(change.whatIf().variant()).contains("gpu");
    assertThat(plan.comparison().breaks()).isFalse();
  }

  @Test
  void
      a_release_that_fits_nowhere_today_newly_fits_after_an_os_upgrade_and_one_that_fits_is_lost_after_a_downgrade() {
    WhatIfPlan upgrade = whatIf(List.of(nobleOnly), List.of(h100), "os.version=24.04");
    assertThat(only(upgrade.comparison().changed()).kind()).isEqualTo(PlanChange.Kind.NEWLY_FITS);
    assertThat(upgrade.comparison().breaks()).isFalse();

    Target noble =
        WhatIf.of(List.of(FactOverride.parse("os.version=24.04")), List.of(h100.fingerprint()))
            .apply(h100)
            .whatIf();
    WhatIfPlan downgrade = whatIf(List.of(nobleOnly), List.of(noble), "os.version=22.04");
    PlanChange lost = only(downgrade.comparison().changed());
    assertThat(lost.kind()).isEqualTo(PlanChange.Kind.LOST);
    assertThat(lost.whatIf().verdict()).isEqualTo(Verdict.INCOMPATIBLE);
    assertThat(only(lost.unmet()).name()).isEqualTo("os.version");
    assertThat(downgrade.comparison().breaks()).isTrue();
  }

  @Test
  void a_what_if_that_changes_no_fact_changes_no_plan() {
    WhatIfPlan plan =
        whatIf(List.of(fraudDetector), List.of(h100, t4), "gpu.driver.version=550.54.15");

    assertThat(plan.changesNoFact()).isFalse();
    assertThat(plan.comparison().changed()).isEmpty();
    assertThat(plan.comparison().breaks()).isFalse();

    WhatIfPlan same = whatIf(List.of(fraudDetector), List.of(h100), "gpu.driver.version=550.54.15");
    assertThat(same.changesNoFact()).isTrue();
    assertThat(same.supposed().digest()).isEqualTo(same.today().digest());
  }

  @Test
  void the_json_has_the_changes_as_fields_and_a_digest_that_is_the_same_for_the_same_inputs() {
    JsonNode json =
        WhatIfJson.write(
            whatIf(List.of(fraudDetector), List.of(h100, t4), "gpu.driver.version=535.104.05"));
    JsonNode again =
        WhatIfJson.write(
            whatIf(List.of(fraudDetector), List.of(h100, t4), "gpu.driver.version=535.104.05"));

    assertThat(json).isEqualTo(again);
    assertThat(json.get("kind").asText()).isEqualTo("WhatIf");
    assertThat(json.get("digest").asText()).startsWith("sha256:");
    assertThat(json.at("/whatIf/0/fact").asText()).isEqualTo("gpu.driver.version");
    assertThat(json.at("/whatIf/0/value/type").asText()).isEqualTo("version");
    assertThat(json.at("/summary/breaks").asBoolean()).isTrue();
    assertThat(json.at("/summary/fellBack").asInt()).isEqualTo(1);
    assertThat(json.at("/summary/unchanged").asInt()).isEqualTo(1);
    assertThat(json.at("/environments/0/name").asText()).isEqualTo("prod-eu");
    assertThat(json.at("/environments/0/facts/0/key").asText()).isEqualTo("gpu.driver.version");
    assertThat(json.at("/environments/0/facts/0/derivedFrom").isNull()).isTrue();
    assertThat(json.at("/environments/0/facts/1/key").asText()).isEqualTo("cuda.driver.max");
    assertThat(json.at("/environments/0/facts/1/derivedFrom").asText())
        .isEqualTo("gpu.driver.version");
    assertThat(json.at("/environments/0/facts/1/whatIf/value").asText()).isEqualTo("12.2");
    assertThat(json.at("/environments/1/facts")).isEmpty();
    JsonNode change = json.at("/changes/0");
    assertThat(change.get("change").asText()).isEqualTo("fell-back");
    assertThat(change.at("/today/variant").asText()).isEqualTo("gpu");
    assertThat(change.at("/whatIf/variant").asText()).isEqualTo("cpu");
    assertThat(change.at("/unmet/0/reason").asText()).contains("needs driver ≥ 550.54.14");
    assertThat(json.get("changes")).hasSize(1);
  }

  private static WhatIfPlan whatIf(
      List<Resource> releases, List<Target> targets, String... overrides) {
    WhatIf whatIf =
        WhatIf.of(
            List.of(overrides).stream().map(FactOverride::parse).toList(),
            targets.stream().map(Target::fingerprint).toList());
    Plan today = PLANNER.plan(releases, targets, List.of());
    return WhatIfPlan.of(PLANNER, today, releases, targets, List.of(), whatIf);
  }

  private static <T> T only(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  private static Target withDriver(Target target, String driver, String cudaMax) {
    Fingerprint facts =
        target
            .fingerprint()
            .with("gpu.driver.version", new dev.sextant.core.fingerprint.Fact.Version(driver))
            .with("cuda.driver.max", new dev.sextant.core.fingerprint.Fact.Version(cudaMax));
    return Target.of(target.environment(), target.origin(), facts);
  }

  private static Target target(String name, String file) {
    try {
      Fingerprint fingerprint =
          FingerprintFiles.parse(file, Files.readAllBytes(FINGERPRINTS.resolve(file)));
      return Target.of(name, Target.Origin.FINGERPRINT_FILE, fingerprint);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Resource release(Path file) {
    try {
      return release(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Resource release(String source, String yaml) {
    ParseReport report = new ResourceParser().parse(source, yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(report.problems()).as(source).isEmpty();
    return report.resources().get(0);
  }
}
