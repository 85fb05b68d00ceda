package dev.sextant.cli.command;

import dev.sextant.cli.ExitCode;
import dev.sextant.cli.output.Format;
import dev.sextant.cli.output.Printer;
import dev.sextant.cli.output.WhatIfView;
import dev.sextant.core.plan.FactOverride;
import dev.sextant.core.plan.Plan;
import dev.sextant.core.plan.Planner;
import dev.sextant.core.plan.Target;
import dev.sextant.core.plan.WhatIf;
import dev.sextant.core.plan.WhatIfException;
import dev.sextant.core.plan.WhatIfJson;
import dev.sextant.core.plan.WhatIfPlan;
import dev.sextant.core.policy.PolicyContext;
import dev.sextant.core.resource.Resource;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code plan --what-if}: the releases planned again on the supposed facts, and what changes
 * against today's plan, for people or for scripts.
 */
final class PlanWhatIf {
  private final CommandSpec spec;
  private final PrintWriter out;
  private final Format format;

  PlanWhatIf(CommandSpec spec, PrintWriter out, Format format) {
    this.spec = spec;
    this.out = out;
    this.format = format;
  }

  /**
   * @param today {@code planner}'s plan of these releases on these targets
   * @return 3 when a release that fits today would not, or would fall back; else 0
   * @throws ParameterException for a fact no environment has or a value not of its type: a bad
   *     flag, as picocli's own
   */
  int run(
      Planner planner,
      Plan today,
      List<Resource> releases,
      List<Target> targets,
      List<Resource> inPlace,
      PolicyContext policies,
      List<FactOverride> overrides) {
    WhatIf whatIf;
    try {
      whatIf = WhatIf.of(overrides, targets.stream().map(Target::fingerprint).toList());
    } catch (WhatIfException e) {
      throw new ParameterException(spec.commandLine(), "--what-if " + e.getMessage());
    }
    WhatIfPlan plan = WhatIfPlan.of(planner, today, releases, targets, inPlace, policies, whatIf);
    if (format == Format.TABLE) {
      WhatIfView.print(out, plan);
    } else {
      Printer.print(out, format, WhatIfJson.write(plan));
    }
    return plan.comparison().breaks() ? ExitCode.INCOMPATIBLE : ExitCode.OK;
  }
}
