package dev.sextant.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Validator;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.compat.parameter.ParameterValue;
import dev.sextant.core.document.DocumentReader;
import dev.sextant.core.document.Limits;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.plan.TierResult.Status;
import dev.sextant.core.plan.VariantResult.Outcome;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.Metadata;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.spec.Check;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.ResourceParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planner on the example release and the example fingerprints, with the real validators. */
class PlannerTest {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final Path FINGERPRINTS = Path.of("..", "fingerprints");
  private static final Validators VALIDATORS = Validators.standard();

  private final Resource fraudDetector =
      release(EXAMPLES.resolve("releases/fraud-detector-1.4.0.yaml"));
  private final Target h100 = target("h100", "h100.yaml");
  private final Target t4 = target("t4", "t4.yaml");
  private final Target arm = target("graviton", "graviton-arm.yaml");

  @Test
  void the_gpu_variant_is_chosen_on_an_h100_with_driver_550() {
    TargetPlan plan =
        only(new Planner(VALIDATORS).plan(List.of(fraudDetector), List.of(h100), List.of()));

    assertThat(plan.verdict()).isEqualTo(Verdict.COMPATIBLE);
    assertThat(plan.variant()).contains("gpu");
    VariantResult gpu = plan.variants().get(0);
    assertThat(gpu.outcome()).isEqualTo(Outcome.CHOSEN);
    assertThat(requirement(gpu, "cuda").finding().observed()).contains("550.54.15");
    assertThat(requirement(gpu, "computeCapability").finding().observed()).contains("9.0");
    assertThat(plan.variants().get(1).outcome()).isEqualTo(Outcome.NOT_TRIED);
    assertThat(plan.variants().get(1).reason()).contains("gpu");
  }

