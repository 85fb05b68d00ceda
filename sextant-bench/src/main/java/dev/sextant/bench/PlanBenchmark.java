package dev.sextant.bench;

import dev.sextant.core.compat.Validators;
import dev.sextant.core.plan.Plan;
import dev.sextant.core.plan.Planner;
import dev.sextant.core.plan.Target;
import dev.sextant.core.resource.Resource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 4's goal: one release of 3 variants × 50 requirements planned against 10,000 fingerprints
 * of ~200 facts in at most 250 ms on 2 cores. The plan is built whole, with every finding, as
 * {@code sextant plan} would print it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
// A 10,000-environment plan allocates about half a gigabyte of findings, most of it kept until
// the plan is done: the throughput collector copes with that at a third of G1's cost here.
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PlanBenchmark {
  @Param({"10000"})
  public int fingerprints;

  private Planner planner;
  private Resource release;
  private List<Target> fleet;

  @Setup
  public void setUp() {
    planner = new Planner(Validators.standard());
    release = Workload.release();
    fleet = Workload.fleet(fingerprints, Tags.X86_64, Tags.AARCH64);
  }

  @Benchmark
  public Plan plan() {
    return planner.plan(List.of(release), fleet, List.of());
  }
}
