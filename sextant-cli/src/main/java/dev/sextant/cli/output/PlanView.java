package dev.sextant.cli.output;

import dev.sextant.core.compat.parameter.ParameterValue;
import dev.sextant.core.plan.CheckResult;
import dev.sextant.core.plan.DependencyResult;
import dev.sextant.core.plan.GateResult;
import dev.sextant.core.plan.Plan;
import dev.sextant.core.plan.ReleasePlan;
import dev.sextant.core.plan.RequirementResult;
import dev.sextant.core.plan.TargetPlan;
import dev.sextant.core.plan.TierResult;
import dev.sextant.core.plan.VariantResult;
import dev.sextant.core.plan.Verdict;
import dev.sextant.core.policy.PolicyOutcome;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plan for people, in the spirit of {@code terraform plan}: per release a table of verdicts, then
 * per environment each variant's tiers with every requirement's required and observed values.
 */
public final class PlanView {
  private PlanView() {}

  public static void print(PrintWriter out, Plan plan) {
    out.printf("Plan %s%n", plan.digest().value());
    List<String> order = plan.releases().stream().map(ReleasePlan::name).toList();
    out.printf("Rollout order: %s%n", String.join(" → ", order));
    for (ReleasePlan release : plan.releases()) {
      out.println();
      release(out, release);
    }
    out.println();
    out.printf("%s%n", summary(plan));
  }

  /** How many (release, environment) pairs got each verdict, in one line. */
  public static String summary(Plan plan) {
    List<String> counts = new ArrayList<>();
    for (Map.Entry<Verdict, Integer> e : plan.summary().entrySet()) {
      counts.add(e.getValue() + " " + e.getKey().label());
    }
    return "Summary: " + String.join(", ", counts) + ".";
  }

  /** The text, cut to at most {@code width} characters with an ellipsis, for one-line overviews. */
  public static String shorten(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }

  private static void release(PrintWriter out, ReleasePlan release) {
    out.printf("Release %s (%s %s)%n", release.name(), release.service(), release.version());
    for (DependencyResult d : release.dependencies()) {
      out.printf(
          "  needs %s %s: %s%n",
          d.service(),
          d.range(),
          d.provider()
              .map(
                  p ->
                      p
                          + " provides "
                          + d.providerApi().orElse("no API")
                          + (d.satisfied() ? " ✓" : " ✗"))
              .orElse("no release of it is known (not checked)"));
    }
    release.refusals().forEach(r -> out.printf("  REFUSED: %s%n", r));
    Table table = new Table("ENVIRONMENT", "ORIGIN", "VERDICT", "VARIANT", "REASON");
    for (TargetPlan t : release.targets()) {
      table.row(
          t.environment(),
          t.origin().label(),
          t.verdict().label(),
          t.variant().orElse("-"),
          t.reason());
    }
    indent(out, table);
    for (TargetPlan target : release.targets()) {
      out.println();
      out.printf("  %s (fingerprint %s)%n", target.environment(), target.fingerprint().value());
      target.policies().forEach(p -> policy(out, p));
      for (VariantResult variant : target.variants()) {
        variant(out, variant);
      }
    }
  }

  private static void variant(PrintWriter out, VariantResult variant) {
    out.printf("    variant %s: %s%n", variant.name(), variant.outcome().label());
    if (variant.outcome() == VariantResult.Outcome.NOT_TRIED) {
      return;
    }
    for (TierResult tier : variant.tiers()) {
      out.printf("      tier %d %s: %s%n", tier.tier(), tier.status().label(), tier.reason());
      for (GateResult gate : tier.gates()) {
        out.printf("        %s %s: %s%n", mark(gate.passed()), gate.name(), gate.detail());
      }
      for (RequirementResult r : tier.requirements()) {
        out.printf(
            "        %s %s: required %s; observed %s%n",
            mark(r.met()), r.name(), r.finding().required(), r.finding().observed());
        if (!r.met()) {
          out.printf("            %s%n", r.finding().reason());
          out.printf("            rule: %s%n", r.source());
        }
        r.finding().caveats().forEach(c -> out.printf("            caveat: %s%n", c));
      }
      for (CheckResult c : tier.checks()) {
        out.printf("        %s %s: %s%n", mark(c.run().passed()), c.name(), c.outcome());
      }
    }
    for (ParameterValue p : variant.parameters()) {
      out.printf(
          "      parameter %s = %s (%s)%n",
          p.name(), p.value().orElse("?"), p.problem().orElse(p.derivation()));
    }
  }

  /** "✗ policy p (requireApproval): message; 1 approval by role:x", or "✓ policy p (deny)". */
  private static void policy(PrintWriter out, PolicyOutcome outcome) {
    if (outcome.status() == PolicyOutcome.Status.HOLDS) {
      out.printf("    ✓ policy %s (%s)%n", outcome.policy(), outcome.effectName());
      return;
    }
    String approval =
        outcome.needsApproval()
            ? "; "
                + (outcome.approvals() == 1 ? "1 approval" : outcome.approvals() + " approvals")
                + " by "
                + (outcome.approvers().isEmpty()
                    ? "anyone with the approver role"
                    : String.join(" or ", outcome.approvers()))
            : "";
    out.printf(
        "    %s policy %s (%s, %s): %s%s%n",
        outcome.warns() ? "!" : "✗",
        outcome.policy(),
        outcome.effectName(),
        outcome.status().label(),
        outcome.message(),
        approval);
  }

  private static String mark(boolean ok) {
    return ok ? "✓" : "✗";
  }

  private static void indent(PrintWriter out, Table table) {
    java.io.StringWriter text = new java.io.StringWriter();
    table.print(new PrintWriter(text, true));
    text.toString().lines().forEach(line -> out.println("  " + line));
  }
}
