package dev.sextant.core.fingerprint;

import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An Ed25519 signature over a fingerprint, and the id of the key that made it.
 *
 * @param keyId the first 16 hex digits of the signer's key fingerprint ({@link SigningKeys#keyId})
 * @param value the 64-byte signature in standard base64
 */
public record FingerprintSignature(String keyId, String value) {
  /** The only algorithm, as files name it. */
  public static final String ALGORITHM = "ed25519";

  static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
  static final int LENGTH = 64;

  public FingerprintSignature {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(value, "value");
    if (!KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException(
          "\"" + keyId + "\" is not a key id; expected 16 lower-case hex digits");
    }
    if (decode(value) == null) {
      throw new IllegalArgumentException(
          "a signature is " + LENGTH + " bytes in standard base64 (88 characters)");
    }
  }

  static FingerprintSignature of(String keyId, byte[] signature) {
    return new FingerprintSignature(keyId, Base64.getEncoder().encodeToString(signature));
  }

  byte[] bytes() {
    return decode(value);
  }

  /** The signature's bytes, or null when the text is not base64 of 64 bytes. */
  static byte[] decode(String text) {
    try {
      byte[] bytes = Base64.getDecoder().decode(text);
      return bytes.length == LENGTH ? bytes : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
