package dev.sextant.server.rollout.analysis;

import dev.sextant.core.analysis.Judged;
import dev.sextant.core.analysis.MetricRun;
import dev.sextant.core.resource.spec.AnalysisRun;
import dev.sextant.core.resource.spec.AnalysisTemplateSpec;
import dev.sextant.core.rollout.Phase;
import dev.sextant.core.rollout.PlanStep;
import dev.sextant.core.rollout.RolloutCommand;
import dev.sextant.core.rollout.RolloutEvent;
import dev.sextant.core.rollout.RolloutState;
import dev.sextant.server.analysis.AnalysisRunner;
import dev.sextant.server.analysis.AnalysisTick;
import dev.sextant.server.analysis.MetricSources;
import dev.sextant.server.analysis.RolloutSources;
import dev.sextant.server.rollout.RolloutEngine;
import dev.sextant.server.rollout.RolloutRefusal;
import dev.sextant.server.rollout.RolloutTarget;
import dev.sextant.server.secret.Secrets;
import dev.sextant.server.work.BackgroundWork;
import dev.sextant.server.work.OneTimeWork;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rollout's target with its analyses measured for real; every other command goes on to the target
 * it decorates. A {@code StartAnalysis} starts an {@link AnalysisRunner} over the canary instances'
 * scrapes, whose ticks are the one-time work {@code analysis-tick} of {@code
 * ROLLOUT@KEY#ANALYSIS#N} (the command's key, the analysis' name, the tick's number), each due when
 * the runner says. A tick measures; once the run has a verdict it delivers {@code MeasurementTaken}
 * to the engine, else it schedules the next tick. {@code StopAnalysis} drops the runner, and its
 * next tick does nothing.
 *
 * <p>Runners live in memory only: after a restart a tick finds none and, if the rollout still runs
 * that analysis, starts it again from its first measurement. Storing measurements comes later.
 */
public final class RolloutAnalyses implements RolloutTarget {
  private static final Logger LOG = LoggerFactory.getLogger(RolloutAnalyses.class);

  static final String TICK = "analysis-tick";
  // The core's name for the background analysis (Progress.BACKGROUND); step ones are "step-N".
  private static final String BACKGROUND = "background";
  private static final String STEP = "step-";

  private final RolloutTarget target;
  private final AnalysisTemplates templates;
  private final Function<String, MetricSources> sources;
  private final Baselines baselines;
  private final Clock clock;
  private final MeasurementLog log;
  private final Map<String, Run> runs = new ConcurrentHashMap<>();
  private final Set<String> stopped = ConcurrentHashMap.newKeySet();
  private final AtomicReference<RolloutEngine> engine = new AtomicReference<>();
  private final AtomicReference<BackgroundWork> work = new AtomicReference<>();
  private final OneTimeWork ticks =
      new OneTimeWork(TICK, OneTimeWork.DEFAULT_RETRY_DELAY, this::tick);

  /**
   * @param sources where a rollout's metrics are measured
   * @param baselines the baselines a judged analysis compares its rollout's canary with
   */
  public RolloutAnalyses(
      RolloutTarget target,
      AnalysisTemplates templates,
      Function<String, MetricSources> sources,
      Baselines baselines,
      Clock clock,
      MeasurementLog log) {
    this.target = target;
    this.templates = templates;
    this.sources = sources;
    this.baselines = baselines;
    this.clock = clock;
    this.log = log;
  }

  /** Analyses that scrape the canary instances, with no baseline and no Prometheus. */
  public RolloutAnalyses(
      RolloutTarget target,
      AnalysisTemplates templates,
      CanaryInstances canaries,
      HttpClient client,
      Clock clock,
      MeasurementLog log) {
    this(
        target,
        templates,
        rollout ->
            new RolloutSources(
                canaries.of(rollout),
                List.of(),
                Optional.empty(),
                new Secrets(Map.of()),
                client,
                clock),
        Baselines.NONE,
        clock,
        log);
  }

  public RolloutAnalyses(
      RolloutTarget target,
      AnalysisTemplates templates,
      CanaryInstances canaries,
      HttpClient client,
      Clock clock) {
    this(target, templates, canaries, client, clock, MeasurementLog.NONE);
  }

  /** The one-time work to give the background work when it is built. */
  public List<OneTimeWork> works() {
    return List.of(ticks);
  }

  /** Connects the engine verdicts go to and the background work that keeps the ticks. */
  public void drive(RolloutEngine engine, BackgroundWork work) {
    this.engine.set(engine);
    this.work.set(work);
  }

  @Override
  public void run(String rollout, RolloutCommand command) {
    if (command instanceof RolloutCommand.StartAnalysis start) {
      begin(
          rollout,
          new Tick(start.idempotencyKey(), start.analysis(), 0),
          new AnalysisRun(start.templates(), start.args()));
    } else if (command instanceof RolloutCommand.StopAnalysis stop) {
      runs.entrySet()
          .removeIf(
              e -> {
                boolean ends =
                    e.getValue().rollout().equals(rollout)
                        && e.getValue().analysis().equals(stop.analysis());
                if (ends) {
                  stopped.add(e.getKey());
                  stopBaseline(e.getValue());
                }
                return ends;
              });
    } else {
      target.run(rollout, command);
    }
  }

  /**
   * Starts the run and schedules the tick after {@code from}. Asked again for the same key (a
   * command carried out again after a crash), it keeps the run it has.
   */
  private void begin(String rollout, Tick from, AnalysisRun analysis) {
    Run run =
        runs.computeIfAbsent(
            from.key(), key -> Run.start(rollout, from.analysis(), runner(rollout, analysis)));
    schedule(rollout, from.next(), run.due().orElse(clock.instant()));
  }

  /** A runner, or why none could start: an error the first tick delivers as the verdict. */
  private Either runner(String rollout, AnalysisRun analysis) {
    List<AnalysisTemplateSpec> found = new ArrayList<>();
    for (String name : analysis.templates()) {
      Optional<AnalysisTemplateSpec> template = templates.named(name);
      if (template.isEmpty()) {
        return Either.error("no AnalysisTemplate " + name);
      }
      found.add(template.get());
    }
    AnalysisTemplateSpec template = merged(found);
    try {
      if (template.judge().isPresent()) {
        // Started before the sources are, which find its instances when they are made.
        baselines.start(rollout);
      }
      return Either.of(
          AnalysisRunner.start(template, analysis.args(), sources.apply(rollout), clock.instant()));
    } catch (IllegalArgumentException | IllegalStateException e) {
      return Either.error("the analysis cannot start: " + e.getMessage());
    }
  }

  private void stopBaseline(Run run) {
    if (run.judged()) {
      try {
        baselines.stop(run.rollout());
      } catch (RuntimeException e) {
        LOG.warn("rollout {}: cannot stop its baseline: {}", run.rollout(), e.getMessage());
      }
    }
  }

  // Several templates are one analysis, as in Argo Rollouts: their metrics all must pass.
  private static AnalysisTemplateSpec merged(List<AnalysisTemplateSpec> found) {
    if (found.size() == 1) {
      return found.get(0);
    }
    Map<String, AnalysisTemplateSpec.Arg> args = new LinkedHashMap<>();
    found.forEach(t -> t.args().forEach(a -> args.putIfAbsent(a.name(), a)));
    return new AnalysisTemplateSpec(
        found.stream().map(AnalysisTemplateSpec::description).collect(Collectors.joining("; ")),
        List.copyOf(args.values()),
        found.stream().flatMap(t -> t.metrics().stream()).toList(),
        found.stream().flatMap(t -> t.judge().stream()).findFirst(),
        found.stream().flatMap(t -> t.burnRate().stream()).findFirst());
  }

  private void tick(String rollout, String occasion) {
    Tick tick = Tick.parse(occasion);
    if (stopped.contains(tick.key())) {
      return;
    }
    Run run = runs.get(tick.key());
    if (run == null) {
      // Lost with a restart: start again from the first measurement, if still awaited.
      awaited(rollout, tick.analysis())
          .ifPresent(
              analysis -> {
                LOG.info("rollout {}: analysis {} starts again", rollout, tick.analysis());
                begin(rollout, tick, analysis);
              });
      return;
    }
    Instant now = clock.instant();
    Optional<RolloutEvent.MeasurementTaken> verdict =
        run.measure(
            now,
            taken -> {
              if (!taken.judged().isEmpty()) {
                log.taken(rollout, tick.analysis(), taken.judged());
              }
              taken.judgement().ifPresent(j -> log.judged(rollout, tick.analysis(), now, j));
            });
    if (verdict.isEmpty()) {
      schedule(rollout, tick.next(), run.due().orElse(clock.instant()));
      return;
    }
    try {
      engine().deliver(rollout, verdict.get());
    } catch (RolloutRefusal e) {
      LOG.info(
          "rollout {}: analysis {} verdict unheeded: {}", rollout, tick.analysis(), e.getMessage());
    }
    // Dropped only once delivered: a tick that failed to deliver comes again with the verdict.
    runs.remove(tick.key());
    stopBaseline(run);
  }

  /** The analysis the rollout still runs under that name, as its plan gives it. */
  private Optional<AnalysisRun> awaited(String rollout, String analysis) {
    RolloutState state;
    try {
      state = engine().state(rollout);
    } catch (RolloutRefusal e) {
      return Optional.empty();
    }
    if (state.phase().terminal()) {
      return Optional.empty();
    }
    if (analysis.equals(BACKGROUND)) {
      return state.backgroundAnalysis()
          ? state.plan().background().map(b -> new AnalysisRun(b.templates(), b.args()))
          : Optional.empty();
    }
    if (state.phase() != Phase.ANALYZING || !analysis.equals(STEP + state.step())) {
      return Optional.empty();
    }
    return state.currentStep() instanceof PlanStep.Analysis step
        ? Optional.of(step.run())
        : Optional.empty();
  }

  private void schedule(String rollout, Tick tick, Instant at) {
    BackgroundWork background = work.get();
    if (background == null) {
      throw new IllegalStateException("an analysis started before the background work was given");
    }
    background.scheduleAt(ticks, rollout, tick.occasion(), at);
  }

  private RolloutEngine engine() {
    RolloutEngine driven = engine.get();
    if (driven == null) {
      throw new IllegalStateException("an analysis ticked before the engine was given");
    }
    return driven;
  }

  /** One tick of one run: {@code KEY#ANALYSIS#N}. Keys and analysis names hold no '#'. */
  private record Tick(String key, String analysis, int number) {
    static Tick parse(String occasion) {
      String[] parts = occasion.split("#");
      if (parts.length != 3) {
        throw new IllegalArgumentException("not an analysis tick: " + occasion);
      }
      return new Tick(parts[0], parts[1], Integer.parseInt(parts[2]));
    }

    Tick next() {
      return new Tick(key, analysis, number + 1);
    }

    String occasion() {
      return key + "#" + analysis + "#" + number;
    }
  }

  /** A runner, or the error that kept it from starting. */
  private record Either(Optional<AnalysisRunner> runner, String error) {
    static Either of(AnalysisRunner runner) {
      return new Either(Optional.of(runner), "");
    }

    static Either error(String error) {
      return new Either(Optional.empty(), error);
    }
  }

  /** An analysis at work for a rollout. */
  private record Run(String rollout, String analysis, Either started) {
    static Run start(String rollout, String analysis, Either started) {
      return new Run(rollout, analysis, started);
    }

    Optional<Instant> due() {
      return started.runner().flatMap(AnalysisRunner::nextDue);
    }

    /** Whether a judge compares the canary with a baseline in this run. */
    boolean judged() {
      return started.runner().flatMap(r -> r.state().comparison()).isPresent();
    }

    /** Measures what is due; the event to deliver once the run has a verdict. */
    Optional<RolloutEvent.MeasurementTaken> measure(
        Instant now, java.util.function.Consumer<AnalysisTick> taken) {
      if (started.runner().isEmpty()) {
        return Optional.of(
            new RolloutEvent.MeasurementTaken(now, RolloutEvent.Verdict.ERROR, started.error()));
      }
      AnalysisRunner runner = started.runner().get();
      AnalysisTick tick = runner.measure(now);
      taken.accept(tick);
      return tick.verdict().map(v -> new RolloutEvent.MeasurementTaken(now, v, detail(runner)));
    }

    // Each metric with its last judgement, and the judge's summary, so the rollout's reason says
    // what decided.
    private static String detail(AnalysisRunner runner) {
      Stream<String> metrics =
          runner.state().metrics().stream()
              .filter(m -> !m.measurements().isEmpty())
              .map(RolloutAnalyses.Run::last);
      Stream<String> judge =
          runner.state().comparison().flatMap(c -> c.result()).stream()
              .map(r -> "judge: " + r.summary());
      return Stream.concat(judge, metrics).collect(Collectors.joining("; "));
    }

    private static String last(MetricRun run) {
      Judged judged = run.measurements().get(run.measurements().size() - 1);
      return run.metric().name()
          + " "
          + judged.phase().name().toLowerCase(Locale.ROOT)
          + ": "
          + judged.message();
    }
  }
}
