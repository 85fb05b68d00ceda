package dev.sextant.server.rollout.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.resource.spec.AnalysisTemplateSpec;
import dev.sextant.core.resource.spec.Metric;
import dev.sextant.core.resource.spec.Provider;
import dev.sextant.core.rollout.Hold;
import dev.sextant.core.rollout.Phase;
import dev.sextant.core.rollout.Revisions;
import dev.sextant.core.rollout.RolloutCommand;
import dev.sextant.core.rollout.RolloutEvent;
import dev.sextant.core.rollout.RolloutState;
import dev.sextant.server.analysis.CanaryInstance;
import dev.sextant.server.analysis.ScrapeProvider;
import dev.sextant.server.rollout.RolloutEngine;
import dev.sextant.server.rollout.RolloutWork;
import dev.sextant.server.store.Database;
import dev.sextant.server.work.BackgroundWork;
import dev.sextant.server.work.OneTimeWork;
import dev.sextant.server.work.SchedulerDialect;
import dev.sextant.server.work.WorkSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollout's analysis step measured for real: ticks on db-scheduler over H2 scrape a canary
 * instance every 200 ms, and the verdict moves the rollout on, fails it or pauses it.
 */
class RolloutAnalysesTest {
  private static final Revisions REVISIONS = new Revisions("sample-1", "sample-2");
  private static final Duration TICK = Duration.ofMillis(200);

