package dev.sextant.core.fingerprint;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks fingerprint signatures against a set of trusted Ed25519 public keys, found by key id: the
 * key registered for one agent on the server, or the keys a CLI user trusts.
 */
public final class FingerprintVerifier {
  private final Map<String, PublicKey> keys = new TreeMap<>();

  private FingerprintVerifier(Collection<PublicKey> trusted) {
    trusted.forEach(key -> keys.put(SigningKeys.keyId(key), key));
  }

  /**
   * A verifier that trusts these keys.
   *
   * @throws IllegalArgumentException when a key is not an Ed25519 key
   */
  public static FingerprintVerifier trusting(Collection<PublicKey> trusted) {
    return new FingerprintVerifier(trusted);
  }

  public static FingerprintVerifier trusting(PublicKey... trusted) {
    return new FingerprintVerifier(List.of(trusted));
  }

  /** Whether the fingerprint is signed by a trusted key and unchanged since. Never throws. */
  public Verification verify(Fingerprint fingerprint) {
    if (fingerprint.signature().isEmpty()) {
      return Verification.unsigned();
    }
    FingerprintSignature signature = fingerprint.signature().get();
    PublicKey key = keys.get(signature.keyId());
    if (key == null) {
      return Verification.unknownKey(signature.keyId());
    }
    try {
      Signature check = Signature.getInstance("Ed25519");
      check.initVerify(key);
      check.update(SignedPayload.of(fingerprint.unsigned()));
      return check.verify(signature.bytes())
          ? Verification.valid(signature.keyId())
          : Verification.badSignature(signature.keyId());
    } catch (GeneralSecurityException e) {
      // A signature the provider cannot even parse is as bad as one that does not match.
      return Verification.badSignature(signature.keyId());
    }
  }
}
