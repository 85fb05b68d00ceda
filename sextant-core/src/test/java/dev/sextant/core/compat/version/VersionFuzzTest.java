package dev.sextant.core.compat.version;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sextant.core.resource.spec.Requirement;
import java.nio.charset.StandardCharsets;

/**
 * Whatever the text, versions and ranges parse and compare, or are refused with an {@link
 * IllegalArgumentException} saying why. An input's first line is the version or range; the rest,
 * when there is one, is a version to test against it.
 */
class VersionFuzzTest {

  @FuzzTest
  void any_text_is_a_pep440_version_and_specifier_or_refused(byte[] input) {
    String[] lines = lines(input);
    try {
      Pep440Version version = Pep440Version.parse(lines[0]);
      version.compareTo(version.publicVersion());
      version.baseVersion().toString();
    } catch (IllegalArgumentException refused) {
      // the documented answer to text that is not a version
    }
    try {
      Pep440Specifiers.parse(lines[0]).contains(lines[1]);
    } catch (IllegalArgumentException refused) {
      // the documented answer to text that is not a specifier
    }
  }

  @FuzzTest
  void any_text_is_a_version_range_in_every_scheme_or_refused(byte[] input) {
    String[] lines = lines(input);
    for (Requirement.Scheme scheme : Requirement.Scheme.values()) {
      try {
        VersionRange range = VersionRanges.parse(scheme, lines[0]);
        range.contains(lines[1]);
        range.describe();
      } catch (IllegalArgumentException refused) {
        // the documented answer to text that is not a range, or a version outside the scheme
      }
    }
  }

  private static String[] lines(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    int newline = text.indexOf('\n');
    return newline < 0
        ? new String[] {text, "1.0"}
        : new String[] {text.substring(0, newline), text.substring(newline + 1)};
  }
}
