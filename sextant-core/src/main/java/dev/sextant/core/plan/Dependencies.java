package dev.sextant.core.plan;

import dev.sextant.core.document.FieldPath;
import dev.sextant.core.graph.DependencyCycleException;
import dev.sextant.core.graph.DependencyEdge;
import dev.sextant.core.graph.DependencyGraph;
import dev.sextant.core.graph.InvalidReleaseException;
import dev.sextant.core.graph.ReleaseCheck;
import dev.sextant.core.graph.Releases;
import dev.sextant.core.graph.SemanticVersion;
import dev.sextant.core.graph.Unsatisfied;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.spec.ReleaseSpec;
import dev.sextant.core.resource.spec.Specs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The planned releases in the dependency graph of what is in place: their rollout order (providers
 * first), and what the graph refuses. A provider the graph does not know is not a refusal (a plan
 * from files alone knows only its own releases); a known provider outside the range, or a consumer
 * left outside its range, is.
 */
final class Dependencies {
  private final DependencyGraph graph;
  private final List<PreparedRelease> order;
  private final Map<String, ReleaseCheck> checks;

  private Dependencies(
      DependencyGraph graph, List<PreparedRelease> order, Map<String, ReleaseCheck> checks) {
    this.graph = graph;
    this.order = order;
    this.checks = checks;
  }

  /**
   * @throws PlanInputException for a cycle (naming every service on it), a bad range, or two
   *     releases of one service in the plan
   */
  static Dependencies resolve(List<PreparedRelease> planned, List<Resource> inPlace) {
    Map<String, PreparedRelease> byService = new HashMap<>();
    List<ReleaseSpec> specs = new ArrayList<>();
    for (PreparedRelease release : planned) {
      byService.put(release.spec().service(), release);
      specs.add(release.spec());
    }
    DependencyGraph graph;
    try {
      graph =
          DependencyGraph.replacing(
              Releases.latest(inPlace.stream().map(r -> (ReleaseSpec) Specs.read(r)).toList()),
              specs);
    } catch (DependencyCycleException e) {
      throw new PlanInputException(
          List.of(new PlanInputException.Issue(Optional.empty(), FieldPath.ROOT, e.getMessage())));
    } catch (InvalidReleaseException e) {
      List<PlanInputException.Issue> issues = new ArrayList<>();
      for (InvalidReleaseException.Problem p : e.problems()) {
        PreparedRelease release = byService.get(p.service());
        issues.add(
            release != null && release.spec().version().equals(p.version())
                ? new PlanInputException.Issue(
                    Optional.of(release.resource().key()), FieldPath.parse(p.field()), p.reason())
                : new PlanInputException.Issue(Optional.empty(), FieldPath.ROOT, p.toString()));
      }
      throw new PlanInputException(issues);
    }
    Map<String, ReleaseCheck> checks = new HashMap<>();
    graph.check(specs).forEach(c -> checks.put(c.release().service(), c));
    List<PreparedRelease> order =
        graph.order().stream()
            .map(spec -> byService.get(spec.service()))
            .filter(
                r -> r != null && r.spec().equals(graph.release(r.spec().service()).orElse(null)))
            .toList();
    return new Dependencies(graph, order, checks);
  }

  /** The planned releases, providers before their consumers. */
  List<PreparedRelease> order() {
    return order;
  }

  /** Why the graph refuses this release; empty when it does not. */
  List<String> refusals(PreparedRelease release) {
    ReleaseCheck check = checks.get(release.spec().service());
    List<String> out = new ArrayList<>();
    for (Unsatisfied broken : check.brokenConsumers()) {
      if (broken.reason() != Unsatisfied.Reason.NO_RELEASE) {
        out.add("it would break a consumer: " + broken.message());
      }
    }
    for (Unsatisfied unmet : check.unmetDependencies()) {
      if (unmet.reason() != Unsatisfied.Reason.NO_RELEASE) {
        out.add(unmet.message());
      }
    }
    return out;
  }

  /** The release's dependencies as the graph resolves them, in the order written. */
  List<DependencyResult> of(PreparedRelease release) {
    List<DependencyResult> out = new ArrayList<>();
    for (DependencyEdge edge : graph.dependencies(release.spec().service())) {
      Optional<String> provider =
          graph.release(edge.provider()).map(r -> r.service() + " " + r.version());
      Optional<String> api = graph.api(edge.provider()).map(SemanticVersion::toString);
      out.add(
          new DependencyResult(
              edge.provider(),
              edge.range().toString(),
              provider,
              api,
              graph.unsatisfied(edge).isEmpty()));
    }
    return out;
  }
}
