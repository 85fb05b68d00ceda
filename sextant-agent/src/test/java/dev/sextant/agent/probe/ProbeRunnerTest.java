package dev.sextant.agent.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.sextant.core.fingerprint.Fact;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProbeRunnerTest {
  private static Probe probe(String name, Function<ProbeContext, ProbeResult> body) {
    return new Probe() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public ProbeResult probe(ProbeContext context) {
        return body.apply(context);
      }
    };
  }

  private static Probe giving(String name, String key, String value) {
    return probe(name, c -> ProbeResult.builder().fact(key, new Fact.Text(value)).build());
  }

  @Test
  void facts_of_all_probes_are_merged_into_one_sorted_map() {
    Discovery found =
        new ProbeRunner()
            .run(
                List.of(giving("b", "os.id", "debian"), giving("a", "cpu.arch", "x86_64")),
                new FakeHost());

    assertThat(found.facts())
        .containsExactly(
            entry("cpu.arch", new Fact.Text("x86_64")), entry("os.id", new Fact.Text("debian")));
    assertThat(found.warnings()).isEmpty();
    assertThat(found.timings()).containsOnlyKeys("b", "a");
  }

  @Test
  void a_probe_that_throws_gives_no_facts_and_a_warning_naming_it() {
    Probe broken =
        probe(
            "broken",
            c -> {
              throw new IllegalStateException("cannot parse /proc/cpuinfo");
            });

    Discovery found =
        new ProbeRunner().run(List.of(broken, giving("os", "os.id", "debian")), new FakeHost());

    assertThat(found.facts()).containsOnlyKeys("os.id");
    assertThat(found.warnings())
        .containsExactly(
            new Discovery.Message(
                "broken",
                "failed (IllegalStateException: cannot parse /proc/cpuinfo); its facts are left"
                    + " out"));
  }

  @Test
  void an_error_such_as_a_missing_native_library_is_contained_too() {
    Probe native_ =
        probe(
            "oshi",
            c -> {
              throw new UnsatisfiedLinkError("libjnidispatch.so");
            });

    Discovery found = new ProbeRunner().run(List.of(native_), new FakeHost());

    assertThat(found.facts()).isEmpty();
    assertThat(found.warnings()).extracting(Discovery.Message::probe).containsExactly("oshi");
  }

  @Test
  void a_probe_that_hangs_is_cut_off_at_the_timeout_and_the_others_still_report() {
    CountDownLatch never = new CountDownLatch(1);
    Probe hanging =
        probe(
            "hanging",
            c -> {
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return ProbeResult.builder().fact("late.fact", new Fact.Flag(true)).build();
            });

    Discovery found =
        new ProbeRunner(Duration.ofMillis(200))
            .run(List.of(hanging, giving("os", "os.id", "debian")), new FakeHost());

    assertThat(found.facts()).containsOnlyKeys("os.id");
    assertThat(found.warnings())
        .containsExactly(
            new Discovery.Message(
                "hanging", "did not finish within 200 ms; its facts are left out"));
    assertThat(found.elapsed()).isLessThan(Duration.ofSeconds(5));
    assertThat(found.timings()).containsOnlyKeys("os");
  }

  @Test
  void a_hanging_probe_is_interrupted_so_its_commands_are_killed() throws InterruptedException {
    CountDownLatch interrupted = new CountDownLatch(1);
    Probe hanging =
        probe(
            "hanging",
            c -> {
              try {
                new CountDownLatch(1).await();
              } catch (InterruptedException e) {
                interrupted.countDown();
              }
              return ProbeResult.empty();
            });

    new ProbeRunner(Duration.ofMillis(100)).run(List.of(hanging), new FakeHost());

    assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void probes_run_side_by_side() {
    // Each probe waits for the other to start: run one after the other, both would time out.
    CountDownLatch bothStarted = new CountDownLatch(2);
    Function<ProbeContext, ProbeResult> meet =
        c -> {
          bothStarted.countDown();
          try {
            return bothStarted.await(5, TimeUnit.SECONDS) ? ProbeResult.empty() : null;
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        };

    Discovery found =
        new ProbeRunner().run(List.of(probe("a", meet), probe("b", meet)), new FakeHost());

    assertThat(found.warnings()).isEmpty();
  }

  @Test
  void a_key_given_by_two_probes_keeps_the_first_probe_s_value_and_warns() {
    Discovery found =
        new ProbeRunner()
            .run(
                List.of(giving("platform", "os.id", "debian"), giving("other", "os.id", "ubuntu")),
                new FakeHost());

    assertThat(found.facts()).containsExactly(entry("os.id", new Fact.Text("debian")));
    assertThat(found.warnings())
        .containsExactly(
            new Discovery.Message(
                "other", "os.id is already given by platform; kept platform's value"));
  }

  @Test
  void warnings_and_notes_carry_the_probe_they_came_from() {
    Probe gpu =
        probe(
            "gpu",
            c ->
                ProbeResult.builder()
                    .warning("nvidia-smi found no devices")
                    .note("asked twice")
                    .build());

    Discovery found = new ProbeRunner().run(List.of(gpu), new FakeHost());

    assertThat(found.warnings())
        .extracting(Object::toString)
        .containsExactly("gpu: nvidia-smi found no devices");
    assertThat(found.notes()).extracting(Object::toString).containsExactly("gpu: asked twice");
  }

  @Test
  void a_probe_that_returns_nothing_is_a_warning() {
    Discovery found = new ProbeRunner().run(List.of(probe("null", c -> null)), new FakeHost());

    assertThat(found.warnings())
        .extracting(Object::toString)
        .containsExactly(
            "null: failed (IllegalStateException: returned no result); its facts are left out");
  }
}