  @TempDir Path home;
  private Database database;
  private BackgroundWork work;
  private RolloutEngine engine;
  private CanaryInstance canary;
  private final List<RolloutCommand> carried = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    canary = new CanaryInstance();
    database = Database.h2(home, Clock.systemUTC());
    node();
  }

  /** A server on the store: its engine, its analyses (none running yet) and its background work. */
  private void node() {
    RolloutWork rollouts = new RolloutWork();
    Map<String, AnalysisTemplateSpec> known =
        Map.of("server-errors", template("500"), "no-data", template("503"));
    RolloutAnalyses analyses =
        new RolloutAnalyses(
            (rollout, command) -> carried.add(command),
            name -> Optional.ofNullable(known.get(name)),
            rollout -> List.of(canary.base()),
            ScrapeProvider.client(),
            Clock.systemUTC());
    work =
        new BackgroundWork(
            database.dataSource(),
            SchedulerDialect.of(database.dialect()),
            new WorkSettings(
                "rollout-analyses-test",
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                4,
                4,
                Duration.ofMillis(100)),
            List.of(),
            Stream.of(rollouts.works(), analyses.works())
                .flatMap(List<OneTimeWork>::stream)
                .toList());
    engine = new RolloutEngine(database, analyses, rollouts, Clock.systemUTC());
    rollouts.drive(engine, work);
    analyses.drive(engine, work);
    work.start();
  }

  @AfterEach
  void stop() {
    work.close();
    database.close();
    canary.close();
  }

  @Test
  void a_canary_whose_errors_stay_flat_passes_the_analysis_and_the_rollout_moves_on()
      throws Exception {
    canary.requests(1_000, 3);
    startAtTheAnalysis("server-errors");

    RolloutState after = eventually(() -> engine.state("r1"), s -> s.step() == 2);

    assertThat(after.phase()).isEqualTo(Phase.PROGRESSING);
    assertThat(after.weight()).isEqualTo(60);
    // The move is committed before its commands run: the target gets the weight a moment later.
    eventually(
        () -> List.copyOf(carried),
        commands -> commands.contains(new RolloutCommand.SetCanaryWeight("r1/3/0", 60)));
  }

  @Test
  void after_a_restart_the_analysis_starts_again_and_still_decides() throws Exception {
    startAtTheAnalysis("server-errors");
    work.close();

    // A new server on the same store: its analyses hold no runner, the ticks are in the store.
    node();
    RolloutState after = eventually(() -> engine.state("r1"), s -> s.step() == 2);

    assertThat(after.weight()).isEqualTo(60);
  }

  @Test
  void a_canary_whose_errors_climb_fails_the_rollout_with_weight_0_first() throws Exception {
    startAtTheAnalysis("server-errors");
    canary.requests(1_000, 1_000);

    RolloutState after = eventually(() -> engine.state("r1"), s -> s.phase().terminal());

    assertThat(after.phase()).isEqualTo(Phase.FAILED);
    assertThat(after.weight()).isZero();
    assertThat(after.reason()).contains("failed", "server-errors failed");
    // The move is committed before its commands are carried out: wait for the rollback's.
    List<RolloutCommand> all =
        eventually(
            () -> List.copyOf(carried),
            c -> c.get(c.size() - 1) instanceof RolloutCommand.RecordOutcome);
    assertThat(all.get(1))
        .as("the abort's first command is weight 0: " + all)
        .isEqualTo(new RolloutCommand.SetCanaryWeight("r1/3/0", 0));
  }

  @Test
  void an_analysis_naming_an_unknown_template_fails_the_rollout() throws Exception {
    startAtTheAnalysis("nowhere");

    RolloutState after = eventually(() -> engine.state("r1"), s -> s.phase().terminal());

    assertThat(after.phase()).isEqualTo(Phase.FAILED);
    assertThat(after.weight()).isZero();
    assertThat(after.reason()).contains("errored", "no AnalysisTemplate nowhere");
  }

  @Test
  void a_metric_without_data_is_inconclusive_and_pauses_the_rollout() throws Exception {
    startAtTheAnalysis("no-data");

    RolloutState after = eventually(() -> engine.state("r1"), s -> s.phase() != Phase.ANALYZING);

    assertThat(after.phase()).isEqualTo(Phase.PAUSED);
    assertThat(after.hold()).contains(Hold.INCONCLUSIVE);
    assertThat(after.reason()).contains("inconclusive", "server-errors inconclusive");
    assertThat(after.weight()).as("an inconclusive canary keeps its traffic").isEqualTo(20);
  }

  /** Starts the rollout and confirms its first step, so that its analysis step starts. */
  private void startAtTheAnalysis(String template) throws Exception {
    engine.start("r1", "sample", "dev", REVISIONS, 1, strategy(template), "alice");
    // The state the move made: a quick verdict may have moved it on by the time it is read again.
    assertThat(
            engine
                .deliver("r1", new RolloutEvent.StepFinished(Clock.systemUTC().instant()))
                .phase())
        .isEqualTo(Phase.ANALYZING);
  }

  /**
   * Server errors per second of the canary's requests with {@code code}: passes below 0.5/s, fails
   * at 1/s; three measurements 200 ms apart after 200 ms.
   */
  private static AnalysisTemplateSpec template(String code) {
    Metric metric =
        new Metric(
            "server-errors",
            Optional.of(TICK),
            Optional.of(TICK),
            Optional.of(3),
            Optional.of("result[0] < 0.5"),
            Optional.of("result[0] >= 1"),
            0,
            0,
            4,
            false,
            new Provider.Scrape(
                "/metrics", Optional.empty(), "http_requests_total", Map.of("code", code)));
    return new AnalysisTemplateSpec(
        "", List.of(), List.of(metric), Optional.empty(), Optional.empty());
  }

  /** setWeight 20, analysis of {@code template}, setWeight 60, promote; rolled back on failure. */
  private static ObjectNode strategy(String template) throws Exception {
    return (ObjectNode)
        new ObjectMapper()
            .readTree(
                """
                {"canary": {"steps": [{"setWeight": 20}, {"analysis": {"templates": ["%s"]}},
                                      {"setWeight": 60}, {"promote": {}}]},
                 "abort": {"onFailure": "rollback", "progressDeadline": "30s"}}
                """
                    .formatted(template));
  }

  private static <T> T eventually(Supplier<T> read, Predicate<T> done) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    T value = read.get();
    while (!done.test(value)) {
      assertThat(System.nanoTime()).as("in time; last seen " + value).isLessThan(until);
      // Polling the store: ticks run on db-scheduler's threads, at its own pace.
      Thread.sleep(50);
      value = read.get();
    }
    return value;
  }
}
