package dev.sextant.core.analysis;

import static dev.sextant.core.analysis.AnalysisPhase.ERROR;
import static dev.sextant.core.analysis.AnalysisPhase.FAILED;
import static dev.sextant.core.analysis.AnalysisPhase.INCONCLUSIVE;
import static dev.sextant.core.analysis.AnalysisPhase.SUCCESSFUL;
import static dev.sextant.core.analysis.Metrics.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.resource.spec.Metric;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  private static AnalysisPhase judge(String success, String failure, Measurement measurement) {
    Metric metric =
        Metrics.metric(
            "m",
            Optional.ofNullable(success),
            Optional.ofNullable(failure),
            Optional.of(1),
            0,
            0,
            false);
    return Conditions.judge(metric, measurement).phase();
  }

  private static Measurement result(double... values) {
    return new Measurement.Value(T0, java.util.Arrays.stream(values).boxed().toList());
  }

  @Test
  void a_success_condition_alone_fails_when_false() {
    assertThat(judge("result[0] < 0.01", null, result(0.001))).isEqualTo(SUCCESSFUL);
    assertThat(judge("result[0] < 0.01", null, result(0.02))).isEqualTo(FAILED);
  }

  @Test
  void a_failure_condition_alone_succeeds_when_false() {
    assertThat(judge(null, "result[0] >= 0.05", result(0.02))).isEqualTo(SUCCESSFUL);
    assertThat(judge(null, "result[0] >= 0.05", result(0.07))).isEqualTo(FAILED);
  }

  @Test
  void both_conditions_false_is_inconclusive_and_failure_wins_over_success() {
    assertThat(judge("result[0] < 0.01", "result[0] >= 0.05", result(0.001))).isEqualTo(SUCCESSFUL);
    assertThat(judge("result[0] < 0.01", "result[0] >= 0.05", result(0.02)))
        .isEqualTo(INCONCLUSIVE);
    assertThat(judge("result[0] < 0.01", "result[0] >= 0.05", result(0.07))).isEqualTo(FAILED);
    assertThat(judge("true", "true", result(1))).isEqualTo(FAILED);
  }

  @Test
  void no_conditions_is_successful_as_in_argo_but_only_for_data() {
    assertThat(judge(null, null, result(42))).isEqualTo(SUCCESSFUL);
    assertThat(judge(null, null, Metrics.noData(0))).isEqualTo(INCONCLUSIVE);
  }

  @Test
  void no_data_an_empty_result_or_nan_is_inconclusive_whatever_the_conditions_say() {
    for (Measurement nothing :
        List.of(Metrics.noData(0), result(), result(Double.NaN), result(0.5, Double.NaN))) {
      assertThat(judge("true", null, nothing)).isEqualTo(INCONCLUSIVE);
      assertThat(judge(null, "false", nothing)).isEqualTo(INCONCLUSIVE);
      assertThat(judge("result.size() == 0 || result[0] != result[0]", null, nothing))
          .isEqualTo(INCONCLUSIVE);
    }
    // A NaN compared in CEL is false for '<' and for '>=': without this rule it would pass here.
    assertThat(judge(null, "result[0] >= 0.05", result(Double.NaN))).isEqualTo(INCONCLUSIVE);
  }

  @Test
  void a_query_error_or_a_condition_that_cannot_be_evaluated_is_an_error() {
    assertThat(judge("result[0] < 1", null, Metrics.error(0))).isEqualTo(ERROR);
    Judged outOfRange =
        Conditions.judge(
            Metrics.metric(
                "m", Optional.of("result[1] < 1"), Optional.empty(), Optional.of(1), 0, 0, false),
            result(0.5));
    assertThat(outOfRange.phase()).isEqualTo(ERROR);
    assertThat(outOfRange.message()).contains("result[1] < 1").contains("failed");
    assertThat(judge("result[0]", null, result(1))).isEqualTo(ERROR);
    assertThat(judge("result[0] <", null, result(1))).isEqualTo(ERROR);
    assertThat(Conditions.problem("result[0] <")).get().asString().contains("does not compile");
    assertThat(Conditions.problem("result[0] < 1")).isEmpty();
  }

  @Test
  void ints_and_doubles_compare_and_the_standard_macros_work() {
    assertThat(judge("result[0] < 1", null, result(0.5))).isEqualTo(SUCCESSFUL);
    assertThat(judge("result.all(r, r < 0.5)", null, result(0.1, 0.2))).isEqualTo(SUCCESSFUL);
    assertThat(judge("result.all(r, r < 0.5)", null, result(0.1, 0.7))).isEqualTo(FAILED);
    assertThat(judge("isInf(result[0])", null, result(1))).isEqualTo(ERROR);
  }
}
