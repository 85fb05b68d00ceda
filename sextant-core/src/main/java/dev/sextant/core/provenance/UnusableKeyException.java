package dev.sextant.core.provenance;

/**
 * Key material that cannot be trusted here: not a PEM or SPKI public key, or a key of an algorithm
 * other than Ed25519 and ECDSA P-256. Never carries the key's bytes.
 */
public final class UnusableKeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnusableKeyException(String message) {
    super(message);
  }
}
