package dev.sextant.core.signing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What checking one signed thing found, as policies see it ({@code signatures.release.verified}).
 *
 * @param signed it carries a signature
 * @param verified signed by a trusted key, and the signed bytes are unchanged since
 * @param keyId the key the signature names; empty when unsigned
 * @param reason why it is not verified, naming the thing and the key; empty when it is
 */
public record SignatureCheck(boolean signed, boolean verified, String keyId, String reason) {
  public SignatureCheck {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(reason, "reason");
    if (verified && (!signed || !reason.isEmpty())) {
      throw new IllegalArgumentException("a verified signature is signed and has no reason");
    }
    if (!verified && reason.isEmpty()) {
      throw new IllegalArgumentException("a signature not verified says why");
    }
  }

  static SignatureCheck valid(String keyId) {
    return new SignatureCheck(true, true, keyId, "");
  }

  /** Not signed at all; {@code what} names the thing. */
  public static SignatureCheck unsigned(String what) {
    return new SignatureCheck(false, false, "", what + " is not signed");
  }

  static SignatureCheck untrusted(String what, String keyId) {
    return new SignatureCheck(
        true, false, keyId, what + " is signed by key " + keyId + ", which is not trusted");
  }

  static SignatureCheck tampered(String what, String keyId) {
    return new SignatureCheck(
        true,
        false,
        keyId,
        what
            + " does not match its signature by key "
            + keyId
            + ": it was changed after it was signed");
  }

  /** The CEL value: {@code {signed, verified, keyId, reason}}. */
  public Map<String, Object> toCel() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("signed", signed);
    out.put("verified", verified);
    out.put("keyId", keyId);
    out.put("reason", reason);
    return out;
  }
}
