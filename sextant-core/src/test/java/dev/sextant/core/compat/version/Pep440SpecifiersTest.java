package dev.sextant.core.compat.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PEP 440 specifiers (https://peps.python.org/pep-0440/#version-specifiers). The {@code (version,
 * spec, expected)} rows come from packaging's tests/test_specifiers.py, which checks them with
 * pre-releases allowed.
 */
class Pep440SpecifiersTest {

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        // equality
        "2.0; ==2",
        "2.0; ==2.0",
        "2.0; ==2.0.0",
        "2.0+deadbeef; ==2",
        "2.0+deadbeef; ==2.0",
        "2.0+deadbeef; ==2.0.0",
        "2.0+deadbeef; ==2+deadbeef",
        "2.0+deadbeef; ==2.0+deadbeef",
        "2.0+deadbeef; ==2.0.0+deadbeef",
        "2.0+deadbeef.0; ==2.0.0+deadbeef.00",
        // equality with a prefix
        "2.dev1; ==2.*",
        "2a1; ==2.*",
        "2a1.post1; ==2.*",
        "2b1; ==2.*",
        "2b1.dev1; ==2.*",
        "2c1; ==2.*",
        "2c1.post1.dev1; ==2.*",
        "2rc1; ==2.*",
        "2; ==2.*",
        "2.0; ==2.*",
        "2.0.0; ==2.*",
        "2.0.post1; ==2.*",
        "2.1+local.version; ==2.1.*",
        // inequality
        "2.1; !=2",
        "2.1; !=2.0",
        "2.0.1; !=2",
        "2.0.1; !=2.0",
        "2.0.1; !=2.0.0",
        "2.0; !=2.0+deadbeef",
        // inequality with a prefix
        "2.0; !=3.*",
        "2.1; !=2.0.*",
        // greater than or equal
        "2.0; >=2",
        "2.0; >=2.0",
        "2.0; >=2.0.0",
        "2.0.post1; >=2",
        "2.0.post1.dev1; >=2",
        "3; >=2",
        // less than or equal
        "2.0; <=2",
        "2.0; <=2.0",
        "2.0; <=2.0.0",
        "2.0.dev1; <=2",
        "2.0a1; <=2",
        "2.0a1.dev1; <=2",
        "2.0b1; <=2",
        "2.0b1.post1; <=2",
        "2.0c1; <=2",
        "2.0c1.post1.dev1; <=2",
        "2.0rc1; <=2",
        "1; <=2",
        // greater than
        "3; >2",
        "2.1; >2.0",
        "2.0.1; >2",
        "2.1.post1; >2",
        "2.1+local.version; >2",
        // less than
        "1; <2",
        "2.0; <2.1",
        "2.0.dev0; <2.1",
        // compatible release
        "1; ~=1.0",
        "1.0.1; ~=1.0",
        "1.1; ~=1.0",
        "1.9999999; ~=1.0",
        "1.1; ~=1.0a1",
        "2022.01.01; ~=2022.01.01",
        // epochs
        "2!1.0; ~=2!1.0",
        "2!1.0; ==2!1.*",
        "2!1.0; ==2!1.0",
        "2!1.0; !=1.0",
        "1.0; !=2!1.0",
        "1.0; <=2!0.1",
        "2!1.0; >=2.0",
        "1.0; <2!0.1",
        "2!1.0; >2.0",
        // normalisation
        "2.0.5; >2.0dev",
      })
  void packaging_says_these_match(String version, String spec) {
    assertThat(Pep440Specifiers.parse(spec).contains(Pep440Version.parse(version), true)).isTrue();
  }

  @ParameterizedTest(name = "{0} not in {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        // equality
        "2.1; ==2",
        "2.1; ==2.0",
        "2.1; ==2.0.0",
        "2.0; ==2.0+deadbeef",
        // equality with a prefix
        "2.0; ==3.*",
        "2.1; ==2.0.*",
        // inequality
        "2.0; !=2",
        "2.0; !=2.0",
        "2.0; !=2.0.0",
        "2.0+deadbeef; !=2",
        "2.0+deadbeef; !=2.0",
        "2.0+deadbeef; !=2.0.0",
        "2.0+deadbeef; !=2+deadbeef",
        "2.0+deadbeef; !=2.0+deadbeef",
        "2.0+deadbeef; !=2.0.0+deadbeef",
        "2.0+deadbeef.0; !=2.0.0+deadbeef.00",
        // inequality with a prefix
        "2.dev1; !=2.*",
        "2a1; !=2.*",
        "2a1.post1; !=2.*",
        "2b1; !=2.*",
        "2b1.dev1; !=2.*",
        "2c1; !=2.*",
        "2c1.post1.dev1; !=2.*",
        "2rc1; !=2.*",
        "2; !=2.*",
        "2.0; !=2.*",
        "2.0.0; !=2.*",
        "2.0.post1; !=2.*",
        // greater than or equal
        "2.0.dev1; >=2",
        "2.0a1; >=2",
        "2.0a1.dev1; >=2",
        "2.0b1; >=2",
        "2.0b1.post1; >=2",
        "2.0c1; >=2",
        "2.0c1.post1.dev1; >=2",
        "2.0rc1; >=2",
        "1; >=2",
        // less than or equal
        "2.0.post1; <=2",
        "2.0.post1.dev1; <=2",
        "3; <=2",
        // greater than
        "1; >2",
        "2.0.dev1; >2",
        "2.0a1; >2",
        "2.0a1.post1; >2",
        "2.0b1; >2",
        "2.0b1.dev1; >2",
        "2.0c1; >2",
        "2.0c1.post1.dev1; >2",
        "2.0rc1; >2",
        "2.0; >2",
        "2.0.post1; >2",
        "2.0.post1.dev1; >2",
        "2.0+local.version; >2",
        // less than
        "2.0.dev1; <2",
        "2.0a1; <2",
        "2.0a1.post1; <2",
        "2.0b1; <2",
        "2.0b2.dev1; <2",
        "2.0c1; <2",
        "2.0c1.post1.dev1; <2",
        "2.0rc1; <2",
        "2.0; <2",
        "2.post1; <2",
        "2.post1.dev1; <2",
        "3; <2",
        // compatible release
        "2.0; ~=1.0",
        "1.1.0; ~=1.0.0",
        "1.1.post1; ~=1.0.0",
        // epochs
        "1.0; ~=2!1.0",
        "2!1.0; ~=1.0",
        "2!1.0; ==1.0",
        "1.0; ==2!1.0",
        "2!1.0; ==1.*",
        "1.0; ==2!1.*",
        "2!1.0; !=2!1.0",
      })
  void packaging_says_these_do_not_match(String version, String spec) {
    assertThat(Pep440Specifiers.parse(spec).contains(Pep440Version.parse(version), true)).isFalse();
  }

  @ParameterizedTest(name = "{1} ~ {2}: {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        // The PEP's compatible-release equivalences, checked on versions either side.
        "2.2; ~= 2.2; >= 2.2, == 2.*",
        "2.9; ~= 2.2; >= 2.2, == 2.*",
        "3.0; ~= 2.2; >= 2.2, == 2.*",
        "1.4.5; ~= 1.4.5; >= 1.4.5, == 1.4.*",
        "1.4.9; ~= 1.4.5; >= 1.4.5, == 1.4.*",
        "1.5.0; ~= 1.4.5; >= 1.4.5, == 1.4.*",
        "2.2.post3; ~= 2.2.post3; >= 2.2.post3, == 2.*",
        "2.3; ~= 2.2.post3; >= 2.2.post3, == 2.*",
        "2.2; ~= 2.2.post3; >= 2.2.post3, == 2.*",
        "1.4.5a4; ~= 1.4.5a4; >= 1.4.5a4, == 1.4.*",
        "1.4.6; ~= 1.4.5a4; >= 1.4.5a4, == 1.4.*",
        "2.2.0; ~= 2.2.0; >= 2.2.0, == 2.2.*",
        "2.3.0; ~= 2.2.0; >= 2.2.0, == 2.2.*",
      })
  void compatible_release_means_what_the_pep_spells_out(
      String version, String compatible, String spelled) {
    Pep440Version v = Pep440Version.parse(version);
    assertThat(Pep440Specifiers.parse(compatible).contains(v, true))
        .isEqualTo(Pep440Specifiers.parse(spelled).contains(v, true));
  }

  @Test
  void the_peps_version_matching_examples() {
    // "version = 1.1.post1": == 1.1 no, == 1.1.post1 yes, == 1.1.* yes
    assertThat(Pep440Specifiers.parse("== 1.1").contains("1.1.post1")).isFalse();
    assertThat(Pep440Specifiers.parse("== 1.1.post1").contains("1.1.post1")).isTrue();
    assertThat(Pep440Specifiers.parse("== 1.1.*").contains("1.1.post1")).isTrue();
    // "version = 1.1a1": == 1.1 no, == 1.1a1 yes, == 1.1.* yes
    assertThat(Pep440Specifiers.parse("== 1.1").contains("1.1a1")).isFalse();
    assertThat(Pep440Specifiers.parse("== 1.1a1").contains("1.1a1")).isTrue();
    assertThat(Pep440Specifiers.parse("== 1.1.*").contains("1.1a1")).isTrue();
    // "version = 1.1": == 1.1.0 matches by zero padding
    assertThat(Pep440Specifiers.parse("== 1.1.0").contains("1.1")).isTrue();
    // "version = 1.1.post1": != 1.1 yes, != 1.1.post1 no, != 1.1.* no
    assertThat(Pep440Specifiers.parse("!= 1.1").contains("1.1.post1")).isTrue();
    assertThat(Pep440Specifiers.parse("!= 1.1.post1").contains("1.1.post1")).isFalse();
    assertThat(Pep440Specifiers.parse("!= 1.1.*").contains("1.1.post1")).isFalse();
  }

  @Test
  void exclusive_comparisons_leave_out_pre_post_and_local_releases_of_the_bound() {
    // ">1.7 will allow 1.7.1 but not 1.7.0.post1"; ">1.7.post2 will allow 1.7.1 and 1.7.0.post3 but
    // not 1.7.0"
    assertThat(Pep440Specifiers.parse(">1.7").contains("1.7.1")).isTrue();
    assertThat(Pep440Specifiers.parse(">1.7").contains("1.7.0.post1")).isFalse();
    assertThat(Pep440Specifiers.parse(">1.7").contains("1.7.0+local")).isFalse();
    assertThat(Pep440Specifiers.parse(">1.7.post2").contains("1.7.1")).isTrue();
    assertThat(Pep440Specifiers.parse(">1.7.post2").contains("1.7.0.post3")).isTrue();
    assertThat(Pep440Specifiers.parse(">1.7.post2").contains("1.7.0")).isFalse();
    // "<3.1 ... MUST NOT allow a pre-release of the specified version unless it is itself one"
    assertThat(Pep440Specifiers.parse("<3.13").contains("3.13.0rc1")).isFalse();
    assertThat(Pep440Specifiers.parse("<3.13").contains("3.12.7")).isTrue();
    assertThat(Pep440Specifiers.parse("<3.13rc2").contains("3.13.0rc1")).isTrue();
  }

  @Test
  void candidate_pre_releases_are_excluded_unless_a_specifier_names_one() {
    assertThat(Pep440Specifiers.parse(">=1.0").allows("2.0a1")).isFalse();
    assertThat(Pep440Specifiers.parse(">=1.0").allows("2.0")).isTrue();
    assertThat(Pep440Specifiers.parse(">=1.0a1").allows("2.0a1")).isTrue();
    assertThat(Pep440Specifiers.parse("==2.0.dev1").allows("2.0.dev1")).isTrue();
    // != names a version to avoid, not one to accept, so it opts nothing in.
    assertThat(Pep440Specifiers.parse("!=1.0a1").allows("1.0a2")).isFalse();
    assertThat(Pep440Specifiers.parse(">=1.0").contains(Pep440Version.parse("2.0a1"), false))
        .isFalse();
  }

  @Test
  void an_installed_pre_release_is_accepted_by_specifiers_it_meets() {
    Pep440Specifiers atLeast312 = Pep440Specifiers.parse(">=3.12");
    assertThat(atLeast312.contains("3.13.0rc1")).isTrue();
    assertThat(Pep440Specifiers.parse(">=3.13").contains("3.13.0rc1")).isFalse();
  }

  @Test
  void the_peps_combined_example_is_an_intersection() {
    // The PEP's syntax example: ~=0.9 means 0.*, so with >=1.0 nothing can match.
    Pep440Specifiers set = Pep440Specifiers.parse("~= 0.9, >= 1.0, != 1.3.4.*, < 2.0");
    assertThat(set.contains("0.9.5")).isFalse();
    assertThat(set.contains("1.2")).isFalse();
    Pep440Specifiers withoutCompatible = Pep440Specifiers.parse(">= 1.0, != 1.3.4.*, < 2.0");
    assertThat(withoutCompatible.contains("1.2")).isTrue();
    assertThat(withoutCompatible.contains("1.3.4")).isFalse();
    assertThat(withoutCompatible.contains("1.3.4.1")).isFalse();
    assertThat(withoutCompatible.contains("1.3.5")).isTrue();
    assertThat(withoutCompatible.contains("2.0")).isFalse();
  }

  @Test
  void arbitrary_equality_compares_the_text() {
    assertThat(Pep440Specifiers.parse("===foobar").contains("foobar")).isTrue();
    assertThat(Pep440Specifiers.parse("===foobar").contains("FOOBAR")).isTrue();
    assertThat(Pep440Specifiers.parse("===1.0").contains("1.0")).isTrue();
    assertThat(Pep440Specifiers.parse("===1.0").contains("1.0.0")).isFalse();
    assertThat(Pep440Specifiers.parse(">=1.0").contains("foobar")).isFalse();
  }

  @Test
  void python_version_ranges_as_releases_write_them() {
    Pep440Specifiers supported = Pep440Specifiers.parse(">=3.10,<3.13");
    assertThat(supported.contains("3.10.0")).isTrue();
    assertThat(supported.contains("3.11.9")).isTrue();
    assertThat(supported.contains("3.12.7")).isTrue();
    assertThat(supported.contains("3.13.0")).isFalse();
    assertThat(supported.contains("3.9.18")).isFalse();
    assertThat(Pep440Specifiers.parse("==3.11.*").contains("3.11.2")).isTrue();
    assertThat(Pep440Specifiers.parse("==3.11.*").contains("3.12.0")).isFalse();
    assertThat(supported.contains("unknown")).isFalse();
  }

  @Test
  void describes_in_words_and_prints_as_written() {
    assertThat(Pep440Specifiers.parse(">=3.10,<3.13").describe())
        .isEqualTo("at least 3.10 and below 3.13");
    assertThat(Pep440Specifiers.parse("~=2.2").describe())
        .isEqualTo("compatible with 2.2 (at least 2.2, same 2.*)");
    assertThat(Pep440Specifiers.parse("==3.11.*, !=3.11.4").describe())
        .isEqualTo("any 3.11.* and not 3.11.4");
    assertThat(Pep440Specifiers.parse(" >=3.10, <3.13 ")).hasToString(">=3.10, <3.13");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "3.10; has no operator",
        "''; is empty",
        ">=3.10,; is empty (a stray comma)",
        ">=; has no version after",
        "~=2; at least two release segments",
        ">=3.*; only == and != allow",
        "==1.0a1.*; only after a release",
        "==1.0+local.*; only after a release",
        ">=1.0+local; only == and != allow",
        ">=french toast; is not a PEP 440 version",
        "=>3.10; has no operator",
      })
  void bad_specifiers_say_what_is_wrong(String spec, String problem) {
    assertThatThrownBy(() -> Pep440Specifiers.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(problem);
  }
}
