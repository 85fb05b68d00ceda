package dev.sextant.server.access;

import dev.sextant.core.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The text of API tokens: {@code sxt_} and 32 random bytes (base64url), so that a secret scanner
 * can tell one apart, and a hash to keep in its place.
 */
final class TokenText {
  static final String PREFIX = "sxt_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenText() {}

  static String create() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** A token's id: random, and unrelated to its text, so that showing it gives nothing away. */
  static String newId() {
    byte[] id = new byte[6];
    RANDOM.nextBytes(id);
    return "tok-" + HexFormat.of().formatHex(id);
  }

  /** What the store keeps instead of the token: its sha256, in hex. */
  static String hash(String token) {
    return Digest.sha256(token.getBytes(StandardCharsets.UTF_8)).hex();
  }
}
