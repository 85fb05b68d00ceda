package dev.sextant.core.provenance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a release's provenance proves, as policies see it ({@code release.provenance.verified},
 * {@code .builder}, {@code .materials}). The builder and materials are filled in only once the
 * envelope has verified and its statement has been read, so a policy never sees a claim that no
 * trusted key made.
 *
 * @param verified signed by a trusted key, a well-formed SLSA Provenance v1 statement, and about
 *     this artifact
 * @param signers the ids of the trusted keys whose signatures verified
 * @param builder {@code runDetails.builder.id}
 * @param materials {@code buildDefinition.resolvedDependencies}
 * @param subjectMatches a subject's sha256 equals the artifact's
 * @param reason why the provenance is not verified; empty when it is
 */
public record VerifiedProvenance(
    boolean verified,
    List<String> signers,
    Optional<String> builder,
    Optional<String> buildType,
    List<ResourceDescriptor> materials,
    ObjectNode externalParameters,
    boolean subjectMatches,
    Optional<String> reason) {

  public VerifiedProvenance {
    signers = List.copyOf(signers);
    Objects.requireNonNull(builder, "builder");
    Objects.requireNonNull(buildType, "buildType");
    materials = List.copyOf(materials);
    externalParameters = externalParameters.deepCopy();
    Objects.requireNonNull(reason, "reason");
    if (verified == reason.isPresent()) {
      throw new IllegalArgumentException("provenance is verified exactly when there is no reason");
    }
    if (verified && !subjectMatches) {
      throw new IllegalArgumentException("verified provenance is about the artifact");
    }
  }

  /** Refused before any of the statement could be believed. */
  static VerifiedProvenance refused(List<String> signers, String reason) {
    return new VerifiedProvenance(
        false,
        signers,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        JsonNodeFactory.instance.objectNode(),
        false,
        Optional.of(reason));
  }

  /** A copy, so that callers cannot change this value. */
  @Override
  public ObjectNode externalParameters() {
    return externalParameters.deepCopy();
  }
}
