package dev.sextant.core.compat.wheel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class WheelFilenameTest {

  @Test
  void the_release_example_reads_with_its_local_version() {
    WheelFilename wheel = WheelFilename.parse("torch-2.3.1+cu121-cp311-cp311-linux_x86_64.whl");

    assertThat(wheel.distribution()).isEqualTo("torch");
    assertThat(wheel.version()).isEqualTo("2.3.1+cu121");
    assertThat(wheel.build()).isEmpty();
    assertThat(wheel.tags()).containsExactly(new WheelTag("cp311", "cp311", "linux_x86_64"));
  }

  @Test
  void a_compressed_tag_set_is_every_combination() {
    WheelFilename wheel =
        WheelFilename.parse(
            "foo-1.0-cp311.cp312-cp311.cp312-manylinux_2_28_x86_64.musllinux_1_2_x86_64.whl");

    assertThat(wheel.tags())
        .hasSize(8)
        .contains(new WheelTag("cp312", "cp311", "musllinux_1_2_x86_64"));
  }

  @Test
  void a_build_tag_keeps_its_number_and_suffix() {
    WheelFilename wheel = WheelFilename.parse("foo-1.0-0042_rc-py3-none-any.whl");

    assertThat(wheel.build()).contains(new WheelFilename.Build(BigInteger.valueOf(42), "_rc"));
  }

  @Test
  void a_build_number_of_more_than_a_hundred_digits_is_refused() {
    assertThat(WheelFilename.parse("foo-1.0-" + "9".repeat(100) + "-py3-none-any.whl").build())
        .isPresent();
    assertThatThrownBy(
            () -> WheelFilename.parse("foo-1.0-" + "9".repeat(101) + "-py3-none-any.whl"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("build number has 101 digits; expected at most 100");
  }

  @Test
  void tags_are_lower_case_as_pip_compares_them() {
    assertThat(WheelFilename.parse("Foo-1.0-PY3-NONE-ANY.whl").tags())
        .containsExactly(new WheelTag("py3", "none", "any"));
  }
}
