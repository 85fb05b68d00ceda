package dev.sextant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sextant.cli.output.RolloutHistoryView;
import dev.sextant.cli.output.RolloutView;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What people see of a rollout, from the API's JSON. */
class RolloutViewTest {

  @Test
  void a_rollout_shows_its_step_as_people_count_its_weight_instances_and_measurements() {
    var rollout =
        Rollouts.measured(Rollouts.analysing(), "2026-12-06T17:02:10Z", 0.0123, "successful")
            .put("endpoint", "http://127.0.0.1:41000");

    String shown = render(out -> RolloutView.print(out, rollout));

    assertThat(shown)
        .contains("ro-1a2b3c4d5e: sample-v2 to dev (service sample), plan plan-3, started by alice")
        .contains("progressing, step 2/4 analysis, canary weight 20%")
        .contains("stable sample-v1@1/default, canary sample-v2@1/default")
        .contains("serves at http://127.0.0.1:41000")
        .contains("elapsed 2m10s");
    assertThat(shown.lines())
        .anySatisfy(
            line -> assertThat(line).matches("stable-0 +sample-v1@1/default +ready +41234 +0"))
        .anySatisfy(
            line -> assertThat(line).matches("canary-0 +sample-v2@1/default +ready +41235 +1"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "step-1 +error-rate +canary +0.0123 +successful +2026-12-06T17:02:10Z"));
  }

  @Test
  void a_judged_rollout_shows_each_metric_s_class_the_score_and_the_judge_s_summary() {
    var rollout = Rollouts.judged(Rollouts.analysing());

    String shown = render(out -> RolloutView.print(out, rollout));

    assertThat(shown.lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "step-1 +error-ratio +high +yes +0.0 +fail +canary 0.29 vs baseline 0"))
        .anySatisfy(
            line -> assertThat(line).matches("step-1 +latency-p90 +pass +no +0.0 +fail +alike"));
    assertThat(shown).contains("Judge: score 0, failed by critical error-ratio high");
  }

  @Test
  void a_failed_rollout_shows_why_and_a_finished_step_count_stays_within_its_steps() {
    var rollout = Rollouts.ended(Rollouts.analysing(), "failed", "error-rate 0.2 > 0.05");
    rollout.put("step", 4);

    String shown = render(out -> RolloutView.print(out, rollout));

    assertThat(shown)
        .contains("failed, step 4/4 analysis, canary weight 20%")
        .contains("reason: error-rate 0.2 > 0.05");
  }

  @Test
  void a_first_rollout_has_no_stable_revision() {
    var rollout = Rollouts.started().put("stableRevision", "");

    assertThat(render(out -> RolloutView.print(out, rollout)))
        .contains("stable none, canary sample-v2@1/default");
  }

  @Test
  void a_list_has_one_row_per_rollout_with_its_phase_step_and_weight() {
    var items =
        JsonNodeFactory.instance.arrayNode().add(Rollouts.analysing()).add(Rollouts.started());

    String shown = render(out -> RolloutView.list(out, items));

    assertThat(shown.lines().toList())
        .hasSize(3)
        .satisfies(
            lines -> {
              assertThat(lines.get(0)).startsWith("ROLLOUT").contains("PHASE", "STEP", "WEIGHT");
              assertThat(lines.get(1))
                  .matches("ro-1a2b3c4d5e +sample +dev +sample-v2 +progressing +2/4 +20% +alice");
              assertThat(lines.get(2)).contains("1/4").contains(" 0% ");
            });
  }

  @Test
  void history_names_who_moved_it_only_when_someone_did() {
    var moves = JsonNodeFactory.instance.arrayNode();
    moves
        .addObject()
        .put("version", 1)
        .put("at", "2026-12-06T17:00:00Z")
        .put("event", "started")
        .put("phase", "progressing")
        .put("weight", 0);
    moves
        .addObject()
        .put("version", 2)
        .put("at", "2026-12-06T17:01:00Z")
        .put("event", "abort")
        .put("by", "alice")
        .put("phase", "aborted")
        .put("weight", 0)
        .put("reason", "p99 doubled");

    String shown = render(out -> RolloutHistoryView.print(out, moves));

    assertThat(shown.lines().toList())
        .hasSize(3)
        .satisfies(
            lines -> {
              assertThat(lines.get(1))
                  .matches("1 +2026-12-06T17:00:00Z +started +- +progressing +0%");
              assertThat(lines.get(2))
                  .matches("2 +2026-12-06T17:01:00Z +abort +alice +aborted +0% +p99 doubled");
            });
  }

  private static String render(Consumer<PrintWriter> view) {
    StringWriter text = new StringWriter();
    view.accept(new PrintWriter(text, true));
    return text.toString();
  }
}
