package dev.sextant.core.compat.cel;

import dev.cel.bundle.Cel;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Optional;

/**
 * The CEL environment of a Policy's {@code rule} and {@code messageExpression}: the release and the
 * environment a decision is about, the facts the plan used (as {@link CelFacts#FACTS} and {@link
 * #FINGERPRINT}), the chosen variant, the request and the time, with Sextant's functions. A Policy
 * is compiled when it is read, so one that cannot run is refused then, not when a deployment first
 * meets it; the planner compiles it again here to evaluate it.
 */
public final class PolicyCel {
  /**
   * The Release being decided on, as its document, with {@code provenance}: its attestation as
   * checked against the trusted keys ({@code release.provenance.verified}).
   */
  public static final String RELEASE = "release";

  /** The Environment it would go to, as its document. */
  public static final String ENVIRONMENT = "environment";

  /** The facts the plan used, by key: the same map as {@link CelFacts#FACTS}. */
  public static final String FINGERPRINT = "fingerprint";

  /** The chosen variant's name; empty when none fits. */
  public static final String VARIANT = "variant";

  /** Who asks for what, and when: {@code user}, {@code action}, {@code time}. */
  public static final String REQUEST = "request";

  /** The time the decision is made for, given to the planner: core reads no clock. */
  public static final String NOW = "now";

  /**
   * Whether the release, environment, each policy and the fingerprint are signed by a trusted key:
   * {@code signatures.release.verified}.
   */
  public static final String SIGNATURES = "signatures";

  private static final Cel CEL =
      CelFacts.builder()
          .addVar(RELEASE, SimpleType.DYN)
          .addVar(ENVIRONMENT, SimpleType.DYN)
          .addVar(FINGERPRINT, MapType.create(SimpleType.STRING, SimpleType.DYN))
          .addVar(VARIANT, SimpleType.STRING)
          .addVar(REQUEST, SimpleType.DYN)
          .addVar(NOW, SimpleType.TIMESTAMP)
          .addVar(SIGNATURES, SimpleType.DYN)
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
   * The program of an expression that {@link #ruleProblem} or {@link #messageProblem} accepted.
   *
   * @throws IllegalArgumentException when it does not compile, which a validated Policy never does
   */
  public static CelRuntime.Program program(String expression) {
    CelValidationResult compiled = CEL.compile(expression);
    if (compiled.hasError()) {
      throw new IllegalArgumentException(
          "CEL expression \""
              + expression.strip()
              + "\" does not compile: "
              + CelConstraint.describe(compiled.getErrors()));
    }
    try {
      return CEL.createProgram(compiled.getAst());
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalArgumentException(
          "CEL expression \"" + expression.strip() + "\" cannot be prepared: " + e.getMessage(), e);
    }
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
