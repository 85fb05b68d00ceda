package dev.sextant.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written recognition of the common form answers exactly as parsing and writing back. */
class InstantTextTest {
  private static final String CHARACTERS = "0123456789-:.TZtz+ \u0661";

  /** What an entry's time was held to before: parsed and written back, the same text. */
  private static boolean byParsing(String at) {
    try {
      return Instant.parse(at).toString().equals(at);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-12-06T20:37:00Z",
        "2026-12-06T20:37:00.123Z",
        "2026-12-06T20:37:00.123456Z",
        "2026-12-06T20:37:00.123456789Z",
        "2024-02-29T00:00:00Z",
        "1000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        "0999-12-31T23:59:59Z",
        "+10000-01-01T00:00:00Z",
        "2026-12-06T20:37:00.120Z",
        "2026-12-06T20:37:00.000Z",
        "2026-12-06T20:37:00.123000Z",
        "2026-12-06T20:37:00.123456000Z",
        "2026-12-06T20:37Z",
        "2026-12-06T20:37:60Z",
        "2026-12-06T24:00:00Z",
        "2025-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-01T00:00:00Z",
        "2026-12-00T00:00:00Z",
        "2026-12-06t20:37:00Z",
        "2026-12-06T20:37:00z",
        "2026-12-06T20:37:00+00:00",
        "2026-12-06T2-:37:00Z",
        "2026-12-06T20:-7:00Z",
        "2026-12-06T20:37:-0Z",
        "2026-12-06T20:37:00.12Z",
        "2026-12-06T20:37:00.1234Z",
        "2026-12-06T20:37:00.-23Z",
        ""
      })
  void answersAsParsingDoes(String at) {
    assertThat(InstantText.isCanonical(at)).as(at).isEqualTo(byParsing(at));
  }

  @Test
  void answersAsParsingDoesForManyInstantsAndEveryOneCharacterChangeOfThem() {
    Random random = new Random(22);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      long seconds =
          Instant.parse("1000-01-01T00:00:00Z").getEpochSecond()
              + (long) (random.nextDouble() * 9000L * 365 * 86_400);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      texts.add(Instant.ofEpochSecond(seconds, nanos).toString());
    }
    for (String text : texts) {
      assertThat(InstantText.isCanonical(text)).as(text).isTrue();
      for (int at = 0; at < text.length(); at++) {
        char replacement = CHARACTERS.charAt(random.nextInt(CHARACTERS.length()));
        String changed = text.substring(0, at) + replacement + text.substring(at + 1);
        assertThat(InstantText.isCanonical(changed)).as(changed).isEqualTo(byParsing(changed));
      }
    }
  }
}
