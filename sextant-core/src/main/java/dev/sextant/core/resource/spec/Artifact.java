package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.sextant.core.digest.Digest;
import java.util.Objects;

/** What a variant deploys, always pinned by content: an image by digest, or a checked download. */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({
  @JsonSubTypes.Type(Artifact.Image.class),
  @JsonSubTypes.Type(Artifact.Download.class)
})
public sealed interface Artifact {

  /** The digest the artifact's content must have. */
  Digest digest();

  /** An OCI image reference pinned by digest, e.g. {@code ghcr.io/acme/api:2.4.0@sha256:…}. */
  record Image(@JsonProperty("image") String reference) implements Artifact {
    public Image {
      Objects.requireNonNull(reference, "reference");
      if (!reference.contains("@sha256:")) {
        throw new IllegalArgumentException("image '" + reference + "' is not pinned by digest");
      }
    }

    @Override
    public Digest digest() {
      return new Digest(reference.substring(reference.lastIndexOf('@') + 1));
    }
  }

  /**
   * A file downloaded over https and checked against its SHA-256 before use. The URL is kept as
   * text (the schema has checked its form); the core makes no network objects.
   */
  record Download(String url, String sha256) implements Artifact {
    public Download {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(sha256, "sha256");
      new Digest("sha256:" + sha256);
    }

    @Override
    public Digest digest() {
      return new Digest("sha256:" + sha256);
    }
  }
}
