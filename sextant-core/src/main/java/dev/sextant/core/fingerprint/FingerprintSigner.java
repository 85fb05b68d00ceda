package dev.sextant.core.fingerprint;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;

/**
 * Signs fingerprints with an Ed25519 key, over the payload described in {@link SignedPayload}: the
 * whole digest (hence every fact), the collection time and the environment; never the signature
 * itself. Ed25519 signing is deterministic, so no randomness is needed here.
 */
public final class FingerprintSigner {
  private final PrivateKey privateKey;
  private final String keyId;

  /** The pair is needed because the JDK cannot derive an Ed25519 public key from the private. */
  public FingerprintSigner(KeyPair keys) {
    this.privateKey = SigningKeys.requireEd25519(keys.getPrivate());
    this.keyId = SigningKeys.keyId(keys.getPublic());
  }

  public String keyId() {
    return keyId;
  }

  /** The fingerprint with this key's signature, replacing any it had. */
  public Fingerprint sign(Fingerprint fingerprint) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(privateKey);
      signature.update(SignedPayload.of(fingerprint.unsigned()));
      return fingerprint.signed(FingerprintSignature.of(keyId, signature.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing with a checked key does not fail", e);
    }
  }
}
