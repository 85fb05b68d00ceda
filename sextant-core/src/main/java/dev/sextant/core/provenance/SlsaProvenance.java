package dev.sextant.core.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SLSA Provenance v1 predicate (slsa {@code docs/spec/v1.0/provenance.md}): which builder ran
 * which build, from which parameters and which resolved materials. The builder id is what a policy
 * trusts; the external parameters are the part a verifier is meant to check.
 *
 * @param buildType the template of the build, e.g. a GitHub Actions workflow build type URI
 * @param resolvedDependencies the materials: sources, base images, datasets, with their digests
 */
public record SlsaProvenance(
    String builderId,
    String buildType,
    ObjectNode externalParameters,
    ObjectNode internalParameters,
    List<ResourceDescriptor> resolvedDependencies,
    Metadata metadata) {
  /** The predicate type of this version (minor versions keep it: they are compatible). */
  public static final String PREDICATE_TYPE = "https://slsa.dev/provenance/v1";

  private static final AttestationJson JSON = new AttestationJson("predicate");

  public SlsaProvenance {
    Objects.requireNonNull(builderId, "builderId");
    Objects.requireNonNull(buildType, "buildType");
    externalParameters = externalParameters.deepCopy();
    internalParameters = internalParameters.deepCopy();
    resolvedDependencies = List.copyOf(resolvedDependencies);
    Objects.requireNonNull(metadata, "metadata");
  }

  /**
   * Reads the predicate of a statement, which must be of {@link #PREDICATE_TYPE}. Requires what
   * SLSA Build L1 requires: {@code buildDefinition.buildType} and {@code runDetails.builder.id};
   * unset external parameters are empty ones, as the parsing rules make them equivalent.
   *
   * @throws MalformedAttestationException naming the field that is missing or wrong
   */
  public static SlsaProvenance of(Statement statement) {
    if (!statement.predicateType().equals(PREDICATE_TYPE)) {
      throw new MalformedAttestationException(
          "statement",
          "predicateType",
          "expected SLSA Provenance v1 ("
              + PREDICATE_TYPE
              + "), found "
              + statement.predicateType());
    }
    ObjectNode predicate = statement.predicate();
    ObjectNode definition = JSON.requireObject(predicate, "", "buildDefinition");
    ObjectNode run = JSON.requireObject(predicate, "", "runDetails");
    ObjectNode builder = JSON.requireObject(run, "runDetails", "builder");
    ObjectNode metadata = JSON.optionalObject(run, "runDetails", "metadata");
    List<ResourceDescriptor> dependencies = new ArrayList<>();
    List<JsonNode> elements = JSON.array(definition, "buildDefinition", "resolvedDependencies");
    for (int i = 0; i < elements.size(); i++) {
      dependencies.add(
          ResourceDescriptor.read(
              JSON,
              elements.get(i),
              AttestationJson.element("buildDefinition", "resolvedDependencies", i)));
    }
    return new SlsaProvenance(
        JSON.requireText(builder, "runDetails.builder", "id"),
        JSON.requireText(definition, "buildDefinition", "buildType"),
        JSON.optionalObject(definition, "buildDefinition", "externalParameters"),
        JSON.optionalObject(definition, "buildDefinition", "internalParameters"),
        dependencies,
        new Metadata(
            JSON.optionalText(metadata, "runDetails.metadata", "invocationId"),
            JSON.optionalText(metadata, "runDetails.metadata", "startedOn"),
            JSON.optionalText(metadata, "runDetails.metadata", "finishedOn")));
  }

  /** A copy, so that callers cannot change this value. */
  @Override
  public ObjectNode externalParameters() {
    return externalParameters.deepCopy();
  }

  /** A copy, so that callers cannot change this value. */
  @Override
  public ObjectNode internalParameters() {
    return internalParameters.deepCopy();
  }

  /** This run of the build, as the builder recorded it; the times are RFC 3339 text, as written. */
  public record Metadata(
      Optional<String> invocationId, Optional<String> startedOn, Optional<String> finishedOn) {
    public Metadata {
      Objects.requireNonNull(invocationId, "invocationId");
      Objects.requireNonNull(startedOn, "startedOn");
      Objects.requireNonNull(finishedOn, "finishedOn");
    }
  }
}
