package dev.sextant.core.compat.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PEP 440 versions: https://peps.python.org/pep-0440/ and packaging's tests/test_version.py. */
class Pep440VersionTest {

  /** The PEP's own example of ordering ("Summary of permitted suffixes and relative ordering"). */
  static final List<String> PEP_ORDER =
      List.of(
          "1.dev0",
          "1.0.dev456",
          "1.0a1",
          "1.0a2.dev456",
          "1.0a12.dev456",
          "1.0a12",
          "1.0b1.dev456",
          "1.0b2",
          "1.0b2.post345.dev456",
          "1.0b2.post345",
          "1.0rc1.dev456",
          "1.0rc1",
          "1.0",
          "1.0+abc.5",
          "1.0+abc.7",
          "1.0+5",
          "1.0.post456.dev34",
          "1.0.post456",
          "1.0.15",
          "1.1.dev1");

  /** packaging's VERSIONS list, in order, with and without an explicit epoch. */
  static final List<String> PACKAGING_ORDER =
      withEpochs(
          List.of(
              "1.0.dev456",
              "1.0a1",
              "1.0a2.dev456",
              "1.0a12.dev456",
              "1.0a12",
              "1.0b1.dev456",
              "1.0b2",
              "1.0b2.post345.dev456",
              "1.0b2.post345",
              "1.0b2-346",
              "1.0c1.dev456",
              "1.0c1",
              "1.0rc2",
              "1.0c3",
              "1.0",
              "1.0.post456.dev34",
              "1.0.post456",
              "1.1.dev1",
              "1.2+123abc",
              "1.2+123abc456",
              "1.2+abc",
              "1.2+abc123",
              "1.2+abc123def",
              "1.2+1234.abc",
              "1.2+123456",
              "1.2.r32+123456",
              "1.2.rev33+123456"));

  private static List<String> withEpochs(List<String> versions) {
    List<String> out = new ArrayList<>(versions);
    versions.forEach(v -> out.add("1!" + v));
    return List.copyOf(out);
  }

  @Test
  void the_peps_example_is_in_order() {
    assertStrictlyIncreasing(PEP_ORDER);
  }

  @Test
  void packagings_version_list_is_in_order() {
    assertStrictlyIncreasing(PACKAGING_ORDER);
  }

  @Test
  void sorting_a_shuffled_list_restores_the_order() {
    List<Pep440Version> shuffled =
        new ArrayList<>(PACKAGING_ORDER.stream().map(Pep440Version::parse).toList());
    Collections.reverse(shuffled);
    Collections.sort(shuffled);
    assertThat(shuffled)
        .containsExactlyElementsOf(PACKAGING_ORDER.stream().map(Pep440Version::parse).toList());
  }

  private static void assertStrictlyIncreasing(List<String> versions) {
    for (int i = 0; i + 1 < versions.size(); i++) {
      Pep440Version a = Pep440Version.parse(versions.get(i));
      Pep440Version b = Pep440Version.parse(versions.get(i + 1));
      assertThat(a.compareTo(b)).as("%s < %s", a, b).isNegative();
      assertThat(b.compareTo(a)).as("%s > %s", b, a).isPositive();
    }
  }

