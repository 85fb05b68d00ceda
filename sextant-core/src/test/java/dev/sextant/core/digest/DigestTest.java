package dev.sextant.core.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A digest is exactly what {@code sha256:[0-9a-f]{64}} matches. */
class DigestTest {
  private static final Pattern FORMAT = Pattern.compile("sha256:[0-9a-f]{64}");
  private static final String CHARACTERS = "0123456789abcdefgABCDEF:s \u0660";

  private static boolean accepted(String value) {
    try {
      new Digest(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Test
  void acceptsExactlyWhatTheFormatMatches() {
    Random random = new Random(22);
    String valid = Digest.sha256("x".getBytes(StandardCharsets.UTF_8)).value();
    assertThat(accepted(valid)).isTrue();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder value = new StringBuilder(valid);
      int at = random.nextInt(valid.length());
      value.setCharAt(at, CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
      String changed = random.nextInt(10) == 0 ? value.substring(0, at) : value.toString();
      assertThat(accepted(changed)).as(changed).isEqualTo(FORMAT.matcher(changed).matches());
    }
    assertThat(accepted("sha256:" + "a".repeat(65))).isFalse();
    assertThat(accepted("sha512:" + "a".repeat(64))).isFalse();
  }

  @Test
  void namesWhatIsNoDigest() {
    assertThatThrownBy(() -> new Digest("md5:abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a sha256 digest: md5:abc");
  }
}
