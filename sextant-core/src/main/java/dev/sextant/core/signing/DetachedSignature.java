package dev.sextant.core.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.digest.Digest;
import dev.sextant.core.ledger.Jcs;
import dev.sextant.core.provenance.PublicKeys;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;

/**
 * A signature kept beside the file it signs ({@code FILE.sig}), for any JSON or YAML document: a
 * fingerprint file, a whole resource file. It covers the RFC 8785 canonical JSON of the document,
 * so reformatting the YAML keeps it valid and changing a value does not; the digest of those bytes
 * is written too, so a reader sees at once whether the content or the signature is at fault.
 *
 * @param keyId the signer's key id (hex SHA-256 of its DER SubjectPublicKeyInfo)
 * @param digest {@code sha256:<hex>} of the canonical bytes
 * @param signature the Ed25519 signature over the canonical bytes, standard base64
 */
public record DetachedSignature(String keyId, String algorithm, Digest digest, String signature) {
  private static final Set<String> FIELDS = Set.of("keyId", "algorithm", "digest", "signature");

  public DetachedSignature {
    // the same rules as an embedded signature's
    new ResourceSignature(keyId, algorithm, signature);
    Objects.requireNonNull(digest, "digest");
  }

  /** Signs a document's canonical JSON. */
  public static DetachedSignature sign(JsonNode document, String keyId, PrivateKey key) {
    byte[] canonical = Jcs.canonical(document);
    return new DetachedSignature(
        keyId,
        ResourceSignature.ED25519,
        Digest.sha256(canonical),
        Base64.getEncoder().encodeToString(ResourceSigning.Ed25519.sign(canonical, key)));
  }

  /**
   * Reads a {@code .sig} file's JSON.
   *
   * @throws IllegalArgumentException naming the field that is missing, unknown or malformed
   */
  public static DetachedSignature read(JsonNode json) {
    if (!json.isObject()) {
      throw new IllegalArgumentException(
          "a signature file is a JSON object with keyId, algorithm, digest and signature");
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException(
            "unknown field " + name + "; expected keyId, algorithm, digest and signature");
      }
    }
    for (String field : FIELDS) {
      if (!json.path(field).isTextual()) {
        throw new IllegalArgumentException("field " + field + " is missing or not text");
      }
    }
    return new DetachedSignature(
        json.get("keyId").asText(),
        json.get("algorithm").asText(),
        new Digest(json.get("digest").asText()),
        json.get("signature").asText());
  }

  public ObjectNode toJson() {
    return JsonNodeFactory.instance
        .objectNode()
        .put("keyId", keyId)
        .put("algorithm", algorithm)
        .put("digest", digest.toString())
        .put("signature", signature);
  }

  /**
   * Whether this signature, by {@code key}, covers the document as it is now.
   *
   * @param what the document as a reason names it, e.g. its file name
   */
  public SignatureCheck verify(JsonNode document, String what, PublicKey key) {
    String id = PublicKeys.id(key);
    if (!id.equals(keyId)) {
      return SignatureCheck.untrusted(what, keyId);
    }
    byte[] canonical = Jcs.canonical(document);
    if (!Digest.sha256(canonical).equals(digest)
        || !ResourceSigning.Ed25519.verify(
            canonical, ResourceSignature.bytes(signature).orElseThrow(), key)) {
      return SignatureCheck.tampered(what, keyId);
    }
    return SignatureCheck.valid(keyId);
  }
}
