package dev.sextant.agent.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.plan.CheckRun;
import dev.sextant.core.plan.Target;
import dev.sextant.core.resource.spec.Check;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalCheckExecutorTest {
  private final LocalCheckExecutor executor = new LocalCheckExecutor();
  private final Target here =
      Target.of("this-host", Target.Origin.THIS_HOST, Fingerprint.of(Map.of()));

  private static Check check(Duration timeout, String... command) {
    return new Check("probe", "", List.of(command), Optional.ofNullable(timeout));
  }

  @Test
  void aCommandThatExitsZeroPassesAndKeepsItsOutput() {
    CheckRun run = executor.run(here, check(null, "sh", "-c", "echo cuda ok"));
    assertThat(run.passed()).isTrue();
    assertThat(run.output()).isEqualTo("cuda ok");
  }

  @Test
  void aNonZeroExitFailsWithItsCodeAndBothOutputs() {
    CheckRun run =
        executor.run(
            here, check(null, "sh", "-c", "echo out; echo 'no module named torch' >&2; exit 3"));
    assertThat(run.passed()).isFalse();
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.output()).contains("out").contains("no module named torch");
  }

  @Test
  void aCheckPastItsTimeoutIsStopped() {
    long start = System.nanoTime();
    CheckRun run = executor.run(here, check(Duration.ofMillis(300), "sleep", "30"));
    assertThat(run.timedOut()).isTrue();
    assertThat(run.passed()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aMissingProgramIsAFailureThatSaysSo() {
    CheckRun run = executor.run(here, check(null, "sextant-no-such-program-42"));
    assertThat(run.passed()).isFalse();
    assertThat(run.error()).contains("no program sextant-no-such-program-42 on this host");
  }

  @Test
  void longOutputKeepsItsTail() {
    CheckRun run = executor.run(here, check(null, "sh", "-c", "seq 1 5000"));
    assertThat(run.output())
        .hasSizeLessThanOrEqualTo(LocalCheckExecutor.KEPT_OUTPUT + 1)
        .endsWith("5000");
  }

  @Test
  void reachesOnlyThisHost() {
    Target file = Target.of("h100", Target.Origin.FINGERPRINT_FILE, Fingerprint.of(Map.of()));
    assertThat(executor.reaches(here)).isTrue();
    assertThat(executor.reaches(file)).isFalse();
    assertThatThrownBy(() -> executor.run(file, check(null, "true")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
