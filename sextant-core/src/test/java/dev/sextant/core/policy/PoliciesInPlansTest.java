package dev.sextant.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.compat.Validators;
import dev.sextant.core.document.Limits;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.plan.FactOverride;
import dev.sextant.core.plan.Plan;
import dev.sextant.core.plan.PlanChange;
import dev.sextant.core.plan.PlanJson;
import dev.sextant.core.plan.Planner;
import dev.sextant.core.plan.Target;
import dev.sextant.core.plan.TargetPlan;
import dev.sextant.core.plan.Verdict;
import dev.sextant.core.plan.WhatIf;
import dev.sextant.core.plan.WhatIfPlan;
import dev.sextant.core.policy.PolicyOutcome.Status;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.validation.ParseReport;
import dev.sextant.core.validation.ResourceParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example Policies evaluated by the real planner on the example releases and environments: each
 * gives its verdict with its message, and a rule that cannot be checked denies.
 */
class PoliciesInPlansTest {
  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final Validators VALIDATORS = Validators.standard();
  // A Tuesday, 10:00 UTC: inside the example deployment window.
  private static final Instant TUESDAY_MORNING = Instant.parse("2026-12-08T10:00:00Z");
  private static final Instant SATURDAY_NIGHT = Instant.parse("2026-12-05T23:30:00Z");

  private final List<Resource> policies = all(EXAMPLES.resolve("policies"));
  private final Resource fraudDetector = example("releases/fraud-detector-1.4.0.yaml");
  private final Resource payments = example("releases/payments-api-2.4.0.yaml");
  private final Resource checkout = example("releases/checkout-web-3.2.0.yaml");
  private final Resource prodUs = example("environments/prod-us.yaml");
  private final Resource staging = example("environments/staging.yaml");

  @Test
  void a_signed_licensed_model_with_its_dataset_and_seed_is_compatible_in_prod() {
    TargetPlan plan = plan(fraudDetector, prodUs, policies, TUESDAY_MORNING);

    assertThat(plan.verdict()).as(plan.reason()).isEqualTo(Verdict.COMPATIBLE);
    assertThat(plan.policies())
        .extracting(PolicyOutcome::policy)
        .containsExactly(
            "allowed-registries",
            "eu-data-residency",
            "licence-allow-list",
            "ml-training-provenance",
            "prod-signed-releases",
            "prod-verified-provenance");
    assertThat(plan.policies()).allMatch(o -> o.status() == Status.HOLDS);
  }

  @Test
  void an_unsigned_release_needs_an_approvers_approval_in_prod() {
    TargetPlan plan = plan(payments, prodUs, policies, TUESDAY_MORNING);

    assertThat(plan.verdict()).isEqualTo(Verdict.NEEDS_APPROVAL);
    assertThat(plan.reason())
        .startsWith(
            "policy prod-signed-releases needs an approval by role:approver: Unsigned"
                + " release; a release manager must confirm where it came from.");
    PolicyOutcome signed = outcome(plan, "prod-signed-releases");
    assertThat(signed.needsApproval()).isTrue();
    assertThat(signed.approvers()).containsExactly("role:approver");
    assertThat(signed.approvals()).isEqualTo(1);
    assertThat(plan.variant()).isPresent();
  }

  @Test
  void the_same_unsigned_release_is_compatible_in_staging_where_the_policy_does_not_apply() {
    TargetPlan plan = plan(payments, staging, policies, TUESDAY_MORNING);

    assertThat(plan.verdict()).as(plan.reason()).isEqualTo(Verdict.COMPATIBLE);
    assertThat(plan.policies())
        .extracting(PolicyOutcome::policy)
        .containsExactly("eu-data-residency", "ml-training-provenance");
  }

  @Test
  void a_release_without_a_licence_label_is_denied_in_prod_with_the_policys_message() {
    TargetPlan plan = plan(checkout, prodUs, policies, TUESDAY_MORNING);

    assertThat(plan.verdict()).isEqualTo(Verdict.DENIED);
    assertThat(plan.reason())
        .isEqualTo(
            "denied by policy licence-allow-list: release checkout-web-3-2-0 has no licence"
                + " label; production takes Apache-2.0, MIT, BSD-3-Clause or"
                + " LicenseRef-acme-proprietary");
  }

  @Test
  void an_artifact_from_another_registry_is_denied_in_prod_naming_the_variant() {
    Resource elsewhere =
        edited(payments, "ghcr.io/acme/payments-api:", "docker.io/someone/payments-api:");

    TargetPlan plan = plan(elsewhere, prodUs, policies, TUESDAY_MORNING);

    assertThat(plan.verdict()).isEqualTo(Verdict.DENIED);
    assertThat(plan.reason())
        .startsWith("denied by policy allowed-registries: release payments-api-2-4-0, variant ")
        .endsWith("the artifact is not from ghcr.io/acme/ or https://artifacts.acme.example/");
  }

