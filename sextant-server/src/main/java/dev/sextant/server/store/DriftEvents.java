package dev.sextant.server.store;

/** What the drift events read alike from their envelopes. */
final class DriftEvents {
  private DriftEvents() {}

  static DriftKind kind(EventEnvelope envelope) {
    String word = Event.text(envelope, "kind");
    return DriftKind.fromWord(word)
        .orElseThrow(() -> new IllegalArgumentException("unknown drift kind " + word));
  }
}
