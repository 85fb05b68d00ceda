package dev.sextant.core.compat.wheel;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Whatever the text, it is a wheel filename with its parts and at least one tag, or it is refused.
 */
class WheelFilenameFuzzTest {

  @FuzzTest
  void any_text_is_a_wheel_filename_or_refused(byte[] input) {
    WheelFilename wheel;
    try {
      wheel = WheelFilename.parse(new String(input, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException refused) {
      return;
    }
    assertThat(wheel.distribution()).isNotBlank();
    assertThat(wheel.version()).isNotBlank();
    assertThat(wheel.tags()).isNotEmpty();
  }
}
