package dev.sextant.core.provenance;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public keys a signature may be checked with, Ed25519 and ECDSA P-256 (what DSSE's reference
 * implementations sign with), read from the forms they are handed out in.
 *
 * <p>A key's id is the lower-case hex SHA-256 of its DER SubjectPublicKeyInfo: the same rule as an
 * RFC 6962 log id and a Rekor log id, so anyone can compute it from the PEM file alone ({@code
 * openssl pkey -pubin -outform DER | sha256sum}).
 */
public final class PublicKeys {
  private static final Pattern PEM =
      Pattern.compile(
          "\\s*-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]*)-----END PUBLIC KEY-----\\s*");

  /** The DER SubjectPublicKeyInfo of an Ed25519 key up to its 32 bytes (RFC 8410 §4). */
  private static final byte[] ED25519_SPKI_PREFIX =
      HexFormat.of().parseHex("302a300506032b6570032100");

  private static final ECParameterSpec P256 = p256();

  private PublicKeys() {}

  /** The key id: lower-case hex SHA-256 of the key's DER SubjectPublicKeyInfo. */
  public static String id(PublicKey key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(requireSupported(key).getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  /**
   * Reads a {@code -----BEGIN PUBLIC KEY-----} block (SubjectPublicKeyInfo, as {@code openssl pkey
   * -pubout} writes it).
   *
   * @throws UnusableKeyException when the text is no such block or holds another kind of key
   */
  public static PublicKey fromPem(String pem) {
    Matcher m = PEM.matcher(pem);
    if (!m.matches()) {
      throw new UnusableKeyException(
          "expected a PEM public key (-----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(1));
    } catch (IllegalArgumentException e) {
      throw new UnusableKeyException("the PEM public key's body is not base64: " + e.getMessage());
    }
    return fromSpki(der);
  }

  /** Reads a DER SubjectPublicKeyInfo. */
  public static PublicKey fromSpki(byte[] der) {
    for (String algorithm : new String[] {"Ed25519", "EC"}) {
      try {
        return requireSupported(
            KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der)));
      } catch (GeneralSecurityException e) {
        // not a key of this algorithm: try the next
      }
    }
    throw new UnusableKeyException(
        "not an Ed25519 or ECDSA P-256 public key (DER SubjectPublicKeyInfo of "
            + der.length
            + " bytes)");
  }

  /** An Ed25519 public key from its 32 raw bytes, as RFC 8032 and the DSSE vectors give them. */
  public static PublicKey ed25519(byte[] raw) {
    if (raw.length != 32) {
      throw new UnusableKeyException(
          "an Ed25519 public key is 32 bytes, found " + raw.length + " bytes");
    }
    byte[] der = new byte[ED25519_SPKI_PREFIX.length + 32];
    System.arraycopy(ED25519_SPKI_PREFIX, 0, der, 0, ED25519_SPKI_PREFIX.length);
    System.arraycopy(raw, 0, der, ED25519_SPKI_PREFIX.length, 32);
    return fromSpki(der);
  }

  /** The PEM block of a key, which {@link #fromPem} reads back. */
  public static String toPem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'})
            .encodeToString(requireSupported(key).getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /**
   * The key itself when it is Ed25519 or ECDSA on P-256.
   *
   * @throws UnusableKeyException otherwise, naming the algorithm (and curve) found
   */
  public static PublicKey requireSupported(PublicKey key) {
    if (key instanceof EdECPublicKey ed && ed.getParams().getName().equals("Ed25519")) {
      return key;
    }
    if (key instanceof ECPublicKey ec) {
      if (isP256(ec.getParams())) {
        return key;
      }
      throw new UnusableKeyException("an ECDSA key must be on P-256, found " + ec.getParams());
    }
    String algorithm =
        key instanceof EdECPublicKey ed ? ed.getParams().getName() : key.getAlgorithm();
    throw new UnusableKeyException(
        "a trusted key must be Ed25519 or ECDSA P-256, found " + algorithm);
  }

  static boolean isEd25519(PublicKey key) {
    return key instanceof EdECPublicKey;
  }

  private static boolean isP256(ECParameterSpec params) {
    return params.getCurve().equals(P256.getCurve())
        && params.getGenerator().equals(P256.getGenerator())
        && params.getOrder().equals(P256.getOrder())
        && params.getCofactor() == P256.getCofactor();
  }

  private static ECParameterSpec p256() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK provides the P-256 curve", e);
    }
  }
}
