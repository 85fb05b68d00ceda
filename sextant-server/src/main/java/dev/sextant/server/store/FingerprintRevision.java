package dev.sextant.server.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;

/** One stored fingerprint revision with its document, exactly as recorded. */
public record FingerprintRevision(FingerprintSummary summary, ObjectNode document) {
  @Override
  public ObjectNode document() {
    return document.deepCopy();
  }

  public String environment() {
    return summary.environment();
  }

  public long number() {
    return summary.number();
  }

  public Digest digest() {
    return summary.digest();
  }
}
