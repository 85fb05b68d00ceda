package dev.sextant.core.compat;

import dev.sextant.core.compat.cel.CelConstraint;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.resource.spec.Requirement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a requirement as written into one that can be evaluated: a {@code rule} goes to its
 * validator; a {@code fact} with operators to {@link FactConstraint}; a {@code cel} expression to
 * {@link CelConstraint}; a fact with both operators and CEL must meet both.
 */
public final class Requirements {
  static final String FACT_SOURCE = "typed fact comparison (DESIGN §4)";
  static final String CEL_SOURCE = "CEL expression (cel-spec)";

  private Requirements() {}

  /**
   * @throws InvalidRequirementException at the field that is wrong
   */
  public static PreparedRequirement prepare(Requirement requirement, Validators validators) {
    if (requirement.rule().isPresent()) {
      refuseBesideRule(requirement);
      Validator validator = validators.get(requirement.rule().get());
      return new PreparedRequirement(
          validator.rule(),
          requirement.description(),
          validator.source(),
          prepare(validator, requirement));
    }
    boolean operators = FactConstraint.hasOperators(requirement);
    if (requirement.cel().isEmpty()) {
      return new PreparedRequirement(
          requirement.fact().orElseThrow(),
          requirement.description(),
          FACT_SOURCE,
          FactConstraint.prepare(requirement));
    }
    Constraint cel = CelConstraint.prepare(requirement);
    if (!operators) {
      return new PreparedRequirement(
          requirement.fact().orElse("cel"), requirement.description(), CEL_SOURCE, cel);
    }
    return new PreparedRequirement(
        requirement.fact().orElseThrow(),
        requirement.description(),
        FACT_SOURCE + " and " + CEL_SOURCE,
        both(FactConstraint.prepare(requirement), cel));
  }

  /** A validator that throws anything but bad input has a bug; say whose, at the rule. */
  private static Constraint prepare(Validator validator, Requirement requirement) {
    try {
      return validator.prepare(requirement);
    } catch (InvalidRequirementException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidRequirementException(
          "rule",
          "the validator of rule "
              + validator.rule()
              + " ("
              + validator.getClass().getName()
              + ") failed to read this requirement: "
              + e);
    }
  }

  /**
   * Both must hold: the first finding that is not met, or the first one when both are, each saying
   * what both required.
   */
  private static Constraint both(Constraint first, Constraint second) {
    return (Fingerprint fingerprint) -> {
      Finding one = first.evaluate(fingerprint);
      Finding other = second.evaluate(fingerprint);
      Finding shown = one.met() ? (other.met() ? one : other) : one;
      return new Finding(
          shown.met(),
          union(one.facts(), other.facts()),
          one.required() + " and " + other.required(),
          shown.observed(),
          shown.reason(),
          shown.caveats());
    };
  }

  private static List<String> union(List<String> a, List<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  private static void refuseBesideRule(Requirement r) {
    String beside =
        FactConstraint.hasOperators(r)
            ? "fact operators"
            : r.cel().isPresent() ? "cel" : r.fact().isPresent() ? "fact" : null;
    if (beside != null) {
      throw new InvalidRequirementException(
          "rule",
          "a requirement with rule "
              + r.rule().get()
              + " takes its arguments in `with`, not "
              + beside
              + "; write the "
              + beside
              + " as a separate requirement");
    }
  }
}
