package dev.sextant.core.compat.version;

import dev.sextant.core.resource.spec.Requirement;
import dev.sextant.core.resource.spec.Requirement.Scheme;
import java.util.Optional;

/**
 * Reads version ranges, and picks a scheme when a requirement names none.
 *
 * <p>The default scheme ({@link #defaultScheme}) follows what the fact is and then how the range is
 * written:
 *
 * <ol>
 *   <li>{@code python.*} facts: {@code pep440}, since Python versions follow PEP 440;
 *   <li>{@code gpu.driver.version}, {@code kernel.version}, {@code libc.version} and {@code
 *       cuda.*}: {@code dotted}, since these are numeric versions with build suffixes, never
 *       semver;
 *   <li>any other fact: {@code semver} when the text uses npm syntax ({@code ^}, {@code ~} not
 *       followed by {@code =}, {@code ||}, an {@code x}, {@code X} or {@code *} segment, or a
 *       hyphen range {@code 1.2 - 2.3}); {@code pep440} when it uses PEP 440's own {@code ~=} or
 *       {@code ===}; otherwise {@code dotted}.
 * </ol>
 */
public final class VersionRanges {
  private VersionRanges() {}

  /**
   * The range {@code text} in {@code scheme}.
   *
   * @throws IllegalArgumentException saying what is wrong with the text and what was expected
   */
  public static VersionRange parse(Scheme scheme, String text) {
    return switch (scheme) {
      case SEMVER -> SemverRange.parse(text);
      case PEP440 -> Pep440Specifiers.parse(text);
      case DOTTED -> DottedRange.parse(text);
    };
  }

  /** The range {@code text} on fact {@code fact}, in {@code scheme} or else the default scheme. */
  public static VersionRange parse(String fact, Optional<Scheme> scheme, String text) {
    return parse(scheme.orElseGet(() -> defaultScheme(fact, text)), text);
  }

  /** The scheme used for {@code text} on {@code fact} when the requirement names none. */
  public static Scheme defaultScheme(String fact, String text) {
    if (fact.startsWith("python.")) {
      return Scheme.PEP440;
    }
    if (fact.equals("gpu.driver.version")
        || fact.equals("kernel.version")
        || fact.equals("libc.version")
        || fact.startsWith("cuda.")) {
      return Scheme.DOTTED;
    }
    if (text.contains("~=") || text.contains("===")) {
      return Scheme.PEP440;
    }
    return usesNpmSyntax(text) ? Scheme.SEMVER : Scheme.DOTTED;
  }

  /**
   * The scheme's name as requirements write it, for messages: {@code PEP 440}, {@code semver},
   * {@code dotted}.
   */
  public static String name(Requirement.Scheme scheme) {
    return switch (scheme) {
      case SEMVER -> "semver";
      case PEP440 -> "PEP 440";
      case DOTTED -> "dotted";
    };
  }

  static boolean usesNpmSyntax(String text) {
    // npm has no == or !=, so ==6.1.* is a dotted prefix, not an x-range.
    if (text.contains("==") || text.contains("!=")) {
      return false;
    }
    if (text.contains("^") || text.contains("||") || text.contains(" - ")) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '~' && (i + 1 == text.length() || text.charAt(i + 1) != '=')) {
        return true;
      }
      if ((c == 'x' || c == 'X' || c == '*')
          && isSegmentStart(text, i)
          && isSegmentEnd(text, i + 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSegmentStart(String text, int i) {
    return i == 0
        || text.charAt(i - 1) == '.'
        || text.charAt(i - 1) == ' '
        || text.charAt(i - 1) == '=';
  }

  private static boolean isSegmentEnd(String text, int i) {
    return i == text.length() || text.charAt(i) == '.' || text.charAt(i) == ' ';
  }
}
