package dev.sextant.server.analysis.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {
  @Test
  void backslashes_quotes_and_line_breaks_are_escaped_for_a_double_quoted_string() {
    assertThat(PromQl.escape("a\\b\"c\nd\re\tf\u0001g"))
        .isEqualTo("a\\\\b\\\"c\\nd\\re\\tf\\u0001g");
  }

  @Test
  void plain_values_are_left_as_they_are() {
    assertThat(PromQl.escape("checkout-v1.2_ü {x}")).isEqualTo("checkout-v1.2_ü {x}");
  }
}
