package dev.sextant.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {

  @ParameterizedTest(name = "{0} = {1} bytes")
  @CsvSource(
      delimiter = '|',
      value = {
        "25769803776     | 25769803776",
        "0               | 0",
        "24Gi            | 25769803776",
        "1Ki             | 1024",
        "16384Mi         | 17179869184",
        "2Ti             | 2199023255552",
        "1Pi             | 1125899906842624",
        "1Ei             | 1152921504606846976",
        "1.5Gi           | 1610612736",
        ".5Ki            | 512",
        "500M            | 500000000",
        "1k              | 1000",
        "8G              | 8000000000",
        "3T              | 3000000000000",
        "8 GB            | 8000000000",
        "8GB             | 8000000000",
        "16384 MiB       | 17179869184",
        "81559 MiB       | 85520809984",
        "24 GiB          | 25769803776",
        "4 KB            | 4000",
        "4 kB            | 4000",
        "512 B           | 512",
        "512 bytes       | 512",
        "1 byte          | 1",
        "'  24Gi  '      | 25769803776",
        "+1Gi            | 1073741824",
        "123456789012345678901234567890 | 123456789012345678901234567890"
      })
  void parses_exactly(String text, String bytes) {
    assertThat(Quantities.parse(text)).isEqualByComparingTo(new BigDecimal(bytes));
    assertThat(Quantities.bytes(text)).isEqualTo(new Fact.Quantity(new BigDecimal(bytes), "bytes"));
  }

  @ParameterizedTest(name = "\"{0}\" is refused: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''          | is empty",
        "Gi          | is not a quantity",
        "24 Gi B     | is not a quantity",
        "1,024 MiB   | is not a quantity",
        "1e9         | is not a quantity",
        "-1Gi        | is negative",
        "24Gb        | unknown unit \"Gb\"; expected one of B, k, Ki",
        "24gib       | did you mean \"GiB\"?",
        "16K         | unknown unit \"K\"",
        "24 gigabytes | unknown unit \"gigabytes\"",
        "0.3Ki       | is 307.2 bytes; expected a whole number of bytes",
        "0.5         | is 0.5 bytes",
        "1.2.3Gi     | is not a quantity",
        "24 Gi 2     | is not a quantity",
        "1m          | unknown unit \"m\""
      })
  void refuses_what_is_not_a_whole_number_of_bytes(String text, String reason) {
    assertThatThrownBy(() -> Quantities.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void an_unknown_unit_is_answered_with_the_nearest_known_one() {
    assertThatThrownBy(() -> Quantities.parse("24Gb")).hasMessageEndingWith("did you mean \"GB\"?");
  }

  @Test
  void a_very_long_quantity_is_refused_before_any_arithmetic() {
    assertThatThrownBy(() -> Quantities.parse("9".repeat(100))).hasMessageContaining("at most 64");
  }

  @Test
  void numbers_of_bytes_must_be_whole_and_not_negative() {
    assertThat(Quantities.bytes(new BigDecimal("1E+9")))
        .isEqualTo(Fact.Quantity.bytes(1_000_000_000L));
    assertThatThrownBy(() -> Quantities.bytes(new BigDecimal("2.5")))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> Quantities.bytes(new BigDecimal("-1")))
        .hasMessageContaining("negative");
  }

  @ParameterizedTest
  @CsvSource({
    "25769803776, 24Gi",
    "1024, 1Ki",
    "1536, 1536",
    "1000, 1kB",
    "85520809984, 81559Mi",
    "0, 0",
    "80000000000, 80GB",
    "500000000, 500MB",
    "1024000, 1000Ki",
    "1500000, 1500kB",
    "2199023255552, 2Ti"
  })
  void formats_in_the_exact_unit_with_the_fewest_digits_binary_on_a_tie(String bytes, String text) {
    assertThat(Quantities.format(new BigDecimal(bytes))).isEqualTo(text);
  }

  @Test
  void a_quantity_shows_itself_as_string_format_would_round_it() {
    java.util.List<Long> amounts =
        new java.util.ArrayList<>(
            java.util.List.of(
                0L,
                1L,
                1023L,
                1024L,
                1536L,
                1126L,
                1127L,
                1075L,
                1076L,
                81559L << 20,
                2L << 40,
                15360L << 20,
                Long.MAX_VALUE,
                (1L << 50) * 3,
                (1L << 60) + 1));
    long x = 1;
    for (int i = 0; i < 5000; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      amounts.add((x >>> 1) >>> (i % 60));
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    for (long amount : amounts) {
      String expected = amount + " bytes";
      if (amount >= 1024) {
        double value = amount;
        int i = -1;
        while (value >= 1024 && i < units.length - 1) {
          value /= 1024;
          i++;
        }
        expected += String.format(java.util.Locale.ROOT, " (%.1f %s)", value, units[i]);
      }
      assertThat(Fact.Quantity.bytes(amount).display()).as("%d", amount).isEqualTo(expected);
    }
    assertThat(new Fact.Quantity(new BigDecimal("2400"), "MHz").display()).isEqualTo("2400 MHz");
  }

  @Test
  void formats_amounts_beyond_a_long_in_the_shortest_exact_unit() {
    BigDecimal huge = new BigDecimal(java.math.BigInteger.ONE.shiftLeft(70));
    assertThat(Quantities.format(huge)).isEqualTo("1024Ei");
    assertThat(Quantities.format(huge.add(BigDecimal.ONE)))
        .isEqualTo(huge.add(BigDecimal.ONE).toPlainString());
    assertThat(Quantities.format(new BigDecimal("3E+3"))).isEqualTo("3kB");
    assertThat(Quantities.format(BigDecimal.TEN.pow(21))).isEqualTo("1000EB");
    assertThat(Quantities.format(BigDecimal.ZERO)).isEqualTo("0");
  }

  @Test
  void an_amount_of_more_than_forty_digits_is_refused_so_that_what_is_read_can_be_written_back() {
    String seventyDigits = "7".repeat(70);
    assertThatThrownBy(() -> Quantities.bytes(new BigDecimal(seventyDigits)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("with 70 digits; expected at most 40 digits");
    assertThatThrownBy(() -> Quantities.parse("9".repeat(30) + "Ei"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected at most 40 digits");
    assertThatThrownBy(() -> Quantities.bytes(new BigDecimal("1E+999999999")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "\"1E+999999999\" is a number of bytes with 1000000000 digits; expected at most 40 digits"
                + " (10^40 bytes is more than any machine holds)");
  }

  @Test
  void the_largest_amounts_format_to_text_that_parses_back_to_them() {
    for (String bytes :
        List.of(
            "9".repeat(40),
            "1" + "0".repeat(39),
            new BigDecimal(BigInteger.ONE.shiftLeft(130)).toPlainString())) {
      BigDecimal amount = Quantities.bytes(new BigDecimal(bytes)).amount();
      assertThat(Quantities.parse(Quantities.format(amount))).isEqualByComparingTo(amount);
    }
  }
}
