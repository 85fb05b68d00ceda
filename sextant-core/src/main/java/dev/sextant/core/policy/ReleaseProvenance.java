package dev.sextant.core.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.provenance.ProvenanceCheck;
import dev.sextant.core.provenance.ResourceDescriptor;
import dev.sextant.core.provenance.TrustedKeys;
import dev.sextant.core.provenance.VerifiedProvenance;
import dev.sextant.core.resource.Resource;
import dev.sextant.core.resource.spec.Provenance;
import dev.sextant.core.resource.spec.ReleaseSpec;
import dev.sextant.core.resource.spec.Specs;
import dev.sextant.core.resource.spec.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A release's provenance as a policy reads it, {@code release.provenance}: its DSSE attestation
 * checked against the trusted keys and the chosen variant's artifact digest. The builder and
 * materials are given only once the envelope verified, so a policy never reads a claim no trusted
 * key made.
 */
final class ReleaseProvenance {
  /** The member of {@code release} that carries the result; the document has none at its top. */
  static final String MEMBER = "provenance";

  private ReleaseProvenance() {}

  /**
   * {@code {present, verified, builderId, materials: [{uri, digest}], signers, reason}}.
   *
   * @param variant the chosen variant's name; empty when none fits
   */
  static Map<String, Object> of(Resource release, String variant, TrustedKeys trusted) {
    String what = "release " + release.name();
    ReleaseSpec spec = (ReleaseSpec) Specs.read(release);
    Optional<ObjectNode> attestation = spec.provenance().flatMap(Provenance::attestation);
    if (attestation.isEmpty()) {
      return refused(
          false, what + " carries no provenance attestation (spec.provenance.attestation)");
    }
    Optional<Variant> chosen = spec.variant(variant);
    if (chosen.isEmpty()) {
      return refused(
          true,
          what + ": no variant fits, so there is no artifact to check its provenance against");
    }
    VerifiedProvenance verified =
        ProvenanceCheck.of(attestation.get().toString(), trusted, chosen.get().artifact().digest());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("present", true);
    out.put("verified", verified.verified());
    out.put("builderId", verified.builder().orElse(""));
    List<Object> materials = new ArrayList<>();
    for (ResourceDescriptor material : verified.materials()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("uri", material.uri().orElse(""));
      item.put("digest", new LinkedHashMap<Object, Object>(material.digest()));
      materials.add(item);
    }
    out.put("materials", materials);
    out.put("signers", verified.signers());
    out.put("reason", verified.reason().map(r -> what + ": " + r).orElse(""));
    return out;
  }

  private static Map<String, Object> refused(boolean present, String reason) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("present", present);
    out.put("verified", false);
    out.put("builderId", "");
    out.put("materials", List.of());
    out.put("signers", List.of());
    out.put("reason", reason);
    return out;
  }
}
