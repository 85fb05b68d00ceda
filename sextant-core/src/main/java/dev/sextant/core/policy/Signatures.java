package dev.sextant.core.policy;

import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.provenance.TrustedKeys;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.signing.ResourceSigning;
import dev.sextant.core.signing.SignatureCheck;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The policy variable {@code signatures}: whether the release, the environment, each policy (by
 * name) and the fingerprint are signed by a trusted key and unchanged since, each as {@code
 * {signed, verified, keyId, reason}}.
 */
final class Signatures {
  /** The variable's name. */
  static final String VARIABLE = "signatures";

  private Signatures() {}

  static Map<String, Object> of(
      Resource release,
      Optional<Resource> environment,
      String target,
      Map<String, Resource> policies,
      Fingerprint facts,
      TrustedKeys trusted) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("release", check(release, trusted));
    out.put(
        "environment",
        environment
            .map(e -> check(e, trusted))
            .orElseGet(
                () ->
                    SignatureCheck.unsigned("environment " + target + ", which is not declared,")
                        .toCel()));
    Map<String, Object> byPolicy = new LinkedHashMap<>();
    policies.forEach((name, policy) -> byPolicy.put(name, check(policy, trusted)));
    out.put("policies", byPolicy);
    out.put(
        "fingerprint",
        ResourceSigning.verify(facts, "the fingerprint of " + target, trusted).toCel());
    return out;
  }

  private static Map<String, Object> check(Resource resource, TrustedKeys trusted) {
    String what = resource.kind().displayName().toLowerCase(Locale.ROOT) + " " + resource.name();
    return ResourceSigning.verify(resource.document(), what, trusted).toCel();
  }
}
