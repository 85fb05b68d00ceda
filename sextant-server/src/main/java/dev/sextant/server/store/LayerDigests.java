package dev.sextant.server.store;

import dev.sextant.core.digest.Digest;
import java.util.Objects;

/** The digests of a fingerprint's three layers, as the fingerprint states them. */
public record LayerDigests(Digest platform, Digest dependencies, Digest artifacts) {
  public LayerDigests {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(dependencies, "dependencies");
    Objects.requireNonNull(artifacts, "artifacts");
  }
}
