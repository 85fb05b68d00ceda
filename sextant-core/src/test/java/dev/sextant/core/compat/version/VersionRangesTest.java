package dev.sextant.core.compat.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.resource.spec.Requirement.Scheme;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionRangesTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "python.version; >=3.10,<3.13; PEP440",
        "python.version; ^3.10; PEP440",
        "python.implementation_version; >=3.10; PEP440",
        "gpu.driver.version; >=550.54.14; DOTTED",
        "kernel.version; <6; DOTTED",
        "libc.version; >=2.28; DOTTED",
        "cuda.driver.max; >=12.4; DOTTED",
        "cuda.runtime.max; ^12; DOTTED",
        "packages.openssl; >=3.0; DOTTED",
        "os.version; 22.04; DOTTED",
        "packages.node; ^20.1.0; SEMVER",
        "packages.node; ~20.1; SEMVER",
        "packages.node; 20.x; SEMVER",
        "packages.node; 20.*; SEMVER",
        "packages.node; >=18 || >=20.1; SEMVER",
        "packages.node; 18.0.0 - 20.1.0; SEMVER",
        "packages.django; ~=4.2; PEP440",
        "packages.django; ==6.1.*; DOTTED",
        "packages.xz; >=5.6.2,!=5.6.0; DOTTED",
      })
  void the_default_scheme_follows_the_fact_then_the_syntax(
      String fact, String text, Scheme expected) {
    assertThat(VersionRanges.defaultScheme(fact, text)).isEqualTo(expected);
  }

  @Test
  void parses_in_the_named_scheme_or_the_default() {
    assertThat(VersionRanges.parse(Scheme.SEMVER, "^1.2.3")).isInstanceOf(SemverRange.class);
    assertThat(VersionRanges.parse(Scheme.PEP440, ">=3.10")).isInstanceOf(Pep440Specifiers.class);
    assertThat(VersionRanges.parse(Scheme.DOTTED, ">=550")).isInstanceOf(DottedRange.class);
    assertThat(VersionRanges.parse("python.version", Optional.empty(), ">=3.10").scheme())
        .isEqualTo(Scheme.PEP440);
    assertThat(VersionRanges.parse("python.version", Optional.of(Scheme.DOTTED), ">=3.10").scheme())
        .isEqualTo(Scheme.DOTTED);
  }

  @Test
  void a_range_in_the_wrong_scheme_is_refused_with_the_schemes_words() {
    assertThatThrownBy(() -> VersionRanges.parse(Scheme.DOTTED, "^1.2.3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected dotted numbers");
    assertThatThrownBy(() -> VersionRanges.parse(Scheme.PEP440, "^3.10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PEP 440");
  }
}
