package dev.sextant.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sextant.core.compat.Constraint;
import dev.sextant.core.compat.Finding;
import dev.sextant.core.compat.Validators;
import dev.sextant.core.fingerprint.Fact;
import dev.sextant.core.fingerprint.Fingerprint;
import dev.sextant.core.resource.spec.Requirement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Issue 4's second figure: one wheel check against a real CPython 3.11 tag list. The wheels cover
 * an early match, a late one (the generic {@code linux_x86_64} tag sits near the end of pip's
 * order) and none at all (every tag is scanned).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WheelBenchmark {
  @Param({
    "numpy-2.0.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
    "torch-2.3.1+cu121-cp311-cp311-linux_x86_64.whl",
    "pydantic_core-2.18.4-cp312-cp312-macosx_11_0_arm64.whl"
  })
  public String wheel;

  private Constraint check;
  private Fingerprint host;

  @Setup
  public void setUp() {
    ObjectNode with = JsonNodeFactory.instance.objectNode().put("file", wheel);
    Requirement requirement =
        new Requirement(
            Optional.empty(),
            "",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("wheel"),
            with);
    check = Validators.standard().get("wheel").prepare(requirement);
    host = Fingerprint.of(Map.of("python.tags", new Fact.Sequence(Tags.X86_64)));
  }

  @Benchmark
  public Finding evaluate() {
    return check.evaluate(host);
  }
}
