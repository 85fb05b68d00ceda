package dev.sextant.server.discovery;

import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.ResourceKey;
import dev.sextant.core.resource.spec.EnvironmentSpec;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.server.store.Revision;
import dev.sextant.server.store.Transaction;
import java.util.Optional;

/** The declared Environment behind a name, as its current revision says. */
final class Environments {
  private Environments() {}

  static Optional<Revision> revision(Transaction tx, String environment) {
    return tx.resources().latest(new ResourceKey(Kind.ENVIRONMENT, environment));
  }

  static Optional<EnvironmentSpec> spec(Transaction tx, String environment) {
    return revision(tx, environment)
        .map(r -> (EnvironmentSpec) Specs.read(Kind.ENVIRONMENT, r.document().path("spec")));
  }
}
