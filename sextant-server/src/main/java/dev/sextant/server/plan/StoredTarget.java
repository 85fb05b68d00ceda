package dev.sextant.server.plan;

import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.FactTypes;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintFiles;
import dev.sextant.core.plan.Target;
import dev.sextant.core.resource.Kind;
import dev.sextant.core.resource.spec.EnvironmentSpec;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.server.store.FingerprintRevision;
import dev.sextant.server.store.Revision;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A stored Environment as a plan's target, as {@code sextant plan --environment} reads it: its
 * latest fingerprint, or its declared facts when none was recorded, blocked while its drift blocks.
 */
final class StoredTarget {
  private StoredTarget() {}

  /**
   * The target with this fingerprint revision (none: its declared facts) and drift state: the
   * latest for a new plan, the recorded ones when a plan is made again.
   */
  static Target of(
      Revision environment, Optional<FingerprintRevision> latest, boolean blockedByDrift) {
    String name = environment.key().name();
    Fingerprint fingerprint;
    Target.Origin origin;
    if (latest.isPresent()) {
      fingerprint =
          FingerprintFiles.parse(
              "environment " + name,
              latest.get().document().toString().getBytes(StandardCharsets.UTF_8));
      origin = Target.Origin.OBSERVED;
    } else {
      EnvironmentSpec spec =
          (EnvironmentSpec) Specs.read(Kind.ENVIRONMENT, environment.document().path("spec"));
      Map<String, Fact> declared = new TreeMap<>();
      spec.facts().forEach((key, value) -> declared.put(key, FactTypes.declared(key, value)));
      fingerprint = Fingerprint.of(declared);
      origin = Target.Origin.DECLARED;
    }
    Optional<String> blocked =
        blockedByDrift ? Optional.of(Target.blockedByDrift(name)) : Optional.empty();
    return new Target(
        name, origin, fingerprint, fingerprint.digests().whole(), Optional.empty(), blocked);
  }
}
