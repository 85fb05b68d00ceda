package dev.sextant.core.compat.runtime;

import dev.sextant.core.compat.Argument;
import dev.sextant.core.compat.Arguments;
import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Validator;
import dev.sextant.core.compat.Value;
import dev.sextant.core.compat.version.DottedRange;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.resource.spec.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code rule: java}: the environment's Java ({@code java.version}, as the agent's Java probe
 * reports the JVM's {@code java.version} property) is in a dotted range or at least a minimum.
 *
 * <pre>
 * - rule: java
 *   with:
 *     version: "&gt;=17,&lt;22"   # a dotted range; or
 *     min: 17                  # the lowest feature release
 * </pre>
 *
 * <p>Versions are read as JEP 223 defines them: {@code 21.0.2+13-LTS} is 21.0.2. Java 8 and older
 * report {@code 1.8.0_392}, which is read as 8.0.392 so that {@code min: 8} means what it says.
 */
public final class JavaValidator implements Validator {
  static final String VERSION = "java.version";

  public JavaValidator() {}

  @Override
  public String rule() {
    return "java";
  }

  @Override
  public String summary() {
    return "The environment's Java version is in a range or at least a minimum feature release";
  }

  @Override
  public String source() {
    return "JEP 223, New Version-String Scheme (https://openjdk.org/jeps/223)";
  }

  @Override
  public List<Argument> arguments() {
    return List.of(
        Argument.optional(
            "version",
            "dotted version range",
            "the Java versions accepted, such as >=17,<22 (version, min or both)"),
        Argument.optional(
            "min", "version", "the lowest Java accepted, such as 17 (version, min or both)"));
  }

  @Override
  public Optional<String> example() {
    return Optional.of("{min: 17, version: \"<22\"}");
  }

  @Override
  public Constraint prepare(Requirement requirement) {
    Arguments args = Arguments.of(requirement, Argument.names(arguments()));
    List<DottedRange> ranges = new ArrayList<>();
    List<String> words = new ArrayList<>();
    args.optionalText("version")
        .ifPresent(
            text -> {
              ranges.add(range(args, "version", text));
              words.add(text);
            });
    args.optionalText("min")
        .ifPresent(
            text -> {
              ranges.add(range(args, "min", ">=" + modern(text)));
              words.add("≥ " + text);
            });
    if (ranges.isEmpty()) {
      throw args.invalid("version", "is missing; expected a range such as >=17 (or min: 17)");
    }
    return new JavaConstraint(List.copyOf(ranges), "Java " + String.join(" and ", words));
  }

  /** The JEP 223 form of a version: {@code 1.8.0_392} becomes {@code 8.0.392}. */
  static String modern(String version) {
    String v = version.strip();
    if (v.startsWith("1.") && v.length() > 2 && Character.isDigit(v.charAt(2))) {
      return v.substring(2).replace('_', '.');
    }
    return v;
  }

  private static DottedRange range(Arguments args, String name, String text) {
    try {
      return DottedRange.parse(text);
    } catch (IllegalArgumentException e) {
      throw args.invalid(name, "is not a dotted version range: " + e.getMessage());
    }
  }

  private record JavaConstraint(List<DottedRange> ranges, String required) implements Constraint {
    private static final List<String> FACTS = List.of(VERSION);

    @Override
    public Finding evaluate(Fingerprint fingerprint) {
      Fact fact = fingerprint.facts().get(VERSION);
      if (fact == null) {
        return Finding.notMet(FACTS, required, Finding.ABSENT, VERSION + " is absent");
      }
      String observed = fact.display();
      String version = modern(observed);
      Value value = new Value.Version(observed);
      for (DottedRange range : ranges) {
        if (!range.contains(version)) {
          return Finding.notMet(
                  FACTS, required, observed, "Java " + observed + " is not " + range.describe())
              .withObserved(value);
        }
      }
      return Finding.met(FACTS, required, observed, "Java " + observed + " meets " + required)
          .withObserved(value);
    }
  }
}
