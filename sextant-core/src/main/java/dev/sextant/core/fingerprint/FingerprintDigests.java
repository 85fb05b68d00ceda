package dev.sextant.core.fingerprint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.CanonicalJson;
import dev.sextant.core.digest.Digest;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A fingerprint's digests: one per layer, sha256 over the canonical JSON of that layer's facts in
 * {@linkplain FactJson typed form} ({@code {"os.id":{"type":"string","value":"debian"},...}}), and
 * one for the whole.
 *
 * <p>The whole digest is sha256 over the canonical JSON of the layer digests ({@code
 * {"artifacts":"sha256:…","dependencies":"sha256:…","platform":"sha256:…"}}), not over the facts
 * again: a two-level tree, so that the whole can be checked from stored layer digests without the
 * facts, and a change in one layer changes exactly that layer's digest and the whole. Every layer
 * has a digest, an empty layer that of {@code {}}.
 *
 * <p>Only facts count. Collection time, environment and signature are left out, so the same host
 * observed twice has the same digests, and a store keeps a new revision only when a fact changed.
 */
public record FingerprintDigests(Map<Layer, Digest> layers, Digest whole) {
  public FingerprintDigests {
    Map<Layer, Digest> copy = new EnumMap<>(Layer.class);
    copy.putAll(layers);
    if (copy.size() != Layer.values().length) {
      throw new IllegalArgumentException("every layer has a digest; found " + copy.keySet());
    }
    layers = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(whole, "whole");
  }

  static FingerprintDigests of(Fingerprint fingerprint) {
    Map<Layer, Digest> layers = new EnumMap<>(Layer.class);
    fingerprint
        .layers()
        .forEach(
            (layer, facts) ->
                layers.put(layer, Digest.sha256(CanonicalJson.bytes(FactJson.write(facts)))));
    return new FingerprintDigests(layers, Digest.sha256(CanonicalJson.bytes(tree(layers))));
  }

  public Digest layer(Layer layer) {
    return layers.get(layer);
  }

  /** {@code {"platform": "sha256:…", "dependencies": …, "artifacts": …}}, as files show them. */
  static ObjectNode tree(Map<Layer, Digest> layers) {
    ObjectNode out = Fact.NODES.objectNode();
    layers.forEach((layer, digest) -> out.put(layer.word(), digest.value()));
    return out;
  }
}
