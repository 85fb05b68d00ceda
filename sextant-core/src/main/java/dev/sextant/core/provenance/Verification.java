package dev.sextant.core.provenance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What checking a DSSE envelope found: the trusted keys whose signatures verified and, when the
 * envelope is not accepted, why.
 *
 * @param verifiedBy the ids of the distinct trusted keys that verified a signature, which may be
 *     some even when the envelope is refused (too few for the threshold, an unsupported type)
 */
public record Verification(List<String> verifiedBy, Optional<Rejection> rejection) {
  public Verification {
    verifiedBy = List.copyOf(verifiedBy);
    Objects.requireNonNull(rejection, "rejection");
    if (rejection.isEmpty() && verifiedBy.isEmpty()) {
      throw new IllegalArgumentException("an accepted envelope is verified by some key");
    }
  }

  static Verification accepted(List<String> verifiedBy) {
    return new Verification(verifiedBy, Optional.empty());
  }

  static Verification rejected(List<String> verifiedBy, Reason reason, String message) {
    return new Verification(verifiedBy, Optional.of(new Rejection(reason, message)));
  }

  /** Whether the envelope is accepted: enough trusted keys signed it, and its type is supported. */
  public boolean verified() {
    return rejection.isEmpty();
  }

  /** Why an envelope is refused, as a kind a program can test and a sentence a person can read. */
  public record Rejection(Reason reason, String message) {
    public Rejection {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }

  /** The ways an envelope fails, in the order the DSSE protocol checks them. */
  public enum Reason {
    /** The envelope's JSON cannot be read: a field missing, of the wrong type, not base64. */
    MALFORMED,
    /** No signature verifies with any trusted key: none signed, or the key ids are not trusted. */
    NO_TRUSTED_SIGNATURE,
    /** A signature says which trusted key made it, and does not verify with that key. */
    BAD_SIGNATURE,
    /** Some trusted keys verified, fewer than the threshold asks for. */
    BELOW_THRESHOLD,
    /** Signed as required, but the payload is of a type this verifier does not read. */
    UNSUPPORTED_PAYLOAD_TYPE
  }
}