  @ParameterizedTest(name = "{0} normalises to {1}")
  @CsvSource({
    // The PEP's normalisation section, in order.
    "1.1RC1, 1.1rc1",
    "1.0-ALPHA, 1.0a0",
    "1.1.a1, 1.1a1",
    "1.1-a1, 1.1a1",
    "1.1_a1, 1.1a1",
    "1.0a.1, 1.0a1",
    "1.0a-1, 1.0a1",
    "1.0alpha1, 1.0a1",
    "1.0beta2, 1.0b2",
    "1.0c1, 1.0rc1",
    "1.0pre1, 1.0rc1",
    "1.0preview1, 1.0rc1",
    "1.0a, 1.0a0",
    "1.0-post1, 1.0.post1",
    "1.0_post1, 1.0.post1",
    "1.0post1, 1.0.post1",
    "1.0.post.1, 1.0.post1",
    "1.0-r4, 1.0.post4",
    "1.0rev4, 1.0.post4",
    "1.0.post, 1.0.post0",
    "1.0-1, 1.0.post1",
    "1.0-dev2, 1.0.dev2",
    "1.0dev2, 1.0.dev2",
    "1.0.dev, 1.0.dev0",
    "1.0+ubuntu-1, 1.0+ubuntu.1",
    "1.0+Ubuntu_1, 1.0+ubuntu.1",
    "1.0+cpu.01, 1.0+cpu.1",
    "1.0+00.0, 1.0+0.0",
    "v1.0, 1.0",
    "V1.0, 1.0",
    "'  1.0\t', 1.0",
    "0!1.0, 1.0",
    "1!1.0, 1!1.0",
    "01.02.003, 1.2.3",
    "1.0RC1.POST2.DEV3+LOCAL, 1.0rc1.post2.dev3+local",
    "2022.01.01, 2022.1.1",
    "v1!2.0.dev4, 1!2.0.dev4"
  })
  void versions_normalise_as_the_pep_says(String written, String normal) {
    assertThat(Pep440Version.parse(written)).hasToString(normal);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "french toast",
        "1.0+",
        "1.0+a+",
        "1.0++",
        "1.0+_foobar",
        "1.0+foo&asd",
        "1.0+1+1",
        "1.0.",
        "1..0",
        ".1.0",
        "1.0-",
        "1.0a1a2",
        "1.0.post1.post2",
        "1.0.dev1a1",
        "!1.0",
        "1!",
        "a1.0",
        "1.0-ubuntu",
        "1.0 1",
        "12345678901234567890"
      })
  void these_are_not_pep_440_versions(String text) {
    assertThat(Pep440Version.tryParse(text)).isEmpty();
    assertThatThrownBy(() -> Pep440Version.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a PEP 440 version")
        .hasMessageContaining("3.13.0rc1");
  }

  @ParameterizedTest(name = "{0} == {1}")
  @CsvSource({
    "1.0, 1.0.0",
    "1, 1.0.0.0",
    "1.0a, 1.0a0",
    "1.0.post, 1.0-0",
    "1.0+deadbeef.0, 1.0.0+deadbeef.00",
    "1.0+UBUNTU.1, 1.0+ubuntu-1",
    "0!2, 2"
  })
  void equal_versions_compare_equal_and_hash_alike(String a, String b) {
    Pep440Version x = Pep440Version.parse(a);
    Pep440Version y = Pep440Version.parse(b);
    assertThat(x).isEqualTo(y);
    assertThat(x.compareTo(y)).isZero();
    assertThat(x.hashCode()).isEqualTo(y.hashCode());
  }

  @Test
  void parts_are_reported_as_the_pep_names_them() {
    Pep440Version v = Pep440Version.parse("2!3.13.0rc1.post2.dev3+abc");
    assertThat(v.epoch()).isEqualTo(2);
    assertThat(v.release()).containsExactly(3, 13, 0);
    assertThat(v.isPrerelease()).isTrue();
    assertThat(v.isPostrelease()).isTrue();
    assertThat(v.isDevrelease()).isTrue();
    assertThat(v.hasLocal()).isTrue();
    assertThat(v.publicVersion()).hasToString("2!3.13.0rc1.post2.dev3");
    assertThat(v.baseVersion()).hasToString("2!3.13.0");
    assertThat(Pep440Version.parse("1.0.dev1").isPrerelease()).isTrue();
    assertThat(Pep440Version.parse("1.0.post1").isPrerelease()).isFalse();
  }

  @Test
  void a_bare_dev_release_sorts_before_every_pre_release_but_a_post_dev_after_the_release() {
    assertThat(Pep440Version.parse("1.0.dev1")).isLessThan(Pep440Version.parse("1.0a0"));
    assertThat(Pep440Version.parse("1.0.post1.dev1")).isGreaterThan(Pep440Version.parse("1.0"));
    assertThat(Pep440Version.parse("1.0.post1.dev1")).isLessThan(Pep440Version.parse("1.0.post1"));
  }

  @Test
  void python_release_versions_order_as_released() {
    assertStrictlyIncreasing(
        List.of(
            "3.9.18",
            "3.10.0a1",
            "3.10.0b4",
            "3.10.0rc2",
            "3.10.0",
            "3.10.14",
            "3.11.2",
            "3.11.9",
            "3.12.0",
            "3.13.0a6",
            "3.13.0rc1",
            "3.13.0",
            "3.13.1"));
  }
}