  @Test
  void a_t4_with_driver_535_falls_back_to_cpu_and_says_why_gpu_was_rejected() {
    TargetPlan plan =
        only(new Planner(VALIDATORS).plan(List.of(fraudDetector), List.of(t4), List.of()));

    assertThat(plan.verdict()).isEqualTo(Verdict.COMPATIBLE);
    assertThat(plan.variant()).contains("cpu");
    assertThat(plan.reason()).startsWith("fallback to variant cpu").contains("gpu");
    VariantResult gpu = plan.variants().get(0);
    assertThat(gpu.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(gpu.reason()).startsWith("tier 1: cuda");

    Finding cuda = requirement(gpu, "cuda").finding();
    assertThat(cuda.met()).isFalse();
    assertThat(cuda.facts()).isNotEmpty();
    assertThat(cuda.required()).contains("12.4");
    assertThat(cuda.observed()).contains("12.2");
    Finding capability = requirement(gpu, "computeCapability").finding();
    assertThat(capability.met()).isFalse();
    assertThat(capability.facts()).contains("gpu[0].compute_capability");
    assertThat(capability.required()).contains("8.0");
    assertThat(capability.observed()).contains("7.5");
    assertThat(gpu.tiers().get(2).status()).isEqualTo(Status.SKIPPED);
    assertThat(gpu.tiers().get(2).reason()).isEqualTo("tier 1 failed");
    assertThat(plan.variants().get(1).outcome()).isEqualTo(Outcome.CHOSEN);
  }

  @Test
  void an_arm_host_without_avx2_is_incompatible_and_each_reason_names_fact_required_and_observed() {
    TargetPlan plan =
        only(new Planner(VALIDATORS).plan(List.of(fraudDetector), List.of(arm), List.of()));

    assertThat(plan.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
    assertThat(plan.variant()).isEmpty();
    assertThat(plan.reason()).startsWith("no variant fits");
    VariantResult cpu = plan.variants().get(1);
    Finding arch = requirement(cpu, "cpu.arch").finding();
    assertThat(arch.met()).isFalse();
    assertThat(arch.facts()).containsExactly("cpu.arch");
    assertThat(arch.required()).contains("x86_64");
    assertThat(arch.observed()).contains("aarch64");
    Finding flags = requirement(cpu, "cpu.flags").finding();
    assertThat(flags.met()).isFalse();
    assertThat(flags.required()).contains("avx2", "fma");
    assertThat(flags.observed()).contains("asimd");
    assertThat(flags.reason()).contains("avx2");
    for (VariantResult variant : plan.variants()) {
      for (RequirementResult r : variant.tiers().get(1).requirements()) {
        if (!r.met()) {
          assertThat(r.finding().facts()).as(r.name()).isNotEmpty();
          assertThat(r.finding().required()).as(r.name()).isNotBlank();
          assertThat(r.finding().observed()).as(r.name()).isNotBlank();
          assertThat(r.source()).as(r.name()).isNotBlank();
        }
      }
    }
  }

  @Test
  void
      a_host_written_by_hand_without_python_tags_gets_the_cpu_variant_on_tags_derived_as_the_probe_would() {
    Fingerprint handWritten =
        FingerprintFiles.parse(
            "batch-node.yaml",
            """
        facts:
          cpu.arch: x86_64
          cpu.flags: [avx2, fma]
          memory.total: 32Gi
          libc.family: glibc
          libc.version: "2.35"
          python.implementation: cpython
          python.version: 3.11.9
        """
                .getBytes(StandardCharsets.UTF_8));
    Target batch = Target.of("batch-node", Target.Origin.FINGERPRINT_FILE, handWritten);

    TargetPlan plan =
        only(new Planner(VALIDATORS).plan(List.of(fraudDetector), List.of(batch), List.of()));

    assertThat(plan.verdict()).isEqualTo(Verdict.COMPATIBLE);
    assertThat(plan.variant()).contains("cpu");
    Finding wheel = requirement(plan.variants().get(1), "wheel").finding();
    assertThat(wheel.met()).isTrue();
    assertThat(wheel.observed()).startsWith("cp311-cp311-linux_x86_64 (rank ").endsWith(" of 889)");
    assertThat(wheel.caveats())
        .anySatisfy(caveat -> assertThat(caveat).contains("tags were derived"));
  }

  @Test
  void derived_parameters_are_resolved_from_facts_with_their_derivation() {
    TargetPlan plan =
        only(new Planner(VALIDATORS).plan(List.of(fraudDetector), List.of(h100), List.of()));

    ParameterValue batch = plan.variants().get(0).parameters().get(0);
    assertThat(batch.name()).isEqualTo("batchSize");
    // 81559Mi / 2Gi = 39.8, rounded down, within [8, 64]
    assertThat(batch.value()).contains("39");
    assertThat(batch.derivation()).contains("gpu[0].memory");
  }

  @Test
  void a_blocked_environment_is_blocked_and_no_tier_above_zero_runs() {
    Target blocked =
        new Target(
            "prod-eu",
            Target.Origin.OBSERVED,
            h100.fingerprint(),
            h100.digest(),
            Optional.empty(),
            Optional.of("gpu.driver.version changed from 535.104.05 to 550.54.15"));

    TargetPlan plan =
        only(new Planner(VALIDATORS).plan(List.of(fraudDetector), List.of(blocked), List.of()));

    assertThat(plan.verdict()).isEqualTo(Verdict.BLOCKED);
    assertThat(plan.reason()).contains("blocked", "gpu.driver.version");
    for (VariantResult variant : plan.variants()) {
      assertThat(variant.outcome()).isEqualTo(Outcome.REJECTED);
      assertThat(variant.tiers())
          .extracting(TierResult::status)
          .containsExactly(Status.FAILED, Status.SKIPPED, Status.SKIPPED);
      assertThat(variant.tiers().get(1).reason()).isEqualTo("tier 0 failed");
    }
  }

  @Test
  void a_failing_deep_check_rejects_the_variant_at_tier_2_and_keeps_its_output() {
    RecordingExecutor executor = new RecordingExecutor(1, "AssertionError: CUDA not available");
    Target here =
        new Target(
            "here",
            Target.Origin.THIS_HOST,
            h100.fingerprint(),
            h100.digest(),
            Optional.empty(),
            Optional.empty());

    TargetPlan plan =
        only(
            new Planner(VALIDATORS, executor, true)
                .plan(List.of(fraudDetector), List.of(here), List.of()));

    assertThat(executor.ran).containsExactly("import-torch");
    VariantResult gpu = plan.variants().get(0);
    assertThat(gpu.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(gpu.reason()).startsWith("tier 2: check import-torch");
    TierResult two = gpu.tiers().get(2);
    assertThat(two.status()).isEqualTo(Status.FAILED);
    assertThat(two.checks().get(0).run().output()).isEqualTo("AssertionError: CUDA not available");
    assertThat(plan.variant()).contains("cpu");
  }

  @Test
  void deep_checks_are_skipped_with_the_reason_when_not_asked_for_or_out_of_reach() {
    RecordingExecutor executor = new RecordingExecutor(0, "");

    TargetPlan notAsked =
        only(
            new Planner(VALIDATORS, executor, false)
                .plan(List.of(fraudDetector), List.of(h100), List.of()));
    TargetPlan outOfReach =
        only(
            new Planner(VALIDATORS, CheckExecutor.NONE, true)
                .plan(List.of(fraudDetector), List.of(h100), List.of()));

    assertThat(executor.ran).isEmpty();
    assertThat(notAsked.variants().get(0).tiers().get(2).reason()).contains("--deep");
    assertThat(outOfReach.variants().get(0).tiers().get(2).status()).isEqualTo(Status.SKIPPED);
    assertThat(outOfReach.variants().get(0).tiers().get(2).reason())
        .contains("nothing can run commands in h100");
    assertThat(notAsked.verdict()).isEqualTo(Verdict.COMPATIBLE);
  }

  @Test
  void a_passing_deep_check_keeps_the_variant() {
    RecordingExecutor executor = new RecordingExecutor(0, "ok");
    Target here =
        new Target(
            "here",
            Target.Origin.THIS_HOST,
            h100.fingerprint(),
            h100.digest(),
            Optional.empty(),
            Optional.empty());

    TargetPlan plan =
        only(
            new Planner(VALIDATORS, executor, true)
                .plan(List.of(fraudDetector), List.of(here), List.of()));

    assertThat(plan.variant()).contains("gpu");
    assertThat(plan.variants().get(0).tiers().get(2).status()).isEqualTo(Status.PASSED);
  }

  @Test
  void the_same_inputs_give_byte_identical_json_and_the_same_digest() {
    List<Resource> releases =
        List.of(fraudDetector, release(EXAMPLES.resolve("releases/payments-api-2.4.0.yaml")));
    Plan first = new Planner(VALIDATORS).plan(releases, List.of(h100, t4, arm), List.of());
    Plan second =
        new Planner(Validators.standard())
            .plan(
                List.of(
                    release(EXAMPLES.resolve("releases/payments-api-2.4.0.yaml")),
                    release(EXAMPLES.resolve("releases/fraud-detector-1.4.0.yaml"))),
                List.of(arm, target("t4", "t4.yaml"), h100),
                List.of());

    assertThat(PlanJson.write(second).toString()).isEqualTo(PlanJson.write(first).toString());
    assertThat(second.digest()).isEqualTo(first.digest());
    assertThat(PlanJson.write(first).get("digest").asText()).isEqualTo(first.digest().value());
  }

  @Test
  void a_different_fact_gives_a_different_digest() {
    Plan before = new Planner(VALIDATORS).plan(List.of(fraudDetector), List.of(t4), List.of());
    Target upgraded =
        Target.of(
            "t4",
            Target.Origin.FINGERPRINT_FILE,
            t4.fingerprint()
                .with(
                    "gpu.driver.version",
                    new dev.sextant.core.fingerprint.Fact.Version("550.54.15")));
    Plan after = new Planner(VALIDATORS).plan(List.of(fraudDetector), List.of(upgraded), List.of());

    assertThat(after.digest()).isNotEqualTo(before.digest());
  }

  @Test
  void providers_are_planned_before_their_consumers() {
    Plan plan =
        new Planner(VALIDATORS)
            .plan(
                List.of(
                    release(EXAMPLES.resolve("releases/checkout-web-3.2.0.yaml")),
                    release(EXAMPLES.resolve("releases/payments-api-2.4.0.yaml")),
                    release(EXAMPLES.resolve("releases/fraud-detector-1.4.0.yaml"))),
                List.of(h100),
                List.of());

    assertThat(plan.releases())
        .extracting(ReleasePlan::service)
        .containsExactly("fraud-detector", "payments-api", "checkout-web");
    assertThat(plan.releases().get(2).dependencies())
        .extracting(DependencyResult::service)
        .containsExactly("payments-api", "fraud-detector");
  }

  @Test
  void a_provider_release_that_would_break_a_consumer_in_place_is_refused_naming_the_consumer() {
    Resource paymentsV3 =
        parse(
            "payments-3.yaml",
            """
        apiVersion: sextant.dev/v1
        kind: Release
        metadata: {name: payments-api-3-0-0}
        spec:
          service: payments-api
          version: 3.0.0
          api: {version: 3.0.0}
          variants:
            - name: default
              artifact: {image: "registry.example/payments@sha256:%s"}
        """
                .formatted("a".repeat(64)));

    Plan plan =
        new Planner(VALIDATORS)
            .plan(
                List.of(paymentsV3),
                List.of(h100),
                List.of(release(EXAMPLES.resolve("releases/checkout-web-3.2.0.yaml"))));

    TargetPlan target = only(plan);
    assertThat(target.verdict()).isEqualTo(Verdict.INCOMPATIBLE);
    assertThat(target.reason()).contains("checkout-web", "^2.1.0");
    assertThat(plan.releases().get(0).refusals()).hasSize(1);
  }

  @Test
  void a_dependency_cycle_is_bad_input_naming_every_service_on_it() {
    List<Resource> releases = new ArrayList<>();
    String[][] cycle = {{"alpha", "beta"}, {"beta", "gamma"}, {"gamma", "alpha"}};
    for (String[] edge : cycle) {
      releases.add(
          parse(
              edge[0] + ".yaml",
              """
          apiVersion: sextant.dev/v1
          kind: Release
          metadata: {name: %1$s-1-0-0}
          spec:
            service: %1$s
            version: 1.0.0
            api: {version: 1.0.0}
            dependencies:
              - {service: %2$s, api: ^1.0.0}
            variants:
              - name: default
                artifact: {image: "registry.example/%1$s@sha256:%3$s"}
          """
                  .formatted(edge[0], edge[1], "b".repeat(64))));
    }

    assertThatThrownBy(() -> new Planner(VALIDATORS).plan(releases, List.of(h100), List.of()))
        .isInstanceOf(PlanInputException.class)
        .hasMessageContaining("alpha")
        .hasMessageContaining("beta")
        .hasMessageContaining("gamma")
        .hasMessageContaining("cycle");
  }

  @Test
  void requirements_that_cannot_be_used_are_reported_at_their_field_all_at_once() {
    // Read without the parser's own checks, which refuse it first: plan must refuse it too.
    Resource bad =
        unchecked(
            """
        apiVersion: sextant.dev/v1
        kind: Release
        metadata: {name: bad-1-0-0}
        spec:
          service: bad
          version: 1.0.0
          variants:
            - name: gpu
              artifact: {image: "registry.example/bad@sha256:%s"}
              requirements:
                - rule: cudaa
                - rule: cuda
                  with: {toolkit: "12.4", headrom: 1Gi}
                - fact: memory.total
                  min: 16Gx
        """
                .formatted("c".repeat(64)));

    assertThatThrownBy(() -> new Planner(VALIDATORS).plan(List.of(bad), List.of(h100), List.of()))
        .isInstanceOfSatisfying(
            PlanInputException.class,
            e -> {
              assertThat(e.issues())
                  .extracting(i -> i.field().toString())
                  .containsExactly(
                      "spec.variants[0].requirements[0].rule",
                      "spec.variants[0].requirements[1].with.headrom",
                      "spec.variants[0].requirements[2].min");
              assertThat(e.issues().get(0).message()).contains("cudaa", "cuda");
            });
  }

  @Test
  void a_validator_that_throws_fails_its_requirement_in_that_environment_not_the_plan() {
    Validator broken =
        new Validator() {
          public String rule() {
            return "broken";
          }

          public String summary() {
            return "always throws";
          }

          public String source() {
            return "a test";
          }

          public dev.sextant.core.compat.Constraint prepare(
              dev.sextant.core.resource.spec.Requirement requirement) {
            return facts -> {
              throw new IllegalStateException("index out of bounds in a plug-in");
            };
          }
        };
    Resource release =
        parse(
            "broken.yaml",
            Validators.of(List.of(broken)),
            """
        apiVersion: sextant.dev/v1
        kind: Release
        metadata: {name: broken-1-0-0}
        spec:
          service: broken
          version: 1.0.0
          variants:
            - name: strict
              artifact: {image: "registry.example/broken@sha256:%s"}
              requirements:
                - rule: broken
            - name: plain
              artifact: {image: "registry.example/broken@sha256:%s"}
        """
                .formatted("f".repeat(64), "f".repeat(64)));

    TargetPlan plan =
        only(
            new Planner(Validators.of(List.of(broken)))
                .plan(List.of(release), List.of(h100), List.of()));

    assertThat(plan.variant()).contains("plain");
    Finding finding = requirement(plan.variants().get(0), "broken").finding();
    assertThat(finding.met()).isFalse();
    assertThat(finding.reason())
        .contains("broken check failed", "index out of bounds in a plug-in");
  }

  private static TargetPlan only(Plan plan) {
    assertThat(plan.releases()).hasSize(1);
    assertThat(plan.releases().get(0).targets()).hasSize(1);
    return plan.releases().get(0).targets().get(0);
  }

  private static RequirementResult requirement(VariantResult variant, String name) {
    return variant.tiers().get(1).requirements().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no requirement " + name + " in " + variant));
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
      return parse(file.toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Resource parse(String source, String yaml) {
    return parse(source, yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static Resource parse(String source, Validators validators, String yaml) {
    return parse(source, yaml.getBytes(StandardCharsets.UTF_8), validators);
  }

  private static Resource parse(String source, byte[] bytes) {
    return parse(source, bytes, VALIDATORS);
  }

  private static Resource parse(String source, byte[] bytes, Validators validators) {
    ParseReport report = new ResourceParser(Limits.DEFAULT, validators).parse(source, bytes);
    assertThat(report.problems()).as(source).isEmpty();
    assertThat(report.resources()).hasSize(1);
    return report.resources().get(0);
  }

  /** A Release as written, without any of the parser's checks. */
  private static Resource unchecked(String yaml) {
    ObjectNode tree =
        (ObjectNode)
            new DocumentReader()
                .read("unchecked.yaml", yaml.getBytes(StandardCharsets.UTF_8))
                .documents()
                .get(0)
                .tree();
    return new Resource(
        Kind.RELEASE, new Metadata(tree.at("/metadata/name").asText(), Map.of(), Map.of()), tree);
  }

  /** Runs nothing: answers every check with the same exit code and output, and records it. */
  private static final class RecordingExecutor implements CheckExecutor {
    private final int exitCode;
    private final String output;
    final List<String> ran = new ArrayList<>();

    RecordingExecutor(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }

    @Override
    public boolean reaches(Target target) {
      return target.origin() == Target.Origin.THIS_HOST;
    }

    @Override
    public synchronized CheckRun run(Target target, Check check) {
      ran.add(check.name());
      return new CheckRun(exitCode, false, output, Optional.empty());
    }
  }
}
