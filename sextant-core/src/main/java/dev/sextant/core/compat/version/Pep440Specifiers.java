package dev.sextant.core.compat.version;

import dev.sextant.core.resource.spec.Requirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A PEP 440 specifier set ({@code >=3.10,<3.13}, {@code ~=2.2}, {@code ==3.11.*}, {@code
 * !=1.3.4.*}), with the matching rules of https://peps.python.org/pep-0440/#version-specifiers as
 * the {@code packaging} library implements them:
 *
 * <ul>
 *   <li>{@code ==} and {@code !=} compare zero-padded releases; a candidate's local label is
 *       ignored unless the specifier has one; {@code ==3.11.*} matches by release prefix.
 *   <li>{@code ~=V} means {@code >=V, ==P.*}, where P is V's release without its last segment.
 *   <li>{@code <V} excludes pre-releases of V itself unless V is one; {@code >V} excludes
 *       post-releases of V unless V is one, and local versions of V.
 *   <li>{@code ===} compares the text exactly (ignoring case), for versions that are not PEP 440.
 * </ul>
 *
 * <p>Pre-releases: a candidate pre-release is excluded unless a specifier names one ({@link
 * #allows}). {@link #contains(String)} is the question asked of an environment, whose version is
 * already installed, and PEP 440 says tools should "accept already installed pre-releases for all
 * version specifiers", so there they are compared like any version.
 */
public final class Pep440Specifiers implements VersionRange {
  private final String text;
  private final List<Specifier> specifiers;
  private final boolean namesPrerelease;

  private Pep440Specifiers(String text, List<Specifier> specifiers) {
    this.text = text;
    this.specifiers = specifiers;
    this.namesPrerelease = specifiers.stream().anyMatch(Specifier::namesPrerelease);
  }

  /**
   * Reads a comma-separated specifier set.
   *
   * @throws IllegalArgumentException naming the specifier that is wrong and what was expected
   */
  public static Pep440Specifiers parse(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException(
          "a PEP 440 specifier set is empty; expected one such as >=3.10,<3.13");
    }
    List<Specifier> specifiers = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      specifiers.add(Specifier.parse(part.strip(), text));
    }
    return new Pep440Specifiers(text.strip(), List.copyOf(specifiers));
  }

  /** Whether an environment's (installed) version meets every specifier; pre-releases count. */
  @Override
  public boolean contains(String version) {
    Pep440Version parsed = Pep440Version.tryParse(version).orElse(null);
    return parsed == null ? arbitraryOnly(version) : matchesAll(parsed, version);
  }

  /**
   * Whether a candidate version is allowed, with PEP 440's default for pre-releases: excluded
   * unless a specifier in the set names one.
   */
  public boolean allows(String version) {
    Pep440Version parsed = Pep440Version.tryParse(version).orElse(null);
    if (parsed == null) {
      return arbitraryOnly(version);
    }
    return contains(parsed, namesPrerelease);
  }

  /** Whether {@code version} meets every specifier, pre-releases allowed or not. */
  public boolean contains(Pep440Version version, boolean prereleases) {
    if (version.isPrerelease() && !prereleases) {
      return false;
    }
    return matchesAll(version, version.toString());
  }

  @Override
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (Specifier specifier : specifiers) {
      if (out.length() > 0) {
        out.append(" and ");
      }
      out.append(specifier.describe());
    }
    return out.toString();
  }

  @Override
  public Requirement.Scheme scheme() {
    return Requirement.Scheme.PEP440;
  }

  @Override
  public String toString() {
    return text;
  }

  private boolean matchesAll(Pep440Version version, String written) {
    for (Specifier specifier : specifiers) {
      if (!specifier.matches(version, written)) {
        return false;
      }
    }
    return true;
  }

  /** A text that is not a PEP 440 version can only meet {@code ===}. */
  private boolean arbitraryOnly(String version) {
    for (Specifier specifier : specifiers) {
      if (specifier.op != Operator.ARBITRARY || !specifier.matches(null, version)) {
        return false;
      }
    }
    return true;
  }

  private record Specifier(Operator op, String written, Pep440Version version, long[] prefix) {

    static Specifier parse(String part, String whole) {
      if (part.isEmpty()) {
        throw invalid(whole, part, "is empty (a stray comma)");
      }
      Operator op = Operator.leading(part);
      if (op == null) {
        throw invalid(
            whole,
            part,
            "has no operator; expected one of ==, !=, <, <=, >, >=, ~=, === before the version, e.g. >=3.10");
      }
      String operand = part.substring(op.symbol.length()).strip();
      if (operand.isEmpty()) {
        throw invalid(whole, part, "has no version after " + op.symbol);
      }
      if (op == Operator.ARBITRARY) {
        if (operand.chars().anyMatch(Character::isWhitespace)) {
          throw invalid(whole, part, "contains white space");
        }
        return new Specifier(op, operand, Pep440Version.tryParse(operand).orElse(null), null);
      }
      boolean wildcard = operand.endsWith(".*");
      if (wildcard && op != Operator.EQUAL && op != Operator.NOT_EQUAL) {
        throw invalid(whole, part, "uses a wildcard, which only == and != allow");
      }
      String versionText = wildcard ? operand.substring(0, operand.length() - 2) : operand;
      Pep440Version version =
          Pep440Version.tryParse(versionText)
              .orElseThrow(
                  () ->
                      invalid(
                          whole,
                          part,
                          "has \""
                              + versionText
                              + "\", which is not a PEP 440 version (e.g. 3.11, 3.13.0rc1)"));
      if (wildcard && (version.isPrerelease() || version.isPostrelease() || version.hasLocal())) {
        throw invalid(
            whole,
            part,
            "puts a wildcard after a pre-, post-, dev- or local version; PEP 440 allows .* only after a release");
      }
      if (version.hasLocal() && op != Operator.EQUAL && op != Operator.NOT_EQUAL) {
        throw invalid(whole, part, "has a local version label, which only == and != allow");
      }
      if (op == Operator.COMPATIBLE && version.releaseLength() < 2) {
        throw invalid(whole, part, "needs at least two release segments (~=2.2, not ~=2)");
      }
      long[] prefix = null;
      if (wildcard) {
        prefix = version.release();
      } else if (op == Operator.COMPATIBLE) {
        long[] release = version.release();
        prefix = Arrays.copyOf(release, release.length - 1);
      }
      return new Specifier(op, operand, version, prefix);
    }

    boolean namesPrerelease() {
      return op != Operator.NOT_EQUAL && version != null && version.isPrerelease();
    }

    boolean matches(Pep440Version candidate, String written) {
      return switch (op) {
        case ARBITRARY ->
            written.strip().toLowerCase(Locale.ROOT).equals(this.written.toLowerCase(Locale.ROOT));
        case EQUAL -> equal(candidate);
        case NOT_EQUAL -> !equal(candidate);
        case COMPATIBLE ->
            candidate.publicVersion().compareTo(version) >= 0
                && candidate.startsWith(version.epoch(), prefix);
        case AT_MOST -> candidate.publicVersion().compareTo(version) <= 0;
        case AT_LEAST -> candidate.publicVersion().compareTo(version) >= 0;
        case BELOW -> below(candidate);
        case ABOVE -> above(candidate);
      };
    }

    private boolean equal(Pep440Version candidate) {
      if (prefix != null) {
        return candidate.startsWith(version.epoch(), prefix);
      }
      return (version.hasLocal() ? candidate : candidate.publicVersion()).compareTo(version) == 0;
    }

    private boolean below(Pep440Version candidate) {
      if (candidate.compareTo(version) >= 0) {
        return false;
      }
      // <3.13 must not admit 3.13.0rc1: a pre-release of the bound is not "below" it to a reader.
      return version.isPrerelease()
          || !candidate.isPrerelease()
          || !candidate.baseVersion().equals(version.baseVersion());
    }

    private boolean above(Pep440Version candidate) {
      if (candidate.compareTo(version) <= 0) {
        return false;
      }
      // >1.7 must not admit 1.7.post1 or 1.7+local: both are still 1.7.
      boolean sameBase = candidate.baseVersion().equals(version.baseVersion());
      if (!version.isPostrelease() && candidate.isPostrelease() && sameBase) {
        return false;
      }
      return !(candidate.hasLocal() && sameBase);
    }

    String describe() {
      if (prefix != null && op == Operator.EQUAL) {
        return "any " + written;
      }
      if (prefix != null && op == Operator.NOT_EQUAL) {
        return "not any " + written;
      }
      if (op == Operator.COMPATIBLE) {
        return "compatible with "
            + written
            + " (at least "
            + written
            + ", same "
            + prefixText()
            + ".*)";
      }
      return op.words + " " + written;
    }

    private String prefixText() {
      StringBuilder out = new StringBuilder();
      if (version.epoch() != 0) {
        out.append(version.epoch()).append('!');
      }
      for (int i = 0; i < prefix.length; i++) {
        out.append(i == 0 ? "" : ".").append(prefix[i]);
      }
      return out.toString();
    }

    private static IllegalArgumentException invalid(String whole, String part, String problem) {
      return new IllegalArgumentException(
          "PEP 440 specifier \""
              + part
              + "\""
              + (part.equals(whole.strip()) ? "" : " in \"" + whole + "\"")
              + " "
              + problem);
    }
  }
}
