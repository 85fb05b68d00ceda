package dev.sextant.core.fingerprint;

import java.util.Objects;
import java.util.Optional;

/**
 * What checking a fingerprint's signature found.
 *
 * @param keyId the key the fingerprint names, when it is signed
 * @param message one line for people: what was found and what it means
 */
public record Verification(Outcome outcome, Optional<String> keyId, String message) {
  public enum Outcome {
    /** Signed by a trusted key, and nothing covered by the signature has changed since. */
    VALID,
    /** No signature at all. */
    UNSIGNED,
    /** Signed by a key that is not trusted here (or not registered for this agent). */
    UNKNOWN_KEY,
    /** Signed, but the signature does not match: the fingerprint was changed after signing. */
    BAD_SIGNATURE
  }

  public Verification {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(message, "message");
  }

  public boolean isValid() {
    return outcome == Outcome.VALID;
  }

  static Verification valid(String keyId) {
    return new Verification(
        Outcome.VALID, Optional.of(keyId), "signature by key " + keyId + " is valid");
  }

  static Verification unsigned() {
    return new Verification(Outcome.UNSIGNED, Optional.empty(), "fingerprint is not signed");
  }

  static Verification unknownKey(String keyId) {
    return new Verification(
        Outcome.UNKNOWN_KEY,
        Optional.of(keyId),
        "fingerprint is signed by key " + keyId + ", which is not a trusted key");
  }

  static Verification badSignature(String keyId) {
    return new Verification(
        Outcome.BAD_SIGNATURE,
        Optional.of(keyId),
        "signature by key "
            + keyId
            + " does not match: the facts, collection time or environment were changed after signing");
  }
}
