package dev.sextant.server.discovery;

import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.resource.spec.EnvironmentSpec;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.server.store.ResourceStore;
import java.util.Optional;

/** The declared Environment behind a name, as its current revision says. */
final class Environments {
  private Environments() {}

  static Optional<EnvironmentSpec> spec(ResourceStore resources, String environment) {
    return resources.latest(new ResourceKey(Kind.ENVIRONMENT, environment)).map(r -> (EnvironmentSpec) Specs.read(Kind.ENVIRONMENT, r.document().path("spec")));
  }
}
