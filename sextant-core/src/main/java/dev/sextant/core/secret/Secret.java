package dev.sextant.core.secret;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A secret's value, resolved from its {@link SecretRef} at the moment of use. It shows as {@code
 * ***} wherever it is printed or logged, and Jackson refuses to write it, so a value put by mistake
 * into a response, an event or a plan fails loudly instead of leaking.
 */
@JsonSerialize(using = Secret.Refused.class)
public final class Secret {
  private final SecretRef source;
  private final String value;

  public Secret(SecretRef source, String value) {
    this.source = Objects.requireNonNull(source, "source");
    this.value = Objects.requireNonNull(value, "value");
  }

  /** Where the value came from. */
  public SecretRef source() {
    return source;
  }

  /** The value itself, for the one call that hands it to whatever needs it. */
  public String reveal() {
    return value;
  }

  /** The number of characters, which says whether the right thing was read without showing it. */
  public int length() {
    return value.length();
  }

  /**
   * The first 8 hex digits of the value's SHA-256, to compare with {@code sha256sum} elsewhere.
   * Whoever can ask for it can read the secret itself, so it gives nothing away to them.
   */
  public String sha256Prefix() {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "***";
  }

  /** Refuses to serialise a secret, naming only its reference. */
  static final class Refused extends StdSerializer<Secret> {
    Refused() {
      super(Secret.class);
    }

    @Override
    public void serialize(Secret secret, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      throw JsonMappingException.from(
          out,
          "the secret from "
              + secret.source().describe()
              + " is never written out; write its reference instead");
    }
  }
}
