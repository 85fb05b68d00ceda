package dev.sextant.core.compat.system;

import dev.sextant.core.compat.Argument;
import dev.sextant.core.compat.Arguments;
import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Validator;
import dev.sextant.core.compat.Value;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.fingerprint.Versions;
import dev.sextant.core.resource.spec.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code rule: libc}: the C library is of a family and at least a version. Source: the manylinux
 * rule of PEP 600 (https://peps.python.org/pep-0600/): a binary built against glibc X.Y runs on any
 * glibc ≥ X.Y, because glibc keeps old symbol versions; musllinux (PEP 656,
 * https://peps.python.org/pep-0656/) applies the same rule to musl. Binaries for one family never
 * run on the other.
 *
 * <p>Arguments: {@code family} ({@code glibc} or {@code musl}); {@code min} (such as {@code 2.28}).
 * At least one is needed.
 */
public final class LibcValidator implements Validator {
  static final String FAMILY = "libc.family";
  static final String VERSION = "libc.version";

  @Override
  public String rule() {
    return "libc";
  }

  @Override
  public String summary() {
    return "The C library is glibc or musl, at least a version (the manylinux/musllinux rule)";
  }

  @Override
  public String source() {
    return "PEP 600 manylinux (https://peps.python.org/pep-0600/); PEP 656 musllinux (https://peps.python.org/pep-0656/)";
  }

  @Override
  public List<Argument> arguments() {
    return List.of(
        Argument.optional(
            "family",
            "glibc or musl",
            "the C library binaries were built against (family, min or both)"),
        Argument.optional(
            "min", "version", "the oldest C library accepted, such as 2.28 (family, min or both)"));
  }

  @Override
  public Optional<String> example() {
    return Optional.of("{family: glibc, min: \"2.28\"}");
  }

  @Override
  public Constraint prepare(Requirement requirement) {
    Arguments args = Arguments.of(requirement, Argument.names(arguments()));
    Optional<String> family =
        args.has("family")
            ? Optional.of(args.choice("family", "glibc", "glibc", "musl"))
            : Optional.empty();
    Optional<String> min = args.optionalVersion("min");
    if (family.isEmpty() && min.isEmpty()) {
      throw args.invalid(
          "min", "is missing, and so is family; rule libc needs family, min or both");
    }
    return fingerprint -> {
      Finding finding = evaluate(family, min, fingerprint);
      Optional<String> observed = fingerprint.fact(VERSION).map(Fact::display);
      finding = min.isPresent() ? finding.withRequired(new Value.Version(min.get())) : finding;
      return observed.isPresent()
          ? finding.withObserved(new Value.Version(observed.get()))
          : finding;
    };
  }

  private static Finding evaluate(
      Optional<String> family, Optional<String> min, Fingerprint fingerprint) {
    Optional<String> observedFamily = fingerprint.fact(FAMILY).map(Fact::display);
    Optional<String> observedVersion = fingerprint.fact(VERSION).map(Fact::display);
    String wanted = family.orElse("libc");
    String required = wanted + min.map(m -> " ≥ " + m).orElse("");
    List<String> facts = new ArrayList<>(List.of(FAMILY));
    min.ifPresent(m -> facts.add(VERSION));
    String observed =
        observedFamily.isEmpty() && observedVersion.isEmpty()
            ? Finding.ABSENT
            : observedFamily.orElse("libc.family " + Finding.ABSENT)
                + " "
                + observedVersion.orElse("libc.version " + Finding.ABSENT);
    if (family.isPresent()) {
      if (observedFamily.isEmpty()) {
        return Finding.notMet(
            facts, required, observed, "the C library's family is unknown (no libc.family)");
      }
      if (!observedFamily.get().equals(family.get())) {
        return Finding.notMet(
            facts,
            required,
            observed,
            "the host's C library is "
                + observedFamily.get()
                + ", and binaries built for "
                + family.get()
                + " do not run on it");
      }
    }
    if (min.isEmpty()) {
      return Finding.met(facts, required, observed, "the host's C library is " + family.get());
    }
    if (observedVersion.isEmpty()) {
      return Finding.notMet(
          facts, required, observed, "the C library's version is unknown (no libc.version)");
    }
    String actual = observedFamily.orElse("libc") + " " + observedVersion.get();
    // A family-less requirement still compares versions, but glibc's and musl's numbers say nothing
    // about each other.
    boolean met = Versions.atLeast(observedVersion.get(), min.get());
    String reason =
        actual
            + (met ? " is at least " : " is older than ")
            + min.get()
            + (met ? ", so binaries built against " : "; binaries built against ")
            + wanted
            + " "
            + min.get()
            + (met ? " run" : " need symbols it lacks");
    return new Finding(met, facts, required, observed, reason, List.of());
  }
}
