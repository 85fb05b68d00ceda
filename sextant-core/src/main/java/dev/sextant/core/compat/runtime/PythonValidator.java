package dev.sextant.core.compat.runtime;

import dev.sextant.core.compat.Argument;
import dev.sextant.core.compat.Arguments;
import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Validator;
import dev.sextant.core.compat.Value;
import dev.sextant.core.compat.version.Pep440Specifiers;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.resource.spec.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code rule: python}: the environment's Python ({@code python.version}, {@code
 * python.implementation}) meets a PEP 440 specifier set and, when named, is the given
 * implementation.
 *
 * <pre>
 * - rule: python
 *   with:
 *     version: "&gt;=3.10,&lt;3.13"   # PEP 440 specifiers
 *     implementation: cpython      # optional: sys.implementation.name
 * </pre>
 *
 * <p>The installed interpreter is compared as PEP 440 says installed versions are: a pre-release
 * such as {@code 3.13.0rc1} is accepted by specifiers it meets.
 */
public final class PythonValidator implements Validator {
  static final String VERSION = "python.version";
  static final String IMPLEMENTATION = "python.implementation";

  public PythonValidator() {}

  @Override
  public String rule() {
    return "python";
  }

  @Override
  public String summary() {
    return "The environment's Python version meets a PEP 440 specifier set, and its implementation is the one named";
  }

  @Override
  public String source() {
    return "PEP 440, Version Identification and Dependency Specification (https://peps.python.org/pep-0440/);"
        + " implementation names as sys.implementation.name gives them (PEP 421, https://peps.python.org/pep-0421/)";
  }

  @Override
  public List<Argument> arguments() {
    return List.of(
        Argument.optional(
            "version",
            "PEP 440 specifiers",
            "the Python versions accepted, such as >=3.10,<3.13 (version, implementation or both)"),
        Argument.optional(
            "implementation",
            "text",
            "sys.implementation.name, such as cpython or pypy (version, implementation or both)"));
  }

  @Override
  public Optional<String> example() {
    return Optional.of("{version: \">=3.10,<3.13\", implementation: cpython}");
  }

  @Override
  public Constraint prepare(Requirement requirement) {
    Arguments args = Arguments.of(requirement, Argument.names(arguments()));
    Optional<Pep440Specifiers> version =
        args.optionalText("version")
            .map(
                text -> {
                  try {
                    return Pep440Specifiers.parse(text);
                  } catch (IllegalArgumentException e) {
                    throw args.invalid(
                        "version", "is not a PEP 440 specifier set: " + e.getMessage());
                  }
                });
    Optional<String> implementation =
        args.optionalText("implementation").map(t -> t.toLowerCase(Locale.ROOT));
    if (version.isEmpty() && implementation.isEmpty()) {
      throw args.invalid(
          "version",
          "is missing; expected a PEP 440 specifier set such as >=3.10,<3.13, or an implementation such as cpython");
    }
    return new PythonConstraint(version, implementation);
  }

  private static final class PythonConstraint implements Constraint {
    private final Optional<Pep440Specifiers> version;
    private final Optional<String> implementation;
    private final List<String> facts;
    private final String required;

    PythonConstraint(Optional<Pep440Specifiers> version, Optional<String> implementation) {
      this.version = version;
      this.implementation = implementation;
      List<String> keys = new ArrayList<>();
      version.ifPresent(v -> keys.add(VERSION));
      implementation.ifPresent(i -> keys.add(IMPLEMENTATION));
      this.facts = List.copyOf(keys);
      this.required =
          "Python"
              + implementation.map(i -> " (" + i + ")").orElse("")
              + version.map(v -> " " + v + " (PEP 440: " + v.describe() + ")").orElse("");
    }

    @Override
    public Finding evaluate(Fingerprint fingerprint) {
      Finding finding = words(fingerprint);
      finding =
          version.isPresent()
              ? finding.withRequired(new Value.Specifiers(version.get().toString()))
              : finding;
      String observed = text(fingerprint, VERSION);
      return observed == null ? finding : finding.withObserved(new Value.Version(observed));
    }

    private Finding words(Fingerprint fingerprint) {
      String observedVersion = text(fingerprint, VERSION);
      String observedImplementation = text(fingerprint, IMPLEMENTATION);
      String observed =
          (observedImplementation == null ? "" : observedImplementation + " ")
              + (observedVersion == null ? "version " + Finding.ABSENT : observedVersion);
      if (implementation.isPresent()) {
        String want = implementation.get();
        if (observedImplementation == null) {
          return Finding.notMet(
              facts,
              required,
              observed,
              IMPLEMENTATION + " is absent, so the implementation is unknown");
        }
        if (!observedImplementation.toLowerCase(Locale.ROOT).equals(want)) {
          return Finding.notMet(
              facts,
              required,
              observed,
              "the Python is " + observedImplementation + ", not " + want);
        }
      }
      if (version.isPresent()) {
        Pep440Specifiers specifiers = version.get();
        if (observedVersion == null) {
          return Finding.notMet(facts, required, observed, VERSION + " is absent");
        }
        if (!specifiers.contains(observedVersion)) {
          return Finding.notMet(
              facts,
              required,
              observed,
              "Python " + observedVersion + " is not " + specifiers.describe());
        }
      }
      return Finding.met(facts, required, observed, "Python " + observed + " meets " + required);
    }

    private static String text(Fingerprint fingerprint, String key) {
      Fact fact = fingerprint.facts().get(key);
      return fact == null ? null : fact.display();
    }
  }
}
