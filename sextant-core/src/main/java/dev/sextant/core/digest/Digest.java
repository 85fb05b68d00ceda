package dev.sextant.core.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/** A content digest in OCI notation, {@code sha256:<64 lower-case hex>}. */
public record Digest(String value) {
  private static final Pattern FORMAT = Pattern.compile("sha256:[0-9a-f]{64}");

  public Digest {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not a sha256 digest: " + value);
    }
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
    return value.substring("sha256:".length());
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
