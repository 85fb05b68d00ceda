package dev.sextant.core.fingerprint;

import dev.sextant.core.digest.Digest;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys (in the JDK since 15): generation, key ids, and text forms to store them.
 *
 * <p>A public key is stored as base64 of its X.509 SubjectPublicKeyInfo (what {@link
 * PublicKey#getEncoded()} gives), a private key as base64 of PKCS#8, optionally wrapped in PEM
 * ({@code -----BEGIN PUBLIC KEY-----}) so {@code openssl pkey} reads them too; decoding takes
 * either form.
 *
 * <p>A key's id is the first 16 hex digits of sha256 over the encoded public key: short enough to
 * show and log, long enough (64 bits) that two keys of one installation never share an id by
 * chance, and computed from the key alone, so every party derives the same id without a registry.
 */
public final class SigningKeys {
  private static final String ALGORITHM = "Ed25519";

  private SigningKeys() {}

  /**
   * A new key pair. The randomness comes in as a parameter: core draws none of its own (the agent
   * passes {@code new SecureRandom()}).
   */
  public static KeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
      generator.initialize(NamedParameterSpec.ED25519, random);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
      throw new IllegalStateException("every JDK since 15 provides Ed25519", e);
    }
  }

  /** The key's id: the first 16 hex digits of sha256 over its X.509 encoding. */
  public static String keyId(PublicKey key) {
    return Digest.sha256(requireEd25519(key).getEncoded()).hex().substring(0, 16);
  }

  /** Base64 of the X.509 SubjectPublicKeyInfo. */
  public static String encodePublic(PublicKey key) {
    return Base64.getEncoder().encodeToString(requireEd25519(key).getEncoded());
  }

  /** Base64 of PKCS#8. */
  public static String encodePrivate(PrivateKey key) {
    return Base64.getEncoder().encodeToString(requireEd25519(key).getEncoded());
  }

  public static String publicPem(PublicKey key) {
    return pem("PUBLIC KEY", encodePublic(key));
  }

  public static String privatePem(PrivateKey key) {
    return pem("PRIVATE KEY", encodePrivate(key));
  }

  /**
   * Reads a public key written by {@link #encodePublic} or {@link #publicPem}.
   *
   * @throws IllegalArgumentException when the text is not an Ed25519 public key
   */
  public static PublicKey decodePublic(String text) {
    try {
      return requireEd25519(
          KeyFactory.getInstance(ALGORITHM)
              .generatePublic(new X509EncodedKeySpec(bytes(text, "public"))));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "not an Ed25519 public key (base64 of X.509 SubjectPublicKeyInfo, or PEM): "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Reads a private key written by {@link #encodePrivate} or {@link #privatePem}.
   *
   * @throws IllegalArgumentException when the text is not an Ed25519 private key; the message never
   *     quotes the text
   */
  public static PrivateKey decodePrivate(String text) {
    try {
      return requireEd25519(
          KeyFactory.getInstance(ALGORITHM)
              .generatePrivate(new PKCS8EncodedKeySpec(bytes(text, "private"))));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "not an Ed25519 private key (base64 of PKCS#8, or PEM)", e);
    }
  }

  static <K extends Key> K requireEd25519(K key) {
    if (key instanceof EdECKey ed && ed.getParams().getName().equalsIgnoreCase(ALGORITHM)) {
      return key;
    }
    throw new IllegalArgumentException("expected an Ed25519 key, found " + key.getAlgorithm());
  }

  private static byte[] bytes(String text, String which) {
    String base64 = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a " + which + " key is not valid base64", e);
    }
  }

  private static String pem(String type, String base64) {
    StringBuilder out = new StringBuilder("-----BEGIN ").append(type).append("-----\n");
    for (int i = 0; i < base64.length(); i += 64) {
      out.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
    }
    return out.append("-----END ").append(type).append("-----\n").toString();
  }
}
