package dev.sextant.core.provenance;

import dev.sextant.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a release's provenance in the order that lets nothing unsigned through: the DSSE signature
 * against trusted keys, then the in-toto Statement and its SLSA Provenance v1 predicate, then that
 * the statement is about the artifact that will run.
 */
public final class ProvenanceCheck {
  private ProvenanceCheck() {}

  /** As {@link #of(Envelope, TrustedKeys, Digest)}, for an envelope still in its JSON form. */
  public static VerifiedProvenance of(String envelopeJson, TrustedKeys trusted, Digest artifact) {
    Envelope envelope;
    try {
      envelope = Envelope.parse(envelopeJson.getBytes(StandardCharsets.UTF_8));
    } catch (MalformedAttestationException e) {
      return VerifiedProvenance.refused(List.of(), e.getMessage());
    }
    return of(envelope, trusted, artifact);
  }

  /**
   * One trusted signature is enough; the statement must be an in-toto Statement v1 with an SLSA
   * Provenance v1 predicate, and one of its subjects must have the artifact's sha256.
   *
   * @param artifact the digest the artifact is checked against before it runs
   */
  public static VerifiedProvenance of(Envelope envelope, TrustedKeys trusted, Digest artifact) {
    Verification verification = Dsse.verify(envelope, trusted, 1, Set.of(Dsse.IN_TOTO));
    if (!verification.verified()) {
      return VerifiedProvenance.refused(
          verification.verifiedBy(),
          "provenance signature: " + verification.rejection().orElseThrow().message());
    }
    SlsaProvenance provenance;
    Statement statement;
    try {
      statement = Statement.parse(envelope.payload());
      provenance = SlsaProvenance.of(statement);
    } catch (MalformedAttestationException e) {
      return VerifiedProvenance.refused(verification.verifiedBy(), e.getMessage());
    }
    Optional<String> mismatch = mismatch(statement, artifact);
    return new VerifiedProvenance(
        mismatch.isEmpty(),
        verification.verifiedBy(),
        Optional.of(provenance.builderId()),
        Optional.of(provenance.buildType()),
        provenance.resolvedDependencies(),
        provenance.externalParameters(),
        mismatch.isEmpty(),
        mismatch);
  }

  /** Why the statement is not about the artifact, naming both digests; empty when it is. */
  private static Optional<String> mismatch(Statement statement, Digest artifact) {
    List<String> subjects =
        statement.subject().stream()
            .map(ResourceDescriptor::sha256)
            .flatMap(Optional::stream)
            .toList();
    if (subjects.contains(artifact.hex())) {
      return Optional.empty();
    }
    if (subjects.isEmpty()) {
      return Optional.of(
          "the statement's subjects carry no sha256 digest; the artifact's is " + artifact);
    }
    return Optional.of(
        "the statement is about "
            + subjects.stream().map(hex -> "sha256:" + hex).collect(Collectors.joining(", "))
            + ", not the artifact's "
            + artifact);
  }
}
