package dev.sextant.core.compat.cel;

import dev.cel.bundle.Cel;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import java.util.Optional;

/**
 * The CEL environment of a Policy's {@code rule} and {@code messageExpression}: the release and the
 * environment a decision is about, beside the facts of {@link CelFacts}. A Policy is compiled when
 * it is read, so one that cannot run is refused then, not when a deployment first meets it.
 */
public final class PolicyCel {
  /** The Release being decided on, as its document. */
  public static final String RELEASE = "release";

  /** The Environment it would go to, as its document. */
  public static final String ENVIRONMENT = "environment";

  private static final Cel CEL =
      CelFacts.builder()
          .addVar(RELEASE, SimpleType.DYN)
          .addVar(ENVIRONMENT, SimpleType.DYN)
          .build();

  private PolicyCel() {}

  /** Why a {@code rule} cannot be used, if it cannot; it must give a bool. */
  public static Optional<String> ruleProblem(String expression) {
    return problem(expression, SimpleType.BOOL);
  }

  /** Why a {@code messageExpression} cannot be used, if it cannot; it must give a string. */
  public static Optional<String> messageProblem(String expression) {
    return problem(expression, SimpleType.STRING);
  }

  /**
   * Why {@code expression} cannot be used: it does not compile (with the line and column in the
   * expression), or gives something other than {@code expected}.
   */
  private static Optional<String> problem(String expression, CelType expected) {
    CelValidationResult compiled = CEL.compile(expression);
    if (compiled.hasError()) {
      return Optional.of(
          "CEL expression \""
              + expression.strip()
              + "\" does not compile: "
              + CelConstraint.describe(compiled.getErrors()));
    }
    try {
      CelType type = compiled.getAst().getResultType();
      if (!type.equals(expected) && !type.equals(SimpleType.DYN)) {
        return Optional.of(
            "CEL expression \""
                + expression.strip()
                + "\" gives "
                + type.name()
                + "; expected a "
                + expected.name());
      }
    } catch (CelValidationException e) {
      return Optional.of(
          "CEL expression \"" + expression.strip() + "\" cannot be prepared: " + e.getMessage());
    }
    return Optional.empty();
  }
}
