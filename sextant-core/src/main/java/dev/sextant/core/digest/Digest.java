package dev.sextant.core.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** A content digest in OCI notation, {@code sha256:<64 lower-case hex>}. */
public record Digest(String value) {
  private static final String PREFIX = "sha256:";

  public Digest {
    Objects.requireNonNull(value, "value");
    if (!isSha256(value)) {
      throw new IllegalArgumentException("not a sha256 digest: " + value);
    }
  }

  /**
   * {@code sha256:[0-9a-f]{64}}, matched by hand: every stored event's inputs are read back as
   * digests, a million of them when the ledger is verified.
   */
  private static boolean isSha256(String value) {
    if (value.length() != PREFIX.length() + 64 || !value.startsWith(PREFIX)) {
      return false;
    }
    for (int i = PREFIX.length(); i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  public static Digest sha256(byte[] content) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
      return new Digest("sha256:" + HexFormat.of().formatHex(hash));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  /** The 64 hex digits without the algorithm prefix. */
  public String hex() {
    return value.substring(PREFIX.length());
  }

  /** The first 12 hex digits, enough to tell revisions apart in a table. */
  public String shortHex() {
    return hex().substring(0, 12);
  }

  @Override
  public String toString() {
    return value;
  }
}
