package dev.sextant.core.compat.wheel;

import dev.sextant.core.compat.version.Pep440Version;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A wheel's file name, read as the binary distribution format specifies (PEP 427,
 * https://packaging.python.org/en/latest/specifications/binary-distribution-format/): {@code
 * {distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl}.
 *
 * <p>Parsing follows packaging 26.2's {@code utils.parse_wheel_filename}, the code pip runs, so
 * that a name pip refuses is refused here too; it is stricter only in refusing empty parts.
 *
 * @param distribution the project name normalised as PEP 503 says ({@code Foo_Bar} → {@code
 *     foo-bar})
 * @param version the version in PEP 440 normal form ({@code 1.0.0.RC1} → {@code 1.0.0rc1})
 * @param build the optional build tag, which sorts otherwise equal wheels
 * @param tags every tag of the compressed tag sets ({@code py2.py3-none-any} is two tags)
 */
public record WheelFilename(
    String distribution, String version, Optional<Build> build, SortedSet<WheelTag> tags) {

  private static final String FORM =
      "{distribution}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl";
  // packaging's check on the escaped name: word characters and dots, with no "__" (PEP 427 escapes
  // runs of other characters to a single '_').
  private static final Pattern ESCAPED_NAME =
      Pattern.compile("[\\w.]+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern BUILD = Pattern.compile("([0-9]+)(.*)", Pattern.DOTALL);

  /** Ample for any build number; a million digits would take seconds to convert. */
  private static final int MAX_BUILD_DIGITS = 100;

  public WheelFilename {
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(version, "version");
    build = Objects.requireNonNullElse(build, Optional.empty());
    if (tags.isEmpty()) {
      throw new IllegalArgumentException("a wheel has at least one tag");
    }
    tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
  }

  /**
   * A build tag: a number, then any text, compared as such by installers.
   *
   * @param number the leading digits' value
   * @param suffix what follows the digits, possibly empty
   */
  public record Build(BigInteger number, String suffix) {
    public Build {
      Objects.requireNonNull(number, "number");
      Objects.requireNonNull(suffix, "suffix");
    }

    @Override
    public String toString() {
      return number + suffix;
    }
  }

  /**
   * Reads a wheel's file name (not a path or a URL).
   *
   * @throws IllegalArgumentException saying which part of {@code filename} is wrong
   */
  public static WheelFilename parse(String filename) {
    Objects.requireNonNull(filename, "filename");
    if (!filename.endsWith(".whl")) {
      throw invalid(filename, "it does not end in .whl");
    }
    String stem = filename.substring(0, filename.length() - 4);
    int dashes = (int) stem.chars().filter(c -> c == '-').count();
    if (dashes != 4 && dashes != 5) {
      throw invalid(
          filename,
          "it has "
              + (dashes + 1)
              + " parts separated by '-' where 5 or 6 are expected"
              + " (a '-' in the distribution name must be written '_')");
    }
    String[] parts = stem.split("-", dashes - 1);
    String name = parts[0];
    if (name.isEmpty()) {
      throw invalid(filename, "the distribution name is empty");
    }
    if (!ESCAPED_NAME.matcher(name).matches() || name.contains("__")) {
      throw invalid(
          filename,
          "distribution name \"" + name + "\" may only hold letters, digits, '.' and single '_'");
    }
    String version;
    try {
      version = Pep440Version.parse(parts[1]).toString();
    } catch (IllegalArgumentException e) {
      throw invalid(filename, e.getMessage());
    }
    Optional<Build> build = Optional.empty();
    if (dashes == 5) {
      var m = BUILD.matcher(parts[2]);
      if (!m.matches()) {
        throw invalid(filename, "build tag \"" + parts[2] + "\" must start with a digit");
      }
      if (m.group(1).length() > MAX_BUILD_DIGITS) {
        throw invalid(
            filename,
            "build number has "
                + m.group(1).length()
                + " digits; expected at most "
                + MAX_BUILD_DIGITS);
      }
      build = Optional.of(new Build(new BigInteger(m.group(1)), m.group(2)));
    }
    return new WheelFilename(
        normalizeName(name), version, build, expand(filename, parts[parts.length - 1]));
  }

  /** PEP 503: {@code re.sub(r"[-_.]+", "-", name).lower()}. */
  static String normalizeName(String name) {
    return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
  }

  // PEP 425's compressed tag sets: every combination of the dot-separated choices.
  private static SortedSet<WheelTag> expand(String filename, String tagSet) {
    String[] sets = tagSet.split("-", -1);
    SortedSet<WheelTag> tags = new TreeSet<>();
    for (String interpreter : choices(filename, "python tag", sets[0])) {
      for (String abi : choices(filename, "abi tag", sets[1])) {
        for (String platform : choices(filename, "platform tag", sets[2])) {
          tags.add(new WheelTag(interpreter, abi, platform));
        }
      }
    }
    return tags;
  }

  private static String[] choices(String filename, String what, String set) {
    String[] choices = set.split("\\.", -1);
    for (String choice : choices) {
      if (choice.isEmpty()) {
        throw invalid(filename, what + " \"" + set + "\" has an empty part");
      }
    }
    return choices;
  }

  private static IllegalArgumentException invalid(String filename, String problem) {
    return new IllegalArgumentException(
        "\""
            + filename
            + "\" is not a wheel file name: "
            + problem
            + "; expected "
            + FORM
            + " (PEP 427)");
  }

  /** For messages: the normalised name and version, the build tag and every tag. */
  @Override
  public String toString() {
    return distribution + " " + version + build.map(b -> " build " + b).orElse("") + " " + tags;
  }
}
