package dev.sextant.core.compat.parameter;

import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.resource.spec.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parameter derived from facts, parsed once. Its value is a whole number: parameters derived from
 * facts are counts (a batch size, workers) or amounts of bytes, so the exact result is rounded
 * down, the direction that still fits on the host, and then raised to {@code min} or capped at
 * {@code max}. An amount of bytes is given as a plain number of bytes, so that the value reads the
 * same whatever unit the expression used.
 */
final class DerivedParameter {
  /** How much of a long expression a message repeats. */
  private static final int SHOWN = 80;

  private final String name;
  private final String expression;
  private final Term term;
  private final Optional<Bound> min;
  private final Optional<Bound> max;

  private DerivedParameter(
      String name, String expression, Term term, Optional<Bound> min, Optional<Bound> max) {
    this.name = name;
    this.expression = expression;
    this.term = term;
    this.min = min;
    this.max = max;
  }

  /**
   * @throws InvalidParameterException for an expression, min or max that cannot be read
   */
  static DerivedParameter prepare(String name, Parameter.Derived derived) {
    String expression = derived.expr().strip();
    if (expression.isEmpty()) {
      throw new InvalidParameterException(
          name,
          "expr",
          "parameter "
              + name
              + ": expr is empty; expected an expression such as gpu[0].memory / 2Gi");
    }
    Term term;
    try {
      term = ExpressionParser.parse(expression);
    } catch (ExpressionParser.SyntaxError e) {
      throw new InvalidParameterException(
          name,
          "expr",
          "parameter "
              + name
              + ": expr \""
              + shortened(expression)
              + "\" at column "
              + e.column()
              + ": "
              + e.getMessage());
    }
    Optional<Bound> min = derived.min().map(text -> Bound.parse(name, "min", text));
    Optional<Bound> max = derived.max().map(text -> Bound.parse(name, "max", text));
    if (min.isPresent()
        && max.isPresent()
        && min.get().amount().compareTo(max.get().amount()) > 0) {
      throw new InvalidParameterException(
          name,
          "max",
          "parameter "
              + name
              + ": max "
              + max.get().written()
              + " is below min "
              + min.get().written());
    }
    return new DerivedParameter(name, expression, term, min, max);
  }

  ParameterValue resolve(Fingerprint fingerprint) {
    Amount exact;
    try {
      exact = term.evaluate(fingerprint);
    } catch (Unresolvable e) {
      return problem(e.getMessage());
    }
    Optional<String> misfit = misfit("min", min, exact).or(() -> misfit("max", max, exact));
    if (misfit.isPresent()) {
      return problem(misfit.get());
    }
    List<String> steps = new ArrayList<>();
    String shown = term.show(fingerprint);
    steps.add(expression + (shown.equals(expression) ? "" : " = " + shown) + " = " + exact.show());
    Amount value = exact.floor();
    if (!exact.whole()) {
      steps.add("rounded down to " + value.show());
    }
    if (min.isPresent() && value.value().compareTo(min.get().amount()) < 0) {
      value = new Amount(min.get().amount(), value.bytes());
      steps.add("raised to min " + min.get().written());
    } else if (max.isPresent() && value.value().compareTo(max.get().amount()) > 0) {
      value = new Amount(max.get().amount(), value.bytes());
      steps.add("capped at max " + max.get().written());
    } else if (min.isPresent() || max.isPresent()) {
      steps.add(within());
    }
    String written = value.value().toPlainString();
    return new ParameterValue(
        name, Optional.of(written), String.join(", ", steps), Optional.empty());
  }

  private static Optional<String> misfit(String field, Optional<Bound> bound, Amount exact) {
    return bound
        .filter(b -> !b.fits(exact))
        .map(
            b ->
                field
                    + " "
                    + b.written()
                    + " is an amount of bytes, but the expression gives a number");
  }

  private String within() {
    if (min.isPresent() && max.isPresent()) {
      return "within [" + min.get().written() + ", " + max.get().written() + "]";
    }
    return min.map(bound -> "not below min " + bound.written())
        .orElseGet(() -> "not above max " + max.get().written());
  }

  private ParameterValue problem(String problem) {
    return new ParameterValue(name, Optional.empty(), expression, Optional.of(problem));
  }

  /** The expression as written, cut short when long: the column says where to look. */
  private static String shortened(String expression) {
    return expression.length() > SHOWN ? expression.substring(0, SHOWN) + "…" : expression;
  }
}
