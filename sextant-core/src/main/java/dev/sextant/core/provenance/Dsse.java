package dev.sextant.core.provenance;

import dev.sextant.core.provenance.Verification.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The DSSE protocol v1 (secure-systems-lab/dsse {@code protocol.md}): signatures over the
 * pre-authentication encoding of a payload and its type, so that a signature never covers bytes
 * that could be read as another type.
 */
public final class Dsse {
  /** The payload type of an in-toto Statement. */
  public static final String IN_TOTO = "application/vnd.in-toto+json";

  private Dsse() {}

  /**
   * {@code PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, where LEN is the
   * decimal byte length (of the type's UTF-8, not its characters).
   */
  public static byte[] pae(String payloadType, byte[] payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(type.length + payload.length + 32);
    out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(type);
    out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  /**
   * An envelope with one Ed25519 signature. Only Ed25519 signs here: its signatures are
   * deterministic, so the core draws no randomness, and it is the algorithm of Sextant's own keys.
   *
   * @param keyId the KEYID to write, normally {@link PublicKeys#id} of the matching public key
   * @throws UnusableKeyException when the key is not an Ed25519 private key
   */
  public static Envelope sign(String payloadType, byte[] payload, String keyId, PrivateKey key) {
    Objects.requireNonNull(keyId, "keyId");
    if (!(key instanceof EdECPrivateKey ed && ed.getParams().getName().equals("Ed25519"))) {
      throw new UnusableKeyException(
          "Sextant signs with Ed25519 keys only, found " + key.getAlgorithm());
    }
    try {
      java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(pae(payloadType, payload));
      return new Envelope(
          payloadType, payload, List.of(new Envelope.Signature(Optional.of(keyId), signer.sign())));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK 15+ signs with Ed25519", e);
    }
  }

  /**
   * Reads and checks an envelope in its JSON form; one that cannot be read is {@link
   * Reason#MALFORMED}, naming the field.
   */
  public static Verification verify(
      byte[] envelopeJson, TrustedKeys trusted, int threshold, Set<String> payloadTypes) {
    Envelope envelope;
    try {
      envelope = Envelope.parse(envelopeJson);
    } catch (MalformedAttestationException e) {
      return Verification.rejected(List.of(), Reason.MALFORMED, e.getMessage());
    }
    return verify(envelope, trusted, threshold, payloadTypes);
  }

  /**
   * Checks an envelope as the protocol's multi-signature verification does: it is accepted when
   * signatures by at least {@code threshold} distinct trusted keys verify and its payload type is
   * one of {@code payloadTypes}. A signature's key id only narrows which trusted key to try; a
   * signature without one, or with an id no trusted key has, is tried with every trusted key.
   *
   * @throws IllegalArgumentException when {@code threshold} is below 1
   */
  public static Verification verify(
      Envelope envelope, TrustedKeys trusted, int threshold, Set<String> payloadTypes) {
    if (threshold < 1) {
      throw new IllegalArgumentException("a threshold is at least 1, found " + threshold);
    }
    byte[] pae = pae(envelope.payloadType(), envelope.payload());
    Set<String> accepted = new LinkedHashSet<>();
    List<String> failed = new ArrayList<>();
    Set<String> untrusted = new LinkedHashSet<>();
    List<Envelope.Signature> signatures = envelope.signatures();
    for (int i = 0; i < signatures.size(); i++) {
      Envelope.Signature signature = signatures.get(i);
      Optional<String> named = signature.keyId().filter(id -> trusted.get(id).isPresent());
      Collection<String> candidates = named.<Collection<String>>map(List::of).orElse(trusted.ids());
      Optional<String> by =
          candidates.stream()
              .filter(id -> verifies(trusted.get(id).orElseThrow(), pae, signature.sig()))
              .findFirst();
      if (by.isPresent()) {
        accepted.add(by.get());
      } else if (named.isPresent()) {
        failed.add("signature " + i + " does not verify with trusted key " + named.get());
      } else {
        signature.keyId().ifPresent(untrusted::add);
      }
    }
    List<String> verifiedBy = List.copyOf(accepted);
    if (accepted.size() < threshold) {
      return tooFew(verifiedBy, threshold, failed, untrusted, signatures.isEmpty(), trusted);
    }
    if (!payloadTypes.contains(envelope.payloadType())) {
      return Verification.rejected(
          verifiedBy,
          Reason.UNSUPPORTED_PAYLOAD_TYPE,
          "payload type '" + envelope.payloadType() + "' is not one of " + payloadTypes);
    }
    return Verification.accepted(verifiedBy);
  }

  private static Verification tooFew(
      List<String> verifiedBy,
      int threshold,
      List<String> failed,
      Set<String> untrusted,
      boolean unsigned,
      TrustedKeys trusted) {
    if (!verifiedBy.isEmpty()) {
      return Verification.rejected(
          verifiedBy,
          Reason.BELOW_THRESHOLD,
          "verified by "
              + verifiedBy.size()
              + " trusted key(s) "
              + verifiedBy
              + ", the threshold is "
              + threshold
              + (failed.isEmpty() ? "" : "; " + String.join("; ", failed)));
    }
    if (!failed.isEmpty()) {
      return Verification.rejected(verifiedBy, Reason.BAD_SIGNATURE, String.join("; ", failed));
    }
    String why =
        unsigned
            ? "the envelope has no signatures"
            : trusted.isEmpty()
                ? "no key is trusted"
                : "no signature verifies with a trusted key " + trusted.ids();
    return Verification.rejected(
        verifiedBy,
        Reason.NO_TRUSTED_SIGNATURE,
        why + (untrusted.isEmpty() ? "" : "; signed by untrusted key id(s) " + untrusted));
  }

  /**
   * ECDSA signatures come in two encodings: DER (the JDK, OpenSSL, cosign) and raw r‖s (the DSSE
   * reference implementation, PKCS #11, WebCrypto); 64 bytes may be either.
   */
  private static boolean verifies(PublicKey key, byte[] pae, byte[] sig) {
    if (PublicKeys.isEd25519(key)) {
      return verifies("Ed25519", key, pae, sig);
    }
    return verifies("SHA256withECDSA", key, pae, sig)
        || (sig.length == 64 && verifies("SHA256withECDSAinP1363Format", key, pae, sig));
  }

  private static boolean verifies(String algorithm, PublicKey key, byte[] pae, byte[] sig) {
    try {
      java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
      verifier.initVerify(key);
      verifier.update(pae);
      return verifier.verify(sig);
    } catch (SignatureException e) {
      return false; // not even a well-formed signature of this algorithm: it proves nothing
    } catch (InvalidKeyException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK 17 verifies " + algorithm, e);
    }
  }
}
