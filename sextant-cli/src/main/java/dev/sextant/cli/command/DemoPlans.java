package dev.sextant.cli.command;

import dev.sextant.cli.Main;
import dev.sextant.cli.backend.RemoteBackend;
import dev.sextant.cli.output.PlanView;
import dev.sextant.cli.output.Table;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.document.Limits;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.graph.DependencyGraph;
import dev.sextant.core.graph.Releases;
import dev.sextant.core.graph.SemanticVersion;
import dev.sextant.core.graph.Unsatisfied;
import dev.sextant.core.plan.FactOverride;
import dev.sextant.core.plan.Plan;
import dev.sextant.core.plan.PlanChange;
import dev.sextant.core.plan.PlanJson;
import dev.sextant.core.plan.Planner;
import dev.sextant.core.plan.ReleasePlan;
import dev.sextant.core.plan.Target;
import dev.sextant.core.plan.TargetPlan;
import dev.sextant.core.plan.WhatIf;
import dev.sextant.core.plan.WhatIfPlan;
import dev.sextant.core.policy.PolicyContext;
import dev.sextant.core.policy.PolicyRequest;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.spec.ReleaseSpec;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.core.validation.ResourceParser;
import dev.sextant.server.store.Revision;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The demo's planning story, steps 11 to 16: the example releases planned on example fingerprints
 * (twice, to the same digest), on the stored environments under the stored policies, on this host,
 * under a what-if, and the dependency graph's impact of a breaking API.
 */
final class DemoPlans {
  private DemoPlans() {}

  /**
   * @return whether the same plan made twice had the same bytes
   */
  static boolean run(
      PrintWriter out,
      RemoteBackend api,
      List<Resource> releases,
      Path fingerprints,
      Fingerprint host,
      Main.Context context) {
    Planner planner = new Planner(Validators.standard());
    DemoCommand.step(
        out,
        11,
        "Plan the example releases on the example fingerprints (files only: no store, no server)");
    List<Target> files = new ArrayList<>();
    for (String file : List.of("h100.yaml", "t4.yaml", "graviton-arm.yaml")) {
      Target target = PlanTargets.file(fingerprints.resolve(file), List.of(), context.err());
      files.add(
          new Target(
              file.replace(".yaml", ""),
              target.origin(),
              target.fingerprint(),
              target.digest(),
              target.verification(),
              target.blocked()));
    }
    Plan onFiles = planner.plan(releases, files, List.of());
    verdicts(out, onFiles);
    out.printf(
        "   rollout order, providers first: %s%n",
        onFiles.releases().stream()
            .map(r -> r.service() + " " + r.version())
            .collect(Collectors.joining(" -> ")));

    DemoCommand.step(out, 12, "The same plan again: byte-identical, same digest");
    Plan again = planner.plan(releases, files, List.of());
    boolean identical = PlanJson.write(again).toString().equals(PlanJson.write(onFiles).toString());
    out.printf(
        "   plan digest %s, then %s: identical %s%n",
        onFiles.digest().shortHex(), again.digest().shortHex(), identical ? "yes" : "NO");

    DemoCommand.step(
        out,
        13,
        "Plan them on the stored environments, through the API (latest fingerprints, else declared facts), under the stored policies");
    PolicyContext governance =
        PolicyContext.of(
            resourcesIn(api, Kind.POLICY),
            resourcesIn(api, Kind.ENVIRONMENT),
            new PolicyRequest(Authors.current(context), "plan", Instant.now()));
    Plan onStore =
        planner.plan(
            releases,
            PlanTargets.stored(api, List.of(), Optional.of("")),
            resourcesIn(api, Kind.RELEASE),
            governance);
    verdicts(out, onStore);

    DemoCommand.step(out, 14, "Plan fraud-detector on this host");
    Resource model =
        releases.stream()
            .filter(r -> r.name().startsWith("fraud-detector"))
            .findFirst()
            .orElse(releases.get(0));
    Plan here =
        planner.plan(
            List.of(model),
            List.of(Target.of("this-host", Target.Origin.THIS_HOST, host)),
            List.of());
    verdicts(out, here);

    DemoCommand.step(
        out,
        15,
        "What if the H100's driver went back to 535.104.05? (plan --what-if, before an upgrade)");
    WhatIf olderDriver =
        WhatIf.of(
            List.of(FactOverride.parse("gpu.driver.version=535.104.05")),
            files.stream().map(Target::fingerprint).toList());
    WhatIfPlan supposed = WhatIfPlan.of(planner, onFiles, releases, files, List.of(), olderDriver);
    for (PlanChange change : supposed.comparison().changed()) {
      out.printf(
          "   %-22s %-14s %-10s %s -> %s: %s%n",
          change.release(),
          change.environment(),
          change.kind().label(),
          change.today().variant().orElse("none"),
          change.whatIf().variant().orElse("none"),
          change.whatIf().reason());
    }

    DemoCommand.step(
        out, 16, "Dependency graph: what would an incompatible payments-api API 3.0.0 break?");
    List<ReleaseSpec> specs = releases.stream().map(r -> (ReleaseSpec) Specs.read(r)).toList();
    List<Unsatisfied> broken =
        DependencyGraph.of(Releases.latest(specs))
            .impact("payments-api", SemanticVersion.parse("3.0.0"));
    broken.forEach(u -> out.printf("   breaks %s%n", u.message()));
    return identical;
  }

  /** One line per release and environment: the verdict, the variant and why. */
  private static void verdicts(PrintWriter out, Plan plan) {
    Table table = new Table("   RELEASE", "ENVIRONMENT", "VERDICT", "VARIANT", "WHY");
    for (ReleasePlan release : plan.releases()) {
      for (TargetPlan target : release.targets()) {
        table.row(
            "   " + release.service() + " " + release.version(),
            target.environment(),
            target.verdict().label(),
            target.variant().orElse("-"),
            PlanView.shorten(target.reason(), 110));
      }
    }
    table.print(out);
    out.printf("   %s%n", PlanView.summary(plan));
  }

  private static List<Resource> resourcesIn(RemoteBackend api, Kind kind) {
    ResourceParser parser = new ResourceParser(Limits.DEFAULT);
    List<Resource> out = new ArrayList<>();
    for (Revision revision : api.list(Optional.of(kind), "")) {
      out.addAll(
          parser
              .parse("store:" + revision.key(), CanonicalJson.bytes(revision.document()))
              .resources());
    }
    return out;
  }
}
