package dev.sextant.core.analysis;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.sextant.core.compat.cel.CelConstraint;
import dev.sextant.core.resource.spec.Metric;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A metric's {@code successCondition} and {@code failureCondition}, CEL over {@code result},
 * judging one measurement as Argo Rollouts' {@code EvaluateResult} does:
 *
 * <ul>
 *   <li>only a success condition: failed when it is false;
 *   <li>only a failure condition: successful when it is false;
 *   <li>both: failed when the failure condition holds, successful when only the success condition
 *       holds, inconclusive when neither does;
 *   <li>neither: successful, the metric only records.
 * </ul>
 *
 * <p>Unlike Argo, no data (or a NaN in the result) is inconclusive before any condition is asked,
 * so that nothing to judge is never a pass, whatever the conditions say; a condition that does not
 * compile, fails to evaluate or gives no bool is an error.
 */
public final class Conditions {
  static final String RESULT = "result";

  private static final Cel CEL =
      CelFactory.standardCelBuilder()
          .setOptions(
              CelOptions.current()
                  .enableHeterogeneousNumericComparisons(true)
                  .comprehensionMaxIterations(10_000)
                  .build())
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar(RESULT, ListType.create(SimpleType.DYN))
          .build();

  private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

  private Conditions() {}

  static Judged judge(Metric metric, Measurement measurement) {
    if (measurement instanceof Measurement.QueryError error) {
      return new Judged(measurement, AnalysisPhase.ERROR, error.message());
    }
    if (measurement instanceof Measurement.NoData noData) {
      return new Judged(measurement, AnalysisPhase.INCONCLUSIVE, "no data: " + noData.reason());
    }
    List<Double> result = ((Measurement.Value) measurement).result();
    if (result.isEmpty()) {
      return new Judged(measurement, AnalysisPhase.INCONCLUSIVE, "no data: an empty result");
    }
    if (result.stream().anyMatch(v -> v.isNaN())) {
      return new Judged(measurement, AnalysisPhase.INCONCLUSIVE, "no data: NaN in " + result);
    }
    try {
      Optional<Boolean> success = holds(metric.successCondition(), result);
      Optional<Boolean> failure = holds(metric.failureCondition(), result);
      boolean succeeded = success.orElse(!failure.orElse(false));
      boolean failed = failure.orElse(!success.orElse(true));
      if (failed) {
        return new Judged(measurement, AnalysisPhase.FAILED, describe(metric, result));
      }
      if (!succeeded) {
        return new Judged(measurement, AnalysisPhase.INCONCLUSIVE, describe(metric, result));
      }
      return new Judged(measurement, AnalysisPhase.SUCCESSFUL, describe(metric, result));
    } catch (ConditionException e) {
      return new Judged(measurement, AnalysisPhase.ERROR, e.getMessage());
    }
  }

  /** Why a condition cannot be used, if it cannot: it does not compile over {@code result}. */
  public static Optional<String> problem(String condition) {
    try {
      program(condition);
      return Optional.empty();
    } catch (ConditionException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static String describe(Metric metric, List<Double> result) {
    return "result "
        + result
        + metric.successCondition().map(c -> "; success: " + c).orElse("")
        + metric.failureCondition().map(c -> "; failure: " + c).orElse("");
  }

  private static Optional<Boolean> holds(Optional<String> condition, List<Double> result) {
    if (condition.isEmpty()) {
      return Optional.empty();
    }
    Object value;
    try {
      value = program(condition.get()).eval(Map.of(RESULT, result));
    } catch (CelEvaluationException e) {
      throw new ConditionException(
          "condition \"" + condition.get().strip() + "\" failed: " + e.getMessage());
    }
    if (value instanceof Boolean holds) {
      return Optional.of(holds);
    }
    throw new ConditionException(
        "condition \"" + condition.get().strip() + "\" gave " + value + ", not a bool");
  }

  private static CelRuntime.Program program(String condition) {
    CelRuntime.Program cached = PROGRAMS.get(condition);
    if (cached != null) {
      return cached;
    }
    CelValidationResult compiled = CEL.compile(condition);
    if (compiled.hasError()) {
      throw new ConditionException(
          "condition \""
              + condition.strip()
              + "\" does not compile: "
              + CelConstraint.describe(compiled.getErrors()));
    }
    try {
      CelRuntime.Program program = CEL.createProgram(compiled.getAst());
      PROGRAMS.put(condition, program);
      return program;
    } catch (CelValidationException | CelEvaluationException e) {
      throw new ConditionException(
          "condition \"" + condition.strip() + "\" cannot be prepared: " + e.getMessage());
    }
  }

  private static final class ConditionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConditionException(String message) {
      super(message);
    }
  }
}
