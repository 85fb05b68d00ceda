package dev.sextant.core.resource.spec;

import dev.sextant.core.resource.Kind;
import java.util.List;
import java.util.Objects;

/** The ordered stages a service's releases are promoted through, such as dev, staging, prod. */
public record PipelineSpec(String description, String service, List<Stage> stages) implements Spec {

  public PipelineSpec {
    description = Defaults.text(description);
    Objects.requireNonNull(service, "service");
    stages = Defaults.list(stages);
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a pipeline needs at least one stage");
    }
    Defaults.uniqueNames("stage", "stages", stages, Stage::name);
  }

  @Override
  public Kind kind() {
    return Kind.PIPELINE;
  }
}
