package dev.sextant.core.compat.system;

import dev.sextant.core.compat.Argument;
import dev.sextant.core.compat.Arguments;
import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Validator;
import dev.sextant.core.compat.version.DottedRange;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.resource.spec.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code rule: os}: the operating system is one of a list of distributions, at a version in a
 * range. Source: {@code ID} and {@code VERSION_ID} of os-release(5),
 * https://www.freedesktop.org/software/systemd/man/latest/os-release.html.
 *
 * <p>Arguments: {@code id} (one or a list, such as {@code [ubuntu, debian]}); {@code version} (a
 * minimum such as {@code 22.04}, or comparisons such as {@code >=22.04,<25}). At least one is
 * needed. A version range across distributions compares each one's own numbers, so it is usually
 * given with a single id.
 */
public final class OsValidator implements Validator {
  static final String ID = "os.id";
  static final String VERSION = "os.version";

  @Override
  public String rule() {
    return "os";
  }

  @Override
  public String summary() {
    return "The OS distribution (os-release ID) is one of a list, at a version in a range";
  }

  @Override
  public String source() {
    return "os-release(5) ID and VERSION_ID, https://www.freedesktop.org/software/systemd/man/latest/os-release.html";
  }

  @Override
  public List<Argument> arguments() {
    return List.of(
        Argument.optional(
            "id",
            "text or list of texts",
            "the os-release IDs accepted, such as [ubuntu, debian] (id, version or both)"),
        Argument.optional(
            "version",
            "version or dotted version range",
            "a minimum such as 22.04, or comparisons such as >=22.04,<25 (id, version or both)"));
  }

  @Override
  public Optional<String> example() {
    return Optional.of("{id: ubuntu, version: \">=22.04\"}");
  }

  @Override
  public Constraint prepare(Requirement requirement) {
    Arguments args = Arguments.of(requirement, Argument.names(arguments()));
    List<String> ids =
        args.texts("id").stream().map(i -> i.toLowerCase(Locale.ROOT)).distinct().toList();
    Optional<DottedRange> range =
        args.optionalText("version")
            .map(
                text -> {
                  try {
                    return DottedRange.parse(atLeastWhenBare(text));
                  } catch (IllegalArgumentException e) {
                    throw args.invalid("version", e.getMessage());
                  }
                });
    if (ids.isEmpty() && range.isEmpty()) {
      throw args.invalid("id", "is missing, and so is version; rule os needs id, version or both");
    }
    return fingerprint -> evaluate(ids, range, fingerprint);
  }

  private static Finding evaluate(
      List<String> ids, Optional<DottedRange> range, Fingerprint fingerprint) {
    List<String> facts = new ArrayList<>();
    List<String> required = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Optional<String> id = fingerprint.fact(ID).map(Fact::display);
    Optional<String> version = fingerprint.fact(VERSION).map(Fact::display);
    if (!ids.isEmpty()) {
      facts.add(ID);
      required.add(String.join(" or ", ids));
      if (id.isEmpty()) {
        problems.add("the OS is unknown (no os.id)");
      } else if (!ids.contains(id.get().toLowerCase(Locale.ROOT))) {
        problems.add("the OS is " + id.get() + ", not " + String.join(" or ", ids));
      }
    }
    if (range.isPresent()) {
      facts.add(VERSION);
      required.add("version " + range.get().describe());
      if (version.isEmpty()) {
        problems.add("the OS version is unknown (no os.version)");
      } else if (!range.get().contains(version.get())) {
        problems.add("version " + version.get() + " is not " + range.get().describe());
      }
    }
    String observed =
        id.orElse("os.id " + Finding.ABSENT) + " " + version.orElse("os.version " + Finding.ABSENT);
    if (id.isEmpty() && version.isEmpty()) {
      observed = Finding.ABSENT;
    }
    String reason =
        problems.isEmpty()
            ? id.orElse("the OS")
                + " "
                + version.orElse("")
                + " meets "
                + String.join(", ", required)
            : String.join("; ", problems);
    return new Finding(
        problems.isEmpty(),
        facts,
        String.join(", ", required),
        observed,
        reason.replace("  ", " "),
        List.of());
  }

  /** {@code 22.04} alone means at least 22.04 here, as people write OS requirements. */
  private static String atLeastWhenBare(String text) {
    List<String> parts = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String comparison = part.strip();
      boolean bare = !comparison.isEmpty() && "<>=!".indexOf(comparison.charAt(0)) < 0;
      parts.add(bare ? ">=" + comparison : comparison);
    }
    return String.join(",", parts);
  }
}