  @Test
  void an_ml_release_without_its_training_seed_is_denied_everywhere() {
    Resource unseeded = edited(fraudDetector, "      seed: 1234\n", "");

    TargetPlan plan = plan(unseeded, staging, policies, TUESDAY_MORNING);

    assertThat(plan.verdict()).isEqualTo(Verdict.DENIED);
    assertThat(plan.reason()).contains("ml-training-provenance", "spec.provenance.parameters.seed");
  }

  @Test
  void outside_the_deployment_window_a_change_needs_an_approvers_approval() {
    Resource windowed =
        edited(
            staging,
            "    tier: staging\n",
            "    tier: staging\n    deployment-window: business-hours\n");

    TargetPlan inside = plan(payments, windowed, policies, TUESDAY_MORNING);
    TargetPlan outside = plan(payments, windowed, policies, SATURDAY_NIGHT);

    assertThat(inside.verdict()).as(inside.reason()).isEqualTo(Verdict.COMPATIBLE);
    assertThat(outside.verdict()).isEqualTo(Verdict.NEEDS_APPROVAL);
    assertThat(outside.reason())
        .startsWith(
            "policy deployment-window needs an approval by role:approver: outside the"
                + " deployment window (weekdays 08:00 to 16:00 UTC): requested by alice at"
                + " 2026-12-05T23:30:00Z");
  }

  @Test
  void a_rule_that_fails_at_run_time_denies_with_cels_reason() {
    Resource owner =
        policy(
            "owner-label",
            "warn",
            "release.metadata.labels['owner'] == 'payments-team'",
            "Releases name their owning team.");

    TargetPlan plan = plan(payments, staging, List.of(owner), TUESDAY_MORNING);

    assertThat(plan.verdict()).isEqualTo(Verdict.DENIED);
    assertThat(plan.reason())
        .startsWith("denied by policy owner-label: rule failed, so the deployment is denied: ")
        .contains("owner");
    assertThat(outcome(plan, "owner-label").status()).isEqualTo(Status.FAILED);
  }

  @Test
  void a_rule_that_does_too_much_work_denies() {
    String ten = "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]";
    Resource heavy =
        policy(
            "heavy",
            "warn",
            ten
                + ".all(a, "
                + ten
                + ".all(b, "
                + ten
                + ".all(c, "
                + ten
                + ".all(d, "
                + ten
                + ".all(e, a + b + c + d + e >= 0)))))",
            "never shown");

    TargetPlan plan = plan(payments, staging, List.of(heavy), TUESDAY_MORNING);

    assertThat(plan.verdict()).isEqualTo(Verdict.DENIED);
    assertThat(plan.reason())
        .isEqualTo(
            "denied by policy heavy: rule failed, so the deployment is denied: it took more than"
                + " 100000 steps");
  }

  @Test
  void a_warning_is_shown_and_does_not_block() {
    // 2026-12-11 is a Friday: CEL counts days of the week from 0 for Sunday.
    Resource warn = policy("not-friday", "warn", "now.getDayOfWeek() != 5", "Friday deploy.");

    List<Resource> withWarning = new ArrayList<>(policies);
    withWarning.add(warn);

    TargetPlan plan = plan(payments, staging, withWarning, Instant.parse("2026-12-11T10:00:00Z"));

    assertThat(plan.verdict()).isEqualTo(Verdict.COMPATIBLE);
    assertThat(outcome(plan, "not-friday").warns()).isTrue();
    assertThat(outcome(plan, "not-friday").message()).isEqualTo("Friday deploy.");
  }

  @Test
  void an_environment_naming_a_policy_the_plan_was_not_given_is_denied() {
    TargetPlan plan = plan(payments, staging, List.of(), TUESDAY_MORNING);

    assertThat(plan.verdict()).isEqualTo(Verdict.DENIED);
    assertThat(plan.reason())
        .contains("environment staging names policy eu-data-residency, which this plan was not");
  }

  @Test
  void the_plan_shows_each_outcome_in_json_and_its_digest_covers_them() {
    Plan withPolicies = planAll(payments, prodUs, policies, TUESDAY_MORNING);
    Plan without =
        new Planner(VALIDATORS).plan(List.of(payments), List.of(target(prodUs)), List.of());

    var json = PlanJson.write(withPolicies);
    var signed =
        json.at("/releases/0/targets/0/policies").findParents("name").stream()
            .filter(p -> p.path("name").asText().equals("prod-signed-releases"))
            .findFirst()
            .orElseThrow();
    assertThat(signed.path("effect").asText()).isEqualTo("requireApproval");
    assertThat(signed.path("status").asText()).isEqualTo("violated");
    assertThat(signed.path("approvers").get(0).asText()).isEqualTo("role:approver");
    assertThat(signed.path("approvals").asInt()).isEqualTo(1);
    assertThat(json.at("/summary/needsApproval").asInt()).isEqualTo(1);
    assertThat(withPolicies.digest()).isNotEqualTo(without.digest());
    assertThat(planAll(payments, prodUs, policies, TUESDAY_MORNING).digest())
        .isEqualTo(withPolicies.digest());
  }

