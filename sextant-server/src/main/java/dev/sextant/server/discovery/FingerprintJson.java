package dev.sextant.server.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.api.ApiJson;
import dev.sextant.api.FingerprintDocument;
import dev.sextant.api.FingerprintRecorded;
import dev.sextant.api.FingerprintStatus;
import dev.sextant.server.store.FingerprintOutcome;
import dev.sextant.server.store.FingerprintRevision;
import dev.sextant.server.store.FingerprintSummary;

/**
 * How fingerprint revisions look on the wire and in {@code -o json}, for the API and the CLI alike.
 */
public final class FingerprintJson {
  private FingerprintJson() {}

  public static ObjectNode outcome(FingerprintOutcome outcome) {
    return ApiJson.mapper().valueToTree(recorded(outcome));
  }

  public static ObjectNode summary(FingerprintSummary s) {
    return ApiJson.mapper().valueToTree(status(s));
  }

  /** A revision's facts as the API's record. */
  public static FingerprintStatus status(FingerprintSummary s) {
    return new FingerprintStatus(
        s.environment(),
        s.number(),
        s.digest().value(),
        s.collectedAt().toString(),
        s.receivedAt().toString(),
        s.source(),
        s.signerKeyId());
  }

  /** What recording or reporting a fingerprint did, as the API's record. */
  public static FingerprintRecorded recorded(FingerprintOutcome outcome) {
    return FingerprintRecorded.of(status(outcome.revision()), outcome.change().word());
  }

  /** A stored fingerprint with its status, as the API's record. */
  public static FingerprintDocument document(FingerprintRevision revision) {
    return new FingerprintDocument(revision.document().deepCopy(), status(revision.summary()));
  }
}
