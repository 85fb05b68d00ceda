package dev.sextant.core.resource.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One build of a release: the artifact to deploy, the requirements an environment must meet for it
 * to be chosen, the parameters it is deployed with (in the order written), its deep checks, and,
 * for a downloaded artifact, how the local target runs it.
 */
public record Variant(
    String name,
    String description,
    Artifact artifact,
    List<Requirement> requirements,
    Map<String, Parameter> parameters,
    List<Check> checks,
    Optional<Run> run) {

  public Variant {
    Objects.requireNonNull(name, "name");
    description = Defaults.text(description);
    Objects.requireNonNull(artifact, "artifact");
    requirements = Defaults.list(requirements);
    parameters = Defaults.ordered(parameters);
    checks = Defaults.list(checks);
    Defaults.uniqueNames("check", "checks", checks, Check::name);
    run = Defaults.optional(run);
    if (run.isPresent() && artifact instanceof Artifact.Image) {
      throw new FieldException(
          "run",
          "run is for a url artifact, which the local target runs as a process; an image runs"
              + " as its own entrypoint says, so remove run or give a url artifact");
    }
  }

  /** A variant that says nothing of how it runs, as every image variant is. */
  public Variant(
      String name,
      String description,
      Artifact artifact,
      List<Requirement> requirements,
      Map<String, Parameter> parameters,
      List<Check> checks) {
    this(name, description, artifact, requirements, parameters, checks, Optional.empty());
  }
}