  @Test
  void a_what_if_plans_the_supposed_facts_under_the_same_policies() {
    List<Resource> withDriverFloor = new ArrayList<>(policies);
    withDriverFloor.add(
        policy(
            "driver-floor",
            "deny",
            "versionAtLeast(fingerprint['gpu.driver.version'], '550')",
            "GPU hosts run driver 550 or newer."));
    PolicyContext context =
        PolicyContext.of(
            withDriverFloor, List.of(staging), new PolicyRequest("alice", "plan", TUESDAY_MORNING));
    Planner planner = new Planner(VALIDATORS);
    List<Target> targets = List.of(target(staging));
    Plan today = planner.plan(List.of(fraudDetector), targets, List.of(), context);
    WhatIf olderDriver =
        WhatIf.of(
            List.of(FactOverride.parse("gpu.driver.version=535.104.05")),
            targets.stream().map(Target::fingerprint).toList());

    WhatIfPlan supposed =
        WhatIfPlan.of(
            planner, today, List.of(fraudDetector), targets, List.of(), context, olderDriver);

    PlanChange change = supposed.comparison().changed().get(0);
    assertThat(change.kind()).isEqualTo(PlanChange.Kind.LOST);
    assertThat(change.whatIf().verdict()).isEqualTo(Verdict.DENIED);
    assertThat(change.whatIf().reason())
        .isEqualTo("denied by policy driver-floor: GPU hosts run driver 550 or newer.");
  }

  private static TargetPlan plan(
      Resource release, Resource environment, List<Resource> policies, Instant now) {
    return planAll(release, environment, policies, now).releases().get(0).targets().get(0);
  }

  private static Plan planAll(
      Resource release, Resource environment, List<Resource> policies, Instant now) {
    PolicyContext context =
        PolicyContext.of(policies, List.of(environment), new PolicyRequest("alice", "plan", now));
    return new Planner(VALIDATORS)
        .plan(List.of(release), List.of(target(environment)), List.of(), context);
  }

  /**
   * The stored environment, with the H100 host's facts and a route to the payments database: every
   * example release fits there, so any other verdict is a policy's.
   */
  private static Target target(Resource environment) {
    String yaml =
        read(Path.of("..", "fingerprints", "h100.yaml"))
            .replace("facts:\n", "facts:\n  network.reach.payments_db: true\n");
    Fingerprint facts = FingerprintFiles.parse("h100.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    return Target.of(environment.name(), Target.Origin.OBSERVED, facts);
  }

  private static PolicyOutcome outcome(TargetPlan plan, String policy) {
    return plan.policies().stream()
        .filter(o -> o.policy().equals(policy))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no outcome of " + policy + " in " + plan));
  }

  private static Resource policy(String name, String effect, String rule, String message) {
    String yaml =
        "apiVersion: sextant.dev/v1\nkind: Policy\nmetadata:\n  name: "
            + name
            + "\nspec:\n  effect: "
            + effect
            + "\n  rule: \""
            + rule.replace("\"", "\\\"")
            + "\"\n  message: "
            + message
            + "\n";
    return parse(name + ".yaml", yaml.getBytes(StandardCharsets.UTF_8)).get(0);
  }

  private static Resource edited(Resource resource, String from, String to) {
    String yaml = read(EXAMPLES.resolve(sourceOf(resource)));
    assertThat(yaml).contains(from);
    return parse("edited.yaml", yaml.replace(from, to).getBytes(StandardCharsets.UTF_8)).get(0);
  }

  private static String sourceOf(Resource resource) {
    return switch (resource.name()) {
      case "payments-api-2-4-0" -> "releases/payments-api-2.4.0.yaml";
      case "fraud-detector-1-4-0" -> "releases/fraud-detector-1.4.0.yaml";
      case "staging" -> "environments/staging.yaml";
      default -> throw new AssertionError("no example file for " + resource.name());
    };
  }

  private static Resource example(String file) {
    return parse(file, read(EXAMPLES.resolve(file)).getBytes(StandardCharsets.UTF_8)).get(0);
  }

  private static List<Resource> all(Path directory) {
    List<Resource> out = new ArrayList<>();
    try (var files = Files.list(directory)) {
      files
          .sorted()
          .forEach(f -> out.addAll(parse(f.toString(), read(f).getBytes(StandardCharsets.UTF_8))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Resource> parse(String source, byte[] bytes) {
    ParseReport report = new ResourceParser(Limits.DEFAULT, VALIDATORS).parse(source, bytes);
    assertThat(report.problems()).as(source).isEmpty();
    return report.resources();
  }
}
