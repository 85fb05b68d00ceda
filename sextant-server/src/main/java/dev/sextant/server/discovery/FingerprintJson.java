package dev.sextant.server.discovery;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.server.store.FingerprintOutcome;
import dev.sextant.server.store.FingerprintSummary;

/** How fingerprint revisions look on the wire and in {@code -o json}, for the API and the CLI alike. */
public final class FingerprintJson {
  private FingerprintJson() {}

  public static ObjectNode outcome(FingerprintOutcome outcome) {
    return summary(outcome.revision()).put("change", outcome.change().word());
  }

  public static ObjectNode summary(FingerprintSummary s) {
    ObjectNode out =
        JsonNodeFactory.instance
            .objectNode()
            .put("environment", s.environment())
            .put("revision", s.number())
            .put("digest", s.digest().value())
            .put("collectedAt", s.collectedAt().toString())
            .put("receivedAt", s.receivedAt().toString())
            .put("source", s.source());
    s.signerKeyId().ifPresent(k -> out.put("signerKeyId", k));
    return out;
  }
}
