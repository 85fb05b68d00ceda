package dev.sextant.core.resource;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Whatever the text, a label selector parses and matches, or is refused as a selector. */
class LabelSelectorFuzzTest {

  @FuzzTest
  void any_text_is_a_selector_or_an_invalid_selector(byte[] input) {
    LabelSelector selector;
    try {
      selector = LabelSelector.parse(new String(input, StandardCharsets.UTF_8));
    } catch (InvalidSelectorException expected) {
      return;
    }
    selector.matches(Map.of("app", "web", "tier", "gpu"));
  }
}
