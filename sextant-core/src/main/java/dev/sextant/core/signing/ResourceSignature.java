package dev.sextant.core.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An embedded signature, as a resource carries it in {@code metadata.signature}: the signer's key
 * id (the hex SHA-256 of its DER SubjectPublicKeyInfo), the algorithm, and the 64-byte Ed25519
 * signature in standard base64.
 */
public record ResourceSignature(String keyId, String algorithm, String value) {
  /** The only algorithm, as documents name it. */
  public static final String ED25519 = "ed25519";

  /** Where a resource carries its signature. */
  public static final String FIELD = "signature";

  static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{64}");

  public ResourceSignature {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(value, "value");
    if (!KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException(
          "signature keyId \"" + keyId + "\" is not 64 lower-case hex digits");
    }
    if (!algorithm.equals(ED25519)) {
      throw new IllegalArgumentException(
          "signature algorithm \"" + algorithm + "\" is not " + ED25519);
    }
    if (bytes(value).isEmpty()) {
      throw new IllegalArgumentException(
          "signature value is not 64 bytes in standard base64 (88 characters)");
    }
  }

  /**
   * The signature a document carries, if any.
   *
   * @throws IllegalArgumentException when {@code metadata.signature} is there and malformed, which
   *     a validated resource never is
   */
  public static Optional<ResourceSignature> of(JsonNode document) {
    JsonNode node = document.path("metadata").path(FIELD);
    if (node.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(
        new ResourceSignature(
            node.path("keyId").asText(),
            node.path("algorithm").asText(),
            node.path("value").asText()));
  }

  /** The form {@code metadata.signature} holds. */
  public ObjectNode toJson() {
    return JsonNodeFactory.instance
        .objectNode()
        .put("keyId", keyId)
        .put("algorithm", algorithm)
        .put("value", value);
  }

  byte[] signature() {
    return bytes(value).orElseThrow();
  }

  static Optional<byte[]> bytes(String base64) {
    try {
      byte[] bytes = Base64.getDecoder().decode(base64);
      return bytes.length == 64 ? Optional.of(bytes) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
