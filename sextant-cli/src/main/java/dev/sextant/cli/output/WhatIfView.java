package dev.sextant.cli.output;

import dev.sextant.core.plan.HypotheticalFact;
import dev.sextant.core.plan.HypotheticalTarget;
import dev.sextant.core.plan.PlanChange;
import dev.sextant.core.plan.RequirementResult;
import dev.sextant.core.plan.TargetPlan;
import dev.sextant.core.plan.WhatIfPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A what-if for people: the facts supposed in each environment, a table of the releases whose plan
 * changes, and for each that would break, the requirements the supposed facts do not meet.
 */
public final class WhatIfView {
  private WhatIfView() {}

  public static void print(PrintWriter out, WhatIfPlan plan) {
    List<String> supposed = new ArrayList<>();
    plan.whatIf().facts().forEach((key, fact) -> supposed.add(key + "=" + fact.display()));
    out.printf("What if %s%n", String.join(", ", supposed));
    for (HypotheticalTarget e : plan.environments()) {
      out.printf(
          "  %s: %s%n",
          e.today().environment(),
          e.facts().isEmpty()
              ? "unchanged (it has none of these facts, or already these values)"
              : String.join("; ", e.facts().stream().map(HypotheticalFact::describe).toList()));
    }
    out.printf(
        "Plans: today %s, what-if %s%n",
        plan.today().digest().value(), plan.supposed().digest().value());
    out.println();
    List<PlanChange> changed = plan.comparison().changed();
    if (changed.isEmpty()) {
      out.printf(
          "Nothing changes: %s.%n",
          plan.changesNoFact()
              ? "no environment has these facts with other values"
              : "every release plans as it does today, on the supposed facts too");
      out.println(summary(plan));
      return;
    }
    Table table = new Table("RELEASE", "ENVIRONMENT", "CHANGE", "TODAY", "WHAT-IF", "REASON");
    for (PlanChange c : changed) {
      table.row(
          c.release(),
          c.environment(),
          c.kind().label(),
          outcome(c.today()),
          outcome(c.whatIf()),
          c.whatIf().reason());
    }
    StringWriter text = new StringWriter();
    table.print(new PrintWriter(text, true));
    out.print(text);
    for (PlanChange c : changed) {
      if (c.kind().breaks()) {
        unmet(out, c);
      }
    }
    out.println();
    out.println(summary(plan));
  }

  private static void unmet(PrintWriter out, PlanChange change) {
    out.println();
    out.printf(
        "%s in %s: variant %s would not fit%n",
        change.release(), change.environment(), change.today().variant().orElseThrow());
    change
        .lostVariant()
        .ifPresent(
            v -> {
              if (change.unmet().isEmpty()) {
                out.printf("  %s%n", v.reason());
              }
            });
    for (RequirementResult r : change.unmet()) {
      out.printf(
          "  ✗ %s: required %s; observed %s%n",
          r.name(), r.finding().required(), r.finding().observed());
      out.printf("      %s%n", r.finding().reason());
      out.printf("      rule: %s%n", r.source());
    }
  }

  private static String summary(WhatIfPlan plan) {
    List<String> counts = new ArrayList<>();
    for (Map.Entry<PlanChange.Kind, Integer> e : plan.comparison().counts().entrySet()) {
      counts.add(e.getValue() + " " + e.getKey().label());
    }
    return "Summary: "
        + String.join(", ", counts)
        + "."
        + (plan.comparison().breaks()
            ? " Something that fits today would break."
            : " Nothing that fits today would break.");
  }

  /** The variant chosen, or the verdict when none is. */
  private static String outcome(TargetPlan plan) {
    return plan.variant().orElse(plan.verdict().label());
  }
}
