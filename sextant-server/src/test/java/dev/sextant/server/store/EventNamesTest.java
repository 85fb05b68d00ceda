package dev.sextant.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written formats match exactly what their regular expressions match. */
class EventNamesTest {
  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
  private static final Pattern SUBJECT = Pattern.compile("[a-z][a-z0-9-]*/\\S+");
  private static final Pattern OUTCOME = Pattern.compile("[a-z][a-z0-9-]*");
  private static final String CHARACTERS = "ab-z09./ \t\n\u000B\f\rA_é\u00A0\u2003";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "fingerprint.recorded",
        "a.b.c",
        "a-1.b-2",
        "fingerprint",
        ".a.b",
        "a..b",
        "a.b.",
        "1a.b",
        "a.1b",
        "A.b",
        "environment/prod-eu",
        "agent/gpu-01",
        "a/b/c",
        "a/",
        "/b",
        "a b/c",
        "a/b c",
        "a/b\u00A0c",
        "accepted",
        "refused-twice",
        "-a",
        ""
      })
  void matchWhatThePatternsMatch(String value) {
    check(value);
  }

  @Test
  void matchWhatThePatternsMatchOverManyStrings() {
    Random random = new Random(22);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder value = new StringBuilder();
      for (int length = random.nextInt(12); length > 0; length--) {
        value.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
      }
      check(value.toString());
    }
  }

  private static void check(String value) {
    assertThat(EventNames.isType(value)).as(value).isEqualTo(TYPE.matcher(value).matches());
    assertThat(EventNames.isSubject(value)).as(value).isEqualTo(SUBJECT.matcher(value).matches());
    assertThat(EventNames.isOutcome(value)).as(value).isEqualTo(OUTCOME.matcher(value).matches());
  }
}
