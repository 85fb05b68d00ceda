package dev.sextant.core.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.FingerprintVerifier;
import dev.sextant.core.fingerprint.Verification;
import dev.sextant.core.ledger.Jcs;
import dev.sextant.core.provenance.TrustedKeys;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Signs a resource document and checks its signature. What is signed is the RFC 8785 canonical JSON
 * of the whole document without {@code metadata.signature}, so the signature travels inside the
 * resource and any JCS implementation recomputes the signed bytes. Keys come in as parameters.
 */
public final class ResourceSigning {
  private ResourceSigning() {}

  /** The bytes a resource's signature covers. */
  public static byte[] signedBytes(JsonNode document) {
    return Jcs.canonical(unsigned(document));
  }

  /** The document without its signature; an unsigned document as it is. */
  public static JsonNode unsigned(JsonNode document) {
    JsonNode copy = document.deepCopy();
    if (copy.path("metadata") instanceof ObjectNode metadata) {
      metadata.remove(ResourceSignature.FIELD);
    }
    return copy;
  }

  /**
   * The document signed with {@code key}, any signature it had replaced.
   *
   * @param keyId the id of the matching public key ({@link
   *     dev.sextant.core.provenance.PublicKeys#id})
   * @throws IllegalArgumentException when the document has no {@code metadata} mapping or the key
   *     is not an Ed25519 private key
   */
  public static ObjectNode sign(ObjectNode document, String keyId, PrivateKey key) {
    if (!(document.path("metadata") instanceof ObjectNode)) {
      throw new IllegalArgumentException("a resource to sign has a metadata mapping");
    }
    ObjectNode signed = document.deepCopy();
    ResourceSignature signature =
        new ResourceSignature(
            keyId,
            ResourceSignature.ED25519,
            Base64.getEncoder().encodeToString(Ed25519.sign(signedBytes(document), key)));
    ((ObjectNode) signed.get("metadata")).set(ResourceSignature.FIELD, signature.toJson());
    return signed;
  }

  /**
   * Whether a document is signed by a trusted key and unchanged since. Never throws: a signature
   * that cannot be read is not verified.
   *
   * @param what the document as a reason names it, e.g. {@code release payments-api}
   */
  public static SignatureCheck verify(JsonNode document, String what, TrustedKeys trusted) {
    Optional<ResourceSignature> signature;
    try {
      signature = ResourceSignature.of(document);
    } catch (IllegalArgumentException e) {
      return new SignatureCheck(
          true, false, "", what + " has a malformed signature: " + e.getMessage());
    }
    if (signature.isEmpty()) {
      return SignatureCheck.unsigned(what);
    }
    String keyId = signature.get().keyId();
    Optional<PublicKey> key = find(trusted, keyId);
    if (key.isEmpty()) {
      return SignatureCheck.untrusted(what, keyId);
    }
    if (!(key.get() instanceof EdECPublicKey)) {
      return new SignatureCheck(
          true,
          false,
          keyId,
          what
              + " names trusted key "
              + keyId
              + ", an ECDSA P-256 key; resources are signed with Ed25519 keys only");
    }
    return Ed25519.verify(signedBytes(document), signature.get().signature(), key.get())
        ? SignatureCheck.valid(keyId)
        : SignatureCheck.tampered(what, keyId);
  }

  /**
   * A fingerprint's agent signature (its 16-hex key id a prefix of a trusted key's id), as the same
   * kind of check.
   */
  public static SignatureCheck verify(Fingerprint fingerprint, String what, TrustedKeys trusted) {
    List<PublicKey> ed25519 = new ArrayList<>();
    for (String id : trusted.ids()) {
      trusted.get(id).filter(k -> k instanceof EdECPublicKey).ifPresent(ed25519::add);
    }
    Verification verification = FingerprintVerifier.trusting(ed25519).verify(fingerprint);
    String keyId = verification.keyId().orElse("");
    return switch (verification.outcome()) {
      case VALID -> SignatureCheck.valid(keyId);
      case UNSIGNED -> SignatureCheck.unsigned(what);
      case UNKNOWN_KEY -> SignatureCheck.untrusted(what, keyId);
      case BAD_SIGNATURE -> SignatureCheck.tampered(what, keyId);
    };
  }

  /** The trusted key under this id, or the only one whose id starts with it. */
  static Optional<PublicKey> find(TrustedKeys trusted, String keyId) {
    Optional<PublicKey> exact = trusted.get(keyId);
    if (exact.isPresent() || keyId.isEmpty()) {
      return exact;
    }
    List<String> matches = trusted.ids().stream().filter(id -> id.startsWith(keyId)).toList();
    return matches.size() == 1 ? trusted.get(matches.get(0)) : Optional.empty();
  }

  /** Ed25519 signing and checking, as the JDK provides them. */
  static final class Ed25519 {
    private Ed25519() {}

    static byte[] sign(byte[] bytes, PrivateKey key) {
      try {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update(bytes);
        return signer.sign();
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException(
            "not an Ed25519 private key (" + e.getMessage() + ")", e);
      }
    }

    static boolean verify(byte[] bytes, byte[] signature, PublicKey key) {
      try {
        Signature check = Signature.getInstance("Ed25519");
        check.initVerify(key);
        check.update(bytes);
        return check.verify(signature);
      } catch (GeneralSecurityException e) {
        // a signature the provider cannot parse is as bad as one that does not match
        return false;
      }
    }
  }
}
