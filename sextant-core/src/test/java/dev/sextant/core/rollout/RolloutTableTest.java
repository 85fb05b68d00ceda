package dev.sextant.core.rollout;

import static dev.sextant.core.rollout.Replay.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.core.resource.spec.Step;
import dev.sextant.core.rollout.RolloutEvent.Verdict;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolloutTableTest {

  /** The histories whose rows count; a new history class belongs here. */
  private static final List<Class<?>> HISTORIES =
      List.of(
          CanaryHistoryTest.class,
          OperatorHistoryTest.class,
          BlueGreenHistoryTest.class,
          RollingHistoryTest.class,
          DeadlineTest.class);

  private static final List<RolloutEvent> ONE_OF_EACH =
      List.of(
          new RolloutEvent.Started(T0),
          new RolloutEvent.StepFinished(T0),
          new RolloutEvent.StepFailed(T0, "exit 1"),
          new RolloutEvent.TimerFired(T0, "r1/1/0"),
          new RolloutEvent.MeasurementTaken(T0, Verdict.SUCCESSFUL, "ok"),
          new RolloutEvent.InstancesReady(T0),
          new RolloutEvent.InstanceCrashed(T0, "canary-1", "exit 137"),
          new RolloutEvent.DeadlinePassed(T0),
          new RolloutEvent.Approved(T0, "carol"),
          new RolloutEvent.Pause(T0, "alice"),
          new RolloutEvent.Resume(T0, "alice"),
          new RolloutEvent.Abort(T0, "alice", "bad"),
          new RolloutEvent.Promote(T0, "alice"),
          new RolloutEvent.Retry(T0, "alice"),
          new RolloutEvent.Undo(T0, "alice"));

  @Test
  void every_row_of_the_table_is_reached_by_some_history() throws Exception {
    for (Class<?> history : HISTORIES) {
      for (Method test : history.getDeclaredMethods()) {
        if (test.isAnnotationPresent(Test.class)) {
          var constructor = history.getDeclaredConstructor();
          constructor.setAccessible(true);
          test.setAccessible(true);
          try {
            test.invoke(constructor.newInstance());
          } catch (InvocationTargetException e) {
            throw new AssertionError(history.getSimpleName() + "." + test.getName(), e.getCause());
          }
        }
      }
    }

    Set<RolloutTable.Entry> missed = new LinkedHashSet<>(RolloutTable.entries());
    missed.removeAll(Replay.ROWS_HIT);
    assertThat(missed).as("rows no history reaches").isEmpty();
  }

  @Test
  void every_event_a_phase_does_not_list_is_refused_naming_the_phase() {
    RolloutMachine machine = new RolloutMachine();
    int refused = 0;
    for (Phase phase : Phase.values()) {
      RolloutState state = in(phase);
      for (RolloutEvent event : ONE_OF_EACH) {
        if (RolloutTable.entries().contains(new RolloutTable.Entry(phase, event.getClass()))) {
          continue;
        }
        assertThat(machine.next(state, event))
            .isEqualTo(
                new Transition.Refused(
                    state, "cannot " + event.verb() + ": the rollout is " + phase.text()));
        refused++;
      }
    }
    assertThat(refused)
        .isEqualTo(Phase.values().length * ONE_OF_EACH.size() - RolloutTable.entries().size());
  }

  @Test
  void the_refusal_test_plays_one_event_of_every_kind() {
    assertThat(ONE_OF_EACH.stream().map(Object::getClass))
        .containsExactlyInAnyOrder(RolloutEvent.class.getPermittedSubclasses());
  }

  @Test
  void the_table_can_be_listed_row_by_row() {
    assertThat(RolloutTable.entries()).hasSize(35);
    assertThat(RolloutTable.entries().iterator().next()).hasToString("PENDING × Started");
    assertThat(RolloutTable.entries())
        .contains(new RolloutTable.Entry(Phase.PAUSED, RolloutEvent.Resume.class))
        .doesNotContain(new RolloutTable.Entry(Phase.PROGRESSING, RolloutEvent.Resume.class));
    assertThat(RolloutTable.entries())
        .filteredOn(e -> e.phase().terminal())
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("SUCCEEDED × Undo", "ABORTED × Retry", "FAILED × Retry");
  }

  /** A state in {@code phase}, its deadline far ahead so no event counts as late. */
  private static RolloutState in(Phase phase) {
    RolloutPlan plan =
        Strategies.canary(
            Strategies.ROLLBACK_10M,
            new Step.SetWeight(10),
            new Step.Approval(List.of(), Optional.empty()));
    boolean running = !phase.terminal() && phase != Phase.PENDING;
    return new RolloutState(
        "r1",
        3,
        plan,
        new Revisions("v1", "v2"),
        phase,
        0,
        10,
        phase == Phase.PAUSED ? Optional.of(Hold.UNTIMED) : Optional.empty(),
        "",
        running ? Optional.of(T0.plusSeconds(3600)) : Optional.empty(),
        Optional.empty(),
        false);
  }
}
