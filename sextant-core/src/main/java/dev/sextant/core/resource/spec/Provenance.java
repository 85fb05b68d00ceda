package dev.sextant.core.resource.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a release comes from: the source commit, the build, the dataset a model was trained on, the
 * build or training parameters as given, a signature (or a reference to its envelope), and the
 * in-toto attestation itself: a DSSE envelope whose signature the server checks when it plans.
 *
 * @param attestation a DSSE envelope ({@code payloadType}, {@code payload}, {@code signatures}) as
 *     written; its shape is checked by the schema, its signature and statement when planning
 */
public record Provenance(
    String commit,
    Optional<String> repository,
    Optional<Build> build,
    Optional<Dataset> dataset,
    ObjectNode parameters,
    Optional<String> signature,
    Optional<ObjectNode> attestation) {

  public Provenance {
    Objects.requireNonNull(commit, "commit");
    repository = Defaults.optional(repository);
    build = Defaults.optional(build);
    dataset = Defaults.optional(dataset);
    parameters = Defaults.object(parameters);
    signature = Defaults.optional(signature);
    attestation = Defaults.optional(attestation).map(ObjectNode::deepCopy);
  }

  /** A copy, so that callers cannot change this value. */
  @Override
  public ObjectNode parameters() {
    return parameters.deepCopy();
  }

  /** A copy, so that callers cannot change this value. */
  @Override
  public Optional<ObjectNode> attestation() {
    return attestation.map(ObjectNode::deepCopy);
  }

  /** The CI build that produced the artifacts. */
  public record Build(String id, Optional<String> url) {
    public Build {
      Objects.requireNonNull(id, "id");
      url = Defaults.optional(url);
    }
  }

  /** A dataset snapshot and its digest. */
  public record Dataset(String uri, String sha256) {
    public Dataset {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(sha256, "sha256");
    }

    public Digest digest() {
      return new Digest("sha256:" + sha256);
    }
  }
}
