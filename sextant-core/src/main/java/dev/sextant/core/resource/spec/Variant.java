package dev.sextant.core.resource.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One build of a release: the artifact to deploy, the requirements an environment must meet for it
 * to be chosen, the parameters it is deployed with (in the order written), and its deep checks.
 */
public record Variant(
    String name,
    String description,
    Artifact artifact,
    List<Requirement> requirements,
    Map<String, Parameter> parameters,
    List<Check> checks) {

  public Variant {
    Objects.requireNonNull(name, "name");
    description = Defaults.text(description);
    Objects.requireNonNull(artifact, "artifact");
    requirements = Defaults.list(requirements);
    parameters = Defaults.ordered(parameters);
    checks = Defaults.list(checks);
    Defaults.uniqueNames("check", "checks", checks, Check::name);
  }
}
