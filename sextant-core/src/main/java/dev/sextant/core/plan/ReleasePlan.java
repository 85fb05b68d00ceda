package dev.sextant.core.plan;

import dev.sextant.core.digest.Digest;
import java.util.List;
import java.util.Objects;

/**
 * One release across the plan's environments.
 *
 * @param name the Release resource's name
 * @param digest the digest of the Release as planned
 * @param dependencies its needs of other services' APIs, resolved against the plan and what is in
 *     place
 * @param refusals why the dependency graph refuses this release, naming the services: consumers it
 *     would leave on an incompatible API, providers it needs and would not find; empty when none
 * @param targets one per environment, in the plan's environment order
 */
public record ReleasePlan(
    String name,
    String service,
    String version,
    Digest digest,
    List<DependencyResult> dependencies,
    List<String> refusals,
    List<TargetPlan> targets) {

  public ReleasePlan {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(digest, "digest");
    dependencies = List.copyOf(dependencies);
    refusals = List.copyOf(refusals);
    targets = List.copyOf(targets);
  }
}
